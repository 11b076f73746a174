/* hmr-store-session.c — planning, reading and counting group sessions;
 * attendance is in hmr-store-attendance.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-session-private.h"

char *
hmr_session_dup_iso_date (const char *text)
{
  GDate d;
  char buf[16];

  g_date_clear (&d, 1);
  if (text == NULL || !hmr_parse_user_date (text, &d))
    return NULL;
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &d);
  return g_strdup (buf);
}

gboolean
hmr_session_is_blank (const char *text)
{
  for (const char *s = text; s && *s; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return FALSE;
  return TRUE;
}

gboolean
hmr_session_step_done (HmrStore      *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

static const char *
blank_to_null (const char *text)
{
  return hmr_session_is_blank (text) ? NULL : text;
}

char *
hmr_session_dup_office (HmrStore        *self,
                        const HmrActor  *actor,
                        const char      *session_id,
                        HmrAction        action,
                        GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *office_id = NULL;

  stmt = hmr_store_prepare (self,
                            "SELECT office_id FROM group_session WHERE id = ?1 AND deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, session_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                   _("The group session was not found; it may have been archived."));
      return NULL;
    }
  office_id = hmr_column_dup_text (stmt, 0);
  if (!hmr_store_require (actor, action, office_id, error))
    return NULL;
  return g_steal_pointer (&office_id);
}

/* ---- planning ------------------------------------------------------------ */

typedef struct
{
  const HmrSessionPlan *plan;
  char                 *held_on;
  char                 *office_id;
  int                   capacity;
} Checked;

static void
checked_clear (Checked *c)
{
  g_clear_pointer (&c->held_on, g_free);
  g_clear_pointer (&c->office_id, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Checked, checked_clear)

static gboolean
check_plan (HmrStore              *self,
            const HmrActor        *actor,
            const HmrSessionPlan  *plan,
            Checked               *c,
            GError               **error)
{
  c->plan = plan;
  if (hmr_session_is_blank (plan->district))
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("District: say where the session is held."));
      return FALSE;
    }
  c->held_on = hmr_session_dup_iso_date (plan->held_on);
  if (c->held_on == NULL)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Date: “%s” is not a date."), plan->held_on ? plan->held_on : "");
      return FALSE;
    }
  if (hmr_session_is_blank (plan->module))
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Module or topic: say what the session is about."));
      return FALSE;
    }
  c->capacity = plan->capacity == 0 ? HMR_SESSION_MAX_CAPACITY : plan->capacity;
  if (c->capacity < 1 || c->capacity > HMR_SESSION_MAX_CAPACITY)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Capacity: a group session takes from 1 to %d people, not %d."),
                   HMR_SESSION_MAX_CAPACITY, plan->capacity);
      return FALSE;
    }
  c->office_id = hmr_store_dup_office_for_district (self, plan->district, error);
  if (c->office_id == NULL)
    return FALSE;
  return hmr_store_require (actor, HMR_ACTION_SESSION_WRITE, c->office_id, error);
}

