/* hmr-demo-case.c — a demo case file: its stages and history, closure
 * requests, the assessment with its needs and the reintegration plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-demo-private.h"

static const char * const stage_codes[] = {
  "new", "assessment", "case_plan", "services", "closed", "reopened",
};
static const char * const month_names[] = {
  "январ", "феврал", "март", "апрел", "май", "июн", "июл", "август",
  "сентябр", "октябр", "ноябр", "декабр",
};

typedef enum { NEED_LEGAL, NEED_EMPLOYMENT, NEED_HEALTH, NEED_PSYCHOSOCIAL, NEED_HOUSING,
               NEED_DOCUMENTS, N_NEEDS } Need;

static const char * const need_codes[] = {
  "legal", "employment", "health", "psychosocial", "housing", "documents",
};
static const char * const priority_codes[] = { "none", "low", "medium", "high" };

/* ---- the case file ---------------------------------------------------- */

/* The caseworker asks to close; the supervisor decides.  @decided is the
 * decision (or the request, when still open) */
static gboolean
write_closure_request (HmrDemo              *d,
                       const HmrDemoPerson  *p,
                       const char           *status,
                       const char           *reason,
                       gint64                decided,
                       GError              **error)
{
  HmrDemoOffice *o = &d->offices[p->office];
  const char *by = hmr_demo_actor_for (d, o);
  gboolean open = strcmp (status, "requested") == 0;
  gboolean withdrawn = strcmp (status, "withdrawn") == 0;
  gint64 asked = open ? decided : decided - 86400 * hmr_demo_range (d, 1, 6) - hmr_demo_rand (d, 3600);
  char id[HMR_DEMO_ID_LEN];
  char requested_at[32], decided_at[32];

  hmr_demo_new_id (d, id);
  hmr_demo_format_time (asked, requested_at);
  hmr_demo_format_time (decided, decided_at);
  return hmr_demo_insert (d, HMR_DEMO_T_CLOSURE_REQUEST, error, "ssssssssssssd",
                          id, o->id, p->case_id, status, reason, by, requested_at,
                          open || withdrawn ? NULL : d->supervisor_id,
                          open || withdrawn ? NULL : decided_at,
                          strcmp (status, "declined") == 0
                          ? "Парвандаро то ҷавоби маркази ёрии ҳуқуқӣ кушода нигоҳ доред" : NULL,
                          decided_at, open ? by : withdrawn ? by : d->supervisor_id,
                          open ? 1 : 2);
}

