/* test-report.c — every indicator against a small database made by hand,
 * and the donor workbook read back with openpyxl
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-report.h"
#include "hmr-test-util.h"

typedef struct
{
  char *a, *b, *c, *d;    /* Dusti: a man of 36, a woman of 26, a man of 46; Panj: a woman of 31 */
  char *round;
} People;

static char *
person (Fixture    *f,
        HmrActor   *actor,
        const char *family,
        const char *sex,
        const char *birth)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = make_beneficiary (family, "Ҷамшед", actor == f->caseworker ? "Dusti" : "Panj");

  hmr_beneficiary_set (b, HMR_BENEFICIARY_SEX, sex);
  hmr_beneficiary_set (b, HMR_BENEFICIARY_BIRTH_DATE, birth);
  g_assert_true (hmr_store_insert_beneficiary (f->store, actor, b, &error));
  g_assert_no_error (error);
  return g_strdup (hmr_beneficiary_get (b, HMR_BENEFICIARY_ID));
}

static char *
session (Fixture    *f,
         HmrActor   *actor,
         const char *district,
         const char *held_on)
{
  g_autoptr(GError) error = NULL;
  HmrSessionPlan p = { .district = district, .held_on = held_on, .module = "Нақшаи реинтегратсия" };
  char *id = hmr_store_plan_session (f->store, actor, &p, &error);

  g_assert_no_error (error);
  return id;
}

static void
attend (Fixture    *f,
        HmrActor   *actor,
        const char *session_id,
        const char *beneficiary_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = hmr_store_add_attendee (f->store, actor, session_id, beneficiary_id, &error);

  g_assert_no_error (error);
}

