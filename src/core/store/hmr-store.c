/* hmr-store.c — opening the database, transactions, one write with its
 * audit row (migrations: hmr-store-migrate.c; SQL functions:
 * hmr-store-functions.c)
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

#include "hmr-store-private.h"
#include "hmr-sync-private.h"

G_DEFINE_FINAL_TYPE (HmrStore, hmr_store, G_TYPE_OBJECT)

static void
hmr_store_finalize (GObject *object)
{
  HmrStore *self = HMR_STORE (object);

  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_clear_pointer (&self->notices, hmr_store_notices_unref);
  g_clear_pointer (&self->pending, hmr_change_set_unref);
  g_clear_pointer (&self->batch, hmr_change_set_unref);
  g_clear_pointer (&self->beneficiary_routes, g_hash_table_unref);
  g_free (self->pending_hash);

  G_OBJECT_CLASS (hmr_store_parent_class)->finalize (object);
}

static void
hmr_store_class_init (HmrStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hmr_store_finalize;

  /**
   * HmrStore::changed:
   * @changes: what was committed
   *
   * Emitted on the main context after every commit that changed records,
   * on this connection or on any opened from it (hmr_store_open_sibling()),
   * once per batch (hmr_store_begin_batch()).  Views listen to it; nobody
   * tells them to refresh.
   */
  g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                NULL, NULL, NULL, G_TYPE_NONE, 1,
                HMR_TYPE_CHANGE_SET | G_SIGNAL_TYPE_STATIC_SCOPE);
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
  if (!hmr_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  hmr_store_sync_capture_begin (self);  /* what commits is recorded for sending */
  return TRUE;
}

gboolean
hmr_store_commit (HmrStore  *self,
                  GError   **error)
{
  int rc = SQLITE_OK;

  if (!hmr_store_sync_capture_commit (self, error) ||
      (rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL)) != SQLITE_OK)
    {
      if (rc != SQLITE_OK)
        hmr_store_set_sqlite_error (self, rc, error);
      hmr_store_rollback (self);
      return FALSE;
    }
  hmr_store_changes_committed (self);
  if (self->pending_seq > 0)
    {
      g_autoptr(GError) anchor_error = NULL;
      g_autofree char *hash = g_steal_pointer (&self->pending_hash);
      gint64 seq = self->pending_seq;

      /* the write is saved: a stale anchor is only a shorter guarantee,
       * so this is said, not failed */
      self->pending_seq = 0;
      if (!hmr_store_write_anchor (self, seq, hash, &anchor_error))
        g_warning ("The audit log's anchor was not moved to row %" G_GINT64_FORMAT ": %s",
                   seq, anchor_error->message);
    }
  return TRUE;
}

void
hmr_store_rollback (HmrStore *self)
{
  self->pending_seq = 0;
  g_clear_pointer (&self->pending_hash, g_free);
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  hmr_store_changes_rolled_back (self);
  hmr_store_sync_capture_end (self);
}

/* ---- one write with its audit row ------------------------------------- */

/**
 * hmr_store_write_audit:
 *
 * Appends @audit now, inside @func's transaction, for a write whose later
 * steps (the case stage that follows a plan, the next follow-up) write
 * audit rows of their own that must come after it in the log.
 * hmr_store_write() then does not append it again.
 */
gboolean
hmr_store_write_audit (HmrStore       *self,
                       const HmrActor *actor,
                       HmrAuditRow    *audit,
                       GError        **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (!audit->appended, FALSE);

  if (audit->changes != NULL)
    json = hmr_changes_free_to_json (g_steal_pointer (&audit->changes));
  if (!hmr_store_audit_append (self, actor, audit->action, audit->entity, audit->entity_id, json, error))
    return FALSE;
  audit->appended = TRUE;
  return TRUE;
}

