/* bare-window.c — the reference of the GUI benchmarks: a bare GtkWindow
 * with a GtkColumnView of eight text columns
 *
 * Usage: bench-bare-window [--scroll] ROWS
 *
 * GTK alone (no libadwaita, no database): gtk_init(), a window, a scrolled
 * GtkColumnView of 8 columns of one GtkLabel each over an in-memory
 * GListModel of ROWS items that makes each row from its index, presented.
 * Hamroh's list has 7 columns, the name column holding two labels, so
 * both draw 8 labels a row.  frame-probe.c measures it exactly as it
 * measures Hamroh's window.
 *
 * Meant to be started by bench-gui (see bench/README.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "frame-probe.h"

#define N_COLUMNS 8

/* ---- an item: a row number ------------------------------------------------ */

#define BENCH_TYPE_ROW (bench_row_get_type ())
G_DECLARE_FINAL_TYPE (BenchRow, bench_row, BENCH, ROW, GObject)

struct _BenchRow
{
  GObject parent_instance;
  guint   index;
};

G_DEFINE_FINAL_TYPE (BenchRow, bench_row, G_TYPE_OBJECT)

static void
bench_row_class_init (BenchRowClass *klass)
{
}

static void
bench_row_init (BenchRow *self)
{
}

/* ---- the model: ROWS rows, each made from its index ----------------------- */

#define BENCH_TYPE_ROWS (bench_rows_get_type ())
G_DECLARE_FINAL_TYPE (BenchRows, bench_rows, BENCH, ROWS, GObject)

struct _BenchRows
{
  GObject parent_instance;
  guint   n_rows;
};

static GType
bench_rows_get_item_type (GListModel *model)
{
  return BENCH_TYPE_ROW;
}

static guint
bench_rows_get_n_items (GListModel *model)
{
  return BENCH_ROWS (model)->n_rows;
}

static gpointer
bench_rows_get_item (GListModel *model,
                     guint       position)
{
  BenchRow *row;

  if (position >= BENCH_ROWS (model)->n_rows)
    return NULL;
  row = g_object_new (BENCH_TYPE_ROW, NULL);
  row->index = position;
  return row;
}

static void
bench_rows_model_init (GListModelInterface *iface)
{
  iface->get_item_type = bench_rows_get_item_type;
  iface->get_n_items = bench_rows_get_n_items;
  iface->get_item = bench_rows_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (BenchRows, bench_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, bench_rows_model_init))

static void
bench_rows_class_init (BenchRowsClass *klass)
{
}

static void
bench_rows_init (BenchRows *self)
{
}

/* ---- the columns: texts like Hamroh's ------------------------------------- */

static const char * const titles[N_COLUMNS] = {
  "Case number", "Name", "Latin", "District", "Category", "Stage", "Caseworker", "Risk",
};
static const char * const families[] = {
  "Раҳимов Фаррух", "Каримова Мадина", "Назаров Ҷамшед", "Саидова Гулноза",
  "Олимов Ғайрат", "Юсупова Малика", "Шарипов Умед", "Ҳасанова Зарина",
};
static const char * const latins[] = {
  "Rahimov Farrukh", "Karimova Madina", "Nazarov Jamshed", "Saidova Gulnoza",
  "Olimov Gayrat", "Yusupova Malika", "Sharipov Umed", "Hasanova Zarina",
};
static const char * const districts[] = {
  "Dusti", "Jaloliddini Balkhi", "Qubodiyon", "Shahrituz", "Khuroson", "Vakhsh",
};
static const char * const categories[] = {
  "Returned migrant", "Victim of trafficking", "Both", "Family member",
};
static const char * const stages[] = {
  "New", "Assessment", "Case plan", "Services", "Closed",
};
static const char * const caseworkers[] = {
  "Дилноза Каримова", "Рустам Назаров", "Парвина Ализода",
};
static const char * const risks[] = { "Low", "Medium", "High" };

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  guint i = BENCH_ROW (gtk_list_item_get_item (item))->index;
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));

  switch (column)
    {
    case 0:
      {
        char number[32];
        g_snprintf (number, sizeof number, "KHT-2026-%06u", i + 1);
        gtk_label_set_label (label, number);
      }
      break;
    case 1: gtk_label_set_label (label, families[i % G_N_ELEMENTS (families)]); break;
    case 2: gtk_label_set_label (label, latins[i % G_N_ELEMENTS (latins)]); break;
    case 3: gtk_label_set_label (label, districts[i % G_N_ELEMENTS (districts)]); break;
    case 4: gtk_label_set_label (label, categories[i % G_N_ELEMENTS (categories)]); break;
    case 5: gtk_label_set_label (label, stages[i % G_N_ELEMENTS (stages)]); break;
    case 6: gtk_label_set_label (label, caseworkers[i % G_N_ELEMENTS (caseworkers)]); break;
    default: gtk_label_set_label (label, risks[i % G_N_ELEMENTS (risks)]); break;
    }
}

int
main (int    argc,
      char **argv)
{
  BenchRows *rows;
  GtkSingleSelection *selection;
  GtkWidget *window, *scrolled, *view;
  BenchMode mode;

  bench_probe_init ();
  mode = bench_probe_parse_mode (&argc, &argv);
  if (argc != 2)
    {
      g_printerr ("Usage: %s [--scroll] ROWS\n", argv[0]);
      return 2;
    }

  gtk_init ();
  bench_probe_mark ("toolkit");

  rows = g_object_new (BENCH_TYPE_ROWS, NULL);
  rows->n_rows = (guint) strtoul (argv[1], NULL, 10);
  selection = gtk_single_selection_new (G_LIST_MODEL (rows));
  gtk_single_selection_set_autoselect (selection, FALSE);

  view = gtk_column_view_new (GTK_SELECTION_MODEL (selection));
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (view), TRUE);
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GUINT_TO_POINTER (c));
      column = gtk_column_view_column_new (titles[c], factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, c == 1);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
      g_object_unref (column);
    }

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), "Bare GtkColumnView");
  gtk_window_set_default_size (GTK_WINDOW (window), BENCH_WINDOW_WIDTH, BENCH_WINDOW_HEIGHT);
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  bench_probe_mark ("window");

  return bench_probe_run (GTK_WINDOW (window), GTK_COLUMN_VIEW (view), mode, NULL, NULL);
}
