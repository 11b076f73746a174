/* hmr-sync-bundle.h — the bundle file format (no SQL)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-sync-private.h"

G_BEGIN_DECLS

#define HMR_SYNC_BUNDLE_VERSION 1
#define HMR_SYNC_BUNDLE_SUFFIX ".hamroh-bundle"

/* format version, from, to, number, schema version, written at; the
 * sender's signing key, encryption key and their enrolment MAC, until
 * HQ knows them (empty otherwise) */
#define HMR_SYNC_HEADER_TYPE "(usstisayayay)"

/* ack: the receiver's outbox applied here; lo, hi: the sender's outbox
 * from after lo up to hi; the changes (seq, origin, stamp, table, op, key,
 * columns); audit_lo: audit rows after it; the rows; the chain head;
 * audit_ack: the receiver's audit rows held here */
#define HMR_SYNC_CHANGE_TYPE "(tsssysa(smvmv))"
#define HMR_SYNC_AUDIT_TYPE "(tsmssssmsmsss)"
#define HMR_SYNC_PAYLOAD_TYPE "(ttta" HMR_SYNC_CHANGE_TYPE "ta" HMR_SYNC_AUDIT_TYPE "(ts)t)"

typedef struct
{
  GBytes     *file;
  GVariant   *header;
  guint32     version;
  const char *from;       /* in header */
  const char *to;
  guint64     number;
  gint32      schema;
  gsize       sealed_offset;
  gsize       sealed_len;
} HmrSyncBundle;

void           hmr_sync_bundle_free     (HmrSyncBundle *bundle);
GBytes        *hmr_sync_bundle_seal     (HmrSyncKeys   *sender,
                                         const guchar  *receiver_box_pk,
                                         GVariant      *header,
                                         GVariant      *payload,
                                         GError       **error);
HmrSyncBundle *hmr_sync_bundle_parse    (GBytes        *file,
                                         const char    *name,
                                         GError       **error);
gboolean       hmr_sync_bundle_verify   (HmrSyncBundle *bundle,
                                         const guchar  *sign_pk);
GVariant      *hmr_sync_bundle_open     (HmrSyncBundle *bundle,
                                         HmrSyncKeys   *receiver,
                                         const char    *name,
                                         GError       **error);

char          *hmr_sync_bundle_file_name (const char    *to,
                                          const char    *from,
                                          guint64        number);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrSyncBundle, hmr_sync_bundle_free)

G_END_DECLS
