/* test-sessions.c — the Sessions and Surveys areas: plan a session, mark
 * people present, a full session refused in the dialog, a walk-in
 * registered from the list; a supervisor opens a round and draws it, a
 * caseworker records a call
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-gui-test-util.h"
#include "hmr-session-dialog.h"
#include "hmr-session.h"
#include "hmr-sessions-page.h"
#include "hmr-survey-response-dialog.h"
#include "hmr-survey-round-dialog.h"
#include "hmr-survey.h"
#include "hmr-surveys-page.h"

static GtkWidget *
open_area (HmrGuiFixture  *f,
           const HmrActor *actor,
           const char     *area,
           GType           type)
{
  HmrWindow *window = hmr_gui_test_open_window (f, actor);
  GtkWidget *page;

  g_assert_true (hmr_window_show_area (window, area));
  hmr_gui_test_flush ();
  page = hmr_gui_test_find_widget (GTK_WIDGET (window), type, NULL);
  g_assert_nonnull (page);
  return page;
}

static void
type_into (GtkWidget  *root,
           const char *title,
           const char *text)
{
  GtkWidget *row = hmr_gui_test_find_widget (root, ADW_TYPE_ENTRY_ROW, title);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static char *
register_person (HmrGuiFixture *f,
                 const char    *family,
                 const char    *given)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = hmr_gui_test_new_beneficiary (family, given, "1990-03-21");

  g_assert_true (hmr_store_insert_beneficiary (f->store, f->caseworker, b, &error));
  g_assert_no_error (error);
  return g_strdup (hmr_beneficiary_get (b, HMR_BENEFICIARY_ID));
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0 &&
          gtk_widget_get_visible (child))
        return child;
      found = find_button (child, label);
      if (found)
        return found;
    }
  return NULL;
}

static void
test_plan_attend_and_count (HmrGuiFixture *f,
                            gconstpointer  data)
{
  g_autofree char *person = register_person (f, "Раҳимов", "Фаррух");
  HmrSessionsPage *page = HMR_SESSIONS_PAGE (open_area (f, f->caseworker, "sessions", HMR_TYPE_SESSIONS_PAGE));
  HmrSessionDialog *dialog;
  GtkSpinButton *capacity;
  GtkWidget *add, *register_button;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sessions.plan", NULL));
  dialog = HMR_SESSION_DIALOG (hmr_gui_test_find_window (HMR_TYPE_SESSION_DIALOG));
  g_assert_nonnull (dialog);
  hmr_gui_test_flush ();

  type_into (GTK_WIDGET (dialog), "Date (DD.MM.YYYY)", "10.11.2026");
  type_into (GTK_WIDGET (dialog), "Module or topic", "Нақшаи реинтегратсияи ман");
  type_into (GTK_WIDGET (dialog), "Village or venue", "Маркази ҷамоат");
  capacity = GTK_SPIN_BUTTON (hmr_gui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON, NULL));
  gtk_spin_button_set_value (capacity, 1);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "session.save", NULL);
  hmr_gui_test_flush ();
  g_assert_null (hmr_session_dialog_get_error (dialog));
  g_assert_nonnull (hmr_session_dialog_get_session_id (dialog));

  /* a registered person found by name in Latin letters */
  hmr_session_dialog_search (dialog, "Rahimov");
  hmr_gui_test_flush ();
  add = find_button (GTK_WIDGET (dialog), "_Add");
  g_assert_nonnull (add);
  g_signal_emit_by_name (add, "clicked");
  hmr_gui_test_flush ();
  g_assert_cmpuint (hmr_session_dialog_get_n_attendees (dialog), ==, 1);

  /* one more than the capacity: refused, with the message in the dialog */
  type_into (GTK_WIDGET (dialog), "Name", "Зарина Қодирова");
  hmr_gui_test_select_choice (ADW_COMBO_ROW (hmr_gui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Sex")),
                              hmr_sex_get_label ("female"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "session.add-walk-in", NULL);
  hmr_gui_test_flush ();
  g_assert_nonnull (hmr_session_dialog_get_error (dialog));
  g_assert_nonnull (strstr (hmr_session_dialog_get_error (dialog), "full"));
  g_assert_cmpuint (hmr_session_dialog_get_n_attendees (dialog), ==, 1);
  hmr_gui_test_screenshot (GTK_WIDGET (dialog), "session-full");

  /* room for more: the walk-in comes in, and is registered from the list */
  gtk_spin_button_set_value (capacity, 15);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "session.save", NULL);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "session.add-walk-in", NULL);
  hmr_gui_test_flush ();
  g_assert_null (hmr_session_dialog_get_error (dialog));
  g_assert_cmpuint (hmr_session_dialog_get_n_attendees (dialog), ==, 2);
  register_button = find_button (GTK_WIDGET (dialog), "_Register");
  g_assert_nonnull (register_button);
  g_signal_emit_by_name (register_button, "clicked");
  hmr_gui_test_flush ();
  g_assert_null (hmr_session_dialog_get_error (dialog));
  g_assert_null (find_button (GTK_WIDGET (dialog), "_Register"));
  g_assert_cmpuint (hmr_gui_test_count_rows (f->store, f->caseworker, FALSE), ==, 2);

  /* the page counts them, by sex */
  gtk_window_close (GTK_WINDOW (dialog));
  hmr_gui_test_flush ();
  g_assert_nonnull (strstr (hmr_sessions_page_get_counts (page), "2 people: 1 women, 1 men"));
  hmr_sessions_page_set_filter (page, NULL, "2026-10", NULL);
  g_assert_nonnull (strstr (hmr_sessions_page_get_counts (page), "0 sessions"));
  hmr_sessions_page_set_filter (page, "Dusti", "2026-11", NULL);
  g_assert_nonnull (strstr (hmr_sessions_page_get_counts (page), "1 session"));
  hmr_gui_test_screenshot (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page))), "sessions-page");

  sessions = hmr_store_list_sessions (f->store, f->supervisor, NULL, &error);
  g_assert_cmpuint (sessions->len, ==, 1);
  g_assert_cmpuint (((HmrSession *) g_ptr_array_index (sessions, 0))->n_walk_ins, ==, 0);
}

