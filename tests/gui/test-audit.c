/* test-audit.c — the Audit Trail area: who sees it, filtering it, opening
 * the record of a row, verifying the chain
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sqlite3.h>

#include "hmr-gui-test-util.h"
#include "hmr-audit-page.h"

static void
pass_guard (sqlite3_context  *ctx,
            int               argc,
            sqlite3_value   **argv)
{
  sqlite3_result_int (ctx, 1);
}

static HmrAuditPage *
open_audit (HmrGuiFixture  *f,
            const HmrActor *actor,
            HmrWindow     **window_out)
{
  HmrWindow *window = hmr_gui_test_open_window (f, actor);
  GtkWidget *page;

  g_assert_true (hmr_window_show_area (window, "audit"));
  hmr_gui_test_flush ();
  page = hmr_gui_test_find_widget (GTK_WIDGET (window), HMR_TYPE_AUDIT_PAGE, NULL);
  g_assert_nonnull (page);
  if (window_out)
    *window_out = window;
  return HMR_AUDIT_PAGE (page);
}

static void
test_supervisor_filters_by_action (HmrGuiFixture *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) nobody = NULL;
  HmrAuditPage *page;
  GListModel *model;
  guint all, created;

  hmr_gui_fixture_add_beneficiaries (f, 3);
  /* One wrong password, to find again */
  nobody = hmr_store_authenticate (f->store, "dilnoza", "not-her-password-at-all", &error);
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_AUTH);

  page = open_audit (f, f->supervisor, NULL);
  model = hmr_audit_page_get_model (page);
  all = g_list_model_get_n_items (model);
  g_assert_cmpuint (all, >, 5);
  hmr_gui_test_screenshot (gtk_widget_get_ancestor (GTK_WIDGET (page), GTK_TYPE_WINDOW), "audit-all");

  /* Newest first: the wrong password was the last thing written */
  g_assert_cmpstr (hmr_audit_page_get_entry (page, 0)->action, ==, "login-failed");
  for (guint i = 1; i < all; i++)
    g_assert_cmpint (hmr_audit_page_get_entry (page, i - 1)->seq, >, hmr_audit_page_get_entry (page, i)->seq);

  /* Only creations: fewer rows, every one a creation */
  hmr_audit_page_set_filter (page, NULL, "create", NULL);
  hmr_gui_test_flush ();
  created = g_list_model_get_n_items (model);
  g_assert_cmpuint (created, >, 0);
  g_assert_cmpuint (created, <, all);
  for (guint i = 0; i < created; i++)
    g_assert_cmpstr (hmr_audit_page_get_entry (page, i)->action, ==, "create");

  /* … of beneficiaries, by the caseworker: the three registered */
  hmr_audit_page_set_filter (page, "dilnoza", "create", "beneficiary");
  hmr_gui_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  hmr_gui_test_screenshot (gtk_widget_get_ancestor (GTK_WIDGET (page), GTK_TYPE_WINDOW), "audit-filtered");

  /* The failed login, readable */
  hmr_audit_page_set_filter (page, NULL, "login-failed", NULL);
  hmr_gui_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpstr (hmr_audit_page_get_entry (page, 0)->username, ==, "dilnoza");

  /* Back to everything */
  hmr_audit_page_set_filter (page, NULL, NULL, NULL);
  hmr_gui_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, all);
}

static void
test_open_record_from_row (HmrGuiFixture *f,
                           gconstpointer  data)
{
  HmrWindow *window;
  HmrAuditPage *page;
  HmrBeneficiariesPage *beneficiaries;

  hmr_gui_fixture_add_beneficiaries (f, 2);
  page = open_audit (f, f->supervisor, &window);
  hmr_audit_page_set_filter (page, NULL, "create", "beneficiary");
  hmr_gui_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (hmr_audit_page_get_model (page)), ==, 2);

  g_assert_true (hmr_audit_page_open_record (page, 0));
  hmr_gui_test_flush ();
  beneficiaries = hmr_window_get_beneficiaries_page (window);
  g_assert_true (hmr_beneficiaries_page_get_showing_detail (beneficiaries));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (beneficiaries)));
}

static void
test_caseworker_has_no_audit (HmrGuiFixture *f,
                              gconstpointer  data)
{
  HmrWindow *window = hmr_gui_test_open_window (f, f->caseworker);

  g_assert_false (hmr_window_show_area (window, "audit"));
  g_assert_null (hmr_gui_test_find_widget (GTK_WIDGET (window), HMR_TYPE_AUDIT_PAGE, NULL));
}

static gboolean
has_message_dialog (gpointer user_data)
{
  return hmr_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
verify_enabled (gpointer user_data)
{
  GtkWidget *button = user_data;
  return gtk_widget_is_sensitive (button);
}

static GtkWidget *
find_verify_button (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), "audit.verify") == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_verify_button (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
verify_button (HmrAuditPage *page)
{
  return find_verify_button (GTK_WIDGET (page));
}

static void
test_admin_verifies_chain (HmrGuiFixture *f,
                           gconstpointer  data)
{
  HmrAuditPage *page;
  GtkWidget *button;
  AdwMessageDialog *dialog;
  sqlite3 *db;

  hmr_gui_fixture_add_beneficiaries (f, 2);
  page = open_audit (f, f->admin, NULL);
  button = verify_button (page);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));

  /* Intact: no alarm */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "audit.verify", NULL));
  g_assert_true (hmr_gui_test_wait_until (verify_enabled, button, 20000));
  hmr_gui_test_flush ();
  g_assert_null (hmr_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));

  /* Row 3 changed behind Hamroh's back: the alarm names it */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  /* someone who has dropped the guard triggers, or passes them */
  sqlite3_create_function (db, "hmr_write_allowed", 0, SQLITE_UTF8, NULL, pass_guard, NULL, NULL);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE audit_log SET username = 'someone' WHERE seq = 3",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "audit.verify", NULL));
  g_assert_true (hmr_gui_test_wait_until (has_message_dialog, NULL, 20000));
  dialog = ADW_MESSAGE_DIALOG (hmr_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  hmr_gui_test_screenshot (GTK_WIDGET (dialog), "audit-broken");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Row 3 "));
}

static void
test_supervisor_cannot_verify (HmrGuiFixture *f,
                               gconstpointer  data)
{
  HmrAuditPage *page = open_audit (f, f->supervisor, NULL);
  GtkWidget *button = verify_button (page);
  g_autoptr(GError) error = NULL;

  /* DESIGN §6: supervisors read the trail, administrators also verify it */
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_visible (button));
  /* … as the store would refuse */
  g_assert_false (hmr_store_verify_audit (f->store, f->supervisor, NULL, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
}

int
main (int   argc,
      char *argv[])
{
  hmr_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, HmrGuiFixture, NULL, hmr_gui_fixture_set_up, func, hmr_gui_fixture_tear_down)

  ADD ("/gui/audit/supervisor-filters-by-action", test_supervisor_filters_by_action);
  ADD ("/gui/audit/open-record-from-row", test_open_record_from_row);
  ADD ("/gui/audit/caseworker-has-no-audit", test_caseworker_has_no_audit);
  ADD ("/gui/audit/admin-verifies-chain", test_admin_verifies_chain);
  ADD ("/gui/audit/supervisor-cannot-verify", test_supervisor_cannot_verify);

  return g_test_run ();
}
