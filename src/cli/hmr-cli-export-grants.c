/* hmr-cli-export-grants.c — hamroh-cli export grants -o FILE.xlsx [--district NAME]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-cli.h"
#include "hmr-grant.h"

static char *opt_output;
static char *opt_district;

static GOptionEntry options[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("write the workbook to FILE"), "FILE.xlsx" },
  { "district", 0, 0, G_OPTION_ARG_STRING, &opt_district, N_("only this district's grants"), "NAME" },
  { NULL }
};

/* The grant ledger: one row per tranche, and totals by district and month.
 * Finance only. */
static gboolean
check (GError **error)
{
  if (opt_output == NULL)
    return hmr_cli_bad_option (error, _("export grants needs -o FILE.xlsx."));
  return TRUE;
}

static int
run_grants (HmrCli      *cli,
            char *const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) actor = NULL;

  actor = hmr_cli_authenticate (cli, &error);
  if (actor == NULL)
    return hmr_cli_refused (error);
  if (!hmr_export_grant_ledger (cli->store, actor, opt_district, opt_output, NULL, NULL, NULL, &error))
    return hmr_cli_refused (error);
  return 0;
}

const HmrCliCommand hmr_cli_export_grants = {
  .name = "export grants",
  .summary = N_("the grant ledger: one row per tranche, totals by district and month (finance)"),
  .options = options,
  .check = check,
  .run = run_grants,
};
