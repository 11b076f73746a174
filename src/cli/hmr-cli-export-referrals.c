/* hmr-cli-export-referrals.c — hamroh-cli export referrals -o FILE.xlsx
 *
 * Filters as on the board: --district D, --service TYPE, --status S,
 * --provider ID, --caseworker USER-ID, --open, --overdue.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-cli.h"
#include "hmr-cli-referral-filters.h"

static char *opt_output;

static GOptionEntry options[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("write the workbook to FILE"), "FILE.xlsx" },
  { NULL }
};

static gboolean
check (GError **error)
{
  if (opt_output == NULL)
    return hmr_cli_bad_option (error, _("export referrals needs -o FILE.xlsx."));
  return TRUE;
}

static int
run (HmrCli      *cli,
     char *const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) actor = NULL;

  actor = hmr_cli_authenticate (cli, &error);
  if (actor == NULL)
    return hmr_cli_refused (error);
  if (!hmr_export_referrals (cli->store, actor, &hmr_cli_referral_filters, opt_output, NULL, NULL, NULL, &error))
    return hmr_cli_refused (error);
  return 0;
}

const HmrCliCommand hmr_cli_export_referrals = {
  .name = "export referrals",
  .summary = N_("the referrals your role may see, with the board's filters, as a workbook"),
  .options = options,
  .extra_options = hmr_cli_referral_filter_options,
  .check = check,
  .run = run,
};
