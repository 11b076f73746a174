/* test-today-lists.c — every Today list opens in full from its "And N
 * more" row, the summary counts what the headings count, a supervisor
 * sees grants waiting for a decision, and a follow-up that took place is
 * recorded without being scheduled first, with the WHO-5 thresholds named
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sqlite3.h>

#include "hmr-case-file.h"
#include "hmr-follow-up-dialog.h"
#include "hmr-gui-test-util.h"
#include "hmr-today-list-dialog.h"
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

  g_assert_true (hmr_store_insert_beneficiary (f->store, f->caseworker, b, &error));
  g_assert_no_error (error);
  if (case_id != NULL)
    {
      file = hmr_store_get_case_file (f->store, f->caseworker, hmr_beneficiary_get (b, HMR_BENEFICIARY_ID),
                                      &error);
      g_assert_no_error (error);
      *case_id = g_strdup (file->case_id);
    }
  return g_strdup (hmr_beneficiary_get (b, HMR_BENEFICIARY_ID));
}

static void
exec_sql (HmrGuiFixture *f,
          const char    *sql)
{
  sqlite3 *db = NULL;
  char *err = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &err) != SQLITE_OK)
    g_error ("%s: %s", sql, err);
  sqlite3_close (db);
}

static gboolean
page_not_loading (gpointer data)
{
  return !hmr_today_page_is_loading (data);
}

static gboolean
dialog_not_loading (gpointer data)
{
  return !hmr_today_list_dialog_is_loading (data);
}

static HmrTodayPage *
today_page_of (HmrWindow *window)
{
  GtkWidget *page = hmr_gui_test_find_widget (GTK_WIDGET (window), HMR_TYPE_TODAY_PAGE, NULL);

  g_assert_nonnull (page);
  hmr_gui_test_flush ();
  g_assert_true (hmr_gui_test_wait_until (page_not_loading, page, 20000));
  hmr_gui_test_flush ();
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

static const char *
group_title_of (GtkListBox *box)
{
  GtkWidget *group = gtk_widget_get_ancestor (GTK_WIDGET (box), ADW_TYPE_PREFERENCES_GROUP);

  return adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group));
}

static void
test_and_more_opens_the_whole_list (HmrGuiFixture *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  GtkListBox *box;
  GtkListBoxRow *more;
  HmrTodayListDialog *list_dialog;
  HmrFollowUpDialog *follow_up_dialog;
  const HmrTodayItem *last;
  HmrTodayPage *page;
  HmrWindow *window;

  /* 30 due: 10 overdue, 20 due today */
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *family = g_strdup_printf ("Раҳимов-%02u", i);
      g_autofree char *person = register_person (f, family, NULL);
      g_autofree char *due = day_iso (f->store, i < 10 ? -2 : 0);
      char *id = hmr_store_schedule_follow_up (f->store, f->caseworker, person, "phone", due, NULL, &error);

      g_assert_no_error (error);
      g_ptr_array_add (ids, id);
    }

  window = hmr_gui_test_open_window (f, f->caseworker);
  page = today_page_of (window);
  box = hmr_today_page_get_list_box (page, HMR_TODAY_DUE_FOLLOW_UPS);

  /* The heading and the summary count the same 30 */
  g_assert_cmpuint (hmr_today_page_get_n_items (page, HMR_TODAY_DUE_FOLLOW_UPS), ==, 30);
  g_assert_cmpstr (group_title_of (box), ==, "Follow-ups due (30)");
  g_assert_cmpstr (hmr_today_page_get_summary (page), ==, "20 follow-ups due today, 10 overdue");

  /* 25 rows shown, then "And 5 more", which opens the whole list */
  g_assert_cmpuint (count_rows (box), ==, 26);
  more = gtk_list_box_get_row_at_index (box, 25);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (more)), ==, "And 5 more");
  g_assert_true (gtk_list_box_row_get_activatable (more));
  g_signal_emit_by_name (box, "row-activated", more);
  hmr_gui_test_flush ();
  list_dialog = HMR_TODAY_LIST_DIALOG (hmr_gui_test_find_window (HMR_TYPE_TODAY_LIST_DIALOG));
  g_assert_nonnull (list_dialog);
  g_assert_true (hmr_gui_test_wait_until (dialog_not_loading, list_dialog, 20000));
  hmr_gui_test_flush ();
  g_assert_cmpuint (hmr_today_list_dialog_get_n_items (list_dialog), ==, 30);
  hmr_gui_test_screenshot (GTK_WIDGET (list_dialog), "today-whole-list");

  /* The last row, which the page does not show, opens as the page's rows do */
  last = hmr_today_list_dialog_get_item (list_dialog, 29);
  g_assert_nonnull (last);
  g_assert_true (g_ptr_array_find_with_equal_func (ids, last->entity_id, g_str_equal, NULL));
  hmr_today_list_dialog_activate (list_dialog, 29);
  hmr_gui_test_flush ();
  g_assert_null (hmr_gui_test_find_window (HMR_TYPE_TODAY_LIST_DIALOG));
  follow_up_dialog = HMR_FOLLOW_UP_DIALOG (hmr_gui_test_find_window (HMR_TYPE_FOLLOW_UP_DIALOG));
  g_assert_nonnull (follow_up_dialog);
  g_assert_true (hmr_follow_up_dialog_is_recording (follow_up_dialog));
  hmr_gui_test_destroy_windows ();
}

