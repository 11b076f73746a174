/* hmr-store-sync-review.c — what a supervisor reviews after a merge: the
 * conflicts, and at HQ the audit chains of every office installation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hmr-sync-private.h"

/* The prev_hash of the first row of every chain (hmr-store-audit.c) */
#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

void
hmr_sync_conflict_free (HmrSyncConflict *c)
{
  if (c == NULL)
    return;
  g_free (c->id);
  g_free (c->table);
  g_free (c->record_id);
  g_free (c->column);
  g_free (c->kept);
  g_free (c->lost);
  g_free (c->lost_origin);
  g_free (c->rule);
  g_free (c->status);
  g_free (c->detected_at);
  g_free (c->current);
  g_free (c->beneficiary_id);
  g_free (c->kept_at);
  g_free (c->kept_office);
  g_free (c->kept_by);
  g_free (c->lost_at);
  g_free (c->lost_office);
  g_free (c->lost_by);
  g_free (c);
}

GPtrArray *
hmr_store_sync_list_conflicts (HmrStore       *self,
                               const HmrActor *actor,
                               gboolean        open_only,
                               GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_sync_conflict_free);
  int rc;

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_SYNC_CONFLICTS, NULL, error))
    return NULL;
  stmt = hmr_store_prepare (self,
                            "SELECT id, tbl, pk, col, CAST (kept_value AS TEXT), CAST (lost_value AS TEXT), "
                            "lost_origin, rule, status, detected_at, kept_stamp, lost_stamp FROM sync_conflict "
                            "WHERE NOT ?1 OR status = 'open' ORDER BY detected_at, rowid",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, open_only);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HmrSyncConflict *c = g_new0 (HmrSyncConflict, 1);

      c->id = hmr_column_dup_text (stmt, 0);
      c->table = hmr_column_dup_text (stmt, 1);
      c->record_id = hmr_column_dup_text (stmt, 2);
      c->column = hmr_column_dup_text (stmt, 3);
      c->kept = hmr_column_dup_text (stmt, 4);
      c->lost = hmr_column_dup_text (stmt, 5);
      c->lost_origin = hmr_column_dup_text (stmt, 6);
      c->rule = hmr_column_dup_text (stmt, 7);
      c->status = hmr_column_dup_text (stmt, 8);
      c->detected_at = hmr_column_dup_text (stmt, 9);
      g_ptr_array_add (out, c);
      if (!hmr_store_sync_describe_conflict (self, c, (const char *) sqlite3_column_text (stmt, 10),
                                             (const char *) sqlite3_column_text (stmt, 11), error))
        return NULL;
    }
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

typedef struct
{
  const char *id;
  gboolean    restore;
} Resolve;

static gboolean
resolve_locked (HmrStore       *self,
                const HmrActor *actor,
                HmrAuditRow    *audit,
                gpointer        data,
                GError        **error)
{
  Resolve *r = data;
  g_autoptr(sqlite3_stmt) read = NULL;
  g_autoptr(sqlite3_stmt) mark = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);
  g_autofree char *table = NULL;
  g_autofree char *pk = NULL;
  g_autofree char *column = NULL;
  int rc;

  read = hmr_store_prepare (self,
                            "SELECT tbl, pk, col, lost_value, status FROM sync_conflict WHERE id = ?1", error);
  if (read == NULL)
    return FALSE;
  hmr_bind_text (read, 1, r->id);
  rc = sqlite3_step (read);
  if (rc == SQLITE_DONE || (rc == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (read, 4), "open") != 0))
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                   _("There is no open conflict “%s”."), r->id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return hmr_store_set_sqlite_error (self, rc, error);
  table = hmr_column_dup_text (read, 0);
  pk = hmr_column_dup_text (read, 1);
  column = hmr_column_dup_text (read, 2);

  if (r->restore)
    {
      g_autoptr(sqlite3_stmt) write = NULL;
      g_autofree char *sql = NULL;

      /* Only a field can be restored, and only of a table that travels:
       * the names come from this database's own catalogue */
      if (hmr_sync_table_lookup (table) == NULL || g_str_equal (column, "*") || g_str_equal (column, "deleted_at"))
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("This conflict has no single value to restore; keep it and enter the change by hand."));
          return FALSE;
        }
      if (hmr_store_sync_columns (self, table, error) == NULL)
        return FALSE;
      sql = g_strdup_printf ("UPDATE %s SET %s = ?1, updated_at = ?2, updated_by = ?3, version = version + 1 "
                             "WHERE id = ?4", table, column);
      write = hmr_store_prepare (self, sql, error);
      if (write == NULL)
        return FALSE;
      sqlite3_bind_value (write, 1, sqlite3_column_value (read, 3));
      hmr_bind_text (write, 2, now);
      hmr_bind_text (write, 3, actor->user_id);
      hmr_bind_text (write, 4, pk);
      rc = sqlite3_step (write);
      if (rc != SQLITE_DONE)
        return hmr_store_set_sqlite_error (self, rc, error);
      hmr_changes_add (audit->changes, column, NULL, (const char *) sqlite3_column_text (read, 3));
    }

  mark = hmr_store_prepare (self,
                            "UPDATE sync_conflict SET status = ?2, resolved_by = ?3, resolved_at = ?4 WHERE id = ?1",
                            error);
  if (mark == NULL)
    return FALSE;
  hmr_bind_text (mark, 1, r->id);
  hmr_bind_text (mark, 2, r->restore ? "restored" : "kept");
  hmr_bind_text (mark, 3, actor->user_id);
  hmr_bind_text (mark, 4, now);
  rc = sqlite3_step (mark);
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  hmr_changes_add (audit->changes, "status", "open", r->restore ? "restored" : "kept");
  return TRUE;
}

