/* hmr-permissions.h — the role table of DESIGN §6, in one place
 *
 * Both the store (which enforces) and the UI (which hides what the store
 * would refuse) ask the same function.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hmr-actor.h"

G_BEGIN_DECLS

typedef enum
{
  HMR_ACTION_BENEFICIARY_READ,           /* the whole case file */
  HMR_ACTION_BENEFICIARY_READ_IDENTITY,  /* name, case number, district */
  HMR_ACTION_BENEFICIARY_WRITE,
  HMR_ACTION_BENEFICIARY_REASSIGN,
  HMR_ACTION_SENSITIVE_READ,             /* trafficking profile, psychosocial notes */
  HMR_ACTION_SENSITIVE_WRITE,            /* trafficking profile: a caseworker, of their own cases */
  HMR_ACTION_AUDIT_READ,
  HMR_ACTION_AUDIT_VERIFY,
  HMR_ACTION_USERS_MANAGE,
  HMR_ACTION_OFFICES_MANAGE,
  HMR_ACTION_PROVIDERS_MANAGE,
  HMR_ACTION_REFERRAL_READ,
  HMR_ACTION_REFERRAL_WRITE,             /* create and update; transitions by hmr-workflow */
  HMR_ACTION_FOLLOW_UP_WRITE,
  HMR_ACTION_GRANT_READ,
  HMR_ACTION_GRANT_WRITE,                /* drafts; transitions by hmr-workflow */
  HMR_ACTION_DISBURSE,                   /* tranches and receipts */
  HMR_ACTION_HANDOVER_WRITE,
  HMR_ACTION_EXPORT_CASELOAD,            /* beneficiaries, referrals */
  HMR_ACTION_EXPORT_LEDGER,              /* the grant ledger */
  HMR_ACTION_EXPORT_HANDOVERS,           /* every handed-over item */
  HMR_ACTION_IMPORT,                     /* import lists of beneficiaries */
  HMR_ACTION_IMPORT_UNDO,                /* undo an import batch */
  HMR_ACTION_SYNC,                       /* send and receive bundles */
  HMR_ACTION_SYNC_ENROL,                 /* enrol office installations */
  HMR_ACTION_SYNC_CONFLICTS,             /* review and resolve conflicts */
  HMR_ACTION_BACKUP,                     /* encrypted backups of the whole database */
  HMR_ACTION_SESSION_READ,               /* group sessions and their attendance */
  HMR_ACTION_SESSION_WRITE,
  HMR_ACTION_SURVEY_READ,                /* rounds, call lists, responses */
  HMR_ACTION_SURVEY_MANAGE,              /* open rounds, draw samples */
  HMR_ACTION_SURVEY_RESPOND,             /* record a call on a call list */
  HMR_ACTION_REPORT_READ,                /* indicators and the donor workbook */
  HMR_ACTION_REPORT_GRANTS,              /* the grant figures of a report */
  HMR_N_ACTIONS
} HmrAction;

gboolean    hmr_permission_allows     (const HmrActor *actor,
                                       HmrAction       action,
                                       const char     *record_office_id);
gboolean    hmr_permission_is_office_scoped (HmrRole   role,
                                       HmrAction       action);
char       *hmr_permission_dup_refusal (HmrRole        role,
                                        HmrAction      action);

G_END_DECLS
