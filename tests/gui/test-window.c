/* test-window.c — the main window and what each role finds in it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hmr-area-page.h"
#include "hmr-audit-page.h"
#include "hmr-finance-page.h"
#include "hmr-gui-test-util.h"
#include "hmr-grants-page.h"
#include "hmr-providers-page.h"
#include "hmr-preferences-window.h"
#include "hmr-referrals-page.h"
#include "hmr-today-page.h"
#include "hmr-users-page.h"

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelWait;

static gboolean
label_shown (gpointer user_data)
{
  LabelWait *wait = user_data;
  return hmr_gui_test_find_label (wait->root, wait->text) != NULL;
}

static void
test_opens_on_demo_database (HmrGuiFixture *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(HmrBeneficiary) shown = NULL;
  HmrBeneficiariesPage *page;
  HmrWindow *window;
  GListModel *model;
  const char *case_number;
  LabelWait wait;

  hmr_gui_fixture_add_beneficiaries (f, 600);

  window = hmr_gui_test_open_window (f, f->caseworker);
  g_assert_true (hmr_window_show_area (window, "beneficiaries"));
  page = hmr_window_get_beneficiaries_page (window);
  g_assert_nonnull (page);
  model = G_LIST_MODEL (hmr_beneficiaries_page_get_model (page));

  /* The first screen at once, the rest from a thread once it is painted,
   * then the count */
  g_assert_true (hmr_beneficiary_list_is_partial (HMR_BENEFICIARY_LIST (model)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 100);
  g_assert_true (hmr_beneficiaries_page_is_searching (page));
  wait.text = "600 beneficiaries";
  wait.root = GTK_WIDGET (page);
  g_assert_true (hmr_gui_test_wait_until (label_shown, &wait, 5000));
  g_assert_false (hmr_beneficiary_list_is_partial (HMR_BENEFICIARY_LIST (model)));

  /* Exactly the store's rows, in the page's order */
  ids = hmr_store_query_beneficiary_ids (f->store, f->caseworker,
                                         hmr_beneficiaries_page_get_query (page), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 600);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, ids->len);
  g_assert_cmpstr (hmr_beneficiaries_page_get_state (page), ==, "table");

  first = hmr_store_load_beneficiaries (f->store, f->caseworker,
                                        &g_array_index (ids, gint64, 0), 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 1);
  case_number = hmr_beneficiary_get (g_ptr_array_index (first, 0), HMR_BENEFICIARY_CASE_NUMBER);
  g_assert_nonnull (case_number);

  shown = g_list_model_get_item (model, 0);
  g_assert_cmpstr (hmr_beneficiary_get (shown, HMR_BENEFICIARY_CASE_NUMBER), ==, case_number);

  /* … and the column view draws it */
  wait.root = GTK_WIDGET (hmr_beneficiaries_page_get_column_view (page));
  wait.text = case_number;
  g_assert_true (hmr_gui_test_wait_until (label_shown, &wait, 5000));

  /* Lazy: only the pages near the screen were loaded, not all 600 rows
   * (ten pages of 64) */
  g_assert_cmpuint (hmr_beneficiary_list_get_n_loaded_pages (HMR_BENEFICIARY_LIST (model)), <=, 4);

  hmr_gui_test_screenshot (GTK_WIDGET (window), "window-caseworker");
}

static void
test_title_names_user_and_role (HmrGuiFixture *f,
                                gconstpointer  data)
{
  HmrWindow *window = hmr_gui_test_open_window (f, f->supervisor);
  g_autofree char *expected = NULL;

  expected = g_strdup_printf ("%s · %s", f->supervisor->full_name,
                              hmr_role_get_label (HMR_ROLE_SUPERVISOR));
  g_assert_nonnull (hmr_gui_test_find_label (GTK_WIDGET (window), expected));
  g_assert_nonnull (hmr_gui_test_find_label (GTK_WIDGET (window), "Beneficiaries"));
}

static void
test_admin_sees_status_page (HmrGuiFixture *f,
                             gconstpointer  data)
{
  HmrWindow *window = hmr_gui_test_open_window (f, f->admin);

  /* Administrators keep users and providers: no list of beneficiaries */
  g_assert_null (hmr_window_get_beneficiaries_page (window));
  g_assert_nonnull (hmr_gui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE, NULL));
  g_assert_null (hmr_gui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_COLUMN_VIEW, NULL));
  hmr_gui_test_screenshot (GTK_WIDGET (window), "window-admin");
}

