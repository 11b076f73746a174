/* test-import.c — the Import People assistant: a caseworker chooses a file,
 * corrects a column, sees every row checked, imports, and finds the people
 * in the registry; cancelling the import leaves nobody registered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-gui-test-util.h"
#include "hmr-import-assistant.h"

static const char *list_csv =
  "Насаб;Ном;Ҷинс;Санаи таваллуд;Ноҳия;Тоифа;Эзоҳ\n"
  "Раҳимов;Алишер;м;05.03.1988;Дӯстӣ;муҳоҷири баргашта;қайд\n"
  "Юнусова;Мавлюда;ж;1991-07-14;Джиликуль;жертва торговли людьми;\n"
  "Саидов;Фаррух;м;1979;Dusti;мигрант;\n"
  "Саидов;Фаррух;м;1979;Дусти;мигрант;\n"
  "Каримов;Олим;x;05.03.88;Москва;мигрант;\n";

typedef struct
{
  HmrImportAssistant *assistant;
  const char         *page;
} PageWait;

static gboolean
on_page (gpointer data)
{
  PageWait *w = data;
  return g_strcmp0 (hmr_import_assistant_get_page (w->assistant), w->page) == 0;
}

static HmrImportAssistant *
open_assistant (HmrGuiFixture *f,
                const char    *csv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "list.csv", NULL);
  HmrWindow *window = hmr_gui_test_open_window (f, f->caseworker);
  HmrImportAssistant *assistant;

  g_file_set_contents (path, csv, -1, &error);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL));
  assistant = HMR_IMPORT_ASSISTANT (hmr_gui_test_find_window (HMR_TYPE_IMPORT_ASSISTANT));
  g_assert_nonnull (assistant);
  g_assert_cmpstr (hmr_import_assistant_get_page (assistant), ==, "file");
  g_assert_true (hmr_import_assistant_open_file (assistant, path));
  g_assert_cmpstr (hmr_import_assistant_get_page (assistant), ==, "mapping");
  return assistant;
}

static void
test_caseworker_imports_a_list (HmrGuiFixture *f,
                                gconstpointer  data)
{
  HmrImportAssistant *assistant = open_assistant (f, list_csv);
  HmrImportResult *r;
  PageWait w = { assistant, "results" };

  /* The columns are guessed from the Tajik headers; the notes column is
   * not imported, and the user leaves it so */
  g_assert_cmpuint (adw_combo_row_get_selected (hmr_import_assistant_get_column_row (assistant, 0)), ==,
                    HMR_IMPORT_FIELD_FAMILY_NAME);
  g_assert_cmpuint (adw_combo_row_get_selected (hmr_import_assistant_get_column_row (assistant, 4)), ==,
                    HMR_IMPORT_FIELD_DISTRICT);
  g_assert_cmpuint (adw_combo_row_get_selected (hmr_import_assistant_get_column_row (assistant, 6)), ==,
                    HMR_IMPORT_FIELD_NONE);
  hmr_gui_test_screenshot (GTK_WIDGET (assistant), "import-mapping");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "import.check", NULL));
  g_assert_true (hmr_gui_test_wait_until (on_page, &w, 30000));
  r = hmr_import_assistant_get_result (assistant);
  g_assert_cmpuint (r->n_new, ==, 3);
  g_assert_cmpuint (r->n_duplicates, ==, 1);
  g_assert_cmpuint (r->n_errors, ==, 1);
  g_assert_nonnull (hmr_gui_test_find_label (GTK_WIDGET (assistant), "Import 3 People"));
  hmr_gui_test_screenshot (GTK_WIDGET (assistant), "import-results");
  /* Nothing registered by the check */
  g_assert_cmpuint (hmr_gui_test_count_rows (f->store, f->caseworker, FALSE), ==, 0);

  w.page = "done";
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "import.run", NULL));
  g_assert_true (hmr_gui_test_wait_until (on_page, &w, 30000));
  g_assert_cmpuint (hmr_import_assistant_get_result (assistant)->n_imported, ==, 3);
  g_assert_cmpuint (hmr_gui_test_count_rows (f->store, f->caseworker, FALSE), ==, 3);
  hmr_gui_test_screenshot (GTK_WIDGET (assistant), "import-done");
}

static void
test_cancelled_import_registers_nobody (HmrGuiFixture *f,
                                        gconstpointer  data)
{
  GString *csv = g_string_new ("Насаб;Ном;Ҷинс;Соли таваллуд;Ноҳия;Тоифа\n");
  HmrImportAssistant *assistant;
  PageWait w = { NULL, "results" };

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (csv, "Одинаев%u;Фаррух;м;%u;Дусти;муҳоҷир\n", i, 1950 + i % 50);
  assistant = open_assistant (f, csv->str);
  g_string_free (csv, TRUE);
  w.assistant = assistant;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "import.check", NULL));
  g_assert_true (hmr_gui_test_wait_until (on_page, &w, 120000));

  /* Import, and cancel at once: the one transaction is rolled back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "import.run", NULL));
  g_assert_cmpstr (hmr_import_assistant_get_page (assistant), ==, "working");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (assistant), "import.cancel", NULL));
  g_assert_true (hmr_gui_test_wait_until (on_page, &w, 120000));
  g_assert_nonnull (hmr_gui_test_find_label (GTK_WIDGET (assistant), "Cancelled: nothing was imported."));
  g_assert_cmpuint (hmr_gui_test_count_rows (f->store, f->caseworker, TRUE), ==, 0);
}

static void
test_finance_cannot_import (HmrGuiFixture *f,
                            gconstpointer  data)
{
  HmrWindow *window = hmr_gui_test_open_window (f, f->finance);

  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL) &&
                  hmr_gui_test_find_window (HMR_TYPE_IMPORT_ASSISTANT) != NULL);
}

int
main (int    argc,
      char **argv)
{
  hmr_gui_test_init (&argc, &argv);

  g_test_add ("/gui/import/caseworker-imports-a-list", HmrGuiFixture, NULL,
              hmr_gui_fixture_set_up, test_caseworker_imports_a_list, hmr_gui_fixture_tear_down);
  g_test_add ("/gui/import/cancelled-import-registers-nobody", HmrGuiFixture, NULL,
              hmr_gui_fixture_set_up, test_cancelled_import_registers_nobody, hmr_gui_fixture_tear_down);
  g_test_add ("/gui/import/finance-cannot-import", HmrGuiFixture, NULL,
              hmr_gui_fixture_set_up, test_finance_cannot_import, hmr_gui_fixture_tear_down);

  return g_test_run ();
}
