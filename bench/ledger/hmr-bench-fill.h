/* hmr-bench-fill.h — a big ledger for bench/ledger; never in the product
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-store.h"

G_BEGIN_DECLS

gboolean   hmr_bench_fill_ledger (HmrStore    *self,
                                  guint        n_tranches,
                                  const char  *finance_username,
                                  const char  *password,
                                  GError     **error);
HmrActor  *hmr_bench_actor       (HmrStore    *self,
                                  const char  *username,
                                  GError     **error);

G_END_DECLS
