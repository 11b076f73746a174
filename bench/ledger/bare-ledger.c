/* bare-ledger.c — the reference for bench/ledger: the grant ledger written
 * with nothing but SQLite and libxlsxwriter
 *
 * Reads the same rows with the same SQL as Hamroh's export
 * (src/core/hmr-store-grant-ledger.c) and writes the same cells, formats,
 * sheets, column widths, frozen header and filters, in constant_memory
 * mode.  What Hamroh adds on top — the store, permissions, labels, the
 * atomic file, the audit row — is what the benchmark measures.
 *
 *   cc -O2 -o bare-ledger bare-ledger.c $(pkg-config --cflags --libs xlsxwriter sqlite3)
 *   ./bare-ledger DATABASE OUT.xlsx
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include <xlsxwriter.h>

#define FULL_NAME(b) b ".family_name || ' ' || " b ".given_name || coalesce (' ' || " b ".patronymic, '')"
#define LATIN_NAME(b) \
  "nullif (trim (coalesce (" b ".family_name_latin, '') || ' ' || coalesce (" b ".given_name_latin, '') " \
  "|| coalesce (' ' || " b ".patronymic_latin, '')), '')"
#define MEMBERS_SQL \
  "(SELECT group_concat (m, char (30)) FROM (SELECT b.case_number || char (31) || " \
  FULL_NAME ("b") " || char (31) || coalesce (" LATIN_NAME ("b") ", '') AS m " \
  "FROM grant_beneficiary gb JOIN beneficiary b ON b.id = gb.beneficiary_id " \
  "WHERE gb.grant_id = g.id ORDER BY b.case_number))"

static const char ledger_sql[] =
  "SELECT d.paid_on, g.id, upper (substr (g.id, 1, 8)), g.purpose, " MEMBERS_SQL ", o.district, "
  " d.tranche, d.method, d.reference, d.amount, coalesce (g.amount_approved, 0), "
  " (SELECT sum (d2.amount) FROM disbursement d2 WHERE d2.grant_id = d.grant_id "
  "  AND d2.deleted_at IS NULL AND d2.tranche <= d.tranche), "
  " g.status, coalesce (u.full_name, d.created_by) "
  "FROM disbursement d JOIN reintegration_grant g ON g.id = d.grant_id "
  "JOIN office o ON o.id = g.office_id LEFT JOIN app_user u ON u.id = d.created_by "
  "WHERE d.deleted_at IS NULL AND g.deleted_at IS NULL AND (?1 IS NULL OR o.district = ?1) "
  "ORDER BY d.paid_on, d.grant_id, d.tranche";

static const char totals_sql[] =
  "WITH gp AS (SELECT o.district AS district, "
  "  coalesce ((SELECT substr (max (h.at), 1, 7) FROM grant_history h WHERE h.grant_id = g.id "
  "             AND h.to_state = 'approved'), substr (g.updated_at, 1, 7)) AS month, "
  "  (SELECT coalesce (sum (d.amount), 0) FROM disbursement d WHERE d.grant_id = g.id "
  "   AND d.deleted_at IS NULL) AS paid, "
  "  g.amount_approved AS approved, g.status AS status "
  " FROM reintegration_grant g JOIN office o ON o.id = g.office_id "
  " WHERE g.deleted_at IS NULL AND g.amount_approved IS NOT NULL "
  " AND (?1 IS NULL OR o.district = ?1) AND (?2 IS NULL OR g.office_id = ?2)) "
  "SELECT district, CASE WHEN ?3 THEN month END AS m, count (*), "
  " sum (CASE WHEN status = 'cancelled' THEN paid ELSE approved END), sum (paid) "
  "FROM gp GROUP BY district, m ORDER BY district, m";

static const char *
status_label (const char *s)
{
  static const char *map[][2] = {
    { "draft", "Draft" }, { "submitted", "Submitted" }, { "approved", "Approved" },
    { "rejected", "Rejected" }, { "disbursing", "Being disbursed" }, { "disbursed", "Disbursed" },
    { "verified", "Verified" }, { "cancelled", "Cancelled" },
  };
  for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
    if (strcmp (map[i][0], s) == 0)
      return map[i][1];
  return s;
}

static const char *
method_label (const char *m)
{
  if (strcmp (m, "cash") == 0)
    return "Cash";
  if (strcmp (m, "bank_transfer") == 0)
    return "Bank transfer";
  if (strcmp (m, "supplier_payment") == 0)
    return "Payment to a supplier";
  return m;
}

/* Excel's serial number of an ISO date (days since 1899-12-30) */
static double
excel_date (const char *iso)
{
  int y, m, d;
  long era, yoe, doy, doe;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return -1;
  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (double) (era * 146097 + doe - 719468) + 25569;   /* 1970-01-01 is 25569 */
}

