/* hmr-intake.h — the intake beyond the person's record: migration
 * episodes, the re-entry ban, the trafficking profile, vulnerabilities and
 * risk, and the consent asked before anything is recorded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-store.h"

G_BEGIN_DECLS

/* A stay abroad.  Dates are ISO 8601 once checked; as typed before. */
typedef struct
{
  char   *id;                   /* NULL until saved */
  char   *beneficiary_id;
  char   *country;              /* a code of HMR_CODES_COUNTRY, or as typed */
  char   *city;                 /* a code of HMR_CODES_CITY, or as typed */
  char   *departure_date;
  char   *return_date;
  int     months_abroad;        /* -1 when unknown */
  char   *duration_group;       /* under_12_months, 1_to_3_years, 3_years_or_more, seasonal */
  char   *sector;               /* a code of HMR_CODES_SECTOR */
  char   *return_type;          /* voluntary, deported, expelled */
  gint64  version;
} HmrMigrationEpisode;

typedef struct
{
  char   *id;                   /* NULL until saved */
  char   *beneficiary_id;
  char   *has_ban;              /* yes, no, unknown */
  char   *imposed_by;           /* administrative, court */
  char   *court_decision_number;
  char   *court_decision_date;
  char   *start_date;
  int     duration_months;      /* -1 when unknown */
  char   *end_date;
  char   *appeal_status;        /* none, filed, lifted, upheld, amnesty */
  char   *appeal_date;
  char   *legal_referral_id;    /* a legal-aid referral of the same person */
  gint64  version;
} HmrReentryBan;

typedef struct
{
  char   *id;                   /* NULL until saved */
  char   *beneficiary_id;
  char   *status;               /* possible, actual, not_victim */
  char   *exploitation_type;
  char   *identified_by;
  char   *recognised_by;
  char   *recognised_on;
  char   *recognition_document;
  char   *country;
  int     duration_months;      /* -1 when unknown */
  gint64  version;
} HmrTraffickingProfile;

HmrMigrationEpisode   *hmr_migration_episode_new    (void);
HmrMigrationEpisode   *hmr_migration_episode_copy   (const HmrMigrationEpisode *e);
void                   hmr_migration_episode_free   (HmrMigrationEpisode   *e);
HmrReentryBan         *hmr_reentry_ban_new          (void);
HmrReentryBan         *hmr_reentry_ban_copy         (const HmrReentryBan   *ban);
void                   hmr_reentry_ban_free         (HmrReentryBan         *ban);
HmrTraffickingProfile *hmr_trafficking_profile_new  (void);
HmrTraffickingProfile *hmr_trafficking_profile_copy (const HmrTraffickingProfile *t);
void                   hmr_trafficking_profile_free (HmrTraffickingProfile *t);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrMigrationEpisode, hmr_migration_episode_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrReentryBan, hmr_reentry_ban_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrTraffickingProfile, hmr_trafficking_profile_free)

/* Checking and completing, as the store does before saving and the
 * dialogs before asking it: dates become ISO 8601, chosen places their
 * codes, what can be worked out is (a ban's end from its start and
 * duration, or its duration from the end; months abroad from the dates).
 * The error names the field. */
gboolean    hmr_migration_episode_check   (HmrMigrationEpisode   *e,
                                           GDate                 *today,
                                           GError               **error);
gboolean    hmr_reentry_ban_check         (HmrReentryBan         *ban,
                                           GDate                 *today,
                                           GError               **error);
gboolean    hmr_trafficking_profile_check (HmrTraffickingProfile *t,
                                           GDate                 *today,
                                           GError               **error);
gboolean    hmr_vulnerabilities_check     (const char * const    *flags,
                                           const char            *risk,
                                           const char            *reason,
                                           GError               **error);

/* Whether the ban keeps the person out today: has a ban, not lifted or
 * amnestied, and its end (when known) not passed */
