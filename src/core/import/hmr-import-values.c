/* hmr-import-values.c — a cell's text as the field's value
 *
 * What offices type: dates as 05.03.1988, 1988-03-05, an Excel serial or a
 * year alone; phones with or without +992, two in one cell; districts in
 * Tajik, Russian or Latin, old names included; sex, categories and yes/no
 * in three languages.  Whatever cannot be read becomes a problem that
 * names the field and quotes the cell.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hmr-import-private.h"
#include "hmr-name-key.h"

HmrImportProblem *
hmr_import_problem_new (const char *field,
                        const char *message)
{
  HmrImportProblem *p = g_new0 (HmrImportProblem, 1);

  p->field = g_strdup (field);
  p->message = g_strdup (message);
  return p;
}

void
hmr_import_problem_free (HmrImportProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->field);
  g_free (problem->message);
  g_free (problem);
}

static void
add_problem (HmrImportRecord *rec,
             HmrImportField   field,
             const char      *format,
             ...) G_GNUC_PRINTF (3, 4);

static void
add_problem (HmrImportRecord *rec,
             HmrImportField   field,
             const char      *format,
             ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (rec->problems, hmr_import_problem_new (hmr_import_field_get_label (field), msg));
}

/* Letters and digits only, in one Latin spelling, words joined by spaces */
static char *
value_key (const char *text)
{
  return hmr_name_key (text);
}

