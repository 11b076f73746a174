/* test-who5.c — WHO-5 wellbeing scoring and the supervisor's flags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-who5.h"

static void
test_score_is_sum_times_four (void)
{
  const int typical[] = { 3, 4, 2, 3, 2 };
  const int best[] = { 5, 5, 5, 5, 5 };
  const int worst[] = { 0, 0, 0, 0, 0 };
  g_autoptr(GError) error = NULL;
  int score = -1;

  g_assert_true (hmr_who5_score (typical, &score, &error));
  g_assert_no_error (error);
  g_assert_cmpint (score, ==, 56);
  g_assert_true (hmr_who5_score (best, &score, &error));
  g_assert_cmpint (score, ==, 100);
  g_assert_true (hmr_who5_score (worst, &score, &error));
  g_assert_cmpint (score, ==, 0);
}

static void
test_item_out_of_range_names_the_item (void)
{
  const int too_high[] = { 3, 4, 6, 3, 2 };
  const int negative[] = { 3, 4, 2, 3, -1 };
  g_autoptr(GError) error = NULL;
  int score = -7;

  g_assert_false (hmr_who5_score (too_high, &score, &error));
  g_assert_error (error, HMR_WHO5_ERROR, HMR_WHO5_ERROR_ITEM_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "item 3"));
  g_assert_nonnull (strstr (error->message, hmr_who5_item_get_label (2)));
  g_assert_nonnull (strstr (error->message, "6"));
  g_assert_cmpint (score, ==, -7);
  g_clear_error (&error);

  g_assert_false (hmr_who5_score (negative, &score, &error));
  g_assert_error (error, HMR_WHO5_ERROR, HMR_WHO5_ERROR_ITEM_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "item 5"));
  g_assert_null (strstr (error->message, "item 3"));
}

#define LOW    HMR_WHO5_FLAG_LOW
#define SCREEN HMR_WHO5_FLAG_SCREEN
#define DROP   HMR_WHO5_FLAG_DROP

static void
test_drop_of_ten_flagged_nine_not (void)
{
  g_assert_cmpint (hmr_who5_flags (70, 60), ==, DROP);
  g_assert_cmpint (hmr_who5_flags (70, 61), ==, HMR_WHO5_FLAG_NONE);
  g_assert_cmpint (hmr_who5_flags (70, 52), ==, DROP);
  /* a rise is never a drop */
  g_assert_cmpint (hmr_who5_flags (60, 80), ==, HMR_WHO5_FLAG_NONE);
}

static void
test_28_or_below_likely_depression (void)
{
  g_assert_cmpint (hmr_who5_flags (32, 28), ==, LOW | SCREEN);
  g_assert_cmpint (hmr_who5_flags (32, 24), ==, LOW | SCREEN);
  g_assert_cmpint (hmr_who5_flags (32, 32), ==, SCREEN);
  /* likely depression and falling */
  g_assert_cmpint (hmr_who5_flags (40, 28), ==, LOW | SCREEN | DROP);
  /* the supervisor is told of these two, not of screening */
  g_assert_cmpint (hmr_who5_flags (40, 28) & HMR_WHO5_SUPERVISOR_FLAGS, ==, LOW | DROP);
  g_assert_cmpint (hmr_who5_flags (52, 48) & HMR_WHO5_SUPERVISOR_FLAGS, ==, HMR_WHO5_FLAG_NONE);
}

static void
test_50_or_below_suggests_screening (void)
{
  g_assert_cmpint (hmr_who5_flags (-1, 50), ==, SCREEN);
  g_assert_cmpint (hmr_who5_flags (-1, 52), ==, HMR_WHO5_FLAG_NONE);
  g_assert_cmpint (hmr_who5_flags (60, 48), ==, SCREEN | DROP);
  /* read back from what the store keeps */
  g_assert_cmpint (hmr_who5_flags_from_stored (0, 44), ==, SCREEN);
  g_assert_cmpint (hmr_who5_flags_from_stored (LOW, 20), ==, LOW | SCREEN);
  g_assert_cmpint (hmr_who5_flags_from_stored (0, 76), ==, HMR_WHO5_FLAG_NONE);
  g_assert_cmpint (hmr_who5_flags_from_stored (-1, -1), ==, HMR_WHO5_FLAG_NONE);
}

