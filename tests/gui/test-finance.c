/* test-finance.c — grants through the dialogs, tranches in the finance
 * workspace, the ledger exported from it, and signed handovers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "hmr-gui-test-util.h"
#include "hmr-labels.h"
#include "hmr-grant-util.h"
#include "hmr-finance-page.h"
#include "hmr-grants-page.h"
#include "hmr-grant-dialog.h"
#include "hmr-handover-dialog.h"
#include "hmr-tranche-dialog.h"

/* ---- data ------------------------------------------------------------- */

static char *
add_person (HmrGuiFixture *f,
            const char    *family,
            const char    *given)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = hmr_gui_test_new_beneficiary (family, given, "21.03.1990");

  g_assert_true (hmr_store_insert_beneficiary (f->store, f->caseworker, b, &error));
  g_assert_no_error (error);
  return g_strdup (hmr_beneficiary_get (b, HMR_BENEFICIARY_ID));
}

/* A grant of @requested dirams, submitted and approved at @approved */
static char *
add_approved_grant (HmrGuiFixture *f,
                    const char    *person,
                    const char    *purpose,
                    gint64         requested,
                    gint64         approved)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrGrant) g = hmr_grant_new ();

  g->purpose = g_strdup (purpose);
  hmr_grant_add_item (g, "Welding machine", 1, "pcs", requested);
  hmr_grant_add_member (g, person);
  g_assert_true (hmr_store_insert_grant (f->store, f->caseworker, g, &error));
  g_assert_no_error (error);
  g_assert_true (hmr_store_submit_grant (f->store, f->caseworker, g->id, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (hmr_store_approve_grant (f->store, f->supervisor, g->id, approved, NULL, &error));
  g_assert_no_error (error);
  return g_strdup (g->id);
}

static HmrGrant *
load_grant (HmrGuiFixture *f,
            const char    *id)
{
  g_autoptr(GError) error = NULL;
  HmrGrant *g = hmr_store_get_grant (f->store, f->supervisor, id, &error);

  g_assert_no_error (error);
  return g;
}

static gboolean
list_has_row (GtkListBox *list,
              const char *id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), id) == 0)
      return TRUE;
  return FALSE;
}

static GtkWidget *
list_row (GtkListBox *list,
          const char *id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), id) == 0)
      return row;
  g_error ("no row for %s", id);
  return NULL;
}

static HmrFinancePage *
open_finance (HmrGuiFixture *f)
{
  HmrWindow *window = hmr_gui_test_open_window (f, f->finance);
  GtkWidget *page;

  g_assert_true (hmr_window_show_area (window, "finance"));
  hmr_gui_test_flush ();
  page = hmr_gui_test_find_widget (GTK_WIDGET (window), HMR_TYPE_FINANCE_PAGE, NULL);
  g_assert_nonnull (page);
  return HMR_FINANCE_PAGE (page);
}

