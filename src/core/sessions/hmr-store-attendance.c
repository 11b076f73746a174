/* hmr-store-attendance.c — who came to a group session: registered
 * beneficiaries and walk-ins, and registering a walk-in later
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-case-file.h"
#include "hmr-session-private.h"

/* One attendance row with what its checks need */
typedef struct
{
  char *id;
  char *session_id;
  char *office_id;
  char *beneficiary_id;
  char *walk_in_name;
  char *walk_in_sex;
  char *walk_in_age_group;
  char *walk_in_phone;
  char *district;
  char *held_on;
} Row;

static void
row_clear (Row *r)
{
  g_clear_pointer (&r->id, g_free);
  g_clear_pointer (&r->session_id, g_free);
  g_clear_pointer (&r->office_id, g_free);
  g_clear_pointer (&r->beneficiary_id, g_free);
  g_clear_pointer (&r->walk_in_name, g_free);
  g_clear_pointer (&r->walk_in_sex, g_free);
  g_clear_pointer (&r->walk_in_age_group, g_free);
  g_clear_pointer (&r->walk_in_phone, g_free);
  g_clear_pointer (&r->district, g_free);
  g_clear_pointer (&r->held_on, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Row, row_clear)

/* Loads the attendance and checks @action on its session's office */
static gboolean
load_row (HmrStore        *self,
          const HmrActor  *actor,
          const char      *attendance_id,
          HmrAction        action,
          Row             *r,
          GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = hmr_store_prepare (self,
                            "SELECT a.id, a.session_id, s.office_id, a.beneficiary_id, a.walk_in_name, "
                            "a.walk_in_sex, a.walk_in_age_group, a.walk_in_phone, s.district, s.held_on "
                            "FROM attendance a JOIN group_session s ON s.id = a.session_id "
                            "WHERE a.id = ?1 AND a.deleted_at IS NULL AND s.deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, attendance_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                   _("The attendance was not found; it may have been removed."));
      return FALSE;
    }
  r->id = hmr_column_dup_text (stmt, 0);
  r->session_id = hmr_column_dup_text (stmt, 1);
  r->office_id = hmr_column_dup_text (stmt, 2);
  r->beneficiary_id = hmr_column_dup_text (stmt, 3);
  r->walk_in_name = hmr_column_dup_text (stmt, 4);
  r->walk_in_sex = hmr_column_dup_text (stmt, 5);
  r->walk_in_age_group = hmr_column_dup_text (stmt, 6);
  r->walk_in_phone = hmr_column_dup_text (stmt, 7);
  r->district = hmr_column_dup_text (stmt, 8);
  r->held_on = hmr_column_dup_text (stmt, 9);
  return hmr_store_require (actor, action, r->office_id, error);
}

static gboolean
load_unregistered_walk_in (HmrStore        *self,
                           const HmrActor  *actor,
                           const char      *attendance_id,
                           Row             *r,
                           GError         **error)
{
  if (!load_row (self, actor, attendance_id, HMR_ACTION_SESSION_WRITE, r, error))
    return FALSE;
  if (r->beneficiary_id != NULL)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT,
                   r->walk_in_sex != NULL
                   ? _("This walk-in has already been registered.")
                   : _("This person was registered when they came; only walk-ins are registered later."));
      return FALSE;
    }
  return TRUE;
}

/* The session has room for one more */
static gboolean
check_room (HmrStore    *self,
            const char  *session_id,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int capacity, n;

  stmt = hmr_store_prepare (self,
                            "SELECT s.capacity, (SELECT count (*) FROM attendance a "
                            "WHERE a.session_id = s.id AND a.deleted_at IS NULL) "
                            "FROM group_session s WHERE s.id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, session_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return hmr_store_set_sqlite_error (self, sqlite3_errcode (sqlite3_db_handle (stmt)), error);
  capacity = sqlite3_column_int (stmt, 0);
  n = sqlite3_column_int (stmt, 1);
  if (n >= capacity)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The session is full: it takes %d person. Plan another session for the others.",
                                "The session is full: it takes %d people. Plan another session for the others.",
                                capacity),
                   capacity);
      return FALSE;
    }
  return TRUE;
}

