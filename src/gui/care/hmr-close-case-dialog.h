/* hmr-close-case-dialog.h — asking to close a case, deciding on it,
 * reopening a closed one: each with its reason, each in the history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-follow-up.h"

G_BEGIN_DECLS

#define HMR_TYPE_CLOSE_CASE_DIALOG (hmr_close_case_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HmrCloseCaseDialog, hmr_close_case_dialog, HMR, CLOSE_CASE_DIALOG, AdwMessageDialog)

HmrCloseCaseDialog *hmr_close_case_dialog_new       (HmrStore           *store,
                                                     const HmrActor     *actor,
                                                     const char         *beneficiary_id,
                                                     GError            **error);
void                hmr_close_case_dialog_set_reason (HmrCloseCaseDialog *self,
                                                     const char         *reason);

HmrCloseCaseDialog *hmr_close_case_dialog_open      (GtkWidget          *parent,
                                                     HmrStore           *store,
                                                     const HmrActor     *actor,
                                                     const char         *beneficiary_id);

G_END_DECLS
