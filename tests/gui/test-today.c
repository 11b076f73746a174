/* test-today.c — the Today page: a caseworker's due follow-ups, recording
 * one so that it leaves the list, a supervisor approving a plan from their
 * own Today, and the confidential note never offered to finance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-case-file.h"
#include "hmr-close-case-dialog.h"
#include "hmr-follow-up-dialog.h"
#include "hmr-gui-test-util.h"
#include "hmr-plan-dialog.h"
#include "hmr-reminders.h"
#include "hmr-today-page.h"

static char *
day_iso (HmrStore *store,
         int       days_from_today)
{
  GDate date;
  char buf[16];

  hmr_store_get_today (store, &date);
  if (days_from_today >= 0)
    g_date_add_days (&date, days_from_today);
  else
    g_date_subtract_days (&date, -days_from_today);
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &date);
  return g_strdup (buf);
}

static char *
register_person (HmrGuiFixture *f,
                 const char    *family,
                 char         **case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = hmr_gui_test_new_beneficiary (family, "Фаррух", "21.03.1990");
  g_autoptr(HmrCaseFile) file = NULL;

  hmr_beneficiary_set (b, HMR_BENEFICIARY_FAMILY_NAME_LATIN, "Rahimov");
  g_assert_true (hmr_store_insert_beneficiary (f->store, f->caseworker, b, &error));
  g_assert_no_error (error);
  if (case_id != NULL)
    {
      file = hmr_store_get_case_file (f->store, f->caseworker, hmr_beneficiary_get (b, HMR_BENEFICIARY_ID), &error);
      g_assert_no_error (error);
      *case_id = g_strdup (file->case_id);
    }
  return g_strdup (hmr_beneficiary_get (b, HMR_BENEFICIARY_ID));
}

static char *
schedule (HmrGuiFixture *f,
          const char    *person,
          int            days_from_today)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *due = day_iso (f->store, days_from_today);
  char *id = hmr_store_schedule_follow_up (f->store, f->caseworker, person, "phone", due, NULL, &error);

  g_assert_no_error (error);
  return id;
}

/* The page reads its lists in a thread: after the main loop has run the
 * actions, wait for the reading they started */
static HmrTodayPage *shown_page;

static gboolean
not_loading (gpointer data)
{
  return !hmr_today_page_is_loading (data);
}

static void
settle (void)
{
  hmr_gui_test_flush ();
  if (shown_page != NULL)
    g_assert_true (hmr_gui_test_wait_until (not_loading, shown_page, 10000));
  hmr_gui_test_flush ();
}

static HmrTodayPage *
today_page_of (HmrWindow *window)
{
  GtkWidget *page = hmr_gui_test_find_widget (GTK_WIDGET (window), HMR_TYPE_TODAY_PAGE, NULL);

  g_assert_nonnull (page);
  g_clear_weak_pointer (&shown_page);
  g_set_weak_pointer (&shown_page, HMR_TODAY_PAGE (page));
  settle ();
  return HMR_TODAY_PAGE (page);
}

static guint
count_rows (GtkListBox *box)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (box)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

static void
activate_row (HmrTodayPage *page,
              HmrTodayList  list,
              guint         index)
{
  GtkListBox *box = hmr_today_page_get_list_box (page, list);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (box, index);

  g_assert_nonnull (row);
  g_signal_emit_by_name (box, "row-activated", row);
  settle ();
}