/* The person is not on the session's list yet */
static gboolean
check_not_attending (HmrStore    *self,
                     const char  *session_id,
                     const char  *beneficiary_id,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = hmr_store_prepare (self,
                            "SELECT b.family_name || ' ' || b.given_name FROM attendance a "
                            "JOIN beneficiary b ON b.id = a.beneficiary_id "
                            "WHERE a.session_id = ?1 AND a.beneficiary_id = ?2 AND a.deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, session_id);
  hmr_bind_text (stmt, 2, beneficiary_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT,
                   _("%s is already on this session’s attendance list."),
                   sqlite3_column_text (stmt, 0));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  const char      *session_id;
  const char      *beneficiary_id;
  const HmrWalkIn *walk_in;
  char            *phone;
} Add;

static gboolean
add_locked (HmrStore        *self,
            const HmrActor  *actor,
            HmrAuditRow     *audit,
            gpointer         data,
            GError         **error)
{
  Add *add = data;
  g_autofree char *office_id = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  office_id = hmr_session_dup_office (self, actor, add->session_id, HMR_ACTION_SESSION_WRITE, error);
  if (office_id == NULL)
    return FALSE;
  if (add->beneficiary_id != NULL)
    {
      g_autoptr(HmrBeneficiary) b = hmr_store_get_beneficiary (self, actor, add->beneficiary_id, error);

      if (b == NULL || !check_not_attending (self, add->session_id, add->beneficiary_id, error))
        return FALSE;
    }
  if (!check_room (self, add->session_id, error))
    return FALSE;

  stmt = hmr_store_prepare (self,
                            "INSERT INTO attendance (id, session_id, office_id, beneficiary_id, walk_in_name, "
                            "walk_in_sex, walk_in_age_group, walk_in_phone, created_at, created_by) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, audit->entity_id);
  hmr_bind_text (stmt, 2, add->session_id);
  hmr_bind_text (stmt, 3, office_id);
  hmr_bind_text (stmt, 4, add->beneficiary_id);
  hmr_bind_text (stmt, 5, add->walk_in ? add->walk_in->name : NULL);
  hmr_bind_text (stmt, 6, add->walk_in ? add->walk_in->sex : NULL);
  hmr_bind_text (stmt, 7, add->walk_in ? add->walk_in->age_group : NULL);
  hmr_bind_text (stmt, 8, add->phone);
  hmr_bind_text (stmt, 9, now);
  hmr_bind_text (stmt, 10, actor->user_id);
  if (!hmr_session_step_done (self, stmt, error))
    return FALSE;

  hmr_changes_add (audit->changes, "session_id", NULL, add->session_id);
  if (add->beneficiary_id != NULL)
    hmr_changes_add (audit->changes, "beneficiary_id", NULL, add->beneficiary_id);
  else
    {
      hmr_changes_add (audit->changes, "walk_in_name", NULL, add->walk_in->name);
      hmr_changes_add (audit->changes, "walk_in_sex", NULL, add->walk_in->sex);
      hmr_changes_add (audit->changes, "walk_in_age_group", NULL, add->walk_in->age_group);
      hmr_changes_add (audit->changes, "walk_in_phone", NULL, add->phone);
    }
  return TRUE;
}

static char *
add (HmrStore        *self,
     const HmrActor  *actor,
     Add             *a,
     GError         **error)
{
  g_autofree char *id = hmr_store_new_id ();

  if (!hmr_store_write (self, actor, "create", "attendance", id, add_locked, a, error))
    return NULL;
  return g_steal_pointer (&id);
}

/**
 * hmr_store_add_attendee:
 *
 * Marks a registered beneficiary present at the session.  Refused when the
 * session is full or the person is already on its list.
 *
 * Returns: (transfer full): the attendance's id
 */
char *
hmr_store_add_attendee (HmrStore        *self,
                        const HmrActor  *actor,
                        const char      *session_id,
                        const char      *beneficiary_id,
                        GError         **error)
{
  Add a = { session_id, beneficiary_id, NULL, NULL };

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);
  g_return_val_if_fail (beneficiary_id != NULL, NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_SESSION_WRITE, NULL, error))
    return NULL;
  return add (self, actor, &a, error);
}

