/* hmr-actor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-actor.h"

G_DEFINE_BOXED_TYPE (HmrActor, hmr_actor, hmr_actor_copy, hmr_actor_free)

static const char *role_names[HMR_N_ROLES] = {
  "caseworker", "supervisor", "finance", "admin",
};

HmrActor *
hmr_actor_new (const char *user_id,
               const char *username,
               const char *full_name,
               HmrRole     role,
               const char *office_id)
{
  HmrActor *actor;

  g_return_val_if_fail (user_id != NULL, NULL);
  g_return_val_if_fail (username != NULL, NULL);
  g_return_val_if_fail (role < HMR_N_ROLES, NULL);

  actor = g_new0 (HmrActor, 1);
  actor->user_id = g_strdup (user_id);
  actor->username = g_strdup (username);
  actor->full_name = g_strdup (full_name ? full_name : username);
  actor->role = role;
  actor->office_id = g_strdup (office_id);
  return actor;
}

HmrActor *
hmr_actor_copy (const HmrActor *actor)
{
  g_return_val_if_fail (actor != NULL, NULL);
  return hmr_actor_new (actor->user_id, actor->username, actor->full_name,
                        actor->role, actor->office_id);
}

void
hmr_actor_free (HmrActor *actor)
{
  if (actor == NULL)
    return;
  g_free (actor->user_id);
  g_free (actor->username);
  g_free (actor->full_name);
  g_free (actor->office_id);
  g_free (actor);
}

const char *
hmr_role_to_string (HmrRole role)
{
  g_return_val_if_fail (role < HMR_N_ROLES, NULL);
  return role_names[role];
}

gboolean
hmr_role_from_string (const char *str,
                      HmrRole    *role)
{
  for (guint i = 0; i < HMR_N_ROLES; i++)
    {
      if (g_strcmp0 (str, role_names[i]) == 0)
        {
          if (role)
            *role = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
hmr_role_get_label (HmrRole role)
{
  switch (role)
    {
    case HMR_ROLE_CASEWORKER: return _("Caseworker");
    case HMR_ROLE_SUPERVISOR: return _("Supervisor");
    case HMR_ROLE_FINANCE:    return _("Finance officer");
    case HMR_ROLE_ADMIN:      return _("Administrator");
    case HMR_N_ROLES:
    default:
      g_return_val_if_reached (NULL);
    }
}
