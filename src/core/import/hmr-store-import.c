/* hmr-store-import.c — the store's side of imports: one transaction per
 * import, the batch record, undoing a batch, remembered mappings, and the
 * duplicate check against the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-import-private.h"
#include "hmr-name-key.h"
#include "hmr-store-private.h"

#define STR(i) ((const char *) sqlite3_column_text (stmt, (i)))

/* ---- the same file again ------------------------------------------------ */

/**
 * hmr_store_dup_import_of_file:
 *
 * Returns: (transfer full) (nullable): a sentence naming the import of the
 *   file with @sha256 that is in force (not undone), or %NULL when there
 *   is none (or on failure, with @error set)
 */
char *
hmr_store_dup_import_of_file (HmrStore        *self,
                              const HmrActor  *actor,
                              const char      *sha256,
                              GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_IMPORT, NULL, error))
    return NULL;

  stmt = hmr_store_prepare (self,
                            "SELECT substr (b.created_at, 1, 10), coalesce (hmr_staff_name (u.full_name, u.full_name_cyrillic), u.username, ''), "
                            "b.n_imported FROM import_batch b LEFT JOIN app_user u ON u.id = b.created_by "
                            "WHERE b.file_sha256 = ?1 AND b.undone_at IS NULL ORDER BY b.created_at LIMIT 1",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, sha256);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      GDate d;
      char day[32] = "";
      int n = sqlite3_column_int (stmt, 2);

      if (hmr_parse_user_date (STR (0), &d))
        g_date_strftime (day, sizeof day, "%d.%m.%Y", &d);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "This file was already imported on %s by %s (%d person registered).",
                                           "This file was already imported on %s by %s (%d people registered).",
                                           n),
                              day, STR (1), n);
    }
  if (rc != SQLITE_DONE)
    hmr_store_set_sqlite_error (self, rc, error);
  return NULL;
}

/* ---- duplicates --------------------------------------------------------- */

/**
 * hmr_store_dup_import_duplicate:
 *
 * The case number of a registered person @candidate likely is: the same
 * name in any script (the cross-script key), born within a year, and in
 * the same district or with the same phone — the registration form's rule,
 * read from the name key's index only, as an import checks every row.
 *
 * Returns: (transfer full) (nullable): the case number, or %NULL when there
 *   is none or on failure (@error set)
 */
char *
hmr_store_dup_import_duplicate (HmrStore        *self,
                                const HmrActor  *actor,
                                HmrBeneficiary  *candidate,
                                int              birth_year,
                                GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *names = NULL;
  g_autofree char *names_latin = NULL;
  g_autofree char *key = NULL;
  g_autofree char *key_latin = NULL;
  g_autofree char *phone = NULL;
  const char *scope = NULL;
  int rc;

  if (hmr_permission_is_office_scoped (actor->role, HMR_ACTION_BENEFICIARY_READ))
    scope = actor->office_id ? actor->office_id : "";

  names = g_strdup_printf ("%s %s", hmr_beneficiary_get (candidate, HMR_BENEFICIARY_FAMILY_NAME) ?: "",
                           hmr_beneficiary_get (candidate, HMR_BENEFICIARY_GIVEN_NAME) ?: "");
  names_latin = g_strdup_printf ("%s %s",
                                 hmr_beneficiary_get (candidate, HMR_BENEFICIARY_FAMILY_NAME_LATIN) ?: "",
                                 hmr_beneficiary_get (candidate, HMR_BENEFICIARY_GIVEN_NAME_LATIN) ?: "");
  key = hmr_name_key (names);
  key_latin = hmr_name_key (names_latin);
  phone = hmr_normalize_phone (hmr_beneficiary_get (candidate, HMR_BENEFICIARY_PHONE));

  stmt = hmr_store_prepare (self,
                            "SELECT case_number FROM beneficiary b WHERE b.name_key IN (?1, ?2) "
                            "AND b.deleted_at IS NULL "
                            "AND (?3 = 0 OR abs (coalesce (CAST (substr (b.birth_date, 1, 4) AS INTEGER), "
                            "  b.birth_year_estimated) - ?3) <= 1) "
                            "AND (b.district = ?4 OR (?5 IS NOT NULL AND (b.phone = ?5 OR b.phone_alt = ?5))) "
                            "AND (?6 IS NULL OR b.office_id = ?6) "
                            "ORDER BY b.created_at LIMIT 1",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, key);
  hmr_bind_text (stmt, 2, key_latin[0] ? key_latin : key);
  sqlite3_bind_int (stmt, 3, birth_year);
  hmr_bind_text (stmt, 4, hmr_beneficiary_get (candidate, HMR_BENEFICIARY_DISTRICT));
  hmr_bind_text (stmt, 5, phone);
  hmr_bind_text (stmt, 6, scope);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return hmr_column_dup_text (stmt, 0);
  if (rc != SQLITE_DONE)
    hmr_store_set_sqlite_error (self, rc, error);
  return NULL;
}

