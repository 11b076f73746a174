/* hmr-import-mapping.c — which column holds which field
 *
 * Headers are compared by their spelling-independent key (hmr_name_key,
 * spaces and punctuation dropped), so "Ф.И.О.", "ФИО" and "fio" are one
 * header, as are "Ҷинс" and "Jins".  Each field lists the headers offices
 * write for it in Tajik, Russian and English, abbreviations included.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hmr-import-private.h"
#include "hmr-name-key.h"

struct _HmrImportMapping
{
  GArray *fields;   /* HmrImportField per column */
};

typedef struct
{
  const char         *key;
  const char         *label;
  const char * const  headers[24];
} FieldInfo;

static const FieldInfo fields[HMR_IMPORT_N_FIELDS] = {
  [HMR_IMPORT_FIELD_NONE] = { "none", N_("(not imported)"), { NULL } },
  [HMR_IMPORT_FIELD_FULL_NAME] = { "full_name", N_("Full name (family, given, patronymic)"),
    { "ФИО", "Ф.И.О.", "Фамилия Имя Отчество", "Фамилия, имя, отчество", "Ному насаб",
      "Насаб ва ном", "Ному насаби пурра", "Full name", "Name", "Ном ва насаб", "Ф.И.О",
      "Полное имя", "Имя и фамилия", NULL } },
  [HMR_IMPORT_FIELD_FAMILY_NAME] = { "family_name", N_("Family name"),
    { "Фамилия", "Насаб", "Фам.", "Family name", "Surname", "Last name", "Familiya", "Nasab",
      NULL } },
  [HMR_IMPORT_FIELD_GIVEN_NAME] = { "given_name", N_("Given name"),
    { "Имя", "Ном", "Given name", "First name", "Forename", "Ism", "Nom", NULL } },
  [HMR_IMPORT_FIELD_PATRONYMIC] = { "patronymic", N_("Patronymic"),
    { "Отчество", "Номи падар", "Отч.", "Patronymic", "Middle name", "Father's name",
      "Father name", "Otchestvo", "Nomi padar", NULL } },
  [HMR_IMPORT_FIELD_FULL_NAME_LATIN] = { "full_name_latin", N_("Full name (passport, Latin)"),
    { "ФИО (лат.)", "ФИО латиницей", "Ному насаб (лотинӣ)", "Full name (Latin)",
      "Name (Latin)", "Name in passport", "Full name (passport)", "Name (passport)", NULL } },
  [HMR_IMPORT_FIELD_FAMILY_NAME_LATIN] = { "family_name_latin", N_("Family name (passport, Latin)"),
    { "Фамилия (лат.)", "Фамилия латиницей", "Насаб (лотинӣ)", "Surname (Latin)",
      "Surname (passport)", "Family name (Latin)", "Family name (passport)",
      "Last name (Latin)", NULL } },
  [HMR_IMPORT_FIELD_GIVEN_NAME_LATIN] = { "given_name_latin", N_("Given name (passport, Latin)"),
    { "Имя (лат.)", "Имя латиницей", "Ном (лотинӣ)", "Given name (Latin)",
      "Given name (passport)", "First name (Latin)", "First name (passport)", NULL } },
  [HMR_IMPORT_FIELD_PATRONYMIC_LATIN] = { "patronymic_latin", N_("Patronymic (passport, Latin)"),
    { "Отчество (лат.)", "Номи падар (лотинӣ)", "Patronymic (Latin)", "Patronymic (passport)",
      "Middle name (Latin)", NULL } },
  [HMR_IMPORT_FIELD_SEX] = { "sex", N_("Sex"),
    { "Пол", "Ҷинс", "Джинс", "Sex", "Gender", "М/Ж", "Мард/Зан", "M/F", "Jins", NULL } },
  [HMR_IMPORT_FIELD_BIRTH_DATE] = { "birth_date", N_("Date of birth"),
    { "Дата рождения", "Дата рожд.", "Д.р.", "ДР", "Д/р", "Санаи таваллуд", "Таваллуд",
      "Date of birth", "Birth date", "DOB", "D.O.B.", "Birthday", "Born", "Дата рожд",
      "Sanai tavallud", NULL } },
  [HMR_IMPORT_FIELD_BIRTH_YEAR] = { "birth_year", N_("Year of birth"),
    { "Год рождения", "Г.р.", "Год рожд.", "Соли таваллуд", "Year of birth", "Birth year",
      "YOB", "Year", "Год", "Сол", "Soli tavallud", NULL } },
  [HMR_IMPORT_FIELD_PHONE] = { "phone", N_("Phone"),
    { "Телефон", "Тел.", "Тел", "Номер телефона", "Рақами телефон", "Телефон 1", "Phone",
      "Phone number", "Mobile", "Tel", "Tel.", "Contact", "Контакт", "Моб.", "Мобильный",
      NULL } },
  [HMR_IMPORT_FIELD_PHONE_ALT] = { "phone_alt", N_("Second phone"),
    { "Телефон 2", "Тел. 2", "Доп. телефон", "Дополнительный телефон", "Телефони иловагӣ",
      "Phone 2", "Second phone", "Other phone", "Alternative phone", NULL } },
  [HMR_IMPORT_FIELD_DISTRICT] = { "district", N_("District"),
    { "Район", "Ноҳия", "Нохия", "District", "Rayon", "Nohiya", "Р-н", "Город/район",
      "Шаҳр/ноҳия", NULL } },
  [HMR_IMPORT_FIELD_JAMOAT] = { "jamoat", N_("Jamoat"),
    { "Джамоат", "Ҷамоат", "Jamoat", "Ҷ/ш", "Джамоат/поселок", "Community", NULL } },
  [HMR_IMPORT_FIELD_VILLAGE] = { "village", N_("Village"),
    { "Село", "Кишлак", "Деҳа", "Деха", "Qishloq", "Village", "Dehа", "Населенный пункт",
      "Адрес", "Суроға", "Address", NULL } },
  [HMR_IMPORT_FIELD_HOUSEHOLD_SIZE] = { "household_size", N_("Household size"),
    { "Члены семьи", "Кол-во членов семьи", "Количество членов семьи", "Состав семьи",
      "Аъзои оила", "Шумораи аъзои оила", "Household size", "Household", "Family size",
      "HH size", NULL } },
  [HMR_IMPORT_FIELD_CATEGORY] = { "category", N_("Category"),
    { "Категория", "Категория бенефициара", "Гурӯҳ", "Тоифа", "Category", "Type",
      "Beneficiary type", "Статус", "Status", NULL } },
  [HMR_IMPORT_FIELD_DISABILITY] = { "disability", N_("Disability"),
    { "Инвалидность", "ОВЗ", "Маъюбӣ", "Маъюбият", "Disability", "Disabled", "PWD", NULL } },
  [HMR_IMPORT_FIELD_DISABILITY_REGISTERED] = { "disability_registered", N_("Disability officially registered"),
    { "Инвалидность оформлена", "Группа инвалидности", "Маъюбӣ расман", "Disability registered",
      "Registered disability", NULL } },
  [HMR_IMPORT_FIELD_HEALTH_PROBLEMS] = { "health_problems", N_("Health problems"),
    { "Проблемы со здоровьем", "Здоровье", "Саломатӣ", "Мушкилоти саломатӣ", "Health",
      "Health problems", NULL } },
  [HMR_IMPORT_FIELD_RISK_LEVEL] = { "risk_level", N_("Risk level"),
    { "Риск", "Уровень риска", "Хатар", "Дараҷаи хатар", "Risk", "Risk level", NULL } },
  [HMR_IMPORT_FIELD_CONSENT_DATE] = { "consent_date", N_("Consent date"),
    { "Дата согласия", "Санаи розигӣ", "Consent date", "Date of consent", NULL } },
  [HMR_IMPORT_FIELD_CONSENT_SERVICES] = { "consent_services", N_("Consent to services"),
    { "Согласие", "Согласие на услуги", "Розигӣ", "Consent", "Consent to services", NULL } },
  [HMR_IMPORT_FIELD_CONSENT_SHARING] = { "consent_sharing", N_("Consent to share with other organisations"),
    { "Согласие на передачу данных", "Consent to share", "Sharing consent", NULL } },
  [HMR_IMPORT_FIELD_CONSENT_REPORTING] = { "consent_reporting", N_("Consent to anonymous reporting"),
    { "Согласие на отчетность", "Consent to reporting", "Reporting consent", NULL } },
};

