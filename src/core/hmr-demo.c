/* hmr-demo.c — realistic, deterministic demo data
 *
 * hmr_demo_fill() creates the demo users through the public API, then
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
 * Rows go in through prepared statements, 20,000 to a transaction; each
 * committed batch writes one audit row per table it touched ("demo-load",
 * with the table's count before and after), in the same transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdarg.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hmr-demo-private.h"

#define SPAN_DAYS 1095                  /* three years of registrations */
#define CACHE_KIB 262144                /* page cache while loading */

gboolean hmr_demo_write_person (HmrDemo  *d,
                                guint     index,
                                GError  **error);

static const struct
{
  const char *entity;
  const char *sql;
} tables[HMR_DEMO_N_TABLES] = {
  [HMR_DEMO_T_PROVIDER] = { "service_provider",
    "INSERT INTO service_provider (id, office_id, name, service_types, district, address, phone, "
    "contact_person, languages, created_at, created_by, updated_at, updated_by) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?10, ?11)" },
  [HMR_DEMO_T_BENEFICIARY] = { "beneficiary",
    "INSERT INTO beneficiary (id, office_id, case_number, family_name, given_name, patronymic, "
    "family_name_latin, given_name_latin, patronymic_latin, sex, birth_date, birth_year_estimated, "
    "phone, phone_alt, district, jamoat, village, household_size, category, disability, "
    "disability_registered, health_problems, distress_screening, vulnerability_flags, risk_level, "
    "consent_date, consent_services, consent_sharing, consent_reporting, duplicate_of, "
    "created_at, created_by, updated_at, updated_by, deleted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
    "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, "
    "?26, ?27, ?28, ?29, ?30, ?31, ?32, ?31, ?32, ?33)" },
  [HMR_DEMO_T_CASE] = { "case",
    "INSERT INTO case_file (id, office_id, beneficiary_id, owner_id, status, stage, risk_level, "
    "opened_on, closed_on, closure_reason, created_at, created_by, updated_at, updated_by, version) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)" },
  [HMR_DEMO_T_CASE_HISTORY] = { "case_history",
    "INSERT INTO case_history (id, case_id, at, by_user, from_state, to_state, comment) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)" },
  [HMR_DEMO_T_MIGRATION] = { "migration_episode",
    "INSERT INTO migration_episode (id, office_id, beneficiary_id, country, city, departure_date, "
    "return_date, months_abroad, duration_group, sector, return_type, created_at, created_by, "
    "updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?12, ?13)" },
  [HMR_DEMO_T_BAN] = { "reentry_ban",
    "INSERT INTO reentry_ban (id, office_id, beneficiary_id, has_ban, imposed_by, "
    "court_decision_number, court_decision_date, start_date, duration_months, end_date, "
    "appeal_status, legal_referral_id, created_at, created_by, updated_at, updated_by) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?13, ?14)" },
  [HMR_DEMO_T_TRAFFICKING] = { "trafficking_profile",
    "INSERT INTO trafficking_profile (id, office_id, beneficiary_id, status, exploitation_type, "
    "identified_by, recognised_by, recognised_on, recognition_document, country, duration_months, "
    "created_at, created_by, updated_at, updated_by) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?12, ?13)" },
  [HMR_DEMO_T_ASSESSMENT] = { "assessment",
    "INSERT INTO assessment (id, office_id, case_id, assessed_on, summary, created_at, created_by, "
    "updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7)" },
  [HMR_DEMO_T_NEED] = { "assessment_need",
    "INSERT INTO assessment_need (id, assessment_id, need, priority, note) "
    "VALUES (?1, ?2, ?3, ?4, ?5)" },
  [HMR_DEMO_T_PLAN] = { "reintegration_plan",
    "INSERT INTO reintegration_plan (id, office_id, case_id, status, objectives, approved_by, "
    "approved_at, created_at, created_by, updated_at, updated_by, version) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)" },
  [HMR_DEMO_T_PLAN_ACTION] = { "plan_action",
    "INSERT INTO plan_action (id, plan_id, need, service, target_date, responsible) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)" },
  [HMR_DEMO_T_PLAN_HISTORY] = { "plan_history",
    "INSERT INTO plan_history (id, plan_id, at, by_user, from_state, to_state, comment) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)" },
  [HMR_DEMO_T_REFERRAL] = { "referral",
    "INSERT INTO referral (id, office_id, beneficiary_id, case_id, provider_id, service_type, "
    "reason, consent_given, status, sent_on, due_on, answered_on, completed_on, provider_answer, "
    "outcome, created_at, created_by, updated_at, updated_by, version) VALUES (?1, ?2, ?3, ?4, "
    "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)" },
  [HMR_DEMO_T_REFERRAL_HISTORY] = { "referral_history",
    "INSERT INTO referral_history (id, referral_id, at, by_user, from_state, to_state, comment) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)" },
  [HMR_DEMO_T_FOLLOW_UP] = { "follow_up",
    "INSERT INTO follow_up (id, office_id, beneficiary_id, case_id, kind, status, assigned_to, "
    "due_on, done_on, duration_minutes, who5_items, who5_score, wants_professional, notes, "
    "next_on, created_at, created_by, updated_at, updated_by, version) VALUES (?1, ?2, ?3, ?4, "
    "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)" },
  [HMR_DEMO_T_FOLLOW_UP_HISTORY] = { "follow_up_history",
    "INSERT INTO follow_up_history (id, follow_up_id, at, by_user, from_state, to_state, comment) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)" },
  [HMR_DEMO_T_GRANT] = { "grant",
    "INSERT INTO reintegration_grant (id, office_id, case_id, purpose, business_plan, "
    "amount_requested, amount_approved, status, created_at, created_by, updated_at, updated_by, "
    "version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)" },
  [HMR_DEMO_T_GRANT_BENEFICIARY] = { "grant_beneficiary",
    "INSERT INTO grant_beneficiary (grant_id, beneficiary_id) VALUES (?1, ?2)" },
  [HMR_DEMO_T_GRANT_HISTORY] = { "grant_history",
    "INSERT INTO grant_history (id, grant_id, at, by_user, from_state, to_state, comment) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)" },
  [HMR_DEMO_T_GRANT_ITEM] = { "grant_item",
    "INSERT INTO grant_item (id, grant_id, name, quantity, unit, unit_cost) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)" },
  [HMR_DEMO_T_DISBURSEMENT] = { "disbursement",
    "INSERT INTO disbursement (id, office_id, grant_id, tranche, paid_on, amount, method, "
    "reference, created_at, created_by, updated_at, updated_by) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?9, ?10)" },
  [HMR_DEMO_T_HANDOVER] = { "handover",
    "INSERT INTO handover (id, office_id, grant_id, beneficiary_id, handed_on, place, received_by, "
    "status, corrects_id, signed_at, created_at, created_by, updated_at, updated_by, version) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)" },
  [HMR_DEMO_T_HANDOVER_ITEM] = { "handover_item",
    "INSERT INTO handover_item (id, handover_id, name, quantity, unit_value, serial) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)" },
  [HMR_DEMO_T_HANDOVER_WITNESS] = { "handover_witness",
    "INSERT INTO handover_witness (id, handover_id, name, role) VALUES (?1, ?2, ?3, ?4)" },
  [HMR_DEMO_T_HANDOVER_HISTORY] = { "handover_history",
    "INSERT INTO handover_history (id, handover_id, at, by_user, from_state, to_state, comment) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)" },
  [HMR_DEMO_T_SESSION] = { "group_session",
    "INSERT INTO group_session (id, office_id, district, held_on, facilitator_id, module, "
    "capacity, created_at, created_by, updated_at, updated_by) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?8, ?9)" },
  [HMR_DEMO_T_ATTENDANCE] = { "attendance",
    "INSERT INTO attendance (id, session_id, beneficiary_id, walk_in_sex, walk_in_age) "
    "VALUES (?1, ?2, ?3, ?4, ?5)" },
  [HMR_DEMO_T_SURVEY_ROUND] = { "survey_round",
    "INSERT INTO survey_round (id, office_id, name, started_on, population, sample_size, "
    "created_at, created_by, updated_at, updated_by) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?7, ?8)" },
  [HMR_DEMO_T_SURVEY_RESPONSE] = { "survey_response",
    "INSERT INTO survey_response (id, office_id, round_id, beneficiary_id, answered_on, "
    "knows_job_agencies, has_health_contacts, knows_legal_options, challenged_ban, "
    "sought_loan_or_training, reached_job_contacts, visited_migration_service, "
    "visited_medical_centre, other_action, relationships_better, more_confident, "
    "has_concrete_plans, created_at, created_by, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, "
    "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?18, ?19)" },
  [HMR_DEMO_T_ATTACHMENT] = { "attachment",
    "INSERT INTO attachment (id, office_id, entity, entity_id, kind, filename, mime_type, sha256, "
    "size, content, created_at, created_by, updated_at, updated_by) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?11, ?12)" },
  [HMR_DEMO_T_CASE_SEQUENCE] = { "case_sequence",
    "INSERT INTO case_sequence (office_id, year, last) VALUES (?1, ?2, ?3) "
    "ON CONFLICT (office_id, year) DO UPDATE SET last = max (last, excluded.last)" },
};