/* ---- the import itself -------------------------------------------------- */

typedef struct
{
  HmrImportBatchInfo *info;
  HmrImportNextFunc   next;
  gpointer            data;
  GCancellable       *cancellable;
  guint               n_imported;
} ImportRun;

static gboolean
import_locked (HmrStore        *self,
               const HmrActor  *actor,
               HmrAuditRow     *audit,
               gpointer         user_data,
               GError         **error)
{
  ImportRun *run = user_data;
  g_autoptr(sqlite3_stmt) batch = NULL;
  g_autoptr(sqlite3_stmt) link = NULL;
  g_autoptr(sqlite3_stmt) counts = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);
  char buf[4][16];
  int rc;

  batch = hmr_store_prepare (self,
                             "INSERT INTO import_batch (id, office_id, file_name, file_sha256, "
                             "created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                             error);
  if (batch == NULL)
    return FALSE;
  hmr_bind_text (batch, 1, audit->entity_id);
  hmr_bind_text (batch, 2, actor->role == HMR_ROLE_CASEWORKER ? actor->office_id : NULL);
  hmr_bind_text (batch, 3, run->info->file_name);
  hmr_bind_text (batch, 4, run->info->file_sha256);
  hmr_bind_text (batch, 5, now);
  hmr_bind_text (batch, 6, actor->user_id);
  rc = sqlite3_step (batch);
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);

  link = hmr_store_prepare (self,
                            "INSERT INTO import_batch_record (batch_id, beneficiary_id, row_number) "
                            "VALUES (?1, ?2, ?3)",
                            error);
  if (link == NULL)
    return FALSE;

  for (;;)
    {
      g_autoptr(HmrBeneficiary) b = NULL;
      g_autoptr(GError) local = NULL;
      guint row_number = 0;

      if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
        return FALSE;
      b = run->next (run->data, &row_number, &local);
      if (b == NULL)
        {
          if (local != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local));
              return FALSE;
            }
          break;
        }
      if (!hmr_store_insert_beneficiary_locked (self, actor, b, error))
        return FALSE;
      sqlite3_reset (link);
      hmr_bind_text (link, 1, audit->entity_id);
      hmr_bind_text (link, 2, hmr_beneficiary_get (b, HMR_BENEFICIARY_ID));
      sqlite3_bind_int (link, 3, row_number);
      rc = sqlite3_step (link);
      if (rc != SQLITE_DONE)
        return hmr_store_set_sqlite_error (self, rc, error);
      run->n_imported++;
    }

  counts = hmr_store_prepare (self,
                              "UPDATE import_batch SET n_rows = ?2, n_imported = ?3, n_duplicates = ?4, "
                              "n_errors = ?5 WHERE id = ?1",
                              error);
  if (counts == NULL)
    return FALSE;
  hmr_bind_text (counts, 1, audit->entity_id);
  sqlite3_bind_int (counts, 2, run->info->n_rows);
  sqlite3_bind_int (counts, 3, run->n_imported);
  sqlite3_bind_int (counts, 4, run->info->n_duplicates);
  sqlite3_bind_int (counts, 5, run->info->n_errors);
  rc = sqlite3_step (counts);
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);

  g_snprintf (buf[0], sizeof buf[0], "%u", run->info->n_rows);
  g_snprintf (buf[1], sizeof buf[1], "%u", run->n_imported);
  g_snprintf (buf[2], sizeof buf[2], "%u", run->info->n_duplicates);
  g_snprintf (buf[3], sizeof buf[3], "%u", run->info->n_errors);
  hmr_changes_add (audit->changes, "file_name", NULL, run->info->file_name);
  hmr_changes_add (audit->changes, "file_sha256", NULL, run->info->file_sha256);
  hmr_changes_add (audit->changes, "n_rows", NULL, buf[0]);
  hmr_changes_add (audit->changes, "n_imported", NULL, buf[1]);
  hmr_changes_add (audit->changes, "n_duplicates", NULL, buf[2]);
  hmr_changes_add (audit->changes, "n_errors", NULL, buf[3]);
  return TRUE;
}

/**
 * hmr_store_import_batch:
 * @next: gives the records to register, one at a time, %NULL at the end
 *
 * Registers every record @next gives, each with its case file and audit
 * rows, and one import batch, in one transaction: all or nothing.  A
 * cancelled or failed import leaves nothing behind.
 *
 * Returns: (transfer full): the batch's id, or %NULL on failure
 */
