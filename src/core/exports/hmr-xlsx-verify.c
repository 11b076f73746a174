/* hmr-xlsx-verify.c — reads a finished workbook back before it is trusted
 *
 * libxlsxwriter does not notice when a write to one of its temporary files
 * fails (a full temporary folder, a file size limit): it then assembles a
 * workbook whose sheets are cut short and reports success.  So every
 * export reads its file back before it takes the final name: the zip must
 * open, every part must inflate with a matching CRC, every XML part must be
 * well-formed, the parts a workbook needs must be there, and each sheet
 * must end on the row the export wrote last.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <expat.h>
#include <unzip.h>
#include <glib/gi18n-lib.h>

#include "hmr-xlsx.h"

#define CHUNK 65536

typedef struct
{
  gint64  last_row;     /* the r of the last <row>, 0 when none */
  gint64  n_rows;
} SheetScan;

static void XMLCALL
on_start (void        *data,
          const char  *name,
          const char **atts)
{
  SheetScan *scan = data;

  if (strcmp (name, "row") != 0)
    return;
  scan->n_rows++;
  for (guint i = 0; atts[i] && atts[i + 1]; i += 2)
    if (strcmp (atts[i], "r") == 0)
      scan->last_row = g_ascii_strtoll (atts[i + 1], NULL, 10);
}

static gboolean
is_xml_part (const char *name)
{
  return g_str_has_suffix (name, ".xml") || g_str_has_suffix (name, ".rels");
}

/* Inflates the current entry, parsing it if it is XML */
static gboolean
read_entry (unzFile      zip,
            const char  *name,
            SheetScan   *scan,
            char       **problem)
{
  g_autofree char *buf = g_malloc (CHUNK);
  XML_Parser parser = NULL;
  gboolean ok = TRUE;
  int n;

  if (unzOpenCurrentFile (zip) != UNZ_OK)
    {
      *problem = g_strdup_printf ("%s: cannot be opened", name);
      return FALSE;
    }
  if (is_xml_part (name))
    {
      parser = XML_ParserCreate ("UTF-8");
      XML_SetUserData (parser, scan);
      XML_SetStartElementHandler (parser, on_start);
    }
  while ((n = unzReadCurrentFile (zip, buf, CHUNK)) > 0)
    {
      if (parser && XML_Parse (parser, buf, n, 0) == XML_STATUS_ERROR)
        {
          *problem = g_strdup_printf ("%s: %s at line %lu", name,
                                      XML_ErrorString (XML_GetErrorCode (parser)),
                                      (unsigned long) XML_GetCurrentLineNumber (parser));
          ok = FALSE;
          break;
        }
    }
  if (ok && n < 0)
    {
      *problem = g_strdup_printf ("%s: cannot be inflated (%d)", name, n);
      ok = FALSE;
    }
  if (ok && parser && XML_Parse (parser, "", 0, 1) == XML_STATUS_ERROR)
    {
      *problem = g_strdup_printf ("%s: %s at its end", name,
                                  XML_ErrorString (XML_GetErrorCode (parser)));
      ok = FALSE;
    }
  if (unzCloseCurrentFile (zip) != UNZ_OK && ok)
    {
      *problem = g_strdup_printf ("%s: its checksum does not match", name);
      ok = FALSE;
    }
  if (parser)
    XML_ParserFree (parser);
  return ok;
}

