/* hmr-store-handover.c — drafting, signing (locking) and reading handover
 * acts
 *
 * A signed act is locked: every function here that changes an act refuses
 * a signed one, and migration 0007's triggers refuse it below the store
 * too.  A mistake is put right by a new act whose corrects_id names the
 * signed one.  Photos are in hmr-store-handover-photo.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "hmr-labels.h"
#include "hmr-store-grant-private.h"
#include "hmr-text.h"
#include "hmr-workflow.h"

#define STR(i) ((const char *) sqlite3_column_text (stmt, (i)))
#define TXT(i) hmr_column_dup_text (stmt, (i))

/* ---- reading ------------------------------------------------------------- */

static gboolean
load_parts (HmrStore     *self,
            HmrHandover  *h,
            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = hmr_store_prepare (self, "SELECT id, name, quantity, unit_value, serial FROM handover_item "
                                  "WHERE handover_id = ?1 ORDER BY rowid", error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, h->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HmrHandoverItem *item = hmr_handover_add_item (h, STR (1), sqlite3_column_double (stmt, 2),
                                                     sqlite3_column_int64 (stmt, 3), STR (4));
      item->id = TXT (0);
    }
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = hmr_store_prepare (self, "SELECT id, name, role FROM handover_witness "
                                  "WHERE handover_id = ?1 ORDER BY rowid", error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, h->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HmrHandoverWitness *w = hmr_handover_add_witness (h, STR (1), STR (2));
      w->id = TXT (0);
    }
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = hmr_store_prepare (self, "SELECT id, kind, filename, mime_type, sha256, size, created_at "
                                  "FROM attachment WHERE entity = 'handover' AND entity_id = ?1 "
                                  "AND deleted_at IS NULL ORDER BY created_at, rowid", error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, h->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HmrAttachmentInfo *a = g_new0 (HmrAttachmentInfo, 1);
      a->id = TXT (0);
      a->kind = TXT (1);
      a->filename = TXT (2);
      a->mime_type = TXT (3);
      a->sha256 = TXT (4);
      a->size = sqlite3_column_int64 (stmt, 5);
      a->created_at = TXT (6);
      g_ptr_array_add (h->attachments, a);
    }
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);

  g_ptr_array_unref (h->history);
  h->history = hmr_store_read_history (self, "handover_history", h->id, error);
  if (h->history == NULL)
    {
      h->history = g_ptr_array_new ();
      return FALSE;
    }
  return TRUE;
}

/* The act with everything on it; no permission check */
static HmrHandover *
load_handover (HmrStore    *self,
               const char  *id,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(HmrHandover) h = NULL;
  int rc;

  stmt = hmr_store_prepare (self,
    "SELECT h.id, h.office_id, h.grant_id, h.beneficiary_id, h.handed_on, h.place, h.received_by, "
    " h.status, h.corrects_id, h.signed_at, coalesce (u.full_name, h.created_by), h.version, "
    " b.case_number, " HMR_SQL_FULL_NAME ("b") ", " HMR_SQL_LATIN_NAME ("b") ", o.district, g.purpose, "
    " (SELECT c.id FROM handover c WHERE c.corrects_id = h.id AND c.deleted_at IS NULL "
    "  ORDER BY c.created_at DESC LIMIT 1), "
    " " HMR_SQL_RECORD_NUMBER ("h") ", "
    " (SELECT " HMR_SQL_RECORD_NUMBER ("x") " FROM handover x WHERE x.id = h.corrects_id), "
    " CASE WHEN g.id IS NOT NULL THEN " HMR_SQL_RECORD_NUMBER ("g") " END "
    "FROM handover h JOIN beneficiary b ON b.id = h.beneficiary_id JOIN office o ON o.id = h.office_id "
    "LEFT JOIN reintegration_grant g ON g.id = h.grant_id LEFT JOIN app_user u ON u.id = h.created_by "
    "WHERE h.id = ?1 AND h.deleted_at IS NULL",
    error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                   _("This handover act does not exist (any more)."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  h = hmr_handover_new ();
  h->id = TXT (0);
  h->office_id = TXT (1);
  h->grant_id = TXT (2);
  h->beneficiary_id = TXT (3);
  h->handed_on = TXT (4);
  h->place = TXT (5);
  h->received_by = TXT (6);
  g_free (h->status);
  h->status = TXT (7);
  h->corrects_id = TXT (8);
  h->signed_at = TXT (9);
  h->created_by_name = TXT (10);
  h->version = sqlite3_column_int64 (stmt, 11);
  h->case_number = TXT (12);
  h->full_name = TXT (13);
  h->latin_name = TXT (14);
  h->district = TXT (15);
  h->grant_purpose = TXT (16);
  h->corrected_by_id = TXT (17);
  h->number = TXT (18);
  h->corrects_number = TXT (19);
  h->grant_number = TXT (20);
  if (!load_parts (self, h, error))
    return NULL;
  return g_steal_pointer (&h);
}

/**
 * hmr_store_get_handover:
 *
 * Returns: (transfer full): the act with its items, witnesses, photos and
 *   history, when @actor may read the grants of its office
 */
HmrHandover *
hmr_store_get_handover (HmrStore        *self,
                        const HmrActor  *actor,
                        const char      *handover_id,
                        GError         **error)
{
  g_autoptr(HmrHandover) h = NULL;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);
  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_GRANT_READ, NULL, error))
    return NULL;
  h = load_handover (self, handover_id, error);
  if (h == NULL || !hmr_store_require (actor, HMR_ACTION_GRANT_READ, h->office_id, error))
    return NULL;
  return g_steal_pointer (&h);
}

