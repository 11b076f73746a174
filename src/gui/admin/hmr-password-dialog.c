/* hmr-password-dialog.c
 *
 * Shown after a login when the account must change its password (a new
 * account, or a reset by the administrator).  The store checks the current
 * password again and hashes the new one: slow on purpose, so in a GTask
 * thread with its own connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "hmr-gui-util.h"
#include "hmr-password-dialog.h"

struct _HmrPasswordDialog
{
  AdwWindow            parent_instance;

  HmrStore            *store;
  HmrActor            *actor;
  GCancellable        *cancellable;
  gboolean             busy;

  /* Template widgets */
  GtkSpinner          *spinner;
  AdwPreferencesPage  *form_page;
  AdwPasswordEntryRow *old_row;
  AdwPasswordEntryRow *new_row;
  AdwPasswordEntryRow *repeat_row;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (HmrPasswordDialog, hmr_password_dialog, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  HmrStore *origin;   /* a connection of its own is opened from it */
  HmrActor *actor;
  char     *old_password;
  char     *new_password;
} ChangeData;

static void
wipe (char *s)
{
  if (s != NULL)
    memset (s, 0, strlen (s));
  g_free (s);
}

static void
change_data_free (ChangeData *data)
{
  g_clear_object (&data->origin);
  hmr_actor_free (data->actor);
  wipe (data->old_password);
  wipe (data->new_password);
  g_free (data);
}

static void
show_error (HmrPasswordDialog *self,
            const char        *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->error_label), ADW_TYPE_PREFERENCES_GROUP),
                          message != NULL);
}

static void
set_busy (HmrPasswordDialog *self,
          gboolean           busy)
{
  self->busy = busy;
  if (busy)
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->form_page), !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "password.change", !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  if (busy)
    show_error (self, NULL);
}

static void
change_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ChangeData *data = task_data;
  g_autoptr(HmrStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = hmr_store_open_sibling (data->origin, &error);
  if (store == NULL ||
      !hmr_store_change_password (store, data->actor, data->old_password, data->new_password, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_change_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  HmrPasswordDialog *self = HMR_PASSWORD_DIALOG (source);
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  set_busy (self, FALSE);
  if (error != NULL)
    {
      if (g_error_matches (error, HMR_STORE_ERROR, HMR_STORE_ERROR_AUTH))
        {
          show_error (self, _("The current password is wrong."));
          gtk_editable_set_text (GTK_EDITABLE (self->old_row), "");
          gtk_widget_grab_focus (GTK_WIDGET (self->old_row));
        }
      else
        {
          show_error (self, error->message);
          gtk_widget_grab_focus (GTK_WIDGET (self->new_row));
        }
      return;
    }

  g_signal_emit (self, signals[CHANGED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
change_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HmrPasswordDialog *self = HMR_PASSWORD_DIALOG (widget);
  const char *old_password = gtk_editable_get_text (GTK_EDITABLE (self->old_row));
  const char *new_password = gtk_editable_get_text (GTK_EDITABLE (self->new_row));
  const char *repeat = gtk_editable_get_text (GTK_EDITABLE (self->repeat_row));
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  ChangeData *data;

  if (self->busy)
    return;
  if (old_password[0] == '\0')
    {
      show_error (self, _("Enter your current password."));
      gtk_widget_grab_focus (GTK_WIDGET (self->old_row));
      return;
    }
  if (!hmr_password_is_acceptable (self->actor->username, new_password, &error))
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->new_row));
      return;
    }
  if (g_strcmp0 (new_password, repeat) != 0)
    {
      show_error (self, _("The two passwords are not the same. Type the new password again in both fields."));
      gtk_editable_set_text (GTK_EDITABLE (self->repeat_row), "");
      gtk_widget_grab_focus (GTK_WIDGET (self->repeat_row));
      return;
    }

  data = g_new0 (ChangeData, 1);
  data->origin = g_object_ref (self->store);
  data->actor = hmr_actor_copy (self->actor);
  data->old_password = g_strdup (old_password);
  data->new_password = g_strdup (new_password);

  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, on_change_done, NULL);
  g_task_set_source_tag (task, change_action);
  g_task_set_task_data (task, data, (GDestroyNotify) change_data_free);
  g_task_run_in_thread (task, change_thread);
}

static void
on_row_activated (HmrPasswordDialog *self,
                  GtkWidget         *row)
{
  if (row == GTK_WIDGET (self->old_row))
    gtk_widget_grab_focus (GTK_WIDGET (self->new_row));
  else if (row == GTK_WIDGET (self->new_row))
    gtk_widget_grab_focus (GTK_WIDGET (self->repeat_row));
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "password.change", NULL);
}

static void
hmr_password_dialog_dispose (GObject *object)
{
  HmrPasswordDialog *self = HMR_PASSWORD_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HMR_TYPE_PASSWORD_DIALOG);

  G_OBJECT_CLASS (hmr_password_dialog_parent_class)->dispose (object);
}

static void
hmr_password_dialog_finalize (GObject *object)
{
  HmrPasswordDialog *self = HMR_PASSWORD_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->actor, hmr_actor_free);

  G_OBJECT_CLASS (hmr_password_dialog_parent_class)->finalize (object);
}

static void
hmr_password_dialog_class_init (HmrPasswordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hmr_password_dialog_dispose;
  object_class->finalize = hmr_password_dialog_finalize;

  /**
   * HmrPasswordDialog::changed:
   *
   * The new password was saved.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/admin/hmr-password-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrPasswordDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, HmrPasswordDialog, form_page);
  gtk_widget_class_bind_template_child (widget_class, HmrPasswordDialog, old_row);
  gtk_widget_class_bind_template_child (widget_class, HmrPasswordDialog, new_row);
  gtk_widget_class_bind_template_child (widget_class, HmrPasswordDialog, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, HmrPasswordDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "password.change", NULL, change_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hmr_password_dialog_init (HmrPasswordDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * hmr_password_dialog_new:
 *
 * Returns: (transfer floating): the dialog for @actor
 */
HmrPasswordDialog *
hmr_password_dialog_new (HmrStore       *store,
                         const HmrActor *actor)
{
  HmrPasswordDialog *self;

  g_return_val_if_fail (HMR_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  self = g_object_new (HMR_TYPE_PASSWORD_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->actor = hmr_actor_copy (actor);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->old_row));
  return self;
}

const HmrActor *
hmr_password_dialog_get_actor (HmrPasswordDialog *self)
{
  g_return_val_if_fail (HMR_IS_PASSWORD_DIALOG (self), NULL);
  return self->actor;
}

gboolean
hmr_password_dialog_get_busy (HmrPasswordDialog *self)
{
  g_return_val_if_fail (HMR_IS_PASSWORD_DIALOG (self), FALSE);
  return self->busy;
}

GtkEditable *
hmr_password_dialog_get_entry (HmrPasswordDialog *self,
                               const char        *name)
{
  g_return_val_if_fail (HMR_IS_PASSWORD_DIALOG (self), NULL);

  if (g_strcmp0 (name, "old") == 0)
    return GTK_EDITABLE (self->old_row);
  if (g_strcmp0 (name, "new") == 0)
    return GTK_EDITABLE (self->new_row);
  if (g_strcmp0 (name, "repeat") == 0)
    return GTK_EDITABLE (self->repeat_row);
  g_return_val_if_reached (NULL);
}

GtkLabel *
hmr_password_dialog_get_error_label (HmrPasswordDialog *self)
{
  g_return_val_if_fail (HMR_IS_PASSWORD_DIALOG (self), NULL);
  return self->error_label;
}
