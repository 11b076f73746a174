/* hmr-store-offices.c — the offices and the districts they serve
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-store-private.h"

GPtrArray *
hmr_store_list_districts (HmrStore  *self,
                          GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  int rc;

  stmt = hmr_store_prepare (self,
                            "SELECT DISTINCT district FROM office WHERE deleted_at IS NULL "
                            "ORDER BY CASE region WHEN 'khatlon' THEN 0 WHEN 'gbao' THEN 1 "
                            "WHEN 'sughd' THEN 2 ELSE 3 END, district",
                            error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, hmr_column_dup_text (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

char *
hmr_store_dup_office_for_district (HmrStore    *self,
                                   const char  *district,
                                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = hmr_store_prepare (self,
                            "SELECT id FROM office WHERE district = ?1 AND deleted_at IS NULL "
                            "ORDER BY code LIMIT 1",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, district);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return hmr_column_dup_text (stmt, 0);
  if (rc == SQLITE_DONE)
    g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                 _("District: no office serves “%s”."), district ? district : "");
  else
    hmr_store_set_sqlite_error (self, rc, error);
  return NULL;
}

const char *
hmr_district_get_label (const char *district)
{
  static const struct { const char *code; const char *label; } labels[] = {
    { "Dusti", NC_("district", "Dusti") },
    { "Qubodiyon", NC_("district", "Qubodiyon") },
    { "Shahrituz", NC_("district", "Shahrituz") },
    { "Nosiri Khusrav", NC_("district", "Nosiri Khusrav") },
    { "Panj", NC_("district", "Panj") },
    { "Jayhun", NC_("district", "Jayhun") },
    { "Farkhor", NC_("district", "Farkhor") },
    { "Hamadoni", NC_("district", "Hamadoni") },
    { "Shamsiddin Shohin", NC_("district", "Shamsiddin Shohin") },
    { "Darvoz", NC_("district", "Darvoz") },
    { "Vanj", NC_("district", "Vanj") },
    { "Rushon", NC_("district", "Rushon") },
    { "Shughnon", NC_("district", "Shughnon") },
    { "Khorugh", NC_("district", "Khorugh") },
    { "Roshtqala", NC_("district", "Roshtqala") },
    { "Ishkoshim", NC_("district", "Ishkoshim") },
    { "Penjikent", NC_("district", "Penjikent") },
    { "Dushanbe", NC_("district", "Dushanbe") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].code, district) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "district", labels[i].label);
  return district ? district : "";
}