static void
text (lxw_worksheet *s, lxw_row_t r, lxw_col_t c, const char *t)
{
  if (t != NULL && t[0] != '\0')
    worksheet_write_string (s, r, c, t, NULL);
}

static void
header (lxw_worksheet *s, lxw_format *f, const char **titles, const double *widths)
{
  lxw_col_t n = 0;

  for (; titles[n]; n++)
    {
      worksheet_write_string (s, 0, n, titles[n], f);
      worksheet_set_column (s, n, n, widths[n], NULL);
    }
  worksheet_freeze_panes (s, 1, 0);
  worksheet_autofilter (s, 0, 0, 0, n - 1);
}

/* members: case\x1fname\x1flatin, joined by \x1e */
static void
split (const char *p, char *cases, char *names, char *latin, size_t size)
{
  cases[0] = names[0] = latin[0] = '\0';
  while (p && *p)
    {
      const char *end = strchr (p, '\x1e');
      size_t len = end ? (size_t) (end - p) : strlen (p);
      const char *f1 = memchr (p, '\x1f', len);
      const char *f2 = f1 ? memchr (f1 + 1, '\x1f', len - (f1 + 1 - p)) : NULL;

      if (f1 && f2)
        {
          if (cases[0])
            strncat (cases, "; ", size - strlen (cases) - 1);
          strncat (cases, p, (size_t) (f1 - p) < size - strlen (cases) - 1 ? (size_t) (f1 - p) : size - strlen (cases) - 1);
          if (names[0])
            strncat (names, "; ", size - strlen (names) - 1);
          strncat (names, f1 + 1, (size_t) (f2 - f1 - 1) < size - strlen (names) - 1 ? (size_t) (f2 - f1 - 1) : size - strlen (names) - 1);
          if (p + len > f2 + 1)
            {
              if (latin[0])
                strncat (latin, "; ", size - strlen (latin) - 1);
              strncat (latin, f2 + 1, (size_t) (p + len - f2 - 1) < size - strlen (latin) - 1 ? (size_t) (p + len - f2 - 1) : size - strlen (latin) - 1);
            }
        }
      p = end ? end + 1 : NULL;
    }
}

static void
totals (sqlite3 *db, lxw_worksheet *s, int by_month, lxw_format *money, lxw_format *month_fmt,
        lxw_format *bold)
{
  sqlite3_stmt *st;
  lxw_row_t r = 1;
  lxw_col_t c = by_month ? 2 : 1;
  long long n = 0, approved = 0, paid = 0;

  sqlite3_prepare_v2 (db, totals_sql, -1, &st, NULL);
  sqlite3_bind_int (st, 3, by_month);
  while (sqlite3_step (st) == SQLITE_ROW)
    {
      long long a = sqlite3_column_int64 (st, 3), p = sqlite3_column_int64 (st, 4);
      int g = sqlite3_column_int (st, 2);

      text (s, r, 0, (const char *) sqlite3_column_text (st, 0));
      if (by_month && sqlite3_column_type (st, 1) != SQLITE_NULL)
        {
          char day[16];
          snprintf (day, sizeof day, "%s-01", sqlite3_column_text (st, 1));
          worksheet_write_number (s, r, 1, excel_date (day), month_fmt);
        }
      worksheet_write_number (s, r, c, g, NULL);
      worksheet_write_number (s, r, c + 1, a / 100.0, money);
      worksheet_write_number (s, r, c + 2, p / 100.0, money);
      worksheet_write_number (s, r, c + 3, (a - p) / 100.0, money);
      n += g; approved += a; paid += p;
      r++;
    }
  sqlite3_finalize (st);
  if (!by_month)
    {
      worksheet_write_string (s, r, 0, "All districts", bold);
      worksheet_write_number (s, r, c, (double) n, NULL);
      worksheet_write_number (s, r, c + 1, approved / 100.0, money);
      worksheet_write_number (s, r, c + 2, paid / 100.0, money);
      worksheet_write_number (s, r, c + 3, (approved - paid) / 100.0, money);
    }
}

