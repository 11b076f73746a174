/* hmr-store-sync-enrol.c — the HQ hub, and office installations made from
 * an enrolment file HQ writes for one office
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hmr-sync-private.h"

#define ENROLMENT_MAGIC "HMRENRL1"
#define ENROLMENT_VERSION 1
/* version, HQ, its signing and encryption keys, office, the new
 * installation, its enrolment secret, HQ's outbox at the snapshot, schema,
 * then the snapshot: table, columns, rows */
#define ENROLMENT_TYPE "(usayayssayxia(sasaamv))"

typedef struct
{
  HmrSyncKeys *keys;
  const char  *role;
} MakeHq;

static gboolean
insert_installation (HmrStore       *self,
                     const char     *id,
                     const char     *role,
                     const char     *office_id,
                     HmrSyncKeys    *keys,
                     GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);
  int rc;

  stmt = hmr_store_prepare (self,
                            "INSERT INTO sync_installation (id, role, office_id, sign_pk, box_pk, created_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, id);
  hmr_bind_text (stmt, 2, role);
  hmr_bind_text (stmt, 3, office_id);
  sqlite3_bind_blob (stmt, 4, keys->sign_pk, sizeof keys->sign_pk, SQLITE_TRANSIENT);
  sqlite3_bind_blob (stmt, 5, keys->box_pk, sizeof keys->box_pk, SQLITE_TRANSIENT);
  hmr_bind_text (stmt, 6, now);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

static gboolean
make_hq_locked (HmrStore       *self,
                const HmrActor *actor,
                HmrAuditRow    *audit,
                gpointer        data,
                GError        **error)
{
  HmrSyncKeys *keys = data;

  hmr_changes_add (audit->changes, "role", NULL, "hq");
  return insert_installation (self, keys->installation_id, "hq", NULL, keys, error);
}

/**
 * hmr_store_sync_make_hq:
 *
 * Makes this database the HQ hub, with key pairs of its own.  Done once,
 * by an administrator, before the first office is enrolled; a database
 * that is already the hub stays as it is.
 */
gboolean
hmr_store_sync_make_hq (HmrStore       *self,
                        const HmrActor *actor,
                        GError        **error)
{
  g_autofree char *id = NULL;
  g_autoptr(HmrSyncKeys) keys = NULL;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_SYNC_ENROL, NULL, error))
    return FALSE;
  switch (hmr_store_sync_get_role (self))
    {
    case HMR_INSTALLATION_HQ:
      return TRUE;
    case HMR_INSTALLATION_OFFICE:
      g_set_error (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_NOT_ENROLLED,
                   _("Refused: this database is an office installation; only the HQ hub enrols offices."));
      return FALSE;
    case HMR_INSTALLATION_NONE:
    default:
      break;
    }

  id = hmr_store_new_id ();
  keys = hmr_sync_keys_generate (id);
  /* The keys first: a hub without its private keys could not send */
  if (!hmr_sync_keys_save (keys, self->path, error))
    return FALSE;
  if (!hmr_store_write (self, actor, "create", "installation", id, make_hq_locked, keys, error))
    return FALSE;
  hmr_store_sync_forget_identity (self);
  return TRUE;
}

/* ---- enrolment file --------------------------------------------------- */

typedef struct
{
  const char *office_id;
  const char *path;
  char       *installation_id;
} Enrolment;

