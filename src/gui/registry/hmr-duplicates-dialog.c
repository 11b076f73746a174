/* hmr-duplicates-dialog.c
 *
 * Shown before a new beneficiary is saved when the core finds likely
 * earlier registrations of the same person (the same name in any
 * spelling, born within a year, the same district or phone).  Each is a
 * row with its case number, the names in both scripts, the birth year and
 * the district; the first is chosen.  The answers:
 *
 *   "back"      return to the form, nothing saved
 *   "open"      drop the new record and open the chosen case file
 *   "mark"      save the new record as a duplicate of the chosen one
 *   "register"  save it anyway (the decision is audited)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "hmr-duplicates-dialog.h"
#include "hmr-gui-util.h"

struct _HmrDuplicatesDialog
{
  AdwMessageDialog  parent_instance;

  GPtrArray        *duplicates;   /* HmrBeneficiary */
  GPtrArray        *checks;       /* GtkCheckButton, parallel */

  /* Template widgets */
  GtkListBox       *list;
};

G_DEFINE_FINAL_TYPE (HmrDuplicatesDialog, hmr_duplicates_dialog, ADW_TYPE_MESSAGE_DIALOG)

static char *
dup_birth_year (HmrBeneficiary *b)
{
  const char *date = hmr_beneficiary_get (b, HMR_BENEFICIARY_BIRTH_DATE);

  if (date != NULL && strlen (date) >= 4)
    return g_strndup (date, 4);
  if (hmr_beneficiary_get (b, HMR_BENEFICIARY_BIRTH_YEAR_ESTIMATED) != NULL)
    /* Translators: an estimated birth year, e.g. "about 1985" */
    return g_strdup_printf (_("about %s"), hmr_beneficiary_get (b, HMR_BENEFICIARY_BIRTH_YEAR_ESTIMATED));
  return NULL;
}

static void
on_row_activated (HmrDuplicatesDialog *self,
                  GtkListBoxRow       *row)
{
  int i = gtk_list_box_row_get_index (row);

  if (i >= 0 && (guint) i < self->checks->len)
    gtk_check_button_set_active (g_ptr_array_index (self->checks, i), TRUE);
}

static void
add_row (HmrDuplicatesDialog *self,
         HmrBeneficiary      *b)
{
  g_autofree char *name = hmr_beneficiary_dup_full_name (b);
  g_autofree char *latin = hmr_beneficiary_dup_latin_name (b);
  g_autofree char *year = dup_birth_year (b);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  if (latin[0] != '\0')
    /* Translators: a name in Tajik Cyrillic, then its passport Latin spelling */
    title = g_strdup_printf (_("%s · %s"), name, latin);
  else
    title = g_strdup (name);
  /* Translators: case number · birth year · district of a possible duplicate */
  subtitle = g_strdup_printf (_("%s · born %s · %s"),
                              hmr_gui_value_or_dash (hmr_beneficiary_get (b, HMR_BENEFICIARY_CASE_NUMBER)),
                              hmr_gui_value_or_dash (year),
                              hmr_gui_value_or_dash (hmr_district_get_label (hmr_beneficiary_get (b, HMR_BENEFICIARY_DISTRICT))));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  if (self->checks->len > 0)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), g_ptr_array_index (self->checks, 0));
  else
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_list_box_append (self->list, row);
  g_ptr_array_add (self->checks, check);
}

static void
hmr_duplicates_dialog_finalize (GObject *object)
{
  HmrDuplicatesDialog *self = HMR_DUPLICATES_DIALOG (object);

  g_clear_pointer (&self->duplicates, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (hmr_duplicates_dialog_parent_class)->finalize (object);
}

static void
hmr_duplicates_dialog_class_init (HmrDuplicatesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = hmr_duplicates_dialog_finalize;

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/registry/hmr-duplicates-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrDuplicatesDialog, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
hmr_duplicates_dialog_init (HmrDuplicatesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->checks = g_ptr_array_new ();

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "back", _("_Back to the Form"),
                                    "open", _("_Open Case File"),
                                    "mark", _("_Mark as Duplicate"),
                                    "register", _("_Register Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "open",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "back");
}

/**
 * hmr_duplicates_dialog_new:
 * @candidate: the record about to be registered
 * @duplicates: (element-type HmrBeneficiary): what the core found
 */
HmrDuplicatesDialog *
hmr_duplicates_dialog_new (GtkWindow      *parent,
                           HmrBeneficiary *candidate,
                           GPtrArray      *duplicates)
{
  HmrDuplicatesDialog *self;
  g_autofree char *name = hmr_beneficiary_dup_full_name (candidate);

  g_return_val_if_fail (duplicates != NULL && duplicates->len > 0, NULL);

  self = g_object_new (HMR_TYPE_DUPLICATES_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->duplicates = g_ptr_array_ref (duplicates);
  for (guint i = 0; i < duplicates->len; i++)
    add_row (self, g_ptr_array_index (duplicates, i));

  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Registered Already?"));
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (self),
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "%s may be registered already: this case file has the same name "
                                               "in another spelling, a birth year within one, and the same "
                                               "district or phone.",
                                               "%s may be registered already: these case files have the same "
                                               "name in another spelling, a birth year within one, and the same "
                                               "district or phone.",
                                               duplicates->len),
                                  name);
  return self;
}

/**
 * hmr_duplicates_dialog_get_duplicates:
 *
 * Returns: (transfer none) (element-type HmrBeneficiary): the candidates shown
 */
GPtrArray *
hmr_duplicates_dialog_get_duplicates (HmrDuplicatesDialog *self)
{
  g_return_val_if_fail (HMR_IS_DUPLICATES_DIALOG (self), NULL);
  return self->duplicates;
}

/**
 * hmr_duplicates_dialog_get_selected:
 *
 * Returns: (transfer none): the case file chosen
 */
HmrBeneficiary *
hmr_duplicates_dialog_get_selected (HmrDuplicatesDialog *self)
{
  g_return_val_if_fail (HMR_IS_DUPLICATES_DIALOG (self), NULL);

  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      return g_ptr_array_index (self->duplicates, i);
  return g_ptr_array_index (self->duplicates, 0);
}

void
hmr_duplicates_dialog_select (HmrDuplicatesDialog *self,
                              guint                position)
{
  g_return_if_fail (HMR_IS_DUPLICATES_DIALOG (self));
  g_return_if_fail (position < self->checks->len);

  gtk_check_button_set_active (g_ptr_array_index (self->checks, position), TRUE);
}
