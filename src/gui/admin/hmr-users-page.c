/* hmr-users-page.c
 *
 * A handful of accounts, so a boxed list of rows rebuilt on each change.
 * A row opens the account's dialog; its button deactivates or reactivates
 * the account at once, with Undo in a toast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-gui-util.h"
#include "hmr-people.h"
#include "hmr-permissions.h"
#include "hmr-user-dialog.h"
#include "hmr-locale.h"
#include "hmr-users-page.h"

struct _HmrUsersPage
{
  HmrAreaPage          parent_instance;

  GPtrArray           *users;      /* HmrUserInfo, as listed */
  GHashTable          *rows;       /* username → AdwActionRow */

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwPreferencesGroup *users_group;
};

G_DEFINE_FINAL_TYPE (HmrUsersPage, hmr_users_page, HMR_TYPE_AREA_PAGE)

static const HmrUserInfo *
find_user (HmrUsersPage *self,
           const char   *user_id)
{
  for (guint i = 0; self->users != NULL && i < self->users->len; i++)
    {
      const HmrUserInfo *u = g_ptr_array_index (self->users, i);
      if (g_strcmp0 (u->id, user_id) == 0)
        return u;
    }
  return NULL;
}

static char *
describe (HmrUsersPage      *self,
          const HmrUserInfo *u)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *locked_until = NULL;

  /* Translators: a user's line in the Users area: user name · role · office */
  g_string_append_printf (out, C_("user row", "%s · %s · %s"),
                          u->username, hmr_role_get_label (u->role),
                          u->office_district ? hmr_district_get_label (u->office_district)
                                             : C_("office", "Every office"));

  if (!u->active)
    g_string_append_printf (out, "\n%s", _("Deactivated: cannot log in"));
  if (u->locked)
    locked_until = hmr_store_dup_user_locked_until (hmr_area_page_get_store (HMR_AREA_PAGE (self)),
                                                    hmr_area_page_get_actor (HMR_AREA_PAGE (self)), u->id);
  if (locked_until != NULL)
    {
      g_autofree char *when = hmr_gui_format_timestamp (locked_until);
      g_string_append_c (out, '\n');
      /* Translators: %s is a date and time */
      g_string_append_printf (out, _("Locked after wrong passwords until %s"), when);
    }
  if (u->must_change_password)
    g_string_append_printf (out, "\n%s", _("Must choose a new password at the next login"));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
on_row_activated (AdwActionRow *row,
                  HmrUsersPage *self)
{
  const char *user_id = g_object_get_data (G_OBJECT (row), "hmr-user-id");

  gtk_widget_activate_action (GTK_WIDGET (self), "users.edit", "s", user_id);
}

static GtkWidget *
make_row (HmrUsersPage      *self,
          const HmrUserInfo *u)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = describe (self, u);
  GtkWidget *button;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* Tajik and Russian screens name staff in Cyrillic where the account
   * has that spelling */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 u->full_name_cyrillic != NULL && hmr_locale_writes_cyrillic ()
                                 ? u->full_name_cyrillic : u->full_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "hmr-user-id", g_strdup (u->id), g_free);
  g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated), self, 0);
  if (!u->active)
    gtk_widget_add_css_class (row, "dim-label");

  /* Nobody deactivates their own account: the store refuses it too */
  if (g_strcmp0 (u->id, hmr_area_page_get_actor (HMR_AREA_PAGE (self))->user_id) != 0)
    {
      button = gtk_button_new_with_mnemonic (u->active ? _("_Deactivate") : _("_Reactivate"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, u->active ? _("Stop this account from logging in")
                                                     : _("Let this account log in again"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button),
                                      u->active ? "users.deactivate" : "users.reactivate");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", u->id);
      if (u->active)
        gtk_widget_add_css_class (button, "flat");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             g_object_new (GTK_TYPE_IMAGE,
                                           "icon-name", "go-next-symbolic",
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                           NULL));
  return row;
}

/**
 * hmr_users_page_reload:
 *
 * Lists the accounts again, from the database.
 */
void
hmr_users_page_reload (HmrUsersPage *self)
{
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer row;

  g_return_if_fail (HMR_IS_USERS_PAGE (self));

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    adw_preferences_group_remove (self->users_group, row);
  g_hash_table_remove_all (self->rows);
  g_clear_pointer (&self->users, g_ptr_array_unref);

  self->users = hmr_store_list_users (hmr_area_page_get_store (HMR_AREA_PAGE (self)),
                                      hmr_area_page_get_actor (HMR_AREA_PAGE (self)), &error);
  if (self->users == NULL)
    {
      hmr_gui_show_error_toast (GTK_WIDGET (self->users_group), error->message);
      return;
    }
  for (guint i = 0; i < self->users->len; i++)
    {
      const HmrUserInfo *u = g_ptr_array_index (self->users, i);
      GtkWidget *r = make_row (self, u);

      adw_preferences_group_add (self->users_group, r);
      g_hash_table_insert (self->rows, g_strdup (u->username), r);
    }
}

/* ---- actions ------------------------------------------------------------ */

