/* hmr-beneficiary-list-async.h — running the list's query in a thread, and
 * the choices its filters offer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-beneficiary-list.h"

G_BEGIN_DECLS

void       hmr_beneficiary_list_set_query_async  (HmrBeneficiaryList        *self,
                                                  const HmrBeneficiaryQuery *query,
                                                  GCancellable              *cancellable,
                                                  GAsyncReadyCallback        callback,
                                                  gpointer                   user_data);
gboolean   hmr_beneficiary_list_set_query_finish (HmrBeneficiaryList        *self,
                                                  GAsyncResult              *result,
                                                  GError                   **error);

typedef struct
{
  char *id;
  char *full_name;
} HmrCaseOwner;

void       hmr_case_owner_free                   (HmrCaseOwner              *owner);

GPtrArray *hmr_store_list_case_owners            (HmrStore                  *self,
                                                  const HmrActor            *actor,
                                                  GError                   **error);

G_END_DECLS
