/* test-referrals.c — the referral board, the referral dialog and the
 * service-provider directory, as their users meet them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "hmr-demo.h"
#include "hmr-gui-test-util.h"
#include "hmr-providers-page.h"
#include "hmr-referral-dialog.h"
#include "hmr-referrals-export.h"
#include "hmr-referrals-page.h"

/* ---- data ------------------------------------------------------------- */

static GDateTime *
days_ago_clock (gpointer user_data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_add_days (now, -GPOINTER_TO_INT (user_data));
}

static char *
add_provider (HmrGuiFixture *f,
              const char    *name,
              const char    *services)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrProvider) p = hmr_provider_new ();

  p->name = g_strdup (name);
  p->service_types = g_strdup (services);
  p->district = g_strdup ("Dusti");
  p->phone = g_strdup ("+992 37 222 3344");
  p->address = g_strdup ("Rudaki 12, Dusti");
  g_assert_true (hmr_store_save_provider (f->store, f->admin, p, &error));
  g_assert_no_error (error);
  return g_strdup (p->id);
}

static char *
add_person (HmrGuiFixture *f,
            const char    *family,
            gboolean       consents)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = hmr_gui_test_new_beneficiary (family, "Фаррух", "21.03.1990");

  if (consents)
    {
      hmr_beneficiary_set (b, HMR_BENEFICIARY_CONSENT_DATE, "01.06.2025");
      hmr_beneficiary_set_bool (b, HMR_BENEFICIARY_CONSENT_SHARING, TRUE);
    }
  g_assert_true (hmr_store_insert_beneficiary (f->store, f->caseworker, b, &error));
  g_assert_no_error (error);
  return g_strdup (hmr_beneficiary_get (b, HMR_BENEFICIARY_ID));
}

/* A referral sent @days_ago days ago (legal aid is answered within days,
 * so one sent a month ago is overdue) */
static char *
send_referral (HmrGuiFixture *f,
               const char    *person,
               const char    *provider,
               const char    *service,
               int            days_ago)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrReferral) r = hmr_referral_new ();

  hmr_store_set_clock (f->store, days_ago_clock, GINT_TO_POINTER (days_ago));
  r->beneficiary_id = g_strdup (person);
  r->provider_id = g_strdup (provider);
  r->service_type = g_strdup (service);
  r->reason = g_strdup ("Re-entry ban to Russia until 2029");
  g_assert_true (hmr_store_create_referral (f->store, f->caseworker, r, &error));
  g_assert_no_error (error);
  g_assert_true (hmr_store_send_referral (f->store, f->caseworker, r->id, NULL, &error));
  g_assert_no_error (error);
  hmr_store_set_clock (f->store, NULL, NULL);
  return g_strdup (r->id);
}

static HmrReferralsPage *
open_board (HmrGuiFixture  *f,
            const HmrActor *actor)
{
  HmrWindow *window = hmr_gui_test_open_window (f, actor);
  GtkWidget *page;

  g_assert_true (hmr_window_show_area (window, "referrals"));
  hmr_gui_test_flush ();
  page = hmr_gui_test_find_widget (GTK_WIDGET (window), HMR_TYPE_REFERRALS_PAGE, NULL);
  g_assert_nonnull (page);
  return HMR_REFERRALS_PAGE (page);
}

static HmrReferralRow *
row_at (HmrReferralsPage *page,
        guint             i)
{
  return g_list_model_get_item (G_LIST_MODEL (hmr_referrals_page_get_model (page)), i);
}

static guint
n_rows (HmrReferralsPage *page)
{
  return g_list_model_get_n_items (G_LIST_MODEL (hmr_referrals_page_get_model (page)));
}

/* Chooses the drop-down entry shown as @label, as a person would */
static void
choose (HmrReferralsPage   *page,
        HmrReferralsFilter  filter,
        const char         *label)
{
  GtkDropDown *dropdown = hmr_referrals_page_get_filter (page, filter);
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), label) == 0)
        {
          gtk_drop_down_set_selected (dropdown, i);
          hmr_gui_test_flush ();
          return;
        }
    }
  g_error ("No choice “%s”", label);
}

/* ---- the board ---------------------------------------------------------- */

