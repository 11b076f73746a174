/* hmr-intake-private.h — for the case file's loader, nobody else
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-case-file.h"

G_BEGIN_DECLS

gboolean hmr_store_load_intake (HmrStore        *self,
                                const HmrActor  *actor,
                                HmrCaseFile     *file,
                                GError         **error);

G_END_DECLS
