/* hmr-session-private.h — shared by the sessions' store files, nobody else
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-session.h"
#include "hmr-store-private.h"

G_BEGIN_DECLS

/* Whole years from the ISO date @birth (or the estimated @year) to @on */
#define HMR_SQL_AGE(birth, year, on) \
  "(CAST (substr (" on ", 1, 4) AS INTEGER) - coalesce (CAST (substr (" birth ", 1, 4) AS INTEGER), " year ") " \
  "- (CASE WHEN " birth " IS NOT NULL AND substr (" on ", 6, 5) < substr (" birth ", 6, 5) THEN 1 ELSE 0 END))"

/* The HmrAgeGroup code of an age in years (NULL stays NULL) */
#define HMR_SQL_AGE_GROUP(age) \
  "(CASE WHEN (" age ") IS NULL THEN NULL WHEN (" age ") < 18 THEN 'under_18' " \
  "WHEN (" age ") < 25 THEN '18_24' WHEN (" age ") < 35 THEN '25_34' " \
  "WHEN (" age ") < 45 THEN '35_44' WHEN (" age ") < 55 THEN '45_54' ELSE '55_plus' END)"

/* An attendance row a, its session s and beneficiary b (LEFT JOIN) */
#define HMR_SQL_ATTENDEE_SEX "coalesce (b.sex, a.walk_in_sex)"
#define HMR_SQL_ATTENDEE_AGE_GROUP \
  "coalesce (a.walk_in_age_group, " \
  HMR_SQL_AGE_GROUP ("coalesce (a.walk_in_age, " HMR_SQL_AGE ("b.birth_date", "b.birth_year_estimated", "s.held_on") ")") ")"

char     *hmr_session_dup_iso_date   (const char  *text);
gboolean  hmr_session_is_blank       (const char  *text);
gboolean  hmr_session_step_done      (HmrStore     *self,
                                      sqlite3_stmt *stmt,
                                      GError      **error);
/* The session's office, checked against @action for @actor */
char     *hmr_session_dup_office     (HmrStore       *self,
                                      const HmrActor *actor,
                                      const char     *session_id,
                                      HmrAction       action,
                                      GError        **error);

G_END_DECLS
