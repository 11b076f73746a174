/* hmr-money.c — amounts of money read and written in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "hmr-locale.h"
#include "hmr-money.h"

/**
 * hmr_money_currency:
 * @currency: (nullable): a record's ISO 4217 code, as stored with it
 *
 * Returns: @currency, or the somoni's code when it is %NULL or blank
 */
const char *
hmr_money_currency (const char *currency)
{
  return currency == NULL || *currency == '\0' ? HMR_CURRENCY_DEFAULT : currency;
}

/* The locale's separators; none for grouping in the C locale */
static void
locale_separators (const char **group,
                   char        *point)
{
  const struct lconv *lc = localeconv ();

  *group = lc->thousands_sep != NULL ? lc->thousands_sep : "";
  *point = lc->decimal_point != NULL && lc->decimal_point[0] != '\0' ? lc->decimal_point[0] : '.';
}

/**
 * hmr_money_format:
 * @dirams: the amount in hundredths of @currency
 * @currency: (nullable): the record's ISO 4217 code; %NULL or blank for
 *   the somoni
 * @style: the separators: those of the window's language, or those of
 *   a document's language
 *
 * The code is written as stored, not translated: it is what the ledger,
 * the bank and the donor's report use, whatever the language.
 *
 * Returns: (transfer full): e.g. "5,874.00 TJS" or "5 874,00 TJS"
 */
char *
hmr_money_format (gint64         dirams,
                  const char    *currency,
                  HmrMoneyStyle  style)
{
  gboolean negative = dirams < 0;
  guint64 abs_value = negative ? -(guint64) dirams : (guint64) dirams;
  GString *out;
  const char *group, *space;
  char point, digits[32];
  guint n;

  /* The window writes an amount as the act in its language does */
  if (style == HMR_MONEY_LOCALE)
    style = hmr_locale_writes_cyrillic () ? HMR_MONEY_CYRILLIC : HMR_MONEY_ENGLISH;
  out = g_string_new (negative ? "\u2212" : "");
  switch (style)
    {
    case HMR_MONEY_ENGLISH:
      group = ",";
      point = '.';
      space = "\u00a0";
      break;
    case HMR_MONEY_CYRILLIC:
    default:
      group = "\u00a0";
      point = ',';
      space = "\u00a0";
      break;
    }

  n = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, abs_value / 100);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append (out, group);
      g_string_append_c (out, digits[i]);
    }
  g_string_append_printf (out, "%c%02u%s%s", point, (guint) (abs_value % 100), space,
                          hmr_money_currency (currency));
  return g_string_free (out, FALSE);
}

/**
 * hmr_money_format_input:
 *
 * Returns: (transfer full): the amount as it would be typed into a field:
 *   no currency, no grouping, the locale's decimal separator ("1250",
 *   "1250,50")
 */
char *
hmr_money_format_input (gint64 dirams)
{
  const char *group;
  char point;

  locale_separators (&group, &point);
  if (dirams % 100 == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, dirams / 100);
  return g_strdup_printf ("%s%" G_GINT64_FORMAT "%c%02d", dirams < 0 && dirams > -100 ? "-" : "",
                          dirams / 100, point, (int) ABS (dirams % 100));
}

/**
 * hmr_money_xlsx_format:
 *
 * Returns: (transfer full): the number format of a workbook's money
 *   cells, with the currency's code: `#,##0.00 "TJS"`
 */
char *
hmr_money_xlsx_format (const char *currency)
{
  return g_strdup_printf ("#,##0.00 \"%s\"", hmr_money_currency (currency));
}

/* Keeps digits and the separators . and , of @text; drops spaces (also
 * the no-break and thin ones a locale groups thousands with) and a
 * trailing currency */
static char *
strip_money (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2009 || c == '\'')
        continue;
      if ((c >= '0' && c <= '9') || c == '.' || c == ',')
        g_string_append_c (out, (char) c);
      else if (g_unichar_isalpha (c))
        {
          /* "TJS", "сомонӣ": the currency may end what was typed */
          const char *q = p;
          for (; *q != '\0'; q = g_utf8_next_char (q))
            if (!g_unichar_isalpha (g_utf8_get_char (q)) && !g_unichar_isspace (g_utf8_get_char (q)))
              break;
          if (*q != '\0' || out->len == 0)
            {
              g_string_free (out, TRUE);
              return NULL;
            }
          break;
        }
      else
        {
          g_string_free (out, TRUE);
          return NULL;
        }
    }
  return g_string_free (out, FALSE);
}

/**
 * hmr_money_parse:
 * @text: an amount as typed: "5874", "5 874,50", "5,874.50", "5874.5 TJS"
 * @dirams: (out): the amount in dirams
 *
 * A separator followed by one or two digits at the end is the decimal
 * one; any other groups thousands.
 *
 * Returns: %FALSE when @text is not an amount
 */
gboolean
hmr_money_parse (const char *text,
                 gint64     *dirams)
{
  g_autofree char *s = NULL;
  const char *last_sep;
  guint64 whole = 0;
  guint frac = 0;
  gsize len, decimal_at;

  if (text == NULL)
    return FALSE;
  s = strip_money (text);
  if (s == NULL || s[0] == '\0')
    return FALSE;

  len = strlen (s);
  last_sep = NULL;
  for (const char *p = s; *p; p++)
    if (*p == '.' || *p == ',')
      last_sep = p;
  decimal_at = len;
  if (last_sep != NULL)
    {
      gsize after = len - (gsize) (last_sep - s) - 1;

      if (after == 1 || after == 2)
        decimal_at = (gsize) (last_sep - s);
      else if (after != 3)
        return FALSE;
    }

  /* thousands: one separator, groups of three after the first */
  {
    char group_sep = 0;
    gsize run = 0, groups = 0;

    for (gsize i = 0; i <= decimal_at; i++)
      {
        if (i == decimal_at || s[i] == '.' || s[i] == ',')
          {
            if ((groups == 0 && (run == 0 || (i < decimal_at && run > 3))) ||
                (groups > 0 && run != 3))
              return FALSE;
            if (i < decimal_at)
              {
                if ((group_sep != 0 && s[i] != group_sep) ||
                    (decimal_at < len && s[i] == s[decimal_at]))
                  return FALSE;
                group_sep = s[i];
                groups++;
              }
            run = 0;
          }
        else
          run++;
      }
  }

  for (gsize i = 0; i < decimal_at; i++)
    {
      if (s[i] == '.' || s[i] == ',')
        continue;
      if (whole > G_MAXINT64 / 1000)
        return FALSE;
      whole = whole * 10 + (guint64) (s[i] - '0');
    }
  if (decimal_at < len)
    {
      const char *f = s + decimal_at + 1;

      if (!g_ascii_isdigit (f[0]) || (f[1] != '\0' && !g_ascii_isdigit (f[1])))
        return FALSE;
      frac = (guint) (f[0] - '0') * 10 + (f[1] != '\0' ? (guint) (f[1] - '0') : 0);
    }
  /* the loop's bound lets 17 digits through: their dirams may not fit */
  if (whole > (guint64) (G_MAXINT64 - 99) / 100)
    return FALSE;
  *dirams = (gint64) whole * 100 + frac;
  return TRUE;
}

