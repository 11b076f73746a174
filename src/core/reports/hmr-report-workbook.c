/* hmr-report-workbook.c — the donor workbook: a summary sheet, a sheet of
 * data per indicator and native Excel charts, in the user's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-labels.h"
#include "hmr-report.h"
#include "hmr-xlsx.h"

typedef struct
{
  HmrXlsx       *xlsx;
  lxw_workbook  *book;
  lxw_format    *percent;
  lxw_format    *title;
  lxw_format    *bold;
  const HmrReport *r;
} Book;

/* ---- the summary ---------------------------------------------------------- */

static guint32
summary_row (Book          *b,
             lxw_worksheet *sheet,
             guint32        row,
             const char    *label,
             double         value,
             gboolean       percent)
{
  hmr_xlsx_text (sheet, row, 0, label);
  worksheet_write_number (sheet, row, 1, value, percent ? b->percent : NULL);
  return row + 1;
}

static guint32
summary_proportion (Book                *b,
                    lxw_worksheet       *sheet,
                    guint32              row,
                    const char          *label,
                    const HmrProportion *p)
{
  hmr_xlsx_text (sheet, row, 0, label);
  worksheet_write_number (sheet, row, 1, p->p, b->percent);
  worksheet_write_number (sheet, row, 2, p->low, b->percent);
  worksheet_write_number (sheet, row, 3, p->high, b->percent);
  worksheet_write_number (sheet, row, 4, p->n, NULL);
  return row + 1;
}

