/* hmr-store-audit.c — the audit log: its hash chain, appending a row,
 * reading and verifying the log; the before/after JSON of a change
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-people.h"
#include "hmr-store-private.h"

/* The prev_hash of the first row: a chain has to start from something */
#define GENESIS_HASH "0000000000000000000000000000000000000000000000000000000000000000"

/* ---- audit ------------------------------------------------------------ */

char *
hmr_audit_compute_hash (const char *prev_hash,
                        gint64      seq,
                        const char *at,
                        const char *user_id,
                        const char *username,
                        const char *action,
                        const char *entity,
                        const char *entity_id,
                        const char *changes)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  char seqbuf[32];
  const char *parts[9];

  g_snprintf (seqbuf, sizeof seqbuf, "%" G_GINT64_FORMAT, seq);
  parts[0] = prev_hash; parts[1] = seqbuf; parts[2] = at; parts[3] = user_id;
  parts[4] = username; parts[5] = action; parts[6] = entity; parts[7] = entity_id;
  parts[8] = changes;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      /* length-prefixed so that no two rows can hash alike by moving text
       * from one field to the next; NULL differs from empty */
      char len[32];
      if (parts[i] == NULL)
        g_snprintf (len, sizeof len, "-;");
      else
        g_snprintf (len, sizeof len, "%zu;", strlen (parts[i]));
      g_checksum_update (sum, (const guchar *) len, -1);
      if (parts[i] != NULL)
        g_checksum_update (sum, (const guchar *) parts[i], -1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

gboolean
hmr_store_audit_append (HmrStore       *self,
                        const HmrActor *actor,
                        const char     *action,
                        const char     *entity,
                        const char     *entity_id,
                        const char     *changes_json,
                        GError        **error)
{
  g_autoptr(sqlite3_stmt) last = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autofree char *prev_hash = NULL;
  g_autofree char *at = NULL;
  g_autofree char *hash = NULL;
  gint64 seq = 1;
  int rc;

  g_return_val_if_fail (actor != NULL, FALSE);
  g_return_val_if_fail (!sqlite3_get_autocommit (self->db), FALSE);

  last = hmr_store_prepare (self, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", error);
  if (last == NULL)
    return FALSE;
  rc = sqlite3_step (last);
  if (rc == SQLITE_ROW)
    {
      seq = sqlite3_column_int64 (last, 0) + 1;
      prev_hash = hmr_column_dup_text (last, 1);
    }
  else if (rc == SQLITE_DONE)
    prev_hash = g_strdup (GENESIS_HASH);
  else
    return hmr_store_set_sqlite_error (self, rc, error);

  at = hmr_store_dup_timestamp (self);
  hash = hmr_audit_compute_hash (prev_hash, seq, at, actor->user_id, actor->username,
                                 action, entity, entity_id, changes_json);

  insert = hmr_store_prepare (self,
                              "INSERT INTO audit_log (seq, at, user_id, username, action, entity, "
                              "entity_id, changes, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)",
                              error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, seq);
  hmr_bind_text (insert, 2, at);
  hmr_bind_text (insert, 3, actor->user_id);
  hmr_bind_text (insert, 4, actor->username);
  hmr_bind_text (insert, 5, action);
  hmr_bind_text (insert, 6, entity);
  hmr_bind_text (insert, 7, entity_id);
  hmr_bind_text (insert, 8, changes_json);
  hmr_bind_text (insert, 9, prev_hash);
  hmr_bind_text (insert, 10, hash);
  rc = sqlite3_step (insert);
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  self->n_audit_rows++;
  hmr_store_note_change (self, action, entity, entity_id);
  self->pending_seq = seq;
  g_free (self->pending_hash);
  self->pending_hash = g_steal_pointer (&hash);
  return TRUE;
}

/**
 * hmr_store_audit_event:
 * @detail: (nullable): a short note, stored as {"detail": …}
 *
 * Records something that changed no record but must leave a trace: an
 * export, a printout, an opened sensitive record.
 */
static gboolean
note_detail (HmrStore       *self,
             const HmrActor *actor,
             HmrAuditRow    *audit,
             gpointer        detail,
             GError        **error)
{
  hmr_changes_add (audit->changes, "detail", NULL, detail);
  return TRUE;
}

gboolean
hmr_store_audit_event (HmrStore       *self,
                       const HmrActor *actor,
                       const char     *action,
                       const char     *entity,
                       const char     *entity_id,
                       const char     *detail,
                       GError        **error)
{
  if (!hmr_store_check_actor (self, actor, error))
    return FALSE;
  return hmr_store_write (self, actor, action, entity, entity_id, note_detail, (gpointer) detail, error);
}

void
hmr_audit_entry_free (HmrAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->user_id);
  g_free (entry->username);
  g_free (entry->action);
  g_free (entry->entity);
  g_free (entry->entity_id);
  g_free (entry->changes);
  g_free (entry);
}

/* The rows of @stmt, which selects seq, at, user_id, username, action,
 * entity, entity_id and changes: for every reader of the audit log */
GPtrArray *
hmr_store_read_audit_entries (HmrStore      *self,
                              sqlite3_stmt  *stmt,
                              GError       **error)
{
  g_autoptr(GPtrArray) out = NULL;
  int rc;

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_audit_entry_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HmrAuditEntry *e = g_new0 (HmrAuditEntry, 1);
      e->seq = sqlite3_column_int64 (stmt, 0);
      e->at = hmr_column_dup_text (stmt, 1);
      e->user_id = hmr_column_dup_text (stmt, 2);
      e->username = hmr_column_dup_text (stmt, 3);
      e->action = hmr_column_dup_text (stmt, 4);
      e->entity = hmr_column_dup_text (stmt, 5);
      e->entity_id = hmr_column_dup_text (stmt, 6);
      e->changes = hmr_column_dup_text (stmt, 7);
      g_ptr_array_add (out, e);
    }
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

GPtrArray *
hmr_store_list_audit (HmrStore       *self,
                      const HmrActor *actor,
                      const char     *entity,
                      const char     *entity_id,
                      GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_AUDIT_READ, NULL, error))
    return NULL;

  stmt = hmr_store_prepare (self,
                            "SELECT seq, at, user_id, username, action, entity, entity_id, changes "
                            "FROM audit_log WHERE (?1 IS NULL OR entity = ?1) "
                            "AND (?2 IS NULL OR entity_id = ?2) ORDER BY seq",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, entity);
  hmr_bind_text (stmt, 2, entity_id);

  return hmr_store_read_audit_entries (self, stmt, error);
}

