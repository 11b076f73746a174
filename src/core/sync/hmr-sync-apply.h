/* hmr-sync-apply.h — merging a received change (hmr-store-sync-apply.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-sync-bundle.h"

G_BEGIN_DECLS

gboolean hmr_store_sync_apply_change (HmrStore       *self,
                                      HmrSyncChange  *change,
                                      guint          *n_conflicts,
                                      GError        **error);

G_END_DECLS
