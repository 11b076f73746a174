/* hmr-beneficiary-detail.h — one beneficiary's case file, to read, edit
 * and archive
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-case-file-sections.h"
#include "hmr-store.h"

G_BEGIN_DECLS

#define HMR_TYPE_BENEFICIARY_DETAIL (hmr_beneficiary_detail_get_type ())
G_DECLARE_FINAL_TYPE (HmrBeneficiaryDetail, hmr_beneficiary_detail, HMR, BENEFICIARY_DETAIL, AdwBin)

HmrBeneficiaryDetail *hmr_beneficiary_detail_new             (HmrStore             *store,
                                                              const HmrActor       *actor);
HmrBeneficiary       *hmr_beneficiary_detail_get_beneficiary (HmrBeneficiaryDetail *self);
void                  hmr_beneficiary_detail_set_beneficiary (HmrBeneficiaryDetail *self,
                                                              HmrBeneficiary       *beneficiary);
gboolean              hmr_beneficiary_detail_refresh         (HmrBeneficiaryDetail *self);

/* For tests: the row showing @field */
AdwActionRow         *hmr_beneficiary_detail_get_field_row   (HmrBeneficiaryDetail *self,
                                                              HmrBeneficiaryField   field);
HmrCaseFileSections  *hmr_beneficiary_detail_get_sections    (HmrBeneficiaryDetail *self);
GtkWidget            *hmr_beneficiary_detail_get_quick_action (HmrBeneficiaryDetail *self,
                                                              const char           *action_name);

G_END_DECLS