static void
fill (Fixture *f,
      People  *p)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *s1 = NULL, *s2 = NULL, *s3 = NULL, *w = NULL;
  g_autofree char *sql = NULL;
  HmrWalkIn walk_in = { "Зарина Қодирова", "female", "18_24", NULL };
  HmrSurveySpec spec = { .name = "Ноябр", .population = "attended", .from = "2026-11-01", .to = "2026-11-30",
                         .margin = 0.2, .seed = 1 };
  HmrSurveyAnswers answers;

  /* registered on 23.11.2026, the fixture's day */
  p->a = person (f, f->caseworker, "Раҳимов", "male", "1990-03-21");
  p->b = person (f, f->caseworker, "Саидова", "female", "2000-01-01");
  p->c = person (f, f->caseworker, "Назаров", "male", "1980-01-01");
  p->d = person (f, f->caseworker_panj, "Каримова", "female", "1995-05-05");

  s1 = session (f, f->caseworker, "Dusti", "2026-11-10");
  s2 = session (f, f->caseworker_panj, "Panj", "2026-11-12");
  s3 = session (f, f->caseworker, "Dusti", "2026-10-01");   /* before the period */
  attend (f, f->caseworker, s1, p->a);
  attend (f, f->caseworker, s1, p->b);
  w = hmr_store_add_walk_in (f->store, f->caseworker, s1, &walk_in, &error);
  g_assert_no_error (error);
  attend (f, f->caseworker_panj, s2, p->d);
  attend (f, f->caseworker, s3, p->c);

  /* referrals: two completed in 10 and 4 days, one overdue, one not yet due */
  sql = g_strdup_printf ("INSERT INTO referral (id, office_id, beneficiary_id, service_type, status, sent_on, "
                         "due_on, completed_on, created_at, updated_at) VALUES "
                         "('r1', '%1$s', '%3$s', 'legal_aid', 'completed', '2026-11-02', '2026-11-30', '2026-11-12', 'x', 'x'),"
                         "('r2', '%1$s', '%4$s', 'legal_aid', 'sent', '2026-11-05', '2026-11-15', NULL, 'x', 'x'),"
                         "('r3', '%1$s', '%4$s', 'employment', 'completed', '2026-11-03', '2026-11-20', '2026-11-07', 'x', 'x'),"
                         "('r4', '%2$s', '%5$s', 'employment', 'accepted', '2026-11-20', '2026-12-10', NULL, 'x', 'x')",
                         DUSTI_OFFICE, PANJ_OFFICE, p->a, p->b, p->d);
  exec_sql (f->path, sql);
  g_clear_pointer (&sql, g_free);

  /* WHO-5: a from 40 to 56, b from 60 to 64, c scored once; one follow-up still planned */
  sql = g_strdup_printf ("INSERT INTO follow_up (id, office_id, beneficiary_id, kind, status, due_on, done_on, "
                         "who5_score, created_at, updated_at) VALUES "
                         "('f1', '%1$s', '%2$s', 'phone', 'done', '2026-11-03', '2026-11-03', 40, 'x', 'x'),"
                         "('f2', '%1$s', '%2$s', 'phone', 'done', '2026-11-20', '2026-11-20', 56, 'x', 'x'),"
                         "('f3', '%1$s', '%3$s', 'phone', 'done', '2026-11-04', '2026-11-04', 60, 'x', 'x'),"
                         "('f4', '%1$s', '%3$s', 'phone', 'done', '2026-11-21', '2026-11-21', 64, 'x', 'x'),"
                         "('f5', '%1$s', '%4$s', 'phone', 'planned', '2026-11-25', NULL, NULL, 'x', 'x')",
                         DUSTI_OFFICE, p->a, p->b, p->c);
  exec_sql (f->path, sql);
  g_clear_pointer (&sql, g_free);

  /* a grant of 5,874 TJS approved and paid, and its signed handover */
  sql = g_strdup_printf ("INSERT INTO reintegration_grant (id, office_id, purpose, amount_requested, amount_approved, "
                         "status, created_at, updated_at) VALUES ('g1', '%1$s', 'Устохона', 587400, 587400, 'disbursed', 'x', 'x');"
                         "INSERT INTO grant_history (id, grant_id, at, to_state) VALUES "
                         "('h1', 'g1', '2026-11-06T10:00:00Z', 'approved'), ('h2', 'g1', '2026-09-01T10:00:00Z', 'submitted');"
                         "INSERT INTO disbursement (id, office_id, grant_id, tranche, paid_on, amount, method, created_at, "
                         "updated_at) VALUES ('d1', '%1$s', 'g1', 1, '2026-11-10', 587400, 'cash', 'x', 'x');"
                         "INSERT INTO handover (id, office_id, grant_id, beneficiary_id, handed_on, place, received_by, "
                         "status, signed_at, created_at, updated_at) VALUES ('v1', '%1$s', 'g1', '%2$s', '2026-11-15', "
                         "'Деҳаи Гулистон', 'Раҳимов', 'signed', '2026-11-15T12:00:00Z', 'x', 'x')",
                         DUSTI_OFFICE, p->a);
  exec_sql (f->path, sql);

  /* the survey: a, b and d attended in November; a and b answer, d is not reached */
  p->round = hmr_store_open_survey_round (f->store, f->supervisor, &spec, &error);
  g_assert_no_error (error);
  g_assert_true (hmr_store_draw_survey_sample (f->store, f->supervisor, p->round, &error));
  g_assert_no_error (error);
  hmr_survey_answers_init (&answers);
  answers.answered_on = "2026-11-25";
  answers.answers[HMR_SURVEY_KNOWS_JOB_AGENCIES] = 1;
  answers.answers[HMR_SURVEY_CHALLENGED_BAN] = 1;
  answers.answers[HMR_SURVEY_MORE_CONFIDENT] = 1;
  g_free (hmr_store_record_survey_response (f->store, f->caseworker, p->round, p->a, &answers, &error));
  g_assert_no_error (error);
  answers.answers[HMR_SURVEY_KNOWS_JOB_AGENCIES] = 0;
  answers.answers[HMR_SURVEY_CHALLENGED_BAN] = 0;
  g_free (hmr_store_record_survey_response (f->store, f->caseworker, p->round, p->b, &answers, &error));
  g_assert_no_error (error);
  hmr_survey_answers_init (&answers);
  answers.answered_on = "2026-11-26";
  answers.reached = FALSE;
  answers.not_reached_reason = "Рақам хато";
  g_free (hmr_store_record_survey_response (f->store, f->caseworker_panj, p->round, p->d, &answers, &error));
  g_assert_no_error (error);
}

