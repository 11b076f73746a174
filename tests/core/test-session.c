/* test-session.c — group sessions: planning, attendance, capacity, walk-ins
 * registered later, counts by sex and age group, the role table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-case-file.h"
#include "hmr-session.h"
#include "hmr-test-util.h"

static char *
register_person (Fixture    *f,
                 HmrActor   *actor,
                 const char *family,
                 const char *sex,
                 const char *birth)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = make_beneficiary (family, "Ҷамшед",
                                                  g_strcmp0 (actor->office_id, PANJ_OFFICE) == 0 ? "Panj" : "Dusti");

  hmr_beneficiary_set (b, HMR_BENEFICIARY_SEX, sex);
  hmr_beneficiary_set (b, HMR_BENEFICIARY_BIRTH_DATE, birth);
  g_assert_true (hmr_store_insert_beneficiary (f->store, actor, b, &error));
  g_assert_no_error (error);
  return g_strdup (hmr_beneficiary_get (b, HMR_BENEFICIARY_ID));
}

static char *
plan (Fixture    *f,
      HmrActor   *actor,
      const char *district,
      const char *held_on,
      const char *module,
      int         capacity)
{
  g_autoptr(GError) error = NULL;
  HmrSessionPlan p = {
    .district = district, .held_on = held_on, .jamoat = "Мичурин", .venue = "Маркази ҷамоат",
    .module = module, .partner = "Хадамоти муҳоҷират", .capacity = capacity,
  };
  char *id = hmr_store_plan_session (f->store, actor, &p, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

static char *
walk_in (Fixture    *f,
         const char *session_id,
         const char *name,
         const char *sex,
         const char *age_group)
{
  g_autoptr(GError) error = NULL;
  HmrWalkIn w = { name, sex, age_group, "+992 93 555 12 34" };
  char *id = hmr_store_add_walk_in (f->store, f->caseworker, session_id, &w, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

static void
test_plan_and_read_back (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = plan (f, f->caseworker, "Dusti", "02.12.2026", "Нақшаи реинтегратсияи ман", 0);
  g_autoptr(HmrSession) s = hmr_store_get_session (f->store, f->caseworker, id, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (s->held_on, ==, "2026-12-02");
  g_assert_cmpstr (s->office_id, ==, DUSTI_OFFICE);
  g_assert_cmpstr (s->facilitator_name, ==, "Malika Rahimova");
  g_assert_cmpstr (s->partner, ==, "Хадамоти муҳоҷират");
  g_assert_cmpint (s->capacity, ==, 15);
  g_assert_cmpint (s->n_attended, ==, 0);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE entity = 'group_session' "
                                        "AND action = 'create'"), ==, 1);
}

static void
test_bad_plan_names_the_field (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  HmrSessionPlan p = { .district = "Dusti", .held_on = "2026-12-02", .module = "Кор", .capacity = 20 };

  g_assert_null (hmr_store_plan_session (f->store, f->caseworker, &p, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Capacity"));
  g_clear_error (&error);

  p.capacity = 0;
  p.held_on = "31.02.2026";
  g_assert_null (hmr_store_plan_session (f->store, f->caseworker, &p, &error));
  g_assert_nonnull (strstr (error->message, "Date"));
  g_clear_error (&error);

  p.held_on = "2026-12-02";
  p.module = "  ";
  g_assert_null (hmr_store_plan_session (f->store, f->caseworker, &p, &error));
  g_assert_nonnull (strstr (error->message, "Module"));
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM group_session"), ==, 0);
}

static void
test_full_session_refused (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = plan (f, f->caseworker, "Dusti", "2026-12-02", "Кор", 3);
  g_autofree char *a = register_person (f, f->caseworker, "Раҳимов", "male", "1990-03-21");
  g_autofree char *b = register_person (f, f->caseworker, "Каримов", "male", "1985-01-02");
  g_autofree char *c = register_person (f, f->caseworker, "Саидова", "female", "1999-06-30");
  g_autofree char *d = register_person (f, f->caseworker, "Назаров", "male", "1970-10-10");
  g_autofree char *a1 = NULL, *a2 = NULL, *a3 = NULL, *a4 = NULL;
  HmrWalkIn w = { "Зарина Қодирова", "female", "25_34", NULL };

  a1 = hmr_store_add_attendee (f->store, f->caseworker, id, a, &error);
  g_assert_no_error (error);
  a2 = hmr_store_add_attendee (f->store, f->caseworker, id, b, &error);
  g_assert_no_error (error);

  /* the same person twice */
  g_assert_null (hmr_store_add_attendee (f->store, f->caseworker, id, a, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  a3 = hmr_store_add_attendee (f->store, f->caseworker, id, c, &error);
  g_assert_no_error (error);

  a4 = hmr_store_add_attendee (f->store, f->caseworker, id, d, &error);
  g_assert_null (a4);
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "full"));
  g_clear_error (&error);
  g_assert_null (hmr_store_add_walk_in (f->store, f->caseworker, id, &w, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM attendance WHERE deleted_at IS NULL"), ==, 3);

  /* someone leaves the list: there is room again */
  g_assert_true (hmr_store_remove_attendee (f->store, f->caseworker, a2, &error));
  g_assert_no_error (error);
  a4 = hmr_store_add_attendee (f->store, f->caseworker, id, d, &error);
  g_assert_no_error (error);
  g_assert_nonnull (a4);

  /* nor can the capacity drop below who came */
  {
    HmrSessionPlan p = { .district = "Dusti", .held_on = "2026-12-02", .module = "Кор", .capacity = 2 };
    g_assert_false (hmr_store_update_session (f->store, f->caseworker, id, &p, &error));
    g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "Capacity"));
  }
}

