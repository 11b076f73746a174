/* hmr-store-survey.c — survey rounds and their samples; responses and call
 * lists are in hmr-store-survey-response.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "hmr-session-private.h"
#include "hmr-survey.h"

/* The population of a round: ?1 kind, ?2 from, ?3 to, ?4 district.  In
 * the order the draw counts positions in: by district, then id. */
#define POPULATION_WHERE \
  "FROM beneficiary b WHERE b.deleted_at IS NULL AND b.duplicate_of IS NULL " \
  "AND (?4 IS NULL OR b.district = ?4) " \
  "AND ((?1 = 'registered' AND substr (b.created_at, 1, 10) BETWEEN ?2 AND ?3) " \
  "  OR (?1 = 'attended' AND EXISTS (SELECT 1 FROM attendance a JOIN group_session s ON s.id = a.session_id " \
  "      WHERE a.beneficiary_id = b.id AND a.deleted_at IS NULL AND s.deleted_at IS NULL " \
  "      AND s.held_on BETWEEN ?2 AND ?3))) "

typedef struct
{
  const HmrSurveySpec *spec;
  char                *name;
  char                *from;
  char                *to;
  char                *office_id;     /* the district's, or NULL */
  double               confidence;
  double               margin;
  guint64              seed;
  guint                population;
} Spec;

static void
spec_clear (Spec *s)
{
  g_clear_pointer (&s->name, g_free);
  g_clear_pointer (&s->from, g_free);
  g_clear_pointer (&s->to, g_free);
  g_clear_pointer (&s->office_id, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Spec, spec_clear)

static gboolean
check_spec (HmrStore             *self,
            const HmrSurveySpec  *spec,
            gboolean              for_opening,
            Spec                 *s,
            GError              **error)
{
  s->spec = spec;
  if (for_opening && hmr_session_is_blank (spec->name))
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Name: give the survey round a name."));
      return FALSE;
    }
  s->name = g_strstrip (g_strdup (spec->name ? spec->name : ""));
  if (g_strcmp0 (spec->population, "attended") != 0 && g_strcmp0 (spec->population, "registered") != 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Population: choose the people who attended a session or everyone registered."));
      return FALSE;
    }
  s->from = hmr_session_dup_iso_date (spec->from);
  if (s->from == NULL)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("From: “%s” is not a date."), spec->from ? spec->from : "");
      return FALSE;
    }
  s->to = hmr_session_dup_iso_date (spec->to);
  if (s->to == NULL)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("To: “%s” is not a date."), spec->to ? spec->to : "");
      return FALSE;
    }
  if (strcmp (s->from, s->to) > 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Period: the end comes before the start."));
      return FALSE;
    }
  s->confidence = spec->confidence == 0 ? 0.95 : spec->confidence;
  if (s->confidence < 0.8 || s->confidence > 0.999)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Confidence level: choose between 80%% and 99.9%%."));
      return FALSE;
    }
  s->margin = spec->margin == 0 ? 0.05 : spec->margin;
  if (s->margin < 0.01 || s->margin > 0.2)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Margin of error: choose between 1%% and 20%%."));
      return FALSE;
    }
  if (!hmr_session_is_blank (spec->district))
    {
      s->office_id = hmr_store_dup_office_for_district (self, spec->district, error);
      if (s->office_id == NULL)
        return FALSE;
    }
  s->seed = spec->seed;
  if (s->seed == 0)
    s->seed = ((guint64) g_random_int () << 31) ^ (guint64) g_get_real_time ();
  /* stored as SQLite's signed integer; kept positive to read back the same */
  s->seed &= G_GUINT64_CONSTANT (0x7fffffffffffffff);
  return TRUE;
}

static void
bind_population (sqlite3_stmt *stmt,
                 const char   *kind,
                 const char   *from,
                 const char   *to,
                 const char   *district)
{
  hmr_bind_text (stmt, 1, kind);
  hmr_bind_text (stmt, 2, from);
  hmr_bind_text (stmt, 3, to);
  hmr_bind_text (stmt, 4, hmr_session_is_blank (district) ? NULL : district);
}

static gboolean
count_population (HmrStore    *self,
                  const char  *kind,
                  const char  *from,
                  const char  *to,
                  const char  *district,
                  guint       *population,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = hmr_store_prepare (self, "SELECT count (*) " POPULATION_WHERE, error);
  if (stmt == NULL)
    return FALSE;
  bind_population (stmt, kind, from, to, district);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return hmr_store_set_sqlite_error (self, rc, error);
  *population = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/**
 * hmr_store_count_survey_population:
 *
 * How many people a round with @spec would be drawn from, for the dialog
 * to show N and n as the supervisor chooses.
 */
gboolean
hmr_store_count_survey_population (HmrStore             *self,
                                   const HmrActor       *actor,
                                   const HmrSurveySpec  *spec,
                                   guint                *population,
                                   GError              **error)
{
  g_auto(Spec) s = { 0 };

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_SURVEY_MANAGE, NULL, error) ||
      !check_spec (self, spec, FALSE, &s, error))
    return FALSE;
  return count_population (self, spec->population, s.from, s.to, spec->district, population, error);
}

