/* hmr-store-people.c — the audit trail a page at a time, and account flags,
 * for the Users and Audit pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hmr-people.h"
#include "hmr-store-private.h"

/* ---- audit -------------------------------------------------------------- */

/* The UTC time at which the local day @day (+ @add_days) starts, in the
 * form of the trail's timestamps, to compare with them as text: a row made
 * at 02:00 in Dushanbe on the 2nd is on the 2nd, though UTC says the 1st */
static char *
dup_day_start_utc (const char *day,
                   guint       add_days)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;
  GDate d;

  if (!hmr_parse_user_date (day, &d))
    return NULL;
  g_date_add_days (&d, add_days);
  local = g_date_time_new_local (g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d), 0, 0, 0);
  if (local == NULL)
    return NULL;
  utc = g_date_time_to_utc (local);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
}

/**
 * hmr_store_search_audit_page:
 * @before_seq: 0 for the newest rows, else the seq of the last row shown:
 *   the page continues below it
 *
 * Like hmr_store_search_audit(), one page at a time, newest first; the
 * query's days are local days.
 */
GPtrArray *
hmr_store_search_audit_page (HmrStore            *self,
                             const HmrActor      *actor,
                             const HmrAuditQuery *query,
                             gint64               before_seq,
                             GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *from_utc = NULL;
  g_autofree char *to_next = NULL;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_AUDIT_READ, NULL, error))
    return NULL;

  /* The days are the office's (local) days, the trail's times are UTC */
  if (query->from_day != NULL)
    {
      from_utc = dup_day_start_utc (query->from_day, 0);
      if (from_utc == NULL)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("From: “%s” is not a date."), query->from_day);
          return NULL;
        }
    }
  if (query->to_day != NULL)
    {
      to_next = dup_day_start_utc (query->to_day, 1);
      if (to_next == NULL)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("To: “%s” is not a date."), query->to_day);
          return NULL;
        }
    }

  stmt = hmr_store_prepare (self,
                            "SELECT seq, at, user_id, username, action, entity, entity_id, changes "
                            "FROM audit_log WHERE (?1 IS NULL OR username = ?1) "
                            "AND (?2 IS NULL OR action = ?2) AND (?3 IS NULL OR entity = ?3) "
                            "AND (?4 IS NULL OR at >= ?4) AND (?5 IS NULL OR at < ?5) "
                            "AND (?7 <= 0 OR seq < ?7) "
                            "ORDER BY seq DESC LIMIT ?6",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, query->username);
  hmr_bind_text (stmt, 2, query->action);
  hmr_bind_text (stmt, 3, query->entity);
  hmr_bind_text (stmt, 4, from_utc);
  hmr_bind_text (stmt, 5, to_next);
  sqlite3_bind_int64 (stmt, 6, query->limit ? query->limit : 200);
  sqlite3_bind_int64 (stmt, 7, before_seq);

  return hmr_store_read_audit_entries (self, stmt, error);
}

/**
 * hmr_store_list_audit_values:
 *
 * Returns: (transfer full) (element-type utf8): every user name, action or
 *   entity the trail holds, sorted: the choices of the Audit page's filters
 */
