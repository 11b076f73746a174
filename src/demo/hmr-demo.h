/* hmr-demo.h — realistic, deterministic demo data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-store.h"

G_BEGIN_DECLS

typedef struct
{
  HmrRole  role;
  char    *username;
  char    *full_name;
  char    *full_name_cyrillic;   /* as Tajik and Russian screens show it */
  char    *password;
} HmrDemoUser;

void      hmr_demo_user_free (HmrDemoUser *user);

gboolean  hmr_demo_fill      (HmrStore      *store,
                              guint          n_beneficiaries,
                              guint64        seed,
                              GPtrArray    **users,
                              GError       **error);

gboolean  hmr_demo_fill_offices (HmrStore     *hq,
                                 GPtrArray    *users,
                                 const char   *dir,
                                 GPtrArray   **paths,
                                 GError      **error);

G_END_DECLS
