/* hmr-demo.c — realistic, deterministic demo data
 *
 * hmr_demo_fill() creates the demo users through the public API (their
 * Argon2id hashes side by side, one connection each), then
 * streams N beneficiaries, oldest registration first, with everything a
 * programme like the one in DESIGN §1 records about them: migration story,
 * re-entry ban, trafficking profile, case file and its history,
 * assessment, plan, referrals, follow-ups, grants and handovers, group
 * sessions and a phone survey.  The shares (4.7% women, 1.4% with a
 * disability, 25% banned by a court, …) are those of the programme's own
 * leaflet.
 *
 * Everything is drawn from one GRand seeded with the seed, and record ids
 * are UUID v4 text derived from the seed too, so the same seed gives the
 * same database — except for what the store makes itself: the users' ids
 * and password hashes, and the audit rows' times.  Dates are spread over
 * the three years before the store clock's today.
 *
 * Rows go in through prepared statements reused for every row, about
 * 100,000 rows (some 4,000 beneficiaries) to a transaction; each committed
 * batch writes one audit row per table it touched ("demo-load", with the
 * table's count before and after) in the same transaction, the demo
 * administrator as the actor.  If the fill fails, the batches already
 * committed stay: demo data goes into a new database only.
 *
 * The files: hmr-demo-rows.c (statements, ids, chances, dates),
 * hmr-demo-person.c (identity, migration, ban, trafficking),
 * hmr-demo-case.c (case file, assessment, plan), hmr-demo-services.c
 * (providers, referrals, follow-ups, sessions, survey), hmr-demo-grants.c
 * (grants, tranches, handovers) and hmr-demo-data.c (names and places).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdarg.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hmr-demo-private.h"
#include "hmr-people.h"

#define CACHE_KIB 262144                /* page cache while loading */

void
hmr_demo_user_free (HmrDemoUser *user)
{
  if (user == NULL)
    return;
  g_free (user->username);
  g_free (user->full_name);
  g_free (user->full_name_cyrillic);
  g_free (user->password);
  g_free (user);
}
/* Commits the batch with one audit row per table it touched */
static gboolean
commit_batch (HmrDemo   *d,
              gboolean   again,
              GError   **error)
{
  for (guint t = 0; t < HMR_DEMO_N_TABLES; t++)
    {
      g_autoptr(HmrChanges) changes = NULL;
      g_autofree char *json = NULL;
      char before[32], after[32];

      if (d->batch[t] == 0)
        continue;
      g_snprintf (before, sizeof before, "%" G_GUINT64_FORMAT, d->total[t]);
      g_snprintf (after, sizeof after, "%" G_GUINT64_FORMAT, d->total[t] + d->batch[t]);
      changes = hmr_changes_new ();
      hmr_changes_add (changes, "count", d->total[t] ? before : NULL, after);
      json = hmr_changes_free_to_json (g_steal_pointer (&changes));
      if (!hmr_store_audit_append (d->store, d->admin, "demo-load", hmr_demo_table_entity (t), NULL,
                                   json, error))
        return FALSE;
      d->total[t] += d->batch[t];
      d->batch[t] = 0;
    }
  d->batch_rows = 0;
  if (!hmr_store_commit (d->store, error))
    return FALSE;
  return !again || hmr_store_begin (d->store, error);
}

/* ---- users ---------------------------------------------------------------- */

static char *
make_password (GRand      *rand,
               const char *username)
{
  for (;;)
    {
      GString *s = g_string_new (NULL);
      g_autofree char *candidate = NULL;

      while (s->len < 9)
        {
          guint w = (guint) g_rand_int_range (rand, 0, hmr_demo_password_words.n);

          if (s->len > 0)
            g_string_append_c (s, '-');
          g_string_append (s, hmr_demo_password_words.items[w]);
        }
      g_string_append_printf (s, "-%04d", g_rand_int_range (rand, 1000, 10000));
      candidate = g_string_free (s, FALSE);
      if (hmr_password_is_acceptable (username, candidate, NULL))
        return g_steal_pointer (&candidate);
    }
}

