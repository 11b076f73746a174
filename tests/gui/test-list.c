/* test-list.c — finding people in the list of beneficiaries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hmr-beneficiaries-columns.h"
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

/* ---- sorting, filters, search as you type ------------------------------ */

static gboolean
not_searching (gpointer user_data)
{
  return !hmr_beneficiaries_page_is_searching (HMR_BENEFICIARIES_PAGE (user_data));
}

/* The rows the view shows are those of the SQL query, in its order */
static void
assert_view_in_sql_order (HmrGuiFixture        *f,
                          HmrBeneficiariesPage *page,
                          HmrBeneficiarySort    sort,
                          gboolean              descending)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  HmrBeneficiaryQuery query = { 0 };
  GListModel *model = G_LIST_MODEL (hmr_beneficiaries_page_get_model (page));

  g_assert_true (hmr_gui_test_wait_until (not_searching, page, 5000));
  g_assert_cmpint (hmr_beneficiaries_page_get_query (page)->sort, ==, sort);
  g_assert_cmpint (hmr_beneficiaries_page_get_query (page)->descending, ==, descending);

  query.sort = sort;
  query.descending = descending;
  ids = hmr_store_query_beneficiary_ids (f->store, f->supervisor, &query, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(HmrBeneficiary) b = g_list_model_get_item (model, i);
      g_assert_cmpint (hmr_beneficiary_get_rowid (b), ==, g_array_index (ids, gint64, i));
    }
}

static HmrBeneficiary *
item (HmrBeneficiariesPage *page,
      guint                 position)
{
  return g_list_model_get_item (G_LIST_MODEL (hmr_beneficiaries_page_get_model (page)), position);
}

static void
test_header_click_sorts_in_sql (HmrGuiFixture *f,
                                gconstpointer  data)
{
  HmrBeneficiariesPage *page;
  GtkColumnView *view;
  g_autoptr(GtkColumnViewColumn) name_column = NULL;
  g_autoptr(GtkColumnViewColumn) risk_column = NULL;
  g_autoptr(HmrBeneficiary) first = NULL;
  g_autoptr(HmrBeneficiary) last = NULL;
  g_autoptr(HmrBeneficiary) top_risk = NULL;
  const char * const risks[] = { "low", "high", "medium" };

  hmr_gui_fixture_add_beneficiaries (f, 12);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HmrBeneficiary) b = hmr_gui_test_new_beneficiary (i == 0 ? "Азизов" : i == 1 ? "Бобоев" : "Шарипов",
                                                                  "Одина", "01.01.1985");
      hmr_beneficiary_set (b, HMR_BENEFICIARY_RISK_LEVEL, risks[i]);
      hmr_beneficiary_set (b, HMR_BENEFICIARY_DISTRICT, i == 2 ? "Panj" : "Dusti");
      hmr_store_insert_beneficiary (f->store, f->supervisor, b, &error);
      g_assert_no_error (error);
    }

  page = hmr_window_get_beneficiaries_page (hmr_gui_test_open_window (f, f->supervisor));
  view = hmr_beneficiaries_page_get_column_view (page);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (view)), ==, 8);
  name_column = g_list_model_get_item (gtk_column_view_get_columns (view), 1);
  risk_column = g_list_model_get_item (gtk_column_view_get_columns (view), 7);
  g_assert_cmpstr (gtk_column_view_column_get_title (name_column), ==, "Name");
  g_assert_cmpstr (gtk_column_view_column_get_title (risk_column), ==, "Risk");

  /* Nothing chosen: the newest first */
  assert_view_in_sql_order (f, page, HMR_BENEFICIARY_SORT_REGISTERED, TRUE);

  /* What a click on the header does; the SQL sorts */
  gtk_column_view_sort_by_column (view, name_column, GTK_SORT_ASCENDING);
  assert_view_in_sql_order (f, page, HMR_BENEFICIARY_SORT_NAME, FALSE);
  first = item (page, 0);
  g_assert_cmpstr (hmr_beneficiary_get (first, HMR_BENEFICIARY_FAMILY_NAME), ==, "Азизов");
  hmr_gui_test_screenshot (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page))), "list-sorted-by-name");

  /* A second click turns it round */
  gtk_column_view_sort_by_column (view, name_column, GTK_SORT_DESCENDING);
  assert_view_in_sql_order (f, page, HMR_BENEFICIARY_SORT_NAME, TRUE);
  last = item (page, g_list_model_get_n_items (G_LIST_MODEL (hmr_beneficiaries_page_get_model (page))) - 1);
  g_assert_cmpstr (hmr_beneficiary_get (last, HMR_BENEFICIARY_FAMILY_NAME), ==, "Азизов");

  /* Risk, descending: high first */
  gtk_column_view_sort_by_column (view, risk_column, GTK_SORT_DESCENDING);
  assert_view_in_sql_order (f, page, HMR_BENEFICIARY_SORT_RISK, FALSE);
  top_risk = item (page, 0);
  g_assert_cmpstr (hmr_beneficiary_get (top_risk, HMR_BENEFICIARY_RISK_LEVEL), ==, "high");

  /* No column: back to the newest first */
  gtk_column_view_sort_by_column (view, NULL, GTK_SORT_ASCENDING);
  assert_view_in_sql_order (f, page, HMR_BENEFICIARY_SORT_REGISTERED, TRUE);
}