static void
type_into (GtkWidget  *editable,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

/* ---- finance: tranches -------------------------------------------------- */

static void
test_tranche_from_workspace (HmrGuiFixture *f,
                             gconstpointer  data)
{
  g_autofree char *person = add_person (f, "Раҳимов", "Фаррух");
  g_autofree char *grant_id = add_approved_grant (f, person, "Auto-repair shop", 587400, 500000);
  g_autoptr(HmrGrant) after_refusal = NULL;
  g_autoptr(HmrGrant) paid = NULL;
  g_autofree char *approved_text = NULL;
  HmrFinancePage *page = open_finance (f);
  HmrTrancheDialog *dialog;
  GtkWidget *error_label;

  /* the approved grant waits for money */
  g_assert_true (list_has_row (hmr_finance_page_get_list (page, "waiting_list"), grant_id));
  g_assert_false (list_has_row (hmr_finance_page_get_list (page, "disbursing_list"), grant_id));
  hmr_gui_test_screenshot (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page))), "finance-waiting");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "finance.pay", "s", grant_id));
  dialog = HMR_TRANCHE_DIALOG (hmr_gui_test_find_window (HMR_TYPE_TRANCHE_DIALOG));
  g_assert_nonnull (dialog);
  hmr_gui_test_flush ();

  /* more than the approved amount: refused beside the amount, nothing saved */
  type_into (hmr_tranche_dialog_get_amount_row (dialog), "5 000,01");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "tranche.record", NULL);
  hmr_gui_test_flush ();
  error_label = hmr_tranche_dialog_get_amount_error (dialog);
  g_assert_true (gtk_widget_is_visible (error_label));
  approved_text = hmr_money_format (500000, "TJS", HMR_MONEY_LOCALE);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), approved_text));
  g_assert_true (gtk_widget_has_css_class (hmr_tranche_dialog_get_amount_row (dialog), "error"));
  hmr_gui_test_screenshot (GTK_WIDGET (dialog), "tranche-refused");
  g_assert_true (hmr_gui_test_find_window (HMR_TYPE_TRANCHE_DIALOG) == GTK_WINDOW (dialog));
  after_refusal = load_grant (f, grant_id);
  g_assert_cmpuint (after_refusal->disbursements->len, ==, 0);
  g_assert_cmpstr (after_refusal->status, ==, "approved");

  /* correcting the amount hides the message; a right amount is recorded */
  type_into (hmr_tranche_dialog_get_amount_row (dialog), "2 000,50");
  g_assert_false (gtk_widget_is_visible (error_label));
  hmr_gui_test_select_choice (ADW_COMBO_ROW (hmr_tranche_dialog_get_method_row (dialog)),
                              hmr_disbursement_method_get_label ("supplier_payment"));
  type_into (hmr_tranche_dialog_get_reference_row (dialog), "INV-0042");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "tranche.record", NULL);
  hmr_gui_test_flush ();
  g_assert_null (hmr_gui_test_find_window (HMR_TYPE_TRANCHE_DIALOG));

  paid = load_grant (f, grant_id);
  g_assert_cmpuint (paid->disbursements->len, ==, 1);
  g_assert_cmpint (((HmrDisbursement *) g_ptr_array_index (paid->disbursements, 0))->amount, ==, 200050);
  g_assert_cmpstr (((HmrDisbursement *) g_ptr_array_index (paid->disbursements, 0))->method, ==, "supplier_payment");
  g_assert_cmpstr (((HmrDisbursement *) g_ptr_array_index (paid->disbursements, 0))->reference, ==, "INV-0042");
  g_assert_cmpstr (paid->status, ==, "disbursing");

  /* the workspace moved it */
  g_assert_false (list_has_row (hmr_finance_page_get_list (page, "waiting_list"), grant_id));
  g_assert_true (list_has_row (hmr_finance_page_get_list (page, "disbursing_list"), grant_id));
}

/* A tranche recorded elsewhere while the dialog is open: the dialog's
 * figures are old, the store's refusal says it is about the amount, and
 * the dialog shows it there rather than guessing from its old figures */
