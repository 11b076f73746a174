/* hmr-cli.c — hamroh-cli, the scriptable face of the core
 *
 *   hamroh-cli [--database PATH] [--user NAME] [--password-file PATH] COMMAND [OPTIONS] [ARGUMENTS]
 *
 * The global options may also follow the command.  Every command is one
 * entry of the table below and one file (hmr-cli.h says what it holds).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "hmr-cli.h"
#include "hmr-locale.h"

/* Every command: one line here, one file hmr-cli-NAME.c */
extern const HmrCliCommand hmr_cli_demo, hmr_cli_search, hmr_cli_export_beneficiaries,
  hmr_cli_export_referrals, hmr_cli_export_grants, hmr_cli_export_handovers, hmr_cli_today,
  hmr_cli_referral_board, hmr_cli_referral_slip, hmr_cli_act_handover, hmr_cli_act_grant_receipt,
  hmr_cli_audit_verify, hmr_cli_check, hmr_cli_schema_version, hmr_cli_import_beneficiaries,
  hmr_cli_import_list, hmr_cli_import_undo, hmr_cli_import_fields, hmr_cli_enrolment_create, hmr_cli_enrol,
  hmr_cli_sync_send, hmr_cli_sync_receive, hmr_cli_sync_conflicts, hmr_cli_sync_resolve,
  hmr_cli_backup, hmr_cli_restore, hmr_cli_report_donor;

static const HmrCliCommand *const commands[] = {
  &hmr_cli_demo,
  &hmr_cli_search,
  &hmr_cli_export_beneficiaries,
  &hmr_cli_export_referrals,
  &hmr_cli_export_grants,
  &hmr_cli_export_handovers,
  &hmr_cli_report_donor,
  &hmr_cli_today,
  &hmr_cli_import_beneficiaries,
  &hmr_cli_import_list,
  &hmr_cli_import_undo,
  &hmr_cli_import_fields,
  &hmr_cli_referral_board,
  &hmr_cli_referral_slip,
  &hmr_cli_act_handover,
  &hmr_cli_act_grant_receipt,
  &hmr_cli_audit_verify,
  &hmr_cli_check,
  &hmr_cli_schema_version,
  &hmr_cli_enrolment_create,
  &hmr_cli_enrol,
  &hmr_cli_sync_send,
  &hmr_cli_sync_receive,
  &hmr_cli_sync_conflicts,
  &hmr_cli_sync_resolve,
  &hmr_cli_backup,
  &hmr_cli_restore,
};

/* The global options: parsed before and after the command */
static char *opt_database;
static char *opt_user;
static char *opt_password_file;
static gboolean opt_help;

static gboolean
refuse_password (const char  *option_name,
                 const char  *value,
                 gpointer     data,
                 GError     **error)
{
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("A password is never accepted on the command line, where other users and the shell "
                         "history can see it. Use --password-file PATH or type it at the prompt."));
  return FALSE;
}

static GOptionEntry global_entries[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, &opt_database,
    N_("the database (default: the user's data folder)"), "PATH" },
  { "user", 0, 0, G_OPTION_ARG_STRING, &opt_user, N_("the user to act as"), "NAME" },
  { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &opt_password_file,
    N_("read the password from this file (first line); without it the password is asked at a prompt"),
    "PATH" },
  { "password", 0, G_OPTION_FLAG_HIDDEN | G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK,
    refuse_password, NULL, NULL },
  { "help", 'h', 0, G_OPTION_ARG_NONE, &opt_help, N_("show this help"), NULL },
  { NULL }
};

/* "search QUERY" */
static char *
dup_synopsis (const HmrCliCommand *command)
{
  if (command->parameters == NULL)
    return g_strdup (command->name);
  return g_strdup_printf ("%s %s", command->name, command->parameters);
}

/* The command being run, for its usage line */
static const HmrCliCommand *current_command;

int
hmr_cli_usage_error (const char *message)
{
  const HmrCliCommand *command = current_command;

  if (message)
    g_printerr ("hamroh-cli: %s\n", message);
  if (command)
    {
      g_autofree char *synopsis = dup_synopsis (command);

      g_printerr (_("Usage: hamroh-cli [OPTION…] %s\n"), synopsis);
      g_printerr (_("Run “hamroh-cli %s --help” for its options.\n"), command->name);
    }
  else
    g_printerr ("%s\n", _("Run “hamroh-cli --help” for the commands."));
  return HMR_CLI_EXIT_USAGE;
}

gboolean
hmr_cli_bad_option (GError     **error,
                    const char  *message)
{
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, message);
  return FALSE;
}

