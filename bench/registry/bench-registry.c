/* bench-registry.c — the beneficiary list and search, against raw SQL
 *
 * Usage: bench-registry DATABASE USER PASSWORD-FILE
 *
 * Measured in the same run, on the same file:
 *   list   list ready: the lazy list model's query of row ids and its
 *          first screen of rows (40), against a raw SELECT of the same ids
 *          in the same order on a bare sqlite3 connection; in case-number
 *          order and newest first (the order the Beneficiaries page opens
 *          with).  After a warm-up round, up to RUNS runs of each,
 *          interleaved, fewer when a run is slow (after LIST_BUDGET_S
 *          seconds); medians;
 *   memory the heap the list model keeps per row, beyond SQLite's own,
 *          after jumping to up to 100 places spread over the list (at most
 *          MEMORY_BUDGET_S seconds of it);
 *   search 200 mixed queries through the store against the same FTS5 SQL
 *          run directly, p50 and p95.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>

#include "hmr-beneficiary-list.h"
#include "hmr-name-key.h"
#include "hmr-store.h"

#define RUNS 5
#define LIST_BUDGET_S 60
#define MEMORY_BUDGET_S 60
#define FIRST_SCREEN 40

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
percentile (double *values,
            guint   n,
            double  p)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[MIN (n - 1, (guint) (p * n))];
}

static double
median_of (double *values,
           guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return (values[(n - 1) / 2] + values[n / 2]) / 2;
}

static gsize
heap_in_use (void)
{
  struct mallinfo2 mi = mallinfo2 ();
  return mi.uordblks + mi.hblkhd;
}

/* Queries a caseworker would type: prefixes of names in either script,
 * Latin for Cyrillic, phone digits, case numbers */
static GPtrArray *
make_queries (sqlite3 *db)
{
  GPtrArray *q = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  GRand *rand = g_rand_new_with_seed (42);

  sqlite3_prepare_v2 (db,
                      "SELECT family_name, family_name_latin, given_name, phone, case_number "
                      "FROM beneficiary WHERE rowid IN (SELECT abs(random()) % (SELECT max(rowid) FROM beneficiary) "
                      "FROM beneficiary LIMIT 400) LIMIT 200", -1, &stmt, NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW && q->len < 200)
    {
      const char *family = (const char *) sqlite3_column_text (stmt, 0);
      const char *latin = (const char *) sqlite3_column_text (stmt, 1);
      const char *given = (const char *) sqlite3_column_text (stmt, 2);
      const char *phone = (const char *) sqlite3_column_text (stmt, 3);
      const char *number = (const char *) sqlite3_column_text (stmt, 4);

      switch (q->len % 5)
        {
        case 0: /* a Cyrillic prefix */
          g_ptr_array_add (q, g_utf8_substring (family, 0, 4));
          break;
        case 1: /* the Latin spelling, for a Cyrillic record */
          g_ptr_array_add (q, g_strdup (latin ? latin : family));
          break;
        case 2: /* family and a given-name prefix */
          {
            g_autofree char *g = g_utf8_substring (given, 0, 2);
            g_ptr_array_add (q, g_strdup_printf ("%s %s", family, g));
          }
          break;
        case 3: /* phone digits */
          if (phone != NULL && strlen (phone) > 8)
            g_ptr_array_add (q, g_strndup (phone + 5, 6));
          else
            g_ptr_array_add (q, g_strdup ("93 5"));
          break;
        default: /* a case number */
          g_ptr_array_add (q, g_strdup (number));
        }
    }
  sqlite3_finalize (stmt);
  g_rand_free (rand);
  return q;
}

/* List ready in @order: the store's list model against the raw SELECT of
 * the same ids in the same order (@raw_order), interleaved */
