/* hmr-referrals-page.h — the referral board: every referral the user may
 * see, overdue first, with filters, counts per status and an Excel export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-area-page.h"
#include "hmr-referral-board.h"
#include "hmr-area-page.h"

G_BEGIN_DECLS

typedef enum
{
  HMR_REFERRALS_FILTER_DISTRICT,
  HMR_REFERRALS_FILTER_SERVICE,
  HMR_REFERRALS_FILTER_PROVIDER,
  HMR_REFERRALS_FILTER_CASEWORKER,
  HMR_REFERRALS_FILTER_STATUS,
  HMR_REFERRALS_FILTER_AGE,
  HMR_REFERRALS_N_FILTERS
} HmrReferralsFilter;

#define HMR_TYPE_REFERRALS_PAGE (hmr_referrals_page_get_type ())
G_DECLARE_FINAL_TYPE (HmrReferralsPage, hmr_referrals_page, HMR, REFERRALS_PAGE, HmrAreaPage)

HmrReferralsPage *hmr_referrals_page_new            (HmrStore           *store,
                                                     const HmrActor     *actor);
gboolean          hmr_referrals_page_allowed        (const HmrActor     *actor);
GtkWidget        *hmr_referrals_page_create_area    (HmrContext     *context);
void              hmr_referrals_page_reload         (HmrReferralsPage   *self);
HmrReferralBoard *hmr_referrals_page_get_model      (HmrReferralsPage   *self);
GtkDropDown      *hmr_referrals_page_get_filter     (HmrReferralsPage   *self,
                                                     HmrReferralsFilter  filter);
const char       *hmr_referrals_page_get_count_text (HmrReferralsPage   *self);
const char       *hmr_referrals_page_get_state      (HmrReferralsPage   *self);
GtkColumnView    *hmr_referrals_page_get_column_view (HmrReferralsPage  *self);
void              hmr_referrals_page_export_to      (HmrReferralsPage   *self,
                                                     GFile              *file);
gboolean          hmr_referrals_page_get_exporting  (HmrReferralsPage   *self);

G_END_DECLS
