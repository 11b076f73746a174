/* hmr-permissions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-permissions.h"

typedef enum
{
  NONE = 0,
  OWN_OFFICE,   /* only records of the actor's office */
  ALL,          /* every office */
} Scope;

/* Rows: actions.  Columns: caseworker, supervisor, finance, admin. */
static const Scope table[HMR_N_ACTIONS][HMR_N_ROLES] = {
  [HMR_ACTION_BENEFICIARY_READ]          = { OWN_OFFICE, ALL, NONE, NONE },
  [HMR_ACTION_BENEFICIARY_READ_IDENTITY] = { OWN_OFFICE, ALL, ALL,  NONE },
  [HMR_ACTION_BENEFICIARY_WRITE]         = { OWN_OFFICE, ALL, NONE, NONE },
  [HMR_ACTION_BENEFICIARY_REASSIGN]      = { NONE,       ALL, NONE, NONE },
  [HMR_ACTION_SENSITIVE_READ]            = { OWN_OFFICE, ALL, NONE, NONE },
  [HMR_ACTION_SENSITIVE_WRITE]           = { OWN_OFFICE, NONE, NONE, NONE },
  [HMR_ACTION_AUDIT_READ]                = { NONE,       ALL, NONE, ALL },
  [HMR_ACTION_AUDIT_VERIFY]              = { NONE,       NONE, NONE, ALL },
  [HMR_ACTION_USERS_MANAGE]              = { NONE,       NONE, NONE, ALL },
  [HMR_ACTION_OFFICES_MANAGE]            = { NONE,       NONE, NONE, ALL },
  [HMR_ACTION_PROVIDERS_MANAGE]          = { NONE,       NONE, NONE, ALL },
  [HMR_ACTION_BACKUP]                    = { NONE,       NONE, NONE, ALL },
  [HMR_ACTION_REFERRAL_READ]             = { OWN_OFFICE, ALL, NONE, NONE },
  [HMR_ACTION_REFERRAL_WRITE]            = { OWN_OFFICE, ALL, NONE, NONE },
  [HMR_ACTION_FOLLOW_UP_WRITE]           = { OWN_OFFICE, ALL, NONE, NONE },
  [HMR_ACTION_GRANT_READ]                = { OWN_OFFICE, ALL, ALL,  NONE },
  [HMR_ACTION_GRANT_WRITE]               = { OWN_OFFICE, ALL, NONE, NONE },
  [HMR_ACTION_DISBURSE]                  = { NONE,       NONE, ALL, NONE },
  [HMR_ACTION_HANDOVER_WRITE]            = { OWN_OFFICE, NONE, ALL, NONE },
  [HMR_ACTION_EXPORT_CASELOAD]           = { OWN_OFFICE, ALL, NONE, NONE },
  /* supervisors export everything; finance the ledger and the handovers */
  [HMR_ACTION_EXPORT_LEDGER]             = { NONE,       ALL, ALL,  NONE },
  [HMR_ACTION_EXPORT_HANDOVERS]          = { NONE,       ALL, ALL,  NONE },
  [HMR_ACTION_IMPORT]                    = { OWN_OFFICE, ALL, NONE, NONE },
  [HMR_ACTION_IMPORT_UNDO]               = { NONE,       ALL, NONE, NONE },
  [HMR_ACTION_SYNC]                      = { NONE,       ALL, NONE, ALL },
  [HMR_ACTION_SYNC_ENROL]                = { NONE,       NONE, NONE, ALL },
  [HMR_ACTION_SYNC_CONFLICTS]            = { NONE,       ALL, NONE, NONE },
  [HMR_ACTION_SESSION_READ]              = { OWN_OFFICE, ALL, NONE, NONE },
  [HMR_ACTION_SESSION_WRITE]             = { OWN_OFFICE, ALL, NONE, NONE },
  [HMR_ACTION_SURVEY_READ]               = { OWN_OFFICE, ALL, NONE, NONE },
  [HMR_ACTION_SURVEY_MANAGE]             = { NONE,       ALL, NONE, NONE },
  [HMR_ACTION_SURVEY_RESPOND]            = { OWN_OFFICE, NONE, NONE, NONE },
  [HMR_ACTION_REPORT_READ]               = { OWN_OFFICE, ALL, NONE, NONE },
  [HMR_ACTION_REPORT_GRANTS]             = { OWN_OFFICE, ALL, ALL,  NONE },
};

gboolean
hmr_permission_is_office_scoped (HmrRole   role,
                                 HmrAction action)
{
  g_return_val_if_fail (role < HMR_N_ROLES && action < HMR_N_ACTIONS, TRUE);
  return table[action][role] == OWN_OFFICE;
}

