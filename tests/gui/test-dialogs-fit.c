/* test-dialogs-fit.c — every dialog fits an office laptop's screen
 * (1366×768, 1280×720) and acts like the others: the header bar holds
 * Cancel at its start and the one suggested action at its end, and no
 * second blue button waits anywhere else
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-gui-test-util.h"
#include "hmr-ban-dialog.h"
#include "hmr-beneficiaries-page.h"
#include "hmr-beneficiary-form.h"
#include "hmr-case-move-dialog.h"
#include "hmr-follow-up-dialog.h"
#include "hmr-grant.h"
#include "hmr-grant-dialog.h"
#include "hmr-handover-dialog.h"
#include "hmr-import-assistant.h"
#include "hmr-migration-dialog.h"
#include "hmr-password-dialog.h"
#include "hmr-plan-dialog.h"
#include "hmr-provider-editor.h"
#include "hmr-referral-dialog.h"
#include "hmr-session-dialog.h"
#include "hmr-survey-round-dialog.h"
#include "hmr-trafficking-dialog.h"
#include "hmr-tranche-dialog.h"
#include "hmr-user-dialog.h"
#include "hmr-vulnerability-dialog.h"

/* The smallest screen offices have, less the top bar a desktop keeps */
#define SCREEN_WIDTH 1280
#define SCREEN_HEIGHT 720
#define MAX_DIALOG_HEIGHT 660

typedef struct
{
  HmrGuiFixture  gui;
  char          *person;         /* a beneficiary of the caseworker's */
  char          *draft_grant;    /* the caseworker's draft */
  char          *submitted;      /* waiting for the supervisor */
  char          *approved;       /* waiting for money */
} Fixture;

static char *
add_grant (Fixture    *f,
           const char *purpose,
           int         stage)       /* 0 draft, 1 submitted, 2 approved */
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrGrant) g = hmr_grant_new ();

  g->purpose = g_strdup (purpose);
  hmr_grant_add_item (g, "Дастгоҳи кафшергарӣ", 1, "дона", 320000);
  hmr_grant_add_item (g, "Компрессор", 1, "дона", 180000);
  hmr_grant_add_member (g, f->person);
  g_assert_true (hmr_store_insert_grant (f->gui.store, f->gui.caseworker, g, &error));
  g_assert_no_error (error);
  if (stage >= 1)
    g_assert_true (hmr_store_submit_grant (f->gui.store, f->gui.caseworker, g->id, NULL, &error));
  if (stage >= 2)
    g_assert_true (hmr_store_approve_grant (f->gui.store, f->gui.supervisor, g->id, 500000, NULL, &error));
  g_assert_no_error (error);
  return g_strdup (g->id);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = hmr_gui_test_new_beneficiary ("Шарипов", "Умед", "21.03.1990");

  hmr_gui_fixture_set_up (&f->gui, data);
  g_assert_true (hmr_store_insert_beneficiary (f->gui.store, f->gui.caseworker, b, &error));
  g_assert_no_error (error);
  f->person = g_strdup (hmr_beneficiary_get (b, HMR_BENEFICIARY_ID));
  f->draft_grant = add_grant (f, "Устохонаи таъмири мошин", 0);
  f->submitted = add_grant (f, "Дӯкони деҳа", 1);
  f->approved = add_grant (f, "Нонпазӣ", 2);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->person);
  g_free (f->draft_grant);
  g_free (f->submitted);
  g_free (f->approved);
  hmr_gui_fixture_tear_down (&f->gui, data);
}

/* ---- what a dialog must be ------------------------------------------------ */

static void
collect_buttons (GtkWidget *widget,
                 const char *css_class,
                 GPtrArray  *out)
{
  if (!gtk_widget_get_mapped (widget))
    return;
  if ((GTK_IS_BUTTON (widget) || GTK_IS_MENU_BUTTON (widget)) &&
      gtk_widget_has_css_class (widget, css_class))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_buttons (child, css_class, out);
}

