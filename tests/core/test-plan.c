/* test-plan.c — the assessment and reintegration plan, the case stage that
 * follows them, and closing and reopening a case
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-case-file.h"
#include "hmr-follow-up.h"
#include "hmr-workflow.h"
#include "hmr-test-util.h"

static char *
register_case (Fixture    *f,
               HmrActor   *actor,
               const char *family)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = make_beneficiary (family, "Фаррух",
                                                  g_strcmp0 (actor->office_id, PANJ_OFFICE) == 0 ? "Panj" : "Dusti");
  g_autoptr(HmrCaseFile) file = NULL;

  g_assert_true (hmr_store_insert_beneficiary (f->store, actor, b, &error));
  g_assert_no_error (error);
  file = hmr_store_get_case_file (f->store, actor, hmr_beneficiary_get (b, HMR_BENEFICIARY_ID), &error);
  g_assert_no_error (error);
  return g_strdup (file->case_id);
}

static char *
stage_of (Fixture    *f,
          const char *case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrCaseInfo) info = hmr_store_get_case (f->store, f->supervisor, case_id, &error);

  g_assert_no_error (error);
  return g_strdup (info->stage);
}

static void
assess (Fixture    *f,
        HmrActor   *actor,
        const char *case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrAssessment) a = hmr_assessment_new (case_id);

  a->summary = g_strdup ("Deported in 2024; five-year ban; wants to work as a welder.");
  hmr_assessment_set_need (a, HMR_NEED_LEGAL, "high", "Court ban, appeal possible");
  hmr_assessment_set_need (a, HMR_NEED_EMPLOYMENT, "medium", NULL);
  g_assert_true (hmr_store_save_assessment (f->store, actor, a, &error));
  g_assert_no_error (error);
}

static char *
draft_plan (Fixture    *f,
            HmrActor   *actor,
            const char *case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrPlan) plan = hmr_plan_new (case_id);

  plan->objectives = g_strdup ("Legal status settled; a steady income from welding.");
  hmr_plan_add_action (plan, "legal", "Appeal of the re-entry ban", "2027-02-01", "Legal Aid Centre Dusti");
  hmr_plan_add_action (plan, "employment", "Welding course", "01.03.2027", "M. Rahimova");
  g_assert_true (hmr_store_save_plan (f->store, actor, plan, &error));
  g_assert_no_error (error);
  return g_strdup (plan->id);
}

static void
move_plan_ok (Fixture    *f,
              HmrActor   *actor,
              const char *plan_id,
              const char *to,
              const char *comment)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hmr_store_move_plan (f->store, actor, plan_id, to, comment, &error));
  g_assert_no_error (error);
}

static char *
plan_status (Fixture    *f,
             const char *plan_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrPlan) plan = hmr_store_get_plan (f->store, f->supervisor, plan_id, &error);

  g_assert_no_error (error);
  return g_strdup (plan->status);
}

static gint64
audit_rows (Fixture *f)
{
  return count_rows (f->path, "SELECT count(*) FROM audit_log");
}

static void
test_stage_follows_the_plan (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *case_id = register_case (f, f->caseworker, "Раҳимов");
  g_autofree char *plan_id = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *s0 = stage_of (f, case_id);
  g_autofree char *s1 = NULL, *s2 = NULL, *s3 = NULL, *s4 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrPlan) plan = NULL;
  g_autoptr(HmrAssessment) a = NULL;
  g_autoptr(GPtrArray) history = NULL;

  g_assert_cmpstr (s0, ==, "new");
  assess (f, f->caseworker, case_id);
  s1 = stage_of (f, case_id);
  g_assert_cmpstr (s1, ==, "assessment");

  a = hmr_store_get_assessment (f->store, f->caseworker, case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a->needs[HMR_NEED_LEGAL].priority, ==, "high");
  g_assert_cmpstr (a->needs[HMR_NEED_LEGAL].note, ==, "Court ban, appeal possible");
  g_assert_cmpstr (a->needs[HMR_NEED_HOUSING].priority, ==, "none");
  g_assert_cmpstr (a->assessed_on, ==, "2026-11-23");

  plan_id = draft_plan (f, f->caseworker, case_id);
  s2 = stage_of (f, case_id);
  g_assert_cmpstr (s2, ==, "assessment");

  move_plan_ok (f, f->caseworker, plan_id, "submitted", NULL);
  s3 = stage_of (f, case_id);
  g_assert_cmpstr (s3, ==, "case_plan");

  move_plan_ok (f, f->supervisor, plan_id, "approved", NULL);
  s4 = stage_of (f, case_id);
  g_assert_cmpstr (s4, ==, "services");

  plan = hmr_store_get_current_plan (f->store, f->caseworker, case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plan->status, ==, "approved");
  g_assert_cmpstr (plan->approved_by, ==, "Nigina Karimova");
  g_assert_cmpuint (plan->actions->len, ==, 2);
  g_assert_cmpstr (((HmrPlanAction *) g_ptr_array_index (plan->actions, 1))->target_date, ==, "2027-03-01");

  /* every move is a history row: the case's three, the plan's three */
  sql = g_strdup_printf ("SELECT group_concat(coalesce(from_state, '-') || '>' || to_state, ',') FROM "
                         "(SELECT * FROM case_history WHERE case_id = '%s' ORDER BY rowid)", case_id);
  {
    sqlite3 *db;
    sqlite3_stmt *stmt;
    g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==,
                     "new>assessment,assessment>case_plan,case_plan>services");
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
  history = hmr_store_list_plan_history (f->store, f->caseworker, plan_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_null (((HmrHistoryEntry *) g_ptr_array_index (history, 0))->from_state);
  g_assert_cmpstr (((HmrHistoryEntry *) g_ptr_array_index (history, 2))->to_state, ==, "approved");
  g_assert_cmpstr (((HmrHistoryEntry *) g_ptr_array_index (history, 2))->by, ==, "Nigina Karimova");
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE entity = 'case' "
                                        "AND action = 'transition'"), ==, 3);
}

