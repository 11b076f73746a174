/* hmr-store-referral-board.c — the supervisors' referral board: every
 * referral the actor may see, overdue first, with filters and counts
 *
 * Order: overdue referrals first (the longest overdue on top), then the
 * other open ones (sent, accepted) by due date, then drafts, then the
 * closed ones (rejected, no response, completed, revoked) by due date;
 * ties by date sent and creation.  Referrals of archived beneficiaries and
 * archived drafts are left out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hmr-referral.h"
#include "hmr-store-private.h"

#define OPEN_SQL     "r.status IN ('sent', 'accepted')"
#define OVERDUE_SQL  "(" OPEN_SQL " AND r.due_on IS NOT NULL AND r.due_on < ?1)"
#define AGE_SQL      "(julianday(?1) - julianday(r.sent_on))"
#define CASEWORKER_SQL "coalesce(c.owner_id, r.created_by)"

#define FROM_SQL \
  "FROM referral r JOIN beneficiary b ON b.id = r.beneficiary_id " \
  "LEFT JOIN case_file c ON c.id = r.case_id "

/* ?1 today, ?2 office scope, then the filters */
#define WHERE_SQL \
  "WHERE r.deleted_at IS NULL AND b.deleted_at IS NULL " \
  "AND (?2 IS NULL OR r.office_id = ?2) " \
  "AND (?3 IS NULL OR b.district = ?3) " \
  "AND (?4 IS NULL OR r.provider_id = ?4) " \
  "AND (?5 IS NULL OR r.service_type = ?5) " \
  "AND (?6 IS NULL OR " CASEWORKER_SQL " = ?6) " \
  "AND (?7 IS NULL OR r.status = ?7) " \
  "AND (?8 = 0 OR " OPEN_SQL ") " \
  "AND (?9 = 0 OR " OVERDUE_SQL ") " \
  "AND (?10 = 0 OR (r.sent_on IS NOT NULL AND " AGE_SQL " >= ?10)) " \
  "AND (?11 = 0 OR (r.sent_on IS NOT NULL AND " AGE_SQL " <= ?11)) " \
  "AND (?12 IS NULL OR r.beneficiary_id = ?12) "

/* Checks the actor and binds today, the scope and the filters */
static sqlite3_stmt *
prepare_query (HmrStore                *self,
               const HmrActor          *actor,
               const HmrReferralQuery  *query,
               const char              *sql,
               gboolean                 with_status,
               GError                 **error)
{
  static const HmrReferralQuery defaults = { 0 };
  sqlite3_stmt *stmt;
  const char *scope_office = NULL;
  char today_iso[16];
  GDate today;

  if (query == NULL)
    query = &defaults;
  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_REFERRAL_READ, NULL, error))
    return NULL;
  if (hmr_permission_is_office_scoped (actor->role, HMR_ACTION_REFERRAL_READ))
    scope_office = actor->office_id ? actor->office_id : "";

  stmt = hmr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  hmr_store_get_today (self, &today);
  g_date_strftime (today_iso, sizeof today_iso, "%Y-%m-%d", &today);
  sqlite3_bind_text (stmt, 1, today_iso, -1, SQLITE_TRANSIENT);
  hmr_bind_text (stmt, 2, scope_office);
  hmr_bind_text (stmt, 3, query->district);
  hmr_bind_text (stmt, 4, query->provider_id);
  hmr_bind_text (stmt, 5, query->service_type);
  hmr_bind_text (stmt, 6, query->caseworker_id);
  hmr_bind_text (stmt, 7, with_status ? query->status : NULL);
  sqlite3_bind_int (stmt, 8, with_status && query->open_only);
  sqlite3_bind_int (stmt, 9, with_status && query->overdue_only);
  sqlite3_bind_int (stmt, 10, query->min_age_days);
  sqlite3_bind_int (stmt, 11, query->max_age_days);
  hmr_bind_text (stmt, 12, query->beneficiary_id);
  return stmt;
}

/**
 * hmr_store_query_referral_ids:
 * @query: (nullable): the filters; %NULL for every referral
 *
 * Returns: (transfer full) (element-type gint64): the row ids of the
 *   referrals @actor may see that match @query, in the board's order
 *   (overdue first)
 */
GArray *
hmr_store_query_referral_ids (HmrStore                *self,
                              const HmrActor          *actor,
                              const HmrReferralQuery  *query,
                              GCancellable            *cancellable,
                              GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  stmt = prepare_query (self, actor, query,
                        "SELECT r.rowid " FROM_SQL WHERE_SQL
                        "ORDER BY CASE WHEN " OVERDUE_SQL " THEN 0 WHEN " OPEN_SQL " THEN 1 "
                        "              WHEN r.status = 'draft' THEN 2 ELSE 3 END, "
                        "r.due_on IS NULL, r.due_on, r.sent_on, r.created_at, r.rowid",
                        TRUE, error);
  if (stmt == NULL)
    return NULL;

  return hmr_store_collect_rowids (self, stmt, cancellable, error);
}

/**
 * hmr_store_count_referrals:
 * @query: (nullable): the filters; its status, open_only and overdue_only
 *   are ignored, so that the counts show every status
 * @counts: (out caller-allocates): the referrals per status, overdue and
 *   in total
 */
