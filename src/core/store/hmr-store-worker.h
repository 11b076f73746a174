/* hmr-store-worker.h — a connection of its own for work done in a thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-store.h"

G_BEGIN_DECLS

typedef struct _HmrStoreWorker HmrStoreWorker;

HmrStoreWorker *hmr_store_worker_new     (HmrStore        *store);
HmrStoreWorker *hmr_store_worker_ref     (HmrStoreWorker  *worker);
void            hmr_store_worker_unref   (HmrStoreWorker  *worker);
HmrStore       *hmr_store_worker_acquire (HmrStoreWorker  *worker,
                                          GError         **error);
void            hmr_store_worker_release (HmrStoreWorker  *worker);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrStoreWorker, hmr_store_worker_unref)

G_END_DECLS
