/* hmr-trafficking-dialog.c
 *
 * The trafficking profile of one person: the status, the type of
 * exploitation, who identified the person, who recognised them (when,
 * by which document: only for a recognised victim, so those rows show
 * only then), the country and how long.  Opened only by the caseworker
 * whose case it is; the store refuses the others, and audits reading the
 * profile to fill the dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-gui-util.h"
#include "hmr-intake-util.h"
#include "hmr-trafficking-dialog.h"

struct _HmrTraffickingDialog
{
  AdwWindow              parent_instance;

  HmrStore              *store;
  HmrActor              *actor;
  HmrTraffickingProfile *profile;     /* as read, or a new one */

  /* Template widgets */
  AdwWindowTitle        *window_title;
  GtkLabel              *error_label;
  AdwComboRow           *status_row;
  AdwComboRow           *exploitation_row;
  AdwEntryRow           *identified_by_row;
  GtkWidget             *recognition_group;
  AdwEntryRow           *recognised_by_row;
  AdwEntryRow           *recognised_on_row;
  AdwEntryRow           *document_row;
  AdwComboRow           *country_row;
  AdwEntryRow           *country_other_row;
  AdwEntryRow           *duration_row;
};

G_DEFINE_FINAL_TYPE (HmrTraffickingDialog, hmr_trafficking_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_visibility (HmrTraffickingDialog *self)
{
  gtk_widget_set_visible (self->recognition_group,
                          g_strcmp0 (hmr_intake_combo_get_code (self->status_row), "actual") == 0);
  hmr_intake_place_update (self->country_row, self->country_other_row);
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
load (HmrTraffickingDialog *self)
{
  HmrTraffickingProfile *t = self->profile;

  hmr_intake_combo_select (self->status_row, t->status ? t->status : "possible");
  hmr_intake_combo_select (self->exploitation_row, t->exploitation_type);
  set_text (self->identified_by_row, t->identified_by);
  set_text (self->recognised_by_row, t->recognised_by);
  hmr_intake_date_load (self->recognised_on_row, t->recognised_on);
  set_text (self->document_row, t->recognition_document);
  hmr_intake_place_load (self->country_row, self->country_other_row, t->country);
  hmr_intake_months_load (self->duration_row, t->duration_months);
  update_visibility (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HmrTraffickingDialog *self = HMR_TRAFFICKING_DIALOG (widget);
  g_autoptr(HmrTraffickingProfile) t = hmr_trafficking_profile_copy (self->profile);
  g_autoptr(GError) error = NULL;
  gboolean recognised;

#define SET(field, value) G_STMT_START { g_free (t->field); t->field = (value); } G_STMT_END
  SET (status, g_strdup (hmr_intake_combo_get_code (self->status_row)));
  SET (exploitation_type, g_strdup (hmr_intake_combo_get_code (self->exploitation_row)));
  SET (identified_by, hmr_intake_dup_text (self->identified_by_row));
  recognised = g_strcmp0 (t->status, "actual") == 0;
  SET (recognised_by, recognised ? hmr_intake_dup_text (self->recognised_by_row) : NULL);
  SET (recognised_on, recognised ? hmr_intake_dup_text (self->recognised_on_row) : NULL);
  SET (recognition_document, recognised ? hmr_intake_dup_text (self->document_row) : NULL);
  SET (country, hmr_intake_place_dup (self->country_row, self->country_other_row));
#undef SET
  if (!hmr_intake_months_read (self->duration_row, &t->duration_months))
    {
      hmr_intake_show_error (self->error_label,
                             _("Duration of exploitation must be a whole number of months from 1 to 600."));
      gtk_widget_grab_focus (GTK_WIDGET (self->duration_row));
      return;
    }
  if (!hmr_store_save_trafficking_profile (self->store, self->actor, t, &error))
    {
      hmr_intake_show_error (self->error_label, error->message);
      return;
    }
  hmr_intake_saved (GTK_WINDOW (self), self->error_label);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* ---- GObject -------------------------------------------------------- */

static void
hmr_trafficking_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HMR_TYPE_TRAFFICKING_DIALOG);
  G_OBJECT_CLASS (hmr_trafficking_dialog_parent_class)->dispose (object);
}

static void
hmr_trafficking_dialog_finalize (GObject *object)
{
  HmrTraffickingDialog *self = HMR_TRAFFICKING_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, hmr_actor_free);
  g_clear_pointer (&self->profile, hmr_trafficking_profile_free);
  G_OBJECT_CLASS (hmr_trafficking_dialog_parent_class)->finalize (object);
}

static void
hmr_trafficking_dialog_class_init (HmrTraffickingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hmr_trafficking_dialog_dispose;
  object_class->finalize = hmr_trafficking_dialog_finalize;

  /**
   * HmrTraffickingDialog::saved:
   *
   * The profile was saved.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/registry/hmr-trafficking-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrTraffickingDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, HmrTraffickingDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HmrTraffickingDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, HmrTraffickingDialog, exploitation_row);
  gtk_widget_class_bind_template_child (widget_class, HmrTraffickingDialog, identified_by_row);
  gtk_widget_class_bind_template_child (widget_class, HmrTraffickingDialog, recognition_group);
  gtk_widget_class_bind_template_child (widget_class, HmrTraffickingDialog, recognised_by_row);
  gtk_widget_class_bind_template_child (widget_class, HmrTraffickingDialog, recognised_on_row);
  gtk_widget_class_bind_template_child (widget_class, HmrTraffickingDialog, document_row);
  gtk_widget_class_bind_template_child (widget_class, HmrTraffickingDialog, country_row);
  gtk_widget_class_bind_template_child (widget_class, HmrTraffickingDialog, country_other_row);
  gtk_widget_class_bind_template_child (widget_class, HmrTraffickingDialog, duration_row);

  gtk_widget_class_install_action (widget_class, "trafficking.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "trafficking.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "trafficking.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "trafficking.cancel", NULL);
}

static void
hmr_trafficking_dialog_init (HmrTraffickingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  hmr_intake_combo_fill (self->status_row, HMR_CODES_TRAFFICKING_STATUS, NULL);
  hmr_intake_combo_fill (self->exploitation_row, HMR_CODES_EXPLOITATION, C_("exploitation", "Not known"));
  hmr_intake_combo_fill (self->country_row, HMR_CODES_COUNTRY, C_("country", "Not chosen"));
  g_signal_connect_swapped (self->status_row, "notify::selected", G_CALLBACK (update_visibility), self);
  g_signal_connect_swapped (self->country_row, "notify::selected", G_CALLBACK (update_visibility), self);
  gtk_window_set_title (GTK_WINDOW (self), _("Trafficking Profile"));
  adw_window_title_set_title (self->window_title, _("Trafficking Profile"));
}

/**
 * hmr_trafficking_dialog_new:
 *
 * Returns: (transfer floating) (nullable): the dialog; %NULL when the
 *   actor may not change the profile (the reason in @error)
 */
HmrTraffickingDialog *
hmr_trafficking_dialog_new (HmrStore        *store,
                            const HmrActor  *actor,
                            const char      *beneficiary_id,
                            GError         **error)
{
  g_autoptr(HmrBeneficiary) person = NULL;
  g_autoptr(HmrTraffickingProfile) profile = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  HmrTraffickingDialog *self;

  g_return_val_if_fail (HMR_IS_STORE (store), NULL);

  person = hmr_store_get_beneficiary (store, actor, beneficiary_id, error);
  if (person == NULL)
    return NULL;
  if (!hmr_store_may_edit_trafficking (store, actor, beneficiary_id))
    {
      g_autofree char *refusal = hmr_permission_dup_refusal (actor->role, HMR_ACTION_SENSITIVE_WRITE);

      if (hmr_permission_allows (actor, HMR_ACTION_SENSITIVE_WRITE,
                                 hmr_beneficiary_get (person, HMR_BENEFICIARY_OFFICE_ID)))
        g_set_error_literal (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED,
                             _("Refused: only the caseworker whose case this is may read or change its trafficking profile."));
      else
        g_set_error_literal (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED, refusal);
      return NULL;
    }
  profile = hmr_store_get_trafficking_profile (store, actor, beneficiary_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (profile == NULL)
    {
      profile = hmr_trafficking_profile_new ();
      profile->beneficiary_id = g_strdup (beneficiary_id);
    }

  self = g_object_new (HMR_TYPE_TRAFFICKING_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->actor = hmr_actor_copy (actor);
  self->profile = g_steal_pointer (&profile);
  name = hmr_beneficiary_dup_full_name (person);
  adw_window_title_set_subtitle (self->window_title, name);
  load (self);
  return self;
}

GtkWidget *
hmr_trafficking_dialog_get_row (HmrTraffickingDialog *self,
                                const char           *name)
{
  g_return_val_if_fail (HMR_IS_TRAFFICKING_DIALOG (self), NULL);
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), HMR_TYPE_TRAFFICKING_DIALOG, name));
}

const char *
hmr_trafficking_dialog_get_error (HmrTraffickingDialog *self)
{
  g_return_val_if_fail (HMR_IS_TRAFFICKING_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_label (self->error_label) : NULL;
}