/* ---- drafting ------------------------------------------------------------ */

static gboolean
validate (HmrStore     *self,
          HmrHandover  *h,
          GError      **error)
{
  g_autofree char *iso = hmr_dup_iso_date (h->handed_on, NULL);
  GDate today, day;

  if (h->beneficiary_id == NULL)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Recipient: choose the beneficiary who receives the items."));
      return FALSE;
    }
  if (iso == NULL)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Date: “%s” is not a date (write it as 31.12.2026)."),
                   h->handed_on ? h->handed_on : "");
      return FALSE;
    }
  hmr_store_get_today (self, &today);
  hmr_parse_user_date (iso, &day);
  if (g_date_compare (&day, &today) > 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Date: %s is in the future."), h->handed_on);
      return FALSE;
    }
  g_free (h->handed_on);
  h->handed_on = g_steal_pointer (&iso);
  /* what is printed on the act and exported must be storable text */
  if (!hmr_text_check (_("Place"), h->place, HMR_TEXT_LINE, error) ||
      !hmr_text_check (_("Received by"), h->received_by, HMR_TEXT_LINE, error))
    return FALSE;
  for (guint i = 0; i < h->items->len; i++)
    {
      HmrHandoverItem *it = g_ptr_array_index (h->items, i);
      g_autofree char *label = g_strdup_printf (_("Item %u"), i + 1);

      if (!hmr_text_check (label, it->name, HMR_TEXT_LINE, error) ||
          !hmr_text_check (label, it->serial, HMR_TEXT_LINE, error))
        return FALSE;
    }
  for (guint i = 0; i < h->witnesses->len; i++)
    {
      HmrHandoverWitness *w = g_ptr_array_index (h->witnesses, i);
      g_autofree char *label = g_strdup_printf (_("Witness %u"), i + 1);

      if (!hmr_text_check (label, w->name, HMR_TEXT_LINE, error) ||
          !hmr_text_check (label, w->role, HMR_TEXT_LINE, error))
        return FALSE;
    }
  if (hmr_text_is_blank (h->place))
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Place: say where the items were handed over (village, jamoat)."));
      return FALSE;
    }
  if (hmr_text_is_blank (h->received_by))
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Received by: give the name of the person who received the items."));
      return FALSE;
    }
  for (guint i = 0; i < h->items->len; i++)
    {
      HmrHandoverItem *it = g_ptr_array_index (h->items, i);

      if (hmr_text_is_blank (it->name))
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Item %u: say what was handed over."), i + 1);
          return FALSE;
        }
      if (!isfinite (it->quantity) || it->quantity <= 0 || it->quantity > 1e6)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Item %u (“%s”): the quantity must be more than zero."), i + 1, it->name);
          return FALSE;
        }
      if (it->unit_value < 0 || it->unit_value > G_GINT64_CONSTANT (100000000000000))
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Item %u (“%s”): the unit value must be zero or more."), i + 1, it->name);
          return FALSE;
        }
    }
  for (guint i = 0; i < h->witnesses->len; i++)
    {
      HmrHandoverWitness *w = g_ptr_array_index (h->witnesses, i);

      if (hmr_text_is_blank (w->name) || hmr_text_is_blank (w->role))
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Witness %u: give the witness’s name and who they are (e.g. jamoat chairman)."),
                       i + 1);
          return FALSE;
        }
    }
  return TRUE;
}

