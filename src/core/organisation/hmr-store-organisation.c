/* hmr-store-organisation.c — the organisation and its offices as printed
 *
 * Kept in the setting table (0022-organisation.sql), one row per text:
 * organisation.name.LANG, office.OFFICE_ID.name.LANG and
 * office.OFFICE_ID.address.LANG.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-organisation.h"
#include "hmr-permissions.h"
#include "hmr-store-private.h"
#include "hmr-text.h"

#define MAX_CHARS 200

static const char * const languages[HMR_ORGANISATION_N_LANGUAGES] = { "tg", "ru", "en" };

/* Returns: "tg", "ru" or "en" */
const char *
hmr_organisation_language (guint language)
{
  g_return_val_if_fail (language < HMR_ORGANISATION_N_LANGUAGES, NULL);
  return languages[language];
}

static void
office_heading_free (HmrOfficeHeading *o)
{
  if (o == NULL)
    return;
  g_free (o->office_id);
  g_free (o->code);
  g_free (o->district);
  for (guint l = 0; l < HMR_ORGANISATION_N_LANGUAGES; l++)
    {
      g_free (o->name[l]);
      g_free (o->address[l]);
    }
  g_free (o);
}

void
hmr_organisation_free (HmrOrganisation *organisation)
{
  if (organisation == NULL)
    return;
  for (guint l = 0; l < HMR_ORGANISATION_N_LANGUAGES; l++)
    g_free (organisation->name[l]);
  g_clear_pointer (&organisation->offices, g_ptr_array_unref);
  g_free (organisation);
}

HmrOfficeHeading *
hmr_organisation_find_office (HmrOrganisation *organisation,
                              const char      *office_id)
{
  g_return_val_if_fail (organisation != NULL, NULL);

  for (guint i = 0; i < organisation->offices->len; i++)
    {
      HmrOfficeHeading *o = g_ptr_array_index (organisation->offices, i);
      if (g_strcmp0 (o->office_id, office_id) == 0)
        return o;
    }
  return NULL;
}

gboolean
hmr_store_may_edit_organisation (const HmrActor *actor)
{
  return actor != NULL && hmr_permission_allows (actor, HMR_ACTION_OFFICES_MANAGE, NULL);
}

static char *
office_key (const char *office_id,
            const char *what,
            guint       language)
{
  return g_strdup_printf ("office.%s.%s.%s", office_id, what, languages[language]);
}

static char *
organisation_key (guint language)
{
  return g_strdup_printf ("organisation.name.%s", languages[language]);
}

/* Every setting, key → value */
static GHashTable *
read_settings (HmrStore  *self,
               GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  int rc;

  stmt = hmr_store_prepare (self, "SELECT key, value FROM setting", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (out, hmr_column_dup_text (stmt, 0), hmr_column_dup_text (stmt, 1));
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

static HmrOrganisation *
load (HmrStore  *self,
      GError   **error)
{
  g_autoptr(HmrOrganisation) org = g_new0 (HmrOrganisation, 1);
  g_autoptr(GHashTable) settings = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  settings = read_settings (self, error);
  if (settings == NULL)
    return NULL;
  for (guint l = 0; l < HMR_ORGANISATION_N_LANGUAGES; l++)
    {
      g_autofree char *key = organisation_key (l);
      org->name[l] = g_strdup (g_hash_table_lookup (settings, key));
    }

  org->offices = g_ptr_array_new_with_free_func ((GDestroyNotify) office_heading_free);
  stmt = hmr_store_prepare (self, "SELECT id, code, district FROM office WHERE deleted_at IS NULL ORDER BY code",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HmrOfficeHeading *o = g_new0 (HmrOfficeHeading, 1);

      o->office_id = hmr_column_dup_text (stmt, 0);
      o->code = hmr_column_dup_text (stmt, 1);
      o->district = hmr_column_dup_text (stmt, 2);
      for (guint l = 0; l < HMR_ORGANISATION_N_LANGUAGES; l++)
        {
          g_autofree char *name_key = office_key (o->office_id, "name", l);
          g_autofree char *address_key = office_key (o->office_id, "address", l);

          o->name[l] = g_strdup (g_hash_table_lookup (settings, name_key));
          o->address[l] = g_strdup (g_hash_table_lookup (settings, address_key));
        }
      g_ptr_array_add (org->offices, o);
    }
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&org);
}

/**
 * hmr_store_get_organisation:
 *
 * Returns: (transfer full): the organisation's name and every office's
 *   heading, for any signed-in user (they are printed on every act)
 */
HmrOrganisation *
hmr_store_get_organisation (HmrStore        *self,
                            const HmrActor  *actor,
                            GError         **error)
{
  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error))
    return NULL;
  return load (self, error);
}

