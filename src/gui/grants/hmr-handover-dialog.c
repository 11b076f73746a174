/* hmr-handover-dialog.c
 *
 * A draft act is edited freely and saved; photos are added to the saved
 * draft.  Signing asks once, then locks the act: the dialog shows a
 * signed act read-only and offers "Correct…", which opens a new draft
 * linked to it with the same content to put right.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-handover-dialog.h"
#include "hmr-handover-dialog-private.h"
#include "hmr-grant-util.h"
#include "hmr-gui-util.h"
#include "hmr-labels.h"
#include "hmr-permissions.h"


G_DEFINE_FINAL_TYPE (HmrHandoverDialog, hmr_handover_dialog, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
hmr_handover_dialog_toast (HmrHandoverDialog *self,
                           const char        *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

void
hmr_handover_dialog_refusal (HmrHandoverDialog *self,
                             const char        *message)
{
  hmr_gui_show_error_toast (GTK_WIDGET (self->toast_overlay), message);
}

static GtkWidget *
remove_button (const char *action,
               GVariant   *target,
               const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_widget_set_tooltip_text (button, label);
  hmr_gui_set_accessible_label (button, label);
  return button;
}

static GtkWidget *
text_row (const char *title,
          const char *subtitle,
          const char *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (suffix != NULL)
    {
      GtkWidget *label = gtk_label_new (suffix);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  return row;
}

/* ---- showing the act -------------------------------------------------- */

static void
show_items (HmrHandoverDialog *self)
{
  g_autofree char *total = hmr_money_format (hmr_handover_get_total (self->handover), "TJS", HMR_MONEY_LOCALE);
  GtkWidget *row;

  hmr_gui_list_box_clear (self->items_list);
  for (guint i = 0; i < self->handover->items->len; i++)
    {
      HmrHandoverItem *it = g_ptr_array_index (self->handover->items, i);
      g_autofree char *qty = hmr_gui_format_quantity (it->quantity);
      g_autofree char *value = hmr_money_format (it->unit_value, "TJS", HMR_MONEY_LOCALE);
      g_autofree char *sum = hmr_money_format (hmr_handover_item_get_total (it), "TJS", HMR_MONEY_LOCALE);
      g_autofree char *subtitle = NULL;

      if (it->serial != NULL && it->serial[0] != '\0')
        /* Translators: a handover item: quantity × unit value · serial number */
        subtitle = g_strdup_printf (C_("handover item", "%s × %s · serial %s"), qty, value, it->serial);
      else
        subtitle = g_strdup_printf (C_("handover item", "%s × %s"), qty, value);
      row = text_row (it->name, subtitle, sum);
      if (!self->read_only)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   remove_button ("handover.remove-item", g_variant_new_uint32 (i),
                                                  _("Remove this item")));
      gtk_list_box_append (self->items_list, row);
    }
  if (self->handover->items->len == 0)
    gtk_list_box_append (self->items_list, hmr_gui_placeholder_row (_("No items yet")));
  row = text_row (_("Total value"), NULL, total);
  gtk_widget_add_css_class (row, "heading");
  gtk_list_box_append (self->items_list, row);
}

static void
show_witnesses (HmrHandoverDialog *self)
{
  hmr_gui_list_box_clear (self->witnesses_list);
  for (guint i = 0; i < self->handover->witnesses->len; i++)
    {
      HmrHandoverWitness *w = g_ptr_array_index (self->handover->witnesses, i);
      GtkWidget *row = text_row (w->name, w->role, NULL);

      if (!self->read_only)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   remove_button ("handover.remove-witness", g_variant_new_uint32 (i),
                                                  _("Remove this witness")));
      gtk_list_box_append (self->witnesses_list, row);
    }
  if (self->handover->witnesses->len == 0)
    gtk_list_box_append (self->witnesses_list, hmr_gui_placeholder_row (_("No witnesses yet")));
}

