/* hmr-store-follow-up.c — scheduling and recording follow-ups, the WHO-5
 * score and its flags, the confidential note
 *
 * The note is confidential (DESIGN §6): the store returns it only through
 * hmr_store_read_follow_up_note(), only to those who may read sensitive
 * records of the office (a caseworker of the office, a supervisor), and
 * writes a "view" audit row each time.  The audit rows of changes never
 * hold the note's text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-follow-up-private.h"
#include "hmr-labels.h"

#define NOTE_IN_AUDIT "(confidential)"

static const char * const kinds[] = { "psychosocial_session", "phone", "home_visit", "office" };

static gboolean
is_kind (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
check_kind (const char  *field,
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

gboolean
hmr_actor_reviews_wellbeing (const HmrActor *actor,
                             const char     *office_id)
{
  return hmr_workflow_may_move (actor, HMR_RECORD_PLAN, "submitted", "approved", office_id, "-", NULL);
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
  "f.id, f.office_id, f.beneficiary_id, f.case_id, f.kind, f.status, f.assigned_to, u.full_name, " \
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
  f->who5_flags = int_or (stmt, 14, 0);
  f->who5_acknowledged_at = hmr_column_dup_text (stmt, 15);
  f->wants_professional = int_or (stmt, 16, -1);
  f->has_note = sqlite3_column_int (stmt, 17) != 0;
  f->next_on = hmr_column_dup_text (stmt, 18);
  f->version = sqlite3_column_int64 (stmt, 19);
  return f;
}

/* The follow-up with no permission check, for the store's own use */
static HmrFollowUp *
load_follow_up (HmrStore    *self,
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
  f = load_follow_up (self, follow_up_id, error);
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

static char *
insert_planned (HmrStore          *self,
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
  g_auto(HmrCaseRow) row = { 0 };
  g_autofree char *due = NULL;
  char *id;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !check_kind (_("Kind of follow-up"), kind, error))
    return NULL;
  due = hmr_fu_dup_iso_date (due_on, NULL);
  if (due == NULL)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Due date: “%s” is not a date."), due_on ? due_on : "");
      return NULL;
    }
  if (!hmr_store_begin (self, error))
    return NULL;
  if (!hmr_case_row_load_for_beneficiary (self, beneficiary_id, &row, error) ||
      !hmr_store_require (actor, HMR_ACTION_FOLLOW_UP_WRITE, row.office_id, error))
    goto fail;
  if (assigned_to == NULL)
    assigned_to = hmr_permission_is_office_scoped (actor->role, HMR_ACTION_FOLLOW_UP_WRITE) || row.owner_id == NULL
                  ? actor->user_id : row.owner_id;
  if (!check_assignee (self, assigned_to, row.office_id, error))
    goto fail;
  id = insert_planned (self, actor, &row, kind, due, assigned_to, error);
  if (id == NULL)
    goto fail;
  if (!hmr_store_commit (self, error))
    {
      g_free (id);
      return NULL;
    }
  return id;

fail:
  hmr_store_rollback (self);
  return NULL;
}

typedef struct
{
  char          *done_on;
  char          *next_on;
  char          *items;
  int            score;
} Checked;

