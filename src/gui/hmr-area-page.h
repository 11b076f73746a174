/* hmr-area-page.h — what every area of the main window is built on: the
 * store it reads and the user it acts for
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-context.h"

G_BEGIN_DECLS

#define HMR_TYPE_AREA_PAGE (hmr_area_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (HmrAreaPage, hmr_area_page, HMR, AREA_PAGE, AdwBin)

struct _HmrAreaPageClass
{
  AdwBinClass parent_class;

  /* The store committed @changes (HmrStore::changed): reload what they
   * touch.  Called for every page, shown or not. */
  void (*store_changed) (HmrAreaPage  *self,
                         HmrChangeSet *changes);
};

HmrStore       *hmr_area_page_get_store (HmrAreaPage *self);
const HmrActor *hmr_area_page_get_actor (HmrAreaPage *self);
HmrContext     *hmr_area_page_get_context (HmrAreaPage *self);

G_END_DECLS
