/* hmr-referral-dialog.c
 *
 * One window for the whole life of a referral, so that a caseworker can
 * send it, record the provider's answer and complete it without leaving:
 * the details while it is a draft, then its status, the next steps the
 * workflow allows this user (hmr_workflow_next_states()) and its history.
 * The button for the likely next step is the default: typing a comment
 * and pressing Enter takes it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-gui-export.h"
#include "hmr-gui-util.h"
#include "hmr-labels.h"
#include "hmr-permissions.h"
#include "hmr-referral-dialog-private.h"
#include "hmr-referral-slip.h"
#include "hmr-workflow.h"
G_DEFINE_FINAL_TYPE (HmrReferralDialog, hmr_referral_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ACTOR,
  PROP_BENEFICIARY_ID,
  PROP_REFERRAL_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- telling the others ------------------------------------------------ */

/* Tells the main window, and with it every area, that the case changed */
void
hmr_referral_dialog_emit_changed (HmrReferralDialog *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ---- the slip ---------------------------------------------------------- */

/**
 * hmr_referral_dialog_save_slip:
 * @language: "tg" or "ru"
 * @path: where to write the PDF; ".pdf" is added when missing
 *
 * Writes the referral slip and offers to open it; shows why it could not.
 *
 * Returns: whether the slip was written
 */
gboolean
hmr_referral_dialog_save_slip (HmrReferralDialog *self,
                               const char        *language,
                               const char        *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;

  g_return_val_if_fail (HMR_IS_REFERRAL_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->referral_id == NULL)
    return FALSE;
  file = g_str_has_suffix (path, ".pdf") ? g_strdup (path) : g_strconcat (path, ".pdf", NULL);
  if (!hmr_referral_slip_write_pdf (self->store, self->actor, self->referral_id, language, file, &error))
    {
      hmr_referral_dialog_show_error (self, error->message);
      return FALSE;
    }
  hmr_referral_dialog_show_error (self, NULL);
  /* Translators: a toast; %s is the file's name */
  hmr_gui_toast_file_saved (GTK_WIDGET (self->toast_overlay), file, _("Slip saved as %s"));
  return TRUE;
}

static void
on_slip_chosen (GtkNativeDialog *chooser,
                int              response,
                gpointer         user_data)
{
  HmrReferralDialog *self = HMR_REFERRAL_DIALOG (user_data);
  const char *language = g_object_get_data (G_OBJECT (chooser), "language");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        hmr_referral_dialog_save_slip (self, language, path);
    }
  g_object_unref (chooser);
}

static void
print_slip_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HmrReferralDialog *self = HMR_REFERRAL_DIALOG (widget);
  const char *language = g_variant_get_string (parameter, NULL);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (self->referral == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Save Referral Slip"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: the file name offered for a referral slip; keep it short, no slashes */
  name = g_strdup_printf (_("referral-slip-%s-%s.pdf"),
                          self->referral->case_number ? self->referral->case_number : "", language);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "language", g_strdup (language), g_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_slip_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_case_file_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HmrReferralDialog *self = HMR_REFERRAL_DIALOG (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent != NULL &&
      gtk_widget_activate_action (GTK_WIDGET (parent), "win.open-case-file", "s", self->beneficiary_id))
    gtk_window_close (GTK_WINDOW (self));
}

/* ---- GObject -------------------------------------------------------- */

static gboolean
load_beneficiary (HmrReferralDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = NULL;
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;

  b = hmr_store_get_beneficiary (self->store, self->actor, self->beneficiary_id, &error);
  if (b == NULL)
    {
      hmr_referral_dialog_show_error (self, error->message);
      return FALSE;
    }
  name = hmr_beneficiary_dup_full_name (b);
  self->district = g_strdup (hmr_beneficiary_get (b, HMR_BENEFICIARY_DISTRICT));
  self->office_id = g_strdup (hmr_beneficiary_get (b, HMR_BENEFICIARY_OFFICE_ID));
  self->beneficiary_consents = hmr_beneficiary_get_bool (b, HMR_BENEFICIARY_CONSENT_SHARING);
  /* Translators: under the beneficiary's name: case number · district */
  subtitle = g_strdup_printf (C_("referral beneficiary", "%s · %s"),
                              hmr_gui_value_or_dash (hmr_beneficiary_get (b, HMR_BENEFICIARY_CASE_NUMBER)),
                              hmr_gui_value_or_dash (hmr_district_get_label (self->district)));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->person_row), name);
  adw_action_row_set_subtitle (self->person_row, subtitle);
  return TRUE;
}

