/* hmr-name-key.h — one spelling-independent key for Tajik names
 *
 * Раҳимов, Rakhimov, Rahimov and Рахимов all give "rahimov"; Ҷӯраев,
 * Джураев, Dzhuraev, Juraev and Jurayev all give "juraev".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char  *hmr_name_key         (const char *text);
char **hmr_name_key_tokens  (const char *text);
char  *hmr_name_key_variants (const char *keys);
char  *hmr_name_variant_key (const char *text);
char  *hmr_search_match_expression (const char  *user_text,
                                    char       **exact_out);

G_END_DECLS
