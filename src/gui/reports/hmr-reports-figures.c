/* hmr-reports-figures.c
 *
 * The Reports area shows a report as groups of rows, a figure a row with
 * its number on the right, and charts where people would rather look than
 * read.  A row (or a bar) that counts people opens them; a share from
 * the survey shows its 95% confidence interval and its base.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "hmr-chart.h"
#include "hmr-gui-util.h"
#include "hmr-labels.h"
#include "hmr-reports-figures.h"

typedef struct
{
  HmrReportsOpenFunc  open;
  gpointer            user_data;
  HmrReportFigure     figure;
  char               *district;
  GStrv               districts;    /* a chart's: its categories' codes */
  gboolean            by_figure;    /* a chart's series are figures, not women and men */
  HmrReportFigure     figures[2];
} Opener;

static void
opener_free (Opener *o)
{
  g_free (o->district);
  g_strfreev (o->districts);
  g_free (o);
}

static void
opener_notify (gpointer  data,
               GClosure *closure)
{
  opener_free (data);
}

static Opener *
opener_new (HmrReportsOpenFunc  open,
            gpointer            user_data,
            HmrReportFigure     figure,
            const char         *district)
{
  Opener *o = g_new0 (Opener, 1);

  o->open = open;
  o->user_data = user_data;
  o->figure = figure;
  o->district = g_strdup (district);
  return o;
}

static void
on_row_activated (AdwActionRow *row,
                  Opener       *o)
{
  o->open (o->user_data, o->figure, o->district, NULL);
}

static void
on_bar_activated (HmrChart *chart,
                  guint     category,
                  guint     series,
                  Opener   *o)
{
  if (o->districts == NULL || category >= g_strv_length (o->districts))
    return;
  if (o->by_figure)
    o->open (o->user_data, o->figures[MIN (series, 1)], o->districts[category], NULL);
  else
    o->open (o->user_data, o->figure, o->districts[category], series == 0 ? "female" : "male");
}

static GtkWidget *
add_group (GtkBox     *box,
           const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (box, group);
  return group;
}

/* A row: the figure's name, @detail below it, @value on the right */
static GtkWidget *
add_row (GtkWidget  *group,
         const char *title,
         const char *detail,
         const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (detail != NULL && *detail)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), detail);
  gtk_widget_add_css_class (label, "numeric");
  gtk_widget_add_css_class (label, "title-4");
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  g_object_set_data (G_OBJECT (row), "value-label", label);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return row;
}

static void
add_count (GtkWidget       *group,
           const HmrReport *r,
           HmrReportFigure  figure,
           const char      *detail,
           GtkLabel       **value_labels,
           HmrReportsOpenFunc open,
           gpointer         user_data)
{
  g_autofree char *value = g_strdup_printf ("%u", hmr_report_get_figure (r, figure));
  GtkWidget *row = add_row (group, hmr_report_figure_get_label (figure), detail, value);

  value_labels[figure] = g_object_get_data (G_OBJECT (row), "value-label");
  if (hmr_report_get_figure (r, figure) > 0)
    {
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      hmr_gui_set_accessible_label (arrow, _("Show the people"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Show the people behind this figure"));
      g_signal_connect_data (row, "activated", G_CALLBACK (on_row_activated),
                             opener_new (open, user_data, figure, r->district),
                             opener_notify, 0);
    }
}

static void
add_number (GtkWidget  *group,
            const char *title,
            const char *detail,
            guint       n)
{
  g_autofree char *value = g_strdup_printf ("%u", n);

  add_row (group, title, detail, value);
}

static char *
format_share (double p)
{
  /* Translators: a share in percent, as in "45%" */
  return g_strdup_printf (_("%.0f%%"), 100 * p);
}

/* "40% (30 – 50%)", or a dash when nobody answered */
static char *
format_share_interval (const HmrProportion *p)
{
  g_autofree char *share = NULL, *low = NULL, *high = NULL;

  if (p->n == 0)
    return g_strdup ("—");
  share = format_share (p->p);
  low = format_share (p->low);
  high = format_share (p->high);
  /* Translators: a share and its 95% confidence interval, as in "40% (30% – 50%)" */
  return g_strdup_printf (_("%s (%s – %s)"), share, low, high);
}

static char *
format_women_men (guint women,
                  guint men)
{
  /* Translators: how many of them were women, how many men */
  return g_strdup_printf (_("%u women, %u men"), women, men);
}

static void
add_chart (GtkWidget *group,
           HmrChart  *chart)
{
  GtkWidget *frame = gtk_frame_new (NULL);

  gtk_widget_set_margin_top (GTK_WIDGET (chart), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (chart), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (chart), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (chart), 12);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (chart));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);
}

