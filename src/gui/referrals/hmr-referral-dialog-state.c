/* hmr-referral-dialog-state.c
 *
 * The referral dialog's working part: the details while it is a draft
 * (the providers offering the chosen service in the person's district),
 * the status and history once saved, and the buttons for exactly the
 * moves hmr_workflow_next_states() allows this user.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-gui-util.h"
#include "hmr-labels.h"
#include "hmr-permissions.h"
#include "hmr-referral-dialog-private.h"
#include "hmr-workflow.h"

/* The moves of the workflow that have a button, beside their action */
static const struct
{
  const char *state;
  const char *action;
} moves[] = {
  { "sent", "referral.send" },
  { "accepted", "referral.accept" },
  { "rejected", "referral.reject" },
  { "no_response", "referral.no-response" },
  { "completed", "referral.complete" },
  { "revoked", "referral.revoke" },
};

/* ---- messages --------------------------------------------------------- */

void
hmr_referral_dialog_show_error (HmrReferralDialog *self,
            const char        *message)
{
  g_free (self->error_text);
  self->error_text = g_strdup (message);
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

void
hmr_referral_dialog_show_toast (HmrReferralDialog *self,
            const char        *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}


/* ---- the details -------------------------------------------------------- */

static const char *
selected_service (HmrReferralDialog *self)
{
  const char * const *codes = hmr_service_type_codes ();
  guint pos = adw_combo_row_get_selected (self->service_row);

  if (self->referral != NULL && g_strcmp0 (self->referral->status, "draft") != 0)
    return self->referral->service_type;
  if (pos == GTK_INVALID_LIST_POSITION || pos >= g_strv_length ((char **) codes))
    return NULL;
  return codes[pos];
}

static HmrProvider *
selected_provider (HmrReferralDialog *self)
{
  guint pos = adw_combo_row_get_selected (self->provider_row);

  if (self->providers == NULL || pos == GTK_INVALID_LIST_POSITION || pos >= self->providers->len)
    return NULL;
  return g_ptr_array_index (self->providers, pos);
}

void
hmr_referral_dialog_on_provider_changed (HmrReferralDialog *self)
{
  HmrProvider *p = selected_provider (self);
  g_autoptr(GString) about = g_string_new (NULL);
  const char *parts[4];

  if (p == NULL)
    return;
  parts[0] = p->address;
  parts[1] = p->phone;
  parts[2] = p->contact_person;
  parts[3] = p->languages;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL && parts[i][0] != '\0')
      g_string_append_printf (about, "%s%s", about->len ? " · " : "", parts[i]);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->provider_row), about->str);
}

/* The providers offering the chosen service in the person's district */
static void
fill_providers (HmrReferralDialog *self,
                const char        *select_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char *service = selected_service (self);
  guint select = 0;

  g_clear_pointer (&self->providers, g_ptr_array_unref);
  if (service != NULL)
    self->providers = hmr_store_list_providers (self->store, self->actor, service,
                                                self->district, FALSE, &error);
  if (self->providers == NULL)
    {
      self->providers = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_provider_free);
      if (error != NULL)
        hmr_referral_dialog_show_error (self, error->message);
    }

  for (guint i = 0; i < self->providers->len; i++)
    {
      HmrProvider *p = g_ptr_array_index (self->providers, i);

      gtk_string_list_append (labels, p->name);
      if (g_strcmp0 (p->id, select_id) == 0)
        select = i;
    }

  self->filling = TRUE;
  adw_combo_row_set_model (self->provider_row, G_LIST_MODEL (labels));
  if (self->providers->len > 0)
    adw_combo_row_set_selected (self->provider_row, select);
  self->filling = FALSE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->provider_row), self->providers->len > 0);
  if (self->providers->len == 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->provider_row),
                                 _("No provider in the directory offers this service in the beneficiary’s "
                                   "district. Ask the administrator to add one."));
  else
    hmr_referral_dialog_on_provider_changed (self);
}

void
hmr_referral_dialog_on_service_changed (HmrReferralDialog *self)
{
  HmrProvider *p;
  g_autofree char *keep = NULL;

  if (self->filling)
    return;
  p = selected_provider (self);
  keep = p ? g_strdup (p->id) : NULL;
  fill_providers (self, keep);
}

static gboolean
is_editable (HmrReferralDialog *self)
{
  if (self->referral == NULL)
    return hmr_permission_allows (self->actor, HMR_ACTION_REFERRAL_WRITE, self->office_id);
  return g_strcmp0 (self->referral->status, "draft") == 0 &&
         hmr_permission_allows (self->actor, HMR_ACTION_REFERRAL_WRITE, self->referral->office_id);
}

