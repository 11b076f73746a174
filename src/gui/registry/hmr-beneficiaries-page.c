/* hmr-beneficiaries-page.c
 *
 * A column view over the core's lazy HmrBeneficiaryList: the model holds
 * the row ids of one SQL query and loads only the rows on screen, so the
 * list stays smooth with a million people.  Searching, filtering and a
 * click on a column header replace the query; sorting and filtering happen
 * in SQL, in a thread (hmr-beneficiary-list-async.c), and each keystroke
 * cancels the query before it, so the window never waits for one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-beneficiaries-page.h"
#include <string.h>

#include "hmr-beneficiaries-columns.h"
#include "hmr-beneficiary-form.h"
#include "hmr-beneficiary-list-async.h"
#include "hmr-gui-util.h"
#include "hmr-permissions.h"

/* Rows read at once when the page opens: more than the tallest screen */
#define FIRST_SCREEN_ROWS 100

struct _HmrBeneficiariesPage
{
  HmrAreaPage            parent_instance;

  HmrBeneficiaryList    *model;
  GtkSingleSelection    *selection;
  GCancellable          *cancellable;      /* of the query running, if any */
  guint                  n_running;
  GdkFrameClock         *frame_clock;      /* while the rest waits for a first paint */
  gulong                 after_paint_id;
  HmrHighlight           highlight;
  HmrColumn              probed_column;    /* see read_sort () */
  HmrBeneficiarySort     sort;
  gboolean               descending;

  /* Template widgets */
  AdwToastOverlay       *toast_overlay;
  GtkStack              *view_stack;
  GtkSearchEntry        *search_entry;
  HmrBeneficiaryFilters *filters;
  GtkButton             *register_button;
  GtkStack              *list_stack;
  GtkColumnView         *column_view;
  GtkColumnViewColumn   *columns[HMR_N_COLUMNS];
  AdwStatusPage         *empty_page;
  GtkButton             *empty_register_button;
  GtkSpinner            *spinner;
  GtkLabel              *count_label;
  HmrBeneficiaryDetail  *detail;
};

G_DEFINE_FINAL_TYPE (HmrBeneficiariesPage, hmr_beneficiaries_page, HMR_TYPE_AREA_PAGE)

enum {
  PROP_0,
  PROP_SHOWING_DETAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const column_ids[HMR_N_COLUMNS] = {
  "case_number_column", "name_column", "district_column", "category_column",
  "stage_column", "caseworker_column", "last_contact_column", "risk_column",
};

/* ---- sorting by a click on a column header, in SQL ----------------------
 *
 * Each column gets a sorter of ours that sorts nothing (the model is not a
 * GtkSortListModel): it only tells which column it belongs to.  GTK 4.8
 * cannot say which column the view sorts by, but the view's own sorter
 * asks the sorter of its primary column first and turns the answer round
 * when the order is descending.  So when it changes, we ask it to compare
 * two dummy items once: the first of our sorters called is the primary column,
 * and the sign of the answer is the direction.  That column and direction
 * become the SQL query's ORDER BY.
 */

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  HmrBeneficiariesPage *self = g_object_get_data (G_OBJECT (a), "hmr-page");
  HmrColumn column = GPOINTER_TO_INT (user_data);

  if (self != NULL && self->probed_column == HMR_N_COLUMNS)
    self->probed_column = column;
  return GTK_ORDERING_SMALLER;
}

static gboolean
read_sort (HmrBeneficiariesPage *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->column_view);
  g_autoptr(GObject) probe = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) other = g_object_new (G_TYPE_OBJECT, NULL);   /* a sorter finds an item equal to itself */
  HmrBeneficiarySort sort = HMR_BENEFICIARY_SORT_REGISTERED;
  gboolean descending = TRUE;
  GtkOrdering order;

  g_object_set_data (probe, "hmr-page", self);
  self->probed_column = HMR_N_COLUMNS;
  order = sorter ? gtk_sorter_compare (sorter, probe, other) : GTK_ORDERING_EQUAL;
  if (self->probed_column != HMR_N_COLUMNS && order != GTK_ORDERING_EQUAL)
    {
      gboolean invert;

      sort = hmr_column_get_sort (self->probed_column, &invert);
      descending = (order == GTK_ORDERING_LARGER) != invert;
    }
  /* Nothing sorted: newest first, since what was registered today is what
   * people look for */
  if (sort == self->sort && descending == self->descending)
    return FALSE;
  self->sort = sort;
  self->descending = descending;
  return TRUE;
}

