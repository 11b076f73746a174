/* hmr-store-sync-move.c — a record that changes office travels whole
 *
 * A case transferred from one office to another changes the office_id of
 * the person, the case and everything in it.  Sent as it was captured,
 * that is an UPDATE the new office cannot apply (it never held the rows)
 * and the old office never hears of (HQ routes a change to the record's
 * office, which is now the new one).  So HQ, which holds every office,
 * adds to the UPDATE:
 *  - the same UPDATE for the old office, whose laptops then no longer
 *    count the record as theirs;
 *  - the record whole, and each of its children whole (histories, items),
 *    for the new office, as INSERTs that change nothing where the rows
 *    are already held.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hmr-sync-private.h"

static HmrSyncChange *
change_copy (const HmrSyncChange *change,
             const char          *route)
{
  HmrSyncChange *copy = g_new0 (HmrSyncChange, 1);

  copy->origin = g_strdup (change->origin);
  copy->stamp = g_strdup (change->stamp);
  copy->table = g_strdup (change->table);
  copy->op = change->op;
  copy->pk = g_strdup (change->pk);
  copy->cols = g_variant_ref (change->cols);
  copy->route = g_strdup (route);
  return copy;
}

/* Every row of @table whose @column is @id, whole, for @route */
static gboolean
append_whole_rows (HmrStore             *self,
                   const char           *table,
                   const char           *column,
                   const char           *id,
                   const HmrSyncChange  *cause,
                   const char           *route,
                   GError              **error)
{
  const HmrSyncColumns *info = hmr_store_sync_columns (self, table, error);
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (info == NULL)
    return FALSE;
  for (guint i = 0; i < info->n; i++)
    g_string_append_printf (sql, "%s%s", i ? ", " : "", info->names[i]);
  g_string_append_printf (sql, " FROM %s WHERE %s = ?1", table, column);
  stmt = hmr_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(HmrSyncChange) whole = g_new0 (HmrSyncChange, 1);
      GString *pk = g_string_new (NULL);
      GVariantBuilder cols;

      g_variant_builder_init (&cols, G_VARIANT_TYPE (HMR_SYNC_COLS_TYPE));
      for (guint i = 0; i < info->n; i++)
        {
          g_autoptr(GVariant) value = g_variant_ref_sink (hmr_sync_column_to_variant (stmt, i));

          /* the key as the capture writes it: its columns in order */
          if (info->pk[i] > 0)
            {
              g_autofree char *text = hmr_sync_variant_to_text (value);

              if (pk->len > 0)
                g_string_append_c (pk, '\x1f');
              g_string_append (pk, text ? text : "");
            }
          g_variant_builder_add (&cols, "(s@mv@mv)", info->names[i], hmr_sync_value_to_variant (NULL), value);
        }
      whole->origin = g_strdup (cause->origin);
      whole->stamp = g_strdup (cause->stamp);
      whole->table = g_strdup (table);
      whole->op = SQLITE_INSERT;
      whole->pk = g_string_free (pk, FALSE);
      whole->cols = g_variant_ref_sink (g_variant_builder_end (&cols));
      whole->route = g_strdup (route);
      if (!hmr_store_sync_outbox_append (self, whole, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

/**
 * hmr_store_sync_append_moved:
 * @change: a change just put in the outbox, routed to its record's office
 *
 * At HQ, inside the transaction that captured or received @change: when
 * @change moved a record to another office, also puts in the outbox what
 * the old and the new office need (see above).  Elsewhere, and for any
 * other change, does nothing.
 */
gboolean
hmr_store_sync_append_moved (HmrStore       *self,
                             HmrSyncChange  *change,
                             GError        **error)
{
  const HmrSyncTable *table = hmr_sync_table_lookup (change->table);
  g_autoptr(GVariant) before = NULL;
  g_autoptr(GVariant) after = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  const HmrSyncTable *tables;
  guint n_tables;

  if (table == NULL || table->kind != HMR_SYNC_OFFICE || change->op != SQLITE_UPDATE ||
      hmr_store_sync_state (self)->role != HMR_INSTALLATION_HQ)
    return TRUE;
  before = hmr_sync_cols_lookup (change->cols, "office_id", 1);
  after = hmr_sync_cols_lookup (change->cols, "office_id", 2);
  if (before == NULL || after == NULL)
    return TRUE;      /* the office did not change */
  from = hmr_sync_variant_to_text (before);
  to = hmr_sync_variant_to_text (after);
  if (to == NULL || g_strcmp0 (from, to) == 0)
    return TRUE;

  if (from != NULL)
    {
      g_autoptr(HmrSyncChange) told = change_copy (change, from);

      if (!hmr_store_sync_outbox_append (self, told, error))
        return FALSE;
    }
  if (!append_whole_rows (self, table->name, "id", change->pk, change, to, error))
    return FALSE;
  tables = hmr_sync_tables (&n_tables);
  for (guint i = 0; i < n_tables; i++)
    if (tables[i].kind == HMR_SYNC_CHILD && g_strcmp0 (tables[i].parent, table->name) == 0 &&
        !append_whole_rows (self, tables[i].name, tables[i].fk, change->pk, change, to, error))
      return FALSE;
  return TRUE;
}
