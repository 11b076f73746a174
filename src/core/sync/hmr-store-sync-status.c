/* hmr-store-sync-status.c — what the Sync area shows: the installations
 * this one exchanges bundles with and when, and a conflict in the words a
 * supervisor reviews it in (the value in force, who wrote each value,
 * where and when)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hmr-sync-private.h"

void
hmr_sync_peer_free (HmrSyncPeer *peer)
{
  if (peer == NULL)
    return;
  g_free (peer->id);
  g_free (peer->office_code);
  g_free (peer->office_name);
  g_free (peer->office_district);
  g_free (peer->last_sent_at);
  g_free (peer->last_received_at);
  g_free (peer);
}

/**
 * hmr_store_sync_list_peers:
 *
 * Returns: (transfer full) (element-type HmrSyncPeer): HQ first, then the
 *   office installations by office code; %NULL on error
 */
GPtrArray *
hmr_store_sync_list_peers (HmrStore       *self,
                           const HmrActor *actor,
                           GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_sync_peer_free);
  int rc;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_SYNC, NULL, error))
    return NULL;
  stmt = hmr_store_prepare (self,
                            "SELECT p.id, p.role, coalesce (o.code, 'HQ'), o.name, p.last_bundle_sent, "
                            "p.last_sent_at, p.last_bundle_received, p.last_received_at, o.district "
                            "FROM sync_peer p LEFT JOIN office o ON o.id = p.office_id "
                            "ORDER BY p.role = 'office', o.code, p.enrolled_at, p.id",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HmrSyncPeer *p = g_new0 (HmrSyncPeer, 1);

      p->id = hmr_column_dup_text (stmt, 0);
      p->role = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "hq") == 0 ? HMR_INSTALLATION_HQ
                                                                                    : HMR_INSTALLATION_OFFICE;
      p->office_code = hmr_column_dup_text (stmt, 2);
      p->office_name = hmr_column_dup_text (stmt, 3);
      p->last_bundle_sent = sqlite3_column_int64 (stmt, 4);
      p->last_sent_at = hmr_column_dup_text (stmt, 5);
      p->last_bundle_received = sqlite3_column_int64 (stmt, 6);
      p->last_received_at = hmr_column_dup_text (stmt, 7);
      p->office_district = hmr_column_dup_text (stmt, 8);
      g_ptr_array_add (out, p);
    }
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

static char *
office_code_of_installation (HmrStore   *self,
                             const char *installation_id)
{
  HmrSyncState *state = hmr_store_sync_state (self);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (installation_id == NULL || state->role == HMR_INSTALLATION_NONE)
    return NULL;
  if (g_strcmp0 (installation_id, state->installation_id) == 0)
    {
      if (state->role == HMR_INSTALLATION_HQ)
        return g_strdup ("HQ");
      stmt = hmr_store_prepare (self, "SELECT code FROM office WHERE id = ?1", NULL);
      if (stmt == NULL)
        return NULL;
      hmr_bind_text (stmt, 1, state->office_id);
    }
  else
    {
      stmt = hmr_store_prepare (self,
                                "SELECT coalesce (o.code, 'HQ') FROM sync_peer p "
                                "LEFT JOIN office o ON o.id = p.office_id WHERE p.id = ?1",
                                NULL);
      if (stmt == NULL)
        return NULL;
      hmr_bind_text (stmt, 1, installation_id);
    }
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return hmr_column_dup_text (stmt, 0);
  return NULL;
}

/**
 * hmr_store_sync_dup_office_code:
 *
 * Returns: (nullable): this installation's office code, "HQ" at the hub,
 *   %NULL in a database that is neither
 */
char *
hmr_store_sync_dup_office_code (HmrStore *self)
{
  HmrSyncState *state;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  state = hmr_store_sync_state (self);
  return office_code_of_installation (self, state->installation_id);
}

