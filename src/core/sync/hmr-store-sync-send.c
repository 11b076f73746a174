/* hmr-store-sync-send.c — writing what each other installation has not
 * acknowledged into one bundle for it
 *
 * An office sends HQ its own changes and its audit rows; HQ sends each
 * office installation the reference data and the changes to that office's
 * records, its own and those received from the office's other laptops.
 * Every bundle repeats what the receiver has not acknowledged yet, so a
 * lost bundle is made good by the next one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hmr-sync-bundle.h"

void
hmr_sync_sent_free (HmrSyncSent *sent)
{
  if (sent == NULL)
    return;
  g_free (sent->file);
  g_free (sent->peer);
  g_free (sent->peer_office);
  g_free (sent);
}

typedef struct
{
  char    *id;
  char    *office_id;
  char    *office_code;
  GBytes  *box_pk;
  gint64   last_bundle_sent;
  gint64   acked_seq;
  gint64   applied_seq;
  gint64   ack_told;
  gint64   audit_acked;
  gint64   audit_received;
  gint64   audit_ack_told;
} Peer;

static void
peer_free (Peer *peer)
{
  g_free (peer->id);
  g_free (peer->office_id);
  g_free (peer->office_code);
  g_clear_pointer (&peer->box_pk, g_bytes_unref);
  g_free (peer);
}

static GPtrArray *
list_peers (HmrStore  *self,
            GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) peers = g_ptr_array_new_with_free_func ((GDestroyNotify) peer_free);
  int rc;

  stmt = hmr_store_prepare (self,
                            "SELECT p.id, p.office_id, coalesce (o.code, 'HQ'), p.box_pk, p.last_bundle_sent, "
                            "p.acked_seq, p.applied_seq, p.ack_told, p.audit_acked, p.audit_received, p.audit_ack_told "
                            "FROM sync_peer p LEFT JOIN office o ON o.id = p.office_id ORDER BY o.code, p.id",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Peer *p = g_new0 (Peer, 1);

      p->id = hmr_column_dup_text (stmt, 0);
      p->office_id = hmr_column_dup_text (stmt, 1);
      p->office_code = hmr_column_dup_text (stmt, 2);
      if (sqlite3_column_bytes (stmt, 3) == crypto_box_PUBLICKEYBYTES)
        p->box_pk = g_bytes_new (sqlite3_column_blob (stmt, 3), crypto_box_PUBLICKEYBYTES);
      p->last_bundle_sent = sqlite3_column_int64 (stmt, 4);
      p->acked_seq = sqlite3_column_int64 (stmt, 5);
      p->applied_seq = sqlite3_column_int64 (stmt, 6);
      p->ack_told = sqlite3_column_int64 (stmt, 7);
      p->audit_acked = sqlite3_column_int64 (stmt, 8);
      p->audit_received = sqlite3_column_int64 (stmt, 9);
      p->audit_ack_told = sqlite3_column_int64 (stmt, 10);
      g_ptr_array_add (peers, p);
    }
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&peers);
}

static gboolean
read_int (HmrStore    *self,
          const char  *sql,
          gint64      *out,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = hmr_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return hmr_store_set_sqlite_error (self, rc, error);
  *out = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* The changes @peer has not acknowledged and is meant to hold */
