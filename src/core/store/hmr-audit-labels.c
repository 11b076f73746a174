/* hmr-audit-labels.c
 *
 * An audit row stores its changes as field codes and stored values
 * ("stage": "case_plan" → "services").  A person reading the trail sees
 * "Stage: Case plan → Services", in Tajik, Russian or English: every field
 * the store writes has a label here, and every coded value is read through
 * the label tables of its feature.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hmr-actor.h"
#include "hmr-audit-labels.h"
#include "hmr-beneficiary.h"
#include "hmr-follow-up.h"
#include "hmr-grant.h"
#include "hmr-labels.h"
#include "hmr-money.h"

static const struct { const char *field; const char *label; } field_labels[] = {
  { "status", NC_("audit field", "Status") },
  /* the intake: migration episodes, the re-entry ban, the trafficking
   * profile, the risk's reason and a refused consent */
  { "country", NC_("audit field", "Country") },
  { "city", NC_("audit field", "City") },
  { "departure_date", NC_("audit field", "Departure") },
  { "return_date", NC_("audit field", "Return") },
  { "months_abroad", NC_("audit field", "Months abroad") },
  { "duration_group", NC_("audit field", "Time abroad") },
  { "sector", NC_("audit field", "Sector") },
  { "return_type", NC_("audit field", "Return type") },
  { "has_ban", NC_("audit field", "Re-entry ban") },
  { "imposed_by", NC_("audit field", "Imposed by") },
  { "court_decision_number", NC_("audit field", "Court decision number") },
  { "court_decision_date", NC_("audit field", "Date of the court decision") },
  { "start_date", NC_("audit field", "Start of the ban") },
  { "end_date", NC_("audit field", "End of the ban") },
  { "duration_months", NC_("audit field", "Duration in months") },
  { "appeal_status", NC_("audit field", "Appeal") },
  { "appeal_date", NC_("audit field", "Date of the appeal") },
  { "legal_referral_id", NC_("audit field", "Legal-aid referral") },
  { "exploitation_type", NC_("audit field", "Type of exploitation") },
  { "identified_by", NC_("audit field", "Identified by") },
  { "recognised_by", NC_("audit field", "Recognised by") },
  { "recognised_on", NC_("audit field", "Date of recognition") },
  { "recognition_document", NC_("audit field", "Recognition document") },
  { "risk_reason", NC_("audit field", "Reason for the risk level") },
  { "consent_record", NC_("audit field", "Consent to record") },
  { "district", NC_("audit field", "District") },
  { "stage", NC_("audit field", "Stage") },
  { "comment", NC_("audit field", "Comment") },
  { "reason", NC_("audit field", "Reason") },
  { "deleted_at", NC_("audit field", "Archived") },
  { "case_id", NC_("audit field", "Case") },
  { "beneficiary_id", NC_("audit field", "Beneficiary") },
  { "service_type", NC_("audit field", "Service") },
  { "role", NC_("audit field", "Role") },
  { "purpose", NC_("audit field", "Purpose") },
  { "number", NC_("audit field", "Number") },
  /* the organisation and its offices as printed */
  { "name_tg", NC_("audit field", "Name in Tajik") },
  { "name_ru", NC_("audit field", "Name in Russian") },
  { "name_en", NC_("audit field", "Name in English") },
  { "printed_name_tg", NC_("audit field", "Office name in Tajik") },
  { "printed_name_ru", NC_("audit field", "Office name in Russian") },
  { "printed_name_en", NC_("audit field", "Office name in English") },
  { "address_tg", NC_("audit field", "Address in Tajik") },
  { "address_ru", NC_("audit field", "Address in Russian") },
  { "address_en", NC_("audit field", "Address in English") },
  { "provider_id", NC_("audit field", "Service provider") },
  { "office_id", NC_("audit field", "Office") },
  { "must_change_password", NC_("audit field", "Must change password") },
  { "kind", NC_("audit field", "Kind") },
  { "handover_id", NC_("audit field", "Handover") },
  { "grant_id", NC_("audit field", "Grant") },
  { "full_name", NC_("audit field", "Full name") },
  { "full_name_cyrillic", NC_("audit field", "Full name in Cyrillic") },
  { "due_on", NC_("audit field", "Due") },
  { "detail", NC_("audit field", "Detail") },
  { "consent_given", NC_("audit field", "Consent given") },
  { "business_plan", NC_("audit field", "Business plan") },
  { "beneficiaries", NC_("audit field", "Beneficiaries") },
  { "amount_requested", NC_("audit field", "Amount requested") },
  { "amount_approved", NC_("audit field", "Amount approved") },
  { "amount", NC_("audit field", "Amount") },
  { "currency", NC_("audit field", "Currency") },
  { "witnesses", NC_("audit field", "Witnesses") },
  { "who5_score", NC_("audit field", "WHO-5 score") },
  { "who5_previous", NC_("audit field", "Previous WHO-5 score") },
  { "who5_items", NC_("audit field", "WHO-5 answers") },
  { "who5_flags", NC_("audit field", "WHO-5 flags") },
  { "who5_ack_at", NC_("audit field", "Flag acknowledged") },
  { "wants_professional", NC_("audit field", "Wants professional support") },
  { "username", NC_("audit field", "User name") },
  { "undone_at", NC_("audit field", "Undone") },
  { "tranche", NC_("audit field", "Tranche") },
  { "summary", NC_("audit field", "Summary") },
  { "size", NC_("audit field", "Size") },
  { "sha256", NC_("audit field", "Checksum") },
  { "file_sha256", NC_("audit field", "File checksum") },
  { "sent_on", NC_("audit field", "Sent on") },
  { "reference", NC_("audit field", "Reference") },
  { "received_by", NC_("audit field", "Received by") },
  { "possible_duplicates", NC_("audit field", "Possible duplicates") },
  { "place", NC_("audit field", "Place") },
  { "paid_on", NC_("audit field", "Paid on") },
  { "objectives", NC_("audit field", "Objectives") },
  { "notes", NC_("audit field", "Notes") },
  { "next_on", NC_("audit field", "Next") },
  { "n_rows", NC_("audit field", "Rows") },
  { "n_imported", NC_("audit field", "Imported") },
  { "n_errors", NC_("audit field", "Errors") },
  { "n_duplicates", NC_("audit field", "Likely duplicates") },
  { "n_archived", NC_("audit field", "Archived") },
  { "method", NC_("audit field", "Method") },
  { "mapping", NC_("audit field", "Column mapping") },
  { "import_batch", NC_("audit field", "Import") },
  { "handed_on", NC_("audit field", "Handed over on") },
  { "filename", NC_("audit field", "File") },
  { "file_name", NC_("audit field", "File") },
  { "duration_minutes", NC_("audit field", "Duration (minutes)") },
  { "active", NC_("audit field", "Active") },
  { "items", NC_("audit field", "Items") },
  { "failed_logins", NC_("audit field", "Failed logins") },
  { "locked_until", NC_("audit field", "Locked until") },
  { "assigned_to", NC_("audit field", "Assigned to") },
  { "owner_id", NC_("audit field", "Caseworker") },
  { "decided_by", NC_("audit field", "Decided by") },
  { "closure_reason", NC_("audit field", "Closure reason") },
};

