/* hmr-referral.h — service providers and closed-loop referrals
 *
 * A referral goes draft → sent → accepted / rejected / no_response →
 * completed; a supervisor may revoke a sent or accepted one (DESIGN §5, the
 * table in hmr-workflow.c).  Sending needs the beneficiary's consent to
 * share with other organisations (beneficiary.consent_sharing or
 * referral.consent_given); a supervisor may override with a written reason,
 * audited as "consent-override".
 *
 * Deadlines (table service_deadline, migration 0005): sending sets
 * due_on = sent_on + the service type's answer days; accepting replaces it
 * with answered_on + the completion days.  A referral is overdue when it
 * is sent or accepted and today (local time, the store's clock) is after
 * its due date: due 31 January, it is overdue from 1 February 00:00.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hmr-export.h"
#include "hmr-store.h"

G_BEGIN_DECLS

/* Coded values ------------------------------------------------------- */

typedef enum
{
  HMR_REFERRAL_DRAFT,
  HMR_REFERRAL_SENT,
  HMR_REFERRAL_ACCEPTED,
  HMR_REFERRAL_REJECTED,
  HMR_REFERRAL_NO_RESPONSE,
  HMR_REFERRAL_COMPLETED,
  HMR_REFERRAL_REVOKED,
  HMR_REFERRAL_N_STATUSES
} HmrReferralStatus;

const char * const *hmr_service_type_codes       (void);
const char * const *hmr_referral_status_codes    (void);
int                 hmr_referral_status_from_string (const char *status);
gboolean            hmr_referral_status_is_open  (const char *status);
gboolean            hmr_referral_is_overdue      (const char  *status,
                                                  const char  *due_on,
                                                  const GDate *today,
                                                  int         *days_overdue);

/* Service providers ---------------------------------------------------- */

typedef struct
{
  char   *id;
  char   *office_id;
  char   *name;
  char   *service_types;      /* comma-separated service type codes */
  char   *district;           /* where it sits */
  char   *districts_served;   /* comma-separated, "*" for all; NULL: its own only */
  char   *address;
  char   *phone;
  char   *contact_person;
  char   *languages;          /* free text, e.g. "tg, ru, uz" */
  char   *deleted_at;         /* set when archived */
  gint64  version;
} HmrProvider;

HmrProvider *hmr_provider_new              (void);
HmrProvider *hmr_provider_copy             (const HmrProvider *provider);
void         hmr_provider_free             (HmrProvider       *provider);
gboolean     hmr_provider_offers           (const HmrProvider *provider,
                                            const char        *service_type);
gboolean     hmr_provider_serves           (const HmrProvider *provider,
                                            const char        *district);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrProvider, hmr_provider_free)

GPtrArray   *hmr_store_list_providers      (HmrStore          *self,
                                            const HmrActor    *actor,
                                            const char        *service_type,
                                            const char        *district,
                                            gboolean           include_archived,
                                            GError           **error);
HmrProvider *hmr_store_get_provider        (HmrStore          *self,
                                            const HmrActor    *actor,
                                            const char        *id,
                                            GError           **error);
gboolean     hmr_store_save_provider       (HmrStore          *self,
                                            const HmrActor    *actor,
                                            HmrProvider       *provider,
                                            GError           **error);
gboolean     hmr_store_archive_provider    (HmrStore          *self,
                                            const HmrActor    *actor,
                                            const char        *id,
                                            GError           **error);

gboolean     hmr_store_get_service_deadline (HmrStore         *self,
                                            const char        *service_type,
                                            int               *answer_days,
                                            int               *completion_days,
                                            GError           **error);
gboolean     hmr_store_set_service_deadline (HmrStore         *self,
                                            const HmrActor    *actor,
                                            const char        *service_type,
                                            int                answer_days,
                                            int                completion_days,
                                            GError           **error);

/* Referrals ------------------------------------------------------------ */

typedef struct
{
  char *at;                   /* UTC timestamp */
  char *by_user;              /* user id */
  char *by_name;              /* full name */
  char *from_state;           /* NULL for the creation */
  char *to_state;
  char *comment;
} HmrReferralHistoryEntry;

void hmr_referral_history_entry_free (HmrReferralHistoryEntry *entry);

typedef struct
{
  char      *id;
  char      *office_id;
  char      *beneficiary_id;
  char      *case_id;
  char      *provider_id;
  char      *service_type;
  char      *reason;
  gboolean   consent_given;   /* consent recorded on this referral */
  char      *status;
  char      *sent_on;         /* dates: ISO 8601, local */
  char      *due_on;
  char      *answered_on;
  char      *completed_on;
  char      *provider_answer;
  char      *outcome;
  char      *created_at;
  char      *created_by;
  gint64     version;
  /* read-only, filled by hmr_store_get_referral() */
  char      *provider_name;
  char      *case_number;
  char      *beneficiary_name;
  char      *caseworker_name;
  gboolean   beneficiary_consents;   /* beneficiary.consent_sharing */
  GPtrArray *history;         /* HmrReferralHistoryEntry, oldest first */
} HmrReferral;

HmrReferral *hmr_referral_new              (void);
void         hmr_referral_free             (HmrReferral *referral);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrReferral, hmr_referral_free)

gboolean     hmr_store_create_referral     (HmrStore       *self,
                                            const HmrActor *actor,
                                            HmrReferral    *referral,
                                            GError        **error);
