/* hmr-referrals-page.c
 *
 * A column view over the core's lazy HmrReferralBoard: the store orders
 * it overdue first and does the filtering; the page turns the drop-downs
 * into an HmrReferralQuery and shows the counts per status the board
 * keeps.  Activating a row opens the referral; the export runs in a
 * thread (hmr-referrals-export.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "hmr-gui-export.h"
#include "hmr-gui-util.h"
#include "hmr-labels.h"
#include "hmr-permissions.h"
#include "hmr-referral-dialog.h"
#include "hmr-referral-people.h"
#include "hmr-referrals-columns.h"
#include "hmr-referrals-export.h"
#include "hmr-referrals-page.h"

static const char * const column_ids[HMR_REFERRALS_N_COLUMNS] = {
  "case_column", "service_column", "provider_column", "district_column",
  "caseworker_column", "status_column", "due_column", "open_column",
};

/* The status filter: the statuses, after these */
enum { STATUS_ALL, STATUS_OPEN, STATUS_OVERDUE, N_STATUS_EXTRA };

/* The age filter, in days since sent */
static const struct
{
  const char *label;
  guint       min, max;
} ages[] = {
  { N_("Any age"), 0, 0 },
  { N_("Sent in the last 7 days"), 0, 7 },
  { N_("Sent 8 to 30 days ago"), 8, 30 },
  { N_("Sent 31 to 90 days ago"), 31, 90 },
  { N_("Sent more than 90 days ago"), 91, 0 },
};

struct _HmrReferralsPage
{
  HmrAreaPage          parent_instance;

  HmrReferralBoard    *model;
  GtkSingleSelection  *selection;
  GPtrArray           *codes[HMR_REFERRALS_N_FILTERS];  /* parallel to each drop-down; [0] is NULL */
  GtkWidget           *count_buttons[HMR_REFERRAL_N_STATUSES + 1];  /* [0] overdue */
  GCancellable        *export_cancellable;
  gboolean             filling;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  GtkBox              *counts_box;
  GtkButton           *export_button;
  GtkDropDown         *filters[HMR_REFERRALS_N_FILTERS];
  GtkLabel            *count_label;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *columns[HMR_REFERRALS_N_COLUMNS];
  GtkRevealer         *export_revealer;
  GtkLabel            *export_label;
  GtkProgressBar      *export_progress;
};

G_DEFINE_FINAL_TYPE (HmrReferralsPage, hmr_referrals_page, HMR_TYPE_AREA_PAGE)

static const char * const filter_ids[HMR_REFERRALS_N_FILTERS] = {
  "district_dropdown", "service_dropdown", "provider_dropdown",
  "caseworker_dropdown", "status_dropdown", "age_dropdown",
};

static void
show_error (HmrReferralsPage *self,
            const char       *message)
{
  hmr_gui_show_error_toast (GTK_WIDGET (self->toast_overlay), message);
}

/* ---- cells ------------------------------------------------------------ */

static void
setup_columns (HmrReferralsPage *self)
{
  hmr_referrals_columns_setup (self->columns);
}

/* ---- counts ------------------------------------------------------------ */

static void
make_count_buttons (HmrReferralsPage *self)
{
  const char * const *codes = hmr_referral_status_codes ();

  for (guint i = 0; i <= HMR_REFERRAL_N_STATUSES; i++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *number = gtk_label_new ("0");
      GtkWidget *caption = gtk_label_new (i == 0 ? _("Overdue")
                                                 : hmr_code_get_label (HMR_CODES_REFERRAL_STATUS, codes[i - 1]));

      gtk_widget_add_css_class (number, "title-3");
      gtk_widget_add_css_class (caption, "caption");
      gtk_box_append (GTK_BOX (box), number);
      gtk_box_append (GTK_BOX (box), caption);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, i == 0 ? _("Show the overdue referrals")
                                                  : _("Show the referrals in this status"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "referrals.show-status");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new_uint32 (i == 0 ? STATUS_OVERDUE
                                                                           : N_STATUS_EXTRA + i - 1));
      gtk_box_append (self->counts_box, button);
      self->count_buttons[i] = button;
    }
}