void
hmr_cli_print_tsv (const char *const *fields,
                   guint              n)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      const char *text = fields[i] ? fields[i] : "";

      if (i > 0)
        g_string_append_c (line, '\t');
      if (!g_utf8_validate (text, -1, NULL))
        {
          g_string_append_unichar (line, 0xFFFD);
          continue;
        }
      for (const char *p = text; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c == '\t' || c == '\n' || c == '\r')
            g_string_append_c (line, ' ');
          else if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
            g_string_append_unichar (line, 0xFFFD);
          else
            g_string_append_unichar (line, c);
        }
    }
  g_string_append_c (line, '\n');
  g_print ("%s", line->str);
}

int
hmr_cli_refused (const GError *error)
{
  g_printerr ("hamroh-cli: %s\n", error->message);
  return HMR_CLI_EXIT_REFUSED;
}

static char *
read_password (HmrCli  *cli,
               GError **error)
{
  if (cli->password_file != NULL)
    {
      g_autofree char *contents = NULL;
      char *nl;

      if (!g_file_get_contents (cli->password_file, &contents, NULL, error))
        return NULL;
      nl = strpbrk (contents, "\r\n");
      if (nl)
        *nl = '\0';
      return g_steal_pointer (&contents);
    }
  else
    {
      struct termios old, quiet;
      gboolean tty = isatty (STDIN_FILENO);
      char buf[1024];
      char *nl;

      if (tty)
        {
          g_printerr (_("Password for %s: "), cli->user);
          tcgetattr (STDIN_FILENO, &old);
          quiet = old;
          quiet.c_lflag &= ~ECHO;
          tcsetattr (STDIN_FILENO, TCSANOW, &quiet);
        }
      if (fgets (buf, sizeof buf, stdin) == NULL)
        buf[0] = '\0';
      if (tty)
        {
          tcsetattr (STDIN_FILENO, TCSANOW, &old);
          g_printerr ("\n");
        }
      nl = strpbrk (buf, "\r\n");
      if (nl)
        *nl = '\0';
      return g_strdup (buf);
    }
}

HmrActor *
hmr_cli_authenticate (HmrCli  *cli,
                      GError **error)
{
  g_autofree char *password = NULL;

  if (cli->user == NULL)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_AUTH,
                   _("This command needs a user: give --user NAME (and --password-file PATH)."));
      return NULL;
    }
  password = read_password (cli, error);
  if (password == NULL)
    return NULL;
  return hmr_store_authenticate (cli->store, cli->user, password, error);
}

static const HmrCliCommand *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i]->name, name) == 0)
      return commands[i];
  return NULL;
}

/* The commands whose name starts with @prefix ("" for all), one a line */
static char *
dup_command_list (const char *prefix)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *synopsis = NULL;

      if (!g_str_has_prefix (commands[i]->name, prefix))
        continue;
      synopsis = dup_synopsis (commands[i]);
      g_string_append_printf (out, "  %-34s %s\n", synopsis, _(commands[i]->summary));
    }
  return g_string_free (out, FALSE);
}

static char *
dup_help (const char *prefix)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("COMMAND [OPTION…] [ARGUMENT…]");
  g_autofree char *list = dup_command_list (prefix);
  g_autofree char *description = NULL;

  description = g_strdup_printf ("%s\n%s\n%s", _("Commands:"), list,
                                 _("Run “hamroh-cli COMMAND --help” for a command's options."));
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, global_entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context, description);
  return g_option_context_get_help (context, TRUE, NULL);
}

/* Is @word the first word of some command ("export", "referral")? */
static gboolean
is_command_group (const char *word)
{
  g_autofree char *prefix = g_strconcat (word, " ", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_has_prefix (commands[i]->name, prefix))
      return TRUE;
  return FALSE;
}

/* "beneficiaries, grants or handovers": the second words of a group */
static char *
dup_group_words (const char *word)
{
  g_autofree char *prefix = g_strconcat (word, " ", NULL);
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_has_prefix (commands[i]->name, prefix))
      g_ptr_array_add (words, (gpointer) (commands[i]->name + strlen (prefix)));
  for (guint i = 0; i < words->len; i++)
    {
      if (i > 0)
        g_string_append (out, i + 1 == words->len ? _(" or ") : ", ");
      g_string_append (out, g_ptr_array_index (words, i));
    }
  return g_string_free (out, FALSE);
}

/* Parses the command's options and arguments from @argv (argv[0] is the
 * program) and runs it */
