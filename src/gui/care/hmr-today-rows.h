/* hmr-today-rows.h — the words of a Today row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-follow-up.h"

G_BEGIN_DECLS

char *hmr_today_row_dup_what (const HmrTodayItem *item);
char *hmr_today_row_dup_when (const HmrTodayItem *item);

G_END_DECLS
