/* test-referral-board.c — the supervisors' referral board: overdue at
 * local midnight, overdue first, filters that combine, counts, scope
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-referral-board.h"
#include "referral-test-util.h"

/* ---- overdue ---------------------------------------------------------- */

static int
board_days_overdue (Fixture    *f,
                    const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = hmr_store_query_referral_ids (f->store, f->supervisor, NULL, NULL, &error);
  g_autoptr(GPtrArray) rows = hmr_store_load_referral_rows (f->store, f->supervisor,
                                                            (gint64 *) ids->data, ids->len, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      HmrReferralRow *row = g_ptr_array_index (rows, i);
      if (g_strcmp0 (hmr_referral_row_get (row, HMR_REFERRAL_ROW_ID), id) == 0)
        {
          g_assert_cmpint (hmr_referral_row_get_overdue (row), ==, hmr_referral_row_get_days_overdue (row) > 0);
          return hmr_referral_row_get_days_overdue (row);
        }
    }
  g_assert_not_reached ();
}

static guint
n_overdue (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  HmrReferralQuery q = { .overdue_only = TRUE };
  g_autoptr(GArray) ids = hmr_store_query_referral_ids (f->store, f->supervisor, &q, NULL, &error);
  HmrReferralCounts counts;

  g_assert_no_error (error);
  g_assert_true (hmr_store_count_referrals (f->store, f->supervisor, NULL, &counts, &error));
  g_assert_cmpuint (counts.overdue, ==, ids->len);
  return ids->len;
}

static void
test_overdue_at_local_midnight_across_month_end (Fixture       *f,
                                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrReferral) r = NULL;
  g_autofree char *person = register_person (f, f->caseworker, "Юсупов", "Dusti", TRUE);
  g_autofree char *provider = add_provider (f, "Dusti District Hospital", "health,legal_aid,employment", "Dusti", NULL);
  g_autofree char *health = NULL;
  g_autofree char *legal = NULL;
  g_autofree char *job = NULL;
  GDate today;

  g_assert_cmpstr (g_getenv ("TZ"), ==, "Asia/Dushanbe");

  /* health: seven days; sent 24 January late in the evening, local time
   * (18:30 UTC): the local date counts */
  set_local_now (f, 2026, 1, 24, 23, 30);
  health = new_referral (f, f->caseworker, person, provider, "health", FALSE);
  move (f, f->caseworker, health, "sent");
  r = hmr_store_get_referral (f->store, f->caseworker, health, &error);
  g_assert_cmpstr (r->sent_on, ==, "2026-01-24");
  g_assert_cmpstr (r->due_on, ==, "2026-01-31");

  /* legal aid: fourteen days across the month end */
  set_local_now (f, 2026, 1, 25, 8, 0);
  legal = new_referral (f, f->caseworker, person, provider, "legal_aid", FALSE);
  move (f, f->caseworker, legal, "sent");
  g_clear_pointer (&r, hmr_referral_free);
  r = hmr_store_get_referral (f->store, f->caseworker, legal, &error);
  g_assert_cmpstr (r->due_on, ==, "2026-02-08");

  /* the last minute of the due day, local time: not overdue */
  set_local_now (f, 2026, 1, 31, 23, 59);
  g_assert_cmpint (board_days_overdue (f, health), ==, 0);
  g_assert_cmpuint (n_overdue (f), ==, 0);

  /* local midnight (19:00 UTC the same day): overdue by one day */
  set_local_now (f, 2026, 2, 1, 0, 0);
  g_assert_cmpint (board_days_overdue (f, health), ==, 1);
  g_assert_cmpuint (n_overdue (f), ==, 1);

  /* employment: ten days from 20 February runs into March (not a leap year) */
  set_local_now (f, 2026, 2, 20, 12, 0);
  job = new_referral (f, f->caseworker, person, provider, "employment", FALSE);
  move (f, f->caseworker, job, "sent");
  g_clear_pointer (&r, hmr_referral_free);
  r = hmr_store_get_referral (f->store, f->caseworker, job, &error);
  g_assert_cmpstr (r->due_on, ==, "2026-03-02");
  set_local_now (f, 2026, 3, 2, 23, 59);
  g_assert_cmpint (board_days_overdue (f, job), ==, 0);
  set_local_now (f, 2026, 3, 3, 0, 0);
  g_assert_cmpint (board_days_overdue (f, job), ==, 1);
  g_assert_cmpint (board_days_overdue (f, health), ==, 31);   /* 31 Jan → 3 Mar */
  g_assert_cmpint (board_days_overdue (f, legal), ==, 23);    /* 8 Feb → 3 Mar */

  /* an answer takes it off the overdue list; accepted gets a new due date */
  move (f, f->caseworker, health, "accepted");
  g_assert_cmpint (board_days_overdue (f, health), ==, 0);
  move (f, f->caseworker, legal, "no_response");
  g_assert_cmpint (board_days_overdue (f, legal), ==, 0);
  g_assert_cmpuint (n_overdue (f), ==, 1);

  /* the rule itself, on plain dates */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, 3, 2028);
  g_assert_true (hmr_referral_is_overdue ("accepted", "2028-02-29", &today, NULL));
  g_assert_false (hmr_referral_is_overdue ("accepted", "2028-03-01", &today, NULL));
  g_assert_false (hmr_referral_is_overdue ("completed", "2028-01-01", &today, NULL));
  g_assert_false (hmr_referral_is_overdue ("draft", NULL, &today, NULL));
}

