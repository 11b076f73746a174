/* hmr-store-case.c — the case row and its stage transitions, reading a
 * case; helpers shared by the plan, follow-up and closure stores
 *
 * Every move of the case is a case_history row and an audit row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-case-moves.h"
#include "hmr-follow-up-private.h"
#include "hmr-labels.h"

/* ---- helpers shared by the hmr-store-*.c files of this feature --------- */

gboolean
hmr_fu_step_done (HmrStore      *self,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

char *
hmr_fu_dup_today (HmrStore *self)
{
  GDate today;
  char buf[16];

  hmr_store_get_today (self, &today);
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &today);
  return g_strdup (buf);
}

gboolean
hmr_fu_append_history (HmrStore       *self,
                       const char     *table,
                       const char     *record_id,
                       const HmrActor *actor,
                       const char     *from,
                       const char     *to,
                       const char     *comment,
                       GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *id = hmr_store_new_id ();
  g_autofree char *now = hmr_store_dup_timestamp (self);
  const char *column;

  if (g_str_equal (table, "case_history"))
    column = "case_id";
  else if (g_str_equal (table, "plan_history"))
    column = "plan_id";
  else if (g_str_equal (table, "follow_up_history"))
    column = "follow_up_id";
  else
    g_return_val_if_reached (FALSE);

  sql = g_strdup_printf ("INSERT INTO %s (id, %s, at, by_user, from_state, to_state, comment) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", table, column);
  stmt = hmr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, id);
  hmr_bind_text (stmt, 2, record_id);
  hmr_bind_text (stmt, 3, now);
  hmr_bind_text (stmt, 4, actor->user_id);
  hmr_bind_text (stmt, 5, from);
  hmr_bind_text (stmt, 6, to);
  hmr_bind_text (stmt, 7, hmr_text_is_blank (comment) ? NULL : comment);
  return hmr_fu_step_done (self, stmt, error);
}

/* ---- the case row ------------------------------------------------------ */

void
hmr_case_row_clear (HmrCaseRow *row)
{
  g_clear_pointer (&row->id, g_free);
  g_clear_pointer (&row->office_id, g_free);
  g_clear_pointer (&row->beneficiary_id, g_free);
  g_clear_pointer (&row->owner_id, g_free);
  g_clear_pointer (&row->status, g_free);
  g_clear_pointer (&row->stage, g_free);
  row->version = 0;
}

static gboolean
load_row (HmrStore    *self,
          const char  *sql,
          const char  *key,
          HmrCaseRow  *row,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = hmr_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                   _("The case file was not found; it may have been archived."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return hmr_store_set_sqlite_error (self, rc, error);
  hmr_case_row_clear (row);
  row->id = hmr_column_dup_text (stmt, 0);
  row->office_id = hmr_column_dup_text (stmt, 1);
  row->beneficiary_id = hmr_column_dup_text (stmt, 2);
  row->owner_id = hmr_column_dup_text (stmt, 3);
  row->status = hmr_column_dup_text (stmt, 4);
  row->stage = hmr_column_dup_text (stmt, 5);
  row->version = sqlite3_column_int64 (stmt, 6);
  return TRUE;
}

#define CASE_COLUMNS "c.id, c.office_id, c.beneficiary_id, c.owner_id, c.status, c.stage, c.version"

gboolean
hmr_case_row_load (HmrStore    *self,
                   const char  *case_id,
                   HmrCaseRow  *row,
                   GError     **error)
{
  return load_row (self,
                   "SELECT " CASE_COLUMNS " FROM case_file c WHERE c.id = ?1 AND c.deleted_at IS NULL",
                   case_id, row, error);
}

/* The beneficiary's current case: the one opened last */
gboolean
hmr_case_row_load_for_beneficiary (HmrStore    *self,
                                   const char  *beneficiary_id,
                                   HmrCaseRow  *row,
                                   GError     **error)
{
  return load_row (self,
                   "SELECT " CASE_COLUMNS " FROM case_file c JOIN beneficiary b ON b.id = c.beneficiary_id "
                   "WHERE c.beneficiary_id = ?1 AND c.deleted_at IS NULL AND b.deleted_at IS NULL "
                   "ORDER BY c.opened_on DESC, c.created_at DESC, c.rowid DESC LIMIT 1",
                   beneficiary_id, row, error);
}

gboolean
hmr_case_row_require_open (const HmrCaseRow  *row,
                           GError           **error)
{
  if (g_strcmp0 (row->status, "open") == 0)
    return TRUE;
  if (g_strcmp0 (row->status, "closed") == 0)
    g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                 _("Refused: the case is closed; reopen it first."));
  else
    g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                 _("Refused: the case is “%s”, no longer open."),
                 hmr_code_get_label (HMR_CODES_CASE_STATUS, row->status));
  return FALSE;
}

