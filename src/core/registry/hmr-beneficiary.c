/* hmr-beneficiary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hmr-beneficiary.h"
#include "hmr-text.h"

#define MAX_NAME_CHARS 100
#define MAX_TEXT_CHARS 2000

struct _HmrBeneficiary
{
  GObject  parent_instance;
  gint64   rowid;
  char    *values[HMR_BENEFICIARY_N_FIELDS];
};

G_DEFINE_FINAL_TYPE (HmrBeneficiary, hmr_beneficiary, G_TYPE_OBJECT)

typedef struct
{
  const char   *column;
  HmrFieldType  type;
  gboolean      editable;
} FieldInfo;

static const FieldInfo fields[HMR_BENEFICIARY_N_FIELDS] = {
  [HMR_BENEFICIARY_ID]                    = { "id", HMR_FIELD_TEXT, FALSE },
  [HMR_BENEFICIARY_OFFICE_ID]             = { "office_id", HMR_FIELD_TEXT, FALSE },
  [HMR_BENEFICIARY_CASE_NUMBER]           = { "case_number", HMR_FIELD_TEXT, FALSE },
  [HMR_BENEFICIARY_FAMILY_NAME]           = { "family_name", HMR_FIELD_TEXT, TRUE },
  [HMR_BENEFICIARY_GIVEN_NAME]            = { "given_name", HMR_FIELD_TEXT, TRUE },
  [HMR_BENEFICIARY_PATRONYMIC]            = { "patronymic", HMR_FIELD_TEXT, TRUE },
  [HMR_BENEFICIARY_FAMILY_NAME_LATIN]     = { "family_name_latin", HMR_FIELD_TEXT, TRUE },
  [HMR_BENEFICIARY_GIVEN_NAME_LATIN]      = { "given_name_latin", HMR_FIELD_TEXT, TRUE },
  [HMR_BENEFICIARY_PATRONYMIC_LATIN]      = { "patronymic_latin", HMR_FIELD_TEXT, TRUE },
  [HMR_BENEFICIARY_SEX]                   = { "sex", HMR_FIELD_TEXT, TRUE },
  [HMR_BENEFICIARY_BIRTH_DATE]            = { "birth_date", HMR_FIELD_DATE, TRUE },
  [HMR_BENEFICIARY_BIRTH_YEAR_ESTIMATED]  = { "birth_year_estimated", HMR_FIELD_INT, TRUE },
  [HMR_BENEFICIARY_PHONE]                 = { "phone", HMR_FIELD_TEXT, TRUE },
  [HMR_BENEFICIARY_PHONE_ALT]             = { "phone_alt", HMR_FIELD_TEXT, TRUE },
  [HMR_BENEFICIARY_DISTRICT]              = { "district", HMR_FIELD_TEXT, TRUE },
  [HMR_BENEFICIARY_JAMOAT]                = { "jamoat", HMR_FIELD_TEXT, TRUE },
  [HMR_BENEFICIARY_VILLAGE]               = { "village", HMR_FIELD_TEXT, TRUE },
  [HMR_BENEFICIARY_HOUSEHOLD_SIZE]        = { "household_size", HMR_FIELD_INT, TRUE },
  [HMR_BENEFICIARY_CATEGORY]              = { "category", HMR_FIELD_TEXT, TRUE },
  [HMR_BENEFICIARY_DISABILITY]            = { "disability", HMR_FIELD_BOOL, TRUE },
  [HMR_BENEFICIARY_DISABILITY_REGISTERED] = { "disability_registered", HMR_FIELD_BOOL, TRUE },
  [HMR_BENEFICIARY_HEALTH_PROBLEMS]       = { "health_problems", HMR_FIELD_TEXT, TRUE },
  [HMR_BENEFICIARY_DISTRESS_SCREENING]    = { "distress_screening", HMR_FIELD_TEXT, TRUE },
  [HMR_BENEFICIARY_VULNERABILITY_FLAGS]   = { "vulnerability_flags", HMR_FIELD_TEXT, TRUE },
  [HMR_BENEFICIARY_RISK_LEVEL]            = { "risk_level", HMR_FIELD_TEXT, TRUE },
  [HMR_BENEFICIARY_CONSENT_DATE]          = { "consent_date", HMR_FIELD_DATE, TRUE },
  [HMR_BENEFICIARY_CONSENT_SERVICES]      = { "consent_services", HMR_FIELD_BOOL, TRUE },
  [HMR_BENEFICIARY_CONSENT_SHARING]       = { "consent_sharing", HMR_FIELD_BOOL, TRUE },
  [HMR_BENEFICIARY_CONSENT_REPORTING]     = { "consent_reporting", HMR_FIELD_BOOL, TRUE },
  [HMR_BENEFICIARY_DUPLICATE_OF]          = { "duplicate_of", HMR_FIELD_TEXT, FALSE },
  [HMR_BENEFICIARY_CREATED_AT]            = { "created_at", HMR_FIELD_TEXT, FALSE },
  [HMR_BENEFICIARY_CREATED_BY]            = { "created_by", HMR_FIELD_TEXT, FALSE },
  [HMR_BENEFICIARY_UPDATED_AT]            = { "updated_at", HMR_FIELD_TEXT, FALSE },
  [HMR_BENEFICIARY_UPDATED_BY]            = { "updated_by", HMR_FIELD_TEXT, FALSE },
  [HMR_BENEFICIARY_DELETED_AT]            = { "deleted_at", HMR_FIELD_TEXT, FALSE },
  [HMR_BENEFICIARY_VERSION]               = { "version", HMR_FIELD_INT, FALSE },
  [HMR_BENEFICIARY_CASE_STAGE]            = { NULL, HMR_FIELD_TEXT, FALSE },
  [HMR_BENEFICIARY_CASEWORKER]            = { NULL, HMR_FIELD_TEXT, FALSE },
  [HMR_BENEFICIARY_LAST_CONTACT]          = { NULL, HMR_FIELD_DATE, FALSE },
};

static void
hmr_beneficiary_finalize (GObject *object)
{
  HmrBeneficiary *self = HMR_BENEFICIARY (object);

  for (guint i = 0; i < HMR_BENEFICIARY_N_FIELDS; i++)
    g_free (self->values[i]);

  G_OBJECT_CLASS (hmr_beneficiary_parent_class)->finalize (object);
}

static void
hmr_beneficiary_class_init (HmrBeneficiaryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hmr_beneficiary_finalize;
}

static void
hmr_beneficiary_init (HmrBeneficiary *self)
{
}

HmrBeneficiary *
hmr_beneficiary_new (void)
{
  return g_object_new (HMR_TYPE_BENEFICIARY, NULL);
}

HmrBeneficiary *
hmr_beneficiary_copy (HmrBeneficiary *self)
{
  HmrBeneficiary *copy;

  g_return_val_if_fail (HMR_IS_BENEFICIARY (self), NULL);

  copy = hmr_beneficiary_new ();
  copy->rowid = self->rowid;
  for (guint i = 0; i < HMR_BENEFICIARY_N_FIELDS; i++)
    copy->values[i] = g_strdup (self->values[i]);
  return copy;
}

const char *
hmr_beneficiary_get (HmrBeneficiary      *self,
                     HmrBeneficiaryField  field)
{
  g_return_val_if_fail (HMR_IS_BENEFICIARY (self), NULL);
  g_return_val_if_fail (field < HMR_BENEFICIARY_N_FIELDS, NULL);
  return self->values[field];
}

void
hmr_beneficiary_set (HmrBeneficiary      *self,
                     HmrBeneficiaryField  field,
                     const char          *value)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (HMR_IS_BENEFICIARY (self));
  g_return_if_fail (field < HMR_BENEFICIARY_N_FIELDS);

  if (value != NULL)
    {
      stripped = g_strstrip (g_strdup (value));
      if (stripped[0] == '\0')
        g_clear_pointer (&stripped, g_free);
    }
  g_free (self->values[field]);
  self->values[field] = g_steal_pointer (&stripped);
}

gint64
hmr_beneficiary_get_int (HmrBeneficiary      *self,
                         HmrBeneficiaryField  field,
                         gint64               fallback)
{
  const char *v = hmr_beneficiary_get (self, field);
  gint64 out;

  if (v == NULL || !g_ascii_string_to_signed (v, 10, G_MININT64, G_MAXINT64, &out, NULL))
    return fallback;
  return out;
}

void
hmr_beneficiary_set_int (HmrBeneficiary      *self,
                         HmrBeneficiaryField  field,
                         gint64               value)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
  hmr_beneficiary_set (self, field, buf);
}

gboolean
hmr_beneficiary_get_bool (HmrBeneficiary      *self,
                          HmrBeneficiaryField  field)
{
  return hmr_beneficiary_get_int (self, field, 0) != 0;
}

void
hmr_beneficiary_set_bool (HmrBeneficiary      *self,
                          HmrBeneficiaryField  field,
                          gboolean             value)
{
  hmr_beneficiary_set (self, field, value ? "1" : "0");
}

gint64
hmr_beneficiary_get_rowid (HmrBeneficiary *self)
{
  g_return_val_if_fail (HMR_IS_BENEFICIARY (self), 0);
  return self->rowid;
}

void
hmr_beneficiary_set_rowid (HmrBeneficiary *self,
                           gint64          rowid)
{
  g_return_if_fail (HMR_IS_BENEFICIARY (self));
  self->rowid = rowid;
}

static char *
join_names (const char *a,
            const char *b,
            const char *c)
{
  GString *s = g_string_new (NULL);
  const char *parts[] = { a, b, c };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL || parts[i][0] == '\0')
        continue;
      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, parts[i]);
    }
  return g_string_free (s, FALSE);
}

char *
hmr_beneficiary_dup_full_name (HmrBeneficiary *self)
{
  g_return_val_if_fail (HMR_IS_BENEFICIARY (self), NULL);
  return join_names (self->values[HMR_BENEFICIARY_FAMILY_NAME],
                     self->values[HMR_BENEFICIARY_GIVEN_NAME],
                     self->values[HMR_BENEFICIARY_PATRONYMIC]);
}

char *
hmr_beneficiary_dup_latin_name (HmrBeneficiary *self)
{
  g_return_val_if_fail (HMR_IS_BENEFICIARY (self), NULL);
  return join_names (self->values[HMR_BENEFICIARY_FAMILY_NAME_LATIN],
                     self->values[HMR_BENEFICIARY_GIVEN_NAME_LATIN],
                     self->values[HMR_BENEFICIARY_PATRONYMIC_LATIN]);
}

gboolean
hmr_beneficiary_is_archived (HmrBeneficiary *self)
{
  g_return_val_if_fail (HMR_IS_BENEFICIARY (self), FALSE);
  return self->values[HMR_BENEFICIARY_DELETED_AT] != NULL;
}

const char *
hmr_beneficiary_field_get_column (HmrBeneficiaryField field)
{
  g_return_val_if_fail (field < HMR_BENEFICIARY_N_FIELDS, NULL);
  return fields[field].column;
}

HmrFieldType
hmr_beneficiary_field_get_type (HmrBeneficiaryField field)
{
  g_return_val_if_fail (field < HMR_BENEFICIARY_N_FIELDS, HMR_FIELD_TEXT);
  return fields[field].type;
}

gboolean
hmr_beneficiary_field_is_user_editable (HmrBeneficiaryField field)
{
  g_return_val_if_fail (field < HMR_BENEFICIARY_N_FIELDS, FALSE);
  return fields[field].editable;
}

/**
 * hmr_beneficiary_field_is_identity:
 *
 * Whether @field is part of the identity a finance officer may read
 * (DESIGN §6): the store blanks every other field for them, and the
 * window shows only these.
 */
