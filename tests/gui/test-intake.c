/* test-intake.c — a caseworker enters a re-entry ban, a migration episode,
 * a trafficking profile and vulnerabilities in the case file's dialogs,
 * in Tajik, and reads them back on the case file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "hmr-ban-dialog.h"
#include "hmr-beneficiary-filters.h"
#include "hmr-case-file-sections.h"
#include "hmr-gui-test-util.h"
#include "hmr-intake-util.h"
#include "hmr-labels.h"
#include "hmr-locale.h"
#include "hmr-migration-dialog.h"
#include "hmr-trafficking-dialog.h"
#include "hmr-vulnerability-dialog.h"

static GDateTime *
december_clock (gpointer user_data)
{
  return g_date_time_new_utc (2026, 12, 2, 9, 0, 0);
}

static char *
register_returnee (HmrGuiFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = hmr_gui_test_new_beneficiary ("Раҳимов", "Фаррух", "21.03.1990");

  hmr_store_insert_beneficiary (f->store, f->caseworker, b, &error);
  g_assert_no_error (error);
  return g_strdup (hmr_beneficiary_get (b, HMR_BENEFICIARY_ID));
}

static HmrBeneficiaryDetail *
open_case_file (HmrGuiFixture  *f,
                const HmrActor *actor,
                const char     *id)
{
  HmrBeneficiariesPage *page = hmr_window_get_beneficiaries_page (hmr_gui_test_open_window (f, actor));

  g_assert_true (hmr_beneficiaries_page_show_beneficiary (page, id));
  hmr_gui_test_flush ();
  return hmr_beneficiaries_page_get_detail (page);
}

static GtkWindow *
open_dialog (HmrBeneficiaryDetail *detail,
             const char           *action,
             GVariant             *target,
             GType                 type)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (detail), action, target));
  hmr_gui_test_flush ();
  dialog = hmr_gui_test_find_window (type);
  g_assert_nonnull (dialog);
  return dialog;
}

static void
type_in (GtkWidget  *row,
         const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* The subtitle of the row titled @title in @group */