static void
test_tranche_paid_meanwhile_refused_beside_amount (HmrGuiFixture *f,
                                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *person = add_person (f, "Раҳимов", "Фаррух");
  g_autofree char *grant_id = add_approved_grant (f, person, "Auto-repair shop", 587400, 500000);
  g_autofree char *left_text = hmr_money_format (200000, "TJS", HMR_MONEY_LOCALE);
  HmrFinancePage *page = open_finance (f);
  HmrTrancheDialog *dialog;
  GtkWidget *error_label;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "finance.pay", "s", grant_id));
  dialog = HMR_TRANCHE_DIALOG (hmr_gui_test_find_window (HMR_TYPE_TRANCHE_DIALOG));
  g_assert_nonnull (dialog);
  hmr_gui_test_flush ();

  /* another finance officer pays 3,000 of the 5,000 meanwhile */
  g_assert_true (hmr_store_record_disbursement (f->store, f->finance, grant_id, "2026-11-20", 300000, "cash",
                                                NULL, NULL, &error));
  g_assert_no_error (error);

  /* 2,500 was still possible when the dialog opened; no longer */
  type_into (hmr_tranche_dialog_get_amount_row (dialog), "2 500");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "tranche.record", NULL);
  hmr_gui_test_flush ();
  error_label = hmr_tranche_dialog_get_amount_error (dialog);
  g_assert_true (gtk_widget_is_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), left_text));
  g_assert_true (gtk_widget_has_css_class (hmr_tranche_dialog_get_amount_row (dialog), "error"));
  g_assert_true (hmr_gui_test_find_window (HMR_TYPE_TRANCHE_DIALOG) == GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* ---- a grant through the roles ----------------------------------------- */

static void
test_grant_through_dialogs (HmrGuiFixture *f,
                            gconstpointer  data)
{
  g_autofree char *lead = add_person (f, "Назаров", "Ғайрат");
  g_autofree char *partner = add_person (f, "Каримов", "Ҷамшед");
  g_autoptr(HmrBeneficiary) partner_b = NULL;
  g_autoptr(HmrGrant) submitted = NULL;
  g_autoptr(HmrGrant) approved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *grant_id = NULL;
  HmrWindow *window;
  HmrGrantDialog *dialog;
  GtkWidget *page, *row;
  GtkTextBuffer *plan;

  partner_b = hmr_store_get_beneficiary (f->store, f->caseworker, partner, &error);
  g_assert_no_error (error);

  /* the caseworker drafts from the case file's quick action */
  window = hmr_gui_test_open_window (f, f->caseworker);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.propose-grant", "s", lead));
  dialog = HMR_GRANT_DIALOG (hmr_gui_test_find_window (HMR_TYPE_GRANT_DIALOG));
  g_assert_nonnull (dialog);
  hmr_gui_test_flush ();

  type_into (hmr_grant_dialog_get_widget (dialog, "purpose_row"), "Auto-repair shop on the Dusti road");
  plan = gtk_text_view_get_buffer (GTK_TEXT_VIEW (hmr_grant_dialog_get_widget (dialog, "plan_view")));
  gtk_text_buffer_set_text (plan, "Tyre and engine repairs; the families give the land.", -1);

  type_into (hmr_grant_dialog_get_widget (dialog, "line_name_row"), "Cement, 50 kg bags");
  type_into (hmr_grant_dialog_get_widget (dialog, "line_quantity_row"), "30");
  type_into (hmr_grant_dialog_get_widget (dialog, "line_unit_row"), "bags");
  type_into (hmr_grant_dialog_get_widget (dialog, "line_cost_row"), "52");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "grant.add-line", NULL));
  type_into (hmr_grant_dialog_get_widget (dialog, "line_name_row"), "Roof timber");
  type_into (hmr_grant_dialog_get_widget (dialog, "line_quantity_row"), "0,2");
  type_into (hmr_grant_dialog_get_widget (dialog, "line_unit_row"), "m³");
  type_into (hmr_grant_dialog_get_widget (dialog, "line_cost_row"), "3 170");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "grant.add-line", NULL));

  /* a group business: the second beneficiary by case number */
  type_into (hmr_grant_dialog_get_widget (dialog, "add_member_row"),
             hmr_beneficiary_get (partner_b, HMR_BENEFICIARY_CASE_NUMBER));
  g_signal_emit_by_name (hmr_grant_dialog_get_widget (dialog, "add_member_row"), "apply");
  hmr_gui_test_flush ();
  g_assert_cmpuint (hmr_grant_dialog_get_grant (dialog)->members->len, ==, 2);
  hmr_gui_test_screenshot (GTK_WIDGET (dialog), "grant-draft");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "grant.submit", NULL));
  hmr_gui_test_flush ();
  grant_id = g_strdup (hmr_grant_dialog_get_grant (dialog)->id);
  g_assert_nonnull (grant_id);
  submitted = load_grant (f, grant_id);
  g_assert_cmpstr (submitted->status, ==, "submitted");
  g_assert_cmpuint (submitted->members->len, ==, 2);
  g_assert_cmpuint (submitted->items->len, ==, 2);
  g_assert_cmpint (submitted->amount_requested, ==, 30 * 5200 + 63400);
  g_assert_cmpstr (submitted->business_plan, ==, "Tyre and engine repairs; the families give the land.");
  /* submitted: the caseworker can no longer edit or approve it */
  g_assert_false (gtk_widget_get_visible (hmr_grant_dialog_get_widget (dialog, "save_button")));
  g_assert_false (gtk_widget_get_visible (hmr_grant_dialog_get_widget (dialog, "approve_button")));
  hmr_gui_test_destroy_windows ();

  /* the supervisor finds it waiting for a decision */
  window = hmr_gui_test_open_window (f, f->supervisor);
  g_assert_true (hmr_window_show_area (window, "grants"));
  hmr_gui_test_flush ();
  page = hmr_gui_test_find_widget (GTK_WIDGET (window), HMR_TYPE_GRANTS_PAGE, NULL);
  g_assert_nonnull (page);
  hmr_gui_test_screenshot (GTK_WIDGET (window), "grants-supervisor");
  row = list_row (hmr_grants_page_get_list (HMR_GRANTS_PAGE (page), "review_list"), grant_id);
  g_signal_emit_by_name (hmr_grants_page_get_list (HMR_GRANTS_PAGE (page), "review_list"), "row-activated", row);
  dialog = HMR_GRANT_DIALOG (hmr_gui_test_find_window (HMR_TYPE_GRANT_DIALOG));
  g_assert_nonnull (dialog);
  hmr_gui_test_flush ();
  g_assert_true (gtk_widget_get_visible (hmr_grant_dialog_get_widget (dialog, "decision_group")));

  /* more than requested is refused beside the amount */
  type_into (hmr_grant_dialog_get_widget (dialog, "approve_amount_row"), "10000");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "grant.approve", NULL);
  hmr_gui_test_flush ();
  g_assert_true (gtk_widget_is_visible (hmr_grant_dialog_get_widget (dialog, "approve_amount_error_label")));
  g_assert_cmpstr (hmr_grant_dialog_get_grant (dialog)->status, ==, "submitted");

  /* a lower amount is approved */
  type_into (hmr_grant_dialog_get_widget (dialog, "approve_amount_row"), "1 800");
  type_into (hmr_grant_dialog_get_widget (dialog, "comment_row"), "Timber from the jamoat");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "grant.approve", NULL));
  hmr_gui_test_flush ();
  hmr_gui_test_screenshot (GTK_WIDGET (dialog), "grant-approved");
  approved = load_grant (f, grant_id);
  g_assert_cmpstr (approved->status, ==, "approved");
  g_assert_cmpint (approved->amount_approved, ==, 180000);
  g_assert_cmpuint (approved->history->len, ==, 3);
  g_assert_false (gtk_widget_get_visible (hmr_grant_dialog_get_widget (dialog, "decision_group")));

  /* the page it was opened from reads its lists again: the grant has
   * moved on to those being paid */
  g_assert_nonnull (list_row (hmr_grants_page_get_list (HMR_GRANTS_PAGE (page), "funded_list"), grant_id));
}

