/* hmr-follow-up-staff.h — who may be given a follow-up of an office
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-store.h"

G_BEGIN_DECLS

GPtrArray *hmr_store_list_follow_up_staff (HmrStore       *self,
                                           const HmrActor *actor,
                                           const char     *office_id,
                                           GError        **error);

G_END_DECLS
