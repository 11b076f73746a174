/* hmr-store-grant-list.c — lists of grants and handover acts, and the
 * numbers printed on acts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hmr-store-grant-private.h"

#define STR(i) ((const char *) sqlite3_column_text (stmt, (i)))
#define TXT(i) hmr_column_dup_text (stmt, (i))

/* ---- lists ---------------------------------------------------------------- */

/**
 * hmr_store_list_grants:
 * @query: (nullable): what to list; %NULL for every grant the actor may read
 *
 * The finance workspace asks for status "approved" (waiting for money) and
 * "disbursing"; those come longest-waiting first, others newest first.
 *
 * Returns: (transfer full) (element-type HmrGrantSummary):
 */
GPtrArray *
hmr_store_list_grants (HmrStore            *self,
                       const HmrActor      *actor,
                       const HmrGrantQuery *query,
                       GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = NULL;
  HmrGrantQuery none = { 0 };
  const char *office = NULL;
  int rc;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);
  if (query == NULL)
    query = &none;
  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_GRANT_READ, NULL, error))
    return NULL;
  if (hmr_permission_is_office_scoped (actor->role, HMR_ACTION_GRANT_READ))
    office = actor->office_id ? actor->office_id : "";

  stmt = hmr_store_prepare (self,
    "SELECT g.id, g.office_id, o.district, g.purpose, g.status, "
    " (SELECT group_concat (n, '; ') FROM (SELECT b.case_number AS n FROM grant_beneficiary gb "
    "   JOIN beneficiary b ON b.id = gb.beneficiary_id WHERE gb.grant_id = g.id ORDER BY b.case_number)), "
    " (SELECT group_concat (n, '; ') FROM (SELECT " HMR_SQL_FULL_NAME ("b") " AS n FROM grant_beneficiary gb "
    "   JOIN beneficiary b ON b.id = gb.beneficiary_id WHERE gb.grant_id = g.id ORDER BY b.case_number)), "
    " g.amount_requested, g.amount_approved, "
    " (SELECT coalesce (sum (d.amount), 0) FROM disbursement d WHERE d.grant_id = g.id AND d.deleted_at IS NULL), "
    " (SELECT substr (max (h.at), 1, 10) FROM grant_history h WHERE h.grant_id = g.id AND h.to_state = 'approved'), "
    " g.updated_at, g.currency "
    "FROM reintegration_grant g JOIN office o ON o.id = g.office_id "
    "WHERE g.deleted_at IS NULL AND (?1 IS NULL OR g.status = ?1) AND (?2 IS NULL OR o.district = ?2) "
    " AND (?3 IS NULL OR EXISTS (SELECT 1 FROM grant_beneficiary x WHERE x.grant_id = g.id AND x.beneficiary_id = ?3)) "
    " AND (?4 IS NULL OR g.office_id = ?4) "
    "ORDER BY CASE WHEN ?1 IN ('approved', 'disbursing') THEN g.updated_at END ASC, g.updated_at DESC",
    error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, query->status);
  hmr_bind_text (stmt, 2, query->district);
  hmr_bind_text (stmt, 3, query->beneficiary_id);
  hmr_bind_text (stmt, 4, office);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_grant_summary_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HmrGrantSummary *s = g_new0 (HmrGrantSummary, 1);
      s->id = TXT (0);
      s->office_id = TXT (1);
      s->district = TXT (2);
      s->purpose = TXT (3);
      s->status = TXT (4);
      s->case_numbers = TXT (5);
      s->names = TXT (6);
      s->amount_requested = sqlite3_column_int64 (stmt, 7);
      s->amount_approved = sqlite3_column_type (stmt, 8) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 8);
      s->paid = sqlite3_column_int64 (stmt, 9);
      s->approved_on = TXT (10);
      s->updated_at = TXT (11);
      s->currency = TXT (12);
      g_ptr_array_add (out, s);
    }
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

/**
 * hmr_store_dup_record_id:
 * @kind: "grant" or "handover"
 * @reference: the number printed on acts and in the ledger
 *   (DST-G-2026-0042; before numbers, the first eight digits of the id),
 *   or a full id; in capitals or not
 *
 * Returns: (transfer full): the full id of the one record of @kind the
 *   actor may read with that number, or whose id starts with @reference,
 *   or %NULL with @error
 */