gboolean
hmr_demo_write_case (HmrDemo              *d,
                     HmrDemoPerson        *p,
                     const char           *risk,
                     const HmrDemoPerson  *original,
                     gint64                t_reg,
                     GError              **error)
{
  static const int gap_lo[] = { 0, 1, 5, 5, 60, 20 };
  static const int gap_hi[] = { 0, 14, 30, 30, 300, 200 };
  static const char * const comments[] = {
    NULL, "Арзёбӣ оғоз шуд", "Ниёзҳо арзёбӣ шуданд; нақша тартиб дода мешавад",
    "Нақша тасдиқ шуд; хизматрасонӣ оғоз ёфт", NULL,
    "Боз ба идора омад: корашро гум кардааст, ниёзҳои нав",
  };
  HmrDemoOffice *o = &d->offices[p->office];
  const char *by = hmr_demo_actor_for (d, o);
  const char *status = "open";
  const char *closure = NULL;
  static const char * const early_reasons[] = {
    "Дар ҷаласаи гурӯҳӣ иштирок кард; ниёзи инфиродӣ надорад",
    "Пас аз ҷаласа тавассути шиносҳояш кор ёфт",
    "Боз ба муҳоҷирати меҳнатӣ рафт",
  };
  guint path[HMR_DEMO_N_STAGES];
  guint n_path = 0;
  int gaps[HMR_DEMO_N_STAGES], days[HMR_DEMO_N_STAGES];
  char opened[11], closed[11], stamp[32], updated[32];
  const char *last_by = by;
  const char *request = NULL, *request_reason = NULL;
  gint64 request_at = 0;
  gint64 t = t_reg;
  int version = 1;


  /* the path: every stage up to the current one, or straight from the
   * assessment to closed */
  if (p->closed_early)
    {
      path[n_path++] = HMR_DEMO_STAGE_ASSESSMENT;
      path[n_path++] = HMR_DEMO_STAGE_CLOSED;
    }
  else
    for (guint k = 1; k <= p->stage; k++)
      path[n_path++] = k;
  for (guint i = 0; i < n_path; i++)
    gaps[i] = p->closed_early && path[i] == HMR_DEMO_STAGE_CLOSED
              ? hmr_demo_range (d, 10, 60) : hmr_demo_range (d, gap_lo[path[i]], gap_hi[path[i]]);
  hmr_demo_spread (d, p->reg_day, d->ref_day - 1, gaps, days, n_path);
  p->stage_day[0] = p->reg_day;
  for (guint i = 0; i < n_path; i++)
    p->stage_day[path[i]] = days[i];

  /* like the store, no history row for the opening: it is the case's own
   * created_at */
  hmr_demo_format_time (t_reg, stamp);
  for (guint i = 0; i < n_path; i++)
    {
      /* the supervisor approves the plan into services and closes */
      guint k = path[i];
      gboolean closing = k == HMR_DEMO_STAGE_CLOSED;
      gboolean supervisor = closing || k == HMR_DEMO_STAGE_SERVICES;

      t = hmr_demo_time (d, p->stage_day[k], t);
      if (closing)
        {
          closure = p->closed_early ? early_reasons[hmr_demo_rand (d, G_N_ELEMENTS (early_reasons))]
                                    : hmr_demo_pool_pick (d, &hmr_demo_closure_reasons);
          request = "approved";
          request_reason = closure;
          request_at = t;
        }
      last_by = supervisor ? d->supervisor_id : by;
      hmr_demo_history (d, HMR_DEMO_T_CASE_HISTORY, p->case_id, t, last_by,
                        stage_codes[i ? path[i - 1] : 0], stage_codes[k],
                        closing ? closure : comments[k]);
      version++;
    }
  if (p->stage == HMR_DEMO_STAGE_CLOSED)
    status = "closed";

  if (original != NULL)
    {
      g_autofree char *comment = g_strdup_printf ("Такрори парвандаи %s", original->case_number);
      status = "duplicate";
      t = hmr_demo_time (d, hmr_demo_later (d, p->reg_day, 1, 20), t);
      last_by = d->supervisor_id;
      hmr_demo_history (d, HMR_DEMO_T_CASE_HISTORY, p->case_id, t, last_by,
                        "new", "duplicate", comment);
      version++;
    }
  else if (p->stage == HMR_DEMO_STAGE_SERVICES && hmr_demo_chance (d, 0.05))
    {
      static const guint w[] = { 60, 30, 10 };
      static const char * const outcomes[] = { "requested", "declined", "withdrawn" };
      int day = hmr_demo_later (d, p->stage_day[HMR_DEMO_STAGE_SERVICES], 30, 200);

      request = outcomes[hmr_demo_pick (d, w, 3)];
      request_reason = hmr_demo_pool_pick (d, &hmr_demo_closure_reasons);
      request_at = hmr_demo_time (d, day, t);
    }
  else if (p->stage >= HMR_DEMO_STAGE_ASSESSMENT && p->stage <= HMR_DEMO_STAGE_SERVICES &&
           hmr_demo_chance (d, 0.004))
    {
      status = "transferred";
      t = hmr_demo_time (d, hmr_demo_later (d, p->stage_day[p->stage], 5, 60), t);
      last_by = d->supervisor_id;
      hmr_demo_history (d, HMR_DEMO_T_CASE_HISTORY, p->case_id, t, last_by,
                        stage_codes[p->stage], "transferred",
                        "Бо оилааш ба Душанбе кӯчид; парванда супорида шуд");
      version++;
    }

  hmr_demo_date (p->reg_day, opened);
  if (p->stage == HMR_DEMO_STAGE_CLOSED)
    hmr_demo_date (p->stage_day[HMR_DEMO_STAGE_CLOSED], closed);
  hmr_demo_format_time (t, updated);
  if (!hmr_demo_insert (d, HMR_DEMO_T_CASE, error, "ssssssssssssssd",
                        p->case_id, o->id, p->id, o->caseworker_id, status, stage_codes[p->stage],
                        risk, opened, p->stage == HMR_DEMO_STAGE_CLOSED ? closed : NULL,
                        p->stage == HMR_DEMO_STAGE_CLOSED ? closure : NULL,
                        stamp, by, updated, last_by, version))
    return FALSE;
  return request == NULL || write_closure_request (d, p, request, request_reason, request_at, error);
}

/* ---- assessment and plan ---------------------------------------------- */

/* The sector code of a migration episode as a caseworker writes it in the
 * case notes; the code itself is what the migration_episode row keeps */
static const char *
sector_written (const char *sector)
{
  static const struct { const char *code, *written; } sectors[] = {
    { "construction", "сохтмон" }, { "markets", "савдо дар бозор" },
    { "agriculture", "кишоварзӣ" }, { "transport", "нақлиёт" },
    { "services", "хизматрасонӣ" }, { "manufacturing", "истеҳсолот" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sectors); i++)
    if (strcmp (sectors[i].code, sector) == 0)
      return sectors[i].written;
  return sector;
}

