/* hmr-reports-page.c
 *
 * A supervisor chooses a period (a quarter, a year, or two dates typed)
 * and a district, and sees the indicators of DESIGN §4 for it: people
 * registered and reached by district, sex and age group, referrals,
 * follow-ups and wellbeing, the survey's shares with their confidence
 * intervals, grants.  The figures are worked out in a thread on a
 * connection of its own — at a million beneficiaries a year's report
 * takes seconds, and the window must not stop for them — and again
 * whenever the store announces a change they count (at once when the
 * area is shown, else when it is next shown).
 *
 * "Export Donor Workbook…" writes the same period's workbook in a thread
 * too (hmr_gui_export_async()), with its progress and Cancel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-gui-export.h"
#include "hmr-gui-util.h"
#include "hmr-labels.h"
#include "hmr-permissions.h"
#include "hmr-report-people-dialog.h"
#include "hmr-reports-figures.h"
#include "hmr-reports-page.h"

typedef enum
{
  PERIOD_THIS_QUARTER,
  PERIOD_LAST_QUARTER,
  PERIOD_THIS_YEAR,
  PERIOD_LAST_YEAR,
  PERIOD_LAST_12_MONTHS,
  PERIOD_OTHER,
} Period;

struct _HmrReportsPage
{
  HmrAreaPage      parent_instance;

  HmrReport       *report;              /* the figures shown; NULL before the first */
  char            *error;               /* why the last figures could not be worked out */
  GCancellable    *compute_cancellable; /* non-NULL while working them out */
  gboolean         dirty;               /* a change came while the area was hidden */
  GPtrArray       *districts;           /* codes, [0] NULL: every district */
  gboolean         updating;
  GtkLabel        *value_labels[HMR_REPORT_N_FIGURES];
  GCancellable    *export_cancellable;  /* non-NULL while exporting */
  char            *export_path;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkDropDown     *period_drop;
  GtkEntry        *from_entry;
  GtkEntry        *to_entry;
  GtkDropDown     *district_drop;
  GtkRevealer     *progress_revealer;
  GtkProgressBar  *progress_bar;
  GtkStack        *stack;
  GtkBox          *content_box;
  AdwStatusPage   *error_page;
};

G_DEFINE_FINAL_TYPE (HmrReportsPage, hmr_reports_page, HMR_TYPE_AREA_PAGE)

static HmrStore *
get_store (HmrReportsPage *self)
{
  return hmr_area_page_get_store (HMR_AREA_PAGE (self));
}

static const HmrActor *
get_actor (HmrReportsPage *self)
{
  return hmr_area_page_get_actor (HMR_AREA_PAGE (self));
}

static const char *
selected_district (HmrReportsPage *self)
{
  guint i = gtk_drop_down_get_selected (self->district_drop);

  return self->districts != NULL && i < self->districts->len ? g_ptr_array_index (self->districts, i) : NULL;
}

/* ---- the period ------------------------------------------------------ */