gboolean    hmr_reentry_ban_is_in_force   (const HmrReentryBan   *ban,
                                           GDate                 *today);

/* Days a ban is counted as "ending soon" */
#define HMR_BAN_ENDING_SOON_DAYS 90

/* Writing ---------------------------------------------------------------- */

gboolean    hmr_store_save_migration_episode    (HmrStore              *self,
                                                 const HmrActor        *actor,
                                                 HmrMigrationEpisode   *episode,
                                                 GError               **error);
gboolean    hmr_store_archive_migration_episode (HmrStore              *self,
                                                 const HmrActor        *actor,
                                                 const char            *episode_id,
                                                 GError               **error);
gboolean    hmr_store_save_reentry_ban          (HmrStore              *self,
                                                 const HmrActor        *actor,
                                                 HmrReentryBan         *ban,
                                                 GError               **error);
gboolean    hmr_store_save_trafficking_profile  (HmrStore              *self,
                                                 const HmrActor        *actor,
                                                 HmrTraffickingProfile *profile,
                                                 GError               **error);
gboolean    hmr_store_set_vulnerabilities       (HmrStore              *self,
                                                 const HmrActor        *actor,
                                                 const char            *beneficiary_id,
                                                 const char * const    *flags,
                                                 const char            *risk,
                                                 const char            *reason,
                                                 GError               **error);
gboolean    hmr_store_record_consent_refused    (HmrStore              *self,
                                                 const HmrActor        *actor,
                                                 const char            *district,
                                                 GError               **error);

/* Reading ---------------------------------------------------------------- */

GPtrArray             *hmr_store_list_migration_episodes (HmrStore       *self,
                                                 const HmrActor        *actor,
                                                 const char            *beneficiary_id,
                                                 GError               **error);
HmrReentryBan         *hmr_store_get_reentry_ban (HmrStore              *self,
                                                 const HmrActor        *actor,
                                                 const char            *beneficiary_id,
                                                 GError               **error);
HmrTraffickingProfile *hmr_store_get_trafficking_profile (HmrStore       *self,
                                                 const HmrActor        *actor,
                                                 const char            *beneficiary_id,
                                                 GError               **error);
gboolean    hmr_store_may_see_trafficking       (HmrStore              *self,
                                                 const HmrActor        *actor,
                                                 const char            *beneficiary_id);
gboolean    hmr_store_may_edit_trafficking      (HmrStore              *self,
                                                 const HmrActor        *actor,
                                                 const char            *beneficiary_id);
char       *hmr_store_dup_risk_reason           (HmrStore              *self,
                                                 const HmrActor        *actor,
                                                 const char            *beneficiary_id,
                                                 GError               **error);

/* For the export: one row's ban, last stay abroad and, for those who may
 * read it, trafficking profile */
typedef struct
{
  HmrReentryBan         *ban;           /* NULL: none recorded */
  HmrMigrationEpisode   *last_episode;  /* NULL: none recorded */
  HmrTraffickingProfile *trafficking;   /* NULL: none, or not for this actor */
} HmrIntakeSummary;

void        hmr_intake_summary_free             (HmrIntakeSummary      *summary);
gboolean    hmr_intake_may_export_trafficking   (const HmrActor        *actor);
GPtrArray  *hmr_store_list_intake_summaries     (HmrStore              *self,
                                                 const HmrActor        *actor,
                                                 GPtrArray             *beneficiaries,
                                                 guint                 *n_profiles,
                                                 GError               **error);

/* The legal-aid referrals of a person a ban can be linked to */
typedef struct
{
  char *id;
  char *label;                  /* translated: provider, status, date */
} HmrReferralChoice;

void        hmr_referral_choice_free            (HmrReferralChoice     *choice);
GPtrArray  *hmr_store_list_legal_referrals      (HmrStore              *self,
                                                 const HmrActor        *actor,
                                                 const char            *beneficiary_id,
                                                 GError               **error);

G_END_DECLS
