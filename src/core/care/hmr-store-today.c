/* hmr-store-today.c — the Today page's lists and the follow-up reminders
 *
 * Every list is one SQL query whose columns are, in order: beneficiary id,
 * full name, case number, case id, the id of the record the row is about,
 * a code (follow-up kind, service type), a text (provider, comment,
 * reason), the due date, since when, who, whether it is the actor's, and
 * for wellbeing rows the score, the previous score and the flags.  Each
 * query is written to use an index of 0006-follow-ups.sql (check with
 * EXPLAIN QUERY PLAN when changing one).  "Today" is the store clock's day
 * (hmr_store_get_today()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-follow-up-private.h"
#include "hmr-labels.h"
#include "hmr-money.h"

#define NAME "b.family_name || ' ' || b.given_name || coalesce(' ' || nullif(b.patronymic, ''), '')"

/* ?1 the actor, ?2 the actor's office when their role is office-scoped
 * (else NULL), ?3 today, ?4 the day 90 days from today */
static const char * const queries[HMR_N_TODAY_LISTS] = {
  /* the office's when the actor works in one, else their own (see due_query) */
  [HMR_TODAY_DUE_FOLLOW_UPS] = NULL,

  [HMR_TODAY_WAITING_REFERRALS] =
    "SELECT b.id, " NAME ", b.case_number, c.id, r.id, r.service_type, p.name, r.due_on, r.sent_on, "
    "hmr_staff_name (u.full_name, u.full_name_cyrillic), 1, NULL, NULL, NULL "
    "FROM case_file c JOIN referral r ON r.beneficiary_id = c.beneficiary_id "
    "  AND (r.case_id IS NULL OR r.case_id = c.id) "
    "JOIN beneficiary b ON b.id = c.beneficiary_id "
    "LEFT JOIN service_provider p ON p.id = r.provider_id "
    "LEFT JOIN app_user u ON u.id = c.owner_id "
    "WHERE c.owner_id = ?1 AND c.deleted_at IS NULL AND (?2 IS NULL OR c.office_id = ?2) "
    "AND r.status = 'sent' AND r.answered_on IS NULL AND r.deleted_at IS NULL AND b.deleted_at IS NULL "
    "ORDER BY coalesce(r.due_on, r.sent_on), 2",

  [HMR_TODAY_RETURNED_PLANS] =
    "SELECT b.id, " NAME ", b.case_number, c.id, p.id, NULL, h.comment, NULL, h.at, "
    "hmr_staff_name (u.full_name, u.full_name_cyrillic), 1, NULL, NULL, NULL "
    "FROM case_file c JOIN reintegration_plan p ON p.case_id = c.id "
    "JOIN beneficiary b ON b.id = c.beneficiary_id "
    "LEFT JOIN plan_history h ON h.id = (SELECT h2.id FROM plan_history h2 WHERE h2.plan_id = p.id "
    "  AND h2.to_state = 'returned' ORDER BY h2.at DESC, h2.rowid DESC LIMIT 1) "
    "LEFT JOIN app_user u ON u.id = h.by_user "
    "WHERE c.owner_id = ?1 AND c.deleted_at IS NULL AND (?2 IS NULL OR c.office_id = ?2) "
    "AND p.status = 'returned' AND p.deleted_at IS NULL AND b.deleted_at IS NULL "
    "ORDER BY h.at, 2",

  [HMR_TODAY_ENDING_BANS] =
    "SELECT b.id, " NAME ", b.case_number, c.id, r.id, r.imposed_by, NULL, r.end_date, r.start_date, "
    "hmr_staff_name (u.full_name, u.full_name_cyrillic), 1, NULL, NULL, NULL "
    "FROM case_file c JOIN reentry_ban r ON r.beneficiary_id = c.beneficiary_id "
    "JOIN beneficiary b ON b.id = c.beneficiary_id "
    "LEFT JOIN app_user u ON u.id = c.owner_id "
    "WHERE c.owner_id = ?1 AND c.deleted_at IS NULL AND (?2 IS NULL OR c.office_id = ?2) "
    "AND r.deleted_at IS NULL AND b.deleted_at IS NULL AND r.has_ban = 'yes' "
    "AND r.appeal_status NOT IN ('lifted', 'amnesty') AND r.end_date BETWEEN ?3 AND ?4 "
    "ORDER BY r.end_date, 2",

  /* A ban in force (no end, or not ended) whose person has no legal-aid
   * referral under way: neither the one the ban links (legal_referral_id)
   * nor any other legal-aid referral sent, accepted or completed */
  [HMR_TODAY_BANS_WITHOUT_LEGAL_AID] =
    "SELECT b.id, " NAME ", b.case_number, c.id, r.id, r.imposed_by, NULL, r.end_date, r.start_date, "
    "hmr_staff_name (u.full_name, u.full_name_cyrillic), 1, NULL, NULL, NULL "
    "FROM case_file c JOIN reentry_ban r ON r.beneficiary_id = c.beneficiary_id "
    "JOIN beneficiary b ON b.id = c.beneficiary_id "
    "LEFT JOIN app_user u ON u.id = c.owner_id "
    "WHERE c.owner_id = ?1 AND c.deleted_at IS NULL AND (?2 IS NULL OR c.office_id = ?2) "
    "AND c.status = 'open' "
    "AND r.deleted_at IS NULL AND b.deleted_at IS NULL AND r.has_ban = 'yes' "
    "AND r.appeal_status NOT IN ('lifted', 'amnesty') AND (r.end_date IS NULL OR r.end_date >= ?3) "
    "AND NOT EXISTS (SELECT 1 FROM referral x WHERE x.deleted_at IS NULL "
    "  AND x.status IN ('sent', 'accepted', 'completed') "
    "  AND (x.id = r.legal_referral_id OR (x.beneficiary_id = r.beneficiary_id AND x.service_type = 'legal_aid'))) "
    "ORDER BY r.end_date IS NULL, r.end_date, 2",

  [HMR_TODAY_PLANS_TO_APPROVE] =
    "SELECT b.id, " NAME ", b.case_number, c.id, p.id, NULL, p.objectives, NULL, h.at, "
    "hmr_staff_name (u.full_name, u.full_name_cyrillic), c.owner_id IS ?1, NULL, NULL, NULL "
    "FROM reintegration_plan p JOIN case_file c ON c.id = p.case_id "
    "JOIN beneficiary b ON b.id = c.beneficiary_id "
    "LEFT JOIN plan_history h ON h.id = (SELECT h2.id FROM plan_history h2 WHERE h2.plan_id = p.id "
    "  AND h2.to_state = 'submitted' ORDER BY h2.at DESC, h2.rowid DESC LIMIT 1) "
    "LEFT JOIN app_user u ON u.id = h.by_user "
    "WHERE p.status = 'submitted' AND p.deleted_at IS NULL AND b.deleted_at IS NULL "
    "AND (?2 IS NULL OR p.office_id = ?2) "
    "ORDER BY h.at DESC, 2",

  [HMR_TODAY_GRANTS_TO_DECIDE] =
    "SELECT b.id, " NAME ", b.case_number, c.id, g.id, g.currency, g.purpose, NULL, h.at, "
    "hmr_staff_name (u.full_name, u.full_name_cyrillic), h.by_user IS ?1, g.amount_requested, NULL, NULL "
    "FROM reintegration_grant g JOIN case_file c ON c.id = g.case_id "
    "JOIN beneficiary b ON b.id = c.beneficiary_id "
    "LEFT JOIN grant_history h ON h.id = (SELECT h2.id FROM grant_history h2 WHERE h2.grant_id = g.id "
    "  AND h2.to_state = 'submitted' ORDER BY h2.at DESC, h2.rowid DESC LIMIT 1) "
    "LEFT JOIN app_user u ON u.id = h.by_user "
    "WHERE g.status = 'submitted' AND g.deleted_at IS NULL AND b.deleted_at IS NULL "
    "AND (?2 IS NULL OR g.office_id = ?2) "
    "ORDER BY h.at DESC, 2",

  [HMR_TODAY_CLOSURES_TO_APPROVE] =
    "SELECT b.id, " NAME ", b.case_number, c.id, r.id, c.stage, r.reason, NULL, r.requested_at, "
    "hmr_staff_name (u.full_name, u.full_name_cyrillic), r.requested_by IS ?1, NULL, NULL, NULL "
    "FROM case_closure_request r JOIN case_file c ON c.id = r.case_id "
    "JOIN beneficiary b ON b.id = c.beneficiary_id "
    "LEFT JOIN app_user u ON u.id = r.requested_by "
    "WHERE r.status = 'requested' AND r.deleted_at IS NULL AND b.deleted_at IS NULL "
    "AND (?2 IS NULL OR r.office_id = ?2) "
    "ORDER BY r.requested_at DESC, 2",

  [HMR_TODAY_FLAGGED_WELLBEING] =
    "SELECT b.id, " NAME ", b.case_number, f.case_id, f.id, f.kind, NULL, NULL, f.done_on, "
    "hmr_staff_name (u.full_name, u.full_name_cyrillic), f.assigned_to IS ?1, f.who5_score, f.who5_previous, f.who5_flags "
    "FROM follow_up f JOIN beneficiary b ON b.id = f.beneficiary_id "
    "LEFT JOIN app_user u ON u.id = f.assigned_to "
    "WHERE f.who5_flags > 0 AND f.who5_ack_at IS NULL AND f.deleted_at IS NULL "
    "AND b.deleted_at IS NULL AND (?2 IS NULL OR f.office_id = ?2) "
    "ORDER BY f.done_on DESC, 2",
};

