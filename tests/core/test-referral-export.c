/* test-referral-export.c — the referral workbook read back with openpyxl,
 * and the referral slip read back with pdftotext
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include "hmr-labels.h"
#include "hmr-people.h"
#include "hmr-referral.h"
#include "hmr-referral-slip.h"
#include "hmr-test-util.h"

static void
set_local_now (Fixture *f,
               int      year,
               int      month,
               int      day,
               int      hour)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();

  g_clear_pointer (&f->now, g_date_time_unref);
  f->now = g_date_time_new (tz, year, month, day, hour, 0, 0);
}

static char *
register_person (Fixture        *f,
                 HmrActor       *actor,
                 HmrBeneficiary *b)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hmr_store_insert_beneficiary (f->store, actor, b, &error));
  g_assert_no_error (error);
  return g_strdup (hmr_beneficiary_get (b, HMR_BENEFICIARY_ID));
}

static char *
consenting_person (Fixture    *f,
                   HmrActor   *actor,
                   const char *family,
                   const char *district)
{
  g_autoptr(HmrBeneficiary) b = make_beneficiary (family, "Фаррух", district);

  hmr_beneficiary_set (b, HMR_BENEFICIARY_CONSENT_DATE, "01.06.2025");
  hmr_beneficiary_set_bool (b, HMR_BENEFICIARY_CONSENT_SHARING, TRUE);
  return register_person (f, actor, b);
}

static char *
add_provider (Fixture    *f,
              const char *name,
              const char *services,
              const char *district)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrProvider) p = hmr_provider_new ();

  p->name = g_strdup (name);
  p->service_types = g_strdup (services);
  p->district = g_strdup (district);
  p->address = g_strdup ("Dusti, Somoni street 7");
  p->contact_person = g_strdup ("Zarina Odinaeva");
  p->phone = g_strdup ("+992 3245 2 11 40");
  g_assert_true (hmr_store_save_provider (f->store, f->admin, p, &error));
  g_assert_no_error (error);
  return g_strdup (p->id);
}

static char *
new_referral (Fixture    *f,
              HmrActor   *actor,
              const char *beneficiary_id,
              const char *provider_id,
              const char *service,
              const char *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrReferral) r = hmr_referral_new ();

  r->beneficiary_id = g_strdup (beneficiary_id);
  r->provider_id = g_strdup (provider_id);
  r->service_type = g_strdup (service);
  r->reason = g_strdup (reason);
  g_assert_true (hmr_store_create_referral (f->store, actor, r, &error));
  g_assert_no_error (error);
  return g_strdup (r->id);
}

static void
move (Fixture    *f,
      HmrActor   *actor,
      const char *id,
      const char *to)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hmr_store_move_referral (f->store, actor, id, to, "Noted", &error));
  g_assert_no_error (error);
}

/* ---- Excel ------------------------------------------------------------ */

/* Every sheet: "#NAME", then freeze and filter, then one line per row,
 * cells as type:value separated by tabs */
static char *
read_back (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  const char *script =
    "import sys, openpyxl\n"
    "wb = openpyxl.load_workbook(sys.argv[1])\n"
    "for ws in wb.worksheets:\n"
    "    print('#' + ws.title)\n"
    "    print(ws.freeze_panes, ws.auto_filter.ref)\n"
    "    for row in ws.iter_rows():\n"
    "        print('\\t'.join('%s:%s' % (c.data_type, '' if c.value is None else c.value) for c in row))\n";
  const char *argv[] = { "/usr/bin/python3", "-c", script, path, NULL };

  if (!g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &out, &err, &status, &error))
    g_error ("python3: %s", error->message);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("openpyxl could not read %s: %s", path, err);
  return g_steal_pointer (&out);
}

/* The lines of one sheet, header first */
static GStrv
sheet_lines (const char *text,
             const char *name)
{
  g_auto(GStrv) all = g_strsplit (text, "\n", -1);
  g_autoptr(GStrvBuilder) out = g_strv_builder_new ();
  g_autofree char *marker = g_strdup_printf ("#%s", name);
  gboolean in = FALSE;

  for (guint i = 0; all[i]; i++)
    {
      if (all[i][0] == '#')
        in = g_strcmp0 (all[i], marker) == 0;
      else if (in && all[i][0] != '\0')
        g_strv_builder_add (out, all[i]);
    }
  return g_strv_builder_end (out);
}

