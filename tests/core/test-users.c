/* test-users.c — the administrator's work on accounts, and the audit page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-test-util.h"

static void
test_deactivated_user_cannot_log_in_or_write (Fixture       *f,
                                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) who = NULL;
  g_autoptr(HmrBeneficiary) b = make_beneficiary ("Раҳимов", "Фаррух", "Dusti");

  g_assert_true (hmr_store_set_user_active (f->store, f->admin, f->caseworker->user_id, FALSE, &error));
  g_assert_no_error (error);

  who = hmr_store_authenticate (f->store, "m.rahimova", "Anor-Surkh-4821", &error);
  g_assert_null (who);
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_AUTH);
  g_clear_error (&error);

  /* a window still open with the old actor cannot write either */
  g_assert_false (hmr_store_insert_beneficiary (f->store, f->caseworker, b, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NO_ACTOR);
  g_clear_error (&error);

  /* nor can the administrator lock themselves out */
  g_assert_false (hmr_store_set_user_active (f->store, f->admin, f->admin->user_id, FALSE, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* and only the administrator manages users */
  g_assert_false (hmr_store_set_user_active (f->store, f->supervisor, f->finance->user_id, FALSE, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);

  g_assert_true (hmr_store_set_user_active (f->store, f->admin, f->caseworker->user_id, TRUE, &error));
  who = hmr_store_authenticate (f->store, "m.rahimova", "Anor-Surkh-4821", &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE action IN ('deactivate', 'activate')"), ==, 2);
}

static void
test_reset_password_must_change (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) who = NULL;

  /* a weak password is refused with the rule that was broken */
  g_assert_false (hmr_store_reset_password (f->store, f->admin, f->caseworker->user_id, "m.rahimova-1234", &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (hmr_store_reset_password (f->store, f->admin, f->caseworker->user_id, "Muvaqqati-Parol-1", &error));
  g_assert_no_error (error);
  who = hmr_store_authenticate (f->store, "m.rahimova", "Muvaqqati-Parol-1", &error);
  g_assert_no_error (error);
  g_assert_true (hmr_store_must_change_password (f->store, who));

  g_assert_false (hmr_store_change_password (f->store, who, "Muvaqqati-Parol-1", "Muvaqqati-Parol-1", &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (hmr_store_change_password (f->store, who, "Muvaqqati-Parol-1", "Nav-Parol-Bahor-9", &error));
  g_assert_no_error (error);
  g_assert_false (hmr_store_must_change_password (f->store, who));
  g_clear_pointer (&who, hmr_actor_free);
  who = hmr_store_authenticate (f->store, "m.rahimova", "Nav-Parol-Bahor-9", &error);
  g_assert_no_error (error);
  g_assert_nonnull (who);
}

static void
test_list_users (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) users = hmr_store_list_users (f->store, f->admin, &error);
  gboolean found = FALSE;

  g_assert_no_error (error);
  g_assert_cmpuint (users->len, ==, 5);
  for (guint i = 0; i < users->len; i++)
    {
      HmrUserInfo *u = g_ptr_array_index (users, i);
      if (g_strcmp0 (u->username, "m.rahimova") == 0)
        {
          found = TRUE;
          g_assert_cmpint (u->role, ==, HMR_ROLE_CASEWORKER);
          g_assert_cmpstr (u->office_district, ==, "Dusti");
          g_assert_true (u->active);
        }
    }
  g_assert_true (found);
  g_assert_null (hmr_store_list_users (f->store, f->caseworker, NULL));
}

static void
test_audit_search_filters (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  HmrAuditQuery q = { 0 };

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(HmrBeneficiary) b = make_beneficiary ("Раҳимов", "Фаррух", "Dusti");
      g_assert_true (hmr_store_insert_beneficiary (f->store, f->caseworker, b, &error));
    }
  q.username = "m.rahimova";
  q.entity = "beneficiary";
  rows = hmr_store_search_audit (f->store, f->supervisor, &q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  /* newest first */
  g_assert_cmpint (((HmrAuditEntry *) g_ptr_array_index (rows, 0))->seq, >,
                   ((HmrAuditEntry *) g_ptr_array_index (rows, 1))->seq);
  g_clear_pointer (&rows, g_ptr_array_unref);

  q.from_day = "2026-11-23";
  q.to_day = "2026-11-23";
  rows = hmr_store_search_audit (f->store, f->supervisor, &q, &error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);
  q.from_day = "2026-11-24";
  q.to_day = NULL;
  rows = hmr_store_search_audit (f->store, f->supervisor, &q, &error);
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);

  rows = hmr_store_search_audit (f->store, f->caseworker, &q, &error);
  g_assert_null (rows);
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/users/deactivated-cannot-log-in-or-write", test_deactivated_user_cannot_log_in_or_write);
  ADD ("/users/reset-password-must-change", test_reset_password_must_change);
  ADD ("/users/list", test_list_users);
  ADD ("/audit/search-filters", test_audit_search_filters);
#undef ADD
  return g_test_run ();
}
