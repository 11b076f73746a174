/* hmr-text.h — small helpers for text typed into forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  hmr_text_is_blank  (const char *text);

G_END_DECLS
