/* hmr-report-people-dialog.h — the people behind a figure of a report
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-context.h"
#include "hmr-report.h"

G_BEGIN_DECLS

#define HMR_TYPE_REPORT_PEOPLE_DIALOG (hmr_report_people_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HmrReportPeopleDialog, hmr_report_people_dialog, HMR, REPORT_PEOPLE_DIALOG, AdwWindow)

HmrReportPeopleDialog *hmr_report_people_dialog_new         (HmrContext            *context,
                                                             const HmrReportQuery  *query,
                                                             HmrReportFigure        figure,
                                                             const char            *sex,
                                                             GtkWidget             *from);
gboolean               hmr_report_people_dialog_get_loading (HmrReportPeopleDialog *self);
guint                  hmr_report_people_dialog_get_n_people (HmrReportPeopleDialog *self);
const char            *hmr_report_people_dialog_get_error   (HmrReportPeopleDialog *self);

G_END_DECLS
