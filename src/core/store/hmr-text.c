/* hmr-text.c — what a text field may hold
 *
 * Typed text never needs a control character (other than the newlines
 * of notes) or a Unicode noncharacter, and both break what is made from
 * the record later: U+FFFE or U+FFFF in a name makes a workbook that no
 * spreadsheet opens, an escape sequence in a name rewrites a terminal.
 * They are refused at the door, with the field's name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-store.h"
#include "hmr-text.h"

static gboolean
is_forbidden (gunichar    c,
              HmrTextKind kind)
{
  if (c == '\n')
    return kind != HMR_TEXT_NOTES;
  if (c < 0x20 || (c >= 0x7F && c <= 0x9F))     /* C0, DEL and C1 controls */
    return TRUE;
  if (c >= 0xFDD0 && c <= 0xFDEF)               /* noncharacters */
    return TRUE;
  if ((c & 0xFFFE) == 0xFFFE)                   /* U+FFFE, U+FFFF in every plane */
    return TRUE;
  return FALSE;
}

/**
 * hmr_text_find_forbidden:
 * @bad: (out) (optional): the first character that may not be stored
 *
 * Returns: %TRUE when @text holds invalid UTF-8 (@bad is then U+FFFD) or
 *   a character that a text of @kind may not hold
 */
gboolean
hmr_text_find_forbidden (const char  *text,
                         HmrTextKind  kind,
                         gunichar    *bad)
{
  if (text == NULL)
    return FALSE;
  if (!g_utf8_validate (text, -1, NULL))
    {
      if (bad)
        *bad = 0xFFFD;
      return TRUE;
    }
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_forbidden (c, kind))
        {
          if (bad)
            *bad = c;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * hmr_text_check_message:
 *
 * Returns: (nullable): %NULL when @text may be stored, otherwise the
 *   message to show, naming @field_label and the character
 */
char *
hmr_text_check_message (const char  *field_label,
                        const char  *text,
                        HmrTextKind  kind)
{
  gunichar bad = 0;

  if (!hmr_text_find_forbidden (text, kind, &bad))
    return NULL;
  if (bad == '\n')
    return g_strdup_printf (_("%s must be on one line."), field_label);
  return g_strdup_printf (_("%s contains a character that cannot be stored (U+%04X). Delete it and type the text again."),
                          field_label, bad);
}

/**
 * hmr_text_check:
 *
 * Returns: %TRUE when @text may be stored; otherwise %FALSE with an
 *   %HMR_STORE_ERROR_INVALID naming @field_label
 */
gboolean
hmr_text_check (const char  *field_label,
                const char  *text,
                HmrTextKind  kind,
                GError     **error)
{
  g_autofree char *message = hmr_text_check_message (field_label, text, kind);

  if (message == NULL)
    return TRUE;
  g_set_error_literal (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID, message);
  return FALSE;
}

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
