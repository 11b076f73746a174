/* hmr-store-case-closure.c — closure requests, closing and reopening a case
 *
 * A caseworker asks for closure (a case_closure_request row); a supervisor
 * approves it (the case goes to "closed" with closed_on and the reason) or
 * declines it with a comment.  Reopening (closed → reopened) needs a
 * reason.  Every move of the case is a case_history row and an audit row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-follow-up-private.h"
#include "hmr-labels.h"

/* ---- closure --------------------------------------------------------------- */

/* Someone could close a case at this stage (the workflow table says who) */
static gboolean
closable_at (const HmrCaseRow *row)
{
  for (HmrRole role = 0; role < HMR_N_ROLES; role++)
    {
      HmrActor someone = { (char *) "", (char *) "", (char *) "", role, row->office_id };
      if (hmr_workflow_may_move (&someone, HMR_RECORD_CASE, row->stage, "closed",
                                 row->office_id, "-", NULL))
        return TRUE;
    }
  return FALSE;
}

static gboolean
closure_request_exists (HmrStore    *self,
                        const char  *case_id,
                        char       **requested_at)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = hmr_store_prepare (self,
                            "SELECT requested_at FROM case_closure_request "
                            "WHERE case_id = ?1 AND status = 'requested'",
                            NULL);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, case_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;
  *requested_at = hmr_column_dup_text (stmt, 0);
  return TRUE;
}

typedef struct
{
  const char *case_id;
  const char *reason;
} ClosureRequest;

static gboolean
request_closure_locked (HmrStore        *self,
                        const HmrActor  *actor,
                        HmrAuditRow     *audit,
                        gpointer         data,
                        GError         **error)
{
  const ClosureRequest *req = data;
  g_auto(HmrCaseRow) row = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);
  g_autofree char *earlier = NULL;

  if (!hmr_case_row_load (self, req->case_id, &row, error) ||
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_WRITE, row.office_id, error) ||
      !hmr_case_row_require_open (&row, error))
    return FALSE;
  if (!closable_at (&row))
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Refused: a case at the stage “%s” cannot be closed."),
                   hmr_stage_get_label (row.stage));
      return FALSE;
    }
  if (closure_request_exists (self, row.id, &earlier))
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT,
                   _("Refused: closing this case was already asked for (%s) and waits for a supervisor."),
                   earlier);
      return FALSE;
    }

  stmt = hmr_store_prepare (self,
                            "INSERT INTO case_closure_request (id, office_id, case_id, status, reason, "
                            "requested_by, requested_at, created_at, created_by, updated_at, updated_by) "
                            "VALUES (?1, ?2, ?3, 'requested', ?4, ?5, ?6, ?6, ?5, ?6, ?5)",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, audit->entity_id);
  hmr_bind_text (stmt, 2, row.office_id);
  hmr_bind_text (stmt, 3, row.id);
  hmr_bind_text (stmt, 4, req->reason);
  hmr_bind_text (stmt, 5, actor->user_id);
  hmr_bind_text (stmt, 6, now);
  if (!hmr_fu_step_done (self, stmt, error))
    return FALSE;

  hmr_changes_add (audit->changes, "case_id", NULL, row.id);
  hmr_changes_add (audit->changes, "status", NULL, "requested");
  hmr_changes_add (audit->changes, "reason", NULL, req->reason);
  return TRUE;
}

/**
 * hmr_store_request_closure:
 * @reason: why the case should be closed (required)
 *
 * A caseworker asks a supervisor to close the case.  Refused when the
 * case cannot be closed at its stage or when closure was already asked.
 *
 * Returns: (transfer full): the id of the request
 */
char *
hmr_store_request_closure (HmrStore        *self,
                           const HmrActor  *actor,
                           const char      *case_id,
                           const char      *reason,
                           GError         **error)
{
  ClosureRequest req = { case_id, reason };
  g_autofree char *id = hmr_store_new_id ();

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error))
    return NULL;
  if (hmr_text_is_blank (reason))
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Reason: say why the case should be closed."));
      return NULL;
    }
  if (!hmr_store_write (self, actor, "create", "case_closure_request", id,
                        request_closure_locked, &req, error))
    return NULL;
  return g_steal_pointer (&id);
}

typedef struct
{
  char *id;
  char *case_id;
  char *status;
  char *reason;
  char *requested_by;
} Request;

