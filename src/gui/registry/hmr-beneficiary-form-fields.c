/* hmr-beneficiary-form-fields.c
 *
 * Each field of the record has a row in the form: an entry row for text,
 * dates and numbers, a combo row for coded values, a switch for yes and
 * no.  Below each row sits a hidden row for its error message, shown when
 * validation finds a problem with the field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-beneficiary-form-fields.h"
#include "hmr-gui-util.h"

#define N_INFO G_N_ELEMENTS (field_info)

/* In the order of the form */
static const HmrFormFieldInfo field_info[] = {
  { HMR_BENEFICIARY_FAMILY_NAME, HMR_FORM_TEXT, "family_name_row", NULL },
  { HMR_BENEFICIARY_GIVEN_NAME, HMR_FORM_TEXT, "given_name_row", NULL },
  { HMR_BENEFICIARY_PATRONYMIC, HMR_FORM_TEXT, "patronymic_row", NULL },
  { HMR_BENEFICIARY_FAMILY_NAME_LATIN, HMR_FORM_TEXT, "family_name_latin_row", NULL },
  { HMR_BENEFICIARY_GIVEN_NAME_LATIN, HMR_FORM_TEXT, "given_name_latin_row", NULL },
  { HMR_BENEFICIARY_PATRONYMIC_LATIN, HMR_FORM_TEXT, "patronymic_latin_row", NULL },
  { HMR_BENEFICIARY_SEX, HMR_FORM_CHOICE, "sex_row", NULL },
  { HMR_BENEFICIARY_BIRTH_DATE, HMR_FORM_DATE, "birth_date_row", NULL },
  { HMR_BENEFICIARY_BIRTH_YEAR_ESTIMATED, HMR_FORM_NUMBER, "birth_year_estimated_row", NULL },
  { HMR_BENEFICIARY_PHONE, HMR_FORM_PHONE, "phone_row", NULL },
  { HMR_BENEFICIARY_PHONE_ALT, HMR_FORM_PHONE, "phone_alt_row", NULL },
  { HMR_BENEFICIARY_HOUSEHOLD_SIZE, HMR_FORM_NUMBER, "household_size_row", NULL },
  { HMR_BENEFICIARY_DISTRICT, HMR_FORM_CHOICE, "district_row", NULL },
  { HMR_BENEFICIARY_JAMOAT, HMR_FORM_TEXT, "jamoat_row", NULL },
  { HMR_BENEFICIARY_VILLAGE, HMR_FORM_TEXT, "village_row", NULL },
  { HMR_BENEFICIARY_CATEGORY, HMR_FORM_CHOICE, "category_row", NULL },
  { HMR_BENEFICIARY_DISABILITY, HMR_FORM_SWITCH, "disability_row", "disability_switch" },
  { HMR_BENEFICIARY_DISABILITY_REGISTERED, HMR_FORM_SWITCH, "disability_registered_row", "disability_registered_switch" },
  { HMR_BENEFICIARY_HEALTH_PROBLEMS, HMR_FORM_TEXT, "health_problems_row", NULL },
  { HMR_BENEFICIARY_DISTRESS_SCREENING, HMR_FORM_CHOICE, "distress_screening_row", NULL },
  { HMR_BENEFICIARY_RISK_LEVEL, HMR_FORM_CHOICE, "risk_level_row", NULL },
  { HMR_BENEFICIARY_CONSENT_DATE, HMR_FORM_DATE, "consent_date_row", NULL },
  { HMR_BENEFICIARY_CONSENT_SERVICES, HMR_FORM_SWITCH, "consent_services_row", "consent_services_switch" },
  { HMR_BENEFICIARY_CONSENT_SHARING, HMR_FORM_SWITCH, "consent_sharing_row", "consent_sharing_switch" },
  { HMR_BENEFICIARY_CONSENT_REPORTING, HMR_FORM_SWITCH, "consent_reporting_row", "consent_reporting_switch" },
};

const HmrFormFieldInfo *
hmr_form_fields_get_info (guint *n_fields)
{
  *n_fields = N_INFO;
  return field_info;
}

/**
 * hmr_form_fields_bind_template:
 * @fields_offset: where the #HmrFormFields sits in the widget's struct
 */
