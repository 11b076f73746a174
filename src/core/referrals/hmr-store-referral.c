/* hmr-store-referral.c — creating referrals and moving them through their
 * workflow: draft → sent → accepted / rejected / no_response → completed,
 * and revoked
 *
 * Every move asks hmr_workflow_may_move(), writes a referral_history row
 * and an audit row in one transaction.  Sending checks the consent to
 * share; a supervisor's override is audited as "consent-override".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-labels.h"
#include "hmr-referral.h"
#include "hmr-store-private.h"
#include "hmr-workflow.h"

#define NAME_SQL(b) \
  b ".family_name || ' ' || " b ".given_name || coalesce(' ' || nullif(" b ".patronymic, ''), '')"

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

static void
format_date (const GDate *date,
             char         buf[16])
{
  g_date_strftime (buf, 16, "%Y-%m-%d", date);
}

/* The full record, no permission check; archived ones are not found */
static HmrReferral *
load_referral (HmrStore    *self,
               const char  *id,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  HmrReferral *r;
  int rc;

  stmt = hmr_store_prepare (self,
                            "SELECT r.id, r.office_id, r.beneficiary_id, r.case_id, r.provider_id, "
                            "r.service_type, r.reason, r.consent_given, r.status, r.sent_on, r.due_on, "
                            "r.answered_on, r.completed_on, r.provider_answer, r.outcome, r.created_at, "
                            "r.created_by, r.version, p.name, b.case_number, " NAME_SQL ("b") ", "
                            "hmr_staff_name (u.full_name, u.full_name_cyrillic), b.consent_sharing "
                            "FROM referral r JOIN beneficiary b ON b.id = r.beneficiary_id "
                            "LEFT JOIN service_provider p ON p.id = r.provider_id "
                            "LEFT JOIN case_file c ON c.id = r.case_id "
                            "LEFT JOIN app_user u ON u.id = coalesce(c.owner_id, r.created_by) "
                            "WHERE r.id = ?1 AND r.deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                   _("This referral does not exist (any more)."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  r = hmr_referral_new ();
  r->id = hmr_column_dup_text (stmt, 0);
  r->office_id = hmr_column_dup_text (stmt, 1);
  r->beneficiary_id = hmr_column_dup_text (stmt, 2);
  r->case_id = hmr_column_dup_text (stmt, 3);
  r->provider_id = hmr_column_dup_text (stmt, 4);
  r->service_type = hmr_column_dup_text (stmt, 5);
  r->reason = hmr_column_dup_text (stmt, 6);
  r->consent_given = sqlite3_column_int (stmt, 7) != 0;
  r->status = hmr_column_dup_text (stmt, 8);
  r->sent_on = hmr_column_dup_text (stmt, 9);
  r->due_on = hmr_column_dup_text (stmt, 10);
  r->answered_on = hmr_column_dup_text (stmt, 11);
  r->completed_on = hmr_column_dup_text (stmt, 12);
  r->provider_answer = hmr_column_dup_text (stmt, 13);
  r->outcome = hmr_column_dup_text (stmt, 14);
  r->created_at = hmr_column_dup_text (stmt, 15);
  r->created_by = hmr_column_dup_text (stmt, 16);
  r->version = sqlite3_column_int64 (stmt, 17);
  r->provider_name = hmr_column_dup_text (stmt, 18);
  r->case_number = hmr_column_dup_text (stmt, 19);
  r->beneficiary_name = hmr_column_dup_text (stmt, 20);
  r->caseworker_name = hmr_column_dup_text (stmt, 21);
  r->beneficiary_consents = sqlite3_column_int (stmt, 22) != 0;
  return r;
}

static gboolean
load_history (HmrStore     *self,
              HmrReferral  *r,
              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = hmr_store_prepare (self,
                            "SELECT h.at, h.by_user, hmr_staff_name (u.full_name, u.full_name_cyrillic), h.from_state, h.to_state, h.comment "
                            "FROM referral_history h LEFT JOIN app_user u ON u.id = h.by_user "
                            "WHERE h.referral_id = ?1 ORDER BY h.at, h.rowid",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, r->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HmrReferralHistoryEntry *e = g_new0 (HmrReferralHistoryEntry, 1);
      e->at = hmr_column_dup_text (stmt, 0);
      e->by_user = hmr_column_dup_text (stmt, 1);
      e->by_name = hmr_column_dup_text (stmt, 2);
      e->from_state = hmr_column_dup_text (stmt, 3);
      e->to_state = hmr_column_dup_text (stmt, 4);
      e->comment = hmr_column_dup_text (stmt, 5);
      g_ptr_array_add (r->history, e);
    }
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

/**
 * hmr_store_get_referral:
 *
 * Returns: (transfer full): the referral with its history, if @actor may
 *   read it
 */
HmrReferral *
hmr_store_get_referral (HmrStore        *self,
                        const HmrActor  *actor,
                        const char      *id,
                        GError         **error)
{
  g_autoptr(HmrReferral) r = NULL;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_REFERRAL_READ, NULL, error))
    return NULL;
  r = load_referral (self, id, error);
  if (r == NULL)
    return NULL;
  if (!hmr_store_require (actor, HMR_ACTION_REFERRAL_READ, r->office_id, error))
    return NULL;
  if (!load_history (self, r, error))
    return NULL;
  return g_steal_pointer (&r);
}

