/* test-demo.c — the demo data: deterministic, realistic, complete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "hmr-demo.h"
#include "hmr-store.h"

extern void hmr_store_use_fast_password_hashing_for_tests (void);

#define SEED 20260527

typedef struct
{
  char      *dir;
  char      *path;
  HmrStore  *store;
  GPtrArray *users;
} Demo;

static GDateTime *
fixed_clock (gpointer data)
{
  return g_date_time_new_utc (2026, 11, 23, 9, 30, 0);
}

static void
demo_open (Demo    *t,
           guint    n,
           guint64  seed)
{
  g_autoptr(GError) error = NULL;

  hmr_store_use_fast_password_hashing_for_tests ();
  t->dir = g_dir_make_tmp ("hamroh-demo-XXXXXX", &error);
  g_assert_no_error (error);
  t->path = g_build_filename (t->dir, "demo.sqlite3", NULL);
  t->store = hmr_store_open (t->path, &error);
  g_assert_no_error (error);
  hmr_store_set_clock (t->store, fixed_clock, NULL);
  g_assert_true (hmr_demo_fill (t->store, n, seed, &t->users, &error));
  g_assert_no_error (error);
  g_assert_nonnull (t->users);
}

static void
demo_close (Demo *t)
{
  g_autofree char *wal = g_strconcat (t->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (t->path, "-shm", NULL);

  g_clear_object (&t->store);
  g_clear_pointer (&t->users, g_ptr_array_unref);
  g_unlink (t->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (t->dir);
  g_clear_pointer (&t->path, g_free);
  g_clear_pointer (&t->dir, g_free);
}

static const HmrDemoUser *
find_user (Demo    *t,
           HmrRole  role)
{
  for (guint i = 0; i < t->users->len; i++)
    {
      const HmrDemoUser *u = g_ptr_array_index (t->users, i);
      if (u->role == role)
        return u;
    }
  return NULL;
}

static HmrActor *
login (Demo    *t,
       HmrRole  role)
{
  g_autoptr(GError) error = NULL;
  const HmrDemoUser *u = find_user (t, role);
  HmrActor *actor;

  g_assert_nonnull (u);
  actor = hmr_store_authenticate (t->store, u->username, u->password, &error);
  g_assert_no_error (error);
  return actor;
}

/* ---- a direct look at the file ------------------------------------------ */

static sqlite3 *
open_db (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  return db;
}

static double
query_number (sqlite3    *db,
              const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  double value = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = sqlite3_column_double (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* The distinct values of a column, sorted and comma-separated */
static char *
distinct (sqlite3    *db,
          const char *table,
          const char *column)
{
  g_autofree char *sql = g_strdup_printf ("SELECT group_concat (v, ',') FROM "
                                          "(SELECT DISTINCT %s AS v FROM %s ORDER BY 1)",
                                          column, table);
  return query_text (db, sql);
}

static const char * const entity_tables[] = {
  "service_provider", "beneficiary", "case_file", "case_history", "migration_episode",
  "reentry_ban", "trafficking_profile", "assessment", "assessment_need", "reintegration_plan",
  "plan_action", "plan_history", "referral", "referral_history", "follow_up",
  "follow_up_history", "reintegration_grant", "grant_beneficiary", "grant_history",
  "grant_item", "disbursement", "handover", "handover_item", "handover_witness",
  "handover_history", "group_session", "attendance", "survey_round", "survey_response",
  "attachment", "case_closure_request", "case_sequence",
};

/* Every demo table as text, user ids replaced by user names (the store
 * makes those ids itself, at random) */
static char *
dump (const char *path)
{
  sqlite3 *db = open_db (path);
  g_autoptr(GHashTable) users = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, username, full_name, role, office_id "
                                           "FROM app_user ORDER BY username", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_hash_table_insert (users, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                           g_strdup_printf ("user:%s", sqlite3_column_text (stmt, 1)));
      g_string_append_printf (out, "user\t%s\t%s\t%s\t%s\n", sqlite3_column_text (stmt, 1),
                              sqlite3_column_text (stmt, 2), sqlite3_column_text (stmt, 3),
                              sqlite3_column_text (stmt, 4));
    }
  sqlite3_finalize (stmt);

  for (guint t = 0; t < G_N_ELEMENTS (entity_tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY rowid", entity_tables[t]);
      guint rows = 0;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_string_append (out, entity_tables[t]);
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *v = (const char *) sqlite3_column_text (stmt, c);
              const char *user = v ? g_hash_table_lookup (users, v) : NULL;

              g_string_append_c (out, '\t');
              if (sqlite3_column_type (stmt, c) == SQLITE_BLOB)
                {
                  g_autofree char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                                      sqlite3_column_blob (stmt, c),
                                                                      sqlite3_column_bytes (stmt, c));
                  g_string_append_printf (out, "blob:%s", sum);
                }
              else
                g_string_append (out, user ? user : v ? v : "NULL");
            }
          g_string_append_c (out, '\n');
          rows++;
        }
      sqlite3_finalize (stmt);
      g_assert_cmpuint (rows, >, 0);      /* every entity has data */
    }
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

