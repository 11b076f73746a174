/* hmr-store-error.c — the store's error domain: a code for the kind of
 * failure, and for a refusal what it is about, so that a form shows it
 * beside the right field instead of guessing from the input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hmr-store.h"

typedef struct
{
  HmrStoreRefusal refusal;
} HmrStoreErrorPrivate;

static void
hmr_store_error_private_init (HmrStoreErrorPrivate *priv)
{
  priv->refusal = HMR_STORE_REFUSAL_NONE;
}

static void
hmr_store_error_private_copy (const HmrStoreErrorPrivate *src,
                              HmrStoreErrorPrivate       *dest)
{
  dest->refusal = src->refusal;
}

static void
hmr_store_error_private_clear (HmrStoreErrorPrivate *priv)
{
}

G_DEFINE_EXTENDED_ERROR (HmrStoreError, hmr_store_error)

/**
 * hmr_store_error_get_refusal:
 *
 * Returns: what the store's refusal @error is about;
 *   %HMR_STORE_REFUSAL_NONE for an error of another domain or one that
 *   names no field
 */
HmrStoreRefusal
hmr_store_error_get_refusal (const GError *error)
{
  if (error == NULL || error->domain != HMR_STORE_ERROR)
    return HMR_STORE_REFUSAL_NONE;
  return hmr_store_error_get_private (error)->refusal;
}

/**
 * hmr_store_refuse:
 * @refusal: what the refusal is about
 * @code: the error's code (%HMR_STORE_ERROR_INVALID for bad input)
 *
 * Sets @error in the store's domain, saying what it is about.
 *
 * Returns: %FALSE, for `return hmr_store_refuse (…);`
 */
gboolean
hmr_store_refuse (GError          **error,
                  HmrStoreRefusal   refusal,
                  HmrStoreError     code,
                  const char       *format,
                  ...)
{
  va_list args;
  GError *e;

  if (error == NULL)
    return FALSE;
  va_start (args, format);
  e = g_error_new_valist (HMR_STORE_ERROR, code, format, args);
  va_end (args);
  hmr_store_error_get_private (e)->refusal = refusal;
  g_propagate_error (error, e);
  return FALSE;
}