static gboolean
count_is (gpointer user_data)
{
  ListWait *wait = user_data;
  return !hmr_beneficiaries_page_is_searching (wait->page) && list_shows (wait);
}

static void
test_filters_combine_and_count (HmrGuiFixture *f,
                                gconstpointer  data)
{
  HmrBeneficiaryFilters *filters;
  GtkLabel *count;
  ListWait wait;

  /* 2 victims of trafficking at high risk, 1 at low; 3 returnees at high risk */
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *family = g_strdup_printf ("Одинаев %u", i);
      g_autoptr(HmrBeneficiary) b = hmr_gui_test_new_beneficiary (family, "Сино", "01.01.1985");

      hmr_beneficiary_set (b, HMR_BENEFICIARY_CATEGORY, i < 3 ? "trafficking_victim" : "returned_migrant");
      hmr_beneficiary_set (b, HMR_BENEFICIARY_RISK_LEVEL, i == 2 ? "low" : "high");
      hmr_store_insert_beneficiary (f->store, f->caseworker, b, &error);
      g_assert_no_error (error);
    }
  wait.page = hmr_window_get_beneficiaries_page (hmr_gui_test_open_window (f, f->caseworker));
  filters = hmr_beneficiaries_page_get_filters (wait.page);
  count = GTK_LABEL (hmr_gui_test_find_label (GTK_WIDGET (wait.page), "6 beneficiaries"));
  g_assert_nonnull (count);

  g_assert_true (hmr_beneficiary_filters_select (filters, HMR_FILTER_CATEGORY, "trafficking_victim"));
  wait.n = 3;
  wait.state = "table";
  g_assert_true (hmr_gui_test_wait_until (count_is, &wait, 5000));
  g_assert_cmpstr (gtk_label_get_label (count), ==, "3 matches");

  /* A second filter narrows the first */
  g_assert_true (hmr_beneficiary_filters_select (filters, HMR_FILTER_RISK, "high"));
  wait.n = 2;
  g_assert_true (hmr_gui_test_wait_until (count_is, &wait, 5000));
  g_assert_cmpstr (gtk_label_get_label (count), ==, "2 matches");

  /* … and a search narrows both */
  search (wait.page, "Одинаев 1");
  wait.n = 1;
  g_assert_true (hmr_gui_test_wait_until (count_is, &wait, 5000));
  g_assert_cmpstr (gtk_label_get_label (count), ==, "1 match");

  /* The re-entry ban, the stage and the caseworker combine too: nobody
   * registered here has a ban */
  search (wait.page, "");
  g_assert_true (hmr_beneficiary_filters_select (filters, HMR_FILTER_BAN, "with"));
  wait.n = 0;
  wait.state = "no-results";
  g_assert_true (hmr_gui_test_wait_until (count_is, &wait, 5000));
  g_assert_true (hmr_beneficiary_filters_select (filters, HMR_FILTER_BAN, "without"));
  g_assert_true (hmr_beneficiary_filters_select (filters, HMR_FILTER_STAGE, "new"));
  g_assert_true (hmr_beneficiary_filters_select (filters, HMR_FILTER_CASEWORKER, f->caseworker->user_id));
  wait.n = 2;
  wait.state = "table";
  g_assert_true (hmr_gui_test_wait_until (count_is, &wait, 5000));
  g_assert_true (hmr_beneficiary_filters_select (filters, HMR_FILTER_STAGE, "closed"));
  wait.n = 0;
  wait.state = "no-results";
  g_assert_true (hmr_gui_test_wait_until (count_is, &wait, 5000));
  hmr_gui_test_screenshot (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (wait.page))), "list-filtered-none");

  /* Clearing them brings everyone back */
  hmr_beneficiary_filters_reset (filters);
  wait.n = 6;
  wait.state = "table";
  g_assert_true (hmr_gui_test_wait_until (count_is, &wait, 5000));
  g_assert_cmpstr (gtk_label_get_label (count), ==, "6 beneficiaries");
}

