/* hmr-store-sync-values.c — SQLite values as GVariants, the per-connection
 * sync state and the columns of the tables that travel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hmr-sync-private.h"

void (*hmr_sync_test_after_change) (guint n_applied) = NULL;

/* ---- values ----------------------------------------------------------- */

GVariant *
hmr_sync_value_to_variant (sqlite3_value *value)
{
  GVariant *inner = NULL;

  if (value == NULL)
    return g_variant_new_maybe (G_VARIANT_TYPE_VARIANT, NULL);
  switch (sqlite3_value_type (value))
    {
    case SQLITE_INTEGER:
      inner = g_variant_new_int64 (sqlite3_value_int64 (value));
      break;
    case SQLITE_FLOAT:
      inner = g_variant_new_double (sqlite3_value_double (value));
      break;
    case SQLITE_TEXT:
      inner = g_variant_new_string ((const char *) sqlite3_value_text (value));
      break;
    case SQLITE_BLOB:
      inner = g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, sqlite3_value_blob (value),
                                         sqlite3_value_bytes (value), 1);
      break;
    default:
      break;
    }
  return g_variant_new_maybe (G_VARIANT_TYPE_VARIANT,
                              inner ? g_variant_new_variant (inner) : NULL);
}

GVariant *
hmr_sync_column_to_variant (sqlite3_stmt *stmt,
                            int           column)
{
  return hmr_sync_value_to_variant (sqlite3_column_value (stmt, column));
}

void
hmr_sync_bind_variant (sqlite3_stmt *stmt,
                       int           index,
                       GVariant     *value)
{
  g_autoptr(GVariant) boxed = value ? g_variant_get_maybe (value) : NULL;
  g_autoptr(GVariant) inner = boxed ? g_variant_get_variant (boxed) : NULL;

  if (inner == NULL)
    sqlite3_bind_null (stmt, index);
  else if (g_variant_is_of_type (inner, G_VARIANT_TYPE_INT64))
    sqlite3_bind_int64 (stmt, index, g_variant_get_int64 (inner));
  else if (g_variant_is_of_type (inner, G_VARIANT_TYPE_DOUBLE))
    sqlite3_bind_double (stmt, index, g_variant_get_double (inner));
  else if (g_variant_is_of_type (inner, G_VARIANT_TYPE_STRING))
    sqlite3_bind_text (stmt, index, g_variant_get_string (inner, NULL), -1, SQLITE_TRANSIENT);
  else if (g_variant_is_of_type (inner, G_VARIANT_TYPE_BYTESTRING))
    {
      gsize n;
      gconstpointer data = g_variant_get_fixed_array (inner, &n, 1);
      sqlite3_bind_blob (stmt, index, n ? data : "", n, SQLITE_TRANSIENT);
    }
  else
    sqlite3_bind_null (stmt, index);
}

char *
hmr_sync_variant_to_text (GVariant *value)
{
  g_autoptr(GVariant) boxed = value ? g_variant_get_maybe (value) : NULL;
  g_autoptr(GVariant) inner = boxed ? g_variant_get_variant (boxed) : NULL;

  if (inner == NULL)
    return NULL;
  if (g_variant_is_of_type (inner, G_VARIANT_TYPE_STRING))
    return g_variant_dup_string (inner, NULL);
  if (g_variant_is_of_type (inner, G_VARIANT_TYPE_INT64))
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_variant_get_int64 (inner));
  return g_variant_print (inner, FALSE);
}

gboolean
hmr_sync_variant_equal (GVariant *a,
                        GVariant *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_variant_equal (a, b);
}

GVariant *
hmr_sync_cols_lookup (GVariant   *cols,
                      const char *column,
                      int         which)
{
  GVariantIter iter;
  const char *name;
  GVariant *before, *after;

  g_variant_iter_init (&iter, cols);
  while (g_variant_iter_next (&iter, "(&s@mv@mv)", &name, &before, &after))
    {
      if (g_str_equal (name, column))
        {
          GVariant *out;
          if (which == 1)
            out = g_variant_ref (before);
          else if (which == 2 || g_variant_n_children (after) > 0 || g_variant_n_children (before) == 0)
            out = g_variant_ref (after);
          else
            out = g_variant_ref (before);
          g_variant_unref (before);
          g_variant_unref (after);
          return out;
        }
      g_variant_unref (before);
      g_variant_unref (after);
    }
  return NULL;
}

void
hmr_sync_change_free (HmrSyncChange *change)
{
  if (change == NULL)
    return;
  g_free (change->origin);
  g_free (change->stamp);
  g_free (change->table);
  g_free (change->pk);
  g_clear_pointer (&change->cols, g_variant_unref);
  g_free (change->route);
  g_free (change);
}

/* ---- stamps ------------------------------------------------------------ */

/* "2026-11-23T09:30:00.000000Z/00000000/installation": compared as text,
 * later edits sort after earlier ones; the counter orders edits that
 * follow one another within one microsecond (or on a slow clock); the
 * installation settles a tie */
char *
hmr_sync_stamp_new (const char *timestamp,
                    guint       counter,
                    const char *installation_id)
{
  return g_strdup_printf ("%s/%08u/%s", timestamp, counter, installation_id);
}

