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
#include "hmr-cli-referral.h"

/* Reads the board's filters; returns FALSE on an unknown option */
gboolean
hmr_cli_referral_query (int               argc,
                        char            **argv,
                        HmrReferralQuery *query)
{
  for (int i = 1; i < argc; i++)
    {
      const char *a = argv[i];
      const char *v = i + 1 < argc ? argv[i + 1] : NULL;

      if ((g_strcmp0 (a, "-o") == 0 || g_strcmp0 (a, "--output") == 0) && v)
        i++;
      else if (g_strcmp0 (a, "--district") == 0 && v)
        query->district = argv[++i];
      else if (g_strcmp0 (a, "--service") == 0 && v)
        query->service_type = argv[++i];
      else if (g_strcmp0 (a, "--status") == 0 && v)
        query->status = argv[++i];
      else if (g_strcmp0 (a, "--provider") == 0 && v)
        query->provider_id = argv[++i];
      else if (g_strcmp0 (a, "--caseworker") == 0 && v)
        query->caseworker_id = argv[++i];
      else if (g_strcmp0 (a, "--open") == 0)
        query->open_only = TRUE;
      else if (g_strcmp0 (a, "--overdue") == 0)
        query->overdue_only = TRUE;
      else
        return FALSE;
    }
  return TRUE;
}

int
hmr_cli_export_referrals (HmrStore            *store,
                          const HmrCliGlobals *g,
                          int                  argc,
                          char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) actor = NULL;
  const char *path = hmr_cli_output_path (argc, argv);
  HmrReferralQuery query = { 0 };

  if (path == NULL)
    return hmr_cli_usage_error (_("export referrals needs -o FILE.xlsx."));
  if (!hmr_cli_referral_query (argc, argv, &query))
    return hmr_cli_usage_error (_("export referrals takes -o FILE.xlsx and the filters --district D, "
                                  "--service TYPE, --status S, --provider ID, --caseworker ID, --open, --overdue."));
  actor = hmr_cli_authenticate (store, g, &error);
  if (actor == NULL)
    return hmr_cli_refused (error);
  if (!hmr_export_referrals (store, actor, &query, path, NULL, NULL, NULL, &error))
    return hmr_cli_refused (error);
  return 0;
}
