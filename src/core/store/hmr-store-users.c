/* hmr-store-users.c — creating users, passwords, login and lockout (the
 * users page's administration: hmr-store-user-admin.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sodium.h>
#include <glib/gi18n-lib.h>

#include "hmr-people.h"
#include "hmr-store-private.h"

#define MIN_PASSWORD_CHARS 12
#define MAX_FAILED_LOGINS 6
#define LOCKOUT_MINUTES 30

static gboolean fast_hashing;

/* For tests only: Argon2id at the INTERACTIVE limits instead of MODERATE,
 * so that a suite that creates many users does not take minutes.  Hashes
 * made this way are upgraded at the next login (needs_rehash). */
void hmr_store_use_fast_password_hashing_for_tests (void);

void
hmr_store_use_fast_password_hashing_for_tests (void)
{
  fast_hashing = TRUE;
}

void
hmr_store_password_limits (unsigned long long *ops,
                           size_t             *mem)
{
  *ops = fast_hashing ? crypto_pwhash_OPSLIMIT_INTERACTIVE : crypto_pwhash_OPSLIMIT_MODERATE;
  *mem = fast_hashing ? crypto_pwhash_MEMLIMIT_INTERACTIVE : crypto_pwhash_MEMLIMIT_MODERATE;
}

char *
hmr_store_hash_password (const char  *password,
               GError     **error)
{
  char out[crypto_pwhash_STRBYTES];
  unsigned long long ops;
  size_t mem;

  if (sodium_init () < 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_FAILED,
                   _("The cryptography library could not start."));
      return NULL;
    }
  hmr_store_password_limits (&ops, &mem);
  if (crypto_pwhash_str (out, password, strlen (password), ops, mem) != 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_FAILED,
                   _("Not enough memory to protect the password."));
      return NULL;
    }
  return g_strdup (out);
}

static const char * const common_passwords[] = {
  "123456789012", "1234567890123", "password1234", "passwordpassword",
  "qwertyuiopas", "qwerty123456", "111111111111", "000000000000",
  "iloveyou1234", "administrator", "admin1234567", "welcome12345",
  "password123!", "dushanbe2024", "tajikistan12", "123123123123",
  NULL
};

gboolean
hmr_password_is_acceptable (const char  *username,
                            const char  *password,
                            GError     **error)
{
  g_autofree char *lower = NULL;
  gboolean all_same = TRUE;

  if (password == NULL || g_utf8_strlen (password, -1) < MIN_PASSWORD_CHARS)
    {
      /* The minimum is a constant, but the sentence still counts things and
       * Russian picks the noun's form by the number, so it has plural forms */
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Password: use at least %d character.",
                                "Password: use at least %d characters.",
                                MIN_PASSWORD_CHARS),
                   MIN_PASSWORD_CHARS);
      return FALSE;
    }
  lower = g_utf8_strdown (password, -1);
  if (username != NULL)
    {
      g_autofree char *user_lower = g_utf8_strdown (username, -1);
      if (strstr (lower, user_lower) != NULL)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Password: it must not contain the user name."));
          return FALSE;
        }
    }
  for (const char *p = password; *p; p++)
    if (*p != password[0])
      all_same = FALSE;
  if (all_same || g_strv_contains (common_passwords, lower))
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Password: this password is too common; choose another."));
      return FALSE;
    }
  return TRUE;
}

gboolean
hmr_store_has_users (HmrStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = hmr_store_prepare (self, "SELECT EXISTS (SELECT 1 FROM app_user)", NULL);
  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
}

static gboolean
valid_username (const char  *username,
                GError     **error)
{
  if (username == NULL || username[0] == '\0')
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID, _("User name is required."));
      return FALSE;
    }
  for (const char *p = username; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '_' && *p != '-')
      {
        g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                     _("User name: use Latin letters, digits, dots, dashes and underscores only."));
        return FALSE;
      }
  if (strlen (username) > 64)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("User name is too long: at most 64 characters."));
      return FALSE;
    }
  return TRUE;
}

