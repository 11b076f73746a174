/* hmr-cli-audit.c — hamroh-cli audit verify
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
  gint64 checked = 0, broken = 0;

  actor = hmr_cli_authenticate (cli, &error);
  if (actor == NULL)
    return hmr_cli_refused (error);
  if (!hmr_store_verify_audit (cli->store, actor, &checked, &broken, &error))
    return hmr_cli_refused (error);
  if (broken != 0)
    {
      g_printerr (_("hamroh-cli: the audit chain is broken at row %lld: "
                    "that row, or one before it, was changed, removed or moved.\n"),
                  (long long) broken);
      return HMR_CLI_EXIT_REFUSED;
    }
  /* the plural form follows the number of rows; the count is never negative */
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "The audit chain is intact: %lld row checked.\n",
                        "The audit chain is intact: %lld rows checked.\n",
                        (unsigned long) checked),
           (long long) checked);
  return 0;
}

const HmrCliCommand hmr_cli_audit_verify = {
  .name = "audit verify",
  .summary = N_("check the audit chain"),
  .run = run,
};