static void
test_reject_needs_comment (HmrGuiFixture *f,
                           gconstpointer  data)
{
  g_autofree char *person = add_person (f, "Раҳимов", "Фаррух");
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrGrant) g = hmr_grant_new ();
  g_autoptr(HmrGrant) after = NULL;
  HmrGrantDialog *dialog;

  g->purpose = g_strdup ("Sewing machine");
  hmr_grant_add_item (g, "Sewing machine", 1, "pcs", 250000);
  hmr_grant_add_member (g, person);
  g_assert_true (hmr_store_insert_grant (f->store, f->caseworker, g, &error));
  g_assert_true (hmr_store_submit_grant (f->store, f->caseworker, g->id, NULL, &error));
  g_assert_no_error (error);

  hmr_gui_test_open_window (f, f->supervisor);
  dialog = hmr_grant_dialog_new_for_grant (NULL, f->store, f->supervisor, g->id, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (dialog));
  hmr_gui_test_flush ();

  gtk_widget_activate_action (GTK_WIDGET (dialog), "grant.reject", NULL);
  hmr_gui_test_flush ();
  g_assert_true (gtk_widget_is_visible (hmr_grant_dialog_get_widget (dialog, "comment_error_label")));
  after = load_grant (f, g->id);
  g_assert_cmpstr (after->status, ==, "submitted");
  g_clear_pointer (&after, hmr_grant_free);

  type_into (hmr_grant_dialog_get_widget (dialog, "comment_row"), "The plan does not say who will buy");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "grant.reject", NULL);
  hmr_gui_test_flush ();
  after = load_grant (f, g->id);
  g_assert_cmpstr (after->status, ==, "rejected");
}

