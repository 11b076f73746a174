/* hmr-export-handovers.c — every handed-over item in Excel, for finance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

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

  hmr_xlsx_date (x->xlsx, s, row, 0, r->handed_on);
  hmr_xlsx_text (s, row, 1, r->act_reference);
  hmr_xlsx_text (s, row, 2, hmr_code_get_label (HMR_CODES_HANDOVER_STATUS, r->status));
  hmr_xlsx_text (s, row, 3, r->corrects_reference);
  hmr_xlsx_text (s, row, 4, r->grant_reference);
  hmr_xlsx_text (s, row, 5, r->grant_purpose);
  hmr_xlsx_text (s, row, 6, r->case_number);
  hmr_xlsx_text (s, row, 7, r->full_name);
  hmr_xlsx_text (s, row, 8, r->latin_name);
  hmr_xlsx_text (s, row, 9, hmr_district_get_label (r->district));
  hmr_xlsx_text (s, row, 10, r->place);
  hmr_xlsx_text (s, row, 11, r->received_by);
  hmr_xlsx_text (s, row, 12, r->witnesses);
  hmr_xlsx_text (s, row, 13, r->item);
  hmr_xlsx_text (s, row, 14, r->serial);
  hmr_xlsx_number (x->xlsx, s, row, 15, r->quantity);
  hmr_xlsx_money (x->xlsx, s, row, 16, r->unit_value);
  hmr_xlsx_money (x->xlsx, s, row, 17, hmr_handover_item_get_total (&item));

  if (row % PROGRESS_EVERY == 0)
    {
      if (g_cancellable_set_error_if_cancelled (x->cancellable, error))
        return FALSE;
      if (x->progress && x->total > 0)
        x->progress (MIN (0.99, (double) row / x->total), x->progress_data);
    }
  return TRUE;
}

/**
 * hmr_export_handovers:
 *
 * Writes one row per handed-over item (drafts, signed acts and their
 * corrections) to @path.  Finance only.  Leaves no file behind when it
 * fails or is cancelled; writes an "export" audit row when it succeeds.
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
  const char *titles[] = {
    _("Date"), _("Act No."), _("Status"), _("Corrects act"), _("Grant No."), _("Grant purpose"),
    _("Case number"), _("Recipient"), _("Recipient (Latin)"), _("District"), _("Place"),
    _("Received by"), _("Witnesses"), _("Item"), _("Serial number"), _("Quantity"),
    _("Unit value"), _("Total value"), NULL
  };
  const double widths[] = { 12, 17, 10, 17, 17, 30, 16, 26, 26, 16, 30, 24, 40, 30, 16, 9, 16, 16 };
  Items x = { 0 };

  if (!hmr_store_require (actor, HMR_ACTION_EXPORT_LEDGER, NULL, error))
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
  if (!hmr_xlsx_finish (x.xlsx, error))
    return FALSE;
  if (progress)
    progress (1.0, progress_data);

  detail = g_strdup_printf ("handovers: %u items", x.row - 1);
  return hmr_store_audit_event (store, actor, "export", "handover", NULL, detail, error);
}