static void
test_walk_in_registered_later_keeps_attendance (Fixture       *f,
                                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = plan (f, f->caseworker, "Dusti", "2026-12-02", "Кор", 0);
  g_autofree char *att = walk_in (f, id, "Қодиров Фирӯз", "male", "25_34");
  g_autoptr(HmrBeneficiary) b = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) of = NULL;
  g_autoptr(HmrSession) s = NULL;
  const HmrAttendee *a;

  s = hmr_store_get_session (f->store, f->caseworker, id, &error);
  g_assert_cmpint (s->n_walk_ins, ==, 1);
  g_clear_pointer (&s, hmr_session_free);

  b = hmr_store_walk_in_candidate (f->store, f->caseworker, att, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hmr_beneficiary_get (b, HMR_BENEFICIARY_FAMILY_NAME), ==, "Қодиров");
  g_assert_cmpstr (hmr_beneficiary_get (b, HMR_BENEFICIARY_GIVEN_NAME), ==, "Фирӯз");
  g_assert_cmpstr (hmr_beneficiary_get (b, HMR_BENEFICIARY_DISTRICT), ==, "Dusti");
  g_assert_cmpstr (hmr_beneficiary_get (b, HMR_BENEFICIARY_BIRTH_YEAR_ESTIMATED), ==, "1996");

  g_assert_true (hmr_store_register_walk_in (f->store, f->caseworker, att, b, FALSE, NULL, &error));
  g_assert_no_error (error);

  list = hmr_store_list_attendance (f->store, f->caseworker, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  a = g_ptr_array_index (list, 0);
  g_assert_cmpstr (a->beneficiary_id, ==, hmr_beneficiary_get (b, HMR_BENEFICIARY_ID));
  g_assert_nonnull (a->case_number);
  g_assert_true (a->walk_in);
  g_assert_cmpstr (a->age_group, ==, "25_34");

  s = hmr_store_get_session (f->store, f->caseworker, id, &error);
  g_assert_cmpint (s->n_attended, ==, 1);
  g_assert_cmpint (s->n_walk_ins, ==, 0);

  /* the session is in the person's sessions */
  of = hmr_store_list_sessions_of (f->store, f->caseworker, a->beneficiary_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (of->len, ==, 1);

  /* once only */
  g_assert_false (hmr_store_register_walk_in (f->store, f->caseworker, att, b, TRUE, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE entity = 'attendance' "
                                        "AND action = 'register'"), ==, 1);
}

static void
test_walk_in_duplicate_check (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = plan (f, f->caseworker, "Dusti", "2026-12-02", "Кор", 0);
  g_autofree char *earlier = NULL;
  g_autofree char *att = NULL;
  g_autoptr(HmrBeneficiary) b = NULL;
  g_autoptr(GPtrArray) dups = NULL;
  g_autoptr(GPtrArray) list = NULL;

  {
    g_autoptr(HmrBeneficiary) e = make_beneficiary ("Қодиров", "Фирӯз", "Dusti");
    hmr_beneficiary_set (e, HMR_BENEFICIARY_BIRTH_DATE, "1996-05-01");
    g_assert_true (hmr_store_insert_beneficiary (f->store, f->caseworker, e, &error));
    earlier = g_strdup (hmr_beneficiary_get (e, HMR_BENEFICIARY_ID));
  }
  att = walk_in (f, id, "Қодиров Фирӯз", "male", "25_34");
  b = hmr_store_walk_in_candidate (f->store, f->caseworker, att, &error);
  g_assert_no_error (error);

  g_assert_false (hmr_store_register_walk_in (f->store, f->caseworker, att, b, FALSE, &dups, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_nonnull (dups);
  g_assert_cmpuint (dups->len, ==, 1);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM beneficiary"), ==, 1);

  /* it is the same person: the attendance becomes theirs */
  g_assert_true (hmr_store_link_walk_in (f->store, f->caseworker, att, earlier, &error));
  g_assert_no_error (error);
  list = hmr_store_list_attendance (f->store, f->caseworker, id, &error);
  g_assert_cmpstr (((HmrAttendee *) g_ptr_array_index (list, 0))->beneficiary_id, ==, earlier);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM beneficiary"), ==, 1);
}

static void
test_registering_rolls_back_whole (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = plan (f, f->caseworker, "Dusti", "2026-12-02", "Кор", 0);
  g_autofree char *att = walk_in (f, id, "Қодиров Фирӯз", "male", "25_34");
  g_autoptr(HmrBeneficiary) b = hmr_store_walk_in_candidate (f->store, f->caseworker, att, &error);

  /* the session is archived between the form opening and saving */
  g_assert_true (hmr_store_archive_session (f->store, f->caseworker, id, &error));
  g_assert_false (hmr_store_register_walk_in (f->store, f->caseworker, att, b, TRUE, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM beneficiary"), ==, 0);
}

static void
test_counts_by_sex_and_age (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *s1 = plan (f, f->caseworker, "Dusti", "2026-11-10", "Кор", 0);
  g_autofree char *s2 = plan (f, f->caseworker, "Dusti", "2026-12-02", "Саломатӣ", 0);
  g_autofree char *s3 = plan (f, f->caseworker_panj, "Panj", "2026-11-20", "Кор", 0);
  g_autofree char *p1 = register_person (f, f->caseworker, "Раҳимов", "male", "1990-12-21");  /* 35 on 10.11: 35 */
  g_autofree char *p2 = register_person (f, f->caseworker, "Саидова", "female", "2002-06-30"); /* 24 */
  g_autofree char *p3 = register_person (f, f->caseworker_panj, "Назаров", "male", "1960-01-01");
  g_autofree char *w1 = NULL, *w2 = NULL;
  g_autofree char *x = NULL;
  HmrSessionCounts c;
  HmrSessionQuery q = { 0 };
  g_autoptr(GPtrArray) list = NULL;
  g_auto(GStrv) modules = NULL;

  x = hmr_store_add_attendee (f->store, f->caseworker, s1, p1, &error);
  g_clear_pointer (&x, g_free);
  x = hmr_store_add_attendee (f->store, f->caseworker, s1, p2, &error);
  g_clear_pointer (&x, g_free);
  w1 = walk_in (f, s1, "Зарина Қодирова", "female", "18_24");
  w2 = walk_in (f, s2, "Фарҳод Олимов", "male", "45_54");
  x = hmr_store_add_attendee (f->store, f->caseworker_panj, s3, p3, &error);
  g_assert_no_error (error);

  /* the supervisor sees everything */
  g_assert_true (hmr_store_count_sessions (f->store, f->supervisor, NULL, &c, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (c.n_sessions, ==, 3);
  g_assert_cmpuint (c.n_people, ==, 5);
  g_assert_cmpuint (c.n_female, ==, 2);
  g_assert_cmpuint (c.n_male, ==, 3);
  g_assert_cmpuint (c.n_walk_ins, ==, 2);
  /* p1 is 35 on 10.11.2026 (born 21.12.1990: still 35), p2 24, w1 18–24 */
  g_assert_cmpuint (c.by_age[HMR_AGE_18_24], ==, 2);
  g_assert_cmpuint (c.by_age[HMR_AGE_35_44], ==, 1);
  g_assert_cmpuint (c.by_age[HMR_AGE_45_54], ==, 1);
  g_assert_cmpuint (c.by_age[HMR_AGE_55_PLUS], ==, 1);

  /* the Dusti caseworker their office's only; filters by month and module */
  g_assert_true (hmr_store_count_sessions (f->store, f->caseworker, NULL, &c, &error));
  g_assert_cmpuint (c.n_sessions, ==, 2);
  g_assert_cmpuint (c.n_people, ==, 4);
  q.month = "2026-11";
  g_assert_true (hmr_store_count_sessions (f->store, f->supervisor, &q, &c, &error));
  g_assert_cmpuint (c.n_sessions, ==, 2);
  g_assert_cmpuint (c.n_people, ==, 4);
  q.month = NULL;
  q.module = "Саломатӣ";
  list = hmr_store_list_sessions (f->store, f->supervisor, &q, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpuint (((HmrSession *) g_ptr_array_index (list, 0))->n_male, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  q.module = NULL;
  q.district = "Panj";
  list = hmr_store_list_sessions (f->store, f->supervisor, &q, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((HmrSession *) g_ptr_array_index (list, 0))->id, ==, s3);

  modules = hmr_store_list_session_modules (f->store, f->caseworker, &error);
  g_assert_cmpuint (g_strv_length (modules), ==, 2);
}

static void
test_roles (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *panj = plan (f, f->caseworker_panj, "Panj", "2026-12-02", "Кор", 0);
  g_autofree char *dusti_person = register_person (f, f->caseworker, "Раҳимов", "male", "1990-03-21");
  g_autofree char *sup = plan (f, f->supervisor, "Dusti", "2026-12-03", "Кор", 0);
  HmrSessionPlan p = { .district = "Panj", .held_on = "2026-12-02", .module = "Кор" };
  HmrSessionCounts c;

  /* a caseworker plans in their own district only */
  g_assert_null (hmr_store_plan_session (f->store, f->caseworker, &p, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  /* nor marks attendance at another office's session, nor reads it */
  g_assert_null (hmr_store_add_attendee (f->store, f->caseworker, panj, dusti_person, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_null (hmr_store_get_session (f->store, f->caseworker, panj, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  /* another office's beneficiary cannot be put on a Panj list */
  g_assert_null (hmr_store_add_attendee (f->store, f->caseworker_panj, panj, dusti_person, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  /* finance and admin see no sessions */
  g_assert_false (hmr_store_count_sessions (f->store, f->finance, NULL, &c, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_null (hmr_store_list_sessions (f->store, f->admin, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  /* the supervisor may put anyone on any session */
  g_free (hmr_store_add_attendee (f->store, f->supervisor, sup, dusti_person, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM attendance"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/session/plan/read-back-with-audit-row", test_plan_and_read_back);
  ADD ("/session/plan/bad-input-names-the-field", test_bad_plan_names_the_field);
  ADD ("/session/attendance/beyond-capacity-refused", test_full_session_refused);
  ADD ("/session/walk-in/registered-later-keeps-attendance", test_walk_in_registered_later_keeps_attendance);
  ADD ("/session/walk-in/duplicate-check-then-linked", test_walk_in_duplicate_check);
  ADD ("/session/walk-in/registration-rolled-back-whole", test_registering_rolls_back_whole);
  ADD ("/session/counts/by-sex-and-age-group", test_counts_by_sex_and_age);
  ADD ("/session/roles/own-office-and-supervisor-only", test_roles);
#undef ADD

  return g_test_run ();
}
