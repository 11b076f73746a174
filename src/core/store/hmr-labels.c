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
  { HMR_CODES_SERVICE_TYPE, "legal_aid", "service", NC_("service", "Legal aid on the re-entry ban") },
  { HMR_CODES_SERVICE_TYPE, "employment", "service", NC_("service", "Employment") },
  { HMR_CODES_SERVICE_TYPE, "vocational_training", "service", NC_("service", "Vocational training") },
  { HMR_CODES_SERVICE_TYPE, "business_loan", "service", NC_("service", "Business loan") },
  { HMR_CODES_SERVICE_TYPE, "health", "service", NC_("service", "Health") },
  { HMR_CODES_SERVICE_TYPE, "migration_service", "service", NC_("service", "Migration service") },
  { HMR_CODES_SERVICE_TYPE, "psychosocial", "service", NC_("service", "Psychosocial support") },

  { HMR_CODES_REFERRAL_STATUS, "draft", "referral", NC_("referral", "Draft") },
  { HMR_CODES_REFERRAL_STATUS, "sent", "referral", NC_("referral", "Sent") },
  { HMR_CODES_REFERRAL_STATUS, "accepted", "referral", NC_("referral", "Accepted") },
  { HMR_CODES_REFERRAL_STATUS, "rejected", "referral", NC_("referral", "Rejected") },
  { HMR_CODES_REFERRAL_STATUS, "no_response", "referral", NC_("referral", "No response") },
  { HMR_CODES_REFERRAL_STATUS, "completed", "referral", NC_("referral", "Completed") },
  { HMR_CODES_REFERRAL_STATUS, "revoked", "referral", NC_("referral", "Revoked") },

  { HMR_CODES_FOLLOW_UP_KIND, "psychosocial_session", "follow-up", NC_("follow-up", "Psychosocial session") },
  { HMR_CODES_FOLLOW_UP_KIND, "phone", "follow-up", NC_("follow-up", "Phone call") },
  { HMR_CODES_FOLLOW_UP_KIND, "home_visit", "follow-up", NC_("follow-up", "Home visit") },
  { HMR_CODES_FOLLOW_UP_KIND, "office", "follow-up", NC_("follow-up", "Office visit") },

  { HMR_CODES_FOLLOW_UP_STATUS, "planned", "follow-up", NC_("follow-up", "Planned") },
  { HMR_CODES_FOLLOW_UP_STATUS, "done", "follow-up", NC_("follow-up", "Done") },
  { HMR_CODES_FOLLOW_UP_STATUS, "missed", "follow-up", NC_("follow-up", "Missed") },
  { HMR_CODES_FOLLOW_UP_STATUS, "cancelled", "follow-up", NC_("follow-up", "Cancelled") },

  { HMR_CODES_GRANT_STATUS, "draft", "grant", NC_("grant", "Draft") },
  { HMR_CODES_GRANT_STATUS, "submitted", "grant", NC_("grant", "Submitted") },
  { HMR_CODES_GRANT_STATUS, "approved", "grant", NC_("grant", "Approved") },
  { HMR_CODES_GRANT_STATUS, "rejected", "grant", NC_("grant", "Rejected") },
  { HMR_CODES_GRANT_STATUS, "disbursing", "grant", NC_("grant", "Being disbursed") },
  { HMR_CODES_GRANT_STATUS, "disbursed", "grant", NC_("grant", "Disbursed") },
  { HMR_CODES_GRANT_STATUS, "verified", "grant", NC_("grant", "Verified") },
  { HMR_CODES_GRANT_STATUS, "cancelled", "grant", NC_("grant", "Cancelled") },

  { HMR_CODES_HANDOVER_STATUS, "draft", "handover", NC_("handover", "Draft") },
  { HMR_CODES_HANDOVER_STATUS, "signed", "handover", NC_("handover", "Signed") },
  /* not stored: a signed act that a signed correction replaced */
  { HMR_CODES_HANDOVER_STATUS, "replaced", "handover", NC_("handover", "Replaced by a correction") },

  { HMR_CODES_DURATION_GROUP, "under_12_months", "abroad", NC_("abroad", "Under 12 months") },
  { HMR_CODES_DURATION_GROUP, "1_to_3_years", "abroad", NC_("abroad", "1 to 3 years") },
  { HMR_CODES_DURATION_GROUP, "3_years_or_more", "abroad", NC_("abroad", "3 years or more") },
  { HMR_CODES_DURATION_GROUP, "seasonal", "abroad", NC_("abroad", "Seasonal") },

  { HMR_CODES_RETURN_TYPE, "voluntary", "return", NC_("return", "Voluntary") },
  { HMR_CODES_RETURN_TYPE, "deported", "return", NC_("return", "Deported") },
  { HMR_CODES_RETURN_TYPE, "expelled", "return", NC_("return", "Expelled") },

  { HMR_CODES_BAN_IMPOSED_BY, "administrative", "ban", NC_("ban", "Administrative decision") },
  { HMR_CODES_BAN_IMPOSED_BY, "court", "ban", NC_("ban", "Court decision") },

  { HMR_CODES_APPEAL_STATUS, "none", "appeal", NC_("appeal", "No appeal") },
  { HMR_CODES_APPEAL_STATUS, "filed", "appeal", NC_("appeal", "Appeal filed") },
  { HMR_CODES_APPEAL_STATUS, "lifted", "appeal", NC_("appeal", "Ban lifted") },
  { HMR_CODES_APPEAL_STATUS, "upheld", "appeal", NC_("appeal", "Ban upheld") },
  { HMR_CODES_APPEAL_STATUS, "amnesty", "appeal", NC_("appeal", "Amnesty") },

  { HMR_CODES_TRAFFICKING_STATUS, "possible", "trafficking", NC_("trafficking", "Possible victim") },
  { HMR_CODES_TRAFFICKING_STATUS, "actual", "trafficking", NC_("trafficking", "Recognised victim") },
  { HMR_CODES_TRAFFICKING_STATUS, "not_victim", "trafficking", NC_("trafficking", "Not a victim") },

  { HMR_CODES_EXPLOITATION, "forced_labour", "exploitation", NC_("exploitation", "Forced labour") },
  { HMR_CODES_EXPLOITATION, "sexual_exploitation", "exploitation", NC_("exploitation", "Sexual exploitation") },
  { HMR_CODES_EXPLOITATION, "forced_begging", "exploitation", NC_("exploitation", "Forced begging") },
  { HMR_CODES_EXPLOITATION, "domestic_servitude", "exploitation", NC_("exploitation", "Domestic servitude") },
  { HMR_CODES_EXPLOITATION, "other", "exploitation", NC_("exploitation", "Other") },

  { HMR_CODES_CASE_STATUS, "open", "case", NC_("case", "Open") },
  { HMR_CODES_CASE_STATUS, "closed", "case", NC_("case", "Closed") },
  { HMR_CODES_CASE_STATUS, "transferred", "case", NC_("case", "Transferred") },
  { HMR_CODES_CASE_STATUS, "duplicate", "case", NC_("case", "Duplicate") },

  { HMR_CODES_HAS_BAN, "yes", "ban", NC_("ban", "Has a re-entry ban") },
  { HMR_CODES_HAS_BAN, "no", "ban", NC_("ban", "No re-entry ban") },
  { HMR_CODES_HAS_BAN, "unknown", "ban", NC_("ban", "Not known") },

  { HMR_CODES_DISTRESS, "none", "distress", NC_("distress", "No distress") },
  { HMR_CODES_DISTRESS, "some", "distress", NC_("distress", "Some distress") },
  { HMR_CODES_DISTRESS, "great", "distress", NC_("distress", "Great stress") },

  /* Countries and cities are kept as their English names: what the demo,
   * older records and imports hold.  A place typed that is not in the
   * list is kept as typed and shown as it is. */
  { HMR_CODES_COUNTRY, "Russia", "country", NC_("country", "Russia") },
  { HMR_CODES_COUNTRY, "Kazakhstan", "country", NC_("country", "Kazakhstan") },
  { HMR_CODES_COUNTRY, "Turkey", "country", NC_("country", "Turkey") },
  { HMR_CODES_COUNTRY, "United Arab Emirates", "country", NC_("country", "United Arab Emirates") },
  { HMR_CODES_COUNTRY, "Uzbekistan", "country", NC_("country", "Uzbekistan") },
  { HMR_CODES_COUNTRY, "Kyrgyzstan", "country", NC_("country", "Kyrgyzstan") },
  { HMR_CODES_COUNTRY, "South Korea", "country", NC_("country", "South Korea") },

  { HMR_CODES_CITY, "Moscow", "city", NC_("city", "Moscow") },
  { HMR_CODES_CITY, "St Petersburg", "city", NC_("city", "St Petersburg") },
  { HMR_CODES_CITY, "Yekaterinburg", "city", NC_("city", "Yekaterinburg") },
  { HMR_CODES_CITY, "Novosibirsk", "city", NC_("city", "Novosibirsk") },
  { HMR_CODES_CITY, "Kazan", "city", NC_("city", "Kazan") },
  { HMR_CODES_CITY, "Krasnoyarsk", "city", NC_("city", "Krasnoyarsk") },
  { HMR_CODES_CITY, "Surgut", "city", NC_("city", "Surgut") },
  { HMR_CODES_CITY, "Tyumen", "city", NC_("city", "Tyumen") },
  { HMR_CODES_CITY, "Samara", "city", NC_("city", "Samara") },
  { HMR_CODES_CITY, "Nizhny Novgorod", "city", NC_("city", "Nizhny Novgorod") },
  { HMR_CODES_CITY, "Krasnodar", "city", NC_("city", "Krasnodar") },
  { HMR_CODES_CITY, "Irkutsk", "city", NC_("city", "Irkutsk") },
  { HMR_CODES_CITY, "Chelyabinsk", "city", NC_("city", "Chelyabinsk") },
  { HMR_CODES_CITY, "Omsk", "city", NC_("city", "Omsk") },
  { HMR_CODES_CITY, "Almaty", "city", NC_("city", "Almaty") },
  { HMR_CODES_CITY, "Astana", "city", NC_("city", "Astana") },
  { HMR_CODES_CITY, "Shymkent", "city", NC_("city", "Shymkent") },
  { HMR_CODES_CITY, "Istanbul", "city", NC_("city", "Istanbul") },
  { HMR_CODES_CITY, "Dubai", "city", NC_("city", "Dubai") },

  { HMR_CODES_SECTOR, "construction", "sector", NC_("sector", "Construction") },
  { HMR_CODES_SECTOR, "markets", "sector", NC_("sector", "Markets and trade") },
  { HMR_CODES_SECTOR, "agriculture", "sector", NC_("sector", "Agriculture") },
  { HMR_CODES_SECTOR, "transport", "sector", NC_("sector", "Transport") },
  { HMR_CODES_SECTOR, "services", "sector", NC_("sector", "Services") },
  { HMR_CODES_SECTOR, "manufacturing", "sector", NC_("sector", "Manufacturing") },
  { HMR_CODES_SECTOR, "domestic_work", "sector", NC_("sector", "Domestic work") },
  { HMR_CODES_SECTOR, "other", "sector", NC_("sector", "Other work") },

  { HMR_CODES_VULNERABILITY, "sole_earner", "vulnerability", NC_("vulnerability", "Sole earner of the family") },
  { HMR_CODES_VULNERABILITY, "debt", "vulnerability", NC_("vulnerability", "Debts") },
  { HMR_CODES_VULNERABILITY, "lost_documents", "vulnerability", NC_("vulnerability", "Lost documents") },
  { HMR_CODES_VULNERABILITY, "no_income", "vulnerability", NC_("vulnerability", "No income") },
  { HMR_CODES_VULNERABILITY, "unsafe_housing", "vulnerability", NC_("vulnerability", "Unsafe housing") },
  { HMR_CODES_VULNERABILITY, "single_parent", "vulnerability", NC_("vulnerability", "Single parent") },
  { HMR_CODES_VULNERABILITY, "chronic_illness", "vulnerability", NC_("vulnerability", "Chronic illness") },
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
 * hmr_code_list:
 *
 * Returns: (transfer none): the codes of @codes, in the order they are
 *   offered, %NULL-terminated
 */
