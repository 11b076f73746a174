/* test-ledger.c — the grant ledger in Excel, read back with openpyxl
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include "grant-test-util.h"
#include "hmr-store-private.h"

#define FORMULA "=HYPERLINK(\"http://x\",\"y\")"

/* Every sheet: "#sheet TITLE FREEZE FILTER", then one line per row, cells
 * as type|value|number format, separated by tabs */
static const char dump_script[] =
  "import sys, openpyxl\n"
  "wb = openpyxl.load_workbook(sys.argv[1])\n"
  "for ws in wb.worksheets:\n"
  "    print('#sheet', ws.title.replace(' ', '_'), ws.freeze_panes, ws.auto_filter.ref)\n"
  "    for row in ws.iter_rows():\n"
  "        print('\\t'.join('%s|%s|%s' % (c.data_type, '' if c.value is None else c.value,\n"
  "                                     c.number_format) for c in row))\n";

typedef struct
{
  char  *title;
  char  *freeze;
  char  *filter;
  GPtrArray *rows;       /* GStrv of "type|value|format" cells */
} Sheet;

static void
sheet_free (Sheet *s)
{
  g_free (s->title);
  g_free (s->freeze);
  g_free (s->filter);
  g_ptr_array_unref (s->rows);
  g_free (s);
}

static GPtrArray *
read_workbook (const char *path)
{
  g_autofree char *out = run_python (dump_script, path);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  GPtrArray *sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) sheet_free);
  Sheet *cur = NULL;

  for (guint i = 0; lines[i]; i++)
    {
      if (g_str_has_prefix (lines[i], "#sheet "))
        {
          g_auto(GStrv) w = g_strsplit (lines[i], " ", 4);
          cur = g_new0 (Sheet, 1);
          cur->title = g_strdup (w[1]);
          cur->freeze = g_strdup (w[2]);
          cur->filter = g_strdup (w[3]);
          cur->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
          g_ptr_array_add (sheets, cur);
        }
      else if (lines[i][0] != '\0')
        g_ptr_array_add (cur->rows, g_strsplit (lines[i], "\t", -1));
    }
  return sheets;
}

static const char *
cell (Sheet  *s,
      guint   row,
      guint   col,
      char   *type_out)
{
  char **cells = g_ptr_array_index (s->rows, row);
  const char *c;

  g_assert_cmpuint (col, <, g_strv_length (cells));
  c = cells[col];
  *type_out = c[0];
  return c + 2;
}

/* A money cell: a number in the TJS format, in dirams */
/* A count: a plain number */
static gint64
count_of (Sheet *s,
          guint  row,
          guint  col)
{
  char type;
  const char *c = cell (s, row, col, &type);

  g_assert_cmpint (type, ==, 'n');
  return g_ascii_strtoll (c, NULL, 10);
}

static gint64
money (Sheet *s,
       guint  row,
       guint  col)
{
  char type;
  const char *c = cell (s, row, col, &type);
  const char *bar = strrchr (c, '|');
  g_autofree char *value = g_strndup (c, bar - c);

  g_assert_cmpint (type, ==, 'n');
  g_assert_cmpstr (bar + 1, ==, "#,##0.00 \"TJS\"");
  return (gint64) llround (g_ascii_strtod (value, NULL) * 100);
}

static char *
text_of (Sheet *s,
         guint  row,
         guint  col)
{
  char type;
  const char *c = cell (s, row, col, &type);
  const char *bar = strrchr (c, '|');

  g_assert_cmpint (type, ==, 's');
  return g_strndup (c, bar - c);
}

typedef struct
{
  char *formula_grant;
  gint64 paid;           /* every tranche, by the store */
} Ledger;

static void
pay (Fixture    *f,
     const char *grant,
     const char *day,
     gint64      amount)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hmr_store_record_disbursement (f->store, f->finance, grant, day, amount, "cash",
                                                "Cash receipt", NULL, &error));
  g_assert_no_error (error);
}

/* Two districts, odd dirams, a grant approved and not paid, a grant
 * cancelled after a tranche, a purpose that looks like a formula */