const char *
hmr_import_field_get_label (HmrImportField field)
{
  g_return_val_if_fail (field < HMR_IMPORT_N_FIELDS, NULL);
  return _(fields[field].label);
}

const char *
hmr_import_field_get_key (HmrImportField field)
{
  g_return_val_if_fail (field < HMR_IMPORT_N_FIELDS, NULL);
  return fields[field].key;
}

HmrImportField
hmr_import_field_from_key (const char *key)
{
  for (guint i = 0; i < HMR_IMPORT_N_FIELDS; i++)
    if (g_strcmp0 (fields[i].key, key) == 0)
      return i;
  return HMR_IMPORT_FIELD_NONE;
}

/* The header's key: its letters in one Latin spelling, nothing else */
static char *
header_key (const char *header)
{
  g_autofree char *key = hmr_name_key (header ? header : "");
  GString *out = g_string_new (NULL);

  for (const char *p = key; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

static GHashTable *
synonyms (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint f = 1; f < HMR_IMPORT_N_FIELDS; f++)
        {
          g_hash_table_insert (t, header_key (fields[f].key), GUINT_TO_POINTER (f));
          for (guint i = 0; fields[f].headers[i] != NULL; i++)
            {
              char *k = header_key (fields[f].headers[i]);
              if (k[0] == '\0' || g_hash_table_contains (t, k))
                g_free (k);
              else
                g_hash_table_insert (t, k, GUINT_TO_POINTER (f));
            }
        }
      g_once_init_leave (&table, t);
    }
  return table;
}

