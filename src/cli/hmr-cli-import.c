/* hmr-cli-import.c — import beneficiaries FILE [--dry-run] [--report FILE.xlsx]
 *   [--mapping FILE] [--sheet NAME]; import list; import undo ID; import fields
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "hmr-cli.h"
#include "hmr-import.h"

/* --mapping FILE: one "Header = field" per line; fields as in
 * `hamroh-cli import fields` */
static HmrImportMapping *
read_mapping_file (const char  *path,
                   GPtrArray   *headers,
                   GError     **error)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  HmrImportMapping *mapping;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  mapping = hmr_import_mapping_from_string ("", headers->len);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) kv = g_strsplit (lines[i], "=", 2);
      HmrImportField field;
      gboolean found = FALSE;

      if (g_strv_length (kv) != 2)
        continue;
      g_strstrip (kv[0]);
      g_strstrip (kv[1]);
      field = hmr_import_field_from_key (kv[1]);
      if (field == HMR_IMPORT_FIELD_NONE && g_strcmp0 (kv[1], "none") != 0)
        {
          g_set_error (error, HMR_IMPORT_ERROR, HMR_IMPORT_ERROR_MAPPING,
                       _("%s, line %u: “%s” is not a field (see hamroh-cli import fields)."),
                       path, i + 1, kv[1]);
          hmr_import_mapping_free (mapping);
          return NULL;
        }
      for (guint c = 0; c < headers->len; c++)
        if (g_strcmp0 (g_ptr_array_index (headers, c), kv[0]) == 0)
          {
            hmr_import_mapping_set (mapping, c, field);
            found = TRUE;
          }
      if (!found)
        {
          g_set_error (error, HMR_IMPORT_ERROR, HMR_IMPORT_ERROR_MAPPING,
                       _("%s, line %u: the file has no column “%s”."), path, i + 1, kv[0]);
          hmr_import_mapping_free (mapping);
          return NULL;
        }
    }
  return mapping;
}

static gboolean opt_dry_run;
static char *opt_report;
static char *opt_mapping;
static char *opt_sheet;

static GOptionEntry options[] = {
  { "dry-run", 0, 0, G_OPTION_ARG_NONE, &opt_dry_run, N_("check every row and write nothing"), NULL },
  { "report", 0, 0, G_OPTION_ARG_FILENAME, &opt_report,
    N_("write the rows not imported, with their problems, to FILE"), "FILE.xlsx" },
  { "mapping", 0, 0, G_OPTION_ARG_FILENAME, &opt_mapping,
    N_("the columns' fields, one “Header = field” a line (see import fields)"), "FILE" },
  { "sheet", 0, 0, G_OPTION_ARG_STRING, &opt_sheet, N_("the workbook's sheet to read (default: the first)"), "NAME" },
  { NULL }
};

static int
run_beneficiaries (HmrCli      *cli,
                   char *const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) actor = NULL;
  g_autoptr(HmrImportFile) file = NULL;
  g_autoptr(HmrImportMapping) mapping = NULL;
  g_autoptr(HmrImportResult) result = NULL;
  GPtrArray *headers;

  actor = hmr_cli_authenticate (cli, &error);
  if (actor == NULL)
    return hmr_cli_refused (error);
  file = hmr_import_file_open (args[0], opt_sheet, &error);
  if (file == NULL)
    return hmr_cli_refused (error);
  headers = hmr_import_file_get_headers (file);

  if (opt_mapping != NULL)
    mapping = read_mapping_file (opt_mapping, headers, &error);
  else
    {
      mapping = hmr_store_load_import_mapping (cli->store, actor, headers, &error);
      if (mapping == NULL && error == NULL)
        mapping = hmr_import_mapping_propose (headers);
    }
  if (mapping == NULL)
    return hmr_cli_refused (error);

  for (guint c = 0; c < headers->len; c++)
    g_printerr (_("Column “%s”: %s\n"), (const char *) g_ptr_array_index (headers, c),
                hmr_import_field_get_label (hmr_import_mapping_get (mapping, c)));

  result = hmr_import_run (cli->store, actor, file, mapping, opt_dry_run, NULL, NULL, NULL, &error);
  if (result == NULL)
    return hmr_cli_refused (error);
  if (!opt_dry_run && !hmr_store_save_import_mapping (cli->store, actor, headers, mapping, &error))
    return hmr_cli_refused (error);

  if (result->already_imported)
    g_print ("%s\n", result->already_imported);
  g_print (_("Rows read: %u\n"), result->n_rows);
  g_print (_("New people: %u\n"), result->n_new);
  g_print (_("Likely duplicates: %u\n"), result->n_duplicates);
  g_print (_("Rows with problems: %u\n"), result->n_errors);
  if (!opt_dry_run)
    g_print (_("Imported: %u (import %s)\n"), result->n_imported, result->batch_id);
  if (opt_report != NULL)
    {
      if (!hmr_import_write_report (result, opt_report, &error))
        return hmr_cli_refused (error);
      g_print (_("Report: %s\n"), opt_report);
    }
  return 0;
}