/**
 * hmr_permission_allows:
 * @record_office_id: (nullable): the office of the record concerned, or
 *   %NULL to ask whether the action is allowed on some record at all
 */
gboolean
hmr_permission_allows (const HmrActor *actor,
                       HmrAction       action,
                       const char     *record_office_id)
{
  Scope scope;

  if (actor == NULL || actor->role >= HMR_N_ROLES || action >= HMR_N_ACTIONS)
    return FALSE;

  scope = table[action][actor->role];
  switch (scope)
    {
    case ALL:
      return TRUE;
    case OWN_OFFICE:
      return record_office_id == NULL ||
             (actor->office_id != NULL && g_strcmp0 (actor->office_id, record_office_id) == 0);
    case NONE:
    default:
      return FALSE;
    }
}

/**
 * hmr_permission_dup_refusal:
 * @role: the role that was refused
 * @action: what it tried to do
 *
 * Says why the store refused, in one whole sentence per action.  The
 * action is not a fragment glued into a shared "may not %s" sentence:
 * Tajik puts the verb after its object and Russian wants an infinitive
 * that agrees with the rest, so each refusal is its own message that a
 * translator can phrase freely.  Only the role's name is put in.
 *
 * Returns: (transfer full): the refusal, as in
 *   "Refused: a Finance officer may not read case files."
 */