/* Women and men of each district: registered, or reached by sessions */
static void
add_district_chart (GtkWidget         *group,
                    const HmrReport   *r,
                    HmrReportFigure    figure,
                    const char        *title,
                    HmrReportsOpenFunc open,
                    gpointer           user_data)
{
  const char *series[] = { _("Women"), _("Men"), NULL };
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (guint));
  HmrChart *chart = hmr_chart_new (HMR_CHART_BARS, title);
  Opener *o;

  for (guint i = 0; i < r->districts->len; i++)
    {
      const HmrReportDistrict *d = g_ptr_array_index (r->districts, i);
      const guint *v = figure == HMR_REPORT_FIGURE_REGISTERED ? d->registered : d->reached;

      if (v[0] + v[1] == 0)
        continue;
      g_ptr_array_add (labels, (gpointer) hmr_district_get_label (d->district));
      g_ptr_array_add (codes, g_strdup (d->district));
      g_array_append_vals (values, v, 2);
    }
  if (labels->len == 0)
    {
      g_object_ref_sink (chart);
      g_object_unref (chart);
      return;
    }
  g_ptr_array_add (labels, NULL);
  g_ptr_array_add (codes, NULL);
  hmr_chart_set_data (chart, series, (const char * const *) labels->pdata, (const guint *) values->data);
  hmr_chart_set_activatable (chart, TRUE);
  o = opener_new (open, user_data, figure, NULL);
  o->districts = (GStrv) g_ptr_array_steal (codes, NULL);
  g_signal_connect_data (chart, "activated", G_CALLBACK (on_bar_activated), o, opener_notify, 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (chart), title);
  add_chart (group, chart);
}

/* Referrals made and completed in each district */
static void
add_referrals_chart (GtkWidget         *group,
                     const HmrReport   *r,
                     HmrReportsOpenFunc open,
                     gpointer           user_data)
{
  const char *series[] = { hmr_report_figure_get_label (HMR_REPORT_FIGURE_REFERRALS_MADE),
                           hmr_report_figure_get_label (HMR_REPORT_FIGURE_REFERRALS_COMPLETED), NULL };
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (guint));
  HmrChart *chart;
  Opener *o;

  for (guint i = 0; i < r->districts->len; i++)
    {
      const HmrReportDistrict *d = g_ptr_array_index (r->districts, i);

      if (d->referrals_made == 0)
        continue;
      g_ptr_array_add (labels, (gpointer) hmr_district_get_label (d->district));
      g_ptr_array_add (codes, g_strdup (d->district));
      g_array_append_val (values, d->referrals_made);
      g_array_append_val (values, d->referrals_completed);
    }
  if (labels->len == 0)
    return;
  g_ptr_array_add (labels, NULL);
  g_ptr_array_add (codes, NULL);
  chart = hmr_chart_new (HMR_CHART_BARS, _("Referrals by district"));
  hmr_chart_set_data (chart, series, (const char * const *) labels->pdata, (const guint *) values->data);
  hmr_chart_set_activatable (chart, TRUE);
  o = opener_new (open, user_data, HMR_REPORT_FIGURE_REFERRALS_MADE, NULL);
  o->districts = (GStrv) g_ptr_array_steal (codes, NULL);
  o->by_figure = TRUE;
  o->figures[0] = HMR_REPORT_FIGURE_REFERRALS_MADE;
  o->figures[1] = HMR_REPORT_FIGURE_REFERRALS_COMPLETED;
  g_signal_connect_data (chart, "activated", G_CALLBACK (on_bar_activated), o, opener_notify, 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (chart), _("Referrals by district"));
  add_chart (group, chart);
}

static void
add_age_chart (GtkWidget       *group,
               const HmrReport *r)
{
  const char *series[] = { _("People registered"), _("Reached by sessions"), NULL };
  const char *labels[HMR_N_AGE_GROUPS + 2] = { NULL };
  guint values[2 * (HMR_N_AGE_GROUPS + 1)];
  guint known = 0, n = 0;
  HmrChart *chart;

  for (guint g = 0; g < HMR_N_AGE_GROUPS; g++)
    {
      labels[n] = hmr_age_group_get_label (g);
      values[2 * n] = r->registered_by_age[g];
      values[2 * n + 1] = r->sessions.by_age[g];
      known += r->registered_by_age[g];
      n++;
    }
  if (r->registered > known || r->sessions.n_age_unknown > 0)
    {
      labels[n] = _("Age not known");
      values[2 * n] = r->registered - known;
      values[2 * n + 1] = r->sessions.n_age_unknown;
      n++;
    }
  labels[n] = NULL;
  chart = hmr_chart_new (HMR_CHART_BARS, _("People by age group"));
  hmr_chart_set_data (chart, series, labels, values);
  add_chart (group, chart);
}

