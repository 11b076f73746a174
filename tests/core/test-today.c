/* test-today.c — the Today lists hold exactly what is due, for each role;
 * overdue at the day boundary in Dushanbe; reminders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <time.h>

#include "hmr-case-file.h"
#include "hmr-follow-up.h"
#include "hmr-test-util.h"

static char *
register_person (Fixture    *f,
                 HmrActor   *actor,
                 const char *family,
                 char      **case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = make_beneficiary (family, "Ҷамшед",
                                                  g_strcmp0 (actor->office_id, PANJ_OFFICE) == 0 ? "Panj" : "Dusti");
  g_autoptr(HmrCaseFile) file = NULL;

  g_assert_true (hmr_store_insert_beneficiary (f->store, actor, b, &error));
  g_assert_no_error (error);
  if (case_id)
    {
      file = hmr_store_get_case_file (f->store, actor, hmr_beneficiary_get (b, HMR_BENEFICIARY_ID), &error);
      g_assert_no_error (error);
      *case_id = g_strdup (file->case_id);
    }
  return g_strdup (hmr_beneficiary_get (b, HMR_BENEFICIARY_ID));
}

static char *
schedule (Fixture    *f,
          HmrActor   *actor,
          const char *person,
          const char *due_on)
{
  g_autoptr(GError) error = NULL;
  char *id = hmr_store_schedule_follow_up (f->store, actor, person, "home_visit", due_on, NULL, &error);

  g_assert_no_error (error);
  return id;
}

static void
record (Fixture    *f,
        HmrActor   *actor,
        const char *id,
        const char *status,
        int         item)
{
  g_autoptr(GError) error = NULL;
  HmrFollowUpOutcome o = HMR_FOLLOW_UP_OUTCOME_INIT;

  o.status = status;
  if (item >= 0)
    {
      o.has_who5 = TRUE;
      for (guint i = 0; i < HMR_WHO5_N_ITEMS; i++)
        o.who5_items[i] = item;
    }
  g_assert_true (hmr_store_record_follow_up (f->store, actor, id, &o, NULL, &error));
  g_assert_no_error (error);
}

/* Assessment, plan, submitted; then approved or returned when asked */
static char *
plan_for (Fixture    *f,
          HmrActor   *actor,
          const char *case_id,
          const char *then)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrAssessment) a = hmr_assessment_new (case_id);
  g_autoptr(HmrPlan) plan = hmr_plan_new (case_id);

  g_assert_true (hmr_store_save_assessment (f->store, actor, a, &error));
  g_assert_no_error (error);
  plan->objectives = g_strdup ("Work and legal status");
  hmr_plan_add_action (plan, "legal", "Appeal of the ban", NULL, NULL);
  g_assert_true (hmr_store_save_plan (f->store, actor, plan, &error));
  g_assert_true (hmr_store_move_plan (f->store, actor, plan->id, "submitted", NULL, &error));
  g_assert_no_error (error);
  if (then != NULL)
    {
      g_assert_true (hmr_store_move_plan (f->store, f->supervisor, plan->id, then, "Add a budget", &error));
      g_assert_no_error (error);
    }
  return g_strdup (plan->id);
}

static int
compare_indirect (gconstpointer a,
                  gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static char *
expect (const char *first,
        ...)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *s = first; s != NULL; s = va_arg (ap, const char *))
    g_ptr_array_add (ids, (gpointer) s);
  va_end (ap);
  g_ptr_array_sort (ids, compare_indirect);
  g_ptr_array_add (ids, NULL);
  return g_strjoinv (",", (char **) ids->pdata);
}

static char *
sorted_ids (GPtrArray *rows)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (ids, ((HmrTodayItem *) g_ptr_array_index (rows, i))->entity_id);
  g_ptr_array_sort (ids, compare_indirect);
  g_ptr_array_add (ids, NULL);
  return g_strjoinv (",", (char **) ids->pdata);
}

#define ASSERT_LIST(f, actor, list, ...)                                   \
  G_STMT_START {                                                           \
    g_autoptr(GError) e_ = NULL;                                           \
    g_autoptr(GPtrArray) rows_ = hmr_store_list_today ((f)->store, (actor), (list), 0, NULL, &e_); \
    g_autofree char *got_ = NULL;                                          \
    g_autofree char *want_ = expect (__VA_ARGS__, NULL);                   \
    g_assert_no_error (e_);                                                \
    got_ = sorted_ids (rows_);                                             \
    if (g_strcmp0 (got_, want_) != 0)                                      \
      g_error ("%s for %s: got [%s], expected [%s]", hmr_today_list_to_string (list), \
               (actor)->username, got_, want_);                            \
  } G_STMT_END

