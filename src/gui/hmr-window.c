/* hmr-window.c
 *
 * A sidebar of the areas the user's role may work in, beside the area
 * itself.  Only areas that work appear; a user for whom none does sees a
 * status page instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-beneficiaries-page.h"
#include "hmr-gui-util.h"
#include "hmr-permissions.h"
#include "hmr-window.h"
#include "hmr-window-actions.h"
#include "hmr-finance-page.h"
#include "hmr-grants-page.h"
#include "hmr-lock.h"
#include "hmr-users-page.h"
#include "hmr-audit-page.h"
#include "hmr-referrals-page.h"
#include "hmr-providers-page.h"
#include "hmr-today-page.h"
#include "hmr-sessions-page.h"
#include "hmr-surveys-page.h"
#include "hmr-sync-page.h"
#include "hmr-reports-page.h"

struct _HmrWindow
{
  AdwApplicationWindow  parent_instance;

  HmrStore             *store;
  HmrActor             *actor;
  HmrContext           *context;       /* handed down to every area */
  GSettings            *settings;
  HmrBeneficiariesPage *beneficiaries_page;
  GHashTable           *area_titles;   /* area name → translated title */
  const char           *first_area;    /* shown when the window is mapped */
  gboolean              size_saved;

  /* Template widgets */
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_box;
  GtkListBox           *sidebar_list;
  GtkWidget            *sidebar_separator;
  GtkWidget            *content_box;
  GtkButton            *back_button;
  AdwWindowTitle       *window_title;
  GtkStack             *content_stack;
  GMenu                *primary_menu;
};

G_DEFINE_FINAL_TYPE (HmrWindow, hmr_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ACTOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- the areas ------------------------------------------------------ *
 *
 * One row per area, in sidebar order.  An area appears only for a user whose
 * role may work in it (`allowed`), and its page is made the first time it
 * is shown.  To add an area: write its page, add a row here.
 */

typedef struct
{
  const char *name;                        /* stack child name */
  const char *title;                       /* N_() */
  const char *icon_name;
  gboolean  (*allowed) (const HmrActor *actor);
  GtkWidget *(*create) (HmrContext *context);  /* NULL: the window's own */
  guint     (*count) (HmrContext *context);   /* what waits there: a badge */
} HmrWindowArea;

static gboolean
beneficiaries_allowed (const HmrActor *actor)
{
  return hmr_permission_allows (actor, HMR_ACTION_BENEFICIARY_READ_IDENTITY, NULL);
}


static const HmrWindowArea areas[] = {
  /* finance lands on its own workspace */
  { "finance", N_("Finance"), "accessories-calculator-symbolic",
    hmr_finance_area_allowed, hmr_finance_area_create },
  { "today", N_("Today"), "x-office-calendar-symbolic",
    hmr_today_page_allowed, hmr_today_page_create_area },
  { "beneficiaries", N_("Beneficiaries"), "system-users-symbolic",
    beneficiaries_allowed, NULL },
  { "grants", N_("Grants"), "emblem-documents-symbolic",
    hmr_grants_area_allowed, hmr_grants_area_create },
  { "referrals", N_("Referrals"), "mail-send-symbolic",
    hmr_referrals_page_allowed, hmr_referrals_page_create_area },
  { "sessions", N_("Group Sessions"), "system-users-symbolic",
    hmr_sessions_page_allowed, hmr_sessions_page_create_area },
  { "surveys", N_("Surveys"), "call-start-symbolic",
    hmr_surveys_page_allowed, hmr_surveys_page_create_area },
  { "reports", N_("Reports"), "x-office-spreadsheet-symbolic",
    hmr_reports_page_allowed, hmr_reports_page_create_area },
  { "providers", N_("Service Providers"), "system-users-symbolic",
    hmr_providers_page_allowed, hmr_providers_page_create_area },
  { "users", N_("Users"), "avatar-default-symbolic",
    hmr_users_page_allowed, hmr_users_page_create_area },
  { "audit", N_("Audit Trail"), "document-open-recent-symbolic",
    hmr_audit_page_allowed, hmr_audit_page_create_area },
  { "sync", N_("Sync"), "emblem-synchronizing-symbolic",
    hmr_sync_page_allowed, hmr_sync_page_create_area, hmr_sync_page_count_conflicts },
};

/* ---- navigation ----------------------------------------------------- */

static gboolean
page_shows_detail (HmrWindow *self)
{
  return self->beneficiaries_page != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "beneficiaries") == 0 &&
         hmr_beneficiaries_page_get_showing_detail (self->beneficiaries_page);
}