/* Planned follow-ups due: each variant matches a partial index of 0006 */
#define DUE_SELECT \
  "SELECT b.id, " NAME ", b.case_number, f.case_id, f.id, f.kind, NULL, f.due_on, f.due_on, " \
  "hmr_staff_name (u.full_name, u.full_name_cyrillic), f.assigned_to IS ?1, NULL, NULL, NULL " \
  "FROM follow_up f JOIN beneficiary b ON b.id = f.beneficiary_id " \
  "LEFT JOIN app_user u ON u.id = f.assigned_to " \
  "WHERE f.status = 'planned' AND f.deleted_at IS NULL AND b.deleted_at IS NULL "

typedef enum
{
  DUE_OFFICE,             /* due today or before, in the actor's office */
  DUE_MINE,               /* due today or before, assigned to the actor */
  DUE_MINE_TODAY,         /* due today, assigned to the actor */
  DUE_OFFICE_OVERDUE,     /* due before today, in the actor's office */
  DUE_MINE_OVERDUE,       /* due before today, assigned to the actor */
} DueQuery;

static const char *
due_query (DueQuery which)
{
  switch (which)
    {
    case DUE_OFFICE:
      return DUE_SELECT "AND f.office_id = ?2 AND f.due_on <= ?3 ORDER BY f.due_on, 2";
    case DUE_MINE:
      return DUE_SELECT "AND f.assigned_to = ?1 AND f.due_on <= ?3 AND (?2 IS NULL OR f.office_id = ?2) "
                        "ORDER BY f.due_on, 2";
    case DUE_OFFICE_OVERDUE:
      return DUE_SELECT "AND f.office_id = ?2 AND f.due_on < ?3 ORDER BY f.due_on, 2";
    case DUE_MINE_OVERDUE:
      return DUE_SELECT "AND f.assigned_to = ?1 AND f.due_on < ?3 AND (?2 IS NULL OR f.office_id = ?2) "
                        "ORDER BY f.due_on, 2";
    case DUE_MINE_TODAY:
    default:
      return DUE_SELECT "AND f.assigned_to = ?1 AND f.due_on = ?3 AND (?2 IS NULL OR f.office_id = ?2) "
                        "ORDER BY 2";
    }
}