gboolean
hmr_store_count_referrals (HmrStore                *self,
                           const HmrActor          *actor,
                           const HmrReferralQuery  *query,
                           HmrReferralCounts       *counts,
                           GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, sizeof *counts);
  stmt = prepare_query (self, actor, query,
                        "SELECT r.status, count(*), sum(" OVERDUE_SQL ") " FROM_SQL WHERE_SQL
                        "GROUP BY r.status",
                        FALSE, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int status = hmr_referral_status_from_string ((const char *) sqlite3_column_text (stmt, 0));
      guint n = sqlite3_column_int (stmt, 1);

      if (status >= 0)
        counts->by_status[status] += n;
      counts->overdue += sqlite3_column_int (stmt, 2);
      counts->total += n;
    }
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

/* The local date of a UTC timestamp */
static void
local_day (const char *at,
           char        buf[16])
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = at ? g_date_time_new_from_iso8601 (at, utc) : NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *s = NULL;

  buf[0] = '\0';
  if (dt == NULL)
    {
      if (at != NULL)
        g_strlcpy (buf, at, 11);
      return;
    }
  local = g_date_time_to_local (dt);
  s = g_date_time_format (local, "%Y-%m-%d");
  g_strlcpy (buf, s, 16);
}

/**
 * hmr_store_load_referral_rows:
 *
 * Returns: (transfer full) (element-type HmrReferralRow): the board rows
 *   of @rowids in the same order; a row that disappeared or that @actor
 *   may not see is left out
 */
GPtrArray *
hmr_store_load_referral_rows (HmrStore        *self,
                              const HmrActor  *actor,
                              const gint64    *rowids,
                              guint            n_rowids,
                              GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = NULL;
  GDate today;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_REFERRAL_READ, NULL, error))
    return NULL;

  stmt = hmr_store_prepare (self,
                            "SELECT r.rowid, r.id, r.beneficiary_id, b.case_number, "
                            "b.family_name || ' ' || b.given_name || coalesce(' ' || nullif(b.patronymic, ''), ''), "
                            "b.district, r.office_id, r.service_type, r.provider_id, p.name, "
                            CASEWORKER_SQL ", hmr_staff_name (u.full_name, u.full_name_cyrillic), r.status, r.created_at, r.sent_on, r.due_on, "
                            "r.answered_on, r.completed_on "
                            "FROM referral r JOIN beneficiary b ON b.id = r.beneficiary_id "
                            "LEFT JOIN case_file c ON c.id = r.case_id "
                            "LEFT JOIN service_provider p ON p.id = r.provider_id "
                            "LEFT JOIN app_user u ON u.id = " CASEWORKER_SQL " "
                            "WHERE r.rowid = ?1",
                            error);
  if (stmt == NULL)
    return NULL;

  hmr_store_get_today (self, &today);
  out = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_rowids; i++)
    {
      HmrReferralRow *row;
      char created[16];
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, rowids[i]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        continue;
      if (rc != SQLITE_ROW)
        {
          hmr_store_set_sqlite_error (self, rc, error);
          return NULL;
        }
      if (!hmr_permission_allows (actor, HMR_ACTION_REFERRAL_READ, (const char *) sqlite3_column_text (stmt, 6)))
        continue;

      row = hmr_referral_row_new (sqlite3_column_int64 (stmt, 0));
      for (guint f = HMR_REFERRAL_ROW_ID; f <= HMR_REFERRAL_ROW_COMPLETED_ON; f++)
        {
          const char *v = (const char *) sqlite3_column_text (stmt, f + 1);
          if (f == HMR_REFERRAL_ROW_CREATED_ON)
            {
              local_day (v, created);
              v = created;
            }
          hmr_referral_row_set (row, f, v);
        }
      hmr_referral_row_set_days (row, &today);
      g_ptr_array_add (out, row);
    }
  return g_steal_pointer (&out);
}

/**
 * hmr_store_load_referral_histories:
 *
 * Returns: (transfer full) (element-type GPtrArray): for each of @rowids,
 *   in the same order, the #HmrReferralHistoryEntry array of that referral
 *   (oldest first), empty when @actor may not see it
 */
GPtrArray *
hmr_store_load_referral_histories (HmrStore        *self,
                                   const HmrActor  *actor,
                                   const gint64    *rowids,
                                   guint            n_rowids,
                                   GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = NULL;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_REFERRAL_READ, NULL, error))
    return NULL;

  stmt = hmr_store_prepare (self,
                            "SELECT r.office_id, h.at, h.by_user, hmr_staff_name (u.full_name, u.full_name_cyrillic), h.from_state, h.to_state, "
                            "h.comment FROM referral r JOIN referral_history h ON h.referral_id = r.id "
                            "LEFT JOIN app_user u ON u.id = h.by_user "
                            "WHERE r.rowid = ?1 ORDER BY h.at, h.rowid",
                            error);
  if (stmt == NULL)
    return NULL;

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < n_rowids; i++)
    {
      GPtrArray *history = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_referral_history_entry_free);
      int rc;

      g_ptr_array_add (out, history);
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, rowids[i]);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          HmrReferralHistoryEntry *e;

          if (!hmr_permission_allows (actor, HMR_ACTION_REFERRAL_READ, (const char *) sqlite3_column_text (stmt, 0)))
            continue;
          e = g_new0 (HmrReferralHistoryEntry, 1);
          e->at = hmr_column_dup_text (stmt, 1);
          e->by_user = hmr_column_dup_text (stmt, 2);
          e->by_name = hmr_column_dup_text (stmt, 3);
          e->from_state = hmr_column_dup_text (stmt, 4);
          e->to_state = hmr_column_dup_text (stmt, 5);
          e->comment = hmr_column_dup_text (stmt, 6);
          g_ptr_array_add (history, e);
        }
      if (rc != SQLITE_DONE)
        {
          hmr_store_set_sqlite_error (self, rc, error);
          return NULL;
        }
    }
  return g_steal_pointer (&out);
}