/* ---- the board -------------------------------------------------------- */

typedef struct
{
  char *id;
  const char *district;
  char *provider;
  const char *service;
  const char *status;
  const char *caseworker;
  int age;               /* days since sent, -1 when not sent */
} Made;

static void
made_free (Made *m)
{
  g_free (m->id);
  g_free (m->provider);
  g_free (m);
}

static gboolean
made_matches (const Made             *m,
              const HmrReferralQuery *q)
{
  return (q->district == NULL || g_strcmp0 (q->district, m->district) == 0) &&
         (q->provider_id == NULL || g_strcmp0 (q->provider_id, m->provider) == 0) &&
         (q->service_type == NULL || g_strcmp0 (q->service_type, m->service) == 0) &&
         (q->caseworker_id == NULL || g_strcmp0 (q->caseworker_id, m->caseworker) == 0) &&
         (q->status == NULL || g_strcmp0 (q->status, m->status) == 0) &&
         (q->min_age_days == 0 || (m->age >= 0 && (guint) m->age >= q->min_age_days)) &&
         (q->max_age_days == 0 || (m->age >= 0 && (guint) m->age <= q->max_age_days));
}

static int
compare_ptr_strings (gconstpointer a,
                     gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static char *
ids_of (Fixture                *f,
        const HmrReferralQuery *q)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = hmr_store_query_referral_ids (f->store, f->supervisor, q, NULL, &error);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_assert_no_error (error);
  rows = hmr_store_load_referral_rows (f->store, f->supervisor, (gint64 *) ids->data, ids->len, &error);
  g_assert_cmpuint (rows->len, ==, ids->len);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (names, (char *) hmr_referral_row_get (g_ptr_array_index (rows, i), HMR_REFERRAL_ROW_ID));
  g_ptr_array_sort (names, compare_ptr_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (",", (char **) names->pdata);
}

/* Two districts × two providers × two services × three states, sent on
 * different days; every combination of filters gives exactly the
 * referrals that match all of them. */
static void
test_board_filters_combine (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func ((GDestroyNotify) made_free);
  g_autofree char *p_dusti = add_provider (f, "Hamkori Dusti", "legal_aid,health", "Dusti", "*");
  g_autofree char *p_panj = add_provider (f, "Panj Legal Clinic", "legal_aid,health", "Panj", "Dusti");
  g_autofree char *b_dusti = register_person (f, f->caseworker, "Раҳимов", "Dusti", TRUE);
  g_autofree char *b_panj = register_person (f, f->caseworker_panj, "Шарипов", "Panj", TRUE);
  const char *districts[] = { NULL, "Dusti", "Panj" };
  const char *providers[] = { NULL, p_dusti, p_panj };
  const char *services[] = { NULL, "legal_aid", "health" };
  const char *statuses[] = { NULL, "draft", "sent", "accepted" };
  const char *caseworkers[] = { NULL, f->caseworker->user_id, f->caseworker_panj->user_id };
  const guint ages[][2] = { { 0, 0 }, { 5, 0 }, { 0, 4 }, { 3, 6 } };
  guint day = 0, checked = 0;

  for (guint d = 1; d < 3; d++)
    for (guint p = 1; p < 3; p++)
      for (guint s = 1; s < 3; s++)
        for (guint st = 1; st < 4; st++)
          {
            Made *m = g_new0 (Made, 1);
            HmrActor *cw = d == 1 ? f->caseworker : f->caseworker_panj;

            set_local_now (f, 2026, 3, 1 + day, 10, 0);
            m->id = new_referral (f, cw, d == 1 ? b_dusti : b_panj, providers[p], services[s], FALSE);
            m->district = districts[d];
            m->provider = g_strdup (providers[p]);
            m->service = services[s];
            m->status = statuses[st];
            m->caseworker = caseworkers[d];
            m->age = st == 1 ? -1 : 24 - (int) day;   /* seen from 25 March */
            if (st >= 2)
              move (f, cw, m->id, "sent");
            if (st == 3)
              move (f, cw, m->id, "accepted");
            g_ptr_array_add (made, m);
            day++;
          }
  set_local_now (f, 2026, 3, 25, 12, 0);

  for (guint d = 0; d < G_N_ELEMENTS (districts); d++)
    for (guint p = 0; p < G_N_ELEMENTS (providers); p++)
      for (guint s = 0; s < G_N_ELEMENTS (services); s++)
        for (guint st = 0; st < G_N_ELEMENTS (statuses); st++)
          for (guint c = 0; c < G_N_ELEMENTS (caseworkers); c++)
            for (guint a = 0; a < G_N_ELEMENTS (ages); a++)
              {
                g_autoptr(GPtrArray) expected = g_ptr_array_new ();
                g_autoptr(GError) error = NULL;
                g_autofree char *want = NULL;
                g_autofree char *got = NULL;
                HmrReferralQuery q = {
                  .district = districts[d], .provider_id = providers[p], .service_type = services[s],
                  .status = statuses[st], .caseworker_id = caseworkers[c],
                  .min_age_days = ages[a][0], .max_age_days = ages[a][1],
                };
                HmrReferralCounts counts;
                guint per_status[HMR_REFERRAL_N_STATUSES] = { 0 };
                HmrReferralQuery any_status = q;

                any_status.status = NULL;
                for (guint i = 0; i < made->len; i++)
                  {
                    Made *m = g_ptr_array_index (made, i);
                    if (made_matches (m, &q))
                      g_ptr_array_add (expected, m->id);
                    if (made_matches (m, &any_status))
                      per_status[hmr_referral_status_from_string (m->status)]++;
                  }
                g_ptr_array_sort (expected, compare_ptr_strings);
                g_ptr_array_add (expected, NULL);
                want = g_strjoinv (",", (char **) expected->pdata);
                got = ids_of (f, &q);
                g_assert_cmpstr (got, ==, want);

                /* the counts ignore the status filter and show every status */
                g_assert_true (hmr_store_count_referrals (f->store, f->supervisor, &q, &counts, &error));
                for (guint k = 0; k < HMR_REFERRAL_N_STATUSES; k++)
                  g_assert_cmpuint (counts.by_status[k], ==, per_status[k]);
                checked++;
              }
  g_assert_cmpuint (checked, ==, 3 * 3 * 3 * 4 * 3 * 4);
}

static void
test_board_overdue_first (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(HmrReferralBoard) board = NULL;
  g_autofree char *person = register_person (f, f->caseworker, "Раҳимов", "Dusti", TRUE);
  g_autofree char *provider = add_provider (f, "Hamkori", "legal_aid,health,employment,business_loan", "Dusti", NULL);
  g_autofree char *draft = NULL, *done = NULL, *late_health = NULL, *later_legal = NULL;
  g_autofree char *open_loan = NULL, *open_job = NULL;
  HmrReferralQuery all = { 0 };
  const char *expected[6];
  HmrReferralCounts counts;

  set_local_now (f, 2026, 4, 1, 9, 0);
  late_health = new_referral (f, f->caseworker, person, provider, "health", FALSE);     /* due 8 Apr */
  move (f, f->caseworker, late_health, "sent");
  later_legal = new_referral (f, f->caseworker, person, provider, "legal_aid", FALSE);  /* due 15 Apr */
  move (f, f->caseworker, later_legal, "sent");
  done = new_referral (f, f->caseworker, person, provider, "health", FALSE);
  move (f, f->caseworker, done, "sent");
  move (f, f->caseworker, done, "rejected");
  set_local_now (f, 2026, 4, 10, 9, 0);
  open_loan = new_referral (f, f->caseworker, person, provider, "business_loan", FALSE); /* due 10 May */
  move (f, f->caseworker, open_loan, "sent");
  open_job = new_referral (f, f->caseworker, person, provider, "employment", FALSE);     /* due 20 Apr */
  move (f, f->caseworker, open_job, "sent");
  draft = new_referral (f, f->caseworker, person, provider, "employment", FALSE);

  set_local_now (f, 2026, 4, 18, 9, 0);
  expected[0] = late_health;   /* 10 days overdue */
  expected[1] = later_legal;   /* 3 days overdue */
  expected[2] = open_job;      /* due 20 Apr */
  expected[3] = open_loan;     /* due 10 May */
  expected[4] = draft;
  expected[5] = done;

  ids = hmr_store_query_referral_ids (f->store, f->supervisor, NULL, NULL, &error);
  rows = hmr_store_load_referral_rows (f->store, f->supervisor, (gint64 *) ids->data, ids->len, &error);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpstr (hmr_referral_row_get (g_ptr_array_index (rows, i), HMR_REFERRAL_ROW_ID), ==, expected[i]);
  g_assert_cmpint (hmr_referral_row_get_days_overdue (g_ptr_array_index (rows, 0)), ==, 10);
  g_assert_cmpint (hmr_referral_row_get_days_overdue (g_ptr_array_index (rows, 1)), ==, 3);

  /* the same through the list model the board page shows */
  board = hmr_referral_board_new (f->store, f->supervisor);
  g_assert_true (hmr_referral_board_set_query (board, &all, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (board)), ==, G_N_ELEMENTS (expected));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (board)) == HMR_TYPE_REFERRAL_ROW);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(HmrReferralRow) row = g_list_model_get_item (G_LIST_MODEL (board), i);
      g_autofree char *id = NULL;
      gboolean overdue;

      g_object_get (row, "id", &id, "overdue", &overdue, NULL);
      g_assert_cmpstr (id, ==, expected[i]);
      g_assert_cmpint (overdue, ==, i < 2);
    }
  counts = *hmr_referral_board_get_counts (board);
  g_assert_cmpuint (counts.total, ==, 6);
  g_assert_cmpuint (counts.overdue, ==, 2);
  g_assert_cmpuint (counts.by_status[HMR_REFERRAL_SENT], ==, 4);
  g_assert_cmpuint (counts.by_status[HMR_REFERRAL_DRAFT], ==, 1);
  g_assert_cmpuint (counts.by_status[HMR_REFERRAL_REJECTED], ==, 1);
}