static void
setup_sorters (HmrBeneficiariesPage *self)
{
  for (guint i = 0; i < HMR_N_COLUMNS; i++)
    {
      g_autoptr(GtkCustomSorter) sorter = gtk_custom_sorter_new (probe_compare, GINT_TO_POINTER (i), NULL);

      gtk_column_view_column_set_sorter (self->columns[i], GTK_SORTER (sorter));
    }
  self->sort = HMR_BENEFICIARY_SORT_REGISTERED;
  self->descending = TRUE;
}

/* ---- the list and its query ------------------------------------------ */

static gboolean
filters_active (HmrBeneficiariesPage *self)
{
  const HmrBeneficiaryQuery *query = hmr_beneficiary_list_get_query (self->model);

  return query->text != NULL || hmr_beneficiary_filters_is_active (self->filters);
}

static void
update_state (HmrBeneficiariesPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *count = NULL;

  if (hmr_beneficiary_list_is_partial (self->model))
    /* The first screen of a long list, shown while the rest is read:
     * no count yet (the spinner turns) */
    count = g_strdup ("");
  else if (filters_active (self))
    /* Translators: how many beneficiaries match the search and filters */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches", n), n);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u beneficiary", "%u beneficiaries", n), n);
  gtk_label_set_label (self->count_label, count);

  if (n > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "table");
  else if (filters_active (self))
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static void
show_error (HmrBeneficiariesPage *self,
            const char           *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The query the widgets ask for; its strings are borrowed from them and
 * from @text */
static void
build_query (HmrBeneficiariesPage *self,
             HmrBeneficiaryQuery  *query,
             char                **text)
{
  *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  if ((*text)[0] == '\0')
    g_clear_pointer (text, g_free);

  memset (query, 0, sizeof *query);
  hmr_beneficiary_filters_apply (self->filters, query);
  query->text = *text;
  query->sort = self->sort;
  query->descending = self->descending;
}

static void read_rest (HmrBeneficiariesPage *self);

static void
on_query_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HmrBeneficiariesPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean done;

  done = hmr_beneficiary_list_set_query_finish (HMR_BENEFICIARY_LIST (source), result, &error);
  self->n_running--;
  if (self->model == NULL)   /* disposed meanwhile */
    return;
  if (self->n_running == 0)
    gtk_spinner_stop (self->spinner);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (!done)
    show_error (self, error->message);
  else if (hmr_beneficiary_list_is_partial (self->model))
    read_rest (self);
}

static void
on_model_changed (HmrBeneficiariesPage *self)
{
  /* Bold what the rows now shown were found with */
  hmr_highlight_set (&self->highlight, hmr_beneficiary_list_get_query (self->model)->text);
  update_state (self);
}

static void
stop_waiting_for_paint (HmrBeneficiariesPage *self)
{
  if (self->frame_clock != NULL)
    g_clear_signal_handler (&self->after_paint_id, self->frame_clock);
  g_clear_object (&self->frame_clock);
}

static void
start_query (HmrBeneficiariesPage *self,
             guint                 limit)
{
  g_autofree char *text = NULL;
  HmrBeneficiaryQuery query;

  build_query (self, &query, &text);
  query.limit = limit;
  self->n_running++;
  gtk_spinner_start (self->spinner);
  hmr_beneficiary_list_set_query_async (self->model, &query, self->cancellable,
                                        on_query_done, g_object_ref (self));
}

