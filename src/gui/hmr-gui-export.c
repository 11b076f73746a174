/* hmr-gui-export.c
 *
 * A store connection belongs to one thread, so the export opens its own
 * to the same database file, and reports its progress to a progress bar
 * in the main thread.
 *
 * The page that starts an export is not kept alive by it: when the page
 * goes (its window is closed), it cancels the export.  A cancelled
 * export must still clean up after itself, hence two things here:
 *  - the application is held until the export has ended; else closing
 *    the last window would end the process while the core still had its
 *    half-written file beside the one asked for;
 *  - an export cancelled after the core had already put the workbook in
 *    place takes it away again: cancelled means no file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "hmr-gui-export.h"
#include "hmr-gui-util.h"

typedef struct
{
  HmrStore            *origin;         /* the thread opens its own connection from it */
  HmrActor            *actor;
  char                *path;
  HmrGuiExportFunc     func;
  gpointer             data;
  GDestroyNotify       data_free;
  GtkProgressBar      *progress_bar;   /* touched in the main thread only */
  int                  last_percent;   /* the worker's */
  gboolean             written;        /* set by the worker: the workbook is in place */
  GApplication        *application;    /* held while the export runs */
  GAsyncReadyCallback  callback;
  gpointer             user_data;
} ExportJob;

typedef struct
{
  GtkProgressBar *progress_bar;
  double          fraction;
} ProgressUpdate;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->origin);
  hmr_actor_free (job->actor);
  g_free (job->path);
  if (job->data_free != NULL)
    job->data_free (job->data);
  g_clear_object (&job->progress_bar);
  hmr_gui_release_application (job->application);
  g_free (job);
}

static gboolean
apply_progress (gpointer user_data)
{
  ProgressUpdate *update = user_data;

  gtk_progress_bar_set_fraction (update->progress_bar, update->fraction);
  return G_SOURCE_REMOVE;
}

static void
progress_update_free (gpointer user_data)
{
  ProgressUpdate *update = user_data;

  g_object_unref (update->progress_bar);
  g_free (update);
}

