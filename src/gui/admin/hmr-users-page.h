/* hmr-users-page.h — the administrator's list of accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-area-page.h"
#include "hmr-area-page.h"

G_BEGIN_DECLS

#define HMR_TYPE_USERS_PAGE (hmr_users_page_get_type ())
G_DECLARE_FINAL_TYPE (HmrUsersPage, hmr_users_page, HMR, USERS_PAGE, HmrAreaPage)

HmrUsersPage *hmr_users_page_new          (HmrStore       *store,
                                           const HmrActor *actor);
void          hmr_users_page_reload       (HmrUsersPage   *self);

/* For tests: the row of an account, by user name */
AdwActionRow *hmr_users_page_get_row      (HmrUsersPage   *self,
                                           const char     *username);

/* The row of the main window's areas table */
gboolean      hmr_users_page_allowed      (const HmrActor *actor);
GtkWidget    *hmr_users_page_create_area  (HmrContext     *context);

G_END_DECLS
