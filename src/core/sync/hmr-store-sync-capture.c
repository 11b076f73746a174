/* hmr-store-sync-capture.c — every committed change, recorded for sending
 * in its own transaction
 *
 * hmr_store_begin() opens an SQLite session on the connection (the session
 * extension of DESIGN §2) and hmr_store_commit() reads what it saw just
 * before COMMIT: for each changed row of a table that travels, one outbox
 * row with the columns before and after, the office the record belongs to
 * and a stamp; the stamp of each edited field is kept in sync_field.  A
 * write and its outbox rows commit together or not at all.  Databases
 * that are neither HQ nor an office capture nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hmr-sync-private.h"

static int
travels (void       *data,
         const char *table)
{
  return hmr_sync_table_lookup (table) != NULL;
}

void
hmr_store_sync_capture_begin (HmrStore *self)
{
  HmrSyncState *state = hmr_store_sync_state (self);

  /* A database on its own may have become HQ through another connection
   * (the window's Sync area writes an enrolment file in a thread): look
   * again, under the write lock, so that no change escapes capture */
  if (state->role == HMR_INSTALLATION_NONE && state->loaded)
    {
      hmr_store_sync_forget_identity (self);
      state = hmr_store_sync_state (self);
    }

  if (state->role == HMR_INSTALLATION_NONE || state->applying || state->session != NULL)
    return;
  if (sqlite3session_create (self->db, "main", &state->session) != SQLITE_OK)
    {
      /* hmr_store_sync_capture_commit() refuses the commit */
      state->session = NULL;
      state->loaded = FALSE;
      return;
    }
  sqlite3session_table_filter (state->session, travels, NULL);
  if (sqlite3session_attach (state->session, NULL) != SQLITE_OK)
    g_clear_pointer (&state->session, sqlite3session_delete);
}

void
hmr_store_sync_capture_end (HmrStore *self)
{
  HmrSyncState *state = hmr_store_sync_state (self);

  g_clear_pointer (&state->session, sqlite3session_delete);
}

/* Where a record goes: its office, or its parent's; NULL for reference
 * data (everyone); "" when the office cannot be found (HQ only) */