static void
write_summary (Book *b)
{
  const HmrReport *r = b->r;
  lxw_worksheet *sheet = hmr_xlsx_add_sheet (b->xlsx, _("Summary"));
  g_autofree char *period = g_strdup_printf ("%s — %s", r->from, r->to);
  const char *titles[] = { _("Indicator"), _("Value"), _("Interval, low"), _("Interval, high"), _("Base"), NULL };
  guint32 row = 4;

  worksheet_set_column (sheet, 0, 0, 60, NULL);
  worksheet_set_column (sheet, 1, 4, 14, NULL);
  worksheet_write_string (sheet, 0, 0, _("Report to the donor"), b->title);
  hmr_xlsx_text (sheet, 1, 0, _("Period"));
  hmr_xlsx_text (sheet, 1, 1, period);
  {
    /* Translators: %d is the confidence level, as in 95 */
    g_autofree char *note = g_strdup_printf (_("Shares with their confidence interval at %d%%"), 95);
    hmr_xlsx_text (sheet, 0, 2, note);
  }
  hmr_xlsx_text (sheet, 2, 0, _("District"));
  hmr_xlsx_text (sheet, 2, 1, r->district ? hmr_district_get_label (r->district) : _("Every district"));
  for (guint16 i = 0; titles[i]; i++)
    worksheet_write_string (sheet, 3, i, titles[i], hmr_xlsx_get_formats (b->xlsx)->header);

  if (r->has_people)
    {
      row = summary_row (b, sheet, row, _("People registered"), r->registered, FALSE);
      row = summary_row (b, sheet, row, _("Women registered"), r->registered_by_sex[0], FALSE);
      row = summary_row (b, sheet, row, _("Men registered"), r->registered_by_sex[1], FALSE);
      row = summary_row (b, sheet, row, _("Group sessions held"), r->sessions.n_sessions, FALSE);
      row = summary_row (b, sheet, row, _("People reached by group sessions"), r->sessions.n_people, FALSE);
      row = summary_row (b, sheet, row, _("People a session"),
                         r->sessions.n_sessions ? (double) r->sessions.n_people / r->sessions.n_sessions : 0,
                         FALSE);
      row = summary_row (b, sheet, row, _("Referrals made"), r->referrals_made, FALSE);
      row = summary_row (b, sheet, row, _("Referrals completed"), r->referrals_completed, FALSE);
      row = summary_row (b, sheet, row, _("Referral completion rate"), hmr_report_completion_rate (r), TRUE);
      row = summary_row (b, sheet, row, _("Referrals overdue"), r->referrals_overdue, FALSE);
      if (r->median_days >= 0)
        row = summary_row (b, sheet, row, _("Median days to completion"), r->median_days, FALSE);
      row = summary_row (b, sheet, row, _("Follow-ups due"), r->follow_ups_due, FALSE);
      row = summary_row (b, sheet, row, _("Follow-ups done"), r->follow_ups_done, FALSE);
      row = summary_row (b, sheet, row, _("People with two WHO-5 scores or more"), r->who5_people, FALSE);
      row = summary_row (b, sheet, row, _("WHO-5 mean, first measure"), r->who5_first_mean, FALSE);
      row = summary_row (b, sheet, row, _("WHO-5 mean, last measure"), r->who5_last_mean, FALSE);
      row = summary_row (b, sheet, row, _("Share improved by 10 points or more"),
                         r->who5_people ? (double) r->who5_improved / r->who5_people : 0, TRUE);
      row = summary_row (b, sheet, row, _("Survey calls made"), r->survey_called, FALSE);
      row = summary_row (b, sheet, row, _("Survey respondents"), r->survey_reached, FALSE);
      row = summary_row (b, sheet, row, _("Survey population"), r->survey_population, FALSE);
      for (guint q = 0; q < HMR_SURVEY_N_QUESTIONS; q++)
        if (!hmr_survey_question_is_action (q))
          row = summary_proportion (b, sheet, row, hmr_survey_question_get_short (q), &r->survey[q]);
      row = summary_proportion (b, sheet, row, _("Took a concrete action"), &r->survey_any_action);
    }
  if (r->has_grants)
    {
      row = summary_row (b, sheet, row, _("Grants approved"), r->grants_approved, FALSE);
      hmr_xlsx_text (sheet, row, 0, _("Amount approved"));
      hmr_xlsx_money (b->xlsx, sheet, row++, 1, r->amount_approved);
      row = summary_row (b, sheet, row, _("Grants with a tranche paid"), r->grants_disbursed, FALSE);
      hmr_xlsx_text (sheet, row, 0, _("Amount disbursed"));
      hmr_xlsx_money (b->xlsx, sheet, row++, 1, r->amount_disbursed);
      row = summary_row (b, sheet, row, _("Grants verified"), r->grants_verified, FALSE);
      row = summary_row (b, sheet, row, _("Handovers signed"), r->handovers_signed, FALSE);
    }
}

/* ---- data sheets with their charts ---------------------------------------- */

static lxw_chart *
new_chart (Book        *b,
           uint8_t      type,
           const char  *title)
{
  lxw_chart *chart = workbook_add_chart (b->book, type);

  chart_title_set_name (chart, title);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  return chart;
}

static void
add_series (lxw_chart   *chart,
            const char  *sheet_name,
            guint32      first,
            guint32      last,
            guint16      col,
            const char  *percent_format)
{
  lxw_chart_series *s = chart_add_series (chart, NULL, NULL);

  chart_series_set_categories (s, sheet_name, first, 0, last, 0);
  chart_series_set_values (s, sheet_name, first, col, last, col);
  chart_series_set_name_range (s, sheet_name, 0, col);
  if (percent_format)
    {
      chart_series_set_labels (s);
      chart_series_set_labels_num_format (s, percent_format);
    }
}

