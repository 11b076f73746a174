/* test-validation.c — what a caseworker may type, and the messages they get
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-beneficiary.h"

static GDate today;

static HmrBeneficiary *
valid_beneficiary (void)
{
  HmrBeneficiary *b = hmr_beneficiary_new ();

  hmr_beneficiary_set (b, HMR_BENEFICIARY_FAMILY_NAME, "Ғафоров");
  hmr_beneficiary_set (b, HMR_BENEFICIARY_GIVEN_NAME, "Ӯктам");
  hmr_beneficiary_set (b, HMR_BENEFICIARY_SEX, "male");
  hmr_beneficiary_set (b, HMR_BENEFICIARY_BIRTH_DATE, "1988-07-14");
  hmr_beneficiary_set (b, HMR_BENEFICIARY_DISTRICT, "Farkhor");
  hmr_beneficiary_set (b, HMR_BENEFICIARY_CATEGORY, "returned_migrant");
  return b;
}

/* The single problem of @b, which must concern @field and mention @words */
static void
assert_one_problem (HmrBeneficiary      *b,
                    HmrBeneficiaryField  field,
                    const char          *words)
{
  g_autoptr(GPtrArray) problems = hmr_beneficiary_validate (b, &today);
  HmrFieldProblem *p;

  g_assert_cmpuint (problems->len, ==, 1);
  p = g_ptr_array_index (problems, 0);
  g_assert_cmpint (p->field, ==, field);
  if (strstr (p->message, words) == NULL)
    g_error ("“%s” does not mention “%s”", p->message, words);
}

static void
test_valid_record (void)
{
  g_autoptr(HmrBeneficiary) b = valid_beneficiary ();
  g_autoptr(GPtrArray) problems = hmr_beneficiary_validate (b, &today);

  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_required_fields_named (void)
{
  g_autoptr(HmrBeneficiary) b = hmr_beneficiary_new ();
  g_autoptr(GPtrArray) problems = NULL;
  struct { HmrBeneficiaryField field; const char *words; } expected[] = {
    { HMR_BENEFICIARY_FAMILY_NAME, "Family name" },
    { HMR_BENEFICIARY_GIVEN_NAME, "Given name" },
    { HMR_BENEFICIARY_SEX, "Sex" },
    { HMR_BENEFICIARY_BIRTH_DATE, "Date of birth" },
    { HMR_BENEFICIARY_DISTRICT, "District" },
    { HMR_BENEFICIARY_CATEGORY, "Category" },
  };

  /* whitespace only is empty */
  hmr_beneficiary_set (b, HMR_BENEFICIARY_FAMILY_NAME, "   ");
  problems = hmr_beneficiary_validate (b, &today);
  g_assert_cmpuint (problems->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      gboolean found = FALSE;
      for (guint j = 0; j < problems->len; j++)
        {
          HmrFieldProblem *p = g_ptr_array_index (problems, j);
          if (p->field == expected[i].field)
            {
              g_assert_nonnull (strstr (p->message, expected[i].words));
              found = TRUE;
            }
        }
      g_assert_true (found);
    }
}

static void
test_dates (void)
{
  struct { const char *text; gboolean ok; } cases[] = {
    { "14.07.1988", TRUE },
    { "1988-07-14", TRUE },
    { "29.02.2000", TRUE },
    { "14/07/1988", TRUE },
    { "31.02.1990", FALSE },
    { "29.02.1900", FALSE },
    { "1988-13-01", FALSE },
    { "00.01.1990", FALSE },
    { "14.07.88", FALSE },
    { "14.07-1988", FALSE },
    { "yesterday", FALSE },
    { "1988-07-14x", FALSE },
    { "-6-11-23", FALSE },        /* a sign read as a number: year 65530 */
    { "+1988-07-14", FALSE },
    { "88-07-14", FALSE },        /* a two-digit year */
    { "0988-07-14", FALSE },
    { "14.+7.1988", FALSE },
    { "1988-07-14-01", FALSE },
    { "1988-7-4", TRUE },
    { "4.7.1988", TRUE },
    { " 14.07.1988 ", TRUE },     /* spaces around are not part of it */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HmrBeneficiary) b = valid_beneficiary ();

      hmr_beneficiary_set (b, HMR_BENEFICIARY_BIRTH_DATE, cases[i].text);
      if (cases[i].ok)
        {
          g_autoptr(GPtrArray) problems = hmr_beneficiary_validate (b, &today);
          g_assert_cmpuint (problems->len, ==, 0);
        }
      else
        assert_one_problem (b, HMR_BENEFICIARY_BIRTH_DATE, "not a real date");
    }
}

