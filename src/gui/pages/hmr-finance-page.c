/* hmr-finance-page.c
 *
 * What finance has to do today, in the order it is done: approved grants
 * waiting for their first tranche, grants being paid, fully paid grants
 * to verify, the handover acts, and the totals per district and month.
 * The ledger is written in a GTask thread with its own connection to the
 * database; the page shows its progress and can cancel it, and a
 * cancelled or failed export leaves no file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hmr-finance-page.h"
#include "hmr-grant-dialog.h"
#include "hmr-grant-util.h"
#include "hmr-gui-util.h"
#include "hmr-handover-dialog.h"
#include "hmr-labels.h"
#include "hmr-permissions.h"
#include "hmr-tranche-dialog.h"

struct _HmrFinancePage
{
  AdwBin           parent_instance;

  HmrStore        *store;
  HmrActor        *actor;
  GCancellable    *export_cancellable;   /* non-NULL while exporting */

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkLabel        *summary_label;
  GtkRevealer     *progress_revealer;
  GtkProgressBar  *progress_bar;
  GtkListBox      *waiting_list;
  GtkListBox      *disbursing_list;
  GtkListBox      *disbursed_list;
  GtkListBox      *handovers_list;
  GtkListBox      *totals_list;
};

G_DEFINE_FINAL_TYPE (HmrFinancePage, hmr_finance_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_EXPORTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- the lists -------------------------------------------------------- */

static GtkWidget *
row_button (const char *label,
            const char *action,
            const char *grant_id,
            const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (grant_id));
  gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

static void
add_pay_button (GtkWidget             *row,
                const HmrGrantSummary *summary,
                gpointer               user_data)
{
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button (_("_Pay…"), "finance.pay", summary->id,
                                         _("Record a tranche paid on this grant")));
}

static void
add_verify_button (GtkWidget             *row,
                   const HmrGrantSummary *summary,
                   gpointer               user_data)
{
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button (_("_Verify"), "finance.verify", summary->id,
                                         _("The business stands: close the grant")));
}

static void
fill_totals (HmrFinancePage *self)
{
  g_autoptr(GPtrArray) districts = NULL;
  g_autoptr(GPtrArray) months = NULL;
  g_autoptr(GError) error = NULL;

  hmr_gui_list_box_clear (self->totals_list);
  districts = hmr_store_list_grant_totals (self->store, self->actor, FALSE, NULL, &error);
  if (districts != NULL)
    months = hmr_store_list_grant_totals (self->store, self->actor, TRUE, NULL, &error);
  if (districts == NULL || months == NULL)
    {
      gtk_list_box_append (self->totals_list, hmr_gui_placeholder_row (error->message));
      return;
    }

  for (guint i = 0; i < districts->len; i++)
    {
      HmrGrantTotals *d = g_ptr_array_index (districts, i);
      g_autofree char *approved = hmr_format_money (d->approved, "TJS");
      g_autofree char *paid = hmr_format_money (d->paid, "TJS");
      g_autofree char *remaining = hmr_format_money (d->remaining, "TJS");
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_expander_row_new ();

      /* Translators: totals of a district or month: grants, approved, paid, remaining */
      subtitle = g_strdup_printf (g_dngettext (NULL, "%u grant · approved %s · paid %s · remaining %s",
                                               "%u grants · approved %s · paid %s · remaining %s", d->n_grants),
                                  d->n_grants, approved, paid, remaining);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hmr_district_get_label (d->district));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      for (guint j = 0; j < months->len; j++)
        {
          HmrGrantTotals *m = g_ptr_array_index (months, j);
          g_autofree char *ma = NULL, *mp = NULL, *mr = NULL, *ms = NULL;
          g_autofree char *month = NULL;
          GtkWidget *month_row;
          GDate date;

          if (g_strcmp0 (m->district, d->district) != 0)
            continue;
          ma = hmr_format_money (m->approved, "TJS");
          mp = hmr_format_money (m->paid, "TJS");
          mr = hmr_format_money (m->remaining, "TJS");
          ms = g_strdup_printf (g_dngettext (NULL, "%u grant · approved %s · paid %s · remaining %s",
                                             "%u grants · approved %s · paid %s · remaining %s", m->n_grants),
                                m->n_grants, ma, mp, mr);
          if (m->month != NULL)
            {
              g_autofree char *iso = g_strconcat (m->month, "-01", NULL);
              char buf[64];

              if (hmr_parse_user_date (iso, &date) && g_date_strftime (buf, sizeof buf, "%B %Y", &date) > 0)
                month = g_strdup (buf);
            }
          month_row = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (month_row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (month_row),
                                         month ? month : m->month ? m->month : _("Not approved"));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (month_row), ms);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), month_row);
        }
      gtk_list_box_append (self->totals_list, row);
    }
  if (districts->len == 0)
    gtk_list_box_append (self->totals_list, hmr_gui_placeholder_row (_("No grants approved yet")));
}