static gboolean
check_parts (unzFile        zip,
             guint          n_sheets,
             const guint32 *last_rows,
             char         **problem)
{
  g_autofree SheetScan *sheets = g_new0 (SheetScan, n_sheets);
  gboolean seen_types = FALSE, seen_rels = FALSE, seen_book = FALSE;
  g_autofree gboolean *seen_sheet = g_new0 (gboolean, n_sheets);
  int rc;

  for (rc = unzGoToFirstFile (zip); rc == UNZ_OK; rc = unzGoToNextFile (zip))
    {
      char name[512];
      unz_file_info64 info;
      SheetScan other = { 0 };
      SheetScan *scan = &other;
      guint64 index;

      if (unzGetCurrentFileInfo64 (zip, &info, name, sizeof name, NULL, 0, NULL, 0) != UNZ_OK)
        {
          *problem = g_strdup ("a part's header cannot be read");
          return FALSE;
        }
      if (strcmp (name, "[Content_Types].xml") == 0)
        seen_types = TRUE;
      else if (strcmp (name, "_rels/.rels") == 0)
        seen_rels = TRUE;
      else if (strcmp (name, "xl/workbook.xml") == 0)
        seen_book = TRUE;
      else if (g_str_has_prefix (name, "xl/worksheets/sheet") && g_str_has_suffix (name, ".xml"))
        {
          g_autofree char *num = g_strndup (name + strlen ("xl/worksheets/sheet"),
                                            strlen (name) - strlen ("xl/worksheets/sheet") - 4);

          if (g_ascii_string_to_unsigned (num, 10, 1, n_sheets, &index, NULL))
            {
              scan = &sheets[index - 1];
              seen_sheet[index - 1] = TRUE;
            }
        }
      if (!read_entry (zip, name, scan, problem))
        return FALSE;
    }
  if (rc != UNZ_END_OF_LIST_OF_FILE)
    {
      *problem = g_strdup_printf ("the list of parts is damaged (%d)", rc);
      return FALSE;
    }
  if (!seen_types || !seen_rels || !seen_book)
    {
      *problem = g_strdup ("a part every workbook needs is missing");
      return FALSE;
    }
  for (guint i = 0; i < n_sheets; i++)
    {
      if (!seen_sheet[i])
        {
          *problem = g_strdup_printf ("sheet %u is missing", i + 1);
          return FALSE;
        }
      if (sheets[i].last_row != (gint64) last_rows[i])
        {
          *problem = g_strdup_printf ("sheet %u ends at row %" G_GINT64_FORMAT " instead of %u",
                                      i + 1, sheets[i].last_row, last_rows[i]);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * hmr_xlsx_verify:
 * @path: a finished workbook
 * @name: (nullable): the file's name for messages (default: @path's)
 * @n_sheets: how many worksheets it must have
 * @last_rows: for each, the (1-based) number of its last row, 0 when empty
 *
 * Reads the workbook at @path back in full.
 *
 * Returns: %TRUE when it is whole; %FALSE with a message saying what is
 *   wrong with it
 */
gboolean
hmr_xlsx_verify (const char     *path,
                 const char     *name,
                 guint           n_sheets,
                 const guint32  *last_rows,
                 GError        **error)
{
  g_autofree char *base = g_path_get_basename (name ? name : path);
  g_autofree char *problem = NULL;
  unzFile zip;
  gboolean ok;

  zip = unzOpen64 (path);
  if (zip == NULL)
    {
      g_set_error (error, HMR_XLSX_ERROR, HMR_XLSX_ERROR_INCOMPLETE,
                   _("The Excel file “%s” came out incomplete (%s). Is the disk or the temporary folder full? Nothing was saved."),
                   base, "not a whole zip file");
      return FALSE;
    }
  ok = check_parts (zip, n_sheets, last_rows, &problem);
  unzClose (zip);
  if (!ok)
    g_set_error (error, HMR_XLSX_ERROR, HMR_XLSX_ERROR_INCOMPLETE,
                 _("The Excel file “%s” came out incomplete (%s). Is the disk or the temporary folder full? Nothing was saved."),
                 base, problem);
  return ok;
}

/* XML 1.0 allows tab, newline, carriage return and every other character
 * from U+0020 except the surrogates and U+FFFE, U+FFFF */
static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD ||
         (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

/**
 * hmr_xlsx_clean_text:
 *
 * The store refuses such text on input; this is the last line of defence
 * for what came in before (an old database, a received bundle): invalid
 * UTF-8 and characters XML cannot carry become U+FFFD, so one character
 * never breaks a whole workbook.
 *
 * Returns: (nullable): a cleaned copy, or %NULL when @text is fine as it is
 */
char *
hmr_xlsx_clean_text (const char *text)
{
  g_autofree char *valid = NULL;
  const char *p;
  GString *out;

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);
  for (p = text; *p; p = g_utf8_next_char (p))
    if (!is_xml_char (g_utf8_get_char (p)))
      break;
  if (*p == '\0')
    return g_steal_pointer (&valid);

  out = g_string_sized_new (strlen (text));
  for (p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_string_append_unichar (out, is_xml_char (c) ? c : 0xFFFD);
    }
  return g_string_free (out, FALSE);
}
