/* hmr-cli-sync.c — hamroh-cli enrolment create, enrol, sync send, sync
 * receive, sync conflicts, sync resolve: offices and HQ in step through
 * any folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-cli.h"
#include "hmr-sync.h"

/* ---- enrolment create --office CODE -o FILE ---------------------------- */

static char *opt_office;
static char *opt_output;

static GOptionEntry enrolment_options[] = {
  { "office", 0, 0, G_OPTION_ARG_STRING, &opt_office, N_("the office's code, as in its case numbers"), "CODE" },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("the enrolment file to write"), "FILE" },
  { NULL }
};

static gboolean
check_enrolment (GError **error)
{
  if (opt_office == NULL)
    return hmr_cli_bad_option (error, _("enrolment create needs --office CODE."));
  if (opt_output == NULL)
    return hmr_cli_bad_option (error, _("enrolment create needs -o FILE."));
  return TRUE;
}

static int
run_enrolment (HmrCli      *cli,
               char *const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) actor = NULL;
  g_autofree char *id = NULL;

  actor = hmr_cli_authenticate (cli, &error);
  if (actor == NULL)
    return hmr_cli_refused (error);
  if (!hmr_store_sync_create_enrolment (cli->store, actor, opt_office, opt_output, &id, &error))
    return hmr_cli_refused (error);
  /* Translators: %s are the office's code, the file and the new installation's id */
  g_print (_("Enrolment of a new installation of %s written to %s (installation %s). "
             "It holds the office's records and password hashes: carry it like a backup.\n"),
           opt_office, opt_output, id);
  return 0;
}

const HmrCliCommand hmr_cli_enrolment_create = {
  .name = "enrolment create",
  .summary = N_("at HQ: write the file that sets up a new installation of one office"),
  .description = N_("Makes this database the HQ hub the first time. Administrators only."),
  .options = enrolment_options,
  .check = check_enrolment,
  .run = run_enrolment,
};

/* ---- enrol FILE --------------------------------------------------------- */

static int
run_enrol (HmrCli      *cli,
           char *const *args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (!hmr_store_sync_enrol (cli->store, args[0], &error))
    return hmr_cli_refused (error);
  id = hmr_store_sync_dup_installation_id (cli->store);
  g_print (_("This database is now an office installation (%s). Send a first bundle to HQ with “sync send”.\n"),
           id);
  return 0;
}

const HmrCliCommand hmr_cli_enrol = {
  .name = "enrol",
  .parameters = "FILE",
  .summary = N_("make a new, empty database an office installation from HQ's enrolment file"),
  .min_args = 1,
  .max_args = 1,
  .creates_database = TRUE,
  .run = run_enrol,
};

/* ---- sync send --to DIR ------------------------------------------------- */

static char *opt_to;

static GOptionEntry send_options[] = {
  { "to", 0, 0, G_OPTION_ARG_FILENAME, &opt_to, N_("the folder bundles travel through"), "DIR" },
  { NULL }
};

static gboolean
check_send (GError **error)
{
  if (opt_to == NULL)
    return hmr_cli_bad_option (error, _("sync send needs --to DIR."));
  return TRUE;
}

static int
run_send (HmrCli      *cli,
          char *const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) actor = NULL;
  g_autoptr(GPtrArray) sent = NULL;

  actor = hmr_cli_authenticate (cli, &error);
  if (actor == NULL)
    return hmr_cli_refused (error);
  sent = hmr_store_sync_send (cli->store, actor, opt_to, &error);
  if (sent == NULL)
    return hmr_cli_refused (error);
  if (sent->len == 0)
    g_print ("%s\n", _("Nothing to send."));
  for (guint i = 0; i < sent->len; i++)
    {
      HmrSyncSent *s = g_ptr_array_index (sent, i);
      /* Translators: "sent FILE to OFFICE: N changes, M audit rows" */
      g_print (_("sent %s to %s: %u changes, %u audit rows\n"), s->file, s->peer_office, s->n_changes,
               s->n_audit_rows);
    }
  return 0;
}

const HmrCliCommand hmr_cli_sync_send = {
  .name = "sync send",
  .summary = N_("write a bundle for each installation that has something to receive"),
  .options = send_options,
  .check = check_send,
  .run = run_send,
};

/* ---- sync receive DIR --------------------------------------------------- */

