/* test-lockout.c — guesses sent at once cannot get past the lockout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hmr-test-util.h"

#define N_GUESSES 20

typedef struct
{
  HmrStore *store;       /* a connection of the guess's own, like another process */
  const char *password;
  GError   *error;
  HmrActor *who;
} Guess;

static GMutex lock;
static GCond  go;
static gboolean started;

static gpointer
guess_thread (gpointer data)
{
  Guess *g = data;

  g_mutex_lock (&lock);
  while (!started)
    g_cond_wait (&go, &lock);
  g_mutex_unlock (&lock);
  g->who = hmr_store_authenticate (g->store, "m.rahimova", g->password, &g->error);
  return NULL;
}

/* Runs the guesses in parallel; returns how many were refused as locked */
static guint
guess_at_once (Fixture     *f,
               Guess       *guesses,
               guint        n)
{
  GThread *threads[N_GUESSES + 1];
  guint n_locked = 0;

  started = FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;

      guesses[i].store = hmr_store_open (f->path, &error);
      g_assert_no_error (error);
      hmr_store_set_clock (guesses[i].store, fixture_clock, f);
      threads[i] = g_thread_new ("guess", guess_thread, &guesses[i]);
    }
  g_mutex_lock (&lock);
  started = TRUE;
  g_cond_broadcast (&go);
  g_mutex_unlock (&lock);
  for (guint i = 0; i < n; i++)
    {
      g_thread_join (threads[i]);
      if (g_error_matches (guesses[i].error, HMR_STORE_ERROR, HMR_STORE_ERROR_LOCKED))
        n_locked++;
      else if (guesses[i].who == NULL)
        g_assert_error (guesses[i].error, HMR_STORE_ERROR, HMR_STORE_ERROR_AUTH);
      g_clear_object (&guesses[i].store);
    }
  return n_locked;
}

static void
test_parallel_guesses_lock_after_six (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) who = NULL;
  Guess guesses[N_GUESSES] = { 0 };
  guint n_locked;

  for (guint i = 0; i < N_GUESSES; i++)
    guesses[i].password = "wrong-password-123";
  n_locked = guess_at_once (f, guesses, N_GUESSES);

  /* six passwords were checked, the others were refused unchecked */
  g_assert_cmpuint (n_locked, ==, N_GUESSES - 6);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE action IN ('login-failed', 'lockout')"),
                   ==, 6);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE action = 'lockout'"), ==, 1);
  /* every attempt left a trace */
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE action IN ('login-attempt', 'login-refused-locked')"),
                   ==, N_GUESSES);

  /* and the right password is refused now */
  who = hmr_store_authenticate (f->store, "m.rahimova", "Anor-Surkh-4821", &error);
  g_assert_null (who);
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_LOCKED);

  for (guint i = 0; i < N_GUESSES; i++)
    g_clear_error (&guesses[i].error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/store/login/parallel-guesses-lock-after-six", test_parallel_guesses_lock_after_six);
#undef ADD
  return g_test_run ();
}