static int
run_command (const HmrCliCommand *command,
             char               **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrStore) store = NULL;
  g_autofree char *synopsis = dup_synopsis (command);
  g_auto(GStrv) args = NULL;
  GOptionEntry remaining[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &args, NULL, NULL },
    { NULL }
  };
  HmrCli cli = { 0 };
  guint n_args;

  current_command = command;
  context = g_option_context_new (synopsis);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _(command->summary));
  if (command->description)
    g_option_context_set_description (context, _(command->description));
  if (command->options)
    g_option_context_add_main_entries (context, command->options, GETTEXT_PACKAGE);
  if (command->extra_options)
    g_option_context_add_main_entries (context, command->extra_options, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, global_entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, remaining, NULL);

  if (!g_option_context_parse_strv (context, &argv, &error))
    {
      g_strfreev (argv);
      return hmr_cli_usage_error (error->message);
    }
  g_strfreev (argv);
  if (opt_help)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_print ("%s", help);
      return 0;
    }

  n_args = args ? g_strv_length (args) : 0;
  if (n_args < command->min_args)
    {
      g_autofree char *msg = g_strdup_printf (_("%s needs %s."), command->name, command->parameters);
      return hmr_cli_usage_error (msg);
    }
  if (n_args > command->max_args)
    {
      g_autofree char *msg = g_strdup_printf (_("Unexpected argument “%s” for %s."),
                                              args[command->max_args], command->name);
      return hmr_cli_usage_error (msg);
    }
  if (args == NULL)
    args = g_new0 (char *, 1);
  if (command->check && !command->check (&error))
    return hmr_cli_usage_error (error->message);

  cli.database = opt_database;
  cli.user = opt_user;
  cli.password_file = opt_password_file;
  if (command->without_store)
    return command->run (&cli, args);
  if (command->creates_database)
    store = hmr_store_open (cli.database, &error);
  else
    store = hmr_store_open_existing (cli.database, !command->looks_only, &error);
  if (store == NULL)
    return hmr_cli_refused (error);
  cli.store = store;
  return command->run (&cli, args);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) globals = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) rest = NULL;
  const HmrCliCommand *command = NULL;
  g_autofree char *name = NULL;
  guint n_words = 0;
  g_autoptr(GStrvBuilder) builder = NULL;

  hmr_setup_i18n ();
  g_set_prgname ("hamroh-cli");

  /* The global options, wherever they are; the rest stays in order */
  rest = g_strdupv (argv);
  globals = g_option_context_new (NULL);
  g_option_context_set_help_enabled (globals, FALSE);
  g_option_context_set_ignore_unknown_options (globals, TRUE);
  g_option_context_add_main_entries (globals, global_entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse_strv (globals, &rest, &error))
    return hmr_cli_usage_error (error->message);

  if (rest[0] == NULL || rest[1] == NULL)
    {
      if (opt_help)
        {
          g_autofree char *help = dup_help ("");

          g_print ("%s", help);
          return 0;
        }
      return hmr_cli_usage_error (_("No command given."));
    }
  if (rest[1][0] == '-')
    {
      g_autofree char *msg = g_strdup_printf (_("Unknown option %s"), rest[1]);
      return hmr_cli_usage_error (msg);
    }

  /* The command: one word, or two ("export grants") */
  if (rest[2] != NULL && rest[2][0] != '-')
    {
      name = g_strdup_printf ("%s %s", rest[1], rest[2]);
      command = find_command (name);
      n_words = 2;
    }
  if (command == NULL)
    {
      g_free (name);
      name = g_strdup (rest[1]);
      command = find_command (name);
      n_words = 1;
    }
  if (command == NULL && is_command_group (rest[1]))
    {
      g_autofree char *prefix = g_strconcat (rest[1], " ", NULL);
      g_autofree char *words = dup_group_words (rest[1]);
      g_autofree char *msg = NULL;

      if (opt_help)
        {
          g_autofree char *help = dup_help (prefix);

          g_print ("%s", help);
          return 0;
        }
      if (rest[2] == NULL || rest[2][0] == '-')
        msg = g_strdup_printf (_("%s needs one of: %s."), rest[1], words);
      else
        msg = g_strdup_printf (_("Unknown %s “%s”: it takes %s."), rest[1], rest[2], words);
      return hmr_cli_usage_error (msg);
    }
  if (command == NULL)
    {
      g_autofree char *msg = g_strdup_printf (_("Unknown command “%s”."), rest[1]);
      return hmr_cli_usage_error (msg);
    }

  /* The command's own options and arguments */
  builder = g_strv_builder_new ();
  g_strv_builder_add (builder, rest[0]);
  for (guint i = 1 + n_words; rest[i] != NULL; i++)
    g_strv_builder_add (builder, rest[i]);
  return run_command (command, g_strv_builder_end (builder));
}
