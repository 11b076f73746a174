/* test-users.c — the administrator's Users area: creating an account who
 * must then choose a new password, deactivating one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-gui-test-util.h"
#include "hmr-password-dialog.h"
#include "hmr-user-dialog.h"
#include "hmr-users-page.h"

#define NEW_PASSWORD "Sabzi-Bahor-2026"
#define CHOSEN_PASSWORD "Obi-Darvoz-Sard-7"

static gboolean
no_window_of_type (gpointer user_data)
{
  return hmr_gui_test_find_window (GPOINTER_TO_SIZE (user_data)) == NULL;
}

static gboolean
has_window_of_type (gpointer user_data)
{
  return hmr_gui_test_find_window (GPOINTER_TO_SIZE (user_data)) != NULL;
}

static HmrUsersPage *
open_users (HmrGuiFixture *f)
{
  HmrWindow *window = hmr_gui_test_open_window (f, f->admin);
  GtkWidget *page;

  g_assert_true (hmr_window_show_area (window, "users"));
  hmr_gui_test_flush ();
  page = hmr_gui_test_find_widget (GTK_WIDGET (window), HMR_TYPE_USERS_PAGE, NULL);
  g_assert_nonnull (page);
  return HMR_USERS_PAGE (page);
}

static void
create_farrukh (HmrGuiFixture *f,
                HmrUsersPage  *page)
{
  HmrUserDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "users.new", NULL));
  dialog = HMR_USER_DIALOG (hmr_gui_test_find_window (HMR_TYPE_USER_DIALOG));
  g_assert_nonnull (dialog);
  /* It starts as a caseworker of an office: nothing it would refuse */
  g_assert_cmpuint (adw_combo_row_get_selected (hmr_user_dialog_get_role_row (dialog)), ==, HMR_ROLE_CASEWORKER);
  g_assert_cmpuint (adw_combo_row_get_selected (hmr_user_dialog_get_office_row (dialog)), >, 0);

  gtk_editable_set_text (hmr_user_dialog_get_entry (dialog, "username"), "farrukh");
  gtk_editable_set_text (hmr_user_dialog_get_entry (dialog, "full-name"), "Фаррух Раҳимов");
  hmr_gui_test_select_choice (hmr_user_dialog_get_role_row (dialog), hmr_role_get_label (HMR_ROLE_CASEWORKER));
  hmr_gui_test_select_choice (hmr_user_dialog_get_office_row (dialog), hmr_district_get_label ("Dusti"));
  gtk_editable_set_text (hmr_user_dialog_get_entry (dialog, "password"), NEW_PASSWORD);
  gtk_editable_set_text (hmr_user_dialog_get_entry (dialog, "repeat"), NEW_PASSWORD);
  hmr_gui_test_screenshot (GTK_WIDGET (dialog), "users-new");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "user.save", NULL));
  g_assert_true (hmr_user_dialog_get_busy (dialog));
  g_assert_true (hmr_gui_test_wait_until (no_window_of_type, GSIZE_TO_POINTER (HMR_TYPE_USER_DIALOG), 20000));
  hmr_gui_test_flush ();
}

static void
test_admin_creates_user (HmrGuiFixture *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) farrukh = NULL;
  HmrUsersPage *page = open_users (f);
  AdwActionRow *row;

  /* The fixture's accounts are listed, with role and office */
  row = hmr_users_page_get_row (page, "dilnoza");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), hmr_role_get_label (HMR_ROLE_CASEWORKER)));
  g_assert_null (hmr_users_page_get_row (page, "farrukh"));

  create_farrukh (f, page);
  row = hmr_users_page_get_row (page, "farrukh");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (row)));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "new password"));
  hmr_gui_test_screenshot (gtk_widget_get_ancestor (GTK_WIDGET (page), GTK_TYPE_WINDOW), "users-list");

  /* The new account logs in through the store, as a Dusti caseworker, and
   * must change the password first */
  farrukh = hmr_store_authenticate (f->store, "farrukh", NEW_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_nonnull (farrukh);
  g_assert_cmpint (farrukh->role, ==, HMR_ROLE_CASEWORKER);
  g_assert_cmpstr (farrukh->office_id, ==, HMR_TEST_DUSTI_OFFICE);
  g_assert_cmpstr (farrukh->full_name, ==, "Фаррух Раҳимов");
  g_assert_true (hmr_store_must_change_password (f->store, farrukh));
}

static void
test_weak_password_refused (HmrGuiFixture *f,
                            gconstpointer  data)
{
  HmrUsersPage *page = open_users (f);
  HmrUserDialog *dialog;
  GtkLabel *error;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "users.new", NULL));
  dialog = HMR_USER_DIALOG (hmr_gui_test_find_window (HMR_TYPE_USER_DIALOG));
  gtk_editable_set_text (hmr_user_dialog_get_entry (dialog, "username"), "farrukh");
  gtk_editable_set_text (hmr_user_dialog_get_entry (dialog, "full-name"), "Фаррух Раҳимов");
  gtk_editable_set_text (hmr_user_dialog_get_entry (dialog, "password"), "farrukh-12345");
  gtk_editable_set_text (hmr_user_dialog_get_entry (dialog, "repeat"), "farrukh-12345");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "user.save", NULL);
  hmr_gui_test_flush ();

  /* The same rule as for the first administrator: not the user name */
  error = hmr_user_dialog_get_error_label (dialog);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (error)));
  g_assert_nonnull (strstr (gtk_label_get_text (error), "user name"));
  g_assert_true (hmr_gui_test_find_window (HMR_TYPE_USER_DIALOG) == GTK_WINDOW (dialog));
  g_assert_null (hmr_users_page_get_row (page, "farrukh"));
}

