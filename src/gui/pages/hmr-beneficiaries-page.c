/* hmr-beneficiaries-page.c
 *
 * A column view over the core's lazy HmrBeneficiaryList: the model holds
 * the row ids of one SQL query and loads only the rows on screen, so the
 * list stays smooth with a million people.  Searching and filtering replace
 * the query; sorting and filtering happen in SQL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-beneficiaries-page.h"
#include "hmr-beneficiary-form.h"
#include "hmr-gui-util.h"
#include "hmr-permissions.h"

typedef enum
{
  COLUMN_CASE_NUMBER,
  COLUMN_NAME,
  COLUMN_DISTRICT,
  COLUMN_CATEGORY,
  COLUMN_STAGE,
  COLUMN_CASEWORKER,
  COLUMN_RISK,
  N_COLUMNS
} Column;

struct _HmrBeneficiariesPage
{
  AdwBin                parent_instance;

  HmrStore             *store;
  HmrActor             *actor;
  HmrBeneficiaryList   *model;
  GtkSingleSelection   *selection;
  GPtrArray            *district_codes;   /* parallel to the drop-down; [0] is NULL */
  HmrBeneficiaryQuery   query;
  char                 *query_text;
  char                 *query_district;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *view_stack;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *district_dropdown;
  GtkCheckButton       *archived_check;
  GtkButton            *register_button;
  GtkStack             *list_stack;
  GtkColumnView        *column_view;
  GtkColumnViewColumn  *columns[N_COLUMNS];
  AdwStatusPage        *empty_page;
  GtkButton            *empty_register_button;
  GtkLabel             *count_label;
  HmrBeneficiaryDetail *detail;
};

G_DEFINE_FINAL_TYPE (HmrBeneficiariesPage, hmr_beneficiaries_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ACTOR,
  PROP_SHOWING_DETAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const column_ids[N_COLUMNS] = {
  "case_number_column", "name_column", "district_column", "category_column",
  "stage_column", "caseworker_column", "risk_column",
};

/* ---- cells ------------------------------------------------------------ */

/* The narrowest a column gets, in characters, before the table scrolls
 * sideways: names stay readable on a narrow window; -1 never shortens */
static const int column_min_chars[N_COLUMNS] = {
  [COLUMN_CASE_NUMBER] = -1,
  [COLUMN_NAME] = 26,
  [COLUMN_DISTRICT] = 8,
  [COLUMN_CATEGORY] = 12,
  [COLUMN_STAGE] = 8,
  [COLUMN_CASEWORKER] = 12,
  [COLUMN_RISK] = 5,
};

/* … and the widest, so that the names get the room left over */
static const int column_max_chars[N_COLUMNS] = {
  [COLUMN_CASE_NUMBER] = -1,
  [COLUMN_NAME] = -1,
  [COLUMN_DISTRICT] = 14,
  [COLUMN_CATEGORY] = 20,
  [COLUMN_STAGE] = 12,
  [COLUMN_CASEWORKER] = 18,
  [COLUMN_RISK] = 8,
};

static GtkWidget *
new_cell_label (Column column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (column_min_chars[column] > 0)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), column_min_chars[column]);
      gtk_label_set_max_width_chars (GTK_LABEL (label), column_max_chars[column]);
    }
  return label;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);

  if (column == COLUMN_NAME)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *latin = new_cell_label (column);

      gtk_box_append (GTK_BOX (box), new_cell_label (column));
      gtk_widget_add_css_class (latin, "caption");
      gtk_widget_add_css_class (latin, "dim-label");
      gtk_box_append (GTK_BOX (box), latin);
      gtk_list_item_set_child (item, box);
    }
  else
    gtk_list_item_set_child (item, new_cell_label (column));
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  HmrBeneficiary *b = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  const char *risk;

  switch (column)
    {
    case COLUMN_NAME:
      {
        g_autofree char *name = hmr_beneficiary_dup_full_name (b);
        g_autofree char *latin = hmr_beneficiary_dup_latin_name (b);
        GtkWidget *name_label = gtk_widget_get_first_child (child);
        GtkWidget *latin_label = gtk_widget_get_next_sibling (name_label);

        gtk_label_set_label (GTK_LABEL (name_label), name);
        gtk_label_set_label (GTK_LABEL (latin_label), latin);
        gtk_widget_set_visible (latin_label, latin[0] != '\0');
      }
      break;

    case COLUMN_CASE_NUMBER:
      gtk_label_set_label (GTK_LABEL (child),
                           hmr_gui_value_or_dash (hmr_beneficiary_get (b, HMR_BENEFICIARY_CASE_NUMBER)));
      break;

    case COLUMN_DISTRICT:
      gtk_label_set_label (GTK_LABEL (child),
                           hmr_gui_value_or_dash (hmr_district_get_label (hmr_beneficiary_get (b, HMR_BENEFICIARY_DISTRICT))));
      break;

    case COLUMN_CATEGORY:
      gtk_label_set_label (GTK_LABEL (child),
                           hmr_gui_value_or_dash (hmr_category_get_label (hmr_beneficiary_get (b, HMR_BENEFICIARY_CATEGORY))));
      break;

    case COLUMN_STAGE:
      if (hmr_beneficiary_is_archived (b))
        gtk_label_set_label (GTK_LABEL (child), _("Archived"));
      else
        gtk_label_set_label (GTK_LABEL (child),
                             hmr_gui_value_or_dash (hmr_stage_get_label (hmr_beneficiary_get (b, HMR_BENEFICIARY_CASE_STAGE))));
      break;

    case COLUMN_CASEWORKER:
      gtk_label_set_label (GTK_LABEL (child),
                           hmr_gui_value_or_dash (hmr_beneficiary_get (b, HMR_BENEFICIARY_CASEWORKER)));
      break;

    case COLUMN_RISK:
      risk = hmr_beneficiary_get (b, HMR_BENEFICIARY_RISK_LEVEL);
      gtk_label_set_label (GTK_LABEL (child), hmr_gui_value_or_dash (hmr_risk_get_label (risk)));
      gtk_widget_remove_css_class (child, "risk-high");
      gtk_widget_remove_css_class (child, "risk-medium");
      if (g_strcmp0 (risk, "high") == 0)
        gtk_widget_add_css_class (child, "risk-high");
      else if (g_strcmp0 (risk, "medium") == 0)
        gtk_widget_add_css_class (child, "risk-medium");
      break;

    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

static void
setup_columns (HmrBeneficiariesPage *self)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (i));
      gtk_column_view_column_set_factory (self->columns[i], factory);
    }
}