static void
request_clear (Request *r)
{
  g_clear_pointer (&r->id, g_free);
  g_clear_pointer (&r->case_id, g_free);
  g_clear_pointer (&r->status, g_free);
  g_clear_pointer (&r->reason, g_free);
  g_clear_pointer (&r->requested_by, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Request, request_clear)

static gboolean
load_request (HmrStore    *self,
              const char  *request_id,
              Request     *r,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = hmr_store_prepare (self,
                            "SELECT id, case_id, status, reason, requested_by FROM case_closure_request "
                            "WHERE id = ?1 AND deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, request_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                   _("The closure request was not found."));
      return FALSE;
    }
  r->id = hmr_column_dup_text (stmt, 0);
  r->case_id = hmr_column_dup_text (stmt, 1);
  r->status = hmr_column_dup_text (stmt, 2);
  r->reason = hmr_column_dup_text (stmt, 3);
  r->requested_by = hmr_column_dup_text (stmt, 4);
  if (!g_str_equal (r->status, "requested"))
    {
      if (g_str_equal (r->status, "approved"))
        g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT,
                     _("Refused: this closure request was already approved."));
      else if (g_str_equal (r->status, "declined"))
        g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT,
                     _("Refused: this closure request was already declined."));
      else
        g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT,
                     _("Refused: this closure request was withdrawn."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
set_request_status (HmrStore       *self,
                    const HmrActor *actor,
                    const char     *request_id,
                    const char     *to,
                    const char     *comment,
                    GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(HmrChanges) changes = hmr_changes_new ();
  g_autofree char *json = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);
  gboolean decided = !g_str_equal (to, "withdrawn");

  stmt = hmr_store_prepare (self,
                            "UPDATE case_closure_request SET status = ?1, decided_by = ?2, decided_at = ?3, "
                            "decision_comment = ?4, updated_at = ?5, updated_by = ?6, version = version + 1 "
                            "WHERE id = ?7 AND status = 'requested'",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, to);
  hmr_bind_text (stmt, 2, decided ? actor->user_id : NULL);
  hmr_bind_text (stmt, 3, decided ? now : NULL);
  hmr_bind_text (stmt, 4, hmr_text_is_blank (comment) ? NULL : comment);
  hmr_bind_text (stmt, 5, now);
  hmr_bind_text (stmt, 6, actor->user_id);
  hmr_bind_text (stmt, 7, request_id);
  if (!hmr_fu_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) != 1)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT,
                   _("Someone else decided this closure request in the meantime."));
      return FALSE;
    }

  hmr_changes_add (changes, "status", "requested", to);
  if (!hmr_text_is_blank (comment))
    hmr_changes_add (changes, "decision_comment", NULL, comment);
  json = hmr_changes_free_to_json (g_steal_pointer (&changes));
  return hmr_store_audit_append (self, actor, "transition", "case_closure_request", request_id, json, error);
}

/* Inside a transaction: close, settle an open request, cancel what was planned */
static gboolean
close_locked (HmrStore        *self,
              const HmrActor  *actor,
              HmrCaseRow      *row,
              const char      *reason,
              const char      *request_id,
              const char      *decision_comment,
              GError         **error)
{
  g_autofree char *open_request = NULL;

  if (!hmr_case_row_require_open (row, error) ||
      !hmr_store_move_case_locked (self, actor, row, "closed", reason, error))
    return FALSE;

  if (request_id == NULL)
    {
      g_autoptr(sqlite3_stmt) stmt = hmr_store_prepare (self,
        "SELECT id FROM case_closure_request WHERE case_id = ?1 AND status = 'requested'", error);
      if (stmt == NULL)
        return FALSE;
      hmr_bind_text (stmt, 1, row->id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        open_request = hmr_column_dup_text (stmt, 0);
      request_id = open_request;
    }
  if (request_id != NULL &&
      !set_request_status (self, actor, request_id, "approved", decision_comment, error))
    return FALSE;

  return hmr_store_cancel_planned_follow_ups (self, actor, row, _("The case was closed."), error);
}

typedef struct
{
  const char *request_id;
  const char *to;          /* approved, declined or withdrawn */
  const char *comment;
} ClosureDecision;

/* The audit rows are written by set_request_status() and, on approval, by
 * the moves of the case and of its follow-ups */
static gboolean
settle_closure_locked (HmrStore        *self,
                       const HmrActor  *actor,
                       HmrAuditRow     *audit,
                       gpointer         data,
                       GError         **error)
{
  const ClosureDecision *d = data;
  g_auto(Request) r = { 0 };
  g_auto(HmrCaseRow) row = { 0 };

  if (!load_request (self, d->request_id, &r, error) ||
      !hmr_case_row_load (self, r.case_id, &row, error) ||
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_WRITE, row.office_id, error))
    return FALSE;

  if (g_str_equal (d->to, "approved"))
    return close_locked (self, actor, &row, r.reason, r.id, d->comment, error);
  if (g_str_equal (d->to, "declined"))
    {
      /* Declining is for the same people as approving */
      if (!hmr_workflow_may_move (actor, HMR_RECORD_CASE, row.stage, "closed", row.office_id,
                                  r.reason, error))
        return FALSE;
      if (hmr_text_is_blank (d->comment))
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Comment: say why the case stays open."));
          return FALSE;
        }
    }
  return set_request_status (self, actor, r.id, d->to, d->comment, error);
}