static void
people_clear (People *p)
{
  g_free (p->a);
  g_free (p->b);
  g_free (p->c);
  g_free (p->d);
  g_free (p->round);
}

static const HmrReportQuery november = { "01.11.2026", "30.11.2026", NULL };

static void
test_indicators_by_hand (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrReport) r = NULL;
  People p = { 0 };
  const HmrReportDistrict *dusti, *panj;
  const HmrReportService *legal, *employment;

  fill (f, &p);
  r = hmr_store_compute_report (f->store, f->supervisor, &november, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (r->has_people);
  g_assert_true (r->has_grants);

  /* people registered, by sex and by age on the day they registered */
  g_assert_cmpuint (r->registered, ==, 4);
  g_assert_cmpuint (r->registered_by_sex[0], ==, 2);
  g_assert_cmpuint (r->registered_by_sex[1], ==, 2);
  g_assert_cmpuint (r->registered_by_age[HMR_AGE_25_34], ==, 2);
  g_assert_cmpuint (r->registered_by_age[HMR_AGE_35_44], ==, 1);
  g_assert_cmpuint (r->registered_by_age[HMR_AGE_45_54], ==, 1);

  /* sessions held in November and the people they reached (the walk-in too) */
  g_assert_cmpuint (r->sessions.n_sessions, ==, 2);
  g_assert_cmpuint (r->sessions.n_people, ==, 4);
  g_assert_cmpuint (r->sessions.n_female, ==, 3);
  g_assert_cmpuint (r->sessions.n_male, ==, 1);
  g_assert_cmpuint (r->sessions.n_walk_ins, ==, 1);
  g_assert_cmpuint (r->districts->len, ==, 2);
  dusti = g_ptr_array_index (r->districts, 0);
  panj = g_ptr_array_index (r->districts, 1);
  g_assert_cmpstr (dusti->district, ==, "Dusti");
  g_assert_cmpuint (dusti->registered[0], ==, 1);
  g_assert_cmpuint (dusti->registered[1], ==, 2);
  g_assert_cmpuint (dusti->sessions, ==, 1);
  g_assert_cmpuint (dusti->reached[0], ==, 2);
  g_assert_cmpuint (dusti->reached[1], ==, 1);
  g_assert_cmpuint (dusti->referrals_made, ==, 3);
  g_assert_cmpuint (dusti->referrals_completed, ==, 2);
  g_assert_cmpuint (panj->reached[0], ==, 1);

  /* referrals */
  g_assert_cmpuint (r->referrals_made, ==, 4);
  g_assert_cmpuint (r->referrals_completed, ==, 2);
  g_assert_cmpuint (r->referrals_overdue, ==, 1);
  g_assert_cmpfloat_with_epsilon (hmr_report_completion_rate (r), 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (r->median_days, 7, 1e-9);
  employment = g_ptr_array_index (r->services, 0);
  legal = g_ptr_array_index (r->services, 1);
  g_assert_cmpstr (legal->service, ==, "legal_aid");
  g_assert_cmpuint (legal->made, ==, 2);
  g_assert_cmpuint (legal->overdue, ==, 1);
  g_assert_cmpfloat_with_epsilon (legal->median_days, 10, 1e-9);
  g_assert_cmpfloat_with_epsilon (employment->median_days, 4, 1e-9);

  /* follow-ups and WHO-5 */
  g_assert_cmpuint (r->follow_ups_due, ==, 5);
  g_assert_cmpuint (r->follow_ups_done, ==, 4);
  g_assert_cmpuint (r->who5_people, ==, 2);
  g_assert_cmpfloat_with_epsilon (r->who5_first_mean, 50, 1e-9);
  g_assert_cmpfloat_with_epsilon (r->who5_last_mean, 60, 1e-9);
  g_assert_cmpuint (r->who5_improved, ==, 1);

  /* the survey: N = 3 attended, 2 of 3 reached; 1 of 2 knows agencies for jobs */
  g_assert_cmpuint (r->survey_population, ==, 3);
  g_assert_cmpuint (r->survey_called, ==, 3);
  g_assert_cmpuint (r->survey_reached, ==, 2);
  g_assert_cmpuint (r->survey[HMR_SURVEY_KNOWS_JOB_AGENCIES].yes, ==, 1);
  g_assert_cmpuint (r->survey[HMR_SURVEY_KNOWS_JOB_AGENCIES].n, ==, 2);
  g_assert_cmpfloat_with_epsilon (r->survey[HMR_SURVEY_KNOWS_JOB_AGENCIES].low, 0.150039, 1e-6);
  g_assert_cmpfloat_with_epsilon (r->survey[HMR_SURVEY_KNOWS_JOB_AGENCIES].high, 0.849961, 1e-6);
  g_assert_cmpuint (r->survey[HMR_SURVEY_MORE_CONFIDENT].yes, ==, 2);
  g_assert_cmpuint (r->survey[HMR_SURVEY_HAS_HEALTH_CONTACTS].n, ==, 0);
  g_assert_cmpuint (r->survey_any_action.yes, ==, 1);
  g_assert_cmpuint (r->survey_any_action.n, ==, 2);
  /* by sex: the man knows agencies for jobs, the woman does not; both more confident */
  g_assert_cmpuint (r->survey_by_sex[1][HMR_SURVEY_KNOWS_JOB_AGENCIES].yes, ==, 1);
  g_assert_cmpuint (r->survey_by_sex[1][HMR_SURVEY_KNOWS_JOB_AGENCIES].n, ==, 1);
  g_assert_cmpuint (r->survey_by_sex[0][HMR_SURVEY_KNOWS_JOB_AGENCIES].yes, ==, 0);
  g_assert_cmpuint (r->survey_by_sex[0][HMR_SURVEY_KNOWS_JOB_AGENCIES].n, ==, 1);
  g_assert_cmpfloat_with_epsilon (r->survey_by_sex[0][HMR_SURVEY_MORE_CONFIDENT].p, 1, 1e-9);
  g_assert_cmpuint (r->survey_any_action_by_sex[1].yes, ==, 1);
  g_assert_cmpuint (r->survey_any_action_by_sex[0].yes, ==, 0);
  g_assert_cmpuint (r->survey_any_action_by_sex[0].n, ==, 1);

  /* grants and handovers */
  g_assert_cmpuint (r->grants_approved, ==, 1);
  g_assert_cmpint (r->amount_approved, ==, 587400);
  g_assert_cmpuint (r->grants_disbursed, ==, 1);
  g_assert_cmpint (r->amount_disbursed, ==, 587400);
  g_assert_cmpuint (r->grants_verified, ==, 0);
  g_assert_cmpuint (r->handovers_signed, ==, 1);

  people_clear (&p);
}

static void
test_scope_follows_roles (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrReport) mine = NULL;
  g_autoptr(HmrReport) finance = NULL;
  g_autoptr(HmrReport) panj = NULL;
  g_autoptr(HmrReport) none = NULL;
  HmrReportQuery q = november;
  People p = { 0 };

  fill (f, &p);
  mine = hmr_store_compute_report (f->store, f->caseworker, &november, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mine->registered, ==, 3);
  g_assert_cmpuint (mine->sessions.n_people, ==, 3);
  g_assert_cmpuint (mine->referrals_made, ==, 3);
  g_assert_cmpuint (mine->survey_called, ==, 2);
  /* part of a population: no finite-population correction claimed */
  g_assert_cmpuint (mine->survey_population, ==, 0);

  finance = hmr_store_compute_report (f->store, f->finance, &november, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (finance->has_people);
  g_assert_cmpuint (finance->registered, ==, 0);
  g_assert_cmpuint (finance->grants_approved, ==, 1);

  q.district = "Panj";
  panj = hmr_store_compute_report (f->store, f->supervisor, &q, NULL, &error);
  g_assert_cmpuint (panj->registered, ==, 1);
  g_assert_cmpuint (panj->grants_approved, ==, 0);

  none = hmr_store_compute_report (f->store, f->admin, &november, NULL, &error);
  g_assert_null (none);
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);

  q.district = NULL;
  q.to = "2026-10-01";
  g_assert_null (hmr_store_compute_report (f->store, f->supervisor, &q, NULL, &error));
  g_assert_nonnull (strstr (error->message, "Period"));
  people_clear (&p);
}