static void
show_photos (HmrHandoverDialog *self)
{
  hmr_gui_list_box_clear (self->photos_list);
  for (guint i = 0; i < self->handover->attachments->len; i++)
    {
      HmrAttachmentInfo *a = g_ptr_array_index (self->handover->attachments, i);
      g_autofree char *size = g_format_size (a->size);
      const char *kind = g_strcmp0 (a->kind, "photo") == 0 ? _("Photo") : _("Signed act");
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", kind, size);
      GtkWidget *row = text_row (a->filename, subtitle, NULL);

      if (!self->read_only && g_strcmp0 (a->kind, "photo") == 0)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   remove_button ("handover.remove-photo", g_variant_new_string (a->id),
                                                  _("Remove this photo")));
      gtk_list_box_append (self->photos_list, row);
    }
  if (self->handover->attachments->len == 0)
    gtk_list_box_append (self->photos_list,
                         hmr_gui_placeholder_row (self->read_only ? _("No photos") : _("No photos yet")));
}

static void
load_grant_choices (HmrHandoverDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  HmrGrantQuery query = { 0 };
  g_autoptr(GPtrArray) grants = NULL;
  guint selected = 0;

  g_ptr_array_set_size (self->grant_ids, 0);
  g_ptr_array_add (self->grant_ids, NULL);
  gtk_string_list_append (names, _("None"));

  query.beneficiary_id = self->handover->beneficiary_id;
  grants = hmr_store_list_grants (self->store, self->actor, &query, NULL);
  for (guint i = 0; grants != NULL && i < grants->len; i++)
    {
      HmrGrantSummary *g = g_ptr_array_index (grants, i);
      gboolean funded = hmr_grant_status_is_funded (g->status);

      if (!funded && g_strcmp0 (g->id, self->handover->grant_id) != 0)
        continue;
      g_ptr_array_add (self->grant_ids, g_strdup (g->id));
      gtk_string_list_append (names, g->purpose);
      if (g_strcmp0 (g->id, self->handover->grant_id) == 0)
        selected = self->grant_ids->len - 1;
    }
  if (self->handover->grant_id != NULL && selected == 0)
    {
      g_ptr_array_add (self->grant_ids, g_strdup (self->handover->grant_id));
      gtk_string_list_append (names, hmr_gui_value_or_dash (self->handover->grant_purpose));
      selected = self->grant_ids->len - 1;
    }
  adw_combo_row_set_model (self->grant_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->grant_row, selected);
}

