/* hmr-grant-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "hmr-grant-dialog.h"
#include "hmr-grant-util.h"
#include "hmr-gui-util.h"
#include "hmr-handover-dialog.h"
#include "hmr-labels.h"

/* ---- money and quantities -------------------------------------------- */

/**
 * hmr_gui_parse_quantity:
 * @text: "3", "0.2" or "0,2"
 *
 * Returns: %FALSE when @text is not a number above zero
 */
gboolean
hmr_gui_parse_quantity (const char *text,
                        double     *quantity)
{
  g_autofree char *s = NULL;
  char *end = NULL;
  double q;

  if (text == NULL)
    return FALSE;
  s = g_strstrip (g_strdelimit (g_strdup (text), ",", '.'));
  if (s[0] == '\0')
    return FALSE;
  q = g_ascii_strtod (s, &end);
  if (end == s || *end != '\0' || !isfinite (q) || q <= 0)
    return FALSE;
  *quantity = q;
  return TRUE;
}

char *
hmr_gui_format_quantity (double quantity)
{
  return g_strdup_printf ("%.10g", quantity);
}

/* ---- rows ------------------------------------------------------------ */

/**
 * hmr_grant_row_new:
 *
 * Returns: (transfer floating): an activatable row: the purpose, who and
 *   where, the status and the money; its name is the grant's id
 */
GtkWidget *
hmr_grant_row_new (const HmrGrantSummary *summary)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *money = gtk_label_new (NULL);
  GtkWidget *status = gtk_label_new (hmr_code_get_label (HMR_CODES_GRANT_STATUS, summary->status));
  g_autofree char *subtitle = NULL;
  g_autofree char *amount = NULL;

  /* Translators: a grant row's subtitle: names · case numbers · district */
  subtitle = g_strdup_printf (C_("grant row", "%s · %s · %s"),
                              hmr_gui_value_or_dash (summary->names),
                              hmr_gui_value_or_dash (summary->case_numbers),
                              hmr_district_get_label (summary->district));
  if (summary->amount_approved >= 0)
    {
      g_autofree char *paid = hmr_money_format (summary->paid, summary->currency, HMR_MONEY_LOCALE);
      g_autofree char *approved = hmr_money_format (summary->amount_approved, summary->currency, HMR_MONEY_LOCALE);

      /* Translators: money paid of the approved amount, "1,000.00 TJS of 5,874.00 TJS" */
      amount = summary->paid > 0 ? g_strdup_printf (C_("grant row", "%s of %s"), paid, approved)
                                 : g_steal_pointer (&approved);
    }
  else
    amount = hmr_money_format (summary->amount_requested, summary->currency, HMR_MONEY_LOCALE);

  gtk_widget_set_name (row, summary->id);
  g_object_set_data_full (G_OBJECT (row), "hmr-id", g_strdup (summary->id), g_free);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hmr_gui_value_or_dash (summary->purpose));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_label_set_text (GTK_LABEL (money), amount);
  gtk_widget_add_css_class (money, "numeric");
  gtk_widget_add_css_class (status, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), money);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

GtkWidget *
hmr_handover_row_new (const HmrHandoverSummary *summary)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *status = gtk_label_new (hmr_code_get_label (HMR_CODES_HANDOVER_STATUS, summary->status));
  g_autofree char *date = hmr_gui_format_date (summary->handed_on);
  g_autofree char *total = hmr_money_format (summary->total, "TJS", HMR_MONEY_LOCALE);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *money = gtk_label_new (total);

  /* Translators: a handover row: the recipient and case number */
  title = g_strdup_printf (C_("handover row", "%s, %s"),
                           hmr_gui_value_or_dash (summary->full_name),
                           hmr_gui_value_or_dash (summary->case_number));
  /* Translators: a handover row's subtitle: date · place · number of items */
  subtitle = g_strdup_printf (g_dngettext (NULL, "%s · %s · %u item", "%s · %s · %u items", summary->n_items),
                              hmr_gui_value_or_dash (date), hmr_gui_value_or_dash (summary->place),
                              summary->n_items);
  if (summary->corrects_id != NULL)
    {
      char *with = g_strconcat (subtitle, " · ", _("corrects an earlier act"), NULL);
      g_free (subtitle);
      subtitle = with;
    }

  gtk_widget_set_name (row, summary->id);
  g_object_set_data_full (G_OBJECT (row), "hmr-id", g_strdup (summary->id), g_free);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (status, "dim-label");
  gtk_widget_add_css_class (money, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), money);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

const char *
hmr_grant_row_get_id (GtkWidget *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), "hmr-id") : NULL;
}

