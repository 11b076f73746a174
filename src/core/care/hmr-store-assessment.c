/* hmr-store-assessment.c — the needs assessment of a case, and the labels
 * of needs, priorities and plan states
 *
 * Saving an assessment moves a new or reopened case to "assessment".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-follow-up-private.h"

/* ---- codes and labels ------------------------------------------------- */

static const char * const need_codes[HMR_N_NEEDS] = {
  "legal", "employment", "health", "psychosocial", "housing", "documents",
};

const char *
hmr_need_to_string (HmrNeed need)
{
  g_return_val_if_fail (need < HMR_N_NEEDS, NULL);
  return need_codes[need];
}

gboolean
hmr_need_from_string (const char *code,
                      HmrNeed    *need)
{
  for (guint i = 0; i < HMR_N_NEEDS; i++)
    if (g_strcmp0 (code, need_codes[i]) == 0)
      {
        if (need)
          *need = i;
        return TRUE;
      }
  return FALSE;
}

const char *
hmr_need_get_label (HmrNeed need)
{
  switch (need)
    {
    case HMR_NEED_LEGAL: return C_("need", "Legal");
    case HMR_NEED_EMPLOYMENT: return C_("need", "Employment");
    case HMR_NEED_HEALTH: return C_("need", "Health");
    case HMR_NEED_PSYCHOSOCIAL: return C_("need", "Psychosocial");
    case HMR_NEED_HOUSING: return C_("need", "Housing");
    case HMR_NEED_DOCUMENTS: return C_("need", "Documents");
    case HMR_N_NEEDS:
    default:
      g_return_val_if_reached ("");
    }
}

static gboolean
is_priority (const char *code)
{
  return g_strcmp0 (code, "none") == 0 || g_strcmp0 (code, "low") == 0 ||
         g_strcmp0 (code, "medium") == 0 || g_strcmp0 (code, "high") == 0;
}

const char *
hmr_priority_get_label (const char *priority)
{
  if (g_strcmp0 (priority, "none") == 0)
    return C_("priority", "No need");
  if (g_strcmp0 (priority, "low") == 0)
    return C_("priority", "Low");
  if (g_strcmp0 (priority, "medium") == 0)
    return C_("priority", "Medium");
  if (g_strcmp0 (priority, "high") == 0)
    return C_("priority", "High");
  return priority ? priority : "";
}

const char *
hmr_plan_status_get_label (const char *status)
{
  if (g_strcmp0 (status, "draft") == 0)
    return C_("plan", "Draft");
  if (g_strcmp0 (status, "submitted") == 0)
    return C_("plan", "Waiting for approval");
  if (g_strcmp0 (status, "approved") == 0)
    return C_("plan", "Approved");
  if (g_strcmp0 (status, "returned") == 0)
    return C_("plan", "Returned for changes");
  return status ? status : "";
}

/* ---- assessment --------------------------------------------------------- */

HmrAssessment *
hmr_assessment_new (const char *case_id)
{
  HmrAssessment *a = g_new0 (HmrAssessment, 1);

  a->case_id = g_strdup (case_id);
  for (guint i = 0; i < HMR_N_NEEDS; i++)
    a->needs[i].priority = g_strdup ("none");
  return a;
}

void
hmr_assessment_free (HmrAssessment *a)
{
  if (a == NULL)
    return;
  g_free (a->id);
  g_free (a->office_id);
  g_free (a->case_id);
  g_free (a->assessed_on);
  g_free (a->summary);
  for (guint i = 0; i < HMR_N_NEEDS; i++)
    {
      g_free (a->needs[i].priority);
      g_free (a->needs[i].note);
    }
  g_free (a);
}

void
hmr_assessment_set_need (HmrAssessment *a,
                         HmrNeed        need,
                         const char    *priority,
                         const char    *note)
{
  g_return_if_fail (a != NULL && need < HMR_N_NEEDS);
  g_free (a->needs[need].priority);
  a->needs[need].priority = g_strdup (priority ? priority : "none");
  g_free (a->needs[need].note);
  a->needs[need].note = g_strdup (note);
}

/**
 * hmr_store_get_assessment:
 *
 * Returns: (transfer full): the case's latest assessment; %NULL with
 *   %HMR_STORE_ERROR_NOT_FOUND when none was saved
 */