static HmrActor *
insert_user (HmrStore       *self,
             const HmrActor *actor,
             const char     *id,
             const char     *username,
             const char     *full_name,
             HmrRole         role,
             const char     *office_id,
             const char     *hash,
             gboolean        must_change_password,
             GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(HmrActor) created = NULL;
  g_autoptr(HmrChanges) changes = hmr_changes_new ();
  g_autofree char *json = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);
  int rc;

  stmt = hmr_store_prepare (self,
                            "INSERT INTO app_user (id, office_id, username, full_name, role, "
                            "password_hash, must_change_password, created_at, created_by, "
                            "updated_at, updated_by) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?9, ?7, ?8, ?7, ?8)",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, id);
  hmr_bind_text (stmt, 2, office_id);
  hmr_bind_text (stmt, 3, username);
  hmr_bind_text (stmt, 4, full_name);
  hmr_bind_text (stmt, 5, hmr_role_to_string (role));
  hmr_bind_text (stmt, 6, hash);
  hmr_bind_text (stmt, 7, now);
  hmr_bind_text (stmt, 8, actor ? actor->user_id : id);
  sqlite3_bind_int (stmt, 9, must_change_password ? 1 : 0);
  rc = sqlite3_step (stmt);
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT,
                   _("User name: “%s” is already taken."), username);
      return NULL;
    }
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }

  created = hmr_actor_new (id, username, full_name, role, office_id);
  hmr_changes_add (changes, "username", NULL, username);
  hmr_changes_add (changes, "full_name", NULL, full_name);
  hmr_changes_add (changes, "role", NULL, hmr_role_to_string (role));
  hmr_changes_add (changes, "office_id", NULL, office_id);
  if (must_change_password)
    hmr_changes_add (changes, "must_change_password", NULL, "1");
  json = hmr_changes_free_to_json (g_steal_pointer (&changes));
  if (!hmr_store_audit_append (self, actor ? actor : created, "create", "user", id, json, error))
    return NULL;
  return g_steal_pointer (&created);
}

HmrActor *
hmr_store_create_first_admin (HmrStore    *self,
                              const char  *username,
                              const char  *full_name,
                              const char  *password,
                              GError     **error)
{
  g_autofree char *hash = NULL;
  g_autofree char *id = hmr_store_new_id ();
  HmrActor *created;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!valid_username (username, error) ||
      !hmr_password_is_acceptable (username, password, error))
    return NULL;
  hash = hmr_store_hash_password (password, error);
  if (hash == NULL)
    return NULL;

  if (!hmr_store_begin (self, error))
    return NULL;
  if (hmr_store_has_users (self))
    {
      hmr_store_rollback (self);
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED,
                   _("Refused: this database already has users; ask its administrator for an account."));
      return NULL;
    }
  created = insert_user (self, NULL, id, username, full_name, HMR_ROLE_ADMIN, NULL, hash,
                         FALSE, error);
  if (created == NULL)
    {
      hmr_store_rollback (self);
      return NULL;
    }
  if (!hmr_store_commit (self, error))
    {
      hmr_actor_free (created);
      return NULL;
    }
  return created;
}

typedef struct
{
  const char *username;
  const char *full_name;
  HmrRole     role;
  const char *office_id;
  const char *hash;
  gboolean    must_change_password;
  HmrActor   *created;
} NewUser;

/* insert_user() writes the audit row */
static gboolean
create_user_locked (HmrStore        *self,
                    const HmrActor  *actor,
                    HmrAuditRow     *audit,
                    gpointer         data,
                    GError         **error)
{
  NewUser *u = data;
  g_autofree char *id = hmr_store_new_id ();

  u->created = insert_user (self, actor, id, u->username, u->full_name, u->role, u->office_id, u->hash,
                            u->must_change_password, error);
  return u->created != NULL;
}

static HmrActor *
create_user (HmrStore       *self,
             const HmrActor *actor,
             const char     *username,
             const char     *full_name,
             HmrRole         role,
             const char     *office_id,
             const char     *password,
             gboolean        must_change_password,
             GError        **error)
{
  g_autofree char *hash = NULL;
  NewUser u = { username, full_name, role, office_id, NULL, must_change_password, NULL };

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error))
    return NULL;
  if (!hmr_store_require (actor, HMR_ACTION_USERS_MANAGE, NULL, error))
    return NULL;
  if (!valid_username (username, error) ||
      !hmr_password_is_acceptable (username, password, error))
    return NULL;
  if ((role == HMR_ROLE_CASEWORKER) && office_id == NULL)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Office: a caseworker must belong to an office."));
      return NULL;
    }
  /* Slow on purpose: hashed before the transaction, which it would hold up */
  hash = hmr_store_hash_password (password, error);
  if (hash == NULL)
    return NULL;

  u.hash = hash;
  if (!hmr_store_write (self, actor, "create", NULL, NULL, create_user_locked, &u, error))
    {
      g_clear_pointer (&u.created, hmr_actor_free);
      return NULL;
    }
  return u.created;
}