/* The first month with anything in it: a period "from 2000" starts with
 * the programme */
static guint
first_busy_month (const HmrReport *r)
{
  for (guint i = 0; i < r->months->len; i++)
    {
      const HmrReportMonth *m = &g_array_index (r->months, HmrReportMonth, i);

      if (m->registered + m->reached > 0)
        return i;
    }
  return r->months->len;
}

static void
add_month_chart (GtkWidget       *group,
                 const HmrReport *r,
                 guint            first)
{
  const char *series[] = { _("People registered"), _("Reached by sessions"), NULL };
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (guint));
  HmrChart *chart;

  for (guint i = first; i < r->months->len; i++)
    {
      const HmrReportMonth *m = &g_array_index (r->months, HmrReportMonth, i);
      GDate date;

      g_date_clear (&date, 1);
      g_date_set_dmy (&date, 1, atoi (m->month + 5), atoi (m->month));
      g_ptr_array_add (labels, hmr_format_month (&date));
      g_array_append_val (values, m->registered);
      g_array_append_val (values, m->reached);
    }
  g_ptr_array_add (labels, NULL);
  chart = hmr_chart_new (HMR_CHART_LINE, _("Month by month"));
  hmr_chart_set_data (chart, series, (const char * const *) labels->pdata, (const guint *) values->data);
  add_chart (group, chart);
}

static void
build_people (GtkBox             *box,
              const HmrReport    *r,
              GtkLabel          **value_labels,
              HmrReportsOpenFunc  open,
              gpointer            user_data)
{
  g_autofree char *registered = format_women_men (r->registered_by_sex[0], r->registered_by_sex[1]);
  g_autofree char *reached = NULL;
  GtkWidget *group;

  group = add_group (box, _("People"), NULL);
  add_count (group, r, HMR_REPORT_FIGURE_REGISTERED, registered, value_labels, open, user_data);
  add_number (group, _("Group sessions held"), NULL, r->sessions.n_sessions);
  {
    g_autofree char *wm = format_women_men (r->sessions.n_female, r->sessions.n_male);
    /* Translators: people at sessions: women and men, then walk-ins not yet registered */
    reached = r->sessions.n_walk_ins
                ? g_strdup_printf (_("%s; %u walk-ins"), wm, r->sessions.n_walk_ins)
                : g_steal_pointer (&wm);
  }
  add_count (group, r, HMR_REPORT_FIGURE_REACHED, reached, value_labels, open, user_data);

  group = add_group (box, _("By district"), _("Click a bar to see the people behind it."));
  add_district_chart (group, r, HMR_REPORT_FIGURE_REGISTERED, _("People registered, by district"), open, user_data);
  add_district_chart (group, r, HMR_REPORT_FIGURE_REACHED, _("People reached by group sessions, by district"),
                      open, user_data);
  group = add_group (box, _("By age group"), NULL);
  add_age_chart (group, r);
  if (r->months->len >= first_busy_month (r) + 2)
    {
      group = add_group (box, _("Month by month"), NULL);
      add_month_chart (group, r, first_busy_month (r));
    }

  group = add_group (box, _("Referrals"), NULL);
  add_count (group, r, HMR_REPORT_FIGURE_REFERRALS_MADE, NULL, value_labels, open, user_data);
  {
    g_autofree char *rate = format_share (hmr_report_completion_rate (r));
    /* Translators: %s is a share, as in "45%" */
    g_autofree char *detail = g_strdup_printf (_("Completion rate: %s"), rate);
    add_count (group, r, HMR_REPORT_FIGURE_REFERRALS_COMPLETED, detail, value_labels, open, user_data);
  }
  add_count (group, r, HMR_REPORT_FIGURE_REFERRALS_OVERDUE, NULL, value_labels, open, user_data);
  add_referrals_chart (group, r, open, user_data);
  if (r->median_days >= 0)
    {
      g_autofree char *days = g_strdup_printf ("%.1f", r->median_days);
      add_row (group, _("Median days to completion"), NULL, days);
    }
  for (guint i = 0; i < r->services->len; i++)
    {
      const HmrReportService *s = g_ptr_array_index (r->services, i);
      g_autoptr(GString) detail = g_string_new (NULL);
      g_autofree char *made = g_strdup_printf ("%u", s->made);

      /* Translators: a service's referrals: completed, overdue */
      g_string_append_printf (detail, _("%u completed, %u overdue"), s->completed, s->overdue);
      if (s->median_days >= 0)
        /* Translators: the median number of days from sending to completion */
        g_string_append_printf (detail, _("; median %.1f days"), s->median_days);
      add_row (group, hmr_code_get_label (HMR_CODES_SERVICE_TYPE, s->service), detail->str, made);
    }

  group = add_group (box, _("Follow-ups and wellbeing"), NULL);
  add_count (group, r, HMR_REPORT_FIGURE_FOLLOW_UPS_DUE, NULL, value_labels, open, user_data);
  add_count (group, r, HMR_REPORT_FIGURE_FOLLOW_UPS_DONE, NULL, value_labels, open, user_data);
  add_number (group, _("People with two WHO-5 scores or more"), NULL, r->who5_people);
  if (r->who5_people > 0)
    {
      /* Translators: the WHO-5 means at the first and the last measure */
      g_autofree char *means = g_strdup_printf (_("%.1f → %.1f"), r->who5_first_mean, r->who5_last_mean);
      g_autofree char *share = format_share ((double) r->who5_improved / r->who5_people);
      /* Translators: %s is a share, as in "45%" */
      g_autofree char *detail = g_strdup_printf (_("%s of those scored twice"), share);

      add_row (group, _("WHO-5 mean, first and last measure"), NULL, means);
      add_count (group, r, HMR_REPORT_FIGURE_WHO5_IMPROVED, detail, value_labels, open, user_data);
    }

  group = add_group (box, _("Outcome survey"),
                     _("Shares of the people reached, with their 95% confidence interval."));
  add_number (group, _("Survey calls made"), NULL, r->survey_called);
  add_count (group, r, HMR_REPORT_FIGURE_SURVEY_REACHED, NULL, value_labels, open, user_data);
  if (r->survey_population > 0)
    add_number (group, _("Survey population"), _("The confidence intervals are corrected for it."),
                r->survey_population);
  for (guint q = 0; q <= HMR_SURVEY_N_QUESTIONS; q++)
    {
      const HmrProportion *p = q < HMR_SURVEY_N_QUESTIONS ? &r->survey[q] : &r->survey_any_action;
      const HmrProportion *women = q < HMR_SURVEY_N_QUESTIONS ? &r->survey_by_sex[0][q]
                                                              : &r->survey_any_action_by_sex[0];
      const HmrProportion *men = q < HMR_SURVEY_N_QUESTIONS ? &r->survey_by_sex[1][q]
                                                            : &r->survey_any_action_by_sex[1];
      g_autofree char *women_text = NULL, *men_text = NULL, *by_sex = NULL;
      const char *title = q < HMR_SURVEY_N_QUESTIONS ? hmr_survey_question_get_short (q)
                                                     : _("Took a concrete action");
      g_autofree char *value = NULL, *low = NULL, *high = NULL, *detail = NULL;

      if (p->n == 0)
        {
          add_row (group, title, _("Nobody answered"), "—");
          continue;
        }
      value = format_share (p->p);
      low = format_share (p->low);
      high = format_share (p->high);
      /* Translators: a share's 95% confidence interval, then how many said yes of how many answered */
      detail = g_strdup_printf (_("95%% CI %s – %s · %u of %u"), low, high, p->yes, p->n);
      women_text = format_share_interval (women);
      men_text = format_share_interval (men);
      /* Translators: a share among women, then among men, each with its interval */
      by_sex = g_strdup_printf (_("Women %s · men %s"), women_text, men_text);
      {
        g_autofree char *both = g_strdup_printf ("%s\n%s", detail, by_sex);
        GtkWidget *row = add_row (group, title, both, value);

        adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      }
    }
}

