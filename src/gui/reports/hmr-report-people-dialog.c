/* hmr-report-people-dialog.c
 *
 * A figure of the Reports area opened: the people it counted, by name,
 * read in a thread on a connection of its own (a year's registrations
 * are thousands of people).  Activating a person opens their case file
 * in the window the dialog came from; walk-ins not yet registered are
 * listed by the name they gave, and open nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-gui-util.h"
#include "hmr-report-people-dialog.h"

/* More would not be read by anyone in a dialog; the workbook has them */
#define MAX_PEOPLE 1000

struct _HmrReportPeopleDialog
{
  AdwWindow        parent_instance;

  HmrContext      *context;
  GtkWidget       *from;           /* weak: the page it was opened from */
  GCancellable    *cancellable;
  gboolean         loading;
  guint            n_people;
  char            *error;

  /* Template widgets */
  AdwWindowTitle  *window_title;
  GtkStack        *stack;
  GtkLabel        *note_label;
  GtkListBox      *list_box;
  AdwStatusPage   *empty_page;
};

G_DEFINE_FINAL_TYPE (HmrReportPeopleDialog, hmr_report_people_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  HmrContext      *context;
  HmrActor        *actor;
  char            *from;
  char            *to;
  char            *district;
  char            *sex;
  HmrReportFigure  figure;
} ListJob;

static void
list_job_free (ListJob *job)
{
  g_object_unref (job->context);
  hmr_actor_free (job->actor);
  g_free (job->from);
  g_free (job->to);
  g_free (job->district);
  g_free (job->sex);
  g_free (job);
}

static void
list_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ListJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrStore) store = hmr_context_open_connection (job->context, &error);
  HmrReportQuery query = { job->from, job->to, job->district };
  GPtrArray *people = NULL;

  if (store != NULL)
    people = hmr_store_list_report_people (store, job->actor, &query, job->figure, job->sex, MAX_PEOPLE,
                                           cancellable, &error);
  if (people == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, people, (GDestroyNotify) g_ptr_array_unref);
}

