/* hmr-lock-page.h — what a locked window shows: whose session it is, the
 * password to unlock it, and Log Out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-store.h"

G_BEGIN_DECLS

#define HMR_TYPE_LOCK_PAGE (hmr_lock_page_get_type ())
G_DECLARE_FINAL_TYPE (HmrLockPage, hmr_lock_page, HMR, LOCK_PAGE, AdwBin)

HmrLockPage *hmr_lock_page_new                (HmrStore       *store,
                                               const HmrActor *actor);
void         hmr_lock_page_reset              (HmrLockPage    *self);
gboolean     hmr_lock_page_get_busy           (HmrLockPage    *self);

/* For tests */
GtkEditable *hmr_lock_page_get_password_entry (HmrLockPage    *self);
GtkLabel    *hmr_lock_page_get_error_label    (HmrLockPage    *self);

G_END_DECLS
