/* hmr-demo.c — minimal first version; to be replaced */
#include "config.h"
#include <glib/gi18n-lib.h>
#include "hmr-demo.h"
#include "hmr-store-private.h"

void
hmr_demo_user_free (HmrDemoUser *user)
{
  if (!user) return;
  g_free (user->username); g_free (user->full_name); g_free (user->password); g_free (user);
}

gboolean
hmr_demo_fill (HmrStore *store, guint n, guint64 seed, GPtrArray **users, GError **error)
{
  g_autoptr(HmrActor) admin = hmr_store_create_first_admin (store, "admin", "Demo Admin", "Kishti-Sabz-2026", error);
  g_autoptr(HmrActor) cw = NULL;
  if (!admin) return FALSE;
  cw = hmr_store_create_user (store, admin, "caseworker", "Demo Caseworker", HMR_ROLE_CASEWORKER,
                              "00000000-0000-4000-8000-000000000001", "Bahor-Dusti-2026", error);
  if (!cw) return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HmrBeneficiary) b = hmr_beneficiary_new ();
      g_autofree char *fam = g_strdup_printf ("Раҳимов %u", i);
      hmr_beneficiary_set (b, HMR_BENEFICIARY_FAMILY_NAME, fam);
      hmr_beneficiary_set (b, HMR_BENEFICIARY_GIVEN_NAME, "Фаррух");
      hmr_beneficiary_set (b, HMR_BENEFICIARY_SEX, "male");
      hmr_beneficiary_set (b, HMR_BENEFICIARY_BIRTH_DATE, "1990-03-21");
      hmr_beneficiary_set (b, HMR_BENEFICIARY_DISTRICT, "Dusti");
      hmr_beneficiary_set (b, HMR_BENEFICIARY_CATEGORY, "returned_migrant");
      if (!hmr_store_insert_beneficiary (store, cw, b, error)) return FALSE;
    }
  if (users) *users = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_demo_user_free);
  return TRUE;
}
