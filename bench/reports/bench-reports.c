/* bench-reports.c — a report's figures and the donor workbook, against
 * the same aggregate SQL run directly
 *
 * Usage: bench-reports DATABASE USER PASSWORD-FILE
 *
 * Measured in the same run, on the same file, for three periods (this
 * quarter, the last 12 months, everything):
 *   report   hmr_store_compute_report() for the demo supervisor (every
 *            office, every district: what the Reports area works out in
 *            its thread) against the very statements it ran, captured
 *            with sqlite3_trace_v2() and their values bound in
 *            (sqlite3_expanded_sql()), each prepared and stepped to its
 *            end on a bare read-only sqlite3 connection.  A warm-up, then
 *            RUNS runs of each, interleaved; medians; target (issue 17):
 *            at most 1.5× the raw SQL plus 100 ms;
 *   workbook hmr_export_donor_report() of the same period: its time, and
 *            the peak of the process's resident memory during the export
 *            above what it was just before (sampled every 2 ms by a
 *            thread), the login's Argon2id buffers long given back.
 *
 * The benchmark reads the store's connection through the core's private
 * header, to capture its statements: it is not an example to follow.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "hmr-report.h"
#include "hmr-store-private.h"

#define RUNS 5
#define WORKBOOK_RUNS 3

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
median_of (double *values,
           guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return (values[(n - 1) / 2] + values[n / 2]) / 2;
}

/* ---- the statements a report runs --------------------------------------- */

static int
on_trace (unsigned  type,
          void     *data,
          void     *p,
          void     *x)
{
  GPtrArray *sqls = data;
  char *sql = sqlite3_expanded_sql (p);

  if (sql != NULL && (g_ascii_strncasecmp (sql, "SELECT", 6) == 0 || g_ascii_strncasecmp (sql, "WITH", 4) == 0))
    g_ptr_array_add (sqls, g_strdup (sql));
  sqlite3_free (sql);
  return 0;
}

static HmrReport *
compute (HmrStore             *store,
         const HmrActor       *actor,
         const HmrReportQuery *q)
{
  g_autoptr(GError) error = NULL;
  HmrReport *r = hmr_store_compute_report (store, actor, q, NULL, &error);

  if (r == NULL)
    g_error ("%s", error->message);
  return r;
}

static void
run_raw (sqlite3   *raw,
         GPtrArray *sqls)
{
  for (guint i = 0; i < sqls->len; i++)
    {
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (sqlite3_prepare_v2 (raw, g_ptr_array_index (sqls, i), -1, &stmt, NULL) != SQLITE_OK)
        g_error ("raw: %s", sqlite3_errmsg (raw));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        ;
      if (rc != SQLITE_DONE)
        g_error ("raw: %s", sqlite3_errmsg (raw));
      sqlite3_finalize (stmt);
    }
}

static void
bench_report (HmrStore             *store,
              const HmrActor       *actor,
              sqlite3              *raw,
              const char           *name,
              const HmrReportQuery *q)
{
  g_autoptr(GPtrArray) sqls = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(HmrReport) first = NULL;
  double s[RUNS], d[RUNS], ms, mr, limit;

  /* the warm-up captures the statements */
  sqlite3_trace_v2 (store->db, SQLITE_TRACE_STMT, on_trace, sqls);
  first = compute (store, actor, q);
  sqlite3_trace_v2 (store->db, 0, NULL, NULL);
  run_raw (raw, sqls);

  for (guint k = 0; k < RUNS; k++)
    {
      double t0 = now_ms ();
      g_autoptr(HmrReport) r = compute (store, actor, q);

      s[k] = now_ms () - t0;
      t0 = now_ms ();
      run_raw (raw, sqls);
      d[k] = now_ms () - t0;
    }
  ms = median_of (s, RUNS);
  mr = median_of (d, RUNS);
  limit = 1.5 * mr + 100;
  g_print ("report\t%s\t%s..%s\tregistered=%u\treached=%u\treferrals=%u\tstatements=%u\t"
           "store_ms=%.1f\traw_ms=%.1f\tratio=%.2f\tlimit_ms=%.1f\t%s\n",
           name, first->from, first->to, first->registered, first->sessions.n_people, first->referrals_made,
           sqls->len, ms, mr, mr > 0 ? ms / mr : 0, limit, ms <= limit ? "met" : "MISSED");
}

