/* hmr-store-case-moves.c — a supervisor moves a case: its stage,
 * its caseworker, its office
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-case-moves.h"
#include "hmr-follow-up-private.h"
#include "hmr-labels.h"
#include "hmr-text.h"

/* ---- the state the workflow sees -------------------------------------- */

/**
 * hmr_case_state:
 *
 * The state of a case in the workflow table: its status when that is
 * final (transferred, duplicate), its stage otherwise.
 */
const char *
hmr_case_state (const char *status,
                const char *stage)
{
  if (g_strcmp0 (status, "transferred") == 0 || g_strcmp0 (status, "duplicate") == 0)
    return status;
  return stage;
}

/**
 * hmr_case_dup_stage_moves:
 *
 * The stages @actor may move the case to from the case file ("Move to
 * Stage…"): what the workflow table allows, less the transfer (which
 * needs an office: hmr_store_transfer_case()).
 *
 * Returns: (transfer full): the states, %NULL-terminated
 */
char **
hmr_case_dup_stage_moves (const HmrActor    *actor,
                          const HmrCaseInfo *info)
{
  g_auto(GStrv) next = NULL;
  GPtrArray *out = g_ptr_array_new ();

  g_return_val_if_fail (info != NULL, NULL);

  next = hmr_workflow_next_states (actor, HMR_RECORD_CASE,
                                   hmr_case_state (info->status, info->stage), info->office_id);
  for (guint i = 0; next[i] != NULL; i++)
    if (!g_str_equal (next[i], "transferred"))
      g_ptr_array_add (out, g_strdup (next[i]));
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

/* ---- offices and caseworkers to choose from --------------------------- */

void
hmr_office_info_free (HmrOfficeInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->code);
  g_free (info->name);
  g_free (info->district);
  g_free (info);
}

/**
 * hmr_store_list_offices:
 *
 * Refused unless @actor may transfer cases (reassign them anywhere).
 *
 * Returns: (transfer full) (element-type HmrOfficeInfo): the offices, by region and district
 */
GPtrArray *
hmr_store_list_offices (HmrStore        *self,
                        const HmrActor  *actor,
                        GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = NULL;
  int rc;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_REASSIGN, NULL, error))
    return NULL;
  stmt = hmr_store_prepare (self,
                            "SELECT id, code, name, district FROM office WHERE deleted_at IS NULL "
                            "ORDER BY CASE region WHEN 'khatlon' THEN 0 WHEN 'gbao' THEN 1 "
                            "WHEN 'sughd' THEN 2 ELSE 3 END, district, code",
                            error);
  if (stmt == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_office_info_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HmrOfficeInfo *o = g_new0 (HmrOfficeInfo, 1);
      o->id = hmr_column_dup_text (stmt, 0);
      o->code = hmr_column_dup_text (stmt, 1);
      o->name = hmr_column_dup_text (stmt, 2);
      o->district = hmr_column_dup_text (stmt, 3);
      g_ptr_array_add (out, o);
    }
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

/**
 * hmr_store_list_caseworkers:
 * @office_id: the office
 *
 * Refused unless @actor may reassign the office's cases.
 *
 * Returns: (transfer full) (element-type HmrUserInfo): the active
 *   caseworkers of @office_id, by name
 */
GPtrArray *
hmr_store_list_caseworkers (HmrStore        *self,
                            const HmrActor  *actor,
                            const char      *office_id,
                            GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = NULL;
  int rc;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_REASSIGN, office_id, error))
    return NULL;
  stmt = hmr_store_prepare (self,
                            "SELECT id, username, hmr_staff_name (full_name, full_name_cyrillic), office_id FROM app_user "
                            "WHERE role = 'caseworker' AND active = 1 AND deleted_at IS NULL "
                            "AND office_id = ?1 ORDER BY full_name",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, office_id);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_user_info_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HmrUserInfo *u = g_new0 (HmrUserInfo, 1);
      u->id = hmr_column_dup_text (stmt, 0);
      u->username = hmr_column_dup_text (stmt, 1);
      u->full_name = hmr_column_dup_text (stmt, 2);
      u->role = HMR_ROLE_CASEWORKER;
      u->office_id = hmr_column_dup_text (stmt, 3);
      u->active = TRUE;
      g_ptr_array_add (out, u);
    }
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

void
hmr_case_assignment_free (HmrCaseAssignment *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->kind);
  g_free (entry->at);
  g_free (entry->by_name);
  g_free (entry->from_office);
  g_free (entry->to_office);
  g_free (entry->from_owner);
  g_free (entry->to_owner);
  g_free (entry->comment);
  g_free (entry);
}

