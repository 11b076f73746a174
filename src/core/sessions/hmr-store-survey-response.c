/* hmr-store-survey-response.c — call lists and the answers of a survey
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-session-private.h"
#include "hmr-survey.h"

/**
 * hmr_store_list_survey_calls:
 *
 * Returns: (transfer full) (element-type HmrSurveyCall): the people to
 *   call in the round: a caseworker's office's (their own first), or
 *   everyone drawn for a supervisor; in the order drawn
 */
GPtrArray *
hmr_store_list_survey_calls (HmrStore        *self,
                             const HmrActor  *actor,
                             const char      *round_id,
                             GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = NULL;
  const char *scope = NULL;
  int rc;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_SURVEY_READ, NULL, error))
    return NULL;
  if (hmr_permission_is_office_scoped (actor->role, HMR_ACTION_SURVEY_READ))
    scope = actor->office_id ? actor->office_id : "";
  stmt = hmr_store_prepare (self,
                            "SELECT m.id, m.round_id, m.beneficiary_id, b.case_number, "
                            "b.family_name || ' ' || b.given_name, coalesce (b.phone, b.phone_alt), b.district, "
                            "m.stratum, m.assigned_to, hmr_staff_name (u.full_name, u.full_name_cyrillic), m.position, p.id, p.reached, "
                            "p.not_reached_reason "
                            "FROM survey_sample m JOIN beneficiary b ON b.id = m.beneficiary_id "
                            "LEFT JOIN app_user u ON u.id = m.assigned_to "
                            "LEFT JOIN survey_response p ON p.round_id = m.round_id "
                            "  AND p.beneficiary_id = m.beneficiary_id AND p.deleted_at IS NULL "
                            "WHERE m.round_id = ?1 AND (?2 IS NULL OR m.office_id = ?2) "
                            "ORDER BY coalesce (m.assigned_to = ?3, 0) DESC, m.position",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, round_id);
  hmr_bind_text (stmt, 2, scope);
  hmr_bind_text (stmt, 3, actor->user_id);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_survey_call_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HmrSurveyCall *c = g_new0 (HmrSurveyCall, 1);

      c->sample_id = hmr_column_dup_text (stmt, 0);
      c->round_id = hmr_column_dup_text (stmt, 1);
      c->beneficiary_id = hmr_column_dup_text (stmt, 2);
      c->case_number = hmr_column_dup_text (stmt, 3);
      c->name = hmr_column_dup_text (stmt, 4);
      c->phone = hmr_column_dup_text (stmt, 5);
      c->district = hmr_column_dup_text (stmt, 6);
      c->stratum = hmr_column_dup_text (stmt, 7);
      c->assigned_to = hmr_column_dup_text (stmt, 8);
      c->assigned_name = hmr_column_dup_text (stmt, 9);
      c->position = sqlite3_column_int (stmt, 10);
      c->response_id = hmr_column_dup_text (stmt, 11);
      c->reached = sqlite3_column_int (stmt, 12) != 0;
      c->not_reached_reason = hmr_column_dup_text (stmt, 13);
      g_ptr_array_add (out, c);
    }
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

typedef struct
{
  const char             *round_id;
  const char             *beneficiary_id;
  const HmrSurveyAnswers *answers;
  char                   *answered_on;
  char                   *id;
} Record;

