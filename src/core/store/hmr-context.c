/* hmr-context.c
 *
 * One object handed down from the window to every page and dialog, as
 * GNOME Calendar hands its context: the store (which announces every
 * change, HmrStore::changed), the acting user, and the one place that
 * decides how work in a thread gets its connection: another connection to
 * the same file whose commits the window's store announces.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hmr-context.h"

struct _HmrContext
{
  GObject   parent_instance;
  HmrStore *store;
  HmrActor *actor;
};

G_DEFINE_FINAL_TYPE (HmrContext, hmr_context, G_TYPE_OBJECT)

static void
hmr_context_finalize (GObject *object)
{
  HmrContext *self = HMR_CONTEXT (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, hmr_actor_free);

  G_OBJECT_CLASS (hmr_context_parent_class)->finalize (object);
}

static void
hmr_context_class_init (HmrContextClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hmr_context_finalize;
}

static void
hmr_context_init (HmrContext *self)
{
}

/**
 * hmr_context_new:
 * @actor: the logged-in user; copied
 */
HmrContext *
hmr_context_new (HmrStore       *store,
                 const HmrActor *actor)
{
  HmrContext *self;

  g_return_val_if_fail (HMR_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  self = g_object_new (HMR_TYPE_CONTEXT, NULL);
  self->store = g_object_ref (store);
  self->actor = hmr_actor_copy (actor);
  return self;
}

HmrStore *
hmr_context_get_store (HmrContext *self)
{
  g_return_val_if_fail (HMR_IS_CONTEXT (self), NULL);
  return self->store;
}

const HmrActor *
hmr_context_get_actor (HmrContext *self)
{
  g_return_val_if_fail (HMR_IS_CONTEXT (self), NULL);
  return self->actor;
}

/**
 * hmr_context_open_connection:
 *
 * For one piece of work in a thread: a connection of its own to the same
 * file, with the same clock; what it commits is announced by the context's
 * store on the main context.  Open it in the thread that uses it.
 *
 * Returns: (transfer full) (nullable): the connection
 */
HmrStore *
hmr_context_open_connection (HmrContext  *self,
                             GError     **error)
{
  g_return_val_if_fail (HMR_IS_CONTEXT (self), NULL);
  return hmr_store_open_sibling (self->store, error);
}

/**
 * hmr_context_new_worker:
 *
 * For repeated work in threads (a list's queries): a connection opened
 * the first time a thread needs it and kept for the next.
 *
 * Returns: (transfer full): the worker
 */
HmrStoreWorker *
hmr_context_new_worker (HmrContext *self)
{
  g_return_val_if_fail (HMR_IS_CONTEXT (self), NULL);
  return hmr_store_worker_new (self->store);
}
