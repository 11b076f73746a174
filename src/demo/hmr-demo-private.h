/* hmr-demo-private.h — shared by hmr-demo*.c, nobody else
 *
 * The demo generator streams beneficiaries in the order they were
 * registered (oldest first) and writes every record that hangs off each one
 * as it goes; records that join several beneficiaries (grants, group
 * sessions) draw on small per-office buffers of recent registrations, so
 * memory stays flat whatever the number of beneficiaries.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-demo.h"
#include "hmr-store-private.h"

G_BEGIN_DECLS

#define HMR_DEMO_ID_LEN       37      /* a UUID and its terminator */
#define HMR_DEMO_RING         24      /* recent beneficiaries kept per office */
#define HMR_DEMO_SESSION_MAX  15
#define HMR_DEMO_MAX_OFFICES  64
#define HMR_DEMO_MAX_PROVIDERS 8      /* per office */
#define HMR_DEMO_BATCH_ROWS   100000  /* per transaction */
#define HMR_DEMO_SWEEP_IDS    1000000 /* ids in ascending order; see hmr_demo_new_id() */
#define HMR_DEMO_SPAN_DAYS    1095    /* three years of registrations */

/* Whether the case ever reached @stage */
#define HMR_DEMO_REACHED(p, stage) ((p)->stage_day[stage] != 0)

/* MIN and MAX evaluate an argument twice: a random draw must not be */
static inline int
hmr_demo_min (int a,
              int b)
{
  return a < b ? a : b;
}

static inline int
hmr_demo_max (int a,
              int b)
{
  return a > b ? a : b;
}

/* ---- reference tables (hmr-demo-data.c) ---------------------------- */

typedef struct
{
  const char *name;
  const char *villages[7];
} HmrDemoJamoat;

typedef struct
{
  const char          *district;      /* exactly as in the office table */
  guint                weight;        /* per mille of beneficiaries */
  gboolean             pamiri;        /* GBAO: Pamiri names are common */
  const char          *centre;        /* the district's main town */
  const char          *languages;     /* spoken at providers, ISO codes */
  const char          *ngo;           /* a local NGO */
  const HmrDemoJamoat *jamoats;
  guint                n_jamoats;
} HmrDemoDistrict;

extern const HmrDemoDistrict hmr_demo_districts[];
extern const guint           hmr_demo_n_districts;

/* Names in Tajik Cyrillic with their passport Latin spelling, built once */
typedef struct
{
  char *cyr[2];                 /* [0] male form, [1] female form */
  char *latin[2];
} HmrDemoFamilyName;

typedef struct
{
  char *cyr;
  char *latin;
  char *patronymic_cyr[2];      /* son's and daughter's patronymic */
  char *patronymic_latin[2];
} HmrDemoGivenName;

typedef struct
{
  HmrDemoFamilyName *family;
  guint              n_family;
  guint              n_family_common;    /* Pamiri names follow these */
  HmrDemoGivenName  *male;
  guint              n_male;
  guint              n_male_common;
  HmrDemoGivenName  *female;
  guint              n_female;
} HmrDemoNames;

const HmrDemoNames *hmr_demo_names_get      (void);
char               *hmr_demo_transliterate  (const char *cyrillic);

typedef struct
{
  const char *country;          /* as stored: "Russia" */
  const char *city;
  guint       weight;
  const char *written;          /* as a caseworker writes it in a note: "Маскав, Русия" */
} HmrDemoCity;

extern const HmrDemoCity hmr_demo_cities[];
extern const guint       hmr_demo_n_cities;

typedef struct
{
  const char *name;
  const char *unit;
  double      qty_min;
  double      qty_max;
  guint       cost_min;         /* TJS per unit */
  guint       cost_max;
  const char *serial_prefix;    /* NULL: not handed over as equipment */
} HmrDemoGrantItem;

typedef struct
{
  const char       *purpose;
  const char       *business_plan;
  const char       *need_service;   /* "employment", "business_loan", … */
  HmrDemoGrantItem  items[6];
} HmrDemoGrantTemplate;

extern const HmrDemoGrantTemplate hmr_demo_grant_templates[];
extern const guint                hmr_demo_n_grant_templates;

/* Text pools */
typedef struct
{
  const char * const *items;
  guint               n;
} HmrDemoPool;

#define HMR_DEMO_POOL(array) { array, G_N_ELEMENTS (array) }

extern const HmrDemoPool hmr_demo_health_problems;
extern const HmrDemoPool hmr_demo_closure_reasons;
extern const HmrDemoPool hmr_demo_modules;
extern const HmrDemoPool hmr_demo_password_words;
extern const HmrDemoPool hmr_demo_streets;
extern const HmrDemoPool hmr_demo_notes_session;
extern const HmrDemoPool hmr_demo_notes_phone;
extern const HmrDemoPool hmr_demo_notes_visit;
extern const HmrDemoPool hmr_demo_notes_missed;
extern const HmrDemoPool hmr_demo_notes_cancelled;
extern const HmrDemoPool hmr_demo_other_actions;
extern const HmrDemoPool hmr_demo_identifiers;