static gboolean
check_walk_in (const HmrWalkIn  *w,
               char            **phone,
               GError          **error)
{
  if (hmr_session_is_blank (w->name))
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Name: say who came."));
      return FALSE;
    }
  if (g_strcmp0 (w->sex, "female") != 0 && g_strcmp0 (w->sex, "male") != 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Sex: choose female or male."));
      return FALSE;
    }
  if (!hmr_age_group_from_string (w->age_group, NULL))
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Age group: choose one of the groups."));
      return FALSE;
    }
  *phone = NULL;
  if (!hmr_session_is_blank (w->phone))
    {
      *phone = hmr_normalize_phone (w->phone);
      if (*phone == NULL)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Phone: “%s” is not a phone number."), w->phone);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * hmr_store_add_walk_in:
 *
 * Marks present someone who is not registered, with their name, sex, age
 * group and phone.
 *
 * Returns: (transfer full): the attendance's id
 */
char *
hmr_store_add_walk_in (HmrStore         *self,
                       const HmrActor   *actor,
                       const char       *session_id,
                       const HmrWalkIn  *walk_in,
                       GError          **error)
{
  g_autofree char *phone = NULL;
  Add a = { session_id, NULL, walk_in, NULL };

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);
  g_return_val_if_fail (walk_in != NULL, NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_SESSION_WRITE, NULL, error) ||
      !check_walk_in (walk_in, &phone, error))
    return NULL;
  a.phone = phone;
  return add (self, actor, &a, error);
}

static gboolean
remove_locked (HmrStore        *self,
               const HmrActor  *actor,
               HmrAuditRow     *audit,
               gpointer         data,
               GError         **error)
{
  g_auto(Row) r = { 0 };

  if (!load_row (self, actor, audit->entity_id, HMR_ACTION_SESSION_WRITE, &r, error))
    return FALSE;
  return hmr_store_archive_locked (self, actor, audit,
                                   "UPDATE attendance SET deleted_at = ?2 WHERE id = ?1 AND ?3 IS NOT NULL",
                                   error);
}

gboolean
hmr_store_remove_attendee (HmrStore        *self,
                           const HmrActor  *actor,
                           const char      *attendance_id,
                           GError         **error)
{
  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_SESSION_WRITE, NULL, error))
    return FALSE;
  return hmr_store_write (self, actor, "archive", "attendance", attendance_id, remove_locked, NULL, error);
}

/**
 * hmr_store_list_attendance:
 *
 * Returns: (transfer full) (element-type HmrAttendee): who came, in the
 *   order they were marked
 */
GPtrArray *
hmr_store_list_attendance (HmrStore        *self,
                           const HmrActor  *actor,
                           const char      *session_id,
                           GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = NULL;
  g_autofree char *office = NULL;
  int rc;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error))
    return NULL;
  office = hmr_session_dup_office (self, actor, session_id, HMR_ACTION_SESSION_READ, error);
  if (office == NULL)
    return NULL;
  stmt = hmr_store_prepare (self,
                            "SELECT a.id, a.session_id, a.beneficiary_id, b.case_number, "
                            "coalesce (b.family_name || ' ' || b.given_name, a.walk_in_name), "
                            HMR_SQL_ATTENDEE_SEX ", " HMR_SQL_ATTENDEE_AGE_GROUP ", "
                            "coalesce (b.phone, a.walk_in_phone), a.walk_in_sex IS NOT NULL, a.registered_at "
                            "FROM attendance a JOIN group_session s ON s.id = a.session_id "
                            "LEFT JOIN beneficiary b ON b.id = a.beneficiary_id "
                            "WHERE a.session_id = ?1 AND a.deleted_at IS NULL ORDER BY a.rowid",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, session_id);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_attendee_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HmrAttendee *a = g_new0 (HmrAttendee, 1);

      a->id = hmr_column_dup_text (stmt, 0);
      a->session_id = hmr_column_dup_text (stmt, 1);
      a->beneficiary_id = hmr_column_dup_text (stmt, 2);
      a->case_number = hmr_column_dup_text (stmt, 3);
      a->name = hmr_column_dup_text (stmt, 4);
      a->sex = hmr_column_dup_text (stmt, 5);
      a->age_group = hmr_column_dup_text (stmt, 6);
      a->phone = hmr_column_dup_text (stmt, 7);
      a->walk_in = sqlite3_column_int (stmt, 8) != 0;
      a->registered_at = hmr_column_dup_text (stmt, 9);
      g_ptr_array_add (out, a);
    }
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

