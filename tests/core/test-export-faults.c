/* test-export-faults.c — an export that cannot be written whole says so
 *
 * Each export runs in a child process whose files may not grow past a
 * limit (RLIMIT_FSIZE, with SIGXFSZ ignored, so a write fails with EFBIG
 * as on a full disk): libxlsxwriter's temporary files, the workbook and
 * the database's journal all hit it.  Whatever the limit, the export
 * either succeeds with a workbook that a spreadsheet reads and one audit
 * row, or fails with no file, no partial file and no audit row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hmr-demo.h"
#include "hmr-export.h"
#include "hmr-grant.h"
#include "hmr-handover.h"
#include "hmr-referral.h"
#include "hmr-xlsx.h"
#include "hmr-test-util.h"

typedef enum
{
  KIND_BENEFICIARIES,
  KIND_REFERRALS,
  KIND_GRANTS,
  KIND_HANDOVERS,
} Kind;

typedef struct
{
  char     *dir;
  char     *path;
  HmrActor *supervisor;
  HmrActor *finance;
} Demo;

static Demo demo;

static void
demo_set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrStore) store = NULL;
  g_autoptr(GPtrArray) users = NULL;

  hmr_store_use_fast_password_hashing_for_tests ();
  demo.dir = g_dir_make_tmp ("hamroh-faults-XXXXXX", &error);
  g_assert_no_error (error);
  demo.path = g_build_filename (demo.dir, "demo.sqlite3", NULL);
  store = hmr_store_open (demo.path, &error);
  g_assert_no_error (error);
  g_assert_true (hmr_demo_fill (store, 600, 7, &users, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < users->len; i++)
    {
      HmrDemoUser *u = g_ptr_array_index (users, i);
      HmrActor **slot = u->role == HMR_ROLE_SUPERVISOR ? &demo.supervisor
                      : u->role == HMR_ROLE_FINANCE ? &demo.finance : NULL;
      if (slot && *slot == NULL)
        {
          *slot = hmr_store_authenticate (store, u->username, u->password, &error);
          g_assert_no_error (error);
        }
    }
  g_assert_nonnull (demo.supervisor);
  g_assert_nonnull (demo.finance);
}

static gboolean
run_export (Kind         kind,
            const char  *out,
            GError     **error)
{
  g_autoptr(HmrStore) store = hmr_store_open (demo.path, error);

  if (store == NULL)
    return FALSE;
  switch (kind)
    {
    case KIND_BENEFICIARIES:
      return hmr_export_beneficiaries (store, demo.supervisor, NULL, out, NULL, NULL, NULL, error);
    case KIND_REFERRALS:
      return hmr_export_referrals (store, demo.supervisor, NULL, out, NULL, NULL, NULL, error);
    case KIND_GRANTS:
      return hmr_export_grant_ledger (store, demo.finance, NULL, out, NULL, NULL, NULL, error);
    case KIND_HANDOVERS:
      return hmr_export_handovers (store, demo.finance, out, NULL, NULL, NULL, error);
    default:
      g_assert_not_reached ();
    }
}

/* The export in a child whose files may not grow past @limit bytes.
 * Returns: whether it reported success */
static gboolean
export_with_file_limit (Kind        kind,
                        const char *out,
                        rlim_t      limit)
{
  int status = 0;
  pid_t pid;

  /* the journal starts empty, so the audit row fits under small limits
   * and the export's own files are what runs out */
  exec_sql (demo.path, "PRAGMA wal_checkpoint(TRUNCATE)");
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      struct rlimit rl = { limit, limit };
      g_autoptr(GError) error = NULL;

      signal (SIGXFSZ, SIG_IGN);
      setrlimit (RLIMIT_FSIZE, &rl);
      if (run_export (kind, out, &error))
        _exit (0);
      g_printerr ("# limit %lu: %s\n", (unsigned long) limit, error->message);
      _exit (1);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status) == 0;
}

static gboolean
spreadsheet_reads (const char *path)
{
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *script =
    "import sys, openpyxl\n"
    "wb = openpyxl.load_workbook(sys.argv[1], read_only=True)\n"
    "for ws in wb.worksheets:\n"
    "    for row in ws.iter_rows(): pass\n";
  const char *argv[] = { "/usr/bin/python3", "-c", script, path, NULL };

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     NULL, NULL, &status, &error))
    g_error ("python3: %s", error->message);
  return g_spawn_check_wait_status (status, NULL);
}

static void
assert_no_partial_file (void)
{
  g_autoptr(GDir) dir = g_dir_open (demo.dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)))
    g_assert_false (g_str_has_prefix (name, ".hamroh-partial"));
}