static GVariant *
collect_changes (HmrStore      *self,
                 HmrSyncState  *state,
                 Peer          *peer,
                 guint         *n_changes,
                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GVariantBuilder changes;
  int rc;

  stmt = hmr_store_prepare (self,
                            "SELECT seq, origin, stamp, tbl, op, pk, cols FROM sync_outbox "
                            "WHERE seq > ?1 AND (?2 OR (origin <> ?3 AND (route IS NULL OR route = ?4))) "
                            "ORDER BY seq",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, peer->acked_seq);
  sqlite3_bind_int (stmt, 2, state->role == HMR_INSTALLATION_OFFICE);
  hmr_bind_text (stmt, 3, peer->id);
  hmr_bind_text (stmt, 4, peer->office_id);

  *n_changes = 0;
  g_variant_builder_init (&changes, G_VARIANT_TYPE ("a" HMR_SYNC_CHANGE_TYPE));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GBytes) blob = g_bytes_new (sqlite3_column_blob (stmt, 6), sqlite3_column_bytes (stmt, 6));
      GVariant *cols = g_variant_new_from_bytes (G_VARIANT_TYPE (HMR_SYNC_COLS_TYPE), blob, TRUE);

      g_variant_builder_add (&changes, "(tsssys@a(smvmv))",
                             (guint64) sqlite3_column_int64 (stmt, 0),
                             (const char *) sqlite3_column_text (stmt, 1),
                             (const char *) sqlite3_column_text (stmt, 2),
                             (const char *) sqlite3_column_text (stmt, 3),
                             (guchar) sqlite3_column_int (stmt, 4),
                             (const char *) sqlite3_column_text (stmt, 5),
                             cols);
      (*n_changes)++;
    }
  if (rc != SQLITE_DONE)
    {
      g_variant_builder_clear (&changes);
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_variant_builder_end (&changes);
}

/* An office's audit rows HQ does not hold yet, and its chain head */
static gboolean
collect_audit (HmrStore      *self,
               Peer          *peer,
               gboolean       send_rows,
               GVariant     **rows,
               GVariant     **head,
               guint         *n_rows,
               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GVariantBuilder b;
  gint64 head_seq = 0;
  g_autofree char *head_hash = g_strdup ("");
  int rc;

  *n_rows = 0;
  g_variant_builder_init (&b, G_VARIANT_TYPE ("a" HMR_SYNC_AUDIT_TYPE));
  if (send_rows)
    {
      stmt = hmr_store_prepare (self,
                                "SELECT seq, at, user_id, username, action, entity, entity_id, changes, "
                                "prev_hash, hash FROM audit_log WHERE seq > ?1 ORDER BY seq",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, peer->audit_acked);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_variant_builder_add (&b, HMR_SYNC_AUDIT_TYPE,
                                 (guint64) sqlite3_column_int64 (stmt, 0),
                                 (const char *) sqlite3_column_text (stmt, 1),
                                 (const char *) sqlite3_column_text (stmt, 2),
                                 (const char *) sqlite3_column_text (stmt, 3),
                                 (const char *) sqlite3_column_text (stmt, 4),
                                 (const char *) sqlite3_column_text (stmt, 5),
                                 (const char *) sqlite3_column_text (stmt, 6),
                                 (const char *) sqlite3_column_text (stmt, 7),
                                 (const char *) sqlite3_column_text (stmt, 8),
                                 (const char *) sqlite3_column_text (stmt, 9));
          head_seq = sqlite3_column_int64 (stmt, 0);
          g_free (head_hash);
          head_hash = hmr_column_dup_text (stmt, 9);
          (*n_rows)++;
        }
      if (rc != SQLITE_DONE)
        {
          g_variant_builder_clear (&b);
          return hmr_store_set_sqlite_error (self, rc, error);
        }
    }
  *rows = g_variant_builder_end (&b);
  *head = g_variant_new ("(ts)", (guint64) head_seq, head_hash);
  return TRUE;
}

