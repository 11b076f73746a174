/* hmr-ban-dialog.h — recording and changing a person's re-entry ban
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-intake.h"

G_BEGIN_DECLS

#define HMR_TYPE_BAN_DIALOG (hmr_ban_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HmrBanDialog, hmr_ban_dialog, HMR, BAN_DIALOG, AdwWindow)

HmrBanDialog *hmr_ban_dialog_new  (HmrStore       *store,
                                   const HmrActor *actor,
                                   const char     *beneficiary_id,
                                   GError        **error);

/* For tests: the rows by their names in the template */
GtkWidget    *hmr_ban_dialog_get_row      (HmrBanDialog *self,
                                           const char   *name);
const char   *hmr_ban_dialog_get_error    (HmrBanDialog *self);

G_END_DECLS
