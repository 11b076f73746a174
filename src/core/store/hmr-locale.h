/* hmr-locale.h — the locale and message catalogue both programs start with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *hmr_setup_i18n             (void);
gboolean    hmr_locale_writes_cyrillic (void);

G_END_DECLS