static const char * const yes_no_fields[] = {
  "active", "must_change_password", "consent_given", "wants_professional", "consent_record", NULL
};

/* Fields that hold an amount in dirams: written as on the acts */
static const char * const money_fields[] = {
  "amount", "amount_requested", "amount_approved", "unit_cost", "unit_value", NULL
};

static gboolean
money_in_items (const GMatchInfo *match,
                GString          *out,
                gpointer          data)
{
  g_autofree char *digits = g_match_info_fetch (match, 1);
  g_autofree char *money = hmr_money_format (g_ascii_strtoll (digits, NULL, 10), NULL, HMR_MONEY_LOCALE);

  g_string_append_printf (out, "@ %s", money);
  return FALSE;
}

/* "Welding machine × 1 pcs @ 320000; …": the unit values as on the acts */
static char *
items_label (const char *value)
{
  static GRegex *unit_value;
  char *out;

  if (g_once_init_enter (&unit_value))
    g_once_init_leave (&unit_value, g_regex_new ("@ (\\d+)\\b", G_REGEX_OPTIMIZE, 0, NULL));
  out = g_regex_replace_eval (unit_value, value, -1, 0, 0, money_in_items, NULL, NULL);
  return out != NULL ? out : g_strdup (value);
}

static char *
humanize (const char *code)
{
  char *out = g_strdup (code != NULL ? code : "");

  for (char *p = out; *p; p++)
    if (*p == '_' || *p == '-' || *p == '.')
      *p = ' ';
  if (out[0] != '\0')
    out[0] = g_ascii_toupper (out[0]);
  return out;
}