const char * const *
hmr_code_list (HmrCodes codes)
{
  static GStrv lists[HMR_N_CODES];
  static gsize done;

  g_return_val_if_fail (codes < HMR_N_CODES, NULL);

  if (g_once_init_enter (&done))
    {
      for (guint c = 0; c < HMR_N_CODES; c++)
        {
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

          for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
            if (labels[i].codes == c)
              g_strv_builder_add (builder, labels[i].code);
          lists[c] = g_strv_builder_end (builder);
        }
      g_once_init_leave (&done, 1);
    }
  return (const char * const *) lists[codes];
}

gboolean
hmr_code_is_known (HmrCodes    codes,
                   const char *code)
{
  return code != NULL && g_strv_contains (hmr_code_list (codes), code);
}

/**
 * hmr_code_from_text:
 * @text: (nullable): a code, or a label as typed or chosen in any of the
 *   interface's languages
 *
 * For the lists with free entry (countries, cities): what was chosen from
 * the list becomes its code, so that it reads in every language; what was
 * typed that is not in the list is kept as typed.
 *
 * Returns: (transfer full) (nullable): the code, the text stripped, or
 *   %NULL when @text is blank
 */
char *
hmr_code_from_text (HmrCodes    codes,
                    const char *text)
{
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;

  if (text == NULL)
    return NULL;
  stripped = g_strstrip (g_strdup (text));
  if (stripped[0] == '\0')
    return NULL;
  folded = g_utf8_casefold (stripped, -1);
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autofree char *code = NULL;
      g_autofree char *label = NULL;

      if (labels[i].codes != codes)
        continue;
      code = g_utf8_casefold (labels[i].code, -1);
      label = g_utf8_casefold (g_dpgettext2 (GETTEXT_PACKAGE, labels[i].context, labels[i].label), -1);
      if (g_strcmp0 (folded, code) == 0 || g_strcmp0 (folded, label) == 0)
        return g_strdup (labels[i].code);
    }
  return g_steal_pointer (&stripped);
}

