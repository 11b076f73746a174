/* hmr-organisation-page.c — the organisation as printed, in Preferences
 *
 * The organisation's name and each office's name and address, in Tajik,
 * Russian and English, as acts, receipts and slips print them.  An
 * administrator edits and saves them; everyone else sees them read-only
 * (the store would refuse their change anyway).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-gui-util.h"
#include "hmr-organisation.h"
#include "hmr-organisation-page.h"

typedef struct
{
  char        *office_id;
  char        *code;
  GtkEditable *name[HMR_ORGANISATION_N_LANGUAGES];
  GtkEditable *address[HMR_ORGANISATION_N_LANGUAGES];
} OfficeRows;

struct _HmrOrganisationPage
{
  AdwPreferencesPage    parent_instance;

  HmrContext           *context;
  GPtrArray            *offices;     /* OfficeRows */

  /* Template widgets */
  AdwPreferencesGroup  *organisation_group;
  AdwPreferencesGroup  *offices_group;
  GtkWidget            *save_button;
  GtkEditable          *name_tg_row;
  GtkEditable          *name_ru_row;
  GtkEditable          *name_en_row;
};

G_DEFINE_FINAL_TYPE (HmrOrganisationPage, hmr_organisation_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
office_rows_free (OfficeRows *rows)
{
  g_free (rows->office_id);
  g_free (rows->code);
  g_free (rows);
}

static GtkEditable *
add_entry (AdwExpanderRow *expander,
           const char     *title,
           const char     *text,
           gboolean        editable)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  gtk_editable_set_editable (GTK_EDITABLE (row), editable);
  adw_expander_row_add_row (expander, row);
  return GTK_EDITABLE (row);
}

static const char *
language_name (guint language)
{
  return language == 0 ? _("Tajik") : language == 1 ? _("Russian") : _("English");
}

static void
fill (HmrOrganisationPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrOrganisation) org = NULL;
  const HmrActor *actor = hmr_context_get_actor (self->context);
  gboolean editable = hmr_store_may_edit_organisation (actor);
  GtkEditable *names[] = { self->name_tg_row, self->name_ru_row, self->name_en_row };

  gtk_widget_set_visible (self->save_button, editable);
  if (!editable)
    adw_preferences_group_set_description (self->organisation_group,
                                           _("Printed at the top of handover acts, grant receipts and referral "
                                             "slips. Only an administrator changes it."));

  org = hmr_store_get_organisation (hmr_context_get_store (self->context), actor, &error);
  if (org == NULL)
    {
      g_warning ("The organisation could not be read: %s", error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
      return;
    }
  for (guint l = 0; l < HMR_ORGANISATION_N_LANGUAGES; l++)
    {
      gtk_editable_set_text (names[l], org->name[l] ? org->name[l] : "");
      gtk_editable_set_editable (names[l], editable);
    }

  for (guint i = 0; i < org->offices->len; i++)
    {
      HmrOfficeHeading *o = g_ptr_array_index (org->offices, i);
      OfficeRows *rows = g_new0 (OfficeRows, 1);
      GtkWidget *expander = adw_expander_row_new ();

      rows->office_id = g_strdup (o->office_id);
      rows->code = g_strdup (o->code);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), hmr_district_get_label (o->district));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), o->code);
      for (guint l = 0; l < HMR_ORGANISATION_N_LANGUAGES; l++)
        {
          /* Translators: %s is a language, as in “Office name in Tajik” */
          g_autofree char *name_title = g_strdup_printf (_("Office name in %s"), language_name (l));
          /* Translators: %s is a language, as in “Address in Tajik” */
          g_autofree char *address_title = g_strdup_printf (_("Address in %s"), language_name (l));

          rows->name[l] = add_entry (ADW_EXPANDER_ROW (expander), name_title, o->name[l], editable);
          rows->address[l] = add_entry (ADW_EXPANDER_ROW (expander), address_title, o->address[l], editable);
        }
      adw_preferences_group_add (self->offices_group, expander);
      g_ptr_array_add (self->offices, rows);
    }
}

/**
 * hmr_organisation_page_save:
 *
 * Saves what the page shows through the store (administrators only).
 */