GPtrArray *
hmr_store_list_audit_values (HmrStore        *self,
                             const HmrActor  *actor,
                             HmrAuditColumn   column,
                             GError         **error)
{
  static const char * const sql[] = {
    [HMR_AUDIT_COLUMN_USERNAME] = "SELECT DISTINCT username FROM audit_log ORDER BY username COLLATE NOCASE",
    [HMR_AUDIT_COLUMN_ACTION] = "SELECT DISTINCT action FROM audit_log ORDER BY action",
    [HMR_AUDIT_COLUMN_ENTITY] = "SELECT DISTINCT entity FROM audit_log ORDER BY entity",
  };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = NULL;
  int rc;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);
  g_return_val_if_fail (column <= HMR_AUDIT_COLUMN_ENTITY, NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_AUDIT_READ, NULL, error))
    return NULL;

  stmt = hmr_store_prepare (self, sql[column], error);
  if (stmt == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func (g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, hmr_column_dup_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

/**
 * hmr_store_dup_audit_beneficiary:
 *
 * Returns: (nullable): the id of the beneficiary an audit row is about (a
 *   case, a referral, a follow-up… of theirs), or %NULL when it is about
 *   no one in particular
 */
char *
hmr_store_dup_audit_beneficiary (HmrStore        *self,
                                 const HmrActor  *actor,
                                 const char      *entity,
                                 const char      *entity_id,
                                 GError         **error)
{
  static const struct { const char *entity; const char *sql; } owners[] = {
    { "beneficiary", "SELECT id FROM beneficiary WHERE id = ?1" },
    { "case", "SELECT beneficiary_id FROM case_file WHERE id = ?1" },
    { "trafficking_profile", "SELECT beneficiary_id FROM trafficking_profile WHERE id = ?1" },
    { "referral", "SELECT beneficiary_id FROM referral WHERE id = ?1" },
    { "follow_up", "SELECT beneficiary_id FROM follow_up WHERE id = ?1" },
    { "grant", "SELECT beneficiary_id FROM grant_beneficiary WHERE grant_id = ?1 LIMIT 1" },
    { "handover", "SELECT beneficiary_id FROM handover WHERE id = ?1" },
  };
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_AUDIT_READ, NULL, error))
    return NULL;
  if (entity_id == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (owners); i++)
    {
      if (g_strcmp0 (owners[i].entity, entity) != 0)
        continue;
      /* A table a later schema may lack is no error: no record to open */
      stmt = hmr_store_prepare (self, owners[i].sql, NULL);
      if (stmt == NULL)
        return NULL;
      hmr_bind_text (stmt, 1, entity_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        return hmr_column_dup_text (stmt, 0);
      return NULL;
    }
  return NULL;
}

/* ---- the changes' JSON -------------------------------------------------- *
 *
 * The shape hmr_changes_free_to_json() writes:
 *   {"field":{"before":"…"|null,"after":"…"|null}, …}
 * Anything else is not parsed: the page shows it as it is.
 */

void
hmr_audit_change_free (HmrAuditChange *change)
{
  if (change == NULL)
    return;
  g_free (change->field);
  g_free (change->before);
  g_free (change->after);
  g_free (change);
}

static void
skip_space (const char **p)
{
  while (**p == ' ' || **p == '\n' || **p == '\t' || **p == '\r')
    (*p)++;
}

static gboolean
expect (const char **p,
        char         c)
{
  skip_space (p);
  if (**p != c)
    return FALSE;
  (*p)++;
  return TRUE;
}

/* A string, null, or a bare number or boolean (kept as its text) */
static gboolean
parse_value (const char **p,
             char       **out)
{
  GString *s;

  skip_space (p);
  if (strncmp (*p, "null", 4) == 0)
    {
      *p += 4;
      *out = NULL;
      return TRUE;
    }
  if (**p != '"')
    {
      const char *start = *p;

      while (**p != '\0' && **p != ',' && **p != '}' && **p != ' ')
        (*p)++;
      if (*p == start)
        return FALSE;
      *out = g_strndup (start, *p - start);
      return TRUE;
    }

  (*p)++;
  s = g_string_new (NULL);
  while (**p != '"')
    {
      if (**p == '\0')
        {
          g_string_free (s, TRUE);
          return FALSE;
        }
      if (**p == '\\')
        {
          (*p)++;
          switch (**p)
            {
            case 'n': g_string_append_c (s, '\n'); break;
            case 'r': g_string_append_c (s, '\r'); break;
            case 't': g_string_append_c (s, '\t'); break;
            case 'u':
              {
                char hex[5] = { 0, };
                gunichar c;

                for (int i = 0; i < 4; i++)
                  if (g_ascii_isxdigit ((*p)[1 + i]))
                    hex[i] = (*p)[1 + i];
                  else
                    {
                      g_string_free (s, TRUE);
                      return FALSE;
                    }
                c = (gunichar) g_ascii_strtoull (hex, NULL, 16);
                g_string_append_unichar (s, c);
                *p += 4;
              }
              break;
            case '\0':
              g_string_free (s, TRUE);
              return FALSE;
            default:
              g_string_append_c (s, **p);
            }
          (*p)++;
          continue;
        }
      g_string_append_c (s, **p);
      (*p)++;
    }
  (*p)++;
  *out = g_string_free (s, FALSE);
  return TRUE;
}

/**
 * hmr_audit_parse_changes:
 *
 * Returns: (transfer full) (nullable) (element-type HmrAuditChange): the
 *   fields an audit row changed, before and after; %NULL when @json is not
 *   of that shape
 */
GPtrArray *
hmr_audit_parse_changes (const char *json)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_audit_change_free);
  const char *p = json;

  if (json == NULL || !expect (&p, '{'))
    return NULL;
  skip_space (&p);
  if (*p == '}')
    return g_steal_pointer (&out);

  for (;;)
    {
      HmrAuditChange *change = g_new0 (HmrAuditChange, 1);

      g_ptr_array_add (out, change);
      if (!parse_value (&p, &change->field) || change->field == NULL ||
          !expect (&p, ':') || !expect (&p, '{'))
        return NULL;
      for (;;)
        {
          g_autofree char *key = NULL;
          g_autofree char *value = NULL;

          if (!parse_value (&p, &key) || key == NULL || !expect (&p, ':') ||
              !parse_value (&p, &value))
            return NULL;
          if (g_strcmp0 (key, "before") == 0)
            {
              g_free (change->before);
              change->before = g_steal_pointer (&value);
            }
          else if (g_strcmp0 (key, "after") == 0)
            {
              g_free (change->after);
              change->after = g_steal_pointer (&value);
            }
          skip_space (&p);
          if (*p == ',')
            {
              p++;
              continue;
            }
          if (!expect (&p, '}'))
            return NULL;
          break;
        }
      skip_space (&p);
      if (*p == ',')
        {
          p++;
          continue;
        }
      if (!expect (&p, '}'))
        return NULL;
      break;
    }
  return g_steal_pointer (&out);
}