char *
hmr_store_sync_route (HmrStore            *self,
                      const HmrSyncTable  *table,
                      HmrSyncChange       *change,
                      GError             **error)
{
  g_autoptr(GVariant) value = NULL;
  g_autofree char *parent_id = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  const char *column;
  int rc;

  if (table->kind == HMR_SYNC_REFERENCE)
    return NULL;

  column = table->kind == HMR_SYNC_OFFICE ? "office_id" : table->fk;
  value = hmr_sync_cols_lookup (change->cols, column, 0);
  if (value != NULL)
    parent_id = hmr_sync_variant_to_text (value);
  else
    {
      sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?1", column, table->name);
      stmt = hmr_store_prepare (self, sql, error);
      if (stmt == NULL)
        return NULL;
      hmr_bind_text (stmt, 1, change->pk);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        parent_id = hmr_column_dup_text (stmt, 0);
      else if (rc != SQLITE_DONE)
        {
          hmr_store_set_sqlite_error (self, rc, error);
          return NULL;
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
      g_clear_pointer (&sql, g_free);
    }
  if (table->kind == HMR_SYNC_OFFICE || parent_id == NULL)
    return parent_id ? g_steal_pointer (&parent_id) : g_strdup ("");

  sql = g_strdup_printf ("SELECT office_id FROM %s WHERE id = ?1", table->parent);
  stmt = hmr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, parent_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return hmr_column_dup_text (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_strdup ("");
}

gboolean
hmr_store_sync_outbox_append (HmrStore       *self,
                              HmrSyncChange  *change,
                              GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = hmr_store_prepare (self,
                            "INSERT INTO sync_outbox (origin, stamp, route, tbl, pk, op, cols) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, change->origin);
  hmr_bind_text (stmt, 2, change->stamp);
  hmr_bind_text (stmt, 3, change->route);
  hmr_bind_text (stmt, 4, change->table);
  hmr_bind_text (stmt, 5, change->pk);
  sqlite3_bind_int (stmt, 6, change->op);
  sqlite3_bind_blob (stmt, 7, g_variant_get_data (change->cols), g_variant_get_size (change->cols),
                     SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  change->seq = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* The stamp of a local edit: now, but after every stamp the edited fields
 * had, so that an edit made after receiving another's always wins over
 * it, whatever the two computers' clocks say */
static char *
stamp_local_edit (HmrStore       *self,
                  HmrSyncState   *state,
                  HmrSyncChange  *change,
                  GError        **error)
{
  g_autofree char *now = hmr_store_dup_timestamp (self);
  g_autofree char *stamp = hmr_sync_stamp_new (now, 0, state->installation_id);
  g_autoptr(sqlite3_stmt) read = NULL;
  g_autoptr(sqlite3_stmt) write = NULL;
  const HmrSyncColumns *info;
  GVariantIter iter;
  const char *name;

  if (change->op != SQLITE_UPDATE)
    return g_steal_pointer (&stamp);

  info = hmr_store_sync_columns (self, change->table, error);
  read = hmr_store_prepare (self, "SELECT stamp FROM sync_field WHERE tbl = ?1 AND pk = ?2 AND col = ?3", error);
  write = hmr_store_prepare (self,
                             "INSERT INTO sync_field (tbl, pk, col, stamp) VALUES (?1, ?2, ?3, ?4) "
                             "ON CONFLICT (tbl, pk, col) DO UPDATE SET stamp = excluded.stamp",
                             error);
  if (info == NULL || read == NULL || write == NULL)
    return NULL;

  g_variant_iter_init (&iter, change->cols);
  while (g_variant_iter_next (&iter, "(&s@mv@mv)", &name, NULL, NULL))
    {
      int rc;

      hmr_bind_text (read, 1, change->table);
      hmr_bind_text (read, 2, change->pk);
      hmr_bind_text (read, 3, name);
      rc = sqlite3_step (read);
      if (rc == SQLITE_ROW)
        {
          g_autofree char *bumped = hmr_sync_stamp_bump ((const char *) sqlite3_column_text (read, 0),
                                                         state->installation_id);
          if (strcmp (bumped, stamp) > 0)
            {
              g_free (stamp);
              stamp = g_steal_pointer (&bumped);
            }
        }
      else if (rc != SQLITE_DONE)
        {
          hmr_store_set_sqlite_error (self, rc, error);
          return NULL;
        }
      sqlite3_reset (read);
    }

  g_variant_iter_init (&iter, change->cols);
  while (g_variant_iter_next (&iter, "(&s@mv@mv)", &name, NULL, NULL))
    {
      int rc;

      hmr_bind_text (write, 1, change->table);
      hmr_bind_text (write, 2, change->pk);
      hmr_bind_text (write, 3, name);
      hmr_bind_text (write, 4, stamp);
      rc = sqlite3_step (write);
      sqlite3_reset (write);
      if (rc != SQLITE_DONE)
        {
          hmr_store_set_sqlite_error (self, rc, error);
          return NULL;
        }
    }
  return g_steal_pointer (&stamp);
}

/* One row of the changeset as an outbox change; NULL when nothing of it
 * travels (an update of local columns only) */
static HmrSyncChange *
read_change (HmrStore                *self,
             sqlite3_changeset_iter  *it,
             GError                 **error)
{
  g_autoptr(HmrSyncChange) change = g_new0 (HmrSyncChange, 1);
  const HmrSyncColumns *info;
  const char *table;
  unsigned char *pk_flags = NULL;
  int n_cols, op, indirect;
  GVariantBuilder cols;
  GString *pk = g_string_new (NULL);
  guint n_edited = 0;

  sqlite3changeset_op (it, &table, &n_cols, &op, &indirect);
  sqlite3changeset_pk (it, &pk_flags, &n_cols);
  info = hmr_store_sync_columns (self, table, error);
  if (info == NULL)
    {
      g_string_free (pk, TRUE);
      return NULL;
    }
  g_assert ((guint) n_cols == info->n);

  change->table = g_strdup (table);
  change->op = op;
  g_variant_builder_init (&cols, G_VARIANT_TYPE (HMR_SYNC_COLS_TYPE));
  for (int i = 0; i < n_cols; i++)
    {
      sqlite3_value *before = NULL, *after = NULL;
      const char *name = info->names[i];

      if (op != SQLITE_INSERT)
        sqlite3changeset_old (it, i, &before);
      if (op != SQLITE_DELETE)
        sqlite3changeset_new (it, i, &after);

      if (pk_flags[i])
        {
          sqlite3_value *key = op == SQLITE_INSERT ? after : before;
          g_autoptr(GVariant) v = g_variant_ref_sink (hmr_sync_value_to_variant (key));
          g_autofree char *text = hmr_sync_variant_to_text (v);

          if (pk->len > 0)
            g_string_append_c (pk, '\x1f');
          g_string_append (pk, text ? text : "");
          g_variant_builder_add (&cols, "(s@mv@mv)", name,
                                 op == SQLITE_INSERT ? hmr_sync_value_to_variant (NULL) : v,
                                 op == SQLITE_DELETE ? hmr_sync_value_to_variant (NULL) : v);
          continue;
        }
      if (op == SQLITE_UPDATE && (after == NULL || hmr_sync_column_is_local (table, name)))
        continue;
      g_variant_builder_add (&cols, "(s@mv@mv)", name,
                             hmr_sync_value_to_variant (op == SQLITE_INSERT ? NULL : before),
                             hmr_sync_value_to_variant (op == SQLITE_DELETE ? NULL : after));
      n_edited++;
    }
  change->cols = g_variant_ref_sink (g_variant_builder_end (&cols));
  change->pk = g_string_free (pk, FALSE);
  if (op == SQLITE_UPDATE && n_edited == 0)
    {
      g_clear_pointer (&change, hmr_sync_change_free);
      return NULL;
    }
  return g_steal_pointer (&change);
}

/* Update changes list only the key and the edited columns: the stamps
 * are of these */
static gboolean
record_changeset (HmrStore      *self,
                  HmrSyncState  *state,
                  int            n,
                  void          *buf,
                  GError       **error)
{
  sqlite3_changeset_iter *it = NULL;
  gboolean ok = TRUE;
  int rc;

  rc = sqlite3changeset_start (&it, n, buf);
  if (rc != SQLITE_OK)
    return hmr_store_set_sqlite_error (self, rc, error);
  while (ok && sqlite3changeset_next (it) == SQLITE_ROW)
    {
      g_autoptr(HmrSyncChange) change = NULL;
      g_autoptr(GError) local_error = NULL;
      const HmrSyncTable *table;

      change = read_change (self, it, &local_error);
      if (change == NULL)
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              ok = FALSE;
            }
          continue;
        }
      table = hmr_sync_table_lookup (change->table);
      change->origin = g_strdup (state->installation_id);
      change->stamp = stamp_local_edit (self, state, change, error);
      if (change->stamp == NULL)
        {
          ok = FALSE;
          break;
        }
      change->route = hmr_store_sync_route (self, table, change, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          ok = FALSE;
          break;
        }
      ok = hmr_store_sync_outbox_append (self, change, error) &&
           hmr_store_sync_append_moved (self, change, error);
    }
  rc = sqlite3changeset_finalize (it);
  if (ok && rc != SQLITE_OK)
    return hmr_store_set_sqlite_error (self, rc, error);
  return ok;
}

/**
 * hmr_store_sync_capture_commit:
 *
 * Inside the transaction, just before COMMIT: records what the session
 * saw.  A failure here fails the commit: a change that could not be
 * recorded for sending is not saved either.
 */
gboolean
hmr_store_sync_capture_commit (HmrStore  *self,
                               GError   **error)
{
  HmrSyncState *state = hmr_store_sync_state (self);
  sqlite3_session *session;
  void *buf = NULL;
  int n = 0;
  int rc;
  gboolean ok;

  if (state->role == HMR_INSTALLATION_NONE || state->applying)
    return TRUE;
  if (state->session == NULL)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_FAILED,
                   _("Nothing was saved: the change could not be recorded for the other installations."));
      return FALSE;
    }
  session = g_steal_pointer (&state->session);
  rc = sqlite3session_changeset (session, &n, &buf);
  sqlite3session_delete (session);
  if (rc != SQLITE_OK)
    return hmr_store_set_sqlite_error (self, rc, error);
  if (n == 0)
    return TRUE;
  ok = record_changeset (self, state, n, buf, error);
  sqlite3_free (buf);
  return ok;
}
