/* hmr-store-trafficking.c — the trafficking profile (a caseworker's, of
 * their own cases; a supervisor reads it; every reading audited),
 * vulnerabilities and risk, a refused consent, and the intake for the
 * case file and the export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-intake-private.h"
#include "hmr-labels.h"
#include "hmr-store-private.h"

#define TXT(i) hmr_column_dup_text (stmt, (i))

/* DESIGN §6: a caseworker reads and writes the trafficking profiles of
 * their own cases (and of the office's cases nobody owns yet), a
 * supervisor reads them all; nobody else. */
static gboolean
trafficking_allowed (HmrStore        *self,
                     const HmrActor  *actor,
                     const char      *beneficiary_id,
                     HmrAction        action,
                     char           **office_out,
                     GError         **error)
{
  g_autofree char *office_id = NULL;
  g_autofree char *owner_id = NULL;

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, action, NULL, error) ||
      !hmr_intake_load_person (self, beneficiary_id, &office_id, &owner_id, error) ||
      !hmr_store_require (actor, action, office_id, error))
    return FALSE;
  /* A case no caseworker owns yet (registered by a supervisor) is the
   * office's: its caseworkers may take it up */
  if (actor->role == HMR_ROLE_CASEWORKER && owner_id != NULL && g_strcmp0 (owner_id, actor->user_id) != 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED,
                   _("Refused: only the caseworker whose case this is may read or change its trafficking profile."));
      return FALSE;
    }
  if (office_out != NULL)
    *office_out = g_steal_pointer (&office_id);
  return TRUE;
}

gboolean
hmr_store_may_see_trafficking (HmrStore       *self,
                               const HmrActor *actor,
                               const char     *beneficiary_id)
{
  return trafficking_allowed (self, actor, beneficiary_id, HMR_ACTION_SENSITIVE_READ, NULL, NULL);
}

gboolean
hmr_store_may_edit_trafficking (HmrStore       *self,
                                const HmrActor *actor,
                                const char     *beneficiary_id)
{
  return trafficking_allowed (self, actor, beneficiary_id, HMR_ACTION_SENSITIVE_WRITE, NULL, NULL);
}

/* ---- the trafficking profile ------------------------------------------- */

#define PROFILE_COLUMNS \
  "id, beneficiary_id, status, exploitation_type, identified_by, recognised_by, recognised_on, " \
  "recognition_document, country, duration_months, version"

static HmrTraffickingProfile *
load_profile (HmrStore    *self,
              const char  *beneficiary_id,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  HmrTraffickingProfile *t;
  int rc;

  stmt = hmr_store_prepare (self, "SELECT " PROFILE_COLUMNS " FROM trafficking_profile "
                            "WHERE beneficiary_id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, beneficiary_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  t = hmr_trafficking_profile_new ();
  t->id = TXT (0);
  t->beneficiary_id = TXT (1);
  t->status = TXT (2);
  t->exploitation_type = TXT (3);
  t->identified_by = TXT (4);
  t->recognised_by = TXT (5);
  t->recognised_on = TXT (6);
  t->recognition_document = TXT (7);
  t->country = TXT (8);
  t->duration_months = hmr_intake_column_int_or (stmt, 9, -1);
  t->version = sqlite3_column_int64 (stmt, 10);
  return t;
}

static gboolean
note_view (HmrStore       *self,
           const HmrActor *actor,
           HmrAuditRow    *audit,
           gpointer        data,
           GError        **error)
{
  /* A reading changes nothing: the audit row is the whole write */
  g_clear_pointer (&audit->changes, hmr_changes_free);
  return TRUE;
}

/* The profile, its reading audited */
static HmrTraffickingProfile *
read_profile (HmrStore        *self,
              const HmrActor  *actor,
              const char      *beneficiary_id,
              GError         **error)
{
  g_autoptr(HmrTraffickingProfile) t = NULL;
  g_autoptr(GError) local_error = NULL;

  t = load_profile (self, beneficiary_id, &local_error);
  if (t == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!hmr_store_write (self, actor, "view", "trafficking_profile", t->id, note_view, NULL, error))
    return NULL;
  return g_steal_pointer (&t);
}

/**
 * hmr_store_get_trafficking_profile:
 *
 * Reads the profile for the roles that may (DESIGN §6), and writes the
 * reading to the audit trail.
 *
 * Returns: (transfer full) (nullable): the profile; %NULL without an
 *   error when none is recorded
 */
HmrTraffickingProfile *
hmr_store_get_trafficking_profile (HmrStore        *self,
                                   const HmrActor  *actor,
                                   const char      *beneficiary_id,
                                   GError         **error)
{
  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!trafficking_allowed (self, actor, beneficiary_id, HMR_ACTION_SENSITIVE_READ, NULL, error))
    return NULL;
  return read_profile (self, actor, beneficiary_id, error);
}

