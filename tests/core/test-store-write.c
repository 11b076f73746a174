/* test-store-write.c — hmr_store_write(): a write is saved with its audit
 * row in one transaction, or not at all
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hmr-store-private.h"
#include "hmr-test-util.h"

/* What the test callbacks do after renaming the caseworker */
typedef enum
{
  THEN_SUCCEED,
  THEN_FAIL,
  THEN_NOTHING_TO_DO,
  THEN_AUDIT_EARLY_AND_MORE,
  THEN_FORGET_THE_AUDIT_ROW,
} Then;

static gboolean
rename_user (HmrStore        *self,
             const HmrActor  *actor,
             HmrAuditRow     *audit,
             gpointer         data,
             GError         **error)
{
  Then then = GPOINTER_TO_INT (data);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = hmr_store_prepare (self, "UPDATE app_user SET full_name = 'Renamed' WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, audit->entity_id);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, sqlite3_errcode (self->db), error);
  hmr_changes_add (audit->changes, "full_name", "Malika Rahimova", "Renamed");

  switch (then)
    {
    case THEN_FAIL:
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID, "refused after writing");
      return FALSE;
    case THEN_NOTHING_TO_DO:
      audit->nothing_to_do = TRUE;
      return TRUE;
    case THEN_AUDIT_EARLY_AND_MORE:
      return hmr_store_write_audit (self, actor, audit, error) &&
             hmr_store_audit_append (self, actor, "after", "user", audit->entity_id, NULL, error);
    case THEN_SUCCEED:
    case THEN_FORGET_THE_AUDIT_ROW:
    default:
      return TRUE;
    }
}

static gint64
renamed (Fixture *f)
{
  return count_rows (f->path, "SELECT count(*) FROM app_user WHERE full_name = 'Renamed'");
}

static gint64
audit_rows (Fixture    *f,
            const char *action)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE action = '%s'", action);

  return count_rows (f->path, sql);
}

static void
test_saved_with_audit_row (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  g_assert_true (hmr_store_write (f->store, f->admin, "rename", "user", f->caseworker->user_id,
                                  rename_user, GINT_TO_POINTER (THEN_SUCCEED), &error));
  g_assert_no_error (error);
  g_assert_cmpint (renamed (f), ==, 1);
  sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE action = 'rename' AND entity = 'user' "
                         "AND entity_id = '%s' AND user_id = '%s' AND changes LIKE '%%Renamed%%'",
                         f->caseworker->user_id, f->admin->user_id);
  g_assert_cmpint (count_rows (f->path, sql), ==, 1);
}

static void
test_failure_saves_nothing (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 audited = count_rows (f->path, "SELECT count(*) FROM audit_log");

  g_assert_false (hmr_store_write (f->store, f->admin, "rename", "user", f->caseworker->user_id,
                                   rename_user, GINT_TO_POINTER (THEN_FAIL), &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (renamed (f), ==, 0);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log"), ==, audited);

  /* and the transaction is over: the next write goes through */
  g_assert_true (hmr_store_write (f->store, f->admin, "rename", "user", f->caseworker->user_id,
                                  rename_user, GINT_TO_POINTER (THEN_SUCCEED), &error));
  g_assert_no_error (error);
  g_assert_cmpint (renamed (f), ==, 1);
}

static void
test_nothing_to_do_leaves_no_trace (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hmr_store_write (f->store, f->admin, "rename", "user", f->caseworker->user_id,
                                  rename_user, GINT_TO_POINTER (THEN_NOTHING_TO_DO), &error));
  g_assert_no_error (error);
  g_assert_cmpint (renamed (f), ==, 0);
  g_assert_cmpint (audit_rows (f, "rename"), ==, 0);
}

static void
test_early_audit_row_comes_first (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hmr_store_write (f->store, f->admin, "rename", "user", f->caseworker->user_id,
                                  rename_user, GINT_TO_POINTER (THEN_AUDIT_EARLY_AND_MORE), &error));
  g_assert_no_error (error);
  /* written once, before the row that followed it */
  g_assert_cmpint (audit_rows (f, "rename"), ==, 1);
  g_assert_cmpint (count_rows (f->path,
                               "SELECT (SELECT seq FROM audit_log WHERE action = 'rename') + 1 = "
                               "(SELECT seq FROM audit_log WHERE action = 'after')"), ==, 1);
}

