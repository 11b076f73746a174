/* hmr-beneficiary-filters.c
 *
 * The district and "Show archived" stay in the bar, where most offices
 * need them; category, case stage and status, caseworker, re-entry ban and
 * risk are in the "Filters" popover, whose button counts the filters in
 * use.  Every choice combines with the others; "changed" tells the page to
 * run its query again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-beneficiary-filters.h"
#include "hmr-beneficiary-list-async.h"
#include "hmr-gui-util.h"
#include "hmr-labels.h"
#include "hmr-permissions.h"

struct _HmrBeneficiaryFilters
{
  GtkBox          parent_instance;

  GtkDropDown    *dropdowns[HMR_N_FILTERS];
  GPtrArray      *codes[HMR_N_FILTERS];   /* parallel to each drop-down; [0] is NULL: any */
  gboolean        filling;

  /* Template widgets */
  GtkDropDown    *district_dropdown;
  GtkCheckButton *archived_check;
  GtkMenuButton  *filters_button;
  GtkGrid        *filters_grid;
  GtkButton      *reset_button;
};

G_DEFINE_FINAL_TYPE (HmrBeneficiaryFilters, hmr_beneficiary_filters, GTK_TYPE_BOX)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const stage_codes[] = {
  "new", "assessment", "case_plan", "services", "closed", "reopened", NULL
};
static const char * const status_codes[] = { "open", "closed", "transferred", "duplicate", NULL };
static const char * const ban_codes[] = { "with", "without", "ending", "no-legal-aid", NULL };

static void
set_choices (HmrBeneficiaryFilters *self,
             HmrFilter              filter,
             const char            *any_label,
             GPtrArray             *codes,    /* transfer full, without the "any" */
             GPtrArray             *labels)   /* transfer full */
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  g_clear_pointer (&self->codes[filter], g_ptr_array_unref);
  self->codes[filter] = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->codes[filter], NULL);
  gtk_string_list_append (list, any_label);
  for (guint i = 0; i < codes->len; i++)
    {
      g_ptr_array_add (self->codes[filter], g_strdup (g_ptr_array_index (codes, i)));
      gtk_string_list_append (list, g_ptr_array_index (labels, i));
    }
  g_ptr_array_unref (codes);
  g_ptr_array_unref (labels);

  self->filling = TRUE;
  gtk_drop_down_set_model (self->dropdowns[filter], G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->dropdowns[filter], 0);
  self->filling = FALSE;
}

static void
set_coded_choices (HmrBeneficiaryFilters *self,
                   HmrFilter              filter,
                   const char            *any_label,
                   const char * const    *codes,
                   const char *         (*get_label) (const char *code),
                   HmrCodes               label_codes)
{
  GPtrArray *c = g_ptr_array_new ();
  GPtrArray *l = g_ptr_array_new ();

  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_ptr_array_add (c, (gpointer) codes[i]);
      g_ptr_array_add (l, (gpointer) (get_label ? get_label (codes[i])
                                                : hmr_code_get_label (label_codes, codes[i])));
    }
  /* set_choices copies the codes; the labels are static */
  g_ptr_array_set_free_func (c, NULL);
  set_choices (self, filter, any_label, c, l);
}

static void
update_button (HmrBeneficiaryFilters *self)
{
  guint n = 0;
  g_autofree char *label = NULL;

  for (guint f = HMR_FILTER_CATEGORY; f < HMR_N_FILTERS; f++)
    if (gtk_drop_down_get_selected (self->dropdowns[f]) > 0 &&
        gtk_drop_down_get_selected (self->dropdowns[f]) != GTK_INVALID_LIST_POSITION)
      n++;

  if (n == 0)
    label = g_strdup (_("_Filters"));
  else
    /* Translators: the button of the filter popover, with the number of filters in use */
    label = g_strdup_printf (_("_Filters (%u)"), n);
  gtk_menu_button_set_label (self->filters_button, label);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reset_button),
                            n > 0 || gtk_drop_down_get_selected (self->district_dropdown) > 0);
  if (n > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->filters_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filters_button), "accent");
}

static void
on_changed (HmrBeneficiaryFilters *self)
{
  if (self->filling)
    return;
  update_button (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_reset_clicked (HmrBeneficiaryFilters *self)
{
  hmr_beneficiary_filters_reset (self);
}

static void
add_filter (HmrBeneficiaryFilters *self,
            HmrFilter              filter,
            const char            *title,
            int                    row)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (title);
  GtkWidget *dropdown = gtk_drop_down_new (NULL, NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), dropdown);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_hexpand (dropdown, TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (dropdown),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  gtk_grid_attach (self->filters_grid, label, 0, row, 1, 1);
  gtk_grid_attach (self->filters_grid, dropdown, 1, row, 1, 1);
  self->dropdowns[filter] = GTK_DROP_DOWN (dropdown);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_changed), self, G_CONNECT_SWAPPED);
}

