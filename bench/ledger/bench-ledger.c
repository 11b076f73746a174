/* bench-ledger.c — the workloads of bench/ledger; a benchmark program, never
 * installed
 *
 *   bench-ledger fill   DB --tranches N --user NAME --password-file PATH
 *   bench-ledger export DB --user NAME -o FILE.xlsx
 *
 * "fill" makes a big ledger in a NEW database (hmr-bench-fill.c); "export"
 * runs the export finance runs, acting as that database's finance user
 * without the password, so that the memory measured is the export's and not
 * Argon2id's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-bench-fill.h"
#include "hmr-export.h"
#include "hmr-grant.h"

static int
usage (void)
{
  g_printerr ("usage: bench-ledger fill DB --tranches N --user NAME --password-file PATH\n"
              "       bench-ledger export DB --user NAME -o FILE.xlsx\n");
  return 2;
}

static int
failed (GError *error)
{
  g_printerr ("bench-ledger: %s\n", error->message);
  return 1;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrStore) store = NULL;
  const char *user = NULL, *password_file = NULL, *output = NULL;
  guint64 tranches = 0;

  if (argc < 3)
    return usage ();
  for (int i = 3; i + 1 < argc; i += 2)
    {
      if (strcmp (argv[i], "--tranches") == 0)
        {
          if (!g_ascii_string_to_unsigned (argv[i + 1], 10, 1, 10000000, &tranches, NULL))
            return usage ();
        }
      else if (strcmp (argv[i], "--user") == 0)
        user = argv[i + 1];
      else if (strcmp (argv[i], "--password-file") == 0)
        password_file = argv[i + 1];
      else if (strcmp (argv[i], "-o") == 0)
        output = argv[i + 1];
      else
        return usage ();
    }

  store = hmr_store_open (argv[2], &error);
  if (store == NULL)
    return failed (error);

  if (strcmp (argv[1], "fill") == 0)
    {
      g_autofree char *password = NULL;

      if (tranches == 0 || user == NULL || password_file == NULL)
        return usage ();
      if (!g_file_get_contents (password_file, &password, NULL, &error))
        return failed (error);
      password[strcspn (password, "\r\n")] = '\0';
      if (!hmr_bench_fill_ledger (store, (guint) tranches, user, password, &error))
        return failed (error);
      return 0;
    }
  if (strcmp (argv[1], "export") == 0)
    {
      g_autoptr(HmrActor) actor = NULL;

      if (user == NULL || output == NULL)
        return usage ();
      actor = hmr_bench_actor (store, user, &error);
      if (actor == NULL)
        return failed (error);
      if (!hmr_export_grant_ledger (store, actor, NULL, output, NULL, NULL, NULL, &error))
        return failed (error);
      return 0;
    }
  return usage ();
}