#define NONE NULL

typedef struct
{
  char *a, *b, *c, *d, *p;                 /* people */
  char *case_a, *case_b, *case_c, *case_d, *case_p;
  char *fa_yesterday, *fa_today, *fb_tomorrow, *fb_done, *fc_cancelled, *fd_today, *fp_yesterday;
  char *fa_low, *fp_low, *fp_acknowledged;
  char *plan_a, *plan_b, *plan_c, *plan_p;
  char *closure_b;
  HmrActor *nazarova;                      /* a second caseworker in Dusti */
} World;

static void
world_clear (World *w)
{
  char **fields[] = { &w->a, &w->b, &w->c, &w->d, &w->p, &w->case_a, &w->case_b, &w->case_c, &w->case_d,
                      &w->case_p, &w->fa_yesterday, &w->fa_today, &w->fb_tomorrow, &w->fb_done,
                      &w->fc_cancelled, &w->fd_today, &w->fp_yesterday, &w->fa_low, &w->fp_low,
                      &w->fp_acknowledged, &w->plan_a, &w->plan_b, &w->plan_c, &w->plan_p, &w->closure_b };
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_clear_pointer (fields[i], g_free);
  g_clear_pointer (&w->nazarova, hmr_actor_free);
}

/* Today is 2026-11-23.  What is due, and what is not. */
static void
build_world (Fixture *f,
             World   *w)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  w->nazarova = hmr_store_create_user (f->store, f->admin, "z.nazarova", "Zarina Nazarova", HMR_ROLE_CASEWORKER,
                                       DUSTI_OFFICE, "Gul-Lola-Bahor-3310", &error);
  g_assert_no_error (error);

  w->a = register_person (f, f->caseworker, "Азизов", &w->case_a);
  w->b = register_person (f, f->caseworker, "Бобоев", &w->case_b);
  w->c = register_person (f, f->caseworker, "Валиев", &w->case_c);
  w->d = register_person (f, w->nazarova, "Давлатов", &w->case_d);
  w->p = register_person (f, f->caseworker_panj, "Пулатов", &w->case_p);

  /* follow-ups */
  w->fa_yesterday = schedule (f, f->caseworker, w->a, "2026-11-22");
  w->fa_today = schedule (f, f->caseworker, w->a, "2026-11-23");
  w->fb_tomorrow = schedule (f, f->caseworker, w->b, "2026-11-24");
  w->fb_done = schedule (f, f->caseworker, w->b, "2026-11-22");
  record (f, f->caseworker, w->fb_done, "done", 3);              /* 60: not flagged */
  w->fc_cancelled = schedule (f, f->caseworker, w->c, "2026-11-22");
  record (f, f->caseworker, w->fc_cancelled, "cancelled", -1);
  w->fd_today = schedule (f, w->nazarova, w->d, "2026-11-23");
  w->fp_yesterday = schedule (f, f->caseworker_panj, w->p, "2026-11-22");
  w->fa_low = schedule (f, f->caseworker, w->a, "2026-11-19");
  record (f, f->caseworker, w->fa_low, "done", 1);               /* 20: flagged */
  w->fp_low = schedule (f, f->caseworker_panj, w->p, "2026-11-20");
  record (f, f->caseworker_panj, w->fp_low, "done", 1);          /* 20: flagged */
  w->fp_acknowledged = schedule (f, f->caseworker_panj, w->p, "2026-11-21");
  record (f, f->caseworker_panj, w->fp_acknowledged, "done", 0); /* 0: flagged */
  g_assert_true (hmr_store_acknowledge_wellbeing_flag (f->store, f->supervisor, w->fp_acknowledged,
                                                       "Seen by the psychologist", &error));
  g_assert_no_error (error);

  /* plans */
  w->plan_a = plan_for (f, f->caseworker, w->case_a, "returned");
  w->plan_b = plan_for (f, f->caseworker, w->case_b, NULL);
  w->plan_c = plan_for (f, f->caseworker, w->case_c, "approved");
  w->plan_p = plan_for (f, f->caseworker_panj, w->case_p, NULL);

  /* closures */
  w->closure_b = hmr_store_request_closure (f->store, f->caseworker, w->case_b, "Moved to Dushanbe", &error);
  g_assert_no_error (error);

  /* referrals and bans, as their own pages would have written them */
  sql = g_strdup_printf (
    "INSERT INTO service_provider (id, name, service_types, district, created_at, updated_at) VALUES "
    "  ('prov', 'Legal Aid Centre Dusti', 'legal_aid', 'Dusti', '2026-01-01', '2026-01-01');"
    "INSERT INTO referral (id, office_id, beneficiary_id, provider_id, service_type, status, sent_on, due_on, "
    "  answered_on, created_at, updated_at) VALUES "
    "  ('ref-a-overdue', '%1$s', '%3$s', 'prov', 'legal_aid', 'sent', '2026-11-10', '2026-11-20', NULL, 'x', 'x'),"
    "  ('ref-a-waiting', '%1$s', '%3$s', NULL, 'employment', 'sent', '2026-11-21', '2026-12-05', NULL, 'x', 'x'),"
    "  ('ref-b-answered', '%1$s', '%4$s', 'prov', 'legal_aid', 'accepted', '2026-11-01', '2026-11-15', "
    "   '2026-11-12', 'x', 'x'),"
    "  ('ref-c-draft', '%1$s', '%5$s', NULL, 'health', 'draft', NULL, NULL, NULL, 'x', 'x'),"
    "  ('ref-d-other-owner', '%1$s', '%6$s', NULL, 'health', 'sent', '2026-11-01', '2026-11-15', NULL, 'x', 'x'),"
    "  ('ref-p-other-office', '%2$s', '%7$s', NULL, 'health', 'sent', '2026-11-01', '2026-11-15', NULL, 'x', 'x');"
    "INSERT INTO reentry_ban (id, office_id, beneficiary_id, has_ban, end_date, appeal_status, created_at, "
    "  updated_at) VALUES "
    "  ('ban-a-month-end', '%1$s', '%3$s', 'yes', '2026-11-30', 'none', 'x', 'x'),"
    "  ('ban-b-month-start', '%1$s', '%4$s', 'yes', '2026-11-01', 'filed', 'x', 'x'),"
    "  ('ban-b-next-month', '%1$s', '%4$s', 'yes', '2026-12-01', 'none', 'x', 'x'),"
    "  ('ban-c-last-month', '%1$s', '%5$s', 'yes', '2026-10-31', 'none', 'x', 'x'),"
    "  ('ban-c-lifted', '%1$s', '%5$s', 'yes', '2026-11-15', 'lifted', 'x', 'x'),"
    "  ('ban-c-no-ban', '%1$s', '%5$s', 'no', '2026-11-15', 'none', 'x', 'x'),"
    "  ('ban-d-other-owner', '%1$s', '%6$s', 'yes', '2027-01-10', 'none', 'x', 'x'),"
    "  ('ban-p-other-office', '%2$s', '%7$s', 'yes', '2027-02-21', 'none', 'x', 'x'),"
    "  ('ban-c-no-legal-aid', '%1$s', '%5$s', 'yes', '2028-06-01', 'none', 'x', 'x'),"
    "  ('ban-p-after-90-days', '%2$s', '%7$s', 'yes', '2027-02-22', 'none', 'x', 'x');"
    /* grants submitted, one today (its history row is the newest) */
    "INSERT INTO reintegration_grant (id, office_id, case_id, purpose, amount_requested, status, "
    "  created_at, updated_at) VALUES "
    "  ('grant-b', '%1$s', '%8$s', 'Welding machine', 587400, 'submitted', 'x', 'x'),"
    "  ('grant-p', '%2$s', '%9$s', 'Sewing machine', 300000, 'submitted', 'x', 'x'),"
    "  ('grant-c-draft', '%1$s', '%10$s', 'Cow', 500000, 'draft', 'x', 'x');"
    "INSERT INTO grant_history (id, grant_id, at, by_user, from_state, to_state) VALUES "
    "  ('gh-b', 'grant-b', '2026-10-01T08:00:00Z', NULL, 'draft', 'submitted'),"
    "  ('gh-p', 'grant-p', '2026-11-23T08:00:00Z', NULL, 'draft', 'submitted');",
    DUSTI_OFFICE, PANJ_OFFICE, w->a, w->b, w->c, w->d, w->p, w->case_b, w->case_p, w->case_c);
  exec_sql (f->path, sql);
}

