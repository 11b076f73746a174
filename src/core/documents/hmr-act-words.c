/* hmr-act-words.c — amounts written out in words, as an accountant wants
 * them under the total of an act or a receipt
 *
 *   tg: "Панҷ ҳазору ҳаштсаду ҳафтоду чор сомонӣ 00 дирам"
 *   ru: "Пять тысяч восемьсот семьдесят четыре сомони 00 дирамов"
 *   en: "Five thousand eight hundred seventy-four somoni 00 dirams"
 *
 * The whole somoni in words, the dirams in figures.  Another currency
 * than the somoni keeps its code: "… USD 50/100".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-act-private.h"
#include "hmr-labels.h"

/* ---- Tajik ------------------------------------------------------------- */

static const char * const tg_units[] = {
  "", "як", "ду", "се", "чор", "панҷ", "шаш", "ҳафт", "ҳашт", "нӯҳ",
  "даҳ", "ёздаҳ", "дувоздаҳ", "сенздаҳ", "чордаҳ", "понздаҳ", "шонздаҳ", "ҳабдаҳ", "ҳаждаҳ", "нуздаҳ",
};
static const char * const tg_tens[] = {
  "", "", "бист", "сӣ", "чил", "панҷоҳ", "шаст", "ҳафтод", "ҳаштод", "навад",
};
static const char * const tg_hundreds[] = {
  "", "сад", "дусад", "сесад", "чорсад", "панҷсад", "шашсад", "ҳафтсад", "ҳаштсад", "нӯҳсад",
};
static const char * const tg_scales[] = { "", "ҳазор", "миллион", "миллиард" };

/* Tajik joins the parts of a number with "у" ("ю" after a vowel):
 * бисту як, сию ду, ҳазору панҷсад */
static void
tg_join (GString    *out,
         const char *word)
{
  if (out->len > 0)
    {
      if (g_str_has_suffix (out->str, "ӣ"))
        {
          g_string_truncate (out, out->len - strlen ("ӣ"));
          g_string_append (out, "ию ");
        }
      else
        g_string_append (out, "у ");
    }
  g_string_append (out, word);
}

static void
tg_words (GString *out,
          guint64  n)
{
  guint groups[7];
  int n_groups = 0;

  do
    {
      groups[n_groups++] = n % 1000;
      n /= 1000;
    }
  while (n > 0 && n_groups < 7);

  for (int g = n_groups - 1; g >= 0; g--)
    {
      guint v = groups[g];
      GString *group = g_string_new (NULL);

      if (v == 0)
        {
          g_string_free (group, TRUE);
          continue;
        }
      if (v / 100)
        tg_join (group, tg_hundreds[v / 100]);
      if (v % 100 >= 20)
        {
          tg_join (group, tg_tens[(v % 100) / 10]);
          if (v % 10)
            tg_join (group, tg_units[v % 10]);
        }
      else if (v % 100)
        tg_join (group, tg_units[v % 100]);
      if (g > 0)
        {
          g_string_append_c (group, ' ');
          g_string_append (group, tg_scales[MIN (g, 3)]);
        }
      tg_join (out, group->str);
      g_string_free (group, TRUE);
    }
}

/* ---- Russian ----------------------------------------------------------- */

static const char * const ru_units[] = {
  "", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять",
  "десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать",
  "шестнадцать", "семнадцать", "восемнадцать", "девятнадцать",
};
static const char * const ru_tens[] = {
  "", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят", "девяносто",
};
static const char * const ru_hundreds[] = {
  "", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот", "девятьсот",
};
/* one, few (2–4), many */
static const char * const ru_scales[][3] = {
  { "", "", "" },
  { "тысяча", "тысячи", "тысяч" },
  { "миллион", "миллиона", "миллионов" },
  { "миллиард", "миллиарда", "миллиардов" },
};

static int
ru_plural (guint64 n)
{
  if (n % 10 == 1 && n % 100 != 11)
    return 0;
  if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 10 || n % 100 >= 20))
    return 1;
  return 2;
}

static void
ru_append (GString    *out,
           const char *word)
{
  if (out->len > 0)
    g_string_append_c (out, ' ');
  g_string_append (out, word);
}

