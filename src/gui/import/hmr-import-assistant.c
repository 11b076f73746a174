/* hmr-import-assistant.c
 *
 * The dry run and the import run in a GTask thread on a sibling
 * connection of the window's store (which announces what it commits), with a progress bar and Cancel; the window never waits.  A
 * cancelled import leaves nothing: the store rolls the one transaction
 * back.  The application is held while a run is going, so that closing
 * the window (which cancels it) does not end the process mid-rollback.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "hmr-gui-util.h"
#include "hmr-import-assistant.h"

#define MAX_LISTED_ROWS 200

struct _HmrImportAssistant
{
  AdwWindow            parent_instance;

  HmrStore            *store;
  HmrActor            *actor;

  GtkStack            *stack;
  GtkLabel            *file_error;
  AdwActionRow        *file_row;
  AdwComboRow         *sheet_row;
  AdwPreferencesGroup *columns_group;
  GtkLabel            *mapping_error;
  AdwStatusPage       *working_page;
  GtkProgressBar      *progress_bar;
  GtkLabel            *results_note;
  AdwActionRow        *new_row;
  AdwActionRow        *duplicates_row;
  AdwActionRow        *errors_row;
  GtkButton           *import_button;
  GtkButton           *close_button;
  GtkWidget           *choose_button;
  GtkWidget           *check_button;
  GtkListBox          *problems_list;
  AdwPreferencesGroup *problems_group;
  AdwStatusPage       *done_page;

  char                *path;
  char                *sheet;
  GPtrArray           *sheets;        /* char *, of a workbook */
  HmrImportFile       *file;
  GPtrArray           *column_rows;   /* AdwComboRow, one per column */
  HmrImportResult     *result;
  GCancellable        *cancellable;
  gboolean             running_dry;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (HmrImportAssistant, hmr_import_assistant, ADW_TYPE_WINDOW)

static void
update_actions (HmrImportAssistant *self)
{
  gboolean busy = self->cancellable != NULL;
  gboolean can_import = self->result != NULL && self->result->batch_id == NULL &&
                        self->result->n_new > 0 && self->result->already_imported == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.check", !busy && self->file != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", !busy && can_import);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.cancel", busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.save-report",
                                 !busy && self->result != NULL && self->result->rows->len > 0);
}

static void
show_label (GtkLabel   *label,
            const char *text)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

/* ---- the columns -------------------------------------------------------- */

static GtkStringList *
field_labels (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint f = 0; f < HMR_IMPORT_N_FIELDS; f++)
    gtk_string_list_append (list, hmr_import_field_get_label (f));
  return list;
}

static char *
column_title (GPtrArray *headers,
              guint      column)
{
  const char *h = g_ptr_array_index (headers, column);
  GString *letters;
  guint n = column + 1;

  if (h != NULL && h[0] != '\0')
    return g_strdup (h);
  letters = g_string_new (NULL);
  while (n > 0)
    {
      g_string_prepend_c (letters, 'A' + (n - 1) % 26);
      n = (n - 1) / 26;
    }
  /* Translators: a column without a header, named by its letter */
  {
    char *title = g_strdup_printf (_("Column %s"), letters->str);
    g_string_free (letters, TRUE);
    return title;
  }
}

static void
build_columns (HmrImportAssistant *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrImportMapping) mapping = NULL;
  GPtrArray *headers = hmr_import_file_get_headers (self->file);

  for (guint i = 0; self->column_rows && i < self->column_rows->len; i++)
    adw_preferences_group_remove (self->columns_group, g_ptr_array_index (self->column_rows, i));
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  self->column_rows = g_ptr_array_new ();

  /* The columns chosen last time for these headers, else a guess */
  mapping = hmr_store_load_import_mapping (self->store, self->actor, headers, &error);
  if (mapping == NULL)
    mapping = hmr_import_mapping_propose (headers);

  for (guint c = 0; c < headers->len; c++)
    {
      g_autoptr(GtkStringList) labels = field_labels ();
      g_autofree char *title = column_title (headers, c);
      GtkWidget *row = adw_combo_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), hmr_import_mapping_get (mapping, c));
      adw_preferences_group_add (self->columns_group, row);
      g_ptr_array_add (self->column_rows, row);
    }
}