static void
fill (Fixture *f,
      Ledger  *l)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *b1 = add_person (f, f->caseworker, "Ҷӯраев", "Ғайрат", "Juraev", "Dusti");
  g_autofree char *b2 = add_person (f, f->caseworker, "Қодиров", "Умед", "Qodirov", "Dusti");
  g_autofree char *b3 = add_person (f, f->caseworker, "Назаров", "Далер", NULL, "Dusti");
  g_autofree char *p1 = add_person (f, f->caseworker_panj, "Ҳасанов", "Фирӯз", "Hasanov", "Panj");
  g_autoptr(HmrGrant) shop = field_example_grant (b1, b2, b3);
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL, *e = NULL;
  g_autoptr(GPtrArray) all = NULL;

  g_assert_true (hmr_store_insert_grant (f->store, f->caseworker, shop, &error));
  submit_and_approve (f, shop->id, 587400);
  pay (f, shop->id, "2026-10-02", 200001);
  pay (f, shop->id, "2026-11-12", 123456);

  a = add_grant (f, f->caseworker, b1, "Welding workshop", 99999);
  submit_and_approve (f, a, 99999);
  pay (f, a, "2026-10-05", 99999);
  g_assert_true (hmr_store_verify_grant (f->store, f->finance, a, NULL, &error));

  b = add_grant (f, f->caseworker, b2, "Greenhouse", 70000);
  submit_and_approve (f, b, 70000);                   /* waiting for money */

  c = add_grant (f, f->caseworker_panj, p1, "Carpentry", 250050);
  g_assert_true (hmr_store_submit_grant (f->store, f->caseworker_panj, c, NULL, &error));
  g_assert_true (hmr_store_approve_grant (f->store, f->supervisor, c, 250050, NULL, &error));
  pay (f, c, "2026-11-01", 10007);

  d = add_grant (f, f->caseworker_panj, p1, FORMULA, 100000);
  g_assert_true (hmr_store_submit_grant (f->store, f->caseworker_panj, d, NULL, &error));
  g_assert_true (hmr_store_approve_grant (f->store, f->supervisor, d, 100000, NULL, &error));
  pay (f, d, "2026-11-20", 1000);

  e = add_grant (f, f->caseworker_panj, p1, "Village shop", 300000);
  g_assert_true (hmr_store_submit_grant (f->store, f->caseworker_panj, e, NULL, &error));
  g_assert_true (hmr_store_approve_grant (f->store, f->supervisor, e, 300000, NULL, &error));
  pay (f, e, "2026-11-03", 50005);
  g_assert_true (hmr_store_cancel_grant (f->store, f->supervisor, e, "Left for Russia again", &error));
  g_assert_no_error (error);

  /* what the store says was paid, grant by grant, in dirams */
  all = hmr_store_list_grants (f->store, f->finance, NULL, &error);
  l->paid = 0;
  for (guint i = 0; i < all->len; i++)
    l->paid += ((HmrGrantSummary *) g_ptr_array_index (all, i))->paid;
  g_assert_cmpint (l->paid, ==, 200001 + 123456 + 99999 + 10007 + 1000 + 50005);
  l->formula_grant = g_steal_pointer (&d);
}

