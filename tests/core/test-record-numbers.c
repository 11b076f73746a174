/* test-record-numbers.c — grants and handover acts numbered like cases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "grant-test-util.h"
#include "hmr-act-pdf.h"

static HmrHandover *
small_handover (const char *beneficiary_id)
{
  HmrHandover *h = hmr_handover_new ();

  h->beneficiary_id = g_strdup (beneficiary_id);
  h->handed_on = g_strdup ("15.11.2026");
  h->place = g_strdup ("Деҳаи Гулистон");
  h->received_by = g_strdup ("Ҷӯраев Ғайрат");
  hmr_handover_add_item (h, "Дастгоҳи кафшеркунӣ", 1, 320000, "WM-204518");
  hmr_handover_add_witness (h, "Саидов Абдуллоҳ", "Раиси ҷамоати Бахор");
  return h;
}

static char *
number_of_grant (Fixture    *f,
                 const char *grant_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrGrant) g = hmr_store_get_grant (f->store, f->supervisor, grant_id, &error);

  g_assert_no_error (error);
  return g_strdup (g->number);
}

static void
raw_exec (Fixture    *f,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static void
test_office_year_and_sequence (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dusti = add_person (f, f->caseworker, "Ҷӯраев", "Ғайрат", "Juraev", "Dusti");
  g_autofree char *panj = add_person (f, f->caseworker_panj, "Раҳимов", "Фарҳод", NULL, "Panj");
  g_autofree char *g1 = add_grant (f, f->caseworker, dusti, "Welding workshop", 500000);
  g_autofree char *g2 = add_grant (f, f->caseworker, dusti, "Greenhouse", 300000);
  g_autofree char *g3 = add_grant (f, f->caseworker_panj, panj, "Bakery", 400000);
  g_autofree char *n1 = number_of_grant (f, g1);
  g_autofree char *n2 = number_of_grant (f, g2);
  g_autofree char *n3 = number_of_grant (f, g3);
  g_autoptr(HmrHandover) act = small_handover (dusti);
  g_autoptr(HmrHandover) read = NULL;
  g_autofree char *found = NULL;

  g_assert_cmpstr (n1, ==, "DST-G-2026-0001");
  g_assert_cmpstr (n2, ==, "DST-G-2026-0002");
  g_assert_cmpstr (n3, ==, "PNJ-G-2026-0001");

  submit_and_approve (f, g1, 500000);
  act->grant_id = g_strdup (g1);
  g_assert_true (hmr_store_insert_handover (f->store, f->caseworker, act, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (act->number, ==, "DST-A-2026-0001");
  read = hmr_store_get_handover (f->store, f->finance, act->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->number, ==, "DST-A-2026-0001");
  g_assert_cmpstr (read->grant_number, ==, "DST-G-2026-0001");

  /* a new year starts again at one */
  g_date_time_unref (f->now);
  f->now = g_date_time_new_utc (2027, 1, 4, 8, 0, 0);
  {
    g_autofree char *g4 = add_grant (f, f->caseworker, dusti, "Sewing machines", 200000);
    g_autofree char *n4 = number_of_grant (f, g4);
    g_assert_cmpstr (n4, ==, "DST-G-2027-0001");
  }

  /* the number finds the record, typed in capitals or not */
  found = hmr_store_dup_record_id (f->store, f->finance, "grant", "dst-g-2026-0002", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, g2);
  g_clear_pointer (&found, g_free);
  found = hmr_store_dup_record_id (f->store, f->finance, "handover", "DST-A-2026-0001", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, act->id);
  g_clear_pointer (&found, g_free);
  found = hmr_store_dup_record_id (f->store, f->finance, "handover", "DST-A-2026-0002", &error);
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND);
  g_assert_null (found);
}

/* Grants and acts made before numbers keep the number they were printed
 * with, and are still found by it */
