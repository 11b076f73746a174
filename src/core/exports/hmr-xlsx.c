/* hmr-xlsx.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "hmr-beneficiary.h"
#include "hmr-money.h"
#include "hmr-xlsx.h"

G_DEFINE_QUARK (hmr-xlsx-error-quark, hmr_xlsx_error)

struct _HmrXlsx
{
  char           *path;
  char           *partial;
  char           *tmpdir;
  lxw_workbook   *workbook;
  HmrXlsxFormats  formats;
  locale_t        c_locale;
  locale_t        saved_locale;
};

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (dir);
}

static void
free_self (HmrXlsx *self)
{
  if (self->saved_locale)
    uselocale (self->saved_locale);
  if (self->c_locale)
    freelocale (self->c_locale);
  if (self->tmpdir)
    remove_tree (self->tmpdir);
  g_free (self->tmpdir);
  g_free (self->path);
  g_free (self->partial);
  g_free (self);
}

/**
 * hmr_xlsx_new:
 *
 * Starts an Excel file at @path.  Numbers are written in the C locale
 * whatever the user's (libxlsxwriter formats them with printf); this
 * thread's locale is switched until hmr_xlsx_finish() or _abandon().
 */
HmrXlsx *
hmr_xlsx_new (const char  *path,
              gboolean     constant_memory,
              GError     **error)
{
  HmrXlsx *self = g_new0 (HmrXlsx, 1);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  lxw_workbook_options options = { 0 };
  int fd;

  self->path = g_strdup (path);
  self->tmpdir = g_dir_make_tmp ("hamroh-xlsx-XXXXXX", error);
  if (self->tmpdir == NULL)
    {
      free_self (self);
      return NULL;
    }

  /* the partial file lives beside the final one, so the rename is atomic */
  self->partial = g_build_filename (dir, ".hamroh-partial-XXXXXX", NULL);
  fd = g_mkstemp_full (self->partial, O_RDWR, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot write in the folder “%s”: %s"), dir, g_strerror (saved));
      g_clear_pointer (&self->partial, g_free);
      free_self (self);
      return NULL;
    }
  close (fd);

  /* Only the numbers change: the locale is derived from the current one,
   * so messages (sheet names, coded values) stay in the user's language */
  {
    locale_t current = duplocale (uselocale ((locale_t) 0));

    if (current != (locale_t) 0)
      {
        self->c_locale = newlocale (LC_NUMERIC_MASK, "C", current);
        if (self->c_locale == (locale_t) 0)
          freelocale (current);
      }
  }
  if (self->c_locale)
    self->saved_locale = uselocale (self->c_locale);

  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  options.tmpdir = self->tmpdir;
  self->workbook = workbook_new_opt (self->partial, &options);
  if (self->workbook == NULL)
    {
      g_set_error (error, HMR_XLSX_ERROR, 0, _("Could not start the Excel file “%s”."), base);
      g_unlink (self->partial);
      free_self (self);
      return NULL;
    }

  self->formats.header = workbook_add_format (self->workbook);
  format_set_bold (self->formats.header);
  format_set_bottom (self->formats.header, LXW_BORDER_THIN);
  format_set_text_wrap (self->formats.header);
  format_set_align (self->formats.header, LXW_ALIGN_VERTICAL_TOP);
  self->formats.date = workbook_add_format (self->workbook);
  format_set_num_format (self->formats.date, "dd.mm.yyyy");
  self->formats.money = workbook_add_format (self->workbook);
  {
    g_autofree char *money = hmr_money_xlsx_format (NULL);
    format_set_num_format (self->formats.money, money);
  }
  self->formats.integer = workbook_add_format (self->workbook);
  format_set_num_format (self->formats.integer, "0");
  self->formats.text_wrap = workbook_add_format (self->workbook);
  format_set_text_wrap (self->formats.text_wrap);
  self->formats.total = workbook_add_format (self->workbook);
  format_set_bold (self->formats.total);
  return self;
}

