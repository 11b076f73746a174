/* hmr-store.c — opening the database, migrations, transactions, audit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hmr-name-key.h"
#include "hmr-resources.h"
#include "hmr-store-private.h"

#define SQL_RESOURCE_PATH "/org/hamroh/Hamroh/sql"
#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

G_DEFINE_FINAL_TYPE (HmrStore, hmr_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (hmr-store-error-quark, hmr_store_error)

static void
hmr_store_finalize (GObject *object)
{
  HmrStore *self = HMR_STORE (object);

  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (hmr_store_parent_class)->finalize (object);
}

static void
hmr_store_class_init (HmrStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hmr_store_finalize;
}

static void
hmr_store_init (HmrStore *self)
{
}

/* ---- errors and statements ------------------------------------------ */

gboolean
hmr_store_set_sqlite_error (HmrStore  *self,
                            int        rc,
                            GError   **error)
{
  const char *detail = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DISK_FULL,
                   _("The disk is full, so nothing was saved. Free some space and try again."));
      break;
    case SQLITE_IOERR:
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_FAILED,
                   _("The database could not be written (input/output error: %s). Nothing was saved."),
                   detail);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CORRUPT,
                   _("The database file is damaged or is not a Hamroh database (%s)."),
                   detail);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_FAILED,
                   _("The database is busy with another program. Try again in a moment."));
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_FAILED,
                   _("The database cannot be opened for writing (%s)."), detail);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("The record breaks a rule of the database (%s). Nothing was saved."),
                   detail);
      break;
    case SQLITE_INTERRUPT:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled"));
      break;
    default:
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_FAILED,
                   _("Database error: %s"), detail);
      break;
    }
  return FALSE;
}

sqlite3_stmt *
hmr_store_prepare (HmrStore    *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return stmt;
}

