/* hmr-cli-search.c — hamroh-cli search QUERY
 *
 * Matching beneficiaries as TSV: case number, names, Latin names, district.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-cli.h"

static int
run (HmrCli      *cli,
     char *const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) actor = NULL;
  g_autoptr(GArray) ids = NULL;
  HmrBeneficiaryQuery query = { 0 };

  actor = hmr_cli_authenticate (cli, &error);
  if (actor == NULL)
    return hmr_cli_refused (error);

  query.sort = HMR_BENEFICIARY_SORT_NAME;
  query.text = args[0];
  ids = hmr_store_query_beneficiary_ids (cli->store, actor, &query, NULL, &error);
  if (ids == NULL)
    return hmr_cli_refused (error);

  for (guint start = 0; start < ids->len; start += 256)
    {
      g_autoptr(GPtrArray) rows = NULL;
      guint n = MIN (256, ids->len - start);

      rows = hmr_store_load_beneficiaries (cli->store, actor, &g_array_index (ids, gint64, start), n, &error);
      if (rows == NULL)
        return hmr_cli_refused (error);
      for (guint i = 0; i < rows->len; i++)
        {
          HmrBeneficiary *b = g_ptr_array_index (rows, i);
          g_autofree char *name = hmr_beneficiary_dup_full_name (b);
          g_autofree char *latin = hmr_beneficiary_dup_latin_name (b);

          const char *fields[] = {
            hmr_beneficiary_get (b, HMR_BENEFICIARY_CASE_NUMBER), name, latin,
            hmr_beneficiary_get (b, HMR_BENEFICIARY_DISTRICT),
          };

          hmr_cli_print_tsv (fields, G_N_ELEMENTS (fields));
        }
    }
  return 0;
}

const HmrCliCommand hmr_cli_search = {
  .name = "search",
  .parameters = "QUERY",
  .summary = N_("matching beneficiaries as TSV (case number, names, district)"),
  .min_args = 1,
  .max_args = 1,
  .run = run,
};