/* Runs the query in a thread: each keystroke cancels the one before it.
 * Its first screen comes first, then the rest (read_rest()): sorting or
 * filtering a million beneficiaries shows its first rows at once, and
 * reading all their ids takes a few seconds more, behind the spinner. */
static void
run_query (HmrBeneficiariesPage *self)
{
  stop_waiting_for_paint (self);
  if (self->model == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  start_query (self, FIRST_SCREEN_ROWS);
}

/* The rest of the query whose first screen the list shows */
static void
read_rest (HmrBeneficiariesPage *self)
{
  stop_waiting_for_paint (self);
  if (self->model == NULL)
    return;
  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();
  start_query (self, 0);
}

/* The rest of the first query waits for the first screen to be painted:
 * on two cores, the thread reading a million ids would otherwise take the
 * time the window needs for its first frame */
static void
on_first_paint (GdkFrameClock        *clock,
                HmrBeneficiariesPage *self)
{
  read_rest (self);
}

static void
on_map_read_rest (HmrBeneficiariesPage *self)
{
  GdkFrameClock *clock;

  g_signal_handlers_disconnect_by_func (self, on_map_read_rest, self);
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
  if (!hmr_beneficiary_list_is_partial (self->model) || self->n_running > 0)
    return;
  if (clock == NULL)
    {
      read_rest (self);
      return;
    }
  self->frame_clock = g_object_ref (clock);
  self->after_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_paint), self);
}

static void
on_filter_changed (HmrBeneficiariesPage *self)
{
  run_query (self);
}

static void
on_sorter_changed (HmrBeneficiariesPage *self)
{
  if (read_sort (self))
    run_query (self);
}

static void
on_search_activate (HmrBeneficiariesPage *self)
{
  /* Enter in the search field: open the only match, or go to the list */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 1)
    {
      g_autoptr(HmrBeneficiary) b = g_list_model_get_item (G_LIST_MODEL (self->model), 0);
      hmr_beneficiaries_page_show_beneficiary (self, hmr_beneficiary_get (b, HMR_BENEFICIARY_ID));
    }
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

/* ---- navigation ------------------------------------------------------ */

static void
on_row_activated (HmrBeneficiariesPage *self,
                  guint                 position)
{
  g_autoptr(HmrBeneficiary) b = g_list_model_get_item (G_LIST_MODEL (self->model), position);

  if (b != NULL && hmr_beneficiary_get (b, HMR_BENEFICIARY_ID) != NULL)
    hmr_beneficiaries_page_show_beneficiary (self, hmr_beneficiary_get (b, HMR_BENEFICIARY_ID));
}

static void
on_detail_changed (HmrBeneficiariesPage *self)
{
  hmr_beneficiaries_page_reload (self);
}

static void
on_form_saved (HmrBeneficiariesPage *self,
               HmrBeneficiary       *saved)
{
  g_autofree char *name = hmr_beneficiary_dup_full_name (saved);
  g_autofree char *message = NULL;
  AdwToast *toast;

  hmr_beneficiaries_page_reload (self);

  message = g_strdup_printf (_("%s registered as %s"), name,
                             hmr_gui_value_or_dash (hmr_beneficiary_get (saved, HMR_BENEFICIARY_CASE_NUMBER)));
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "beneficiaries.open");
  adw_toast_set_action_target_value (toast, g_variant_new_string (hmr_beneficiary_get (saved, HMR_BENEFICIARY_ID)));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