static void
checked_clear (Checked *c)
{
  g_clear_pointer (&c->done_on, g_free);
  g_clear_pointer (&c->next_on, g_free);
  g_clear_pointer (&c->items, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Checked, checked_clear)

static gboolean
validate_outcome (HmrStore                  *self,
                  const HmrFollowUpOutcome  *o,
                  Checked                   *c,
                  GError                   **error)
{
  gboolean took_place = g_strcmp0 (o->status, "done") == 0;
  GDate done, next, today;

  hmr_store_get_today (self, &today);
  c->score = -1;
  if (o->has_who5)
    {
      if (!took_place)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("WHO-5: a wellbeing score is recorded only for a follow-up that took place."));
          return FALSE;
        }
      if (!hmr_who5_score (o->who5_items, &c->score, error))
        return FALSE;
      c->items = hmr_who5_items_to_string (o->who5_items);
    }
  if (o->duration_minutes >= 0 && !took_place)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Duration: a follow-up that did not take place has no duration."));
      return FALSE;
    }
  if (o->duration_minutes == 0 || o->duration_minutes > 720)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Duration: give the minutes it took, from 1 to 720."));
      return FALSE;
    }
  if (o->wants_professional < -1 || o->wants_professional > 1)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Wants professional support: answer yes or no."));
      return FALSE;
    }
  if (o->done_on == NULL)
    {
      done = today;
      c->done_on = hmr_fu_dup_today (self);
    }
  else if ((c->done_on = hmr_fu_dup_iso_date (o->done_on, &done)) == NULL)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Date: “%s” is not a date."), o->done_on);
      return FALSE;
    }
  if (g_date_compare (&done, &today) > 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Date: a follow-up cannot be recorded for a day still to come."));
      return FALSE;
    }
  if (o->next_on != NULL)
    {
      if ((c->next_on = hmr_fu_dup_iso_date (o->next_on, &next)) == NULL)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Next date: “%s” is not a date."), o->next_on);
          return FALSE;
        }
      if (g_date_compare (&next, &done) <= 0)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Next date: it must come after this follow-up (%s)."), c->done_on);
          return FALSE;
        }
      if (o->next_kind != NULL && !check_kind (_("Kind of the next follow-up"), o->next_kind, error))
        return FALSE;
    }
  return TRUE;
}

/* The person's score before this one, or -1 */
static int
previous_score (HmrStore    *self,
                HmrFollowUp *f,
                const char  *done_on)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = hmr_store_prepare (self,
                            "SELECT who5_score FROM follow_up WHERE beneficiary_id = ?1 AND id <> ?2 "
                            "AND status = 'done' AND who5_score IS NOT NULL AND deleted_at IS NULL "
                            "AND done_on <= ?3 ORDER BY done_on DESC, updated_at DESC, rowid DESC LIMIT 1",
                            NULL);
  if (stmt == NULL)
    return -1;
  hmr_bind_text (stmt, 1, f->beneficiary_id);
  hmr_bind_text (stmt, 2, f->id);
  hmr_bind_text (stmt, 3, done_on);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int (stmt, 0);
}

static void
bind_int_or_null (sqlite3_stmt *stmt,
                  int           i,
                  int           value)
{
  if (value < 0)
    sqlite3_bind_null (stmt, i);
  else
    sqlite3_bind_int (stmt, i, value);
}

static char *
int_text (int value)
{
  return value < 0 ? NULL : g_strdup_printf ("%d", value);
}

/**
 * hmr_store_record_follow_up:
 * @outcome: what happened (start from %HMR_FOLLOW_UP_OUTCOME_INIT)
 * @next_id: (out) (optional): the id of the next follow-up, when
 *   @outcome->next_on planned one
 *
 * Records a planned follow-up as done, missed or cancelled, with the
 * WHO-5 answers (a score that falls by 10 or more since the person's
 * previous one, or is below 28, is flagged for the supervisor), the
 * confidential note, and the next date, which plans the next follow-up
 * for the same person, assigned to the same user.
 */
