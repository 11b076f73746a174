/* hmr-referral-slip.h — the one-page referral slip handed to the person
 *
 * An A4 PDF in Tajik, Russian or English with what the provider needs and
 * nothing else sensitive: no health, no trafficking status, no phone
 * unless the person consented to sharing.  Printing writes an audit row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-store.h"

G_BEGIN_DECLS

typedef struct
{
  char *referral_id;
  char *status;
  char *case_number;
  char *beneficiary_name;         /* Tajik Cyrillic */
  char *beneficiary_name_latin;   /* passport spelling; NULL when unknown */
  char *beneficiary_phone;        /* NULL unless the person consented */
  char *service_type;
  char *reason;
  char *provider_name;
  char *provider_address;
  char *provider_phone;
  char *provider_contact;
  char *office_id;
  char *office_name;
  char *caseworker_name;
  char *caseworker_name_cyrillic; /* NULL when the account has none */
  char *sent_on;
  char *due_on;
} HmrReferralSlip;

void             hmr_referral_slip_free       (HmrReferralSlip *slip);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrReferralSlip, hmr_referral_slip_free)

HmrReferralSlip *hmr_store_get_referral_slip  (HmrStore        *self,
                                               const HmrActor  *actor,
                                               const char      *referral_id,
                                               GError         **error);

const char * const *hmr_referral_slip_languages (void);

gboolean         hmr_referral_slip_write_pdf  (HmrStore        *store,
                                               const HmrActor  *actor,
                                               const char      *referral_id,
                                               const char      *language,
                                               const char      *path,
                                               GError         **error);

G_END_DECLS
