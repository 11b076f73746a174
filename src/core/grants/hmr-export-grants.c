/* hmr-export-grants.c — the grant ledger in Excel, for finance
 *
 * Sheet "Ledger": one row per tranche (dates as Excel dates, amounts as
 * numbers in TJS, user text always text).  Sheets "By district" and "By
 * month": the totals of hmr_store_list_grant_totals(), the grants in force
 * apart from those cancelled after approval.  Written in
 * constant_memory mode: 100,000 tranches need no more memory than ten.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hmr-grant.h"
#include "hmr-labels.h"
#include "hmr-xlsx.h"

#define PROGRESS_EVERY 512

typedef struct
{
  HmrXlsx         *xlsx;
  lxw_worksheet   *sheet;
  guint32          row;
  gint64           total;
  GCancellable    *cancellable;
  HmrProgressFunc  progress;
  gpointer         progress_data;
} Ledger;

static gboolean
write_tranche (const HmrLedgerRow  *r,
               gpointer             user_data,
               GError             **error)
{
  Ledger *l = user_data;
  lxw_worksheet *s = l->sheet;
  guint32 row = l->row++;

  hmr_xlsx_date (l->xlsx, s, row, 0, r->paid_on);
  hmr_xlsx_text (s, row, 1, r->grant_reference);
  hmr_xlsx_text (s, row, 2, r->purpose);
  hmr_xlsx_text (s, row, 3, r->case_numbers);
  hmr_xlsx_text (s, row, 4, r->names);
  hmr_xlsx_text (s, row, 5, r->latin_names);
  hmr_xlsx_text (s, row, 6, hmr_district_get_label (r->district));
  hmr_xlsx_number (l->xlsx, s, row, 7, r->tranche);
  hmr_xlsx_text (s, row, 8, hmr_disbursement_method_get_label (r->method));
  hmr_xlsx_text (s, row, 9, r->reference);
  hmr_xlsx_money (l->xlsx, s, row, 10, r->amount);
  hmr_xlsx_money (l->xlsx, s, row, 11, r->approved);
  hmr_xlsx_money (l->xlsx, s, row, 12, r->paid_to_date);
  hmr_xlsx_money (l->xlsx, s, row, 13, r->approved - r->paid_to_date);
  hmr_xlsx_text (s, row, 14, hmr_code_get_label (HMR_CODES_GRANT_STATUS, r->status));
  hmr_xlsx_text (s, row, 15, r->recorded_by);

  if (row % PROGRESS_EVERY == 0)
    {
      if (g_cancellable_set_error_if_cancelled (l->cancellable, error))
        return FALSE;
      if (l->progress && l->total > 0)
        l->progress (MIN (0.95, 0.95 * row / l->total), l->progress_data);
    }
  return TRUE;
}

static void
write_totals (HmrXlsx       *xlsx,
              lxw_worksheet *sheet,
              GPtrArray     *totals,
              gboolean       by_month,
              lxw_format    *month_format,
              lxw_format    *bold)
{
  guint32 row = 1;
  HmrGrantTotals all = { 0 };
  guint16 c = by_month ? 2 : 1;

  for (guint i = 0; i < totals->len; i++, row++)
    {
      HmrGrantTotals *t = g_ptr_array_index (totals, i);

      hmr_xlsx_text (sheet, row, 0, hmr_district_get_label (t->district));
      if (by_month && t->month)
        {
          g_autofree char *day = g_strconcat (t->month, "-01", NULL);
          worksheet_write_number (sheet, row, 1, hmr_xlsx_excel_date (day), month_format);
        }
      hmr_xlsx_number (xlsx, sheet, row, c, t->n_grants);
      hmr_xlsx_money (xlsx, sheet, row, c + 1, t->approved);
      hmr_xlsx_money (xlsx, sheet, row, c + 2, t->paid);
      hmr_xlsx_money (xlsx, sheet, row, c + 3, t->remaining);
      hmr_xlsx_number (xlsx, sheet, row, c + 4, t->n_cancelled);
      hmr_xlsx_money (xlsx, sheet, row, c + 5, t->cancelled_paid);
      all.n_grants += t->n_grants;
      all.approved += t->approved;
      all.paid += t->paid;
      all.remaining += t->remaining;
      all.n_cancelled += t->n_cancelled;
      all.cancelled_paid += t->cancelled_paid;
    }
  hmr_xlsx_filter (xlsx, sheet, row - 1);
  if (!by_month)
    {
      /* the grand total, set apart in bold after a blank row, outside the
       * autofilter: sorting the districts leaves it last */
      row++;
      worksheet_write_string (sheet, row, 0, _("All districts"), bold);
      hmr_xlsx_number (xlsx, sheet, row, c, all.n_grants);
      hmr_xlsx_money (xlsx, sheet, row, c + 1, all.approved);
      hmr_xlsx_money (xlsx, sheet, row, c + 2, all.paid);
      hmr_xlsx_money (xlsx, sheet, row, c + 3, all.remaining);
      hmr_xlsx_number (xlsx, sheet, row, c + 4, all.n_cancelled);
      hmr_xlsx_money (xlsx, sheet, row, c + 5, all.cancelled_paid);
    }
}

/* The per-district totals from the per-month ones (both by district, then
 * month): one pass over the grants instead of two */
static GPtrArray *
sum_by_district (GPtrArray *by_month)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_grant_totals_free);
  HmrGrantTotals *cur = NULL;

  for (guint i = 0; i < by_month->len; i++)
    {
      HmrGrantTotals *m = g_ptr_array_index (by_month, i);

      if (cur == NULL || g_strcmp0 (cur->district, m->district) != 0)
        {
          cur = g_new0 (HmrGrantTotals, 1);
          cur->district = g_strdup (m->district);
          g_ptr_array_add (out, cur);
        }
      cur->n_grants += m->n_grants;
      cur->approved += m->approved;
      cur->paid += m->paid;
      cur->remaining += m->remaining;
      cur->n_cancelled += m->n_cancelled;
      cur->cancelled_paid += m->cancelled_paid;
    }
  return out;
}

