/* hmr-lock.h — the idle lock of a main window
 *
 * After some minutes without input (the "idle-lock-minutes" setting) the
 * window and its dialogs are hidden behind a lock screen.  Unlocking with the password brings everything back as it was,
 * unsaved text included.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hmr-lock-page.h"
#include "hmr-store.h"

G_BEGIN_DECLS

#define HMR_TYPE_LOCK (hmr_lock_get_type ())
G_DECLARE_FINAL_TYPE (HmrLock, hmr_lock, HMR, LOCK, GObject)

HmrLock     *hmr_lock_attach               (AdwApplicationWindow *window,
                                            HmrStore             *store,
                                            const HmrActor       *actor,
                                            GSettings            *settings);
HmrLock     *hmr_lock_get_for_window       (GtkWindow            *window);

void         hmr_lock_lock                 (HmrLock              *self);
gboolean     hmr_lock_get_locked           (HmrLock              *self);
/* The lock screen, while locked */
HmrLockPage *hmr_lock_get_page             (HmrLock              *self);

/* For tests: seconds instead of the setting's minutes; 0 goes back to the
 * setting */
void         hmr_lock_set_timeout_seconds  (HmrLock              *self,
                                            guint                 seconds);
guint        hmr_lock_get_timeout_seconds  (HmrLock              *self);

G_END_DECLS