static void
set_entry_date (GtkEntry    *entry,
                const GDate *date)
{
  g_autofree char *text = hmr_format_date (date);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
apply_period (HmrReportsPage *self,
              Period          period)
{
  GDate today, from, to;
  int quarter_start;

  if (period == PERIOD_OTHER)
    return;
  hmr_store_get_today (get_store (self), &today);
  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  to = today;
  quarter_start = 1 + 3 * ((g_date_get_month (&today) - 1) / 3);
  switch (period)
    {
    case PERIOD_THIS_QUARTER:
      g_date_set_dmy (&from, 1, quarter_start, g_date_get_year (&today));
      break;
    case PERIOD_LAST_QUARTER:
      g_date_set_dmy (&to, 1, quarter_start, g_date_get_year (&today));
      g_date_subtract_days (&to, 1);
      from = to;
      g_date_set_day (&from, 1);
      g_date_subtract_months (&from, 2);
      break;
    case PERIOD_THIS_YEAR:
      g_date_set_dmy (&from, 1, 1, g_date_get_year (&today));
      break;
    case PERIOD_LAST_YEAR:
      g_date_set_dmy (&from, 1, 1, g_date_get_year (&today) - 1);
      g_date_set_dmy (&to, 31, 12, g_date_get_year (&today) - 1);
      break;
    case PERIOD_LAST_12_MONTHS:
      g_date_set_dmy (&from, 1, g_date_get_month (&today), g_date_get_year (&today));
      g_date_subtract_months (&from, 11);
      break;
    case PERIOD_OTHER:
    default:
      g_assert_not_reached ();
    }
  self->updating = TRUE;
  set_entry_date (self->from_entry, &from);
  set_entry_date (self->to_entry, &to);
  self->updating = FALSE;
}

static void
fill_choices (HmrReportsPage *self)
{
  const char *periods[] = {
    _("This quarter"), _("Last quarter"), _("This year"), _("Last year"), _("Last 12 months"),
    _("Other period"), NULL
  };
  g_autoptr(GtkStringList) period_list = gtk_string_list_new (periods);
  g_autoptr(GtkStringList) district_list = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) districts = hmr_store_list_districts (get_store (self), &error);

  self->updating = TRUE;
  gtk_drop_down_set_model (self->period_drop, G_LIST_MODEL (period_list));
  gtk_drop_down_set_selected (self->period_drop, PERIOD_THIS_QUARTER);
  self->districts = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->districts, NULL);
  gtk_string_list_append (district_list, _("Every district"));
  for (guint i = 0; districts != NULL && i < districts->len; i++)
    {
      g_ptr_array_add (self->districts, g_strdup (g_ptr_array_index (districts, i)));
      gtk_string_list_append (district_list, hmr_district_get_label (g_ptr_array_index (districts, i)));
    }
  gtk_drop_down_set_model (self->district_drop, G_LIST_MODEL (district_list));
  gtk_drop_down_set_selected (self->district_drop, 0);
  self->updating = FALSE;
  apply_period (self, PERIOD_THIS_QUARTER);
}

static void
on_period_chosen (HmrReportsPage *self)
{
  Period period = gtk_drop_down_get_selected (self->period_drop);

  if (self->updating || period == PERIOD_OTHER)
    return;
  apply_period (self, period);
  hmr_reports_page_compute (self);
}

static void
on_district_chosen (HmrReportsPage *self)
{
  if (!self->updating)
    hmr_reports_page_compute (self);
}

static void
on_entry_activate (HmrReportsPage *self)
{
  hmr_reports_page_compute (self);
}

static void
on_entry_changed (HmrReportsPage *self)
{
  if (self->updating)
    return;
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->period_drop, PERIOD_OTHER);
  self->updating = FALSE;
}

/* ---- the figures, in a thread ----------------------------------------- */

typedef struct
{
  HmrContext *context;
  HmrActor   *actor;
  char       *from;
  char       *to;
  char       *district;
} ComputeJob;

static void
compute_job_free (ComputeJob *job)
{
  g_object_unref (job->context);
  hmr_actor_free (job->actor);
  g_free (job->from);
  g_free (job->to);
  g_free (job->district);
  g_free (job);
}

static void
compute_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  ComputeJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrStore) store = hmr_context_open_connection (job->context, &error);
  HmrReportQuery query = { job->from, job->to, job->district };
  HmrReport *report = NULL;

  if (store != NULL)
    report = hmr_store_compute_report (store, job->actor, &query, cancellable, &error);
  if (report == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, report, (GDestroyNotify) hmr_report_free);
}

static void open_people (gpointer user_data, HmrReportFigure figure, const char *district, const char *sex);

static void
on_computed (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(HmrReportsPage) self = g_weak_ref_get (ref);
  g_autoptr(GError) error = NULL;
  HmrReport *report = g_task_propagate_pointer (G_TASK (result), &error);

  g_weak_ref_clear (ref);
  g_free (ref);
  /* Gone, or overtaken by a newer computation */
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_task_get_cancellable (G_TASK (result)) != self->compute_cancellable)
    {
      g_clear_pointer (&report, hmr_report_free);
      return;
    }
  g_clear_object (&self->compute_cancellable);
  g_clear_pointer (&self->error, g_free);
  if (report == NULL)
    {
      self->error = g_strdup (error->message);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  g_clear_pointer (&self->report, hmr_report_free);
  self->report = report;
  hmr_reports_figures_build (self->content_box, report, self->value_labels, open_people, self);
  gtk_stack_set_visible_child_name (self->stack, "report");
}

/**
 * hmr_reports_page_compute:
 *
 * Works out the figures of the period and district chosen, in a thread;
 * a computation still running is abandoned.
 */