static void
test_board_overdue_first (HmrGuiFixture *f,
                          gconstpointer  data)
{
  g_autofree char *legal = add_provider (f, "State Legal Aid Centre, Dusti", "legal_aid");
  g_autofree char *jobs = add_provider (f, "Employment Centre of Dusti", "employment");
  g_autofree char *a = add_person (f, "Раҳимов", TRUE);
  g_autofree char *b = add_person (f, "Каримов", TRUE);
  g_autofree char *fresh = send_referral (f, a, jobs, "employment", 0);
  g_autofree char *late = send_referral (f, b, legal, "legal_aid", 40);
  HmrReferralsPage *page;
  g_autoptr(HmrReferralRow) first = NULL;
  g_autoptr(HmrReferralRow) second = NULL;

  page = open_board (f, f->supervisor);
  g_assert_cmpstr (hmr_referrals_page_get_state (page), ==, "table");
  g_assert_cmpuint (n_rows (page), ==, 2);

  /* The one sent forty days ago and never answered comes first, overdue */
  first = row_at (page, 0);
  g_assert_cmpstr (hmr_referral_row_get (first, HMR_REFERRAL_ROW_ID), ==, late);
  g_assert_true (hmr_referral_row_get_overdue (first));
  g_assert_cmpint (hmr_referral_row_get_days_overdue (first), >, 0);
  second = row_at (page, 1);
  g_assert_cmpstr (hmr_referral_row_get (second, HMR_REFERRAL_ROW_ID), ==, fresh);
  g_assert_false (hmr_referral_row_get_overdue (second));

  /* … and the page says so in words */
  g_assert_nonnull (hmr_gui_test_find_label (GTK_WIDGET (page), "Overdue"));
  hmr_gui_test_screenshot (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page))), "referrals-board");
}

static void
test_board_filters_narrow (HmrGuiFixture *f,
                           gconstpointer  data)
{
  g_autofree char *legal = add_provider (f, "State Legal Aid Centre, Dusti", "legal_aid");
  g_autofree char *jobs = add_provider (f, "Employment Centre of Dusti", "employment,vocational_training");
  g_autofree char *a = add_person (f, "Раҳимов", TRUE);
  g_autofree char *b = add_person (f, "Каримов", TRUE);
  g_autofree char *c = add_person (f, "Назаров", TRUE);
  g_autofree char *r1 = send_referral (f, a, legal, "legal_aid", 40);
  g_autofree char *r2 = send_referral (f, b, jobs, "employment", 2);
  g_autofree char *r3 = send_referral (f, c, jobs, "vocational_training", 1);
  g_autofree char *r4 = send_referral (f, c, legal, "legal_aid", 3);
  HmrReferralsPage *page = open_board (f, f->supervisor);

  g_assert_cmpuint (n_rows (page), ==, 4);
  g_assert_cmpstr (hmr_referrals_page_get_count_text (page), ==, "4 referrals");

  /* One provider: its two referrals, and the count says so */
  choose (page, HMR_REFERRALS_FILTER_PROVIDER, "Employment Centre of Dusti");
  g_assert_cmpuint (n_rows (page), ==, 2);
  g_assert_cmpstr (hmr_referrals_page_get_count_text (page), ==, "2 of 4 referrals");

  /* … and one service of it: filters combine */
  choose (page, HMR_REFERRALS_FILTER_SERVICE, "Vocational training");
  g_assert_cmpuint (n_rows (page), ==, 1);
  {
    g_autoptr(HmrReferralRow) only = row_at (page, 0);
    g_assert_cmpstr (hmr_referral_row_get (only, HMR_REFERRAL_ROW_ID), ==, r3);
  }
  g_assert_cmpstr (hmr_referrals_page_get_count_text (page), ==, "1 of 4 referrals");

  /* Nothing overdue there: the page says no referral matches */
  choose (page, HMR_REFERRALS_FILTER_STATUS, "Overdue");
  g_assert_cmpuint (n_rows (page), ==, 0);
  g_assert_cmpstr (hmr_referrals_page_get_state (page), ==, "no-results");
  hmr_gui_test_screenshot (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page))), "referrals-no-results");

  /* Clearing the filters brings all back; overdue alone is the old one */
  gtk_widget_activate_action (GTK_WIDGET (page), "referrals.clear-filters", NULL);
  g_assert_cmpuint (n_rows (page), ==, 4);
  choose (page, HMR_REFERRALS_FILTER_STATUS, "Overdue");
  g_assert_cmpuint (n_rows (page), ==, 1);
  {
    g_autoptr(HmrReferralRow) only = row_at (page, 0);
    g_assert_cmpstr (hmr_referral_row_get (only, HMR_REFERRAL_ROW_ID), ==, r1);
  }

  /* Age: sent more than 30 days ago, with any status */
  choose (page, HMR_REFERRALS_FILTER_STATUS, "All statuses");
  choose (page, HMR_REFERRALS_FILTER_AGE, "Sent 31 to 90 days ago");
  g_assert_cmpuint (n_rows (page), ==, 1);
  choose (page, HMR_REFERRALS_FILTER_AGE, "Sent in the last 7 days");
  g_assert_cmpuint (n_rows (page), ==, 3);

  /* The caseworker whose cases they are: all three */
  choose (page, HMR_REFERRALS_FILTER_CASEWORKER, "Дилноза Каримова");
  g_assert_cmpuint (n_rows (page), ==, 3);
  g_assert_cmpstr (hmr_referrals_page_get_count_text (page), ==, "3 of 4 referrals");
  (void) r2;
  (void) r4;
}

