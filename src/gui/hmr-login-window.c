/* hmr-login-window.c
 *
 * Checking a password is deliberately slow (Argon2id), so it runs in a
 * GTask thread with its own connection to the database: SQLite connections
 * are not shared between threads.  Meanwhile the window shows a spinner and
 * takes no input.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "hmr-gui-util.h"
#include "hmr-login-window.h"
#include "hmr-sync.h"
#include "hmr-demo.h"

struct _HmrLoginWindow
{
  AdwApplicationWindow  parent_instance;

  HmrStore             *store;
  GCancellable         *cancellable;
  gboolean              busy;
  gboolean              setting_up;

  /* Template widgets */
  GtkLabel             *heading_label;
  GtkLabel             *description_label;
  GtkStack             *mode_stack;
  AdwEntryRow          *username_row;
  AdwPasswordEntryRow  *password_row;
  AdwEntryRow          *admin_username_row;
  AdwEntryRow          *admin_full_name_row;
  AdwPasswordEntryRow  *admin_password_row;
  AdwPasswordEntryRow  *admin_repeat_row;
  GtkLabel             *error_label;
  GtkButton            *submit_button;
  GtkSpinner           *spinner;
  GtkLabel             *submit_label;
  GtkLabel             *database_label;
  GtkWidget            *join_box;
  GtkLabel             *demo_users_label;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (HmrLoginWindow, hmr_login_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_BUSY,
  PROP_SETTING_UP,
  N_PROPS
};

enum {
  LOGGED_IN,
  OPEN_DEMO,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  HmrStore *origin;   /* a connection of its own is opened from it */
  char     *username;
  char     *full_name;
  char     *password;
  gboolean  setup;
} LoginData;

static void
login_data_free (LoginData *data)
{
  if (data->password != NULL)
    memset (data->password, 0, strlen (data->password));
  g_clear_object (&data->origin);
  g_free (data->username);
  g_free (data->full_name);
  g_free (data->password);
  g_free (data);
}

/* ---- display -------------------------------------------------------- */

static void
show_error (HmrLoginWindow *self,
            const char     *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
hide_error (HmrLoginWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
set_busy (HmrLoginWindow *self,
          gboolean        busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;

  /* Take the focus away first: a text losing it by turning insensitive
   * would miss its focus-out */
  if (busy)
    gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mode_stack), !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "login.submit", !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  if (busy)
    hide_error (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_setting_up (HmrLoginWindow *self,
                gboolean        setting_up)
{
  self->setting_up = setting_up;

  if (setting_up)
    {
      gtk_label_set_label (self->heading_label, _("Set Up Hamroh"));
      gtk_label_set_label (self->description_label,
                           _("This database has no users yet. Create the administrator, "
                             "who will then add the caseworkers, supervisors and finance officers."));
      gtk_label_set_label (self->submit_label, _("_Create Administrator"));
      gtk_stack_set_visible_child_name (self->mode_stack, "setup");
      gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->admin_username_row));
    }
  else
    {
      gtk_label_set_label (self->heading_label, _("Welcome to Hamroh"));
      gtk_label_set_label (self->description_label,
                           _("Log in with the user name and password your administrator gave you."));
      gtk_label_set_label (self->submit_label, _("_Log In"));
      gtk_stack_set_visible_child_name (self->mode_stack, "login");
      gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->username_row));
    }
  gtk_widget_set_visible (self->join_box, setting_up);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "login.join", setting_up && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "login.demo", setting_up && !self->busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTING_UP]);
}

/* ---- the work, in a thread ----------------------------------------- */

static void
login_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  LoginData *data = task_data;
  g_autoptr(HmrStore) store = NULL;
  g_autoptr(GError) error = NULL;
  HmrActor *actor;

  store = hmr_store_open_sibling (data->origin, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (data->setup)
    actor = hmr_store_create_first_admin (store, data->username, data->full_name,
                                          data->password, &error);
  else
    actor = hmr_store_authenticate (store, data->username, data->password, &error);

  if (actor == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, actor, (GDestroyNotify) hmr_actor_free);
}

static void
on_login_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  HmrLoginWindow *self = HMR_LOGIN_WINDOW (source);
  g_autoptr(HmrActor) actor = NULL;
  g_autoptr(GError) error = NULL;

  actor = g_task_propagate_pointer (G_TASK (result), &error);

  /* The window was closed meanwhile */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  set_busy (self, FALSE);

  if (actor == NULL)
    {
      if (self->setting_up)
        {
          show_error (self, error->message);
          gtk_widget_grab_focus (GTK_WIDGET (self->admin_password_row));
        }
      else
        {
          show_error (self, error->message);
          gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
          gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
        }
      return;
    }

  g_signal_emit (self, signals[LOGGED_IN], 0, actor);
}