static GtkWidget *
find_header_bar (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget))
    return NULL;
  if (ADW_IS_HEADER_BAR (widget) || GTK_IS_HEADER_BAR (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_header_bar (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
button_text (GtkWidget *button)
{
  GtkWidget *label = hmr_gui_test_find_widget (button, GTK_TYPE_LABEL, NULL);

  if (GTK_IS_BUTTON (button) && gtk_button_get_label (GTK_BUTTON (button)) != NULL)
    return gtk_button_get_label (GTK_BUTTON (button));
  return label != NULL ? gtk_label_get_label (GTK_LABEL (label)) : "";
}

/* Whether @button lies inside @window's area */
static void
assert_on_screen (GtkWidget  *window,
                  GtkWidget  *button,
                  const char *name)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (button, window, &bounds));
  g_test_message ("%s: “%s” at %.0f,%.0f %.0f×%.0f", name, button_text (button),
                  bounds.origin.x, bounds.origin.y, bounds.size.width, bounds.size.height);
  g_assert_cmpfloat (bounds.origin.x, >=, 0);
  g_assert_cmpfloat (bounds.origin.y, >=, 0);
  g_assert_cmpfloat (bounds.origin.x + bounds.size.width, <=, gtk_widget_get_width (window));
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (window));
}

/* @decides: (nullable): where the one suggested action may sit outside
 * the header bar: right by the value it decides (the grant review's
 * approved amount) */
static void
check_dialog_deciding (GtkWindow  *window,
                       const char *name,
                       gboolean    has_cancel,
                       GtkWidget  *decides)
{
  GtkWidget *w = GTK_WIDGET (window);
  GtkWidget *header;
  g_autoptr(GPtrArray) suggested = g_ptr_array_new ();
  g_autoptr(GPtrArray) in_header = g_ptr_array_new ();
  g_autofree char *shot = g_strdup_printf ("fit-%s", name);

  gtk_window_present (window);
  hmr_gui_test_flush ();
  hmr_gui_test_screenshot (w, shot);

  /* Fits 1280×720 as it opens, buttons and all */
  g_test_message ("%s: %d×%d", name, gtk_widget_get_width (w), gtk_widget_get_height (w));
  g_assert_cmpint (gtk_widget_get_width (w), <=, SCREEN_WIDTH);
  g_assert_cmpint (gtk_widget_get_height (w), <=, MAX_DIALOG_HEIGHT);
  g_assert_cmpint (gtk_widget_get_height (w), <=, SCREEN_HEIGHT);

  header = find_header_bar (w);
  g_assert_nonnull (header);
  collect_buttons (header, "suggested-action", in_header);
  collect_buttons (w, "suggested-action", suggested);

  /* One blue button at most, and it is the header bar's, at its end */
  g_assert_cmpuint (suggested->len, <=, 1);
  if (decides != NULL && suggested->len == 1 && in_header->len == 0)
    g_assert_true (gtk_widget_is_ancestor (g_ptr_array_index (suggested, 0), decides));
  else
    g_assert_cmpuint (suggested->len, ==, in_header->len);
  for (guint i = 0; i < in_header->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (in_header, i);
      graphene_rect_t bounds;

      assert_on_screen (w, button, name);
      g_assert_true (gtk_widget_compute_bounds (button, header, &bounds));
      g_assert_cmpfloat (bounds.origin.x, >, gtk_widget_get_width (header) / 2);
    }

  /* Cancel (or Close) at the start, on screen */
  if (has_cancel)
    {
      GtkWidget *cancel = NULL;
      g_autoptr(GPtrArray) all = g_ptr_array_new ();

      g_autoptr(GPtrArray) stack = g_ptr_array_new ();

      /* every visible button of the header bar */
      g_ptr_array_add (stack, header);
      while (stack->len > 0)
        {
          GtkWidget *x = g_ptr_array_steal_index (stack, stack->len - 1);

          if (!gtk_widget_get_mapped (x))
            continue;
          if (GTK_IS_BUTTON (x))
            g_ptr_array_add (all, x);
          for (GtkWidget *c = gtk_widget_get_first_child (x); c != NULL; c = gtk_widget_get_next_sibling (c))
            g_ptr_array_add (stack, c);
        }
      /* "Close" once what the dialog shows is saved: closing loses nothing */
      for (guint i = 0; i < all->len; i++)
        if (g_str_has_suffix (button_text (g_ptr_array_index (all, i)), "Cancel") ||
            g_str_has_suffix (button_text (g_ptr_array_index (all, i)), "Close"))
          cancel = g_ptr_array_index (all, i);
      g_assert_nonnull (cancel);
      assert_on_screen (w, cancel, name);
      {
        graphene_rect_t bounds;

        g_assert_true (gtk_widget_compute_bounds (cancel, header, &bounds));
        g_assert_cmpfloat (bounds.origin.x, <, gtk_widget_get_width (header) / 2);
      }
    }
  gtk_window_destroy (window);
  hmr_gui_test_flush ();
}