static gboolean
open_locked (HmrStore        *self,
             const HmrActor  *actor,
             HmrAuditRow     *audit,
             gpointer         data,
             GError         **error)
{
  Spec *s = data;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);
  g_autofree char *n = NULL;
  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, s->seed);
  guint sample;

  if (!count_population (self, s->spec->population, s->from, s->to, s->spec->district, &s->population, error))
    return FALSE;
  sample = hmr_survey_sample_size (s->population, s->confidence, s->margin);
  stmt = hmr_store_prepare (self,
                            "INSERT INTO survey_round (id, office_id, name, started_on, population, sample_size, "
                            "population_kind, period_from, period_to, district, confidence, margin, seed, "
                            "stratified, created_at, created_by, updated_at, updated_by) "
                            "VALUES (?1, ?2, ?3, substr (?15, 1, 10), ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                            "?15, ?14, ?15, ?14)",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, audit->entity_id);
  hmr_bind_text (stmt, 2, s->office_id);
  hmr_bind_text (stmt, 3, s->name);
  sqlite3_bind_int (stmt, 4, s->population);
  sqlite3_bind_int (stmt, 5, sample);
  hmr_bind_text (stmt, 6, s->spec->population);
  hmr_bind_text (stmt, 7, s->from);
  hmr_bind_text (stmt, 8, s->to);
  hmr_bind_text (stmt, 9, hmr_session_is_blank (s->spec->district) ? NULL : s->spec->district);
  sqlite3_bind_double (stmt, 10, s->confidence);
  sqlite3_bind_double (stmt, 11, s->margin);
  sqlite3_bind_int64 (stmt, 12, (gint64) s->seed);
  sqlite3_bind_int (stmt, 13, s->spec->stratified ? 1 : 0);
  hmr_bind_text (stmt, 14, actor->user_id);
  hmr_bind_text (stmt, 15, now);
  if (!hmr_session_step_done (self, stmt, error))
    return FALSE;

  n = g_strdup_printf ("%u/%u", sample, s->population);
  hmr_changes_add (audit->changes, "name", NULL, s->name);
  hmr_changes_add (audit->changes, "population_kind", NULL, s->spec->population);
  hmr_changes_add (audit->changes, "period", NULL, s->from);
  hmr_changes_add (audit->changes, "period_to", NULL, s->to);
  hmr_changes_add (audit->changes, "district", NULL, s->spec->district);
  hmr_changes_add (audit->changes, "sample_size", NULL, n);
  hmr_changes_add (audit->changes, "seed", NULL, seed);
  return TRUE;
}

/**
 * hmr_store_open_survey_round:
 *
 * Opens a round; its population and sample size are computed now and
 * again when the sample is drawn.
 *
 * Returns: (transfer full): the round's id
 */
char *
hmr_store_open_survey_round (HmrStore             *self,
                             const HmrActor       *actor,
                             const HmrSurveySpec  *spec,
                             GError              **error)
{
  g_auto(Spec) s = { 0 };
  g_autofree char *id = hmr_store_new_id ();

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_SURVEY_MANAGE, NULL, error) ||
      !check_spec (self, spec, TRUE, &s, error))
    return NULL;
  if (!hmr_store_write (self, actor, "create", "survey_round", id, open_locked, &s, error))
    return NULL;
  return g_steal_pointer (&id);
}

/* ---- the draw ------------------------------------------------------------ */

typedef struct
{
  char *beneficiary_id;
  char *district;
  char *office_id;
} Person;

static void
person_clear (Person *p)
{
  g_free (p->beneficiary_id);
  g_free (p->district);
  g_free (p->office_id);
}

/* The caseworker who calls: the case's owner while they are an active
 * caseworker, else anyone in the office (NULL) */
static char *
dup_caller (HmrStore    *self,
            const char  *beneficiary_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = hmr_store_prepare (self,
                            "SELECT c.owner_id FROM case_file c JOIN app_user u ON u.id = c.owner_id "
                            "WHERE c.beneficiary_id = ?1 AND c.deleted_at IS NULL AND u.active = 1 "
                            "AND u.deleted_at IS NULL AND u.role = 'caseworker' "
                            "ORDER BY c.opened_on DESC LIMIT 1",
                            NULL);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, beneficiary_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    return hmr_column_dup_text (stmt, 0);
  return NULL;
}

/* Positions into @people (sorted by district) drawn for a sample of @n:
 * one draw, or one a district with shares in proportion to its size
 * (largest remainders), each from its own seed */
