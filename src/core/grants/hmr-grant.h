/* hmr-grant.h — reintegration grants, their tranches and the grant ledger
 *
 * A grant goes draft → submitted → approved / rejected → disbursing →
 * disbursed → verified (DESIGN §5): the caseworker drafts and submits, a
 * supervisor approves (an amount never above the one requested) or
 * rejects, finance pays it in tranches and verifies it once the business
 * stands.  The first tranche moves it to "disbursing", the tranche that
 * completes the approved amount to "disbursed"; the tranches never add up
 * to more than the approved amount.  Money is in dirams (1 TJS = 100).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-export.h"
#include "hmr-store.h"

G_BEGIN_DECLS

/* One budget line: what the grant buys */
typedef struct
{
  char   *id;
  char   *name;
  double  quantity;             /* more than zero; 0.2 m³ of timber is fine */
  char   *unit;                 /* nullable: "bags", "m", "pcs" */
  gint64  unit_cost;            /* dirams */
} HmrGrantItem;

/* A beneficiary who shares the grant (a group business has several) */
typedef struct
{
  char *beneficiary_id;
  char *case_number;            /* read-only, filled by the store */
  char *full_name;              /* Cyrillic: family given patronymic */
  char *latin_name;             /* passport spelling, may be NULL */
  char *district;
} HmrGrantMember;

/* One tranche, as paid (read-only) */
typedef struct
{
  char   *id;
  int     tranche;              /* 1, 2, … */
  char   *paid_on;              /* ISO date */
  gint64  amount;               /* dirams */
  char   *currency;
  char   *method;               /* cash, bank_transfer, supplier_payment */
  char   *reference;
  char   *recorded_by;          /* full name of the finance officer */
} HmrDisbursement;

/* One row of a record's history (read-only) */
typedef struct
{
  char *at;
  char *user_name;
  char *from_state;             /* NULL for the first row */
  char *to_state;
  char *comment;
} HmrStateChange;

typedef struct
{
  char      *id;                /* NULL until saved */
  char      *number;            /* set by the store: DST-G-2026-0042 (older grants: 1A2B3C4D) */
  char      *office_id;         /* set by the store: the first beneficiary's office */
  char      *district;          /* read-only */
  char      *case_id;           /* set by the store */
  char      *purpose;
  char      *business_plan;     /* summary */
  char      *currency;          /* "TJS" */
  gint64     amount_requested;  /* the budget's total when it has lines */
  gint64     amount_approved;   /* -1 until approved */
  char      *status;
  char      *created_at;
  char      *updated_at;
  gint64     version;           /* for the "someone else changed it" check */
  GPtrArray *items;             /* HmrGrantItem */
  GPtrArray *members;           /* HmrGrantMember */
  GPtrArray *disbursements;     /* HmrDisbursement, read-only, by tranche */
  GPtrArray *history;           /* HmrStateChange, read-only, oldest first */
} HmrGrant;

HmrGrant      *hmr_grant_new                 (void);
void           hmr_grant_free                (HmrGrant       *grant);
HmrGrantItem  *hmr_grant_add_item            (HmrGrant       *grant,
                                              const char     *name,
                                              double          quantity,
                                              const char     *unit,
                                              gint64          unit_cost);
void           hmr_grant_add_member          (HmrGrant       *grant,
                                              const char     *beneficiary_id);
gint64         hmr_grant_item_get_total      (const HmrGrantItem *item);
gint64         hmr_grant_get_budget_total    (const HmrGrant *grant);
gint64         hmr_grant_get_paid            (const HmrGrant *grant);
gint64         hmr_grant_get_remaining       (const HmrGrant *grant);
void           hmr_state_change_free         (HmrStateChange *change);

const char    *hmr_disbursement_method_get_label (const char *method);
gboolean       hmr_grant_status_is_funded      (const char *status);
const char * const *hmr_disbursement_method_codes (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrGrant, hmr_grant_free)

/* Drafting (caseworker; a supervisor may too) ------------------------- */

gboolean   hmr_store_insert_grant           (HmrStore        *self,
                                             const HmrActor  *actor,
                                             HmrGrant        *grant,
                                             GError         **error);
gboolean   hmr_store_update_grant           (HmrStore        *self,
                                             const HmrActor  *actor,
                                             HmrGrant        *grant,
                                             GError         **error);
HmrGrant  *hmr_store_get_grant              (HmrStore        *self,
                                             const HmrActor  *actor,
                                             const char      *grant_id,
                                             GError         **error);

/* Transitions: each one a grant_history row and an audit row ----------- */

gboolean   hmr_store_submit_grant           (HmrStore        *self,
                                             const HmrActor  *actor,
                                             const char      *grant_id,
                                             const char      *comment,
                                             GError         **error);
gboolean   hmr_store_approve_grant          (HmrStore        *self,
                                             const HmrActor  *actor,
                                             const char      *grant_id,
                                             gint64           amount_approved,
                                             const char      *comment,
                                             GError         **error);
