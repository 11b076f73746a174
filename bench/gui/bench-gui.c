/* bench-gui.c — the GUI benchmarks: Hamroh's window against a bare GTK
 * window, measured the same way in the same run
 *
 * Usage: bench-gui startup|scroll DATABASE USER PASSWORD-FILE [RUNS]
 *
 *   startup  process start to the first frame showing the list's rows:
 *            bench-hamroh-window (the real main window, logged in, on the
 *            Beneficiaries list of DATABASE) against bench-bare-window (a
 *            GtkWindow with a GtkColumnView of 8 columns over an in-memory
 *            model of as many rows).  RUNS runs of each (default 7),
 *            alternating, after one warm-up run of each; medians.  Target:
 *            Hamroh at most 1.5x the bare window, the login's Argon2id
 *            hashing left out (it is slow on purpose; printed apart).
 *   scroll   50 jumps spread over the whole list, one a frame: the interval
 *            between frames, each frame's own cost (tick to painted) and
 *            the time until a jump's rows were shown; p50, p95 and max
 *            over RUNS runs of each (default 3), alternating.
 *
 * bench-gui starts each window as a new process, with $BENCH_T0_US set to
 * the monotonic clock just before, and reads what frame-probe.c prints.
 * Run it under an X server (bench/run uses xvfb-run) with GDK_BACKEND=x11
 * and GSK_RENDERER=cairo, and GSETTINGS_SCHEMA_DIR pointing at the build's
 * compiled schema.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib.h>

typedef struct
{
  GHashTable *marks;     /* name -> double ms, boxed */
  GArray     *interval;  /* double ms */
  GArray     *work;
  GArray     *fill;
  guint       rows;
  gboolean    gave_up;   /* the scroll did not finish in time */
} RunResult;

static void
run_result_clear (RunResult *r)
{
  g_clear_pointer (&r->marks, g_hash_table_unref);
  g_clear_pointer (&r->interval, g_array_unref);
  g_clear_pointer (&r->work, g_array_unref);
  g_clear_pointer (&r->fill, g_array_unref);
}

static double
mark (RunResult  *r,
      const char *name)
{
  double *v = g_hash_table_lookup (r->marks, name);
  return v != NULL ? *v : -1;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* Sorts @values */
static double
percentile (GArray *values,
            double  p)
{
  if (values->len == 0)
    return -1;
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, MIN (values->len - 1, (guint) (p * values->len)));
}

static double
median (GArray *values)
{
  double lo, hi;

  if (values->len == 0)
    return -1;
  g_array_sort (values, compare_doubles);
  lo = g_array_index (values, double, (values->len - 1) / 2);
  hi = g_array_index (values, double, values->len / 2);
  return (lo + hi) / 2;
}

static void
add (GArray *values,
     double  v)
{
  g_array_append_val (values, v);
}

