/* hmr-sync-private.h — shared by the sync files of the core, nobody else
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sodium.h>

#include "hmr-store-private.h"
#include "hmr-sync.h"

G_BEGIN_DECLS

/* Which records travel, and where ------------------------------------- */

typedef enum
{
  HMR_SYNC_REFERENCE,   /* HQ's: offices, users, providers, settings; to everyone */
  HMR_SYNC_OFFICE,      /* has an office_id: to that office */
  HMR_SYNC_CHILD,       /* belongs to a parent record with an office_id */
} HmrSyncTableKind;

typedef struct
{
  const char       *name;
  HmrSyncTableKind  kind;
  const char       *parent;   /* HMR_SYNC_CHILD: the parent's table */
  const char       *fk;       /* HMR_SYNC_CHILD: the column holding the parent's id */
} HmrSyncTable;

/* In the order rows can be written (parents first) */
const HmrSyncTable *hmr_sync_tables              (guint       *n_tables);
const HmrSyncTable *hmr_sync_table_lookup        (const char  *name);
gboolean    hmr_sync_column_is_local             (const char  *table,
                                                  const char  *column);
int         hmr_sync_state_rank                  (const char  *table,
                                                  const char  *column,
                                                  const char  *state);

/* Columns of a table, as SQLite has them */
typedef struct
{
  guint    n;
  char   **names;
  int     *pk;        /* 0: not in the primary key; else its position from 1 */
} HmrSyncColumns;

/* Per connection ------------------------------------------------------ */

typedef struct
{
  gboolean             loaded;
  HmrInstallationRole  role;
  char                *installation_id;
  char                *office_id;
  sqlite3_session     *session;      /* the open transaction's capture */
  gboolean             applying;     /* received changes: captured by the receiver itself */
  GHashTable          *columns;      /* table name → HmrSyncColumns */
} HmrSyncState;

HmrSyncState *hmr_store_sync_state               (HmrStore    *self);
void        hmr_store_sync_forget_identity       (HmrStore    *self);
const HmrSyncColumns *hmr_store_sync_columns     (HmrStore    *self,
                                                  const char  *table,
                                                  GError     **error);

/* Capture: called by hmr_store_begin(), hmr_store_commit() and
 * hmr_store_rollback() */
void        hmr_store_sync_capture_begin         (HmrStore    *self);
gboolean    hmr_store_sync_capture_commit        (HmrStore    *self,
                                                  GError     **error);
void        hmr_store_sync_capture_end           (HmrStore    *self);

/* One changed record, captured here or received */
typedef struct
{
  gint64    seq;
  char     *origin;
  char     *stamp;
  char     *table;
  int       op;        /* SQLITE_INSERT, SQLITE_UPDATE, SQLITE_DELETE */
  char     *pk;
  GVariant *cols;      /* a(smvmv): column, before, after */
  char     *route;     /* the record's office; NULL: everyone */
} HmrSyncChange;

void        hmr_sync_change_free                 (HmrSyncChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrSyncChange, hmr_sync_change_free)

#define HMR_SYNC_COLS_TYPE "a(smvmv)"

char       *hmr_store_sync_route                 (HmrStore            *self,
                                                  const HmrSyncTable  *table,
                                                  HmrSyncChange       *change,
                                                  GError             **error);
gboolean    hmr_store_sync_outbox_append         (HmrStore       *self,
                                                  HmrSyncChange  *change,
                                                  GError        **error);
gboolean    hmr_store_sync_append_moved          (HmrStore       *self,
                                                  HmrSyncChange  *change,
                                                  GError        **error);
char       *hmr_sync_stamp_new                   (const char  *timestamp,
                                                  guint        counter,
                                                  const char  *installation_id);
char       *hmr_sync_stamp_bump                  (const char  *stamp,
                                                  const char  *installation_id);

/* SQLite values as GVariant "mv" (x, d, s or ay inside; nothing: NULL) */
GVariant   *hmr_sync_value_to_variant            (sqlite3_value *value);
GVariant   *hmr_sync_column_to_variant           (sqlite3_stmt  *stmt,
                                                  int            column);
void        hmr_sync_bind_variant                (sqlite3_stmt  *stmt,
                                                  int            index,
                                                  GVariant      *value);
char       *hmr_sync_variant_to_text             (GVariant      *value);
gboolean    hmr_sync_variant_equal               (GVariant      *a,
                                                  GVariant      *b);
/* The column's value in @cols: after, or else before (@which 1 or 2: only that one) */
GVariant   *hmr_sync_cols_lookup                 (GVariant      *cols,
                                                  const char    *column,
                                                  int            which);

/* The Sync area's words for a conflict: the value in force, and who
 * wrote each value where and when (hmr-store-sync-status.c) */
gboolean    hmr_store_sync_describe_conflict     (HmrStore        *self,
                                                  HmrSyncConflict *conflict,
                                                  const char      *kept_stamp,
                                                  const char      *lost_stamp,
                                                  GError         **error);

/* Keys ------------------------------------------------------------------ */

typedef struct
{
  char   *installation_id;
  guchar  sign_pk[crypto_sign_PUBLICKEYBYTES];
  guchar  sign_sk[crypto_sign_SECRETKEYBYTES];
  guchar  box_pk[crypto_box_PUBLICKEYBYTES];
  guchar  box_sk[crypto_box_SECRETKEYBYTES];
} HmrSyncKeys;

HmrSyncKeys *hmr_sync_keys_generate              (const char  *installation_id);
HmrSyncKeys *hmr_sync_keys_load                  (const char  *database_path,
                                                  const char  *installation_id,
                                                  GError     **error);
gboolean    hmr_sync_keys_save                   (HmrSyncKeys *keys,
                                                  const char  *database_path,
                                                  GError     **error);
void        hmr_sync_keys_free                   (HmrSyncKeys *keys);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrSyncKeys, hmr_sync_keys_free)

/* Files: compression, and writing a file that is whole or absent */
GBytes     *hmr_sync_compress                    (GBytes      *data,
                                                  GError     **error);
GBytes     *hmr_sync_decompress                  (GBytes      *data,
                                                  gsize        limit,
                                                  GError     **error);
gboolean    hmr_sync_write_file                  (const char  *path,
                                                  GBytes      *contents,
                                                  GError     **error);

/* Tests: called after each received change is applied, inside the
 * transaction (a test kills the process there) */
extern void (*hmr_sync_test_after_change) (guint n_applied);

G_END_DECLS
