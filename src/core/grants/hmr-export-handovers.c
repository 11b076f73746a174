/* hmr-export-handovers.c — every handed-over item in Excel, for finance
 *
 * One row per item of every act.  A signed act that a signed correction
 * replaced says so ("Replaced by a correction", and which act), and below
 * the items, outside the autofilter, three totals: the signed acts in
 * force, the drafts not yet signed, and the acts replaced.  Only the first
 * is what was handed over.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hmr-handover.h"
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
  gint64           in_force;
  gint64           drafts;
  gint64           replaced;
} Items;

static gboolean
write_item (const HmrHandoverItemRow  *r,
            gpointer                   user_data,
            GError                   **error)
{
  Items *x = user_data;
  lxw_worksheet *s = x->sheet;
  guint32 row = x->row++;
  HmrHandoverItem item = { .quantity = r->quantity, .unit_value = r->unit_value };
  gint64 total = hmr_handover_item_get_total (&item);
  gboolean draft = g_strcmp0 (r->status, "signed") != 0;
  const char *status = draft ? r->status : r->corrected_by_reference ? "replaced" : "signed";

  hmr_xlsx_date (x->xlsx, s, row, 0, r->handed_on);
  hmr_xlsx_text (s, row, 1, r->act_reference);
  hmr_xlsx_text (s, row, 2, hmr_code_get_label (HMR_CODES_HANDOVER_STATUS, status));
  hmr_xlsx_text (s, row, 3, r->corrects_reference);
  hmr_xlsx_text (s, row, 4, r->corrected_by_reference);
  hmr_xlsx_text (s, row, 5, r->grant_reference);
  hmr_xlsx_text (s, row, 6, r->grant_purpose);
  hmr_xlsx_text (s, row, 7, r->case_number);
  hmr_xlsx_text (s, row, 8, r->full_name);
  hmr_xlsx_text (s, row, 9, r->latin_name);
  hmr_xlsx_text (s, row, 10, hmr_district_get_label (r->district));
  hmr_xlsx_text (s, row, 11, r->place);
  hmr_xlsx_text (s, row, 12, r->received_by);
  hmr_xlsx_text (s, row, 13, r->witnesses);
  hmr_xlsx_text (s, row, 14, r->item);
  hmr_xlsx_text (s, row, 15, r->serial);
  hmr_xlsx_number (x->xlsx, s, row, 16, r->quantity);
  hmr_xlsx_money (x->xlsx, s, row, 17, r->unit_value);
  hmr_xlsx_money (x->xlsx, s, row, 18, total);
  if (draft)
    x->drafts += total;
  else if (r->corrected_by_reference)
    x->replaced += total;
  else
    x->in_force += total;

  if (row % PROGRESS_EVERY == 0)
    {
      if (g_cancellable_set_error_if_cancelled (x->cancellable, error))
        return FALSE;
      if (x->progress && x->total > 0)
        x->progress (MIN (0.99, (double) row / x->total), x->progress_data);
    }
  return TRUE;
}

/* The three totals, after a blank row below the filtered items */
static void
write_totals (Items *x)
{
  const HmrXlsxFormats *formats = hmr_xlsx_get_formats (x->xlsx);
  struct { const char *label; gint64 value; } totals[] = {
    { _("Signed acts in force"), x->in_force },
    { _("Drafts, not yet signed"), x->drafts },
    { _("Replaced by a correction"), x->replaced },
  };
  guint32 row = x->row + 1;

  for (guint i = 0; i < G_N_ELEMENTS (totals); i++, row++)
    {
      worksheet_write_string (x->sheet, row, 0, totals[i].label, formats->total);
      hmr_xlsx_money (x->xlsx, x->sheet, row, 18, totals[i].value);
    }
}

static gboolean
write_handovers (HmrStore         *store,
                 const HmrActor   *actor,
                 const char       *path,
                 GCancellable     *cancellable,
                 HmrProgressFunc   progress,
                 gpointer          progress_data,
                 char            **detail,
                 GError          **error)
{
  const char *titles[] = {
    _("Date"), _("Act No."), _("Status"), _("Corrects act"), _("Corrected by"), _("Grant No."), _("Grant purpose"),
    _("Case number"), _("Recipient"), _("Recipient (Latin)"), _("District"), _("Place"),
    _("Received by"), _("Witnesses"), _("Item"), _("Serial number"), _("Quantity"),
    _("Unit value"), _("Total value"), NULL
  };
  const double widths[] = { 12, 17, 14, 17, 17, 17, 30, 16, 26, 26, 16, 30, 24, 40, 30, 16, 9, 16, 16 };
  Items x = { 0 };

  if (!hmr_store_require (actor, HMR_ACTION_EXPORT_HANDOVERS, NULL, error))
    return FALSE;
  x.total = hmr_store_count_handover_item_rows (store, actor, error);
  if (x.total < 0)
    return FALSE;
  x.xlsx = hmr_xlsx_new (path, TRUE, error);
  if (x.xlsx == NULL)
    return FALSE;
  x.cancellable = cancellable;
  x.progress = progress;
  x.progress_data = progress_data;
  x.row = 1;
  x.sheet = hmr_xlsx_add_sheet (x.xlsx, _("Handovers"));
  hmr_xlsx_header (x.xlsx, x.sheet, titles, widths);

  if (!hmr_store_foreach_handover_item_row (store, actor, write_item, &x, cancellable, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      hmr_xlsx_abandon (x.xlsx);
      return FALSE;
    }
  hmr_xlsx_filter (x.xlsx, x.sheet, x.row - 1);
  write_totals (&x);
  if (!hmr_xlsx_finish (x.xlsx, error))
    return FALSE;
  if (progress)
    progress (1.0, progress_data);

  *detail = g_strdup_printf ("handovers: %u items", x.row - 1);
  return TRUE;
}

/**
 * hmr_export_handovers:
 *
 * Writes one row per handed-over item (drafts, signed acts and their
 * corrections) to @path, and the totals in force, drafted and replaced.  Finance and supervisors.
 * Leaves no file behind when it fails or is cancelled; writes an "export" audit row when it succeeds.
 *
 * Every sheet is read in one read transaction: what other connections
 * commit meanwhile shows on none of them rather than on some.
 */
gboolean
hmr_export_handovers (HmrStore         *store,
                      const HmrActor   *actor,
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
  ok = write_handovers (store, actor, path, cancellable, progress, progress_data, &detail, error);
  hmr_store_end_snapshot (store);
  if (!ok)
    return FALSE;
  if (!hmr_store_audit_event (store, actor, "export", "handover", NULL, detail, error))
    {
      /* an export the audit trail does not show is not left behind */
      g_unlink (path);
      return FALSE;
    }
  return TRUE;
}