/* In the worker: hand the fraction to the main thread, once a percent */
static void
on_progress (double   fraction,
             gpointer user_data)
{
  ExportJob *job = user_data;
  ProgressUpdate *update;
  int percent = (int) (fraction * 100);

  if (job->progress_bar == NULL || percent <= job->last_percent)
    return;
  job->last_percent = percent;
  update = g_new0 (ProgressUpdate, 1);
  update->progress_bar = g_object_ref (job->progress_bar);
  update->fraction = fraction;
  g_idle_add_full (G_PRIORITY_DEFAULT, apply_progress, update, progress_update_free);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrStore) store = NULL;

  store = hmr_store_open_sibling (job->origin, &error);
  if (store == NULL ||
      !job->func (store, job->actor, job->path, job->data, cancellable, on_progress, job, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  job->written = TRUE;
  g_task_return_boolean (task, TRUE);
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = G_TASK (result);
  ExportJob *job = g_task_get_task_data (task);

  /* The task reports a cancellation even when the worker had finished
   * first (it checks its cancellable): then the workbook is in place, and
   * has to go.  This does not wait for the caller's callback, which may
   * have no page left to report to. */
  if (job->written && g_task_had_error (task))
    g_remove (job->path);
  if (job->callback != NULL)
    job->callback (source, result, job->user_data);
}

/**
 * hmr_gui_export_async:
 * @func: the export, run in a thread on a connection of its own
 * @data: (nullable): for @func
 * @data_free: (nullable): frees @data when the export has ended
 * @progress_bar: (nullable): shows the progress; the application of its
 *   window is kept running until the export has ended
 * @cancellable: (nullable): stops the export; a cancelled export leaves
 *   no file at @path, even when it had just finished
 *
 * Writes @path with @func as @actor, in a thread.
 */
void
hmr_gui_export_async (HmrStore            *store,
                      const HmrActor      *actor,
                      const char          *path,
                      HmrGuiExportFunc     func,
                      gpointer             data,
                      GDestroyNotify       data_free,
                      GtkProgressBar      *progress_bar,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (HMR_IS_STORE (store));
  g_return_if_fail (actor != NULL);
  g_return_if_fail (path != NULL);
  g_return_if_fail (func != NULL);

  job = g_new0 (ExportJob, 1);
  job->origin = g_object_ref (store);
  job->actor = hmr_actor_copy (actor);
  job->path = g_strdup (path);
  job->func = func;
  job->data = data;
  job->data_free = data_free;
  job->progress_bar = progress_bar ? g_object_ref (progress_bar) : NULL;
  job->last_percent = -1;
  job->application = progress_bar ? hmr_gui_hold_application (GTK_WIDGET (progress_bar)) : NULL;
  job->callback = callback;
  job->user_data = user_data;

  /* No source object: the export must not keep the page that started it */
  task = g_task_new (NULL, cancellable, on_export_done, NULL);
  g_task_set_source_tag (task, hmr_gui_export_async);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

/**
 * hmr_gui_export_finish:
 *
 * Returns: whether the file was written; %G_IO_ERROR_CANCELLED when the
 *   export was cancelled (and no file is left)
 */
gboolean
hmr_gui_export_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hmr_gui_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- choosing the file, telling how it went --------------------------- */

typedef struct
{
  GtkWidget            *owner;
  HmrGuiFileChosenFunc  chosen;
} Choice;

static void
on_xlsx_chosen (GtkNativeDialog *chooser,
                int              response,
                gpointer         user_data)
{
  Choice *choice = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        {
          g_autoptr(GFile) xlsx = NULL;

          /* Typed without the extension, the file would not open in Excel
           * or LibreOffice by a double click */
          if (!g_str_has_suffix (path, ".xlsx"))
            {
              char *with = g_strconcat (path, ".xlsx", NULL);

              g_free (path);
              path = with;
            }
          xlsx = g_file_new_for_path (path);
          choice->chosen (choice->owner, xlsx);
        }
    }
  g_object_unref (choice->owner);
  g_free (choice);
  g_object_unref (chooser);
}

/**
 * hmr_gui_choose_xlsx:
 * @owner: the page asking; kept alive until the choice is made
 * @title: the chooser's title, as in "Export Referrals"
 * @file_name: the name offered, as in "referrals-2026-12-08.xlsx"
 * @chosen: called with the file when one was chosen (not on Cancel)
 *
 * Asks where to save an Excel workbook.
 */
void
hmr_gui_choose_xlsx (GtkWidget            *owner,
                     const char           *title,
                     const char           *file_name,
                     HmrGuiFileChosenFunc  chosen)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  Choice *choice;

  g_return_if_fail (GTK_IS_WIDGET (owner));
  g_return_if_fail (chosen != NULL);

  chooser = gtk_file_chooser_native_new (title, hmr_gui_get_parent_window (owner),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_mime_type (filter, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  choice = g_new0 (Choice, 1);
  choice->owner = g_object_ref (owner);
  choice->chosen = chosen;
  g_signal_connect (chooser, "response", G_CALLBACK (on_xlsx_chosen), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_open_clicked (AdwToast *toast,
                 gpointer  user_data)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "uri");
  GtkWidget *overlay = g_object_get_data (G_OBJECT (toast), "overlay");
  g_autoptr(GError) error = NULL;

  /* No application for workbooks on this computer: say so */
  if (!g_app_info_launch_default_for_uri (uri, NULL, &error) && overlay != NULL)
    hmr_gui_show_error_toast (overlay, error->message);
}

/**
 * hmr_gui_toast_file_saved:
 * @owner: a widget under the window's toast overlay (or the overlay)
 * @path: the file written
 * @done_format: the toast, with one %s for the file's name
 *
 * Says a file was written, with a button that opens it.
 */
void
hmr_gui_toast_file_saved (GtkWidget  *owner,
                          const char *path,
                          const char *done_format)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (owner, ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *message = g_strdup_printf (done_format, name);
  AdwToast *toast;

  if (overlay == NULL)
    {
      g_message ("%s", message);
      return;
    }
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 10);
  if (uri != NULL)
    {
      adw_toast_set_button_label (toast, _("_Open"));
      g_object_set_data_full (G_OBJECT (toast), "uri", g_steal_pointer (&uri), g_free);
      g_object_set_data (G_OBJECT (toast), "overlay", overlay);
      g_signal_connect (toast, "button-clicked", G_CALLBACK (on_open_clicked), NULL);
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/**
 * hmr_gui_export_tell:
 * @owner: a widget under the window's toast overlay
 * @path: the file asked for
 * @error: (nullable): why the export failed, %NULL when it was written
 * @done_format: the toast when written, with one %s for the file's name
 * @failed_format: (nullable): the message when it failed, with one %s for
 *   the reason; %NULL to show the reason alone
 *
 * Says how an export ended: written (with an Open button), cancelled (no
 * file was written), or failed and why, in a toast that stays.
 */
void
hmr_gui_export_tell (GtkWidget    *owner,
                     const char   *path,
                     const GError *error,
                     const char   *done_format,
                     const char   *failed_format)
{
  if (error == NULL)
    hmr_gui_toast_file_saved (owner, path, done_format);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (owner, ADW_TYPE_TOAST_OVERLAY);

      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay),
                                     adw_toast_new (_("Export cancelled; no file was written")));
    }
  else
    {
      g_autofree char *text = failed_format ? g_strdup_printf (failed_format, error->message)
                                            : g_strdup (error->message);

      hmr_gui_show_error_toast (owner, text);
    }
}