/**
 * hmr_store_sync_resolve_conflict:
 * @restore: %TRUE to put the value that was set aside back (an edit of its
 *   own, sent on like any other); %FALSE to keep the value in force
 */
gboolean
hmr_store_sync_resolve_conflict (HmrStore       *self,
                                 const HmrActor *actor,
                                 const char     *conflict_id,
                                 gboolean        restore,
                                 GError        **error)
{
  Resolve r = { conflict_id, restore };

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_SYNC_CONFLICTS, NULL, error))
    return FALSE;
  return hmr_store_write (self, actor, restore ? "restore" : "keep", "sync_conflict", conflict_id,
                          resolve_locked, &r, error);
}

/* ---- audit chains of the offices ---------------------------------------- */

void
hmr_origin_audit_free (HmrOriginAudit *audit)
{
  if (audit == NULL)
    return;
  g_free (audit->origin);
  g_free (audit->office_code);
  g_free (audit);
}

static gboolean
verify_origin (HmrStore        *self,
               HmrOriginAudit  *result,
               gint64           head_seq,
               const char      *head_hash,
               GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *prev = g_strdup (GENESIS_HASH);
  gint64 expected = 1;
  int rc;

  stmt = hmr_store_prepare (self,
                            "SELECT seq, at, user_id, username, action, entity, entity_id, changes, prev_hash, hash "
                            "FROM audit_received WHERE origin = ?1 ORDER BY seq",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, result->origin);
  result->head_matches = head_seq == 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      const char *hash = (const char *) sqlite3_column_text (stmt, 9);
      g_autofree char *computed = NULL;

      computed = hmr_audit_compute_hash (prev, seq,
                                         (const char *) sqlite3_column_text (stmt, 1),
                                         (const char *) sqlite3_column_text (stmt, 2),
                                         (const char *) sqlite3_column_text (stmt, 3),
                                         (const char *) sqlite3_column_text (stmt, 4),
                                         (const char *) sqlite3_column_text (stmt, 5),
                                         (const char *) sqlite3_column_text (stmt, 6),
                                         (const char *) sqlite3_column_text (stmt, 7));
      result->n_checked++;
      if (result->first_broken == 0 &&
          (seq != expected || g_strcmp0 ((const char *) sqlite3_column_text (stmt, 8), prev) != 0 ||
           g_strcmp0 (hash, computed) != 0))
        result->first_broken = seq;
      if (seq == head_seq)
        result->head_matches = g_strcmp0 (hash, head_hash) == 0;
      g_free (prev);
      prev = g_strdup (hash);
      expected = seq + 1;
    }
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

/**
 * hmr_store_sync_verify_origins:
 *
 * At HQ: checks the audit chain of every office installation, as received,
 * against itself and against the last chain head the installation
 * reported.  An office whose log was cut or rewritten is named here.
 *
 * Returns: (transfer full) (element-type HmrOriginAudit): one per
 *   installation that sent audit rows
 */
GPtrArray *
hmr_store_sync_verify_origins (HmrStore       *self,
                               const HmrActor *actor,
                               GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_origin_audit_free);
  int rc;

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_AUDIT_VERIFY, NULL, error))
    return NULL;
  stmt = hmr_store_prepare (self,
                            "SELECT p.id, coalesce (o.code, 'HQ'), p.audit_head_seq, p.audit_head_hash "
                            "FROM sync_peer p LEFT JOIN office o ON o.id = p.office_id "
                            "WHERE p.audit_head_seq IS NOT NULL OR EXISTS (SELECT 1 FROM audit_received a "
                            "WHERE a.origin = p.id) ORDER BY o.code, p.id",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HmrOriginAudit *a = g_new0 (HmrOriginAudit, 1);

      a->origin = hmr_column_dup_text (stmt, 0);
      a->office_code = hmr_column_dup_text (stmt, 1);
      g_ptr_array_add (out, a);
      if (!verify_origin (self, a, sqlite3_column_int64 (stmt, 2), (const char *) sqlite3_column_text (stmt, 3),
                          error))
        return NULL;
    }
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

/**
 * hmr_store_sync_list_programme_offices:
 *
 * The codes of the district offices of the programme's regions (Khatlon
 * and GBAO): one installation each in the demo.
 *
 * Returns: (transfer full) (element-type utf8): the codes, in order
 */
GPtrArray *
hmr_store_sync_list_programme_offices (HmrStore  *self,
                                       GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  int rc;

  stmt = hmr_store_prepare (self,
                            "SELECT code FROM office WHERE region IN ('khatlon', 'gbao') AND deleted_at IS NULL "
                            "ORDER BY code",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, hmr_column_dup_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}
