/* test-store-changes.c — the store announces every committed change, once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "hmr-export.h"
#include "hmr-store.h"
#include "hmr-test-util.h"

typedef struct
{
  guint         n_notices;
  HmrChangeSet *last;
} Heard;

static void
on_changed (HmrStore     *store,
            HmrChangeSet *changes,
            Heard        *heard)
{
  heard->n_notices++;
  g_clear_pointer (&heard->last, hmr_change_set_unref);
  heard->last = hmr_change_set_ref (changes);
}

static void
heard_clear (Heard *heard)
{
  g_clear_pointer (&heard->last, hmr_change_set_unref);
}

/* Runs the main context until nothing is left to do */
static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static char *
register_one (HmrStore       *store,
              const HmrActor *actor,
              const char     *family)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = make_beneficiary (family, "Фарҳод", "Dusti");

  g_assert_true (hmr_store_insert_beneficiary (store, actor, b, &error));
  g_assert_no_error (error);
  return g_strdup (hmr_beneficiary_get (b, HMR_BENEFICIARY_ID));
}

static void
test_write_announced_once (Fixture       *f,
                           gconstpointer  data)
{
  Heard heard = { 0 };
  g_autofree char *id = NULL;
  gboolean found = FALSE;

  drain ();
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), &heard);
  id = register_one (f->store, f->caseworker, "Раҳимов");
  drain ();

  g_assert_cmpuint (heard.n_notices, ==, 1);
  g_assert_true (hmr_change_set_has_kind (heard.last, "beneficiary"));
  g_assert_true (hmr_change_set_concerns_beneficiary (heard.last, id));
  g_assert_false (hmr_change_set_concerns_beneficiary (heard.last, "someone-else"));
  for (guint i = 0; i < hmr_change_set_get_n_changes (heard.last); i++)
    if (g_strcmp0 (hmr_change_set_get_kind (heard.last, i), "beneficiary") == 0)
      {
        g_assert_cmpstr (hmr_change_set_get_id (heard.last, i), ==, id);
        g_assert_cmpstr (hmr_change_set_get_beneficiary_id (heard.last, i), ==, id);
        found = TRUE;
      }
  g_assert_true (found);
  heard_clear (&heard);
}

static void
test_refused_write_announces_nothing (Fixture       *f,
                                      gconstpointer  data)
{
  Heard heard = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = make_beneficiary ("", "", "Dusti");

  drain ();
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), &heard);
  /* No name: refused, nothing written */
  g_assert_false (hmr_store_insert_beneficiary (f->store, f->caseworker, b, &error));
  g_assert_nonnull (error);
  /* Finance may not register anyone */
  g_clear_error (&error);
  g_clear_object (&b);
  b = make_beneficiary ("Каримов", "Умед", "Dusti");
  g_assert_false (hmr_store_insert_beneficiary (f->store, f->finance, b, &error));
  drain ();
  g_assert_cmpuint (heard.n_notices, ==, 0);
}

static void
test_export_is_not_a_change (Fixture       *f,
                             gconstpointer  data)
{
  Heard heard = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *id = register_one (f->store, f->caseworker, "Назаров");
  g_autofree char *out = g_build_filename (f->dir, "export.xlsx", NULL);
  HmrBeneficiaryQuery query = { 0 };

  drain ();
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), &heard);
  g_assert_true (hmr_export_beneficiaries (f->store, f->caseworker, &query, out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  drain ();
  g_assert_cmpuint (heard.n_notices, ==, 0);
  g_unlink (out);
}

/* Logging in, right or wrong, changes no record: nothing on screen reloads */
static void
test_login_is_not_a_change (Fixture       *f,
                            gconstpointer  data)
{
  Heard heard = { 0 };
  g_autoptr(GError) error = NULL;
  HmrActor *actor;

  drain ();
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), &heard);
  actor = hmr_store_authenticate (f->store, "m.rahimova", "wrong-password", &error);
  g_assert_null (actor);
  g_assert_nonnull (error);
  g_clear_error (&error);
  actor = hmr_store_authenticate (f->store, "m.rahimova", "Anor-Surkh-4821", &error);
  g_assert_no_error (error);
  g_assert_nonnull (actor);
  hmr_actor_free (actor);
  drain ();
  g_assert_cmpuint (heard.n_notices, ==, 0);
}

typedef struct
{
  HmrStore       *sibling;
  const HmrActor *actor;
  guint           n;
  gboolean        batch;
} ThreadWork;

