/* frame-probe.c — the first frame with rows, and frames while scrolling
 *
 * The probe listens to the window's frame clock.  "after-paint" is emitted
 * once a frame has been drawn and handed to the display server; the first
 * such frame in which the list's visible rows all show their text is "the
 * first frame".  Rows count as shown when the first label of each row has
 * a text other than nothing, a dash or an ellipsis (what a row that is
 * still loading may show), so a list that fills its rows later (from a
 * thread, say) is only counted once they are there.
 *
 * In scroll mode a tick callback then jumps the list to 50 positions
 * spread over the whole list (GtkListBase's "list.scroll-to-item" action,
 * what GTK 4.8 does to bring a far item into view), one jump per frame,
 * the next jump once the rows of the last one are shown.  For every frame
 * it prints the interval since the previous frame and the frame's own cost
 * (from its tick to its after-paint); for every jump the time until its
 * rows were shown.  With $BENCH_DEBUG set, it also says on stderr what it
 * saw after each frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <unistd.h>

#include "frame-probe.h"

#define N_JUMPS 50
#define TIMEOUT_S 120

static gint64 t0_us;

typedef struct
{
  GtkWindow     *window;
  GtkColumnView *view;
  BenchMode      mode;
  gboolean       done;
  int            status;
  gboolean       painted;       /* any frame yet */
  gboolean       first_seen;    /* the first frame with rows */

  /* scroll mode */
  BenchReadyFunc ready;         /* the list holds all its rows */
  gpointer       ready_data;
  GtkWidget     *list;          /* the column view's inner GtkListView */
  guint          last_target;   /* the item the last jump went to */
  guint          jump;          /* the jump under way, 0 … N_JUMPS - 1 */
  gboolean       jump_pending;  /* asked for, its rows not shown yet */
  gboolean       jump_moves;    /* it goes somewhere else than the last one */
  double         jump_set_ms;
  char          *top_before;    /* the top row's text before the jump */
  double         tick_ms;       /* the tick of the frame being drawn; 0: none */
  double         last_tick_ms;
} Probe;

/**
 * bench_probe_init:
 *
 * Reads $BENCH_T0_US (set by bench-gui just before it started this
 * process; without it, now) and prints the first mark.
 */
void
bench_probe_init (void)
{
  const char *t0 = g_getenv ("BENCH_T0_US");

  t0_us = t0 != NULL ? g_ascii_strtoll (t0, NULL, 10) : g_get_monotonic_time ();
  bench_probe_mark ("main");
}

double
bench_probe_now_ms (void)
{
  return (g_get_monotonic_time () - t0_us) / 1000.0;
}

/* A phase of start-up reached: "mark NAME MS" */
void
bench_probe_mark (const char *name)
{
  g_print ("mark %s %.2f\n", name, bench_probe_now_ms ());
}

/**
 * bench_probe_parse_mode:
 *
 * Takes "--scroll" out of the arguments, if there.
 */
BenchMode
bench_probe_parse_mode (int    *argc,
                        char ***argv)
{
  BenchMode mode = BENCH_MODE_STARTUP;
  int j = 1;

  for (int i = 1; i < *argc; i++)
    {
      if (g_strcmp0 ((*argv)[i], "--scroll") == 0)
        mode = BENCH_MODE_SCROLL;
      else
        (*argv)[j++] = (*argv)[i];
    }
  *argc = j;
  (*argv)[j] = NULL;
  return mode;
}

/* ---- looking at the rows ----------------------------------------------- */

/* GtkColumnView draws its rows in an internal GtkListView, its child after
 * the header; each row widget holds one cell per column */
static GtkWidget *
find_list_view (GtkColumnView *view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

static const char *
first_label_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text = first_label_text (child);
      if (text != NULL)
        return text;
    }
  return NULL;
}

static gboolean
text_is_shown (const char *text)
{
  return text != NULL && text[0] != '\0' &&
         g_strcmp0 (text, "—") != 0 && g_strcmp0 (text, "…") != 0;
}

/* Whether the list is on screen with every row in its visible area
 * showing its text; @top: (out) (optional) the text of the row at the top.
 * Rows outside the visible area are left out: the list keeps some of
 * them, such as the focused row, wherever the view is. */
static gboolean
rows_shown (Probe       *p,
            const char **top)
{
  GtkWidget *list = find_list_view (p->view);
  int height;
  float top_y = G_MAXFLOAT;
  guint n = 0;

  if (top != NULL)
    *top = NULL;
  if (list == NULL || !gtk_widget_get_mapped (list))
    return FALSE;
  height = gtk_widget_get_height (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      graphene_rect_t bounds;
      const char *text;

      if (!gtk_widget_get_mapped (row) ||
          !gtk_widget_compute_bounds (row, list, &bounds) ||
          bounds.origin.y + bounds.size.height <= 0 || bounds.origin.y >= height)
        continue;
      text = first_label_text (row);
      if (!text_is_shown (text))
        return FALSE;
      n++;
      if (bounds.origin.y < top_y)
        {
          top_y = bounds.origin.y;
          if (top != NULL)
            *top = text;
        }
    }
  return n > 0;
}

/* ---- scrolling ---------------------------------------------------------- */

/* Jump k goes to this fraction of the list: the 50 positions 0, 1/49, …, 1
 * in an order that makes every jump a long one, the first away from the
 * top */
