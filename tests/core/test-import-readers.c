/* test-import-readers.c — reading the files offices keep, messy on purpose:
 * every encoding Windows writes, quotes and newlines, workbooks with shared
 * and inline strings, dates as serials and as text, formulas, merged
 * headers, a truncated zip and a zip bomb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "hmr-import.h"
#include "hmr-test-util.h"

typedef struct
{
  char *dir;
} Dir;

static void
dir_set_up (Dir           *d,
            gconstpointer  data)
{
  d->dir = g_dir_make_tmp ("hamroh-import-XXXXXX", NULL);
  g_assert_nonnull (d->dir);
}

static void
dir_tear_down (Dir           *d,
               gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (d->dir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *p = g_build_filename (d->dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (d->dir);
  g_free (d->dir);
}

static char *
write_file (Dir        *d,
            const char *name,
            const char *bytes,
            gssize      len)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (d->dir, name, NULL);

  g_file_set_contents (path, bytes, len, &error);
  g_assert_no_error (error);
  return path;
}

/* Every row of @path, each as its cells joined by "|" */
static GPtrArray *
read_all (const char  *path,
          const char  *sheet,
          GError     **error)
{
  g_autoptr(HmrSheetReader) r = hmr_sheet_reader_open (path, sheet, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *cells;
  guint n;

  if (r == NULL)
    return NULL;
  while (hmr_sheet_reader_next (r, &cells, &n, error))
    {
      g_ptr_array_add (cells, NULL);
      g_ptr_array_add (rows, g_strdup_printf ("%u:%s", n, g_strjoinv ("|", (char **) cells->pdata)));
      g_ptr_array_unref (cells);
    }
  if (error && *error)
    return NULL;
  return g_steal_pointer (&rows);
}

#define ROW(rows, i) ((const char *) g_ptr_array_index ((rows), (i)))

static void
test_csv_utf8_bom_quotes_newlines (Dir *d, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *path = write_file (d, "list.csv",
                                      "\xEF\xBB\xBF" "Насаб;Ном;Эзоҳ\r\n"
                                      "Раҳимов;Алишер;\"қайд; бо \"\"нохунак\"\"\r\nва сатри нав\"\r\n"
                                      "\r\n"
                                      ";;\r\n"
                                      "Ҷӯраева;Зарина;", -1);

  rows = read_all (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  /* The BOM is not part of the first header; ; is the delimiter */
  g_assert_cmpstr (ROW (rows, 0), ==, "1:Насаб|Ном|Эзоҳ");
  g_assert_cmpstr (ROW (rows, 1), ==, "2:Раҳимов|Алишер|қайд; бо \"нохунак\"\r\nва сатри нав");
  /* Empty lines and rows of empty cells are skipped; no newline at the end is fine */
  g_assert_true (g_str_has_suffix (ROW (rows, 2), ":Ҷӯраева|Зарина|"));
}

static void
test_csv_windows_1251 (Dir *d, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(HmrSheetReader) r = NULL;
  g_autofree char *cp = NULL;
  g_autofree char *path = NULL;
  gsize len = 0;

  cp = g_convert ("Фамилия,Имя,Район\nРахимов,Алишер,Шаартуз\nЮнусова,Мавлюда,\"Пяндж, р-н\"\n", -1,
                  "WINDOWS-1251", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  path = write_file (d, "excel-ru.csv", cp, len);

  r = hmr_sheet_reader_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hmr_sheet_reader_get_encoding (r), ==, "WINDOWS-1251");
  rows = read_all (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (ROW (rows, 1), ==, "2:Рахимов|Алишер|Шаартуз");
  g_assert_cmpstr (ROW (rows, 2), ==, "3:Юнусова|Мавлюда|Пяндж, р-н");
}

static void
test_csv_utf16 (Dir *d, gconstpointer data)
{
  const char *text = "Насаб\tНом\tНоҳия\nРаҳимов\tАлишер\tҶайҳун\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *le = NULL;
  g_autofree char *with_bom = NULL;
  g_autofree char *path_bom = NULL;
  g_autofree char *path_plain = NULL;
  gsize len = 0;

  le = g_convert (text, -1, "UTF-16LE", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  with_bom = g_malloc (len + 2);
  with_bom[0] = (char) 0xFF;
  with_bom[1] = (char) 0xFE;
  memcpy (with_bom + 2, le, len);
  /* Excel's "Unicode text" is UTF-16 with a BOM and tabs */
  path_bom = write_file (d, "unicode.txt", with_bom, len + 2);
  path_plain = write_file (d, "plain16.tsv", le, len);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GPtrArray) rows = read_all (i ? path_plain : path_bom, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, 2);
      g_assert_cmpstr (ROW (rows, 1), ==, "2:Раҳимов|Алишер|Ҷайҳун");
    }
}

static void
test_csv_unclosed_quote_refused (Dir *d, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *path = write_file (d, "broken.csv",
                                      "Насаб,Ном\nРаҳимов,Алишер\n\"Ҷӯраев,Эраҷ\nСаидов,Фаррух\n", -1);

  rows = read_all (path, NULL, &error);
  g_assert_error (error, HMR_IMPORT_ERROR, HMR_IMPORT_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "Row 3"));
}

static void
test_csv_huge_field_refused (Dir *d, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GString *s = g_string_new ("Насаб,Ном\n\"");
  g_autofree char *path = NULL;

  while (s->len < 17 * 1024 * 1024)
    g_string_append (s, "ҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳҳ");
  g_string_append (s, "\",x\n");
  path = write_file (d, "huge.csv", s->str, s->len);
  g_string_free (s, TRUE);

  rows = read_all (path, NULL, &error);
  g_assert_error (error, HMR_IMPORT_ERROR, HMR_IMPORT_ERROR_TOO_LARGE);
}

/* ---- workbooks ---------------------------------------------------------- */

static char *
make_workbook (Dir        *d,
               const char *name,
               gboolean    constant_memory)
{
  char *path = g_build_filename (d->dir, name, NULL);
  lxw_workbook_options options = { .constant_memory = constant_memory };
  lxw_workbook *wb = workbook_new_opt (path, &options);
  lxw_worksheet *other = workbook_add_worksheet (wb, "Инструкция");
  lxw_worksheet *ws = workbook_add_worksheet (wb, "Рӯйхат");
  lxw_format *date = workbook_add_format (wb);
  lxw_datetime dob = { 1988, 3, 5, 0, 0, 0 };

  format_set_num_format (date, "dd.mm.yyyy");
  worksheet_write_string (other, 0, 0, "Fill in the second sheet", NULL);

  /* A header merged over two columns, as offices make them */
  worksheet_merge_range (ws, 0, 0, 0, 1, "Ному насаб", NULL);
  worksheet_write_string (ws, 0, 2, "Санаи таваллуд", NULL);
  worksheet_write_string (ws, 0, 3, "Телефон", NULL);
  worksheet_write_string (ws, 0, 4, "Ҳисоб", NULL);
  worksheet_write_string (ws, 1, 0, "Раҳимов", NULL);
  worksheet_write_string (ws, 1, 1, "Алишер", NULL);
  worksheet_write_datetime (ws, 1, 2, &dob, date);
  worksheet_write_number (ws, 1, 3, 992931234567.0, NULL);
  worksheet_write_formula_num (ws, 1, 4, "=1+1", NULL, 2);
  /* Row 3 empty; row 4 has a date typed as text */
  worksheet_write_string (ws, 3, 0, "=HYPERLINK(\"http://x\")", NULL);
  worksheet_write_string (ws, 3, 2, "05.03.1988", NULL);
  worksheet_write_number (ws, 3, 3, 5.5, NULL);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);
  return path;
}