/* Monday morning on the demo data: overdue referrals on top, every state
 * there to see */
static void
test_board_on_demo_data (HmrGuiFixture *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hamroh-demo-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "demo.sqlite3", NULL);
  g_autoptr(HmrStore) store = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(HmrActor) supervisor = NULL;
  g_autoptr(HmrReferralRow) first = NULL;
  const HmrReferralCounts *counts;
  HmrReferralsPage *page;
  HmrWindow *window;

  g_assert_no_error (error);
  store = hmr_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (hmr_demo_fill (store, 150, 7, &users, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < users->len && supervisor == NULL; i++)
    {
      HmrDemoUser *u = g_ptr_array_index (users, i);
      if (u->role == HMR_ROLE_SUPERVISOR)
        supervisor = hmr_store_authenticate (store, u->username, u->password, &error);
    }
  g_assert_no_error (error);
  g_assert_nonnull (supervisor);

  hmr_application_set_store (f->app, store);
  window = hmr_window_new (f->app, store, supervisor);
  gtk_window_present (GTK_WINDOW (window));
  hmr_gui_test_flush ();
  g_assert_true (hmr_window_show_area (window, "referrals"));
  hmr_gui_test_flush ();
  page = HMR_REFERRALS_PAGE (hmr_gui_test_find_widget (GTK_WIDGET (window), HMR_TYPE_REFERRALS_PAGE, NULL));

  first = row_at (page, 0);
  g_assert_true (hmr_referral_row_get_overdue (first));
  /* overdue by days or weeks, as on a Monday morning, not by years */
  g_assert_cmpint (hmr_referral_row_get_days_overdue (first), <, 120);
  counts = hmr_referral_board_get_counts (hmr_referrals_page_get_model (page));
  g_assert_cmpuint (counts->overdue, >, 0);
  for (guint s = 0; s < HMR_REFERRAL_N_STATUSES; s++)
    g_assert_cmpuint (counts->by_status[s], >, 0);
  hmr_gui_test_screenshot (GTK_WIDGET (window), "referrals-demo");

  hmr_gui_test_destroy_windows ();
  hmr_application_set_store (f->app, f->store);
  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;
    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *file = g_build_filename (dir, name, NULL);
        g_remove (file);
      }
    g_rmdir (dir);
  }
}

static void
test_board_empty (HmrGuiFixture *f,
                  gconstpointer  data)
{
  HmrReferralsPage *page = open_board (f, f->caseworker);

  g_assert_cmpstr (hmr_referrals_page_get_state (page), ==, "empty");
  g_assert_nonnull (hmr_gui_test_find_label (GTK_WIDGET (page), "No Referrals Yet"));
}

