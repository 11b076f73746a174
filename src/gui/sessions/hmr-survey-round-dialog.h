/* hmr-survey-round-dialog.h — a supervisor opens a survey round: who it is
 * about, how sure and how precise; N and the sample size show as they
 * choose
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-store.h"

G_BEGIN_DECLS

#define HMR_TYPE_SURVEY_ROUND_DIALOG (hmr_survey_round_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HmrSurveyRoundDialog, hmr_survey_round_dialog, HMR, SURVEY_ROUND_DIALOG, AdwWindow)

HmrSurveyRoundDialog *hmr_survey_round_dialog_new        (HmrStore             *store,
                                                          const HmrActor       *actor);
const char           *hmr_survey_round_dialog_get_preview (HmrSurveyRoundDialog *self);

G_END_DECLS