/* ---- the list and its query ------------------------------------------ */

static gboolean
filters_active (HmrBeneficiariesPage *self)
{
  return self->query.text != NULL || self->query.district != NULL || self->query.include_archived;
}

static void
update_state (HmrBeneficiariesPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *count = NULL;

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

static void
apply_query (HmrBeneficiariesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  guint district = gtk_drop_down_get_selected (self->district_dropdown);

  g_clear_pointer (&self->query_text, g_free);
  g_clear_pointer (&self->query_district, g_free);
  if (text[0] != '\0')
    self->query_text = g_steal_pointer (&text);
  if (district != GTK_INVALID_LIST_POSITION && district < self->district_codes->len)
    self->query_district = g_strdup (g_ptr_array_index (self->district_codes, district));

  /* Newest first: what was registered today is what people look for */
  self->query.sort = HMR_BENEFICIARY_SORT_REGISTERED;
  self->query.descending = TRUE;
  self->query.text = self->query_text;
  self->query.district = self->query_district;
  self->query.category = NULL;
  self->query.include_archived = gtk_check_button_get_active (self->archived_check);

  if (!hmr_beneficiary_list_set_query (self->model, &self->query, &error))
    show_error (self, error->message);
  update_state (self);
}

static void
on_filter_changed (HmrBeneficiariesPage *self)
{
  if (self->model != NULL)
    apply_query (self);
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

static void
fill_districts (HmrBeneficiariesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) districts = hmr_store_list_districts (self->store, &error);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_clear_pointer (&self->district_codes, g_ptr_array_unref);
  self->district_codes = g_ptr_array_new_with_free_func (g_free);

  gtk_string_list_append (labels, _("All districts"));
  g_ptr_array_add (self->district_codes, NULL);
  if (districts == NULL)
    show_error (self, error->message);
  else
    for (guint i = 0; i < districts->len; i++)
      {
        const char *code = g_ptr_array_index (districts, i);

        gtk_string_list_append (labels, hmr_district_get_label (code));
        g_ptr_array_add (self->district_codes, g_strdup (code));
      }
  gtk_drop_down_set_model (self->district_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->district_dropdown, 0);
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

  form = hmr_beneficiary_form_new (self->store, self->actor, NULL);
  gtk_window_set_transient_for (GTK_WINDOW (form), hmr_gui_get_parent_window (widget));
  g_signal_connect_object (form, "saved", G_CALLBACK (on_form_saved), self, G_CONNECT_SWAPPED);
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

/* ---- GObject -------------------------------------------------------- */

static void
hmr_beneficiaries_page_constructed (GObject *object)
{
  HmrBeneficiariesPage *self = HMR_BENEFICIARIES_PAGE (object);
  gboolean can_write;

  G_OBJECT_CLASS (hmr_beneficiaries_page_parent_class)->constructed (object);

  g_return_if_fail (HMR_IS_STORE (self->store));
  g_return_if_fail (self->actor != NULL);

  can_write = hmr_permission_allows (self->actor, HMR_ACTION_BENEFICIARY_WRITE, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "beneficiaries.register", can_write);
  gtk_widget_set_visible (GTK_WIDGET (self->register_button), can_write);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_register_button), can_write);
  if (!can_write)
    adw_status_page_set_description (self->empty_page,
                                     _("The case files that caseworkers register will be listed here."));

  g_object_set (self->detail, "store", self->store, "actor", self->actor, NULL);

  fill_districts (self);

  self->model = hmr_beneficiary_list_new (self->store, self->actor);
  g_signal_connect_object (self->model, "items-changed",
                           G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  apply_query (self);
}

static void
hmr_beneficiaries_page_dispose (GObject *object)
{
  HmrBeneficiariesPage *self = HMR_BENEFICIARIES_PAGE (object);

  /* AdwBin unparents its child itself: no gtk_widget_dispose_template () */
  g_clear_object (&self->selection);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (hmr_beneficiaries_page_parent_class)->dispose (object);
}

static void
hmr_beneficiaries_page_finalize (GObject *object)
{
  HmrBeneficiariesPage *self = HMR_BENEFICIARIES_PAGE (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, hmr_actor_free);
  g_clear_pointer (&self->district_codes, g_ptr_array_unref);
  g_free (self->query_text);
  g_free (self->query_district);

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
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ACTOR:
      g_value_set_boxed (value, self->actor);
      break;
    case PROP_SHOWING_DETAIL:
      g_value_set_boolean (value, hmr_beneficiaries_page_get_showing_detail (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hmr_beneficiaries_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  HmrBeneficiariesPage *self = HMR_BENEFICIARIES_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_ACTOR:
      self->actor = g_value_dup_boxed (value);
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

  object_class->constructed = hmr_beneficiaries_page_constructed;
  object_class->dispose = hmr_beneficiaries_page_dispose;
  object_class->finalize = hmr_beneficiaries_page_finalize;
  object_class->get_property = hmr_beneficiaries_page_get_property;
  object_class->set_property = hmr_beneficiaries_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         HMR_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR] =
    g_param_spec_boxed ("actor", NULL, NULL,
                        HMR_TYPE_ACTOR,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
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

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/pages/hmr-beneficiaries-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiariesPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiariesPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiariesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiariesPage, district_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiariesPage, archived_check);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiariesPage, register_button);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiariesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiariesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiariesPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiariesPage, empty_register_button);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiariesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiariesPage, detail);
  for (guint i = 0; i < N_COLUMNS; i++)
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
  setup_columns (self);
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

HmrStore *
hmr_beneficiaries_page_get_store (HmrBeneficiariesPage *self)
{
  g_return_val_if_fail (HMR_IS_BENEFICIARIES_PAGE (self), NULL);
  return self->store;
}

const HmrActor *
hmr_beneficiaries_page_get_actor (HmrBeneficiariesPage *self)
{
  g_return_val_if_fail (HMR_IS_BENEFICIARIES_PAGE (self), NULL);
  return self->actor;
}

/**
 * hmr_beneficiaries_page_reload:
 *
 * Runs the list's query again, after a change in the store.
 */
void
hmr_beneficiaries_page_reload (HmrBeneficiariesPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (HMR_IS_BENEFICIARIES_PAGE (self));

  if (!hmr_beneficiary_list_reload (self->model, &error))
    show_error (self, error->message);
  update_state (self);
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

  b = hmr_store_get_beneficiary (self->store, self->actor, id, &error);
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
  return &self->query;
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