static const char *entities[HMR_N_TODAY_LISTS] = {
  [HMR_TODAY_DUE_FOLLOW_UPS] = "follow_up",
  [HMR_TODAY_WAITING_REFERRALS] = "referral",
  [HMR_TODAY_RETURNED_PLANS] = "plan",
  [HMR_TODAY_ENDING_BANS] = "reentry_ban",
  [HMR_TODAY_BANS_WITHOUT_LEGAL_AID] = "reentry_ban",
  [HMR_TODAY_PLANS_TO_APPROVE] = "plan",
  [HMR_TODAY_GRANTS_TO_DECIDE] = "grant",
  [HMR_TODAY_CLOSURES_TO_APPROVE] = "case_closure_request",
  [HMR_TODAY_FLAGGED_WELLBEING] = "follow_up",
};

void
hmr_today_item_free (HmrTodayItem *item)
{
  if (item == NULL)
    return;
  g_free (item->beneficiary_id);
  g_free (item->beneficiary_name);
  g_free (item->case_number);
  g_free (item->case_id);
  g_free (item->entity);
  g_free (item->entity_id);
  g_free (item->title);
  g_free (item->detail);
  g_free (item->due_on);
  g_free (item->since);
  g_free (item->who);
  g_free (item);
}

const char *
hmr_today_list_to_string (HmrTodayList list)
{
  switch (list)
    {
    case HMR_TODAY_DUE_FOLLOW_UPS: return "due-follow-ups";
    case HMR_TODAY_WAITING_REFERRALS: return "waiting-referrals";
    case HMR_TODAY_RETURNED_PLANS: return "returned-plans";
    case HMR_TODAY_ENDING_BANS: return "ending-bans";
    case HMR_TODAY_BANS_WITHOUT_LEGAL_AID: return "bans-without-legal-aid";
    case HMR_TODAY_PLANS_TO_APPROVE: return "plans-to-approve";
    case HMR_TODAY_GRANTS_TO_DECIDE: return "grants-to-decide";
    case HMR_TODAY_CLOSURES_TO_APPROVE: return "closures-to-approve";
    case HMR_TODAY_FLAGGED_WELLBEING: return "flagged-wellbeing";
    case HMR_N_TODAY_LISTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * hmr_today_list_get_title:
 *
 * Returns: the list's heading on the Today page, translated
 */
const char *
hmr_today_list_get_title (HmrTodayList list)
{
  switch (list)
    {
    case HMR_TODAY_DUE_FOLLOW_UPS: return _("Follow-ups due");
    case HMR_TODAY_WAITING_REFERRALS: return _("Referrals waiting for an answer");
    case HMR_TODAY_RETURNED_PLANS: return _("Plans returned for changes");
    case HMR_TODAY_ENDING_BANS: return _("Re-entry bans ending within 90 days");
    case HMR_TODAY_BANS_WITHOUT_LEGAL_AID: return _("Re-entry bans with no legal-aid referral");
    case HMR_TODAY_PLANS_TO_APPROVE: return _("Plans waiting for approval");
    case HMR_TODAY_GRANTS_TO_DECIDE: return _("Grants waiting for a decision");
    case HMR_TODAY_CLOSURES_TO_APPROVE: return _("Closures waiting for approval");
    case HMR_TODAY_FLAGGED_WELLBEING: return _("Wellbeing scores to look at");
    case HMR_N_TODAY_LISTS:
    default:
      g_return_val_if_reached ("");
    }
}

/* May @actor have @list?  Sets a refusal naming what is missing. */
static gboolean
may_list (const HmrActor  *actor,
          HmrTodayList     list,
          GError         **error)
{
  switch (list)
    {
    case HMR_TODAY_DUE_FOLLOW_UPS:
      return hmr_store_require (actor, HMR_ACTION_FOLLOW_UP_WRITE, NULL, error);
    case HMR_TODAY_WAITING_REFERRALS:
      return hmr_store_require (actor, HMR_ACTION_REFERRAL_READ, NULL, error);
    case HMR_TODAY_RETURNED_PLANS:
    case HMR_TODAY_ENDING_BANS:
    case HMR_TODAY_BANS_WITHOUT_LEGAL_AID:
      return hmr_store_require (actor, HMR_ACTION_BENEFICIARY_READ, NULL, error);
    case HMR_TODAY_GRANTS_TO_DECIDE:
      if (!hmr_store_require (actor, HMR_ACTION_BENEFICIARY_READ, NULL, error))
        return FALSE;
      if (hmr_workflow_may_move (actor, HMR_RECORD_GRANT, "submitted", "approved", NULL, "-", NULL))
        return TRUE;
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED,
                   _("Refused: the %s role may not approve grants."), hmr_role_get_label (actor->role));
      return FALSE;
    case HMR_TODAY_PLANS_TO_APPROVE:
      if (!hmr_store_require (actor, HMR_ACTION_BENEFICIARY_READ, NULL, error))
        return FALSE;
      if (hmr_workflow_may_move (actor, HMR_RECORD_PLAN, "submitted", "approved", NULL, "-", NULL))
        return TRUE;
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED,
                   _("Refused: the %s role may not approve reintegration plans."), hmr_role_get_label (actor->role));
      return FALSE;
    case HMR_TODAY_CLOSURES_TO_APPROVE:
      if (!hmr_store_require (actor, HMR_ACTION_BENEFICIARY_READ, NULL, error))
        return FALSE;
      if (hmr_workflow_may_move (actor, HMR_RECORD_CASE, "services", "closed", NULL, "-", NULL))
        return TRUE;
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED,
                   _("Refused: the %s role may not close cases."), hmr_role_get_label (actor->role));
      return FALSE;
    case HMR_TODAY_FLAGGED_WELLBEING:
      if (!hmr_store_require (actor, HMR_ACTION_SENSITIVE_READ, NULL, error))
        return FALSE;
      if (hmr_actor_reviews_wellbeing (actor, NULL))
        return TRUE;
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED,
                   _("Refused: the %s role may not acknowledge flagged wellbeing scores."),
                   hmr_role_get_label (actor->role));
      return FALSE;
    case HMR_N_TODAY_LISTS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