static void
open_dialog (HmrUsersPage      *self,
             const HmrUserInfo *user)
{
  HmrUserDialog *dialog = hmr_user_dialog_new (hmr_area_page_get_store (HMR_AREA_PAGE (self)),
                                               hmr_area_page_get_actor (HMR_AREA_PAGE (self)), user);

  hmr_gui_present_dialog (GTK_WINDOW (dialog), NULL, GTK_WIDGET (self), NULL, NULL, NULL);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_dialog (HMR_USERS_PAGE (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HmrUsersPage *self = HMR_USERS_PAGE (widget);
  const HmrUserInfo *user = find_user (self, g_variant_get_string (parameter, NULL));

  if (user != NULL)
    open_dialog (self, user);
}

static void set_active (HmrUsersPage *self, const char *user_id, gboolean active, gboolean undoable);

static void
on_undo (AdwToast     *toast,
         HmrUsersPage *self)
{
  const char *user_id = g_object_get_data (G_OBJECT (toast), "hmr-user-id");
  gboolean active = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (toast), "hmr-active"));

  set_active (self, user_id, !active, FALSE);
}

static void
set_active (HmrUsersPage *self,
            const char   *user_id,
            gboolean      active,
            gboolean      undoable)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  const HmrUserInfo *user = find_user (self, user_id);
  AdwToast *toast;

  if (user == NULL)
    return;
  name = g_strdup (user->full_name);
  if (!hmr_store_set_user_active (hmr_area_page_get_store (HMR_AREA_PAGE (self)),
                                  hmr_area_page_get_actor (HMR_AREA_PAGE (self)), user_id, active, &error))
    {
      hmr_gui_show_error_toast (GTK_WIDGET (self->users_group), error->message);
      return;
    }
  hmr_users_page_reload (self);

  /* Translators: %s is a person's full name */
  message = g_strdup_printf (active ? _("%s can log in again") : _("%s can no longer log in"), name);
  toast = adw_toast_new (message);
  if (undoable)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      g_object_set_data_full (G_OBJECT (toast), "hmr-user-id", g_strdup (user_id), g_free);
      g_object_set_data (G_OBJECT (toast), "hmr-active", GINT_TO_POINTER (active));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo), self, 0);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
deactivate_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  set_active (HMR_USERS_PAGE (widget), g_variant_get_string (parameter, NULL), FALSE, TRUE);
}

static void
reactivate_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  set_active (HMR_USERS_PAGE (widget), g_variant_get_string (parameter, NULL), TRUE, TRUE);
}

/* ---- GObject ------------------------------------------------------------ */

static void
hmr_users_page_dispose (GObject *object)
{
  HmrUsersPage *self = HMR_USERS_PAGE (object);

  /* AdwBin unparents its child itself: no gtk_widget_dispose_template () */
  g_clear_pointer (&self->users, g_ptr_array_unref);

  G_OBJECT_CLASS (hmr_users_page_parent_class)->dispose (object);
}

static void
hmr_users_page_constructed (GObject *object)
{
  G_OBJECT_CLASS (hmr_users_page_parent_class)->constructed (object);
  hmr_users_page_reload (HMR_USERS_PAGE (object));
}

static void
hmr_users_page_finalize (GObject *object)
{
  HmrUsersPage *self = HMR_USERS_PAGE (object);

  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (hmr_users_page_parent_class)->finalize (object);
}

static void
hmr_users_page_store_changed (HmrAreaPage  *page,
                              HmrChangeSet *changes)
{
  if (hmr_change_set_has_kind (changes, "user"))
    hmr_users_page_reload (HMR_USERS_PAGE (page));
}

static void
hmr_users_page_class_init (HmrUsersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  HMR_AREA_PAGE_CLASS (klass)->store_changed = hmr_users_page_store_changed;

  object_class->constructed = hmr_users_page_constructed;
  object_class->dispose = hmr_users_page_dispose;
  object_class->finalize = hmr_users_page_finalize;

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/admin/hmr-users-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrUsersPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HmrUsersPage, users_group);

  gtk_widget_class_install_action (widget_class, "users.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "users.edit", "s", edit_action);
  gtk_widget_class_install_action (widget_class, "users.deactivate", "s", deactivate_action);
  gtk_widget_class_install_action (widget_class, "users.reactivate", "s", reactivate_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "users.new", NULL);
}

static void
hmr_users_page_init (HmrUsersPage *self)
{
  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

HmrUsersPage *
hmr_users_page_new (HmrStore       *store,
                    const HmrActor *actor)
{
  g_return_val_if_fail (HMR_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  return g_object_new (HMR_TYPE_USERS_PAGE, "store", store, "actor", actor, NULL);
}

AdwActionRow *
hmr_users_page_get_row (HmrUsersPage *self,
                        const char   *username)
{
  g_return_val_if_fail (HMR_IS_USERS_PAGE (self), NULL);
  return g_hash_table_lookup (self->rows, username);
}

gboolean
hmr_users_page_allowed (const HmrActor *actor)
{
  return hmr_permission_allows (actor, HMR_ACTION_USERS_MANAGE, NULL);
}

GtkWidget *
hmr_users_page_create_area (HmrContext *context)
{
  return g_object_new (HMR_TYPE_USERS_PAGE, "context", context, NULL);
}
