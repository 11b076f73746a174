/* test-audit-anchor.c — what the chain alone cannot show, its anchor does
 *
 * Each attack is made as the report made it: with a plain SQLite
 * connection to the file (the attacker first drops whatever triggers
 * guard the log), never through the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include "hmr-store-private.h"
#include "hmr-test-util.h"

static void
fill (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(HmrBeneficiary) b = make_beneficiary ("Раҳимов", "Фаррух", "Dusti");
      g_assert_true (hmr_store_insert_beneficiary (f->store, f->caseworker, b, &error));
      g_assert_no_error (error);
    }
}

/* A plain connection, without Hamroh's functions and without the
 * triggers that guard the log */
static void
as_attacker (Fixture    *f,
             const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GPtrArray) drops = g_ptr_array_new_with_free_func (g_free);
  char *err = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'trigger'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (drops, g_strdup_printf ("DROP TRIGGER \"%s\"", sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  for (guint i = 0; i < drops->len; i++)
    g_assert_cmpint (sqlite3_exec (db, g_ptr_array_index (drops, i), NULL, NULL, NULL), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &err) != SQLITE_OK)
    g_error ("%s: %s", sql, err);
  sqlite3_close (db);
}

static gint64
verify (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  gint64 checked = 0, broken = -1;

  g_assert_true (hmr_store_verify_audit (f->store, f->admin, &checked, &broken, &error));
  g_assert_no_error (error);
  return broken;
}

static gint64
last_seq (Fixture *f)
{
  return count_rows (f->path, "SELECT max(seq) FROM audit_log");
}

static void
test_intact_and_private (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *anchor = NULL;
  g_autofree char *key = g_build_filename (g_get_user_config_dir (), "hamroh", "audit-anchor.key", NULL);
  struct stat st;

  fill (f);
  g_assert_cmpint (verify (f), ==, 0);
  anchor = hmr_store_dup_anchor_path (f->store);
  g_assert_cmpint (g_stat (anchor, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (key, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* a restart keeps it */
  g_clear_object (&f->store);
  f->store = hmr_store_open (f->path, NULL);
  g_assert_cmpint (verify (f), ==, 0);
}

static void
test_last_rows_removed (Fixture       *f,
                        gconstpointer  data)
{
  gint64 last;

  fill (f);
  last = last_seq (f);
  as_attacker (f, "DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 2 FROM audit_log)");
  /* the first missing row is named */
  g_assert_cmpint (verify (f), ==, last - 1);
}

static void
test_rows_removed_then_new_ones (Fixture       *f,
                                 gconstpointer  data)
{
  gint64 last;

  fill (f);
  last = last_seq (f);
  as_attacker (f, "DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)");
  /* new writes fill the gap and go past it: the anchor does not follow */
  fill (f);
  g_assert_cmpint (last_seq (f), >, last);
  g_assert_cmpint (verify (f), ==, last);
}

static void
test_log_wiped (Fixture       *f,
                gconstpointer  data)
{
  fill (f);
  as_attacker (f, "DELETE FROM audit_log");
  g_assert_cmpint (verify (f), ==, 1);
}

/* Rewrites row @seq's changes and recomputes every hash after it, as
 * someone who read hmr-store-audit.c would */
static void
rewrite_and_recompute (Fixture *f,
                       gint64   from)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GString) sql = g_string_new ("BEGIN;");
  g_autofree char *prev = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT seq, at, user_id, username, action, entity, entity_id, changes, prev_hash "
                                       "FROM audit_log WHERE seq >= ?1 ORDER BY seq", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, from);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);
      const char *changes = seq == from ? "{\"detail\":{\"before\":null,\"after\":\"nothing to see\"}}"
                                        : (const char *) sqlite3_column_text (stmt, 7);
      g_autofree char *hash = NULL;
      char *q;

      if (prev == NULL)
        prev = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
      hash = hmr_audit_compute_hash (prev, seq,
                                     (const char *) sqlite3_column_text (stmt, 1),
                                     (const char *) sqlite3_column_text (stmt, 2),
                                     (const char *) sqlite3_column_text (stmt, 3),
                                     (const char *) sqlite3_column_text (stmt, 4),
                                     (const char *) sqlite3_column_text (stmt, 5),
                                     (const char *) sqlite3_column_text (stmt, 6),
                                     changes);
      q = sqlite3_mprintf ("UPDATE audit_log SET changes = %Q, prev_hash = %Q, hash = %Q WHERE seq = %lld;",
                           changes, prev, hash, (long long) seq);
      g_string_append (sql, q);
      sqlite3_free (q);
      g_free (prev);
      prev = g_steal_pointer (&hash);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_string_append (sql, "COMMIT;");
  as_attacker (f, sql->str);
}

static void
test_chain_recomputed (Fixture       *f,
                       gconstpointer  data)
{
  fill (f);
  rewrite_and_recompute (f, 3);
  /* the chain holds together, but not at the anchored head */
  g_assert_cmpint (verify (f), ==, last_seq (f));
}

static void
test_anchor_altered (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *anchor = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) parts = NULL;
  g_autofree char *forged = NULL;
  gint64 checked, broken;

  fill (f);
  as_attacker (f, "DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 2 FROM audit_log)");
  /* the anchor moved back to match, without the key */
  anchor = hmr_store_dup_anchor_path (f->store);
  g_assert_true (g_file_get_contents (anchor, &contents, NULL, NULL));
  parts = g_strsplit (g_strchomp (contents), " ", -1);
  forged = g_strdup_printf ("%s %" G_GINT64_FORMAT " %s %s\n", parts[0],
                            last_seq (f), parts[2], parts[3]);
  g_assert_true (g_file_set_contents (anchor, forged, -1, NULL));

  g_assert_false (hmr_store_verify_audit (f->store, f->admin, &checked, &broken, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "anchor"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* the store warns when it keeps the anchor back from a tampered log;
   * here that is expected */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/audit/anchor/intact-after-writes-and-readable-by-owner-only", test_intact_and_private);
  ADD ("/audit/anchor/last-rows-removed-reported", test_last_rows_removed);
  ADD ("/audit/anchor/rows-removed-then-new-ones-reported", test_rows_removed_then_new_ones);
  ADD ("/audit/anchor/wiped-log-reported", test_log_wiped);
  ADD ("/audit/anchor/recomputed-chain-reported", test_chain_recomputed);
  ADD ("/audit/anchor/altered-anchor-refused", test_anchor_altered);
#undef ADD
  return g_test_run ();
}
