/* hmr-demo-person.c — one demo beneficiary: identity, migration story,
 * re-entry ban and trafficking profile; then everything else about the
 * person, in the order the foreign keys want
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-demo-private.h"

static const char * const category_codes[] = {
  "returned_migrant", "trafficking_victim", "both", "family_member",
};
static const char * const distress_codes[] = { "none", "some", "great" };

/* The stage by how long ago the person registered; the seventh choice is
 * a case closed right after the assessment (the group session was all
 * the person needed) */
static guint
pick_stage (HmrDemo *d,
            int      age)
{
  static const guint recent[] = { 55, 45, 0, 0, 0, 0, 0 };
  static const guint weeks[] = { 8, 30, 40, 15, 0, 0, 7 };
  static const guint months[] = { 0, 8, 20, 52, 5, 0, 15 };
  static const guint year[] = { 0, 0, 4, 46, 16, 4, 30 };
  static const guint older[] = { 0, 0, 0, 22, 33, 8, 37 };
  const guint *w = age < 14 ? recent : age < 45 ? weeks : age < 120 ? months : age < 365 ? year : older;

  return hmr_demo_pick (d, w, HMR_DEMO_N_STAGES + 1);
}

static const HmrDemoCity *
pick_city (HmrDemo *d)
{
  guint total = 0;
  guint r;

  for (guint i = 0; i < hmr_demo_n_cities; i++)
    total += hmr_demo_cities[i].weight;
  r = hmr_demo_rand (d, total);
  for (guint i = 0; i < hmr_demo_n_cities; i++)
    {
      if (r < hmr_demo_cities[i].weight)
        return &hmr_demo_cities[i];
      r -= hmr_demo_cities[i].weight;
    }
  return &hmr_demo_cities[0];
}

static const char *
pick_sector (HmrDemo *d)
{
  static const char * const sectors[] = {
    "construction", "markets", "agriculture", "transport", "services", "manufacturing",
  };
  static const guint weights[] = { 45, 16, 10, 10, 14, 5 };

  return sectors[hmr_demo_pick (d, weights, G_N_ELEMENTS (weights))];
}

static const char *
group_for_months (int months)
{
  return months < 12 ? "under_12_months" : months < 36 ? "1_to_3_years" : "3_years_or_more";
}

/* The last stay abroad, in the programme's groups: 18% under a year, 29%
 * one to three years, 47% three years or more, 2% seasonal, the rest not
 * known */
static void
draw_last_episode (HmrDemo        *d,
                   HmrDemoPerson  *p,
                   gboolean        example,
                   HmrDemoEpisode *e)
{
  static const double shares[] = { 0.18, 0.29, 0.47, 0.02, 0.04 };
  static const char * const groups[] = {
    "under_12_months", "1_to_3_years", "3_years_or_more", "seasonal", NULL,
  };
  guint group = example ? 2 : hmr_demo_mix (d, &d->m_duration, shares, G_N_ELEMENTS (shares));

  e->city = example ? &hmr_demo_cities[0] : pick_city (d);
  e->ret = p->reg_day - (p->category == HMR_DEMO_CATEGORY_RETURNED_MIGRANT
                         ? hmr_demo_range (d, 10, 400) : hmr_demo_range (d, 30, 700));
  e->group = groups[group];
  switch (group)
    {
    case 0: e->months = hmr_demo_range (d, 2, 11); break;
    case 1: e->months = hmr_demo_range (d, 12, 35); break;
    case 2: e->months = example ? hmr_demo_range (d, 36, 60)
                                : 36 + (int) hmr_demo_rand (d, 49) + (int) hmr_demo_rand (d, 41); break;
    case 3: e->months = hmr_demo_range (d, 4, 9); break;
    default: e->months = -1; break;
    }
  e->departure = e->months >= 0 ? hmr_demo_add_months (e->ret, -e->months) : 0;
  e->sector = example ? "construction" : pick_sector (d);
  e->return_type = "voluntary";
}

