/* test-import.c — a list typed the way offices type it: checked row by row
 * in a dry run, reported, imported in one transaction, not imported twice,
 * cancelled without a trace, undone by a supervisor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-import.h"
#include "hmr-import-private.h"
#include "hmr-test-util.h"

/* Nine rows: three good (Tajik letters, Russian spelling, Latin), one
 * already registered, one twice in the file, and four with problems */
static const char *messy_csv =
  "ФИО;Пол;Дата рождения;Телефон;Район;Категория;Маъюбӣ\n"
  "Раҳимов Алишер Каримович;м;05.03.1988;93 123 4567;Дӯстӣ;муҳоҷири баргашта;не\n"
  "Юнусова Мавлюда;ж;1991-07-14;+992 918 00 11 22, 93 555 66 77;Джиликуль;жертва торговли людьми;да\n"
  "Saidov Farrukh;m;33000;;Dusti district;family member;no\n"
  "Назаров Бахтиёр;мард;1979;;Дусти;мигрант;\n"
  "Назаров Бахтиёр;м;1979;;ноҳияи Дӯстӣ;мигрант;\n"
  "=HYPERLINK(\"http://evil\");м;05.03.1988;;Дусти;мигрант;\n"
  "Каримов Олим;x;05.03.88;123;Москва;;\n"
  "Одинаев;м;31.02.1990;;Дусти;мигрант;может быть\n"
  "Шарипов Ҷамшед;м;2099;;Дусти;мигрант;\n";

static char *
write_temp (Fixture    *f,
            const char *name,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

static HmrImportResult *
run_import (Fixture         *f,
            const HmrActor  *actor,
            const char      *path,
            gboolean         dry_run,
            GError         **error)
{
  g_autoptr(HmrImportFile) file = hmr_import_file_open (path, NULL, error);
  g_autoptr(HmrImportMapping) mapping = NULL;

  if (file == NULL)
    return NULL;
  mapping = hmr_import_mapping_propose (hmr_import_file_get_headers (file));
  return hmr_import_run (f->store, actor, file, mapping, dry_run, NULL, NULL, NULL, error);
}

static gboolean
has_problem (HmrImportResult *r,
             guint            row_number,
             const char      *field,
             const char      *words)
{
  for (guint i = 0; i < r->rows->len; i++)
    {
      HmrImportRow *row = g_ptr_array_index (r->rows, i);
      if (row->row_number != row_number)
        continue;
      for (guint p = 0; p < row->problems->len; p++)
        {
          HmrImportProblem *problem = g_ptr_array_index (row->problems, p);
          if (g_strcmp0 (problem->field, field) == 0 && strstr (problem->message, words) != NULL)
            return TRUE;
        }
    }
  return FALSE;
}

static void
register_existing (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = make_beneficiary ("Назаров", "Бахтиёр", "Dusti");

  hmr_beneficiary_set (b, HMR_BENEFICIARY_BIRTH_DATE, NULL);
  hmr_beneficiary_set (b, HMR_BENEFICIARY_BIRTH_YEAR_ESTIMATED, "1980");
  hmr_store_insert_beneficiary (f->store, f->caseworker, b, &error);
  g_assert_no_error (error);
}

static void
test_dry_run_counts_and_problems (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_temp (f, "list.csv", messy_csv);
  g_autoptr(HmrImportResult) r = NULL;
  gint64 before;

  register_existing (f);
  before = count_rows (f->path, "SELECT count(*) FROM beneficiary");
  r = run_import (f, f->caseworker, path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (r->n_rows, ==, 9);
  g_assert_cmpuint (r->n_new, ==, 3);
  g_assert_cmpuint (r->n_duplicates, ==, 2);
  g_assert_cmpuint (r->n_errors, ==, 4);
  g_assert_null (r->already_imported);
  /* Nothing written */
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM beneficiary"), ==, before);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM import_batch"), ==, 0);

  /* Each problem names its field and says why */
  g_assert_true (has_problem (r, 5, "Duplicate", "Likely already registered as DST-2026-00001"));
  g_assert_true (has_problem (r, 6, "Duplicate", "DST-2026-00001"));
  g_assert_true (has_problem (r, 7, "Full name (family, given, patronymic)", "formula"));
  g_assert_true (has_problem (r, 8, "Sex", "“x”"));
  g_assert_true (has_problem (r, 8, "Date of birth", "four digits"));
  g_assert_true (has_problem (r, 8, "District", "“Москва”"));
  g_assert_true (has_problem (r, 8, "Phone", "“123”"));
  g_assert_true (has_problem (r, 8, "Category", "required"));
  g_assert_true (has_problem (r, 9, "Date of birth", "“31.02.1990”"));
  g_assert_true (has_problem (r, 9, "Full name (family, given, patronymic)", "one word"));
  g_assert_true (has_problem (r, 9, "Disability", "neither yes nor no"));
  g_assert_true (has_problem (r, 10, "Estimated year of birth", "between 1900"));
}

