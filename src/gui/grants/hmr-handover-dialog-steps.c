/* hmr-handover-dialog-steps.c — photos, signing, printing and correcting
 * a handover act
 *
 * Photos belong to a saved draft.  Signing asks once and locks the act;
 * a signed act is corrected by a new draft that names it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-labels.h"
#include "hmr-handover-dialog-private.h"
#include "hmr-grant-util.h"
#include "hmr-gui-util.h"

static void
on_photo_chosen (GtkNativeDialog   *chooser,
                 int                response,
                 HmrHandoverDialog *self)
{
  g_autoptr(GListModel) files = NULL;
  guint added = 0;

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
  for (guint i = 0; files != NULL && i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, &error);
      g_autofree char *name = g_file_get_basename (file);

      if (bytes == NULL ||
          !hmr_store_add_handover_photo (self->store, self->actor, self->handover->id, name, bytes, NULL, &error))
        {
          hmr_handover_dialog_refusal (self, error->message);
          break;
        }
      added++;
    }
  if (added > 0 && hmr_handover_dialog_reload (self, self->handover->id))
    hmr_handover_dialog_toast (self, g_dngettext (NULL, "Photo added", "Photos added", added));
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
add_photo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HmrHandoverDialog *self = HMR_HANDOVER_DIALOG (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  /* a photo belongs to a saved draft */
  if (!hmr_handover_dialog_save_draft (self))
    return;
  chooser = gtk_file_chooser_native_new (_("Add Photos of the Handover"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Images"));
  gtk_file_filter_add_pixbuf_formats (filter);
  gtk_file_filter_add_mime_type (filter, "image/*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_photo_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
remove_photo_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HmrHandoverDialog *self = HMR_HANDOVER_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!hmr_store_remove_handover_photo (self->store, self->actor, self->handover->id,
                                        g_variant_get_string (parameter, NULL), &error))
    hmr_handover_dialog_refusal (self, error->message);
  else
    hmr_handover_dialog_reload (self, self->handover->id);
}

static void
on_sign_response (AdwMessageDialog  *dialog,
                  const char        *response,
                  HmrHandoverDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "sign") != 0)
    return;
  if (!hmr_handover_dialog_save_draft (self))
    return;
  if (!hmr_store_sign_handover (self->store, self->actor, self->handover->id, NULL, NULL, NULL, &error))
    {
      hmr_handover_dialog_refusal (self, error->message);
      return;
    }
  if (hmr_handover_dialog_reload (self, self->handover->id))
    hmr_handover_dialog_toast (self, _("Act signed"));
}

static void
sign_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HmrHandoverDialog *self = HMR_HANDOVER_DIALOG (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Sign the Act?"),
                                   _("Sign it once the recipient and the witnesses have signed the paper. "
                                     "A signed act cannot be changed; a mistake is put right by a new act."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "sign", _("_Sign"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "sign", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_sign_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HmrHandoverDialog *self = HMR_HANDOVER_DIALOG (widget);

  if (!self->read_only && !hmr_handover_dialog_save_draft (self))
    return;
  hmr_gui_print_act (widget, self->store, self->actor, HMR_PRINT_HANDOVER_ACT, self->handover->id,
                     self->handover->number);
}

static void
correct_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HmrHandoverDialog *self = HMR_HANDOVER_DIALOG (widget);
  HmrHandover *old = self->handover;
  HmrHandover *h = hmr_handover_new ();
  GDate today;

  hmr_store_get_today (self->store, &today);
  h->beneficiary_id = g_strdup (old->beneficiary_id);
  h->grant_id = g_strdup (old->grant_id);
  h->grant_purpose = g_strdup (old->grant_purpose);
  h->corrects_id = g_strdup (old->id);
  h->handed_on = hmr_format_date (&today);
  h->place = g_strdup (old->place);
  h->received_by = g_strdup (old->received_by);
  h->full_name = g_strdup (old->full_name);
  h->case_number = g_strdup (old->case_number);
  h->office_id = g_strdup (old->office_id);
  for (guint i = 0; i < old->items->len; i++)
    {
      HmrHandoverItem *it = g_ptr_array_index (old->items, i);
      hmr_handover_add_item (h, it->name, it->quantity, it->unit_value, it->serial);
    }
  for (guint i = 0; i < old->witnesses->len; i++)
    {
      HmrHandoverWitness *w = g_ptr_array_index (old->witnesses, i);
      hmr_handover_add_witness (h, w->name, w->role);
    }
  gtk_window_present (GTK_WINDOW (hmr_handover_dialog_new_internal (gtk_window_get_transient_for (GTK_WINDOW (self)),
                                              self->store, self->actor, h)));
  gtk_window_destroy (GTK_WINDOW (self));
}

void
hmr_handover_dialog_class_init_steps (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "handover.add-photo", NULL, add_photo_action);
  gtk_widget_class_install_action (widget_class, "handover.remove-photo", "s", remove_photo_action);
  gtk_widget_class_install_action (widget_class, "handover.sign", NULL, sign_action);
  gtk_widget_class_install_action (widget_class, "handover.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "handover.correct", NULL, correct_action);
}