char *
hmr_store_dup_record_id (HmrStore        *self,
                         const HmrActor  *actor,
                         const char      *kind,
                         const char      *reference,
                         GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *found = NULL;
  const char *sql;
  int rc;

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_GRANT_READ, NULL, error))
    return NULL;
  if (g_strcmp0 (kind, "grant") == 0)
    sql = "SELECT id, office_id FROM reintegration_grant "
          "WHERE (number = upper (?1) OR substr (id, 1, length (?1)) = ?1) AND deleted_at IS NULL LIMIT 2";
  else if (g_strcmp0 (kind, "handover") == 0)
    sql = "SELECT id, office_id FROM handover "
          "WHERE (number = upper (?1) OR substr (id, 1, length (?1)) = ?1) AND deleted_at IS NULL LIMIT 2";
  else
    g_return_val_if_reached (NULL);

  prefix = g_ascii_strdown (reference ? reference : "", -1);
  if (strlen (prefix) < 8)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("“%s” is too short: give the number as printed or the full id."),
                   reference ? reference : "");
      return NULL;
    }
  stmt = hmr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, prefix);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (found != NULL)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("“%s” matches more than one record; give the full id."), reference);
          return NULL;
        }
      if (!hmr_store_require (actor, HMR_ACTION_GRANT_READ, STR (1), error))
        return NULL;
      found = TXT (0);
    }
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  if (found == NULL && g_strcmp0 (kind, "grant") == 0)
    g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                 _("There is no grant numbered “%s”."), reference);
  else if (found == NULL)
    g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                 _("There is no handover act numbered “%s”."), reference);
  return g_steal_pointer (&found);
}

/* ---- handover acts ---------------------------------------------------------- */

/**
 * hmr_store_list_handovers:
 * @query: (nullable): which acts; %NULL for every act the actor may read
 *
 * Returns: (transfer full) (element-type HmrHandoverSummary): newest first
 */
GPtrArray *
hmr_store_list_handovers (HmrStore               *self,
                          const HmrActor         *actor,
                          const HmrHandoverQuery *query,
                          GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = NULL;
  HmrHandoverQuery none = { 0 };
  const char *office = NULL;
  int rc;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);
  if (query == NULL)
    query = &none;
  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_GRANT_READ, NULL, error))
    return NULL;
  if (hmr_permission_is_office_scoped (actor->role, HMR_ACTION_GRANT_READ))
    office = actor->office_id ? actor->office_id : "";

  stmt = hmr_store_prepare (self,
    "SELECT h.id, h.handed_on, h.place, h.status, b.case_number, " HMR_SQL_FULL_NAME ("b") ", o.district, "
    " h.grant_id, h.corrects_id, "
    " (SELECT c.id FROM handover c WHERE c.corrects_id = h.id AND c.deleted_at IS NULL LIMIT 1), "
    " (SELECT count (*) FROM handover_item i WHERE i.handover_id = h.id), "
    " (SELECT coalesce (sum (round (i.quantity * i.unit_value)), 0) FROM handover_item i WHERE i.handover_id = h.id) "
    "FROM handover h JOIN beneficiary b ON b.id = h.beneficiary_id JOIN office o ON o.id = h.office_id "
    "WHERE h.deleted_at IS NULL AND (?1 IS NULL OR h.grant_id = ?1) AND (?2 IS NULL OR h.beneficiary_id = ?2) "
    " AND (?3 IS NULL OR h.status = ?3) AND (?4 IS NULL OR h.office_id = ?4) "
    "ORDER BY h.handed_on DESC, h.created_at DESC",
    error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, query->grant_id);
  hmr_bind_text (stmt, 2, query->beneficiary_id);
  hmr_bind_text (stmt, 3, query->status);
  hmr_bind_text (stmt, 4, office);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_handover_summary_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HmrHandoverSummary *s = g_new0 (HmrHandoverSummary, 1);
      s->id = TXT (0);
      s->handed_on = TXT (1);
      s->place = TXT (2);
      s->status = TXT (3);
      s->case_number = TXT (4);
      s->full_name = TXT (5);
      s->district = TXT (6);
      s->grant_id = TXT (7);
      s->corrects_id = TXT (8);
      s->corrected_by_id = TXT (9);
      s->n_items = sqlite3_column_int (stmt, 10);
      s->total = sqlite3_column_int64 (stmt, 11);
      g_ptr_array_add (out, s);
    }
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}
