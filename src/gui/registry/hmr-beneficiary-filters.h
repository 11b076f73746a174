/* hmr-beneficiary-filters.h — the filters of the beneficiaries list:
 * district and archived at hand, the others in a popover
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-store.h"

G_BEGIN_DECLS

typedef enum
{
  HMR_FILTER_DISTRICT,
  HMR_FILTER_CATEGORY,
  HMR_FILTER_STAGE,
  HMR_FILTER_STATUS,
  HMR_FILTER_CASEWORKER,
  HMR_FILTER_BAN,
  HMR_FILTER_RISK,
  HMR_N_FILTERS
} HmrFilter;

#define HMR_TYPE_BENEFICIARY_FILTERS (hmr_beneficiary_filters_get_type ())
G_DECLARE_FINAL_TYPE (HmrBeneficiaryFilters, hmr_beneficiary_filters, HMR, BENEFICIARY_FILTERS, GtkBox)

void         hmr_beneficiary_filters_fill_choices (HmrBeneficiaryFilters *self,
                                                   HmrStore              *store,
                                                   const HmrActor        *actor);
void         hmr_beneficiary_filters_apply        (HmrBeneficiaryFilters *self,
                                                   HmrBeneficiaryQuery   *query);
gboolean     hmr_beneficiary_filters_is_active    (HmrBeneficiaryFilters *self);
void         hmr_beneficiary_filters_reset        (HmrBeneficiaryFilters *self);

/* For tests */
GtkDropDown *hmr_beneficiary_filters_get_dropdown (HmrBeneficiaryFilters *self,
                                                   HmrFilter              filter);
gboolean     hmr_beneficiary_filters_select       (HmrBeneficiaryFilters *self,
                                                   HmrFilter              filter,
                                                   const char            *code);
GtkCheckButton *hmr_beneficiary_filters_get_archived_check (HmrBeneficiaryFilters *self);

G_END_DECLS
