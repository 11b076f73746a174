/* hmr-case-moves.h — a supervisor's moves of a case: its stage through
 * the workflow of DESIGN §5, reassigning it to another caseworker of the
 * office, transferring it to another office
 *
 * Every move checks the role table and the workflow table
 * (hmr_workflow_may_move(): one answer for the store and the window), is
 * a row in the case's history (case_history for stages, case_assignment
 * for owners and offices) and an audit row, in one transaction.
 *
 * A transfer keeps the case number: the person's record, the case and
 * everything recorded for them (migration, ban, trafficking profile,
 * assessments, plans, referrals, follow-ups, grants, handovers, survey
 * answers) go to the new office, whose caseworkers then see it; the old
 * office's caseworkers no longer do.  The case stays open at its stage
 * under the new office: "transferred" is the move in its history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-follow-up.h"

G_BEGIN_DECLS

typedef struct
{
  char *id;
  char *code;
  char *name;
  char *district;
} HmrOfficeInfo;

void         hmr_office_info_free           (HmrOfficeInfo  *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrOfficeInfo, hmr_office_info_free)

/* One entry of the case's assignment history */
typedef struct
{
  char *kind;                     /* reassign, transfer */
  char *at;
  char *by_name;
  char *from_office;              /* district names */
  char *to_office;
  char *from_owner;               /* full names, NULL: nobody */
  char *to_owner;
  char *comment;
} HmrCaseAssignment;

void         hmr_case_assignment_free       (HmrCaseAssignment *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrCaseAssignment, hmr_case_assignment_free)

const char  *hmr_case_state                 (const char     *status,
                                             const char     *stage);
char       **hmr_case_dup_stage_moves       (const HmrActor *actor,
                                             const HmrCaseInfo *info);

GPtrArray   *hmr_store_list_offices         (HmrStore       *self,
                                             const HmrActor *actor,
                                             GError        **error);
GPtrArray   *hmr_store_list_caseworkers     (HmrStore       *self,
                                             const HmrActor *actor,
                                             const char     *office_id,
                                             GError        **error);
GPtrArray   *hmr_store_list_case_assignments (HmrStore      *self,
                                             const HmrActor *actor,
                                             const char     *case_id,
                                             GError        **error);

gboolean     hmr_store_move_case            (HmrStore       *self,
                                             const HmrActor *actor,
                                             const char     *case_id,
                                             const char     *to,
                                             const char     *comment,
                                             GError        **error);
gboolean     hmr_store_reassign_case        (HmrStore       *self,
                                             const HmrActor *actor,
                                             const char     *case_id,
                                             const char     *owner_id,
                                             const char     *comment,
                                             GError        **error);
gboolean     hmr_store_transfer_case        (HmrStore       *self,
                                             const HmrActor *actor,
                                             const char     *case_id,
                                             const char     *office_id,
                                             const char     *owner_id,
                                             const char     *reason,
                                             GError        **error);

G_END_DECLS
