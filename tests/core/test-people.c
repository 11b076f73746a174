/* test-people.c — what the Users and Audit pages ask of the store: the
 * trail a page at a time, its changes made readable, account flags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-people.h"
#include "hmr-test-util.h"

static void
test_changes_parsed (void)
{
  g_autoptr(GPtrArray) changes = NULL;
  HmrAuditChange *c;

  changes = hmr_audit_parse_changes ("{\"village\":{\"before\":null,\"after\":\"Ғалла\\\"кор\\n\\u0444\"},"
                                     "\"household_size\":{\"before\":\"5\",\"after\":\"6\"}}");
  g_assert_nonnull (changes);
  g_assert_cmpuint (changes->len, ==, 2);
  c = g_ptr_array_index (changes, 0);
  g_assert_cmpstr (c->field, ==, "village");
  g_assert_null (c->before);
  g_assert_cmpstr (c->after, ==, "Ғалла\"кор\nф");
  c = g_ptr_array_index (changes, 1);
  g_assert_cmpstr (c->before, ==, "5");
  g_assert_cmpstr (c->after, ==, "6");

  g_clear_pointer (&changes, g_ptr_array_unref);
  changes = hmr_audit_parse_changes ("{}");
  g_assert_nonnull (changes);
  g_assert_cmpuint (changes->len, ==, 0);

  /* Not that shape: left for the page to show as it is */
  g_assert_null (hmr_audit_parse_changes ("not json"));
  g_assert_null (hmr_audit_parse_changes ("{\"a\":{\"before\":\"x\""));
  g_assert_null (hmr_audit_parse_changes (NULL));
}

static void
test_audit_paged (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  HmrAuditQuery query = { 0, };
  gint64 before = 0;
  guint total = 0;

  for (int i = 0; i < 7; i++)
    {
      hmr_store_audit_event (f->store, f->supervisor, "export", "beneficiary", NULL, "test", &error);
      g_assert_no_error (error);
    }

  /* Pages of three, newest first, none twice, all of them in the end */
  query.action = "export";
  query.limit = 3;
  for (;;)
    {
      g_autoptr(GPtrArray) page = hmr_store_search_audit_page (f->store, f->supervisor, &query, before, &error);

      g_assert_no_error (error);
      if (page->len == 0)
        break;
      for (guint i = 0; i < page->len; i++)
        {
          HmrAuditEntry *e = g_ptr_array_index (page, i);

          g_assert_cmpstr (e->action, ==, "export");
          g_assert_true (before == 0 || e->seq < before);
          g_assert_false (g_hash_table_contains (seen, &e->seq));
          g_hash_table_add (seen, g_memdup2 (&e->seq, sizeof e->seq));
          before = e->seq;
          total++;
        }
    }
  g_assert_cmpuint (total, ==, 7);
}

/* From and To are days in Dushanbe; the trail's times are UTC.  One row,
 * made at 20:30 UTC on the 1st, which is 01:30 on the 2nd in Dushanbe */
static const struct
{
  const char *from, *to;
  guint expected;
} local_day_cases[] = {
  { "2026-12-02", "2026-12-02", 1 },
  { "02.12.2026", NULL, 1 },
  { NULL, "2026-12-02", 1 },
  { "2026-12-01", "2026-12-01", 0 },
  { NULL, "2026-12-01", 0 },
  { "2026-12-03", NULL, 0 },
};

static void
add_row_after_local_midnight (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_date_time_unref (f->now);
  f->now = g_date_time_new_utc (2026, 12, 1, 20, 30, 0);
  local = g_date_time_to_local (f->now);
  g_assert_cmpint (g_date_time_get_day_of_month (local), ==, 2);
  hmr_store_audit_event (f->store, f->supervisor, "export", "beneficiary", NULL, "after midnight", &error);
  g_assert_no_error (error);
}