static void
show_record (HmrHandoverDialog *self)
{
  HmrHandover *h = self->handover;
  gboolean may_write = hmr_permission_allows (self->actor, HMR_ACTION_HANDOVER_WRITE,
                                              h->office_id ? h->office_id : self->actor->office_id);
  gboolean is_signed = hmr_handover_is_signed (h);
  g_autofree char *recipient = NULL;
  g_autofree char *date = hmr_gui_format_date (h->handed_on);

  self->read_only = is_signed || !may_write;

  for (guint i = 0; i < self->extra_rows->len; i++)
    adw_preferences_group_remove (self->history_group, g_ptr_array_index (self->extra_rows, i));
  g_ptr_array_set_size (self->extra_rows, 0);

  if (h->id == NULL)
    {
      adw_window_title_set_title (self->window_title, h->corrects_id ? _("Correcting Act") : _("New Handover"));
      adw_window_title_set_subtitle (self->window_title, _("Draft"));
    }
  else
    {
      /* Translators: the handover dialog's title; %s is the act's number */
      g_autofree char *title = g_strdup_printf (_("Handover Act %s"), h->number);

      adw_window_title_set_title (self->window_title, title);
      adw_window_title_set_subtitle (self->window_title, hmr_code_get_label (HMR_CODES_HANDOVER_STATUS, h->status));
    }
  gtk_window_set_title (GTK_WINDOW (self), adw_window_title_get_title (self->window_title));

  gtk_widget_set_visible (self->status_group, h->id != NULL);
  if (is_signed)
    {
      g_autofree char *at = hmr_gui_format_timestamp (h->signed_at);
      /* Translators: a signed act's status: when it was signed */
      g_autofree char *t = g_strdup_printf (_("Signed on %s: locked"), hmr_gui_value_or_dash (at));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), t);
      adw_action_row_set_subtitle (self->status_row,
                                   h->corrected_by_id ? _("A later act corrects this one.")
                                                      : _("A mistake is put right by a new act that corrects this one."));
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row), _("Draft: not signed yet"));
      adw_action_row_set_subtitle (self->status_row,
                                   h->corrects_id ? _("This act corrects an earlier signed act.")
                                                  : _("Print the act, have it signed, then sign it here."));
    }

  /* Translators: the recipient: full name, case number */
  recipient = g_strdup_printf (C_("recipient", "%s, %s"), hmr_gui_value_or_dash (h->full_name),
                               hmr_gui_value_or_dash (h->case_number));
  adw_action_row_set_subtitle (self->recipient_row, recipient);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date ? date : "");
  gtk_editable_set_text (GTK_EDITABLE (self->place_row), h->place ? h->place : "");
  gtk_editable_set_text (GTK_EDITABLE (self->received_by_row), h->received_by ? h->received_by : "");
  load_grant_choices (self);

  gtk_editable_set_editable (GTK_EDITABLE (self->date_row), !self->read_only);
  gtk_editable_set_editable (GTK_EDITABLE (self->place_row), !self->read_only);
  gtk_editable_set_editable (GTK_EDITABLE (self->received_by_row), !self->read_only);
  /* a locked act shows its values, not fields that look editable */
  adw_action_row_set_subtitle (self->grant_text_row,
                               h->grant_id ? hmr_gui_value_or_dash (h->grant_purpose) : _("None"));
  adw_action_row_set_subtitle (self->date_text_row, hmr_gui_value_or_dash (date));
  adw_action_row_set_subtitle (self->place_text_row, hmr_gui_value_or_dash (h->place));
  adw_action_row_set_subtitle (self->received_by_text_row, hmr_gui_value_or_dash (h->received_by));
  for (GtkWidget **w = (GtkWidget *[]) { GTK_WIDGET (self->grant_text_row), GTK_WIDGET (self->date_text_row),
                                         GTK_WIDGET (self->place_text_row), GTK_WIDGET (self->received_by_text_row),
                                         NULL };
       *w != NULL; w++)
    gtk_widget_set_visible (*w, self->read_only);
  for (GtkWidget **w = (GtkWidget *[]) { GTK_WIDGET (self->grant_row), self->date_row, self->place_row,
                                         self->received_by_row, NULL };
       *w != NULL; w++)
    gtk_widget_set_visible (*w, !self->read_only);
  gtk_widget_set_visible (self->add_item_list, !self->read_only);
  gtk_widget_set_visible (self->add_item_button, !self->read_only);
  gtk_widget_set_visible (self->add_witness_list, !self->read_only);
  gtk_widget_set_visible (self->add_witness_button, !self->read_only);
  gtk_widget_set_visible (self->add_photo_button, !self->read_only);
  gtk_widget_set_visible (self->save_button, !self->read_only);
  gtk_widget_set_visible (self->sign_button, !self->read_only);
  gtk_widget_set_visible (self->correct_button, is_signed && may_write && h->corrected_by_id == NULL);
  gtk_widget_set_visible (self->print_button, h->id != NULL || !self->read_only);
  /* once saved, closing loses nothing */
  gtk_button_set_label (GTK_BUTTON (self->close_button), h->id == NULL ? _("_Cancel") : _("_Close"));

  for (const char * const *a = (const char * const[]) { "handover.save", "handover.add-item", "handover.remove-item",
                                                        "handover.add-witness", "handover.remove-witness",
                                                        "handover.witness-role", "handover.add-photo",
                                                        "handover.remove-photo", "handover.sign", NULL };
       *a != NULL; a++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), *a, !self->read_only);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "handover.correct", gtk_widget_get_visible (self->correct_button));

  show_items (self);
  show_witnesses (self);
  show_photos (self);

  for (guint i = 0; i < h->history->len; i++)
    {
      HmrStateChange *c = g_ptr_array_index (h->history, i);
      g_autofree char *when = hmr_gui_format_timestamp (c->at);
      g_autofree char *s = NULL;
      GtkWidget *row;

      if (c->comment != NULL && c->comment[0] != '\0')
        s = g_strdup_printf (C_("history", "%s · %s — %s"), hmr_gui_value_or_dash (c->user_name),
                             hmr_gui_value_or_dash (when), c->comment);
      else
        s = g_strdup_printf (C_("history", "%s · %s"), hmr_gui_value_or_dash (c->user_name),
                             hmr_gui_value_or_dash (when));
      row = text_row (hmr_code_get_label (HMR_CODES_HANDOVER_STATUS, c->to_state), s, NULL);
      adw_preferences_group_add (self->history_group, row);
      g_ptr_array_add (self->extra_rows, g_object_ref (row));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), h->history->len > 0);
}