void
hmr_demo_user_free (HmrDemoUser *user)
{
  if (user == NULL)
    return;
  g_free (user->username);
  g_free (user->full_name);
  g_free (user->password);
  g_free (user);
}

/* ---- ids, chance and time -------------------------------------------- */

static inline guint64
splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

/* A UUID v4 in text, the next one of the seed's sequence */
void
hmr_demo_new_id (HmrDemo *d,
                 char     out[HMR_DEMO_ID_LEN])
{
  static const char hex[] = "0123456789abcdef";
  guint8 bytes[16];
  guint64 a = splitmix64 (&d->id_state);
  guint64 b = splitmix64 (&d->id_state);
  guint k = 0;

  for (guint i = 0; i < 8; i++)
    {
      bytes[i] = (a >> (8 * i)) & 0xff;
      bytes[8 + i] = (b >> (8 * i)) & 0xff;
    }
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;

  for (guint i = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        out[k++] = '-';
      out[k++] = hex[bytes[i] >> 4];
      out[k++] = hex[bytes[i] & 0xf];
    }
  out[k] = '\0';
}

guint
hmr_demo_rand (HmrDemo *d,
               guint    n)
{
  return n <= 1 ? 0 : (guint) g_rand_int_range (d->rand, 0, (gint32) n);
}