lxw_workbook *
hmr_xlsx_get_workbook (HmrXlsx *self)
{
  return self->workbook;
}

const HmrXlsxFormats *
hmr_xlsx_get_formats (HmrXlsx *self)
{
  return &self->formats;
}

lxw_worksheet *
hmr_xlsx_add_sheet (HmrXlsx    *self,
                    const char *name)
{
  return workbook_add_worksheet (self->workbook, name);
}

/**
 * hmr_xlsx_header:
 * @widths: (nullable): column widths, one per title
 *
 * Writes the header row, frozen, with an autofilter over the columns
 * (hmr_xlsx_filter() extends it over the data once written), and sets the
 * sheet up to print as it is: A4 landscape, one page wide, the header row
 * repeated on every page, gridlines and page numbers.  In constant_memory
 * mode call it before any other row.
 */
void
hmr_xlsx_header (HmrXlsx            *self,
                 lxw_worksheet      *sheet,
                 const char * const *titles,
                 const double       *widths)
{
  guint16 n = 0;

  for (; titles[n]; n++)
    {
      worksheet_write_string (sheet, 0, n, titles[n], self->formats.header);
      if (widths)
        worksheet_set_column (sheet, n, n, widths[n], NULL);
    }
  worksheet_freeze_panes (sheet, 1, 0);
  if (n > 0)
    worksheet_autofilter (sheet, 0, 0, 0, n - 1);

  worksheet_set_paper (sheet, 9);                /* A4 */
  worksheet_set_landscape (sheet);
  worksheet_set_margins (sheet, 0.4, 0.4, 0.6, 0.6);
  worksheet_fit_to_pages (sheet, 1, 0);          /* one page wide, as long as it takes */
  worksheet_repeat_rows (sheet, 0, 0);
  worksheet_gridlines (sheet, LXW_SHOW_ALL_GRIDLINES);
  /* "page 3 / 12", in every language */
  worksheet_set_footer (sheet, "&C&P / &N");
}

/**
 * hmr_xlsx_filter:
 * @last_row: the last data row (0 when there is none)
 *
 * Sets the autofilter over the header and rows 1 to @last_row only: a
 * total written below (after a blank row) stays in place when the data
 * are sorted or filtered.
 */
void
hmr_xlsx_filter (HmrXlsx       *self,
                 lxw_worksheet *sheet,
                 guint32        last_row)
{
  if (!sheet->autofilter.in_use)
    return;
  worksheet_autofilter (sheet, 0, 0, last_row, sheet->autofilter.last_col);
}

/* Always a string cell: worksheet_write_string never makes a formula */
void
hmr_xlsx_text (lxw_worksheet *sheet,
               guint32        row,
               guint16        col,
               const char    *text)
{
  if (text == NULL || text[0] == '\0')
    return;
  g_autofree char *clean = hmr_xlsx_clean_text (text);

  worksheet_write_string (sheet, row, col, clean ? clean : text, NULL);
}

/**
 * hmr_xlsx_excel_date:
 *
 * Returns: the Excel serial number of an ISO 8601 date (the time of day,
 *   if any, is ignored), or NAN when it is not a date
 */
double
hmr_xlsx_excel_date (const char *iso_date)
{
  GDate d, epoch;

  if (iso_date == NULL || !hmr_parse_user_date (iso_date, &d))
    {
      g_autofree char *day = iso_date ? g_strndup (iso_date, 10) : NULL;
      if (day == NULL || !hmr_parse_user_date (day, &d))
        return NAN;
    }
  g_date_clear (&epoch, 1);
  g_date_set_dmy (&epoch, 30, G_DATE_DECEMBER, 1899);
  return g_date_days_between (&epoch, &d);
}

