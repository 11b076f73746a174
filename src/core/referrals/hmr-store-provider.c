/* hmr-store-provider.c — the directory of service providers, and the
 * answer and completion times of each service type
 *
 * Caseworkers and supervisors read the directory (to pick a provider for
 * a referral); only the administrator changes it, every change audited.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-labels.h"
#include "hmr-referral.h"
#include "hmr-store-private.h"

#define PROVIDER_COLUMNS \
  "id, office_id, name, service_types, district, districts_served, address, phone, " \
  "contact_person, languages, deleted_at, version"

static HmrProvider *
row_to_provider (sqlite3_stmt *stmt)
{
  HmrProvider *p = hmr_provider_new ();

  p->id = hmr_column_dup_text (stmt, 0);
  p->office_id = hmr_column_dup_text (stmt, 1);
  p->name = hmr_column_dup_text (stmt, 2);
  p->service_types = hmr_column_dup_text (stmt, 3);
  p->district = hmr_column_dup_text (stmt, 4);
  p->districts_served = hmr_column_dup_text (stmt, 5);
  p->address = hmr_column_dup_text (stmt, 6);
  p->phone = hmr_column_dup_text (stmt, 7);
  p->contact_person = hmr_column_dup_text (stmt, 8);
  p->languages = hmr_column_dup_text (stmt, 9);
  p->deleted_at = hmr_column_dup_text (stmt, 10);
  p->version = sqlite3_column_int64 (stmt, 11);
  return p;
}

/* Readers of the directory: whoever works with referrals, and the admin */
static gboolean
require_read (const HmrActor  *actor,
              GError         **error)
{
  if (hmr_permission_allows (actor, HMR_ACTION_PROVIDERS_MANAGE, NULL))
    return TRUE;
  return hmr_store_require (actor, HMR_ACTION_REFERRAL_READ, NULL, error);
}

/**
 * hmr_store_list_providers:
 * @service_type: (nullable): only providers offering this service
 * @district: (nullable): only providers serving this district
 *
 * The providers to pick from, by name.
 *
 * Returns: (transfer full) (element-type HmrProvider): the providers
 */
GPtrArray *
hmr_store_list_providers (HmrStore        *self,
                          const HmrActor  *actor,
                          const char      *service_type,
                          const char      *district,
                          gboolean         include_archived,
                          GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = NULL;
  int rc;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error) || !require_read (actor, error))
    return NULL;

  stmt = hmr_store_prepare (self,
                            "SELECT " PROVIDER_COLUMNS " FROM service_provider "
                            "WHERE (?1 OR deleted_at IS NULL) "
                            "AND (?2 IS NULL OR instr(',' || replace(service_types, ' ', '') || ',', ',' || ?2 || ',') > 0) "
                            "AND (?3 IS NULL OR district = ?3 "
                            "     OR instr(',' || coalesce(districts_served, '') || ',', ',' || ?3 || ',') > 0 "
                            "     OR instr(',' || coalesce(districts_served, '') || ',', ',*,') > 0) "
                            "ORDER BY district = ?3 DESC, name COLLATE NOCASE, id",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, include_archived);
  hmr_bind_text (stmt, 2, service_type);
  hmr_bind_text (stmt, 3, district);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_provider_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, row_to_provider (stmt));
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

static HmrProvider *
load_provider (HmrStore    *self,
               const char  *id,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = hmr_store_prepare (self, "SELECT " PROVIDER_COLUMNS " FROM service_provider WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return row_to_provider (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                 _("Provider: this service provider does not exist."));
  else
    hmr_store_set_sqlite_error (self, rc, error);
  return NULL;
}

HmrProvider *
hmr_store_get_provider (HmrStore        *self,
                        const HmrActor  *actor,
                        const char      *id,
                        GError         **error)
{
  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error) || !require_read (actor, error))
    return NULL;
  return load_provider (self, id, error);
}