gboolean   hmr_store_reject_grant           (HmrStore        *self,
                                             const HmrActor  *actor,
                                             const char      *grant_id,
                                             const char      *comment,
                                             GError         **error);
gboolean   hmr_store_cancel_grant           (HmrStore        *self,
                                             const HmrActor  *actor,
                                             const char      *grant_id,
                                             const char      *comment,
                                             GError         **error);
gboolean   hmr_store_verify_grant           (HmrStore        *self,
                                             const HmrActor  *actor,
                                             const char      *grant_id,
                                             const char      *comment,
                                             GError         **error);

/* Finance: a tranche.  Moves the grant to disbursing / disbursed. */
gboolean   hmr_store_record_disbursement    (HmrStore        *self,
                                             const HmrActor  *actor,
                                             const char      *grant_id,
                                             const char      *paid_on,
                                             gint64           amount,
                                             const char      *method,
                                             const char      *reference,
                                             char           **out_id,
                                             GError         **error);

/* Lists: the finance workspace, a beneficiary's grants ----------------- */

/* A zero-filled query lists every grant the actor may read */
typedef struct
{
  const char *status;           /* NULL: any */
  const char *district;         /* NULL: any */
  const char *beneficiary_id;   /* NULL: any */
} HmrGrantQuery;

typedef struct
{
  char   *id;
  char   *office_id;
  char   *district;
  char   *purpose;
  char   *status;
  char   *case_numbers;         /* "DST-2026-00001; DST-2026-00002" */
  char   *names;                /* Cyrillic full names, "; " between */
  gint64  amount_requested;
  gint64  amount_approved;      /* -1: not approved */
  gint64  paid;
  char   *approved_on;          /* ISO date, NULL when never approved */
  char   *updated_at;
  char   *currency;             /* the grant's: its amounts are in it */
} HmrGrantSummary;

void       hmr_grant_summary_free           (HmrGrantSummary *summary);
GPtrArray *hmr_store_list_grants            (HmrStore            *self,
                                             const HmrActor      *actor,
                                             const HmrGrantQuery *query,
                                             GError             **error);

/* Totals per district (and month of approval) of the approved grants in
 * force; "remaining" = approved − paid.  Grants cancelled after approval
 * are counted apart, with what was paid on them before the cancellation:
 * the ledger's tranches add up to paid + cancelled_paid. */
typedef struct
{
  char   *district;
  char   *month;                /* "2026-03"; NULL in per-district totals */
  guint   n_grants;
  gint64  approved;
  gint64  paid;
  gint64  remaining;
  guint   n_cancelled;
  gint64  cancelled_paid;
} HmrGrantTotals;

void       hmr_grant_totals_free            (HmrGrantTotals *totals);
GPtrArray *hmr_store_list_grant_totals      (HmrStore        *self,
                                             const HmrActor  *actor,
                                             gboolean         by_month,
                                             const char      *district,
                                             GError         **error);

/* The ledger: one row per tranche, streamed (finance) ------------------ */

/* Every string is borrowed for the duration of the call */
typedef struct
{
  const char *paid_on;
  const char *grant_id;
  const char *grant_reference;
  const char *purpose;
  const char *case_numbers;
  const char *names;
  const char *latin_names;
  const char *district;
  int         tranche;
  const char *method;
  const char *reference;
  gint64      amount;
  gint64      approved;
  gint64      paid_to_date;     /* this tranche and the ones before it */
  const char *status;
  const char *recorded_by;
} HmrLedgerRow;

typedef gboolean (*HmrLedgerRowFunc) (const HmrLedgerRow *row,
                                      gpointer            user_data,
                                      GError            **error);

gint64     hmr_store_count_ledger_rows      (HmrStore        *self,
                                             const HmrActor  *actor,
                                             const char      *district,
                                             GError         **error);
gboolean   hmr_store_foreach_ledger_row     (HmrStore        *self,
                                             const HmrActor  *actor,
                                             const char      *district,
                                             HmrLedgerRowFunc func,
                                             gpointer         user_data,
                                             GCancellable    *cancellable,
                                             GError         **error);

/* The grant ledger in Excel: a "Ledger" sheet (one row per tranche) and
 * per-district and per-month summaries.  Finance and supervisors. */
gboolean   hmr_export_grant_ledger          (HmrStore        *store,
                                             const HmrActor  *actor,
                                             const char      *district,
                                             const char      *path,
                                             GCancellable    *cancellable,
                                             HmrProgressFunc  progress,
                                             gpointer         progress_data,
                                             GError         **error);

/* The full id behind the short number printed on acts and in the ledger;
 * @kind is "grant" or "handover" */
char      *hmr_store_dup_record_id          (HmrStore        *self,
                                             const HmrActor  *actor,
                                             const char      *kind,
                                             const char      *reference,
                                             GError         **error);

G_END_DECLS