/**
 * hmr_store_decide_closure:
 * @approve: %TRUE to close the case, %FALSE to decline
 * @comment: (nullable): required when declining
 *
 * Only those the workflow table lets close a case at its stage (a
 * supervisor) decide.  Approving closes the case with the request's
 * reason and cancels its planned follow-ups.
 */
gboolean
hmr_store_decide_closure (HmrStore        *self,
                          const HmrActor  *actor,
                          const char      *request_id,
                          gboolean         approve,
                          const char      *comment,
                          GError         **error)
{
  ClosureDecision d = { request_id, approve ? "approved" : "declined", comment };

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  if (!hmr_store_check_actor (self, actor, error))
    return FALSE;
  return hmr_store_write (self, actor, "transition", NULL, NULL, settle_closure_locked, &d, error);
}

/**
 * hmr_store_withdraw_closure:
 *
 * The caseworker takes back a closure request that no one decided yet.
 */
gboolean
hmr_store_withdraw_closure (HmrStore        *self,
                            const HmrActor  *actor,
                            const char      *request_id,
                            GError         **error)
{
  ClosureDecision d = { request_id, "withdrawn", NULL };

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  if (!hmr_store_check_actor (self, actor, error))
    return FALSE;
  return hmr_store_write (self, actor, "transition", NULL, NULL, settle_closure_locked, &d, error);
}

typedef struct
{
  const char *case_id;
  const char *to;          /* closed or reopened */
  const char *reason;
} CaseMove;

/* hmr_store_move_case_locked() writes the audit row */
static gboolean
close_or_reopen_locked (HmrStore        *self,
                        const HmrActor  *actor,
                        HmrAuditRow     *audit,
                        gpointer         data,
                        GError         **error)
{
  const CaseMove *m = data;
  g_auto(HmrCaseRow) row = { 0 };

  if (!hmr_case_row_load (self, m->case_id, &row, error) ||
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_WRITE, row.office_id, error))
    return FALSE;
  if (g_str_equal (m->to, "closed"))
    return close_locked (self, actor, &row, m->reason, NULL, NULL, error);
  return hmr_store_move_case_locked (self, actor, &row, m->to, m->reason, error);
}

/**
 * hmr_store_close_case:
 * @reason: the closure reason (required)
 *
 * A supervisor closes a case directly; an open request is marked approved.
 */
gboolean
hmr_store_close_case (HmrStore        *self,
                      const HmrActor  *actor,
                      const char      *case_id,
                      const char      *reason,
                      GError         **error)
{
  CaseMove m = { case_id, "closed", reason };

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  if (!hmr_store_check_actor (self, actor, error))
    return FALSE;
  return hmr_store_write (self, actor, "transition", NULL, NULL, close_or_reopen_locked, &m, error);
}

/**
 * hmr_store_reopen_case:
 * @reason: why the case is opened again (required)
 *
 * closed → reopened; the case is open again and its next assessment moves
 * it to "assessment".
 */
gboolean
hmr_store_reopen_case (HmrStore        *self,
                       const HmrActor  *actor,
                       const char      *case_id,
                       const char      *reason,
                       GError         **error)
{
  CaseMove m = { case_id, "reopened", reason };

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  if (!hmr_store_check_actor (self, actor, error))
    return FALSE;
  return hmr_store_write (self, actor, "transition", NULL, NULL, close_or_reopen_locked, &m, error);
}