static void
test_full_disk (gconstpointer data)
{
  Kind kind = GPOINTER_TO_INT (data);
  const rlim_t limits[] = { 20 << 10, 40 << 10, 80 << 10, 160 << 10, 320 << 10, 640 << 10, 256 << 20 };
  g_autofree char *out = g_build_filename (demo.dir, "export.xlsx", NULL);
  guint n_failed = 0;

  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      gint64 audited = count_rows (demo.path, "SELECT count(*) FROM audit_log WHERE action = 'export'");
      gboolean ok;

      g_unlink (out);
      ok = export_with_file_limit (kind, out, limits[i]);
      assert_no_partial_file ();
      if (ok)
        {
          /* success means a whole workbook and one audit row */
          g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
          g_assert_true (spreadsheet_reads (out));
          g_assert_cmpint (count_rows (demo.path, "SELECT count(*) FROM audit_log WHERE action = 'export'"),
                           ==, audited + 1);
        }
      else
        {
          /* failure means nothing at all */
          n_failed++;
          g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
          g_assert_cmpint (count_rows (demo.path, "SELECT count(*) FROM audit_log WHERE action = 'export'"),
                           ==, audited);
        }
      /* with room enough it works */
      if (limits[i] >= (256 << 20))
        g_assert_true (ok);
    }
  /* the small limits did bite */
  g_assert_cmpuint (n_failed, >, 0);
  g_unlink (out);
}

static void
test_broken_file_named (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (demo.dir, "cut.xlsx", NULL);
  g_autofree char *whole = g_build_filename (demo.dir, "whole.xlsx", NULL);
  g_autofree char *contents = NULL;
  const guint32 rows[] = { 51 };
  const guint32 more_rows[] = { 52 };
  const char *titles[] = { "Name", NULL };
  HmrXlsx *xlsx;
  lxw_worksheet *sheet;
  gsize len;

  /* a workbook written in full reads back; the same cut short does not */
  xlsx = hmr_xlsx_new (whole, FALSE, &error);
  g_assert_no_error (error);
  sheet = hmr_xlsx_add_sheet (xlsx, "Names");
  hmr_xlsx_header (xlsx, sheet, titles, NULL);
  for (guint32 r = 1; r <= 50; r++)
    hmr_xlsx_text (sheet, r, 0, "Раҳимов Фаррух");
  g_assert_true (hmr_xlsx_finish (xlsx, &error));
  g_assert_no_error (error);
  g_assert_true (hmr_xlsx_verify (whole, NULL, 1, rows, &error));
  g_assert_no_error (error);
  /* a sheet that ends before the last row written is not whole either */
  g_assert_false (hmr_xlsx_verify (whole, NULL, 1, more_rows, &error));
  g_assert_error (error, HMR_XLSX_ERROR, HMR_XLSX_ERROR_INCOMPLETE);
  g_clear_error (&error);

  g_assert_true (g_file_get_contents (whole, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (path, contents, len - 100, NULL));
  g_assert_false (hmr_xlsx_verify (path, NULL, 1, rows, &error));
  g_assert_error (error, HMR_XLSX_ERROR, HMR_XLSX_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (error->message, "cut.xlsx"));
  g_unlink (path);
  g_unlink (whole);
}

static void
test_xml_invalid_characters_replaced (void)
{
  g_autofree char *a = hmr_xlsx_clean_text ("Раҳимов\xef\xbf\xbf");   /* U+FFFF */
  g_autofree char *b = hmr_xlsx_clean_text ("a\xef\xbf\xbe" "b\x01" "c"); /* U+FFFE, U+0001 */
  g_autofree char *c = hmr_xlsx_clean_text ("line\nnext\ttab");

  g_assert_cmpstr (a, ==, "Раҳимов\xef\xbf\xbd");
  g_assert_cmpstr (b, ==, "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c");
  g_assert_null (c);   /* nothing to clean */
}

int
main (int    argc,
      char **argv)
{
  int rc;

  g_test_init (&argc, &argv, NULL);
  demo_set_up ();
  g_test_add_data_func ("/export/full-disk/beneficiaries-whole-or-nothing",
                        GINT_TO_POINTER (KIND_BENEFICIARIES), test_full_disk);
  g_test_add_data_func ("/export/full-disk/referrals-whole-or-nothing",
                        GINT_TO_POINTER (KIND_REFERRALS), test_full_disk);
  g_test_add_data_func ("/export/full-disk/grant-ledger-whole-or-nothing",
                        GINT_TO_POINTER (KIND_GRANTS), test_full_disk);
  g_test_add_data_func ("/export/full-disk/handovers-whole-or-nothing",
                        GINT_TO_POINTER (KIND_HANDOVERS), test_full_disk);
  g_test_add_func ("/export/verify/cut-short-workbook-refused-by-name", test_broken_file_named);
  g_test_add_func ("/export/text/characters-xml-cannot-carry-replaced", test_xml_invalid_characters_replaced);
  rc = g_test_run ();

  hmr_actor_free (demo.supervisor);
  hmr_actor_free (demo.finance);
  {
    g_autoptr(GDir) dir = g_dir_open (demo.dir, 0, NULL);
    const char *name;
    while (dir && (name = g_dir_read_name (dir)))
      {
        g_autofree char *p = g_build_filename (demo.dir, name, NULL);
        g_unlink (p);
      }
  }
  g_rmdir (demo.dir);
  return rc;
}