static void
start (HmrLoginWindow *self,
       LoginData      *data)
{
  g_autoptr(GTask) task = NULL;

  data->origin = g_object_ref (self->store);

  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, on_login_done, NULL);
  g_task_set_source_tag (task, start);
  g_task_set_task_data (task, data, (GDestroyNotify) login_data_free);
  g_task_run_in_thread (task, login_thread);
}

static void
log_in (HmrLoginWindow *self)
{
  const char *username = gtk_editable_get_text (GTK_EDITABLE (self->username_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  g_autofree char *name = g_strstrip (g_strdup (username));
  LoginData *data;

  if (name[0] == '\0')
    {
      show_error (self, _("Enter your user name."));
      gtk_widget_grab_focus (GTK_WIDGET (self->username_row));
      return;
    }
  if (password[0] == '\0')
    {
      show_error (self, _("Enter your password."));
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }

  data = g_new0 (LoginData, 1);
  data->username = g_steal_pointer (&name);
  data->password = g_strdup (password);
  start (self, data);
}

static void
create_admin (HmrLoginWindow *self)
{
  const char *username = gtk_editable_get_text (GTK_EDITABLE (self->admin_username_row));
  const char *full_name = gtk_editable_get_text (GTK_EDITABLE (self->admin_full_name_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->admin_password_row));
  const char *repeat = gtk_editable_get_text (GTK_EDITABLE (self->admin_repeat_row));
  g_autofree char *name = g_strstrip (g_strdup (username));
  g_autofree char *full = g_strstrip (g_strdup (full_name));
  LoginData *data;

  if (name[0] == '\0')
    {
      show_error (self, _("Enter a user name for the administrator."));
      gtk_widget_grab_focus (GTK_WIDGET (self->admin_username_row));
      return;
    }
  if (full[0] == '\0')
    {
      show_error (self, _("Enter the administrator’s full name."));
      gtk_widget_grab_focus (GTK_WIDGET (self->admin_full_name_row));
      return;
    }
  if (password[0] == '\0')
    {
      show_error (self, _("Choose a password."));
      gtk_widget_grab_focus (GTK_WIDGET (self->admin_password_row));
      return;
    }
  if (g_strcmp0 (password, repeat) != 0)
    {
      show_error (self, _("The two passwords are not the same. Type the password again in both fields."));
      gtk_editable_set_text (GTK_EDITABLE (self->admin_repeat_row), "");
      gtk_widget_grab_focus (GTK_WIDGET (self->admin_repeat_row));
      return;
    }

  data = g_new0 (LoginData, 1);
  data->setup = TRUE;
  data->username = g_steal_pointer (&name);
  data->full_name = g_steal_pointer (&full);
  data->password = g_strdup (password);
  start (self, data);
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HmrLoginWindow *self = HMR_LOGIN_WINDOW (widget);

  if (self->busy)
    return;
  if (self->setting_up)
    create_admin (self);
  else
    log_in (self);
}

/* ---- joining an organisation as an office --------------------------- *
 *
 * A new, empty database becomes an office installation from the
 * enrolment file HQ made (hmr_store_sync_enrol), on a connection of its
 * own in a thread; its users are then those HQ listed, who log in. */

static void
join_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoginData *data = task_data;
  g_autoptr(HmrStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = hmr_store_open_sibling (data->origin, &error);
  if (store == NULL || !hmr_store_sync_enrol (store, data->username, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, hmr_store_sync_dup_office_code (store), g_free);
}

static void
on_join_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  HmrLoginWindow *self = HMR_LOGIN_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *office = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *message = NULL;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  set_busy (self, FALSE);
  if (office == NULL)
    {
      show_error (self, error->message);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "login.join", TRUE);
      return;
    }
  set_setting_up (self, FALSE);
  gtk_label_set_label (self->heading_label, _("This Laptop Joined the Organisation"));
  /* Translators: %s is the office's code, as in case numbers ("DST") */
  message = g_strdup_printf (_("It is now an installation of the office %s. Log in with the user name and "
                               "password HQ gave you, then send to HQ from the Sync area."),
                             office);
  gtk_label_set_label (self->description_label, message);
}

/**
 * hmr_login_window_join_office:
 * @path: the enrolment file HQ made
 *
 * Makes this new, empty database an office installation, in a thread
 * (see #HmrLoginWindow:busy); what went wrong is shown in the window.
 *
 * Returns: %FALSE when it cannot start (the database already has users)
 */
gboolean
hmr_login_window_join_office (HmrLoginWindow *self,
                              const char     *path)
{
  g_autoptr(GTask) task = NULL;
  LoginData *data;

  g_return_val_if_fail (HMR_IS_LOGIN_WINDOW (self), FALSE);

  if (self->busy || !self->setting_up)
    return FALSE;
  data = g_new0 (LoginData, 1);
  data->origin = g_object_ref (self->store);
  data->username = g_strdup (path);   /* the file */
  set_busy (self, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "login.join", FALSE);
  task = g_task_new (self, self->cancellable, on_join_done, NULL);
  g_task_set_source_tag (task, hmr_login_window_join_office);
  g_task_set_task_data (task, data, (GDestroyNotify) login_data_free);
  g_task_run_in_thread (task, join_thread);
  return TRUE;
}

static void
on_chooser_response (HmrLoginWindow       *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  g_clear_object (&self->chooser);
  if (path != NULL)
    hmr_login_window_join_office (self, path);
}

static void
join_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HmrLoginWindow *self = HMR_LOGIN_WINDOW (widget);

  if (self->chooser != NULL || self->busy)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Choose the Enrolment File"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Join"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---- the demo ------------------------------------------------------------ *
 *
 * The application makes the demo database (HmrLoginWindow::open-demo) and
 * shows a login window for it, with the demo users and their passwords. */

static void
demo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HmrLoginWindow *self = HMR_LOGIN_WINDOW (widget);

  if (self->busy || !self->setting_up)
    return;
  set_busy (self, TRUE);
  gtk_widget_action_set_enabled (widget, "login.join", FALSE);
  gtk_widget_action_set_enabled (widget, "login.demo", FALSE);
  g_signal_emit (self, signals[OPEN_DEMO], 0);
}