/**
 * hmr_finance_page_reload:
 *
 * Reads every list again from the store.
 */
void
hmr_finance_page_reload (HmrFinancePage *self)
{
  guint waiting, disbursing, disbursed;
  g_autofree char *summary = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL;

  g_return_if_fail (HMR_IS_FINANCE_PAGE (self));

  waiting = hmr_gui_fill_grant_list (self->waiting_list, self->store, self->actor,
                                     (const char * const[]) { "approved", NULL }, 0,
                                     _("No approved grant is waiting for money."), add_pay_button, self);
  disbursing = hmr_gui_fill_grant_list (self->disbursing_list, self->store, self->actor,
                                        (const char * const[]) { "disbursing", NULL }, 0,
                                        _("No grant is being paid."), add_pay_button, self);
  disbursed = hmr_gui_fill_grant_list (self->disbursed_list, self->store, self->actor,
                                       (const char * const[]) { "disbursed", NULL }, 0,
                                       _("No paid grant is waiting to be verified."), add_verify_button, self);
  hmr_gui_fill_handover_list (self->handovers_list, self->store, self->actor, 10, _("No handover acts yet."));
  fill_totals (self);

  a = g_strdup_printf (g_dngettext (NULL, "%u grant waits for money", "%u grants wait for money", waiting), waiting);
  b = g_strdup_printf (g_dngettext (NULL, "%u being paid", "%u being paid", disbursing), disbursing);
  c = g_strdup_printf (g_dngettext (NULL, "%u to verify", "%u to verify", disbursed), disbursed);
  /* Translators: the finance page's summary: three counts */
  summary = g_strdup_printf (C_("finance summary", "%s · %s · %s"), a, b, c);
  gtk_label_set_text (self->summary_label, summary);
}

/* ---- opening grants and acts ---------------------------------------- */

