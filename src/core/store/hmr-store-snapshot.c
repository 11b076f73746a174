/* hmr-store-snapshot.c — reads that must agree with each other: one read
 * transaction, so that what other connections commit meanwhile shows in
 * none of them rather than in some
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hmr-store-private.h"

/**
 * hmr_store_begin_snapshot:
 *
 * Until hmr_store_end_snapshot(), every read of @self sees the database as
 * it stands now.  Inside a transaction already (a snapshot or a write), it
 * joins it.  Calls nest.  Writes wait until the snapshot ends.
 *
 * Returns: %FALSE with @error set when the snapshot could not begin; then
 *   hmr_store_end_snapshot() is not called
 */
gboolean
hmr_store_begin_snapshot (HmrStore  *self,
                          GError   **error)
{
  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  if (self->snapshot_depth > 0)
    {
      self->snapshot_depth++;
      return TRUE;
    }
  self->snapshot_owned = sqlite3_get_autocommit (self->db);
  /* A deferred transaction starts reading at its first read: read now,
   * so that the snapshot is taken here and not at the caller's first query */
  if (self->snapshot_owned &&
      (!hmr_store_exec (self, "BEGIN DEFERRED", error) ||
       !hmr_store_exec (self, "SELECT count(*) FROM sqlite_schema", error)))
    {
      if (!sqlite3_get_autocommit (self->db))
        hmr_store_rollback (self);
      return FALSE;
    }
  self->snapshot_depth = 1;
  return TRUE;
}

/**
 * hmr_store_end_snapshot:
 *
 * Ends what hmr_store_begin_snapshot() began.
 */
void
hmr_store_end_snapshot (HmrStore *self)
{
  g_return_if_fail (HMR_IS_STORE (self));
  g_return_if_fail (self->snapshot_depth > 0);

  if (--self->snapshot_depth > 0 || !self->snapshot_owned)
    return;
  /* nothing was written: ending it cannot lose anything */
  if (!sqlite3_get_autocommit (self->db) &&
      sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    hmr_store_rollback (self);
}
