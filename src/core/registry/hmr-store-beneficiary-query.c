/* hmr-store-beneficiary-query.c — the Beneficiaries list's query: the row
 * ids of the people an actor may see, filtered, searched and sorted in SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hmr-intake.h"
#include "hmr-name-key.h"
#include "hmr-store-private.h"

/* Stage, caseworker and last contact come from other tables (the newest
 * case file, its owner, the follow-ups done).  Worked out for every row
 * while sorting they cost seconds at a million beneficiaries, so they are
 * kept ready in beneficiary_sort (0008-sort-keys.sql): one row per
 * beneficiary, kept right by triggers, with an index on each key and the
 * case number that also holds whether the person is archived. */
static gboolean
sort_uses_keys (HmrBeneficiarySort sort)
{
  return sort == HMR_BENEFICIARY_SORT_STAGE ||
         sort == HMR_BENEFICIARY_SORT_CASEWORKER ||
         sort == HMR_BENEFICIARY_SORT_LAST_CONTACT;
}

/* Whether the query needs each person's own row for more than "archived":
 * a search text, the office scope or a filter. */
static gboolean
filters_need_person (const HmrBeneficiaryQuery *query,
                     const char                *scope_office,
                     const char                *match)
{
  return match != NULL || scope_office != NULL || query->district != NULL ||
         query->category != NULL || query->risk != NULL || query->stage != NULL ||
         query->case_status != NULL || query->owner_id != NULL ||
         query->ban != HMR_BAN_FILTER_ANY;
}

/* A format for the ORDER BY clause, given the direction for each "%s".
 *
 * The orders from beneficiary_sort end on the case number, which is unique
 * and so settles every tie; they add no rowid, whose place in the index
 * (after "archived") would keep SQLite from reading the order off it.  As
 * before, a person without a case file (or without a follow-up done) comes
 * first going up and last going down, caseworkers' names sort without
 * regard to case (the column is COLLATE NOCASE), and stages in the order a
 * case moves through them. */
static const char *
sort_expression (HmrBeneficiarySort sort)
{
  switch (sort)
    {
    case HMR_BENEFICIARY_SORT_NAME:
      return "b.family_name COLLATE NOCASE %s, b.given_name COLLATE NOCASE %s";
    case HMR_BENEFICIARY_SORT_DISTRICT:
      return "b.district %s, b.family_name COLLATE NOCASE %s";
    case HMR_BENEFICIARY_SORT_CATEGORY:
      return "b.category %s, b.family_name COLLATE NOCASE %s";
    case HMR_BENEFICIARY_SORT_RISK:
      return "CASE b.risk_level WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END %s, "
             "b.family_name COLLATE NOCASE %s";
    case HMR_BENEFICIARY_SORT_REGISTERED:
      return "b.created_at %s, b.case_number %s";
    case HMR_BENEFICIARY_SORT_STAGE:
      return "s.stage_rank %s, s.case_number %s";
    case HMR_BENEFICIARY_SORT_CASEWORKER:
      return "s.caseworker %s, s.case_number %s";
    case HMR_BENEFICIARY_SORT_LAST_CONTACT:
      return "s.last_contact %s, s.case_number %s";
    case HMR_BENEFICIARY_SORT_CASE_NUMBER:
    default:
      return "b.case_number %s, b.rowid %s";
    }
}

/* A reader of identity only (finance) may not learn what the filters and
 * sort orders beyond identity would tell: who is a victim of trafficking,
 * at high risk, under a ban, at which stage, whose case, when last seen.
 * Their query keeps the name, district and text, and sorts by identity. */
static void
restrict_to_identity (HmrBeneficiaryQuery *query)
{
  query->category = NULL;
  query->risk = NULL;
  query->stage = NULL;
  query->case_status = NULL;
  query->owner_id = NULL;
  query->ban = HMR_BAN_FILTER_ANY;
  switch (query->sort)
    {
    case HMR_BENEFICIARY_SORT_NAME:
    case HMR_BENEFICIARY_SORT_DISTRICT:
    case HMR_BENEFICIARY_SORT_CASE_NUMBER:
      break;
    default:
      query->sort = HMR_BENEFICIARY_SORT_CASE_NUMBER;
    }
}

static void
append_condition (GString     *sql,
                  const char **and,
                  const char  *fragment)
{
  g_string_append (sql, *and);
  g_string_append (sql, fragment);
  *and = " AND ";
}

