/* hmr-cli.h — shared by the hamroh-cli commands
 *
 * A command is one HmrCliCommand in its own file (hmr-cli-NAME.c) and one
 * line in the table of hmr-cli.c.  The dispatcher parses the global options
 * (--database, --user, --password-file, before or after the command) and
 * the command's own GOptionEntry table, answers `COMMAND --help`, checks the
 * number of positional arguments, opens the store and calls run().
 *
 * Exit status: 0 success, 1 refused or failed (one line on stderr),
 * 2 usage error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-store.h"

G_BEGIN_DECLS

#define HMR_CLI_EXIT_REFUSED 1
#define HMR_CLI_EXIT_USAGE 2

/* What every command gets */
typedef struct
{
  HmrStore   *store;
  const char *database;        /* NULL: the user's data folder */
  const char *user;            /* --user, or NULL */
  const char *password_file;   /* --password-file, or NULL: prompt */
} HmrCli;

typedef struct
{
  /* as typed, words separated by one space: "search", "export grants" */
  const char    *name;
  /* the positional arguments as shown by --help ("QUERY"), or NULL */
  const char    *parameters;
  /* one line for the list of commands, N_() */
  const char    *summary;
  /* shown under the command's --help, N_(), or NULL */
  const char    *description;
  /* the command's own options, { NULL } terminated, or NULL.  arg_data
   * points at the command file's static storage. */
  GOptionEntry  *options;
  /* a second table shared with other commands (filters), or NULL */
  GOptionEntry  *extra_options;
  /* how many positional arguments the command takes */
  guint          min_args;
  guint          max_args;
  /* the command opens no database (restore writes a new one): cli->store
   * is NULL */
  gboolean       without_store;
  /* the command may make a new database at the path (demo, enrol); every
   * other refuses a path where there is none */
  gboolean       creates_database;
  /* the command only looks at the file: it is opened as it is, at its
   * version, never migrated (check, schema-version) */
  gboolean       looks_only;
  /* checks the options before the store is opened: FALSE and a message
   * naming the option for a usage error (exit 2); or NULL */
  gboolean     (*check) (GError **error);
  /* args: the positional arguments, NULL terminated (never NULL) */
  int          (*run) (HmrCli      *cli,
                       char *const *args);
} HmrCliCommand;

/* Print "hamroh-cli: MESSAGE" and the running command's usage; returns 2 */
int         hmr_cli_usage_error   (const char           *message);
/* For check(): sets a usage error naming the option; returns FALSE */
gboolean    hmr_cli_bad_option    (GError              **error,
                                   const char           *message);
/* Print "hamroh-cli: error->message"; returns 1 */
int         hmr_cli_refused       (const GError         *error);
/* Prints one TSV line of @n fields (NULL prints as empty): a tab or a
 * line break inside a field becomes a space, and any other control
 * character (a terminal's escape sequences) U+FFFD, so that a typed name
 * can neither add a column or a row nor rewrite the terminal */
void        hmr_cli_print_tsv     (const char *const    *fields,
                                   guint                 n);
/* Logs in as --user with the password from --password-file or the prompt */
HmrActor   *hmr_cli_authenticate  (HmrCli               *cli,
                                   GError              **error);

G_END_DECLS
