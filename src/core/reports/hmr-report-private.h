/* hmr-report-private.h — shared by the reports' store files, nobody else:
 * the clauses that decide who a figure counts, so that the list of people
 * behind a figure is made of the very rows the figure counted
 *
 * Every statement binds ?1 the office a caseworker is limited to (NULL for
 * all), ?2 and ?3 the period (ISO dates, inclusive), ?4 the district (NULL
 * for all).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-report.h"
#include "hmr-session-private.h"

G_BEGIN_DECLS

#define HMR_REPORT_SQL_REGISTERED \
  "FROM beneficiary b WHERE b.deleted_at IS NULL AND b.duplicate_of IS NULL " \
  "AND (?1 IS NULL OR b.office_id = ?1) AND (?4 IS NULL OR b.district = ?4) " \
  "AND b.created_at >= ?2 AND b.created_at < date (?3, '+1 day') "

#define HMR_REPORT_SQL_ATTENDANCE \
  "FROM group_session s JOIN attendance a ON a.session_id = s.id AND a.deleted_at IS NULL " \
  "LEFT JOIN beneficiary b ON b.id = a.beneficiary_id WHERE s.deleted_at IS NULL " \
  "AND (?1 IS NULL OR s.office_id = ?1) AND (?4 IS NULL OR s.district = ?4) " \
  "AND s.held_on BETWEEN ?2 AND ?3 "

#define HMR_REPORT_SQL_REFERRALS \
  "FROM referral f JOIN beneficiary b ON b.id = f.beneficiary_id WHERE f.deleted_at IS NULL " \
  "AND (?1 IS NULL OR f.office_id = ?1) AND (?4 IS NULL OR b.district = ?4) "
#define HMR_REPORT_SQL_REFERRALS_MADE      "AND f.sent_on BETWEEN ?2 AND ?3 "
#define HMR_REPORT_SQL_REFERRALS_OVERDUE \
  "AND f.status IN ('sent', 'accepted') AND f.sent_on <= ?3 AND f.due_on < ?3 "

#define HMR_REPORT_SQL_FOLLOW_UPS \
  "FROM follow_up u JOIN beneficiary b ON b.id = u.beneficiary_id WHERE u.deleted_at IS NULL " \
  "AND (?1 IS NULL OR u.office_id = ?1) AND (?4 IS NULL OR b.district = ?4) "
#define HMR_REPORT_SQL_FOLLOW_UPS_DUE      "(u.due_on BETWEEN ?2 AND ?3 AND u.status <> 'cancelled')"
#define HMR_REPORT_SQL_FOLLOW_UPS_DONE     "(u.status = 'done' AND u.done_on BETWEEN ?2 AND ?3)"

/* s: the first and last WHO-5 score of each person in the period, with k
 * the measure's rank and n their count */
#define HMR_REPORT_SQL_WHO5 \
  "WITH s AS (SELECT u.beneficiary_id AS who, u.who5_score AS score, " \
  "  row_number () OVER (PARTITION BY u.beneficiary_id ORDER BY u.done_on, u.rowid) AS k, " \
  "  count (*) OVER (PARTITION BY u.beneficiary_id) AS n " HMR_REPORT_SQL_FOLLOW_UPS \
  "  AND u.status = 'done' AND u.who5_score IS NOT NULL AND u.done_on BETWEEN ?2 AND ?3) "

#define HMR_REPORT_SQL_SURVEY \
  "FROM survey_response p JOIN beneficiary b ON b.id = p.beneficiary_id " \
  "WHERE p.deleted_at IS NULL AND (?1 IS NULL OR p.office_id = ?1) " \
  "AND (?4 IS NULL OR b.district = ?4) AND p.answered_on BETWEEN ?2 AND ?3 "

/* The checked period and scope of a query: what every report statement
 * binds */
typedef struct
{
  char       *from;         /* ISO */
  char       *to;
  char       *district;     /* NULL: every district */
  const char *scope;        /* the office a caseworker is limited to; NULL: all */
} HmrReportScope;

gboolean  hmr_report_scope_init  (HmrReportScope       *scope,
                                  const HmrActor       *actor,
                                  const HmrReportQuery *query,
                                  HmrAction             action,
                                  GError              **error);
void      hmr_report_scope_clear (HmrReportScope       *scope);
void      hmr_report_scope_bind  (const HmrReportScope *scope,
                                  sqlite3_stmt         *stmt);

G_END_DECLS