static gboolean
check_answers (const HmrSurveyAnswers *a,
               GError                **error)
{
  if (!a->reached)
    {
      if (hmr_session_is_blank (a->not_reached_reason))
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Reason: say why the person was not reached."));
          return FALSE;
        }
      return TRUE;
    }
  for (guint q = 0; q < HMR_SURVEY_N_QUESTIONS; q++)
    if (a->answers[q] < -1 || a->answers[q] > 1)
      {
        g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                     _("%s: answer yes, no or leave it unanswered."), hmr_survey_question_get_short (q));
        return FALSE;
      }
  if (a->answers[HMR_SURVEY_OTHER_ACTION] == 1 && hmr_session_is_blank (a->other_action))
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Other action: say what the person did."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
record_locked (HmrStore        *self,
               const HmrActor  *actor,
               HmrAuditRow     *audit,
               gpointer         data,
               GError         **error)
{
  Record *r = data;
  const HmrSurveyAnswers *a = r->answers;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *office_id = NULL;
  g_autofree char *earlier = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);
  GString *sql;
  int rc;

  stmt = hmr_store_prepare (self,
                            "SELECT m.office_id, p.id, p.reached, b.family_name || ' ' || b.given_name "
                            "FROM survey_sample m JOIN beneficiary b ON b.id = m.beneficiary_id "
                            "LEFT JOIN survey_response p ON p.round_id = m.round_id "
                            "  AND p.beneficiary_id = m.beneficiary_id AND p.deleted_at IS NULL "
                            "WHERE m.round_id = ?1 AND m.beneficiary_id = ?2",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, r->round_id);
  hmr_bind_text (stmt, 2, r->beneficiary_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        return hmr_store_set_sqlite_error (self, rc, error);
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                   _("This person was not drawn for the round: only people on a call list are asked."));
      return FALSE;
    }
  office_id = hmr_column_dup_text (stmt, 0);
  if (!hmr_store_require (actor, HMR_ACTION_SURVEY_RESPOND, office_id, error))
    return FALSE;
  if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    {
      if (sqlite3_column_int (stmt, 2))
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT,
                       _("%s has already answered this round."), sqlite3_column_text (stmt, 3));
          return FALSE;
        }
      earlier = hmr_column_dup_text (stmt, 1);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* a call that reached no one gives way to the next */
  if (earlier != NULL)
    {
      stmt = hmr_store_prepare (self,
                                "UPDATE survey_response SET deleted_at = ?2, updated_at = ?2, updated_by = ?3, "
                                "version = version + 1 WHERE id = ?1",
                                error);
      if (stmt == NULL)
        return FALSE;
      hmr_bind_text (stmt, 1, earlier);
      hmr_bind_text (stmt, 2, now);
      hmr_bind_text (stmt, 3, actor->user_id);
      if (!hmr_session_step_done (self, stmt, error))
        return FALSE;
      g_clear_pointer (&stmt, sqlite3_finalize);
      hmr_changes_add (audit->changes, "replaces", NULL, earlier);
    }

  sql = g_string_new ("INSERT INTO survey_response (id, office_id, round_id, beneficiary_id, answered_on, "
                      "reached, not_reached_reason, created_at, created_by, updated_at, updated_by");
  for (guint q = 0; q < HMR_SURVEY_N_QUESTIONS; q++)
    g_string_append_printf (sql, ", %s", hmr_survey_question_column (q));
  g_string_append (sql, ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?8, ?9");
  for (guint q = 0; q < HMR_SURVEY_N_QUESTIONS; q++)
    g_string_append_printf (sql, ", ?%u", 10 + q);
  g_string_append (sql, ")");
  stmt = hmr_store_prepare (self, sql->str, error);
  g_string_free (sql, TRUE);
  if (stmt == NULL)
    return FALSE;
  r->id = hmr_store_new_id ();
  g_free (audit->entity_id);
  audit->entity_id = g_strdup (r->id);
  hmr_bind_text (stmt, 1, r->id);
  hmr_bind_text (stmt, 2, office_id);
  hmr_bind_text (stmt, 3, r->round_id);
  hmr_bind_text (stmt, 4, r->beneficiary_id);
  hmr_bind_text (stmt, 5, r->answered_on);
  sqlite3_bind_int (stmt, 6, a->reached ? 1 : 0);
  hmr_bind_text (stmt, 7, a->reached ? NULL : a->not_reached_reason);
  hmr_bind_text (stmt, 8, now);
  hmr_bind_text (stmt, 9, actor->user_id);
  hmr_changes_add (audit->changes, "round_id", NULL, r->round_id);
  hmr_changes_add (audit->changes, "beneficiary_id", NULL, r->beneficiary_id);
  hmr_changes_add (audit->changes, "answered_on", NULL, r->answered_on);
  hmr_changes_add (audit->changes, "reached", NULL, a->reached ? "1" : "0");
  if (!a->reached)
    hmr_changes_add (audit->changes, "not_reached_reason", NULL, a->not_reached_reason);
  for (guint q = 0; q < HMR_SURVEY_N_QUESTIONS; q++)
    {
      int v = a->reached ? a->answers[q] : -1;

      if (q == HMR_SURVEY_OTHER_ACTION)
        {
          hmr_bind_text (stmt, 10 + q, v == 1 ? a->other_action : NULL);
          if (v == 1)
            hmr_changes_add (audit->changes, "other_action", NULL, a->other_action);
          continue;
        }
      if (v >= 0)
        {
          sqlite3_bind_int (stmt, 10 + q, v);
          hmr_changes_add (audit->changes, hmr_survey_question_column (q), NULL, v ? "1" : "0");
        }
    }
  return hmr_session_step_done (self, stmt, error);
}