/* Finance reads identity only: no filters beyond it to choose from */
static void
test_finance_has_no_filters_beyond_identity (HmrGuiFixture *f,
                                             gconstpointer  data)
{
  HmrBeneficiariesPage *page;
  GtkWidget *filters, *button;

  page = hmr_window_get_beneficiaries_page (hmr_gui_test_open_window (f, f->finance));
  g_assert_nonnull (page);
  filters = GTK_WIDGET (hmr_beneficiaries_page_get_filters (page));
  g_assert_true (gtk_widget_get_visible (filters));
  /* only visible widgets are found: the Filters button is not */
  g_assert_null (hmr_gui_test_find_widget (filters, GTK_TYPE_MENU_BUTTON, NULL));
  hmr_gui_test_destroy_windows ();

  page = hmr_window_get_beneficiaries_page (hmr_gui_test_open_window (f, f->supervisor));
  filters = GTK_WIDGET (hmr_beneficiaries_page_get_filters (page));
  button = hmr_gui_test_find_widget (filters, GTK_TYPE_MENU_BUTTON, NULL);
  g_assert_nonnull (button);
}

static void
test_typing_fast_shows_last_query (HmrGuiFixture *f,
                                   gconstpointer  data)
{
  static const char * const typed[] = { "К", "Ка", "Kar", "Kari", "Karim", "Karimov", "Karimov 1", "Karimov 13" };
  GtkSearchEntry *entry;
  ListWait wait;
  guint queries = 0;

  hmr_gui_fixture_add_beneficiaries (f, 30);
  wait.page = hmr_window_get_beneficiaries_page (hmr_gui_test_open_window (f, f->caseworker));
  entry = hmr_beneficiaries_page_get_search_entry (wait.page);
  gtk_search_entry_set_search_delay (entry, 0);

  /* Every keystroke starts a query before the last one is done */
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      search (wait.page, typed[i]);
      g_main_context_iteration (NULL, FALSE);
      if (hmr_beneficiaries_page_is_searching (wait.page))
        queries++;
    }
  g_assert_cmpuint (queries, >, 0);

  /* The list ends with what the last one found: Каримов 13, found from
   * its Latin spelling */
  wait.n = 1;
  wait.state = "table";
  g_assert_true (hmr_gui_test_wait_until (count_is, &wait, 5000));
  {
    g_autoptr(HmrBeneficiary) b = item (wait.page, 0);
    g_assert_cmpstr (hmr_beneficiary_get (b, HMR_BENEFICIARY_FAMILY_NAME), ==, "Каримов 13");
  }
  g_assert_cmpstr (hmr_beneficiaries_page_get_query (wait.page)->text, ==, "Karimov 13");
  /* … and nothing that was stopped comes after it */
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hmr_beneficiaries_page_get_model (wait.page))), ==, 1);
  hmr_gui_test_screenshot (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (wait.page))), "list-search-latin");
}

static void
test_matches_in_bold (void)
{
  HmrHighlight h = { 0 };
  g_autofree char *typed_prefix = NULL;
  g_autofree char *other_script = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *unrelated = NULL;

  hmr_highlight_set (&h, "kar");
  typed_prefix = hmr_highlight_markup (&h, "Karimov Jamshed");
  g_assert_cmpstr (typed_prefix, ==, "<b>Kar</b>imov Jamshed");
  unrelated = hmr_highlight_markup (&h, "Nazarov Farrukh");
  g_assert_cmpstr (unrelated, ==, "Nazarov Farrukh");

  /* Typed in Latin, shown in Cyrillic: the word that matched */
  hmr_highlight_set (&h, "Rakhimov");
  other_script = hmr_highlight_markup (&h, "Раҳимов Фаррух");
  g_assert_cmpstr (other_script, ==, "<b>Раҳимов</b> Фаррух");

  /* What is shown is escaped */
  hmr_highlight_set (&h, "a&b");
  escaped = hmr_highlight_markup (&h, "<Ali> & Co");
  g_assert_cmpstr (escaped, ==, "&lt;<b>Ali</b>&gt; &amp; Co");
  hmr_highlight_clear (&h);
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
  ADD ("/gui/list/header-click-sorts-in-sql", test_header_click_sorts_in_sql);
  ADD ("/gui/list/filters-combine-and-count", test_filters_combine_and_count);
  ADD ("/gui/list/typing-fast-shows-last-query", test_typing_fast_shows_last_query);
  ADD ("/gui/list/finance-has-no-filters-beyond-identity", test_finance_has_no_filters_beyond_identity);
  g_test_add_func ("/gui/list/matches-in-bold", test_matches_in_bold);

  return g_test_run ();
}