static void
test_deactivate_refuses_login (HmrGuiFixture *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) refused = NULL;
  g_autoptr(HmrActor) again = NULL;
  HmrUsersPage *page = open_users (f);
  AdwActionRow *row;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "users.deactivate", "s",
                                             f->caseworker->user_id));
  hmr_gui_test_flush ();
  row = hmr_users_page_get_row (page, "dilnoza");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "Deactivated"));

  refused = hmr_store_authenticate (f->store, "dilnoza", HMR_TEST_PASSWORD, &error);
  g_assert_null (refused);
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_AUTH);
  g_clear_error (&error);

  /* Reactivated, they log in again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "users.reactivate", "s",
                                             f->caseworker->user_id));
  hmr_gui_test_flush ();
  again = hmr_store_authenticate (f->store, "dilnoza", HMR_TEST_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_nonnull (again);
}

static gboolean
login_not_busy (gpointer user_data)
{
  GtkWindow *login = hmr_gui_test_find_window (HMR_TYPE_LOGIN_WINDOW);
  return login == NULL || !hmr_login_window_get_busy (HMR_LOGIN_WINDOW (login));
}

static gboolean
password_not_busy (gpointer user_data)
{
  return !hmr_password_dialog_get_busy (HMR_PASSWORD_DIALOG (user_data));
}

static void
test_login_forces_password_change (HmrGuiFixture *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) farrukh = NULL;
  HmrUsersPage *page = open_users (f);
  HmrPasswordDialog *dialog;
  GtkWidget *login;

  create_farrukh (f, page);

  /* Log out: the application's own login window */
  hmr_application_log_out (f->app);
  hmr_gui_test_flush ();
  login = GTK_WIDGET (hmr_gui_test_find_window (HMR_TYPE_LOGIN_WINDOW));
  g_assert_nonnull (login);
  gtk_editable_set_text (GTK_EDITABLE (hmr_gui_test_find_widget (login, ADW_TYPE_ENTRY_ROW, "User name")), "farrukh");
  gtk_editable_set_text (GTK_EDITABLE (hmr_gui_test_find_widget (login, ADW_TYPE_PASSWORD_ENTRY_ROW, "Password")), NEW_PASSWORD);
  gtk_widget_activate_action (login, "login.submit", NULL);
  g_assert_true (hmr_gui_test_wait_until (login_not_busy, NULL, 20000));
  hmr_gui_test_flush ();

  /* Not the main window yet: first a password of their own */
  g_assert_null (hmr_gui_test_find_window (HMR_TYPE_WINDOW));
  dialog = HMR_PASSWORD_DIALOG (hmr_gui_test_find_window (HMR_TYPE_PASSWORD_DIALOG));
  g_assert_nonnull (dialog);
  hmr_gui_test_screenshot (GTK_WIDGET (dialog), "users-change-password");

  /* The administrator's password again is refused */
  gtk_editable_set_text (hmr_password_dialog_get_entry (dialog, "old"), NEW_PASSWORD);
  gtk_editable_set_text (hmr_password_dialog_get_entry (dialog, "new"), NEW_PASSWORD);
  gtk_editable_set_text (hmr_password_dialog_get_entry (dialog, "repeat"), NEW_PASSWORD);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "password.change", NULL);
  g_assert_true (hmr_password_dialog_get_busy (dialog));
  g_assert_true (hmr_gui_test_wait_until (password_not_busy, dialog, 20000));
  hmr_gui_test_flush ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (hmr_password_dialog_get_error_label (dialog))));
  g_assert_null (hmr_gui_test_find_window (HMR_TYPE_WINDOW));

  /* A new one opens the main window */
  gtk_editable_set_text (hmr_password_dialog_get_entry (dialog, "old"), NEW_PASSWORD);
  gtk_editable_set_text (hmr_password_dialog_get_entry (dialog, "new"), CHOSEN_PASSWORD);
  gtk_editable_set_text (hmr_password_dialog_get_entry (dialog, "repeat"), CHOSEN_PASSWORD);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "password.change", NULL);
  g_assert_true (hmr_gui_test_wait_until (has_window_of_type, GSIZE_TO_POINTER (HMR_TYPE_WINDOW), 20000));
  g_assert_null (hmr_gui_test_find_window (HMR_TYPE_LOGIN_WINDOW));

  farrukh = hmr_store_authenticate (f->store, "farrukh", CHOSEN_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_false (hmr_store_must_change_password (f->store, farrukh));
}

static void
test_only_admin_has_users (HmrGuiFixture *f,
                           gconstpointer  data)
{
  HmrWindow *window = hmr_gui_test_open_window (f, f->supervisor);

  g_assert_false (hmr_window_show_area (window, "users"));
  g_assert_null (hmr_gui_test_find_widget (GTK_WIDGET (window), HMR_TYPE_USERS_PAGE, NULL));
}

int
main (int   argc,
      char *argv[])
{
  hmr_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, HmrGuiFixture, NULL, hmr_gui_fixture_set_up, func, hmr_gui_fixture_tear_down)

  ADD ("/gui/users/admin-creates-user", test_admin_creates_user);
  ADD ("/gui/users/weak-password-refused", test_weak_password_refused);
  ADD ("/gui/users/deactivate-refuses-login", test_deactivate_refuses_login);
  ADD ("/gui/users/login-forces-password-change", test_login_forces_password_change);
  ADD ("/gui/users/only-admin-has-users", test_only_admin_has_users);

  return g_test_run ();
}