static HmrImportMapping *
chosen_mapping (HmrImportAssistant *self)
{
  HmrImportMapping *mapping = hmr_import_mapping_from_string ("", self->column_rows->len);

  for (guint c = 0; c < self->column_rows->len; c++)
    {
      guint f = adw_combo_row_get_selected (g_ptr_array_index (self->column_rows, c));
      hmr_import_mapping_set (mapping, c, f < HMR_IMPORT_N_FIELDS ? f : HMR_IMPORT_FIELD_NONE);
    }
  return mapping;
}

static gboolean
load_file (HmrImportAssistant *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base = g_path_get_basename (self->path);

  g_clear_pointer (&self->file, hmr_import_file_free);
  g_clear_pointer (&self->result, hmr_import_result_free);
  self->file = hmr_import_file_open (self->path, self->sheet, &error);
  if (self->file == NULL)
    {
      show_label (self->file_error, error->message);
      gtk_stack_set_visible_child_name (self->stack, "file");
      update_actions (self);
      return FALSE;
    }
  show_label (self->file_error, NULL);
  show_label (self->mapping_error, NULL);
  adw_action_row_set_subtitle (self->file_row, base);
  build_columns (self);
  gtk_stack_set_visible_child_name (self->stack, "mapping");
  update_actions (self);
  return TRUE;
}

static void
on_sheet_selected (HmrImportAssistant *self)
{
  guint i = adw_combo_row_get_selected (self->sheet_row);

  if (self->sheets == NULL || i >= self->sheets->len ||
      g_strcmp0 (self->sheet, g_ptr_array_index (self->sheets, i)) == 0)
    return;
  g_free (self->sheet);
  self->sheet = g_strdup (g_ptr_array_index (self->sheets, i));
  load_file (self);
}

/**
 * hmr_import_assistant_open_file:
 *
 * Opens @path (its first sheet) and shows its columns.
 *
 * Returns: whether the file could be read
 */
gboolean
hmr_import_assistant_open_file (HmrImportAssistant *self,
                                const char         *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_return_val_if_fail (HMR_IS_IMPORT_ASSISTANT (self), FALSE);

  g_free (self->path);
  self->path = g_strdup (path);
  g_clear_pointer (&self->sheet, g_free);
  g_clear_pointer (&self->sheets, g_ptr_array_unref);
  self->sheets = hmr_sheet_list_sheets (path, &error);
  if (self->sheets == NULL)
    {
      show_label (self->file_error, error->message);
      return FALSE;
    }
  for (guint i = 0; i < self->sheets->len; i++)
    gtk_string_list_append (names, g_ptr_array_index (self->sheets, i));
  g_signal_handlers_block_by_func (self->sheet_row, on_sheet_selected, self);
  adw_combo_row_set_model (self->sheet_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->sheet_row, 0);
  g_signal_handlers_unblock_by_func (self->sheet_row, on_sheet_selected, self);
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_row), self->sheets->len > 1);
  if (self->sheets->len > 0)
    self->sheet = g_strdup (g_ptr_array_index (self->sheets, 0));
  return load_file (self);
}

static void
on_chooser_response (HmrImportAssistant *self,
                     int                 response)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;
  path = g_file_get_path (file);
  if (path != NULL)
    hmr_import_assistant_open_file (self, path);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HmrImportAssistant *self = HMR_IMPORT_ASSISTANT (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Lists of people (.xlsx, .csv, .tsv)"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "tsv");
  gtk_file_filter_add_suffix (filter, "txt");
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Choose the List to Import"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (on_chooser_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---- the run, in a thread ----------------------------------------------- */

typedef struct
{
  HmrStore         *store;     /* a sibling connection, for the thread */
  HmrActor         *actor;
  char             *path;
  char             *sheet;
  HmrImportMapping *mapping;
  gboolean          dry_run;
  GtkProgressBar   *progress_bar;
  GApplication     *application;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->store);
  hmr_actor_free (job->actor);
  g_free (job->path);
  g_free (job->sheet);
  hmr_import_mapping_free (job->mapping);
  g_clear_object (&job->progress_bar);
  hmr_gui_release_application (job->application);
  g_free (job);
}

