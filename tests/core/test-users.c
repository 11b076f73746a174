/* test-users.c — the administrator's work on accounts, and the audit page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-people.h"
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


/* Tajik and Russian screens name staff in Cyrillic: the administrator
 * writes the spelling, the store keeps it with an audit row, and refuses
 * one that is not Cyrillic, naming the field */
static void
test_cyrillic_name_written_and_audited (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const HmrAuditEntry *last;
  const char *found = NULL;

  g_assert_true (hmr_store_set_user_cyrillic_name (f->store, f->admin, f->caseworker->user_id,
                                                   "  Малика Раҳимова ", &error));
  g_assert_no_error (error);
  users = hmr_store_list_users (f->store, f->admin, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < users->len; i++)
    {
      HmrUserInfo *u = g_ptr_array_index (users, i);
      if (g_strcmp0 (u->id, f->caseworker->user_id) == 0)
        found = u->full_name_cyrillic;
    }
  g_assert_cmpstr (found, ==, "Малика Раҳимова");

  rows = hmr_store_list_audit (f->store, f->admin, "user", f->caseworker->user_id, &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (rows, rows->len - 1);
  g_assert_cmpstr (last->action, ==, "update");
  g_assert_cmpstr (last->username, ==, "admin");
  g_assert_nonnull (strstr (last->changes, "full_name_cyrillic"));
  g_assert_nonnull (strstr (last->changes, "Малика Раҳимова"));

  /* Latin letters, or none in Cyrillic: refused, naming the field */
  g_assert_false (hmr_store_set_user_cyrillic_name (f->store, f->admin, f->caseworker->user_id,
                                                    "Malika Rahimova", &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Full name in Cyrillic"));
  g_clear_error (&error);
  g_assert_false (hmr_store_set_user_cyrillic_name (f->store, f->admin, f->caseworker->user_id,
                                                    "Малика Rahimova", &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* only an administrator writes it */
  g_assert_false (hmr_store_set_user_cyrillic_name (f->store, f->supervisor, f->caseworker->user_id,
                                                    "Малика", &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);

  /* a blank one clears it */
  g_assert_true (hmr_store_set_user_cyrillic_name (f->store, f->admin, f->caseworker->user_id, "", &error));
  g_assert_no_error (error);
  g_clear_pointer (&users, g_ptr_array_unref);
  users = hmr_store_list_users (f->store, f->admin, &error);
  for (guint i = 0; i < users->len; i++)
    {
      HmrUserInfo *u = g_ptr_array_index (users, i);
      if (g_strcmp0 (u->id, f->caseworker->user_id) == 0)
        g_assert_null (u->full_name_cyrillic);
    }
}

/* The audit trail names a record as people do: the case number of the
 * person it is about, a member of staff's name, an office's district;
 * never its id */
static void
test_audit_records_named_as_people_name_them (Fixture       *f,
                                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = make_beneficiary ("Раҳимов", "Фаррух", "Dusti");
  g_autofree char *person = NULL;
  g_autofree char *staff = NULL;
  g_autofree char *office = NULL;
  g_autofree char *nothing = NULL;
  g_autofree char *refused = NULL;
  const char *id;

  g_assert_true (hmr_store_insert_beneficiary (f->store, f->caseworker, b, &error));
  g_assert_no_error (error);
  id = hmr_beneficiary_get (b, HMR_BENEFICIARY_ID);
  person = hmr_store_dup_audit_record_name (f->store, f->supervisor, "beneficiary", id);
  g_assert_cmpstr (person, ==, hmr_beneficiary_get (b, HMR_BENEFICIARY_CASE_NUMBER));
  g_assert_true (g_str_has_prefix (person, "DST-"));

  /* the tests run in English: the Latin name, though a Cyrillic one is written */
  g_assert_true (hmr_store_set_user_cyrillic_name (f->store, f->admin, f->caseworker->user_id,
                                                   "Малика Раҳимова", &error));
  staff = hmr_store_dup_audit_record_name (f->store, f->supervisor, "user", f->caseworker->user_id);
  g_assert_cmpstr (staff, ==, "Malika Rahimova");

  office = hmr_store_dup_audit_record_name (f->store, f->admin, "office", DUSTI_OFFICE);
  g_assert_cmpstr (office, ==, "Dusti");
  g_assert_cmpstr (hmr_audit_field_entity ("office_id"), ==, "office");
  g_assert_null (hmr_audit_field_entity ("village"));

  /* nothing to name: no name, and never the id */
  nothing = hmr_store_dup_audit_record_name (f->store, f->supervisor, "beneficiary", "no-such-id");
  g_assert_null (nothing);
  /* who may not read the trail learns nothing from it */
  refused = hmr_store_dup_audit_record_name (f->store, f->caseworker, "beneficiary", id);
  g_assert_null (refused);
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
  ADD ("/users/cyrillic-name-written-and-audited", test_cyrillic_name_written_and_audited);
  ADD ("/audit/records-named-as-people-name-them", test_audit_records_named_as_people_name_them);
#undef ADD
  return g_test_run ();
}
