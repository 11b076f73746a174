/* hmr-user-dialog.c
 *
 * Saving hashes a password (Argon2id, slow on purpose) whenever one was
 * typed, so it runs in a GTask thread with its own connection, a spinner
 * in the Save button meanwhile.  A new account, and an account whose
 * password was reset, must choose a new password at the next login.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "hmr-gui-util.h"
#include "hmr-people.h"
#include "hmr-user-dialog.h"

struct _HmrUserDialog
{
  AdwWindow             parent_instance;

  HmrStore             *store;
  HmrActor             *actor;
  HmrUserInfo          *user;        /* NULL: a new account */
  GPtrArray            *districts;   /* office row position - 1 → district */
  GCancellable         *cancellable;
  gboolean              busy;

  /* Template widgets */
  GtkLabel             *save_label;
  GtkSpinner           *spinner;
  GtkLabel             *error_label;
  AdwPreferencesPage   *form_page;
  AdwEntryRow          *username_row;
  AdwEntryRow          *full_name_row;
  AdwEntryRow          *full_name_cyrillic_row;
  AdwComboRow          *role_row;
  AdwComboRow          *office_row;
  AdwPreferencesGroup  *password_group;
  AdwPasswordEntryRow  *password_row;
  AdwPasswordEntryRow  *repeat_row;
};

G_DEFINE_FINAL_TYPE (HmrUserDialog, hmr_user_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  HmrStore *origin;   /* a connection of its own is opened from it */
  HmrActor *actor;
  char     *user_id;     /* NULL: create */
  char     *username;
  char     *full_name;
  char     *full_name_cyrillic;   /* NULL: none */
  gboolean  cyrillic_changed;
  HmrRole   role;
  char     *office_id;
  char     *password;    /* NULL: keep */
  gboolean  details_changed;
} SaveData;

static void
save_data_free (SaveData *data)
{
  if (data->password != NULL)
    memset (data->password, 0, strlen (data->password));
  g_clear_object (&data->origin);
  hmr_actor_free (data->actor);
  g_free (data->user_id);
  g_free (data->username);
  g_free (data->full_name);
  g_free (data->full_name_cyrillic);
  g_free (data->office_id);
  g_free (data->password);
  g_free (data);
}

static void
show_error (HmrUserDialog *self,
            const char    *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (gtk_widget_get_ancestor (GTK_WIDGET (self->error_label), ADW_TYPE_PREFERENCES_GROUP),
                          message != NULL);
}

static void
set_busy (HmrUserDialog *self,
          gboolean       busy)
{
  self->busy = busy;
  if (busy)
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->form_page), !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "user.save", !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  if (busy)
    show_error (self, NULL);
}

