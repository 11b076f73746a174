/* test-detail.c — one case file: reading it, archiving it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sqlite3.h>

#include "hmr-case-file.h"
#include "hmr-follow-up.h"
#include "hmr-gui-test-util.h"

typedef struct
{
  GListModel *model;
  guint       n;
} CountWait;

static gboolean
has_n_items (gpointer user_data)
{
  CountWait *wait = user_data;
  return g_list_model_get_n_items (wait->model) == wait->n;
}

static gboolean
model_has_id (GListModel *model,
              const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HmrBeneficiary) b = g_list_model_get_item (model, i);
      if (g_strcmp0 (hmr_beneficiary_get (b, HMR_BENEFICIARY_ID), id) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_archive_hides_row (HmrGuiFixture *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) chosen = NULL;
  g_autoptr(HmrBeneficiary) stored = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autofree char *id = NULL;
  HmrBeneficiariesPage *page;
  HmrBeneficiaryDetail *detail;
  AdwMessageDialog *dialog;
  GtkColumnView *view;
  CountWait wait;
  gboolean archived_logged = FALSE;

  hmr_gui_fixture_add_beneficiaries (f, 5);
  page = hmr_window_get_beneficiaries_page (hmr_gui_test_open_window (f, f->caseworker));
  wait.model = G_LIST_MODEL (hmr_beneficiaries_page_get_model (page));

  /* Activating a row opens its case file */
  chosen = g_list_model_get_item (wait.model, 2);
  id = g_strdup (hmr_beneficiary_get (chosen, HMR_BENEFICIARY_ID));
  view = hmr_beneficiaries_page_get_column_view (page);
  g_signal_emit_by_name (view, "activate", 2);
  hmr_gui_test_flush ();
  g_assert_cmpstr (hmr_beneficiaries_page_get_state (page), ==, "detail");
  detail = hmr_beneficiaries_page_get_detail (page);
  g_assert_cmpstr (hmr_beneficiary_get (hmr_beneficiary_detail_get_beneficiary (detail), HMR_BENEFICIARY_ID), ==, id);
  g_assert_cmpstr (adw_action_row_get_subtitle (hmr_beneficiary_detail_get_field_row (detail, HMR_BENEFICIARY_FAMILY_NAME)),
                   ==, hmr_beneficiary_get (chosen, HMR_BENEFICIARY_FAMILY_NAME));
  /* Empty values show a dash */
  g_assert_cmpstr (adw_action_row_get_subtitle (hmr_beneficiary_detail_get_field_row (detail, HMR_BENEFICIARY_JAMOAT)),
                   ==, "—");
  hmr_gui_test_screenshot (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page))), "detail");

  /* Archive asks first */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "beneficiary.archive", NULL));
  hmr_gui_test_flush ();
  dialog = ADW_MESSAGE_DIALOG (hmr_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Archive this case file?");
  hmr_gui_test_screenshot (GTK_WIDGET (dialog), "detail-archive-dialog");
  adw_message_dialog_response (dialog, "archive");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The list loses the row; the record is archived, not deleted */
  wait.n = 4;
  g_assert_true (hmr_gui_test_wait_until (has_n_items, &wait, 5000));
  g_assert_false (model_has_id (wait.model, id));
  stored = hmr_store_get_beneficiary (f->store, f->caseworker, id, &error);
  g_assert_no_error (error);
  g_assert_true (hmr_beneficiary_is_archived (stored));
  g_assert_cmpuint (hmr_gui_test_count_rows (f->store, f->caseworker, TRUE), ==, 5);

  audit = hmr_store_list_audit (f->store, f->admin, "beneficiary", id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    if (g_strcmp0 (((HmrAuditEntry *) g_ptr_array_index (audit, i))->action, "archive") == 0)
      archived_logged = TRUE;
  g_assert_true (archived_logged);

  /* The case file shows it is archived and can no longer be edited */
  g_assert_true (hmr_beneficiary_is_archived (hmr_beneficiary_detail_get_beneficiary (detail)));
  g_assert_nonnull (hmr_gui_test_find_label (GTK_WIDGET (detail), "Archived"));
  g_assert_null (hmr_gui_test_find_label (GTK_WIDGET (detail), "Edit"));
  hmr_gui_test_screenshot (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page))), "detail-archived");

  /* Back to the list */
  gtk_widget_activate_action (GTK_WIDGET (page), "beneficiaries.back", NULL);
  g_assert_cmpstr (hmr_beneficiaries_page_get_state (page), ==, "table");
}