typedef struct
{
  HmrTraffickingProfile       *profile;
  const HmrTraffickingProfile *before;
  const char                  *office_id;
} ProfileWrite;

static gboolean
save_profile_locked (HmrStore        *self,
                     const HmrActor  *actor,
                     HmrAuditRow     *audit,
                     gpointer         data,
                     GError         **error)
{
  ProfileWrite *w = data;
  HmrTraffickingProfile *n = w->profile;
  const HmrTraffickingProfile *b = w->before;
  g_autoptr(HmrTraffickingProfile) none = hmr_trafficking_profile_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);

  if (b == NULL)
    stmt = hmr_store_prepare (self,
                              "INSERT INTO trafficking_profile (id, office_id, beneficiary_id, status, "
                              "exploitation_type, identified_by, recognised_by, recognised_on, "
                              "recognition_document, country, duration_months, created_at, created_by, "
                              "updated_at, updated_by, version) VALUES (?1, ?12, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                              "?9, ?10, ?11, ?13, ?11, ?13, 1)",
                              error);
  else
    stmt = hmr_store_prepare (self,
                              "UPDATE trafficking_profile SET status = ?3, exploitation_type = ?4, "
                              "identified_by = ?5, recognised_by = ?6, recognised_on = ?7, "
                              "recognition_document = ?8, country = ?9, duration_months = ?10, "
                              "updated_at = ?11, updated_by = ?13, version = version + 1 "
                              "WHERE id = ?1 AND beneficiary_id = ?2 AND version = ?14 AND deleted_at IS NULL",
                              error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, audit->entity_id);
  hmr_bind_text (stmt, 2, n->beneficiary_id);
  hmr_bind_text (stmt, 3, n->status);
  hmr_bind_text (stmt, 4, n->exploitation_type);
  hmr_bind_text (stmt, 5, n->identified_by);
  hmr_bind_text (stmt, 6, n->recognised_by);
  hmr_bind_text (stmt, 7, n->recognised_on);
  hmr_bind_text (stmt, 8, n->recognition_document);
  hmr_bind_text (stmt, 9, n->country);
  hmr_intake_bind_months (stmt, 10, n->duration_months);
  hmr_bind_text (stmt, 11, now);
  hmr_bind_text (stmt, 12, w->office_id);
  hmr_bind_text (stmt, 13, actor->user_id);
  sqlite3_bind_int64 (stmt, 14, n->version);
  if (!hmr_intake_step_done (self, stmt, error))
    return FALSE;
  if (b != NULL && hmr_intake_changed_meanwhile (self, _("trafficking profile"), error))
    return FALSE;

  if (b == NULL)
    {
      b = none;
      hmr_changes_add (audit->changes, "beneficiary_id", NULL, n->beneficiary_id);
    }
  hmr_intake_diff (audit->changes, "status", b->status, n->status);
  hmr_intake_diff (audit->changes, "exploitation_type", b->exploitation_type, n->exploitation_type);
  hmr_intake_diff (audit->changes, "identified_by", b->identified_by, n->identified_by);
  hmr_intake_diff (audit->changes, "recognised_by", b->recognised_by, n->recognised_by);
  hmr_intake_diff (audit->changes, "recognised_on", b->recognised_on, n->recognised_on);
  hmr_intake_diff (audit->changes, "recognition_document", b->recognition_document, n->recognition_document);
  hmr_intake_diff (audit->changes, "country", b->country, n->country);
  hmr_intake_diff_months (audit->changes, "duration_months", b->duration_months, n->duration_months);
  if (w->before != NULL && hmr_changes_is_empty (audit->changes))
    audit->nothing_to_do = TRUE;
  return TRUE;
}

