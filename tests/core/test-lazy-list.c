/* test-lazy-list.c — the long lists' base (HmrLazyList), through the
 * registry's list: what it keeps in memory, what it announces, what it
 * shows for a row gone meanwhile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hmr-beneficiary-list.h"
#include "hmr-test-util.h"

#define N_ROWS 700   /* eleven pages of 64, more than the cache holds */

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint n_signals;
} Change;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->n_signals++;
}

static void
populate (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < N_ROWS; i++)
    {
      g_autofree char *family = g_strdup_printf ("Раҳимов-%03u", i);
      g_autoptr(HmrBeneficiary) b = make_beneficiary (family, "Фаррух", "Dusti");

      g_assert_true (hmr_store_insert_beneficiary (f->store, f->supervisor, b, &error));
      g_assert_no_error (error);
    }
}

static HmrBeneficiaryList *
new_list (Fixture            *f,
          HmrBeneficiaryQuery *query)
{
  g_autoptr(GError) error = NULL;
  HmrBeneficiaryList *list = hmr_beneficiary_list_new (f->store, f->supervisor);

  g_assert_true (hmr_beneficiary_list_set_query (list, query, &error));
  g_assert_no_error (error);
  return list;
}

/* Four bytes an id, and never more pages than the cache holds, however
 * far the view goes */
static void
test_memory_bounded (Fixture       *f,
                     gconstpointer  data)
{
  HmrBeneficiaryQuery query = { 0 };
  g_autoptr(HmrBeneficiaryList) list = NULL;

  populate (f);
  list = new_list (f, &query);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_ROWS);
  g_assert_cmpuint (hmr_lazy_list_get_id_bytes (HMR_LAZY_LIST (list)), ==, N_ROWS * 4);
  g_assert_cmpuint (hmr_beneficiary_list_get_n_loaded_pages (list), ==, 0);

  for (guint i = 0; i < N_ROWS; i++)
    {
      g_autoptr(HmrBeneficiary) b = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *want = g_strdup_printf ("Раҳимов-%03u", i);

      g_assert_cmpint (hmr_beneficiary_get_rowid (b), ==, hmr_lazy_list_get_id (HMR_LAZY_LIST (list), i));
      /* the default order is by case number, which follows registration */
      g_assert_cmpstr (hmr_beneficiary_get (b, HMR_BENEFICIARY_FAMILY_NAME), ==, want);
      g_assert_cmpuint (hmr_beneficiary_list_get_n_loaded_pages (list), <=,
                        hmr_lazy_list_get_max_pages ());
    }
  g_assert_cmpuint (hmr_beneficiary_list_get_n_loaded_pages (list), ==, hmr_lazy_list_get_max_pages ());
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), N_ROWS));
}

/* The first screen from a LIMIT query, then the rest of the same query:
 * the rows shown stay, only the new ones are announced */
static void
test_first_screen_then_rest (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiaryList) list = NULL;
  g_autoptr(HmrBeneficiary) first = NULL;
  g_autoptr(HmrBeneficiary) first_again = NULL;
  HmrBeneficiaryQuery query = { .limit = 100 };
  GArray *rest;
  Change change = { 0 };

  populate (f);
  list = new_list (f, &query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 100);
  g_assert_true (hmr_beneficiary_list_is_partial (list));
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);

  /* The same query, all of it (as the page's thread gives it) */
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &change);
  query.limit = 0;
  rest = hmr_store_query_beneficiary_ids (f->store, f->supervisor, &query, NULL, &error);
  g_assert_no_error (error);
  hmr_beneficiary_list_take_ids (list, &query, rest);
  g_assert_false (hmr_beneficiary_list_is_partial (list));

  g_assert_cmpuint (change.n_signals, ==, 1);
  g_assert_cmpuint (change.position, ==, 100);
  g_assert_cmpuint (change.removed, ==, 0);
  g_assert_cmpuint (change.added, ==, N_ROWS - 100);
  /* the same object: its page stayed loaded */
  first_again = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (first == first_again);

  /* The store changed meanwhile (the rest does not begin with the rows
   * shown): everything is replaced */
  query.limit = 100;
  g_assert_true (hmr_beneficiary_list_set_query (list, &query, &error));
  query.limit = 0;
  query.descending = TRUE;
  rest = hmr_store_query_beneficiary_ids (f->store, f->supervisor, &query, NULL, &error);
  g_assert_no_error (error);
  change.n_signals = 0;
  hmr_lazy_list_take_rest (HMR_LAZY_LIST (list), rest);
  g_assert_cmpuint (change.n_signals, ==, 1);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.removed, ==, 100);
  g_assert_cmpuint (change.added, ==, N_ROWS);
}

