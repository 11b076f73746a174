/* hmr-text.h — what a text field may hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HMR_TEXT_LINE,    /* a name, a place: one line */
  HMR_TEXT_NOTES,   /* notes: lines separated by newlines */
} HmrTextKind;

gboolean  hmr_text_find_forbidden (const char  *text,
                                   HmrTextKind  kind,
                                   gunichar    *bad);
char     *hmr_text_check_message  (const char  *field_label,
                                   const char  *text,
                                   HmrTextKind  kind);

gboolean  hmr_text_check          (const char  *field_label,
                                   const char  *text,
                                   HmrTextKind  kind,
                                   GError     **error);

gboolean  hmr_text_is_blank       (const char  *text);

G_END_DECLS
