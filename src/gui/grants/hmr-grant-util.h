/* hmr-grant-util.h — what the grant, handover and finance views share:
 * money typed and shown, rows of the lists and opening them, printing an
 * act
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-act-pdf.h"
#include "hmr-area-page.h"
#include "hmr-grant.h"
#include "hmr-handover.h"

G_BEGIN_DECLS

gboolean    hmr_gui_parse_quantity       (const char                *text,
                                          double                    *quantity);
char       *hmr_gui_format_quantity      (double                     quantity);

GtkWidget  *hmr_grant_row_new            (const HmrGrantSummary     *summary);
GtkWidget  *hmr_handover_row_new         (const HmrHandoverSummary  *summary);
const char *hmr_grant_row_get_id         (GtkWidget                 *row);
void        hmr_gui_open_grant_row       (HmrAreaPage               *page,
                                          GtkListBoxRow             *row,
                                          gboolean                   handover);
GtkWidget  *hmr_gui_placeholder_row      (const char                *text);

void        hmr_gui_toast                (GtkWidget                 *widget,
                                          const char                *message);
void        hmr_gui_window_refusal       (GtkWidget                 *window,
                                          const char                *message);
void        hmr_gui_field_error          (GtkWidget                 *field_row,
                                          GtkWidget                 *error_row,
                                          GtkWidget                 *error_label,
                                          const char                *message);

typedef void (*HmrGrantRowFunc) (GtkWidget             *row,
                                 const HmrGrantSummary *summary,
                                 gpointer               user_data);

guint       hmr_gui_fill_grant_list      (GtkListBox                *list,
                                          HmrStore                  *store,
                                          const HmrActor            *actor,
                                          const char * const        *statuses,
                                          guint                      limit,
                                          const char                *empty_text,
                                          HmrGrantRowFunc            decorate,
                                          gpointer                   user_data);
guint       hmr_gui_fill_handover_list   (GtkListBox                *list,
                                          HmrStore                  *store,
                                          const HmrActor            *actor,
                                          guint                      signed_limit,
                                          const char                *empty_text);

typedef enum
{
  HMR_PRINT_HANDOVER_ACT,
  HMR_PRINT_GRANT_RECEIPT,
} HmrPrintKind;

void        hmr_gui_print_act            (GtkWidget                 *parent,
                                          HmrStore                  *store,
                                          const HmrActor            *actor,
                                          HmrPrintKind               kind,
                                          const char                *record_id,
                                          const char                *number);

G_END_DECLS