static HmrImportField
guess_field (const char *header)
{
  g_autofree char *key = header_key (header);
  gpointer f;

  if (key[0] == '\0')
    return HMR_IMPORT_FIELD_NONE;
  if (g_hash_table_lookup_extended (synonyms (), key, NULL, &f))
    return GPOINTER_TO_UINT (f);
  /* A header that begins like a known one: "Телефон (моб.)", "Дата рождения (дд.мм.гггг)" */
  {
    GHashTableIter iter;
    gpointer k;
    gsize best = 0;
    HmrImportField found = HMR_IMPORT_FIELD_NONE;

    g_hash_table_iter_init (&iter, synonyms ());
    while (g_hash_table_iter_next (&iter, &k, &f))
      {
        gsize len = strlen (k);
        if (len >= 4 && len > best && g_str_has_prefix (key, k))
          {
            best = len;
            found = GPOINTER_TO_UINT (f);
          }
      }
    return found;
  }
}

/**
 * hmr_import_mapping_propose:
 * @headers: (element-type utf8): the file's header row
 *
 * Each column's field guessed from its header; a field goes to the first
 * column that names it, later ones are left out.
 */
HmrImportMapping *
hmr_import_mapping_propose (GPtrArray *headers)
{
  HmrImportMapping *self = g_new0 (HmrImportMapping, 1);
  gboolean taken[HMR_IMPORT_N_FIELDS] = { FALSE };

  self->fields = g_array_sized_new (FALSE, TRUE, sizeof (HmrImportField), headers->len);
  for (guint i = 0; i < headers->len; i++)
    {
      HmrImportField f = guess_field (g_ptr_array_index (headers, i));

      /* A second phone column is the second phone */
      if (f == HMR_IMPORT_FIELD_PHONE && taken[f])
        f = HMR_IMPORT_FIELD_PHONE_ALT;
      if (f != HMR_IMPORT_FIELD_NONE && taken[f])
        f = HMR_IMPORT_FIELD_NONE;
      taken[f] = TRUE;
      g_array_append_val (self->fields, f);
    }
  return self;
}

HmrImportMapping *
hmr_import_mapping_copy (HmrImportMapping *self)
{
  HmrImportMapping *copy = g_new0 (HmrImportMapping, 1);

  copy->fields = g_array_copy (self->fields);
  return copy;
}

void
hmr_import_mapping_free (HmrImportMapping *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->fields);
  g_free (self);
}

guint
hmr_import_mapping_get_n_columns (HmrImportMapping *self)
{
  return self->fields->len;
}

