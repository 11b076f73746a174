/* hmr-follow-up-private.h — shared by hmr-store-case.c,
 * hmr-store-case-closure.c, hmr-store-plan.c, hmr-store-assessment.c,
 * hmr-store-follow-up.c, hmr-store-follow-up-outcome.c and
 * hmr-store-today.c, nobody else
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-follow-up.h"
#include "hmr-store-private.h"
#include "hmr-workflow.h"

#include "hmr-dates.h"
#include "hmr-text.h"

G_BEGIN_DECLS

/* The case row as the workflow needs it */
typedef struct
{
  char   *id;
  char   *office_id;
  char   *beneficiary_id;
  char   *owner_id;
  char   *status;
  char   *stage;
  gint64  version;
} HmrCaseRow;

void      hmr_case_row_clear              (HmrCaseRow     *row);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HmrCaseRow, hmr_case_row_clear)

gboolean  hmr_case_row_load               (HmrStore       *self,
                                           const char     *case_id,
                                           HmrCaseRow     *row,
                                           GError        **error);
gboolean  hmr_case_row_load_for_beneficiary (HmrStore     *self,
                                           const char     *beneficiary_id,
                                           HmrCaseRow     *row,
                                           GError        **error);
gboolean  hmr_case_row_require_open       (const HmrCaseRow *row,
                                           GError        **error);

/* Inside the caller's transaction: the workflow check, the new stage,
 * the case_history row and the audit row */
gboolean  hmr_store_move_case_locked      (HmrStore       *self,
                                           const HmrActor *actor,
                                           HmrCaseRow     *row,
                                           const char     *to,
                                           const char     *comment,
                                           GError        **error);

/* A row in case_history, plan_history or follow_up_history */
gboolean  hmr_fu_append_history           (HmrStore       *self,
                                           const char     *table,
                                           const char     *record_id,
                                           const HmrActor *actor,
                                           const char     *from,
                                           const char     *to,
                                           const char     *comment,
                                           GError        **error);

/* Inside the caller's transaction: cancels the planned follow-ups of a
 * case that is being closed */
gboolean  hmr_store_cancel_planned_follow_ups (HmrStore   *self,
                                           const HmrActor *actor,
                                           const HmrCaseRow *row,
                                           const char     *comment,
                                           GError        **error);

/* The follow-up, without a permission check, for the store's own use */
HmrFollowUp *hmr_fu_load_follow_up        (HmrStore       *self,
                                           const char     *id,
                                           GError        **error);

/* Inside the caller's transaction: a planned follow-up of the case in
 * @row, with its history and audit rows.  Returns its id */
char     *hmr_fu_insert_planned           (HmrStore       *self,
                                           const HmrActor *actor,
                                           const HmrCaseRow *row,
                                           const char     *kind,
                                           const char     *due_on,
                                           const char     *assigned_to,
                                           GError        **error);

/* @kind is one of the kinds of follow-up; else an error naming @field */
gboolean  hmr_fu_check_kind               (const char     *field,
                                           const char     *kind,
                                           GError        **error);

/* Those who approve plans also review flagged wellbeing scores */
gboolean  hmr_actor_reviews_wellbeing     (const HmrActor *actor,
                                           const char     *office_id);

/* Helpers */
gboolean  hmr_fu_step_done                (HmrStore       *self,
                                           sqlite3_stmt   *stmt,
                                           GError        **error);
char     *hmr_fu_dup_today                (HmrStore       *self);

G_END_DECLS
