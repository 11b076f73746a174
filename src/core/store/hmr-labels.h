/* hmr-labels.h — the translated label of every coded value
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hmr-money.h"

G_BEGIN_DECLS

typedef enum
{
  HMR_CODES_SERVICE_TYPE,
  HMR_CODES_REFERRAL_STATUS,
  HMR_CODES_FOLLOW_UP_KIND,
  HMR_CODES_FOLLOW_UP_STATUS,
  HMR_CODES_GRANT_STATUS,
  HMR_CODES_HANDOVER_STATUS,
  HMR_CODES_DURATION_GROUP,
  HMR_CODES_RETURN_TYPE,
  HMR_CODES_BAN_IMPOSED_BY,
  HMR_CODES_APPEAL_STATUS,
  HMR_CODES_TRAFFICKING_STATUS,
  HMR_CODES_EXPLOITATION,
  HMR_CODES_CASE_STATUS,
  HMR_CODES_HAS_BAN,
  HMR_CODES_DISTRESS,
  HMR_CODES_COUNTRY,
  HMR_CODES_CITY,
  HMR_CODES_SECTOR,
  HMR_CODES_VULNERABILITY,
  HMR_N_CODES
} HmrCodes;

const char  *hmr_code_get_label (HmrCodes    codes,
                                 const char *code);
const char * const *hmr_code_list (HmrCodes  codes);
gboolean     hmr_code_is_known  (HmrCodes    codes,
                                 const char *code);
char        *hmr_code_from_text (HmrCodes    codes,
                                 const char *text);
char        *hmr_code_dup_labels (HmrCodes    codes,
                                 const char *list);
/* The currency of a record that has none (handovers), and of grants made
 * before a currency was chosen: the somoni */
char        *hmr_format_date    (const GDate *date);
char        *hmr_format_long_date (const GDate *date);
char        *hmr_format_date_in_words (const GDate *date);
char        *hmr_format_month   (const GDate *date);

G_END_DECLS