static void
test_old_numbers_still_read_and_found (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dusti = add_person (f, f->caseworker, "Ҷӯраев", "Ғайрат", "Juraev", "Dusti");
  g_autofree char *old = add_grant (f, f->caseworker, dusti, "Welding workshop", 500000);
  g_autofree char *old_number = g_ascii_strup (old, 8);
  g_autofree char *shown = NULL;
  g_autofree char *found = NULL;
  g_autofree char *newer = NULL;
  g_autofree char *newer_number = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "receipt.pdf", NULL);
  g_autofree char *text = NULL;

  raw_exec (f, "UPDATE reintegration_grant SET number = NULL");
  shown = number_of_grant (f, old);
  g_assert_cmpstr (shown, ==, old_number);
  found = hmr_store_dup_record_id (f->store, f->finance, "grant", old_number, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, old);

  submit_and_approve (f, old, 500000);
  g_assert_true (hmr_store_record_disbursement (f->store, f->finance, old, "2026-11-10", 300000,
                                                "cash", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (hmr_act_write_grant_receipt (f->store, f->finance, old, 0, HMR_ACT_LANGUAGE_EN, pdf, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, old_number));

  /* numbering goes on as if nothing happened */
  newer = add_grant (f, f->caseworker, dusti, "Greenhouse", 300000);
  newer_number = number_of_grant (f, newer);
  g_assert_cmpstr (newer_number, ==, "DST-G-2026-0002");
}

/* A grant or an act received from the office's other laptop moves the
 * counter past its number */
static void
test_counter_follows_numbers_received (Fixture       *f,
                                       gconstpointer  data)
{
  g_autofree char *dusti = add_person (f, f->caseworker, "Ҷӯраев", "Ғайрат", "Juraev", "Dusti");
  g_autofree char *first = add_grant (f, f->caseworker, dusti, "Welding workshop", 500000);
  g_autofree char *next = NULL;
  g_autofree char *next_number = NULL;

  raw_exec (f, "INSERT INTO reintegration_grant (id, office_id, purpose, amount_requested, created_at, "
               "updated_at, number) VALUES ('6d1f0c52-0000-4000-8000-000000000001', "
               "'" DUSTI_OFFICE "', 'Bakery', 100000, '2026-11-20T10:00:00Z', "
               "'2026-11-20T10:00:00Z', 'DST-G-2026-0041')");
  next = add_grant (f, f->caseworker, dusti, "Greenhouse", 300000);
  next_number = number_of_grant (f, next);
  g_assert_cmpstr (next_number, ==, "DST-G-2026-0042");
}

typedef struct
{
  HmrStore       *store;
  const HmrActor *actor;
  const char     *person;
  GPtrArray      *numbers;
  GError         *error;
} Writer;

#define N_EACH 15

static gpointer
write_grants (gpointer data)
{
  Writer *w = data;

  for (guint i = 0; i < N_EACH && w->error == NULL; i++)
    {
      g_autoptr(HmrGrant) g = hmr_grant_new ();

      g->purpose = g_strdup_printf ("Grant %u", i);
      hmr_grant_add_item (g, "Equipment", 1, "set", 100000);
      hmr_grant_add_member (g, w->person);
      if (hmr_store_insert_grant (w->store, w->actor, g, &w->error))
        g_ptr_array_add (w->numbers, g_strdup (g->number));
    }
  return NULL;
}

/* Two connections writing at once never get the same number */
static void
test_concurrent_writers_never_share_a_number (Fixture       *f,
                                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dusti = add_person (f, f->caseworker, "Ҷӯраев", "Ғайрат", "Juraev", "Dusti");
  g_autoptr(HmrStore) one = hmr_store_open_sibling (f->store, &error);
  g_autoptr(HmrStore) two = hmr_store_open_sibling (f->store, &error);
  Writer a = { one, f->caseworker, dusti, g_ptr_array_new_with_free_func (g_free), NULL };
  Writer b = { two, f->caseworker, dusti, g_ptr_array_new_with_free_func (g_free), NULL };
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GThread *ta, *tb;

  g_assert_no_error (error);
  ta = g_thread_new ("writer-a", write_grants, &a);
  tb = g_thread_new ("writer-b", write_grants, &b);
  g_thread_join (ta);
  g_thread_join (tb);
  g_assert_no_error (a.error);
  g_assert_no_error (b.error);
  g_assert_cmpuint (a.numbers->len + b.numbers->len, ==, 2 * N_EACH);
  for (guint i = 0; i < a.numbers->len; i++)
    g_assert_true (g_hash_table_add (seen, g_ptr_array_index (a.numbers, i)));
  for (guint i = 0; i < b.numbers->len; i++)
    g_assert_true (g_hash_table_add (seen, g_ptr_array_index (b.numbers, i)));
  /* and together they are 1 … 30, without a gap */
  for (guint i = 1; i <= 2 * N_EACH; i++)
    {
      g_autofree char *n = g_strdup_printf ("DST-G-2026-%04u", i);
      g_assert_true (g_hash_table_contains (seen, n));
    }
  g_ptr_array_unref (a.numbers);
  g_ptr_array_unref (b.numbers);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, grant_tear_down)
  ADD ("/grant/number/office-kind-year-and-sequence", test_office_year_and_sequence);
  ADD ("/grant/number/old-numbers-still-read-and-found", test_old_numbers_still_read_and_found);
  ADD ("/grant/number/counter-follows-numbers-received", test_counter_follows_numbers_received);
  ADD ("/grant/number/concurrent-writers-never-share-a-number", test_concurrent_writers_never_share_a_number);
#undef ADD
  return g_test_run ();
}