static void
check_dialog (GtkWindow  *window,
              const char *name,
              gboolean    has_cancel)
{
  check_dialog_deciding (window, name, has_cancel, NULL);
}

/* ---- the dialogs ------------------------------------------------------------ */

static void
test_caseworker_dialogs_fit (Fixture       *f,
                             gconstpointer  data)
{
  HmrStore *store = f->gui.store;
  const HmrActor *cw = f->gui.caseworker;
  g_autoptr(GError) error = NULL;
  HmrHandoverDialog *handover;

  check_dialog (GTK_WINDOW (hmr_beneficiary_form_new (store, cw, NULL)), "beneficiary-form", TRUE);
  check_dialog (GTK_WINDOW (hmr_referral_dialog_new_for_beneficiary (store, cw, f->person)), "referral", TRUE);
  check_dialog (GTK_WINDOW (hmr_plan_dialog_new (store, cw, f->person, &error)), "plan", TRUE);
  g_assert_no_error (error);
  check_dialog (GTK_WINDOW (hmr_follow_up_dialog_new_schedule (store, cw, f->person, &error)), "follow-up", TRUE);
  g_assert_no_error (error);
  check_dialog (GTK_WINDOW (hmr_grant_dialog_new_draft (NULL, store, cw, f->person, &error)), "grant-new", TRUE);
  g_assert_no_error (error);
  check_dialog (GTK_WINDOW (hmr_grant_dialog_new_for_grant (NULL, store, cw, f->draft_grant, &error)),
                "grant-draft", TRUE);
  g_assert_no_error (error);
  handover = hmr_handover_dialog_new_draft (NULL, store, cw, f->person, f->approved, &error);
  g_assert_no_error (error);
  /* the paper is printed first, then signed: Print Act is offered in the
   * form, Sign only in the header bar */
  g_assert_true (gtk_widget_get_visible (hmr_handover_dialog_get_widget (handover, "print_button")));
  g_assert_nonnull (gtk_widget_get_ancestor (hmr_handover_dialog_get_widget (handover, "sign_button"),
                                             ADW_TYPE_HEADER_BAR));
  g_assert_null (gtk_widget_get_ancestor (hmr_handover_dialog_get_widget (handover, "print_button"),
                                          ADW_TYPE_HEADER_BAR));
  check_dialog (GTK_WINDOW (handover), "handover", TRUE);
  check_dialog (GTK_WINDOW (hmr_ban_dialog_new (store, cw, f->person, &error)), "ban", TRUE);
  g_assert_no_error (error);
  check_dialog (GTK_WINDOW (hmr_migration_dialog_new (store, cw, f->person, NULL, &error)), "migration", TRUE);
  g_assert_no_error (error);
  check_dialog (GTK_WINDOW (hmr_trafficking_dialog_new (store, cw, f->person, &error)), "trafficking", TRUE);
  g_assert_no_error (error);
  check_dialog (GTK_WINDOW (hmr_vulnerability_dialog_new (store, cw, f->person, &error)), "vulnerability", TRUE);
  g_assert_no_error (error);
  check_dialog (GTK_WINDOW (hmr_session_dialog_new (store, cw, NULL, &error)), "session", TRUE);
  g_assert_no_error (error);
  check_dialog (GTK_WINDOW (hmr_import_assistant_new (store, cw)), "import", TRUE);
  check_dialog (GTK_WINDOW (hmr_password_dialog_new (store, cw)), "password", TRUE);
}