static gboolean
has_consent (HmrReferralDialog *self)
{
  return self->beneficiary_consents || gtk_switch_get_active (self->consent_switch);
}

/* ---- the state and the buttons ------------------------------------------ */

static void
update_actions (HmrReferralDialog *self)
{
  g_auto(GStrv) next = NULL;
  const char *status = self->referral ? self->referral->status : NULL;
  GtkButton *buttons[] = { self->send_button, self->accept_button, self->reject_button,
                           self->no_response_button, self->complete_button, self->revoke_button };
  GtkWidget *primary = NULL;
  gboolean any_comment = FALSE, any = FALSE, can_send, can_save;

  if (self->referral == NULL)
    next = is_editable (self) ? g_strdupv ((char *[]) { (char *) "sent", NULL }) : g_new0 (char *, 1);
  else
    next = hmr_workflow_next_states (self->actor, HMR_RECORD_REFERRAL, status, self->referral->office_id);

  G_STATIC_ASSERT (G_N_ELEMENTS (buttons) == G_N_ELEMENTS (moves));
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      gboolean on = g_strv_contains ((const char * const *) next, moves[i].state);

      gtk_widget_action_set_enabled (GTK_WIDGET (self), moves[i].action, on);
      gtk_widget_set_visible (GTK_WIDGET (buttons[i]), on);
      any |= on;
      if (on && i > 0)
        any_comment = TRUE;
    }

  can_send = g_strv_contains ((const char * const *) next, "sent");
  can_save = can_send && is_editable (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "referral.save", can_save);
  gtk_widget_set_visible (GTK_WIDGET (self->save_button), can_save);

  /* the slip is printed from there in every state once saved */
  gtk_widget_set_visible (self->button_box, any || self->referral != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->comment_row), any_comment);
  gtk_widget_set_visible (GTK_WIDGET (self->override_row),
                          can_send && self->actor->role == HMR_ROLE_SUPERVISOR && !has_consent (self));
  gtk_widget_set_visible (GTK_WIDGET (self->next_group),
                          any_comment || gtk_widget_get_visible (GTK_WIDGET (self->override_row)) ||
                          (can_send && !has_consent (self)));

  if (g_strcmp0 (status, "sent") == 0)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->comment_row), _("Provider’s answer or comment"));
      adw_preferences_group_set_description (self->next_group,
                                             _("Record what the provider answered. Revoking needs a reason."));
    }
  else if (g_strcmp0 (status, "accepted") == 0)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->comment_row), _("Outcome or comment"));
      adw_preferences_group_set_description (self->next_group,
                                             _("When the service was given, write the outcome and complete the referral."));
    }
  else if (can_send && !has_consent (self))
    adw_preferences_group_set_description (self->next_group,
                                           self->actor->role == HMR_ROLE_SUPERVISOR
                                           ? _("The beneficiary has not consented to sharing. As a supervisor you "
                                               "may send it anyway, giving a written reason.")
                                           : _("Sending needs the beneficiary’s consent to share their data "
                                               "with the provider."));
  else
    adw_preferences_group_set_description (self->next_group, NULL);

  if (gtk_widget_get_visible (GTK_WIDGET (self->send_button)))
    primary = GTK_WIDGET (self->send_button);
  else if (gtk_widget_get_visible (GTK_WIDGET (self->accept_button)))
    primary = GTK_WIDGET (self->accept_button);
  else if (gtk_widget_get_visible (GTK_WIDGET (self->complete_button)))
    primary = GTK_WIDGET (self->complete_button);
  gtk_window_set_default_widget (GTK_WINDOW (self), primary);

  gtk_widget_set_visible (GTK_WIDGET (self->slip_button), self->referral != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "referral.print-slip", self->referral != NULL);
  /* once saved, closing loses nothing */
  gtk_button_set_label (self->close_button, self->referral == NULL ? _("_Cancel") : _("_Close"));
}

void
hmr_referral_dialog_on_consent_toggled (HmrReferralDialog *self)
{
  if (!self->filling)
    update_actions (self);
}

/* The dates line is one whole sentence for each set of dates a referral
 * can have, not "Drafted …" with "sent …", "answered …" pieces appended:
 * the pieces alone cannot be given the order, case or agreement that
 * Tajik and Russian need once they stand side by side. */