static void
test_totals_equal_the_store_to_the_diram (Fixture       *f,
                                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xlsx = g_build_filename (f->dir, "ledger.xlsx", NULL);
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GPtrArray) by_district = NULL;
  g_autoptr(GPtrArray) by_month = NULL;
  Ledger l = { 0 };
  Sheet *ledger, *districts, *months;
  gint64 sum = 0, approved = 0, paid = 0, remaining = 0, cancelled_paid = 0;
  guint n_grants = 0, n_cancelled = 0;
  struct stat st;
  gboolean formula_seen = FALSE;

  fill (f, &l);
  g_assert_true (hmr_export_grant_ledger (f->store, f->finance, NULL, xlsx, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (xlsx, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  sheets = read_workbook (xlsx);
  g_assert_cmpuint (sheets->len, ==, 3);
  ledger = g_ptr_array_index (sheets, 0);
  districts = g_ptr_array_index (sheets, 1);
  months = g_ptr_array_index (sheets, 2);
  g_assert_cmpstr (ledger->title, ==, "Ledger");
  g_assert_cmpstr (ledger->freeze, ==, "A2");
  /* the autofilter covers the data and nothing below */
  g_assert_cmpstr (ledger->filter, ==, "A1:P7");
  g_assert_cmpstr (districts->freeze, ==, "A2");

  /* one row per tranche, dates as dates, amounts as TJS numbers */
  g_assert_cmpuint (ledger->rows->len, ==, 1 + 6);
  for (guint r = 1; r < ledger->rows->len; r++)
    {
      char type;
      g_autofree char *purpose = text_of (ledger, r, 2);

      cell (ledger, r, 0, &type);
      g_assert_cmpint (type, ==, 'd');
      sum += money (ledger, r, 10);
      g_assert_cmpint (money (ledger, r, 13), ==, money (ledger, r, 11) - money (ledger, r, 12));
      /* text that looks like a formula is a string, exactly as typed */
      if (g_str_equal (purpose, FORMULA))
        formula_seen = TRUE;
    }
  g_assert_true (formula_seen);
  g_assert_cmpint (sum, ==, l.paid);
  {
    /* the oldest first; the three who share the shop are named */
    g_autofree char *first = text_of (ledger, 1, 4);
    g_autofree char *cases = text_of (ledger, 1, 3);
    g_autofree char *latin = text_of (ledger, 1, 5);
    g_assert_cmpstr (first, ==, "Ҷӯраев Ғайрат; Қодиров Умед; Назаров Далер");
    g_assert_cmpstr (cases, ==, "DST-2026-00001; DST-2026-00002; DST-2026-00003");
    g_assert_cmpstr (latin, ==, "Juraev; Qodirov");
    g_assert_cmpint (money (ledger, 1, 10), ==, 200001);
  }

  /* the summary by district is the store's, to the diram */
  by_district = hmr_store_list_grant_totals (f->store, f->finance, FALSE, NULL, &error);
  /* the districts, a blank row, the total: the total is outside the autofilter */
  g_assert_cmpuint (districts->rows->len, ==, 1 + by_district->len + 2);
  {
    g_autofree char *expected = g_strdup_printf ("A1:G%u", 1 + by_district->len);
    g_assert_cmpstr (districts->filter, ==, expected);
  }
  for (guint i = 0; i < by_district->len; i++)
    {
      HmrGrantTotals *t = g_ptr_array_index (by_district, i);
      g_autofree char *name = text_of (districts, i + 1, 0);

      g_assert_cmpstr (name, ==, t->district);
      g_assert_cmpint (money (districts, i + 1, 2), ==, t->approved);
      g_assert_cmpint (money (districts, i + 1, 3), ==, t->paid);
      g_assert_cmpint (money (districts, i + 1, 4), ==, t->remaining);
      g_assert_cmpint (money (districts, i + 1, 6), ==, t->cancelled_paid);
      approved += t->approved;
      paid += t->paid;
      remaining += t->remaining;
      cancelled_paid += t->cancelled_paid;
      n_grants += t->n_grants;
      n_cancelled += t->n_cancelled;
    }
  /* the tranches of the ledger: the grants in force, and what was paid on
   * the cancelled one before it was cancelled */
  g_assert_cmpint (paid + cancelled_paid, ==, l.paid);
  g_assert_cmpint (cancelled_paid, ==, 50005);
  /* Dusti: 5,874.00 + 999.99 + 700.00 approved; Panj: 2,500.50 + 1,000.00;
   * the cancelled village shop is not among the approved grants */
  g_assert_cmpint (approved, ==, 587400 + 99999 + 70000 + 250050 + 100000);
  g_assert_cmpuint (n_grants, ==, 5);
  g_assert_cmpuint (n_cancelled, ==, 1);
  g_assert_cmpint (remaining, ==, approved - paid);
  g_assert_cmpint (count_of (districts, by_district->len + 2, 1), ==, 5);
  g_assert_cmpint (count_of (districts, by_district->len + 2, 5), ==, 1);
  g_assert_cmpint (money (districts, by_district->len + 2, 6), ==, 50005);
  g_assert_cmpint (money (districts, by_district->len + 2, 2), ==, approved);
  g_assert_cmpint (money (districts, by_district->len + 2, 3), ==, paid);
  g_assert_cmpint (money (districts, by_district->len + 2, 4), ==, remaining);

  by_month = hmr_store_list_grant_totals (f->store, f->finance, TRUE, NULL, &error);
  g_assert_cmpuint (months->rows->len, ==, 1 + by_month->len);
  {
    g_autofree char *expected = g_strdup_printf ("A1:H%u", 1 + by_month->len);
    g_assert_cmpstr (months->filter, ==, expected);
  }
  for (guint i = 0; i < by_month->len; i++)
    {
      HmrGrantTotals *t = g_ptr_array_index (by_month, i);
      char type;

      cell (months, i + 1, 1, &type);
      g_assert_cmpint (type, ==, 'd');
      g_assert_cmpint (money (months, i + 1, 3), ==, t->approved);
      g_assert_cmpint (money (months, i + 1, 4), ==, t->paid);
    }

  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE action = 'export' "
                                        "AND entity = 'grant_ledger' AND username = 'f.saidov'"), ==, 1);
  g_free (l.formula_grant);
}

