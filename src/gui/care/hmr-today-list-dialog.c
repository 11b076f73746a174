/* hmr-today-list-dialog.c
 *
 * The whole of one Today list, however long: the page lays out its first
 * rows only, and "And 12 more" opens this.  The list is read in a thread
 * on a connection of its own (a national supervisor's wellbeing list has
 * thousands of rows) and shown in a GtkListView, which lays out only the
 * rows in view.  A row opens what it is about, as on the page, and the
 * dialog closes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-area-page.h"
#include "hmr-gui-util.h"
#include "hmr-store-worker.h"
#include "hmr-today-list-dialog.h"
#include "hmr-today-rows.h"

/* ---- a row of the model ------------------------------------------------ */

#define HMR_TYPE_TODAY_ENTRY (hmr_today_entry_get_type ())
G_DECLARE_FINAL_TYPE (HmrTodayEntry, hmr_today_entry, HMR, TODAY_ENTRY, GObject)

struct _HmrTodayEntry
{
  GObject       parent_instance;
  HmrTodayItem *item;
};

G_DEFINE_FINAL_TYPE (HmrTodayEntry, hmr_today_entry, G_TYPE_OBJECT)

static void
hmr_today_entry_finalize (GObject *object)
{
  g_clear_pointer (&HMR_TODAY_ENTRY (object)->item, hmr_today_item_free);
  G_OBJECT_CLASS (hmr_today_entry_parent_class)->finalize (object);
}

static void
hmr_today_entry_class_init (HmrTodayEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hmr_today_entry_finalize;
}

static void
hmr_today_entry_init (HmrTodayEntry *self)
{
}

/* ---- the dialog ---------------------------------------------------------- */

struct _HmrTodayListDialog
{
  AdwWindow        parent_instance;

  HmrTodayPage    *page;          /* weak */
  HmrTodayList     list;
  HmrStoreWorker  *worker;
  GCancellable    *cancellable;   /* of the reading under way */
  GListStore      *model;         /* HmrTodayEntry */

  /* Template widgets */
  AdwWindowTitle  *window_title;
  GtkStack        *stack;
  GtkListView     *list_view;
  AdwStatusPage   *error_page;
};

G_DEFINE_FINAL_TYPE (HmrTodayListDialog, hmr_today_list_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  HmrStoreWorker *worker;
  HmrActor       *actor;
  HmrTodayList    list;
  GPtrArray      *items;
} Reading;

static void
reading_free (gpointer data)
{
  Reading *r = data;

  hmr_store_worker_unref (r->worker);
  hmr_actor_free (r->actor);
  g_clear_pointer (&r->items, g_ptr_array_unref);
  g_free (r);
}

static void
read_list (GTask        *task,
           gpointer      source_object,
           gpointer      task_data,
           GCancellable *cancellable)
{
  Reading *r = task_data;
  g_autoptr(GError) error = NULL;
  HmrStore *store = hmr_store_worker_acquire (r->worker, &error);

  if (store != NULL)
    r->items = hmr_store_list_today (store, r->actor, r->list, 0, NULL, &error);
  hmr_store_worker_release (r->worker);
  if (g_task_return_error_if_cancelled (task))
    return;
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_list_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  HmrTodayListDialog *self = HMR_TODAY_LIST_DIALOG (source);
  Reading *r = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree gpointer *entries = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_clear_object (&self->cancellable);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  g_clear_object (&self->cancellable);

  /* The entries own the items from here on */
  g_ptr_array_set_free_func (r->items, NULL);
  entries = g_new (gpointer, MAX (r->items->len, 1));
  for (guint i = 0; i < r->items->len; i++)
    {
      HmrTodayEntry *entry = g_object_new (HMR_TYPE_TODAY_ENTRY, NULL);

      entry->item = g_ptr_array_index (r->items, i);
      entries[i] = entry;
    }
  g_list_store_splice (self->model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->model)),
                       entries, r->items->len);
  for (guint i = 0; i < r->items->len; i++)
    g_object_unref (entries[i]);

  /* Translators: how many rows the whole list has */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row", "%u rows", r->items->len),
                              r->items->len);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

/* ---- rows ------------------------------------------------------------ */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *what = gtk_label_new (NULL);
  GtkWidget *when = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (what), 0);
  gtk_label_set_wrap (GTK_LABEL (what), TRUE);
  gtk_label_set_lines (GTK_LABEL (what), 2);
  gtk_label_set_ellipsize (GTK_LABEL (what), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (what, "dim-label");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (when, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (text), name);
  gtk_box_append (GTK_BOX (text), what);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), when);
  g_object_set_data (G_OBJECT (box), "name", name);
  g_object_set_data (G_OBJECT (box), "what", what);
  g_object_set_data (G_OBJECT (box), "when", when);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  HmrTodayEntry *entry = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *when = g_object_get_data (G_OBJECT (box), "when");
  g_autofree char *what = hmr_today_row_dup_what (entry->item);
  g_autofree char *when_text = hmr_today_row_dup_when (entry->item);

  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "name"),
                       entry->item->beneficiary_name ? entry->item->beneficiary_name : "");
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "what"), what);
  gtk_label_set_label (GTK_LABEL (when), when_text);
  if (entry->item->days_overdue > 0)
    gtk_widget_add_css_class (when, "error");
  else
    gtk_widget_remove_css_class (when, "error");
}