static void
test_board_row_has_what_the_board_needs (Fixture       *f,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *person = register_person (f, f->caseworker, "Раҳимов", "Dusti", TRUE);
  g_autofree char *provider = add_provider (f, "Legal Aid Centre Dusti", "legal_aid", "Dusti", NULL);
  g_autofree char *id = NULL;
  HmrReferralRow *row;

  set_local_now (f, 2026, 5, 4, 9, 0);
  id = new_referral (f, f->caseworker, person, provider, "legal_aid", FALSE);
  move (f, f->caseworker, id, "sent");
  set_local_now (f, 2026, 5, 20, 9, 0);

  ids = hmr_store_query_referral_ids (f->store, f->supervisor, NULL, NULL, &error);
  rows = hmr_store_load_referral_rows (f->store, f->supervisor, (gint64 *) ids->data, ids->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (hmr_referral_row_get (row, HMR_REFERRAL_ROW_CASE_NUMBER), ==, "DST-2026-00001");
  g_assert_cmpstr (hmr_referral_row_get (row, HMR_REFERRAL_ROW_BENEFICIARY_NAME), ==, "Раҳимов Фаррух");
  g_assert_cmpstr (hmr_referral_row_get (row, HMR_REFERRAL_ROW_BENEFICIARY_ID), ==, person);
  g_assert_cmpstr (hmr_referral_row_get (row, HMR_REFERRAL_ROW_DISTRICT), ==, "Dusti");
  g_assert_cmpstr (hmr_referral_row_get (row, HMR_REFERRAL_ROW_SERVICE_TYPE), ==, "legal_aid");
  g_assert_cmpstr (hmr_referral_row_get (row, HMR_REFERRAL_ROW_PROVIDER_NAME), ==, "Legal Aid Centre Dusti");
  g_assert_cmpstr (hmr_referral_row_get (row, HMR_REFERRAL_ROW_CASEWORKER_NAME), ==, "Malika Rahimova");
  g_assert_cmpstr (hmr_referral_row_get (row, HMR_REFERRAL_ROW_STATUS), ==, "sent");
  g_assert_cmpstr (hmr_referral_row_get (row, HMR_REFERRAL_ROW_SENT_ON), ==, "2026-05-04");
  g_assert_cmpstr (hmr_referral_row_get (row, HMR_REFERRAL_ROW_DUE_ON), ==, "2026-05-18");
  g_assert_cmpstr (hmr_referral_row_get (row, HMR_REFERRAL_ROW_CREATED_ON), ==, "2026-05-04");
  g_assert_cmpint (hmr_referral_row_get_days_overdue (row), ==, 2);
  g_assert_cmpint (hmr_referral_row_get_days_since_sent (row), ==, 16);
}

static void
test_board_scoped_by_role (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) dusti = NULL;
  g_autoptr(GArray) panj = NULL;
  g_autofree char *provider = add_provider (f, "Hamkori", "legal_aid", "Dusti", "*");
  g_autofree char *b1 = register_person (f, f->caseworker, "Раҳимов", "Dusti", TRUE);
  g_autofree char *b2 = register_person (f, f->caseworker_panj, "Шарипов", "Panj", TRUE);
  g_autofree char *r1 = new_referral (f, f->caseworker, b1, provider, "legal_aid", FALSE);
  g_autofree char *r2 = new_referral (f, f->caseworker_panj, b2, provider, "legal_aid", FALSE);
  g_autoptr(HmrReferral) peek = NULL;

  all = hmr_store_query_referral_ids (f->store, f->supervisor, NULL, NULL, &error);
  dusti = hmr_store_query_referral_ids (f->store, f->caseworker, NULL, NULL, &error);
  panj = hmr_store_query_referral_ids (f->store, f->caseworker_panj, NULL, NULL, &error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpuint (dusti->len, ==, 1);
  g_assert_cmpuint (panj->len, ==, 1);
  g_assert_cmpint (g_array_index (dusti, gint64, 0), !=, g_array_index (panj, gint64, 0));

  /* rows of another office are not handed out, even by row id */
  {
    g_autoptr(GPtrArray) rows = hmr_store_load_referral_rows (f->store, f->caseworker, (gint64 *) all->data,
                                                              all->len, &error);
    g_assert_cmpuint (rows->len, ==, 1);
    g_assert_cmpstr (hmr_referral_row_get (g_ptr_array_index (rows, 0), HMR_REFERRAL_ROW_ID), ==, r1);
  }
  peek = hmr_store_get_referral (f->store, f->caseworker, r2, &error);
  g_assert_null (peek);
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);

  g_assert_null (hmr_store_query_referral_ids (f->store, f->finance, NULL, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_null (hmr_store_query_referral_ids (f->store, f->admin, NULL, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
}

int
main (int    argc,
      char **argv)
{
  /* before anything asks for the local time zone */
  g_setenv ("TZ", "Asia/Dushanbe", TRUE);
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/referral/overdue/local-midnight-across-month-end", test_overdue_at_local_midnight_across_month_end);
  ADD ("/referral/board/filters-combine", test_board_filters_combine);
  ADD ("/referral/board/overdue-first", test_board_overdue_first);
  ADD ("/referral/board/row-has-what-the-board-needs", test_board_row_has_what_the_board_needs);
  ADD ("/referral/board/scoped-by-role", test_board_scoped_by_role);
#undef ADD
  return g_test_run ();
}

