/* hmr-cli-backup.c — hamroh-cli backup -o FILE|FOLDER --passphrase-file PATH [--keep N]
 *                    hamroh-cli restore FILE --to PATH --passphrase-file PATH
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "hmr-backup.h"
#include "hmr-cli.h"

static char *opt_output;
static char *opt_to;
static char *opt_passphrase_file;
static int opt_keep;

static GOptionEntry backup_options[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output,
    N_("write the backup to FILE, or to a new dated file in FOLDER"), "FILE|FOLDER" },
  { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &opt_passphrase_file,
    N_("read the passphrase from this file (first line)"), "PATH" },
  { "keep", 0, 0, G_OPTION_ARG_INT, &opt_keep,
    N_("with a FOLDER: keep only the N newest dated backups in it"), "N" },
  { NULL }
};

static GOptionEntry restore_options[] = {
  { "to", 0, 0, G_OPTION_ARG_FILENAME, &opt_to,
    N_("the new database file to restore into (must not exist)"), "PATH" },
  { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &opt_passphrase_file,
    N_("read the passphrase from this file (first line)"), "PATH" },
  { NULL }
};

static char *
read_passphrase (GError **error)
{
  g_autofree char *contents = NULL;
  char *nl;

  if (!g_file_get_contents (opt_passphrase_file, &contents, NULL, error))
    return NULL;
  nl = strpbrk (contents, "\r\n");
  if (nl)
    *nl = '\0';
  return g_steal_pointer (&contents);
}

static gboolean
check_backup (GError **error)
{
  if (opt_output == NULL)
    return hmr_cli_bad_option (error, _("backup needs -o FILE or -o FOLDER."));
  if (opt_passphrase_file == NULL)
    return hmr_cli_bad_option (error, _("backup needs --passphrase-file PATH: a passphrase is never typed on the command line."));
  if (opt_keep < 0)
    return hmr_cli_bad_option (error, _("--keep: give a number of backups, 1 or more."));
  if (opt_keep > 0 && !g_file_test (opt_output, G_FILE_TEST_IS_DIR))
    return hmr_cli_bad_option (error, _("--keep works with -o FOLDER only."));
  return TRUE;
}

static int
run_backup (HmrCli      *cli,
            char *const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) actor = NULL;
  g_autofree char *passphrase = NULL;
  g_autofree char *path = NULL;

  actor = hmr_cli_authenticate (cli, &error);
  if (actor == NULL)
    return hmr_cli_refused (error);
  passphrase = read_passphrase (&error);
  if (passphrase == NULL)
    return hmr_cli_refused (error);
  if (g_file_test (opt_output, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *name = hmr_backup_dup_file_name (now);

      path = g_build_filename (opt_output, name, NULL);
    }
  else
    path = g_strdup (opt_output);
  if (!hmr_store_backup (cli->store, actor, path, passphrase, &error))
    return hmr_cli_refused (error);
  if (opt_keep > 0)
    hmr_backup_rotate (opt_output, opt_keep, NULL);
  g_print ("%s\n", path);
  return 0;
}

const HmrCliCommand hmr_cli_backup = {
  .name = "backup",
  .summary = N_("an encrypted backup of the database, checked after writing (administrators)"),
  .options = backup_options,
  .check = check_backup,
  .run = run_backup,
};

static gboolean
check_restore (GError **error)
{
  if (opt_to == NULL)
    return hmr_cli_bad_option (error, _("restore needs --to PATH, a new database file."));
  if (opt_passphrase_file == NULL)
    return hmr_cli_bad_option (error, _("restore needs --passphrase-file PATH: a passphrase is never typed on the command line."));
  return TRUE;
}

static int
run_restore (HmrCli      *cli,
             char *const *args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *passphrase = NULL;

  passphrase = read_passphrase (&error);
  if (passphrase == NULL)
    return hmr_cli_refused (error);
  if (!hmr_backup_restore (args[0], opt_to, passphrase, &error))
    return hmr_cli_refused (error);
  g_print (_("Restored into %s: the database is intact and its audit chain holds.\n"), opt_to);
  return 0;
}

const HmrCliCommand hmr_cli_restore = {
  .name = "restore",
  .parameters = "FILE",
  .summary = N_("restore a backup into a new database file, checked before it is kept"),
  .options = restore_options,
  .min_args = 1,
  .max_args = 1,
  .without_store = TRUE,
  .check = check_restore,
  .run = run_restore,
};
