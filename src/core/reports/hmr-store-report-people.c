/* hmr-store-report-people.c — the people behind a figure of a report
 *
 * Each list is made of the very rows its figure counted (the clauses of
 * hmr-report-private.h), grouped by person: the counts of a list add up
 * to the figure.  Only the roles that may read a report's people get
 * them; a caseworker's list holds their office's people only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-report-private.h"

#define NAME_OF_B "trim (b.family_name || ' ' || b.given_name || coalesce (' ' || b.patronymic, ''))"
#define PERSON_OF_B "b.id, b.case_number, " NAME_OF_B ", b.district, b.sex"

/* ?5: a sex, or NULL for both; every statement yields beneficiary id,
 * case number, name, district, sex and count, ordered by name */
static const char * const figure_sql[HMR_REPORT_N_FIGURES] = {
  [HMR_REPORT_FIGURE_REGISTERED] =
    "SELECT " PERSON_OF_B ", 1 " HMR_REPORT_SQL_REGISTERED
    "AND (?5 IS NULL OR b.sex = ?5) ORDER BY 3, 2",
  [HMR_REPORT_FIGURE_REACHED] =
    "SELECT b.id, b.case_number, coalesce (" NAME_OF_B ", a.walk_in_name, ''), s.district, "
    HMR_SQL_ATTENDEE_SEX ", count (*) " HMR_REPORT_SQL_ATTENDANCE
    "AND (?5 IS NULL OR " HMR_SQL_ATTENDEE_SEX " = ?5) GROUP BY coalesce (b.id, a.id) ORDER BY 3, 2",
  [HMR_REPORT_FIGURE_REFERRALS_MADE] =
    "SELECT " PERSON_OF_B ", count (*) " HMR_REPORT_SQL_REFERRALS HMR_REPORT_SQL_REFERRALS_MADE
    "AND (?5 IS NULL OR b.sex = ?5) GROUP BY b.id ORDER BY 3, 2",
  [HMR_REPORT_FIGURE_REFERRALS_COMPLETED] =
    "SELECT " PERSON_OF_B ", count (*) " HMR_REPORT_SQL_REFERRALS HMR_REPORT_SQL_REFERRALS_MADE
    "AND f.status = 'completed' AND (?5 IS NULL OR b.sex = ?5) GROUP BY b.id ORDER BY 3, 2",
  [HMR_REPORT_FIGURE_REFERRALS_OVERDUE] =
    "SELECT " PERSON_OF_B ", count (*) " HMR_REPORT_SQL_REFERRALS HMR_REPORT_SQL_REFERRALS_OVERDUE
    "AND (?5 IS NULL OR b.sex = ?5) GROUP BY b.id ORDER BY 3, 2",
  [HMR_REPORT_FIGURE_FOLLOW_UPS_DUE] =
    "SELECT " PERSON_OF_B ", count (*) " HMR_REPORT_SQL_FOLLOW_UPS "AND " HMR_REPORT_SQL_FOLLOW_UPS_DUE
    " AND (?5 IS NULL OR b.sex = ?5) GROUP BY b.id ORDER BY 3, 2",
  [HMR_REPORT_FIGURE_FOLLOW_UPS_DONE] =
    "SELECT " PERSON_OF_B ", count (*) " HMR_REPORT_SQL_FOLLOW_UPS "AND " HMR_REPORT_SQL_FOLLOW_UPS_DONE
    " AND (?5 IS NULL OR b.sex = ?5) GROUP BY b.id ORDER BY 3, 2",
  [HMR_REPORT_FIGURE_WHO5_IMPROVED] =
    HMR_REPORT_SQL_WHO5
    "SELECT " PERSON_OF_B ", 1 FROM s f JOIN s l ON l.who = f.who AND l.k = l.n "
    "JOIN beneficiary b ON b.id = f.who WHERE f.k = 1 AND f.n >= 2 AND l.score - f.score >= 10 "
    "AND (?5 IS NULL OR b.sex = ?5) ORDER BY 3, 2",
  [HMR_REPORT_FIGURE_SURVEY_REACHED] =
    "SELECT " PERSON_OF_B ", count (*) " HMR_REPORT_SQL_SURVEY
    "AND p.reached AND (?5 IS NULL OR b.sex = ?5) GROUP BY b.id ORDER BY 3, 2",
};

void
hmr_report_person_free (HmrReportPerson *person)
{
  if (person == NULL)
    return;
  g_free (person->beneficiary_id);
  g_free (person->case_number);
  g_free (person->name);
  g_free (person->district);
  g_free (person->sex);
  g_free (person);
}

