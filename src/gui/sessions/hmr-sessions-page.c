/* hmr-sessions-page.c
 *
 * The sessions a district holds are a few hundred a year: the page lists
 * the ones its filters match in a boxed list, newest first, with the
 * counts of people above it.  Activating a row opens the session and its
 * attendance.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-gui-util.h"
#include "hmr-labels.h"
#include "hmr-permissions.h"
#include "hmr-session-dialog.h"
#include "hmr-session.h"
#include "hmr-sessions-page.h"

#define N_MONTHS 24

struct _HmrSessionsPage
{
  HmrAreaPage      parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkDropDown     *district_drop;
  GtkDropDown     *month_drop;
  GtkDropDown     *module_drop;
  GtkLabel        *counts_label;
  GtkStack        *list_stack;
  GtkListBox      *list_box;

  GPtrArray       *districts;     /* codes, [0] NULL: every district */
  GPtrArray       *months;        /* "2026-11", [0] NULL */
  GPtrArray       *modules;       /* [0] NULL */
  gboolean         updating;
};

G_DEFINE_FINAL_TYPE (HmrSessionsPage, hmr_sessions_page, HMR_TYPE_AREA_PAGE)

static HmrStore *
get_store (HmrSessionsPage *self)
{
  return hmr_area_page_get_store (HMR_AREA_PAGE (self));
}

static const HmrActor *
get_actor (HmrSessionsPage *self)
{
  return hmr_area_page_get_actor (HMR_AREA_PAGE (self));
}

static const char *
selected (GtkDropDown *drop,
          GPtrArray   *codes)
{
  guint i = gtk_drop_down_get_selected (drop);

  return codes != NULL && i < codes->len ? g_ptr_array_index (codes, i) : NULL;
}

static void
fill_drop (GtkDropDown *drop,
           GPtrArray   *codes,
           GPtrArray   *labels,
           const char  *keep)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint pick = 0;

  for (guint i = 0; i < labels->len; i++)
    {
      gtk_string_list_append (list, g_ptr_array_index (labels, i));
      if (keep != NULL && g_strcmp0 (g_ptr_array_index (codes, i), keep) == 0)
        pick = i;
    }
  gtk_drop_down_set_model (drop, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (drop, pick);
}

static void
fill_filters (HmrSessionsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) districts = hmr_store_list_districts (get_store (self), &error);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  GDate today, month;

  self->districts = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->districts, NULL);
  g_ptr_array_add (labels, g_strdup (_("Every district")));
  for (guint i = 0; districts && i < districts->len; i++)
    {
      g_ptr_array_add (self->districts, g_strdup (g_ptr_array_index (districts, i)));
      g_ptr_array_add (labels, g_strdup (hmr_district_get_label (g_ptr_array_index (districts, i))));
    }
  fill_drop (self->district_drop, self->districts, labels, NULL);

  g_ptr_array_set_size (labels, 0);
  self->months = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->months, NULL);
  g_ptr_array_add (labels, g_strdup (_("Every month")));
  hmr_store_get_today (get_store (self), &today);
  g_date_clear (&month, 1);
  g_date_set_dmy (&month, 1, g_date_get_month (&today), g_date_get_year (&today));
  for (guint i = 0; i < N_MONTHS; i++)
    {
      g_ptr_array_add (self->months, g_strdup_printf ("%04d-%02d", g_date_get_year (&month),
                                                      g_date_get_month (&month)));
      g_ptr_array_add (labels, hmr_format_month (&month));
      g_date_subtract_months (&month, 1);
    }
  fill_drop (self->month_drop, self->months, labels, NULL);
}

static void
fill_modules (HmrSessionsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) modules = hmr_store_list_session_modules (get_store (self), get_actor (self), &error);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *keep = g_strdup (selected (self->module_drop, self->modules));

  g_clear_pointer (&self->modules, g_ptr_array_unref);
  self->modules = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->modules, NULL);
  g_ptr_array_add (labels, g_strdup (_("Every module")));
  for (guint i = 0; modules && modules[i]; i++)
    {
      g_ptr_array_add (self->modules, g_strdup (modules[i]));
      g_ptr_array_add (labels, g_strdup (modules[i]));
    }
  fill_drop (self->module_drop, self->modules, labels, keep);
}