/* ---- GObject -------------------------------------------------------- */

static void
hmr_beneficiary_filters_finalize (GObject *object)
{
  HmrBeneficiaryFilters *self = HMR_BENEFICIARY_FILTERS (object);

  for (guint f = 0; f < HMR_N_FILTERS; f++)
    g_clear_pointer (&self->codes[f], g_ptr_array_unref);

  G_OBJECT_CLASS (hmr_beneficiary_filters_parent_class)->finalize (object);
}

static void
hmr_beneficiary_filters_class_init (HmrBeneficiaryFiltersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = hmr_beneficiary_filters_finalize;

  /**
   * HmrBeneficiaryFilters::changed:
   *
   * A filter was chosen or cleared.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/registry/hmr-beneficiary-filters.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiaryFilters, district_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiaryFilters, archived_check);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiaryFilters, filters_button);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiaryFilters, filters_grid);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiaryFilters, reset_button);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_reset_clicked);
}

static void
hmr_beneficiary_filters_init (HmrBeneficiaryFilters *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->dropdowns[HMR_FILTER_DISTRICT] = self->district_dropdown;
  add_filter (self, HMR_FILTER_CATEGORY, _("_Category"), 0);
  add_filter (self, HMR_FILTER_STAGE, _("Case _stage"), 1);
  add_filter (self, HMR_FILTER_STATUS, _("Case s_tatus"), 2);
  add_filter (self, HMR_FILTER_CASEWORKER, _("Case_worker"), 3);
  add_filter (self, HMR_FILTER_BAN, _("Re-entry _ban"), 4);
  add_filter (self, HMR_FILTER_RISK, _("_Risk"), 5);

  set_coded_choices (self, HMR_FILTER_CATEGORY, _("Any category"), hmr_category_codes (),
                     hmr_category_get_label, 0);
  set_coded_choices (self, HMR_FILTER_STAGE, _("Any stage"), stage_codes, hmr_stage_get_label, 0);
  set_coded_choices (self, HMR_FILTER_STATUS, _("Any status"), status_codes, NULL, HMR_CODES_CASE_STATUS);
  set_coded_choices (self, HMR_FILTER_RISK, _("Any risk"), hmr_risk_codes (), hmr_risk_get_label, 0);
  {
    GPtrArray *c = g_ptr_array_new ();
    GPtrArray *l = g_ptr_array_new ();

    g_ptr_array_add (c, (gpointer) ban_codes[0]);
    g_ptr_array_add (l, (gpointer) _("Has a re-entry ban"));
    g_ptr_array_add (c, (gpointer) ban_codes[1]);
    g_ptr_array_add (l, (gpointer) _("No re-entry ban"));
    g_ptr_array_add (c, (gpointer) ban_codes[2]);
    g_ptr_array_add (l, (gpointer) _("Ban ending within 90 days"));
    g_ptr_array_add (c, (gpointer) ban_codes[3]);
    g_ptr_array_add (l, (gpointer) _("Ban without a legal-aid referral"));
    set_choices (self, HMR_FILTER_BAN, _("With or without a ban"), c, l);
  }
  set_choices (self, HMR_FILTER_CASEWORKER, _("Any caseworker"), g_ptr_array_new (), g_ptr_array_new ());
  set_choices (self, HMR_FILTER_DISTRICT, _("All districts"), g_ptr_array_new (), g_ptr_array_new ());
  update_button (self);
}

/**
 * hmr_beneficiary_filters_fill_choices:
 *
 * Reads the districts and the caseworkers from the store.
 */
void
hmr_beneficiary_filters_fill_choices (HmrBeneficiaryFilters *self,
                                      HmrStore              *store,
                                      const HmrActor        *actor)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) districts = NULL;
  g_autoptr(GPtrArray) owners = NULL;
  GPtrArray *codes = g_ptr_array_new ();
  GPtrArray *labels = g_ptr_array_new ();

  g_return_if_fail (HMR_IS_BENEFICIARY_FILTERS (self));

  districts = hmr_store_list_districts (store, &error);
  if (districts == NULL)
    g_warning ("Could not list the districts: %s", error->message);
  for (guint i = 0; districts != NULL && i < districts->len; i++)
    {
      g_ptr_array_add (codes, g_ptr_array_index (districts, i));
      g_ptr_array_add (labels, (gpointer) hmr_district_get_label (g_ptr_array_index (districts, i)));
    }
  set_choices (self, HMR_FILTER_DISTRICT, _("All districts"), codes, labels);

  g_clear_error (&error);
  codes = g_ptr_array_new ();
  labels = g_ptr_array_new ();
  owners = hmr_store_list_case_owners (store, actor, &error);
  if (owners == NULL)
    g_warning ("Could not list the caseworkers: %s", error->message);
  for (guint i = 0; owners != NULL && i < owners->len; i++)
    {
      HmrCaseOwner *owner = g_ptr_array_index (owners, i);

      g_ptr_array_add (codes, owner->id);
      g_ptr_array_add (labels, owner->full_name);
    }
  set_choices (self, HMR_FILTER_CASEWORKER, _("Any caseworker"), codes, labels);
  update_button (self);
  /* A reader of identity only (finance) may not filter by what lies beyond
   * it: the store ignores those filters for them, the popover goes */
  gtk_widget_set_visible (GTK_WIDGET (self->filters_button),
                          hmr_permission_allows (actor, HMR_ACTION_BENEFICIARY_READ, NULL));
}

