/* hmr-store-plan.c — the reintegration plan
 *
 * A plan is written as a draft, submitted by the caseworker (the case moves
 * to "case_plan"), and approved (the case moves to "services") or returned
 * with a comment by a supervisor; hmr-workflow.c says who may do what.
 * Submitted and approved plans are locked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-follow-up-private.h"

/* ---- plan --------------------------------------------------------------- */

static void
plan_action_free (HmrPlanAction *action)
{
  g_free (action->need);
  g_free (action->service);
  g_free (action->target_date);
  g_free (action->responsible);
  g_free (action);
}

HmrPlan *
hmr_plan_new (const char *case_id)
{
  HmrPlan *plan = g_new0 (HmrPlan, 1);

  plan->case_id = g_strdup (case_id);
  plan->status = g_strdup (hmr_workflow_initial_state (HMR_RECORD_PLAN));
  plan->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_action_free);
  return plan;
}

void
hmr_plan_free (HmrPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->id);
  g_free (plan->office_id);
  g_free (plan->case_id);
  g_free (plan->status);
  g_free (plan->objectives);
  g_clear_pointer (&plan->actions, g_ptr_array_unref);
  g_free (plan->approved_by);
  g_free (plan->approved_at);
  g_free (plan->last_comment);
  g_free (plan);
}

void
hmr_plan_add_action (HmrPlan    *plan,
                     const char *need,
                     const char *service,
                     const char *target_date,
                     const char *responsible)
{
  HmrPlanAction *action = g_new0 (HmrPlanAction, 1);

  action->need = g_strdup (need);
  action->service = g_strdup (service);
  action->target_date = g_strdup (target_date);
  action->responsible = g_strdup (responsible);
  g_ptr_array_add (plan->actions, action);
}

void
hmr_history_entry_free (HmrHistoryEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->by);
  g_free (entry->from_state);
  g_free (entry->to_state);
  g_free (entry->comment);
  g_free (entry);
}

/* The plan's actions as one text, for the audit row */
static char *
actions_to_text (GPtrArray *actions)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; actions && i < actions->len; i++)
    {
      HmrPlanAction *a = g_ptr_array_index (actions, i);
      g_string_append_printf (out, "%s%s: %s (%s; %s)", i ? "\n" : "", a->need, a->service,
                              a->target_date ? a->target_date : "-",
                              a->responsible ? a->responsible : "-");
    }
  return g_string_free (out, FALSE);
}

static HmrPlan *
load_plan (HmrStore    *self,
           const char  *where,
           const char  *key,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(HmrPlan) plan = NULL;
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("SELECT p.id, p.office_id, p.case_id, p.status, p.objectives, hmr_staff_name (u.full_name, u.full_name_cyrillic), "
                         "p.approved_at, p.version, "
                         "(SELECT h.comment FROM plan_history h WHERE h.plan_id = p.id AND h.comment IS NOT NULL "
                         " ORDER BY h.at DESC LIMIT 1) "
                         "FROM reintegration_plan p LEFT JOIN app_user u ON u.id = p.approved_by "
                         "WHERE %s AND p.deleted_at IS NULL ORDER BY p.created_at DESC, p.rowid DESC LIMIT 1", where);
  stmt = hmr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                   _("No reintegration plan was found for this case."));
      return NULL;
    }
  plan = hmr_plan_new ((const char *) sqlite3_column_text (stmt, 2));
  plan->id = hmr_column_dup_text (stmt, 0);
  plan->office_id = hmr_column_dup_text (stmt, 1);
  g_free (plan->status);
  plan->status = hmr_column_dup_text (stmt, 3);
  plan->objectives = hmr_column_dup_text (stmt, 4);
  plan->approved_by = hmr_column_dup_text (stmt, 5);
  plan->approved_at = hmr_column_dup_text (stmt, 6);
  plan->version = sqlite3_column_int64 (stmt, 7);
  plan->last_comment = hmr_column_dup_text (stmt, 8);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = hmr_store_prepare (self,
                            "SELECT need, service, target_date, responsible FROM plan_action "
                            "WHERE plan_id = ?1 ORDER BY rowid",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, plan->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    hmr_plan_add_action (plan, (const char *) sqlite3_column_text (stmt, 0),
                         (const char *) sqlite3_column_text (stmt, 1),
                         (const char *) sqlite3_column_text (stmt, 2),
                         (const char *) sqlite3_column_text (stmt, 3));
  return g_steal_pointer (&plan);
}