/* Sheet names, the People sheet's total row, the Survey sheet's first
 * share, and the charts in the file */
static const char read_script[] =
  "import sys, zipfile, openpyxl\n"
  "wb = openpyxl.load_workbook(sys.argv[1])\n"
  "print('|'.join(ws.title for ws in wb.worksheets))\n"
  "ws = wb.worksheets[1]\n"
  "last = [r for r in ws.iter_rows(values_only=True) if r[0] == 'Total'][0]\n"
  "print('|'.join(str(int(v)) for v in last[1:]))\n"
  "print(round(wb['Survey'].cell(row=2, column=2).value, 6))\n"
  "names = zipfile.ZipFile(sys.argv[1]).namelist()\n"
  "print(len([n for n in names if n.startswith('xl/charts/chart')]))\n";

static void
test_donor_workbook_read_back (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "donor.xlsx", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  int status = 0;
  People p = { 0 };
  const char *argv[] = { "/usr/bin/python3", "-c", read_script, path, NULL };

  fill (f, &p);
  g_assert_true (hmr_export_donor_report (f->store, f->supervisor, &november, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("openpyxl could not read %s: %s", path, err);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "Summary|People by district|Age groups|Referrals|Survey|Grants");
  /* registered F, M, all; sessions; reached F, M, all: the database's */
  g_assert_cmpstr (lines[1], ==, "2|2|4|2|3|1|4");
  g_assert_cmpstr (lines[2], ==, "0.5");
  /* people by district, age groups, referrals, survey, grants */
  g_assert_cmpstr (lines[3], ==, "5");
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE action = 'export' "
                                        "AND entity = 'report'"), ==, 1);
  g_unlink (path);
  people_clear (&p);
}