static void
test_birth_not_in_future (void)
{
  g_autoptr(HmrBeneficiary) b = valid_beneficiary ();

  hmr_beneficiary_set (b, HMR_BENEFICIARY_BIRTH_DATE, "24.11.2026");
  assert_one_problem (b, HMR_BENEFICIARY_BIRTH_DATE, "future");

  /* today itself is not the future */
  hmr_beneficiary_set (b, HMR_BENEFICIARY_BIRTH_DATE, "23.11.2026");
  {
    g_autoptr(GPtrArray) problems = hmr_beneficiary_validate (b, &today);
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

static void
test_estimated_year (void)
{
  g_autoptr(HmrBeneficiary) b = valid_beneficiary ();

  hmr_beneficiary_set (b, HMR_BENEFICIARY_BIRTH_DATE, NULL);
  hmr_beneficiary_set (b, HMR_BENEFICIARY_BIRTH_YEAR_ESTIMATED, "1985");
  {
    g_autoptr(GPtrArray) problems = hmr_beneficiary_validate (b, &today);
    g_assert_cmpuint (problems->len, ==, 0);
  }
  hmr_beneficiary_set (b, HMR_BENEFICIARY_BIRTH_YEAR_ESTIMATED, "2027");
  assert_one_problem (b, HMR_BENEFICIARY_BIRTH_YEAR_ESTIMATED, "Estimated year of birth");
  hmr_beneficiary_set (b, HMR_BENEFICIARY_BIRTH_YEAR_ESTIMATED, "85");
  assert_one_problem (b, HMR_BENEFICIARY_BIRTH_YEAR_ESTIMATED, "Estimated year of birth");
}

static void
test_phones (void)
{
  struct { const char *text; const char *normal; } cases[] = {
    { "+992 93 123 4567", "+992 93 123 4567" },
    { "+992931234567", "+992 93 123 4567" },
    { "992 93 123 45 67", "+992 93 123 4567" },
    { "93 123 45 67", "+992 93 123 4567" },
    { "(93) 123-45-67", "+992 93 123 4567" },
    { "900.12.34.56", "+992 90 012 3456" },
    { "12345", NULL },
    { "+7 912 345 67 89", NULL },
    { "+992 93 123 456", NULL },
    { "93 123 45 6x", NULL },
    { "+9+92 93 123 4567", NULL },
    { "۹۳۱۲۳۴۵۶۷", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HmrBeneficiary) b = valid_beneficiary ();
      g_autofree char *normal = hmr_normalize_phone (cases[i].text);

      g_assert_cmpstr (normal, ==, cases[i].normal);
      hmr_beneficiary_set (b, HMR_BENEFICIARY_PHONE_ALT, cases[i].text);
      if (cases[i].normal == NULL)
        assert_one_problem (b, HMR_BENEFICIARY_PHONE_ALT, "Second phone");
    }
}

static void
test_huge_and_odd_text (void)
{
  g_autoptr(HmrBeneficiary) b = valid_beneficiary ();
  GString *huge = g_string_new (NULL);

  for (guint i = 0; i < 101; i++)
    g_string_append (huge, "ҷ");   /* 101 characters, 202 bytes */
  hmr_beneficiary_set (b, HMR_BENEFICIARY_VILLAGE, huge->str);
  assert_one_problem (b, HMR_BENEFICIARY_VILLAGE, "Village is too long");

  /* 100 characters are fine, whatever the bytes */
  g_string_truncate (huge, 200);
  hmr_beneficiary_set (b, HMR_BENEFICIARY_VILLAGE, huge->str);
  {
    g_autoptr(GPtrArray) problems = hmr_beneficiary_validate (b, &today);
    g_assert_cmpuint (problems->len, ==, 0);
  }
  g_string_free (huge, TRUE);

  /* Text that looks like a formula is just text here */
  hmr_beneficiary_set (b, HMR_BENEFICIARY_VILLAGE, "=HYPERLINK(\"http://x\",\"y\")");
  {
    g_autoptr(GPtrArray) problems = hmr_beneficiary_validate (b, &today);
    g_assert_cmpuint (problems->len, ==, 0);
  }

  /* Invalid UTF-8 is refused, naming the field */
  hmr_beneficiary_set (b, HMR_BENEFICIARY_JAMOAT, "\xff\xfe bad");
  assert_one_problem (b, HMR_BENEFICIARY_JAMOAT, "Jamoat");
}

/* The report's case: one U+FFFF in a name made every later export an
 * invalid workbook; control characters rewrote terminals */
static void
test_noncharacters_and_controls_refused (void)
{
  struct { HmrBeneficiaryField field; const char *text; const char *words; } cases[] = {
    { HMR_BENEFICIARY_FAMILY_NAME, "Раҳимов\xef\xbf\xbf", "Family name contains a character that cannot be stored (U+FFFF)" },
    { HMR_BENEFICIARY_GIVEN_NAME, "\xef\xbf\xbe" "Фаррух", "Given name contains a character that cannot be stored (U+FFFE)" },
    { HMR_BENEFICIARY_VILLAGE, "Ёвон\x1b[2J", "Village contains a character that cannot be stored (U+001B)" },
    { HMR_BENEFICIARY_JAMOAT, "Дӯстӣ\tДӯстӣ", "Jamoat contains a character that cannot be stored (U+0009)" },
    { HMR_BENEFICIARY_PATRONYMIC, "Ҳамидович\nАлиевич", "Patronymic must be on one line" },
    { HMR_BENEFICIARY_HEALTH_PROBLEMS, "диабет\rфишор", "(U+000D)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HmrBeneficiary) b = valid_beneficiary ();

      hmr_beneficiary_set (b, cases[i].field, cases[i].text);
      g_test_message ("%s", cases[i].words);
      assert_one_problem (b, cases[i].field, cases[i].words);
    }

  /* notes keep their newlines */
  {
    g_autoptr(HmrBeneficiary) b = valid_beneficiary ();
    g_autoptr(GPtrArray) problems = NULL;

    hmr_beneficiary_set (b, HMR_BENEFICIARY_HEALTH_PROBLEMS, "диабет\nфишори хун");
    problems = hmr_beneficiary_validate (b, &today);
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

static void
test_coded_values (void)
{
  g_autoptr(HmrBeneficiary) b = valid_beneficiary ();

  hmr_beneficiary_set (b, HMR_BENEFICIARY_CATEGORY, "tourist");
  assert_one_problem (b, HMR_BENEFICIARY_CATEGORY, "Category");
  hmr_beneficiary_set (b, HMR_BENEFICIARY_CATEGORY, "both");
  hmr_beneficiary_set (b, HMR_BENEFICIARY_SEX, "x");
  assert_one_problem (b, HMR_BENEFICIARY_SEX, "Sex");
  hmr_beneficiary_set (b, HMR_BENEFICIARY_SEX, "female");
  hmr_beneficiary_set (b, HMR_BENEFICIARY_HOUSEHOLD_SIZE, "0");
  assert_one_problem (b, HMR_BENEFICIARY_HOUSEHOLD_SIZE, "Household size");
  hmr_beneficiary_set (b, HMR_BENEFICIARY_HOUSEHOLD_SIZE, "7");
  hmr_beneficiary_set_bool (b, HMR_BENEFICIARY_DISABILITY_REGISTERED, TRUE);
  assert_one_problem (b, HMR_BENEFICIARY_DISABILITY_REGISTERED, "disability");
  hmr_beneficiary_set_bool (b, HMR_BENEFICIARY_DISABILITY, TRUE);
  hmr_beneficiary_set_bool (b, HMR_BENEFICIARY_CONSENT_SHARING, TRUE);
  assert_one_problem (b, HMR_BENEFICIARY_CONSENT_DATE, "Consent date");
  hmr_beneficiary_set (b, HMR_BENEFICIARY_CONSENT_DATE, "01.01.1980");
  assert_one_problem (b, HMR_BENEFICIARY_CONSENT_DATE, "before the date of birth");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 23, G_DATE_NOVEMBER, 2026);

  g_test_add_func ("/validation/valid-record", test_valid_record);
  g_test_add_func ("/validation/required-fields-named", test_required_fields_named);
  g_test_add_func ("/validation/real-dates-only", test_dates);
  g_test_add_func ("/validation/birth-not-in-future", test_birth_not_in_future);
  g_test_add_func ("/validation/estimated-year", test_estimated_year);
  g_test_add_func ("/validation/tajik-phone-numbers", test_phones);
  g_test_add_func ("/validation/huge-and-odd-text", test_huge_and_odd_text);
  g_test_add_func ("/validation/coded-values", test_coded_values);
  g_test_add_func ("/validation/noncharacters-and-controls-refused-naming-the-field",
                   test_noncharacters_and_controls_refused);
  return g_test_run ();
}
