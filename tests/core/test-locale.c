/* test-locale.c — Hamroh speaks the language asked for, even on a machine
 * without LANG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-labels.h"
#include "hmr-locale.h"
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_data_func ("/locale/tajik-without-lang", NULL, test_language_without_lang);
  g_test_add_data_func ("/locale/russian-without-lang", "ru", test_language_without_lang);
  g_test_add_func ("/locale/english-without-language", test_english_without_language);

  return g_test_run ();
}
