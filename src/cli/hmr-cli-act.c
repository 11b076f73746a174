/* hmr-cli-act.c — printable acts from the command line
 *
 *   hamroh-cli act handover NUMBER -o FILE.pdf [--language tg|ru|en]
 *   hamroh-cli act grant-receipt NUMBER [--tranche N] -o FILE.pdf [--language tg|ru|en]
 *
 * NUMBER is the eight-character number printed on acts and in the exports,
 * or the full id.  The language defaults to Tajik.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-act-pdf.h"
#include "hmr-cli.h"
#include "hmr-grant.h"

static char *opt_output;
static char *opt_language;
static char *opt_tranche;

#define OUTPUT_AND_LANGUAGE \
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("write the act to FILE"), "FILE.pdf" }, \
  { "language", 0, 0, G_OPTION_ARG_STRING, &opt_language, N_("tg (the default), ru or en"), "LANGUAGE" }

static GOptionEntry handover_options[] = {
  OUTPUT_AND_LANGUAGE,
  { NULL }
};

static GOptionEntry receipt_options[] = {
  OUTPUT_AND_LANGUAGE,
  { "tranche", 0, 0, G_OPTION_ARG_STRING, &opt_tranche, N_("the receipt of this tranche: 1, 2, …"), "N" },
  { NULL }
};

static HmrActLanguage language = HMR_ACT_LANGUAGE_TG;
static guint64 tranche = 0;

static gboolean
check (GError **error)
{
  if (opt_language && !hmr_act_language_from_string (opt_language, &language))
    return hmr_cli_bad_option (error, _("--language takes tg, ru or en."));
  if (opt_tranche && !g_ascii_string_to_unsigned (opt_tranche, 10, 1, 1000, &tranche, NULL))
    return hmr_cli_bad_option (error, _("--tranche takes the number of a tranche: 1, 2, …"));
  if (opt_output == NULL)
    return hmr_cli_bad_option (error, _("An act needs -o FILE.pdf."));
  return TRUE;
}

static int
run_act (HmrCli     *cli,
         const char *number,
         gboolean    receipt)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) actor = NULL;
  g_autofree char *id = NULL;

  actor = hmr_cli_authenticate (cli, &error);
  if (actor == NULL)
    return hmr_cli_refused (error);
  id = hmr_store_dup_record_id (cli->store, actor, receipt ? "grant" : "handover", number, &error);
  if (id == NULL)
    return hmr_cli_refused (error);
  if (receipt ? !hmr_act_write_grant_receipt (cli->store, actor, id, (int) tranche, language, opt_output, &error)
              : !hmr_act_write_handover (cli->store, actor, id, language, opt_output, &error))
    return hmr_cli_refused (error);
  return 0;
}

static int
run_handover (HmrCli      *cli,
              char *const *args)
{
  return run_act (cli, args[0], FALSE);
}

static int
run_receipt (HmrCli      *cli,
             char *const *args)
{
  return run_act (cli, args[0], TRUE);
}

const HmrCliCommand hmr_cli_act_handover = {
  .name = "act handover",
  .parameters = "NUMBER",
  .summary = N_("a handover act, as a PDF"),
  .options = handover_options,
  .min_args = 1,
  .max_args = 1,
  .check = check,
  .run = run_handover,
};

const HmrCliCommand hmr_cli_act_grant_receipt = {
  .name = "act grant-receipt",
  .parameters = "NUMBER",
  .summary = N_("a grant receipt, as a PDF"),
  .options = receipt_options,
  .min_args = 1,
  .max_args = 1,
  .check = check,
  .run = run_receipt,
};
