/* hmr-provider-editor.c
 *
 * The store checks the fields and names the one that is wrong
 * ("Services: choose at least one…"); the editor shows that message
 * above the form and marks the row it names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-gui-util.h"
#include "hmr-labels.h"
#include "hmr-provider-editor.h"

struct _HmrProviderEditor
{
  AdwWindow            parent_instance;

  HmrStore            *store;
  HmrActor            *actor;
  char                *provider_id;
  HmrProvider         *provider;       /* as loaded, or a new one */
  GPtrArray           *districts;      /* codes, parallel to district_row and district_checks */
  GPtrArray           *district_checks;
  GPtrArray           *service_checks; /* parallel to hmr_service_type_codes () */
  GtkWidget           *marked;         /* the row with the error */
  char                *error_text;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkLabel            *error_label;
  AdwEntryRow         *name_row;
  AdwComboRow         *district_row;
  AdwEntryRow         *address_row;
  AdwEntryRow         *phone_row;
  AdwEntryRow         *contact_row;
  AdwEntryRow         *languages_row;
  AdwPreferencesGroup *services_group;
  GtkSwitch           *all_districts_switch;
  AdwExpanderRow      *districts_row;
  GtkButton           *archive_button;
  GtkButton           *save_button;
};

G_DEFINE_FINAL_TYPE (HmrProviderEditor, hmr_provider_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ACTOR,
  PROP_PROVIDER_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (HmrProviderEditor *self,
            const char        *message)
{
  GtkWidget *mark = NULL;

  g_free (self->error_text);
  self->error_text = g_strdup (message);
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);

  if (self->marked != NULL)
    gtk_widget_remove_css_class (self->marked, "error");
  self->marked = NULL;
  if (message == NULL)
    return;

  /* The store's messages start with the field's name */
  if (g_str_has_prefix (message, _("Organisation")))
    mark = GTK_WIDGET (self->name_row);
  else if (g_str_has_prefix (message, _("Services")))
    mark = GTK_WIDGET (self->services_group);
  else if (g_str_has_prefix (message, _("Districts served")))
    mark = GTK_WIDGET (self->districts_row);
  else if (g_str_has_prefix (message, _("District")))
    mark = GTK_WIDGET (self->district_row);
  else if (g_str_has_prefix (message, _("Phone")))
    mark = GTK_WIDGET (self->phone_row);
  if (mark != NULL)
    {
      gtk_widget_add_css_class (mark, "error");
      self->marked = mark;
      if (mark != GTK_WIDGET (self->services_group))
        gtk_widget_grab_focus (mark);
    }
}

static GtkWidget *
add_check_row (const char *title,
               gboolean    active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  hmr_gui_set_accessible_label (check, title);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_object_set_data (G_OBJECT (row), "check", check);
  return row;
}

static gboolean
in_list (const char *list,
         const char *code)
{
  g_auto(GStrv) items = g_strsplit (list ? list : "", ",", -1);

  return g_strv_contains ((const char * const *) items, code);
}

static void
on_all_districts (HmrProviderEditor *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->districts_row),
                            !gtk_switch_get_active (self->all_districts_switch));
}

static void
fill (HmrProviderEditor *self)
{
  HmrProvider *p = self->provider;
  const char * const *services = hmr_service_type_codes ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint select = 0;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), p->name ? p->name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), p->address ? p->address : "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), p->phone ? p->phone : "");
  gtk_editable_set_text (GTK_EDITABLE (self->contact_row), p->contact_person ? p->contact_person : "");
  gtk_editable_set_text (GTK_EDITABLE (self->languages_row), p->languages ? p->languages : "");

  self->service_checks = g_ptr_array_new ();
  for (guint i = 0; services[i]; i++)
    {
      GtkWidget *row = add_check_row (hmr_code_get_label (HMR_CODES_SERVICE_TYPE, services[i]),
                                      in_list (p->service_types, services[i]));
      adw_preferences_group_add (self->services_group, row);
      g_ptr_array_add (self->service_checks, g_object_get_data (G_OBJECT (row), "check"));
    }

  self->districts = hmr_store_list_districts (self->store, &error);
  if (self->districts == NULL)
    {
      show_error (self, error->message);
      self->districts = g_ptr_array_new_with_free_func (g_free);
    }
  self->district_checks = g_ptr_array_new ();
  for (guint i = 0; i < self->districts->len; i++)
    {
      const char *code = g_ptr_array_index (self->districts, i);
      GtkWidget *row = add_check_row (hmr_district_get_label (code), in_list (p->districts_served, code));

      gtk_string_list_append (labels, hmr_district_get_label (code));
      if (g_strcmp0 (code, p->district) == 0)
        select = i;
      adw_expander_row_add_row (self->districts_row, row);
      g_ptr_array_add (self->district_checks, g_object_get_data (G_OBJECT (row), "check"));
    }
  adw_combo_row_set_model (self->district_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->district_row, select);
  gtk_switch_set_active (self->all_districts_switch, g_strcmp0 (p->districts_served, "*") == 0);
  on_all_districts (self);
}