/* Starts @argv with $BENCH_T0_US = now and reads what it prints */
static gboolean
run_child (char      **argv,
           RunResult  *r)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_auto(GStrv) lines = NULL;
  char t0[32];
  int status;

  memset (r, 0, sizeof *r);
  r->marks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r->interval = g_array_new (FALSE, FALSE, sizeof (double));
  r->work = g_array_new (FALSE, FALSE, sizeof (double));
  r->fill = g_array_new (FALSE, FALSE, sizeof (double));

  g_snprintf (t0, sizeof t0, "%" G_GINT64_FORMAT, g_get_monotonic_time ());
  envp = g_environ_setenv (envp, "BENCH_T0_US", t0, TRUE);
  if (!g_spawn_sync (NULL, argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("bench-gui: %s: %s\n", argv[0], error->message);
      return FALSE;
    }

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], " ", 3);
      guint n = g_strv_length (f);

      if (n == 3 && strcmp (f[0], "mark") == 0)
        {
          double *v = g_new (double, 1);
          *v = g_ascii_strtod (f[2], NULL);
          g_hash_table_insert (r->marks, g_strdup (f[1]), v);
        }
      else if (n == 2 && strcmp (f[0], "rows") == 0)
        r->rows = (guint) strtoul (f[1], NULL, 10);
      else if (n == 2 && strcmp (f[0], "interval") == 0)
        add (r->interval, g_ascii_strtod (f[1], NULL));
      else if (n == 2 && strcmp (f[0], "work") == 0)
        add (r->work, g_ascii_strtod (f[1], NULL));
      else if (n == 2 && strcmp (f[0], "fill") == 0)
        add (r->fill, g_ascii_strtod (f[1], NULL));
      else if (n == 2 && strcmp (f[0], "gave-up") == 0)
        r->gave_up = TRUE;
    }
  if (mark (r, "first-frame") < 0)
    {
      g_printerr ("bench-gui: %s printed no first frame\n", argv[0]);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  char *hamroh[6];   /* program [--scroll] DATABASE USER PASSWORD-FILE NULL */
  char *bare[4];     /* program [--scroll] ROWS NULL */
  char  rows[16];
} Commands;

static void
commands_init (Commands   *c,
               const char *self,
               gboolean    scroll,
               char      **args)
{
  g_autofree char *dir = g_path_get_dirname (self);
  guint h = 0, b = 0;

  memset (c, 0, sizeof *c);
  c->hamroh[h++] = g_build_filename (dir, "bench-hamroh-window", NULL);
  c->bare[b++] = g_build_filename (dir, "bench-bare-window", NULL);
  if (scroll)
    {
      c->hamroh[h++] = g_strdup ("--scroll");
      c->bare[b++] = g_strdup ("--scroll");
    }
  for (guint i = 0; i < 3; i++)
    c->hamroh[h++] = g_strdup (args[i]);
  c->bare[b++] = c->rows;   /* filled in once the first Hamroh run said */
}

static int
startup (Commands *c,
         guint     runs)
{
  g_autoptr(GArray) total = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) login = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) subject = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) reference = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) complete = g_array_new (FALSE, FALSE, sizeof (double));
  const char *phases[] = { "main", "toolkit", "store", "login", "window", "first-paint", "first-frame", "ready" };
  GArray *phase[G_N_ELEMENTS (phases)];
  RunResult r;
  guint rows;
  double s, ref;

  for (guint k = 0; k < G_N_ELEMENTS (phases); k++)
    phase[k] = g_array_new (FALSE, FALSE, sizeof (double));

  /* Warm-up: the files in the page cache, and the row count */
  if (!run_child (c->hamroh, &r))
    return 1;
  rows = r.rows;
  run_result_clear (&r);
  g_snprintf (c->rows, sizeof c->rows, "%u", rows);
  if (!run_child (c->bare, &r))
    return 1;
  run_result_clear (&r);

  for (guint i = 0; i < runs; i++)
    {
      /* Alternate which goes first, so that neither always follows the other */
      for (guint j = 0; j < 2; j++)
        {
          gboolean is_hamroh = (i + j) % 2 == 0;

          if (!run_child (is_hamroh ? c->hamroh : c->bare, &r))
            return 1;
          if (is_hamroh)
            {
              double l = mark (&r, "login") - mark (&r, "store");

              add (total, mark (&r, "first-frame"));
              add (login, l);
              add (subject, mark (&r, "first-frame") - l);
              add (complete, mark (&r, "ready") - l);
              for (guint k = 0; k < G_N_ELEMENTS (phases); k++)
                add (phase[k], mark (&r, phases[k]));
            }
          else
            add (reference, mark (&r, "first-frame"));
          run_result_clear (&r);
        }
    }

  g_print ("startup phases of hamroh (median ms since process start):");
  for (guint k = 0; k < G_N_ELEMENTS (phases); k++)
    {
      g_print (" %s=%.1f", phases[k], median (phase[k]));
      g_array_unref (phase[k]);
    }
  g_print ("\n");

  s = median (subject);
  ref = median (reference);
  /* complete: the whole list read (its count shown), login left out */
  g_print ("startup\trows=%u\truns=%u\thamroh_ms=%.1f\tbare_ms=%.1f\tratio=%.2f\t"
           "login_ms=%.1f\thamroh_with_login_ms=%.1f\tcomplete_ms=%.1f\ttarget=1.5x\t%s\n",
           rows, runs, s, ref, s / ref, median (login), median (total), median (complete),
           s <= 1.5 * ref ? "met" : "MISSED");
  return 0;
}