void
hmr_form_fields_bind_template (GtkWidgetClass *widget_class,
                               goffset         fields_offset)
{
  for (guint i = 0; i < N_INFO; i++)
    {
      const HmrFormFieldInfo *info = &field_info[i];

      gtk_widget_class_bind_template_child_full (widget_class, info->row_id, FALSE,
                                                 fields_offset + G_STRUCT_OFFSET (HmrFormFields, rows) +
                                                 info->field * sizeof (gpointer));
      if (info->switch_id != NULL)
        gtk_widget_class_bind_template_child_full (widget_class, info->switch_id, FALSE,
                                                   fields_offset + G_STRUCT_OFFSET (HmrFormFields, switches) +
                                                   info->field * sizeof (gpointer));
    }
}

/* ---- choices ---------------------------------------------------------- */

static void
add_choice (HmrFormFields       *fields,
            HmrBeneficiaryField  field,
            const char          *code,
            const char          *label)
{
  AdwComboRow *row = ADW_COMBO_ROW (fields->rows[field]);
  GtkStringList *labels = GTK_STRING_LIST (adw_combo_row_get_model (row));

  gtk_string_list_append (labels, label);
  g_ptr_array_add (fields->codes[field], g_strdup (code));
}

static void
start_choices (HmrFormFields       *fields,
               HmrBeneficiaryField  field,
               const char          *none_label)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  adw_combo_row_set_model (ADW_COMBO_ROW (fields->rows[field]), G_LIST_MODEL (labels));
  fields->codes[field] = g_ptr_array_new_with_free_func (g_free);
  if (none_label != NULL)
    add_choice (fields, field, NULL, none_label);
}

static void
setup_choices (HmrFormFields  *fields,
               HmrStore       *store,
               const HmrActor *actor)
{
  static const char * const sexes[] = { "female", "male", NULL };
  const char * const *codes;
  g_autoptr(GPtrArray) districts = NULL;
  g_autoptr(GError) error = NULL;

  start_choices (fields, HMR_BENEFICIARY_SEX, C_("sex", "Not chosen"));
  for (guint i = 0; sexes[i] != NULL; i++)
    add_choice (fields, HMR_BENEFICIARY_SEX, sexes[i], hmr_sex_get_label (sexes[i]));

  start_choices (fields, HMR_BENEFICIARY_DISTRICT, C_("district", "Not chosen"));
  districts = hmr_store_list_districts (store, &error);
  if (districts == NULL)
    g_warning ("Could not list the districts: %s", error->message);
  for (guint i = 0; districts != NULL && i < districts->len; i++)
    {
      const char *code = g_ptr_array_index (districts, i);
      add_choice (fields, HMR_BENEFICIARY_DISTRICT, code, hmr_district_get_label (code));
    }

  start_choices (fields, HMR_BENEFICIARY_CATEGORY, C_("category", "Not chosen"));
  codes = hmr_category_codes ();
  for (guint i = 0; codes[i] != NULL; i++)
    add_choice (fields, HMR_BENEFICIARY_CATEGORY, codes[i], hmr_category_get_label (codes[i]));

  start_choices (fields, HMR_BENEFICIARY_DISTRESS_SCREENING, C_("distress screening", "Not screened"));
  codes = hmr_gui_distress_codes ();
  for (guint i = 0; codes[i] != NULL; i++)
    add_choice (fields, HMR_BENEFICIARY_DISTRESS_SCREENING, codes[i], hmr_gui_distress_get_label (codes[i]));

  start_choices (fields, HMR_BENEFICIARY_RISK_LEVEL, NULL);
  codes = hmr_risk_codes ();
  for (guint i = 0; codes[i] != NULL; i++)
    add_choice (fields, HMR_BENEFICIARY_RISK_LEVEL, codes[i], hmr_risk_get_label (codes[i]));
}

static guint
find_choice (HmrFormFields       *fields,
             HmrBeneficiaryField  field,
             const char          *code)
{
  GPtrArray *codes = fields->codes[field];

  for (guint i = 0; i < codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (codes, i), code) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* ---- set-up ------------------------------------------------------------ */

static void
add_error_row (HmrFormFields       *fields,
               HmrBeneficiaryField  field)
{
  GtkWidget *row = fields->rows[field];
  GtkWidget *list = gtk_widget_get_parent (row);
  GtkWidget *error_row;
  GtkWidget *label;

  g_return_if_fail (GTK_IS_LIST_BOX (list));

  label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "error");

  error_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (error_row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (error_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (error_row), FALSE);
  gtk_widget_set_focusable (error_row, FALSE);
  gtk_widget_add_css_class (error_row, "field-error");
  gtk_widget_set_visible (error_row, FALSE);
  gtk_list_box_insert (GTK_LIST_BOX (list), error_row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);

  fields->error_rows[field] = error_row;
  fields->error_labels[field] = label;
}

static void
set_placeholder (GtkWidget  *row,
                 const char *text)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));

  if (GTK_IS_TEXT (delegate))
    gtk_text_set_placeholder_text (GTK_TEXT (delegate), text);
}

