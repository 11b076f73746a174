/* hmr-cli.c — hamroh-cli, the scriptable face of the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "hmr-cli.h"
#include "hmr-demo.h"
#include "hmr-locale.h"

#define EXIT_REFUSED 1
#define EXIT_USAGE 2


static const char *usage_text =
  N_("Usage: hamroh-cli [--database PATH] COMMAND [OPTIONS]\n"
     "\n"
     "Commands:\n"
     "  demo --beneficiaries N [--seed S]   fill a new database with demo data;\n"
     "                                      prints one line per demo user:\n"
     "                                      \"demo-user ROLE USERNAME PASSWORD\"\n"
     "  search QUERY                        matching beneficiaries as TSV\n"
     "                                      (case number, names, district)\n"
     "  export KIND -o FILE.xlsx            KIND: beneficiaries, referrals, grants,\n"
     "                                      handovers (what your role may export)\n"
     "  today [--date D] [--list NAME]      what is due for you: follow-ups, referrals,\n"
     "                                      plans, bans ending, approvals\n"
     "  referral board [FILTERS]            referrals you may see, overdue first\n"
     "  referral slip ID -o FILE.pdf        the slip to hand to the beneficiary\n"
     "  act handover|grant-receipt NUMBER -o FILE.pdf\n"
     "                                      a handover act or a grant receipt\n"
     "  audit verify                        check the audit chain\n"
     "  check                               check the database file's integrity\n"
     "  schema-version                      print the database's schema version\n"
     "\n"
     "Options:\n"
     "  --database PATH        the database (default: the user's data folder)\n"
     "  --user NAME            the user to act as\n"
     "  --password-file PATH   read the password from this file (first line);\n"
     "                         without it the password is asked at a prompt.\n"
     "                         A password is never accepted on the command line.\n"
     "  -h, --help             show this help\n");

static const char *no_password_text =
  N_("A password is never accepted on the command line, where other users and the shell history can see it. "
     "Use --password-file PATH or type it at the prompt.");

int
hmr_cli_usage_error (const char *message)
{
  if (message)
    g_printerr ("hamroh-cli: %s\n", message);
  g_printerr ("%s", _(usage_text));
  return EXIT_USAGE;
}

int
hmr_cli_refused (GError *error)
{
  g_printerr ("hamroh-cli: %s\n", error->message);
  return EXIT_REFUSED;
}

static char *
read_password (const HmrCliGlobals  *g,
               GError        **error)
{
  if (g->password_file != NULL)
    {
      g_autofree char *contents = NULL;
      char *nl;

      if (!g_file_get_contents (g->password_file, &contents, NULL, error))
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
          g_printerr (_("Password for %s: "), g->user);
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
hmr_cli_authenticate (HmrStore       *store,
              const HmrCliGlobals  *g,
              GError        **error)
{
  g_autofree char *password = NULL;

  if (g->user == NULL)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_AUTH,
                   _("This command needs a user: give --user NAME (and --password-file PATH)."));
      return NULL;
    }
  password = read_password (g, error);
  if (password == NULL)
    return NULL;
  return hmr_store_authenticate (store, g->user, password, error);
}

static int
cmd_demo (HmrStore            *store,
          const HmrCliGlobals *g,
          int                  argc,
          char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) users = NULL;
  guint64 n = 0, seed = 1;
  gboolean have_n = FALSE;

  for (int i = 1; i < argc; i++)
    {
      if (g_strcmp0 (argv[i], "--beneficiaries") == 0 && i + 1 < argc)
        {
          if (!g_ascii_string_to_unsigned (argv[++i], 10, 0, 10000000, &n, NULL))
            return hmr_cli_usage_error (_("--beneficiaries takes a number from 0 to 10000000."));
          have_n = TRUE;
        }
      else if (g_strcmp0 (argv[i], "--seed") == 0 && i + 1 < argc)
        {
          if (!g_ascii_string_to_unsigned (argv[++i], 10, 0, G_MAXUINT64, &seed, NULL))
            return hmr_cli_usage_error (_("--seed takes a whole number."));
        }
      else
        return hmr_cli_usage_error (NULL);
    }
  if (!have_n)
    return hmr_cli_usage_error (_("demo needs --beneficiaries N."));

  if (hmr_store_has_users (store))
    {
      g_printerr ("hamroh-cli: %s\n",
                  _("Refused: this database already has data; demo data goes into a new database only."));
      return EXIT_REFUSED;
    }
  if (!hmr_demo_fill (store, n, seed, &users, &error))
    return hmr_cli_refused (error);

  for (guint i = 0; i < users->len; i++)
    {
      HmrDemoUser *u = g_ptr_array_index (users, i);
      g_print ("demo-user %s %s %s\n", hmr_role_to_string (u->role), u->username, u->password);
    }
  return 0;
}

static int
cmd_search (HmrStore            *store,
            const HmrCliGlobals *g,
            int                  argc,
            char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) actor = NULL;
  g_autoptr(GArray) ids = NULL;
  HmrBeneficiaryQuery query = { 0 };

  if (argc != 2)
    return hmr_cli_usage_error (_("search takes one QUERY."));

  actor = hmr_cli_authenticate (store, g, &error);
  if (actor == NULL)
    return hmr_cli_refused (error);

  query.sort = HMR_BENEFICIARY_SORT_NAME;
  query.text = argv[1];
  ids = hmr_store_query_beneficiary_ids (store, actor, &query, NULL, &error);
  if (ids == NULL)
    return hmr_cli_refused (error);

  for (guint start = 0; start < ids->len; start += 256)
    {
      g_autoptr(GPtrArray) rows = NULL;
      guint n = MIN (256, ids->len - start);

      rows = hmr_store_load_beneficiaries (store, actor, &g_array_index (ids, gint64, start), n, &error);
      if (rows == NULL)
        return hmr_cli_refused (error);
      for (guint i = 0; i < rows->len; i++)
        {
          HmrBeneficiary *b = g_ptr_array_index (rows, i);
          g_autofree char *name = hmr_beneficiary_dup_full_name (b);
          g_autofree char *latin = hmr_beneficiary_dup_latin_name (b);

          g_print ("%s\t%s\t%s\t%s\n",
                   hmr_beneficiary_get (b, HMR_BENEFICIARY_CASE_NUMBER),
                   name, latin,
                   hmr_beneficiary_get (b, HMR_BENEFICIARY_DISTRICT));
        }
    }
  return 0;
}

static int
cmd_audit (HmrStore            *store,
           const HmrCliGlobals *g,
           int                  argc,
           char               **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) actor = NULL;
  gint64 checked = 0, broken = 0;

  if (argc != 2 || g_strcmp0 (argv[1], "verify") != 0)
    return hmr_cli_usage_error (_("audit takes one subcommand: verify."));

  actor = hmr_cli_authenticate (store, g, &error);
  if (actor == NULL)
    return hmr_cli_refused (error);
  if (!hmr_store_verify_audit (store, actor, &checked, &broken, &error))
    return hmr_cli_refused (error);
  if (broken != 0)
    {
      g_printerr (_("hamroh-cli: the audit chain is broken at row %lld: "
                    "that row, or one before it, was changed, removed or moved.\n"),
                  (long long) broken);
      return EXIT_REFUSED;
    }
  /* the plural form follows the number of rows; the count is never negative */
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "The audit chain is intact: %lld row checked.\n",
                        "The audit chain is intact: %lld rows checked.\n",
                        (unsigned long) checked),
           (long long) checked);
  return 0;
}