static char *
dup_counts (const HmrSessionCounts *c)
{
  GString *out = g_string_new (NULL);
  gboolean first = TRUE;

  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u session", "%u sessions", c->n_sessions),
                          c->n_sessions);
  g_string_append (out, " · ");
  /* Translators: people who attended, then how many women and men */
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u person: %u women, %u men",
                                            "%u people: %u women, %u men", c->n_people),
                          c->n_people, c->n_female, c->n_male);
  for (guint g = 0; g < HMR_N_AGE_GROUPS; g++)
    if (c->by_age[g] > 0)
      {
        g_string_append_printf (out, "%s%s: %u", first ? " · " : ", ", hmr_age_group_get_label (g), c->by_age[g]);
        first = FALSE;
      }
  return g_string_free (out, FALSE);
}

static GtkWidget *
make_row (const HmrSession *s)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  g_autofree char *date = hmr_gui_format_date (s->held_on);
  g_autofree char *title = g_strdup_printf ("%s — %s", date, s->module);
  g_autoptr(GString) sub = g_string_new (hmr_district_get_label (s->district));

  if (s->jamoat)
    g_string_append_printf (sub, ", %s", s->jamoat);
  if (s->venue)
    g_string_append_printf (sub, ", %s", s->venue);
  if (s->facilitator_name)
    g_string_append_printf (sub, " · %s", s->facilitator_name);
  g_string_append (sub, "\n");
  /* Translators: attendance of a session: people out of its capacity, women, men */
  g_string_append_printf (sub, _("%u of %d people: %u women, %u men"), s->n_attended, s->capacity,
                          s->n_female, s->n_male);
  if (s->n_walk_ins > 0)
    {
      g_string_append (sub, " · ");
      g_string_append_printf (sub, g_dngettext (GETTEXT_PACKAGE, "%u walk-in to register",
                                                "%u walk-ins to register", s->n_walk_ins),
                              s->n_walk_ins);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  hmr_gui_set_accessible_label (arrow, _("Open"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Open the session and its attendance"));
  g_object_set_data_full (G_OBJECT (row), "session-id", g_strdup (s->id), g_free);
  return row;
}

/**
 * hmr_sessions_page_reload:
 *
 * Lists the sessions the filters match afresh, with their counts.
 */
void
hmr_sessions_page_reload (HmrSessionsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autofree char *counts_text = NULL;
  HmrSessionQuery q = { 0 };
  HmrSessionCounts counts;
  GtkWidget *child;

  g_return_if_fail (HMR_IS_SESSIONS_PAGE (self));

  self->updating = TRUE;
  fill_modules (self);
  self->updating = FALSE;
  q.district = selected (self->district_drop, self->districts);
  q.month = selected (self->month_drop, self->months);
  q.module = selected (self->module_drop, self->modules);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  sessions = hmr_store_list_sessions (get_store (self), get_actor (self), &q, &error);
  if (sessions == NULL || !hmr_store_count_sessions (get_store (self), get_actor (self), &q, &counts, &error))
    {
      hmr_gui_show_error_toast (GTK_WIDGET (self->toast_overlay), error->message);
      return;
    }
  for (guint i = 0; i < sessions->len; i++)
    gtk_list_box_append (self->list_box, make_row (g_ptr_array_index (sessions, i)));
  counts_text = dup_counts (&counts);
  gtk_label_set_label (self->counts_label, counts_text);
  gtk_stack_set_visible_child_name (self->list_stack, sessions->len > 0 ? "list" : "empty");
}

/**
 * hmr_sessions_page_get_counts:
 *
 * Returns: the line of counts shown above the list
 */
const char *
hmr_sessions_page_get_counts (HmrSessionsPage *self)
{
  return gtk_label_get_label (self->counts_label);
}

static void
select_code (GtkDropDown *drop,
             GPtrArray   *codes,
             const char  *code)
{
  for (guint i = 0; i < codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (codes, i), code) == 0)
      {
        gtk_drop_down_set_selected (drop, i);
        return;
      }
}

/**
 * hmr_sessions_page_set_filter:
 *
 * Chooses the filters as a user would in the drop-downs (%NULL: every).
 */
void
hmr_sessions_page_set_filter (HmrSessionsPage *self,
                              const char      *district,
                              const char      *month,
                              const char      *module)
{
  self->updating = TRUE;
  select_code (self->district_drop, self->districts, district);
  select_code (self->month_drop, self->months, month);
  select_code (self->module_drop, self->modules, module);
  self->updating = FALSE;
  hmr_sessions_page_reload (self);
}

static void
on_filter_changed (HmrSessionsPage *self)
{
  if (!self->updating && get_store (self) != NULL && self->modules != NULL)
    hmr_sessions_page_reload (self);
}

/* Sessions, attendance, and people registered from a walk-in: the page
 * reads them afresh whoever wrote them */
static void
hmr_sessions_page_store_changed (HmrAreaPage  *page,
                                 HmrChangeSet *changes)
{
  HmrSessionsPage *self = HMR_SESSIONS_PAGE (page);
  static const char * const kinds[] = { "group_session", "attendance", NULL };

  if (hmr_change_set_is_bulk (changes) || hmr_change_set_has_any_kind (changes, kinds))
    hmr_sessions_page_reload (self);
}

static void
open_dialog (HmrSessionsPage *self,
             const char      *session_id)
{
  g_autoptr(GError) error = NULL;
  HmrSessionDialog *dialog = hmr_session_dialog_new (get_store (self), get_actor (self), session_id, &error);

  hmr_gui_present_dialog (GTK_WINDOW (dialog), error, GTK_WIDGET (self), NULL, NULL, NULL);
}

static void
on_row_activated (HmrSessionsPage *self,
                  GtkListBoxRow   *row)
{
  open_dialog (self, g_object_get_data (G_OBJECT (row), "session-id"));
}

static void
plan_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  open_dialog (HMR_SESSIONS_PAGE (widget), NULL);
}

