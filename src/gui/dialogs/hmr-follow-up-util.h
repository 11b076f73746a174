/* hmr-follow-up-util.h — what the follow-up, plan and closure dialogs
 * share: opening them over the main window, dates as people type them,
 * combo rows of coded values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-store.h"

G_BEGIN_DECLS

typedef struct _HmrWindow HmrWindow;

char       *hmr_fu_gui_date_to_iso        (const char  *text);
char       *hmr_fu_gui_format_day         (HmrStore    *store,
                                           int          days_from_today);
char       *hmr_fu_gui_today_iso          (HmrStore    *store);
char       *hmr_fu_gui_describe_due       (const char  *due_on,
                                           int          days_overdue);

void        hmr_fu_gui_combo_set_labels   (AdwComboRow *row,
                                           const char * const *labels,
                                           guint        n);
void        hmr_fu_gui_present            (GtkWindow   *dialog,
                                           GtkWidget   *parent);
char       *hmr_fu_gui_dup_case_id        (HmrStore       *store,
                                           const HmrActor *actor,
                                           const char     *beneficiary_id,
                                           char          **name,
                                           GError        **error);
void        hmr_fu_gui_show_refusal       (GtkWidget   *parent,
                                           const char  *message);
void        hmr_fu_gui_notify_saved       (GtkWidget   *parent,
                                           const char  *beneficiary_id);

G_END_DECLS