/* From lo to hi, both included */
int
hmr_demo_range (HmrDemo *d,
                int      lo,
                int      hi)
{
  return hi <= lo ? lo : lo + (int) hmr_demo_rand (d, hi - lo + 1);
}

gboolean
hmr_demo_chance (HmrDemo *d,
                 double   p)
{
  return g_rand_double (d->rand) < p;
}

guint
hmr_demo_pick (HmrDemo     *d,
               const guint *weights,
               guint        n)
{
  guint total = 0;
  guint r;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  r = hmr_demo_rand (d, total);
  for (guint i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }
  return n - 1;
}

const char *
hmr_demo_pool_pick (HmrDemo           *d,
                    const HmrDemoPool *pool)
{
  return pool->items[hmr_demo_rand (d, pool->n)];
}

/* A random draw that never strays more than one record from the target
 * share: the further behind, the likelier a hit.  Small demos then show
 * the programme's figures as well as large ones. */
gboolean
hmr_demo_quota (HmrDemo      *d,
                HmrDemoQuota *q,
                double        p)
{
  double deficit = p * (q->n + 1) - q->hits;
  gboolean hit = g_rand_double (d->rand) < deficit;

  q->n++;
  if (hit)
    q->hits++;
  return hit;
}

/* The same for a choice among several shares (summing to 1) */
guint
hmr_demo_mix (HmrDemo      *d,
              HmrDemoMix   *m,
              const double *shares,
              guint         n)
{
  double deficit[8];
  double total = 0;
  double r;
  guint pick = n - 1;

  g_assert (n <= G_N_ELEMENTS (m->hits));
  for (guint i = 0; i < n; i++)
    {
      deficit[i] = MAX (0.0, shares[i] * (m->n + 1) - m->hits[i]);
      total += deficit[i];
    }
  r = g_rand_double (d->rand) * total;
  for (guint i = 0; i < n; i++)
    {
      if (r < deficit[i])
        {
          pick = i;
          break;
        }
      r -= deficit[i];
    }
  m->n++;
  m->hits[pick]++;
  return pick;
}

