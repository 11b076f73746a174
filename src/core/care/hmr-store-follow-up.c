/* hmr-store-follow-up.c — reading, scheduling and cancelling follow-ups;
 * recording what happened is in hmr-store-follow-up-outcome.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-follow-up-private.h"
#include "hmr-labels.h"

static const char * const kinds[] = { "psychosocial_session", "phone", "home_visit", "office" };

static gboolean
is_kind (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i]) == 0)
      return TRUE;
  return FALSE;
}

gboolean
hmr_fu_check_kind (const char  *field,
                   const char  *kind,
                   GError     **error)
{
  if (is_kind (kind))
    return TRUE;
  g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
               _("%s: “%s” is not a psychosocial session, phone call, home visit or office visit."),
               field, kind ? kind : "");
  return FALSE;
}

void
hmr_follow_up_free (HmrFollowUp *f)
{
  if (f == NULL)
    return;
  g_free (f->id);
  g_free (f->office_id);
  g_free (f->beneficiary_id);
  g_free (f->case_id);
  g_free (f->kind);
  g_free (f->status);
  g_free (f->assigned_to);
  g_free (f->assigned_name);
  g_free (f->due_on);
  g_free (f->done_on);
  g_free (f->who5_acknowledged_at);
  g_free (f->next_on);
  g_free (f);
}

#define FOLLOW_UP_COLUMNS \
  "f.id, f.office_id, f.beneficiary_id, f.case_id, f.kind, f.status, f.assigned_to, hmr_staff_name (u.full_name, u.full_name_cyrillic), " \
  "f.due_on, f.done_on, f.duration_minutes, f.who5_items, f.who5_score, f.who5_previous, " \
  "f.who5_flags, f.who5_ack_at, f.wants_professional, coalesce(f.notes, '') <> '', f.next_on, f.version " \
  "FROM follow_up f LEFT JOIN app_user u ON u.id = f.assigned_to "

static int
int_or (sqlite3_stmt *stmt,
        int           i,
        int           fallback)
{
  return sqlite3_column_type (stmt, i) == SQLITE_NULL ? fallback : sqlite3_column_int (stmt, i);
}

static HmrFollowUp *
row_to_follow_up (sqlite3_stmt *stmt)
{
  HmrFollowUp *f = g_new0 (HmrFollowUp, 1);
  const char *items = (const char *) sqlite3_column_text (stmt, 11);

  f->id = hmr_column_dup_text (stmt, 0);
  f->office_id = hmr_column_dup_text (stmt, 1);
  f->beneficiary_id = hmr_column_dup_text (stmt, 2);
  f->case_id = hmr_column_dup_text (stmt, 3);
  f->kind = hmr_column_dup_text (stmt, 4);
  f->status = hmr_column_dup_text (stmt, 5);
  f->assigned_to = hmr_column_dup_text (stmt, 6);
  f->assigned_name = hmr_column_dup_text (stmt, 7);
  f->due_on = hmr_column_dup_text (stmt, 8);
  f->done_on = hmr_column_dup_text (stmt, 9);
  f->duration_minutes = int_or (stmt, 10, -1);
  if (items == NULL || !hmr_who5_items_parse (items, f->who5_items, NULL))
    for (guint i = 0; i < HMR_WHO5_N_ITEMS; i++)
      f->who5_items[i] = -1;
  f->who5_score = int_or (stmt, 12, -1);
  f->who5_previous = int_or (stmt, 13, -1);
  f->who5_flags = hmr_who5_flags_from_stored (int_or (stmt, 14, 0), f->who5_score);
  f->who5_acknowledged_at = hmr_column_dup_text (stmt, 15);
  f->wants_professional = int_or (stmt, 16, -1);
  f->has_note = sqlite3_column_int (stmt, 17) != 0;
  f->next_on = hmr_column_dup_text (stmt, 18);
  f->version = sqlite3_column_int64 (stmt, 19);
  return f;
}

/* The follow-up with no permission check, for the store's own use */
HmrFollowUp *
hmr_fu_load_follow_up (HmrStore    *self,
                       const char  *id,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = hmr_store_prepare (self, "SELECT " FOLLOW_UP_COLUMNS "WHERE f.id = ?1 AND f.deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                   _("The follow-up was not found; it may have been archived."));
      return NULL;
    }
  return row_to_follow_up (stmt);
}

/**
 * hmr_store_get_follow_up:
 *
 * Returns: (transfer full): the follow-up, without its confidential note
 */
