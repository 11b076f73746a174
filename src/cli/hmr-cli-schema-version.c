/* hmr-cli-schema-version.c — hamroh-cli schema-version
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
  g_print ("%d\n", hmr_store_get_schema_version (cli->store));
  return 0;
}

const HmrCliCommand hmr_cli_schema_version = {
  .name = "schema-version",
  .summary = N_("print the database's schema version"),
  .looks_only = TRUE,
  .run = run,
};