static HmrDemoUser *
make_user (GRand      *rand,
           HmrRole     role,
           GHashTable *taken)
{
  const HmrDemoNames *names = hmr_demo_names_get ();
  HmrDemoUser *u = g_new0 (HmrDemoUser, 1);

  u->role = role;
  for (;;)
    {
      gboolean female = g_rand_boolean (rand);
      const HmrDemoFamilyName *family = &names->family[g_rand_int_range (rand, 0, names->n_family_common)];
      const HmrDemoGivenName *given = female ? &names->female[g_rand_int_range (rand, 0, names->n_female)]
                                             : &names->male[g_rand_int_range (rand, 0, names->n_male_common)];
      g_autofree char *lower_given = g_ascii_strdown (given->latin, -1);
      g_autofree char *lower_family = g_ascii_strdown (family->latin[female], -1);
      g_autofree char *username = g_strdup_printf ("%c.%s", lower_given[0], lower_family);

      if (g_hash_table_contains (taken, username))
        continue;
      g_hash_table_add (taken, g_strdup (username));
      u->username = g_steal_pointer (&username);
      u->full_name = g_strdup_printf ("%s %s", given->latin, family->latin[female]);
      u->full_name_cyrillic = g_strdup_printf ("%s %s", given->cyr, family->cyr[female]);
      break;
    }
  u->password = make_password (rand, u->username);
  return u;
}

static const char * const caseworker_districts[] = {
  "Dusti", "Panj", "Farkhor", "Khorugh", "Shughnon",
};

typedef struct
{
  HmrDemo       *d;
  HmrDemoUser   *user;
  HmrDemoOffice *office;
  HmrActor      *actor;
  GError        *error;
} UserJob;

/* Argon2id keeps one core busy for half a second per password: the users
 * after the first administrator are made side by side, each through its
 * own connection to the database (and the same clock) */
static void
create_user_job (gpointer data,
                 gpointer pool_data)
{
  UserJob *job = data;
  HmrDemo *d = job->d;
  g_autoptr(HmrStore) store = hmr_store_open (hmr_store_get_path (d->store), &job->error);

  if (store == NULL)
    return;
  hmr_store_set_clock (store, d->store->clock_func, d->store->clock_data);
  job->actor = hmr_store_create_user (store, d->admin, job->user->username,
                                      job->user->full_name, job->user->role,
                                      job->office ? job->office->id : NULL,
                                      job->user->password, &job->error);
  if (job->actor != NULL &&
      !hmr_store_set_user_cyrillic_name (store, d->admin, job->actor->user_id,
                                         job->user->full_name_cyrillic, &job->error))
    g_clear_pointer (&job->actor, hmr_actor_free);
}