void
hmr_demo_date (int  day,
               char out[11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) day);
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));
}

/* A moment of office hours (08:00–17:00 in Tajikistan, UTC+5) on @day,
 * later than @after */
gint64
hmr_demo_time (HmrDemo *d,
               int      day,
               gint64   after)
{
  gint64 t = (gint64) day * 86400 + 3 * 3600 + hmr_demo_rand (d, 9 * 3600);

  if (t <= after)
    t = after + 60 + hmr_demo_rand (d, 3000);
  return t;
}

void
hmr_demo_format_time (gint64 t,
                      char   out[32])
{
  int day = (int) (t / 86400);
  int secs = (int) (t % 86400);
  guint usec = (guint) (((guint64) t * G_GUINT64_CONSTANT (2654435761)) % 1000000);
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) day);
  g_snprintf (out, 32, "%04u-%02u-%02uT%02d:%02d:%02d.%06uZ",
              g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
              secs / 3600, (secs / 60) % 60, secs % 60, usec);
}

int
hmr_demo_year (int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) day);
  return g_date_get_year (&date);
}

int
hmr_demo_add_months (int day,
                     int months)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) day);
  if (months >= 0)
    g_date_add_months (&date, months);
  else
    g_date_subtract_months (&date, -months);
  return (int) g_date_get_julian (&date);
}

/* A Tajik mobile number, as the store normalises them */
void
hmr_demo_phone (HmrDemo *d,
                char     out[20])
{
  static const char * const codes[] = { "90", "91", "92", "93", "98", "50", "55", "88", "77", "11" };
  static const guint weights[] = { 14, 9, 12, 22, 12, 8, 6, 7, 6, 4 };

  g_snprintf (out, 20, "+992 %s %03u %04u", codes[hmr_demo_pick (d, weights, G_N_ELEMENTS (weights))],
              hmr_demo_rand (d, 1000), hmr_demo_rand (d, 10000));
}

void
hmr_demo_person_name (const HmrDemoPerson *p,
                      gboolean             latin,
                      GString             *out)
{
  const HmrDemoNames *names = hmr_demo_names_get ();
  const HmrDemoGivenName *given = p->sex ? &names->female[p->given] : &names->male[p->given];

  g_string_append (out, latin ? names->family[p->family].latin[p->sex]
                              : names->family[p->family].cyr[p->sex]);
  g_string_append_c (out, ' ');
  g_string_append (out, latin ? given->latin : given->cyr);
  if (p->father != G_MAXUINT16)
    {
      g_string_append_c (out, ' ');
      g_string_append (out, latin ? names->male[p->father].patronymic_latin[p->sex]
                                  : names->male[p->father].patronymic_cyr[p->sex]);
    }
}

/* Lays events out after @start, @gaps days apart, squeezed proportionally
 * when the last would fall after @limit */
void
hmr_demo_spread (HmrDemo   *d,
                 int        start,
                 int        limit,
                 const int *gaps,
                 int       *days,
                 guint      n)
{
  gint64 total = 0;
  gint64 sum = 0;

  for (guint i = 0; i < n; i++)
    total += gaps[i];
  if (start + total <= limit || total == 0)
    {
      for (guint i = 0; i < n; i++)
        days[i] = start + (int) (sum += gaps[i]);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      sum += gaps[i];
      days[i] = start + (int) (sum * MAX (limit - start, 0) / total);
    }
}

const char *
hmr_demo_actor_for (HmrDemo             *d,
                    const HmrDemoOffice *o)
{
  return o->caseworker_id ? o->caseworker_id : d->supervisor_id;
}