HmrAssessment *
hmr_store_get_assessment (HmrStore        *self,
                          const HmrActor  *actor,
                          const char      *case_id,
                          GError         **error)
{
  g_auto(HmrCaseRow) row = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(HmrAssessment) a = NULL;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_case_row_load (self, case_id, &row, error) ||
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_READ, row.office_id, error))
    return NULL;

  stmt = hmr_store_prepare (self,
                            "SELECT id, office_id, assessed_on, summary, version FROM assessment "
                            "WHERE case_id = ?1 AND deleted_at IS NULL "
                            "ORDER BY assessed_on DESC, created_at DESC, rowid DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, case_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                   _("No assessment was saved for this case yet."));
      return NULL;
    }
  a = hmr_assessment_new (case_id);
  a->id = hmr_column_dup_text (stmt, 0);
  a->office_id = hmr_column_dup_text (stmt, 1);
  a->assessed_on = hmr_column_dup_text (stmt, 2);
  a->summary = hmr_column_dup_text (stmt, 3);
  a->version = sqlite3_column_int64 (stmt, 4);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = hmr_store_prepare (self, "SELECT need, priority, note FROM assessment_need WHERE assessment_id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, a->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      HmrNeed need;
      if (hmr_need_from_string ((const char *) sqlite3_column_text (stmt, 0), &need))
        hmr_assessment_set_need (a, need, (const char *) sqlite3_column_text (stmt, 1),
                                 (const char *) sqlite3_column_text (stmt, 2));
    }
  return g_steal_pointer (&a);
}

static gboolean
validate_assessment (HmrStore       *self,
                     HmrAssessment  *a,
                     char          **assessed_on,
                     GError        **error)
{
  GDate date, today;

  hmr_store_get_today (self, &today);
  if (a->assessed_on == NULL)
    *assessed_on = hmr_fu_dup_today (self);
  else if ((*assessed_on = hmr_dup_iso_date (a->assessed_on, &date)) == NULL)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Date of assessment: “%s” is not a date."), a->assessed_on);
      return FALSE;
    }
  else if (g_date_compare (&date, &today) > 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Date of assessment: it cannot be in the future."));
      return FALSE;
    }
  for (guint i = 0; i < HMR_N_NEEDS; i++)
    if (!is_priority (a->needs[i].priority))
      {
        g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                     _("Priority of the need “%s”: “%s” is not one of no need, low, medium, high."),
                     hmr_need_get_label (i), a->needs[i].priority ? a->needs[i].priority : "");
        return FALSE;
      }
  return TRUE;
}

/* The old values, for the audit row's "before" */
static HmrAssessment *
load_assessment_unchecked (HmrStore    *self,
                           const char  *id,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(HmrAssessment) old = NULL;

  stmt = hmr_store_prepare (self,
                            "SELECT case_id, assessed_on, summary, version FROM assessment "
                            "WHERE id = ?1 AND deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                   _("The assessment was not found; it may have been archived."));
      return NULL;
    }
  old = hmr_assessment_new ((const char *) sqlite3_column_text (stmt, 0));
  old->id = g_strdup (id);
  old->assessed_on = hmr_column_dup_text (stmt, 1);
  old->summary = hmr_column_dup_text (stmt, 2);
  old->version = sqlite3_column_int64 (stmt, 3);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = hmr_store_prepare (self, "SELECT need, priority, note FROM assessment_need WHERE assessment_id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      HmrNeed need;
      if (hmr_need_from_string ((const char *) sqlite3_column_text (stmt, 0), &need))
        hmr_assessment_set_need (old, need, (const char *) sqlite3_column_text (stmt, 1),
                                 (const char *) sqlite3_column_text (stmt, 2));
    }
  return g_steal_pointer (&old);
}

typedef struct
{
  HmrAssessment *a;
  gboolean       is_new;
  const char    *assessed_on;
  char          *office_id;     /* the case's office, for @a once committed */
} SaveAssessment;