/**
 * hmr_store_search_audit:
 *
 * The trail filtered by @query, newest first, at most 1000 rows unless
 * @query says otherwise.  The query's days are the office's local days.
 *
 * This is the Audit page's paged search from its first page: one query
 * and one reading of the days, so that the two can never disagree about
 * what "from 2 December" means in Dushanbe.
 */
GPtrArray *
hmr_store_search_audit (HmrStore            *self,
                        const HmrActor      *actor,
                        const HmrAuditQuery *query,
                        GError             **error)
{
  HmrAuditQuery q;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  q = *query;
  if (q.limit == 0)
    q.limit = 1000;
  return hmr_store_search_audit_page (self, actor, &q, 0, error);
}

/* The walk itself, for hmr_store_verify_audit() and for a restored
 * backup (no user yet): @head_seq and @head_hash, when given, get the last
 * row's */
gboolean
hmr_store_verify_audit_chain (HmrStore  *self,
                              gint64    *n_checked,
                              gint64    *first_broken,
                              gint64    *head_seq,
                              char     **head_hash,
                              GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *prev = g_strdup (GENESIS_HASH);
  gint64 expected_seq = 1;
  g_autofree char *anchor_hash = NULL;
  gint64 checked = 0;
  gint64 broken = 0;
  gint64 anchor_seq = 0;
  HmrAnchorState anchor;
  int rc;

  /* the head the chain must reach, kept outside the database */
  anchor = hmr_store_read_anchor (self, &anchor_seq, &anchor_hash, error);
  if (anchor == HMR_ANCHOR_BAD)
    return FALSE;

  stmt = hmr_store_prepare (self,
                            "SELECT seq, at, user_id, username, action, entity, entity_id, "
                            "changes, prev_hash, hash FROM audit_log ORDER BY rowid",
                            error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      const char *prev_hash = (const char *) sqlite3_column_text (stmt, 8);
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
      checked++;
      if (seq != expected_seq || g_strcmp0 (prev_hash, prev) != 0 ||
          g_strcmp0 (hash, computed) != 0)
        {
          broken = seq;
          break;
        }
      /* a chain rewritten with recomputed hashes holds together, but not
       * at the anchored row */
      if (anchor == HMR_ANCHOR_VALID && seq == anchor_seq && g_strcmp0 (hash, anchor_hash) != 0)
        {
          broken = seq;
          break;
        }
      g_free (prev);
      prev = g_strdup (hash);
      expected_seq++;
    }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  /* rows removed from the end, or the whole log wiped: the chain stops
   * before the anchored row; the first row missing is named */
  if (broken == 0 && anchor == HMR_ANCHOR_VALID && expected_seq <= anchor_seq)
    broken = expected_seq;

  if (head_seq)
    *head_seq = expected_seq - 1;
  if (head_hash)
    *head_hash = broken == 0 && expected_seq > 1 ? g_strdup (prev) : NULL;
  if (n_checked)
    *n_checked = checked;
  if (first_broken)
    *first_broken = broken;
  return TRUE;
}