static gboolean
create_users (HmrDemo    *d,
              guint64     seed,
              GPtrArray  *users,
              GError    **error)
{
  static const HmrRole roles[] = { HMR_ROLE_SUPERVISOR, HMR_ROLE_FINANCE };
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint32 words[2] = { (guint32) (seed >> 32) ^ 0x5eedu, (guint32) seed };
  UserJob jobs[G_N_ELEMENTS (roles) + G_N_ELEMENTS (caseworker_districts)];
  guint n_jobs = 0;
  GThreadPool *pool;
  HmrDemoUser *admin;
  gboolean ok = TRUE;

  rand = g_rand_new_with_seed_array (words, 2);
  admin = make_user (rand, HMR_ROLE_ADMIN, taken);
  g_ptr_array_add (users, admin);
  d->admin = hmr_store_create_first_admin (d->store, admin->username, admin->full_name,
                                           admin->password, error);
  if (d->admin == NULL ||
      !hmr_store_set_user_cyrillic_name (d->store, d->admin, d->admin->user_id,
                                         admin->full_name_cyrillic, error))
    return FALSE;

  memset (jobs, 0, sizeof jobs);
  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      HmrRole role = i < G_N_ELEMENTS (roles) ? roles[i] : HMR_ROLE_CASEWORKER;
      HmrDemoOffice *office = NULL;

      if (role == HMR_ROLE_CASEWORKER)
        {
          const char *district = caseworker_districts[i - G_N_ELEMENTS (roles)];
          for (guint k = 0; k < d->n_offices; k++)
            if (g_strcmp0 (d->offices[k].place->district, district) == 0)
              office = &d->offices[k];
          if (office == NULL)
            continue;
        }
      jobs[n_jobs].d = d;
      jobs[n_jobs].office = office;
      jobs[n_jobs].user = make_user (rand, role, taken);
      g_ptr_array_add (users, jobs[n_jobs].user);
      n_jobs++;
    }

  /* at most four at a time: each hash takes 256 MB */
  pool = g_thread_pool_new (create_user_job, NULL, CLAMP (g_get_num_processors (), 1, 4),
                            FALSE, NULL);
  for (guint i = 0; i < n_jobs; i++)
    g_thread_pool_push (pool, &jobs[i], NULL);
  g_thread_pool_free (pool, FALSE, TRUE);

  for (guint i = 0; i < n_jobs; i++)
    {
      UserJob *job = &jobs[i];

      if (job->actor == NULL)
        {
          if (ok)
            g_propagate_error (error, g_steal_pointer (&job->error));
          g_clear_error (&job->error);
          ok = FALSE;
          continue;
        }
      switch (job->user->role)
        {
        case HMR_ROLE_SUPERVISOR:
          d->supervisor_id = g_strdup (job->actor->user_id);
          d->supervisor_name = g_strdup (job->actor->full_name);
          break;
        case HMR_ROLE_FINANCE:
          d->finance_id = g_strdup (job->actor->user_id);
          break;
        case HMR_ROLE_CASEWORKER:
          job->office->caseworker_id = g_strdup (job->actor->user_id);
          job->office->caseworker_name = g_strdup (job->actor->full_name);
          break;
        case HMR_ROLE_ADMIN:
        case HMR_N_ROLES:
        default:
          g_assert_not_reached ();
        }
      g_clear_pointer (&job->actor, hmr_actor_free);
    }
  return ok;
}

/* ---- offices ---------------------------------------------------------------- */

static gboolean
load_offices (HmrDemo  *d,
              GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = hmr_store_prepare (d->store,
                            "SELECT id, code, name FROM office "
                            "WHERE district = ?1 AND deleted_at IS NULL ORDER BY code LIMIT 1",
                            error);
  if (stmt == NULL)
    return FALSE;

  /* In the order of the table, so that the draw does not depend on how
   * the database happens to list its offices */
  for (guint k = 0; k < hmr_demo_n_districts && d->n_offices < HMR_DEMO_MAX_OFFICES; k++)
    {
      HmrDemoOffice *o = &d->offices[d->n_offices];
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, hmr_demo_districts[k].district, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        continue;
      if (rc != SQLITE_ROW)
        return hmr_store_set_sqlite_error (d->store, rc, error);
      g_strlcpy (o->id, (const char *) sqlite3_column_text (stmt, 0), sizeof o->id);
      g_strlcpy (o->code, (const char *) sqlite3_column_text (stmt, 1), sizeof o->code);
      o->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      o->place = &hmr_demo_districts[k];
      d->office_weight_total += o->place->weight;
      d->n_offices++;
    }
  if (d->n_offices == 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_FAILED,
                   _("The database has no district offices to put demo data in."));
      return FALSE;
    }
  return TRUE;
}

guint
hmr_demo_pick_office (HmrDemo *d)
{
  guint r = hmr_demo_rand (d, d->office_weight_total);

  for (guint k = 0; k < d->n_offices; k++)
    {
      if (r < d->offices[k].place->weight)
        return k;
      r -= d->offices[k].place->weight;
    }
  return d->n_offices - 1;
}

/* How long providers have to answer and to complete, as the referral
 * store will reckon due dates */
