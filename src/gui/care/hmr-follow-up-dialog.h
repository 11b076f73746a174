/* hmr-follow-up-dialog.h — scheduling a follow-up, or recording what
 * happened at one: the WHO-5 score, the confidential note, the next date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-follow-up.h"

G_BEGIN_DECLS

#define HMR_TYPE_FOLLOW_UP_DIALOG (hmr_follow_up_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HmrFollowUpDialog, hmr_follow_up_dialog, HMR, FOLLOW_UP_DIALOG, AdwWindow)

HmrFollowUpDialog *hmr_follow_up_dialog_new_record     (HmrStore          *store,
                                                        const HmrActor    *actor,
                                                        const char        *follow_up_id,
                                                        GError           **error);
HmrFollowUpDialog *hmr_follow_up_dialog_new_schedule   (HmrStore          *store,
                                                        const HmrActor    *actor,
                                                        const char        *beneficiary_id,
                                                        GError           **error);
gboolean           hmr_follow_up_dialog_is_recording   (HmrFollowUpDialog *self);
const char        *hmr_follow_up_dialog_get_beneficiary_id (HmrFollowUpDialog *self);

/* For tests and keyboard users: the WHO-5 answers and the live score */
void               hmr_follow_up_dialog_set_who5_item  (HmrFollowUpDialog *self,
                                                        guint              item,
                                                        int                value);
int                hmr_follow_up_dialog_get_who5_score (HmrFollowUpDialog *self);
GtkWidget         *hmr_follow_up_dialog_get_note_group (HmrFollowUpDialog *self);
GtkWidget         *hmr_follow_up_dialog_get_who5_group (HmrFollowUpDialog *self);
void               hmr_follow_up_dialog_set_took_place (HmrFollowUpDialog *self,
                                                        gboolean           took_place);

void               hmr_follow_up_dialog_open           (GtkWidget         *parent,
                                                        HmrStore          *store,
                                                        const HmrActor    *actor,
                                                        const char        *beneficiary_id,
                                                        const char        *follow_up_id);

G_END_DECLS