static void
update_back_button (HmrWindow *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet) &&
                    gtk_widget_get_visible (self->sidebar_box);
  gboolean can_go_back = folded || page_shows_detail (self);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), can_go_back);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", can_go_back);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HmrWindow *self = HMR_WINDOW (widget);

  if (page_shows_detail (self))
    hmr_beneficiaries_page_show_list (self->beneficiaries_page);
  else if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* Areas are built the first time they are shown: a window opens on one
 * area without querying the others (at a million beneficiaries, building
 * them all made the first frame wait for every page's data). */
static GtkWidget *create_beneficiaries_area (HmrWindow *self);

static gboolean
ensure_area (HmrWindow  *self,
             const char *name)
{
  GtkWidget *page;

  if (gtk_stack_get_child_by_name (self->content_stack, name) != NULL)
    return TRUE;
  if (!g_hash_table_contains (self->area_titles, name))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      if (g_strcmp0 (areas[i].name, name) != 0)
        continue;
      page = areas[i].create != NULL ? areas[i].create (self->context)
                                     : create_beneficiaries_area (self);
      if (page == NULL)
        return FALSE;
      gtk_stack_add_named (self->content_stack, page, name);
      return TRUE;
    }
  return FALSE;
}

static void
show_area (HmrWindow  *self,
           const char *name)
{
  const char *title;

  self->first_area = NULL;
  if (g_strcmp0 (name, "nothing") != 0 && !ensure_area (self, name))
    name = "nothing";
  title = g_hash_table_lookup (self->area_titles, name);
  gtk_stack_set_visible_child_name (self->content_stack, name);
  adw_window_title_set_title (self->window_title, title != NULL ? title : _("Hamroh"));
  adw_leaflet_set_visible_child (self->leaflet, self->content_box);
  update_back_button (self);
}

static void
on_sidebar_row_activated (HmrWindow     *self,
                          GtkListBoxRow *row)
{
  show_area (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
log_out_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (widget));

  if (HMR_IS_APPLICATION (app))
    hmr_application_log_out (HMR_APPLICATION (app));
  else
    gtk_window_destroy (GTK_WINDOW (widget));
}

/* ---- the idle lock -------------------------------------------------- */

static void
lock_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HmrLock *lock = hmr_lock_get_for_window (GTK_WINDOW (widget));

  if (lock != NULL)
    hmr_lock_lock (lock);
}

static void
on_lock_changed (HmrWindow *self)
{
  HmrLock *lock = hmr_lock_get_for_window (GTK_WINDOW (self));

  /* Nothing moves behind the lock screen */
  if (lock != NULL && hmr_lock_get_locked (lock))
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back", FALSE);
  else
    update_back_button (self);
}

static void
attach_lock (HmrWindow *self)
{
  HmrLock *lock = hmr_lock_attach (ADW_APPLICATION_WINDOW (self), self->store,
                                   self->actor, self->settings);
  guint n = g_menu_model_get_n_items (G_MENU_MODEL (self->primary_menu));
  g_autoptr(GMenuModel) section = NULL;

  g_signal_connect_object (lock, "notify::locked", G_CALLBACK (on_lock_changed),
                           self, G_CONNECT_SWAPPED);

  /* "Lock" beside "Log Out", in the main menu's last section */
  if (n > 0)
    section = g_menu_model_get_item_link (G_MENU_MODEL (self->primary_menu), n - 1, G_MENU_LINK_SECTION);
  if (G_IS_MENU (section))
    g_menu_prepend (G_MENU (section), _("_Lock"), "win.lock");
}

/* "Import People…" in the main menu's first section, for the roles that
 * may import (caseworkers into their office, supervisors) */
