/* hmr-sync.h — offices and HQ in step: identities, enrolment, bundles
 *
 * One HQ hub and one installation per office laptop.  Every committed
 * change is captured in its own transaction (hmr-store-sync-capture.c)
 * and travels in bundles: compressed, encrypted to the receiver (X25519),
 * signed by the sender (Ed25519), numbered per sender and receiver.
 * See DESIGN §5a and the README's "Offices and HQ".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-store.h"

G_BEGIN_DECLS

#define HMR_SYNC_ERROR (hmr_sync_error_quark ())

typedef enum
{
  HMR_SYNC_ERROR_FAILED,
  HMR_SYNC_ERROR_NOT_ENROLLED,   /* this database has no identity, or the wrong one */
  HMR_SYNC_ERROR_BAD_FILE,       /* not a bundle or enrolment file, or damaged */
  HMR_SYNC_ERROR_UNKNOWN_SENDER,
  HMR_SYNC_ERROR_NOT_FOR_US,
  HMR_SYNC_ERROR_TAMPERED,       /* the signature does not hold */
  HMR_SYNC_ERROR_NEWER_SCHEMA,
  HMR_SYNC_ERROR_KEYS,           /* the private key file is missing or unsafe */
} HmrSyncError;

GQuark hmr_sync_error_quark (void);

typedef enum
{
  HMR_INSTALLATION_NONE,         /* a database on its own */
  HMR_INSTALLATION_HQ,
  HMR_INSTALLATION_OFFICE,
} HmrInstallationRole;

/* Identity ----------------------------------------------------------- */

HmrInstallationRole hmr_store_sync_get_role          (HmrStore       *self);
char       *hmr_store_sync_dup_installation_id       (HmrStore       *self);
char       *hmr_sync_keys_path                       (const char     *database_path);
gboolean    hmr_store_sync_make_hq                   (HmrStore       *self,
                                                      const HmrActor *actor,
                                                      GError        **error);

/* Enrolment: HQ writes a file for one office; a new, empty database
 * becomes that office's installation from it.  The file holds the office's
 * records, the users with their password hashes and HQ's public keys:
 * carry it like a backup. */
gboolean    hmr_store_sync_create_enrolment          (HmrStore       *self,
                                                      const HmrActor *actor,
                                                      const char     *office_code,
                                                      const char     *path,
                                                      char          **installation_id,
                                                      GError        **error);
gboolean    hmr_store_sync_enrol                     (HmrStore       *self,
                                                      const char     *path,
                                                      GError        **error);

/* The offices HQ may enrol, with the users who could log in there (that
 * office's and every office's) and the installations already made */
typedef struct
{
  char  *code;
  char  *name;
  char  *district;
  char  *users;            /* full names, comma-separated */
  guint  n_installations;
} HmrSyncOffice;

void        hmr_sync_office_free                     (HmrSyncOffice  *office);
GPtrArray  *hmr_store_sync_list_offices              (HmrStore       *self,
                                                      const HmrActor *actor,
                                                      GError        **error);

GPtrArray  *hmr_store_sync_list_programme_offices    (HmrStore       *self,
                                                      GError        **error);

/* Bundles ------------------------------------------------------------- */

/* Progress of a send or receive in a thread: @done of @total steps
 * (installations sent to, bundles read) */
typedef void (*HmrSyncProgressFunc) (guint     done,
                                     guint     total,
                                     gpointer  user_data);

typedef struct
{
  char    *file;
  char    *peer;          /* the receiving installation */
  char    *peer_office;   /* its office's code, or "HQ" */
  guint64  number;
  guint    n_changes;
  guint    n_audit_rows;
} HmrSyncSent;

void        hmr_sync_sent_free                       (HmrSyncSent    *sent);

GPtrArray  *hmr_store_sync_send                      (HmrStore       *self,
                                                      const HmrActor *actor,
                                                      const char     *dir,
                                                      GError        **error);
GPtrArray  *hmr_store_sync_send_full                 (HmrStore            *self,
                                                      const HmrActor      *actor,
                                                      const char          *dir,
                                                      HmrSyncProgressFunc  progress,
                                                      gpointer             user_data,
                                                      GCancellable        *cancellable,
                                                      GError             **error);