const HmrCliCommand hmr_cli_import_beneficiaries = {
  .name = "import beneficiaries",
  .parameters = "FILE",
  .summary = N_("bring in a list of people from .xlsx, .csv or .tsv (caseworker, supervisor)"),
  .description = N_("Every row is checked as the registration form checks it and matched against the "
                    "registered people and the file's other rows; --dry-run stops there. The rows that "
                    "pass are registered in one transaction, as one import a supervisor can undo."),
  .options = options,
  .min_args = 1,
  .max_args = 1,
  .run = run_beneficiaries,
};

static int
run_list (HmrCli      *cli,
          char *const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) actor = NULL;
  g_autoptr(GPtrArray) batches = NULL;

  actor = hmr_cli_authenticate (cli, &error);
  if (actor == NULL)
    return hmr_cli_refused (error);
  batches = hmr_store_list_import_batches (cli->store, actor, &error);
  if (batches == NULL)
    return hmr_cli_refused (error);
  for (guint i = 0; i < batches->len; i++)
    {
      HmrImportBatch *b = g_ptr_array_index (batches, i);
      g_autofree char *rows = g_strdup_printf ("%u", b->n_rows);
      g_autofree char *imported = g_strdup_printf ("%u", b->n_imported);
      g_autofree char *duplicates = g_strdup_printf ("%u", b->n_duplicates);
      g_autofree char *problems = g_strdup_printf ("%u", b->n_errors);
      const char *fields[] = {
        b->id, b->created_at, b->created_by, b->file_name, rows, imported, duplicates, problems, b->undone_at,
      };

      hmr_cli_print_tsv (fields, G_N_ELEMENTS (fields));
    }
  return 0;
}

const HmrCliCommand hmr_cli_import_list = {
  .name = "import list",
  .summary = N_("the imports made, newest first, as TSV (id, when, who, file, rows, imported, "
                "duplicates, problems, undone)"),
  .run = run_list,
};

static int
run_undo (HmrCli      *cli,
          char *const *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) actor = NULL;

  actor = hmr_cli_authenticate (cli, &error);
  if (actor == NULL)
    return hmr_cli_refused (error);
  if (!hmr_store_undo_import_batch (cli->store, actor, args[0], &error))
    return hmr_cli_refused (error);
  g_print (_("The import %s was undone: the people it registered are archived.\n"), args[0]);
  return 0;
}

const HmrCliCommand hmr_cli_import_undo = {
  .name = "import undo",
  .parameters = "ID",
  .summary = N_("archive everyone an import registered (supervisor)"),
  .min_args = 1,
  .max_args = 1,
  .run = run_undo,
};

static int
run_fields (HmrCli      *cli,
            char *const *args)
{
  for (guint f = 1; f < HMR_IMPORT_N_FIELDS; f++)
    g_print ("%s\t%s\n", hmr_import_field_get_key (f), hmr_import_field_get_label (f));
  return 0;
}

const HmrCliCommand hmr_cli_import_fields = {
  .name = "import fields",
  .summary = N_("the fields a column can be imported into, for --mapping"),
  .run = run_fields,
};
