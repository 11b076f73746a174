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
  [HMR_ACTION_AUDIT_READ]                = { NONE,       ALL, NONE, ALL },
  [HMR_ACTION_AUDIT_VERIFY]              = { NONE,       NONE, NONE, ALL },
  [HMR_ACTION_USERS_MANAGE]              = { NONE,       NONE, NONE, ALL },
  [HMR_ACTION_OFFICES_MANAGE]            = { NONE,       NONE, NONE, ALL },
  [HMR_ACTION_PROVIDERS_MANAGE]          = { NONE,       NONE, NONE, ALL },
  [HMR_ACTION_REFERRAL_READ]             = { OWN_OFFICE, ALL, NONE, NONE },
  [HMR_ACTION_REFERRAL_WRITE]            = { OWN_OFFICE, ALL, NONE, NONE },
  [HMR_ACTION_FOLLOW_UP_WRITE]           = { OWN_OFFICE, ALL, NONE, NONE },
  [HMR_ACTION_GRANT_READ]                = { OWN_OFFICE, ALL, ALL,  NONE },
  [HMR_ACTION_GRANT_WRITE]               = { OWN_OFFICE, ALL, NONE, NONE },
  [HMR_ACTION_DISBURSE]                  = { NONE,       NONE, ALL, NONE },
  [HMR_ACTION_HANDOVER_WRITE]            = { OWN_OFFICE, NONE, ALL, NONE },
  [HMR_ACTION_EXPORT_CASELOAD]           = { OWN_OFFICE, ALL, NONE, NONE },
  [HMR_ACTION_EXPORT_LEDGER]             = { NONE,       NONE, ALL, NONE },
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

const char *
hmr_action_get_label (HmrAction action)
{
  switch (action)
    {
    case HMR_ACTION_BENEFICIARY_READ: return _("read case files");
    case HMR_ACTION_BENEFICIARY_READ_IDENTITY: return _("read beneficiaries’ names");
    case HMR_ACTION_BENEFICIARY_WRITE: return _("change case files");
    case HMR_ACTION_BENEFICIARY_REASSIGN: return _("reassign cases");
    case HMR_ACTION_SENSITIVE_READ: return _("read confidential notes");
    case HMR_ACTION_AUDIT_READ: return _("read the audit log");
    case HMR_ACTION_AUDIT_VERIFY: return _("verify the audit log");
    case HMR_ACTION_USERS_MANAGE: return _("manage users");
    case HMR_ACTION_OFFICES_MANAGE: return _("manage offices");
    case HMR_ACTION_PROVIDERS_MANAGE: return _("manage service providers");
    case HMR_ACTION_REFERRAL_READ: return _("read referrals");
    case HMR_ACTION_REFERRAL_WRITE: return _("change referrals");
    case HMR_ACTION_FOLLOW_UP_WRITE: return _("record follow-ups");
    case HMR_ACTION_GRANT_READ: return _("read grants");
    case HMR_ACTION_GRANT_WRITE: return _("draft grants");
    case HMR_ACTION_DISBURSE: return _("record disbursements");
    case HMR_ACTION_HANDOVER_WRITE: return _("record handovers");
    case HMR_ACTION_EXPORT_CASELOAD: return _("export case files");
    case HMR_ACTION_EXPORT_LEDGER: return _("export the grant ledger");
    case HMR_N_ACTIONS:
    default:
      g_return_val_if_reached ("");
    }
}