static gboolean
insert_history (HmrStore        *self,
                const HmrActor  *actor,
                const char      *referral_id,
                const char      *at,
                const char      *from,
                const char      *to,
                const char      *comment,
                GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *id = hmr_store_new_id ();
  int rc;

  stmt = hmr_store_prepare (self,
                            "INSERT INTO referral_history (id, referral_id, at, by_user, from_state, "
                            "to_state, comment) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, id);
  hmr_bind_text (stmt, 2, referral_id);
  hmr_bind_text (stmt, 3, at);
  hmr_bind_text (stmt, 4, actor->user_id);
  hmr_bind_text (stmt, 5, from);
  hmr_bind_text (stmt, 6, to);
  hmr_bind_text (stmt, 7, comment);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

/* The provider must exist, be in the directory and offer the service */
static gboolean
check_provider (HmrStore    *self,
                const char  *provider_id,
                const char  *service_type,
                GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(HmrProvider) p = hmr_provider_new ();

  if (provider_id == NULL)
    return TRUE;
  stmt = hmr_store_prepare (self,
                            "SELECT name, service_types, deleted_at FROM service_provider WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, provider_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Provider: this service provider does not exist."));
      return FALSE;
    }
  p->service_types = hmr_column_dup_text (stmt, 1);
  if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Provider: “%s” was taken out of the directory; choose another provider."),
                   (const char *) sqlite3_column_text (stmt, 0));
      return FALSE;
    }
  if (!hmr_provider_offers (p, service_type))
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Provider: “%s” does not offer “%s”."),
                   (const char *) sqlite3_column_text (stmt, 0),
                   hmr_code_get_label (HMR_CODES_SERVICE_TYPE, service_type));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_service_type (const char  *service_type,
                    GError     **error)
{
  if (service_type != NULL && g_strv_contains (hmr_service_type_codes (), service_type))
    return TRUE;
  g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
               _("Service: choose the service the person is referred to."));
  return FALSE;
}

typedef struct
{
  const HmrReferral *referral;
  const char        *office_id;
  const char        *case_id;
  const char        *reason;
  const char        *now;
} NewReferral;