/* The beneficiary's office, which the act belongs to; the grant and the
 * corrected act must fit */
static gboolean
resolve_links (HmrStore        *self,
               const HmrActor  *actor,
               HmrHandover     *h,
               char           **office_out,
               GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *office = NULL;
  int rc;

  stmt = hmr_store_prepare (self, "SELECT office_id, deleted_at FROM beneficiary WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, h->beneficiary_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        return hmr_store_set_sqlite_error (self, rc, error);
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                   _("Recipient: this beneficiary does not exist."));
      return FALSE;
    }
  office = TXT (0);
  if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Recipient: this case file is archived."));
      return FALSE;
    }
  if (!hmr_store_require (actor, HMR_ACTION_HANDOVER_WRITE, office, error) ||
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_READ_IDENTITY, office, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (h->grant_id != NULL)
    {
      stmt = hmr_store_prepare (self, "SELECT office_id, status FROM reintegration_grant "
                                      "WHERE id = ?1 AND deleted_at IS NULL", error);
      if (stmt == NULL)
        return FALSE;
      hmr_bind_text (stmt, 1, h->grant_id);
      if (sqlite3_step (stmt) != SQLITE_ROW || g_strcmp0 (STR (0), office) != 0)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Grant: this grant does not exist or belongs to another office."));
          return FALSE;
        }
      if (!hmr_grant_status_is_funded (STR (1)))
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Grant: what a grant buys is handed over once the grant is approved; this one is “%s”."),
                       hmr_code_get_label (HMR_CODES_GRANT_STATUS, STR (1)));
          return FALSE;
        }
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  if (h->corrects_id != NULL)
    {
      stmt = hmr_store_prepare (self,
                                "SELECT status, office_id, (SELECT " HMR_SQL_RECORD_NUMBER ("c") " FROM handover c "
                                " WHERE c.corrects_id = h.id AND c.deleted_at IS NULL AND c.id IS NOT ?2 LIMIT 1), "
                                " " HMR_SQL_RECORD_NUMBER ("h") " "
                                "FROM handover h WHERE h.id = ?1 AND h.deleted_at IS NULL",
                                error);
      if (stmt == NULL)
        return FALSE;
      hmr_bind_text (stmt, 1, h->corrects_id);
      hmr_bind_text (stmt, 2, h->id);
      if (sqlite3_step (stmt) != SQLITE_ROW || g_strcmp0 (STR (1), office) != 0)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Corrects: the act to correct does not exist or belongs to another office."));
          return FALSE;
        }
      if (g_strcmp0 (STR (0), "signed") != 0)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Corrects: only a signed act is corrected by a new one; change the draft itself instead."));
          return FALSE;
        }
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Corrects: this act was already corrected by act %s; correct that one instead."),
                       STR (2));
          return FALSE;
        }
      g_free (h->corrects_number);
      h->corrects_number = TXT (3);
    }
  *office_out = g_steal_pointer (&office);
  return TRUE;
}