static void
test_cancel_archive_keeps_row (HmrGuiFixture *f,
                               gconstpointer  data)
{
  g_autoptr(HmrBeneficiary) chosen = NULL;
  HmrBeneficiariesPage *page;
  HmrBeneficiaryDetail *detail;
  AdwMessageDialog *dialog;

  hmr_gui_fixture_add_beneficiaries (f, 2);
  page = hmr_window_get_beneficiaries_page (hmr_gui_test_open_window (f, f->caseworker));
  chosen = g_list_model_get_item (G_LIST_MODEL (hmr_beneficiaries_page_get_model (page)), 0);
  g_assert_true (hmr_beneficiaries_page_show_beneficiary (page, hmr_beneficiary_get (chosen, HMR_BENEFICIARY_ID)));
  detail = hmr_beneficiaries_page_get_detail (page);

  gtk_widget_activate_action (GTK_WIDGET (detail), "beneficiary.archive", NULL);
  hmr_gui_test_flush ();
  dialog = ADW_MESSAGE_DIALOG (hmr_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  hmr_gui_test_flush ();

  g_assert_cmpuint (hmr_gui_test_count_rows (f->store, f->caseworker, FALSE), ==, 2);
  g_assert_false (hmr_beneficiary_is_archived (hmr_beneficiary_detail_get_beneficiary (detail)));
}

static void
test_finance_sees_identity_only (HmrGuiFixture *f,
                                 gconstpointer  data)
{
  g_autoptr(HmrBeneficiary) chosen = NULL;
  HmrBeneficiariesPage *page;
  HmrBeneficiaryDetail *detail;

  hmr_gui_fixture_add_beneficiaries (f, 2);
  page = hmr_window_get_beneficiaries_page (hmr_gui_test_open_window (f, f->finance));
  chosen = g_list_model_get_item (G_LIST_MODEL (hmr_beneficiaries_page_get_model (page)), 0);
  g_assert_true (hmr_beneficiaries_page_show_beneficiary (page, hmr_beneficiary_get (chosen, HMR_BENEFICIARY_ID)));
  detail = hmr_beneficiaries_page_get_detail (page);
  hmr_gui_test_flush ();

  /* Names and district, nothing of the person's situation; no buttons */
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (hmr_beneficiary_detail_get_field_row (detail, HMR_BENEFICIARY_FAMILY_NAME))));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (hmr_beneficiary_detail_get_field_row (detail, HMR_BENEFICIARY_DISTRICT))));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (hmr_beneficiary_detail_get_field_row (detail, HMR_BENEFICIARY_BIRTH_DATE))));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (hmr_beneficiary_detail_get_field_row (detail, HMR_BENEFICIARY_HEALTH_PROBLEMS))));
  g_assert_null (hmr_gui_test_find_label (GTK_WIDGET (detail), "Situation"));
  g_assert_null (hmr_gui_test_find_label (GTK_WIDGET (detail), "Edit"));
  gtk_widget_activate_action (GTK_WIDGET (detail), "beneficiary.archive", NULL);
  hmr_gui_test_flush ();
  g_assert_null (hmr_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  hmr_gui_test_screenshot (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page))), "detail-finance");
}

/* ---- the case file ---------------------------------------------------- */

static GDateTime *
december_clock (gpointer user_data)
{
  return g_date_time_new_utc (2026, 12, 12, 9, 0, 0);
}

static void
exec_sql (HmrGuiFixture *f,
          const char    *sql)
{
  sqlite3 *db;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, sql, NULL, NULL, &message);
  g_assert_null (message);
  sqlite3_close (db);
}

/* A returnee with a ban until March 2027, recognised as a victim of
 * trafficking, and some history, written as a caseworker would have */