int
main (int argc, char **argv)
{
  const char *ledger_titles[] = {
    "Date paid", "Grant No.", "Purpose", "Case numbers", "Beneficiaries", "Beneficiaries (Latin)",
    "District", "Tranche", "Method", "Reference", "Amount", "Approved", "Paid to date", "Remaining",
    "Grant status", "Recorded by", NULL
  };
  const double ledger_widths[] = { 12, 11, 34, 18, 30, 30, 16, 8, 20, 24, 14, 14, 14, 14, 14, 22 };
  const char *district_titles[] = { "District", "Grants", "Approved", "Paid", "Remaining", NULL };
  const double district_widths[] = { 20, 10, 16, 16, 16 };
  const char *month_titles[] = { "District", "Month approved", "Grants", "Approved", "Paid", "Remaining", NULL };
  const double month_widths[] = { 20, 14, 10, 16, 16, 16 };
  lxw_workbook_options options = { .constant_memory = LXW_TRUE, .tmpdir = NULL };
  lxw_workbook *wb;
  lxw_worksheet *s;
  lxw_format *hdr, *date, *money, *integer, *wrap, *month_fmt, *bold;
  sqlite3 *db;
  sqlite3_stmt *st;
  lxw_row_t r = 1;
  static char cases[8192], names[8192], latin[8192];

  if (argc != 3)
    {
      fprintf (stderr, "usage: bare-ledger DATABASE OUT.xlsx\n");
      return 2;
    }
  if (sqlite3_open_v2 (argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      fprintf (stderr, "bare-ledger: %s\n", sqlite3_errmsg (db));
      return 1;
    }
  wb = workbook_new_opt (argv[2], &options);
  hdr = workbook_add_format (wb);
  format_set_bold (hdr);
  format_set_bottom (hdr, LXW_BORDER_THIN);
  format_set_text_wrap (hdr);
  format_set_align (hdr, LXW_ALIGN_VERTICAL_TOP);
  date = workbook_add_format (wb);
  format_set_num_format (date, "dd.mm.yyyy");
  money = workbook_add_format (wb);
  format_set_num_format (money, "#,##0.00 \"TJS\"");
  integer = workbook_add_format (wb);
  format_set_num_format (integer, "0");
  wrap = workbook_add_format (wb);
  format_set_text_wrap (wrap);
  month_fmt = workbook_add_format (wb);
  format_set_num_format (month_fmt, "mmmm yyyy");
  bold = workbook_add_format (wb);
  format_set_bold (bold);
  (void) integer; (void) wrap;

  s = workbook_add_worksheet (wb, "Ledger");
  header (s, hdr, ledger_titles, ledger_widths);
  sqlite3_prepare_v2 (db, ledger_sql, -1, &st, NULL);
  while (sqlite3_step (st) == SQLITE_ROW)
    {
      long long amount = sqlite3_column_int64 (st, 9);
      long long approved = sqlite3_column_int64 (st, 10);
      long long to_date = sqlite3_column_int64 (st, 11);
      double serial = excel_date ((const char *) sqlite3_column_text (st, 0));

      split ((const char *) sqlite3_column_text (st, 4), cases, names, latin, sizeof cases);
      if (serial >= 0)
        worksheet_write_number (s, r, 0, serial, date);
      text (s, r, 1, (const char *) sqlite3_column_text (st, 2));
      text (s, r, 2, (const char *) sqlite3_column_text (st, 3));
      text (s, r, 3, cases);
      text (s, r, 4, names);
      text (s, r, 5, latin);
      text (s, r, 6, (const char *) sqlite3_column_text (st, 5));
      worksheet_write_number (s, r, 7, sqlite3_column_int (st, 6), NULL);
      text (s, r, 8, method_label ((const char *) sqlite3_column_text (st, 7)));
      text (s, r, 9, (const char *) sqlite3_column_text (st, 8));
      worksheet_write_number (s, r, 10, amount / 100.0, money);
      worksheet_write_number (s, r, 11, approved / 100.0, money);
      worksheet_write_number (s, r, 12, to_date / 100.0, money);
      worksheet_write_number (s, r, 13, (approved - to_date) / 100.0, money);
      text (s, r, 14, status_label ((const char *) sqlite3_column_text (st, 12)));
      text (s, r, 15, (const char *) sqlite3_column_text (st, 13));
      r++;
    }
  sqlite3_finalize (st);

  s = workbook_add_worksheet (wb, "By district");
  header (s, hdr, district_titles, district_widths);
  totals (db, s, 0, money, month_fmt, bold);
  s = workbook_add_worksheet (wb, "By month");
  header (s, hdr, month_titles, month_widths);
  totals (db, s, 1, money, month_fmt, bold);

  sqlite3_close (db);
  if (workbook_close (wb) != LXW_NO_ERROR)
    {
      fprintf (stderr, "bare-ledger: could not write %s\n", argv[2]);
      return 1;
    }
  return 0;
}
