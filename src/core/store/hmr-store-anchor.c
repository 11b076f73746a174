/* hmr-store-anchor.c — the audit chain's head, kept outside the database
 *
 * The hash chain of the audit log shows an edited, removed or swapped row
 * in the middle of the log, but on its own it cannot show rows removed
 * from its end, a wiped log, or a log rewritten with every hash
 * recomputed: all of these are consistent chains.  So after every commit
 * that appended audit rows, the store writes the chain's head (the last
 * sequence number and its hash) to an anchor file beside the database,
 * PATH.anchor, with an HMAC-SHA-256 keyed by a secret that lives in the
 * user's configuration folder (hamroh/audit-anchor.key, readable by its
 * owner only), never in the database or beside it.  Verification then
 * requires the chain to reach the anchored head with the anchored hash.
 *
 * Someone with the database file (a copy, a sqlite3 shell, a shared
 * folder) but not the user's key cannot rewrite the anchor to match an
 * edited log.  What it does not stop is said in the README.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sodium.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hmr-store-private.h"

#define ANCHOR_MAGIC "hamroh-audit-anchor-1"
#define KEY_BYTES crypto_auth_hmacsha256_KEYBYTES

static GMutex anchor_lock;

static char *
key_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "hamroh", "audit-anchor.key", NULL);
}

char *
hmr_store_dup_anchor_path (HmrStore *self)
{
  return g_strconcat (self->path, ".anchor", NULL);
}

/* Reads the key, or makes one when @create and there is none */
static gboolean
load_key (guchar     key[KEY_BYTES],
          gboolean   create,
          gboolean  *missing,
          GError   **error)
{
  g_autofree char *path = key_path ();
  g_autofree char *contents = NULL;
  g_autoptr(GError) local = NULL;
  gsize len = 0;

  *missing = FALSE;
  if (g_file_get_contents (path, &contents, &len, &local))
    {
      if (len != KEY_BYTES)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_FAILED,
                       _("The audit key “%s” is damaged."), path);
          return FALSE;
        }
      memcpy (key, contents, KEY_BYTES);
      sodium_memzero (contents, len);
      return TRUE;
    }
  if (!g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  *missing = TRUE;
  if (!create)
    return FALSE;
  {
    g_autofree char *dir = g_path_get_dirname (path);

    if (g_mkdir_with_parents (dir, 0700) != 0)
      {
        int saved = errno;
        g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                     _("Cannot write in the folder “%s”: %s"), dir, g_strerror (saved));
        return FALSE;
      }
  }
  if (sodium_init () < 0)
    return FALSE;
  randombytes_buf (key, KEY_BYTES);
  if (!g_file_set_contents_full (path, (const char *) key, KEY_BYTES,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    return FALSE;
  *missing = FALSE;
  return TRUE;
}

static char *
anchor_mac (const guchar  key[KEY_BYTES],
            const char   *body)
{
  guchar mac[crypto_auth_hmacsha256_BYTES];
  char hex[crypto_auth_hmacsha256_BYTES * 2 + 1];

  crypto_auth_hmacsha256 (mac, (const guchar *) body, strlen (body), key);
  return g_strdup (sodium_bin2hex (hex, sizeof hex, mac, sizeof mac));
}

static char *
anchor_body (gint64      seq,
             const char *hash)
{
  return g_strdup_printf (ANCHOR_MAGIC " %" G_GINT64_FORMAT " %s", seq, hash);
}

/**
 * hmr_store_read_anchor:
 * @seq: (out): the anchored sequence number
 * @hash: (out): the anchored hash
 *
 * Returns: %HMR_ANCHOR_NONE when there is no anchor file (a database from
 *   before anchors, or one just made), %HMR_ANCHOR_VALID with @seq and
 *   @hash, or %HMR_ANCHOR_BAD with @error saying why it cannot be trusted
 */
HmrAnchorState
hmr_store_read_anchor (HmrStore  *self,
                       gint64    *seq,
                       char     **hash,
                       GError   **error)
{
  g_autofree char *path = hmr_store_dup_anchor_path (self);
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_auto(GStrv) parts = NULL;
  g_autoptr(GError) local = NULL;
  guchar key[KEY_BYTES];
  gboolean missing = FALSE;
  gboolean ok;

  if (!g_file_get_contents (path, &contents, NULL, &local))
    {
      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return HMR_ANCHOR_NONE;
      g_propagate_error (error, g_steal_pointer (&local));
      return HMR_ANCHOR_BAD;
    }
  if (!load_key (key, FALSE, &missing, error))
    {
      if (missing)
        g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_FAILED,
                     _("The audit chain cannot be checked against its anchor: the key “%s” is missing on this computer."),
                     key_path ());
      return HMR_ANCHOR_BAD;
    }
  parts = g_strsplit (g_strchomp (contents), " ", -1);
  ok = g_strv_length (parts) == 4 && strcmp (parts[0], ANCHOR_MAGIC) == 0 &&
       g_ascii_string_to_signed (parts[1], 10, 1, G_MAXINT64, seq, NULL) &&
       strlen (parts[2]) == 64;
  if (ok)
    {
      g_autofree char *body = anchor_body (*seq, parts[2]);
      expected = anchor_mac (key, body);
      ok = strlen (parts[3]) == strlen (expected) &&
           sodium_memcmp (expected, parts[3], strlen (expected)) == 0;
    }
  sodium_memzero (key, sizeof key);
  if (!ok)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_FAILED,
                   _("The audit log's anchor “%s” was altered or damaged: the audit trail cannot be trusted."),
                   path);
      return HMR_ANCHOR_BAD;
    }
  *hash = g_strdup (parts[2]);
  return HMR_ANCHOR_VALID;
}