static gboolean
snapshot_table (HmrStore         *self,
                GVariantBuilder  *tables,
                const char       *table,
                const char       *where,
                const char       *office_id,
                GError          **error)
{
  const HmrSyncColumns *info = hmr_store_sync_columns (self, table, error);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) sql = g_string_new ("SELECT ");
  GVariantBuilder rows;
  int rc;

  if (info == NULL)
    return FALSE;
  for (guint i = 0; i < info->n; i++)
    if (!hmr_sync_column_is_local (table, info->names[i]))
      {
        g_string_append_printf (sql, "%s%s", names->len ? ", " : "", info->names[i]);
        g_ptr_array_add (names, info->names[i]);
      }
  g_ptr_array_add (names, NULL);
  g_string_append_printf (sql, " FROM %s %s", table, where);
  stmt = hmr_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    hmr_bind_text (stmt, 1, office_id);

  g_variant_builder_init (&rows, G_VARIANT_TYPE ("aamv"));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_variant_builder_open (&rows, G_VARIANT_TYPE ("amv"));
      for (guint i = 0; i < names->len - 1; i++)
        g_variant_builder_add_value (&rows, hmr_sync_column_to_variant (stmt, i));
      g_variant_builder_close (&rows);
    }
  if (rc != SQLITE_DONE)
    {
      g_variant_builder_clear (&rows);
      return hmr_store_set_sqlite_error (self, rc, error);
    }
  g_variant_builder_add (tables, "(s^as@aamv)", table, (char **) names->pdata,
                         g_variant_builder_end (&rows));
  return TRUE;
}

/* Everything the office's installation holds: the reference data, and
 * the office's records with their children */
static GVariant *
build_snapshot (HmrStore    *self,
                const char  *office_id,
                GError     **error)
{
  GVariantBuilder tables;
  const HmrSyncTable *catalogue;
  guint n;

  catalogue = hmr_sync_tables (&n);
  g_variant_builder_init (&tables, G_VARIANT_TYPE ("a(sasaamv)"));
  for (guint i = 0; i < n; i++)
    {
      const HmrSyncTable *t = &catalogue[i];
      g_autofree char *where = NULL;

      if (t->kind == HMR_SYNC_REFERENCE)
        where = g_strdup ("");
      else if (t->kind == HMR_SYNC_OFFICE)
        where = g_strdup ("WHERE office_id = ?1 OR office_id IS NULL");
      else
        where = g_strdup_printf ("WHERE %s IN (SELECT id FROM %s WHERE office_id = ?1)", t->fk, t->parent);
      if (!snapshot_table (self, &tables, t->name, where, office_id, error))
        {
          g_variant_builder_clear (&tables);
          return NULL;
        }
    }
  /* the office goes on numbering its cases, grants and acts where HQ's
   * copy stands */
  if (!snapshot_table (self, &tables, "case_sequence", "WHERE office_id = ?1", office_id, error) ||
      !snapshot_table (self, &tables, "record_sequence", "WHERE office_id = ?1", office_id, error))
    {
      g_variant_builder_clear (&tables);
      return NULL;
    }
  return g_variant_builder_end (&tables);
}

static gboolean
read_own_keys (HmrStore     *self,
               HmrSyncKeys **keys,
               GError      **error)
{
  HmrSyncState *state = hmr_store_sync_state (self);

  *keys = hmr_sync_keys_load (self->path, state->installation_id, error);
  return *keys != NULL;
}