typedef struct
{
  const HmrOrganisation *organisation;
  GHashTable            *before;
  char                  *now;
} SetOrganisation;

static const char *
blank_to_null (const char *text)
{
  return hmr_text_is_blank (text) ? NULL : text;
}

/* Writes one text (NULL: removes it) and notes the change */
static gboolean
put (HmrStore    *self,
     const HmrActor *actor,
     GHashTable  *before,
     const char  *key,
     const char  *value,
     const char  *now,
     HmrChanges  *changes,
     const char  *field,
     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *stripped = value ? g_strstrip (g_strdup (value)) : NULL;
  const char *old = g_hash_table_lookup (before, key);
  int rc;

  value = blank_to_null (stripped);
  if (g_strcmp0 (old, value) == 0)
    return TRUE;
  if (value == NULL)
    stmt = hmr_store_prepare (self, "DELETE FROM setting WHERE key = ?1", error);
  else
    stmt = hmr_store_prepare (self,
                              "INSERT INTO setting (key, value, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                              "updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                              error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, key);
  if (value != NULL)
    {
      hmr_bind_text (stmt, 2, value);
      hmr_bind_text (stmt, 3, now);
      hmr_bind_text (stmt, 4, actor->user_id);
    }
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  hmr_changes_add (changes, field, old, value);
  return TRUE;
}

static gboolean
audit_changes (HmrStore        *self,
               const HmrActor  *actor,
               const char      *entity,
               const char      *entity_id,
               HmrChanges      *changes,
               gboolean        *any,
               GError         **error)
{
  HmrAuditRow row = { "update", entity, (char *) entity_id, changes, FALSE, FALSE };

  if (hmr_changes_is_empty (changes))
    {
      hmr_changes_free (changes);
      return TRUE;
    }
  *any = TRUE;
  return hmr_store_write_audit (self, actor, &row, error);
}

static gboolean
set_organisation_locked (HmrStore        *self,
                         const HmrActor  *actor,
                         HmrAuditRow     *audit,
                         gpointer         data,
                         GError         **error)
{
  SetOrganisation *s = data;
  const HmrOrganisation *org = s->organisation;
  HmrChanges *changes = hmr_changes_new ();
  gboolean any = FALSE;

  s->before = read_settings (self, error);
  if (s->before == NULL)
    {
      hmr_changes_free (changes);
      return FALSE;
    }
  for (guint l = 0; l < HMR_ORGANISATION_N_LANGUAGES; l++)
    {
      g_autofree char *key = organisation_key (l);
      g_autofree char *field = g_strdup_printf ("name_%s", languages[l]);

      if (!put (self, actor, s->before, key, org->name[l], s->now, changes, field, error))
        {
          hmr_changes_free (changes);
          return FALSE;
        }
    }
  if (!audit_changes (self, actor, "organisation", NULL, changes, &any, error))
    return FALSE;

  for (guint i = 0; org->offices != NULL && i < org->offices->len; i++)
    {
      const HmrOfficeHeading *o = g_ptr_array_index (org->offices, i);
      g_autoptr(sqlite3_stmt) exists = NULL;

      exists = hmr_store_prepare (self, "SELECT 1 FROM office WHERE id = ?1", error);
      if (exists == NULL)
        return FALSE;
      hmr_bind_text (exists, 1, o->office_id);
      if (sqlite3_step (exists) != SQLITE_ROW)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                       _("Office: there is no office “%s”."), o->code ? o->code : o->office_id);
          return FALSE;
        }
      changes = hmr_changes_new ();
      for (guint l = 0; l < HMR_ORGANISATION_N_LANGUAGES; l++)
        {
          g_autofree char *name_key = office_key (o->office_id, "name", l);
          g_autofree char *address_key = office_key (o->office_id, "address", l);
          g_autofree char *name_field = g_strdup_printf ("printed_name_%s", languages[l]);
          g_autofree char *address_field = g_strdup_printf ("address_%s", languages[l]);

          if (!put (self, actor, s->before, name_key, o->name[l], s->now, changes, name_field, error) ||
              !put (self, actor, s->before, address_key, o->address[l], s->now, changes, address_field, error))
            {
              hmr_changes_free (changes);
              return FALSE;
            }
        }
      if (!audit_changes (self, actor, "office", o->office_id, changes, &any, error))
        return FALSE;
    }
  audit->nothing_to_do = !any;
  return TRUE;
}

