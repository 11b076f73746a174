/* hmr-grant-dialog-private.h — shared by the grant dialog's files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-grant-dialog.h"

G_BEGIN_DECLS

struct _HmrGrantDialog
{
  AdwWindow            parent_instance;

  HmrStore            *store;
  HmrActor            *actor;
  HmrGrant            *grant;          /* as edited; id NULL until saved */
  gboolean             editable;
  gboolean             closing;        /* discarding was confirmed */
  char                *saved_text;     /* the draft as last loaded or saved */
  GPtrArray           *extra_rows;     /* rows added to the tranches and history groups */

  /* Template widgets */
  AdwWindowTitle      *window_title;
  AdwToastOverlay     *toast_overlay;
  GtkWidget           *save_button;
  GtkWidget           *close_button;
  AdwPreferencesGroup *status_group;
  GtkLabel            *status_label;
  GtkLabel            *approved_label;
  GtkLabel            *paid_label;
  GtkWidget           *decision_group;
  GtkWidget           *approve_amount_row;
  GtkWidget           *approve_amount_error_row;
  GtkWidget           *approve_amount_error_label;
  GtkWidget           *comment_row;
  GtkWidget           *comment_error_row;
  GtkWidget           *comment_error_label;
  GtkListBox          *members_list;
  GtkWidget           *add_member_list;
  GtkWidget           *add_member_row;
  GtkWidget           *purpose_row;
  AdwActionRow        *purpose_text_row;
  GtkTextView         *plan_view;
  AdwPreferencesGroup *budget_group;
  GtkListBox          *budget_list;
  GtkWidget           *add_line_list;
  GtkWidget           *add_line_button;
  GtkWidget           *line_name_row;
  GtkWidget           *line_quantity_row;
  GtkWidget           *line_unit_row;
  GtkWidget           *line_cost_row;
  GtkWidget           *line_error_row;
  GtkWidget           *line_error_label;
  AdwPreferencesGroup *tranches_group;
  AdwPreferencesGroup *history_group;
  GtkWidget           *submit_button;
  GtkWidget           *approve_button;
  GtkWidget           *reject_button;
  GtkWidget           *tranche_button;
  GtkWidget           *verify_button;
  GtkWidget           *receipt_button;
  GtkWidget           *handover_button;
  GtkWidget           *cancel_grant_button;
};

void     hmr_grant_dialog_toast             (HmrGrantDialog *self,
                                             const char     *message);
void     hmr_grant_dialog_refusal           (HmrGrantDialog *self,
                                             const char     *message);
gboolean hmr_grant_dialog_reload            (HmrGrantDialog *self,
                                             const char     *grant_id);
void     hmr_grant_dialog_class_init_steps  (GtkWidgetClass *widget_class);
char    *hmr_grant_dialog_dup_draft_text    (HmrGrantDialog *self);
gboolean hmr_grant_dialog_close_request     (GtkWindow      *window);

G_END_DECLS
