/* hmr-providers-page.c
 *
 * The directory is small (a few hundred organisations at most): the page
 * lists it in a boxed list, searched by name, district and service as
 * typed.  Activating a row edits the provider.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "hmr-gui-util.h"
#include "hmr-labels.h"
#include "hmr-permissions.h"
#include "hmr-providers-page.h"

struct _HmrProvidersPage
{
  HmrAreaPage      parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkSearchEntry  *search_entry;
  GtkCheckButton  *archived_check;
  GtkStack        *list_stack;
  GtkLabel        *count_label;
  GtkListBox      *list_box;
};

G_DEFINE_FINAL_TYPE (HmrProvidersPage, hmr_providers_page, HMR_TYPE_AREA_PAGE)

static char *
dup_services (const HmrProvider *p)
{
  g_auto(GStrv) codes = g_strsplit (p->service_types ? p->service_types : "", ",", -1);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; codes[i]; i++)
    if (codes[i][0] != '\0')
      g_string_append_printf (out, "%s%s", out->len ? ", " : "",
                              hmr_code_get_label (HMR_CODES_SERVICE_TYPE, codes[i]));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
dup_subtitle (const HmrProvider *p)
{
  g_autofree char *services = dup_services (p);
  g_autoptr(GString) out = g_string_new (services);

  g_string_append_printf (out, "\n%s", hmr_gui_value_or_dash (hmr_district_get_label (p->district)));
  if (g_strcmp0 (p->districts_served, "*") == 0)
    /* Translators: a provider serves every district */
    g_string_append_printf (out, " · %s", _("serves all districts"));
  else if (p->districts_served != NULL)
    {
      g_auto(GStrv) served = g_strsplit (p->districts_served, ",", -1);
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; served[i]; i++)
        g_string_append_printf (list, "%s%s", i ? ", " : "", hmr_district_get_label (served[i]));
      g_string_append (out, " · ");
      /* Translators: %s is the list of the other districts a provider serves */
      g_string_append_printf (out, _("also serves %s"), list->str);
    }
  if (p->phone != NULL)
    g_string_append_printf (out, " · %s", p->phone);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
matches (const HmrProvider *p,
         const char        *needle)
{
  g_autofree char *services = NULL;
  g_autofree char *hay = NULL;
  g_autofree char *folded = NULL;

  if (needle == NULL || needle[0] == '\0')
    return TRUE;
  services = dup_services (p);
  hay = g_strjoin (" ", p->name ? p->name : "", hmr_district_get_label (p->district),
                   services, p->contact_person ? p->contact_person : "", NULL);
  folded = g_utf8_casefold (hay, -1);
  return strstr (folded, needle) != NULL;
}

static GtkWidget *
make_row (const HmrProvider *p)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = dup_subtitle (p);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), p->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  if (p->deleted_at != NULL)
    {
      GtkWidget *tag = gtk_label_new (_("Archived"));

      gtk_widget_add_css_class (tag, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Edit this provider"));
  g_object_set_data_full (G_OBJECT (row), "provider-id", g_strdup (p->id), g_free);
  return row;
}

/**
 * hmr_providers_page_reload:
 *
 * Lists the directory afresh, as the search and "Show archived" say.
 */
void
hmr_providers_page_reload (HmrProvidersPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) providers = NULL;
  g_autofree char *needle = NULL;
  g_autofree char *count = NULL;
  gboolean archived = gtk_check_button_get_active (self->archived_check);
  GtkWidget *child;
  guint n = 0;

  g_return_if_fail (HMR_IS_PROVIDERS_PAGE (self));

  needle = g_utf8_casefold (g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)))), -1);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  providers = hmr_store_list_providers (hmr_area_page_get_store (HMR_AREA_PAGE (self)),
                                        hmr_area_page_get_actor (HMR_AREA_PAGE (self)),
                                        NULL, NULL, archived, &error);
  if (providers == NULL)
    {
      hmr_gui_show_error_toast (GTK_WIDGET (self->toast_overlay), error->message);
      return;
    }
  for (guint i = 0; i < providers->len; i++)
    {
      HmrProvider *p = g_ptr_array_index (providers, i);

      if (!matches (p, needle))
        continue;
      gtk_list_box_append (self->list_box, make_row (p));
      n++;
    }

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u provider", "%u providers", n), n);
  gtk_label_set_label (self->count_label, count);
  if (n > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else if (providers->len > 0 || needle[0] != '\0')
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static void
on_filter_changed (HmrProvidersPage *self)
{
  /* The template sets the filters up before the page has its store */
  if (hmr_area_page_get_store (HMR_AREA_PAGE (self)) != NULL)
    hmr_providers_page_reload (self);
}

static void
on_editor_saved (HmrProvidersPage *self,
                 const char       *message)
{
  hmr_providers_page_reload (self);
  if (message != NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
open_editor (HmrProvidersPage *self,
             const char       *id)
{
  HmrProviderEditor *editor = hmr_provider_editor_new (hmr_area_page_get_store (HMR_AREA_PAGE (self)),
                                                       hmr_area_page_get_actor (HMR_AREA_PAGE (self)), id);

  hmr_gui_present_dialog (GTK_WINDOW (editor), NULL, GTK_WIDGET (self),
                          "saved", G_CALLBACK (on_editor_saved), self);
}

static void
on_row_activated (HmrProvidersPage *self,
                  GtkListBoxRow    *row)
{
  open_editor (self, g_object_get_data (G_OBJECT (row), "provider-id"));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (HMR_PROVIDERS_PAGE (widget), NULL);
}

/* ---- GObject -------------------------------------------------------- */

static void
hmr_providers_page_constructed (GObject *object)
{
  HmrProvidersPage *self = HMR_PROVIDERS_PAGE (object);

  G_OBJECT_CLASS (hmr_providers_page_parent_class)->constructed (object);
  hmr_providers_page_reload (self);
}

static void
hmr_providers_page_class_init (HmrProvidersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hmr_providers_page_constructed;

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/referrals/hmr-providers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrProvidersPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HmrProvidersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HmrProvidersPage, archived_check);
  gtk_widget_class_bind_template_child (widget_class, HmrProvidersPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, HmrProvidersPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, HmrProvidersPage, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "providers.add", NULL, add_action);
}

static void
hmr_providers_page_init (HmrProvidersPage *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_n, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("providers.add")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

HmrProvidersPage *
hmr_providers_page_new (HmrStore       *store,
                        const HmrActor *actor)
{
  g_return_val_if_fail (HMR_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  return g_object_new (HMR_TYPE_PROVIDERS_PAGE, "store", store, "actor", actor, NULL);
}

/**
 * hmr_providers_page_allowed:
 *
 * Whether @actor keeps the directory: the administrator.
 */
gboolean
hmr_providers_page_allowed (const HmrActor *actor)
{
  return hmr_permission_allows (actor, HMR_ACTION_PROVIDERS_MANAGE, NULL);
}

GtkWidget *
hmr_providers_page_create_area (HmrContext *context)
{
  return g_object_new (HMR_TYPE_PROVIDERS_PAGE, "context", context, NULL);
}
