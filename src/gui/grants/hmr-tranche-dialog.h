/* hmr-tranche-dialog.h — finance records a tranche of an approved grant
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-grant.h"

G_BEGIN_DECLS

#define HMR_TYPE_TRANCHE_DIALOG (hmr_tranche_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HmrTrancheDialog, hmr_tranche_dialog, HMR, TRANCHE_DIALOG, AdwWindow)

HmrTrancheDialog *hmr_tranche_dialog_new              (GtkWindow        *parent,
                                                       HmrStore         *store,
                                                       const HmrActor   *actor,
                                                       const char       *grant_id,
                                                       GError          **error);
GtkWidget        *hmr_tranche_dialog_get_amount_row   (HmrTrancheDialog *self);
GtkWidget        *hmr_tranche_dialog_get_amount_error (HmrTrancheDialog *self);
GtkWidget        *hmr_tranche_dialog_get_method_row   (HmrTrancheDialog *self);
GtkWidget        *hmr_tranche_dialog_get_reference_row (HmrTrancheDialog *self);

G_END_DECLS