void
hmr_xlsx_date (HmrXlsx       *self,
               lxw_worksheet *sheet,
               guint32        row,
               guint16        col,
               const char    *iso_date)
{
  double serial = hmr_xlsx_excel_date (iso_date);

  if (isnan (serial))
    return;
  worksheet_write_number (sheet, row, col, serial, self->formats.date);
}

void
hmr_xlsx_money (HmrXlsx       *self,
                lxw_worksheet *sheet,
                guint32        row,
                guint16        col,
                gint64         dirams)
{
  worksheet_write_number (sheet, row, col, dirams / 100.0, self->formats.money);
}

void
hmr_xlsx_number (HmrXlsx       *self,
                 lxw_worksheet *sheet,
                 guint32        row,
                 guint16        col,
                 double         value)
{
  worksheet_write_number (sheet, row, col, value, NULL);
}

/**
 * hmr_xlsx_finish:
 *
 * Closes the workbook and moves it to its final name.  On failure nothing
 * is left behind and the previous file of that name, if any, is untouched.
 * Frees @self either way.
 */
/* Flushes @path's data to the disk */
static gboolean
sync_file (const char  *path,
           GError     **error)
{
  int fd = g_open (path, O_RDONLY, 0);
  int saved;

  if (fd >= 0 && fsync (fd) == 0)
    {
      close (fd);
      return TRUE;
    }
  saved = errno;
  if (fd >= 0)
    close (fd);
  g_set_error (error, HMR_XLSX_ERROR, HMR_XLSX_ERROR_IO,
               _("The Excel file could not be written to the disk (%s). Nothing was saved."),
               g_strerror (saved));
  return FALSE;
}

/* The folder's entry of the renamed file, to the disk too (best effort:
 * some file systems refuse to sync a folder) */
static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/**
 * hmr_xlsx_finish:
 *
 * Closes the workbook, reads it back whole, flushes it to the disk and
 * moves it to its final name.  On failure nothing is left behind and the
 * previous file of that name, if any, is untouched.  Frees @self either
 * way.
 */
gboolean
hmr_xlsx_finish (HmrXlsx  *self,
                 GError  **error)
{
  g_autoptr(GArray) last_rows = g_array_new (FALSE, TRUE, sizeof (guint32));
  lxw_worksheet *sheet;
  lxw_error rc;

  /* what each sheet must end with, read before the workbook frees them */
  LXW_FOREACH_WORKSHEET (sheet, self->workbook)
    {
      guint32 last = sheet->dim_rowmin == LXW_ROW_MAX ? 0 : sheet->dim_rowmax + 1;

      if (sheet->index >= last_rows->len)
        g_array_set_size (last_rows, sheet->index + 1);
      g_array_index (last_rows, guint32, sheet->index) = last;
    }

  rc = workbook_close (self->workbook);
  self->workbook = NULL;
  if (rc != LXW_NO_ERROR)
    {
      g_set_error (error, HMR_XLSX_ERROR, rc,
                   _("The Excel file could not be written (%s). Is the disk full? Nothing was saved."),
                   lxw_strerror (rc));
      g_unlink (self->partial);
      free_self (self);
      return FALSE;
    }
  if (!hmr_xlsx_verify (self->partial, self->path, last_rows->len, (const guint32 *) last_rows->data, error) ||
      !sync_file (self->partial, error))
    {
      g_unlink (self->partial);
      free_self (self);
      return FALSE;
    }
  if (g_rename (self->partial, self->path) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not save “%s”: %s"), self->path, g_strerror (saved));
      g_unlink (self->partial);
      free_self (self);
      return FALSE;
    }
  g_chmod (self->path, 0600);
  sync_folder (self->path);
  free_self (self);
  return TRUE;
}

/* Gives up: removes what was written so far.  Frees @self. */
void
hmr_xlsx_abandon (HmrXlsx *self)
{
  if (self->workbook)
    {
      workbook_close (self->workbook);
      self->workbook = NULL;
    }
  g_unlink (self->partial);
  free_self (self);
}