/**
 * hmr_today_lists_for_actor:
 *
 * The lists of @actor's Today page, in the order to show them: a
 * caseworker's five (follow-ups due, referrals waiting, plans returned,
 * bans ending, bans with no legal aid) when @actor does casework in an
 * office; a supervisor's four (plans, grants, closures, wellbeing) when
 * @actor may decide them.
 *
 * Returns: (transfer full) (element-type HmrTodayList): the lists
 */
GArray *
hmr_today_lists_for_actor (const HmrActor *actor)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (HmrTodayList));

  if (actor == NULL)
    return out;
  if (hmr_permission_is_office_scoped (actor->role, HMR_ACTION_FOLLOW_UP_WRITE))
    for (HmrTodayList l = HMR_TODAY_DUE_FOLLOW_UPS; l <= HMR_TODAY_BANS_WITHOUT_LEGAL_AID; l++)
      if (may_list (actor, l, NULL))
        g_array_append_val (out, l);
  for (HmrTodayList l = HMR_TODAY_PLANS_TO_APPROVE; l < HMR_N_TODAY_LISTS; l++)
    if (may_list (actor, l, NULL))
      g_array_append_val (out, l);
  return out;
}

static int
days_overdue (const char *due_on,
              GDate      *today)
{
  GDate due;
  int days;

  if (due_on == NULL || !hmr_parse_user_date (due_on, &due))
    return -1;
  days = g_date_days_between (&due, today);
  return days >= 0 ? days : -1;
}