static gboolean
write_parts (HmrStore     *self,
             HmrHandover  *h,
             GError      **error)
{
  g_autoptr(sqlite3_stmt) item = NULL;
  g_autoptr(sqlite3_stmt) witness = NULL;

  item = hmr_store_prepare (self, "INSERT INTO handover_item (id, handover_id, name, quantity, unit_value, serial) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  witness = hmr_store_prepare (self, "INSERT INTO handover_witness (id, handover_id, name, role) "
                                     "VALUES (?1, ?2, ?3, ?4)", error);
  if (item == NULL || witness == NULL)
    return FALSE;
  for (guint i = 0; i < h->items->len; i++)
    {
      HmrHandoverItem *it = g_ptr_array_index (h->items, i);

      g_free (it->id);
      it->id = hmr_store_new_id ();
      sqlite3_reset (item);
      hmr_bind_text (item, 1, it->id);
      hmr_bind_text (item, 2, h->id);
      hmr_bind_text (item, 3, g_strstrip (it->name));
      sqlite3_bind_double (item, 4, it->quantity);
      sqlite3_bind_int64 (item, 5, it->unit_value);
      hmr_bind_text (item, 6, hmr_text_is_blank (it->serial) ? NULL : g_strstrip (it->serial));
      if (!hmr_store_step_done (self, item, error))
        return FALSE;
    }
  for (guint i = 0; i < h->witnesses->len; i++)
    {
      HmrHandoverWitness *w = g_ptr_array_index (h->witnesses, i);

      g_free (w->id);
      w->id = hmr_store_new_id ();
      sqlite3_reset (witness);
      hmr_bind_text (witness, 1, w->id);
      hmr_bind_text (witness, 2, h->id);
      hmr_bind_text (witness, 3, g_strstrip (w->name));
      hmr_bind_text (witness, 4, g_strstrip (w->role));
      if (!hmr_store_step_done (self, witness, error))
        return FALSE;
    }
  return TRUE;
}

static char *
describe_items (const HmrHandover *h)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < h->items->len; i++)
    {
      const HmrHandoverItem *it = g_ptr_array_index (h->items, i);
      char qty[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (qty, sizeof qty, "%g", it->quantity);
      g_string_append_printf (s, "%s%s × %s @ %" G_GINT64_FORMAT "%s%s", i ? "; " : "", it->name, qty,
                              it->unit_value, it->serial ? " #" : "", it->serial ? it->serial : "");
    }
  return g_string_free (s, FALSE);
}

static char *
describe_witnesses (const HmrHandover *h)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < h->witnesses->len; i++)
    {
      const HmrHandoverWitness *w = g_ptr_array_index (h->witnesses, i);
      g_string_append_printf (s, "%s%s (%s)", i ? "; " : "", w->name, w->role);
    }
  return g_string_free (s, FALSE);
}

static void
add_changes (HmrChanges        *changes,
             const HmrHandover *old,
             const HmrHandover *h)
{
  g_autofree char *old_items = old ? describe_items (old) : NULL;
  g_autofree char *new_items = describe_items (h);
  g_autofree char *old_witnesses = old ? describe_witnesses (old) : NULL;
  g_autofree char *new_witnesses = describe_witnesses (h);

  hmr_changes_add (changes, "beneficiary_id", old ? old->beneficiary_id : NULL, h->beneficiary_id);
  hmr_changes_add (changes, "grant_id", old ? old->grant_id : NULL, h->grant_id);
  hmr_changes_add (changes, "handed_on", old ? old->handed_on : NULL, h->handed_on);
  hmr_changes_add (changes, "place", old ? old->place : NULL, h->place);
  hmr_changes_add (changes, "received_by", old ? old->received_by : NULL, h->received_by);
  hmr_changes_add (changes, "corrects_id", old ? old->corrects_id : NULL, h->corrects_id);
  hmr_changes_add (changes, "items", old ? old_items : NULL, new_items);
  hmr_changes_add (changes, "witnesses", old ? old_witnesses : NULL, new_witnesses);
}

/* Refuses any change to a signed act, with the same words everywhere */
gboolean
hmr_store_refuse_if_signed (const char  *status,
                            GError     **error)
{
  if (g_strcmp0 (status, "signed") != 0)
    return TRUE;
  g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_LOCKED,
               _("Refused: this handover act is signed and locked. To put a mistake right, "
                 "draw up a new act that corrects it."));
  return FALSE;
}

typedef struct
{
  HmrHandover *handover;
  char        *office;     /* the recipient's office, for @handover once committed */
} HandoverWrite;

