/* frame-probe.h — what the two windows of the GUI benchmarks share: when
 * the first frame with rows was painted, and the frames of a scroll through
 * the list
 *
 * Both bench-hamroh-window (the real window) and bench-bare-window (the
 * reference) hand their window and its GtkColumnView to the probe, which
 * prints what it saw as "key value" lines on stdout for bench-gui to read.
 * All times are milliseconds since $BENCH_T0_US, the monotonic time at
 * which bench-gui started the process (CLOCK_MONOTONIC is shared by every
 * process of the machine).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The size both windows open at, so that both show as many rows */
#define BENCH_WINDOW_WIDTH 1200
#define BENCH_WINDOW_HEIGHT 760

typedef enum
{
  BENCH_MODE_STARTUP,
  BENCH_MODE_SCROLL,
} BenchMode;

typedef gboolean (*BenchReadyFunc) (gpointer data);

void       bench_probe_init         (void);
double     bench_probe_now_ms       (void);
void       bench_probe_mark         (const char    *name);
BenchMode  bench_probe_parse_mode   (int           *argc,
                                     char        ***argv);
int        bench_probe_run          (GtkWindow      *window,
                                     GtkColumnView  *view,
                                     BenchMode       mode,
                                     BenchReadyFunc  ready,
                                     gpointer        ready_data);

G_END_DECLS
