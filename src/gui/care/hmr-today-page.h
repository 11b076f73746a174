/* hmr-today-page.h — what is due today: the first page a caseworker and a
 * supervisor see
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-area-page.h"
#include "hmr-follow-up.h"

G_BEGIN_DECLS


#define HMR_TYPE_TODAY_PAGE (hmr_today_page_get_type ())
G_DECLARE_FINAL_TYPE (HmrTodayPage, hmr_today_page, HMR, TODAY_PAGE, HmrAreaPage)

HmrTodayPage *hmr_today_page_new            (HmrStore       *store,
                                             const HmrActor *actor);
void          hmr_today_page_reload         (HmrTodayPage   *self);
gboolean      hmr_today_page_is_loading     (HmrTodayPage   *self);
GtkListBox   *hmr_today_page_get_list_box   (HmrTodayPage   *self,
                                             HmrTodayList    list);
const HmrTodayItem *hmr_today_page_get_item (HmrTodayPage   *self,
                                             HmrTodayList    list,
                                             guint           index);
guint         hmr_today_page_get_n_items    (HmrTodayPage   *self,
                                             HmrTodayList    list);
const char   *hmr_today_page_get_state      (HmrTodayPage   *self);
const char   *hmr_today_page_get_summary    (HmrTodayPage   *self);
void          hmr_today_page_open_item      (HmrTodayPage   *self,
                                             const HmrTodayItem *item);
GtkWindow    *hmr_today_page_open_list      (HmrTodayPage   *self,
                                             HmrTodayList    list);

/* For the window's table of areas */
gboolean      hmr_today_page_allowed        (const HmrActor *actor);
GtkWidget    *hmr_today_page_create_area    (HmrContext     *context);

G_END_DECLS