static gboolean
plan_locked (HmrStore        *self,
             const HmrActor  *actor,
             HmrAuditRow     *audit,
             gpointer         data,
             GError         **error)
{
  Checked *c = data;
  const HmrSessionPlan *p = c->plan;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);
  const char *facilitator = p->facilitator_name ? blank_to_null (p->facilitator_name) : actor->full_name;

  stmt = hmr_store_prepare (self,
                            "INSERT INTO group_session (id, office_id, district, held_on, facilitator_id, "
                            "module, capacity, jamoat, venue, facilitator_name, partner, "
                            "created_at, created_by, updated_at, updated_by) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?12, ?13)",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, audit->entity_id);
  hmr_bind_text (stmt, 2, c->office_id);
  hmr_bind_text (stmt, 3, p->district);
  hmr_bind_text (stmt, 4, c->held_on);
  hmr_bind_text (stmt, 5, p->facilitator_name ? NULL : actor->user_id);
  hmr_bind_text (stmt, 6, p->module);
  sqlite3_bind_int (stmt, 7, c->capacity);
  hmr_bind_text (stmt, 8, blank_to_null (p->jamoat));
  hmr_bind_text (stmt, 9, blank_to_null (p->venue));
  hmr_bind_text (stmt, 10, facilitator);
  hmr_bind_text (stmt, 11, blank_to_null (p->partner));
  hmr_bind_text (stmt, 12, now);
  hmr_bind_text (stmt, 13, actor->user_id);
  if (!hmr_session_step_done (self, stmt, error))
    return FALSE;

  hmr_changes_add (audit->changes, "district", NULL, p->district);
  hmr_changes_add (audit->changes, "held_on", NULL, c->held_on);
  hmr_changes_add (audit->changes, "module", NULL, p->module);
  hmr_changes_add (audit->changes, "jamoat", NULL, blank_to_null (p->jamoat));
  hmr_changes_add (audit->changes, "venue", NULL, blank_to_null (p->venue));
  hmr_changes_add (audit->changes, "facilitator_name", NULL, facilitator);
  hmr_changes_add (audit->changes, "partner", NULL, blank_to_null (p->partner));
  {
    g_autofree char *cap = g_strdup_printf ("%d", c->capacity);
    hmr_changes_add (audit->changes, "capacity", NULL, cap);
  }
  return TRUE;
}

/**
 * hmr_store_plan_session:
 *
 * Plans a group session in the office of its district.
 *
 * Returns: (transfer full): the new session's id
 */
char *
hmr_store_plan_session (HmrStore              *self,
                        const HmrActor        *actor,
                        const HmrSessionPlan  *plan,
                        GError               **error)
{
  g_auto(Checked) c = { 0 };
  g_autofree char *id = hmr_store_new_id ();

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);
  g_return_val_if_fail (plan != NULL, NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_SESSION_WRITE, NULL, error) ||
      !check_plan (self, actor, plan, &c, error))
    return NULL;
  if (!hmr_store_write (self, actor, "create", "group_session", id, plan_locked, &c, error))
    return NULL;
  return g_steal_pointer (&id);
}

static void
change_text (HmrChanges  *changes,
             const char  *field,
             const char  *before,
             const char  *after)
{
  if (g_strcmp0 (before, after) != 0)
    hmr_changes_add (changes, field, before, after);
}

