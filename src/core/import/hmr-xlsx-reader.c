/* hmr-xlsx-reader.c — the rows of one sheet of an .xlsx file, streamed
 *
 * minizip opens the zip; libxml2's xmlTextReader reads each part as it is
 * inflated, so a sheet of a million rows is never held in memory.  Only
 * the shared strings (the text of the cells) are kept, as Excel keeps
 * them.  Every part is refused past a size limit counted on the inflated
 * bytes, not on what the zip claims: a zip bomb stops at the limit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>
#include <unzip.h>

#include "hmr-import-private.h"

/* A part read through minizip, with the inflated bytes counted */
typedef struct
{
  unzFile     zip;
  const char *name;
  guint64     read;
  guint64     limit;
  gboolean    too_large;
  gboolean    broken;
} Part;

struct _HmrXlsxReader
{
  unzFile           zip;
  Part              part;
  xmlTextReaderPtr  xml;
  GPtrArray        *shared;       /* char * */
  GArray           *date_styles;  /* gboolean per cellXfs index */
  gboolean          date1904;
  guint64           limit;
  char             *sheet_path;
  guint             next_row;     /* for rows without an r attribute */
};

static int
part_read (void *context,
           char *buffer,
           int   len)
{
  Part *p = context;
  int n;

  if (p->read >= p->limit)
    {
      p->too_large = TRUE;
      return -1;
    }
  n = unzReadCurrentFile (p->zip, buffer, (unsigned) MIN ((guint64) len, p->limit - p->read + 1));
  if (n < 0)
    {
      p->broken = TRUE;
      return -1;
    }
  p->read += n;
  if (p->read > p->limit)
    {
      p->too_large = TRUE;
      return -1;
    }
  return n;
}

static int
part_close (void *context)
{
  return 0;
}

static void
set_broken (GError    **error,
            const char *part)
{
  g_set_error (error, HMR_IMPORT_ERROR, HMR_IMPORT_ERROR_FORMAT,
               _("The Excel file is damaged or incomplete (%s cannot be read). "
                 "Open it in Excel or LibreOffice and save it again."), part);
}