gboolean
hmr_beneficiary_field_is_identity (HmrBeneficiaryField field)
{
  switch (field)
    {
    case HMR_BENEFICIARY_ID:
    case HMR_BENEFICIARY_OFFICE_ID:
    case HMR_BENEFICIARY_CASE_NUMBER:
    case HMR_BENEFICIARY_FAMILY_NAME:
    case HMR_BENEFICIARY_GIVEN_NAME:
    case HMR_BENEFICIARY_PATRONYMIC:
    case HMR_BENEFICIARY_FAMILY_NAME_LATIN:
    case HMR_BENEFICIARY_GIVEN_NAME_LATIN:
    case HMR_BENEFICIARY_PATRONYMIC_LATIN:
    case HMR_BENEFICIARY_DISTRICT:
    case HMR_BENEFICIARY_DELETED_AT:
    case HMR_BENEFICIARY_VERSION:
      return TRUE;
    default:
      return FALSE;
    }
}

const char *
hmr_beneficiary_field_get_label (HmrBeneficiaryField field)
{
  switch (field)
    {
    case HMR_BENEFICIARY_ID: return _("Identifier");
    case HMR_BENEFICIARY_OFFICE_ID: return _("Office");
    case HMR_BENEFICIARY_CASE_NUMBER: return _("Case number");
    case HMR_BENEFICIARY_FAMILY_NAME: return _("Family name");
    case HMR_BENEFICIARY_GIVEN_NAME: return _("Given name");
    case HMR_BENEFICIARY_PATRONYMIC: return _("Patronymic");
    case HMR_BENEFICIARY_FAMILY_NAME_LATIN: return _("Family name (passport, Latin)");
    case HMR_BENEFICIARY_GIVEN_NAME_LATIN: return _("Given name (passport, Latin)");
    case HMR_BENEFICIARY_PATRONYMIC_LATIN: return _("Patronymic (passport, Latin)");
    case HMR_BENEFICIARY_SEX: return _("Sex");
    case HMR_BENEFICIARY_BIRTH_DATE: return _("Date of birth");
    case HMR_BENEFICIARY_BIRTH_YEAR_ESTIMATED: return _("Estimated year of birth");
    case HMR_BENEFICIARY_PHONE: return _("Phone");
    case HMR_BENEFICIARY_PHONE_ALT: return _("Second phone");
    case HMR_BENEFICIARY_DISTRICT: return _("District");
    case HMR_BENEFICIARY_JAMOAT: return _("Jamoat");
    case HMR_BENEFICIARY_VILLAGE: return _("Village");
    case HMR_BENEFICIARY_HOUSEHOLD_SIZE: return _("Household size");
    case HMR_BENEFICIARY_CATEGORY: return _("Category");
    case HMR_BENEFICIARY_DISABILITY: return _("Disability");
    case HMR_BENEFICIARY_DISABILITY_REGISTERED: return _("Disability officially registered");
    case HMR_BENEFICIARY_HEALTH_PROBLEMS: return _("Health problems");
    case HMR_BENEFICIARY_DISTRESS_SCREENING: return _("Distress screening");
    case HMR_BENEFICIARY_VULNERABILITY_FLAGS: return _("Vulnerabilities");
    case HMR_BENEFICIARY_RISK_LEVEL: return _("Risk level");
    case HMR_BENEFICIARY_CONSENT_DATE: return _("Consent date");
    case HMR_BENEFICIARY_CONSENT_SERVICES: return _("Consent to services");
    case HMR_BENEFICIARY_CONSENT_SHARING: return _("Consent to share with other organisations");
    case HMR_BENEFICIARY_CONSENT_REPORTING: return _("Consent to anonymous reporting");
    case HMR_BENEFICIARY_DUPLICATE_OF: return _("Duplicate of");
    case HMR_BENEFICIARY_CREATED_AT: return _("Registered");
    case HMR_BENEFICIARY_CREATED_BY: return _("Registered by");
    case HMR_BENEFICIARY_UPDATED_AT: return _("Last changed");
    case HMR_BENEFICIARY_UPDATED_BY: return _("Last changed by");
    case HMR_BENEFICIARY_DELETED_AT: return _("Archived");
    case HMR_BENEFICIARY_VERSION: return _("Version");
    case HMR_BENEFICIARY_CASE_STAGE: return _("Stage");
    case HMR_BENEFICIARY_CASEWORKER: return _("Caseworker");
    case HMR_BENEFICIARY_LAST_CONTACT: return _("Last contact");
    case HMR_BENEFICIARY_N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ---- coded values ---------------------------------------------------- */

static const char * const category_codes[] = {
  "returned_migrant", "trafficking_victim", "both", "family_member", NULL
};

static const char * const risk_codes[] = { "low", "medium", "high", NULL };

const char * const *
hmr_category_codes (void)
{
  return category_codes;
}

const char * const *
hmr_risk_codes (void)
{
  return risk_codes;
}

const char *
hmr_category_get_label (const char *code)
{
  if (g_strcmp0 (code, "returned_migrant") == 0)
    return _("Returned migrant");
  if (g_strcmp0 (code, "trafficking_victim") == 0)
    return _("Victim of trafficking");
  if (g_strcmp0 (code, "both") == 0)
    return _("Returned migrant and victim of trafficking");
  if (g_strcmp0 (code, "family_member") == 0)
    return _("Family member");
  return code ? code : "";
}

const char *
hmr_sex_get_label (const char *code)
{
  if (g_strcmp0 (code, "female") == 0)
    return _("Female");
  if (g_strcmp0 (code, "male") == 0)
    return _("Male");
  return code ? code : "";
}

const char *
hmr_risk_get_label (const char *code)
{
  if (g_strcmp0 (code, "low") == 0)
    return _("Low");
  if (g_strcmp0 (code, "medium") == 0)
    return _("Medium");
  if (g_strcmp0 (code, "high") == 0)
    return _("High");
  return code ? code : "";
}

const char *
hmr_stage_get_label (const char *code)
{
  if (g_strcmp0 (code, "new") == 0)
    return C_("case stage", "New");
  if (g_strcmp0 (code, "assessment") == 0)
    return C_("case stage", "Assessment");
  if (g_strcmp0 (code, "case_plan") == 0)
    return C_("case stage", "Case plan");
  if (g_strcmp0 (code, "services") == 0)
    return C_("case stage", "Services");
  if (g_strcmp0 (code, "closed") == 0)
    return C_("case stage", "Closed");
  if (g_strcmp0 (code, "reopened") == 0)
    return C_("case stage", "Reopened");
  if (g_strcmp0 (code, "transferred") == 0)
    return C_("case stage", "Transferred");
  if (g_strcmp0 (code, "duplicate") == 0)
    return C_("case stage", "Duplicate");
  return code ? code : "";
}

/* ---- input helpers --------------------------------------------------- */

char *
hmr_normalize_phone (const char *text)
{
  GString *digits = g_string_new (NULL);
  g_autofree char *d = NULL;
  const char *local;
  gboolean plus = FALSE;

  if (text == NULL)
    return NULL;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        g_string_append_c (digits, *p);
      else if (*p == '+' && digits->len == 0 && !plus)
        plus = TRUE;
      else if (*p == ' ' || *p == '-' || *p == '(' || *p == ')' || *p == '.')
        continue;
      else
        {
          g_string_free (digits, TRUE);
          return NULL;
        }
    }
  d = g_string_free (digits, FALSE);

  if (strlen (d) == 12 && g_str_has_prefix (d, "992"))
    local = d + 3;
  else if (!plus && strlen (d) == 9)
    local = d;
  else
    return NULL;

  return g_strdup_printf ("+992 %.2s %.3s %.4s", local, local + 2, local + 5);
}

/* ---- validation ------------------------------------------------------ */

void
hmr_field_problem_free (HmrFieldProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->message);
  g_free (problem);
}

