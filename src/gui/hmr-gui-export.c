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

#include <glib/gstdio.h>

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
