/* hmr-store-user-admin.c — the administrator's side of users: the list,
 * activating, changing role and office, resetting and changing passwords
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sodium.h>
#include <glib/gi18n-lib.h>

#include "hmr-people.h"
#include "hmr-store-private.h"

void
hmr_user_info_free (HmrUserInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->username);
  g_free (info->full_name);
  g_free (info->office_id);
  g_free (info->office_district);
  g_free (info->last_login_at);
  g_free (info->full_name_cyrillic);
  g_free (info);
}

GPtrArray *
hmr_store_list_users (HmrStore        *self,
                      const HmrActor  *actor,
                      GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = NULL;
  g_autofree char *now = NULL;
  int rc;

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_USERS_MANAGE, NULL, error))
    return NULL;

  now = hmr_store_dup_timestamp (self);
  stmt = hmr_store_prepare (self,
                            "SELECT u.id, u.username, u.full_name, u.role, u.office_id, o.district, "
                            "u.active, u.must_change_password, u.locked_until > ?1, u.last_login_at, "
                            "u.full_name_cyrillic FROM app_user u LEFT JOIN office o ON o.id = u.office_id "
                            "WHERE u.deleted_at IS NULL ORDER BY u.active DESC, u.full_name",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, now);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_user_info_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HmrUserInfo *u = g_new0 (HmrUserInfo, 1);
      u->id = hmr_column_dup_text (stmt, 0);
      u->username = hmr_column_dup_text (stmt, 1);
      u->full_name = hmr_column_dup_text (stmt, 2);
      hmr_role_from_string ((const char *) sqlite3_column_text (stmt, 3), &u->role);
      u->office_id = hmr_column_dup_text (stmt, 4);
      u->office_district = hmr_column_dup_text (stmt, 5);
      u->active = sqlite3_column_int (stmt, 6);
      u->must_change_password = sqlite3_column_int (stmt, 7);
      u->locked = sqlite3_column_int (stmt, 8);
      u->last_login_at = hmr_column_dup_text (stmt, 9);
      u->full_name_cyrillic = hmr_column_dup_text (stmt, 10);
      g_ptr_array_add (out, u);
    }
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

typedef struct
{
  const char *sql;        /* ?1 the user's id, ?2 to ?4 the args, ?5 now, ?6 the actor */
  const char *args[3];
  HmrChanges *changes;    /* (owned) (nullable) */
} UserUpdate;

static gboolean
update_user_row_locked (HmrStore        *self,
                        const HmrActor  *actor,
                        HmrAuditRow     *audit,
                        gpointer         data,
                        GError         **error)
{
  UserUpdate *u = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);

  stmt = hmr_store_prepare (self, u->sql, error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, audit->entity_id);
  hmr_bind_text (stmt, 2, u->args[0]);
  hmr_bind_text (stmt, 3, u->args[1]);
  hmr_bind_text (stmt, 4, u->args[2]);
  hmr_bind_text (stmt, 5, now);
  hmr_bind_text (stmt, 6, actor->user_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, sqlite3_errcode (self->db), error);
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND, _("This user does not exist."));
      return FALSE;
    }
  /* The caller said what changed; none for a password, which never goes
   * to the audit log */
  hmr_changes_free (audit->changes);
  audit->changes = g_steal_pointer (&u->changes);
  return TRUE;
}

/* One UPDATE of app_user with its audit row, in one transaction; takes
 * @changes */
static gboolean
update_user_row (HmrStore       *self,
                 const HmrActor *actor,
                 const char     *user_id,
                 const char     *sql,
                 const char     *arg2,
                 const char     *arg3,
                 const char     *arg4,
                 const char     *action,
                 HmrChanges     *changes,
                 GError        **error)
{
  UserUpdate u = { sql, { arg2, arg3, arg4 }, changes };
  gboolean ok;

  ok = hmr_store_write (self, actor, action, "user", user_id, update_user_row_locked, &u, error);
  g_clear_pointer (&u.changes, hmr_changes_free);
  return ok;
}

