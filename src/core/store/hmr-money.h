/* hmr-money.h — amounts of money: read as people type them, written with
 * the currency's code, for the window, the printed acts and the workbooks
 *
 * Money is an integer count of hundredths (dirams: 1 TJS = 100 dirams)
 * with the record's ISO 4217 code (DESIGN §4).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HMR_CURRENCY_DEFAULT "TJS"

/* How an amount is written */
typedef enum
{
  HMR_MONEY_LOCALE,     /* the window's language, as its acts write it:
                         * "5,874.00 TJS" in English, "5 874,00 TJS" in
                         * Tajik and Russian */
  HMR_MONEY_ENGLISH,    /* "5,874.00 TJS": documents in English */
  HMR_MONEY_CYRILLIC,   /* "5 874,00 TJS" with no-break spaces: documents in Tajik or Russian */
} HmrMoneyStyle;

const char *hmr_money_currency       (const char    *currency);
char       *hmr_money_format         (gint64         dirams,
                                      const char    *currency,
                                      HmrMoneyStyle  style);
char       *hmr_money_format_input   (gint64         dirams);
gboolean    hmr_money_parse          (const char    *text,
                                      gint64        *dirams);
char       *hmr_money_xlsx_format    (const char    *currency);

G_END_DECLS