/* Opens @name inside the zip and an XML reader on it */
static xmlTextReaderPtr
open_part (unzFile      zip,
           Part        *part,
           const char  *name,
           guint64      limit,
           gboolean     required,
           GError     **error)
{
  unz_file_info64 info;
  xmlTextReaderPtr xml;

  memset (part, 0, sizeof *part);
  part->zip = zip;
  part->name = name;
  part->limit = limit;

  if (unzLocateFile (zip, name, 2) != UNZ_OK)
    {
      if (required)
        set_broken (error, name);
      return NULL;
    }
  if (unzGetCurrentFileInfo64 (zip, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK)
    {
      set_broken (error, name);
      return NULL;
    }
  if (info.uncompressed_size > limit)
    {
      g_set_error (error, HMR_IMPORT_ERROR, HMR_IMPORT_ERROR_TOO_LARGE,
                   _("The Excel file is refused: its part %s would take %u MB once unpacked, "
                     "more than the limit of %u MB."),
                   name, (guint) MIN (info.uncompressed_size >> 20, G_MAXUINT), (guint) (limit >> 20));
      return NULL;
    }
  if (unzOpenCurrentFile (zip) != UNZ_OK)
    {
      set_broken (error, name);
      return NULL;
    }
  xml = xmlReaderForIO (part_read, part_close, part, name, NULL,
                        XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR);
  if (xml == NULL)
    {
      unzCloseCurrentFile (zip);
      set_broken (error, name);
    }
  return xml;
}

/* After the last node (or a failure) of a part: an error that says why */
static gboolean
close_part (Part              *part,
            xmlTextReaderPtr   xml,
            int                last_rc,
            GError           **error)
{
  int zrc;

  xmlFreeTextReader (xml);
  zrc = unzCloseCurrentFile (part->zip);
  if (part->too_large)
    {
      g_set_error (error, HMR_IMPORT_ERROR, HMR_IMPORT_ERROR_TOO_LARGE,
                   _("The Excel file is refused: its part %s unpacks to more than %u MB, "
                     "which no list of people needs (it may be a zip bomb)."),
                   part->name, (guint) (part->limit >> 20));
      return FALSE;
    }
  if (last_rc < 0 || part->broken || zrc == UNZ_CRCERROR)
    {
      set_broken (error, part->name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_element (xmlTextReaderPtr xml,
            const char      *local)
{
  const xmlChar *name = xmlTextReaderConstLocalName (xml);
  return name != NULL && strcmp ((const char *) name, local) == 0;
}

static char *
dup_attr (xmlTextReaderPtr xml,
          const char      *name)
{
  xmlChar *v = xmlTextReaderGetAttribute (xml, (const xmlChar *) name);
  char *out = g_strdup ((const char *) v);
  xmlFree (v);
  return out;
}

static gboolean
is_text_node (int type)
{
  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
         type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE || type == XML_READER_TYPE_WHITESPACE;
}

/* ---- the workbook: sheet names, their parts, the date system ------------ */

typedef struct
{
  char *name;
  char *rel_id;
} SheetEntry;

static void
sheet_entry_free (SheetEntry *e)
{
  g_free (e->name);
  g_free (e->rel_id);
  g_free (e);
}

static GPtrArray *
read_workbook (unzFile    zip,
               gboolean  *date1904,
               GError   **error)
{
  g_autoptr(GPtrArray) sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) sheet_entry_free);
  Part part;
  xmlTextReaderPtr xml;
  int rc;

  xml = open_part (zip, &part, "xl/workbook.xml", 16 << 20, TRUE, error);
  if (xml == NULL)
    return NULL;
  while ((rc = xmlTextReaderRead (xml)) == 1)
    {
      if (xmlTextReaderNodeType (xml) != XML_READER_TYPE_ELEMENT)
        continue;
      if (is_element (xml, "sheet"))
        {
          SheetEntry *e = g_new0 (SheetEntry, 1);
          xmlChar *rid;

          e->name = dup_attr (xml, "name");
          rid = xmlTextReaderGetAttributeNs (xml, (const xmlChar *) "id",
                                             (const xmlChar *) "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
          if (rid == NULL)
            rid = xmlTextReaderGetAttributeNs (xml, (const xmlChar *) "id",
                                               (const xmlChar *) "http://purl.oclc.org/ooxml/officeDocument/relationships");
          e->rel_id = g_strdup ((const char *) rid);
          xmlFree (rid);
          g_ptr_array_add (sheets, e);
        }
      else if (is_element (xml, "workbookPr"))
        {
          g_autofree char *v = dup_attr (xml, "date1904");
          *date1904 = v != NULL && (strcmp (v, "1") == 0 || g_ascii_strcasecmp (v, "true") == 0);
        }
    }
  if (!close_part (&part, xml, rc, error))
    return NULL;
  if (sheets->len == 0)
    {
      g_set_error (error, HMR_IMPORT_ERROR, HMR_IMPORT_ERROR_NO_SHEET,
                   _("The Excel file has no sheets."));
      return NULL;
    }
  return g_steal_pointer (&sheets);
}

/* The part that holds the sheet with relationship @rel_id */
static char *
find_sheet_part (unzFile      zip,
                 const char  *rel_id,
                 GError     **error)
{
  Part part;
  xmlTextReaderPtr xml;
  char *target = NULL;
  int rc;

  xml = open_part (zip, &part, "xl/_rels/workbook.xml.rels", 16 << 20, TRUE, error);
  if (xml == NULL)
    return NULL;
  while ((rc = xmlTextReaderRead (xml)) == 1)
    {
      g_autofree char *id = NULL;

      if (xmlTextReaderNodeType (xml) != XML_READER_TYPE_ELEMENT || !is_element (xml, "Relationship"))
        continue;
      id = dup_attr (xml, "Id");
      if (target == NULL && g_strcmp0 (id, rel_id) == 0)
        target = dup_attr (xml, "Target");
    }
  if (!close_part (&part, xml, rc, error))
    {
      g_free (target);
      return NULL;
    }
  if (target == NULL)
    {
      set_broken (error, "xl/_rels/workbook.xml.rels");
      return NULL;
    }
  if (target[0] == '/')
    {
      char *abs = g_strdup (target + 1);
      g_free (target);
      return abs;
    }
  {
    char *rel = g_strconcat ("xl/", target, NULL);
    g_free (target);
    return rel;
  }
}

/* ---- shared strings and styles ----------------------------------------- */

static gboolean
read_shared_strings (HmrXlsxReader  *self,
                     GError        **error)
{
  g_autoptr(GError) local = NULL;
  Part part;
  xmlTextReaderPtr xml;
  GString *text = NULL;
  gboolean in_t = FALSE;
  int phonetic = 0;
  int rc;

  self->shared = g_ptr_array_new_with_free_func (g_free);
  xml = open_part (self->zip, &part, "xl/sharedStrings.xml", MIN (self->limit, 256 << 20), FALSE, &local);
  if (xml == NULL)
    {
      if (local == NULL)
        return TRUE;   /* a workbook with numbers only has none */
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  while ((rc = xmlTextReaderRead (xml)) == 1)
    {
      int type = xmlTextReaderNodeType (xml);

      if (type == XML_READER_TYPE_ELEMENT)
        {
          gboolean empty = xmlTextReaderIsEmptyElement (xml);

          if (is_element (xml, "si"))
            {
              text = g_string_new (NULL);
              if (empty)
                g_ptr_array_add (self->shared, g_string_free (g_steal_pointer (&text), FALSE));
            }
          else if (is_element (xml, "rPh") && !empty)
            phonetic++;
          else if (is_element (xml, "t") && !empty)
            in_t = TRUE;
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          if (is_element (xml, "si") && text != NULL)
            g_ptr_array_add (self->shared, g_string_free (g_steal_pointer (&text), FALSE));
          else if (is_element (xml, "rPh"))
            phonetic = MAX (0, phonetic - 1);
          else if (is_element (xml, "t"))
            in_t = FALSE;
        }
      else if (is_text_node (type) && in_t && phonetic == 0 && text != NULL)
        g_string_append (text, (const char *) xmlTextReaderConstValue (xml));
    }
  if (text != NULL)
    g_string_free (text, TRUE);
  return close_part (&part, xml, rc, error);
}

/* Excel's built-in number formats that show dates */
static gboolean
is_builtin_date_format (guint id)
{
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) ||
         (id >= 50 && id <= 58);
}

/* A custom format shows a date when, outside quotes and [..], it has a
 * day or a year (an m alone may be minutes) */
static gboolean
is_date_format_code (const char *code)
{
  gboolean quoted = FALSE, bracket = FALSE;

  for (const char *p = code; p && *p; p++)
    {
      if (*p == '\\' && p[1])
        {
          p++;
          continue;
        }
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == '[')
        bracket = TRUE;
      else if (!quoted && *p == ']')
        bracket = FALSE;
      else if (!quoted && !bracket && strchr ("dDyY", *p))
        return TRUE;
    }
  return FALSE;
}

static gboolean
read_styles (HmrXlsxReader  *self,
             GError        **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GHashTable) custom = g_hash_table_new (g_direct_hash, g_direct_equal);
  Part part;
  xmlTextReaderPtr xml;
  gboolean in_cell_xfs = FALSE;
  int rc;

  self->date_styles = g_array_new (FALSE, TRUE, sizeof (gboolean));
  xml = open_part (self->zip, &part, "xl/styles.xml", 64 << 20, FALSE, &local);
  if (xml == NULL)
    {
      if (local == NULL)
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  while ((rc = xmlTextReaderRead (xml)) == 1)
    {
      int type = xmlTextReaderNodeType (xml);

      if (type == XML_READER_TYPE_ELEMENT && is_element (xml, "numFmt"))
        {
          g_autofree char *id = dup_attr (xml, "numFmtId");
          g_autofree char *code = dup_attr (xml, "formatCode");
          guint64 n;

          if (id && g_ascii_string_to_unsigned (id, 10, 0, G_MAXUINT, &n, NULL) &&
              is_date_format_code (code))
            g_hash_table_add (custom, GUINT_TO_POINTER ((guint) n));
        }
      else if (type == XML_READER_TYPE_ELEMENT && is_element (xml, "cellXfs"))
        in_cell_xfs = !xmlTextReaderIsEmptyElement (xml);
      else if (type == XML_READER_TYPE_END_ELEMENT && is_element (xml, "cellXfs"))
        in_cell_xfs = FALSE;
      else if (type == XML_READER_TYPE_ELEMENT && in_cell_xfs && is_element (xml, "xf"))
        {
          g_autofree char *id = dup_attr (xml, "numFmtId");
          guint64 n = 0;
          gboolean date;

          if (id)
            g_ascii_string_to_unsigned (id, 10, 0, G_MAXUINT, &n, NULL);
          date = is_builtin_date_format (n) || g_hash_table_contains (custom, GUINT_TO_POINTER ((guint) n));
          g_array_append_val (self->date_styles, date);
        }
    }
  return close_part (&part, xml, rc, error);
}

/* ---- opening ------------------------------------------------------------ */

static unzFile
open_zip (const char  *path,
          GError     **error)
{
  unzFile zip = unzOpen64 (path);

  if (zip == NULL)
    {
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("“%s” cannot be opened: there is no such file."), path);
      else
        g_set_error (error, HMR_IMPORT_ERROR, HMR_IMPORT_ERROR_FORMAT,
                     _("“%s” is not a complete Excel file: the file is truncated or damaged. "
                       "Copy it again from where it came from, or save it again in Excel."), path);
    }
  return zip;
}

GPtrArray *
hmr_xlsx_list_sheets (const char  *path,
                      GError     **error)
{
  g_autoptr(GPtrArray) sheets = NULL;
  GPtrArray *names;
  gboolean date1904 = FALSE;
  unzFile zip;

  zip = open_zip (path, error);
  if (zip == NULL)
    return NULL;
  sheets = read_workbook (zip, &date1904, error);
  unzClose (zip);
  if (sheets == NULL)
    return NULL;
  names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < sheets->len; i++)
    g_ptr_array_add (names, g_strdup (((SheetEntry *) g_ptr_array_index (sheets, i))->name));
  return names;
}