static void
add_import_item (HmrWindow *self)
{
  g_autoptr(GMenuModel) section = NULL;
  gboolean allowed = hmr_permission_allows (self->actor, HMR_ACTION_IMPORT, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", allowed);
  if (!allowed || g_menu_model_get_n_items (G_MENU_MODEL (self->primary_menu)) == 0)
    return;
  section = g_menu_model_get_item_link (G_MENU_MODEL (self->primary_menu), 0, G_MENU_LINK_SECTION);
  if (G_IS_MENU (section))
    g_menu_prepend (G_MENU (section), _("_Import People…"), "win.import");
}

/* ---- size ------------------------------------------------------------ */

static void
restore_size (HmrWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_size (HmrWindow *self)
{
  int width, height;

  if (self->size_saved || self->settings == NULL)
    return;
  self->size_saved = TRUE;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
hmr_window_close_request (GtkWindow *window)
{
  save_size (HMR_WINDOW (window));
  return GTK_WINDOW_CLASS (hmr_window_parent_class)->close_request (window);
}

/* ---- building the areas --------------------------------------------- */

static GtkWidget *
make_sidebar_row (const HmrWindowArea *area)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *image = g_object_new (GTK_TYPE_IMAGE,
                                   "icon-name", area->icon_name,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);
  GtkWidget *label = gtk_label_new (_(area->title));

  gtk_widget_set_name (row, area->name);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  if (area->count != NULL)
    {
      GtkWidget *badge = gtk_label_new (NULL);

      gtk_widget_set_hexpand (badge, TRUE);
      gtk_widget_set_halign (badge, GTK_ALIGN_END);
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (badge, "area-badge");
      gtk_widget_set_visible (badge, FALSE);
      gtk_box_append (GTK_BOX (box), badge);
      g_object_set_data (G_OBJECT (row), "hmr-area-badge", badge);
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

/* The badges say how much waits in an area (conflicts to review) */
static void
update_badges (HmrWindow *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkLabel *badge = g_object_get_data (G_OBJECT (row), "hmr-area-badge");

      if (badge == NULL)
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
        {
          g_autofree char *text = NULL;
          g_autofree char *tip = NULL;
          guint n;

          if (g_strcmp0 (areas[i].name, gtk_widget_get_name (row)) != 0 || areas[i].count == NULL)
            continue;
          n = areas[i].count (self->context);
          text = g_strdup_printf ("%u", n);
          /* Translators: the tooltip of an area's badge: "3 waiting" */
          tip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u waiting", "%u waiting", n), n);
          gtk_label_set_label (badge, text);
          gtk_widget_set_tooltip_text (GTK_WIDGET (badge), tip);
          gtk_widget_set_visible (GTK_WIDGET (badge), n > 0);
        }
    }
}

static GtkWidget *
create_beneficiaries_area (HmrWindow *self)
{
  self->beneficiaries_page = g_object_new (HMR_TYPE_BENEFICIARIES_PAGE, "context", self->context, NULL);
  g_signal_connect_object (self->beneficiaries_page, "notify::showing-detail",
                           G_CALLBACK (update_back_button), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self->beneficiaries_page);
}

/* ---- GObject -------------------------------------------------------- */

static void
hmr_window_constructed (GObject *object)
{
  HmrWindow *self = HMR_WINDOW (object);
  GtkApplication *app;
  GtkWidget *first;
  g_autofree char *who = NULL;

  G_OBJECT_CLASS (hmr_window_parent_class)->constructed (object);

  g_return_if_fail (HMR_IS_STORE (self->store));
  g_return_if_fail (self->actor != NULL);
  self->context = hmr_context_new (self->store, self->actor);

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (HMR_IS_APPLICATION (app))
    self->settings = g_object_ref (hmr_application_get_settings (HMR_APPLICATION (app)));
  else
    self->settings = g_settings_new (APP_ID);
  restore_size (self);
  attach_lock (self);
  add_import_item (self);

  /* Translators: the window's subtitle: the user's full name and role */
  who = g_strdup_printf (C_("window subtitle", "%s · %s"),
                         self->actor->full_name, hmr_role_get_label (self->actor->role));
  adw_window_title_set_subtitle (self->window_title, who);

  first = NULL;
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      GtkWidget *row;

      if (!areas[i].allowed (self->actor))
        continue;
      g_hash_table_insert (self->area_titles, (gpointer) areas[i].name,
                           (gpointer) _(areas[i].title));
      row = make_sidebar_row (&areas[i]);
      gtk_list_box_append (self->sidebar_list, row);
      if (first == NULL)
        first = row;
    }

  update_badges (self);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (update_badges), self, G_CONNECT_SWAPPED);

  /* Sending and receiving automatically lives in the Sync area: built now */
  if (g_settings_get_boolean (self->settings, "sync-automatic") &&
      g_hash_table_contains (self->area_titles, "sync"))
    ensure_area (self, "sync");

  if (first != NULL)
    {
      /* Built when the window is mapped, unless another area is asked
       * for first: a window opened on the Beneficiaries list (from a
       * notification, or by the benchmarks) does not build Today first */
      gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (first));
      self->first_area = gtk_widget_get_name (first);
    }
  else
    {
      /* No area works for this role: no sidebar to choose from */
      gtk_widget_set_visible (self->sidebar_box, FALSE);
      gtk_widget_set_visible (self->sidebar_separator, FALSE);
      show_area (self, "nothing");
    }
}

static void
hmr_window_map (GtkWidget *widget)
{
  HmrWindow *self = HMR_WINDOW (widget);

  if (self->first_area != NULL)
    show_area (self, self->first_area);
  GTK_WIDGET_CLASS (hmr_window_parent_class)->map (widget);
}

static void
hmr_window_dispose (GObject *object)
{
  HmrWindow *self = HMR_WINDOW (object);

  save_size (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HMR_TYPE_WINDOW);
  self->beneficiaries_page = NULL;
  g_clear_object (&self->settings);
  g_clear_pointer (&self->area_titles, g_hash_table_unref);

  G_OBJECT_CLASS (hmr_window_parent_class)->dispose (object);
}

