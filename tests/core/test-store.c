/* test-store.c — the store: migrations, actors, audit, permissions, login
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "hmr-test-util.h"

/* ---- migrations -------------------------------------------------------- */

static void
test_migrations_from_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrStore) store = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hamroh-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "sub", "folder", "new.sqlite3", NULL);
  struct stat st;
  int latest = hmr_store_get_latest_schema_version ();

  g_assert_cmpint (latest, >=, 2);
  store = hmr_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hmr_store_get_schema_version (store), ==, latest);
  g_assert_cmpint (count_rows (path, "PRAGMA user_version"), ==, latest);

  /* The whole data model is there */
  {
    const char *tables[] = {
      "office", "app_user", "service_provider", "beneficiary", "migration_episode",
      "reentry_ban", "trafficking_profile", "case_file", "case_history", "assessment",
      "reintegration_plan", "referral", "referral_history", "follow_up", "reintegration_grant",
      "disbursement", "grant_item", "handover", "handover_item", "handover_witness",
      "group_session", "attendance", "survey_round", "survey_response", "attachment", "audit_log",
    };
    for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
      {
        g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '%s'", tables[i]);
        g_assert_cmpint (count_rows (path, sql), ==, 1);
      }
  }
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM office"), ==, 18);

  /* Readable by the owner only, and in WAL mode */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  {
    g_autofree char *parent = g_path_get_dirname (path);
    g_assert_cmpint (g_stat (parent, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  }
  g_clear_object (&store);
  {
    sqlite3 *db;
    sqlite3_stmt *stmt;
    sqlite3_open (path, &db);
    sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }

  /* Opening again applies nothing twice */
  store = hmr_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (path, "SELECT count(*) FROM office"), ==, 18);
  g_clear_object (&store);

  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
    g_assert_cmpint (system (cmd), ==, 0);
  }
}

static void
test_migrations_newer_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrStore) store = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hamroh-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "future.sqlite3", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  g_autofree char *sql = g_strdup_printf ("CREATE TABLE future_thing (x); PRAGMA user_version = %d;",
                                          hmr_store_get_latest_schema_version () + 1);

  exec_sql (path, sql);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  store = hmr_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, "newer version of Hamroh"));
  g_assert_nonnull (strstr (error->message, path));

  /* Left untouched: same bytes, not switched to WAL */
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_open_not_a_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrStore) store = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hamroh-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.txt", NULL);

  g_assert_true (g_file_set_contents (path, "Dear diary, this is not SQLite at all. ................................................................................................", -1, NULL));
  store = hmr_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CORRUPT);
  g_unlink (path);
  g_rmdir (dir);
}

/* ---- actors and audit ------------------------------------------------- */

static gint64
audit_count (Fixture    *f,
             const char *action,
             const char *entity,
             const char *entity_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = hmr_store_list_audit (f->store, f->admin, entity, entity_id, &error);
  gint64 n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      HmrAuditEntry *e = g_ptr_array_index (rows, i);
      if (g_strcmp0 (e->action, action) == 0)
        n++;
    }
  return n;
}

