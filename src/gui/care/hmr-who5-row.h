/* hmr-who5-row.h — the five WHO-5 statements, each answered with 0–5
 * buttons or a key press, the score and what it says as the answers come
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-who5.h"

G_BEGIN_DECLS

#define HMR_TYPE_WHO5_ROW (hmr_who5_row_get_type ())
G_DECLARE_FINAL_TYPE (HmrWho5Row, hmr_who5_row, HMR, WHO5_ROW, AdwExpanderRow)

void      hmr_who5_row_set_previous_score (HmrWho5Row *self,
                                           int         previous_score);
void      hmr_who5_row_set_item           (HmrWho5Row *self,
                                           guint       item,
                                           int         value);
gboolean  hmr_who5_row_get_items          (HmrWho5Row *self,
                                           int         items[HMR_WHO5_N_ITEMS]);
int       hmr_who5_row_get_score          (HmrWho5Row *self);

G_END_DECLS