static char *
format_dates (HmrReferralDialog *self)
{
  HmrReferral *r = self->referral;
  g_autofree char *created = hmr_gui_format_timestamp (r->created_at);
  g_autofree char *sent = hmr_gui_format_date (r->sent_on);
  g_autofree char *due = hmr_gui_format_date (r->due_on);
  g_autofree char *answered = hmr_gui_format_date (r->answered_on);
  g_autofree char *completed = hmr_gui_format_date (r->completed_on);
  const char *drafted = hmr_gui_value_or_dash (created);
  g_autofree char *dates = NULL;
  g_autofree char *due_line = NULL;
  GDate today;
  int days = 0;

  switch ((sent ? 1 : 0) | (answered ? 2 : 0) | (completed ? 4 : 0))
    {
    case 0:
      /* Translators: when a referral was drafted, a date and time */
      dates = g_strdup_printf (_("Drafted %s"), drafted);
      break;
    case 1:
      /* Translators: a referral's dates: drafted (date and time), sent (date) */
      dates = g_strdup_printf (_("Drafted %s · sent %s"), drafted, sent);
      break;
    case 2:
      /* Translators: a referral's dates: drafted (date and time), answered by the provider (date) */
      dates = g_strdup_printf (_("Drafted %s · answered %s"), drafted, answered);
      break;
    case 3:
      /* Translators: a referral's dates: drafted (date and time), sent, answered by the provider */
      dates = g_strdup_printf (_("Drafted %s · sent %s · answered %s"), drafted, sent, answered);
      break;
    case 4:
      /* Translators: a referral's dates: drafted (date and time), completed (date) */
      dates = g_strdup_printf (_("Drafted %s · completed %s"), drafted, completed);
      break;
    case 5:
      /* Translators: a referral's dates: drafted (date and time), sent, completed */
      dates = g_strdup_printf (_("Drafted %s · sent %s · completed %s"), drafted, sent, completed);
      break;
    case 6:
      /* Translators: a referral's dates: drafted (date and time), answered by the provider, completed */
      dates = g_strdup_printf (_("Drafted %s · answered %s · completed %s"), drafted, answered, completed);
      break;
    default:
      /* Translators: a referral's dates: drafted (date and time), sent, answered by the provider, completed */
      dates = g_strdup_printf (_("Drafted %s · sent %s · answered %s · completed %s"),
                               drafted, sent, answered, completed);
      break;
    }

  if (due == NULL || !hmr_referral_status_is_open (r->status))
    return g_steal_pointer (&dates);

  /* the due date is a line of its own, under the dates */
  hmr_store_get_today (self->store, &today);
  if (hmr_referral_is_overdue (r->status, r->due_on, &today, &days))
    /* Translators: when the provider's answer is due, then how many days
     * late it is */
    due_line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Due %s — %d day overdue",
                                             "Due %s — %d days overdue", days),
                                due, days);
  else
    due_line = g_strdup_printf (_("Due %s"), due);
  return g_strdup_printf ("%s\n%s", dates, due_line);
}

static GtkWidget *
history_row (HmrReferralHistoryEntry *e)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = hmr_gui_format_timestamp (e->at);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *to = hmr_code_get_label (HMR_CODES_REFERRAL_STATUS, e->to_state);

  if (e->from_state == NULL)
    /* Translators: the first line of a referral's history */
    title = g_strdup_printf (_("Created as %s"), to);
  else
    /* Translators: a move of a referral, "Sent → Accepted" */
    title = g_strdup_printf (C_("referral history", "%s → %s"),
                             hmr_code_get_label (HMR_CODES_REFERRAL_STATUS, e->from_state), to);
  if (e->comment != NULL && e->comment[0] != '\0')
    subtitle = g_strdup_printf ("%s · %s\n%s", hmr_gui_value_or_dash (when),
                                hmr_gui_value_or_dash (e->by_name), e->comment);
  else
    subtitle = g_strdup_printf ("%s · %s", hmr_gui_value_or_dash (when), hmr_gui_value_or_dash (e->by_name));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  return row;
}

/* Shows what is known: the details, and for a saved referral its status
 * and history */