static gboolean
write_episode (HmrDemo               *d,
               HmrDemoPerson         *p,
               const HmrDemoEpisode  *e,
               const char            *stamp,
               const char            *by,
               GError               **error)
{
  char id[HMR_DEMO_ID_LEN];
  char departure[11], ret[11];

  hmr_demo_new_id (d, id);
  if (e->departure)
    hmr_demo_date (e->departure, departure);
  hmr_demo_date (e->ret, ret);
  return hmr_demo_insert (d, HMR_DEMO_T_MIGRATION, error, "sssssssosssss",
                          id, d->offices[p->office].id, p->id, e->city->country, e->city->city,
                          e->departure ? departure : NULL, ret, e->months, e->group, e->sector,
                          e->return_type, stamp, by);
}

/* Re-entry bans: 25% by a court (mostly five years), the rest
 * administrative (mostly three); 4.5 years on average */
static void
draw_ban (HmrDemo        *d,
          HmrDemoEpisode *e,
          HmrDemoBan     *ban)
{
  static const guint has[] = { 90, 6, 4 };
  static const char * const has_codes[] = { "yes", "no", "unknown" };
  static const double court_shares[] = { 0.8, 0.2 };
  static const int court_months[] = { 60, 120 };
  static const double admin_shares[] = { 2.0 / 3, 4.0 / 15, 1.0 / 15 };
  static const int admin_months[] = { 36, 60, 120 };
  static const guint appeal_weights[] = { 80, 8, 5, 4, 3 };
  static const char * const appeals[] = { "none", "filed", "lifted", "upheld", "amnesty" };

  memset (ban, 0, sizeof *ban);
  ban->has_ban = has_codes[hmr_demo_pick (d, has, G_N_ELEMENTS (has))];
  ban->appeal = "none";
  if (strcmp (ban->has_ban, "yes") != 0)
    {
      e->return_type = hmr_demo_chance (d, 0.95) ? "voluntary" : "deported";
      return;
    }
  ban->court = hmr_demo_quota (d, &d->q_court, 0.25);
  if (ban->court)
    ban->months = court_months[hmr_demo_mix (d, &d->m_ban_court, court_shares, 2)];
  else
    ban->months = admin_months[hmr_demo_mix (d, &d->m_ban_admin, admin_shares, 3)];
  ban->start = e->ret - (ban->court ? hmr_demo_range (d, 3, 30) : hmr_demo_range (d, 0, 10));
  ban->end = hmr_demo_add_months (ban->start, ban->months);
  ban->appeal = appeals[hmr_demo_pick (d, appeal_weights, G_N_ELEMENTS (appeal_weights))];
  if (ban->court)
    e->return_type = hmr_demo_chance (d, 0.85) ? "expelled" : "deported";
  else
    e->return_type = hmr_demo_chance (d, 0.4) ? "deported" : "voluntary";
}

static gboolean
write_ban (HmrDemo           *d,
           HmrDemoPerson     *p,
           const HmrDemoBan  *ban,
           const char        *legal_referral_id,
           const char        *stamp,
           const char        *by,
           GError           **error)
{
  char id[HMR_DEMO_ID_LEN];
  char start[11], end[11], number[24];
  gboolean yes = ban->months > 0;

  hmr_demo_new_id (d, id);
  if (yes)
    {
      hmr_demo_date (ban->start, start);
      hmr_demo_date (ban->end, end);
      g_snprintf (number, sizeof number, "5-%d/%d", hmr_demo_range (d, 112, 4870),
                  hmr_demo_year (ban->start));
    }
  return hmr_demo_insert (d, HMR_DEMO_T_BAN, error, "ssssssssosssss",
                          id, d->offices[p->office].id, p->id, ban->has_ban,
                          yes ? (ban->court ? "court" : "administrative") : NULL,
                          yes && ban->court ? number : NULL,
                          yes && ban->court ? start : NULL,
                          yes ? start : NULL, yes ? ban->months : -1, yes ? end : NULL,
                          ban->appeal, legal_referral_id, stamp, by);
}