static void
test_donor_workbook_cancelled (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = g_build_filename (f->dir, "donor.xlsx", NULL);

  g_cancellable_cancel (cancellable);
  g_assert_false (hmr_export_donor_report (f->store, f->supervisor, &november, path, cancellable, NULL, NULL,
                                           &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Every figure's list of people adds up to the figure, walk-ins by name */
static void
test_people_behind_figures (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrReport) r = NULL;
  g_autoptr(GPtrArray) reached = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GPtrArray) women = NULL;
  g_autoptr(GPtrArray) panj = NULL;
  HmrReportQuery q = november;
  gboolean walk_in_found = FALSE;
  People p = { 0 };

  fill (f, &p);
  r = hmr_store_compute_report (f->store, f->supervisor, &november, NULL, &error);
  g_assert_no_error (error);
  for (guint fig = 0; fig < HMR_REPORT_N_FIGURES; fig++)
    {
      g_autoptr(GPtrArray) people = hmr_store_list_report_people (f->store, f->supervisor, &november, fig,
                                                                  NULL, 0, NULL, &error);
      guint sum = 0;

      g_assert_no_error (error);
      for (guint i = 0; i < people->len; i++)
        sum += ((HmrReportPerson *) g_ptr_array_index (people, i))->count;
      if (sum != hmr_report_get_figure (r, fig))
        g_error ("%s: the list adds up to %u, the figure is %u", hmr_report_figure_get_label (fig), sum,
                 hmr_report_get_figure (r, fig));
    }

  /* the walk-in is there by the name she gave, without a case number */
  reached = hmr_store_list_report_people (f->store, f->supervisor, &november, HMR_REPORT_FIGURE_REACHED,
                                          NULL, 0, NULL, &error);
  g_assert_cmpuint (reached->len, ==, 4);
  for (guint i = 0; i < reached->len; i++)
    {
      HmrReportPerson *person = g_ptr_array_index (reached, i);
      if (g_strcmp0 (person->name, "Зарина Қодирова") == 0)
        {
          walk_in_found = TRUE;
          g_assert_null (person->beneficiary_id);
          g_assert_null (person->case_number);
          g_assert_cmpstr (person->sex, ==, "female");
        }
      else
        g_assert_nonnull (person->case_number);
    }
  g_assert_true (walk_in_found);

  /* the overdue referral is Саидова's */
  overdue = hmr_store_list_report_people (f->store, f->supervisor, &november, HMR_REPORT_FIGURE_REFERRALS_OVERDUE,
                                          NULL, 0, NULL, &error);
  g_assert_cmpuint (overdue->len, ==, 1);
  g_assert_cmpstr (((HmrReportPerson *) g_ptr_array_index (overdue, 0))->beneficiary_id, ==, p.b);

  /* a bar of the district chart: women registered; Panj's people */
  women = hmr_store_list_report_people (f->store, f->supervisor, &november, HMR_REPORT_FIGURE_REGISTERED,
                                        "female", 0, NULL, &error);
  g_assert_cmpuint (women->len, ==, 2);
  q.district = "Panj";
  panj = hmr_store_list_report_people (f->store, f->supervisor, &q, HMR_REPORT_FIGURE_REGISTERED,
                                       NULL, 0, NULL, &error);
  g_assert_cmpuint (panj->len, ==, 1);
  g_assert_cmpstr (((HmrReportPerson *) g_ptr_array_index (panj, 0))->beneficiary_id, ==, p.d);
  people_clear (&p);
}

static void
test_people_follow_roles (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(GPtrArray) first = NULL;
  People p = { 0 };

  fill (f, &p);
  /* a caseworker sees their office's people only */
  mine = hmr_store_list_report_people (f->store, f->caseworker, &november, HMR_REPORT_FIGURE_REGISTERED,
                                       NULL, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mine->len, ==, 3);
  for (guint i = 0; i < mine->len; i++)
    g_assert_cmpstr (((HmrReportPerson *) g_ptr_array_index (mine, i))->beneficiary_id, !=, p.d);
  /* a long list is cut where it was asked to be */
  first = hmr_store_list_report_people (f->store, f->supervisor, &november, HMR_REPORT_FIGURE_REGISTERED,
                                        NULL, 2, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 2);

  /* finance reads the grant figures, not the people; administrators nothing */
  g_assert_null (hmr_store_list_report_people (f->store, f->finance, &november, HMR_REPORT_FIGURE_REGISTERED,
                                               NULL, 0, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_null (hmr_store_list_report_people (f->store, f->admin, &november, HMR_REPORT_FIGURE_REACHED,
                                               NULL, 0, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  people_clear (&p);
}

/* The line of the Reports area: October and November, month by month */
static void
test_month_by_month (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrReport) r = NULL;
  const HmrReportQuery autumn = { "01.10.2026", "30.11.2026", NULL };
  const HmrReportMonth *october, *november_row;
  People p = { 0 };

  fill (f, &p);
  r = hmr_store_compute_report (f->store, f->supervisor, &autumn, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (r->months->len, ==, 2);
  october = &g_array_index (r->months, HmrReportMonth, 0);
  november_row = &g_array_index (r->months, HmrReportMonth, 1);
  g_assert_cmpstr (october->month, ==, "2026-10");
  g_assert_cmpuint (october->registered, ==, 0);
  g_assert_cmpuint (october->reached, ==, 1);
  g_assert_cmpstr (november_row->month, ==, "2026-11");
  g_assert_cmpuint (november_row->registered, ==, 4);
  g_assert_cmpuint (november_row->reached, ==, 4);
  g_assert_cmpuint (october->reached + november_row->reached, ==, r->sessions.n_people);
  people_clear (&p);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/report/indicators/match-a-database-made-by-hand", test_indicators_by_hand);
  ADD ("/report/scope/office-district-and-finance", test_scope_follows_roles);
  ADD ("/report/donor-workbook/read-back-with-openpyxl", test_donor_workbook_read_back);
  ADD ("/report/donor-workbook/cancelled-leaves-nothing", test_donor_workbook_cancelled);
  ADD ("/report/people/lists-add-up-to-every-figure", test_people_behind_figures);
  ADD ("/report/people/follow-the-role-table", test_people_follow_roles);
  ADD ("/report/months/registered-and-reached-month-by-month", test_month_by_month);
#undef ADD

  return g_test_run ();
}
