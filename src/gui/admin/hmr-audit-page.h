/* hmr-audit-page.h — the audit trail, for supervisors and administrators:
 * newest first, filtered by user, action, record and date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-area-page.h"
#include "hmr-area-page.h"

G_BEGIN_DECLS

#define HMR_TYPE_AUDIT_PAGE (hmr_audit_page_get_type ())
G_DECLARE_FINAL_TYPE (HmrAuditPage, hmr_audit_page, HMR, AUDIT_PAGE, HmrAreaPage)

HmrAuditPage *hmr_audit_page_new          (HmrStore       *store,
                                           const HmrActor *actor);
void          hmr_audit_page_reload       (HmrAuditPage   *self);

/* The rows shown: HmrAuditPage items, whose entry is the audit row */
GListModel   *hmr_audit_page_get_model    (HmrAuditPage   *self);
const HmrAuditEntry *hmr_audit_page_get_entry (HmrAuditPage *self,
                                           guint           position);
/* A cell as the row shows it: 0 when, 1 who, 2 action, 3 record, 4 what changed */
char         *hmr_audit_page_dup_row_text (HmrAuditPage   *self,
                                           guint           position,
                                           guint           column);
/* Filters, by their stored values (NULL: any) */
void          hmr_audit_page_set_filter   (HmrAuditPage   *self,
                                           const char     *username,
                                           const char     *action,
                                           const char     *entity);
gboolean      hmr_audit_page_open_record  (HmrAuditPage   *self,
                                           guint           position);

gboolean      hmr_audit_page_allowed      (const HmrActor *actor);
GtkWidget    *hmr_audit_page_create_area  (HmrContext     *context);

G_END_DECLS
