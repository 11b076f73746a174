/* hmr-cli-referral-filters.c — the board's filters on the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-cli-referral-filters.h"

HmrReferralQuery hmr_cli_referral_filters;

GOptionEntry hmr_cli_referral_filter_options[] = {
  { "district", 0, 0, G_OPTION_ARG_STRING, &hmr_cli_referral_filters.district,
    N_("the beneficiary's district"), "NAME" },
  { "service", 0, 0, G_OPTION_ARG_STRING, &hmr_cli_referral_filters.service_type,
    N_("one type of service"), "TYPE" },
  { "status", 0, 0, G_OPTION_ARG_STRING, &hmr_cli_referral_filters.status,
    N_("one status"), "STATUS" },
  { "provider", 0, 0, G_OPTION_ARG_STRING, &hmr_cli_referral_filters.provider_id,
    N_("one service provider"), "ID" },
  { "caseworker", 0, 0, G_OPTION_ARG_STRING, &hmr_cli_referral_filters.caseworker_id,
    N_("one caseworker's cases"), "USER-ID" },
  { "open", 0, 0, G_OPTION_ARG_NONE, &hmr_cli_referral_filters.open_only,
    N_("only sent or accepted referrals"), NULL },
  { "overdue", 0, 0, G_OPTION_ARG_NONE, &hmr_cli_referral_filters.overdue_only,
    N_("only overdue referrals"), NULL },
  { NULL }
};
