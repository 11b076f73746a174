/* hmr-store-case-file.c — the whole case file of one person, its timeline,
 * and the duplicate check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-case-file.h"
#include "hmr-intake-private.h"
#include "hmr-labels.h"
#include "hmr-name-key.h"
#include "hmr-store-private.h"

static void
timeline_entry_free (HmrTimelineEntry *e)
{
  g_free (e->date);
  g_free (e->title);
  g_free (e->detail);
  g_free (e->entity);
  g_free (e->entity_id);
  g_free (e);
}

void
hmr_case_file_free (HmrCaseFile *file)
{
  if (file == NULL)
    return;
  g_clear_object (&file->beneficiary);
  g_free (file->case_id);
  g_free (file->case_status);
  g_free (file->case_stage);
  g_free (file->case_risk);
  g_free (file->case_owner);
  g_free (file->opened_on);
  g_free (file->closed_on);
  g_free (file->closure_reason);
  g_clear_pointer (&file->episodes, g_ptr_array_unref);
  hmr_reentry_ban_free (file->ban);
  hmr_trafficking_profile_free (file->trafficking);
  g_free (file->risk_reason);
  g_clear_pointer (&file->timeline, g_ptr_array_unref);
  g_clear_pointer (&file->duplicates, g_ptr_array_unref);
  g_free (file);
}

#define TXT(i) hmr_column_dup_text (stmt, (i))
#define STR(i) ((const char *) sqlite3_column_text (stmt, (i)))

static void
add_entry (GPtrArray       *timeline,
           const char      *date,
           HmrTimelineKind  kind,
           char            *title,
           char            *detail,
           const char      *entity,
           const char      *entity_id)
{
  HmrTimelineEntry *e = g_new0 (HmrTimelineEntry, 1);

  e->date = g_strdup (date ? date : "");
  e->kind = kind;
  e->title = title;
  e->detail = detail;
  e->entity = g_strdup (entity);
  e->entity_id = g_strdup (entity_id);
  g_ptr_array_add (timeline, e);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const HmrTimelineEntry *ea = *(HmrTimelineEntry **) a;
  const HmrTimelineEntry *eb = *(HmrTimelineEntry **) b;

  return g_strcmp0 (ea->date, eb->date);
}

static gboolean
collect_timeline (HmrStore        *self,
                  const HmrActor  *actor,
                  HmrCaseFile     *file,
                  GError         **error)
{
  const char *id = hmr_beneficiary_get (file->beneficiary, HMR_BENEFICIARY_ID);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* case history */
  stmt = hmr_store_prepare (self,
                            "SELECT h.at, h.from_state, h.to_state, h.comment, c.id FROM case_history h "
                            "JOIN case_file c ON c.id = h.case_id WHERE c.beneficiary_id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    add_entry (file->timeline, STR (0), HMR_TIMELINE_CASE,
               g_strdup_printf (_("Case moved to “%s”"), hmr_stage_get_label (STR (2))),
               TXT (3), "case", STR (4));
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* reassignments and transfers */
  stmt = hmr_store_prepare (self,
                            "SELECT a.at, a.kind, fo.district, tof.district, hmr_staff_name (tw.full_name, tw.full_name_cyrillic), a.comment, c.id "
                            "FROM case_assignment a JOIN case_file c ON c.id = a.case_id "
                            "LEFT JOIN office fo ON fo.id = a.from_office "
                            "LEFT JOIN office tof ON tof.id = a.to_office "
                            "LEFT JOIN app_user tw ON tw.id = a.to_owner WHERE c.beneficiary_id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      char *title;

      if (g_strcmp0 (STR (1), "transfer") == 0)
        /* Translators: the districts of the offices a case went from and to */
        title = g_strdup_printf (_("Case transferred from %s to %s"),
                                 hmr_district_get_label (STR (2)), hmr_district_get_label (STR (3)));
      else
        /* Translators: %s is the caseworker who takes the case over */
        title = g_strdup_printf (_("Case reassigned to %s"), STR (4) ? STR (4) : "—");
      add_entry (file->timeline, STR (0), HMR_TIMELINE_CASE, title, TXT (5), "case", STR (6));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* referrals */
  stmt = hmr_store_prepare (self,
                            "SELECT coalesce(r.sent_on, substr(r.created_at, 1, 10)), r.service_type, r.status, "
                            "p.name, r.id FROM referral r LEFT JOIN service_provider p ON p.id = r.provider_id "
                            "WHERE r.beneficiary_id = ?1 AND r.deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    add_entry (file->timeline, STR (0), HMR_TIMELINE_REFERRAL,
               g_strdup_printf (_("Referral: %s — %s"),
                                hmr_code_get_label (HMR_CODES_SERVICE_TYPE, STR (1)),
                                hmr_code_get_label (HMR_CODES_REFERRAL_STATUS, STR (2))),
               TXT (3), "referral", STR (4));
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* follow-ups: never their confidential notes here */
  stmt = hmr_store_prepare (self,
                            "SELECT coalesce(done_on, due_on), kind, status, who5_score, id FROM follow_up "
                            "WHERE beneficiary_id = ?1 AND deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    add_entry (file->timeline, STR (0), HMR_TIMELINE_FOLLOW_UP,
               g_strdup_printf ("%s — %s",
                                hmr_code_get_label (HMR_CODES_FOLLOW_UP_KIND, STR (1)),
                                hmr_code_get_label (HMR_CODES_FOLLOW_UP_STATUS, STR (2))),
               sqlite3_column_type (stmt, 3) == SQLITE_NULL ? NULL
                 : g_strdup_printf (_("Wellbeing (WHO-5): %d of 100"), sqlite3_column_int (stmt, 3)),
               "follow_up", STR (4));
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* grants and their tranches */
  stmt = hmr_store_prepare (self,
                            "SELECT substr(g.created_at, 1, 10), g.purpose, g.status, g.amount_requested, "
                            "g.amount_approved, g.currency, g.id FROM reintegration_grant g "
                            "JOIN grant_beneficiary gb ON gb.grant_id = g.id "
                            "WHERE gb.beneficiary_id = ?1 AND g.deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *requested = hmr_money_format (sqlite3_column_int64 (stmt, 3), STR (5), HMR_MONEY_LOCALE);
      g_autofree char *approved = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? NULL
        : hmr_money_format (sqlite3_column_int64 (stmt, 4), STR (5), HMR_MONEY_LOCALE);

      add_entry (file->timeline, STR (0), HMR_TIMELINE_GRANT,
                 g_strdup_printf (_("Grant: %s — %s"), STR (1),
                                  hmr_code_get_label (HMR_CODES_GRANT_STATUS, STR (2))),
                 approved ? g_strdup_printf (_("Requested %s, approved %s"), requested, approved)
                          : g_strdup_printf (_("Requested %s"), requested),
                 "grant", STR (6));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = hmr_store_prepare (self,
                            "SELECT d.paid_on, d.tranche, d.amount, d.currency, g.purpose, d.id "
                            "FROM disbursement d JOIN reintegration_grant g ON g.id = d.grant_id "
                            "JOIN grant_beneficiary gb ON gb.grant_id = g.id "
                            "WHERE gb.beneficiary_id = ?1 AND d.deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *amount = hmr_money_format (sqlite3_column_int64 (stmt, 2), STR (3), HMR_MONEY_LOCALE);
      add_entry (file->timeline, STR (0), HMR_TIMELINE_DISBURSEMENT,
                 g_strdup_printf (_("Grant tranche %d paid: %s"), sqlite3_column_int (stmt, 1), amount),
                 TXT (4), "disbursement", STR (5));
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* handovers */
  stmt = hmr_store_prepare (self,
                            "SELECT h.handed_on, h.place, h.status, "
                            "(SELECT group_concat(name, ', ') FROM handover_item WHERE handover_id = h.id), h.id "
                            "FROM handover h WHERE h.beneficiary_id = ?1 AND h.deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    add_entry (file->timeline, STR (0), HMR_TIMELINE_HANDOVER,
               g_strdup_printf (_("Equipment handed over in %s — %s"), STR (1),
                                hmr_code_get_label (HMR_CODES_HANDOVER_STATUS, STR (2))),
               TXT (3), "handover", STR (4));
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* group sessions */
  stmt = hmr_store_prepare (self,
                            "SELECT s.held_on, s.module, s.district, s.id FROM attendance a "
                            "JOIN group_session s ON s.id = a.session_id "
                            "WHERE a.beneficiary_id = ?1 AND s.deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    add_entry (file->timeline, STR (0), HMR_TIMELINE_SESSION,
               g_strdup_printf (_("Group session: %s"), STR (1)),
               g_strdup (hmr_district_get_label (STR (2))), "group_session", STR (3));
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* survey */
  stmt = hmr_store_prepare (self,
                            "SELECT r.answered_on, s.name, r.id FROM survey_response r "
                            "JOIN survey_round s ON s.id = r.round_id WHERE r.beneficiary_id = ?1 "
                            "AND r.deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    add_entry (file->timeline, STR (0), HMR_TIMELINE_SURVEY,
               g_strdup_printf (_("Answered the survey “%s”"), STR (1)), NULL,
               "survey_response", STR (2));
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* registration and changes of the record itself */
  add_entry (file->timeline,
             hmr_beneficiary_get (file->beneficiary, HMR_BENEFICIARY_CREATED_AT),
             HMR_TIMELINE_CHANGE, g_strdup (_("Registered")), NULL, "beneficiary", id);
  if (hmr_permission_allows (actor, HMR_ACTION_AUDIT_READ, NULL))
    {
      stmt = hmr_store_prepare (self,
                                "SELECT at, action, username FROM audit_log WHERE entity = 'beneficiary' "
                                "AND entity_id = ?1 AND action IN ('update', 'archive', 'mark-duplicate')",
                                error);
      if (stmt == NULL)
        return FALSE;
      hmr_bind_text (stmt, 1, id);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        add_entry (file->timeline, STR (0), HMR_TIMELINE_CHANGE,
                   g_strcmp0 (STR (1), "archive") == 0 ? g_strdup (_("Archived"))
                   : g_strcmp0 (STR (1), "update") == 0 ? g_strdup (_("Details changed"))
                   : g_strdup (_("Marked as a duplicate")),
                   g_strdup_printf (_("by %s"), STR (2)), "beneficiary", id);
      g_clear_pointer (&stmt, sqlite3_finalize);
    }

  g_ptr_array_sort (file->timeline, compare_entries);
  return TRUE;
}

/**
 * hmr_store_get_case_file:
 *
 * Everything the actor may see about one beneficiary.  Opening a
 * trafficking profile is written to the audit log.
 */
HmrCaseFile *
hmr_store_get_case_file (HmrStore        *self,
                         const HmrActor  *actor,
                         const char      *beneficiary_id,
                         GError         **error)
{
  g_autoptr(HmrCaseFile) file = g_new0 (HmrCaseFile, 1);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *office;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  file->beneficiary = hmr_store_get_beneficiary (self, actor, beneficiary_id, error);
  if (file->beneficiary == NULL)
    return NULL;
  office = hmr_beneficiary_get (file->beneficiary, HMR_BENEFICIARY_OFFICE_ID);
  file->episodes = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_migration_episode_free);
  file->timeline = g_ptr_array_new_with_free_func ((GDestroyNotify) timeline_entry_free);
  file->duplicates = g_ptr_array_new_with_free_func (g_object_unref);

  /* A reader of identity only gets the identity */
  if (!hmr_permission_allows (actor, HMR_ACTION_BENEFICIARY_READ, office))
    return g_steal_pointer (&file);

  stmt = hmr_store_prepare (self,
                            "SELECT c.id, c.status, c.stage, c.risk_level, hmr_staff_name (u.full_name, u.full_name_cyrillic), c.opened_on, "
                            "c.closed_on, c.closure_reason FROM case_file c "
                            "LEFT JOIN app_user u ON u.id = c.owner_id "
                            "WHERE c.beneficiary_id = ?1 AND c.deleted_at IS NULL "
                            "ORDER BY c.opened_on DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, beneficiary_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      file->case_id = TXT (0);
      file->case_status = TXT (1);
      file->case_stage = TXT (2);
      file->case_risk = TXT (3);
      file->case_owner = TXT (4);
      file->opened_on = TXT (5);
      file->closed_on = TXT (6);
      file->closure_reason = TXT (7);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!hmr_store_load_intake (self, actor, file, error))
    return NULL;

  stmt = hmr_store_prepare (self, "SELECT id FROM beneficiary WHERE duplicate_of = ?1", error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, beneficiary_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      HmrBeneficiary *d = hmr_store_get_beneficiary (self, actor, STR (0), NULL);
      if (d != NULL)
        g_ptr_array_add (file->duplicates, d);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!collect_timeline (self, actor, file, error))
    return NULL;

  return g_steal_pointer (&file);
}

/**
 * hmr_reentry_ban_days_left:
 *
 * Returns: the days until the ban ends (0 when it ended), or -1 when the
 *   end date is not known
 */
int
hmr_reentry_ban_days_left (const HmrReentryBan *ban,
                           GDate               *today)
{
  GDate end;

  if (ban == NULL || ban->end_date == NULL || !hmr_parse_user_date (ban->end_date, &end))
    return -1;
  return MAX (0, g_date_days_between (today, &end));
}

/* ---- duplicates --------------------------------------------------------- */

static int
birth_year (HmrBeneficiary *b)
{
  const char *date = hmr_beneficiary_get (b, HMR_BENEFICIARY_BIRTH_DATE);
  GDate d;

  if (date != NULL && hmr_parse_user_date (date, &d))
    return g_date_get_year (&d);
  return (int) hmr_beneficiary_get_int (b, HMR_BENEFICIARY_BIRTH_YEAR_ESTIMATED, 0);
}

/**
 * hmr_store_find_duplicates:
 *
 * Likely earlier registrations of the person in @candidate: the same name
 * in any spelling, born within a year, and in the same district or with
 * the same phone.  Only records the actor may read are considered.
 *
 * Returns: (transfer full) (element-type HmrBeneficiary): the candidates
 */
GPtrArray *
hmr_store_find_duplicates (HmrStore        *self,
                           const HmrActor  *actor,
                           HmrBeneficiary  *candidate,
                           GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = NULL;
  g_autofree char *key = NULL;
  g_autofree char *key_latin = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *names = NULL;
  g_autofree char *variant = NULL;
  g_autofree char *variant_latin = NULL;
  g_autofree char *names_latin = NULL;
  const char *scope = NULL;
  int year = birth_year (candidate);
  int rc;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_READ, NULL, error))
    return NULL;
  if (hmr_permission_is_office_scoped (actor->role, HMR_ACTION_BENEFICIARY_READ))
    scope = actor->office_id ? actor->office_id : "";

  names = g_strdup_printf ("%s %s", hmr_beneficiary_get (candidate, HMR_BENEFICIARY_FAMILY_NAME) ?: "",
                           hmr_beneficiary_get (candidate, HMR_BENEFICIARY_GIVEN_NAME) ?: "");
  names_latin = g_strdup_printf ("%s %s",
                                 hmr_beneficiary_get (candidate, HMR_BENEFICIARY_FAMILY_NAME_LATIN) ?: "",
                                 hmr_beneficiary_get (candidate, HMR_BENEFICIARY_GIVEN_NAME_LATIN) ?: "");
  key = hmr_name_key (names);
  key_latin = hmr_name_key (names_latin);
  variant = hmr_name_key_variants (key);
  variant_latin = hmr_name_key_variants (key_latin);
  phone = hmr_normalize_phone (hmr_beneficiary_get (candidate, HMR_BENEFICIARY_PHONE));

  stmt = hmr_store_prepare (self,
                            "SELECT id FROM beneficiary b WHERE b.deleted_at IS NULL "
                            "AND (b.name_key = ?1 OR b.name_key = ?2 "
                            "  OR hmr_name_key (b.family_name_latin || ' ' || b.given_name_latin) = ?1 "
                            "  OR b.name_variant_key = ?8 OR b.name_variant_key = ?9) "
                            "AND (?3 = 0 OR abs (coalesce (CAST (substr (b.birth_date, 1, 4) AS INTEGER), "
                            "  b.birth_year_estimated) - ?3) <= 1) "
                            "AND (b.district = ?4 OR (?5 IS NOT NULL AND (b.phone = ?5 OR b.phone_alt = ?5))) "
                            "AND (?6 IS NULL OR b.office_id = ?6) "
                            "AND (?7 IS NULL OR b.id <> ?7) "
                            "ORDER BY b.created_at LIMIT 20",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, key);
  hmr_bind_text (stmt, 2, key_latin[0] ? key_latin : key);
  sqlite3_bind_int (stmt, 3, year);
  hmr_bind_text (stmt, 4, hmr_beneficiary_get (candidate, HMR_BENEFICIARY_DISTRICT));
  hmr_bind_text (stmt, 5, phone);
  hmr_bind_text (stmt, 6, scope);
  hmr_bind_text (stmt, 7, hmr_beneficiary_get (candidate, HMR_BENEFICIARY_ID));
  /* typed on a Russian keyboard or in Russified spelling (Чураев for
   * Ҷӯраев): the variant keys */
  hmr_bind_text (stmt, 8, variant);
  hmr_bind_text (stmt, 9, variant_latin[0] ? variant_latin : variant);

  out = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HmrBeneficiary *b = hmr_store_get_beneficiary (self, actor, STR (0), NULL);
      if (b != NULL)
        g_ptr_array_add (out, b);
    }
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

