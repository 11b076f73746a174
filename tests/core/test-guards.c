/* test-guards.c — a plain SQLite shell cannot change what the role table
 * protects
 *
 * The report's case: with the sqlite3 shell a caseworker promoted himself
 * to supervisor, lifted his own lockout and archived or deleted
 * beneficiaries, with no audit row.  The file is opened here exactly as
 * the shell opens it: no Hamroh function registered.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hmr-test-util.h"

/* Returns: whether the plain connection managed to run @sql */
static gboolean
shell_can (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  int rc;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
  sqlite3_close (db);
  return rc == SQLITE_OK;
}

static void
test_plain_shell_refused (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = make_beneficiary ("Раҳимов", "Фаррух", "Dusti");
  const char *refused[] = {
    "UPDATE app_user SET role = 'supervisor', office_id = NULL WHERE username = 'm.rahimova'",
    "UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE username = 'm.rahimova'",
    "INSERT INTO app_user (id, username, full_name, role, created_at, updated_at) "
    "  VALUES ('x', 'intruder', 'Intruder', 'admin', '2026-01-01', '2026-01-01')",
    "DELETE FROM app_user WHERE username = 'admin'",
    "UPDATE beneficiary SET category = 'victim_of_trafficking'",
    "UPDATE beneficiary SET risk_level = 'low'",
    "UPDATE beneficiary SET deleted_at = '2026-01-01'",
    "DELETE FROM beneficiary",
    "UPDATE case_file SET owner_id = NULL",
    "DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)",
    "UPDATE audit_log SET username = 'someone'",
  };
  gint64 audit_rows;

  g_assert_true (hmr_store_insert_beneficiary (f->store, f->caseworker, b, &error));
  g_assert_no_error (error);
  audit_rows = count_rows (f->path, "SELECT count(*) FROM audit_log");

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    if (shell_can (f->path, refused[i]))
      g_error ("a plain shell could: %s", refused[i]);

  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM app_user WHERE role = 'supervisor'"), ==, 1);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM app_user"), ==, 5);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM beneficiary WHERE deleted_at IS NULL "
                                        "AND category = 'returned_migrant'"), ==, 1);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log"), ==, audit_rows);

  /* reading stays open to the shell: backups and checks are read-only */
  g_assert_true (shell_can (f->path, "SELECT count(*) FROM beneficiary"));

  /* and Hamroh itself still writes */
  hmr_beneficiary_set (b, HMR_BENEFICIARY_RISK_LEVEL, "high");
  g_assert_true (hmr_store_update_beneficiary (f->store, f->caseworker, b, &error));
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/store/guard/plain-shell-cannot-change-roles-lockouts-records-or-the-log", Fixture, NULL,
              fixture_set_up, test_plain_shell_refused, fixture_tear_down);
  return g_test_run ();
}
