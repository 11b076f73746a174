/* hmr-demo-services.c — what happens around a demo case: service
 * providers, referrals, follow-ups, group sessions and the phone survey
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-demo-private.h"
#include "hmr-session.h"
#include "hmr-who5.h"

/* ---- providers ------------------------------------------------------- */

static const struct
{
  const char *format;
  guint       services;
} provider_kinds[] = {
  { "Хадамоти муҳоҷират, шуъбаи %s", 1u << HMR_DEMO_SERVICE_MIGRATION_SERVICE },
  { "Маркази шуғли аҳолии %s", 1u << HMR_DEMO_SERVICE_EMPLOYMENT },
  { "Маркази таҳсилоти калонсолон, филиали %s", 1u << HMR_DEMO_SERVICE_VOCATIONAL_TRAINING },
  { "Беморхонаи марказии ноҳиявии %s", 1u << HMR_DEMO_SERVICE_HEALTH },
  { "Маркази мубориза бо сил ва ВНМО, %s", 1u << HMR_DEMO_SERVICE_HEALTH },
  { "Маркази давлатии ёрии ҳуқуқӣ, %s", 1u << HMR_DEMO_SERVICE_LEGAL_AID },
  { NULL, (1u << HMR_DEMO_SERVICE_PSYCHOSOCIAL) | (1u << HMR_DEMO_SERVICE_LEGAL_AID) },
  { "Хазинаи қарзҳои хурди «Рушди деҳот», филиали %s", 1u << HMR_DEMO_SERVICE_BUSINESS_LOAN },
};

G_STATIC_ASSERT (G_N_ELEMENTS (provider_kinds) <= HMR_DEMO_MAX_PROVIDERS);

gboolean
hmr_demo_write_providers (HmrDemo  *d,
                          GError  **error)
{
  char stamp[32];

  hmr_demo_format_time (hmr_demo_time (d, d->first_day - 30, 0), stamp);
  for (guint k = 0; k < d->n_offices; k++)
    {
      HmrDemoOffice *o = &d->offices[k];
      const HmrDemoDistrict *place = o->place;

      for (guint i = 0; i < G_N_ELEMENTS (provider_kinds); i++)
        {
          g_autofree char *address = NULL;
          GString *types = d->text2;
          char phone[20];

          hmr_demo_new_id (d, o->provider_id[i]);
          if (provider_kinds[i].format == NULL)
            o->provider_name[i] = g_strdup_printf ("%s, дафтари %s", place->ngo, place->district);
          else if (i == 3 && (strcmp (place->district, "Khorugh") == 0 ||
                              strcmp (place->district, "Dushanbe") == 0))
            o->provider_name[i] = g_strdup_printf ("Беморхонаи шаҳрии %s", place->district);
          else
            o->provider_name[i] = g_strdup_printf (provider_kinds[i].format, place->district);
          o->provider_services[i] = provider_kinds[i].services;
          o->n_providers = i + 1;

          g_string_truncate (types, 0);
          for (guint s = 0; s < HMR_DEMO_N_SERVICES; s++)
            if (provider_kinds[i].services & (1u << s))
              g_string_append_printf (types, "%s%s", types->len ? "," : "", hmr_demo_service_codes[s]);
          address = g_strdup_printf ("%s %d, %s", hmr_demo_pool_pick (d, &hmr_demo_streets),
                                     hmr_demo_range (d, 1, 120), place->centre);
          hmr_demo_phone (d, phone);
          hmr_demo_random_name (d, hmr_demo_chance (d, 0.4), d->text);
          if (!hmr_demo_insert (d, HMR_DEMO_T_PROVIDER, error, "sssssssssss",
                                o->provider_id[i], o->id, o->provider_name[i], types->str,
                                place->district, address, phone, d->text->str, place->languages,
                                stamp, d->admin->user_id))
            return FALSE;
        }
    }
  return TRUE;
}

