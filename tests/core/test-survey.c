/* test-survey.c — outcome surveys: sample size and confidence intervals
 * against figures worked out by hand, the seeded draw, rounds, call lists,
 * responses and the response rate, the role table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-session.h"
#include "hmr-survey.h"
#include "hmr-test-util.h"

static void
test_sample_size (void)
{
  /* n₀ = 1.96² · ¼ / 0.05² = 384.15; n = n₀ / (1 + (n₀ − 1)/N), rounded up */
  g_assert_cmpuint (hmr_survey_sample_size (4000, 0.95, 0.05), ==, 351);   /* the leaflet's survey */
  g_assert_cmpuint (hmr_survey_sample_size (1000, 0.95, 0.05), ==, 278);
  g_assert_cmpuint (hmr_survey_sample_size (100, 0.95, 0.05), ==, 80);
  g_assert_cmpuint (hmr_survey_sample_size (10, 0.95, 0.05), ==, 10);     /* everyone */
  g_assert_cmpuint (hmr_survey_sample_size (1, 0.95, 0.05), ==, 1);
  g_assert_cmpuint (hmr_survey_sample_size (0, 0.95, 0.05), ==, 0);
  g_assert_cmpuint (hmr_survey_sample_size (4000, 0.99, 0.05), ==, 570);
  g_assert_cmpuint (hmr_survey_sample_size (4000, 0.90, 0.05), ==, 254);
  g_assert_cmpuint (hmr_survey_sample_size (12, 0.95, 0.2), ==, 9);
  g_assert_cmpfloat_with_epsilon (hmr_survey_z (0.95), 1.959964, 1e-6);
}