static char *
make_title (HmrTodayList  list,
            sqlite3_stmt *stmt,
            HmrTodayItem *item)
{
  const char *code = (const char *) sqlite3_column_text (stmt, 5);
  const char *text = (const char *) sqlite3_column_text (stmt, 6);

  switch (list)
    {
    case HMR_TODAY_DUE_FOLLOW_UPS:
      return g_strdup (hmr_code_get_label (HMR_CODES_FOLLOW_UP_KIND, code));
    case HMR_TODAY_WAITING_REFERRALS:
      if (text != NULL)
        return g_strdup_printf ("%s — %s", hmr_code_get_label (HMR_CODES_SERVICE_TYPE, code), text);
      return g_strdup (hmr_code_get_label (HMR_CODES_SERVICE_TYPE, code));
    case HMR_TODAY_RETURNED_PLANS:
      return g_strdup (_("Reintegration plan returned for changes"));
    case HMR_TODAY_ENDING_BANS:
      {
        GDate end;
        g_autofree char *day = NULL;

        if (item->due_on != NULL && hmr_parse_user_date (item->due_on, &end))
          day = hmr_format_date (&end);
        return g_strdup_printf (_("Re-entry ban ends on %s"),
                                day ? day : (item->due_on ? item->due_on : ""));
      }
    case HMR_TODAY_BANS_WITHOUT_LEGAL_AID:
      if (g_strcmp0 (code, "court") == 0)
        return g_strdup (_("Re-entry ban by a court, no legal-aid referral"));
      return g_strdup (_("Re-entry ban, no legal-aid referral"));
    case HMR_TODAY_GRANTS_TO_DECIDE:
      {
        g_autofree char *amount = hmr_money_format (sqlite3_column_int64 (stmt, 11), code,
                                                    HMR_MONEY_LOCALE);
        /* Translators: a grant waiting for a decision: its amount and purpose */
        return g_strdup_printf (_("Grant of %s: %s"), amount, text ? text : "");
      }
    case HMR_TODAY_PLANS_TO_APPROVE:
      return g_strdup (_("Reintegration plan submitted for approval"));
    case HMR_TODAY_CLOSURES_TO_APPROVE:
      return g_strdup_printf (_("Closing the case asked for (stage: %s)"), hmr_stage_get_label (code));
    case HMR_TODAY_FLAGGED_WELLBEING:
      return hmr_who5_describe_flags (item->flags, item->previous_score, item->score);
    case HMR_N_TODAY_LISTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static HmrTodayItem *
row_to_item (HmrTodayList  list,
             sqlite3_stmt *stmt,
             GDate        *today)
{
  HmrTodayItem *item = g_new0 (HmrTodayItem, 1);

  item->list = list;
  item->beneficiary_id = hmr_column_dup_text (stmt, 0);
  item->beneficiary_name = hmr_column_dup_text (stmt, 1);
  item->case_number = hmr_column_dup_text (stmt, 2);
  item->case_id = hmr_column_dup_text (stmt, 3);
  item->entity = g_strdup (entities[list]);
  item->entity_id = hmr_column_dup_text (stmt, 4);
  item->due_on = hmr_column_dup_text (stmt, 7);
  item->since = hmr_column_dup_text (stmt, 8);
  item->who = hmr_column_dup_text (stmt, 9);
  item->mine = sqlite3_column_int (stmt, 10) != 0;
  if (list == HMR_TODAY_FLAGGED_WELLBEING)
    {
      item->score = sqlite3_column_type (stmt, 11) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 11);
      item->previous_score = sqlite3_column_type (stmt, 12) == SQLITE_NULL ? -1 : sqlite3_column_int (stmt, 12);
      item->flags = hmr_who5_flags_from_stored (sqlite3_column_int (stmt, 13), item->score);
    }
  else
    item->score = item->previous_score = -1;
  item->days_overdue = list == HMR_TODAY_ENDING_BANS || list == HMR_TODAY_BANS_WITHOUT_LEGAL_AID
                       ? -1 : days_overdue (item->due_on, today);
  item->title = make_title (list, stmt, item);
  if (list != HMR_TODAY_WAITING_REFERRALS && list != HMR_TODAY_GRANTS_TO_DECIDE)
    item->detail = hmr_column_dup_text (stmt, 6);
  return item;
}

/* ?1 to ?5 as the queries above say */
static void
bind_list_params (sqlite3_stmt    *stmt,
                  const HmrActor  *actor,
                  GDate           *today)
{
  GDate soon = *today;
  char today_s[16], soon_s[16];

  g_date_add_days (&soon, HMR_TODAY_BANS_ENDING_DAYS);
  g_date_strftime (today_s, sizeof today_s, "%Y-%m-%d", today);
  g_date_strftime (soon_s, sizeof soon_s, "%Y-%m-%d", &soon);

  hmr_bind_text (stmt, 1, actor->user_id);
  hmr_bind_text (stmt, 2, hmr_permission_is_office_scoped (actor->role, HMR_ACTION_BENEFICIARY_READ)
                            ? (actor->office_id ? actor->office_id : "") : NULL);
  hmr_bind_text (stmt, 3, today_s);
  hmr_bind_text (stmt, 4, soon_s);
}

/* How many rows @sql has, without reading them: its own WHERE under a
 * count(*).  Every query above ends with its ORDER BY, which a count has
 * no use for. */
static gboolean
count_list (HmrStore        *self,
            const HmrActor  *actor,
            const char      *sql,
            GDate           *today,
            guint           *n_total,
            GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *count_sql = NULL;
  const char *order_by = g_strrstr (sql, " ORDER BY ");
  int rc;

  g_assert (order_by != NULL);
  count_sql = g_strdup_printf ("SELECT count(*) FROM (%.*s)", (int) (order_by - sql), sql);
  stmt = hmr_store_prepare (self, count_sql, error);
  if (stmt == NULL)
    return FALSE;
  bind_list_params (stmt, actor, today);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return hmr_store_set_sqlite_error (self, rc, error);
  *n_total = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static GPtrArray *
run_list (HmrStore        *self,
          const HmrActor  *actor,
          HmrTodayList     list,
          const char      *sql,
          guint            limit,
          guint           *n_total,
          GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = NULL;
  g_autofree char *limited = NULL;
  gboolean own_snapshot = sqlite3_get_autocommit (self->db);
  gboolean ok = FALSE;
  GDate today;
  int rc;

  hmr_store_get_today (self, &today);
  /* Only the rows shown are read; a count says how many there are in all */
  if (limit > 0)
    limited = g_strdup_printf ("%s LIMIT %u", sql, limit);
  /* The rows and their count are two queries: one read transaction lets
   * them see the same data, whatever another connection writes between */
  if (own_snapshot && !hmr_store_exec (self, "BEGIN DEFERRED", error))
    return NULL;
  stmt = hmr_store_prepare (self, limited ? limited : sql, error);
  if (stmt == NULL)
    goto out;
  bind_list_params (stmt, actor, &today);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_today_item_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, row_to_item (list, stmt, &today));
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      goto out;
    }
  /* A list shorter than the limit is the whole list */
  if (n_total != NULL && (limit == 0 || out->len < limit))
    *n_total = out->len;
  else if (n_total != NULL && !count_list (self, actor, sql, &today, n_total, error))
    goto out;
  ok = TRUE;

out:
  g_clear_pointer (&stmt, sqlite3_finalize);
  /* Ending a read cannot fail in a way that matters to what was read */
  if (own_snapshot)
    (void) hmr_store_commit (self, NULL);
  return ok ? g_steal_pointer (&out) : NULL;
}