gboolean
hmr_store_sync_count_open_conflicts (HmrStore       *self,
                                     const HmrActor *actor,
                                     guint          *n_open,
                                     GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  *n_open = 0;
  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_SYNC_CONFLICTS, NULL, error))
    return FALSE;
  stmt = hmr_store_prepare (self, "SELECT count (*) FROM sync_conflict WHERE status = 'open'", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return hmr_store_set_sqlite_error (self, rc, error);
  *n_open = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/* The last audit row written at @origin about the record before @before:
 * who made the edit there, and when */
static gboolean
find_writer (HmrStore    *self,
             const char  *origin,
             const char  *record_id,
             const char  *before,
             char       **who,
             char       **when,
             GError     **error)
{
  HmrSyncState *state = hmr_store_sync_state (self);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (g_strcmp0 (origin, state->installation_id) == 0)
    stmt = hmr_store_prepare (self,
                              "SELECT username, at FROM audit_log WHERE entity_id = ?2 AND at <= ?3 "
                              "AND action NOT IN ('view', 'export', 'print') ORDER BY seq DESC LIMIT 1",
                              error);
  else
    stmt = hmr_store_prepare (self,
                              "SELECT username, at FROM audit_received WHERE origin = ?1 AND entity_id = ?2 "
                              "AND at <= ?3 AND action NOT IN ('view', 'export', 'print') "
                              "ORDER BY seq DESC LIMIT 1",
                              error);
  if (stmt == NULL)
    return FALSE;
  if (g_strcmp0 (origin, state->installation_id) != 0)
    hmr_bind_text (stmt, 1, origin);
  hmr_bind_text (stmt, 2, record_id);
  hmr_bind_text (stmt, 3, before);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *who = hmr_column_dup_text (stmt, 0);
      g_free (*when);
      *when = hmr_column_dup_text (stmt, 1);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

/* A stamp is "timestamp/counter/installation" (hmr_sync_stamp_new) */
static gboolean
describe_stamp (HmrStore         *self,
                HmrSyncConflict  *c,
                const char       *stamp,
                const char       *fallback_origin,
                char            **office,
                char            **by,
                char            **at,
                GError          **error)
{
  g_auto(GStrv) parts = NULL;
  const char *origin = fallback_origin;

  if (stamp != NULL && stamp[0] != '\0')
    {
      parts = g_strsplit (stamp, "/", 3);
      if (g_strv_length (parts) == 3)
        {
          *at = g_strdup (parts[0]);
          origin = parts[2];
        }
    }
  if (origin == NULL)
    return TRUE;
  *office = office_code_of_installation (self, origin);
  return find_writer (self, origin, c->record_id, c->detected_at, by, at, error);
}

static gboolean
read_current (HmrStore         *self,
              HmrSyncConflict  *c,
              GError          **error)
{
  const HmrSyncColumns *info;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  gboolean known = FALSE;
  gboolean has_beneficiary = FALSE;
  int rc;

  if (hmr_sync_table_lookup (c->table) == NULL)
    return TRUE;
  info = hmr_store_sync_columns (self, c->table, error);
  if (info == NULL)
    return FALSE;
  for (guint i = 0; i < info->n; i++)
    {
      known |= g_str_equal (info->names[i], c->column);
      has_beneficiary |= g_str_equal (info->names[i], "beneficiary_id");
    }
  if (g_str_equal (c->table, "beneficiary"))
    c->beneficiary_id = g_strdup (c->record_id);
  else if (has_beneficiary)
    {
      g_autoptr(sqlite3_stmt) owner = NULL;
      g_autofree char *owner_sql = g_strdup_printf ("SELECT beneficiary_id FROM %s WHERE id = ?1", c->table);

      owner = hmr_store_prepare (self, owner_sql, error);
      if (owner == NULL)
        return FALSE;
      hmr_bind_text (owner, 1, c->record_id);
      rc = sqlite3_step (owner);
      if (rc == SQLITE_ROW)
        c->beneficiary_id = hmr_column_dup_text (owner, 0);
      else if (rc != SQLITE_DONE)
        return hmr_store_set_sqlite_error (self, rc, error);
    }
  if (!known)
    return TRUE;   /* "*": the whole record */
  /* The names come from this database's own catalogue */
  sql = g_strdup_printf ("SELECT CAST (%s AS TEXT) FROM %s WHERE id = ?1", c->column, c->table);
  stmt = hmr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, c->record_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    c->current = hmr_column_dup_text (stmt, 0);
  else if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

gboolean
hmr_store_sync_describe_conflict (HmrStore         *self,
                                  HmrSyncConflict  *c,
                                  const char       *kept_stamp,
                                  const char       *lost_stamp,
                                  GError          **error)
{
  HmrSyncState *state = hmr_store_sync_state (self);

  if (!read_current (self, c, error))
    return FALSE;
  /* A value without a stamp was never edited since the record was made:
   * the one kept here, as this installation has it */
  if (!describe_stamp (self, c, kept_stamp, state->installation_id, &c->kept_office, &c->kept_by, &c->kept_at,
                       error))
    return FALSE;
  return describe_stamp (self, c, lost_stamp, c->lost_origin, &c->lost_office, &c->lost_by, &c->lost_at, error);
}

void
hmr_sync_office_free (HmrSyncOffice *office)
{
  if (office == NULL)
    return;
  g_free (office->code);
  g_free (office->name);
  g_free (office->district);
  g_free (office->users);
  g_free (office);
}

/**
 * hmr_store_sync_list_offices:
 *
 * For the administrator who enrols an office.
 *
 * Returns: (transfer full) (element-type HmrSyncOffice): by code
 */
GPtrArray *
hmr_store_sync_list_offices (HmrStore       *self,
                             const HmrActor *actor,
                             GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_sync_office_free);
  int rc;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_SYNC_ENROL, NULL, error))
    return NULL;
  stmt = hmr_store_prepare (self,
                            "SELECT o.code, o.name, "
                            "(SELECT group_concat (full_name, ', ') FROM (SELECT full_name FROM app_user u "
                            "  WHERE (u.office_id = o.id OR u.office_id IS NULL) AND u.active = 1 "
                            "  AND u.deleted_at IS NULL ORDER BY u.office_id IS NULL, u.full_name)), "
                            "(SELECT count (*) FROM sync_peer p WHERE p.office_id = o.id), o.district "
                            "FROM office o WHERE o.deleted_at IS NULL ORDER BY o.code",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HmrSyncOffice *o = g_new0 (HmrSyncOffice, 1);

      o->code = hmr_column_dup_text (stmt, 0);
      o->name = hmr_column_dup_text (stmt, 1);
      o->users = hmr_column_dup_text (stmt, 2);
      o->n_installations = sqlite3_column_int (stmt, 3);
      o->district = hmr_column_dup_text (stmt, 4);
      g_ptr_array_add (out, o);
    }
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}
