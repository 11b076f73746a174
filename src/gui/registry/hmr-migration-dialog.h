/* hmr-migration-dialog.h — adding, changing and archiving a stay abroad
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-intake.h"

G_BEGIN_DECLS

#define HMR_TYPE_MIGRATION_DIALOG (hmr_migration_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HmrMigrationDialog, hmr_migration_dialog, HMR, MIGRATION_DIALOG, AdwWindow)

HmrMigrationDialog *hmr_migration_dialog_new       (HmrStore       *store,
                                                    const HmrActor *actor,
                                                    const char     *beneficiary_id,
                                                    const char     *episode_id,
                                                    GError        **error);
GtkWidget          *hmr_migration_dialog_get_row   (HmrMigrationDialog *self,
                                                    const char         *name);
const char         *hmr_migration_dialog_get_error (HmrMigrationDialog *self);

G_END_DECLS
