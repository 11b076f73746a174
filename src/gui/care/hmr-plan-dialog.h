/* hmr-plan-dialog.h — the needs assessment and the reintegration plan of a
 * case: written and submitted by the caseworker, approved or returned by
 * the supervisor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-follow-up.h"

G_BEGIN_DECLS

#define HMR_TYPE_PLAN_DIALOG (hmr_plan_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HmrPlanDialog, hmr_plan_dialog, HMR, PLAN_DIALOG, AdwWindow)

HmrPlanDialog *hmr_plan_dialog_new            (HmrStore       *store,
                                               const HmrActor *actor,
                                               const char     *beneficiary_id,
                                               GError        **error);
HmrPlan       *hmr_plan_dialog_get_plan       (HmrPlanDialog  *self);
void           hmr_plan_dialog_set_objectives (HmrPlanDialog  *self,
                                               const char     *text);
void           hmr_plan_dialog_add_service    (HmrPlanDialog  *self,
                                               HmrNeed         need,
                                               const char     *service,
                                               const char     *target_date,
                                               const char     *responsible);

HmrPlanDialog *hmr_plan_dialog_open           (GtkWidget      *parent,
                                               HmrStore       *store,
                                               const HmrActor *actor,
                                               const char     *beneficiary_id);

G_END_DECLS