static void
test_caseworker_lists_exact (Fixture       *f,
                             gconstpointer  data)
{
  World w = { 0 };

  build_world (f, &w);
  ASSERT_LIST (f, f->caseworker, HMR_TODAY_DUE_FOLLOW_UPS, w.fa_yesterday, w.fa_today, w.fd_today);
  ASSERT_LIST (f, f->caseworker, HMR_TODAY_WAITING_REFERRALS, "ref-a-overdue", "ref-a-waiting");
  ASSERT_LIST (f, f->caseworker, HMR_TODAY_RETURNED_PLANS, w.plan_a);
  /* within 90 days of 23 November: up to 21 February, not bans ended already */
  ASSERT_LIST (f, f->caseworker, HMR_TODAY_ENDING_BANS, "ban-a-month-end", "ban-b-next-month");
  /* a's and b's bans have legal aid under way; c's has none */
  ASSERT_LIST (f, f->caseworker, HMR_TODAY_BANS_WITHOUT_LEGAL_AID, "ban-c-no-legal-aid");

  ASSERT_LIST (f, w.nazarova, HMR_TODAY_DUE_FOLLOW_UPS, w.fa_yesterday, w.fa_today, w.fd_today);
  ASSERT_LIST (f, w.nazarova, HMR_TODAY_WAITING_REFERRALS, "ref-d-other-owner");
  ASSERT_LIST (f, w.nazarova, HMR_TODAY_RETURNED_PLANS, NONE);
  ASSERT_LIST (f, w.nazarova, HMR_TODAY_ENDING_BANS, "ban-d-other-owner");
  ASSERT_LIST (f, w.nazarova, HMR_TODAY_BANS_WITHOUT_LEGAL_AID, "ban-d-other-owner");

  ASSERT_LIST (f, f->caseworker_panj, HMR_TODAY_DUE_FOLLOW_UPS, w.fp_yesterday);
  ASSERT_LIST (f, f->caseworker_panj, HMR_TODAY_WAITING_REFERRALS, "ref-p-other-office");
  ASSERT_LIST (f, f->caseworker_panj, HMR_TODAY_RETURNED_PLANS, NONE);
  ASSERT_LIST (f, f->caseworker_panj, HMR_TODAY_ENDING_BANS, "ban-p-other-office");
  ASSERT_LIST (f, f->caseworker_panj, HMR_TODAY_BANS_WITHOUT_LEGAL_AID, "ban-p-other-office",
               "ban-p-after-90-days");
  world_clear (&w);
}