static GVariant *
intro_header (HmrStore      *self,
              HmrSyncState  *state,
              HmrSyncKeys   *keys,
              Peer          *peer,
              guint64        number,
              GError       **error)
{
  g_autofree char *now = hmr_store_dup_timestamp (self);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guchar mac[crypto_auth_BYTES];
  gsize n_mac = 0, n_keys = 0;

  /* An office introduces its keys to HQ with the secret of its enrolment
   * file, in every bundle: HQ uses it until it has the keys */
  if (state->role == HMR_INSTALLATION_OFFICE)
    {
      int rc;

      stmt = hmr_store_prepare (self, "SELECT enrol_secret FROM sync_peer WHERE id = ?1", error);
      if (stmt == NULL)
        return NULL;
      hmr_bind_text (stmt, 1, peer->id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW && sqlite3_column_bytes (stmt, 0) == crypto_auth_KEYBYTES)
        {
          g_autoptr(GByteArray) msg = g_byte_array_new ();

          g_byte_array_append (msg, (const guint8 *) state->installation_id, strlen (state->installation_id));
          g_byte_array_append (msg, keys->sign_pk, sizeof keys->sign_pk);
          g_byte_array_append (msg, keys->box_pk, sizeof keys->box_pk);
          crypto_auth (mac, msg->data, msg->len, sqlite3_column_blob (stmt, 0));
          n_mac = sizeof mac;
          n_keys = 1;
        }
      else if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          hmr_store_set_sqlite_error (self, rc, error);
          return NULL;
        }
    }
  return g_variant_new ("(usstis@ay@ay@ay)", HMR_SYNC_BUNDLE_VERSION, state->installation_id, peer->id,
                        number, self->schema_version, now,
                        g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, keys->sign_pk, n_keys * sizeof keys->sign_pk, 1),
                        g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, keys->box_pk, n_keys * sizeof keys->box_pk, 1),
                        g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, mac, n_mac, 1));
}

char *
hmr_sync_bundle_file_name (const char *to,
                           const char *from,
                           guint64     number)
{
  return g_strdup_printf ("to-%s-from-%s-%08" G_GUINT64_FORMAT HMR_SYNC_BUNDLE_SUFFIX, to, from, number);
}

/* One peer: the bundle, or nothing when there is nothing to tell it */
static HmrSyncSent *
send_to_peer (HmrStore      *self,
              HmrSyncState  *state,
              HmrSyncKeys   *keys,
              Peer          *peer,
              gint64         hi,
              const char    *dir,
              GError       **error)
{
  g_autoptr(GVariant) changes = NULL;
  g_autoptr(GVariant) audit_rows = NULL;
  g_autoptr(GVariant) head = NULL;
  g_autoptr(GVariant) header = NULL;
  g_autoptr(GVariant) payload = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(HmrSyncSent) sent = g_new0 (HmrSyncSent, 1);
  g_autofree char *name = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);
  guint n_changes = 0, n_audit = 0;
  int rc;

  changes = collect_changes (self, state, peer, &n_changes, error);
  if (changes == NULL)
    return NULL;
  g_variant_ref_sink (changes);
  if (!collect_audit (self, peer, state->role == HMR_INSTALLATION_OFFICE, &audit_rows, &head, &n_audit, error))
    return NULL;
  g_variant_ref_sink (audit_rows);
  g_variant_ref_sink (head);
  if (n_changes == 0 && n_audit == 0 && peer->applied_seq == peer->ack_told &&
      peer->audit_received == peer->audit_ack_told)
    return g_steal_pointer (&sent);   /* nothing: no file */

  sent->number = peer->last_bundle_sent + 1;
  header = g_variant_ref_sink (intro_header (self, state, keys, peer, sent->number, error));
  if (header == NULL)
    return NULL;
  payload = g_variant_ref_sink (g_variant_new ("(ttt@a" HMR_SYNC_CHANGE_TYPE "t@a" HMR_SYNC_AUDIT_TYPE "@(ts)t)",
                                               (guint64) peer->applied_seq, (guint64) peer->acked_seq,
                                               (guint64) MAX (hi, peer->acked_seq), changes,
                                               (guint64) peer->audit_acked, audit_rows, head,
                                               (guint64) peer->audit_received));
  file = hmr_sync_bundle_seal (keys, g_bytes_get_data (peer->box_pk, NULL), header, payload, error);
  if (file == NULL)
    return NULL;

  stmt = hmr_store_prepare (self,
                            "UPDATE sync_peer SET last_bundle_sent = ?2, ack_told = ?3, audit_ack_told = ?4, "
                            "last_sent_at = ?5 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, peer->id);
  sqlite3_bind_int64 (stmt, 2, sent->number);
  sqlite3_bind_int64 (stmt, 3, peer->applied_seq);
  sqlite3_bind_int64 (stmt, 4, peer->audit_received);
  hmr_bind_text (stmt, 5, now);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }

  name = hmr_sync_bundle_file_name (peer->id, state->installation_id, sent->number);
  sent->file = g_build_filename (dir, name, NULL);
  if (!hmr_sync_write_file (sent->file, file, error))
    return NULL;
  sent->peer = g_strdup (peer->id);
  sent->peer_office = g_strdup (peer->office_code);
  sent->n_changes = n_changes;
  sent->n_audit_rows = n_audit;
  return g_steal_pointer (&sent);
}

