/* hmr-dates.c — dates as people type them and as the database keeps them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "hmr-dates.h"

/* Three groups of digits and nothing else: a year of four digits first
 * with dashes (1988-07-14), or last with dots or slashes (14.07.1988).
 * sscanf() alone would also read signs and spaces ("-6-11-23" became the
 * year 65530) and two-digit years. */
static gboolean
has_date_shape (const char *text)
{
  guint lens[3] = { 0 };
  guint groups = 0, len = 0;
  char sep = 0;

  for (const char *p = text; ; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          len++;
          continue;
        }
      if (len == 0 || groups == 3)
        return FALSE;
      lens[groups++] = len;
      len = 0;
      if (*p == '\0')
        break;
      if ((*p != '-' && *p != '.' && *p != '/') || (sep != 0 && *p != sep))
        return FALSE;
      sep = *p;
    }
  if (groups != 3)
    return FALSE;
  if (sep == '-')
    return lens[0] == 4 && lens[1] <= 2 && lens[2] <= 2;
  return lens[0] <= 2 && lens[1] <= 2 && lens[2] == 4;
}

/**
 * hmr_parse_user_date:
 * @text: (nullable): "31.12.2026", "31/12/2026" or "2026-12-31"
 * @date: (out): the day
 *
 * Returns: %FALSE when @text is not a day that exists
 */
gboolean
hmr_parse_user_date (const char *text,
                     GDate      *date)
{
  guint a, b, c;
  char sep1, sep2, tail;
  GDateYear year;
  GDateMonth month;
  GDateDay day;
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (date != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  /* spaces around what was typed are not part of the date */
  trimmed = g_strstrip (g_strdup (text));
  text = trimmed;
  if (!has_date_shape (text))
    return FALSE;

  if (sscanf (text, "%4u-%2u-%2u%c", &a, &b, &c, &tail) == 3)
    {
      year = a; month = b; day = c;
      if (a < 1000)
        return FALSE;
    }
  else if (sscanf (text, "%2u%c%2u%c%4u%c", &a, &sep1, &b, &sep2, &c, &tail) == 5 &&
           sep1 == sep2 && (sep1 == '.' || sep1 == '/'))
    {
      day = a; month = b; year = c;
      if (c < 1000)
        return FALSE;
    }
  else
    return FALSE;

  if (!g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

/**
 * hmr_dup_iso_date:
 * @text: (nullable): a date as typed (see hmr_parse_user_date())
 * @date: (out) (optional): the day
 *
 * Returns: (transfer full) (nullable): the day as ISO 8601, or %NULL when
 *   @text is not a date
 */
char *
hmr_dup_iso_date (const char *text,
                  GDate      *date)
{
  GDate d;
  char buf[16];

  if (text == NULL || !hmr_parse_user_date (text, &d))
    return NULL;
  if (date)
    *date = d;
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &d);
  return g_strdup (buf);
}