static void
test_write_without_actor_refused (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = make_beneficiary ("Раҳимов", "Фаррух", "Dusti");
  g_autoptr(HmrActor) ghost = hmr_actor_new ("11111111-2222-4333-8444-555555555555", "ghost",
                                             "Ghost", HMR_ROLE_SUPERVISOR, NULL);
  g_autoptr(HmrActor) promoted = hmr_actor_copy (f->caseworker);
  gint64 audit_before = count_rows (f->path, "SELECT count(*) FROM audit_log");

  g_assert_false (hmr_store_insert_beneficiary (f->store, NULL, b, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NO_ACTOR);
  g_clear_error (&error);

  /* An actor that is not a user of this database is no actor */
  g_assert_false (hmr_store_insert_beneficiary (f->store, ghost, b, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NO_ACTOR);
  g_clear_error (&error);

  /* Nor is a real user claiming a role they do not have */
  promoted->role = HMR_ROLE_SUPERVISOR;
  g_assert_false (hmr_store_insert_beneficiary (f->store, promoted, b, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NO_ACTOR);
  g_clear_error (&error);

  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM beneficiary"), ==, 0);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log"), ==, audit_before);
}

static void
test_every_write_audited (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = make_beneficiary ("Қодиров", "Ҷамшед", "Dusti");
  g_autoptr(GPtrArray) rows = NULL;
  const char *id;
  HmrAuditEntry *last;

  g_assert_cmpint (audit_count (f, "create", "user", f->caseworker->user_id), ==, 1);

  g_assert_true (hmr_store_insert_beneficiary (f->store, f->caseworker, b, &error));
  g_assert_no_error (error);
  id = hmr_beneficiary_get (b, HMR_BENEFICIARY_ID);
  g_assert_nonnull (id);
  g_assert_cmpint (audit_count (f, "create", "beneficiary", id), ==, 1);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM case_file"), ==, 1);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE entity = 'case' AND action = 'create'"), ==, 1);

  hmr_beneficiary_set (b, HMR_BENEFICIARY_VILLAGE, "Қаротоғ");
  hmr_beneficiary_set (b, HMR_BENEFICIARY_PHONE, "93 123 45 67");
  g_assert_true (hmr_store_update_beneficiary (f->store, f->caseworker, b, &error));
  g_assert_no_error (error);
  g_assert_cmpint (audit_count (f, "update", "beneficiary", id), ==, 1);

  rows = hmr_store_list_audit (f->store, f->supervisor, "beneficiary", id, &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (rows, rows->len - 1);
  g_assert_cmpstr (last->username, ==, "m.rahimova");
  g_assert_cmpstr (last->changes, ==,
                   "{\"phone\":{\"before\":null,\"after\":\"+992 93 123 4567\"},"
                   "\"village\":{\"before\":null,\"after\":\"Қаротоғ\"}}");

  /* Saving with nothing changed writes nothing */
  g_assert_true (hmr_store_update_beneficiary (f->store, f->caseworker, b, &error));
  g_assert_cmpint (audit_count (f, "update", "beneficiary", id), ==, 1);

  g_assert_true (hmr_store_archive_beneficiary (f->store, f->caseworker, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (audit_count (f, "archive", "beneficiary", id), ==, 1);
  /* archived, not removed */
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM beneficiary WHERE deleted_at IS NOT NULL"), ==, 1);

  /* Logins are audited too */
  {
    g_autoptr(HmrActor) who = hmr_store_authenticate (f->store, "m.rahimova", "Anor-Surkh-4821", &error);
    g_assert_no_error (error);
    g_assert_nonnull (who);
    g_assert_cmpint (audit_count (f, "login", "user", f->caseworker->user_id), ==, 1);
  }
}

static void
test_audit_chain_detects_tampering (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 checked = 0, broken = -1;
  const char *tamper[] = {
    "UPDATE audit_log SET changes = '{}' WHERE seq = 4",
    "UPDATE audit_log SET username = 'someone' WHERE seq = 4",
    "UPDATE audit_log SET at = '2020-01-01T00:00:00.000000Z' WHERE seq = 4",
    "DELETE FROM audit_log WHERE seq = 4",
    "UPDATE audit_log SET seq = -1 WHERE seq = 4; UPDATE audit_log SET seq = 4 WHERE seq = 5; "
    "UPDATE audit_log SET seq = 5 WHERE seq = -1",
  };

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(HmrBeneficiary) b = make_beneficiary ("Саидов", "Бахтиёр", "Dusti");
      g_assert_true (hmr_store_insert_beneficiary (f->store, f->caseworker, b, &error));
    }

  g_assert_true (hmr_store_verify_audit (f->store, f->admin, &checked, &broken, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, 0);
  g_assert_cmpint (checked, ==, count_rows (f->path, "SELECT count(*) FROM audit_log"));

  /* Only an administrator verifies */
  g_assert_false (hmr_store_verify_audit (f->store, f->caseworker, &checked, &broken, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (tamper); i++)
    {
      g_autofree char *backup = g_strconcat (f->path, ".bak", NULL);
      g_autofree char *copy_sql = g_strdup_printf ("VACUUM INTO '%s'", backup);

      exec_sql (f->path, copy_sql);
      exec_sql (f->path, tamper[i]);
      broken = 0;
      g_assert_true (hmr_store_verify_audit (f->store, f->admin, &checked, &broken, &error));
      g_assert_no_error (error);
      /* the first broken row is named */
      if (i == 3)
        g_assert_cmpint (broken, ==, 5);   /* the row after the hole */
      else
        g_assert_cmpint (broken, ==, 4);

      /* restore for the next kind of tampering */
      g_clear_object (&f->store);
      {
        g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
        g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);
        g_unlink (wal);
        g_unlink (shm);
      }
      g_assert_cmpint (g_rename (backup, f->path), ==, 0);
      f->store = hmr_store_open (f->path, &error);
      g_assert_no_error (error);
    }
}

/* ---- permissions ------------------------------------------------------ */

static void
test_caseworker_other_office_refused (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = make_beneficiary ("Шарипов", "Умед", "Panj");
  g_autoptr(HmrBeneficiary) seen = NULL;
  g_autoptr(GArray) ids = NULL;

  g_assert_true (hmr_store_insert_beneficiary (f->store, f->caseworker_panj, b, &error));
  g_assert_no_error (error);

  /* Dusti's caseworker cannot read, change or archive Panj's case file */
  seen = hmr_store_get_beneficiary (f->store, f->caseworker, hmr_beneficiary_get (b, HMR_BENEFICIARY_ID), &error);
  g_assert_null (seen);
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);

  hmr_beneficiary_set (b, HMR_BENEFICIARY_VILLAGE, "Ғарм");
  g_assert_false (hmr_store_update_beneficiary (f->store, f->caseworker, b, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (hmr_store_archive_beneficiary (f->store, f->caseworker, hmr_beneficiary_get (b, HMR_BENEFICIARY_ID), &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM beneficiary WHERE village IS NULL AND deleted_at IS NULL"), ==, 1);

  ids = hmr_store_query_beneficiary_ids (f->store, f->caseworker, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);

  /* the supervisor sees every office */
  ids = hmr_store_query_beneficiary_ids (f->store, f->supervisor, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);

  /* the administrator sees no case files at all */
  ids = hmr_store_query_beneficiary_ids (f->store, f->admin, NULL, NULL, &error);
  g_assert_null (ids);
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
}

static void
test_finance_reads_identity_only (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = make_beneficiary ("Назарова", "Гулнора", "Khorugh");
  g_autoptr(HmrBeneficiary) seen = NULL;

  hmr_beneficiary_set (b, HMR_BENEFICIARY_SEX, "female");
  hmr_beneficiary_set (b, HMR_BENEFICIARY_HEALTH_PROBLEMS, "Tuberculosis, under treatment");
  hmr_beneficiary_set (b, HMR_BENEFICIARY_DISTRESS_SCREENING, "great");
  g_assert_true (hmr_store_insert_beneficiary (f->store, f->supervisor, b, &error));
  g_assert_no_error (error);

  seen = hmr_store_get_beneficiary (f->store, f->finance, hmr_beneficiary_get (b, HMR_BENEFICIARY_ID), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hmr_beneficiary_get (seen, HMR_BENEFICIARY_FAMILY_NAME), ==, "Назарова");
  g_assert_cmpstr (hmr_beneficiary_get (seen, HMR_BENEFICIARY_CASE_NUMBER), ==, hmr_beneficiary_get (b, HMR_BENEFICIARY_CASE_NUMBER));
  g_assert_null (hmr_beneficiary_get (seen, HMR_BENEFICIARY_HEALTH_PROBLEMS));
  g_assert_null (hmr_beneficiary_get (seen, HMR_BENEFICIARY_DISTRESS_SCREENING));
  g_assert_null (hmr_beneficiary_get (seen, HMR_BENEFICIARY_PHONE));

  hmr_beneficiary_set (seen, HMR_BENEFICIARY_VILLAGE, "Поршинев");
  g_assert_false (hmr_store_update_beneficiary (f->store, f->finance, seen, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
}

static void
test_update_conflict (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = make_beneficiary ("Ҳакимов", "Сӯҳроб", "Dusti");
  g_autoptr(HmrBeneficiary) mine = NULL;
  g_autoptr(HmrBeneficiary) theirs = NULL;

  g_assert_true (hmr_store_insert_beneficiary (f->store, f->caseworker, b, &error));
  mine = hmr_store_get_beneficiary (f->store, f->caseworker, hmr_beneficiary_get (b, HMR_BENEFICIARY_ID), &error);
  theirs = hmr_store_get_beneficiary (f->store, f->supervisor, hmr_beneficiary_get (b, HMR_BENEFICIARY_ID), &error);
  g_assert_no_error (error);

  hmr_beneficiary_set (theirs, HMR_BENEFICIARY_VILLAGE, "Шаҳритус");
  g_assert_true (hmr_store_update_beneficiary (f->store, f->supervisor, theirs, &error));
  g_assert_no_error (error);

  hmr_beneficiary_set (mine, HMR_BENEFICIARY_VILLAGE, "Дӯстӣ");
  g_assert_false (hmr_store_update_beneficiary (f->store, f->caseworker, mine, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM beneficiary WHERE village = 'Шаҳритус'"), ==, 1);
}

static void
test_case_numbers (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 1; i <= 3; i++)
    {
      g_autoptr(HmrBeneficiary) b = make_beneficiary ("Мирзоев", "Алишер", "Dusti");
      g_autofree char *expected = g_strdup_printf ("DST-2026-%05u", i);

      g_assert_true (hmr_store_insert_beneficiary (f->store, f->caseworker, b, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (hmr_beneficiary_get (b, HMR_BENEFICIARY_CASE_NUMBER), ==, expected);
    }
  {
    g_autoptr(HmrBeneficiary) b = make_beneficiary ("Мирзоев", "Алишер", "Shughnon");
    g_assert_true (hmr_store_insert_beneficiary (f->store, f->supervisor, b, &error));
    g_assert_cmpstr (hmr_beneficiary_get (b, HMR_BENEFICIARY_CASE_NUMBER), ==, "SHG-2026-00001");
  }
}

static void
test_invalid_record_saves_nothing (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = make_beneficiary ("Раҳимов", "Фаррух", "Dusti");
  gint64 audit_before = count_rows (f->path, "SELECT count(*) FROM audit_log");

  hmr_beneficiary_set (b, HMR_BENEFICIARY_BIRTH_DATE, "31.02.1990");
  g_assert_false (hmr_store_insert_beneficiary (f->store, f->caseworker, b, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Date of birth"));
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM beneficiary"), ==, 0);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM case_sequence"), ==, 0);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log"), ==, audit_before);
  /* the caller's record keeps what was typed */
  g_assert_cmpstr (hmr_beneficiary_get (b, HMR_BENEFICIARY_BIRTH_DATE), ==, "31.02.1990");
  g_assert_null (hmr_beneficiary_get (b, HMR_BENEFICIARY_ID));
}

/* ---- login ------------------------------------------------------------ */

static void
test_lockout (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) who = NULL;

  for (guint i = 0; i < 6; i++)
    {
      who = hmr_store_authenticate (f->store, "m.rahimova", "wrong-password-123", &error);
      g_assert_null (who);
      g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_AUTH);
      g_clear_error (&error);
    }
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE action = 'lockout'"), ==, 1);

  /* A restart does not reset the lock */
  g_clear_object (&f->store);
  f->store = hmr_store_open (f->path, &error);
  g_assert_no_error (error);
  hmr_store_set_clock (f->store, fixture_clock, f);

  /* The right password during the lockout is refused */
  who = hmr_store_authenticate (f->store, "m.rahimova", "Anor-Surkh-4821", &error);
  g_assert_null (who);
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_LOCKED);
  g_clear_error (&error);

  /* 29 minutes later: still locked; 31 minutes later: open */
  {
    GDateTime *later = g_date_time_add_minutes (f->now, 29);
    g_date_time_unref (f->now);
    f->now = later;
  }
  who = hmr_store_authenticate (f->store, "m.rahimova", "Anor-Surkh-4821", &error);
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  {
    GDateTime *later = g_date_time_add_minutes (f->now, 2);
    g_date_time_unref (f->now);
    f->now = later;
  }
  who = hmr_store_authenticate (f->store, "m.rahimova", "Anor-Surkh-4821", &error);
  g_assert_no_error (error);
  g_assert_nonnull (who);
  g_assert_cmpint (who->role, ==, HMR_ROLE_CASEWORKER);
  g_assert_cmpstr (who->office_id, ==, DUSTI_OFFICE);
}

static void
test_unknown_user (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) who = hmr_store_authenticate (f->store, "nobody", "Anor-Surkh-4821", &error);

  g_assert_null (who);
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_AUTH);
}

static void
test_password_rules (void)
{
  struct { const char *user, *password; gboolean ok; } cases[] = {
    { "malika", "short", FALSE },
    { "malika", "malika-2026-abc", FALSE },
    { "malika", "MALIKA-2026-abc", FALSE },
    { "malika", "123456789012", FALSE },
    { "malika", "aaaaaaaaaaaaaaaa", FALSE },
    { "malika", "Anor-Surkh-4821", TRUE },
    { "malika", "ҳамроҳ-дӯст-2026", TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = hmr_password_is_acceptable (cases[i].user, cases[i].password, &error);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (!ok)
        g_assert_nonnull (strstr (error->message, "Password"));
    }
}

static void
test_first_admin_only_once (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) second = hmr_store_create_first_admin (f->store, "intruder", "X", "Kuhi-Pomir-99881", &error);

  g_assert_null (second);
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM app_user WHERE role = 'admin'"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/store/migrations/from-empty", test_migrations_from_empty);
  g_test_add_func ("/store/migrations/newer-schema-refused-untouched", test_migrations_newer_refused);
  g_test_add_func ("/store/open/not-a-database", test_open_not_a_database);
  g_test_add_func ("/store/users/password-rules", test_password_rules);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/store/audit/write-without-actor-refused", test_write_without_actor_refused);
  ADD ("/store/audit/every-write-audited", test_every_write_audited);
  ADD ("/store/audit/chain-detects-tampering", test_audit_chain_detects_tampering);
  ADD ("/store/beneficiary/other-office-refused", test_caseworker_other_office_refused);
  ADD ("/store/beneficiary/finance-reads-identity-only", test_finance_reads_identity_only);
  ADD ("/store/beneficiary/update-conflict", test_update_conflict);
  ADD ("/store/beneficiary/case-numbers", test_case_numbers);
  ADD ("/store/beneficiary/invalid-saves-nothing", test_invalid_record_saves_nothing);
  ADD ("/store/login/lockout-survives-restart-and-ends", test_lockout);
  ADD ("/store/login/unknown-user", test_unknown_user);
  ADD ("/store/users/first-admin-only-once", test_first_admin_only_once);
#undef ADD
  return g_test_run ();
}