/**
 * hmr_store_list_today:
 * @limit: at most this many rows; 0 for all
 * @n_total: (out) (optional): how many rows the whole list has
 *
 * One list of the Today page (see #HmrTodayItem for what a row holds).
 * Refused when the actor's role does not have that list (a caseworker
 * asking for the plans to approve, finance for anything).
 *
 * Returns: (transfer full) (element-type HmrTodayItem): the rows, the most
 *   urgent first (oldest due first; newest scores first)
 */
GPtrArray *
hmr_store_list_today (HmrStore        *self,
                      const HmrActor  *actor,
                      HmrTodayList     list,
                      guint            limit,
                      guint           *n_total,
                      GError         **error)
{
  g_return_val_if_fail (HMR_IS_STORE (self), NULL);
  g_return_val_if_fail (list < HMR_N_TODAY_LISTS, NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !may_list (actor, list, error))
    return NULL;
  if (list == HMR_TODAY_DUE_FOLLOW_UPS)
    return run_list (self, actor, list,
                     due_query (hmr_permission_is_office_scoped (actor->role, HMR_ACTION_BENEFICIARY_READ)
                                ? DUE_OFFICE : DUE_MINE),
                     limit, n_total, error);
  return run_list (self, actor, list, queries[list], limit, n_total, error);
}