static void
load_deadlines (HmrDemo *d)
{
  static const int answer[] = { 14, 10, 21, 30, 7, 10, 7 };
  static const int completion[] = { 90, 30, 120, 60, 30, 30, 60 };
  g_autoptr(sqlite3_stmt) stmt = NULL;

  memcpy (d->answer_days, answer, sizeof answer);
  memcpy (d->completion_days, completion, sizeof completion);
  stmt = hmr_store_prepare (d->store,
                            "SELECT service_type, answer_days, completion_days FROM service_deadline",
                            NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    for (guint s = 0; s < HMR_DEMO_N_SERVICES; s++)
      if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), hmr_demo_service_codes[s]) == 0)
        {
          d->answer_days[s] = sqlite3_column_int (stmt, 1);
          d->completion_days[s] = sqlite3_column_int (stmt, 2);
        }
}

/* ---- filling ---------------------------------------------------------------- */

static void
demo_free (HmrDemo *d)
{
  for (guint t = 0; t < HMR_DEMO_N_TABLES; t++)
    g_clear_pointer (&d->stmt[t], sqlite3_finalize);
  for (guint k = 0; k < d->n_offices; k++)
    {
      g_free (d->offices[k].name);
      g_free (d->offices[k].caseworker_id);
      g_free (d->offices[k].caseworker_name);
      for (guint p = 0; p < d->offices[k].n_providers; p++)
        g_free (d->offices[k].provider_name[p]);
    }
  g_clear_pointer (&d->admin, hmr_actor_free);
  g_clear_pointer (&d->rand, g_rand_free);
  g_free (d->supervisor_id);
  g_free (d->supervisor_name);
  g_free (d->finance_id);
  if (d->text)
    g_string_free (d->text, TRUE);
  if (d->text2)
    g_string_free (d->text2, TRUE);
  g_free (d);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrDemo, demo_free)

static void
plan_survey (HmrDemo *d)
{
  guint population = MIN (d->n, 4000);
  static const double shares[12] = {
    0.66, 0.60, 0.59,                                   /* knowledge */
    207 / 365.0, 146 / 365.0, 93 / 365.0, 93 / 365.0, 58 / 365.0, 85 / 365.0,   /* actions */
    0.69, 0.79, 0.71,                                   /* perspective */
  };

  /* The leaflet's survey: 365 of 4,000 participants, phoned some weeks
   * after their session */
  d->round_day = d->ref_day - 75;
  d->survey_eligible = 0;
  for (guint i = 0; i < d->n; i++)
    if (d->first_day + (int) ((guint64) i * HMR_DEMO_SPAN_DAYS / d->n) < d->round_day - 30)
      d->survey_eligible = i + 1;
  d->survey_sample = (365 * population + 2000) / 4000;
  d->survey_sample = MIN (d->survey_sample, d->survey_eligible);
  for (guint k = 0; k < G_N_ELEMENTS (shares); k++)
    d->survey_yes[k] = (guint) (shares[k] * d->survey_sample + 0.5);
}

static gboolean
write_case_sequences (HmrDemo  *d,
                      GError  **error)
{
  for (guint k = 0; k < d->n_offices; k++)
    for (guint y = 0; y < G_N_ELEMENTS (d->offices[k].seq); y++)
      if (d->offices[k].seq[y] > 0 &&
          !hmr_demo_insert (d, HMR_DEMO_T_CASE_SEQUENCE, error, "sdd", d->offices[k].id,
                            d->base_year + (int) y, (int) d->offices[k].seq[y]))
        return FALSE;
  return TRUE;
}