typedef struct
{
  GtkProgressBar *bar;
  guint           rows;
} Progress;

static gboolean
show_progress (gpointer data)
{
  Progress *p = data;
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row read", "%u rows read", p->rows),
                                           p->rows);

  gtk_progress_bar_pulse (p->bar);
  gtk_progress_bar_set_text (p->bar, text);
  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer data)
{
  Progress *p = data;

  g_object_unref (p->bar);
  g_free (p);
}

static void
on_progress (guint    rows,
             gpointer data)
{
  Job *job = data;
  Progress *p = g_new0 (Progress, 1);

  p->bar = g_object_ref (job->progress_bar);
  p->rows = rows;
  g_idle_add_full (G_PRIORITY_DEFAULT, show_progress, p, progress_free);
}

static void
run_thread (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrImportFile) file = NULL;
  HmrStore *store = job->store;
  HmrImportResult *result = NULL;

  file = hmr_import_file_open (job->path, job->sheet, &error);
  if (file != NULL)
    result = hmr_import_run (store, job->actor, file, job->mapping, job->dry_run, on_progress, job,
                             cancellable, &error);
  if (result != NULL && !job->dry_run)
    hmr_store_save_import_mapping (store, job->actor, hmr_import_file_get_headers (file), job->mapping, NULL);
  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, (GDestroyNotify) hmr_import_result_free);
}

static void
fill_results (HmrImportAssistant *self)
{
  HmrImportResult *r = self->result;
  g_autofree char *n_new = g_strdup_printf ("%u", r->n_new);
  g_autofree char *n_dup = g_strdup_printf ("%u", r->n_duplicates);
  g_autofree char *n_err = g_strdup_printf ("%u", r->n_errors);
  g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Import %u Person",
                                                         "_Import %u People", r->n_new), r->n_new);
  GtkWidget *child;

  adw_action_row_set_subtitle (self->new_row, n_new);
  adw_action_row_set_subtitle (self->duplicates_row, n_dup);
  adw_action_row_set_subtitle (self->errors_row, n_err);
  gtk_button_set_label (self->import_button, label);
  show_label (self->results_note, r->already_imported);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);
  for (guint i = 0; i < r->rows->len && i < MAX_LISTED_ROWS; i++)
    {
      HmrImportRow *row = g_ptr_array_index (r->rows, i);
      GtkWidget *action_row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf (_("Row %u"), row->row_number);
      GString *text = g_string_new (NULL);

      for (guint p = 0; p < row->problems->len; p++)
        {
          HmrImportProblem *problem = g_ptr_array_index (row->problems, p);
          if (p > 0)
            g_string_append_c (text, '\n');
          g_string_append (text, problem->message);
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (action_row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), text->str);
      g_string_free (text, TRUE);
      gtk_list_box_append (self->problems_list, action_row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), r->rows->len > 0);
}