HmrFollowUp *
hmr_store_get_follow_up (HmrStore        *self,
                         const HmrActor  *actor,
                         const char      *follow_up_id,
                         GError         **error)
{
  g_autoptr(HmrFollowUp) f = NULL;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error))
    return NULL;
  f = hmr_fu_load_follow_up (self, follow_up_id, error);
  if (f == NULL || !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_READ, f->office_id, error))
    return NULL;
  return g_steal_pointer (&f);
}

/**
 * hmr_store_list_follow_ups:
 *
 * Returns: (transfer full) (element-type HmrFollowUp): the person's
 *   follow-ups, latest first, without their confidential notes
 */
GPtrArray *
hmr_store_list_follow_ups (HmrStore        *self,
                           const HmrActor  *actor,
                           const char      *beneficiary_id,
                           GError         **error)
{
  g_autoptr(HmrBeneficiary) b = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = NULL;
  int rc;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  b = hmr_store_get_beneficiary (self, actor, beneficiary_id, error);
  if (b == NULL ||
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_READ,
                          hmr_beneficiary_get (b, HMR_BENEFICIARY_OFFICE_ID), error))
    return NULL;
  stmt = hmr_store_prepare (self,
                            "SELECT " FOLLOW_UP_COLUMNS "WHERE f.beneficiary_id = ?1 AND f.deleted_at IS NULL "
                            "ORDER BY coalesce(f.done_on, f.due_on) DESC, f.rowid DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, beneficiary_id);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_follow_up_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, row_to_follow_up (stmt));
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

/* The assignee must be an active user who may record the office's follow-ups */
static gboolean
check_assignee (HmrStore    *self,
                const char  *user_id,
                const char  *office_id,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  HmrActor who = { (char *) user_id, NULL, NULL, HMR_N_ROLES, NULL };

  stmt = hmr_store_prepare (self,
                            "SELECT role, office_id, full_name FROM app_user "
                            "WHERE id = ?1 AND active = 1 AND deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, user_id);
  if (sqlite3_step (stmt) == SQLITE_ROW &&
      hmr_role_from_string ((const char *) sqlite3_column_text (stmt, 0), &who.role))
    {
      who.office_id = (char *) sqlite3_column_text (stmt, 1);
      if (hmr_permission_allows (&who, HMR_ACTION_FOLLOW_UP_WRITE, office_id))
        return TRUE;
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Assigned to: %s may not record follow-ups of this office."),
                   sqlite3_column_text (stmt, 2));
      return FALSE;
    }
  g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
               _("Assigned to: no active user with this id."));
  return FALSE;
}

/* A planned follow-up of the case in @row, with its history and audit rows */
char *
hmr_fu_insert_planned (HmrStore          *self,
                       const HmrActor    *actor,
                       const HmrCaseRow  *row,
                       const char        *kind,
                       const char        *due_on,
                       const char        *assigned_to,
                       GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(HmrChanges) changes = hmr_changes_new ();
  g_autofree char *json = NULL;
  g_autofree char *id = hmr_store_new_id ();
  g_autofree char *now = hmr_store_dup_timestamp (self);
  const char *planned = hmr_workflow_initial_state (HMR_RECORD_FOLLOW_UP);

  stmt = hmr_store_prepare (self,
                            "INSERT INTO follow_up (id, office_id, beneficiary_id, case_id, kind, status, "
                            "assigned_to, due_on, created_at, created_by, updated_at, updated_by) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?9, ?10)",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, id);
  hmr_bind_text (stmt, 2, row->office_id);
  hmr_bind_text (stmt, 3, row->beneficiary_id);
  hmr_bind_text (stmt, 4, row->id);
  hmr_bind_text (stmt, 5, kind);
  hmr_bind_text (stmt, 6, planned);
  hmr_bind_text (stmt, 7, assigned_to);
  hmr_bind_text (stmt, 8, due_on);
  hmr_bind_text (stmt, 9, now);
  hmr_bind_text (stmt, 10, actor->user_id);
  if (!hmr_fu_step_done (self, stmt, error) ||
      !hmr_fu_append_history (self, "follow_up_history", id, actor, NULL, planned, NULL, error))
    return NULL;

  hmr_changes_add (changes, "beneficiary_id", NULL, row->beneficiary_id);
  hmr_changes_add (changes, "kind", NULL, kind);
  hmr_changes_add (changes, "status", NULL, planned);
  hmr_changes_add (changes, "due_on", NULL, due_on);
  hmr_changes_add (changes, "assigned_to", NULL, assigned_to);
  json = hmr_changes_free_to_json (g_steal_pointer (&changes));
  if (!hmr_store_audit_append (self, actor, "create", "follow_up", id, json, error))
    return NULL;
  return g_steal_pointer (&id);
}