void
hmr_demo_describe (HmrDemo              *d,
                   const HmrDemoPerson  *p,
                   const HmrDemoEpisode *e,
                   const HmrDemoBan     *ban,
                   int                   household,
                   const char           *health,
                   gboolean              disability,
                   GString              *out)
{
  GDate date;

  g_string_truncate (out, 0);
  if (e != NULL)
    {
      g_date_clear (&date, 1);
      g_date_set_julian (&date, e->ret);
      /* Tajik puts the verb last, so the time abroad comes before "worked" */
      g_string_append_printf (out, "Моҳи %s соли %u аз %s баргашт; ", month_names[g_date_get_month (&date) - 1],
                              g_date_get_year (&date), e->city->written);
      if (e->months < 0)
        g_string_append (out, "чӣ қадар дар муҳоҷират буд, маълум нест,");
      else if (strcmp (e->group, "seasonal") == 0)
        g_string_append_printf (out, "як мавсим (%d моҳ)", e->months);
      else if (e->months < 24)
        g_string_append_printf (out, "%d моҳ", e->months);
      else
        g_string_append_printf (out, "%d сол", e->months / 12);
      g_string_append_printf (out, " дар соҳаи %s кор кардааст. ", sector_written (e->sector));
      if (ban != NULL && ban->months > 0)
        g_string_append_printf (out, ban->court ? "Бо қарори суд ба муддати %d сол манъи вуруд дорад. "
                                                : "Ба муддати %d сол манъи маъмурии вуруд дорад. ",
                                ban->months / 12);
      else if (ban != NULL && strcmp (ban->has_ban, "unknown") == 0)
        g_string_append (out, "Намедонад, ки нисбати ӯ манъи вуруд ҷорӣ шудааст ё не. ");
    }
  else
    g_string_append (out, p->sex ? "Зани муҳоҷири меҳнатӣ, ки як сол боз пул намефиристад. "
                                 : "Бародари муҳоҷире, ки дар хориҷа боздошт шудааст; оиларо таъмин мекунад. ");
  if (p->category == HMR_DEMO_CATEGORY_TRAFFICKING_VICTIM || p->category == HMR_DEMO_CATEGORY_BOTH)
    g_string_append (out, "Дар хориҷа истисмор шудааст: шиносномаашро гирифтанд, музд надоданд. ");
  g_string_append_printf (out, "Аъзои хонавода: %d нафар.", household);
  if (health != NULL)
    g_string_append_printf (out, " Саломатӣ: %s.", health);
  if (disability)
    g_string_append (out, " Маъюбият дорад.");
  if (p->distress == 2)
    g_string_append (out, " Пас аз бозгашт изтироби шадид дорад.");
}

static const char *
service_objective (HmrDemoService s)
{
  switch (s)
    {
    case HMR_DEMO_SERVICE_LEGAL_AID:
      return "Дар бораи манъи вуруд машварати ҳуқуқӣ гирифтан ва қарор кардан, ки шикоят мекунад ё не";
    case HMR_DEMO_SERVICE_EMPLOYMENT:
      return "Дар ноҳия кори музднок ёфтан";
    case HMR_DEMO_SERVICE_VOCATIONAL_TRAINING:
      return "Курси касбиро тамом кардан ва бо шаҳодатнома ба кор даромадан";
    case HMR_DEMO_SERVICE_BUSINESS_LOAN:
      return "Нақшаи тиҷоратӣ тартиб додан ва барои грант ё қарз ариза додан";
    case HMR_DEMO_SERVICE_HEALTH:
      return "Муоина ва табобати тиббӣ";
    case HMR_DEMO_SERVICE_MIGRATION_SERVICE:
      return "Барқарор кардани ҳуҷҷатҳои гумшуда";
    case HMR_DEMO_SERVICE_PSYCHOSOCIAL:
      return "Ҷаласаҳои мунтазами машваратӣ бо равоншинос";
    case HMR_DEMO_N_SERVICES:
    default: return "";
    }
}

static const char *
service_need (HmrDemoService s)
{
  switch (s)
    {
    case HMR_DEMO_SERVICE_LEGAL_AID: return "legal";
    case HMR_DEMO_SERVICE_HEALTH: return "health";
    case HMR_DEMO_SERVICE_MIGRATION_SERVICE: return "documents";
    case HMR_DEMO_SERVICE_PSYCHOSOCIAL: return "psychosocial";
    case HMR_DEMO_SERVICE_EMPLOYMENT:
    case HMR_DEMO_SERVICE_VOCATIONAL_TRAINING:
    case HMR_DEMO_SERVICE_BUSINESS_LOAN:
    case HMR_DEMO_N_SERVICES:
    default: return "employment";
    }
}

