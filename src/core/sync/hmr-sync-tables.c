/* hmr-sync-tables.c — which tables travel between installations, where to,
 * and how their workflow states are ordered for a merge
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hmr-sync-private.h"

/* Parents before children, so that a snapshot can be written in order.
 * Tables not listed here never travel: derived tables kept by triggers
 * (beneficiary_sort, beneficiary_search), the local case number counter,
 * the audit log (sent by its sequence numbers instead) and sync's own. */
static const HmrSyncTable tables[] = {
  { "office", HMR_SYNC_REFERENCE, NULL, NULL },
  { "app_user", HMR_SYNC_REFERENCE, NULL, NULL },
  { "service_provider", HMR_SYNC_REFERENCE, NULL, NULL },
  { "service_deadline", HMR_SYNC_REFERENCE, NULL, NULL },
  { "setting", HMR_SYNC_REFERENCE, NULL, NULL },
  { "beneficiary", HMR_SYNC_OFFICE, NULL, NULL },
  { "migration_episode", HMR_SYNC_OFFICE, NULL, NULL },
  { "reentry_ban", HMR_SYNC_OFFICE, NULL, NULL },
  { "trafficking_profile", HMR_SYNC_OFFICE, NULL, NULL },
  { "case_file", HMR_SYNC_OFFICE, NULL, NULL },
  { "case_history", HMR_SYNC_CHILD, "case_file", "case_id" },
  { "case_assignment", HMR_SYNC_CHILD, "case_file", "case_id" },
  { "assessment", HMR_SYNC_OFFICE, NULL, NULL },
  { "assessment_need", HMR_SYNC_CHILD, "assessment", "assessment_id" },
  { "reintegration_plan", HMR_SYNC_OFFICE, NULL, NULL },
  { "plan_action", HMR_SYNC_CHILD, "reintegration_plan", "plan_id" },
  { "plan_history", HMR_SYNC_CHILD, "reintegration_plan", "plan_id" },
  { "case_closure_request", HMR_SYNC_OFFICE, NULL, NULL },
  { "referral", HMR_SYNC_OFFICE, NULL, NULL },
  { "referral_history", HMR_SYNC_CHILD, "referral", "referral_id" },
  { "follow_up", HMR_SYNC_OFFICE, NULL, NULL },
  { "follow_up_history", HMR_SYNC_CHILD, "follow_up", "follow_up_id" },
  { "reintegration_grant", HMR_SYNC_OFFICE, NULL, NULL },
  { "grant_beneficiary", HMR_SYNC_CHILD, "reintegration_grant", "grant_id" },
  { "grant_history", HMR_SYNC_CHILD, "reintegration_grant", "grant_id" },
  { "grant_item", HMR_SYNC_CHILD, "reintegration_grant", "grant_id" },
  { "disbursement", HMR_SYNC_OFFICE, NULL, NULL },
  { "handover", HMR_SYNC_OFFICE, NULL, NULL },
  { "handover_item", HMR_SYNC_CHILD, "handover", "handover_id" },
  { "handover_witness", HMR_SYNC_CHILD, "handover", "handover_id" },
  { "handover_history", HMR_SYNC_CHILD, "handover", "handover_id" },
  { "group_session", HMR_SYNC_OFFICE, NULL, NULL },
  { "attendance", HMR_SYNC_CHILD, "group_session", "session_id" },
  { "survey_round", HMR_SYNC_OFFICE, NULL, NULL },
  { "survey_response", HMR_SYNC_OFFICE, NULL, NULL },
  { "survey_sample", HMR_SYNC_OFFICE, NULL, NULL },
  { "attachment", HMR_SYNC_OFFICE, NULL, NULL },
};

const HmrSyncTable *
hmr_sync_tables (guint *n_tables)
{
  *n_tables = G_N_ELEMENTS (tables);
  return tables;
}

const HmrSyncTable *
hmr_sync_table_lookup (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (tables); i++)
    if (g_str_equal (tables[i].name, name))
      return &tables[i];
  return NULL;
}

/* Columns that belong to one installation: a login at an office locks
 * nobody out at HQ */
gboolean
hmr_sync_column_is_local (const char *table,
                          const char *column)
{
  return g_str_equal (table, "app_user") &&
         (g_str_equal (column, "failed_logins") ||
          g_str_equal (column, "locked_until") ||
          g_str_equal (column, "last_login_at"));
}

/* The states of each workflow in the order a record moves through them
 * (DESIGN §5): when two installations moved one record to different
 * states, the one further along is kept, so that a merge never moves a
 * record backwards.  States on one level are ends of the same step. */
static const struct
{
  const char *table;
  const char *column;
  const char *levels[8];
} workflows[] = {
  { "case_file", "stage", { "new", "assessment", "case_plan", "services", "closed", "reopened", NULL } },
  { "case_file", "status", { "open", "transferred duplicate", "closed", NULL } },
  { "reintegration_plan", "status", { "draft", "submitted", "returned", "approved", NULL } },
  { "referral", "status", { "draft", "sent", "accepted no_response", "rejected", "completed revoked", NULL } },
  { "follow_up", "status", { "planned", "done missed cancelled", NULL } },
  { "reintegration_grant", "status", { "draft", "submitted", "rejected cancelled", "approved", "disbursing",
                                       "disbursed", "verified", NULL } },
  { "handover", "status", { "draft", "signed", NULL } },
  { "case_closure_request", "status", { "requested", "withdrawn declined", "approved", NULL } },
};

/**
 * hmr_sync_state_rank:
 *
 * Returns: how far along its workflow @state is, from 0; -1 when
 *   @table.@column is not a workflow state (or @state is unknown)
 */
int
hmr_sync_state_rank (const char *table,
                     const char *column,
                     const char *state)
{
  if (state == NULL)
    return -1;
  for (guint i = 0; i < G_N_ELEMENTS (workflows); i++)
    {
      if (!g_str_equal (workflows[i].table, table) || !g_str_equal (workflows[i].column, column))
        continue;
      for (int level = 0; workflows[i].levels[level] != NULL; level++)
        {
          g_auto(GStrv) names = g_strsplit (workflows[i].levels[level], " ", -1);
          if (g_strv_contains ((const char * const *) names, state))
            return level;
        }
      return -1;
    }
  return -1;
}
