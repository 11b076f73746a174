/* hmr-store-staff-names.c — the Cyrillic spelling of a member of staff's
 * name, which Tajik and Russian screens show (issue 19)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-people.h"
#include "hmr-store-private.h"

#define MAX_NAME_CHARS 200

typedef struct
{
  const char *name;     /* (nullable) the new spelling; NULL clears it */
} StaffName;

static gboolean
set_cyrillic_name_locked (HmrStore       *self,
                          const HmrActor *actor,
                          HmrAuditRow    *audit,
                          gpointer        data,
                          GError        **error)
{
  StaffName *n = data;
  g_autoptr(sqlite3_stmt) read = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *before = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);

  read = hmr_store_prepare (self, "SELECT full_name_cyrillic FROM app_user WHERE id = ?1 AND deleted_at IS NULL",
                            error);
  if (read == NULL)
    return FALSE;
  hmr_bind_text (read, 1, audit->entity_id);
  if (sqlite3_step (read) != SQLITE_ROW)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND, _("This user does not exist."));
      return FALSE;
    }
  before = hmr_column_dup_text (read, 0);
  if (g_strcmp0 (before, n->name) == 0)
    {
      audit->nothing_to_do = TRUE;
      return TRUE;
    }

  stmt = hmr_store_prepare (self,
                            "UPDATE app_user SET full_name_cyrillic = ?2, updated_at = ?3, updated_by = ?4, "
                            "version = version + 1 WHERE id = ?1 AND deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, audit->entity_id);
  hmr_bind_text (stmt, 2, n->name);
  hmr_bind_text (stmt, 3, now);
  hmr_bind_text (stmt, 4, actor->user_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, sqlite3_errcode (self->db), error);
  if (audit->changes == NULL)
    audit->changes = hmr_changes_new ();
  hmr_changes_add (audit->changes, "full_name_cyrillic", before, n->name);
  return TRUE;
}

/**
 * hmr_user_cyrillic_name_is_acceptable:
 * @full_name_cyrillic: (nullable): as typed
 * @normalized: (out) (optional) (transfer full) (nullable): the name to
 *   store: trimmed, NFC; %NULL for a blank one
 *
 * A name with Latin letters, or with none in Cyrillic, is refused: the
 * field would then show on a Tajik screen what the Latin one already does.
 *
 * Returns: %FALSE with a message naming the field when it is refused
 */
gboolean
hmr_user_cyrillic_name_is_acceptable (const char  *full_name_cyrillic,
                                      char       **normalized,
                                      GError     **error)
{
  g_autofree char *name = NULL;
  gboolean has_cyrillic = FALSE;

  if (full_name_cyrillic != NULL)
    {
      if (!g_utf8_validate (full_name_cyrillic, -1, NULL))
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Full name in Cyrillic: the text is not valid UTF-8."));
          return FALSE;
        }
      name = g_strstrip (g_utf8_normalize (full_name_cyrillic, -1, G_NORMALIZE_NFC));
      if (name[0] == '\0')
        g_clear_pointer (&name, g_free);
    }
  if (name != NULL)
    {
      if (g_utf8_strlen (name, -1) > MAX_NAME_CHARS)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Full name in Cyrillic is too long: at most %d characters."), MAX_NAME_CHARS);
          return FALSE;
        }
      for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isalpha (c) && g_unichar_get_script (c) == G_UNICODE_SCRIPT_LATIN)
            {
              g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                           _("Full name in Cyrillic: write it in Cyrillic letters only, as in “Дилноза Муродова”."));
              return FALSE;
            }
          if (g_unichar_isalpha (c) && g_unichar_get_script (c) == G_UNICODE_SCRIPT_CYRILLIC)
            has_cyrillic = TRUE;
          else if (!g_unichar_isalpha (c) && c != ' ' && c != '-' && c != '\'' && c != 0x2019 && c != '.')
            {
              g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                           _("Full name in Cyrillic: only letters, spaces, hyphens and apostrophes."));
              return FALSE;
            }
        }
      if (!has_cyrillic)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Full name in Cyrillic: write it in Cyrillic letters only, as in “Дилноза Муродова”."));
          return FALSE;
        }
    }

  if (normalized != NULL)
    *normalized = g_steal_pointer (&name);
  return TRUE;
}

/**
 * hmr_store_set_user_cyrillic_name:
 * @full_name_cyrillic: (nullable): the name in Cyrillic letters, as
 *   Tajik and Russian screens show it; %NULL or blank to clear it
 *
 * An administrator writes how a member of staff's name is spelt in
 * Cyrillic ("Дилноза Муродова" for Dilnoza Murodova), as
 * hmr_user_cyrillic_name_is_acceptable() accepts it.
 */
gboolean
hmr_store_set_user_cyrillic_name (HmrStore        *self,
                                  const HmrActor  *actor,
                                  const char      *user_id,
                                  const char      *full_name_cyrillic,
                                  GError         **error)
{
  g_autofree char *name = NULL;
  StaffName n;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);
  g_return_val_if_fail (user_id != NULL, FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_USERS_MANAGE, NULL, error))
    return FALSE;

  if (!hmr_user_cyrillic_name_is_acceptable (full_name_cyrillic, &name, error))
    return FALSE;

  n.name = name;
  return hmr_store_write (self, actor, "update", "user", user_id, set_cyrillic_name_locked, &n, error);
}
