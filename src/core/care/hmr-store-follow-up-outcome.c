/* hmr-store-follow-up-outcome.c — recording what a follow-up came to: the
 * WHO-5 score and its flags, the confidential note, the next follow-up;
 * the supervisor's acknowledgement of a flagged score
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

gboolean
hmr_actor_reviews_wellbeing (const HmrActor *actor,
                             const char     *office_id)
{
  return hmr_workflow_may_move (actor, HMR_RECORD_PLAN, "submitted", "approved", office_id, "-", NULL);
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
  else if ((c->done_on = hmr_dup_iso_date (o->done_on, &done)) == NULL)
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
      if ((c->next_on = hmr_dup_iso_date (o->next_on, &next)) == NULL)
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
      if (o->next_kind != NULL &&
          !hmr_fu_check_kind (_("Kind of the next follow-up"), o->next_kind, error))
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

typedef struct
{
  const char               *follow_up_id;
  const HmrFollowUpOutcome *o;
  const Checked            *c;
  char                     *next_id;
} Record;

static gboolean
record_locked (HmrStore        *self,
               const HmrActor  *actor,
               HmrAuditRow     *audit,
               gpointer         data,
               GError         **error)
{
  Record *r = data;
  const HmrFollowUpOutcome *o = r->o;
  const Checked *c = r->c;
  g_auto(HmrCaseRow) row = { 0 };
  g_autoptr(HmrFollowUp) f = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);
  g_autofree char *t_duration = NULL, *t_score = NULL, *t_previous = NULL, *t_flags = NULL, *t_wants = NULL;
  const char *note = hmr_text_is_blank (o->note) ? NULL : o->note;
  int previous = -1;
  int flags = -1;

  f = hmr_fu_load_follow_up (self, r->follow_up_id, error);
  if (f == NULL ||
      !hmr_store_require (actor, HMR_ACTION_FOLLOW_UP_WRITE, f->office_id, error) ||
      !hmr_workflow_may_move (actor, HMR_RECORD_FOLLOW_UP, f->status, o->status ? o->status : "",
                              f->office_id, o->comment, error))
    return FALSE;

  if (c->score >= 0)
    {
      previous = previous_score (self, f, c->done_on);
      /* The column keeps the supervisor's flags; "screen" is read from the score */
      flags = hmr_who5_flags (previous, c->score) & HMR_WHO5_SUPERVISOR_FLAGS;
    }

  stmt = hmr_store_prepare (self,
                            "UPDATE follow_up SET status = ?1, done_on = ?2, duration_minutes = ?3, "
                            "who5_items = ?4, who5_score = ?5, who5_previous = ?6, who5_flags = ?7, "
                            "wants_professional = ?8, notes = ?9, next_on = ?10, updated_at = ?11, "
                            "updated_by = ?12, version = version + 1 WHERE id = ?13 AND status = ?14",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, o->status);
  hmr_bind_text (stmt, 2, c->done_on);
  bind_int_or_null (stmt, 3, o->duration_minutes);
  hmr_bind_text (stmt, 4, c->items);
  bind_int_or_null (stmt, 5, c->score);
  bind_int_or_null (stmt, 6, previous);
  bind_int_or_null (stmt, 7, flags);
  bind_int_or_null (stmt, 8, o->wants_professional);
  hmr_bind_text (stmt, 9, note);
  hmr_bind_text (stmt, 10, c->next_on);
  hmr_bind_text (stmt, 11, now);
  hmr_bind_text (stmt, 12, actor->user_id);
  hmr_bind_text (stmt, 13, f->id);
  hmr_bind_text (stmt, 14, f->status);
  if (!hmr_fu_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) != 1)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT,
                   _("Someone else recorded this follow-up in the meantime."));
      return FALSE;
    }
  if (!hmr_fu_append_history (self, "follow_up_history", f->id, actor, f->status, o->status,
                              o->comment, error))
    return FALSE;

  t_duration = int_text (o->duration_minutes);
  t_score = int_text (c->score);
  t_previous = int_text (previous);
  t_flags = int_text (flags);
  t_wants = int_text (o->wants_professional);
  hmr_changes_add (audit->changes, "status", f->status, o->status);
  hmr_changes_add (audit->changes, "done_on", NULL, c->done_on);
  hmr_changes_add (audit->changes, "duration_minutes", NULL, t_duration);
  hmr_changes_add (audit->changes, "who5_items", NULL, c->items);
  hmr_changes_add (audit->changes, "who5_score", NULL, t_score);
  hmr_changes_add (audit->changes, "who5_previous", NULL, t_previous);
  hmr_changes_add (audit->changes, "who5_flags", NULL, t_flags);
  hmr_changes_add (audit->changes, "wants_professional", NULL, t_wants);
  hmr_changes_add (audit->changes, "notes", NULL, note ? NOTE_IN_AUDIT : NULL);
  hmr_changes_add (audit->changes, "next_on", NULL, c->next_on);
  if (!hmr_text_is_blank (o->comment))
    hmr_changes_add (audit->changes, "comment", NULL, o->comment);
  /* The next follow-up's own audit row comes after this one */
  if (!hmr_store_write_audit (self, actor, audit, error))
    return FALSE;

  if (c->next_on != NULL)
    {
      if (f->case_id != NULL)
        {
          if (!hmr_case_row_load (self, f->case_id, &row, error))
            return FALSE;
        }
      else if (!hmr_case_row_load_for_beneficiary (self, f->beneficiary_id, &row, error))
        return FALSE;
      r->next_id = hmr_fu_insert_planned (self, actor, &row, o->next_kind ? o->next_kind : f->kind,
                                          c->next_on, f->assigned_to ? f->assigned_to : actor->user_id,
                                          error);
      if (r->next_id == NULL)
        return FALSE;
    }
  return TRUE;
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
  Record r = { follow_up_id, o, &c, NULL };
  gboolean ok;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);
  g_return_val_if_fail (o != NULL, FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !validate_outcome (self, o, &c, error))
    return FALSE;
  ok = hmr_store_write (self, actor, "transition", "follow_up", follow_up_id, record_locked, &r, error);
  if (ok && next_id)
    *next_id = g_steal_pointer (&r.next_id);
  g_free (r.next_id);
  return ok;
}

