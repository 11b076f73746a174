/* hmr-demo-rows.c — the demo generator's plumbing: its statements, ids,
 * chances and dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "hmr-demo-private.h"

static const struct
{
  const char *entity;
  const char *sql;
} tables[HMR_DEMO_N_TABLES] = {
  [HMR_DEMO_T_PROVIDER] = { "service_provider",
    "INSERT INTO service_provider (id, office_id, name, service_types, district, address, phone, "
    "contact_person, languages, created_at, created_by, updated_at, updated_by) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?10, ?11)" },
  /* its INSERT is the store's, from the field table (hmr-beneficiary.h) */
  [HMR_DEMO_T_BENEFICIARY] = { "beneficiary", NULL },
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
    "next_on, created_at, created_by, updated_at, updated_by, version, who5_previous, who5_flags, "
    "who5_ack_at, who5_ack_by) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
    "?19, ?20, ?21, ?22, ?23, ?24)" },
  [HMR_DEMO_T_FOLLOW_UP_HISTORY] = { "follow_up_history",
    "INSERT INTO follow_up_history (id, follow_up_id, at, by_user, from_state, to_state, comment) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)" },
  [HMR_DEMO_T_GRANT] = { "grant",
    "INSERT INTO reintegration_grant (id, office_id, case_id, purpose, business_plan, "
    "amount_requested, amount_approved, status, created_at, created_by, updated_at, updated_by, "
    "version, number) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)" },
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
    "status, corrects_id, signed_at, created_at, created_by, updated_at, updated_by, version, number) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)" },
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
    "capacity, created_at, created_by, updated_at, updated_by, jamoat, venue, facilitator_name, partner) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?8, ?9, ?10, ?11, ?12, ?13)" },
  [HMR_DEMO_T_ATTENDANCE] = { "attendance",
    "INSERT INTO attendance (id, session_id, beneficiary_id, walk_in_sex, walk_in_age, office_id, "
    "walk_in_name, walk_in_age_group, walk_in_phone, created_at, created_by) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)" },
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
  [HMR_DEMO_T_CLOSURE_REQUEST] = { "case_closure_request",
    "INSERT INTO case_closure_request (id, office_id, case_id, status, reason, requested_by, "
    "requested_at, decided_by, decided_at, decision_comment, created_at, created_by, updated_at, "
    "updated_by, version) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?7, ?6, ?11, ?12, ?13)" },
};

const char *
hmr_demo_table_entity (HmrDemoTable table)
{
  return tables[table].entity;
}