/* Compares two dumps and names the first row that differs */
static void
assert_same_rows (const char *a,
                  const char *b)
{
  g_auto(GStrv) rows_a = g_strsplit (a, "\n", -1);
  g_auto(GStrv) rows_b = g_strsplit (b, "\n", -1);

  for (guint i = 0; rows_a[i] != NULL || rows_b[i] != NULL; i++)
    {
      g_assert_nonnull (rows_a[i]);
      g_assert_nonnull (rows_b[i]);
      if (strcmp (rows_a[i], rows_b[i]) != 0)
        {
          g_test_message ("row %u differs", i);
          g_assert_cmpstr (rows_a[i], ==, rows_b[i]);
        }
    }
}

/* ---- tests ----------------------------------------------------------------- */

static void
test_deterministic (void)
{
  Demo a = { 0 }, b = { 0 }, c = { 0 };
  g_autofree char *dump_a = NULL;
  g_autofree char *dump_b = NULL;
  g_autofree char *dump_c = NULL;

  demo_open (&a, 300, SEED);
  demo_open (&b, 300, SEED);
  demo_open (&c, 300, SEED + 1);
  dump_a = dump (a.path);
  dump_b = dump (b.path);
  dump_c = dump (c.path);

  /* the same seed: the same database, row for row */
  g_assert_cmpuint (strlen (dump_a), >, 100000);
  assert_same_rows (dump_a, dump_b);
  for (guint i = 0; i < a.users->len; i++)
    {
      const HmrDemoUser *ua = g_ptr_array_index (a.users, i);
      const HmrDemoUser *ub = g_ptr_array_index (b.users, i);
      g_assert_cmpstr (ua->username, ==, ub->username);
      g_assert_cmpstr (ua->password, ==, ub->password);
    }

  /* another seed: other people */
  g_assert_cmpstr (dump_a, !=, dump_c);

  demo_close (&a);
  demo_close (&b);
  demo_close (&c);
}

