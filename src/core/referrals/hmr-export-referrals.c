/* hmr-export-referrals.c — the referral board as an Excel workbook
 *
 * Sheet "Referrals": one row per referral in the board's order (overdue
 * first), dates as Excel dates, the overdue flag and days overdue, and the
 * days spent as a draft, waiting for the provider's answer (sent) and in
 * service (accepted), worked out from the history.  Final states are not
 * timed: a referral stays in them for good.
 *
 * Sheet "Summary": per district and service type, the referrals in each
 * status, the overdue ones and the total, with a last row for everything.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hmr-labels.h"
#include "hmr-referral.h"
#include "hmr-xlsx.h"

#define PAGE 512

typedef struct
{
  char  *district;
  char  *service_type;
  guint  by_status[HMR_REFERRAL_N_STATUSES];
  guint  overdue;
  guint  total;
} SummaryRow;

static void
summary_row_free (SummaryRow *s)
{
  g_free (s->district);
  g_free (s->service_type);
  g_free (s);
}

static int
compare_summary (gconstpointer a,
                 gconstpointer b)
{
  const SummaryRow *sa = *(SummaryRow **) a;
  const SummaryRow *sb = *(SummaryRow **) b;
  int c = g_utf8_collate (hmr_district_get_label (sa->district), hmr_district_get_label (sb->district));

  if (c != 0)
    return c;
  return g_utf8_collate (hmr_code_get_label (HMR_CODES_SERVICE_TYPE, sa->service_type),
                         hmr_code_get_label (HMR_CODES_SERVICE_TYPE, sb->service_type));
}

static void
count_row (GHashTable     *summary,
           HmrReferralRow *row)
{
  const char *district = hmr_referral_row_get (row, HMR_REFERRAL_ROW_DISTRICT);
  const char *service = hmr_referral_row_get (row, HMR_REFERRAL_ROW_SERVICE_TYPE);
  g_autofree char *key = g_strdup_printf ("%s\t%s", district ? district : "", service ? service : "");
  SummaryRow *s = g_hash_table_lookup (summary, key);
  int status = hmr_referral_status_from_string (hmr_referral_row_get (row, HMR_REFERRAL_ROW_STATUS));

  if (s == NULL)
    {
      s = g_new0 (SummaryRow, 1);
      s->district = g_strdup (district);
      s->service_type = g_strdup (service);
      g_hash_table_insert (summary, g_steal_pointer (&key), s);
    }
  if (status >= 0)
    s->by_status[status]++;
  if (hmr_referral_row_get_overdue (row))
    s->overdue++;
  s->total++;
}

static void
write_summary_row (HmrXlsx          *xlsx,
                   lxw_worksheet    *sheet,
                   guint32           r,
                   const char       *district_label,
                   const char       *service_label,
                   lxw_format       *format,
                   const SummaryRow *s)
{
  guint16 col = 2;

  if (format)
    {
      worksheet_write_string (sheet, r, 0, district_label, format);
      worksheet_write_string (sheet, r, 1, service_label, format);
    }
  else
    {
      hmr_xlsx_text (sheet, r, 0, district_label);
      hmr_xlsx_text (sheet, r, 1, service_label);
    }
  for (guint i = 0; i < HMR_REFERRAL_N_STATUSES; i++)
    hmr_xlsx_number (xlsx, sheet, r, col++, s->by_status[i]);
  hmr_xlsx_number (xlsx, sheet, r, col++, s->overdue);
  hmr_xlsx_number (xlsx, sheet, r, col++, s->total);
}

static void
write_summary (HmrXlsx       *xlsx,
               lxw_worksheet *sheet,
               GHashTable    *summary)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GHashTableIter iter;
  SummaryRow all = { 0 };
  gpointer value;
  guint32 r = 1;

  g_hash_table_iter_init (&iter, summary);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (rows, value);
  g_ptr_array_sort (rows, compare_summary);

  for (guint i = 0; i < rows->len; i++, r++)
    {
      SummaryRow *s = g_ptr_array_index (rows, i);

      write_summary_row (xlsx, sheet, r, hmr_district_get_label (s->district),
                         hmr_code_get_label (HMR_CODES_SERVICE_TYPE, s->service_type), NULL, s);
      for (guint k = 0; k < HMR_REFERRAL_N_STATUSES; k++)
        all.by_status[k] += s->by_status[k];
      all.overdue += s->overdue;
      all.total += s->total;
    }
  /* the total after a blank row, outside the autofilter: sorting leaves it last */
  hmr_xlsx_filter (xlsx, sheet, r - 1);
  write_summary_row (xlsx, sheet, r + 1, _("All districts"), _("All services"),
                     hmr_xlsx_get_formats (xlsx)->total, &all);
}