static void
write_people (Book *b)
{
  const HmrReport *r = b->r;
  const char *name = _("People by district");
  lxw_worksheet *sheet = hmr_xlsx_add_sheet (b->xlsx, name);
  const char *titles[] = { _("District"), _("Registered women"), _("Registered men"), _("Registered"),
                           _("Sessions"), _("Women reached"), _("Men reached"), _("People reached"), NULL };
  const double widths[] = { 22, 14, 14, 14, 12, 14, 14, 14 };
  guint totals[7] = { 0 };
  guint32 row = 1;
  lxw_chart *chart;

  hmr_xlsx_header (b->xlsx, sheet, titles, widths);
  for (guint i = 0; i < r->districts->len; i++, row++)
    {
      const HmrReportDistrict *d = g_ptr_array_index (r->districts, i);
      guint v[7] = { d->registered[0], d->registered[1], d->registered[0] + d->registered[1], d->sessions,
                     d->reached[0], d->reached[1], d->reached[0] + d->reached[1] };

      hmr_xlsx_text (sheet, row, 0, hmr_district_get_label (d->district));
      for (guint k = 0; k < 7; k++)
        {
          worksheet_write_number (sheet, row, k + 1, v[k], NULL);
          totals[k] += v[k];
        }
    }
  worksheet_write_string (sheet, row, 0, _("Total"), b->bold);
  for (guint k = 0; k < 7; k++)
    worksheet_write_number (sheet, row, k + 1, totals[k], b->bold);

  if (r->districts->len == 0)
    return;
  chart = new_chart (b, LXW_CHART_COLUMN_STACKED, _("People reached by group sessions, by district"));
  add_series (chart, name, 1, r->districts->len, 5, NULL);
  add_series (chart, name, 1, r->districts->len, 6, NULL);
  worksheet_insert_chart (sheet, row + 2, 0, chart);
}

static void
write_ages (Book *b)
{
  const HmrReport *r = b->r;
  const char *name = _("Age groups");
  lxw_worksheet *sheet = hmr_xlsx_add_sheet (b->xlsx, name);
  const char *titles[] = { _("Age group"), _("Registered"), _("People reached"), NULL };
  const double widths[] = { 18, 14, 14 };
  guint32 row = 1;
  guint total[2] = { 0 };
  lxw_chart *chart;

  hmr_xlsx_header (b->xlsx, sheet, titles, widths);
  for (guint g = 0; g < HMR_N_AGE_GROUPS; g++, row++)
    {
      hmr_xlsx_text (sheet, row, 0, hmr_age_group_get_label (g));
      worksheet_write_number (sheet, row, 1, r->registered_by_age[g], NULL);
      worksheet_write_number (sheet, row, 2, r->sessions.by_age[g], NULL);
      total[0] += r->registered_by_age[g];
      total[1] += r->sessions.by_age[g];
    }
  hmr_xlsx_text (sheet, row, 0, _("Not known"));
  worksheet_write_number (sheet, row, 1, r->registered - total[0], NULL);
  worksheet_write_number (sheet, row, 2, r->sessions.n_people - total[1], NULL);
  row++;
  worksheet_write_string (sheet, row, 0, _("Total"), b->bold);
  worksheet_write_number (sheet, row, 1, r->registered, b->bold);
  worksheet_write_number (sheet, row, 2, r->sessions.n_people, b->bold);

  chart = new_chart (b, LXW_CHART_COLUMN, _("People by age group"));
  add_series (chart, name, 1, HMR_N_AGE_GROUPS, 1, NULL);
  add_series (chart, name, 1, HMR_N_AGE_GROUPS, 2, NULL);
  worksheet_insert_chart (sheet, row + 2, 0, chart);
}

