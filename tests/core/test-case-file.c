/* test-case-file.c — the case file page's data, and the duplicate check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-case-file.h"
#include "hmr-test-util.h"

static HmrBeneficiary *
register_person (Fixture    *f,
                 HmrActor   *actor,
                 const char *family,
                 const char *given,
                 const char *family_latin,
                 const char *birth,
                 const char *district,
                 const char *phone)
{
  g_autoptr(GError) error = NULL;
  HmrBeneficiary *b = make_beneficiary (family, given, district);

  hmr_beneficiary_set (b, HMR_BENEFICIARY_FAMILY_NAME_LATIN, family_latin);
  hmr_beneficiary_set (b, HMR_BENEFICIARY_BIRTH_DATE, birth);
  hmr_beneficiary_set (b, HMR_BENEFICIARY_PHONE, phone);
  g_assert_true (hmr_store_insert_beneficiary (f->store, actor, b, &error));
  g_assert_no_error (error);
  return b;
}

/* The history a caseworker would have recorded, written as fixtures */
static void
add_history (Fixture        *f,
             HmrBeneficiary *b)
{
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO migration_episode (id, office_id, beneficiary_id, country, city, departure_date, return_date, "
    "  months_abroad, duration_group, sector, return_type, created_at, updated_at) VALUES "
    "  ('e1', '%1$s', '%2$s', 'Russia', 'Yekaterinburg', '2019-03-01', '2024-05-10', 62, '3_years_or_more', "
    "   'construction', 'deported', '2026-01-01', '2026-01-01');"
    "INSERT INTO reentry_ban (id, office_id, beneficiary_id, has_ban, imposed_by, court_decision_number, "
    "  court_decision_date, start_date, duration_months, end_date, appeal_status, created_at, updated_at) VALUES "
    "  ('b1', '%1$s', '%2$s', 'yes', 'court', '5-1234/2024', '2024-05-02', '2024-05-10', 60, '2029-05-10', "
    "   'filed', '2026-01-01', '2026-01-01');"
    "INSERT INTO trafficking_profile (id, office_id, beneficiary_id, status, exploitation_type, identified_by, "
    "  created_at, updated_at) VALUES ('t1', '%1$s', '%2$s', 'actual', 'forced_labour', 'NGO Madina', "
    "  '2026-01-01', '2026-01-01');"
    "INSERT INTO service_provider (id, name, service_types, district, created_at, updated_at) VALUES "
    "  ('p1', 'Legal Aid Centre Dusti', 'legal_aid', 'Dusti', '2026-01-01', '2026-01-01');"
    "INSERT INTO referral (id, office_id, beneficiary_id, provider_id, service_type, status, sent_on, "
    "  created_at, updated_at) VALUES ('r1', '%1$s', '%2$s', 'p1', 'legal_aid', 'accepted', '2026-02-03', "
    "  '2026-02-01', '2026-02-01');"
    "INSERT INTO follow_up (id, office_id, beneficiary_id, kind, status, due_on, done_on, who5_score, notes, "
    "  created_at, updated_at) VALUES ('f1', '%1$s', '%2$s', 'phone', 'done', '2026-03-01', '2026-03-02', 44, "
    "  'CONFIDENTIAL: talks about the debt bondage', '2026-02-01', '2026-02-01');"
    "INSERT INTO reintegration_grant (id, office_id, purpose, amount_requested, amount_approved, status, "
    "  created_at, updated_at) VALUES ('g1', '%1$s', 'Auto-repair shop', 587400, 587400, 'disbursing', "
    "  '2026-04-01T10:00:00Z', '2026-04-01');"
    "INSERT INTO grant_beneficiary (grant_id, beneficiary_id) VALUES ('g1', '%2$s');"
    "INSERT INTO disbursement (id, office_id, grant_id, tranche, paid_on, amount, method, created_at, updated_at) "
    "  VALUES ('d1', '%1$s', 'g1', 1, '2026-04-15', 300000, 'supplier_payment', '2026-04-15', '2026-04-15');"
    "INSERT INTO handover (id, office_id, grant_id, beneficiary_id, handed_on, place, received_by, status, "
    "  created_at, updated_at) VALUES ('h1', '%1$s', 'g1', '%2$s', '2026-05-20', 'Jamoat Dusti', 'Self', "
    "  'signed', '2026-05-20', '2026-05-20');"
    "INSERT INTO handover_item (id, handover_id, name, quantity, unit_value) VALUES "
    "  ('i1', 'h1', 'Welding machine', 1, 250000), ('i2', 'h1', 'Compressor', 1, 180000);"
    "INSERT INTO group_session (id, office_id, district, held_on, module, created_at, updated_at) VALUES "
    "  ('s1', '%1$s', 'Dusti', '2026-01-20', 'Planning my future', '2026-01-20', '2026-01-20');"
    "INSERT INTO attendance (id, session_id, beneficiary_id) VALUES ('a1', 's1', '%2$s');",
    hmr_beneficiary_get (b, HMR_BENEFICIARY_OFFICE_ID), hmr_beneficiary_get (b, HMR_BENEFICIARY_ID));
  exec_sql (f->path, sql);
}

