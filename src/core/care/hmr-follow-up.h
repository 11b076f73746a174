/* hmr-follow-up.h — case plans and psychosocial follow-up: the assessment
 * and reintegration plan, follow-ups with the WHO-5 wellbeing index, case
 * closure and reopening, and the Today lists
 *
 * Every write checks the role table and the workflow (hmr-workflow.h),
 * writes a row in the record's history and its audit row in the same
 * transaction; a refused write changes nothing.  The case stage follows
 * the work: saving an assessment moves a new or reopened case to
 * "assessment", submitting a plan moves it to "case_plan", approving the
 * plan moves it to "services".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-store.h"
#include "hmr-who5.h"

G_BEGIN_DECLS

/* ---- the case ----------------------------------------------------------- */

typedef struct
{
  char   *id;
  char   *office_id;
  char   *beneficiary_id;
  char   *owner_id;
  char   *status;                 /* open, closed, transferred, duplicate */
  char   *stage;                  /* new, assessment, case_plan, services, closed, reopened */
  char   *opened_on;
  char   *closed_on;
  char   *closure_reason;
  /* the open closure request, if any */
  char   *closure_request_id;
  char   *closure_requested_by;   /* full name */
  char   *closure_requested_at;
  char   *closure_request_reason;
  gint64  version;
} HmrCaseInfo;

void         hmr_case_info_free           (HmrCaseInfo    *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrCaseInfo, hmr_case_info_free)

HmrCaseInfo *hmr_store_get_case           (HmrStore       *self,
                                           const HmrActor *actor,
                                           const char     *case_id,
                                           GError        **error);
char        *hmr_store_request_closure    (HmrStore       *self,
                                           const HmrActor *actor,
                                           const char     *case_id,
                                           const char     *reason,
                                           GError        **error);
gboolean     hmr_store_withdraw_closure   (HmrStore       *self,
                                           const HmrActor *actor,
                                           const char     *request_id,
                                           GError        **error);
gboolean     hmr_store_decide_closure     (HmrStore       *self,
                                           const HmrActor *actor,
                                           const char     *request_id,
                                           gboolean        approve,
                                           const char     *comment,
                                           GError        **error);
gboolean     hmr_store_close_case         (HmrStore       *self,
                                           const HmrActor *actor,
                                           const char     *case_id,
                                           const char     *reason,
                                           GError        **error);
gboolean     hmr_store_reopen_case        (HmrStore       *self,
                                           const HmrActor *actor,
                                           const char     *case_id,
                                           const char     *reason,
                                           GError        **error);

/* ---- assessment ----------------------------------------------------------- */

typedef enum
{
  HMR_NEED_LEGAL,
  HMR_NEED_EMPLOYMENT,
  HMR_NEED_HEALTH,
  HMR_NEED_PSYCHOSOCIAL,
  HMR_NEED_HOUSING,
  HMR_NEED_DOCUMENTS,
  HMR_N_NEEDS
} HmrNeed;

const char  *hmr_need_to_string           (HmrNeed         need);
gboolean     hmr_need_from_string         (const char     *code,
                                           HmrNeed        *need);
const char  *hmr_need_get_label           (HmrNeed         need);
const char  *hmr_priority_get_label       (const char     *priority);   /* none, low, medium, high */
const char  *hmr_plan_status_get_label    (const char     *status);     /* draft, submitted, approved, returned */

typedef struct
{
  char *priority;                 /* none, low, medium, high */
  char *note;
} HmrAssessedNeed;

typedef struct
{
  char            *id;            /* NULL until saved */
  char            *office_id;
  char            *case_id;
  char            *assessed_on;   /* ISO date; NULL: today */
  char            *summary;
  HmrAssessedNeed  needs[HMR_N_NEEDS];
  gint64           version;
} HmrAssessment;

HmrAssessment *hmr_assessment_new         (const char     *case_id);
void         hmr_assessment_free          (HmrAssessment  *assessment);
void         hmr_assessment_set_need      (HmrAssessment  *assessment,
                                           HmrNeed         need,
                                           const char     *priority,
                                           const char     *note);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrAssessment, hmr_assessment_free)

HmrAssessment *hmr_store_get_assessment   (HmrStore       *self,
                                           const HmrActor *actor,
                                           const char     *case_id,
                                           GError        **error);
gboolean     hmr_store_save_assessment    (HmrStore       *self,
                                           const HmrActor *actor,
                                           HmrAssessment  *assessment,
                                           GError        **error);

/* ---- reintegration plan ---------------------------------------------------- */

typedef struct
{
  char *need;                     /* an HmrNeed code */
  char *service;
  char *target_date;              /* ISO date, may be NULL */
  char *responsible;
} HmrPlanAction;