typedef struct
{
  const char *beneficiary_id;
  const char *kind;
  Record     *record;
  char       *id;            /* (owned) the follow-up written */
} Unscheduled;

/* A planned follow-up, due the day it took place and assigned to the
 * actor, then recorded as record_locked() does: two history rows and two
 * audit rows, in one transaction */
static gboolean
record_unscheduled_locked (HmrStore        *self,
                           const HmrActor  *actor,
                           HmrAuditRow     *audit,
                           gpointer         data,
                           GError         **error)
{
  Unscheduled *u = data;
  g_auto(HmrCaseRow) row = { 0 };
  char *id;

  if (!hmr_case_row_load_for_beneficiary (self, u->beneficiary_id, &row, error) ||
      !hmr_store_require (actor, HMR_ACTION_FOLLOW_UP_WRITE, row.office_id, error) ||
      !hmr_case_row_require_open (&row, error))
    return FALSE;
  id = hmr_fu_insert_planned (self, actor, &row, u->kind, u->record->c->done_on, actor->user_id, error);
  if (id == NULL)
    return FALSE;
  g_free (audit->entity_id);
  audit->entity_id = g_strdup (id);
  u->id = id;
  u->record->follow_up_id = id;
  return record_locked (self, actor, audit, u->record, error);
}

/**
 * hmr_store_record_unscheduled_follow_up:
 * @kind: psychosocial_session, phone, home_visit or office
 * @outcome: what happened; its status must be "done"
 * @id: (out) (optional): the id of the follow-up recorded
 * @next_id: (out) (optional): the id of the next one, when
 *   @outcome->next_on planned one
 *
 * Records a follow-up that took place without being planned first (the
 * person phoned, or came to the office): it is planned for the day it
 * took place, assigned to @actor, and recorded at once, as
 * hmr_store_record_follow_up() records a planned one.
 */
