/* hmr-cli-export-handovers.c — hamroh-cli export handovers -o FILE.xlsx
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-cli.h"
#include "hmr-handover.h"

static char *opt_output;

static GOptionEntry options[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("write the workbook to FILE"), "FILE.xlsx" },
  { NULL }
};

/* Every handed-over item, one row each.  Finance only. */
static gboolean
check (GError **error)
{
  if (opt_output == NULL)
    return hmr_cli_bad_option (error, _("export handovers needs -o FILE.xlsx."));
  return TRUE;
}

static int
run_handovers (HmrCli      *cli,
               char *const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) actor = NULL;

  actor = hmr_cli_authenticate (cli, &error);
  if (actor == NULL)
    return hmr_cli_refused (error);
  if (!hmr_export_handovers (cli->store, actor, opt_output, NULL, NULL, NULL, &error))
    return hmr_cli_refused (error);
  return 0;
}

const HmrCliCommand hmr_cli_export_handovers = {
  .name = "export handovers",
  .summary = N_("every handed-over item, one row each (finance)"),
  .options = options,
  .check = check,
  .run = run_handovers,
};