gboolean
hmr_demo_write_assessment (HmrDemo           *d,
                           HmrDemoPerson     *p,
                           const HmrDemoBan  *ban,
                           gboolean           trafficked,
                           GError           **error)
{
  static const guint employment_w[] = { 0, 5, 25, 70 };
  static const guint family_w[] = { 0, 50, 50, 0 };
  static const char * const notes[] = {
    "Қарори манъро ҳанӯз надидааст; мепурсад, ки чӣ кор кардан мумкин аст",
    "Аз вақти бозгашт даромад надорад",
    "Нужен осмотр у врача",
    "Бад хоб мекунад, аз одамон худро канор мегирад",
    "Хона вайрон шудааст; оила дар як ҳуҷра зиндагӣ мекунад",
    "Шиноснома гум шудааст ё дар хориҷа монда",
  };
  static const guint work_w[] = { 45, 30, 25 };
  static const HmrDemoService work[] = {
    HMR_DEMO_SERVICE_EMPLOYMENT, HMR_DEMO_SERVICE_VOCATIONAL_TRAINING, HMR_DEMO_SERVICE_BUSINESS_LOAN,
  };
  HmrDemoOffice *o = &d->offices[p->office];
  guint prio[N_NEEDS] = { 0 };
  guint n_needs = 0;
  char id[HMR_DEMO_ID_LEN];
  char on[11], stamp[32];

  if (ban != NULL && ban->months > 0)
    prio[NEED_LEGAL] = ban->court || ban->months >= 120 ? 3 : 2;
  else if (trafficked)
    prio[NEED_LEGAL] = 2;
  prio[NEED_EMPLOYMENT] = hmr_demo_pick (d, p->category == HMR_DEMO_CATEGORY_FAMILY_MEMBER
                                              ? family_w : employment_w, 4);
  prio[NEED_HEALTH] = p->health ? hmr_demo_range (d, 2, 3) : hmr_demo_chance (d, 0.15) ? 1 : 0;
  prio[NEED_PSYCHOSOCIAL] = p->distress == 2 || trafficked ? 3 : p->distress == 1 ? 2 : 0;
  prio[NEED_HOUSING] = hmr_demo_chance (d, 0.08) ? hmr_demo_range (d, 2, 3) : 0;
  prio[NEED_DOCUMENTS] = trafficked ? 3 : hmr_demo_chance (d, 0.05) ? hmr_demo_range (d, 1, 2) : 0;

  if (prio[NEED_LEGAL] >= 2)
    p->needs[HMR_DEMO_SERVICE_LEGAL_AID] = 1;
  if (prio[NEED_EMPLOYMENT] >= 2)
    p->needs[work[hmr_demo_pick (d, work_w, 3)]] = 1;
  if (prio[NEED_HEALTH] >= 2)
    p->needs[HMR_DEMO_SERVICE_HEALTH] = 1;
  if (prio[NEED_PSYCHOSOCIAL] >= 2)
    p->needs[HMR_DEMO_SERVICE_PSYCHOSOCIAL] = 1;
  if (prio[NEED_DOCUMENTS] >= 2)
    p->needs[HMR_DEMO_SERVICE_MIGRATION_SERVICE] = 1;

  hmr_demo_new_id (d, id);
  hmr_demo_date (p->stage_day[HMR_DEMO_STAGE_ASSESSMENT], on);
  hmr_demo_format_time (hmr_demo_time (d, p->stage_day[HMR_DEMO_STAGE_ASSESSMENT], 0), stamp);
  if (!hmr_demo_insert (d, HMR_DEMO_T_ASSESSMENT, error, "sssssss", id, o->id, p->case_id, on,
                        d->text->str, stamp, hmr_demo_actor_for (d, o)))
    return FALSE;

  /* the two most pressing needs; the summary tells the rest */
  for (guint level = 3; level >= 2; level--)
    for (guint k = 0; k < N_NEEDS && n_needs < 2; k++)
      {
        char need_id[HMR_DEMO_ID_LEN];

        if (prio[k] != level)
          continue;
        n_needs++;
        hmr_demo_new_id (d, need_id);
        if (!hmr_demo_insert (d, HMR_DEMO_T_NEED, error, "sssss", need_id, id, need_codes[k],
                              priority_codes[prio[k]], prio[k] == 3 ? notes[k] : NULL))
          return FALSE;
      }
  return TRUE;
}