/**
 * hmr_store_save_trafficking_profile:
 * @profile: the person's profile (beneficiary_id set): new when it has no
 *   id, else as read and changed
 *
 * Only the caseworker whose case it is may record or change it.
 */
gboolean
hmr_store_save_trafficking_profile (HmrStore              *self,
                                    const HmrActor        *actor,
                                    HmrTraffickingProfile *profile,
                                    GError               **error)
{
  g_autoptr(HmrTraffickingProfile) n = NULL;
  g_autoptr(HmrTraffickingProfile) before = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *office_id = NULL;
  g_autofree char *id = NULL;
  GDate today;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);
  g_return_val_if_fail (profile != NULL, FALSE);

  if (!trafficking_allowed (self, actor, profile->beneficiary_id, HMR_ACTION_SENSITIVE_WRITE,
                            &office_id, error))
    return FALSE;
  before = load_profile (self, profile->beneficiary_id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if ((before == NULL) != (profile->id == NULL) ||
      (before != NULL && g_strcmp0 (before->id, profile->id) != 0))
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT,
                   _("Someone else changed this %s meanwhile. Reopen the case file and make your change again."),
                   _("trafficking profile"));
      return FALSE;
    }

  n = hmr_trafficking_profile_copy (profile);
  hmr_store_get_today (self, &today);
  if (!hmr_trafficking_profile_check (n, &today, error))
    return FALSE;

  id = before ? g_strdup (before->id) : hmr_store_new_id ();
  if (!hmr_store_write (self, actor, before ? "update" : "create", "trafficking_profile", id,
                        save_profile_locked, &(ProfileWrite) { n, before, office_id }, error))
    return FALSE;

  g_free (n->id);
  n->id = g_steal_pointer (&id);
  n->version = before ? n->version + 1 : 1;
  {
    HmrTraffickingProfile tmp = *profile;
    *profile = *n;
    *n = tmp;
  }
  return TRUE;
}

/* ---- vulnerabilities and risk ----------------------------------------- */

typedef struct
{
  const char *beneficiary_id;
  char       *flags;
  const char *risk;
  char       *reason;
} RiskWrite;