static void
on_run_done (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  g_autoptr(HmrImportAssistant) self = user_data;
  g_autoptr(GError) error = NULL;
  HmrImportResult *result = g_task_propagate_pointer (G_TASK (res), &error);
  gboolean dry = self->running_dry;

  g_clear_object (&self->cancellable);
  /* The window was closed while the run went on: nothing to show it in */
  if (self->stack == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    {
      g_clear_pointer (&result, hmr_import_result_free);
      return;
    }
  if (result == NULL)
    {
      const char *message = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
                            ? _("Cancelled: nothing was imported.") : error->message;
      if (dry || self->result == NULL)
        {
          show_label (self->mapping_error, message);
          gtk_stack_set_visible_child_name (self->stack, "mapping");
        }
      else
        {
          show_label (self->results_note, message);
          gtk_stack_set_visible_child_name (self->stack, "results");
        }
      update_actions (self);
      return;
    }

  g_clear_pointer (&self->result, hmr_import_result_free);
  self->result = result;
  if (dry)
    {
      fill_results (self);
      gtk_stack_set_visible_child_name (self->stack, "results");
    }
  else
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Person Imported",
                                                             "%u People Imported", result->n_imported),
                                                result->n_imported);
      g_autofree char *description =
        g_strdup_printf (_("%u rows read; %u likely registered already and %u with problems were left out. "
                           "The error report lists them, ready to fix and import again."),
                         result->n_rows, result->n_duplicates, result->n_errors);
      adw_status_page_set_title (self->done_page, title);
      adw_status_page_set_description (self->done_page, description);
      /* The store announces the new records to every area */
      gtk_stack_set_visible_child_name (self->stack, "done");
    }
  update_actions (self);
}

static void
start_run (HmrImportAssistant *self,
           gboolean            dry_run)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  HmrImportMapping *mapping = chosen_mapping (self);
  HmrStore *sibling = NULL;
  Job *job;

  if (!hmr_import_mapping_check (mapping, &error) ||
      (sibling = hmr_store_open_sibling (self->store, &error)) == NULL)
    {
      hmr_import_mapping_free (mapping);
      show_label (self->mapping_error, error->message);
      return;
    }
  show_label (self->mapping_error, NULL);

  job = g_new0 (Job, 1);
  job->store = sibling;
  job->actor = hmr_actor_copy (self->actor);
  job->path = g_strdup (self->path);
  job->sheet = g_strdup (self->sheet);
  job->mapping = mapping;
  job->dry_run = dry_run;
  job->progress_bar = g_object_ref (self->progress_bar);
  job->application = hmr_gui_hold_application (GTK_WIDGET (self));

  self->running_dry = dry_run;
  self->cancellable = g_cancellable_new ();
  adw_status_page_set_title (self->working_page, dry_run ? _("Checking Every Row…") : _("Importing…"));
  gtk_progress_bar_set_text (self->progress_bar, NULL);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_stack_set_visible_child_name (self->stack, "working");
  update_actions (self);

  task = g_task_new (NULL, self->cancellable, on_run_done, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, run_thread);
}

static void
check_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  start_run (HMR_IMPORT_ASSISTANT (widget), TRUE);
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  start_run (HMR_IMPORT_ASSISTANT (widget), FALSE);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HmrImportAssistant *self = HMR_IMPORT_ASSISTANT (widget);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/* ---- the report --------------------------------------------------------- */

static void
on_report_response (HmrImportAssistant *self,
                    int                 response)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  g_clear_object (&self->chooser);
  if (file == NULL || self->result == NULL)
    return;
  path = g_file_get_path (file);
  if (!hmr_import_write_report (self->result, path, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Error Report Was Not Saved"),
                                                  error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
save_report_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HmrImportAssistant *self = HMR_IMPORT_ASSISTANT (widget);
  g_autofree char *base = g_path_get_basename (self->path);
  char *dot = strrchr (base, '.');
  g_autofree char *name = NULL;

  if (dot)
    *dot = '\0';
  /* Translators: the error report's file name; %s is the imported file's name */
  name = g_strdup_printf (_("%s - problems.xlsx"), base);
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Save the Error Report"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (on_report_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ---- the object --------------------------------------------------------- */

static void
hmr_import_assistant_dispose (GObject *object)
{
  HmrImportAssistant *self = HMR_IMPORT_ASSISTANT (object);

  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), HMR_TYPE_IMPORT_ASSISTANT);
  G_OBJECT_CLASS (hmr_import_assistant_parent_class)->dispose (object);
}