static gboolean
save_assessment_locked (HmrStore        *self,
                        const HmrActor  *actor,
                        HmrAuditRow     *audit,
                        gpointer         data,
                        GError         **error)
{
  SaveAssessment *s = data;
  HmrAssessment *a = s->a;
  const char *id = audit->entity_id;
  g_auto(HmrCaseRow) row = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(HmrAssessment) old = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);

  if (!hmr_case_row_load (self, a->case_id, &row, error) ||
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_WRITE, row.office_id, error) ||
      !hmr_case_row_require_open (&row, error))
    return FALSE;

  if (s->is_new)
    {
      old = hmr_assessment_new (a->case_id);
      stmt = hmr_store_prepare (self,
                                "INSERT INTO assessment (id, office_id, case_id, assessed_on, summary, "
                                "created_at, created_by, updated_at, updated_by) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7)",
                                error);
      if (stmt == NULL)
        return FALSE;
      hmr_bind_text (stmt, 1, id);
      hmr_bind_text (stmt, 2, row.office_id);
      hmr_bind_text (stmt, 3, row.id);
      hmr_bind_text (stmt, 4, s->assessed_on);
      hmr_bind_text (stmt, 5, a->summary);
      hmr_bind_text (stmt, 6, now);
      hmr_bind_text (stmt, 7, actor->user_id);
      if (!hmr_fu_step_done (self, stmt, error))
        return FALSE;
    }
  else
    {
      old = load_assessment_unchecked (self, id, error);
      if (old == NULL)
        return FALSE;
      if (g_strcmp0 (old->case_id, row.id) != 0)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("The assessment belongs to another case."));
          return FALSE;
        }
      stmt = hmr_store_prepare (self,
                                "UPDATE assessment SET assessed_on = ?1, summary = ?2, updated_at = ?3, "
                                "updated_by = ?4, version = version + 1 WHERE id = ?5 AND version = ?6",
                                error);
      if (stmt == NULL)
        return FALSE;
      hmr_bind_text (stmt, 1, s->assessed_on);
      hmr_bind_text (stmt, 2, a->summary);
      hmr_bind_text (stmt, 3, now);
      hmr_bind_text (stmt, 4, actor->user_id);
      hmr_bind_text (stmt, 5, id);
      sqlite3_bind_int64 (stmt, 6, a->version);
      if (!hmr_fu_step_done (self, stmt, error))
        return FALSE;
      if (sqlite3_changes (self->db) != 1)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT,
                       _("Someone else changed this assessment in the meantime. Open it again and retry."));
          return FALSE;
        }
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = hmr_store_prepare (self,
                            "INSERT INTO assessment_need (id, assessment_id, need, priority, note) "
                            "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (assessment_id, need) "
                            "DO UPDATE SET priority = excluded.priority, note = excluded.note",
                            error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < HMR_N_NEEDS; i++)
    {
      g_autofree char *need_id = hmr_store_new_id ();
      g_autofree char *field_p = g_strdup_printf ("need.%s.priority", need_codes[i]);
      g_autofree char *field_n = g_strdup_printf ("need.%s.note", need_codes[i]);
      const char *note = hmr_text_is_blank (a->needs[i].note) ? NULL : a->needs[i].note;

      sqlite3_reset (stmt);
      hmr_bind_text (stmt, 1, need_id);
      hmr_bind_text (stmt, 2, id);
      hmr_bind_text (stmt, 3, need_codes[i]);
      hmr_bind_text (stmt, 4, a->needs[i].priority);
      hmr_bind_text (stmt, 5, note);
      if (!hmr_fu_step_done (self, stmt, error))
        return FALSE;
      hmr_changes_add (audit->changes, field_p, s->is_new ? NULL : old->needs[i].priority,
                       a->needs[i].priority);
      hmr_changes_add (audit->changes, field_n, old->needs[i].note, note);
    }

  hmr_changes_add (audit->changes, "case_id", s->is_new ? NULL : old->case_id, row.id);
  hmr_changes_add (audit->changes, "assessed_on", old->assessed_on, s->assessed_on);
  hmr_changes_add (audit->changes, "summary", old->summary, a->summary);
  /* The case's move below writes its own audit row, after this one */
  if (!hmr_store_write_audit (self, actor, audit, error))
    return FALSE;

  /* The case stage follows */
  if ((g_str_equal (row.stage, "new") || g_str_equal (row.stage, "reopened")) &&
      !hmr_store_move_case_locked (self, actor, &row, "assessment", NULL, error))
    return FALSE;

  s->office_id = g_strdup (row.office_id);
  return TRUE;
}

/**
 * hmr_store_save_assessment:
 *
 * Saves a new assessment (@assessment->id %NULL) or changes one; on
 * success @assessment has its id, office and new version.  A new or
 * reopened case moves to the stage "assessment".
 */
gboolean
hmr_store_save_assessment (HmrStore        *self,
                           const HmrActor  *actor,
                           HmrAssessment   *a,
                           GError         **error)
{
  g_autofree char *assessed_on = NULL;
  g_autofree char *id = NULL;
  SaveAssessment s = { a, FALSE, NULL, NULL };

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);
  g_return_val_if_fail (a != NULL, FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !validate_assessment (self, a, &assessed_on, error))
    return FALSE;
  s.is_new = a->id == NULL;
  s.assessed_on = assessed_on;
  id = s.is_new ? hmr_store_new_id () : g_strdup (a->id);
  if (!hmr_store_write (self, actor, s.is_new ? "create" : "update", "assessment", id,
                        save_assessment_locked, &s, error))
    {
      g_free (s.office_id);
      return FALSE;
    }

  g_free (a->id);
  a->id = g_steal_pointer (&id);
  g_free (a->office_id);
  a->office_id = s.office_id;
  g_free (a->assessed_on);
  a->assessed_on = g_steal_pointer (&assessed_on);
  a->version = s.is_new ? 1 : a->version + 1;
  return TRUE;
}