/**
 * hmr_store_move_case_locked:
 *
 * Moves the case in @row to the stage @to, inside the caller's
 * transaction.  Closing sets the status "closed", closed_on (today) and the
 * closure reason (@comment); reopening sets the status "open" again and
 * clears them (the case_history row keeps them).  Marking it a duplicate
 * sets the status "duplicate" and keeps the stage it had.  The workflow
 * is asked from the case's state (hmr_case_state()).
 */
gboolean
hmr_store_move_case_locked (HmrStore        *self,
                            const HmrActor  *actor,
                            HmrCaseRow      *row,
                            const char      *to,
                            const char      *comment,
                            GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) old = NULL;
  g_autoptr(HmrChanges) changes = hmr_changes_new ();
  g_autofree char *json = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);
  g_autofree char *today = hmr_fu_dup_today (self);
  g_autofree char *old_closed_on = NULL;
  g_autofree char *old_reason = NULL;
  const char *status = row->status;
  const char *from = hmr_case_state (row->status, row->stage);
  const char *stage = to;
  const char *closed_on = NULL;
  const char *reason = NULL;

  if (!hmr_workflow_may_move (actor, HMR_RECORD_CASE, from, to, row->office_id, comment, error))
    return FALSE;
  if (g_str_equal (to, "transferred"))
    {
      /* A transfer needs the office it goes to: hmr_store_transfer_case() */
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Office: choose the office the case is transferred to."));
      return FALSE;
    }

  old = hmr_store_prepare (self, "SELECT closed_on, closure_reason FROM case_file WHERE id = ?1", error);
  if (old == NULL)
    return FALSE;
  hmr_bind_text (old, 1, row->id);
  if (sqlite3_step (old) == SQLITE_ROW)
    {
      old_closed_on = hmr_column_dup_text (old, 0);
      old_reason = hmr_column_dup_text (old, 1);
    }
  closed_on = old_closed_on;
  reason = old_reason;
  if (g_str_equal (to, "closed"))
    {
      status = "closed";
      closed_on = today;
      reason = comment;
    }
  else if (g_str_equal (to, "reopened"))
    {
      status = "open";
      closed_on = NULL;
      reason = NULL;
    }
  else if (g_str_equal (to, "duplicate"))
    {
      status = "duplicate";
      stage = row->stage;
    }

  stmt = hmr_store_prepare (self,
                            "UPDATE case_file SET stage = ?1, status = ?2, closed_on = ?3, closure_reason = ?4, "
                            "updated_at = ?5, updated_by = ?6, version = version + 1 "
                            "WHERE id = ?7 AND version = ?8",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, stage);
  hmr_bind_text (stmt, 2, status);
  hmr_bind_text (stmt, 3, closed_on);
  hmr_bind_text (stmt, 4, reason);
  hmr_bind_text (stmt, 5, now);
  hmr_bind_text (stmt, 6, actor->user_id);
  hmr_bind_text (stmt, 7, row->id);
  sqlite3_bind_int64 (stmt, 8, row->version);
  if (!hmr_fu_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) != 1)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT,
                   _("Someone else changed this case in the meantime. Open it again and retry."));
      return FALSE;
    }

  if (!hmr_fu_append_history (self, "case_history", row->id, actor, from, to, comment, error))
    return FALSE;

  hmr_changes_add (changes, "stage", row->stage, stage);
  hmr_changes_add (changes, "status", row->status, status);
  hmr_changes_add (changes, "closed_on", old_closed_on, closed_on);
  hmr_changes_add (changes, "closure_reason", old_reason, reason);
  if (!hmr_text_is_blank (comment))
    hmr_changes_add (changes, "comment", NULL, comment);
  json = hmr_changes_free_to_json (g_steal_pointer (&changes));
  if (!hmr_store_audit_append (self, actor, "transition", "case", row->id, json, error))
    return FALSE;

  if (stage != row->stage)
    {
      g_free (row->stage);
      row->stage = g_strdup (stage);
    }
  if (status != row->status)
    {
      g_free (row->status);
      row->status = g_strdup (status);
    }
  row->version++;
  return TRUE;
}

