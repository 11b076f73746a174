/* hmr-store-intake.c — writing and reading the intake: migration episodes,
 * the re-entry ban, the trafficking profile, vulnerabilities and risk
 *
 * Each write checks the role table for the person's office, checks the
 * record (hmr-intake.c), and goes through hmr_store_write() with its
 * audit row of what changed.  The trafficking profile is a caseworker's,
 * of their own cases; a supervisor reads it; every reading is audited.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-intake-private.h"
#include "hmr-labels.h"
#include "hmr-store-private.h"

#define TXT(i) hmr_column_dup_text (stmt, (i))

static int
column_int_or (sqlite3_stmt *stmt,
               int           i,
               int           fallback)
{
  return sqlite3_column_type (stmt, i) == SQLITE_NULL ? fallback : sqlite3_column_int (stmt, i);
}

static void
bind_months (sqlite3_stmt *stmt,
             int           i,
             int           months)
{
  if (months < 0)
    sqlite3_bind_null (stmt, i);
  else
    sqlite3_bind_int (stmt, i, months);
}

static char *
months_text (int months)
{
  return months < 0 ? NULL : g_strdup_printf ("%d", months);
}

static void
diff (HmrChanges *changes,
      const char *field,
      const char *before,
      const char *after)
{
  if (g_strcmp0 (before, after) != 0)
    hmr_changes_add (changes, field, before, after);
}

static void
diff_months (HmrChanges *changes,
             const char *field,
             int         before,
             int         after)
{
  g_autofree char *b = months_text (before);
  g_autofree char *a = months_text (after);

  diff (changes, field, b, a);
}

static gboolean
step_done (HmrStore      *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

static gboolean
changed_meanwhile (HmrStore    *self,
                   const char  *what,
                   GError     **error)
{
  if (sqlite3_changes (self->db) > 0)
    return FALSE;
  g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT,
               /* Translators: %s is what was changed: “migration episode”, “re-entry ban”… */
               _("Someone else changed this %s meanwhile. Reopen the case file and make your change again."),
               what);
  return TRUE;
}

/* ---- whose person, whose case ----------------------------------------- */

/* The office of a person who is not archived, and the owner of their
 * newest case */
static gboolean
load_person (HmrStore    *self,
             const char  *beneficiary_id,
             char       **office_id,
             char       **owner_id,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = hmr_store_prepare (self,
                            "SELECT b.office_id, (SELECT c.owner_id FROM case_file c WHERE c.beneficiary_id = b.id "
                            "AND c.deleted_at IS NULL ORDER BY c.opened_on DESC, c.rowid DESC LIMIT 1) "
                            "FROM beneficiary b WHERE b.id = ?1 AND b.deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, beneficiary_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                   _("This beneficiary does not exist (any more), or the case file is archived."));
      return FALSE;
    }
  *office_id = TXT (0);
  if (owner_id != NULL)
    *owner_id = TXT (1);
  return TRUE;
}

/* The actor may change the person's case file: returns their office */
static char *
require_write (HmrStore        *self,
               const HmrActor  *actor,
               const char      *beneficiary_id,
               GError         **error)
{
  g_autofree char *office_id = NULL;

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_WRITE, NULL, error))
    return NULL;
  if (beneficiary_id == NULL)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID, _("No beneficiary was given."));
      return NULL;
    }
  if (!load_person (self, beneficiary_id, &office_id, NULL, error) ||
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_WRITE, office_id, error))
    return NULL;
  return g_steal_pointer (&office_id);
}

/* DESIGN §6: a caseworker reads and writes the trafficking profiles of
 * their own cases, a supervisor reads them all; nobody else. */
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
      !load_person (self, beneficiary_id, &office_id, &owner_id, error) ||
      !hmr_store_require (actor, action, office_id, error))
    return FALSE;
  if (actor->role == HMR_ROLE_CASEWORKER && g_strcmp0 (owner_id, actor->user_id) != 0)
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

/* ---- migration episodes ------------------------------------------------- */

#define EPISODE_COLUMNS \
  "id, beneficiary_id, country, city, departure_date, return_date, months_abroad, " \
  "duration_group, sector, return_type, version"