gboolean
hmr_store_record_follow_up (HmrStore                  *self,
                            const HmrActor            *actor,
                            const char                *follow_up_id,
                            const HmrFollowUpOutcome  *o,
                            char                     **next_id,
                            GError                   **error)
{
  g_auto(Checked) c = { 0 };
  g_auto(HmrCaseRow) row = { 0 };
  g_autoptr(HmrFollowUp) f = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(HmrChanges) changes = hmr_changes_new ();
  g_autofree char *json = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);
  g_autofree char *new_id = NULL;
  g_autofree char *t_duration = NULL, *t_score = NULL, *t_previous = NULL, *t_flags = NULL, *t_wants = NULL;
  const char *note = hmr_fu_is_blank (o->note) ? NULL : o->note;
  int previous = -1;
  int flags = -1;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);
  g_return_val_if_fail (o != NULL, FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !validate_outcome (self, o, &c, error))
    return FALSE;
  if (!hmr_store_begin (self, error))
    return FALSE;
  f = load_follow_up (self, follow_up_id, error);
  if (f == NULL ||
      !hmr_store_require (actor, HMR_ACTION_FOLLOW_UP_WRITE, f->office_id, error) ||
      !hmr_workflow_may_move (actor, HMR_RECORD_FOLLOW_UP, f->status, o->status ? o->status : "",
                              f->office_id, o->comment, error))
    goto fail;

  if (c.score >= 0)
    {
      previous = previous_score (self, f, c.done_on);
      flags = hmr_who5_flags (previous, c.score);
    }

  stmt = hmr_store_prepare (self,
                            "UPDATE follow_up SET status = ?1, done_on = ?2, duration_minutes = ?3, "
                            "who5_items = ?4, who5_score = ?5, who5_previous = ?6, who5_flags = ?7, "
                            "wants_professional = ?8, notes = ?9, next_on = ?10, updated_at = ?11, "
                            "updated_by = ?12, version = version + 1 WHERE id = ?13 AND status = ?14",
                            error);
  if (stmt == NULL)
    goto fail;
  hmr_bind_text (stmt, 1, o->status);
  hmr_bind_text (stmt, 2, c.done_on);
  bind_int_or_null (stmt, 3, o->duration_minutes);
  hmr_bind_text (stmt, 4, c.items);
  bind_int_or_null (stmt, 5, c.score);
  bind_int_or_null (stmt, 6, previous);
  bind_int_or_null (stmt, 7, flags);
  bind_int_or_null (stmt, 8, o->wants_professional);
  hmr_bind_text (stmt, 9, note);
  hmr_bind_text (stmt, 10, c.next_on);
  hmr_bind_text (stmt, 11, now);
  hmr_bind_text (stmt, 12, actor->user_id);
  hmr_bind_text (stmt, 13, f->id);
  hmr_bind_text (stmt, 14, f->status);
  if (!hmr_fu_step_done (self, stmt, error))
    goto fail;
  if (sqlite3_changes (self->db) != 1)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT,
                   _("Someone else recorded this follow-up in the meantime."));
      goto fail;
    }
  if (!hmr_fu_append_history (self, "follow_up_history", f->id, actor, f->status, o->status,
                              o->comment, error))
    goto fail;

  t_duration = int_text (o->duration_minutes);
  t_score = int_text (c.score);
  t_previous = int_text (previous);
  t_flags = int_text (flags);
  t_wants = int_text (o->wants_professional);
  hmr_changes_add (changes, "status", f->status, o->status);
  hmr_changes_add (changes, "done_on", NULL, c.done_on);
  hmr_changes_add (changes, "duration_minutes", NULL, t_duration);
  hmr_changes_add (changes, "who5_items", NULL, c.items);
  hmr_changes_add (changes, "who5_score", NULL, t_score);
  hmr_changes_add (changes, "who5_previous", NULL, t_previous);
  hmr_changes_add (changes, "who5_flags", NULL, t_flags);
  hmr_changes_add (changes, "wants_professional", NULL, t_wants);
  hmr_changes_add (changes, "notes", NULL, note ? NOTE_IN_AUDIT : NULL);
  hmr_changes_add (changes, "next_on", NULL, c.next_on);
  if (!hmr_fu_is_blank (o->comment))
    hmr_changes_add (changes, "comment", NULL, o->comment);
  json = hmr_changes_free_to_json (g_steal_pointer (&changes));
  if (!hmr_store_audit_append (self, actor, "transition", "follow_up", f->id, json, error))
    goto fail;

  if (c.next_on != NULL)
    {
      if (f->case_id != NULL)
        {
          if (!hmr_case_row_load (self, f->case_id, &row, error))
            goto fail;
        }
      else if (!hmr_case_row_load_for_beneficiary (self, f->beneficiary_id, &row, error))
        goto fail;
      new_id = insert_planned (self, actor, &row, o->next_kind ? o->next_kind : f->kind, c.next_on,
                               f->assigned_to ? f->assigned_to : actor->user_id, error);
      if (new_id == NULL)
        goto fail;
    }

  if (!hmr_store_commit (self, error))
    return FALSE;
  if (next_id)
    *next_id = g_steal_pointer (&new_id);
  return TRUE;

fail:
  hmr_store_rollback (self);
  return FALSE;
}

/**
 * hmr_store_read_follow_up_note:
 * @note: (out) (transfer full) (nullable): the note; %NULL when none
 *
 * Opens the confidential note: refused to those who may not read
 * sensitive records of the office (finance, admin, another office's
 * caseworker); each opening writes a "view" audit row.
 */
