/* hmr-handover-dialog-private.h — shared by the handover dialog's files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-handover-dialog.h"

G_BEGIN_DECLS

struct _HmrHandoverDialog
{
  AdwWindow            parent_instance;

  HmrStore            *store;
  HmrActor            *actor;
  HmrHandover         *handover;
  gboolean             read_only;
  gboolean             closing;        /* discarding was confirmed */
  char                *saved_text;     /* the draft as last loaded or saved */
  GPtrArray           *grant_ids;      /* of the grant choices; NULL first: none */
  GPtrArray           *extra_rows;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  AdwToastOverlay     *toast_overlay;
  GtkWidget           *close_button;
  GtkWidget           *save_button;
  GtkWidget           *status_group;
  AdwActionRow        *status_row;
  AdwActionRow        *recipient_row;
  AdwComboRow         *grant_row;
  AdwActionRow        *grant_text_row;
  AdwActionRow        *date_text_row;
  AdwActionRow        *place_text_row;
  AdwActionRow        *received_by_text_row;
  GtkWidget           *date_row;
  GtkWidget           *place_row;
  GtkWidget           *received_by_row;
  GtkListBox          *items_list;
  GtkWidget           *add_item_list;
  GtkWidget           *add_item_button;
  GtkWidget           *item_name_row;
  GtkWidget           *item_quantity_row;
  GtkWidget           *item_value_row;
  GtkWidget           *item_serial_row;
  GtkWidget           *item_error_row;
  GtkWidget           *item_error_label;
  GtkListBox          *witnesses_list;
  GtkWidget           *add_witness_list;
  GtkWidget           *add_witness_button;
  GtkWidget           *witness_name_row;
  GtkWidget           *witness_role_row;
  GtkMenuButton       *role_menu_button;
  GtkWidget           *witness_error_row;
  GtkWidget           *witness_error_label;
  GtkWidget           *photos_group;
  GtkListBox          *photos_list;
  GtkWidget           *add_photo_button;
  AdwPreferencesGroup *history_group;
  GtkWidget           *sign_button;
  GtkWidget           *print_button;
  GtkWidget           *correct_button;
};

void               hmr_handover_dialog_toast          (HmrHandoverDialog *self,
                                                       const char        *message);
void               hmr_handover_dialog_refusal        (HmrHandoverDialog *self,
                                                       const char        *message);
gboolean           hmr_handover_dialog_reload         (HmrHandoverDialog *self,
                                                       const char        *id);
gboolean           hmr_handover_dialog_save_draft     (HmrHandoverDialog *self);
HmrHandoverDialog *hmr_handover_dialog_new_internal   (GtkWindow         *parent,
                                                       HmrStore          *store,
                                                       const HmrActor    *actor,
                                                       HmrHandover       *handover);
void               hmr_handover_dialog_class_init_steps (GtkWidgetClass  *widget_class);

G_END_DECLS