typedef struct
{
  const char *beneficiary_id;
  const char *kind;
  const char *due_on;
  const char *assigned_to;
  char       *id;
} Schedule;

/* insert_planned() writes the audit row */
static gboolean
schedule_locked (HmrStore        *self,
                 const HmrActor  *actor,
                 HmrAuditRow     *audit,
                 gpointer         data,
                 GError         **error)
{
  Schedule *s = data;
  g_auto(HmrCaseRow) row = { 0 };
  const char *assigned_to = s->assigned_to;

  if (!hmr_case_row_load_for_beneficiary (self, s->beneficiary_id, &row, error) ||
      !hmr_store_require (actor, HMR_ACTION_FOLLOW_UP_WRITE, row.office_id, error))
    return FALSE;
  if (assigned_to == NULL)
    assigned_to = hmr_permission_is_office_scoped (actor->role, HMR_ACTION_FOLLOW_UP_WRITE) || row.owner_id == NULL
                  ? actor->user_id : row.owner_id;
  if (!check_assignee (self, assigned_to, row.office_id, error))
    return FALSE;
  s->id = hmr_fu_insert_planned (self, actor, &row, s->kind, s->due_on, assigned_to, error);
  return s->id != NULL;
}

/**
 * hmr_store_schedule_follow_up:
 * @kind: psychosocial_session, phone, home_visit or office
 * @due_on: the day it is due (ISO 8601)
 * @assigned_to: (nullable): the user who will do it; %NULL: the actor when
 *   the actor works in an office, else the case's caseworker
 *
 * Plans a follow-up of the person's current case.
 *
 * Returns: (transfer full): the new follow-up's id
 */
char *
hmr_store_schedule_follow_up (HmrStore        *self,
                              const HmrActor  *actor,
                              const char      *beneficiary_id,
                              const char      *kind,
                              const char      *due_on,
                              const char      *assigned_to,
                              GError         **error)
{
  g_autofree char *due = NULL;
  Schedule s = { beneficiary_id, kind, NULL, assigned_to, NULL };

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_fu_check_kind (_("Kind of follow-up"), kind, error))
    return NULL;
  due = hmr_dup_iso_date (due_on, NULL);
  if (due == NULL)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Due date: “%s” is not a date."), due_on ? due_on : "");
      return NULL;
    }
  s.due_on = due;
  if (!hmr_store_write (self, actor, "create", NULL, NULL, schedule_locked, &s, error))
    {
      g_free (s.id);
      return NULL;
    }
  return s.id;
}

gboolean
hmr_store_cancel_planned_follow_ups (HmrStore          *self,
                                     const HmrActor    *actor,
                                     const HmrCaseRow  *row,
                                     const char        *comment,
                                     GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *now = hmr_store_dup_timestamp (self);

  stmt = hmr_store_prepare (self,
                            "SELECT id FROM follow_up WHERE status = 'planned' AND deleted_at IS NULL "
                            "AND (case_id = ?1 OR (case_id IS NULL AND beneficiary_id = ?2))",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, row->id);
  hmr_bind_text (stmt, 2, row->beneficiary_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, hmr_column_dup_text (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autoptr(HmrChanges) changes = hmr_changes_new ();
      g_autofree char *json = NULL;

      if (!hmr_workflow_may_move (actor, HMR_RECORD_FOLLOW_UP, "planned", "cancelled", row->office_id,
                                  comment, error))
        return FALSE;
      stmt = hmr_store_prepare (self,
                                "UPDATE follow_up SET status = 'cancelled', updated_at = ?1, updated_by = ?2, "
                                "version = version + 1 WHERE id = ?3",
                                error);
      if (stmt == NULL)
        return FALSE;
      hmr_bind_text (stmt, 1, now);
      hmr_bind_text (stmt, 2, actor->user_id);
      hmr_bind_text (stmt, 3, id);
      if (!hmr_fu_step_done (self, stmt, error))
        return FALSE;
      g_clear_pointer (&stmt, sqlite3_finalize);
      if (!hmr_fu_append_history (self, "follow_up_history", id, actor, "planned", "cancelled",
                                  comment, error))
        return FALSE;
      hmr_changes_add (changes, "status", "planned", "cancelled");
      hmr_changes_add (changes, "comment", NULL, comment);
      json = hmr_changes_free_to_json (g_steal_pointer (&changes));
      if (!hmr_store_audit_append (self, actor, "transition", "follow_up", id, json, error))
        return FALSE;
    }
  return TRUE;
}
