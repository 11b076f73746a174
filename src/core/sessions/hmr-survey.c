/* hmr-survey.c — the survey's arithmetic (sample size, confidence
 * intervals, the seeded draw) and its questions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "hmr-survey.h"

/* The standard normal quantile (Acklam's rational approximation; relative
 * error below 1.2e-9, far finer than any survey needs) */
static double
normal_quantile (double p)
{
  static const double a[] = { -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                              1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00 };
  static const double b[] = { -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                              6.680131188771972e+01, -1.328068155288572e+01 };
  static const double c[] = { -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                              -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00 };
  static const double d[] = { 7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                              3.754408661907416e+00 };
  const double low = 0.02425;
  double q, r;

  if (p <= 0.0 || p >= 1.0)
    return p <= 0.0 ? -INFINITY : INFINITY;
  if (p < low)
    {
      q = sqrt (-2 * log (p));
      return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
             ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
  if (p > 1 - low)
    return -normal_quantile (1 - p);
  q = p - 0.5;
  r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
         (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/**
 * hmr_survey_z:
 * @confidence: the confidence level, as 0.95
 *
 * Returns: the two-sided critical value (1.96 at 95%)
 */
double
hmr_survey_z (double confidence)
{
  g_return_val_if_fail (confidence > 0 && confidence < 1, 1.959964);
  return normal_quantile (1 - (1 - confidence) / 2);
}

/**
 * hmr_survey_sample_size:
 *
 * The number of people to survey for a proportion to be known within
 * ±@margin at @confidence, from a population of @population, assuming the
 * least favourable proportion (½): 351 for 4,000 at 95% and ±5%.
 */
guint
hmr_survey_sample_size (guint  population,
                        double confidence,
                        double margin)
{
  double z, n0, n;

  g_return_val_if_fail (margin > 0 && margin < 1, 0);

  if (population == 0)
    return 0;
  z = hmr_survey_z (confidence);
  n0 = z * z * 0.25 / (margin * margin);
  n = n0 / (1 + (n0 - 1) / population);
  /* rounded up: a sample is never smaller than the precision asks */
  n = ceil (n - 1e-9);
  return (guint) MIN ((double) population, n);
}

/**
 * hmr_proportion_compute:
 * @population: the population the @n respondents were drawn from; 0 when
 *   unknown or infinite
 *
 * The share of yes among @n answers with its confidence interval
 * (Wilson's score interval, z shrunk by the finite-population correction).
 */
void
hmr_proportion_compute (HmrProportion *out,
                        guint          yes,
                        guint          n,
                        guint          population,
                        double         confidence)
{
  double z, p, z2, denom, centre, half;

  g_return_if_fail (out != NULL);
  g_return_if_fail (yes <= n);

  out->yes = yes;
  out->n = n;
  if (n == 0)
    {
      out->p = out->low = out->high = 0;
      return;
    }
  p = (double) yes / n;
  z = hmr_survey_z (confidence);
  if (population > 1 && population >= n)
    z *= sqrt ((double) (population - n) / (population - 1));
  z2 = z * z;
  denom = 1 + z2 / n;
  centre = (p + z2 / (2.0 * n)) / denom;
  half = z / denom * sqrt (p * (1 - p) / n + z2 / (4.0 * n * n));
  out->p = p;
  out->low = MAX (0.0, centre - half);
  out->high = MIN (1.0, centre + half);
}

/**
 * hmr_survey_draw:
 *
 * The first @n positions of a shuffle of 0 … @population − 1 by GLib's
 * Mersenne Twister seeded with @seed: the same seed draws the same people
 * from the same population, on any computer.
 *
 * Returns: (transfer full) (element-type guint): the positions drawn
 */
GArray *
hmr_survey_draw (guint   population,
                 guint   n,
                 guint64 seed)
{
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GArray) all = g_array_sized_new (FALSE, FALSE, sizeof (guint), population);
  guint32 seeds[2] = { (guint32) (seed & 0xffffffffu), (guint32) (seed >> 32) };
  guint *v;

  n = MIN (n, population);
  rand = g_rand_new_with_seed_array (seeds, 2);
  g_array_set_size (all, population);
  v = (guint *) all->data;
  for (guint i = 0; i < population; i++)
    v[i] = i;
  for (guint i = 0; i < n; i++)
    {
      guint j = i + (guint) g_rand_int_range (rand, 0, (gint32) (population - i));
      guint t = v[i];

      v[i] = v[j];
      v[j] = t;
    }
  g_array_set_size (all, n);
  return g_steal_pointer (&all);
}

/* ---- questions ------------------------------------------------------------ */

static const struct
{
  const char *column;
  const char *label;
  const char *short_label;
} questions[HMR_SURVEY_N_QUESTIONS] = {
  [HMR_SURVEY_KNOWS_JOB_AGENCIES] = { "knows_job_agencies",
    N_("Do you know agencies to contact when you look for a job?"), N_("Knows agencies for jobs") },
  [HMR_SURVEY_HAS_HEALTH_CONTACTS] = { "has_health_contacts",
    N_("Do you have contacts in mind for health-related questions?"), N_("Has contacts for health") },
  [HMR_SURVEY_KNOWS_LEGAL_OPTIONS] = { "knows_legal_options",
    N_("Do you know more about legal issues and re-entry bans?"), N_("Knows legal options") },
  [HMR_SURVEY_CHALLENGED_BAN] = { "challenged_ban",
    N_("Challenged the re-entry ban"), N_("Challenged the ban") },
  [HMR_SURVEY_SOUGHT_LOAN_OR_TRAINING] = { "sought_loan_or_training",
    N_("Sought a business loan or vocational training"), N_("Sought a loan or training") },
  [HMR_SURVEY_REACHED_JOB_CONTACTS] = { "reached_job_contacts",
    N_("Reached out to job-related contacts"), N_("Reached job contacts") },
  [HMR_SURVEY_VISITED_MIGRATION_SERVICE] = { "visited_migration_service",
    N_("Visited the migration service"), N_("Visited the migration service") },
  [HMR_SURVEY_VISITED_MEDICAL_CENTRE] = { "visited_medical_centre",
    N_("Visited a medical centre"), N_("Visited a medical centre") },
  [HMR_SURVEY_OTHER_ACTION] = { "other_action",
    N_("Something else"), N_("Took another action") },
  [HMR_SURVEY_RELATIONSHIPS_BETTER] = { "relationships_better",
    N_("Are your relationships with your family or community better?"), N_("Better relationships") },
  [HMR_SURVEY_MORE_CONFIDENT] = { "more_confident",
    N_("Do you feel more confident about your options for the future?"), N_("More confident") },
  [HMR_SURVEY_HAS_CONCRETE_PLANS] = { "has_concrete_plans",
    N_("Do you have concrete ideas and plans for the near future?"), N_("Has concrete plans") },
};

/* The column of a question; other_action is text (what was done) */
const char *
hmr_survey_question_column (HmrSurveyQuestion q)
{
  g_return_val_if_fail (q < HMR_SURVEY_N_QUESTIONS, NULL);
  return questions[q].column;
}

const char *
hmr_survey_question_get_label (HmrSurveyQuestion q)
{
  g_return_val_if_fail (q < HMR_SURVEY_N_QUESTIONS, "");
  return _(questions[q].label);
}

const char *
hmr_survey_question_get_short (HmrSurveyQuestion q)
{
  g_return_val_if_fail (q < HMR_SURVEY_N_QUESTIONS, "");
  return _(questions[q].short_label);
}

gboolean
hmr_survey_question_is_action (HmrSurveyQuestion q)
{
  return q >= HMR_SURVEY_CHALLENGED_BAN && q <= HMR_SURVEY_OTHER_ACTION;
}

void
hmr_survey_answers_init (HmrSurveyAnswers *a)
{
  memset (a, 0, sizeof *a);
  a->reached = TRUE;
  for (guint i = 0; i < HMR_SURVEY_N_QUESTIONS; i++)
    a->answers[i] = -1;
}

void
hmr_survey_round_free (HmrSurveyRound *r)
{
  if (r == NULL)
    return;
  g_free (r->id);
  g_free (r->name);
  g_free (r->population_kind);
  g_free (r->period_from);
  g_free (r->period_to);
  g_free (r->district);
  g_free (r->started_on);
  g_free (r->sampled_at);
  g_free (r);
}

double
hmr_survey_round_response_rate (const HmrSurveyRound *r)
{
  return r->n_sampled ? (double) r->n_reached / r->n_sampled : 0;
}

void
hmr_survey_call_free (HmrSurveyCall *c)
{
  if (c == NULL)
    return;
  g_free (c->sample_id);
  g_free (c->round_id);
  g_free (c->beneficiary_id);
  g_free (c->case_number);
  g_free (c->name);
  g_free (c->phone);
  g_free (c->district);
  g_free (c->stratum);
  g_free (c->assigned_to);
  g_free (c->assigned_name);
  g_free (c->response_id);
  g_free (c->not_reached_reason);
  g_free (c);
}
