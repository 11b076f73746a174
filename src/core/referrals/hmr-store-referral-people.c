/* hmr-store-referral-people.c — the caseworkers behind the referrals an
 * actor may see: the case owner, else who created the referral (as the
 * board's caseworker filter reckons)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hmr-referral-people.h"
#include "hmr-store-private.h"

void
hmr_referral_caseworker_free (HmrReferralCaseworker *caseworker)
{
  if (caseworker == NULL)
    return;
  g_free (caseworker->id);
  g_free (caseworker->full_name);
  g_free (caseworker);
}

/**
 * hmr_store_list_referral_caseworkers:
 *
 * Returns: (transfer full) (element-type HmrReferralCaseworker): the
 *   people who own the referrals @actor may read, by name
 */
GPtrArray *
hmr_store_list_referral_caseworkers (HmrStore        *self,
                                     const HmrActor  *actor,
                                     GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = NULL;
  const char *scope_office = NULL;
  int rc;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_REFERRAL_READ, NULL, error))
    return NULL;
  if (hmr_permission_is_office_scoped (actor->role, HMR_ACTION_REFERRAL_READ))
    scope_office = actor->office_id ? actor->office_id : "";

  stmt = hmr_store_prepare (self,
                            "SELECT u.id, hmr_staff_name (u.full_name, u.full_name_cyrillic) FROM app_user u WHERE u.id IN ("
                            "  SELECT coalesce(c.owner_id, r.created_by) FROM referral r "
                            "  LEFT JOIN case_file c ON c.id = r.case_id "
                            "  WHERE r.deleted_at IS NULL AND (?1 IS NULL OR r.office_id = ?1)) "
                            "ORDER BY u.full_name COLLATE NOCASE, u.id",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, scope_office);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_referral_caseworker_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HmrReferralCaseworker *cw = g_new0 (HmrReferralCaseworker, 1);

      cw->id = hmr_column_dup_text (stmt, 0);
      cw->full_name = hmr_column_dup_text (stmt, 1);
      g_ptr_array_add (out, cw);
    }
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}
