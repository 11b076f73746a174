/* hmr-store-report.c — the indicators of a period, each from one
 * aggregate query
 *
 * Every query binds ?1 the office a caseworker is limited to (NULL for
 * all), ?2 and ?3 the period (ISO dates, inclusive), ?4 the district
 * (NULL for all).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "hmr-report-private.h"

static void
district_free (HmrReportDistrict *d)
{
  g_free (d->district);
  g_free (d);
}

static void
service_free (HmrReportService *s)
{
  g_free (s->service);
  g_free (s);
}

void
hmr_report_free (HmrReport *r)
{
  if (r == NULL)
    return;
  g_free (r->from);
  g_free (r->to);
  g_free (r->district);
  g_clear_pointer (&r->districts, g_ptr_array_unref);
  g_clear_pointer (&r->months, g_array_unref);
  g_clear_pointer (&r->services, g_ptr_array_unref);
  g_free (r);
}

double
hmr_report_completion_rate (const HmrReport *r)
{
  return r->referrals_made ? (double) r->referrals_completed / r->referrals_made : 0;
}

typedef struct
{
  HmrStore       *store;
  const HmrActor *actor;
  HmrReport      *report;
  HmrReportScope  scope;
  GCancellable   *cancellable;
} Ctx;

/* ---- the period and the scope ----------------------------------------------- */

/**
 * hmr_report_scope_init:
 * @action: what @actor reads (HMR_ACTION_REPORT_READ or _GRANTS): a role
 *   limited to its office for it is bound to its office
 *
 * Checks @query's period (one message naming the field) and works out
 * the scope.
 */
gboolean
hmr_report_scope_init (HmrReportScope       *scope,
                       const HmrActor       *actor,
                       const HmrReportQuery *query,
                       HmrAction             action,
                       GError              **error)
{
  memset (scope, 0, sizeof *scope);
  scope->from = hmr_session_dup_iso_date (query->from);
  if (scope->from == NULL)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("From: “%s” is not a date."), query->from ? query->from : "");
      return FALSE;
    }
  scope->to = hmr_session_dup_iso_date (query->to);
  if (scope->to == NULL)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("To: “%s” is not a date."), query->to ? query->to : "");
      hmr_report_scope_clear (scope);
      return FALSE;
    }
  if (strcmp (scope->from, scope->to) > 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Period: the end comes before the start."));
      hmr_report_scope_clear (scope);
      return FALSE;
    }
  scope->district = hmr_session_is_blank (query->district) ? NULL : g_strdup (query->district);
  if (hmr_permission_is_office_scoped (actor->role, action))
    scope->scope = actor->office_id ? actor->office_id : "";
  return TRUE;
}

void
hmr_report_scope_clear (HmrReportScope *scope)
{
  g_clear_pointer (&scope->from, g_free);
  g_clear_pointer (&scope->to, g_free);
  g_clear_pointer (&scope->district, g_free);
}

void
hmr_report_scope_bind (const HmrReportScope *scope,
                       sqlite3_stmt         *stmt)
{
  hmr_bind_text (stmt, 1, scope->scope);
  hmr_bind_text (stmt, 2, scope->from);
  hmr_bind_text (stmt, 3, scope->to);
  hmr_bind_text (stmt, 4, scope->district);
}

static sqlite3_stmt *
prepare (Ctx         *c,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt;

  if (g_cancellable_set_error_if_cancelled (c->cancellable, error))
    return NULL;
  stmt = hmr_store_prepare (c->store, sql, error);
  if (stmt == NULL)
    return NULL;
  hmr_report_scope_bind (&c->scope, stmt);
  return stmt;
}

static gboolean
finish (Ctx           *c,
        sqlite3_stmt  *stmt,
        int            rc,
        GError       **error)
{
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return hmr_store_set_sqlite_error (c->store, rc, error);
  return TRUE;
}

