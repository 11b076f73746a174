/* hmr-sync-page.h — the Sync area, for administrators and supervisors:
 * send and receive bundles through a folder, what arrived in plain words,
 * the conflicts a supervisor reviews, and at HQ the enrolment of an office
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-area-page.h"

G_BEGIN_DECLS

#define HMR_TYPE_SYNC_PAGE (hmr_sync_page_get_type ())
G_DECLARE_FINAL_TYPE (HmrSyncPage, hmr_sync_page, HMR, SYNC_PAGE, HmrAreaPage)

gboolean    hmr_sync_page_allowed          (const HmrActor *actor);
GtkWidget  *hmr_sync_page_create_area      (HmrContext     *context);

/* What the folder choosers lead to (and the tests call) */
gboolean    hmr_sync_page_send_to          (HmrSyncPage    *self,
                                            const char     *folder);
gboolean    hmr_sync_page_receive_from     (HmrSyncPage    *self,
                                            const char     *folder);
gboolean    hmr_sync_page_create_enrolment (HmrSyncPage    *self,
                                            const char     *office_code,
                                            const char     *folder);
gboolean    hmr_sync_page_run_automatic    (HmrSyncPage    *self);
gboolean    hmr_sync_page_get_automatic    (HmrSyncPage    *self);
void        hmr_sync_page_cancel           (HmrSyncPage    *self);
gboolean    hmr_sync_page_get_busy         (HmrSyncPage    *self);
/* The folder remembered for this installation, or NULL */
char       *hmr_sync_page_dup_folder       (HmrSyncPage    *self);
/* The lines that say what the last run did */
GListModel *hmr_sync_page_get_result_lines (HmrSyncPage    *self);

/* Conflicts, by their id */
gboolean    hmr_sync_page_resolve          (HmrSyncPage    *self,
                                            const char     *conflict_id,
                                            gboolean        restore);
guint       hmr_sync_page_count_conflicts  (HmrContext     *context);

G_END_DECLS
