/* hmr-cli-export-beneficiaries.c — hamroh-cli export beneficiaries -o FILE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-cli.h"
#include "hmr-export.h"

int
hmr_cli_export_beneficiaries (HmrStore            *store,
                              const HmrCliGlobals *g,
                              int                  argc,
                              char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) actor = NULL;
  const char *path = hmr_cli_output_path (argc, argv);
  HmrBeneficiaryQuery query = { 0 };

  if (path == NULL)
    return hmr_cli_usage_error (_("export beneficiaries needs -o FILE.xlsx."));
  actor = hmr_cli_authenticate (store, g, &error);
  if (actor == NULL)
    return hmr_cli_refused (error);
  if (!hmr_export_beneficiaries (store, actor, &query, path, NULL, NULL, NULL, &error))
    return hmr_cli_refused (error);
  return 0;
}
