/* test-permissions.c — the role table of DESIGN §6, enforced by the store
 *
 * Generated from the table itself: for every role, every store operation
 * and both office scopes, the store must do exactly what
 * hmr_permission_allows() says, and a refusal must leave the database as
 * it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-case-file.h"
#include "hmr-permissions.h"
#include "hmr-test-util.h"

typedef enum
{
  SCOPE_OWN_OFFICE,
  SCOPE_OTHER_OFFICE,
  N_SCOPES
} Scope;

typedef struct
{
  const char *name;
  HmrAction   action;
  gboolean    per_record;   /* does the office of a record matter? */
  gboolean  (*run) (Fixture *f, HmrActor *actor, HmrBeneficiary *target, GError **error);
} Operation;

static gboolean
op_insert (Fixture *f, HmrActor *actor, HmrBeneficiary *target, GError **error)
{
  g_autoptr(HmrBeneficiary) b = make_beneficiary ("Нав", "Одам", hmr_beneficiary_get (target, HMR_BENEFICIARY_DISTRICT));
  return hmr_store_insert_beneficiary (f->store, actor, b, error);
}

static gboolean
op_read (Fixture *f, HmrActor *actor, HmrBeneficiary *target, GError **error)
{
  g_autoptr(HmrBeneficiary) b = hmr_store_get_beneficiary (f->store, actor, hmr_beneficiary_get (target, HMR_BENEFICIARY_ID), error);
  /* full read: the health note comes back */
  if (b != NULL && hmr_beneficiary_get (b, HMR_BENEFICIARY_HEALTH_PROBLEMS) == NULL)
    g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED, "health note withheld");
  return b != NULL && hmr_beneficiary_get (b, HMR_BENEFICIARY_HEALTH_PROBLEMS) != NULL;
}

static gboolean
op_read_identity (Fixture *f, HmrActor *actor, HmrBeneficiary *target, GError **error)
{
  g_autoptr(HmrBeneficiary) b = hmr_store_get_beneficiary (f->store, actor, hmr_beneficiary_get (target, HMR_BENEFICIARY_ID), error);
  return b != NULL && g_strcmp0 (hmr_beneficiary_get (b, HMR_BENEFICIARY_FAMILY_NAME),
                                 hmr_beneficiary_get (target, HMR_BENEFICIARY_FAMILY_NAME)) == 0;
}

static gboolean
op_list (Fixture *f, HmrActor *actor, HmrBeneficiary *target, GError **error)
{
  g_autoptr(GArray) ids = hmr_store_query_beneficiary_ids (f->store, actor, NULL, NULL, error);
  if (ids == NULL)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == hmr_beneficiary_get_rowid (target))
      return TRUE;
  g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED, "not in the list");
  return FALSE;
}

static gboolean
op_update (Fixture *f, HmrActor *actor, HmrBeneficiary *target, GError **error)
{
  g_autoptr(HmrBeneficiary) b = hmr_beneficiary_copy (target);
  gboolean ok;

  hmr_beneficiary_set (b, HMR_BENEFICIARY_VILLAGE, "Навобод");
  ok = hmr_store_update_beneficiary (f->store, actor, b, error);
  if (ok)
    hmr_beneficiary_set (target, HMR_BENEFICIARY_VERSION, hmr_beneficiary_get (b, HMR_BENEFICIARY_VERSION));
  return ok;
}

static gboolean
op_archive (Fixture *f, HmrActor *actor, HmrBeneficiary *target, GError **error)
{
  return hmr_store_archive_beneficiary (f->store, actor, hmr_beneficiary_get (target, HMR_BENEFICIARY_ID), error);
}

static gboolean
op_sensitive (Fixture *f, HmrActor *actor, HmrBeneficiary *target, GError **error)
{
  g_autoptr(HmrCaseFile) file = hmr_store_get_case_file (f->store, actor, hmr_beneficiary_get (target, HMR_BENEFICIARY_ID), error);
  if (file == NULL)
    return FALSE;
  if (file->trafficking == NULL)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED, "profile withheld");
      return FALSE;
    }
  return TRUE;
}

