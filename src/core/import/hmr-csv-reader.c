/* hmr-csv-reader.c — the rows of a .csv or .tsv file, streamed
 *
 * The encoding is recognised from the first bytes: a UTF-8 or UTF-16
 * byte-order mark, UTF-16 without one (every other byte zero), UTF-8
 * when the text is valid UTF-8, else Windows-1251 (what Excel writes on a
 * Russian or Tajik Windows).  GLib's charset converter turns the stream
 * into UTF-8 as it is read and libcsv splits it into records, quotes,
 * doubled quotes and newlines inside quotes included.  The delimiter is a
 * tab for .tsv, else whichever of ; , and tab the header line has most of.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <csv.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hmr-import-private.h"

#define SNIFF_BYTES 65536
#define CHUNK_BYTES 65536

struct _HmrCsvReader
{
  GInputStream      *stream;
  const char        *encoding;
  struct csv_parser  parser;
  gboolean           parser_ready;
  gboolean           delimiter_known;
  gboolean           tsv;
  gboolean           eof;
  GPtrArray         *field_row;   /* the record being read */
  GQueue             rows;        /* complete records: GPtrArray of char * */
  guint              n_records;
  gsize              row_bytes;   /* fed since the last record ended */
  char              *path;
};

static const char *
sniff_encoding (const guchar *buf,
                gsize         len,
                gsize        *bom)
{
  gsize zero_even = 0, zero_odd = 0;
  const char *end;

  *bom = 0;
  if (len >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF)
    {
      *bom = 3;
      return "UTF-8";
    }
  if (len >= 2 && buf[0] == 0xFF && buf[1] == 0xFE)
    {
      *bom = 2;
      return "UTF-16LE";
    }
  if (len >= 2 && buf[0] == 0xFE && buf[1] == 0xFF)
    {
      *bom = 2;
      return "UTF-16BE";
    }
  /* UTF-16 without a mark: the high bytes of Latin and Cyrillic text
   * (0x00 and 0x04) fill every other byte */
  for (gsize i = 0; i < len; i++)
    if (buf[i] == 0 || buf[i] == 4)
      {
        if (i % 2)
          zero_odd++;
        else
          zero_even++;
      }
  if (len >= 4 && zero_odd > len / 5 && zero_odd > 2 * zero_even)
    return "UTF-16LE";
  if (len >= 4 && zero_even > len / 5 && zero_even > 2 * zero_odd)
    return "UTF-16BE";
  /* Valid UTF-8, allowing a character cut at the end of the sample */
  if (g_utf8_validate ((const char *) buf, len, &end) ||
      (len == SNIFF_BYTES && (gsize) ((const guchar *) end - buf) + 4 > len))
    return "UTF-8";
  return "WINDOWS-1251";
}

static void
on_field (void   *data,
          size_t  len,
          void   *user_data)
{
  HmrCsvReader *self = user_data;
  char *text = g_strndup (data ? data : "", len);

  if (!g_utf8_validate (text, -1, NULL))
    {
      char *valid = g_utf8_make_valid (text, -1);
      g_free (text);
      text = valid;
    }
  if (self->field_row == NULL)
    self->field_row = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->field_row, text);
}

static void
on_record (int   c,
           void *user_data)
{
  HmrCsvReader *self = user_data;

  self->row_bytes = 0;
  self->n_records++;
  if (self->field_row == NULL)
    self->field_row = g_ptr_array_new_with_free_func (g_free);
  g_queue_push_tail (&self->rows, g_steal_pointer (&self->field_row));
}

static int
is_space_only (unsigned char c)
{
  return c == ' ';
}

static int
is_term (unsigned char c)
{
  return c == '\r' || c == '\n';
}

/* The delimiter the header line has most of, outside quotes */
static char
choose_delimiter (const char *text,
                  gsize       len)
{
  gsize semi = 0, comma = 0, tab = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];
      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted && c == ';')
        semi++;
      else if (!quoted && c == ',')
        comma++;
      else if (!quoted && c == '\t')
        tab++;
    }
  if (tab > semi && tab > comma)
    return '\t';
  if (semi > comma)
    return ';';
  return ',';
}

void
hmr_csv_reader_free (HmrCsvReader *self)
{
  if (self == NULL)
    return;
  if (self->parser_ready)
    csv_free (&self->parser);
  g_clear_object (&self->stream);
  g_clear_pointer (&self->field_row, g_ptr_array_unref);
  g_queue_clear_full (&self->rows, (GDestroyNotify) g_ptr_array_unref);
  g_free (self->path);
  g_free (self);
}