/**
 * hmr_form_fields_setup:
 *
 * Titles the rows with the field names the validation messages use, fills
 * the choices, and adds a hidden error row below each field.
 */
void
hmr_form_fields_setup (HmrFormFields  *fields,
                       HmrStore       *store,
                       const HmrActor *actor)
{
  setup_choices (fields, store, actor);

  for (guint i = 0; i < N_INFO; i++)
    {
      const HmrFormFieldInfo *info = &field_info[i];
      GtkWidget *row = fields->rows[info->field];

      g_return_if_fail (ADW_IS_PREFERENCES_ROW (row));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     hmr_beneficiary_field_get_label (info->field));

      switch (info->kind)
        {
        case HMR_FORM_DATE:
          /* Translators: the placeholder of date fields; keep the dots */
          set_placeholder (row, _("dd.mm.yyyy"));
          adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_DIGITS);
          break;
        case HMR_FORM_NUMBER:
          adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_DIGITS);
          break;
        case HMR_FORM_PHONE:
          set_placeholder (row, _("+992 93 123 4567"));
          adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_PHONE);
          break;
        case HMR_FORM_TEXT:
        case HMR_FORM_CHOICE:
        case HMR_FORM_SWITCH:
        default:
          break;
        }

      add_error_row (fields, info->field);
    }
}

void
hmr_form_fields_clear (HmrFormFields *fields)
{
  for (guint i = 0; i < HMR_BENEFICIARY_N_FIELDS; i++)
    g_clear_pointer (&fields->codes[i], g_ptr_array_unref);
}

/* ---- values in and out ------------------------------------------------ */

/**
 * hmr_form_fields_load:
 * @beneficiary: (nullable): the record to show; %NULL for a new one
 */