static void
test_xlsx_cells (Dir *d, gconstpointer data)
{
  for (guint cm = 0; cm < 2; cm++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = make_workbook (d, cm ? "inline.xlsx" : "shared.xlsx", cm);
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GPtrArray) sheets = NULL;

      sheets = hmr_sheet_list_sheets (path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (sheets->len, ==, 2);
      g_assert_cmpstr (g_ptr_array_index (sheets, 1), ==, "Рӯйхат");

      /* The first sheet unless one is chosen */
      rows = read_all (path, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, 1);
      g_assert_cmpstr (ROW (rows, 0), ==, "1:Fill in the second sheet");
      g_clear_pointer (&rows, g_ptr_array_unref);

      rows = read_all (path, "Рӯйхат", &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, 3);
      /* Shared strings (or inline ones in constant-memory mode), the
       * merged header's second cell empty, a serial with a date format
       * read as the day, a phone stored as a number written out, a
       * formula's cached value, text that starts with "=" as text */
      g_assert_cmpstr (ROW (rows, 0), ==, "1:Ному насаб||Санаи таваллуд|Телефон|Ҳисоб");
      g_assert_cmpstr (ROW (rows, 1), ==, "2:Раҳимов|Алишер|1988-03-05|992931234567|2");
      g_assert_cmpstr (ROW (rows, 2), ==, "4:=HYPERLINK(\"http://x\")||05.03.1988|5.5");

      g_clear_pointer (&rows, g_ptr_array_unref);
      rows = read_all (path, "No such sheet", &error);
      g_assert_error (error, HMR_IMPORT_ERROR, HMR_IMPORT_ERROR_NO_SHEET);
    }
}