static void
test_distributions (void)
{
  Demo t = { 0 };
  sqlite3 *db;
  double women, disabled, unregistered, court, mean_ban, health, distress, trafficking;
  double under_12, one_to_3, three_plus, seasonal;
  g_autofree char *districts = NULL;
  g_autofree char *round = NULL;

  demo_open (&t, 4000, SEED);
  db = open_db (t.path);

  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM beneficiary"), ==, 4000);

  /* the leaflet: 4.7% women, 1.4% with a disability, half of them not
   * registered */
  women = query_number (db, "SELECT 100.0 * avg (sex = 'female') FROM beneficiary");
  g_assert_cmpfloat_with_epsilon (women, 4.7, 1.5);
  disabled = query_number (db, "SELECT 100.0 * avg (disability) FROM beneficiary");
  g_assert_cmpfloat_with_epsilon (disabled, 1.4, 0.4);
  unregistered = query_number (db, "SELECT 100.0 * avg (disability_registered = 0) FROM beneficiary "
                                   "WHERE disability = 1");
  g_assert_cmpfloat_with_epsilon (unregistered, 50, 10);
  health = query_number (db, "SELECT 100.0 * avg (health_problems IS NOT NULL) FROM beneficiary "
                             "WHERE duplicate_of IS NULL");
  g_assert_cmpfloat_with_epsilon (health, 26, 3);
  distress = query_number (db, "SELECT 100.0 * avg (distress_screening = 'great') FROM beneficiary "
                               "WHERE duplicate_of IS NULL");
  g_assert_cmpfloat_with_epsilon (distress, 35, 3);
  trafficking = query_number (db, "SELECT 100.0 * avg (category = 'trafficking_victim') FROM beneficiary");
  g_assert_cmpfloat_with_epsilon (trafficking, 3, 1.5);
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM beneficiary WHERE category = 'both'"), >, 0);
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM beneficiary WHERE category = 'family_member'"), >, 0);

  /* re-entry bans: a quarter by a court, 4.5 years on average, most
   * returned migrants banned */
  court = query_number (db, "SELECT 100.0 * avg (imposed_by = 'court') FROM reentry_ban WHERE has_ban = 'yes'");
  g_assert_cmpfloat_with_epsilon (court, 25, 5);
  mean_ban = query_number (db, "SELECT avg (duration_months) / 12.0 FROM reentry_ban WHERE has_ban = 'yes'");
  g_assert_cmpfloat_with_epsilon (mean_ban, 4.5, 0.5);
  g_assert_cmpfloat (query_number (db, "SELECT 100.0 * avg (b.has_ban = 'yes') FROM beneficiary p "
                                       "JOIN reentry_ban b ON b.beneficiary_id = p.id "
                                       "WHERE p.category = 'returned_migrant'"), >, 80);
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM reentry_ban WHERE imposed_by = 'court' "
                                       "AND (court_decision_number IS NULL OR court_decision_date IS NULL)"), ==, 0);
  /* end = start + duration (in whole months; the 31st ends on the last day of a short month) */
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM reentry_ban WHERE has_ban = 'yes' AND "
                                       "(12 * strftime ('%Y', end_date) + strftime ('%m', end_date)) - "
                                       "(12 * strftime ('%Y', start_date) + strftime ('%m', start_date)) "
                                       "<> duration_months"), ==, 0);
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM reentry_ban WHERE has_ban = 'yes'"), >, 3000);

  /* time abroad before the last return: 18 / 29 / 47 / 2 % */