static void
test_supervisor_sees_grants_waiting (HmrGuiFixture *f,
                                     gconstpointer  data)
{
  g_autofree char *case_id = NULL;
  g_autofree char *person = register_person (f, "Назаров", &case_id);
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO reintegration_grant (id, office_id, case_id, purpose, amount_requested, status, "
    "  created_at, updated_at) VALUES ('grant-1', '%s', '%s', 'Welding machine', 587400, 'submitted', 'x', 'x');"
    "INSERT INTO grant_history (id, grant_id, at, by_user, from_state, to_state) VALUES "
    "  ('gh-1', 'grant-1', '2026-11-23T08:00:00Z', '%s', 'draft', 'submitted');",
    HMR_TEST_DUSTI_OFFICE, case_id, f->caseworker->user_id);
  GtkListBox *box;
  HmrTodayPage *page;
  HmrWindow *window;
  guint waiting = 0;
  g_autofree char *summary = NULL;

  exec_sql (f, sql);
  window = hmr_gui_test_open_window (f, f->supervisor);
  page = today_page_of (window);
  box = hmr_today_page_get_list_box (page, HMR_TODAY_GRANTS_TO_DECIDE);
  g_assert_nonnull (box);
  g_assert_cmpuint (hmr_today_page_get_n_items (page, HMR_TODAY_GRANTS_TO_DECIDE), ==, 1);
  g_assert_cmpstr (group_title_of (box), ==, "Grants waiting for a decision (1)");
  g_assert_nonnull (strstr (hmr_today_page_get_item (page, HMR_TODAY_GRANTS_TO_DECIDE, 0)->title,
                            "Welding machine"));

  /* The summary is the sum of the supervisor's headings, the grant with them */
  for (HmrTodayList l = HMR_TODAY_PLANS_TO_APPROVE; l < HMR_N_TODAY_LISTS; l++)
    waiting += hmr_today_page_get_n_items (page, l);
  g_assert_cmpuint (waiting, ==, 1);
  summary = g_strdup_printf ("%u item waits for your decision", waiting);
  g_assert_cmpstr (hmr_today_page_get_summary (page), ==, summary);
  (void) person;
  hmr_gui_test_destroy_windows ();
}

static void
test_follow_up_recorded_without_scheduling (HmrGuiFixture *f,
                                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *person = register_person (f, "Каримов", NULL);
  g_autoptr(GPtrArray) all = NULL;
  HmrFollowUpDialog *dialog;
  HmrFollowUp *done;
  HmrWindow *window;
  const char *guidance;

  window = hmr_gui_test_open_window (f, f->caseworker);
  /* Nothing is planned: the dialog schedules, or records what took place */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.follow-up", "s", person));
  hmr_gui_test_flush ();
  dialog = HMR_FOLLOW_UP_DIALOG (hmr_gui_test_find_window (HMR_TYPE_FOLLOW_UP_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_false (hmr_follow_up_dialog_is_recording (dialog));
  hmr_follow_up_dialog_set_took_place (dialog, TRUE);
  hmr_gui_test_flush ();
  g_assert_true (gtk_widget_get_visible (hmr_follow_up_dialog_get_who5_group (dialog)));

  /* The thresholds are named where the score is given */
  guidance = adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (hmr_follow_up_dialog_get_who5_group (dialog)));
  g_assert_nonnull (strstr (guidance, "28 or below: likely depression"));
  g_assert_nonnull (strstr (guidance, "50 or below: screen for depression"));
  g_assert_nonnull (strstr (guidance, "10 points"));

  for (guint i = 0; i < 5; i++)
    hmr_follow_up_dialog_set_who5_item (dialog, i, 1);
  g_assert_cmpint (hmr_follow_up_dialog_get_who5_score (dialog), ==, 20);
  hmr_gui_test_screenshot (GTK_WIDGET (dialog), "follow-up-took-place");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "follow-up.save", NULL));
  hmr_gui_test_flush ();
  g_assert_null (hmr_gui_test_find_window (HMR_TYPE_FOLLOW_UP_DIALOG));

  all = hmr_store_list_follow_ups (f->store, f->caseworker, person, &error);
  g_assert_no_error (error);
  /* the call, done; and the next one, planned in two weeks */
  g_assert_cmpuint (all->len, ==, 2);
  done = NULL;
  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (((HmrFollowUp *) g_ptr_array_index (all, i))->status, "done") == 0)
      done = g_ptr_array_index (all, i);
  g_assert_nonnull (done);
  g_assert_cmpstr (done->kind, ==, "phone");
  g_assert_cmpint (done->who5_score, ==, 20);
  g_assert_true (done->who5_flags & HMR_WHO5_FLAG_LOW);
  hmr_gui_test_destroy_windows ();
}

#define ADD(path, func) \
  g_test_add (path, HmrGuiFixture, NULL, hmr_gui_fixture_set_up, func, hmr_gui_fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  hmr_gui_test_init (&argc, &argv);

  ADD ("/gui/today/and-more-opens-the-whole-list", test_and_more_opens_the_whole_list);
  ADD ("/gui/today/supervisor-sees-grants-waiting-in-list-and-summary", test_supervisor_sees_grants_waiting);
  ADD ("/gui/today/follow-up-recorded-without-scheduling", test_follow_up_recorded_without_scheduling);
  return g_test_run ();
}