HmrImportField
hmr_import_mapping_get (HmrImportMapping *self,
                        guint             column)
{
  if (column >= self->fields->len)
    return HMR_IMPORT_FIELD_NONE;
  return g_array_index (self->fields, HmrImportField, column);
}

void
hmr_import_mapping_set (HmrImportMapping *self,
                        guint             column,
                        HmrImportField    field)
{
  g_return_if_fail (field < HMR_IMPORT_N_FIELDS);

  while (self->fields->len <= column)
    {
      HmrImportField none = HMR_IMPORT_FIELD_NONE;
      g_array_append_val (self->fields, none);
    }
  g_array_index (self->fields, HmrImportField, column) = field;
}

/* "family_name,given_name,none,…": one key per column */
char *
hmr_import_mapping_to_string (HmrImportMapping *self)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < self->fields->len; i++)
    {
      if (i > 0)
        g_string_append_c (s, ',');
      g_string_append (s, fields[g_array_index (self->fields, HmrImportField, i)].key);
    }
  return g_string_free (s, FALSE);
}

HmrImportMapping *
hmr_import_mapping_from_string (const char *text,
                                guint       n_columns)
{
  g_auto(GStrv) keys = g_strsplit (text ? text : "", ",", -1);
  HmrImportMapping *self = g_new0 (HmrImportMapping, 1);

  self->fields = g_array_new (FALSE, TRUE, sizeof (HmrImportField));
  for (guint i = 0; i < n_columns; i++)
    {
      HmrImportField f = (i < g_strv_length (keys)) ? hmr_import_field_from_key (keys[i])
                                                    : HMR_IMPORT_FIELD_NONE;
      g_array_append_val (self->fields, f);
    }
  return self;
}

/* One key for a set of headers (their order counts) */
char *
hmr_import_headers_key (GPtrArray *headers)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; i < headers->len; i++)
    {
      g_autofree char *k = header_key (g_ptr_array_index (headers, i));
      g_checksum_update (sum, (const guchar *) k, strlen (k));
      g_checksum_update (sum, (const guchar *) "\t", 1);
    }
  return g_strdup (g_checksum_get_string (sum));
}

/**
 * hmr_import_mapping_check:
 *
 * The fields every record needs must each have a column: the names, the
 * sex, the date or year of birth, the district.  (The category may
 * have none: every row then says it is missing.)
 */
gboolean
hmr_import_mapping_check (HmrImportMapping  *self,
                          GError           **error)
{
  gboolean has[HMR_IMPORT_N_FIELDS] = { FALSE };
  GString *missing = g_string_new (NULL);

  for (guint i = 0; i < self->fields->len; i++)
    has[g_array_index (self->fields, HmrImportField, i)] = TRUE;

#define NEED(cond, field) \
  if (!(cond)) \
    g_string_append_printf (missing, "%s%s", missing->len ? ", " : "", hmr_import_field_get_label (field))
  NEED (has[HMR_IMPORT_FIELD_FAMILY_NAME] || has[HMR_IMPORT_FIELD_FULL_NAME], HMR_IMPORT_FIELD_FAMILY_NAME);
  NEED (has[HMR_IMPORT_FIELD_GIVEN_NAME] || has[HMR_IMPORT_FIELD_FULL_NAME], HMR_IMPORT_FIELD_GIVEN_NAME);
  NEED (has[HMR_IMPORT_FIELD_SEX], HMR_IMPORT_FIELD_SEX);
  NEED (has[HMR_IMPORT_FIELD_BIRTH_DATE] || has[HMR_IMPORT_FIELD_BIRTH_YEAR], HMR_IMPORT_FIELD_BIRTH_DATE);
  NEED (has[HMR_IMPORT_FIELD_DISTRICT], HMR_IMPORT_FIELD_DISTRICT);
#undef NEED

  if (missing->len > 0)
    {
      g_set_error (error, HMR_IMPORT_ERROR, HMR_IMPORT_ERROR_MAPPING,
                   _("No column is chosen for: %s. Choose the column that holds each."), missing->str);
      g_string_free (missing, TRUE);
      return FALSE;
    }
  g_string_free (missing, TRUE);
  return TRUE;
}