static void
read_fields (HmrHandoverDialog *self)
{
  HmrHandover *h = self->handover;
  guint grant = adw_combo_row_get_selected (self->grant_row);

  g_free (h->handed_on);
  h->handed_on = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  g_free (h->place);
  h->place = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->place_row)));
  g_free (h->received_by);
  h->received_by = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->received_by_row)));
  g_free (h->grant_id);
  h->grant_id = grant < self->grant_ids->len ? g_strdup (g_ptr_array_index (self->grant_ids, grant)) : NULL;
}

/* What the user typed, as text: two are equal when nothing changed */
static char *
dup_draft_text (HmrHandoverDialog *self)
{
  HmrHandover *h = self->handover;
  GString *out = g_string_new (NULL);

  read_fields (self);
  g_string_append_printf (out, "%s\x1f%s\x1f%s\x1f%s\x1f", h->handed_on, h->place, h->received_by,
                          h->grant_id ? h->grant_id : "");
  for (guint i = 0; i < h->items->len; i++)
    {
      HmrHandoverItem *it = g_ptr_array_index (h->items, i);
      g_string_append_printf (out, "%s|%.6f|%" G_GINT64_FORMAT "|%s\x1e", it->name, it->quantity,
                              it->unit_value, it->serial ? it->serial : "");
    }
  for (guint i = 0; i < h->witnesses->len; i++)
    {
      HmrHandoverWitness *w = g_ptr_array_index (h->witnesses, i);
      g_string_append_printf (out, "%s|%s\x1e", w->name, w->role);
    }
  return g_string_free (out, FALSE);
}

static void
remember_draft (HmrHandoverDialog *self)
{
  g_free (self->saved_text);
  self->saved_text = dup_draft_text (self);
}

static gboolean
close_later (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_discard_response (AdwMessageDialog  *dialog,
                     const char        *response,
                     HmrHandoverDialog *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  /* closed once the question is gone: it is transient for this window */
  self->closing = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_later, g_object_ref (self), g_object_unref);
}

