/* hmr-close-case-dialog.c
 *
 * One small dialog whose question depends on the case and the role: a
 * caseworker asks a supervisor to close an open case (or withdraws the
 * request); a supervisor closes it, or approves or refuses the request;
 * anyone who works on the case reopens a closed one.  Each needs a reason
 * or, to refuse, a comment: the button stays off until there is one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-close-case-dialog.h"
#include "hmr-follow-up-util.h"
#include "hmr-gui-util.h"
#include "hmr-workflow.h"

typedef enum
{
  MODE_REQUEST,       /* a caseworker asks to close */
  MODE_CLOSE,         /* a supervisor closes */
  MODE_DECIDE,        /* a supervisor decides on a request */
  MODE_PENDING,       /* a caseworker sees their request waiting */
  MODE_REOPEN,        /* the case is closed */
} Mode;

struct _HmrCloseCaseDialog
{
  AdwMessageDialog  parent_instance;

  HmrStore         *store;
  HmrActor         *actor;
  HmrCaseInfo      *info;
  GtkWidget        *parent;       /* weak: where to show refusals */
  Mode              mode;

  /* Template widgets */
  GtkEntry         *reason_entry;
};

G_DEFINE_FINAL_TYPE (HmrCloseCaseDialog, hmr_close_case_dialog, ADW_TYPE_MESSAGE_DIALOG)

static const char *
main_response (HmrCloseCaseDialog *self)
{
  switch (self->mode)
    {
    case MODE_REQUEST: return "request";
    case MODE_CLOSE: return "close";
    case MODE_DECIDE: return "refuse";
    case MODE_REOPEN: return "reopen";
    case MODE_PENDING:
    default:
      return NULL;
    }
}

static void
on_reason_changed (HmrCloseCaseDialog *self)
{
  const char *response = main_response (self);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_entry))));

  if (response != NULL)
    adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), response, text[0] != '\0');
}

static void
hmr_close_case_dialog_response (AdwMessageDialog *dialog,
                                const char       *response)
{
  HmrCloseCaseDialog *self = HMR_CLOSE_CASE_DIALOG (dialog);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_entry))));
  g_autoptr(GError) error = NULL;
  g_autofree char *request = NULL;
  const char *reason = text[0] != '\0' ? text : NULL;
  gboolean ok = TRUE;
  gboolean acted = TRUE;

  if (g_strcmp0 (response, "request") == 0)
    ok = (request = hmr_store_request_closure (self->store, self->actor, self->info->id, reason, &error)) != NULL;
  else if (g_strcmp0 (response, "close") == 0)
    ok = hmr_store_close_case (self->store, self->actor, self->info->id, reason, &error);
  else if (g_strcmp0 (response, "approve") == 0)
    ok = hmr_store_decide_closure (self->store, self->actor, self->info->closure_request_id, TRUE,
                                   reason, &error);
  else if (g_strcmp0 (response, "refuse") == 0)
    ok = hmr_store_decide_closure (self->store, self->actor, self->info->closure_request_id, FALSE,
                                   reason, &error);
  else if (g_strcmp0 (response, "withdraw") == 0)
    ok = hmr_store_withdraw_closure (self->store, self->actor, self->info->closure_request_id, &error);
  else if (g_strcmp0 (response, "reopen") == 0)
    ok = hmr_store_reopen_case (self->store, self->actor, self->info->id, reason, &error);
  else
    acted = FALSE;

  if (self->parent != NULL && acted)
    {
      if (!ok)
        hmr_gui_show_refusal (self->parent, error->message);
    }

  if (ADW_MESSAGE_DIALOG_CLASS (hmr_close_case_dialog_parent_class)->response)
    ADW_MESSAGE_DIALOG_CLASS (hmr_close_case_dialog_parent_class)->response (dialog, response);
}