static const char *
row_value (HmrCaseFileSections *sections,
           const char          *group,
           const char          *title)
{
  GtkWidget *row = hmr_gui_test_find_widget (hmr_case_file_sections_get_group (sections, group),
                                             ADW_TYPE_ACTION_ROW, title);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static void
test_intake_in_tajik (HmrGuiFixture *f,
                      gconstpointer  data)
{
  g_autofree char *id = register_returnee (f);
  HmrBeneficiaryDetail *detail;
  HmrCaseFileSections *sections;
  HmrBanDialog *ban;
  HmrMigrationDialog *episode;
  HmrTraffickingDialog *profile;
  HmrVulnerabilityDialog *risk;
  g_autoptr(HmrCaseFile) file = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  hmr_store_set_clock (f->store, december_clock, NULL);
  detail = open_case_file (f, f->caseworker, id);
  sections = hmr_beneficiary_detail_get_sections (detail);

  /* The ban: a court's, five years; a wrong date is refused by name */
  ban = HMR_BAN_DIALOG (open_dialog (detail, "intake.edit-ban", NULL, HMR_TYPE_BAN_DIALOG));
  hmr_gui_test_screenshot (GTK_WIDGET (ban), "intake-ban-dialog");
  hmr_intake_combo_select (ADW_COMBO_ROW (hmr_ban_dialog_get_row (ban, "has_ban_row")), "yes");
  hmr_intake_combo_select (ADW_COMBO_ROW (hmr_ban_dialog_get_row (ban, "imposed_by_row")), "court");
  g_assert_true (gtk_widget_get_visible (hmr_ban_dialog_get_row (ban, "court_number_row")));
  type_in (hmr_ban_dialog_get_row (ban, "court_number_row"), "5-1234/2024");
  type_in (hmr_ban_dialog_get_row (ban, "court_date_row"), "02.05.2024");
  type_in (hmr_ban_dialog_get_row (ban, "start_row"), "31.02.2024");
  type_in (hmr_ban_dialog_get_row (ban, "duration_row"), "60");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ban), "ban.save", NULL));
  g_assert_nonnull (hmr_ban_dialog_get_error (ban));
  /* "Start of the ban", in Tajik */
  g_assert_true (g_str_has_prefix (hmr_ban_dialog_get_error (ban), "Оғози манъ"));
  type_in (hmr_ban_dialog_get_row (ban, "start_row"), "10.05.2024");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ban), "ban.save", NULL));
  if (hmr_gui_test_find_window (HMR_TYPE_BAN_DIALOG) != NULL)
    g_error ("The ban was not saved: %s", hmr_ban_dialog_get_error (ban));

  /* A migration episode: Irkutsk, construction, deported */
  episode = HMR_MIGRATION_DIALOG (open_dialog (detail, "intake.add-episode", NULL, HMR_TYPE_MIGRATION_DIALOG));
  hmr_intake_combo_select (ADW_COMBO_ROW (hmr_migration_dialog_get_row (episode, "country_row")), "Russia");
  hmr_intake_combo_select (ADW_COMBO_ROW (hmr_migration_dialog_get_row (episode, "city_row")), "Irkutsk");
  type_in (hmr_migration_dialog_get_row (episode, "departure_row"), "01.03.2019");
  type_in (hmr_migration_dialog_get_row (episode, "return_row"), "10.05.2024");
  hmr_intake_combo_select (ADW_COMBO_ROW (hmr_migration_dialog_get_row (episode, "sector_row")), "construction");
  hmr_intake_combo_select (ADW_COMBO_ROW (hmr_migration_dialog_get_row (episode, "return_type_row")), "deported");
  hmr_gui_test_screenshot (GTK_WIDGET (episode), "intake-episode-dialog");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (episode), "episode.save", NULL));
  if (hmr_gui_test_find_window (HMR_TYPE_MIGRATION_DIALOG) != NULL)
    g_error ("The episode was not saved: %s", hmr_migration_dialog_get_error (episode));

  /* The trafficking profile: a recognised victim of forced labour */
  profile = HMR_TRAFFICKING_DIALOG (open_dialog (detail, "intake.edit-trafficking", NULL,
                                                 HMR_TYPE_TRAFFICKING_DIALOG));
  hmr_intake_combo_select (ADW_COMBO_ROW (hmr_trafficking_dialog_get_row (profile, "status_row")), "actual");
  hmr_intake_combo_select (ADW_COMBO_ROW (hmr_trafficking_dialog_get_row (profile, "exploitation_row")),
                           "forced_labour");
  type_in (hmr_trafficking_dialog_get_row (profile, "identified_by_row"), "ТҶ «Занони Шарқ»");
  type_in (hmr_trafficking_dialog_get_row (profile, "recognised_by_row"), "Комиссияи байниидоравӣ");
  type_in (hmr_trafficking_dialog_get_row (profile, "recognised_on_row"), "15.02.2025");
  type_in (hmr_trafficking_dialog_get_row (profile, "document_row"), "№ 12/2025");
  hmr_intake_combo_select (ADW_COMBO_ROW (hmr_trafficking_dialog_get_row (profile, "country_row")), "Russia");
  type_in (hmr_trafficking_dialog_get_row (profile, "duration_row"), "14");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (profile), "trafficking.save", NULL));
  if (hmr_gui_test_find_window (HMR_TYPE_TRAFFICKING_DIALOG) != NULL)
    g_error ("The profile was not saved: %s", hmr_trafficking_dialog_get_error (profile));

  /* Vulnerabilities and a high risk, which needs its reason */
  risk = HMR_VULNERABILITY_DIALOG (open_dialog (detail, "intake.edit-risk", NULL, HMR_TYPE_VULNERABILITY_DIALOG));
  gtk_check_button_set_active (hmr_vulnerability_dialog_get_check (risk, "sole_earner"), TRUE);
  gtk_check_button_set_active (hmr_vulnerability_dialog_get_check (risk, "debt"), TRUE);
  hmr_intake_combo_select (ADW_COMBO_ROW (hmr_vulnerability_dialog_get_row (risk, "risk_row")), "high");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (risk), "risk.save", NULL));
  g_assert_true (g_str_has_prefix (hmr_vulnerability_dialog_get_error (risk), "Сабаби сатҳи хавф"));
  type_in (hmr_vulnerability_dialog_get_row (risk, "reason_row"), "Қарзи калон");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (risk), "risk.save", NULL));
  if (hmr_gui_test_find_window (HMR_TYPE_VULNERABILITY_DIALOG) != NULL)
    g_error ("The risk was not saved: %s", hmr_vulnerability_dialog_get_error (risk));

  /* Read back on the case file, every value in Tajik */
  hmr_gui_test_flush ();
  hmr_gui_test_screenshot (GTK_WIDGET (detail), "intake-case-file-tg");
  /* "ends 10 May 2029 · … left" */
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (hmr_case_file_sections_get_ban_row (sections)),
                                   "анҷом: 10 "));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (hmr_case_file_sections_get_ban_row (sections)), "2029"));
  g_assert_cmpstr (row_value (sections, "migration", "Асос"), ==,
                   hmr_code_get_label (HMR_CODES_BAN_IMPOSED_BY, "court"));
  g_assert_cmpstr (row_value (sections, "migration", "Асос"), !=, "Court decision");
  row = hmr_gui_test_find_widget (hmr_case_file_sections_get_group (sections, "migration"),
                                  ADW_TYPE_ACTION_ROW, "Иркутск, Русия");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Сохтмон"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            hmr_code_get_label (HMR_CODES_RETURN_TYPE, "deported")));
  g_assert_null (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "construction"));
  g_assert_cmpstr (row_value (sections, "trafficking", "Ҳолат"), ==,
                   hmr_code_get_label (HMR_CODES_TRAFFICKING_STATUS, "actual"));
  g_assert_cmpstr (row_value (sections, "trafficking", "Кишвари истисмор"), ==, "Русия");
  g_assert_cmpstr (row_value (sections, "case", "Омилҳои осебпазирӣ"), ==, "Ягона нонпарвари оила, Қарзҳо");

  /* and in the store, as codes */
  file = hmr_store_get_case_file (f->store, f->caseworker, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (file->ban->end_date, ==, "2029-05-10");
  g_assert_cmpstr (((HmrMigrationEpisode *) file->episodes->pdata[0])->city, ==, "Irkutsk");
  g_assert_cmpstr (file->trafficking->recognised_on, ==, "2025-02-15");
  hmr_store_set_clock (f->store, NULL, NULL);
}

