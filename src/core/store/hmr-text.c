/* hmr-text.c — small helpers for text typed into forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hmr-text.h"

/**
 * hmr_text_is_blank:
 * @text: (nullable): what was typed
 *
 * Returns: whether @text is %NULL, empty or only whitespace (which counts
 *   as empty)
 */
gboolean
hmr_text_is_blank (const char *text)
{
  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}
