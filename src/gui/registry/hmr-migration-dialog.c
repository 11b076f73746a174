/* hmr-migration-dialog.c
 *
 * One stay abroad: the country and city from lists (with "Other" to type
 * a place that is not in them), the dates or the months abroad, the
 * sector and how the person came back.  An episode entered by mistake is
 * archived from here, after a question.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-gui-util.h"
#include "hmr-intake-util.h"
#include "hmr-migration-dialog.h"

struct _HmrMigrationDialog
{
  AdwWindow            parent_instance;

  HmrStore            *store;
  HmrActor            *actor;
  HmrMigrationEpisode *episode;     /* as read, or a new one */

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkLabel            *error_label;
  AdwComboRow         *country_row;
  AdwEntryRow         *country_other_row;
  AdwComboRow         *city_row;
  AdwEntryRow         *city_other_row;
  AdwEntryRow         *departure_row;
  AdwEntryRow         *return_row;
  AdwEntryRow         *months_row;
  AdwComboRow         *group_row;
  AdwComboRow         *sector_row;
  AdwComboRow         *return_type_row;
  GtkWidget           *archive_button;
};

G_DEFINE_FINAL_TYPE (HmrMigrationDialog, hmr_migration_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_places_changed (HmrMigrationDialog *self)
{
  hmr_intake_place_update (self->country_row, self->country_other_row);
  hmr_intake_place_update (self->city_row, self->city_other_row);
}

static void
load (HmrMigrationDialog *self)
{
  HmrMigrationEpisode *e = self->episode;

  hmr_intake_place_load (self->country_row, self->country_other_row, e->country);
  hmr_intake_place_load (self->city_row, self->city_other_row, e->city);
  hmr_intake_date_load (self->departure_row, e->departure_date);
  hmr_intake_date_load (self->return_row, e->return_date);
  hmr_intake_months_load (self->months_row, e->months_abroad);
  hmr_intake_combo_select (self->group_row, e->duration_group);
  hmr_intake_combo_select (self->sector_row, e->sector);
  hmr_intake_combo_select (self->return_type_row, e->return_type);
  gtk_widget_set_visible (self->archive_button, e->id != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "episode.archive", e->id != NULL);
}

static void
finish (HmrMigrationDialog *self)
{
  hmr_intake_saved (GTK_WINDOW (self), self->error_label);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HmrMigrationDialog *self = HMR_MIGRATION_DIALOG (widget);
  g_autoptr(HmrMigrationEpisode) e = hmr_migration_episode_copy (self->episode);
  g_autoptr(GError) error = NULL;
  int months;

#define SET(field, value) G_STMT_START { g_free (e->field); e->field = (value); } G_STMT_END
  SET (country, hmr_intake_place_dup (self->country_row, self->country_other_row));
  SET (city, hmr_intake_place_dup (self->city_row, self->city_other_row));
  SET (departure_date, hmr_intake_dup_text (self->departure_row));
  SET (return_date, hmr_intake_dup_text (self->return_row));
  SET (duration_group, g_strdup (hmr_intake_combo_get_code (self->group_row)));
  SET (sector, g_strdup (hmr_intake_combo_get_code (self->sector_row)));
  SET (return_type, g_strdup (hmr_intake_combo_get_code (self->return_type_row)));
#undef SET
  if (!hmr_intake_months_read (self->months_row, &months))
    {
      hmr_intake_show_error (self->error_label, _("Months abroad must be a whole number from 0 to 600."));
      gtk_widget_grab_focus (GTK_WIDGET (self->months_row));
      return;
    }
  /* Months worked out from dates that were changed are worked out again */
  if (self->episode->id != NULL && months == self->episode->months_abroad &&
      (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->departure_row)), "") != 0 ||
       g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->return_row)), "") != 0))
    {
      g_autofree char *dep = hmr_gui_format_date (self->episode->departure_date);
      g_autofree char *ret = hmr_gui_format_date (self->episode->return_date);

      if (g_strcmp0 (dep ? dep : "", gtk_editable_get_text (GTK_EDITABLE (self->departure_row))) != 0 ||
          g_strcmp0 (ret ? ret : "", gtk_editable_get_text (GTK_EDITABLE (self->return_row))) != 0)
        months = -1;
    }
  e->months_abroad = months;

  if (!hmr_store_save_migration_episode (self->store, self->actor, e, &error))
    {
      hmr_intake_show_error (self->error_label, error->message);
      return;
    }
  finish (self);
}

static void
on_archive_response (AdwMessageDialog   *dialog,
                     const char         *response,
                     HmrMigrationDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "archive") != 0)
    return;
  if (!hmr_store_archive_migration_episode (self->store, self->actor, self->episode->id, &error))
    {
      hmr_intake_show_error (self->error_label, error->message);
      return;
    }
  finish (self);
}

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HmrMigrationDialog *self = HMR_MIGRATION_DIALOG (widget);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Archive This Episode?"),
                                   _("It leaves the case file; it stays in the database and the audit trail, "
                                     "archived, not deleted."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "archive", _("_Archive"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "archive", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_archive_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
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
hmr_migration_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HMR_TYPE_MIGRATION_DIALOG);
  G_OBJECT_CLASS (hmr_migration_dialog_parent_class)->dispose (object);
}