char *
hmr_permission_dup_refusal (HmrRole   role,
                            HmrAction action)
{
  const char *who = hmr_role_get_label (role);

  switch (action)
    {
    case HMR_ACTION_BENEFICIARY_READ:
      /* Translators: a refusal; %s is the name of a role, as in “Caseworker” */
      return g_strdup_printf (_("Refused: the %s role may not read case files."), who);
    case HMR_ACTION_BENEFICIARY_READ_IDENTITY:
      /* Translators: a refusal; %s is the name of a role, as in “Caseworker” */
      return g_strdup_printf (_("Refused: the %s role may not read beneficiaries’ names."), who);
    case HMR_ACTION_BENEFICIARY_WRITE:
      /* Translators: a refusal; %s is the name of a role, as in “Caseworker” */
      return g_strdup_printf (_("Refused: the %s role may not change case files."), who);
    case HMR_ACTION_BENEFICIARY_REASSIGN:
      /* Translators: a refusal; %s is the name of a role, as in “Caseworker” */
      return g_strdup_printf (_("Refused: the %s role may not reassign cases."), who);
    case HMR_ACTION_SENSITIVE_READ:
      /* Translators: a refusal; %s is the name of a role, as in “Caseworker” */
      return g_strdup_printf (_("Refused: the %s role may not read confidential notes."), who);
    case HMR_ACTION_SENSITIVE_WRITE:
      /* Translators: a refusal; %s is the name of a role, as in “Caseworker” */
      return g_strdup_printf (_("Refused: the %s role may not change trafficking profiles."), who);
    case HMR_ACTION_AUDIT_READ:
      /* Translators: a refusal; %s is the name of a role, as in “Caseworker” */
      return g_strdup_printf (_("Refused: the %s role may not read the audit log."), who);
    case HMR_ACTION_AUDIT_VERIFY:
      /* Translators: a refusal; %s is the name of a role, as in “Caseworker” */
      return g_strdup_printf (_("Refused: the %s role may not verify the audit log."), who);
    case HMR_ACTION_USERS_MANAGE:
      /* Translators: a refusal; %s is the name of a role, as in “Caseworker” */
      return g_strdup_printf (_("Refused: the %s role may not manage users."), who);
    case HMR_ACTION_OFFICES_MANAGE:
      /* Translators: a refusal; %s is the name of a role, as in “Caseworker” */
      return g_strdup_printf (_("Refused: the %s role may not manage offices."), who);
    case HMR_ACTION_PROVIDERS_MANAGE:
      /* Translators: a refusal; %s is the name of a role, as in “Caseworker” */
      return g_strdup_printf (_("Refused: the %s role may not manage service providers."), who);
    case HMR_ACTION_REFERRAL_READ:
      /* Translators: a refusal; %s is the name of a role, as in “Caseworker” */
      return g_strdup_printf (_("Refused: the %s role may not read referrals."), who);
    case HMR_ACTION_REFERRAL_WRITE:
      /* Translators: a refusal; %s is the name of a role, as in “Caseworker” */
      return g_strdup_printf (_("Refused: the %s role may not change referrals."), who);
    case HMR_ACTION_FOLLOW_UP_WRITE:
      /* Translators: a refusal; %s is the name of a role, as in “Caseworker” */
      return g_strdup_printf (_("Refused: the %s role may not record follow-ups."), who);
    case HMR_ACTION_GRANT_READ:
      /* Translators: a refusal; %s is the name of a role, as in “Caseworker” */
      return g_strdup_printf (_("Refused: the %s role may not read grants."), who);
    case HMR_ACTION_GRANT_WRITE:
      /* Translators: a refusal; %s is the name of a role, as in “Caseworker” */
      return g_strdup_printf (_("Refused: the %s role may not draft grants."), who);
    case HMR_ACTION_DISBURSE:
      /* Translators: a refusal; %s is the name of a role, as in “Caseworker” */
      return g_strdup_printf (_("Refused: the %s role may not record disbursements."), who);
    case HMR_ACTION_HANDOVER_WRITE:
      /* Translators: a refusal; %s is the name of a role, as in “Caseworker” */
      return g_strdup_printf (_("Refused: the %s role may not record handovers."), who);
    case HMR_ACTION_EXPORT_CASELOAD:
      /* Translators: a refusal; %s is the name of a role, as in “Caseworker” */
      return g_strdup_printf (_("Refused: the %s role may not export case files."), who);
    case HMR_ACTION_EXPORT_LEDGER:
      /* Translators: a refusal; %s is the name of a role, as in “Caseworker” */
      return g_strdup_printf (_("Refused: the %s role may not export the grant ledger."), who);
    case HMR_ACTION_EXPORT_HANDOVERS:
      /* Translators: a refusal; %s is the name of a role, as in “Caseworker” */
      return g_strdup_printf (_("Refused: the %s role may not export the handovers."), who);
    case HMR_ACTION_IMPORT:
      /* Translators: a refusal; %s is the name of a role, as in “Caseworker” */
      return g_strdup_printf (_("Refused: the %s role may not import lists of beneficiaries."), who);
    case HMR_ACTION_IMPORT_UNDO:
      /* Translators: a refusal; %s is the name of a role, as in “Caseworker” */
      return g_strdup_printf (_("Refused: the %s role may not undo an import."), who);
    case HMR_ACTION_SYNC:
      /* Translators: a refusal; %s is the name of a role, as in “Caseworker” */
      return g_strdup_printf (_("Refused: the %s role may not send or receive sync bundles."), who);
    case HMR_ACTION_SYNC_ENROL:
      /* Translators: a refusal; %s is the name of a role, as in “Caseworker” */
      return g_strdup_printf (_("Refused: the %s role may not enrol office installations."), who);
    case HMR_ACTION_SYNC_CONFLICTS:
      /* Translators: a refusal; %s is the name of a role, as in “Caseworker” */
      return g_strdup_printf (_("Refused: the %s role may not review sync conflicts."), who);
    case HMR_ACTION_BACKUP:
      /* Translators: a refusal; %s is the name of a role, as in “Caseworker” */
      return g_strdup_printf (_("Refused: the %s role may not make backups."), who);
    case HMR_ACTION_SESSION_READ:
      /* Translators: a refusal; %s is the name of a role, as in “Caseworker” */
      return g_strdup_printf (_("Refused: the %s role may not see group sessions."), who);
    case HMR_ACTION_SESSION_WRITE:
      /* Translators: a refusal; %s is the name of a role, as in “Caseworker” */
      return g_strdup_printf (_("Refused: the %s role may not plan group sessions or mark attendance."), who);
    case HMR_ACTION_SURVEY_READ:
      /* Translators: a refusal; %s is the name of a role, as in “Caseworker” */
      return g_strdup_printf (_("Refused: the %s role may not see outcome surveys."), who);
    case HMR_ACTION_SURVEY_MANAGE:
      /* Translators: a refusal; %s is the name of a role, as in “Caseworker” */
      return g_strdup_printf (_("Refused: the %s role may not open survey rounds or draw samples."), who);
    case HMR_ACTION_SURVEY_RESPOND:
      /* Translators: a refusal; %s is the name of a role, as in “Caseworker” */
      return g_strdup_printf (_("Refused: the %s role may not record survey calls."), who);
    case HMR_ACTION_REPORT_READ:
      /* Translators: a refusal; %s is the name of a role, as in “Caseworker” */
      return g_strdup_printf (_("Refused: the %s role may not read reports."), who);
    case HMR_ACTION_REPORT_GRANTS:
      /* Translators: a refusal; %s is the name of a role, as in “Caseworker” */
      return g_strdup_printf (_("Refused: the %s role may not read the grant figures of reports."), who);
    case HMR_N_ACTIONS:
    default:
      g_return_val_if_reached (g_strdup (""));
    }
}
