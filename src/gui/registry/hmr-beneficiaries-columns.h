/* hmr-beneficiaries-columns.h — the cells of the beneficiaries list, with
 * the words that match the search in bold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-store.h"

G_BEGIN_DECLS

typedef enum
{
  HMR_COLUMN_CASE_NUMBER,
  HMR_COLUMN_NAME,
  HMR_COLUMN_DISTRICT,
  HMR_COLUMN_CATEGORY,
  HMR_COLUMN_STAGE,
  HMR_COLUMN_CASEWORKER,
  HMR_COLUMN_LAST_CONTACT,
  HMR_COLUMN_RISK,
  HMR_N_COLUMNS
} HmrColumn;

/* What the cells highlight: the search as typed, owned by the page */
typedef struct
{
  char  *text;
  char **keys;      /* its cross-script keys, one a word */
} HmrHighlight;

void                hmr_highlight_set            (HmrHighlight        *highlight,
                                                  const char          *text);
void                hmr_highlight_clear          (HmrHighlight        *highlight);
char               *hmr_highlight_markup         (const HmrHighlight  *highlight,
                                                  const char          *text);

void                hmr_beneficiaries_columns_set_up (GtkColumnViewColumn **columns,
                                                  HmrHighlight         *highlight);
HmrBeneficiarySort  hmr_column_get_sort          (HmrColumn            column,
                                                  gboolean            *invert);

G_END_DECLS
