/* test-reports.c — the Reports area on demo data: its figures are the
 * store's, a figure opens the people behind it, the donor workbook is
 * written in the background and read back by openpyxl; built a second
 * time as test-reports-tg, in Tajik, where nothing a person needs to
 * read is cut off, and as test-reports-ru in Russian
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "hmr-chart.h"
#include "hmr-demo.h"
#include "hmr-gui-test-util.h"
#include "hmr-locale.h"
#include "hmr-report-people-dialog.h"
#include "hmr-reports-page.h"

#define FROM "01.01.2025"
#define TO   "31.12.2026"

typedef struct
{
  char      *dir;
  HmrStore  *store;
  HmrActor  *supervisor;
} Demo;

/* A demo database of 150 people over three years, and its supervisor */
static void
demo_open (HmrGuiFixture *f,
           Demo          *demo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autofree char *path = NULL;

  demo->dir = g_dir_make_tmp ("hamroh-reports-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (demo->dir, "demo.sqlite3", NULL);
  demo->store = hmr_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (hmr_demo_fill (demo->store, 150, 7, &users, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < users->len && demo->supervisor == NULL; i++)
    {
      HmrDemoUser *u = g_ptr_array_index (users, i);
      if (u->role == HMR_ROLE_SUPERVISOR)
        demo->supervisor = hmr_store_authenticate (demo->store, u->username, u->password, &error);
    }
  g_assert_no_error (error);
  g_assert_nonnull (demo->supervisor);
  hmr_application_set_store (f->app, demo->store);
}

static void
demo_close (HmrGuiFixture *f,
            Demo          *demo)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  hmr_gui_test_destroy_windows ();
  hmr_application_set_store (f->app, f->store);
  g_clear_object (&demo->store);
  g_clear_pointer (&demo->supervisor, hmr_actor_free);
  d = g_dir_open (demo->dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *file = g_build_filename (demo->dir, name, NULL);
      g_remove (file);
    }
  g_rmdir (demo->dir);
  g_free (demo->dir);
}

static gboolean
page_idle (gpointer user_data)
{
  return !hmr_reports_page_get_computing (user_data);
}

static HmrReportsPage *
open_reports (Demo *demo)
{
  HmrApplication *app = HMR_APPLICATION (g_application_get_default ());
  HmrWindow *window = hmr_window_new (app, demo->store, demo->supervisor);
  HmrReportsPage *page;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  hmr_gui_test_flush ();
  g_assert_true (hmr_window_show_area (window, "reports"));
  hmr_gui_test_flush ();
  page = HMR_REPORTS_PAGE (hmr_gui_test_find_widget (GTK_WIDGET (window), HMR_TYPE_REPORTS_PAGE, NULL));
  g_assert_nonnull (page);
  hmr_reports_page_set_period (page, FROM, TO, NULL);
  /* worked out in a thread: the window goes on while it runs */
  g_assert_true (hmr_reports_page_get_computing (page));
  g_assert_true (hmr_gui_test_wait_until (page_idle, page, 60000));
  g_assert_null (hmr_reports_page_get_error (page));
  hmr_gui_test_flush ();
  return page;
}

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (out, child);
      collect (child, type, out);
    }
}

#ifndef TEST_PODIR
static void
test_figures_are_the_store_s (HmrGuiFixture *f,
                              gconstpointer  data)
{
  Demo demo = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrReport) expected = NULL;
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();
  const HmrReportQuery query = { FROM, TO, NULL };
  const HmrReport *shown;
  HmrReportsPage *page;
  guint women = 0, men = 0;

  demo_open (f, &demo);
  page = open_reports (&demo);
  expected = hmr_store_compute_report (demo.store, demo.supervisor, &query, NULL, &error);
  g_assert_no_error (error);
  shown = hmr_reports_page_get_report (page);
  g_assert_nonnull (shown);
  g_assert_cmpuint (expected->registered, >, 0);
  g_assert_cmpuint (expected->sessions.n_people, >, 0);
  g_assert_cmpuint (expected->referrals_made, >, 0);

  /* every figure, as shown, is the store's */
  for (guint fig = 0; fig < HMR_REPORT_N_FIGURES; fig++)
    {
      g_autofree char *number = g_strdup_printf ("%u", hmr_report_get_figure (expected, fig));
      g_assert_cmpstr (hmr_reports_page_get_figure_text (page, fig), ==, number);
    }
  g_assert_cmpuint (shown->survey_reached, ==, expected->survey_reached);
  for (guint q = 0; q < HMR_SURVEY_N_QUESTIONS; q++)
    {
      g_assert_cmpuint (shown->survey[q].yes, ==, expected->survey[q].yes);
      g_assert_cmpfloat_with_epsilon (shown->survey[q].low, expected->survey[q].low, 1e-12);
    }

  /* the bars by district add up to the women and men registered */
  collect (GTK_WIDGET (page), HMR_TYPE_CHART, charts);
  g_assert_cmpuint (charts->len, ==, 5);      /* registered, reached, age groups, months, referrals */
  for (guint c = 0; c < expected->districts->len; c++)
    {
      const HmrReportDistrict *d = g_ptr_array_index (expected->districts, c);
      women += d->registered[0];
      men += d->registered[1];
    }
  g_assert_cmpuint (women, ==, expected->registered_by_sex[0]);
  g_assert_cmpuint (men, ==, expected->registered_by_sex[1]);
  {
    HmrChart *by_district = g_ptr_array_index (charts, 0);
    guint k = 0;

    for (guint c = 0; c < expected->districts->len; c++)
      {
        const HmrReportDistrict *d = g_ptr_array_index (expected->districts, c);

        if (d->registered[0] + d->registered[1] == 0)
          continue;
        g_assert_cmpuint (hmr_chart_get_value (by_district, k, 0), ==, d->registered[0]);
        g_assert_cmpuint (hmr_chart_get_value (by_district, k, 1), ==, d->registered[1]);
        g_assert_nonnull (strstr (hmr_chart_get_description (by_district), hmr_district_get_label (d->district)));
        k++;
      }
    g_assert_cmpuint (k, >, 0);
  }
  hmr_gui_test_screenshot (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page))), "reports-page");
  demo_close (f, &demo);
}

