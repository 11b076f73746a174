/* hmr-duplicates-dialog.h — "this person may be registered already"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-store.h"

G_BEGIN_DECLS

#define HMR_TYPE_DUPLICATES_DIALOG (hmr_duplicates_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HmrDuplicatesDialog, hmr_duplicates_dialog, HMR, DUPLICATES_DIALOG, AdwMessageDialog)

HmrDuplicatesDialog *hmr_duplicates_dialog_new          (GtkWindow           *parent,
                                                         HmrBeneficiary      *candidate,
                                                         GPtrArray           *duplicates);
GPtrArray           *hmr_duplicates_dialog_get_duplicates (HmrDuplicatesDialog *self);
HmrBeneficiary      *hmr_duplicates_dialog_get_selected (HmrDuplicatesDialog *self);
void                 hmr_duplicates_dialog_select       (HmrDuplicatesDialog *self,
                                                         guint                position);

G_END_DECLS