char *
hmr_store_import_batch (HmrStore            *self,
                        const HmrActor      *actor,
                        HmrImportBatchInfo  *info,
                        HmrImportNextFunc    next,
                        gpointer             data,
                        GCancellable        *cancellable,
                        guint               *n_imported,
                        GError             **error)
{
  ImportRun run = { info, next, data, cancellable, 0 };
  g_autofree char *id = hmr_store_new_id ();

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_IMPORT, NULL, error) ||
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_WRITE, NULL, error))
    return NULL;
  if (!hmr_store_write (self, actor, "import", "import_batch", id, import_locked, &run, error))
    return NULL;
  if (n_imported)
    *n_imported = run.n_imported;
  return g_steal_pointer (&id);
}

/* ---- undoing a batch ---------------------------------------------------- */

static gboolean
undo_locked (HmrStore        *self,
             const HmrActor  *actor,
             HmrAuditRow     *audit,
             gpointer         user_data,
             GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) archive = NULL;
  g_autoptr(sqlite3_stmt) mark = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);
  guint n = 0;
  char count[16];
  int rc;

  stmt = hmr_store_prepare (self, "SELECT undone_at FROM import_batch WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, audit->entity_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                   _("This import does not exist."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return hmr_store_set_sqlite_error (self, rc, error);
  if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT,
                   _("This import was already undone."));
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Every record of the batch still in force is archived, with its row */
  stmt = hmr_store_prepare (self,
                            "SELECT b.id FROM import_batch_record r JOIN beneficiary b ON b.id = r.beneficiary_id "
                            "WHERE r.batch_id = ?1 AND b.deleted_at IS NULL ORDER BY r.row_number",
                            error);
  archive = hmr_store_prepare (self,
                               "UPDATE beneficiary SET deleted_at = ?1, updated_at = ?1, updated_by = ?2, "
                               "version = version + 1 WHERE id = ?3",
                               error);
  if (stmt == NULL || archive == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, audit->entity_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(HmrChanges) changes = hmr_changes_new ();
      g_autofree char *json = NULL;
      int arc;

      sqlite3_reset (archive);
      hmr_bind_text (archive, 1, now);
      hmr_bind_text (archive, 2, actor->user_id);
      hmr_bind_text (archive, 3, STR (0));
      arc = sqlite3_step (archive);
      if (arc != SQLITE_DONE)
        return hmr_store_set_sqlite_error (self, arc, error);
      hmr_changes_add (changes, "deleted_at", NULL, now);
      hmr_changes_add (changes, "import_batch", NULL, audit->entity_id);
      json = hmr_changes_free_to_json (g_steal_pointer (&changes));
      if (!hmr_store_audit_append (self, actor, "archive", "beneficiary", STR (0), json, error))
        return FALSE;
      n++;
    }
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);

  mark = hmr_store_prepare (self, "UPDATE import_batch SET undone_at = ?1, undone_by = ?2 WHERE id = ?3",
                            error);
  if (mark == NULL)
    return FALSE;
  hmr_bind_text (mark, 1, now);
  hmr_bind_text (mark, 2, actor->user_id);
  hmr_bind_text (mark, 3, audit->entity_id);
  rc = sqlite3_step (mark);
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);

  g_snprintf (count, sizeof count, "%u", n);
  hmr_changes_add (audit->changes, "undone_at", NULL, now);
  hmr_changes_add (audit->changes, "n_archived", NULL, count);
  return TRUE;
}

/**
 * hmr_store_undo_import_batch:
 *
 * A supervisor's undo of an import: every record it registered is
 * archived (never removed), each with its audit row, and the batch is
 * marked undone.  The same file may then be imported again.
 */
gboolean
hmr_store_undo_import_batch (HmrStore        *self,
                             const HmrActor  *actor,
                             const char      *batch_id,
                             GError         **error)
{
  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_IMPORT_UNDO, NULL, error))
    return FALSE;
  return hmr_store_write (self, actor, "undo", "import_batch", batch_id, undo_locked, NULL, error);
}

/* ---- the list of batches ------------------------------------------------ */

void
hmr_import_batch_free (HmrImportBatch *batch)
{
  if (batch == NULL)
    return;
  g_free (batch->id);
  g_free (batch->file_name);
  g_free (batch->file_sha256);
  g_free (batch->created_at);
  g_free (batch->created_by);
  g_free (batch->undone_at);
  g_free (batch);
}

/**
 * hmr_store_list_import_batches:
 *
 * Returns: (transfer full) (element-type HmrImportBatch): the imports the
 *   actor may see (a caseworker: their office's), newest first
 */