typedef struct
{
  char      *id;                  /* NULL until saved */
  char      *office_id;
  char      *case_id;
  char      *status;              /* draft, submitted, approved, returned */
  char      *objectives;
  GPtrArray *actions;             /* HmrPlanAction */
  char      *approved_by;         /* full name */
  char      *approved_at;
  char      *last_comment;        /* the latest history comment, e.g. why it was returned */
  gint64     version;
} HmrPlan;

typedef struct
{
  char *at;
  char *by;                       /* full name */
  char *from_state;
  char *to_state;
  char *comment;
} HmrHistoryEntry;

HmrPlan     *hmr_plan_new                 (const char     *case_id);
void         hmr_plan_free                (HmrPlan        *plan);
void         hmr_plan_add_action          (HmrPlan        *plan,
                                           const char     *need,
                                           const char     *service,
                                           const char     *target_date,
                                           const char     *responsible);
void         hmr_history_entry_free       (HmrHistoryEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrPlan, hmr_plan_free)

HmrPlan     *hmr_store_get_plan           (HmrStore       *self,
                                           const HmrActor *actor,
                                           const char     *plan_id,
                                           GError        **error);
HmrPlan     *hmr_store_get_current_plan   (HmrStore       *self,
                                           const HmrActor *actor,
                                           const char     *case_id,
                                           GError        **error);
gboolean     hmr_store_save_plan          (HmrStore       *self,
                                           const HmrActor *actor,
                                           HmrPlan        *plan,
                                           GError        **error);
gboolean     hmr_store_move_plan          (HmrStore       *self,
                                           const HmrActor *actor,
                                           const char     *plan_id,
                                           const char     *to,
                                           const char     *comment,
                                           GError        **error);
GPtrArray   *hmr_store_list_plan_history  (HmrStore       *self,
                                           const HmrActor *actor,
                                           const char     *plan_id,
                                           GError        **error);

/* ---- follow-ups --------------------------------------------------------- */

typedef struct
{
  char         *id;
  char         *office_id;
  char         *beneficiary_id;
  char         *case_id;
  char         *kind;             /* psychosocial_session, phone, home_visit, office */
  char         *status;           /* planned, done, missed, cancelled */
  char         *assigned_to;      /* user id */
  char         *assigned_name;
  char         *due_on;
  char         *done_on;
  int           duration_minutes; /* -1: not recorded */
  int           who5_items[HMR_WHO5_N_ITEMS];  /* -1 each when no score */
  int           who5_score;       /* -1: none */
  int           who5_previous;    /* -1: none (a first score) */
  HmrWho5Flags  who5_flags;
  char         *who5_acknowledged_at;
  int           wants_professional; /* -1: not asked, 0 no, 1 yes */
  gboolean      has_note;         /* the note itself: hmr_store_read_follow_up_note() */
  char         *next_on;
  gint64        version;
} HmrFollowUp;

void         hmr_follow_up_free           (HmrFollowUp    *follow_up);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrFollowUp, hmr_follow_up_free)

/* What happened; start from HMR_FOLLOW_UP_OUTCOME_INIT */
typedef struct
{
  const char *status;             /* done, missed, cancelled */
  const char *done_on;            /* ISO date; NULL: today */
  int         duration_minutes;   /* -1: not given */
  gboolean    has_who5;
  int         who5_items[HMR_WHO5_N_ITEMS];
  int         wants_professional; /* -1: not asked */
  const char *note;               /* confidential; NULL: none */
  const char *comment;            /* for the history, e.g. why it was missed */
  const char *next_on;            /* ISO date; schedules the next follow-up */
  const char *next_kind;          /* NULL: the same kind */
} HmrFollowUpOutcome;

#define HMR_FOLLOW_UP_OUTCOME_INIT { .duration_minutes = -1, .wants_professional = -1 }

char        *hmr_store_schedule_follow_up (HmrStore       *self,
                                           const HmrActor *actor,
                                           const char     *beneficiary_id,
                                           const char     *kind,
                                           const char     *due_on,
                                           const char     *assigned_to,
                                           GError        **error);
gboolean     hmr_store_record_follow_up   (HmrStore       *self,
                                           const HmrActor *actor,
                                           const char     *follow_up_id,
                                           const HmrFollowUpOutcome *outcome,
                                           char          **next_id,
                                           GError        **error);
gboolean     hmr_store_record_unscheduled_follow_up (HmrStore *self,
                                           const HmrActor *actor,
                                           const char     *beneficiary_id,
                                           const char     *kind,
                                           const HmrFollowUpOutcome *outcome,
                                           char          **id,
                                           char          **next_id,
                                           GError        **error);
