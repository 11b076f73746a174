/* hmr-labels.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-labels.h"

typedef struct
{
  HmrCodes    codes;
  const char *code;
  const char *context;
  const char *label;
} Label;

static const Label labels[] = {
  { HMR_CODES_SERVICE_TYPE, "legal_aid", "service", N_("Legal aid on the re-entry ban") },
  { HMR_CODES_SERVICE_TYPE, "employment", "service", N_("Employment") },
  { HMR_CODES_SERVICE_TYPE, "vocational_training", "service", N_("Vocational training") },
  { HMR_CODES_SERVICE_TYPE, "business_loan", "service", N_("Business loan") },
  { HMR_CODES_SERVICE_TYPE, "health", "service", N_("Health") },
  { HMR_CODES_SERVICE_TYPE, "migration_service", "service", N_("Migration service") },
  { HMR_CODES_SERVICE_TYPE, "psychosocial", "service", N_("Psychosocial support") },

  { HMR_CODES_REFERRAL_STATUS, "draft", "referral", N_("Draft") },
  { HMR_CODES_REFERRAL_STATUS, "sent", "referral", N_("Sent") },
  { HMR_CODES_REFERRAL_STATUS, "accepted", "referral", N_("Accepted") },
  { HMR_CODES_REFERRAL_STATUS, "rejected", "referral", N_("Rejected") },
  { HMR_CODES_REFERRAL_STATUS, "no_response", "referral", N_("No response") },
  { HMR_CODES_REFERRAL_STATUS, "completed", "referral", N_("Completed") },
  { HMR_CODES_REFERRAL_STATUS, "revoked", "referral", N_("Revoked") },

  { HMR_CODES_FOLLOW_UP_KIND, "psychosocial_session", "follow-up", N_("Psychosocial session") },
  { HMR_CODES_FOLLOW_UP_KIND, "phone", "follow-up", N_("Phone call") },
  { HMR_CODES_FOLLOW_UP_KIND, "home_visit", "follow-up", N_("Home visit") },
  { HMR_CODES_FOLLOW_UP_KIND, "office", "follow-up", N_("Office visit") },

  { HMR_CODES_FOLLOW_UP_STATUS, "planned", "follow-up", N_("Planned") },
  { HMR_CODES_FOLLOW_UP_STATUS, "done", "follow-up", N_("Done") },
  { HMR_CODES_FOLLOW_UP_STATUS, "missed", "follow-up", N_("Missed") },
  { HMR_CODES_FOLLOW_UP_STATUS, "cancelled", "follow-up", N_("Cancelled") },

  { HMR_CODES_GRANT_STATUS, "draft", "grant", N_("Draft") },
  { HMR_CODES_GRANT_STATUS, "submitted", "grant", N_("Submitted") },
  { HMR_CODES_GRANT_STATUS, "approved", "grant", N_("Approved") },
  { HMR_CODES_GRANT_STATUS, "rejected", "grant", N_("Rejected") },
  { HMR_CODES_GRANT_STATUS, "disbursing", "grant", N_("Being disbursed") },
  { HMR_CODES_GRANT_STATUS, "disbursed", "grant", N_("Disbursed") },
  { HMR_CODES_GRANT_STATUS, "verified", "grant", N_("Verified") },
  { HMR_CODES_GRANT_STATUS, "cancelled", "grant", N_("Cancelled") },

  { HMR_CODES_HANDOVER_STATUS, "draft", "handover", N_("Draft") },
  { HMR_CODES_HANDOVER_STATUS, "signed", "handover", N_("Signed") },

  { HMR_CODES_DURATION_GROUP, "under_12_months", "abroad", N_("Under 12 months") },
  { HMR_CODES_DURATION_GROUP, "1_to_3_years", "abroad", N_("1 to 3 years") },
  { HMR_CODES_DURATION_GROUP, "3_years_or_more", "abroad", N_("3 years or more") },
  { HMR_CODES_DURATION_GROUP, "seasonal", "abroad", N_("Seasonal") },

  { HMR_CODES_RETURN_TYPE, "voluntary", "return", N_("Voluntary") },
  { HMR_CODES_RETURN_TYPE, "deported", "return", N_("Deported") },
  { HMR_CODES_RETURN_TYPE, "expelled", "return", N_("Expelled") },

  { HMR_CODES_BAN_IMPOSED_BY, "administrative", "ban", N_("Administrative decision") },
  { HMR_CODES_BAN_IMPOSED_BY, "court", "ban", N_("Court decision") },

  { HMR_CODES_APPEAL_STATUS, "none", "appeal", N_("No appeal") },
  { HMR_CODES_APPEAL_STATUS, "filed", "appeal", N_("Appeal filed") },
  { HMR_CODES_APPEAL_STATUS, "lifted", "appeal", N_("Ban lifted") },
  { HMR_CODES_APPEAL_STATUS, "upheld", "appeal", N_("Ban upheld") },
  { HMR_CODES_APPEAL_STATUS, "amnesty", "appeal", N_("Amnesty") },

  { HMR_CODES_TRAFFICKING_STATUS, "possible", "trafficking", N_("Possible victim") },
  { HMR_CODES_TRAFFICKING_STATUS, "actual", "trafficking", N_("Recognised victim") },
  { HMR_CODES_TRAFFICKING_STATUS, "not_victim", "trafficking", N_("Not a victim") },

  { HMR_CODES_EXPLOITATION, "forced_labour", "exploitation", N_("Forced labour") },
  { HMR_CODES_EXPLOITATION, "sexual_exploitation", "exploitation", N_("Sexual exploitation") },
  { HMR_CODES_EXPLOITATION, "forced_begging", "exploitation", N_("Forced begging") },
  { HMR_CODES_EXPLOITATION, "domestic_servitude", "exploitation", N_("Domestic servitude") },
  { HMR_CODES_EXPLOITATION, "other", "exploitation", N_("Other") },

  { HMR_CODES_CASE_STATUS, "open", "case", N_("Open") },
  { HMR_CODES_CASE_STATUS, "closed", "case", N_("Closed") },
  { HMR_CODES_CASE_STATUS, "transferred", "case", N_("Transferred") },
  { HMR_CODES_CASE_STATUS, "duplicate", "case", N_("Duplicate") },

  { HMR_CODES_HAS_BAN, "yes", "ban", N_("Has a re-entry ban") },
  { HMR_CODES_HAS_BAN, "no", "ban", N_("No re-entry ban") },
  { HMR_CODES_HAS_BAN, "unknown", "ban", N_("Not known") },

  { HMR_CODES_DISTRESS, "none", "distress", N_("No distress") },
  { HMR_CODES_DISTRESS, "some", "distress", N_("Some distress") },
  { HMR_CODES_DISTRESS, "great", "distress", N_("Great stress") },
};

/**
 * hmr_code_get_label:
 *
 * Returns: the translated label of @code, or @code itself when unknown
 */
const char *
hmr_code_get_label (HmrCodes    codes,
                    const char *code)
{
  if (code == NULL)
    return "";
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (labels[i].codes == codes && g_strcmp0 (labels[i].code, code) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, labels[i].context, labels[i].label);
  return code;
}

/**
 * hmr_format_money:
 * @dirams: the amount in dirams (1 TJS = 100 dirams)
 *
 * Returns: (transfer full): the amount in the user's locale, e.g.
 *   "5,874.00 TJS" or "5 874,00 TJS"
 */
char *
hmr_format_money (gint64      dirams,
                  const char *currency)
{
  gboolean negative = dirams < 0;
  guint64 abs_value = negative ? -(guint64) dirams : (guint64) dirams;
  g_autofree char *whole = g_strdup_printf ("%'" G_GUINT64_FORMAT, abs_value / 100);
  char point = '.';
  {
    /* the locale's decimal separator */
    char buf[8];
    g_snprintf (buf, sizeof buf, "%.1f", 0.5);
    point = buf[1];
  }
  return g_strdup_printf ("%s%s%c%02u %s", negative ? "−" : "", whole, point,
                          (guint) (abs_value % 100), currency ? currency : "TJS");
}