static gboolean
has_text (const char *s)
{
  for (; s && *s; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return TRUE;
  return FALSE;
}

static char *
strip_or_null (const char *s)
{
  return has_text (s) ? g_strstrip (g_strdup (s)) : NULL;
}

static gboolean
is_district (HmrStore   *self,
             const char *district)
{
  g_autoptr(sqlite3_stmt) stmt = hmr_store_prepare (self,
                                                    "SELECT 1 FROM office WHERE district = ?1 AND deleted_at IS NULL",
                                                    NULL);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, district);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

/* Trims and checks the fields; lists come back as "a,b,c" */
static gboolean
normalize_provider (HmrStore     *self,
                    HmrProvider  *p,
                    GError      **error)
{
  g_auto(GStrv) types = NULL;
  g_autoptr(GString) list = g_string_new (NULL);
  char **fields[] = { &p->name, &p->district, &p->address, &p->phone, &p->contact_person, &p->languages };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      char *v = strip_or_null (*fields[i]);
      g_free (*fields[i]);
      *fields[i] = v;
    }
  if (p->name == NULL)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Organisation: give the provider’s name."));
      return FALSE;
    }

  types = g_strsplit (p->service_types ? p->service_types : "", ",", -1);
  for (guint i = 0; types[i]; i++)
    {
      const char *t = g_strstrip (types[i]);
      if (*t == '\0')
        continue;
      if (!g_strv_contains (hmr_service_type_codes (), t))
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Services: “%s” is not a service type."), t);
          return FALSE;
        }
      g_string_append_printf (list, "%s%s", list->len ? "," : "", t);
    }
  if (list->len == 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Services: choose at least one service the provider offers."));
      return FALSE;
    }
  g_free (p->service_types);
  p->service_types = g_strdup (list->str);

  if (p->district == NULL || !is_district (self, p->district))
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("District: “%s” is not a district Hamroh knows."), p->district ? p->district : "");
      return FALSE;
    }

  g_string_truncate (list, 0);
  {
    g_auto(GStrv) served = g_strsplit (p->districts_served ? p->districts_served : "", ",", -1);
    for (guint i = 0; served[i]; i++)
      {
        const char *d = g_strstrip (served[i]);
        if (*d == '\0' || g_strcmp0 (d, p->district) == 0)
          continue;
        if (g_strcmp0 (d, "*") != 0 && !is_district (self, d))
          {
            g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                         _("Districts served: “%s” is not a district Hamroh knows."), d);
            return FALSE;
          }
        g_string_append_printf (list, "%s%s", list->len ? "," : "", d);
      }
  }
  g_free (p->districts_served);
  p->districts_served = list->len ? g_strdup (list->str) : NULL;

  if (p->phone != NULL)
    {
      char *phone = hmr_normalize_phone (p->phone);
      if (phone != NULL)
        {
          g_free (p->phone);
          p->phone = phone;
        }
    }
  return TRUE;
}

typedef struct
{
  HmrProvider       *p;        /* what is saved */
  const HmrProvider *before;   /* NULL: a new provider */
  const char        *now;
} SaveProvider;

static gboolean
save_provider_locked (HmrStore        *self,
                      const HmrActor  *actor,
                      HmrAuditRow     *audit,
                      gpointer         data,
                      GError         **error)
{
  const SaveProvider *s = data;
  HmrProvider *p = s->p;
  const HmrProvider *before = s->before;
  gboolean creating = before == NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (creating)
    {
      p->id = hmr_store_new_id ();
      p->version = 1;
      stmt = hmr_store_prepare (self,
                                "INSERT INTO service_provider (id, office_id, name, service_types, district, "
                                "districts_served, address, phone, contact_person, languages, created_at, "
                                "created_by, updated_at, updated_by, version) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?11, ?12, 1)",
                                error);
    }
  else
    stmt = hmr_store_prepare (self,
                              "UPDATE service_provider SET office_id = ?2, name = ?3, service_types = ?4, "
                              "district = ?5, districts_served = ?6, address = ?7, phone = ?8, "
                              "contact_person = ?9, languages = ?10, updated_at = ?11, updated_by = ?12, "
                              "version = version + 1 WHERE id = ?1 AND version = ?13",
                              error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, p->id);
  hmr_bind_text (stmt, 2, p->office_id);
  hmr_bind_text (stmt, 3, p->name);
  hmr_bind_text (stmt, 4, p->service_types);
  hmr_bind_text (stmt, 5, p->district);
  hmr_bind_text (stmt, 6, p->districts_served);
  hmr_bind_text (stmt, 7, p->address);
  hmr_bind_text (stmt, 8, p->phone);
  hmr_bind_text (stmt, 9, p->contact_person);
  hmr_bind_text (stmt, 10, p->languages);
  hmr_bind_text (stmt, 11, s->now);
  hmr_bind_text (stmt, 12, actor->user_id);
  if (!creating)
    sqlite3_bind_int64 (stmt, 13, p->version);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  if (!creating && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT,
                   _("Someone else changed this provider meanwhile. Reload it and make your change again."));
      return FALSE;
    }

#define CHANGE(field) \
  if (creating || g_strcmp0 (before->field, p->field) != 0) \
    hmr_changes_add (audit->changes, #field, before ? before->field : NULL, p->field)
  CHANGE (name);
  CHANGE (service_types);
  CHANGE (district);
  CHANGE (districts_served);
  CHANGE (address);
  CHANGE (phone);
  CHANGE (contact_person);
  CHANGE (languages);
#undef CHANGE
  audit->entity_id = g_strdup (p->id);
  return TRUE;
}

/**
 * hmr_store_save_provider:
 *
 * Adds @provider to the directory when its id is %NULL, else saves the
 * changes (refused with %HMR_STORE_ERROR_CONFLICT when someone else saved
 * it meanwhile).  Administrators only.  On success the id, office and
 * version are filled in.
 */