GPtrArray *
hmr_store_list_import_batches (HmrStore        *self,
                               const HmrActor  *actor,
                               GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = NULL;
  const char *scope = NULL;
  int rc;

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_IMPORT, NULL, error))
    return NULL;
  if (hmr_permission_is_office_scoped (actor->role, HMR_ACTION_IMPORT))
    scope = actor->office_id ? actor->office_id : "";

  stmt = hmr_store_prepare (self,
                            "SELECT b.id, b.file_name, b.file_sha256, b.created_at, "
                            "coalesce (hmr_staff_name (u.full_name, u.full_name_cyrillic), u.username), b.n_rows, b.n_imported, b.n_duplicates, "
                            "b.n_errors, b.undone_at FROM import_batch b "
                            "LEFT JOIN app_user u ON u.id = b.created_by "
                            "WHERE ?1 IS NULL OR b.office_id = ?1 ORDER BY b.created_at DESC, b.rowid DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, scope);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_import_batch_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HmrImportBatch *b = g_new0 (HmrImportBatch, 1);

      b->id = hmr_column_dup_text (stmt, 0);
      b->file_name = hmr_column_dup_text (stmt, 1);
      b->file_sha256 = hmr_column_dup_text (stmt, 2);
      b->created_at = hmr_column_dup_text (stmt, 3);
      b->created_by = hmr_column_dup_text (stmt, 4);
      b->n_rows = sqlite3_column_int (stmt, 5);
      b->n_imported = sqlite3_column_int (stmt, 6);
      b->n_duplicates = sqlite3_column_int (stmt, 7);
      b->n_errors = sqlite3_column_int (stmt, 8);
      b->undone_at = hmr_column_dup_text (stmt, 9);
      g_ptr_array_add (out, b);
    }
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

/* ---- remembered mappings ------------------------------------------------ */

HmrImportMapping *
hmr_store_load_import_mapping (HmrStore        *self,
                               const HmrActor  *actor,
                               GPtrArray       *headers,
                               GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *key = NULL;
  int rc;

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_IMPORT, NULL, error))
    return NULL;

  key = hmr_import_headers_key (headers);
  stmt = hmr_store_prepare (self, "SELECT mapping FROM import_mapping WHERE headers_key = ?1", error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return hmr_import_mapping_from_string (STR (0), headers->len);
  if (rc != SQLITE_DONE)
    hmr_store_set_sqlite_error (self, rc, error);
  return NULL;
}

typedef struct
{
  const char *key;
  char       *mapping;
} SaveMapping;

static gboolean
save_mapping_locked (HmrStore        *self,
                     const HmrActor  *actor,
                     HmrAuditRow     *audit,
                     gpointer         user_data,
                     GError         **error)
{
  SaveMapping *m = user_data;
  g_autoptr(sqlite3_stmt) old = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *before = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);
  int rc;

  old = hmr_store_prepare (self, "SELECT mapping FROM import_mapping WHERE headers_key = ?1", error);
  if (old == NULL)
    return FALSE;
  hmr_bind_text (old, 1, m->key);
  rc = sqlite3_step (old);
  if (rc == SQLITE_ROW)
    before = hmr_column_dup_text (old, 0);
  else if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  if (g_strcmp0 (before, m->mapping) == 0)
    {
      audit->nothing_to_do = TRUE;
      return TRUE;
    }

  stmt = hmr_store_prepare (self,
                            "INSERT INTO import_mapping (headers_key, mapping, updated_at, updated_by) "
                            "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (headers_key) DO UPDATE SET "
                            "mapping = excluded.mapping, updated_at = excluded.updated_at, "
                            "updated_by = excluded.updated_by",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, m->key);
  hmr_bind_text (stmt, 2, m->mapping);
  hmr_bind_text (stmt, 3, now);
  hmr_bind_text (stmt, 4, actor->user_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  hmr_changes_add (audit->changes, "mapping", before, m->mapping);
  return TRUE;
}

gboolean
hmr_store_save_import_mapping (HmrStore         *self,
                               const HmrActor   *actor,
                               GPtrArray        *headers,
                               HmrImportMapping *mapping,
                               GError          **error)
{
  g_autofree char *key = NULL;
  SaveMapping m;
  gboolean ok;

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_IMPORT, NULL, error))
    return FALSE;
  key = hmr_import_headers_key (headers);
  m.key = key;
  m.mapping = hmr_import_mapping_to_string (mapping);
  ok = hmr_store_write (self, actor, "update", "import_mapping", key, save_mapping_locked, &m, error);
  g_free (m.mapping);
  return ok;
}