void
hmr_form_fields_load (HmrFormFields  *fields,
                      HmrBeneficiary *beneficiary)
{
  for (guint i = 0; i < N_INFO; i++)
    {
      const HmrFormFieldInfo *info = &field_info[i];
      GtkWidget *row = fields->rows[info->field];
      const char *value = beneficiary ? hmr_beneficiary_get (beneficiary, info->field) : NULL;
      guint position;

      switch (info->kind)
        {
        case HMR_FORM_DATE:
          {
            g_autofree char *shown = hmr_gui_format_date (value);
            gtk_editable_set_text (GTK_EDITABLE (row), shown ? shown : "");
          }
          break;

        case HMR_FORM_TEXT:
        case HMR_FORM_NUMBER:
        case HMR_FORM_PHONE:
          gtk_editable_set_text (GTK_EDITABLE (row), value ? value : "");
          break;

        case HMR_FORM_CHOICE:
          position = find_choice (fields, info->field, value);
          if (position == GTK_INVALID_LIST_POSITION && value != NULL)
            {
              /* A value this version does not know: keep it */
              add_choice (fields, info->field, value, value);
              position = fields->codes[info->field]->len - 1;
            }
          if (position == GTK_INVALID_LIST_POSITION)
            position = 0;
          adw_combo_row_set_selected (ADW_COMBO_ROW (row), position);
          break;

        case HMR_FORM_SWITCH:
          gtk_switch_set_active (GTK_SWITCH (fields->switches[info->field]),
                                 beneficiary != NULL &&
                                 hmr_beneficiary_get_bool (beneficiary, info->field));
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

/**
 * hmr_form_fields_read:
 *
 * Copies what the widgets hold into @beneficiary, as typed: the store and
 * the validation read dates and phones the way people write them.
 */
void
hmr_form_fields_read (HmrFormFields  *fields,
                      HmrBeneficiary *beneficiary)
{
  for (guint i = 0; i < N_INFO; i++)
    {
      const HmrFormFieldInfo *info = &field_info[i];
      GtkWidget *row = fields->rows[info->field];
      guint position;

      switch (info->kind)
        {
        case HMR_FORM_TEXT:
        case HMR_FORM_DATE:
        case HMR_FORM_NUMBER:
        case HMR_FORM_PHONE:
          hmr_beneficiary_set (beneficiary, info->field, gtk_editable_get_text (GTK_EDITABLE (row)));
          break;

        case HMR_FORM_CHOICE:
          position = adw_combo_row_get_selected (ADW_COMBO_ROW (row));
          if (position < fields->codes[info->field]->len)
            hmr_beneficiary_set (beneficiary, info->field,
                                 g_ptr_array_index (fields->codes[info->field], position));
          else
            hmr_beneficiary_set (beneficiary, info->field, NULL);
          break;

        case HMR_FORM_SWITCH:
          hmr_beneficiary_set_bool (beneficiary, info->field,
                                    gtk_switch_get_active (GTK_SWITCH (fields->switches[info->field])));
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

static void
on_editable_changed (GtkWidget     *widget,
                     HmrFormFields *fields)
{
  fields->changed_func (fields->changed_data, hmr_form_fields_find (fields, widget));
}

static void
on_notify (GtkWidget     *widget,
           GParamSpec    *pspec,
           HmrFormFields *fields)
{
  fields->changed_func (fields->changed_data, hmr_form_fields_find (fields, widget));
}

/**
 * hmr_form_fields_connect_changed:
 *
 * Calls @func with the field whenever a field's value changes.
 */
void
hmr_form_fields_connect_changed (HmrFormFields      *fields,
                                 HmrFormChangedFunc  func,
                                 gpointer            user_data)
{
  fields->changed_func = func;
  fields->changed_data = user_data;

  for (guint i = 0; i < N_INFO; i++)
    {
      const HmrFormFieldInfo *info = &field_info[i];

      switch (info->kind)
        {
        case HMR_FORM_CHOICE:
          g_signal_connect (fields->rows[info->field], "notify::selected", G_CALLBACK (on_notify), fields);
          break;
        case HMR_FORM_SWITCH:
          g_signal_connect (fields->switches[info->field], "notify::active", G_CALLBACK (on_notify), fields);
          break;
        case HMR_FORM_TEXT:
        case HMR_FORM_DATE:
        case HMR_FORM_NUMBER:
        case HMR_FORM_PHONE:
        default:
          g_signal_connect (fields->rows[info->field], "changed", G_CALLBACK (on_editable_changed), fields);
          break;
        }
    }
}

/* ---- errors ----------------------------------------------------------- */

gboolean
hmr_form_fields_has_field (HmrFormFields       *fields,
                           HmrBeneficiaryField  field)
{
  return field < HMR_BENEFICIARY_N_FIELDS && fields->rows[field] != NULL;
}

/**
 * hmr_form_fields_show_error:
 *
 * Shows @message below the field and marks the field as wrong.
 *
 * Returns: %FALSE when the form has no such field
 */
gboolean
hmr_form_fields_show_error (HmrFormFields       *fields,
                            HmrBeneficiaryField  field,
                            const char          *message)
{
  GtkWidget *row;

  if (!hmr_form_fields_has_field (fields, field))
    return FALSE;

  row = fields->rows[field];
  gtk_label_set_label (GTK_LABEL (fields->error_labels[field]), message);
  gtk_widget_set_visible (fields->error_rows[field], TRUE);
  gtk_widget_add_css_class (row, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                  -1);
  return TRUE;
}

void
hmr_form_fields_clear_error (HmrFormFields       *fields,
                             HmrBeneficiaryField  field)
{
  GtkWidget *row;

  if (!hmr_form_fields_has_field (fields, field) ||
      !gtk_widget_get_visible (fields->error_rows[field]))
    return;

  row = fields->rows[field];
  gtk_widget_set_visible (fields->error_rows[field], FALSE);
  gtk_label_set_label (GTK_LABEL (fields->error_labels[field]), "");
  gtk_widget_remove_css_class (row, "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

void
hmr_form_fields_clear_errors (HmrFormFields *fields)
{
  for (guint i = 0; i < N_INFO; i++)
    hmr_form_fields_clear_error (fields, field_info[i].field);
}

void
hmr_form_fields_focus (HmrFormFields       *fields,
                       HmrBeneficiaryField  field)
{
  if (!hmr_form_fields_has_field (fields, field))
    return;
  if (fields->switches[field] != NULL)
    gtk_widget_grab_focus (fields->switches[field]);
  else
    gtk_widget_grab_focus (fields->rows[field]);
}

/**
 * hmr_form_fields_find:
 *
 * Returns: the field whose row or switch is @widget, or
 *   %HMR_BENEFICIARY_N_FIELDS
 */
HmrBeneficiaryField
hmr_form_fields_find (HmrFormFields *fields,
                      GtkWidget     *widget)
{
  for (guint i = 0; i < N_INFO; i++)
    {
      HmrBeneficiaryField field = field_info[i].field;

      if (fields->rows[field] == widget || fields->switches[field] == widget)
        return field;
    }
  return HMR_BENEFICIARY_N_FIELDS;
}
