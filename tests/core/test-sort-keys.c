/* test-sort-keys.c — the Beneficiaries list sorted by stage, caseworker and
 * last contact stays in the order the case files, follow-ups and users say,
 * whatever changes them
 *
 * The store reads these orders from keys kept by triggers
 * (0008-sort-keys.sql).  Each check here works the order out again without
 * them, twice: with the SQL the store used before the keys (a correlated
 * subquery per person, run on the file through a plain connection), and
 * from the records the store hands out, sorted in C.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-case-file.h"
#include "hmr-follow-up.h"
#include "hmr-test-util.h"

/* The store's sort expressions before 0008, each for one %s direction */
static const struct
{
  HmrBeneficiarySort  sort;
  const char         *name;
  const char         *sql;
} orders[] = {
  { HMR_BENEFICIARY_SORT_STAGE, "stage",
    "(SELECT CASE c.stage WHEN 'new' THEN 0 WHEN 'assessment' THEN 1 WHEN 'case_plan' THEN 2 "
    "WHEN 'services' THEN 3 WHEN 'reopened' THEN 4 WHEN 'closed' THEN 5 ELSE 6 END "
    "FROM case_file c WHERE c.beneficiary_id = b.id AND c.deleted_at IS NULL "
    "ORDER BY c.opened_on DESC LIMIT 1) %s" },
  { HMR_BENEFICIARY_SORT_CASEWORKER, "caseworker",
    "(SELECT u.full_name FROM case_file c JOIN app_user u ON u.id = c.owner_id "
    "WHERE c.beneficiary_id = b.id AND c.deleted_at IS NULL "
    "ORDER BY c.opened_on DESC LIMIT 1) COLLATE NOCASE %s" },
  { HMR_BENEFICIARY_SORT_LAST_CONTACT, "last contact",
    "(SELECT max (f.done_on) FROM follow_up f WHERE f.beneficiary_id = b.id "
    "AND f.status = 'done' AND f.deleted_at IS NULL) %s" },
};

/* The people of a test, by the order they were registered in */
typedef struct
{
  Fixture    fixture;
  GPtrArray *ids;        /* beneficiary ids */
  GPtrArray *case_ids;
} SortFixture;

static void
sort_set_up (SortFixture   *sf,
             gconstpointer  data)
{
  fixture_set_up (&sf->fixture, data);
  sf->ids = g_ptr_array_new_with_free_func (g_free);
  sf->case_ids = g_ptr_array_new_with_free_func (g_free);
}

static void
sort_tear_down (SortFixture   *sf,
                gconstpointer  data)
{
  g_clear_pointer (&sf->ids, g_ptr_array_unref);
  g_clear_pointer (&sf->case_ids, g_ptr_array_unref);
  fixture_tear_down (&sf->fixture, data);
}

static void
register_person (SortFixture *sf,
                 HmrActor    *actor,
                 const char  *family,
                 const char  *district)
{
  Fixture *f = &sf->fixture;
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = make_beneficiary (family, "Фаррух", district);
  g_autoptr(HmrCaseFile) file = NULL;

  g_assert_true (hmr_store_insert_beneficiary (f->store, actor, b, &error));
  g_assert_no_error (error);
  file = hmr_store_get_case_file (f->store, f->supervisor, hmr_beneficiary_get (b, HMR_BENEFICIARY_ID), &error);
  g_assert_no_error (error);
  g_ptr_array_add (sf->ids, g_strdup (hmr_beneficiary_get (b, HMR_BENEFICIARY_ID)));
  g_ptr_array_add (sf->case_ids, g_strdup (file->case_id));
}

/* Eight people: five from the Dusti caseworker (their case files are
 * theirs), two from the supervisor (no owner), one in Panj */
static void
populate (SortFixture *sf)
{
  Fixture *f = &sf->fixture;

  register_person (sf, f->caseworker, "Раҳимов", "Dusti");
  register_person (sf, f->supervisor, "Ҷӯраев", "Dusti");
  register_person (sf, f->caseworker, "Рашидов", "Dusti");
  register_person (sf, f->caseworker_panj, "Қодирова", "Panj");
  register_person (sf, f->caseworker, "Саидзода", "Dusti");
  register_person (sf, f->supervisor, "Назарова", "Dusti");
  register_person (sf, f->caseworker, "Шарипов", "Dusti");
  register_person (sf, f->caseworker, "Ғафуров", "Dusti");
}