/**
 * hmr_store_record_survey_response:
 *
 * Records a call to someone on a call list: their answers, or that they
 * were not reached and why.
 *
 * Returns: (transfer full): the response's id
 */
char *
hmr_store_record_survey_response (HmrStore                *self,
                                  const HmrActor          *actor,
                                  const char              *round_id,
                                  const char              *beneficiary_id,
                                  const HmrSurveyAnswers  *answers,
                                  GError                 **error)
{
  g_autofree char *answered_on = NULL;
  Record r = { round_id, beneficiary_id, answers, NULL, NULL };

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);
  g_return_val_if_fail (answers != NULL, NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_SURVEY_RESPOND, NULL, error) ||
      !check_answers (answers, error))
    return NULL;
  if (answers->answered_on != NULL)
    {
      answered_on = hmr_session_dup_iso_date (answers->answered_on);
      if (answered_on == NULL)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Date of the call: “%s” is not a date."), answers->answered_on);
          return NULL;
        }
    }
  else
    {
      g_autofree char *now = hmr_store_dup_timestamp (self);
      answered_on = g_strndup (now, 10);
    }
  r.answered_on = answered_on;
  if (!hmr_store_write (self, actor, "create", "survey_response", NULL, record_locked, &r, error))
    {
      g_free (r.id);
      return NULL;
    }
  return r.id;
}

/**
 * hmr_store_get_survey_response:
 * @other_action: (out) (optional) (transfer full):
 * @not_reached_reason: (out) (optional) (transfer full):
 *
 * Reads the person's response in the round into @answers.
 */
gboolean
hmr_store_get_survey_response (HmrStore          *self,
                               const HmrActor    *actor,
                               const char        *round_id,
                               const char        *beneficiary_id,
                               HmrSurveyAnswers  *answers,
                               char             **other_action,
                               char             **not_reached_reason,
                               GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GString *sql;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  if (!hmr_store_check_actor (self, actor, error))
    return FALSE;
  sql = g_string_new ("SELECT office_id, reached, not_reached_reason, answered_on");
  for (guint q = 0; q < HMR_SURVEY_N_QUESTIONS; q++)
    g_string_append_printf (sql, ", %s", hmr_survey_question_column (q));
  g_string_append (sql, " FROM survey_response WHERE round_id = ?1 AND beneficiary_id = ?2 AND deleted_at IS NULL");
  stmt = hmr_store_prepare (self, sql->str, error);
  g_string_free (sql, TRUE);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, round_id);
  hmr_bind_text (stmt, 2, beneficiary_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                   _("This person has not been called in this round yet."));
      return FALSE;
    }
  if (!hmr_store_require (actor, HMR_ACTION_SURVEY_READ, (const char *) sqlite3_column_text (stmt, 0), error))
    return FALSE;
  hmr_survey_answers_init (answers);
  answers->reached = sqlite3_column_int (stmt, 1) != 0;
  if (not_reached_reason)
    *not_reached_reason = hmr_column_dup_text (stmt, 2);
  for (guint q = 0; q < HMR_SURVEY_N_QUESTIONS; q++)
    {
      int col = 4 + q;

      if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
        continue;
      if (q == HMR_SURVEY_OTHER_ACTION)
        {
          answers->answers[q] = 1;
          if (other_action)
            *other_action = hmr_column_dup_text (stmt, col);
        }
      else
        answers->answers[q] = sqlite3_column_int (stmt, col);
    }
  return TRUE;
}
