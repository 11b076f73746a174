/* hmr-grant-dialog-steps.c — the steps after the draft: a supervisor's
 * decision, cancelling, and finance's tranches, verification and receipt;
 * and the question before unsaved changes to a draft are discarded
 *
 * Each step asks the store, which checks the role and the workflow; a
 * refusal is shown beside the field it is about, or as a toast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-grant-dialog-private.h"
#include "hmr-grant-util.h"
#include "hmr-gui-util.h"
#include "hmr-handover-dialog.h"
#include "hmr-tranche-dialog.h"
#include "hmr-money.h"

/* ---- the decision ----------------------------------------------------- */

static const char *
comment_text (HmrGrantDialog *self)
{
  const char *c = gtk_editable_get_text (GTK_EDITABLE (self->comment_row));
  return c[0] != '\0' ? c : NULL;
}

static void
approve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HmrGrantDialog *self = HMR_GRANT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  gint64 amount;

  if (!hmr_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->approve_amount_row)), &amount))
    {
      hmr_gui_field_error (self->approve_amount_row, self->approve_amount_error_row, self->approve_amount_error_label,
                           _("Approved amount: write the sum in somoni, for example 5874 or 5874,50."));
      return;
    }
  if (!hmr_store_approve_grant (self->store, self->actor, self->grant->id, amount, comment_text (self), &error))
    {
      if (amount <= 0 || amount > self->grant->amount_requested)
        hmr_gui_field_error (self->approve_amount_row, self->approve_amount_error_row,
                             self->approve_amount_error_label, error->message);
      else
        hmr_grant_dialog_refusal (self, error->message);
      return;
    }
  if (hmr_grant_dialog_reload (self, self->grant->id))
    hmr_grant_dialog_toast (self, _("Grant approved"));
}

static void
reject_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HmrGrantDialog *self = HMR_GRANT_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (comment_text (self) == NULL)
    {
      hmr_gui_field_error (self->comment_row, self->comment_error_row, self->comment_error_label,
                           _("Comment: say why the grant is rejected; the caseworker reads it."));
      gtk_widget_grab_focus (self->comment_row);
      return;
    }
  if (!hmr_store_reject_grant (self->store, self->actor, self->grant->id, comment_text (self), &error))
    {
      hmr_grant_dialog_refusal (self, error->message);
      return;
    }
  if (hmr_grant_dialog_reload (self, self->grant->id))
    hmr_grant_dialog_toast (self, _("Grant rejected"));
}

static void
on_cancel_response (AdwMessageDialog *dialog,
                    const char       *response,
                    HmrGrantDialog   *self)
{
  GtkEditable *reason = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "cancel-grant") != 0)
    return;
  if (!hmr_store_cancel_grant (self->store, self->actor, self->grant->id,
                               gtk_editable_get_text (reason), &error))
    {
      hmr_grant_dialog_refusal (self, error->message);
      return;
    }
  if (hmr_grant_dialog_reload (self, self->grant->id))
    hmr_grant_dialog_toast (self, _("Grant cancelled"));
}

static void
on_reason_changed (GtkEditable      *entry,
                   AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  adw_message_dialog_set_response_enabled (dialog, "cancel-grant", text[0] != '\0');
}

static void
cancel_grant_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HmrGrantDialog *self = HMR_GRANT_DIALOG (widget);
  GtkWidget *dialog, *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Cancel the Grant?"),
                                   _("No more money can be paid on a cancelled grant. Say why it is cancelled."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason"));
  hmr_gui_set_accessible_label (entry, _("Reason"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep the Grant"),
                                    "cancel-grant", _("C_ancel the Grant"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "cancel-grant",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "cancel-grant", FALSE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect (entry, "changed", G_CALLBACK (on_reason_changed), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_cancel_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- money -------------------------------------------------------------- */

static void
on_tranche_recorded (HmrGrantDialog *self)
{
  if (hmr_grant_dialog_reload (self, self->grant->id))
    hmr_grant_dialog_toast (self, _("Tranche recorded"));
}

static void
record_tranche_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HmrGrantDialog *self = HMR_GRANT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  HmrTrancheDialog *dialog;

  dialog = hmr_tranche_dialog_new (GTK_WINDOW (self), self->store, self->actor, self->grant->id, &error);
  if (dialog == NULL)
    {
      hmr_grant_dialog_refusal (self, error->message);
      return;
    }
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (on_tranche_recorded), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
verify_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HmrGrantDialog *self = HMR_GRANT_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!hmr_store_verify_grant (self->store, self->actor, self->grant->id, NULL, &error))
    {
      hmr_grant_dialog_refusal (self, error->message);
      return;
    }
  if (hmr_grant_dialog_reload (self, self->grant->id))
    hmr_grant_dialog_toast (self, _("Grant verified"));
}

static void
print_receipt_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HmrGrantDialog *self = HMR_GRANT_DIALOG (widget);

  hmr_gui_print_act (widget, self->store, self->actor, HMR_PRINT_GRANT_RECEIPT, self->grant->id,
                     self->grant->number);
}

static void
new_handover_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HmrGrantDialog *self = HMR_GRANT_DIALOG (widget);
  HmrGrantMember *first = g_ptr_array_index (self->grant->members, 0);
  g_autoptr(GError) error = NULL;
  HmrHandoverDialog *dialog;

  dialog = hmr_handover_dialog_new_draft (GTK_WINDOW (self), self->store, self->actor,
                                          first->beneficiary_id, self->grant->id, &error);
  if (dialog == NULL)
    hmr_grant_dialog_refusal (self, error->message);
  else
    gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- closing ---------------------------------------------------------- */

static gboolean
close_later (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_discard_response (AdwMessageDialog *dialog,
                     const char       *response,
                     HmrGrantDialog   *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  /* closed once the question is gone: it is transient for this window */
  self->closing = TRUE;
  g_idle_add_full (G_PRIORITY_DEFAULT, close_later, g_object_ref (self), g_object_unref);
}

gboolean
hmr_grant_dialog_close_request (GtkWindow *window)
{
  HmrGrantDialog *self = HMR_GRANT_DIALOG (window);
  g_autofree char *now = NULL;
  GtkWidget *dialog;

  if (self->closing || !self->editable)
    return GTK_WINDOW_CLASS (g_type_class_peek_parent (G_OBJECT_GET_CLASS (window)))->close_request (window);
  now = hmr_grant_dialog_dup_draft_text (self);
  if (g_strcmp0 (now, self->saved_text) == 0)
    return GTK_WINDOW_CLASS (g_type_class_peek_parent (G_OBJECT_GET_CLASS (window)))->close_request (window);

  dialog = adw_message_dialog_new (window, _("Discard Changes?"),
                                   _("The changes to this grant are not saved."));
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

void
hmr_grant_dialog_class_init_steps (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "grant.approve", NULL, approve_action);
  gtk_widget_class_install_action (widget_class, "grant.reject", NULL, reject_action);
  gtk_widget_class_install_action (widget_class, "grant.cancel-grant", NULL, cancel_grant_action);
  gtk_widget_class_install_action (widget_class, "grant.record-tranche", NULL, record_tranche_action);
  gtk_widget_class_install_action (widget_class, "grant.verify", NULL, verify_action);
  gtk_widget_class_install_action (widget_class, "grant.print-receipt", NULL, print_receipt_action);
  gtk_widget_class_install_action (widget_class, "grant.new-handover", NULL, new_handover_action);
}
