/* hmr-store-sync-receive.c — applying the bundles addressed to this
 * installation: whole or not at all, once, in order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hmr-sync-apply.h"

void
hmr_sync_received_free (HmrSyncReceived *received)
{
  if (received == NULL)
    return;
  g_free (received->file);
  g_free (received->sender);
  g_free (received->message);
  g_free (received);
}

typedef struct
{
  char     *id;
  char     *role;
  GBytes   *sign_pk;
  GBytes   *secret;
  gint64    applied_seq;
  gint64    acked_seq;
  gint64    last_bundle_received;
  gint64    audit_received;
  gint64    audit_acked;
} Sender;

static void
sender_free (Sender *s)
{
  g_free (s->id);
  g_free (s->role);
  g_clear_pointer (&s->sign_pk, g_bytes_unref);
  g_clear_pointer (&s->secret, g_bytes_unref);
  g_free (s);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sender, sender_free)

static GBytes *
column_bytes (sqlite3_stmt *stmt,
              int           col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return NULL;
  return g_bytes_new (sqlite3_column_blob (stmt, col), sqlite3_column_bytes (stmt, col));
}

static Sender *
load_sender (HmrStore    *self,
             const char  *id,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  Sender *s;
  int rc;

  stmt = hmr_store_prepare (self,
                            "SELECT role, sign_pk, enrol_secret, applied_seq, acked_seq, last_bundle_received, "
                            "audit_received, audit_acked FROM sync_peer WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return g_new0 (Sender, 1);   /* id NULL: unknown */
  if (rc != SQLITE_ROW)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  s = g_new0 (Sender, 1);
  s->id = g_strdup (id);
  s->role = hmr_column_dup_text (stmt, 0);
  s->sign_pk = column_bytes (stmt, 1);
  s->secret = column_bytes (stmt, 2);
  s->applied_seq = sqlite3_column_int64 (stmt, 3);
  s->acked_seq = sqlite3_column_int64 (stmt, 4);
  s->last_bundle_received = sqlite3_column_int64 (stmt, 5);
  s->audit_received = sqlite3_column_int64 (stmt, 6);
  s->audit_acked = sqlite3_column_int64 (stmt, 7);
  return s;
}

/* The signing key to check @bundle with: the one HQ holds, or, for an
 * office's first bundles, the one it introduces with its enrolment secret */
static GBytes *
sender_key (Sender         *sender,
            HmrSyncBundle  *bundle,
            GBytes        **intro_box,
            const char     *name,
            GError        **error)
{
  g_autoptr(GVariant) sign = NULL;
  g_autoptr(GVariant) box = NULL;
  g_autoptr(GVariant) mac = NULL;
  g_autoptr(GByteArray) msg = NULL;
  gsize n_sign, n_box, n_mac;
  const guchar *p_sign, *p_box, *p_mac;

  *intro_box = NULL;
  if (sender->id == NULL)
    {
      g_set_error (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_UNKNOWN_SENDER,
                   _("“%s” comes from an installation this one does not know (%s); nothing of it was applied."),
                   name, bundle->from);
      return NULL;
    }
  if (sender->sign_pk != NULL)
    return g_bytes_ref (sender->sign_pk);

  g_variant_get (bundle->header, "(usstis@ay@ay@ay)", NULL, NULL, NULL, NULL, NULL, NULL, &sign, &box, &mac);
  p_sign = g_variant_get_fixed_array (sign, &n_sign, 1);
  p_box = g_variant_get_fixed_array (box, &n_box, 1);
  p_mac = g_variant_get_fixed_array (mac, &n_mac, 1);
  if (sender->secret == NULL || g_bytes_get_size (sender->secret) != crypto_auth_KEYBYTES ||
      n_sign != crypto_sign_PUBLICKEYBYTES || n_box != crypto_box_PUBLICKEYBYTES || n_mac != crypto_auth_BYTES)
    {
      g_set_error (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_UNKNOWN_SENDER,
                   _("“%s” comes from an installation that has not introduced its keys (%s); nothing of it was applied."),
                   name, bundle->from);
      return NULL;
    }
  msg = g_byte_array_new ();
  g_byte_array_append (msg, (const guint8 *) bundle->from, strlen (bundle->from));
  g_byte_array_append (msg, p_sign, n_sign);
  g_byte_array_append (msg, p_box, n_box);
  if (crypto_auth_verify (p_mac, msg->data, msg->len, g_bytes_get_data (sender->secret, NULL)) != 0)
    {
      g_set_error (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_UNKNOWN_SENDER,
                   _("“%s” claims to come from %s, but its keys do not match that installation’s enrolment; "
                     "nothing of it was applied."), name, bundle->from);
      return NULL;
    }
  *intro_box = g_bytes_new (p_box, n_box);
  return g_bytes_new (p_sign, n_sign);
}