static void
test_caseworker_records_due_follow_up (HmrGuiFixture *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today_person = register_person (f, "Раҳимов", NULL);
  g_autofree char *late_person = register_person (f, "Каримов", NULL);
  g_autofree char *later_person = register_person (f, "Назаров", NULL);
  g_autofree char *due_today = schedule (f, today_person, 0);
  g_autofree char *overdue = schedule (f, late_person, -3);
  g_autofree char *not_yet = schedule (f, later_person, 5);
  g_autoptr(HmrFollowUp) recorded = NULL;
  HmrFollowUpDialog *dialog;
  HmrTodayPage *page;
  HmrWindow *window;

  window = hmr_gui_test_open_window (f, f->caseworker);
  /* Today is the caseworker's first page */
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (hmr_gui_test_find_widget (GTK_WIDGET (window),
                                                                                       ADW_TYPE_WINDOW_TITLE, NULL))),
                   ==, "Today");
  page = today_page_of (window);
  g_assert_cmpstr (hmr_today_page_get_state (page), ==, "lists");

  /* Exactly the two due: the overdue one first, the one due in five days not */
  g_assert_cmpuint (hmr_today_page_get_n_items (page, HMR_TODAY_DUE_FOLLOW_UPS), ==, 2);
  g_assert_cmpuint (count_rows (hmr_today_page_get_list_box (page, HMR_TODAY_DUE_FOLLOW_UPS)), ==, 2);
  g_assert_cmpstr (hmr_today_page_get_item (page, HMR_TODAY_DUE_FOLLOW_UPS, 0)->entity_id, ==, overdue);
  g_assert_cmpint (hmr_today_page_get_item (page, HMR_TODAY_DUE_FOLLOW_UPS, 0)->days_overdue, ==, 3);
  g_assert_cmpstr (hmr_today_page_get_item (page, HMR_TODAY_DUE_FOLLOW_UPS, 1)->entity_id, ==, due_today);
  g_assert_nonnull (hmr_gui_test_find_label (GTK_WIDGET (page), "3 days overdue"));
  g_assert_nonnull (hmr_gui_test_find_label (GTK_WIDGET (page), "Due today"));
  /* A supervisor's lists are not a caseworker's */
  g_assert_null (hmr_today_page_get_list_box (page, HMR_TODAY_PLANS_TO_APPROVE));
  hmr_gui_test_screenshot (GTK_WIDGET (window), "today-caseworker");

  /* Activating the row opens the dialog that records it */
  activate_row (page, HMR_TODAY_DUE_FOLLOW_UPS, 1);
  dialog = HMR_FOLLOW_UP_DIALOG (hmr_gui_test_find_window (HMR_TYPE_FOLLOW_UP_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_true (hmr_follow_up_dialog_is_recording (dialog));
  g_assert_cmpstr (hmr_follow_up_dialog_get_beneficiary_id (dialog), ==, today_person);
  /* The caseworker of the office may write the confidential note */
  g_assert_true (gtk_widget_get_visible (hmr_follow_up_dialog_get_note_group (dialog)));

  /* The score is computed as the answers come: (3+3+2+4+3) × 4 */
  hmr_follow_up_dialog_set_who5_item (dialog, 0, 3);
  hmr_follow_up_dialog_set_who5_item (dialog, 1, 3);
  hmr_follow_up_dialog_set_who5_item (dialog, 2, 2);
  hmr_follow_up_dialog_set_who5_item (dialog, 3, 4);
  g_assert_cmpint (hmr_follow_up_dialog_get_who5_score (dialog), ==, -1);
  hmr_follow_up_dialog_set_who5_item (dialog, 4, 3);
  g_assert_cmpint (hmr_follow_up_dialog_get_who5_score (dialog), ==, 60);
  hmr_gui_test_screenshot (GTK_WIDGET (dialog), "today-record-follow-up");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "follow-up.save", NULL));
  settle ();
  g_assert_null (hmr_gui_test_find_window (HMR_TYPE_FOLLOW_UP_DIALOG));

  /* Recorded with its score, and gone from Today */
  recorded = hmr_store_get_follow_up (f->store, f->caseworker, due_today, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (recorded->status, ==, "done");
  g_assert_cmpint (recorded->who5_score, ==, 60);
  g_assert_cmpuint (hmr_today_page_get_n_items (page, HMR_TODAY_DUE_FOLLOW_UPS), ==, 1);
  g_assert_cmpuint (count_rows (hmr_today_page_get_list_box (page, HMR_TODAY_DUE_FOLLOW_UPS)), ==, 1);
  g_assert_cmpstr (hmr_today_page_get_item (page, HMR_TODAY_DUE_FOLLOW_UPS, 0)->entity_id, ==, overdue);
  (void) not_yet;
}

