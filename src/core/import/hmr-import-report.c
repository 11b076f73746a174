/* hmr-import-report.c — the rows that were not imported, as a workbook
 *
 * The sheet "Problems" has the rows that could not be read, with the
 * file's own columns first, under the file's own headers, and then a
 * column that names each problem's field and says what is wrong: fix the
 * cells, delete the last two columns or not, and import the sheet again.
 * The sheet "Likely duplicates" has the rows that were left out because
 * the person seems registered already.  Every cell is written as text: a
 * cell that held "=…" stays text, never a formula.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-import-private.h"
#include "hmr-xlsx.h"

/* Excel refuses longer cells */
#define MAX_CELL_CHARS 32000

static void
write_cell (lxw_worksheet *sheet,
            guint32        row,
            guint16        col,
            const char    *text)
{
  if (text != NULL && g_utf8_validate (text, -1, NULL) && g_utf8_strlen (text, -1) > MAX_CELL_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (text, 0, MAX_CELL_CHARS);
      g_autofree char *shown = g_strconcat (cut, "…", NULL);
      hmr_xlsx_text (sheet, row, col, shown);
      return;
    }
  hmr_xlsx_text (sheet, row, col, text);
}

static void
write_sheet (HmrXlsx            *xlsx,
             HmrImportResult    *result,
             const char         *name,
             HmrImportRowStatus  status)
{
  lxw_worksheet *sheet = hmr_xlsx_add_sheet (xlsx, name);
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  g_autoptr(GArray) widths = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_columns = result->headers->len;
  guint32 row = 1;

  for (guint i = 0; i < result->rows->len; i++)
    {
      HmrImportRow *r = g_ptr_array_index (result->rows, i);
      n_columns = MAX (n_columns, r->cells->len);
    }
  for (guint c = 0; c < n_columns; c++)
    {
      double w = 16;
      g_ptr_array_add (titles, c < result->headers->len ? g_ptr_array_index (result->headers, c) : "");
      g_array_append_val (widths, w);
    }
  g_ptr_array_add (titles, (gpointer) _("Problems"));
  g_ptr_array_add (titles, (gpointer) _("Row in the original file"));
  g_ptr_array_add (titles, NULL);
  {
    double w = 60, n = 12;
    g_array_append_val (widths, w);
    g_array_append_val (widths, n);
  }
  hmr_xlsx_header (xlsx, sheet, (const char * const *) titles->pdata, (const double *) widths->data);

  for (guint i = 0; i < result->rows->len; i++)
    {
      HmrImportRow *r = g_ptr_array_index (result->rows, i);
      GString *problems;

      if (r->status != status)
        continue;
      for (guint c = 0; c < r->cells->len; c++)
        write_cell (sheet, row, c, g_ptr_array_index (r->cells, c));
      problems = g_string_new (NULL);
      for (guint p = 0; p < r->problems->len; p++)
        {
          HmrImportProblem *problem = g_ptr_array_index (r->problems, p);
          if (p > 0)
            g_string_append_c (problems, '\n');
          /* Translators: one problem in the import report: the field, then what is wrong */
          g_string_append_printf (problems, _("%s — %s"), problem->field, problem->message);
        }
      worksheet_write_string (sheet, row, n_columns, problems->str, hmr_xlsx_get_formats (xlsx)->text_wrap);
      g_string_free (problems, TRUE);
      hmr_xlsx_number (xlsx, sheet, row, n_columns + 1, r->row_number);
      row++;
    }
}

/**
 * hmr_import_write_report:
 *
 * Writes the rows of @result that were not imported to @path; the file
 * appears only when complete.
 */
gboolean
hmr_import_write_report (HmrImportResult  *result,
                         const char       *path,
                         GError          **error)
{
  HmrXlsx *xlsx;

  g_return_val_if_fail (result != NULL && path != NULL, FALSE);

  xlsx = hmr_xlsx_new (path, FALSE, error);
  if (xlsx == NULL)
    return FALSE;
  write_sheet (xlsx, result, _("Problems"), HMR_IMPORT_ROW_ERROR);
  write_sheet (xlsx, result, _("Likely duplicates"), HMR_IMPORT_ROW_DUPLICATE);
  return hmr_xlsx_finish (xlsx, error);
}
