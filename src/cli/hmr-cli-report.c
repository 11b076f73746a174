/* hmr-cli-report.c — hamroh-cli report donor --from D --to D -o FILE.xlsx
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-cli.h"
#include "hmr-report.h"

static char *opt_output;
static char *opt_from;
static char *opt_to;
static char *opt_district;

static GOptionEntry options[] = {
  { "from", 0, 0, G_OPTION_ARG_STRING, &opt_from, N_("the first day of the period"), "DATE" },
  { "to", 0, 0, G_OPTION_ARG_STRING, &opt_to, N_("the last day of the period"), "DATE" },
  { "district", 0, 0, G_OPTION_ARG_STRING, &opt_district, N_("one district only"), "DISTRICT" },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("write the workbook to FILE"), "FILE.xlsx" },
  { NULL }
};

static gboolean
check (GError **error)
{
  if (opt_from == NULL || opt_to == NULL)
    return hmr_cli_bad_option (error, _("report donor needs --from DATE and --to DATE."));
  if (opt_output == NULL)
    return hmr_cli_bad_option (error, _("report donor needs -o FILE.xlsx."));
  return TRUE;
}

static int
run_donor (HmrCli      *cli,
           char *const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) actor = NULL;
  HmrReportQuery query = { opt_from, opt_to, opt_district };

  actor = hmr_cli_authenticate (cli, &error);
  if (actor == NULL)
    return hmr_cli_refused (error);
  if (!hmr_export_donor_report (cli->store, actor, &query, opt_output, NULL, NULL, NULL, &error))
    return hmr_cli_refused (error);
  return 0;
}

const HmrCliCommand hmr_cli_report_donor = {
  .name = "report donor",
  .summary = N_("the donor workbook of a period: indicators, survey answers with their margins, charts"),
  .options = options,
  .check = check,
  .run = run_donor,
};
