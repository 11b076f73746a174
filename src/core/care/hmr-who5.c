/* hmr-who5.c — the WHO-5 wellbeing index
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hmr-who5.h"

G_DEFINE_QUARK (hmr-who5-error-quark, hmr_who5_error)

/**
 * hmr_who5_item_get_label:
 * @item: 0 to 4
 *
 * Returns: the statement the person answers, translated
 */
const char *
hmr_who5_item_get_label (guint item)
{
  switch (item)
    {
    case 0: return _("I have felt cheerful and in good spirits");
    case 1: return _("I have felt calm and relaxed");
    case 2: return _("I have felt active and vigorous");
    case 3: return _("I woke up feeling fresh and rested");
    case 4: return _("My daily life has been filled with things that interest me");
    default:
      g_return_val_if_reached ("");
    }
}

/**
 * hmr_who5_score:
 * @items: the five answers, each 0 to 5
 * @score: (out): the score, 0 to 100: the raw sum times four
 *
 * Returns: %FALSE, with an error naming the first item out of range, when
 *   an answer is not 0 to 5
 */
gboolean
hmr_who5_score (const int   items[HMR_WHO5_N_ITEMS],
                int        *score,
                GError    **error)
{
  int sum = 0;

  for (guint i = 0; i < HMR_WHO5_N_ITEMS; i++)
    {
      if (items[i] < 0 || items[i] > HMR_WHO5_ITEM_MAX)
        {
          g_set_error (error, HMR_WHO5_ERROR, HMR_WHO5_ERROR_ITEM_OUT_OF_RANGE,
                       _("WHO-5 item %u (“%s”): %d is out of range; give 0 (at no time) to 5 (all of the time)."),
                       i + 1, hmr_who5_item_get_label (i), items[i]);
          return FALSE;
        }
      sum += items[i];
    }
  if (score)
    *score = sum * 4;
  return TRUE;
}

/**
 * hmr_who5_flags:
 * @previous_score: the person's previous score, or -1 for a first score
 * @score: the new score
 *
 * A first score is judged by the thresholds only.
 *
 * Returns: what the score says, as the guidance reads it; the
 *   %HMR_WHO5_SUPERVISOR_FLAGS of it need the supervisor's attention
 */
HmrWho5Flags
hmr_who5_flags (int previous_score,
                int score)
{
  HmrWho5Flags flags = HMR_WHO5_FLAG_NONE;

  if (score < 0)
    return flags;
  if (score <= HMR_WHO5_LOW_SCORE)
    flags |= HMR_WHO5_FLAG_LOW;
  if (score <= HMR_WHO5_SCREEN_SCORE)
    flags |= HMR_WHO5_FLAG_SCREEN;
  if (previous_score >= 0 && previous_score - score >= HMR_WHO5_DROP)
    flags |= HMR_WHO5_FLAG_DROP;
  return flags;
}

/**
 * hmr_who5_flags_from_stored:
 * @stored: follow_up.who5_flags (the supervisor's flags), or -1
 * @score: the score, or -1
 *
 * Returns: the stored flags with the screening flag the score implies
 */
HmrWho5Flags
hmr_who5_flags_from_stored (int stored,
                            int score)
{
  HmrWho5Flags flags = stored > 0 ? (stored & HMR_WHO5_SUPERVISOR_FLAGS) : HMR_WHO5_FLAG_NONE;

  if (score >= 0 && score <= HMR_WHO5_SCREEN_SCORE)
    flags |= HMR_WHO5_FLAG_SCREEN;
  return flags;
}

/**
 * hmr_who5_dup_guidance:
 *
 * Returns: the thresholds, in one translated paragraph, for the dialog
 *   where a score is recorded
 */
char *
hmr_who5_dup_guidance (void)
{
  /* Translators: the WHO-5 thresholds; the numbers are put in by Hamroh */
  return g_strdup_printf (_("The score is the total of the five answers times four, 0 to 100. "
                            "%d or below: likely depression. %d or below: screen for depression. "
                            "A fall of %d points or more since the last score: a change to look at. "
                            "Likely depression and a fall are flagged for the supervisor."),
                          HMR_WHO5_LOW_SCORE, HMR_WHO5_SCREEN_SCORE, HMR_WHO5_DROP);
}

/**
 * hmr_who5_describe_flags:
 *
 * Returns: (nullable): one translated line saying what the score shows,
 *   %NULL when it shows nothing to act on
 */
char *
hmr_who5_describe_flags (HmrWho5Flags flags,
                         int          previous_score,
                         int          score)
{
  if ((flags & HMR_WHO5_FLAG_LOW) && (flags & HMR_WHO5_FLAG_DROP))
    return g_strdup_printf (_("Wellbeing %d of 100, down from %d: likely depression, and falling"),
                            score, previous_score);
  if (flags & HMR_WHO5_FLAG_LOW)
    return g_strdup_printf (_("Wellbeing %d of 100: %d or below, likely depression"),
                            score, HMR_WHO5_LOW_SCORE);
  if (flags & HMR_WHO5_FLAG_DROP)
    return g_strdup_printf (_("Wellbeing fell from %d to %d of 100: a change to look at"),
                            previous_score, score);
  if (flags & HMR_WHO5_FLAG_SCREEN)
    return g_strdup_printf (_("Wellbeing %d of 100: %d or below, screen for depression"),
                            score, HMR_WHO5_SCREEN_SCORE);
  return NULL;
}

char *
hmr_who5_items_to_string (const int items[HMR_WHO5_N_ITEMS])
{
  char buf[HMR_WHO5_N_ITEMS + 1];

  for (guint i = 0; i < HMR_WHO5_N_ITEMS; i++)
    {
      g_return_val_if_fail (items[i] >= 0 && items[i] <= HMR_WHO5_ITEM_MAX, NULL);
      buf[i] = (char) ('0' + items[i]);
    }
  buf[HMR_WHO5_N_ITEMS] = '\0';
  return g_strdup (buf);
}

gboolean
hmr_who5_items_parse (const char  *text,
                      int          items[HMR_WHO5_N_ITEMS],
                      GError     **error)
{
  if (text == NULL || strlen (text) != HMR_WHO5_N_ITEMS)
    {
      g_set_error (error, HMR_WHO5_ERROR, HMR_WHO5_ERROR_MALFORMED,
                   _("WHO-5: expected five answers, each 0 to 5, such as “34232”."));
      return FALSE;
    }
  for (guint i = 0; i < HMR_WHO5_N_ITEMS; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        {
          g_set_error (error, HMR_WHO5_ERROR, HMR_WHO5_ERROR_MALFORMED,
                       _("WHO-5 item %u (“%s”): “%c” is not a number from 0 to 5."),
                       i + 1, hmr_who5_item_get_label (i), text[i]);
          return FALSE;
        }
      items[i] = text[i] - '0';
    }
  return hmr_who5_score (items, NULL, error);
}
