/* hmr-gui-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "hmr-labels.h"
#include "hmr-gui-util.h"
#include "hmr-gui-resources.h"
#include "hmr-store.h"

/**
 * hmr_gui_ensure_resources:
 *
 * The GUI's resources live in a static library: referring to them here
 * makes the linker keep them, and with them their registration.
 */
void
hmr_gui_ensure_resources (void)
{
  (void) hmr_gui_get_resource ();
}

/**
 * hmr_gui_value_or_dash:
 *
 * Returns: @value, or an em dash when it is empty
 */
const char *
hmr_gui_value_or_dash (const char *value)
{
  if (value == NULL || value[0] == '\0')
    return "—";
  return value;
}

/**
 * hmr_gui_format_date:
 * @iso_date: (nullable): a date as the store keeps it, 1990-03-21
 *
 * Returns: (transfer full) (nullable): the date as people here write it,
 *   21.03.1990; the text unchanged when it is not a date
 */
char *
hmr_gui_format_date (const char *iso_date)
{
  GDate date;

  if (iso_date == NULL)
    return NULL;
  if (!hmr_parse_user_date (iso_date, &date))
    return g_strdup (iso_date);
  return hmr_format_date (&date);
}

/**
 * hmr_gui_format_timestamp:
 * @timestamp: (nullable): an ISO 8601 date and time
 *
 * Returns: (transfer full) (nullable): the local date and time, or the text
 *   unchanged when it cannot be read
 */
char *
hmr_gui_format_timestamp (const char *timestamp)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GTimeZone) tz = NULL;

  if (timestamp == NULL)
    return NULL;
  tz = g_time_zone_new_utc ();
  utc = g_date_time_new_from_iso8601 (timestamp, tz);
  if (utc == NULL)
    return g_strdup (timestamp);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%d.%m.%Y %H:%M");
}

static const char * const distress_codes[] = { "none", "some", "great", NULL };

const char * const *
hmr_gui_distress_codes (void)
{
  return distress_codes;
}

const char *
hmr_gui_distress_get_label (const char *code)
{
  if (g_strcmp0 (code, "none") == 0)
    return C_("distress screening", "No distress");
  if (g_strcmp0 (code, "some") == 0)
    return C_("distress screening", "Some distress");
  if (g_strcmp0 (code, "great") == 0)
    return C_("distress screening", "Great distress");
  return code ? code : "";
}

/**
 * hmr_gui_dup_display_value:
 *
 * Returns: (transfer full) (nullable): the value of @field as a person
 *   reads it: labels for codes, local dates, Yes and No; %NULL when empty
 */
char *
hmr_gui_dup_display_value (HmrBeneficiary      *beneficiary,
                           HmrBeneficiaryField  field)
{
  const char *v = hmr_beneficiary_get (beneficiary, field);

  if (v == NULL)
    return NULL;

  switch (field)
    {
    case HMR_BENEFICIARY_SEX:
      return g_strdup (hmr_sex_get_label (v));
    case HMR_BENEFICIARY_CATEGORY:
      return g_strdup (hmr_category_get_label (v));
    case HMR_BENEFICIARY_RISK_LEVEL:
      return g_strdup (hmr_risk_get_label (v));
    case HMR_BENEFICIARY_VULNERABILITY_FLAGS:
      return hmr_code_dup_labels (HMR_CODES_VULNERABILITY, v);
    case HMR_BENEFICIARY_CASE_STAGE:
      return g_strdup (hmr_stage_get_label (v));
    case HMR_BENEFICIARY_DISTRICT:
      return g_strdup (hmr_district_get_label (v));
    case HMR_BENEFICIARY_DISTRESS_SCREENING:
      return g_strdup (hmr_gui_distress_get_label (v));
    case HMR_BENEFICIARY_CREATED_AT:
    case HMR_BENEFICIARY_UPDATED_AT:
    case HMR_BENEFICIARY_DELETED_AT:
      return hmr_gui_format_timestamp (v);
    case HMR_BENEFICIARY_ID:
    case HMR_BENEFICIARY_OFFICE_ID:
    case HMR_BENEFICIARY_CASE_NUMBER:
    case HMR_BENEFICIARY_FAMILY_NAME:
    case HMR_BENEFICIARY_GIVEN_NAME:
    case HMR_BENEFICIARY_PATRONYMIC:
    case HMR_BENEFICIARY_FAMILY_NAME_LATIN:
    case HMR_BENEFICIARY_GIVEN_NAME_LATIN:
    case HMR_BENEFICIARY_PATRONYMIC_LATIN:
    case HMR_BENEFICIARY_BIRTH_DATE:
    case HMR_BENEFICIARY_BIRTH_YEAR_ESTIMATED:
    case HMR_BENEFICIARY_PHONE:
    case HMR_BENEFICIARY_PHONE_ALT:
    case HMR_BENEFICIARY_JAMOAT:
    case HMR_BENEFICIARY_VILLAGE:
    case HMR_BENEFICIARY_HOUSEHOLD_SIZE:
    case HMR_BENEFICIARY_DISABILITY:
    case HMR_BENEFICIARY_DISABILITY_REGISTERED:
    case HMR_BENEFICIARY_HEALTH_PROBLEMS:
    case HMR_BENEFICIARY_CONSENT_DATE:
    case HMR_BENEFICIARY_CONSENT_SERVICES:
    case HMR_BENEFICIARY_CONSENT_SHARING:
    case HMR_BENEFICIARY_CONSENT_REPORTING:
    case HMR_BENEFICIARY_DUPLICATE_OF:
    case HMR_BENEFICIARY_CREATED_BY:
    case HMR_BENEFICIARY_UPDATED_BY:
    case HMR_BENEFICIARY_VERSION:
    case HMR_BENEFICIARY_CASEWORKER:
    case HMR_BENEFICIARY_N_FIELDS:
    default:
      break;
    }

  switch (hmr_beneficiary_field_get_type (field))
    {
    case HMR_FIELD_DATE:
      return hmr_gui_format_date (v);
    case HMR_FIELD_BOOL:
      return g_strdup (hmr_beneficiary_get_bool (beneficiary, field) ? _("Yes") : _("No"));
    case HMR_FIELD_TEXT:
    case HMR_FIELD_INT:
    default:
      return g_strdup (v);
    }
}