/**
 * hmr_store_write:
 * @action: the audit row's action
 * @entity: (nullable): the audit row's entity; %NULL when the helpers that
 *   @func calls write every audit row themselves
 * @entity_id: (nullable): the record's id, when known before the write
 * @func: does the write inside the transaction and fills in the audit row
 *
 * Runs @func between BEGIN and COMMIT, appends the audit row it filled in
 * within the same transaction, and rolls everything back when any step
 * fails: a write is saved with its audit row or not at all.  The caller
 * has checked the actor (hmr_store_check_actor()) and what it could check
 * before the transaction.
 */
gboolean
hmr_store_write (HmrStore          *self,
                 const HmrActor    *actor,
                 const char        *action,
                 const char        *entity,
                 const char        *entity_id,
                 HmrStoreWriteFunc  func,
                 gpointer           data,
                 GError           **error)
{
  HmrAuditRow audit = { action, entity, NULL, NULL, FALSE, FALSE };
  guint audited_before = self->n_audit_rows;
  gboolean ok = FALSE;

  /* Every write names the user who makes it, in its audit row */
  g_return_val_if_fail (actor != NULL, FALSE);

  audit.entity_id = g_strdup (entity_id);
  audit.changes = hmr_changes_new ();
  if (!hmr_store_begin (self, error))
    goto out;
  if (!func (self, actor, &audit, data, error))
    goto fail;
  if (audit.nothing_to_do)
    {
      hmr_store_rollback (self);
      ok = TRUE;
      goto out;
    }
  if (audit.entity != NULL && !audit.appended &&
      !hmr_store_write_audit (self, actor, &audit, error))
    goto fail;
  /* Only a mistake in the store gets here; it must not save a change that
   * no one could trace */
  if (self->n_audit_rows == audited_before)
    {
      g_critical ("%s: a write of '%s' left no audit row", G_STRFUNC, audit.action);
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_FAILED,
                   _("Nothing was saved: the change could not be written to the audit log."));
      goto fail;
    }
  ok = hmr_store_commit (self, error);
  goto out;

fail:
  hmr_store_rollback (self);
out:
  g_clear_pointer (&audit.changes, hmr_changes_free);
  g_free (audit.entity_id);
  return ok;
}

/**
 * hmr_store_archive_locked:
 * @sql: (type utf8): the UPDATE that archives the record: ?1 its id (the
 *   one @audit names), ?2 the time, which becomes its deleted_at, ?3 the
 *   actor
 *
 * A #HmrStoreWriteFunc, or the last step of one: records are archived,
 * never removed, and the audit row says when.  When @sql archived no row
 * (the record moved on or was archived meanwhile), it refuses with
 * %HMR_STORE_ERROR_CONFLICT and the write leaves no audit row.
 */
gboolean
hmr_store_archive_locked (HmrStore        *self,
                          const HmrActor  *actor,
                          HmrAuditRow     *audit,
                          gpointer         sql,
                          GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);
  int rc;

  stmt = hmr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, audit->entity_id);
  hmr_bind_text (stmt, 2, now);
  hmr_bind_text (stmt, 3, actor->user_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  /* The record changed state or was archived since it was checked: an
   * audit row for a change that did not happen would lie */
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT,
                   _("Nothing was archived: the record was changed or archived meanwhile. "
                     "Reopen it to see how it stands."));
      return FALSE;
    }
  hmr_changes_add (audit->changes, "deleted_at", NULL, now);
  return TRUE;
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

/* ---- opening and migrations ------------------------------------------ */

char *
hmr_default_database_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "hamroh", "hamroh.sqlite3", NULL);
}

/* A database, its journal and its shared memory are for their owner only:
 * a file copied with a wider mode (0644 from a USB stick) is narrowed */
