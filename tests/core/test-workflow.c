/* test-workflow.c — who may move which record where
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hmr-workflow.h"

#define OFFICE "office-a"

static HmrActor cw = { "1", "cw", "cw", HMR_ROLE_CASEWORKER, (char *) OFFICE };
static HmrActor sup = { "2", "sup", "sup", HMR_ROLE_SUPERVISOR, NULL };
static HmrActor fin = { "3", "fin", "fin", HMR_ROLE_FINANCE, NULL };
static HmrActor adm = { "4", "adm", "adm", HMR_ROLE_ADMIN, NULL };

static void
assert_next (HmrActor      *actor,
             HmrRecordKind  kind,
             const char    *from,
             const char    *expected)
{
  g_auto(GStrv) next = hmr_workflow_next_states (actor, kind, from, OFFICE);
  g_autofree char *joined = g_strjoinv (",", next);

  g_assert_cmpstr (joined, ==, expected);
}

static void
test_grant_through_the_roles (void)
{
  assert_next (&cw, HMR_RECORD_GRANT, "draft", "submitted,cancelled");
  assert_next (&cw, HMR_RECORD_GRANT, "submitted", "");
  assert_next (&sup, HMR_RECORD_GRANT, "submitted", "approved,rejected,cancelled");
  assert_next (&fin, HMR_RECORD_GRANT, "submitted", "");
  assert_next (&fin, HMR_RECORD_GRANT, "approved", "disbursing");
  assert_next (&fin, HMR_RECORD_GRANT, "disbursing", "disbursed");
  assert_next (&fin, HMR_RECORD_GRANT, "disbursed", "verified");
  assert_next (&sup, HMR_RECORD_GRANT, "disbursed", "");
  assert_next (&adm, HMR_RECORD_GRANT, "draft", "");
}

static void
test_referral (void)
{
  g_autoptr(GError) error = NULL;

  assert_next (&cw, HMR_RECORD_REFERRAL, "draft", "sent");
  assert_next (&cw, HMR_RECORD_REFERRAL, "sent", "accepted,rejected,no_response");
  assert_next (&sup, HMR_RECORD_REFERRAL, "sent", "accepted,rejected,no_response,revoked");
  assert_next (&cw, HMR_RECORD_REFERRAL, "accepted", "completed");
  assert_next (&fin, HMR_RECORD_REFERRAL, "draft", "");
  assert_next (&cw, HMR_RECORD_REFERRAL, "completed", "");

  /* revoking needs a reason */
  g_assert_false (hmr_workflow_may_move (&sup, HMR_RECORD_REFERRAL, "sent", "revoked", OFFICE, "  ", &error));
  g_assert_error (error, HMR_WORKFLOW_ERROR, HMR_WORKFLOW_ERROR_COMMENT_REQUIRED);
  g_clear_error (&error);
  g_assert_true (hmr_workflow_may_move (&sup, HMR_RECORD_REFERRAL, "sent", "revoked", OFFICE,
                                        "Provider closed", &error));
  g_assert_no_error (error);
}

static void
test_case (void)
{
  g_autoptr(GError) error = NULL;

  assert_next (&cw, HMR_RECORD_CASE, "new", "assessment,duplicate");
  assert_next (&cw, HMR_RECORD_CASE, "case_plan", "duplicate");
  assert_next (&sup, HMR_RECORD_CASE, "case_plan", "services,closed,transferred,duplicate");
  assert_next (&cw, HMR_RECORD_CASE, "closed", "reopened,duplicate");
  assert_next (&sup, HMR_RECORD_CASE, "duplicate", "");

  g_assert_false (hmr_workflow_may_move (&cw, HMR_RECORD_CASE, "services", "closed", OFFICE, "done", &error));
  g_assert_error (error, HMR_WORKFLOW_ERROR, HMR_WORKFLOW_ERROR_ROLE);
  g_clear_error (&error);
  g_assert_false (hmr_workflow_may_move (&cw, HMR_RECORD_CASE, "new", "assessment", "office-b", NULL, &error));
  g_assert_error (error, HMR_WORKFLOW_ERROR, HMR_WORKFLOW_ERROR_OFFICE);
  g_clear_error (&error);
  g_assert_false (hmr_workflow_may_move (&sup, HMR_RECORD_CASE, "new", "services", OFFICE, NULL, &error));
  g_assert_error (error, HMR_WORKFLOW_ERROR, HMR_WORKFLOW_ERROR_NO_SUCH_TRANSITION);
}

static void
test_others (void)
{
  assert_next (&cw, HMR_RECORD_FOLLOW_UP, "planned", "done,missed,cancelled");
  assert_next (&cw, HMR_RECORD_FOLLOW_UP, "done", "");
  assert_next (&cw, HMR_RECORD_HANDOVER, "draft", "signed");
  assert_next (&fin, HMR_RECORD_HANDOVER, "draft", "signed");
  assert_next (&sup, HMR_RECORD_HANDOVER, "draft", "");
  assert_next (&fin, HMR_RECORD_HANDOVER, "signed", "");
  assert_next (&cw, HMR_RECORD_PLAN, "draft", "submitted");
  assert_next (&sup, HMR_RECORD_PLAN, "submitted", "approved,returned");
  assert_next (&cw, HMR_RECORD_PLAN, "returned", "submitted");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/workflow/grant/through-the-roles", test_grant_through_the_roles);
  g_test_add_func ("/workflow/referral", test_referral);
  g_test_add_func ("/workflow/case", test_case);
  g_test_add_func ("/workflow/follow-up-handover-plan", test_others);
  return g_test_run ();
}