/* ---- the export --------------------------------------------------------- */

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} ExportWait;

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ExportWait *wait = user_data;

  wait->ok = hmr_referrals_export_finish (result, &wait->error);
  wait->done = TRUE;
}

static gboolean
export_done (gpointer user_data)
{
  return ((ExportWait *) user_data)->done;
}

static void
test_export_in_a_thread (HmrGuiFixture *f,
                         gconstpointer  data)
{
  g_autofree char *legal = add_provider (f, "State Legal Aid Centre, Dusti", "legal_aid");
  g_autofree char *a = add_person (f, "Раҳимов", TRUE);
  g_autofree char *r1 = send_referral (f, a, legal, "legal_aid", 40);
  g_autofree char *path = g_build_filename (f->dir, "referrals.xlsx", NULL);
  g_autofree char *cancelled_path = g_build_filename (f->dir, "cancelled.xlsx", NULL);
  HmrReferralsPage *page = open_board (f, f->supervisor);
  GtkProgressBar *bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  ExportWait wait = { 0 };

  g_object_ref_sink (bar);
  hmr_referrals_export_async (f->store, f->supervisor,
                              hmr_referral_board_get_query (hmr_referrals_page_get_model (page)),
                              path, bar, NULL, on_exported, &wait);
  g_assert_true (hmr_gui_test_wait_until (export_done, &wait, 20000));
  g_assert_no_error (wait.error);
  g_assert_true (wait.ok);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  hmr_gui_test_flush ();
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (bar), ==, 1.0);

  /* Cancelled: an error saying so, and no file */
  memset (&wait, 0, sizeof wait);
  g_cancellable_cancel (cancellable);
  hmr_referrals_export_async (f->store, f->supervisor,
                              hmr_referral_board_get_query (hmr_referrals_page_get_model (page)),
                              cancelled_path, bar, cancellable, on_exported, &wait);
  g_assert_true (hmr_gui_test_wait_until (export_done, &wait, 20000));
  g_assert_false (wait.ok);
  g_assert_error (wait.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&wait.error);
  g_assert_false (g_file_test (cancelled_path, G_FILE_TEST_EXISTS));
  g_object_unref (bar);
  (void) r1;
}

/* Cancelled after the core had put the workbook in place, before the
 * main loop heard of it: the file goes, and the export says it was
 * cancelled */
static void
test_export_cancelled_after_writing (HmrGuiFixture *f,
                                     gconstpointer  data)
{
  g_autofree char *legal = add_provider (f, "State Legal Aid Centre, Dusti", "legal_aid");
  g_autofree char *a = add_person (f, "Раҳимов", TRUE);
  g_autofree char *r1 = send_referral (f, a, legal, "legal_aid", 40);
  g_autofree char *path = g_build_filename (f->dir, "late.xlsx", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  static const HmrReferralQuery everything = { 0 };
  ExportWait wait = { 0 };
  gint64 give_up = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  hmr_referrals_export_async (f->store, f->supervisor, &everything, path, NULL, cancellable, on_exported, &wait);
  /* No main loop meanwhile: the export cannot be reported before the cancel */
  while (!g_file_test (path, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < give_up)
    g_usleep (1000);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_cancellable_cancel (cancellable);

  g_assert_true (hmr_gui_test_wait_until (export_done, &wait, 20000));
  g_assert_false (wait.ok);
  g_assert_error (wait.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&wait.error);
  g_assert_false (hmr_gui_test_export_left (f->dir, "late.xlsx"));
  (void) r1;
}

static gboolean
board_not_exporting (gpointer user_data)
{
  return !hmr_referrals_page_get_exporting (HMR_REFERRALS_PAGE (user_data));
}

static void
test_board_export_cancelled (HmrGuiFixture *f,
                             gconstpointer  data)
{
  g_autofree char *legal = add_provider (f, "State Legal Aid Centre, Dusti", "legal_aid");
  g_autofree char *a = add_person (f, "Раҳимов", TRUE);
  g_autofree char *r1 = send_referral (f, a, legal, "legal_aid", 40);
  g_autofree char *path = g_build_filename (f->dir, "cancelled.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  HmrReferralsPage *page = open_board (f, f->supervisor);

  /* Cancel as soon as it starts, as the button in the progress bar does */
  hmr_referrals_page_export_to (page, file);
  g_assert_true (hmr_referrals_page_get_exporting (page));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "referrals.cancel-export", NULL));
  g_assert_true (hmr_gui_test_wait_until (board_not_exporting, page, 20000));
  g_assert_true (hmr_gui_test_wait_background_work (f, 20000));
  g_assert_false (hmr_gui_test_export_left (f->dir, "cancelled.xlsx"));
  (void) r1;
}

static void
test_board_export_window_closed (HmrGuiFixture *f,
                                 gconstpointer  data)
{
  g_autofree char *legal = add_provider (f, "State Legal Aid Centre, Dusti", "legal_aid");
  g_autofree char *path = g_build_filename (f->dir, "closed.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  HmrReferralsPage *page;
  gpointer weak = NULL;

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *family = g_strdup_printf ("Раҳимов %u", i);
      g_autofree char *person = add_person (f, family, TRUE);
      g_autofree char *referral = send_referral (f, person, legal, "legal_aid", 40);
    }
  page = open_board (f, f->supervisor);

  /* The window closes while the board is exported: the page goes at once
   * (the export does not hold it), its going cancels the export, and no
   * file is left, not even a half-written one.  The application is kept
   * until then, so that closing the last window does not end the process
   * before the export has cleaned up. */
  hmr_referrals_page_export_to (page, file);
  g_assert_true (hmr_referrals_page_get_exporting (page));
  g_assert_true (g_application_get_is_busy (G_APPLICATION (f->app)));
  weak = page;
  g_object_add_weak_pointer (G_OBJECT (page), &weak);
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (page))));
  g_assert_null (weak);
  g_assert_true (hmr_gui_test_wait_background_work (f, 20000));
  g_assert_false (hmr_gui_test_export_left (f->dir, "closed.xlsx"));
}

