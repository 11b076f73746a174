/* test-detail.c — one case file: reading it, archiving it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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

  return g_test_run ();
}
