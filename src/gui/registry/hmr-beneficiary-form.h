/* hmr-beneficiary-form.h — registering a beneficiary, or changing a case
 * file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-store.h"

G_BEGIN_DECLS

#define HMR_TYPE_BENEFICIARY_FORM (hmr_beneficiary_form_get_type ())
G_DECLARE_FINAL_TYPE (HmrBeneficiaryForm, hmr_beneficiary_form, HMR, BENEFICIARY_FORM, AdwWindow)

HmrBeneficiaryForm *hmr_beneficiary_form_new                   (HmrStore            *store,
                                                                const HmrActor      *actor,
                                                                HmrBeneficiary      *beneficiary);
HmrBeneficiary     *hmr_beneficiary_form_get_beneficiary       (HmrBeneficiaryForm  *self);
gboolean            hmr_beneficiary_form_has_changes           (HmrBeneficiaryForm  *self);
HmrBeneficiary     *hmr_beneficiary_form_dup_record            (HmrBeneficiaryForm  *self);

/* The widgets of one field, for tests and for focus */
GtkWidget          *hmr_beneficiary_form_get_field_row         (HmrBeneficiaryForm  *self,
                                                                HmrBeneficiaryField  field);
GtkSwitch          *hmr_beneficiary_form_get_consent_record_switch (HmrBeneficiaryForm *self);
GtkLabel           *hmr_beneficiary_form_get_field_error_label (HmrBeneficiaryForm  *self,
                                                                HmrBeneficiaryField  field);

G_END_DECLS