HmrActor *
hmr_store_create_user (HmrStore       *self,
                       const HmrActor *actor,
                       const char     *username,
                       const char     *full_name,
                       HmrRole         role,
                       const char     *office_id,
                       const char     *password,
                       GError        **error)
{
  return create_user (self, actor, username, full_name, role, office_id, password, FALSE, error);
}

/**
 * hmr_store_create_user_with_temporary_password:
 *
 * Like hmr_store_create_user(), for an account whose first password the
 * administrator chose: the user must choose their own at the first login.
 * The account and the flag are written in one transaction.
 */
HmrActor *
hmr_store_create_user_with_temporary_password (HmrStore       *self,
                                               const HmrActor *actor,
                                               const char     *username,
                                               const char     *full_name,
                                               HmrRole         role,
                                               const char     *office_id,
                                               const char     *password,
                                               GError        **error)
{
  return create_user (self, actor, username, full_name, role, office_id, password, TRUE, error);
}

typedef struct
{
  const char *sql;      /* ?1 the user's id, ?2 @arg */
  const char *arg;
} UserRowUpdate;

static gboolean
record_login_locked (HmrStore        *self,
                     const HmrActor  *who,
                     HmrAuditRow     *audit,
                     gpointer         data,
                     GError         **error)
{
  const UserRowUpdate *u = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = hmr_store_prepare (self, u->sql, error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, who->user_id);
  hmr_bind_text (stmt, 2, u->arg);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, sqlite3_errcode (self->db), error);
  g_clear_pointer (&audit->changes, hmr_changes_free);
  return TRUE;
}

static gboolean
record_login (HmrStore       *self,
              const HmrActor *who,
              const char     *action,
              const char     *sql,
              const char     *arg,
              GError        **error)
{
  return hmr_store_write (self, who, action, "user", who->user_id, record_login_locked,
                          &(UserRowUpdate) { sql, arg }, error);
}

/* How an attempt stands once its turn is taken */
typedef enum
{
  ATTEMPT_GRANTED,     /* counted: the password may be checked */
  ATTEMPT_LOCKED,      /* the account is locked, or as many attempts as a
                        * lockout allows are already being checked */
} AttemptTurn;

typedef struct
{
  const char  *now;
  const char  *lock_until;   /* for the outcome: when a lockout would end */
  AttemptTurn  turn;
} Attempt;

/* Takes a turn before the (slow) password check, in one write
 * transaction: the attempt is counted as failed until it proves right,
 * so parallel guesses cannot all read the same old count.  Once the count
 * reaches the limit no further attempt is checked until it is settled. */