static GArray *
draw_positions (GArray   *people,
                guint     n,
                guint64   seed,
                gboolean  stratified)
{
  g_autoptr(GArray) out = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint *alloc = NULL;
  g_autofree double *rem = NULL;
  guint n_strata, given = 0, total = people->len;

  if (!stratified)
    return hmr_survey_draw (total, n, seed);

  for (guint i = 0; i < total; i++)
    if (i == 0 || g_strcmp0 (g_array_index (people, Person, i).district,
                             g_array_index (people, Person, i - 1).district) != 0)
      g_array_append_val (starts, i);
  n_strata = starts->len;
  g_array_append_val (starts, total);
  alloc = g_new0 (guint, n_strata);
  rem = g_new0 (double, n_strata);
  for (guint h = 0; h < n_strata; h++)
    {
      guint size = g_array_index (starts, guint, h + 1) - g_array_index (starts, guint, h);
      double exact = (double) n * size / total;

      alloc[h] = (guint) floor (exact);
      rem[h] = exact - alloc[h];
      given += alloc[h];
    }
  while (given < n)
    {
      guint best = 0;

      for (guint h = 1; h < n_strata; h++)
        if (rem[h] > rem[best])
          best = h;
      alloc[best]++;
      rem[best] = -1;
      given++;
    }
  for (guint h = 0; h < n_strata; h++)
    {
      guint start = g_array_index (starts, guint, h);
      guint size = g_array_index (starts, guint, h + 1) - start;
      g_autoptr(GArray) drawn = hmr_survey_draw (size, alloc[h],
                                                 seed ^ ((h + 1) * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)));

      for (guint k = 0; k < drawn->len; k++)
        {
          guint pos = start + g_array_index (drawn, guint, k);
          g_array_append_val (out, pos);
        }
    }
  return g_steal_pointer (&out);
}

static gboolean
draw_locked (HmrStore        *self,
             const HmrActor  *actor,
             HmrAuditRow     *audit,
             gpointer         data,
             GError         **error)
{
  g_autoptr(HmrSurveyRound) round = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) people = g_array_new (FALSE, TRUE, sizeof (Person));
  g_autoptr(GArray) drawn = NULL;
  g_autofree char *now = hmr_store_dup_timestamp (self);
  g_autofree char *summary = NULL;
  guint n;
  int rc;

  g_array_set_clear_func (people, (GDestroyNotify) person_clear);
  round = hmr_store_get_survey_round (self, actor, audit->entity_id, error);
  if (round == NULL)
    return FALSE;
  if (round->sampled_at != NULL)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT,
                   _("The sample of this round has already been drawn; it is drawn once."));
      return FALSE;
    }

  stmt = hmr_store_prepare (self, "SELECT b.id, b.district, b.office_id " POPULATION_WHERE
                            "ORDER BY b.district, b.id", error);
  if (stmt == NULL)
    return FALSE;
  bind_population (stmt, round->population_kind, round->period_from, round->period_to, round->district);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Person p = { hmr_column_dup_text (stmt, 0), hmr_column_dup_text (stmt, 1), hmr_column_dup_text (stmt, 2) };
      g_array_append_val (people, p);
    }
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (people->len == 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Nobody is in this round’s population: no one to draw."));
      return FALSE;
    }

  n = hmr_survey_sample_size (people->len, round->confidence, round->margin);
  drawn = draw_positions (people, n, round->seed, round->stratified);

  stmt = hmr_store_prepare (self,
                            "INSERT INTO survey_sample (id, round_id, office_id, beneficiary_id, position, "
                            "stratum, assigned_to, created_at, created_by) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                            error);
  if (stmt == NULL)
    return FALSE;
  for (guint k = 0; k < drawn->len; k++)
    {
      const Person *p = &g_array_index (people, Person, g_array_index (drawn, guint, k));
      g_autofree char *id = hmr_store_new_id ();
      g_autofree char *caller = dup_caller (self, p->beneficiary_id);

      sqlite3_reset (stmt);
      hmr_bind_text (stmt, 1, id);
      hmr_bind_text (stmt, 2, round->id);
      hmr_bind_text (stmt, 3, p->office_id);
      hmr_bind_text (stmt, 4, p->beneficiary_id);
      sqlite3_bind_int (stmt, 5, k + 1);
      hmr_bind_text (stmt, 6, round->stratified ? p->district : NULL);
      hmr_bind_text (stmt, 7, caller);
      hmr_bind_text (stmt, 8, now);
      hmr_bind_text (stmt, 9, actor->user_id);
      if (!hmr_session_step_done (self, stmt, error))
        return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = hmr_store_prepare (self,
                            "UPDATE survey_round SET population = ?2, sample_size = ?3, sampled_at = ?4, "
                            "updated_at = ?4, updated_by = ?5, version = version + 1 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, round->id);
  sqlite3_bind_int (stmt, 2, people->len);
  sqlite3_bind_int (stmt, 3, n);
  hmr_bind_text (stmt, 4, now);
  hmr_bind_text (stmt, 5, actor->user_id);
  if (!hmr_session_step_done (self, stmt, error))
    return FALSE;

  summary = g_strdup_printf ("%u/%u", n, people->len);
  hmr_changes_add (audit->changes, "sample_size", NULL, summary);
  hmr_changes_add (audit->changes, "sampled_at", NULL, now);
  return TRUE;
}

gboolean
hmr_store_draw_survey_sample (HmrStore        *self,
                              const HmrActor  *actor,
                              const char      *round_id,
                              GError         **error)
{
  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_SURVEY_MANAGE, NULL, error))
    return FALSE;
  return hmr_store_write (self, actor, "sample", "survey_round", round_id, draw_locked, NULL, error);
}