/* ---- registering a walk-in later ------------------------------------------ */

/* The middle of the age group, for an estimated year of birth */
static int
typical_age (const char *age_group)
{
  static const int ages[HMR_N_AGE_GROUPS] = { 16, 21, 30, 40, 50, 60 };
  HmrAgeGroup group;

  return hmr_age_group_from_string (age_group, &group) ? ages[group] : 30;
}

/**
 * hmr_store_walk_in_candidate:
 *
 * Returns: (transfer full): a new beneficiary filled in from the walk-in's
 *   details, for the registration form to complete
 */
HmrBeneficiary *
hmr_store_walk_in_candidate (HmrStore        *self,
                             const HmrActor  *actor,
                             const char      *attendance_id,
                             GError         **error)
{
  g_auto(Row) r = { 0 };
  g_autoptr(HmrBeneficiary) b = NULL;
  g_autofree char *name = NULL;
  g_autofree char *year = NULL;
  char *space;

  if (!hmr_store_check_actor (self, actor, error) ||
      !load_unregistered_walk_in (self, actor, attendance_id, &r, error))
    return NULL;
  b = hmr_beneficiary_new ();
  name = g_strstrip (g_strdup (r.walk_in_name));
  space = strchr (name, ' ');
  if (space != NULL)
    {
      *space = '\0';
      hmr_beneficiary_set (b, HMR_BENEFICIARY_GIVEN_NAME, g_strstrip (space + 1));
    }
  hmr_beneficiary_set (b, HMR_BENEFICIARY_FAMILY_NAME, name);
  hmr_beneficiary_set (b, HMR_BENEFICIARY_SEX, r.walk_in_sex);
  hmr_beneficiary_set (b, HMR_BENEFICIARY_PHONE, r.walk_in_phone);
  hmr_beneficiary_set (b, HMR_BENEFICIARY_DISTRICT, r.district);
  hmr_beneficiary_set (b, HMR_BENEFICIARY_CATEGORY, "returned_migrant");
  year = g_strdup_printf ("%d", atoi (r.held_on) - typical_age (r.walk_in_age_group));
  hmr_beneficiary_set (b, HMR_BENEFICIARY_BIRTH_YEAR_ESTIMATED, year);
  return g_steal_pointer (&b);
}

typedef struct
{
  const char *attendance_id;
  GPtrArray  *duplicates;        /* the override's, may be NULL */
} Link;

