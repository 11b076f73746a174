/* test-login.c — logging in, and setting up a new database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-gui-test-util.h"

typedef struct
{
  HmrActor *actor;
} LoginResult;

static void
on_logged_in (HmrLoginWindow *login,
              const HmrActor *actor,
              LoginResult    *result)
{
  g_clear_pointer (&result->actor, hmr_actor_free);
  result->actor = hmr_actor_copy (actor);
}

static gboolean
not_busy (gpointer user_data)
{
  return !hmr_login_window_get_busy (HMR_LOGIN_WINDOW (user_data));
}

static gboolean
logged_in (gpointer user_data)
{
  return ((LoginResult *) user_data)->actor != NULL;
}

static GtkEditable *
row (HmrLoginWindow *login,
     GType           type,
     const char     *title)
{
  GtkWidget *w = hmr_gui_test_find_widget (GTK_WIDGET (login), type, title);

  g_assert_nonnull (w);
  return GTK_EDITABLE (w);
}

static GtkWidget *
find_error_label (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_error_label (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The visible label styled as an error, if any */
static GtkLabel *
visible_error (HmrLoginWindow *login)
{
  GtkWidget *found = find_error_label (GTK_WIDGET (login));

  return found ? GTK_LABEL (found) : NULL;
}

static void
test_wrong_password_shows_message (HmrGuiFixture *f,
                                   gconstpointer  data)
{
  HmrLoginWindow *login = hmr_login_window_new (f->app, f->store);
  LoginResult result = { NULL };
  GtkEditable *password;
  GtkLabel *error;

  g_signal_connect (login, "logged-in", G_CALLBACK (on_logged_in), &result);
  gtk_window_present (GTK_WINDOW (login));
  hmr_gui_test_flush ();
  g_assert_false (hmr_login_window_get_setting_up (login));

  gtk_editable_set_text (row (login, ADW_TYPE_ENTRY_ROW, "User name"), "dilnoza");
  password = row (login, ADW_TYPE_PASSWORD_ENTRY_ROW, "Password");
  gtk_editable_set_text (password, "Not-Her-Password-1");
  gtk_widget_activate_action (GTK_WIDGET (login), "login.submit", NULL);

  /* Checking runs in a thread; the window waits */
  g_assert_true (hmr_login_window_get_busy (login));
  g_assert_true (hmr_gui_test_wait_until (not_busy, login, 20000));

  error = visible_error (login);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (gtk_label_get_text (error), "wrong"));
  g_assert_cmpstr (gtk_editable_get_text (password), ==, "");
  g_assert_null (result.actor);
  hmr_gui_test_screenshot (GTK_WIDGET (login), "login-wrong-password");

  /* The right password lets her in */
  gtk_editable_set_text (password, HMR_TEST_PASSWORD);
  gtk_widget_activate_action (GTK_WIDGET (login), "login.submit", NULL);
  g_assert_true (hmr_gui_test_wait_until (logged_in, &result, 20000));
  g_assert_cmpstr (result.actor->username, ==, "dilnoza");
  g_assert_cmpint (result.actor->role, ==, HMR_ROLE_CASEWORKER);
  hmr_actor_free (result.actor);
}

static void
test_first_run_creates_admin (HmrGuiFixture *f,
                              gconstpointer  data)
{
  g_autoptr(GError) err = NULL;
  g_autofree char *path = g_build_filename (f->dir, "new.sqlite3", NULL);
  g_autoptr(HmrStore) fresh = hmr_store_open (path, &err);
  HmrLoginWindow *login;
  LoginResult result = { NULL };
  GtkLabel *error;

  g_assert_no_error (err);
  login = hmr_login_window_new (f->app, fresh);
  g_signal_connect (login, "logged-in", G_CALLBACK (on_logged_in), &result);
  gtk_window_present (GTK_WINDOW (login));
  hmr_gui_test_flush ();
  g_assert_true (hmr_login_window_get_setting_up (login));
  hmr_gui_test_screenshot (GTK_WIDGET (login), "login-setup");

  gtk_editable_set_text (row (login, ADW_TYPE_ENTRY_ROW, "User name"), "firuza");
  gtk_editable_set_text (row (login, ADW_TYPE_ENTRY_ROW, "Full name"), "Фирӯза Саидова");

  /* Two different passwords */
  gtk_editable_set_text (row (login, ADW_TYPE_PASSWORD_ENTRY_ROW, "Password"), "Chinor-Bogh-2026");
  gtk_editable_set_text (row (login, ADW_TYPE_PASSWORD_ENTRY_ROW, "Repeat password"), "Chinor-Bogh-2025");
  gtk_widget_activate_action (GTK_WIDGET (login), "login.submit", NULL);
  hmr_gui_test_flush ();
  error = visible_error (login);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (gtk_label_get_text (error), "not the same"));
  g_assert_false (hmr_store_has_users (fresh));

  /* A password the rules refuse: their message is shown */
  gtk_editable_set_text (row (login, ADW_TYPE_PASSWORD_ENTRY_ROW, "Password"), "short");
  gtk_editable_set_text (row (login, ADW_TYPE_PASSWORD_ENTRY_ROW, "Repeat password"), "short");
  gtk_widget_activate_action (GTK_WIDGET (login), "login.submit", NULL);
  g_assert_true (hmr_gui_test_wait_until (not_busy, login, 20000));
  error = visible_error (login);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (gtk_label_get_text (error), "Password"));
  g_assert_false (hmr_store_has_users (fresh));

  /* A good one creates the administrator, who is then logged in */
  gtk_editable_set_text (row (login, ADW_TYPE_PASSWORD_ENTRY_ROW, "Password"), "Chinor-Bogh-2026");
  gtk_editable_set_text (row (login, ADW_TYPE_PASSWORD_ENTRY_ROW, "Repeat password"), "Chinor-Bogh-2026");
  gtk_widget_activate_action (GTK_WIDGET (login), "login.submit", NULL);
  g_assert_true (hmr_gui_test_wait_until (logged_in, &result, 20000));
  g_assert_cmpint (result.actor->role, ==, HMR_ROLE_ADMIN);
  g_assert_cmpstr (result.actor->username, ==, "firuza");
  g_assert_true (hmr_store_has_users (fresh));
  hmr_actor_free (result.actor);

  gtk_window_destroy (GTK_WINDOW (login));
  hmr_gui_test_flush ();
}