static void
list_ready (HmrStore       *store,
            const HmrActor *actor,
            sqlite3        *raw,
            const char     *name,
            HmrBeneficiarySort sort,
            gboolean        descending,
            const char     *raw_order,
            guint          *n_rows)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT b.rowid FROM beneficiary b WHERE b.deleted_at IS NULL "
                                          "ORDER BY %s", raw_order);
  double store_ms[RUNS], ids_ms[RUNS], rows_ms[RUNS], raw_ms[RUNS];
  double started = now_ms ();
  guint runs = 0;
  gboolean warm = FALSE;

  /* The first round warms the caches (a million rows are 9 GB of file:
   * whichever ran first would read it from disk) and is not counted */
  while (runs < RUNS && (runs == 0 || now_ms () - started < LIST_BUDGET_S * 1000.0))
    {
      g_autoptr(HmrBeneficiaryList) list = hmr_beneficiary_list_new (store, actor);
      HmrBeneficiaryQuery q = { 0 };
      sqlite3_stmt *stmt;
      GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      double t0;
      guint n, raw_n;

      q.sort = sort;
      q.descending = descending;
      t0 = now_ms ();
      if (!hmr_beneficiary_list_set_query (list, &q, &error))
        g_error ("%s", error->message);
      ids_ms[runs] = now_ms () - t0;
      /* ready: the first screen of rows is loaded */
      n = g_list_model_get_n_items (G_LIST_MODEL (list));
      for (guint i = 0; i < MIN ((guint) FIRST_SCREEN, n); i++)
        g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
      store_ms[runs] = now_ms () - t0;
      rows_ms[runs] = store_ms[runs] - ids_ms[runs];
      *n_rows = n;

      t0 = now_ms ();
      sqlite3_prepare_v2 (raw, sql, -1, &stmt, NULL);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (ids, id);
        }
      sqlite3_finalize (stmt);
      raw_ms[runs] = now_ms () - t0;
      raw_n = ids->len;
      g_array_unref (ids);
      if (raw_n != n)
        g_printerr ("list %s: store %u rows, raw %u rows\n", name, n, raw_n);
      if (warm)
        runs++;
      else
        started = now_ms ();
      warm = TRUE;
    }

  {
    double st = median_of (store_ms, runs), rw = median_of (raw_ms, runs);
    double id = median_of (ids_ms, runs), rows = median_of (rows_ms, runs);

    g_print ("list\t%s\trows=%u\truns=%u\tstore_ms=%.1f\t(ids_ms=%.1f\tfirst_rows_ms=%.1f)\traw_ms=%.1f\t"
             "ratio=%.2f\ttarget=2x+50ms\t%s\n",
             name, *n_rows, runs, st, id, rows, rw, st / rw,
             st <= 2 * rw + 50 ? "met" : "MISSED");
  }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrStore) store = NULL;
  g_autoptr(HmrActor) actor = NULL;
  g_autofree char *password = NULL;
  g_autoptr(GPtrArray) queries = NULL;
  sqlite3 *raw = NULL;
  guint n_rows = 0;

  if (argc != 4)
    {
      g_printerr ("Usage: %s DATABASE USER PASSWORD-FILE\n", argv[0]);
      return 2;
    }
  if (!g_file_get_contents (argv[3], &password, NULL, &error))
    g_error ("%s", error->message);
  g_strchomp (password);

  store = hmr_store_open (argv[1], &error);
  if (store == NULL)
    g_error ("%s", error->message);
  actor = hmr_store_authenticate (store, argv[2], password, &error);
  if (actor == NULL)
    g_error ("%s", error->message);
  sqlite3_open_v2 (argv[1], &raw, SQLITE_OPEN_READONLY, NULL);

  /* ---- list ready ---- */
  list_ready (store, actor, raw, "case-number", HMR_BENEFICIARY_SORT_CASE_NUMBER, FALSE,
              "b.case_number, b.rowid, b.rowid", &n_rows);
  list_ready (store, actor, raw, "newest-first", HMR_BENEFICIARY_SORT_REGISTERED, TRUE,
              "b.created_at DESC, b.case_number DESC, b.rowid", &n_rows);

  /* ---- memory per row ---- *
   * The heap the list model holds, less what SQLite holds (its page cache),
   * per row: first with only the row ids, then after jumping through the
   * list, when it also keeps its bounded cache of loaded rows */
  {
    g_autoptr(HmrBeneficiaryList) list = NULL;
    HmrBeneficiaryQuery q = { 0 };
    gsize heap0, heap_ids, heap1;
    sqlite3_int64 sql0, sql_ids, sql1;
    double t0, ids_per_row, per_row;
    guint places = 0;

    malloc_trim (0);
    heap0 = heap_in_use ();
    sql0 = sqlite3_memory_used ();
    list = hmr_beneficiary_list_new (store, actor);
    hmr_beneficiary_list_set_query (list, &q, &error);
    heap_ids = heap_in_use ();
    sql_ids = sqlite3_memory_used ();

    t0 = now_ms ();
    for (guint k = 0; k < 100 && now_ms () - t0 < MEMORY_BUDGET_S * 1000.0; k++, places++)
      g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), (guint) ((guint64) n_rows * k / 100)));
    heap1 = heap_in_use ();
    sql1 = sqlite3_memory_used ();

    ids_per_row = ((double) heap_ids - heap0 - ((double) sql_ids - sql0)) / MAX (n_rows, 1u);
    per_row = ((double) heap1 - heap0 - ((double) sql1 - sql0)) / MAX (n_rows, 1u);
    g_print ("memory\trows=%u\tids_only_bytes_per_row=%.1f\tbytes_per_row=%.1f\t"
             "(after %u places in %.1f s; rows cache %.1f MB)\ttarget=16\t%s\n",
             n_rows, ids_per_row, per_row, places, (now_ms () - t0) / 1000,
             ((double) heap1 - heap_ids - ((double) sql1 - sql_ids)) / 1048576.0,
             per_row <= 16 ? "met" : "MISSED");
  }

  /* ---- search ---- */
  queries = make_queries (raw);
  {
    double *s = g_new (double, queries->len);
    double *d = g_new (double, queries->len);

    for (guint i = 0; i < queries->len; i++)
      {
        const char *text = g_ptr_array_index (queries, i);
        HmrBeneficiaryQuery q = { 0 };
        g_autofree char *match = hmr_search_match_expression (text, NULL);
        sqlite3_stmt *stmt;
        double t0;
        guint a = 0, b = 0;

        q.text = text;
        t0 = now_ms ();
        {
          g_autoptr(GArray) ids = hmr_store_query_beneficiary_ids (store, actor, &q, NULL, &error);
          a = ids ? ids->len : 0;
        }
        s[i] = now_ms () - t0;

        t0 = now_ms ();
        sqlite3_prepare_v2 (raw, "SELECT b.rowid FROM beneficiary b WHERE b.deleted_at IS NULL "
                                 "AND b.rowid IN (SELECT rowid FROM beneficiary_search WHERE beneficiary_search MATCH ?1) "
                                 "ORDER BY b.case_number, b.rowid", -1, &stmt, NULL);
        sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
        while (sqlite3_step (stmt) == SQLITE_ROW)
          b++;
        sqlite3_finalize (stmt);
        d[i] = now_ms () - t0;
        if (a != b)
          g_printerr ("search “%s”: store %u rows, raw %u rows\n", text, a, b);
      }
    {
      double sp50 = percentile (s, queries->len, 0.5), sp95 = percentile (s, queries->len, 0.95);
      double dp50 = percentile (d, queries->len, 0.5), dp95 = percentile (d, queries->len, 0.95);
      g_print ("search\tqueries=%u\tstore_p50_ms=%.2f\tstore_p95_ms=%.2f\traw_p50_ms=%.2f\traw_p95_ms=%.2f\t"
               "target=p95<=1.5x+5ms\t%s\n",
               queries->len, sp50, sp95, dp50, dp95, sp95 <= 1.5 * dp95 + 5 ? "met" : "MISSED");
    }
    g_free (s);
    g_free (d);
  }

  sqlite3_close (raw);
  return 0;
}