/**
 * hmr_gui_open_grant_row:
 * @page: the page @row is in: its store and user open the record
 * @row: a row of hmr_grant_row_new(), or of hmr_handover_row_new() when
 *   @handover
 * Opens the grant or handover act of @row in its dialog; a refusal to
 * open it is shown over the row.  What the dialog saves, the store
 * announces to the page (HmrAreaPage::store_changed).
 */
void
hmr_gui_open_grant_row (HmrAreaPage   *page,
                        GtkListBoxRow *row,
                        gboolean       handover)
{
  const char *id = hmr_grant_row_get_id (GTK_WIDGET (row));
  GtkWindow *parent = hmr_gui_get_parent_window (GTK_WIDGET (page));
  HmrStore *store = hmr_area_page_get_store (page);
  const HmrActor *actor = hmr_area_page_get_actor (page);
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;

  if (id == NULL)
    return;
  if (handover)
    dialog = GTK_WINDOW (hmr_handover_dialog_new_for_handover (parent, store, actor, id, &error));
  else
    dialog = GTK_WINDOW (hmr_grant_dialog_new_for_grant (parent, store, actor, id, &error));
  hmr_gui_present_dialog (dialog, error, GTK_WIDGET (row), NULL, NULL, NULL);
}

GtkWidget *
hmr_gui_placeholder_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

/**
 * hmr_gui_fill_grant_list:
 * @statuses: the grants to show, one status after the other
 * @limit: at most this many rows per status; 0: all
 * @decorate: (nullable): adds buttons to each row
 *
 * Fills @list with the grants @actor may read; a dim row says
 * @empty_text when there are none.
 *
 * Returns: how many grants are shown
 */
guint
hmr_gui_fill_grant_list (GtkListBox         *list,
                         HmrStore           *store,
                         const HmrActor     *actor,
                         const char * const *statuses,
                         guint               limit,
                         const char         *empty_text,
                         HmrGrantRowFunc     decorate,
                         gpointer            user_data)
{
  guint n = 0;

  hmr_gui_list_box_clear (list);
  for (guint s = 0; statuses[s] != NULL; s++)
    {
      HmrGrantQuery query = { 0 };
      g_autoptr(GPtrArray) grants = NULL;
      g_autoptr(GError) error = NULL;

      query.status = statuses[s];
      grants = hmr_store_list_grants (store, actor, &query, &error);
      if (grants == NULL)
        {
          g_warning ("Could not list the grants: %s", error->message);
          continue;
        }
      for (guint i = 0; i < grants->len && (limit == 0 || i < limit); i++)
        {
          HmrGrantSummary *summary = g_ptr_array_index (grants, i);
          GtkWidget *row = hmr_grant_row_new (summary);

          if (decorate != NULL)
            decorate (row, summary, user_data);
          gtk_list_box_append (list, row);
          n++;
        }
    }
  if (n == 0)
    gtk_list_box_append (list, hmr_gui_placeholder_row (empty_text));
  return n;
}

/**
 * hmr_gui_fill_handover_list:
 * @signed_limit: how many of the latest signed acts to show after every draft
 *
 * Returns: how many acts are shown
 */
guint
hmr_gui_fill_handover_list (GtkListBox     *list,
                            HmrStore       *store,
                            const HmrActor *actor,
                            guint           signed_limit,
                            const char     *empty_text)
{
  const char * const statuses[] = { "draft", "signed" };
  guint n = 0;

  hmr_gui_list_box_clear (list);
  for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
    {
      HmrHandoverQuery query = { 0 };
      g_autoptr(GPtrArray) acts = NULL;
      g_autoptr(GError) error = NULL;

      query.status = statuses[s];
      acts = hmr_store_list_handovers (store, actor, &query, &error);
      if (acts == NULL)
        {
          g_warning ("Could not list the handovers: %s", error->message);
          continue;
        }
      for (guint i = 0; i < acts->len && (s == 0 || i < signed_limit); i++)
        {
          gtk_list_box_append (list, hmr_handover_row_new (g_ptr_array_index (acts, i)));
          n++;
        }
    }
  if (n == 0)
    gtk_list_box_append (list, hmr_gui_placeholder_row (empty_text));
  return n;
}

/* ---- toasts ---------------------------------------------------------- */

static GtkWidget *
find_mapped_overlay (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget) && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_mapped_overlay (c);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_overlay (GtkWidget *widget)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    overlay = find_mapped_overlay (GTK_WIDGET (gtk_widget_get_root (widget) ? GTK_WIDGET (gtk_widget_get_root (widget)) : widget));
  return overlay;
}