/* A limit the query does not reach leaves nothing to read later */
static void
test_short_list_complete (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(HmrBeneficiaryList) list = NULL;
  HmrBeneficiaryQuery query = { .limit = N_ROWS + 1 };

  populate (f);
  list = new_list (f, &query);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_ROWS);
  g_assert_false (hmr_beneficiary_list_is_partial (list));
  query.limit = N_ROWS;
  g_object_unref (list);
  list = new_list (f, &query);
  g_assert_true (hmr_beneficiary_list_is_partial (list));
}

/* A new query is announced even when it finds the same rows: the page's
 * count and "no results" follow the signal */
static void
test_same_rows_new_query (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiaryList) list = NULL;
  HmrBeneficiaryQuery query = { .text = "Раҳимов-007" };
  Change change = { 0 };
  guint n;

  populate (f);
  list = new_list (f, &query);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, >, 0);

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &change);
  query.district = "Dusti";
  g_assert_true (hmr_beneficiary_list_set_query (list, &query, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n);
  g_assert_cmpuint (change.n_signals, ==, 1);
  g_assert_cmpuint (change.removed, ==, n);
  g_assert_cmpuint (change.added, ==, n);
  g_assert_cmpstr (hmr_beneficiary_list_get_query (list)->district, ==, "Dusti");
}

/* A row gone after the ids were read (removed by hand with the sqlite3
 * shell, say) keeps its place, blank, rather than shifting every row
 * after it */
static void
test_row_gone_stays_blank (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(HmrBeneficiaryList) list = NULL;
  g_autoptr(HmrBeneficiary) victim = NULL;
  g_autoptr(HmrBeneficiary) blank = NULL;
  g_autoptr(HmrBeneficiary) next = NULL;
  HmrBeneficiaryQuery query = { 0 };
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;

  populate (f);
  list = new_list (f, &query);
  victim = g_list_model_get_item (G_LIST_MODEL (list), 300);
  /* not yet loaded: page 4 is read only after the archive */
  g_assert_null (hmr_lazy_list_peek_loaded (HMR_LAZY_LIST (list), 600));

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  allow_writes (db);
  sql = g_strdup_printf ("DELETE FROM beneficiary WHERE rowid = %" G_GINT64_FORMAT,
                         hmr_beneficiary_get_rowid (victim));
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_close (db);
  /* drop the page: walk through more pages than the cache holds */
  for (guint i = 0; i < N_ROWS; i += HMR_LAZY_LIST_PAGE_SIZE)
    if (i / HMR_LAZY_LIST_PAGE_SIZE != 300 / HMR_LAZY_LIST_PAGE_SIZE)
      g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  g_assert_null (hmr_lazy_list_peek_loaded (HMR_LAZY_LIST (list), 300));

  blank = g_list_model_get_item (G_LIST_MODEL (list), 300);
  next = g_list_model_get_item (G_LIST_MODEL (list), 301);
  g_assert_cmpint (hmr_beneficiary_get_rowid (blank), ==, hmr_beneficiary_get_rowid (victim));
  g_assert_null (hmr_beneficiary_get (blank, HMR_BENEFICIARY_ID));
  g_assert_cmpstr (hmr_beneficiary_get (next, HMR_BENEFICIARY_FAMILY_NAME), ==, "Раҳимов-301");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_ROWS);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/lazy-list/memory-bounded", Fixture, NULL,
              fixture_set_up, test_memory_bounded, fixture_tear_down);
  g_test_add ("/lazy-list/first-screen-then-rest", Fixture, NULL,
              fixture_set_up, test_first_screen_then_rest, fixture_tear_down);
  g_test_add ("/lazy-list/short-list-complete", Fixture, NULL,
              fixture_set_up, test_short_list_complete, fixture_tear_down);
  g_test_add ("/lazy-list/same-rows-new-query", Fixture, NULL,
              fixture_set_up, test_same_rows_new_query, fixture_tear_down);
  g_test_add ("/lazy-list/row-gone-stays-blank", Fixture, NULL,
              fixture_set_up, test_row_gone_stays_blank, fixture_tear_down);

  return g_test_run ();
}