/* Any widget of @type under @root, shown or not */
static gboolean
contains_type (GtkWidget *root,
               GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (contains_type (child, type))
      return TRUE;
  return FALSE;
}

/* A window asked for another area before it is shown (a notification
 * opening a case file) never builds the role's first area */
static void
test_first_area_built_only_when_shown (HmrGuiFixture *f,
                                       gconstpointer  data)
{
  HmrWindow *window = hmr_window_new (f->app, f->store, f->supervisor);
  GtkWidget *root = GTK_WIDGET (window);

  g_assert_false (contains_type (root, HMR_TYPE_TODAY_PAGE));
  g_assert_true (hmr_window_show_area (window, "beneficiaries"));
  gtk_window_present (GTK_WINDOW (window));
  hmr_gui_test_flush ();
  g_assert_true (gtk_widget_get_mapped (root));
  g_assert_true (contains_type (root, HMR_TYPE_BENEFICIARIES_PAGE));
  g_assert_false (contains_type (root, HMR_TYPE_TODAY_PAGE));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_areas_built_when_first_shown (HmrGuiFixture *f,
                                   gconstpointer  data)
{
  HmrWindow *window = hmr_gui_test_open_window (f, f->supervisor);
  GtkWidget *root = GTK_WIDGET (window);

  /* The window opens on Today and queries nothing else */
  g_assert_nonnull (hmr_gui_test_find_widget (root, HMR_TYPE_TODAY_PAGE, NULL));
  g_assert_null (hmr_gui_test_find_widget (root, HMR_TYPE_REFERRALS_PAGE, NULL));
  g_assert_null (hmr_gui_test_find_widget (root, HMR_TYPE_GRANTS_PAGE, NULL));
  g_assert_null (hmr_gui_test_find_widget (root, HMR_TYPE_BENEFICIARIES_PAGE, NULL));

  /* … and builds an area once, when it is first shown */
  g_assert_true (hmr_window_show_area (window, "referrals"));
  hmr_gui_test_flush ();
  g_assert_nonnull (hmr_gui_test_find_widget (root, HMR_TYPE_REFERRALS_PAGE, NULL));
  g_assert_true (hmr_window_show_area (window, "today"));
  g_assert_true (hmr_window_show_area (window, "referrals"));
  hmr_gui_test_flush ();
  g_assert_true (hmr_gui_test_find_widget (root, HMR_TYPE_REFERRALS_PAGE, NULL) != NULL);
  g_assert_false (hmr_window_show_area (window, "users"));
}

static void
test_finance_cannot_register (HmrGuiFixture *f,
                              gconstpointer  data)
{
  HmrWindow *window;
  HmrBeneficiariesPage *page;

  hmr_gui_fixture_add_beneficiaries (f, 3);
  window = hmr_gui_test_open_window (f, f->finance);
  page = hmr_window_get_beneficiaries_page (window);
  g_assert_nonnull (page);

  /* Finance reads identities, never writes: no Register button, and the
   * action does nothing */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hmr_beneficiaries_page_get_model (page))), ==, 3);
  g_assert_null (hmr_gui_test_find_label (GTK_WIDGET (page), "Register"));
  gtk_widget_activate_action (GTK_WIDGET (page), "beneficiaries.register", NULL);
  hmr_gui_test_flush ();
  g_assert_null (hmr_gui_test_find_window (HMR_TYPE_BENEFICIARY_FORM));
}

static void
test_window_restores_size (HmrGuiFixture *f,
                           gconstpointer  data)
{
  GSettings *settings = hmr_application_get_settings (f->app);
  HmrWindow *window;
  int width, height;

  g_settings_set_int (settings, "window-width", 900);
  g_settings_set_int (settings, "window-height", 640);
  window = hmr_gui_test_open_window (f, f->caseworker);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_close (GTK_WINDOW (window));
  hmr_gui_test_flush ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 800);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 600);
}

static gboolean
leaflet_folded (gpointer user_data)
{
  return adw_leaflet_get_folded (ADW_LEAFLET (user_data));
}