static void
test_supervisor_reads_but_does_not_edit_profile (HmrGuiFixture *f,
                                                 gconstpointer  data)
{
  g_autofree char *id = register_returnee (f);
  g_autoptr(HmrTraffickingProfile) t = hmr_trafficking_profile_new ();
  g_autoptr(GError) error = NULL;
  HmrBeneficiaryDetail *detail;
  HmrCaseFileSections *sections;
  GtkWidget *group;

  t->beneficiary_id = g_strdup (id);
  t->status = g_strdup ("possible");
  g_assert_true (hmr_store_save_trafficking_profile (f->store, f->caseworker, t, &error));
  g_assert_no_error (error);

  detail = open_case_file (f, f->supervisor, id);
  sections = hmr_beneficiary_detail_get_sections (detail);
  group = hmr_case_file_sections_get_group (sections, "trafficking");
  g_assert_true (gtk_widget_get_visible (group));
  /* the button to change it is not there for a supervisor */
  g_assert_null (hmr_gui_test_find_widget (group, GTK_TYPE_BUTTON, NULL));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (detail), "intake.edit-trafficking", NULL) &&
                  hmr_gui_test_find_window (HMR_TYPE_TRAFFICKING_DIALOG) != NULL);
}

static void
note_saved (gboolean       *saved,
            HmrBeneficiary *beneficiary)
{
  *saved = TRUE;
}