/**
 * hmr_store_list_case_assignments:
 *
 * Returns: (transfer full) (element-type HmrCaseAssignment): the case's
 *   reassignments and transfers, oldest first
 */
GPtrArray *
hmr_store_list_case_assignments (HmrStore        *self,
                                 const HmrActor  *actor,
                                 const char      *case_id,
                                 GError         **error)
{
  g_auto(HmrCaseRow) row = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = NULL;
  int rc;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_case_row_load (self, case_id, &row, error) ||
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_READ, row.office_id, error))
    return NULL;
  stmt = hmr_store_prepare (self,
                            "SELECT a.kind, a.at, hmr_staff_name (u.full_name, u.full_name_cyrillic), fo.district, tof.district, "
                            "hmr_staff_name (fw.full_name, fw.full_name_cyrillic), hmr_staff_name (tw.full_name, tw.full_name_cyrillic), a.comment FROM case_assignment a "
                            "LEFT JOIN app_user u ON u.id = a.by_user "
                            "LEFT JOIN office fo ON fo.id = a.from_office "
                            "LEFT JOIN office tof ON tof.id = a.to_office "
                            "LEFT JOIN app_user fw ON fw.id = a.from_owner "
                            "LEFT JOIN app_user tw ON tw.id = a.to_owner "
                            "WHERE a.case_id = ?1 ORDER BY a.at, a.rowid",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, case_id);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_case_assignment_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HmrCaseAssignment *a = g_new0 (HmrCaseAssignment, 1);
      a->kind = hmr_column_dup_text (stmt, 0);
      a->at = hmr_column_dup_text (stmt, 1);
      a->by_name = hmr_column_dup_text (stmt, 2);
      a->from_office = hmr_column_dup_text (stmt, 3);
      a->to_office = hmr_column_dup_text (stmt, 4);
      a->from_owner = hmr_column_dup_text (stmt, 5);
      a->to_owner = hmr_column_dup_text (stmt, 6);
      a->comment = hmr_column_dup_text (stmt, 7);
      g_ptr_array_add (out, a);
    }
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

/* ---- stage moves ---------------------------------------------------------- */

typedef struct
{
  const char *case_id;
  const char *to;
  const char *comment;
} StageMove;

/* hmr_store_move_case_locked() writes the history and audit rows */
static gboolean
move_case_locked (HmrStore        *self,
                  const HmrActor  *actor,
                  HmrAuditRow     *audit,
                  gpointer         data,
                  GError         **error)
{
  const StageMove *m = data;
  g_auto(HmrCaseRow) row = { 0 };

  if (!hmr_case_row_load (self, m->case_id, &row, error) ||
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_WRITE, row.office_id, error))
    return FALSE;
  return hmr_store_move_case_locked (self, actor, &row, m->to, m->comment, error);
}

/**
 * hmr_store_move_case:
 * @to: the stage (new, assessment, case_plan, services, closed, reopened)
 *   or "duplicate"
 * @comment: (nullable): the reason, required where the workflow table
 *   asks for one
 *
 * Moves the case as the workflow table allows @actor.  Closing is
 * hmr_store_close_case() (its planned follow-ups are cancelled); a
 * transfer needs an office: hmr_store_transfer_case().
 */
gboolean
hmr_store_move_case (HmrStore        *self,
                     const HmrActor  *actor,
                     const char      *case_id,
                     const char      *to,
                     const char      *comment,
                     GError         **error)
{
  StageMove m = { case_id, to, comment };

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);
  g_return_val_if_fail (to != NULL, FALSE);

  if (!hmr_store_check_actor (self, actor, error))
    return FALSE;
  if (g_str_equal (to, "closed"))
    return hmr_store_close_case (self, actor, case_id, comment, error);
  return hmr_store_write (self, actor, "transition", NULL, NULL, move_case_locked, &m, error);
}

/* ---- reassigning and transferring ----------------------------------------- */

typedef struct
{
  const char *case_id;
  const char *office_id;   /* NULL: reassign within the office */
  const char *owner_id;
  const char *comment;
} Assignment;

/* The new owner: an active caseworker of @office_id */
static gboolean
check_owner (HmrStore    *self,
             const char  *owner_id,
             const char  *office_id,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = hmr_store_prepare (self,
                            "SELECT 1 FROM app_user WHERE id = ?1 AND role = 'caseworker' AND active = 1 "
                            "AND deleted_at IS NULL AND office_id = ?2",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, owner_id);
  hmr_bind_text (stmt, 2, office_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
               _("Caseworker: choose an active caseworker of the case’s office."));
  return FALSE;
}

