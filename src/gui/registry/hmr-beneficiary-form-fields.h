/* hmr-beneficiary-form-fields.h — the form's fields: which widget shows
 * which field of the record, how values go in and out, and the message
 * below each field.  Private to the form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-store.h"

G_BEGIN_DECLS

typedef enum
{
  HMR_FORM_TEXT,
  HMR_FORM_DATE,
  HMR_FORM_NUMBER,
  HMR_FORM_PHONE,
  HMR_FORM_CHOICE,
  HMR_FORM_SWITCH,
} HmrFormKind;

typedef struct
{
  HmrBeneficiaryField  field;
  HmrFormKind          kind;
  const char          *row_id;      /* the row in the template */
  const char          *switch_id;   /* for HMR_FORM_SWITCH: its switch */
} HmrFormFieldInfo;

typedef void (*HmrFormChangedFunc) (gpointer            user_data,
                                    HmrBeneficiaryField field);

typedef struct
{
  HmrFormChangedFunc changed_func;
  gpointer           changed_data;
  GtkWidget *rows[HMR_BENEFICIARY_N_FIELDS];
  GtkWidget *switches[HMR_BENEFICIARY_N_FIELDS];
  GtkWidget *error_rows[HMR_BENEFICIARY_N_FIELDS];
  GtkWidget *error_labels[HMR_BENEFICIARY_N_FIELDS];
  GPtrArray *codes[HMR_BENEFICIARY_N_FIELDS];   /* choices: position -> code (NULL: none) */
} HmrFormFields;

const HmrFormFieldInfo *hmr_form_fields_get_info      (guint               *n_fields);
void        hmr_form_fields_bind_template  (GtkWidgetClass      *widget_class,
                                            goffset              fields_offset);
void        hmr_form_fields_setup          (HmrFormFields       *fields,
                                            HmrStore            *store,
                                            const HmrActor      *actor);
void        hmr_form_fields_clear          (HmrFormFields       *fields);
void        hmr_form_fields_load           (HmrFormFields       *fields,
                                            HmrBeneficiary      *beneficiary);
void        hmr_form_fields_read           (HmrFormFields       *fields,
                                            HmrBeneficiary      *beneficiary);
void        hmr_form_fields_connect_changed (HmrFormFields      *fields,
                                            HmrFormChangedFunc   func,
                                            gpointer             user_data);
gboolean    hmr_form_fields_has_field      (HmrFormFields       *fields,
                                            HmrBeneficiaryField  field);
gboolean    hmr_form_fields_show_error     (HmrFormFields       *fields,
                                            HmrBeneficiaryField  field,
                                            const char          *message);
void        hmr_form_fields_clear_error    (HmrFormFields       *fields,
                                            HmrBeneficiaryField  field);
void        hmr_form_fields_clear_errors   (HmrFormFields       *fields);
void        hmr_form_fields_focus          (HmrFormFields       *fields,
                                            HmrBeneficiaryField  field);
HmrBeneficiaryField hmr_form_fields_find   (HmrFormFields       *fields,
                                            GtkWidget           *widget);

G_END_DECLS