static const char *
selected_code (HmrBeneficiaryFilters *self,
               HmrFilter              filter)
{
  guint pos = gtk_drop_down_get_selected (self->dropdowns[filter]);

  if (pos == GTK_INVALID_LIST_POSITION || pos >= self->codes[filter]->len)
    return NULL;
  return g_ptr_array_index (self->codes[filter], pos);
}

/**
 * hmr_beneficiary_filters_apply:
 *
 * Sets the filters of @query to the choices shown.  Its strings are
 * borrowed from @self, valid until the choices change.
 */
void
hmr_beneficiary_filters_apply (HmrBeneficiaryFilters *self,
                               HmrBeneficiaryQuery   *query)
{
  const char *ban;

  g_return_if_fail (HMR_IS_BENEFICIARY_FILTERS (self));

  query->district = selected_code (self, HMR_FILTER_DISTRICT);
  query->category = selected_code (self, HMR_FILTER_CATEGORY);
  query->stage = selected_code (self, HMR_FILTER_STAGE);
  query->case_status = selected_code (self, HMR_FILTER_STATUS);
  query->owner_id = selected_code (self, HMR_FILTER_CASEWORKER);
  query->risk = selected_code (self, HMR_FILTER_RISK);
  ban = selected_code (self, HMR_FILTER_BAN);
  if (g_strcmp0 (ban, "with") == 0)
    query->ban = HMR_BAN_FILTER_WITH_BAN;
  else if (g_strcmp0 (ban, "without") == 0)
    query->ban = HMR_BAN_FILTER_WITHOUT_BAN;
  else if (g_strcmp0 (ban, "ending") == 0)
    query->ban = HMR_BAN_FILTER_ENDING_SOON;
  else if (g_strcmp0 (ban, "no-legal-aid") == 0)
    query->ban = HMR_BAN_FILTER_NO_LEGAL_AID;
  else
    query->ban = HMR_BAN_FILTER_ANY;
  query->include_archived = gtk_check_button_get_active (self->archived_check);
}

gboolean
hmr_beneficiary_filters_is_active (HmrBeneficiaryFilters *self)
{
  g_return_val_if_fail (HMR_IS_BENEFICIARY_FILTERS (self), FALSE);

  for (guint f = 0; f < HMR_N_FILTERS; f++)
    if (selected_code (self, f) != NULL)
      return TRUE;
  return gtk_check_button_get_active (self->archived_check);
}

/**
 * hmr_beneficiary_filters_reset:
 *
 * Clears every filter but "Show archived", with one "changed".
 */
void
hmr_beneficiary_filters_reset (HmrBeneficiaryFilters *self)
{
  g_return_if_fail (HMR_IS_BENEFICIARY_FILTERS (self));

  self->filling = TRUE;
  for (guint f = 0; f < HMR_N_FILTERS; f++)
    gtk_drop_down_set_selected (self->dropdowns[f], 0);
  self->filling = FALSE;
  on_changed (self);
}

GtkDropDown *
hmr_beneficiary_filters_get_dropdown (HmrBeneficiaryFilters *self,
                                      HmrFilter              filter)
{
  g_return_val_if_fail (HMR_IS_BENEFICIARY_FILTERS (self), NULL);
  g_return_val_if_fail (filter < HMR_N_FILTERS, NULL);
  return self->dropdowns[filter];
}

/**
 * hmr_beneficiary_filters_select:
 * @code: (nullable): the code to choose; %NULL for any
 *
 * Returns: %FALSE when @code is not among the choices
 */
gboolean
hmr_beneficiary_filters_select (HmrBeneficiaryFilters *self,
                                HmrFilter              filter,
                                const char            *code)
{
  g_return_val_if_fail (HMR_IS_BENEFICIARY_FILTERS (self), FALSE);
  g_return_val_if_fail (filter < HMR_N_FILTERS, FALSE);

  for (guint i = 0; i < self->codes[filter]->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->codes[filter], i), code) == 0)
      {
        gtk_drop_down_set_selected (self->dropdowns[filter], i);
        return TRUE;
      }
  return FALSE;
}

GtkCheckButton *
hmr_beneficiary_filters_get_archived_check (HmrBeneficiaryFilters *self)
{
  g_return_val_if_fail (HMR_IS_BENEFICIARY_FILTERS (self), NULL);
  return self->archived_check;
}
