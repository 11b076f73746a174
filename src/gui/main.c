/* main.c — Hamroh, the desktop application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hmr-application.h"
#include "hmr-locale.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HmrApplication) app = NULL;

  hmr_setup_i18n ();

  app = hmr_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