static void
test_report_has_original_rows_and_reasons (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_temp (f, "list.csv", messy_csv);
  g_autofree char *report = g_build_filename (f->dir, "report.xlsx", NULL);
  g_autoptr(HmrImportResult) r = NULL;
  g_autoptr(HmrSheetReader) reader = NULL;
  GPtrArray *cells = NULL;
  guint n, rows = 0;
  gboolean saw_formula_text = FALSE;

  r = run_import (f, f->caseworker, path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (hmr_import_write_report (r, report, &error));
  g_assert_no_error (error);

  /* Read back with the import's own reader: the file's headers, then
   * the problems and the row they came from; "=…" stayed text */
  reader = hmr_sheet_reader_open (report, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (hmr_sheet_reader_next (reader, &cells, &n, &error));
  g_assert_cmpstr (g_ptr_array_index (cells, 0), ==, "ФИО");
  g_assert_cmpstr (g_ptr_array_index (cells, 7), ==, "Problems");
  g_assert_cmpstr (g_ptr_array_index (cells, 8), ==, "Row in the original file");
  g_ptr_array_unref (cells);
  while (hmr_sheet_reader_next (reader, &cells, &n, &error))
    {
      const char *problems = g_ptr_array_index (cells, 7);

      rows++;
      if (g_strcmp0 (g_ptr_array_index (cells, 0), "=HYPERLINK(\"http://evil\")") == 0)
        {
          saw_formula_text = TRUE;
          g_assert_cmpstr (g_ptr_array_index (cells, 8), ==, "7");
        }
      g_assert_nonnull (strstr (problems, " — "));
      g_ptr_array_unref (cells);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (rows, ==, 4);
  g_assert_true (saw_formula_text);

  /* The report's rows, fixed or not, import again: its headers map the same */
  {
    g_autoptr(HmrImportFile) again = hmr_import_file_open (report, NULL, &error);
    g_autoptr(HmrImportMapping) m = NULL;
    g_assert_no_error (error);
    m = hmr_import_mapping_propose (hmr_import_file_get_headers (again));
    g_assert_cmpint (hmr_import_mapping_get (m, 0), ==, HMR_IMPORT_FIELD_FULL_NAME);
    g_assert_cmpint (hmr_import_mapping_get (m, 7), ==, HMR_IMPORT_FIELD_NONE);
  }
}

static void
test_import_registers_with_audit_and_batch (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_temp (f, "list.csv", messy_csv);
  g_autoptr(HmrImportResult) r = NULL;
  g_autoptr(GPtrArray) batches = NULL;
  gint64 audits_before = count_rows (f->path, "SELECT count(*) FROM audit_log");
  HmrImportBatch *batch;

  r = run_import (f, f->caseworker, path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (r->n_imported, ==, 4);   /* the same person twice in the file: once */
  g_assert_cmpuint (r->n_duplicates, ==, 1);
  g_assert_cmpuint (r->n_errors, ==, 4);
  g_assert_nonnull (r->batch_id);

  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM beneficiary WHERE office_id = '" DUSTI_OFFICE "'"), ==, 4);
  /* Read as the form would have saved them */
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM beneficiary WHERE family_name = 'Юнусова' "
                                        "AND phone = '+992 91 800 1122' AND phone_alt = '+992 93 555 6677' "
                                        "AND category = 'trafficking_victim' AND disability = 1 "
                                        "AND birth_date = '1991-07-14' AND district = 'Dusti'"), ==, 1);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM beneficiary WHERE given_name_latin IS NULL "
                                        "AND family_name = 'Saidov' AND birth_date = '1990-05-07' "
                                        "AND category = 'family_member'"), ==, 1);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM beneficiary WHERE family_name = 'Назаров' "
                                        "AND birth_year_estimated = 1979 AND birth_date IS NULL"), ==, 1);
  /* Each record and its case file audited, and the batch */
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log") - audits_before, ==, 4 * 2 + 1);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE action = 'import' "
                                        "AND entity = 'import_batch'"), ==, 1);

  batches = hmr_store_list_import_batches (f->store, f->caseworker, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (batches->len, ==, 1);
  batch = g_ptr_array_index (batches, 0);
  g_assert_cmpstr (batch->file_name, ==, "list.csv");
  g_assert_cmpuint (batch->n_rows, ==, 9);
  g_assert_cmpuint (batch->n_imported, ==, 4);
  g_assert_cmpstr (batch->created_by, ==, "Malika Rahimova");
}

