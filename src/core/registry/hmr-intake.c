/* hmr-intake.c — the intake's records: making, copying, checking
 *
 * The checks are the store's and the dialogs' alike.  Each message names
 * the field it is about, in a whole sentence a translator can phrase.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-intake.h"
#include "hmr-labels.h"

#define MAX_MONTHS 600
#define MAX_TEXT_CHARS 200

HmrMigrationEpisode *
hmr_migration_episode_new (void)
{
  HmrMigrationEpisode *e = g_new0 (HmrMigrationEpisode, 1);

  e->months_abroad = -1;
  return e;
}

HmrMigrationEpisode *
hmr_migration_episode_copy (const HmrMigrationEpisode *e)
{
  HmrMigrationEpisode *c = g_new0 (HmrMigrationEpisode, 1);

  c->id = g_strdup (e->id);
  c->beneficiary_id = g_strdup (e->beneficiary_id);
  c->country = g_strdup (e->country);
  c->city = g_strdup (e->city);
  c->departure_date = g_strdup (e->departure_date);
  c->return_date = g_strdup (e->return_date);
  c->months_abroad = e->months_abroad;
  c->duration_group = g_strdup (e->duration_group);
  c->sector = g_strdup (e->sector);
  c->return_type = g_strdup (e->return_type);
  c->version = e->version;
  return c;
}

void
hmr_migration_episode_free (HmrMigrationEpisode *e)
{
  if (e == NULL)
    return;
  g_free (e->id);
  g_free (e->beneficiary_id);
  g_free (e->country);
  g_free (e->city);
  g_free (e->departure_date);
  g_free (e->return_date);
  g_free (e->duration_group);
  g_free (e->sector);
  g_free (e->return_type);
  g_free (e);
}

HmrReentryBan *
hmr_reentry_ban_new (void)
{
  HmrReentryBan *ban = g_new0 (HmrReentryBan, 1);

  ban->duration_months = -1;
  return ban;
}

HmrReentryBan *
hmr_reentry_ban_copy (const HmrReentryBan *ban)
{
  HmrReentryBan *c = g_new0 (HmrReentryBan, 1);

  c->id = g_strdup (ban->id);
  c->beneficiary_id = g_strdup (ban->beneficiary_id);
  c->has_ban = g_strdup (ban->has_ban);
  c->imposed_by = g_strdup (ban->imposed_by);
  c->court_decision_number = g_strdup (ban->court_decision_number);
  c->court_decision_date = g_strdup (ban->court_decision_date);
  c->start_date = g_strdup (ban->start_date);
  c->duration_months = ban->duration_months;
  c->end_date = g_strdup (ban->end_date);
  c->appeal_status = g_strdup (ban->appeal_status);
  c->appeal_date = g_strdup (ban->appeal_date);
  c->legal_referral_id = g_strdup (ban->legal_referral_id);
  c->version = ban->version;
  return c;
}

void
hmr_reentry_ban_free (HmrReentryBan *ban)
{
  if (ban == NULL)
    return;
  g_free (ban->id);
  g_free (ban->beneficiary_id);
  g_free (ban->has_ban);
  g_free (ban->imposed_by);
  g_free (ban->court_decision_number);
  g_free (ban->court_decision_date);
  g_free (ban->start_date);
  g_free (ban->end_date);
  g_free (ban->appeal_status);
  g_free (ban->appeal_date);
  g_free (ban->legal_referral_id);
  g_free (ban);
}

HmrTraffickingProfile *
hmr_trafficking_profile_new (void)
{
  HmrTraffickingProfile *t = g_new0 (HmrTraffickingProfile, 1);

  t->duration_months = -1;
  return t;
}

HmrTraffickingProfile *
hmr_trafficking_profile_copy (const HmrTraffickingProfile *t)
{
  HmrTraffickingProfile *c = g_new0 (HmrTraffickingProfile, 1);

  c->id = g_strdup (t->id);
  c->beneficiary_id = g_strdup (t->beneficiary_id);
  c->status = g_strdup (t->status);
  c->exploitation_type = g_strdup (t->exploitation_type);
  c->identified_by = g_strdup (t->identified_by);
  c->recognised_by = g_strdup (t->recognised_by);
  c->recognised_on = g_strdup (t->recognised_on);
  c->recognition_document = g_strdup (t->recognition_document);
  c->country = g_strdup (t->country);
  c->duration_months = t->duration_months;
  c->version = t->version;
  return c;
}

void
hmr_trafficking_profile_free (HmrTraffickingProfile *t)
{
  if (t == NULL)
    return;
  g_free (t->id);
  g_free (t->beneficiary_id);
  g_free (t->status);
  g_free (t->exploitation_type);
  g_free (t->identified_by);
  g_free (t->recognised_by);
  g_free (t->recognised_on);
  g_free (t->recognition_document);
  g_free (t->country);
  g_free (t);
}

/* ---- helpers ------------------------------------------------------------ */