static HmrPlan *
get_plan_checked (HmrStore        *self,
                  const HmrActor  *actor,
                  const char      *where,
                  const char      *key,
                  GError         **error)
{
  g_autoptr(HmrPlan) plan = NULL;

  if (!hmr_store_check_actor (self, actor, error))
    return NULL;
  plan = load_plan (self, where, key, error);
  if (plan == NULL ||
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_READ, plan->office_id, error))
    return NULL;
  return g_steal_pointer (&plan);
}

HmrPlan *
hmr_store_get_plan (HmrStore        *self,
                    const HmrActor  *actor,
                    const char      *plan_id,
                    GError         **error)
{
  g_return_val_if_fail (HMR_IS_STORE (self), NULL);
  return get_plan_checked (self, actor, "p.id = ?1", plan_id, error);
}

/**
 * hmr_store_get_current_plan:
 *
 * Returns: (transfer full): the case's latest plan; %NULL with
 *   %HMR_STORE_ERROR_NOT_FOUND when it has none
 */
HmrPlan *
hmr_store_get_current_plan (HmrStore        *self,
                            const HmrActor  *actor,
                            const char      *case_id,
                            GError         **error)
{
  g_return_val_if_fail (HMR_IS_STORE (self), NULL);
  return get_plan_checked (self, actor, "p.case_id = ?1", case_id, error);
}

static gboolean
validate_plan (HmrPlan  *plan,
               GError  **error)
{
  for (guint i = 0; i < plan->actions->len; i++)
    {
      HmrPlanAction *a = g_ptr_array_index (plan->actions, i);
      g_autofree char *iso = NULL;

      if (!hmr_need_from_string (a->need, NULL))
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Planned service %u: “%s” is not a need (legal, employment, health, psychosocial, "
                         "housing, documents)."), i + 1, a->need ? a->need : "");
          return FALSE;
        }
      if (hmr_text_is_blank (a->service))
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Planned service %u: say which service."), i + 1);
          return FALSE;
        }
      if (a->target_date != NULL && (iso = hmr_dup_iso_date (a->target_date, NULL)) == NULL)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Planned service %u: the target date “%s” is not a date."), i + 1, a->target_date);
          return FALSE;
        }
      if (iso != NULL)
        {
          g_free (a->target_date);
          a->target_date = g_steal_pointer (&iso);
        }
    }
  return TRUE;
}