static gboolean
update_locked (HmrStore        *self,
               const HmrActor  *actor,
               HmrAuditRow     *audit,
               gpointer         data,
               GError         **error)
{
  Checked *c = data;
  const HmrSessionPlan *p = c->plan;
  g_autoptr(HmrSession) old = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);
  g_autofree char *office = NULL;
  const char *facilitator;

  office = hmr_session_dup_office (self, actor, audit->entity_id, HMR_ACTION_SESSION_WRITE, error);
  if (office == NULL)
    return FALSE;
  old = hmr_store_get_session (self, actor, audit->entity_id, error);
  if (old == NULL)
    return FALSE;
  if (old->n_attended > (guint) c->capacity)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Capacity: %u person already attended; the capacity cannot be less.",
                                "Capacity: %u people already attended; the capacity cannot be less.",
                                old->n_attended),
                   old->n_attended);
      return FALSE;
    }
  facilitator = p->facilitator_name ? blank_to_null (p->facilitator_name) : old->facilitator_name;

  stmt = hmr_store_prepare (self,
                            "UPDATE group_session SET office_id = ?2, district = ?3, held_on = ?4, module = ?5, "
                            "capacity = ?6, jamoat = ?7, venue = ?8, facilitator_name = ?9, partner = ?10, "
                            "updated_at = ?11, updated_by = ?12, version = version + 1 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, audit->entity_id);
  hmr_bind_text (stmt, 2, c->office_id);
  hmr_bind_text (stmt, 3, p->district);
  hmr_bind_text (stmt, 4, c->held_on);
  hmr_bind_text (stmt, 5, p->module);
  sqlite3_bind_int (stmt, 6, c->capacity);
  hmr_bind_text (stmt, 7, blank_to_null (p->jamoat));
  hmr_bind_text (stmt, 8, blank_to_null (p->venue));
  hmr_bind_text (stmt, 9, facilitator);
  hmr_bind_text (stmt, 10, blank_to_null (p->partner));
  hmr_bind_text (stmt, 11, now);
  hmr_bind_text (stmt, 12, actor->user_id);
  if (!hmr_session_step_done (self, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);
  /* attendance follows its session to another office */
  stmt = hmr_store_prepare (self, "UPDATE attendance SET office_id = ?2 WHERE session_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, audit->entity_id);
  hmr_bind_text (stmt, 2, c->office_id);
  if (!hmr_session_step_done (self, stmt, error))
    return FALSE;

  change_text (audit->changes, "district", old->district, p->district);
  change_text (audit->changes, "held_on", old->held_on, c->held_on);
  change_text (audit->changes, "module", old->module, p->module);
  change_text (audit->changes, "jamoat", old->jamoat, blank_to_null (p->jamoat));
  change_text (audit->changes, "venue", old->venue, blank_to_null (p->venue));
  change_text (audit->changes, "facilitator_name", old->facilitator_name, facilitator);
  change_text (audit->changes, "partner", old->partner, blank_to_null (p->partner));
  if (old->capacity != c->capacity)
    {
      g_autofree char *before = g_strdup_printf ("%d", old->capacity);
      g_autofree char *after = g_strdup_printf ("%d", c->capacity);
      hmr_changes_add (audit->changes, "capacity", before, after);
    }
  if (hmr_changes_is_empty (audit->changes))
    audit->nothing_to_do = TRUE;
  return TRUE;
}

gboolean
hmr_store_update_session (HmrStore              *self,
                          const HmrActor        *actor,
                          const char            *session_id,
                          const HmrSessionPlan  *plan,
                          GError               **error)
{
  g_auto(Checked) c = { 0 };

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_SESSION_WRITE, NULL, error) ||
      !check_plan (self, actor, plan, &c, error))
    return FALSE;
  return hmr_store_write (self, actor, "update", "group_session", session_id, update_locked, &c, error);
}

static gboolean
archive_locked (HmrStore        *self,
                const HmrActor  *actor,
                HmrAuditRow     *audit,
                gpointer         data,
                GError         **error)
{
  g_autofree char *office = NULL;

  office = hmr_session_dup_office (self, actor, audit->entity_id, HMR_ACTION_SESSION_WRITE, error);
  if (office == NULL)
    return FALSE;
  return hmr_store_archive_locked (self, actor, audit,
                                   "UPDATE group_session SET deleted_at = ?2, updated_at = ?2, updated_by = ?3, "
                                   "version = version + 1 WHERE id = ?1",
                                   error);
}

gboolean
hmr_store_archive_session (HmrStore        *self,
                           const HmrActor  *actor,
                           const char      *session_id,
                           GError         **error)
{
  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_SESSION_WRITE, NULL, error))
    return FALSE;
  return hmr_store_write (self, actor, "archive", "group_session", session_id, archive_locked, NULL, error);
}

/* ---- reading ------------------------------------------------------------- */

#define SESSION_SELECT \
  "SELECT s.id, s.office_id, s.district, s.held_on, s.jamoat, s.venue, s.module, s.facilitator_id, " \
  "s.facilitator_name, s.partner, s.capacity, s.version, count (a.id), " \
  "coalesce (sum (" HMR_SQL_ATTENDEE_SEX " = 'female'), 0), " \
  "coalesce (sum (" HMR_SQL_ATTENDEE_SEX " = 'male'), 0), " \
  "coalesce (sum (a.id IS NOT NULL AND a.beneficiary_id IS NULL), 0) " \
  "FROM group_session s " \
  "LEFT JOIN attendance a ON a.session_id = s.id AND a.deleted_at IS NULL " \
  "LEFT JOIN beneficiary b ON b.id = a.beneficiary_id "