static char *
text_cell (const char *value)
{
  return value ? g_strdup_printf ("s:%s", value) : g_strdup ("n:");
}

static char *
date_cell (const char *iso)
{
  return iso ? g_strdup_printf ("d:%.10s 00:00:00", iso) : g_strdup ("n:");
}

typedef struct
{
  const char *id;
  int draft, sent, accepted;   /* days in each, from the history */
} Expected;

/* A small office's March: every referral in a known state, one overdue.
 * The workbook matches the store's board row for row, and the days in
 * each state are those the timeline says. */
static void
test_export_matches_store_row_for_row (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xlsx = g_build_filename (f->dir, "referrals.xlsx", NULL);
  g_autofree char *text = NULL;
  g_autofree char *p_dusti = add_provider (f, "=HYPERLINK(\"http://x\",\"Hamkori\")", "legal_aid,health,employment", "Dusti");
  g_autofree char *p_panj = add_provider (f, "Panj Job Centre", "employment", "Panj");
  g_autofree char *b_dusti = consenting_person (f, f->caseworker, "Раҳимов", "Dusti");
  g_autofree char *b_panj = consenting_person (f, f->caseworker_panj, "@Шарипов", "Panj");
  g_autofree char *r1 = NULL, *r2 = NULL, *r3 = NULL, *r4 = NULL, *r5 = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) summary = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  struct stat st;

  set_local_now (f, 2026, 3, 1, 9);
  r1 = new_referral (f, f->caseworker, b_dusti, p_dusti, "health", "Back pain after construction work");
  r5 = new_referral (f, f->caseworker, b_dusti, p_dusti, "health", "Check-up");
  move (f, f->caseworker, r5, "sent");
  set_local_now (f, 2026, 3, 2, 9);
  r2 = new_referral (f, f->caseworker, b_dusti, p_dusti, "legal_aid", "Appeal the re-entry ban");
  move (f, f->caseworker, r2, "sent");                 /* due 16 March */
  move (f, f->caseworker, r5, "accepted");
  set_local_now (f, 2026, 3, 3, 9);
  move (f, f->caseworker, r1, "sent");
  set_local_now (f, 2026, 3, 4, 9);
  r4 = new_referral (f, f->caseworker_panj, b_panj, p_panj, "employment", "Looking for work");
  move (f, f->caseworker_panj, r4, "sent");
  set_local_now (f, 2026, 3, 6, 9);
  move (f, f->caseworker, r1, "accepted");             /* due 5 April */
  set_local_now (f, 2026, 3, 8, 9);
  move (f, f->caseworker_panj, r4, "rejected");
  set_local_now (f, 2026, 3, 9, 9);
  move (f, f->caseworker, r5, "completed");
  set_local_now (f, 2026, 3, 10, 9);
  r3 = new_referral (f, f->caseworker, b_dusti, p_dusti, "employment", "Wants to work as a driver");
  set_local_now (f, 2026, 3, 20, 10);

  {
    const Expected expected[] = {
      { r1, 2, 3, 14 }, { r2, 0, 18, 0 }, { r3, 10, 0, 0 }, { r4, 0, 4, 0 }, { r5, 0, 1, 7 },
    };

    g_assert_true (hmr_export_referrals (f->store, f->supervisor, NULL, xlsx, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (g_stat (xlsx, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);

    text = read_back (xlsx);
    lines = sheet_lines (text, "Referrals");
    ids = hmr_store_query_referral_ids (f->store, f->supervisor, NULL, NULL, &error);
    rows = hmr_store_load_referral_rows (f->store, f->supervisor, (gint64 *) ids->data, ids->len, &error);
    g_assert_cmpuint (rows->len, ==, 5);
    g_assert_cmpstr (lines[0], ==, "A2 A1:Q6");
    g_assert_true (g_str_has_prefix (lines[1], "s:Case number\ts:Beneficiary\ts:District"));
    g_assert_cmpuint (g_strv_length (lines), ==, 2 + rows->len);

    for (guint i = 0; i < rows->len; i++)
      {
        HmrReferralRow *r = g_ptr_array_index (rows, i);
        g_auto(GStrv) cells = g_strsplit (lines[2 + i], "\t", -1);
        const char *id = hmr_referral_row_get (r, HMR_REFERRAL_ROW_ID);
        const Expected *e = NULL;
        char *want[17];

        for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
          if (g_strcmp0 (expected[k].id, id) == 0)
            e = &expected[k];
        g_assert_nonnull (e);

        want[0] = text_cell (hmr_referral_row_get (r, HMR_REFERRAL_ROW_CASE_NUMBER));
        want[1] = text_cell (hmr_referral_row_get (r, HMR_REFERRAL_ROW_BENEFICIARY_NAME));
        want[2] = text_cell (hmr_district_get_label (hmr_referral_row_get (r, HMR_REFERRAL_ROW_DISTRICT)));
        want[3] = text_cell (hmr_code_get_label (HMR_CODES_SERVICE_TYPE,
                                                 hmr_referral_row_get (r, HMR_REFERRAL_ROW_SERVICE_TYPE)));
        want[4] = text_cell (hmr_referral_row_get (r, HMR_REFERRAL_ROW_PROVIDER_NAME));
        want[5] = text_cell (hmr_referral_row_get (r, HMR_REFERRAL_ROW_CASEWORKER_NAME));
        want[6] = text_cell (hmr_code_get_label (HMR_CODES_REFERRAL_STATUS,
                                                 hmr_referral_row_get (r, HMR_REFERRAL_ROW_STATUS)));
        want[7] = date_cell (hmr_referral_row_get (r, HMR_REFERRAL_ROW_CREATED_ON));
        want[8] = date_cell (hmr_referral_row_get (r, HMR_REFERRAL_ROW_SENT_ON));
        want[9] = date_cell (hmr_referral_row_get (r, HMR_REFERRAL_ROW_DUE_ON));
        want[10] = date_cell (hmr_referral_row_get (r, HMR_REFERRAL_ROW_ANSWERED_ON));
        want[11] = date_cell (hmr_referral_row_get (r, HMR_REFERRAL_ROW_COMPLETED_ON));
        want[12] = g_strdup (hmr_referral_row_get_overdue (r) ? "s:Yes" : "s:No");
        want[13] = g_strdup_printf ("n:%d", hmr_referral_row_get_days_overdue (r));
        want[14] = g_strdup_printf ("n:%d", e->draft);
        want[15] = g_strdup_printf ("n:%d", e->sent);
        want[16] = g_strdup_printf ("n:%d", e->accepted);

        g_assert_cmpuint (g_strv_length (cells), ==, G_N_ELEMENTS (want));
        for (guint c = 0; c < G_N_ELEMENTS (want); c++)
          {
            if (g_strcmp0 (cells[c], want[c]) != 0)
              g_error ("row %u (%s), column %u: %s, expected %s", i + 2, id, c + 1, cells[c], want[c]);
            g_free (want[c]);
          }
      }

    /* the overdue one leads; a provider name that looks like a formula stays text */
    g_assert_true (g_str_has_prefix (lines[2], "s:DST-2026-00001\ts:Раҳимов Фаррух\t"));
    g_assert_nonnull (strstr (lines[2], "\ts:Yes\tn:4\tn:0\tn:18\tn:0"));
    g_assert_nonnull (strstr (lines[2], "\ts:=HYPERLINK(\"http://x\",\"Hamkori\")\t"));
    g_assert_nonnull (strstr (lines[2], "\td:2026-03-02 00:00:00\td:2026-03-16 00:00:00\t"));
  }

  /* the summary: per district and service, counts per status */
  summary = sheet_lines (text, "Summary");
  {
    const char *d = hmr_district_get_label ("Dusti");
    const char *p = hmr_district_get_label ("Panj");
    const char *job = hmr_code_get_label (HMR_CODES_SERVICE_TYPE, "employment");
    const char *health = hmr_code_get_label (HMR_CODES_SERVICE_TYPE, "health");
    const char *legal = hmr_code_get_label (HMR_CODES_SERVICE_TYPE, "legal_aid");
    /* draft sent accepted rejected no_response completed revoked overdue total */
    g_autofree char *l1 = g_strdup_printf ("s:%s\ts:%s\tn:1\tn:0\tn:0\tn:0\tn:0\tn:0\tn:0\tn:0\tn:1", d, job);
    g_autofree char *l2 = g_strdup_printf ("s:%s\ts:%s\tn:0\tn:0\tn:1\tn:0\tn:0\tn:1\tn:0\tn:0\tn:2", d, health);
    g_autofree char *l3 = g_strdup_printf ("s:%s\ts:%s\tn:0\tn:1\tn:0\tn:0\tn:0\tn:0\tn:0\tn:1\tn:1", d, legal);
    g_autofree char *l4 = g_strdup_printf ("s:%s\ts:%s\tn:0\tn:0\tn:0\tn:1\tn:0\tn:0\tn:0\tn:0\tn:1", p, job);

    /* four rows, a blank one, the total outside the autofilter */
    g_assert_cmpuint (g_strv_length (summary), ==, 2 + 6);
    g_assert_cmpstr (summary[0], ==, "A2 A1:K5");
    g_assert_true (g_str_has_prefix (summary[1], "s:District\ts:Service\ts:Draft\ts:Sent"));
    g_assert_cmpstr (summary[2], ==, l1);
    g_assert_cmpstr (summary[3], ==, l2);
    g_assert_cmpstr (summary[4], ==, l3);
    g_assert_cmpstr (summary[5], ==, l4);
    g_assert_cmpstr (summary[7], ==, "s:All districts\ts:All services\tn:1\tn:1\tn:1\tn:1\tn:0\tn:1\tn:0\tn:1\tn:5");
  }
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE action = 'export' "
                                        "AND entity = 'referral' AND username = 'n.karimova'"), ==, 1);
}