typedef struct
{
  HmrReportsPage *page;
  const char     *expected;
} FigureWait;

static gboolean
figure_is (gpointer user_data)
{
  FigureWait *w = user_data;

  return !hmr_reports_page_get_computing (w->page) &&
         g_strcmp0 (hmr_reports_page_get_figure_text (w->page, HMR_REPORT_FIGURE_REGISTERED), w->expected) == 0;
}

/* Someone registers a person: the figures shown are worked out again */
static void
test_reload_when_the_store_changes (HmrGuiFixture *f,
                                    gconstpointer  data)
{
  Demo demo = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = hmr_gui_test_new_beneficiary ("Раҳимова", "Зарина", "1992-04-01");
  g_autofree char *expected = NULL;
  HmrReportsPage *page;
  FigureWait w;

  demo_open (f, &demo);
  page = open_reports (&demo);
  expected = g_strdup_printf ("%u", hmr_reports_page_get_report (page)->registered + 1);
  g_assert_true (hmr_store_insert_beneficiary (demo.store, demo.supervisor, b, &error));
  g_assert_no_error (error);
  w.page = page;
  w.expected = expected;
  if (!hmr_gui_test_wait_until (figure_is, &w, 60000))
    g_error ("People registered: %s shown, %s expected",
             hmr_reports_page_get_figure_text (page, HMR_REPORT_FIGURE_REGISTERED), expected);
  demo_close (f, &demo);
}