gboolean
hmr_store_record_unscheduled_follow_up (HmrStore                  *self,
                                        const HmrActor            *actor,
                                        const char                *beneficiary_id,
                                        const char                *kind,
                                        const HmrFollowUpOutcome  *o,
                                        char                     **id,
                                        char                     **next_id,
                                        GError                   **error)
{
  g_auto(Checked) c = { 0 };
  Record r = { NULL, o, &c, NULL };
  Unscheduled u = { beneficiary_id, kind, &r, NULL };
  gboolean ok;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);
  g_return_val_if_fail (o != NULL, FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_fu_check_kind (_("Kind of follow-up"), kind, error))
    return FALSE;
  if (g_strcmp0 (o->status, "done") != 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("What happened: a follow-up that was not planned can only be recorded as one that took place."));
      return FALSE;
    }
  if (!validate_outcome (self, o, &c, error))
    return FALSE;
  ok = hmr_store_write (self, actor, "transition", "follow_up", NULL, record_unscheduled_locked, &u, error);
  if (ok && id)
    *id = g_steal_pointer (&u.id);
  if (ok && next_id)
    *next_id = g_steal_pointer (&r.next_id);
  g_free (u.id);
  g_free (r.next_id);
  return ok;
}

static gboolean
read_note_locked (HmrStore        *self,
                  const HmrActor  *actor,
                  HmrAuditRow     *audit,
                  gpointer         data,
                  GError         **error)
{
  char **text = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = hmr_store_prepare (self, "SELECT notes FROM follow_up WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, audit->entity_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    *text = hmr_column_dup_text (stmt, 0);
  hmr_changes_add (audit->changes, "detail", NULL, "confidential note");
  return TRUE;
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

  if (!hmr_store_write (self, actor, "view", "follow_up", follow_up_id, read_note_locked, &text, error))
    return FALSE;
  *note = g_steal_pointer (&text);
  return TRUE;
}

static gboolean
acknowledge_locked (HmrStore        *self,
                    const HmrActor  *actor,
                    HmrAuditRow     *audit,
                    gpointer         comment,
                    GError         **error)
{
  g_autoptr(HmrFollowUp) f = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);

  f = hmr_fu_load_follow_up (self, audit->entity_id, error);
  if (f == NULL || !hmr_store_require (actor, HMR_ACTION_SENSITIVE_READ, f->office_id, error))
    return FALSE;
  if (!hmr_actor_reviews_wellbeing (actor, f->office_id))
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED,
                   _("Refused: the %s role may not acknowledge flagged wellbeing scores."),
                   hmr_role_get_label (actor->role));
      return FALSE;
    }
  if ((f->who5_flags & HMR_WHO5_SUPERVISOR_FLAGS) == 0 || f->who5_acknowledged_at != NULL)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   f->who5_acknowledged_at ? _("This wellbeing score was already acknowledged.")
                                           : _("This wellbeing score is not flagged."));
      return FALSE;
    }
  stmt = hmr_store_prepare (self,
                            "UPDATE follow_up SET who5_ack_at = ?1, who5_ack_by = ?2, updated_at = ?1, "
                            "updated_by = ?2, version = version + 1 WHERE id = ?3 AND who5_ack_at IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, now);
  hmr_bind_text (stmt, 2, actor->user_id);
  hmr_bind_text (stmt, 3, f->id);
  if (!hmr_fu_step_done (self, stmt, error))
    return FALSE;

  hmr_changes_add (audit->changes, "who5_ack_at", NULL, now);
  if (!hmr_text_is_blank (comment))
    hmr_changes_add (audit->changes, "comment", NULL, comment);
  return TRUE;
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
  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  if (!hmr_store_check_actor (self, actor, error))
    return FALSE;
  return hmr_store_write (self, actor, "acknowledge", "follow_up", follow_up_id,
                          acknowledge_locked, (gpointer) comment, error);
}