static void
update_counts (HmrReferralsPage *self)
{
  const HmrReferralCounts *counts = hmr_referral_board_get_counts (self->model);
  const char * const *codes = hmr_referral_status_codes ();

  for (guint i = 0; i <= HMR_REFERRAL_N_STATUSES; i++)
    {
      GtkWidget *button = self->count_buttons[i];
      GtkWidget *number = gtk_widget_get_first_child (gtk_button_get_child (GTK_BUTTON (button)));
      guint n = i == 0 ? counts->overdue : counts->by_status[i - 1];
      g_autofree char *text = g_strdup_printf ("%u", n);
      g_autofree char *spoken = NULL;

      gtk_label_set_label (GTK_LABEL (number), text);
      if (i == 0 && n > 0)
        gtk_widget_add_css_class (button, "error");
      else
        gtk_widget_remove_css_class (button, "error");
      /* A status's name and its count, as a label and its value: put side
       * by side as "12 Sent", the status would have to agree with the
       * number, which a bare status name cannot do in Russian or Tajik.
       * Translators: read out by a screen reader: "Overdue: 12", "Sent: 3" */
      spoken = g_strdup_printf (C_("referral count", "%s: %u"),
                                i == 0 ? _("Overdue") : hmr_code_get_label (HMR_CODES_REFERRAL_STATUS, codes[i - 1]),
                                n);
      hmr_gui_set_accessible_label (button, spoken);
    }
}

/* ---- the query --------------------------------------------------------- */

static const char *
selected_code (HmrReferralsPage   *self,
               HmrReferralsFilter  filter)
{
  guint pos = gtk_drop_down_get_selected (self->filters[filter]);
  GPtrArray *codes = self->codes[filter];

  if (codes == NULL || pos == GTK_INVALID_LIST_POSITION || pos >= codes->len)
    return NULL;
  return g_ptr_array_index (codes, pos);
}

static gboolean
filters_active (HmrReferralsPage *self)
{
  for (guint i = 0; i < HMR_REFERRALS_N_FILTERS; i++)
    {
      guint pos = gtk_drop_down_get_selected (self->filters[i]);
      if (pos != 0 && pos != GTK_INVALID_LIST_POSITION)
        return TRUE;
    }
  return FALSE;
}

static void
update_state (HmrReferralsPage *self)
{
  const HmrActor *actor = hmr_area_page_get_actor (HMR_AREA_PAGE (self));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  const HmrReferralCounts *counts = hmr_referral_board_get_counts (self->model);
  g_autofree char *text = NULL;

  if (filters_active (self))
    {
      static const HmrReferralQuery everything = { 0 };
      HmrReferralCounts all = { { 0 } };

      if (!hmr_store_count_referrals (hmr_area_page_get_store (HMR_AREA_PAGE (self)), actor,
                                      &everything, &all, NULL))
        all.total = counts->total;
      /* Translators: how many referrals match the filters, of how many */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u referral", "%u of %u referrals", all.total),
                              n, all.total);
    }
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u referral", "%u referrals", n), n);
  gtk_label_set_label (self->count_label, text);
  update_counts (self);

  if (n > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "table");
  else if (filters_active (self))
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "referrals.export",
                                 n > 0 && self->export_cancellable == NULL &&
                                 hmr_permission_allows (actor, HMR_ACTION_EXPORT_CASELOAD, NULL));
}

static void
build_query (HmrReferralsPage *self,
             HmrReferralQuery *query)
{
  guint status = gtk_drop_down_get_selected (self->filters[HMR_REFERRALS_FILTER_STATUS]);
  guint age = gtk_drop_down_get_selected (self->filters[HMR_REFERRALS_FILTER_AGE]);

  memset (query, 0, sizeof *query);
  query->district = selected_code (self, HMR_REFERRALS_FILTER_DISTRICT);
  query->service_type = selected_code (self, HMR_REFERRALS_FILTER_SERVICE);
  query->provider_id = selected_code (self, HMR_REFERRALS_FILTER_PROVIDER);
  query->caseworker_id = selected_code (self, HMR_REFERRALS_FILTER_CASEWORKER);
  if (status == STATUS_OPEN)
    query->open_only = TRUE;
  else if (status == STATUS_OVERDUE)
    query->overdue_only = TRUE;
  else if (status != GTK_INVALID_LIST_POSITION && status >= N_STATUS_EXTRA &&
           status - N_STATUS_EXTRA < HMR_REFERRAL_N_STATUSES)
    query->status = hmr_referral_status_codes ()[status - N_STATUS_EXTRA];
  if (age != GTK_INVALID_LIST_POSITION && age < G_N_ELEMENTS (ages))
    {
      query->min_age_days = ages[age].min;
      query->max_age_days = ages[age].max;
    }
}

