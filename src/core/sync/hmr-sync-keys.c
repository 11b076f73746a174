/* hmr-sync-keys.c — an installation's key pairs, in a file of their own
 * next to the database and readable by its owner only; compression and
 * whole-or-nothing files for bundles and enrolments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <sys/stat.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hmr-sync-private.h"

G_DEFINE_QUARK (hmr-sync-error-quark, hmr_sync_error)

#define KEYS_GROUP "installation"

/**
 * hmr_sync_keys_path:
 *
 * The private keys of the installation whose database is @database_path:
 * outside the database file, so that a copy of the database (a backup, a
 * file sent for support) does not carry them.
 */
char *
hmr_sync_keys_path (const char *database_path)
{
  return g_strconcat (database_path, ".keys", NULL);
}

HmrSyncKeys *
hmr_sync_keys_generate (const char *installation_id)
{
  HmrSyncKeys *keys = g_new0 (HmrSyncKeys, 1);

  if (sodium_init () < 0)
    g_error ("libsodium could not be initialised");
  keys->installation_id = g_strdup (installation_id);
  crypto_sign_keypair (keys->sign_pk, keys->sign_sk);
  crypto_box_keypair (keys->box_pk, keys->box_sk);
  return keys;
}

void
hmr_sync_keys_free (HmrSyncKeys *keys)
{
  if (keys == NULL)
    return;
  g_free (keys->installation_id);
  sodium_memzero (keys->sign_sk, sizeof keys->sign_sk);
  sodium_memzero (keys->box_sk, sizeof keys->box_sk);
  g_free (keys);
}

gboolean
hmr_sync_keys_save (HmrSyncKeys *keys,
                    const char  *database_path,
                    GError     **error)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autofree char *path = hmr_sync_keys_path (database_path);
  g_autofree char *sign = g_base64_encode (keys->sign_sk, sizeof keys->sign_sk);
  g_autofree char *box = g_base64_encode (keys->box_sk, sizeof keys->box_sk);
  g_autofree char *data = NULL;
  gsize len;
  gboolean ok;

  g_key_file_set_string (kf, KEYS_GROUP, "id", keys->installation_id);
  g_key_file_set_string (kf, KEYS_GROUP, "sign-secret-key", sign);
  g_key_file_set_string (kf, KEYS_GROUP, "box-secret-key", box);
  data = g_key_file_to_data (kf, &len, NULL);
  ok = g_file_set_contents_full (path, data, len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error);
  sodium_memzero (data, len);
  if (!ok)
    g_prefix_error (error, _("Could not save this installation’s keys in “%s”: "), path);
  return ok;
}

static gboolean
decode_key (GKeyFile    *kf,
            const char  *name,
            guchar      *out,
            gsize        size,
            const char  *path,
            GError     **error)
{
  g_autofree char *text = g_key_file_get_string (kf, KEYS_GROUP, name, NULL);
  g_autofree guchar *raw = NULL;
  gsize len = 0;

  if (text != NULL)
    raw = g_base64_decode (text, &len);
  if (raw == NULL || len != size)
    {
      g_set_error (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_KEYS,
                   _("The key file “%s” is damaged (%s)."), path, name);
      return FALSE;
    }
  memcpy (out, raw, size);
  sodium_memzero (raw, len);
  return TRUE;
}

HmrSyncKeys *
hmr_sync_keys_load (const char  *database_path,
                    const char  *installation_id,
                    GError     **error)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autofree char *path = hmr_sync_keys_path (database_path);
  g_autofree char *id = NULL;
  g_autoptr(HmrSyncKeys) keys = g_new0 (HmrSyncKeys, 1);
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;
      g_set_error (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_KEYS,
                   _("This installation’s key file “%s” cannot be read (%s). Restore it from the backup "
                     "made when the installation was set up."), path, g_strerror (saved));
      return NULL;
    }
  if ((st.st_mode & 077) != 0)
    {
      g_set_error (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_KEYS,
                   _("The key file “%s” may be read by other users of this computer; it was not used. "
                     "Make it readable by its owner only (chmod 600)."), path);
      return NULL;
    }
  if (!g_key_file_load_from_file (kf, path, G_KEY_FILE_NONE, error))
    {
      g_prefix_error (error, _("The key file “%s” cannot be read: "), path);
      return NULL;
    }
  id = g_key_file_get_string (kf, KEYS_GROUP, "id", NULL);
  if (g_strcmp0 (id, installation_id) != 0)
    {
      g_set_error (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_KEYS,
                   _("The key file “%s” belongs to another installation."), path);
      return NULL;
    }
  if (!decode_key (kf, "sign-secret-key", keys->sign_sk, sizeof keys->sign_sk, path, error) ||
      !decode_key (kf, "box-secret-key", keys->box_sk, sizeof keys->box_sk, path, error))
    return NULL;
  if (sodium_init () < 0)
    g_error ("libsodium could not be initialised");
  crypto_sign_ed25519_sk_to_pk (keys->sign_pk, keys->sign_sk);
  crypto_scalarmult_base (keys->box_pk, keys->box_sk);
  keys->installation_id = g_steal_pointer (&id);
  return g_steal_pointer (&keys);
}

/* ---- files ------------------------------------------------------------ */

static GBytes *
convert (GConverter  *converter,
         GBytes      *data,
         gsize        limit,
         GError     **error)
{
  g_autoptr(GOutputStream) mem = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (mem, converter);
  gsize written;

  if (!g_output_stream_write_all (out, g_bytes_get_data (data, NULL), g_bytes_get_size (data),
                                  &written, NULL, error) ||
      !g_output_stream_close (out, NULL, error))
    return NULL;
  if (limit > 0 && g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (mem)) > limit)
    {
      g_set_error (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_BAD_FILE, _("The contents are too large."));
      return NULL;
    }
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (mem));
}

GBytes *
hmr_sync_compress (GBytes  *data,
                   GError **error)
{
  g_autoptr(GZlibCompressor) c = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 6);
  return convert (G_CONVERTER (c), data, 0, error);
}

GBytes *
hmr_sync_decompress (GBytes  *data,
                     gsize    limit,
                     GError **error)
{
  g_autoptr(GZlibDecompressor) d = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB);
  return convert (G_CONVERTER (d), data, limit, error);
}

/* Written under another name and renamed: a folder kept in step by
 * Syncthing, or a USB stick pulled out, never shows half a file under
 * the real name */
gboolean
hmr_sync_write_file (const char  *path,
                     GBytes      *contents,
                     GError     **error)
{
  if (!g_file_set_contents_full (path, g_bytes_get_data (contents, NULL), g_bytes_get_size (contents),
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, error))
    {
      g_prefix_error (error, _("Could not write “%s”: "), path);
      return FALSE;
    }
  return TRUE;
}
