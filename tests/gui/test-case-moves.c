/* test-case-moves.c — a supervisor reassigns a case, transfers it to
 * another office and moves its stage from the case file; a caseworker is
 * offered none of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hmr-case-file.h"
#include "hmr-case-move-dialog.h"
#include "hmr-gui-test-util.h"

#define PANJ_OFFICE "00000000-0000-4000-8000-000000000005"

static char *
register_person (HmrGuiFixture *f,
                 char         **case_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = hmr_gui_test_new_beneficiary ("Назаров", "Фаррух", "21.03.1990");
  g_autoptr(HmrCaseFile) file = NULL;

  g_assert_true (hmr_store_insert_beneficiary (f->store, f->caseworker, b, &error));
  g_assert_no_error (error);
  file = hmr_store_get_case_file (f->store, f->caseworker, hmr_beneficiary_get (b, HMR_BENEFICIARY_ID), &error);
  g_assert_no_error (error);
  *case_id = g_strdup (file->case_id);
  return g_strdup (hmr_beneficiary_get (b, HMR_BENEFICIARY_ID));
}

static HmrCaseInfo *
get_case (HmrGuiFixture *f,
          const char    *case_id)
{
  g_autoptr(GError) error = NULL;
  HmrCaseInfo *info = hmr_store_get_case (f->store, f->supervisor, case_id, &error);

  g_assert_no_error (error);
  return info;
}

static HmrActor *
add_caseworker (HmrGuiFixture *f,
                const char    *username,
                const char    *name,
                const char    *office)
{
  g_autoptr(GError) error = NULL;
  HmrActor *actor = hmr_store_create_user (f->store, f->admin, username, name, HMR_ROLE_CASEWORKER,
                                           office, "Obi-Kabud-5512", &error);
  g_assert_no_error (error);
  return actor;
}

static HmrCaseMoveDialog *
open_dialog (HmrWindow  *window,
             const char *action,
             const char *person)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, "s", person));
  hmr_gui_test_flush ();
  dialog = hmr_gui_test_find_window (HMR_TYPE_CASE_MOVE_DIALOG);
  g_assert_nonnull (dialog);
  return HMR_CASE_MOVE_DIALOG (dialog);
}

static void
test_supervisor_reassigns (HmrGuiFixture *f,
                           gconstpointer  data)
{
  g_autofree char *case_id = NULL;
  g_autofree char *person = register_person (f, &case_id);
  g_autoptr(HmrActor) other = add_caseworker (f, "s.nazarov", "Sorbon Nazarov", HMR_TEST_DUSTI_OFFICE);
  g_autoptr(HmrCaseInfo) info = NULL;
  HmrWindow *window = hmr_gui_test_open_window (f, f->supervisor);
  HmrCaseMoveDialog *dialog = open_dialog (window, "win.reassign-case", person);

  hmr_gui_test_select_choice (hmr_case_move_dialog_get_caseworker_row (dialog), "Sorbon Nazarov");
  hmr_case_move_dialog_set_reason (dialog, "Malika is on leave until March.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "case-move.apply", NULL));
  hmr_gui_test_flush ();
  g_assert_null (hmr_gui_test_find_window (HMR_TYPE_CASE_MOVE_DIALOG));

  info = get_case (f, case_id);
  g_assert_cmpstr (info->owner_id, ==, other->user_id);
  hmr_gui_test_destroy_windows ();
}

static GtkWidget *
find_suggested (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_has_css_class (root, "suggested-action"))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_suggested (c);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The main button of the header bar, as a person sees it */
static gboolean
apply_enabled (HmrCaseMoveDialog *dialog)
{
  GtkWidget *button = find_suggested (GTK_WIDGET (dialog));

  g_assert_nonnull (button);
  return gtk_widget_is_sensitive (button);
}