static void
write_referrals (Book *b)
{
  const HmrReport *r = b->r;
  const char *name = _("Referrals");
  lxw_worksheet *sheet = hmr_xlsx_add_sheet (b->xlsx, name);
  const char *titles[] = { _("Service"), _("Made"), _("Completed"), _("Completion rate"), _("Overdue"),
                           _("Median days to completion"), NULL };
  const double widths[] = { 34, 10, 12, 14, 10, 16 };
  guint32 row = 1;
  lxw_chart *chart;

  hmr_xlsx_header (b->xlsx, sheet, titles, widths);
  for (guint i = 0; i < r->services->len; i++, row++)
    {
      const HmrReportService *s = g_ptr_array_index (r->services, i);

      hmr_xlsx_text (sheet, row, 0, hmr_code_get_label (HMR_CODES_SERVICE_TYPE, s->service));
      worksheet_write_number (sheet, row, 1, s->made, NULL);
      worksheet_write_number (sheet, row, 2, s->completed, NULL);
      worksheet_write_number (sheet, row, 3, s->made ? (double) s->completed / s->made : 0, b->percent);
      worksheet_write_number (sheet, row, 4, s->overdue, NULL);
      if (s->median_days >= 0)
        worksheet_write_number (sheet, row, 5, s->median_days, NULL);
    }
  worksheet_write_string (sheet, row, 0, _("Total"), b->bold);
  worksheet_write_number (sheet, row, 1, r->referrals_made, b->bold);
  worksheet_write_number (sheet, row, 2, r->referrals_completed, b->bold);
  worksheet_write_number (sheet, row, 3, hmr_report_completion_rate (r), b->percent);
  worksheet_write_number (sheet, row, 4, r->referrals_overdue, b->bold);
  if (r->median_days >= 0)
    worksheet_write_number (sheet, row, 5, r->median_days, b->bold);

  if (r->services->len == 0)
    return;
  chart = new_chart (b, LXW_CHART_BAR, _("Referrals made and completed, by service"));
  add_series (chart, name, 1, r->services->len, 1, NULL);
  add_series (chart, name, 1, r->services->len, 2, NULL);
  worksheet_insert_chart (sheet, row + 2, 0, chart);
}

static void
write_survey (Book *b)
{
  const HmrReport *r = b->r;
  const char *name = _("Survey");
  lxw_worksheet *sheet = hmr_xlsx_add_sheet (b->xlsx, name);
  const char *titles[] = { _("Answer"), _("Share"), _("Interval, low"), _("Interval, high"), _("Yes"),
                           _("Respondents"), NULL };
  const double widths[] = { 40, 10, 12, 12, 8, 12 };
  guint32 row = 1;
  lxw_chart *chart;

  hmr_xlsx_header (b->xlsx, sheet, titles, widths);
  for (guint q = 0; q < HMR_SURVEY_N_QUESTIONS; q++, row++)
    {
      const HmrProportion *p = &r->survey[q];

      hmr_xlsx_text (sheet, row, 0, hmr_survey_question_get_short (q));
      worksheet_write_number (sheet, row, 1, p->p, b->percent);
      worksheet_write_number (sheet, row, 2, p->low, b->percent);
      worksheet_write_number (sheet, row, 3, p->high, b->percent);
      worksheet_write_number (sheet, row, 4, p->yes, NULL);
      worksheet_write_number (sheet, row, 5, p->n, NULL);
    }
  hmr_xlsx_text (sheet, row, 0, _("Took a concrete action"));
  worksheet_write_number (sheet, row, 1, r->survey_any_action.p, b->percent);
  worksheet_write_number (sheet, row, 2, r->survey_any_action.low, b->percent);
  worksheet_write_number (sheet, row, 3, r->survey_any_action.high, b->percent);
  worksheet_write_number (sheet, row, 4, r->survey_any_action.yes, NULL);
  worksheet_write_number (sheet, row, 5, r->survey_any_action.n, NULL);
  row += 2;
  hmr_xlsx_text (sheet, row, 0, _("Survey population"));
  worksheet_write_number (sheet, row++, 1, r->survey_population, NULL);
  hmr_xlsx_text (sheet, row, 0, _("Survey calls made"));
  worksheet_write_number (sheet, row++, 1, r->survey_called, NULL);
  hmr_xlsx_text (sheet, row, 0, _("Survey respondents"));
  worksheet_write_number (sheet, row++, 1, r->survey_reached, NULL);

  chart = new_chart (b, LXW_CHART_BAR, _("What changed after the sessions"));
  add_series (chart, name, 1, HMR_SURVEY_N_QUESTIONS + 1, 1, "0%");
  chart_axis_set_max (chart->x_axis, 1);
  chart_axis_set_num_format (chart->x_axis, "0%");
  worksheet_insert_chart (sheet, row + 1, 0, chart);
}