static void
test_supervisor_lists_exact (Fixture       *f,
                             gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(GError) error = NULL;

  build_world (f, &w);
  ASSERT_LIST (f, f->supervisor, HMR_TODAY_PLANS_TO_APPROVE, w.plan_b, w.plan_p);
  ASSERT_LIST (f, f->supervisor, HMR_TODAY_CLOSURES_TO_APPROVE, w.closure_b);
  ASSERT_LIST (f, f->supervisor, HMR_TODAY_FLAGGED_WELLBEING, w.fa_low, w.fp_low);
  ASSERT_LIST (f, f->supervisor, HMR_TODAY_GRANTS_TO_DECIDE, "grant-b", "grant-p");
  /* no follow-ups are the supervisor's own */
  ASSERT_LIST (f, f->supervisor, HMR_TODAY_DUE_FOLLOW_UPS, NONE);

  /* approving, deciding and acknowledging take the rows off */
  g_assert_true (hmr_store_move_plan (f->store, f->supervisor, w.plan_b, "approved", NULL, &error));
  g_assert_true (hmr_store_decide_closure (f->store, f->supervisor, w.closure_b, FALSE, "Not yet", &error));
  g_assert_true (hmr_store_acknowledge_wellbeing_flag (f->store, f->supervisor, w.fp_low, NULL, &error));
  g_assert_no_error (error);
  ASSERT_LIST (f, f->supervisor, HMR_TODAY_PLANS_TO_APPROVE, w.plan_p);
  ASSERT_LIST (f, f->supervisor, HMR_TODAY_CLOSURES_TO_APPROVE, NONE);
  ASSERT_LIST (f, f->supervisor, HMR_TODAY_FLAGGED_WELLBEING, w.fa_low);

  /* resubmitting a returned plan moves it from one Today to the other */
  g_assert_true (hmr_store_move_plan (f->store, f->caseworker, w.plan_a, "submitted", NULL, &error));
  g_assert_no_error (error);
  ASSERT_LIST (f, f->caseworker, HMR_TODAY_RETURNED_PLANS, NONE);
  ASSERT_LIST (f, f->supervisor, HMR_TODAY_PLANS_TO_APPROVE, w.plan_a, w.plan_p);
  world_clear (&w);
}

