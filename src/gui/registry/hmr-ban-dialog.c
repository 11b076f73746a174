/* hmr-ban-dialog.c
 *
 * The re-entry ban of one person: whether there is one; who imposed it
 * (a court's decision has a number and a date); when it started and
 * either how long it lasts or when it ends — typing one clears the
 * other, and the store works it out; the appeal with its date, and the
 * legal-aid referral about it.  The rows that do not apply are hidden.
 * The store checks everything; its message names the field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-ban-dialog.h"
#include "hmr-gui-util.h"
#include "hmr-intake-util.h"

struct _HmrBanDialog
{
  AdwWindow       parent_instance;

  HmrStore       *store;
  HmrActor       *actor;
  HmrReentryBan  *ban;             /* as read, or a new one */
  gboolean        loading;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkLabel       *error_label;
  AdwComboRow    *has_ban_row;
  GtkWidget      *decision_group;
  AdwComboRow    *imposed_by_row;
  AdwEntryRow    *court_number_row;
  AdwEntryRow    *court_date_row;
  GtkWidget      *period_group;
  AdwEntryRow    *start_row;
  AdwEntryRow    *duration_row;
  AdwEntryRow    *end_row;
  GtkWidget      *appeal_group;
  AdwComboRow    *appeal_row;
  AdwEntryRow    *appeal_date_row;
  AdwComboRow    *referral_row;
};

G_DEFINE_FINAL_TYPE (HmrBanDialog, hmr_ban_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_visibility (HmrBanDialog *self)
{
  gboolean yes = g_strcmp0 (hmr_intake_combo_get_code (self->has_ban_row), "yes") == 0;
  gboolean court = g_strcmp0 (hmr_intake_combo_get_code (self->imposed_by_row), "court") == 0;
  gboolean appealed = hmr_intake_combo_get_code (self->appeal_row) != NULL &&
                      g_strcmp0 (hmr_intake_combo_get_code (self->appeal_row), "none") != 0;

  gtk_widget_set_visible (self->decision_group, yes);
  gtk_widget_set_visible (self->period_group, yes);
  gtk_widget_set_visible (self->appeal_group, yes);
  gtk_widget_set_visible (GTK_WIDGET (self->court_number_row), court);
  gtk_widget_set_visible (GTK_WIDGET (self->court_date_row), court);
  gtk_widget_set_visible (GTK_WIDGET (self->appeal_date_row), appealed);
}

/* Hamroh works out the other: typing a duration clears the end, typing
 * an end clears the duration */
static void
on_duration_changed (HmrBanDialog *self)
{
  if (self->loading)
    return;
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->end_row), "");
  self->loading = FALSE;
}

static void
on_end_changed (HmrBanDialog *self)
{
  if (self->loading)
    return;
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->duration_row), "");
  self->loading = FALSE;
}