static char *
register_returnee (HmrGuiFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = hmr_gui_test_new_beneficiary ("Раҳимов", "Фаррух", "21.03.1990");
  g_autofree char *sql = NULL;

  hmr_store_insert_beneficiary (f->store, f->caseworker, b, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf (
    "INSERT INTO reentry_ban (id, office_id, beneficiary_id, has_ban, imposed_by, start_date, duration_months, "
    "  end_date, appeal_status, created_at, updated_at) VALUES ('b1', '%1$s', '%2$s', 'yes', 'administrative', "
    "  '2022-03-12', 60, '2027-03-12', 'none', '2026-01-01', '2026-01-01');"
    "INSERT INTO trafficking_profile (id, office_id, beneficiary_id, status, exploitation_type, identified_by, "
    "  created_at, updated_at) VALUES ('t1', '%1$s', '%2$s', 'actual', 'forced_labour', 'NGO Madina', "
    "  '2026-01-01', '2026-01-01');"
    "INSERT INTO service_provider (id, name, service_types, district, created_at, updated_at) VALUES "
    "  ('p1', 'Legal Aid Centre Dusti', 'legal_aid', 'Dusti', '2026-01-01', '2026-01-01');"
    "INSERT INTO follow_up (id, office_id, beneficiary_id, kind, status, due_on, done_on, "
    "  created_at, updated_at) VALUES ('f1', '%1$s', '%2$s', 'phone', 'done', '2026-03-01', '2026-03-02', "
    "  '2026-02-01', '2026-02-01');"
    "INSERT INTO referral (id, office_id, beneficiary_id, provider_id, service_type, status, sent_on, "
    "  created_at, updated_at) VALUES ('r1', '%1$s', '%2$s', 'p1', 'legal_aid', 'accepted', '2026-02-03', "
    "  '2026-02-01', '2026-02-01');"
    "INSERT INTO group_session (id, office_id, district, held_on, module, created_at, updated_at) VALUES "
    "  ('s1', '%1$s', 'Dusti', '2026-01-20', 'Planning my future', '2026-01-20', '2026-01-20');"
    "INSERT INTO attendance (id, session_id, beneficiary_id) VALUES ('a1', 's1', '%2$s');",
    hmr_beneficiary_get (b, HMR_BENEFICIARY_OFFICE_ID), hmr_beneficiary_get (b, HMR_BENEFICIARY_ID));
  exec_sql (f, sql);
  return g_strdup (hmr_beneficiary_get (b, HMR_BENEFICIARY_ID));
}

static HmrBeneficiaryDetail *
open_case_file (HmrGuiFixture  *f,
                const HmrActor *actor,
                const char     *id)
{
  HmrBeneficiariesPage *page = hmr_window_get_beneficiaries_page (hmr_gui_test_open_window (f, actor));

  g_assert_true (hmr_beneficiaries_page_show_beneficiary (page, id));
  hmr_gui_test_flush ();
  return hmr_beneficiaries_page_get_detail (page);
}

static void
test_case_file_ban_and_timeline (HmrGuiFixture *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrCaseFile) file = NULL;
  g_autofree char *id = register_returnee (f);
  HmrBeneficiaryDetail *detail;
  HmrCaseFileSections *sections;
  GPtrArray *rows;
  gboolean kinds[HMR_TIMELINE_CHANGE + 1] = { FALSE, };

  hmr_store_set_clock (f->store, december_clock, NULL);
  detail = open_case_file (f, f->caseworker, id);
  sections = hmr_beneficiary_detail_get_sections (detail);

  /* The ban's end and the time left, counted from today */
  g_assert_cmpstr (adw_action_row_get_subtitle (hmr_case_file_sections_get_ban_row (sections)), ==,
                   "ends 12 March 2027 · 3 months left");
  g_assert_true (gtk_widget_get_visible (hmr_case_file_sections_get_group (sections, "trafficking")));

  /* The timeline: everything that happened, in date order */
  file = hmr_store_get_case_file (f->store, f->caseworker, id, &error);
  g_assert_no_error (error);
  rows = hmr_case_file_sections_get_timeline_rows (sections);
  g_assert_cmpuint (rows->len, ==, file->timeline->len);
  for (guint i = 0; i < rows->len; i++)
    {
      HmrTimelineEntry *e = g_ptr_array_index (file->timeline, i);

      g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), ==, e->title);
      if (i > 0)
        g_assert_cmpint (strncmp (((HmrTimelineEntry *) g_ptr_array_index (file->timeline, i - 1))->date,
                                  e->date, 10), <=, 0);
      kinds[e->kind] = TRUE;
    }
  g_assert_true (kinds[HMR_TIMELINE_REFERRAL]);
  g_assert_true (kinds[HMR_TIMELINE_FOLLOW_UP]);
  g_assert_true (kinds[HMR_TIMELINE_SESSION]);
  hmr_gui_test_screenshot (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (detail))), "detail-case-file");

  /* Something saved elsewhere (another connection, as a worker thread or
   * a received bundle would) shows as soon as the store announces it:
   * nobody tells the window */
  {
    g_autoptr(HmrStore) other = hmr_store_open_sibling (f->store, &error);
    g_autofree char *fu = NULL;

    g_assert_no_error (error);
    fu = hmr_store_schedule_follow_up (other, f->caseworker, id, "home_visit", "2026-12-10", NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (fu);
    g_assert_cmpuint (hmr_case_file_sections_get_timeline_rows (sections)->len, ==, file->timeline->len);
    while (g_main_context_iteration (NULL, FALSE))
      ;
  }
  g_assert_cmpuint (hmr_case_file_sections_get_timeline_rows (sections)->len, ==, file->timeline->len + 1);
  hmr_store_set_clock (f->store, NULL, NULL);
}