gboolean
hmr_store_exec (HmrStore    *self,
                const char  *sql,
                GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return hmr_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

void
hmr_bind_text (sqlite3_stmt *stmt,
               int           index,
               const char   *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

char *
hmr_column_dup_text (sqlite3_stmt *stmt,
                     int           index)
{
  if (sqlite3_column_type (stmt, index) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, index));
}

gboolean
hmr_store_begin (HmrStore  *self,
                 GError   **error)
{
  return hmr_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
hmr_store_commit (HmrStore  *self,
                  GError   **error)
{
  int rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      hmr_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

void
hmr_store_rollback (HmrStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* ---- time and ids ----------------------------------------------------- */

void
hmr_store_set_clock (HmrStore     *self,
                     HmrClockFunc  func,
                     gpointer      user_data)
{
  g_return_if_fail (HMR_IS_STORE (self));
  self->clock_func = func;
  self->clock_data = user_data;
}

GDateTime *
hmr_store_now (HmrStore *self)
{
  g_return_val_if_fail (HMR_IS_STORE (self), NULL);
  if (self->clock_func)
    return self->clock_func (self->clock_data);
  return g_date_time_new_now_utc ();
}

void
hmr_store_get_today (HmrStore *self,
                     GDate    *today)
{
  g_autoptr(GDateTime) now = hmr_store_now (self);
  g_autoptr(GDateTime) local = g_date_time_to_local (now);

  g_date_clear (today, 1);
  g_date_set_dmy (today, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
}

char *
hmr_store_dup_timestamp (HmrStore *self)
{
  g_autoptr(GDateTime) now = hmr_store_now (self);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (now);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.%fZ");
}

char *
hmr_store_new_id (void)
{
  return g_uuid_string_random ();
}

/* ---- SQL functions ------------------------------------------------------ */

static void
sql_name_key (sqlite3_context  *ctx,
              int               argc,
              sqlite3_value   **argv)
{
  g_autofree char *key = hmr_name_key ((const char *) sqlite3_value_text (argv[0]));
  sqlite3_result_text (ctx, key, -1, SQLITE_TRANSIENT);
}

static void
append_phone_keys (GString    *out,
                   const char *phone)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = phone; p && *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  /* the nine local digits, and the seven after the operator code, so that
   * both "931234567" and "1234567" find +992 93 123 4567 */
  if (digits->len >= 9)
    g_string_append_printf (out, " %s %s", digits->str + digits->len - 9,
                            digits->str + digits->len - 7);
  g_string_free (digits, TRUE);
}

/* hmr_search_keys (family, given, patronymic, family_latin, given_latin,
 * patronymic_latin, case_number, phone, phone_alt, village) */
static void
sql_search_keys (sqlite3_context  *ctx,
                 int               argc,
                 sqlite3_value   **argv)
{
  GString *out = g_string_new (NULL);

  for (int i = 0; i < argc; i++)
    {
      const char *v = (const char *) sqlite3_value_text (argv[i]);
      g_autofree char *key = NULL;

      if (v == NULL)
        continue;
      key = hmr_name_key (v);
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, key);
      if (i == 6)
        {
          /* DST-2026-00042 also as one word */
          g_auto(GStrv) parts = g_strsplit (key, " ", -1);
          g_autofree char *joined = g_strjoinv ("", parts);
          g_string_append_printf (out, " %s", joined);
        }
      if (i == 7 || i == 8)
        append_phone_keys (out, v);
    }
  sqlite3_result_text (ctx, out->str, out->len, SQLITE_TRANSIENT);
  g_string_free (out, TRUE);
}

static void
register_functions (sqlite3 *db)
{
  sqlite3_create_function (db, "hmr_name_key", 1,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           NULL, sql_name_key, NULL, NULL);
  sqlite3_create_function (db, "hmr_search_keys", 10,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           NULL, sql_search_keys, NULL, NULL);
}

/* ---- opening and migrations ------------------------------------------ */

char *
hmr_default_database_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "hamroh", "hamroh.sqlite3", NULL);
}

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

static int
read_user_version (HmrStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  return version;
}

static gboolean
apply_migrations (HmrStore  *self,
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

static gboolean
prepare_file (const char  *path,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  /* Create the file ourselves so that it is readable by its owner only;
   * SQLite gives the -wal and -shm files the same mode. */
  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not open the database “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/**
 * hmr_store_open:
 * @path: (nullable): the database file; %NULL for the default in the user's
 *   data folder
 *
 * Opens (creating when needed) a Hamroh database and brings its schema up to
 * date.  A database written by a newer Hamroh is refused and left untouched.
 */
HmrStore *
hmr_store_open (const char  *path,
                GError     **error)
{
  g_autoptr(HmrStore) self = g_object_new (HMR_TYPE_STORE, NULL);
  int latest;
  int rc;
  static const char *pragmas =
    "PRAGMA foreign_keys = ON;"
    "PRAGMA journal_mode = WAL;"
    "PRAGMA synchronous = FULL;"
    "PRAGMA secure_delete = ON;"
    "PRAGMA temp_store = MEMORY;";

  self->path = path ? g_strdup (path) : hmr_default_database_path ();

  if (!prepare_file (self->path, error))
    return NULL;

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);
  register_functions (self->db);

  /* Look at the version before anything could write to the file */
  self->schema_version = read_user_version (self);
  if (self->schema_version < 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CORRUPT,
                   _("“%s” is not a Hamroh database, or it is damaged."), self->path);
      return NULL;
    }
  latest = hmr_store_get_latest_schema_version ();
  if (self->schema_version > latest)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NEWER_SCHEMA,
                   _("“%s” was written by a newer version of Hamroh (database version %d; this Hamroh knows up to %d). "
                     "It was not opened and has not been changed. Install the newer Hamroh to open it."),
                   self->path, self->schema_version, latest);
      return NULL;
    }

  if (!hmr_store_exec (self, pragmas, error))
    return NULL;

  if (!apply_migrations (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
hmr_store_get_path (HmrStore *self)
{
  g_return_val_if_fail (HMR_IS_STORE (self), NULL);
  return self->path;
}

int
hmr_store_get_schema_version (HmrStore *self)
{
  g_return_val_if_fail (HMR_IS_STORE (self), -1);
  return self->schema_version;
}

gboolean
hmr_store_is_empty (HmrStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (HMR_IS_STORE (self), TRUE);
  stmt = hmr_store_prepare (self, "SELECT EXISTS (SELECT 1 FROM beneficiary)", NULL);
  return stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_int (stmt, 0) == 0;
}

gboolean
hmr_store_check_integrity (HmrStore  *self,
                           GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = hmr_store_prepare (self, "PRAGMA integrity_check", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return hmr_store_set_sqlite_error (self, rc, error);
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CORRUPT,
                   _("The database is damaged: %s"), sqlite3_column_text (stmt, 0));
      return FALSE;
    }
  return TRUE;
}

/* ---- actors ----------------------------------------------------------- */

gboolean
hmr_store_check_actor (HmrStore       *self,
                       const HmrActor *actor,
                       GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (actor == NULL || actor->user_id == NULL)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NO_ACTOR,
                   _("Refused: every change must name the user who makes it."));
      return FALSE;
    }

  stmt = hmr_store_prepare (self,
                            "SELECT role, office_id IS ?2 FROM app_user "
                            "WHERE id = ?1 AND active = 1 AND deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, actor->user_id);
  hmr_bind_text (stmt, 2, actor->office_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE ||
      (rc == SQLITE_ROW &&
       (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), hmr_role_to_string (actor->role)) != 0 ||
        sqlite3_column_int (stmt, 1) == 0)))
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NO_ACTOR,
                   _("Refused: “%s” is not an active user of this database with that role."),
                   actor->username ? actor->username : actor->user_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return hmr_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

