/* test-money.c — amounts read as people type them and written with the
 * currency's code, the same in the window, the acts and the workbooks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "hmr-money.h"

static void
test_amounts_typed (void)
{
  struct { const char *text; gint64 dirams; } good[] = {
    { "5874", 587400 }, { "5 874,50", 587450 }, { "5,874.50", 587450 }, { "5.874", 587400 },
    { "12,5", 1250 }, { "0.07", 7 }, { "5\u00a0874,00 TJS", 587400 }, { "1 000 000", 100000000 },
  };
  const char *bad[] = { "", "abc", "12,3456", "5-874", "TJS", "1.2.3,4",
                        /* more dirams than a gint64 holds */
                        "92233720368547759", "92 233 720 368 547 759,99" };
  gint64 v;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_assert_true (hmr_money_parse (good[i].text, &v));
      g_assert_cmpint (v, ==, good[i].dirams);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (hmr_money_parse (bad[i], &v));
  g_assert_true (hmr_money_parse ("92233720368547757,99", &v));
  g_assert_cmpint (v, ==, G_GINT64_CONSTANT (9223372036854775799));
}

static void
test_written_with_the_currency (void)
{
  static const struct
  {
    gint64         dirams;
    const char    *currency;
    HmrMoneyStyle  style;
    const char    *text;
  } cases[] = {
    { 587400, "TJS", HMR_MONEY_ENGLISH, "5,874.00\u00a0TJS" },
    { 587450, NULL, HMR_MONEY_CYRILLIC, "5\u00a0874,50\u00a0TJS" },
    { 100000000, "USD", HMR_MONEY_ENGLISH, "1,000,000.00\u00a0USD" },
    { 7, "", HMR_MONEY_CYRILLIC, "0,07\u00a0TJS" },
    { -125050, "EUR", HMR_MONEY_ENGLISH, "\u22121,250.50\u00a0EUR" },
    /* the window in English writes as an English act does, whatever
     * the locale (the tests run in C, which groups nothing) */
    { 587400, "TJS", HMR_MONEY_LOCALE, "5,874.00\u00a0TJS" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = hmr_money_format (cases[i].dirams, cases[i].currency, cases[i].style);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_input_reads_back (void)
{
  static const gint64 amounts[] = { 0, 7, 1250, 125050, 587400, 100000000 };

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_autofree char *input = hmr_money_format_input (amounts[i]);
      g_autofree char *shown = hmr_money_format (amounts[i], "TJS", HMR_MONEY_CYRILLIC);
      gint64 v = -1;

      g_assert_true (hmr_money_parse (input, &v));
      g_assert_cmpint (v, ==, amounts[i]);
      /* what an act shows can be typed back too */
      g_assert_true (hmr_money_parse (shown, &v));
      g_assert_cmpint (v, ==, amounts[i]);
    }
}

static void
test_workbook_format_names_the_currency (void)
{
  g_autofree char *tjs = hmr_money_xlsx_format (NULL);
  g_autofree char *usd = hmr_money_xlsx_format ("USD");

  g_assert_cmpstr (tjs, ==, "#,##0.00 \"TJS\"");
  g_assert_cmpstr (usd, ==, "#,##0.00 \"USD\"");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/money/amounts-typed-as-people-write-them", test_amounts_typed);
  g_test_add_func ("/money/written-with-the-currency-code", test_written_with_the_currency);
  g_test_add_func ("/money/typed-back-as-written", test_input_reads_back);
  g_test_add_func ("/money/workbook-format-names-the-currency", test_workbook_format_names_the_currency);
  return g_test_run ();
}