/* A finance officer's Reports area: the grant figures, no people */
static void
test_finance_sees_grant_figures_only (HmrGuiFixture *f,
                                      gconstpointer  data)
{
  HmrWindow *window = hmr_gui_test_open_window (f, f->finance);
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();
  HmrReportsPage *page;

  g_assert_true (hmr_window_show_area (window, "reports"));
  hmr_gui_test_flush ();
  page = HMR_REPORTS_PAGE (hmr_gui_test_find_widget (GTK_WIDGET (window), HMR_TYPE_REPORTS_PAGE, NULL));
  g_assert_nonnull (page);
  hmr_reports_page_set_period (page, FROM, TO, NULL);
  g_assert_true (hmr_gui_test_wait_until (page_idle, page, 60000));
  g_assert_null (hmr_reports_page_get_error (page));
  g_assert_false (hmr_reports_page_get_report (page)->has_people);
  g_assert_true (hmr_reports_page_get_report (page)->has_grants);
  for (guint fig = 0; fig < HMR_REPORT_N_FIGURES; fig++)
    g_assert_null (hmr_reports_page_get_figure_text (page, fig));
  collect (GTK_WIDGET (page), HMR_TYPE_CHART, charts);
  g_assert_cmpuint (charts->len, ==, 0);
  g_assert_nonnull (hmr_gui_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Grants approved"));

  /* and an administrator has no Reports area */
  g_assert_false (hmr_window_show_area (hmr_gui_test_open_window (f, f->admin), "reports"));
}

static gboolean
dialog_loaded (gpointer user_data)
{
  return !hmr_report_people_dialog_get_loading (user_data);
}

static void
remember_bar (guint    *chosen,
              guint     category,
              guint     series)
{
  chosen[0] = category;
  chosen[1] = series;
}

static void
test_figure_opens_its_people (HmrGuiFixture *f,
                              gconstpointer  data)
{
  Demo demo = { 0 };
  HmrReportsPage *page;
  HmrReportPeopleDialog *dialog;
  const HmrReport *r;
  const HmrReportDistrict *first;

  demo_open (f, &demo);
  page = open_reports (&demo);
  r = hmr_reports_page_get_report (page);

  dialog = HMR_REPORT_PEOPLE_DIALOG (hmr_reports_page_open_people (page, HMR_REPORT_FIGURE_REFERRALS_OVERDUE,
                                                                     NULL, NULL));
  g_assert_true (hmr_gui_test_wait_until (dialog_loaded, dialog, 30000));
  g_assert_null (hmr_report_people_dialog_get_error (dialog));
  g_assert_cmpuint (hmr_report_people_dialog_get_n_people (dialog), >, 0);
  g_assert_cmpuint (hmr_report_people_dialog_get_n_people (dialog), <=, r->referrals_overdue);
  hmr_gui_test_screenshot (GTK_WIDGET (dialog), "report-people");

  /* a person opens their case file in the window, and the list goes */
  {
    GtkWidget *row = hmr_gui_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, NULL);
    HmrWindow *window = HMR_WINDOW (gtk_widget_get_root (GTK_WIDGET (page)));

    g_assert_nonnull (row);
    g_assert_true (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)));
    g_signal_emit_by_name (row, "activate");
    hmr_gui_test_flush ();
    g_assert_null (hmr_gui_test_find_window (HMR_TYPE_REPORT_PEOPLE_DIALOG));
    g_assert_true (hmr_beneficiaries_page_get_showing_detail (hmr_window_get_beneficiaries_page (window)));
    g_assert_true (hmr_window_show_area (window, "reports"));
    hmr_gui_test_flush ();
  }

  /* a bar: the women registered in the first district */
  first = g_ptr_array_index (r->districts, 0);
  dialog = HMR_REPORT_PEOPLE_DIALOG (hmr_reports_page_open_people (page, HMR_REPORT_FIGURE_REGISTERED,
                                                                     first->district, "female"));
  g_assert_true (hmr_gui_test_wait_until (dialog_loaded, dialog, 30000));
  g_assert_cmpuint (hmr_report_people_dialog_get_n_people (dialog), ==, first->registered[0]);
  gtk_window_close (GTK_WINDOW (dialog));
  hmr_gui_test_flush ();

  /* from the keyboard: the first district's bar of men */
  {
    g_autoptr(GPtrArray) charts = g_ptr_array_new ();
    HmrChart *by_district;
    guint chosen[2] = { G_MAXUINT, G_MAXUINT };

    collect (GTK_WIDGET (page), HMR_TYPE_CHART, charts);
    by_district = g_ptr_array_index (charts, 0);
    g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (by_district)));
    g_signal_connect_swapped (by_district, "activated", G_CALLBACK (remember_bar), chosen);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (by_district), "chart.next", NULL));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (by_district), "chart.next-series", NULL));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (by_district), "chart.activate", NULL));
    g_assert_cmpuint (chosen[0], ==, 0);
    g_assert_cmpuint (chosen[1], ==, 1);
    dialog = HMR_REPORT_PEOPLE_DIALOG (hmr_gui_test_find_window (HMR_TYPE_REPORT_PEOPLE_DIALOG));
    g_assert_nonnull (dialog);
    g_assert_true (hmr_gui_test_wait_until (dialog_loaded, dialog, 30000));
    g_assert_cmpuint (hmr_report_people_dialog_get_n_people (dialog), ==, first->registered[1]);
    gtk_window_close (GTK_WINDOW (dialog));
  }
  demo_close (f, &demo);
}

static gboolean
not_exporting (gpointer user_data)
{
  return !hmr_reports_page_get_exporting (user_data);
}

/* The sheet names, and the Summary's people registered */
static const char read_script[] =
  "import sys, zipfile, openpyxl\n"
  "wb = openpyxl.load_workbook(sys.argv[1])\n"
  "print(len(wb.worksheets))\n"
  "print(int(wb.worksheets[0].cell(row=5, column=2).value))\n"
  "print(len([n for n in zipfile.ZipFile(sys.argv[1]).namelist() if n.startswith('xl/charts/chart')]))\n";

