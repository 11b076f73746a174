/* hmr-beneficiary-list-async.c
 *
 * Search as you type must never freeze the window: the id query runs in a
 * GTask thread on a connection of its own (an HmrStoreWorker, one per
 * list), and a GCancellable stops it between SQLite steps.  Only the result of a query that was not cancelled reaches
 * the list, which shows it with one items-changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-beneficiary-list-async.h"
#include "hmr-store-private.h"
#include "hmr-store-worker.h"

#define WORKER_KEY "hmr-beneficiary-list-worker"

typedef struct
{
  HmrStoreWorker      *worker;
  HmrActor            *actor;
  HmrBeneficiaryQuery  query;
  char                *strings[7];
  GArray              *ids;
} QueryData;

/* One connection per list, opened on first use, one query at a time */
static HmrStoreWorker *
get_worker (HmrBeneficiaryList *self)
{
  HmrStoreWorker *worker = g_object_get_data (G_OBJECT (self), WORKER_KEY);

  if (worker == NULL)
    {
      worker = hmr_store_worker_new (hmr_beneficiary_list_get_store (self));
      g_object_set_data_full (G_OBJECT (self), WORKER_KEY, worker,
                              (GDestroyNotify) hmr_store_worker_unref);
    }
  return worker;
}

static void
query_data_free (gpointer data)
{
  QueryData *qd = data;

  g_clear_pointer (&qd->worker, hmr_store_worker_unref);
  g_clear_pointer (&qd->actor, hmr_actor_free);
  for (guint i = 0; i < G_N_ELEMENTS (qd->strings); i++)
    g_free (qd->strings[i]);
  g_clear_pointer (&qd->ids, g_array_unref);
  g_free (qd);
}

static void
run_query (GTask        *task,
           gpointer      source_object,
           gpointer      task_data,
           GCancellable *cancellable)
{
  QueryData *qd = task_data;
  g_autoptr(GError) error = NULL;
  GArray *ids = NULL;
  HmrStore *store;

  if (g_task_return_error_if_cancelled (task))
    return;

  store = hmr_store_worker_acquire (qd->worker, &error);
  if (store != NULL && !g_cancellable_is_cancelled (cancellable))
    ids = hmr_store_query_beneficiary_ids (store, qd->actor, &qd->query, cancellable, &error);
  hmr_store_worker_release (qd->worker);

  if (g_task_return_error_if_cancelled (task))
    {
      g_clear_pointer (&ids, g_array_unref);
      return;
    }
  if (ids == NULL)
    {
      if (error == NULL)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The search was stopped."));
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  qd->ids = ids;
  g_task_return_boolean (task, TRUE);
}

/**
 * hmr_beneficiary_list_set_query_async:
 *
 * Runs @query in a thread; hmr_beneficiary_list_set_query_finish() shows
 * its result in the list, unless @cancellable was cancelled meanwhile.
 */
void
hmr_beneficiary_list_set_query_async (HmrBeneficiaryList        *self,
                                      const HmrBeneficiaryQuery *query,
                                      GCancellable              *cancellable,
                                      GAsyncReadyCallback        callback,
                                      gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  QueryData *qd;

  g_return_if_fail (HMR_IS_BENEFICIARY_LIST (self));
  g_return_if_fail (query != NULL);

  qd = g_new0 (QueryData, 1);
  qd->worker = hmr_store_worker_ref (get_worker (self));
  qd->actor = hmr_actor_copy (hmr_beneficiary_list_get_actor (self));
  qd->query = *query;
  qd->query.district = qd->strings[0] = g_strdup (query->district);
  qd->query.category = qd->strings[1] = g_strdup (query->category);
  qd->query.text = qd->strings[2] = g_strdup (query->text);
  qd->query.stage = qd->strings[3] = g_strdup (query->stage);
  qd->query.case_status = qd->strings[4] = g_strdup (query->case_status);
  qd->query.owner_id = qd->strings[5] = g_strdup (query->owner_id);
  qd->query.risk = qd->strings[6] = g_strdup (query->risk);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hmr_beneficiary_list_set_query_async);
  g_task_set_task_data (task, qd, query_data_free);
  g_task_run_in_thread (task, run_query);
}

/**
 * hmr_beneficiary_list_set_query_finish:
 *
 * Returns: %TRUE when the list now shows the query's result; %FALSE with
 *   %G_IO_ERROR_CANCELLED when a newer query replaced it
 */
gboolean
hmr_beneficiary_list_set_query_finish (HmrBeneficiaryList  *self,
                                       GAsyncResult        *result,
                                       GError             **error)
{
  GTask *task = G_TASK (result);
  QueryData *qd;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (task, error))
    return FALSE;
  qd = g_task_get_task_data (task);
  hmr_beneficiary_list_take_ids (self, &qd->query, g_steal_pointer (&qd->ids));
  return TRUE;
}

/* ---- the caseworkers a filter can choose ------------------------------ */

void
hmr_case_owner_free (HmrCaseOwner *owner)
{
  if (owner == NULL)
    return;
  g_free (owner->id);
  g_free (owner->full_name);
  g_free (owner);
}

/**
 * hmr_store_list_case_owners:
 *
 * Returns: (transfer full) (element-type HmrCaseOwner): the users who own
 *   a case the actor may see (only those of the actor's office when the
 *   role is office-scoped), by name; none for a reader of identity only
 */
GPtrArray *
hmr_store_list_case_owners (HmrStore        *self,
                            const HmrActor  *actor,
                            GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = NULL;
  const char *scope = NULL;
  int rc;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_READ_IDENTITY, NULL, error))
    return NULL;
  /* Whose case a person is lies beyond identity: a reader of identity
   * only has no caseworker to filter by */
  if (!hmr_permission_allows (actor, HMR_ACTION_BENEFICIARY_READ, NULL))
    return g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_case_owner_free);
  if (hmr_permission_is_office_scoped (actor->role, HMR_ACTION_BENEFICIARY_READ_IDENTITY))
    scope = actor->office_id ? actor->office_id : "";

  stmt = hmr_store_prepare (self,
                            "SELECT u.id, hmr_staff_name (u.full_name, u.full_name_cyrillic) FROM app_user u WHERE u.deleted_at IS NULL "
                            "AND EXISTS (SELECT 1 FROM case_file c WHERE c.owner_id = u.id "
                            "  AND c.deleted_at IS NULL AND (?1 IS NULL OR c.office_id = ?1)) "
                            "ORDER BY u.full_name COLLATE NOCASE",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, scope);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_case_owner_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HmrCaseOwner *owner = g_new0 (HmrCaseOwner, 1);

      owner->id = hmr_column_dup_text (stmt, 0);
      owner->full_name = hmr_column_dup_text (stmt, 1);
      g_ptr_array_add (out, owner);
    }
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}