static void
build_grants (GtkBox          *box,
              const HmrReport *r)
{
  GtkWidget *group = add_group (box, _("Grants"), NULL);
  g_autofree char *approved = hmr_money_format (r->amount_approved, NULL, HMR_MONEY_LOCALE);
  g_autofree char *disbursed = hmr_money_format (r->amount_disbursed, NULL, HMR_MONEY_LOCALE);

  add_number (group, _("Grants approved"), approved, r->grants_approved);
  add_number (group, _("Grants with a tranche paid"), disbursed, r->grants_disbursed);
  add_number (group, _("Grants verified"), NULL, r->grants_verified);
  add_number (group, _("Handovers signed"), NULL, r->handovers_signed);
}

/**
 * hmr_reports_figures_build:
 * @box: emptied, then filled
 * @value_labels: where the label of each figure's number is put (%NULL
 *   for the figures not shown)
 * @open: called when a figure (or a bar) is activated
 *
 * Lays @report out in @box.
 */
void
hmr_reports_figures_build (GtkBox             *box,
                           const HmrReport    *report,
                           GtkLabel          **value_labels,
                           HmrReportsOpenFunc  open,
                           gpointer            user_data)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
  for (guint i = 0; i < HMR_REPORT_N_FIGURES; i++)
    value_labels[i] = NULL;
  if (report->has_people)
    build_people (box, report, value_labels, open, user_data);
  if (report->has_grants)
    build_grants (box, report);
}
