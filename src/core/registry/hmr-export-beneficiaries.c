/* hmr-export-beneficiaries.c — the caseload as an Excel sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hmr-export.h"
#include "hmr-intake.h"
#include "hmr-labels.h"
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
    /* the intake: the ban, the last stay abroad, and for the roles that
     * may read it (DESIGN §6) the trafficking profile */
    _("Re-entry ban"), _("Imposed by"), _("Court decision number"), _("Ban since"), _("Ban until"),
    _("Appeal"), _("Legal-aid referral"), _("Country"), _("City"), _("Sector"), _("Return type"),
    _("Returned on"),
    _("Trafficking status"), _("Type of exploitation"), NULL
  };
  const double widths[] = { 16, 18, 16, 18, 18, 16, 8, 12, 10, 18, 16, 16, 16, 10, 22, 10, 10, 10, 12, 20, 10, 12,
                            16, 20, 16, 12, 12, 16, 12, 16, 16, 16, 14, 12, 18, 18 };
  gboolean trafficking = hmr_intake_may_export_trafficking (actor);
  guint n_profiles = 0;
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
  /* Without the right to read trafficking profiles, not even their columns */
  if (!trafficking)
    titles[G_N_ELEMENTS (titles) - 3] = NULL;
  hmr_xlsx_header (xlsx, sheet, titles, widths);

  for (guint start = 0; start < ids->len; start += PAGE)
    {
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(GPtrArray) intake = NULL;
      guint n_read = 0;

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
      intake = hmr_store_list_intake_summaries (store, actor, rows, &n_read, error);
      if (intake == NULL)
        {
          hmr_xlsx_abandon (xlsx);
          return FALSE;
        }
      n_profiles += n_read;
      for (guint i = 0; i < rows->len; i++, row++)
        {
          HmrBeneficiary *b = g_ptr_array_index (rows, i);
          HmrIntakeSummary *s = g_ptr_array_index (intake, i);
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
          if (s->ban != NULL)
            {
              hmr_xlsx_text (sheet, row, 22, hmr_code_get_label (HMR_CODES_HAS_BAN, s->ban->has_ban));
              hmr_xlsx_text (sheet, row, 23, hmr_code_get_label (HMR_CODES_BAN_IMPOSED_BY, s->ban->imposed_by));
              hmr_xlsx_text (sheet, row, 24, s->ban->court_decision_number);
              hmr_xlsx_date (xlsx, sheet, row, 25, s->ban->start_date);
              hmr_xlsx_date (xlsx, sheet, row, 26, s->ban->end_date);
              if (g_strcmp0 (s->ban->has_ban, "yes") == 0)
                {
                  hmr_xlsx_text (sheet, row, 27, hmr_code_get_label (HMR_CODES_APPEAL_STATUS, s->ban->appeal_status));
                  hmr_xlsx_text (sheet, row, 28, s->ban->legal_referral_id ? _("Yes") : _("No"));
                }
            }
          if (s->last_episode != NULL)
            {
              hmr_xlsx_text (sheet, row, 29, hmr_code_get_label (HMR_CODES_COUNTRY, s->last_episode->country));
              hmr_xlsx_text (sheet, row, 30, hmr_code_get_label (HMR_CODES_CITY, s->last_episode->city));
              hmr_xlsx_text (sheet, row, 31, hmr_code_get_label (HMR_CODES_SECTOR, s->last_episode->sector));
              hmr_xlsx_text (sheet, row, 32, hmr_code_get_label (HMR_CODES_RETURN_TYPE, s->last_episode->return_type));
              hmr_xlsx_date (xlsx, sheet, row, 33, s->last_episode->return_date);
            }
          if (trafficking && s->trafficking != NULL)
            {
              hmr_xlsx_text (sheet, row, 34, hmr_code_get_label (HMR_CODES_TRAFFICKING_STATUS, s->trafficking->status));
              hmr_xlsx_text (sheet, row, 35, hmr_code_get_label (HMR_CODES_EXPLOITATION,
                                                                s->trafficking->exploitation_type));
            }
#undef T
        }
      if (progress)
        progress ((double) (start + rows->len) / ids->len, progress_data);
    }

  hmr_xlsx_filter (xlsx, sheet, row - 1);
  if (!hmr_xlsx_finish (xlsx, error))
    return FALSE;

  /* Reading trafficking profiles leaves a trace, as on the case file */
  *detail = n_profiles > 0 ? g_strdup_printf ("%u rows, %u trafficking profiles", ids->len, n_profiles)
                           : g_strdup_printf ("%u rows", ids->len);
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