/* The form's values into a copy of the provider */
static HmrProvider *
collect (HmrProviderEditor *self)
{
  HmrProvider *p = hmr_provider_copy (self->provider);
  const char * const *services = hmr_service_type_codes ();
  g_autoptr(GString) types = g_string_new (NULL);
  g_autoptr(GString) served = g_string_new (NULL);
  guint district = adw_combo_row_get_selected (self->district_row);

#define TAKE(field, row) \
  G_STMT_START { g_free (p->field); p->field = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->row))); } G_STMT_END
  TAKE (name, name_row);
  TAKE (address, address_row);
  TAKE (phone, phone_row);
  TAKE (contact_person, contact_row);
  TAKE (languages, languages_row);
#undef TAKE

  for (guint i = 0; services[i] && i < self->service_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->service_checks, i)))
      g_string_append_printf (types, "%s%s", types->len ? "," : "", services[i]);
  g_free (p->service_types);
  p->service_types = g_strdup (types->str);

  g_free (p->district);
  p->district = district < self->districts->len ? g_strdup (g_ptr_array_index (self->districts, district)) : NULL;

  if (gtk_switch_get_active (self->all_districts_switch))
    g_string_append (served, "*");
  else
    for (guint i = 0; i < self->district_checks->len; i++)
      if (gtk_check_button_get_active (g_ptr_array_index (self->district_checks, i)))
        g_string_append_printf (served, "%s%s", served->len ? "," : "",
                                (const char *) g_ptr_array_index (self->districts, i));
  g_free (p->districts_served);
  p->districts_served = served->len ? g_strdup (served->str) : NULL;
  return p;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HmrProviderEditor *self = HMR_PROVIDER_EDITOR (widget);
  g_autoptr(HmrProvider) p = collect (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean is_new = p->id == NULL;

  if (!hmr_store_save_provider (self->store, self->actor, p, &error))
    {
      show_error (self, error->message);
      return;
    }
  message = g_strdup_printf (is_new ? _("%s added to the directory") : _("%s saved"), p->name);
  g_signal_emit (self, signals[SAVED], 0, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_archive_response (AdwMessageDialog  *dialog,
                     const char        *response,
                     HmrProviderEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "archive") != 0)
    return;
  if (!hmr_store_archive_provider (self->store, self->actor, self->provider->id, &error))
    {
      show_error (self, error->message);
      return;
    }
  message = g_strdup_printf (_("%s taken out of the directory"), self->provider->name);
  g_signal_emit (self, signals[SAVED], 0, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HmrProviderEditor *self = HMR_PROVIDER_EDITOR (widget);
  GtkWidget *dialog;
  g_autofree char *heading = g_strdup_printf (_("Archive “%s”?"), self->provider->name);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Caseworkers will no longer find it when they refer someone. "
                                     "Referrals already made keep it."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "archive", _("_Archive"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "archive",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_archive_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- GObject -------------------------------------------------------- */

static void
hmr_provider_editor_constructed (GObject *object)
{
  HmrProviderEditor *self = HMR_PROVIDER_EDITOR (object);
  gboolean archivable;

  G_OBJECT_CLASS (hmr_provider_editor_parent_class)->constructed (object);

  if (self->provider_id != NULL)
    {
      g_autoptr(GError) error = NULL;

      self->provider = hmr_store_get_provider (self->store, self->actor, self->provider_id, &error);
      if (self->provider == NULL)
        show_error (self, error->message);
    }
  if (self->provider == NULL)
    self->provider = hmr_provider_new ();

  adw_window_title_set_title (self->window_title,
                              self->provider->id ? _("Edit Provider") : _("New Provider"));
  archivable = self->provider->id != NULL && self->provider->deleted_at == NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->archive_button), archivable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "provider.archive", archivable);
  fill (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
hmr_provider_editor_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HMR_TYPE_PROVIDER_EDITOR);
  G_OBJECT_CLASS (hmr_provider_editor_parent_class)->dispose (object);
}

static void
hmr_provider_editor_finalize (GObject *object)
{
  HmrProviderEditor *self = HMR_PROVIDER_EDITOR (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, hmr_actor_free);
  g_clear_pointer (&self->provider, hmr_provider_free);
  g_clear_pointer (&self->districts, g_ptr_array_unref);
  g_clear_pointer (&self->district_checks, g_ptr_array_unref);
  g_clear_pointer (&self->service_checks, g_ptr_array_unref);
  g_free (self->provider_id);
  g_free (self->error_text);

  G_OBJECT_CLASS (hmr_provider_editor_parent_class)->finalize (object);
}

static void
hmr_provider_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HmrProviderEditor *self = HMR_PROVIDER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ACTOR:
      g_value_set_boxed (value, self->actor);
      break;
    case PROP_PROVIDER_ID:
      g_value_set_string (value, self->provider_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hmr_provider_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HmrProviderEditor *self = HMR_PROVIDER_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_ACTOR:
      self->actor = g_value_dup_boxed (value);
      break;
    case PROP_PROVIDER_ID:
      self->provider_id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hmr_provider_editor_class_init (HmrProviderEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hmr_provider_editor_constructed;
  object_class->dispose = hmr_provider_editor_dispose;
  object_class->finalize = hmr_provider_editor_finalize;
  object_class->get_property = hmr_provider_editor_get_property;
  object_class->set_property = hmr_provider_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HMR_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR] =
    g_param_spec_boxed ("actor", NULL, NULL, HMR_TYPE_ACTOR,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROVIDER_ID] =
    g_param_spec_string ("provider-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HmrProviderEditor::saved:
   * @message: what was done, for a toast
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/referrals/hmr-provider-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrProviderEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, HmrProviderEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, HmrProviderEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, HmrProviderEditor, district_row);
  gtk_widget_class_bind_template_child (widget_class, HmrProviderEditor, address_row);
  gtk_widget_class_bind_template_child (widget_class, HmrProviderEditor, phone_row);
  gtk_widget_class_bind_template_child (widget_class, HmrProviderEditor, contact_row);
  gtk_widget_class_bind_template_child (widget_class, HmrProviderEditor, languages_row);
  gtk_widget_class_bind_template_child (widget_class, HmrProviderEditor, services_group);
  gtk_widget_class_bind_template_child (widget_class, HmrProviderEditor, all_districts_switch);
  gtk_widget_class_bind_template_child (widget_class, HmrProviderEditor, districts_row);
  gtk_widget_class_bind_template_child (widget_class, HmrProviderEditor, archive_button);
  gtk_widget_class_bind_template_child (widget_class, HmrProviderEditor, save_button);

  gtk_widget_class_install_action (widget_class, "provider.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "provider.archive", NULL, archive_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "provider.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hmr_provider_editor_init (HmrProviderEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  g_signal_connect_object (self->all_districts_switch, "notify::active",
                           G_CALLBACK (on_all_districts), self, G_CONNECT_SWAPPED);
}

/**
 * hmr_provider_editor_new:
 * @provider_id: (nullable): the provider to edit; %NULL for a new one
 *
 * Returns: (transfer none): the editor
 */
HmrProviderEditor *
hmr_provider_editor_new (HmrStore       *store,
                         const HmrActor *actor,
                         const char     *provider_id)
{
  g_return_val_if_fail (HMR_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  return g_object_new (HMR_TYPE_PROVIDER_EDITOR,
                       "store", store, "actor", actor, "provider-id", provider_id,
                       NULL);
}

/**
 * hmr_provider_editor_get_error:
 *
 * Returns: (nullable): the error message shown, if any
 */
const char *
hmr_provider_editor_get_error (HmrProviderEditor *self)
{
  g_return_val_if_fail (HMR_IS_PROVIDER_EDITOR (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? self->error_text : NULL;
}

/* Ticks or unticks a service, as clicking its row does */
void
hmr_provider_editor_set_service (HmrProviderEditor *self,
                                 const char        *service_type,
                                 gboolean           offered)
{
  const char * const *services = hmr_service_type_codes ();

  g_return_if_fail (HMR_IS_PROVIDER_EDITOR (self));

  for (guint i = 0; services[i] && i < self->service_checks->len; i++)
    if (g_strcmp0 (services[i], service_type) == 0)
      gtk_check_button_set_active (g_ptr_array_index (self->service_checks, i), offered);
}