static gboolean
op_audit_read (Fixture *f, HmrActor *actor, HmrBeneficiary *target, GError **error)
{
  g_autoptr(GPtrArray) rows = hmr_store_list_audit (f->store, actor, NULL, NULL, error);
  return rows != NULL;
}

static gboolean
op_audit_verify (Fixture *f, HmrActor *actor, HmrBeneficiary *target, GError **error)
{
  gint64 checked, broken;
  return hmr_store_verify_audit (f->store, actor, &checked, &broken, error);
}

static gboolean
op_create_user (Fixture *f, HmrActor *actor, HmrBeneficiary *target, GError **error)
{
  static guint n;
  g_autofree char *name = g_strdup_printf ("new.user%u", n++);
  g_autoptr(HmrActor) created = hmr_store_create_user (f->store, actor, name, "New User", HMR_ROLE_FINANCE,
                                                       NULL, "Sabzi-Bahor-2026", error);
  return created != NULL;
}

static const Operation operations[] = {
  { "insert", HMR_ACTION_BENEFICIARY_WRITE, TRUE, op_insert },
  { "read", HMR_ACTION_BENEFICIARY_READ, TRUE, op_read },
  { "read-identity", HMR_ACTION_BENEFICIARY_READ_IDENTITY, TRUE, op_read_identity },
  { "list", HMR_ACTION_BENEFICIARY_READ_IDENTITY, TRUE, op_list },
  { "update", HMR_ACTION_BENEFICIARY_WRITE, TRUE, op_update },
  { "archive", HMR_ACTION_BENEFICIARY_WRITE, TRUE, op_archive },
  { "trafficking-profile", HMR_ACTION_SENSITIVE_READ, TRUE, op_sensitive },
  { "audit-read", HMR_ACTION_AUDIT_READ, FALSE, op_audit_read },
  { "audit-verify", HMR_ACTION_AUDIT_VERIFY, FALSE, op_audit_verify },
  { "create-user", HMR_ACTION_USERS_MANAGE, FALSE, op_create_user },
};

/* Everything but the audit log, which records refusals' absence too */
static char *
snapshot (const char *path)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  GString *s = g_string_new (NULL);
  const char *tables[] = { "beneficiary", "case_file", "app_user", "case_sequence" };

  sqlite3_open (path, &db);
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY rowid", tables[t]);
      sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const char *v = (const char *) sqlite3_column_text (stmt, c);
            g_string_append_printf (s, "%s|", v ? v : "∅");
          }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_string_free (s, FALSE);
}

static HmrActor *
actor_for (Fixture *f,
           HmrRole  role)
{
  switch (role)
    {
    case HMR_ROLE_CASEWORKER: return f->caseworker;
    case HMR_ROLE_SUPERVISOR: return f->supervisor;
    case HMR_ROLE_FINANCE: return f->finance;
    case HMR_ROLE_ADMIN: return f->admin;
    case HMR_N_ROLES:
    default: g_assert_not_reached ();
    }
}