static gboolean
set_risk_locked (HmrStore        *self,
                 const HmrActor  *actor,
                 HmrAuditRow     *audit,
                 gpointer         data,
                 GError         **error)
{
  RiskWrite *w = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);
  g_autofree char *flags = NULL;
  g_autofree char *risk = NULL;
  g_autofree char *reason = NULL;

  stmt = hmr_store_prepare (self, "SELECT vulnerability_flags, risk_level, risk_reason FROM beneficiary "
                            "WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, w->beneficiary_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return hmr_store_set_sqlite_error (self, sqlite3_errcode (self->db), error);
  flags = TXT (0);
  risk = TXT (1);
  reason = TXT (2);
  g_clear_pointer (&stmt, sqlite3_finalize);

  hmr_intake_diff (audit->changes, "vulnerability_flags", flags, w->flags);
  hmr_intake_diff (audit->changes, "risk_level", risk, w->risk);
  hmr_intake_diff (audit->changes, "risk_reason", reason, w->reason);
  if (hmr_changes_is_empty (audit->changes))
    {
      audit->nothing_to_do = TRUE;
      return TRUE;
    }

  stmt = hmr_store_prepare (self,
                            "UPDATE beneficiary SET vulnerability_flags = ?2, risk_level = ?3, risk_reason = ?4, "
                            "updated_at = ?5, updated_by = ?6, version = version + 1 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, w->beneficiary_id);
  hmr_bind_text (stmt, 2, w->flags);
  hmr_bind_text (stmt, 3, w->risk);
  hmr_bind_text (stmt, 4, w->reason);
  hmr_bind_text (stmt, 5, now);
  hmr_bind_text (stmt, 6, actor->user_id);
  if (!hmr_intake_step_done (self, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* The case's risk is the person's: Today and the list read it there */
  stmt = hmr_store_prepare (self,
                            "UPDATE case_file SET risk_level = ?2, updated_at = ?3, updated_by = ?4, "
                            "version = version + 1 WHERE beneficiary_id = ?1 AND deleted_at IS NULL "
                            "AND status = 'open' AND risk_level <> ?2",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, w->beneficiary_id);
  hmr_bind_text (stmt, 2, w->risk);
  hmr_bind_text (stmt, 3, now);
  hmr_bind_text (stmt, 4, actor->user_id);
  return hmr_intake_step_done (self, stmt, error);
}

/**
 * hmr_store_set_vulnerabilities:
 * @flags: (nullable): codes of %HMR_CODES_VULNERABILITY
 * @risk: low, medium or high
 * @reason: (nullable): why; required for a medium or high risk
 *
 * Records the person's vulnerabilities and risk level, and the risk of
 * their open case with it.
 */
gboolean
hmr_store_set_vulnerabilities (HmrStore           *self,
                               const HmrActor     *actor,
                               const char         *beneficiary_id,
                               const char * const *flags,
                               const char         *risk,
                               const char         *reason,
                               GError            **error)
{
  g_autofree char *office_id = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *stripped = NULL;
  g_auto(GStrv) sorted = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char * const *known = hmr_code_list (HMR_CODES_VULNERABILITY);

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  office_id = hmr_intake_require_write (self, actor, beneficiary_id, error);
  if (office_id == NULL)
    return FALSE;
  if (!hmr_vulnerabilities_check (flags, risk, reason, error))
    return FALSE;

  /* Each flag once, in the order of the list */
  for (guint i = 0; known[i] != NULL; i++)
    if (flags != NULL && g_strv_contains (flags, known[i]))
      g_strv_builder_add (builder, known[i]);
  sorted = g_strv_builder_end (builder);
  joined = sorted[0] != NULL ? g_strjoinv (",", sorted) : NULL;
  stripped = reason ? g_strstrip (g_strdup (reason)) : NULL;
  if (stripped != NULL && stripped[0] == '\0')
    g_clear_pointer (&stripped, g_free);

  return hmr_store_write (self, actor, "update", "beneficiary", beneficiary_id, set_risk_locked,
                          &(RiskWrite) { beneficiary_id, joined, risk, stripped }, error);
}

char *
hmr_store_dup_risk_reason (HmrStore        *self,
                           const HmrActor  *actor,
                           const char      *beneficiary_id,
                           GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *office_id = NULL;

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_READ, NULL, error) ||
      !hmr_intake_load_person (self, beneficiary_id, &office_id, NULL, error) ||
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_READ, office_id, error))
    return NULL;
  stmt = hmr_store_prepare (self, "SELECT risk_reason FROM beneficiary WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, beneficiary_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return TXT (0);
}

/* ---- consent ------------------------------------------------------------ */

static gboolean
note_refusal (HmrStore       *self,
              const HmrActor *actor,
              HmrAuditRow    *audit,
              gpointer        district,
              GError        **error)
{
  /* Only that it happened, and where: nothing about the person */
  hmr_changes_add (audit->changes, "consent_record", NULL, "0");
  hmr_changes_add (audit->changes, "district", NULL, district);
  return TRUE;
}

/**
 * hmr_store_record_consent_refused:
 * @district: (nullable): where the person was met
 *
 * A person did not agree that their details are recorded: nothing about
 * them is, only that someone refused (for the programme's counts).
 */
gboolean
hmr_store_record_consent_refused (HmrStore        *self,
                                  const HmrActor  *actor,
                                  const char      *district,
                                  GError         **error)
{
  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_WRITE, NULL, error))
    return FALSE;
  return hmr_store_write (self, actor, "consent-refused", "beneficiary", NULL, note_refusal,
                          (gpointer) district, error);
}

/* ---- for the case file -------------------------------------------------- */