void
hmr_referral_dialog_fill (HmrReferralDialog *self)
{
  HmrReferral *r = self->referral;
  gboolean editable = is_editable (self);
  GtkWidget *child;

  self->filling = TRUE;
  if (r != NULL && g_strcmp0 (r->status, "draft") != 0)
    {
      g_autoptr(GtkStringList) service = gtk_string_list_new (NULL);
      g_autoptr(GtkStringList) provider = gtk_string_list_new (NULL);

      gtk_string_list_append (service, hmr_code_get_label (HMR_CODES_SERVICE_TYPE, r->service_type));
      gtk_string_list_append (provider, hmr_gui_value_or_dash (r->provider_name));
      adw_combo_row_set_model (self->service_row, G_LIST_MODEL (service));
      adw_combo_row_set_model (self->provider_row, G_LIST_MODEL (provider));
      g_clear_pointer (&self->providers, g_ptr_array_unref);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->provider_row), NULL);
    }
  else
    {
      const char * const *codes = hmr_service_type_codes ();
      g_autoptr(GtkStringList) service = gtk_string_list_new (NULL);
      guint select = 0;

      for (guint i = 0; codes[i]; i++)
        {
          gtk_string_list_append (service, hmr_code_get_label (HMR_CODES_SERVICE_TYPE, codes[i]));
          if (r != NULL && g_strcmp0 (codes[i], r->service_type) == 0)
            select = i;
        }
      adw_combo_row_set_model (self->service_row, G_LIST_MODEL (service));
      adw_combo_row_set_selected (self->service_row, select);
      self->filling = FALSE;
      fill_providers (self, r ? r->provider_id : NULL);
      self->filling = TRUE;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->service_row), editable);
  if (!editable)
    gtk_widget_set_sensitive (GTK_WIDGET (self->provider_row), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), r && r->reason ? r->reason : "");
  gtk_editable_set_editable (GTK_EDITABLE (self->reason_row), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reason_row), editable);

  if (self->beneficiary_consents)
    {
      gtk_switch_set_active (self->consent_switch, TRUE);
      adw_action_row_set_subtitle (self->consent_row,
                                   _("Recorded in the case file: the beneficiary consented to sharing their data with other organisations."));
    }
  else
    {
      gtk_switch_set_active (self->consent_switch, r != NULL && r->consent_given);
      adw_action_row_set_subtitle (self->consent_row,
                                   _("The case file has no consent to share. Switch on when the beneficiary agreed to this referral."));
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->consent_switch), editable && !self->beneficiary_consents);

  gtk_widget_set_visible (GTK_WIDGET (self->status_group), r != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), r != NULL);
  if (r != NULL)
    {
      g_autofree char *dates = format_dates (self);
      GDate today;

      adw_action_row_set_subtitle (self->status_row, hmr_code_get_label (HMR_CODES_REFERRAL_STATUS, r->status));
      hmr_store_get_today (self->store, &today);
      if (hmr_referral_is_overdue (r->status, r->due_on, &today, NULL))
        gtk_widget_add_css_class (GTK_WIDGET (self->dates_row), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->dates_row), "error");
      adw_action_row_set_subtitle (self->dates_row, dates);
      adw_action_row_set_subtitle (self->answer_row, r->provider_answer);
      gtk_widget_set_visible (GTK_WIDGET (self->answer_row), r->provider_answer != NULL);
      adw_action_row_set_subtitle (self->outcome_row, r->outcome);
      gtk_widget_set_visible (GTK_WIDGET (self->outcome_row), r->outcome != NULL);
      adw_window_title_set_subtitle (self->window_title,
                                     hmr_code_get_label (HMR_CODES_SERVICE_TYPE, r->service_type));

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
        gtk_list_box_remove (self->history_list, child);
      for (guint i = 0; r->history != NULL && i < r->history->len; i++)
        gtk_list_box_append (self->history_list, history_row (g_ptr_array_index (r->history, i)));
    }
  else
    adw_window_title_set_subtitle (self->window_title, _("New"));
  self->filling = FALSE;

  update_actions (self);
}

static gboolean
reload (HmrReferralDialog *self)
{
  g_autoptr(GError) error = NULL;
  HmrReferral *r;

  if (self->referral_id == NULL)
    return TRUE;
  r = hmr_store_get_referral (self->store, self->actor, self->referral_id, &error);
  if (r == NULL)
    {
      hmr_referral_dialog_show_error (self, error->message);
      return FALSE;
    }
  g_clear_pointer (&self->referral, hmr_referral_free);
  self->referral = r;
  hmr_referral_dialog_fill (self);
  return TRUE;
}

/* ---- saving and moving ---------------------------------------------- */

/* Saves the details as a draft: creates it the first time, then updates
 * it while it is a draft and something changed */