static gboolean
append_assignment (HmrStore         *self,
                   const HmrActor   *actor,
                   const HmrCaseRow *row,
                   const char       *kind,
                   const char       *to_office,
                   const char       *to_owner,
                   const char       *comment,
                   GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *id = hmr_store_new_id ();
  g_autofree char *now = hmr_store_dup_timestamp (self);

  stmt = hmr_store_prepare (self,
                            "INSERT INTO case_assignment (id, case_id, kind, at, by_user, from_office, "
                            "to_office, from_owner, to_owner, comment) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, id);
  hmr_bind_text (stmt, 2, row->id);
  hmr_bind_text (stmt, 3, kind);
  hmr_bind_text (stmt, 4, now);
  hmr_bind_text (stmt, 5, actor->user_id);
  hmr_bind_text (stmt, 6, row->office_id);
  hmr_bind_text (stmt, 7, to_office);
  hmr_bind_text (stmt, 8, row->owner_id);
  hmr_bind_text (stmt, 9, to_owner);
  hmr_bind_text (stmt, 10, hmr_text_is_blank (comment) ? NULL : comment);
  return hmr_fu_step_done (self, stmt, error);
}

/* Everything recorded for the person follows them to the new office */
static gboolean
move_records (HmrStore    *self,
              const char  *beneficiary_id,
              const char  *office_id,
              GError     **error)
{
  static const char * const statements[] = {
    "UPDATE beneficiary SET office_id = ?1 WHERE id = ?2",
    "UPDATE migration_episode SET office_id = ?1 WHERE beneficiary_id = ?2",
    "UPDATE reentry_ban SET office_id = ?1 WHERE beneficiary_id = ?2",
    "UPDATE trafficking_profile SET office_id = ?1 WHERE beneficiary_id = ?2",
    "UPDATE referral SET office_id = ?1 WHERE beneficiary_id = ?2",
    "UPDATE follow_up SET office_id = ?1 WHERE beneficiary_id = ?2",
    "UPDATE handover SET office_id = ?1 WHERE beneficiary_id = ?2",
    "UPDATE survey_response SET office_id = ?1 WHERE beneficiary_id = ?2",
    "UPDATE assessment SET office_id = ?1 WHERE case_id IN (SELECT id FROM case_file WHERE beneficiary_id = ?2)",
    "UPDATE reintegration_plan SET office_id = ?1 WHERE case_id IN (SELECT id FROM case_file WHERE beneficiary_id = ?2)",
    "UPDATE case_closure_request SET office_id = ?1 WHERE case_id IN (SELECT id FROM case_file WHERE beneficiary_id = ?2)",
    "UPDATE disbursement SET office_id = ?1 WHERE grant_id IN (SELECT g.id FROM reintegration_grant g "
      "JOIN case_file c ON c.id = g.case_id WHERE c.beneficiary_id = ?2)",
    "UPDATE reintegration_grant SET office_id = ?1 WHERE case_id IN (SELECT id FROM case_file WHERE beneficiary_id = ?2)",
    "UPDATE case_file SET office_id = ?1 WHERE beneficiary_id = ?2",
  };

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_autoptr(sqlite3_stmt) stmt = hmr_store_prepare (self, statements[i], error);
      if (stmt == NULL)
        return FALSE;
      hmr_bind_text (stmt, 1, office_id);
      hmr_bind_text (stmt, 2, beneficiary_id);
      if (!hmr_fu_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
assign_locked (HmrStore        *self,
               const HmrActor  *actor,
               HmrAuditRow     *audit,
               gpointer         data,
               GError         **error)
{
  const Assignment *a = data;
  g_auto(HmrCaseRow) row = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);
  gboolean transfer = a->office_id != NULL;
  const char *office = transfer ? a->office_id : NULL;
  const char *state;

  if (!hmr_case_row_load (self, a->case_id, &row, error) ||
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_REASSIGN, row.office_id, error))
    return FALSE;
  if (office == NULL)
    office = row.office_id;
  state = hmr_case_state (row.status, row.stage);

  if (transfer)
    {
      if (!hmr_workflow_may_move (actor, HMR_RECORD_CASE, state, "transferred", row.office_id,
                                  a->comment, error))
        return FALSE;
      if (g_strcmp0 (office, row.office_id) == 0)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Office: the case is already at this office; choose another."));
          return FALSE;
        }
    }
  else
    {
      if (g_strcmp0 (state, "transferred") == 0 || g_strcmp0 (state, "duplicate") == 0)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Refused: the case is “%s”, no longer open."),
                       hmr_code_get_label (HMR_CODES_CASE_STATUS, state));
          return FALSE;
        }
      if (a->owner_id == NULL)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Caseworker: choose who takes the case over."));
          return FALSE;
        }
      if (g_strcmp0 (a->owner_id, row.owner_id) == 0)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Caseworker: the case is already theirs; choose another caseworker."));
          return FALSE;
        }
    }
  if (a->owner_id != NULL && !check_owner (self, a->owner_id, office, error))
    return FALSE;

  if (transfer)
    {
      g_autoptr(sqlite3_stmt) office_stmt = hmr_store_prepare (self,
        "SELECT 1 FROM office WHERE id = ?1 AND deleted_at IS NULL", error);
      if (office_stmt == NULL)
        return FALSE;
      hmr_bind_text (office_stmt, 1, office);
      if (sqlite3_step (office_stmt) != SQLITE_ROW)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Office: choose the office the case is transferred to."));
          return FALSE;
        }
      if (!move_records (self, row.beneficiary_id, office, error))
        return FALSE;
      /* Planned visits go to the new caseworker, or wait for one */
      g_clear_pointer (&stmt, sqlite3_finalize);
      stmt = hmr_store_prepare (self,
                                "UPDATE follow_up SET assigned_to = ?1, updated_at = ?2, updated_by = ?3, "
                                "version = version + 1 WHERE case_id = ?4 AND status = 'planned' "
                                "AND deleted_at IS NULL",
                                error);
      if (stmt == NULL)
        return FALSE;
      hmr_bind_text (stmt, 1, a->owner_id);
      hmr_bind_text (stmt, 2, now);
      hmr_bind_text (stmt, 3, actor->user_id);
      hmr_bind_text (stmt, 4, row.id);
      if (!hmr_fu_step_done (self, stmt, error))
        return FALSE;
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  stmt = hmr_store_prepare (self,
                            "UPDATE case_file SET owner_id = ?1, updated_at = ?2, updated_by = ?3, "
                            "version = version + 1 WHERE id = ?4 AND version = ?5",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, a->owner_id);
  hmr_bind_text (stmt, 2, now);
  hmr_bind_text (stmt, 3, actor->user_id);
  hmr_bind_text (stmt, 4, row.id);
  sqlite3_bind_int64 (stmt, 5, row.version);
  if (!hmr_fu_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) != 1)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT,
                   _("Someone else changed this case in the meantime. Open it again and retry."));
      return FALSE;
    }

  if (!append_assignment (self, actor, &row, transfer ? "transfer" : "reassign",
                          office, a->owner_id, a->comment, error))
    return FALSE;

  audit->entity_id = g_strdup (row.id);
  hmr_changes_add (audit->changes, "office_id", row.office_id, office);
  hmr_changes_add (audit->changes, "owner_id", row.owner_id, a->owner_id);
  if (!hmr_text_is_blank (a->comment))
    hmr_changes_add (audit->changes, "comment", NULL, a->comment);
  return TRUE;
}