/* ---- reading ------------------------------------------------------------- */

/* ?1: the office the counts are limited to (a caseworker's), or NULL */
#define ROUND_SELECT \
  "SELECT r.id, r.name, r.population_kind, r.period_from, r.period_to, r.district, r.started_on, " \
  "r.sampled_at, r.confidence, r.margin, r.seed, r.stratified, coalesce (r.population, 0), " \
  "coalesce (r.sample_size, 0), " \
  "(SELECT count (*) FROM survey_sample m WHERE m.round_id = r.id AND (?1 IS NULL OR m.office_id = ?1)), " \
  "(SELECT count (*) FROM survey_response p WHERE p.round_id = r.id AND p.deleted_at IS NULL " \
  "  AND (?1 IS NULL OR p.office_id = ?1)), " \
  "(SELECT count (*) FROM survey_response p WHERE p.round_id = r.id AND p.deleted_at IS NULL AND p.reached = 1 " \
  "  AND (?1 IS NULL OR p.office_id = ?1)) " \
  "FROM survey_round r "

static HmrSurveyRound *
row_to_round (sqlite3_stmt *stmt)
{
  HmrSurveyRound *r = g_new0 (HmrSurveyRound, 1);

  r->id = hmr_column_dup_text (stmt, 0);
  r->name = hmr_column_dup_text (stmt, 1);
  r->population_kind = hmr_column_dup_text (stmt, 2);
  r->period_from = hmr_column_dup_text (stmt, 3);
  r->period_to = hmr_column_dup_text (stmt, 4);
  r->district = hmr_column_dup_text (stmt, 5);
  r->started_on = hmr_column_dup_text (stmt, 6);
  r->sampled_at = hmr_column_dup_text (stmt, 7);
  r->confidence = sqlite3_column_double (stmt, 8);
  r->margin = sqlite3_column_double (stmt, 9);
  r->seed = (guint64) sqlite3_column_int64 (stmt, 10);
  r->stratified = sqlite3_column_int (stmt, 11) != 0;
  r->population = sqlite3_column_int (stmt, 12);
  r->sample_size = sqlite3_column_int (stmt, 13);
  r->n_sampled = sqlite3_column_int (stmt, 14);
  r->n_called = sqlite3_column_int (stmt, 15);
  r->n_reached = sqlite3_column_int (stmt, 16);
  return r;
}

static const char *
scope_of (const HmrActor *actor)
{
  if (hmr_permission_is_office_scoped (actor->role, HMR_ACTION_SURVEY_READ))
    return actor->office_id ? actor->office_id : "";
  return NULL;
}

HmrSurveyRound *
hmr_store_get_survey_round (HmrStore        *self,
                            const HmrActor  *actor,
                            const char      *round_id,
                            GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_SURVEY_READ, NULL, error))
    return NULL;
  stmt = hmr_store_prepare (self, ROUND_SELECT "WHERE r.id = ?2 AND r.deleted_at IS NULL", error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, scope_of (actor));
  hmr_bind_text (stmt, 2, round_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                   _("The survey round was not found; it may have been archived."));
      return NULL;
    }
  return row_to_round (stmt);
}

/**
 * hmr_store_list_survey_rounds:
 *
 * Returns: (transfer full) (element-type HmrSurveyRound): the rounds,
 *   newest first; a caseworker's counts are their office's
 */
GPtrArray *
hmr_store_list_survey_rounds (HmrStore        *self,
                              const HmrActor  *actor,
                              GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = NULL;
  int rc;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_SURVEY_READ, NULL, error))
    return NULL;
  stmt = hmr_store_prepare (self,
                            ROUND_SELECT "WHERE r.deleted_at IS NULL AND (?1 IS NULL OR r.office_id IS NULL "
                            "OR r.office_id = ?1) ORDER BY r.started_on DESC, r.rowid DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, scope_of (actor));
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_survey_round_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, row_to_round (stmt));
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}