static void
test_audit_days_are_local (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  HmrAuditQuery query = { 0, };

  add_row_after_local_midnight (f);
  query.action = "export";
  for (guint i = 0; i < G_N_ELEMENTS (local_day_cases); i++)
    {
      g_autoptr(GPtrArray) page = NULL;

      query.from_day = local_day_cases[i].from;
      query.to_day = local_day_cases[i].to;
      page = hmr_store_search_audit_page (f->store, f->supervisor, &query, 0, &error);
      g_assert_no_error (error);
      if (page->len != local_day_cases[i].expected)
        g_error ("from %s to %s: %u rows, expected %u", local_day_cases[i].from,
                 local_day_cases[i].to, page->len, local_day_cases[i].expected);
    }

  query.from_day = "yesterday";
  query.to_day = NULL;
  g_assert_null (hmr_store_search_audit_page (f->store, f->supervisor, &query, 0, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
}

/* The older, unpaged search reads the days the same way: it used to take
 * them as UTC days, so "from 2 December" missed the first five hours of
 * the 2nd in Dushanbe and "to 1 December" took them in */
static void
test_audit_search_days_are_local (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  HmrAuditQuery query = { 0, };

  add_row_after_local_midnight (f);
  query.action = "export";
  for (guint i = 0; i < G_N_ELEMENTS (local_day_cases); i++)
    {
      g_autoptr(GPtrArray) rows = NULL;

      query.from_day = local_day_cases[i].from;
      query.to_day = local_day_cases[i].to;
      rows = hmr_store_search_audit (f->store, f->supervisor, &query, &error);
      g_assert_no_error (error);
      if (rows->len != local_day_cases[i].expected)
        g_error ("from %s to %s: %u rows, expected %u", local_day_cases[i].from,
                 local_day_cases[i].to, rows->len, local_day_cases[i].expected);
    }

  /* A day that is not a date is refused, not silently ignored */
  query.from_day = NULL;
  query.to_day = "tomorrow";
  g_assert_null (hmr_store_search_audit (f->store, f->supervisor, &query, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
}

static void
test_audit_values_need_audit_read (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_autoptr(GPtrArray) refused = NULL;

  actions = hmr_store_list_audit_values (f->store, f->supervisor, HMR_AUDIT_COLUMN_ACTION, &error);
  g_assert_no_error (error);
  g_assert_true (g_ptr_array_find_with_equal_func (actions, "create", g_str_equal, NULL));

  refused = hmr_store_list_audit_values (f->store, f->caseworker, HMR_AUDIT_COLUMN_ACTION, &error);
  g_assert_null (refused);
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
}

static void
test_require_password_change (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_false (hmr_store_must_change_password (f->store, f->caseworker));

  /* Only an administrator asks it */
  g_assert_false (hmr_store_require_password_change (f->store, f->supervisor, f->caseworker->user_id, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (hmr_store_must_change_password (f->store, f->caseworker));

  g_assert_true (hmr_store_require_password_change (f->store, f->admin, f->caseworker->user_id, &error));
  g_assert_no_error (error);
  g_assert_true (hmr_store_must_change_password (f->store, f->caseworker));

  /* … and the trail says who asked */
  rows = hmr_store_list_audit (f->store, f->admin, "user", f->caseworker->user_id, &error);
  g_assert_no_error (error);
  {
    HmrAuditEntry *last = g_ptr_array_index (rows, rows->len - 1);

    g_assert_cmpstr (last->user_id, ==, f->admin->user_id);
    g_assert_nonnull (strstr (last->changes, "must_change_password"));
  }
}

static void
test_new_account_must_change_password (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) created = NULL;
  g_autoptr(HmrActor) refused = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  HmrAuditEntry *entry;

  created = hmr_store_create_user_with_temporary_password (f->store, f->admin, "z.nazarova",
                                                           "Зарина Назарова", HMR_ROLE_SUPERVISOR,
                                                           NULL, "Navbahor-Sabz-2026", &error);
  g_assert_no_error (error);
  g_assert_true (hmr_store_must_change_password (f->store, created));

  /* One audit row: the account and the flag were written together */
  rows = hmr_store_list_audit (f->store, f->admin, "user", created->user_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  entry = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (entry->action, ==, "create");
  g_assert_nonnull (strstr (entry->changes, "must_change_password"));

  /* Nobody but an administrator creates accounts */
  refused = hmr_store_create_user_with_temporary_password (f->store, f->supervisor, "x.user",
                                                           "X User", HMR_ROLE_FINANCE, NULL,
                                                           "Navbahor-Sabz-2026", &error);
  g_assert_null (refused);
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
}

int
main (int   argc,
      char *argv[])
{
  /* before anything asks for the local time zone */
  g_setenv ("TZ", "Asia/Dushanbe", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/people/audit/changes-parsed", test_changes_parsed);
  g_test_add ("/people/audit/days-are-local-days", Fixture, NULL, fixture_set_up,
              test_audit_days_are_local, fixture_tear_down);
  g_test_add ("/people/audit/search-days-are-local-days", Fixture, NULL, fixture_set_up,
              test_audit_search_days_are_local, fixture_tear_down);
  g_test_add ("/people/audit/paged", Fixture, NULL, fixture_set_up, test_audit_paged, fixture_tear_down);
  g_test_add ("/people/audit/values-need-audit-read", Fixture, NULL, fixture_set_up,
              test_audit_values_need_audit_read, fixture_tear_down);
  g_test_add ("/people/users/new-account-must-change-password", Fixture, NULL, fixture_set_up,
              test_new_account_must_change_password, fixture_tear_down);
  g_test_add ("/people/users/require-password-change", Fixture, NULL, fixture_set_up,
              test_require_password_change, fixture_tear_down);

  return g_test_run ();
}