static void
test_first_score_only_by_threshold (void)
{
  g_assert_cmpint (hmr_who5_flags (-1, 28), ==, LOW | SCREEN);
  g_assert_cmpint (hmr_who5_flags (-1, 0), ==, LOW | SCREEN);
  g_assert_cmpint (hmr_who5_flags (-1, 32), ==, SCREEN);
  g_assert_cmpint (hmr_who5_flags (-1, 100), ==, HMR_WHO5_FLAG_NONE);
}

static void
test_flag_descriptions (void)
{
  g_autofree char *none = hmr_who5_describe_flags (HMR_WHO5_FLAG_NONE, 60, 60);
  g_autofree char *drop = hmr_who5_describe_flags (DROP, 72, 60);
  g_autofree char *low = hmr_who5_describe_flags (LOW | SCREEN, -1, 24);
  g_autofree char *screen = hmr_who5_describe_flags (SCREEN, -1, 44);
  g_autofree char *guidance = hmr_who5_dup_guidance ();

  g_assert_null (none);
  g_assert_nonnull (strstr (drop, "72"));
  g_assert_nonnull (strstr (drop, "60"));
  g_assert_nonnull (strstr (low, "24"));
  g_assert_nonnull (strstr (low, "depression"));
  g_assert_nonnull (strstr (screen, "44"));
  g_assert_nonnull (strstr (screen, "screen"));
  /* the thresholds are named where a score is recorded */
  g_assert_nonnull (strstr (guidance, "28 or below"));
  g_assert_nonnull (strstr (guidance, "50 or below"));
  g_assert_nonnull (strstr (guidance, "10 points"));
}

static void
test_items_as_stored (void)
{
  const int items[] = { 3, 4, 2, 3, 2 };
  g_autofree char *text = hmr_who5_items_to_string (items);
  g_autoptr(GError) error = NULL;
  int back[HMR_WHO5_N_ITEMS];

  g_assert_cmpstr (text, ==, "34232");
  g_assert_true (hmr_who5_items_parse (text, back, &error));
  g_assert_no_error (error);
  g_assert_cmpmem (back, sizeof back, items, sizeof items);

  g_assert_false (hmr_who5_items_parse ("3423", back, &error));
  g_assert_error (error, HMR_WHO5_ERROR, HMR_WHO5_ERROR_MALFORMED);
  g_clear_error (&error);
  g_assert_false (hmr_who5_items_parse ("34a32", back, &error));
  g_assert_error (error, HMR_WHO5_ERROR, HMR_WHO5_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "item 3"));
  g_clear_error (&error);
  g_assert_false (hmr_who5_items_parse ("34292", back, &error));
  g_assert_error (error, HMR_WHO5_ERROR, HMR_WHO5_ERROR_ITEM_OUT_OF_RANGE);
  g_assert_nonnull (strstr (error->message, "item 4"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/who5/score/sum-times-four", test_score_is_sum_times_four);
  g_test_add_func ("/who5/score/item-out-of-range-refused-naming-the-item", test_item_out_of_range_names_the_item);
  g_test_add_func ("/who5/flags/drop-of-ten-flagged-nine-not", test_drop_of_ten_flagged_nine_not);
  g_test_add_func ("/who5/flags/28-or-below-likely-depression", test_28_or_below_likely_depression);
  g_test_add_func ("/who5/flags/50-or-below-suggests-screening", test_50_or_below_suggests_screening);
  g_test_add_func ("/who5/flags/first-score-only-by-threshold", test_first_score_only_by_threshold);
  g_test_add_func ("/who5/flags/described", test_flag_descriptions);
  g_test_add_func ("/who5/items/stored-as-five-digits", test_items_as_stored);

  return g_test_run ();
}