typedef struct
{
  HmrSyncBundle *bundle;
  GVariant      *payload;
  Sender        *sender;
  GBytes        *intro_sign;
  GBytes        *intro_box;
  guint          n_changes;
  guint          n_conflicts;
} Receive;

static gboolean
apply_audit_rows (HmrStore  *self,
                  Receive   *r,
                  GError   **error)
{
  g_autoptr(GVariant) rows = NULL;
  g_autoptr(GVariant) head = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) peer = NULL;
  guint64 audit_lo, head_seq, seq;
  const char *head_hash;
  gint64 received = r->sender->audit_received;
  GVariantIter iter;
  const char *at, *user_id, *username, *action, *entity, *entity_id, *changes, *prev_hash, *hash;

  g_variant_get (r->payload, "(ttt@a" HMR_SYNC_CHANGE_TYPE "t@a" HMR_SYNC_AUDIT_TYPE "@(ts)t)",
                 NULL, NULL, NULL, NULL, &audit_lo, &rows, &head, NULL);
  g_variant_get (head, "(t&s)", &head_seq, &head_hash);

  /* rows after a gap wait for the bundle that fills it */
  if (audit_lo <= (guint64) received)
    {
      insert = hmr_store_prepare (self,
                                  "INSERT INTO audit_received (origin, seq, at, user_id, username, action, entity, "
                                  "entity_id, changes, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                                  "?10, ?11) ON CONFLICT DO NOTHING",
                                  error);
      if (insert == NULL)
        return FALSE;
      g_variant_iter_init (&iter, rows);
      while (g_variant_iter_next (&iter, "(t&sm&s&s&s&sm&sm&s&s&s)", &seq, &at, &user_id, &username, &action,
                                  &entity, &entity_id, &changes, &prev_hash, &hash))
        {
          if (seq <= (guint64) received)
            continue;
          hmr_bind_text (insert, 1, r->bundle->from);
          sqlite3_bind_int64 (insert, 2, seq);
          hmr_bind_text (insert, 3, at);
          hmr_bind_text (insert, 4, user_id);
          hmr_bind_text (insert, 5, username);
          hmr_bind_text (insert, 6, action);
          hmr_bind_text (insert, 7, entity);
          hmr_bind_text (insert, 8, entity_id);
          hmr_bind_text (insert, 9, changes);
          hmr_bind_text (insert, 10, prev_hash);
          hmr_bind_text (insert, 11, hash);
          if (sqlite3_step (insert) != SQLITE_DONE)
            return hmr_store_set_sqlite_error (self, sqlite3_errcode (self->db), error);
          sqlite3_reset (insert);
          received = seq;
        }
    }
  if (head_seq == 0)
    return TRUE;
  peer = hmr_store_prepare (self,
                            "UPDATE sync_peer SET audit_received = ?2, audit_head_seq = ?3, audit_head_hash = ?4 "
                            "WHERE id = ?1",
                            error);
  if (peer == NULL)
    return FALSE;
  hmr_bind_text (peer, 1, r->bundle->from);
  sqlite3_bind_int64 (peer, 2, received);
  sqlite3_bind_int64 (peer, 3, head_seq);
  hmr_bind_text (peer, 4, head_hash);
  if (sqlite3_step (peer) != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, sqlite3_errcode (self->db), error);
  return TRUE;
}