/* ---- saving, in a thread ---------------------------------------------- */

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  g_autoptr(HmrStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = hmr_store_open_sibling (data->origin, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (data->user_id == NULL)
    {
      g_autoptr(HmrActor) created = NULL;

      created = hmr_store_create_user_with_temporary_password (store, data->actor,
                                                               data->username, data->full_name,
                                                               data->role, data->office_id,
                                                               data->password, &error);
      if (created == NULL ||
          (data->full_name_cyrillic != NULL &&
           !hmr_store_set_user_cyrillic_name (store, data->actor, created->user_id,
                                              data->full_name_cyrillic, &error)))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  else
    {
      if (data->details_changed &&
          !hmr_store_update_user (store, data->actor, data->user_id, data->full_name,
                                  data->role, data->office_id, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (data->cyrillic_changed &&
          !hmr_store_set_user_cyrillic_name (store, data->actor, data->user_id,
                                             data->full_name_cyrillic, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      if (data->password != NULL &&
          !hmr_store_reset_password (store, data->actor, data->user_id, data->password, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_save_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  HmrUserDialog *self = HMR_USER_DIALOG (source);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  set_busy (self, FALSE);
  if (error != NULL)
    {
      show_error (self, error->message);
      if (g_str_has_prefix (error->message, _("Password")))
        gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }

  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static char *
dup_trimmed (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HmrUserDialog *self = HMR_USER_DIALOG (widget);
  g_autofree char *username = dup_trimmed (self->username_row);
  g_autofree char *full_name = dup_trimmed (self->full_name_row);
  g_autofree char *cyrillic_typed = dup_trimmed (self->full_name_cyrillic_row);
  g_autofree char *full_name_cyrillic = NULL;
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  const char *repeat = gtk_editable_get_text (GTK_EDITABLE (self->repeat_row));
  guint office_pos = adw_combo_row_get_selected (self->office_row);
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *office_id = NULL;
  SaveData *data;

  if (self->busy)
    return;

  if (username[0] == '\0')
    {
      show_error (self, _("Enter a user name."));
      gtk_widget_grab_focus (GTK_WIDGET (self->username_row));
      return;
    }
  if (full_name[0] == '\0')
    {
      show_error (self, _("Enter the full name."));
      gtk_widget_grab_focus (GTK_WIDGET (self->full_name_row));
      return;
    }
  /* Checked before anything is written: a new account is never left
   * without the spelling that was typed for it */
  if (!hmr_user_cyrillic_name_is_acceptable (cyrillic_typed, &full_name_cyrillic, &error))
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->full_name_cyrillic_row));
      return;
    }
  if (self->user == NULL && password[0] == '\0')
    {
      show_error (self, _("Choose an initial password."));
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }
  if (password[0] != '\0')
    {
      if (!hmr_password_is_acceptable (username, password, &error))
        {
          show_error (self, error->message);
          gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
          return;
        }
      if (g_strcmp0 (password, repeat) != 0)
        {
          show_error (self, _("The two passwords are not the same. Type the password again in both fields."));
          gtk_editable_set_text (GTK_EDITABLE (self->repeat_row), "");
          gtk_widget_grab_focus (GTK_WIDGET (self->repeat_row));
          return;
        }
    }
  if (office_pos != GTK_INVALID_LIST_POSITION && office_pos > 0)
    {
      office_id = hmr_store_dup_office_for_district (self->store,
                                                     g_ptr_array_index (self->districts, office_pos - 1),
                                                     &error);
      if (office_id == NULL)
        {
          show_error (self, error->message);
          return;
        }
    }

  data = g_new0 (SaveData, 1);
  data->origin = g_object_ref (self->store);
  data->actor = hmr_actor_copy (self->actor);
  data->user_id = self->user ? g_strdup (self->user->id) : NULL;
  data->username = g_steal_pointer (&username);
  data->full_name = g_steal_pointer (&full_name);
  data->cyrillic_changed = g_strcmp0 (full_name_cyrillic, self->user ? self->user->full_name_cyrillic : NULL) != 0;
  data->full_name_cyrillic = g_steal_pointer (&full_name_cyrillic);
  data->role = (HmrRole) adw_combo_row_get_selected (self->role_row);
  data->office_id = g_steal_pointer (&office_id);
  data->password = password[0] != '\0' ? g_strdup (password) : NULL;
  data->details_changed = self->user == NULL ||
                          g_strcmp0 (data->full_name, self->user->full_name) != 0 ||
                          data->role != self->user->role ||
                          g_strcmp0 (data->office_id, self->user->office_id) != 0;

  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, on_save_done, NULL);
  g_task_set_source_tag (task, save_action);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

/* ---- template callbacks ------------------------------------------------ */

static void
on_row_activated (HmrUserDialog *self,
                  GtkWidget     *row)
{
  GtkWidget *order[] = {
    GTK_WIDGET (self->username_row), GTK_WIDGET (self->full_name_row),
    GTK_WIDGET (self->full_name_cyrillic_row),
    GTK_WIDGET (self->password_row), GTK_WIDGET (self->repeat_row),
  };

  for (guint i = 0; i + 1 < G_N_ELEMENTS (order); i++)
    if (order[i] == row && gtk_widget_get_sensitive (order[i + 1]))
      {
        gtk_widget_grab_focus (order[i + 1]);
        return;
      }
  gtk_widget_activate_action (GTK_WIDGET (self), "user.save", NULL);
}

static void
on_role_changed (HmrUserDialog *self)
{
  /* Only caseworkers are bound to an office; the others see every office */
  HmrRole role = (HmrRole) adw_combo_row_get_selected (self->role_row);

  gtk_widget_set_sensitive (GTK_WIDGET (self->office_row), role == HMR_ROLE_CASEWORKER);
  if (role != HMR_ROLE_CASEWORKER)
    adw_combo_row_set_selected (self->office_row, 0);
  else if (adw_combo_row_get_selected (self->office_row) == 0 && self->districts != NULL &&
           self->districts->len > 0)
    adw_combo_row_set_selected (self->office_row, 1);
}

/* ---- GObject ------------------------------------------------------------ */

static void
hmr_user_dialog_dispose (GObject *object)
{
  HmrUserDialog *self = HMR_USER_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HMR_TYPE_USER_DIALOG);

  G_OBJECT_CLASS (hmr_user_dialog_parent_class)->dispose (object);
}

static void
hmr_user_dialog_finalize (GObject *object)
{
  HmrUserDialog *self = HMR_USER_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->actor, hmr_actor_free);
  g_clear_pointer (&self->user, hmr_user_info_free);
  g_clear_pointer (&self->districts, g_ptr_array_unref);

  G_OBJECT_CLASS (hmr_user_dialog_parent_class)->finalize (object);
}

static void
hmr_user_dialog_class_init (HmrUserDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hmr_user_dialog_dispose;
  object_class->finalize = hmr_user_dialog_finalize;

  /**
   * HmrUserDialog::saved:
   *
   * The account was created or changed.
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/admin/hmr-user-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrUserDialog, save_label);
  gtk_widget_class_bind_template_child (widget_class, HmrUserDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, HmrUserDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HmrUserDialog, form_page);
  gtk_widget_class_bind_template_child (widget_class, HmrUserDialog, username_row);
  gtk_widget_class_bind_template_child (widget_class, HmrUserDialog, full_name_row);
  gtk_widget_class_bind_template_child (widget_class, HmrUserDialog, full_name_cyrillic_row);
  gtk_widget_class_bind_template_child (widget_class, HmrUserDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, HmrUserDialog, office_row);
  gtk_widget_class_bind_template_child (widget_class, HmrUserDialog, password_group);
  gtk_widget_class_bind_template_child (widget_class, HmrUserDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, HmrUserDialog, repeat_row);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_role_changed);

  gtk_widget_class_install_action (widget_class, "user.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hmr_user_dialog_init (HmrUserDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * hmr_user_dialog_new:
 * @user: (nullable): the account to change, or %NULL for a new one
 *
 * Returns: (transfer floating): the dialog
 */
HmrUserDialog *
hmr_user_dialog_new (HmrStore          *store,
                     const HmrActor    *actor,
                     const HmrUserInfo *user)
{
  HmrUserDialog *self;
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) offices = gtk_string_list_new (NULL);
  guint office_pos = 0;

  g_return_val_if_fail (HMR_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  self = g_object_new (HMR_TYPE_USER_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->actor = hmr_actor_copy (actor);

  for (int r = 0; r < HMR_N_ROLES; r++)
    gtk_string_list_append (roles, hmr_role_get_label ((HmrRole) r));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));

  /* Translators: the office of a user who is bound to none */
  gtk_string_list_append (offices, C_("office", "None (every office)"));
  self->districts = hmr_store_list_districts (store, NULL);
  if (self->districts == NULL)
    self->districts = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->districts->len; i++)
    {
      const char *district = g_ptr_array_index (self->districts, i);

      gtk_string_list_append (offices, hmr_district_get_label (district));
      if (user != NULL && g_strcmp0 (district, user->office_district) == 0)
        office_pos = i + 1;
    }
  adw_combo_row_set_model (self->office_row, G_LIST_MODEL (offices));

  if (user == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New User"));
      gtk_label_set_label (self->save_label, _("C_reate"));
      adw_preferences_group_set_title (self->password_group, _("Initial Password"));
      adw_preferences_group_set_description (self->password_group,
                                             _("At least 12 characters, neither the user name nor a common password. "
                                               "The user must choose a new password at the first login."));
      adw_combo_row_set_selected (self->role_row, HMR_ROLE_CASEWORKER);
      on_role_changed (self);
      /* A caseworker works in an office: start with one, not with the
       * "every office" that saving would refuse */
      if (self->districts->len > 0)
        office_pos = 1;
      gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->username_row));
    }
  else
    {
      self->user = g_new0 (HmrUserInfo, 1);
      self->user->id = g_strdup (user->id);
      self->user->username = g_strdup (user->username);
      self->user->full_name = g_strdup (user->full_name);
      self->user->full_name_cyrillic = g_strdup (user->full_name_cyrillic);
      self->user->role = user->role;
      self->user->office_id = g_strdup (user->office_id);
      self->user->office_district = g_strdup (user->office_district);

      gtk_window_set_title (GTK_WINDOW (self), user->full_name);
      gtk_label_set_label (self->save_label, _("_Save"));
      gtk_editable_set_text (GTK_EDITABLE (self->username_row), user->username);
      gtk_widget_set_sensitive (GTK_WIDGET (self->username_row), FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->full_name_row), user->full_name);
      if (user->full_name_cyrillic != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->full_name_cyrillic_row), user->full_name_cyrillic);
      adw_combo_row_set_selected (self->role_row, user->role);
      on_role_changed (self);
      adw_preferences_group_set_title (self->password_group, _("Reset Password"));
      adw_preferences_group_set_description (self->password_group,
                                             _("Leave empty to keep the current password. "
                                               "After a reset the user must choose a new password at the next login."));
      gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->full_name_row));
    }
  adw_combo_row_set_selected (self->office_row, office_pos);
  return self;
}

