/* hmr-context.h — what every page and dialog is handed: the store, the
 * user it acts for, and how a thread gets a connection of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-store.h"
#include "hmr-store-worker.h"

G_BEGIN_DECLS

#define HMR_TYPE_CONTEXT (hmr_context_get_type ())
G_DECLARE_FINAL_TYPE (HmrContext, hmr_context, HMR, CONTEXT, GObject)

HmrContext     *hmr_context_new             (HmrStore        *store,
                                             const HmrActor  *actor);
HmrStore       *hmr_context_get_store       (HmrContext      *self);
const HmrActor *hmr_context_get_actor       (HmrContext      *self);
HmrStore       *hmr_context_open_connection (HmrContext      *self,
                                             GError         **error);
HmrStoreWorker *hmr_context_new_worker      (HmrContext      *self);

G_END_DECLS