static gboolean
update_sender (HmrStore  *self,
               Receive   *r,
               GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);
  guint64 ack, lo, hi, audit_ack;
  int rc;

  g_variant_get (r->payload, "(ttt@a" HMR_SYNC_CHANGE_TYPE "t@a" HMR_SYNC_AUDIT_TYPE "@(ts)t)",
                 &ack, &lo, &hi, NULL, NULL, NULL, NULL, &audit_ack);
  stmt = hmr_store_prepare (self,
                            "UPDATE sync_peer SET applied_seq = max (applied_seq, ?2), acked_seq = max (acked_seq, ?3), "
                            "audit_acked = max (audit_acked, ?4), last_bundle_received = max (last_bundle_received, ?5), "
                            "last_received_at = ?6, sign_pk = coalesce (sign_pk, ?7), box_pk = coalesce (box_pk, ?8) "
                            "WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, r->bundle->from);
  sqlite3_bind_int64 (stmt, 2, hi);
  sqlite3_bind_int64 (stmt, 3, ack);
  sqlite3_bind_int64 (stmt, 4, audit_ack);
  sqlite3_bind_int64 (stmt, 5, r->bundle->number);
  hmr_bind_text (stmt, 6, now);
  if (r->intro_sign)
    sqlite3_bind_blob (stmt, 7, g_bytes_get_data (r->intro_sign, NULL), g_bytes_get_size (r->intro_sign),
                       SQLITE_TRANSIENT);
  if (r->intro_box)
    sqlite3_bind_blob (stmt, 8, g_bytes_get_data (r->intro_box, NULL), g_bytes_get_size (r->intro_box),
                       SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

/* The kind a change notice names (the audit log's entity) */
static const char *
change_kind (const char *table)
{
  static const struct { const char *table, *kind; } kinds[] = {
    { "case_file", "case" },
    { "reintegration_plan", "plan" },
    { "reintegration_grant", "grant" },
    { "app_user", "user" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].table, table))
      return kinds[i].kind;
  return table;
}

static gboolean
apply_changes (HmrStore  *self,
               Receive   *r,
               GError   **error)
{
  HmrSyncState *state = hmr_store_sync_state (self);
  g_autoptr(GVariant) changes = NULL;
  GVariantIter iter;
  GVariant *item;

  g_variant_get (r->payload, "(ttt@a" HMR_SYNC_CHANGE_TYPE "t@a" HMR_SYNC_AUDIT_TYPE "@(ts)t)",
                 NULL, NULL, NULL, &changes, NULL, NULL, NULL, NULL);
  if (!hmr_store_exec (self, "PRAGMA defer_foreign_keys = ON", error))
    return FALSE;
  g_variant_iter_init (&iter, changes);
  while ((item = g_variant_iter_next_value (&iter)))
    {
      g_autoptr(HmrSyncChange) change = g_new0 (HmrSyncChange, 1);
      guint64 seq;
      guchar op;

      g_variant_get (item, "(tsssys@a(smvmv))", &seq, &change->origin, &change->stamp, &change->table, &op,
                     &change->pk, &change->cols);
      g_variant_unref (item);
      change->op = op;
      if (seq <= (guint64) r->sender->applied_seq)
        continue;   /* had it already, from an earlier bundle */
      if (!hmr_store_sync_apply_change (self, change, &r->n_conflicts, error))
        {
          g_prefix_error (error, _("Change %llu (%s): "), (unsigned long long) seq, change->table);
          return FALSE;
        }
      /* HQ passes an office's changes on to the office's other laptops */
      if (state->role == HMR_INSTALLATION_HQ)
        {
          g_autoptr(GError) local_error = NULL;

          change->route = hmr_store_sync_route (self, hmr_sync_table_lookup (change->table), change, &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          if (!hmr_store_sync_outbox_append (self, change, error) ||
              !hmr_store_sync_append_moved (self, change, error))
            return FALSE;
        }
      /* what the store announces when the bundle commits: one notice */
      hmr_store_note_change (self, "receive", change_kind (change->table), change->pk);
      r->n_changes++;
      if (hmr_sync_test_after_change)
        hmr_sync_test_after_change (r->n_changes);
    }
  return TRUE;
}

static gboolean
receive_locked (HmrStore       *self,
                const HmrActor *actor,
                HmrAuditRow    *audit,
                gpointer        data,
                GError        **error)
{
  Receive *r = data;
  g_autofree char *number = g_strdup_printf ("%" G_GUINT64_FORMAT, r->bundle->number);
  g_autofree char *n_changes = NULL;
  g_autofree char *n_conflicts = NULL;

  if (!apply_changes (self, r, error) ||
      !apply_audit_rows (self, r, error) ||
      !update_sender (self, r, error))
    return FALSE;
  n_changes = g_strdup_printf ("%u", r->n_changes);
  n_conflicts = g_strdup_printf ("%u", r->n_conflicts);
  hmr_changes_add (audit->changes, "from", NULL, r->bundle->from);
  hmr_changes_add (audit->changes, "bundle", NULL, number);
  hmr_changes_add (audit->changes, "changes", NULL, n_changes);
  hmr_changes_add (audit->changes, "conflicts", NULL, n_conflicts);
  return TRUE;
}

/* Only acknowledgements: bookkeeping, no record changes, no audit row
 * (which would itself have to be sent back, and so on) */
static gboolean
receive_acks (HmrStore  *self,
              Receive   *r,
              GError   **error)
{
  if (!hmr_store_begin (self, error))
    return FALSE;
  if (!update_sender (self, r, error))
    {
      hmr_store_rollback (self);
      return FALSE;
    }
  return hmr_store_commit (self, error);
}

/**
 * hmr_store_sync_receive_file:
 *
 * Applies the bundle at @path if it is addressed to this installation,
 * signed by an installation it knows and next in line.
 *
 * Returns: (transfer full): what became of it; %NULL with @error (naming
 *   the file) when it was refused and nothing of it applied
 */
HmrSyncReceived *
hmr_store_sync_receive_file (HmrStore       *self,
                             const HmrActor *actor,
                             const char     *path,
                             GError        **error)
{
  HmrSyncState *state;
  g_autoptr(HmrSyncReceived) out = g_new0 (HmrSyncReceived, 1);
  g_autoptr(HmrSyncKeys) keys = NULL;
  g_autoptr(HmrSyncBundle) bundle = NULL;
  g_autoptr(Sender) sender = NULL;
  g_autoptr(GBytes) sign_pk = NULL;
  g_autoptr(GBytes) intro_box = NULL;
  g_autoptr(GVariant) payload = NULL;
  g_autoptr(GVariant) changes = NULL;
  g_autoptr(GVariant) rows = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *entity_id = NULL;
  guint64 ack, lo, hi, audit_lo, audit_ack;
  Receive r = { 0 };
  gboolean news;
  gboolean ok;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_SYNC, NULL, error))
    return NULL;
  state = hmr_store_sync_state (self);
  if (state->role == HMR_INSTALLATION_NONE)
    {
      g_set_error (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_NOT_ENROLLED,
                   _("This database is neither the HQ hub nor an enrolled office: it cannot receive bundles."));
      return NULL;
    }

  mapped = g_mapped_file_new (path, FALSE, error);
  if (mapped == NULL)
    return NULL;
  file = g_mapped_file_get_bytes (mapped);
  bundle = hmr_sync_bundle_parse (file, name, error);
  if (bundle == NULL)
    return NULL;
  out->file = g_strdup (path);
  out->sender = g_strdup (bundle->from);
  out->number = bundle->number;

  if (g_strcmp0 (bundle->to, state->installation_id) != 0)
    {
      g_set_error (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_NOT_FOR_US,
                   _("“%s” is addressed to another installation (%s), not to this one; nothing of it was applied."),
                   name, bundle->to);
      return NULL;
    }
  if (bundle->schema > hmr_store_get_latest_schema_version ())
    {
      g_set_error (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_NEWER_SCHEMA,
                   _("“%s” was written by a newer Hamroh (database version %d; this one knows up to %d); "
                     "nothing of it was applied. Install the newer Hamroh, then receive again."),
                   name, bundle->schema, hmr_store_get_latest_schema_version ());
      return NULL;
    }
  sender = load_sender (self, bundle->from, error);
  if (sender == NULL)
    return NULL;
  sign_pk = sender_key (sender, bundle, &intro_box, name, error);
  if (sign_pk == NULL)
    return NULL;
  if (!hmr_sync_bundle_verify (bundle, g_bytes_get_data (sign_pk, NULL)))
    {
      g_set_error (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_TAMPERED,
                   _("“%s” was changed after it was signed, or not signed by %s; nothing of it was applied."),
                   name, bundle->from);
      return NULL;
    }
  keys = hmr_sync_keys_load (self->path, state->installation_id, error);
  if (keys == NULL)
    return NULL;
  payload = hmr_sync_bundle_open (bundle, keys, name, error);
  if (payload == NULL)
    return NULL;

  g_variant_get (payload, "(ttt@a" HMR_SYNC_CHANGE_TYPE "t@a" HMR_SYNC_AUDIT_TYPE "@(ts)t)",
                 &ack, &lo, &hi, &changes, &audit_lo, &rows, NULL, &audit_ack);
  if (lo > (guint64) sender->applied_seq)
    {
      out->outcome = HMR_BUNDLE_WAITING;
      out->message = g_strdup_printf (_("“%s” waits for an earlier bundle from %s (changes %lld to %llu have not "
                                        "arrived); they are asked for again in the next bundle sent back."),
                                      name, bundle->from, (long long) sender->applied_seq + 1,
                                      (unsigned long long) lo);
      return g_steal_pointer (&out);
    }

  r.bundle = bundle;
  r.payload = payload;
  r.sender = sender;
  r.intro_box = intro_box;
  r.intro_sign = sender->sign_pk == NULL ? sign_pk : NULL;
  news = hi > (guint64) sender->applied_seq;
  if (g_variant_n_children (rows) > 0 && audit_lo <= (guint64) sender->audit_received)
    {
      g_autoptr(GVariant) last = g_variant_get_child_value (rows, g_variant_n_children (rows) - 1);
      guint64 last_seq;

      g_variant_get_child (last, 0, "t", &last_seq);
      news |= last_seq > (guint64) sender->audit_received;
    }
  if (!news)
    {
      if (ack > (guint64) sender->acked_seq || audit_ack > (guint64) sender->audit_acked || r.intro_sign != NULL)
        {
          if (!receive_acks (self, &r, error))
            return NULL;
        }
      out->outcome = HMR_BUNDLE_ALREADY_APPLIED;
      return g_steal_pointer (&out);
    }

  entity_id = g_strdup_printf ("%s#%" G_GUINT64_FORMAT, bundle->from, bundle->number);
  /* One transaction, one audit row: the store announces the bundle once */
  state->applying = TRUE;
  ok = hmr_store_write (self, actor, "receive", "sync_bundle", entity_id, receive_locked, &r, error);
  state->applying = FALSE;
  if (!ok)
    {
      g_prefix_error (error, _("“%s” was not applied: "), name);
      return NULL;
    }
  out->outcome = HMR_BUNDLE_APPLIED;
  out->n_changes = r.n_changes;
  out->n_conflicts = r.n_conflicts;
  return g_steal_pointer (&out);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/**
 * hmr_store_sync_receive_dir:
 *
 * Receives every bundle in @dir addressed to this installation, each
 * sender's in their order; a bundle waiting for an earlier one is tried
 * again once that one is in.  Bundles for other installations are left
 * alone.
 *
 * Returns: (transfer full) (element-type HmrSyncReceived): one entry per
 *   bundle looked at (refused ones with their reason)
 */
GPtrArray *
hmr_store_sync_receive_dir (HmrStore       *self,
                            const HmrActor *actor,
                            const char     *dir,
                            GError        **error)
{
  return hmr_store_sync_receive_dir_full (self, actor, dir, NULL, NULL, NULL, error);
}

/**
 * hmr_store_sync_receive_dir_full:
 * @progress: (nullable): called before each bundle, in the calling thread
 * @cancellable: (nullable): checked between bundles: each bundle is
 *   applied whole or not at all, so a cancelled receive keeps the bundles
 *   applied before it and leaves the others for the next time
 *
 * hmr_store_sync_receive_dir(), for a thread with progress and Cancel.
 */
GPtrArray *
hmr_store_sync_receive_dir_full (HmrStore            *self,
                                 const HmrActor      *actor,
                                 const char          *dir,
                                 HmrSyncProgressFunc  progress,
                                 gpointer             user_data,
                                 GCancellable        *cancellable,
                                 GError             **error)
{
  guint n_done = 0;

  g_autoptr(GDir) d = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_sync_received_free);
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *me = NULL;
  g_autofree char *prefix = NULL;
  const char *entry;
  gboolean moved = TRUE;

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_SYNC, NULL, error))
    return NULL;
  me = hmr_store_sync_dup_installation_id (self);
  if (me == NULL)
    {
      g_set_error (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_NOT_ENROLLED,
                   _("This database is neither the HQ hub nor an enrolled office: it cannot receive bundles."));
      return NULL;
    }
  d = g_dir_open (dir, 0, error);
  if (d == NULL)
    return NULL;
  prefix = g_strdup_printf ("to-%s-", me);
  while ((entry = g_dir_read_name (d)))
    if (g_str_has_prefix (entry, prefix) && g_str_has_suffix (entry, HMR_SYNC_BUNDLE_SUFFIX))
      g_ptr_array_add (names, g_build_filename (dir, entry, NULL));
  g_ptr_array_sort (names, compare_names);

  while (moved)
    {
      moved = FALSE;
      for (guint i = 0; i < names->len; i++)
        {
          const char *path = g_ptr_array_index (names, i);
          g_autoptr(GError) local_error = NULL;
          HmrSyncReceived *r;

          if (g_hash_table_contains (done, path))
            continue;
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return NULL;
          if (progress != NULL)
            progress (n_done, names->len, user_data);
          r = hmr_store_sync_receive_file (self, actor, path, &local_error);
          if (r == NULL)
            {
              r = g_new0 (HmrSyncReceived, 1);
              r->file = g_strdup (path);
              r->outcome = HMR_BUNDLE_REFUSED;
              r->message = g_strdup (local_error->message);
            }
          if (r->outcome == HMR_BUNDLE_WAITING)
            {
              hmr_sync_received_free (r);
              continue;
            }
          g_hash_table_add (done, (gpointer) path);
          n_done++;
          moved |= r->outcome == HMR_BUNDLE_APPLIED;
          g_ptr_array_add (out, r);
        }
    }
  /* what still waits, once */
  for (guint i = 0; i < names->len; i++)
    {
      const char *path = g_ptr_array_index (names, i);
      g_autoptr(GError) local_error = NULL;
      HmrSyncReceived *r;

      if (g_hash_table_contains (done, path))
        continue;
      r = hmr_store_sync_receive_file (self, actor, path, &local_error);
      if (r == NULL)
        {
          r = g_new0 (HmrSyncReceived, 1);
          r->file = g_strdup (path);
          r->outcome = HMR_BUNDLE_REFUSED;
          r->message = g_strdup (local_error->message);
        }
      g_ptr_array_add (out, r);
    }
  return g_steal_pointer (&out);
}
