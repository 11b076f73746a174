/* test-export-language.c — every workbook in the user's language, ready
 * to print: exported under LANGUAGE=tg and ru from the demo data and read
 * back with openpyxl (tests/core/check-workbook.py)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "hmr-demo.h"
#include "hmr-export.h"
#include "hmr-grant.h"
#include "hmr-handover.h"
#include "hmr-locale.h"
#include "hmr-referral.h"

extern void hmr_store_use_fast_password_hashing_for_tests (void);

static GDateTime *
fixed_clock (gpointer data)
{
  return g_date_time_new_utc (2026, 11, 23, 9, 30, 0);
}

static HmrActor *
login (HmrStore  *store,
       GPtrArray *users,
       HmrRole    role)
{
  g_autoptr(GError) error = NULL;
  HmrActor *actor;

  for (guint i = 0; i < users->len; i++)
    {
      const HmrDemoUser *u = g_ptr_array_index (users, i);

      if (u->role != role)
        continue;
      actor = hmr_store_authenticate (store, u->username, u->password, &error);
      g_assert_no_error (error);
      return actor;
    }
  g_assert_not_reached ();
}

/* Runs check-workbook.py; fails the test with its complaints */
static void
check_workbooks (const char  *mo,
                 gboolean     print,
                 const char **paths)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  g_ptr_array_add (argv, "/usr/bin/python3");
  g_ptr_array_add (argv, TEST_SRCDIR "/check-workbook.py");
  g_ptr_array_add (argv, (char *) mo);
  if (print)
    g_ptr_array_add (argv, "--print");
  /* what people typed: jamoat, village; place, witnesses, item */
  g_ptr_array_add (argv, "--free");
  g_ptr_array_add (argv, "caseload.xlsx:0:L,M");
  g_ptr_array_add (argv, "--free");
  g_ptr_array_add (argv, "handovers.xlsx:0:K,L,M,N");
  for (guint i = 0; paths[i]; i++)
    g_ptr_array_add (argv, (char *) paths[i]);
  g_ptr_array_add (argv, NULL);

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                     NULL, &err, &status, &error))
    g_error ("python3: %s", error->message);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s", err);
}

static void
export_everything (const char *language,
                   gboolean    print)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(HmrStore) store = NULL;
  g_autoptr(HmrActor) supervisor = NULL;
  g_autoptr(HmrActor) finance = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hamroh-language-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "demo.sqlite3", NULL);
  g_autofree char *caseload = g_build_filename (dir, "caseload.xlsx", NULL);
  g_autofree char *referrals = g_build_filename (dir, "referrals.xlsx", NULL);
  g_autofree char *ledger = g_build_filename (dir, "ledger.xlsx", NULL);
  g_autofree char *handovers = g_build_filename (dir, "handovers.xlsx", NULL);
  g_autofree char *mo = g_build_filename (TEST_PODIR, language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  const char *paths[] = { caseload, referrals, ledger, handovers, NULL };

  /* English with --print: what is checked is the layout */
  g_setenv ("LANGUAGE", language, TRUE);
  g_setenv ("HAMROH_LOCALEDIR", TEST_PODIR, TRUE);
  hmr_setup_i18n ();

  hmr_store_use_fast_password_hashing_for_tests ();
  store = hmr_store_open (db, &error);
  g_assert_no_error (error);
  hmr_store_set_clock (store, fixed_clock, NULL);
  g_assert_true (hmr_demo_fill (store, 120, 20261207, &users, &error));
  g_assert_no_error (error);
  supervisor = login (store, users, HMR_ROLE_SUPERVISOR);
  finance = login (store, users, HMR_ROLE_FINANCE);

  g_assert_true (hmr_export_beneficiaries (store, supervisor, NULL, caseload, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (hmr_export_referrals (store, supervisor, NULL, referrals, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (hmr_export_grant_ledger (store, finance, NULL, ledger, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (hmr_export_handovers (store, finance, handovers, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  check_workbooks (print ? "-" : mo, print, paths);

  g_clear_object (&store);
  for (guint i = 0; paths[i]; i++)
    g_unlink (paths[i]);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_strconcat (db, (const char *[]) { "", "-wal", "-shm" }[i], NULL);
      g_unlink (file);
    }
  g_rmdir (dir);
}

static void
test_workbooks_in_language (gconstpointer data)
{
  if (g_test_subprocess ())
    {
      export_everything (data, FALSE);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_workbooks_print (void)
{
  if (g_test_subprocess ())
    {
      export_everything ("en", TRUE);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/export/language/tajik-workbooks-have-no-english-label", "tg",
                        test_workbooks_in_language);
  g_test_add_data_func ("/export/language/russian-workbooks-have-no-english-label", "ru",
                        test_workbooks_in_language);
  g_test_add_func ("/export/print/every-sheet-landscape-one-page-wide-with-titles-and-totals-outside-the-filter",
                   test_workbooks_print);
  return g_test_run ();
}