void
hmr_reports_page_compute (HmrReportsPage *self)
{
  g_autoptr(GTask) task = NULL;
  ComputeJob *job;
  GWeakRef *ref;

  g_return_if_fail (HMR_IS_REPORTS_PAGE (self));

  if (self->compute_cancellable != NULL)
    g_cancellable_cancel (self->compute_cancellable);
  g_clear_object (&self->compute_cancellable);
  self->compute_cancellable = g_cancellable_new ();
  self->dirty = FALSE;
  /* the figures shown stay until the new ones come, unless they were of
   * another period */
  if (self->report == NULL || g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "report") != 0)
    gtk_stack_set_visible_child_name (self->stack, "loading");

  job = g_new0 (ComputeJob, 1);
  job->context = g_object_ref (hmr_area_page_get_context (HMR_AREA_PAGE (self)));
  job->actor = hmr_actor_copy (get_actor (self));
  job->from = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->from_entry)));
  job->to = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->to_entry)));
  job->district = g_strdup (selected_district (self));
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  task = g_task_new (NULL, self->compute_cancellable, on_computed, ref);
  g_task_set_task_data (task, job, (GDestroyNotify) compute_job_free);
  g_task_run_in_thread (task, compute_thread);
}

static void
compute_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  hmr_reports_page_compute (HMR_REPORTS_PAGE (widget));
}

/* What the figures count: worked out again when the area is shown */
static void
hmr_reports_page_store_changed (HmrAreaPage  *page,
                                HmrChangeSet *changes)
{
  HmrReportsPage *self = HMR_REPORTS_PAGE (page);
  static const char * const counted[] = {
    "beneficiary", "group_session", "attendance", "referral", "follow_up", "survey_round",
    "survey_response", "grant", "disbursement", "handover", NULL
  };

  if (!hmr_change_set_is_bulk (changes) && !hmr_change_set_has_any_kind (changes, counted))
    return;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    hmr_reports_page_compute (self);
  else
    self->dirty = TRUE;
}

static void
on_map (HmrReportsPage *self)
{
  if (self->dirty)
    hmr_reports_page_compute (self);
}

/* ---- the people behind a figure --------------------------------------- */

static void
open_people (gpointer         user_data,
             HmrReportFigure  figure,
             const char      *district,
             const char      *sex)
{
  hmr_reports_page_open_people (HMR_REPORTS_PAGE (user_data), figure, district, sex);
}

/**
 * hmr_reports_page_open_people:
 * @district: (nullable): the people of one district (else the report's)
 * @sex: (nullable): the people of one sex
 *
 * Opens the people behind @figure of the figures shown.
 *
 * Returns: (transfer none) (nullable): the dialog
 */
GtkWindow *
hmr_reports_page_open_people (HmrReportsPage  *self,
                              HmrReportFigure  figure,
                              const char      *district,
                              const char      *sex)
{
  HmrReportQuery query;
  HmrReportPeopleDialog *dialog;

  g_return_val_if_fail (HMR_IS_REPORTS_PAGE (self), NULL);
  g_return_val_if_fail (self->report != NULL, NULL);

  query.from = self->report->from;
  query.to = self->report->to;
  query.district = district != NULL ? district : self->report->district;
  dialog = hmr_report_people_dialog_new (hmr_area_page_get_context (HMR_AREA_PAGE (self)), &query, figure, sex,
                                         GTK_WIDGET (self));
  hmr_gui_present_dialog (GTK_WINDOW (dialog), NULL, GTK_WIDGET (self), NULL, NULL, NULL);
  return GTK_WINDOW (dialog);
}

/* ---- the donor workbook ------------------------------------------------ */

typedef struct
{
  char *from;
  char *to;
  char *district;
} QueryCopy;

static void
query_copy_free (QueryCopy *q)
{
  g_free (q->from);
  g_free (q->to);
  g_free (q->district);
  g_free (q);
}

/* In the worker */
static gboolean
export_donor (HmrStore         *store,
              const HmrActor   *actor,
              const char       *path,
              gpointer          data,
              GCancellable     *cancellable,
              HmrProgressFunc   progress,
              gpointer          progress_data,
              GError          **error)
{
  QueryCopy *q = data;
  HmrReportQuery query = { q->from, q->to, q->district };

  return hmr_export_donor_report (store, actor, &query, path, cancellable, progress, progress_data, error);
}