gboolean
hmr_user_dialog_get_busy (HmrUserDialog *self)
{
  g_return_val_if_fail (HMR_IS_USER_DIALOG (self), FALSE);
  return self->busy;
}

/**
 * hmr_user_dialog_get_entry:
 * @name: "username", "full-name", "full-name-cyrillic", "password" or
 *   "repeat"
 */
GtkEditable *
hmr_user_dialog_get_entry (HmrUserDialog *self,
                           const char    *name)
{
  g_return_val_if_fail (HMR_IS_USER_DIALOG (self), NULL);

  if (g_strcmp0 (name, "username") == 0)
    return GTK_EDITABLE (self->username_row);
  if (g_strcmp0 (name, "full-name") == 0)
    return GTK_EDITABLE (self->full_name_row);
  if (g_strcmp0 (name, "full-name-cyrillic") == 0)
    return GTK_EDITABLE (self->full_name_cyrillic_row);
  if (g_strcmp0 (name, "password") == 0)
    return GTK_EDITABLE (self->password_row);
  if (g_strcmp0 (name, "repeat") == 0)
    return GTK_EDITABLE (self->repeat_row);
  g_return_val_if_reached (NULL);
}

AdwComboRow *
hmr_user_dialog_get_role_row (HmrUserDialog *self)
{
  g_return_val_if_fail (HMR_IS_USER_DIALOG (self), NULL);
  return self->role_row;
}

AdwComboRow *
hmr_user_dialog_get_office_row (HmrUserDialog *self)
{
  g_return_val_if_fail (HMR_IS_USER_DIALOG (self), NULL);
  return self->office_row;
}

GtkLabel *
hmr_user_dialog_get_error_label (HmrUserDialog *self)
{
  g_return_val_if_fail (HMR_IS_USER_DIALOG (self), NULL);
  return self->error_label;
}