static void
test_consent_refused_records_nothing (HmrGuiFixture *f,
                                      gconstpointer  data)
{
  HmrBeneficiaryForm *form = hmr_beneficiary_form_new (f->store, f->caseworker, NULL);
  guint before = hmr_gui_test_count_rows (f->store, f->caseworker, TRUE);
  gboolean saved = FALSE;

  g_signal_connect_swapped (form, "saved", G_CALLBACK (note_saved), &saved);
  gtk_window_present (GTK_WINDOW (form));
  hmr_gui_test_flush ();
  /* A name typed, then the person does not agree: the rest goes */
  gtk_editable_set_text (GTK_EDITABLE (hmr_beneficiary_form_get_field_row (form, HMR_BENEFICIARY_FAMILY_NAME)),
                         "Назаров");
  gtk_switch_set_active (hmr_beneficiary_form_get_consent_record_switch (form), FALSE);
  g_assert_false (gtk_widget_is_visible (hmr_beneficiary_form_get_field_row (form, HMR_BENEFICIARY_FAMILY_NAME)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "beneficiary.save", NULL));
  hmr_gui_test_flush ();

  g_assert_null (hmr_gui_test_find_window (HMR_TYPE_BENEFICIARY_FORM));
  g_assert_false (saved);
  g_assert_cmpuint (hmr_gui_test_count_rows (f->store, f->caseworker, TRUE), ==, before);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) rows = hmr_store_list_audit (f->store, f->supervisor, "beneficiary", NULL, &error);
    gboolean refusal = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < rows->len; i++)
      {
        HmrAuditEntry *e = g_ptr_array_index (rows, i);

        if (g_strcmp0 (e->action, "consent-refused") == 0)
          {
            refusal = TRUE;
            g_assert_null (strstr (e->changes ? e->changes : "", "Назаров"));
          }
      }
    g_assert_true (refusal);
  }
}

static guint
count_filtered (HmrGuiFixture         *f,
                HmrBeneficiaryFilters *filters)
{
  HmrBeneficiaryQuery query = { 0 };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  hmr_beneficiary_filters_apply (filters, &query);
  ids = hmr_store_query_beneficiary_ids (f->store, f->caseworker, &query, NULL, &error);
  g_assert_no_error (error);
  return ids->len;
}

static void
test_filters_for_bans (HmrGuiFixture *f,
                       gconstpointer  data)
{
  g_autofree char *soon = register_returnee (f);
  g_autofree char *later = register_returnee (f);
  g_autoptr(HmrReentryBan) a = hmr_reentry_ban_new ();
  g_autoptr(HmrReentryBan) b = hmr_reentry_ban_new ();
  g_autoptr(GError) error = NULL;
  HmrBeneficiaryFilters *filters;

  hmr_store_set_clock (f->store, december_clock, NULL);
  a->beneficiary_id = g_strdup (soon);
  a->has_ban = g_strdup ("yes");
  a->start_date = g_strdup ("01.02.2022");
  a->end_date = g_strdup ("01.02.2027");
  b->beneficiary_id = g_strdup (later);
  b->has_ban = g_strdup ("yes");
  b->start_date = g_strdup ("01.02.2024");
  b->duration_months = 60;
  g_assert_true (hmr_store_save_reentry_ban (f->store, f->caseworker, a, &error));
  g_assert_true (hmr_store_save_reentry_ban (f->store, f->caseworker, b, &error));
  g_assert_no_error (error);

  filters = hmr_beneficiaries_page_get_filters (hmr_window_get_beneficiaries_page (hmr_gui_test_open_window (f, f->caseworker)));
  g_assert_true (hmr_beneficiary_filters_select (filters, HMR_FILTER_BAN, "ending"));
  g_assert_cmpuint (count_filtered (f, filters), ==, 1);
  g_assert_true (hmr_beneficiary_filters_select (filters, HMR_FILTER_BAN, "no-legal-aid"));
  g_assert_cmpuint (count_filtered (f, filters), ==, 2);
  hmr_store_set_clock (f->store, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  /* The case file in Tajik, from the build tree's catalogue */
  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_MESSAGES");
  g_unsetenv ("LANG");
  g_setenv ("LANGUAGE", "tg", TRUE);
  g_setenv ("HAMROH_LOCALEDIR", TEST_PODIR, TRUE);
  hmr_setup_i18n ();
  hmr_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, HmrGuiFixture, NULL, hmr_gui_fixture_set_up, func, hmr_gui_fixture_tear_down)

  ADD ("/gui/intake/ban-episode-profile-risk-entered-and-read-in-tajik", test_intake_in_tajik);
  ADD ("/gui/intake/supervisor-reads-profile-without-changing-it", test_supervisor_reads_but_does_not_edit_profile);
  ADD ("/gui/intake/consent-refused-records-nothing", test_consent_refused_records_nothing);
  ADD ("/gui/intake/filters-bans-ending-soon-and-without-legal-aid", test_filters_for_bans);

  return g_test_run ();
}
