/* hmr-referrals-export.c
 *
 * The export runs in a GTask thread on a connection of its own to the
 * same database file (a store connection belongs to one thread) and
 * reports its progress to a progress bar in the main thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hmr-referrals-export.h"

typedef struct
{
  char             *db_path;
  HmrActor         *actor;
  HmrReferralQuery  query;
  char             *strings[6];      /* the query's own copies */
  char             *path;
  GtkProgressBar   *progress_bar;    /* touched in the main thread only */
  int               last_percent;    /* the worker's */
} ExportData;

typedef struct
{
  GtkProgressBar *progress_bar;
  double          fraction;
} ProgressUpdate;

static void
export_data_free (ExportData *data)
{
  g_free (data->db_path);
  hmr_actor_free (data->actor);
  for (guint i = 0; i < G_N_ELEMENTS (data->strings); i++)
    g_free (data->strings[i]);
  g_free (data->path);
  g_clear_object (&data->progress_bar);
  g_free (data);
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
  ExportData *data = user_data;
  ProgressUpdate *update;
  int percent = (int) (fraction * 100);

  if (data->progress_bar == NULL || percent <= data->last_percent)
    return;
  data->last_percent = percent;
  update = g_new0 (ProgressUpdate, 1);
  update->progress_bar = g_object_ref (data->progress_bar);
  update->fraction = fraction;
  g_idle_add_full (G_PRIORITY_DEFAULT, apply_progress, update, progress_update_free);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrStore) store = NULL;

  store = hmr_store_open (data->db_path, &error);
  if (store == NULL ||
      !hmr_export_referrals (store, data->actor, &data->query, data->path, cancellable,
                             on_progress, data, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * hmr_referrals_export_async:
 * @query: the board's filters, copied
 * @progress_bar: (nullable): shows the progress
 *
 * Exports the referrals @actor may see that match @query to @path.
 */
void
hmr_referrals_export_async (HmrStore               *store,
                            const HmrActor         *actor,
                            const HmrReferralQuery *query,
                            const char             *path,
                            GtkProgressBar         *progress_bar,
                            GCancellable           *cancellable,
                            GAsyncReadyCallback     callback,
                            gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *data;
  const char **fields[6];

  g_return_if_fail (HMR_IS_STORE (store));
  g_return_if_fail (actor != NULL);
  g_return_if_fail (query != NULL);
  g_return_if_fail (path != NULL);

  data = g_new0 (ExportData, 1);
  data->db_path = g_strdup (hmr_store_get_path (store));
  data->actor = hmr_actor_copy (actor);
  data->path = g_strdup (path);
  data->progress_bar = progress_bar ? g_object_ref (progress_bar) : NULL;
  data->last_percent = -1;
  data->query = *query;
  fields[0] = &data->query.district;
  fields[1] = &data->query.provider_id;
  fields[2] = &data->query.service_type;
  fields[3] = &data->query.caseworker_id;
  fields[4] = &data->query.status;
  fields[5] = &data->query.beneficiary_id;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      data->strings[i] = g_strdup (*fields[i]);
      *fields[i] = data->strings[i];
    }

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hmr_referrals_export_async);
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
hmr_referrals_export_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