static void
present_grant (HmrFinancePage *self,
               const char     *grant_id)
{
  g_autoptr(GError) error = NULL;
  HmrGrantDialog *dialog;

  dialog = hmr_grant_dialog_new_for_grant (hmr_gui_get_parent_window (GTK_WIDGET (self)),
                                           self->store, self->actor, grant_id, &error);
  if (dialog == NULL)
    {
      hmr_gui_show_error_toast (GTK_WIDGET (self->toast_overlay), error->message);
      return;
    }
  g_signal_connect_object (dialog, "changed", G_CALLBACK (hmr_finance_page_reload), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_grant_row_activated (HmrFinancePage *self,
                        GtkListBoxRow  *row)
{
  const char *id = hmr_grant_row_get_id (GTK_WIDGET (row));

  if (id != NULL)
    present_grant (self, id);
}

static void
on_waiting_list_row_activated (HmrFinancePage *self, GtkListBoxRow *row)
{
  on_grant_row_activated (self, row);
}

static void
on_disbursing_list_row_activated (HmrFinancePage *self, GtkListBoxRow *row)
{
  on_grant_row_activated (self, row);
}

static void
on_disbursed_list_row_activated (HmrFinancePage *self, GtkListBoxRow *row)
{
  on_grant_row_activated (self, row);
}

static void
on_handovers_list_row_activated (HmrFinancePage *self,
                                 GtkListBoxRow  *row)
{
  const char *id = hmr_grant_row_get_id (GTK_WIDGET (row));
  g_autoptr(GError) error = NULL;
  HmrHandoverDialog *dialog;

  if (id == NULL)
    return;
  dialog = hmr_handover_dialog_new_for_handover (hmr_gui_get_parent_window (GTK_WIDGET (self)),
                                                 self->store, self->actor, id, &error);
  if (dialog == NULL)
    {
      hmr_gui_show_error_toast (GTK_WIDGET (self->toast_overlay), error->message);
      return;
    }
  g_signal_connect_object (dialog, "changed", G_CALLBACK (hmr_finance_page_reload), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
pay_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  HmrFinancePage *self = HMR_FINANCE_PAGE (widget);
  g_autoptr(GError) error = NULL;
  HmrTrancheDialog *dialog;

  dialog = hmr_tranche_dialog_new (hmr_gui_get_parent_window (widget), self->store, self->actor,
                                   g_variant_get_string (parameter, NULL), &error);
  if (dialog == NULL)
    {
      hmr_gui_show_error_toast (GTK_WIDGET (self->toast_overlay), error->message);
      return;
    }
  g_signal_connect_object (dialog, "recorded", G_CALLBACK (hmr_finance_page_reload), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
verify_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HmrFinancePage *self = HMR_FINANCE_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!hmr_store_verify_grant (self->store, self->actor, g_variant_get_string (parameter, NULL), NULL, &error))
    {
      hmr_gui_show_error_toast (GTK_WIDGET (self->toast_overlay), error->message);
      return;
    }
  hmr_finance_page_reload (self);
  hmr_gui_toast (GTK_WIDGET (self->toast_overlay), _("Grant verified"));
}

/* ---- the ledger in Excel --------------------------------------------- */

typedef struct
{
  char     *db_path;
  HmrActor *actor;
  char     *path;
  GWeakRef  page;
  double    fraction;
  gboolean  written;    /* the workbook is in place (set in the thread) */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->db_path);
  hmr_actor_free (job->actor);
  g_free (job->path);
  g_weak_ref_clear (&job->page);
  g_free (job);
}

typedef struct
{
  GWeakRef page;
  double   fraction;
} ProgressUpdate;

static gboolean
show_progress (gpointer user_data)
{
  ProgressUpdate *update = user_data;
  g_autoptr(HmrFinancePage) self = g_weak_ref_get (&update->page);

  if (self != NULL && self->export_cancellable != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, update->fraction);
  g_weak_ref_clear (&update->page);
  g_free (update);
  return G_SOURCE_REMOVE;
}

static void
on_export_progress (double   fraction,
                    gpointer user_data)
{
  ExportJob *job = user_data;
  ProgressUpdate *update;

  /* at most a hundred updates reach the main loop */
  if (fraction < 1.0 && fraction - job->fraction < 0.01)
    return;
  job->fraction = fraction;
  update = g_new0 (ProgressUpdate, 1);
  g_weak_ref_init (&update->page, NULL);
  {
    g_autoptr(GObject) page = g_weak_ref_get (&job->page);
    g_weak_ref_set (&update->page, page);
  }
  update->fraction = fraction;
  g_idle_add (show_progress, update);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(HmrStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = hmr_store_open (job->db_path, &error);
  if (store == NULL ||
      !hmr_export_grant_ledger (store, job->actor, NULL, job->path, cancellable,
                                on_export_progress, job, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  job->written = TRUE;
  g_task_return_boolean (task, TRUE);
}

static void
set_exporting (HmrFinancePage *self,
               GCancellable   *cancellable)
{
  g_clear_object (&self->export_cancellable);
  if (cancellable != NULL)
    self->export_cancellable = g_object_ref (cancellable);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_revealer_set_reveal_child (self->progress_revealer, cancellable != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "finance.export-ledger", cancellable == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "finance.cancel-export", cancellable != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPORTING]);
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  HmrFinancePage *self = HMR_FINANCE_PAGE (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* A failed export leaves nothing (the core writes beside the file
       * and renames it at the end); one cancelled just as it finished
       * takes its workbook away */
      if (job->written)
        g_remove (job->path);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        hmr_gui_show_error_toast (GTK_WIDGET (self->toast_overlay), error->message);
      else
        hmr_gui_toast (GTK_WIDGET (self->toast_overlay), _("Export cancelled; no file was written"));
    }
  else
    {
      g_autofree char *name = g_path_get_basename (job->path);
      /* Translators: a toast; %s is the file's name */
      g_autofree char *message = g_strdup_printf (_("Ledger saved as “%s”"), name);

      hmr_gui_toast (GTK_WIDGET (self->toast_overlay), message);
    }
  set_exporting (self, NULL);
}

/**
 * hmr_finance_page_export_ledger_to:
 *
 * Writes the grant ledger to @file in a thread, showing its progress.
 */
void
hmr_finance_page_export_ledger_to (HmrFinancePage *self,
                                   GFile          *file)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (HMR_IS_FINANCE_PAGE (self));
  g_return_if_fail (self->export_cancellable == NULL);

  job = g_new0 (ExportJob, 1);
  job->db_path = g_strdup (hmr_store_get_path (self->store));
  job->actor = hmr_actor_copy (self->actor);
  job->path = g_file_get_path (file);
  g_weak_ref_init (&job->page, self);

  set_exporting (self, cancellable);
  task = g_task_new (self, cancellable, on_export_done, NULL);
  g_task_set_source_tag (task, hmr_finance_page_export_ledger_to);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, export_thread);
}

static void
on_export_file_chosen (GtkNativeDialog *chooser,
                       int              response,
                       HmrFinancePage  *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && g_file_peek_path (file) != NULL)
    hmr_finance_page_export_ledger_to (self, file);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
export_ledger_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HmrFinancePage *self = HMR_FINANCE_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GDateTime) now = hmr_store_now (self->store);
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export the Grant Ledger"), hmr_gui_get_parent_window (widget),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: the ledger's file name; %s is today's date. No spaces. */
  name = g_strdup_printf (_("grant-ledger-%s.xlsx"), date);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_file_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HmrFinancePage *self = HMR_FINANCE_PAGE (widget);

  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
}