static void
test_export_donor_workbook (HmrGuiFixture *f,
                            gconstpointer  data)
{
  Demo demo = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *registered = NULL;
  g_autoptr(GFile) file = NULL;
  g_auto(GStrv) lines = NULL;
  HmrReportsPage *page;
  int status = 0;

  demo_open (f, &demo);
  page = open_reports (&demo);
  path = g_build_filename (demo.dir, "donor.xlsx", NULL);
  file = g_file_new_for_path (path);
  hmr_reports_page_export_to (page, file);
  g_assert_true (hmr_reports_page_get_exporting (page));
  g_assert_true (hmr_gui_test_wait_until (not_exporting, page, 60000));
  g_assert_true (hmr_gui_test_wait_background_work (f, 10000));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  {
    const char *argv[] = { "/usr/bin/python3", "-c", read_script, path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &out, &err, &status, &error));
    g_assert_no_error (error);
    if (!g_spawn_check_wait_status (status, NULL))
      g_error ("openpyxl could not read %s: %s", path, err);
  }
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "6");
  registered = g_strdup_printf ("%u", hmr_reports_page_get_report (page)->registered);
  g_assert_cmpstr (lines[1], ==, registered);
  g_assert_cmpstr (lines[2], ==, "5");

  /* a cancelled export leaves nothing */
  g_remove (path);
  hmr_reports_page_export_to (page, file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "reports.cancel-export", NULL));
  g_assert_true (hmr_gui_test_wait_until (not_exporting, page, 60000));
  g_assert_true (hmr_gui_test_wait_background_work (f, 10000));
  g_assert_false (hmr_gui_test_export_left (demo.dir, "donor.xlsx"));
  demo_close (f, &demo);
}

#else

/* In Tajik (and Russian): no label of the area ellipsized, every chart's
 * labels whole */
static void
test_nothing_cut_off_translated (HmrGuiFixture *f,
                               gconstpointer  data)
{
  Demo demo = { 0 };
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) charts = g_ptr_array_new ();
  HmrReportsPage *page;

  demo_open (f, &demo);
  page = open_reports (&demo);
  hmr_gui_test_flush ();
  hmr_gui_test_screenshot (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page))), "reports-page-" TEST_LANGUAGE);

  collect (GTK_WIDGET (page), GTK_TYPE_LABEL, labels);
  g_assert_cmpuint (labels->len, >, 20);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (!gtk_widget_get_mapped (GTK_WIDGET (label)) && !gtk_widget_get_child_visible (GTK_WIDGET (label)))
        continue;
      if (pango_layout_is_ellipsized (gtk_label_get_layout (label)))
        g_error ("“%s” is cut off", gtk_label_get_label (label));
    }
  /* "People registered", in Tajik */
  g_assert_cmpstr (hmr_report_figure_get_label (HMR_REPORT_FIGURE_REGISTERED), !=, "People registered");

  collect (GTK_WIDGET (page), HMR_TYPE_CHART, charts);
  g_assert_cmpuint (charts->len, ==, 5);
  for (guint i = 0; i < charts->len; i++)
    {
      HmrChart *chart = g_ptr_array_index (charts, i);

      g_assert_true (hmr_chart_get_labels_fit (chart));
      g_assert_nonnull (hmr_chart_get_description (chart));
      g_assert_cmpstr (hmr_chart_get_description (chart), !=, "");
    }
  {
    GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (g_ptr_array_index (charts, 2),
                                                                                GTK_TYPE_SCROLLED_WINDOW));
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (scrolled);
    graphene_point_t at;

    g_assert_true (gtk_widget_compute_point (g_ptr_array_index (charts, 2), gtk_scrolled_window_get_child (scrolled),
                                             &GRAPHENE_POINT_INIT (0, 0), &at));
    gtk_adjustment_set_value (adj, at.y - 60);
    hmr_gui_test_flush ();
    hmr_gui_test_screenshot (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page))), "reports-charts-" TEST_LANGUAGE);
  }
  demo_close (f, &demo);
}

#endif

int
main (int   argc,
      char *argv[])
{
#ifdef TEST_PODIR
  /* The area in Tajik, from the build tree's catalogue */
  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_MESSAGES");
  g_unsetenv ("LANG");
  g_setenv ("LANGUAGE", TEST_LANGUAGE, TRUE);
  g_setenv ("HAMROH_LOCALEDIR", TEST_PODIR, TRUE);
  hmr_setup_i18n ();
#endif
  hmr_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, HmrGuiFixture, NULL, hmr_gui_fixture_set_up, func, hmr_gui_fixture_tear_down)

#ifdef TEST_PODIR
  ADD ("/gui/reports/nothing-cut-off-in-" TEST_LANGUAGE, test_nothing_cut_off_translated);
#else
  ADD ("/gui/reports/figures-are-the-store-s-on-demo-data", test_figures_are_the_store_s);
  ADD ("/gui/reports/figure-opens-the-people-behind-it", test_figure_opens_its_people);
  ADD ("/gui/reports/worked-out-again-when-the-store-changes", test_reload_when_the_store_changes);
  ADD ("/gui/reports/finance-sees-the-grant-figures-only", test_finance_sees_grant_figures_only);
  ADD ("/gui/reports/donor-workbook-written-in-background-and-read-back", test_export_donor_workbook);
#endif

  return g_test_run ();
}