static void
test_supervisor_transfers (HmrGuiFixture *f,
                           gconstpointer  data)
{
  g_autofree char *case_id = NULL;
  g_autofree char *person = register_person (f, &case_id);
  g_autoptr(HmrActor) panj = add_caseworker (f, "d.safarov", "Dilshod Safarov", PANJ_OFFICE);
  g_autoptr(HmrCaseInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) hidden = NULL;
  HmrWindow *window = hmr_gui_test_open_window (f, f->supervisor);
  HmrCaseMoveDialog *dialog = open_dialog (window, "win.transfer-case", person);

  hmr_gui_test_select_choice (hmr_case_move_dialog_get_choice_row (dialog), "Panj (PNJ)");
  hmr_gui_test_select_choice (hmr_case_move_dialog_get_caseworker_row (dialog), "Dilshod Safarov");
  /* A transfer says why */
  g_assert_false (apply_enabled (dialog));
  hmr_case_move_dialog_set_reason (dialog, "The family moved to Panj.");
  g_assert_true (apply_enabled (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "case-move.apply", NULL));
  hmr_gui_test_flush ();

  info = get_case (f, case_id);
  g_assert_cmpstr (info->office_id, ==, PANJ_OFFICE);
  g_assert_cmpstr (info->owner_id, ==, panj->user_id);
  /* Dusti's caseworker no longer sees the person */
  hidden = hmr_store_get_beneficiary (f->store, f->caseworker, person, &error);
  g_assert_null (hidden);
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  hmr_gui_test_destroy_windows ();
}

static void
test_supervisor_moves_the_stage (HmrGuiFixture *f,
                                 gconstpointer  data)
{
  g_autofree char *case_id = NULL;
  g_autofree char *person = register_person (f, &case_id);
  g_autoptr(HmrCaseInfo) info = NULL;
  HmrWindow *window = hmr_gui_test_open_window (f, f->supervisor);
  HmrCaseMoveDialog *dialog = open_dialog (window, "win.move-case", person);

  hmr_gui_test_select_choice (hmr_case_move_dialog_get_choice_row (dialog), "Assessment");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "case-move.apply", NULL));
  hmr_gui_test_flush ();
  info = get_case (f, case_id);
  g_assert_cmpstr (info->stage, ==, "assessment");
  g_clear_pointer (&info, hmr_case_info_free);

  /* Closing, offered from services, asks for a reason */
  g_assert_true (hmr_store_move_case (f->store, f->supervisor, case_id, "case_plan", NULL, NULL));
  g_assert_true (hmr_store_move_case (f->store, f->supervisor, case_id, "services", NULL, NULL));
  dialog = open_dialog (window, "win.move-case", person);
  hmr_gui_test_select_choice (hmr_case_move_dialog_get_choice_row (dialog), "Closed");
  g_assert_false (apply_enabled (dialog));
  hmr_case_move_dialog_set_reason (dialog, "Works as a welder.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "case-move.apply", NULL));
  hmr_gui_test_flush ();
  info = get_case (f, case_id);
  g_assert_cmpstr (info->status, ==, "closed");
  g_assert_cmpstr (info->closure_reason, ==, "Works as a welder.");
  hmr_gui_test_destroy_windows ();
}

static void
test_caseworker_is_offered_no_moves (HmrGuiFixture *f,
                                     gconstpointer  data)
{
  g_autofree char *case_id = NULL;
  g_autofree char *person = register_person (f, &case_id);
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = hmr_store_get_beneficiary (f->store, f->caseworker, person, &error);
  HmrBeneficiaryDetail *detail;
  GtkWidget *window;

  g_assert_no_error (error);
  /* Not in the case file … */
  detail = hmr_beneficiary_detail_new (f->store, f->caseworker);
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (detail));
  hmr_beneficiary_detail_set_beneficiary (detail, b);
  g_assert_false (gtk_widget_get_visible (hmr_beneficiary_detail_get_quick_action (detail, "win.reassign-case")));
  gtk_window_destroy (GTK_WINDOW (window));

  /* … and the dialog refuses */
  g_assert_null (hmr_case_move_dialog_new (f->store, f->caseworker, person, HMR_CASE_MOVE_REASSIGN, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);

  /* A supervisor is */
  detail = hmr_beneficiary_detail_new (f->store, f->supervisor);
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (detail));
  hmr_beneficiary_detail_set_beneficiary (detail, b);
  g_assert_true (gtk_widget_get_visible (hmr_beneficiary_detail_get_quick_action (detail, "win.transfer-case")));
  gtk_window_destroy (GTK_WINDOW (window));
  hmr_gui_test_destroy_windows ();
}

#define ADD(path, func) \
  g_test_add (path, HmrGuiFixture, NULL, hmr_gui_fixture_set_up, func, hmr_gui_fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  hmr_gui_test_init (&argc, &argv);

  ADD ("/gui/case/supervisor-reassigns-from-the-case-file", test_supervisor_reassigns);
  ADD ("/gui/case/transfer-asks-why-and-leaves-the-old-office", test_supervisor_transfers);
  ADD ("/gui/case/supervisor-moves-the-stage", test_supervisor_moves_the_stage);
  ADD ("/gui/case/caseworker-is-offered-no-moves", test_caseworker_is_offered_no_moves);
  return g_test_run ();
}