static void
test_rows_say_what_is_due (Fixture       *f,
                           gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GPtrArray) refs = NULL;
  g_autoptr(GPtrArray) returned = NULL;
  g_autoptr(GPtrArray) flagged = NULL;
  g_autoptr(GPtrArray) first = NULL;
  HmrTodayItem *item;
  guint total = 0;

  build_world (f, &w);
  due = hmr_store_list_today (f->store, f->caseworker, HMR_TODAY_DUE_FOLLOW_UPS, 0, NULL, &error);
  g_assert_no_error (error);
  item = g_ptr_array_index (due, 0);                  /* oldest due first */
  g_assert_cmpstr (item->entity_id, ==, w.fa_yesterday);
  g_assert_cmpstr (item->entity, ==, "follow_up");
  g_assert_cmpstr (item->beneficiary_id, ==, w.a);
  g_assert_cmpstr (item->case_id, ==, w.case_a);
  g_assert_cmpstr (item->beneficiary_name, ==, "Азизов Ҷамшед");
  g_assert_cmpstr (item->title, ==, "Home visit");
  g_assert_cmpstr (item->due_on, ==, "2026-11-22");
  g_assert_cmpint (item->days_overdue, ==, 1);
  g_assert_true (item->mine);
  for (guint i = 0; i < due->len; i++)
    {
      item = g_ptr_array_index (due, i);
      if (g_strcmp0 (item->entity_id, w.fd_today) == 0)
        {
          g_assert_false (item->mine);
          g_assert_cmpstr (item->who, ==, "Zarina Nazarova");
          g_assert_cmpint (item->days_overdue, ==, 0);
        }
    }

  refs = hmr_store_list_today (f->store, f->caseworker, HMR_TODAY_WAITING_REFERRALS, 0, NULL, &error);
  item = g_ptr_array_index (refs, 0);
  g_assert_cmpstr (item->entity_id, ==, "ref-a-overdue");
  g_assert_nonnull (strstr (item->title, "Legal Aid Centre Dusti"));
  g_assert_cmpstr (item->since, ==, "2026-11-10");
  g_assert_cmpint (item->days_overdue, ==, 3);
  g_assert_cmpint (((HmrTodayItem *) g_ptr_array_index (refs, 1))->days_overdue, ==, -1);

  returned = hmr_store_list_today (f->store, f->caseworker, HMR_TODAY_RETURNED_PLANS, 0, NULL, &error);
  item = g_ptr_array_index (returned, 0);
  g_assert_cmpstr (item->detail, ==, "Add a budget");
  g_assert_cmpstr (item->who, ==, "Nigina Karimova");
  g_assert_nonnull (item->since);

  flagged = hmr_store_list_today (f->store, f->supervisor, HMR_TODAY_FLAGGED_WELLBEING, 0, NULL, &error);
  for (guint i = 0; i < flagged->len; i++)
    {
      item = g_ptr_array_index (flagged, i);
      g_assert_cmpint (item->score, ==, 20);
      g_assert_cmpint (item->flags, ==, HMR_WHO5_FLAG_LOW | HMR_WHO5_FLAG_SCREEN);
      g_assert_nonnull (strstr (item->title, "20"));
    }

  first = hmr_store_list_today (f->store, f->caseworker, HMR_TODAY_DUE_FOLLOW_UPS, 1, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 1);
  g_assert_cmpuint (total, ==, 3);
  world_clear (&w);
}

/* A list cut at a limit starts as the whole list does and still says how
 * many rows there are in all, for every list of both Today pages */
