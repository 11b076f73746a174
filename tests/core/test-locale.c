/* test-locale.c — Hamroh speaks the language asked for, even on a machine
 * without LANG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hmr-audit-labels.h"
#include "hmr-labels.h"
#include "hmr-locale.h"
#include "hmr-money.h"
#include "hmr-permissions.h"
#include "hmr-store.h"

static void
assert_cyrillic (const char *word)
{
  g_assert_true (g_utf8_validate (word, -1, NULL));
  g_assert_cmpuint (g_utf8_get_char (word), >=, 0x0400);
  g_assert_cmpuint (g_utf8_get_char (word), <=, 0x04FF);
}

static void
check_language (const char *language)
{
  const char *word;

  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_MESSAGES");
  g_unsetenv ("LANG");
  g_setenv ("LANGUAGE", language, TRUE);
  g_setenv ("HAMROH_LOCALEDIR", TEST_PODIR, TRUE);
  hmr_setup_i18n ();

  word = _("Beneficiaries");
  g_assert_cmpstr (word, !=, "Beneficiaries");
  /* Cyrillic, not some other English */
  assert_cyrillic (word);

  /* Labels of codes and districts are looked up with their context */
  assert_cyrillic (hmr_code_get_label (HMR_CODES_REFERRAL_STATUS, "draft"));
  assert_cyrillic (hmr_code_get_label (HMR_CODES_SERVICE_TYPE, "legal_aid"));
  assert_cyrillic (hmr_district_get_label ("Dusti"));
}