/**
 * hmr_login_window_demo_failed:
 *
 * The demo could not be made: says why and offers the paths again.
 */
void
hmr_login_window_demo_failed (HmrLoginWindow *self,
                              const char     *message)
{
  g_return_if_fail (HMR_IS_LOGIN_WINDOW (self));

  set_busy (self, FALSE);
  show_error (self, message);
  set_setting_up (self, self->setting_up);
}

/**
 * hmr_login_window_show_demo_users:
 * @users: (element-type HmrDemoUser): who may log in to the demo
 */
void
hmr_login_window_show_demo_users (HmrLoginWindow *self,
                                  GPtrArray      *users)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean caseworker_shown = FALSE;

  g_return_if_fail (HMR_IS_LOGIN_WINDOW (self));

  /* One user of each role is enough to look around */
  for (guint i = 0; i < users->len; i++)
    {
      HmrDemoUser *u = g_ptr_array_index (users, i);

      if (u->role == HMR_ROLE_CASEWORKER && caseworker_shown)
        continue;
      caseworker_shown |= u->role == HMR_ROLE_CASEWORKER;
      g_string_append_printf (text, "%s%s: %s  %s", text->len ? "\n" : "", hmr_role_get_label (u->role),
                              u->username, u->password);
    }
  gtk_label_set_label (self->heading_label, _("The Demo"));
  gtk_label_set_label (self->description_label,
                       _("Made-up people in a database of their own; your own database is not touched. "
                         "Log in as one of these users (user name, then password):"));
  gtk_label_set_label (self->demo_users_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->demo_users_label), TRUE);
}

/* ---- template callbacks -------------------------------------------- */

static void
on_username_activated (HmrLoginWindow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
on_password_activated (HmrLoginWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "login.submit", NULL);
}

static void
on_setup_row_activated (HmrLoginWindow *self,
                        GtkWidget      *row)
{
  GtkWidget *order[] = {
    GTK_WIDGET (self->admin_username_row), GTK_WIDGET (self->admin_full_name_row),
    GTK_WIDGET (self->admin_password_row), GTK_WIDGET (self->admin_repeat_row),
  };

  for (guint i = 0; i + 1 < G_N_ELEMENTS (order); i++)
    if (order[i] == row)
      {
        gtk_widget_grab_focus (order[i + 1]);
        return;
      }
  gtk_widget_activate_action (GTK_WIDGET (self), "login.submit", NULL);
}

/* ---- GObject -------------------------------------------------------- */

