/* hmr-session-dialog.h — plan a group session, or open one: its details
 * and who came (registered people found by name in any script, walk-ins
 * with sex, age group and phone, registered later in one step)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-store.h"

G_BEGIN_DECLS

#define HMR_TYPE_SESSION_DIALOG (hmr_session_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HmrSessionDialog, hmr_session_dialog, HMR, SESSION_DIALOG, AdwWindow)

HmrSessionDialog *hmr_session_dialog_new            (HmrStore         *store,
                                                     const HmrActor   *actor,
                                                     const char       *session_id,
                                                     GError          **error);
const char       *hmr_session_dialog_get_session_id (HmrSessionDialog *self);
const char       *hmr_session_dialog_get_error      (HmrSessionDialog *self);
void              hmr_session_dialog_search         (HmrSessionDialog *self,
                                                     const char       *text);
guint             hmr_session_dialog_get_n_attendees (HmrSessionDialog *self);

G_END_DECLS