/**
 * hmr_store_count_overdue_follow_ups:
 * @n_overdue: (out): how many of %HMR_TODAY_DUE_FOLLOW_UPS are due before
 *   today; the others are due today
 *
 * For the Today page's summary, which must agree with the list's heading.
 */
gboolean
hmr_store_count_overdue_follow_ups (HmrStore        *self,
                                    const HmrActor  *actor,
                                    guint           *n_overdue,
                                    GError         **error)
{
  GDate today;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);
  g_return_val_if_fail (n_overdue != NULL, FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !may_list (actor, HMR_TODAY_DUE_FOLLOW_UPS, error))
    return FALSE;
  hmr_store_get_today (self, &today);
  return count_list (self, actor,
                     due_query (hmr_permission_is_office_scoped (actor->role, HMR_ACTION_BENEFICIARY_READ)
                                ? DUE_OFFICE_OVERDUE : DUE_MINE_OVERDUE),
                     &today, n_overdue, error);
}

/**
 * hmr_store_list_reminders:
 * @include_overdue: also those due before today
 *
 * The planned follow-ups assigned to @actor that are due today (and, when
 * asked, overdue): what the window reminds them of at start and every
 * hour.  Rows are those of %HMR_TODAY_DUE_FOLLOW_UPS.
 *
 * Returns: (transfer full) (element-type HmrTodayItem): the follow-ups
 */
GPtrArray *
hmr_store_list_reminders (HmrStore        *self,
                          const HmrActor  *actor,
                          gboolean         include_overdue,
                          GError         **error)
{
  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !may_list (actor, HMR_TODAY_DUE_FOLLOW_UPS, error))
    return NULL;
  return run_list (self, actor, HMR_TODAY_DUE_FOLLOW_UPS,
                   due_query (include_overdue ? DUE_MINE : DUE_MINE_TODAY), 0, NULL, error);
}