static gboolean
log_holds (HmrStore   *self,
           gint64      seq,
           const char *hash)
{
  g_autoptr(sqlite3_stmt) stmt = hmr_store_prepare (self, "SELECT hash FROM audit_log WHERE seq = ?1", NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);
  return sqlite3_step (stmt) == SQLITE_ROW &&
         g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), hash) == 0;
}

/**
 * hmr_store_write_anchor:
 *
 * Moves the anchor to @seq and @hash, just after their commit.  An
 * anchor only moves forward: another connection may have anchored a later
 * row already.
 */
gboolean
hmr_store_write_anchor (HmrStore    *self,
                        gint64       seq,
                        const char  *hash,
                        GError     **error)
{
  g_autofree char *path = hmr_store_dup_anchor_path (self);
  g_autofree char *body = NULL;
  g_autofree char *mac = NULL;
  g_autofree char *line = NULL;
  g_autofree char *old_hash = NULL;
  guchar key[KEY_BYTES];
  gboolean missing;
  gint64 old_seq = 0;
  gboolean ok;

  g_mutex_lock (&anchor_lock);
  if (hmr_store_read_anchor (self, &old_seq, &old_hash, NULL) == HMR_ANCHOR_VALID)
    {
      if (old_seq >= seq)
        {
          g_mutex_unlock (&anchor_lock);
          return TRUE;
        }
      /* Rows removed from the end and new ones written in their place
       * would carry the anchor past the gap: the anchor moves on only
       * from a log that still holds the anchored row as anchored */
      if (!log_holds (self, old_seq, old_hash))
        {
          g_mutex_unlock (&anchor_lock);
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_FAILED,
                       _("The audit log no longer holds row %lld as it was anchored: the anchor stays where it was, and “audit verify” reports the break."),
                       (long long) old_seq);
          return FALSE;
        }
    }
  if (!load_key (key, TRUE, &missing, error))
    {
      g_mutex_unlock (&anchor_lock);
      return FALSE;
    }
  body = anchor_body (seq, hash);
  mac = anchor_mac (key, body);
  sodium_memzero (key, sizeof key);
  line = g_strdup_printf ("%s %s\n", body, mac);
  ok = g_file_set_contents_full (path, line, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error);
  g_mutex_unlock (&anchor_lock);
  return ok;
}
