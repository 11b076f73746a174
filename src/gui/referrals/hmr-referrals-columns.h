/* hmr-referrals-columns.h — the referral board's columns and their cells
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  HMR_REFERRALS_COLUMN_CASE,
  HMR_REFERRALS_COLUMN_SERVICE,
  HMR_REFERRALS_COLUMN_PROVIDER,
  HMR_REFERRALS_COLUMN_DISTRICT,
  HMR_REFERRALS_COLUMN_CASEWORKER,
  HMR_REFERRALS_COLUMN_STATUS,
  HMR_REFERRALS_COLUMN_DUE,
  HMR_REFERRALS_COLUMN_OPEN,
  HMR_REFERRALS_N_COLUMNS
} HmrReferralsColumn;

void hmr_referrals_columns_setup (GtkColumnViewColumn **columns);

G_END_DECLS
