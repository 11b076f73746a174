/* hmr-beneficiaries-page.h — the list of beneficiaries, searchable, and the
 * case file of the one chosen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-area-page.h"

#include "hmr-beneficiary-detail.h"
#include "hmr-beneficiary-filters.h"
#include "hmr-beneficiary-list.h"
#include "hmr-store.h"

G_BEGIN_DECLS

#define HMR_TYPE_BENEFICIARIES_PAGE (hmr_beneficiaries_page_get_type ())
G_DECLARE_FINAL_TYPE (HmrBeneficiariesPage, hmr_beneficiaries_page, HMR, BENEFICIARIES_PAGE, HmrAreaPage)

HmrBeneficiariesPage *hmr_beneficiaries_page_new                (HmrStore             *store,
                                                                 const HmrActor       *actor);

void                  hmr_beneficiaries_page_reload             (HmrBeneficiariesPage *self);
gboolean              hmr_beneficiaries_page_get_showing_detail (HmrBeneficiariesPage *self);
void                  hmr_beneficiaries_page_show_list          (HmrBeneficiariesPage *self);
gboolean              hmr_beneficiaries_page_show_beneficiary   (HmrBeneficiariesPage *self,
                                                                 const char           *id);

/* For tests, and for whoever needs to look inside */
HmrBeneficiaryList   *hmr_beneficiaries_page_get_model          (HmrBeneficiariesPage *self);
const HmrBeneficiaryQuery *hmr_beneficiaries_page_get_query     (HmrBeneficiariesPage *self);
GtkSearchEntry       *hmr_beneficiaries_page_get_search_entry   (HmrBeneficiariesPage *self);
GtkColumnView        *hmr_beneficiaries_page_get_column_view    (HmrBeneficiariesPage *self);
HmrBeneficiaryDetail *hmr_beneficiaries_page_get_detail         (HmrBeneficiariesPage *self);
const char           *hmr_beneficiaries_page_get_state          (HmrBeneficiariesPage *self);
HmrBeneficiaryFilters *hmr_beneficiaries_page_get_filters       (HmrBeneficiariesPage *self);
gboolean              hmr_beneficiaries_page_is_searching       (HmrBeneficiariesPage *self);

G_END_DECLS