/* ---- the workbook and its peak memory ------------------------------------ */

typedef struct
{
  gint      running;
  gint64    peak;        /* bytes resident */
} Sampler;

static gint64
resident_bytes (void)
{
  g_autofree char *statm = NULL;
  long long size = 0, resident = 0;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL) ||
      sscanf (statm, "%lld %lld", &size, &resident) != 2)
    return 0;
  return resident * sysconf (_SC_PAGESIZE);
}

static gpointer
sample (gpointer data)
{
  Sampler *s = data;

  while (g_atomic_int_get (&s->running))
    {
      gint64 r = resident_bytes ();

      if (r > s->peak)
        s->peak = r;
      g_usleep (2000);
    }
  return NULL;
}

static void
bench_workbook (HmrStore             *store,
                const HmrActor       *actor,
                const char           *name,
                const HmrReportQuery *q)
{
  g_autofree char *dir = g_dir_make_tmp ("hamroh-bench-reports-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "donor.xlsx", NULL);
  double t[WORKBOOK_RUNS];
  gint64 peak = 0, size = 0;

  for (guint k = 0; k < WORKBOOK_RUNS; k++)
    {
      g_autoptr(GError) error = NULL;
      Sampler s = { 1, 0 };
      GThread *thread;
      gint64 before;
      double t0;
      GStatBuf st;

      malloc_trim (0);
      before = resident_bytes ();
      s.peak = before;
      thread = g_thread_new ("sampler", sample, &s);
      t0 = now_ms ();
      if (!hmr_export_donor_report (store, actor, q, path, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
      t[k] = now_ms () - t0;
      g_atomic_int_set (&s.running, 0);
      g_thread_join (thread);
      peak = MAX (peak, s.peak - before);
      if (g_stat (path, &st) == 0)
        size = st.st_size;
      g_remove (path);
    }
  g_rmdir (dir);
  g_print ("workbook\t%s\texport_ms=%.1f\tpeak_rss_above_before_mb=%.1f\tfile_kb=%.0f\n",
           name, median_of (t, WORKBOOK_RUNS), peak / 1048576.0, size / 1024.0);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrStore) store = NULL;
  g_autoptr(HmrActor) actor = NULL;
  g_autofree char *password = NULL;
  g_autofree char *quarter = NULL, *year = NULL, *today_iso = NULL;
  sqlite3 *raw = NULL;
  GDate today, from;

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
  if (sqlite3_open_v2 (argv[1], &raw, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("%s: %s", argv[1], sqlite3_errmsg (raw));

  hmr_store_get_today (store, &today);
  today_iso = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&today), g_date_get_month (&today),
                               g_date_get_day (&today));
  g_date_clear (&from, 1);
  g_date_set_dmy (&from, 1, 1 + 3 * ((g_date_get_month (&today) - 1) / 3), g_date_get_year (&today));
  quarter = g_strdup_printf ("%04d-%02d-01", g_date_get_year (&from), g_date_get_month (&from));
  g_date_set_dmy (&from, 1, g_date_get_month (&today), g_date_get_year (&today));
  g_date_subtract_months (&from, 11);
  year = g_strdup_printf ("%04d-%02d-01", g_date_get_year (&from), g_date_get_month (&from));

  {
    const HmrReportQuery periods[] = {
      { quarter, today_iso, NULL },
      { year, today_iso, NULL },
      { "2000-01-01", today_iso, NULL },
    };
    const char *names[] = { "quarter", "12-months", "everything" };

    for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
      bench_report (store, actor, raw, names[i], &periods[i]);
    for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
      bench_workbook (store, actor, names[i], &periods[i]);
  }
  sqlite3_close (raw);
  return 0;
}