/* Per service type (HmrDemoService order) */
extern const char * const hmr_demo_service_codes[];
extern const char * const hmr_demo_referral_reasons[];
extern const char * const hmr_demo_referral_accepted[];
extern const char * const hmr_demo_referral_rejected[];
extern const char * const hmr_demo_referral_outcomes[];

/* ---- the generator's state ----------------------------------------- */

typedef enum
{
  HMR_DEMO_T_PROVIDER,
  HMR_DEMO_T_BENEFICIARY,
  HMR_DEMO_T_CASE,
  HMR_DEMO_T_CASE_HISTORY,
  HMR_DEMO_T_MIGRATION,
  HMR_DEMO_T_BAN,
  HMR_DEMO_T_TRAFFICKING,
  HMR_DEMO_T_ASSESSMENT,
  HMR_DEMO_T_NEED,
  HMR_DEMO_T_PLAN,
  HMR_DEMO_T_PLAN_ACTION,
  HMR_DEMO_T_PLAN_HISTORY,
  HMR_DEMO_T_REFERRAL,
  HMR_DEMO_T_REFERRAL_HISTORY,
  HMR_DEMO_T_FOLLOW_UP,
  HMR_DEMO_T_FOLLOW_UP_HISTORY,
  HMR_DEMO_T_GRANT,
  HMR_DEMO_T_GRANT_BENEFICIARY,
  HMR_DEMO_T_GRANT_HISTORY,
  HMR_DEMO_T_GRANT_ITEM,
  HMR_DEMO_T_DISBURSEMENT,
  HMR_DEMO_T_HANDOVER,
  HMR_DEMO_T_HANDOVER_ITEM,
  HMR_DEMO_T_HANDOVER_WITNESS,
  HMR_DEMO_T_HANDOVER_HISTORY,
  HMR_DEMO_T_SESSION,
  HMR_DEMO_T_ATTENDANCE,
  HMR_DEMO_T_SURVEY_ROUND,
  HMR_DEMO_T_SURVEY_RESPONSE,
  HMR_DEMO_T_ATTACHMENT,
  HMR_DEMO_T_CASE_SEQUENCE,
  HMR_DEMO_T_CLOSURE_REQUEST,
  HMR_DEMO_N_TABLES
} HmrDemoTable;

typedef enum
{
  HMR_DEMO_SERVICE_LEGAL_AID,
  HMR_DEMO_SERVICE_EMPLOYMENT,
  HMR_DEMO_SERVICE_VOCATIONAL_TRAINING,
  HMR_DEMO_SERVICE_BUSINESS_LOAN,
  HMR_DEMO_SERVICE_HEALTH,
  HMR_DEMO_SERVICE_MIGRATION_SERVICE,
  HMR_DEMO_SERVICE_PSYCHOSOCIAL,
  HMR_DEMO_N_SERVICES
} HmrDemoService;

typedef enum
{
  HMR_DEMO_STAGE_NEW,
  HMR_DEMO_STAGE_ASSESSMENT,
  HMR_DEMO_STAGE_CASE_PLAN,
  HMR_DEMO_STAGE_SERVICES,
  HMR_DEMO_STAGE_CLOSED,
  HMR_DEMO_STAGE_REOPENED,
  HMR_DEMO_N_STAGES
} HmrDemoStage;

typedef enum
{
  HMR_DEMO_CATEGORY_RETURNED_MIGRANT,
  HMR_DEMO_CATEGORY_TRAFFICKING_VICTIM,
  HMR_DEMO_CATEGORY_BOTH,
  HMR_DEMO_CATEGORY_FAMILY_MEMBER,
} HmrDemoCategory;

/* One beneficiary, as much as the shared records need to know */
typedef struct
{
  char     id[HMR_DEMO_ID_LEN];
  char     case_id[HMR_DEMO_ID_LEN];
  char     case_number[24];
  guint    office;
  int      reg_day;             /* GDate julian day of registration */
  int      stage_day[HMR_DEMO_N_STAGES];   /* when each stage was reached; 0: never */
  int      birth_day;           /* julian; 0 when only the year is known */
  int      birth_year;
  guint16  family, given, father;
  guint8   jamoat, village;
  guint8   sex;                 /* 0 male, 1 female */
  guint8   category;            /* HmrDemoCategory */
  guint8   stage;               /* HmrDemoStage */
  guint8   has_ban;
  guint8   distress;            /* 0 none, 1 some, 2 great */
  guint8   health;
  guint8   duplicate;
  guint8   consent_sharing;
  guint8   closed_early;        /* assessment → closed: no individual plan */
  guint8   needs[HMR_DEMO_N_SERVICES];   /* 1: a plan action asks for it */
} HmrDemoPerson;

