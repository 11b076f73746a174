/* hmr-cli-referral.c — hamroh-cli referral slip|board
 *
 *   referral slip ID [--language tg|ru|en] -o FILE.pdf
 *   referral board [filters as for export referrals]
 *       TSV, overdue first: referral id, case number, name, district,
 *       service, provider, caseworker, status, sent, due, days overdue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-cli.h"
#include "hmr-cli-referral.h"
#include "hmr-referral-slip.h"

static int
slip (HmrStore            *store,
      const HmrCliGlobals *g,
      int                  argc,
      char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) actor = NULL;
  const char *path = hmr_cli_output_path (argc, argv);
  const char *language = "tg";
  const char *id = NULL;

  for (int i = 1; i < argc; i++)
    {
      if ((g_strcmp0 (argv[i], "-o") == 0 || g_strcmp0 (argv[i], "--output") == 0) && i + 1 < argc)
        i++;
      else if (g_strcmp0 (argv[i], "--language") == 0 && i + 1 < argc)
        language = argv[++i];
      else if (argv[i][0] != '-' && id == NULL)
        id = argv[i];
      else
        return hmr_cli_usage_error (_("referral slip takes ID [--language tg|ru|en] -o FILE.pdf."));
    }
  if (id == NULL || path == NULL)
    return hmr_cli_usage_error (_("referral slip takes ID [--language tg|ru|en] -o FILE.pdf."));

  actor = hmr_cli_authenticate (store, g, &error);
  if (actor == NULL)
    return hmr_cli_refused (error);
  if (!hmr_referral_slip_write_pdf (store, actor, id, language, path, &error))
    return hmr_cli_refused (error);
  return 0;
}

static int
board (HmrStore            *store,
       const HmrCliGlobals *g,
       int                  argc,
       char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) actor = NULL;
  g_autoptr(GArray) ids = NULL;
  HmrReferralQuery query = { 0 };

  if (!hmr_cli_referral_query (argc, argv, &query))
    return hmr_cli_usage_error (_("referral board takes the filters --district D, --service TYPE, "
                                  "--status S, --provider ID, --caseworker ID, --open, --overdue."));
  actor = hmr_cli_authenticate (store, g, &error);
  if (actor == NULL)
    return hmr_cli_refused (error);
  ids = hmr_store_query_referral_ids (store, actor, &query, NULL, &error);
  if (ids == NULL)
    return hmr_cli_refused (error);

  for (guint start = 0; start < ids->len; start += 256)
    {
      g_autoptr(GPtrArray) rows = NULL;

      rows = hmr_store_load_referral_rows (store, actor, &g_array_index (ids, gint64, start),
                                          MIN (256, ids->len - start), &error);
      if (rows == NULL)
        return hmr_cli_refused (error);
      for (guint i = 0; i < rows->len; i++)
        {
          HmrReferralRow *r = g_ptr_array_index (rows, i);
#define F(field) (hmr_referral_row_get (r, field) ? hmr_referral_row_get (r, field) : "")
          g_print ("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\n",
                   F (HMR_REFERRAL_ROW_ID), F (HMR_REFERRAL_ROW_CASE_NUMBER), F (HMR_REFERRAL_ROW_BENEFICIARY_NAME),
                   F (HMR_REFERRAL_ROW_DISTRICT), F (HMR_REFERRAL_ROW_SERVICE_TYPE),
                   F (HMR_REFERRAL_ROW_PROVIDER_NAME), F (HMR_REFERRAL_ROW_CASEWORKER_NAME),
                   F (HMR_REFERRAL_ROW_STATUS), F (HMR_REFERRAL_ROW_SENT_ON), F (HMR_REFERRAL_ROW_DUE_ON),
                   hmr_referral_row_get_days_overdue (r));
#undef F
        }
    }
  return 0;
}

int
hmr_cli_referral (HmrStore            *store,
                  const HmrCliGlobals *g,
                  int                  argc,
                  char               **argv)
{
  if (argc >= 2 && g_strcmp0 (argv[1], "slip") == 0)
    return slip (store, g, argc - 1, argv + 1);
  if (argc >= 2 && g_strcmp0 (argv[1], "board") == 0)
    return board (store, g, argc - 1, argv + 1);
  return hmr_cli_usage_error (_("referral takes a subcommand: slip or board."));
}