void
hmr_xlsx_reader_free (HmrXlsxReader *self)
{
  if (self == NULL)
    return;
  if (self->xml)
    {
      xmlFreeTextReader (self->xml);
      unzCloseCurrentFile (self->zip);
    }
  if (self->zip)
    unzClose (self->zip);
  g_clear_pointer (&self->shared, g_ptr_array_unref);
  g_clear_pointer (&self->date_styles, g_array_unref);
  g_free (self->sheet_path);
  g_free (self);
}

/**
 * hmr_xlsx_reader_open:
 * @sheet: (nullable): the sheet's name; %NULL for the first sheet
 */
HmrXlsxReader *
hmr_xlsx_reader_open (const char  *path,
                      const char  *sheet,
                      guint64      max_part_bytes,
                      GError     **error)
{
  HmrXlsxReader *self = g_new0 (HmrXlsxReader, 1);
  g_autoptr(GPtrArray) sheets = NULL;
  SheetEntry *chosen = NULL;

  self->limit = max_part_bytes;
  self->zip = open_zip (path, error);
  if (self->zip == NULL)
    goto fail;
  sheets = read_workbook (self->zip, &self->date1904, error);
  if (sheets == NULL)
    goto fail;
  for (guint i = 0; i < sheets->len && chosen == NULL; i++)
    {
      SheetEntry *e = g_ptr_array_index (sheets, i);
      if (sheet == NULL || g_strcmp0 (e->name, sheet) == 0)
        chosen = e;
    }
  if (chosen == NULL)
    {
      g_set_error (error, HMR_IMPORT_ERROR, HMR_IMPORT_ERROR_NO_SHEET,
                   _("The Excel file has no sheet named “%s”."), sheet);
      goto fail;
    }
  self->sheet_path = find_sheet_part (self->zip, chosen->rel_id, error);
  if (self->sheet_path == NULL)
    goto fail;
  if (!read_shared_strings (self, error) || !read_styles (self, error))
    goto fail;
  self->xml = open_part (self->zip, &self->part, self->sheet_path, self->limit, TRUE, error);
  if (self->xml == NULL)
    goto fail;
  self->next_row = 1;
  return self;

fail:
  hmr_xlsx_reader_free (self);
  return NULL;
}