/* ---- rows --------------------------------------------------------------- */

/**
 * hmr_demo_insert:
 * @types: one letter per parameter: s text (NULL for null), d int,
 *   o int (negative for null), l gint64, L gint64 (negative for null),
 *   f double, b blob (pointer and int length)
 *
 * Binds and runs one of the prepared statements.  Text is bound without a
 * copy: it must live until the call returns.
 */
gboolean
hmr_demo_insert (HmrDemo      *d,
                 HmrDemoTable  table,
                 GError      **error,
                 const char   *types,
                 ...)
{
  sqlite3_stmt *s = d->stmt[table];
  va_list ap;
  int i = 1;
  int rc;

  va_start (ap, types);
  for (const char *t = types; *t; t++, i++)
    switch (*t)
      {
      case 's':
        {
          const char *v = va_arg (ap, const char *);
          if (v != NULL)
            sqlite3_bind_text (s, i, v, -1, SQLITE_STATIC);
          else
            sqlite3_bind_null (s, i);
        }
        break;
      case 'd':
        sqlite3_bind_int (s, i, va_arg (ap, int));
        break;
      case 'o':
        {
          int v = va_arg (ap, int);
          if (v >= 0)
            sqlite3_bind_int (s, i, v);
          else
            sqlite3_bind_null (s, i);
        }
        break;
      case 'l':
        sqlite3_bind_int64 (s, i, va_arg (ap, gint64));
        break;
      case 'L':
        {
          gint64 v = va_arg (ap, gint64);
          if (v >= 0)
            sqlite3_bind_int64 (s, i, v);
          else
            sqlite3_bind_null (s, i);
        }
        break;
      case 'f':
        sqlite3_bind_double (s, i, va_arg (ap, double));
        break;
      case 'b':
        {
          const void *p = va_arg (ap, const void *);
          int len = va_arg (ap, int);
          sqlite3_bind_blob (s, i, p, len, SQLITE_STATIC);
        }
        break;
      default:
        g_assert_not_reached ();
      }
  va_end (ap);
  g_assert (i - 1 == sqlite3_bind_parameter_count (s));

  rc = sqlite3_step (s);
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (d->store, rc, error);
      g_prefix_error (error, "%s: ", tables[table].entity);
      sqlite3_reset (s);
      return FALSE;
    }
  sqlite3_reset (s);
  d->batch[table]++;
  d->batch_rows++;
  return TRUE;
}