static void
test_supervisor_dialogs_fit (Fixture       *f,
                             gconstpointer  data)
{
  HmrStore *store = f->gui.store;
  const HmrActor *sup = f->gui.supervisor;
  g_autoptr(GError) error = NULL;
  HmrGrantDialog *review;
  GtkWidget *decision;

  /* the grant review: Approve and Reject by the amount they decide */
  review = hmr_grant_dialog_new_for_grant (NULL, store, sup, f->submitted, &error);
  g_assert_no_error (error);
  decision = hmr_grant_dialog_get_widget (review, "decision_group");
  g_assert_true (gtk_widget_is_ancestor (hmr_grant_dialog_get_widget (review, "approve_button"), decision));
  g_assert_true (gtk_widget_is_ancestor (hmr_grant_dialog_get_widget (review, "reject_button"), decision));
  g_assert_true (gtk_widget_is_ancestor (hmr_grant_dialog_get_widget (review, "approve_amount_row"), decision));
  check_dialog_deciding (GTK_WINDOW (review), "grant-review", TRUE, decision);
  check_dialog (GTK_WINDOW (hmr_case_move_dialog_new (store, sup, f->person, HMR_CASE_MOVE_REASSIGN, &error)),
                "reassign", TRUE);
  g_assert_no_error (error);
  check_dialog (GTK_WINDOW (hmr_case_move_dialog_new (store, sup, f->person, HMR_CASE_MOVE_TRANSFER, &error)),
                "transfer", TRUE);
  g_assert_no_error (error);
  check_dialog (GTK_WINDOW (hmr_survey_round_dialog_new (store, sup)), "survey-round", TRUE);
}

static void
test_finance_and_admin_dialogs_fit (Fixture       *f,
                                    gconstpointer  data)
{
  HmrStore *store = f->gui.store;
  g_autoptr(GError) error = NULL;

  check_dialog (GTK_WINDOW (hmr_tranche_dialog_new (NULL, store, f->gui.finance, f->approved, &error)),
                "tranche", TRUE);
  g_assert_no_error (error);
  check_dialog (GTK_WINDOW (hmr_user_dialog_new (store, f->gui.admin, NULL)), "user", TRUE);
  check_dialog (GTK_WINDOW (hmr_provider_editor_new (store, f->gui.admin, NULL)), "provider", TRUE);
}


/* The main window, for every role, opens within 1280×720; in the case
 * file the destructive Archive… is never beside Edit */
static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (GTK_IS_ACTIONABLE (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
edit_shown (gpointer window)
{
  return find_action_button (window, "beneficiary.edit") != NULL;
}

static void
test_window_fits_and_archive_is_away_from_edit (Fixture       *f,
                                                gconstpointer  data)
{
  const HmrActor *actors[] = { f->gui.caseworker, f->gui.supervisor, f->gui.finance, f->gui.admin };
  HmrWindow *window;
  GtkWidget *edit;

  for (guint i = 0; i < G_N_ELEMENTS (actors); i++)
    {
      window = hmr_gui_test_open_window (&f->gui, actors[i]);
      g_test_message ("window of %s: %d×%d", actors[i]->username,
                      gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)));
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, SCREEN_WIDTH);
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, MAX_DIALOG_HEIGHT);
      gtk_window_destroy (GTK_WINDOW (window));
      hmr_gui_test_flush ();
    }

  window = hmr_gui_test_open_window (&f->gui, f->gui.caseworker);
  g_assert_true (hmr_window_show_area (window, "beneficiaries"));
  g_assert_true (hmr_beneficiaries_page_show_beneficiary (hmr_window_get_beneficiaries_page (window), f->person));
  g_assert_true (hmr_gui_test_wait_until (edit_shown, window, 5000));
  edit = find_action_button (GTK_WIDGET (window), "beneficiary.edit");
  hmr_gui_test_screenshot (GTK_WIDGET (window), "fit-case-file");
  for (GtkWidget *near = gtk_widget_get_first_child (gtk_widget_get_parent (edit)); near != NULL;
       near = gtk_widget_get_next_sibling (near))
    {
      g_assert_false (gtk_widget_has_css_class (near, "destructive-action"));
      g_assert_null (find_action_button (near, "beneficiary.archive"));
    }
}

int
main (int   argc,
      char *argv[])
{
  hmr_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/gui/dialogs/caseworker-dialogs-fit-1280x720", test_caseworker_dialogs_fit);
  ADD ("/gui/dialogs/supervisor-dialogs-fit-1280x720", test_supervisor_dialogs_fit);
  ADD ("/gui/dialogs/finance-and-admin-dialogs-fit-1280x720", test_finance_and_admin_dialogs_fit);
  ADD ("/gui/window/fits-1280x720-archive-away-from-edit", test_window_fits_and_archive_is_away_from_edit);

  return g_test_run ();
}
