/* test-lock.c — the idle lock: nothing of the case files shows while the
 * window is locked, and unlocking returns to exactly where the user was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-gui-test-util.h"
#include "hmr-lock.h"

static gboolean
page_not_busy (gpointer user_data)
{
  return !hmr_lock_page_get_busy (HMR_LOCK_PAGE (user_data));
}

static gboolean
unlocked (gpointer user_data)
{
  return !hmr_lock_get_locked (HMR_LOCK (user_data));
}

static gboolean
locked (gpointer user_data)
{
  return hmr_lock_get_locked (HMR_LOCK (user_data));
}

static HmrBeneficiaryForm *
open_form (HmrBeneficiariesPage *page)
{
  HmrBeneficiaryForm *form;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "beneficiaries.register", NULL));
  form = HMR_BENEFICIARY_FORM (hmr_gui_test_find_window (HMR_TYPE_BENEFICIARY_FORM));
  g_assert_nonnull (form);
  hmr_gui_test_flush ();
  return form;
}

static GtkEditable *
field (HmrBeneficiaryForm  *form,
       HmrBeneficiaryField  f)
{
  return GTK_EDITABLE (hmr_beneficiary_form_get_field_row (form, f));
}

static void
try_password (HmrLock    *lock,
              const char *password)
{
  /* Held: unlocking closes the lock screen */
  g_autoptr(HmrLockPage) page = g_object_ref (hmr_lock_get_page (lock));

  gtk_editable_set_text (hmr_lock_page_get_password_entry (page), password);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "lock.unlock", NULL));
  /* Checked off the main thread, with a spinner meanwhile */
  g_assert_true (hmr_lock_page_get_busy (page));
  g_assert_true (hmr_gui_test_wait_until (page_not_busy, page, 20000));
  hmr_gui_test_flush ();
}

static guint
count_audit (HmrGuiFixture  *f,
             const HmrActor *who,
             const char     *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint n = 0;

  rows = hmr_store_list_audit (f->store, f->admin, "user", who->user_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      HmrAuditEntry *e = g_ptr_array_index (rows, i);
      if (g_strcmp0 (e->action, action) == 0)
        n++;
    }
  return n;
}

static void
test_unlock_keeps_half_filled_form (HmrGuiFixture *f,
                                    gconstpointer  data)
{
  HmrBeneficiariesPage *page;
  HmrBeneficiaryForm *form;
  HmrWindow *window;
  HmrLock *lock;
  HmrLockPage *lock_page;
  GtkLabel *error_label;
  guint failed_before;

  hmr_gui_fixture_add_beneficiaries (f, 3);
  window = hmr_gui_test_open_window (f, f->caseworker);
  page = hmr_window_get_beneficiaries_page (window);
  g_assert_true (hmr_window_show_area (window, "beneficiaries"));
  hmr_gui_test_flush ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  lock = hmr_lock_get_for_window (GTK_WINDOW (window));
  g_assert_nonnull (lock);
  g_assert_false (hmr_lock_get_locked (lock));
  g_assert_null (hmr_lock_get_page (lock));

  /* A registration, half typed in */
  form = open_form (page);
  gtk_editable_set_text (field (form, HMR_BENEFICIARY_FAMILY_NAME), "Ҷӯраев");
  gtk_editable_set_text (field (form, HMR_BENEFICIARY_GIVEN_NAME), "Ғайрат");
  gtk_editable_set_text (field (form, HMR_BENEFICIARY_VILLAGE), "Ғаллакор");

  hmr_lock_lock (lock);
  hmr_gui_test_flush ();
  lock_page = hmr_lock_get_page (lock);
  g_assert_nonnull (lock_page);
  hmr_gui_test_screenshot (GTK_WIDGET (lock_page), "lock-locked");

  /* Locked: the lock screen, and neither the list nor the form */
  g_assert_true (hmr_lock_get_locked (lock));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (lock_page)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (form)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (form)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_false (gtk_widget_is_drawable (GTK_WIDGET (page)));
  g_assert_null (hmr_gui_test_find_label (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (lock_page))), "Ҷӯраев"));
  g_assert_false (gtk_widget_is_visible (hmr_beneficiary_form_get_field_row (form, HMR_BENEFICIARY_FAMILY_NAME)));
  /* … and the focus is on the password */
  {
    GtkWindow *lock_window = GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (lock_page)));
    GtkWidget *focus = gtk_window_get_focus (lock_window);
    GtkWidget *entry = GTK_WIDGET (hmr_lock_page_get_password_entry (lock_page));

    g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
  }

  /* A wrong password: still locked, with a message, counted and audited */
  failed_before = count_audit (f, f->caseworker, "login-failed");
  try_password (lock, "not-the-password-at-all");
  hmr_gui_test_screenshot (GTK_WIDGET (lock_page), "lock-wrong-password");
  g_assert_true (hmr_lock_get_locked (lock));
  error_label = hmr_lock_page_get_error_label (lock_page);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "wrong"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (form)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_cmpstr (gtk_editable_get_text (hmr_lock_page_get_password_entry (lock_page)), ==, "");

  /* Presenting the window again (the application started a second time)
   * does not get round the lock */
  gtk_window_present (GTK_WINDOW (window));
  hmr_gui_test_flush ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_cmpuint (count_audit (f, f->caseworker, "login-failed"), ==, failed_before + 1);

  /* The right one: back where the user was, the form still holding the text */
  try_password (lock, HMR_TEST_PASSWORD);
  g_assert_true (hmr_gui_test_wait_until (unlocked, lock, 5000));
  hmr_gui_test_flush ();
  g_assert_null (hmr_lock_get_page (lock));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (page)))), ==, "beneficiaries");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (form)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (form)));
  g_assert_true (hmr_gui_test_find_window (HMR_TYPE_BENEFICIARY_FORM) == GTK_WINDOW (form));
  g_assert_cmpstr (gtk_editable_get_text (field (form, HMR_BENEFICIARY_FAMILY_NAME)), ==, "Ҷӯраев");
  g_assert_cmpstr (gtk_editable_get_text (field (form, HMR_BENEFICIARY_GIVEN_NAME)), ==, "Ғайрат");
  g_assert_cmpstr (gtk_editable_get_text (field (form, HMR_BENEFICIARY_VILLAGE)), ==, "Ғаллакор");
  g_assert_true (hmr_beneficiary_form_has_changes (form));
  hmr_gui_test_screenshot (GTK_WIDGET (form), "lock-unlocked-form");

  /* Nothing was saved on the way */
  g_assert_cmpuint (hmr_gui_test_count_rows (f->store, f->caseworker, TRUE), ==, 3);
}