static void
hmr_window_finalize (GObject *object)
{
  HmrWindow *self = HMR_WINDOW (object);

  g_clear_object (&self->context);
  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, hmr_actor_free);

  G_OBJECT_CLASS (hmr_window_parent_class)->finalize (object);
}

static void
hmr_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HmrWindow *self = HMR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ACTOR:
      g_value_set_boxed (value, self->actor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hmr_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  HmrWindow *self = HMR_WINDOW (object);

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
hmr_window_class_init (HmrWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = hmr_window_constructed;
  object_class->dispose = hmr_window_dispose;
  object_class->finalize = hmr_window_finalize;
  object_class->get_property = hmr_window_get_property;
  object_class->set_property = hmr_window_set_property;

  widget_class->map = hmr_window_map;
  window_class->close_request = hmr_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         HMR_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR] =
    g_param_spec_boxed ("actor", NULL, NULL,
                        HMR_TYPE_ACTOR,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HMR_TYPE_BENEFICIARIES_PAGE);

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/hmr-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HmrWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, HmrWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, HmrWindow, sidebar_separator);
  gtk_widget_class_bind_template_child (widget_class, HmrWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, HmrWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, HmrWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, HmrWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, HmrWindow, primary_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);

  gtk_widget_class_install_action (widget_class, "win.log-out", NULL, log_out_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.lock", NULL, lock_action);
  hmr_window_install_actions (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
}

static void
hmr_window_init (HmrWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->area_titles = g_hash_table_new (g_str_hash, g_str_equal);

  g_signal_connect_object (self->leaflet, "notify::folded",
                           G_CALLBACK (update_back_button), self, G_CONNECT_SWAPPED);
}

/**
 * hmr_window_new:
 * @app: (nullable): the application, or %NULL in tests
 *
 * Returns: (transfer none): the main window for @actor, working on @store
 */
HmrWindow *
hmr_window_new (HmrApplication *app,
                HmrStore       *store,
                const HmrActor *actor)
{
  g_return_val_if_fail (app == NULL || HMR_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (HMR_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  return g_object_new (HMR_TYPE_WINDOW,
                       "application", app,
                       "store", store,
                       "actor", actor,
                       NULL);
}

HmrStore *
hmr_window_get_store (HmrWindow *self)
{
  g_return_val_if_fail (HMR_IS_WINDOW (self), NULL);
  return self->store;
}

/**
 * hmr_window_get_context:
 *
 * Returns: (transfer none): the store, the user and the connections for
 *   threads, as every area and dialog of the window gets them
 */
HmrContext *
hmr_window_get_context (HmrWindow *self)
{
  g_return_val_if_fail (HMR_IS_WINDOW (self), NULL);
  return self->context;
}

const HmrActor *
hmr_window_get_actor (HmrWindow *self)
{
  g_return_val_if_fail (HMR_IS_WINDOW (self), NULL);
  return self->actor;
}

/**
 * hmr_window_get_beneficiaries_page:
 *
 * Returns: (transfer none) (nullable): the beneficiaries area, or %NULL
 *   when the user's role may not see beneficiaries
 */
HmrBeneficiariesPage *
hmr_window_get_beneficiaries_page (HmrWindow *self)
{
  g_return_val_if_fail (HMR_IS_WINDOW (self), NULL);
  ensure_area (self, "beneficiaries");
  return self->beneficiaries_page;
}

/**
 * hmr_window_show_area:
 * @name: an area's name ("beneficiaries", …)
 *
 * Shows the area and selects its row in the sidebar.
 *
 * Returns: %FALSE when the user has no such area
 */
gboolean
hmr_window_show_area (HmrWindow  *self,
                      const char *name)
{
  GtkWidget *row;

  g_return_val_if_fail (HMR_IS_WINDOW (self), FALSE);

  if (!g_hash_table_contains (self->area_titles, name))
    return FALSE;
  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
  show_area (self, name);
  return TRUE;
}

/**
 * hmr_window_open_case_file:
 * @id: a beneficiary's id
 *
 * Shows the case file of the beneficiary in the Beneficiaries area, from
 * whichever area asked (the referral board, Today, the finance workspace).
 *
 * Returns: %FALSE when the user may not see beneficiaries or @id is unknown
 */
gboolean
hmr_window_open_case_file (HmrWindow  *self,
                           const char *id)
{
  g_return_val_if_fail (HMR_IS_WINDOW (self), FALSE);

  if (!ensure_area (self, "beneficiaries") || self->beneficiaries_page == NULL)
    return FALSE;
  if (!hmr_beneficiaries_page_show_beneficiary (self->beneficiaries_page, id))
    return FALSE;
  hmr_window_show_area (self, "beneficiaries");
  return TRUE;
}