static void
hmr_referral_dialog_constructed (GObject *object)
{
  HmrReferralDialog *self = HMR_REFERRAL_DIALOG (object);
  gboolean loaded = TRUE;

  G_OBJECT_CLASS (hmr_referral_dialog_parent_class)->constructed (object);

  g_return_if_fail (HMR_IS_STORE (self->store));
  g_return_if_fail (self->actor != NULL);

  if (self->referral_id != NULL)
    {
      g_autoptr(GError) error = NULL;

      self->referral = hmr_store_get_referral (self->store, self->actor, self->referral_id, &error);
      if (self->referral == NULL)
        {
          hmr_referral_dialog_show_error (self, error->message);
          loaded = FALSE;
        }
      else if (self->beneficiary_id == NULL)
        self->beneficiary_id = g_strdup (self->referral->beneficiary_id);
    }
  if (loaded && self->beneficiary_id != NULL)
    loaded = load_beneficiary (self);
  if (self->referral != NULL)
    self->beneficiary_consents = self->referral->beneficiary_consents;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "referral.open-case-file",
                                 hmr_permission_allows (self->actor, HMR_ACTION_BENEFICIARY_READ, NULL));
  if (!loaded)
    {
      /* Nothing to work on: the reason stays, nothing else */
      GtkWidget *hide[] = { GTK_WIDGET (self->service_row), GTK_WIDGET (self->provider_row),
                            GTK_WIDGET (self->reason_row), GTK_WIDGET (self->consent_row) };
      g_autofree char *keep = g_strdup (self->error_text);

      g_clear_pointer (&self->referral, hmr_referral_free);
      for (guint i = 0; i < G_N_ELEMENTS (hide); i++)
        gtk_widget_set_visible (hide[i], FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->person_row), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->status_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->history_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->next_group), FALSE);
      gtk_widget_set_visible (self->button_box, FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->slip_button), FALSE);
      hmr_referral_dialog_disable_moves (self);
      hmr_referral_dialog_show_error (self, keep);
      return;
    }

  hmr_referral_dialog_fill (self);
  if (self->referral == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->service_row));
  else if (gtk_widget_get_visible (GTK_WIDGET (self->comment_row)))
    gtk_widget_grab_focus (GTK_WIDGET (self->comment_row));
}

static void
hmr_referral_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HMR_TYPE_REFERRAL_DIALOG);
  G_OBJECT_CLASS (hmr_referral_dialog_parent_class)->dispose (object);
}

static void
hmr_referral_dialog_finalize (GObject *object)
{
  HmrReferralDialog *self = HMR_REFERRAL_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, hmr_actor_free);
  g_clear_pointer (&self->referral, hmr_referral_free);
  g_clear_pointer (&self->providers, g_ptr_array_unref);
  g_free (self->beneficiary_id);
  g_free (self->referral_id);
  g_free (self->district);
  g_free (self->office_id);
  g_free (self->error_text);

  G_OBJECT_CLASS (hmr_referral_dialog_parent_class)->finalize (object);
}