/* ---- GObject -------------------------------------------------------- */

static void
hmr_sessions_page_constructed (GObject *object)
{
  HmrSessionsPage *self = HMR_SESSIONS_PAGE (object);

  G_OBJECT_CLASS (hmr_sessions_page_parent_class)->constructed (object);
  self->updating = TRUE;
  fill_filters (self);
  self->updating = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sessions.plan",
                                 hmr_permission_allows (get_actor (self), HMR_ACTION_SESSION_WRITE, NULL));
  hmr_sessions_page_reload (self);
}

static void
hmr_sessions_page_finalize (GObject *object)
{
  HmrSessionsPage *self = HMR_SESSIONS_PAGE (object);

  g_clear_pointer (&self->districts, g_ptr_array_unref);
  g_clear_pointer (&self->months, g_ptr_array_unref);
  g_clear_pointer (&self->modules, g_ptr_array_unref);
  G_OBJECT_CLASS (hmr_sessions_page_parent_class)->finalize (object);
}

static void
hmr_sessions_page_class_init (HmrSessionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hmr_sessions_page_constructed;
  object_class->finalize = hmr_sessions_page_finalize;
  HMR_AREA_PAGE_CLASS (klass)->store_changed = hmr_sessions_page_store_changed;

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/sessions/hmr-sessions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrSessionsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HmrSessionsPage, district_drop);
  gtk_widget_class_bind_template_child (widget_class, HmrSessionsPage, month_drop);
  gtk_widget_class_bind_template_child (widget_class, HmrSessionsPage, module_drop);
  gtk_widget_class_bind_template_child (widget_class, HmrSessionsPage, counts_label);
  gtk_widget_class_bind_template_child (widget_class, HmrSessionsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, HmrSessionsPage, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "sessions.plan", NULL, plan_action);
}

static void
hmr_sessions_page_init (HmrSessionsPage *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("sessions.plan")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

HmrSessionsPage *
hmr_sessions_page_new (HmrStore       *store,
                       const HmrActor *actor)
{
  g_return_val_if_fail (HMR_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  return g_object_new (HMR_TYPE_SESSIONS_PAGE, "store", store, "actor", actor, NULL);
}

/**
 * hmr_sessions_page_allowed:
 *
 * Whether @actor works with group sessions: caseworkers and supervisors.
 */
gboolean
hmr_sessions_page_allowed (const HmrActor *actor)
{
  return hmr_permission_allows (actor, HMR_ACTION_SESSION_READ, NULL);
}

GtkWidget *
hmr_sessions_page_create_area (HmrContext *context)
{
  return g_object_new (HMR_TYPE_SESSIONS_PAGE, "context", context, NULL);
}
