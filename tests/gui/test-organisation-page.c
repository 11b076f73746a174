/* test-organisation-page.c — the organisation as printed, in Preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hmr-gui-test-util.h"
#include "hmr-organisation.h"
#include "hmr-organisation-page.h"
#include "hmr-preferences-window.h"

#define ORG_TG "Созмони ҷамъиятии «Ҳамроҳ»"

static HmrPreferencesWindow *
open_preferences (HmrGuiFixture *f,
                  HmrContext    *context)
{
  HmrPreferencesWindow *prefs = hmr_preferences_window_new (f->app, FALSE);

  hmr_preferences_window_add_organisation (prefs, context);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "organisation");
  gtk_window_present (GTK_WINDOW (prefs));
  hmr_gui_test_flush ();
  return prefs;
}

static void
test_administrator_edits_others_read (HmrGuiFixture *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrContext) admin = hmr_context_new (f->store, f->admin);
  g_autoptr(HmrContext) caseworker = hmr_context_new (f->store, f->caseworker);
  g_autoptr(HmrOrganisation) org = NULL;
  HmrPreferencesWindow *prefs;
  GtkWidget *row, *page;

  /* the administrator fills the name in and saves it */
  prefs = open_preferences (f, admin);
  row = hmr_gui_test_find_widget (GTK_WIDGET (prefs), ADW_TYPE_ENTRY_ROW, "Name in Tajik");
  g_assert_nonnull (row);
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (row)));
  /* every office has its name and address as printed */
  g_assert_nonnull (hmr_gui_test_find_widget (GTK_WIDGET (prefs), ADW_TYPE_EXPANDER_ROW, "Dusti"));
  g_assert_nonnull (hmr_gui_test_find_label (GTK_WIDGET (prefs), "Save"));
  gtk_editable_set_text (GTK_EDITABLE (row), ORG_TG);
  page = hmr_gui_test_find_widget (GTK_WIDGET (prefs), HMR_TYPE_ORGANISATION_PAGE, NULL);
  g_assert_nonnull (page);
  g_assert_true (hmr_organisation_page_save (HMR_ORGANISATION_PAGE (page), &error));
  g_assert_no_error (error);
  org = hmr_store_get_organisation (f->store, f->supervisor, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (org->name[0], ==, ORG_TG);
  hmr_gui_test_screenshot (GTK_WIDGET (prefs), "preferences-organisation");
  gtk_window_destroy (GTK_WINDOW (prefs));

  /* a caseworker sees it and cannot change it */
  prefs = open_preferences (f, caseworker);
  row = hmr_gui_test_find_widget (GTK_WIDGET (prefs), ADW_TYPE_ENTRY_ROW, "Name in Tajik");
  g_assert_nonnull (row);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, ORG_TG);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (row)));
  g_assert_null (hmr_gui_test_find_label (GTK_WIDGET (prefs), "Save"));
  page = hmr_gui_test_find_widget (GTK_WIDGET (prefs), HMR_TYPE_ORGANISATION_PAGE, NULL);
  gtk_editable_set_text (GTK_EDITABLE (row), "Something else");
  g_assert_false (hmr_organisation_page_save (HMR_ORGANISATION_PAGE (page), &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  gtk_window_destroy (GTK_WINDOW (prefs));
}

int
main (int    argc,
      char **argv)
{
  hmr_gui_test_init (&argc, &argv);
  g_test_add ("/preferences/organisation/administrator-edits-others-read", HmrGuiFixture, NULL,
              hmr_gui_fixture_set_up, test_administrator_edits_others_read, hmr_gui_fixture_tear_down);
  return g_test_run ();
}