static void
apply_query (HmrReferralsPage *self)
{
  g_autoptr(GError) error = NULL;
  HmrReferralQuery query;

  build_query (self, &query);
  /* A new query always announces items-changed, which updates the
   * counts (update_state ()); only a failed one needs it said here */
  if (!hmr_referral_board_set_query (self->model, &query, &error))
    {
      show_error (self, error->message);
      update_state (self);
    }
}

static void
on_filter_changed (HmrReferralsPage *self)
{
  if (self->model != NULL && !self->filling)
    apply_query (self);
}

/* One drop-down: "All …" then @labels, remembering @codes */
static void
set_choices (HmrReferralsPage   *self,
             HmrReferralsFilter  filter,
             const char         *all,
             GPtrArray          *labels,
             GPtrArray          *codes)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  g_clear_pointer (&self->codes[filter], g_ptr_array_unref);
  self->codes[filter] = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (list, all);
  g_ptr_array_add (self->codes[filter], NULL);
  for (guint i = 0; labels != NULL && i < labels->len; i++)
    {
      gtk_string_list_append (list, g_ptr_array_index (labels, i));
      g_ptr_array_add (self->codes[filter], g_strdup (codes ? g_ptr_array_index (codes, i) : NULL));
    }
  gtk_drop_down_set_model (self->filters[filter], G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->filters[filter], 0);
}

static void
fill_filters (HmrReferralsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) districts = NULL;
  g_autoptr(GPtrArray) providers = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();
  const char * const *services = hmr_service_type_codes ();
  const char * const *statuses = hmr_referral_status_codes ();
  HmrStore *store = hmr_area_page_get_store (HMR_AREA_PAGE (self));
  const HmrActor *actor = hmr_area_page_get_actor (HMR_AREA_PAGE (self));

  self->filling = TRUE;

  districts = hmr_store_list_districts (store, &error);
  if (districts == NULL)
    show_error (self, error->message);
  for (guint i = 0; districts != NULL && i < districts->len; i++)
    {
      g_ptr_array_add (labels, (gpointer) hmr_district_get_label (g_ptr_array_index (districts, i)));
      g_ptr_array_add (codes, g_ptr_array_index (districts, i));
    }
  set_choices (self, HMR_REFERRALS_FILTER_DISTRICT, _("All districts"), labels, codes);

  g_ptr_array_set_size (labels, 0);
  g_ptr_array_set_size (codes, 0);
  for (guint i = 0; services[i]; i++)
    {
      g_ptr_array_add (labels, (gpointer) hmr_code_get_label (HMR_CODES_SERVICE_TYPE, services[i]));
      g_ptr_array_add (codes, (gpointer) services[i]);
    }
  set_choices (self, HMR_REFERRALS_FILTER_SERVICE, _("All services"), labels, codes);

  g_ptr_array_set_size (labels, 0);
  g_ptr_array_set_size (codes, 0);
  g_clear_error (&error);
  providers = hmr_store_list_providers (store, actor, NULL, NULL, TRUE, &error);
  if (providers == NULL)
    show_error (self, error->message);
  for (guint i = 0; providers != NULL && i < providers->len; i++)
    {
      HmrProvider *p = g_ptr_array_index (providers, i);
      g_ptr_array_add (labels, p->name);
      g_ptr_array_add (codes, p->id);
    }
  set_choices (self, HMR_REFERRALS_FILTER_PROVIDER, _("All providers"), labels, codes);

  g_ptr_array_set_size (labels, 0);
  g_ptr_array_set_size (codes, 0);
  g_clear_error (&error);
  people = hmr_store_list_referral_caseworkers (store, actor, &error);
  if (people == NULL)
    show_error (self, error->message);
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      HmrReferralCaseworker *cw = g_ptr_array_index (people, i);
      g_ptr_array_add (labels, cw->full_name);
      g_ptr_array_add (codes, cw->id);
    }
  set_choices (self, HMR_REFERRALS_FILTER_CASEWORKER, _("All caseworkers"), labels, codes);

  g_ptr_array_set_size (labels, 0);
  g_ptr_array_add (labels, _("Open"));
  g_ptr_array_add (labels, _("Overdue"));
  for (guint i = 0; statuses[i]; i++)
    g_ptr_array_add (labels, (gpointer) hmr_code_get_label (HMR_CODES_REFERRAL_STATUS, statuses[i]));
  set_choices (self, HMR_REFERRALS_FILTER_STATUS, _("All statuses"), labels, NULL);

  g_ptr_array_set_size (labels, 0);
  for (guint i = 1; i < G_N_ELEMENTS (ages); i++)
    g_ptr_array_add (labels, (gpointer) _(ages[i].label));
  set_choices (self, HMR_REFERRALS_FILTER_AGE, _(ages[0].label), labels, NULL);

  self->filling = FALSE;
}

