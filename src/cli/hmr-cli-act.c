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

#define ACT_USAGE N_("act takes: handover NUMBER -o FILE.pdf [--language tg|ru|en], or " \
                     "grant-receipt NUMBER [--tranche N] -o FILE.pdf [--language tg|ru|en].")

int
hmr_cli_act (HmrStore            *store,
             const HmrCliGlobals *g,
             int                  argc,
             char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) actor = NULL;
  g_autofree char *id = NULL;
  HmrActLanguage language = HMR_ACT_LANGUAGE_TG;
  const char *path = NULL;
  const char *what, *number;
  guint64 tranche = 0;
  gboolean receipt;

  if (argc < 3)
    return hmr_cli_usage_error (_(ACT_USAGE));
  what = argv[1];
  number = argv[2];
  receipt = g_strcmp0 (what, "grant-receipt") == 0;
  if (!receipt && g_strcmp0 (what, "handover") != 0)
    return hmr_cli_usage_error (_(ACT_USAGE));
  for (int i = 3; i < argc; i++)
    {
      if ((g_strcmp0 (argv[i], "-o") == 0 || g_strcmp0 (argv[i], "--output") == 0) && i + 1 < argc)
        path = argv[++i];
      else if (g_strcmp0 (argv[i], "--language") == 0 && i + 1 < argc)
        {
          if (!hmr_act_language_from_string (argv[++i], &language))
            return hmr_cli_usage_error (_("--language takes tg, ru or en."));
        }
      else if (receipt && g_strcmp0 (argv[i], "--tranche") == 0 && i + 1 < argc)
        {
          if (!g_ascii_string_to_unsigned (argv[++i], 10, 1, 1000, &tranche, NULL))
            return hmr_cli_usage_error (_("--tranche takes the number of a tranche: 1, 2, …"));
        }
      else
        return hmr_cli_usage_error (_(ACT_USAGE));
    }
  if (path == NULL)
    return hmr_cli_usage_error (_(ACT_USAGE));

  actor = hmr_cli_authenticate (store, g, &error);
  if (actor == NULL)
    return hmr_cli_refused (error);
  id = hmr_store_dup_record_id (store, actor, receipt ? "grant" : "handover", number, &error);
  if (id == NULL)
    return hmr_cli_refused (error);
  if (receipt ? !hmr_act_write_grant_receipt (store, actor, id, (int) tranche, language, path, &error)
              : !hmr_act_write_handover (store, actor, id, language, path, &error))
    return hmr_cli_refused (error);
  return 0;
}