/* ---- GObject -------------------------------------------------------- */

static void
hmr_finance_page_dispose (GObject *object)
{
  HmrFinancePage *self = HMR_FINANCE_PAGE (object);

  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  /* AdwBin unparents its child itself: no gtk_widget_dispose_template () */
  g_clear_object (&self->export_cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, hmr_actor_free);

  G_OBJECT_CLASS (hmr_finance_page_parent_class)->dispose (object);
}

static void
hmr_finance_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HmrFinancePage *self = HMR_FINANCE_PAGE (object);

  switch (prop_id)
    {
    case PROP_EXPORTING:
      g_value_set_boolean (value, self->export_cancellable != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hmr_finance_page_class_init (HmrFinancePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hmr_finance_page_dispose;
  object_class->get_property = hmr_finance_page_get_property;

  properties[PROP_EXPORTING] =
    g_param_spec_boolean ("exporting", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/pages/hmr-finance-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrFinancePage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HmrFinancePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, HmrFinancePage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, HmrFinancePage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, HmrFinancePage, waiting_list);
  gtk_widget_class_bind_template_child (widget_class, HmrFinancePage, disbursing_list);
  gtk_widget_class_bind_template_child (widget_class, HmrFinancePage, disbursed_list);
  gtk_widget_class_bind_template_child (widget_class, HmrFinancePage, handovers_list);
  gtk_widget_class_bind_template_child (widget_class, HmrFinancePage, totals_list);
  gtk_widget_class_bind_template_callback (widget_class, on_waiting_list_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_disbursing_list_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_disbursed_list_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_handovers_list_row_activated);

  gtk_widget_class_install_action (widget_class, "finance.export-ledger", NULL, export_ledger_action);
  gtk_widget_class_install_action (widget_class, "finance.cancel-export", NULL, cancel_export_action);
  gtk_widget_class_install_action (widget_class, "finance.pay", "s", pay_action);
  gtk_widget_class_install_action (widget_class, "finance.verify", "s", verify_action);
}

static void
hmr_finance_page_init (HmrFinancePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "finance.cancel-export", FALSE);
  g_signal_connect (self, "map", G_CALLBACK (hmr_finance_page_reload), NULL);
}

HmrFinancePage *
hmr_finance_page_new (HmrStore       *store,
                      const HmrActor *actor)
{
  HmrFinancePage *self = g_object_new (HMR_TYPE_FINANCE_PAGE, NULL);

  self->store = g_object_ref (store);
  self->actor = hmr_actor_copy (actor);
  hmr_finance_page_reload (self);
  return self;
}

gboolean
hmr_finance_page_get_exporting (HmrFinancePage *self)
{
  g_return_val_if_fail (HMR_IS_FINANCE_PAGE (self), FALSE);
  return self->export_cancellable != NULL;
}

/**
 * hmr_finance_page_get_list:
 * @name: "waiting_list", "disbursing_list", "disbursed_list",
 *   "handovers_list" or "totals_list"
 */
GtkListBox *
hmr_finance_page_get_list (HmrFinancePage *self,
                           const char     *name)
{
  return GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (self), HMR_TYPE_FINANCE_PAGE, name));
}

gboolean
hmr_finance_area_allowed (const HmrActor *actor)
{
  return hmr_permission_allows (actor, HMR_ACTION_DISBURSE, NULL);
}

GtkWidget *
hmr_finance_area_create (HmrWindow *window)
{
  HmrFinancePage *page = hmr_finance_page_new (hmr_window_get_store (window), hmr_window_get_actor (window));

  g_signal_connect_object (window, "case-changed", G_CALLBACK (hmr_finance_page_reload), page, G_CONNECT_SWAPPED);
  return GTK_WIDGET (page);
}