static int
provider_for (HmrDemo       *d,
              HmrDemoOffice *o,
              guint          service)
{
  int found[HMR_DEMO_MAX_PROVIDERS];
  guint n = 0;

  for (guint k = 0; k < o->n_providers; k++)
    if (o->provider_services[k] & (1u << service))
      found[n++] = (int) k;
  return n ? found[hmr_demo_rand (d, n)] : -1;
}

/* ---- referrals -------------------------------------------------------- */

enum { R_DRAFT, R_SENT, R_ACCEPTED, R_REJECTED, R_NO_RESPONSE, R_COMPLETED, R_REVOKED, N_R };

static const char * const referral_states[] = {
  "draft", "sent", "accepted", "rejected", "no_response", "completed", "revoked",
};

static gboolean
write_referral (HmrDemo         *d,
                HmrDemoPerson   *p,
                HmrDemoService   service,
                guint            k,
                char             legal_id[HMR_DEMO_ID_LEN],
                GError         **error)
{
  static const guint closed_w[N_R] = { 0, 0, 0, 12, 13, 65, 10 };
  static const guint fresh_w[N_R] = { 15, 45, 30, 5, 0, 0, 5 };
  static const guint weeks_w[N_R] = { 3, 10, 25, 8, 10, 40, 4 };
  static const guint old_w[N_R] = { 0, 3, 5, 10, 12, 64, 6 };
  HmrDemoOffice *o = &d->offices[p->office];
  const char *by = hmr_demo_actor_for (d, o);
  const char *seq[5];
  const char *by_seq[5];
  int gaps[5], days[5];
  guint n = 0, state;
  gboolean via_accepted = FALSE;
  int due_len = d->answer_days[service];
  int start, limit, provider, sent = 0, due = 0, answered = 0, completed = 0;
  char id[HMR_DEMO_ID_LEN];
  char sent_on[11], due_on[11], answered_on[11], completed_on[11], created[32], updated[32];
  const char *answer = NULL, *outcome = NULL;
  gint64 t;

  limit = p->stage == HMR_DEMO_STAGE_CLOSED ? p->stage_day[HMR_DEMO_STAGE_CLOSED] : d->ref_day - 1;
  if (!HMR_DEMO_REACHED (p, HMR_DEMO_STAGE_SERVICES))
    start = p->stage_day[HMR_DEMO_STAGE_CASE_PLAN] + hmr_demo_range (d, 0, 5);
  else
    start = p->stage_day[HMR_DEMO_STAGE_SERVICES] + hmr_demo_range (d, 0, 10) +
            (int) k * hmr_demo_range (d, 2, 10);
  start = MIN (start, limit);

  if (!p->consent_sharing || !HMR_DEMO_REACHED (p, HMR_DEMO_STAGE_SERVICES))
    state = R_DRAFT;                /* never sent without consent */
  else if (d->n_referrals < N_R && p->stage != HMR_DEMO_STAGE_CLOSED)
    state = d->n_referrals++;       /* every state at least once */
  else if (p->stage == HMR_DEMO_STAGE_CLOSED)
    state = hmr_demo_pick (d, closed_w, N_R);
  else
    {
      int age = d->ref_day - start;
      state = hmr_demo_pick (d, age < 21 ? fresh_w : age < 90 ? weeks_w : old_w, N_R);
    }

  /* Monday morning: what is still open was sent in the last weeks; about
   * half of it is past its answer or completion date (overdue on the
   * supervisor's board), the rest still in time */
  if (state == R_SENT && p->stage != HMR_DEMO_STAGE_CLOSED)
    start = MAX (start, d->ref_day - (hmr_demo_chance (d, 0.5) ? hmr_demo_range (d, 1, MAX (due_len - 1, 1))
                                                               : due_len + hmr_demo_range (d, 4, 30)));
  else if (state == R_ACCEPTED && p->stage != HMR_DEMO_STAGE_CLOSED)
    start = MAX (start, d->ref_day - (hmr_demo_chance (d, 0.5)
                                      ? hmr_demo_range (d, 5, MAX (d->completion_days[service] / 2, 6))
                                      : d->completion_days[service] + hmr_demo_range (d, 20, 45)));

  /* the path through the workflow: draft → sent → accepted / rejected /
   * no response → completed; sent or accepted → revoked */
  seq[n] = "draft"; by_seq[n] = by; gaps[n++] = 0;
  if (state != R_DRAFT)
    {
      seq[n] = "sent"; by_seq[n] = by; gaps[n++] = hmr_demo_range (d, 0, 3);
    }
  via_accepted = state == R_ACCEPTED || state == R_COMPLETED ||
                 (state == R_REVOKED && hmr_demo_chance (d, 0.5));
  if (via_accepted)
    {
      seq[n] = "accepted"; by_seq[n] = by; gaps[n++] = hmr_demo_range (d, 2, 14);
    }
  switch (state)
    {
    case R_REJECTED:
      seq[n] = "rejected"; by_seq[n] = by; gaps[n++] = hmr_demo_range (d, 2, 14);
      break;
    case R_NO_RESPONSE:
      seq[n] = "no_response"; by_seq[n] = by; gaps[n++] = due_len + hmr_demo_range (d, 1, 10);
      break;
    case R_COMPLETED:
      seq[n] = "completed"; by_seq[n] = by; gaps[n++] = hmr_demo_range (d, 7, 90);
      break;
    case R_REVOKED:
      seq[n] = "revoked"; by_seq[n] = d->supervisor_id; gaps[n++] = hmr_demo_range (d, 3, 30);
      break;
    default:
      break;
    }
  hmr_demo_spread (d, start, limit, gaps, days, n);

  /* as the referral store reckons: due the answer time after sending,
   * then, once accepted, the completion time after the answer */
  if (n > 1)
    {
      sent = days[1];
      due = sent + due_len;
      if (state == R_NO_RESPONSE && due >= days[2])
        due = MAX (sent, days[2] - 1);
      hmr_demo_date (sent, sent_on);
    }
  if (via_accepted || state == R_REJECTED || state == R_NO_RESPONSE)
    {
      answered = days[2];
      hmr_demo_date (answered, answered_on);
      if (state == R_REJECTED)
        answer = hmr_demo_referral_rejected[service];
      else if (state == R_NO_RESPONSE)
        answer = "То мӯҳлат ҷавоб наомад";
      else
        {
          answer = hmr_demo_referral_accepted[service];
          due = answered + d->completion_days[service];
        }
    }
  if (n > 1)
    hmr_demo_date (due, due_on);
  if (state == R_COMPLETED)
    {
      completed = days[3];
      hmr_demo_date (completed, completed_on);
      outcome = hmr_demo_referral_outcomes[service];
    }
  else if (state == R_REVOKED)
    outcome = hmr_demo_chance (d, 0.5) ? "Бозхонда шуд: баҳрабаранда боз ба Русия рафт"
                                       : "Бозхонда шуд: баҳрабаранда аз розигӣ даст кашид";

  if (service == HMR_DEMO_SERVICE_LEGAL_AID && legal_id[0] == '\0')
    {
      hmr_demo_new_id (d, legal_id);
      memcpy (id, legal_id, HMR_DEMO_ID_LEN);
    }
  else
    hmr_demo_new_id (d, id);

  t = hmr_demo_time (d, days[0], 0);
  hmr_demo_format_time (t, created);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        t = hmr_demo_time (d, days[i], t);
      hmr_demo_history (d, HMR_DEMO_T_REFERRAL_HISTORY, id, t, by_seq[i],
                        i ? seq[i - 1] : NULL, seq[i],
                        i == 0 ? hmr_demo_referral_reasons[service]
                        : i == 2 && answered ? answer
                        : strcmp (seq[i], "completed") == 0 || strcmp (seq[i], "revoked") == 0
                        ? outcome : NULL);
    }
  hmr_demo_format_time (t, updated);

  provider = provider_for (d, o, service);
  return hmr_demo_insert (d, HMR_DEMO_T_REFERRAL, error, "sssssssdsssssssssssd",
                          id, o->id, p->id, p->case_id,
                          provider >= 0 ? o->provider_id[provider] : NULL,
                          hmr_demo_service_codes[service], hmr_demo_referral_reasons[service],
                          (int) (p->consent_sharing != 0), referral_states[state],
                          sent ? sent_on : NULL, sent ? due_on : NULL,
                          answered ? answered_on : NULL, completed ? completed_on : NULL,
                          answer, outcome, created, by, updated, by_seq[n - 1], (int) n);
}

