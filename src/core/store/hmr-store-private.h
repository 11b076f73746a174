/* hmr-store-private.h — shared by the hmr-store*.c files, nobody else
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "hmr-store.h"
#include "hmr-permissions.h"

G_BEGIN_DECLS

struct _HmrStore
{
  GObject       parent_instance;
  char         *path;
  sqlite3      *db;
  int           schema_version;
  HmrClockFunc  clock_func;
  gpointer      clock_data;
  guint         n_audit_rows;   /* appended since opening: lets hmr_store_write() see a write left none */

  /* What it announces (hmr-store-changes.c) */
  HmrStoreNotices *notices;     /* shared by the connections to this file */
  HmrChangeSet    *pending;     /* changes of the open transaction */
  HmrChangeSet    *batch;       /* committed, held until the batch ends */
  guint            batch_depth;
  GHashTable      *beneficiary_routes;
  gint64        pending_seq;    /* the last audit row of the open transaction, anchored at its commit */
  char         *pending_hash;
  guint         snapshot_depth; /* hmr_store_begin_snapshot() calls not yet ended */
  gboolean      snapshot_owned; /* the outermost began the read transaction */
};

typedef struct _HmrChanges HmrChanges;

/* Announcing changes (hmr-store-changes.c) */
HmrStoreNotices *hmr_store_notices_new    (HmrStore        *announcer);
HmrStoreNotices *hmr_store_notices_ref    (HmrStoreNotices *hub);
void          hmr_store_notices_unref     (HmrStoreNotices *hub);
void          hmr_store_note_change       (HmrStore    *self,
                                           const char  *action,
                                           const char  *entity,
                                           const char  *entity_id);
void          hmr_store_changes_committed (HmrStore    *self);
void          hmr_store_changes_rolled_back (HmrStore  *self);
HmrStore     *hmr_store_open_with_notices (const char       *path,
                                           HmrStoreNotices  *notices,
                                           GError          **error);

/* Errors */
void          hmr_store_register_functions (sqlite3    *db);
char         *hmr_store_hash_password      (const char *password,
                                            GError    **error);
int           hmr_store_read_user_version  (HmrStore   *self);
gboolean      hmr_store_apply_migrations   (HmrStore   *self,
                                            GError    **error);
gboolean      hmr_store_set_sqlite_error  (HmrStore    *self,
                                           int          rc,
                                           GError     **error);

/* Statements */
sqlite3_stmt *hmr_store_prepare           (HmrStore    *self,
                                           const char  *sql,
                                           GError     **error);
gboolean      hmr_store_exec              (HmrStore    *self,
                                           const char  *sql,
                                           GError     **error);
void          hmr_bind_text               (sqlite3_stmt *stmt,
                                           int           index,
                                           const char   *value);
char         *hmr_column_dup_text         (sqlite3_stmt *stmt,
                                           int           index);

/* Transactions: begin, then either commit or rollback */
gboolean      hmr_store_begin             (HmrStore    *self,
                                           GError     **error);
gboolean      hmr_store_commit            (HmrStore    *self,
                                           GError     **error);
void          hmr_store_rollback          (HmrStore    *self);

/* One write: BEGIN, the callback, its audit row, COMMIT (ROLLBACK on any
 * failure).  The caller checks the actor, its permission and the input
 * first, as before; the callback does what has to happen inside the
 * transaction (load the record, check the office, write the rows) and
 * fills in the audit row that hmr_store_write() then appends. */
typedef struct
{
  const char *action;          /* "create", "update", "transition", …: set by the caller */
  const char *entity;          /* "referral", "handover", …; NULL when the
                                * callback's own helpers audit everything */
  char       *entity_id;       /* (owned) the record written: given by the
                                * caller or set by the callback */
  HmrChanges *changes;         /* what changed, before and after; the callback
                                * may free it (a row without changes) or
                                * replace it */
  gboolean    appended;        /* hmr_store_write_audit() already appended it */
  gboolean    nothing_to_do;   /* the callback found nothing to change: no audit
                                * row, the transaction is rolled back, success */
} HmrAuditRow;

typedef gboolean (*HmrStoreWriteFunc) (HmrStore       *self,
                                       const HmrActor *actor,
                                       HmrAuditRow    *audit,
                                       gpointer        data,
                                       GError        **error);