static void
test_supervisor_approves_plan (HmrGuiFixture *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *case_id = NULL;
  g_autofree char *person = register_person (f, "Раҳимов", &case_id);
  g_autoptr(HmrAssessment) assessment = hmr_assessment_new (case_id);
  g_autoptr(HmrPlan) plan = hmr_plan_new (case_id);
  g_autoptr(HmrPlan) stored = NULL;
  HmrPlanDialog *dialog;
  HmrTodayPage *page;
  HmrWindow *window;

  hmr_assessment_set_need (assessment, HMR_NEED_LEGAL, "high", "Re-entry ban of five years");
  g_assert_true (hmr_store_save_assessment (f->store, f->caseworker, assessment, &error));
  g_assert_no_error (error);
  plan->objectives = g_strdup ("Challenge the ban; find work at home");
  hmr_plan_add_action (plan, "legal", "Appeal of the ban", NULL, "Дилноза Каримова");
  g_assert_true (hmr_store_save_plan (f->store, f->caseworker, plan, &error));
  g_assert_true (hmr_store_move_plan (f->store, f->caseworker, plan->id, "submitted", NULL, &error));
  g_assert_no_error (error);

  window = hmr_gui_test_open_window (f, f->supervisor);
  page = today_page_of (window);
  g_assert_cmpuint (hmr_today_page_get_n_items (page, HMR_TODAY_PLANS_TO_APPROVE), ==, 1);
  g_assert_cmpstr (hmr_today_page_get_item (page, HMR_TODAY_PLANS_TO_APPROVE, 0)->beneficiary_id, ==, person);
  /* A caseworker's lists are not a supervisor's */
  g_assert_null (hmr_today_page_get_list_box (page, HMR_TODAY_DUE_FOLLOW_UPS));
  hmr_gui_test_screenshot (GTK_WIDGET (window), "today-supervisor");

  activate_row (page, HMR_TODAY_PLANS_TO_APPROVE, 0);
  dialog = HMR_PLAN_DIALOG (hmr_gui_test_find_window (HMR_TYPE_PLAN_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (hmr_plan_dialog_get_plan (dialog)->id, ==, plan->id);
  hmr_gui_test_screenshot (GTK_WIDGET (dialog), "today-plan-dialog");
  /* The supervisor decides; they do not edit the caseworker's plan */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "plan.save", NULL);
  settle ();
  g_assert_true (hmr_gui_test_find_window (HMR_TYPE_PLAN_DIALOG) == GTK_WINDOW (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "plan.approve", NULL));
  settle ();
  g_assert_null (hmr_gui_test_find_window (HMR_TYPE_PLAN_DIALOG));

  stored = hmr_store_get_plan (f->store, f->supervisor, plan->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->status, ==, "approved");
  g_assert_cmpuint (hmr_today_page_get_n_items (page, HMR_TODAY_PLANS_TO_APPROVE), ==, 0);
  /* Nothing else waits: the cheerful empty page */
  g_assert_cmpstr (hmr_today_page_get_state (page), ==, "empty");
  hmr_gui_test_screenshot (GTK_WIDGET (window), "today-empty");
}

static void
test_finance_never_sees_note (HmrGuiFixture *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *person = register_person (f, "Раҳимов", NULL);
  g_autofree char *id = schedule (f, person, 0);
  HmrFollowUpDialog *dialog;
  HmrWindow *window;

  /* The caseworker's dialog has the field ... */
  dialog = hmr_follow_up_dialog_new_record (f->store, f->caseworker, id, &error);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_get_visible (hmr_follow_up_dialog_get_note_group (dialog)));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* ... finance has no Today, and asking for the follow-up is refused:
   * no dialog, so no note field, ever */
  window = hmr_gui_test_open_window (f, f->finance);
  g_assert_false (hmr_window_show_area (window, "today"));
  dialog = hmr_follow_up_dialog_new_record (f->store, f->finance, id, &error);
  g_assert_null (dialog);
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.follow-up", "s", person);
  settle ();
  g_assert_null (hmr_gui_test_find_window (HMR_TYPE_FOLLOW_UP_DIALOG));
}

static void
test_scheduled_follow_up_appears_on_today (HmrGuiFixture *f,
                                           gconstpointer  data)
{
  g_autofree char *person = register_person (f, "Раҳимов", NULL);
  g_autoptr(GNotification) notification = NULL;
  guint n_due = 0;
  HmrFollowUpDialog *dialog;
  HmrTodayPage *page;
  HmrWindow *window;
  GtkWidget *due_row;
  GDate date;
  char buf[16];

  window = hmr_gui_test_open_window (f, f->caseworker);
  page = today_page_of (window);
  g_assert_cmpstr (hmr_today_page_get_state (page), ==, "empty");
  g_assert_null (hmr_reminders_dup_notification (hmr_window_get_context (window), &n_due));
  g_assert_cmpuint (n_due, ==, 0);

  /* Nothing planned for this person: the window action schedules one */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.follow-up", "s", person));
  settle ();
  dialog = HMR_FOLLOW_UP_DIALOG (hmr_gui_test_find_window (HMR_TYPE_FOLLOW_UP_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_false (hmr_follow_up_dialog_is_recording (dialog));
  due_row = hmr_gui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "_Date (day.month.year)");
  g_assert_nonnull (due_row);
  hmr_store_get_today (f->store, &date);
  g_date_strftime (buf, sizeof buf, "%d.%m.%Y", &date);
  gtk_editable_set_text (GTK_EDITABLE (due_row), buf);
  hmr_gui_test_screenshot (GTK_WIDGET (dialog), "today-schedule-follow-up");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "follow-up.save", NULL));
  settle ();
  g_assert_null (hmr_gui_test_find_window (HMR_TYPE_FOLLOW_UP_DIALOG));

  /* Assigned to the caseworker, due today: on their Today */
  g_assert_cmpuint (hmr_today_page_get_n_items (page, HMR_TODAY_DUE_FOLLOW_UPS), ==, 1);
  g_assert_cmpstr (hmr_today_page_get_item (page, HMR_TODAY_DUE_FOLLOW_UPS, 0)->beneficiary_id, ==, person);
  g_assert_true (hmr_today_page_get_item (page, HMR_TODAY_DUE_FOLLOW_UPS, 0)->mine);
  g_assert_cmpstr (hmr_today_page_get_state (page), ==, "lists");
  /* and in the reminder */
  notification = hmr_reminders_dup_notification (hmr_window_get_context (window), &n_due);
  g_assert_nonnull (notification);
  g_assert_cmpuint (n_due, ==, 1);
  /* which names no one: it may show on a shared screen */
  {
    g_autoptr(GPtrArray) due = hmr_store_list_reminders (f->store, f->caseworker, FALSE, NULL);
    g_autofree char *body = NULL;

    g_assert_nonnull (due);
    g_assert_cmpuint (due->len, ==, 1);
    body = hmr_reminders_dup_body (due);
    g_assert_null (strstr (body, "Раҳимов"));
    g_assert_nonnull (strstr (body, ((HmrTodayItem *) g_ptr_array_index (due, 0))->case_number));
  }
}

