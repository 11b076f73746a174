/* hmr-reminders.h — desktop notifications of the follow-ups due today
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hmr-context.h"

G_BEGIN_DECLS

void     hmr_reminders_install  (GtkApplication *app);
void     hmr_reminders_start    (GtkWindow      *window,
                                 HmrContext     *context);
guint    hmr_reminders_check    (GtkWindow      *window);
char    *hmr_reminders_dup_body (GPtrArray      *due);
GNotification *hmr_reminders_dup_notification (HmrContext *context,
                                               guint     *n_due);

G_END_DECLS