static void
hmr_referral_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HmrReferralDialog *self = HMR_REFERRAL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ACTOR:
      g_value_set_boxed (value, self->actor);
      break;
    case PROP_BENEFICIARY_ID:
      g_value_set_string (value, self->beneficiary_id);
      break;
    case PROP_REFERRAL_ID:
      g_value_set_string (value, self->referral_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hmr_referral_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HmrReferralDialog *self = HMR_REFERRAL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_ACTOR:
      self->actor = g_value_dup_boxed (value);
      break;
    case PROP_BENEFICIARY_ID:
      self->beneficiary_id = g_value_dup_string (value);
      break;
    case PROP_REFERRAL_ID:
      self->referral_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hmr_referral_dialog_class_init (HmrReferralDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hmr_referral_dialog_constructed;
  object_class->dispose = hmr_referral_dialog_dispose;
  object_class->finalize = hmr_referral_dialog_finalize;
  object_class->get_property = hmr_referral_dialog_get_property;
  object_class->set_property = hmr_referral_dialog_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HMR_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR] =
    g_param_spec_boxed ("actor", NULL, NULL, HMR_TYPE_ACTOR,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BENEFICIARY_ID] =
    g_param_spec_string ("beneficiary-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * HmrReferralDialog:referral-id:
   *
   * The referral shown; %NULL until a new one is first saved.
   */
  properties[PROP_REFERRAL_ID] =
    g_param_spec_string ("referral-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_EXPLICIT_NOTIFY |
                         G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HmrReferralDialog::changed:
   *
   * Emitted after the referral was saved or moved.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/referrals/hmr-referral-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrReferralDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralDialog, slip_button);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralDialog, person_row);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralDialog, case_file_button);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralDialog, service_row);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralDialog, provider_row);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralDialog, consent_row);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralDialog, consent_switch);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralDialog, status_group);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralDialog, dates_row);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralDialog, answer_row);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralDialog, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralDialog, next_group);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralDialog, override_row);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralDialog, comment_row);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralDialog, button_box);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralDialog, revoke_button);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralDialog, no_response_button);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralDialog, reject_button);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralDialog, accept_button);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralDialog, complete_button);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralDialog, send_button);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralDialog, history_group);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralDialog, history_list);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_service_changed",
                                                G_CALLBACK (hmr_referral_dialog_on_service_changed));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_provider_changed",
                                                G_CALLBACK (hmr_referral_dialog_on_provider_changed));

  gtk_widget_class_install_action (widget_class, "referral.save", NULL, hmr_referral_dialog_save_action);
  gtk_widget_class_install_action (widget_class, "referral.send", NULL, hmr_referral_dialog_send_action);
  gtk_widget_class_install_action (widget_class, "referral.accept", NULL, hmr_referral_dialog_move_action);
  gtk_widget_class_install_action (widget_class, "referral.reject", NULL, hmr_referral_dialog_move_action);
  gtk_widget_class_install_action (widget_class, "referral.no-response", NULL, hmr_referral_dialog_move_action);
  gtk_widget_class_install_action (widget_class, "referral.complete", NULL, hmr_referral_dialog_move_action);
  gtk_widget_class_install_action (widget_class, "referral.revoke", NULL, hmr_referral_dialog_move_action);
  gtk_widget_class_install_action (widget_class, "referral.primary", NULL, hmr_referral_dialog_primary_action);
  gtk_widget_class_install_action (widget_class, "referral.print-slip", "s", print_slip_action);
  gtk_widget_class_install_action (widget_class, "referral.open-case-file", NULL, open_case_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "referral.primary", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "referral.primary", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hmr_referral_dialog_init (HmrReferralDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->consent_switch, "notify::active",
                           G_CALLBACK (hmr_referral_dialog_on_consent_toggled), self, G_CONNECT_SWAPPED);
}

/**
 * hmr_referral_dialog_new_for_beneficiary:
 *
 * Returns: (transfer none): a dialog for a new referral of @beneficiary_id
 */
HmrReferralDialog *
hmr_referral_dialog_new_for_beneficiary (HmrStore       *store,
                                         const HmrActor *actor,
                                         const char     *beneficiary_id)
{
  g_return_val_if_fail (HMR_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (beneficiary_id != NULL, NULL);

  return g_object_new (HMR_TYPE_REFERRAL_DIALOG,
                       "store", store, "actor", actor, "beneficiary-id", beneficiary_id,
                       NULL);
}

/**
 * hmr_referral_dialog_new:
 *
 * Returns: (transfer none): a dialog showing the referral @referral_id
 */
HmrReferralDialog *
hmr_referral_dialog_new (HmrStore       *store,
                         const HmrActor *actor,
                         const char     *referral_id)
{
  g_return_val_if_fail (HMR_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (referral_id != NULL, NULL);

  return g_object_new (HMR_TYPE_REFERRAL_DIALOG,
                       "store", store, "actor", actor, "referral-id", referral_id,
                       NULL);
}

const char *
hmr_referral_dialog_get_referral_id (HmrReferralDialog *self)
{
  g_return_val_if_fail (HMR_IS_REFERRAL_DIALOG (self), NULL);
  return self->referral_id;
}

/**
 * hmr_referral_dialog_get_status:
 *
 * Returns: (nullable): the referral's status, %NULL while it is new
 */
const char *
hmr_referral_dialog_get_status (HmrReferralDialog *self)
{
  g_return_val_if_fail (HMR_IS_REFERRAL_DIALOG (self), NULL);
  return self->referral ? self->referral->status : NULL;
}

/**
 * hmr_referral_dialog_get_error:
 *
 * Returns: (nullable): the error message the dialog shows, if any
 */
const char *
hmr_referral_dialog_get_error (HmrReferralDialog *self)
{
  g_return_val_if_fail (HMR_IS_REFERRAL_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? self->error_text : NULL;
}