static gpointer
write_in_thread (gpointer data)
{
  ThreadWork *w = data;

  if (w->batch)
    hmr_store_begin_batch (w->sibling);
  for (guint i = 0; i < w->n; i++)
    {
      g_autofree char *family = g_strdup_printf ("Сафаров-%u", i);
      g_free (register_one (w->sibling, w->actor, family));
    }
  if (w->batch)
    hmr_store_end_batch (w->sibling);
  return NULL;
}

static void
run_in_thread (ThreadWork *w)
{
  GThread *thread = g_thread_new ("writer", write_in_thread, w);
  g_thread_join (thread);
}

static void
test_worker_write_reaches_main_once (Fixture       *f,
                                     gconstpointer  data)
{
  Heard heard = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrStore) sibling = hmr_store_open_sibling (f->store, &error);
  ThreadWork w = { sibling, f->caseworker, 1, FALSE };

  g_assert_no_error (error);
  drain ();
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), &heard);
  run_in_thread (&w);
  /* Nothing is announced from the worker's thread itself … */
  g_assert_cmpuint (heard.n_notices, ==, 0);
  /* … but on the main context, once */
  drain ();
  g_assert_cmpuint (heard.n_notices, ==, 1);
  g_assert_true (hmr_change_set_has_kind (heard.last, "beneficiary"));
  drain ();
  g_assert_cmpuint (heard.n_notices, ==, 1);
  heard_clear (&heard);
}

static void
test_batch_of_thousand_is_one_notice (Fixture       *f,
                                      gconstpointer  data)
{
  Heard heard = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrStore) sibling = hmr_store_open_sibling (f->store, &error);
  ThreadWork w = { sibling, f->caseworker, 1000, TRUE };

  g_assert_no_error (error);
  drain ();
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), &heard);
  run_in_thread (&w);
  drain ();
  g_assert_cmpuint (heard.n_notices, ==, 1);
  g_assert_true (hmr_change_set_has_kind (heard.last, "beneficiary"));
  g_assert_true (hmr_change_set_is_bulk (heard.last) ||
                 hmr_change_set_get_n_changes (heard.last) >= 1000);
  g_assert_cmpint (count_rows (f->path, "SELECT COUNT(*) FROM beneficiary"), ==, 1000);
  heard_clear (&heard);
}

static void
test_batch_on_main_thread_is_one_notice (Fixture       *f,
                                         gconstpointer  data)
{
  Heard heard = { 0 };

  drain ();
  g_signal_connect (f->store, "changed", G_CALLBACK (on_changed), &heard);
  hmr_store_begin_batch (f->store);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *family = g_strdup_printf ("Бобоев-%u", i);
      g_free (register_one (f->store, f->caseworker, family));
    }
  g_assert_cmpuint (heard.n_notices, ==, 0);
  hmr_store_end_batch (f->store);
  drain ();
  g_assert_cmpuint (heard.n_notices, ==, 1);
  g_assert_false (hmr_change_set_is_bulk (heard.last));
  heard_clear (&heard);
}

static void
test_change_set_collapses_when_huge (void)
{
  g_autoptr(HmrChangeSet) set = hmr_change_set_new ();

  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *id = g_strdup_printf ("id-%u", i);
      hmr_change_set_add (set, "referral", id, "b-1");
    }
  g_assert_true (hmr_change_set_is_bulk (set));
  g_assert_cmpuint (hmr_change_set_get_n_changes (set), ==, 0);
  g_assert_true (hmr_change_set_has_kind (set, "referral"));
  g_assert_false (hmr_change_set_has_kind (set, "grant"));
  g_assert_true (hmr_change_set_concerns_beneficiary (set, "anyone"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/changes/write-announced-once", test_write_announced_once);
  ADD ("/store/changes/refused-write-announces-nothing", test_refused_write_announces_nothing);
  ADD ("/store/changes/export-is-not-a-change", test_export_is_not_a_change);
  ADD ("/store/changes/worker-write-reaches-main-once", test_worker_write_reaches_main_once);
  ADD ("/store/changes/batch-of-1000-is-one-notice", test_batch_of_thousand_is_one_notice);
  ADD ("/store/changes/batch-on-main-thread-is-one-notice", test_batch_on_main_thread_is_one_notice);
  ADD ("/store/changes/login-is-not-a-change", test_login_is_not_a_change);
#undef ADD
  g_test_add_func ("/store/changes/huge-set-keeps-kinds", test_change_set_collapses_when_huge);
  return g_test_run ();
}