gboolean
hmr_demo_history (HmrDemo      *d,
                  HmrDemoTable  table,
                  const char   *record_id,
                  gint64        at,
                  const char   *by_user,
                  const char   *from_state,
                  const char   *to_state,
                  const char   *comment,
                  GError      **error)
{
  char id[HMR_DEMO_ID_LEN];
  char stamp[32];

  hmr_demo_new_id (d, id);
  hmr_demo_format_time (at, stamp);
  return hmr_demo_insert (d, table, error, "sssssss", id, record_id, stamp, by_user,
                          from_state, to_state, comment);
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
      if (!hmr_store_audit_append (d->store, d->admin, "demo-load", tables[t].entity, NULL,
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
          if (s->len > 0)
            g_string_append_c (s, '-');
          g_string_append (s, hmr_demo_password_words.items[g_rand_int_range (rand, 0, hmr_demo_password_words.n)]);
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
      break;
    }
  u->password = make_password (rand, u->username);
  return u;
}

static const char * const caseworker_districts[] = {
  "Dusti", "Panj", "Farkhor", "Khorugh", "Shughnon",
};

static gboolean
create_users (HmrDemo    *d,
              guint64     seed,
              GPtrArray  *users,
              GError    **error)
{
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint32 words[2] = { (guint32) (seed >> 32) ^ 0x5eedu, (guint32) seed };
  static const HmrRole roles[] = { HMR_ROLE_ADMIN, HMR_ROLE_SUPERVISOR, HMR_ROLE_FINANCE };

  rand = g_rand_new_with_seed_array (words, 2);

  for (guint i = 0; i < G_N_ELEMENTS (roles) + G_N_ELEMENTS (caseworker_districts); i++)
    {
      HmrRole role = i < G_N_ELEMENTS (roles) ? roles[i] : HMR_ROLE_CASEWORKER;
      HmrDemoOffice *office = NULL;
      HmrDemoUser *u;
      HmrActor *actor;

      if (role == HMR_ROLE_CASEWORKER)
        {
          const char *district = caseworker_districts[i - G_N_ELEMENTS (roles)];
          for (guint k = 0; k < d->n_offices; k++)
            if (g_strcmp0 (d->offices[k].place->district, district) == 0)
              office = &d->offices[k];
          if (office == NULL)
            continue;
        }

      u = make_user (rand, role, taken);
      g_ptr_array_add (users, u);
      if (role == HMR_ROLE_ADMIN)
        actor = hmr_store_create_first_admin (d->store, u->username, u->full_name, u->password, error);
      else
        actor = hmr_store_create_user (d->store, d->admin, u->username, u->full_name, role,
                                       office ? office->id : NULL, u->password, error);
      if (actor == NULL)
        return FALSE;

      switch (role)
        {
        case HMR_ROLE_ADMIN:
          d->admin = actor;
          continue;
        case HMR_ROLE_SUPERVISOR:
          d->supervisor_id = g_strdup (actor->user_id);
          d->supervisor_name = g_strdup (actor->full_name);
          break;
        case HMR_ROLE_FINANCE:
          d->finance_id = g_strdup (actor->user_id);
          break;
        case HMR_ROLE_CASEWORKER:
          office->caseworker_id = g_strdup (actor->user_id);
          office->caseworker_name = g_strdup (actor->full_name);
          break;
        case HMR_N_ROLES:
        default:
          g_assert_not_reached ();
        }
      hmr_actor_free (actor);
    }
  return TRUE;
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
    if (d->first_day + (int) ((guint64) i * SPAN_DAYS / d->n) < d->round_day - 30)
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
 * Fills @store with realistic demo data.  Slow parts: about half a second
 * per user for the password hashes, then some 50,000 beneficiaries a second.
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
  guint32 words[2] = { (guint32) (seed >> 32), (guint32) seed };
  guint64 id_seed = seed ^ G_GUINT64_CONSTANT (0x48616d726f682121);   /* "Hamroh!!" */
  int old_cache = -2000;
  GDate today;
  gboolean ok;

  g_return_val_if_fail (HMR_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  d->store = store;
  d->n = n_beneficiaries;
  d->rand = g_rand_new_with_seed_array (words, 2);
  d->id_state = splitmix64 (&id_seed);
  d->text = g_string_sized_new (512);
  d->text2 = g_string_sized_new (256);
  d->example_index = G_MAXUINT;

  now = hmr_store_now (store);
  utc = g_date_time_to_utc (now);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (utc), g_date_time_get_month (utc),
                  g_date_time_get_year (utc));
  d->ref_day = (int) g_date_get_julian (&today);
  d->first_day = d->ref_day - SPAN_DAYS;
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

  for (guint t = 0; t < HMR_DEMO_N_TABLES; t++)
    {
      d->stmt[t] = hmr_store_prepare (store, tables[t].sql, error);
      if (d->stmt[t] == NULL)
        return FALSE;
    }

  {
    g_autoptr(sqlite3_stmt) cache = hmr_store_prepare (store, "PRAGMA cache_size", NULL);
    if (cache != NULL && sqlite3_step (cache) == SQLITE_ROW)
      old_cache = sqlite3_column_int (cache, 0);
  }
  pragma = g_strdup_printf ("PRAGMA cache_size = -%d", CACHE_KIB);
  hmr_store_exec (store, pragma, NULL);

  ok = fill (d, error);
  if (!ok)
    hmr_store_rollback (store);

  g_free (pragma);
  pragma = g_strdup_printf ("PRAGMA cache_size = %d", old_cache);
  hmr_store_exec (store, pragma, NULL);
  if (!ok)
    return FALSE;

done:
  if (users != NULL)
    *users = g_steal_pointer (&created);
  return TRUE;
}
