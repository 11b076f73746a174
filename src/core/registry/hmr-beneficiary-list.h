/* hmr-beneficiary-list.h — a lazy GListModel of beneficiaries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hmr-lazy-list.h"
#include "hmr-store.h"

G_BEGIN_DECLS

#define HMR_TYPE_BENEFICIARY_LIST (hmr_beneficiary_list_get_type ())
G_DECLARE_FINAL_TYPE (HmrBeneficiaryList, hmr_beneficiary_list, HMR, BENEFICIARY_LIST, HmrLazyList)

HmrBeneficiaryList *hmr_beneficiary_list_new        (HmrStore                  *store,
                                                     const HmrActor            *actor);
gboolean            hmr_beneficiary_list_set_query  (HmrBeneficiaryList        *self,
                                                     const HmrBeneficiaryQuery *query,
                                                     GError                   **error);
gboolean            hmr_beneficiary_list_reload     (HmrBeneficiaryList        *self,
                                                     GError                   **error);
gboolean            hmr_beneficiary_list_is_partial (HmrBeneficiaryList        *self);
guint               hmr_beneficiary_list_get_n_loaded_pages (HmrBeneficiaryList *self);
void                hmr_beneficiary_list_take_ids   (HmrBeneficiaryList        *self,
                                                     const HmrBeneficiaryQuery *query,
                                                     GArray                    *ids);
HmrStore           *hmr_beneficiary_list_get_store  (HmrBeneficiaryList        *self);
const HmrActor     *hmr_beneficiary_list_get_actor  (HmrBeneficiaryList        *self);
const HmrBeneficiaryQuery *hmr_beneficiary_list_get_query (HmrBeneficiaryList  *self);

G_END_DECLS