gboolean
hmr_demo_prepare (HmrDemo  *d,
                  GError  **error)
{
  for (guint t = 0; t < HMR_DEMO_N_TABLES; t++)
    {
      const char *sql = t == HMR_DEMO_T_BENEFICIARY ? hmr_store_beneficiary_insert_sql () : tables[t].sql;

      d->stmt[t] = hmr_store_prepare (d->store, sql, error);
      if (d->stmt[t] == NULL)
        return FALSE;
    }
  return TRUE;
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

/* Everything drawn comes from the seed: the data from a GRand, the ids
 * from a sequence of their own */
void
hmr_demo_seed (HmrDemo *d,
               guint64  seed)
{
  guint32 words[2] = { (guint32) (seed >> 32), (guint32) seed };
  guint64 id_seed = seed ^ G_GUINT64_CONSTANT (0x48616d726f682121);   /* "Hamroh!!" */

  d->rand = g_rand_new_with_seed_array (words, 2);
  d->id_state = splitmix64 (&id_seed);
  d->id_sweep = 0;
}

/* A UUID v4 in text, the next one of the seed's sequence.
 *
 * The ids are spread evenly over the whole range, as random ones are, but
 * come out in ascending order for a million at a time (about ten
 * batches): each transaction then fills a tenth of every index front to
 * back instead of hopping between all its pages.  With some forty
 * random-key indexes this is what keeps a million beneficiaries within
 * minutes (100,000: 46 s with a sweep per batch, 35 s like this). */
void
hmr_demo_new_id (HmrDemo *d,
                 char     out[HMR_DEMO_ID_LEN])
{
  static const char hex[] = "0123456789abcdef";
  const guint64 step = G_MAXUINT64 / HMR_DEMO_SWEEP_IDS;
  guint8 bytes[16];
  guint64 a = splitmix64 (&d->id_state);
  guint64 b = splitmix64 (&d->id_state);
  guint k = 0;

  d->id_sweep += step / 2 + a % step;   /* wraps round at the end of a sweep */
  for (guint i = 0; i < 8; i++)
    {
      bytes[i] = (d->id_sweep >> (56 - 8 * i)) & 0xff;
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

/* GDate's julian day to the civil date, with integers only (H. Hinnant's
 * days_from_civil, inverted): the loader formats millions of dates */
static void
civil_from_day (int       day,
                int      *year,
                unsigned *month,
                unsigned *mday)
{
  int z = day - 719163 + 719468;         /* days since 0000-03-01 */
  int era = (z >= 0 ? z : z - 146096) / 146097;
  unsigned doe = (unsigned) (z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;

  *mday = doy - (153 * mp + 2) / 5 + 1;
  *month = mp < 10 ? mp + 3 : mp - 9;
  *year = (int) yoe + era * 400 + (*month <= 2);
}

static inline char *
put_digits (char     *out,
            unsigned  value,
            guint     width)
{
  for (guint i = width; i > 0; i--)
    {
      out[i - 1] = (char) ('0' + value % 10);
      value /= 10;
    }
  return out + width;
}

void
hmr_demo_date (int  day,
               char out[11])
{
  int year;
  unsigned month, mday;
  char *p = out;

  civil_from_day (day, &year, &month, &mday);
  p = put_digits (p, (unsigned) year, 4);
  *p++ = '-';
  p = put_digits (p, month, 2);
  *p++ = '-';
  p = put_digits (p, mday, 2);
  *p = '\0';
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
  int secs = (int) (t % 86400);
  guint usec = (guint) (((guint64) t * G_GUINT64_CONSTANT (2654435761)) % 1000000);
  char *p = out + 10;

  /* 2026-11-23T09:30:00.123456Z, as hmr_store_dup_timestamp() writes */
  hmr_demo_date ((int) (t / 86400), out);
  *p++ = 'T';
  p = put_digits (p, (unsigned) secs / 3600, 2);
  *p++ = ':';
  p = put_digits (p, (unsigned) (secs / 60) % 60, 2);
  *p++ = ':';
  p = put_digits (p, (unsigned) secs % 60, 2);
  *p++ = '.';
  p = put_digits (p, usec, 6);
  *p++ = 'Z';
  *p = '\0';
}

int
hmr_demo_year (int day)
{
  int year;
  unsigned month, mday;

  civil_from_day (day, &year, &month, &mday);
  return year;
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

/* @lo to @hi days after @day, but not after yesterday */
int
hmr_demo_later (HmrDemo *d,
                int      day,
                int      lo,
                int      hi)
{
  return hmr_demo_min (day + hmr_demo_range (d, lo, hi), d->ref_day - 1);
}

const char *
hmr_demo_actor_for (HmrDemo             *d,
                    const HmrDemoOffice *o)
{
  return o->caseworker_id ? o->caseworker_id : d->supervisor_id;
}

/* ---- rows --------------------------------------------------------------- */

static gboolean step (HmrDemo *d, HmrDemoTable table, GError **error);
static gboolean write_history (HmrDemo *d, GError **error);

static gboolean
run (HmrDemo       *d,
     HmrDemoTable   table,
     GError       **error,
     const char    *types,
     va_list        ap)
{
  sqlite3_stmt *s = d->stmt[table];
  int i = 1;

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
  if (i - 1 != sqlite3_bind_parameter_count (s))
    g_error ("demo: %s takes %d values, not %d", tables[table].entity,
             sqlite3_bind_parameter_count (s), i - 1);
  return step (d, table, error);
}

/* Runs the statement of @table, bound */
static gboolean
step (HmrDemo       *d,
      HmrDemoTable   table,
      GError       **error)
{
  sqlite3_stmt *s = d->stmt[table];
  int rc;

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

static gboolean
run_row (HmrDemo      *d,
         HmrDemoTable  table,
         GError      **error,
         const char   *types,
         ...)
{
  va_list ap;
  gboolean ok;

  va_start (ap, types);
  ok = run (d, table, error, types, ap);
  va_end (ap);
  return ok;
}

/**
 * hmr_demo_insert:
 * @types: one letter per parameter: s text (NULL for null), d int,
 *   o int (negative for null), l gint64, L gint64 (negative for null),
 *   f double, b blob (pointer and int length)
 *
 * Binds and runs one of the prepared statements.  Text is bound without a
 * copy: it must live until the call returns.  History rows queued with
 * hmr_demo_history() follow the next record written.
 */
gboolean
hmr_demo_insert (HmrDemo      *d,
                 HmrDemoTable  table,
                 GError      **error,
                 const char   *types,
                 ...)
{
  va_list ap;
  gboolean ok;

  va_start (ap, types);
  ok = run (d, table, error, types, ap);
  va_end (ap);
  return ok && write_history (d, error);
}

/**
 * hmr_demo_insert_beneficiary:
 * @values: one text per column of the field table, by #HmrBeneficiaryField
 *   (%NULL for null), as the store binds them
 *
 * Writes a beneficiary with the store's own INSERT.
 */
gboolean
hmr_demo_insert_beneficiary (HmrDemo            *d,
                             const char * const  values[HMR_BENEFICIARY_N_COLUMNS],
                             GError            **error)
{
  sqlite3_stmt *s = d->stmt[HMR_DEMO_T_BENEFICIARY];

  for (guint i = 0; i < HMR_BENEFICIARY_N_COLUMNS; i++)
    if (values[i] != NULL)
      sqlite3_bind_text (s, i + 1, values[i], -1, SQLITE_STATIC);
    else
      sqlite3_bind_null (s, i + 1);
  return step (d, HMR_DEMO_T_BENEFICIARY, error) && write_history (d, error);
}

/* The history rows queued with hmr_demo_history(), after their record */
static gboolean
write_history (HmrDemo  *d,
               GError  **error)
{
  for (guint k = 0; k < d->n_history; k++)
    {
      HmrDemoHistoryRow *h = &d->history[k];
      char id[HMR_DEMO_ID_LEN];
      char stamp[32];

      hmr_demo_new_id (d, id);
      hmr_demo_format_time (h->at, stamp);
      if (!run_row (d, h->table, error, "sssssss", id, h->record_id, stamp, h->by_user,
                    h->from_state, h->to_state, h->comment[0] ? h->comment : NULL))
        return FALSE;
    }
  d->n_history = 0;
  return TRUE;
}

/* Queues a row of a record's history, written after the record itself
 * (the foreign key wants the record first) */
void
hmr_demo_history (HmrDemo      *d,
                  HmrDemoTable  table,
                  const char   *record_id,
                  gint64        at,
                  const char   *by_user,
                  const char   *from_state,
                  const char   *to_state,
                  const char   *comment)
{
  HmrDemoHistoryRow *h;

  g_assert (d->n_history < G_N_ELEMENTS (d->history));
  h = &d->history[d->n_history++];
  h->table = table;
  g_strlcpy (h->record_id, record_id, sizeof h->record_id);
  h->at = at;
  h->by_user = by_user;
  h->from_state = from_state;
  h->to_state = to_state;
  g_strlcpy (h->comment, comment ? comment : "", sizeof h->comment);
}

/* Someone from the region: a witness, a provider's contact */
void
hmr_demo_random_name (HmrDemo  *d,
                      gboolean  female,
                      GString  *out)
{
  const HmrDemoNames *names = hmr_demo_names_get ();
  const HmrDemoFamilyName *family = &names->family[hmr_demo_rand (d, names->n_family)];

  g_string_truncate (out, 0);
  g_string_append_printf (out, "%s %s", family->cyr[female],
                          female ? names->female[hmr_demo_rand (d, names->n_female)].cyr
                                 : names->male[hmr_demo_rand (d, names->n_male)].cyr);
}
