/* hmr-store-beneficiary.c — registering, changing, archiving and listing
 * beneficiaries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-name-key.h"
#include "hmr-store-private.h"

static const char *
column_list (void)
{
  static char *cols;

  if (g_once_init_enter (&cols))
    {
      GString *s = g_string_new ("b.rowid");
      for (guint i = 0; i < HMR_BENEFICIARY_N_COLUMNS; i++)
        g_string_append_printf (s, ", b.%s", hmr_beneficiary_field_get_column (i));
      /* The stage of the newest case file, chosen as beneficiary_sort
       * chooses it (0008), its owner (named in Cyrillic on Tajik and
       * Russian screens when the account has that spelling), and the last
       * contact read from there: what a row shows is what it was sorted by */
      g_string_append (s, ", (SELECT c.stage FROM case_file c WHERE c.beneficiary_id = b.id "
                          "AND c.deleted_at IS NULL ORDER BY c.opened_on DESC, c.rowid DESC LIMIT 1)"
                          ", (SELECT hmr_staff_name (u.full_name, u.full_name_cyrillic) "
                          "FROM case_file c JOIN app_user u ON u.id = c.owner_id "
                          "WHERE c.beneficiary_id = b.id AND c.deleted_at IS NULL "
                          "ORDER BY c.opened_on DESC, c.rowid DESC LIMIT 1)"
                          ", (SELECT k.last_contact FROM beneficiary_sort k WHERE k.beneficiary_rowid = b.rowid)");
      g_once_init_leave (&cols, g_string_free (s, FALSE));
    }
  return cols;
}

static HmrBeneficiary *
row_to_beneficiary (sqlite3_stmt   *stmt,
                    const HmrActor *actor)
{
  HmrBeneficiary *b = hmr_beneficiary_new ();
  gboolean full;

  hmr_beneficiary_set_rowid (b, sqlite3_column_int64 (stmt, 0));
  for (guint i = 0; i < HMR_BENEFICIARY_N_FIELDS; i++)
    hmr_beneficiary_set (b, i, (const char *) sqlite3_column_text (stmt, i + 1));

  full = hmr_permission_allows (actor, HMR_ACTION_BENEFICIARY_READ,
                                hmr_beneficiary_get (b, HMR_BENEFICIARY_OFFICE_ID));
  if (!full)
    for (guint i = 0; i < HMR_BENEFICIARY_N_FIELDS; i++)
      if (!hmr_beneficiary_field_is_identity (i))
        hmr_beneficiary_set (b, i, NULL);
  return b;
}

/* Dates to ISO 8601, phones to +992 XX XXX XXXX, before saving */
static void
normalize (HmrBeneficiary *b)
{
  for (guint i = 0; i < HMR_BENEFICIARY_N_COLUMNS; i++)
    {
      const char *v = hmr_beneficiary_get (b, i);
      GDate d;

      if (v == NULL)
        continue;
      if (hmr_beneficiary_field_get_type (i) == HMR_FIELD_DATE &&
          hmr_parse_user_date (v, &d))
        {
          char buf[16];
          g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &d);
          hmr_beneficiary_set (b, i, buf);
        }
      else if (i == HMR_BENEFICIARY_PHONE || i == HMR_BENEFICIARY_PHONE_ALT)
        {
          g_autofree char *p = hmr_normalize_phone (v);
          if (p != NULL)
            hmr_beneficiary_set (b, i, p);
        }
    }
  if (hmr_beneficiary_get (b, HMR_BENEFICIARY_RISK_LEVEL) == NULL)
    hmr_beneficiary_set (b, HMR_BENEFICIARY_RISK_LEVEL, "low");
  for (guint i = 0; i < HMR_BENEFICIARY_N_COLUMNS; i++)
    if (hmr_beneficiary_field_get_type (i) == HMR_FIELD_BOOL &&
        hmr_beneficiary_get (b, i) == NULL)
      hmr_beneficiary_set_bool (b, i, FALSE);
}

