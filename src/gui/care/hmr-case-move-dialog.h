/* hmr-case-move-dialog.h — a supervisor moves a case: to another stage,
 * to another caseworker of the office, to another office
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-case-moves.h"

G_BEGIN_DECLS

typedef enum
{
  HMR_CASE_MOVE_STAGE,
  HMR_CASE_MOVE_REASSIGN,
  HMR_CASE_MOVE_TRANSFER,
} HmrCaseMoveKind;

#define HMR_TYPE_CASE_MOVE_DIALOG (hmr_case_move_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HmrCaseMoveDialog, hmr_case_move_dialog, HMR, CASE_MOVE_DIALOG, AdwWindow)

HmrCaseMoveDialog *hmr_case_move_dialog_new         (HmrStore          *store,
                                                     const HmrActor    *actor,
                                                     const char        *beneficiary_id,
                                                     HmrCaseMoveKind    kind,
                                                     GError           **error);
AdwComboRow       *hmr_case_move_dialog_get_choice_row (HmrCaseMoveDialog *self);
AdwComboRow       *hmr_case_move_dialog_get_caseworker_row (HmrCaseMoveDialog *self);
gboolean           hmr_case_move_dialog_select      (HmrCaseMoveDialog *self,
                                                     const char        *code);
gboolean           hmr_case_move_dialog_select_caseworker (HmrCaseMoveDialog *self,
                                                     const char        *user_id);
void               hmr_case_move_dialog_set_reason  (HmrCaseMoveDialog *self,
                                                     const char        *reason);

/* For win.move-case, win.reassign-case and win.transfer-case */
HmrCaseMoveDialog *hmr_case_move_dialog_open        (GtkWidget         *parent,
                                                     HmrStore          *store,
                                                     const HmrActor    *actor,
                                                     const char        *beneficiary_id,
                                                     HmrCaseMoveKind    kind);

G_END_DECLS