/* ---- the dialog ----------------------------------------------------------- */

static HmrReferralDialog *
open_new_referral (HmrWindow  *window,
                   const char *person)
{
  HmrReferralDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.refer", "s", person));
  hmr_gui_test_flush ();
  dialog = HMR_REFERRAL_DIALOG (hmr_gui_test_find_window (HMR_TYPE_REFERRAL_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_null (hmr_referral_dialog_get_error (dialog));
  return dialog;
}

static void
fill_referral (HmrReferralDialog *dialog,
               const char        *service,
               const char        *reason)
{
  GtkWidget *service_row = hmr_gui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Service");
  GtkWidget *reason_row = hmr_gui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Reason");

  g_assert_nonnull (service_row);
  g_assert_nonnull (reason_row);
  hmr_gui_test_select_choice (ADW_COMBO_ROW (service_row), service);
  gtk_editable_set_text (GTK_EDITABLE (reason_row), reason);
  hmr_gui_test_flush ();
}

static void
test_caseworker_sends_answers_completes (HmrGuiFixture *f,
                                         gconstpointer  data)
{
  g_autofree char *legal = add_provider (f, "State Legal Aid Centre, Dusti", "legal_aid");
  g_autofree char *jobs = add_provider (f, "Employment Centre of Dusti", "employment");
  g_autofree char *person = add_person (f, "Раҳимов", TRUE);
  HmrWindow *window;
  HmrReferralsPage *page;
  HmrReferralDialog *dialog;
  GtkWidget *provider_row, *comment_row;
  g_autoptr(HmrReferral) stored = NULL;
  g_autoptr(GError) error = NULL;

  page = open_board (f, f->caseworker);
  g_assert_cmpuint (n_rows (page), ==, 0);
  window = HMR_WINDOW (gtk_widget_get_root (GTK_WIDGET (page)));

  dialog = open_new_referral (window, person);
  fill_referral (dialog, "Employment", "Lost his job in Russia; wants work as a welder");

  /* The providers offered are those of the chosen service */
  provider_row = hmr_gui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, "Provider");
  g_assert_nonnull (provider_row);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (provider_row))), ==, 1);
  {
    g_autoptr(GtkStringObject) item = g_list_model_get_item (adw_combo_row_get_model (ADW_COMBO_ROW (provider_row)), 0);
    g_assert_cmpstr (gtk_string_object_get_string (item), ==, "Employment Centre of Dusti");
  }
  hmr_gui_test_screenshot (GTK_WIDGET (dialog), "referral-new");

  /* Send: stored as sent, with a due date, and on the board */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "referral.send", NULL));
  hmr_gui_test_flush ();
  g_assert_null (hmr_referral_dialog_get_error (dialog));
  g_assert_cmpstr (hmr_referral_dialog_get_status (dialog), ==, "sent");
  stored = hmr_store_get_referral (f->store, f->caseworker, hmr_referral_dialog_get_referral_id (dialog), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->status, ==, "sent");
  g_assert_cmpstr (stored->provider_id, ==, jobs);
  g_assert_nonnull (stored->due_on);
  g_assert_cmpuint (n_rows (page), ==, 1);
  {
    g_autoptr(HmrReferralRow) row = row_at (page, 0);
    g_assert_cmpstr (hmr_referral_row_get (row, HMR_REFERRAL_ROW_ID), ==, stored->id);
    g_assert_cmpstr (hmr_referral_row_get (row, HMR_REFERRAL_ROW_STATUS), ==, "sent");
  }

  /* A caseworker may not revoke: no such button */
  g_assert_null (hmr_gui_test_find_label (GTK_WIDGET (dialog), "Revoke"));
  g_assert_nonnull (hmr_gui_test_find_label (GTK_WIDGET (dialog), "Accepted"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "referral.revoke", NULL);
  g_assert_cmpstr (hmr_referral_dialog_get_status (dialog), ==, "sent");

  /* The provider's answer, then the outcome, in the same window */
  comment_row = hmr_gui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Provider’s answer or comment");
  g_assert_nonnull (comment_row);
  gtk_editable_set_text (GTK_EDITABLE (comment_row), "Interview on Monday");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "referral.accept", NULL);
  hmr_gui_test_flush ();
  g_assert_null (hmr_referral_dialog_get_error (dialog));
  g_assert_cmpstr (hmr_referral_dialog_get_status (dialog), ==, "accepted");

  comment_row = hmr_gui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Outcome or comment");
  g_assert_nonnull (comment_row);
  gtk_editable_set_text (GTK_EDITABLE (comment_row), "Hired as a welder");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "referral.complete", NULL);
  hmr_gui_test_flush ();
  g_assert_cmpstr (hmr_referral_dialog_get_status (dialog), ==, "completed");
  hmr_gui_test_screenshot (GTK_WIDGET (dialog), "referral-completed");

  g_clear_pointer (&stored, hmr_referral_free);
  stored = hmr_store_get_referral (f->store, f->caseworker, hmr_referral_dialog_get_referral_id (dialog), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->provider_answer, ==, "Interview on Monday");
  g_assert_cmpstr (stored->outcome, ==, "Hired as a welder");
  g_assert_cmpuint (stored->history->len, ==, 4);

  /* The slip, in Russian, for the person to carry */
  {
    g_autofree char *slip = g_build_filename (f->dir, "slip", NULL);
    g_autofree char *pdf = g_strconcat (slip, ".pdf", NULL);

    g_assert_true (hmr_referral_dialog_save_slip (dialog, "ru", slip));
    g_assert_null (hmr_referral_dialog_get_error (dialog));
    g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  }
  /* … offered in each language a slip is printed in: Tajik, Russian, English */
  {
    GtkWidget *button = hmr_gui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_MENU_BUTTON, NULL);
    GMenuModel *menu;
    g_autoptr(GString) targets = g_string_new (NULL);

    g_assert_nonnull (button);
    menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
    g_assert_nonnull (menu);
    for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
      {
        GMenuModel *section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);
        GMenuModel *items = section != NULL ? section : menu;

        for (int i = 0; i < g_menu_model_get_n_items (items); i++)
          {
            g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (items, i, G_MENU_ATTRIBUTE_TARGET,
                                                                                G_VARIANT_TYPE_STRING);
            if (target != NULL)
              g_string_append_printf (targets, "%s ", g_variant_get_string (target, NULL));
          }
        g_clear_object (&section);
        if (items == menu)
          break;
      }
    g_assert_cmpstr (targets->str, ==, "tg ru en ");
  }
  {
    g_autoptr(HmrReferralRow) row = row_at (page, 0);
    g_assert_cmpstr (hmr_referral_row_get (row, HMR_REFERRAL_ROW_STATUS), ==, "completed");
  }
  (void) legal;
}