register_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HmrBeneficiariesPage *self = HMR_BENEFICIARIES_PAGE (widget);
  HmrBeneficiaryForm *form;

  form = hmr_beneficiary_form_new (hmr_area_page_get_store (HMR_AREA_PAGE (self)),
                                   hmr_area_page_get_actor (HMR_AREA_PAGE (self)), NULL);
  gtk_window_set_transient_for (GTK_WINDOW (form), hmr_gui_get_parent_window (widget));
  g_signal_connect_object (form, "saved", G_CALLBACK (on_form_saved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (form, "open-existing", G_CALLBACK (hmr_beneficiaries_page_show_beneficiary),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (form));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  hmr_beneficiaries_page_show_beneficiary (HMR_BENEFICIARIES_PAGE (widget),
                                           g_variant_get_string (parameter, NULL));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HmrBeneficiariesPage *self = HMR_BENEFICIARIES_PAGE (widget);

  hmr_beneficiaries_page_show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  hmr_beneficiaries_page_show_list (HMR_BENEFICIARIES_PAGE (widget));
}

static void
add_global_shortcuts (HmrBeneficiariesPage *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  /* Managed by the window: they work wherever the focus is in it */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("beneficiaries.register")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_f, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("beneficiaries.find")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* The store committed something: the case file shown reads itself again
 * when it concerns its person; the list, when what changed shows in it */
static void
hmr_beneficiaries_page_store_changed (HmrAreaPage  *page,
                                      HmrChangeSet *changes)
{
  HmrBeneficiariesPage *self = HMR_BENEFICIARIES_PAGE (page);
  static const char * const listed[] = {
    "beneficiary", "case", "follow_up", "plan", "assessment", "case_closure_request",
    "reentry_ban", "migration_episode", "user", "import", NULL
  };
  HmrBeneficiary *shown = hmr_beneficiary_detail_get_beneficiary (self->detail);

  if (shown != NULL &&
      hmr_change_set_concerns_beneficiary (changes, hmr_beneficiary_get (shown, HMR_BENEFICIARY_ID)))
    hmr_beneficiary_detail_refresh (self->detail);
  if (hmr_change_set_has_any_kind (changes, listed))
    hmr_beneficiaries_page_reload (self);
}

/* ---- GObject -------------------------------------------------------- */

static void
hmr_beneficiaries_page_constructed (GObject *object)
{
  HmrBeneficiariesPage *self = HMR_BENEFICIARIES_PAGE (object);
  HmrStore *store;
  const HmrActor *actor;
  gboolean can_write;

  G_OBJECT_CLASS (hmr_beneficiaries_page_parent_class)->constructed (object);

  store = hmr_area_page_get_store (HMR_AREA_PAGE (self));
  actor = hmr_area_page_get_actor (HMR_AREA_PAGE (self));
  g_return_if_fail (HMR_IS_STORE (store));
  g_return_if_fail (actor != NULL);

  can_write = hmr_permission_allows (actor, HMR_ACTION_BENEFICIARY_WRITE, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "beneficiaries.register", can_write);
  gtk_widget_set_visible (GTK_WIDGET (self->register_button), can_write);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_register_button), can_write);
  if (!can_write)
    adw_status_page_set_description (self->empty_page,
                                     _("The case files that caseworkers register will be listed here."));

  g_object_set (self->detail, "store", store, "actor", actor, NULL);

  hmr_beneficiary_filters_fill_choices (self->filters, store, actor);

  self->model = hmr_beneficiary_list_new (store, actor);
  g_signal_connect_object (self->model, "items-changed",
                           G_CALLBACK (on_model_changed), self, G_CONNECT_SWAPPED);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  /* The first screen at once, so that the window opens with its list,
   * and the rest in a thread: at a million rows, reading every id takes
   * seconds */
  {
    g_autoptr(GError) error = NULL;
    g_autofree char *text = NULL;
    HmrBeneficiaryQuery query;

    build_query (self, &query, &text);
    query.limit = FIRST_SCREEN_ROWS;
    if (!hmr_beneficiary_list_set_query (self->model, &query, &error))
      show_error (self, error->message);
    update_state (self);
    if (hmr_beneficiary_list_is_partial (self->model))
      {
        gtk_spinner_start (self->spinner);
        g_signal_connect (self, "map", G_CALLBACK (on_map_read_rest), self);
      }
  }
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed), self, G_CONNECT_SWAPPED);
}

