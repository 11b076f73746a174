/* grant-test-util.h — shared by the grant, handover and ledger tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-grant.h"
#include "hmr-handover.h"
#include "hmr-test-util.h"

/* A registered beneficiary of @district, by @actor; returns its id */
static inline char *
add_person (Fixture        *f,
            const HmrActor *actor,
            const char     *family,
            const char     *given,
            const char     *family_latin,
            const char     *district)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = make_beneficiary (family, given, district);

  if (family_latin)
    hmr_beneficiary_set (b, HMR_BENEFICIARY_FAMILY_NAME_LATIN, family_latin);
  g_assert_true (hmr_store_insert_beneficiary (f->store, actor, b, &error));
  g_assert_no_error (error);
  return g_strdup (hmr_beneficiary_get (b, HMR_BENEFICIARY_ID));
}

/* The field example: three trafficked migrants build an auto-repair shop;
 * the budget adds up to 5,874.00 TJS */
static inline HmrGrant *
field_example_grant (const char *b1,
                     const char *b2,
                     const char *b3)
{
  HmrGrant *g = hmr_grant_new ();

  g->purpose = g_strdup ("Construction materials for a shared auto-repair shop");
  g->business_plan = g_strdup ("Tyre and engine repairs on the Dusti–Panj road; the families give the land and the labour.");
  hmr_grant_add_item (g, "Цемент, халтаи 50 кг", 30, "bags", 5200);
  hmr_grant_add_item (g, "Арматура, 10 мм", 400, "m", 400);
  hmr_grant_add_item (g, "Sheet metal, galvanised", 20, "sheets", 6200);
  hmr_grant_add_item (g, "Metal doors", 2, "pcs", 42000);
  hmr_grant_add_item (g, "Roof timber", 0.2, "m³", 317000);
  hmr_grant_add_member (g, b1);
  if (b2)
    hmr_grant_add_member (g, b2);
  if (b3)
    hmr_grant_add_member (g, b3);
  return g;
}

/* A saved draft of @requested dirams (one budget line) for @person */
static inline char *
add_grant (Fixture        *f,
           const HmrActor *actor,
           const char     *person,
           const char     *purpose,
           gint64          requested)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrGrant) g = hmr_grant_new ();

  g->purpose = g_strdup (purpose);
  hmr_grant_add_item (g, "Equipment", 1, "set", requested);
  hmr_grant_add_member (g, person);
  g_assert_true (hmr_store_insert_grant (f->store, actor, g, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g->amount_requested, ==, requested);
  return g_strdup (g->id);
}

/* Takes a draft through submission and approval of @approved dirams */
static inline void
submit_and_approve (Fixture    *f,
                    const char *grant_id,
                    gint64      approved)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hmr_store_submit_grant (f->store, f->caseworker, grant_id, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (hmr_store_approve_grant (f->store, f->supervisor, grant_id, approved, NULL, &error));
  g_assert_no_error (error);
}

static inline char *
grant_status (Fixture    *f,
              const char *grant_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrGrant) g = hmr_store_get_grant (f->store, f->supervisor, grant_id, &error);

  g_assert_no_error (error);
  return g_strdup (g->status);
}

/* Every row of the tables a refused action must leave alone, as text: two
 * snapshots are equal when nothing was written */
static inline char *
snapshot (Fixture *f)
{
  const char *tables[] = {
    "reintegration_grant", "grant_beneficiary", "grant_item", "grant_history", "disbursement",
    "handover", "handover_item", "handover_witness", "handover_history", "attachment", "audit_log",
  };
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY rowid", tables[t]);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (out, "[%s]\n", tables[t]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              if (sqlite3_column_type (stmt, c) == SQLITE_BLOB)
                g_string_append_printf (out, "<blob %d>|", sqlite3_column_bytes (stmt, c));
              else
                g_string_append_printf (out, "%s|", sqlite3_column_text (stmt, c) ?
                                        (const char *) sqlite3_column_text (stmt, c) : "NULL");
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

/* Runs a short Python 3 script on @path with Debian's python3 and returns
 * what it printed */
static inline char *
run_python (const char *script,
            const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  const char *argv[] = { "/usr/bin/python3", "-c", script, path, NULL };

  if (!g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &out, &err, &status, &error))
    g_error ("python3: %s", error->message);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("python3 could not read %s: %s", path, err);
  return g_steal_pointer (&out);
}

/* The text of a PDF, as pdftotext (poppler-utils) reads it */
static inline char *
pdf_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error))
    g_error ("pdftotext: %s", error->message);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("pdftotext could not read %s: %s", path, err);
  {
    /* no-break spaces (between digit groups, before "TJS") as plain ones */
    g_auto(GStrv) parts = g_strsplit (out, "\u00a0", -1);
    return g_strjoinv (" ", parts);
  }
}

/* Tears the fixture down after removing the files a test wrote beside the
 * database (exports, acts) */
static inline void
grant_tear_down (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    if (!g_str_has_prefix (name, "test.sqlite3"))
      {
        g_autofree char *path = g_build_filename (f->dir, name, NULL);
        g_unlink (path);
      }
  fixture_tear_down (f, data);
}

static inline guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p; p = strstr (p + strlen (needle), needle))
    n++;
  return n;
}