/**
 * hmr_today_list_dialog_activate:
 *
 * Opens what the row at @position is about, then closes the dialog.
 */
void
hmr_today_list_dialog_activate (HmrTodayListDialog *self,
                                guint               position)
{
  g_autoptr(HmrTodayEntry) entry = NULL;

  g_return_if_fail (HMR_IS_TODAY_LIST_DIALOG (self));

  entry = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  if (entry == NULL || self->page == NULL)
    return;
  hmr_today_page_open_item (self->page, entry->item);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_activate (GtkListView        *view,
             guint               position,
             HmrTodayListDialog *self)
{
  hmr_today_list_dialog_activate (self, position);
}

/* ---- GObject -------------------------------------------------------- */

static void
hmr_today_list_dialog_dispose (GObject *object)
{
  HmrTodayListDialog *self = HMR_TODAY_LIST_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_weak_pointer (&self->page);
  G_OBJECT_CLASS (hmr_today_list_dialog_parent_class)->dispose (object);
}

static void
hmr_today_list_dialog_finalize (GObject *object)
{
  HmrTodayListDialog *self = HMR_TODAY_LIST_DIALOG (object);

  g_clear_pointer (&self->worker, hmr_store_worker_unref);
  g_clear_object (&self->model);
  G_OBJECT_CLASS (hmr_today_list_dialog_parent_class)->finalize (object);
}

static void
hmr_today_list_dialog_class_init (HmrTodayListDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hmr_today_list_dialog_dispose;
  object_class->finalize = hmr_today_list_dialog_finalize;

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/care/hmr-today-list-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrTodayListDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, HmrTodayListDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, HmrTodayListDialog, list_view);
  gtk_widget_class_bind_template_child (widget_class, HmrTodayListDialog, error_page);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hmr_today_list_dialog_init (HmrTodayListDialog *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->model = g_list_store_new (HMR_TYPE_TODAY_ENTRY);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->model)))));
  g_signal_connect (self->list_view, "activate", G_CALLBACK (on_activate), self);
}

/**
 * hmr_today_list_dialog_new:
 * @page: the Today page whose list it is: its store and user read it, and
 *   its rows open as the page's do
 *
 * Returns: (transfer floating): the dialog, reading @list
 */
HmrTodayListDialog *
hmr_today_list_dialog_new (HmrTodayPage *page,
                           HmrTodayList  list)
{
  g_autoptr(GTask) task = NULL;
  HmrTodayListDialog *self;
  Reading *r;

  g_return_val_if_fail (HMR_IS_TODAY_PAGE (page), NULL);
  g_return_val_if_fail (list < HMR_N_TODAY_LISTS, NULL);

  self = g_object_new (HMR_TYPE_TODAY_LIST_DIALOG, NULL);
  g_set_weak_pointer (&self->page, page);
  self->list = list;
  self->worker = hmr_context_new_worker (hmr_area_page_get_context (HMR_AREA_PAGE (page)));
  gtk_window_set_title (GTK_WINDOW (self), hmr_today_list_get_title (list));
  adw_window_title_set_title (self->window_title, hmr_today_list_get_title (list));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  hmr_today_list_get_title (list), -1);
  gtk_stack_set_visible_child_name (self->stack, "loading");

  self->cancellable = g_cancellable_new ();
  r = g_new0 (Reading, 1);
  r->worker = hmr_store_worker_ref (self->worker);
  r->actor = hmr_actor_copy (hmr_area_page_get_actor (HMR_AREA_PAGE (page)));
  r->list = list;
  task = g_task_new (self, self->cancellable, on_list_read, NULL);
  g_task_set_source_tag (task, hmr_today_list_dialog_new);
  g_task_set_task_data (task, r, reading_free);
  g_task_run_in_thread (task, read_list);
  return self;
}

gboolean
hmr_today_list_dialog_is_loading (HmrTodayListDialog *self)
{
  g_return_val_if_fail (HMR_IS_TODAY_LIST_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}

guint
hmr_today_list_dialog_get_n_items (HmrTodayListDialog *self)
{
  g_return_val_if_fail (HMR_IS_TODAY_LIST_DIALOG (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->model));
}

/**
 * hmr_today_list_dialog_get_item:
 *
 * Returns: (transfer none) (nullable): the row at @position
 */
const HmrTodayItem *
hmr_today_list_dialog_get_item (HmrTodayListDialog *self,
                                guint               position)
{
  g_autoptr(HmrTodayEntry) entry = NULL;

  g_return_val_if_fail (HMR_IS_TODAY_LIST_DIALOG (self), NULL);
  entry = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  /* the model keeps its own reference: the item outlives this one */
  return entry ? entry->item : NULL;
}
