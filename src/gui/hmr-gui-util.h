/* hmr-gui-util.h — small helpers shared by the GUI's widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hmr-beneficiary.h"

G_BEGIN_DECLS

void        hmr_gui_ensure_resources        (void);
void        hmr_gui_list_box_clear          (GtkListBox          *list);
GtkWidget  *hmr_gui_list_box_add_line       (GtkListBox          *list,
                                             const char          *title,
                                             const char          *subtitle);

const char *hmr_gui_value_or_dash           (const char          *value);
char       *hmr_gui_format_date             (const char          *iso_date);
char       *hmr_gui_format_timestamp        (const char          *timestamp);
char       *hmr_gui_dup_display_value       (HmrBeneficiary      *beneficiary,
                                             HmrBeneficiaryField  field);

const char * const *hmr_gui_distress_codes  (void);
const char *hmr_gui_distress_get_label      (const char          *code);


void        hmr_gui_set_accessible_label    (GtkWidget           *widget,
                                             const char          *label);
GtkWindow  *hmr_gui_get_parent_window       (GtkWidget           *widget);
void        hmr_gui_show_error_toast        (GtkWidget           *widget,
                                             const char          *message);
void        hmr_gui_show_refusal            (GtkWidget           *widget,
                                             const char          *message);

gboolean    hmr_gui_present_dialog          (GtkWindow           *dialog,
                                             const GError        *error,
                                             GtkWidget           *from,
                                             const char          *saved_signal,
                                             GCallback            on_saved,
                                             gpointer             target);

GApplication *hmr_gui_hold_application      (GtkWidget           *widget);
void        hmr_gui_release_application     (GApplication        *application);

G_END_DECLS