/* ---- cells -------------------------------------------------------------- */

/* "BC12" → 54 (0-based column), or -1 */
static int
column_of_ref (const char *ref)
{
  int col = 0;
  const char *p;

  if (ref == NULL)
    return -1;
  for (p = ref; g_ascii_isalpha (*p); p++)
    {
      col = col * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (col > 16384)
        return -1;
    }
  return p == ref ? -1 : col - 1;
}

/**
 * hmr_import_excel_serial_to_iso:
 *
 * The day of an Excel serial number (its time of day dropped), as
 * YYYY-MM-DD; %NULL when it is not a day Excel can show.
 */
char *
hmr_import_excel_serial_to_iso (double   serial,
                                gboolean date1904)
{
  GDate d;
  gint64 days;

  if (!isfinite (serial) || serial < 1 || serial >= 2958466)
    return NULL;
  days = (gint64) floor (serial);
  if (date1904)
    g_date_set_dmy (&d, 1, 1, 1904);
  else if (days >= 61)
    g_date_set_dmy (&d, 30, 12, 1899);  /* Excel counts a 29 February 1900 */
  else if (days == 60)
    return NULL;
  else
    g_date_set_dmy (&d, 31, 12, 1899);
  g_date_add_days (&d, (guint) days);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&d), g_date_get_month (&d),
                          g_date_get_day (&d));
}