/* The statement of hmr_store_query_beneficiary_ids(): only the filters
 * that are set, each from a fixed fragment with a "?" whose value is
 * appended to @values (bound in that order); never the user's text.
 *
 * With a search text the FTS5 match is what the query starts from (the
 * raw FTS SQL of bench/: a few hundred rows out of a million); the other
 * columns with an index of their own are then written with a unary "+" so
 * that the planner does not prefer their index to the match. */
/* A ban that keeps the person out: recorded, not lifted or amnestied */
#define BAN_IN_FORCE \
  "EXISTS (SELECT 1 FROM reentry_ban r WHERE r.beneficiary_id = b.id AND r.deleted_at IS NULL " \
  "AND r.has_ban = 'yes' AND r.appeal_status NOT IN ('lifted', 'amnesty') "

static void
append_ban_condition (GString     *sql,
                      const char **and,
                      HmrBanFilter ban,
                      const char  *today,
                      const char  *soon,
                      GPtrArray   *values)
{
  switch (ban)
    {
    case HMR_BAN_FILTER_WITH_BAN:
      append_condition (sql, and, "EXISTS (SELECT 1 FROM reentry_ban r WHERE r.beneficiary_id = b.id "
                                  "AND r.deleted_at IS NULL AND r.has_ban = 'yes')");
      break;
    case HMR_BAN_FILTER_WITHOUT_BAN:
      append_condition (sql, and, "NOT EXISTS (SELECT 1 FROM reentry_ban r WHERE r.beneficiary_id = b.id "
                                  "AND r.deleted_at IS NULL AND r.has_ban = 'yes')");
      break;
    case HMR_BAN_FILTER_ENDING_SOON:
      append_condition (sql, and, BAN_IN_FORCE "AND r.end_date > ? AND r.end_date <= ?)");
      g_ptr_array_add (values, (gpointer) today);
      g_ptr_array_add (values, (gpointer) soon);
      break;
    case HMR_BAN_FILTER_NO_LEGAL_AID:
      /* Linked to the ban, or any legal-aid referral not refused or revoked */
      append_condition (sql, and, BAN_IN_FORCE "AND (r.end_date IS NULL OR r.end_date > ?) "
                                  "AND r.legal_referral_id IS NULL) "
                                  "AND NOT EXISTS (SELECT 1 FROM referral f WHERE f.beneficiary_id = b.id "
                                  "AND f.service_type = 'legal_aid' AND f.deleted_at IS NULL "
                                  "AND f.status NOT IN ('rejected', 'revoked'))");
      g_ptr_array_add (values, (gpointer) today);
      break;
    case HMR_BAN_FILTER_ANY:
    default:
      break;
    }
}