static gboolean
note_duplicate_override (HmrStore        *self,
                         const HmrActor  *actor,
                         HmrAuditRow     *audit,
                         gpointer         data,
                         GError         **error)
{
  GPtrArray *candidates = data;
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; candidates && i < candidates->len; i++)
    {
      if (ids->len > 0)
        g_string_append_c (ids, ',');
      g_string_append (ids, hmr_beneficiary_get (g_ptr_array_index (candidates, i),
                                                 HMR_BENEFICIARY_CASE_NUMBER));
    }
  hmr_changes_add (audit->changes, "possible_duplicates", NULL, ids->str);
  return TRUE;
}

/**
 * hmr_store_record_duplicate_override:
 *
 * Writes to the audit log that @actor registered @new_id although
 * @candidates looked like the same person.
 */
gboolean
hmr_store_record_duplicate_override (HmrStore        *self,
                                     const HmrActor  *actor,
                                     const char      *new_id,
                                     GPtrArray       *candidates,
                                     GError         **error)
{
  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_WRITE, NULL, error))
    return FALSE;
  return hmr_store_write (self, actor, "duplicate-override", "beneficiary", new_id,
                          note_duplicate_override, candidates, error);
}

static gboolean
mark_duplicate_locked (HmrStore        *self,
                       const HmrActor  *actor,
                       HmrAuditRow     *audit,
                       gpointer         original_id,
                       GError         **error)
{
  const char *duplicate_id = audit->entity_id;
  g_autoptr(HmrBeneficiary) dup = NULL;
  g_autoptr(HmrBeneficiary) orig = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = NULL;

  dup = hmr_store_get_beneficiary (self, actor, duplicate_id, error);
  if (dup == NULL)
    return FALSE;
  orig = hmr_store_get_beneficiary (self, actor, original_id, error);
  if (orig == NULL)
    return FALSE;
  if (!hmr_store_require (actor, HMR_ACTION_BENEFICIARY_WRITE,
                          hmr_beneficiary_get (dup, HMR_BENEFICIARY_OFFICE_ID), error))
    return FALSE;

  now = hmr_store_dup_timestamp (self);
  stmt = hmr_store_prepare (self,
                            "UPDATE beneficiary SET duplicate_of = ?1, updated_at = ?2, updated_by = ?3, "
                            "version = version + 1 WHERE id = ?4",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, original_id);
  hmr_bind_text (stmt, 2, now);
  hmr_bind_text (stmt, 3, actor->user_id);
  hmr_bind_text (stmt, 4, duplicate_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, sqlite3_errcode (self->db), error);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = hmr_store_prepare (self,
                            "UPDATE case_file SET status = 'duplicate', updated_at = ?1, updated_by = ?2, "
                            "version = version + 1 WHERE beneficiary_id = ?3 AND deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, now);
  hmr_bind_text (stmt, 2, actor->user_id);
  hmr_bind_text (stmt, 3, duplicate_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, sqlite3_errcode (self->db), error);

  hmr_changes_add (audit->changes, "duplicate_of", hmr_beneficiary_get (dup, HMR_BENEFICIARY_DUPLICATE_OF),
                   original_id);
  return TRUE;
}

/**
 * hmr_store_mark_duplicate:
 *
 * Marks @duplicate_id as a second registration of @original_id: its case
 * file gets the status duplicate, and each record points to the other
 * (duplicate_of one way, the original's case file lists its duplicates).
 */
gboolean
hmr_store_mark_duplicate (HmrStore        *self,
                          const HmrActor  *actor,
                          const char      *duplicate_id,
                          const char      *original_id,
                          GError         **error)
{
  if (!hmr_store_check_actor (self, actor, error))
    return FALSE;
  if (g_strcmp0 (duplicate_id, original_id) == 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("A record cannot be a duplicate of itself."));
      return FALSE;
    }
  return hmr_store_write (self, actor, "mark-duplicate", "beneficiary", duplicate_id,
                          mark_duplicate_locked, (gpointer) original_id, error);
}
