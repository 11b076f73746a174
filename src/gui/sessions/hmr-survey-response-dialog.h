/* hmr-survey-response-dialog.h — a caseworker records one call of their
 * call list: the answers to the survey's questions, or that the person
 * was not reached and why
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-store.h"

G_BEGIN_DECLS

#define HMR_TYPE_SURVEY_RESPONSE_DIALOG (hmr_survey_response_dialog_get_type ())
G_DECLARE_FINAL_TYPE (HmrSurveyResponseDialog, hmr_survey_response_dialog, HMR, SURVEY_RESPONSE_DIALOG, AdwWindow)

HmrSurveyResponseDialog *hmr_survey_response_dialog_new    (HmrStore                *store,
                                                            const HmrActor          *actor,
                                                            const char              *round_id,
                                                            const char              *beneficiary_id,
                                                            const char              *name);
/* As a user would: -1 unanswered, 0 no, 1 yes */
void                     hmr_survey_response_dialog_set_answer (HmrSurveyResponseDialog *self,
                                                            guint                    question,
                                                            int                      answer);
void                     hmr_survey_response_dialog_set_not_reached (HmrSurveyResponseDialog *self,
                                                            const char              *reason);
const char              *hmr_survey_response_dialog_get_error (HmrSurveyResponseDialog *self);

G_END_DECLS
