/* hmr-store-follow-up-staff.c — the people a follow-up can be assigned to
 *
 * The follow-up dialog offers them under "Who": the active users who may
 * record the office's follow-ups (its caseworkers, the supervisors), as
 * hmr_store_schedule_follow_up() checks the assignee.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-follow-up-staff.h"
#include "hmr-permissions.h"
#include "hmr-store-private.h"

/**
 * hmr_store_list_follow_up_staff:
 * @office_id: the office of the person followed up
 *
 * Refused unless @actor may record follow-ups of @office_id.
 *
 * Returns: (transfer full) (element-type HmrUserInfo): the users, by name
 */
GPtrArray *
hmr_store_list_follow_up_staff (HmrStore        *self,
                                const HmrActor  *actor,
                                const char      *office_id,
                                GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = NULL;
  int rc;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_FOLLOW_UP_WRITE, office_id, error))
    return NULL;

  stmt = hmr_store_prepare (self,
                            "SELECT id, username, hmr_staff_name (full_name, full_name_cyrillic), role, office_id FROM app_user "
                            "WHERE active = 1 AND deleted_at IS NULL "
                            "AND (office_id IS NULL OR office_id = ?1) ORDER BY full_name",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, office_id);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_user_info_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HmrActor who = { 0 };
      HmrUserInfo *u;

      if (!hmr_role_from_string ((const char *) sqlite3_column_text (stmt, 3), &who.role))
        continue;
      who.office_id = (char *) sqlite3_column_text (stmt, 4);
      if (!hmr_permission_allows (&who, HMR_ACTION_FOLLOW_UP_WRITE, office_id))
        continue;
      u = g_new0 (HmrUserInfo, 1);
      u->id = hmr_column_dup_text (stmt, 0);
      u->username = hmr_column_dup_text (stmt, 1);
      u->full_name = hmr_column_dup_text (stmt, 2);
      u->role = who.role;
      u->office_id = hmr_column_dup_text (stmt, 4);
      u->active = TRUE;
      g_ptr_array_add (out, u);
    }
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}