static void
set_up (HmrCloseCaseDialog *self,
        const char         *name)
{
  AdwMessageDialog *d = ADW_MESSAGE_DIALOG (self);
  gboolean may_close = hmr_workflow_may_move (self->actor, HMR_RECORD_CASE, self->info->stage, "closed",
                                              self->info->office_id, "-", NULL);
  g_autofree char *when = NULL;

  if (g_strcmp0 (self->info->status, "closed") == 0)
    self->mode = MODE_REOPEN;
  else if (self->info->closure_request_id != NULL)
    self->mode = may_close ? MODE_DECIDE : MODE_PENDING;
  else
    self->mode = may_close ? MODE_CLOSE : MODE_REQUEST;

  adw_message_dialog_add_response (d, "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (d, "cancel");
  switch (self->mode)
    {
    case MODE_REQUEST:
      adw_message_dialog_set_heading (d, _("Ask to Close This Case?"));
      adw_message_dialog_format_body (d, _("A supervisor decides whether the case of %s is closed. Say why it can be closed."),
                                      name);
      gtk_entry_set_placeholder_text (self->reason_entry, _("Reason for closing"));
      adw_message_dialog_add_response (d, "request", _("_Ask to Close"));
      adw_message_dialog_set_response_appearance (d, "request", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (d, "request");
      break;
    case MODE_CLOSE:
      adw_message_dialog_set_heading (d, _("Close This Case?"));
      adw_message_dialog_format_body (d, _("The case of %s is closed and its planned follow-ups are cancelled. It can be reopened later."),
                                      name);
      gtk_entry_set_placeholder_text (self->reason_entry, _("Reason for closing"));
      adw_message_dialog_add_response (d, "close", _("C_lose Case"));
      adw_message_dialog_set_response_appearance (d, "close", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (d, "close");
      break;
    case MODE_DECIDE:
      when = hmr_gui_format_timestamp (self->info->closure_requested_at);
      adw_message_dialog_set_heading (d, _("Close This Case?"));
      /* Translators: who asked, when, the person, and why */
      adw_message_dialog_format_body (d, _("%s asked on %s to close the case of %s:\n“%s”"),
                                      hmr_gui_value_or_dash (self->info->closure_requested_by),
                                      when ? when : "", name,
                                      hmr_gui_value_or_dash (self->info->closure_request_reason));
      gtk_entry_set_placeholder_text (self->reason_entry, _("Comment (needed to keep it open)"));
      adw_message_dialog_add_response (d, "refuse", _("_Keep Open"));
      adw_message_dialog_add_response (d, "approve", _("C_lose Case"));
      adw_message_dialog_set_response_appearance (d, "approve", ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (d, "approve");
      break;
    case MODE_PENDING:
      when = hmr_gui_format_timestamp (self->info->closure_requested_at);
      adw_message_dialog_set_heading (d, _("Closing Asked For"));
      adw_message_dialog_format_body (d, _("%s asked on %s to close this case:\n“%s”\nA supervisor decides."),
                                      hmr_gui_value_or_dash (self->info->closure_requested_by),
                                      when ? when : "",
                                      hmr_gui_value_or_dash (self->info->closure_request_reason));
      gtk_widget_set_visible (GTK_WIDGET (self->reason_entry), FALSE);
      adw_message_dialog_add_response (d, "withdraw", _("_Withdraw Request"));
      adw_message_dialog_set_default_response (d, "cancel");
      break;
    case MODE_REOPEN:
    default:
      when = hmr_gui_format_date (self->info->closed_on);
      adw_message_dialog_set_heading (d, _("Reopen This Case?"));
      adw_message_dialog_format_body (d, _("The case of %s was closed on %s:\n“%s”\nSay why it is opened again."),
                                      name, when ? when : "—",
                                      hmr_gui_value_or_dash (self->info->closure_reason));
      gtk_entry_set_placeholder_text (self->reason_entry, _("Reason for reopening"));
      adw_message_dialog_add_response (d, "reopen", _("_Reopen"));
      adw_message_dialog_set_response_appearance (d, "reopen", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (d, "reopen");
      break;
    }
  hmr_gui_set_accessible_label (GTK_WIDGET (self->reason_entry),
                                gtk_entry_get_placeholder_text (self->reason_entry));
  on_reason_changed (self);
}

/* ---- GObject -------------------------------------------------------- */

static void
hmr_close_case_dialog_dispose (GObject *object)
{
  HmrCloseCaseDialog *self = HMR_CLOSE_CASE_DIALOG (object);

  g_clear_weak_pointer (&self->parent);
  /* AdwMessageDialog disposes its extra child itself */
  G_OBJECT_CLASS (hmr_close_case_dialog_parent_class)->dispose (object);
}

static void
hmr_close_case_dialog_finalize (GObject *object)
{
  HmrCloseCaseDialog *self = HMR_CLOSE_CASE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, hmr_actor_free);
  g_clear_pointer (&self->info, hmr_case_info_free);
  G_OBJECT_CLASS (hmr_close_case_dialog_parent_class)->finalize (object);
}

static void
hmr_close_case_dialog_class_init (HmrCloseCaseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = hmr_close_case_dialog_dispose;
  object_class->finalize = hmr_close_case_dialog_finalize;
  dialog_class->response = hmr_close_case_dialog_response;

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/care/hmr-close-case-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrCloseCaseDialog, reason_entry);
}

static void
hmr_close_case_dialog_init (HmrCloseCaseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->reason_entry, "changed", G_CALLBACK (on_reason_changed), self);
}

/**
 * hmr_close_case_dialog_new:
 *
 * Returns: (transfer floating) (nullable): the dialog for the case of
 *   @beneficiary_id; %NULL when it cannot be read
 */
HmrCloseCaseDialog *
hmr_close_case_dialog_new (HmrStore        *store,
                           const HmrActor  *actor,
                           const char      *beneficiary_id,
                           GError         **error)
{
  g_autofree char *name = NULL;
  g_autofree char *case_id = NULL;
  HmrCaseInfo *info;
  HmrCloseCaseDialog *self;

  g_return_val_if_fail (HMR_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  case_id = hmr_fu_gui_dup_case_id (store, actor, beneficiary_id, &name, error);
  if (case_id == NULL)
    return NULL;
  info = hmr_store_get_case (store, actor, case_id, error);
  if (info == NULL)
    return NULL;

  self = g_object_new (HMR_TYPE_CLOSE_CASE_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->actor = hmr_actor_copy (actor);
  self->info = info;
  set_up (self, name);
  return self;
}

void
hmr_close_case_dialog_set_reason (HmrCloseCaseDialog *self,
                                  const char         *reason)
{
  g_return_if_fail (HMR_IS_CLOSE_CASE_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->reason_entry), reason);
}

HmrCloseCaseDialog *
hmr_close_case_dialog_open (GtkWidget      *parent,
                            HmrStore       *store,
                            const HmrActor *actor,
                            const char     *beneficiary_id)
{
  g_autoptr(GError) error = NULL;
  HmrCloseCaseDialog *self = hmr_close_case_dialog_new (store, actor, beneficiary_id, &error);

  if (self != NULL)
    g_set_weak_pointer (&self->parent, parent);
  if (!hmr_gui_present_dialog (GTK_WINDOW (self), error, parent, NULL, NULL, NULL))
    return NULL;
  return self;
}