static void
test_xlsx_truncated_refused (Dir *d, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_workbook (d, "whole.xlsx", FALSE);
  g_autofree char *bytes = NULL;
  g_autofree char *cut = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gsize len;

  g_file_get_contents (path, &bytes, &len, &error);
  g_assert_no_error (error);
  cut = write_file (d, "cut.xlsx", bytes, len / 2);
  rows = read_all (cut, NULL, &error);
  g_assert_error (error, HMR_IMPORT_ERROR, HMR_IMPORT_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "truncated"));

  /* Not a zip at all, with an .xlsx name */
  g_clear_error (&error);
  g_free (cut);
  cut = write_file (d, "text.xlsx", "Насаб,Ном\n", -1);
  g_assert_null (hmr_sheet_reader_open (cut, NULL, &error));
  g_assert_error (error, HMR_IMPORT_ERROR, HMR_IMPORT_ERROR_FORMAT);
}

static void
add_zip_part (zipFile     zf,
              const char *name,
              const char *text,
              gsize       repeat_bytes)
{
  zip_fileinfo info = { 0 };

  g_assert_cmpint (zipOpenNewFileInZip (zf, name, &info, NULL, 0, NULL, 0, NULL, Z_DEFLATED, 9), ==, ZIP_OK);
  g_assert_cmpint (zipWriteInFileInZip (zf, text, strlen (text)), ==, ZIP_OK);
  if (repeat_bytes > 0)
    {
      g_autofree char *spaces = g_malloc (1 << 20);
      memset (spaces, ' ', 1 << 20);
      for (gsize done = 0; done < repeat_bytes; done += 1 << 20)
        g_assert_cmpint (zipWriteInFileInZip (zf, spaces, 1 << 20), ==, ZIP_OK);
      g_assert_cmpint (zipWriteInFileInZip (zf, "</sheetData></worksheet>", 24), ==, ZIP_OK);
    }
  g_assert_cmpint (zipCloseFileInZip (zf), ==, ZIP_OK);
}

static void
test_xlsx_zip_bomb_refused (Dir *d, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (d->dir, "bomb.xlsx", NULL);
  g_autoptr(HmrSheetReader) r = NULL;
  zipFile zf = zipOpen (path, APPEND_STATUS_CREATE);

  g_assert_nonnull (zf);
  add_zip_part (zf, "xl/workbook.xml",
                "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>", 0);
  add_zip_part (zf, "xl/_rels/workbook.xml.rels",
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                "<Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/></Relationships>", 0);
  /* 64 MB of nothing that packs into a few tens of kilobytes */
  add_zip_part (zf, "xl/worksheets/sheet1.xml",
                "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>",
                64 << 20);
  g_assert_cmpint (zipClose (zf, NULL), ==, ZIP_OK);

  r = hmr_sheet_reader_open_limited (path, NULL, 8 << 20, &error);
  g_assert_null (r);
  g_assert_error (error, HMR_IMPORT_ERROR, HMR_IMPORT_ERROR_TOO_LARGE);

}

static void
test_excel_serials (void)
{
  g_autofree char *a = hmr_import_excel_serial_to_iso (32207, FALSE);
  g_autofree char *b = hmr_import_excel_serial_to_iso (1, FALSE);
  g_autofree char *c = hmr_import_excel_serial_to_iso (32207.75, FALSE);
  g_autofree char *e = hmr_import_excel_serial_to_iso (0, FALSE);

  g_assert_cmpstr (a, ==, "1988-03-05");
  g_assert_cmpstr (b, ==, "1900-01-01");
  g_assert_cmpstr (c, ==, "1988-03-05");
  g_assert_null (e);
}

/* ---- mapping ------------------------------------------------------------ */

static GPtrArray *
strv_array (const char * const *v)
{
  GPtrArray *a = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; v[i]; i++)
    g_ptr_array_add (a, g_strdup (v[i]));
  return a;
}