static int
cmd_schema_version (HmrStore            *store,
                    const HmrCliGlobals *g,
                    int                  argc,
                    char               **argv)
{
  g_print ("%d\n", hmr_store_get_schema_version (store));
  return 0;
}

static int
cmd_check (HmrStore            *store,
           const HmrCliGlobals *g,
           int                  argc,
           char               **argv)
{
  g_autoptr(GError) error = NULL;

  if (!hmr_store_check_integrity (store, &error))
    return hmr_cli_refused (error);
  g_print ("%s\n", _("The database is intact."));
  return 0;
}

/* export KIND -o FILE.xlsx: one entry per kind, each in its own file */
static const struct
{
  const char    *kind;
  HmrCliCommand  run;
} exports[] = {
  { "beneficiaries", hmr_cli_export_beneficiaries },
  { "grants", hmr_cli_export_grants },
  { "handovers", hmr_cli_export_handovers },
  { "referrals", hmr_cli_export_referrals },
};

static int
cmd_export (HmrStore            *store,
            const HmrCliGlobals *g,
            int                  argc,
            char               **argv)
{
  if (argc < 2)
    return hmr_cli_usage_error (_("export needs a kind: beneficiaries, referrals, grants or handovers."));
  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    if (g_strcmp0 (argv[1], exports[i].kind) == 0)
      return exports[i].run (store, g, argc - 1, argv + 1);
  {
    g_autofree char *msg = g_strdup_printf (_("Unknown export “%s”."), argv[1]);
    return hmr_cli_usage_error (msg);
  }
}