/* ---- users -------------------------------------------------------------- */

static gboolean
require_password_change_locked (HmrStore        *self,
                                const HmrActor  *actor,
                                HmrAuditRow     *audit,
                                gpointer         data,
                                GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);

  stmt = hmr_store_prepare (self,
                            "UPDATE app_user SET must_change_password = 1, updated_at = ?2, "
                            "updated_by = ?3, version = version + 1 "
                            "WHERE id = ?1 AND deleted_at IS NULL AND must_change_password = 0",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, audit->entity_id);
  hmr_bind_text (stmt, 2, now);
  hmr_bind_text (stmt, 3, actor->user_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, sqlite3_errcode (self->db), error);
  if (sqlite3_changes (self->db) == 0)
    {
      /* Already asked, or no such user */
      audit->nothing_to_do = TRUE;
      return TRUE;
    }
  hmr_changes_add (audit->changes, "must_change_password", "0", "1");
  return TRUE;
}

/**
 * hmr_store_require_password_change:
 *
 * An administrator asks @user_id to choose a new password at the next
 * login: for a new account whose first password the administrator chose.
 */
gboolean
hmr_store_require_password_change (HmrStore        *self,
                                   const HmrActor  *actor,
                                   const char      *user_id,
                                   GError         **error)
{
  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_USERS_MANAGE, NULL, error))
    return FALSE;
  return hmr_store_write (self, actor, "update", "user", user_id, require_password_change_locked,
                          NULL, error);
}

/**
 * hmr_store_dup_user_locked_until:
 *
 * Returns: (nullable): when a locked account unlocks by itself (a UTC
 *   timestamp), or %NULL when it is not locked or @actor may not manage
 *   users
 */
char *
hmr_store_dup_user_locked_until (HmrStore       *self,
                                 const HmrActor *actor,
                                 const char     *user_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, NULL) ||
      !hmr_permission_allows (actor, HMR_ACTION_USERS_MANAGE, NULL))
    return NULL;
  now = hmr_store_dup_timestamp (self);
  stmt = hmr_store_prepare (self,
                            "SELECT locked_until FROM app_user WHERE id = ?1 AND locked_until > ?2",
                            NULL);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, user_id);
  hmr_bind_text (stmt, 2, now);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return hmr_column_dup_text (stmt, 0);
  return NULL;
}
