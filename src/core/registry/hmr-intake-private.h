/* hmr-intake-private.h — for the case file's loader, nobody else
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-case-file.h"
#include "hmr-store-private.h"

G_BEGIN_DECLS

/* Shared by hmr-store-intake.c and hmr-store-trafficking.c */
int        hmr_intake_column_int_or     (sqlite3_stmt    *stmt,
                                         int              i,
                                         int              fallback);
void       hmr_intake_bind_months       (sqlite3_stmt    *stmt,
                                         int              i,
                                         int              months);
void       hmr_intake_diff              (HmrChanges      *changes,
                                         const char      *field,
                                         const char      *before,
                                         const char      *after);
void       hmr_intake_diff_months       (HmrChanges      *changes,
                                         const char      *field,
                                         int              before,
                                         int              after);
gboolean   hmr_intake_step_done         (HmrStore        *self,
                                         sqlite3_stmt    *stmt,
                                         GError         **error);
gboolean   hmr_intake_changed_meanwhile (HmrStore        *self,
                                         const char      *what,
                                         GError         **error);
gboolean   hmr_intake_load_person       (HmrStore        *self,
                                         const char      *beneficiary_id,
                                         char           **office_id,
                                         char           **owner_id,
                                         GError         **error);
char      *hmr_intake_require_write     (HmrStore        *self,
                                         const HmrActor  *actor,
                                         const char      *beneficiary_id,
                                         GError         **error);
GPtrArray *hmr_intake_list_episodes     (HmrStore        *self,
                                         const char      *beneficiary_id,
                                         GError         **error);
HmrReentryBan *hmr_intake_load_ban      (HmrStore        *self,
                                         const char      *beneficiary_id,
                                         GError         **error);

gboolean hmr_store_load_intake (HmrStore        *self,
                                const HmrActor  *actor,
                                HmrCaseFile     *file,
                                GError         **error);

G_END_DECLS