static void
test_matrix (Fixture       *f,
             gconstpointer  data)
{
  guint n_checked = 0, n_allowed = 0;

  for (HmrRole role = 0; role < HMR_N_ROLES; role++)
    for (guint o = 0; o < G_N_ELEMENTS (operations); o++)
      for (Scope scope = 0; scope < N_SCOPES; scope++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(HmrBeneficiary) target = NULL;
          g_autofree char *before = NULL;
          g_autofree char *after = NULL;
          g_autofree char *sql = NULL;
          const Operation *op = &operations[o];
          HmrActor *actor = actor_for (f, role);
          const char *district = scope == SCOPE_OWN_OFFICE ? "Dusti" : "Panj";
          gboolean expected, ok;
          gint64 audit_before;

          if (!op->per_record && scope == SCOPE_OTHER_OFFICE)
            continue;

          /* a fresh record with a trafficking profile, made by the supervisor */
          target = make_beneficiary ("Ҳасанов", "Зафар", district);
          hmr_beneficiary_set (target, HMR_BENEFICIARY_HEALTH_PROBLEMS, "Back injury from a building site");
          g_assert_true (hmr_store_insert_beneficiary (f->store, f->supervisor, target, &error));
          g_assert_no_error (error);
          sql = g_strdup_printf ("INSERT INTO trafficking_profile (id, office_id, beneficiary_id, status, "
                                 "created_at, updated_at) VALUES ('%s', '%s', '%s', 'possible', 'x', 'x')",
                                 hmr_beneficiary_get (target, HMR_BENEFICIARY_ID),
                                 hmr_beneficiary_get (target, HMR_BENEFICIARY_OFFICE_ID),
                                 hmr_beneficiary_get (target, HMR_BENEFICIARY_ID));
          exec_sql (f->path, sql);

          expected = hmr_permission_allows (actor, op->action,
                                            op->per_record ? hmr_beneficiary_get (target, HMR_BENEFICIARY_OFFICE_ID) : NULL);
          /* a caseworker registering in another district still registers in
           * their own office: allowed */
          if (g_str_equal (op->name, "insert") && role == HMR_ROLE_CASEWORKER)
            expected = TRUE;

          before = snapshot (f->path);
          audit_before = count_rows (f->path, "SELECT count(*) FROM audit_log");
          ok = op->run (f, actor, target, &error);
          after = snapshot (f->path);

          if (ok != expected)
            g_error ("%s × %s × %s: store %s, role table says %s (%s)",
                     hmr_role_to_string (role), op->name,
                     scope == SCOPE_OWN_OFFICE ? "own office" : "other office",
                     ok ? "allowed" : "refused", expected ? "allowed" : "refused",
                     error ? error->message : "");
          if (!ok)
            {
              /* refused: a clear error, nothing changed */
              g_assert_nonnull (error);
              g_assert_cmpstr (before, ==, after);
              g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log"), ==, audit_before);
            }
          else
            n_allowed++;
          n_checked++;
        }

  g_test_message ("%u combinations checked, %u allowed", n_checked, n_allowed);
  g_assert_cmpuint (n_allowed, >, 0);
  g_assert_cmpuint (n_allowed, <, n_checked);
}

static void
test_table_matches_design (void)
{
  /* Spot the table against DESIGN §6 in words, so that a slip in the table
   * itself does not go unseen */
  HmrActor cw = { "x", "cw", "cw", HMR_ROLE_CASEWORKER, (char *) DUSTI_OFFICE };
  HmrActor fin = { "x", "fin", "fin", HMR_ROLE_FINANCE, NULL };
  HmrActor adm = { "x", "adm", "adm", HMR_ROLE_ADMIN, NULL };
  HmrActor sup = { "x", "sup", "sup", HMR_ROLE_SUPERVISOR, NULL };

  g_assert_true (hmr_permission_allows (&cw, HMR_ACTION_BENEFICIARY_WRITE, DUSTI_OFFICE));
  g_assert_false (hmr_permission_allows (&cw, HMR_ACTION_BENEFICIARY_WRITE, PANJ_OFFICE));
  g_assert_true (hmr_permission_allows (&sup, HMR_ACTION_BENEFICIARY_WRITE, PANJ_OFFICE));
  g_assert_true (hmr_permission_allows (&fin, HMR_ACTION_BENEFICIARY_READ_IDENTITY, PANJ_OFFICE));
  g_assert_false (hmr_permission_allows (&fin, HMR_ACTION_BENEFICIARY_READ, PANJ_OFFICE));
  g_assert_false (hmr_permission_allows (&fin, HMR_ACTION_SENSITIVE_READ, NULL));
  g_assert_false (hmr_permission_allows (&adm, HMR_ACTION_BENEFICIARY_READ_IDENTITY, NULL));
  g_assert_true (hmr_permission_allows (&adm, HMR_ACTION_AUDIT_VERIFY, NULL));
  g_assert_false (hmr_permission_allows (&sup, HMR_ACTION_AUDIT_VERIFY, NULL));
  g_assert_true (hmr_permission_allows (&sup, HMR_ACTION_AUDIT_READ, NULL));
  g_assert_false (hmr_permission_allows (&cw, HMR_ACTION_AUDIT_READ, NULL));
  g_assert_false (hmr_permission_allows (NULL, HMR_ACTION_BENEFICIARY_READ_IDENTITY, NULL));
}