/* ---- audit ------------------------------------------------------------ */

char *
hmr_audit_compute_hash (const char *prev_hash,
                        gint64      seq,
                        const char *at,
                        const char *user_id,
                        const char *username,
                        const char *action,
                        const char *entity,
                        const char *entity_id,
                        const char *changes)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  char seqbuf[32];
  const char *parts[9];

  g_snprintf (seqbuf, sizeof seqbuf, "%" G_GINT64_FORMAT, seq);
  parts[0] = prev_hash; parts[1] = seqbuf; parts[2] = at; parts[3] = user_id;
  parts[4] = username; parts[5] = action; parts[6] = entity; parts[7] = entity_id;
  parts[8] = changes;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      /* length-prefixed so that no two rows can hash alike by moving text
       * from one field to the next; NULL differs from empty */
      char len[32];
      if (parts[i] == NULL)
        g_snprintf (len, sizeof len, "-;");
      else
        g_snprintf (len, sizeof len, "%zu;", strlen (parts[i]));
      g_checksum_update (sum, (const guchar *) len, -1);
      if (parts[i] != NULL)
        g_checksum_update (sum, (const guchar *) parts[i], -1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

gboolean
hmr_store_audit_append (HmrStore       *self,
                        const HmrActor *actor,
                        const char     *action,
                        const char     *entity,
                        const char     *entity_id,
                        const char     *changes_json,
                        GError        **error)
{
  g_autoptr(sqlite3_stmt) last = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree char *prev_hash = NULL;
  g_autofree char *at = NULL;
  g_autofree char *hash = NULL;
  gint64 seq = 1;
  int rc;

  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (!sqlite3_get_autocommit (self->db), FALSE);

  last = hmr_store_prepare (self, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", error);
  if (last == NULL)
    return FALSE;
  rc = sqlite3_step (last);
  if (rc == SQLITE_ROW)
    {
      seq = sqlite3_column_int64 (last, 0) + 1;
      prev_hash = hmr_column_dup_text (last, 1);
    }
  else if (rc == SQLITE_DONE)
    prev_hash = g_strdup (GENESIS_HASH);
  else
    return hmr_store_set_sqlite_error (self, rc, error);

  at = hmr_store_dup_timestamp (self);
  hash = hmr_audit_compute_hash (prev_hash, seq, at, actor->user_id, actor->username,
                                 action, entity, entity_id, changes_json);

  insert = hmr_store_prepare (self,
                              "INSERT INTO audit_log (seq, at, user_id, username, action, entity, "
                              "entity_id, changes, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)",
                              error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, seq);
  hmr_bind_text (insert, 2, at);
  hmr_bind_text (insert, 3, actor->user_id);
  hmr_bind_text (insert, 4, actor->username);
  hmr_bind_text (insert, 5, action);
  hmr_bind_text (insert, 6, entity);
  hmr_bind_text (insert, 7, entity_id);
  hmr_bind_text (insert, 8, changes_json);
  hmr_bind_text (insert, 9, prev_hash);
  hmr_bind_text (insert, 10, hash);
  rc = sqlite3_step (insert);
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

/**
 * hmr_store_audit_event:
 * @detail: (nullable): a short note, stored as {"detail": …}
 *
 * Records something that changed no record but must leave a trace: an
 * export, a printout, an opened sensitive record.
 */
gboolean
hmr_store_audit_event (HmrStore       *self,
                       const HmrActor *actor,
                       const char     *action,
                       const char     *entity,
                       const char     *entity_id,
                       const char     *detail,
                       GError        **error)
{
  g_autoptr(HmrChanges) changes = hmr_changes_new ();
  g_autofree char *json = NULL;

  if (!hmr_store_check_actor (self, actor, error))
    return FALSE;
  hmr_changes_add (changes, "detail", NULL, detail);
  json = hmr_changes_free_to_json (g_steal_pointer (&changes));
  if (!hmr_store_begin (self, error))
    return FALSE;
  if (!hmr_store_audit_append (self, actor, action, entity, entity_id, json, error))
    {
      hmr_store_rollback (self);
      return FALSE;
    }
  return hmr_store_commit (self, error);
}

void
hmr_audit_entry_free (HmrAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->user_id);
  g_free (entry->username);
  g_free (entry->action);
  g_free (entry->entity);
  g_free (entry->entity_id);
  g_free (entry->changes);
  g_free (entry);
}

gboolean
hmr_store_require (const HmrActor *actor,
                   HmrAction       action,
                   const char     *office_id,
                   GError        **error)
{
  if (hmr_permission_allows (actor, action, office_id))
    return TRUE;
  if (office_id != NULL && hmr_permission_allows (actor, action, NULL))
    g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED,
                 _("Refused: this case file belongs to another office."));
  else
    g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED,
                 _("Refused: a %s may not %s."),
                 hmr_role_get_label (actor->role), hmr_action_get_label (action));
  return FALSE;
}