static void
hmr_beneficiaries_page_dispose (GObject *object)
{
  HmrBeneficiariesPage *self = HMR_BENEFICIARIES_PAGE (object);

  /* AdwBin unparents its child itself: no gtk_widget_dispose_template () */
  stop_waiting_for_paint (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (hmr_beneficiaries_page_parent_class)->dispose (object);
}

static void
hmr_beneficiaries_page_finalize (GObject *object)
{
  HmrBeneficiariesPage *self = HMR_BENEFICIARIES_PAGE (object);

  hmr_highlight_clear (&self->highlight);

  G_OBJECT_CLASS (hmr_beneficiaries_page_parent_class)->finalize (object);
}

static void
hmr_beneficiaries_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  HmrBeneficiariesPage *self = HMR_BENEFICIARIES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOWING_DETAIL:
      g_value_set_boolean (value, hmr_beneficiaries_page_get_showing_detail (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hmr_beneficiaries_page_class_init (HmrBeneficiariesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  HMR_AREA_PAGE_CLASS (klass)->store_changed = hmr_beneficiaries_page_store_changed;

  object_class->constructed = hmr_beneficiaries_page_constructed;
  object_class->dispose = hmr_beneficiaries_page_dispose;
  object_class->finalize = hmr_beneficiaries_page_finalize;
  object_class->get_property = hmr_beneficiaries_page_get_property;

  /**
   * HmrBeneficiariesPage:showing-detail:
   *
   * Whether the page shows one case file rather than the list.
   */
  properties[PROP_SHOWING_DETAIL] =
    g_param_spec_boolean ("showing-detail", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HMR_TYPE_BENEFICIARY_DETAIL);
  g_type_ensure (HMR_TYPE_BENEFICIARY_FILTERS);

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/registry/hmr-beneficiaries-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiariesPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiariesPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiariesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiariesPage, filters);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiariesPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiariesPage, register_button);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiariesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiariesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiariesPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiariesPage, empty_register_button);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiariesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiariesPage, detail);
  for (guint i = 0; i < HMR_N_COLUMNS; i++)
    gtk_widget_class_bind_template_child_full (widget_class, column_ids[i], FALSE,
                                               G_STRUCT_OFFSET (HmrBeneficiariesPage, columns) +
                                               i * sizeof (gpointer));
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_detail_changed);

  gtk_widget_class_install_action (widget_class, "beneficiaries.register", NULL, register_action);
  gtk_widget_class_install_action (widget_class, "beneficiaries.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "beneficiaries.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "beneficiaries.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "beneficiaries.back", NULL);
}

