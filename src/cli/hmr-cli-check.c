/* hmr-cli-check.c — hamroh-cli check: the database file's integrity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-cli.h"

static int
run (HmrCli      *cli,
     char *const *args)
{
  g_autoptr(GError) error = NULL;

  if (!hmr_store_check_integrity (cli->store, &error))
    return hmr_cli_refused (error);
  g_print ("%s\n", _("The database is intact."));
  return 0;
}

const HmrCliCommand hmr_cli_check = {
  .name = "check",
  .summary = N_("check the database file's integrity"),
  .looks_only = TRUE,
  .run = run,
};