static void
test_mapping_three_languages (void)
{
  const char * const tg[] = { "Насаб", "Ном", "Номи падар", "Ҷинс", "Санаи таваллуд", "Рақами телефон",
                              "Ноҳия", "Ҷамоат", "Деҳа", "Тоифа", "Маъюбӣ", "Эзоҳ", NULL };
  const char * const ru[] = { "Ф.И.О.", "Пол", "Дата рожд.", "Тел.", "Район", "Джамоат", "Тел. 2",
                              "Г.р.", "Категория", "Телефон", NULL };
  const char * const en[] = { "Surname", "First name", "Gender", "DOB", "Mobile", "District",
                              "Village", "Household size", "Surname (passport)", NULL };
  g_autoptr(GPtrArray) h1 = strv_array (tg);
  g_autoptr(GPtrArray) h2 = strv_array (ru);
  g_autoptr(GPtrArray) h3 = strv_array (en);
  g_autoptr(HmrImportMapping) m1 = hmr_import_mapping_propose (h1);
  g_autoptr(HmrImportMapping) m2 = hmr_import_mapping_propose (h2);
  g_autoptr(HmrImportMapping) m3 = hmr_import_mapping_propose (h3);
  g_autofree char *s1 = hmr_import_mapping_to_string (m1);
  g_autofree char *s2 = hmr_import_mapping_to_string (m2);
  g_autofree char *s3 = hmr_import_mapping_to_string (m3);
  g_autoptr(HmrImportMapping) back = hmr_import_mapping_from_string (s2, h2->len);
  g_autofree char *s2b = hmr_import_mapping_to_string (back);

  g_assert_cmpstr (s1, ==, "family_name,given_name,patronymic,sex,birth_date,phone,district,jamoat,village,"
                           "category,disability,none");
  /* A second phone column is the second phone */
  g_assert_cmpstr (s2, ==, "full_name,sex,birth_date,phone,district,jamoat,phone_alt,birth_year,category,none");
  g_assert_cmpstr (s3, ==, "family_name,given_name,sex,birth_date,phone,district,village,household_size,"
                           "family_name_latin");
  g_assert_cmpstr (s2b, ==, s2);
  g_assert_true (hmr_import_mapping_check (m1, NULL));
  g_assert_true (hmr_import_mapping_check (m2, NULL));

  /* Without a district column the mapping is refused, naming it */
  {
    g_autoptr(GError) error = NULL;
    hmr_import_mapping_set (m3, 5, HMR_IMPORT_FIELD_NONE);
    g_assert_false (hmr_import_mapping_check (m3, &error));
    g_assert_error (error, HMR_IMPORT_ERROR, HMR_IMPORT_ERROR_MAPPING);
    g_assert_nonnull (strstr (error->message, "District"));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/import/csv/utf8-bom-quotes-and-newlines", Dir, NULL, dir_set_up,
              test_csv_utf8_bom_quotes_newlines, dir_tear_down);
  g_test_add ("/import/csv/windows-1251", Dir, NULL, dir_set_up, test_csv_windows_1251, dir_tear_down);
  g_test_add ("/import/csv/utf-16-with-and-without-bom", Dir, NULL, dir_set_up, test_csv_utf16, dir_tear_down);
  g_test_add ("/import/csv/unclosed-quote-refused-naming-the-row", Dir, NULL, dir_set_up,
              test_csv_unclosed_quote_refused, dir_tear_down);
  g_test_add ("/import/csv/huge-field-refused", Dir, NULL, dir_set_up, test_csv_huge_field_refused, dir_tear_down);
  g_test_add ("/import/xlsx/shared-inline-dates-formulas-merged", Dir, NULL, dir_set_up, test_xlsx_cells,
              dir_tear_down);
  g_test_add ("/import/xlsx/truncated-zip-refused", Dir, NULL, dir_set_up, test_xlsx_truncated_refused,
              dir_tear_down);
  g_test_add ("/import/xlsx/zip-bomb-refused-within-limit", Dir, NULL, dir_set_up, test_xlsx_zip_bomb_refused,
              dir_tear_down);
  g_test_add_func ("/import/xlsx/excel-serials-as-days", test_excel_serials);
  g_test_add_func ("/import/mapping/proposed-from-headers-in-three-languages", test_mapping_three_languages);

  return g_test_run ();
}
