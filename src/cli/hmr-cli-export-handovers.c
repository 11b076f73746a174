/* hmr-cli-export-handovers.c — hamroh-cli export handovers -o FILE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-cli.h"
#include "hmr-handover.h"

/* Every handed-over item, one row each.  Finance only. */
int
hmr_cli_export_handovers (HmrStore            *store,
                          const HmrCliGlobals *g,
                          int                  argc,
                          char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) actor = NULL;
  const char *path = hmr_cli_output_path (argc, argv);

  if (path == NULL || argc != 3)
    return hmr_cli_usage_error (_("export handovers needs -o FILE.xlsx."));
  actor = hmr_cli_authenticate (store, g, &error);
  if (actor == NULL)
    return hmr_cli_refused (error);
  if (!hmr_export_handovers (store, actor, path, NULL, NULL, NULL, &error))
    return hmr_cli_refused (error);
  return 0;
}
