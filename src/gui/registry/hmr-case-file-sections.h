/* hmr-case-file-sections.h — the case, migration and re-entry ban,
 * trafficking profile and timeline sections of a case file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-case-file.h"

G_BEGIN_DECLS

#define HMR_TYPE_CASE_FILE_SECTIONS (hmr_case_file_sections_get_type ())
G_DECLARE_FINAL_TYPE (HmrCaseFileSections, hmr_case_file_sections, HMR, CASE_FILE_SECTIONS, GtkBox)

void          hmr_case_file_sections_set_case_file (HmrCaseFileSections *self,
                                                    const HmrCaseFile   *file,
                                                    GDate               *today);
void          hmr_case_file_sections_set_editing   (HmrCaseFileSections *self,
                                                    gboolean             can_write,
                                                    gboolean             can_edit_trafficking);
char         *hmr_reentry_ban_dup_summary          (const HmrReentryBan *ban,
                                                    GDate               *today);

/* For tests */
AdwActionRow *hmr_case_file_sections_get_ban_row   (HmrCaseFileSections *self);
GtkWidget    *hmr_case_file_sections_get_group     (HmrCaseFileSections *self,
                                                    const char          *name);
GPtrArray    *hmr_case_file_sections_get_timeline_rows (HmrCaseFileSections *self);

G_END_DECLS