static char *
follow_up_done (SortFixture *sf,
                guint        person,
                const char  *done_on)
{
  Fixture *f = &sf->fixture;
  g_autoptr(GError) error = NULL;
  HmrFollowUpOutcome o = HMR_FOLLOW_UP_OUTCOME_INIT;
  char *id = hmr_store_schedule_follow_up (f->store, f->supervisor, g_ptr_array_index (sf->ids, person),
                                           "phone", done_on, NULL, &error);

  g_assert_no_error (error);
  o.status = "done";
  o.done_on = done_on;
  g_assert_true (hmr_store_record_follow_up (f->store, f->supervisor, id, &o, NULL, &error));
  g_assert_no_error (error);
  return id;
}

static void
raw_sql (Fixture    *f,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

/* A change made outside the store (an import, a repair, the sqlite3 shell):
 * the keys must follow it all the same */
static void
raw_sql (Fixture    *f,
         const char *format,
         ...)
{
  va_list args;
  g_autofree char *sql = NULL;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  exec_sql (f->path, sql);
}

static GArray *
store_ids (Fixture                   *f,
           HmrActor                  *actor,
           const HmrBeneficiaryQuery *q)
{
  g_autoptr(GError) error = NULL;
  GArray *ids = hmr_store_query_beneficiary_ids (f->store, actor, q, NULL, &error);

  g_assert_no_error (error);
  return ids;
}

/* The same list from the SQL of before, on a plain connection */
static GArray *
reference_ids (Fixture    *f,
               guint       order,
               gboolean    descending,
               const char *where,
               const char *value)
{
  const char *dir = descending ? "DESC" : "ASC";
  g_autofree char *expr = g_strdup_printf (orders[order].sql, dir);
  g_autofree char *sql = g_strdup_printf ("SELECT b.rowid FROM beneficiary b WHERE %s "
                                          "ORDER BY %s, b.case_number %s, b.rowid",
                                          where, expr, dir);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (value != NULL)
    sqlite3_bind_text (stmt, 1, value, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, rowid);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ids;
}

static void
assert_same_ids (GArray     *got,
                 GArray     *want,
                 const char *step,
                 const char *what)
{
  gboolean same = got->len == want->len;

  for (guint i = 0; same && i < got->len; i++)
    same = g_array_index (got, gint64, i) == g_array_index (want, gint64, i);
  if (!same)
    {
      GString *msg = g_string_new (NULL);

      g_string_append_printf (msg, "after %s, %s: store", step, what);
      for (guint i = 0; i < got->len; i++)
        g_string_append_printf (msg, " %" G_GINT64_FORMAT, g_array_index (got, gint64, i));
      g_string_append (msg, ", expected");
      for (guint i = 0; i < want->len; i++)
        g_string_append_printf (msg, " %" G_GINT64_FORMAT, g_array_index (want, gint64, i));
      g_test_message ("%s", msg->str);
      g_string_free (msg, TRUE);
    }
  g_assert_true (same);
}

/* ---- the order from the records, in C --------------------------------- */

static int
stage_rank (const char *stage)
{
  static const char *stages[] = { "new", "assessment", "case_plan", "services", "reopened", "closed" };

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    if (g_strcmp0 (stage, stages[i]) == 0)
      return (int) i;
  return G_N_ELEMENTS (stages);
}

static HmrBeneficiarySort compare_sort;

/* A missing value first, then SQLite's NOCASE for names (ASCII letters
 * folded), the case number last */
static int
compare_records (gconstpointer pa,
                 gconstpointer pb)
{
  HmrBeneficiary *a = *(HmrBeneficiary **) pa;
  HmrBeneficiary *b = *(HmrBeneficiary **) pb;
  int c = 0;

  switch (compare_sort)
    {
    case HMR_BENEFICIARY_SORT_STAGE:
      {
        const char *sa = hmr_beneficiary_get (a, HMR_BENEFICIARY_CASE_STAGE);
        const char *sb = hmr_beneficiary_get (b, HMR_BENEFICIARY_CASE_STAGE);
        c = (sa != NULL) - (sb != NULL);
        if (c == 0 && sa != NULL)
          c = stage_rank (sa) - stage_rank (sb);
      }
      break;
    case HMR_BENEFICIARY_SORT_CASEWORKER:
    case HMR_BENEFICIARY_SORT_LAST_CONTACT:
      {
        HmrBeneficiaryField field = compare_sort == HMR_BENEFICIARY_SORT_CASEWORKER
                                    ? HMR_BENEFICIARY_CASEWORKER : HMR_BENEFICIARY_LAST_CONTACT;
        const char *sa = hmr_beneficiary_get (a, field);
        const char *sb = hmr_beneficiary_get (b, field);
        c = (sa != NULL) - (sb != NULL);
        if (c == 0 && sa != NULL)
          c = field == HMR_BENEFICIARY_CASEWORKER ? g_ascii_strcasecmp (sa, sb) : strcmp (sa, sb);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  if (c == 0)
    c = strcmp (hmr_beneficiary_get (a, HMR_BENEFICIARY_CASE_NUMBER),
                hmr_beneficiary_get (b, HMR_BENEFICIARY_CASE_NUMBER));
  return c;
}

static GArray *
record_ids (Fixture  *f,
            guint     order,
            gboolean  descending)
{
  g_autoptr(GError) error = NULL;
  HmrBeneficiaryQuery q = { 0 };
  g_autoptr(GArray) all = store_ids (f, f->supervisor, &q);
  g_autoptr(GPtrArray) rows = hmr_store_load_beneficiaries (f->store, f->supervisor,
                                                            (gint64 *) all->data, all->len, &error);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_assert_no_error (error);
  compare_sort = orders[order].sort;
  g_ptr_array_sort (rows, compare_records);
  for (guint i = 0; i < rows->len; i++)
    {
      /* the case number is unique: going down is going up backwards */
      guint k = descending ? rows->len - 1 - i : i;
      gint64 rowid = hmr_beneficiary_get_rowid (g_ptr_array_index (rows, k));
      g_array_append_val (ids, rowid);
    }
  return ids;
}

/* ---- the check ---------------------------------------------------------- */

/* Every key order, both ways, as the supervisor sees the whole list (read
 * from the key index alone), with archived records, with a district and a
 * stage filter (the person's row joined), and as the Dusti caseworker sees
 * it (their office) */
static void
assert_orders (SortFixture *sf,
               const char  *step)
{
  Fixture *f = &sf->fixture;

  for (guint o = 0; o < G_N_ELEMENTS (orders); o++)
    for (int descending = 0; descending <= 1; descending++)
      {
        HmrBeneficiaryQuery q = { 0 };
        g_autofree char *what = NULL;

        q.sort = orders[o].sort;
        q.descending = descending;

        {
          g_autoptr(GArray) got = store_ids (f, f->supervisor, &q);
          g_autoptr(GArray) want = reference_ids (f, o, descending, "b.deleted_at IS NULL", NULL);
          g_autoptr(GArray) records = record_ids (f, o, descending);

          what = g_strdup_printf ("%s %s, whole list", orders[o].name, descending ? "down" : "up");
          g_assert_cmpuint (got->len, >, 0);
          assert_same_ids (got, want, step, what);
          assert_same_ids (got, records, step, what);
        }
        {
          g_autoptr(GArray) got = NULL;
          g_autoptr(GArray) want = reference_ids (f, o, descending, "1", NULL);

          q.include_archived = TRUE;
          got = store_ids (f, f->supervisor, &q);
          q.include_archived = FALSE;
          g_free (what);
          what = g_strdup_printf ("%s %s, with archived", orders[o].name, descending ? "down" : "up");
          assert_same_ids (got, want, step, what);
        }
        {
          g_autoptr(GArray) got = NULL;
          g_autoptr(GArray) want = reference_ids (f, o, descending,
                                                  "b.deleted_at IS NULL AND b.district = ?1", "Dusti");

          q.district = "Dusti";
          got = store_ids (f, f->supervisor, &q);
          q.district = NULL;
          g_free (what);
          what = g_strdup_printf ("%s %s, district", orders[o].name, descending ? "down" : "up");
          assert_same_ids (got, want, step, what);
        }
        {
          g_autoptr(GArray) got = NULL;
          g_autoptr(GArray) want = reference_ids (f, o, descending,
                                                  "b.deleted_at IS NULL AND EXISTS (SELECT 1 FROM case_file c "
                                                  "WHERE c.beneficiary_id = b.id AND c.deleted_at IS NULL "
                                                  "AND c.stage = ?1)", "new");

          q.stage = "new";
          got = store_ids (f, f->supervisor, &q);
          q.stage = NULL;
          g_free (what);
          what = g_strdup_printf ("%s %s, stage filter", orders[o].name, descending ? "down" : "up");
          assert_same_ids (got, want, step, what);
        }
        {
          g_autoptr(GArray) got = store_ids (f, f->caseworker, &q);
          g_autoptr(GArray) want = reference_ids (f, o, descending,
                                                  "b.deleted_at IS NULL AND b.office_id = ?1", DUSTI_OFFICE);

          g_free (what);
          what = g_strdup_printf ("%s %s, caseworker's office", orders[o].name, descending ? "down" : "up");
          assert_same_ids (got, want, step, what);
        }
      }
}

/* ---- the tests ------------------------------------------------------------ */

static void
test_follow_ups (SortFixture   *sf,
                 gconstpointer  data)
{
  Fixture *f = &sf->fixture;
  g_autofree char *first = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *other = NULL;

  populate (sf);
  assert_orders (sf, "registering");

  first = follow_up_done (sf, 2, "2026-11-02");
  assert_orders (sf, "a first follow-up done");
  latest = follow_up_done (sf, 2, "2026-11-20");
  other = follow_up_done (sf, 5, "2026-11-10");
  g_free (follow_up_done (sf, 0, "2026-11-05"));
  assert_orders (sf, "more follow-ups done");

  /* a later date on an earlier one; an older one that changes nothing */
  raw_sql (f, "UPDATE follow_up SET done_on = '2026-11-22' WHERE id = '%s'", other);
  g_free (follow_up_done (sf, 2, "2026-10-01"));
  assert_orders (sf, "changing the date of a follow-up done");

  /* archiving the latest brings back the one before; removing a row too */
  raw_sql (f, "UPDATE follow_up SET deleted_at = '2026-11-23T10:00:00Z' WHERE id = '%s'", latest);
  assert_orders (sf, "archiving a follow-up");
  raw_sql (f, "DELETE FROM follow_up_history WHERE follow_up_id = '%s'; "
              "DELETE FROM follow_up WHERE id = '%s'", other, other);
  assert_orders (sf, "deleting a follow-up");

  /* no longer done */
  raw_sql (f, "UPDATE follow_up SET status = 'missed' WHERE id = '%s'", first);
  assert_orders (sf, "a follow-up done turned missed");
}

static void
test_case_files (SortFixture   *sf,
                 gconstpointer  data)
{
  Fixture *f = &sf->fixture;
  g_autoptr(GError) error = NULL;

  populate (sf);

  /* the stage follows the work: assessed, closed, reopened */
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(HmrAssessment) a = hmr_assessment_new (g_ptr_array_index (sf->case_ids, i));

      a->summary = g_strdup ("Returned in October; no work yet.");
      g_assert_true (hmr_store_save_assessment (f->store, f->supervisor, a, &error));
      g_assert_no_error (error);
    }
  assert_orders (sf, "assessing");
  g_assert_true (hmr_store_close_case (f->store, f->supervisor, g_ptr_array_index (sf->case_ids, 1),
                                       "Moved to Russia again", &error));
  g_assert_no_error (error);
  g_assert_true (hmr_store_close_case (f->store, f->supervisor, g_ptr_array_index (sf->case_ids, 2),
                                       "Found work in Dushanbe", &error));
  g_assert_no_error (error);
  assert_orders (sf, "closing cases");
  g_assert_true (hmr_store_reopen_case (f->store, f->supervisor, g_ptr_array_index (sf->case_ids, 1),
                                        "Deported again", &error));
  g_assert_no_error (error);
  assert_orders (sf, "reopening a case");

  /* reassigning: to another caseworker, to nobody */
  raw_sql (f, "UPDATE case_file SET owner_id = '%s' WHERE id = '%s'",
           f->caseworker_panj->user_id, (char *) g_ptr_array_index (sf->case_ids, 0));
  raw_sql (f, "UPDATE case_file SET owner_id = '%s' WHERE id = '%s'",
           f->caseworker->user_id, (char *) g_ptr_array_index (sf->case_ids, 1));
  raw_sql (f, "UPDATE case_file SET owner_id = NULL WHERE id = '%s'",
           (char *) g_ptr_array_index (sf->case_ids, 4));
  assert_orders (sf, "reassigning case owners");

  /* a person whose only case file is archived has no stage and no
   * caseworker: first going up, last going down */
  raw_sql (f, "UPDATE case_file SET deleted_at = '2026-11-23T10:00:00Z' WHERE id = '%s'",
           (char *) g_ptr_array_index (sf->case_ids, 7));
  assert_orders (sf, "archiving a person's only case file");

  /* a newer case file without an owner: its stage counts, and the owner of
   * the newest case file that has one */
  raw_sql (f, "INSERT INTO case_file (id, office_id, beneficiary_id, owner_id, stage, opened_on, "
              "created_at, updated_at) VALUES ('newer-case', '%s', '%s', NULL, 'services', '2026-11-30', "
              "'2026-11-30T08:00:00Z', '2026-11-30T08:00:00Z')",
           DUSTI_OFFICE, (char *) g_ptr_array_index (sf->ids, 6));
  assert_orders (sf, "a newer case file without an owner");
  raw_sql (f, "UPDATE case_file SET owner_id = '%s' WHERE id = 'newer-case'", f->supervisor->user_id);
  assert_orders (sf, "giving the newer case file an owner");
  raw_sql (f, "UPDATE case_file SET opened_on = '2026-01-15' WHERE id = 'newer-case'");
  assert_orders (sf, "the newer case file opened earlier after all");
  raw_sql (f, "UPDATE case_file SET opened_on = '2026-12-01', deleted_at = '2026-12-01T08:00:00Z' "
              "WHERE id = 'newer-case'");
  assert_orders (sf, "archiving the newer case file");
  raw_sql (f, "UPDATE case_file SET deleted_at = NULL WHERE id = 'newer-case'");
  assert_orders (sf, "restoring the newer case file");
  raw_sql (f, "DELETE FROM case_file WHERE id = 'newer-case'");
  assert_orders (sf, "removing the newer case file");

  /* archiving a person: out of the list, still in the list with archived */
  g_assert_true (hmr_store_archive_beneficiary (f->store, f->supervisor, g_ptr_array_index (sf->ids, 3), &error));
  g_assert_no_error (error);
  assert_orders (sf, "archiving a beneficiary");
}

static void
test_user_rename (SortFixture   *sf,
                  gconstpointer  data)
{
  Fixture *f = &sf->fixture;
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) before = NULL;
  g_autoptr(HmrBeneficiary) after = NULL;
  gint64 first_broken = -1;

  populate (sf);
  raw_sql (f, "UPDATE case_file SET owner_id = '%s' WHERE id = '%s'",
           f->caseworker_panj->user_id, (char *) g_ptr_array_index (sf->case_ids, 2));
  raw_sql (f, "UPDATE case_file SET owner_id = '%s' WHERE id = '%s'",
           f->supervisor->user_id, (char *) g_ptr_array_index (sf->case_ids, 5));
  assert_orders (sf, "registering");
  before = hmr_store_get_beneficiary (f->store, f->supervisor, g_ptr_array_index (sf->ids, 0), &error);
  g_assert_no_error (error);

  /* from first to last and back, in lower case (NOCASE puts it first) */
  g_assert_true (hmr_store_update_user (f->store, f->admin, f->caseworker->user_id, "Zarina Yusufova",
                                        HMR_ROLE_CASEWORKER, DUSTI_OFFICE, &error));
  g_assert_no_error (error);
  assert_orders (sf, "renaming a caseworker");
  g_assert_true (hmr_store_update_user (f->store, f->admin, f->caseworker_panj->user_id, "abdullo karimov",
                                        HMR_ROLE_CASEWORKER, PANJ_OFFICE, &error));
  g_assert_no_error (error);
  assert_orders (sf, "renaming another in lower case");
  g_assert_true (hmr_store_update_user (f->store, f->admin, f->supervisor->user_id, "ZARINA YUSUFOVA",
                                        HMR_ROLE_SUPERVISOR, NULL, &error));
  g_assert_no_error (error);
  assert_orders (sf, "a name equal but for case");

  /* none of this touched the people's records or broke the audit chain */
  after = hmr_store_get_beneficiary (f->store, f->supervisor, g_ptr_array_index (sf->ids, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hmr_beneficiary_get (after, HMR_BENEFICIARY_VERSION), ==,
                   hmr_beneficiary_get (before, HMR_BENEFICIARY_VERSION));
  g_assert_cmpstr (hmr_beneficiary_get (after, HMR_BENEFICIARY_UPDATED_AT), ==,
                   hmr_beneficiary_get (before, HMR_BENEFICIARY_UPDATED_AT));
  g_assert_true (hmr_store_verify_audit (f->store, f->admin, NULL, &first_broken, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first_broken, ==, 0);
}

/* A database of the release before: migration 0008 fills the keys in.
 * Its SQL is run on the file as the store runs it, after taking away what
 * it made; the later migrations stay as they are. */
static void
test_filled_in_by_migration (SortFixture   *sf,
                             gconstpointer  data)
{
  Fixture *f = &sf->fixture;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) drop = g_string_new (NULL);
  g_autoptr(GBytes) migration = NULL;
  g_autofree char *migration_sql = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  populate (sf);
  g_free (follow_up_done (sf, 1, "2026-11-12"));
  g_free (follow_up_done (sf, 4, "2026-11-03"));
  raw_sql (f, "UPDATE case_file SET owner_id = '%s' WHERE id = '%s'",
           f->caseworker_panj->user_id, (char *) g_ptr_array_index (sf->case_ids, 6));
  g_assert_true (hmr_store_archive_beneficiary (f->store, f->supervisor, g_ptr_array_index (sf->ids, 7), &error));
  g_assert_no_error (error);
  g_clear_object (&f->store);

  /* as before 0008: no keys, the index of case files as it was */
  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                           "AND name LIKE 'beneficiary_sort%'", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (drop, "DROP TRIGGER %s; ", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (drop->len, >, 0);
  g_string_append (drop, "DROP VIEW beneficiary_sort_source; DROP TABLE beneficiary_sort; "
                         "DROP INDEX case_file_beneficiary; "
                         "CREATE INDEX case_file_beneficiary ON case_file (beneficiary_id);");
  exec_sql (f->path, drop->str);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM sqlite_master WHERE name = 'beneficiary_sort'"), ==, 0);

  /* the store registered its resources when the fixture opened it */
  migration = g_resources_lookup_data ("/org/hamroh/Hamroh/sql/0008-sort-keys.sql", 0, &error);
  g_assert_no_error (error);
  migration_sql = g_strndup (g_bytes_get_data (migration, NULL), g_bytes_get_size (migration));
  exec_sql (f->path, migration_sql);

  f->store = hmr_store_open (f->path, &error);
  g_assert_no_error (error);
  hmr_store_set_clock (f->store, fixture_clock, f);
  assert_orders (sf, "the migration");

  /* …and the triggers it made keep them right from then on */
  g_free (follow_up_done (sf, 3, "2026-11-21"));
  assert_orders (sf, "a follow-up done after the migration");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, SortFixture, NULL, sort_set_up, fn, sort_tear_down)
  ADD ("/sort/keys/follow-follow-ups-done-changed-and-removed", test_follow_ups);
  ADD ("/sort/keys/follow-case-stage-owner-and-newest-case-file", test_case_files);
  ADD ("/sort/keys/follow-renamed-users-without-touching-records", test_user_rename);
  ADD ("/sort/keys/filled-in-by-the-migration", test_filled_in_by_migration);
#undef ADD
  return g_test_run ();
}