static void
test_same_file_or_people_not_twice (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_temp (f, "list.csv", messy_csv);
  g_autofree char *copy = NULL;
  g_autoptr(HmrImportResult) first = NULL;
  g_autoptr(HmrImportResult) again = NULL;
  g_autoptr(HmrImportResult) dry = NULL;
  g_autoptr(HmrImportResult) people = NULL;
  g_autofree char *reordered = NULL;

  first = run_import (f, f->caseworker, path, FALSE, &error);
  g_assert_no_error (error);

  /* The same file: the dry run says so, the import refuses */
  dry = run_import (f, f->caseworker, path, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dry->already_imported);
  g_assert_nonnull (strstr (dry->already_imported, "Malika Rahimova"));
  g_assert_cmpuint (dry->n_new, ==, 0);
  again = run_import (f, f->caseworker, path, FALSE, &error);
  g_assert_error (error, HMR_IMPORT_ERROR, HMR_IMPORT_ERROR_ALREADY_IMPORTED);
  g_assert_null (again);
  g_clear_error (&error);

  /* The same people in another file, in Latin letters: all duplicates */
  reordered = g_strdup ("Surname;First name;Sex;DOB;District;Category\n"
                        "Rakhimov;Alisher;m;1988-03-05;Dusti;returned migrant\n"
                        "Yunusova;Mavlyuda;f;14.07.1991;Dusti;victim of trafficking\n");
  copy = write_temp (f, "latin.csv", reordered);
  people = run_import (f, f->caseworker, copy, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->n_imported, ==, 0);
  g_assert_cmpuint (people->n_duplicates, ==, 2);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM beneficiary"), ==, 4);
}

static void
cancel_progress (guint    rows,
                 gpointer data)
{
  if (rows >= 400)
    g_cancellable_cancel (data);
}

static void
test_cancelled_leaves_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(HmrImportFile) file = NULL;
  g_autoptr(HmrImportMapping) mapping = NULL;
  g_autoptr(HmrImportResult) r = NULL;
  GString *csv = g_string_new ("Насаб,Ном,Ҷинс,Соли таваллуд,Ноҳия,Тоифа\n");
  g_autofree char *path = NULL;
  gint64 audits = count_rows (f->path, "SELECT count(*) FROM audit_log");

  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (csv, "Одинаев%u,Фаррух,м,%u,Дусти,муҳоҷир\n", i, 1950 + i % 50);
  path = write_temp (f, "long.csv", csv->str);
  g_string_free (csv, TRUE);

  file = hmr_import_file_open (path, NULL, &error);
  g_assert_no_error (error);
  mapping = hmr_import_mapping_propose (hmr_import_file_get_headers (file));
  r = hmr_import_run (f->store, f->caseworker, file, mapping, FALSE, cancel_progress, cancellable,
                      cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (r);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM beneficiary"), ==, 0);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM import_batch"), ==, 0);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM case_sequence"), ==, 0);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log"), ==, audits);

  /* Then the whole file, for real */
  g_clear_error (&error);
  r = hmr_import_run (f->store, f->caseworker, file, mapping, FALSE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (r->n_imported, ==, 1000);
}

