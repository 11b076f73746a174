/* referral-test-util.h — shared by the referral tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-referral.h"
#include "hmr-test-util.h"

static inline void
set_local_now (Fixture *f,
               int      year,
               int      month,
               int      day,
               int      hour,
               int      minute)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();

  g_clear_pointer (&f->now, g_date_time_unref);
  f->now = g_date_time_new (tz, year, month, day, hour, minute, 0);
}

static inline char *
register_person (Fixture    *f,
                 HmrActor   *actor,
                 const char *family,
                 const char *district,
                 gboolean    consents)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = make_beneficiary (family, "Фаррух", district);

  if (consents)
    {
      hmr_beneficiary_set (b, HMR_BENEFICIARY_CONSENT_DATE, "01.06.2025");
      hmr_beneficiary_set_bool (b, HMR_BENEFICIARY_CONSENT_SHARING, TRUE);
    }
  g_assert_true (hmr_store_insert_beneficiary (f->store, actor, b, &error));
  g_assert_no_error (error);
  return g_strdup (hmr_beneficiary_get (b, HMR_BENEFICIARY_ID));
}

static inline char *
add_provider (Fixture    *f,
              const char *name,
              const char *services,
              const char *district,
              const char *served)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrProvider) p = hmr_provider_new ();

  p->name = g_strdup (name);
  p->service_types = g_strdup (services);
  p->district = g_strdup (district);
  p->districts_served = g_strdup (served);
  p->phone = g_strdup ("+992 37 222 3344");
  g_assert_true (hmr_store_save_provider (f->store, f->admin, p, &error));
  g_assert_no_error (error);
  return g_strdup (p->id);
}

static inline char *
new_referral (Fixture    *f,
              HmrActor   *actor,
              const char *beneficiary_id,
              const char *provider_id,
              const char *service,
              gboolean    consent_given)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrReferral) r = hmr_referral_new ();

  r->beneficiary_id = g_strdup (beneficiary_id);
  r->provider_id = g_strdup (provider_id);
  r->service_type = g_strdup (service);
  r->reason = g_strdup ("Re-entry ban to Russia until 2029; wants to appeal");
  r->consent_given = consent_given;
  g_assert_true (hmr_store_create_referral (f->store, actor, r, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (r->status, ==, "draft");
  return g_strdup (r->id);
}

static inline void
move (Fixture    *f,
      HmrActor   *actor,
      const char *id,
      const char *to)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hmr_store_move_referral (f->store, actor, id, to, "As agreed on the phone", &error));
  g_assert_no_error (error);
}

/* The legal way into each state, taken by a supervisor */
static inline void
drive_to (Fixture    *f,
          const char *id,
          const char *state)
{
  if (g_strcmp0 (state, "draft") == 0)
    return;
  move (f, f->supervisor, id, "sent");
  if (g_strcmp0 (state, "sent") == 0)
    return;
  if (g_strcmp0 (state, "completed") == 0)
    {
      move (f, f->supervisor, id, "accepted");
      move (f, f->supervisor, id, "completed");
      return;
    }
  move (f, f->supervisor, id, state);
}

static inline char *
status_of (Fixture    *f,
           const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrReferral) r = hmr_store_get_referral (f->store, f->supervisor, id, &error);

  g_assert_no_error (error);
  return g_strdup (r->status);
}

static inline gint64
count_for (Fixture    *f,
           const char *sql_format,
           const char *id)
{
  g_autofree char *sql = g_strdup_printf (sql_format, id);
  return count_rows (f->path, sql);
}

#define HISTORY_ROWS "SELECT count(*) FROM referral_history WHERE referral_id = '%s'"
#define AUDIT_ROWS   "SELECT count(*) FROM audit_log WHERE entity = 'referral' AND entity_id = '%s'"