static GtkWidget *
make_row (const HmrReportPerson *person)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) sub = g_string_new (NULL);

  if (person->case_number != NULL)
    g_string_append_printf (sub, "%s · ", person->case_number);
  else
    g_string_append_printf (sub, "%s · ", _("Walk-in, not registered"));
  g_string_append (sub, hmr_district_get_label (person->district));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), person->name ? person->name : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub->str);
  if (person->count > 1)
    {
      /* Translators: how many of a figure are one person's, as in "×3" */
      g_autofree char *times = g_strdup_printf (_("×%u"), person->count);
      GtkWidget *label = gtk_label_new (times);

      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  if (person->beneficiary_id != NULL)
    {
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      hmr_gui_set_accessible_label (arrow, _("Open the case file"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Open the case file"));
      g_object_set_data_full (G_OBJECT (row), "beneficiary-id", g_strdup (person->beneficiary_id), g_free);
    }
  return row;
}

static void
on_listed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(HmrReportPeopleDialog) self = g_weak_ref_get (ref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = g_task_propagate_pointer (G_TASK (result), &error);

  g_weak_ref_clear (ref);
  g_free (ref);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading = FALSE;
  if (people == NULL)
    {
      self->error = g_strdup (error->message);
      adw_status_page_set_icon_name (self->empty_page, "dialog-warning-symbolic");
      adw_status_page_set_title (self->empty_page, _("The People Could Not Be Listed"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  self->n_people = people->len;
  for (guint i = 0; i < people->len; i++)
    gtk_list_box_append (self->list_box, make_row (g_ptr_array_index (people, i)));
  if (people->len >= MAX_PEOPLE)
    {
      /* Translators: %u is a number, as in 1000 */
      g_autofree char *note = g_strdup_printf (_("The first %u people are shown; the donor workbook has them all."),
                                               MAX_PEOPLE);
      gtk_label_set_label (self->note_label, note);
      gtk_widget_set_visible (GTK_WIDGET (self->note_label), TRUE);
    }
  gtk_stack_set_visible_child_name (self->stack, people->len > 0 ? "list" : "empty");
}

static void
on_row_activated (HmrReportPeopleDialog *self,
                  GtkListBoxRow         *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "beneficiary-id");

  if (id == NULL || self->from == NULL)
    return;
  gtk_widget_activate_action (self->from, "win.open-case-file", "s", id);
  gtk_window_close (GTK_WINDOW (self));
}

/* ---- GObject -------------------------------------------------------- */

static void
hmr_report_people_dialog_dispose (GObject *object)
{
  HmrReportPeopleDialog *self = HMR_REPORT_PEOPLE_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->from);
  G_OBJECT_CLASS (hmr_report_people_dialog_parent_class)->dispose (object);
}

static void
hmr_report_people_dialog_finalize (GObject *object)
{
  HmrReportPeopleDialog *self = HMR_REPORT_PEOPLE_DIALOG (object);

  g_clear_object (&self->context);
  g_free (self->error);
  G_OBJECT_CLASS (hmr_report_people_dialog_parent_class)->finalize (object);
}

static void
hmr_report_people_dialog_class_init (HmrReportPeopleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hmr_report_people_dialog_dispose;
  object_class->finalize = hmr_report_people_dialog_finalize;

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/hamroh/Hamroh/ui/reports/hmr-report-people-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrReportPeopleDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, HmrReportPeopleDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, HmrReportPeopleDialog, note_label);
  gtk_widget_class_bind_template_child (widget_class, HmrReportPeopleDialog, list_box);
  gtk_widget_class_bind_template_child (widget_class, HmrReportPeopleDialog, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hmr_report_people_dialog_init (HmrReportPeopleDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * hmr_report_people_dialog_new:
 * @query: the report's period (ISO dates) and district
 * @sex: (nullable): the people of one sex only
 * @from: the page it is opened from: a person's case file opens there
 *
 * Lists the people behind @figure, in a thread.
 */
HmrReportPeopleDialog *
hmr_report_people_dialog_new (HmrContext           *context,
                              const HmrReportQuery *query,
                              HmrReportFigure       figure,
                              const char           *sex,
                              GtkWidget            *from)
{
  HmrReportPeopleDialog *self;
  g_autoptr(GTask) task = NULL;
  g_autofree char *from_date = hmr_gui_format_date (query->from);
  g_autofree char *to_date = hmr_gui_format_date (query->to);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GWeakRef *ref;
  ListJob *job;

  g_return_val_if_fail (HMR_IS_CONTEXT (context), NULL);

  self = g_object_new (HMR_TYPE_REPORT_PEOPLE_DIALOG, NULL);
  self->context = g_object_ref (context);
  g_set_weak_pointer (&self->from, from);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;

  g_string_append_printf (subtitle, "%s – %s", from_date, to_date);
  if (query->district != NULL)
    g_string_append_printf (subtitle, " · %s", hmr_district_get_label (query->district));
  if (sex != NULL)
    g_string_append_printf (subtitle, " · %s", g_strcmp0 (sex, "female") == 0 ? _("Women") : _("Men"));
  adw_window_title_set_title (self->window_title, hmr_report_figure_get_label (figure));
  adw_window_title_set_subtitle (self->window_title, subtitle->str);
  gtk_window_set_title (GTK_WINDOW (self), hmr_report_figure_get_label (figure));

  job = g_new0 (ListJob, 1);
  job->context = g_object_ref (context);
  job->actor = hmr_actor_copy (hmr_context_get_actor (context));
  job->from = g_strdup (query->from);
  job->to = g_strdup (query->to);
  job->district = g_strdup (query->district);
  job->sex = g_strdup (sex);
  job->figure = figure;
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  task = g_task_new (NULL, self->cancellable, on_listed, ref);
  g_task_set_task_data (task, job, (GDestroyNotify) list_job_free);
  g_task_run_in_thread (task, list_thread);
  return self;
}

gboolean
hmr_report_people_dialog_get_loading (HmrReportPeopleDialog *self)
{
  g_return_val_if_fail (HMR_IS_REPORT_PEOPLE_DIALOG (self), FALSE);
  return self->loading;
}

guint
hmr_report_people_dialog_get_n_people (HmrReportPeopleDialog *self)
{
  g_return_val_if_fail (HMR_IS_REPORT_PEOPLE_DIALOG (self), 0);
  return self->n_people;
}

/**
 * hmr_report_people_dialog_get_error:
 *
 * Returns: (nullable): why the people could not be listed
 */
const char *
hmr_report_people_dialog_get_error (HmrReportPeopleDialog *self)
{
  g_return_val_if_fail (HMR_IS_REPORT_PEOPLE_DIALOG (self), NULL);
  return self->error;
}