typedef struct
{
  char                   id[HMR_DEMO_ID_LEN];
  char                   code[8];
  char                  *name;
  const HmrDemoDistrict *place;
  char                  *caseworker_id;       /* NULL when none */
  char                  *caseworker_name;
  char                   provider_id[HMR_DEMO_MAX_PROVIDERS][HMR_DEMO_ID_LEN];
  char                  *provider_name[HMR_DEMO_MAX_PROVIDERS];
  guint                  provider_services[HMR_DEMO_MAX_PROVIDERS];   /* bit mask */
  guint                  n_providers;
  guint                  seq[8];               /* case numbers per year */
  guint                  grant_seq[8];         /* grant numbers per year */
  guint                  act_seq[8];           /* handover act numbers per year */
  HmrDemoPerson          ring[HMR_DEMO_RING];
  guint                  ring_len;
  guint                  ring_pos;
  HmrDemoPerson          pending[HMR_DEMO_SESSION_MAX];
  guint                  n_pending;
  guint                  session_target;
  guint                  n_sessions;
} HmrDemoOffice;

/* The last (or an earlier) stay abroad */
typedef struct
{
  const HmrDemoCity *city;
  int                departure;       /* 0: not known */
  int                ret;
  int                months;          /* -1: not known */
  const char        *group;
  const char        *sector;
  const char        *return_type;
} HmrDemoEpisode;

/* A re-entry ban */
typedef struct
{
  const char *has_ban;
  gboolean    court;
  int         months;
  int         start;
  int         end;
  const char *appeal;
} HmrDemoBan;

/* A share to keep close to its target however many records are drawn */
typedef struct
{
  guint64 n;
  guint64 hits;
} HmrDemoQuota;

typedef struct
{
  guint64 n;
  guint64 hits[8];
} HmrDemoMix;

/* A history row waits for its record: the foreign key wants it first */
typedef struct
{
  HmrDemoTable  table;
  char          record_id[HMR_DEMO_ID_LEN];
  gint64        at;
  const char   *by_user;
  const char   *from_state;
  const char   *to_state;
  char          comment[256];
} HmrDemoHistoryRow;

typedef struct
{
  HmrStore        *store;
  HmrActor        *admin;
  GRand           *rand;
  guint64          id_state;
  guint64          id_sweep;
  guint            n;

  int              ref_day;         /* the store clock's date (UTC) */
  int              first_day;
  int              base_year;       /* offices' seq[] start here */

  char            *supervisor_id;
  char            *supervisor_name;
  char            *finance_id;

  HmrDemoOffice    offices[HMR_DEMO_MAX_OFFICES];
  guint            n_offices;
  guint            office_weight_total;

  sqlite3_stmt    *stmt[HMR_DEMO_N_TABLES];
  guint64          batch[HMR_DEMO_N_TABLES];
  guint64          total[HMR_DEMO_N_TABLES];
  guint            batch_rows;

  int              answer_days[HMR_DEMO_N_SERVICES];      /* service_deadline */
  int              completion_days[HMR_DEMO_N_SERVICES];

  HmrDemoHistoryRow history[16];
  guint            n_history;

  GString         *text;            /* scratch for composed texts */
  GString         *text2;

  /* quotas for the field figures */
  HmrDemoQuota     q_female, q_disability, q_health, q_distress_great,
                   q_court, q_wants_professional, q_second_episode;
  HmrDemoMix       m_duration, m_ban_admin, m_ban_court;
  guint64          n_disabled;

  /* counters that make every state appear at least once */
  guint64          n_referrals, n_follow_ups, n_grants, n_handovers,
                   n_signed_handovers, n_cases;

  /* grants: led by evenly spread beneficiaries */
  guint            grants_target;
  guint            grants_owed;
  guint            example_index;   /* first of the three field-example people */

  /* the phone survey */
  char             round_id[HMR_DEMO_ID_LEN];
  int              round_day;
  guint            survey_eligible;
  guint            survey_sample;
  guint            survey_done;
  guint            survey_owed;
  guint            survey_yes[12];
} HmrDemo;

/* hmr-demo-rows.c: the plumbing the other files share */
void      hmr_demo_seed          (HmrDemo      *d,
                                  guint64       seed);
void      hmr_demo_new_id        (HmrDemo      *d,
                                  char          out[HMR_DEMO_ID_LEN]);
guint     hmr_demo_rand          (HmrDemo      *d,
                                  guint         n);
int       hmr_demo_range         (HmrDemo      *d,
                                  int           lo,
                                  int           hi);