static void
test_case_file_sections (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = register_person (f, f->caseworker, "Раҳимов", "Фаррух", "RAKHIMOV",
                                                 "1990-03-21", "Dusti", NULL);
  g_autoptr(HmrCaseFile) file = NULL;
  HmrMigrationEpisode *e;
  GDate today;

  add_history (f, b);
  file = hmr_store_get_case_file (f->store, f->caseworker, hmr_beneficiary_get (b, HMR_BENEFICIARY_ID), &error);
  g_assert_no_error (error);

  g_assert_cmpstr (file->case_stage, ==, "new");
  g_assert_cmpstr (file->case_owner, ==, "Malika Rahimova");
  g_assert_cmpuint (file->episodes->len, ==, 1);
  e = g_ptr_array_index (file->episodes, 0);
  g_assert_cmpstr (e->city, ==, "Yekaterinburg");
  g_assert_cmpint (e->months_abroad, ==, 62);
  g_assert_nonnull (file->ban);
  g_assert_cmpstr (file->ban->end_date, ==, "2029-05-10");
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 10, 5, 2029);
  g_assert_cmpint (hmr_reentry_ban_days_left (file->ban, &today), ==, 0);
  g_date_set_dmy (&today, 9, 5, 2029);
  g_assert_cmpint (hmr_reentry_ban_days_left (file->ban, &today), ==, 1);
  g_assert_nonnull (file->trafficking);
  g_assert_cmpstr (file->trafficking->status, ==, "actual");
}

static void
test_timeline_in_date_order (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = register_person (f, f->caseworker, "Раҳимов", "Фаррух", "RAKHIMOV",
                                                 "1990-03-21", "Dusti", NULL);
  g_autoptr(HmrCaseFile) file = NULL;
  HmrTimelineKind expected[] = {
    HMR_TIMELINE_SESSION, HMR_TIMELINE_REFERRAL, HMR_TIMELINE_FOLLOW_UP, HMR_TIMELINE_GRANT,
    HMR_TIMELINE_DISBURSEMENT, HMR_TIMELINE_HANDOVER, HMR_TIMELINE_CHANGE,
  };

  add_history (f, b);
  file = hmr_store_get_case_file (f->store, f->caseworker, hmr_beneficiary_get (b, HMR_BENEFICIARY_ID), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (file->timeline->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < file->timeline->len; i++)
    {
      HmrTimelineEntry *entry = g_ptr_array_index (file->timeline, i);
      g_assert_cmpint (entry->kind, ==, expected[i]);
      /* the confidential note never reaches the timeline */
      g_assert_null (strstr (entry->title, "CONFIDENTIAL"));
      g_assert_true (entry->detail == NULL || strstr (entry->detail, "CONFIDENTIAL") == NULL);
      if (i > 0)
        g_assert_cmpstr (((HmrTimelineEntry *) g_ptr_array_index (file->timeline, i - 1))->date, <=, entry->date);
    }
  g_assert_nonnull (strstr (((HmrTimelineEntry *) g_ptr_array_index (file->timeline, 5))->detail, "Welding machine"));
}

static void
test_trafficking_view_audited (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = register_person (f, f->caseworker, "Раҳимов", "Фаррух", "RAKHIMOV",
                                                 "1990-03-21", "Dusti", NULL);
  const char *id = hmr_beneficiary_get (b, HMR_BENEFICIARY_ID);

  add_history (f, b);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE action = 'view'"), ==, 0);
  {
    g_autoptr(HmrCaseFile) file = hmr_store_get_case_file (f->store, f->supervisor, id, &error);
    g_assert_no_error (error);
    g_assert_nonnull (file->trafficking);
  }
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE action = 'view' "
                                        "AND entity = 'trafficking_profile' AND entity_id = 't1' "
                                        "AND username = 'n.karimova'"), ==, 1);

  /* finance reads identity only: no profile, no case, no history */
  {
    g_autoptr(HmrCaseFile) file = hmr_store_get_case_file (f->store, f->finance, id, &error);
    g_assert_no_error (error);
    g_assert_null (file->trafficking);
    g_assert_null (file->ban);
    g_assert_cmpuint (file->timeline->len, ==, 0);
    g_assert_cmpstr (hmr_beneficiary_get (file->beneficiary, HMR_BENEFICIARY_FAMILY_NAME), ==, "Раҳимов");
  }
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE action = 'view'"), ==, 1);

  /* another office's caseworker cannot open it at all */
  {
    g_autoptr(HmrCaseFile) file = hmr_store_get_case_file (f->store, f->caseworker_panj, id, &error);
    g_assert_null (file);
    g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  }
}