#define LAST_EPISODE "FROM migration_episode e WHERE e.return_date = (SELECT max (x.return_date) " \
                     "FROM migration_episode x WHERE x.beneficiary_id = e.beneficiary_id)"
  under_12 = query_number (db, "SELECT 100.0 * avg (duration_group = 'under_12_months') " LAST_EPISODE);
  one_to_3 = query_number (db, "SELECT 100.0 * avg (duration_group = '1_to_3_years') " LAST_EPISODE);
  three_plus = query_number (db, "SELECT 100.0 * avg (duration_group = '3_years_or_more') " LAST_EPISODE);
  seasonal = query_number (db, "SELECT 100.0 * avg (duration_group = 'seasonal') " LAST_EPISODE);
  g_assert_cmpfloat_with_epsilon (under_12, 18, 3);
  g_assert_cmpfloat_with_epsilon (one_to_3, 29, 3);
  g_assert_cmpfloat_with_epsilon (three_plus, 47, 3);
  g_assert_cmpfloat_with_epsilon (seasonal, 2, 3);
  g_assert_cmpfloat (seasonal, >, 0);
  g_assert_cmpfloat (query_number (db, "SELECT 100.0 * avg (country = 'Russia') FROM migration_episode"), >, 75);

  /* places: the offices' own district names, and the matching office */
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM beneficiary b JOIN office o ON o.id = b.office_id "
                                       "WHERE o.district <> b.district"), ==, 0);
  g_assert_cmpfloat (query_number (db, "SELECT count (DISTINCT district) FROM beneficiary"), ==, 18);
  g_assert_cmpfloat (query_number (db, "SELECT 100.0 * avg (district IN ('Penjikent', 'Dushanbe')) "
                                       "FROM beneficiary"), <, 3);
  districts = distinct (db, "beneficiary", "district");
  g_assert_nonnull (strstr (districts, "Nosiri Khusrav"));
  g_assert_nonnull (strstr (districts, "Shamsiddin Shohin"));
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM beneficiary WHERE jamoat IS NULL OR village IS NULL"), ==, 0);

  /* names: Tajik letters in Cyrillic, plain ASCII in the passport spelling */
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM beneficiary WHERE family_name LIKE '%ҳ%' "
                                       "OR family_name LIKE '%Ҳ%'"), >, 0);
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM beneficiary WHERE family_name LIKE '%ӯ%' "
                                       "OR given_name LIKE '%ӯ%'"), >, 0);
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM beneficiary WHERE family_name_latin = 'Juraev'"), >, 0);
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM beneficiary WHERE family_name = 'Раҳимова' "
                                       "AND family_name_latin = 'Rakhimova'"), >, 0);
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM beneficiary WHERE sex = 'female' "
                                       "AND family_name LIKE '%ов' "), ==, 0);
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM beneficiary WHERE "
                                       "family_name_latin GLOB '*[^A-Za-z -]*' OR given_name_latin GLOB '*[^A-Za-z -]*'"),
                     ==, 0);

  /* phones +992 9X XXX XXXX on the real mobile codes; births mostly
   * 1975–2002, some only an estimated year; households of 2 to 12 */
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM beneficiary WHERE phone IS NOT NULL AND "
                                       "(phone NOT GLOB '+992 [0-9][0-9] [0-9][0-9][0-9] [0-9][0-9][0-9][0-9]' "
                                       "OR substr (phone, 6, 2) NOT IN ('90','91','92','93','98','50','55','88','77','11'))"),
                     ==, 0);
  g_assert_cmpfloat (query_number (db, "SELECT 100.0 * avg (CAST (coalesce (substr (birth_date, 1, 4), birth_year_estimated) "
                                       "AS INTEGER) BETWEEN 1975 AND 2002) FROM beneficiary"), >, 80);
  g_assert_cmpfloat_with_epsilon (query_number (db, "SELECT 100.0 * avg (birth_date IS NULL) FROM beneficiary"), 7, 3);
  g_assert_cmpfloat (query_number (db, "SELECT min (household_size) FROM beneficiary"), ==, 2);
  g_assert_cmpfloat (query_number (db, "SELECT max (household_size) FROM beneficiary"), ==, 12);

  /* three years of registrations before the clock's today */
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM beneficiary WHERE created_at < '2023-11-23' "
                                       "OR created_at >= '2026-11-23'"), ==, 0);
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM beneficiary WHERE created_at < '2024-06-01'"), >, 500);

  /* sessions of up to 15, about one for every ten people */
  g_assert_cmpfloat (query_number (db, "SELECT max (n) FROM (SELECT count(*) AS n FROM attendance GROUP BY session_id)"),
                     <=, 15);
  g_assert_cmpfloat_with_epsilon (query_number (db, "SELECT count(*) FROM group_session"), 4000 / 10.0, 150);
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM attendance WHERE beneficiary_id IS NULL"), >, 0);
  g_assert_cmpfloat_with_epsilon (query_number (db, "SELECT count(*) FROM reintegration_grant"), 4000 / 20.0, 20);

  /* referrals: some overdue */
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM referral WHERE status IN ('sent', 'accepted') "
                                       "AND due_on < '2026-11-23'"), >, 0);

  /* the phone survey: 365 of 4,000, and the leaflet's answers */
  round = query_text (db, "SELECT name || '/' || population || '/' || sample_size FROM survey_round");
  g_assert_cmpstr (round, ==, "Пурсиши телефонӣ 2026/4000/365");
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM survey_response"), ==, 365);
  g_assert_cmpfloat (query_number (db, "SELECT sum (knows_job_agencies) FROM survey_response"), ==, 241);
  g_assert_cmpfloat (query_number (db, "SELECT sum (has_health_contacts) FROM survey_response"), ==, 219);
  g_assert_cmpfloat (query_number (db, "SELECT sum (knows_legal_options) FROM survey_response"), ==, 215);
  g_assert_cmpfloat (query_number (db, "SELECT sum (relationships_better) FROM survey_response"), ==, 252);
  g_assert_cmpfloat (query_number (db, "SELECT sum (more_confident) FROM survey_response"), ==, 288);
  g_assert_cmpfloat (query_number (db, "SELECT sum (has_concrete_plans) FROM survey_response"), ==, 259);
  g_assert_cmpfloat (query_number (db, "SELECT sum (challenged_ban) FROM survey_response"), ==, 207);
  g_assert_cmpfloat (query_number (db, "SELECT sum (sought_loan_or_training) FROM survey_response"), ==, 146);
  g_assert_cmpfloat (query_number (db, "SELECT sum (visited_medical_centre) FROM survey_response"), ==, 58);
  g_assert_cmpfloat (query_number (db, "SELECT count (other_action) FROM survey_response"), ==, 85);
  g_assert_cmpfloat_with_epsilon (query_number (db, "SELECT 100.0 * avg (challenged_ban OR sought_loan_or_training "
                                                    "OR reached_job_contacts OR visited_migration_service "
                                                    "OR visited_medical_centre OR other_action IS NOT NULL) "
                                                    "FROM survey_response"), 91, 4);

  /* WHO-5: five digits 0–5, the score their sum times four; 78% of the
   * greatly distressed want to talk to a professional */
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM follow_up WHERE who5_items IS NOT NULL AND "
                                       "(who5_items NOT GLOB '[0-5][0-5][0-5][0-5][0-5]' OR who5_score <> 4 * "
                                       "(substr (who5_items, 1, 1) + substr (who5_items, 2, 1) + substr (who5_items, 3, 1) "
                                       "+ substr (who5_items, 4, 1) + substr (who5_items, 5, 1)))"), ==, 0);
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM follow_up WHERE who5_score IS NOT NULL"), >, 500);
  g_assert_cmpfloat_with_epsilon (query_number (db, "SELECT 100.0 * avg (f.wants_professional) FROM follow_up f "
                                                    "JOIN beneficiary b ON b.id = f.beneficiary_id "
                                                    "WHERE b.distress_screening = 'great' AND f.wants_professional IS NOT NULL"),
                                  78, 5);

  sqlite3_close (db);
  demo_close (&t);
}