/**
 * hmr_store_reassign_case:
 * @owner_id: an active caseworker of the case's office
 * @comment: (nullable): why, for the history
 *
 * Refused unless @actor may reassign cases (a supervisor).
 */
gboolean
hmr_store_reassign_case (HmrStore        *self,
                         const HmrActor  *actor,
                         const char      *case_id,
                         const char      *owner_id,
                         const char      *comment,
                         GError         **error)
{
  Assignment a = { case_id, NULL, owner_id, comment };

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_REASSIGN, NULL, error))
    return FALSE;
  return hmr_store_write (self, actor, "reassign", "case", NULL, assign_locked, &a, error);
}

/**
 * hmr_store_transfer_case:
 * @office_id: the office the case goes to
 * @owner_id: (nullable): an active caseworker of that office, or %NULL
 *   to leave the case for the office to assign
 * @reason: why (required, as the workflow table asks)
 *
 * The case keeps its number; the person and everything recorded for them
 * go to @office_id.
 */
gboolean
hmr_store_transfer_case (HmrStore        *self,
                         const HmrActor  *actor,
                         const char      *case_id,
                         const char      *office_id,
                         const char      *owner_id,
                         const char      *reason,
                         GError         **error)
{
  Assignment a = { case_id, office_id, owner_id, reason };

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_REASSIGN, NULL, error))
    return FALSE;
  if (office_id == NULL || *office_id == '\0')
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Office: choose the office the case is transferred to."));
      return FALSE;
    }
  return hmr_store_write (self, actor, "transfer", "case", NULL, assign_locked, &a, error);
}