static gboolean
invalid (GError    **error,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gboolean
invalid (GError    **error,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* Blank text becomes NULL, the rest is stripped */
static void
tidy (char **text)
{
  if (*text == NULL)
    return;
  g_strstrip (*text);
  if ((*text)[0] == '\0')
    g_clear_pointer (text, g_free);
}

static void
take_code (char    **text,
           HmrCodes  codes)
{
  char *code = hmr_code_from_text (codes, *text);

  g_free (*text);
  *text = code;
}

static gboolean
too_long (const char *text)
{
  return text != NULL && g_utf8_strlen (text, -1) > MAX_TEXT_CHARS;
}

/* A date as typed or stored: @date set and the text made ISO 8601.
 * Returns FALSE only for text that is not a date; a blank is fine. */
static gboolean
read_date (char  **text,
           GDate  *date)
{
  char buf[16];

  g_date_clear (date, 1);
  tidy (text);
  if (*text == NULL)
    return TRUE;
  if (!hmr_parse_user_date (*text, date) || g_date_get_year (date) < 1900)
    return FALSE;
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", date);
  g_free (*text);
  *text = g_strdup (buf);
  return TRUE;
}

static gboolean
after (const GDate *date,
       GDate       *today)
{
  return g_date_valid (date) && g_date_compare (date, today) > 0;
}

/* Whole months from @a to @b, as a person counts them */
static int
months_between (const GDate *a,
                const GDate *b)
{
  int months = (g_date_get_year (b) - g_date_get_year (a)) * 12 +
               (int) g_date_get_month (b) - (int) g_date_get_month (a);

  if (g_date_get_day (b) < g_date_get_day (a))
    months--;
  return months;
}

static char *
iso (const GDate *date)
{
  char buf[16];

  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", date);
  return g_strdup (buf);
}

/* ---- migration episode -------------------------------------------------- */

/**
 * hmr_migration_episode_check:
 *
 * Needs the country; the dates must be real, not in the future, the
 * return after the departure.  Fills in the months abroad from the dates
 * and the group from the months (a seasonal stay stays seasonal).
 */
gboolean
hmr_migration_episode_check (HmrMigrationEpisode  *e,
                             GDate                *today,
                             GError              **error)
{
  GDate departure, back;

  g_return_val_if_fail (e != NULL && today != NULL, FALSE);

  take_code (&e->country, HMR_CODES_COUNTRY);
  take_code (&e->city, HMR_CODES_CITY);
  tidy (&e->duration_group);
  tidy (&e->sector);
  tidy (&e->return_type);

  if (e->country == NULL)
    return invalid (error, _("Country is required: where did the person work?"));
  if (too_long (e->country))
    return invalid (error, _("Country is too long: at most 200 characters."));
  if (too_long (e->city))
    return invalid (error, _("City is too long: at most 200 characters."));
  if (!read_date (&e->departure_date, &departure))
    return invalid (error, _("Departure: “%s” is not a real date. Use day.month.year, for example 21.03.2019."),
                    e->departure_date);
  if (!read_date (&e->return_date, &back))
    return invalid (error, _("Return: “%s” is not a real date. Use day.month.year, for example 21.03.2024."),
                    e->return_date);
  if (after (&departure, today))
    return invalid (error, _("Departure cannot be in the future."));
  if (after (&back, today))
    return invalid (error, _("Return cannot be in the future."));
  if (g_date_valid (&departure) && g_date_valid (&back) && g_date_compare (&back, &departure) < 0)
    return invalid (error, _("Return is before the departure; check both dates."));
  if (e->months_abroad < -1 || e->months_abroad > MAX_MONTHS)
    return invalid (error, _("Months abroad must be a whole number from 0 to 600."));
  if (e->months_abroad < 0 && g_date_valid (&departure) && g_date_valid (&back))
    e->months_abroad = MAX (0, months_between (&departure, &back));

  if (e->duration_group != NULL && !hmr_code_is_known (HMR_CODES_DURATION_GROUP, e->duration_group))
    return invalid (error, _("Time abroad: “%s” is not in the list."), e->duration_group);
  if (g_strcmp0 (e->duration_group, "seasonal") != 0 && e->months_abroad >= 0)
    {
      g_free (e->duration_group);
      e->duration_group = g_strdup (e->months_abroad < 12 ? "under_12_months"
                                    : e->months_abroad < 36 ? "1_to_3_years" : "3_years_or_more");
    }
  if (e->sector != NULL && !hmr_code_is_known (HMR_CODES_SECTOR, e->sector))
    return invalid (error, _("Sector: “%s” is not in the list."), e->sector);
  if (e->return_type != NULL && !hmr_code_is_known (HMR_CODES_RETURN_TYPE, e->return_type))
    return invalid (error, _("Return type: “%s” is not in the list."), e->return_type);
  return TRUE;
}

/* ---- re-entry ban ------------------------------------------------------- */

static void
forget_ban_details (HmrReentryBan *ban)
{
  g_clear_pointer (&ban->imposed_by, g_free);
  g_clear_pointer (&ban->court_decision_number, g_free);
  g_clear_pointer (&ban->court_decision_date, g_free);
  g_clear_pointer (&ban->start_date, g_free);
  g_clear_pointer (&ban->end_date, g_free);
  g_clear_pointer (&ban->appeal_date, g_free);
  ban->duration_months = -1;
  g_free (ban->appeal_status);
  ban->appeal_status = g_strdup ("none");
}

/**
 * hmr_reentry_ban_check:
 *
 * Without a ban ("no", "unknown") only that is kept.  With one: the start
 * and either its duration or its end; Hamroh works out the other, and
 * refuses the three when they disagree.  A court's decision number and
 * date belong to a court's ban; an appeal's date to an appeal.
 */
gboolean
hmr_reentry_ban_check (HmrReentryBan  *ban,
                       GDate          *today,
                       GError        **error)
{
  GDate start, end, decided, appealed;

  g_return_val_if_fail (ban != NULL && today != NULL, FALSE);

  tidy (&ban->has_ban);
  tidy (&ban->imposed_by);
  tidy (&ban->court_decision_number);
  tidy (&ban->appeal_status);
  tidy (&ban->legal_referral_id);
  if (ban->appeal_status == NULL)
    ban->appeal_status = g_strdup ("none");

  if (ban->has_ban == NULL)
    return invalid (error, _("Re-entry ban: say whether the person has one (yes, no or not known)."));
  if (!hmr_code_is_known (HMR_CODES_HAS_BAN, ban->has_ban))
    return invalid (error, _("Re-entry ban: “%s” is not in the list."), ban->has_ban);
  if (g_strcmp0 (ban->has_ban, "yes") != 0)
    {
      forget_ban_details (ban);
      return TRUE;
    }

  if (ban->imposed_by != NULL && !hmr_code_is_known (HMR_CODES_BAN_IMPOSED_BY, ban->imposed_by))
    return invalid (error, _("Imposed by: “%s” is not in the list."), ban->imposed_by);
  if (!read_date (&ban->court_decision_date, &decided))
    return invalid (error, _("Date of the court decision: “%s” is not a real date. Use day.month.year, for example 02.05.2024."),
                    ban->court_decision_date);
  if (g_strcmp0 (ban->imposed_by, "court") != 0 &&
      (ban->court_decision_number != NULL || ban->court_decision_date != NULL))
    return invalid (error, _("Court decision number and date belong to a ban imposed by a court: choose “Court decision” under Imposed by, or clear them."));
  if (too_long (ban->court_decision_number))
    return invalid (error, _("Court decision number is too long: at most 200 characters."));
  if (after (&decided, today))
    return invalid (error, _("Date of the court decision cannot be in the future."));

  if (!read_date (&ban->start_date, &start))
    return invalid (error, _("Start of the ban: “%s” is not a real date. Use day.month.year, for example 10.05.2024."),
                    ban->start_date);
  if (!read_date (&ban->end_date, &end))
    return invalid (error, _("End of the ban: “%s” is not a real date. Use day.month.year, for example 10.05.2029."),
                    ban->end_date);
  if (ban->duration_months == 0 || ban->duration_months < -1 || ban->duration_months > MAX_MONTHS)
    return invalid (error, _("Duration of the ban must be a whole number of months from 1 to 600."));
  if (g_date_valid (&start) && g_date_valid (&end) && g_date_compare (&end, &start) <= 0)
    return invalid (error, _("End of the ban must come after its start."));

  if (g_date_valid (&start) && ban->duration_months > 0)
    {
      GDate worked_out = start;

      g_date_add_months (&worked_out, ban->duration_months);
      if (!g_date_valid (&end))
        ban->end_date = iso (&worked_out);
      /* A duration worked out from an end that is not a whole number of
       * months away agrees with that end too */
      else if (g_date_compare (&end, &worked_out) != 0 &&
               ban->duration_months != MAX (1, months_between (&start, &end)))
        {
          g_autofree char *shown = hmr_format_date (&worked_out);
          return invalid (error, _("End of the ban does not match its start and duration, which end on %s. Clear the end or the duration, and Hamroh works it out."),
                          shown);
        }
    }
  else if (g_date_valid (&start) && g_date_valid (&end))
    ban->duration_months = MAX (1, months_between (&start, &end));
  else if (ban->duration_months > 0 && g_date_valid (&end))
    {
      GDate worked_out = end;

      g_date_subtract_months (&worked_out, ban->duration_months);
      ban->start_date = iso (&worked_out);
    }

  if (!hmr_code_is_known (HMR_CODES_APPEAL_STATUS, ban->appeal_status))
    return invalid (error, _("Appeal: “%s” is not in the list."), ban->appeal_status);
  if (!read_date (&ban->appeal_date, &appealed))
    return invalid (error, _("Date of the appeal: “%s” is not a real date. Use day.month.year, for example 01.06.2024."),
                    ban->appeal_date);
  if (g_strcmp0 (ban->appeal_status, "none") == 0 && ban->appeal_date != NULL)
    return invalid (error, _("Date of the appeal: there is no appeal; choose its status first, or clear the date."));
  if (after (&appealed, today))
    return invalid (error, _("Date of the appeal cannot be in the future."));
  return TRUE;
}

gboolean
hmr_reentry_ban_is_in_force (const HmrReentryBan *ban,
                             GDate               *today)
{
  GDate end;

  if (ban == NULL || g_strcmp0 (ban->has_ban, "yes") != 0 ||
      g_strcmp0 (ban->appeal_status, "lifted") == 0 || g_strcmp0 (ban->appeal_status, "amnesty") == 0)
    return FALSE;
  if (ban->end_date != NULL && hmr_parse_user_date (ban->end_date, &end))
    return g_date_compare (&end, today) > 0;
  return TRUE;
}

/* ---- trafficking profile ------------------------------------------------ */

/**
 * hmr_trafficking_profile_check:
 *
 * Needs the status.  Who recognised the person, when and by which
 * document belong to a recognised victim.
 */
gboolean
hmr_trafficking_profile_check (HmrTraffickingProfile  *t,
                               GDate                  *today,
                               GError                **error)
{
  GDate on;

  g_return_val_if_fail (t != NULL && today != NULL, FALSE);

  tidy (&t->status);
  tidy (&t->exploitation_type);
  tidy (&t->identified_by);
  tidy (&t->recognised_by);
  tidy (&t->recognition_document);
  take_code (&t->country, HMR_CODES_COUNTRY);

  if (t->status == NULL)
    return invalid (error, _("Trafficking status is required: possible victim, recognised victim or not a victim."));
  if (!hmr_code_is_known (HMR_CODES_TRAFFICKING_STATUS, t->status))
    return invalid (error, _("Trafficking status: “%s” is not in the list."), t->status);
  if (t->exploitation_type != NULL && !hmr_code_is_known (HMR_CODES_EXPLOITATION, t->exploitation_type))
    return invalid (error, _("Type of exploitation: “%s” is not in the list."), t->exploitation_type);
  if (too_long (t->identified_by))
    return invalid (error, _("Identified by is too long: at most 200 characters."));
  if (too_long (t->recognised_by))
    return invalid (error, _("Recognised by is too long: at most 200 characters."));
  if (too_long (t->recognition_document))
    return invalid (error, _("Recognition document is too long: at most 200 characters."));
  if (too_long (t->country))
    return invalid (error, _("Country of exploitation is too long: at most 200 characters."));
  if (!read_date (&t->recognised_on, &on))
    return invalid (error, _("Date of recognition: “%s” is not a real date. Use day.month.year, for example 15.02.2025."),
                    t->recognised_on);
  if (after (&on, today))
    return invalid (error, _("Date of recognition cannot be in the future."));
  if (g_strcmp0 (t->status, "actual") != 0 &&
      (t->recognised_by != NULL || t->recognised_on != NULL || t->recognition_document != NULL))
    return invalid (error, _("Recognised by, its date and document belong to a recognised victim: set the status to “Recognised victim”, or clear them."));
  if (t->duration_months == 0 || t->duration_months < -1 || t->duration_months > MAX_MONTHS)
    return invalid (error, _("Duration of exploitation must be a whole number of months from 1 to 600."));
  return TRUE;
}

/* ---- vulnerabilities ---------------------------------------------------- */

gboolean
hmr_vulnerabilities_check (const char * const  *flags,
                           const char          *risk,
                           const char          *reason,
                           GError             **error)
{
  for (guint i = 0; flags != NULL && flags[i] != NULL; i++)
    if (!hmr_code_is_known (HMR_CODES_VULNERABILITY, flags[i]))
      return invalid (error, _("Vulnerabilities: “%s” is not in the list."), flags[i]);
  if (risk == NULL || !g_strv_contains (hmr_risk_codes (), risk))
    return invalid (error, _("Risk level: choose low, medium or high."));
  if (g_strcmp0 (risk, "low") != 0)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (reason ? reason : ""));

      if (stripped[0] == '\0')
        return invalid (error, _("Reason for the risk level is required when the risk is medium or high."));
    }
  if (reason != NULL && g_utf8_strlen (reason, -1) > 2000)
    return invalid (error, _("Reason for the risk level is too long: at most 2000 characters."));
  return TRUE;
}