static void
test_interval (void)
{
  HmrProportion p;

  /* 241 of the leaflet's 365 know agencies for jobs (66%), N = 4,000 */
  hmr_proportion_compute (&p, 241, 365, 4000, 0.95);
  g_assert_cmpfloat_with_epsilon (p.p, 0.660274, 1e-6);
  g_assert_cmpfloat_with_epsilon (p.low, 0.612626, 1e-6);
  g_assert_cmpfloat_with_epsilon (p.high, 0.704884, 1e-6);
  /* without the correction the interval is wider */
  hmr_proportion_compute (&p, 241, 365, 0, 0.95);
  g_assert_cmpfloat_with_epsilon (p.low, 0.610242, 1e-6);
  g_assert_cmpfloat_with_epsilon (p.high, 0.706968, 1e-6);
  /* a small population: 5 of 10 drawn from 20 */
  hmr_proportion_compute (&p, 5, 10, 20, 0.95);
  g_assert_cmpfloat_with_epsilon (p.low, 0.294952, 1e-6);
  g_assert_cmpfloat_with_epsilon (p.high, 0.705048, 1e-6);
  /* everyone asked: no uncertainty left */
  hmr_proportion_compute (&p, 7, 10, 10, 0.95);
  g_assert_cmpfloat_with_epsilon (p.low, 0.7, 1e-9);
  g_assert_cmpfloat_with_epsilon (p.high, 0.7, 1e-9);
  /* none: the interval still reaches up */
  hmr_proportion_compute (&p, 0, 10, 0, 0.95);
  g_assert_cmpfloat_with_epsilon (p.low, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (p.high, 0.277533, 1e-6);
}

static void
test_draw_reproducible (void)
{
  g_autoptr(GArray) a = hmr_survey_draw (4000, 351, 20261207);
  g_autoptr(GArray) b = hmr_survey_draw (4000, 351, 20261207);
  g_autoptr(GArray) c = hmr_survey_draw (4000, 351, 20261208);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  g_assert_cmpuint (a->len, ==, 351);
  g_assert_cmpmem (a->data, a->len * sizeof (guint), b->data, b->len * sizeof (guint));
  g_assert_true (memcmp (a->data, c->data, a->len * sizeof (guint)) != 0);
  for (guint i = 0; i < a->len; i++)
    {
      guint v = g_array_index (a, guint, i);
      g_assert_cmpuint (v, <, 4000);
      g_assert_false (g_hash_table_contains (seen, GUINT_TO_POINTER (v + 1)));
      g_hash_table_add (seen, GUINT_TO_POINTER (v + 1));
    }
}

/* Eight people at a Dusti session and four at a Panj one, in November */
static void
fill (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  HmrSessionPlan dusti = { .district = "Dusti", .held_on = "2026-11-10", .module = "Кор" };
  HmrSessionPlan panj = { .district = "Panj", .held_on = "2026-11-12", .module = "Кор" };
  g_autofree char *s1 = hmr_store_plan_session (f->store, f->caseworker, &dusti, &error);
  g_autofree char *s2 = hmr_store_plan_session (f->store, f->caseworker_panj, &panj, &error);
  static const char * const families[] = { "Раҳимов", "Каримов", "Саидов", "Назаров", "Олимов", "Шарипов",
                                           "Юсупов", "Ҳакимов", "Мирзоев", "Азизов", "Ғафуров", "Бобоев" };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    {
      HmrActor *cw = i < 8 ? f->caseworker : f->caseworker_panj;
      g_autoptr(HmrBeneficiary) b = make_beneficiary (families[i], "Ҷамшед", i < 8 ? "Dusti" : "Panj");
      g_autofree char *att = NULL;

      g_assert_true (hmr_store_insert_beneficiary (f->store, cw, b, &error));
      att = hmr_store_add_attendee (f->store, cw, i < 8 ? s1 : s2, hmr_beneficiary_get (b, HMR_BENEFICIARY_ID),
                                    &error);
      g_assert_no_error (error);
    }
  /* someone registered but never at a session */
  {
    g_autoptr(HmrBeneficiary) b = make_beneficiary ("Исмоилов", "Рустам", "Dusti");
    g_assert_true (hmr_store_insert_beneficiary (f->store, f->caseworker, b, &error));
  }
}

static char *
open_round (Fixture  *f,
            gboolean  stratified,
            guint64   seed)
{
  g_autoptr(GError) error = NULL;
  HmrSurveySpec spec = {
    .name = "Пурсиши телефонӣ", .population = "attended", .from = "01.11.2026", .to = "30.11.2026",
    .confidence = 0.95, .margin = 0.2, .seed = seed, .stratified = stratified,
  };
  char *id = hmr_store_open_survey_round (f->store, f->supervisor, &spec, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

static GPtrArray *
sampled (Fixture    *f,
         const char *round_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *calls = hmr_store_list_survey_calls (f->store, f->supervisor, round_id, &error);

  g_assert_no_error (error);
  return calls;
}

static void
test_round_sample_and_calls (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autoptr(HmrSurveyRound) round = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  HmrSurveySpec spec = { .population = "attended", .from = "2026-11-01", .to = "2026-11-30" };
  guint population = 0;

  fill (f);
  g_assert_true (hmr_store_count_survey_population (f->store, f->supervisor, &spec, &population, &error));
  g_assert_cmpuint (population, ==, 12);
  spec.population = "registered";
  g_assert_true (hmr_store_count_survey_population (f->store, f->supervisor, &spec, &population, &error));
  g_assert_cmpuint (population, ==, 13);

  id = open_round (f, FALSE, 42);
  round = hmr_store_get_survey_round (f->store, f->supervisor, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (round->population, ==, 12);
  g_assert_cmpuint (round->sample_size, ==, 9);
  g_assert_null (round->sampled_at);
  g_clear_pointer (&round, hmr_survey_round_free);

  g_assert_true (hmr_store_draw_survey_sample (f->store, f->supervisor, id, &error));
  g_assert_no_error (error);
  round = hmr_store_get_survey_round (f->store, f->supervisor, id, &error);
  g_assert_cmpuint (round->n_sampled, ==, 9);
  g_assert_nonnull (round->sampled_at);

  /* once only */
  g_assert_false (hmr_store_draw_survey_sample (f->store, f->supervisor, id, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM survey_sample"), ==, 9);

  /* each person is on their caseworker's list; the Dusti caseworker sees Dusti's only */
  all = sampled (f, id);
  g_assert_cmpuint (all->len, ==, 9);
  mine = hmr_store_list_survey_calls (f->store, f->caseworker, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mine->len, >, 0);
  g_assert_cmpuint (mine->len, <, 9);
  for (guint i = 0; i < mine->len; i++)
    {
      HmrSurveyCall *c = g_ptr_array_index (mine, i);
      g_assert_cmpstr (c->district, ==, "Dusti");
      g_assert_cmpstr (c->assigned_to, ==, f->caseworker->user_id);
      g_assert_null (c->response_id);
    }
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE entity = 'survey_round'"), ==, 2);
}

static void
test_same_seed_same_people (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autoptr(GPtrArray) ca = NULL;
  g_autoptr(GPtrArray) cb = NULL;
  g_autoptr(GPtrArray) cc = NULL;
  gboolean differs = FALSE;

  fill (f);
  a = open_round (f, FALSE, 7);
  b = open_round (f, FALSE, 7);
  c = open_round (f, FALSE, 8);
  g_assert_true (hmr_store_draw_survey_sample (f->store, f->supervisor, a, &error));
  g_assert_true (hmr_store_draw_survey_sample (f->store, f->supervisor, b, &error));
  g_assert_true (hmr_store_draw_survey_sample (f->store, f->supervisor, c, &error));
  g_assert_no_error (error);
  ca = sampled (f, a);
  cb = sampled (f, b);
  cc = sampled (f, c);
  for (guint i = 0; i < ca->len; i++)
    {
      const char *ia = ((HmrSurveyCall *) g_ptr_array_index (ca, i))->beneficiary_id;
      g_assert_cmpstr (ia, ==, ((HmrSurveyCall *) g_ptr_array_index (cb, i))->beneficiary_id);
      differs |= g_strcmp0 (ia, ((HmrSurveyCall *) g_ptr_array_index (cc, i))->beneficiary_id) != 0;
    }
  g_assert_true (differs);
}

static void
test_stratified (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  guint dusti = 0, panj = 0;

  fill (f);
  id = open_round (f, TRUE, 99);
  g_assert_true (hmr_store_draw_survey_sample (f->store, f->supervisor, id, &error));
  g_assert_no_error (error);
  calls = sampled (f, id);
  g_assert_cmpuint (calls->len, ==, 9);
  /* 9 of 12 in proportion: 8 → 6 from Dusti, 4 → 3 from Panj */
  for (guint i = 0; i < calls->len; i++)
    {
      HmrSurveyCall *c = g_ptr_array_index (calls, i);
      g_assert_cmpstr (c->stratum, ==, c->district);
      if (g_strcmp0 (c->district, "Dusti") == 0)
        dusti++;
      else
        panj++;
    }
  g_assert_cmpuint (dusti, ==, 6);
  g_assert_cmpuint (panj, ==, 3);
}

static void
test_responses_and_rate (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(HmrSurveyRound) round = NULL;
  g_autofree char *r1 = NULL, *r2 = NULL, *r3 = NULL;
  g_autofree char *other = NULL;
  g_autofree char *outsider = NULL;
  HmrSurveyAnswers a, back;
  const char *first, *second;

  fill (f);
  id = open_round (f, FALSE, 42);
  g_assert_true (hmr_store_draw_survey_sample (f->store, f->supervisor, id, &error));
  mine = hmr_store_list_survey_calls (f->store, f->caseworker, id, &error);
  g_assert_cmpuint (mine->len, >=, 2);
  first = ((HmrSurveyCall *) g_ptr_array_index (mine, 0))->beneficiary_id;
  second = ((HmrSurveyCall *) g_ptr_array_index (mine, 1))->beneficiary_id;

  /* reached: the questions of DESIGN §4 */
  hmr_survey_answers_init (&a);
  a.answered_on = "2026-11-25";
  a.answers[HMR_SURVEY_KNOWS_JOB_AGENCIES] = 1;
  a.answers[HMR_SURVEY_HAS_HEALTH_CONTACTS] = 0;
  a.answers[HMR_SURVEY_CHALLENGED_BAN] = 1;
  a.answers[HMR_SURVEY_OTHER_ACTION] = 1;
  a.answers[HMR_SURVEY_MORE_CONFIDENT] = 1;
  g_assert_null (hmr_store_record_survey_response (f->store, f->caseworker, id, first, &a, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Other action"));
  g_clear_error (&error);
  a.other_action = "Ба курси ронандагӣ дохил шуд";
  r1 = hmr_store_record_survey_response (f->store, f->caseworker, id, first, &a, &error);
  g_assert_no_error (error);
  g_assert_true (hmr_store_get_survey_response (f->store, f->supervisor, id, first, &back, &other, NULL, &error));
  g_assert_true (back.reached);
  g_assert_cmpint (back.answers[HMR_SURVEY_KNOWS_JOB_AGENCIES], ==, 1);
  g_assert_cmpint (back.answers[HMR_SURVEY_HAS_HEALTH_CONTACTS], ==, 0);
  g_assert_cmpint (back.answers[HMR_SURVEY_KNOWS_LEGAL_OPTIONS], ==, -1);
  g_assert_cmpint (back.answers[HMR_SURVEY_OTHER_ACTION], ==, 1);
  g_assert_cmpstr (other, ==, "Ба курси ронандагӣ дохил шуд");

  /* once */
  g_assert_null (hmr_store_record_survey_response (f->store, f->caseworker, id, first, &a, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* not reached needs a reason; a later call that reaches them replaces it */
  hmr_survey_answers_init (&a);
  a.reached = FALSE;
  g_assert_null (hmr_store_record_survey_response (f->store, f->caseworker, id, second, &a, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Reason"));
  g_clear_error (&error);
  a.not_reached_reason = "Телефон хомӯш аст";
  r2 = hmr_store_record_survey_response (f->store, f->caseworker, id, second, &a, &error);
  g_assert_no_error (error);
  round = hmr_store_get_survey_round (f->store, f->supervisor, id, &error);
  g_assert_cmpuint (round->n_called, ==, 2);
  g_assert_cmpuint (round->n_reached, ==, 1);
  g_assert_cmpfloat_with_epsilon (hmr_survey_round_response_rate (round), 1.0 / 9, 1e-9);
  g_clear_pointer (&round, hmr_survey_round_free);

  hmr_survey_answers_init (&a);
  a.answers[HMR_SURVEY_RELATIONSHIPS_BETTER] = 1;
  r3 = hmr_store_record_survey_response (f->store, f->caseworker, id, second, &a, &error);
  g_assert_no_error (error);
  round = hmr_store_get_survey_round (f->store, f->supervisor, id, &error);
  g_assert_cmpuint (round->n_called, ==, 2);
  g_assert_cmpuint (round->n_reached, ==, 2);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM survey_response"), ==, 3);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM survey_response WHERE deleted_at IS NULL"), ==, 2);

  /* only people drawn are asked; a Panj caseworker records Panj's calls only */
  {
    g_autoptr(HmrBeneficiary) b = make_beneficiary ("Исмоилова", "Нигора", "Dusti");
    g_assert_true (hmr_store_insert_beneficiary (f->store, f->caseworker, b, &error));
    outsider = g_strdup (hmr_beneficiary_get (b, HMR_BENEFICIARY_ID));
  }
  hmr_survey_answers_init (&a);
  g_assert_null (hmr_store_record_survey_response (f->store, f->caseworker, id, outsider, &a, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (hmr_store_record_survey_response (f->store, f->caseworker_panj, id, first, &a, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
}

static void
test_roles (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  HmrSurveySpec spec = { .name = "Даври дуюм", .population = "registered", .from = "2026-01-01", .to = "2026-12-31" };
  HmrSurveyAnswers a;

  fill (f);
  /* caseworkers, finance and admin open no rounds */
  g_assert_null (hmr_store_open_survey_round (f->store, f->caseworker, &spec, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_null (hmr_store_open_survey_round (f->store, f->finance, &spec, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  id = hmr_store_open_survey_round (f->store, f->supervisor, &spec, &error);
  g_assert_no_error (error);
  g_assert_false (hmr_store_draw_survey_sample (f->store, f->caseworker, id, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (hmr_store_draw_survey_sample (f->store, f->supervisor, id, &error));
  /* the supervisor reads; caseworkers record */
  hmr_survey_answers_init (&a);
  {
    g_autoptr(GPtrArray) calls = sampled (f, id);
    const char *someone = ((HmrSurveyCall *) g_ptr_array_index (calls, 0))->beneficiary_id;
    g_assert_null (hmr_store_record_survey_response (f->store, f->supervisor, id, someone, &a, &error));
    g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
    g_clear_error (&error);
  }
  g_assert_null (hmr_store_list_survey_rounds (f->store, f->finance, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);

  /* bad input names the field */
  spec.margin = 0.5;
  g_assert_null (hmr_store_open_survey_round (f->store, f->supervisor, &spec, &error));
  g_assert_nonnull (strstr (error->message, "Margin of error"));
  g_clear_error (&error);
  spec.margin = 0;
  spec.to = "2025-01-01";
  g_assert_null (hmr_store_open_survey_round (f->store, f->supervisor, &spec, &error));
  g_assert_nonnull (strstr (error->message, "Period"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/survey/sample-size/finite-population-correction", test_sample_size);
  g_test_add_func ("/survey/interval/wilson-with-finite-population-correction", test_interval);
  g_test_add_func ("/survey/draw/reproducible-from-seed", test_draw_reproducible);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/survey/round/sample-drawn-once-onto-call-lists", test_round_sample_and_calls);
  ADD ("/survey/round/same-seed-same-people", test_same_seed_same_people);
  ADD ("/survey/round/stratified-by-district", test_stratified);
  ADD ("/survey/response/answers-not-reached-and-rate", test_responses_and_rate);
  ADD ("/survey/roles/supervisor-opens-caseworker-records", test_roles);
#undef ADD

  return g_test_run ();
}
