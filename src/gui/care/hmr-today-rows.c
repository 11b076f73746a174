/* hmr-today-rows.c — what a row of a Today list says: who and what (the
 * title line under the name) and when; for the page and for the dialog
 * that shows a whole list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "hmr-follow-up-util.h"
#include "hmr-gui-util.h"
#include "hmr-today-rows.h"

char *
hmr_today_row_dup_when (const HmrTodayItem *item)
{
  g_autofree char *since = NULL;

  switch (item->list)
    {
    case HMR_TODAY_DUE_FOLLOW_UPS:
    case HMR_TODAY_WAITING_REFERRALS:
      if (item->due_on != NULL)
        return hmr_fu_gui_describe_due (item->due_on, item->days_overdue);
      since = hmr_gui_format_date (item->since);
      /* Translators: %s is a date */
      return since ? g_strdup_printf (_("Sent %s"), since) : g_strdup ("");
    case HMR_TODAY_ENDING_BANS:
    case HMR_TODAY_BANS_WITHOUT_LEGAL_AID:
      if (item->due_on == NULL)
        return g_strdup (_("No end date"));
      since = hmr_gui_format_date (item->due_on);
      /* Translators: a re-entry ban ends on this date */
      return g_strdup_printf (_("Ends %s"), since ? since : "");
    case HMR_TODAY_RETURNED_PLANS:
    case HMR_TODAY_PLANS_TO_APPROVE:
    case HMR_TODAY_GRANTS_TO_DECIDE:
    case HMR_TODAY_CLOSURES_TO_APPROVE:
    case HMR_TODAY_FLAGGED_WELLBEING:
    case HMR_N_TODAY_LISTS:
    default:
      if (item->since == NULL)
        return g_strdup ("");
      since = g_strndup (item->since, 10);
      {
        g_autofree char *day = hmr_gui_format_date (since);

        /* Translators: %s is a date, since when the row waits */
        if (item->list == HMR_TODAY_RETURNED_PLANS)
          return g_strdup_printf (C_("today since", "Returned %s"), day);
        if (item->list == HMR_TODAY_PLANS_TO_APPROVE || item->list == HMR_TODAY_GRANTS_TO_DECIDE)
          return g_strdup_printf (C_("today since", "Submitted %s"), day);
        if (item->list == HMR_TODAY_CLOSURES_TO_APPROVE)
          return g_strdup_printf (C_("today since", "Asked %s"), day);
        return g_strdup_printf (C_("today since", "Scored %s"), day);
      }
    }
}

char *
hmr_today_row_dup_what (const HmrTodayItem *item)
{
  GString *s = g_string_new (item->title ? item->title : "");

  if (item->case_number != NULL)
    g_string_append_printf (s, " · %s", item->case_number);
  switch (item->list)
    {
    case HMR_TODAY_DUE_FOLLOW_UPS:
      if (!item->mine && item->who != NULL)
        g_string_append_printf (s, " · %s", item->who);
      break;
    case HMR_TODAY_PLANS_TO_APPROVE:
    case HMR_TODAY_GRANTS_TO_DECIDE:
    case HMR_TODAY_CLOSURES_TO_APPROVE:
    case HMR_TODAY_FLAGGED_WELLBEING:
      if (item->who != NULL)
        g_string_append_printf (s, " · %s", item->who);
      break;
    case HMR_TODAY_WAITING_REFERRALS:
    case HMR_TODAY_RETURNED_PLANS:
    case HMR_TODAY_ENDING_BANS:
    case HMR_TODAY_BANS_WITHOUT_LEGAL_AID:
    case HMR_N_TODAY_LISTS:
    default:
      break;
    }
  if (item->detail != NULL && item->detail[0] != '\0')
    {
      g_autofree char *line = g_strdup (item->detail);
      char *nl = strchr (line, '\n');

      if (nl != NULL)
        *nl = '\0';
      g_string_append_printf (s, "\n%s", line);
    }
  return g_string_free (s, FALSE);
}