/* A short confirmation in the nearest toast overlay */
void
hmr_gui_toast (GtkWidget  *widget,
               const char *message)
{
  GtkWidget *overlay = find_overlay (widget);

  if (overlay == NULL)
    {
      g_message ("%s", message);
      return;
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

/* A refusal shown on the window, wherever the user is in it: a toast
 * that stays when the window has one showing, else a message dialog */
void
hmr_gui_window_refusal (GtkWidget  *window,
                        const char *message)
{
  GtkWidget *overlay = find_mapped_overlay (window);
  GtkWidget *dialog;

  if (overlay != NULL)
    {
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
      return;
    }
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (window) ? GTK_WINDOW (window) : NULL, NULL, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- printing an act -------------------------------------------------- */

typedef struct
{
  GtkWidget      *parent;
  HmrStore       *store;
  HmrActor       *actor;
  HmrPrintKind    kind;
  char           *record_id;
  char           *number;
  HmrActLanguage  language;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->parent);
  g_clear_object (&job->store);
  g_clear_pointer (&job->actor, hmr_actor_free);
  g_free (job->record_id);
  g_free (job->number);
  g_free (job);
}

static void
on_print_file_chosen (GtkNativeDialog *chooser,
                      int              response,
                      PrintJob        *job)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path != NULL)
    {
      if (job->kind == HMR_PRINT_HANDOVER_ACT)
        ok = hmr_act_write_handover (job->store, job->actor, job->record_id, job->language, path, &error);
      else
        ok = hmr_act_write_grant_receipt (job->store, job->actor, job->record_id, 0, job->language, path, &error);
      if (ok)
        {
          g_autofree char *base = g_file_get_basename (file);
          /* Translators: a toast; %s is the file's name */
          g_autofree char *msg = g_strdup_printf (_("Saved “%s”"), base);
          hmr_gui_toast (job->parent, msg);
        }
      else
        hmr_gui_show_error_toast (job->parent, error->message);
    }
  g_object_unref (chooser);
  print_job_free (job);
}

static void
on_print_language (AdwMessageDialog *dialog,
                   const char       *response,
                   PrintJob         *job)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;

  if (!hmr_act_language_from_string (response, &job->language))
    {
      print_job_free (job);
      return;
    }
  chooser = gtk_file_chooser_native_new (job->kind == HMR_PRINT_HANDOVER_ACT ? _("Save the Handover Act")
                                                                             : _("Save the Grant Receipt"),
                                         hmr_gui_get_parent_window (job->parent),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: file names; keep them short and without spaces */
  name = g_strdup_printf (job->kind == HMR_PRINT_HANDOVER_ACT ? _("handover-act-%s-%s.pdf")
                                                              : _("grant-receipt-%s-%s.pdf"),
                          job->number, response);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_print_file_chosen), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * hmr_gui_print_act:
 *
 * Asks the language of the act (the one of the people who sign it), then
 * where to save it, and writes the PDF.  @number, the record's number as
 * printed, names the file.
 */
void
hmr_gui_print_act (GtkWidget      *parent,
                   HmrStore       *store,
                   const HmrActor *actor,
                   HmrPrintKind    kind,
                   const char     *record_id,
                   const char     *number)
{
  PrintJob *job = g_new0 (PrintJob, 1);
  GtkWidget *dialog;

  job->parent = g_object_ref (parent);
  job->store = g_object_ref (store);
  job->actor = hmr_actor_copy (actor);
  job->kind = kind;
  job->record_id = g_strdup (record_id);
  job->number = g_strdup (number);

  dialog = adw_message_dialog_new (hmr_gui_get_parent_window (parent),
                                   kind == HMR_PRINT_HANDOVER_ACT ? _("Print the Handover Act")
                                                                  : _("Print the Grant Receipt"),
                                   _("Choose the language of the people who sign it."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "tg", _("_Tajik"),
                                    "ru", _("_Russian"),
                                    "en", _("_English"),
                                    NULL);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_print_language), job);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- field errors ------------------------------------------------------ */

/* Shows @message below @field_row (%NULL hides it) */
void
hmr_gui_field_error (GtkWidget  *field_row,
                     GtkWidget  *error_row,
                     GtkWidget  *error_label,
                     const char *message)
{
  gboolean show = message != NULL && message[0] != '\0';

  gtk_label_set_text (GTK_LABEL (error_label), show ? message : "");
  gtk_widget_set_visible (error_row, show);
  if (show)
    {
      gtk_widget_add_css_class (field_row, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (field_row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
    }
  else
    gtk_widget_remove_css_class (field_row, "error");
}