static gboolean
write_actions (HmrStore    *self,
               HmrPlan     *plan,
               const char  *plan_id,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) del = NULL;
  g_autoptr(sqlite3_stmt) ins = NULL;

  del = hmr_store_prepare (self, "DELETE FROM plan_action WHERE plan_id = ?1", error);
  if (del == NULL)
    return FALSE;
  hmr_bind_text (del, 1, plan_id);
  if (!hmr_fu_step_done (self, del, error))
    return FALSE;

  ins = hmr_store_prepare (self,
                           "INSERT INTO plan_action (id, plan_id, need, service, target_date, responsible) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                           error);
  if (ins == NULL)
    return FALSE;
  for (guint i = 0; i < plan->actions->len; i++)
    {
      HmrPlanAction *a = g_ptr_array_index (plan->actions, i);
      g_autofree char *id = hmr_store_new_id ();

      sqlite3_reset (ins);
      hmr_bind_text (ins, 1, id);
      hmr_bind_text (ins, 2, plan_id);
      hmr_bind_text (ins, 3, a->need);
      hmr_bind_text (ins, 4, a->service);
      hmr_bind_text (ins, 5, a->target_date);
      hmr_bind_text (ins, 6, hmr_text_is_blank (a->responsible) ? NULL : a->responsible);
      if (!hmr_fu_step_done (self, ins, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
has_plan_in_progress (HmrStore   *self,
                      const char *case_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = hmr_store_prepare (self,
                            "SELECT 1 FROM reintegration_plan WHERE case_id = ?1 AND deleted_at IS NULL "
                            "AND status IN ('draft', 'submitted', 'returned')",
                            NULL);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, case_id);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

typedef struct
{
  HmrPlan  *plan;
  gboolean  is_new;
  char     *office_id;     /* the case's office, for @plan once committed */
} SavePlan;

static gboolean
save_plan_locked (HmrStore        *self,
                  const HmrActor  *actor,
                  HmrAuditRow     *audit,
                  gpointer         data,
                  GError         **error)
{
  SavePlan *s = data;
  HmrPlan *plan = s->plan;
  const char *id = audit->entity_id;
  g_auto(HmrCaseRow) row = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(HmrPlan) old = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);
  g_autofree char *old_actions = NULL;
  g_autofree char *new_actions = NULL;

  if (!hmr_case_row_load (self, plan->case_id, &row, error) ||
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_WRITE, row.office_id, error) ||
      !hmr_case_row_require_open (&row, error))
    return FALSE;

  if (s->is_new)
    {
      if (has_plan_in_progress (self, row.id))
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT,
                       _("Refused: this case already has a plan in progress; change that one."));
          return FALSE;
        }
      stmt = hmr_store_prepare (self,
                                "INSERT INTO reintegration_plan (id, office_id, case_id, status, objectives, "
                                "created_at, created_by, updated_at, updated_by) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7)",
                                error);
      if (stmt == NULL)
        return FALSE;
      hmr_bind_text (stmt, 1, id);
      hmr_bind_text (stmt, 2, row.office_id);
      hmr_bind_text (stmt, 3, row.id);
      hmr_bind_text (stmt, 4, hmr_workflow_initial_state (HMR_RECORD_PLAN));
      hmr_bind_text (stmt, 5, plan->objectives);
      hmr_bind_text (stmt, 6, now);
      hmr_bind_text (stmt, 7, actor->user_id);
      if (!hmr_fu_step_done (self, stmt, error) ||
          !hmr_fu_append_history (self, "plan_history", id, actor, NULL,
                                  hmr_workflow_initial_state (HMR_RECORD_PLAN), NULL, error))
        return FALSE;
    }
  else
    {
      old = load_plan (self, "p.id = ?1", id, error);
      if (old == NULL)
        return FALSE;
      if (g_strcmp0 (old->case_id, row.id) != 0)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("The plan belongs to another case."));
          return FALSE;
        }
      if (!g_str_equal (old->status, "draft") && !g_str_equal (old->status, "returned"))
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Refused: a plan that is “%s” cannot be changed."),
                       hmr_plan_status_get_label (old->status));
          return FALSE;
        }
      stmt = hmr_store_prepare (self,
                                "UPDATE reintegration_plan SET objectives = ?1, updated_at = ?2, updated_by = ?3, "
                                "version = version + 1 WHERE id = ?4 AND version = ?5",
                                error);
      if (stmt == NULL)
        return FALSE;
      hmr_bind_text (stmt, 1, plan->objectives);
      hmr_bind_text (stmt, 2, now);
      hmr_bind_text (stmt, 3, actor->user_id);
      hmr_bind_text (stmt, 4, id);
      sqlite3_bind_int64 (stmt, 5, plan->version);
      if (!hmr_fu_step_done (self, stmt, error))
        return FALSE;
      if (sqlite3_changes (self->db) != 1)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT,
                       _("Someone else changed this plan in the meantime. Open it again and retry."));
          return FALSE;
        }
      old_actions = actions_to_text (old->actions);
    }

  if (!write_actions (self, plan, id, error))
    return FALSE;

  new_actions = actions_to_text (plan->actions);
  if (s->is_new)
    {
      hmr_changes_add (audit->changes, "case_id", NULL, row.id);
      hmr_changes_add (audit->changes, "status", NULL, hmr_workflow_initial_state (HMR_RECORD_PLAN));
    }
  hmr_changes_add (audit->changes, "objectives", old ? old->objectives : NULL, plan->objectives);
  hmr_changes_add (audit->changes, "actions", old_actions, new_actions);
  s->office_id = g_strdup (row.office_id);
  return TRUE;
}