/* "need.legal.priority" → the need and what of it */
static gboolean
split_need (const char *field,
            HmrNeed    *need,
            const char **what)
{
  g_auto(GStrv) parts = NULL;

  if (!g_str_has_prefix (field, "need."))
    return FALSE;
  parts = g_strsplit (field, ".", 3);
  if (g_strv_length (parts) != 3 || !hmr_need_from_string (parts[1], need))
    return FALSE;
  *what = strcmp (parts[2], "priority") == 0 ? "priority" : "note";
  return TRUE;
}

/**
 * hmr_audit_field_label:
 * @entity: (nullable): the audit row's record kind
 * @field: the change's field code
 *
 * Returns: (transfer full): the field's name in the user's language
 */
char *
hmr_audit_field_label (const char *entity,
                       const char *field)
{
  HmrNeed need;
  const char *what;

  if (field == NULL)
    return g_strdup ("");
  if (g_strcmp0 (entity, "beneficiary") == 0)
    for (int f = 0; f < HMR_BENEFICIARY_N_FIELDS; f++)
      if (g_strcmp0 (hmr_beneficiary_field_get_column ((HmrBeneficiaryField) f), field) == 0)
        return g_strdup (hmr_beneficiary_field_get_label ((HmrBeneficiaryField) f));
  if (split_need (field, &need, &what))
    return strcmp (what, "priority") == 0
           /* Translators: an assessed need's priority in the audit trail: "Legal aid: priority" */
           ? g_strdup_printf (C_("audit field", "%s: priority"), hmr_need_get_label (need))
           /* Translators: an assessed need's note in the audit trail: "Legal aid: note" */
           : g_strdup_printf (C_("audit field", "%s: note"), hmr_need_get_label (need));
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (strcmp (field_labels[i].field, field) == 0)
      return g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, "audit field", field_labels[i].label));
  return humanize (field);
}

static const char *
status_label (const char *entity,
              const char *value)
{
  if (g_strcmp0 (entity, "referral") == 0)
    return hmr_code_get_label (HMR_CODES_REFERRAL_STATUS, value);
  if (g_strcmp0 (entity, "follow_up") == 0)
    return hmr_code_get_label (HMR_CODES_FOLLOW_UP_STATUS, value);
  if (g_strcmp0 (entity, "grant") == 0)
    return hmr_code_get_label (HMR_CODES_GRANT_STATUS, value);
  if (g_strcmp0 (entity, "handover") == 0)
    return hmr_code_get_label (HMR_CODES_HANDOVER_STATUS, value);
  if (g_strcmp0 (entity, "case") == 0)
    return hmr_code_get_label (HMR_CODES_CASE_STATUS, value);
  if (g_strcmp0 (entity, "plan") == 0)
    return hmr_plan_status_get_label (value);
  return NULL;
}

/**
 * hmr_audit_value_label:
 * @value: (nullable): the stored value
 *
 * Returns: (transfer full) (nullable): the value as a person reads it; a
 *   code becomes its label, "1" of a yes/no field "Yes"; %NULL for %NULL
 */
