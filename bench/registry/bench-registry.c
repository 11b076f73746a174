/* bench-registry.c — the beneficiary list and search, against raw SQL
 *
 * Usage: bench-registry DATABASE USER PASSWORD-FILE
 *
 * Measured in the same run, on the same file:
 *   list   the store's query of row ids in list order (what the lazy list
 *          model runs) against a raw SELECT of the same ids in the same
 *          order on a bare sqlite3 connection;
 *   memory the heap the list model keeps per row, beyond SQLite's own;
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
best_of (double *values,
         guint   n)
{
  double best = values[0];
  for (guint i = 1; i < n; i++)
    best = MIN (best, values[i]);
  return best;
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
  double store_ms[RUNS], raw_ms[RUNS];
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
  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr(HmrBeneficiaryList) list = hmr_beneficiary_list_new (store, actor);
      HmrBeneficiaryQuery q = { 0 };
      sqlite3_stmt *stmt;
      GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      double t0;

      t0 = now_ms ();
      hmr_beneficiary_list_set_query (list, &q, &error);
      /* ready: the first screen of rows is loaded */
      for (guint i = 0; i < MIN (40u, g_list_model_get_n_items (G_LIST_MODEL (list))); i++)
        g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
      store_ms[r] = now_ms () - t0;
      n_rows = g_list_model_get_n_items (G_LIST_MODEL (list));

      t0 = now_ms ();
      sqlite3_prepare_v2 (raw, "SELECT b.rowid FROM beneficiary b WHERE b.deleted_at IS NULL "
                               "ORDER BY b.case_number, b.rowid, b.rowid", -1, &stmt, NULL);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          g_array_append_val (ids, id);
        }
      sqlite3_finalize (stmt);
      raw_ms[r] = now_ms () - t0;
      g_array_unref (ids);
    }
  g_print ("list\trows=%u\tstore_ms=%.1f\traw_ms=%.1f\tratio=%.2f\ttarget=2x+50ms\t%s\n",
           n_rows, best_of (store_ms, RUNS), best_of (raw_ms, RUNS),
           best_of (store_ms, RUNS) / best_of (raw_ms, RUNS),
           best_of (store_ms, RUNS) <= 2 * best_of (raw_ms, RUNS) + 50 ? "met" : "MISSED");

  /* ---- memory per row ---- */
  {
    g_autoptr(HmrBeneficiaryList) list = NULL;
    HmrBeneficiaryQuery q = { 0 };
    gsize heap0, heap1;
    sqlite3_int64 sql0, sql1;

    malloc_trim (0);
    heap0 = heap_in_use ();
    sql0 = sqlite3_memory_used ();
    list = hmr_beneficiary_list_new (store, actor);
    hmr_beneficiary_list_set_query (list, &q, &error);
    /* scroll through the whole list: pages come and go */
    for (guint i = 0; i < n_rows; i += 997)
      g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
    heap1 = heap_in_use ();
    sql1 = sqlite3_memory_used ();
    {
      double per_row = ((double) (heap1 - heap0) - (double) (sql1 - sql0)) / MAX (n_rows, 1u);
      g_print ("memory\trows=%u\tbytes_per_row=%.1f\ttarget=16\t%s\n",
               n_rows, per_row, per_row <= 16 ? "met" : "MISSED");
    }
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
        g_autofree char *match = hmr_search_match_expression (text);
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
