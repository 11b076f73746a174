/* hmr-survey.h — outcome surveys: rounds, samples, call lists, responses
 *
 * A supervisor opens a round (name, population: everyone who attended a
 * group session, or everyone registered, in a period and optionally one
 * district; confidence level and margin of error).  Hamroh computes the
 * sample size with the finite-population correction,
 *
 *     n₀ = z²·p(1−p)/e²,  n = n₀ / (1 + (n₀ − 1)/N),  p = ½,
 *
 * (N = 4,000 at 95% and ±5%: 351) and draws the sample reproducibly from
 * a seed, optionally stratified by district (proportional allocation).
 * Each person drawn is on their caseworker's call list; a caseworker
 * records what they answered, or that they were not reached and why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-store.h"

G_BEGIN_DECLS

/* ---- the arithmetic ------------------------------------------------------ */

double       hmr_survey_z                 (double          confidence);
guint        hmr_survey_sample_size       (guint           population,
                                           double          confidence,
                                           double          margin);

/* A proportion and its confidence interval: Wilson's score interval, with
 * the finite-population correction sqrt((N − n)/(N − 1)) applied to z
 * (population 0: no correction) */
typedef struct
{
  guint  yes;
  guint  n;
  double p;
  double low;
  double high;
} HmrProportion;

void         hmr_proportion_compute       (HmrProportion  *out,
                                           guint           yes,
                                           guint           n,
                                           guint           population,
                                           double          confidence);

/* Draws @n of @population positions (0 … population−1) reproducibly from
 * @seed; returns them in the order drawn */
GArray      *hmr_survey_draw              (guint           population,
                                           guint           n,
                                           guint64         seed);

/* ---- the questions of DESIGN §4 ---------------------------------------- */

typedef enum
{
  HMR_SURVEY_KNOWS_JOB_AGENCIES,
  HMR_SURVEY_HAS_HEALTH_CONTACTS,
  HMR_SURVEY_KNOWS_LEGAL_OPTIONS,
  HMR_SURVEY_CHALLENGED_BAN,
  HMR_SURVEY_SOUGHT_LOAN_OR_TRAINING,
  HMR_SURVEY_REACHED_JOB_CONTACTS,
  HMR_SURVEY_VISITED_MIGRATION_SERVICE,
  HMR_SURVEY_VISITED_MEDICAL_CENTRE,
  HMR_SURVEY_OTHER_ACTION,
  HMR_SURVEY_RELATIONSHIPS_BETTER,
  HMR_SURVEY_MORE_CONFIDENT,
  HMR_SURVEY_HAS_CONCRETE_PLANS,
  HMR_SURVEY_N_QUESTIONS
} HmrSurveyQuestion;

const char  *hmr_survey_question_column   (HmrSurveyQuestion q);
const char  *hmr_survey_question_get_label (HmrSurveyQuestion q);   /* the question, as asked */
const char  *hmr_survey_question_get_short (HmrSurveyQuestion q);   /* the indicator's name */
gboolean     hmr_survey_question_is_action (HmrSurveyQuestion q);

/* ---- rounds -------------------------------------------------------------- */

typedef struct
{
  const char *name;
  const char *population;         /* "attended" (a session) or "registered" */
  const char *from;               /* the period, ISO or as typed; inclusive */
  const char *to;
  const char *district;           /* NULL: every district */
  double      confidence;         /* 0.90, 0.95 or 0.99; 0: 0.95 */
  double      margin;             /* 0.01 … 0.20; 0: 0.05 */
  guint64     seed;               /* 0: drawn from the clock */
  gboolean    stratified;         /* by district */
} HmrSurveySpec;

typedef struct
{
  char    *id;
  char    *name;
  char    *population_kind;
  char    *period_from;
  char    *period_to;
  char    *district;
  char    *started_on;
  char    *sampled_at;            /* NULL until the sample is drawn */
  double   confidence;
  double   margin;
  guint64  seed;
  gboolean stratified;
  guint    population;            /* N */
  guint    sample_size;           /* n */
  guint    n_sampled;             /* people on the call lists */
  guint    n_called;              /* with a response, reached or not */
  guint    n_reached;
} HmrSurveyRound;

void         hmr_survey_round_free        (HmrSurveyRound *round);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrSurveyRound, hmr_survey_round_free)
/* reached / drawn, 0 when nothing is drawn */
double       hmr_survey_round_response_rate (const HmrSurveyRound *round);

gboolean     hmr_store_count_survey_population (HmrStore  *self,
                                           const HmrActor *actor,
                                           const HmrSurveySpec *spec,
                                           guint          *population,
                                           GError        **error);
char        *hmr_store_open_survey_round  (HmrStore       *self,
                                           const HmrActor *actor,
                                           const HmrSurveySpec *spec,
                                           GError        **error);
/* Draws the round's sample once, from the population as it is now */
gboolean     hmr_store_draw_survey_sample (HmrStore       *self,
                                           const HmrActor *actor,
                                           const char     *round_id,
                                           GError        **error);
HmrSurveyRound *hmr_store_get_survey_round (HmrStore      *self,
                                           const HmrActor *actor,
                                           const char     *round_id,
                                           GError        **error);
GPtrArray   *hmr_store_list_survey_rounds (HmrStore       *self,
                                           const HmrActor *actor,
                                           GError        **error);

/* ---- call lists and responses -------------------------------------------- */

typedef struct
{
  char     *sample_id;
  char     *round_id;
  char     *beneficiary_id;
  char     *case_number;
  char     *name;
  char     *phone;
  char     *district;
  char     *stratum;
  char     *assigned_to;
  char     *assigned_name;
  guint     position;
  char     *response_id;          /* NULL: not called yet */
  gboolean  reached;
  char     *not_reached_reason;
} HmrSurveyCall;

void         hmr_survey_call_free         (HmrSurveyCall  *call);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrSurveyCall, hmr_survey_call_free)

/* A caseworker's list: the people of their office, theirs first; a
 * supervisor's: everyone drawn */
GPtrArray   *hmr_store_list_survey_calls  (HmrStore       *self,
                                           const HmrActor *actor,
                                           const char     *round_id,
                                           GError        **error);

/* Answers: -1 not asked or no answer, 0 no, 1 yes */
typedef struct
{
  gboolean    reached;
  const char *not_reached_reason; /* when not reached: required */
  const char *answered_on;        /* NULL: today */
  int         answers[HMR_SURVEY_N_QUESTIONS];
  const char *other_action;       /* what, when HMR_SURVEY_OTHER_ACTION is yes */
} HmrSurveyAnswers;

void         hmr_survey_answers_init      (HmrSurveyAnswers *answers);

/* One response a person; a call that did not reach them can be followed
 * by one that does (the earlier is archived) */
char        *hmr_store_record_survey_response (HmrStore   *self,
                                           const HmrActor *actor,
                                           const char     *round_id,
                                           const char     *beneficiary_id,
                                           const HmrSurveyAnswers *answers,
                                           GError        **error);
gboolean     hmr_store_get_survey_response (HmrStore      *self,
                                           const HmrActor *actor,
                                           const char     *round_id,
                                           const char     *beneficiary_id,
                                           HmrSurveyAnswers *answers,
                                           char          **other_action,
                                           char          **not_reached_reason,
                                           GError        **error);

G_END_DECLS
