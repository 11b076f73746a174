/* hmr-audit-words.h — the audit trail's rows in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-store.h"

G_BEGIN_DECLS

char *hmr_audit_words_action  (const char          *code);
char *hmr_audit_words_entity  (const char          *code);
char *hmr_audit_words_changes (HmrStore            *store,
                               const HmrActor      *actor,
                               const HmrAuditEntry *e);

G_END_DECLS