typedef enum
{
  HMR_BUNDLE_APPLIED,
  HMR_BUNDLE_ALREADY_APPLIED,    /* nothing changed */
  HMR_BUNDLE_WAITING,            /* an earlier bundle has to come first */
  HMR_BUNDLE_REFUSED,
} HmrBundleOutcome;

typedef struct
{
  char             *file;
  HmrBundleOutcome  outcome;
  char             *sender;
  guint64           number;
  guint             n_changes;
  guint             n_conflicts;
  char             *message;      /* why it waits or was refused */
} HmrSyncReceived;

void        hmr_sync_received_free                   (HmrSyncReceived *received);

HmrSyncReceived *hmr_store_sync_receive_file         (HmrStore       *self,
                                                      const HmrActor *actor,
                                                      const char     *path,
                                                      GError        **error);
GPtrArray  *hmr_store_sync_receive_dir               (HmrStore       *self,
                                                      const HmrActor *actor,
                                                      const char     *dir,
                                                      GError        **error);
GPtrArray  *hmr_store_sync_receive_dir_full          (HmrStore            *self,
                                                      const HmrActor      *actor,
                                                      const char          *dir,
                                                      HmrSyncProgressFunc  progress,
                                                      gpointer             user_data,
                                                      GCancellable        *cancellable,
                                                      GError             **error);

/* The installations this one exchanges bundles with, for the Sync area */
typedef struct
{
  char                *id;
  HmrInstallationRole  role;
  char                *office_code;      /* "HQ" for the hub */
  char                *office_name;      /* NULL for the hub */
  char                *office_district;  /* NULL for the hub */
  guint64              last_bundle_sent;
  char                *last_sent_at;     /* NULL: never */
  guint64              last_bundle_received;
  char                *last_received_at; /* NULL: never */
} HmrSyncPeer;

void        hmr_sync_peer_free                       (HmrSyncPeer    *peer);
GPtrArray  *hmr_store_sync_list_peers                (HmrStore       *self,
                                                      const HmrActor *actor,
                                                      GError        **error);
/* This installation's office ("DST") or "HQ"; NULL when not enrolled */
char       *hmr_store_sync_dup_office_code           (HmrStore       *self);

/* Conflicts ----------------------------------------------------------- */

typedef struct
{
  char *id;
  char *table;
  char *record_id;
  char *column;
  char *kept;
  char *lost;
  char *lost_origin;
  char *rule;
  char *status;
  char *detected_at;
  /* For the supervisor who reviews it */
  char *current;         /* the value in force now */
  char *beneficiary_id;  /* the person the record is about, if any */
  char *kept_at;         /* when each value was written */
  char *kept_office;     /* where: an office code or "HQ" */
  char *kept_by;         /* by whom (a username), when the audit trail says */
  char *lost_at;
  char *lost_office;
  char *lost_by;
} HmrSyncConflict;

void        hmr_sync_conflict_free                   (HmrSyncConflict *conflict);
GPtrArray  *hmr_store_sync_list_conflicts            (HmrStore       *self,
                                                      const HmrActor *actor,
                                                      gboolean        open_only,
                                                      GError        **error);
gboolean    hmr_store_sync_count_open_conflicts      (HmrStore       *self,
                                                      const HmrActor *actor,
                                                      guint          *n_open,
                                                      GError        **error);
gboolean    hmr_store_sync_resolve_conflict          (HmrStore       *self,
                                                      const HmrActor *actor,
                                                      const char     *conflict_id,
                                                      gboolean        restore,
                                                      GError        **error);

/* The audit chains of the other installations, at HQ ------------------ */

typedef struct
{
  char    *origin;
  char    *office_code;
  gint64   n_checked;
  gint64   first_broken;   /* 0: intact */
  gboolean head_matches;   /* the last chain head it reported is there */
} HmrOriginAudit;

void        hmr_origin_audit_free                    (HmrOriginAudit *audit);
GPtrArray  *hmr_store_sync_verify_origins            (HmrStore       *self,
                                                      const HmrActor *actor,
                                                      GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrSyncSent, hmr_sync_sent_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrSyncReceived, hmr_sync_received_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrSyncConflict, hmr_sync_conflict_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrSyncPeer, hmr_sync_peer_free)

G_END_DECLS
