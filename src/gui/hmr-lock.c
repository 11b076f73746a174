/* hmr-lock.c
 *
 * Locking hides the main window and every other window of the application
 * (a half-filled form, a message over it, the preferences: any may show
 * personal data) and shows a lock screen in a window of its own.  Hidden
 * windows are kept, not destroyed, and shown again in the same order after
 * unlocking: that is what keeps everything as it was — the area, the
 * selection, the scroll position and any text typed but not saved.  Hidden
 * windows are neither drawn nor exposed to assistive technologies.
 *
 * Input anywhere in the application counts as activity: a legacy event
 * controller in the capture phase on every toplevel notes the time; one
 * timeout checks, when it could next expire, whether it did.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-application.h"
#include "hmr-lock.h"

#define LOCK_DATA_KEY "hmr-lock"
#define WATCHED_DATA_KEY "hmr-lock-watched"
#define FOCUS_DATA_KEY "hmr-lock-focus"

struct _HmrLock
{
  GObject               parent_instance;

  AdwApplicationWindow *window;       /* weak */
  GSettings            *settings;
  GListModel           *toplevels;

  HmrStore             *store;
  HmrActor             *actor;
  GtkWindow            *lock_window;  /* while locked */
  HmrLockPage          *page;         /* in lock_window */

  gboolean              locked;
  guint                 override_seconds;
  gint64                last_activity;
  guint                 timeout_id;
  GPtrArray            *hidden_windows;
};

G_DEFINE_FINAL_TYPE (HmrLock, hmr_lock, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOCKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- the idle timer ---------------------------------------------------- */

static gboolean on_idle_timeout (gpointer user_data);

guint
hmr_lock_get_timeout_seconds (HmrLock *self)
{
  g_return_val_if_fail (HMR_IS_LOCK (self), 0);

  if (self->override_seconds > 0)
    return self->override_seconds;
  return MAX (1, g_settings_get_int (self->settings, "idle-lock-minutes")) * 60;
}

static void
schedule (HmrLock *self)
{
  gint64 limit_us = (gint64) hmr_lock_get_timeout_seconds (self) * G_USEC_PER_SEC;
  gint64 elapsed_us = g_get_monotonic_time () - self->last_activity;
  gint64 remaining_ms = MAX (1, (limit_us - elapsed_us) / 1000 + 1);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->locked || self->window == NULL)
    return;
  self->timeout_id = g_timeout_add ((guint) MIN (remaining_ms, G_MAXUINT), on_idle_timeout, self);
  g_source_set_name_by_id (self->timeout_id, "[hamroh] idle lock");
}

static gboolean
on_idle_timeout (gpointer user_data)
{
  HmrLock *self = user_data;
  gint64 limit_us = (gint64) hmr_lock_get_timeout_seconds (self) * G_USEC_PER_SEC;

  self->timeout_id = 0;
  if (g_get_monotonic_time () - self->last_activity >= limit_us)
    hmr_lock_lock (self);
  else
    schedule (self);
  return G_SOURCE_REMOVE;
}

static gboolean
on_input_event (GtkEventControllerLegacy *controller,
                GdkEvent                 *event,
                HmrLock                  *self)
{
  switch (gdk_event_get_event_type (event))
    {
    case GDK_KEY_PRESS:
    case GDK_BUTTON_PRESS:
    case GDK_MOTION_NOTIFY:
    case GDK_SCROLL:
    case GDK_TOUCH_BEGIN:
    case GDK_TOUCH_UPDATE:
    case GDK_TOUCHPAD_SWIPE:
    case GDK_TOUCHPAD_PINCH:
      self->last_activity = g_get_monotonic_time ();
      if (self->timeout_id == 0 && !self->locked)
        schedule (self);
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
watch_window (HmrLock   *self,
              GtkWindow *window)
{
  GtkEventController *controller;

  /* One controller per window and lock */
  if (g_object_get_data (G_OBJECT (window), WATCHED_DATA_KEY) == self)
    return;
  g_object_set_data (G_OBJECT (window), WATCHED_DATA_KEY, self);

  controller = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_name (controller, "hmr-idle-lock");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "event", G_CALLBACK (on_input_event), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (window), controller);
}

static void
on_toplevels_changed (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added,
                      HmrLock    *self)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      watch_window (self, window);
    }
}

static void
on_idle_minutes_changed (HmrLock *self)
{
  if (!self->locked)
    schedule (self);
}

/* ---- locking and unlocking --------------------------------------------- */

/* A text that loses its window while focused misses its focus-out: take the
 * focus away first, and keep it to give back */
static void
put_focus_aside (GtkWindow *window)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  if (focus != NULL)
    g_object_set_data_full (G_OBJECT (window), FOCUS_DATA_KEY,
                            g_object_ref (focus), g_object_unref);
  gtk_window_set_focus (window, NULL);
}

/* Something showed a hidden window while locked (the application was
 * started again, say): the lock screen comes back on top instead */
static void
on_hidden_window_shown (GtkWindow *window,
                        GParamSpec *pspec,
                        HmrLock    *self)
{
  if (!self->locked || !gtk_widget_get_visible (GTK_WIDGET (window)))
    return;
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  if (self->lock_window != NULL)
    gtk_window_present (self->lock_window);
}

