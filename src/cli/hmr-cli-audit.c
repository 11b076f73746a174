/* hmr-cli-audit.c — hamroh-cli audit verify
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-cli.h"
#include "hmr-sync.h"

static int
run (HmrCli      *cli,
     char *const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) actor = NULL;
  g_autoptr(GPtrArray) origins = NULL;
  gint64 checked = 0, broken = 0;
  int status = 0;

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

  /* At HQ, every office installation's chain as received */
  origins = hmr_store_sync_verify_origins (cli->store, actor, &error);
  if (origins == NULL)
    return hmr_cli_refused (error);
  for (guint i = 0; i < origins->len; i++)
    {
      HmrOriginAudit *o = g_ptr_array_index (origins, i);

      if (o->first_broken != 0)
        {
          /* Translators: %s are an office's code and an installation's id */
          g_printerr (_("hamroh-cli: the audit chain of %s (installation %s) is broken at its row %lld.\n"),
                      o->office_code, o->origin, (long long) o->first_broken);
          status = HMR_CLI_EXIT_REFUSED;
        }
      else if (!o->head_matches)
        {
          g_printerr (_("hamroh-cli: the audit log of %s (installation %s) was cut or rewritten after it was "
                        "sent: the chain head it reported last does not match the rows HQ holds.\n"),
                      o->office_code, o->origin);
          status = HMR_CLI_EXIT_REFUSED;
        }
      else
        g_print (g_dngettext (GETTEXT_PACKAGE,
                              "The audit chain of %s (installation %s) is intact: %lld row checked.\n",
                              "The audit chain of %s (installation %s) is intact: %lld rows checked.\n",
                              (unsigned long) o->n_checked),
                 o->office_code, o->origin, (long long) o->n_checked);
    }
  return status;
}

const HmrCliCommand hmr_cli_audit_verify = {
  .name = "audit verify",
  .summary = N_("check the audit chain"),
  .run = run,
};