static gboolean
validate (HmrStore        *self,
          HmrBeneficiary  *b,
          GError         **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  GDate today;
  GString *msg;

  hmr_store_get_today (self, &today);
  problems = hmr_beneficiary_validate (b, &today);
  if (problems->len == 0)
    return TRUE;

  msg = g_string_new (NULL);
  for (guint i = 0; i < problems->len; i++)
    {
      HmrFieldProblem *p = g_ptr_array_index (problems, i);
      if (i > 0)
        g_string_append_c (msg, '\n');
      g_string_append (msg, p->message);
    }
  g_set_error_literal (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID, msg->str);
  g_string_free (msg, TRUE);
  return FALSE;
}

static char *
next_case_number (HmrStore    *self,
                  const char  *office_id,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) bump = NULL;
  g_autoptr(sqlite3_stmt) code = NULL;
  g_autoptr(GDateTime) now = hmr_store_now (self);
  int year = g_date_time_get_year (now);
  gint64 seq;
  int rc;

  bump = hmr_store_prepare (self,
                            "INSERT INTO case_sequence (office_id, year, last) VALUES (?1, ?2, 1) "
                            "ON CONFLICT (office_id, year) DO UPDATE SET last = last + 1 "
                            "RETURNING last",
                            error);
  if (bump == NULL)
    return NULL;
  hmr_bind_text (bump, 1, office_id);
  sqlite3_bind_int (bump, 2, year);
  rc = sqlite3_step (bump);
  if (rc != SQLITE_ROW)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  seq = sqlite3_column_int64 (bump, 0);
  sqlite3_reset (bump);

  code = hmr_store_prepare (self, "SELECT code FROM office WHERE id = ?1", error);
  if (code == NULL)
    return NULL;
  hmr_bind_text (code, 1, office_id);
  rc = sqlite3_step (code);
  if (rc != SQLITE_ROW)
    {
      hmr_store_set_sqlite_error (self, rc == SQLITE_DONE ? SQLITE_CONSTRAINT : rc, error);
      return NULL;
    }
  return g_strdup_printf ("%s-%d-%05" G_GINT64_FORMAT,
                          (const char *) sqlite3_column_text (code, 0), year, seq);
}

/**
 * hmr_store_beneficiary_insert_sql:
 *
 * Returns: the INSERT of a beneficiary, one parameter per column of the
 *   field table (hmr-beneficiary.h), ?1 for HMR_BENEFICIARY_ID and so
 *   on: what the store writes and what the demo generator fills, from one
 *   description of the record
 */
const char *
hmr_store_beneficiary_insert_sql (void)
{
  static char *sql;

  if (g_once_init_enter (&sql))
    {
      GString *s = g_string_new ("INSERT INTO beneficiary (");

      for (guint i = 0; i < HMR_BENEFICIARY_N_COLUMNS; i++)
        g_string_append_printf (s, "%s%s", i ? ", " : "", hmr_beneficiary_field_get_column (i));
      g_string_append (s, ") VALUES (");
      for (guint i = 0; i < HMR_BENEFICIARY_N_COLUMNS; i++)
        g_string_append_printf (s, "%s?%u", i ? ", " : "", i + 1);
      g_string_append (s, ")");
      g_once_init_leave (&sql, g_string_free (s, FALSE));
    }
  return sql;
}

/**
 * hmr_store_insert_beneficiary_locked:
 *
 * Registers @beneficiary and opens its case file, each with its audit
 * row, inside the caller's transaction: the form's save and every row of
 * an import.  On success the record's id, case number, office, timestamps
 * and version are filled in.
 */
