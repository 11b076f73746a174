/* hmr-user-dialog.h — an administrator creates an account, or changes its
 * name, role and office and resets its password
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-store.h"

G_BEGIN_DECLS

#define HMR_TYPE_USER_DIALOG (hmr_user_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HmrUserDialog, hmr_user_dialog, HMR, USER_DIALOG, AdwWindow)

HmrUserDialog *hmr_user_dialog_new          (HmrStore          *store,
                                             const HmrActor    *actor,
                                             const HmrUserInfo *user);
gboolean       hmr_user_dialog_get_busy     (HmrUserDialog     *self);

/* For tests */
GtkEditable   *hmr_user_dialog_get_entry    (HmrUserDialog     *self,
                                             const char        *name);
AdwComboRow   *hmr_user_dialog_get_role_row (HmrUserDialog     *self);
AdwComboRow   *hmr_user_dialog_get_office_row (HmrUserDialog   *self);
GtkLabel      *hmr_user_dialog_get_error_label (HmrUserDialog  *self);

G_END_DECLS