char *
hmr_sync_stamp_bump (const char *stamp,
                     const char *installation_id)
{
  g_auto(GStrv) parts = g_strsplit (stamp, "/", 3);
  guint64 counter = 0;

  if (g_strv_length (parts) != 3 ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, 99999998, &counter, NULL))
    return g_strdup ("");
  return hmr_sync_stamp_new (parts[0], counter + 1, installation_id);
}

/* ---- per connection ---------------------------------------------------- */

static void
columns_free (gpointer data)
{
  HmrSyncColumns *c = data;

  for (guint i = 0; i < c->n; i++)
    g_free (c->names[i]);
  g_free (c->names);
  g_free (c->pk);
  g_free (c);
}

static void
state_free (gpointer data)
{
  HmrSyncState *state = data;

  if (state->session != NULL)
    sqlite3session_delete (state->session);
  g_free (state->installation_id);
  g_free (state->office_id);
  g_clear_pointer (&state->columns, g_hash_table_unref);
  g_free (state);
}

static GQuark
state_quark (void)
{
  static GQuark q;
  if (q == 0)
    q = g_quark_from_static_string ("hmr-sync-state");
  return q;
}

/**
 * hmr_store_sync_state:
 *
 * The connection's sync state; its identity is read the first time it is
 * asked for after the schema is up to date (migrations are never captured).
 */
HmrSyncState *
hmr_store_sync_state (HmrStore *self)
{
  static int latest = -1;
  HmrSyncState *state = g_object_get_qdata (G_OBJECT (self), state_quark ());

  if (state == NULL)
    {
      state = g_new0 (HmrSyncState, 1);
      state->columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, columns_free);
      g_object_set_qdata_full (G_OBJECT (self), state_quark (), state, state_free);
    }
  if (!state->loaded)
    {
      g_autoptr(sqlite3_stmt) stmt = NULL;

      if (latest < 0)
        latest = hmr_store_get_latest_schema_version ();
      if (self->schema_version < latest)
        return state;
      stmt = hmr_store_prepare (self, "SELECT id, role, office_id FROM sync_installation", NULL);
      if (stmt == NULL)
        return state;
      state->loaded = TRUE;
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          state->installation_id = hmr_column_dup_text (stmt, 0);
          state->role = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "hq") == 0
                        ? HMR_INSTALLATION_HQ : HMR_INSTALLATION_OFFICE;
          state->office_id = hmr_column_dup_text (stmt, 2);
        }
    }
  return state;
}

/* The state, looked at again when this connection last saw a database on
 * its own: another connection (a thread's) may have made it HQ since */
static HmrSyncState *
hmr_store_sync_current_state (HmrStore *self)
{
  HmrSyncState *state = hmr_store_sync_state (self);

  if (state->role == HMR_INSTALLATION_NONE && state->loaded && state->session == NULL)
    {
      hmr_store_sync_forget_identity (self);
      state = hmr_store_sync_state (self);
    }
  return state;
}

void
hmr_store_sync_forget_identity (HmrStore *self)
{
  HmrSyncState *state = hmr_store_sync_state (self);

  state->loaded = FALSE;
  state->role = HMR_INSTALLATION_NONE;
  g_clear_pointer (&state->installation_id, g_free);
  g_clear_pointer (&state->office_id, g_free);
}

HmrInstallationRole
hmr_store_sync_get_role (HmrStore *self)
{
  g_return_val_if_fail (HMR_IS_STORE (self), HMR_INSTALLATION_NONE);
  return hmr_store_sync_current_state (self)->role;
}

char *
hmr_store_sync_dup_installation_id (HmrStore *self)
{
  g_return_val_if_fail (HMR_IS_STORE (self), NULL);
  return g_strdup (hmr_store_sync_current_state (self)->installation_id);
}

const HmrSyncColumns *
hmr_store_sync_columns (HmrStore    *self,
                        const char  *table,
                        GError     **error)
{
  HmrSyncState *state = hmr_store_sync_state (self);
  HmrSyncColumns *cols = g_hash_table_lookup (state->columns, table);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GArray) pk = NULL;
  int rc;

  if (cols != NULL)
    return cols;
  if (hmr_sync_table_lookup (table) == NULL && !g_str_equal (table, "case_sequence") &&
      !g_str_equal (table, "record_sequence"))
    {
      g_set_error (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_BAD_FILE,
                   _("Records of “%s” do not travel between installations."), table);
      return NULL;
    }
  stmt = hmr_store_prepare (self, "SELECT name, pk FROM pragma_table_info (?1) ORDER BY cid", error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, table);
  names = g_ptr_array_new ();
  pk = g_array_new (FALSE, FALSE, sizeof (int));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int k = sqlite3_column_int (stmt, 1);
      g_ptr_array_add (names, hmr_column_dup_text (stmt, 0));
      g_array_append_val (pk, k);
    }
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  cols = g_new0 (HmrSyncColumns, 1);
  cols->n = names->len;
  cols->names = (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
  cols->pk = (int *) (gpointer) g_array_free (g_steal_pointer (&pk), FALSE);
  g_hash_table_insert (state->columns, g_strdup (table), cols);
  return cols;
}