static gboolean
enrol_office_locked (HmrStore       *self,
                     const HmrActor *actor,
                     HmrAuditRow    *audit,
                     gpointer        data,
                     GError        **error)
{
  Enrolment *e = data;
  HmrSyncState *state = hmr_store_sync_state (self);
  g_autoptr(HmrSyncKeys) hq = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) seq = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GBytes) packed = NULL;
  g_autoptr(GByteArray) file = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);
  GVariant *snapshot;
  GVariant *payload;
  guchar secret[crypto_auth_KEYBYTES];
  gint64 snapshot_seq;
  int rc;

  if (!read_own_keys (self, &hq, error))
    return FALSE;

  randombytes_buf (secret, sizeof secret);
  stmt = hmr_store_prepare (self,
                            "INSERT INTO sync_peer (id, role, office_id, enrol_secret, enrolled_at) "
                            "VALUES (?1, 'office', ?2, ?3, ?4)",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, e->installation_id);
  hmr_bind_text (stmt, 2, e->office_id);
  sqlite3_bind_blob (stmt, 3, secret, sizeof secret, SQLITE_TRANSIENT);
  hmr_bind_text (stmt, 4, now);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);

  seq = hmr_store_prepare (self, "SELECT coalesce (max (seq), 0) FROM sync_outbox", error);
  if (seq == NULL)
    return FALSE;
  rc = sqlite3_step (seq);
  if (rc != SQLITE_ROW)
    return hmr_store_set_sqlite_error (self, rc, error);
  snapshot_seq = sqlite3_column_int64 (seq, 0);

  snapshot = build_snapshot (self, e->office_id, error);
  if (snapshot == NULL)
    return FALSE;
  payload = g_variant_ref_sink (
    g_variant_new ("(us@ay@ayss@ayxi@a(sasaamv))", ENROLMENT_VERSION, state->installation_id,
                   g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, hq->sign_pk, sizeof hq->sign_pk, 1),
                   g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, hq->box_pk, sizeof hq->box_pk, 1),
                   e->office_id, e->installation_id,
                   g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, secret, sizeof secret, 1),
                   (gint64) snapshot_seq, self->schema_version, snapshot));
  sodium_memzero (secret, sizeof secret);
  plain = g_variant_get_data_as_bytes (payload);
  g_variant_unref (payload);
  packed = hmr_sync_compress (plain, error);
  if (packed == NULL)
    return FALSE;
  file = g_byte_array_new ();
  g_byte_array_append (file, (const guint8 *) ENROLMENT_MAGIC, strlen (ENROLMENT_MAGIC));
  g_byte_array_append (file, g_bytes_get_data (packed, NULL), g_bytes_get_size (packed));
  {
    g_autoptr(GBytes) contents = g_byte_array_free_to_bytes (g_steal_pointer (&file));
    if (!hmr_sync_write_file (e->path, contents, error))
      return FALSE;
  }
  hmr_changes_add (audit->changes, "office_id", NULL, e->office_id);
  return TRUE;
}

/**
 * hmr_store_sync_create_enrolment:
 * @office_code: the office's code, as in case numbers ("DST")
 * @path: the enrolment file to write (readable by its owner only)
 * @installation_id: (out) (optional): the new installation's id
 *
 * At HQ (made the hub here if it is not yet): a new installation of the
 * office, and the file that sets it up.
 */
gboolean
hmr_store_sync_create_enrolment (HmrStore       *self,
                                 const HmrActor *actor,
                                 const char     *office_code,
                                 const char     *path,
                                 char          **installation_id,
                                 GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *office_id = NULL;
  Enrolment e = { 0 };
  gboolean ok;
  int rc;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  if (!hmr_store_sync_make_hq (self, actor, error))
    return FALSE;

  stmt = hmr_store_prepare (self, "SELECT id FROM office WHERE code = ?1 COLLATE NOCASE AND deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, office_code);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    office_id = hmr_column_dup_text (stmt, 0);
  else if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  if (office_id == NULL)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                   _("There is no office with the code “%s”."), office_code);
      return FALSE;
    }

  e.office_id = office_id;
  e.path = path;
  e.installation_id = hmr_store_new_id ();
  ok = hmr_store_write (self, actor, "enrol", "installation", e.installation_id,
                        enrol_office_locked, &e, error);
  if (ok && installation_id != NULL)
    *installation_id = g_steal_pointer (&e.installation_id);
  g_free (e.installation_id);
  return ok;
}

/* ---- enrolling -------------------------------------------------------- */

typedef struct
{
  GVariant    *enrolment;
  HmrSyncKeys *keys;
} Enrol;

