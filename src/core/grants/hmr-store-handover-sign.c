/* hmr-store-handover-sign.c — photos of a handover, and signing it
 *
 * Photos are kept in the database (attachment: kind "photo", SHA-256,
 * size, content), up to HMR_ATTACHMENT_MAX_SIZE each, and only while the
 * act is a draft.  Signing locks the act; the scan of the signed paper can
 * be kept with it at that moment.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-store-grant-private.h"
#include "hmr-workflow.h"

static gboolean
check_size (const char  *filename,
            gsize        size,
            GError     **error)
{
  g_autofree char *got = NULL;
  g_autofree char *max = NULL;

  if (size == 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("The file “%s” is empty."), filename);
      return FALSE;
    }
  if (size <= HMR_ATTACHMENT_MAX_SIZE)
    return TRUE;
  got = g_format_size (size);
  max = g_format_size (HMR_ATTACHMENT_MAX_SIZE);
  g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
               _("The file “%s” is %s; files of up to %s can be kept with an act. "
                 "Make the photo smaller (or scan at a lower resolution) and try again."),
               filename, got, max);
  return FALSE;
}

/* The content's type, from its first bytes and name */
static char *
dup_mime_type (const char   *filename,
               const guint8 *data,
               gsize         size)
{
  g_autofree char *type = g_content_type_guess (filename, data, MIN (size, 4096), NULL);
  char *mime = g_content_type_get_mime_type (type);

  return mime ? mime : g_strdup ("application/octet-stream");
}

/* Inside the caller's transaction: the attachment row and its audit row */
static gboolean
insert_attachment (HmrStore        *self,
                   const HmrActor  *actor,
                   const char      *office_id,
                   const char      *handover_id,
                   const char      *kind,
                   const char      *filename,
                   const char      *mime,
                   GBytes          *content,
                   char           **out_id,
                   GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(HmrChanges) changes = hmr_changes_new ();
  g_autofree char *id = hmr_store_new_id ();
  g_autofree char *now = hmr_store_dup_timestamp (self);
  g_autofree char *sha = NULL;
  g_autofree char *size_text = NULL;
  g_autofree char *json = NULL;
  gsize size;
  const guint8 *data = g_bytes_get_data (content, &size);

  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, size);
  stmt = hmr_store_prepare (self,
                            "INSERT INTO attachment (id, office_id, entity, entity_id, kind, filename, "
                            "mime_type, sha256, size, content, created_at, created_by, updated_at, updated_by) "
                            "VALUES (?1, ?2, 'handover', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?10, ?11)",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, id);
  hmr_bind_text (stmt, 2, office_id);
  hmr_bind_text (stmt, 3, handover_id);
  hmr_bind_text (stmt, 4, kind);
  hmr_bind_text (stmt, 5, filename);
  hmr_bind_text (stmt, 6, mime);
  hmr_bind_text (stmt, 7, sha);
  sqlite3_bind_int64 (stmt, 8, size);
  sqlite3_bind_blob64 (stmt, 9, data, size, SQLITE_STATIC);
  hmr_bind_text (stmt, 10, now);
  hmr_bind_text (stmt, 11, actor->user_id);
  if (!hmr_store_step_done (self, stmt, error))
    return FALSE;

  size_text = g_strdup_printf ("%" G_GSIZE_FORMAT, size);
  hmr_changes_add (changes, "handover_id", NULL, handover_id);
  hmr_changes_add (changes, "kind", NULL, kind);
  hmr_changes_add (changes, "filename", NULL, filename);
  hmr_changes_add (changes, "sha256", NULL, sha);
  hmr_changes_add (changes, "size", NULL, size_text);
  json = hmr_changes_free_to_json (g_steal_pointer (&changes));
  if (!hmr_store_audit_append (self, actor, "attach", "attachment", id, json, error))
    return FALSE;
  if (out_id)
    *out_id = g_steal_pointer (&id);
  return TRUE;
}

typedef struct
{
  const char  *filename;
  const char  *mime;
  GBytes      *content;
  char       **out_id;
} PhotoAttach;