static void
test_folds_on_narrow_width (HmrGuiFixture *f,
                            gconstpointer  data)
{
  HmrWindow *window;
  AdwLeaflet *leaflet;
  GtkWidget *back;

  hmr_gui_fixture_add_beneficiaries (f, 3);
  window = hmr_gui_test_open_window (f, f->caseworker);
  /* A caseworker starts on Today; this is about the beneficiaries list */
  g_assert_true (hmr_window_show_area (window, "beneficiaries"));
  leaflet = ADW_LEAFLET (hmr_gui_test_find_widget (GTK_WIDGET (window), ADW_TYPE_LEAFLET, NULL));
  g_assert_nonnull (leaflet);
  g_assert_false (adw_leaflet_get_folded (leaflet));

  /* Narrow: the list alone, with a back button to the areas */
  gtk_window_set_default_size (GTK_WINDOW (window), 420, 700);
  g_assert_true (hmr_gui_test_wait_until (leaflet_folded, leaflet, 5000));
  hmr_gui_test_flush ();
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (hmr_window_get_beneficiaries_page (window))));
  back = hmr_gui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_BUTTON, NULL);
  g_assert_nonnull (back);
  g_assert_true (gtk_widget_is_visible (back));
  g_assert_cmpstr (gtk_button_get_icon_name (GTK_BUTTON (back)), ==, "go-previous-symbolic");
  hmr_gui_test_screenshot (GTK_WIDGET (window), "window-folded");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL);
  hmr_gui_test_flush ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (hmr_window_get_beneficiaries_page (window))));
  hmr_gui_test_screenshot (GTK_WIDGET (window), "window-folded-sidebar");
}

static void
test_preferences_show_database (HmrGuiFixture *f,
                                gconstpointer  data)
{
  GSettings *settings = hmr_application_get_settings (f->app);
  HmrPreferencesWindow *prefs;
  GtkSpinButton *spin;

  hmr_application_set_database_path (f->app, f->path);
  g_settings_set_string (settings, "last-database", "");
  /* Anyone but an administrator sees no choice of database file */
  prefs = hmr_preferences_window_new (f->app, FALSE);
  gtk_window_present (GTK_WINDOW (prefs));
  hmr_gui_test_flush ();
  {
    GtkWidget *path_label = hmr_gui_test_find_label (GTK_WIDGET (prefs), f->path);
    g_assert_true (path_label == NULL || !gtk_widget_is_visible (path_label));
  }
  gtk_window_destroy (GTK_WINDOW (prefs));

  prefs = hmr_preferences_window_new (f->app, TRUE);
  gtk_window_present (GTK_WINDOW (prefs));
  hmr_gui_test_flush ();

  /* The database open now, by its path */
  g_assert_nonnull (hmr_gui_test_find_label (GTK_WIDGET (prefs), f->path));
  g_assert_true (gtk_widget_is_visible (hmr_gui_test_find_label (GTK_WIDGET (prefs), f->path)));

  /* The idle lock follows the settings, both ways */
  spin = GTK_SPIN_BUTTON (hmr_gui_test_find_widget (GTK_WIDGET (prefs), GTK_TYPE_SPIN_BUTTON, NULL));
  g_assert_nonnull (spin);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, g_settings_get_int (settings, "idle-lock-minutes"));
  gtk_spin_button_set_value (spin, 30);
  g_assert_cmpint (g_settings_get_int (settings, "idle-lock-minutes"), ==, 30);
  g_settings_set_int (settings, "idle-lock-minutes", 10);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin), ==, 10);
  g_settings_reset (settings, "idle-lock-minutes");

  hmr_gui_test_screenshot (GTK_WIDGET (prefs), "preferences");
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
test_menu_actions_open_windows (HmrGuiFixture *f,
                                gconstpointer  data)
{
  struct { const char *action; GType type; } cases[] = {
    { "about", ADW_TYPE_ABOUT_WINDOW },
    { "shortcuts", GTK_TYPE_SHORTCUTS_WINDOW },
    { "preferences", HMR_TYPE_PREFERENCES_WINDOW },
  };

  hmr_gui_test_open_window (f, f->caseworker);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GtkWindow *opened;

      g_action_group_activate_action (G_ACTION_GROUP (f->app), cases[i].action, NULL);
      hmr_gui_test_flush ();
      opened = hmr_gui_test_find_window (cases[i].type);
      g_assert_nonnull (opened);
      hmr_gui_test_screenshot (GTK_WIDGET (opened), cases[i].action);
      gtk_window_destroy (opened);
    }
}

