/* hmr-who5.h — the WHO-5 wellbeing index: scoring and the supervisor's flags
 *
 * Five statements about the last two weeks, each answered 0 (at no time)
 * to 5 (all of the time).  The score is the raw sum times four, 0 to 100.
 * As the usual guidance reads it: a score of 28 or below flags likely
 * depression, one of 50 or below suggests screening for depression, and a
 * fall of 10 points or more since the person's previous score flags a
 * change.  Likely depression and a fall are flagged for the supervisor
 * (and stored in follow_up.who5_flags); "screen" is told to the
 * caseworker and derived from the score whenever it is read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HMR_WHO5_N_ITEMS        5
#define HMR_WHO5_ITEM_MAX       5
#define HMR_WHO5_LOW_SCORE      28   /* this or below: likely depression */
#define HMR_WHO5_SCREEN_SCORE   50   /* this or below: screen for depression */
#define HMR_WHO5_DROP           10   /* a fall of this much or more: a change */

#define HMR_WHO5_ERROR (hmr_who5_error_quark ())

typedef enum
{
  HMR_WHO5_ERROR_ITEM_OUT_OF_RANGE,
  HMR_WHO5_ERROR_MALFORMED,
} HmrWho5Error;

typedef enum
{
  HMR_WHO5_FLAG_NONE = 0,
  HMR_WHO5_FLAG_LOW    = 1 << 0,   /* HMR_WHO5_LOW_SCORE or below */
  HMR_WHO5_FLAG_DROP   = 1 << 1,   /* fell by HMR_WHO5_DROP or more */
  HMR_WHO5_FLAG_SCREEN = 1 << 2,   /* HMR_WHO5_SCREEN_SCORE or below; not stored */
} HmrWho5Flags;

/* The flags a supervisor acknowledges, as follow_up.who5_flags keeps them */
#define HMR_WHO5_SUPERVISOR_FLAGS (HMR_WHO5_FLAG_LOW | HMR_WHO5_FLAG_DROP)

GQuark        hmr_who5_error_quark    (void);

gboolean      hmr_who5_score          (const int     items[HMR_WHO5_N_ITEMS],
                                       int          *score,
                                       GError      **error);
HmrWho5Flags  hmr_who5_flags          (int           previous_score,
                                       int           score);
HmrWho5Flags  hmr_who5_flags_from_stored (int         stored,
                                       int           score);
char         *hmr_who5_dup_guidance   (void);
const char   *hmr_who5_item_get_label (guint         item);
char         *hmr_who5_describe_flags (HmrWho5Flags  flags,
                                       int           previous_score,
                                       int           score);

/* The items as stored in follow_up.who5_items: five digits, e.g. "34232" */
char         *hmr_who5_items_to_string (const int    items[HMR_WHO5_N_ITEMS]);
gboolean      hmr_who5_items_parse    (const char   *text,
                                       int           items[HMR_WHO5_N_ITEMS],
                                       GError      **error);

G_END_DECLS