static gboolean
write_trafficking (HmrDemo               *d,
                   HmrDemoPerson         *p,
                   const HmrDemoEpisode  *e,
                   gboolean               example,
                   const char            *stamp,
                   const char            *by,
                   GError               **error)
{
  static const char * const statuses[] = { "actual", "possible", "not_victim" };
  static const char * const types[] = {
    "forced_labour", "sexual_exploitation", "forced_begging", "domestic_servitude", "other",
  };
  static const guint victim[] = { 75, 25, 0 };
  static const guint screened[] = { 0, 40, 60 };
  static const guint women[] = { 30, 45, 0, 25, 0 };
  static const guint men[] = { 85, 0, 5, 0, 10 };
  gboolean is_victim = p->category == HMR_DEMO_CATEGORY_TRAFFICKING_VICTIM ||
                       p->category == HMR_DEMO_CATEGORY_BOTH;
  guint status = example ? 0 : hmr_demo_pick (d, is_victim ? victim : screened, 3);
  const char *type = NULL;
  char id[HMR_DEMO_ID_LEN];
  char on[11], document[96];
  int recognised = 0;

  hmr_demo_new_id (d, id);
  if (status != 2)
    type = example ? "forced_labour" : types[hmr_demo_pick (d, p->sex ? women : men, 5)];
  if (status == 0)
    {
      recognised = hmr_demo_later (d, hmr_demo_max (e->ret, p->reg_day), 10, 120);
      hmr_demo_date (recognised, on);
      g_snprintf (document, sizeof document, "Мактуби эътироф № %d/%d",
                  hmr_demo_range (d, 10, 480), hmr_demo_year (recognised));
    }
  return hmr_demo_insert (d, HMR_DEMO_T_TRAFFICKING, error, "ssssssssssoss",
                          id, d->offices[p->office].id, p->id, statuses[status], type,
                          example ? "ТҶ «Занони Шарқ»"
                                  : hmr_demo_chance (d, 0.5) ? d->offices[p->office].place->ngo
                                                             : hmr_demo_pool_pick (d, &hmr_demo_identifiers),
                          recognised ? (example || hmr_demo_chance (d, 0.6)
                                        ? "Гурӯҳи коршиносони СБМ дар Тоҷикистон"
                                        : "Комиссияи байниидоравии муқовимат ба хариду фурӯши одамон")
                                     : NULL,
                          recognised ? on : NULL, recognised ? document : NULL,
                          e->city->country,
                          e->months > 0 ? hmr_demo_max (1, e->months - (int) hmr_demo_rand (d, 3))
                                        : hmr_demo_range (d, 3, 36),
                          stamp, by);
}

/* ---- the beneficiary ---------------------------------------------------- */

static const HmrDemoPerson *
recent (HmrDemoOffice *o,
        guint          back)
{
  return &o->ring[(o->ring_pos + HMR_DEMO_RING - 1 - back) % HMR_DEMO_RING];
}