/* A number as a person would type it: 992931234567, not 9.92931234567E+11 */
static char *
format_number (const char *v)
{
  char *end = NULL;
  double x = g_ascii_strtod (v, &end);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (end == v || *end != '\0' || !isfinite (x))
    return g_strdup (v);
  if (x == floor (x) && fabs (x) < 1e15)
    return g_strdup_printf ("%.0f", x);
  g_ascii_formatd (buf, sizeof buf, "%.15g", x);
  return g_strdup (buf);
}

typedef struct
{
  int      col;
  char    *type;
  gboolean date;
  GString *value;
  gboolean in_value;
  gboolean in_text;
  gboolean in_inline;
} Cell;

static char *
finish_cell (HmrXlsxReader *self,
             Cell          *c)
{
  const char *v = c->value->str;

  if (g_strcmp0 (c->type, "s") == 0)
    {
      guint64 i;
      if (g_ascii_string_to_unsigned (v, 10, 0, G_MAXUINT, &i, NULL) && i < self->shared->len)
        return g_strdup (g_ptr_array_index (self->shared, i));
      return g_strdup ("");
    }
  if (g_strcmp0 (c->type, "b") == 0)
    return g_strdup (strcmp (v, "1") == 0 ? "1" : "0");
  if (c->type == NULL || strcmp (c->type, "n") == 0)
    {
      if (v[0] == '\0')
        return g_strdup ("");
      if (c->date)
        {
          char *end = NULL;
          double x = g_ascii_strtod (v, &end);
          char *iso = (end != v && *end == '\0') ? hmr_import_excel_serial_to_iso (x, self->date1904) : NULL;
          if (iso)
            return iso;
        }
      return format_number (v);
    }
  /* inlineStr, str (a formula's text), e (#N/A …), d (ISO date) */
  return g_strdup (v);
}

static void
put_cell (GPtrArray *cells,
          int        col,
          char      *value)
{
  if (col < 0)
    col = cells->len;
  while ((int) cells->len < col)
    g_ptr_array_add (cells, g_strdup (""));
  if ((int) cells->len == col)
    g_ptr_array_add (cells, value);
  else
    {
      g_free (g_ptr_array_index (cells, col));
      g_ptr_array_index (cells, col) = value;
    }
}