static void
test_limit_counts_beyond_shown (Fixture       *f,
                                gconstpointer  data)
{
  World w = { 0 };
  HmrActor *actors[2];
  guint n_cut = 0;

  build_world (f, &w);
  actors[0] = f->caseworker;
  actors[1] = f->supervisor;
  for (guint a = 0; a < G_N_ELEMENTS (actors); a++)
    {
      g_autoptr(GArray) lists = hmr_today_lists_for_actor (actors[a]);

      for (guint l = 0; l < lists->len; l++)
        {
          HmrTodayList list = g_array_index (lists, HmrTodayList, l);
          g_autoptr(GError) error = NULL;
          g_autoptr(GPtrArray) all = NULL;
          guint n_all = G_MAXUINT;

          all = hmr_store_list_today (f->store, actors[a], list, 0, &n_all, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (n_all, ==, all->len);
          g_assert_cmpuint (all->len, >=, 1);

          for (guint limit = 1; limit <= all->len + 1; limit++)
            {
              g_autoptr(GPtrArray) first = NULL;
              guint total = G_MAXUINT;

              first = hmr_store_list_today (f->store, actors[a], list, limit, &total, &error);
              g_assert_no_error (error);
              if (total != all->len)
                g_error ("%s cut at %u: says %u rows in all, the list has %u",
                         hmr_today_list_to_string (list), limit, total, all->len);
              g_assert_cmpuint (first->len, ==, MIN (limit, all->len));
              for (guint i = 0; i < first->len; i++)
                g_assert_cmpstr (((HmrTodayItem *) g_ptr_array_index (first, i))->entity_id, ==,
                                 ((HmrTodayItem *) g_ptr_array_index (all, i))->entity_id);
              if (limit < all->len)
                n_cut++;
            }
        }
    }
  /* due follow-ups (3), referrals (2), bans (2), plans (2), grants (2), wellbeing (2) */
  g_assert_cmpuint (n_cut, >=, 6);
  world_clear (&w);
}

static void
test_lists_by_role (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GArray) cw = hmr_today_lists_for_actor (f->caseworker);
  g_autoptr(GArray) sup = hmr_today_lists_for_actor (f->supervisor);
  g_autoptr(GArray) fin = hmr_today_lists_for_actor (f->finance);
  g_autoptr(GArray) adm = hmr_today_lists_for_actor (f->admin);
  HmrTodayList cw_lists[] = { HMR_TODAY_DUE_FOLLOW_UPS, HMR_TODAY_WAITING_REFERRALS, HMR_TODAY_RETURNED_PLANS,
                              HMR_TODAY_ENDING_BANS, HMR_TODAY_BANS_WITHOUT_LEGAL_AID };
  HmrTodayList sup_lists[] = { HMR_TODAY_PLANS_TO_APPROVE, HMR_TODAY_GRANTS_TO_DECIDE,
                               HMR_TODAY_CLOSURES_TO_APPROVE, HMR_TODAY_FLAGGED_WELLBEING };

  g_assert_cmpmem (cw->data, cw->len * sizeof (HmrTodayList), cw_lists, sizeof cw_lists);
  g_assert_cmpmem (sup->data, sup->len * sizeof (HmrTodayList), sup_lists, sizeof sup_lists);
  g_assert_cmpuint (fin->len, ==, 0);
  g_assert_cmpuint (adm->len, ==, 0);

  for (HmrTodayList l = 0; l < HMR_N_TODAY_LISTS; l++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = hmr_store_list_today (f->store, f->finance, l, 0, NULL, &error);
      g_assert_null (rows);
      g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
    }
  for (HmrTodayList l = HMR_TODAY_PLANS_TO_APPROVE; l < HMR_N_TODAY_LISTS; l++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = hmr_store_list_today (f->store, f->caseworker, l, 0, NULL, &error);
      g_assert_null (rows);
      g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
    }
}

static void
set_clock (Fixture *f,
           int      hour,
           int      minute,
           int      second)
{
  g_date_time_unref (f->now);
  f->now = g_date_time_new_utc (2026, 11, 23, hour, minute, second);
}