static void
draw_identity (HmrDemo       *d,
               HmrDemoPerson *p,
               gboolean       example)
{
  const HmrDemoNames *names = hmr_demo_names_get ();
  const HmrDemoDistrict *place = d->offices[p->office].place;
  static const guint women[] = { 50, 12, 3, 35 };
  static const guint men[] = { 895, 25, 10, 70 };
  gboolean pamiri = place->pamiri && hmr_demo_chance (d, 0.65);
  guint n_pamiri_family = names->n_family - names->n_family_common;
  guint n_pamiri_male = names->n_male - names->n_male_common;
  int reg_year = hmr_demo_year (p->reg_day);
  int y;
  guint r, n_villages = 0;
  GDate jan1;

  p->sex = example ? 0 : hmr_demo_quota (d, &d->q_female, 0.047);
  p->category = example ? HMR_DEMO_CATEGORY_TRAFFICKING_VICTIM
                        : hmr_demo_pick (d, p->sex ? women : men, 4);
  p->family = pamiri ? names->n_family_common + hmr_demo_rand (d, n_pamiri_family)
                     : hmr_demo_rand (d, names->n_family_common);
  if (p->sex)
    p->given = hmr_demo_rand (d, names->n_female);
  else
    p->given = pamiri ? names->n_male_common + hmr_demo_rand (d, n_pamiri_male)
                      : hmr_demo_rand (d, names->n_male_common);
  if (hmr_demo_chance (d, 0.96))
    p->father = pamiri ? names->n_male_common + hmr_demo_rand (d, n_pamiri_male)
                       : hmr_demo_rand (d, names->n_male_common);
  else
    p->father = G_MAXUINT16;

  /* mostly born 1975–2002 */
  r = hmr_demo_rand (d, 100);
  if (example)
    y = reg_year - hmr_demo_range (d, 23, 27);
  else if (r < 90)
    y = 1975 + (int) (hmr_demo_rand (d, 28) + hmr_demo_rand (d, 28)) / 2;
  else if (r < 95)
    y = hmr_demo_range (d, 1964, 1974);
  else
    y = hmr_demo_range (d, 2003, reg_year - 19);
  y = MIN (y, reg_year - 19);
  p->birth_year = y;
  g_date_clear (&jan1, 1);
  g_date_set_dmy (&jan1, 1, 1, y);
  if (!example && hmr_demo_chance (d, 0.07))
    p->birth_day = 0;
  else
    p->birth_day = (int) g_date_get_julian (&jan1) + hmr_demo_rand (d, g_date_is_leap_year (y) ? 366 : 365);

  p->jamoat = example ? 0 : hmr_demo_rand (d, place->n_jamoats);
  while (n_villages < G_N_ELEMENTS (place->jamoats[0].villages) &&
         place->jamoats[p->jamoat].villages[n_villages] != NULL)
    n_villages++;
  p->village = example ? 0 : hmr_demo_rand (d, n_villages);
}

