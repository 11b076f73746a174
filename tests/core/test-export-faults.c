/* test-export-faults.c — an export or printout that cannot be written whole says so
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
#include "hmr-act-pdf.h"
#include "hmr-backup.h"
#include "hmr-referral.h"
#include "hmr-referral-slip.h"
#include "hmr-xlsx.h"
#include "hmr-test-util.h"

typedef enum
{
  KIND_BENEFICIARIES,
  KIND_REFERRALS,
  KIND_GRANTS,
  KIND_HANDOVERS,
  KIND_HANDOVER_ACT,
  KIND_GRANT_RECEIPT,
  KIND_REFERRAL_SLIP,
  KIND_BACKUP,
} Kind;

#define PASSPHRASE "Daryoi-Panj-shab-2026"

typedef struct
{
  char     *dir;
  char     *path;
  HmrActor *supervisor;
  HmrActor *finance;
  HmrActor *admin;
  char     *handover_id;
  char     *grant_id;
  char     *referral_id;
} Demo;

static Demo demo;

static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *out = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    out = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_nonnull (out);
  return out;
}

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
                      : u->role == HMR_ROLE_FINANCE ? &demo.finance
                      : u->role == HMR_ROLE_ADMIN ? &demo.admin : NULL;
      if (slot && *slot == NULL)
        {
          *slot = hmr_store_authenticate (store, u->username, u->password, &error);
          g_assert_no_error (error);
        }
    }
  g_assert_nonnull (demo.supervisor);
  g_assert_nonnull (demo.finance);
  demo.handover_id = query_text (demo.path, "SELECT id FROM handover ORDER BY id LIMIT 1");
  demo.grant_id = query_text (demo.path, "SELECT grant_id FROM disbursement ORDER BY id LIMIT 1");
  demo.referral_id = query_text (demo.path, "SELECT id FROM referral WHERE status = 'sent' ORDER BY id LIMIT 1");
}

static gboolean
run_export (HmrStore    *store,
            Kind         kind,
            const char  *out,
            GError     **error)
{
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
    case KIND_HANDOVER_ACT:
      return hmr_act_write_handover (store, demo.finance, demo.handover_id, HMR_ACT_LANGUAGE_TG, out, error);
    case KIND_GRANT_RECEIPT:
      return hmr_act_write_grant_receipt (store, demo.finance, demo.grant_id, 0, HMR_ACT_LANGUAGE_RU, out, error);
    case KIND_REFERRAL_SLIP:
      return hmr_referral_slip_write_pdf (store, demo.supervisor, demo.referral_id, "tg", out, error);
    case KIND_BACKUP:
      return hmr_store_backup (store, demo.admin, out, PASSPHRASE, error);
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
      g_autoptr(HmrStore) store = hmr_store_open (demo.path, &error);

      g_assert_no_error (error);
      signal (SIGXFSZ, SIG_IGN);
      setrlimit (RLIMIT_FSIZE, &rl);
      if (run_export (store, kind, out, &error))
        _exit (0);
      g_printerr ("# limit %lu: %s\n", (unsigned long) limit, error->message);
      _exit (1);
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status) == 0;
}

static gboolean
pdf_reads (const char *path)
{
  int status = 0;
  const char *argv[] = { "/usr/bin/pdftotext", path, "/dev/null", NULL };

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                     NULL, NULL, &status, NULL))
    g_error ("pdftotext could not be run");
  return g_spawn_check_wait_status (status, NULL);
}

static gboolean
backup_restores (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *to = g_build_filename (demo.dir, "restored.sqlite3", NULL);
  g_autofree char *anchor = g_strconcat (to, ".anchor", NULL);
  gboolean ok = hmr_backup_restore (path, to, PASSPHRASE, &error);

  g_unlink (to);
  g_unlink (anchor);
  return ok;
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
  const rlim_t sheet_limits[] = { 20 << 10, 40 << 10, 80 << 10, 160 << 10, 320 << 10, 640 << 10, 256 << 20 };
  const rlim_t pdf_limits[] = { 1 << 10, 4 << 10, 8 << 10, 12 << 10, 16 << 10, 24 << 10, 32 << 10, 256 << 20 };
  gboolean pdf = kind >= KIND_HANDOVER_ACT && kind <= KIND_REFERRAL_SLIP;
  gboolean backup = kind == KIND_BACKUP;
  rlim_t backup_limits[6];
  const rlim_t *limits = pdf ? pdf_limits : backup ? backup_limits : sheet_limits;
  guint n_limits = pdf ? G_N_ELEMENTS (pdf_limits) : backup ? G_N_ELEMENTS (backup_limits)
                                                            : G_N_ELEMENTS (sheet_limits);
  const char *action = pdf ? "print" : backup ? "backup" : "export";
  g_autofree char *out = g_build_filename (demo.dir, pdf ? "printout.pdf" : backup ? "office.hamroh-backup"
                                                                                 : "export.xlsx", NULL);
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE action = '%s'", action);
  guint n_failed = 0;

  if (backup)
    {
      GStatBuf st;

      /* around the database's size: the plain copy fits, the encrypted
       * file does or does not */
      exec_sql (demo.path, "PRAGMA wal_checkpoint(TRUNCATE)");
      g_assert_cmpint (g_stat (demo.path, &st), ==, 0);
      backup_limits[0] = 20 << 10;
      backup_limits[1] = st.st_size / 2;
      backup_limits[2] = st.st_size + 512;
      backup_limits[3] = st.st_size + (64 << 10);
      backup_limits[4] = st.st_size + (512 << 10);
      backup_limits[5] = 256 << 20;
    }
  for (guint i = 0; i < n_limits; i++)
    {
      gint64 audited = count_rows (demo.path, count_sql);
      gboolean ok;

      g_unlink (out);
      ok = export_with_file_limit (kind, out, limits[i]);
      assert_no_partial_file ();
      if (ok)
        {
          /* success means a whole workbook and one audit row */
          g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
          g_assert_true (pdf ? pdf_reads (out) : backup ? backup_restores (out) : spreadsheet_reads (out));
          g_assert_cmpint (count_rows (demo.path, count_sql),
                           ==, audited + 1);
        }
      else
        {
          /* failure means nothing at all */
          n_failed++;
          g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
          g_assert_cmpint (count_rows (demo.path, count_sql),
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
  g_test_add_data_func ("/print/full-disk/handover-act-whole-or-nothing",
                        GINT_TO_POINTER (KIND_HANDOVER_ACT), test_full_disk);
  g_test_add_data_func ("/print/full-disk/grant-receipt-whole-or-nothing",
                        GINT_TO_POINTER (KIND_GRANT_RECEIPT), test_full_disk);
  g_test_add_data_func ("/print/full-disk/referral-slip-whole-or-nothing",
                        GINT_TO_POINTER (KIND_REFERRAL_SLIP), test_full_disk);
  g_test_add_data_func ("/backup/full-disk/whole-or-nothing",
                        GINT_TO_POINTER (KIND_BACKUP), test_full_disk);
  g_test_add_func ("/export/verify/cut-short-workbook-refused-by-name", test_broken_file_named);
  g_test_add_func ("/export/text/characters-xml-cannot-carry-replaced", test_xml_invalid_characters_replaced);
  rc = g_test_run ();

  hmr_actor_free (demo.supervisor);
  hmr_actor_free (demo.finance);
  hmr_actor_free (demo.admin);
  g_free (demo.handover_id);
  g_free (demo.grant_id);
  g_free (demo.referral_id);
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
