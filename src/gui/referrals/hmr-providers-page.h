/* hmr-providers-page.h — the service-provider directory the administrator
 * keeps and caseworkers pick from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-area-page.h"
#include "hmr-provider-editor.h"
#include "hmr-area-page.h"

G_BEGIN_DECLS

#define HMR_TYPE_PROVIDERS_PAGE (hmr_providers_page_get_type ())
G_DECLARE_FINAL_TYPE (HmrProvidersPage, hmr_providers_page, HMR, PROVIDERS_PAGE, HmrAreaPage)

HmrProvidersPage *hmr_providers_page_new         (HmrStore         *store,
                                                  const HmrActor   *actor);
gboolean          hmr_providers_page_allowed     (const HmrActor   *actor);
GtkWidget        *hmr_providers_page_create_area (HmrContext     *context);
void              hmr_providers_page_reload      (HmrProvidersPage *self);

G_END_DECLS