static gboolean
insert_handover_locked (HmrStore        *self,
                        const HmrActor  *actor,
                        HmrAuditRow     *audit,
                        gpointer         data,
                        GError         **error)
{
  HandoverWrite *w = data;
  HmrHandover *handover = w->handover;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = NULL;
  g_autofree char *note = NULL;

  if (!resolve_links (self, actor, handover, &w->office, error))
    return FALSE;

  handover->id = hmr_store_new_id ();
  audit->entity_id = g_strdup (handover->id);
  g_free (handover->number);
  handover->number = hmr_store_next_record_number (self, w->office, 'A', error);
  if (handover->number == NULL)
    return FALSE;
  now = hmr_store_dup_timestamp (self);
  g_strstrip (handover->place);
  g_strstrip (handover->received_by);
  stmt = hmr_store_prepare (self,
                            "INSERT INTO handover (id, office_id, grant_id, beneficiary_id, handed_on, place, "
                            "received_by, status, corrects_id, created_at, created_by, updated_at, updated_by, "
                            "number) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'draft', ?8, ?9, ?10, ?9, ?10, ?11)",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, handover->id);
  hmr_bind_text (stmt, 2, w->office);
  hmr_bind_text (stmt, 3, handover->grant_id);
  hmr_bind_text (stmt, 4, handover->beneficiary_id);
  hmr_bind_text (stmt, 5, handover->handed_on);
  hmr_bind_text (stmt, 6, handover->place);
  hmr_bind_text (stmt, 7, handover->received_by);
  hmr_bind_text (stmt, 8, handover->corrects_id);
  hmr_bind_text (stmt, 9, now);
  hmr_bind_text (stmt, 10, actor->user_id);
  hmr_bind_text (stmt, 11, handover->number);
  if (!hmr_store_step_done (self, stmt, error) || !write_parts (self, handover, error))
    return FALSE;
  if (handover->corrects_id)
    {
      note = g_strdup_printf (_("Corrects act %s"), handover->corrects_number);
    }
  if (!hmr_store_write_history (self, "handover_history", handover->id, actor, NULL, "draft", note, error))
    return FALSE;

  add_changes (audit->changes, NULL, handover);
  hmr_changes_add (audit->changes, "number", NULL, handover->number);
  return TRUE;
}

/**
 * hmr_store_insert_handover:
 *
 * Saves @handover as a new draft act in the office of its recipient, with
 * its items and witnesses.  With corrects_id set it is the correction of
 * that signed act.  On success the id, office, status and version of
 * @handover are filled in.
 */
gboolean
hmr_store_insert_handover (HmrStore        *self,
                           const HmrActor  *actor,
                           HmrHandover     *handover,
                           GError         **error)
{
  HandoverWrite w = { handover, NULL };

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);
  g_return_val_if_fail (handover != NULL, FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_HANDOVER_WRITE, NULL, error))
    return FALSE;
  if (handover->id != NULL)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("This handover act is already saved."));
      return FALSE;
    }
  if (!validate (self, handover, error))
    return FALSE;
  if (!hmr_store_write (self, actor, "create", "handover", NULL, insert_handover_locked, &w, error))
    {
      g_free (w.office);
      g_clear_pointer (&handover->id, g_free);
      return FALSE;
    }

  g_free (handover->office_id);
  handover->office_id = w.office;
  g_free (handover->status);
  handover->status = g_strdup ("draft");
  handover->version = 1;
  return TRUE;
}