/**
 * hmr_code_dup_labels:
 * @list: (nullable): codes separated by commas, as in "sole_earner,debt"
 *
 * Returns: (transfer full): their labels, as in "Sole earner of the
 *   family, Debts"; "" when there are none
 */
char *
hmr_code_dup_labels (HmrCodes    codes,
                     const char *list)
{
  g_auto(GStrv) parts = g_strsplit (list ? list : "", ",", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] == '\0')
        continue;
      if (out->len > 0)
        /* Translators: between the items of a list, as in "Debts, No income" */
        g_string_append (out, C_("list separator", ", "));
      g_string_append (out, hmr_code_get_label (codes, parts[i]));
    }
  return g_string_free (out, FALSE);
}

/* The names of days and months come from Hamroh's own catalogue, not from
 * the C library's locale: a Tajik interface on a computer set up in Russian
 * (common in Tajikistan), or without the tg_TJ locale, would otherwise
 * show dates in another language than the rest of the window. */

static const char *
weekday_name (const GDate *date)
{
  static const char *names[] = {
    NULL,
    NC_("weekday", "Monday"), NC_("weekday", "Tuesday"), NC_("weekday", "Wednesday"),
    NC_("weekday", "Thursday"), NC_("weekday", "Friday"), NC_("weekday", "Saturday"),
    NC_("weekday", "Sunday"),
  };

  return g_dpgettext2 (GETTEXT_PACKAGE, "weekday", names[g_date_get_weekday (date)]);
}