static void
set_exporting (HmrReportsPage *self,
               GCancellable   *cancellable)
{
  g_clear_object (&self->export_cancellable);
  if (cancellable != NULL)
    self->export_cancellable = g_object_ref (cancellable);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_revealer_set_reveal_child (self->progress_revealer, cancellable != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export", cancellable == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.cancel-export", cancellable != NULL);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(HmrReportsPage) self = g_weak_ref_get (ref);
  g_autoptr(GError) error = NULL;
  gboolean ok = hmr_gui_export_finish (result, &error);

  g_weak_ref_clear (ref);
  g_free (ref);
  if (self == NULL)
    return;

  /* A failed or cancelled export leaves nothing (hmr_gui_export_async()) */
  hmr_gui_export_tell (GTK_WIDGET (self->toast_overlay), self->export_path, ok ? NULL : error,
                       /* Translators: a toast; %s is the file's name */
                       _("Donor workbook saved as “%s”"), NULL);
  set_exporting (self, NULL);
}

/**
 * hmr_reports_page_export_to:
 *
 * Writes the donor workbook of the period and district chosen to @file,
 * in a thread, showing its progress; the page going cancels it.
 */
void
hmr_reports_page_export_to (HmrReportsPage *self,
                            GFile          *file)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  QueryCopy *q;
  GWeakRef *ref;

  g_return_if_fail (HMR_IS_REPORTS_PAGE (self));
  g_return_if_fail (g_file_peek_path (file) != NULL);
  g_return_if_fail (self->export_cancellable == NULL);

  set_exporting (self, cancellable);
  g_free (self->export_path);
  self->export_path = g_file_get_path (file);
  q = g_new0 (QueryCopy, 1);
  q->from = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->from_entry)));
  q->to = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->to_entry)));
  q->district = g_strdup (selected_district (self));
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  hmr_gui_export_async (get_store (self), get_actor (self), self->export_path, export_donor,
                        q, (GDestroyNotify) query_copy_free, self->progress_bar, cancellable, on_exported, ref);
}

static void
export_to (GtkWidget *owner,
           GFile     *file)
{
  HmrReportsPage *self = HMR_REPORTS_PAGE (owner);

  if (self->export_cancellable == NULL)
    hmr_reports_page_export_to (self, file);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HmrReportsPage *self = HMR_REPORTS_PAGE (widget);
  g_autoptr(GDateTime) now = hmr_store_now (get_store (self));
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: the donor workbook's file name; %s is today's date. No spaces. */
  g_autofree char *name = g_strdup_printf (_("donor-report-%s.xlsx"), date);

  hmr_gui_choose_xlsx (widget, _("Export the Donor Workbook"), name, export_to);
}

static void
cancel_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HmrReportsPage *self = HMR_REPORTS_PAGE (widget);

  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
}

/* ---- GObject -------------------------------------------------------- */

static void
hmr_reports_page_constructed (GObject *object)
{
  HmrReportsPage *self = HMR_REPORTS_PAGE (object);

  G_OBJECT_CLASS (hmr_reports_page_parent_class)->constructed (object);
  fill_choices (self);
  hmr_reports_page_compute (self);
}

static void
hmr_reports_page_dispose (GObject *object)
{
  HmrReportsPage *self = HMR_REPORTS_PAGE (object);

  /* Neither the figures nor the export keep the page alive: closing the
   * window stops them here */
  if (self->compute_cancellable != NULL)
    g_cancellable_cancel (self->compute_cancellable);
  g_clear_object (&self->compute_cancellable);
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  G_OBJECT_CLASS (hmr_reports_page_parent_class)->dispose (object);
}

static void
hmr_reports_page_finalize (GObject *object)
{
  HmrReportsPage *self = HMR_REPORTS_PAGE (object);

  g_clear_pointer (&self->report, hmr_report_free);
  g_clear_pointer (&self->districts, g_ptr_array_unref);
  g_free (self->error);
  g_free (self->export_path);
  G_OBJECT_CLASS (hmr_reports_page_parent_class)->finalize (object);
}

