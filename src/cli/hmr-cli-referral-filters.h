/* hmr-cli-referral-filters.h — the board's filters, shared by
 * `referral board` and `export referrals`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-referral.h"

G_BEGIN_DECLS

/* --district D, --service TYPE, --status S, --provider ID, --caseworker ID,
 * --open, --overdue; they fill hmr_cli_referral_filters */
extern GOptionEntry     hmr_cli_referral_filter_options[];
extern HmrReferralQuery hmr_cli_referral_filters;

G_END_DECLS