HmrCsvReader *
hmr_csv_reader_open (const char  *path,
                     GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = NULL;
  g_autofree guchar *sniff = g_malloc (SNIFF_BYTES);
  HmrCsvReader *self;
  gsize len = 0, bom = 0;

  in = g_file_read (file, NULL, error);
  if (in == NULL)
    return NULL;
  if (!g_input_stream_read_all (G_INPUT_STREAM (in), sniff, SNIFF_BYTES, &len, NULL, error) ||
      !g_seekable_seek (G_SEEKABLE (in), 0, G_SEEK_SET, NULL, error))
    return NULL;

  self = g_new0 (HmrCsvReader, 1);
  self->path = g_strdup (path);
  g_queue_init (&self->rows);
  self->encoding = sniff_encoding (sniff, len, &bom);
  if (bom > 0 && !g_seekable_seek (G_SEEKABLE (in), bom, G_SEEK_SET, NULL, error))
    goto fail;

  if (strcmp (self->encoding, "UTF-8") == 0)
    self->stream = G_INPUT_STREAM (g_steal_pointer (&in));
  else
    {
      g_autoptr(GCharsetConverter) conv = g_charset_converter_new ("UTF-8", self->encoding, error);
      if (conv == NULL)
        goto fail;
      self->stream = g_converter_input_stream_new (G_INPUT_STREAM (in), G_CONVERTER (conv));
    }

  if (csv_init (&self->parser, CSV_APPEND_NULL) != 0)
    {
      g_set_error_literal (error, HMR_IMPORT_ERROR, HMR_IMPORT_ERROR_FAILED,
                           _("There is not enough memory to read the file."));
      goto fail;
    }
  self->parser_ready = TRUE;
  self->tsv = g_str_has_suffix (path, ".tsv") || g_str_has_suffix (path, ".TSV") ||
              g_str_has_suffix (path, ".tab") || g_str_has_suffix (path, ".txt");
  csv_set_space_func (&self->parser, is_space_only);
  csv_set_term_func (&self->parser, is_term);
  return self;

fail:
  hmr_csv_reader_free (self);
  return NULL;
}

const char *
hmr_csv_reader_get_encoding (HmrCsvReader *self)
{
  return self->encoding;
}

/* Reads and parses one more chunk; FALSE on failure */
static gboolean
feed (HmrCsvReader  *self,
      GError       **error)
{
  char buf[CHUNK_BYTES];
  g_autoptr(GError) local = NULL;
  gssize n;

  n = g_input_stream_read (self->stream, buf, sizeof buf, NULL, &local);
  if (n < 0)
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
        g_set_error (error, HMR_IMPORT_ERROR, HMR_IMPORT_ERROR_FORMAT,
                     _("The file cannot be read as %s text after row %u: %s"),
                     self->encoding, self->n_records, local->message);
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (n == 0)
    {
      /* A quote opened and never closed swallows the rest of the file:
       * say where, rather than import one enormous field.  (libcsv's
       * state 2 is "inside a field".) */
      if (self->parser.quoted && self->parser.pstate == 2)
        {
          g_set_error (error, HMR_IMPORT_ERROR, HMR_IMPORT_ERROR_FORMAT,
                       _("Row %u: a quotation mark opens a field that is never closed before the end of the file."),
                       self->n_records + 1);
          return FALSE;
        }
      csv_fini (&self->parser, on_field, on_record, self);
      self->eof = TRUE;
      return TRUE;
    }
  if (!self->delimiter_known)
    {
      char delim = self->tsv ? '\t' : choose_delimiter (buf, n);
      csv_set_delim (&self->parser, (unsigned char) delim);
      if (delim == '\t')
        csv_set_space_func (&self->parser, is_space_only);
      self->delimiter_known = TRUE;
    }
  self->row_bytes += n;
  if (csv_parse (&self->parser, buf, n, on_field, on_record, self) != (size_t) n)
    {
      g_set_error (error, HMR_IMPORT_ERROR, HMR_IMPORT_ERROR_FORMAT,
                   _("Row %u cannot be read: %s"), self->n_records + 1,
                   csv_strerror (csv_error (&self->parser)));
      return FALSE;
    }
  if (self->row_bytes > HMR_CSV_MAX_ROW_BYTES)
    {
      g_set_error (error, HMR_IMPORT_ERROR, HMR_IMPORT_ERROR_TOO_LARGE,
                   _("Row %u is longer than %d MB: no list of people has such rows "
                     "(a quotation mark may be missing)."),
                   self->n_records + 1, HMR_CSV_MAX_ROW_BYTES >> 20);
      return FALSE;
    }
  return TRUE;
}

/**
 * hmr_csv_reader_next:
 *
 * Returns: %TRUE with the next record that has any text; %FALSE at the
 *   end (@error unset) or on failure
 */
gboolean
hmr_csv_reader_next (HmrCsvReader  *self,
                     GPtrArray    **cells,
                     guint         *row_number,
                     GError       **error)
{
  for (;;)
    {
      while (!g_queue_is_empty (&self->rows))
        {
          g_autoptr(GPtrArray) row = g_queue_pop_head (&self->rows);
          guint number = self->n_records - g_queue_get_length (&self->rows);
          gboolean any = FALSE;

          for (guint i = 0; i < row->len && !any; i++)
            {
              const char *v = g_ptr_array_index (row, i);
              for (; *v && !any; v++)
                any = !g_ascii_isspace (*v);
            }
          if (!any)
            continue;
          *cells = g_steal_pointer (&row);
          *row_number = number;
          return TRUE;
        }
      if (self->eof)
        return FALSE;
      if (!feed (self, error))
        return FALSE;
    }
}
