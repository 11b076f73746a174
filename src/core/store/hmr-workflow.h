/* hmr-workflow.h — the state machines of DESIGN §5
 *
 * One function answers "may this user move this record from A to B"; the
 * store asks it before every transition and the UI asks it to show only
 * the buttons that will work.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-actor.h"

G_BEGIN_DECLS

typedef enum
{
  HMR_RECORD_CASE,
  HMR_RECORD_PLAN,
  HMR_RECORD_REFERRAL,
  HMR_RECORD_FOLLOW_UP,
  HMR_RECORD_GRANT,
  HMR_RECORD_HANDOVER,
  HMR_N_RECORDS
} HmrRecordKind;

#define HMR_WORKFLOW_ERROR (hmr_workflow_error_quark ())

typedef enum
{
  HMR_WORKFLOW_ERROR_NO_SUCH_TRANSITION,
  HMR_WORKFLOW_ERROR_ROLE,
  HMR_WORKFLOW_ERROR_OFFICE,
  HMR_WORKFLOW_ERROR_COMMENT_REQUIRED,
} HmrWorkflowError;

GQuark     hmr_workflow_error_quark     (void);

gboolean   hmr_workflow_may_move        (const HmrActor *actor,
                                         HmrRecordKind   kind,
                                         const char     *from,
                                         const char     *to,
                                         const char     *record_office_id,
                                         const char     *comment,
                                         GError        **error);
char     **hmr_workflow_next_states     (const HmrActor *actor,
                                         HmrRecordKind   kind,
                                         const char     *from,
                                         const char     *record_office_id);
gboolean   hmr_workflow_needs_comment   (HmrRecordKind   kind,
                                         const char     *from,
                                         const char     *to);
const char *hmr_workflow_initial_state  (HmrRecordKind   kind);

G_END_DECLS