/* ---- actions ------------------------------------------------------------ */

static void
on_row_activated (HmrReferralsPage *self,
                  guint             position)
{
  g_autoptr(HmrReferralRow) row = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  HmrReferralDialog *dialog;

  if (row == NULL)
    return;
  dialog = hmr_referral_dialog_new (hmr_area_page_get_store (HMR_AREA_PAGE (self)),
                                    hmr_area_page_get_actor (HMR_AREA_PAGE (self)),
                                    hmr_referral_row_get (row, HMR_REFERRAL_ROW_ID));
  /* No reload of its own on "changed": the dialog tells the window,
   * whose case-changed reloads the board (on_case_changed ()) */
  hmr_gui_present_dialog (GTK_WINDOW (dialog), NULL, GTK_WIDGET (self), NULL, NULL, NULL);
}

static void
open_case_file_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  gtk_widget_activate_action (widget, "win.open-case-file", "s", g_variant_get_string (parameter, NULL));
}

static void
show_status_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HmrReferralsPage *self = HMR_REFERRALS_PAGE (widget);

  gtk_drop_down_set_selected (self->filters[HMR_REFERRALS_FILTER_STATUS], g_variant_get_uint32 (parameter));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HmrReferralsPage *self = HMR_REFERRALS_PAGE (widget);

  self->filling = TRUE;
  for (guint i = 0; i < HMR_REFERRALS_N_FILTERS; i++)
    gtk_drop_down_set_selected (self->filters[i], 0);
  self->filling = FALSE;
  apply_query (self);
}

/* ---- export ------------------------------------------------------------- */

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GWeakRef *page_ref = user_data;
  g_autoptr(HmrReferralsPage) self = g_weak_ref_get (page_ref);
  g_autoptr(GError) error = NULL;

  hmr_referrals_export_finish (result, &error);
  g_weak_ref_clear (page_ref);
  g_free (page_ref);
  /* The page went while the export ran, and cancelled it on its way out:
   * nobody is left to tell */
  if (self == NULL)
    return;

  g_clear_object (&self->export_cancellable);
  gtk_revealer_set_reveal_child (self->export_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "referrals.cancel-export", FALSE);
  update_state (self);
  hmr_gui_export_tell (GTK_WIDGET (self->toast_overlay),
                       g_object_get_data (G_OBJECT (self->export_label), "path"), error,
                       /* Translators: a toast; %s is the file's name */
                       _("Referrals exported to %s"),
                       /* Translators: %s says why */
                       _("Could not export the referrals: %s"));
}

/**
 * hmr_referrals_page_export_to:
 *
 * Exports the referrals the board shows to @file in a thread, showing its
 * progress; the page going (its window closed) cancels it.
 */