static gboolean
take_turn_locked (HmrStore        *self,
                  const HmrActor  *who,
                  HmrAuditRow     *audit,
                  gpointer         data,
                  GError         **error)
{
  Attempt *a = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autofree char *locked_until = NULL;
  int failed, rc;

  g_clear_pointer (&audit->changes, hmr_changes_free);
  stmt = hmr_store_prepare (self, "SELECT failed_logins, locked_until FROM app_user WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, who->user_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return hmr_store_set_sqlite_error (self, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc, error);
  failed = sqlite3_column_int (stmt, 0);
  locked_until = hmr_column_dup_text (stmt, 1);
  if ((locked_until != NULL && g_strcmp0 (a->now, locked_until) < 0) || failed >= MAX_FAILED_LOGINS)
    {
      a->turn = ATTEMPT_LOCKED;
      audit->action = "login-refused-locked";
      return TRUE;
    }
  update = hmr_store_prepare (self, "UPDATE app_user SET failed_logins = failed_logins + 1 WHERE id = ?1", error);
  if (update == NULL)
    return FALSE;
  hmr_bind_text (update, 1, who->user_id);
  if (sqlite3_step (update) != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, sqlite3_errcode (self->db), error);
  a->turn = ATTEMPT_GRANTED;
  return TRUE;
}

/* A wrong password: its turn already counted it; the attempt that brings
 * the count to the limit locks the account */
static gboolean
settle_failure_locked (HmrStore        *self,
                       const HmrActor  *who,
                       HmrAuditRow     *audit,
                       gpointer         data,
                       GError         **error)
{
  Attempt *a = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_clear_pointer (&audit->changes, hmr_changes_free);
  stmt = hmr_store_prepare (self,
                            "UPDATE app_user SET failed_logins = 0, locked_until = ?2 "
                            "WHERE id = ?1 AND failed_logins >= ?3",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, who->user_id);
  hmr_bind_text (stmt, 2, a->lock_until);
  sqlite3_bind_int (stmt, 3, MAX_FAILED_LOGINS);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  audit->action = sqlite3_changes (self->db) > 0 ? "lockout" : "login-failed";
  return TRUE;
}

/**
 * hmr_store_authenticate:
 *
 * Checks a password.  Six failed attempts lock the account for thirty
 * minutes; the count lives in the database, so a restart does not reset it.
 * An attempt is counted (a "login-attempt" audit row) before its password
 * is checked, in a write transaction of its own: guesses sent in parallel,
 * from threads or processes, cannot pass the limit, and at most six of
 * them are ever checked before the lockout.
 * Slow on purpose (Argon2id): call it from a thread.
 */
HmrActor *
hmr_store_authenticate (HmrStore    *self,
                        const char  *username,
                        const char  *password,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(HmrActor) who = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *now = NULL;
  g_autofree char *lock_until = NULL;
  Attempt attempt = { 0 };
  HmrRole role = HMR_ROLE_CASEWORKER;
  gboolean active;
  int rc;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  stmt = hmr_store_prepare (self,
                            "SELECT id, username, full_name, role, office_id, password_hash, "
                            "active FROM app_user "
                            "WHERE username = ?1 AND deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, username);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      /* Spend the same effort as for a real user, so that the time taken
       * does not tell which user names exist */
      g_autofree char *ignored = hmr_store_hash_password (password ? password : "", NULL);
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_AUTH,
                   _("The user name or the password is wrong."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  hmr_role_from_string ((const char *) sqlite3_column_text (stmt, 3), &role);
  who = hmr_actor_new ((const char *) sqlite3_column_text (stmt, 0),
                       (const char *) sqlite3_column_text (stmt, 1),
                       (const char *) sqlite3_column_text (stmt, 2),
                       role,
                       (const char *) sqlite3_column_text (stmt, 4));
  hash = hmr_column_dup_text (stmt, 5);
  active = sqlite3_column_int (stmt, 6);
  g_clear_pointer (&stmt, sqlite3_finalize);

  now = hmr_store_dup_timestamp (self);
  {
    g_autoptr(GDateTime) t = hmr_store_now (self);
    g_autoptr(GDateTime) until = g_date_time_add_minutes (t, LOCKOUT_MINUTES);
    g_autoptr(GDateTime) until_utc = g_date_time_to_utc (until);

    lock_until = g_date_time_format (until_utc, "%Y-%m-%dT%H:%M:%S.%fZ");
  }
  attempt.now = now;
  attempt.lock_until = lock_until;
  if (!hmr_store_write (self, who, "login-attempt", "user", who->user_id, take_turn_locked, &attempt, error))
    return NULL;
  if (attempt.turn == ATTEMPT_LOCKED)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_LOCKED,
                   _("This account is locked after too many wrong passwords. Try again after 30 minutes or ask an administrator."));
      return NULL;
    }

  if (!active || hash == NULL ||
      sodium_init () < 0 ||
      crypto_pwhash_str_verify (hash, password ? password : "", password ? strlen (password) : 0) != 0)
    {
      hmr_store_write (self, who, "login-failed", "user", who->user_id, settle_failure_locked, &attempt, NULL);
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_AUTH,
                   _("The user name or the password is wrong."));
      return NULL;
    }

  {
    unsigned long long ops;
    size_t mem;

    hmr_store_password_limits (&ops, &mem);
    if (crypto_pwhash_str_needs_rehash (hash, ops, mem) != 0)
      {
        g_autofree char *rehash = hmr_store_hash_password (password, NULL);
        if (rehash != NULL)
          record_login (self, who, "password-rehash",
                        "UPDATE app_user SET password_hash = ?2 WHERE id = ?1", rehash, NULL);
      }
  }

  if (!record_login (self, who, "login",
                     "UPDATE app_user SET failed_logins = 0, locked_until = NULL, "
                     "last_login_at = ?2 WHERE id = ?1",
                     now, error))
    return NULL;

  return g_steal_pointer (&who);
}