static gboolean
insert_snapshot (HmrStore  *self,
                 GVariant  *tables,
                 GError   **error)
{
  GVariantIter iter;
  const char *table;
  g_autofree const char **names = NULL;
  GVariant *rows;

  g_variant_iter_init (&iter, tables);
  while (g_variant_iter_next (&iter, "(&s^a&s@aamv)", &table, &names, &rows))
    {
      g_autoptr(GVariant) owned_rows = rows;
      const HmrSyncColumns *info = hmr_store_sync_columns (self, table, error);
      g_autoptr(GString) sql = g_string_new (NULL);
      g_autoptr(sqlite3_stmt) stmt = NULL;
      guint n = g_strv_length ((char **) names);
      GVariantIter row_iter;
      GVariant *row;

      if (info == NULL)
        return FALSE;
      for (guint i = 0; i < n; i++)
        {
          gboolean found = FALSE;

          for (guint j = 0; j < info->n; j++)
            found |= g_str_equal (info->names[j], names[i]);
          if (!found)
            {
              g_set_error (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_BAD_FILE,
                           _("The enrolment file has a column “%s.%s” this database does not know."),
                           table, names[i]);
              return FALSE;
            }
        }
      g_string_append_printf (sql, "INSERT OR REPLACE INTO %s (", table);
      for (guint i = 0; i < n; i++)
        g_string_append_printf (sql, "%s%s", i ? ", " : "", names[i]);
      g_string_append (sql, ") VALUES (");
      for (guint i = 0; i < n; i++)
        g_string_append_printf (sql, "%s?%u", i ? ", " : "", i + 1);
      g_string_append (sql, ")");
      stmt = hmr_store_prepare (self, sql->str, error);
      if (stmt == NULL)
        return FALSE;

      g_variant_iter_init (&row_iter, owned_rows);
      while ((row = g_variant_iter_next_value (&row_iter)))
        {
          int rc;

          if (g_variant_n_children (row) != n)
            {
              g_variant_unref (row);
              g_set_error (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_BAD_FILE,
                           _("The enrolment file is damaged (a row of “%s”)."), table);
              return FALSE;
            }
          for (guint i = 0; i < n; i++)
            {
              g_autoptr(GVariant) v = g_variant_get_child_value (row, i);
              hmr_sync_bind_variant (stmt, i + 1, v);
            }
          g_variant_unref (row);
          rc = sqlite3_step (stmt);
          sqlite3_reset (stmt);
          sqlite3_clear_bindings (stmt);
          if (rc != SQLITE_DONE)
            {
              hmr_store_set_sqlite_error (self, rc, error);
              g_prefix_error (error, _("A row of “%s” from the enrolment file: "), table);
              return FALSE;
            }
        }
      g_clear_pointer (&names, g_free);
    }
  return TRUE;
}

static gboolean
enrol_locked (HmrStore       *self,
              const HmrActor *actor,
              HmrAuditRow    *audit,
              gpointer        data,
              GError        **error)
{
  Enrol *e = data;
  g_autoptr(GVariant) hq_sign = NULL;
  g_autoptr(GVariant) hq_box = NULL;
  g_autoptr(GVariant) secret = NULL;
  g_autoptr(GVariant) tables = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);
  const char *hq_id, *office_id, *installation_id;
  guint32 version;
  gint64 snapshot_seq;
  gint32 schema;
  gsize n;
  gconstpointer data_ptr;
  int rc;

  g_variant_get (e->enrolment, "(u&s@ay@ay&s&s@ayxi@a(sasaamv))", &version, &hq_id, &hq_sign, &hq_box,
                 &office_id, &installation_id, &secret, &snapshot_seq, &schema, &tables);

  if (!hmr_store_exec (self, "PRAGMA defer_foreign_keys = ON", error) ||
      !insert_snapshot (self, tables, error) ||
      !insert_installation (self, installation_id, "office", office_id, e->keys, error))
    return FALSE;

  stmt = hmr_store_prepare (self,
                            "INSERT INTO sync_peer (id, role, sign_pk, box_pk, enrol_secret, enrolled_at, applied_seq) "
                            "VALUES (?1, 'hq', ?2, ?3, ?4, ?5, ?6)",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, hq_id);
  data_ptr = g_variant_get_fixed_array (hq_sign, &n, 1);
  sqlite3_bind_blob (stmt, 2, data_ptr, n, SQLITE_TRANSIENT);
  data_ptr = g_variant_get_fixed_array (hq_box, &n, 1);
  sqlite3_bind_blob (stmt, 3, data_ptr, n, SQLITE_TRANSIENT);
  data_ptr = g_variant_get_fixed_array (secret, &n, 1);
  sqlite3_bind_blob (stmt, 4, data_ptr, n, SQLITE_TRANSIENT);
  hmr_bind_text (stmt, 5, now);
  sqlite3_bind_int64 (stmt, 6, snapshot_seq);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);

  hmr_changes_add (audit->changes, "office_id", NULL, office_id);
  hmr_changes_add (audit->changes, "hq", NULL, hq_id);
  return TRUE;
}