static gboolean
hmr_handover_dialog_close_request (GtkWindow *window)
{
  HmrHandoverDialog *self = HMR_HANDOVER_DIALOG (window);
  g_autofree char *now = NULL;
  GtkWidget *dialog;

  if (self->closing || self->read_only)
    return GTK_WINDOW_CLASS (hmr_handover_dialog_parent_class)->close_request (window);
  now = dup_draft_text (self);
  if (g_strcmp0 (now, self->saved_text) == 0)
    return GTK_WINDOW_CLASS (hmr_handover_dialog_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (window, _("Discard Changes?"),
                                   _("The changes to this handover act are not saved."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

gboolean
hmr_handover_dialog_reload (HmrHandoverDialog *self,
                            const char        *id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *handover_id = g_strdup (id);
  HmrHandover *h = hmr_store_get_handover (self->store, self->actor, handover_id, &error);

  if (h == NULL)
    {
      hmr_handover_dialog_refusal (self, error->message);
      return FALSE;
    }
  g_clear_pointer (&self->handover, hmr_handover_free);
  self->handover = h;
  show_record (self);
  remember_draft (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
hmr_handover_dialog_save_draft (HmrHandoverDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  read_fields (self);
  if (self->handover->id == NULL)
    ok = hmr_store_insert_handover (self->store, self->actor, self->handover, &error);
  else
    ok = hmr_store_update_handover (self->store, self->actor, self->handover, &error);
  if (!ok)
    {
      hmr_handover_dialog_refusal (self, error->message);
      return FALSE;
    }
  return hmr_handover_dialog_reload (self, self->handover->id);
}

/* ---- actions ---------------------------------------------------------- */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  if (hmr_handover_dialog_save_draft (HMR_HANDOVER_DIALOG (widget)))
    hmr_handover_dialog_toast (HMR_HANDOVER_DIALOG (widget), _("Draft saved"));
}

static void
clear_entries (GtkWidget *first,
               GtkWidget *stop)
{
  for (GtkWidget *row = first; row != NULL && row != stop; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_EDITABLE (row))
      gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HmrHandoverDialog *self = HMR_HANDOVER_DIALOG (widget);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->item_name_row))));
  const char *serial = gtk_editable_get_text (GTK_EDITABLE (self->item_serial_row));
  const char *value_text = gtk_editable_get_text (GTK_EDITABLE (self->item_value_row));
  double quantity;
  gint64 value = 0;
  GtkWidget *wrong = NULL;
  const char *message = NULL;

  if (name[0] == '\0')
    wrong = self->item_name_row, message = _("Item: say what is handed over.");
  else if (!hmr_gui_parse_quantity (gtk_editable_get_text (GTK_EDITABLE (self->item_quantity_row)), &quantity))
    wrong = self->item_quantity_row, message = _("Quantity: write a number above zero, for example 1 or 2.5.");
  else if (value_text[0] != '\0' && !hmr_money_parse (value_text, &value))
    wrong = self->item_value_row, message = _("Unit value: write the price in somoni, for example 3200 or 3200,50.");
  if (wrong != NULL)
    {
      hmr_gui_field_error (wrong, self->item_error_row, self->item_error_label, message);
      gtk_widget_grab_focus (wrong);
      return;
    }
  hmr_handover_add_item (self->handover, name, quantity, value, serial[0] != '\0' ? serial : NULL);
  hmr_gui_field_error (self->item_name_row, self->item_error_row, self->item_error_label, NULL);
  clear_entries (self->item_name_row, self->item_error_row);
  show_items (self);
  gtk_widget_grab_focus (self->item_name_row);
}

static void
on_add_item (HmrHandoverDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "handover.add-item", NULL);
}

static void
remove_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HmrHandoverDialog *self = HMR_HANDOVER_DIALOG (widget);
  guint i = g_variant_get_uint32 (parameter);

  if (i < self->handover->items->len)
    g_ptr_array_remove_index (self->handover->items, i);
  show_items (self);
}

