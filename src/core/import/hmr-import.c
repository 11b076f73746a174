/* hmr-import.c — a dry run or a real import of a file of beneficiaries
 *
 * Both read the file once, row by row: each row is converted, checked as
 * the registration form checks a record, and matched against the
 * database and the earlier rows of the file with the cross-script name
 * key.  The dry run only counts and keeps the rows with problems (for the
 * report); the real import hands the good rows to the store, which
 * registers them all in one transaction.  Memory holds the rows with
 * problems and one key per good row, never the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hmr-import-private.h"
#include "hmr-name-key.h"

#define PROGRESS_EVERY 200

struct _HmrImportFile
{
  char      *path;
  char      *sheet;
  char      *sha256;
  GPtrArray *headers;
  guint      header_row;
};

static char *
file_sha256 (const char  *path,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, error);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  guchar buf[65536];
  gssize n;

  if (in == NULL)
    return NULL;
  while ((n = g_input_stream_read (G_INPUT_STREAM (in), buf, sizeof buf, NULL, error)) > 0)
    g_checksum_update (sum, buf, n);
  if (n < 0)
    return NULL;
  return g_strdup (g_checksum_get_string (sum));
}

void
hmr_import_file_free (HmrImportFile *self)
{
  if (self == NULL)
    return;
  g_free (self->path);
  g_free (self->sheet);
  g_free (self->sha256);
  g_clear_pointer (&self->headers, g_ptr_array_unref);
  g_free (self);
}

/**
 * hmr_import_file_open:
 * @sheet: (nullable): for a workbook, the sheet; %NULL for the first
 *
 * Reads the header row (the first row with any text) and the file's
 * SHA-256.
 */