static gboolean
key_is_one_of (const char         *key,
               const char * const *words)
{
  for (guint i = 0; words[i]; i++)
    {
      g_autofree char *k = value_key (words[i]);
      if (g_strcmp0 (key, k) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
key_has_stem (const char         *key,
              const char * const *stems)
{
  for (guint i = 0; stems[i]; i++)
    if (strstr (key, stems[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* ---- dates -------------------------------------------------------------- */

typedef enum
{
  DATE_NONE,
  DATE_DAY,
  DATE_YEAR,
  DATE_SHORT_YEAR,
} DateKind;

/* A day (ISO in @iso) or a year alone, from what offices type */
static DateKind
parse_date (const char *text,
            char        iso[11],
            guint      *year)
{
  g_autofree char *t = g_strstrip (g_strdup (text));
  char *cut;
  GDate d;
  guint a, b, c;
  char s1, s2, tail;
  guint64 n;

  /* "1988-03-05T00:00:00", "05.03.1988 0:00:00", "05.03.1988 г." */
  if ((cut = strpbrk (t, "T ")) != NULL && cut > t + 6)
    *cut = '\0';
  if (hmr_parse_user_date (t, &d))
    goto day;
  if (sscanf (t, "%2u%c%2u%c%4u%c", &a, &s1, &b, &s2, &c, &tail) == 5 && s1 == s2 &&
      (s1 == '-' || s1 == ',' || s1 == ' '))
    {
      if (c < 100)
        return DATE_SHORT_YEAR;
      if (g_date_valid_dmy (a, b, c))
        {
          g_date_set_dmy (&d, a, b, c);
          goto day;
        }
      return DATE_NONE;
    }
  if (sscanf (t, "%2u%c%2u%c%2u%c", &a, &s1, &b, &s2, &c, &tail) == 5 && s1 == s2 &&
      (s1 == '.' || s1 == '/' || s1 == '-'))
    return DATE_SHORT_YEAR;
  if (strlen (t) == 4 && g_ascii_string_to_unsigned (t, 10, 1000, 9999, &n, NULL))
    {
      *year = n;
      return DATE_YEAR;
    }
  /* An Excel serial that reached us as text (a CSV saved from Excel with
   * the column formatted as a number): 32207 is 5 March 1988 */
  {
    char *end = NULL;
    double x = g_ascii_strtod (t, &end);
    if (end != t && *end == '\0' && x >= 367 && x < 80000)
      {
        g_autofree char *s = hmr_import_excel_serial_to_iso (x, FALSE);
        if (s && hmr_parse_user_date (s, &d))
          goto day;
      }
  }
  return DATE_NONE;

day:
  g_snprintf (iso, 11, "%04u-%02u-%02u", g_date_get_year (&d), g_date_get_month (&d),
              g_date_get_day (&d));
  *year = g_date_get_year (&d);
  return DATE_DAY;
}

static void
convert_date (HmrImportRecord     *rec,
              HmrImportField       field,
              HmrBeneficiaryField  target,
              const char          *text)
{
  char iso[11];
  guint year = 0;

  switch (parse_date (text, iso, &year))
    {
    case DATE_DAY:
      hmr_beneficiary_set (rec->record, target, iso);
      return;
    case DATE_YEAR:
      if (target == HMR_BENEFICIARY_BIRTH_DATE)
        {
          hmr_beneficiary_set_int (rec->record, HMR_BENEFICIARY_BIRTH_YEAR_ESTIMATED, year);
          return;
        }
      add_problem (rec, field, _("%s: “%s” is a year; the day and month are needed too."),
                   hmr_import_field_get_label (field), text);
      return;
    case DATE_SHORT_YEAR:
      add_problem (rec, field, _("%s: “%s” has a two-digit year; write all four digits, as in 05.03.1988."),
                   hmr_import_field_get_label (field), text);
      return;
    case DATE_NONE:
    default:
      add_problem (rec, field,
                   _("%s: “%s” is not a date. Write it as 05.03.1988 or 1988-03-05, or the year alone if only the year is known."),
                   hmr_import_field_get_label (field), text);
    }
}

/* ---- names -------------------------------------------------------------- */

static void
split_full_name (HmrImportRecord     *rec,
                 HmrImportField       field,
                 const char          *text,
                 HmrBeneficiaryField  family,
                 HmrBeneficiaryField  given,
                 HmrBeneficiaryField  patronymic)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n\r", -1);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  for (guint i = 0; words[i]; i++)
    if (words[i][0] != '\0')
      g_ptr_array_add (parts, words[i]);
  if (parts->len < 2)
    {
      add_problem (rec, field, _("%s: “%s” is one word; the family name and the given name are both needed."),
                   hmr_import_field_get_label (field), text);
      return;
    }
  if (hmr_beneficiary_get (rec->record, family) == NULL)
    hmr_beneficiary_set (rec->record, family, g_ptr_array_index (parts, 0));
  if (hmr_beneficiary_get (rec->record, given) == NULL)
    hmr_beneficiary_set (rec->record, given, g_ptr_array_index (parts, 1));
  if (parts->len > 2 && hmr_beneficiary_get (rec->record, patronymic) == NULL)
    {
      g_ptr_array_add (parts, NULL);
      {
        g_autofree char *rest = g_strjoinv (" ", (char **) parts->pdata + 2);
        hmr_beneficiary_set (rec->record, patronymic, rest);
      }
    }
}

/* ---- coded values ------------------------------------------------------- */

static const char *
match_sex (const char *key)
{
  static const char * const male[] = { "м", "муж", "мужской", "мужчина", "мард", "m", "male", "man",
                                       "эр", "mard", "муж.", NULL };
  static const char * const female[] = { "ж", "жен", "женский", "женщина", "зан", "f", "female",
                                         "woman", "w", "zan", "з", NULL };
  if (key_is_one_of (key, male))
    return "male";
  if (key_is_one_of (key, female))
    return "female";
  return NULL;
}

/* TRUE/FALSE in @value, or FALSE when it is neither */
static gboolean
match_yes_no (const char *text,
              const char *key,
              gboolean   *value)
{
  static const char * const yes[] = { "да", "ҳа", "ha", "yes", "y", "1", "true", "истина", "x", "х",
                                      "есть", "бале", "bale", "имеется", "ҳаст", NULL };
  static const char * const no[] = { "нет", "не", "no", "n", "0", "false", "ложь", "нест", "не имеется",
                                     "йўқ", "ne", "net", NULL };

  if (g_strcmp0 (text, "+") == 0 || g_strcmp0 (text, "✓") == 0 || g_strcmp0 (text, "✔") == 0)
    return *value = TRUE, TRUE;
  if (g_strcmp0 (text, "-") == 0 || g_strcmp0 (text, "—") == 0)
    return *value = FALSE, TRUE;
  if (key_is_one_of (key, yes))
    return *value = TRUE, TRUE;
  if (key_is_one_of (key, no))
    return *value = FALSE, TRUE;
  return FALSE;
}

static const char *
match_category (const char *key)
{
  static const char * const codes[] = { "returned migrant", "trafficking victim", "both", "family member", NULL };
  static const char * const family[] = { "famil", "semi", "semy", "oila", "chlen", NULL };
  static const char * const traffick[] = { "trafik", "torgov", "savdo", "kurbon", "jertv", "vot", "jtl",
                                           "victim", NULL };
  static const char * const migrant[] = { "migrant", "muhoj", "muhoch", "returne", "vernuv", "vozvrat",
                                          "bargasht", NULL };
  static const char * const both[] = { "both", "oba", "hardu", NULL };
  const char * const *all = hmr_category_codes ();

  for (guint i = 0; codes[i]; i++)
    {
      g_autofree char *k = value_key (codes[i]);
      if (g_strcmp0 (key, k) == 0)
        return all[i];
    }
  if (key_has_stem (key, family))
    return "family_member";
  if (key_has_stem (key, both) || (key_has_stem (key, traffick) && key_has_stem (key, migrant)))
    return "both";
  if (key_has_stem (key, traffick))
    return "trafficking_victim";
  if (key_has_stem (key, migrant))
    return "returned_migrant";
  return NULL;
}

static const char *
match_risk (const char *key)
{
  static const char * const low[] = { "low", "низкий", "паст", "past", "nizkiy", "н", NULL };
  static const char * const medium[] = { "medium", "средний", "миёна", "miyona", "sredniy", "ср", NULL };
  static const char * const high[] = { "high", "высокий", "баланд", "baland", "visokiy", "в", NULL };

  if (key_is_one_of (key, low))
    return "low";
  if (key_is_one_of (key, medium))
    return "medium";
  if (key_is_one_of (key, high))
    return "high";
  return NULL;
}

/* ---- districts ---------------------------------------------------------- */

static const struct
{
  const char *code;
  const char *names[8];
} districts[] = {
  { "Dusti", { "Дӯстӣ", "Дусти", "Джиликуль", "Jilikul", "Dusti", NULL } },
  { "Qubodiyon", { "Қубодиён", "Кубодиён", "Кабодиён", "Qubodiyon", "Kabodiyon", "Qabodiyon", NULL } },
  { "Shahrituz", { "Шаҳритус", "Шахритус", "Шаартуз", "Shahrituz", "Shahritus", "Shaartuz", NULL } },
  { "Nosiri Khusrav", { "Носири Хусрав", "Носир Хусрав", "Бешкент", "Nosiri Khusrav", "Beshkent", NULL } },
  { "Panj", { "Панҷ", "Пяндж", "Пандж", "Panj", "Pyanj", "Pyandzh", NULL } },
  { "Jayhun", { "Ҷайҳун", "Джайхун", "Кумсангир", "Jayhun", "Jaihun", "Kumsangir", NULL } },
  { "Farkhor", { "Фархор", "Farkhor", "Farhor", NULL } },
  { "Hamadoni", { "Ҳамадонӣ", "Хамадони", "Московский", "Hamadoni", "Moskovsky", NULL } },
  { "Shamsiddin Shohin", { "Шамсиддин Шоҳин", "Шамсиддин Шохин", "Шурообод", "Шурабад", "Shamsiddin Shohin", "Shuroobod", NULL } },
  { "Darvoz", { "Дарвоз", "Дарваз", "Darvoz", "Darvaz", NULL } },
  { "Vanj", { "Ванҷ", "Ванч", "Vanj", "Vanch", NULL } },
  { "Rushon", { "Рушон", "Рушан", "Rushon", "Rushan", NULL } },
  { "Shughnon", { "Шуғнон", "Шугнан", "Шугнон", "Shughnon", "Shugnan", NULL } },
  { "Khorugh", { "Хоруғ", "Хорог", "Khorugh", "Khorog", NULL } },
  { "Roshtqala", { "Роштқалъа", "Рошткала", "Роштқала", "Roshtqala", "Roshtkala", NULL } },
  { "Ishkoshim", { "Ишкошим", "Ишкашим", "Ishkoshim", "Ishkashim", NULL } },
  { "Penjikent", { "Панҷакент", "Пенджикент", "Панджакент", "Penjikent", "Panjakent", NULL } },
  { "Dushanbe", { "Душанбе", "Dushanbe", NULL } },
};

/* The name without "district", "ноҳияи", "район", "г." and the like */
static char *
district_key (const char *text)
{
  static const char * const noise_words[] = { "ноҳия", "ноҳияи", "нохияи", "район", "района", "р-н", "district",
                                              "шаҳри", "шаҳр", "город", "г.", "city", "ш.", "н.", "dist",
                                              "rayon", "nohiya", "nohiyai", NULL };
  static GHashTable *noise;
  g_autofree char *key = hmr_name_key (text);
  g_auto(GStrv) words = g_strsplit (key, " ", -1);
  GString *out = g_string_new (NULL);

  if (g_once_init_enter (&noise))
    {
      GHashTable *t = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; noise_words[i]; i++)
        {
          g_autofree char *k = hmr_name_key (noise_words[i]);
          g_auto(GStrv) parts = g_strsplit (k, " ", -1);
          for (guint j = 0; parts[j]; j++)
            g_hash_table_add (t, g_strdup (parts[j]));
        }
      g_once_init_leave (&noise, t);
    }
  for (guint i = 0; words[i]; i++)
    if (words[i][0] != '\0' && !g_hash_table_contains (noise, words[i]))
      g_string_append (out, words[i]);
  return g_string_free (out, FALSE);
}

/**
 * hmr_import_match_district:
 *
 * Returns: (nullable): the district's code ("Shahrituz") for a name in any
 *   script or spelling ("Шаҳритус", "ш. Шаартуз", "Shahrtuz district")
 */
const char *
hmr_import_match_district (const char *text)
{
  static GHashTable *table;
  g_autofree char *key = NULL;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < G_N_ELEMENTS (districts); i++)
        {
          g_hash_table_insert (t, district_key (districts[i].code), (gpointer) districts[i].code);
          for (guint j = 0; districts[i].names[j]; j++)
            g_hash_table_insert (t, district_key (districts[i].names[j]), (gpointer) districts[i].code);
        }
      g_once_init_leave (&table, t);
    }
  if (text == NULL)
    return NULL;
  key = district_key (text);
  return g_hash_table_lookup (table, key);
}

/* ---- phones and numbers ------------------------------------------------- */

static void
convert_phones (HmrImportRecord     *rec,
                const char          *text,
                HmrBeneficiaryField  first)
{
  g_auto(GStrv) parts = g_strsplit_set (text, ",;/\n", -1);
  HmrBeneficiaryField target = first;

  for (guint i = 0; parts[i]; i++)
    {
      g_autofree char *p = g_strstrip (g_strdup (parts[i]));
      g_autofree char *normal = NULL;

      if (p[0] == '\0')
        continue;
      if (target == HMR_BENEFICIARY_PHONE && hmr_beneficiary_get (rec->record, target) != NULL)
        target = HMR_BENEFICIARY_PHONE_ALT;
      if (hmr_beneficiary_get (rec->record, target) != NULL)
        break;
      normal = hmr_normalize_phone (p);
      /* Left as typed when it is no Tajik number: the validation says so */
      hmr_beneficiary_set (rec->record, target, normal ? normal : p);
      target = HMR_BENEFICIARY_PHONE_ALT;
    }
}

static void
convert_count (HmrImportRecord *rec,
               const char      *text)
{
  char *end = NULL;
  double x = g_ascii_strtod (text, &end);

  /* "5", "5.0" (a number from a workbook), "5 нафар", "5 чел." */
  if (end != text && x >= 0 && x == floor (x) && x < 1000 && (*end == '\0' || *end == ' '))
    hmr_beneficiary_set_int (rec->record, HMR_BENEFICIARY_HOUSEHOLD_SIZE, (gint64) x);
  else
    hmr_beneficiary_set (rec->record, HMR_BENEFICIARY_HOUSEHOLD_SIZE, text);
}

/* ---- one cell ----------------------------------------------------------- */

static const HmrBeneficiaryField text_targets[HMR_IMPORT_N_FIELDS] = {
  [HMR_IMPORT_FIELD_FAMILY_NAME] = HMR_BENEFICIARY_FAMILY_NAME,
  [HMR_IMPORT_FIELD_GIVEN_NAME] = HMR_BENEFICIARY_GIVEN_NAME,
  [HMR_IMPORT_FIELD_PATRONYMIC] = HMR_BENEFICIARY_PATRONYMIC,
  [HMR_IMPORT_FIELD_FAMILY_NAME_LATIN] = HMR_BENEFICIARY_FAMILY_NAME_LATIN,
  [HMR_IMPORT_FIELD_GIVEN_NAME_LATIN] = HMR_BENEFICIARY_GIVEN_NAME_LATIN,
  [HMR_IMPORT_FIELD_PATRONYMIC_LATIN] = HMR_BENEFICIARY_PATRONYMIC_LATIN,
  [HMR_IMPORT_FIELD_JAMOAT] = HMR_BENEFICIARY_JAMOAT,
  [HMR_IMPORT_FIELD_VILLAGE] = HMR_BENEFICIARY_VILLAGE,
  [HMR_IMPORT_FIELD_HEALTH_PROBLEMS] = HMR_BENEFICIARY_HEALTH_PROBLEMS,
  [HMR_IMPORT_FIELD_DISABILITY] = HMR_BENEFICIARY_DISABILITY,
  [HMR_IMPORT_FIELD_DISABILITY_REGISTERED] = HMR_BENEFICIARY_DISABILITY_REGISTERED,
  [HMR_IMPORT_FIELD_CONSENT_SERVICES] = HMR_BENEFICIARY_CONSENT_SERVICES,
  [HMR_IMPORT_FIELD_CONSENT_SHARING] = HMR_BENEFICIARY_CONSENT_SHARING,
  [HMR_IMPORT_FIELD_CONSENT_REPORTING] = HMR_BENEFICIARY_CONSENT_REPORTING,
};

/**
 * hmr_import_convert_cell:
 *
 * Puts @text, the cell of a column mapped to @field, into @rec's record,
 * or a problem naming the field into its problems.
 */
void
hmr_import_convert_cell (HmrImportRecord *rec,
                         HmrImportField   field,
                         const char      *cell,
                         GDate           *today)
{
  g_autofree char *text = g_strstrip (g_strdup (cell ? cell : ""));
  g_autofree char *key = NULL;
  const char *code;
  gboolean yes;

  if (text[0] == '\0' || field == HMR_IMPORT_FIELD_NONE)
    return;

  /* A cell that starts with "=" is a formula someone typed, or an attack
   * on whoever opens an export later: no name or place starts so */
  if (text[0] == '=' && field != HMR_IMPORT_FIELD_PHONE && field != HMR_IMPORT_FIELD_PHONE_ALT)
    {
      add_problem (rec, field, _("%s: “%s” is a spreadsheet formula, not a value; type the value itself."),
                   hmr_import_field_get_label (field), text);
      return;
    }

  key = value_key (text);
  switch (field)
    {
    case HMR_IMPORT_FIELD_FULL_NAME:
      split_full_name (rec, field, text, HMR_BENEFICIARY_FAMILY_NAME, HMR_BENEFICIARY_GIVEN_NAME,
                       HMR_BENEFICIARY_PATRONYMIC);
      break;
    case HMR_IMPORT_FIELD_FULL_NAME_LATIN:
      split_full_name (rec, field, text, HMR_BENEFICIARY_FAMILY_NAME_LATIN,
                       HMR_BENEFICIARY_GIVEN_NAME_LATIN, HMR_BENEFICIARY_PATRONYMIC_LATIN);
      break;
    case HMR_IMPORT_FIELD_SEX:
      code = match_sex (key);
      if (code)
        hmr_beneficiary_set (rec->record, HMR_BENEFICIARY_SEX, code);
      else
        add_problem (rec, field, _("Sex: “%s” is neither male nor female (write м/ж, мард/зан or m/f)."), text);
      break;
    case HMR_IMPORT_FIELD_BIRTH_DATE:
      convert_date (rec, field, HMR_BENEFICIARY_BIRTH_DATE, text);
      break;
    case HMR_IMPORT_FIELD_BIRTH_YEAR:
      {
        char iso[11];
        guint year = 0;
        DateKind kind = parse_date (text, iso, &year);

        if (kind == DATE_YEAR || kind == DATE_DAY)
          hmr_beneficiary_set_int (rec->record, HMR_BENEFICIARY_BIRTH_YEAR_ESTIMATED, year);
        else
          add_problem (rec, field, _("Year of birth: “%s” is not a year; write four digits, as in 1988."), text);
      }
      break;
    case HMR_IMPORT_FIELD_CONSENT_DATE:
      convert_date (rec, field, HMR_BENEFICIARY_CONSENT_DATE, text);
      break;
    case HMR_IMPORT_FIELD_PHONE:
      convert_phones (rec, text, HMR_BENEFICIARY_PHONE);
      break;
    case HMR_IMPORT_FIELD_PHONE_ALT:
      convert_phones (rec, text, HMR_BENEFICIARY_PHONE_ALT);
      break;
    case HMR_IMPORT_FIELD_DISTRICT:
      code = hmr_import_match_district (text);
      if (code)
        hmr_beneficiary_set (rec->record, HMR_BENEFICIARY_DISTRICT, code);
      else
        add_problem (rec, field, _("District: “%s” is not a district Hamroh knows; write its name as in “Шаҳритус” or “Shahrituz”."),
                     text);
      break;
    case HMR_IMPORT_FIELD_HOUSEHOLD_SIZE:
      convert_count (rec, text);
      break;
    case HMR_IMPORT_FIELD_CATEGORY:
      code = match_category (key);
      if (code)
        hmr_beneficiary_set (rec->record, HMR_BENEFICIARY_CATEGORY, code);
      else
        add_problem (rec, field,
                     _("Category: “%s” is not a category Hamroh knows (returned migrant, victim of trafficking, both, family member)."),
                     text);
      break;
    case HMR_IMPORT_FIELD_RISK_LEVEL:
      code = match_risk (key);
      if (code)
        hmr_beneficiary_set (rec->record, HMR_BENEFICIARY_RISK_LEVEL, code);
      else
        add_problem (rec, field, _("Risk level: “%s” is not low, medium or high."), text);
      break;
    case HMR_IMPORT_FIELD_DISABILITY:
    case HMR_IMPORT_FIELD_DISABILITY_REGISTERED:
    case HMR_IMPORT_FIELD_CONSENT_SERVICES:
    case HMR_IMPORT_FIELD_CONSENT_SHARING:
    case HMR_IMPORT_FIELD_CONSENT_REPORTING:
      if (match_yes_no (text, key, &yes))
        hmr_beneficiary_set_bool (rec->record, text_targets[field], yes);
      else
        add_problem (rec, field, _("%s: “%s” is neither yes nor no (write да/нет, ҳа/не or yes/no)."),
                     hmr_import_field_get_label (field), text);
      break;
    case HMR_IMPORT_FIELD_FAMILY_NAME:
    case HMR_IMPORT_FIELD_GIVEN_NAME:
    case HMR_IMPORT_FIELD_PATRONYMIC:
    case HMR_IMPORT_FIELD_FAMILY_NAME_LATIN:
    case HMR_IMPORT_FIELD_GIVEN_NAME_LATIN:
    case HMR_IMPORT_FIELD_PATRONYMIC_LATIN:
    case HMR_IMPORT_FIELD_JAMOAT:
    case HMR_IMPORT_FIELD_VILLAGE:
    case HMR_IMPORT_FIELD_HEALTH_PROBLEMS:
      hmr_beneficiary_set (rec->record, text_targets[field], text);
      break;
    case HMR_IMPORT_FIELD_NONE:
    case HMR_IMPORT_N_FIELDS:
    default:
      break;
    }
}
