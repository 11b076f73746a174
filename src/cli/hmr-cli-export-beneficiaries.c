/* hmr-cli-export-beneficiaries.c — hamroh-cli export beneficiaries -o FILE.xlsx
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-cli.h"
#include "hmr-export.h"

static char *opt_output;

static GOptionEntry options[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("write the workbook to FILE"), "FILE.xlsx" },
  { NULL }
};

static gboolean
check (GError **error)
{
  if (opt_output == NULL)
    return hmr_cli_bad_option (error, _("export beneficiaries needs -o FILE.xlsx."));
  return TRUE;
}

static int
run_beneficiaries (HmrCli      *cli,
                   char *const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) actor = NULL;
  HmrBeneficiaryQuery query = { 0 };

  actor = hmr_cli_authenticate (cli, &error);
  if (actor == NULL)
    return hmr_cli_refused (error);
  if (!hmr_export_beneficiaries (cli->store, actor, &query, opt_output, NULL, NULL, NULL, &error))
    return hmr_cli_refused (error);
  return 0;
}

const HmrCliCommand hmr_cli_export_beneficiaries = {
  .name = "export beneficiaries",
  .summary = N_("the beneficiaries your role may export, as a workbook"),
  .options = options,
  .check = check,
  .run = run_beneficiaries,
};