void
hmr_gui_set_accessible_label (GtkWidget  *widget,
                              const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/**
 * hmr_gui_get_parent_window:
 *
 * Returns: (transfer none) (nullable): the window @widget is in
 */
GtkWindow *
hmr_gui_get_parent_window (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/**
 * hmr_gui_show_error_toast:
 *
 * Shows @message in the nearest toast overlay around @widget, or logs it
 * when there is none.
 */
void
hmr_gui_show_error_toast (GtkWidget  *widget,
                    const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_message ("%s", message);
      return;
    }
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 0);   /* errors stay until dismissed */
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/**
 * hmr_gui_show_refusal:
 * @widget: a widget of the window that asked
 *
 * Shows why something was refused: as a toast when @widget is under a
 * toast overlay, else in a small dialog over its window.
 */
void
hmr_gui_show_refusal (GtkWidget  *widget,
                      const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  GtkWidget *dialog;

  if (overlay != NULL)
    {
      hmr_gui_show_error_toast (widget, message);
      return;
    }
  dialog = adw_message_dialog_new (hmr_gui_get_parent_window (widget), _("Not Possible"), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * hmr_gui_present_dialog:
 * @dialog: (nullable): a dialog just made, or %NULL when it could not be
 * @error: (nullable): why @dialog is %NULL
 * @from: the widget the dialog is opened from (a page, its toast
 *   overlay, a row): the dialog goes over its window, and a refusal is
 *   shown over it
 * @saved_signal: (nullable): the dialog's signal that says it saved
 *   something: "changed", "saved", "recorded"…
 * @on_saved: (nullable): called as on_saved (@target, the signal's own
 *   arguments…) each time @saved_signal is emitted: a page's reload, or
 *   nothing, since the store announces what was saved
 * @target: (type GObject) (nullable): what @on_saved is for; the dialog
 *   stops calling it once @target is gone
 *
 * What every "open a dialog from here, and refresh here when it saves"
 * comes down to.
 *
 * Returns: whether the dialog is shown
 */
gboolean
hmr_gui_present_dialog (GtkWindow    *dialog,
                        const GError *error,
                        GtkWidget    *from,
                        const char   *saved_signal,
                        GCallback     on_saved,
                        gpointer      target)
{
  GtkWindow *parent;

  g_return_val_if_fail (GTK_IS_WIDGET (from), FALSE);
  g_return_val_if_fail (dialog != NULL || error != NULL, FALSE);

  if (dialog == NULL)
    {
      hmr_gui_show_refusal (from, error->message);
      return FALSE;
    }
  parent = hmr_gui_get_parent_window (from);
  if (parent != NULL)
    gtk_window_set_transient_for (dialog, parent);
  if (saved_signal != NULL && on_saved != NULL && target != NULL)
    g_signal_connect_object (dialog, saved_signal, on_saved, target, G_CONNECT_SWAPPED);
  gtk_window_present (dialog);
  return TRUE;
}

/**
 * hmr_gui_hold_application:
 * @widget: a widget in one of the application's windows
 *
 * Keeps the application running, and tells the desktop it is busy, until
 * hmr_gui_release_application().  For work in a thread that must end
 * cleanly even when the last window is closed meanwhile: an export that
 * is cancelled still has to take its half-written file away, and it
 * could not if the process had already exited.
 *
 * Returns: (transfer full) (nullable): the application held, for
 *   hmr_gui_release_application(); %NULL when @widget is in no
 *   application's window
 */
GApplication *
hmr_gui_hold_application (GtkWidget *widget)
{
  GtkWindow *window = hmr_gui_get_parent_window (widget);
  GtkApplication *app = window ? gtk_window_get_application (window) : NULL;

  if (app == NULL)
    return NULL;
  g_application_hold (G_APPLICATION (app));
  /* Only a registered application has anyone to tell that it is busy */
  if (g_application_get_is_registered (G_APPLICATION (app)))
    g_application_mark_busy (G_APPLICATION (app));
  return G_APPLICATION (g_object_ref (app));
}

/**
 * hmr_gui_release_application:
 * @application: (nullable) (transfer full): what hmr_gui_hold_application()
 *   returned
 */
void
hmr_gui_release_application (GApplication *application)
{
  if (application == NULL)
    return;
  if (g_application_get_is_registered (application) && g_application_get_is_busy (application))
    g_application_unmark_busy (application);
  g_application_release (application);
  g_object_unref (application);
}

/* Removes every row of @list */
void
hmr_gui_list_box_clear (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* Appends a row of plain text (no markup) that wraps rather than cuts:
 * @title, and @subtitle under it when given */
GtkWidget *
hmr_gui_list_box_add_line (GtkListBox *list,
                           const char *title,
                           const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_append (list, row);
  return row;
}
