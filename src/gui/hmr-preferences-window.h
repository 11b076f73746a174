/* hmr-preferences-window.h — the database location, the idle lock and the
 * organisation as printed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-application.h"
#include "hmr-context.h"

G_BEGIN_DECLS

#define HMR_TYPE_PREFERENCES_WINDOW (hmr_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (HmrPreferencesWindow, hmr_preferences_window, HMR, PREFERENCES_WINDOW, AdwPreferencesWindow)

HmrPreferencesWindow *hmr_preferences_window_new (HmrApplication *app,
                                                  gboolean        may_choose_database);
void                  hmr_preferences_window_add_organisation (HmrPreferencesWindow *self,
                                                               HmrContext           *context);

G_END_DECLS