static void
show_hidden_windows (HmrLock *self)
{
  g_autoptr(GPtrArray) windows = g_steal_pointer (&self->hidden_windows);

  self->hidden_windows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; windows != NULL && i < windows->len; i++)
    {
      GtkWindow *window = g_ptr_array_index (windows, i);
      GtkWidget *focus = g_object_get_data (G_OBJECT (window), FOCUS_DATA_KEY);

      g_signal_handlers_disconnect_by_func (window, on_hidden_window_shown, self);
      gtk_window_present (window);
      if (focus != NULL && gtk_widget_get_root (focus) == GTK_ROOT (window))
        {
          gtk_widget_grab_focus (focus);
          /* Focusing a text selects it all: typing on must not replace it */
          if (GTK_IS_EDITABLE (focus))
            gtk_editable_set_position (GTK_EDITABLE (focus), -1);
        }
      g_object_set_data (G_OBJECT (window), FOCUS_DATA_KEY, NULL);
    }
}

static void
destroy_hidden_windows (HmrLock *self)
{
  g_autoptr(GPtrArray) windows = g_steal_pointer (&self->hidden_windows);

  self->hidden_windows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; windows != NULL && i < windows->len; i++)
    {
      GtkWindow *window = g_ptr_array_index (windows, i);

      g_signal_handlers_disconnect_by_func (window, on_hidden_window_shown, self);
      g_object_set_data (G_OBJECT (window), FOCUS_DATA_KEY, NULL);
      if (window != GTK_WINDOW (self->window))
        gtk_window_destroy (window);
    }
}

static void
destroy_lock_window (HmrLock *self)
{
  GtkWindow *window = g_steal_pointer (&self->lock_window);

  self->page = NULL;
  if (window != NULL)
    {
      g_signal_handlers_disconnect_by_data (window, self);
      gtk_window_destroy (window);
      g_object_unref (window);
    }
}

static void on_unlocked (HmrLock *self);
static void on_log_out (HmrLock *self);

static gboolean
on_lock_window_close_request (HmrLock *self)
{
  /* Closing the lock screen ends the session, as Log Out does */
  on_log_out (self);
  return TRUE;
}

static GtkWindow *
make_lock_window (HmrLock *self)
{
  GtkWindow *main_window = GTK_WINDOW (self->window);
  GtkWidget *window;
  int width, height;

  self->page = hmr_lock_page_new (self->store, self->actor);
  g_signal_connect_object (self->page, "unlocked", G_CALLBACK (on_unlocked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->page, "log-out", G_CALLBACK (on_log_out), self, G_CONNECT_SWAPPED);

  window = g_object_new (ADW_TYPE_APPLICATION_WINDOW,
                         "application", gtk_window_get_application (main_window),
                         "title", gtk_window_get_title (main_window),
                         "content", self->page,
                         NULL);
  gtk_widget_add_css_class (window, "hmr-lock-window");
  gtk_window_set_icon_name (GTK_WINDOW (window), gtk_window_get_icon_name (main_window));
  width = gtk_widget_get_width (GTK_WIDGET (main_window));
  height = gtk_widget_get_height (GTK_WIDGET (main_window));
  if (width <= 0 || height <= 0)
    gtk_window_get_default_size (main_window, &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (window), MAX (width, 360), MAX (height, 360));
  if (gtk_window_is_maximized (main_window))
    gtk_window_maximize (GTK_WINDOW (window));
  g_signal_connect_swapped (window, "close-request", G_CALLBACK (on_lock_window_close_request), self);
  return GTK_WINDOW (g_object_ref_sink (window));
}

/**
 * hmr_lock_lock:
 *
 * Locks the window now, as the idle timer does, and as "Lock" in the main
 * menu does.
 */
void
hmr_lock_lock (HmrLock *self)
{
  GListModel *toplevels;

  g_return_if_fail (HMR_IS_LOCK (self));

  if (self->locked || self->window == NULL)
    return;
  self->locked = TRUE;
  g_clear_handle_id (&self->timeout_id, g_source_remove);

  /* The lock screen first, so that the application never runs out of
   * visible windows */
  self->lock_window = make_lock_window (self);
  gtk_window_present (self->lock_window);

  /* The main window first, so that it comes back first, under its dialogs;
   * every other window too, as it may show personal data */
  g_ptr_array_add (self->hidden_windows, g_object_ref (self->window));
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window == GTK_WINDOW (self->window) || window == self->lock_window ||
          !gtk_widget_get_visible (GTK_WIDGET (window)))
        continue;
      g_ptr_array_add (self->hidden_windows, g_object_ref (window));
    }
  for (guint i = 0; i < self->hidden_windows->len; i++)
    {
      GtkWindow *window = g_ptr_array_index (self->hidden_windows, i);

      put_focus_aside (window);
      gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
      g_signal_connect_object (window, "notify::visible", G_CALLBACK (on_hidden_window_shown), self, 0);
    }

  hmr_lock_page_reset (self->page);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}