gboolean  hmr_demo_chance        (HmrDemo      *d,
                                  double        p);
guint     hmr_demo_pick          (HmrDemo      *d,
                                  const guint  *weights,
                                  guint         n);
const char *hmr_demo_pool_pick   (HmrDemo      *d,
                                  const HmrDemoPool *pool);
gboolean  hmr_demo_quota         (HmrDemo      *d,
                                  HmrDemoQuota *q,
                                  double        p);
guint     hmr_demo_mix           (HmrDemo      *d,
                                  HmrDemoMix   *m,
                                  const double *shares,
                                  guint         n);
void      hmr_demo_date          (int           day,
                                  char          out[11]);
int       hmr_demo_later         (HmrDemo      *d,
                                  int           day,
                                  int           lo,
                                  int           hi);
gint64    hmr_demo_time          (HmrDemo      *d,
                                  int           day,
                                  gint64        after);
void      hmr_demo_format_time   (gint64        t,
                                  char          out[32]);
int       hmr_demo_year          (int           day);
int       hmr_demo_add_months    (int           day,
                                  int           months);
void      hmr_demo_phone         (HmrDemo      *d,
                                  char          out[20]);
void      hmr_demo_person_name   (const HmrDemoPerson *p,
                                  gboolean      latin,
                                  GString      *out);
void      hmr_demo_spread        (HmrDemo      *d,
                                  int           start,
                                  int           limit,
                                  const int    *gaps,
                                  int          *days,
                                  guint         n);
guint     hmr_demo_pick_office   (HmrDemo      *d);
const char *hmr_demo_actor_for   (HmrDemo      *d,
                                  const HmrDemoOffice *o);
const char *hmr_demo_table_entity (HmrDemoTable table);
gboolean  hmr_demo_prepare       (HmrDemo      *d,
                                  GError      **error);
void      hmr_demo_random_name   (HmrDemo      *d,
                                  gboolean      female,
                                  GString      *out);
gboolean  hmr_demo_insert        (HmrDemo      *d,
                                  HmrDemoTable  table,
                                  GError      **error,
                                  const char   *types,
                                  ...);
gboolean  hmr_demo_insert_beneficiary (HmrDemo            *d,
                                       const char * const  values[HMR_BENEFICIARY_N_COLUMNS],
                                       GError            **error);
void      hmr_demo_history       (HmrDemo      *d,
                                  HmrDemoTable  table,
                                  const char   *record_id,
                                  gint64        at,
                                  const char   *by_user,
                                  const char   *from_state,
                                  const char   *to_state,
                                  const char   *comment);

/* hmr-demo-person.c: a beneficiary, the migration story and the ban */
gboolean  hmr_demo_write_person    (HmrDemo        *d,
                                    guint           index,
                                    GError        **error);

/* hmr-demo-case.c: the case file */
gboolean  hmr_demo_write_case      (HmrDemo              *d,
                                    HmrDemoPerson        *p,
                                    const char           *risk,
                                    const HmrDemoPerson  *original,
                                    gint64                t_reg,
                                    GError              **error);
void      hmr_demo_describe        (HmrDemo              *d,
                                    const HmrDemoPerson  *p,
                                    const HmrDemoEpisode *e,
                                    const HmrDemoBan     *ban,
                                    int                   household,
                                    const char           *health,
                                    gboolean              disability,
                                    GString              *out);
gboolean  hmr_demo_write_assessment (HmrDemo             *d,
                                    HmrDemoPerson        *p,
                                    const HmrDemoBan     *ban,
                                    gboolean              trafficked,
                                    GError              **error);
gboolean  hmr_demo_write_plan      (HmrDemo              *d,
                                    HmrDemoPerson        *p,
                                    GError              **error);

/* hmr-demo-services.c: what happens around a case */
gboolean  hmr_demo_write_providers (HmrDemo        *d,
                                    GError        **error);
gboolean  hmr_demo_write_round     (HmrDemo        *d,
                                    GError        **error);
gboolean  hmr_demo_write_referrals (HmrDemo        *d,
                                    HmrDemoPerson  *p,
                                    char            legal_id[HMR_DEMO_ID_LEN],
                                    GError        **error);
gboolean  hmr_demo_write_follow_ups (HmrDemo       *d,
                                    HmrDemoPerson  *p,
                                    GError        **error);
gboolean  hmr_demo_write_grant     (HmrDemo        *d,
                                    HmrDemoPerson  *lead,
                                    gboolean        field_example,
                                    GError        **error);
gboolean  hmr_demo_join_session    (HmrDemo        *d,
                                    HmrDemoPerson  *p,
                                    GError        **error);
gboolean  hmr_demo_write_survey_response (HmrDemo        *d,
                                          HmrDemoPerson  *p,
                                          GError        **error);

G_END_DECLS
