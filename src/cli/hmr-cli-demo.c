/* hmr-cli-demo.c — hamroh-cli demo --beneficiaries N [--seed S]
 *
 * Fills a new database with demo data and prints one line per demo user:
 * "demo-user ROLE USERNAME PASSWORD".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-cli.h"
#include "hmr-demo.h"

static char *opt_beneficiaries;
static char *opt_seed;
static char *opt_offices;

static GOptionEntry options[] = {
  { "beneficiaries", 0, 0, G_OPTION_ARG_STRING, &opt_beneficiaries,
    N_("how many beneficiaries to make (0 to 10000000)"), "N" },
  { "seed", 0, 0, G_OPTION_ARG_STRING, &opt_seed, N_("the seed of the random choices (default 1)"), "S" },
  { "offices", 0, 0, G_OPTION_ARG_FILENAME, &opt_offices,
    N_("make this database HQ and write one enrolled installation per district office into DIR"), "DIR" },
  { NULL }
};

static guint64 n = 0, seed = 1;

static gboolean
check (GError **error)
{
  if (opt_beneficiaries == NULL)
    return hmr_cli_bad_option (error, _("demo needs --beneficiaries N."));
  if (!g_ascii_string_to_unsigned (opt_beneficiaries, 10, 0, 10000000, &n, NULL))
    return hmr_cli_bad_option (error, _("--beneficiaries takes a number from 0 to 10000000."));
  if (opt_seed && !g_ascii_string_to_unsigned (opt_seed, 10, 0, G_MAXUINT64, &seed, NULL))
    return hmr_cli_bad_option (error, _("--seed takes a whole number."));
  return TRUE;
}

static int
run (HmrCli      *cli,
     char *const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) users = NULL;

  if (hmr_store_has_users (cli->store))
    {
      g_printerr ("hamroh-cli: %s\n",
                  _("Refused: this database already has data; demo data goes into a new database only."));
      return HMR_CLI_EXIT_REFUSED;
    }
  if (!hmr_demo_fill (cli->store, n, seed, &users, &error))
    return hmr_cli_refused (error);

  for (guint i = 0; i < users->len; i++)
    {
      HmrDemoUser *u = g_ptr_array_index (users, i);
      g_print ("demo-user %s %s %s\n", hmr_role_to_string (u->role), u->username, u->password);
    }
  if (opt_offices != NULL)
    {
      g_autoptr(GPtrArray) installations = NULL;

      if (!hmr_demo_fill_offices (cli->store, users, opt_offices, &installations, &error))
        return hmr_cli_refused (error);
      g_print ("installation HQ %s\n", hmr_store_get_path (cli->store));
      for (guint i = 0; i < installations->len; i++)
        g_print ("installation %s\n", (const char *) g_ptr_array_index (installations, i));
    }
  return 0;
}

const HmrCliCommand hmr_cli_demo = {
  .name = "demo",
  .summary = N_("fill a new database with demo data; prints one line per demo user: "
                "“demo-user ROLE USERNAME PASSWORD”"),
  .options = options,
  .check = check,
  .creates_database = TRUE,
  .run = run,
};