static gboolean
update_handover_locked (HmrStore        *self,
                        const HmrActor  *actor,
                        HmrAuditRow     *audit,
                        gpointer         data,
                        GError         **error)
{
  HandoverWrite *w = data;
  HmrHandover *handover = w->handover;
  g_autoptr(HmrHandover) old = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *office = NULL;
  g_autofree char *now = NULL;

  old = load_handover (self, handover->id, error);
  if (old == NULL ||
      !hmr_store_require (actor, HMR_ACTION_HANDOVER_WRITE, old->office_id, error) ||
      !hmr_store_refuse_if_signed (old->status, error))
    return FALSE;
  if (old->version != handover->version)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT,
                   _("Someone else changed this act after you opened it. Reopen it to see their changes; yours were not saved."));
      return FALSE;
    }
  if (!validate (self, handover, error) || !resolve_links (self, actor, handover, &office, error))
    return FALSE;

  g_strstrip (handover->place);
  g_strstrip (handover->received_by);
  add_changes (audit->changes, old, handover);
  if (hmr_changes_is_empty (audit->changes))
    {
      audit->nothing_to_do = TRUE;
      return TRUE;
    }

  now = hmr_store_dup_timestamp (self);
  stmt = hmr_store_prepare (self,
                            "UPDATE handover SET office_id = ?2, grant_id = ?3, beneficiary_id = ?4, "
                            "handed_on = ?5, place = ?6, received_by = ?7, corrects_id = ?8, updated_at = ?9, "
                            "updated_by = ?10, version = version + 1 WHERE id = ?1 AND status = 'draft'",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, handover->id);
  hmr_bind_text (stmt, 2, office);
  hmr_bind_text (stmt, 3, handover->grant_id);
  hmr_bind_text (stmt, 4, handover->beneficiary_id);
  hmr_bind_text (stmt, 5, handover->handed_on);
  hmr_bind_text (stmt, 6, handover->place);
  hmr_bind_text (stmt, 7, handover->received_by);
  hmr_bind_text (stmt, 8, handover->corrects_id);
  hmr_bind_text (stmt, 9, now);
  hmr_bind_text (stmt, 10, actor->user_id);
  if (!hmr_store_step_done (self, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = hmr_store_prepare (self, "DELETE FROM handover_item WHERE handover_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, handover->id);
  if (!hmr_store_step_done (self, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = hmr_store_prepare (self, "DELETE FROM handover_witness WHERE handover_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, handover->id);
  if (!hmr_store_step_done (self, stmt, error) || !write_parts (self, handover, error))
    return FALSE;
  /* Set only when something was written: the caller then takes it */
  w->office = g_steal_pointer (&office);
  return TRUE;
}

/**
 * hmr_store_update_handover:
 *
 * Changes a draft act: date, place, recipient, items, witnesses.  Refused
 * for a signed act (it is locked) and when someone else saved the act
 * since @handover was read.
 */
gboolean
hmr_store_update_handover (HmrStore        *self,
                           const HmrActor  *actor,
                           HmrHandover     *handover,
                           GError         **error)
{
  HandoverWrite w = { handover, NULL };

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);
  g_return_val_if_fail (handover != NULL && handover->id != NULL, FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_HANDOVER_WRITE, NULL, error))
    return FALSE;
  if (!hmr_store_write (self, actor, "update", "handover", handover->id, update_handover_locked, &w, error))
    {
      g_free (w.office);
      return FALSE;
    }
  if (w.office == NULL)
    return TRUE;   /* nothing changed */
  handover->version++;
  g_free (handover->office_id);
  handover->office_id = w.office;
  return TRUE;
}

/* Reads status and office inside the caller's transaction */
gboolean
hmr_store_handover_state (HmrStore    *self,
                          const char  *handover_id,
                          char       **status,
                          char       **office_id,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = hmr_store_prepare (self, "SELECT status, office_id FROM handover WHERE id = ?1 AND deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, handover_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        return hmr_store_set_sqlite_error (self, rc, error);
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                   _("This handover act does not exist (any more)."));
      return FALSE;
    }
  *status = TXT (0);
  *office_id = TXT (1);
  return TRUE;
}

static gboolean
archive_handover_locked (HmrStore        *self,
                         const HmrActor  *actor,
                         HmrAuditRow     *audit,
                         gpointer         data,
                         GError         **error)
{
  g_autofree char *status = NULL;
  g_autofree char *office = NULL;

  if (!hmr_store_handover_state (self, audit->entity_id, &status, &office, error) ||
      !hmr_store_require (actor, HMR_ACTION_HANDOVER_WRITE, office, error) ||
      !hmr_store_refuse_if_signed (status, error))
    return FALSE;
  return hmr_store_archive_locked (self, actor, audit,
                                   "UPDATE handover SET deleted_at = ?2, updated_at = ?2, updated_by = ?3, "
                                   "version = version + 1 WHERE id = ?1 AND status = 'draft'",
                                   error);
}

/**
 * hmr_store_archive_handover:
 *
 * Puts a draft act aside (it stays in the database, archived).  A signed
 * act cannot be archived: it is corrected.
 */
gboolean
hmr_store_archive_handover (HmrStore        *self,
                            const HmrActor  *actor,
                            const char      *handover_id,
                            GError         **error)
{
  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_HANDOVER_WRITE, NULL, error))
    return FALSE;
  return hmr_store_write (self, actor, "archive", "handover", handover_id, archive_handover_locked,
                          NULL, error);
}
