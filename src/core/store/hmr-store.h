/* hmr-store.h — the only code that speaks SQL
 *
 * Every write takes the acting user, checks the user's permission and writes
 * its audit row in the same transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hmr-actor.h"
#include "hmr-beneficiary.h"
#include "hmr-permissions.h"
#include "hmr-store-changes.h"

G_BEGIN_DECLS

#define HMR_STORE_ERROR (hmr_store_error_quark ())

typedef enum
{
  HMR_STORE_ERROR_FAILED,
  HMR_STORE_ERROR_NO_ACTOR,
  HMR_STORE_ERROR_DENIED,
  HMR_STORE_ERROR_NOT_FOUND,
  HMR_STORE_ERROR_INVALID,
  HMR_STORE_ERROR_NEWER_SCHEMA,
  HMR_STORE_ERROR_CONFLICT,
  HMR_STORE_ERROR_DISK_FULL,
  HMR_STORE_ERROR_CORRUPT,
  HMR_STORE_ERROR_AUTH,
  HMR_STORE_ERROR_LOCKED,
} HmrStoreError;

GQuark hmr_store_error_quark (void);

/* What a refusal is about, for a form to show it beside its field (the
 * code stays HMR_STORE_ERROR_INVALID, DENIED, …) */
typedef enum
{
  HMR_STORE_REFUSAL_NONE,
  HMR_STORE_REFUSAL_AMOUNT,    /* not above zero, or above what may still be paid */
  HMR_STORE_REFUSAL_DATE,      /* not a date, or a day that is not allowed */
  HMR_STORE_REFUSAL_METHOD,    /* not one of the methods offered */
  HMR_STORE_REFUSAL_STATE,     /* the record's state does not allow it */
} HmrStoreRefusal;

HmrStoreRefusal hmr_store_error_get_refusal (const GError  *error);
gboolean        hmr_store_refuse            (GError       **error,
                                             HmrStoreRefusal refusal,
                                             HmrStoreError  code,
                                             const char    *format,
                                             ...) G_GNUC_PRINTF (4, 5);

typedef GDateTime *(*HmrClockFunc) (gpointer user_data);

typedef struct _HmrStoreNotices HmrStoreNotices;

#define HMR_TYPE_STORE (hmr_store_get_type ())
G_DECLARE_FINAL_TYPE (HmrStore, hmr_store, HMR, STORE, GObject)

/* Opening ------------------------------------------------------------- */

char       *hmr_default_database_path        (void);
HmrStore   *hmr_store_open                   (const char    *path,
                                              GError       **error);
HmrStore   *hmr_store_open_existing          (const char    *path,
                                              gboolean       migrate,
                                              GError       **error);
HmrStore   *hmr_store_open_sibling           (HmrStore      *self,
                                              GError       **error);
const char *hmr_store_get_path               (HmrStore      *self);
int         hmr_store_get_schema_version     (HmrStore      *self);
int         hmr_store_get_latest_schema_version (void);
void        hmr_store_set_clock              (HmrStore      *self,
                                              HmrClockFunc   func,
                                              gpointer       user_data);
GDateTime  *hmr_store_now                    (HmrStore      *self);
void        hmr_store_get_today              (HmrStore      *self,
                                              GDate         *today);
void        hmr_store_begin_batch            (HmrStore      *self);
void        hmr_store_end_batch              (HmrStore      *self);
gboolean    hmr_store_is_empty               (HmrStore      *self);
gboolean    hmr_store_check_integrity        (HmrStore      *self,
                                              GError       **error);
/* Reads that must agree (an export's sheets): one read transaction */
gboolean    hmr_store_begin_snapshot         (HmrStore      *self,
                                              GError       **error);
void        hmr_store_end_snapshot           (HmrStore      *self);

/* Permissions: the role table, with a clear error naming what was refused */
gboolean    hmr_store_require                (const HmrActor *actor,
                                              HmrAction       action,
                                              const char     *office_id,
                                              GError        **error);

/* Users --------------------------------------------------------------- */

gboolean    hmr_store_has_users              (HmrStore      *self);
HmrActor   *hmr_store_create_first_admin     (HmrStore      *self,
                                              const char    *username,
                                              const char    *full_name,
                                              const char    *password,
                                              GError       **error);
HmrActor   *hmr_store_create_user            (HmrStore      *self,
                                              const HmrActor *actor,
                                              const char    *username,
                                              const char    *full_name,
                                              HmrRole        role,
                                              const char    *office_id,
                                              const char    *password,
                                              GError       **error);
HmrActor   *hmr_store_authenticate           (HmrStore      *self,
                                              const char    *username,
                                              const char    *password,
                                              GError       **error);
typedef struct
{
  char    *id;
  char    *username;
  char    *full_name;
  HmrRole  role;
  char    *office_id;
  char    *office_district;
  gboolean active;
  gboolean must_change_password;
  gboolean locked;
  char    *last_login_at;
  char    *full_name_cyrillic;   /* (nullable) */
} HmrUserInfo;

void        hmr_user_info_free               (HmrUserInfo   *info);
GPtrArray  *hmr_store_list_users             (HmrStore      *self,
                                              const HmrActor *actor,
                                              GError       **error);
gboolean    hmr_store_set_user_active        (HmrStore      *self,
                                              const HmrActor *actor,
                                              const char    *user_id,
                                              gboolean       active,
                                              GError       **error);
gboolean    hmr_store_update_user            (HmrStore      *self,
                                              const HmrActor *actor,
                                              const char    *user_id,
                                              const char    *full_name,
                                              HmrRole        role,
                                              const char    *office_id,
                                              GError       **error);