gboolean
hmr_store_read_follow_up_note (HmrStore        *self,
                               const HmrActor  *actor,
                               const char      *follow_up_id,
                               char           **note,
                               GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *office = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);
  g_return_val_if_fail (note != NULL, FALSE);

  *note = NULL;
  if (!hmr_store_check_actor (self, actor, error))
    return FALSE;
  /* Ask before reading: the note never leaves SQLite for those refused */
  stmt = hmr_store_prepare (self, "SELECT office_id FROM follow_up WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, follow_up_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                   _("The follow-up was not found; it may have been archived."));
      return FALSE;
    }
  office = hmr_column_dup_text (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!hmr_store_require (actor, HMR_ACTION_SENSITIVE_READ, office, error))
    return FALSE;

  if (!hmr_store_begin (self, error))
    return FALSE;
  stmt = hmr_store_prepare (self, "SELECT notes FROM follow_up WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  hmr_bind_text (stmt, 1, follow_up_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = hmr_column_dup_text (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  {
    g_autoptr(HmrChanges) changes = hmr_changes_new ();
    g_autofree char *json = NULL;

    hmr_changes_add (changes, "detail", NULL, "confidential note");
    json = hmr_changes_free_to_json (g_steal_pointer (&changes));
    if (!hmr_store_audit_append (self, actor, "view", "follow_up", follow_up_id, json, error))
      goto fail;
  }
  if (!hmr_store_commit (self, error))
    return FALSE;
  *note = g_steal_pointer (&text);
  return TRUE;

fail:
  hmr_store_rollback (self);
  return FALSE;
}

/**
 * hmr_store_acknowledge_wellbeing_flag:
 * @comment: (nullable): what the supervisor did about it
 *
 * The supervisor has seen a flagged WHO-5 score; it leaves their Today
 * list.  Written to the audit log.
 */
gboolean
hmr_store_acknowledge_wellbeing_flag (HmrStore        *self,
                                      const HmrActor  *actor,
                                      const char      *follow_up_id,
                                      const char      *comment,
                                      GError         **error)
{
  g_autoptr(HmrFollowUp) f = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(HmrChanges) changes = hmr_changes_new ();
  g_autofree char *json = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  if (!hmr_store_check_actor (self, actor, error))
    return FALSE;
  if (!hmr_store_begin (self, error))
    return FALSE;
  f = load_follow_up (self, follow_up_id, error);
  if (f == NULL || !hmr_store_require (actor, HMR_ACTION_SENSITIVE_READ, f->office_id, error))
    goto fail;
  if (!hmr_actor_reviews_wellbeing (actor, f->office_id))
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED,
                   _("Refused: a %s may not acknowledge flagged wellbeing scores."),
                   hmr_role_get_label (actor->role));
      goto fail;
    }
  if (f->who5_flags == HMR_WHO5_FLAG_NONE || f->who5_acknowledged_at != NULL)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   f->who5_acknowledged_at ? _("This wellbeing score was already acknowledged.")
                                           : _("This wellbeing score is not flagged."));
      goto fail;
    }
  stmt = hmr_store_prepare (self,
                            "UPDATE follow_up SET who5_ack_at = ?1, who5_ack_by = ?2, updated_at = ?1, "
                            "updated_by = ?2, version = version + 1 WHERE id = ?3 AND who5_ack_at IS NULL",
                            error);
  if (stmt == NULL)
    goto fail;
  hmr_bind_text (stmt, 1, now);
  hmr_bind_text (stmt, 2, actor->user_id);
  hmr_bind_text (stmt, 3, f->id);
  if (!hmr_fu_step_done (self, stmt, error))
    goto fail;

  hmr_changes_add (changes, "who5_ack_at", NULL, now);
  if (!hmr_fu_is_blank (comment))
    hmr_changes_add (changes, "comment", NULL, comment);
  json = hmr_changes_free_to_json (g_steal_pointer (&changes));
  if (!hmr_store_audit_append (self, actor, "acknowledge", "follow_up", f->id, json, error))
    goto fail;
  return hmr_store_commit (self, error);

fail:
  hmr_store_rollback (self);
  return FALSE;
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