gboolean
hmr_store_insert_beneficiary_locked (HmrStore        *self,
                                     const HmrActor  *actor,
                                     HmrBeneficiary  *beneficiary,
                                     GError         **error)
{
  g_autoptr(HmrBeneficiary) b = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) case_stmt = NULL;
  g_autoptr(HmrChanges) changes = NULL;
  g_autofree char *office_id = NULL;
  g_autofree char *id = NULL;
  g_autofree char *case_id = NULL;
  g_autofree char *case_number = NULL;
  g_autofree char *now = NULL;
  g_autofree char *json = NULL;
  int rc;

  b = hmr_beneficiary_copy (beneficiary);
  normalize (b);
  if (!validate (self, b, error))
    return FALSE;

  /* A caseworker registers in their own office; others in the district's */
  if (actor->role == HMR_ROLE_CASEWORKER && actor->office_id != NULL)
    office_id = g_strdup (actor->office_id);
  else
    {
      office_id = hmr_store_dup_office_for_district (self,
                                                     hmr_beneficiary_get (b, HMR_BENEFICIARY_DISTRICT),
                                                     error);
      if (office_id == NULL)
        return FALSE;
    }
  if (!hmr_store_require (actor, HMR_ACTION_BENEFICIARY_WRITE, office_id, error))
    return FALSE;

  case_number = next_case_number (self, office_id, error);
  if (case_number == NULL)
    return FALSE;

  id = hmr_store_new_id ();
  now = hmr_store_dup_timestamp (self);
  hmr_beneficiary_set (b, HMR_BENEFICIARY_ID, id);
  hmr_beneficiary_set (b, HMR_BENEFICIARY_OFFICE_ID, office_id);
  hmr_beneficiary_set (b, HMR_BENEFICIARY_CASE_NUMBER, case_number);
  hmr_beneficiary_set (b, HMR_BENEFICIARY_CREATED_AT, now);
  hmr_beneficiary_set (b, HMR_BENEFICIARY_CREATED_BY, actor->user_id);
  hmr_beneficiary_set (b, HMR_BENEFICIARY_UPDATED_AT, now);
  hmr_beneficiary_set (b, HMR_BENEFICIARY_UPDATED_BY, actor->user_id);
  hmr_beneficiary_set (b, HMR_BENEFICIARY_DELETED_AT, NULL);
  hmr_beneficiary_set (b, HMR_BENEFICIARY_DUPLICATE_OF, NULL);
  hmr_beneficiary_set_int (b, HMR_BENEFICIARY_VERSION, 1);

  stmt = hmr_store_prepare (self, hmr_store_beneficiary_insert_sql (), error);
  if (stmt == NULL)
    return FALSE;

  changes = hmr_changes_new ();
  for (guint i = 0; i < HMR_BENEFICIARY_N_COLUMNS; i++)
    {
      hmr_bind_text (stmt, i + 1, hmr_beneficiary_get (b, i));
      if (hmr_beneficiary_field_is_user_editable (i) || i == HMR_BENEFICIARY_CASE_NUMBER)
        hmr_changes_add (changes, hmr_beneficiary_field_get_column (i), NULL,
                         hmr_beneficiary_get (b, i));
    }
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  hmr_beneficiary_set_rowid (b, sqlite3_last_insert_rowid (self->db));

  json = hmr_changes_free_to_json (g_steal_pointer (&changes));
  if (!hmr_store_audit_append (self, actor, "create", "beneficiary", id, json, error))
    return FALSE;

  /* Every beneficiary has a case file from the start */
  case_id = hmr_store_new_id ();
  case_stmt = hmr_store_prepare (self,
                                 "INSERT INTO case_file (id, office_id, beneficiary_id, owner_id, "
                                 "risk_level, opened_on, created_at, created_by, updated_at, updated_by) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, substr(?6, 1, 10), ?6, ?7, ?6, ?7)",
                                 error);
  if (case_stmt == NULL)
    return FALSE;
  hmr_bind_text (case_stmt, 1, case_id);
  hmr_bind_text (case_stmt, 2, office_id);
  hmr_bind_text (case_stmt, 3, id);
  hmr_bind_text (case_stmt, 4, actor->role == HMR_ROLE_CASEWORKER ? actor->user_id : NULL);
  hmr_bind_text (case_stmt, 5, hmr_beneficiary_get (b, HMR_BENEFICIARY_RISK_LEVEL));
  hmr_bind_text (case_stmt, 6, now);
  hmr_bind_text (case_stmt, 7, actor->user_id);
  rc = sqlite3_step (case_stmt);
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  {
    g_autoptr(HmrChanges) cc = hmr_changes_new ();
    g_autofree char *cjson = NULL;
    hmr_changes_add (cc, "beneficiary_id", NULL, id);
    hmr_changes_add (cc, "stage", NULL, "new");
    cjson = hmr_changes_free_to_json (g_steal_pointer (&cc));
    if (!hmr_store_audit_append (self, actor, "create", "case", case_id, cjson, error))
      return FALSE;
  }

  /* Give the caller the saved record */
  hmr_beneficiary_set (b, HMR_BENEFICIARY_CASE_STAGE, "new");
  hmr_beneficiary_set (b, HMR_BENEFICIARY_CASEWORKER,
                       actor->role == HMR_ROLE_CASEWORKER ? actor->full_name : NULL);
  for (guint i = 0; i < HMR_BENEFICIARY_N_FIELDS; i++)
    hmr_beneficiary_set (beneficiary, i, hmr_beneficiary_get (b, i));
  hmr_beneficiary_set_rowid (beneficiary, hmr_beneficiary_get_rowid (b));
  return TRUE;
}

