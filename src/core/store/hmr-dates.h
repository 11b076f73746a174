/* hmr-dates.h — dates as people type them (31.12.2026, 31/12/2026 or
 * 2026-12-31) and as the database keeps them (ISO 8601)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  hmr_parse_user_date  (const char *text,
                                GDate      *date);
char     *hmr_dup_iso_date     (const char *text,
                                GDate      *date);

G_END_DECLS
