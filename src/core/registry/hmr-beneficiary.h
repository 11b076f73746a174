/* hmr-beneficiary.h — a person Hamroh accompanies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "hmr-dates.h"

G_BEGIN_DECLS

/* Every field of a beneficiary record, in the order of the table.  Values
 * are kept as text (NULL when empty); the typed accessors convert. */
typedef enum
{
  HMR_BENEFICIARY_ID,
  HMR_BENEFICIARY_OFFICE_ID,
  HMR_BENEFICIARY_CASE_NUMBER,
  HMR_BENEFICIARY_FAMILY_NAME,
  HMR_BENEFICIARY_GIVEN_NAME,
  HMR_BENEFICIARY_PATRONYMIC,
  HMR_BENEFICIARY_FAMILY_NAME_LATIN,
  HMR_BENEFICIARY_GIVEN_NAME_LATIN,
  HMR_BENEFICIARY_PATRONYMIC_LATIN,
  HMR_BENEFICIARY_SEX,
  HMR_BENEFICIARY_BIRTH_DATE,
  HMR_BENEFICIARY_BIRTH_YEAR_ESTIMATED,
  HMR_BENEFICIARY_PHONE,
  HMR_BENEFICIARY_PHONE_ALT,
  HMR_BENEFICIARY_DISTRICT,
  HMR_BENEFICIARY_JAMOAT,
  HMR_BENEFICIARY_VILLAGE,
  HMR_BENEFICIARY_HOUSEHOLD_SIZE,
  HMR_BENEFICIARY_CATEGORY,
  HMR_BENEFICIARY_DISABILITY,
  HMR_BENEFICIARY_DISABILITY_REGISTERED,
  HMR_BENEFICIARY_HEALTH_PROBLEMS,
  HMR_BENEFICIARY_DISTRESS_SCREENING,
  HMR_BENEFICIARY_VULNERABILITY_FLAGS,
  HMR_BENEFICIARY_RISK_LEVEL,
  HMR_BENEFICIARY_CONSENT_DATE,
  HMR_BENEFICIARY_CONSENT_SERVICES,
  HMR_BENEFICIARY_CONSENT_SHARING,
  HMR_BENEFICIARY_CONSENT_REPORTING,
  HMR_BENEFICIARY_DUPLICATE_OF,
  HMR_BENEFICIARY_CREATED_AT,
  HMR_BENEFICIARY_CREATED_BY,
  HMR_BENEFICIARY_UPDATED_AT,
  HMR_BENEFICIARY_UPDATED_BY,
  HMR_BENEFICIARY_DELETED_AT,
  HMR_BENEFICIARY_VERSION,
  HMR_BENEFICIARY_N_COLUMNS,
  /* read-only values joined from the case file */
  HMR_BENEFICIARY_CASE_STAGE = HMR_BENEFICIARY_N_COLUMNS,
  HMR_BENEFICIARY_CASEWORKER,
  HMR_BENEFICIARY_LAST_CONTACT,         /* the newest follow-up done, ISO date */
  HMR_BENEFICIARY_N_FIELDS
} HmrBeneficiaryField;

typedef enum
{
  HMR_FIELD_TEXT,
  HMR_FIELD_INT,
  HMR_FIELD_BOOL,
  HMR_FIELD_DATE,
} HmrFieldType;

/* One validation problem: the field it concerns and a message that names
 * it, ready to show beside the field. */
typedef struct
{
  HmrBeneficiaryField  field;
  char                *message;
} HmrFieldProblem;

void hmr_field_problem_free (HmrFieldProblem *problem);

#define HMR_TYPE_BENEFICIARY (hmr_beneficiary_get_type ())
G_DECLARE_FINAL_TYPE (HmrBeneficiary, hmr_beneficiary, HMR, BENEFICIARY, GObject)

HmrBeneficiary *hmr_beneficiary_new            (void);
HmrBeneficiary *hmr_beneficiary_copy           (HmrBeneficiary      *self);

const char     *hmr_beneficiary_get            (HmrBeneficiary      *self,
                                                HmrBeneficiaryField  field);
void            hmr_beneficiary_set            (HmrBeneficiary      *self,
                                                HmrBeneficiaryField  field,
                                                const char          *value);
gint64          hmr_beneficiary_get_int        (HmrBeneficiary      *self,
                                                HmrBeneficiaryField  field,
                                                gint64               fallback);
void            hmr_beneficiary_set_int        (HmrBeneficiary      *self,
                                                HmrBeneficiaryField  field,
                                                gint64               value);
gboolean        hmr_beneficiary_get_bool       (HmrBeneficiary      *self,
                                                HmrBeneficiaryField  field);
void            hmr_beneficiary_set_bool       (HmrBeneficiary      *self,
                                                HmrBeneficiaryField  field,
                                                gboolean             value);
gint64          hmr_beneficiary_get_rowid      (HmrBeneficiary      *self);
void            hmr_beneficiary_set_rowid      (HmrBeneficiary      *self,
                                                gint64               rowid);

char           *hmr_beneficiary_dup_full_name  (HmrBeneficiary      *self);
char           *hmr_beneficiary_dup_latin_name (HmrBeneficiary      *self);
gboolean        hmr_beneficiary_is_archived    (HmrBeneficiary      *self);

const char     *hmr_beneficiary_field_get_column (HmrBeneficiaryField field);
const char     *hmr_beneficiary_field_get_label  (HmrBeneficiaryField field);
HmrFieldType    hmr_beneficiary_field_get_type   (HmrBeneficiaryField field);
gboolean        hmr_beneficiary_field_is_user_editable (HmrBeneficiaryField field);
gboolean        hmr_beneficiary_field_is_identity (HmrBeneficiaryField field);

GPtrArray      *hmr_beneficiary_validate       (HmrBeneficiary      *self,
                                                GDate               *today);

/* Labels of coded values, translated */
const char     *hmr_category_get_label         (const char *code);
const char     *hmr_sex_get_label              (const char *code);
const char     *hmr_risk_get_label             (const char *code);
const char     *hmr_stage_get_label            (const char *code);
const char * const *hmr_category_codes         (void);
const char * const *hmr_risk_codes             (void);

/* Input helpers shared by the form, the CLI and imports */
char           *hmr_normalize_phone            (const char *text);

G_END_DECLS