/* Finance reads identity only: filtering or sorting by what lies beyond
 * it (category, risk, ban, case stage…) would tell who is a victim of
 * trafficking or at high risk.  The store ignores those for them. */
static void
test_identity_reader_cannot_filter_beyond_identity (Fixture       *f,
                                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) victim = make_beneficiary ("Ҳасанов", "Зафар", "Dusti");
  g_autoptr(HmrBeneficiary) other = make_beneficiary ("Каримов", "Ҷамшед", "Dusti");
  HmrBeneficiaryQuery q = { 0 };
  g_autoptr(GArray) all = NULL;

  hmr_beneficiary_set (victim, HMR_BENEFICIARY_CATEGORY, "trafficking_victim");
  hmr_beneficiary_set (victim, HMR_BENEFICIARY_RISK_LEVEL, "high");
  hmr_beneficiary_set (other, HMR_BENEFICIARY_CATEGORY, "returned_migrant");
  hmr_beneficiary_set (other, HMR_BENEFICIARY_RISK_LEVEL, "low");
  g_assert_true (hmr_store_insert_beneficiary (f->store, f->supervisor, victim, &error));
  g_assert_true (hmr_store_insert_beneficiary (f->store, f->supervisor, other, &error));
  g_assert_no_error (error);

  all = hmr_store_query_beneficiary_ids (f->store, f->finance, &q, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);

  /* the supervisor's filters work */
  q.category = "trafficking_victim";
  {
    g_autoptr(GArray) ids = hmr_store_query_beneficiary_ids (f->store, f->supervisor, &q, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 1);
  }
  /* finance's give the whole list */
  {
    g_autoptr(GArray) ids = hmr_store_query_beneficiary_ids (f->store, f->finance, &q, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 2);
  }
  q.category = NULL;
  q.risk = "high";
  {
    g_autoptr(GArray) ids = hmr_store_query_beneficiary_ids (f->store, f->finance, &q, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 2);
  }
  /* sorting by risk is sorting by case number for them */
  q.risk = NULL;
  for (int descending = 0; descending < 2; descending++)
    {
      g_autoptr(GArray) by_risk = NULL;
      g_autoptr(GArray) by_number = NULL;

      q.descending = descending;
      q.sort = HMR_BENEFICIARY_SORT_RISK;
      by_risk = hmr_store_query_beneficiary_ids (f->store, f->finance, &q, NULL, &error);
      q.sort = HMR_BENEFICIARY_SORT_CASE_NUMBER;
      by_number = hmr_store_query_beneficiary_ids (f->store, f->finance, &q, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpmem (by_risk->data, by_risk->len * sizeof (gint64),
                       by_number->data, by_number->len * sizeof (gint64));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/permissions/table-matches-design", test_table_matches_design);
  g_test_add ("/permissions/store-enforces-role-table", Fixture, NULL,
              fixture_set_up, test_matrix, fixture_tear_down);
  g_test_add ("/permissions/identity-reader-cannot-filter-beyond-identity", Fixture, NULL,
              fixture_set_up, test_identity_reader_cannot_filter_beyond_identity, fixture_tear_down);
  return g_test_run ();
}