static gboolean
insert_locked (HmrStore        *self,
               const HmrActor  *actor,
               HmrAuditRow     *audit,
               gpointer         data,
               GError         **error)
{
  /* it appends the beneficiary's and the case file's audit rows itself */
  return hmr_store_insert_beneficiary_locked (self, actor, data, error);
}

/**
 * hmr_store_insert_beneficiary:
 *
 * Registers @beneficiary and opens its case file, owned by @actor when the
 * actor is a caseworker.  On success the record's id, case number, office,
 * timestamps and version are filled in.
 */
gboolean
hmr_store_insert_beneficiary (HmrStore        *self,
                              const HmrActor  *actor,
                              HmrBeneficiary  *beneficiary,
                              GError         **error)
{
  g_autoptr(HmrBeneficiary) b = NULL;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);
  g_return_val_if_fail (HMR_IS_BENEFICIARY (beneficiary), FALSE);

  if (!hmr_store_check_actor (self, actor, error))
    return FALSE;

  if (!hmr_store_require (actor, HMR_ACTION_BENEFICIARY_WRITE, NULL, error))
    return FALSE;

  /* Refuse bad input before taking the write lock */
  b = hmr_beneficiary_copy (beneficiary);
  normalize (b);
  if (!validate (self, b, error))
    return FALSE;

  return hmr_store_write (self, actor, "create", NULL, NULL, insert_locked, beneficiary, error);
}

static HmrBeneficiary *
load_one (HmrStore        *self,
          const HmrActor  *actor,
          const char      *id,
          GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM beneficiary b WHERE b.id = ?1", column_list ());
  int rc;

  stmt = hmr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                   _("This beneficiary does not exist (any more)."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return row_to_beneficiary (stmt, actor);
}

HmrBeneficiary *
hmr_store_load_beneficiary_unchecked (HmrStore       *self,
                                      const HmrActor *actor,
                                      const char     *id,
                                      GError        **error)
{
  return load_one (self, actor, id, error);
}

HmrBeneficiary *
hmr_store_get_beneficiary (HmrStore        *self,
                           const HmrActor  *actor,
                           const char      *id,
                           GError         **error)
{
  g_autoptr(HmrBeneficiary) b = NULL;
  const char *office;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error))
    return NULL;
  b = load_one (self, actor, id, error);
  if (b == NULL)
    return NULL;
  office = hmr_beneficiary_get (b, HMR_BENEFICIARY_OFFICE_ID);
  if (!hmr_permission_allows (actor, HMR_ACTION_BENEFICIARY_READ, office) &&
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_READ_IDENTITY, office, error))
    return NULL;
  return g_steal_pointer (&b);
}