static gboolean
create_locked (HmrStore        *self,
               const HmrActor  *actor,
               HmrAuditRow     *audit,
               gpointer         data,
               GError         **error)
{
  const NewReferral *n = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = hmr_store_prepare (self,
                            "INSERT INTO referral (id, office_id, beneficiary_id, case_id, provider_id, "
                            "service_type, reason, consent_given, status, created_at, created_by, "
                            "updated_at, updated_by, version) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'draft', ?9, ?10, ?9, ?10, 1)",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, audit->entity_id);
  hmr_bind_text (stmt, 2, n->office_id);
  hmr_bind_text (stmt, 3, n->referral->beneficiary_id);
  hmr_bind_text (stmt, 4, n->case_id);
  hmr_bind_text (stmt, 5, n->referral->provider_id);
  hmr_bind_text (stmt, 6, n->referral->service_type);
  hmr_bind_text (stmt, 7, n->reason);
  sqlite3_bind_int (stmt, 8, n->referral->consent_given ? 1 : 0);
  hmr_bind_text (stmt, 9, n->now);
  hmr_bind_text (stmt, 10, actor->user_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  if (!insert_history (self, actor, audit->entity_id, n->now, NULL, "draft", NULL, error))
    return FALSE;

  hmr_changes_add (audit->changes, "beneficiary_id", NULL, n->referral->beneficiary_id);
  hmr_changes_add (audit->changes, "service_type", NULL, n->referral->service_type);
  hmr_changes_add (audit->changes, "provider_id", NULL, n->referral->provider_id);
  hmr_changes_add (audit->changes, "reason", NULL, n->reason);
  hmr_changes_add (audit->changes, "consent_given", NULL, n->referral->consent_given ? "1" : "0");
  hmr_changes_add (audit->changes, "status", NULL, "draft");
  return TRUE;
}

/**
 * hmr_store_create_referral:
 *
 * Saves a new draft referral for @referral's beneficiary (beneficiary_id,
 * service_type, and optionally provider_id, reason, consent_given).  It
 * belongs to the beneficiary's office and case.  On success the id,
 * office, case, status, creation and version are filled in.
 */
gboolean
hmr_store_create_referral (HmrStore        *self,
                           const HmrActor  *actor,
                           HmrReferral     *referral,
                           GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *office_id = NULL;
  g_autofree char *case_id = NULL;
  g_autofree char *id = NULL;
  g_autofree char *now = NULL;
  g_autofree char *reason = NULL;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);
  g_return_val_if_fail (referral != NULL, FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_REFERRAL_WRITE, NULL, error))
    return FALSE;

  stmt = hmr_store_prepare (self,
                            "SELECT b.office_id, (SELECT c.id FROM case_file c WHERE c.beneficiary_id = b.id "
                            "AND c.deleted_at IS NULL ORDER BY c.opened_on DESC, c.rowid DESC LIMIT 1) "
                            "FROM beneficiary b WHERE b.id = ?1 AND b.deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, referral->beneficiary_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                   _("This beneficiary does not exist (any more)."));
      return FALSE;
    }
  office_id = hmr_column_dup_text (stmt, 0);
  case_id = hmr_column_dup_text (stmt, 1);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!hmr_store_require (actor, HMR_ACTION_REFERRAL_WRITE, office_id, error) ||
      !check_service_type (referral->service_type, error) ||
      !check_provider (self, referral->provider_id, referral->service_type, error))
    return FALSE;

  id = hmr_store_new_id ();
  now = hmr_store_dup_timestamp (self);
  reason = strip_or_null (referral->reason);
  if (!hmr_store_write (self, actor, "create", "referral", id, create_locked,
                        &(NewReferral) { referral, office_id, case_id, reason, now }, error))
    return FALSE;

  g_free (referral->id);
  referral->id = g_steal_pointer (&id);
  g_free (referral->office_id);
  referral->office_id = g_steal_pointer (&office_id);
  g_free (referral->case_id);
  referral->case_id = g_steal_pointer (&case_id);
  g_free (referral->status);
  referral->status = g_strdup ("draft");
  g_free (referral->reason);
  referral->reason = g_steal_pointer (&reason);
  g_free (referral->created_at);
  referral->created_at = g_steal_pointer (&now);
  g_free (referral->created_by);
  referral->created_by = g_strdup (actor->user_id);
  referral->version = 1;
  return TRUE;
}

typedef struct
{
  HmrReferral       *referral;
  const HmrReferral *before;
  const char        *reason;
} ReferralUpdate;