gboolean
hmr_demo_write_person (HmrDemo  *d,
                       guint     index,
                       GError  **error)
{
  const HmrDemoNames *names = hmr_demo_names_get ();
  static const char * const risks[] = { "low", "medium", "high" };
  HmrDemoPerson p;
  HmrDemoOffice *o;
  const HmrDemoPerson *original = NULL;
  const HmrDemoGivenName *given;
  const HmrDemoJamoat *jamoat;
  gboolean example = index >= d->example_index && index - d->example_index < 3;
  gboolean migrant, trafficked, disability = FALSE, registered = FALSE;
  const char *health = NULL;
  char legal_id[HMR_DEMO_ID_LEN] = "";
  char birth[11], consent[11], phone[20], phone_alt[20], flags[160] = "";
  char stamp[32], deleted[32];
  const char *by;
  HmrDemoEpisode episode, earlier;
  HmrDemoBan ban;
  gboolean has_earlier = FALSE;
  int household, year, risk;
  gint64 t_reg;

  memset (&p, 0, sizeof p);
  p.reg_day = d->first_day + (int) ((guint64) index * HMR_DEMO_SPAN_DAYS / d->n);
  p.office = hmr_demo_pick_office (d);
  if (example)
    for (guint k = 0; k < d->n_offices; k++)
      if (strcmp (d->offices[k].place->district, "Penjikent") == 0)
        p.office = k;
  o = &d->offices[p.office];
  by = hmr_demo_actor_for (d, o);
  hmr_demo_new_id (d, p.id);
  hmr_demo_new_id (d, p.case_id);

  if (!example && index >= 20 && o->ring_len > 0 && hmr_demo_chance (d, 0.003))
    {
      original = recent (o, hmr_demo_rand (d, o->ring_len));
      p.sex = original->sex;
      p.category = original->category;
      p.family = original->family;
      p.given = original->given;
      p.father = original->father;
      p.birth_day = original->birth_day;
      p.birth_year = original->birth_year;
      p.jamoat = original->jamoat;
      p.village = original->village;
      p.duplicate = 1;
    }
  else
    draw_identity (d, &p, example);

  migrant = p.category != HMR_DEMO_CATEGORY_FAMILY_MEMBER && !p.duplicate;
  trafficked = p.category == HMR_DEMO_CATEGORY_TRAFFICKING_VICTIM ||
               p.category == HMR_DEMO_CATEGORY_BOTH;

  household = 2 + (int) hmr_demo_rand (d, 6) + (int) hmr_demo_rand (d, 6);
  if (!p.duplicate)
    {
      disability = example ? index == d->example_index : hmr_demo_quota (d, &d->q_disability, 0.014);
      if (disability)
        registered = d->n_disabled++ % 2 == 0;      /* about half are not registered */
      if (example)
        health = "Аз истисмор узвҳои дохилӣ осеб дидаанд ва устухонҳо шикастаанд; "
                 "пас аз бозгашт ду бор гурдааш ҷарроҳӣ шуд";
      else if (hmr_demo_quota (d, &d->q_health, 0.26))
        health = hmr_demo_pool_pick (d, &hmr_demo_health_problems);
      p.health = health != NULL;
      if (example || hmr_demo_quota (d, &d->q_distress_great, 0.35))
        p.distress = 2;
      else
        p.distress = hmr_demo_chance (d, 0.45) ? 1 : 0;
    }
  p.consent_sharing = p.duplicate || hmr_demo_chance (d, 0.92);

  /* migration story and ban come first: they set the risk */
  memset (&ban, 0, sizeof ban);
  if (migrant)
    {
      draw_last_episode (d, &p, example, &episode);
      if (p.category == HMR_DEMO_CATEGORY_RETURNED_MIGRANT || p.category == HMR_DEMO_CATEGORY_BOTH)
        draw_ban (d, &episode, &ban);
      p.has_ban = ban.months > 0;
      if (episode.departure && !example && hmr_demo_quota (d, &d->q_second_episode, 0.15))
        {
          has_earlier = TRUE;
          earlier.city = hmr_demo_chance (d, 0.7) ? episode.city : pick_city (d);
          earlier.ret = hmr_demo_add_months (episode.departure, -hmr_demo_range (d, 2, 18));
          earlier.months = hmr_demo_range (d, 4, 48);
          earlier.group = earlier.months <= 8 && hmr_demo_chance (d, 0.5) ? "seasonal"
                                                                         : group_for_months (earlier.months);
          earlier.departure = hmr_demo_add_months (earlier.ret, -earlier.months);
          earlier.sector = pick_sector (d);
          earlier.return_type = "voluntary";
        }
    }

  risk = 0;
  if (trafficked || disability || (p.distress == 2 && health))
    risk = 2;
  else if (p.distress == 2 || health || ban.months >= 120 || household >= 9)
    risk = 1;

  if (p.sex == 0 && household >= 5 && hmr_demo_chance (d, 0.6))
    g_strlcat (flags, ",sole_earner", sizeof flags);
  if (migrant && hmr_demo_chance (d, 0.3))
    g_strlcat (flags, ",debt", sizeof flags);
  if (hmr_demo_chance (d, trafficked ? 0.6 : 0.04))
    g_strlcat (flags, ",lost_documents", sizeof flags);
  if (hmr_demo_chance (d, 0.2))
    g_strlcat (flags, ",no_income", sizeof flags);
  if (hmr_demo_chance (d, 0.04))
    g_strlcat (flags, ",unsafe_housing", sizeof flags);
  if (p.sex == 1 && hmr_demo_chance (d, 0.3))
    g_strlcat (flags, ",single_parent", sizeof flags);
  if (health && hmr_demo_chance (d, 0.5))
    g_strlcat (flags, ",chronic_illness", sizeof flags);

  /* the case number counts per office and year of registration */
  year = hmr_demo_year (p.reg_day);
  g_snprintf (p.case_number, sizeof p.case_number, "%s-%d-%05u", o->code, year,
              ++o->seq[year - d->base_year]);

  if (p.birth_day)
    hmr_demo_date (p.birth_day, birth);
  hmr_demo_date (p.reg_day, consent);
  if (hmr_demo_chance (d, 0.9))
    hmr_demo_phone (d, phone);
  else
    phone[0] = '\0';
  if (hmr_demo_chance (d, 0.3))
    hmr_demo_phone (d, phone_alt);
  else
    phone_alt[0] = '\0';
  if (p.duplicate)
    hmr_demo_format_time (hmr_demo_time (d, hmr_demo_later (d, p.reg_day, 1, 20), 0), deleted);

  t_reg = hmr_demo_time (d, p.reg_day, 0);
  hmr_demo_format_time (t_reg, stamp);
  given = p.sex ? &names->female[p.given] : &names->male[p.given];
  jamoat = &o->place->jamoats[p.jamoat];
  {
    const char *v[HMR_BENEFICIARY_N_COLUMNS] = { NULL };
    char year_text[8], household_text[8];
    /* drawn in the order the generator always drew them */
    gboolean consent_reporting = hmr_demo_chance (d, 0.95);
    gboolean consent_services = hmr_demo_chance (d, 0.99);

    g_snprintf (year_text, sizeof year_text, "%d", p.birth_year);
    g_snprintf (household_text, sizeof household_text, "%d", household);
    v[HMR_BENEFICIARY_ID] = p.id;
    v[HMR_BENEFICIARY_OFFICE_ID] = o->id;
    v[HMR_BENEFICIARY_CASE_NUMBER] = p.case_number;
    v[HMR_BENEFICIARY_FAMILY_NAME] = names->family[p.family].cyr[p.sex];
    v[HMR_BENEFICIARY_GIVEN_NAME] = given->cyr;
    v[HMR_BENEFICIARY_PATRONYMIC] = p.father != G_MAXUINT16 ? names->male[p.father].patronymic_cyr[p.sex] : NULL;
    v[HMR_BENEFICIARY_FAMILY_NAME_LATIN] = names->family[p.family].latin[p.sex];
    v[HMR_BENEFICIARY_GIVEN_NAME_LATIN] = given->latin;
    v[HMR_BENEFICIARY_PATRONYMIC_LATIN] = p.father != G_MAXUINT16 ? names->male[p.father].patronymic_latin[p.sex] : NULL;
    v[HMR_BENEFICIARY_SEX] = p.sex ? "female" : "male";
    v[HMR_BENEFICIARY_BIRTH_DATE] = p.birth_day ? birth : NULL;
    v[HMR_BENEFICIARY_BIRTH_YEAR_ESTIMATED] = p.birth_day ? NULL : year_text;
    v[HMR_BENEFICIARY_PHONE] = phone[0] ? phone : NULL;
    v[HMR_BENEFICIARY_PHONE_ALT] = phone_alt[0] ? phone_alt : NULL;
    v[HMR_BENEFICIARY_DISTRICT] = o->place->district;
    v[HMR_BENEFICIARY_JAMOAT] = jamoat->name;
    v[HMR_BENEFICIARY_VILLAGE] = jamoat->villages[p.village];
    v[HMR_BENEFICIARY_HOUSEHOLD_SIZE] = household_text;
    v[HMR_BENEFICIARY_CATEGORY] = category_codes[p.category];
    v[HMR_BENEFICIARY_DISABILITY] = disability ? "1" : "0";
    v[HMR_BENEFICIARY_DISABILITY_REGISTERED] = registered ? "1" : "0";
    v[HMR_BENEFICIARY_HEALTH_PROBLEMS] = health;
    v[HMR_BENEFICIARY_DISTRESS_SCREENING] = p.duplicate ? NULL : distress_codes[p.distress];
    v[HMR_BENEFICIARY_VULNERABILITY_FLAGS] = flags[0] ? flags + 1 : NULL;
    v[HMR_BENEFICIARY_RISK_LEVEL] = risks[risk];
    v[HMR_BENEFICIARY_CONSENT_DATE] = consent;
    v[HMR_BENEFICIARY_CONSENT_SERVICES] = consent_services ? "1" : "0";
    v[HMR_BENEFICIARY_CONSENT_SHARING] = p.consent_sharing ? "1" : "0";
    v[HMR_BENEFICIARY_CONSENT_REPORTING] = consent_reporting ? "1" : "0";
    v[HMR_BENEFICIARY_DUPLICATE_OF] = original ? original->id : NULL;
    v[HMR_BENEFICIARY_CREATED_AT] = stamp;
    v[HMR_BENEFICIARY_CREATED_BY] = by;
    v[HMR_BENEFICIARY_UPDATED_AT] = stamp;
    v[HMR_BENEFICIARY_UPDATED_BY] = by;
    v[HMR_BENEFICIARY_DELETED_AT] = p.duplicate ? deleted : NULL;
    v[HMR_BENEFICIARY_VERSION] = "1";
    if (!hmr_demo_insert_beneficiary (d, v, error))
      return FALSE;
  }

  /* the case file */
  if (p.duplicate)
    p.stage = HMR_DEMO_STAGE_NEW;
  else if (example)
    p.stage = HMR_DEMO_STAGE_SERVICES;
  else if (d->n_cases < HMR_DEMO_N_STAGES)
    p.stage = d->n_cases;           /* every stage at least once */
  else
    {
      p.stage = pick_stage (d, d->ref_day - p.reg_day);
      if (p.stage == HMR_DEMO_N_STAGES)
        {
          p.stage = HMR_DEMO_STAGE_CLOSED;
          p.closed_early = 1;
        }
    }
  if (!p.duplicate)
    d->n_cases++;
  if (!hmr_demo_write_case (d, &p, risks[risk], original, t_reg, error))
    return FALSE;

  if (migrant)
    {
      if (!write_episode (d, &p, &episode, stamp, by, error) ||
          (has_earlier && !write_episode (d, &p, &earlier, stamp, by, error)))
        return FALSE;
      if ((trafficked || (!p.duplicate && hmr_demo_chance (d, 0.012))) &&
          !write_trafficking (d, &p, &episode, example, stamp, by, error))
        return FALSE;
    }

  if (HMR_DEMO_REACHED (&p, HMR_DEMO_STAGE_ASSESSMENT))
    {
      hmr_demo_describe (d, &p, migrant ? &episode : NULL, ban.has_ban ? &ban : NULL, household, health,
                disability, d->text);
      if (!hmr_demo_write_assessment (d, &p, ban.has_ban ? &ban : NULL, trafficked, error))
        return FALSE;
    }
  if (HMR_DEMO_REACHED (&p, HMR_DEMO_STAGE_CASE_PLAN) && !hmr_demo_write_plan (d, &p, error))
    return FALSE;
  if (HMR_DEMO_REACHED (&p, HMR_DEMO_STAGE_CASE_PLAN) &&
      !hmr_demo_write_referrals (d, &p, legal_id, error))
    return FALSE;
  if (ban.has_ban != NULL &&
      !write_ban (d, &p, &ban, legal_id[0] ? legal_id : NULL, stamp, by, error))
    return FALSE;
  if (HMR_DEMO_REACHED (&p, HMR_DEMO_STAGE_ASSESSMENT) && !hmr_demo_write_follow_ups (d, &p, error))
    return FALSE;

  if (!p.duplicate)
    {
      if (example && index - d->example_index == 2)
        {
          if (!hmr_demo_write_grant (d, &p, TRUE, error))
            return FALSE;
        }
      else if (!example && d->grants_owed > 0 && HMR_DEMO_REACHED (&p, HMR_DEMO_STAGE_SERVICES))
        {
          d->grants_owed--;
          if (!hmr_demo_write_grant (d, &p, FALSE, error))
            return FALSE;
        }
      if (hmr_demo_chance (d, p.category == HMR_DEMO_CATEGORY_FAMILY_MEMBER ? 0.3 : 0.95) &&
          !hmr_demo_join_session (d, &p, error))
        return FALSE;
      if (d->survey_owed > 0 && p.category != HMR_DEMO_CATEGORY_FAMILY_MEMBER &&
          d->survey_done < d->survey_sample)
        {
          d->survey_owed--;
          if (!hmr_demo_write_survey_response (d, &p, error))
            return FALSE;
        }

      o->ring[o->ring_pos] = p;
      o->ring_pos = (o->ring_pos + 1) % HMR_DEMO_RING;
      o->ring_len = MIN (o->ring_len + 1, HMR_DEMO_RING);
    }
  return TRUE;
}
