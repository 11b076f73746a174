/* hmr-audit-words.c — the audit trail's rows in words: actions, records
 * and what changed, with records named as people name them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-audit-labels.h"
#include "hmr-audit-words.h"
#include "hmr-gui-util.h"
#include "hmr-people.h"

static const struct { const char *code; const char *label; } action_labels[] = {
  { "create", NC_("audit action", "Created") },
  { "update", NC_("audit action", "Changed") },
  { "archive", NC_("audit action", "Archived") },
  { "transition", NC_("audit action", "Moved to another stage") },
  { "move", NC_("audit action", "Moved to another stage") },
  { "view", NC_("audit action", "Opened") },
  { "export", NC_("audit action", "Exported") },
  { "print", NC_("audit action", "Printed") },
  { "login", NC_("audit action", "Logged in") },
  { "login-attempt", NC_("audit action", "Login attempt") },
  { "login-failed", NC_("audit action", "Wrong password") },
  { "lockout", NC_("audit action", "Locked out") },
  { "login-refused-locked", NC_("audit action", "Login refused: locked") },
  { "password-reset", NC_("audit action", "Password reset") },
  { "password-change", NC_("audit action", "Password changed") },
  { "password-rehash", NC_("audit action", "Password protection renewed") },
  { "activate", NC_("audit action", "Reactivated") },
  { "deactivate", NC_("audit action", "Deactivated") },
  { "attach", NC_("audit action", "Attached") },
  { "detach", NC_("audit action", "Detached") },
  { "acknowledge", NC_("audit action", "Acknowledged") },
  { "mark-duplicate", NC_("audit action", "Marked as duplicate") },
  { "reassign", NC_("audit action", "Reassigned to another caseworker") },
  { "transfer", NC_("audit action", "Transferred to another office") },
  { "duplicate-override", NC_("audit action", "Registered despite a possible duplicate") },
  { "consent-override", NC_("audit action", "Referred without consent") },
  { "demo-load", NC_("audit action", "Demo data loaded") },
};

static const struct { const char *code; const char *label; } entity_labels[] = {
  { "beneficiary", NC_("audit record", "Beneficiary") },
  { "case", NC_("audit record", "Case") },
  { "trafficking_profile", NC_("audit record", "Trafficking profile") },
  { "referral", NC_("audit record", "Referral") },
  { "follow_up", NC_("audit record", "Follow-up") },
  { "plan", NC_("audit record", "Reintegration plan") },
  { "grant", NC_("audit record", "Grant") },
  { "grant_ledger", NC_("audit record", "Grant ledger") },
  { "disbursement", NC_("audit record", "Disbursement") },
  { "handover", NC_("audit record", "Handover") },
  { "user", NC_("audit record", "User") },
  { "service_provider", NC_("audit record", "Service provider") },
  { "attachment", NC_("audit record", "Attachment") },
  { "case_closure_request", NC_("audit record", "Closure request") },
  { "handover_item", NC_("audit record", "Handed-over item") },
  { "handover_witness", NC_("audit record", "Handover witness") },
  { "handover_history", NC_("audit record", "Handover history") },
  { "group_session", NC_("audit record", "Group session") },
  { "attendance", NC_("audit record", "Attendance") },
  { "survey_round", NC_("audit record", "Survey round") },
  { "survey_response", NC_("audit record", "Survey response") },
  { "case_sequence", NC_("audit record", "Case numbering") },
  { "organisation", NC_("audit record", "Organisation") },
  { "office", NC_("audit record", "Office") },
};

/* "follow_up" → "Follow up": for codes no table knows */
static char *
humanize (const char *code)
{
  char *out = g_strdup (code ? code : "");

  for (char *p = out; *p; p++)
    if (*p == '_' || *p == '-')
      *p = ' ';
  if (out[0] != '\0')
    out[0] = g_ascii_toupper (out[0]);
  return out;
}

char *
hmr_audit_words_action (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (action_labels); i++)
    if (g_strcmp0 (action_labels[i].code, code) == 0)
      return g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, "audit action", action_labels[i].label));
  return humanize (code);
}

char *
hmr_audit_words_entity (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (entity_labels); i++)
    if (g_strcmp0 (entity_labels[i].code, code) == 0)
      return g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, "audit record", entity_labels[i].label));
  return humanize (code);
}

/* A value as the row shows it: the name of the record an id field points
 * to ("Office: Dusti → Kulob"), else the value in words */
static char *
value_label (HmrStore            *store,
             const HmrActor      *actor,
             const HmrAuditEntry *e,
             const HmrAuditChange *c,
             const char          *value)
{
  const char *points_to = hmr_audit_field_entity (c->field);

  /* a grant's members: "KUL-2026-0007; KUL-2026-0012" */
  if (value != NULL && g_strcmp0 (c->field, "beneficiaries") == 0)
    {
      g_auto(GStrv) ids = g_strsplit (value, "; ", -1);
      g_autoptr(GString) out = g_string_new (NULL);

      for (guint i = 0; ids[i] != NULL; i++)
        {
          g_autofree char *name = hmr_store_dup_audit_record_name (store, actor, "beneficiary", ids[i]);

          if (out->len > 0)
            g_string_append (out, "; ");
          g_string_append (out, name != NULL ? name : "—");
        }
      return g_string_free (g_steal_pointer (&out), FALSE);
    }
  if (value != NULL && points_to != NULL)
    {
      char *name = hmr_store_dup_audit_record_name (store, actor, points_to, value);

      /* an id whose record is gone: the kind of record, not the id */
      return name != NULL ? name : hmr_audit_words_entity (points_to);
    }
  return hmr_audit_value_label (e->entity, c->field, value);
}

/* "Village: — → Ғаллакор; Phone: … → …", or the raw text when unreadable */
char *
hmr_audit_words_changes (HmrStore            *store,
                         const HmrActor      *actor,
                         const HmrAuditEntry *e)
{
  g_autoptr(GPtrArray) changes = hmr_audit_parse_changes (e->changes);
  g_autoptr(GString) out = g_string_new (NULL);

  if (e->changes == NULL)
    return g_strdup ("");
  if (changes == NULL)
    return g_strdup (e->changes);

  for (guint i = 0; i < changes->len; i++)
    {
      HmrAuditChange *c = g_ptr_array_index (changes, i);
      g_autofree char *label = hmr_audit_field_label (e->entity, c->field);
      g_autofree char *before = value_label (store, actor, e, c, c->before);
      g_autofree char *after = value_label (store, actor, e, c, c->after);

      if (out->len > 0)
        g_string_append (out, "; ");
      if (c->before == NULL && g_strcmp0 (c->field, "detail") == 0)
        /* Translators: a note in the audit trail: "Detail: 300 rows" */
        g_string_append_printf (out, C_("audit change", "%s: %s"), label, hmr_gui_value_or_dash (after));
      else
        /* Translators: a changed field in the audit trail: "Village: old → new" */
        g_string_append_printf (out, C_("audit change", "%s: %s → %s"), label,
                                hmr_gui_value_or_dash (before), hmr_gui_value_or_dash (after));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
