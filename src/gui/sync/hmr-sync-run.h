/* hmr-sync-run.h — the Sync area's sending, receiving and enrolment in a
 * thread, and the words for what they did
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-context.h"
#include "hmr-sync.h"

G_BEGIN_DECLS

typedef enum
{
  HMR_SYNC_JOB_SEND,
  HMR_SYNC_JOB_RECEIVE,
  HMR_SYNC_JOB_ENROL,
} HmrSyncJobKind;

/* "Dusti office", or "HQ" */
char       *hmr_sync_installation_label   (HmrInstallationRole   role,
                                           const char           *code,
                                           const char           *district);

gboolean    hmr_sync_run_start            (HmrContext           *context,
                                           HmrSyncJobKind        kind,
                                           const char           *folder,
                                           const char           *office_code,
                                           GtkWidget            *widget,
                                           GtkProgressBar       *progress_bar,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data,
                                           GError              **error);
GPtrArray  *hmr_sync_run_finish           (GAsyncResult         *result,
                                           HmrSyncJobKind       *kind,
                                           GError              **error);

/* One line of what a run did: a title, what it is about, whether it failed */
typedef void (*HmrSyncSayFunc) (gpointer    data,
                                const char *title,
                                const char *subtitle,
                                gboolean    refused);

void        hmr_sync_run_describe         (HmrSyncJobKind        kind,
                                           GPtrArray            *result,
                                           GHashTable           *labels,
                                           HmrSyncSayFunc        say,
                                           gpointer              data);

char       *hmr_sync_describe_when  (const char *timestamp,
                                     guint64     number);
guint       hmr_sync_days_since     (const char *timestamp);

G_END_DECLS