static gboolean
save_draft (HmrReferralDialog  *self,
            GError            **error)
{
  g_autoptr(HmrReferral) fresh = NULL;
  HmrProvider *provider = selected_provider (self);
  const char *service = selected_service (self);
  const char *reason = gtk_editable_get_text (GTK_EDITABLE (self->reason_row));
  gboolean consent = !self->beneficiary_consents && gtk_switch_get_active (self->consent_switch);
  HmrReferral *r = self->referral;

  if (r == NULL)
    {
      fresh = hmr_referral_new ();
      fresh->beneficiary_id = g_strdup (self->beneficiary_id);
      fresh->service_type = g_strdup (service);
      fresh->provider_id = provider ? g_strdup (provider->id) : NULL;
      fresh->reason = g_strdup (reason);
      fresh->consent_given = consent;
      if (!hmr_store_create_referral (self->store, self->actor, fresh, error))
        return FALSE;
      self->referral_id = g_strdup (fresh->id);
      g_object_notify (G_OBJECT (self), "referral-id");
      hmr_referral_dialog_emit_changed (self);
      return TRUE;
    }

  if (g_strcmp0 (r->status, "draft") != 0)
    return TRUE;
  if (g_strcmp0 (r->service_type, service) == 0 &&
      g_strcmp0 (r->provider_id, provider ? provider->id : NULL) == 0 &&
      g_strcmp0 (r->reason ? r->reason : "", reason) == 0 &&
      r->consent_given == consent)
    return TRUE;

  g_free (r->service_type);
  r->service_type = g_strdup (service);
  g_free (r->provider_id);
  r->provider_id = provider ? g_strdup (provider->id) : NULL;
  g_free (r->reason);
  r->reason = g_strdup (reason);
  r->consent_given = consent;
  if (!hmr_store_update_referral (self->store, self->actor, r, error))
    return FALSE;
  hmr_referral_dialog_emit_changed (self);
  return TRUE;
}

void
hmr_referral_dialog_save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HmrReferralDialog *self = HMR_REFERRAL_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!save_draft (self, &error))
    {
      hmr_referral_dialog_show_error (self, error->message);
      return;
    }
  hmr_referral_dialog_show_error (self, NULL);
  reload (self);
  hmr_referral_dialog_show_toast (self, _("Draft saved"));
}

void
hmr_referral_dialog_send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HmrReferralDialog *self = HMR_REFERRAL_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *override = NULL;
  g_autofree char *message = NULL;
  g_autofree char *due = NULL;

  if (!save_draft (self, &error))
    {
      hmr_referral_dialog_show_error (self, error->message);
      reload (self);
      return;
    }
  if (gtk_widget_get_visible (GTK_WIDGET (self->override_row)))
    override = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->override_row))));

  if (!hmr_store_send_referral (self->store, self->actor, self->referral_id,
                                override && override[0] ? override : NULL, &error))
    {
      reload (self);
      hmr_referral_dialog_show_error (self, error->message);
      return;
    }
  hmr_referral_dialog_show_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->override_row), "");
  reload (self);
  hmr_referral_dialog_emit_changed (self);

  due = hmr_gui_format_date (self->referral ? self->referral->due_on : NULL);
  message = g_strdup_printf (_("Sent to %s; answer due %s"),
                             hmr_gui_value_or_dash (self->referral ? self->referral->provider_name : NULL),
                             hmr_gui_value_or_dash (due));
  hmr_referral_dialog_show_toast (self, message);
}

static void
move_to (HmrReferralDialog *self,
         const char        *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *comment = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->comment_row))));
  g_autofree char *message = NULL;

  if (self->referral_id == NULL)
    return;
  if (!hmr_store_move_referral (self->store, self->actor, self->referral_id, to,
                                comment[0] ? comment : NULL, &error))
    {
      hmr_referral_dialog_show_error (self, error->message);
      if (g_error_matches (error, HMR_WORKFLOW_ERROR, HMR_WORKFLOW_ERROR_COMMENT_REQUIRED))
        gtk_widget_grab_focus (GTK_WIDGET (self->comment_row));
      return;
    }
  hmr_referral_dialog_show_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->comment_row), "");
  reload (self);
  hmr_referral_dialog_emit_changed (self);

  /* Translators: a toast after moving a referral; %s is its new status */
  message = g_strdup_printf (_("Referral now %s"), hmr_code_get_label (HMR_CODES_REFERRAL_STATUS, to));
  hmr_referral_dialog_show_toast (self, message);
}

void
hmr_referral_dialog_move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HmrReferralDialog *self = HMR_REFERRAL_DIALOG (widget);

  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    if (g_strcmp0 (moves[i].action, action_name) == 0)
      move_to (self, moves[i].state);
}

void
hmr_referral_dialog_primary_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GtkWidget *primary = gtk_window_get_default_widget (GTK_WINDOW (widget));

  if (primary != NULL && gtk_widget_is_sensitive (primary) && gtk_widget_get_visible (primary))
    gtk_widget_activate (primary);
}

/* Nothing to work on: no move of the workflow */
void
hmr_referral_dialog_disable_moves (HmrReferralDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), moves[i].action, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "referral.save", FALSE);
}
