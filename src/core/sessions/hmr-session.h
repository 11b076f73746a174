/* hmr-session.h — group sessions and their attendance
 *
 * A caseworker plans a group session (district, jamoat, venue, module or
 * topic, facilitator, partner organisation; room for at most 15 people)
 * and marks who came: registered beneficiaries, or walk-ins with a name,
 * sex, age group and phone.  A walk-in can be registered later in one
 * step, through the duplicate check; their attendance then belongs to the
 * new (or the existing) beneficiary.  More people than the session's
 * capacity are refused with a message.
 *
 * Every write checks the role table (group sessions: a caseworker their
 * office's, a supervisor all) and writes its audit row in the same
 * transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-store.h"

G_BEGIN_DECLS

#define HMR_SESSION_MAX_CAPACITY 15

/* ---- age groups --------------------------------------------------------- */

typedef enum
{
  HMR_AGE_UNDER_18,
  HMR_AGE_18_24,
  HMR_AGE_25_34,
  HMR_AGE_35_44,
  HMR_AGE_45_54,
  HMR_AGE_55_PLUS,
  HMR_N_AGE_GROUPS
} HmrAgeGroup;

const char  *hmr_age_group_to_string      (HmrAgeGroup     group);
gboolean     hmr_age_group_from_string    (const char     *code,
                                           HmrAgeGroup    *group);
const char  *hmr_age_group_get_label      (HmrAgeGroup     group);
HmrAgeGroup  hmr_age_group_for_age        (int             years);

/* ---- sessions ----------------------------------------------------------- */

typedef struct
{
  char   *id;
  char   *office_id;
  char   *district;
  char   *held_on;                /* ISO date */
  char   *jamoat;
  char   *venue;                  /* village or venue */
  char   *module;                 /* module or topic */
  char   *facilitator_id;         /* a user, may be NULL */
  char   *facilitator_name;
  char   *partner;                /* partner organisation */
  int     capacity;
  guint   n_attended;
  guint   n_female;
  guint   n_male;
  guint   n_walk_ins;             /* not (yet) registered */
  gint64  version;
} HmrSession;

void         hmr_session_free             (HmrSession     *session);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrSession, hmr_session_free)

/* What a caseworker fills in; @capacity 0 means the maximum, 15 */
typedef struct
{
  const char *district;
  const char *held_on;            /* ISO or as typed: "02.12.2026" */
  const char *jamoat;
  const char *venue;
  const char *module;
  const char *facilitator_name;   /* NULL: the actor */
  const char *partner;
  int         capacity;
} HmrSessionPlan;

char        *hmr_store_plan_session       (HmrStore       *self,
                                           const HmrActor *actor,
                                           const HmrSessionPlan *plan,
                                           GError        **error);
gboolean     hmr_store_update_session     (HmrStore       *self,
                                           const HmrActor *actor,
                                           const char     *session_id,
                                           const HmrSessionPlan *plan,
                                           GError        **error);
gboolean     hmr_store_archive_session    (HmrStore       *self,
                                           const HmrActor *actor,
                                           const char     *session_id,
                                           GError        **error);
HmrSession  *hmr_store_get_session        (HmrStore       *self,
                                           const HmrActor *actor,
                                           const char     *session_id,
                                           GError        **error);

/* NULL members match everything */
typedef struct
{
  const char *district;
  const char *month;              /* "2026-11" */
  const char *module;
  const char *from;               /* ISO dates, inclusive */
  const char *to;
  guint       limit;              /* 0: every session */
} HmrSessionQuery;

/* Counts over the sessions a query matches: people are attendances */
typedef struct
{
  guint n_sessions;
  guint n_people;
  guint n_female;
  guint n_male;
  guint n_walk_ins;
  guint by_age[HMR_N_AGE_GROUPS];
  guint n_age_unknown;
} HmrSessionCounts;

GPtrArray   *hmr_store_list_sessions      (HmrStore       *self,
                                           const HmrActor *actor,
                                           const HmrSessionQuery *query,
                                           GError        **error);
gboolean     hmr_store_count_sessions     (HmrStore       *self,
                                           const HmrActor *actor,
                                           const HmrSessionQuery *query,
                                           HmrSessionCounts *counts,
                                           GError        **error);
GStrv        hmr_store_list_session_modules (HmrStore     *self,
                                           const HmrActor *actor,
                                           GError        **error);
/* The person's sessions, newest first, for the case file */
GPtrArray   *hmr_store_list_sessions_of   (HmrStore       *self,
                                           const HmrActor *actor,
                                           const char     *beneficiary_id,
                                           GError        **error);

/* ---- attendance --------------------------------------------------------- */

typedef struct
{
  char     *id;
  char     *session_id;
  char     *beneficiary_id;       /* NULL for a walk-in not yet registered */
  char     *case_number;
  char     *name;
  char     *sex;                  /* female, male */
  char     *age_group;            /* an HmrAgeGroup code, may be NULL */
  char     *phone;
  gboolean  walk_in;              /* came as a walk-in (registered later or not) */
  char     *registered_at;        /* when a walk-in was registered */
} HmrAttendee;

void         hmr_attendee_free            (HmrAttendee    *attendee);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrAttendee, hmr_attendee_free)

typedef struct
{
  const char *name;
  const char *sex;                /* female, male */
  const char *age_group;          /* an HmrAgeGroup code */
  const char *phone;              /* may be NULL */
} HmrWalkIn;

char        *hmr_store_add_attendee       (HmrStore       *self,
                                           const HmrActor *actor,
                                           const char     *session_id,
                                           const char     *beneficiary_id,
                                           GError        **error);
char        *hmr_store_add_walk_in        (HmrStore       *self,
                                           const HmrActor *actor,
                                           const char     *session_id,
                                           const HmrWalkIn *walk_in,
                                           GError        **error);
gboolean     hmr_store_remove_attendee    (HmrStore       *self,
                                           const HmrActor *actor,
                                           const char     *attendance_id,
                                           GError        **error);
GPtrArray   *hmr_store_list_attendance    (HmrStore       *self,
                                           const HmrActor *actor,
                                           const char     *session_id,
                                           GError        **error);

/* A beneficiary to complete from a walk-in's details (names split at the
 * first space, sex, phone, the session's district) */
HmrBeneficiary *hmr_store_walk_in_candidate (HmrStore     *self,
                                           const HmrActor *actor,
                                           const char     *attendance_id,
                                           GError        **error);
/* Registers the walk-in as @beneficiary and links the attendance, in one
 * write.  Unless @register_anyway, the duplicate check runs first: when it
 * finds likely earlier registrations, nothing is written, @duplicates gets
 * them and the error is HMR_STORE_ERROR_CONFLICT. */
gboolean     hmr_store_register_walk_in   (HmrStore       *self,
                                           const HmrActor *actor,
                                           const char     *attendance_id,
                                           HmrBeneficiary *beneficiary,
                                           gboolean        register_anyway,
                                           GPtrArray     **duplicates,
                                           GError        **error);
/* The walk-in was already registered: the attendance becomes theirs */
gboolean     hmr_store_link_walk_in       (HmrStore       *self,
                                           const HmrActor *actor,
                                           const char     *attendance_id,
                                           const char     *beneficiary_id,
                                           GError        **error);

G_END_DECLS
