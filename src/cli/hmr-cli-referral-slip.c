/* hmr-cli-referral-slip.c — hamroh-cli referral slip ID -o FILE.pdf [--language tg|ru|en]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-cli.h"
#include "hmr-referral-slip.h"

static char *opt_output;
static char *opt_language;

static GOptionEntry options[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("write the slip to FILE"), "FILE.pdf" },
  { "language", 0, 0, G_OPTION_ARG_STRING, &opt_language, N_("tg (the default), ru or en"), "LANGUAGE" },
  { NULL }
};

static gboolean
check (GError **error)
{
  if (opt_output == NULL)
    return hmr_cli_bad_option (error, _("referral slip takes ID [--language tg|ru|en] -o FILE.pdf."));
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
  if (!hmr_referral_slip_write_pdf (cli->store, actor, args[0], opt_language ? opt_language : "tg",
                                    opt_output, &error))
    return hmr_cli_refused (error);
  return 0;
}

const HmrCliCommand hmr_cli_referral_slip = {
  .name = "referral slip",
  .parameters = "ID",
  .summary = N_("the slip to hand to the beneficiary, as a PDF"),
  .options = options,
  .min_args = 1,
  .max_args = 1,
  .check = check,
  .run = run,
};
