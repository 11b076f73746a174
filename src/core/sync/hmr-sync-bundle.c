/* hmr-sync-bundle.c — the bundle file: a plain header naming sender and
 * receiver, the payload compressed and sealed to the receiver's X25519
 * key, and the sender's Ed25519 signature over both
 *
 *   "HMRBNDL1" | header length (4 bytes, big-endian) | header (GVariant)
 *   | sealed payload | signature (64 bytes, over everything before it)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hmr-sync-bundle.h"

#define BUNDLE_MAGIC "HMRBNDL1"
#define MAGIC_LEN 8

void
hmr_sync_bundle_free (HmrSyncBundle *bundle)
{
  if (bundle == NULL)
    return;
  g_clear_pointer (&bundle->file, g_bytes_unref);
  g_clear_pointer (&bundle->header, g_variant_unref);
  g_free (bundle);
}

GBytes *
hmr_sync_bundle_seal (HmrSyncKeys   *sender,
                      const guchar  *receiver_box_pk,
                      GVariant      *header,
                      GVariant      *payload,
                      GError       **error)
{
  g_autoptr(GBytes) plain = g_variant_get_data_as_bytes (payload);
  g_autoptr(GBytes) packed = NULL;
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autofree guchar *sealed = NULL;
  gsize header_len = g_variant_get_size (header);
  gsize packed_len;
  guchar len_be[4];
  guchar signature[crypto_sign_BYTES];

  packed = hmr_sync_compress (plain, error);
  if (packed == NULL)
    return NULL;
  packed_len = g_bytes_get_size (packed);
  sealed = g_malloc (packed_len + crypto_box_SEALBYTES);
  if (crypto_box_seal (sealed, g_bytes_get_data (packed, NULL), packed_len, receiver_box_pk) != 0)
    {
      g_set_error (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_FAILED, _("The bundle could not be encrypted."));
      return NULL;
    }

  len_be[0] = header_len >> 24;
  len_be[1] = header_len >> 16;
  len_be[2] = header_len >> 8;
  len_be[3] = header_len;
  g_byte_array_append (out, (const guint8 *) BUNDLE_MAGIC, MAGIC_LEN);
  g_byte_array_append (out, len_be, 4);
  g_byte_array_append (out, g_variant_get_data (header), header_len);
  g_byte_array_append (out, sealed, packed_len + crypto_box_SEALBYTES);
  crypto_sign_detached (signature, NULL, out->data, out->len, sender->sign_sk);
  g_byte_array_append (out, signature, sizeof signature);
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

HmrSyncBundle *
hmr_sync_bundle_parse (GBytes      *file,
                       const char  *name,
                       GError     **error)
{
  g_autoptr(HmrSyncBundle) bundle = g_new0 (HmrSyncBundle, 1);
  const guchar *data;
  gsize len, header_len;
  g_autoptr(GBytes) header_bytes = NULL;

  data = g_bytes_get_data (file, &len);
  if (len < MAGIC_LEN + 4 + crypto_sign_BYTES || memcmp (data, BUNDLE_MAGIC, MAGIC_LEN) != 0)
    {
      g_set_error (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_BAD_FILE,
                   _("“%s” is not a Hamroh bundle, or it was cut short."), name);
      return NULL;
    }
  header_len = ((gsize) data[8] << 24) | ((gsize) data[9] << 16) | ((gsize) data[10] << 8) | data[11];
  if (header_len > len - MAGIC_LEN - 4 - crypto_sign_BYTES - crypto_box_SEALBYTES)
    {
      g_set_error (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_BAD_FILE,
                   _("“%s” is not a Hamroh bundle, or it was cut short."), name);
      return NULL;
    }
  header_bytes = g_bytes_new (data + MAGIC_LEN + 4, header_len);
  bundle->header = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (HMR_SYNC_HEADER_TYPE),
                                                                 header_bytes, FALSE));
  g_variant_get (bundle->header, "(u&s&stis@ay@ay@ay)", &bundle->version, &bundle->from, &bundle->to,
                 &bundle->number, &bundle->schema, NULL, NULL, NULL, NULL);
  if (bundle->version != HMR_SYNC_BUNDLE_VERSION)
    {
      g_set_error (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_BAD_FILE,
                   _("“%s” is a bundle of another version of Hamroh (format %u)."), name, bundle->version);
      return NULL;
    }
  bundle->file = g_bytes_ref (file);
  bundle->sealed_offset = MAGIC_LEN + 4 + header_len;
  bundle->sealed_len = len - bundle->sealed_offset - crypto_sign_BYTES;
  return g_steal_pointer (&bundle);
}

gboolean
hmr_sync_bundle_verify (HmrSyncBundle *bundle,
                        const guchar  *sign_pk)
{
  gsize len;
  const guchar *data = g_bytes_get_data (bundle->file, &len);

  return crypto_sign_verify_detached (data + len - crypto_sign_BYTES, data, len - crypto_sign_BYTES,
                                      sign_pk) == 0;
}

GVariant *
hmr_sync_bundle_open (HmrSyncBundle  *bundle,
                      HmrSyncKeys    *receiver,
                      const char     *name,
                      GError        **error)
{
  const guchar *data = g_bytes_get_data (bundle->file, NULL);
  gsize packed_len = bundle->sealed_len - crypto_box_SEALBYTES;
  g_autofree guchar *packed = g_malloc (packed_len + 1);
  g_autoptr(GBytes) packed_bytes = NULL;
  g_autoptr(GBytes) plain = NULL;
  GVariant *payload;

  if (crypto_box_seal_open (packed, data + bundle->sealed_offset, bundle->sealed_len,
                            receiver->box_pk, receiver->box_sk) != 0)
    {
      g_set_error (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_TAMPERED,
                   _("“%s” cannot be decrypted with this installation’s key; nothing of it was applied."), name);
      return NULL;
    }
  packed_bytes = g_bytes_new_take (g_steal_pointer (&packed), packed_len);
  plain = hmr_sync_decompress (packed_bytes, G_MAXUINT32, error);
  if (plain == NULL)
    {
      g_prefix_error (error, _("“%s” is damaged: "), name);
      return NULL;
    }
  payload = g_variant_new_from_bytes (G_VARIANT_TYPE (HMR_SYNC_PAYLOAD_TYPE), plain, FALSE);
  return g_variant_ref_sink (payload);
}