static void
ru_words (GString *out,
          guint64  n)
{
  guint groups[7];
  int n_groups = 0;

  do
    {
      groups[n_groups++] = n % 1000;
      n /= 1000;
    }
  while (n > 0 && n_groups < 7);

  for (int g = n_groups - 1; g >= 0; g--)
    {
      guint v = groups[g];
      guint last = v % 100;

      if (v == 0)
        continue;
      if (v / 100)
        ru_append (out, ru_hundreds[v / 100]);
      if (last >= 20)
        {
          ru_append (out, ru_tens[last / 10]);
          last %= 10;
        }
      if (last > 0)
        {
          /* тысяча is feminine: одна тысяча, две тысячи */
          if (g == 1 && last == 1)
            ru_append (out, "одна");
          else if (g == 1 && last == 2)
            ru_append (out, "две");
          else
            ru_append (out, ru_units[last]);
        }
      if (g > 0)
        ru_append (out, ru_scales[MIN (g, 3)][ru_plural (v)]);
    }
}

/* ---- English ----------------------------------------------------------- */

static const char * const en_units[] = {
  "", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
  "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
};
static const char * const en_tens[] = {
  "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
};
static const char * const en_scales[] = { "", "thousand", "million", "billion" };

static void
en_words (GString *out,
          guint64  n)
{
  guint groups[7];
  int n_groups = 0;

  do
    {
      groups[n_groups++] = n % 1000;
      n /= 1000;
    }
  while (n > 0 && n_groups < 7);

  for (int g = n_groups - 1; g >= 0; g--)
    {
      guint v = groups[g];
      guint last = v % 100;

      if (v == 0)
        continue;
      if (v / 100)
        {
          ru_append (out, en_units[v / 100]);
          ru_append (out, "hundred");
        }
      if (last >= 20)
        {
          ru_append (out, en_tens[last / 10]);
          if (last % 10)
            g_string_append_printf (out, "-%s", en_units[last % 10]);
        }
      else if (last > 0)
        ru_append (out, en_units[last]);
      if (g > 0)
        ru_append (out, en_scales[MIN (g, 3)]);
    }
}

/**
 * hmr_act_amount_in_words:
 * @dirams: the amount in hundredths of @currency
 * @currency: (nullable): "TJS" (the default) or another ISO 4217 code
 *
 * Returns: (transfer full): the amount written out, capitalised
 */
char *
hmr_act_amount_in_words (gint64          dirams,
                         const char     *currency,
                         HmrActLanguage  language)
{
  static const char * const zero[] = { "сифр", "ноль", "zero" };
  guint64 abs_value = dirams < 0 ? -(guint64) dirams : (guint64) dirams;
  guint64 whole = abs_value / 100;
  guint cents = abs_value % 100;
  gboolean somoni = currency == NULL || *currency == '\0' || g_str_equal (currency, HMR_CURRENCY_DEFAULT);
  GString *out = g_string_new (NULL);
  g_autofree char *first = NULL;
  gunichar c;

  g_return_val_if_fail (language < HMR_N_ACT_LANGUAGES, g_strdup (""));

  if (whole == 0)
    g_string_append (out, zero[language]);
  else if (language == HMR_ACT_LANGUAGE_TG)
    tg_words (out, whole);
  else if (language == HMR_ACT_LANGUAGE_RU)
    ru_words (out, whole);
  else
    en_words (out, whole);

  if (!somoni)
    g_string_append_printf (out, " %s %02u/100", currency, cents);
  else if (language == HMR_ACT_LANGUAGE_TG)
    g_string_append_printf (out, " сомонӣ %02u дирам", cents);
  else if (language == HMR_ACT_LANGUAGE_RU)
    g_string_append_printf (out, " сомони %02u %s", cents,
                            (const char *[]) { "дирам", "дирама", "дирамов" }[ru_plural (cents)]);
  else
    g_string_append_printf (out, " somoni %02u %s", cents, cents == 1 ? "diram" : "dirams");

  if (dirams < 0)
    g_string_prepend (out, language == HMR_ACT_LANGUAGE_EN ? "minus " :
                           language == HMR_ACT_LANGUAGE_RU ? "минус " : "минус ");

  /* capitalised: "Панҷ ҳазору …" */
  c = g_utf8_get_char (out->str);
  first = g_ucs4_to_utf8 ((gunichar[]) { g_unichar_toupper (c) }, 1, NULL, NULL, NULL);
  if (first != NULL)
    {
      gsize len = g_utf8_next_char (out->str) - out->str;
      g_string_erase (out, 0, len);
      g_string_prepend (out, first);
    }
  return g_string_free (out, FALSE);
}
