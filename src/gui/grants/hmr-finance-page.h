/* hmr-finance-page.h — the finance workspace: grants waiting for money,
 * grants being paid, handovers, totals, and the ledger in Excel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-area-page.h"
#include "hmr-area-page.h"

G_BEGIN_DECLS

#define HMR_TYPE_FINANCE_PAGE (hmr_finance_page_get_type ())
G_DECLARE_FINAL_TYPE (HmrFinancePage, hmr_finance_page, HMR, FINANCE_PAGE, HmrAreaPage)

HmrFinancePage *hmr_finance_page_new              (HmrStore       *store,
                                                   const HmrActor *actor);
void            hmr_finance_page_reload           (HmrFinancePage *self);
gboolean        hmr_finance_page_get_exporting    (HmrFinancePage *self);
void            hmr_finance_page_export_ledger_to (HmrFinancePage *self,
                                                   GFile          *file);
GtkListBox     *hmr_finance_page_get_list         (HmrFinancePage *self,
                                                   const char     *name);

/* The window's area table */
gboolean        hmr_finance_area_allowed          (const HmrActor *actor);
GtkWidget      *hmr_finance_area_create           (HmrContext     *context);

G_END_DECLS