static gboolean
fill (HmrDemo  *d,
      GError  **error)
{
  if (!hmr_store_begin (d->store, error))
    return FALSE;
  if (!hmr_demo_write_providers (d, error))
    return FALSE;
  if (d->survey_sample > 0 && !hmr_demo_write_round (d, error))
    return FALSE;

  for (guint i = 0; i < d->n; i++)
    {
      /* grants and survey calls fall evenly over the registrations */
      if ((guint64) (i + 1) * d->grants_target / d->n > (guint64) i * d->grants_target / d->n)
        d->grants_owed++;
      if (i < d->survey_eligible &&
          (guint64) (i + 1) * d->survey_sample / d->survey_eligible >
          (guint64) i * d->survey_sample / d->survey_eligible)
        d->survey_owed++;

      if (!hmr_demo_write_person (d, i, error))
        return FALSE;
      if (d->batch_rows >= HMR_DEMO_BATCH_ROWS && !commit_batch (d, TRUE, error))
        return FALSE;
    }

  if (!write_case_sequences (d, error))
    return FALSE;
  return commit_batch (d, FALSE, error);
}

/**
 * hmr_demo_fill:
 * @store: a new, empty database
 * @n_beneficiaries: how many beneficiaries to register
 * @seed: the same seed gives the same data
 * @users: (out) (optional) (element-type HmrDemoUser): the demo users with
 *   their passwords: an administrator, a supervisor, a finance officer and
 *   caseworkers in five district offices
 *
 * Fills @store with realistic demo data.  Slow parts: a couple of seconds
 * for the users' password hashes, then a few thousand beneficiaries a
 * second (each with some 25 rows in 30 tables).
 */
gboolean
hmr_demo_fill (HmrStore   *store,
               guint       n_beneficiaries,
               guint64     seed,
               GPtrArray **users,
               GError    **error)
{
  g_autoptr(HmrDemo) d = g_new0 (HmrDemo, 1);
  g_autoptr(GPtrArray) created = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_demo_user_free);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *pragma = NULL;
  int old_cache = -2000;
  GDate today;
  gboolean ok;

  g_return_val_if_fail (HMR_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  d->store = store;
  d->n = n_beneficiaries;
  hmr_demo_seed (d, seed);
  d->text = g_string_sized_new (512);
  d->text2 = g_string_sized_new (256);
  d->example_index = G_MAXUINT;

  now = hmr_store_now (store);
  utc = g_date_time_to_utc (now);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (utc), g_date_time_get_month (utc),
                  g_date_time_get_year (utc));
  d->ref_day = (int) g_date_get_julian (&today);
  d->first_day = d->ref_day - HMR_DEMO_SPAN_DAYS;
  d->base_year = hmr_demo_year (d->first_day);

  if (!load_offices (d, error) || !create_users (d, seed, created, error))
    return FALSE;

  if (d->n == 0)
    goto done;

  /* Every grant state and the newsletter's shared grant need a few */
  d->grants_target = d->n / 20;
  if (d->n >= 50)
    {
      d->grants_target = MAX (d->grants_target, 10);
      for (guint k = 0; k < d->n_offices; k++)
        if (g_strcmp0 (d->offices[k].place->district, "Penjikent") == 0)
          d->example_index = d->n / 3;
    }
  plan_survey (d);
  load_deadlines (d);

  if (!hmr_demo_prepare (d, error))
    return FALSE;

  {
    g_autoptr(sqlite3_stmt) cache = hmr_store_prepare (store, "PRAGMA cache_size", NULL);
    if (cache != NULL && sqlite3_step (cache) == SQLITE_ROW)
      old_cache = sqlite3_column_int (cache, 0);
  }
  /* A bigger page cache, and no foreign key lookups while loading: the
   * generator writes parents before children (test-demo checks with
   * PRAGMA foreign_key_check) */
  pragma = g_strdup_printf ("PRAGMA cache_size = -%d; PRAGMA foreign_keys = OFF", CACHE_KIB);
  hmr_store_exec (store, pragma, NULL);

  ok = fill (d, error);
  if (!ok)
    hmr_store_rollback (store);

  g_free (pragma);
  pragma = g_strdup_printf ("PRAGMA cache_size = %d; PRAGMA foreign_keys = ON", old_cache);
  hmr_store_exec (store, pragma, NULL);
  if (!ok)
    return FALSE;

done:
  if (users != NULL)
    *users = g_steal_pointer (&created);
  return TRUE;
}
