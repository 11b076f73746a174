/* hmr-actor.h — who is doing something: the user behind every store call
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  HMR_ROLE_CASEWORKER,
  HMR_ROLE_SUPERVISOR,
  HMR_ROLE_FINANCE,
  HMR_ROLE_ADMIN,
  HMR_N_ROLES
} HmrRole;

typedef struct _HmrActor HmrActor;

struct _HmrActor
{
  char    *user_id;
  char    *username;
  char    *full_name;
  HmrRole  role;
  char    *office_id;   /* NULL for users without an office scope */
};

#define HMR_TYPE_ACTOR (hmr_actor_get_type ())

GType       hmr_actor_get_type     (void) G_GNUC_CONST;
HmrActor   *hmr_actor_new          (const char *user_id,
                                    const char *username,
                                    const char *full_name,
                                    HmrRole     role,
                                    const char *office_id);
HmrActor   *hmr_actor_copy         (const HmrActor *actor);
void        hmr_actor_free         (HmrActor *actor);

const char *hmr_role_to_string     (HmrRole role);
gboolean    hmr_role_from_string   (const char *str,
                                    HmrRole    *role);
const char *hmr_role_get_label     (HmrRole role);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrActor, hmr_actor_free)

G_END_DECLS