static HmrMigrationEpisode *
row_to_episode (sqlite3_stmt *stmt)
{
  HmrMigrationEpisode *e = hmr_migration_episode_new ();

  e->id = TXT (0);
  e->beneficiary_id = TXT (1);
  e->country = TXT (2);
  e->city = TXT (3);
  e->departure_date = TXT (4);
  e->return_date = TXT (5);
  e->months_abroad = column_int_or (stmt, 6, -1);
  e->duration_group = TXT (7);
  e->sector = TXT (8);
  e->return_type = TXT (9);
  e->version = sqlite3_column_int64 (stmt, 10);
  return e;
}

static HmrMigrationEpisode *
load_episode (HmrStore    *self,
              const char  *id,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = hmr_store_prepare (self, "SELECT " EPISODE_COLUMNS " FROM migration_episode "
                            "WHERE id = ?1 AND deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                   _("This migration episode does not exist (any more)."));
      return NULL;
    }
  return row_to_episode (stmt);
}

static GPtrArray *
list_episodes (HmrStore    *self,
               const char  *beneficiary_id,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_migration_episode_free);
  int rc;

  stmt = hmr_store_prepare (self, "SELECT " EPISODE_COLUMNS " FROM migration_episode "
                            "WHERE beneficiary_id = ?1 AND deleted_at IS NULL "
                            "ORDER BY coalesce (return_date, departure_date) DESC, created_at DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, beneficiary_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, row_to_episode (stmt));
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

typedef struct
{
  HmrMigrationEpisode       *episode;
  const HmrMigrationEpisode *before;     /* NULL: a new one */
  const char                *office_id;
} EpisodeWrite;

static gboolean
save_episode_locked (HmrStore        *self,
                     const HmrActor  *actor,
                     HmrAuditRow     *audit,
                     gpointer         data,
                     GError         **error)
{
  EpisodeWrite *w = data;
  HmrMigrationEpisode *e = w->episode;
  const HmrMigrationEpisode *b = w->before;
  g_autoptr(HmrMigrationEpisode) none = hmr_migration_episode_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);

  if (b == NULL)
    stmt = hmr_store_prepare (self,
                              "INSERT INTO migration_episode (id, office_id, beneficiary_id, country, city, "
                              "departure_date, return_date, months_abroad, duration_group, sector, return_type, "
                              "created_at, created_by, updated_at, updated_by, version) "
                              "VALUES (?1, ?12, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?13, ?11, ?13, 1)",
                              error);
  else
    stmt = hmr_store_prepare (self,
                              "UPDATE migration_episode SET country = ?3, city = ?4, departure_date = ?5, "
                              "return_date = ?6, months_abroad = ?7, duration_group = ?8, sector = ?9, "
                              "return_type = ?10, updated_at = ?11, updated_by = ?13, version = version + 1 "
                              "WHERE id = ?1 AND beneficiary_id = ?2 AND version = ?14 AND deleted_at IS NULL",
                              error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, audit->entity_id);
  hmr_bind_text (stmt, 2, e->beneficiary_id);
  hmr_bind_text (stmt, 3, e->country);
  hmr_bind_text (stmt, 4, e->city);
  hmr_bind_text (stmt, 5, e->departure_date);
  hmr_bind_text (stmt, 6, e->return_date);
  bind_months (stmt, 7, e->months_abroad);
  hmr_bind_text (stmt, 8, e->duration_group);
  hmr_bind_text (stmt, 9, e->sector);
  hmr_bind_text (stmt, 10, e->return_type);
  hmr_bind_text (stmt, 11, now);
  hmr_bind_text (stmt, 12, w->office_id);
  hmr_bind_text (stmt, 13, actor->user_id);
  sqlite3_bind_int64 (stmt, 14, e->version);
  if (!step_done (self, stmt, error))
    return FALSE;
  if (b != NULL && changed_meanwhile (self, _("migration episode"), error))
    return FALSE;

  if (b == NULL)
    {
      b = none;
      hmr_changes_add (audit->changes, "beneficiary_id", NULL, e->beneficiary_id);
    }
  diff (audit->changes, "country", b->country, e->country);
  diff (audit->changes, "city", b->city, e->city);
  diff (audit->changes, "departure_date", b->departure_date, e->departure_date);
  diff (audit->changes, "return_date", b->return_date, e->return_date);
  diff_months (audit->changes, "months_abroad", b->months_abroad, e->months_abroad);
  diff (audit->changes, "duration_group", b->duration_group, e->duration_group);
  diff (audit->changes, "sector", b->sector, e->sector);
  diff (audit->changes, "return_type", b->return_type, e->return_type);
  if (w->before != NULL && hmr_changes_is_empty (audit->changes))
    audit->nothing_to_do = TRUE;
  return TRUE;
}

