/* hmr-referral-dialog-private.h — shared by the referral dialog's files:
 * hmr-referral-dialog.c (the object, the slip) and
 * hmr-referral-dialog-state.c (the details, the state, the moves)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-referral-dialog.h"

G_BEGIN_DECLS

struct _HmrReferralDialog
{
  AdwWindow         parent_instance;

  HmrStore         *store;
  HmrActor         *actor;
  char             *beneficiary_id;
  char             *referral_id;
  HmrReferral      *referral;          /* NULL while new */
  char             *district;          /* the beneficiary's */
  char             *office_id;         /* the beneficiary's */
  gboolean          beneficiary_consents;
  GPtrArray        *providers;         /* HmrProvider, parallel to provider_row's model */
  gboolean          filling;
  char             *error_text;

  /* Template widgets */
  AdwWindowTitle   *window_title;
  GtkMenuButton    *slip_button;
  GtkButton        *close_button;
  AdwToastOverlay  *toast_overlay;
  GtkLabel         *error_label;
  AdwActionRow     *person_row;
  GtkButton        *case_file_button;
  AdwComboRow      *service_row;
  AdwComboRow      *provider_row;
  AdwEntryRow      *reason_row;
  AdwActionRow     *consent_row;
  GtkSwitch        *consent_switch;
  AdwPreferencesGroup *status_group;
  AdwActionRow     *status_row;
  AdwActionRow     *dates_row;
  AdwActionRow     *answer_row;
  AdwActionRow     *outcome_row;
  AdwPreferencesGroup *next_group;
  AdwEntryRow      *override_row;
  AdwEntryRow      *comment_row;
  GtkWidget        *button_box;
  GtkButton        *revoke_button;
  GtkButton        *save_button;
  GtkButton        *no_response_button;
  GtkButton        *reject_button;
  GtkButton        *accept_button;
  GtkButton        *complete_button;
  GtkButton        *send_button;
  AdwPreferencesGroup *history_group;
  GtkListBox       *history_list;
};

void hmr_referral_dialog_show_error          (HmrReferralDialog *self,
                                              const char        *message);
void hmr_referral_dialog_show_toast          (HmrReferralDialog *self,
                                              const char        *message);
void hmr_referral_dialog_emit_changed        (HmrReferralDialog *self);
void hmr_referral_dialog_fill                (HmrReferralDialog *self);
void hmr_referral_dialog_disable_moves       (HmrReferralDialog *self);
void hmr_referral_dialog_on_service_changed  (HmrReferralDialog *self);
void hmr_referral_dialog_on_provider_changed (HmrReferralDialog *self);
void hmr_referral_dialog_on_consent_toggled  (HmrReferralDialog *self);

void hmr_referral_dialog_save_action         (GtkWidget         *widget,
                                              const char        *action_name,
                                              GVariant          *parameter);
void hmr_referral_dialog_send_action         (GtkWidget         *widget,
                                              const char        *action_name,
                                              GVariant          *parameter);
void hmr_referral_dialog_move_action         (GtkWidget         *widget,
                                              const char        *action_name,
                                              GVariant          *parameter);
void hmr_referral_dialog_primary_action      (GtkWidget         *widget,
                                              const char        *action_name,
                                              GVariant          *parameter);

G_END_DECLS