static gboolean
write_grant_ledger (HmrStore         *store,
                    const HmrActor   *actor,
                    const char       *district,
                    const char       *path,
                    GCancellable     *cancellable,
                    HmrProgressFunc   progress,
                    gpointer          progress_data,
                    char            **detail,
                    GError          **error)
{
  g_autoptr(GPtrArray) by_district = NULL;
  g_autoptr(GPtrArray) by_month = NULL;
  const char *ledger_titles[] = {
    _("Date paid"), _("Grant No."), _("Purpose"), _("Case numbers"), _("Beneficiaries"),
    _("Beneficiaries (Latin)"), _("District"), _("Tranche"), _("Method"), _("Reference"),
    _("Amount"), _("Approved"), _("Paid to date"), _("Remaining"), _("Grant status"),
    _("Recorded by"), NULL
  };
  const double ledger_widths[] = { 12, 17, 34, 18, 30, 30, 16, 8, 20, 36, 16, 16, 16, 16, 14, 22 };
  /* the grants in force; those cancelled after approval apart, with what
   * was paid on them before: Paid + Paid before cancellation = the ledger */
  const char *district_titles[] = {
    _("District"), _("Grants in force"), _("Approved"), _("Paid"), _("Remaining"),
    _("Cancelled grants"), _("Paid before cancellation"), NULL
  };
  const double district_widths[] = { 20, 10, 18, 18, 18, 12, 18 };
  const char *month_titles[] = {
    _("District"), _("Month approved"), _("Grants in force"), _("Approved"), _("Paid"), _("Remaining"),
    _("Cancelled grants"), _("Paid before cancellation"), NULL
  };
  const double month_widths[] = { 20, 14, 10, 18, 18, 18, 12, 18 };
  lxw_format *month_format, *bold;
  lxw_worksheet *sheet;
  Ledger l = { 0 };

  if (!hmr_store_require (actor, HMR_ACTION_EXPORT_LEDGER, NULL, error))
    return FALSE;
  l.total = hmr_store_count_ledger_rows (store, actor, district, error);
  if (l.total < 0)
    return FALSE;
  by_month = hmr_store_list_grant_totals (store, actor, TRUE, district, error);
  if (by_month == NULL)
    return FALSE;
  by_district = sum_by_district (by_month);

  l.xlsx = hmr_xlsx_new (path, TRUE, error);
  if (l.xlsx == NULL)
    return FALSE;
  l.cancellable = cancellable;
  l.progress = progress;
  l.progress_data = progress_data;
  l.row = 1;

  month_format = workbook_add_format (hmr_xlsx_get_workbook (l.xlsx));
  format_set_num_format (month_format, "mmmm yyyy");
  bold = workbook_add_format (hmr_xlsx_get_workbook (l.xlsx));
  format_set_bold (bold);

  l.sheet = hmr_xlsx_add_sheet (l.xlsx, _("Ledger"));
  hmr_xlsx_header (l.xlsx, l.sheet, ledger_titles, ledger_widths);
  if (!hmr_store_foreach_ledger_row (store, actor, district, write_tranche, &l, cancellable, error))
    {
      hmr_xlsx_abandon (l.xlsx);
      return FALSE;
    }

  hmr_xlsx_filter (l.xlsx, l.sheet, l.row - 1);
  sheet = hmr_xlsx_add_sheet (l.xlsx, _("By district"));
  hmr_xlsx_header (l.xlsx, sheet, district_titles, district_widths);
  write_totals (l.xlsx, sheet, by_district, FALSE, month_format, bold);
  sheet = hmr_xlsx_add_sheet (l.xlsx, _("By month"));
  hmr_xlsx_header (l.xlsx, sheet, month_titles, month_widths);
  write_totals (l.xlsx, sheet, by_month, TRUE, month_format, bold);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      hmr_xlsx_abandon (l.xlsx);
      return FALSE;
    }
  if (!hmr_xlsx_finish (l.xlsx, error))
    return FALSE;
  if (progress)
    progress (1.0, progress_data);

  *detail = g_strdup_printf ("grant ledger: %u tranches%s%s", l.row - 1,
                            district ? ", district " : "", district ? district : "");
  return TRUE;
}

/**
 * hmr_export_grant_ledger:
 * @district: (nullable): one district, or %NULL for all
 *
 * Writes the grant ledger to @path (finance and supervisors, the role
 * table's exports).  Leaves no file behind when it fails or is cancelled;
 * writes an "export" audit row when it succeeds.
 *
 * Every sheet is read in one read transaction: what other connections
 * commit meanwhile shows on none of them rather than on some.
 */
gboolean
hmr_export_grant_ledger (HmrStore         *store,
                         const HmrActor   *actor,
                         const char       *district,
                         const char       *path,
                         GCancellable     *cancellable,
                         HmrProgressFunc   progress,
                         gpointer          progress_data,
                         GError          **error)
{
  g_autofree char *detail = NULL;
  gboolean ok;

  if (!hmr_store_begin_snapshot (store, error))
    return FALSE;
  ok = write_grant_ledger (store, actor, district, path, cancellable, progress, progress_data, &detail, error);
  hmr_store_end_snapshot (store);
  if (!ok)
    return FALSE;
  if (!hmr_store_audit_event (store, actor, "export", "grant_ledger", NULL, detail, error))
    {
      /* an export the audit trail does not show is not left behind */
      g_unlink (path);
      return FALSE;
    }
  return TRUE;
}
