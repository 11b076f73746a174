/* hmr-area-page.c
 *
 * Every area of the main window (Today, the referral board, finance…)
 * is a page made for one store and one user, both fixed for its whole
 * life: they are construct-only properties here, once, rather than in
 * each page.  They are let go in finalize, not dispose, so that a signal
 * or an idle arriving while the page is being torn down still finds them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hmr-area-page.h"

typedef struct
{
  HmrStore   *store;
  HmrActor   *actor;
  HmrContext *context;
} HmrAreaPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (HmrAreaPage, hmr_area_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ACTOR,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hmr_area_page_finalize (GObject *object)
{
  HmrAreaPagePrivate *priv = hmr_area_page_get_instance_private (HMR_AREA_PAGE (object));

  g_clear_object (&priv->store);
  g_clear_pointer (&priv->actor, hmr_actor_free);
  g_clear_object (&priv->context);

  G_OBJECT_CLASS (hmr_area_page_parent_class)->finalize (object);
}

static void
hmr_area_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HmrAreaPagePrivate *priv = hmr_area_page_get_instance_private (HMR_AREA_PAGE (object));

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, priv->store);
      break;
    case PROP_ACTOR:
      g_value_set_boxed (value, priv->actor);
      break;
    case PROP_CONTEXT:
      g_value_set_object (value, priv->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hmr_area_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HmrAreaPagePrivate *priv = hmr_area_page_get_instance_private (HMR_AREA_PAGE (object));

  switch (prop_id)
    {
    case PROP_STORE:
      if (g_value_get_object (value) != NULL)
        g_set_object (&priv->store, g_value_get_object (value));
      break;
    case PROP_ACTOR:
      if (g_value_get_boxed (value) != NULL)
        {
          g_clear_pointer (&priv->actor, hmr_actor_free);
          priv->actor = g_value_dup_boxed (value);
        }
      break;
    case PROP_CONTEXT:
      priv->context = g_value_dup_object (value);
      if (priv->context != NULL)
        {
          g_set_object (&priv->store, hmr_context_get_store (priv->context));
          g_clear_pointer (&priv->actor, hmr_actor_free);
          priv->actor = hmr_actor_copy (hmr_context_get_actor (priv->context));
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
on_store_changed (HmrAreaPage  *self,
                  HmrChangeSet *changes)
{
  HmrAreaPageClass *klass = HMR_AREA_PAGE_GET_CLASS (self);

  if (klass->store_changed != NULL)
    klass->store_changed (self, changes);
}

static void
hmr_area_page_constructed (GObject *object)
{
  HmrAreaPage *self = HMR_AREA_PAGE (object);
  HmrAreaPagePrivate *priv = hmr_area_page_get_instance_private (self);

  G_OBJECT_CLASS (hmr_area_page_parent_class)->constructed (object);

  if (priv->context == NULL && priv->store != NULL && priv->actor != NULL)
    priv->context = hmr_context_new (priv->store, priv->actor);
  /* Every committed change, from any dialog, thread, import or bundle */
  if (priv->store != NULL)
    g_signal_connect_object (priv->store, "changed", G_CALLBACK (on_store_changed), self,
                             G_CONNECT_SWAPPED);
}

static void
hmr_area_page_class_init (HmrAreaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = hmr_area_page_constructed;
  object_class->finalize = hmr_area_page_finalize;
  object_class->get_property = hmr_area_page_get_property;
  object_class->set_property = hmr_area_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HMR_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR] =
    g_param_spec_boxed ("actor", NULL, NULL, HMR_TYPE_ACTOR,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, HMR_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hmr_area_page_init (HmrAreaPage *self)
{
}

/**
 * hmr_area_page_get_store:
 *
 * Returns: (transfer none): the store the page reads and writes
 */
HmrStore *
hmr_area_page_get_store (HmrAreaPage *self)
{
  HmrAreaPagePrivate *priv;

  g_return_val_if_fail (HMR_IS_AREA_PAGE (self), NULL);

  priv = hmr_area_page_get_instance_private (self);
  return priv->store;
}

/**
 * hmr_area_page_get_actor:
 *
 * Returns: (transfer none): the user the page acts for
 */
const HmrActor *
hmr_area_page_get_actor (HmrAreaPage *self)
{
  HmrAreaPagePrivate *priv;

  g_return_val_if_fail (HMR_IS_AREA_PAGE (self), NULL);

  priv = hmr_area_page_get_instance_private (self);
  return priv->actor;
}

/**
 * hmr_area_page_get_context:
 *
 * Returns: (transfer none): the store, the user and the connections for
 *   threads, handed down to the page's dialogs
 */
HmrContext *
hmr_area_page_get_context (HmrAreaPage *self)
{
  HmrAreaPagePrivate *priv;

  g_return_val_if_fail (HMR_IS_AREA_PAGE (self), NULL);

  priv = hmr_area_page_get_instance_private (self);
  return priv->context;
}
