/* hmr-audit-labels.h — the audit trail in words: what each field of a
 * change is called, and what its coded values mean, in the user's language
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *hmr_audit_field_label (const char *entity,
                             const char *field);
char *hmr_audit_value_label (const char *entity,
                             const char *field,
                             const char *value);

G_END_DECLS
