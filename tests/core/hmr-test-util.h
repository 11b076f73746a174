/* hmr-test-util.h — shared by the core tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "hmr-store.h"

extern void hmr_store_use_fast_password_hashing_for_tests (void);

#define DUSTI_OFFICE "00000000-0000-4000-8000-000000000001"
#define PANJ_OFFICE  "00000000-0000-4000-8000-000000000005"

typedef struct
{
  char      *dir;
  char      *path;
  HmrStore  *store;
  HmrActor  *admin;
  HmrActor  *caseworker;      /* Dusti */
  HmrActor  *caseworker_panj;
  HmrActor  *supervisor;
  HmrActor  *finance;
  GDateTime *now;             /* the injected clock */
} Fixture;

static GDateTime *
fixture_clock (gpointer data)
{
  Fixture *f = data;
  return g_date_time_ref (f->now);
}

static inline void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  hmr_store_use_fast_password_hashing_for_tests ();
  f->dir = g_dir_make_tmp ("hamroh-test-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "test.sqlite3", NULL);
  f->store = hmr_store_open (f->path, &error);
  g_assert_no_error (error);
  f->now = g_date_time_new_utc (2026, 11, 23, 9, 30, 0);
  hmr_store_set_clock (f->store, fixture_clock, f);

  f->admin = hmr_store_create_first_admin (f->store, "admin", "Admin Adminov", "Kishti-Sabz-2026", &error);
  g_assert_no_error (error);
  f->caseworker = hmr_store_create_user (f->store, f->admin, "m.rahimova", "Malika Rahimova",
                                         HMR_ROLE_CASEWORKER, DUSTI_OFFICE, "Anor-Surkh-4821", &error);
  g_assert_no_error (error);
  f->caseworker_panj = hmr_store_create_user (f->store, f->admin, "d.safarov", "Dilshod Safarov",
                                              HMR_ROLE_CASEWORKER, PANJ_OFFICE, "Darya-Panj-7730", &error);
  g_assert_no_error (error);
  f->supervisor = hmr_store_create_user (f->store, f->admin, "n.karimova", "Nigina Karimova",
                                         HMR_ROLE_SUPERVISOR, NULL, "Kuhi-Baland-1954", &error);
  g_assert_no_error (error);
  f->finance = hmr_store_create_user (f->store, f->admin, "f.saidov", "Firuz Saidov",
                                      HMR_ROLE_FINANCE, NULL, "Puli-Naqd-30112", &error);
  g_assert_no_error (error);
}

static inline void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);
  g_autofree char *anchor = g_strconcat (f->path, ".anchor", NULL);

  g_clear_object (&f->store);
  g_clear_pointer (&f->admin, hmr_actor_free);
  g_clear_pointer (&f->caseworker, hmr_actor_free);
  g_clear_pointer (&f->caseworker_panj, hmr_actor_free);
  g_clear_pointer (&f->supervisor, hmr_actor_free);
  g_clear_pointer (&f->finance, hmr_actor_free);
  g_clear_pointer (&f->now, g_date_time_unref);
  g_unlink (f->path);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (anchor);
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static inline HmrBeneficiary *
make_beneficiary (const char *family,
                  const char *given,
                  const char *district)
{
  HmrBeneficiary *b = hmr_beneficiary_new ();

  hmr_beneficiary_set (b, HMR_BENEFICIARY_FAMILY_NAME, family);
  hmr_beneficiary_set (b, HMR_BENEFICIARY_GIVEN_NAME, given);
  hmr_beneficiary_set (b, HMR_BENEFICIARY_SEX, "male");
  hmr_beneficiary_set (b, HMR_BENEFICIARY_BIRTH_DATE, "21.03.1990");
  hmr_beneficiary_set (b, HMR_BENEFICIARY_DISTRICT, district);
  hmr_beneficiary_set (b, HMR_BENEFICIARY_CATEGORY, "returned_migrant");
  return b;
}

/* What Hamroh registers on its connections to pass the guard triggers
 * (0010-guards.sql): the tests' own raw writes stand for Hamroh's, or for
 * someone who has dropped the guards */
static void
test_write_allowed (sqlite3_context  *ctx,
                    int               argc,
                    sqlite3_value   **argv)
{
  sqlite3_result_int (ctx, 1);
}

static inline void
allow_writes (sqlite3 *db)
{
  sqlite3_create_function (db, "hmr_write_allowed", 0, SQLITE_UTF8, NULL, test_write_allowed, NULL, NULL);
}

/* A direct look at the file, as the sqlite3 shell would have it */
static inline gint64
count_rows (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static inline void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *err = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
  allow_writes (db);
  if (sqlite3_exec (db, sql, NULL, NULL, &err) != SQLITE_OK)
    g_error ("%s: %s", sql, err);
  sqlite3_close (db);
}