static void
test_send_refused_without_consent (HmrGuiFixture *f,
                                   gconstpointer  data)
{
  g_autofree char *legal = add_provider (f, "State Legal Aid Centre, Dusti", "legal_aid");
  g_autofree char *person = add_person (f, "Саидов", FALSE);
  HmrWindow *window = hmr_gui_test_open_window (f, f->caseworker);
  HmrReferralDialog *dialog = open_new_referral (window, person);
  const char *message;
  g_autoptr(HmrReferral) stored = NULL;
  g_autoptr(GError) error = NULL;

  fill_referral (dialog, "Legal aid on the re-entry ban", "Wants to appeal the ban");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "referral.send", NULL);
  hmr_gui_test_flush ();

  /* Refused, saying why, and kept as a draft */
  message = hmr_referral_dialog_get_error (dialog);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "consent"));
  g_assert_nonnull (hmr_gui_test_find_label (GTK_WIDGET (dialog), message));
  g_assert_cmpstr (hmr_referral_dialog_get_status (dialog), ==, "draft");
  stored = hmr_store_get_referral (f->store, f->caseworker, hmr_referral_dialog_get_referral_id (dialog), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->status, ==, "draft");
  g_assert_null (stored->sent_on);
  hmr_gui_test_screenshot (GTK_WIDGET (dialog), "referral-refused");

  /* The person agrees today: switching consent on lets it go */
  {
    GtkWidget *consent = hmr_gui_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, NULL);
    g_assert_nonnull (consent);
    gtk_switch_set_active (GTK_SWITCH (consent), TRUE);
  }
  gtk_widget_activate_action (GTK_WIDGET (dialog), "referral.send", NULL);
  hmr_gui_test_flush ();
  g_assert_null (hmr_referral_dialog_get_error (dialog));
  g_assert_cmpstr (hmr_referral_dialog_get_status (dialog), ==, "sent");
  (void) legal;
}