static GVariant *
read_enrolment (const char  *path,
                GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) packed = NULL;
  g_autoptr(GBytes) plain = NULL;
  g_autoptr(GVariant) enrolment = NULL;
  g_autoptr(GVariant) sign = NULL;
  g_autoptr(GVariant) box = NULL;
  g_autoptr(GVariant) secret = NULL;
  gsize len;
  guint32 version;
  gint32 schema;

  if (!g_file_get_contents (path, &contents, &len, error))
    return NULL;
  if (len < strlen (ENROLMENT_MAGIC) || memcmp (contents, ENROLMENT_MAGIC, strlen (ENROLMENT_MAGIC)) != 0)
    {
      g_set_error (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_BAD_FILE,
                   _("“%s” is not a Hamroh enrolment file."), path);
      return NULL;
    }
  packed = g_bytes_new (contents + strlen (ENROLMENT_MAGIC), len - strlen (ENROLMENT_MAGIC));
  plain = hmr_sync_decompress (packed, G_MAXUINT32, error);
  if (plain == NULL)
    {
      g_prefix_error (error, _("The enrolment file “%s” is damaged: "), path);
      return NULL;
    }
  enrolment = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (ENROLMENT_TYPE), plain, FALSE));
  g_variant_get (enrolment, "(u&s@ay@ay&s&s@ayxi@a(sasaamv))", &version, NULL, &sign, &box, NULL, NULL,
                 &secret, NULL, &schema, NULL);
  if (version != ENROLMENT_VERSION || g_variant_n_children (sign) != crypto_sign_PUBLICKEYBYTES ||
      g_variant_n_children (box) != crypto_box_PUBLICKEYBYTES ||
      g_variant_n_children (secret) != crypto_auth_KEYBYTES)
    {
      g_set_error (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_BAD_FILE,
                   _("The enrolment file “%s” is damaged or of another version of Hamroh."), path);
      return NULL;
    }
  if (schema > hmr_store_get_latest_schema_version ())
    {
      g_set_error (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_NEWER_SCHEMA,
                   _("The enrolment file “%s” was written by a newer Hamroh (database version %d; this one "
                     "knows up to %d). Install the newer Hamroh first."),
                   path, schema, hmr_store_get_latest_schema_version ());
      return NULL;
    }
  return g_steal_pointer (&enrolment);
}

/**
 * hmr_store_sync_enrol:
 *
 * Makes this new, empty database an installation of the office HQ's
 * enrolment file at @path is for: its records, users and reference data
 * as HQ had them, HQ's public keys, and key pairs of its own.
 */
gboolean
hmr_store_sync_enrol (HmrStore    *self,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(GVariant) enrolment = NULL;
  g_autoptr(HmrSyncKeys) keys = NULL;
  HmrActor enroller = { NULL, (char *) "enrolment", NULL, HMR_ROLE_ADMIN, NULL };
  const char *installation_id;
  Enrol e;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  if (hmr_store_sync_get_role (self) != HMR_INSTALLATION_NONE || hmr_store_has_users (self))
    {
      g_set_error (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_NOT_ENROLLED,
                   _("Refused: only a new, empty database can become an office installation; “%s” already has data."),
                   self->path);
      return FALSE;
    }
  enrolment = read_enrolment (path, error);
  if (enrolment == NULL)
    return FALSE;
  g_variant_get (enrolment, "(u&s@ay@ay&s&s@ayxi@a(sasaamv))", NULL, NULL, NULL, NULL, NULL,
                 &installation_id, NULL, NULL, NULL, NULL);

  keys = hmr_sync_keys_generate (installation_id);
  if (!hmr_sync_keys_save (keys, self->path, error))
    return FALSE;

  /* Nobody has signed in yet: the enrolment itself is the actor */
  e.enrolment = enrolment;
  e.keys = keys;
  if (!hmr_store_write (self, &enroller, "enrol", "installation", installation_id, enrol_locked, &e, error))
    return FALSE;
  hmr_store_sync_forget_identity (self);
  return TRUE;
}
