/* hmr-referrals-export.c
 *
 * The board's export is hmr_gui_export_async() over the core's
 * hmr_export_referrals(), with its own copy of the board's filters: the
 * board may change them while the thread still reads them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hmr-gui-export.h"
#include "hmr-referrals-export.h"

typedef struct
{
  HmrReferralQuery  query;
  char             *strings[6];      /* the query's own copies */
} QueryCopy;

static void
query_copy_free (QueryCopy *copy)
{
  for (guint i = 0; i < G_N_ELEMENTS (copy->strings); i++)
    g_free (copy->strings[i]);
  g_free (copy);
}

static QueryCopy *
query_copy_new (const HmrReferralQuery *query)
{
  QueryCopy *copy = g_new0 (QueryCopy, 1);
  const char **fields[6];

  copy->query = *query;
  fields[0] = &copy->query.district;
  fields[1] = &copy->query.provider_id;
  fields[2] = &copy->query.service_type;
  fields[3] = &copy->query.caseworker_id;
  fields[4] = &copy->query.status;
  fields[5] = &copy->query.beneficiary_id;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      copy->strings[i] = g_strdup (*fields[i]);
      *fields[i] = copy->strings[i];
    }
  return copy;
}

/* In the worker */
static gboolean
export_referrals (HmrStore         *store,
                  const HmrActor   *actor,
                  const char       *path,
                  gpointer          data,
                  GCancellable     *cancellable,
                  HmrProgressFunc   progress,
                  gpointer          progress_data,
                  GError          **error)
{
  QueryCopy *copy = data;

  return hmr_export_referrals (store, actor, &copy->query, path, cancellable, progress, progress_data, error);
}

/**
 * hmr_referrals_export_async:
 * @query: the board's filters, copied
 * @progress_bar: (nullable): shows the progress
 * @cancellable: (nullable): stops the export, leaving no file
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
  g_return_if_fail (HMR_IS_STORE (store));
  g_return_if_fail (actor != NULL);
  g_return_if_fail (query != NULL);
  g_return_if_fail (path != NULL);

  hmr_gui_export_async (store, actor, path, export_referrals,
                        query_copy_new (query), (GDestroyNotify) query_copy_free,
                        progress_bar, cancellable, callback, user_data);
}

gboolean
hmr_referrals_export_finish (GAsyncResult  *result,
                             GError       **error)
{
  return hmr_gui_export_finish (result, error);
}