static char *
build_query_sql (const HmrBeneficiaryQuery *query,
                 const char                *scope_office,
                 const char                *match,
                 const char                *today,
                 const char                *soon,
                 const char                *exact,
                 GPtrArray                 *values)
{
  const char *dir = query->descending ? "DESC" : "ASC";
  const char *and = " WHERE ";
  gboolean keys = sort_uses_keys (query->sort);
  gboolean person = filters_need_person (query, scope_office, match);
  GString *sql;

  /* The whole list in a key order comes from the key index alone.  With a
   * text, a scope or a filter, the people that pass are found as without
   * keys and only theirs are looked up, then sorted: SQLite's CROSS JOIN
   * keeps beneficiary the outer loop, where it would otherwise walk the
   * whole key index and look every person up (four times slower with a
   * stage filter at 100,000). */
  if (!keys)
    sql = g_string_new ("SELECT b.rowid FROM beneficiary b");
  else if (!person)
    sql = g_string_new ("SELECT s.beneficiary_rowid FROM beneficiary_sort s");
  else
    sql = g_string_new ("SELECT b.rowid FROM beneficiary b "
                        "CROSS JOIN beneficiary_sort s ON s.beneficiary_rowid = b.rowid");

  if (match != NULL)
    {
      append_condition (sql, &and, "b.rowid IN (SELECT rowid FROM beneficiary_search "
                                   "WHERE beneficiary_search MATCH ?)");
      g_ptr_array_add (values, (gpointer) match);
    }
  if (!query->include_archived)
    append_condition (sql, &and, keys ? "s.archived = 0" : "b.deleted_at IS NULL");
  if (scope_office != NULL)
    {
      append_condition (sql, &and, match ? "+b.office_id = ?" : "b.office_id = ?");
      g_ptr_array_add (values, (gpointer) scope_office);
    }
  if (query->district != NULL)
    {
      append_condition (sql, &and, match ? "+b.district = ?" : "b.district = ?");
      g_ptr_array_add (values, (gpointer) query->district);
    }
  if (query->category != NULL)
    {
      append_condition (sql, &and, "b.category = ?");
      g_ptr_array_add (values, (gpointer) query->category);
    }
  if (query->risk != NULL)
    {
      append_condition (sql, &and, "b.risk_level = ?");
      g_ptr_array_add (values, (gpointer) query->risk);
    }
  if (query->stage != NULL || query->case_status != NULL || query->owner_id != NULL)
    {
      append_condition (sql, &and, "EXISTS (SELECT 1 FROM case_file c "
                                   "WHERE c.beneficiary_id = b.id AND c.deleted_at IS NULL");
      if (query->stage != NULL)
        {
          g_string_append (sql, " AND c.stage = ?");
          g_ptr_array_add (values, (gpointer) query->stage);
        }
      if (query->case_status != NULL)
        {
          g_string_append (sql, " AND c.status = ?");
          g_ptr_array_add (values, (gpointer) query->case_status);
        }
      if (query->owner_id != NULL)
        {
          /* "+": the case file is found by its beneficiary, not by
           * walking all of the caseworker's case files for every row */
          g_string_append (sql, " AND +c.owner_id = ?");
          g_ptr_array_add (values, (gpointer) query->owner_id);
        }
      g_string_append_c (sql, ')');
    }
  append_ban_condition (sql, &and, query->ban, today, soon, values);

  g_string_append (sql, " ORDER BY ");
  if (exact != NULL)
    {
      /* the exact spelling first, then the variants (чураев for Ҷӯраев) */
      g_string_append (sql, "b.rowid IN (SELECT rowid FROM beneficiary_search "
                            "WHERE beneficiary_search MATCH ?) DESC, ");
      g_ptr_array_add (values, (gpointer) exact);
    }
  g_string_append_printf (sql, sort_expression (query->sort), dir, dir);
  if (!keys)
    g_string_append (sql, ", b.rowid");
  if (query->limit > 0)
    g_string_append_printf (sql, " LIMIT %u", query->limit);
  return g_string_free (sql, FALSE);
}

/**
 * hmr_store_query_beneficiary_ids:
 *
 * A reader of identity only gets the filters and sort orders beyond
 * identity ignored (see restrict_to_identity()).
 *
 * Returns: (transfer full) (element-type gint64): the row ids of the
 *   beneficiaries @actor may see that match @query, in its order
 */
GArray *
hmr_store_query_beneficiary_ids (HmrStore                  *self,
                                 const HmrActor            *actor,
                                 const HmrBeneficiaryQuery *query,
                                 GCancellable              *cancellable,
                                 GError                   **error)
{
  static const HmrBeneficiaryQuery defaults = { 0 };
  HmrBeneficiaryQuery identity_query;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) values = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *match = NULL;
  g_autofree char *exact = NULL;
  const char *scope_office = NULL;
  char today_iso[16], soon_iso[16];
  GDate today;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (query == NULL)
    query = &defaults;
  hmr_store_get_today (self, &today);
  g_date_strftime (today_iso, sizeof today_iso, "%Y-%m-%d", &today);
  g_date_add_days (&today, HMR_BAN_ENDING_SOON_DAYS);
  g_date_strftime (soon_iso, sizeof soon_iso, "%Y-%m-%d", &today);
  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_READ_IDENTITY, NULL, error))
    return NULL;
  if (hmr_permission_is_office_scoped (actor->role, HMR_ACTION_BENEFICIARY_READ_IDENTITY))
    scope_office = actor->office_id ? actor->office_id : "";
  if (!hmr_permission_allows (actor, HMR_ACTION_BENEFICIARY_READ, NULL))
    {
      identity_query = *query;
      restrict_to_identity (&identity_query);
      query = &identity_query;
    }

  match = hmr_search_match_expression (query->text, &exact);
  values = g_ptr_array_new ();
  sql = build_query_sql (query, scope_office, match, today_iso, soon_iso, exact, values);
  stmt = hmr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < values->len; i++)
    hmr_bind_text (stmt, i + 1, g_ptr_array_index (values, i));

  return hmr_store_collect_rowids (self, stmt, cancellable, error);
}