static gboolean
narrow_mode (const char  *path,
             int          fd,
             GError     **error)
{
  struct stat st;

  if (fstat (fd, &st) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not read the permissions of “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if ((st.st_mode & 0077) != 0 && fchmod (fd, st.st_mode & 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("“%s” can be read by other users of this computer and could not be made private: %s"),
                   path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static gboolean
prepare_file (const char  *path,
              gboolean     create,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (create && g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  /* Create the file ourselves so that it is readable by its owner only;
   * SQLite gives the -wal and -shm files the same mode. */
  fd = g_open (path, O_RDWR | O_CLOEXEC | (create ? O_CREAT : 0), 0600);
  if (fd < 0 && !create && errno == ENOENT)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no Hamroh database at “%s”."), path);
      return FALSE;
    }
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not open the database “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (!narrow_mode (path, fd, error))
    {
      close (fd);
      return FALSE;
    }
  close (fd);
  for (const char *const *suffix = (const char *const[]) { "-wal", "-shm", NULL }; *suffix; suffix++)
    {
      g_autofree char *side = g_strconcat (path, *suffix, NULL);
      int side_fd = g_open (side, O_RDWR | O_CLOEXEC, 0);

      if (side_fd < 0)
        continue;       /* not there: SQLite makes it with the database's mode */
      if (!narrow_mode (side, side_fd, error))
        {
          close (side_fd);
          return FALSE;
        }
      close (side_fd);
    }
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
  return hmr_store_open_with_notices (path, NULL, error);
}

/**
 * hmr_store_open_sibling:
 *
 * Opens another connection to @self's file, for work in another thread
 * (one thread at a time), with @self's clock.  What it commits, @self
 * announces on its main context (HmrStore::changed).
 */
HmrStore *
hmr_store_open_sibling (HmrStore  *self,
                        GError   **error)
{
  HmrStore *sibling;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  sibling = hmr_store_open_with_notices (self->path, self->notices, error);
  if (sibling != NULL && self->clock_func != NULL)
    hmr_store_set_clock (sibling, self->clock_func, self->clock_data);
  return sibling;
}

/* With @notices %NULL, the store opened announces its own changes */
static HmrStore *
open_store (const char       *path,
            HmrStoreNotices  *notices,
            gboolean          create,
            gboolean          migrate,
            GError          **error)
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
  self->notices = notices ? hmr_store_notices_ref (notices) : hmr_store_notices_new (self);

  if (!prepare_file (self->path, create, error))
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
  hmr_store_register_functions (self->db);

  /* Look at the version before anything could write to the file */
  self->schema_version = hmr_store_read_user_version (self);
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

  if (migrate && !hmr_store_apply_migrations (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

HmrStore *
hmr_store_open_with_notices (const char       *path,
                             HmrStoreNotices  *notices,
                             GError          **error)
{
  return open_store (path, notices, TRUE, TRUE, error);
}

/**
 * hmr_store_open_existing:
 * @path: (nullable): the database file; %NULL for the default
 * @migrate: whether to bring its schema up to date
 *
 * Opens a database that must already be there: a mistyped path is an
 * error naming it, and no file or folder is made.  Without @migrate the
 * file is left at its version, for looking at it (`hamroh-cli check`,
 * `schema-version`).
 */
HmrStore *
hmr_store_open_existing (const char  *path,
                         gboolean     migrate,
                         GError     **error)
{
  return open_store (path, NULL, FALSE, migrate, error);
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
    {
      g_autofree char *refusal = hmr_permission_dup_refusal (actor->role, action);

      g_set_error_literal (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED, refusal);
    }
  return FALSE;
}

static int
progress_cancel (void *data)
{
  return g_cancellable_is_cancelled (G_CANCELLABLE (data));
}

/**
 * hmr_store_collect_rowids:
 * @stmt: a prepared, bound statement whose first column is a row id
 * @cancellable: (nullable): stops the statement between SQLite steps
 *
 * The ids of a long list's query (the registry, the referral board), read
 * in a thread: @cancellable lets each keystroke stop the query before it.
 *
 * Returns: (transfer full) (element-type gint64): the ids in order, or
 *   %NULL with @error set (also when cancelled)
 */
GArray *
hmr_store_collect_rowids (HmrStore      *self,
                          sqlite3_stmt  *stmt,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (cancellable)
    sqlite3_progress_handler (self->db, 1000, progress_cancel, cancellable);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, rowid);
    }
  if (cancellable)
    sqlite3_progress_handler (self->db, 0, NULL, NULL);
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}
