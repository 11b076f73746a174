/* hmr-report.h — indicators for a period, and the donor workbook
 *
 * A report answers "how many people did we reach, by district, sex and
 * age group, and what changed for them, with what margin of error" for a
 * period: people registered; referrals made, completed, overdue, the
 * completion rate and the median days to completion by service;
 * follow-ups due and done; WHO-5 at first and last measure; grants and
 * handovers; sessions held and people reached; and every survey answer
 * as a proportion with its 95% confidence interval (finite-population
 * correction).
 *
 * The role table decides what a report holds: a caseworker's covers their
 * office, a supervisor's every office, a finance officer's the grant
 * figures only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-export.h"
#include "hmr-session.h"
#include "hmr-store.h"
#include "hmr-survey.h"

G_BEGIN_DECLS

typedef struct
{
  const char *from;               /* ISO or as typed; inclusive */
  const char *to;
  const char *district;           /* NULL: every district */
} HmrReportQuery;

/* One district's row (district NULL: the total) */
typedef struct
{
  char  *district;
  guint  registered[2];           /* [0] female, [1] male */
  guint  sessions;
  guint  reached[2];              /* attendances, by sex */
  guint  referrals_made;
  guint  referrals_completed;
} HmrReportDistrict;

/* One month of the period: people registered, attendances at sessions */
typedef struct
{
  char   month[8];                /* "2026-11" */
  guint  registered;
  guint  reached;
} HmrReportMonth;

typedef struct
{
  char   *service;                /* a service type code */
  guint   made;                   /* sent in the period */
  guint   completed;              /* of those, completed */
  guint   overdue;                /* sent or accepted, past due at the end of the period */
  double  median_days;            /* sent to completed, of those completed in the period; -1: none */
} HmrReportService;

typedef struct
{
  char              *from;        /* ISO */
  char              *to;
  char              *district;

  gboolean           has_people;  /* FALSE for a finance officer */
  guint              registered;
  guint              registered_by_sex[2];
  guint              registered_by_age[HMR_N_AGE_GROUPS];
  GPtrArray         *districts;   /* HmrReportDistrict, by name */
  GArray            *months;      /* HmrReportMonth, every month of the period in order */

  guint              referrals_made;
  guint              referrals_completed;
  guint              referrals_overdue;
  double             median_days; /* all services; -1: none */
  GPtrArray         *services;    /* HmrReportService */

  guint              follow_ups_due;
  guint              follow_ups_done;

  guint              who5_people; /* with two scores or more in the period */
  double             who5_first_mean;
  double             who5_last_mean;
  guint              who5_improved;   /* by 10 points or more */

  HmrSessionCounts   sessions;

  guint              survey_population;   /* N of the rounds answered in the period */
  guint              survey_called;
  guint              survey_reached;
  HmrProportion      survey[HMR_SURVEY_N_QUESTIONS];
  HmrProportion      survey_any_action;
  HmrProportion      survey_by_sex[2][HMR_SURVEY_N_QUESTIONS];   /* [0] women, [1] men; no correction */
  HmrProportion      survey_any_action_by_sex[2];

  gboolean           has_grants;
  guint              grants_approved;
  gint64             amount_approved;     /* dirams */
  guint              grants_disbursed;    /* with a tranche paid in the period */
  gint64             amount_disbursed;
  guint              grants_verified;
  guint              handovers_signed;
} HmrReport;

void         hmr_report_free              (HmrReport      *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrReport, hmr_report_free)

double       hmr_report_completion_rate   (const HmrReport *report);   /* 0 … 1; 0 when none made */

HmrReport   *hmr_store_compute_report     (HmrStore       *self,
                                           const HmrActor *actor,
                                           const HmrReportQuery *query,
                                           GCancellable   *cancellable,
                                           GError        **error);

/* ---- the people behind a figure ------------------------------------------- */

typedef enum
{
  HMR_REPORT_FIGURE_REGISTERED,           /* people registered */
  HMR_REPORT_FIGURE_REACHED,              /* attendances at sessions, walk-ins by name */
  HMR_REPORT_FIGURE_REFERRALS_MADE,
  HMR_REPORT_FIGURE_REFERRALS_COMPLETED,
  HMR_REPORT_FIGURE_REFERRALS_OVERDUE,
  HMR_REPORT_FIGURE_FOLLOW_UPS_DUE,
  HMR_REPORT_FIGURE_FOLLOW_UPS_DONE,
  HMR_REPORT_FIGURE_WHO5_IMPROVED,
  HMR_REPORT_FIGURE_SURVEY_REACHED,       /* survey respondents */
  HMR_REPORT_N_FIGURES
} HmrReportFigure;

/* One person behind a figure, and how many of its units are theirs (two
 * referrals, three sessions attended…) */
typedef struct
{
  char  *beneficiary_id;          /* NULL: a walk-in not registered */
  char  *case_number;             /* NULL for a walk-in */
  char  *name;
  char  *district;
  char  *sex;
  guint  count;
} HmrReportPerson;

void         hmr_report_person_free       (HmrReportPerson *person);

const char  *hmr_report_figure_get_label  (HmrReportFigure  figure);
guint        hmr_report_get_figure        (const HmrReport *report,
                                           HmrReportFigure  figure);

GPtrArray   *hmr_store_list_report_people (HmrStore       *self,
                                           const HmrActor *actor,
                                           const HmrReportQuery *query,
                                           HmrReportFigure figure,
                                           const char     *sex,
                                           guint           limit,
                                           GCancellable   *cancellable,
                                           GError        **error);

/* The donor workbook: a summary sheet, a sheet of data per indicator and
 * native Excel charts, in the language of the messages; an "export"
 * audit row */
gboolean     hmr_export_donor_report      (HmrStore       *store,
                                           const HmrActor *actor,
                                           const HmrReportQuery *query,
                                           const char     *path,
                                           GCancellable   *cancellable,
                                           HmrProgressFunc progress,
                                           gpointer        progress_data,
                                           GError        **error);

G_END_DECLS
