/* test-list.c — finding people in the list of beneficiaries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hmr-gui-test-util.h"

typedef struct
{
  HmrBeneficiariesPage *page;
  guint                 n;
  const char           *state;
} ListWait;

static gboolean
list_shows (gpointer user_data)
{
  ListWait *wait = user_data;
  GListModel *model = G_LIST_MODEL (hmr_beneficiaries_page_get_model (wait->page));

  return g_list_model_get_n_items (model) == wait->n &&
         g_strcmp0 (hmr_beneficiaries_page_get_state (wait->page), wait->state) == 0;
}

static void
search (HmrBeneficiariesPage *page,
        const char           *text)
{
  gtk_editable_set_text (GTK_EDITABLE (hmr_beneficiaries_page_get_search_entry (page)), text);
}

static void
test_search_narrows_and_clear_restores (HmrGuiFixture *f,
                                        gconstpointer  data)
{
  ListWait wait;
  GListModel *model;

  hmr_gui_fixture_add_beneficiaries (f, 30);
  wait.page = hmr_window_get_beneficiaries_page (hmr_gui_test_open_window (f, f->caseworker));
  model = G_LIST_MODEL (hmr_beneficiaries_page_get_model (wait.page));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 30);

  /* Part of a family name, in Tajik: a third of them */
  search (wait.page, "Каримов");
  wait.n = 10;
  wait.state = "table";
  g_assert_true (hmr_gui_test_wait_until (list_shows, &wait, 5000));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HmrBeneficiary) b = g_list_model_get_item (model, i);
      g_assert_true (g_str_has_prefix (hmr_beneficiary_get (b, HMR_BENEFICIARY_FAMILY_NAME), "Каримов"));
    }
  hmr_gui_test_screenshot (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (wait.page))), "list-search");

  /* One person exactly */
  search (wait.page, "Каримов 13");
  wait.n = 1;
  g_assert_true (hmr_gui_test_wait_until (list_shows, &wait, 5000));

  /* Nobody: the page says so */
  search (wait.page, "Зарипов");
  wait.n = 0;
  wait.state = "no-results";
  g_assert_true (hmr_gui_test_wait_until (list_shows, &wait, 5000));
  hmr_gui_test_screenshot (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (wait.page))), "list-no-results");

  /* Clearing the search brings everyone back */
  search (wait.page, "");
  wait.n = 30;
  wait.state = "table";
  g_assert_true (hmr_gui_test_wait_until (list_shows, &wait, 5000));
}

static void
test_empty_database_invites_registration (HmrGuiFixture *f,
                                          gconstpointer  data)
{
  HmrWindow *window = hmr_gui_test_open_window (f, f->caseworker);
  HmrBeneficiariesPage *page = hmr_window_get_beneficiaries_page (window);

  g_assert_cmpstr (hmr_beneficiaries_page_get_state (page), ==, "empty");
  g_assert_nonnull (hmr_gui_test_find_label (GTK_WIDGET (page), "No Beneficiaries Yet"));
  g_assert_nonnull (hmr_gui_test_find_label (GTK_WIDGET (page), "Register Beneficiary"));
  hmr_gui_test_screenshot (GTK_WIDGET (window), "list-empty");
}

static void
test_archived_shown_on_request (HmrGuiFixture *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) first = NULL;
  GtkCheckButton *archived;
  ListWait wait;

  hmr_gui_fixture_add_beneficiaries (f, 4);
  wait.page = hmr_window_get_beneficiaries_page (hmr_gui_test_open_window (f, f->caseworker));
  first = g_list_model_get_item (G_LIST_MODEL (hmr_beneficiaries_page_get_model (wait.page)), 0);
  hmr_store_archive_beneficiary (f->store, f->caseworker, hmr_beneficiary_get (first, HMR_BENEFICIARY_ID), &error);
  g_assert_no_error (error);
  hmr_beneficiaries_page_reload (wait.page);

  wait.n = 3;
  wait.state = "table";
  g_assert_true (hmr_gui_test_wait_until (list_shows, &wait, 5000));

  archived = GTK_CHECK_BUTTON (hmr_gui_test_find_widget (GTK_WIDGET (wait.page), GTK_TYPE_CHECK_BUTTON, NULL));
  g_assert_nonnull (archived);
  gtk_check_button_set_active (archived, TRUE);
  wait.n = 4;
  g_assert_true (hmr_gui_test_wait_until (list_shows, &wait, 5000));
}

static void
test_district_filter (HmrGuiFixture *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = NULL;
  GtkDropDown *districts;
  GListModel *labels;
  ListWait wait;

  /* A supervisor sees every office */
  hmr_gui_fixture_add_beneficiaries (f, 4);
  b = hmr_gui_test_new_beneficiary ("Шарипов", "Одина", "01.01.1985");
  hmr_beneficiary_set (b, HMR_BENEFICIARY_DISTRICT, "Panj");
  hmr_store_insert_beneficiary (f->store, f->supervisor, b, &error);
  g_assert_no_error (error);

  wait.page = hmr_window_get_beneficiaries_page (hmr_gui_test_open_window (f, f->supervisor));
  wait.n = 5;
  wait.state = "table";
  g_assert_true (hmr_gui_test_wait_until (list_shows, &wait, 5000));

  districts = GTK_DROP_DOWN (hmr_gui_test_find_widget (GTK_WIDGET (wait.page), GTK_TYPE_DROP_DOWN, NULL));
  labels = gtk_drop_down_get_model (districts);
  for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(GtkStringObject) s = g_list_model_get_item (labels, i);
      if (g_strcmp0 (gtk_string_object_get_string (s), hmr_district_get_label ("Panj")) == 0)
        gtk_drop_down_set_selected (districts, i);
    }
  wait.n = 1;
  g_assert_true (hmr_gui_test_wait_until (list_shows, &wait, 5000));

  gtk_drop_down_set_selected (districts, 0);
  wait.n = 5;
  g_assert_true (hmr_gui_test_wait_until (list_shows, &wait, 5000));
}

int
main (int   argc,
      char *argv[])
{
  hmr_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, HmrGuiFixture, NULL, hmr_gui_fixture_set_up, func, hmr_gui_fixture_tear_down)

  ADD ("/gui/list/search-narrows-and-clear-restores", test_search_narrows_and_clear_restores);
  ADD ("/gui/list/empty-database-invites-registration", test_empty_database_invites_registration);
  ADD ("/gui/list/archived-shown-on-request", test_archived_shown_on_request);
  ADD ("/gui/list/district-filter", test_district_filter);

  return g_test_run ();
}