/* ?1 office scope, ?2 district, ?3 month, ?4 module, ?5 from, ?6 to */
#define SESSION_FILTER \
  "WHERE s.deleted_at IS NULL AND (?1 IS NULL OR s.office_id = ?1) AND (?2 IS NULL OR s.district = ?2) " \
  "AND (?3 IS NULL OR substr (s.held_on, 1, 7) = ?3) AND (?4 IS NULL OR s.module = ?4) " \
  "AND (?5 IS NULL OR s.held_on >= ?5) AND (?6 IS NULL OR s.held_on <= ?6) "

static HmrSession *
row_to_session (sqlite3_stmt *stmt)
{
  HmrSession *s = g_new0 (HmrSession, 1);

  s->id = hmr_column_dup_text (stmt, 0);
  s->office_id = hmr_column_dup_text (stmt, 1);
  s->district = hmr_column_dup_text (stmt, 2);
  s->held_on = hmr_column_dup_text (stmt, 3);
  s->jamoat = hmr_column_dup_text (stmt, 4);
  s->venue = hmr_column_dup_text (stmt, 5);
  s->module = hmr_column_dup_text (stmt, 6);
  s->facilitator_id = hmr_column_dup_text (stmt, 7);
  s->facilitator_name = hmr_column_dup_text (stmt, 8);
  s->partner = hmr_column_dup_text (stmt, 9);
  s->capacity = sqlite3_column_int (stmt, 10);
  s->version = sqlite3_column_int64 (stmt, 11);
  s->n_attended = sqlite3_column_int (stmt, 12);
  s->n_female = sqlite3_column_int (stmt, 13);
  s->n_male = sqlite3_column_int (stmt, 14);
  s->n_walk_ins = sqlite3_column_int (stmt, 15);
  return s;
}

HmrSession *
hmr_store_get_session (HmrStore        *self,
                       const HmrActor  *actor,
                       const char      *session_id,
                       GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(HmrSession) s = NULL;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error))
    return NULL;
  stmt = hmr_store_prepare (self, SESSION_SELECT "WHERE s.id = ?1 AND s.deleted_at IS NULL GROUP BY s.id", error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, session_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                   _("The group session was not found; it may have been archived."));
      return NULL;
    }
  s = row_to_session (stmt);
  if (!hmr_store_require (actor, HMR_ACTION_SESSION_READ, s->office_id, error))
    return NULL;
  return g_steal_pointer (&s);
}

/* Binds a query's filters, in the actor's scope */
static gboolean
bind_query (sqlite3_stmt          *stmt,
            const HmrActor        *actor,
            const HmrSessionQuery *q)
{
  const char *scope = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (hmr_permission_is_office_scoped (actor->role, HMR_ACTION_SESSION_READ))
    scope = actor->office_id ? actor->office_id : "";
  from = q && q->from ? hmr_session_dup_iso_date (q->from) : NULL;
  to = q && q->to ? hmr_session_dup_iso_date (q->to) : NULL;
  hmr_bind_text (stmt, 1, scope);
  hmr_bind_text (stmt, 2, q ? blank_to_null (q->district) : NULL);
  hmr_bind_text (stmt, 3, q ? blank_to_null (q->month) : NULL);
  hmr_bind_text (stmt, 4, q ? blank_to_null (q->module) : NULL);
  hmr_bind_text (stmt, 5, from);
  hmr_bind_text (stmt, 6, to);
  return TRUE;
}

/**
 * hmr_store_list_sessions:
 * @query: (nullable): filters; %NULL lists every session the actor may see
 *
 * Returns: (transfer full) (element-type HmrSession): the sessions, newest
 *   first, with their counts of people
 */
GPtrArray *
hmr_store_list_sessions (HmrStore               *self,
                         const HmrActor         *actor,
                         const HmrSessionQuery  *query,
                         GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = NULL;
  int rc;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_SESSION_READ, NULL, error))
    return NULL;
  stmt = hmr_store_prepare (self,
                            SESSION_SELECT SESSION_FILTER
                            "GROUP BY s.id ORDER BY s.held_on DESC, s.rowid DESC LIMIT ?7",
                            error);
  if (stmt == NULL)
    return NULL;
  bind_query (stmt, actor, query);
  sqlite3_bind_int64 (stmt, 7, query && query->limit ? (gint64) query->limit : -1);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_session_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, row_to_session (stmt));
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