/* What the update's callback needs and fills in */
typedef struct
{
  HmrBeneficiary *b;          /* the caller's record, normalised */
  char           *now;        /* (out) its updated_at */
  int             version;    /* (out) its new version; 0: nothing changed */
} UpdateData;

static gboolean
update_locked (HmrStore        *self,
               const HmrActor  *actor,
               HmrAuditRow     *audit,
               gpointer         data,
               GError         **error)
{
  UpdateData *d = data;
  HmrBeneficiary *b = d->b;
  g_autoptr(HmrBeneficiary) old = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GString *sql;
  guint n_bind = 0;
  int rc;

  old = load_one (self, actor, audit->entity_id, error);
  if (old == NULL)
    return FALSE;
  if (!hmr_store_require (actor, HMR_ACTION_BENEFICIARY_WRITE,
                          hmr_beneficiary_get (old, HMR_BENEFICIARY_OFFICE_ID), error))
    return FALSE;
  if (!validate (self, b, error))
    return FALSE;
  if (hmr_beneficiary_is_archived (old))
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("This case file is archived and cannot be changed."));
      return FALSE;
    }
  if (g_strcmp0 (hmr_beneficiary_get (old, HMR_BENEFICIARY_VERSION),
                 hmr_beneficiary_get (b, HMR_BENEFICIARY_VERSION)) != 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT,
                   _("Someone else changed this case file after you opened it. Reopen it to see their changes; yours were not saved."));
      return FALSE;
    }

  sql = g_string_new ("UPDATE beneficiary SET ");
  for (guint i = 0; i < HMR_BENEFICIARY_N_COLUMNS; i++)
    {
      if (!hmr_beneficiary_field_is_user_editable (i))
        continue;
      if (g_strcmp0 (hmr_beneficiary_get (old, i), hmr_beneficiary_get (b, i)) == 0)
        continue;
      hmr_changes_add (audit->changes, hmr_beneficiary_field_get_column (i),
                       hmr_beneficiary_get (old, i), hmr_beneficiary_get (b, i));
      g_string_append_printf (sql, "%s = ?%u, ", hmr_beneficiary_field_get_column (i), i + 1);
      n_bind++;
    }
  if (n_bind == 0)
    {
      /* nothing changed: nothing to write, nothing to audit */
      g_string_free (sql, TRUE);
      audit->nothing_to_do = TRUE;
      return TRUE;
    }
  g_string_append_printf (sql, "updated_at = ?%d, updated_by = ?%d, version = version + 1 "
                               "WHERE id = ?%d",
                          HMR_BENEFICIARY_N_COLUMNS + 1, HMR_BENEFICIARY_N_COLUMNS + 2,
                          HMR_BENEFICIARY_N_COLUMNS + 3);
  stmt = hmr_store_prepare (self, sql->str, error);
  g_string_free (sql, TRUE);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < HMR_BENEFICIARY_N_COLUMNS; i++)
    if (hmr_beneficiary_field_is_user_editable (i) &&
        g_strcmp0 (hmr_beneficiary_get (old, i), hmr_beneficiary_get (b, i)) != 0)
      hmr_bind_text (stmt, i + 1, hmr_beneficiary_get (b, i));
  d->now = hmr_store_dup_timestamp (self);
  hmr_bind_text (stmt, HMR_BENEFICIARY_N_COLUMNS + 1, d->now);
  hmr_bind_text (stmt, HMR_BENEFICIARY_N_COLUMNS + 2, actor->user_id);
  hmr_bind_text (stmt, HMR_BENEFICIARY_N_COLUMNS + 3, audit->entity_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  d->version = hmr_beneficiary_get_int (old, HMR_BENEFICIARY_VERSION, 0) + 1;
  return TRUE;
}

