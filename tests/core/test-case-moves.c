/* test-case-moves.c — a supervisor moves a case through its stages,
 * reassigns it within the office and transfers it to another office
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-case-file.h"
#include "hmr-case-moves.h"
#include "hmr-follow-up.h"
#include "hmr-workflow.h"
#include "hmr-test-util.h"

typedef struct
{
  char *beneficiary_id;
  char *case_id;
} Case;

static void
case_clear (Case *c)
{
  g_clear_pointer (&c->beneficiary_id, g_free);
  g_clear_pointer (&c->case_id, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Case, case_clear)

static void
register_case (Fixture    *f,
               HmrActor   *actor,
               const char *family,
               Case       *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = make_beneficiary (family, "Фаррух",
                                                  g_strcmp0 (actor->office_id, PANJ_OFFICE) == 0 ? "Panj" : "Dusti");
  g_autoptr(HmrCaseFile) file = NULL;

  g_assert_true (hmr_store_insert_beneficiary (f->store, actor, b, &error));
  g_assert_no_error (error);
  out->beneficiary_id = g_strdup (hmr_beneficiary_get (b, HMR_BENEFICIARY_ID));
  file = hmr_store_get_case_file (f->store, actor, out->beneficiary_id, &error);
  g_assert_no_error (error);
  out->case_id = g_strdup (file->case_id);
}

static HmrCaseInfo *
get_case (Fixture    *f,
          const char *case_id)
{
  g_autoptr(GError) error = NULL;
  HmrCaseInfo *info = hmr_store_get_case (f->store, f->supervisor, case_id, &error);

  g_assert_no_error (error);
  return info;
}

static gint64
count_for (Fixture    *f,
           const char *sql_format,
           const char *id)
{
  g_autofree char *sql = g_strdup_printf (sql_format, id);
  return count_rows (f->path, sql);
}

static void
move_ok (Fixture    *f,
         const char *case_id,
         const char *to,
         const char *comment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrCaseInfo) info = NULL;

  g_assert_true (hmr_store_move_case (f->store, f->supervisor, case_id, to, comment, &error));
  g_assert_no_error (error);
  info = get_case (f, case_id);
  if (g_str_equal (to, "duplicate"))
    g_assert_cmpstr (info->status, ==, "duplicate");
  else
    g_assert_cmpstr (info->stage, ==, to);
}

static gboolean
lists (Fixture        *f,
       const HmrActor *actor,
       const char     *beneficiary_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = hmr_store_query_beneficiary_ids (f->store, actor, NULL, NULL, &error);
  gint64 rowid = count_for (f, "SELECT rowid FROM beneficiary WHERE id = '%s'", beneficiary_id);

  g_assert_no_error (error);
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == rowid)
      return TRUE;
  return FALSE;
}

static HmrActor *
second_dusti_caseworker (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  HmrActor *other = hmr_store_create_user (f->store, f->admin, "s.nazarov", "Sorbon Nazarov",
                                           HMR_ROLE_CASEWORKER, DUSTI_OFFICE, "Obi-Kabud-5512", &error);
  g_assert_no_error (error);
  return other;
}

static void
test_stages_move_through_the_workflow (Fixture       *f,
                                       gconstpointer  data)
{
  g_auto(Case) c = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 audited;

  register_case (f, f->caseworker, "Қодиров", &c);
  audited = count_rows (f->path, "SELECT count(*) FROM audit_log");

  /* No skipping a stage */
  g_assert_false (hmr_store_move_case (f->store, f->supervisor, c.case_id, "services", NULL, &error));
  g_assert_error (error, HMR_WORKFLOW_ERROR, HMR_WORKFLOW_ERROR_NO_SUCH_TRANSITION);
  g_clear_error (&error);

  move_ok (f, c.case_id, "assessment", NULL);
  move_ok (f, c.case_id, "case_plan", NULL);
  move_ok (f, c.case_id, "services", NULL);

  /* Closing needs a reason */
  g_assert_false (hmr_store_move_case (f->store, f->supervisor, c.case_id, "closed", "  ", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  move_ok (f, c.case_id, "closed", "Works as a welder; ban lifted.");
  move_ok (f, c.case_id, "reopened", "Lost the job; asks for help again.");

  /* Each move a row in the history and in the audit log */
  g_assert_cmpint (count_for (f, "SELECT count(*) FROM case_history WHERE case_id = '%s'", c.case_id), ==, 5);
  g_assert_cmpint (count_for (f, "SELECT count(*) FROM case_history WHERE case_id = '%s' "
                                 "AND from_state = 'services' AND to_state = 'closed' "
                                 "AND comment = 'Works as a welder; ban lifted.'", c.case_id), ==, 1);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log"), ==, audited + 5);
  g_assert_cmpint (count_for (f, "SELECT count(*) FROM audit_log WHERE entity = 'case' AND entity_id = '%s' "
                                 "AND action = 'transition'", c.case_id), ==, 5);
}

static void
test_stage_moves_by_role (Fixture       *f,
                          gconstpointer  data)
{
  g_auto(Case) c = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrCaseInfo) info = NULL;
  g_auto(GStrv) moves = NULL;
  g_autofree char *sup_moves = NULL;
  g_autofree char *cw_moves = NULL;

  register_case (f, f->caseworker, "Раҳимов", &c);
  move_ok (f, c.case_id, "assessment", NULL);
  move_ok (f, c.case_id, "case_plan", NULL);

  /* Services begin when a supervisor says so */
  g_assert_false (hmr_store_move_case (f->store, f->caseworker, c.case_id, "services", NULL, &error));
  g_assert_error (error, HMR_WORKFLOW_ERROR, HMR_WORKFLOW_ERROR_ROLE);
  g_clear_error (&error);
  /* Another office's caseworker moves nothing of Dusti's */
  g_assert_false (hmr_store_move_case (f->store, f->caseworker_panj, c.case_id, "duplicate", NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (hmr_store_move_case (f->store, f->finance, c.case_id, "services", NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  info = get_case (f, c.case_id);
  g_assert_cmpstr (info->stage, ==, "case_plan");

  /* What the case file offers is what the workflow table allows */
  moves = hmr_case_dup_stage_moves (f->supervisor, info);
  sup_moves = g_strjoinv (",", moves);
  g_assert_cmpstr (sup_moves, ==, "services,closed,duplicate");
  g_clear_pointer (&moves, g_strfreev);
  moves = hmr_case_dup_stage_moves (f->caseworker, info);
  cw_moves = g_strjoinv (",", moves);
  g_assert_cmpstr (cw_moves, ==, "duplicate");
}

static void
test_duplicate_ends_the_case (Fixture       *f,
                              gconstpointer  data)
{
  g_auto(Case) c = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrCaseInfo) info = NULL;

  register_case (f, f->caseworker, "Саидов", &c);
  move_ok (f, c.case_id, "assessment", NULL);
  move_ok (f, c.case_id, "duplicate", NULL);
  info = get_case (f, c.case_id);
  g_assert_cmpstr (info->stage, ==, "assessment");
  g_assert_cmpint (count_for (f, "SELECT count(*) FROM case_history WHERE case_id = '%s' "
                                 "AND from_state = 'assessment' AND to_state = 'duplicate'", c.case_id), ==, 1);

  /* A duplicate goes nowhere */
  g_assert_false (hmr_store_move_case (f->store, f->supervisor, c.case_id, "case_plan", NULL, &error));
  g_assert_error (error, HMR_WORKFLOW_ERROR, HMR_WORKFLOW_ERROR_NO_SUCH_TRANSITION);
  g_clear_error (&error);
  g_assert_false (hmr_store_transfer_case (f->store, f->supervisor, c.case_id, PANJ_OFFICE, NULL,
                                           "Moved to Panj", &error));
  g_assert_error (error, HMR_WORKFLOW_ERROR, HMR_WORKFLOW_ERROR_NO_SUCH_TRANSITION);
}

static void
test_reassign_within_the_office (Fixture       *f,
                                 gconstpointer  data)
{
  g_auto(Case) c = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) other = second_dusti_caseworker (f);
  g_autoptr(HmrCaseInfo) info = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) history = NULL;
  HmrCaseAssignment *entry;

  register_case (f, f->caseworker, "Мирзоев", &c);

  /* Only a supervisor reassigns */
  g_assert_false (hmr_store_reassign_case (f->store, f->caseworker, c.case_id, other->user_id, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (hmr_store_reassign_case (f->store, f->finance, c.case_id, other->user_id, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_null (hmr_store_list_caseworkers (f->store, f->caseworker, DUSTI_OFFICE, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  /* … to a caseworker of the case's own office */
  g_assert_false (hmr_store_reassign_case (f->store, f->supervisor, c.case_id, f->caseworker_panj->user_id,
                                           NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Caseworker"));
  g_clear_error (&error);

  staff = hmr_store_list_caseworkers (f->store, f->supervisor, DUSTI_OFFICE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (staff->len, ==, 2);

  g_assert_true (hmr_store_reassign_case (f->store, f->supervisor, c.case_id, other->user_id,
                                          "Malika is on leave until March.", &error));
  g_assert_no_error (error);
  info = get_case (f, c.case_id);
  g_assert_cmpstr (info->owner_id, ==, other->user_id);
  g_assert_cmpint (count_for (f, "SELECT count(*) FROM audit_log WHERE entity = 'case' AND entity_id = '%s' "
                                 "AND action = 'reassign'", c.case_id), ==, 1);

  history = hmr_store_list_case_assignments (f->store, f->supervisor, c.case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  entry = g_ptr_array_index (history, 0);
  g_assert_cmpstr (entry->kind, ==, "reassign");
  g_assert_cmpstr (entry->from_owner, ==, "Malika Rahimova");
  g_assert_cmpstr (entry->to_owner, ==, "Sorbon Nazarov");
  g_assert_cmpstr (entry->comment, ==, "Malika is on leave until March.");

  /* The same caseworker again changes nothing */
  g_assert_false (hmr_store_reassign_case (f->store, f->supervisor, c.case_id, other->user_id, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
}

static void
test_transfer_leaves_the_old_office_list (Fixture       *f,
                                          gconstpointer  data)
{
  g_auto(Case) c = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrCaseInfo) info = NULL;
  g_autoptr(HmrBeneficiary) before = NULL;
  g_autoptr(HmrBeneficiary) after = NULL;
  g_autoptr(HmrBeneficiary) hidden = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *follow_up = NULL;
  HmrCaseAssignment *entry;

  register_case (f, f->caseworker, "Назаров", &c);
  follow_up = hmr_store_schedule_follow_up (f->store, f->caseworker, c.beneficiary_id, "phone",
                                            "2026-12-01", f->caseworker->user_id, &error);
  g_assert_no_error (error);
  before = hmr_store_get_beneficiary (f->store, f->caseworker, c.beneficiary_id, &error);
  g_assert_no_error (error);
  g_assert_true (lists (f, f->caseworker, c.beneficiary_id));
  g_assert_false (lists (f, f->caseworker_panj, c.beneficiary_id));

  /* Refused: to no office, to its own office, without a reason, by a caseworker */
  g_assert_false (hmr_store_transfer_case (f->store, f->supervisor, c.case_id, NULL, NULL, "x", &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (hmr_store_transfer_case (f->store, f->supervisor, c.case_id, DUSTI_OFFICE, NULL,
                                           "x", &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (hmr_store_transfer_case (f->store, f->supervisor, c.case_id, PANJ_OFFICE, NULL,
                                           NULL, &error));
  g_assert_error (error, HMR_WORKFLOW_ERROR, HMR_WORKFLOW_ERROR_COMMENT_REQUIRED);
  g_clear_error (&error);
  g_assert_false (hmr_store_transfer_case (f->store, f->caseworker, c.case_id, PANJ_OFFICE, NULL,
                                           "Moved to Panj", &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  /* The new caseworker is one of the new office */
  g_assert_false (hmr_store_transfer_case (f->store, f->supervisor, c.case_id, PANJ_OFFICE,
                                           f->caseworker->user_id, "Moved to Panj", &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (lists (f, f->caseworker, c.beneficiary_id));

  g_assert_true (hmr_store_transfer_case (f->store, f->supervisor, c.case_id, PANJ_OFFICE,
                                          f->caseworker_panj->user_id,
                                          "The family moved to Panj.", &error));
  g_assert_no_error (error);

  /* The old office's caseworker no longer sees the person; the new one does */
  g_assert_false (lists (f, f->caseworker, c.beneficiary_id));
  g_assert_true (lists (f, f->caseworker_panj, c.beneficiary_id));
  hidden = hmr_store_get_beneficiary (f->store, f->caseworker, c.beneficiary_id, &error);
  g_assert_null (hidden);
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);

  /* The case number stays */
  after = hmr_store_get_beneficiary (f->store, f->caseworker_panj, c.beneficiary_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hmr_beneficiary_get (after, HMR_BENEFICIARY_CASE_NUMBER), ==,
                   hmr_beneficiary_get (before, HMR_BENEFICIARY_CASE_NUMBER));
  info = get_case (f, c.case_id);
  g_assert_cmpstr (info->office_id, ==, PANJ_OFFICE);
  g_assert_cmpstr (info->owner_id, ==, f->caseworker_panj->user_id);
  g_assert_cmpstr (info->status, ==, "open");

  /* The planned call goes with the case, to its new caseworker */
  g_assert_cmpint (count_for (f, "SELECT count(*) FROM follow_up WHERE id = '%s' AND office_id = '"
                                 PANJ_OFFICE "' AND assigned_to IS (SELECT owner_id FROM case_file "
                                 "WHERE office_id = '" PANJ_OFFICE "')", follow_up), ==, 1);

  /* The new office works on it; the old one may not */
  g_assert_true (hmr_store_move_case (f->store, f->caseworker_panj, c.case_id, "assessment", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (hmr_store_move_case (f->store, f->caseworker, c.case_id, "case_plan", NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  history = hmr_store_list_case_assignments (f->store, f->supervisor, c.case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 1);
  entry = g_ptr_array_index (history, 0);
  g_assert_cmpstr (entry->kind, ==, "transfer");
  g_assert_cmpstr (entry->from_office, ==, "Dusti");
  g_assert_cmpstr (entry->to_office, ==, "Panj");
  g_assert_cmpstr (entry->comment, ==, "The family moved to Panj.");
  g_assert_cmpint (count_for (f, "SELECT count(*) FROM audit_log WHERE entity = 'case' AND entity_id = '%s' "
                                 "AND action = 'transfer' AND changes LIKE '%%office_id%%'", c.case_id), ==, 1);
}

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/store/case/stages-move-through-the-workflow", test_stages_move_through_the_workflow);
  ADD ("/store/case/stage-moves-by-role", test_stage_moves_by_role);
  ADD ("/store/case/duplicate-ends-the-case", test_duplicate_ends_the_case);
  ADD ("/store/case/reassign-within-the-office", test_reassign_within_the_office);
  ADD ("/store/case/transfer-leaves-the-old-office-list", test_transfer_leaves_the_old_office_list);
  return g_test_run ();
}