static void
test_duplicates_found (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) first = register_person (f, f->caseworker, "Ҷӯраев", "Ғайрат", "JURAEV",
                                                     "1987-06-01", "Dusti", "+992 91 700 1122");
  g_autoptr(HmrBeneficiary) other = register_person (f, f->caseworker, "Рашидов", "Алишер", NULL,
                                                     "1987-06-01", "Dusti", NULL);
  struct { const char *family, *given, *birth, *district, *phone; guint expected; } cases[] = {
    /* same person, Latin spelling, same district */
    { "Dzhuraev", "Gayrat", "1987-01-01", "Dusti", NULL, 1 },
    /* Russian spelling, born a year later, other district but same phone */
    { "Джураев", "Гайрат", "1988-02-02", "Panj", "91 700 11 22", 1 },
    /* same name, two years apart: another person */
    { "Ҷӯраев", "Ғайрат", "1989-06-01", "Dusti", NULL, 0 },
    /* same name and year but another district and no phone in common */
    { "Ҷӯраев", "Ғайрат", "1987-06-01", "Panj", NULL, 0 },
    /* another name */
    { "Ҷӯраев", "Умед", "1987-06-01", "Dusti", NULL, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HmrBeneficiary) c = make_beneficiary (cases[i].family, cases[i].given, cases[i].district);
      g_autoptr(GPtrArray) found = NULL;

      hmr_beneficiary_set (c, HMR_BENEFICIARY_BIRTH_DATE, cases[i].birth);
      hmr_beneficiary_set (c, HMR_BENEFICIARY_PHONE, cases[i].phone);
      found = hmr_store_find_duplicates (f->store, f->supervisor, c, &error);
      g_assert_no_error (error);
      if (found->len != cases[i].expected)
        g_error ("case %u: %u candidates, expected %u", i, found->len, cases[i].expected);
      if (found->len == 1)
        g_assert_cmpstr (hmr_beneficiary_get (g_ptr_array_index (found, 0), HMR_BENEFICIARY_ID), ==,
                         hmr_beneficiary_get (first, HMR_BENEFICIARY_ID));
    }
  (void) other;
}

static void
test_mark_duplicate_links_both_ways (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) first = register_person (f, f->caseworker, "Ҷӯраев", "Ғайрат", "JURAEV",
                                                     "1987-06-01", "Dusti", NULL);
  g_autoptr(HmrBeneficiary) second = register_person (f, f->caseworker, "Джураев", "Гайрат", NULL,
                                                      "1987-06-01", "Dusti", NULL);
  g_autoptr(HmrCaseFile) original = NULL;
  g_autoptr(HmrBeneficiary) dup = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  const char *first_id = hmr_beneficiary_get (first, HMR_BENEFICIARY_ID);
  const char *second_id = hmr_beneficiary_get (second, HMR_BENEFICIARY_ID);

  /* going on despite candidates is audited */
  candidates = hmr_store_find_duplicates (f->store, f->caseworker, second, &error);
  g_assert_cmpuint (candidates->len, ==, 1);
  g_assert_true (hmr_store_record_duplicate_override (f->store, f->caseworker, second_id, candidates, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE action = 'duplicate-override'"), ==, 1);

  g_assert_true (hmr_store_mark_duplicate (f->store, f->caseworker, second_id, first_id, &error));
  g_assert_no_error (error);
  dup = hmr_store_get_beneficiary (f->store, f->caseworker, second_id, &error);
  g_assert_cmpstr (hmr_beneficiary_get (dup, HMR_BENEFICIARY_DUPLICATE_OF), ==, first_id);
  original = hmr_store_get_case_file (f->store, f->caseworker, first_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (original->duplicates->len, ==, 1);
  g_assert_cmpstr (hmr_beneficiary_get (g_ptr_array_index (original->duplicates, 0), HMR_BENEFICIARY_ID), ==, second_id);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM case_file WHERE status = 'duplicate'"), ==, 1);

  g_assert_false (hmr_store_mark_duplicate (f->store, f->caseworker, first_id, first_id, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/case-file/sections", test_case_file_sections);
  ADD ("/case-file/timeline-in-date-order", test_timeline_in_date_order);
  ADD ("/case-file/trafficking-view-audited-and-hidden", test_trafficking_view_audited);
  ADD ("/duplicates/found-and-not-found", test_duplicates_found);
  ADD ("/duplicates/mark-links-both-ways", test_mark_duplicate_links_both_ways);
#undef ADD
  return g_test_run ();
}
