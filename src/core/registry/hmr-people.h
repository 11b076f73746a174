/* hmr-people.h — what the Users and Audit pages need beyond hmr-store.h:
 * the audit trail a page at a time, the values to filter it by, the record
 * a row is about, and the flags of an account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-store.h"

G_BEGIN_DECLS

/* Audit ---------------------------------------------------------------- */

typedef enum
{
  HMR_AUDIT_COLUMN_USERNAME,
  HMR_AUDIT_COLUMN_ACTION,
  HMR_AUDIT_COLUMN_ENTITY,
} HmrAuditColumn;

GPtrArray  *hmr_store_search_audit_page      (HmrStore            *self,
                                              const HmrActor      *actor,
                                              const HmrAuditQuery *query,
                                              gint64               before_seq,
                                              GError             **error);
GPtrArray  *hmr_store_list_audit_values      (HmrStore            *self,
                                              const HmrActor      *actor,
                                              HmrAuditColumn       column,
                                              GError             **error);
char       *hmr_store_dup_audit_beneficiary  (HmrStore            *self,
                                              const HmrActor      *actor,
                                              const char          *entity,
                                              const char          *entity_id,
                                              GError             **error);

char       *hmr_store_dup_audit_record_name  (HmrStore            *self,
                                              const HmrActor      *actor,
                                              const char          *entity,
                                              const char          *entity_id);
const char *hmr_audit_field_entity           (const char          *field);

typedef struct
{
  char *field;
  char *before;
  char *after;
} HmrAuditChange;

void        hmr_audit_change_free            (HmrAuditChange      *change);
GPtrArray  *hmr_audit_parse_changes          (const char          *json);

/* Users ---------------------------------------------------------------- */

HmrActor   *hmr_store_create_user_with_temporary_password (HmrStore       *self,
                                                           const HmrActor *actor,
                                                           const char     *username,
                                                           const char     *full_name,
                                                           HmrRole         role,
                                                           const char     *office_id,
                                                           const char     *password,
                                                           GError        **error);

gboolean    hmr_user_cyrillic_name_is_acceptable (const char      *full_name_cyrillic,
                                              char               **normalized,
                                              GError             **error);
gboolean    hmr_store_set_user_cyrillic_name (HmrStore           *self,
                                              const HmrActor      *actor,
                                              const char          *user_id,
                                              const char          *full_name_cyrillic,
                                              GError             **error);
gboolean    hmr_store_require_password_change (HmrStore           *self,
                                              const HmrActor      *actor,
                                              const char          *user_id,
                                              GError             **error);
char       *hmr_store_dup_user_locked_until  (HmrStore            *self,
                                              const HmrActor      *actor,
                                              const char          *user_id);

G_END_DECLS
