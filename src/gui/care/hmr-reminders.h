/* hmr-reminders.h — desktop notifications of the follow-ups due today
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _HmrWindow HmrWindow;

void     hmr_reminders_install  (GtkApplication *app);
void     hmr_reminders_start    (HmrWindow      *window);
guint    hmr_reminders_check    (HmrWindow      *window);
char    *hmr_reminders_dup_body (GPtrArray      *due);
GNotification *hmr_reminders_dup_notification (HmrWindow *window,
                                               guint     *n_due);

G_END_DECLS
