/* hmr-cli-referral.h — shared by the referral commands of hamroh-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-referral.h"

G_BEGIN_DECLS

gboolean hmr_cli_referral_query (int               argc,
                                 char            **argv,
                                 HmrReferralQuery *query);

G_END_DECLS