/* ---- reading a case ------------------------------------------------------ */

void
hmr_case_info_free (HmrCaseInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->office_id);
  g_free (info->beneficiary_id);
  g_free (info->owner_id);
  g_free (info->status);
  g_free (info->stage);
  g_free (info->opened_on);
  g_free (info->closed_on);
  g_free (info->closure_reason);
  g_free (info->closure_request_id);
  g_free (info->closure_requested_by);
  g_free (info->closure_requested_at);
  g_free (info->closure_request_reason);
  g_free (info);
}

/**
 * hmr_store_get_case:
 *
 * Returns: (transfer full): the case, with its open closure request if
 *   there is one
 */
HmrCaseInfo *
hmr_store_get_case (HmrStore        *self,
                    const HmrActor  *actor,
                    const char      *case_id,
                    GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(HmrCaseInfo) info = NULL;
  int rc;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error))
    return NULL;
  stmt = hmr_store_prepare (self,
                            "SELECT c.id, c.office_id, c.beneficiary_id, c.owner_id, c.status, c.stage, "
                            "c.opened_on, c.closed_on, c.closure_reason, c.version, "
                            "r.id, hmr_staff_name (u.full_name, u.full_name_cyrillic), r.requested_at, r.reason "
                            "FROM case_file c "
                            "LEFT JOIN case_closure_request r ON r.case_id = c.id AND r.status = 'requested' "
                            "LEFT JOIN app_user u ON u.id = r.requested_by "
                            "WHERE c.id = ?1 AND c.deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, case_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                   _("The case file was not found; it may have been archived."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  if (!hmr_store_require (actor, HMR_ACTION_BENEFICIARY_READ,
                          (const char *) sqlite3_column_text (stmt, 1), error))
    return NULL;

  info = g_new0 (HmrCaseInfo, 1);
  info->id = hmr_column_dup_text (stmt, 0);
  info->office_id = hmr_column_dup_text (stmt, 1);
  info->beneficiary_id = hmr_column_dup_text (stmt, 2);
  info->owner_id = hmr_column_dup_text (stmt, 3);
  info->status = hmr_column_dup_text (stmt, 4);
  info->stage = hmr_column_dup_text (stmt, 5);
  info->opened_on = hmr_column_dup_text (stmt, 6);
  info->closed_on = hmr_column_dup_text (stmt, 7);
  info->closure_reason = hmr_column_dup_text (stmt, 8);
  info->version = sqlite3_column_int64 (stmt, 9);
  info->closure_request_id = hmr_column_dup_text (stmt, 10);
  info->closure_requested_by = hmr_column_dup_text (stmt, 11);
  info->closure_requested_at = hmr_column_dup_text (stmt, 12);
  info->closure_request_reason = hmr_column_dup_text (stmt, 13);
  return g_steal_pointer (&info);
}