static void
assert_states (sqlite3    *db,
               const char *table,
               const char *column,
               const char *expected)
{
  g_autofree char *states = distinct (db, table, column);
  g_assert_cmpstr (states, ==, expected);
}

static void
test_every_state (void)
{
  Demo t = { 0 };
  sqlite3 *db;

  demo_open (&t, 50, SEED);
  db = open_db (t.path);

  assert_states (db, "case_file", "stage", "assessment,case_plan,closed,new,reopened,services");
  assert_states (db, "referral", "status", "accepted,completed,draft,no_response,rejected,revoked,sent");
  assert_states (db, "reintegration_grant", "status",
                 "approved,cancelled,disbursed,disbursing,draft,rejected,submitted,verified");
  assert_states (db, "follow_up", "status", "cancelled,done,missed,planned");
  assert_states (db, "handover", "status", "draft,signed");

  /* money: never more paid than approved; all of it once disbursed */
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM reintegration_grant g WHERE "
                                       "(SELECT coalesce (sum (amount), 0) FROM disbursement WHERE grant_id = g.id) "
                                       "> coalesce (g.amount_approved, 0)"), ==, 0);
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM reintegration_grant g WHERE status IN "
                                       "('disbursed', 'verified') AND (SELECT sum (amount) FROM disbursement "
                                       "WHERE grant_id = g.id) IS NOT g.amount_approved"), ==, 0);
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM reintegration_grant WHERE amount_approved > amount_requested"),
                     ==, 0);
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM reintegration_grant WHERE amount_requested <> "
                                       "(SELECT sum (CAST (round (quantity * unit_cost) AS INTEGER)) FROM grant_item "
                                       "WHERE grant_id = reintegration_grant.id)"), ==, 0);

  /* the newsletter's grant: 5,874 TJS of materials for a shop shared by
   * three, and the welding machine handed over before the jamoat chairman */
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM reintegration_grant g WHERE amount_approved = 587400 "
                                       "AND status = 'verified' AND (SELECT count(*) FROM grant_beneficiary "
                                       "WHERE grant_id = g.id) = 3"), ==, 1);
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM handover h JOIN handover_item i ON i.handover_id = h.id "
                                       "JOIN handover_witness w ON w.handover_id = h.id WHERE i.name = 'Дастгоҳи кафшер' "
                                       "AND w.role = 'Раиси ҷамоати Khurmi' AND h.status = 'signed'"), ==, 1);

  /* every history follows its workflow and ends where the record is */
