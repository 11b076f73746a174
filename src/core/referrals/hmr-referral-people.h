/* hmr-referral-people.h — who works on the referrals an actor may see,
 * for the board's caseworker filter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-store.h"

G_BEGIN_DECLS

typedef struct
{
  char *id;          /* user id */
  char *full_name;
} HmrReferralCaseworker;

void       hmr_referral_caseworker_free          (HmrReferralCaseworker *caseworker);

GPtrArray *hmr_store_list_referral_caseworkers   (HmrStore              *self,
                                                  const HmrActor        *actor,
                                                  GError               **error);

G_END_DECLS
