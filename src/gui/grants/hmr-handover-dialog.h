/* hmr-handover-dialog.h — an equipment handover act: drafted, signed
 * (then read-only), corrected by a new linked act, printed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-handover.h"

G_BEGIN_DECLS

#define HMR_TYPE_HANDOVER_DIALOG (hmr_handover_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HmrHandoverDialog, hmr_handover_dialog, HMR, HANDOVER_DIALOG, AdwWindow)

HmrHandoverDialog *hmr_handover_dialog_new_draft    (GtkWindow         *parent,
                                                     HmrStore          *store,
                                                     const HmrActor    *actor,
                                                     const char        *beneficiary_id,
                                                     const char        *grant_id,
                                                     GError           **error);
HmrHandoverDialog *hmr_handover_dialog_new_for_handover (GtkWindow     *parent,
                                                     HmrStore          *store,
                                                     const HmrActor    *actor,
                                                     const char        *handover_id,
                                                     GError           **error);
const HmrHandover *hmr_handover_dialog_get_handover (HmrHandoverDialog *self);
gboolean           hmr_handover_dialog_get_read_only (HmrHandoverDialog *self);
GtkWidget         *hmr_handover_dialog_get_widget   (HmrHandoverDialog *self,
                                                     const char        *name);


G_END_DECLS