/* A month as it follows a day's number ("2 December"): Russian wants the
 * genitive, "2 декабря" */
static const char *
month_after_day (const GDate *date)
{
  static const char *names[] = {
    NULL,
    NC_("month after a day", "January"), NC_("month after a day", "February"),
    NC_("month after a day", "March"), NC_("month after a day", "April"),
    NC_("month after a day", "May"), NC_("month after a day", "June"),
    NC_("month after a day", "July"), NC_("month after a day", "August"),
    NC_("month after a day", "September"), NC_("month after a day", "October"),
    NC_("month after a day", "November"), NC_("month after a day", "December"),
  };

  return g_dpgettext2 (GETTEXT_PACKAGE, "month after a day", names[g_date_get_month (date)]);
}

/* A month on its own ("December 2026"): Russian's nominative, "Декабрь" */
static const char *
month_alone (const GDate *date)
{
  static const char *names[] = {
    NULL,
    NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
    NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
    NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
    NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
  };

  return g_dpgettext2 (GETTEXT_PACKAGE, "month", names[g_date_get_month (date)]);
}

/**
 * hmr_format_long_date:
 *
 * Returns: (transfer full): @date with its weekday: "Wednesday, 2 December"
 */
char *
hmr_format_long_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), g_strdup (""));

  /* Translators: a date with its weekday, "Wednesday, 2 December":
   * weekday, day of the month, month; reorder with %1$s, %2$d, %3$s */
  return g_strdup_printf (C_("date with weekday", "%1$s, %2$d %3$s"),
                          weekday_name (date), g_date_get_day (date), month_after_day (date));
}

/**
 * hmr_format_date_in_words:
 *
 * Returns: (transfer full): @date written out: "12 March 2027"
 */
char *
hmr_format_date_in_words (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), g_strdup (""));

  /* Translators: a date written out, "12 March 2027": day, month, year;
   * reorder with %1$d, %2$s, %3$d */
  return g_strdup_printf (C_("date in words", "%1$d %2$s %3$d"),
                          g_date_get_day (date), month_after_day (date), g_date_get_year (date));
}

/**
 * hmr_format_month:
 *
 * Returns: (transfer full): @date's month and year: "December 2026"
 */
char *
hmr_format_month (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), g_strdup (""));

  /* Translators: a month and its year, "December 2026" */
  return g_strdup_printf (C_("month and year", "%1$s %2$d"), month_alone (date), g_date_get_year (date));
}

/**
 * hmr_format_date:
 *
 * Returns: (transfer full): @date the one way dates are written and typed
 *   in Hamroh, day.month.year ("23.11.2026")
 */
char *
hmr_format_date (const GDate *date)
{
  char buf[16];

  g_return_val_if_fail (date != NULL && g_date_valid (date), g_strdup (""));

  g_date_strftime (buf, sizeof buf, "%d.%m.%Y", date);
  return g_strdup (buf);
}
