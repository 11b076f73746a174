/* test-export.c — the caseload export, read back with openpyxl
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include "hmr-export.h"
#include "hmr-test-util.h"

/* Reads the sheet with Debian's python3-openpyxl: one line per row, cells
 * as type:value separated by tabs */
static char *
read_back (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  const char *script =
    "import sys, openpyxl\n"
    "wb = openpyxl.load_workbook(sys.argv[1])\n"
    "ws = wb.worksheets[0]\n"
    "print(ws.freeze_panes, ws.auto_filter.ref)\n"
    "for row in ws.iter_rows():\n"
    "    print('\\t'.join('%s:%s' % (c.data_type, '' if c.value is None else c.value) for c in row))\n";
  const char *argv[] = { "/usr/bin/python3", "-c", script, path, NULL };

  if (!g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &out, &err, &status, &error))
    g_error ("python3: %s", error->message);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("openpyxl could not read %s: %s", path, err);
  return g_steal_pointer (&out);
}

static void
test_export_reads_back (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xlsx = g_build_filename (f->dir, "caseload.xlsx", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  struct stat st;
  const char *names[] = { "=HYPERLINK(\"http://x\",\"y\")", "Ҷӯраев", "+SUM(A1:A9)", "@Раҳимов" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(HmrBeneficiary) b = make_beneficiary (names[i], "Ғайрат", "Dusti");
      hmr_beneficiary_set (b, HMR_BENEFICIARY_HOUSEHOLD_SIZE, "6");
      g_assert_true (hmr_store_insert_beneficiary (f->store, f->caseworker, b, &error));
      g_assert_no_error (error);
    }
  /* another office's beneficiary stays out of a caseworker's export */
  {
    g_autoptr(HmrBeneficiary) b = make_beneficiary ("Шарипов", "Умед", "Panj");
    g_assert_true (hmr_store_insert_beneficiary (f->store, f->caseworker_panj, b, &error));
  }

  g_assert_true (hmr_export_beneficiaries (f->store, f->caseworker, NULL, xlsx, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (xlsx, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  text = read_back (xlsx);
  lines = g_strsplit (g_strchomp (text), "\n", -1);
  /* 22 columns of the person and the case, 14 of the intake */
  g_assert_cmpstr (lines[0], ==, "A2 A1:AJ5");
  g_assert_cmpuint (g_strv_length (lines), ==, 2 + G_N_ELEMENTS (names));
  g_assert_true (g_str_has_prefix (lines[1], "s:Case number\ts:Family name"));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[2 + i], "\t", -1);
      g_autofree char *expected = g_strdup_printf ("s:%s", names[i]);
      g_autofree char *case_number = g_strdup_printf ("s:DST-2026-%05u", i + 1);

      g_assert_cmpstr (cells[0], ==, case_number);
      /* text that looks like a formula is a string cell, never a formula */
      g_assert_cmpstr (cells[1], ==, expected);
      /* dates are dates, numbers are numbers */
      g_assert_cmpstr (cells[7], ==, "d:1990-03-21 00:00:00");
      g_assert_cmpstr (cells[13], ==, "n:6");
    }
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE action = 'export' "
                                        "AND username = 'm.rahimova'"), ==, 1);
}

static void
test_export_refused_for_finance (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xlsx = g_build_filename (f->dir, "refused.xlsx", NULL);

  g_assert_false (hmr_export_beneficiaries (f->store, f->finance, NULL, xlsx, NULL, NULL, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));
}

static void
test_export_unwritable_leaves_nothing (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = make_beneficiary ("Раҳимов", "Фаррух", "Dusti");

  g_assert_true (hmr_store_insert_beneficiary (f->store, f->caseworker, b, &error));
  g_assert_false (hmr_export_beneficiaries (f->store, f->caseworker, NULL, "/nonexistent-folder/x.xlsx",
                                            NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "/nonexistent-folder"));
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE action = 'export'"), ==, 0);
}

static void
test_export_cancelled_leaves_nothing (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *xlsx = g_build_filename (f->dir, "cancelled.xlsx", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(HmrBeneficiary) b = make_beneficiary ("Раҳимов", "Фаррух", "Dusti");
      g_assert_true (hmr_store_insert_beneficiary (f->store, f->caseworker, b, &error));
    }
  g_cancellable_cancel (cancellable);
  g_assert_false (hmr_export_beneficiaries (f->store, f->caseworker, NULL, xlsx, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));
  /* no partial file either */
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)))
    g_assert_false (g_str_has_prefix (name, ".hamroh-partial"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/export/beneficiaries/reads-back-as-text-dates-numbers", test_export_reads_back);
  ADD ("/export/beneficiaries/refused-for-finance", test_export_refused_for_finance);
  ADD ("/export/beneficiaries/unwritable-folder-leaves-nothing", test_export_unwritable_leaves_nothing);
  ADD ("/export/beneficiaries/cancelled-leaves-nothing", test_export_cancelled_leaves_nothing);
#undef ADD
  return g_test_run ();
}
