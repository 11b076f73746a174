/* hmr-login-window.h — who is using Hamroh: log in, create the first
 * administrator of a new database, or join an organisation as an office
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-application.h"
#include "hmr-store.h"

G_BEGIN_DECLS

#define HMR_TYPE_LOGIN_WINDOW (hmr_login_window_get_type ())
G_DECLARE_FINAL_TYPE (HmrLoginWindow, hmr_login_window, HMR, LOGIN_WINDOW, AdwApplicationWindow)

HmrLoginWindow *hmr_login_window_new         (HmrApplication *app,
                                              HmrStore       *store);
HmrStore       *hmr_login_window_get_store   (HmrLoginWindow *self);
gboolean        hmr_login_window_get_busy    (HmrLoginWindow *self);
gboolean        hmr_login_window_get_setting_up (HmrLoginWindow *self);
gboolean        hmr_login_window_join_office (HmrLoginWindow *self,
                                              const char     *path);
void            hmr_login_window_show_demo_users (HmrLoginWindow *self,
                                              GPtrArray      *users);
void            hmr_login_window_demo_failed (HmrLoginWindow *self,
                                              const char     *message);

G_END_DECLS