static void
hmr_import_assistant_finalize (GObject *object)
{
  HmrImportAssistant *self = HMR_IMPORT_ASSISTANT (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, hmr_actor_free);
  g_free (self->path);
  g_free (self->sheet);
  g_clear_pointer (&self->sheets, g_ptr_array_unref);
  g_clear_pointer (&self->file, hmr_import_file_free);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  g_clear_pointer (&self->result, hmr_import_result_free);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (hmr_import_assistant_parent_class)->finalize (object);
}

static void
hmr_import_assistant_class_init (HmrImportAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hmr_import_assistant_dispose;
  object_class->finalize = hmr_import_assistant_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/import/hmr-import-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrImportAssistant, stack);
  gtk_widget_class_bind_template_child (widget_class, HmrImportAssistant, file_error);
  gtk_widget_class_bind_template_child (widget_class, HmrImportAssistant, file_row);
  gtk_widget_class_bind_template_child (widget_class, HmrImportAssistant, sheet_row);
  gtk_widget_class_bind_template_child (widget_class, HmrImportAssistant, columns_group);
  gtk_widget_class_bind_template_child (widget_class, HmrImportAssistant, mapping_error);
  gtk_widget_class_bind_template_child (widget_class, HmrImportAssistant, working_page);
  gtk_widget_class_bind_template_child (widget_class, HmrImportAssistant, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, HmrImportAssistant, results_note);
  gtk_widget_class_bind_template_child (widget_class, HmrImportAssistant, new_row);
  gtk_widget_class_bind_template_child (widget_class, HmrImportAssistant, duplicates_row);
  gtk_widget_class_bind_template_child (widget_class, HmrImportAssistant, errors_row);
  gtk_widget_class_bind_template_child (widget_class, HmrImportAssistant, import_button);
  gtk_widget_class_bind_template_child (widget_class, HmrImportAssistant, close_button);
  gtk_widget_class_bind_template_child (widget_class, HmrImportAssistant, choose_button);
  gtk_widget_class_bind_template_child (widget_class, HmrImportAssistant, check_button);
  gtk_widget_class_bind_template_child (widget_class, HmrImportAssistant, problems_list);
  gtk_widget_class_bind_template_child (widget_class, HmrImportAssistant, problems_group);
  gtk_widget_class_bind_template_child (widget_class, HmrImportAssistant, done_page);

  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "import.check", NULL, check_action);
  gtk_widget_class_install_action (widget_class, "import.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "import.save-report", NULL, save_report_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* The header bar holds Cancel and the one step of the page in view, as
 * every dialog does; once done, Close */
static void
on_page_changed (HmrImportAssistant *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  gtk_widget_set_visible (self->choose_button, g_strcmp0 (page, "file") == 0);
  gtk_widget_set_visible (self->check_button, g_strcmp0 (page, "mapping") == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), g_strcmp0 (page, "results") == 0);
  gtk_button_set_label (self->close_button, g_strcmp0 (page, "done") == 0 ? _("_Close") : _("_Cancel"));
}

static void
hmr_import_assistant_init (HmrImportAssistant *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->sheet_row, "notify::selected", G_CALLBACK (on_sheet_selected), self);
  g_signal_connect_swapped (self->stack, "notify::visible-child-name", G_CALLBACK (on_page_changed), self);
  on_page_changed (self);
  update_actions (self);
}

HmrImportAssistant *
hmr_import_assistant_new (HmrStore       *store,
                          const HmrActor *actor)
{
  HmrImportAssistant *self = g_object_new (HMR_TYPE_IMPORT_ASSISTANT, NULL);

  self->store = g_object_ref (store);
  self->actor = hmr_actor_copy (actor);
  return self;
}

/* "file", "mapping", "working", "results" or "done" */
const char *
hmr_import_assistant_get_page (HmrImportAssistant *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

HmrImportResult *
hmr_import_assistant_get_result (HmrImportAssistant *self)
{
  return self->result;
}

AdwComboRow *
hmr_import_assistant_get_column_row (HmrImportAssistant *self,
                                     guint               column)
{
  if (self->column_rows == NULL || column >= self->column_rows->len)
    return NULL;
  return g_ptr_array_index (self->column_rows, column);
}