#define CHAIN_OK(table, key) \
  "SELECT count(*) FROM " table " h WHERE h.from_state IS NOT (SELECT p.to_state FROM " table " p " \
  "WHERE p." key " = h." key " AND p.at < h.at ORDER BY p.at DESC LIMIT 1)"
  g_assert_cmpfloat (query_number (db, CHAIN_OK ("referral_history", "referral_id")), ==, 0);
  g_assert_cmpfloat (query_number (db, CHAIN_OK ("grant_history", "grant_id")), ==, 0);
  g_assert_cmpfloat (query_number (db, CHAIN_OK ("follow_up_history", "follow_up_id")), ==, 0);
  g_assert_cmpfloat (query_number (db, CHAIN_OK ("plan_history", "plan_id")), ==, 0);
  g_assert_cmpfloat (query_number (db, CHAIN_OK ("handover_history", "handover_id")), ==, 0);
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM referral r WHERE status IS NOT "
                                       "(SELECT to_state FROM referral_history h WHERE h.referral_id = r.id "
                                       "ORDER BY at DESC LIMIT 1)"), ==, 0);
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM reintegration_grant g WHERE status IS NOT "
                                       "(SELECT to_state FROM grant_history h WHERE h.grant_id = g.id "
                                       "ORDER BY at DESC LIMIT 1)"), ==, 0);
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM case_file c WHERE stage <> 'new' AND "
                                       "(SELECT to_state FROM case_history h WHERE h.case_id = c.id "
                                       "ORDER BY at DESC LIMIT 1) NOT IN (c.stage, c.status)"), ==, 0);
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM referral_history WHERE from_state IS NOT NULL AND "
                                       "from_state || '>' || to_state NOT IN ('draft>sent', 'sent>accepted', "
                                       "'sent>rejected', 'sent>no_response', 'accepted>completed', 'sent>revoked', "
                                       "'accepted>revoked')"), ==, 0);
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM grant_history WHERE from_state IS NOT NULL AND "
                                       "from_state || '>' || to_state NOT IN ('draft>submitted', 'submitted>approved', "
                                       "'submitted>rejected', 'approved>disbursing', 'disbursing>disbursed', "
                                       "'disbursed>verified', 'draft>cancelled', 'submitted>cancelled', "
                                       "'approved>cancelled', 'disbursing>cancelled')"), ==, 0);
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM referral WHERE status <> 'draft' AND consent_given = 0"),
                     ==, 0);
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM handover WHERE status = 'signed' AND NOT EXISTS "
                                       "(SELECT 1 FROM attachment a WHERE a.entity = 'handover' AND a.entity_id = handover.id)"),
                     ==, 0);

  /* signed acts come with their scan (a PDF), some with a photo (a PNG) */
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM attachment WHERE size <> length (content) "
                                       "OR length (sha256) <> 64"), ==, 0);
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM attachment WHERE kind = 'handover_act' AND "
                                       "(mime_type <> 'application/pdf' OR substr (content, 1, 5) <> CAST ('%PDF-' AS BLOB))"),
                     ==, 0);
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM attachment WHERE kind = 'photo' AND mime_type = 'image/png' "
                                       "AND hex (substr (content, 1, 8)) = '89504E470D0A1A0A'"), >=, 1);

  /* the loader skips foreign key checks for speed: nothing may dangle */
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM reentry_ban b WHERE legal_referral_id IS NOT NULL AND "
                                       "NOT EXISTS (SELECT 1 FROM referral r WHERE r.id = b.legal_referral_id "
                                       "AND r.service_type = 'legal_aid')"), ==, 0);
  g_assert_cmpfloat (query_number (db, "SELECT count(*) FROM case_file WHERE owner_id IS NOT NULL AND owner_id NOT IN "
                                       "(SELECT id FROM app_user WHERE role = 'caseworker' AND office_id = case_file.office_id)"),
                     ==, 0);

  sqlite3_close (db);
  demo_close (&t);
}

/* "12345" out of {"count":{"before":"…","after":"12345"}}; NULL for null */
static char *
count_field (const char *json,
             const char *field)
{
  g_autofree char *key = g_strdup_printf ("\"%s\":", field);
  const char *at = strstr (json, key);
  const char *end;

  g_assert_nonnull (at);
  at += strlen (key);
  if (g_str_has_prefix (at, "null"))
    return NULL;
  g_assert_true (*at == '"');
  end = strchr (at + 1, '"');
  return g_strndup (at + 1, end - at - 1);
}