static void
write_grants (Book *b)
{
  const HmrReport *r = b->r;
  const char *name = _("Grants");
  lxw_worksheet *sheet = hmr_xlsx_add_sheet (b->xlsx, name);
  const char *titles[] = { _("Figure"), _("Grants"), _("Amount"), NULL };
  const double widths[] = { 34, 10, 16 };
  lxw_chart *chart;

  hmr_xlsx_header (b->xlsx, sheet, titles, widths);
  hmr_xlsx_text (sheet, 1, 0, _("Approved"));
  worksheet_write_number (sheet, 1, 1, r->grants_approved, NULL);
  hmr_xlsx_money (b->xlsx, sheet, 1, 2, r->amount_approved);
  hmr_xlsx_text (sheet, 2, 0, _("Disbursed"));
  worksheet_write_number (sheet, 2, 1, r->grants_disbursed, NULL);
  hmr_xlsx_money (b->xlsx, sheet, 2, 2, r->amount_disbursed);
  hmr_xlsx_text (sheet, 3, 0, _("Verified"));
  worksheet_write_number (sheet, 3, 1, r->grants_verified, NULL);
  hmr_xlsx_text (sheet, 4, 0, _("Handovers signed"));
  worksheet_write_number (sheet, 4, 1, r->handovers_signed, NULL);

  chart = new_chart (b, LXW_CHART_COLUMN, _("Grants in the period"));
  add_series (chart, name, 1, 3, 1, NULL);
  worksheet_insert_chart (sheet, 6, 0, chart);
}

/**
 * hmr_export_donor_report:
 *
 * Computes the report of @query and writes the donor workbook to @path.
 * Leaves no file behind when it fails or is cancelled.
 */
gboolean
hmr_export_donor_report (HmrStore              *store,
                         const HmrActor        *actor,
                         const HmrReportQuery  *query,
                         const char            *path,
                         GCancellable          *cancellable,
                         HmrProgressFunc        progress,
                         gpointer               progress_data,
                         GError               **error)
{
  g_autoptr(HmrReport) r = NULL;
  g_autofree char *detail = NULL;
  lxw_format *f;
  Book b = { 0 };

  r = hmr_store_compute_report (store, actor, query, cancellable, error);
  if (r == NULL)
    return FALSE;
  if (progress)
    progress (0.6, progress_data);
  b.r = r;
  b.xlsx = hmr_xlsx_new (path, FALSE, error);
  if (b.xlsx == NULL)
    return FALSE;
  b.book = hmr_xlsx_get_workbook (b.xlsx);
  b.percent = workbook_add_format (b.book);
  format_set_num_format (b.percent, "0.0%");
  b.bold = workbook_add_format (b.book);
  format_set_bold (b.bold);
  f = b.title = workbook_add_format (b.book);
  format_set_bold (f);
  format_set_font_size (f, 14);

  write_summary (&b);
  if (r->has_people)
    {
      write_people (&b);
      write_ages (&b);
      write_referrals (&b);
      write_survey (&b);
    }
  if (r->has_grants)
    write_grants (&b);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      hmr_xlsx_abandon (b.xlsx);
      return FALSE;
    }
  if (!hmr_xlsx_finish (b.xlsx, error))
    return FALSE;
  if (progress)
    progress (1.0, progress_data);

  detail = g_strdup_printf ("donor report: %s to %s%s%s", r->from, r->to,
                            r->district ? ", " : "", r->district ? r->district : "");
  return hmr_store_audit_event (store, actor, "export", "report", NULL, detail, error);
}
