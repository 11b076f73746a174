/* test-backup.c — encrypted backups restore whole, or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include "hmr-backup.h"
#include "hmr-test-util.h"

#define PASSPHRASE "Daryoi-Panj-shab-2026"

static char *
make_backup (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, "office.hamroh-backup", NULL);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(HmrBeneficiary) b = make_beneficiary ("Раҳимов", "Фаррух", "Dusti");
      g_assert_true (hmr_store_insert_beneficiary (f->store, f->caseworker, b, &error));
      g_assert_no_error (error);
    }
  g_assert_true (hmr_store_backup (f->store, f->admin, path, PASSPHRASE, &error));
  g_assert_no_error (error);
  return path;
}

static void
remove_restored (const char *path)
{
  g_autofree char *anchor = g_strconcat (path, ".anchor", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (anchor);
  g_unlink (wal);
  g_unlink (shm);
}

static void
assert_nothing_restored (Fixture    *f,
                         const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_assert_false (g_file_test (to, G_FILE_TEST_EXISTS));
  while ((name = g_dir_read_name (dir)))
    g_assert_false (g_str_has_prefix (name, ".hamroh-partial"));
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = make_backup (f);
  g_autofree char *to = g_build_filename (f->dir, "restored.sqlite3", NULL);
  g_autoptr(HmrStore) restored = NULL;
  g_autofree char *contents = NULL;
  gint64 checked = 0, broken = -1;
  struct stat st;

  /* readable by its owner only, and no plain text in it */
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (backup, &contents, NULL, NULL));
  g_assert_null (g_strstr_len (contents, st.st_size, "SQLite format"));
  g_assert_null (g_strstr_len (contents, st.st_size, "m.rahimova"));
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE action = 'backup'"), ==, 1);

  g_assert_true (hmr_backup_restore (backup, to, PASSPHRASE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (to, "SELECT count(*) FROM beneficiary"), ==, 3);
  restored = hmr_store_open (to, &error);
  g_assert_no_error (error);
  g_assert_true (hmr_store_check_integrity (restored, &error));
  g_assert_true (hmr_store_verify_audit (restored, f->admin, &checked, &broken, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, 0);
  g_assert_cmpint (checked, >, 3);
  /* anchored afresh: its log cannot be cut short unnoticed either */
  {
    g_autofree char *anchor = g_strconcat (to, ".anchor", NULL);
    g_assert_true (g_file_test (anchor, G_FILE_TEST_IS_REGULAR));
  }
  g_clear_object (&restored);
  remove_restored (to);
  g_unlink (backup);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "x.hamroh-backup", NULL);

  g_assert_false (hmr_store_backup (f->store, f->supervisor, path, PASSPHRASE, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (hmr_store_backup (f->store, f->admin, path, "short", &error));
  g_assert_error (error, HMR_BACKUP_ERROR, HMR_BACKUP_ERROR_PASSPHRASE);
  g_assert_nonnull (strstr (error->message, "Passphrase"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_wrong_passphrase_or_altered (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = make_backup (f);
  g_autofree char *to = g_build_filename (f->dir, "restored.sqlite3", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "bad.hamroh-backup", NULL);
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_false (hmr_backup_restore (backup, to, "not-the-passphrase", &error));
  g_assert_error (error, HMR_BACKUP_ERROR, HMR_BACKUP_ERROR_PASSPHRASE);
  g_clear_error (&error);
  assert_nothing_restored (f, to);

  g_assert_true (g_file_get_contents (backup, &contents, &len, NULL));
  /* one byte changed in the middle */
  contents[len / 2] ^= 0x40;
  g_assert_true (g_file_set_contents (bad, contents, len, NULL));
  g_assert_false (hmr_backup_restore (bad, to, PASSPHRASE, &error));
  g_assert_error (error, HMR_BACKUP_ERROR, HMR_BACKUP_ERROR_DAMAGED);
  g_clear_error (&error);
  assert_nothing_restored (f, to);

  /* cut short at a chunk's end, and at its middle */
  contents[len / 2] ^= 0x40;
  g_assert_true (g_file_set_contents (bad, contents, len - 100, NULL));
  g_assert_false (hmr_backup_restore (bad, to, PASSPHRASE, &error));
  g_assert_error (error, HMR_BACKUP_ERROR, HMR_BACKUP_ERROR_DAMAGED);
  g_clear_error (&error);
  assert_nothing_restored (f, to);

  /* not a backup at all */
  g_assert_false (hmr_backup_restore (f->path, to, PASSPHRASE, &error));
  g_assert_error (error, HMR_BACKUP_ERROR, HMR_BACKUP_ERROR_NOT_A_BACKUP);
  g_clear_error (&error);
  assert_nothing_restored (f, to);
  g_unlink (bad);
  g_unlink (backup);
}

static void
test_never_over_a_file (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = make_backup (f);

  /* least of all over the database in use */
  g_assert_false (hmr_backup_restore (backup, f->path, PASSPHRASE, &error));
  g_assert_error (error, HMR_BACKUP_ERROR, HMR_BACKUP_ERROR_EXISTS);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM beneficiary"), ==, 3);
  g_unlink (backup);
}

static void
test_rotation (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "usb", NULL);
  const char *names[] = {
    "hamroh-2026-11-01-090000.hamroh-backup", "hamroh-2026-11-08-090000.hamroh-backup",
    "hamroh-2026-11-15-090000.hamroh-backup", "hamroh-2026-11-22-090000.hamroh-backup",
    "notes.txt",
  };

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *p = g_build_filename (folder, names[i], NULL);
      g_assert_true (g_file_set_contents (p, "x", 1, NULL));
    }
  g_assert_cmpuint (hmr_backup_rotate (folder, 2, NULL), ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *p = g_build_filename (folder, names[i], NULL);
      /* the two oldest go; the newest two and other files stay */
      g_assert_cmpint (g_file_test (p, G_FILE_TEST_EXISTS), ==, i >= 2);
      g_unlink (p);
    }
  g_rmdir (folder);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/backup/restores-an-intact-anchored-database", test_round_trip);
  ADD ("/backup/administrators-only-with-a-long-passphrase", test_refused);
  ADD ("/backup/wrong-passphrase-or-altered-file-restores-nothing", test_wrong_passphrase_or_altered);
  ADD ("/backup/never-restored-over-a-file", test_never_over_a_file);
  ADD ("/backup/rotation-keeps-the-newest", test_rotation);
#undef ADD
  return g_test_run ();
}