/* Inside the write: the walk-in's attendance becomes @beneficiary_id's */
static gboolean
link_then (HmrStore        *self,
           const HmrActor  *actor,
           const char      *beneficiary_id,
           gpointer         data,
           GError         **error)
{
  Link *link = data;
  g_auto(Row) r = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(HmrChanges) changes = hmr_changes_new ();
  g_autofree char *now = hmr_store_dup_timestamp (self);
  g_autofree char *json = NULL;

  if (!load_unregistered_walk_in (self, actor, link->attendance_id, &r, error) ||
      !check_not_attending (self, r.session_id, beneficiary_id, error))
    return FALSE;
  stmt = hmr_store_prepare (self,
                            "UPDATE attendance SET beneficiary_id = ?2, registered_at = ?3 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, r.id);
  hmr_bind_text (stmt, 2, beneficiary_id);
  hmr_bind_text (stmt, 3, now);
  if (!hmr_session_step_done (self, stmt, error))
    return FALSE;

  hmr_changes_add (changes, "beneficiary_id", NULL, beneficiary_id);
  hmr_changes_add (changes, "registered_at", NULL, now);
  if (link->duplicates != NULL && link->duplicates->len > 0)
    {
      g_autoptr(GString) ids = g_string_new (NULL);

      for (guint i = 0; i < link->duplicates->len; i++)
        g_string_append_printf (ids, "%s%s", i ? "," : "",
                                hmr_beneficiary_get (g_ptr_array_index (link->duplicates, i),
                                                     HMR_BENEFICIARY_CASE_NUMBER));
      hmr_changes_add (changes, "possible_duplicates", NULL, ids->str);
    }
  json = hmr_changes_free_to_json (g_steal_pointer (&changes));
  return hmr_store_audit_append (self, actor, "register", "attendance", r.id, json, error);
}

typedef struct
{
  Link           *link;
  HmrBeneficiary *beneficiary;
} RegisterWalkIn;

/* One write: the new beneficiary and their case, then the attendance */
static gboolean
register_locked (HmrStore        *self,
                 const HmrActor  *actor,
                 HmrAuditRow     *audit,
                 gpointer         data,
                 GError         **error)
{
  RegisterWalkIn *reg = data;

  if (!hmr_store_insert_beneficiary_locked (self, actor, reg->beneficiary, error))
    return FALSE;
  return link_then (self, actor, hmr_beneficiary_get (reg->beneficiary, HMR_BENEFICIARY_ID), reg->link, error);
}

/**
 * hmr_store_register_walk_in:
 * @beneficiary: the walk-in as a beneficiary (see
 *   hmr_store_walk_in_candidate()); filled in when saved
 * @register_anyway: register even though the duplicate check finds
 *   earlier registrations (the audit row names them)
 * @duplicates: (out) (optional) (transfer full): the likely earlier
 *   registrations, when the check refused
 */
gboolean
hmr_store_register_walk_in (HmrStore         *self,
                            const HmrActor   *actor,
                            const char       *attendance_id,
                            HmrBeneficiary   *beneficiary,
                            gboolean          register_anyway,
                            GPtrArray       **duplicates,
                            GError          **error)
{
  g_auto(Row) r = { 0 };
  g_autoptr(GPtrArray) found = NULL;
  Link link = { attendance_id, NULL };
  RegisterWalkIn reg = { 0 };

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);
  g_return_val_if_fail (HMR_IS_BENEFICIARY (beneficiary), FALSE);

  if (duplicates)
    *duplicates = NULL;
  if (!hmr_store_check_actor (self, actor, error) ||
      !load_unregistered_walk_in (self, actor, attendance_id, &r, error))
    return FALSE;
  found = hmr_store_find_duplicates (self, actor, beneficiary, error);
  if (found == NULL)
    return FALSE;
  if (found->len > 0 && !register_anyway)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u earlier registration looks like the same person: open it, or register anyway.",
                                "%u earlier registrations look like the same person: open one, or register anyway.",
                                found->len),
                   found->len);
      if (duplicates)
        *duplicates = g_steal_pointer (&found);
      return FALSE;
    }
  link.duplicates = found;
  reg.link = &link;
  reg.beneficiary = beneficiary;
  /* insert_beneficiary_locked() and link_then() write the audit rows */
  return hmr_store_write (self, actor, "register", NULL, attendance_id, register_locked, &reg, error);
}

typedef struct
{
  Link        link;
  const char *beneficiary_id;
} LinkExisting;

static gboolean
link_existing_locked (HmrStore        *self,
                      const HmrActor  *actor,
                      HmrAuditRow     *audit,
                      gpointer         data,
                      GError         **error)
{
  LinkExisting *le = data;
  g_autoptr(HmrBeneficiary) b = hmr_store_get_beneficiary (self, actor, le->beneficiary_id, error);

  if (b == NULL)
    return FALSE;
  return link_then (self, actor, le->beneficiary_id, &le->link, error);
}

/**
 * hmr_store_link_walk_in:
 *
 * The walk-in turned out to be registered already (the duplicate check
 * found them): their attendance becomes @beneficiary_id's.
 */
gboolean
hmr_store_link_walk_in (HmrStore        *self,
                        const HmrActor  *actor,
                        const char      *attendance_id,
                        const char      *beneficiary_id,
                        GError         **error)
{
  LinkExisting le = { { attendance_id, NULL }, beneficiary_id };

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_SESSION_WRITE, NULL, error))
    return FALSE;
  /* link_then() writes the audit row */
  return hmr_store_write (self, actor, "register", NULL, attendance_id, link_existing_locked, &le, error);
}
