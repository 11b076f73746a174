/* hmr-follow-up-util.h — what the follow-up, plan and closure dialogs
 * share: dates as people type them, combo rows of coded values, the
 * person's case (opening them over the main window is
 * hmr_gui_present_dialog())
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-store.h"

G_BEGIN_DECLS

typedef struct _HmrWindow HmrWindow;

char       *hmr_fu_gui_format_day         (HmrStore    *store,
                                           int          days_from_today);
char       *hmr_fu_gui_describe_due       (const char  *due_on,
                                           int          days_overdue);

void        hmr_fu_gui_combo_set_labels   (AdwComboRow *row,
                                           const char * const *labels,
                                           guint        n);
char       *hmr_fu_gui_dup_case_id        (HmrStore       *store,
                                           const HmrActor *actor,
                                           const char     *beneficiary_id,
                                           char          **name,
                                           GError        **error);

G_END_DECLS