static void
load (HmrBanDialog *self)
{
  HmrReentryBan *ban = self->ban;

  self->loading = TRUE;
  hmr_intake_combo_select (self->has_ban_row, ban->has_ban ? ban->has_ban : "yes");
  hmr_intake_combo_select (self->imposed_by_row, ban->imposed_by);
  gtk_editable_set_text (GTK_EDITABLE (self->court_number_row),
                         ban->court_decision_number ? ban->court_decision_number : "");
  hmr_intake_date_load (self->court_date_row, ban->court_decision_date);
  hmr_intake_date_load (self->start_row, ban->start_date);
  hmr_intake_months_load (self->duration_row, ban->duration_months);
  hmr_intake_date_load (self->end_row, ban->end_date);
  hmr_intake_combo_select (self->appeal_row, ban->appeal_status ? ban->appeal_status : "none");
  hmr_intake_date_load (self->appeal_date_row, ban->appeal_date);
  hmr_intake_combo_select (self->referral_row, ban->legal_referral_id);
  self->loading = FALSE;
  update_visibility (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HmrBanDialog *self = HMR_BAN_DIALOG (widget);
  g_autoptr(HmrReentryBan) ban = hmr_reentry_ban_copy (self->ban);
  g_autoptr(GError) error = NULL;
  gboolean court;

#define SET(field, value) G_STMT_START { g_free (ban->field); ban->field = (value); } G_STMT_END
  SET (has_ban, g_strdup (hmr_intake_combo_get_code (self->has_ban_row)));
  SET (imposed_by, g_strdup (hmr_intake_combo_get_code (self->imposed_by_row)));
  court = g_strcmp0 (ban->imposed_by, "court") == 0;
  SET (court_decision_number, court ? hmr_intake_dup_text (self->court_number_row) : NULL);
  SET (court_decision_date, court ? hmr_intake_dup_text (self->court_date_row) : NULL);
  SET (start_date, hmr_intake_dup_text (self->start_row));
  SET (end_date, hmr_intake_dup_text (self->end_row));
  SET (appeal_status, g_strdup (hmr_intake_combo_get_code (self->appeal_row)));
  SET (appeal_date, g_strcmp0 (ban->appeal_status, "none") != 0 ? hmr_intake_dup_text (self->appeal_date_row) : NULL);
  SET (legal_referral_id, g_strdup (hmr_intake_combo_get_code (self->referral_row)));
#undef SET
  if (!hmr_intake_months_read (self->duration_row, &ban->duration_months))
    {
      hmr_intake_show_error (self->error_label,
                             _("Duration of the ban must be a whole number of months from 1 to 600."));
      gtk_widget_grab_focus (GTK_WIDGET (self->duration_row));
      return;
    }

  if (!hmr_store_save_reentry_ban (self->store, self->actor, ban, &error))
    {
      /* Nothing typed is lost: the dialog stays as it is */
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
hmr_ban_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HMR_TYPE_BAN_DIALOG);
  G_OBJECT_CLASS (hmr_ban_dialog_parent_class)->dispose (object);
}

static void
hmr_ban_dialog_finalize (GObject *object)
{
  HmrBanDialog *self = HMR_BAN_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, hmr_actor_free);
  g_clear_pointer (&self->ban, hmr_reentry_ban_free);
  G_OBJECT_CLASS (hmr_ban_dialog_parent_class)->finalize (object);
}