/**
 * hmr_store_count_sessions:
 *
 * Counts the sessions @query matches and the people who attended them, by
 * sex and age group (at the session's date).
 */
gboolean
hmr_store_count_sessions (HmrStore               *self,
                          const HmrActor         *actor,
                          const HmrSessionQuery  *query,
                          HmrSessionCounts       *counts,
                          GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, sizeof *counts);
  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_SESSION_READ, NULL, error))
    return FALSE;

  stmt = hmr_store_prepare (self, "SELECT count (*) FROM group_session s " SESSION_FILTER, error);
  if (stmt == NULL)
    return FALSE;
  bind_query (stmt, actor, query);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return hmr_store_set_sqlite_error (self, rc, error);
  counts->n_sessions = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = hmr_store_prepare (self,
                            "SELECT " HMR_SQL_ATTENDEE_SEX ", " HMR_SQL_ATTENDEE_AGE_GROUP ", "
                            "a.beneficiary_id IS NULL, count (*) "
                            "FROM group_session s JOIN attendance a ON a.session_id = s.id AND a.deleted_at IS NULL "
                            "LEFT JOIN beneficiary b ON b.id = a.beneficiary_id "
                            SESSION_FILTER "GROUP BY 1, 2, 3",
                            error);
  if (stmt == NULL)
    return FALSE;
  bind_query (stmt, actor, query);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *sex = (const char *) sqlite3_column_text (stmt, 0);
      HmrAgeGroup group;
      guint n = sqlite3_column_int (stmt, 3);

      counts->n_people += n;
      if (g_strcmp0 (sex, "female") == 0)
        counts->n_female += n;
      else if (g_strcmp0 (sex, "male") == 0)
        counts->n_male += n;
      if (hmr_age_group_from_string ((const char *) sqlite3_column_text (stmt, 1), &group))
        counts->by_age[group] += n;
      else
        counts->n_age_unknown += n;
      if (sqlite3_column_int (stmt, 2))
        counts->n_walk_ins += n;
    }
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

/**
 * hmr_store_list_session_modules:
 *
 * Returns: (transfer full): the modules or topics of the sessions the actor
 *   may see, in alphabetical order, for the Sessions area's filter
 */
GStrv
hmr_store_list_session_modules (HmrStore        *self,
                                const HmrActor  *actor,
                                GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_SESSION_READ, NULL, error))
    return NULL;
  stmt = hmr_store_prepare (self,
                            "SELECT DISTINCT module FROM group_session s "
                            "WHERE s.deleted_at IS NULL AND (?1 IS NULL OR s.office_id = ?1) ORDER BY module",
                            error);
  if (stmt == NULL)
    return NULL;
  if (hmr_permission_is_office_scoped (actor->role, HMR_ACTION_SESSION_READ))
    hmr_bind_text (stmt, 1, actor->office_id ? actor->office_id : "");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

GPtrArray *
hmr_store_list_sessions_of (HmrStore        *self,
                            const HmrActor  *actor,
                            const char      *beneficiary_id,
                            GError         **error)
{
  g_autoptr(HmrBeneficiary) b = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = NULL;
  int rc;

  b = hmr_store_get_beneficiary (self, actor, beneficiary_id, error);
  if (b == NULL || !hmr_store_require (actor, HMR_ACTION_SESSION_READ, NULL, error))
    return NULL;
  stmt = hmr_store_prepare (self,
                            SESSION_SELECT
                            "WHERE s.deleted_at IS NULL AND s.id IN (SELECT session_id FROM attendance "
                            "WHERE beneficiary_id = ?1 AND deleted_at IS NULL) "
                            "GROUP BY s.id ORDER BY s.held_on DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, beneficiary_id);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_session_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, row_to_session (stmt));
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}
