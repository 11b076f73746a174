/* hmr-organisation-page.h — the organisation as printed, in Preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-context.h"

G_BEGIN_DECLS

#define HMR_TYPE_ORGANISATION_PAGE (hmr_organisation_page_get_type ())
G_DECLARE_FINAL_TYPE (HmrOrganisationPage, hmr_organisation_page, HMR, ORGANISATION_PAGE, AdwPreferencesPage)

HmrOrganisationPage *hmr_organisation_page_new  (HmrContext          *context);
gboolean             hmr_organisation_page_save (HmrOrganisationPage *self,
                                                 GError             **error);

G_END_DECLS
