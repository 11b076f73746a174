/* hmr-store-worker.c
 *
 * An HmrStore is used by one thread at a time: its statements, its
 * transaction and its cache are not shared.  Work that must not freeze the
 * window (the registry's queries, the Today page's lists) runs in a GTask
 * thread on a connection of its own to the same file, opened the first
 * time it is needed and kept for the next query.  SQLite's WAL lets it read
 * while the window's connection writes.
 *
 * The worker copies the window's store's clock, so that "today" is the
 * same day on both connections (the tests set a clock of their own).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hmr-store-private.h"
#include "hmr-store-worker.h"

struct _HmrStoreWorker
{
  gint          ref_count;
  GMutex        lock;
  char         *path;
  HmrStoreNotices *notices;  /* the window's store announces what the worker commits */
  HmrClockFunc  clock_func;
  gpointer      clock_data;
  HmrStore     *store;      /* opened in a thread, used under lock */
};

/**
 * hmr_store_worker_new:
 *
 * Returns: (transfer full): a worker for @store's file; nothing is opened
 *   until a thread acquires it
 */
HmrStoreWorker *
hmr_store_worker_new (HmrStore *store)
{
  HmrStoreWorker *worker;

  g_return_val_if_fail (HMR_IS_STORE (store), NULL);

  worker = g_new0 (HmrStoreWorker, 1);
  worker->ref_count = 1;
  g_mutex_init (&worker->lock);
  worker->path = g_strdup (hmr_store_get_path (store));
  worker->notices = hmr_store_notices_ref (store->notices);
  worker->clock_func = store->clock_func;
  worker->clock_data = store->clock_data;
  return worker;
}

HmrStoreWorker *
hmr_store_worker_ref (HmrStoreWorker *worker)
{
  g_return_val_if_fail (worker != NULL, NULL);
  g_atomic_int_inc (&worker->ref_count);
  return worker;
}

void
hmr_store_worker_unref (HmrStoreWorker *worker)
{
  if (worker == NULL || !g_atomic_int_dec_and_test (&worker->ref_count))
    return;
  g_clear_object (&worker->store);
  g_mutex_clear (&worker->lock);
  g_free (worker->path);
  hmr_store_notices_unref (worker->notices);
  g_free (worker);
}

/**
 * hmr_store_worker_acquire:
 *
 * Waits for the connection to be free, opening it the first time.  Call
 * from the thread that does the work, and hmr_store_worker_release() when
 * done, also after an error.
 *
 * Returns: (transfer none) (nullable): the worker's store, or %NULL when
 *   it could not be opened
 */
HmrStore *
hmr_store_worker_acquire (HmrStoreWorker  *worker,
                          GError         **error)
{
  g_return_val_if_fail (worker != NULL, NULL);

  g_mutex_lock (&worker->lock);
  if (worker->store == NULL)
    {
      worker->store = hmr_store_open_with_notices (worker->path, worker->notices, error);
      if (worker->store != NULL && worker->clock_func != NULL)
        hmr_store_set_clock (worker->store, worker->clock_func, worker->clock_data);
    }
  return worker->store;
}

void
hmr_store_worker_release (HmrStoreWorker *worker)
{
  g_return_if_fail (worker != NULL);
  g_mutex_unlock (&worker->lock);
}