static void
test_closure_asked_approved_reopened (HmrGuiFixture *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *case_id = NULL;
  g_autofree char *person = register_person (f, "Раҳимов", &case_id);
  g_autoptr(HmrAssessment) assessment = hmr_assessment_new (case_id);
  g_autoptr(HmrCaseInfo) info = NULL;
  HmrCloseCaseDialog *dialog;
  HmrTodayPage *page;
  HmrWindow *window;

  g_assert_true (hmr_store_save_assessment (f->store, f->caseworker, assessment, &error));
  g_assert_no_error (error);

  /* The caseworker asks, with a reason */
  dialog = hmr_close_case_dialog_new (f->store, f->caseworker, person, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Ask to Close This Case?");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "request"));
  hmr_close_case_dialog_set_reason (HMR_CLOSE_CASE_DIALOG (dialog), "Found stable work in Bokhtar");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "request"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "request");
  gtk_window_destroy (GTK_WINDOW (dialog));
  info = hmr_store_get_case (f->store, f->caseworker, case_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (info->closure_request_id);
  g_assert_cmpstr (info->status, !=, "closed");
  g_clear_pointer (&info, hmr_case_info_free);

  /* The supervisor approves it from their Today */
  window = hmr_gui_test_open_window (f, f->supervisor);
  page = today_page_of (window);
  g_assert_cmpuint (hmr_today_page_get_n_items (page, HMR_TODAY_CLOSURES_TO_APPROVE), ==, 1);
  activate_row (page, HMR_TODAY_CLOSURES_TO_APPROVE, 0);
  dialog = HMR_CLOSE_CASE_DIALOG (hmr_gui_test_find_window (HMR_TYPE_CLOSE_CASE_DIALOG));
  g_assert_nonnull (dialog);
  hmr_gui_test_screenshot (GTK_WIDGET (dialog), "today-closure-dialog");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "approve");
  gtk_window_destroy (GTK_WINDOW (dialog));
  settle ();
  info = hmr_store_get_case (f->store, f->supervisor, case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->status, ==, "closed");
  g_assert_cmpstr (info->closure_reason, ==, "Found stable work in Bokhtar");
  g_clear_pointer (&info, hmr_case_info_free);
  g_assert_cmpuint (hmr_today_page_get_n_items (page, HMR_TODAY_CLOSURES_TO_APPROVE), ==, 0);

  /* Reopened with a reason */
  dialog = hmr_close_case_dialog_new (f->store, f->caseworker, person, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Reopen This Case?");
  hmr_close_case_dialog_set_reason (HMR_CLOSE_CASE_DIALOG (dialog), "Lost the job again");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "reopen");
  gtk_window_destroy (GTK_WINDOW (dialog));
  info = hmr_store_get_case (f->store, f->caseworker, case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->status, ==, "open");
  g_assert_cmpstr (info->stage, ==, "reopened");
}

int
main (int   argc,
      char *argv[])
{
  hmr_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, HmrGuiFixture, NULL, hmr_gui_fixture_set_up, func, hmr_gui_fixture_tear_down)

  ADD ("/gui/today/caseworker-records-due-follow-up", test_caseworker_records_due_follow_up);
  ADD ("/gui/today/supervisor-approves-plan", test_supervisor_approves_plan);
  ADD ("/gui/today/finance-never-sees-note", test_finance_never_sees_note);
  ADD ("/gui/today/scheduled-follow-up-appears", test_scheduled_follow_up_appears_on_today);
  ADD ("/gui/today/closure-asked-approved-reopened", test_closure_asked_approved_reopened);

  return g_test_run ();
}