static int
scroll (Commands *c,
        guint     runs)
{
  GArray *interval[2], *work[2], *fill[2];
  const char *names[2] = { "hamroh", "bare" };
  guint gave_up[2] = { 0, 0 };
  RunResult r;
  guint rows = 0;

  for (guint who = 0; who < 2; who++)
    {
      interval[who] = g_array_new (FALSE, FALSE, sizeof (double));
      work[who] = g_array_new (FALSE, FALSE, sizeof (double));
      fill[who] = g_array_new (FALSE, FALSE, sizeof (double));
    }

  for (guint i = 0; i < runs; i++)
    for (guint j = 0; j < 2; j++)
      {
        /* 0: hamroh, first in the first round (it tells the row count) */
        guint who = (i + j) % 2;

        if (!run_child (who == 0 ? c->hamroh : c->bare, &r))
          return 1;
        if (who == 0 && rows == 0)
          {
            rows = r.rows;
            g_snprintf (c->rows, sizeof c->rows, "%u", rows);
          }
        g_array_append_vals (interval[who], r.interval->data, r.interval->len);
        g_array_append_vals (work[who], r.work->data, r.work->len);
        g_array_append_vals (fill[who], r.fill->data, r.fill->len);
        gave_up[who] += r.gave_up;
        run_result_clear (&r);
      }

  for (guint who = 0; who < 2; who++)
    g_print ("scroll\t%s\trows=%u\tjumps=%u/%u%s\tframes=%u\t"
             "interval_p50=%.1f\tinterval_p95=%.1f\tinterval_max=%.1f\t"
             "frame_p50=%.1f\tframe_p95=%.1f\tframe_max=%.1f\t"
             "shown_p50=%.1f\tshown_p95=%.1f\tshown_max=%.1f\n",
             names[who], rows, fill[who]->len, 50 * runs,
             gave_up[who] > 0 ? " (runs cut off after 120 s)" : "",
             interval[who]->len,
             percentile (interval[who], 0.5), percentile (interval[who], 0.95),
             percentile (interval[who], 1.0),
             percentile (work[who], 0.5), percentile (work[who], 0.95),
             percentile (work[who], 1.0),
             percentile (fill[who], 0.5), percentile (fill[who], 0.95),
             percentile (fill[who], 1.0));
  for (guint who = 0; who < 2; who++)
    {
      g_array_unref (interval[who]);
      g_array_unref (work[who]);
      g_array_unref (fill[who]);
    }
  return 0;
}

int
main (int    argc,
      char **argv)
{
  Commands c;
  gboolean is_scroll;
  guint runs;

  if (argc < 5 || argc > 6 ||
      (strcmp (argv[1], "startup") != 0 && strcmp (argv[1], "scroll") != 0))
    {
      g_printerr ("Usage: %s startup|scroll DATABASE USER PASSWORD-FILE [RUNS]\n", argv[0]);
      return 2;
    }
  is_scroll = strcmp (argv[1], "scroll") == 0;
  runs = argc == 6 ? (guint) strtoul (argv[5], NULL, 10) : (is_scroll ? 3 : 7);
  commands_init (&c, argv[0], is_scroll, argv + 2);
  return is_scroll ? scroll (&c, MAX (runs, 1u)) : startup (&c, MAX (runs, 1u));
}