/**
 * hmr_store_verify_audit:
 * @first_broken: (out): the sequence number of the first row whose hash or
 *   link does not hold, or that is missing before the anchored head (see
 *   hmr-store-anchor.c), 0 when the chain is intact
 *
 * An anchor that was altered, or whose key is missing, is an error: the
 * chain cannot be trusted then.
 *
 * Returns: %TRUE when the chain was checked (look at @first_broken),
 *   %FALSE with @error when it could not be checked at all.
 */
gboolean
hmr_store_verify_audit (HmrStore       *self,
                        const HmrActor *actor,
                        gint64         *n_checked,
                        gint64         *first_broken,
                        GError        **error)
{
  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_AUDIT_VERIFY, NULL, error))
    return FALSE;
  return hmr_store_verify_audit_chain (self, n_checked, first_broken, NULL, NULL, error);
}

/* ---- changes as JSON -------------------------------------------------- */

struct _HmrChanges
{
  GString *json;
  guint    n;
};

void
hmr_json_append_string (GString    *out,
                        const char *value)
{
  if (value == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p; p++)
    {
      guchar c = *p;
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

HmrChanges *
hmr_changes_new (void)
{
  HmrChanges *c = g_new0 (HmrChanges, 1);
  c->json = g_string_new ("{");
  return c;
}

void
hmr_changes_add (HmrChanges *changes,
                 const char *field,
                 const char *before,
                 const char *after)
{
  if (g_strcmp0 (before, after) == 0)
    return;
  if (changes->n++ > 0)
    g_string_append_c (changes->json, ',');
  hmr_json_append_string (changes->json, field);
  g_string_append (changes->json, ":{\"before\":");
  hmr_json_append_string (changes->json, before);
  g_string_append (changes->json, ",\"after\":");
  hmr_json_append_string (changes->json, after);
  g_string_append_c (changes->json, '}');
}

gboolean
hmr_changes_is_empty (HmrChanges *changes)
{
  return changes->n == 0;
}

char *
hmr_changes_free_to_json (HmrChanges *changes)
{
  char *out;

  g_string_append_c (changes->json, '}');
  out = g_string_free (changes->json, FALSE);
  g_free (changes);
  return out;
}

void
hmr_changes_free (HmrChanges *changes)
{
  if (changes == NULL)
    return;
  g_string_free (changes->json, TRUE);
  g_free (changes);
}