static void
test_survey_round_and_call (HmrGuiFixture *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *person = register_person (f, "Раҳимов", "Фаррух");
  g_autofree char *session_id = NULL;
  g_autofree char *att = NULL;
  HmrSessionPlan plan = { .district = "Dusti", .held_on = "2026-11-10", .module = "Кор" };
  HmrSurveysPage *page;
  HmrSurveyRoundDialog *round_dialog;
  HmrSurveyResponseDialog *response;
  GtkWidget *record;
  g_autoptr(GPtrArray) rounds = NULL;
  HmrSurveyAnswers answers;

  session_id = hmr_store_plan_session (f->store, f->caseworker, &plan, &error);
  att = hmr_store_add_attendee (f->store, f->caseworker, session_id, person, &error);
  g_assert_no_error (error);

  /* the supervisor opens a round: N and n show as the period is typed */
  page = HMR_SURVEYS_PAGE (open_area (f, f->supervisor, "surveys", HMR_TYPE_SURVEYS_PAGE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "surveys.open-round", NULL));
  round_dialog = HMR_SURVEY_ROUND_DIALOG (hmr_gui_test_find_window (HMR_TYPE_SURVEY_ROUND_DIALOG));
  g_assert_nonnull (round_dialog);
  type_into (GTK_WIDGET (round_dialog), "Name", "Пурсиши ноябр");
  type_into (GTK_WIDGET (round_dialog), "From (DD.MM.YYYY)", "01.11.2026");
  type_into (GTK_WIDGET (round_dialog), "To (DD.MM.YYYY)", "30.11.2026");
  hmr_gui_test_flush ();
  g_assert_cmpstr (hmr_survey_round_dialog_get_preview (round_dialog), ==,
                   "1 person in the population; call 1 of them.");
  gtk_widget_activate_action (GTK_WIDGET (round_dialog), "round.open", NULL);
  hmr_gui_test_flush ();
  g_assert_null (hmr_gui_test_find_window (HMR_TYPE_SURVEY_ROUND_DIALOG));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "surveys.draw", NULL));
  hmr_gui_test_flush ();
  g_assert_cmpuint (hmr_surveys_page_get_n_calls (page), ==, 1);
  hmr_gui_test_destroy_windows ();

  /* the caseworker records the call from their list */
  rounds = hmr_store_list_survey_rounds (f->store, f->caseworker, &error);
  g_assert_cmpuint (rounds->len, ==, 1);
  page = HMR_SURVEYS_PAGE (open_area (f, f->caseworker, "surveys", HMR_TYPE_SURVEYS_PAGE));
  hmr_surveys_page_show_calls (page, ((HmrSurveyRound *) g_ptr_array_index (rounds, 0))->id);
  hmr_gui_test_flush ();
  record = find_button (GTK_WIDGET (page), "_Record Call");
  g_assert_nonnull (record);
  g_signal_emit_by_name (record, "clicked");
  hmr_gui_test_flush ();
  response = HMR_SURVEY_RESPONSE_DIALOG (hmr_gui_test_find_window (HMR_TYPE_SURVEY_RESPONSE_DIALOG));
  g_assert_nonnull (response);
  hmr_survey_response_dialog_set_answer (response, HMR_SURVEY_KNOWS_JOB_AGENCIES, 1);
  hmr_survey_response_dialog_set_answer (response, HMR_SURVEY_MORE_CONFIDENT, 0);
  type_into (GTK_WIDGET (response), "Date of the call (DD.MM.YYYY)", "25.11.2026");
  hmr_gui_test_screenshot (GTK_WIDGET (response), "survey-call");
  gtk_widget_activate_action (GTK_WIDGET (response), "response.save", NULL);
  hmr_gui_test_flush ();
  g_assert_null (hmr_gui_test_find_window (HMR_TYPE_SURVEY_RESPONSE_DIALOG));
  g_assert_null (find_button (GTK_WIDGET (page), "_Record Call"));

  g_assert_true (hmr_store_get_survey_response (f->store, f->supervisor,
                                                ((HmrSurveyRound *) g_ptr_array_index (rounds, 0))->id, person,
                                                &answers, NULL, NULL, &error));
  g_assert_cmpint (answers.answers[HMR_SURVEY_KNOWS_JOB_AGENCIES], ==, 1);
  g_assert_cmpint (answers.answers[HMR_SURVEY_MORE_CONFIDENT], ==, 0);
  g_assert_cmpint (answers.answers[HMR_SURVEY_HAS_CONCRETE_PLANS], ==, -1);
}