static void
test_write_without_audit_row_refused (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  GLogLevelFlags fatal;

  /* entity NULL: the callback promised to audit by itself, and did not.
   * The store says so with a critical, which here must not end the test
   * (the build logs structured, which g_test_expect_message() misses) */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK);
  ok = hmr_store_write (f->store, f->admin, "rename", NULL, f->caseworker->user_id,
                        rename_user, GINT_TO_POINTER (THEN_FORGET_THE_AUDIT_ROW), &error);
  g_log_set_always_fatal (fatal);
  g_assert_false (ok);
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_FAILED);
  g_assert_cmpint (renamed (f), ==, 0);
}

/* An archive whose UPDATE found nothing to archive (the record moved on
 * after it was checked) is refused and leaves no audit row */
static void
test_archive_of_nothing_refused (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (hmr_store_write (f->store, f->admin, "archive", "service_provider",
                                   "no-such-provider", hmr_store_archive_locked,
                                   "UPDATE service_provider SET deleted_at = ?2, updated_at = ?2, updated_by = ?3 "
                                   "WHERE id = ?1 AND deleted_at IS NULL",
                                   &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT);
  g_assert_cmpint (audit_rows (f, "archive"), ==, 0);
}

/* Registering, changing and archiving a beneficiary go through the one
 * write helper: each saved change has its audit rows, in order; a change
 * that changes nothing and a second archive leave none */
static void
test_beneficiary_writes_audited (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = make_beneficiary ("Саидова", "Гулнора", "Dusti");
  g_autofree char *sql = NULL;
  const char *id;

  g_assert_true (hmr_store_insert_beneficiary (f->store, f->caseworker, b, &error));
  g_assert_no_error (error);
  id = hmr_beneficiary_get (b, HMR_BENEFICIARY_ID);
  sql = g_strdup_printf ("SELECT (SELECT seq FROM audit_log WHERE entity = 'beneficiary' AND action = 'create' "
                         "AND entity_id = '%s') + 1 = (SELECT seq FROM audit_log WHERE entity = 'case' "
                         "AND action = 'create' AND changes LIKE '%%%s%%')", id, id);
  g_assert_cmpint (count_rows (f->path, sql), ==, 1);

  g_assert_true (hmr_store_update_beneficiary (f->store, f->caseworker, b, &error));
  g_assert_no_error (error);
  g_assert_cmpint (audit_rows (f, "update"), ==, 0);
  g_assert_cmpint (hmr_beneficiary_get_int (b, HMR_BENEFICIARY_VERSION, 0), ==, 1);

  hmr_beneficiary_set (b, HMR_BENEFICIARY_VILLAGE, "Навобод");
  g_assert_true (hmr_store_update_beneficiary (f->store, f->caseworker, b, &error));
  g_assert_no_error (error);
  g_assert_cmpint (audit_rows (f, "update"), ==, 1);
  g_assert_cmpint (hmr_beneficiary_get_int (b, HMR_BENEFICIARY_VERSION, 0), ==, 2);

  g_assert_true (hmr_store_archive_beneficiary (f->store, f->caseworker, id, &error));
  g_assert_no_error (error);
  g_assert_true (hmr_store_archive_beneficiary (f->store, f->caseworker, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (audit_rows (f, "archive"), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/store/write/saved-with-its-audit-row", test_saved_with_audit_row);
  ADD ("/store/write/failure-saves-nothing", test_failure_saves_nothing);
  ADD ("/store/write/nothing-to-do-leaves-no-trace", test_nothing_to_do_leaves_no_trace);
  ADD ("/store/write/early-audit-row-comes-first", test_early_audit_row_comes_first);
  ADD ("/store/write/without-audit-row-refused", test_write_without_audit_row_refused);
  ADD ("/store/write/archive-of-nothing-refused-without-audit-row", test_archive_of_nothing_refused);
  ADD ("/store/write/beneficiary-writes-audited-through-the-helper", test_beneficiary_writes_audited);
#undef ADD
  return g_test_run ();
}
