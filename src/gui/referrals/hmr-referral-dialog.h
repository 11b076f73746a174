/* hmr-referral-dialog.h — one referral: create it, send it, record the
 * provider's answer, complete or revoke it, print the slip
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-referral.h"

G_BEGIN_DECLS

#define HMR_TYPE_REFERRAL_DIALOG (hmr_referral_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HmrReferralDialog, hmr_referral_dialog, HMR, REFERRAL_DIALOG, AdwWindow)

HmrReferralDialog *hmr_referral_dialog_new_for_beneficiary (HmrStore          *store,
                                                           const HmrActor    *actor,
                                                           const char        *beneficiary_id);
HmrReferralDialog *hmr_referral_dialog_new                (HmrStore          *store,
                                                           const HmrActor    *actor,
                                                           const char        *referral_id);
const char        *hmr_referral_dialog_get_referral_id    (HmrReferralDialog *self);
const char        *hmr_referral_dialog_get_status         (HmrReferralDialog *self);
const char        *hmr_referral_dialog_get_error          (HmrReferralDialog *self);
gboolean           hmr_referral_dialog_save_slip          (HmrReferralDialog *self,
                                                           const char        *language,
                                                           const char        *path);


G_END_DECLS