gboolean
hmr_store_set_user_active (HmrStore        *self,
                           const HmrActor  *actor,
                           const char      *user_id,
                           gboolean         active,
                           GError         **error)
{
  HmrChanges *changes;

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_USERS_MANAGE, NULL, error))
    return FALSE;
  if (!active && g_strcmp0 (user_id, actor->user_id) == 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("You cannot deactivate your own account."));
      return FALSE;
    }
  changes = hmr_changes_new ();
  hmr_changes_add (changes, "active", active ? "0" : "1", active ? "1" : "0");
  return update_user_row (self, actor, user_id,
                          "UPDATE app_user SET active = ?2, updated_at = ?5, updated_by = ?6, "
                          "version = version + 1 WHERE id = ?1 AND deleted_at IS NULL",
                          active ? "1" : "0", NULL, NULL,
                          active ? "activate" : "deactivate", changes, error);
}

gboolean
hmr_store_update_user (HmrStore        *self,
                       const HmrActor  *actor,
                       const char      *user_id,
                       const char      *full_name,
                       HmrRole          role,
                       const char      *office_id,
                       GError         **error)
{
  HmrChanges *changes;

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_USERS_MANAGE, NULL, error))
    return FALSE;
  if (full_name == NULL || full_name[0] == '\0')
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID, _("Full name is required."));
      return FALSE;
    }
  if (role == HMR_ROLE_CASEWORKER && office_id == NULL)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Office: a caseworker must belong to an office."));
      return FALSE;
    }
  changes = hmr_changes_new ();
  hmr_changes_add (changes, "full_name", NULL, full_name);
  hmr_changes_add (changes, "role", NULL, hmr_role_to_string (role));
  hmr_changes_add (changes, "office_id", NULL, office_id);
  return update_user_row (self, actor, user_id,
                          "UPDATE app_user SET full_name = ?2, role = ?3, office_id = ?4, "
                          "updated_at = ?5, updated_by = ?6, version = version + 1 "
                          "WHERE id = ?1 AND deleted_at IS NULL",
                          full_name, hmr_role_to_string (role), office_id,
                          "update", changes, error);
}

/**
 * hmr_store_reset_password:
 *
 * An administrator sets a new password for a user, who must change it at
 * the next login.  Also lifts a lockout.
 */
gboolean
hmr_store_reset_password (HmrStore        *self,
                          const HmrActor  *actor,
                          const char      *user_id,
                          const char      *new_password,
                          GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *username = NULL;
  g_autofree char *hash = NULL;

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_USERS_MANAGE, NULL, error))
    return FALSE;
  stmt = hmr_store_prepare (self, "SELECT username FROM app_user WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, user_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    username = hmr_column_dup_text (stmt, 0);
  if (!hmr_password_is_acceptable (username, new_password, error))
    return FALSE;
  hash = hmr_store_hash_password (new_password, error);
  if (hash == NULL)
    return FALSE;
  return update_user_row (self, actor, user_id,
                          "UPDATE app_user SET password_hash = ?2, must_change_password = 1, "
                          "failed_logins = 0, locked_until = NULL, updated_at = ?5, updated_by = ?6, "
                          "version = version + 1 WHERE id = ?1 AND deleted_at IS NULL",
                          hash, NULL, NULL, "password-reset", NULL, error);
}

gboolean
hmr_store_change_password (HmrStore        *self,
                           const HmrActor  *actor,
                           const char      *old_password,
                           const char      *new_password,
                           GError         **error)
{
  g_autoptr(HmrActor) again = NULL;
  g_autofree char *hash = NULL;

  if (!hmr_store_check_actor (self, actor, error))
    return FALSE;
  again = hmr_store_authenticate (self, actor->username, old_password, error);
  if (again == NULL)
    return FALSE;
  if (g_strcmp0 (old_password, new_password) == 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Password: the new password must differ from the old one."));
      return FALSE;
    }
  if (!hmr_password_is_acceptable (actor->username, new_password, error))
    return FALSE;
  hash = hmr_store_hash_password (new_password, error);
  if (hash == NULL)
    return FALSE;
  return update_user_row (self, actor, actor->user_id,
                          "UPDATE app_user SET password_hash = ?2, must_change_password = 0, "
                          "updated_at = ?5, updated_by = ?6, version = version + 1 WHERE id = ?1",
                          hash, NULL, NULL, "password-change", NULL, error);
}

gboolean
hmr_store_must_change_password (HmrStore       *self,
                                const HmrActor *actor)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = hmr_store_prepare (self, "SELECT must_change_password FROM app_user WHERE id = ?1", NULL);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, actor->user_id);
  return sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
}
