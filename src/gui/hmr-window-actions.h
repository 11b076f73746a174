/* hmr-window-actions.h — the main window's actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void hmr_window_install_actions (GtkWidgetClass *widget_class);

G_END_DECLS
