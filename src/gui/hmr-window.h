/* hmr-window.h — the main window: the areas of Hamroh beside their content
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-application.h"
#include "hmr-context.h"

G_BEGIN_DECLS

typedef struct _HmrBeneficiariesPage HmrBeneficiariesPage;

#define HMR_TYPE_WINDOW (hmr_window_get_type ())
G_DECLARE_FINAL_TYPE (HmrWindow, hmr_window, HMR, WINDOW, AdwApplicationWindow)

HmrWindow            *hmr_window_new                     (HmrApplication *app,
                                                          HmrStore       *store,
                                                          const HmrActor *actor);
HmrStore             *hmr_window_get_store               (HmrWindow      *self);
HmrContext           *hmr_window_get_context             (HmrWindow      *self);
const HmrActor       *hmr_window_get_actor               (HmrWindow      *self);
HmrBeneficiariesPage *hmr_window_get_beneficiaries_page  (HmrWindow      *self);
gboolean              hmr_window_show_area               (HmrWindow      *self,
                                                          const char     *name);
gboolean              hmr_window_open_case_file          (HmrWindow      *self,
                                                          const char     *id);

G_END_DECLS