static gboolean
no_grant_dialog (gpointer user_data)
{
  return hmr_gui_test_find_window (HMR_TYPE_GRANT_DIALOG) == NULL;
}

static void
test_closing_asks_before_discarding (HmrGuiFixture *f,
                                     gconstpointer  data)
{
  g_autofree char *person = add_person (f, "Раҳимов", "Фаррух");
  g_autoptr(GPtrArray) grants = NULL;
  g_autoptr(GError) error = NULL;
  HmrGrantQuery query = { 0 };
  HmrGrantDialog *dialog;
  HmrWindow *window;
  GtkWindow *confirm;

  window = hmr_gui_test_open_window (f, f->caseworker);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.propose-grant", "s", person));
  dialog = HMR_GRANT_DIALOG (hmr_gui_test_find_window (HMR_TYPE_GRANT_DIALOG));
  g_assert_nonnull (dialog);
  hmr_gui_test_flush ();

  /* nothing typed: closes at once */
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (hmr_gui_test_wait_until (no_grant_dialog, NULL, 2000));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.propose-grant", "s", person));
  dialog = HMR_GRANT_DIALOG (hmr_gui_test_find_window (HMR_TYPE_GRANT_DIALOG));
  hmr_gui_test_flush ();
  type_into (hmr_grant_dialog_get_widget (dialog, "purpose_row"), "Bakery oven");
  gtk_window_close (GTK_WINDOW (dialog));
  hmr_gui_test_flush ();
  g_assert_true (hmr_gui_test_find_window (HMR_TYPE_GRANT_DIALOG) == GTK_WINDOW (dialog));
  confirm = hmr_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "discard");
  g_assert_true (hmr_gui_test_wait_until (no_grant_dialog, NULL, 2000));

  grants = hmr_store_list_grants (f->store, f->caseworker, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (grants->len, ==, 0);
}

/* ---- the ledger in Excel ------------------------------------------------- */

static const char sum_script[] =
  "import sys, openpyxl, datetime\n"
  "wb = openpyxl.load_workbook(sys.argv[1])\n"
  "ws = wb.worksheets[0]\n"
  "total = 0; rows = 0\n"
  "for r in ws.iter_rows(min_row=2):\n"
  "    if isinstance(r[0].value, datetime.datetime) and isinstance(r[10].value, (int, float)):\n"
  "        total += round(r[10].value * 100); rows += 1\n"
  "print(ws.title, rows, total, ws.freeze_panes)\n";

static gboolean
not_exporting (gpointer user_data)
{
  return !hmr_finance_page_get_exporting (HMR_FINANCE_PAGE (user_data));
}