static gboolean
write_referrals (HmrStore                *store,
                 const HmrActor          *actor,
                 const HmrReferralQuery  *query,
                 const char              *path,
                 GCancellable            *cancellable,
                 HmrProgressFunc          progress,
                 gpointer                 progress_data,
                 char                   **detail,
                 GError                 **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GHashTable) summary = NULL;
  HmrXlsx *xlsx;
  lxw_worksheet *sheet, *summary_sheet;
  const char *titles[] = {
    _("Case number"), _("Beneficiary"), _("District"), _("Service"), _("Provider"),
    _("Caseworker"), _("Status"), _("Created"), _("Sent"), _("Due"), _("Answered"),
    _("Completed"), _("Overdue"), _("Days overdue"), _("Days as draft"),
    _("Days waiting for an answer"), _("Days in service"), NULL
  };
  const double widths[] = { 16, 30, 16, 28, 30, 22, 14, 12, 12, 12, 12, 12, 10, 10, 10, 12, 10 };
  const char *summary_titles[2 + HMR_REFERRAL_N_STATUSES + 3] = { _("District"), _("Service") };
  const double summary_widths[] = { 18, 30, 10, 10, 10, 10, 12, 10, 10, 10, 10 };
  guint32 row = 1;
  GDate today;

  for (guint i = 0; i < HMR_REFERRAL_N_STATUSES; i++)
    summary_titles[2 + i] = hmr_code_get_label (HMR_CODES_REFERRAL_STATUS, hmr_referral_status_codes ()[i]);
  summary_titles[2 + HMR_REFERRAL_N_STATUSES] = _("Overdue");
  summary_titles[3 + HMR_REFERRAL_N_STATUSES] = _("Total");

  if (!hmr_store_require (actor, HMR_ACTION_EXPORT_CASELOAD, NULL, error))
    return FALSE;
  ids = hmr_store_query_referral_ids (store, actor, query, cancellable, error);
  if (ids == NULL)
    return FALSE;
  hmr_store_get_today (store, &today);

  xlsx = hmr_xlsx_new (path, TRUE, error);
  if (xlsx == NULL)
    return FALSE;
  sheet = hmr_xlsx_add_sheet (xlsx, _("Referrals"));
  summary_sheet = hmr_xlsx_add_sheet (xlsx, _("Summary"));
  hmr_xlsx_header (xlsx, sheet, titles, widths);
  hmr_xlsx_header (xlsx, summary_sheet, summary_titles, summary_widths);
  summary = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) summary_row_free);

  for (guint start = 0; start < ids->len; start += PAGE)
    {
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GPtrArray) histories = NULL;
      guint n = MIN (PAGE, ids->len - start);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          hmr_xlsx_abandon (xlsx);
          return FALSE;
        }
      rows = hmr_store_load_referral_rows (store, actor, &g_array_index (ids, gint64, start), n, error);
      histories = rows ? hmr_store_load_referral_histories (store, actor, &g_array_index (ids, gint64, start),
                                                            n, error) : NULL;
      if (rows == NULL || histories == NULL)
        {
          hmr_xlsx_abandon (xlsx);
          return FALSE;
        }
      for (guint i = 0, h = 0; i < rows->len; i++, row++)
        {
          HmrReferralRow *r = g_ptr_array_index (rows, i);
          GPtrArray *history;

          /* rows leaves out what vanished meanwhile; histories does not */
          while (h < n && g_array_index (ids, gint64, start + h) != hmr_referral_row_get_rowid (r))
            h++;
          history = h < n ? g_ptr_array_index (histories, h) : NULL;

#define T(col, field) hmr_xlsx_text (sheet, row, col, hmr_referral_row_get (r, field))
#define D(col, field) hmr_xlsx_date (xlsx, sheet, row, col, hmr_referral_row_get (r, field))
          T (0, HMR_REFERRAL_ROW_CASE_NUMBER);
          T (1, HMR_REFERRAL_ROW_BENEFICIARY_NAME);
          hmr_xlsx_text (sheet, row, 2, hmr_district_get_label (hmr_referral_row_get (r, HMR_REFERRAL_ROW_DISTRICT)));
          hmr_xlsx_text (sheet, row, 3, hmr_code_get_label (HMR_CODES_SERVICE_TYPE,
                                                            hmr_referral_row_get (r, HMR_REFERRAL_ROW_SERVICE_TYPE)));
          T (4, HMR_REFERRAL_ROW_PROVIDER_NAME);
          T (5, HMR_REFERRAL_ROW_CASEWORKER_NAME);
          hmr_xlsx_text (sheet, row, 6, hmr_code_get_label (HMR_CODES_REFERRAL_STATUS,
                                                            hmr_referral_row_get (r, HMR_REFERRAL_ROW_STATUS)));
          D (7, HMR_REFERRAL_ROW_CREATED_ON);
          D (8, HMR_REFERRAL_ROW_SENT_ON);
          D (9, HMR_REFERRAL_ROW_DUE_ON);
          D (10, HMR_REFERRAL_ROW_ANSWERED_ON);
          D (11, HMR_REFERRAL_ROW_COMPLETED_ON);
#undef T
#undef D
          hmr_xlsx_text (sheet, row, 12, hmr_referral_row_get_overdue (r) ? _("Yes") : _("No"));
          hmr_xlsx_number (xlsx, sheet, row, 13, hmr_referral_row_get_days_overdue (r));
          hmr_xlsx_number (xlsx, sheet, row, 14, hmr_referral_days_in_status (history, "draft", &today));
          hmr_xlsx_number (xlsx, sheet, row, 15, hmr_referral_days_in_status (history, "sent", &today));
          hmr_xlsx_number (xlsx, sheet, row, 16, hmr_referral_days_in_status (history, "accepted", &today));
          count_row (summary, r);
        }
      if (progress)
        progress ((double) (start + n) / ids->len, progress_data);
    }

  hmr_xlsx_filter (xlsx, sheet, row - 1);
  write_summary (xlsx, summary_sheet, summary);
  if (!hmr_xlsx_finish (xlsx, error))
    return FALSE;

  *detail = g_strdup_printf ("%u referrals", row - 1);
  return TRUE;
}

/**
 * hmr_export_referrals:
 * @query: (nullable): the board's filters; %NULL for every referral the
 *   actor may see
 *
 * Supervisors export every office's referrals, caseworkers their own
 * office's.  Writes an "export" audit row.
 *
 * Every sheet is read in one read transaction: what other connections
 * commit meanwhile shows on none of them rather than on some.
 */
gboolean
hmr_export_referrals (HmrStore                *store,
                      const HmrActor          *actor,
                      const HmrReferralQuery  *query,
                      const char              *path,
                      GCancellable            *cancellable,
                      HmrProgressFunc          progress,
                      gpointer                 progress_data,
                      GError                 **error)
{
  g_autofree char *detail = NULL;
  gboolean ok;

  if (!hmr_store_begin_snapshot (store, error))
    return FALSE;
  ok = write_referrals (store, actor, query, path, cancellable, progress, progress_data, &detail, error);
  hmr_store_end_snapshot (store);
  if (!ok)
    return FALSE;
  if (!hmr_store_audit_event (store, actor, "export", "referral", NULL, detail, error))
    {
      /* an export the audit trail does not show is not left behind */
      g_unlink (path);
      return FALSE;
    }
  return TRUE;
}
