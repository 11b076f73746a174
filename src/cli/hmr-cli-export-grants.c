/* hmr-cli-export-grants.c — hamroh-cli export grants -o FILE [--district D]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-cli.h"
#include "hmr-grant.h"

/* The grant ledger: one row per tranche, and totals by district and month.
 * Finance only. */
int
hmr_cli_export_grants (HmrStore            *store,
                       const HmrCliGlobals *g,
                       int                  argc,
                       char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) actor = NULL;
  const char *path = NULL;
  const char *district = NULL;

  for (int i = 1; i < argc; i++)
    {
      if ((g_strcmp0 (argv[i], "-o") == 0 || g_strcmp0 (argv[i], "--output") == 0) && i + 1 < argc)
        path = argv[++i];
      else if (g_strcmp0 (argv[i], "--district") == 0 && i + 1 < argc)
        district = argv[++i];
      else
        return hmr_cli_usage_error (_("export grants takes -o FILE.xlsx and, if wanted, --district NAME."));
    }
  if (path == NULL)
    return hmr_cli_usage_error (_("export grants needs -o FILE.xlsx."));
  actor = hmr_cli_authenticate (store, g, &error);
  if (actor == NULL)
    return hmr_cli_refused (error);
  if (!hmr_export_grant_ledger (store, actor, district, path, NULL, NULL, NULL, &error))
    return hmr_cli_refused (error);
  return 0;
}
