/* hmr-session.c — age groups and the records of hmr-session.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-session.h"

static const struct
{
  const char *code;
  const char *label;
} age_groups[HMR_N_AGE_GROUPS] = {
  [HMR_AGE_UNDER_18] = { "under_18", N_("Under 18") },
  [HMR_AGE_18_24]    = { "18_24",    N_("18–24") },
  [HMR_AGE_25_34]    = { "25_34",    N_("25–34") },
  [HMR_AGE_35_44]    = { "35_44",    N_("35–44") },
  [HMR_AGE_45_54]    = { "45_54",    N_("45–54") },
  [HMR_AGE_55_PLUS]  = { "55_plus",  N_("55 and over") },
};

const char *
hmr_age_group_to_string (HmrAgeGroup group)
{
  g_return_val_if_fail (group < HMR_N_AGE_GROUPS, NULL);
  return age_groups[group].code;
}

gboolean
hmr_age_group_from_string (const char  *code,
                           HmrAgeGroup *group)
{
  for (guint i = 0; i < HMR_N_AGE_GROUPS; i++)
    if (g_strcmp0 (code, age_groups[i].code) == 0)
      {
        if (group)
          *group = i;
        return TRUE;
      }
  return FALSE;
}

const char *
hmr_age_group_get_label (HmrAgeGroup group)
{
  g_return_val_if_fail (group < HMR_N_AGE_GROUPS, "");
  return _(age_groups[group].label);
}

HmrAgeGroup
hmr_age_group_for_age (int years)
{
  if (years < 18)
    return HMR_AGE_UNDER_18;
  if (years < 25)
    return HMR_AGE_18_24;
  if (years < 35)
    return HMR_AGE_25_34;
  if (years < 45)
    return HMR_AGE_35_44;
  if (years < 55)
    return HMR_AGE_45_54;
  return HMR_AGE_55_PLUS;
}

void
hmr_session_free (HmrSession *s)
{
  if (s == NULL)
    return;
  g_free (s->id);
  g_free (s->office_id);
  g_free (s->district);
  g_free (s->held_on);
  g_free (s->jamoat);
  g_free (s->venue);
  g_free (s->module);
  g_free (s->facilitator_id);
  g_free (s->facilitator_name);
  g_free (s->partner);
  g_free (s);
}

void
hmr_attendee_free (HmrAttendee *a)
{
  if (a == NULL)
    return;
  g_free (a->id);
  g_free (a->session_id);
  g_free (a->beneficiary_id);
  g_free (a->case_number);
  g_free (a->name);
  g_free (a->sex);
  g_free (a->age_group);
  g_free (a->phone);
  g_free (a->registered_at);
  g_free (a);
}