static void
hmr_migration_dialog_finalize (GObject *object)
{
  HmrMigrationDialog *self = HMR_MIGRATION_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, hmr_actor_free);
  g_clear_pointer (&self->episode, hmr_migration_episode_free);
  G_OBJECT_CLASS (hmr_migration_dialog_parent_class)->finalize (object);
}

static void
hmr_migration_dialog_class_init (HmrMigrationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hmr_migration_dialog_dispose;
  object_class->finalize = hmr_migration_dialog_finalize;

  /**
   * HmrMigrationDialog::saved:
   *
   * The episode was saved or archived.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/registry/hmr-migration-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrMigrationDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, HmrMigrationDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HmrMigrationDialog, country_row);
  gtk_widget_class_bind_template_child (widget_class, HmrMigrationDialog, country_other_row);
  gtk_widget_class_bind_template_child (widget_class, HmrMigrationDialog, city_row);
  gtk_widget_class_bind_template_child (widget_class, HmrMigrationDialog, city_other_row);
  gtk_widget_class_bind_template_child (widget_class, HmrMigrationDialog, departure_row);
  gtk_widget_class_bind_template_child (widget_class, HmrMigrationDialog, return_row);
  gtk_widget_class_bind_template_child (widget_class, HmrMigrationDialog, months_row);
  gtk_widget_class_bind_template_child (widget_class, HmrMigrationDialog, group_row);
  gtk_widget_class_bind_template_child (widget_class, HmrMigrationDialog, sector_row);
  gtk_widget_class_bind_template_child (widget_class, HmrMigrationDialog, return_type_row);
  gtk_widget_class_bind_template_child (widget_class, HmrMigrationDialog, archive_button);

  gtk_widget_class_install_action (widget_class, "episode.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "episode.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "episode.archive", NULL, archive_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "episode.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "episode.cancel", NULL);
}

static void
hmr_migration_dialog_init (HmrMigrationDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  hmr_intake_combo_fill (self->country_row, HMR_CODES_COUNTRY, C_("country", "Not chosen"));
  hmr_intake_combo_fill (self->city_row, HMR_CODES_CITY, C_("city", "Not known"));
  hmr_intake_combo_fill (self->group_row, HMR_CODES_DURATION_GROUP, C_("time abroad", "Not known"));
  hmr_intake_combo_fill (self->sector_row, HMR_CODES_SECTOR, C_("sector", "Not known"));
  hmr_intake_combo_fill (self->return_type_row, HMR_CODES_RETURN_TYPE, C_("return", "Not known"));
  g_signal_connect_swapped (self->country_row, "notify::selected", G_CALLBACK (on_places_changed), self);
  g_signal_connect_swapped (self->city_row, "notify::selected", G_CALLBACK (on_places_changed), self);
}

/**
 * hmr_migration_dialog_new:
 * @episode_id: (nullable): the episode to change, or %NULL to add one
 *
 * Returns: (transfer floating) (nullable): the dialog; %NULL when the
 *   actor may not change the case file
 */
HmrMigrationDialog *
hmr_migration_dialog_new (HmrStore        *store,
                          const HmrActor  *actor,
                          const char      *beneficiary_id,
                          const char      *episode_id,
                          GError         **error)
{
  g_autoptr(HmrBeneficiary) person = NULL;
  g_autoptr(HmrMigrationEpisode) episode = NULL;
  g_autofree char *name = NULL;
  HmrMigrationDialog *self;

  g_return_val_if_fail (HMR_IS_STORE (store), NULL);

  person = hmr_store_get_beneficiary (store, actor, beneficiary_id, error);
  if (person == NULL ||
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_WRITE,
                          hmr_beneficiary_get (person, HMR_BENEFICIARY_OFFICE_ID), error))
    return NULL;
  if (episode_id != NULL)
    {
      g_autoptr(GPtrArray) list = hmr_store_list_migration_episodes (store, actor, beneficiary_id, error);

      for (guint i = 0; list != NULL && i < list->len && episode == NULL; i++)
        if (g_strcmp0 (((HmrMigrationEpisode *) list->pdata[i])->id, episode_id) == 0)
          episode = hmr_migration_episode_copy (list->pdata[i]);
      if (list == NULL)
        return NULL;
      if (episode == NULL)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                       _("This migration episode does not exist (any more)."));
          return NULL;
        }
    }
  else
    {
      episode = hmr_migration_episode_new ();
      episode->beneficiary_id = g_strdup (beneficiary_id);
    }

  self = g_object_new (HMR_TYPE_MIGRATION_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->actor = hmr_actor_copy (actor);
  self->episode = g_steal_pointer (&episode);
  gtk_window_set_title (GTK_WINDOW (self), episode_id ? _("Migration Episode") : _("Add Migration Episode"));
  adw_window_title_set_title (self->window_title,
                              episode_id ? _("Migration Episode") : _("Add Migration Episode"));
  name = hmr_beneficiary_dup_full_name (person);
  adw_window_title_set_subtitle (self->window_title, name);
  load (self);
  return self;
}

GtkWidget *
hmr_migration_dialog_get_row (HmrMigrationDialog *self,
                              const char         *name)
{
  g_return_val_if_fail (HMR_IS_MIGRATION_DIALOG (self), NULL);
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), HMR_TYPE_MIGRATION_DIALOG, name));
}

const char *
hmr_migration_dialog_get_error (HmrMigrationDialog *self)
{
  g_return_val_if_fail (HMR_IS_MIGRATION_DIALOG (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_label (self->error_label) : NULL;
}
