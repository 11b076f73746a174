/* hmr-today-list-dialog.h — one Today list in full, opened from its
 * "And 12 more" row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-today-page.h"

G_BEGIN_DECLS

#define HMR_TYPE_TODAY_LIST_DIALOG (hmr_today_list_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HmrTodayListDialog, hmr_today_list_dialog, HMR, TODAY_LIST_DIALOG, AdwWindow)

HmrTodayListDialog *hmr_today_list_dialog_new          (HmrTodayPage       *page,
                                                         HmrTodayList        list);
gboolean            hmr_today_list_dialog_is_loading   (HmrTodayListDialog *self);
guint               hmr_today_list_dialog_get_n_items  (HmrTodayListDialog *self);
const HmrTodayItem *hmr_today_list_dialog_get_item     (HmrTodayListDialog *self,
                                                         guint               position);
void                hmr_today_list_dialog_activate     (HmrTodayListDialog *self,
                                                         guint               position);

G_END_DECLS