static void
test_finance_sees_no_trafficking_nor_actions (HmrGuiFixture *f,
                                              gconstpointer  data)
{
  g_autofree char *id = register_returnee (f);
  HmrBeneficiaryDetail *detail;
  HmrCaseFileSections *sections;

  /* The caseworker sees the profile and the quick actions, each for this person */
  detail = open_case_file (f, f->caseworker, id);
  sections = hmr_beneficiary_detail_get_sections (detail);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sections)));
  g_assert_true (gtk_widget_get_visible (hmr_case_file_sections_get_group (sections, "trafficking")));
  g_assert_true (gtk_widget_is_visible (hmr_beneficiary_detail_get_quick_action (detail, "win.refer")));
  g_assert_true (gtk_widget_is_visible (hmr_beneficiary_detail_get_quick_action (detail, "win.close-case")));
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (
                     GTK_ACTIONABLE (hmr_beneficiary_detail_get_quick_action (detail, "win.refer"))), NULL), ==, id);
  hmr_gui_test_destroy_windows ();

  /* Finance sees the identity only: no trafficking profile, no actions */
  detail = open_case_file (f, f->finance, id);
  sections = hmr_beneficiary_detail_get_sections (detail);
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (sections)));
  g_assert_false (gtk_widget_is_visible (hmr_case_file_sections_get_group (sections, "trafficking")));
  g_assert_null (hmr_gui_test_find_label (GTK_WIDGET (detail), "Trafficking Profile"));
  for (const char * const *a = (const char * const[]) { "win.refer", "win.follow-up", "win.plan",
                                                        "win.propose-grant", "win.new-handover",
                                                        "win.close-case", NULL }; *a; a++)
    g_assert_false (gtk_widget_is_visible (hmr_beneficiary_detail_get_quick_action (detail, *a)));
  hmr_gui_test_screenshot (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (detail))), "detail-finance-case-file");
}

int
main (int   argc,
      char *argv[])
{
  hmr_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, HmrGuiFixture, NULL, hmr_gui_fixture_set_up, func, hmr_gui_fixture_tear_down)

  ADD ("/gui/detail/archive-hides-row", test_archive_hides_row);
  ADD ("/gui/detail/cancel-archive-keeps-row", test_cancel_archive_keeps_row);
  ADD ("/gui/detail/finance-sees-identity-only", test_finance_sees_identity_only);
  ADD ("/gui/detail/case-file-ban-and-timeline", test_case_file_ban_and_timeline);
  ADD ("/gui/detail/finance-sees-no-trafficking-nor-actions", test_finance_sees_no_trafficking_nor_actions);

  return g_test_run ();
}