gboolean      hmr_store_write             (HmrStore          *self,
                                           const HmrActor    *actor,
                                           const char        *action,
                                           const char        *entity,
                                           const char        *entity_id,
                                           HmrStoreWriteFunc  func,
                                           gpointer           data,
                                           GError           **error);
gboolean      hmr_store_write_audit       (HmrStore       *self,
                                           const HmrActor *actor,
                                           HmrAuditRow    *audit,
                                           GError        **error);
/* Archives the record @audit names with @sql (?1 its id, ?2 now, ?3 the actor) */
gboolean      hmr_store_archive_locked    (HmrStore       *self,
                                           const HmrActor *actor,
                                           HmrAuditRow    *audit,
                                           gpointer        sql,
                                           GError        **error);

/* The actor must be a real, active user and may take the action */
GPtrArray    *hmr_store_read_audit_entries (HmrStore     *self,
                                           sqlite3_stmt   *stmt,
                                           GError        **error);
GArray       *hmr_store_collect_rowids    (HmrStore       *self,
                                           sqlite3_stmt   *stmt,
                                           GCancellable   *cancellable,
                                           GError        **error);
gboolean      hmr_store_check_actor       (HmrStore       *self,
                                           const HmrActor *actor,
                                           GError        **error);

/* The full record, with no permission check: for the store's own use */
HmrBeneficiary *hmr_store_load_beneficiary_unchecked (HmrStore       *self,
                                           const HmrActor *actor,
                                           const char     *id,
                                           GError        **error);

/* Registers a beneficiary and its case file inside the caller's transaction */
const char   *hmr_store_beneficiary_insert_sql (void);
gboolean      hmr_store_insert_beneficiary_locked (HmrStore       *self,
                                           const HmrActor *actor,
                                           HmrBeneficiary *beneficiary,
                                           GError        **error);

char         *hmr_store_dup_timestamp     (HmrStore    *self);
char         *hmr_store_new_id            (void);

/* Audit, inside the caller's transaction */
gboolean      hmr_store_audit_append      (HmrStore       *self,
                                           const HmrActor *actor,
                                           const char     *action,
                                           const char     *entity,
                                           const char     *entity_id,
                                           const char     *changes_json,
                                           GError        **error);
char         *hmr_audit_compute_hash      (const char *prev_hash,
                                           gint64      seq,
                                           const char *at,
                                           const char *user_id,
                                           const char *username,
                                           const char *action,
                                           const char *entity,
                                           const char *entity_id,
                                           const char *changes);

/* The audit chain's anchor, outside the database (hmr-store-anchor.c) */
typedef enum
{
  HMR_ANCHOR_NONE,
  HMR_ANCHOR_VALID,
  HMR_ANCHOR_BAD,
} HmrAnchorState;

char         *hmr_store_dup_anchor_path   (HmrStore    *self);
HmrAnchorState hmr_store_read_anchor      (HmrStore    *self,
                                           gint64      *seq,
                                           char       **hash,
                                           GError     **error);
gboolean      hmr_store_write_anchor      (HmrStore    *self,
                                           gint64       seq,
                                           const char  *hash,
                                           GError     **error);

gboolean      hmr_store_verify_audit_chain (HmrStore   *self,
                                           gint64     *n_checked,
                                           gint64     *first_broken,
                                           gint64     *head_seq,
                                           char      **head_hash,
                                           GError    **error);

/* Argon2id's cost for new password hashes (lower in the tests) */
void          hmr_store_password_limits   (unsigned long long *ops,
                                           size_t             *mem);

/* JSON for the audit's before/after */
HmrChanges   *hmr_changes_new             (void);
void          hmr_changes_add             (HmrChanges  *changes,
                                           const char  *field,
                                           const char  *before,
                                           const char  *after);
gboolean      hmr_changes_is_empty        (HmrChanges  *changes);
char         *hmr_changes_free_to_json    (HmrChanges  *changes);
void          hmr_changes_free            (HmrChanges  *changes);
void          hmr_json_append_string      (GString     *out,
                                           const char  *value);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrChanges, hmr_changes_free)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