static gboolean
update_locked (HmrStore        *self,
               const HmrActor  *actor,
               HmrAuditRow     *audit,
               gpointer         data,
               GError         **error)
{
  const ReferralUpdate *u = data;
  const HmrReferral *referral = u->referral;
  const HmrReferral *before = u->before;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);
  int rc;

  stmt = hmr_store_prepare (self,
                            "UPDATE referral SET provider_id = ?2, service_type = ?3, reason = ?4, "
                            "consent_given = ?5, updated_at = ?6, updated_by = ?7, version = version + 1 "
                            "WHERE id = ?1 AND version = ?8 AND status = 'draft' AND deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, referral->id);
  hmr_bind_text (stmt, 2, referral->provider_id);
  hmr_bind_text (stmt, 3, referral->service_type);
  hmr_bind_text (stmt, 4, u->reason);
  sqlite3_bind_int (stmt, 5, referral->consent_given ? 1 : 0);
  hmr_bind_text (stmt, 6, now);
  hmr_bind_text (stmt, 7, actor->user_id);
  sqlite3_bind_int64 (stmt, 8, referral->version);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT,
                   _("Someone else changed this referral meanwhile. Reload it and make your change again."));
      return FALSE;
    }

  if (g_strcmp0 (before->provider_id, referral->provider_id) != 0)
    hmr_changes_add (audit->changes, "provider_id", before->provider_id, referral->provider_id);
  if (g_strcmp0 (before->service_type, referral->service_type) != 0)
    hmr_changes_add (audit->changes, "service_type", before->service_type, referral->service_type);
  if (g_strcmp0 (before->reason, u->reason) != 0)
    hmr_changes_add (audit->changes, "reason", before->reason, u->reason);
  if (before->consent_given != referral->consent_given)
    hmr_changes_add (audit->changes, "consent_given", before->consent_given ? "1" : "0",
                     referral->consent_given ? "1" : "0");
  return TRUE;
}

/**
 * hmr_store_update_referral:
 *
 * Saves the provider, service type, reason and consent of a draft
 * referral.  Once sent these are fixed.  Refused with
 * %HMR_STORE_ERROR_CONFLICT when someone changed it meanwhile (version).
 */
gboolean
hmr_store_update_referral (HmrStore        *self,
                           const HmrActor  *actor,
                           HmrReferral     *referral,
                           GError         **error)
{
  g_autoptr(HmrReferral) before = NULL;
  g_autofree char *reason = NULL;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);
  g_return_val_if_fail (referral != NULL && referral->id != NULL, FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_REFERRAL_WRITE, NULL, error))
    return FALSE;
  before = load_referral (self, referral->id, error);
  if (before == NULL ||
      !hmr_store_require (actor, HMR_ACTION_REFERRAL_WRITE, before->office_id, error))
    return FALSE;
  if (g_strcmp0 (before->status, "draft") != 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED,
                   _("Refused: only a draft referral can be changed; this one is “%s”."),
                   hmr_code_get_label (HMR_CODES_REFERRAL_STATUS, before->status));
      return FALSE;
    }
  if (!check_service_type (referral->service_type, error) ||
      !check_provider (self, referral->provider_id, referral->service_type, error))
    return FALSE;

  reason = strip_or_null (referral->reason);
  if (!hmr_store_write (self, actor, "update", "referral", referral->id, update_locked,
                        &(ReferralUpdate) { referral, before, reason }, error))
    return FALSE;

  referral->version++;
  g_free (referral->reason);
  referral->reason = g_steal_pointer (&reason);
  return TRUE;
}

/**
 * hmr_store_archive_referral:
 *
 * Removes a draft made by mistake from every list (it stays in the
 * database, archived).  Sent referrals are revoked instead.
 */
gboolean
hmr_store_archive_referral (HmrStore        *self,
                            const HmrActor  *actor,
                            const char      *id,
                            GError         **error)
{
  g_autoptr(HmrReferral) before = NULL;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_REFERRAL_WRITE, NULL, error))
    return FALSE;
  before = load_referral (self, id, error);
  if (before == NULL ||
      !hmr_store_require (actor, HMR_ACTION_REFERRAL_WRITE, before->office_id, error))
    return FALSE;
  if (g_strcmp0 (before->status, "draft") != 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED,
                   _("Refused: only a draft referral can be archived; a sent one is revoked by a supervisor."));
      return FALSE;
    }
  return hmr_store_write (self, actor, "archive", "referral", id, hmr_store_archive_locked,
                          "UPDATE referral SET deleted_at = ?2, updated_at = ?2, updated_by = ?3, "
                          "version = version + 1 WHERE id = ?1 AND status = 'draft' AND deleted_at IS NULL",
                          error);
}