static void
test_export_caseworker_own_office (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xlsx = g_build_filename (f->dir, "mine.xlsx", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *p = add_provider (f, "Hamkori", "legal_aid", "Dusti");
  g_autofree char *b1 = consenting_person (f, f->caseworker, "Раҳимов", "Dusti");
  g_autofree char *b2 = consenting_person (f, f->caseworker_panj, "Шарипов", "Panj");
  g_autofree char *r1 = new_referral (f, f->caseworker, b1, p, "legal_aid", "Ban");
  g_autofree char *r2 = new_referral (f, f->caseworker_panj, b2, p, "legal_aid", "Ban");

  g_assert_true (hmr_export_referrals (f->store, f->caseworker_panj, NULL, xlsx, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  text = read_back (xlsx);
  lines = sheet_lines (text, "Referrals");
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[2], "s:PNJ-2026-00001\ts:Шарипов Фаррух\t"));
}

static void
test_export_refused_for_finance (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xlsx = g_build_filename (f->dir, "refused.xlsx", NULL);

  g_assert_false (hmr_export_referrals (f->store, f->finance, NULL, xlsx, NULL, NULL, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE action = 'export'"), ==, 0);
}

/* ---- the slip --------------------------------------------------------- */

static char *
pdf_text (const char *pdf,
          const char *tool)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *program = g_find_program_in_path (tool);
  int status = 0;
  const char *argv[] = { program, pdf, "-", NULL };

  if (program == NULL)
    return NULL;
  if (g_strcmp0 (tool, "pdfinfo") == 0)
    argv[2] = NULL;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &out, &err, &status, &error))
    g_error ("%s: %s", tool, error->message);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s could not read %s: %s", tool, pdf, err);
  return g_steal_pointer (&out);
}