/**
 * hmr_store_save_migration_episode:
 * @episode: a new episode (no id) for its beneficiary_id, or one read
 *   from the store and changed (its version tells whether someone else
 *   changed it meanwhile)
 *
 * On success @episode holds what was saved: its id, codes, ISO dates,
 * the months and group worked out, its new version.
 */
gboolean
hmr_store_save_migration_episode (HmrStore             *self,
                                  const HmrActor       *actor,
                                  HmrMigrationEpisode  *episode,
                                  GError              **error)
{
  g_autoptr(HmrMigrationEpisode) e = NULL;
  g_autoptr(HmrMigrationEpisode) before = NULL;
  g_autofree char *office_id = NULL;
  g_autofree char *id = NULL;
  GDate today;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);
  g_return_val_if_fail (episode != NULL, FALSE);

  if (episode->id != NULL)
    {
      before = load_episode (self, episode->id, error);
      if (before == NULL)
        return FALSE;
      g_free (episode->beneficiary_id);
      episode->beneficiary_id = g_strdup (before->beneficiary_id);
    }
  office_id = require_write (self, actor, episode->beneficiary_id, error);
  if (office_id == NULL)
    return FALSE;

  e = hmr_migration_episode_copy (episode);
  hmr_store_get_today (self, &today);
  if (!hmr_migration_episode_check (e, &today, error))
    return FALSE;

  id = before ? g_strdup (before->id) : hmr_store_new_id ();
  if (!hmr_store_write (self, actor, before ? "update" : "create", "migration_episode", id,
                        save_episode_locked, &(EpisodeWrite) { e, before, office_id }, error))
    return FALSE;

  g_free (e->id);
  e->id = g_steal_pointer (&id);
  e->version = before ? e->version + 1 : 1;
  {
    /* Give the caller what was saved */
    HmrMigrationEpisode tmp = *episode;
    *episode = *e;
    *e = tmp;
  }
  return TRUE;
}

/**
 * hmr_store_archive_migration_episode:
 *
 * Takes an episode entered by mistake off the case file (it stays in the
 * database, archived, and in the audit trail).
 */
gboolean
hmr_store_archive_migration_episode (HmrStore     *self,
                                     const HmrActor *actor,
                                     const char   *episode_id,
                                     GError      **error)
{
  g_autoptr(HmrMigrationEpisode) before = NULL;
  g_autofree char *office_id = NULL;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  if (!hmr_store_check_actor (self, actor, error))
    return FALSE;
  before = load_episode (self, episode_id, error);
  if (before == NULL)
    return FALSE;
  office_id = require_write (self, actor, before->beneficiary_id, error);
  if (office_id == NULL)
    return FALSE;
  return hmr_store_write (self, actor, "archive", "migration_episode", episode_id, hmr_store_archive_locked,
                          "UPDATE migration_episode SET deleted_at = ?2, updated_at = ?2, updated_by = ?3, "
                          "version = version + 1 WHERE id = ?1 AND deleted_at IS NULL",
                          error);
}

GPtrArray *
hmr_store_list_migration_episodes (HmrStore        *self,
                                   const HmrActor  *actor,
                                   const char      *beneficiary_id,
                                   GError         **error)
{
  g_autofree char *office_id = NULL;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_READ, NULL, error) ||
      !load_person (self, beneficiary_id, &office_id, NULL, error) ||
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_READ, office_id, error))
    return NULL;
  return list_episodes (self, beneficiary_id, error);
}

/* ---- the re-entry ban --------------------------------------------------- */

#define BAN_COLUMNS \
  "id, beneficiary_id, has_ban, imposed_by, court_decision_number, court_decision_date, start_date, " \
  "duration_months, end_date, appeal_status, appeal_date, legal_referral_id, version"