gboolean
hmr_organisation_page_save (HmrOrganisationPage  *self,
                            GError              **error)
{
  g_autoptr(HmrOrganisation) org = g_new0 (HmrOrganisation, 1);
  GtkEditable *names[] = { self->name_tg_row, self->name_ru_row, self->name_en_row };

  g_return_val_if_fail (HMR_IS_ORGANISATION_PAGE (self), FALSE);

  for (guint l = 0; l < HMR_ORGANISATION_N_LANGUAGES; l++)
    org->name[l] = g_strdup (gtk_editable_get_text (names[l]));
  org->offices = g_ptr_array_new_with_free_func ((GDestroyNotify) g_free);
  for (guint i = 0; i < self->offices->len; i++)
    {
      OfficeRows *rows = g_ptr_array_index (self->offices, i);
      /* borrowed texts: the heading is only read by the store */
      HmrOfficeHeading *o = g_new0 (HmrOfficeHeading, 1);

      o->office_id = rows->office_id;
      o->code = rows->code;
      for (guint l = 0; l < HMR_ORGANISATION_N_LANGUAGES; l++)
        {
          o->name[l] = (char *) gtk_editable_get_text (rows->name[l]);
          o->address[l] = (char *) gtk_editable_get_text (rows->address[l]);
        }
      g_ptr_array_add (org->offices, o);
    }
  return hmr_store_set_organisation (hmr_context_get_store (self->context),
                                     hmr_context_get_actor (self->context), org, error);
}

static void
show_toast (HmrOrganisationPage *self,
            const char          *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
  else
    hmr_gui_show_error_toast (GTK_WIDGET (self), message);
}

static void
on_save_clicked (HmrOrganisationPage *self)
{
  g_autoptr(GError) error = NULL;

  if (!hmr_organisation_page_save (self, &error))
    show_toast (self, error->message);
  else
    show_toast (self, _("Saved: acts, receipts and slips print it from now on."));
}

static void
hmr_organisation_page_constructed (GObject *object)
{
  HmrOrganisationPage *self = HMR_ORGANISATION_PAGE (object);

  G_OBJECT_CLASS (hmr_organisation_page_parent_class)->constructed (object);
  fill (self);
}

static void
hmr_organisation_page_dispose (GObject *object)
{
  HmrOrganisationPage *self = HMR_ORGANISATION_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HMR_TYPE_ORGANISATION_PAGE);
  g_clear_object (&self->context);
  g_clear_pointer (&self->offices, g_ptr_array_unref);

  G_OBJECT_CLASS (hmr_organisation_page_parent_class)->dispose (object);
}

static void
hmr_organisation_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HmrOrganisationPage *self = HMR_ORGANISATION_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hmr_organisation_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  HmrOrganisationPage *self = HMR_ORGANISATION_PAGE (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hmr_organisation_page_class_init (HmrOrganisationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hmr_organisation_page_constructed;
  object_class->dispose = hmr_organisation_page_dispose;
  object_class->get_property = hmr_organisation_page_get_property;
  object_class->set_property = hmr_organisation_page_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         HMR_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/admin/hmr-organisation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrOrganisationPage, organisation_group);
  gtk_widget_class_bind_template_child (widget_class, HmrOrganisationPage, offices_group);
  gtk_widget_class_bind_template_child (widget_class, HmrOrganisationPage, save_button);
  gtk_widget_class_bind_template_child (widget_class, HmrOrganisationPage, name_tg_row);
  gtk_widget_class_bind_template_child (widget_class, HmrOrganisationPage, name_ru_row);
  gtk_widget_class_bind_template_child (widget_class, HmrOrganisationPage, name_en_row);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
}

static void
hmr_organisation_page_init (HmrOrganisationPage *self)
{
  self->offices = g_ptr_array_new_with_free_func ((GDestroyNotify) office_rows_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

HmrOrganisationPage *
hmr_organisation_page_new (HmrContext *context)
{
  g_return_val_if_fail (HMR_IS_CONTEXT (context), NULL);
  return g_object_new (HMR_TYPE_ORGANISATION_PAGE, "context", context, NULL);
}
