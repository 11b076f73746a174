/* hmr-store-migrate.c — the schema's migrations (resources/sql), applied
 * in number order above the database's user_version
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hmr-resources.h"
#include "hmr-store-private.h"

#define SQL_RESOURCE_PATH "/org/hamroh/Hamroh/sql"

static int
migration_number (const char *name)
{
  guint64 n;
  g_autofree char *digits = NULL;
  const char *dash = strchr (name, '-');

  if (dash == NULL || !g_str_has_suffix (name, ".sql"))
    return -1;
  digits = g_strndup (name, dash - name);
  if (!g_ascii_string_to_unsigned (digits, 10, 1, 9999, &n, NULL))
    return -1;
  return (int) n;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return migration_number (*(const char **) a) - migration_number (*(const char **) b);
}

static GPtrArray *
list_migrations (void)
{
  g_auto(GStrv) children = NULL;
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  (void) hmr_core_get_resource ();
  children = g_resources_enumerate_children (SQL_RESOURCE_PATH, 0, NULL);
  for (guint i = 0; children && children[i]; i++)
    if (migration_number (children[i]) > 0)
      g_ptr_array_add (names, g_strdup (children[i]));
  g_ptr_array_sort (names, compare_names);
  return names;
}

int
hmr_store_get_latest_schema_version (void)
{
  g_autoptr(GPtrArray) names = list_migrations ();

  if (names->len == 0)
    return 0;
  return migration_number (g_ptr_array_index (names, names->len - 1));
}

int
hmr_store_read_user_version (HmrStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  return version;
}

/* Applies, each in its own transaction, the migrations numbered above the
 * database's schema version */
gboolean
hmr_store_apply_migrations (HmrStore  *self,
                            GError   **error)
{
  g_autoptr(GPtrArray) names = list_migrations ();

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      int number = migration_number (name);
      g_autofree char *path = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *set_version = NULL;
      char *errmsg = NULL;
      int rc;

      if (number <= self->schema_version)
        continue;

      path = g_strdup_printf ("%s/%s", SQL_RESOURCE_PATH, name);
      bytes = g_resources_lookup_data (path, 0, error);
      if (bytes == NULL)
        return FALSE;
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      if (!hmr_store_begin (self, error))
        return FALSE;
      rc = sqlite3_exec (self->db, sql, NULL, NULL, &errmsg);
      if (rc != SQLITE_OK)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_FAILED,
                       _("Could not upgrade the database to version %d (%s): %s"),
                       number, name, errmsg ? errmsg : sqlite3_errstr (rc));
          sqlite3_free (errmsg);
          hmr_store_rollback (self);
          return FALSE;
        }
      set_version = g_strdup_printf ("PRAGMA user_version = %d", number);
      if (!hmr_store_exec (self, set_version, error))
        {
          hmr_store_rollback (self);
          return FALSE;
        }
      if (!hmr_store_commit (self, error))
        return FALSE;
      self->schema_version = number;
    }
  return TRUE;
}