/* Every text is one line that can be stored, and not too long */
static gboolean
check_text (const char  *label,
            guint        language,
            const char  *text,
            GError     **error)
{
  g_autofree char *field = NULL;

  if (text == NULL)
    return TRUE;
  /* Translators: a field's name and its language, as in “Organisation (Tajik)” */
  field = g_strdup_printf (_("%s (%s)"), label,
                           language == 0 ? _("Tajik") : language == 1 ? _("Russian") : _("English"));
  if (!hmr_text_check (field, text, HMR_TEXT_LINE, error))
    return FALSE;
  if (g_utf8_strlen (text, -1) > MAX_CHARS)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("%s: at most %d characters."), field, MAX_CHARS);
      return FALSE;
    }
  return TRUE;
}

/**
 * hmr_store_set_organisation:
 *
 * Saves the organisation's name and the offices' headings of
 * @organisation (offices it does not list are left alone; an empty text
 * removes it), each changed record with its audit row.  Administrators
 * only.
 */
gboolean
hmr_store_set_organisation (HmrStore               *self,
                            const HmrActor         *actor,
                            const HmrOrganisation  *organisation,
                            GError                **error)
{
  SetOrganisation s = { organisation, NULL, NULL };
  gboolean ok;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);
  g_return_val_if_fail (organisation != NULL, FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_OFFICES_MANAGE, NULL, error))
    return FALSE;
  for (guint l = 0; l < HMR_ORGANISATION_N_LANGUAGES; l++)
    if (!check_text (_("Organisation"), l, organisation->name[l], error))
      return FALSE;
  for (guint i = 0; organisation->offices != NULL && i < organisation->offices->len; i++)
    {
      const HmrOfficeHeading *o = g_ptr_array_index (organisation->offices, i);
      g_autofree char *name_label = g_strdup_printf (_("Office %s as printed"), o->code ? o->code : "");
      g_autofree char *address_label = g_strdup_printf (_("Address of office %s"), o->code ? o->code : "");

      for (guint l = 0; l < HMR_ORGANISATION_N_LANGUAGES; l++)
        if (!check_text (name_label, l, o->name[l], error) ||
            !check_text (address_label, l, o->address[l], error))
          return FALSE;
    }

  s.now = hmr_store_dup_timestamp (self);
  ok = hmr_store_write (self, actor, "update", NULL, NULL, set_organisation_locked, &s, error);
  g_clear_pointer (&s.before, g_hash_table_unref);
  g_free (s.now);
  return ok;
}

static const char *
pick (char * const *texts,
      guint         language)
{
  /* the language asked for, else Tajik, Russian, English */
  if (texts[language] != NULL)
    return texts[language];
  for (guint l = 0; l < HMR_ORGANISATION_N_LANGUAGES; l++)
    if (texts[l] != NULL)
      return texts[l];
  return NULL;
}

gboolean
hmr_store_get_letterhead (HmrStore    *self,
                          const char  *office_id,
                          guint        language,
                          char       **organisation,
                          char       **office,
                          GError     **error)
{
  g_autoptr(HmrOrganisation) org = NULL;
  HmrOfficeHeading *o;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);
  g_return_val_if_fail (language < HMR_ORGANISATION_N_LANGUAGES, FALSE);

  *organisation = NULL;
  *office = NULL;
  org = load (self, error);
  if (org == NULL)
    return FALSE;
  *organisation = g_strdup (pick (org->name, language));
  o = office_id ? hmr_organisation_find_office (org, office_id) : NULL;
  if (o != NULL)
    {
      const char *name = pick (o->name, language);
      const char *address = pick (o->address, language);

      if (name != NULL && address != NULL)
        *office = g_strdup_printf ("%s, %s", name, address);
      else
        *office = g_strdup (name ? name : address);
    }
  return TRUE;
}