GPtrArray *
hmr_store_list_audit (HmrStore       *self,
                      const HmrActor *actor,
                      const char     *entity,
                      const char     *entity_id,
                      GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = NULL;
  int rc;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_AUDIT_READ, NULL, error))
    return NULL;

  stmt = hmr_store_prepare (self,
                            "SELECT seq, at, user_id, username, action, entity, entity_id, changes "
                            "FROM audit_log WHERE (?1 IS NULL OR entity = ?1) "
                            "AND (?2 IS NULL OR entity_id = ?2) ORDER BY seq",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, entity);
  hmr_bind_text (stmt, 2, entity_id);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_audit_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HmrAuditEntry *e = g_new0 (HmrAuditEntry, 1);
      e->seq = sqlite3_column_int64 (stmt, 0);
      e->at = hmr_column_dup_text (stmt, 1);
      e->user_id = hmr_column_dup_text (stmt, 2);
      e->username = hmr_column_dup_text (stmt, 3);
      e->action = hmr_column_dup_text (stmt, 4);
      e->entity = hmr_column_dup_text (stmt, 5);
      e->entity_id = hmr_column_dup_text (stmt, 6);
      e->changes = hmr_column_dup_text (stmt, 7);
      g_ptr_array_add (out, e);
    }
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

GPtrArray *
hmr_store_search_audit (HmrStore            *self,
                        const HmrActor      *actor,
                        const HmrAuditQuery *query,
                        GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = NULL;
  g_autofree char *to_next = NULL;
  int rc;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_AUDIT_READ, NULL, error))
    return NULL;

  /* "to" is inclusive: everything before the next day */
  if (query->to_day != NULL)
    {
      GDate d;
      char buf[16];
      if (hmr_parse_user_date (query->to_day, &d))
        {
          g_date_add_days (&d, 1);
          g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &d);
          to_next = g_strdup (buf);
        }
    }

  stmt = hmr_store_prepare (self,
                            "SELECT seq, at, user_id, username, action, entity, entity_id, changes "
                            "FROM audit_log WHERE (?1 IS NULL OR username = ?1) "
                            "AND (?2 IS NULL OR action = ?2) AND (?3 IS NULL OR entity = ?3) "
                            "AND (?4 IS NULL OR at >= ?4) AND (?5 IS NULL OR at < ?5) "
                            "ORDER BY seq DESC LIMIT ?6",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, query->username);
  hmr_bind_text (stmt, 2, query->action);
  hmr_bind_text (stmt, 3, query->entity);
  hmr_bind_text (stmt, 4, query->from_day);
  hmr_bind_text (stmt, 5, to_next);
  sqlite3_bind_int64 (stmt, 6, query->limit ? query->limit : 1000);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_audit_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HmrAuditEntry *e = g_new0 (HmrAuditEntry, 1);
      e->seq = sqlite3_column_int64 (stmt, 0);
      e->at = hmr_column_dup_text (stmt, 1);
      e->user_id = hmr_column_dup_text (stmt, 2);
      e->username = hmr_column_dup_text (stmt, 3);
      e->action = hmr_column_dup_text (stmt, 4);
      e->entity = hmr_column_dup_text (stmt, 5);
      e->entity_id = hmr_column_dup_text (stmt, 6);
      e->changes = hmr_column_dup_text (stmt, 7);
      g_ptr_array_add (out, e);
    }
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