/* A button of the window whose label is @label (as in "_Open") */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_ledger_export (HmrGuiFixture *f,
                    gconstpointer  data)
{
  g_autofree char *a = add_person (f, "Раҳимов", "Фаррух");
  g_autofree char *b = add_person (f, "Каримов", "Ҷамшед");
  g_autofree char *g1 = add_approved_grant (f, a, "Auto-repair shop", 587400, 587400);
  g_autofree char *g2 = add_approved_grant (f, b, "=HYPERLINK(\"http://x\",\"y\")", 300000, 250000);
  g_autofree char *path = g_build_filename (f->dir, "ledger.xlsx", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "/usr/bin/python3", "-c", sum_script, path, NULL };
  gint64 store_total = 0;
  HmrFinancePage *page;
  int status;

  g_assert_true (hmr_store_record_disbursement (f->store, f->finance, g1, "2026-11-02", 300000, "cash", "R-1", NULL, &error));
  g_assert_true (hmr_store_record_disbursement (f->store, f->finance, g1, "2026-11-20", 287400, "bank_transfer", "PO-7", NULL, &error));
  g_assert_true (hmr_store_record_disbursement (f->store, f->finance, g2, "2026-11-21", 123456, "supplier_payment", "INV-3", NULL, &error));
  g_assert_no_error (error);
  for (const char **id = (const char *[]) { g1, g2, NULL }; *id; id++)
    {
      g_autoptr(HmrGrant) g = load_grant (f, *id);
      store_total += hmr_grant_get_paid (g);
    }
  g_assert_cmpint (store_total, ==, 300000 + 287400 + 123456);

  page = open_finance (f);
  hmr_finance_page_export_ledger_to (page, file);
  g_assert_true (hmr_finance_page_get_exporting (page));
  g_assert_true (hmr_gui_test_wait_until (not_exporting, page, 20000));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("openpyxl could not read %s: %s", path, err);
  expected = g_strdup_printf ("3 %" G_GINT64_FORMAT " A2\n", store_total);
  g_assert_true (g_str_has_suffix (out, expected));
  /* The toast says where, and opens it as the referral board's does */
  hmr_gui_test_flush ();
  g_assert_nonnull (hmr_gui_test_find_label (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page))),
                                             "Ledger saved as “ledger.xlsx”"));
  g_assert_nonnull (find_button (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page))), "_Open"));
  hmr_gui_test_screenshot (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page))), "finance-exported");
}

static void
test_ledger_export_cancelled (HmrGuiFixture *f,
                              gconstpointer  data)
{
  g_autofree char *a = add_person (f, "Раҳимов", "Фаррух");
  g_autofree char *g1 = add_approved_grant (f, a, "Auto-repair shop", 587400, 587400);
  g_autofree char *path = g_build_filename (f->dir, "cancelled.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  HmrFinancePage *page;

  g_assert_true (hmr_store_record_disbursement (f->store, f->finance, g1, "2026-11-02", 300000, "cash", "R-1", NULL, &error));
  g_assert_no_error (error);
  page = open_finance (f);

  /* Cancel is pressed before the thread may start: nothing is written */
  hmr_finance_page_export_ledger_to (page, file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "finance.cancel-export", NULL));
  g_assert_true (hmr_gui_test_wait_until (not_exporting, page, 20000));
  g_assert_false (hmr_gui_test_export_left (f->dir, "cancelled.xlsx"));
}

static gboolean
page_gone (gpointer user_data)
{
  return *(gpointer *) user_data == NULL;
}

static void
test_ledger_export_window_closed (HmrGuiFixture *f,
                                  gconstpointer  data)
{
  g_autofree char *a = add_person (f, "Раҳимов", "Фаррух");
  g_autofree char *g1 = add_approved_grant (f, a, "Auto-repair shop", 587400, 587400);
  g_autofree char *path = g_build_filename (f->dir, "closed.xlsx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  HmrFinancePage *page;
  gpointer weak = NULL;

  g_assert_true (hmr_store_record_disbursement (f->store, f->finance, g1, "2026-11-02", 300000, "cash", "R-1", NULL, &error));
  g_assert_no_error (error);
  page = open_finance (f);

  /* The window closes while the ledger is written: the page goes at
   * once (the export does not hold it), its going cancels the export,
   * and no file is left, not even a half-written one.  The application
   * is kept until then, so that closing the last window does not end the
   * process before the export has cleaned up. */
  hmr_finance_page_export_ledger_to (page, file);
  g_assert_true (hmr_finance_page_get_exporting (page));
  g_assert_true (g_application_get_is_busy (G_APPLICATION (f->app)));
  weak = page;
  g_object_add_weak_pointer (G_OBJECT (page), &weak);
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (page))));
  g_assert_true (page_gone (&weak));
  g_assert_true (hmr_gui_test_wait_background_work (f, 20000));
  g_assert_false (hmr_gui_test_export_left (f->dir, "closed.xlsx"));
}