static void
hmr_login_window_constructed (GObject *object)
{
  HmrLoginWindow *self = HMR_LOGIN_WINDOW (object);
  g_autofree char *where = NULL;

  G_OBJECT_CLASS (hmr_login_window_parent_class)->constructed (object);

  g_return_if_fail (HMR_IS_STORE (self->store));

  where = g_strdup_printf (_("Database: %s"), hmr_store_get_path (self->store));
  gtk_label_set_label (self->database_label, where);

  set_setting_up (self, !hmr_store_has_users (self->store));
}

static void
hmr_login_window_dispose (GObject *object)
{
  HmrLoginWindow *self = HMR_LOGIN_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), HMR_TYPE_LOGIN_WINDOW);

  G_OBJECT_CLASS (hmr_login_window_parent_class)->dispose (object);
}

static void
hmr_login_window_finalize (GObject *object)
{
  HmrLoginWindow *self = HMR_LOGIN_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (hmr_login_window_parent_class)->finalize (object);
}

static void
hmr_login_window_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HmrLoginWindow *self = HMR_LOGIN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_SETTING_UP:
      g_value_set_boolean (value, self->setting_up);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hmr_login_window_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HmrLoginWindow *self = HMR_LOGIN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hmr_login_window_class_init (HmrLoginWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hmr_login_window_constructed;
  object_class->dispose = hmr_login_window_dispose;
  object_class->finalize = hmr_login_window_finalize;
  object_class->get_property = hmr_login_window_get_property;
  object_class->set_property = hmr_login_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         HMR_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTING_UP] =
    g_param_spec_boolean ("setting-up", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HmrLoginWindow::logged-in:
   * @actor: the user who logged in
   */
  signals[LOGGED_IN] =
    g_signal_new ("logged-in",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  HMR_TYPE_ACTOR | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * HmrLoginWindow::open-demo:
   *
   * The user asked to look around in the demo (a new database: the
   * application makes it)
   */
  signals[OPEN_DEMO] =
    g_signal_new ("open-demo",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/hmr-login-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrLoginWindow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, HmrLoginWindow, description_label);
  gtk_widget_class_bind_template_child (widget_class, HmrLoginWindow, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, HmrLoginWindow, username_row);
  gtk_widget_class_bind_template_child (widget_class, HmrLoginWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, HmrLoginWindow, admin_username_row);
  gtk_widget_class_bind_template_child (widget_class, HmrLoginWindow, admin_full_name_row);
  gtk_widget_class_bind_template_child (widget_class, HmrLoginWindow, admin_password_row);
  gtk_widget_class_bind_template_child (widget_class, HmrLoginWindow, admin_repeat_row);
  gtk_widget_class_bind_template_child (widget_class, HmrLoginWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, HmrLoginWindow, submit_button);
  gtk_widget_class_bind_template_child (widget_class, HmrLoginWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, HmrLoginWindow, submit_label);
  gtk_widget_class_bind_template_child (widget_class, HmrLoginWindow, database_label);
  gtk_widget_class_bind_template_child (widget_class, HmrLoginWindow, join_box);
  gtk_widget_class_bind_template_child (widget_class, HmrLoginWindow, demo_users_label);
  gtk_widget_class_bind_template_callback (widget_class, on_username_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_password_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_setup_row_activated);

  gtk_widget_class_install_action (widget_class, "login.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "login.join", NULL, join_action);
  gtk_widget_class_install_action (widget_class, "login.demo", NULL, demo_action);
}

static void
hmr_login_window_init (HmrLoginWindow *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->submit_button));
}

HmrLoginWindow *
hmr_login_window_new (HmrApplication *app,
                      HmrStore       *store)
{
  g_return_val_if_fail (app == NULL || HMR_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (HMR_IS_STORE (store), NULL);

  return g_object_new (HMR_TYPE_LOGIN_WINDOW,
                       "application", app,
                       "store", store,
                       NULL);
}

HmrStore *
hmr_login_window_get_store (HmrLoginWindow *self)
{
  g_return_val_if_fail (HMR_IS_LOGIN_WINDOW (self), NULL);
  return self->store;
}

gboolean
hmr_login_window_get_busy (HmrLoginWindow *self)
{
  g_return_val_if_fail (HMR_IS_LOGIN_WINDOW (self), FALSE);
  return self->busy;
}

gboolean
hmr_login_window_get_setting_up (HmrLoginWindow *self)
{
  g_return_val_if_fail (HMR_IS_LOGIN_WINDOW (self), FALSE);
  return self->setting_up;
}