/**
 * hmr_store_save_plan:
 *
 * Saves a new plan as a draft (@plan->id %NULL) or changes a draft or a
 * returned plan.  A case has at most one plan in progress; submitted and
 * approved plans are locked.  On success @plan has its id and version.
 */
gboolean
hmr_store_save_plan (HmrStore        *self,
                     const HmrActor  *actor,
                     HmrPlan         *plan,
                     GError         **error)
{
  g_autofree char *id = NULL;
  SavePlan s = { plan, FALSE, NULL };

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !validate_plan (plan, error))
    return FALSE;
  s.is_new = plan->id == NULL;
  id = s.is_new ? hmr_store_new_id () : g_strdup (plan->id);
  if (!hmr_store_write (self, actor, s.is_new ? "create" : "update", "plan", id,
                        save_plan_locked, &s, error))
    {
      g_free (s.office_id);
      return FALSE;
    }

  g_free (plan->id);
  plan->id = g_steal_pointer (&id);
  g_free (plan->office_id);
  plan->office_id = s.office_id;
  if (s.is_new)
    {
      g_free (plan->status);
      plan->status = g_strdup (hmr_workflow_initial_state (HMR_RECORD_PLAN));
    }
  plan->version = s.is_new ? 1 : plan->version + 1;
  return TRUE;
}

/* What submitting needs, and the stage the case must have reached */
static gboolean
ready_to_submit (HmrPlan           *plan,
                 const HmrCaseRow  *row,
                 GError           **error)
{
  if (hmr_text_is_blank (plan->objectives))
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Objectives: write what the plan should achieve before submitting it."));
      return FALSE;
    }
  if (plan->actions->len == 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Planned services: add at least one service before submitting the plan."));
      return FALSE;
    }
  if (g_str_equal (row->stage, "new") || g_str_equal (row->stage, "reopened"))
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Refused: save the needs assessment before submitting the plan."));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  const char *to;
  const char *comment;
} PlanMove;

