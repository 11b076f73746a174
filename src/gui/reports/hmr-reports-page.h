/* hmr-reports-page.h — the Reports area: the indicators of a period by
 * district, sex and age group, with charts, the people behind each
 * figure, and the donor workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-area-page.h"
#include "hmr-report.h"

G_BEGIN_DECLS

#define HMR_TYPE_REPORTS_PAGE (hmr_reports_page_get_type ())
G_DECLARE_FINAL_TYPE (HmrReportsPage, hmr_reports_page, HMR, REPORTS_PAGE, HmrAreaPage)

gboolean         hmr_reports_page_allowed          (const HmrActor  *actor);
GtkWidget       *hmr_reports_page_create_area      (HmrContext      *context);

void             hmr_reports_page_set_period       (HmrReportsPage  *self,
                                                    const char      *from,
                                                    const char      *to,
                                                    const char      *district);
void             hmr_reports_page_compute          (HmrReportsPage  *self);
gboolean         hmr_reports_page_get_computing    (HmrReportsPage  *self);
const HmrReport *hmr_reports_page_get_report       (HmrReportsPage  *self);
const char      *hmr_reports_page_get_error        (HmrReportsPage  *self);
const char      *hmr_reports_page_get_figure_text  (HmrReportsPage  *self,
                                                    HmrReportFigure  figure);
GtkWindow       *hmr_reports_page_open_people      (HmrReportsPage  *self,
                                                    HmrReportFigure  figure,
                                                    const char      *district,
                                                    const char      *sex);
void             hmr_reports_page_export_to        (HmrReportsPage  *self,
                                                    GFile           *file);
gboolean         hmr_reports_page_get_exporting    (HmrReportsPage  *self);

G_END_DECLS
