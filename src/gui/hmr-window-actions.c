/* hmr-window-actions.c — what any widget in the main window may ask of it
 *
 * Pages, rows and dialogs never call the window: they activate one of its
 * actions by name, with the beneficiary's id as the parameter.
 *
 *   win.open-case-file  "s"  show the case file in the Beneficiaries area
 *   win.show-area       "s"  show an area by name ("today", …)
 *   win.refer           "s"  a new referral
 *   win.propose-grant   "s"  a new draft grant
 *   win.new-handover    "s"  a new handover act
 *   win.follow-up       "s"  record or schedule a follow-up
 *   win.plan            "s"  the assessment and reintegration plan
 *   win.close-case      "s"  ask for (or decide on) the case's closure
 *   win.import               the Import People assistant
 *   win.move-case       "s"  move the case to another stage (a supervisor)
 *   win.reassign-case   "s"  give the case to another caseworker of its office
 *   win.transfer-case   "s"  transfer the case to another office
 *
 * The dialogs get the window's context (store and user); what they save,
 * the store announces to every area.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-case-move-dialog.h"
#include "hmr-close-case-dialog.h"
#include "hmr-follow-up-dialog.h"
#include "hmr-grant-dialog.h"
#include "hmr-grant-util.h"
#include "hmr-handover-dialog.h"
#include "hmr-import-assistant.h"
#include "hmr-plan-dialog.h"
#include "hmr-referral-dialog.h"
#include "hmr-window.h"
#include "hmr-window-actions.h"

static const char *
param_id (GVariant *parameter)
{
  return g_variant_get_string (parameter, NULL);
}

static void
open_case_file_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HmrWindow *self = HMR_WINDOW (widget);

  if (!hmr_window_open_case_file (self, param_id (parameter)))
    hmr_gui_window_refusal (widget, _("This case file cannot be opened: it was removed, or your role may not read it."));
}

static void
show_area_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  hmr_window_show_area (HMR_WINDOW (widget), param_id (parameter));
}

static void
refer_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HmrContext *context = hmr_window_get_context (HMR_WINDOW (widget));
  const HmrActor *actor = hmr_context_get_actor (context);
  HmrReferralDialog *dialog;

  if (!hmr_permission_allows (actor, HMR_ACTION_REFERRAL_WRITE, NULL))
    {
      g_autofree char *body = g_strdup_printf (_("Refused: the %s role may not refer beneficiaries to services."),
                                               hmr_role_get_label (actor->role));
      hmr_gui_window_refusal (widget, body);
      return;
    }

  dialog = hmr_referral_dialog_new_for_beneficiary (hmr_context_get_store (context), actor,
                                                    param_id (parameter));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (widget));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
propose_grant_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HmrContext *context = hmr_window_get_context (HMR_WINDOW (widget));
  g_autoptr(GError) error = NULL;
  HmrGrantDialog *dialog;

  dialog = hmr_grant_dialog_new_draft (GTK_WINDOW (widget), hmr_context_get_store (context),
                                       hmr_context_get_actor (context), param_id (parameter), &error);
  if (dialog == NULL)
    {
      hmr_gui_window_refusal (widget, error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_handover_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HmrContext *context = hmr_window_get_context (HMR_WINDOW (widget));
  g_autoptr(GError) error = NULL;
  HmrHandoverDialog *dialog;

  dialog = hmr_handover_dialog_new_draft (GTK_WINDOW (widget), hmr_context_get_store (context),
                                          hmr_context_get_actor (context), param_id (parameter),
                                          NULL, &error);
  if (dialog == NULL)
    {
      hmr_gui_window_refusal (widget, error->message);
      return;
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
follow_up_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HmrContext *context = hmr_window_get_context (HMR_WINDOW (widget));

  hmr_follow_up_dialog_open (widget, hmr_context_get_store (context), hmr_context_get_actor (context),
                             param_id (parameter), NULL);
}

static void
plan_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HmrContext *context = hmr_window_get_context (HMR_WINDOW (widget));

  hmr_plan_dialog_open (widget, hmr_context_get_store (context), hmr_context_get_actor (context),
                        param_id (parameter));
}

static void
close_case_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HmrContext *context = hmr_window_get_context (HMR_WINDOW (widget));

  hmr_close_case_dialog_open (widget, hmr_context_get_store (context), hmr_context_get_actor (context),
                              param_id (parameter));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HmrContext *context = hmr_window_get_context (HMR_WINDOW (widget));
  HmrImportAssistant *assistant;

  assistant = hmr_import_assistant_new (hmr_context_get_store (context), hmr_context_get_actor (context));
  gtk_window_set_transient_for (GTK_WINDOW (assistant), GTK_WINDOW (widget));
  gtk_window_present (GTK_WINDOW (assistant));
}

static void
case_move_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HmrContext *context = hmr_window_get_context (HMR_WINDOW (widget));
  HmrCaseMoveKind kind = HMR_CASE_MOVE_STAGE;

  if (g_str_equal (action_name, "win.reassign-case"))
    kind = HMR_CASE_MOVE_REASSIGN;
  else if (g_str_equal (action_name, "win.transfer-case"))
    kind = HMR_CASE_MOVE_TRANSFER;
  hmr_case_move_dialog_open (widget, hmr_context_get_store (context), hmr_context_get_actor (context),
                             param_id (parameter), kind);
}

void
hmr_window_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-case-file", "s", open_case_file_action);
  gtk_widget_class_install_action (widget_class, "win.show-area", "s", show_area_action);
  gtk_widget_class_install_action (widget_class, "win.refer", "s", refer_action);
  gtk_widget_class_install_action (widget_class, "win.propose-grant", "s", propose_grant_action);
  gtk_widget_class_install_action (widget_class, "win.new-handover", "s", new_handover_action);
  gtk_widget_class_install_action (widget_class, "win.follow-up", "s", follow_up_action);
  gtk_widget_class_install_action (widget_class, "win.plan", "s", plan_action);
  gtk_widget_class_install_action (widget_class, "win.close-case", "s", close_case_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.move-case", "s", case_move_action);
  gtk_widget_class_install_action (widget_class, "win.reassign-case", "s", case_move_action);
  gtk_widget_class_install_action (widget_class, "win.transfer-case", "s", case_move_action);
}