static void
hmr_beneficiaries_page_init (HmrBeneficiariesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  hmr_beneficiaries_columns_set_up (self->columns, &self->highlight);
  setup_sorters (self);
  add_global_shortcuts (self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
}

HmrBeneficiariesPage *
hmr_beneficiaries_page_new (HmrStore       *store,
                            const HmrActor *actor)
{
  g_return_val_if_fail (HMR_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  return g_object_new (HMR_TYPE_BENEFICIARIES_PAGE,
                       "store", store,
                       "actor", actor,
                       NULL);
}

/**
 * hmr_beneficiaries_page_reload:
 *
 * Runs the list's query again, after a change in the store, in a thread
 * like every query: the list changes when it is done.
 */
void
hmr_beneficiaries_page_reload (HmrBeneficiariesPage *self)
{
  g_return_if_fail (HMR_IS_BENEFICIARIES_PAGE (self));

  run_query (self);
}

gboolean
hmr_beneficiaries_page_get_showing_detail (HmrBeneficiariesPage *self)
{
  g_return_val_if_fail (HMR_IS_BENEFICIARIES_PAGE (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "detail") == 0;
}

void
hmr_beneficiaries_page_show_list (HmrBeneficiariesPage *self)
{
  g_return_if_fail (HMR_IS_BENEFICIARIES_PAGE (self));

  if (!hmr_beneficiaries_page_get_showing_detail (self))
    return;
  gtk_stack_set_visible_child_name (self->view_stack, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING_DETAIL]);
}

/**
 * hmr_beneficiaries_page_show_beneficiary:
 * @id: the beneficiary's id
 *
 * Shows the case file of @id, read afresh from the store.
 *
 * Returns: %FALSE when it could not be read (the reason is shown)
 */
gboolean
hmr_beneficiaries_page_show_beneficiary (HmrBeneficiariesPage *self,
                                         const char           *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = NULL;
  gboolean was_showing;

  g_return_val_if_fail (HMR_IS_BENEFICIARIES_PAGE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  b = hmr_store_get_beneficiary (hmr_area_page_get_store (HMR_AREA_PAGE (self)),
                                 hmr_area_page_get_actor (HMR_AREA_PAGE (self)), id, &error);
  if (b == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }

  was_showing = hmr_beneficiaries_page_get_showing_detail (self);
  hmr_beneficiary_detail_set_beneficiary (self->detail, b);
  gtk_stack_set_visible_child_name (self->view_stack, "detail");
  gtk_widget_grab_focus (GTK_WIDGET (self->detail));
  if (!was_showing)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWING_DETAIL]);
  return TRUE;
}

HmrBeneficiaryList *
hmr_beneficiaries_page_get_model (HmrBeneficiariesPage *self)
{
  g_return_val_if_fail (HMR_IS_BENEFICIARIES_PAGE (self), NULL);
  return self->model;
}

/**
 * hmr_beneficiaries_page_get_query:
 *
 * Returns: (transfer none): the query the list shows, valid until it changes
 */
const HmrBeneficiaryQuery *
hmr_beneficiaries_page_get_query (HmrBeneficiariesPage *self)
{
  g_return_val_if_fail (HMR_IS_BENEFICIARIES_PAGE (self), NULL);
  return hmr_beneficiary_list_get_query (self->model);
}

GtkSearchEntry *
hmr_beneficiaries_page_get_search_entry (HmrBeneficiariesPage *self)
{
  g_return_val_if_fail (HMR_IS_BENEFICIARIES_PAGE (self), NULL);
  return self->search_entry;
}

GtkColumnView *
hmr_beneficiaries_page_get_column_view (HmrBeneficiariesPage *self)
{
  g_return_val_if_fail (HMR_IS_BENEFICIARIES_PAGE (self), NULL);
  return self->column_view;
}

HmrBeneficiaryDetail *
hmr_beneficiaries_page_get_detail (HmrBeneficiariesPage *self)
{
  g_return_val_if_fail (HMR_IS_BENEFICIARIES_PAGE (self), NULL);
  return self->detail;
}

/**
 * hmr_beneficiaries_page_get_state:
 *
 * Returns: what the page shows: "table", "empty" (no beneficiaries at
 *   all), "no-results" (none matches the search) or "detail"
 */
const char *
hmr_beneficiaries_page_get_state (HmrBeneficiariesPage *self)
{
  g_return_val_if_fail (HMR_IS_BENEFICIARIES_PAGE (self), NULL);

  if (hmr_beneficiaries_page_get_showing_detail (self))
    return "detail";
  return gtk_stack_get_visible_child_name (self->list_stack);
}

HmrBeneficiaryFilters *
hmr_beneficiaries_page_get_filters (HmrBeneficiariesPage *self)
{
  g_return_val_if_fail (HMR_IS_BENEFICIARIES_PAGE (self), NULL);
  return self->filters;
}

/**
 * hmr_beneficiaries_page_is_searching:
 *
 * Returns: whether a query runs in the background, or is still to read
 *   the rest of a list shown from its first screen
 */
gboolean
hmr_beneficiaries_page_is_searching (HmrBeneficiariesPage *self)
{
  g_return_val_if_fail (HMR_IS_BENEFICIARIES_PAGE (self), FALSE);
  return self->n_running > 0 || hmr_beneficiary_list_is_partial (self->model);
}

