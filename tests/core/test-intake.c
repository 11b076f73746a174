/* test-intake.c — the intake written through the store: migration
 * episodes, the re-entry ban, the trafficking profile, vulnerabilities
 * and risk, a refused consent; each write audited, each refusal by role
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hmr-case-file.h"
#include "hmr-export.h"
#include "hmr-intake.h"
#include "hmr-labels.h"
#include "hmr-referral.h"
#include "hmr-test-util.h"

static HmrBeneficiary *
register_person (Fixture  *f,
                 HmrActor *actor)
{
  g_autoptr(GError) error = NULL;
  HmrBeneficiary *b = make_beneficiary ("Раҳимов", "Фаррух", "Dusti");

  g_assert_true (hmr_store_insert_beneficiary (f->store, actor, b, &error));
  g_assert_no_error (error);
  return b;
}

#define ID(b) hmr_beneficiary_get ((b), HMR_BENEFICIARY_ID)

static gint64
audit_rows (Fixture    *f,
            const char *action,
            const char *entity)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE action = '%s' "
                                          "AND entity = '%s'", action, entity);
  return count_rows (f->path, sql);
}

/* ---- migration episodes ------------------------------------------------- */

static void
test_episode_written (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = register_person (f, f->caseworker);
  g_autoptr(HmrMigrationEpisode) e = hmr_migration_episode_new ();
  g_autoptr(GPtrArray) list = NULL;

  e->beneficiary_id = g_strdup (ID (b));
  e->country = g_strdup ("  Russia ");
  e->city = g_strdup ("Irkutsk");
  e->departure_date = g_strdup ("01.03.2019");
  e->return_date = g_strdup ("10.05.2024");
  e->sector = g_strdup ("construction");
  e->return_type = g_strdup ("deported");
  g_assert_true (hmr_store_save_migration_episode (f->store, f->caseworker, e, &error));
  g_assert_no_error (error);
  g_assert_nonnull (e->id);
  g_assert_cmpint (e->version, ==, 1);
  /* the months and their group are worked out from the dates */
  g_assert_cmpint (e->months_abroad, ==, 62);
  g_assert_cmpstr (e->duration_group, ==, "3_years_or_more");
  g_assert_cmpstr (e->departure_date, ==, "2019-03-01");
  g_assert_cmpint (audit_rows (f, "create", "migration_episode"), ==, 1);

  g_free (e->sector);
  e->sector = g_strdup ("markets");
  g_assert_true (hmr_store_save_migration_episode (f->store, f->caseworker, e, &error));
  g_assert_no_error (error);
  g_assert_cmpint (e->version, ==, 2);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE action = 'update' "
                                        "AND entity = 'migration_episode' "
                                        "AND changes LIKE '%\"sector\"%markets%'"), ==, 1);

  list = hmr_store_list_migration_episodes (f->store, f->supervisor, ID (b), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((HmrMigrationEpisode *) list->pdata[0])->sector, ==, "markets");

  g_assert_true (hmr_store_archive_migration_episode (f->store, f->caseworker, e->id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (audit_rows (f, "archive", "migration_episode"), ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = hmr_store_list_migration_episodes (f->store, f->caseworker, ID (b), &error);
  g_assert_cmpuint (list->len, ==, 0);
  /* archived, not removed */
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM migration_episode WHERE deleted_at IS NOT NULL"), ==, 1);
}

static void
test_episode_refused (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = register_person (f, f->caseworker);
  g_autoptr(HmrMigrationEpisode) e = hmr_migration_episode_new ();

  e->beneficiary_id = g_strdup (ID (b));
  e->city = g_strdup ("Moscow");
  g_assert_false (hmr_store_save_migration_episode (f->store, f->caseworker, e, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Country"));
  g_clear_error (&error);

  e->country = g_strdup ("Russia");
  e->departure_date = g_strdup ("10.05.2024");
  e->return_date = g_strdup ("01.03.2019");
  g_assert_false (hmr_store_save_migration_episode (f->store, f->caseworker, e, &error));
  g_assert_nonnull (strstr (error->message, "Return"));
  g_clear_error (&error);

  g_clear_pointer (&e->return_date, g_free);
  g_assert_false (hmr_store_save_migration_episode (f->store, f->finance, e, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (hmr_store_save_migration_episode (f->store, f->caseworker_panj, e, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM migration_episode"), ==, 0);
  g_assert_cmpint (audit_rows (f, "create", "migration_episode"), ==, 0);
}

/* ---- the re-entry ban ------------------------------------------------- */

static HmrReentryBan *
court_ban (HmrBeneficiary *b)
{
  HmrReentryBan *ban = hmr_reentry_ban_new ();

  ban->beneficiary_id = g_strdup (ID (b));
  ban->has_ban = g_strdup ("yes");
  ban->imposed_by = g_strdup ("court");
  ban->court_decision_number = g_strdup ("5-1234/2024");
  ban->court_decision_date = g_strdup ("02.05.2024");
  ban->start_date = g_strdup ("10.05.2024");
  return ban;
}

static void
test_ban_end_worked_out (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = register_person (f, f->caseworker);
  g_autoptr(HmrReentryBan) ban = court_ban (b);
  g_autoptr(HmrReentryBan) read = NULL;

  ban->duration_months = 60;
  g_assert_true (hmr_store_save_reentry_ban (f->store, f->caseworker, ban, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ban->end_date, ==, "2029-05-10");
  g_assert_cmpstr (ban->appeal_status, ==, "none");
  g_assert_cmpint (audit_rows (f, "create", "reentry_ban"), ==, 1);

  /* The end given instead: the duration is worked out */
  ban->duration_months = -1;
  g_free (ban->end_date);
  ban->end_date = g_strdup ("10.05.2027");
  g_free (ban->appeal_status);
  ban->appeal_status = g_strdup ("filed");
  ban->appeal_date = g_strdup ("01.06.2024");
  g_assert_true (hmr_store_save_reentry_ban (f->store, f->supervisor, ban, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ban->duration_months, ==, 36);

  read = hmr_store_get_reentry_ban (f->store, f->caseworker, ID (b), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->end_date, ==, "2027-05-10");
  g_assert_cmpint (read->duration_months, ==, 36);
  g_assert_cmpstr (read->appeal_status, ==, "filed");
  g_assert_cmpstr (read->appeal_date, ==, "2024-06-01");
  g_assert_cmpint (audit_rows (f, "update", "reentry_ban"), ==, 1);

  /* Saving the same again writes nothing */
  g_assert_true (hmr_store_save_reentry_ban (f->store, f->caseworker, read, &error));
  g_assert_cmpint (audit_rows (f, "update", "reentry_ban"), ==, 1);
}

static void
test_ban_refused (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = register_person (f, f->caseworker);
  g_autoptr(HmrReentryBan) ban = court_ban (b);

  /* start, duration and end that disagree */
  ban->duration_months = 60;
  ban->end_date = g_strdup ("10.05.2028");
  g_assert_false (hmr_store_save_reentry_ban (f->store, f->caseworker, ban, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "End of the ban"));
  g_assert_nonnull (strstr (error->message, "10.05.2029"));
  g_clear_error (&error);

  /* a court's number on an administrative ban */
  g_clear_pointer (&ban->end_date, g_free);
  g_free (ban->imposed_by);
  ban->imposed_by = g_strdup ("administrative");
  g_assert_false (hmr_store_save_reentry_ban (f->store, f->caseworker, ban, &error));
  g_assert_nonnull (strstr (error->message, "Court decision"));
  g_clear_error (&error);

  g_free (ban->imposed_by);
  ban->imposed_by = g_strdup ("court");
  g_free (ban->start_date);
  ban->start_date = g_strdup ("31.02.2024");
  g_assert_false (hmr_store_save_reentry_ban (f->store, f->caseworker, ban, &error));
  g_assert_nonnull (strstr (error->message, "Start of the ban"));
  g_clear_error (&error);

  g_free (ban->start_date);
  ban->start_date = g_strdup ("10.05.2024");
  g_assert_false (hmr_store_save_reentry_ban (f->store, f->finance, ban, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (hmr_store_save_reentry_ban (f->store, f->caseworker_panj, ban, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM reentry_ban"), ==, 0);
}

static char *
legal_referral (Fixture        *f,
                HmrBeneficiary *b,
                const char     *service)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrReferral) r = hmr_referral_new ();

  r->beneficiary_id = g_strdup (ID (b));
  r->service_type = g_strdup (service);
  g_assert_true (hmr_store_create_referral (f->store, f->caseworker, r, &error));
  g_assert_no_error (error);
  return g_strdup (r->id);
}

static guint
count_filter (Fixture      *f,
              HmrBanFilter  filter)
{
  g_autoptr(GError) error = NULL;
  HmrBeneficiaryQuery query = { 0 };
  g_autoptr(GArray) ids = NULL;

  query.ban = filter;
  ids = hmr_store_query_beneficiary_ids (f->store, f->caseworker, &query, NULL, &error);
  g_assert_no_error (error);
  return ids->len;
}

static void
test_ban_filters (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) soon = register_person (f, f->caseworker);
  g_autoptr(HmrBeneficiary) later = register_person (f, f->caseworker);
  g_autoptr(HmrReentryBan) ban = court_ban (soon);
  g_autoptr(HmrReentryBan) ban2 = court_ban (later);
  g_autofree char *health = legal_referral (f, soon, "health");
  g_autofree char *legal = NULL;

  /* today is 23.11.2026: one ends in 60 days, the other in three years */
  ban->end_date = g_strdup ("22.01.2027");
  ban2->duration_months = 60;
  g_assert_true (hmr_store_save_reentry_ban (f->store, f->caseworker, ban, &error));
  g_assert_true (hmr_store_save_reentry_ban (f->store, f->caseworker, ban2, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (count_filter (f, HMR_BAN_FILTER_ENDING_SOON), ==, 1);
  g_assert_cmpuint (count_filter (f, HMR_BAN_FILTER_NO_LEGAL_AID), ==, 2);

  /* only a legal-aid referral can be linked */
  ban->legal_referral_id = g_strdup (health);
  g_assert_false (hmr_store_save_reentry_ban (f->store, f->caseworker, ban, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Legal-aid referral: choose a referral of this person for legal aid on the re-entry ban.");
  g_clear_error (&error);

  legal = legal_referral (f, soon, "legal_aid");
  g_free (ban->legal_referral_id);
  ban->legal_referral_id = g_strdup (legal);
  g_assert_true (hmr_store_save_reentry_ban (f->store, f->caseworker, ban, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_filter (f, HMR_BAN_FILTER_NO_LEGAL_AID), ==, 1);

  /* a lifted ban no longer ends soon */
  g_free (ban->appeal_status);
  ban->appeal_status = g_strdup ("lifted");
  g_assert_true (hmr_store_save_reentry_ban (f->store, f->caseworker, ban, &error));
  g_assert_cmpuint (count_filter (f, HMR_BAN_FILTER_ENDING_SOON), ==, 0);
}

/* ---- the trafficking profile ------------------------------------------ */

static void
test_trafficking_by_owner (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = register_person (f, f->caseworker);
  g_autoptr(HmrTraffickingProfile) t = hmr_trafficking_profile_new ();
  g_autoptr(HmrTraffickingProfile) read = NULL;
  g_autoptr(HmrActor) colleague = NULL;

  t->beneficiary_id = g_strdup (ID (b));
  t->status = g_strdup ("actual");
  t->exploitation_type = g_strdup ("forced_labour");
  t->identified_by = g_strdup ("ТҶ «Занони Шарқ»");
  t->recognised_by = g_strdup ("Commission");
  t->recognised_on = g_strdup ("15.02.2025");
  t->recognition_document = g_strdup ("No. 12/2025");
  t->country = g_strdup ("Russia");
  t->duration_months = 14;
  g_assert_true (hmr_store_save_trafficking_profile (f->store, f->caseworker, t, &error));
  g_assert_no_error (error);
  g_assert_cmpint (audit_rows (f, "create", "trafficking_profile"), ==, 1);

  /* a supervisor reads it, and the reading is audited; may not change it */
  read = hmr_store_get_trafficking_profile (f->store, f->supervisor, ID (b), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->recognised_on, ==, "2025-02-15");
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE action = 'view' "
                                        "AND entity = 'trafficking_profile' AND username = 'n.karimova'"), ==, 1);
  g_free (read->status);
  read->status = g_strdup ("possible");
  g_assert_false (hmr_store_save_trafficking_profile (f->store, f->supervisor, read, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);

  /* a colleague of the same office, whose case it is not: refused both ways */
  colleague = hmr_store_create_user (f->store, f->admin, "z.nazarova", "Zarina Nazarova",
                                     HMR_ROLE_CASEWORKER, DUSTI_OFFICE, "Bodom-Gul-2026", &error);
  g_assert_no_error (error);
  g_assert_null (hmr_store_get_trafficking_profile (f->store, colleague, ID (b), &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (hmr_store_may_see_trafficking (f->store, colleague, ID (b)));
  {
    g_autoptr(HmrCaseFile) file = hmr_store_get_case_file (f->store, colleague, ID (b), &error);
    g_assert_no_error (error);
    g_assert_null (file->trafficking);
    g_assert_true (file->trafficking_hidden);
  }
  g_assert_null (hmr_store_get_trafficking_profile (f->store, f->finance, ID (b), &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);

  /* the owner changes it; a recognition needs a recognised victim */
  t->status[0] = '\0';
  g_free (t->status);
  t->status = g_strdup ("possible");
  g_assert_false (hmr_store_save_trafficking_profile (f->store, f->caseworker, t, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Recognised by"));
  g_clear_error (&error);
  g_clear_pointer (&t->recognised_by, g_free);
  g_clear_pointer (&t->recognised_on, g_free);
  g_clear_pointer (&t->recognition_document, g_free);
  g_assert_true (hmr_store_save_trafficking_profile (f->store, f->caseworker, t, &error));
  g_assert_no_error (error);
  g_assert_cmpint (audit_rows (f, "update", "trafficking_profile"), ==, 1);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM trafficking_profile WHERE status = 'possible'"), ==, 1);
}

/* ---- vulnerabilities, risk, consent ----------------------------------- */

static void
test_vulnerabilities (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = register_person (f, f->caseworker);
  const char *flags[] = { "no_income", "sole_earner", NULL };
  const char *unknown[] = { "sole_earner", "lonely", NULL };
  g_autoptr(HmrCaseFile) file = NULL;
  g_autofree char *labels = NULL;

  g_assert_false (hmr_store_set_vulnerabilities (f->store, f->caseworker, ID (b), flags, "high", "  ", &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Reason for the risk level"));
  g_clear_error (&error);
  g_assert_false (hmr_store_set_vulnerabilities (f->store, f->caseworker, ID (b), unknown, "low", NULL, &error));
  g_assert_nonnull (strstr (error->message, "lonely"));
  g_clear_error (&error);
  g_assert_false (hmr_store_set_vulnerabilities (f->store, f->finance, ID (b), flags, "low", NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);

  g_assert_true (hmr_store_set_vulnerabilities (f->store, f->caseworker, ID (b), flags, "high",
                                                "Sole earner of seven, no income since the deportation", &error));
  g_assert_no_error (error);
  file = hmr_store_get_case_file (f->store, f->caseworker, ID (b), &error);
  g_assert_no_error (error);
  /* in the order of the list, each once */
  g_assert_cmpstr (hmr_beneficiary_get (file->beneficiary, HMR_BENEFICIARY_VULNERABILITY_FLAGS), ==,
                   "sole_earner,no_income");
  g_assert_cmpstr (hmr_beneficiary_get (file->beneficiary, HMR_BENEFICIARY_RISK_LEVEL), ==, "high");
  g_assert_cmpstr (file->case_risk, ==, "high");
  g_assert_cmpstr (file->risk_reason, ==, "Sole earner of seven, no income since the deportation");
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE action = 'update' "
                                        "AND entity = 'beneficiary' AND changes LIKE '%risk_reason%'"), ==, 1);
  labels = hmr_code_dup_labels (HMR_CODES_VULNERABILITY, "sole_earner,no_income");
  g_assert_cmpstr (labels, ==, "Sole earner of the family, No income");
}

static void
test_consent_refused (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 people = count_rows (f->path, "SELECT count(*) FROM beneficiary");

  g_assert_true (hmr_store_record_consent_refused (f->store, f->caseworker, "Dusti", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM beneficiary"), ==, people);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE action = 'consent-refused' "
                                        "AND entity_id IS NULL AND changes NOT LIKE '%name%'"), ==, 1);
  g_assert_false (hmr_store_record_consent_refused (f->store, f->finance, "Dusti", &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
}

/* The sheet's cells, as text, one line per row, tab-separated */
static char *
read_back (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  const char *script =
    "import sys, openpyxl\n"
    "ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]\n"
    "for row in ws.iter_rows():\n"
    "    print('\\t'.join('' if c.value is None else str(c.value) for c in row))\n";
  const char *argv[] = { "/usr/bin/python3", "-c", script, path, NULL };

  if (!g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &out, &err, &status, &error))
    g_error ("python3: %s", error->message);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("openpyxl could not read %s: %s", path, err);
  return g_steal_pointer (&out);
}

static void
test_export_has_intake (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = register_person (f, f->caseworker);
  g_autoptr(HmrReentryBan) ban = court_ban (b);
  g_autoptr(HmrMigrationEpisode) e = hmr_migration_episode_new ();
  g_autoptr(HmrTraffickingProfile) t = hmr_trafficking_profile_new ();
  g_autoptr(HmrActor) colleague = NULL;
  g_autofree char *xlsx = g_build_filename (f->dir, "caseload.xlsx", NULL);
  g_autofree char *text = NULL;

  ban->duration_months = 60;
  g_assert_true (hmr_store_save_reentry_ban (f->store, f->caseworker, ban, &error));
  e->beneficiary_id = g_strdup (ID (b));
  e->country = g_strdup ("Russia");
  e->city = g_strdup ("Irkutsk");
  e->sector = g_strdup ("construction");
  g_assert_true (hmr_store_save_migration_episode (f->store, f->caseworker, e, &error));
  t->beneficiary_id = g_strdup (ID (b));
  t->status = g_strdup ("actual");
  t->exploitation_type = g_strdup ("forced_labour");
  g_assert_true (hmr_store_save_trafficking_profile (f->store, f->caseworker, t, &error));
  g_assert_no_error (error);

  g_assert_true (hmr_export_beneficiaries (f->store, f->caseworker, NULL, xlsx, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  text = read_back (xlsx);
  g_assert_nonnull (strstr (text, "Re-entry ban\tImposed by\tCourt decision number"));
  g_assert_nonnull (strstr (text, "Trafficking status\tType of exploitation"));
  g_assert_nonnull (strstr (text, "Court decision\t5-1234/2024"));
  g_assert_nonnull (strstr (text, "Russia\tIrkutsk\tConstruction"));
  g_assert_nonnull (strstr (text, "Recognised victim\tForced labour"));
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE action = 'export' "
                                        "AND changes LIKE '%1 trafficking profiles%'"), ==, 1);

  /* a colleague whose case it is not: the columns, but not the profile */
  g_clear_pointer (&text, g_free);
  colleague = hmr_store_create_user (f->store, f->admin, "z.nazarova", "Zarina Nazarova",
                                     HMR_ROLE_CASEWORKER, DUSTI_OFFICE, "Bodom-Gul-2026", &error);
  g_assert_true (hmr_export_beneficiaries (f->store, colleague, NULL, xlsx, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  text = read_back (xlsx);
  g_assert_nonnull (strstr (text, "Russia\tIrkutsk"));
  g_assert_null (strstr (text, "Recognised victim"));
}

static void
test_places_from_text (void)
{
  g_autofree char *known = hmr_code_from_text (HMR_CODES_CITY, " irkutsk ");
  g_autofree char *typed = hmr_code_from_text (HMR_CODES_CITY, "Bratsk");
  g_autofree char *blank = hmr_code_from_text (HMR_CODES_COUNTRY, "   ");

  g_assert_cmpstr (known, ==, "Irkutsk");
  g_assert_cmpstr (typed, ==, "Bratsk");
  g_assert_null (blank);
  g_assert_cmpstr (hmr_code_get_label (HMR_CODES_SECTOR, "construction"), ==, "Construction");
  g_assert_true (g_strv_contains (hmr_code_list (HMR_CODES_VULNERABILITY), "debt"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store/intake/episode-added-changed-archived-audited", test_episode_written);
  ADD ("/store/intake/episode-refused-without-country-or-by-role", test_episode_refused);
  ADD ("/store/intake/ban-end-or-duration-worked-out", test_ban_end_worked_out);
  ADD ("/store/intake/ban-refused-when-dates-disagree-or-by-role", test_ban_refused);
  ADD ("/store/intake/ban-ending-soon-and-without-legal-aid", test_ban_filters);
  ADD ("/store/intake/trafficking-profile-only-by-owner-read-by-supervisor", test_trafficking_by_owner);
  ADD ("/store/intake/vulnerabilities-and-risk-with-reason", test_vulnerabilities);
  ADD ("/store/intake/consent-refused-records-nothing-about-the-person", test_consent_refused);
  ADD ("/export/beneficiaries/intake-columns-for-the-roles-that-may-read-them", test_export_has_intake);
  g_test_add_func ("/labels/places-chosen-become-codes-typed-stay", test_places_from_text);
  return g_test_run ();
}
