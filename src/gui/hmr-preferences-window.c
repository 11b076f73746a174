/* hmr-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-gui-util.h"
#include "hmr-organisation-page.h"
#include "hmr-preferences-window.h"

struct _HmrPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  HmrApplication       *app;
  GSettings            *settings;

  /* Template widgets */
  GtkWidget            *database_group;
  AdwActionRow         *current_row;
  AdwActionRow         *next_row;
  GtkButton            *default_button;
  GtkButton            *choose_button;
  GtkSpinButton        *idle_spin;
};

G_DEFINE_FINAL_TYPE (HmrPreferencesWindow, hmr_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_APP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_next (HmrPreferencesWindow *self)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-database");

  if (last[0] == '\0')
    {
      g_autofree char *path = hmr_default_database_path ();
      g_autofree char *text = g_strdup_printf (_("%s (the default)"), path);

      adw_action_row_set_subtitle (self->next_row, text);
      gtk_widget_set_sensitive (GTK_WIDGET (self->default_button), FALSE);
    }
  else
    {
      adw_action_row_set_subtitle (self->next_row, last);
      gtk_widget_set_sensitive (GTK_WIDGET (self->default_button), TRUE);
    }
}

static void
announce_next_start (HmrPreferencesWindow *self)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-database");
  g_autofree char *message = NULL;
  g_autofree char *path = NULL;

  path = last[0] != '\0' ? g_strdup (last) : hmr_default_database_path ();
  message = g_strdup_printf (_("Hamroh will open “%s” the next time it starts."), path);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static void
on_file_chosen (GtkNativeDialog      *dialog,
                int                   response,
                HmrPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        {
          g_settings_set_string (self->settings, "last-database", path);
          update_next (self);
          announce_next_start (self);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
on_choose_clicked (HmrPreferencesWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  const char *current = hmr_application_get_database_path (self->app);

  chooser = gtk_file_chooser_native_new (_("Choose a Database"),
                                         GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (databases, _("Hamroh databases"));
  gtk_file_filter_add_pattern (databases, "*.sqlite3");
  gtk_file_filter_add_pattern (databases, "*.sqlite");
  gtk_file_filter_add_pattern (databases, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), databases);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  if (current != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (current);
      g_autoptr(GFile) folder = g_file_get_parent (file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
    }

  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_default_clicked (HmrPreferencesWindow *self)
{
  g_settings_set_string (self->settings, "last-database", "");
  update_next (self);
  announce_next_start (self);
}

static void
hmr_preferences_window_constructed (GObject *object)
{
  HmrPreferencesWindow *self = HMR_PREFERENCES_WINDOW (object);
  const char *current;

  G_OBJECT_CLASS (hmr_preferences_window_parent_class)->constructed (object);

  self->settings = g_object_ref (hmr_application_get_settings (self->app));

  current = hmr_application_get_database_path (self->app);
  adw_action_row_set_subtitle (self->current_row, hmr_gui_value_or_dash (current));
  update_next (self);

  g_settings_bind (self->settings, "idle-lock-minutes",
                   gtk_spin_button_get_adjustment (self->idle_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
hmr_preferences_window_dispose (GObject *object)
{
  HmrPreferencesWindow *self = HMR_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HMR_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->app);

  G_OBJECT_CLASS (hmr_preferences_window_parent_class)->dispose (object);
}

static void
hmr_preferences_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  HmrPreferencesWindow *self = HMR_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_APP:
      g_value_set_object (value, self->app);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hmr_preferences_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  HmrPreferencesWindow *self = HMR_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_APP:
      self->app = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hmr_preferences_window_class_init (HmrPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hmr_preferences_window_constructed;
  object_class->dispose = hmr_preferences_window_dispose;
  object_class->get_property = hmr_preferences_window_get_property;
  object_class->set_property = hmr_preferences_window_set_property;

  properties[PROP_APP] =
    g_param_spec_object ("app", NULL, NULL,
                         HMR_TYPE_APPLICATION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/hmr-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrPreferencesWindow, database_group);
  gtk_widget_class_bind_template_child (widget_class, HmrPreferencesWindow, current_row);
  gtk_widget_class_bind_template_child (widget_class, HmrPreferencesWindow, next_row);
  gtk_widget_class_bind_template_child (widget_class, HmrPreferencesWindow, default_button);
  gtk_widget_class_bind_template_child (widget_class, HmrPreferencesWindow, choose_button);
  gtk_widget_class_bind_template_child (widget_class, HmrPreferencesWindow, idle_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_choose_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_default_clicked);
}

static void
hmr_preferences_window_init (HmrPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  hmr_gui_set_accessible_label (GTK_WIDGET (self->idle_spin), _("Minutes before locking"));
}

/**
 * hmr_preferences_window_new:
 * @may_choose_database: whether the user may choose which database file
 *   Hamroh opens (administrators only: the file is every case file)
 */
HmrPreferencesWindow *
hmr_preferences_window_new (HmrApplication *app,
                            gboolean        may_choose_database)
{
  HmrPreferencesWindow *self;

  g_return_val_if_fail (HMR_IS_APPLICATION (app), NULL);

  self = g_object_new (HMR_TYPE_PREFERENCES_WINDOW, "app", app, NULL);
  gtk_widget_set_visible (self->database_group, may_choose_database);
  return self;
}

/**
 * hmr_preferences_window_add_organisation:
 *
 * Adds the page of the organisation as printed on acts, receipts and
 * slips: editable by an administrator, read-only for everyone else.
 */
void
hmr_preferences_window_add_organisation (HmrPreferencesWindow *self,
                                         HmrContext           *context)
{
  g_return_if_fail (HMR_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (HMR_IS_CONTEXT (context));

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (hmr_organisation_page_new (context)));
}