static void
test_supervisor_overrides_consent (HmrGuiFixture *f,
                                   gconstpointer  data)
{
  g_autofree char *legal = add_provider (f, "State Legal Aid Centre, Dusti", "legal_aid");
  g_autofree char *person = add_person (f, "Саидов", FALSE);
  HmrWindow *window = hmr_gui_test_open_window (f, f->supervisor);
  HmrReferralDialog *dialog = open_new_referral (window, person);
  GtkWidget *override;

  fill_referral (dialog, "Legal aid on the re-entry ban", "Court date next week");
  override = hmr_gui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Reason to send without consent");
  g_assert_nonnull (override);
  gtk_editable_set_text (GTK_EDITABLE (override), "Court hearing on Monday; consent by phone");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "referral.send", NULL);
  hmr_gui_test_flush ();
  g_assert_null (hmr_referral_dialog_get_error (dialog));
  g_assert_cmpstr (hmr_referral_dialog_get_status (dialog), ==, "sent");
  (void) legal;
}

/* ---- the provider directory -------------------------------------------- */

static void
test_admin_sees_directory_not_beneficiaries (HmrGuiFixture *f,
                                             gconstpointer  data)
{
  g_autofree char *legal = add_provider (f, "State Legal Aid Centre, Dusti", "legal_aid");
  HmrWindow *window = hmr_gui_test_open_window (f, f->admin);
  GtkWidget *page;

  g_assert_false (hmr_window_show_area (window, "beneficiaries"));
  g_assert_false (hmr_window_show_area (window, "referrals"));
  g_assert_null (hmr_window_get_beneficiaries_page (window));
  g_assert_true (hmr_window_show_area (window, "providers"));
  hmr_gui_test_flush ();
  page = hmr_gui_test_find_widget (GTK_WIDGET (window), HMR_TYPE_PROVIDERS_PAGE, NULL);
  g_assert_nonnull (page);
  g_assert_nonnull (hmr_gui_test_find_label (GTK_WIDGET (page), "State Legal Aid Centre, Dusti"));
  hmr_gui_test_screenshot (GTK_WIDGET (window), "providers");
  (void) legal;
}

