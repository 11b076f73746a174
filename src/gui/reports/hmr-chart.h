/* hmr-chart.h — bars and lines drawn with cairo: figures by district, by
 * age group, month by month, with their numbers beside them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  HMR_CHART_BARS,      /* a row of bars a category, one bar a series, the number beside */
  HMR_CHART_LINE,      /* a line a series over the categories (months), the numbers above */
} HmrChartKind;

#define HMR_TYPE_CHART (hmr_chart_get_type ())
G_DECLARE_FINAL_TYPE (HmrChart, hmr_chart, HMR, CHART, GtkDrawingArea)

HmrChart   *hmr_chart_new               (HmrChartKind        kind,
                                         const char         *title);
void        hmr_chart_set_data          (HmrChart           *self,
                                         const char * const *series,
                                         const char * const *categories,
                                         const guint        *values);
guint       hmr_chart_get_value         (HmrChart           *self,
                                         guint               category,
                                         guint               series);
const char *hmr_chart_get_description   (HmrChart           *self);
gboolean    hmr_chart_get_labels_fit    (HmrChart           *self);
void        hmr_chart_set_activatable   (HmrChart           *self,
                                         gboolean            activatable);

G_END_DECLS