static void
test_areas_for_roles (HmrGuiFixture *f,
                      gconstpointer  data)
{
  HmrWindow *window = hmr_gui_test_open_window (f, f->finance);

  g_assert_false (hmr_window_show_area (window, "sessions"));
  g_assert_false (hmr_window_show_area (window, "surveys"));
  hmr_gui_test_destroy_windows ();
  window = hmr_gui_test_open_window (f, f->caseworker);
  g_assert_true (hmr_window_show_area (window, "sessions"));
  g_assert_true (hmr_window_show_area (window, "surveys"));
  /* a caseworker records calls but opens no rounds */
  hmr_gui_test_flush ();
  g_assert_false (gtk_widget_activate_action (hmr_gui_test_find_widget (GTK_WIDGET (window), HMR_TYPE_SURVEYS_PAGE,
                                                                        NULL),
                                              "surveys.open-round", NULL) &&
                  hmr_gui_test_find_window (HMR_TYPE_SURVEY_ROUND_DIALOG) != NULL);
}

int
main (int   argc,
      char **argv)
{
  hmr_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, HmrGuiFixture, NULL, hmr_gui_fixture_set_up, func, hmr_gui_fixture_tear_down)
  ADD ("/sessions/plan-attend-full-refused-walk-in-registered", test_plan_attend_and_count);
  ADD ("/surveys/round-opened-drawn-and-call-recorded", test_survey_round_and_call);
  ADD ("/sessions/areas-shown-to-the-roles-allowed", test_areas_for_roles);
#undef ADD

  return g_test_run ();
}