static void
test_submit_refused_before_assessment (Fixture       *f,
                                       gconstpointer  data)
{
  g_autofree char *case_id = register_case (f, f->caseworker, "Саидов");
  g_autofree char *plan_id = draft_plan (f, f->caseworker, case_id);
  g_autofree char *status = NULL, *stage = NULL;
  g_autoptr(GError) error = NULL;
  gint64 before = audit_rows (f);

  g_assert_false (hmr_store_move_plan (f->store, f->caseworker, plan_id, "submitted", NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "assessment"));
  status = plan_status (f, plan_id);
  stage = stage_of (f, case_id);
  g_assert_cmpstr (status, ==, "draft");
  g_assert_cmpstr (stage, ==, "new");
  g_assert_cmpint (audit_rows (f), ==, before);
}

static void
test_submit_needs_objectives_and_services (Fixture       *f,
                                           gconstpointer  data)
{
  g_autofree char *case_id = register_case (f, f->caseworker, "Назаров");
  g_autoptr(HmrPlan) plan = hmr_plan_new (case_id);
  g_autoptr(GError) error = NULL;

  assess (f, f->caseworker, case_id);
  g_assert_true (hmr_store_save_plan (f->store, f->caseworker, plan, &error));
  g_assert_no_error (error);
  g_assert_false (hmr_store_move_plan (f->store, f->caseworker, plan->id, "submitted", NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Objectives"));
  g_clear_error (&error);

  plan->objectives = g_strdup ("A job");
  g_assert_true (hmr_store_save_plan (f->store, f->caseworker, plan, &error));
  g_assert_false (hmr_store_move_plan (f->store, f->caseworker, plan->id, "submitted", NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Planned services"));
  g_clear_error (&error);

  /* a planned service names a known need and a service */
  hmr_plan_add_action (plan, "money", "Cash", NULL, NULL);
  g_assert_false (hmr_store_save_plan (f->store, f->caseworker, plan, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Planned service 1"));
}

static void
test_return_needs_comment_and_locks (Fixture       *f,
                                     gconstpointer  data)
{
  g_autofree char *case_id = register_case (f, f->caseworker, "Шарипов");
  g_autofree char *plan_id = NULL;
  g_autofree char *s1 = NULL, *s2 = NULL;
  g_autoptr(HmrPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  assess (f, f->caseworker, case_id);
  plan_id = draft_plan (f, f->caseworker, case_id);
  move_plan_ok (f, f->caseworker, plan_id, "submitted", NULL);

  /* locked while it waits */
  plan = hmr_store_get_plan (f->store, f->caseworker, plan_id, &error);
  g_assert_no_error (error);
  g_free (plan->objectives);
  plan->objectives = g_strdup ("Changed behind the supervisor's back");
  g_assert_false (hmr_store_save_plan (f->store, f->caseworker, plan, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (hmr_store_move_plan (f->store, f->supervisor, plan_id, "returned", "  ", &error));
  g_assert_error (error, HMR_WORKFLOW_ERROR, HMR_WORKFLOW_ERROR_COMMENT_REQUIRED);
  g_clear_error (&error);
  move_plan_ok (f, f->supervisor, plan_id, "returned", "Add a budget for the welding course");
  s1 = stage_of (f, case_id);
  g_assert_cmpstr (s1, ==, "case_plan");

  g_clear_pointer (&plan, hmr_plan_free);
  plan = hmr_store_get_plan (f->store, f->caseworker, plan_id, &error);
  g_assert_cmpstr (plan->status, ==, "returned");
  g_assert_cmpstr (plan->last_comment, ==, "Add a budget for the welding course");
  hmr_plan_add_action (plan, "employment", "Budget: 2,400 TJS for the course", NULL, NULL);
  g_assert_true (hmr_store_save_plan (f->store, f->caseworker, plan, &error));
  g_assert_no_error (error);
  move_plan_ok (f, f->caseworker, plan_id, "submitted", NULL);
  move_plan_ok (f, f->supervisor, plan_id, "approved", NULL);
  s2 = stage_of (f, case_id);
  g_assert_cmpstr (s2, ==, "services");
}

/* Every pair of plan states, every role: the store agrees with the
 * workflow table (and the role table's office scope) */
static void
test_plan_moves_by_role_from_workflow_table (Fixture       *f,
                                             gconstpointer  data)
{
  static const char *states[] = { "draft", "submitted", "approved", "returned" };
  HmrActor *actors[] = { f->caseworker, f->caseworker_panj, f->supervisor, f->finance, f->admin };
  guint n_allowed = 0, n_refused = 0;

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    for (guint j = 0; j < G_N_ELEMENTS (states); j++)
      for (guint k = 0; k < G_N_ELEMENTS (actors); k++)
        {
          const char *from = states[i], *to = states[j];
          HmrActor *actor = actors[k];
          g_autofree char *case_id = register_case (f, f->caseworker, "Каримов");
          g_autofree char *plan_id = NULL;
          g_autofree char *after = NULL;
          g_autoptr(GError) error = NULL;
          gboolean expected, moved;
          gint64 before;

          assess (f, f->caseworker, case_id);
          plan_id = draft_plan (f, f->caseworker, case_id);
          if (!g_str_equal (from, "draft"))
            move_plan_ok (f, f->caseworker, plan_id, "submitted", NULL);
          if (g_str_equal (from, "approved") || g_str_equal (from, "returned"))
            move_plan_ok (f, f->supervisor, plan_id, from, "Needs a budget");

          expected = hmr_workflow_may_move (actor, HMR_RECORD_PLAN, from, to, DUSTI_OFFICE,
                                            "Needs a budget", NULL) &&
                     hmr_permission_allows (actor, HMR_ACTION_BENEFICIARY_WRITE, DUSTI_OFFICE);
          before = audit_rows (f);
          moved = hmr_store_move_plan (f->store, actor, plan_id, to, "Needs a budget", &error);
          after = plan_status (f, plan_id);
          if (expected != moved)
            g_error ("%s moving a plan %s → %s: expected %s, got %s (%s)", actor->username, from, to,
                     expected ? "allowed" : "refused", moved ? "allowed" : "refused",
                     error ? error->message : "");
          if (moved)
            {
              g_assert_cmpstr (after, ==, to);
              n_allowed++;
            }
          else
            {
              g_assert_nonnull (error);
              g_assert_cmpstr (after, ==, from);
              g_assert_cmpint (audit_rows (f), ==, before);
              n_refused++;
            }
        }
  /* the caseworker's two submits, the supervisor's four moves */
  g_assert_cmpuint (n_allowed, ==, 6);
  g_assert_cmpuint (n_refused, ==, G_N_ELEMENTS (states) * G_N_ELEMENTS (states) * G_N_ELEMENTS (actors) - 6);
}

/* A case at "services" with a closure request by its caseworker */
static char *
request_closure (Fixture  *f,
                 char    **case_id_out)
{
  g_autofree char *case_id = register_case (f, f->caseworker, "Давлатов");
  g_autofree char *plan_id = NULL;
  g_autoptr(GError) error = NULL;
  char *request_id;

  assess (f, f->caseworker, case_id);
  plan_id = draft_plan (f, f->caseworker, case_id);
  move_plan_ok (f, f->caseworker, plan_id, "submitted", NULL);
  move_plan_ok (f, f->supervisor, plan_id, "approved", NULL);
  request_id = hmr_store_request_closure (f->store, f->caseworker, case_id,
                                          "Plan completed; works in the family workshop", &error);
  g_assert_no_error (error);
  g_assert_nonnull (request_id);
  *case_id_out = g_steal_pointer (&case_id);
  return request_id;
}

static void
test_closure_approval_by_role (Fixture       *f,
                               gconstpointer  data)
{
  HmrActor *actors[] = { f->caseworker, f->caseworker_panj, f->finance, f->admin, f->supervisor };
  guint n_allowed = 0;

  for (guint k = 0; k < G_N_ELEMENTS (actors); k++)
    {
      HmrActor *actor = actors[k];
      g_autofree char *case_id = NULL;
      g_autofree char *request_id = request_closure (f, &case_id);
      g_autoptr(HmrCaseInfo) info = NULL;
      g_autoptr(GError) error = NULL;
      gboolean expected, closed;
      gint64 before = audit_rows (f);

      expected = hmr_workflow_may_move (actor, HMR_RECORD_CASE, "services", "closed", DUSTI_OFFICE,
                                        "reason", NULL) &&
                 hmr_permission_allows (actor, HMR_ACTION_BENEFICIARY_WRITE, DUSTI_OFFICE);
      closed = hmr_store_decide_closure (f->store, actor, request_id, TRUE, NULL, &error);
      g_assert_cmpint (closed, ==, expected);
      if (closed)
        g_assert_no_error (error);
      else
        {
          g_assert_nonnull (error);
          g_assert_cmpint (audit_rows (f), ==, before);
          g_clear_error (&error);
        }
      info = hmr_store_get_case (f->store, f->supervisor, case_id, &error);
      g_assert_no_error (error);
      if (closed)
        {
          g_assert_cmpstr (info->stage, ==, "closed");
          g_assert_cmpstr (info->status, ==, "closed");
          g_assert_cmpstr (info->closed_on, ==, "2026-11-23");
          g_assert_cmpstr (info->closure_reason, ==, "Plan completed; works in the family workshop");
          g_assert_null (info->closure_request_id);
          n_allowed++;
        }
      else
        {
          g_assert_cmpstr (info->stage, ==, "services");
          g_assert_cmpstr (info->closure_request_id, ==, request_id);
        }
    }
  g_assert_cmpuint (n_allowed, ==, 1);
}

static void
test_closure_cancels_planned_follow_ups (Fixture       *f,
                                         gconstpointer  data)
{
  g_autofree char *case_id = NULL;
  g_autofree char *request_id = request_closure (f, &case_id);
  g_autoptr(HmrCaseInfo) info = hmr_store_get_case (f->store, f->caseworker, case_id, NULL);
  g_autofree char *fu = NULL;
  g_autoptr(HmrFollowUp) after = NULL;
  g_autoptr(GError) error = NULL;

  fu = hmr_store_schedule_follow_up (f->store, f->caseworker, info->beneficiary_id, "phone", "2026-12-01",
                                     NULL, &error);
  g_assert_no_error (error);
  g_assert_true (hmr_store_decide_closure (f->store, f->supervisor, request_id, TRUE, "Agreed", &error));
  g_assert_no_error (error);
  after = hmr_store_get_follow_up (f->store, f->caseworker, fu, &error);
  g_assert_cmpstr (after->status, ==, "cancelled");
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM follow_up_history WHERE to_state = 'cancelled'"),
                   ==, 1);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM case_closure_request WHERE status = 'approved' "
                                        "AND decision_comment = 'Agreed'"), ==, 1);
}

static void
test_decline_keeps_case_open (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *case_id = NULL;
  g_autofree char *request_id = request_closure (f, &case_id);
  g_autoptr(HmrCaseInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (hmr_store_decide_closure (f->store, f->supervisor, request_id, FALSE, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (hmr_store_decide_closure (f->store, f->caseworker, request_id, FALSE, "No", &error));
  g_assert_error (error, HMR_WORKFLOW_ERROR, HMR_WORKFLOW_ERROR_ROLE);
  g_clear_error (&error);
  g_assert_true (hmr_store_decide_closure (f->store, f->supervisor, request_id, FALSE,
                                           "The grant is not verified yet", &error));
  g_assert_no_error (error);
  info = hmr_store_get_case (f->store, f->caseworker, case_id, &error);
  g_assert_cmpstr (info->stage, ==, "services");
  g_assert_cmpstr (info->status, ==, "open");
  g_assert_null (info->closure_request_id);

  /* decided once only */
  g_assert_false (hmr_store_decide_closure (f->store, f->supervisor, request_id, TRUE, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT);
}

static void
test_closure_request_refused (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *fresh = register_case (f, f->caseworker, "Юсупов");
  g_autofree char *case_id = NULL;
  g_autofree char *request_id = request_closure (f, &case_id);
  g_autofree char *again = NULL;
  g_autofree char *other = NULL;
  g_autoptr(GError) error = NULL;

  /* the workflow has no way from "new" to "closed" */
  g_assert_null (hmr_store_request_closure (f->store, f->caseworker, fresh, "Moved away", &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (hmr_store_request_closure (f->store, f->caseworker, case_id, "  ", &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Reason"));
  g_clear_error (&error);
  again = hmr_store_request_closure (f->store, f->caseworker, case_id, "Again", &error);
  g_assert_null (again);
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  other = hmr_store_request_closure (f->store, f->caseworker_panj, case_id, "Not mine", &error);
  g_assert_null (other);
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);

  g_assert_true (hmr_store_withdraw_closure (f->store, f->caseworker, request_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM case_closure_request WHERE status = 'withdrawn'"),
                   ==, 1);
}

static void
test_reopen_needs_reason (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *case_id = NULL;
  g_autofree char *request_id = request_closure (f, &case_id);
  g_autoptr(HmrCaseInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stage = NULL;

  g_assert_true (hmr_store_decide_closure (f->store, f->supervisor, request_id, TRUE, NULL, &error));
  g_assert_no_error (error);

  /* a closed case takes no new plan */
  {
    g_autoptr(HmrPlan) plan = hmr_plan_new (case_id);
    g_assert_false (hmr_store_save_plan (f->store, f->caseworker, plan, &error));
    g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  g_assert_false (hmr_store_reopen_case (f->store, f->caseworker, case_id, NULL, &error));
  g_assert_error (error, HMR_WORKFLOW_ERROR, HMR_WORKFLOW_ERROR_COMMENT_REQUIRED);
  g_clear_error (&error);
  g_assert_false (hmr_store_reopen_case (f->store, f->finance, case_id, "Returned again", &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (hmr_store_reopen_case (f->store, f->caseworker, case_id,
                                        "Deported again in October", &error));
  g_assert_no_error (error);

  info = hmr_store_get_case (f->store, f->caseworker, case_id, &error);
  g_assert_cmpstr (info->stage, ==, "reopened");
  g_assert_cmpstr (info->status, ==, "open");
  g_assert_null (info->closed_on);
  g_assert_null (info->closure_reason);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM case_history WHERE from_state = 'closed' "
                                        "AND to_state = 'reopened' AND comment = 'Deported again in October'"),
                   ==, 1);

  /* a new assessment starts the cycle again */
  assess (f, f->caseworker, case_id);
  stage = stage_of (f, case_id);
  g_assert_cmpstr (stage, ==, "assessment");
}

static void
test_assessment_refused_for_other_office (Fixture       *f,
                                          gconstpointer  data)
{
  g_autofree char *case_id = register_case (f, f->caseworker, "Алиев");
  g_autoptr(HmrAssessment) a = hmr_assessment_new (case_id);
  g_autoptr(GError) error = NULL;
  g_autofree char *stage = NULL;

  g_assert_false (hmr_store_save_assessment (f->store, f->caseworker_panj, a, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  hmr_assessment_set_need (a, HMR_NEED_HOUSING, "urgent", NULL);
  g_assert_false (hmr_store_save_assessment (f->store, f->caseworker, a, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Housing"));
  stage = stage_of (f, case_id);
  g_assert_cmpstr (stage, ==, "new");
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM assessment"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/plan/stage-follows-the-plan", test_stage_follows_the_plan);
  ADD ("/plan/submit/refused-before-assessment", test_submit_refused_before_assessment);
  ADD ("/plan/submit/needs-objectives-and-services", test_submit_needs_objectives_and_services);
  ADD ("/plan/return/needs-comment-and-submitted-is-locked", test_return_needs_comment_and_locks);
  ADD ("/plan/moves-by-role-from-workflow-table", test_plan_moves_by_role_from_workflow_table);
  ADD ("/plan/assessment/refused-for-other-office-or-bad-priority", test_assessment_refused_for_other_office);
  ADD ("/case/closure/approval-by-role", test_closure_approval_by_role);
  ADD ("/case/closure/cancels-planned-follow-ups", test_closure_cancels_planned_follow_ups);
  ADD ("/case/closure/decline-needs-comment-and-keeps-case-open", test_decline_keeps_case_open);
  ADD ("/case/closure/request-refused-at-new-stage-twice-or-other-office", test_closure_request_refused);
  ADD ("/case/reopen/needs-reason-and-restarts-at-assessment", test_reopen_needs_reason);
#undef ADD

  return g_test_run ();
}