/* The demo users: a selectable label of several lines */
static GtkWidget *
find_user_list (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_visible (root) && gtk_label_get_selectable (GTK_LABEL (root)) &&
      strchr (gtk_label_get_text (GTK_LABEL (root)), '\n') != NULL)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_user_list (child);
      if (found)
        return found;
    }
  return NULL;
}

static gboolean
demo_login_shown (gpointer user_data)
{
  HmrApplication *app = user_data;
  GtkWindow *login = hmr_gui_test_find_window (HMR_TYPE_LOGIN_WINDOW);
  HmrStore *store = hmr_application_get_store (app);

  return login != NULL && store != NULL && g_str_has_suffix (hmr_store_get_path (store), "hamroh-demo.sqlite3") &&
         hmr_login_window_get_store (HMR_LOGIN_WINDOW (login)) == store;
}

/* The first start offers the demo: a database of its own, its users shown,
 * the one that was opened left empty */
static void
test_first_run_opens_the_demo (HmrGuiFixture *f,
                               gconstpointer  data)
{
  g_autoptr(GError) err = NULL;
  g_autofree char *path = g_build_filename (f->dir, "new.sqlite3", NULL);
  g_autoptr(HmrStore) fresh = hmr_store_open (path, &err);
  HmrLoginWindow *login;
  LoginResult result = { NULL };
  HmrStore *demo;

  g_assert_no_error (err);
  hmr_application_set_store (f->app, fresh);
  hmr_application_log_out (f->app);
  hmr_gui_test_flush ();
  login = HMR_LOGIN_WINDOW (hmr_gui_test_find_window (HMR_TYPE_LOGIN_WINDOW));
  g_assert_nonnull (login);
  g_assert_true (hmr_login_window_get_setting_up (login));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (login), "login.demo", NULL));
  g_assert_true (hmr_gui_test_wait_until (demo_login_shown, f->app, 100000));

  demo = hmr_application_get_store (f->app);
  login = HMR_LOGIN_WINDOW (hmr_gui_test_find_window (HMR_TYPE_LOGIN_WINDOW));
  g_assert_false (hmr_login_window_get_setting_up (login));
  g_assert_nonnull (hmr_gui_test_find_label (GTK_WIDGET (login), "The Demo"));
  g_assert_true (hmr_store_has_users (demo));
  g_assert_false (hmr_store_has_users (fresh));
  hmr_gui_test_screenshot (GTK_WIDGET (login), "login-demo");

  /* The users shown can log in: the first line is the administrator */
  {
    GtkWidget *users = find_user_list (GTK_WIDGET (login));
    g_auto(GStrv) lines = NULL;
    g_auto(GStrv) words = NULL;

    g_assert_nonnull (users);
    lines = g_strsplit (gtk_label_get_text (GTK_LABEL (users)), "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, 4);
    words = g_strsplit (lines[0], " ", -1);
    g_assert_cmpuint (g_strv_length (words), >=, 3);
    g_signal_connect (login, "logged-in", G_CALLBACK (on_logged_in), &result);
    gtk_editable_set_text (row (login, ADW_TYPE_ENTRY_ROW, "User name"), words[g_strv_length (words) - 3]);
    gtk_editable_set_text (row (login, ADW_TYPE_PASSWORD_ENTRY_ROW, "Password"), words[g_strv_length (words) - 1]);
    gtk_widget_activate_action (GTK_WIDGET (login), "login.submit", NULL);
    g_assert_true (hmr_gui_test_wait_until (logged_in, &result, 30000));
    g_assert_cmpint (result.actor->role, ==, HMR_ROLE_ADMIN);
    hmr_actor_free (result.actor);
  }
}

int
main (int   argc,
      char *argv[])
{
  hmr_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, HmrGuiFixture, NULL, hmr_gui_fixture_set_up, func, hmr_gui_fixture_tear_down)

  ADD ("/gui/login/wrong-password-shows-message", test_wrong_password_shows_message);
  ADD ("/gui/login/first-run-creates-admin", test_first_run_creates_admin);
  ADD ("/gui/login/first-run-opens-the-demo", test_first_run_opens_the_demo);

  return g_test_run ();
}
