/* hmr-export.h — Excel exports
 *
 * Every export checks the role table, writes an "export" audit row, shows
 * progress through @progress (called in the exporting thread) and stops
 * when @cancellable is cancelled, leaving no file behind.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-store.h"

G_BEGIN_DECLS

typedef void (*HmrProgressFunc) (double   fraction,
                                 gpointer user_data);

gboolean hmr_export_beneficiaries (HmrStore                  *store,
                                   const HmrActor            *actor,
                                   const HmrBeneficiaryQuery *query,
                                   const char                *path,
                                   GCancellable              *cancellable,
                                   HmrProgressFunc            progress,
                                   gpointer                   progress_data,
                                   GError                   **error);

G_END_DECLS