static void
hmr_ban_dialog_class_init (HmrBanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hmr_ban_dialog_dispose;
  object_class->finalize = hmr_ban_dialog_finalize;

  /**
   * HmrBanDialog::saved:
   *
   * The ban was saved: the case file shows it anew.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/registry/hmr-ban-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrBanDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, HmrBanDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HmrBanDialog, has_ban_row);
  gtk_widget_class_bind_template_child (widget_class, HmrBanDialog, decision_group);
  gtk_widget_class_bind_template_child (widget_class, HmrBanDialog, imposed_by_row);
  gtk_widget_class_bind_template_child (widget_class, HmrBanDialog, court_number_row);
  gtk_widget_class_bind_template_child (widget_class, HmrBanDialog, court_date_row);
  gtk_widget_class_bind_template_child (widget_class, HmrBanDialog, period_group);
  gtk_widget_class_bind_template_child (widget_class, HmrBanDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, HmrBanDialog, duration_row);
  gtk_widget_class_bind_template_child (widget_class, HmrBanDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, HmrBanDialog, appeal_group);
  gtk_widget_class_bind_template_child (widget_class, HmrBanDialog, appeal_row);
  gtk_widget_class_bind_template_child (widget_class, HmrBanDialog, appeal_date_row);
  gtk_widget_class_bind_template_child (widget_class, HmrBanDialog, referral_row);

  gtk_widget_class_install_action (widget_class, "ban.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "ban.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "ban.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "ban.cancel", NULL);
}

static void
hmr_ban_dialog_init (HmrBanDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  hmr_intake_combo_fill (self->has_ban_row, HMR_CODES_HAS_BAN, NULL);
  hmr_intake_combo_fill (self->imposed_by_row, HMR_CODES_BAN_IMPOSED_BY, C_("imposed by", "Not known"));
  hmr_intake_combo_fill (self->appeal_row, HMR_CODES_APPEAL_STATUS, NULL);
  g_signal_connect_swapped (self->has_ban_row, "notify::selected", G_CALLBACK (update_visibility), self);
  g_signal_connect_swapped (self->imposed_by_row, "notify::selected", G_CALLBACK (update_visibility), self);
  g_signal_connect_swapped (self->appeal_row, "notify::selected", G_CALLBACK (update_visibility), self);
  g_signal_connect_swapped (self->duration_row, "changed", G_CALLBACK (on_duration_changed), self);
  g_signal_connect_swapped (self->end_row, "changed", G_CALLBACK (on_end_changed), self);
  gtk_window_set_title (GTK_WINDOW (self), _("Re-entry Ban"));
  adw_window_title_set_title (self->window_title, _("Re-entry Ban"));
}

/**
 * hmr_ban_dialog_new:
 *
 * Returns: (transfer floating) (nullable): the dialog for the ban of
 *   @beneficiary_id (a new one when none is recorded); %NULL when the
 *   actor may not change it
 */
HmrBanDialog *
hmr_ban_dialog_new (HmrStore        *store,
                    const HmrActor  *actor,
                    const char      *beneficiary_id,
                    GError         **error)
{
  g_autoptr(HmrReentryBan) ban = NULL;
  g_autoptr(GPtrArray) referrals = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(HmrBeneficiary) person = NULL;
  g_autofree const char **ids = NULL;
  g_autofree const char **labels = NULL;
  g_autofree char *name = NULL;
  HmrBanDialog *self;

  g_return_val_if_fail (HMR_IS_STORE (store), NULL);

  person = hmr_store_get_beneficiary (store, actor, beneficiary_id, error);
  if (person == NULL)
    return NULL;
  if (!hmr_store_require (actor, HMR_ACTION_BENEFICIARY_WRITE,
                          hmr_beneficiary_get (person, HMR_BENEFICIARY_OFFICE_ID), error))
    return NULL;
  ban = hmr_store_get_reentry_ban (store, actor, beneficiary_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (ban == NULL)
    {
      ban = hmr_reentry_ban_new ();
      ban->beneficiary_id = g_strdup (beneficiary_id);
    }
  referrals = hmr_store_list_legal_referrals (store, actor, beneficiary_id, &local_error);
  if (referrals == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  self = g_object_new (HMR_TYPE_BAN_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->actor = hmr_actor_copy (actor);
  self->ban = g_steal_pointer (&ban);

  ids = g_new0 (const char *, referrals->len + 1);
  labels = g_new0 (const char *, referrals->len + 1);
  for (guint i = 0; i < referrals->len; i++)
    {
      HmrReferralChoice *c = g_ptr_array_index (referrals, i);
      ids[i] = c->id;
      labels[i] = c->label;
    }
  hmr_intake_combo_fill_codes (self->referral_row, ids, labels, referrals->len,
                               C_("legal-aid referral", "None yet"));
  name = hmr_beneficiary_dup_full_name (person);
  adw_window_title_set_subtitle (self->window_title, name);
  load (self);
  return self;
}

/**
 * hmr_ban_dialog_get_row:
 * @name: a row's id in the template, as "duration_row"
 */
GtkWidget *
hmr_ban_dialog_get_row (HmrBanDialog *self,
                        const char   *name)
{
  g_return_val_if_fail (HMR_IS_BAN_DIALOG (self), NULL);
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), HMR_TYPE_BAN_DIALOG, name));
}

/**
 * hmr_ban_dialog_get_error:
 *
 * Returns: (nullable): the message shown, %NULL when none
 */
const char *
hmr_ban_dialog_get_error (HmrBanDialog *self)
{
  g_return_val_if_fail (HMR_IS_BAN_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_label (self->error_label) : NULL;
}
