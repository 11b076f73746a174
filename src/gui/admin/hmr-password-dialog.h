/* hmr-password-dialog.h — choosing a new password, when the administrator
 * set the current one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-store.h"

G_BEGIN_DECLS

#define HMR_TYPE_PASSWORD_DIALOG (hmr_password_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HmrPasswordDialog, hmr_password_dialog, HMR, PASSWORD_DIALOG, AdwWindow)

HmrPasswordDialog *hmr_password_dialog_new       (HmrStore          *store,
                                                  const HmrActor    *actor);
const HmrActor    *hmr_password_dialog_get_actor (HmrPasswordDialog *self);
gboolean           hmr_password_dialog_get_busy  (HmrPasswordDialog *self);

/* For tests: "old", "new" or "repeat" */
GtkEditable       *hmr_password_dialog_get_entry (HmrPasswordDialog *self,
                                                  const char        *name);
GtkLabel          *hmr_password_dialog_get_error_label (HmrPasswordDialog *self);

G_END_DECLS
