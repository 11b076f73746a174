/* hmr-handover.h — equipment handovers and their acts
 *
 * A handover is drafted (items, who received them, witnesses, place, date,
 * photos) and then signed, which locks it: the store refuses any later
 * change to the act, its items, witnesses or photos.  A mistake in a
 * signed act is put right by a new act that corrects it (corrects_id).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-export.h"
#include "hmr-grant.h"

G_BEGIN_DECLS

/* Photos and scans larger than this are refused */
#define HMR_ATTACHMENT_MAX_SIZE (10 * 1000 * 1000)   /* 10 MB */

typedef struct
{
  char   *id;
  char   *name;
  double  quantity;
  gint64  unit_value;           /* dirams */
  char   *serial;               /* nullable */
} HmrHandoverItem;

typedef struct
{
  char *id;
  char *name;
  char *role;                   /* free text: "Chairman of Jamoat Navobod" */
} HmrHandoverWitness;

typedef struct
{
  char   *id;
  char   *kind;                 /* photo, handover_act (the signed paper) */
  char   *filename;
  char   *mime_type;
  char   *sha256;
  gint64  size;
  char   *created_at;
} HmrAttachmentInfo;

typedef struct
{
  char      *id;                /* NULL until saved */
  char      *number;            /* set by the store: DST-A-2026-0042 (older acts: 1A2B3C4D) */
  char      *office_id;         /* set by the store: the beneficiary's */
  char      *grant_id;          /* nullable: the grant that paid for it */
  char      *beneficiary_id;
  char      *handed_on;         /* ISO date */
  char      *place;
  char      *received_by;
  char      *status;            /* draft, signed */
  char      *corrects_id;       /* nullable: the signed act this one corrects */
  char      *corrects_number;   /* read-only: its number */
  char      *corrected_by_id;   /* read-only: a later act correcting this one */
  char      *signed_at;
  char      *created_by_name;   /* read-only: the staff member who drew it up */
  gint64     version;
  /* read-only: the recipient and the grant, for lists and the act */
  char      *case_number;
  char      *full_name;
  char      *latin_name;
  char      *district;
  char      *grant_purpose;
  char      *grant_number;
  GPtrArray *items;             /* HmrHandoverItem */
  GPtrArray *witnesses;         /* HmrHandoverWitness */
  GPtrArray *attachments;       /* HmrAttachmentInfo, read-only */
  GPtrArray *history;           /* HmrStateChange, read-only */
} HmrHandover;

HmrHandover       *hmr_handover_new           (void);
void               hmr_handover_free          (HmrHandover *handover);
HmrHandoverItem   *hmr_handover_add_item      (HmrHandover *handover,
                                               const char  *name,
                                               double       quantity,
                                               gint64       unit_value,
                                               const char  *serial);
HmrHandoverWitness *hmr_handover_add_witness  (HmrHandover *handover,
                                               const char  *name,
                                               const char  *role);
gint64             hmr_handover_item_get_total (const HmrHandoverItem *item);
gint64             hmr_handover_get_total     (const HmrHandover *handover);
gboolean           hmr_handover_is_signed     (const HmrHandover *handover);
void               hmr_attachment_info_free   (HmrAttachmentInfo *info);
const char * const *hmr_witness_role_suggestions (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrHandover, hmr_handover_free)

/* Drafts (caseworker of the office, or finance) ----------------------- */

gboolean     hmr_store_insert_handover      (HmrStore        *self,
                                             const HmrActor  *actor,
                                             HmrHandover     *handover,
                                             GError         **error);
gboolean     hmr_store_update_handover      (HmrStore        *self,
                                             const HmrActor  *actor,
                                             HmrHandover     *handover,
                                             GError         **error);
gboolean     hmr_store_archive_handover     (HmrStore        *self,
                                             const HmrActor  *actor,
                                             const char      *handover_id,
                                             GError         **error);
HmrHandover *hmr_store_get_handover         (HmrStore        *self,
                                             const HmrActor  *actor,
                                             const char      *handover_id,
                                             GError         **error);

/* Photos: before signing only */
gboolean     hmr_store_add_handover_photo   (HmrStore        *self,
                                             const HmrActor  *actor,
                                             const char      *handover_id,
                                             const char      *filename,
                                             GBytes          *content,
                                             char           **out_id,
                                             GError         **error);
gboolean     hmr_store_remove_handover_photo (HmrStore       *self,
                                             const HmrActor  *actor,
                                             const char      *handover_id,
                                             const char      *attachment_id,
                                             GError         **error);
GBytes      *hmr_store_dup_handover_attachment (HmrStore     *self,
                                             const HmrActor  *actor,
                                             const char      *attachment_id,
                                             GError         **error);

/* Signing locks the act.  @signed_scan: (nullable): the scan or photo of
 * the signed paper, kept with the act. */
gboolean     hmr_store_sign_handover        (HmrStore        *self,
                                             const HmrActor  *actor,
                                             const char      *handover_id,
                                             GBytes          *signed_scan,
                                             const char      *scan_filename,
                                             const char      *comment,
                                             GError         **error);

/* Lists --------------------------------------------------------------- */

typedef struct
{
  const char *grant_id;         /* NULL: any */
  const char *beneficiary_id;   /* NULL: any */
  const char *status;           /* NULL: any */
} HmrHandoverQuery;

typedef struct
{
  char   *id;
  char   *handed_on;
  char   *place;
  char   *status;
  char   *case_number;
  char   *full_name;
  char   *district;
  char   *grant_id;
  char   *corrects_id;
  char   *corrected_by_id;
  guint   n_items;
  gint64  total;
} HmrHandoverSummary;

void       hmr_handover_summary_free        (HmrHandoverSummary *summary);
GPtrArray *hmr_store_list_handovers         (HmrStore               *self,
                                             const HmrActor         *actor,
                                             const HmrHandoverQuery *query,
                                             GError                **error);

/* The handovers export: one row per item (finance) --------------------- */

typedef struct
{
  const char *handover_id;
  const char *act_reference;
  const char *handed_on;
  const char *status;
  const char *corrects_reference;  /* NULL unless a correction */
  const char *corrected_by_reference; /* the signed act replacing this one, or NULL */
  const char *grant_reference;
  const char *grant_purpose;
  const char *case_number;
  const char *full_name;
  const char *latin_name;
  const char *district;
  const char *place;
  const char *received_by;
  const char *witnesses;           /* "Name (role); …" */
  const char *item;
  const char *serial;
  double      quantity;
  gint64      unit_value;
} HmrHandoverItemRow;

typedef gboolean (*HmrHandoverItemRowFunc) (const HmrHandoverItemRow *row,
                                            gpointer                  user_data,
                                            GError                  **error);

gint64     hmr_store_count_handover_item_rows (HmrStore      *self,
                                             const HmrActor  *actor,
                                             GError         **error);
gboolean   hmr_store_foreach_handover_item_row (HmrStore     *self,
                                             const HmrActor  *actor,
                                             HmrHandoverItemRowFunc func,
                                             gpointer         user_data,
                                             GCancellable    *cancellable,
                                             GError         **error);

gboolean   hmr_export_handovers             (HmrStore        *store,
                                             const HmrActor  *actor,
                                             const char      *path,
                                             GCancellable    *cancellable,
                                             HmrProgressFunc  progress,
                                             gpointer         progress_data,
                                             GError         **error);

G_END_DECLS
