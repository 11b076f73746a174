/* hmr-grants-page.h — grants and handovers for caseworkers and
 * supervisors: drafts, what waits for a decision, what is being paid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-area-page.h"
#include "hmr-area-page.h"

G_BEGIN_DECLS

#define HMR_TYPE_GRANTS_PAGE (hmr_grants_page_get_type ())
G_DECLARE_FINAL_TYPE (HmrGrantsPage, hmr_grants_page, HMR, GRANTS_PAGE, HmrAreaPage)

HmrGrantsPage *hmr_grants_page_new        (HmrStore       *store,
                                           const HmrActor *actor);
void           hmr_grants_page_reload     (HmrGrantsPage  *self);
GtkListBox    *hmr_grants_page_get_list   (HmrGrantsPage  *self,
                                           const char     *name);

/* The window's area table */
gboolean       hmr_grants_area_allowed    (const HmrActor *actor);
GtkWidget     *hmr_grants_area_create     (HmrContext     *context);

G_END_DECLS