gboolean     hmr_store_update_referral     (HmrStore       *self,
                                            const HmrActor *actor,
                                            HmrReferral    *referral,
                                            GError        **error);
gboolean     hmr_store_archive_referral    (HmrStore       *self,
                                            const HmrActor *actor,
                                            const char     *id,
                                            GError        **error);
HmrReferral *hmr_store_get_referral        (HmrStore       *self,
                                            const HmrActor *actor,
                                            const char     *id,
                                            GError        **error);
gboolean     hmr_store_send_referral       (HmrStore       *self,
                                            const HmrActor *actor,
                                            const char     *id,
                                            const char     *consent_override_reason,
                                            GError        **error);
gboolean     hmr_store_move_referral       (HmrStore       *self,
                                            const HmrActor *actor,
                                            const char     *id,
                                            const char     *to,
                                            const char     *comment,
                                            GError        **error);

/* The board ------------------------------------------------------------ */

/* A zero-filled query lists every referral the actor may see */
typedef struct
{
  const char *district;        /* the beneficiary's district */
  const char *provider_id;
  const char *service_type;
  const char *caseworker_id;   /* the case owner (else who created the referral) */
  const char *status;          /* one status; NULL: any */
  gboolean    open_only;       /* sent or accepted */
  gboolean    overdue_only;
  guint       min_age_days;    /* days since sent; 0: no bound.  With */
  guint       max_age_days;    /*   either bound, only sent referrals */
  const char *beneficiary_id;  /* one person's referrals; NULL: all */
} HmrReferralQuery;

typedef struct
{
  guint by_status[HMR_REFERRAL_N_STATUSES];
  guint overdue;
  guint total;
} HmrReferralCounts;

#define HMR_TYPE_REFERRAL_ROW (hmr_referral_row_get_type ())
G_DECLARE_FINAL_TYPE (HmrReferralRow, hmr_referral_row, HMR, REFERRAL_ROW, GObject)

/* The text fields of a board row; each is also a read-only string
 * property of the same name with "-" for "_" ("case-number"). */
typedef enum
{
  HMR_REFERRAL_ROW_ID,
  HMR_REFERRAL_ROW_BENEFICIARY_ID,
  HMR_REFERRAL_ROW_CASE_NUMBER,
  HMR_REFERRAL_ROW_BENEFICIARY_NAME,
  HMR_REFERRAL_ROW_DISTRICT,
  HMR_REFERRAL_ROW_OFFICE_ID,
  HMR_REFERRAL_ROW_SERVICE_TYPE,
  HMR_REFERRAL_ROW_PROVIDER_ID,
  HMR_REFERRAL_ROW_PROVIDER_NAME,
  HMR_REFERRAL_ROW_CASEWORKER_ID,
  HMR_REFERRAL_ROW_CASEWORKER_NAME,
  HMR_REFERRAL_ROW_STATUS,
  HMR_REFERRAL_ROW_CREATED_ON,
  HMR_REFERRAL_ROW_SENT_ON,
  HMR_REFERRAL_ROW_DUE_ON,
  HMR_REFERRAL_ROW_ANSWERED_ON,
  HMR_REFERRAL_ROW_COMPLETED_ON,
  HMR_REFERRAL_ROW_N_FIELDS
} HmrReferralRowField;

HmrReferralRow *hmr_referral_row_new        (gint64               rowid);
gint64       hmr_referral_row_get_rowid     (HmrReferralRow      *self);
const char  *hmr_referral_row_get           (HmrReferralRow      *self,
                                             HmrReferralRowField  field);
gboolean     hmr_referral_row_get_overdue   (HmrReferralRow      *self);
int          hmr_referral_row_get_days_overdue (HmrReferralRow   *self);
int          hmr_referral_row_get_days_since_sent (HmrReferralRow *self);
/* for the store, which fills a row before handing it out */
void         hmr_referral_row_set           (HmrReferralRow      *self,
                                             HmrReferralRowField  field,
                                             const char          *value);
void         hmr_referral_row_set_days      (HmrReferralRow      *self,
                                             const GDate         *today);

GArray      *hmr_store_query_referral_ids   (HmrStore               *self,
                                             const HmrActor         *actor,
                                             const HmrReferralQuery *query,
                                             GCancellable           *cancellable,
                                             GError                **error);
GPtrArray   *hmr_store_load_referral_rows   (HmrStore               *self,
                                             const HmrActor         *actor,
                                             const gint64           *rowids,
                                             guint                   n_rowids,
                                             GError                **error);
GPtrArray   *hmr_store_load_referral_histories (HmrStore            *self,
                                             const HmrActor         *actor,
                                             const gint64           *rowids,
                                             guint                   n_rowids,
                                             GError                **error);
gboolean     hmr_store_count_referrals      (HmrStore               *self,
                                             const HmrActor         *actor,
                                             const HmrReferralQuery *query,
                                             HmrReferralCounts      *counts,
                                             GError                **error);

int          hmr_referral_days_in_status    (GPtrArray              *history,
                                             const char             *status,
                                             const GDate            *today);

/* Excel ---------------------------------------------------------------- */

gboolean     hmr_export_referrals           (HmrStore               *store,
                                             const HmrActor         *actor,
                                             const HmrReferralQuery *query,
                                             const char             *path,
                                             GCancellable           *cancellable,
                                             HmrProgressFunc         progress,
                                             gpointer                progress_data,
                                             GError                **error);

G_END_DECLS