/**
 * hmr_demo_write_referrals:
 * @legal_id: (out): the id of the legal-aid referral, empty when none
 */
gboolean
hmr_demo_write_referrals (HmrDemo        *d,
                          HmrDemoPerson  *p,
                          char            legal_id[HMR_DEMO_ID_LEN],
                          GError        **error)
{
  HmrDemoService list[HMR_DEMO_N_SERVICES];
  guint n = 0;

  legal_id[0] = '\0';
  for (guint s = 0; s < HMR_DEMO_N_SERVICES; s++)
    if (p->needs[s])
      list[n++] = s;
  if (!HMR_DEMO_REACHED (p, HMR_DEMO_STAGE_SERVICES))
    n = n > 0 && hmr_demo_chance (d, 0.3) ? 1 : 0;     /* a draft, perhaps */
  else
    {
      guint most = hmr_demo_chance (d, 0.35) ? 2 : 1;
      n = MIN (n, most);
    }

  for (guint k = 0; k < n; k++)
    if (!write_referral (d, p, list[k], k, legal_id, error))
      return FALSE;
  return TRUE;
}

/* ---- follow-ups ------------------------------------------------------- */

enum { F_PLANNED, F_DONE, F_MISSED, F_CANCELLED, N_F };

gboolean
hmr_demo_write_follow_ups (HmrDemo        *d,
                           HmrDemoPerson  *p,
                           GError        **error)
{
  static const char * const states[] = { "planned", "done", "missed", "cancelled" };
  static const char * const kinds[] = { "psychosocial_session", "phone", "home_visit", "office" };
  static const guint past_w[N_F] = { 0, 75, 15, 10 };
  static const guint great_w[] = { 70, 20, 10, 0 };
  static const guint other_w[] = { 0, 50, 30, 20 };
  HmrDemoOffice *o = &d->offices[p->office];
  const char *by = hmr_demo_actor_for (d, o);
  int dues[6];
  int count, due, end;
  guint n = 0;
  int wants = -1;
  int previous = -1;
  int open_index = -1;

  if (p->category == HMR_DEMO_CATEGORY_FAMILY_MEMBER || p->closed_early)
    count = hmr_demo_chance (d, 0.3) ? 1 : 0;
  else
    count = p->distress == 2 ? hmr_demo_range (d, 1, 3)
            : p->distress == 1 ? hmr_demo_range (d, 0, 1) : hmr_demo_chance (d, 0.2) ? 1 : 0;
  due = p->stage_day[HMR_DEMO_STAGE_ASSESSMENT] + hmr_demo_range (d, 7, 21);
  end = p->stage == HMR_DEMO_STAGE_CLOSED ? p->stage_day[HMR_DEMO_STAGE_CLOSED] : d->ref_day + 45;
  while ((int) n < count && due <= end)
    {
      dues[n++] = due;
      if (due >= d->ref_day)
        break;
      due += hmr_demo_range (d, 14, 45);
    }
  /* An open case is still followed: its next follow-up is planned around
   * today, now and then due today or a few days overdue */
  if (n > 0 && n < G_N_ELEMENTS (dues) && dues[n - 1] < d->ref_day &&
      p->stage != HMR_DEMO_STAGE_CLOSED && !p->closed_early)
    {
      open_index = (int) n;
      dues[n++] = hmr_demo_chance (d, 0.25) ? d->ref_day
                  : hmr_demo_chance (d, 0.4) ? d->ref_day - hmr_demo_range (d, 1, 14)
                  : d->ref_day + hmr_demo_range (d, 1, 30);
    }

  for (guint k = 0; k < n; k++)
    {
      guint kind = hmr_demo_pick (d, p->distress == 2 ? great_w : other_w, 4);
      guint state;
      int created_day, event_day = 0, done = 0, score = -1, minutes = -1, flags = -1, before = -1;
      char id[HMR_DEMO_ID_LEN];
      char due_on[11], done_on[11], next_on[11], items[6] = "";
      char created[32], updated[32], acked[32];
      const char *notes = NULL;
      gboolean ack = FALSE;
      gboolean has_next = FALSE;
      gint64 t;

      due = dues[k];
      if (d->n_follow_ups < N_F)
        {
          state = d->n_follow_ups;    /* every state at least once */
          if (state == F_PLANNED)
            due = hmr_demo_max (due, d->ref_day + hmr_demo_range (d, 3, 20));
          else if (due >= d->ref_day)
            due = hmr_demo_max (p->reg_day + 1, d->ref_day - hmr_demo_range (d, 1, 20));
        }
      else if (due < d->ref_day && (int) k != open_index)
        state = hmr_demo_pick (d, past_w, N_F);
      else if (due < d->ref_day)
        state = F_PLANNED;        /* overdue on the caseworker's Today */
      else
        {
          state = F_PLANNED;
          /* a few are due today */
          if (hmr_demo_chance (d, 0.2))
            due = d->ref_day;
        }
      d->n_follow_ups++;

      created_day = hmr_demo_min (due, d->ref_day - 1) - hmr_demo_range (d, 7, 14);
      created_day = hmr_demo_max (p->reg_day, created_day);
      switch (state)
        {
        case F_DONE:
          done = event_day = hmr_demo_later (d, due, 0, 3);
          hmr_demo_date (done, done_on);
          minutes = kind == 0 ? hmr_demo_range (d, 45, 60) : kind == 1 ? hmr_demo_range (d, 10, 20)
                    : kind == 2 ? hmr_demo_range (d, 30, 90) : hmr_demo_range (d, 20, 45);
          if (kind == 0 || hmr_demo_chance (d, 0.4))
            {
              /* WHO-5: five items 0–5, the score is their sum times four;
               * the distressed start low and improve with the sessions */
              int base = p->distress == 2 ? 1 : p->distress == 1 ? 2 : 3;
              int sum = 0;
              for (guint i = 0; i < 5; i++)
                {
                  int v = base + (int) k / 2 + hmr_demo_range (d, -1, 1);
                  v = CLAMP (v, 0, 5);
                  items[i] = (char) ('0' + v);
                  sum += v;
                }
              items[5] = '\0';
              score = sum * 4;
              /* flagged as the store flags them (hmr-who5.h) */
              before = previous;
              flags = hmr_who5_flags (previous, score) & HMR_WHO5_SUPERVISOR_FLAGS;
              previous = score;
              if (wants < 0)
                wants = p->distress == 2 ? hmr_demo_quota (d, &d->q_wants_professional, 0.78)
                                         : hmr_demo_chance (d, 0.15);
            }
          notes = hmr_demo_pool_pick (d, kind == 0 ? &hmr_demo_notes_session
                                        : kind == 1 ? &hmr_demo_notes_phone : &hmr_demo_notes_visit);
          has_next = TRUE;
          break;
        case F_MISSED:
          event_day = MIN (due + 1, d->ref_day - 1);
          notes = hmr_demo_pool_pick (d, &hmr_demo_notes_missed);
          has_next = TRUE;
          break;
        case F_CANCELLED:
          event_day = hmr_demo_max (created_day, due - hmr_demo_range (d, 0, 3));
          notes = hmr_demo_pool_pick (d, &hmr_demo_notes_cancelled);
          break;
        default:
          break;
        }
      if (has_next)
        hmr_demo_date (k + 1 < n ? dues[k + 1] : due + hmr_demo_range (d, 14, 30), next_on);

      hmr_demo_new_id (d, id);
      hmr_demo_date (due, due_on);
      t = hmr_demo_time (d, created_day, 0);
      hmr_demo_format_time (t, created);
      hmr_demo_history (d, HMR_DEMO_T_FOLLOW_UP_HISTORY, id, t, by, NULL, "planned", NULL);
      if (state != F_PLANNED)
        {
          t = hmr_demo_time (d, event_day, t);
          hmr_demo_history (d, HMR_DEMO_T_FOLLOW_UP_HISTORY, id, t, by, "planned",
                            states[state], NULL);
        }
      hmr_demo_format_time (t, updated);
      /* The supervisor looked at the older flagged scores long ago: only
       * the last month's wait on their Today */
      if (flags > 0 && event_day < d->ref_day - 30)
        {
          ack = TRUE;
          hmr_demo_format_time (hmr_demo_time (d, hmr_demo_later (d, event_day, 1, 5), t), acked);
        }

      if (!hmr_demo_insert (d, HMR_DEMO_T_FOLLOW_UP, error, "sssssssssosoossssssdooss",
                            id, o->id, p->id, p->case_id, kinds[kind], states[state],
                            o->caseworker_id, due_on, done ? done_on : NULL, minutes,
                            items[0] ? items : NULL, score, items[0] ? wants : -1, notes,
                            has_next ? next_on : NULL, created, by, updated, by,
                            state == F_PLANNED ? 1 : 2, before, flags,
                            ack ? acked : NULL, ack ? d->supervisor_id : NULL))
        return FALSE;
    }
  return TRUE;
}