/* Every command; each may live in its own file (hmr-cli.h) */
static const struct
{
  const char    *name;
  HmrCliCommand  run;
} commands[] = {
  { "demo", cmd_demo },
  { "search", cmd_search },
  { "audit", cmd_audit },
  { "check", cmd_check },
  { "schema-version", cmd_schema_version },
  { "export", cmd_export },
  { "act", hmr_cli_act },
  { "referral", hmr_cli_referral },
  { "today", hmr_cli_today },
};

/**
 * hmr_cli_output_path:
 *
 * Finds "-o FILE" among the arguments.
 */
const char *
hmr_cli_output_path (int    argc,
                     char **argv)
{
  for (int i = 1; i + 1 < argc; i++)
    if (g_strcmp0 (argv[i], "-o") == 0 || g_strcmp0 (argv[i], "--output") == 0)
      return argv[i + 1];
  return NULL;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrStore) store = NULL;
  HmrCliGlobals g = { 0 };
  HmrCliCommand run = NULL;
  const char *command;
  int i;

  hmr_setup_i18n ();

  /* Global options come before the command */
  for (i = 1; i < argc; i++)
    {
      if (g_strcmp0 (argv[i], "--database") == 0 && i + 1 < argc)
        g.database = argv[++i];
      else if (g_str_has_prefix (argv[i], "--database="))
        g.database = argv[i] + strlen ("--database=");
      else if (g_strcmp0 (argv[i], "--user") == 0 && i + 1 < argc)
        g.user = argv[++i];
      else if (g_strcmp0 (argv[i], "--password-file") == 0 && i + 1 < argc)
        g.password_file = argv[++i];
      else if (g_str_has_prefix (argv[i], "--password"))
        return hmr_cli_usage_error (_(no_password_text));
      else if (g_strcmp0 (argv[i], "-h") == 0 || g_strcmp0 (argv[i], "--help") == 0)
        {
          g_print ("%s", _(usage_text));
          return 0;
        }
      else if (argv[i][0] == '-')
        return hmr_cli_usage_error (NULL);
      else
        break;
    }
  if (i >= argc)
    return hmr_cli_usage_error (_("No command given."));

  command = argv[i];
  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (g_strcmp0 (command, commands[c].name) == 0)
      run = commands[c].run;
  if (run == NULL)
    {
      g_autofree char *msg = g_strdup_printf (_("Unknown command “%s”."), command);
      return hmr_cli_usage_error (msg);
    }

  /* Options may also follow the command */
  {
    g_autoptr(GPtrArray) rest = g_ptr_array_new ();
    int rc;

    for (int j = i; j < argc; j++)
      {
        if (g_strcmp0 (argv[j], "--user") == 0 && j + 1 < argc)
          g.user = argv[++j];
        else if (g_strcmp0 (argv[j], "--password-file") == 0 && j + 1 < argc)
          g.password_file = argv[++j];
        else if (g_strcmp0 (argv[j], "--database") == 0 && j + 1 < argc)
          g.database = argv[++j];
        else if (g_str_has_prefix (argv[j], "--password"))
          return hmr_cli_usage_error (_(no_password_text));
        else
          g_ptr_array_add (rest, argv[j]);
      }
    g_ptr_array_add (rest, NULL);

    store = hmr_store_open (g.database, &error);
    if (store == NULL)
      return hmr_cli_refused (error);

    rc = run (store, &g, rest->len - 1, (char **) rest->pdata);
    return rc;
  }
}
