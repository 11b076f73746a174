/* hmr-application.c
 *
 * Opens the database, shows the login window and, once someone logged in,
 * the main window.  Holds the application-wide actions: preferences,
 * keyboard shortcuts, about and quit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hmr-application.h"
#include "hmr-demo.h"
#include "hmr-gui-util.h"
#include "hmr-login-window.h"
#include "hmr-password-dialog.h"
#include "hmr-preferences-window.h"
#include "hmr-reminders.h"
#include "hmr-window.h"

struct _HmrApplication
{
  AdwApplication  parent_instance;

  char           *database_path;   /* from --database, or resolved at start */
  HmrStore       *store;
  GSettings      *settings;

  /* Weak pointers: the windows belong to the application */
  GtkWindow      *login_window;
  GtkWindow      *main_window;
};

G_DEFINE_FINAL_TYPE (HmrApplication, hmr_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_DATABASE_PATH,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void show_login (HmrApplication *self);

static void
set_weak_window (GtkWindow **slot,
                 GtkWindow  *window)
{
  if (*slot == window)
    return;
  if (*slot != NULL)
    g_object_remove_weak_pointer (G_OBJECT (*slot), (gpointer *) slot);
  *slot = window;
  if (window != NULL)
    g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) slot);
}

/* ---- opening the database ------------------------------------------ */

static char *
resolve_database_path (HmrApplication *self)
{
  g_autofree char *last = NULL;

  if (self->database_path != NULL)
    return g_strdup (self->database_path);
  last = g_settings_get_string (self->settings, "last-database");
  if (last != NULL && last[0] != '\0')
    return g_steal_pointer (&last);
  return hmr_default_database_path ();
}

static void
on_open_error_response (AdwMessageDialog *dialog,
                        const char       *response,
                        HmrApplication   *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_application_quit (G_APPLICATION (self));
}

static void
show_open_error (HmrApplication *self,
                 const char     *path,
                 const GError   *error)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (NULL, _("Could Not Open the Database"), NULL);
  /* The store's messages mostly name the file already */
  if (strstr (error->message, path) != NULL)
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
  else
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("Hamroh could not open the database file “%s”.\n\n%s"),
                                    path, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_error_response), self);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
open_store (HmrApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = resolve_database_path (self);

  self->store = hmr_store_open (path, &error);
  if (self->store == NULL)
    {
      g_warning ("Could not open %s: %s", path, error->message);
      show_open_error (self, path, error);
      return FALSE;
    }
  if (g_strcmp0 (self->database_path, hmr_store_get_path (self->store)) != 0)
    {
      g_free (self->database_path);
      self->database_path = g_strdup (hmr_store_get_path (self->store));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE_PATH]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  return TRUE;
}

/* ---- login and logout ---------------------------------------------- */

static void on_logged_in (HmrLoginWindow *login,
                          const HmrActor *actor,
                          HmrApplication *self);

static void
on_password_changed (HmrPasswordDialog *dialog,
                     HmrApplication    *self)
{
  /* The login window goes; the dialog closes itself */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  if (self->login_window != NULL)
    on_logged_in (HMR_LOGIN_WINDOW (self->login_window),
                  hmr_password_dialog_get_actor (dialog), self);
}

/* An account whose password the administrator set chooses its own before
 * anything else */
