/* hmr-case-file.h — everything about one person, for the case file page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-intake.h"
#include "hmr-store.h"

G_BEGIN_DECLS

typedef enum
{
  HMR_TIMELINE_CASE,
  HMR_TIMELINE_REFERRAL,
  HMR_TIMELINE_FOLLOW_UP,
  HMR_TIMELINE_GRANT,
  HMR_TIMELINE_DISBURSEMENT,
  HMR_TIMELINE_HANDOVER,
  HMR_TIMELINE_SESSION,
  HMR_TIMELINE_SURVEY,
  HMR_TIMELINE_CHANGE,
} HmrTimelineKind;

typedef struct
{
  char            *date;        /* ISO 8601, date or date-time */
  HmrTimelineKind  kind;
  char            *title;       /* translated, one line */
  char            *detail;      /* translated, may be NULL */
  char            *entity;
  char            *entity_id;
} HmrTimelineEntry;

typedef struct
{
  HmrBeneficiary        *beneficiary;
  char                  *case_id;
  char                  *case_status;
  char                  *case_stage;
  char                  *case_risk;
  char                  *case_owner;      /* full name */
  char                  *opened_on;
  char                  *closed_on;
  char                  *closure_reason;
  GPtrArray             *episodes;        /* HmrMigrationEpisode, newest first */
  HmrReentryBan         *ban;             /* NULL when none recorded */
  HmrTraffickingProfile *trafficking;     /* NULL when none or not allowed */
  char                  *risk_reason;     /* why the person's risk is what it is */
  gboolean               trafficking_hidden; /* TRUE when one exists but the role may not see it */
  GPtrArray             *timeline;        /* HmrTimelineEntry, oldest first */
  GPtrArray             *duplicates;      /* HmrBeneficiary marked as duplicates of this one */
} HmrCaseFile;

void         hmr_case_file_free            (HmrCaseFile *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrCaseFile, hmr_case_file_free)

HmrCaseFile *hmr_store_get_case_file       (HmrStore       *self,
                                            const HmrActor *actor,
                                            const char     *beneficiary_id,
                                            GError        **error);

int          hmr_reentry_ban_days_left     (const HmrReentryBan *ban,
                                            GDate               *today);

/* Duplicate check (before registering) */
GPtrArray   *hmr_store_find_duplicates     (HmrStore       *self,
                                            const HmrActor *actor,
                                            HmrBeneficiary *candidate,
                                            GError        **error);
gboolean     hmr_store_record_duplicate_override (HmrStore       *self,
                                            const HmrActor *actor,
                                            const char     *new_id,
                                            GPtrArray      *candidates,
                                            GError        **error);
gboolean     hmr_store_mark_duplicate      (HmrStore       *self,
                                            const HmrActor *actor,
                                            const char     *duplicate_id,
                                            const char     *original_id,
                                            GError        **error);

G_END_DECLS