gboolean
hmr_store_save_provider (HmrStore        *self,
                         const HmrActor  *actor,
                         HmrProvider     *provider,
                         GError         **error)
{
  g_autoptr(HmrProvider) p = NULL;
  g_autoptr(HmrProvider) before = NULL;
  g_autofree char *now = NULL;
  gboolean creating;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);
  g_return_val_if_fail (provider != NULL, FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_PROVIDERS_MANAGE, NULL, error))
    return FALSE;

  p = hmr_provider_copy (provider);
  if (!normalize_provider (self, p, error))
    return FALSE;
  creating = p->id == NULL;
  if (!creating)
    {
      before = load_provider (self, p->id, error);
      if (before == NULL)
        return FALSE;
    }

  g_free (p->office_id);
  p->office_id = hmr_store_dup_office_for_district (self, p->district, NULL);
  now = hmr_store_dup_timestamp (self);

  if (!hmr_store_write (self, actor, creating ? "create" : "update", "service_provider", NULL,
                        save_provider_locked, &(SaveProvider) { p, before, now }, error))
    return FALSE;

  if (!creating)
    p->version++;
  g_free (provider->id);
  provider->id = g_strdup (p->id);
  g_free (provider->office_id);
  provider->office_id = g_strdup (p->office_id);
  provider->version = p->version;
  return TRUE;
}

/**
 * hmr_store_archive_provider:
 *
 * Takes a provider out of the pickers.  Its referrals keep pointing at it.
 * Administrators only.
 */
gboolean
hmr_store_archive_provider (HmrStore        *self,
                            const HmrActor  *actor,
                            const char      *id,
                            GError         **error)
{
  g_autoptr(HmrProvider) before = NULL;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_PROVIDERS_MANAGE, NULL, error))
    return FALSE;
  before = load_provider (self, id, error);
  if (before == NULL)
    return FALSE;
  if (before->deleted_at != NULL)
    return TRUE;
  return hmr_store_write (self, actor, "archive", "service_provider", id, hmr_store_archive_locked,
                          "UPDATE service_provider SET deleted_at = ?2, updated_at = ?2, updated_by = ?3, "
                          "version = version + 1 WHERE id = ?1 AND deleted_at IS NULL",
                          error);
}

/* ---- answer and completion times ---------------------------------- */

/**
 * hmr_store_get_service_deadline:
 * @answer_days: (out) (optional): days the provider has to answer
 * @completion_days: (out) (optional): days from acceptance to completion
 */
gboolean
hmr_store_get_service_deadline (HmrStore    *self,
                                const char  *service_type,
                                int         *answer_days,
                                int         *completion_days,
                                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  stmt = hmr_store_prepare (self,
                            "SELECT answer_days, completion_days FROM service_deadline WHERE service_type = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, service_type);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Service: “%s” is not a service type."), service_type ? service_type : "");
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return hmr_store_set_sqlite_error (self, rc, error);
  if (answer_days)
    *answer_days = sqlite3_column_int (stmt, 0);
  if (completion_days)
    *completion_days = sqlite3_column_int (stmt, 1);
  return TRUE;
}

typedef struct
{
  int old_answer, old_completion;
  int answer_days, completion_days;
} Deadline;

static gboolean
set_deadline_locked (HmrStore        *self,
                     const HmrActor  *actor,
                     HmrAuditRow     *audit,
                     gpointer         data,
                     GError         **error)
{
  const Deadline *d = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);
  g_autofree char *a0 = NULL, *a1 = NULL, *c0 = NULL, *c1 = NULL;
  int rc;

  stmt = hmr_store_prepare (self,
                            "UPDATE service_deadline SET answer_days = ?2, completion_days = ?3, "
                            "updated_at = ?4, updated_by = ?5, version = version + 1 WHERE service_type = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, audit->entity_id);
  sqlite3_bind_int (stmt, 2, d->answer_days);
  sqlite3_bind_int (stmt, 3, d->completion_days);
  hmr_bind_text (stmt, 4, now);
  hmr_bind_text (stmt, 5, actor->user_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  a0 = g_strdup_printf ("%d", d->old_answer);
  a1 = g_strdup_printf ("%d", d->answer_days);
  c0 = g_strdup_printf ("%d", d->old_completion);
  c1 = g_strdup_printf ("%d", d->completion_days);
  hmr_changes_add (audit->changes, "answer_days", a0, a1);
  hmr_changes_add (audit->changes, "completion_days", c0, c1);
  return TRUE;
}

/**
 * hmr_store_set_service_deadline:
 *
 * Changes the answer and completion times of a service type, for
 * referrals sent (or accepted) from now on.  Administrators only, audited.
 */
gboolean
hmr_store_set_service_deadline (HmrStore        *self,
                                const HmrActor  *actor,
                                const char      *service_type,
                                int              answer_days,
                                int              completion_days,
                                GError         **error)
{
  Deadline d = { 0, 0, answer_days, completion_days };

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_PROVIDERS_MANAGE, NULL, error))
    return FALSE;
  if (!hmr_store_get_service_deadline (self, service_type, &d.old_answer, &d.old_completion, error))
    return FALSE;
  if (answer_days < 1 || answer_days > 365)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Answer time: give a number of days from 1 to 365."));
      return FALSE;
    }
  if (completion_days < 1 || completion_days > 730)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Completion time: give a number of days from 1 to 730."));
      return FALSE;
    }
  return hmr_store_write (self, actor, "update", "service_deadline", service_type,
                          set_deadline_locked, &d, error);
}
