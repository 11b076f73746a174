/* hmr-reports-figures.h — a report laid out for the Reports area: groups
 * of figures, each figure that counts people opening them, and the
 * charts by district, age group and month
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-report.h"

G_BEGIN_DECLS

/* Open the people behind @figure (district and sex: NULL for all) */
typedef void (*HmrReportsOpenFunc) (gpointer         user_data,
                                    HmrReportFigure  figure,
                                    const char      *district,
                                    const char      *sex);

void hmr_reports_figures_build (GtkBox             *box,
                                const HmrReport    *report,
                                GtkLabel          **value_labels,   /* [HMR_REPORT_N_FIGURES], filled */
                                HmrReportsOpenFunc  open,
                                gpointer            user_data);

G_END_DECLS