static HmrReentryBan *
row_to_ban (sqlite3_stmt *stmt)
{
  HmrReentryBan *ban = hmr_reentry_ban_new ();

  ban->id = TXT (0);
  ban->beneficiary_id = TXT (1);
  ban->has_ban = TXT (2);
  ban->imposed_by = TXT (3);
  ban->court_decision_number = TXT (4);
  ban->court_decision_date = TXT (5);
  ban->start_date = TXT (6);
  ban->duration_months = column_int_or (stmt, 7, -1);
  ban->end_date = TXT (8);
  ban->appeal_status = TXT (9);
  ban->appeal_date = TXT (10);
  ban->legal_referral_id = TXT (11);
  ban->version = sqlite3_column_int64 (stmt, 12);
  return ban;
}

/* The person's ban, or NULL with no error when none is recorded */
static HmrReentryBan *
load_ban (HmrStore    *self,
          const char  *beneficiary_id,
          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = hmr_store_prepare (self, "SELECT " BAN_COLUMNS " FROM reentry_ban "
                            "WHERE beneficiary_id = ?1 AND deleted_at IS NULL "
                            "ORDER BY start_date DESC, created_at DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, beneficiary_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return row_to_ban (stmt);
  if (rc != SQLITE_DONE)
    hmr_store_set_sqlite_error (self, rc, error);
  return NULL;
}

/* A ban links to a legal-aid referral of the same person */
static gboolean
check_legal_referral (HmrStore    *self,
                      const char  *referral_id,
                      const char  *beneficiary_id,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (referral_id == NULL)
    return TRUE;
  stmt = hmr_store_prepare (self,
                            "SELECT 1 FROM referral WHERE id = ?1 AND beneficiary_id = ?2 "
                            "AND service_type = 'legal_aid' AND deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, referral_id);
  hmr_bind_text (stmt, 2, beneficiary_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Legal-aid referral: choose a referral of this person for legal aid on the re-entry ban."));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  HmrReentryBan       *ban;
  const HmrReentryBan *before;
  const char          *office_id;
} BanWrite;

static gboolean
save_ban_locked (HmrStore        *self,
                 const HmrActor  *actor,
                 HmrAuditRow     *audit,
                 gpointer         data,
                 GError         **error)
{
  BanWrite *w = data;
  HmrReentryBan *n = w->ban;
  const HmrReentryBan *b = w->before;
  g_autoptr(HmrReentryBan) none = hmr_reentry_ban_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);

  if (b == NULL)
    {
      /* One ban a person: a second window saving one meanwhile wins */
      g_autoptr(HmrReentryBan) other = load_ban (self, n->beneficiary_id, error);
      if (other != NULL)
        {
          changed_meanwhile (self, _("re-entry ban"), error);
          return FALSE;
        }
      if (error != NULL && *error != NULL)
        return FALSE;
      stmt = hmr_store_prepare (self,
                                "INSERT INTO reentry_ban (id, office_id, beneficiary_id, has_ban, imposed_by, "
                                "court_decision_number, court_decision_date, start_date, duration_months, "
                                "end_date, appeal_status, appeal_date, legal_referral_id, created_at, created_by, "
                                "updated_at, updated_by, version) VALUES (?1, ?14, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                                "?10, ?11, ?12, ?13, ?15, ?13, ?15, 1)",
                                error);
    }
  else
    stmt = hmr_store_prepare (self,
                              "UPDATE reentry_ban SET has_ban = ?3, imposed_by = ?4, court_decision_number = ?5, "
                              "court_decision_date = ?6, start_date = ?7, duration_months = ?8, end_date = ?9, "
                              "appeal_status = ?10, appeal_date = ?11, legal_referral_id = ?12, updated_at = ?13, "
                              "updated_by = ?15, version = version + 1 "
                              "WHERE id = ?1 AND beneficiary_id = ?2 AND version = ?16 AND deleted_at IS NULL",
                              error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, audit->entity_id);
  hmr_bind_text (stmt, 2, n->beneficiary_id);
  hmr_bind_text (stmt, 3, n->has_ban);
  hmr_bind_text (stmt, 4, n->imposed_by);
  hmr_bind_text (stmt, 5, n->court_decision_number);
  hmr_bind_text (stmt, 6, n->court_decision_date);
  hmr_bind_text (stmt, 7, n->start_date);
  bind_months (stmt, 8, n->duration_months);
  hmr_bind_text (stmt, 9, n->end_date);
  hmr_bind_text (stmt, 10, n->appeal_status);
  hmr_bind_text (stmt, 11, n->appeal_date);
  hmr_bind_text (stmt, 12, n->legal_referral_id);
  hmr_bind_text (stmt, 13, now);
  hmr_bind_text (stmt, 14, w->office_id);
  hmr_bind_text (stmt, 15, actor->user_id);
  sqlite3_bind_int64 (stmt, 16, n->version);
  if (!step_done (self, stmt, error))
    return FALSE;
  if (b != NULL && changed_meanwhile (self, _("re-entry ban"), error))
    return FALSE;

  if (b == NULL)
    {
      b = none;
      hmr_changes_add (audit->changes, "beneficiary_id", NULL, n->beneficiary_id);
    }
  diff (audit->changes, "has_ban", b->has_ban, n->has_ban);
  diff (audit->changes, "imposed_by", b->imposed_by, n->imposed_by);
  diff (audit->changes, "court_decision_number", b->court_decision_number, n->court_decision_number);
  diff (audit->changes, "court_decision_date", b->court_decision_date, n->court_decision_date);
  diff (audit->changes, "start_date", b->start_date, n->start_date);
  diff_months (audit->changes, "duration_months", b->duration_months, n->duration_months);
  diff (audit->changes, "end_date", b->end_date, n->end_date);
  diff (audit->changes, "appeal_status", w->before ? b->appeal_status : NULL, n->appeal_status);
  diff (audit->changes, "appeal_date", b->appeal_date, n->appeal_date);
  diff (audit->changes, "legal_referral_id", b->legal_referral_id, n->legal_referral_id);
  if (w->before != NULL && hmr_changes_is_empty (audit->changes))
    audit->nothing_to_do = TRUE;
  return TRUE;
}

/**
 * hmr_store_save_reentry_ban:
 * @ban: the person's ban (beneficiary_id set): new when it has no id,
 *   else as read from the store and changed
 *
 * Records whether the person has a ban and, if so, how it was imposed,
 * when it started and ends (the end worked out from the duration, or the
 * duration from the end), its appeal and the legal-aid referral about
 * it.  On success @ban holds what was saved.
 */
gboolean
hmr_store_save_reentry_ban (HmrStore       *self,
                            const HmrActor *actor,
                            HmrReentryBan  *ban,
                            GError        **error)
{
  g_autoptr(HmrReentryBan) n = NULL;
  g_autoptr(HmrReentryBan) before = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *office_id = NULL;
  g_autofree char *id = NULL;
  GDate today;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);
  g_return_val_if_fail (ban != NULL, FALSE);

  office_id = require_write (self, actor, ban->beneficiary_id, error);
  if (office_id == NULL)
    return FALSE;
  if (ban->id != NULL)
    {
      before = load_ban (self, ban->beneficiary_id, &local_error);
      if (before == NULL || g_strcmp0 (before->id, ban->id) != 0)
        {
          if (local_error != NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                         _("This re-entry ban does not exist (any more)."));
          return FALSE;
        }
    }

  n = hmr_reentry_ban_copy (ban);
  hmr_store_get_today (self, &today);
  if (!hmr_reentry_ban_check (n, &today, error) ||
      !check_legal_referral (self, n->legal_referral_id, n->beneficiary_id, error))
    return FALSE;

  id = before ? g_strdup (before->id) : hmr_store_new_id ();
  if (!hmr_store_write (self, actor, before ? "update" : "create", "reentry_ban", id,
                        save_ban_locked, &(BanWrite) { n, before, office_id }, error))
    return FALSE;

  g_free (n->id);
  n->id = g_steal_pointer (&id);
  n->version = before ? n->version + 1 : 1;
  {
    HmrReentryBan tmp = *ban;
    *ban = *n;
    *n = tmp;
  }
  return TRUE;
}

