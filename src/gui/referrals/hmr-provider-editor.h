/* hmr-provider-editor.h — add or edit one service provider; archive it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-referral.h"

G_BEGIN_DECLS

#define HMR_TYPE_PROVIDER_EDITOR (hmr_provider_editor_get_type ())
G_DECLARE_FINAL_TYPE (HmrProviderEditor, hmr_provider_editor, HMR, PROVIDER_EDITOR, AdwWindow)

HmrProviderEditor *hmr_provider_editor_new         (HmrStore          *store,
                                                    const HmrActor    *actor,
                                                    const char        *provider_id);
const char        *hmr_provider_editor_get_error   (HmrProviderEditor *self);
void               hmr_provider_editor_set_service (HmrProviderEditor *self,
                                                    const char        *service_type,
                                                    gboolean           offered);

G_END_DECLS