/* The words of @text separated by single spaces */
static char *
flatten (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n\t\f", -1);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  for (guint w = 0; words[w]; w++)
    if (words[w][0] != '\0')
      g_strv_builder_add (kept, words[w]);
  list = g_strv_builder_end (kept);
  return g_strjoinv (" ", list);
}

/* A recognised victim of trafficking with a health problem, who did not
 * consent to sharing; a supervisor sent the referral anyway. */
static char *
sensitive_referral (Fixture  *f,
                    gboolean  consents)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = make_beneficiary ("Раҳимов", "Фаррух", "Dusti");
  g_autofree char *person = NULL;
  g_autofree char *provider = add_provider (f, "Legal Aid Centre Dusti", "legal_aid", "Dusti");
  g_autofree char *sql = NULL;
  char *id;

  hmr_beneficiary_set (b, HMR_BENEFICIARY_PATRONYMIC, "Шарифович");
  hmr_beneficiary_set (b, HMR_BENEFICIARY_FAMILY_NAME_LATIN, "Rakhimov");
  hmr_beneficiary_set (b, HMR_BENEFICIARY_GIVEN_NAME_LATIN, "Farrukh");
  hmr_beneficiary_set (b, HMR_BENEFICIARY_PATRONYMIC_LATIN, "Sharifovich");
  hmr_beneficiary_set (b, HMR_BENEFICIARY_PHONE, "+992 93 555 1234");
  hmr_beneficiary_set (b, HMR_BENEFICIARY_CATEGORY, "trafficking_victim");
  hmr_beneficiary_set (b, HMR_BENEFICIARY_HEALTH_PROBLEMS, "Гепатит C, hepatitis treatment");
  hmr_beneficiary_set (b, HMR_BENEFICIARY_VULNERABILITY_FLAGS, "debt bondage");
  if (consents)
    {
      hmr_beneficiary_set (b, HMR_BENEFICIARY_CONSENT_DATE, "01.06.2025");
      hmr_beneficiary_set_bool (b, HMR_BENEFICIARY_CONSENT_SHARING, TRUE);
    }
  person = register_person (f, f->caseworker, b);
  sql = g_strdup_printf ("INSERT INTO trafficking_profile (id, office_id, beneficiary_id, status, "
                         "exploitation_type, identified_by, country, created_at, updated_at) VALUES "
                         "('t1', '%s', '%s', 'actual', 'sexual_exploitation', 'NGO Madina', 'UAE', "
                         "'2026-01-01', '2026-01-01')", DUSTI_OFFICE, person);
  exec_sql (f->path, sql);

  set_local_now (f, 2026, 1, 25, 11);
  id = new_referral (f, f->caseworker, person, provider, "legal_aid", "Appeal the re-entry ban decision");
  g_assert_true (hmr_store_send_referral (f->store, f->supervisor, id,
                                          consents ? NULL : "Court date next week", &error));
  g_assert_no_error (error);
  return id;
}