/**
 * hmr_store_load_intake:
 *
 * Fills in @file's episodes, ban, risk reason and trafficking profile
 * (when the actor may read it; the reading is audited), for an actor
 * who may read the whole case file.
 */
gboolean
hmr_store_load_intake (HmrStore        *self,
                       const HmrActor  *actor,
                       HmrCaseFile     *file,
                       GError         **error)
{
  const char *id = hmr_beneficiary_get (file->beneficiary, HMR_BENEFICIARY_ID);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(HmrTraffickingProfile) t = NULL;

  g_clear_pointer (&file->episodes, g_ptr_array_unref);
  file->episodes = hmr_intake_list_episodes (self, id, error);
  if (file->episodes == NULL)
    return FALSE;

  file->ban = hmr_intake_load_ban (self, id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  stmt = hmr_store_prepare (self, "SELECT risk_reason FROM beneficiary WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    file->risk_reason = TXT (0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  t = load_profile (self, id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (t == NULL)
    return TRUE;
  if (!hmr_store_may_see_trafficking (self, actor, id))
    {
      file->trafficking_hidden = TRUE;
      return TRUE;
    }
  file->trafficking = read_profile (self, actor, id, error);
  return file->trafficking != NULL;
}

/* ---- for the export ----------------------------------------------------- */

void
hmr_intake_summary_free (HmrIntakeSummary *summary)
{
  if (summary == NULL)
    return;
  hmr_reentry_ban_free (summary->ban);
  hmr_migration_episode_free (summary->last_episode);
  hmr_trafficking_profile_free (summary->trafficking);
  g_free (summary);
}

/**
 * hmr_intake_may_export_trafficking:
 *
 * Returns: whether an export by @actor has trafficking columns at all
 *   (DESIGN §6: caseworkers, of their own cases, and supervisors)
 */
gboolean
hmr_intake_may_export_trafficking (const HmrActor *actor)
{
  return hmr_permission_allows (actor, HMR_ACTION_SENSITIVE_READ, NULL);
}

/**
 * hmr_store_list_intake_summaries:
 * @beneficiaries: (element-type HmrBeneficiary): rows the actor may read
 * @n_profiles: (out): how many trafficking profiles were read, for the
 *   export's audit row
 *
 * Returns: (transfer full) (element-type HmrIntakeSummary): one summary
 *   per row of @beneficiaries, in order
 */
GPtrArray *
hmr_store_list_intake_summaries (HmrStore        *self,
                                 const HmrActor  *actor,
                                 GPtrArray       *beneficiaries,
                                 guint           *n_profiles,
                                 GError         **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_intake_summary_free);
  gboolean trafficking = hmr_intake_may_export_trafficking (actor);

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  *n_profiles = 0;
  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_READ, NULL, error))
    return NULL;
  for (guint i = 0; i < beneficiaries->len; i++)
    {
      HmrBeneficiary *b = g_ptr_array_index (beneficiaries, i);
      const char *id = hmr_beneficiary_get (b, HMR_BENEFICIARY_ID);
      HmrIntakeSummary *s = g_new0 (HmrIntakeSummary, 1);
      g_autoptr(GPtrArray) episodes = NULL;
      g_autoptr(GError) local_error = NULL;

      g_ptr_array_add (out, s);
      if (!hmr_permission_allows (actor, HMR_ACTION_BENEFICIARY_READ,
                                  hmr_beneficiary_get (b, HMR_BENEFICIARY_OFFICE_ID)))
        continue;
      s->ban = hmr_intake_load_ban (self, id, &local_error);
      if (local_error == NULL)
        episodes = hmr_intake_list_episodes (self, id, &local_error);
      if (local_error == NULL && episodes->len > 0)
        s->last_episode = g_ptr_array_steal_index (episodes, 0);
      if (local_error == NULL && trafficking && hmr_store_may_see_trafficking (self, actor, id))
        {
          s->trafficking = load_profile (self, id, &local_error);
          if (s->trafficking != NULL)
            (*n_profiles)++;
        }
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
  return g_steal_pointer (&out);
}