static void
test_idle_timeout_locks (HmrGuiFixture *f,
                         gconstpointer  data)
{
  HmrWindow *window = hmr_gui_test_open_window (f, f->caseworker);
  HmrLock *lock = hmr_lock_get_for_window (GTK_WINDOW (window));
  GSettings *settings = hmr_application_get_settings (f->app);

  g_assert_true (hmr_window_show_area (window, "beneficiaries"));
  /* The preference, in minutes: 15 unless changed */
  g_settings_reset (settings, "idle-lock-minutes");
  g_assert_cmpuint (hmr_lock_get_timeout_seconds (lock), ==, 15 * 60);
  g_settings_set_int (settings, "idle-lock-minutes", 5);
  g_assert_cmpuint (hmr_lock_get_timeout_seconds (lock), ==, 5 * 60);
  g_settings_reset (settings, "idle-lock-minutes");

  /* Not before its time… */
  hmr_lock_set_timeout_seconds (lock, 2);
  hmr_gui_test_flush ();
  g_assert_false (hmr_lock_get_locked (lock));

  /* … but after it, without any input */
  g_assert_true (hmr_gui_test_wait_until (locked, lock, 6000));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (hmr_window_get_beneficiaries_page (window))));
}

/* Whether @model or one of its sections has an item for @action */
static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

static void
test_lock_action_and_log_out (HmrGuiFixture *f,
                              gconstpointer  data)
{
  HmrWindow *window = hmr_gui_test_open_window (f, f->caseworker);
  HmrLock *lock = hmr_lock_get_for_window (GTK_WINDOW (window));

  /* "Lock" in the main menu */
  GtkWidget *menu_button = hmr_gui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, NULL);

  g_assert_nonnull (menu_button);
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)), "win.lock"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  g_assert_true (hmr_lock_get_locked (lock));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (hmr_lock_get_page (lock))));

  /* Log Out instead of unlocking: the login window, no main window */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (hmr_lock_get_page (lock)), "lock.log-out", NULL));
  hmr_gui_test_flush ();
  g_assert_null (hmr_gui_test_find_window (HMR_TYPE_WINDOW));
  g_assert_nonnull (hmr_gui_test_find_window (HMR_TYPE_LOGIN_WINDOW));
}

int
main (int   argc,
      char *argv[])
{
  hmr_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, HmrGuiFixture, NULL, hmr_gui_fixture_set_up, func, hmr_gui_fixture_tear_down)

  ADD ("/gui/lock/unlock-keeps-half-filled-form", test_unlock_keeps_half_filled_form);
  ADD ("/gui/lock/idle-timeout-locks", test_idle_timeout_locks);
  ADD ("/gui/lock/lock-action-and-log-out", test_lock_action_and_log_out);

  return g_test_run ();
}
