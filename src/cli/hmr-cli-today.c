/* hmr-cli-today.c — hamroh-cli today
 *
 *   today [--list NAME] [--reminders] [--date YYYY-MM-DD]
 *
 * The acting user's Today lists as TSV, one row per line:
 *   list, case number, name, what is due, due date, since, days overdue
 *   (empty when not overdue), the record's kind and id
 * NAME is one of due-follow-ups, waiting-referrals, returned-plans,
 * ending-bans, bans-without-legal-aid, plans-to-approve, grants-to-decide,
 * closures-to-approve, flagged-wellbeing;
 * without --list, every list of the user's role.  --reminders prints the
 * follow-ups assigned to the user that are due today or overdue.  --date
 * shows the lists as they stand on that day (for scripts and tests).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "hmr-cli.h"
#include "hmr-follow-up.h"

#define USAGE N_("today takes [--list NAME] [--reminders] [--date YYYY-MM-DD].")

static GDateTime *
fixed_clock (gpointer data)
{
  return g_date_time_ref (data);
}

/* A field of a TSV line: no tab or line break inside */
static void
print_field (const char *value,
             gboolean    last)
{
  for (const char *p = value ? value : ""; *p; p++)
    putchar (*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
  putchar (last ? '\n' : '\t');
}

static void
print_rows (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      HmrTodayItem *item = g_ptr_array_index (rows, i);
      g_autofree char *overdue = item->days_overdue >= 0 ? g_strdup_printf ("%d", item->days_overdue) : NULL;

      print_field (hmr_today_list_to_string (item->list), FALSE);
      print_field (item->case_number, FALSE);
      print_field (item->beneficiary_name, FALSE);
      print_field (item->title, FALSE);
      print_field (item->due_on, FALSE);
      print_field (item->since, FALSE);
      print_field (overdue, FALSE);
      print_field (item->entity, FALSE);
      print_field (item->entity_id, TRUE);
    }
}

static gboolean
parse_list (const char   *name,
            HmrTodayList *list)
{
  for (HmrTodayList l = 0; l < HMR_N_TODAY_LISTS; l++)
    if (g_strcmp0 (name, hmr_today_list_to_string (l)) == 0)
      {
        *list = l;
        return TRUE;
      }
  return FALSE;
}

static char *opt_list;
static gboolean opt_reminders;
static char *opt_date;

static GOptionEntry options[] = {
  { "list", 0, 0, G_OPTION_ARG_STRING, &opt_list,
    N_("only this list: due-follow-ups, waiting-referrals, returned-plans, ending-bans, plans-to-approve, "
       "closures-to-approve or flagged-wellbeing"), "NAME" },
  { "reminders", 0, 0, G_OPTION_ARG_NONE, &opt_reminders,
    N_("the follow-ups assigned to you that are due today or overdue"), NULL },
  { "date", 0, 0, G_OPTION_ARG_STRING, &opt_date, N_("the lists as they stand on this day"), "YYYY-MM-DD" },
  { NULL }
};

static HmrTodayList only = HMR_N_TODAY_LISTS;
static GDateTime *day;

static gboolean
check (GError **error)
{
  if (opt_list && !parse_list (opt_list, &only))
    {
      g_autofree char *msg = g_strdup_printf (_("Unknown list “%s”."), opt_list);
      return hmr_cli_bad_option (error, msg);
    }
  if (opt_date)
    {
      GDate d;

      if (!hmr_parse_user_date (opt_date, &d))
        return hmr_cli_bad_option (error, _("--date takes a date such as 2026-11-23."));
      /* noon, local time: the day is the same in every time zone's reading */
      day = g_date_time_new_local (g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d),
                                   12, 0, 0);
    }
  if (opt_reminders && only != HMR_N_TODAY_LISTS)
    return hmr_cli_bad_option (error, _(USAGE));
  return TRUE;
}

static int
run (HmrCli      *cli,
     char *const *args)
{
  HmrStore *store = cli->store;
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) actor = NULL;
  g_autoptr(GArray) lists = NULL;
  gboolean reminders = opt_reminders;

  actor = hmr_cli_authenticate (cli, &error);
  if (actor == NULL)
    return hmr_cli_refused (error);
  if (day != NULL)
    hmr_store_set_clock (store, fixed_clock, day);

  if (reminders)
    {
      g_autoptr(GPtrArray) rows = hmr_store_list_reminders (store, actor, TRUE, &error);
      if (rows == NULL)
        return hmr_cli_refused (error);
      print_rows (rows);
      return 0;
    }

  if (only != HMR_N_TODAY_LISTS)
    {
      lists = g_array_new (FALSE, FALSE, sizeof (HmrTodayList));
      g_array_append_val (lists, only);
    }
  else
    lists = hmr_today_lists_for_actor (actor);

  for (guint i = 0; i < lists->len; i++)
    {
      g_autoptr(GPtrArray) rows = hmr_store_list_today (store, actor, g_array_index (lists, HmrTodayList, i),
                                                        0, NULL, &error);
      if (rows == NULL)
        return hmr_cli_refused (error);
      print_rows (rows);
    }
  return 0;
}

const HmrCliCommand hmr_cli_today = {
  .name = "today",
  .summary = N_("what is due for you: follow-ups, referrals, plans, bans ending, approvals"),
  .options = options,
  .check = check,
  .run = run,
};