static void
ask_new_password (HmrApplication *self,
                  HmrLoginWindow *login,
                  const HmrActor *actor)
{
  HmrPasswordDialog *dialog = hmr_password_dialog_new (self->store, actor);

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (login));
  g_signal_connect_object (dialog, "changed", G_CALLBACK (on_password_changed), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_logged_in (HmrLoginWindow *login,
              const HmrActor *actor,
              HmrApplication *self)
{
  HmrWindow *window;

  if (hmr_store_must_change_password (self->store, actor))
    {
      ask_new_password (self, login, actor);
      return;
    }

  window = hmr_window_new (self, self->store, actor);
  set_weak_window (&self->main_window, GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
  hmr_reminders_start (GTK_WINDOW (window), hmr_window_get_context (window));

  set_weak_window (&self->login_window, NULL);
  gtk_window_destroy (GTK_WINDOW (login));
}

/* ---- the demo, from the first start ---------------------------------- *
 *
 * A database of made-up people beside the one that was opened, made anew
 * each time (its users' passwords are shown once), and a login window
 * for it.  The database that was opened stays as it was and opens again
 * at the next start. */

#define DEMO_BENEFICIARIES 200
#define DEMO_SEED 2026

typedef struct
{
  char      *path;
  HmrStore  *store;
  GPtrArray *users;
} DemoJob;

static void
demo_job_free (DemoJob *job)
{
  g_free (job->path);
  g_clear_object (&job->store);
  g_clear_pointer (&job->users, g_ptr_array_unref);
  g_free (job);
}

static void
demo_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  DemoJob *job = task_data;
  g_autoptr(GError) error = NULL;
  const char *suffixes[] = { "", "-wal", "-shm", ".anchor" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (job->path, suffixes[i], NULL);

      if (g_unlink (file) != 0 && errno != ENOENT)
        {
          int saved = errno;
          g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved),
                                   _("The old demo “%s” could not be removed: %s"), file, g_strerror (saved));
          return;
        }
    }
  job->store = hmr_store_open (job->path, &error);
  if (job->store == NULL ||
      !hmr_demo_fill (job->store, DEMO_BENEFICIARIES, DEMO_SEED, &job->users, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_demo_ready (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  HmrApplication *self = HMR_APPLICATION (source);
  DemoJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  GtkWindow *old = self->login_window;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (old != NULL)
        hmr_login_window_demo_failed (HMR_LOGIN_WINDOW (old), error->message);
      return;
    }
  hmr_application_set_store (self, job->store);
  set_weak_window (&self->login_window, NULL);
  show_login (self);
  hmr_login_window_show_demo_users (HMR_LOGIN_WINDOW (self->login_window), job->users);
  if (old != NULL)
    gtk_window_destroy (old);
}

static void
on_open_demo (HmrLoginWindow *login,
              HmrApplication *self)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *dir = g_path_get_dirname (hmr_store_get_path (self->store));
  DemoJob *job = g_new0 (DemoJob, 1);

  job->path = g_build_filename (dir, "hamroh-demo.sqlite3", NULL);
  task = g_task_new (self, NULL, on_demo_ready, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) demo_job_free);
  g_task_run_in_thread (task, demo_thread);
}

static void
show_login (HmrApplication *self)
{
  HmrLoginWindow *login;

  login = hmr_login_window_new (self, self->store);
  g_signal_connect (login, "logged-in", G_CALLBACK (on_logged_in), self);
  g_signal_connect (login, "open-demo", G_CALLBACK (on_open_demo), self);
  set_weak_window (&self->login_window, GTK_WINDOW (login));
  gtk_window_present (GTK_WINDOW (login));
}

/**
 * hmr_application_log_out:
 *
 * Closes the main windows and asks for a login again.
 */
void
hmr_application_log_out (HmrApplication *self)
{
  GList *windows;

  g_return_if_fail (HMR_IS_APPLICATION (self));

  set_weak_window (&self->main_window, NULL);

  /* The login window first, so that the application never runs out of
   * windows and quits */
  if (self->login_window == NULL)
    show_login (self);

  /* Held, as destroying one window destroys the dialogs it holds */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  g_list_foreach (windows, (GFunc) (void (*) (void)) g_object_ref, NULL);
  for (GList *l = windows; l != NULL; l = l->next)
    if (HMR_IS_WINDOW (l->data))
      gtk_window_destroy (GTK_WINDOW (l->data));
  g_list_free_full (windows, g_object_unref);
}

/* ---- application actions ------------------------------------------- */

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  HmrApplication *self = user_data;
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  HmrPreferencesWindow *prefs;
  /* Which file holds every case file is the administrator's choice */
  gboolean admin = HMR_IS_WINDOW (active) && hmr_window_get_actor (HMR_WINDOW (active))->role == HMR_ROLE_ADMIN;

  prefs = hmr_preferences_window_new (self, admin);
  if (HMR_IS_WINDOW (active))
    hmr_preferences_window_add_organisation (prefs, hmr_window_get_context (HMR_WINDOW (active)));
  gtk_window_set_transient_for (GTK_WINDOW (prefs), active);
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  HmrApplication *self = user_data;
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *overlay;

  if (GTK_IS_APPLICATION_WINDOW (active) &&
      gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (active)) != NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (active), "win.show-help-overlay", NULL);
      return;
    }

  builder = gtk_builder_new_from_resource ("/org/hamroh/Hamroh/gtk/help-overlay.ui");
  overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  gtk_window_set_transient_for (overlay, active);
  gtk_window_present (overlay);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  HmrApplication *self = user_data;
  static const char *developers[] = { "The Hamroh contributors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Hamroh"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Hamroh contributors"),
                        "developers", developers,
                        "comments", _("Case management for NGO teams who accompany returned labour migrants and victims of trafficking."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: replace with your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  HmrApplication *self = user_data;
  GList *windows;

  /* Close every window, so that forms can still ask about unsaved work */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  g_list_foreach (windows, (GFunc) (void (*) (void)) g_object_ref, NULL);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
  g_list_free_full (windows, g_object_unref);

  /* With every window gone the application ends by itself, as soon as
   * nothing holds it any more.  No g_application_quit(): it would end the
   * process at once, under an export that its page cancelled on closing
   * and that is still taking its half-written file away
   * (hmr_gui_hold_application()). */
}

static const GActionEntry app_actions[] = {
  { "preferences", preferences_action },
  { "shortcuts", shortcuts_action },
  { "about", about_action },
  { "quit", quit_action },
};

/* ---- GApplication --------------------------------------------------- */

static int
hmr_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  HmrApplication *self = HMR_APPLICATION (app);
  const char *path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("hamroh %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "database", "^&ay", &path) && path[0] != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_autofree char *absolute = g_file_get_path (file);

      hmr_application_set_database_path (self, absolute ? absolute : path);
    }
  return G_APPLICATION_CLASS (hmr_application_parent_class)->handle_local_options (app, options);
}