static HmrReportDistrict *
district_row (Ctx        *c,
              const char *name)
{
  HmrReportDistrict *d;

  for (guint i = 0; i < c->report->districts->len; i++)
    {
      d = g_ptr_array_index (c->report->districts, i);
      if (g_strcmp0 (d->district, name) == 0)
        return d;
    }
  d = g_new0 (HmrReportDistrict, 1);
  d->district = g_strdup (name);
  g_ptr_array_add (c->report->districts, d);
  return d;
}

static int
sex_index (const char *sex)
{
  return g_strcmp0 (sex, "female") == 0 ? 0 : 1;
}

/* ---- people and sessions ------------------------------------------------ */

static gboolean
people (Ctx     *c,
        GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  HmrReport *r = c->report;
  int rc;

  stmt = prepare (c,
                  "SELECT b.district, b.sex, "
                  HMR_SQL_AGE_GROUP (HMR_SQL_AGE ("b.birth_date", "b.birth_year_estimated", "substr (b.created_at, 1, 10)"))
                  ", count (*) " HMR_REPORT_SQL_REGISTERED "GROUP BY 1, 2, 3",
                  error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int sex = sex_index ((const char *) sqlite3_column_text (stmt, 1));
      guint n = sqlite3_column_int (stmt, 3);
      HmrAgeGroup group;

      r->registered += n;
      r->registered_by_sex[sex] += n;
      if (hmr_age_group_from_string ((const char *) sqlite3_column_text (stmt, 2), &group))
        r->registered_by_age[group] += n;
      district_row (c, (const char *) sqlite3_column_text (stmt, 0))->registered[sex] += n;
    }
  if (!finish (c, stmt, rc, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = prepare (c,
                  "SELECT s.district, count (*) FROM group_session s WHERE s.deleted_at IS NULL "
                  "AND (?1 IS NULL OR s.office_id = ?1) AND (?4 IS NULL OR s.district = ?4) "
                  "AND s.held_on BETWEEN ?2 AND ?3 GROUP BY 1",
                  error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint n = sqlite3_column_int (stmt, 1);
      district_row (c, (const char *) sqlite3_column_text (stmt, 0))->sessions += n;
      r->sessions.n_sessions += n;
    }
  if (!finish (c, stmt, rc, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = prepare (c,
                  "SELECT s.district, " HMR_SQL_ATTENDEE_SEX ", " HMR_SQL_ATTENDEE_AGE_GROUP ", "
                  "a.beneficiary_id IS NULL, count (*) " HMR_REPORT_SQL_ATTENDANCE "GROUP BY 1, 2, 3, 4",
                  error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int sex = sex_index ((const char *) sqlite3_column_text (stmt, 1));
      guint n = sqlite3_column_int (stmt, 4);
      HmrAgeGroup group;

      district_row (c, (const char *) sqlite3_column_text (stmt, 0))->reached[sex] += n;
      r->sessions.n_people += n;
      if (sex == 0)
        r->sessions.n_female += n;
      else
        r->sessions.n_male += n;
      if (hmr_age_group_from_string ((const char *) sqlite3_column_text (stmt, 2), &group))
        r->sessions.by_age[group] += n;
      else
        r->sessions.n_age_unknown += n;
      if (sqlite3_column_int (stmt, 3))
        r->sessions.n_walk_ins += n;
    }
  return finish (c, stmt, rc, error);
}

/* ---- month by month -------------------------------------------------------- */

static GArray *
make_months (const char *from,
             const char *to)
{
  GArray *months = g_array_new (FALSE, TRUE, sizeof (HmrReportMonth));
  int y = atoi (from), m = atoi (from + 5);
  int last_y = atoi (to), last_m = atoi (to + 5);

  while (y < last_y || (y == last_y && m <= last_m))
    {
      HmrReportMonth month = { { 0 } };

      g_snprintf (month.month, sizeof month.month, "%04d-%02d", y, m);
      g_array_append_val (months, month);
      if (++m > 12)
        {
          m = 1;
          y++;
        }
    }
  return months;
}

static HmrReportMonth *
month_row (Ctx        *c,
           const char *month)
{
  for (guint i = 0; month != NULL && i < c->report->months->len; i++)
    {
      HmrReportMonth *m = &g_array_index (c->report->months, HmrReportMonth, i);
      if (strncmp (m->month, month, 7) == 0)
        return m;
    }
  return NULL;
}

/* People registered and attendances, month by month: the line of the
 * Reports area */
static gboolean
months (Ctx     *c,
        GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  HmrReportMonth *m;
  int rc;

  stmt = prepare (c, "SELECT substr (b.created_at, 1, 7), count (*) " HMR_REPORT_SQL_REGISTERED "GROUP BY 1",
                  error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if ((m = month_row (c, (const char *) sqlite3_column_text (stmt, 0))) != NULL)
      m->registered += sqlite3_column_int (stmt, 1);
  if (!finish (c, stmt, rc, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = prepare (c, "SELECT substr (s.held_on, 1, 7), count (*) " HMR_REPORT_SQL_ATTENDANCE "GROUP BY 1",
                  error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if ((m = month_row (c, (const char *) sqlite3_column_text (stmt, 0))) != NULL)
      m->reached += sqlite3_column_int (stmt, 1);
  return finish (c, stmt, rc, error);
}

/* ---- referrals, follow-ups, wellbeing ------------------------------------- */

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (GArray *values)
{
  guint n = values->len;

  if (n == 0)
    return -1;
  g_array_sort (values, compare_double);
  if (n % 2)
    return g_array_index (values, double, n / 2);
  return (g_array_index (values, double, n / 2 - 1) + g_array_index (values, double, n / 2)) / 2;
}

static HmrReportService *
service_row (Ctx        *c,
             const char *code)
{
  HmrReportService *s;

  for (guint i = 0; i < c->report->services->len; i++)
    {
      s = g_ptr_array_index (c->report->services, i);
      if (g_strcmp0 (s->service, code) == 0)
        return s;
    }
  s = g_new0 (HmrReportService, 1);
  s->service = g_strdup (code);
  s->median_days = -1;
  g_ptr_array_add (c->report->services, s);
  return s;
}

static gboolean
referrals (Ctx     *c,
           GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) g_array_unref);
  g_autoptr(GArray) all_days = g_array_new (FALSE, FALSE, sizeof (double));
  HmrReport *r = c->report;
  int rc;

  stmt = prepare (c,
                  "SELECT b.district, f.service_type, count (*), sum (f.status = 'completed') " HMR_REPORT_SQL_REFERRALS
                  HMR_REPORT_SQL_REFERRALS_MADE "GROUP BY 1, 2",
                  error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HmrReportDistrict *d = district_row (c, (const char *) sqlite3_column_text (stmt, 0));
      HmrReportService *s = service_row (c, (const char *) sqlite3_column_text (stmt, 1));
      guint made = sqlite3_column_int (stmt, 2), done = sqlite3_column_int (stmt, 3);

      d->referrals_made += made;
      d->referrals_completed += done;
      s->made += made;
      s->completed += done;
      r->referrals_made += made;
      r->referrals_completed += done;
    }
  if (!finish (c, stmt, rc, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = prepare (c,
                  "SELECT f.service_type, count (*) " HMR_REPORT_SQL_REFERRALS
                  HMR_REPORT_SQL_REFERRALS_OVERDUE "GROUP BY 1",
                  error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint n = sqlite3_column_int (stmt, 1);
      service_row (c, (const char *) sqlite3_column_text (stmt, 0))->overdue += n;
      r->referrals_overdue += n;
    }
  if (!finish (c, stmt, rc, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = prepare (c,
                  "SELECT f.service_type, julianday (f.completed_on) - julianday (f.sent_on) " HMR_REPORT_SQL_REFERRALS
                  "AND f.status = 'completed' AND f.completed_on BETWEEN ?2 AND ?3 AND f.sent_on IS NOT NULL",
                  error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *code = (const char *) sqlite3_column_text (stmt, 0);
      double v = sqlite3_column_double (stmt, 1);
      GArray *list = g_hash_table_lookup (days, code);

      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (double));
          g_hash_table_insert (days, g_strdup (code), list);
        }
      g_array_append_val (list, v);
      g_array_append_val (all_days, v);
    }
  if (!finish (c, stmt, rc, error))
    return FALSE;
  r->median_days = median (all_days);
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, days);
    while (g_hash_table_iter_next (&iter, &key, &value))
      service_row (c, key)->median_days = median (value);
  }
  return TRUE;
}

static gboolean
follow_ups (Ctx     *c,
            GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  HmrReport *r = c->report;
  int rc;

  stmt = prepare (c,
                  "SELECT sum " HMR_REPORT_SQL_FOLLOW_UPS_DUE ", sum " HMR_REPORT_SQL_FOLLOW_UPS_DONE " "
                  HMR_REPORT_SQL_FOLLOW_UPS,
                  error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      r->follow_ups_due = sqlite3_column_int (stmt, 0);
      r->follow_ups_done = sqlite3_column_int (stmt, 1);
    }
  if (!finish (c, stmt, rc, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* the first and last WHO-5 score of each person scored twice or more */
  stmt = prepare (c,
                  HMR_REPORT_SQL_WHO5
                  "SELECT count (*), coalesce (avg (f.score), 0), coalesce (avg (l.score), 0), "
                  "coalesce (sum (l.score - f.score >= 10), 0) "
                  "FROM s f JOIN s l ON l.who = f.who AND l.k = l.n WHERE f.k = 1 AND f.n >= 2",
                  error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      r->who5_people = sqlite3_column_int (stmt, 0);
      r->who5_first_mean = sqlite3_column_double (stmt, 1);
      r->who5_last_mean = sqlite3_column_double (stmt, 2);
      r->who5_improved = sqlite3_column_int (stmt, 3);
    }
  return finish (c, stmt, rc, error);
}

/* ---- the survey ------------------------------------------------------------ */

/* The answers' columns: reached, any action, then yes and asked for each
 * question */
static GString *
survey_columns (void)
{
  GString *sql = g_string_new ("count (*), coalesce (sum (p.reached), 0), "
                               "coalesce (sum (p.reached AND (p.challenged_ban = 1 "
                               "OR p.sought_loan_or_training = 1 OR p.reached_job_contacts = 1 "
                               "OR p.visited_migration_service = 1 OR p.visited_medical_centre = 1 "
                               "OR p.other_action IS NOT NULL)), 0)");

  for (guint q = 0; q < HMR_SURVEY_N_QUESTIONS; q++)
    {
      const char *col = hmr_survey_question_column (q);

      if (q == HMR_SURVEY_OTHER_ACTION)
        g_string_append_printf (sql, ", coalesce (sum (p.reached AND p.%s IS NOT NULL), 0), "
                                "coalesce (sum (p.reached), 0)", col);
      else
        g_string_append_printf (sql, ", coalesce (sum (p.reached AND p.%s = 1), 0), "
                                "coalesce (sum (p.reached AND p.%s IS NOT NULL), 0)", col, col);
    }
  return sql;
}

/* Women's and men's shares: a part of the population each, so no
 * finite-population correction is claimed for them */
static gboolean
survey_by_sex (Ctx     *c,
               GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) sql = survey_columns ();
  int rc;

  g_string_prepend (sql, "SELECT b.sex, ");
  g_string_append (sql, " " HMR_REPORT_SQL_SURVEY "GROUP BY b.sex");
  stmt = prepare (c, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int sex = sex_index ((const char *) sqlite3_column_text (stmt, 0));

      for (guint q = 0; q < HMR_SURVEY_N_QUESTIONS; q++)
        hmr_proportion_compute (&c->report->survey_by_sex[sex][q], sqlite3_column_int (stmt, 4 + 2 * q),
                                sqlite3_column_int (stmt, 5 + 2 * q), 0, 0.95);
      hmr_proportion_compute (&c->report->survey_any_action_by_sex[sex], sqlite3_column_int (stmt, 3),
                              sqlite3_column_int (stmt, 2), 0, 0.95);
    }
  return finish (c, stmt, rc, error);
}

static gboolean
survey (Ctx     *c,
        GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) sql = survey_columns ();
  HmrReport *r = c->report;
  guint yes[HMR_SURVEY_N_QUESTIONS], n[HMR_SURVEY_N_QUESTIONS];
  int rc;

  g_string_prepend (sql, "SELECT ");
  g_string_append (sql, " " HMR_REPORT_SQL_SURVEY);
  stmt = prepare (c, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return finish (c, stmt, rc, error);
  r->survey_called = sqlite3_column_int (stmt, 0);
  r->survey_reached = sqlite3_column_int (stmt, 1);
  for (guint q = 0; q < HMR_SURVEY_N_QUESTIONS; q++)
    {
      yes[q] = sqlite3_column_int (stmt, 3 + 2 * q);
      n[q] = sqlite3_column_int (stmt, 4 + 2 * q);
    }
  {
    guint any = sqlite3_column_int (stmt, 2);
    g_clear_pointer (&stmt, sqlite3_finalize);

    /* N: the populations of the rounds answered in the period */
    stmt = prepare (c,
                    "SELECT coalesce (sum (r.population), 0) FROM survey_round r WHERE r.id IN "
                    "(SELECT p.round_id " HMR_REPORT_SQL_SURVEY ")",
                    error);
    if (stmt == NULL)
      return FALSE;
    rc = sqlite3_step (stmt);
    if (rc != SQLITE_ROW)
      return finish (c, stmt, rc, error);
    r->survey_population = sqlite3_column_int (stmt, 0);
    /* a caseworker's office answered for part of the population only:
     * no correction claimed for it */
    if (c->scope.scope != NULL || r->district != NULL)
      r->survey_population = 0;
    for (guint q = 0; q < HMR_SURVEY_N_QUESTIONS; q++)
      hmr_proportion_compute (&r->survey[q], yes[q], n[q], r->survey_population, 0.95);
    hmr_proportion_compute (&r->survey_any_action, any, r->survey_reached, r->survey_population, 0.95);
  }
  return TRUE;
}

/* ---- grants ------------------------------------------------------------------ */

static gboolean
grants (Ctx     *c,
        GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  HmrReport *r = c->report;
  int rc;

  /* a grant's district is its office's */
  stmt = prepare (c,
                  "SELECT "
                  "(SELECT count (DISTINCT h.grant_id) FROM grant_history h JOIN reintegration_grant g ON g.id = h.grant_id "
                  "  JOIN office o ON o.id = g.office_id WHERE h.to_state = 'approved' AND substr (h.at, 1, 10) BETWEEN ?2 AND ?3 "
                  "  AND g.deleted_at IS NULL AND (?1 IS NULL OR g.office_id = ?1) AND (?4 IS NULL OR o.district = ?4)), "
                  "(SELECT coalesce (sum (g.amount_approved), 0) FROM reintegration_grant g JOIN office o ON o.id = g.office_id "
                  "  WHERE g.deleted_at IS NULL AND (?1 IS NULL OR g.office_id = ?1) AND (?4 IS NULL OR o.district = ?4) "
                  "  AND g.id IN (SELECT h.grant_id FROM grant_history h WHERE h.to_state = 'approved' "
                  "  AND substr (h.at, 1, 10) BETWEEN ?2 AND ?3)), "
                  "(SELECT count (DISTINCT d.grant_id) FROM disbursement d JOIN office o ON o.id = d.office_id "
                  "  WHERE d.deleted_at IS NULL AND d.paid_on BETWEEN ?2 AND ?3 AND (?1 IS NULL OR d.office_id = ?1) "
                  "  AND (?4 IS NULL OR o.district = ?4)), "
                  "(SELECT coalesce (sum (d.amount), 0) FROM disbursement d JOIN office o ON o.id = d.office_id "
                  "  WHERE d.deleted_at IS NULL AND d.paid_on BETWEEN ?2 AND ?3 AND (?1 IS NULL OR d.office_id = ?1) "
                  "  AND (?4 IS NULL OR o.district = ?4)), "
                  "(SELECT count (DISTINCT h.grant_id) FROM grant_history h JOIN reintegration_grant g ON g.id = h.grant_id "
                  "  JOIN office o ON o.id = g.office_id WHERE h.to_state = 'verified' AND substr (h.at, 1, 10) BETWEEN ?2 AND ?3 "
                  "  AND g.deleted_at IS NULL AND (?1 IS NULL OR g.office_id = ?1) AND (?4 IS NULL OR o.district = ?4)), "
                  "(SELECT count (*) FROM handover v JOIN office o ON o.id = v.office_id WHERE v.deleted_at IS NULL "
                  "  AND v.status = 'signed' AND substr (v.signed_at, 1, 10) BETWEEN ?2 AND ?3 "
                  "  AND (?1 IS NULL OR v.office_id = ?1) AND (?4 IS NULL OR o.district = ?4))",
                  error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      r->grants_approved = sqlite3_column_int (stmt, 0);
      r->amount_approved = sqlite3_column_int64 (stmt, 1);
      r->grants_disbursed = sqlite3_column_int (stmt, 2);
      r->amount_disbursed = sqlite3_column_int64 (stmt, 3);
      r->grants_verified = sqlite3_column_int (stmt, 4);
      r->handovers_signed = sqlite3_column_int (stmt, 5);
    }
  return finish (c, stmt, rc, error);
}

static int
compare_district (gconstpointer a,
                  gconstpointer b)
{
  const HmrReportDistrict *x = *(HmrReportDistrict * const *) a;
  const HmrReportDistrict *y = *(HmrReportDistrict * const *) b;
  return g_strcmp0 (x->district, y->district);
}

static int
compare_service (gconstpointer a,
                 gconstpointer b)
{
  const HmrReportService *x = *(HmrReportService * const *) a;
  const HmrReportService *y = *(HmrReportService * const *) b;
  return g_strcmp0 (x->service, y->service);
}

/**
 * hmr_store_compute_report:
 *
 * Computes the indicators of @query's period in the actor's scope: a
 * caseworker's office, every office for a supervisor, the grant figures
 * only for a finance officer.
 *
 * Returns: (transfer full): the report
 */
HmrReport *
hmr_store_compute_report (HmrStore              *self,
                          const HmrActor        *actor,
                          const HmrReportQuery  *query,
                          GCancellable          *cancellable,
                          GError               **error)
{
  g_autoptr(HmrReport) r = NULL;
  gboolean people_ok, grants_ok, ok;
  Ctx c = { self, actor, NULL, { 0 }, cancellable };

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!hmr_store_check_actor (self, actor, error))
    return NULL;
  people_ok = hmr_permission_allows (actor, HMR_ACTION_REPORT_READ, NULL);
  grants_ok = hmr_permission_allows (actor, HMR_ACTION_REPORT_GRANTS, NULL);
  if (!people_ok && !hmr_store_require (actor, HMR_ACTION_REPORT_GRANTS, NULL, error))
    return NULL;

  if (!hmr_report_scope_init (&c.scope, actor, query,
                              people_ok ? HMR_ACTION_REPORT_READ : HMR_ACTION_REPORT_GRANTS, error))
    return NULL;
  r = g_new0 (HmrReport, 1);
  r->from = g_strdup (c.scope.from);
  r->to = g_strdup (c.scope.to);
  r->district = g_strdup (c.scope.district);
  r->districts = g_ptr_array_new_with_free_func ((GDestroyNotify) district_free);
  r->services = g_ptr_array_new_with_free_func ((GDestroyNotify) service_free);
  r->has_people = people_ok;
  r->has_grants = grants_ok;
  r->median_days = -1;
  r->months = make_months (r->from, r->to);
  c.report = r;

  ok = (!people_ok || (people (&c, error) && months (&c, error) && referrals (&c, error) &&
                       follow_ups (&c, error) && survey (&c, error) && survey_by_sex (&c, error))) &&
       (!grants_ok || grants (&c, error));
  hmr_report_scope_clear (&c.scope);
  if (!ok)
    return NULL;
  g_ptr_array_sort (r->districts, compare_district);
  g_ptr_array_sort (r->services, compare_service);
  return g_steal_pointer (&r);
}