static double
jump_fraction (guint k)
{
  return (((k + 1) * 19) % N_JUMPS) / (double) (N_JUMPS - 1);
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Probe *p = user_data;
  double now = bench_probe_now_ms ();

  if (p->last_tick_ms > 0)
    g_print ("interval %.3f\n", now - p->last_tick_ms);
  p->last_tick_ms = now;
  p->tick_ms = now;

  if (!p->jump_pending && p->jump < N_JUMPS)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (p->view)));
      guint target = (guint) (jump_fraction (p->jump) * (n - 1));
      const char *top;

      rows_shown (p, &top);
      g_free (p->top_before);
      p->top_before = g_strdup (top);
      p->jump_moves = target != p->last_target;
      p->last_target = target;
      p->jump_set_ms = bench_probe_now_ms ();
      /* What the list does when it is told to show an item far away: GTK
       * 4.8's own action, on the column view's inner list view */
      gtk_widget_activate_action (p->list, "list.scroll-to-item", "u", target);
      p->jump_pending = TRUE;
    }
  return G_SOURCE_CONTINUE;
}

static void start_scrolling (Probe *p);

/* Scrolling starts once the list holds all its rows: a list shown from
 * its first screen while the rest is read must not be scrolled short */
static gboolean
poll_ready (gpointer data)
{
  Probe *p = data;

  if (p->ready != NULL && !p->ready (p->ready_data))
    return G_SOURCE_CONTINUE;
  g_print ("mark ready %.2f\n", bench_probe_now_ms ());
  g_print ("rows %u\n", g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (p->view))));
  if (p->mode == BENCH_MODE_STARTUP)
    p->done = TRUE;
  else
    start_scrolling (p);
  return G_SOURCE_REMOVE;
}

static void
start_scrolling (Probe *p)
{
  p->list = find_list_view (p->view);
  if (p->list == NULL)
    {
      g_printerr ("frame-probe: the column view has no inner list view\n");
      p->status = 1;
      p->done = TRUE;
      return;
    }
  gtk_widget_add_tick_callback (GTK_WIDGET (p->window), on_tick, p, NULL);
}

/* ---- the frame clock ----------------------------------------------------- */

static void
on_after_paint (GdkFrameClock *clock,
                Probe         *p)
{
  double now = bench_probe_now_ms ();
  const char *top;
  gboolean shown;

  if (p->done)
    return;
  if (!p->painted)
    {
      p->painted = TRUE;
      g_print ("mark first-paint %.2f\n", now);
    }

  shown = rows_shown (p, &top);
  if (!p->first_seen)
    {
      if (!shown)
        return;
      p->first_seen = TRUE;
      g_print ("mark first-frame %.2f\n", now);
      g_timeout_add (10, poll_ready, p);
      return;
    }

  if (g_getenv ("BENCH_DEBUG") != NULL)
    g_printerr ("after-paint: shown=%d top=%s before=%s target=%u\n", shown, top, p->top_before,
                p->last_target);
  if (p->tick_ms > 0)
    g_print ("work %.3f\n", now - p->tick_ms);
  p->tick_ms = 0;

  /* The jump is done when its rows are shown and are not the rows from
   * before it (their layout may not have run yet) */
  if (p->jump_pending && shown && (!p->jump_moves || g_strcmp0 (top, p->top_before) != 0))
    {
      g_print ("fill %.3f\n", now - p->jump_set_ms);
      p->jump_pending = FALSE;
      if (++p->jump == N_JUMPS)
        p->done = TRUE;
    }
}

static void
on_realize (GtkWidget *window,
            Probe     *p)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint), p);
}

static gboolean
on_timeout (gpointer user_data)
{
  Probe *p = user_data;

  g_printerr ("frame-probe: gave up after %d s (first frame %s, jump %u)\n",
              TIMEOUT_S, p->first_seen ? "seen" : "not seen", p->jump);
  /* A scroll that was too slow to finish still tells what it measured */
  if (p->first_seen)
    g_print ("gave-up %d\n", TIMEOUT_S);
  else
    p->status = 1;
  p->done = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * bench_probe_run:
 * @window: the window, not yet presented
 * @view: the list whose rows count
 *
 * Presents @window and runs the main loop until the first frame with rows
 * (startup mode) or the last jump (scroll mode) was painted.
 *
 * Returns: the exit status for main()
 */
int
bench_probe_run (GtkWindow      *window,
                 GtkColumnView  *view,
                 BenchMode       mode,
                 BenchReadyFunc  ready,
                 gpointer        ready_data)
{
  Probe p = { 0 };

  p.ready = ready;
  p.ready_data = ready_data;
  p.window = window;
  p.view = view;
  p.mode = mode;

  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    on_realize (GTK_WIDGET (window), &p);
  else
    g_signal_connect (window, "realize", G_CALLBACK (on_realize), &p);
  g_timeout_add_seconds (TIMEOUT_S, on_timeout, &p);

  gtk_window_present (window);
  while (!p.done)
    g_main_context_iteration (NULL, TRUE);

  g_free (p.top_before);
  /* Leave at once: tearing the window down is not measured, and some of
   * it may still be referenced by pending sources */
  fflush (stdout);
  _exit (p.status);
}