static void
hmr_application_startup (GApplication *app)
{
  HmrApplication *self = HMR_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  static const char *no_accels[] = { NULL };
  /* Super+L belongs to the desktop */
  static const char *lock_accels[] = { "<Control><Alt>l", NULL };

  hmr_gui_ensure_resources ();

  G_APPLICATION_CLASS (hmr_application_parent_class)->startup (app);

  g_set_application_name (_("Hamroh"));
  gtk_window_set_default_icon_name (APP_ID);

  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  hmr_reminders_install (GTK_APPLICATION (self));
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", prefs_accels);
  /* One action opens the shortcuts window, whichever window is active */
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", no_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.shortcuts", shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.lock", lock_accels);
}

static void
hmr_application_activate (GApplication *app)
{
  HmrApplication *self = HMR_APPLICATION (app);

  if (self->main_window != NULL)
    {
      gtk_window_present (self->main_window);
      return;
    }
  if (self->login_window != NULL)
    {
      gtk_window_present (self->login_window);
      return;
    }
  if (self->store == NULL && !open_store (self))
    return;
  show_login (self);
}

static void
hmr_application_dispose (GObject *object)
{
  HmrApplication *self = HMR_APPLICATION (object);

  set_weak_window (&self->login_window, NULL);
  set_weak_window (&self->main_window, NULL);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hmr_application_parent_class)->dispose (object);
}

static void
hmr_application_finalize (GObject *object)
{
  HmrApplication *self = HMR_APPLICATION (object);

  g_free (self->database_path);

  G_OBJECT_CLASS (hmr_application_parent_class)->finalize (object);
}

static void
hmr_application_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HmrApplication *self = HMR_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      g_value_set_string (value, self->database_path);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hmr_application_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HmrApplication *self = HMR_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_DATABASE_PATH:
      hmr_application_set_database_path (self, g_value_get_string (value));
      break;
    case PROP_STORE:
      hmr_application_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hmr_application_class_init (HmrApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = hmr_application_dispose;
  object_class->finalize = hmr_application_finalize;
  object_class->get_property = hmr_application_get_property;
  object_class->set_property = hmr_application_set_property;

  app_class->handle_local_options = hmr_application_handle_local_options;
  app_class->startup = hmr_application_startup;
  app_class->activate = hmr_application_activate;

  /**
   * HmrApplication:database-path:
   *
   * The database to open: from --database, else the last one chosen in
   * the preferences, else the default in the user's data folder.
   */
  properties[PROP_DATABASE_PATH] =
    g_param_spec_string ("database-path", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * HmrApplication:store:
   *
   * The open database, once the application has been activated (or
   * given one).
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         HMR_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hmr_application_init (HmrApplication *self)
{
  static const GOptionEntry options[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Open the database in FILE"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Show the version and quit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

HmrApplication *
hmr_application_new (void)
{
  return g_object_new (HMR_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/org/hamroh/Hamroh",
                       NULL);
}

/**
 * hmr_application_get_store:
 *
 * Returns: (transfer none) (nullable): the open database
 */
HmrStore *
hmr_application_get_store (HmrApplication *self)
{
  g_return_val_if_fail (HMR_IS_APPLICATION (self), NULL);
  return self->store;
}

/**
 * hmr_application_get_settings:
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
hmr_application_get_settings (HmrApplication *self)
{
  g_return_val_if_fail (HMR_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);
  return self->settings;
}

/**
 * hmr_application_set_store:
 *
 * Uses @store instead of opening the database at activation: for tests,
 * and for callers that opened it themselves.
 */
void
hmr_application_set_store (HmrApplication *self,
                           HmrStore       *store)
{
  g_return_if_fail (HMR_IS_APPLICATION (self));
  g_return_if_fail (store == NULL || HMR_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  if (store != NULL)
    hmr_application_set_database_path (self, hmr_store_get_path (store));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

const char *
hmr_application_get_database_path (HmrApplication *self)
{
  g_return_val_if_fail (HMR_IS_APPLICATION (self), NULL);
  return self->database_path;
}

void
hmr_application_set_database_path (HmrApplication *self,
                                   const char     *path)
{
  g_return_if_fail (HMR_IS_APPLICATION (self));

  if (g_strcmp0 (self->database_path, path) == 0)
    return;
  g_free (self->database_path);
  self->database_path = g_strdup (path);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE_PATH]);
}