HmrImportFile *
hmr_import_file_open (const char  *path,
                      const char  *sheet,
                      GError     **error)
{
  g_autoptr(HmrSheetReader) reader = NULL;
  g_autoptr(HmrImportFile) self = g_new0 (HmrImportFile, 1);
  g_autoptr(GError) local = NULL;
  GPtrArray *cells = NULL;

  reader = hmr_sheet_reader_open (path, sheet, error);
  if (reader == NULL)
    return NULL;
  if (!hmr_sheet_reader_next (reader, &cells, &self->header_row, &local))
    {
      if (local != NULL)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error (error, HMR_IMPORT_ERROR, HMR_IMPORT_ERROR_EMPTY,
                     _("“%s” has no rows: there is nothing to import."), path);
      return NULL;
    }
  for (guint i = 0; i < cells->len; i++)
    {
      char *h = g_ptr_array_index (cells, i);
      g_strstrip (h);
    }
  self->headers = cells;
  self->path = g_strdup (path);
  self->sheet = g_strdup (sheet);
  self->sha256 = file_sha256 (path, error);
  if (self->sha256 == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

GPtrArray *
hmr_import_file_get_headers (HmrImportFile *self)
{
  return self->headers;
}

const char *
hmr_import_file_get_sha256 (HmrImportFile *self)
{
  return self->sha256;
}

const char *
hmr_import_file_get_path (HmrImportFile *self)
{
  return self->path;
}

/* ---- results ------------------------------------------------------------ */

static void
import_row_free (HmrImportRow *row)
{
  if (row == NULL)
    return;
  g_clear_pointer (&row->cells, g_ptr_array_unref);
  g_clear_pointer (&row->problems, g_ptr_array_unref);
  g_free (row);
}

void
hmr_import_result_free (HmrImportResult *result)
{
  if (result == NULL)
    return;
  g_free (result->already_imported);
  g_free (result->batch_id);
  g_clear_pointer (&result->headers, g_ptr_array_unref);
  g_clear_pointer (&result->rows, g_ptr_array_unref);
  g_free (result);
}

/* ---- the run ------------------------------------------------------------ */

typedef struct
{
  HmrStore              *store;
  const HmrActor        *actor;
  HmrImportFile         *file;
  HmrImportMapping      *mapping;
  HmrSheetReader        *reader;
  HmrImportResult       *result;
  HmrImportBatchInfo     info;
  GHashTable            *seen;      /* name key + year → row number */
  GDate                  today;
  HmrImportProgressFunc  progress;
  gpointer               progress_data;
  GCancellable          *cancellable;
} Run;

static int
birth_year_of (HmrBeneficiary *b)
{
  const char *date = hmr_beneficiary_get (b, HMR_BENEFICIARY_BIRTH_DATE);
  GDate d;

  if (date != NULL && hmr_parse_user_date (date, &d))
    return g_date_get_year (&d);
  return (int) hmr_beneficiary_get_int (b, HMR_BENEFICIARY_BIRTH_YEAR_ESTIMATED, 0);
}

static char *
seen_key (const char *family,
          const char *given,
          int         year)
{
  g_autofree char *names = g_strdup_printf ("%s %s", family ? family : "", given ? given : "");
  g_autofree char *key = hmr_name_key (names);

  if (key[0] == '\0')
    return NULL;
  return g_strdup_printf ("%s|%d", key, year);
}

/* The earlier row of the file with the same person: same name key (in
 * either script), born within a year */
static guint
find_in_file (Run            *run,
              HmrBeneficiary *b,
              guint           row_number)
{
  int year = birth_year_of (b);
  const HmrBeneficiaryField pairs[2][2] = {
    { HMR_BENEFICIARY_FAMILY_NAME, HMR_BENEFICIARY_GIVEN_NAME },
    { HMR_BENEFICIARY_FAMILY_NAME_LATIN, HMR_BENEFICIARY_GIVEN_NAME_LATIN },
  };
  guint found = 0;

  for (guint p = 0; p < 2 && found == 0; p++)
    for (int dy = -1; dy <= 1 && found == 0; dy++)
      {
        g_autofree char *k = seen_key (hmr_beneficiary_get (b, pairs[p][0]),
                                       hmr_beneficiary_get (b, pairs[p][1]), year + dy);
        if (k != NULL)
          found = GPOINTER_TO_UINT (g_hash_table_lookup (run->seen, k));
      }
  if (found == 0)
    for (guint p = 0; p < 2; p++)
      {
        char *k = seen_key (hmr_beneficiary_get (b, pairs[p][0]),
                            hmr_beneficiary_get (b, pairs[p][1]), year);
        if (k != NULL && !g_hash_table_contains (run->seen, k))
          g_hash_table_insert (run->seen, k, GUINT_TO_POINTER (row_number));
        else
          g_free (k);
      }
  return found;
}

static void
keep_row (Run                *run,
          HmrImportRowStatus  status,
          GPtrArray          *cells,
          guint               row_number,
          GPtrArray          *problems)
{
  HmrImportRow *row = g_new0 (HmrImportRow, 1);

  row->row_number = row_number;
  row->status = status;
  row->cells = g_ptr_array_ref (cells);
  row->problems = g_ptr_array_ref (problems);
  g_ptr_array_add (run->result->rows, row);
}

/* Reads rows until one is good to register (returned), the end (NULL) or
 * a failure (NULL, @error set); rows with problems are counted and kept */
static HmrBeneficiary *
next_good_row (gpointer   data,
               guint     *row_out,
               GError   **error)
{
  Run *run = data;

  for (;;)
    {
      g_autoptr(GPtrArray) cells = NULL;
      g_autoptr(HmrBeneficiary) b = NULL;
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GPtrArray) checks = NULL;
      g_autoptr(GError) local = NULL;
      g_autofree char *existing = NULL;
      HmrImportRecord rec;
      guint row_number = 0;
      guint earlier;

      if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
        return NULL;
      if (!hmr_sheet_reader_next (run->reader, &cells, &row_number, &local))
        {
          if (local != NULL)
            g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }

      run->result->n_rows++;
      run->info.n_rows = run->result->n_rows;
      if (run->progress && run->result->n_rows % PROGRESS_EVERY == 0)
        run->progress (run->result->n_rows, run->progress_data);

      b = hmr_beneficiary_new ();
      problems = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_import_problem_free);
      rec.record = b;
      rec.problems = problems;
      for (guint c = 0; c < cells->len; c++)
        hmr_import_convert_cell (&rec, hmr_import_mapping_get (run->mapping, c),
                                 g_ptr_array_index (cells, c), &run->today);

      /* Then as the form checks it: one problem per field */
      checks = hmr_beneficiary_validate (b, &run->today);
      for (guint i = 0; i < checks->len; i++)
        {
          HmrFieldProblem *fp = g_ptr_array_index (checks, i);
          const char *label = hmr_beneficiary_field_get_label (fp->field);
          gboolean known = FALSE;

          /* "Date of birth is required" after the import said why the
           * cell could not be read says nothing new */
          for (guint j = 0; j < problems->len && !known; j++)
            {
              HmrImportProblem *p = g_ptr_array_index (problems, j);
              known = g_strcmp0 (p->field, label) == 0 ||
                      (fp->field == HMR_BENEFICIARY_BIRTH_DATE &&
                       (g_strcmp0 (p->field, hmr_import_field_get_label (HMR_IMPORT_FIELD_BIRTH_YEAR)) == 0)) ||
                      ((fp->field == HMR_BENEFICIARY_FAMILY_NAME || fp->field == HMR_BENEFICIARY_GIVEN_NAME) &&
                       g_strcmp0 (p->field, hmr_import_field_get_label (HMR_IMPORT_FIELD_FULL_NAME)) == 0);
            }
          if (!known)
            g_ptr_array_add (problems, hmr_import_problem_new (label, fp->message));
        }
      if (problems->len > 0)
        {
          run->result->n_errors++;
          run->info.n_errors = run->result->n_errors;
          keep_row (run, HMR_IMPORT_ROW_ERROR, cells, row_number, problems);
          continue;
        }

      /* The same person twice: in the database, then in the file */
      existing = hmr_store_dup_import_duplicate (run->store, run->actor, b, birth_year_of (b), &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      earlier = find_in_file (run, b, row_number);
      if (existing != NULL || earlier != 0)
        {
          g_autofree char *msg = existing
            ? g_strdup_printf (_("Likely already registered as %s (same name in any spelling, "
                                 "born within a year, same district or phone); not imported."), existing)
            : g_strdup_printf (_("Likely the same person as row %u of this file; not imported."), earlier);
          g_ptr_array_add (problems, hmr_import_problem_new (C_("import problem", "Duplicate"), msg));
          run->result->n_duplicates++;
          run->info.n_duplicates = run->result->n_duplicates;
          keep_row (run, HMR_IMPORT_ROW_DUPLICATE, cells, row_number, problems);
          continue;
        }

      run->result->n_new++;
      *row_out = row_number;
      return g_steal_pointer (&b);
    }
}

/**
 * hmr_import_run:
 * @dry_run: %TRUE to check only; %FALSE to register the good rows
 * @progress: (nullable): told the rows read every few hundred rows
 *
 * Checks every row of @file, mapped by @mapping, and with @dry_run %FALSE
 * registers the good ones in one transaction with an import batch.  A
 * file already imported (and not undone) is refused for real and named in
 * the dry run's result.  Cancelling leaves nothing written.
 *
 * Returns: (transfer full): the counts and the rows not imported, or %NULL
 *   on failure
 */
HmrImportResult *
hmr_import_run (HmrStore              *store,
                const HmrActor        *actor,
                HmrImportFile         *file,
                HmrImportMapping      *mapping,
                gboolean               dry_run,
                HmrImportProgressFunc  progress,
                gpointer               progress_data,
                GCancellable          *cancellable,
                GError               **error)
{
  g_autoptr(HmrImportResult) result = g_new0 (HmrImportResult, 1);
  g_autoptr(HmrSheetReader) reader = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *base = NULL;
  Run run = { 0 };
  GPtrArray *cells = NULL;
  guint row_number;

  g_return_val_if_fail (HMR_IS_STORE (store), NULL);
  g_return_val_if_fail (file != NULL && mapping != NULL, NULL);

  if (!hmr_import_mapping_check (mapping, error))
    return NULL;

  result->already_imported = hmr_store_dup_import_of_file (store, actor, file->sha256, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (!dry_run && result->already_imported != NULL)
    {
      g_set_error (error, HMR_IMPORT_ERROR, HMR_IMPORT_ERROR_ALREADY_IMPORTED, "%s %s",
                   result->already_imported,
                   _("Nothing was imported; a supervisor can undo the earlier import first."));
      return NULL;
    }

  /* The rows after the header */
  reader = hmr_sheet_reader_open (file->path, file->sheet, error);
  if (reader == NULL)
    return NULL;
  do
    {
      g_clear_pointer (&cells, g_ptr_array_unref);
      if (!hmr_sheet_reader_next (reader, &cells, &row_number, &local))
        {
          if (local != NULL)
            g_propagate_error (error, g_steal_pointer (&local));
          else
            g_set_error (error, HMR_IMPORT_ERROR, HMR_IMPORT_ERROR_EMPTY,
                         _("The file changed since it was opened: its header row is gone."));
          return NULL;
        }
    }
  while (row_number < file->header_row);
  g_ptr_array_unref (cells);

  result->headers = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < file->headers->len; i++)
    g_ptr_array_add (result->headers, g_strdup (g_ptr_array_index (file->headers, i)));
  result->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) import_row_free);

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  base = g_path_get_basename (file->path);
  run.store = store;
  run.actor = actor;
  run.file = file;
  run.mapping = mapping;
  run.reader = reader;
  run.result = result;
  run.seen = seen;
  run.info.file_name = base;
  run.info.file_sha256 = file->sha256;
  run.progress = progress;
  run.progress_data = progress_data;
  run.cancellable = cancellable;
  hmr_store_get_today (store, &run.today);

  if (dry_run)
    {
      guint row;

      if (!hmr_store_require (actor, HMR_ACTION_BENEFICIARY_READ, NULL, error))
        return NULL;
      for (;;)
        {
          g_autoptr(HmrBeneficiary) b = next_good_row (&run, &row, &local);
          if (b == NULL)
            break;
        }
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
    }
  else
    {
      result->batch_id = hmr_store_import_batch (store, actor, &run.info, next_good_row, &run,
                                                 cancellable, &result->n_imported, error);
      if (result->batch_id == NULL)
        return NULL;
    }
  if (progress)
    progress (result->n_rows, progress_data);
  return g_steal_pointer (&result);
}
