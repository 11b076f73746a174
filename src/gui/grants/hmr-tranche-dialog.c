/* hmr-tranche-dialog.c
 *
 * The amount starts as what is still to pay.  The store decides: a tranche
 * above what is left of the approved amount is refused, and its words are
 * shown right below the amount; nothing is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-tranche-dialog.h"
#include "hmr-grant-util.h"
#include "hmr-gui-util.h"
#include "hmr-labels.h"

struct _HmrTrancheDialog
{
  AdwWindow        parent_instance;

  HmrStore        *store;
  HmrActor        *actor;
  HmrGrant        *grant;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwPreferencesGroup *group;
  GtkWidget       *date_row;
  GtkWidget       *amount_row;
  GtkWidget       *amount_error_row;
  GtkWidget       *amount_error_label;
  AdwComboRow     *method_row;
  GtkWidget       *reference_row;
};

G_DEFINE_FINAL_TYPE (HmrTrancheDialog, hmr_tranche_dialog, ADW_TYPE_WINDOW)

enum {
  RECORDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_field_changed (HmrTrancheDialog *self)
{
  hmr_gui_field_error (self->amount_row, self->amount_error_row, self->amount_error_label, NULL);
}

static void
show_amount_error (HmrTrancheDialog *self,
                   const char       *message)
{
  hmr_gui_field_error (self->amount_row, self->amount_error_row, self->amount_error_label, message);
  gtk_widget_grab_focus (self->amount_row);
}

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HmrTrancheDialog *self = HMR_TRANCHE_DIALOG (widget);
  const char * const *methods = hmr_disbursement_method_codes ();
  const char *reference = gtk_editable_get_text (GTK_EDITABLE (self->reference_row));
  g_autoptr(GError) error = NULL;
  guint method = adw_combo_row_get_selected (self->method_row);
  gint64 amount;

  if (!hmr_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->amount_row)), &amount))
    {
      show_amount_error (self, _("Amount: write the sum in somoni, for example 1250 or 1250,50."));
      return;
    }
  if (!hmr_store_record_disbursement (self->store, self->actor, self->grant->id,
                                      gtk_editable_get_text (GTK_EDITABLE (self->date_row)),
                                      amount, methods[method],
                                      reference[0] != '\0' ? reference : NULL,
                                      NULL, &error))
    {
      /* a refusal about the amount is shown beside it */
      if (hmr_store_error_get_refusal (error) == HMR_STORE_REFUSAL_AMOUNT)
        show_amount_error (self, error->message);
      else
        hmr_gui_show_error_toast (GTK_WIDGET (self->toast_overlay), error->message);
      return;
    }

  g_signal_emit (self, signals[RECORDED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
hmr_tranche_dialog_dispose (GObject *object)
{
  HmrTrancheDialog *self = HMR_TRANCHE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HMR_TYPE_TRANCHE_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, hmr_actor_free);
  g_clear_pointer (&self->grant, hmr_grant_free);

  G_OBJECT_CLASS (hmr_tranche_dialog_parent_class)->dispose (object);
}

static void
hmr_tranche_dialog_class_init (HmrTrancheDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hmr_tranche_dialog_dispose;

  /**
   * HmrTrancheDialog::recorded:
   *
   * Emitted once the tranche is saved, before the dialog closes.
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/grants/hmr-tranche-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrTrancheDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HmrTrancheDialog, group);
  gtk_widget_class_bind_template_child (widget_class, HmrTrancheDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, HmrTrancheDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, HmrTrancheDialog, amount_error_row);
  gtk_widget_class_bind_template_child (widget_class, HmrTrancheDialog, amount_error_label);
  gtk_widget_class_bind_template_child (widget_class, HmrTrancheDialog, method_row);
  gtk_widget_class_bind_template_child (widget_class, HmrTrancheDialog, reference_row);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed);

  gtk_widget_class_install_action (widget_class, "tranche.record", NULL, record_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "tranche.record", NULL);
}

static void
hmr_tranche_dialog_init (HmrTrancheDialog *self)
{
  g_autoptr(GtkStringList) methods = gtk_string_list_new (NULL);
  const char * const *codes = hmr_disbursement_method_codes ();

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (methods, hmr_disbursement_method_get_label (codes[i]));
  adw_combo_row_set_model (self->method_row, G_LIST_MODEL (methods));
}

/**
 * hmr_tranche_dialog_new:
 *
 * Returns: (transfer none) (nullable): the dialog over @parent, or %NULL
 *   with @error set when the grant cannot be read
 */
HmrTrancheDialog *
hmr_tranche_dialog_new (GtkWindow       *parent,
                        HmrStore        *store,
                        const HmrActor  *actor,
                        const char      *grant_id,
                        GError         **error)
{
  HmrTrancheDialog *self;
  HmrGrant *grant;
  g_autofree char *remaining = NULL;
  g_autofree char *approved = NULL;
  g_autofree char *description = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *day = NULL;
  GDate today;

  grant = hmr_store_get_grant (store, actor, grant_id, error);
  if (grant == NULL)
    return NULL;

  self = g_object_new (HMR_TYPE_TRANCHE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->actor = hmr_actor_copy (actor);
  self->grant = grant;

  approved = hmr_money_format (MAX (grant->amount_approved, 0), grant->currency, HMR_MONEY_LOCALE);
  remaining = hmr_money_format (hmr_grant_get_remaining (grant), grant->currency, HMR_MONEY_LOCALE);
  /* Translators: the tranche dialog; %s: purpose, approved amount, what is left to pay */
  description = g_strdup_printf (_("%s\nApproved %s; still to pay %s."),
                                 hmr_gui_value_or_dash (grant->purpose), approved, remaining);
  adw_preferences_group_set_description (self->group, description);

  hmr_store_get_today (store, &today);
  day = hmr_format_date (&today);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), day);
  amount = hmr_money_format_input (MAX (hmr_grant_get_remaining (grant), 0));
  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), amount);
  hmr_gui_field_error (self->amount_row, self->amount_error_row, self->amount_error_label, NULL);
  return self;
}

GtkWidget *
hmr_tranche_dialog_get_amount_row (HmrTrancheDialog *self)
{
  return self->amount_row;
}

GtkWidget *
hmr_tranche_dialog_get_amount_error (HmrTrancheDialog *self)
{
  return self->amount_error_label;
}

GtkWidget *
hmr_tranche_dialog_get_method_row (HmrTrancheDialog *self)
{
  return GTK_WIDGET (self->method_row);
}

GtkWidget *
hmr_tranche_dialog_get_reference_row (HmrTrancheDialog *self)
{
  return self->reference_row;
}
