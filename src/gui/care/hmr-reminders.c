/* hmr-reminders.c
 *
 * Once someone logged in, and then every hour while the window is open,
 * the follow-ups assigned to them and due today are sent as one desktop
 * notification (GNotification), which names no one (it may show on a
 * shared screen).  Clicking it runs app.open-case: with one
 * follow-up, that person's case file opens; with several, the Today page.
 * The timer belongs to the main window and ends with it (log out, quit).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-follow-up.h"
#include "hmr-reminders.h"

#define NOTIFICATION_ID "follow-ups-due"
#define INTERVAL_SECONDS (60 * 60)

typedef struct
{
  GtkWindow  *window;   /* weak */
  HmrContext *context;
  guint      source;
  guint      first;     /* the first check, once the window is drawn */
} Reminders;

/* The window whose user is reminded */
static GtkWindow *
find_main_window (GtkApplication *app)
{
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (g_object_get_data (G_OBJECT (l->data), "hmr-reminders") != NULL)
      return GTK_WINDOW (l->data);
  return NULL;
}

static void
open_case_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  GtkWindow *window = find_main_window (GTK_APPLICATION (user_data));
  const char *id = g_variant_get_string (parameter, NULL);

  if (window == NULL)
    return;
  gtk_window_present (window);
  if (id[0] == '\0')
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-area", "s", "today");
  else
    gtk_widget_activate_action (GTK_WIDGET (window), "win.open-case-file", "s", id);
}

/**
 * hmr_reminders_install:
 *
 * Adds app.open-case ("s": a beneficiary id, or "" for the Today page),
 * the action of the notifications.
 */
void
hmr_reminders_install (GtkApplication *app)
{
  static const GActionEntry actions[] = {
    { "open-case", open_case_action, "s" },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (app), actions, G_N_ELEMENTS (actions), app);
}

/**
 * hmr_reminders_dup_body:
 * @due: (element-type HmrTodayItem): the follow-ups due, at least one
 *
 * A notification may show on a shared screen, over another program or on
 * the desktop's lock screen, to whoever stands there: it names no one.
 * With one follow-up it says what kind it is and the case number, with
 * several how many; the names are in the window, behind the idle lock.
 *
 * Returns: (transfer full): the notification's body
 */
char *
hmr_reminders_dup_body (GPtrArray *due)
{
  g_return_val_if_fail (due != NULL && due->len > 0, NULL);

  if (due->len == 1)
    {
      HmrTodayItem *item = g_ptr_array_index (due, 0);

      /* Translators: a kind of follow-up ("Phone call"), then a case number */
      return g_strdup_printf (_("%s, case %s"), item->title,
                              item->case_number != NULL ? item->case_number : "—");
    }
  /* Translators: how many follow-ups are due today; the names are only in the window */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u follow-up: open Hamroh to see it",
                                       "%u follow-ups: open Hamroh to see them", due->len),
                          due->len);
}

/**
 * hmr_reminders_dup_notification:
 * @n_due: (out) (optional): how many follow-ups it counts
 *
 * Returns: (transfer full) (nullable): the notification of the follow-ups
 *   due today for the window's user; %NULL when none are
 */
GNotification *
hmr_reminders_dup_notification (HmrContext *context,
                                guint      *n_due)
{
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (HMR_IS_CONTEXT (context), NULL);

  due = hmr_store_list_reminders (hmr_context_get_store (context), hmr_context_get_actor (context),
                                  FALSE, NULL);
  if (n_due != NULL)
    *n_due = due != NULL ? due->len : 0;
  if (due == NULL || due->len == 0)
    return NULL;

  notification = g_notification_new (g_dngettext (GETTEXT_PACKAGE, "A follow-up is due today",
                                                  "Follow-ups are due today", due->len));
  body = hmr_reminders_dup_body (due);
  if (due->len == 1)
    {
      HmrTodayItem *item = g_ptr_array_index (due, 0);

      g_notification_set_default_action_and_target (notification, "app.open-case", "s",
                                                     item->beneficiary_id);
    }
  else
    g_notification_set_default_action_and_target (notification, "app.open-case", "s", "");
  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_NORMAL);
  return g_steal_pointer (&notification);
}

/**
 * hmr_reminders_check:
 *
 * Sends the notification now when follow-ups are due today, and withdraws
 * the one sent before when none are.
 *
 * Returns: how many follow-ups it names
 */
guint
hmr_reminders_check (GtkWindow *window)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (window));
  Reminders *r = g_object_get_data (G_OBJECT (window), "hmr-reminders");
  g_autoptr(GNotification) notification = NULL;
  guint n_due = 0;

  g_return_val_if_fail (r != NULL, 0);

  notification = hmr_reminders_dup_notification (r->context, &n_due);
  if (app == NULL || !g_application_get_is_registered (app) || g_application_get_is_remote (app))
    return n_due;
  if (notification != NULL)
    {
      g_application_send_notification (app, NOTIFICATION_ID, notification);
      g_object_set_data (G_OBJECT (window), "hmr-reminders-sent", GINT_TO_POINTER (TRUE));
    }
  else if (g_object_get_data (G_OBJECT (window), "hmr-reminders-sent"))
    {
      g_application_withdraw_notification (app, NOTIFICATION_ID);
      g_object_set_data (G_OBJECT (window), "hmr-reminders-sent", NULL);
    }
  return n_due;
}

static gboolean
on_hour (gpointer user_data)
{
  Reminders *r = user_data;

  if (r->window != NULL)
    hmr_reminders_check (r->window);
  return G_SOURCE_CONTINUE;
}

static gboolean
on_first_check (gpointer user_data)
{
  Reminders *r = user_data;

  r->first = 0;
  if (r->window != NULL)
    hmr_reminders_check (r->window);
  return G_SOURCE_REMOVE;
}

static void
reminders_free (gpointer data)
{
  Reminders *r = data;

  g_clear_handle_id (&r->source, g_source_remove);
  g_clear_handle_id (&r->first, g_source_remove);
  g_clear_weak_pointer (&r->window);
  g_clear_object (&r->context);
  g_free (r);
}

/**
 * hmr_reminders_start:
 * @window: the main window of the user who just logged in
 * @context: that user's
 *
 * Reminds them now and every hour, for as long as @window lives.
 */
void
hmr_reminders_start (GtkWindow  *window,
                     HmrContext *context)
{
  Reminders *r;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (HMR_IS_CONTEXT (context));

  r = g_new0 (Reminders, 1);
  g_set_weak_pointer (&r->window, window);
  r->context = g_object_ref (context);
  r->source = g_timeout_add_seconds (INTERVAL_SECONDS, on_hour, r);
  /* Not before the first frame: the check queries the store, and the
   * window of a large office should not wait for it */
  r->first = g_idle_add_full (G_PRIORITY_LOW, on_first_check, r, NULL);
  g_object_set_data_full (G_OBJECT (window), "hmr-reminders", r, reminders_free);
}