static void
on_unlocked (HmrLock *self)
{
  if (!self->locked || self->window == NULL)
    return;
  self->locked = FALSE;

  show_hidden_windows (self);
  destroy_lock_window (self);

  self->last_activity = g_get_monotonic_time ();
  schedule (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCKED]);
}

static void
on_log_out (HmrLock *self)
{
  AdwApplicationWindow *window = self->window;
  GtkApplication *app;

  if (window == NULL)
    return;
  g_object_ref (window);
  destroy_hidden_windows (self);
  app = gtk_window_get_application (GTK_WINDOW (window));
  if (HMR_IS_APPLICATION (app))
    hmr_application_log_out (HMR_APPLICATION (app));
  gtk_window_destroy (GTK_WINDOW (window));
  destroy_lock_window (self);
  g_object_unref (window);
}

static void
on_window_destroy (HmrLock *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  destroy_hidden_windows (self);
  destroy_lock_window (self);
  if (self->toplevels != NULL)
    g_signal_handlers_disconnect_by_data (self->toplevels, self);
  g_clear_weak_pointer (&self->window);
}

/* ---- GObject ----------------------------------------------------------- */

static void
hmr_lock_dispose (GObject *object)
{
  HmrLock *self = HMR_LOCK (object);

  on_window_destroy (self);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, hmr_actor_free);

  G_OBJECT_CLASS (hmr_lock_parent_class)->dispose (object);
}

static void
hmr_lock_finalize (GObject *object)
{
  HmrLock *self = HMR_LOCK (object);

  g_clear_pointer (&self->hidden_windows, g_ptr_array_unref);

  G_OBJECT_CLASS (hmr_lock_parent_class)->finalize (object);
}

static void
hmr_lock_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  HmrLock *self = HMR_LOCK (object);

  switch (prop_id)
    {
    case PROP_LOCKED:
      g_value_set_boolean (value, self->locked);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hmr_lock_class_init (HmrLockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hmr_lock_dispose;
  object_class->finalize = hmr_lock_finalize;
  object_class->get_property = hmr_lock_get_property;

  /**
   * HmrLock:locked:
   *
   * Whether the window shows the lock screen.
   */
  properties[PROP_LOCKED] =
    g_param_spec_boolean ("locked", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hmr_lock_init (HmrLock *self)
{
  self->hidden_windows = g_ptr_array_new_with_free_func (g_object_unref);
  self->last_activity = g_get_monotonic_time ();
}

/**
 * hmr_lock_attach:
 * @window: a main window
 * @settings: where "idle-lock-minutes" is read
 *
 * Watches for input and starts the idle timer; locking then shows a lock
 * screen for @actor in the place of @window.  The lock lives as long as the window.
 *
 * Returns: (transfer none): the lock
 */
HmrLock *
hmr_lock_attach (AdwApplicationWindow *window,
                 HmrStore             *store,
                 const HmrActor       *actor,
                 GSettings            *settings)
{
  HmrLock *self;

  g_return_val_if_fail (ADW_IS_APPLICATION_WINDOW (window), NULL);
  g_return_val_if_fail (HMR_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (hmr_lock_get_for_window (GTK_WINDOW (window)) == NULL, NULL);

  self = g_object_new (HMR_TYPE_LOCK, NULL);
  g_object_set_data_full (G_OBJECT (window), LOCK_DATA_KEY, self, g_object_unref);
  g_set_weak_pointer (&self->window, window);
  self->settings = g_object_ref (settings);

  self->store = g_object_ref (store);
  self->actor = hmr_actor_copy (actor);

  g_signal_connect_object (window, "destroy", G_CALLBACK (on_window_destroy), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::idle-lock-minutes",
                           G_CALLBACK (on_idle_minutes_changed), self, G_CONNECT_SWAPPED);

  self->toplevels = gtk_window_get_toplevels ();
  g_signal_connect_object (self->toplevels, "items-changed",
                           G_CALLBACK (on_toplevels_changed), self, 0);
  on_toplevels_changed (self->toplevels, 0, 0, g_list_model_get_n_items (self->toplevels), self);
  watch_window (self, GTK_WINDOW (window));

  schedule (self);
  return self;
}

/**
 * hmr_lock_get_for_window:
 *
 * Returns: (transfer none) (nullable): the lock attached to @window
 */
HmrLock *
hmr_lock_get_for_window (GtkWindow *window)
{
  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);
  return g_object_get_data (G_OBJECT (window), LOCK_DATA_KEY);
}

gboolean
hmr_lock_get_locked (HmrLock *self)
{
  g_return_val_if_fail (HMR_IS_LOCK (self), FALSE);
  return self->locked;
}

HmrLockPage *
hmr_lock_get_page (HmrLock *self)
{
  g_return_val_if_fail (HMR_IS_LOCK (self), NULL);
  return self->page;
}

void
hmr_lock_set_timeout_seconds (HmrLock *self,
                              guint    seconds)
{
  g_return_if_fail (HMR_IS_LOCK (self));

  self->override_seconds = seconds;
  if (!self->locked)
    schedule (self);
}