static void
test_audit_chain_intact (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) admin = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *last = NULL;
  Demo t = { 0 };
  gint64 checked = -1, broken = -1;

  demo_open (&t, 5000, SEED);
  admin = login (&t, HMR_ROLE_ADMIN);
  g_assert_true (hmr_store_verify_audit (t.store, admin, &checked, &broken, &error));
  g_assert_no_error (error);
  g_assert_cmpint (broken, ==, 0);
  g_assert_cmpint (checked, >, 40);

  /* the bulk load is audited batch by batch, with the admin as the actor,
   * each batch counting on from the one before */
  entries = hmr_store_list_audit (t.store, admin, "beneficiary", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, >=, 2);
  for (guint i = 0; i < entries->len; i++)
    {
      HmrAuditEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *before = count_field (e->changes, "before");

      g_assert_cmpstr (e->action, ==, "demo-load");
      g_assert_cmpstr (e->username, ==, admin->username);
      g_assert_cmpstr (before, ==, last);
      g_free (last);
      last = count_field (e->changes, "after");
    }
  g_assert_cmpstr (last, ==, "5000");
  demo_close (&t);
}

static void
test_users (void)
{
  Demo t = { 0 };
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  guint per_role[HMR_N_ROLES] = { 0 };
  sqlite3 *db;

  demo_open (&t, 20, SEED);
  g_assert_cmpuint (t.users->len, >=, 6);
  g_assert_cmpuint (t.users->len, <=, 10);
  for (guint i = 0; i < t.users->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HmrActor) actor = NULL;
      const HmrDemoUser *u = g_ptr_array_index (t.users, i);

      g_assert_true (hmr_password_is_acceptable (u->username, u->password, &error));
      g_assert_no_error (error);
      g_assert_true (g_regex_match_simple ("^[a-z]\\.[a-z]+$", u->username, 0, 0));
      g_assert_true (g_hash_table_add (names, u->username));
      g_assert_nonnull (strchr (u->full_name, ' '));

      actor = hmr_store_authenticate (t.store, u->username, u->password, &error);
      g_assert_no_error (error);
      g_assert_cmpint (actor->role, ==, u->role);
      g_assert_cmpstr (actor->full_name, ==, u->full_name);
      if (u->role == HMR_ROLE_CASEWORKER)
        g_assert_nonnull (actor->office_id);
      per_role[u->role]++;
    }
  for (guint r = 0; r < HMR_N_ROLES; r++)
    g_assert_cmpuint (per_role[r], >=, 1);
  g_assert_cmpuint (per_role[HMR_ROLE_CASEWORKER], ==, 5);

  /* caseworkers in Dusti, Panj, Farkhor, Khorugh and Shughnon */
  db = open_db (t.path);
  {
    g_autofree char *offices = query_text (db, "SELECT group_concat (district, ',') FROM (SELECT o.district "
                                               "FROM app_user u JOIN office o ON o.id = u.office_id "
                                               "WHERE u.role = 'caseworker' ORDER BY o.district)");
    g_assert_cmpstr (offices, ==, "Dusti,Farkhor,Khorugh,Panj,Shughnon");
  }
  sqlite3_close (db);
  demo_close (&t);
}

static void
test_empty (void)
{
  Demo t = { 0 };

  /* no beneficiaries: the users only */
  demo_open (&t, 0, SEED);
  g_assert_true (hmr_store_is_empty (t.store));
  g_assert_true (hmr_store_has_users (t.store));
  g_assert_nonnull (find_user (&t, HMR_ROLE_ADMIN));
  demo_close (&t);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/deterministic", test_deterministic);
  g_test_add_func ("/demo/distributions", test_distributions);
  g_test_add_func ("/demo/every-state", test_every_state);
  g_test_add_func ("/demo/audit-chain-intact", test_audit_chain_intact);
  g_test_add_func ("/demo/users", test_users);
  g_test_add_func ("/demo/no-beneficiaries", test_empty);

  return g_test_run ();
}