/**
 * hmr_store_verify_audit:
 * @first_broken: (out): the sequence number of the first row whose hash or
 *   link does not hold, 0 when the chain is intact
 *
 * Returns: %TRUE when the chain was checked (look at @first_broken),
 *   %FALSE with @error when it could not be checked at all.
 */
gboolean
hmr_store_verify_audit (HmrStore       *self,
                        const HmrActor *actor,
                        gint64         *n_checked,
                        gint64         *first_broken,
                        GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *prev = g_strdup (GENESIS_HASH);
  gint64 expected_seq = 1;
  gint64 checked = 0;
  gint64 broken = 0;
  int rc;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_AUDIT_VERIFY, NULL, error))
    return FALSE;

  stmt = hmr_store_prepare (self,
                            "SELECT seq, at, user_id, username, action, entity, entity_id, "
                            "changes, prev_hash, hash FROM audit_log ORDER BY rowid",
                            error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      const char *prev_hash = (const char *) sqlite3_column_text (stmt, 8);
      const char *hash = (const char *) sqlite3_column_text (stmt, 9);
      g_autofree char *computed = NULL;

      computed = hmr_audit_compute_hash (prev, seq,
                                         (const char *) sqlite3_column_text (stmt, 1),
                                         (const char *) sqlite3_column_text (stmt, 2),
                                         (const char *) sqlite3_column_text (stmt, 3),
                                         (const char *) sqlite3_column_text (stmt, 4),
                                         (const char *) sqlite3_column_text (stmt, 5),
                                         (const char *) sqlite3_column_text (stmt, 6),
                                         (const char *) sqlite3_column_text (stmt, 7));
      checked++;
      if (seq != expected_seq || g_strcmp0 (prev_hash, prev) != 0 ||
          g_strcmp0 (hash, computed) != 0)
        {
          broken = seq;
          break;
        }
      g_free (prev);
      prev = g_strdup (hash);
      expected_seq++;
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);

  if (n_checked)
    *n_checked = checked;
  if (first_broken)
    *first_broken = broken;
  return TRUE;
}

/* ---- changes as JSON -------------------------------------------------- */

struct _HmrChanges
{
  GString *json;
  guint    n;
};

void
hmr_json_append_string (GString    *out,
                        const char *value)
{
  if (value == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      guchar c = *p;
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

HmrChanges *
hmr_changes_new (void)
{
  HmrChanges *c = g_new0 (HmrChanges, 1);
  c->json = g_string_new ("{");
  return c;
}

void
hmr_changes_add (HmrChanges *changes,
                 const char *field,
                 const char *before,
                 const char *after)
{
  if (g_strcmp0 (before, after) == 0)
    return;
  if (changes->n++ > 0)
    g_string_append_c (changes->json, ',');
  hmr_json_append_string (changes->json, field);
  g_string_append (changes->json, ":{\"before\":");
  hmr_json_append_string (changes->json, before);
  g_string_append (changes->json, ",\"after\":");
  hmr_json_append_string (changes->json, after);
  g_string_append_c (changes->json, '}');
}

gboolean
hmr_changes_is_empty (HmrChanges *changes)
{
  return changes->n == 0;
}

char *
hmr_changes_free_to_json (HmrChanges *changes)
{
  char *out;

  g_string_append_c (changes->json, '}');
  out = g_string_free (changes->json, FALSE);
  g_free (changes);
  return out;
}

void
hmr_changes_free (HmrChanges *changes)
{
  if (changes == NULL)
    return;
  g_string_free (changes->json, TRUE);
  g_free (changes);
}