/**
 * hmr_report_figure_get_label:
 *
 * Returns: the figure's name, translated
 */
const char *
hmr_report_figure_get_label (HmrReportFigure figure)
{
  switch (figure)
    {
    case HMR_REPORT_FIGURE_REGISTERED:          return _("People registered");
    case HMR_REPORT_FIGURE_REACHED:             return _("People reached by group sessions");
    case HMR_REPORT_FIGURE_REFERRALS_MADE:      return _("Referrals made");
    case HMR_REPORT_FIGURE_REFERRALS_COMPLETED: return _("Referrals completed");
    case HMR_REPORT_FIGURE_REFERRALS_OVERDUE:   return _("Referrals overdue");
    case HMR_REPORT_FIGURE_FOLLOW_UPS_DUE:      return _("Follow-ups due");
    case HMR_REPORT_FIGURE_FOLLOW_UPS_DONE:     return _("Follow-ups done");
    case HMR_REPORT_FIGURE_WHO5_IMPROVED:       return _("Improved by 10 WHO-5 points or more");
    case HMR_REPORT_FIGURE_SURVEY_REACHED:      return _("Survey respondents");
    case HMR_REPORT_N_FIGURES:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * hmr_report_get_figure:
 *
 * Returns: the value of @figure in @report
 */
guint
hmr_report_get_figure (const HmrReport *r,
                       HmrReportFigure  figure)
{
  switch (figure)
    {
    case HMR_REPORT_FIGURE_REGISTERED:          return r->registered;
    case HMR_REPORT_FIGURE_REACHED:             return r->sessions.n_people;
    case HMR_REPORT_FIGURE_REFERRALS_MADE:      return r->referrals_made;
    case HMR_REPORT_FIGURE_REFERRALS_COMPLETED: return r->referrals_completed;
    case HMR_REPORT_FIGURE_REFERRALS_OVERDUE:   return r->referrals_overdue;
    case HMR_REPORT_FIGURE_FOLLOW_UPS_DUE:      return r->follow_ups_due;
    case HMR_REPORT_FIGURE_FOLLOW_UPS_DONE:     return r->follow_ups_done;
    case HMR_REPORT_FIGURE_WHO5_IMPROVED:       return r->who5_improved;
    case HMR_REPORT_FIGURE_SURVEY_REACHED:      return r->survey_reached;
    case HMR_REPORT_N_FIGURES:
    default:
      g_return_val_if_reached (0);
    }
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/**
 * hmr_store_list_report_people:
 * @query: the report's period and district
 * @sex: (nullable): "female" or "male": only those
 * @limit: at most this many people (0: all)
 *
 * The people behind @figure of the report of @query, in the actor's scope
 * (a caseworker's office, every office for a supervisor), by name; for
 * people at sessions, walk-ins not yet registered are there by the name
 * they gave, without a case number.  Refused to roles that may not read
 * a report's people (finance, administrators).
 *
 * Returns: (transfer full) (element-type HmrReportPerson): the people
 */
GPtrArray *
hmr_store_list_report_people (HmrStore              *self,
                              const HmrActor        *actor,
                              const HmrReportQuery  *query,
                              HmrReportFigure        figure,
                              const char            *sex,
                              guint                  limit,
                              GCancellable          *cancellable,
                              GError               **error)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  HmrReportScope scope;
  int rc = SQLITE_DONE;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (figure < HMR_REPORT_N_FIGURES, NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_REPORT_READ, NULL, error) ||
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_READ_IDENTITY, NULL, error))
    return NULL;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (!hmr_report_scope_init (&scope, actor, query, HMR_ACTION_REPORT_READ, error))
    return NULL;

  stmt = hmr_store_prepare (self, figure_sql[figure], error);
  if (stmt == NULL)
    {
      hmr_report_scope_clear (&scope);
      return NULL;
    }
  hmr_report_scope_bind (&scope, stmt);
  hmr_bind_text (stmt, 5, hmr_session_is_blank (sex) ? NULL : sex);
  people = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_report_person_free);
  while ((limit == 0 || people->len < limit) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HmrReportPerson *p = g_new0 (HmrReportPerson, 1);

      p->beneficiary_id = dup_column (stmt, 0);
      p->case_number = dup_column (stmt, 1);
      p->name = dup_column (stmt, 2);
      p->district = dup_column (stmt, 3);
      p->sex = dup_column (stmt, 4);
      p->count = sqlite3_column_int (stmt, 5);
      g_ptr_array_add (people, p);
    }
  hmr_report_scope_clear (&scope);
  if (limit != 0 && people->len >= limit)
    rc = SQLITE_DONE;
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&people);
}
