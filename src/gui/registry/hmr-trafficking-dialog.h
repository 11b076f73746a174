/* hmr-trafficking-dialog.h — recording and changing a trafficking profile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-intake.h"

G_BEGIN_DECLS

#define HMR_TYPE_TRAFFICKING_DIALOG (hmr_trafficking_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HmrTraffickingDialog, hmr_trafficking_dialog, HMR, TRAFFICKING_DIALOG, AdwWindow)

HmrTraffickingDialog *hmr_trafficking_dialog_new       (HmrStore       *store,
                                                        const HmrActor *actor,
                                                        const char     *beneficiary_id,
                                                        GError        **error);
GtkWidget            *hmr_trafficking_dialog_get_row   (HmrTraffickingDialog *self,
                                                        const char           *name);
const char           *hmr_trafficking_dialog_get_error (HmrTraffickingDialog *self);

G_END_DECLS