static void
test_formula_purpose_is_text (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xlsx = g_build_filename (f->dir, "formula.xlsx", NULL);
  g_autofree char *out = NULL;
  Ledger l = { 0 };
  const char *script =
    "import sys, openpyxl\n"
    "ws = openpyxl.load_workbook(sys.argv[1])['Ledger']\n"
    "for row in ws.iter_rows(min_row=2):\n"
    "    if row[2].value and row[2].value.startswith('='):\n"
    "        print(row[2].data_type, row[2].value)\n";

  fill (f, &l);
  g_assert_true (hmr_export_grant_ledger (f->store, f->finance, "Panj", xlsx, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  out = run_python (script, xlsx);
  g_assert_cmpstr (out, ==, "s " FORMULA "\n");
  g_free (l.formula_grant);
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

static void
test_refused_cancelled_and_progress (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *xlsx = g_build_filename (f->dir, "refused.xlsx", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;
  double last = 0;
  Ledger l = { 0 };

  fill (f, &l);
  /* the ledger is finance's and the supervisors' (who export everything) */
  g_assert_false (hmr_export_grant_ledger (f->store, f->caseworker, NULL, xlsx, NULL, NULL, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "may not export the grant ledger"));
  g_clear_error (&error);
  g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));
  g_assert_true (hmr_export_grant_ledger (f->store, f->supervisor, NULL, xlsx, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_unlink (xlsx), ==, 0);
  exec_sql (f->path, "DELETE FROM audit_log WHERE action = 'export'");

  /* cancelled: no file, no partial file, no audit row */
  g_cancellable_cancel (cancellable);
  g_assert_false (hmr_export_grant_ledger (f->store, f->finance, NULL, xlsx, cancellable, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)))
    g_assert_false (g_str_has_prefix (name, ".hamroh-partial"));
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE action = 'export'"), ==, 0);

  /* progress goes up to the end */
  g_assert_true (hmr_export_grant_ledger (f->store, f->finance, NULL, xlsx, NULL, progress_cb, &last, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (last, ==, 1.0);
  g_free (l.formula_grant);
}

/* A tranche entered late with an earlier date comes first in the ledger;
 * what was paid to date still follows the tranches' order */
static void
test_paid_to_date_follows_the_tranches (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xlsx = g_build_filename (f->dir, "order.xlsx", NULL);
  g_autofree char *person = add_person (f, f->caseworker, "Ҷӯраев", "Ғайрат", NULL, "Dusti");
  g_autofree char *id = add_grant (f, f->caseworker, person, "Sewing workshop", 900000);
  g_autoptr(GPtrArray) sheets = NULL;
  Sheet *ledger;

  submit_and_approve (f, id, 900000);
  pay (f, id, "2026-11-10", 100000);     /* tranche 1 */
  pay (f, id, "2026-11-01", 200000);     /* tranche 2, paid earlier, entered later */
  pay (f, id, "2026-11-20", 300000);     /* tranche 3 */
  g_assert_true (hmr_export_grant_ledger (f->store, f->finance, NULL, xlsx, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  sheets = read_workbook (xlsx);
  ledger = g_ptr_array_index (sheets, 0);
  g_assert_cmpuint (ledger->rows->len, ==, 4);
  /* by date: tranche 2, 1, 3 */
  g_assert_cmpint (money (ledger, 1, 10), ==, 200000);
  g_assert_cmpint (money (ledger, 1, 12), ==, 300000);
  g_assert_cmpint (money (ledger, 2, 10), ==, 100000);
  g_assert_cmpint (money (ledger, 2, 12), ==, 100000);
  g_assert_cmpint (money (ledger, 3, 12), ==, 600000);
  g_assert_cmpint (money (ledger, 3, 13), ==, 300000);
}

/* ---- one snapshot ------------------------------------------------------ */

typedef struct
{
  Fixture  *f;
  HmrStore *other;       /* another connection, as another finance laptop's */
  char     *grant;
  gboolean  recorded;
} MidExport;

/* When the export starts reading the tranches, a tranche is recorded on
 * another connection */
static int
record_mid_export (unsigned  type,
                   void     *data,
                   void     *stmt,
                   void     *x)
{
  MidExport *m = data;
  g_autoptr(GError) error = NULL;

  if (m->recorded || strstr (sqlite3_sql (stmt), "FROM disbursement d LEFT JOIN app_user") == NULL)
    return 0;
  m->recorded = TRUE;
  g_assert_true (hmr_store_record_disbursement (m->other, m->f->finance, m->grant, "2026-11-21", 5000, "cash",
                                                "Recorded meanwhile", NULL, &error));
  g_assert_no_error (error);
  return 0;
}

static gint64
sum_column (Sheet *s,
            guint  first,
            guint  last,
            guint  col)
{
  gint64 sum = 0;

  for (guint r = first; r <= last; r++)
    sum += money (s, r, col);
  return sum;
}

static void
test_tranche_recorded_mid_export (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xlsx = g_build_filename (f->dir, "ledger.xlsx", NULL);
  g_autofree char *person = add_person (f, f->caseworker, "Каримов", "Шералӣ", NULL, "Dusti");
  g_autoptr(GPtrArray) sheets = NULL;
  g_autoptr(GPtrArray) after = NULL;
  Ledger l = { 0 };
  MidExport m = { f };
  Sheet *ledger, *districts, *months;
  gint64 paid_after = 0;

  fill (f, &l);
  m.grant = add_grant (f, f->caseworker, person, "Sewing machines", 90000);
  submit_and_approve (f, m.grant, 90000);
  m.other = hmr_store_open (f->path, &error);
  g_assert_no_error (error);

  sqlite3_trace_v2 (f->store->db, SQLITE_TRACE_STMT, record_mid_export, &m);
  g_assert_true (hmr_export_grant_ledger (f->store, f->finance, NULL, xlsx, NULL, NULL, NULL, &error));
  sqlite3_trace_v2 (f->store->db, 0, NULL, NULL);
  g_assert_no_error (error);
  g_assert_true (m.recorded);

  /* the tranche is saved ... */
  after = hmr_store_list_grants (f->store, f->finance, NULL, &error);
  for (guint i = 0; i < after->len; i++)
    paid_after += ((HmrGrantSummary *) g_ptr_array_index (after, i))->paid;
  g_assert_cmpint (paid_after, ==, l.paid + 5000);

  /* ... and the workbook is the ledger as it stood when the export began:
   * the tranche is on none of its sheets, and the sheets agree */
  sheets = read_workbook (xlsx);
  ledger = g_ptr_array_index (sheets, 0);
  districts = g_ptr_array_index (sheets, 1);
  months = g_ptr_array_index (sheets, 2);
  g_assert_cmpuint (ledger->rows->len, ==, 1 + 6);
  g_assert_cmpint (sum_column (ledger, 1, ledger->rows->len - 1, 10), ==, l.paid);
  /* districts: the rows, a blank one, the total: paid on the grants in
   * force and on the cancelled one, the ledger's tranches */
  g_assert_cmpint (money (districts, districts->rows->len - 1, 3) +
                   money (districts, districts->rows->len - 1, 6), ==, l.paid);
  g_assert_cmpint (sum_column (months, 1, months->rows->len - 1, 4), ==,
                   money (districts, districts->rows->len - 1, 3));

  g_object_unref (m.other);
  g_free (m.grant);
  g_free (l.formula_grant);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, grant_tear_down)
  ADD ("/ledger/totals-equal-the-store-to-the-diram", test_totals_equal_the_store_to_the_diram);
  ADD ("/ledger/purpose-that-looks-like-a-formula-is-text", test_formula_purpose_is_text);
  ADD ("/ledger/finance-only-cancel-leaves-nothing-progress-ends", test_refused_cancelled_and_progress);
  ADD ("/ledger/paid-to-date-follows-the-tranches-not-the-dates", test_paid_to_date_follows_the_tranches);
  ADD ("/ledger/tranche-recorded-mid-export-on-no-sheet", test_tranche_recorded_mid_export);
#undef ADD
  return g_test_run ();
}