static void
add_problem (GPtrArray           *problems,
             HmrBeneficiaryField  field,
             const char          *format,
             ...) G_GNUC_PRINTF (3, 4);

static void
add_problem (GPtrArray           *problems,
             HmrBeneficiaryField  field,
             const char          *format,
             ...)
{
  HmrFieldProblem *p = g_new0 (HmrFieldProblem, 1);
  va_list args;

  /* One problem per field: the first is the one to fix first */
  for (guint i = 0; i < problems->len; i++)
    if (((HmrFieldProblem *) g_ptr_array_index (problems, i))->field == field)
      {
        g_free (p);
        return;
      }

  p->field = field;
  va_start (args, format);
  p->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (problems, p);
}

static gboolean
is_one_of (const char         *value,
           const char * const *codes)
{
  return value != NULL && g_strv_contains (codes, value);
}

static void
check_length (HmrBeneficiary      *self,
              GPtrArray           *problems,
              HmrBeneficiaryField  field,
              glong                max_chars)
{
  const char *v = self->values[field];

  if (v == NULL)
    return;
  if (!g_utf8_validate (v, -1, NULL))
    {
      add_problem (problems, field, _("%s: the text is not valid UTF-8."),
                   hmr_beneficiary_field_get_label (field));
      return;
    }
  {
    g_autofree char *message = hmr_text_check_message (hmr_beneficiary_field_get_label (field), v,
                                                       max_chars > MAX_NAME_CHARS ? HMR_TEXT_NOTES : HMR_TEXT_LINE);
    if (message != NULL)
      {
        add_problem (problems, field, "%s", message);
        return;
      }
  }
  if (g_utf8_strlen (v, -1) > max_chars)
    add_problem (problems, field,
                 g_dngettext (GETTEXT_PACKAGE,
                              "%s is too long: at most %ld character.",
                              "%s is too long: at most %ld characters.",
                              max_chars),
                 hmr_beneficiary_field_get_label (field), max_chars);
}

