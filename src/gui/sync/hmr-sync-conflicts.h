/* hmr-sync-conflicts.h — the conflicts a supervisor reviews, as rows of
 * the Sync area: the record, the field, both values, who wrote each where
 * and when, and Keep / Restore
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-context.h"

G_BEGIN_DECLS

/* Fills @list with one row per open conflict; returns how many */
guint       hmr_sync_conflicts_fill        (GtkListBox *list,
                                            HmrContext *context);

G_END_DECLS
