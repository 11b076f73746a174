/* hmr-survey-response-dialog.c
 *
 * One drop-down a question (unanswered, yes, no), built from the
 * survey's list of questions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-gui-util.h"
#include "hmr-survey-response-dialog.h"
#include "hmr-survey.h"

struct _HmrSurveyResponseDialog
{
  AdwWindow            parent_instance;

  HmrStore            *store;
  HmrActor            *actor;
  char                *round_id;
  char                *beneficiary_id;
  char                *error;
  AdwComboRow         *questions[HMR_SURVEY_N_QUESTIONS];

  AdwWindowTitle      *window_title;
  GtkLabel            *error_label;
  GtkSwitch           *reached_switch;
  AdwEntryRow         *reason_row;
  AdwEntryRow         *date_row;
  AdwPreferencesGroup *knowledge_group;
  AdwPreferencesGroup *actions_group;
  AdwEntryRow         *other_row;
};

G_DEFINE_FINAL_TYPE (HmrSurveyResponseDialog, hmr_survey_response_dialog, ADW_TYPE_WINDOW)

enum { RECORDED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* rows of each drop-down: 0 unanswered, 1 yes, 2 no */
static int
answer_of (AdwComboRow *row)
{
  switch (adw_combo_row_get_selected (row))
    {
    case 1:
      return 1;
    case 2:
      return 0;
    default:
      return -1;
    }
}

void
hmr_survey_response_dialog_set_answer (HmrSurveyResponseDialog *self,
                                       guint                    question,
                                       int                      answer)
{
  g_return_if_fail (question < HMR_SURVEY_N_QUESTIONS);
  adw_combo_row_set_selected (self->questions[question], answer == 1 ? 1 : answer == 0 ? 2 : 0);
}

void
hmr_survey_response_dialog_set_not_reached (HmrSurveyResponseDialog *self,
                                            const char              *reason)
{
  gtk_switch_set_active (self->reached_switch, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), reason ? reason : "");
}

const char *
hmr_survey_response_dialog_get_error (HmrSurveyResponseDialog *self)
{
  return self->error;
}

static void
on_reached_changed (HmrSurveyResponseDialog *self)
{
  gboolean reached = gtk_switch_get_active (self->reached_switch);

  gtk_widget_set_visible (GTK_WIDGET (self->reason_row), !reached);
  gtk_widget_set_visible (GTK_WIDGET (self->knowledge_group), reached);
  gtk_widget_set_visible (GTK_WIDGET (self->actions_group), reached);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HmrSurveyResponseDialog *self = HMR_SURVEY_RESPONSE_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  HmrSurveyAnswers a;

  hmr_survey_answers_init (&a);
  a.reached = gtk_switch_get_active (self->reached_switch);
  a.not_reached_reason = gtk_editable_get_text (GTK_EDITABLE (self->reason_row));
  a.answered_on = date[0] ? date : NULL;
  for (guint q = 0; q < HMR_SURVEY_N_QUESTIONS; q++)
    a.answers[q] = answer_of (self->questions[q]);
  a.other_action = gtk_editable_get_text (GTK_EDITABLE (self->other_row));
  id = hmr_store_record_survey_response (self->store, self->actor, self->round_id, self->beneficiary_id, &a, &error);
  if (id == NULL)
    {
      g_free (self->error);
      self->error = g_strdup (error->message);
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  g_signal_emit (self, signals[RECORDED], 0);
  gtk_window_close (GTK_WINDOW (self));
}

HmrSurveyResponseDialog *
hmr_survey_response_dialog_new (HmrStore       *store,
                                const HmrActor *actor,
                                const char     *round_id,
                                const char     *beneficiary_id,
                                const char     *name)
{
  HmrSurveyResponseDialog *self = g_object_new (HMR_TYPE_SURVEY_RESPONSE_DIALOG, NULL);

  self->store = g_object_ref (store);
  self->actor = hmr_actor_copy (actor);
  self->round_id = g_strdup (round_id);
  self->beneficiary_id = g_strdup (beneficiary_id);
  adw_window_title_set_title (self->window_title, _("Survey Call"));
  adw_window_title_set_subtitle (self->window_title, name);
  for (guint q = 0; q < HMR_SURVEY_N_QUESTIONS; q++)
    {
      const char *labels[] = { _("No answer"), _("Yes"), _("No"), NULL };
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
      g_autoptr(GtkStringList) list = gtk_string_list_new (labels);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hmr_survey_question_get_label (q));
      adw_combo_row_set_model (row, G_LIST_MODEL (list));
      self->questions[q] = row;
      if (hmr_survey_question_is_action (q))
        adw_preferences_group_add (self->actions_group, GTK_WIDGET (row));
      else
        adw_preferences_group_add (self->knowledge_group, GTK_WIDGET (row));
    }
  return self;
}

static void
hmr_survey_response_dialog_finalize (GObject *object)
{
  HmrSurveyResponseDialog *self = HMR_SURVEY_RESPONSE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, hmr_actor_free);
  g_clear_pointer (&self->round_id, g_free);
  g_clear_pointer (&self->beneficiary_id, g_free);
  g_clear_pointer (&self->error, g_free);
  G_OBJECT_CLASS (hmr_survey_response_dialog_parent_class)->finalize (object);
}

static void
hmr_survey_response_dialog_class_init (HmrSurveyResponseDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = hmr_survey_response_dialog_finalize;

  /**
   * HmrSurveyResponseDialog::recorded:
   *
   * The call was saved.
   */
  signals[RECORDED] = g_signal_new ("recorded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/hamroh/Hamroh/ui/sessions/hmr-survey-response-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrSurveyResponseDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, HmrSurveyResponseDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HmrSurveyResponseDialog, reached_switch);
  gtk_widget_class_bind_template_child (widget_class, HmrSurveyResponseDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, HmrSurveyResponseDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, HmrSurveyResponseDialog, knowledge_group);
  gtk_widget_class_bind_template_child (widget_class, HmrSurveyResponseDialog, actions_group);
  gtk_widget_class_bind_template_child (widget_class, HmrSurveyResponseDialog, other_row);
  gtk_widget_class_bind_template_callback (widget_class, on_reached_changed);

  gtk_widget_class_install_action (widget_class, "response.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "response.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hmr_survey_response_dialog_init (HmrSurveyResponseDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