static void
add_witness_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HmrHandoverDialog *self = HMR_HANDOVER_DIALOG (widget);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->witness_name_row))));
  g_autofree char *role = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->witness_role_row))));

  if (name[0] == '\0' || role[0] == '\0')
    {
      GtkWidget *wrong = name[0] == '\0' ? self->witness_name_row : self->witness_role_row;

      hmr_gui_field_error (wrong, self->witness_error_row, self->witness_error_label,
                           _("Witness: give the name and who they are, for example the jamoat chairman."));
      gtk_widget_grab_focus (wrong);
      return;
    }
  hmr_handover_add_witness (self->handover, name, role);
  hmr_gui_field_error (self->witness_name_row, self->witness_error_row, self->witness_error_label, NULL);
  hmr_gui_field_error (self->witness_role_row, self->witness_error_row, self->witness_error_label, NULL);
  clear_entries (self->witness_name_row, self->witness_error_row);
  show_witnesses (self);
  gtk_widget_grab_focus (self->witness_name_row);
}

static void
on_add_witness (HmrHandoverDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "handover.add-witness", NULL);
}

static void
witness_role_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HmrHandoverDialog *self = HMR_HANDOVER_DIALOG (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->witness_role_row), g_variant_get_string (parameter, NULL));
  gtk_widget_grab_focus (self->witness_role_row);
}

static void
remove_witness_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HmrHandoverDialog *self = HMR_HANDOVER_DIALOG (widget);
  guint i = g_variant_get_uint32 (parameter);

  if (i < self->handover->witnesses->len)
    g_ptr_array_remove_index (self->handover->witnesses, i);
  show_witnesses (self);
}

/* ---- GObject -------------------------------------------------------- */

static void
hmr_handover_dialog_dispose (GObject *object)
{
  HmrHandoverDialog *self = HMR_HANDOVER_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HMR_TYPE_HANDOVER_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, hmr_actor_free);
  g_clear_pointer (&self->handover, hmr_handover_free);
  g_clear_pointer (&self->grant_ids, g_ptr_array_unref);
  g_clear_pointer (&self->extra_rows, g_ptr_array_unref);
  g_clear_pointer (&self->saved_text, g_free);

  G_OBJECT_CLASS (hmr_handover_dialog_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, HmrHandoverDialog, name)

