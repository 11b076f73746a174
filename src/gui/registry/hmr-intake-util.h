/* hmr-intake-util.h — what the intake's dialogs share: coded choices in
 * combo rows, dates and months in entry rows, the message naming the
 * field that is wrong
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-labels.h"

G_BEGIN_DECLS

void        hmr_intake_combo_fill       (AdwComboRow        *row,
                                         HmrCodes            codes,
                                         const char         *none_label);
void        hmr_intake_combo_fill_codes (AdwComboRow        *row,
                                         const char * const *codes,
                                         const char * const *labels,
                                         guint               n_codes,
                                         const char         *none_label);
void        hmr_intake_combo_select     (AdwComboRow        *row,
                                         const char         *code);
const char *hmr_intake_combo_get_code   (AdwComboRow        *row);

/* A list with free entry: a combo of known places and "Other", and an
 * entry row for what is not in the list */
void        hmr_intake_place_load       (AdwComboRow        *combo,
                                         AdwEntryRow        *other,
                                         const char         *value);
char       *hmr_intake_place_dup        (AdwComboRow        *combo,
                                         AdwEntryRow        *other);
void        hmr_intake_place_update     (AdwComboRow        *combo,
                                         AdwEntryRow        *other);

void        hmr_intake_date_load        (AdwEntryRow        *row,
                                         const char         *iso_date);
void        hmr_intake_months_load      (AdwEntryRow        *row,
                                         int                 months);
gboolean    hmr_intake_months_read      (AdwEntryRow        *row,
                                         int                *months);
char       *hmr_intake_dup_text         (AdwEntryRow        *row);

void        hmr_intake_saved            (GtkWindow          *dialog,
                                         GtkLabel           *error_label);
void        hmr_intake_show_error       (GtkLabel           *label,
                                         const char         *message);

G_END_DECLS