char *
hmr_audit_value_label (const char *entity,
                       const char *field,
                       const char *value)
{
  const char *label = NULL;
  HmrNeed need;
  const char *what;

  if (value == NULL)
    return NULL;
  if (field == NULL)
    return g_strdup (value);

  if (g_strv_contains (yes_no_fields, field))
    {
      if (strcmp (value, "1") == 0 || strcmp (value, "true") == 0)
        return g_strdup (C_("audit value", "Yes"));
      if (strcmp (value, "0") == 0 || strcmp (value, "false") == 0)
        return g_strdup (C_("audit value", "No"));
    }
  if (g_strv_contains (money_fields, field))
    {
      gint64 dirams;
      char *end = NULL;

      dirams = g_ascii_strtoll (value, &end, 10);
      if (end != value && *end == '\0')
        return hmr_money_format (dirams, NULL, HMR_MONEY_LOCALE);
    }
  if (strcmp (field, "items") == 0)
    return items_label (value);
  if (strcmp (field, "status") == 0 && g_strcmp0 (entity, "trafficking_profile") == 0)
    label = hmr_code_get_label (HMR_CODES_TRAFFICKING_STATUS, value);
  else if (strcmp (field, "status") == 0)
    label = status_label (entity, value);
  else if (strcmp (field, "country") == 0)
    label = hmr_code_get_label (HMR_CODES_COUNTRY, value);
  else if (strcmp (field, "city") == 0)
    label = hmr_code_get_label (HMR_CODES_CITY, value);
  else if (strcmp (field, "sector") == 0)
    label = hmr_code_get_label (HMR_CODES_SECTOR, value);
  else if (strcmp (field, "return_type") == 0)
    label = hmr_code_get_label (HMR_CODES_RETURN_TYPE, value);
  else if (strcmp (field, "duration_group") == 0)
    label = hmr_code_get_label (HMR_CODES_DURATION_GROUP, value);
  else if (strcmp (field, "has_ban") == 0)
    label = hmr_code_get_label (HMR_CODES_HAS_BAN, value);
  else if (strcmp (field, "imposed_by") == 0)
    label = hmr_code_get_label (HMR_CODES_BAN_IMPOSED_BY, value);
  else if (strcmp (field, "appeal_status") == 0)
    label = hmr_code_get_label (HMR_CODES_APPEAL_STATUS, value);
  else if (strcmp (field, "exploitation_type") == 0)
    label = hmr_code_get_label (HMR_CODES_EXPLOITATION, value);
  else if (strcmp (field, "stage") == 0)
    label = hmr_stage_get_label (value);
  else if (strcmp (field, "service_type") == 0)
    label = hmr_code_get_label (HMR_CODES_SERVICE_TYPE, value);
  else if (strcmp (field, "kind") == 0 && g_strcmp0 (entity, "follow_up") == 0)
    label = hmr_code_get_label (HMR_CODES_FOLLOW_UP_KIND, value);
  else if (strcmp (field, "method") == 0)
    label = hmr_disbursement_method_get_label (value);
  else if (strcmp (field, "role") == 0)
    {
      HmrRole role;

      if (hmr_role_from_string (value, &role))
        label = hmr_role_get_label (role);
    }
  else if (split_need (field, &need, &what) && strcmp (what, "priority") == 0)
    label = hmr_priority_get_label (value);
  else if (g_strcmp0 (entity, "beneficiary") == 0)
    {
      if (strcmp (field, "category") == 0)
        label = hmr_category_get_label (value);
      else if (strcmp (field, "sex") == 0)
        label = hmr_sex_get_label (value);
      else if (strcmp (field, "risk_level") == 0 || strcmp (field, "risk") == 0)
        label = hmr_risk_get_label (value);
      else if (strcmp (field, "vulnerability_flags") == 0)
        {
          g_autofree char *labels = hmr_code_dup_labels (HMR_CODES_VULNERABILITY, value);
          return g_steal_pointer (&labels);
        }
    }
  return g_strdup (label != NULL && *label != '\0' ? label : value);
}