static gboolean
no_main_window (gpointer user_data)
{
  return hmr_gui_test_find_window (HMR_TYPE_WINDOW) == NULL;
}

static void
test_log_out_asks_for_login (HmrGuiFixture *f,
                             gconstpointer  data)
{
  HmrWindow *window = hmr_gui_test_open_window (f, f->caseworker);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.log-out", NULL);
  g_assert_true (hmr_gui_test_wait_until (no_main_window, NULL, 5000));
  g_assert_nonnull (hmr_gui_test_find_window (HMR_TYPE_LOGIN_WINDOW));
}

/* Every area but Beneficiaries is an HmrAreaPage made for the window's
 * store and user */
static void
test_areas_know_store_and_user (HmrGuiFixture *f,
                                gconstpointer  data)
{
  static const struct { const char *name; GType (*get_type) (void); } areas[] = {
    { "today", hmr_today_page_get_type },
    { "referrals", hmr_referrals_page_get_type },
    { "grants", hmr_grants_page_get_type },
    { "finance", hmr_finance_page_get_type },
    { "providers", hmr_providers_page_get_type },
    { "users", hmr_users_page_get_type },
    { "audit", hmr_audit_page_get_type },
  };
  const HmrActor *actors[] = { f->caseworker, f->supervisor, f->finance, f->admin };
  gboolean seen[G_N_ELEMENTS (areas)] = { FALSE, };

  for (guint a = 0; a < G_N_ELEMENTS (actors); a++)
    {
      HmrWindow *window = hmr_gui_test_open_window (f, actors[a]);

      for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
        {
          g_autoptr(HmrStore) store = NULL;
          g_autoptr(HmrActor) actor = NULL;
          GtkWidget *page;

          if (!hmr_window_show_area (window, areas[i].name))
            continue;
          hmr_gui_test_flush ();
          page = hmr_gui_test_find_widget (GTK_WIDGET (window), areas[i].get_type (), NULL);
          g_assert_nonnull (page);
          g_assert_true (HMR_IS_AREA_PAGE (page));
          g_object_get (page, "store", &store, "actor", &actor, NULL);
          g_assert_true (store == f->store);
          g_assert_true (hmr_area_page_get_store (HMR_AREA_PAGE (page)) == f->store);
          g_assert_cmpstr (actor->user_id, ==, actors[a]->user_id);
          g_assert_cmpstr (hmr_area_page_get_actor (HMR_AREA_PAGE (page))->user_id, ==, actors[a]->user_id);
          seen[i] = TRUE;
        }
      gtk_window_destroy (GTK_WINDOW (window));
    }
  /* Each area was shown to someone */
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    g_assert_true (seen[i]);
}

int
main (int   argc,
      char *argv[])
{
  hmr_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, HmrGuiFixture, NULL, hmr_gui_fixture_set_up, func, hmr_gui_fixture_tear_down)

  ADD ("/gui/window/opens-on-demo-database", test_opens_on_demo_database);
  ADD ("/gui/window/title-names-user-and-role", test_title_names_user_and_role);
  ADD ("/gui/window/admin-sees-status-page", test_admin_sees_status_page);
  ADD ("/gui/window/areas-built-when-first-shown", test_areas_built_when_first_shown);
  ADD ("/gui/window/first-area-built-only-when-shown", test_first_area_built_only_when_shown);
  ADD ("/gui/window/areas-know-store-and-user", test_areas_know_store_and_user);
  ADD ("/gui/window/finance-cannot-register", test_finance_cannot_register);
  ADD ("/gui/window/restores-size", test_window_restores_size);
  ADD ("/gui/window/folds-on-narrow-width", test_folds_on_narrow_width);
  ADD ("/gui/preferences/show-database-and-idle-lock", test_preferences_show_database);
  ADD ("/gui/window/menu-actions-open-windows", test_menu_actions_open_windows);
  ADD ("/gui/window/log-out-asks-for-login", test_log_out_asks_for_login);

  return g_test_run ();
}
