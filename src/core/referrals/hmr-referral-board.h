/* hmr-referral-board.h — the supervisors' referral board as a lazy
 * GListModel of HmrReferralRow, overdue first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hmr-lazy-list.h"
#include "hmr-referral.h"

G_BEGIN_DECLS

#define HMR_TYPE_REFERRAL_BOARD (hmr_referral_board_get_type ())
G_DECLARE_FINAL_TYPE (HmrReferralBoard, hmr_referral_board, HMR, REFERRAL_BOARD, HmrLazyList)

HmrReferralBoard *hmr_referral_board_new        (HmrStore               *store,
                                                 const HmrActor         *actor);
gboolean          hmr_referral_board_set_query  (HmrReferralBoard       *self,
                                                 const HmrReferralQuery *query,
                                                 GError                **error);
const HmrReferralQuery *hmr_referral_board_get_query (HmrReferralBoard  *self);
gboolean          hmr_referral_board_reload     (HmrReferralBoard       *self,
                                                 GError                **error);
const HmrReferralCounts *hmr_referral_board_get_counts (HmrReferralBoard *self);

G_END_DECLS
