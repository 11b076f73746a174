/* hmr-grant-dialog.h — a reintegration grant: the draft, the decision,
 * the money paid and its history, with the steps the user's role may take
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-grant.h"

G_BEGIN_DECLS

#define HMR_TYPE_GRANT_DIALOG (hmr_grant_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HmrGrantDialog, hmr_grant_dialog, HMR, GRANT_DIALOG, AdwWindow)

HmrGrantDialog *hmr_grant_dialog_new_draft     (GtkWindow       *parent,
                                                HmrStore        *store,
                                                const HmrActor  *actor,
                                                const char      *beneficiary_id,
                                                GError         **error);
HmrGrantDialog *hmr_grant_dialog_new_for_grant (GtkWindow       *parent,
                                                HmrStore        *store,
                                                const HmrActor  *actor,
                                                const char      *grant_id,
                                                GError         **error);
const HmrGrant *hmr_grant_dialog_get_grant     (HmrGrantDialog  *self);
GtkWidget      *hmr_grant_dialog_get_widget    (HmrGrantDialog  *self,
                                                const char      *name);


G_END_DECLS