gboolean
hmr_demo_write_plan (HmrDemo        *d,
                     HmrDemoPerson  *p,
                     GError        **error)
{
  static const guint open_w[] = { 40, 40, 20 };
  static const char * const open_status[] = { "draft", "submitted", "returned" };
  HmrDemoOffice *o = &d->offices[p->office];
  const char *by = hmr_demo_actor_for (d, o);
  const char *seq[6];
  const char *status;
  const char *last_by = by;
  int start = p->stage_day[HMR_DEMO_STAGE_CASE_PLAN];
  gboolean in_services = HMR_DEMO_REACHED (p, HMR_DEMO_STAGE_SERVICES);
  int limit = in_services ? p->stage_day[HMR_DEMO_STAGE_SERVICES] : d->ref_day - 1;
  int gaps[6], days[6];
  guint n = 0, n_actions = 0;
  char id[HMR_DEMO_ID_LEN];
  char created[32], updated[32], approved[32];
  gint64 t, t0;

  if (!in_services)
    status = open_status[hmr_demo_pick (d, open_w, 3)];
  else
    status = "approved";
  seq[n++] = "draft";
  if (strcmp (status, "draft") != 0)
    seq[n++] = "submitted";
  if (strcmp (status, "approved") == 0 && hmr_demo_chance (d, 0.15))
    {
      seq[n++] = "returned";
      seq[n++] = "submitted";
    }
  if (strcmp (status, "submitted") != 0 && strcmp (status, "draft") != 0)
    seq[n++] = status;

  gaps[0] = 0;
  for (guint k = 1; k < n; k++)
    gaps[k] = hmr_demo_range (d, 1, 5);
  hmr_demo_spread (d, start, limit, gaps, days, n);

  hmr_demo_new_id (d, id);
  t0 = t = hmr_demo_time (d, days[0], 0);
  hmr_demo_format_time (t0, created);
  for (guint k = 0; k < n; k++)
    {
      gboolean supervisor = strcmp (seq[k], "approved") == 0 || strcmp (seq[k], "returned") == 0;
      const char *comment = k == 0 ? "Нақша бо баҳрабаранда тартиб дода шуд"
                            : strcmp (seq[k], "returned") == 0
                            ? "Баргардонида шуд: мӯҳлатҳо ва масъулонро нависед"
                            : strcmp (seq[k], "approved") == 0 ? "Тасдиқ шуд" : NULL;
      if (k > 0)
        t = hmr_demo_time (d, days[k], t);
      last_by = supervisor ? d->supervisor_id : by;
      hmr_demo_history (d, HMR_DEMO_T_PLAN_HISTORY, id, t, last_by,
                        k == 0 ? NULL : seq[k - 1], seq[k], comment);
    }
  hmr_demo_format_time (t, updated);
  hmr_demo_format_time (t, approved);

  g_string_truncate (d->text2, 0);
  for (guint s = 0; s < HMR_DEMO_N_SERVICES; s++)
    if (p->needs[s])
      g_string_append_printf (d->text2, "%s%u. %s.", d->text2->len ? "\n" : "", ++n_actions,
                              service_objective (s));
  if (n_actions == 0)
    g_string_append (d->text2, "1. Ҳар моҳ тамос гирифтан; ҳоло ба хизматрасонӣ ниёз нест.");

  if (!hmr_demo_insert (d, HMR_DEMO_T_PLAN, error, "sssssssssssd", id, o->id, p->case_id, status,
                        d->text2->str,
                        strcmp (status, "approved") == 0 ? d->supervisor_id : NULL,
                        strcmp (status, "approved") == 0 ? approved : NULL,
                        created, by, updated, last_by, (int) n))
    return FALSE;

  n_actions = 0;
  for (guint s = 0; s < HMR_DEMO_N_SERVICES && n_actions < 2; s++)
    {
      char action_id[HMR_DEMO_ID_LEN];
      char target[11];
      const char *responsible = "Корманди иҷтимоӣ";

      if (!p->needs[s])
        continue;
      n_actions++;
      for (guint k = 0; k < o->n_providers; k++)
        if (o->provider_services[k] & (1u << s))
          {
            responsible = o->provider_name[k];
            break;
          }
      hmr_demo_new_id (d, action_id);
      hmr_demo_date (start + hmr_demo_range (d, 30, 120), target);
      if (!hmr_demo_insert (d, HMR_DEMO_T_PLAN_ACTION, error, "ssssss", action_id, id,
                            service_need (s), hmr_demo_service_codes[s], target, responsible))
        return FALSE;
    }
  return TRUE;
}