HmrFollowUp *hmr_store_get_follow_up      (HmrStore       *self,
                                           const HmrActor *actor,
                                           const char     *follow_up_id,
                                           GError        **error);
GPtrArray   *hmr_store_list_follow_ups    (HmrStore       *self,
                                           const HmrActor *actor,
                                           const char     *beneficiary_id,
                                           GError        **error);
gboolean     hmr_store_read_follow_up_note (HmrStore      *self,
                                           const HmrActor *actor,
                                           const char     *follow_up_id,
                                           char          **note,
                                           GError        **error);
gboolean     hmr_store_acknowledge_wellbeing_flag (HmrStore *self,
                                           const HmrActor *actor,
                                           const char     *follow_up_id,
                                           const char     *comment,
                                           GError        **error);

/* ---- Today ---------------------------------------------------------------- */

/* Bans ending within this many days are on a caseworker's Today */
#define HMR_TODAY_BANS_ENDING_DAYS 90

typedef enum
{
  /* a caseworker's */
  HMR_TODAY_DUE_FOLLOW_UPS,       /* planned, due today or before; theirs or their office's */
  HMR_TODAY_WAITING_REFERRALS,    /* sent, not answered; their cases */
  HMR_TODAY_RETURNED_PLANS,       /* returned for changes; their cases */
  HMR_TODAY_ENDING_BANS,          /* re-entry bans ending within 90 days; their cases */
  HMR_TODAY_BANS_WITHOUT_LEGAL_AID, /* bans in force with no legal-aid referral; their cases */
  /* a supervisor's */
  HMR_TODAY_PLANS_TO_APPROVE,     /* submitted */
  HMR_TODAY_GRANTS_TO_DECIDE,     /* submitted, awaiting approval or rejection */
  HMR_TODAY_CLOSURES_TO_APPROVE,  /* closure requested */
  HMR_TODAY_FLAGGED_WELLBEING,    /* flagged WHO-5 scores not yet acknowledged */
  HMR_N_TODAY_LISTS
} HmrTodayList;

/*
 * One row of a Today list: what the row shows and the ids to open.
 *
 *   beneficiary_id, case_id  open the case file
 *   entity, entity_id        the record the row is about: "follow_up",
 *                            "referral", "plan", "case_closure_request",
 *                            "reentry_ban", "grant"
 *   title                    what is due, translated, one line
 *                            ("Phone call", "Legal aid — Centre Dusti", …)
 *   detail                   a comment or reason (why a plan was returned,
 *                            why closure is asked), may be NULL
 *   due_on                   the date it is due: a follow-up's due date, a
 *                            referral's answer date, a ban's end date; may
 *                            be NULL
 *   since                    since when it waits (ISO date or date-time):
 *                            due date, date sent, when returned,
 *                            submitted, requested, scored
 *   days_overdue             whole days past due_on (0: due today); -1
 *                            when not overdue or there is no due date
 *   who                      the caseworker concerned: assigned, owner,
 *                            submitter or requester (full name)
 *   mine                     assigned to, owned or asked by the actor
 *   score, previous_score    wellbeing rows: WHO-5 0–100; -1 when none
 *                            (grant rows: score is unused)
 *   flags                    wellbeing rows: why it was flagged
 */
typedef struct
{
  HmrTodayList  list;
  char         *beneficiary_id;
  char         *beneficiary_name;
  char         *case_number;
  char         *case_id;
  char         *entity;
  char         *entity_id;
  char         *title;
  char         *detail;
  char         *due_on;
  char         *since;
  int           days_overdue;
  char         *who;
  gboolean      mine;
  int           score;
  int           previous_score;
  HmrWho5Flags  flags;
} HmrTodayItem;

void          hmr_today_item_free         (HmrTodayItem   *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrTodayItem, hmr_today_item_free)

const char   *hmr_today_list_to_string    (HmrTodayList    list);
const char   *hmr_today_list_get_title    (HmrTodayList    list);
GArray       *hmr_today_lists_for_actor   (const HmrActor *actor);
GPtrArray    *hmr_store_list_today        (HmrStore       *self,
                                           const HmrActor *actor,
                                           HmrTodayList    list,
                                           guint           limit,
                                           guint          *n_total,
                                           GError        **error);
gboolean      hmr_store_count_overdue_follow_ups (HmrStore *self,
                                           const HmrActor *actor,
                                           guint          *n_overdue,
                                           GError        **error);
GPtrArray    *hmr_store_list_reminders    (HmrStore       *self,
                                           const HmrActor *actor,
                                           gboolean        include_overdue,
                                           GError        **error);

G_END_DECLS