static void
test_slip_holds_what_the_provider_needs (Fixture       *f,
                                         gconstpointer  data)
{
  g_autofree char *id = sensitive_referral (f, FALSE);
  const struct { const char *lang, *title, *service, *label; } langs[] = {
    { "tg", "Роҳхат барои гирифтани хизматрасонӣ", "Кӯмаки ҳуқуқӣ оид ба манъи вуруд", "Рақами парванда" },
    { "ru", "Направление на получение услуг", "Юридическая помощь по запрету на въезд", "Номер дела" },
    { "en", "Referral for services", "Legal aid on the re-entry ban", "Case number" },
  };
  const char *must[] = {
    "Раҳимов Фаррух Шарифович", "Rakhimov Farrukh Sharifovich", "DST-2026-00001",
    "Appeal the re-entry ban decision", "Legal Aid Centre Dusti", "Somoni street 7",
    "Zarina Odinaeva", "Dusti district office", "Malika Rahimova",
    "25.01.2026", "08.02.2026",
  };
  const char *never[] = {
    "Гепатит", "hepatitis", "Madina", "UAE", "exploitation", "debt", "bondage",
    "555", "trafficking", "Court date",
  };

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("slip-%s.pdf", langs[i].lang);
      g_autofree char *pdf = g_build_filename (f->dir, name, NULL);
      g_autofree char *text = NULL;
      g_autofree char *info = NULL;
      g_autofree char *flat = NULL;
      g_autofree char *sql = NULL;
      struct stat st;

      g_assert_true (hmr_referral_slip_write_pdf (f->store, f->caseworker, id, langs[i].lang, pdf, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (pdf, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);

      text = pdf_text (pdf, "pdftotext");
      if (text == NULL)
        {
          g_test_skip ("pdftotext (poppler-utils) is not installed");
          return;
        }
      /* lines may wrap anywhere: compare with single spaces */
      flat = flatten (text);
      g_assert_nonnull (strstr (flat, langs[i].title));
      g_assert_nonnull (strstr (flat, langs[i].service));
      g_assert_nonnull (strstr (flat, langs[i].label));
      for (guint k = 0; k < G_N_ELEMENTS (must); k++)
        if (strstr (flat, must[k]) == NULL)
          g_error ("the %s slip lacks “%s”:\n%s", langs[i].lang, must[k], text);
      for (guint k = 0; k < G_N_ELEMENTS (never); k++)
        if (strstr (flat, never[k]) != NULL)
          g_error ("the %s slip shows “%s”:\n%s", langs[i].lang, never[k], text);

      info = pdf_text (pdf, "pdfinfo");
      g_assert_true (g_regex_match_simple ("^Pages:\\s+1$", info, G_REGEX_MULTILINE, 0));
      g_assert_true (g_regex_match_simple ("^Page size:\\s+595.276 x 841.89 pts \\(A4\\)$", info,
                                           G_REGEX_MULTILINE, 0));

      sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE action = 'print' AND entity = 'referral' "
                             "AND entity_id = '%s' AND username = 'm.rahimova' AND changes LIKE '%%language %s%%'",
                             id, langs[i].lang);
      g_assert_cmpint (count_rows (f->path, sql), ==, 1);
    }
}