/* ---- handovers ------------------------------------------------------------ */

static void
test_signed_handover_read_only (HmrGuiFixture *f,
                                gconstpointer  data)
{
  g_autofree char *person = add_person (f, "Раҳимов", "Фаррух");
  g_autoptr(HmrHandover) h = hmr_handover_new ();
  g_autoptr(HmrHandover) correction = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *original_id = NULL;
  HmrHandoverDialog *dialog;

  h->beneficiary_id = g_strdup (person);
  h->handed_on = g_strdup ("2026-11-20");
  h->place = g_strdup ("Jamoat Navobod");
  h->received_by = g_strdup ("Раҳимов Фаррух");
  hmr_handover_add_item (h, "Welding machine", 1, 320000, "WM-000123");
  hmr_handover_add_item (h, "Compressor", 1, 210000, NULL);
  hmr_handover_add_witness (h, "Каримов Саидҷон", "Jamoat chairman");
  g_assert_true (hmr_store_insert_handover (f->store, f->caseworker, h, &error));
  g_assert_no_error (error);
  g_assert_true (hmr_store_sign_handover (f->store, f->caseworker, h->id, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  original_id = g_strdup (h->id);

  hmr_gui_test_open_window (f, f->caseworker);
  dialog = hmr_handover_dialog_new_for_handover (NULL, f->store, f->caseworker, original_id, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (dialog));
  hmr_gui_test_flush ();
  hmr_gui_test_screenshot (GTK_WIDGET (dialog), "handover-signed");

  g_assert_true (hmr_handover_dialog_get_read_only (dialog));
  g_assert_false (gtk_widget_get_visible (hmr_handover_dialog_get_widget (dialog, "save_button")));
  g_assert_false (gtk_widget_get_visible (hmr_handover_dialog_get_widget (dialog, "sign_button")));
  g_assert_false (gtk_widget_get_visible (hmr_handover_dialog_get_widget (dialog, "add_item_list")));
  g_assert_false (gtk_widget_get_visible (hmr_handover_dialog_get_widget (dialog, "add_photo_button")));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (hmr_handover_dialog_get_widget (dialog, "place_row"))));
  /* even the keyboard shortcut saves nothing */
  type_into (hmr_handover_dialog_get_widget (dialog, "place_row"), "Somewhere else");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "handover.save", NULL);
  hmr_gui_test_flush ();
  {
    g_autoptr(HmrHandover) again = hmr_store_get_handover (f->store, f->caseworker, original_id, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (again->place, ==, "Jamoat Navobod");
  }
  g_assert_true (gtk_widget_get_visible (hmr_handover_dialog_get_widget (dialog, "print_button")));

  /* "Correct…" opens a new draft linked to the signed act */
  g_assert_true (gtk_widget_get_visible (hmr_handover_dialog_get_widget (dialog, "correct_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "handover.correct", NULL));
  hmr_gui_test_flush ();
  dialog = HMR_HANDOVER_DIALOG (hmr_gui_test_find_window (HMR_TYPE_HANDOVER_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_false (hmr_handover_dialog_get_read_only (dialog));
  g_assert_cmpstr (hmr_handover_dialog_get_handover (dialog)->corrects_id, ==, original_id);
  type_into (hmr_handover_dialog_get_widget (dialog, "place_row"), "Jamoat Navobod, village Guliston");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "handover.save", NULL));
  hmr_gui_test_flush ();
  g_assert_nonnull (hmr_handover_dialog_get_handover (dialog)->id);
  correction = hmr_store_get_handover (f->store, f->caseworker, hmr_handover_dialog_get_handover (dialog)->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (correction->corrects_id, ==, original_id);
  g_assert_cmpstr (correction->place, ==, "Jamoat Navobod, village Guliston");
  g_assert_cmpuint (correction->items->len, ==, 2);
  g_assert_cmpstr (correction->status, ==, "draft");
  hmr_gui_test_screenshot (GTK_WIDGET (dialog), "handover-correction");
}

static void
test_handover_drafted_and_signed (HmrGuiFixture *f,
                                  gconstpointer  data)
{
  g_autofree char *person = add_person (f, "Раҳимов", "Фаррух");
  g_autoptr(HmrHandover) saved = NULL;
  g_autoptr(GError) error = NULL;
  HmrHandoverDialog *dialog;
  HmrWindow *window;
  GtkWindow *confirm;

  window = hmr_gui_test_open_window (f, f->caseworker);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-handover", "s", person));
  dialog = HMR_HANDOVER_DIALOG (hmr_gui_test_find_window (HMR_TYPE_HANDOVER_DIALOG));
  g_assert_nonnull (dialog);
  hmr_gui_test_flush ();
  g_assert_false (hmr_handover_dialog_get_read_only (dialog));

  type_into (hmr_handover_dialog_get_widget (dialog, "place_row"), "Jamoat Navobod");
  type_into (hmr_handover_dialog_get_widget (dialog, "item_name_row"), "Welding machine");
  type_into (hmr_handover_dialog_get_widget (dialog, "item_quantity_row"), "1");
  type_into (hmr_handover_dialog_get_widget (dialog, "item_value_row"), "3 200");
  type_into (hmr_handover_dialog_get_widget (dialog, "item_serial_row"), "WM-000123");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "handover.add-item", NULL));
  type_into (hmr_handover_dialog_get_widget (dialog, "witness_name_row"), "Каримов Саидҷон");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "handover.witness-role", "s",
                                             hmr_witness_role_suggestions ()[0]));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "handover.add-witness", NULL));
  hmr_gui_test_screenshot (GTK_WIDGET (dialog), "handover-draft");

  /* Sign asks first; confirming saves and locks the act */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "handover.sign", NULL));
  hmr_gui_test_flush ();
  confirm = hmr_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "sign");
  hmr_gui_test_flush ();

  g_assert_nonnull (hmr_handover_dialog_get_handover (dialog)->id);
  saved = hmr_store_get_handover (f->store, f->caseworker, hmr_handover_dialog_get_handover (dialog)->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->status, ==, "signed");
  g_assert_cmpuint (saved->items->len, ==, 1);
  g_assert_cmpint (hmr_handover_get_total (saved), ==, 320000);
  g_assert_cmpuint (saved->witnesses->len, ==, 1);
  g_assert_cmpstr (((HmrHandoverWitness *) g_ptr_array_index (saved->witnesses, 0))->role, ==,
                   hmr_witness_role_suggestions ()[0]);
  g_assert_true (hmr_handover_dialog_get_read_only (dialog));
}