/* insert_attachment() writes the audit row */
static gboolean
add_photo_locked (HmrStore        *self,
                  const HmrActor  *actor,
                  HmrAuditRow     *audit,
                  gpointer         data,
                  GError         **error)
{
  const PhotoAttach *at = data;
  const char *handover_id = audit->entity_id;
  g_autofree char *status = NULL;
  g_autofree char *office = NULL;

  return hmr_store_handover_state (self, handover_id, &status, &office, error) &&
         hmr_store_require (actor, HMR_ACTION_HANDOVER_WRITE, office, error) &&
         hmr_store_refuse_if_signed (status, error) &&
         insert_attachment (self, actor, office, handover_id, "photo", at->filename, at->mime,
                            at->content, at->out_id, error);
}

/**
 * hmr_store_add_handover_photo:
 * @filename: the photo's file name, shown in the list
 * @content: the photo (JPEG, PNG, …), at most HMR_ATTACHMENT_MAX_SIZE
 * @out_id: (out) (optional): the attachment's id
 *
 * Keeps a photo with a draft act.  Refused once the act is signed.
 */
gboolean
hmr_store_add_handover_photo (HmrStore        *self,
                              const HmrActor  *actor,
                              const char      *handover_id,
                              const char      *filename,
                              GBytes          *content,
                              char           **out_id,
                              GError         **error)
{
  g_autofree char *mime = NULL;
  g_autofree char *base = NULL;
  gsize size;
  const guint8 *data;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);
  g_return_val_if_fail (content != NULL, FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_HANDOVER_WRITE, NULL, error))
    return FALSE;
  base = g_path_get_basename (filename && *filename ? filename : "photo");
  data = g_bytes_get_data (content, &size);
  if (!check_size (base, size, error))
    return FALSE;
  mime = dup_mime_type (base, data, size);
  if (!g_str_has_prefix (mime, "image/"))
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("The file “%s” is not a photo (it is %s). Choose a JPEG or PNG picture."),
                   base, mime);
      return FALSE;
    }
  return hmr_store_write (self, actor, "attach", NULL, handover_id, add_photo_locked,
                          &(PhotoAttach) { base, mime, content, out_id }, error);
}

static gboolean
remove_photo_locked (HmrStore        *self,
                     const HmrActor  *actor,
                     HmrAuditRow     *audit,
                     gpointer         handover_id,
                     GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *status = NULL;
  g_autofree char *office = NULL;
  g_autofree char *now = NULL;

  if (!hmr_store_handover_state (self, handover_id, &status, &office, error) ||
      !hmr_store_require (actor, HMR_ACTION_HANDOVER_WRITE, office, error) ||
      !hmr_store_refuse_if_signed (status, error))
    return FALSE;

  now = hmr_store_dup_timestamp (self);
  stmt = hmr_store_prepare (self,
                            "UPDATE attachment SET deleted_at = ?3, updated_at = ?3, updated_by = ?4, "
                            "version = version + 1 WHERE id = ?1 AND entity = 'handover' AND entity_id = ?2 "
                            "AND kind = 'photo' AND deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, audit->entity_id);
  hmr_bind_text (stmt, 2, handover_id);
  hmr_bind_text (stmt, 3, now);
  hmr_bind_text (stmt, 4, actor->user_id);
  if (!hmr_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                   _("This photo is not on the act (any more)."));
      return FALSE;
    }
  hmr_changes_add (audit->changes, "handover_id", handover_id, NULL);
  hmr_changes_add (audit->changes, "deleted_at", NULL, now);
  return TRUE;
}

/**
 * hmr_store_remove_handover_photo:
 *
 * Takes a photo off a draft act (it stays in the database, archived).
 * Refused once the act is signed.
 */
gboolean
hmr_store_remove_handover_photo (HmrStore        *self,
                                 const HmrActor  *actor,
                                 const char      *handover_id,
                                 const char      *attachment_id,
                                 GError         **error)
{
  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_HANDOVER_WRITE, NULL, error))
    return FALSE;
  return hmr_store_write (self, actor, "detach", "attachment", attachment_id, remove_photo_locked,
                          (gpointer) handover_id, error);
}

/**
 * hmr_store_dup_handover_attachment:
 *
 * Returns: (transfer full): the content of a photo or scan of an act the
 *   actor may read
 */