void
hmr_referrals_page_export_to (HmrReferralsPage *self,
                              GFile            *file)
{
  g_autofree char *path = NULL;
  g_autofree char *base = NULL;
  g_autofree char *label = NULL;
  const HmrReferralQuery *query;
  GWeakRef *page_ref;

  g_return_if_fail (HMR_IS_REFERRALS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (g_file_peek_path (file) != NULL);
  g_return_if_fail (self->export_cancellable == NULL);

  path = g_file_get_path (file);
  base = g_path_get_basename (path);
  label = g_strdup_printf (_("Exporting to %s…"), base);
  query = hmr_referral_board_get_query (self->model);
  self->export_cancellable = g_cancellable_new ();
  g_object_set_data_full (G_OBJECT (self->export_label), "path", g_strdup (path), g_free);
  gtk_label_set_label (self->export_label, label);
  gtk_progress_bar_set_fraction (self->export_progress, 0);
  gtk_revealer_set_reveal_child (self->export_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "referrals.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "referrals.cancel-export", TRUE);

  /* Only a weak reference: the export must not keep the page, and with
   * it the export, alive once its window is closed */
  page_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (page_ref, self);
  hmr_referrals_export_async (hmr_area_page_get_store (HMR_AREA_PAGE (self)),
                              hmr_area_page_get_actor (HMR_AREA_PAGE (self)), query, path,
                              self->export_progress, self->export_cancellable, on_export_done, page_ref);
}

gboolean
hmr_referrals_page_get_exporting (HmrReferralsPage *self)
{
  g_return_val_if_fail (HMR_IS_REFERRALS_PAGE (self), FALSE);
  return self->export_cancellable != NULL;
}

static void
export_to (GtkWidget *owner,
           GFile     *file)
{
  hmr_referrals_page_export_to (HMR_REFERRALS_PAGE (owner), file);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HmrReferralsPage *self = HMR_REFERRALS_PAGE (widget);
  g_autoptr(GDateTime) now = hmr_store_now (hmr_area_page_get_store (HMR_AREA_PAGE (self)));
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;

  if (self->export_cancellable != NULL)
    return;
  /* Translators: the file name offered for the export; %s is today's date */
  name = g_strdup_printf (_("referrals-%s.xlsx"), day);
  hmr_gui_choose_xlsx (widget, _("Export Referrals"), name, export_to);
}

static void
cancel_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HmrReferralsPage *self = HMR_REFERRALS_PAGE (widget);

  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
}

/* ---- GObject -------------------------------------------------------- */

static void
hmr_referrals_page_constructed (GObject *object)
{
  HmrReferralsPage *self = HMR_REFERRALS_PAGE (object);
  HmrStore *store;
  const HmrActor *actor;
  gboolean supervisor;

  G_OBJECT_CLASS (hmr_referrals_page_parent_class)->constructed (object);

  store = hmr_area_page_get_store (HMR_AREA_PAGE (self));
  actor = hmr_area_page_get_actor (HMR_AREA_PAGE (self));
  g_return_if_fail (HMR_IS_STORE (store));
  g_return_if_fail (actor != NULL);

  /* A caseworker sees their own office: the district filter says nothing */
  supervisor = !hmr_permission_is_office_scoped (actor->role, HMR_ACTION_REFERRAL_READ);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->filters[HMR_REFERRALS_FILTER_DISTRICT])),
                          supervisor);
  gtk_widget_set_visible (GTK_WIDGET (self->export_button),
                          hmr_permission_allows (actor, HMR_ACTION_EXPORT_CASELOAD, NULL));
  gtk_column_view_column_set_visible (self->columns[HMR_REFERRALS_COLUMN_OPEN],
                                      hmr_permission_allows (actor, HMR_ACTION_BENEFICIARY_READ, NULL));

  fill_filters (self);
  self->model = hmr_referral_board_new (store, actor);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  apply_query (self);
}

static void
hmr_referrals_page_dispose (GObject *object)
{
  HmrReferralsPage *self = HMR_REFERRALS_PAGE (object);

  /* The export does not keep the page alive: this is where closing the
   * window stops it */
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (hmr_referrals_page_parent_class)->dispose (object);
}

static void
hmr_referrals_page_finalize (GObject *object)
{
  HmrReferralsPage *self = HMR_REFERRALS_PAGE (object);

  g_clear_object (&self->export_cancellable);
  for (guint i = 0; i < HMR_REFERRALS_N_FILTERS; i++)
    g_clear_pointer (&self->codes[i], g_ptr_array_unref);

  G_OBJECT_CLASS (hmr_referrals_page_parent_class)->finalize (object);
}

static void
hmr_referrals_page_store_changed (HmrAreaPage  *page,
                                  HmrChangeSet *changes)
{
  static const char * const shown[] = {
    "referral", "beneficiary", "case", "service_provider", "service_deadline", NULL
  };

  if (hmr_change_set_has_any_kind (changes, shown))
    hmr_referrals_page_reload (HMR_REFERRALS_PAGE (page));
}