static void
test_caseworker_has_no_directory (HmrGuiFixture *f,
                                  gconstpointer  data)
{
  HmrWindow *window = hmr_gui_test_open_window (f, f->caseworker);

  g_assert_false (hmr_window_show_area (window, "providers"));
  g_assert_true (hmr_window_show_area (window, "referrals"));
}

static void
test_provider_editor_names_the_field (HmrGuiFixture *f,
                                      gconstpointer  data)
{
  HmrWindow *window = hmr_gui_test_open_window (f, f->admin);
  GtkWindow *editor;
  GtkWidget *name_row;
  const char *message;

  g_assert_true (hmr_window_show_area (window, "providers"));
  hmr_gui_test_flush ();
  g_assert_true (gtk_widget_activate_action (hmr_gui_test_find_widget (GTK_WIDGET (window), HMR_TYPE_PROVIDERS_PAGE, NULL),
                                             "providers.add", NULL));
  hmr_gui_test_flush ();
  editor = hmr_gui_test_find_window (HMR_TYPE_PROVIDER_EDITOR);
  g_assert_nonnull (editor);

  /* No name: refused, naming the field */
  gtk_widget_activate_action (GTK_WIDGET (editor), "provider.save", NULL);
  hmr_gui_test_flush ();
  message = hmr_provider_editor_get_error (HMR_PROVIDER_EDITOR (editor));
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (message, "Organisation"));

  /* A name and a service: saved, and listed */
  name_row = hmr_gui_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, "Organisation");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Centre for Adult Education, Dusti branch");
  hmr_provider_editor_set_service (HMR_PROVIDER_EDITOR (editor), "vocational_training", TRUE);
  hmr_gui_test_screenshot (GTK_WIDGET (editor), "provider-editor");
  gtk_widget_activate_action (GTK_WIDGET (editor), "provider.save", NULL);
  hmr_gui_test_flush ();
  g_assert_null (hmr_gui_test_find_window (HMR_TYPE_PROVIDER_EDITOR));
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) all = hmr_store_list_providers (f->store, f->admin, "vocational_training", NULL, FALSE, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (all->len, ==, 1);
  }
  g_assert_nonnull (hmr_gui_test_find_label (GTK_WIDGET (window), "Centre for Adult Education, Dusti branch"));
}

int
main (int   argc,
      char *argv[])
{
  hmr_gui_test_init (&argc, &argv);

#define ADD(path, fn) \
  g_test_add (path, HmrGuiFixture, NULL, hmr_gui_fixture_set_up, fn, hmr_gui_fixture_tear_down)

  ADD ("/gui/referrals/board/overdue-first", test_board_overdue_first);
  ADD ("/gui/referrals/board/filters-narrow-list-and-count", test_board_filters_narrow);
  ADD ("/gui/referrals/board/empty", test_board_empty);
  ADD ("/gui/referrals/board/demo-data-overdue-first", test_board_on_demo_data);
  ADD ("/gui/referrals/board/export-in-a-thread", test_export_in_a_thread);
  ADD ("/gui/referrals/board/export-cancelled-after-writing-leaves-no-file", test_export_cancelled_after_writing);
  ADD ("/gui/referrals/board/export-cancelled-leaves-no-file", test_board_export_cancelled);
  ADD ("/gui/referrals/board/export-window-closed-meanwhile-leaves-no-file", test_board_export_window_closed);
  ADD ("/gui/referrals/dialog/send-answer-complete", test_caseworker_sends_answers_completes);
  ADD ("/gui/referrals/dialog/send-refused-without-consent", test_send_refused_without_consent);
  ADD ("/gui/referrals/dialog/supervisor-overrides-consent", test_supervisor_overrides_consent);
  ADD ("/gui/referrals/providers/admin-sees-directory", test_admin_sees_directory_not_beneficiaries);
  ADD ("/gui/referrals/providers/not-for-caseworkers", test_caseworker_has_no_directory);
  ADD ("/gui/referrals/providers/editor-names-the-field", test_provider_editor_names_the_field);

  return g_test_run ();
}
