/* hmr-surveys-page.h — the Surveys area: rounds with their sample and
 * response rate; a supervisor opens rounds and draws samples, a
 * caseworker works through their call list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-area-page.h"

G_BEGIN_DECLS

#define HMR_TYPE_SURVEYS_PAGE (hmr_surveys_page_get_type ())
G_DECLARE_FINAL_TYPE (HmrSurveysPage, hmr_surveys_page, HMR, SURVEYS_PAGE, HmrAreaPage)

HmrSurveysPage *hmr_surveys_page_new          (HmrStore       *store,
                                               const HmrActor *actor);
gboolean        hmr_surveys_page_allowed      (const HmrActor *actor);
GtkWidget      *hmr_surveys_page_create_area  (HmrContext     *context);
void            hmr_surveys_page_reload       (HmrSurveysPage *self);
void            hmr_surveys_page_show_calls   (HmrSurveysPage *self,
                                               const char     *round_id);
guint           hmr_surveys_page_get_n_calls  (HmrSurveysPage *self);

G_END_DECLS