/* What a move sets on the record, worked out before its transaction */
typedef struct
{
  const HmrReferral *r;
  const char        *to;
  const char        *note;
  const char        *override;
  const char        *sent_on;
  const char        *due_on;
  const char        *answered_on;
  const char        *completed_on;
  const char        *answer;
  const char        *outcome;
} Move;

static gboolean
transition_locked (HmrStore        *self,
                   const HmrActor  *actor,
                   HmrAuditRow     *audit,
                   gpointer         data,
                   GError         **error)
{
  const Move *m = data;
  const HmrReferral *r = m->r;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);
  int rc;

  stmt = hmr_store_prepare (self,
                            "UPDATE referral SET status = ?3, sent_on = ?4, due_on = ?5, answered_on = ?6, "
                            "completed_on = ?7, provider_answer = ?8, outcome = ?9, updated_at = ?10, "
                            "updated_by = ?11, version = version + 1 "
                            "WHERE id = ?1 AND status = ?2 AND deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, r->id);
  hmr_bind_text (stmt, 2, r->status);
  hmr_bind_text (stmt, 3, m->to);
  hmr_bind_text (stmt, 4, m->sent_on);
  hmr_bind_text (stmt, 5, m->due_on);
  hmr_bind_text (stmt, 6, m->answered_on);
  hmr_bind_text (stmt, 7, m->completed_on);
  hmr_bind_text (stmt, 8, m->answer);
  hmr_bind_text (stmt, 9, m->outcome);
  hmr_bind_text (stmt, 10, now);
  hmr_bind_text (stmt, 11, actor->user_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT,
                   _("Someone else moved this referral meanwhile. Reload it and try again."));
      return FALSE;
    }
  if (!insert_history (self, actor, r->id, now, r->status, m->to, m->note, error))
    return FALSE;

  hmr_changes_add (audit->changes, "status", r->status, m->to);
  if (g_strcmp0 (r->sent_on, m->sent_on) != 0)
    hmr_changes_add (audit->changes, "sent_on", r->sent_on, m->sent_on);
  if (g_strcmp0 (r->due_on, m->due_on) != 0)
    hmr_changes_add (audit->changes, "due_on", r->due_on, m->due_on);
  if (g_strcmp0 (r->answered_on, m->answered_on) != 0)
    hmr_changes_add (audit->changes, "answered_on", r->answered_on, m->answered_on);
  if (g_strcmp0 (r->completed_on, m->completed_on) != 0)
    hmr_changes_add (audit->changes, "completed_on", r->completed_on, m->completed_on);
  if (m->note != NULL)
    hmr_changes_add (audit->changes, "comment", NULL, m->note);
  /* The consent override gets a row of its own, after the move's */
  if (!hmr_store_write_audit (self, actor, audit, error))
    return FALSE;

  if (m->override != NULL)
    {
      g_autoptr(HmrChanges) oc = hmr_changes_new ();
      g_autofree char *ojson = NULL;

      hmr_changes_add (oc, "beneficiary_id", NULL, r->beneficiary_id);
      hmr_changes_add (oc, "consent_sharing", NULL, "0");
      hmr_changes_add (oc, "reason", NULL, m->override);
      ojson = hmr_changes_free_to_json (g_steal_pointer (&oc));
      if (!hmr_store_audit_append (self, actor, "consent-override", "referral", r->id, ojson, error))
        return FALSE;
    }
  return TRUE;
}