/* ---- group sessions --------------------------------------------------- */

gboolean
hmr_demo_join_session (HmrDemo        *d,
                       HmrDemoPerson  *p,
                       GError        **error)
{
  HmrDemoOffice *o = &d->offices[p->office];
  char id[HMR_DEMO_ID_LEN];
  char held_on[11], stamp[32];
  int last = 0, held;
  guint walk_ins;
  const HmrDemoJamoat *jamoat;

  if (o->session_target == 0)
    o->session_target = hmr_demo_range (d, 8, 13);
  o->pending[o->n_pending++] = *p;
  if (o->n_pending < o->session_target)
    return TRUE;

  for (guint k = 0; k < o->n_pending; k++)
    last = MAX (last, o->pending[k].reg_day);
  held = hmr_demo_later (d, last, 5, 25);
  hmr_demo_new_id (d, id);
  hmr_demo_date (held, held_on);
  hmr_demo_format_time (hmr_demo_time (d, hmr_demo_max (last, held - hmr_demo_range (d, 3, 10)), 0), stamp);
  jamoat = &o->place->jamoats[hmr_demo_rand (d, o->place->n_jamoats)];
  if (!hmr_demo_insert (d, HMR_DEMO_T_SESSION, error, "ssssssdssssss",
                        id, o->id, o->place->district, held_on, o->caseworker_id,
                        hmr_demo_pool_pick (d, &hmr_demo_modules), HMR_DEMO_SESSION_MAX,
                        stamp, hmr_demo_actor_for (d, o), jamoat->name, "Маркази ҷамоат",
                        o->caseworker_name, "Хадамоти муҳоҷират"))
    return FALSE;

  for (guint k = 0; k < o->n_pending; k++)
    {
      char attendance_id[HMR_DEMO_ID_LEN];

      hmr_demo_new_id (d, attendance_id);
      if (!hmr_demo_insert (d, HMR_DEMO_T_ATTENDANCE, error, "ssssossssss", attendance_id, id,
                            o->pending[k].id, NULL, -1, o->id, NULL, NULL, NULL,
                            stamp, hmr_demo_actor_for (d, o)))
        return FALSE;
    }
  walk_ins = hmr_demo_rand (d, MIN (4, HMR_DEMO_SESSION_MAX - o->n_pending + 1));
  for (guint k = 0; k < walk_ins; k++)
    {
      char attendance_id[HMR_DEMO_ID_LEN];
      char phone[20];
      gboolean female = !hmr_demo_chance (d, 0.9);
      int age = hmr_demo_range (d, 19, 55);

      hmr_demo_new_id (d, attendance_id);
      hmr_demo_random_name (d, female, d->text2);
      hmr_demo_phone (d, phone);
      if (!hmr_demo_insert (d, HMR_DEMO_T_ATTENDANCE, error, "ssssdssssss", attendance_id, id, NULL,
                            female ? "female" : "male", age, o->id, d->text2->str,
                            hmr_age_group_to_string (hmr_age_group_for_age (age)), phone,
                            stamp, hmr_demo_actor_for (d, o)))
        return FALSE;
    }

  o->n_pending = 0;
  o->session_target = 0;
  o->n_sessions++;
  return TRUE;
}