static int
run_receive (HmrCli      *cli,
             char *const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) actor = NULL;
  g_autoptr(GPtrArray) received = NULL;
  int status = 0;

  actor = hmr_cli_authenticate (cli, &error);
  if (actor == NULL)
    return hmr_cli_refused (error);
  received = hmr_store_sync_receive_dir (cli->store, actor, args[0], &error);
  if (received == NULL)
    return hmr_cli_refused (error);
  if (received->len == 0)
    g_print ("%s\n", _("No bundles for this installation."));
  for (guint i = 0; i < received->len; i++)
    {
      HmrSyncReceived *r = g_ptr_array_index (received, i);

      switch (r->outcome)
        {
        case HMR_BUNDLE_APPLIED:
          g_print (_("applied %s: %u changes, %u conflicts\n"), r->file, r->n_changes, r->n_conflicts);
          break;
        case HMR_BUNDLE_ALREADY_APPLIED:
          g_print (_("already applied %s\n"), r->file);
          break;
        case HMR_BUNDLE_WAITING:
          g_print (_("waiting: %s\n"), r->message);
          break;
        case HMR_BUNDLE_REFUSED:
        default:
          g_printerr ("hamroh-cli: %s\n", r->message);
          status = HMR_CLI_EXIT_REFUSED;
          break;
        }
    }
  return status;
}

const HmrCliCommand hmr_cli_sync_receive = {
  .name = "sync receive",
  .parameters = "DIR",
  .summary = N_("apply every bundle in the folder addressed to this installation"),
  .min_args = 1,
  .max_args = 1,
  .run = run_receive,
};

/* ---- sync conflicts [--all] --------------------------------------------- */

static gboolean opt_all;

static GOptionEntry conflicts_options[] = {
  { "all", 0, 0, G_OPTION_ARG_NONE, &opt_all, N_("also the conflicts already resolved"), NULL },
  { NULL }
};

static int
run_conflicts (HmrCli      *cli,
               char *const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) actor = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;

  actor = hmr_cli_authenticate (cli, &error);
  if (actor == NULL)
    return hmr_cli_refused (error);
  conflicts = hmr_store_sync_list_conflicts (cli->store, actor, !opt_all, &error);
  if (conflicts == NULL)
    return hmr_cli_refused (error);
  for (guint i = 0; i < conflicts->len; i++)
    {
      HmrSyncConflict *c = g_ptr_array_index (conflicts, i);
      const char *fields[] = {
        c->id, c->detected_at, c->table, c->record_id, c->column, c->kept, c->lost, c->rule, c->status,
      };

      hmr_cli_print_tsv (fields, G_N_ELEMENTS (fields));
    }
  return 0;
}

const HmrCliCommand hmr_cli_sync_conflicts = {
  .name = "sync conflicts",
  .summary = N_("the values a merge set aside, as TSV (id, when, table, record, field, kept, set aside, rule, status)"),
  .options = conflicts_options,
  .run = run_conflicts,
};

/* ---- sync resolve ID --keep|--restore ----------------------------------- */

static gboolean opt_keep;
static gboolean opt_restore;

static GOptionEntry resolve_options[] = {
  { "keep", 0, 0, G_OPTION_ARG_NONE, &opt_keep, N_("keep the value in force"), NULL },
  { "restore", 0, 0, G_OPTION_ARG_NONE, &opt_restore, N_("put the value that was set aside back"), NULL },
  { NULL }
};

static gboolean
check_resolve (GError **error)
{
  if (opt_keep == opt_restore)
    return hmr_cli_bad_option (error, _("sync resolve needs either --keep or --restore."));
  return TRUE;
}

static int
run_resolve (HmrCli      *cli,
             char *const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) actor = NULL;

  actor = hmr_cli_authenticate (cli, &error);
  if (actor == NULL)
    return hmr_cli_refused (error);
  if (!hmr_store_sync_resolve_conflict (cli->store, actor, args[0], opt_restore, &error))
    return hmr_cli_refused (error);
  return 0;
}

const HmrCliCommand hmr_cli_sync_resolve = {
  .name = "sync resolve",
  .parameters = "ID",
  .summary = N_("settle a conflict: keep the value in force or restore the one set aside"),
  .options = resolve_options,
  .min_args = 1,
  .max_args = 1,
  .check = check_resolve,
  .run = run_resolve,
};