static gboolean
move_plan_locked (HmrStore        *self,
                  const HmrActor  *actor,
                  HmrAuditRow     *audit,
                  gpointer         data,
                  GError         **error)
{
  const PlanMove *m = data;
  const char *to = m->to;
  g_auto(HmrCaseRow) row = { 0 };
  g_autoptr(HmrPlan) plan = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);
  gboolean approving = g_strcmp0 (to, "approved") == 0;

  plan = load_plan (self, "p.id = ?1", audit->entity_id, error);
  if (plan == NULL ||
      !hmr_case_row_load (self, plan->case_id, &row, error) ||
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_WRITE, row.office_id, error) ||
      !hmr_workflow_may_move (actor, HMR_RECORD_PLAN, plan->status, to, row.office_id, m->comment, error))
    return FALSE;

  if (g_str_equal (to, "submitted") &&
      (!hmr_case_row_require_open (&row, error) || !ready_to_submit (plan, &row, error)))
    return FALSE;
  if (approving && !hmr_case_row_require_open (&row, error))
    return FALSE;

  stmt = hmr_store_prepare (self,
                            "UPDATE reintegration_plan SET status = ?1, "
                            "approved_by = CASE WHEN ?2 THEN ?3 ELSE approved_by END, "
                            "approved_at = CASE WHEN ?2 THEN ?4 ELSE approved_at END, "
                            "updated_at = ?4, updated_by = ?3, version = version + 1 "
                            "WHERE id = ?5 AND status = ?6",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, to);
  sqlite3_bind_int (stmt, 2, approving);
  hmr_bind_text (stmt, 3, actor->user_id);
  hmr_bind_text (stmt, 4, now);
  hmr_bind_text (stmt, 5, plan->id);
  hmr_bind_text (stmt, 6, plan->status);
  if (!hmr_fu_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) != 1)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT,
                   _("Someone else changed this plan in the meantime. Open it again and retry."));
      return FALSE;
    }
  if (!hmr_fu_append_history (self, "plan_history", plan->id, actor, plan->status, to, m->comment, error))
    return FALSE;

  hmr_changes_add (audit->changes, "status", plan->status, to);
  if (approving)
    hmr_changes_add (audit->changes, "approved_by", NULL, actor->user_id);
  if (!hmr_text_is_blank (m->comment))
    hmr_changes_add (audit->changes, "comment", NULL, m->comment);
  /* The case's moves below write their own audit rows, after this one */
  if (!hmr_store_write_audit (self, actor, audit, error))
    return FALSE;

  /* The case stage follows the plan */
  if (g_str_equal (to, "submitted") && g_str_equal (row.stage, "assessment") &&
      !hmr_store_move_case_locked (self, actor, &row, "case_plan", NULL, error))
    return FALSE;
  if (approving && g_str_equal (row.stage, "case_plan") &&
      !hmr_store_move_case_locked (self, actor, &row, "services", NULL, error))
    return FALSE;
  return TRUE;
}

/**
 * hmr_store_move_plan:
 * @to: "submitted", "approved" or "returned"
 * @comment: (nullable): required when returning the plan
 *
 * Moves the plan as the workflow table allows @actor.  Submitting moves a
 * case at "assessment" to "case_plan"; approval moves a case at
 * "case_plan" to "services" and records who approved it and when.
 */
gboolean
hmr_store_move_plan (HmrStore        *self,
                     const HmrActor  *actor,
                     const char      *plan_id,
                     const char      *to,
                     const char      *comment,
                     GError         **error)
{
  PlanMove m = { to, comment };

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);
  g_return_val_if_fail (to != NULL, FALSE);

  if (!hmr_store_check_actor (self, actor, error))
    return FALSE;
  return hmr_store_write (self, actor, "transition", "plan", plan_id, move_plan_locked, &m, error);
}

/**
 * hmr_store_list_plan_history:
 *
 * Returns: (transfer full) (element-type HmrHistoryEntry): the plan's
 *   moves, oldest first
 */
GPtrArray *
hmr_store_list_plan_history (HmrStore        *self,
                             const HmrActor  *actor,
                             const char      *plan_id,
                             GError         **error)
{
  g_autoptr(HmrPlan) plan = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = NULL;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  plan = hmr_store_get_plan (self, actor, plan_id, error);
  if (plan == NULL)
    return NULL;
  stmt = hmr_store_prepare (self,
                            "SELECT h.at, hmr_staff_name (u.full_name, u.full_name_cyrillic), h.from_state, h.to_state, h.comment "
                            "FROM plan_history h LEFT JOIN app_user u ON u.id = h.by_user "
                            "WHERE h.plan_id = ?1 ORDER BY h.at, h.rowid",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, plan_id);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_history_entry_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      HmrHistoryEntry *e = g_new0 (HmrHistoryEntry, 1);
      e->at = hmr_column_dup_text (stmt, 0);
      e->by = hmr_column_dup_text (stmt, 1);
      e->from_state = hmr_column_dup_text (stmt, 2);
      e->to_state = hmr_column_dup_text (stmt, 3);
      e->comment = hmr_column_dup_text (stmt, 4);
      g_ptr_array_add (out, e);
    }
  return g_steal_pointer (&out);
}
