/* hmr-follow-up-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-labels.h"
#include "hmr-case-file.h"
#include "hmr-follow-up-util.h"
#include "hmr-gui-util.h"

static void
get_day (HmrStore *store,
         int       days_from_today,
         GDate    *date)
{
  hmr_store_get_today (store, date);
  if (days_from_today > 0)
    g_date_add_days (date, days_from_today);
  else if (days_from_today < 0)
    g_date_subtract_days (date, -days_from_today);
}

/**
 * hmr_fu_gui_format_day:
 *
 * Returns: (transfer full): the day @days_from_today after the store's
 *   today, as people type dates (01.12.2026)
 */
char *
hmr_fu_gui_format_day (HmrStore *store,
                       int       days_from_today)
{
  GDate date;

  get_day (store, days_from_today, &date);
  return hmr_format_date (&date);
}

/**
 * hmr_fu_gui_describe_due:
 * @days_overdue: whole days past @due_on; 0 due today; -1 not yet due
 *
 * Returns: (transfer full): "Due today", "3 days overdue", "Due 05.12.2026"
 */
char *
hmr_fu_gui_describe_due (const char *due_on,
                         int         days_overdue)
{
  g_autofree char *date = hmr_gui_format_date (due_on);

  if (days_overdue == 0)
    return g_strdup (_("Due today"));
  if (days_overdue > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue", "%d days overdue",
                                         days_overdue),
                            days_overdue);
  if (date == NULL)
    return g_strdup ("");
  /* Translators: %s is a date, 05.12.2026 */
  return g_strdup_printf (_("Due %s"), date);
}

void
hmr_fu_gui_combo_set_labels (AdwComboRow        *row,
                             const char * const *labels,
                             guint               n)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, labels[i]);
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

/**
 * hmr_fu_gui_dup_case_id:
 * @name: (out) (optional): the person's full name
 *
 * Returns: (transfer full) (nullable): the id of the person's case
 */
char *
hmr_fu_gui_dup_case_id (HmrStore        *store,
                        const HmrActor  *actor,
                        const char      *beneficiary_id,
                        char           **name,
                        GError         **error)
{
  g_autoptr(HmrCaseFile) file = hmr_store_get_case_file (store, actor, beneficiary_id, error);

  if (file == NULL)
    return NULL;
  if (file->case_id == NULL)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                   _("This person has no case yet."));
      return NULL;
    }
  if (name != NULL)
    *name = g_strjoin (" ",
                       hmr_beneficiary_get (file->beneficiary, HMR_BENEFICIARY_FAMILY_NAME),
                       hmr_beneficiary_get (file->beneficiary, HMR_BENEFICIARY_GIVEN_NAME),
                       NULL);
  return g_strdup (file->case_id);
}
