/* hamroh-window.c — the subject of the GUI benchmarks: Hamroh's main
 * window on the Beneficiaries list, logged in
 *
 * Usage: bench-hamroh-window [--scroll] DATABASE USER PASSWORD-FILE
 *
 * Does what the application does from main() to the main window, minus the
 * login window: sets up translations, registers the HmrApplication (its
 * startup initialises GTK and libadwaita, loads the resources, style and
 * settings), opens the store, logs USER in through the store (Argon2id, as
 * at the login window), builds the HmrWindow on the Beneficiaries area and
 * presents it.  frame-probe.c then reports the first frame showing rows,
 * or the frames of a scroll through the list.  Each phase is printed as a
 * "mark", so that bench-gui can leave out the login's deliberately slow
 * password hashing.
 *
 * Meant to be started by bench-gui (see bench/README.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "frame-probe.h"
#include "hmr-application.h"
#include "hmr-locale.h"
#include "hmr-beneficiaries-page.h"
#include "hmr-store.h"
#include "hmr-window.h"

/* The list holds all its rows: the page shows its first screen at once
 * and reads the rest in a thread after the first frame */
static gboolean
list_complete (gpointer data)
{
  return !hmr_beneficiaries_page_is_searching (data);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  HmrApplication *app;
  HmrStore *store;
  HmrActor *actor;
  HmrWindow *window;
  HmrBeneficiariesPage *page;
  BenchMode mode;

  bench_probe_init ();
  mode = bench_probe_parse_mode (&argc, &argv);
  if (argc != 4)
    {
      g_printerr ("Usage: %s [--scroll] DATABASE USER PASSWORD-FILE\n", argv[0]);
      return 2;
    }
  if (!g_file_get_contents (argv[3], &password, NULL, &error))
    g_error ("%s", error->message);
  g_strchomp (password);

  hmr_setup_i18n ();
  app = hmr_application_new ();
  /* Not unique: a run must not find the previous one on the bus */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("Could not register the application: %s", error->message);
  bench_probe_mark ("toolkit");

  store = hmr_store_open (argv[1], &error);
  if (store == NULL)
    g_error ("%s", error->message);
  hmr_application_set_store (app, store);
  bench_probe_mark ("store");

  actor = hmr_store_authenticate (store, argv[2], password, &error);
  if (actor == NULL)
    g_error ("%s", error->message);
  bench_probe_mark ("login");

  window = hmr_window_new (app, store, actor);
  gtk_window_set_default_size (GTK_WINDOW (window), BENCH_WINDOW_WIDTH, BENCH_WINDOW_HEIGHT);
  if (!hmr_window_show_area (window, "beneficiaries"))
    g_error ("%s may not see the Beneficiaries area", argv[2]);
  page = hmr_window_get_beneficiaries_page (window);
  bench_probe_mark ("window");

  return bench_probe_run (GTK_WINDOW (window),
                          hmr_beneficiaries_page_get_column_view (page),
                          mode, list_complete, page);
}