static void
test_language_without_lang (gconstpointer data)
{
  if (g_test_subprocess ())
    {
      check_language (data != NULL ? data : "tg");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_english_without_language (void)
{
  if (g_test_subprocess ())
    {
      g_unsetenv ("LC_ALL");
      g_unsetenv ("LANG");
      g_unsetenv ("LANGUAGE");
      g_setenv ("HAMROH_LOCALEDIR", TEST_PODIR, TRUE);
      hmr_setup_i18n ();
      g_assert_cmpstr (_("Beneficiaries"), ==, "Beneficiaries");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* A refusal is one sentence per action, translated as a whole: the
 * catalogue must hold the sentence itself (not only the pieces an older
 * version glued together), and the store must hand it out with just the
 * role's name put in. */
static void
check_refusal (const char *language,
               const char *expected_refusal,
               const char *expected_password)
{
  static const char *msgid = "Refused: the %s role may not verify the audit log.";
  g_autoptr(HmrActor) finance = hmr_actor_new ("u1", "malika", "Малика", HMR_ROLE_FINANCE, NULL);
  g_autoptr(GError) error = NULL;

  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_MESSAGES");
  g_unsetenv ("LANG");
  g_setenv ("LANGUAGE", language, TRUE);
  g_setenv ("HAMROH_LOCALEDIR", TEST_PODIR, TRUE);
  hmr_setup_i18n ();

  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, msgid), !=, msgid);

  g_assert_false (hmr_store_require (finance, HMR_ACTION_AUDIT_VERIFY, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_assert_cmpstr (error->message, ==, expected_refusal);
  g_clear_error (&error);

  /* a count of characters takes the plural form of the language */
  g_assert_false (hmr_password_is_acceptable ("malika", "кӯтоҳ", &error));
  g_assert_cmpstr (error->message, ==, expected_password);
}

static void
test_refusal_whole_sentence (gconstpointer data)
{
  if (g_test_subprocess ())
    {
      if (g_strcmp0 (data, "ru") == 0)
        check_refusal ("ru",
                       "Отказано: роли «Финансовый сотрудник» не разрешено проверять журнал аудита.",
                       "Пароль: используйте не менее 12 символов.");
      else
        check_refusal ("tg",
                       "Рад шуд: ба нақши «Корманди молия» санҷидани феҳристи аудит иҷозат нест.",
                       "Парол: на камтар аз 12 аломат истифода баред.");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* Dates are written with the interface's language, whatever the C
 * library's locale: here C.UTF-8, where strftime() would say "December" */
static void
test_dates_in_language (gconstpointer data)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GDate) date = g_date_new_dmy (2, G_DATE_DECEMBER, 2026);
      g_autofree char *long_date = NULL;
      g_autofree char *words = NULL;
      g_autofree char *month = NULL;

      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
      g_setenv ("LANGUAGE", data, TRUE);
      g_setenv ("HAMROH_LOCALEDIR", TEST_PODIR, TRUE);
      hmr_setup_i18n ();
      long_date = hmr_format_long_date (date);
      words = hmr_format_date_in_words (date);
      month = hmr_format_month (date);
      if (g_strcmp0 (data, "ru") == 0)
        {
          g_assert_cmpstr (long_date, ==, "Среда, 2 декабря");
          g_assert_cmpstr (words, ==, "2 декабря 2026 г.");
          g_assert_cmpstr (month, ==, "Декабрь 2026");
        }
      else
        {
          g_assert_cmpstr (long_date, ==, "Чоршанбе, 2 декабр");
          g_assert_cmpstr (words, ==, "2 декабр 2026");
          g_assert_cmpstr (month, ==, "Декабр 2026");
        }
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* The audit trail shows no raw code: each field the store writes, and each
 * coded value, reads in the language of the window */
static const char * const audit_changes[][3] = {
  { "case", "stage", "case_plan" },
  { "referral", "status", "accepted" },
  { "referral", "service_type", "legal_aid" },
  { "grant", "status", "approved" },
  { "user", "role", "supervisor" },
  { "user", "active", "0" },
  { "user", "must_change_password", "1" },
  { "assessment", "need.legal.priority", "high" },
  { "disbursement", "method", "bank_transfer" },
  { "beneficiary", "category", "trafficking_victim" },
  { "follow_up", "who5_score", "52" },
  { "grant", "amount_requested", "587400" },
  { "referral", "comment", "…" },
  { "referral", "deleted_at", "2026-12-01" },
  { "migration_episode", "country", "Russia" },
  { "migration_episode", "sector", "construction" },
  { "reentry_ban", "imposed_by", "court" },
  { "reentry_ban", "appeal_status", "filed" },
  { "trafficking_profile", "status", "actual" },
  { "trafficking_profile", "exploitation_type", "forced_labour" },
  { "beneficiary", "vulnerability_flags", "sole_earner,debt" },
  { "beneficiary", "risk_reason", "…" },
  { "organisation", "name_tg", "…" },
  { "office", "address_ru", "…" },
  { "handover", "number", "1A2B3C4D" },
};

static void
check_audit_in_words (const char *language)
{
  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_MESSAGES");
  g_unsetenv ("LANG");
  g_setenv ("LANGUAGE", language, TRUE);
  g_setenv ("HAMROH_LOCALEDIR", TEST_PODIR, TRUE);
  hmr_setup_i18n ();

  for (guint i = 0; i < G_N_ELEMENTS (audit_changes); i++)
    {
      const char *entity = audit_changes[i][0], *field = audit_changes[i][1], *value = audit_changes[i][2];
      g_autofree char *label = hmr_audit_field_label (entity, field);
      g_autofree char *shown = hmr_audit_value_label (entity, field, value);

      g_test_message ("%s.%s = %s → “%s: %s”", entity, field, value, label, shown);
      assert_cyrillic (label);
      /* A code is shown as its label; numbers and free text as they are */
      if (g_ascii_isalpha (value[0]))
        assert_cyrillic (shown);
      else
        g_assert_cmpstr (shown, !=, NULL);
    }
}

static void
test_audit_in_words (gconstpointer data)
{
  if (g_test_subprocess ())
    {
      check_audit_in_words (data);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_audit_in_english_words (void)
{
  g_autofree char *stage = hmr_audit_field_label ("case", "stage");
  g_autofree char *plan = hmr_audit_value_label ("case", "stage", "case_plan");
  g_autofree char *need = hmr_audit_field_label ("assessment", "need.legal.priority");
  g_autofree char *off = hmr_audit_value_label ("user", "active", "0");
  g_autofree char *unknown = hmr_audit_field_label ("referral", "some_new_field");

  g_assert_cmpstr (stage, ==, "Stage");
  g_assert_cmpstr (plan, ==, "Case plan");
  g_assert_true (g_str_has_suffix (need, ": priority"));
  g_assert_null (strchr (need, '.'));
  g_assert_cmpstr (off, ==, "No");
  /* a field no table knows yet still reads as words, not as a code */
  g_assert_cmpstr (unknown, ==, "Some new field");
}

/* The window writes an amount as the act in its language does: "5 874,00
 * TJS" on Tajik and Russian screens (also where the machine's locale is
 * C), "5,874.00 TJS" in English; the audit trail too */
static void
check_amounts_as_on_acts (const char *language)
{
  gboolean english = g_strcmp0 (language, "en") == 0;
  HmrMoneyStyle act_style = english ? HMR_MONEY_ENGLISH : HMR_MONEY_CYRILLIC;
  g_autofree char *window = NULL;
  g_autofree char *act = NULL;
  g_autofree char *audit = NULL;

  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_MESSAGES");
  g_unsetenv ("LANG");
  g_setenv ("LANGUAGE", language, TRUE);
  g_setenv ("HAMROH_LOCALEDIR", TEST_PODIR, TRUE);
  hmr_setup_i18n ();

  g_assert_cmpint (hmr_locale_writes_cyrillic (), ==, !english);
  window = hmr_money_format (320000, "TJS", HMR_MONEY_LOCALE);
  act = hmr_money_format (320000, "TJS", act_style);
  g_assert_cmpstr (window, ==, act);
  g_assert_cmpstr (window, ==, english ? "3,200.00\u00a0TJS" : "3\u00a0200,00\u00a0TJS");
  audit = hmr_audit_value_label ("grant", "amount_requested", "320000");
  g_assert_cmpstr (audit, ==, act);
}

static void
test_amounts_as_on_acts (gconstpointer data)
{
  if (g_test_subprocess ())
    {
      check_amounts_as_on_acts (data);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/locale/tajik-without-lang", NULL, test_language_without_lang);
  g_test_add_data_func ("/locale/russian-without-lang", "ru", test_language_without_lang);
  g_test_add_func ("/locale/english-without-language", test_english_without_language);
  g_test_add_data_func ("/locale/tajik-refusal-whole-sentence", "tg", test_refusal_whole_sentence);
  g_test_add_data_func ("/locale/russian-refusal-whole-sentence", "ru", test_refusal_whole_sentence);
  g_test_add_data_func ("/locale/tajik-dates", "tg", test_dates_in_language);
  g_test_add_data_func ("/locale/tajik-audit-in-words", "tg", test_audit_in_words);
  g_test_add_data_func ("/locale/russian-audit-in-words", "ru", test_audit_in_words);
  g_test_add_func ("/locale/english-audit-in-words", test_audit_in_english_words);
  g_test_add_data_func ("/locale/russian-dates", "ru", test_dates_in_language);
  g_test_add_data_func ("/locale/tajik-amounts-as-on-acts", "tg", test_amounts_as_on_acts);
  g_test_add_data_func ("/locale/russian-amounts-as-on-acts", "ru", test_amounts_as_on_acts);
  g_test_add_data_func ("/locale/english-amounts-as-on-acts", "en", test_amounts_as_on_acts);

  return g_test_run ();
}