/**
 * hmr_store_sync_send:
 * @dir: the folder bundles travel through (a USB stick, a share, a
 *   folder Syncthing keeps in step)
 *
 * Writes one bundle for each installation that has something to receive
 * from this one.
 *
 * Returns: (transfer full) (element-type HmrSyncSent): the bundles
 *   written, none when there was nothing to send; %NULL on error
 */
GPtrArray *
hmr_store_sync_send (HmrStore       *self,
                     const HmrActor *actor,
                     const char     *dir,
                     GError        **error)
{
  return hmr_store_sync_send_full (self, actor, dir, NULL, NULL, NULL, error);
}

/**
 * hmr_store_sync_send_full:
 * @progress: (nullable): called before each installation's bundle is
 *   written, in the calling thread
 * @cancellable: (nullable): checked between installations; a cancelled
 *   send writes down nothing as sent (files already written are sent again)
 *
 * hmr_store_sync_send(), for a thread with progress and Cancel.
 */
GPtrArray *
hmr_store_sync_send_full (HmrStore            *self,
                          const HmrActor      *actor,
                          const char          *dir,
                          HmrSyncProgressFunc  progress,
                          gpointer             user_data,
                          GCancellable        *cancellable,
                          GError             **error)
{
  HmrSyncState *state;
  g_autoptr(HmrSyncKeys) keys = NULL;
  g_autoptr(GPtrArray) peers = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_sync_sent_free);
  gint64 hi = 0;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_SYNC, NULL, error))
    return NULL;
  state = hmr_store_sync_state (self);
  if (state->role == HMR_INSTALLATION_NONE)
    {
      g_set_error (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_NOT_ENROLLED,
                   _("This database is neither the HQ hub nor an enrolled office: it has nobody to send to."));
      return NULL;
    }
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The folder “%s” does not exist."), dir);
      return NULL;
    }
  keys = hmr_sync_keys_load (self->path, state->installation_id, error);
  if (keys == NULL)
    return NULL;

  /* The bookkeeping of what was sent is no record of anyone's: it leaves
   * no audit row (a row would itself be something to send) */
  if (!hmr_store_begin (self, error))
    return NULL;
  peers = list_peers (self, error);
  if (peers == NULL || !read_int (self, "SELECT coalesce (max (seq), 0) FROM sync_outbox", &hi, error))
    goto fail;
  for (guint i = 0; i < peers->len; i++)
    {
      Peer *peer = g_ptr_array_index (peers, i);
      HmrSyncSent *sent;

      if (peer->box_pk == NULL)
        continue;   /* enrolled, its first bundle not received yet */
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto fail;
      if (progress != NULL)
        progress (i, peers->len, user_data);
      sent = send_to_peer (self, state, keys, peer, hi, dir, error);
      if (sent == NULL)
        goto fail;
      if (sent->file == NULL)
        hmr_sync_sent_free (sent);
      else
        g_ptr_array_add (out, sent);
    }
  if (!hmr_store_commit (self, error))
    goto fail_committed;
  return g_steal_pointer (&out);

fail:
  hmr_store_rollback (self);
fail_committed:
  /* Files already written are harmless: their numbers are used again
   * and their contents sent again */
  return NULL;
}