/* ---- amounts as people type them -------------------------------------- */

int
main (int   argc,
      char *argv[])
{
  hmr_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, HmrGuiFixture, NULL, hmr_gui_fixture_set_up, func, hmr_gui_fixture_tear_down)

  ADD ("/finance/tranche-from-the-workspace-refused-above-approved", test_tranche_from_workspace);
  ADD ("/finance/tranche-paid-meanwhile-refused-beside-the-amount", test_tranche_paid_meanwhile_refused_beside_amount);
  ADD ("/grants/draft-submitted-approved-through-the-dialog", test_grant_through_dialogs);
  ADD ("/grants/reject-needs-a-comment", test_reject_needs_comment);
  ADD ("/grants/closing-asks-before-discarding", test_closing_asks_before_discarding);
  ADD ("/finance/ledger-export-read-back-with-openpyxl", test_ledger_export);
  ADD ("/finance/ledger-export-cancelled-leaves-no-file", test_ledger_export_cancelled);
  ADD ("/finance/ledger-export-window-closed-meanwhile-leaves-no-file", test_ledger_export_window_closed);
  ADD ("/handovers/drafted-and-signed-through-the-dialog", test_handover_drafted_and_signed);
  ADD ("/handovers/signed-act-read-only-corrected-by-new-act", test_signed_handover_read_only);

  return g_test_run ();
}