/**
 * hmr_xlsx_reader_next:
 *
 * Returns: %TRUE with the next row that has any cell; %FALSE at the end
 *   (@error unset) or on failure
 */
gboolean
hmr_xlsx_reader_next (HmrXlsxReader  *self,
                      GPtrArray     **cells,
                      guint          *row_number,
                      GError        **error)
{
  g_autoptr(GPtrArray) row = NULL;
  Cell cell = { -1, NULL, FALSE, NULL, FALSE, FALSE, FALSE };
  guint number = 0;
  int rc;

  if (self->xml == NULL)
    return FALSE;

  while ((rc = xmlTextReaderRead (self->xml)) == 1)
    {
      int type = xmlTextReaderNodeType (self->xml);

      if (type == XML_READER_TYPE_ELEMENT)
        {
          gboolean empty = xmlTextReaderIsEmptyElement (self->xml);

          if (is_element (self->xml, "row"))
            {
              g_autofree char *r = dup_attr (self->xml, "r");
              guint64 n;

              number = (r && g_ascii_string_to_unsigned (r, 10, 1, G_MAXUINT, &n, NULL))
                       ? (guint) n : self->next_row;
              self->next_row = number + 1;
              g_clear_pointer (&row, g_ptr_array_unref);
              row = g_ptr_array_new_with_free_func (g_free);
              if (empty)
                g_clear_pointer (&row, g_ptr_array_unref);   /* nothing in it */
            }
          else if (row != NULL && is_element (self->xml, "c"))
            {
              g_autofree char *ref = dup_attr (self->xml, "r");
              g_autofree char *style = dup_attr (self->xml, "s");
              guint64 s = 0;

              g_free (cell.type);
              cell.type = dup_attr (self->xml, "t");
              cell.col = column_of_ref (ref);
              if (cell.col < 0)
                cell.col = row->len;
              cell.date = style && g_ascii_string_to_unsigned (style, 10, 0, G_MAXUINT, &s, NULL) &&
                          s < self->date_styles->len && g_array_index (self->date_styles, gboolean, s);
              if (cell.value)
                g_string_truncate (cell.value, 0);
              else
                cell.value = g_string_new (NULL);
              if (empty)
                put_cell (row, cell.col, g_strdup (""));
            }
          else if (row != NULL && cell.value != NULL && !empty)
            {
              if (is_element (self->xml, "v"))
                cell.in_value = TRUE;
              else if (is_element (self->xml, "is"))
                cell.in_inline = TRUE;
              else if (is_element (self->xml, "t") && cell.in_inline)
                cell.in_text = TRUE;
            }
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          if (is_element (self->xml, "v"))
            cell.in_value = FALSE;
          else if (is_element (self->xml, "t"))
            cell.in_text = FALSE;
          else if (is_element (self->xml, "is"))
            cell.in_inline = FALSE;
          else if (row != NULL && is_element (self->xml, "c") && cell.value != NULL)
            put_cell (row, cell.col, finish_cell (self, &cell));
          else if (row != NULL && is_element (self->xml, "row"))
            {
              gboolean any = FALSE;

              for (guint i = 0; i < row->len && !any; i++)
                any = ((const char *) g_ptr_array_index (row, i))[0] != '\0';
              if (any)
                break;
              g_clear_pointer (&row, g_ptr_array_unref);
            }
        }
      else if (is_text_node (type) && cell.value != NULL &&
               (cell.in_value || cell.in_text))
        g_string_append (cell.value, (const char *) xmlTextReaderConstValue (self->xml));
    }

  g_free (cell.type);
  if (cell.value)
    g_string_free (cell.value, TRUE);

  if (rc == 1)
    {
      *cells = g_steal_pointer (&row);
      *row_number = number;
      return TRUE;
    }

  /* The end of the sheet, or a failure */
  close_part (&self->part, self->xml, rc, error);
  self->xml = NULL;
  return FALSE;
}