static void
test_overdue_at_day_boundary (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *person = register_person (f, f->caseworker, "Азизов", NULL);
  g_autofree char *due_23 = schedule (f, f->caseworker, person, "2026-11-23");
  g_autofree char *due_24 = schedule (f, f->caseworker, person, "2026-11-24");
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GError) error = NULL;

  /* the test means nothing unless Dushanbe's clock is five hours ahead */
  set_clock (f, 18, 59, 59);
  local = g_date_time_to_local (f->now);
  g_assert_cmpint (g_date_time_get_utc_offset (local), ==, 5 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (g_date_time_get_day_of_month (local), ==, 23);

  /* 23:59:59 in Dushanbe: the 23rd is due today, the 24th not yet */
  {
    g_autoptr(GPtrArray) rows = hmr_store_list_today (f->store, f->caseworker, HMR_TODAY_DUE_FOLLOW_UPS, 0, NULL,
                                                      &error);
    g_autoptr(GPtrArray) today = hmr_store_list_reminders (f->store, f->caseworker, FALSE, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 1);
    g_assert_cmpstr (((HmrTodayItem *) g_ptr_array_index (rows, 0))->entity_id, ==, due_23);
    g_assert_cmpint (((HmrTodayItem *) g_ptr_array_index (rows, 0))->days_overdue, ==, 0);
    g_assert_cmpuint (today->len, ==, 1);
    g_assert_cmpstr (((HmrTodayItem *) g_ptr_array_index (today, 0))->entity_id, ==, due_23);
  }

  /* one second later it is midnight: the 23rd is a day overdue */
  set_clock (f, 19, 0, 0);
  {
    g_autoptr(GPtrArray) rows = hmr_store_list_today (f->store, f->caseworker, HMR_TODAY_DUE_FOLLOW_UPS, 0, NULL,
                                                      &error);
    g_autoptr(GPtrArray) today = hmr_store_list_reminders (f->store, f->caseworker, FALSE, &error);
    g_autoptr(GPtrArray) with_overdue = hmr_store_list_reminders (f->store, f->caseworker, TRUE, &error);
    g_autofree char *ids = NULL;
    g_autofree char *want = expect (due_23, due_24, NULL);

    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 2);
    g_assert_cmpstr (((HmrTodayItem *) g_ptr_array_index (rows, 0))->entity_id, ==, due_23);
    g_assert_cmpint (((HmrTodayItem *) g_ptr_array_index (rows, 0))->days_overdue, ==, 1);
    g_assert_cmpint (((HmrTodayItem *) g_ptr_array_index (rows, 1))->days_overdue, ==, 0);
    g_assert_cmpuint (today->len, ==, 1);
    g_assert_cmpstr (((HmrTodayItem *) g_ptr_array_index (today, 0))->entity_id, ==, due_24);
    ids = sorted_ids (with_overdue);
    g_assert_cmpstr (ids, ==, want);
  }

  /* reminders are personal: the supervisor has none, another caseworker none */
  {
    g_autoptr(GPtrArray) sup = hmr_store_list_reminders (f->store, f->supervisor, TRUE, &error);
    g_autoptr(GPtrArray) panj = hmr_store_list_reminders (f->store, f->caseworker_panj, TRUE, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (sup->len, ==, 0);
    g_assert_cmpuint (panj->len, ==, 0);
  }
}

static void
test_bans_within_90_days_follow_the_clock (Fixture       *f,
                                           gconstpointer  data)
{
  g_autofree char *person = register_person (f, f->caseworker, "Азизов", NULL);
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO reentry_ban (id, office_id, beneficiary_id, has_ban, end_date, created_at, updated_at) "
    "VALUES ('ban-mar-1', '%s', '%s', 'yes', '2027-03-01', 'x', 'x')", DUSTI_OFFICE, person);

  exec_sql (f->path, sql);
  /* 30 November, 23:59:59 in Dushanbe: 1 March is 91 days away */
  g_date_time_unref (f->now);
  f->now = g_date_time_new_utc (2026, 11, 30, 18, 59, 59);
  ASSERT_LIST (f, f->caseworker, HMR_TODAY_ENDING_BANS, NONE);
  g_date_time_unref (f->now);
  f->now = g_date_time_new_utc (2026, 11, 30, 19, 0, 0);
  ASSERT_LIST (f, f->caseworker, HMR_TODAY_ENDING_BANS, "ban-mar-1");

  /* The row says the day as Hamroh writes dates everywhere */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) rows = hmr_store_list_today (f->store, f->caseworker, HMR_TODAY_ENDING_BANS,
                                                      0, NULL, &error);
    HmrTodayItem *item;

    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 1);
    item = g_ptr_array_index (rows, 0);
    g_assert_nonnull (strstr (item->title, "01.03.2027"));
    g_assert_null (strstr (item->title, "2027-03-01"));
  }
}

/* A legal-aid referral sent on the ban takes it off the list; one that
 * was rejected does not */
static void
test_ban_leaves_list_when_referred (Fixture       *f,
                                    gconstpointer  data)
{
  g_autofree char *person = register_person (f, f->caseworker, "Азизов", NULL);
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO reentry_ban (id, office_id, beneficiary_id, has_ban, imposed_by, end_date, created_at, "
    "  updated_at) VALUES ('ban-court', '%1$s', '%2$s', 'yes', 'court', NULL, 'x', 'x');"
    "INSERT INTO referral (id, office_id, beneficiary_id, service_type, status, sent_on, created_at, "
    "  updated_at) VALUES ('ref-rejected', '%1$s', '%2$s', 'legal_aid', 'rejected', '2026-11-01', 'x', 'x');",
    DUSTI_OFFICE, person);
  g_autofree char *link = NULL;

  exec_sql (f->path, sql);
  ASSERT_LIST (f, f->caseworker, HMR_TODAY_BANS_WITHOUT_LEGAL_AID, "ban-court");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) rows = hmr_store_list_today (f->store, f->caseworker,
                                                      HMR_TODAY_BANS_WITHOUT_LEGAL_AID, 0, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (((HmrTodayItem *) g_ptr_array_index (rows, 0))->title, "court"));
  }

  /* the ban's own link to a referral sent */
  link = g_strdup_printf (
    "INSERT INTO referral (id, office_id, beneficiary_id, service_type, status, sent_on, created_at, "
    "  updated_at) VALUES ('ref-linked', '%1$s', '%2$s', 'legal_aid', 'sent', '2026-11-20', 'x', 'x');"
    "UPDATE reentry_ban SET legal_referral_id = 'ref-linked' WHERE id = 'ban-court';",
    DUSTI_OFFICE, person);
  exec_sql (f->path, link);
  ASSERT_LIST (f, f->caseworker, HMR_TODAY_BANS_WITHOUT_LEGAL_AID, NONE);
}