gboolean
hmr_store_update_beneficiary (HmrStore        *self,
                              const HmrActor  *actor,
                              HmrBeneficiary  *beneficiary,
                              GError         **error)
{
  g_autoptr(HmrBeneficiary) b = NULL;
  UpdateData data = { 0 };
  gboolean ok;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);
  g_return_val_if_fail (HMR_IS_BENEFICIARY (beneficiary), FALSE);

  if (!hmr_store_check_actor (self, actor, error))
    return FALSE;

  b = hmr_beneficiary_copy (beneficiary);
  normalize (b);
  data.b = b;
  ok = hmr_store_write (self, actor, "update", "beneficiary", hmr_beneficiary_get (beneficiary, HMR_BENEFICIARY_ID),
                        update_locked, &data, error);
  if (ok && data.version > 0)
    {
      for (guint i = 0; i < HMR_BENEFICIARY_N_COLUMNS; i++)
        if (hmr_beneficiary_field_is_user_editable (i))
          hmr_beneficiary_set (beneficiary, i, hmr_beneficiary_get (b, i));
      hmr_beneficiary_set (beneficiary, HMR_BENEFICIARY_UPDATED_AT, data.now);
      hmr_beneficiary_set (beneficiary, HMR_BENEFICIARY_UPDATED_BY, actor->user_id);
      hmr_beneficiary_set_int (beneficiary, HMR_BENEFICIARY_VERSION, data.version);
    }
  g_free (data.now);
  return ok;
}

static gboolean
archive_locked (HmrStore        *self,
                const HmrActor  *actor,
                HmrAuditRow     *audit,
                gpointer         data,
                GError         **error)
{
  g_autoptr(HmrBeneficiary) old = NULL;

  old = load_one (self, actor, audit->entity_id, error);
  if (old == NULL)
    return FALSE;
  if (!hmr_store_require (actor, HMR_ACTION_BENEFICIARY_WRITE,
                          hmr_beneficiary_get (old, HMR_BENEFICIARY_OFFICE_ID), error))
    return FALSE;
  if (hmr_beneficiary_is_archived (old))
    {
      /* archived already: nothing to write, nothing to audit */
      audit->nothing_to_do = TRUE;
      return TRUE;
    }
  return hmr_store_archive_locked (self, actor, audit,
                                   "UPDATE beneficiary SET deleted_at = ?2, updated_at = ?2, "
                                   "updated_by = ?3, version = version + 1 "
                                   "WHERE id = ?1 AND deleted_at IS NULL",
                                   error);
}

gboolean
hmr_store_archive_beneficiary (HmrStore        *self,
                               const HmrActor  *actor,
                               const char      *id,
                               GError         **error)
{
  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  if (!hmr_store_check_actor (self, actor, error))
    return FALSE;
  return hmr_store_write (self, actor, "archive", "beneficiary", id, archive_locked, NULL, error);
}

/* ---- loading rows of the list (its query: hmr-store-beneficiary-query.c) */

/**
 * hmr_store_load_beneficiaries:
 *
 * Returns: (transfer full) (element-type HmrBeneficiary): the records of
 *   @rowids in the same order; a row that disappeared or that @actor may not
 *   see is left out.
 */
GPtrArray *
hmr_store_load_beneficiaries (HmrStore        *self,
                              const HmrActor  *actor,
                              const gint64    *rowids,
                              guint            n_rowids,
                              GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_READ_IDENTITY, NULL, error))
    return NULL;

  sql = g_strdup_printf ("SELECT %s FROM beneficiary b WHERE b.rowid = ?1", column_list ());
  stmt = hmr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;

  out = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_rowids; i++)
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, rowids[i]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          HmrBeneficiary *b = row_to_beneficiary (stmt, actor);
          if (hmr_permission_allows (actor, HMR_ACTION_BENEFICIARY_READ_IDENTITY,
                                     hmr_beneficiary_get (b, HMR_BENEFICIARY_OFFICE_ID)))
            g_ptr_array_add (out, b);
          else
            g_object_unref (b);
        }
      else if (rc != SQLITE_DONE)
        {
          hmr_store_set_sqlite_error (self, rc, error);
          return NULL;
        }
    }
  return g_steal_pointer (&out);
}