GBytes *
hmr_store_dup_handover_attachment (HmrStore        *self,
                                   const HmrActor  *actor,
                                   const char      *attachment_id,
                                   GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_GRANT_READ, NULL, error))
    return NULL;
  stmt = hmr_store_prepare (self, "SELECT office_id, content FROM attachment WHERE id = ?1 "
                                  "AND entity = 'handover' AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, attachment_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        hmr_store_set_sqlite_error (self, rc, error);
      else
        g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                     _("This photo does not exist (any more)."));
      return NULL;
    }
  if (!hmr_store_require (actor, HMR_ACTION_GRANT_READ, (const char *) sqlite3_column_text (stmt, 0), error))
    return NULL;
  return g_bytes_new (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
}

typedef struct
{
  GBytes     *scan;       /* NULL: no scan */
  const char *filename;
  const char *mime;
  const char *comment;
} Signing;

static gboolean
sign_locked (HmrStore        *self,
             const HmrActor  *actor,
             HmrAuditRow     *audit,
             gpointer         data,
             GError         **error)
{
  const Signing *sg = data;
  const char *handover_id = audit->entity_id;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *status = NULL;
  g_autofree char *office = NULL;
  g_autofree char *now = NULL;
  gint64 n_items = 0, n_witnesses = 0;

  if (!hmr_store_handover_state (self, handover_id, &status, &office, error) ||
      !hmr_store_refuse_if_signed (status, error) ||
      !hmr_workflow_may_move (actor, HMR_RECORD_HANDOVER, status, "signed", office, sg->comment, error) ||
      !hmr_store_require (actor, HMR_ACTION_HANDOVER_WRITE, office, error))
    return FALSE;

  stmt = hmr_store_prepare (self, "SELECT (SELECT count (*) FROM handover_item WHERE handover_id = ?1), "
                                  "(SELECT count (*) FROM handover_witness WHERE handover_id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, handover_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      n_items = sqlite3_column_int64 (stmt, 0);
      n_witnesses = sqlite3_column_int64 (stmt, 1);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (n_items == 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Items: an act lists at least one item before it is signed."));
      return FALSE;
    }
  if (n_witnesses == 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Witnesses: an act is signed in front of at least one witness (e.g. the jamoat chairman)."));
      return FALSE;
    }

  if (sg->scan != NULL &&
      !insert_attachment (self, actor, office, handover_id, "handover_act", sg->filename, sg->mime,
                          sg->scan, NULL, error))
    return FALSE;

  now = hmr_store_dup_timestamp (self);
  stmt = hmr_store_prepare (self, "UPDATE handover SET status = 'signed', signed_at = ?2, updated_at = ?2, "
                                  "updated_by = ?3, version = version + 1 WHERE id = ?1 AND status = 'draft'",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, handover_id);
  hmr_bind_text (stmt, 2, now);
  hmr_bind_text (stmt, 3, actor->user_id);
  if (!hmr_store_step_done (self, stmt, error) ||
      !hmr_store_write_history (self, "handover_history", handover_id, actor, "draft", "signed",
                                sg->comment, error))
    return FALSE;
  hmr_changes_add (audit->changes, "status", "draft", "signed");
  if (!hmr_text_is_blank (sg->comment))
    hmr_changes_add (audit->changes, "comment", NULL, sg->comment);
  return TRUE;
}

/**
 * hmr_store_sign_handover:
 * @signed_scan: (nullable): the scan or photo of the signed paper act
 * @scan_filename: (nullable): its file name
 * @comment: (nullable): a note for the history
 *
 * Records that the act was signed by the recipient and the witnesses, which
 * locks it.  It needs at least one item and one witness.
 */
gboolean
hmr_store_sign_handover (HmrStore        *self,
                         const HmrActor  *actor,
                         const char      *handover_id,
                         GBytes          *signed_scan,
                         const char      *scan_filename,
                         const char      *comment,
                         GError         **error)
{
  g_autofree char *base = NULL;
  g_autofree char *mime = NULL;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_HANDOVER_WRITE, NULL, error))
    return FALSE;
  if (signed_scan != NULL)
    {
      gsize size;
      const guint8 *data = g_bytes_get_data (signed_scan, &size);

      base = g_path_get_basename (scan_filename && *scan_filename ? scan_filename : "signed-act");
      if (!check_size (base, size, error))
        return FALSE;
      mime = dup_mime_type (base, data, size);
    }
  return hmr_store_write (self, actor, "move", "handover", handover_id, sign_locked,
                          &(Signing) { signed_scan, base, mime, comment }, error);
}