static void
test_undo_by_supervisor (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_temp (f, "list.csv", messy_csv);
  g_autoptr(HmrImportResult) r = NULL;
  g_autoptr(HmrImportResult) again = NULL;

  r = run_import (f, f->caseworker, path, FALSE, &error);
  g_assert_no_error (error);

  /* A caseworker may not undo; a supervisor may, once */
  g_assert_false (hmr_store_undo_import_batch (f->store, f->caseworker, r->batch_id, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (hmr_store_undo_import_batch (f->store, f->supervisor, r->batch_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM beneficiary WHERE deleted_at IS NULL"), ==, 0);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM beneficiary"), ==, 4);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE action = 'archive' "
                                        "AND entity = 'beneficiary'"), ==, 4);
  g_assert_false (hmr_store_undo_import_batch (f->store, f->supervisor, r->batch_id, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* Once undone, the file may come in again */
  again = run_import (f, f->caseworker, path, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->n_imported, ==, 4);
}

static void
test_finance_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_temp (f, "list.csv", messy_csv);
  g_autoptr(HmrImportResult) r = NULL;

  r = run_import (f, f->finance, path, TRUE, &error);
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_assert_null (r);
}

static void
test_mapping_remembered (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = write_temp (f, "list.csv", messy_csv);
  g_autoptr(HmrImportFile) file = hmr_import_file_open (path, NULL, &error);
  GPtrArray *headers = hmr_import_file_get_headers (file);
  g_autoptr(HmrImportMapping) m = hmr_import_mapping_propose (headers);
  g_autoptr(HmrImportMapping) none = NULL;
  g_autoptr(HmrImportMapping) back = NULL;
  g_autofree char *s = NULL;

  none = hmr_store_load_import_mapping (f->store, f->caseworker, headers, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  /* The user says the last column is not to be imported */
  hmr_import_mapping_set (m, 6, HMR_IMPORT_FIELD_NONE);
  g_assert_true (hmr_store_save_import_mapping (f->store, f->caseworker, headers, m, &error));
  g_assert_no_error (error);
  back = hmr_store_load_import_mapping (f->store, f->supervisor, headers, &error);
  g_assert_no_error (error);
  s = hmr_import_mapping_to_string (back);
  g_assert_cmpstr (s, ==, "full_name,sex,birth_date,phone,district,category,none");
}

static void
test_districts_any_script (void)
{
  const char * const dusti[] = { "Дӯстӣ", "Дусти", "ноҳияи Дӯстӣ", "Dusti district", "р-н Джиликуль", NULL };
  const char * const panj[] = { "Панҷ", "Пяндж", "Panj", "ПАНҶ", NULL };

  for (guint i = 0; dusti[i]; i++)
    g_assert_cmpstr (hmr_import_match_district (dusti[i]), ==, "Dusti");
  for (guint i = 0; panj[i]; i++)
    g_assert_cmpstr (hmr_import_match_district (panj[i]), ==, "Panj");
  g_assert_cmpstr (hmr_import_match_district ("Шаартуз"), ==, "Shahrituz");
  g_assert_cmpstr (hmr_import_match_district ("Кумсангир"), ==, "Jayhun");
  g_assert_null (hmr_import_match_district ("Москва"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/import/dry-run/counts-new-duplicates-and-problems", test_dry_run_counts_and_problems);
  ADD ("/import/dry-run/report-has-original-rows-and-reasons", test_report_has_original_rows_and_reasons);
  ADD ("/import/run/registers-with-audit-and-batch", test_import_registers_with_audit_and_batch);
  ADD ("/import/run/same-file-or-people-not-registered-twice", test_same_file_or_people_not_twice);
  ADD ("/import/run/cancelled-leaves-nothing", test_cancelled_leaves_nothing);
  ADD ("/import/undo/supervisor-archives-the-batch", test_undo_by_supervisor);
  ADD ("/import/run/finance-refused", test_finance_refused);
  ADD ("/import/mapping/remembered-by-header-set", test_mapping_remembered);
#undef ADD
  g_test_add_func ("/import/values/districts-in-any-script", test_districts_any_script);

  return g_test_run ();
}
