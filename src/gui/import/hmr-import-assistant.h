/* hmr-import-assistant.h — bring in a list of people: file → columns →
 * every row checked → import → what was done
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-import.h"

G_BEGIN_DECLS

#define HMR_TYPE_IMPORT_ASSISTANT (hmr_import_assistant_get_type ())
G_DECLARE_FINAL_TYPE (HmrImportAssistant, hmr_import_assistant, HMR, IMPORT_ASSISTANT, AdwWindow)

HmrImportAssistant *hmr_import_assistant_new        (HmrStore           *store,
                                                     const HmrActor     *actor);
gboolean            hmr_import_assistant_open_file  (HmrImportAssistant *self,
                                                     const char         *path);
const char         *hmr_import_assistant_get_page   (HmrImportAssistant *self);
HmrImportResult    *hmr_import_assistant_get_result (HmrImportAssistant *self);
AdwComboRow        *hmr_import_assistant_get_column_row (HmrImportAssistant *self,
                                                     guint               column);

G_END_DECLS
