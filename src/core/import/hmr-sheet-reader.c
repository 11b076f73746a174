/* hmr-sheet-reader.c — one way to read the rows of any file offices keep
 *
 * An .xlsx file is a zip (it starts with "PK"); anything else is read as
 * delimited text.  The content decides, not the name: a workbook saved as
 * "list.csv" by mistake is still read as a workbook.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hmr-import-private.h"

G_DEFINE_QUARK (hmr-import-error-quark, hmr_import_error)

struct _HmrSheetReader
{
  HmrXlsxReader *xlsx;
  HmrCsvReader  *csv;
};

static gboolean
is_zip (const char  *path,
        gboolean    *zip,
        GError     **error)
{
  char magic[4] = { 0 };
  FILE *f = g_fopen (path, "rb");
  size_t n;

  if (f == NULL)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("“%s” cannot be opened: %s"), path, g_strerror (errno));
      return FALSE;
    }
  n = fread (magic, 1, sizeof magic, f);
  fclose (f);
  *zip = n >= 2 && magic[0] == 'P' && magic[1] == 'K';
  if (!*zip && (g_str_has_suffix (path, ".xlsx") || g_str_has_suffix (path, ".XLSX")))
    {
      g_set_error (error, HMR_IMPORT_ERROR, HMR_IMPORT_ERROR_FORMAT,
                   _("“%s” is not an Excel workbook: an .xlsx file is a zip archive, and this one is not "
                     "(it may be damaged, or an old .xls renamed)."), path);
      return FALSE;
    }
  if (!*zip && (g_str_has_suffix (path, ".xls") || g_str_has_suffix (path, ".XLS")))
    {
      g_set_error (error, HMR_IMPORT_ERROR, HMR_IMPORT_ERROR_FORMAT,
                   _("“%s” is an old Excel 97–2003 file. Open it in Excel or LibreOffice and save it as .xlsx or .csv."),
                   path);
      return FALSE;
    }
  return TRUE;
}

HmrSheetReader *
hmr_sheet_reader_open_limited (const char  *path,
                               const char  *sheet,
                               guint64      max_part_bytes,
                               GError     **error)
{
  HmrSheetReader *self;
  gboolean zip;

  g_return_val_if_fail (path != NULL, NULL);

  if (!is_zip (path, &zip, error))
    return NULL;
  self = g_new0 (HmrSheetReader, 1);
  if (zip)
    self->xlsx = hmr_xlsx_reader_open (path, sheet, max_part_bytes, error);
  else
    self->csv = hmr_csv_reader_open (path, error);
  if (self->xlsx == NULL && self->csv == NULL)
    {
      g_free (self);
      return NULL;
    }
  return self;
}

/**
 * hmr_sheet_reader_open:
 * @sheet: (nullable): for a workbook, the sheet to read; %NULL for the first
 */
HmrSheetReader *
hmr_sheet_reader_open (const char  *path,
                       const char  *sheet,
                       GError     **error)
{
  return hmr_sheet_reader_open_limited (path, sheet, HMR_SHEET_DEFAULT_MAX_PART_BYTES, error);
}

/**
 * hmr_sheet_reader_next:
 * @cells: (out) (transfer full) (element-type utf8): the row's cells, as
 *   text, "" for an empty cell
 * @row_number: (out): the row's number in the file, counting from 1
 *
 * Rows with no text at all are skipped.
 *
 * Returns: %TRUE with a row; %FALSE at the end (@error unset) or on a
 *   failure (@error set)
 */
gboolean
hmr_sheet_reader_next (HmrSheetReader  *self,
                       GPtrArray      **cells,
                       guint           *row_number,
                       GError         **error)
{
  if (self->xlsx)
    return hmr_xlsx_reader_next (self->xlsx, cells, row_number, error);
  return hmr_csv_reader_next (self->csv, cells, row_number, error);
}

/* "xlsx", or the text's encoding */
const char *
hmr_sheet_reader_get_encoding (HmrSheetReader *self)
{
  return self->xlsx ? "xlsx" : hmr_csv_reader_get_encoding (self->csv);
}

void
hmr_sheet_reader_free (HmrSheetReader *self)
{
  if (self == NULL)
    return;
  hmr_xlsx_reader_free (self->xlsx);
  hmr_csv_reader_free (self->csv);
  g_free (self);
}

/**
 * hmr_sheet_list_sheets:
 *
 * Returns: (transfer full) (element-type utf8): a workbook's sheet names;
 *   an empty array for a text file
 */
GPtrArray *
hmr_sheet_list_sheets (const char  *path,
                       GError     **error)
{
  gboolean zip;

  if (!is_zip (path, &zip, error))
    return NULL;
  if (!zip)
    return g_ptr_array_new_with_free_func (g_free);
  return hmr_xlsx_list_sheets (path, error);
}
