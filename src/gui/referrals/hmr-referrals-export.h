/* hmr-referrals-export.h — the referral board's Excel export, in a
 * thread with its own store connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hmr-referral.h"

G_BEGIN_DECLS

void     hmr_referrals_export_async  (HmrStore               *store,
                                      const HmrActor         *actor,
                                      const HmrReferralQuery *query,
                                      const char             *path,
                                      GtkProgressBar         *progress_bar,
                                      GCancellable           *cancellable,
                                      GAsyncReadyCallback     callback,
                                      gpointer                user_data);
gboolean hmr_referrals_export_finish (GAsyncResult           *result,
                                      GError                **error);

G_END_DECLS