static void
check_date (HmrBeneficiary      *self,
            GPtrArray           *problems,
            HmrBeneficiaryField  field,
            GDate               *today,
            GDate               *out)
{
  const char *v = self->values[field];
  GDate d;

  g_date_clear (&d, 1);
  if (v == NULL)
    return;
  if (!hmr_parse_user_date (v, &d))
    {
      add_problem (problems, field,
                   _("%s: “%s” is not a real date. Use day.month.year, for example 21.03.1990."),
                   hmr_beneficiary_field_get_label (field), v);
      return;
    }
  if (g_date_compare (&d, today) > 0)
    {
      add_problem (problems, field, _("%s cannot be in the future."),
                   hmr_beneficiary_field_get_label (field));
      return;
    }
  if (g_date_get_year (&d) < 1900)
    {
      add_problem (problems, field, _("%s is before 1900; check the year."),
                   hmr_beneficiary_field_get_label (field));
      return;
    }
  if (out)
    *out = d;
}

/**
 * hmr_beneficiary_validate:
 * @today: the date that counts as today (for "not in the future")
 *
 * Returns: (transfer full) (element-type HmrFieldProblem): the problems,
 *   each naming its field; empty when the record can be saved.
 */
GPtrArray *
hmr_beneficiary_validate (HmrBeneficiary *self,
                          GDate          *today)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_field_problem_free);
  static const char * const sexes[] = { "female", "male", NULL };
  static const char * const distress[] = { "none", "some", "great", NULL };
  static const HmrBeneficiaryField names[] = {
    HMR_BENEFICIARY_FAMILY_NAME, HMR_BENEFICIARY_GIVEN_NAME, HMR_BENEFICIARY_PATRONYMIC,
    HMR_BENEFICIARY_FAMILY_NAME_LATIN, HMR_BENEFICIARY_GIVEN_NAME_LATIN,
    HMR_BENEFICIARY_PATRONYMIC_LATIN, HMR_BENEFICIARY_DISTRICT,
    HMR_BENEFICIARY_JAMOAT, HMR_BENEFICIARY_VILLAGE,
  };
  static const HmrBeneficiaryField texts[] = {
    HMR_BENEFICIARY_HEALTH_PROBLEMS, HMR_BENEFICIARY_VULNERABILITY_FLAGS,
  };
  static const HmrBeneficiaryField phones[] = {
    HMR_BENEFICIARY_PHONE, HMR_BENEFICIARY_PHONE_ALT,
  };
  GDate birth;
  const char *v;

  g_return_val_if_fail (HMR_IS_BENEFICIARY (self), problems);
  g_return_val_if_fail (today != NULL && g_date_valid (today), problems);

  g_date_clear (&birth, 1);

  if (self->values[HMR_BENEFICIARY_FAMILY_NAME] == NULL)
    add_problem (problems, HMR_BENEFICIARY_FAMILY_NAME, _("Family name is required."));
  if (self->values[HMR_BENEFICIARY_GIVEN_NAME] == NULL)
    add_problem (problems, HMR_BENEFICIARY_GIVEN_NAME, _("Given name is required."));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    check_length (self, problems, names[i], MAX_NAME_CHARS);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    check_length (self, problems, texts[i], MAX_TEXT_CHARS);

  v = self->values[HMR_BENEFICIARY_SEX];
  if (v == NULL)
    add_problem (problems, HMR_BENEFICIARY_SEX, _("Sex is required."));
  else if (!is_one_of (v, sexes))
    add_problem (problems, HMR_BENEFICIARY_SEX, _("Sex: “%s” is not a known value."), v);

  check_date (self, problems, HMR_BENEFICIARY_BIRTH_DATE, today, &birth);

  v = self->values[HMR_BENEFICIARY_BIRTH_YEAR_ESTIMATED];
  if (v != NULL)
    {
      guint64 year;
      if (!g_ascii_string_to_unsigned (v, 10, 1900, g_date_get_year (today), &year, NULL))
        add_problem (problems, HMR_BENEFICIARY_BIRTH_YEAR_ESTIMATED,
                     _("Estimated year of birth must be a year between 1900 and %u."),
                     (guint) g_date_get_year (today));
    }
  if (self->values[HMR_BENEFICIARY_BIRTH_DATE] == NULL && v == NULL)
    add_problem (problems, HMR_BENEFICIARY_BIRTH_DATE,
                 _("Date of birth is required; if it is not known, give an estimated year of birth."));

  for (guint i = 0; i < G_N_ELEMENTS (phones); i++)
    {
      g_autofree char *normal = NULL;

      v = self->values[phones[i]];
      if (v == NULL)
        continue;
      normal = hmr_normalize_phone (v);
      if (normal == NULL)
        add_problem (problems, phones[i],
                     _("%s: “%s” is not a Tajik phone number. Write +992 and nine digits, for example +992 93 123 4567."),
                     hmr_beneficiary_field_get_label (phones[i]), v);
    }

  if (self->values[HMR_BENEFICIARY_DISTRICT] == NULL)
    add_problem (problems, HMR_BENEFICIARY_DISTRICT, _("District is required."));

  v = self->values[HMR_BENEFICIARY_HOUSEHOLD_SIZE];
  if (v != NULL)
    {
      guint64 n;
      if (!g_ascii_string_to_unsigned (v, 10, 1, 60, &n, NULL))
        add_problem (problems, HMR_BENEFICIARY_HOUSEHOLD_SIZE,
                     _("Household size must be a whole number from 1 to 60."));
    }

  v = self->values[HMR_BENEFICIARY_CATEGORY];
  if (v == NULL)
    add_problem (problems, HMR_BENEFICIARY_CATEGORY, _("Category is required."));
  else if (!is_one_of (v, category_codes))
    add_problem (problems, HMR_BENEFICIARY_CATEGORY, _("Category: “%s” is not a known value."), v);

  v = self->values[HMR_BENEFICIARY_RISK_LEVEL];
  if (v != NULL && !is_one_of (v, risk_codes))
    add_problem (problems, HMR_BENEFICIARY_RISK_LEVEL, _("Risk level: “%s” is not a known value."), v);

  v = self->values[HMR_BENEFICIARY_DISTRESS_SCREENING];
  if (v != NULL && !is_one_of (v, distress))
    add_problem (problems, HMR_BENEFICIARY_DISTRESS_SCREENING,
                 _("Distress screening: “%s” is not a known value."), v);

  if (hmr_beneficiary_get_bool (self, HMR_BENEFICIARY_DISABILITY_REGISTERED) &&
      !hmr_beneficiary_get_bool (self, HMR_BENEFICIARY_DISABILITY))
    add_problem (problems, HMR_BENEFICIARY_DISABILITY_REGISTERED,
                 _("A disability can only be registered when the person has a disability."));

  check_date (self, problems, HMR_BENEFICIARY_CONSENT_DATE, today, NULL);
  if (self->values[HMR_BENEFICIARY_CONSENT_DATE] == NULL &&
      (hmr_beneficiary_get_bool (self, HMR_BENEFICIARY_CONSENT_SERVICES) ||
       hmr_beneficiary_get_bool (self, HMR_BENEFICIARY_CONSENT_SHARING) ||
       hmr_beneficiary_get_bool (self, HMR_BENEFICIARY_CONSENT_REPORTING)))
    add_problem (problems, HMR_BENEFICIARY_CONSENT_DATE,
                 _("Consent date is required when consent is given."));

  if (g_date_valid (&birth) && self->values[HMR_BENEFICIARY_CONSENT_DATE] != NULL)
    {
      GDate consent;
      if (hmr_parse_user_date (self->values[HMR_BENEFICIARY_CONSENT_DATE], &consent) &&
          g_date_compare (&consent, &birth) < 0)
        add_problem (problems, HMR_BENEFICIARY_CONSENT_DATE,
                     _("Consent date is before the date of birth."));
    }

  return problems;
}