static void
hmr_referrals_page_class_init (HmrReferralsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  HMR_AREA_PAGE_CLASS (klass)->store_changed = hmr_referrals_page_store_changed;

  object_class->constructed = hmr_referrals_page_constructed;
  object_class->dispose = hmr_referrals_page_dispose;
  object_class->finalize = hmr_referrals_page_finalize;

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/referrals/hmr-referrals-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrReferralsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralsPage, counts_box);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralsPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralsPage, export_revealer);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralsPage, export_label);
  gtk_widget_class_bind_template_child (widget_class, HmrReferralsPage, export_progress);
  for (guint i = 0; i < HMR_REFERRALS_N_FILTERS; i++)
    gtk_widget_class_bind_template_child_full (widget_class, filter_ids[i], FALSE,
                                               G_STRUCT_OFFSET (HmrReferralsPage, filters) +
                                               i * sizeof (gpointer));
  for (guint i = 0; i < HMR_REFERRALS_N_COLUMNS; i++)
    gtk_widget_class_bind_template_child_full (widget_class, column_ids[i], FALSE,
                                               G_STRUCT_OFFSET (HmrReferralsPage, columns) +
                                               i * sizeof (gpointer));
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "referrals.open-case-file", "s", open_case_file_action);
  gtk_widget_class_install_action (widget_class, "referrals.show-status", "u", show_status_action);
  gtk_widget_class_install_action (widget_class, "referrals.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "referrals.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "referrals.cancel-export", NULL, cancel_export_action);
}

static void
hmr_referrals_page_init (HmrReferralsPage *self)
{
  GtkExpression *expression;

  gtk_widget_init_template (GTK_WIDGET (self));
  setup_columns (self);
  make_count_buttons (self);
  /* The filters wrap; the drop-downs, not their places, take the focus */
  for (guint i = 0; i < HMR_REFERRALS_N_FILTERS; i++)
    gtk_widget_set_focusable (gtk_widget_get_parent (GTK_WIDGET (self->filters[i])), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "referrals.cancel-export", FALSE);

  /* Type to find a provider among many */
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->filters[HMR_REFERRALS_FILTER_PROVIDER], expression);
  gtk_expression_unref (expression);
}

HmrReferralsPage *
hmr_referrals_page_new (HmrStore       *store,
                        const HmrActor *actor)
{
  g_return_val_if_fail (HMR_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  return g_object_new (HMR_TYPE_REFERRALS_PAGE, "store", store, "actor", actor, NULL);
}

/**
 * hmr_referrals_page_allowed:
 *
 * Whether @actor works with referrals: supervisors and caseworkers.
 */
gboolean
hmr_referrals_page_allowed (const HmrActor *actor)
{
  return hmr_permission_allows (actor, HMR_ACTION_REFERRAL_READ, NULL);
}


/**
 * hmr_referrals_page_create_area:
 *
 * The window's "referrals" area; it reloads whenever the store announces
 * a change to a referral or to whom it concerns.
 */
GtkWidget *
hmr_referrals_page_create_area (HmrContext *context)
{
  return g_object_new (HMR_TYPE_REFERRALS_PAGE, "context", context, NULL);
}

/**
 * hmr_referrals_page_reload:
 *
 * Runs the board's query again, with fresh filter choices.
 */
void
hmr_referrals_page_reload (HmrReferralsPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (HMR_IS_REFERRALS_PAGE (self));

  if (!hmr_referral_board_reload (self->model, &error))
    {
      show_error (self, error->message);
      update_state (self);
    }
}

HmrReferralBoard *
hmr_referrals_page_get_model (HmrReferralsPage *self)
{
  g_return_val_if_fail (HMR_IS_REFERRALS_PAGE (self), NULL);
  return self->model;
}

GtkDropDown *
hmr_referrals_page_get_filter (HmrReferralsPage   *self,
                               HmrReferralsFilter  filter)
{
  g_return_val_if_fail (HMR_IS_REFERRALS_PAGE (self), NULL);
  g_return_val_if_fail (filter < HMR_REFERRALS_N_FILTERS, NULL);
  return self->filters[filter];
}

const char *
hmr_referrals_page_get_count_text (HmrReferralsPage *self)
{
  g_return_val_if_fail (HMR_IS_REFERRALS_PAGE (self), NULL);
  return gtk_label_get_label (self->count_label);
}

/**
 * hmr_referrals_page_get_state:
 *
 * Returns: "table", "empty" (no referrals at all) or "no-results"
 */
const char *
hmr_referrals_page_get_state (HmrReferralsPage *self)
{
  g_return_val_if_fail (HMR_IS_REFERRALS_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->list_stack);
}

GtkColumnView *
hmr_referrals_page_get_column_view (HmrReferralsPage *self)
{
  g_return_val_if_fail (HMR_IS_REFERRALS_PAGE (self), NULL);
  return self->column_view;
}