/* ---- the phone survey ------------------------------------------------- */

gboolean
hmr_demo_write_round (HmrDemo  *d,
                      GError  **error)
{
  g_autofree char *name = g_strdup_printf ("Пурсиши телефонӣ %d", hmr_demo_year (d->ref_day));
  char started[11], stamp[32];

  hmr_demo_new_id (d, d->round_id);
  hmr_demo_date (d->round_day, started);
  hmr_demo_format_time (hmr_demo_time (d, d->round_day, 0), stamp);
  return hmr_demo_insert (d, HMR_DEMO_T_SURVEY_ROUND, error, "ssssddss",
                          d->round_id, NULL, name, started,
                          (int) MIN (d->n, 4000), (int) d->survey_sample, stamp, d->supervisor_id);
}

/* Exactly the leaflet's shares: each answer is yes with the chance of the
 * yeses still to give among the calls still to make */
gboolean
hmr_demo_write_survey_response (HmrDemo        *d,
                                HmrDemoPerson  *p,
                                GError        **error)
{
  guint remaining = d->survey_sample - d->survey_done;
  int yes[G_N_ELEMENTS (d->survey_yes)];
  char id[HMR_DEMO_ID_LEN];
  char answered[11], stamp[32];
  int day;

  for (guint k = 0; k < G_N_ELEMENTS (d->survey_yes); k++)
    {
      yes[k] = hmr_demo_rand (d, remaining) < d->survey_yes[k];
      if (yes[k])
        d->survey_yes[k]--;
    }
  day = hmr_demo_max (d->round_day + hmr_demo_range (d, 0, 40), p->reg_day + 7);
  day = MIN (day, d->ref_day - 1);
  hmr_demo_date (day, answered);
  hmr_demo_format_time (hmr_demo_time (d, day, 0), stamp);
  hmr_demo_new_id (d, id);
  d->survey_done++;
  return hmr_demo_insert (d, HMR_DEMO_T_SURVEY_RESPONSE, error, "sssssddddddddsdddss",
                          id, d->offices[p->office].id, d->round_id, p->id, answered,
                          yes[0], yes[1], yes[2], yes[3], yes[4], yes[5], yes[6], yes[7],
                          yes[8] ? hmr_demo_pool_pick (d, &hmr_demo_other_actions) : NULL,
                          yes[9], yes[10], yes[11], stamp, hmr_demo_actor_for (d, &d->offices[p->office]));
}