/* One move of the workflow, with what it sets on the record */
static gboolean
transition (HmrStore        *self,
            const HmrActor  *actor,
            const char      *id,
            const char      *to,
            const char      *comment,
            const char      *override_reason,
            GError         **error)
{
  g_autoptr(HmrReferral) r = NULL;
  g_autofree char *note = strip_or_null (comment);
  g_autofree char *override = NULL;
  char today_iso[16], due_iso[16];
  const char *sent_on, *due_on, *answered_on, *completed_on, *answer, *outcome;
  GDate today, due;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_REFERRAL_WRITE, NULL, error))
    return FALSE;
  r = load_referral (self, id, error);
  if (r == NULL ||
      !hmr_store_require (actor, HMR_ACTION_REFERRAL_WRITE, r->office_id, error) ||
      !hmr_workflow_may_move (actor, HMR_RECORD_REFERRAL, r->status, to, r->office_id, note, error))
    return FALSE;

  hmr_store_get_today (self, &today);
  format_date (&today, today_iso);
  sent_on = r->sent_on;
  due_on = r->due_on;
  answered_on = r->answered_on;
  completed_on = r->completed_on;
  answer = r->provider_answer;
  outcome = r->outcome;

  if (g_strcmp0 (to, "sent") == 0)
    {
      int answer_days;

      if (r->provider_id == NULL)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Provider: choose the service provider before sending the referral."));
          return FALSE;
        }
      if (!check_provider (self, r->provider_id, r->service_type, error))
        return FALSE;
      if (!has_text (r->reason))
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Reason: say why the person is referred before sending the referral."));
          return FALSE;
        }
      if (!r->consent_given && !r->beneficiary_consents)
        {
          override = strip_or_null (override_reason);
          if (override == NULL)
            {
              g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED,
                           _("Refused: sending this referral needs the beneficiary’s consent to share "
                             "their data with other organisations. Record the consent first; a supervisor "
                             "may send it without, giving a written reason."));
              return FALSE;
            }
          if (actor->role != HMR_ROLE_SUPERVISOR)
            {
              g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED,
                           _("Refused: only a supervisor may send a referral without the beneficiary’s consent."));
              return FALSE;
            }
          if (note == NULL)
            note = g_strdup (override);
        }
      if (!hmr_store_get_service_deadline (self, r->service_type, &answer_days, NULL, error))
        return FALSE;
      due = today;
      g_date_add_days (&due, answer_days);
      format_date (&due, due_iso);
      sent_on = today_iso;
      due_on = due_iso;
    }
  else if (g_strcmp0 (to, "accepted") == 0 || g_strcmp0 (to, "rejected") == 0 ||
           g_strcmp0 (to, "no_response") == 0)
    {
      answered_on = today_iso;
      answer = note;
      if (g_strcmp0 (to, "accepted") == 0)
        {
          int completion_days;

          if (!hmr_store_get_service_deadline (self, r->service_type, NULL, &completion_days, error))
            return FALSE;
          due = today;
          g_date_add_days (&due, completion_days);
          format_date (&due, due_iso);
          due_on = due_iso;
        }
    }
  else if (g_strcmp0 (to, "completed") == 0)
    {
      completed_on = today_iso;
      outcome = note;
    }

  return hmr_store_write (self, actor, "transition", "referral", r->id, transition_locked,
                          &(Move) { r, to, note, override, sent_on, due_on, answered_on, completed_on,
                                    answer, outcome },
                          error);
}

/**
 * hmr_store_send_referral:
 * @consent_override_reason: (nullable): a supervisor's written reason for
 *   sending without the beneficiary's consent; ignored when consent exists
 *
 * Sends a draft: it needs a provider that offers the service, a reason and
 * the consent to share.  Sets sent_on to today and due_on to today plus
 * the service type's answer time.
 */
gboolean
hmr_store_send_referral (HmrStore        *self,
                         const HmrActor  *actor,
                         const char      *id,
                         const char      *consent_override_reason,
                         GError         **error)
{
  return transition (self, actor, id, "sent", NULL, consent_override_reason, error);
}

/**
 * hmr_store_move_referral:
 * @to: the new state: sent, accepted, rejected, no_response, completed or
 *   revoked
 * @comment: (nullable): kept in the history; for accepted, rejected and
 *   no_response it is also the provider's answer, for completed the
 *   outcome, for revoked the (required) reason
 *
 * Moves a referral one step of its workflow, as hmr_workflow_may_move()
 * allows.  Answering sets answered_on to today; accepting also sets due_on
 * to today plus the service type's completion time; completing sets
 * completed_on.  Sending this way never overrides a missing consent (see
 * hmr_store_send_referral()).
 */
gboolean
hmr_store_move_referral (HmrStore        *self,
                         const HmrActor  *actor,
                         const char      *id,
                         const char      *to,
                         const char      *comment,
                         GError         **error)
{
  return transition (self, actor, id, to, comment, NULL, error);
}