gboolean    hmr_store_reset_password         (HmrStore      *self,
                                              const HmrActor *actor,
                                              const char    *user_id,
                                              const char    *new_password,
                                              GError       **error);
gboolean    hmr_store_change_password        (HmrStore      *self,
                                              const HmrActor *actor,
                                              const char    *old_password,
                                              const char    *new_password,
                                              GError       **error);
gboolean    hmr_store_must_change_password   (HmrStore      *self,
                                              const HmrActor *actor);
gboolean    hmr_password_is_acceptable       (const char    *username,
                                              const char    *password,
                                              GError       **error);

/* Offices and districts ---------------------------------------------- */

GPtrArray  *hmr_store_list_districts         (HmrStore      *self,
                                              GError       **error);
char       *hmr_store_dup_office_for_district (HmrStore     *self,
                                              const char    *district,
                                              GError       **error);
const char *hmr_district_get_label           (const char    *district);

/* Beneficiaries ------------------------------------------------------- */

typedef enum
{
  HMR_BENEFICIARY_SORT_CASE_NUMBER,
  HMR_BENEFICIARY_SORT_NAME,
  HMR_BENEFICIARY_SORT_DISTRICT,
  HMR_BENEFICIARY_SORT_CATEGORY,
  HMR_BENEFICIARY_SORT_RISK,
  HMR_BENEFICIARY_SORT_REGISTERED,
  HMR_BENEFICIARY_SORT_STAGE,
  HMR_BENEFICIARY_SORT_CASEWORKER,
  HMR_BENEFICIARY_SORT_LAST_CONTACT,
} HmrBeneficiarySort;

typedef enum
{
  HMR_BAN_FILTER_ANY,
  HMR_BAN_FILTER_WITH_BAN,
  HMR_BAN_FILTER_WITHOUT_BAN,
  HMR_BAN_FILTER_ENDING_SOON,           /* in force, ends within 90 days */
  HMR_BAN_FILTER_NO_LEGAL_AID,          /* in force, no legal-aid referral */
} HmrBanFilter;

/* A zero-filled query lists every record the actor may see */
typedef struct
{
  HmrBeneficiarySort  sort;
  gboolean            descending;
  const char         *district;         /* NULL: every district */
  const char         *category;         /* NULL: every category */
  gboolean            include_archived;
  const char         *text;             /* NULL: no text filter; matched across scripts */
  const char         *stage;            /* case stage; NULL: any */
  const char         *case_status;      /* open, closed, …; NULL: any */
  const char         *owner_id;         /* caseworker; NULL: any */
  const char         *risk;             /* NULL: any */
  HmrBanFilter        ban;
  guint               limit;            /* 0: every row; else the first ones only */
} HmrBeneficiaryQuery;

gboolean        hmr_store_insert_beneficiary  (HmrStore            *self,
                                               const HmrActor      *actor,
                                               HmrBeneficiary      *beneficiary,
                                               GError             **error);
gboolean        hmr_store_update_beneficiary  (HmrStore            *self,
                                               const HmrActor      *actor,
                                               HmrBeneficiary      *beneficiary,
                                               GError             **error);
gboolean        hmr_store_archive_beneficiary (HmrStore            *self,
                                               const HmrActor      *actor,
                                               const char          *id,
                                               GError             **error);
HmrBeneficiary *hmr_store_get_beneficiary     (HmrStore            *self,
                                               const HmrActor      *actor,
                                               const char          *id,
                                               GError             **error);
GArray         *hmr_store_query_beneficiary_ids (HmrStore          *self,
                                               const HmrActor      *actor,
                                               const HmrBeneficiaryQuery *query,
                                               GCancellable        *cancellable,
                                               GError             **error);
GPtrArray      *hmr_store_load_beneficiaries  (HmrStore            *self,
                                               const HmrActor      *actor,
                                               const gint64        *rowids,
                                               guint                n_rowids,
                                               GError             **error);

/* Audit --------------------------------------------------------------- */

typedef struct
{
  gint64  seq;
  char   *at;
  char   *user_id;
  char   *username;
  char   *action;
  char   *entity;
  char   *entity_id;
  char   *changes;
} HmrAuditEntry;

void        hmr_audit_entry_free             (HmrAuditEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrAuditEntry, hmr_audit_entry_free)

GPtrArray  *hmr_store_list_audit             (HmrStore       *self,
                                              const HmrActor *actor,
                                              const char     *entity,
                                              const char     *entity_id,
                                              GError        **error);

/* For the Audit page: NULL members match everything; dates are inclusive
 * local days (the office's, not UTC), ISO or as typed ("02.12.2026").
 * Newest first, at most @limit rows. */
typedef struct
{
  const char *username;
  const char *action;
  const char *entity;
  const char *from_day;
  const char *to_day;
  guint       limit;
} HmrAuditQuery;

GPtrArray  *hmr_store_search_audit           (HmrStore            *self,
                                              const HmrActor      *actor,
                                              const HmrAuditQuery *query,
                                              GError             **error);
gboolean    hmr_store_audit_event            (HmrStore       *self,
                                              const HmrActor *actor,
                                              const char     *action,
                                              const char     *entity,
                                              const char     *entity_id,
                                              const char     *detail,
                                              GError        **error);
gboolean    hmr_store_verify_audit           (HmrStore       *self,
                                              const HmrActor *actor,
                                              gint64         *n_checked,
                                              gint64         *first_broken,
                                              GError        **error);

G_END_DECLS
