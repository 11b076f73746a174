/* hmr-application.h — the Hamroh application: start-up, login, app actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-store.h"

G_BEGIN_DECLS

#define HMR_TYPE_APPLICATION (hmr_application_get_type ())
G_DECLARE_FINAL_TYPE (HmrApplication, hmr_application, HMR, APPLICATION, AdwApplication)

HmrApplication *hmr_application_new               (void);
HmrStore       *hmr_application_get_store         (HmrApplication *self);
void            hmr_application_set_store         (HmrApplication *self,
                                                   HmrStore       *store);
GSettings      *hmr_application_get_settings      (HmrApplication *self);
const char     *hmr_application_get_database_path (HmrApplication *self);
void            hmr_application_set_database_path (HmrApplication *self,
                                                   const char     *path);
void            hmr_application_log_out           (HmrApplication *self);

G_END_DECLS
