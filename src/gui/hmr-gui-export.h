/* hmr-gui-export.h — an Excel export run from a page: in a thread with
 * its own store connection, with a progress bar, cancellable, and never
 * leaving a file behind when cancelled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hmr-export.h"

G_BEGIN_DECLS

/* Writes @path as @actor, through @store: a core export (in the thread) */
typedef gboolean (*HmrGuiExportFunc) (HmrStore         *store,
                                      const HmrActor   *actor,
                                      const char       *path,
                                      gpointer          data,
                                      GCancellable     *cancellable,
                                      HmrProgressFunc   progress,
                                      gpointer          progress_data,
                                      GError          **error);

void     hmr_gui_export_async  (HmrStore            *store,
                                const HmrActor      *actor,
                                const char          *path,
                                HmrGuiExportFunc     func,
                                gpointer             data,
                                GDestroyNotify       data_free,
                                GtkProgressBar      *progress_bar,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data);
gboolean hmr_gui_export_finish (GAsyncResult        *result,
                                GError             **error);

/* Called with the chosen file, its name ending in .xlsx */
typedef void (*HmrGuiFileChosenFunc) (GtkWidget *owner,
                                      GFile     *file);

void     hmr_gui_choose_xlsx   (GtkWidget            *owner,
                                const char           *title,
                                const char           *file_name,
                                HmrGuiFileChosenFunc  chosen);
void     hmr_gui_toast_file_saved (GtkWidget          *owner,
                                   const char         *path,
                                   const char         *done_format);
void     hmr_gui_export_tell   (GtkWidget            *owner,
                                const char           *path,
                                const GError         *error,
                                const char           *done_format,
                                const char           *failed_format);

G_END_DECLS
