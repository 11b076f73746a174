/* hmr-cli-bench.c — the workloads of bench/ledger; for benchmarks only
 *
 *   hamroh-cli --database NEW.sqlite3 bench-fill-ledger --tranches N
 *              --user FINANCE --password-file PATH
 *     fills a NEW database with N tranches (about N/2 grants) in one go,
 *     with an administrator "bench-admin" and the finance user FINANCE
 *     (both with the password in PATH); refused on a database with users.
 *
 *   hamroh-cli --database NEW.sqlite3 bench-export-ledger --user FINANCE -o FILE.xlsx
 *     the grant ledger export, acting as FINANCE without a password so
 *     that the memory measured is the export's and not Argon2id's (64–256
 *     MB by design); works only on a database made by bench-fill-ledger.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "hmr-cli.h"
#include "hmr-grant.h"

int
hmr_cli_bench_fill_ledger (HmrStore            *store,
                           const HmrCliGlobals *g,
                           int                  argc,
                           char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  guint64 n = 0;
  gboolean have_n = FALSE;

  for (int i = 1; i < argc; i++)
    {
      if (g_strcmp0 (argv[i], "--tranches") == 0 && i + 1 < argc)
        {
          if (!g_ascii_string_to_unsigned (argv[++i], 10, 1, 10000000, &n, NULL))
            return hmr_cli_usage_error (_("--tranches takes a number from 1 to 10000000."));
          have_n = TRUE;
        }
      else
        return hmr_cli_usage_error (NULL);
    }
  if (!have_n || g->user == NULL || g->password_file == NULL)
    return hmr_cli_usage_error (_("bench-fill-ledger needs --tranches N --user NAME --password-file PATH."));
  if (!g_file_get_contents (g->password_file, &password, NULL, &error))
    return hmr_cli_refused (error);
  password[strcspn (password, "\r\n")] = '\0';
  if (!hmr_store_bench_fill_ledger (store, (guint) n, g->user, password, &error))
    return hmr_cli_refused (error);
  return 0;
}

int
hmr_cli_bench_export_ledger (HmrStore            *store,
                             const HmrCliGlobals *g,
                             int                  argc,
                             char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) actor = NULL;
  const char *path = hmr_cli_output_path (argc, argv);

  if (path == NULL || g->user == NULL)
    return hmr_cli_usage_error (_("bench-export-ledger needs --user NAME -o FILE.xlsx."));
  actor = hmr_store_bench_actor (store, g->user, &error);
  if (actor == NULL)
    return hmr_cli_refused (error);
  if (!hmr_export_grant_ledger (store, actor, NULL, path, NULL, NULL, NULL, &error))
    return hmr_cli_refused (error);
  return 0;
}