/* What was submitted today is at the top of the supervisor's lists, so
 * that the first rows shown hold it */
static void
test_newest_work_shown_first (Fixture       *f,
                              gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) grants = NULL;
  g_autoptr(GPtrArray) plans = NULL;
  g_autofree char *case_e = NULL;
  g_autofree char *e = NULL;
  g_autofree char *plan_e = NULL;
  guint total = 0;

  build_world (f, &w);
  grants = hmr_store_list_today (f->store, f->supervisor, HMR_TODAY_GRANTS_TO_DECIDE, 1, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total, ==, 2);
  g_assert_cmpstr (((HmrTodayItem *) g_ptr_array_index (grants, 0))->entity_id, ==, "grant-p");
  g_assert_nonnull (strstr (((HmrTodayItem *) g_ptr_array_index (grants, 0))->title, "Sewing machine"));
  g_assert_nonnull (strstr (((HmrTodayItem *) g_ptr_array_index (grants, 0))->title, "3"));

  /* A plan submitted an hour later than the others */
  g_date_time_unref (f->now);
  f->now = g_date_time_new_utc (2026, 11, 23, 10, 30, 0);
  e = register_person (f, f->caseworker, "Эргашев", &case_e);
  plan_e = plan_for (f, f->caseworker, case_e, NULL);
  plans = hmr_store_list_today (f->store, f->supervisor, HMR_TODAY_PLANS_TO_APPROVE, 1, &total, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total, ==, 3);
  g_assert_cmpstr (((HmrTodayItem *) g_ptr_array_index (plans, 0))->entity_id, ==, plan_e);
  world_clear (&w);
}

/* The summary says "2 due today, 1 overdue" of the 3 the heading counts */
static void
test_overdue_count_agrees_with_list (Fixture       *f,
                                     gconstpointer  data)
{
  World w = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) due = NULL;
  guint total = 0;
  guint overdue = G_MAXUINT;

  build_world (f, &w);
  due = hmr_store_list_today (f->store, f->caseworker, HMR_TODAY_DUE_FOLLOW_UPS, 1, &total, &error);
  g_assert_no_error (error);
  g_assert_true (hmr_store_count_overdue_follow_ups (f->store, f->caseworker, &overdue, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (total, ==, 3);
  g_assert_cmpuint (overdue, ==, 1);
  g_assert_true (hmr_store_count_overdue_follow_ups (f->store, f->caseworker_panj, &overdue, &error));
  g_assert_cmpuint (overdue, ==, 1);
  g_assert_false (hmr_store_count_overdue_follow_ups (f->store, f->finance, &overdue, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  world_clear (&w);
}

int
main (int    argc,
      char **argv)
{
  /* Before anything asks GLib for the local time */
  g_setenv ("TZ", "Asia/Dushanbe", TRUE);
  tzset ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/today/caseworker/lists-hold-exactly-what-is-due", test_caseworker_lists_exact);
  ADD ("/today/supervisor/lists-hold-exactly-what-waits", test_supervisor_lists_exact);
  ADD ("/today/rows/say-what-is-due-and-since-when", test_rows_say_what_is_due);
  ADD ("/today/limit/counts-rows-beyond-those-shown", test_limit_counts_beyond_shown);
  ADD ("/today/lists-by-role", test_lists_by_role);
  ADD ("/today/overdue/day-boundary-in-dushanbe", test_overdue_at_day_boundary);
  ADD ("/today/bans/within-90-days-follow-the-clock", test_bans_within_90_days_follow_the_clock);
  ADD ("/today/bans/leave-the-no-legal-aid-list-when-referred", test_ban_leaves_list_when_referred);
  ADD ("/today/supervisor/newest-work-shown-first", test_newest_work_shown_first);
  ADD ("/today/summary/overdue-count-agrees-with-the-list", test_overdue_count_agrees_with_list);
#undef ADD

  return g_test_run ();
}
