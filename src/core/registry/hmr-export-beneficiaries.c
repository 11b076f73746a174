/* hmr-export-beneficiaries.c — the caseload as an Excel sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hmr-export.h"
#include "hmr-permissions.h"
#include "hmr-xlsx.h"

#define PAGE 512

static gboolean
write_beneficiaries (HmrStore                  *store,
                     const HmrActor            *actor,
                     const HmrBeneficiaryQuery *query,
                     const char                *path,
                     GCancellable              *cancellable,
                     HmrProgressFunc            progress,
                     gpointer                   progress_data,
                     char                     **detail,
                     GError                   **error)
{
  g_autoptr(GArray) ids = NULL;
  HmrXlsx *xlsx;
  lxw_worksheet *sheet;
  const char *titles[] = {
    _("Case number"), _("Family name"), _("Given name"), _("Patronymic"),
    _("Family name (Latin)"), _("Given name (Latin)"), _("Sex"), _("Date of birth"),
    _("Estimated year of birth"), _("Phone"), _("District"), _("Jamoat"), _("Village"),
    _("Household size"), _("Category"), _("Disability"), _("Disability registered"),
    _("Risk level"), _("Stage"), _("Caseworker"), _("Consent to share"), _("Registered"),
    NULL
  };
  const double widths[] = { 16, 18, 16, 18, 18, 16, 8, 12, 10, 18, 16, 16, 16, 10, 22, 10, 10, 10, 12, 20, 10, 12 };
  guint32 row = 1;

  if (!hmr_store_require (actor, HMR_ACTION_EXPORT_CASELOAD, NULL, error))
    return FALSE;
  ids = hmr_store_query_beneficiary_ids (store, actor, query, cancellable, error);
  if (ids == NULL)
    return FALSE;

  xlsx = hmr_xlsx_new (path, TRUE, error);
  if (xlsx == NULL)
    return FALSE;
  sheet = hmr_xlsx_add_sheet (xlsx, _("Beneficiaries"));
  hmr_xlsx_header (xlsx, sheet, titles, widths);

  for (guint start = 0; start < ids->len; start += PAGE)
    {
      g_autoptr(GPtrArray) rows = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          hmr_xlsx_abandon (xlsx);
          return FALSE;
        }
      rows = hmr_store_load_beneficiaries (store, actor, &g_array_index (ids, gint64, start),
                                           MIN (PAGE, ids->len - start), error);
      if (rows == NULL)
        {
          hmr_xlsx_abandon (xlsx);
          return FALSE;
        }
      for (guint i = 0; i < rows->len; i++, row++)
        {
          HmrBeneficiary *b = g_ptr_array_index (rows, i);
          gint64 n;
#define T(col, field) hmr_xlsx_text (sheet, row, col, hmr_beneficiary_get (b, field))
          T (0, HMR_BENEFICIARY_CASE_NUMBER);
          T (1, HMR_BENEFICIARY_FAMILY_NAME);
          T (2, HMR_BENEFICIARY_GIVEN_NAME);
          T (3, HMR_BENEFICIARY_PATRONYMIC);
          T (4, HMR_BENEFICIARY_FAMILY_NAME_LATIN);
          T (5, HMR_BENEFICIARY_GIVEN_NAME_LATIN);
          hmr_xlsx_text (sheet, row, 6, hmr_sex_get_label (hmr_beneficiary_get (b, HMR_BENEFICIARY_SEX)));
          hmr_xlsx_date (xlsx, sheet, row, 7, hmr_beneficiary_get (b, HMR_BENEFICIARY_BIRTH_DATE));
          if ((n = hmr_beneficiary_get_int (b, HMR_BENEFICIARY_BIRTH_YEAR_ESTIMATED, -1)) >= 0)
            hmr_xlsx_number (xlsx, sheet, row, 8, n);
          T (9, HMR_BENEFICIARY_PHONE);
          hmr_xlsx_text (sheet, row, 10, hmr_district_get_label (hmr_beneficiary_get (b, HMR_BENEFICIARY_DISTRICT)));
          T (11, HMR_BENEFICIARY_JAMOAT);
          T (12, HMR_BENEFICIARY_VILLAGE);
          if ((n = hmr_beneficiary_get_int (b, HMR_BENEFICIARY_HOUSEHOLD_SIZE, -1)) >= 0)
            hmr_xlsx_number (xlsx, sheet, row, 13, n);
          hmr_xlsx_text (sheet, row, 14, hmr_category_get_label (hmr_beneficiary_get (b, HMR_BENEFICIARY_CATEGORY)));
          hmr_xlsx_text (sheet, row, 15, hmr_beneficiary_get_bool (b, HMR_BENEFICIARY_DISABILITY) ? _("Yes") : _("No"));
          hmr_xlsx_text (sheet, row, 16, hmr_beneficiary_get_bool (b, HMR_BENEFICIARY_DISABILITY_REGISTERED) ? _("Yes") : _("No"));
          hmr_xlsx_text (sheet, row, 17, hmr_risk_get_label (hmr_beneficiary_get (b, HMR_BENEFICIARY_RISK_LEVEL)));
          hmr_xlsx_text (sheet, row, 18, hmr_stage_get_label (hmr_beneficiary_get (b, HMR_BENEFICIARY_CASE_STAGE)));
          T (19, HMR_BENEFICIARY_CASEWORKER);
          hmr_xlsx_text (sheet, row, 20, hmr_beneficiary_get_bool (b, HMR_BENEFICIARY_CONSENT_SHARING) ? _("Yes") : _("No"));
          hmr_xlsx_date (xlsx, sheet, row, 21, hmr_beneficiary_get (b, HMR_BENEFICIARY_CREATED_AT));
#undef T
        }
      if (progress)
        progress ((double) (start + rows->len) / ids->len, progress_data);
    }

  hmr_xlsx_filter (xlsx, sheet, row - 1);
  if (!hmr_xlsx_finish (xlsx, error))
    return FALSE;

  *detail = g_strdup_printf ("%u rows", ids->len);
  return TRUE;
}

/* One read transaction for every sheet: what is committed meanwhile shows
 * in none of them rather than in some */
gboolean
hmr_export_beneficiaries (HmrStore                  *store,
                          const HmrActor            *actor,
                          const HmrBeneficiaryQuery *query,
                          const char                *path,
                          GCancellable              *cancellable,
                          HmrProgressFunc            progress,
                          gpointer                   progress_data,
                          GError                   **error)
{
  g_autofree char *detail = NULL;
  gboolean ok;

  if (!hmr_store_begin_snapshot (store, error))
    return FALSE;
  ok = write_beneficiaries (store, actor, query, path, cancellable, progress, progress_data, &detail, error);
  hmr_store_end_snapshot (store);
  if (!ok)
    return FALSE;
  if (!hmr_store_audit_event (store, actor, "export", "beneficiary", NULL, detail, error))
    {
      /* an export the audit trail does not show is not left behind */
      g_unlink (path);
      return FALSE;
    }
  return TRUE;
}