static void
hmr_reports_page_class_init (HmrReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hmr_reports_page_constructed;
  object_class->dispose = hmr_reports_page_dispose;
  object_class->finalize = hmr_reports_page_finalize;
  HMR_AREA_PAGE_CLASS (klass)->store_changed = hmr_reports_page_store_changed;

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/reports/hmr-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrReportsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HmrReportsPage, period_drop);
  gtk_widget_class_bind_template_child (widget_class, HmrReportsPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, HmrReportsPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, HmrReportsPage, district_drop);
  gtk_widget_class_bind_template_child (widget_class, HmrReportsPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, HmrReportsPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, HmrReportsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, HmrReportsPage, content_box);
  gtk_widget_class_bind_template_child (widget_class, HmrReportsPage, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_period_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_district_chosen);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate);

  gtk_widget_class_install_action (widget_class, "reports.compute", NULL, compute_action);
  gtk_widget_class_install_action (widget_class, "reports.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "reports.cancel-export", NULL, cancel_export_action);
}

static void
hmr_reports_page_init (HmrReportsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.cancel-export", FALSE);
  g_signal_connect_swapped (self->from_entry, "changed", G_CALLBACK (on_entry_changed), self);
  g_signal_connect_swapped (self->to_entry, "changed", G_CALLBACK (on_entry_changed), self);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
}

/**
 * hmr_reports_page_allowed:
 *
 * Whether @actor reads reports: caseworkers (their office), supervisors,
 * finance officers (the grant figures).
 */
gboolean
hmr_reports_page_allowed (const HmrActor *actor)
{
  return hmr_permission_allows (actor, HMR_ACTION_REPORT_READ, NULL) ||
         hmr_permission_allows (actor, HMR_ACTION_REPORT_GRANTS, NULL);
}

GtkWidget *
hmr_reports_page_create_area (HmrContext *context)
{
  return g_object_new (HMR_TYPE_REPORTS_PAGE, "context", context, NULL);
}

/**
 * hmr_reports_page_set_period:
 * @from: the first day, as typed (21.03.2026)
 * @district: (nullable): a district's code; %NULL: every district
 *
 * Chooses the period and district as a user would, and works out their
 * figures.
 */
void
hmr_reports_page_set_period (HmrReportsPage *self,
                             const char     *from,
                             const char     *to,
                             const char     *district)
{
  g_return_if_fail (HMR_IS_REPORTS_PAGE (self));

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to);
  gtk_drop_down_set_selected (self->period_drop, PERIOD_OTHER);
  gtk_drop_down_set_selected (self->district_drop, 0);
  for (guint i = 1; district != NULL && i < self->districts->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->districts, i), district) == 0)
      gtk_drop_down_set_selected (self->district_drop, i);
  self->updating = FALSE;
  hmr_reports_page_compute (self);
}

gboolean
hmr_reports_page_get_computing (HmrReportsPage *self)
{
  g_return_val_if_fail (HMR_IS_REPORTS_PAGE (self), FALSE);
  return self->compute_cancellable != NULL;
}

/**
 * hmr_reports_page_get_report:
 *
 * Returns: (nullable): the figures shown
 */
const HmrReport *
hmr_reports_page_get_report (HmrReportsPage *self)
{
  g_return_val_if_fail (HMR_IS_REPORTS_PAGE (self), NULL);
  return self->report;
}

/**
 * hmr_reports_page_get_error:
 *
 * Returns: (nullable): why the last figures could not be worked out
 */
const char *
hmr_reports_page_get_error (HmrReportsPage *self)
{
  g_return_val_if_fail (HMR_IS_REPORTS_PAGE (self), NULL);
  return self->error;
}

/**
 * hmr_reports_page_get_figure_text:
 *
 * Returns: (nullable): the number shown for @figure, as shown
 */
const char *
hmr_reports_page_get_figure_text (HmrReportsPage  *self,
                                  HmrReportFigure  figure)
{
  g_return_val_if_fail (HMR_IS_REPORTS_PAGE (self), NULL);
  g_return_val_if_fail (figure < HMR_REPORT_N_FIGURES, NULL);

  return self->value_labels[figure] ? gtk_label_get_label (self->value_labels[figure]) : NULL;
}

gboolean
hmr_reports_page_get_exporting (HmrReportsPage *self)
{
  g_return_val_if_fail (HMR_IS_REPORTS_PAGE (self), FALSE);
  return self->export_cancellable != NULL;
}