/* A slip in Tajik or Russian names the caseworker in Cyrillic where the
 * account has that spelling; in English, as the passport does */
static void
test_slip_names_caseworker_in_its_language (Fixture       *f,
                                            gconstpointer  data)
{
  g_autofree char *id = sensitive_referral (f, TRUE);
  const struct { const char *lang, *name; } langs[] = {
    { "tg", "Малика Раҳимова" }, { "ru", "Малика Раҳимова" }, { "en", "Malika Rahimova" },
  };
  g_autoptr(GError) error = NULL;

  g_assert_true (hmr_store_set_user_cyrillic_name (f->store, f->admin, f->caseworker->user_id,
                                                   "Малика Раҳимова", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autofree char *name = g_strdup_printf ("named-%s.pdf", langs[i].lang);
      g_autofree char *pdf = g_build_filename (f->dir, name, NULL);
      g_autofree char *text = NULL;
      g_autofree char *flat = NULL;

      g_assert_true (hmr_referral_slip_write_pdf (f->store, f->caseworker, id, langs[i].lang, pdf, &error));
      g_assert_no_error (error);
      text = pdf_text (pdf, "pdftotext");
      if (text == NULL)
        {
          g_test_skip ("pdftotext (poppler-utils) is not installed");
          return;
        }
      flat = flatten (text);
      if (strstr (flat, langs[i].name) == NULL)
        g_error ("the %s slip does not name “%s”:\n%s", langs[i].lang, langs[i].name, text);
    }
}

static void
test_slip_phone_only_with_consent (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = sensitive_referral (f, TRUE);
  g_autofree char *pdf = g_build_filename (f->dir, "slip.pdf", NULL);
  g_autofree char *text = NULL;

  g_assert_true (hmr_referral_slip_write_pdf (f->store, f->supervisor, id, "ru", pdf, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf, "pdftotext");
  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  g_assert_nonnull (strstr (text, "555 1234"));
  g_assert_null (strstr (text, "Гепатит"));
}

static void
test_slip_refused (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *id = sensitive_referral (f, TRUE);
  g_autofree char *pdf = g_build_filename (f->dir, "refused.pdf", NULL);
  g_autofree char *provider = add_provider (f, "Job Centre", "employment", "Dusti");
  g_autofree char *person = consenting_person (f, f->caseworker, "Каримов", "Dusti");
  g_autofree char *draft = new_referral (f, f->caseworker, person, provider, "employment", "Work");
  const struct { HmrActor *actor; const char *id, *lang; int code; } cases[] = {
    { f->finance, id, "tg", HMR_STORE_ERROR_DENIED },
    { f->admin, id, "tg", HMR_STORE_ERROR_DENIED },
    { f->caseworker_panj, id, "tg", HMR_STORE_ERROR_DENIED },
    { f->caseworker, draft, "tg", HMR_STORE_ERROR_INVALID },
    { f->caseworker, id, "fr", HMR_STORE_ERROR_INVALID },
    { f->caseworker, "no-such-referral", "tg", HMR_STORE_ERROR_NOT_FOUND },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (hmr_referral_slip_write_pdf (f->store, cases[i].actor, cases[i].id, cases[i].lang,
                                                   pdf, &error));
      g_assert_error (error, HMR_STORE_ERROR, cases[i].code);
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    }
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE action = 'print'"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("TZ", "Asia/Dushanbe", TRUE);
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/referral/export/matches-the-store-row-for-row", test_export_matches_store_row_for_row);
  ADD ("/referral/export/caseworker-exports-own-office", test_export_caseworker_own_office);
  ADD ("/referral/export/refused-for-finance", test_export_refused_for_finance);
  ADD ("/referral/slip/holds-what-the-provider-needs-and-nothing-sensitive", test_slip_holds_what_the_provider_needs);
  ADD ("/referral/slip/phone-only-with-consent", test_slip_phone_only_with_consent);
  ADD ("/referral/slip/names-caseworker-in-its-language", test_slip_names_caseworker_in_its_language);
  ADD ("/referral/slip/refused-and-leaves-nothing", test_slip_refused);
#undef ADD
  return g_test_run ();
}
