/* hmr-lock-page.c
 *
 * Unlocking checks the password with the store's authentication, like a
 * login: in a GTask thread with its own connection (Argon2id is slow on
 * purpose), counting a wrong password towards the lockout and leaving its
 * row in the audit trail.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "hmr-gui-util.h"
#include "hmr-lock-page.h"

struct _HmrLockPage
{
  AdwBin               parent_instance;

  HmrStore            *store;
  HmrActor            *actor;
  GCancellable        *cancellable;
  gboolean             busy;

  /* Template widgets */
  AdwStatusPage       *status_page;
  AdwPasswordEntryRow *password_row;
  GtkLabel            *error_label;
  GtkButton           *unlock_button;
  GtkSpinner          *spinner;
};

G_DEFINE_FINAL_TYPE (HmrLockPage, hmr_lock_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  UNLOCKED,
  LOG_OUT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  HmrStore *origin;   /* a connection of its own is opened from it */
  char *username;
  char *password;
} UnlockData;

static void
unlock_data_free (UnlockData *data)
{
  if (data->password != NULL)
    memset (data->password, 0, strlen (data->password));
  g_clear_object (&data->origin);
  g_free (data->username);
  g_free (data->password);
  g_free (data);
}

static void
show_error (HmrLockPage *self,
            const char  *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
set_busy (HmrLockPage *self,
          gboolean     busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;

  /* Take the focus away first: a text losing it by turning insensitive
   * would miss its focus-out */
  if (busy && GTK_IS_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))))
    gtk_window_set_focus (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_row), !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lock.unlock", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "lock.log-out", !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  if (busy)
    show_error (self, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
unlock_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  UnlockData *data = task_data;
  g_autoptr(HmrStore) store = NULL;
  g_autoptr(GError) error = NULL;
  HmrActor *actor;

  store = hmr_store_open_sibling (data->origin, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  actor = hmr_store_authenticate (store, data->username, data->password, &error);
  if (actor == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, actor, (GDestroyNotify) hmr_actor_free);
}

static void
on_unlock_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  HmrLockPage *self = HMR_LOCK_PAGE (source);
  g_autoptr(HmrActor) actor = NULL;
  g_autoptr(GError) error = NULL;

  actor = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_cancellable_is_cancelled (self->cancellable))
    return;

  set_busy (self, FALSE);
  if (actor == NULL || g_strcmp0 (actor->user_id, self->actor->user_id) != 0)
    {
      if (error != NULL && g_error_matches (error, HMR_STORE_ERROR, HMR_STORE_ERROR_AUTH))
        show_error (self, _("The password is wrong. Try again, or log out."));
      else
        show_error (self, error != NULL ? error->message : _("The password is wrong. Try again, or log out."));
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  g_signal_emit (self, signals[UNLOCKED], 0);
}

static void
unlock_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HmrLockPage *self = HMR_LOCK_PAGE (widget);
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  g_autoptr(GTask) task = NULL;
  UnlockData *data;

  if (self->busy)
    return;
  if (password[0] == '\0')
    {
      show_error (self, _("Enter your password."));
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }

  data = g_new0 (UnlockData, 1);
  data->origin = g_object_ref (self->store);
  data->username = g_strdup (self->actor->username);
  data->password = g_strdup (password);

  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, on_unlock_done, NULL);
  g_task_set_source_tag (task, unlock_action);
  g_task_set_task_data (task, data, (GDestroyNotify) unlock_data_free);
  g_task_run_in_thread (task, unlock_thread);
}

static void
log_out_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  g_signal_emit (widget, signals[LOG_OUT], 0);
}

static void
on_password_activated (HmrLockPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "lock.unlock", NULL);
}

static void
hmr_lock_page_dispose (GObject *object)
{
  HmrLockPage *self = HMR_LOCK_PAGE (object);

  /* AdwBin unparents its child itself: no gtk_widget_dispose_template () */
  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (hmr_lock_page_parent_class)->dispose (object);
}

static void
hmr_lock_page_finalize (GObject *object)
{
  HmrLockPage *self = HMR_LOCK_PAGE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->actor, hmr_actor_free);

  G_OBJECT_CLASS (hmr_lock_page_parent_class)->finalize (object);
}

static void
hmr_lock_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HmrLockPage *self = HMR_LOCK_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hmr_lock_page_class_init (HmrLockPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hmr_lock_page_dispose;
  object_class->finalize = hmr_lock_page_finalize;
  object_class->get_property = hmr_lock_page_get_property;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HmrLockPage::unlocked:
   *
   * The user typed their password.
   */
  signals[UNLOCKED] =
    g_signal_new ("unlocked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * HmrLockPage::log-out:
   *
   * The user chose to log out instead.
   */
  signals[LOG_OUT] =
    g_signal_new ("log-out", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/hmr-lock-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrLockPage, status_page);
  gtk_widget_class_bind_template_child (widget_class, HmrLockPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, HmrLockPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, HmrLockPage, unlock_button);
  gtk_widget_class_bind_template_child (widget_class, HmrLockPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_password_activated);

  gtk_widget_class_install_action (widget_class, "lock.unlock", NULL, unlock_action);
  gtk_widget_class_install_action (widget_class, "lock.log-out", NULL, log_out_action);
}

static void
hmr_lock_page_init (HmrLockPage *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * hmr_lock_page_new:
 *
 * Returns: (transfer floating): the lock screen of @actor's session
 */
HmrLockPage *
hmr_lock_page_new (HmrStore       *store,
                   const HmrActor *actor)
{
  HmrLockPage *self;
  g_autofree char *description = NULL;

  g_return_val_if_fail (HMR_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  self = g_object_new (HMR_TYPE_LOCK_PAGE, NULL);
  self->store = g_object_ref (store);
  self->actor = hmr_actor_copy (actor);

  /* Translators: %s is the full name of the user whose session is locked */
  description = g_strdup_printf (_("Locked while %s was away. Enter the password to return to where you were."),
                                 actor->full_name);
  adw_status_page_set_description (self->status_page, description);
  return self;
}

/**
 * hmr_lock_page_reset:
 *
 * Empties the password and its message, and puts the focus there.
 */
void
hmr_lock_page_reset (HmrLockPage *self)
{
  g_return_if_fail (HMR_IS_LOCK_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  show_error (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

gboolean
hmr_lock_page_get_busy (HmrLockPage *self)
{
  g_return_val_if_fail (HMR_IS_LOCK_PAGE (self), FALSE);
  return self->busy;
}

GtkEditable *
hmr_lock_page_get_password_entry (HmrLockPage *self)
{
  g_return_val_if_fail (HMR_IS_LOCK_PAGE (self), NULL);
  return GTK_EDITABLE (self->password_row);
}

GtkLabel *
hmr_lock_page_get_error_label (HmrLockPage *self)
{
  g_return_val_if_fail (HMR_IS_LOCK_PAGE (self), NULL);
  return self->error_label;
}