static void
hmr_handover_dialog_class_init (HmrHandoverDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hmr_handover_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = hmr_handover_dialog_close_request;

  /**
   * HmrHandoverDialog::changed:
   *
   * Emitted after the act was saved, signed or its photos changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/grants/hmr-handover-dialog.ui");
  BIND (window_title); BIND (toast_overlay); BIND (close_button); BIND (save_button);
  BIND (status_group); BIND (status_row); BIND (recipient_row); BIND (grant_row);
  BIND (grant_text_row); BIND (date_text_row); BIND (place_text_row); BIND (received_by_text_row); BIND (date_row);
  BIND (place_row); BIND (received_by_row); BIND (items_list); BIND (add_item_list); BIND (add_item_button);
  BIND (item_name_row); BIND (item_quantity_row); BIND (item_value_row); BIND (item_serial_row);
  BIND (item_error_row); BIND (item_error_label); BIND (witnesses_list); BIND (add_witness_list);
  BIND (add_witness_button); BIND (witness_name_row); BIND (witness_role_row); BIND (role_menu_button);
  BIND (witness_error_row); BIND (witness_error_label); BIND (photos_group); BIND (photos_list);
  BIND (add_photo_button); BIND (history_group); BIND (sign_button); BIND (print_button); BIND (correct_button);
  gtk_widget_class_bind_template_callback (widget_class, on_add_item);
  gtk_widget_class_bind_template_callback (widget_class, on_add_witness);

  gtk_widget_class_install_action (widget_class, "handover.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "handover.add-item", NULL, add_item_action);
  gtk_widget_class_install_action (widget_class, "handover.remove-item", "u", remove_item_action);
  gtk_widget_class_install_action (widget_class, "handover.add-witness", NULL, add_witness_action);
  gtk_widget_class_install_action (widget_class, "handover.remove-witness", "u", remove_witness_action);
  gtk_widget_class_install_action (widget_class, "handover.witness-role", "s", witness_role_action);
  hmr_handover_dialog_class_init_steps (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "handover.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hmr_handover_dialog_init (HmrHandoverDialog *self)
{
  g_autoptr(GMenu) roles = g_menu_new ();
  const char * const *suggestions = hmr_witness_role_suggestions ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->grant_ids = g_ptr_array_new_with_free_func (g_free);
  self->extra_rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; suggestions[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (suggestions[i], NULL);
      g_menu_item_set_action_and_target_value (item, "handover.witness-role", g_variant_new_string (suggestions[i]));
      g_menu_append_item (roles, item);
    }
  gtk_menu_button_set_menu_model (self->role_menu_button, G_MENU_MODEL (roles));
}

HmrHandoverDialog *
hmr_handover_dialog_new_internal (GtkWindow      *parent,
                                  HmrStore       *store,
                                  const HmrActor *actor,
                                  HmrHandover    *handover)
{
  HmrHandoverDialog *self = g_object_new (HMR_TYPE_HANDOVER_DIALOG, "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  self->actor = hmr_actor_copy (actor);
  self->handover = handover;
  show_record (self);
  remember_draft (self);
  return self;
}

/**
 * hmr_handover_dialog_new_draft:
 * @grant_id: (nullable): the grant that paid for the items
 *
 * Returns: (transfer none) (nullable): a dialog for a new act for the
 *   beneficiary, or %NULL with @error set
 */
HmrHandoverDialog *
hmr_handover_dialog_new_draft (GtkWindow       *parent,
                               HmrStore        *store,
                               const HmrActor  *actor,
                               const char      *beneficiary_id,
                               const char      *grant_id,
                               GError         **error)
{
  g_autoptr(HmrBeneficiary) b = NULL;
  HmrHandover *h;
  GDate today;

  if (!hmr_permission_allows (actor, HMR_ACTION_HANDOVER_WRITE, NULL))
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED,
                   _("Refused: handovers are recorded by the caseworker or finance."));
      return NULL;
    }
  b = hmr_store_get_beneficiary (store, actor, beneficiary_id, error);
  if (b == NULL)
    return NULL;

  h = hmr_handover_new ();
  hmr_store_get_today (store, &today);
  h->handed_on = hmr_format_date (&today);
  h->beneficiary_id = g_strdup (beneficiary_id);
  h->grant_id = g_strdup (grant_id);
  h->office_id = g_strdup (hmr_beneficiary_get (b, HMR_BENEFICIARY_OFFICE_ID));
  h->case_number = g_strdup (hmr_beneficiary_get (b, HMR_BENEFICIARY_CASE_NUMBER));
  h->full_name = hmr_beneficiary_dup_full_name (b);
  h->received_by = g_strdup (h->full_name);
  return hmr_handover_dialog_new_internal (parent, store, actor, h);
}

HmrHandoverDialog *
hmr_handover_dialog_new_for_handover (GtkWindow       *parent,
                                      HmrStore        *store,
                                      const HmrActor  *actor,
                                      const char      *handover_id,
                                      GError         **error)
{
  HmrHandover *h = hmr_store_get_handover (store, actor, handover_id, error);

  if (h == NULL)
    return NULL;
  return hmr_handover_dialog_new_internal (parent, store, actor, h);
}

const HmrHandover *
hmr_handover_dialog_get_handover (HmrHandoverDialog *self)
{
  g_return_val_if_fail (HMR_IS_HANDOVER_DIALOG (self), NULL);
  return self->handover;
}

gboolean
hmr_handover_dialog_get_read_only (HmrHandoverDialog *self)
{
  g_return_val_if_fail (HMR_IS_HANDOVER_DIALOG (self), TRUE);
  return self->read_only;
}

/* For tests: a widget of the template by its id */
GtkWidget *
hmr_handover_dialog_get_widget (HmrHandoverDialog *self,
                                const char        *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), HMR_TYPE_HANDOVER_DIALOG, name));
}

