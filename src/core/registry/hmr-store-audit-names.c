/* hmr-store-audit-names.c — the audit trail names records as people do
 *
 * An audit row stores the kind and id of the record it is about, and a
 * change to an account, an office or a case stores ids too.  A person
 * reads "Referral KUL-2026-0007" and "Office: Dusti → Kulob", not
 * "Referral 7f44f967": the case number of the person a record is about,
 * the number a grant, its receipts and its handover acts carry
 * (DST-G-2026-0042, DST-A-2026-0042, as printed), the name of a member of
 * staff (in Cyrillic on Tajik and Russian screens when the account has
 * one), of an office's district, a provider, a survey round.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hmr-dates.h"
#include "hmr-labels.h"
#include "hmr-people.h"
#include "hmr-store-private.h"

#define CASE_NUMBER_OF(table) \
  "SELECT b.case_number FROM " table " t JOIN beneficiary b ON b.id = t.beneficiary_id WHERE t.id = ?1"
#define CASE_NUMBER_OF_CASE(table) \
  "SELECT b.case_number FROM " table " t JOIN case_file c ON c.id = t.case_id " \
  "JOIN beneficiary b ON b.id = c.beneficiary_id WHERE t.id = ?1"
/* the number a grant or an act is printed with: DST-G-2026-0042, or for
 * one made before numbering (0021), the first eight digits of its id */
#define RECORD_NUMBER(t) "coalesce (" t ".number, upper (substr (" t ".id, 1, 8)))"

/* Each record kind and how it is named; ?1 is the record's id.  A kind
 * whose table a database lacks is named by its kind alone. */
static const struct { const char *entity; const char *sql; } names[] = {
  { "beneficiary", "SELECT case_number FROM beneficiary WHERE id = ?1" },
  { "case", "SELECT b.case_number FROM case_file c JOIN beneficiary b ON b.id = c.beneficiary_id WHERE c.id = ?1" },
  { "trafficking_profile", CASE_NUMBER_OF ("trafficking_profile") },
  { "migration_episode", CASE_NUMBER_OF ("migration_episode") },
  { "reentry_ban", CASE_NUMBER_OF ("reentry_ban") },
  { "referral", CASE_NUMBER_OF ("referral") },
  { "follow_up", CASE_NUMBER_OF ("follow_up") },
  { "survey_response", CASE_NUMBER_OF ("survey_response") },
  { "plan", CASE_NUMBER_OF_CASE ("reintegration_plan") },
  { "assessment", CASE_NUMBER_OF_CASE ("assessment") },
  { "case_closure_request", CASE_NUMBER_OF_CASE ("case_closure_request") },
  /* a grant, its tranches and receipts carry the grant's number */
  { "grant", "SELECT " RECORD_NUMBER ("g") " FROM reintegration_grant g WHERE g.id = ?1" },
  { "disbursement", "SELECT " RECORD_NUMBER ("g") " FROM disbursement d "
                    "JOIN reintegration_grant g ON g.id = d.grant_id WHERE d.id = ?1" },
  /* a handover act carries its own */
  { "handover", "SELECT " RECORD_NUMBER ("h") " FROM handover h WHERE h.id = ?1" },
  { "user", "SELECT hmr_staff_name (full_name, full_name_cyrillic) FROM app_user WHERE id = ?1" },
  { "service_provider", "SELECT name FROM service_provider WHERE id = ?1" },
  { "survey_round", "SELECT name FROM survey_round WHERE id = ?1" },
  { "import_batch", "SELECT file_name FROM import_batch WHERE id = ?1" },
};

/* Fields of a change that hold the id of another record, and its kind */
static const struct { const char *field; const char *entity; } id_fields[] = {
  { "beneficiary_id", "beneficiary" },
  { "duplicate_of", "beneficiary" },
  { "case_id", "case" },
  { "grant_id", "grant" },
  { "handover_id", "handover" },
  { "corrects_id", "handover" },
  { "owner_id", "user" },
  { "assigned_to", "user" },
  { "approved_by", "user" },
  { "facilitator_id", "user" },
  { "office_id", "office" },
  { "provider_id", "service_provider" },
  { "round_id", "survey_round" },
  { "session_id", "group_session" },
  { "replaces", "survey_response" },
};

/**
 * hmr_audit_field_entity:
 * @field: a change's field code
 *
 * Returns: (nullable): the kind of record whose id the field holds
 *   ("office_id" → "office"), or %NULL for a field that holds a value
 */
const char *
hmr_audit_field_entity (const char *field)
{
  for (guint i = 0; field != NULL && i < G_N_ELEMENTS (id_fields); i++)
    if (strcmp (id_fields[i].field, field) == 0)
      return id_fields[i].entity;
  return NULL;
}

static char *
dup_one_text (HmrStore   *self,
              const char *sql,
              const char *id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* A table an older schema lacks is no error: the record has no name */
  stmt = hmr_store_prepare (self, sql, NULL);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return hmr_column_dup_text (stmt, 0);
  return NULL;
}

/* "Dusti", "Dusti, 12.03.2026": the office's or a session's district
 * in the window's language */
static char *
dup_district_name (HmrStore   *self,
                   const char *sql,
                   const char *id)
{
  g_autoptr(sqlite3_stmt) stmt = hmr_store_prepare (self, sql, NULL);
  const char *district, *day;
  GDate date;

  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  district = (const char *) sqlite3_column_text (stmt, 0);
  day = sqlite3_column_count (stmt) > 1 ? (const char *) sqlite3_column_text (stmt, 1) : NULL;
  if (district == NULL)
    return NULL;
  if (day != NULL && hmr_parse_user_date (day, &date))
    {
      g_autofree char *when = hmr_format_date (&date);

      /* Translators: a group session in the audit trail: "Dusti, 12.03.2026" */
      return g_strdup_printf (C_("audit record", "%s, %s"), hmr_district_get_label (district), when);
    }
  return g_strdup (hmr_district_get_label (district));
}

/**
 * hmr_store_dup_audit_record_name:
 * @entity: a record kind as the trail stores it ("referral", "user", …)
 * @entity_id: (nullable): the record's id
 *
 * For those who may read the audit trail.
 *
 * Returns: (transfer full) (nullable): how people name the record: the
 *   case number of the person it is about, a grant's or an act's number
 *   ("DST-G-2026-0042"), a member of staff's name, an office's district; %NULL
 *   when the record has no name to show (the id then stays unsaid)
 */
char *
hmr_store_dup_audit_record_name (HmrStore       *self,
                                 const HmrActor *actor,
                                 const char     *entity,
                                 const char     *entity_id)
{
  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (entity == NULL || entity_id == NULL || entity_id[0] == '\0' ||
      !hmr_store_check_actor (self, actor, NULL) ||
      !hmr_store_require (actor, HMR_ACTION_AUDIT_READ, NULL, NULL))
    return NULL;

  if (strcmp (entity, "office") == 0)
    return dup_district_name (self, "SELECT district FROM office WHERE id = ?1", entity_id);
  if (strcmp (entity, "group_session") == 0)
    return dup_district_name (self, "SELECT district, held_on FROM group_session WHERE id = ?1", entity_id);
  if (strcmp (entity, "attendance") == 0)
    return dup_district_name (self, "SELECT s.district, s.held_on FROM attendance a "
                                    "JOIN group_session s ON s.id = a.session_id WHERE a.id = ?1", entity_id);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (names[i].entity, entity) == 0)
      return dup_one_text (self, names[i].sql, entity_id);
  return NULL;
}
