/* hmr-sessions-page.h — the Sessions area: group sessions with filters by
 * district, month and module, and the counts of people they reached
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-area-page.h"

G_BEGIN_DECLS

#define HMR_TYPE_SESSIONS_PAGE (hmr_sessions_page_get_type ())
G_DECLARE_FINAL_TYPE (HmrSessionsPage, hmr_sessions_page, HMR, SESSIONS_PAGE, HmrAreaPage)

HmrSessionsPage *hmr_sessions_page_new         (HmrStore        *store,
                                                const HmrActor  *actor);
gboolean         hmr_sessions_page_allowed     (const HmrActor  *actor);
GtkWidget       *hmr_sessions_page_create_area (HmrContext      *context);
void             hmr_sessions_page_reload      (HmrSessionsPage *self);
void             hmr_sessions_page_set_filter  (HmrSessionsPage *self,
                                                const char      *district,
                                                const char      *month,
                                                const char      *module);
const char      *hmr_sessions_page_get_counts  (HmrSessionsPage *self);

G_END_DECLS
