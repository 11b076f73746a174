/* hmr-cli-referral-board.c — hamroh-cli referral board [FILTERS]
 *
 * TSV, overdue first: referral id, case number, name, district, service,
 * provider, caseworker, status, sent, due, days overdue.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-cli.h"
#include "hmr-cli-referral-filters.h"

static int
run (HmrCli      *cli,
     char *const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) actor = NULL;
  g_autoptr(GArray) ids = NULL;

  actor = hmr_cli_authenticate (cli, &error);
  if (actor == NULL)
    return hmr_cli_refused (error);
  ids = hmr_store_query_referral_ids (cli->store, actor, &hmr_cli_referral_filters, NULL, &error);
  if (ids == NULL)
    return hmr_cli_refused (error);

  for (guint start = 0; start < ids->len; start += 256)
    {
      g_autoptr(GPtrArray) rows = NULL;

      rows = hmr_store_load_referral_rows (cli->store, actor, &g_array_index (ids, gint64, start),
                                           MIN (256, ids->len - start), &error);
      if (rows == NULL)
        return hmr_cli_refused (error);
      for (guint i = 0; i < rows->len; i++)
        {
          HmrReferralRow *r = g_ptr_array_index (rows, i);
          g_autofree char *overdue = g_strdup_printf ("%d", hmr_referral_row_get_days_overdue (r));
#define F(field) hmr_referral_row_get (r, field)
          const char *fields[] = {
            F (HMR_REFERRAL_ROW_ID), F (HMR_REFERRAL_ROW_CASE_NUMBER), F (HMR_REFERRAL_ROW_BENEFICIARY_NAME),
            F (HMR_REFERRAL_ROW_DISTRICT), F (HMR_REFERRAL_ROW_SERVICE_TYPE),
            F (HMR_REFERRAL_ROW_PROVIDER_NAME), F (HMR_REFERRAL_ROW_CASEWORKER_NAME),
            F (HMR_REFERRAL_ROW_STATUS), F (HMR_REFERRAL_ROW_SENT_ON), F (HMR_REFERRAL_ROW_DUE_ON), overdue,
          };
#undef F

          hmr_cli_print_tsv (fields, G_N_ELEMENTS (fields));
        }
    }
  return 0;
}

const HmrCliCommand hmr_cli_referral_board = {
  .name = "referral board",
  .summary = N_("referrals you may see as TSV, overdue first"),
  .extra_options = hmr_cli_referral_filter_options,
  .run = run,
};