/**
 * hmr_store_get_reentry_ban:
 *
 * Returns: (transfer full) (nullable): the person's ban; %NULL without an
 *   error when none is recorded
 */
HmrReentryBan *
hmr_store_get_reentry_ban (HmrStore        *self,
                           const HmrActor  *actor,
                           const char      *beneficiary_id,
                           GError         **error)
{
  g_autofree char *office_id = NULL;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_READ, NULL, error) ||
      !load_person (self, beneficiary_id, &office_id, NULL, error) ||
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_READ, office_id, error))
    return NULL;
  return load_ban (self, beneficiary_id, error);
}

void
hmr_referral_choice_free (HmrReferralChoice *choice)
{
  if (choice == NULL)
    return;
  g_free (choice->id);
  g_free (choice->label);
  g_free (choice);
}

/**
 * hmr_store_list_legal_referrals:
 *
 * Returns: (transfer full) (element-type HmrReferralChoice): the person's
 *   referrals for legal aid, newest first, that a ban can be linked to
 */
GPtrArray *
hmr_store_list_legal_referrals (HmrStore        *self,
                                const HmrActor  *actor,
                                const char      *beneficiary_id,
                                GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = NULL;
  g_autofree char *office_id = NULL;
  int rc;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_REFERRAL_READ, NULL, error) ||
      !load_person (self, beneficiary_id, &office_id, NULL, error) ||
      !hmr_store_require (actor, HMR_ACTION_REFERRAL_READ, office_id, error))
    return NULL;

  stmt = hmr_store_prepare (self,
                            "SELECT r.id, p.name, r.status, coalesce (r.sent_on, substr (r.created_at, 1, 10)) "
                            "FROM referral r LEFT JOIN service_provider p ON p.id = r.provider_id "
                            "WHERE r.beneficiary_id = ?1 AND r.service_type = 'legal_aid' AND r.deleted_at IS NULL "
                            "ORDER BY r.created_at DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, beneficiary_id);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_referral_choice_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HmrReferralChoice *c = g_new0 (HmrReferralChoice, 1);
      const char *provider = (const char *) sqlite3_column_text (stmt, 1);
      const char *date = (const char *) sqlite3_column_text (stmt, 3);
      GDate d;
      g_autofree char *shown = date && hmr_parse_user_date (date, &d) ? hmr_format_date (&d) : g_strdup ("");

      c->id = TXT (0);
      /* Translators: a referral to choose: provider, status, date */
      c->label = g_strdup_printf (_("%s — %s, %s"),
                                  provider ? provider : _("No provider chosen"),
                                  hmr_code_get_label (HMR_CODES_REFERRAL_STATUS,
                                                      (const char *) sqlite3_column_text (stmt, 2)),
                                  shown);
      g_ptr_array_add (out, c);
    }
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
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
  t->duration_months = column_int_or (stmt, 9, -1);
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
  bind_months (stmt, 10, n->duration_months);
  hmr_bind_text (stmt, 11, now);
  hmr_bind_text (stmt, 12, w->office_id);
  hmr_bind_text (stmt, 13, actor->user_id);
  sqlite3_bind_int64 (stmt, 14, n->version);
  if (!step_done (self, stmt, error))
    return FALSE;
  if (b != NULL && changed_meanwhile (self, _("trafficking profile"), error))
    return FALSE;

  if (b == NULL)
    {
      b = none;
      hmr_changes_add (audit->changes, "beneficiary_id", NULL, n->beneficiary_id);
    }
  diff (audit->changes, "status", b->status, n->status);
  diff (audit->changes, "exploitation_type", b->exploitation_type, n->exploitation_type);
  diff (audit->changes, "identified_by", b->identified_by, n->identified_by);
  diff (audit->changes, "recognised_by", b->recognised_by, n->recognised_by);
  diff (audit->changes, "recognised_on", b->recognised_on, n->recognised_on);
  diff (audit->changes, "recognition_document", b->recognition_document, n->recognition_document);
  diff (audit->changes, "country", b->country, n->country);
  diff_months (audit->changes, "duration_months", b->duration_months, n->duration_months);
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

  diff (audit->changes, "vulnerability_flags", flags, w->flags);
  diff (audit->changes, "risk_level", risk, w->risk);
  diff (audit->changes, "risk_reason", reason, w->reason);
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
  if (!step_done (self, stmt, error))
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
  return step_done (self, stmt, error);
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

  office_id = require_write (self, actor, beneficiary_id, error);
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
      !load_person (self, beneficiary_id, &office_id, NULL, error) ||
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
  file->episodes = list_episodes (self, id, error);
  if (file->episodes == NULL)
    return FALSE;

  file->ban = load_ban (self, id, &local_error);
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
