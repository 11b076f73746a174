/* test-audit-words.c — the audit trail shows no raw code, in the language
 * the test runs in (meson runs it in English, Tajik and Russian): records
 * by their case or grant numbers, staff by their names (in Cyrillic on
 * Tajik and Russian screens), amounts as the acts write them, no ids, no
 * field codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-gui-test-util.h"
#include "hmr-audit-page.h"
#include "hmr-grant.h"
#include "hmr-locale.h"
#include "hmr-money.h"
#include "hmr-people.h"

enum { WHEN, WHO, ACTION, RECORD, CHANGES };

static gboolean cyrillic_screen;

static gboolean
starts_cyrillic (const char *text)
{
  gunichar c = g_utf8_get_char (text);
  return c >= 0x0400 && c <= 0x04FF;
}

/* What no person should have to read: an id (eight hex digits with a
 * letter among them, lower case: numbers printed for people are in
 * capitals), a field code (snake_case or dotted), an amount in dirams */
static void
assert_no_raw_code (const char *text,
                    const char *where)
{
  static GRegex *id, *code;

  if (id == NULL)
    {
      id = g_regex_new ("\\b(?=[0-9]{0,7}[a-f])[0-9a-f]{8}", 0, 0, NULL);
      code = g_regex_new ("\\b[a-z][a-z0-9]*([_.][a-z][a-z0-9]*)+\\b", 0, 0, NULL);
    }
  g_test_message ("%s: %s", where, text);
  if (g_regex_match (id, text, 0, NULL))
    g_error ("%s shows an id: “%s”", where, text);
  if (g_regex_match (code, text, 0, NULL))
    g_error ("%s shows a code: “%s”", where, text);
}

static void
test_trail_in_words (HmrGuiFixture *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrActor) latin = NULL;
  g_autoptr(HmrBeneficiary) b = hmr_gui_test_new_beneficiary ("Шарипов", "Умед", "21.03.1990");
  g_autoptr(HmrGrant) g = hmr_grant_new ();
  g_autofree char *amount = hmr_money_format (587400, "TJS", cyrillic_screen ? HMR_MONEY_CYRILLIC
                                                                             : HMR_MONEY_ENGLISH);
  HmrWindow *window;
  HmrAuditPage *page;
  GListModel *model;
  gboolean saw_person = FALSE, saw_grant = FALSE, saw_amount = FALSE, saw_staff = FALSE;
  gboolean saw_office = FALSE;

  /* a person, a grant for them, an account with both spellings that
   * moves to another office (user names with dots would read as codes
   * to the check below, so this one has none) */
  g_assert_true (hmr_store_insert_beneficiary (f->store, f->caseworker, b, &error));
  g_assert_no_error (error);
  g->purpose = g_strdup ("Устохонаи таъмири мошин");
  hmr_grant_add_item (g, "Дастгоҳи кафшергарӣ", 1, "дона", 587400);
  hmr_grant_add_member (g, hmr_beneficiary_get (b, HMR_BENEFICIARY_ID));
  g_assert_true (hmr_store_insert_grant (f->store, f->caseworker, g, &error));
  g_assert_no_error (error);
  latin = hmr_store_create_user (f->store, f->admin, "murodova", "Dilnoza Murodova",
                                 HMR_ROLE_SUPERVISOR, NULL, HMR_TEST_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_true (hmr_store_set_user_cyrillic_name (f->store, f->admin, latin->user_id,
                                                   "Дилноза Муродова", &error));
  g_assert_true (hmr_store_set_user_cyrillic_name (f->store, f->admin, f->admin->user_id,
                                                   "Маъмури Санҷишӣ", &error));
  g_assert_true (hmr_store_update_user (f->store, f->admin, latin->user_id, "Dilnoza Murodova",
                                        HMR_ROLE_CASEWORKER, HMR_TEST_DUSTI_OFFICE, &error));
  g_assert_no_error (error);

  window = hmr_gui_test_open_window (f, latin);
  /* she is a caseworker now: the supervisor reads the trail */
  gtk_window_destroy (GTK_WINDOW (window));
  window = hmr_gui_test_open_window (f, f->supervisor);
  g_assert_true (hmr_window_show_area (window, "audit"));
  hmr_gui_test_flush ();
  page = HMR_AUDIT_PAGE (hmr_gui_test_find_widget (GTK_WIDGET (window), HMR_TYPE_AUDIT_PAGE, NULL));
  g_assert_nonnull (page);
  model = hmr_audit_page_get_model (page);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 10);
  hmr_gui_test_screenshot (GTK_WIDGET (window), "audit-words");

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      const HmrAuditEntry *e = hmr_audit_page_get_entry (page, i);
      g_autofree char *who = hmr_audit_page_dup_row_text (page, i, WHO);
      g_autofree char *action = hmr_audit_page_dup_row_text (page, i, ACTION);
      g_autofree char *record = hmr_audit_page_dup_row_text (page, i, RECORD);
      g_autofree char *changes = hmr_audit_page_dup_row_text (page, i, CHANGES);

      assert_no_raw_code (who, "Who");
      assert_no_raw_code (action, "Action");
      assert_no_raw_code (record, "Record");
      assert_no_raw_code (changes, "What changed");
      if (cyrillic_screen)
        {
          /* every account here has a Cyrillic spelling */
          g_assert_true (starts_cyrillic (who));
          g_assert_true (starts_cyrillic (action));
          g_assert_true (starts_cyrillic (record));
        }

      if (g_strcmp0 (e->entity, "beneficiary") == 0 && g_strcmp0 (e->action, "create") == 0 &&
          g_strcmp0 (e->entity_id, hmr_beneficiary_get (b, HMR_BENEFICIARY_ID)) == 0)
        {
          g_assert_true (g_str_has_suffix (record, hmr_beneficiary_get (b, HMR_BENEFICIARY_CASE_NUMBER)));
          saw_person = TRUE;
        }
      if (g_strcmp0 (e->entity, "grant") == 0 && g_strcmp0 (e->action, "create") == 0)
        {
          g_assert_nonnull (g->number);
          g_assert_true (g_str_has_suffix (record, g->number));
          saw_grant = TRUE;
          saw_amount = strstr (changes, amount) != NULL;
        }
      if (g_strcmp0 (e->user_id, latin->user_id) == 0 || g_strcmp0 (e->entity_id, latin->user_id) == 0)
        {
          const char *name = cyrillic_screen ? "Дилноза Муродова" : "Dilnoza Murodova";

          g_assert_true (g_strcmp0 (who, name) == 0 || strstr (record, name) != NULL);
          saw_staff = TRUE;
        }
      if (g_strcmp0 (e->entity_id, latin->user_id) == 0 && g_strcmp0 (e->action, "update") == 0 &&
          strstr (changes, hmr_district_get_label ("Dusti")) != NULL)
        saw_office = TRUE;
    }
  g_assert_true (saw_person);
  g_assert_true (saw_grant);
  g_assert_true (saw_amount);
  g_assert_true (saw_staff);
  g_assert_true (saw_office);
}

int
main (int   argc,
      char *argv[])
{
  /* meson sets LANGUAGE: en, tg or ru */
  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_MESSAGES");
  g_unsetenv ("LANG");
  g_setenv ("HAMROH_LOCALEDIR", TEST_PODIR, TRUE);
  hmr_setup_i18n ();
  cyrillic_screen = g_strcmp0 (g_getenv ("LANGUAGE"), "en") != 0;
  g_assert_cmpint (hmr_locale_writes_cyrillic (), ==, cyrillic_screen);
  hmr_gui_test_init (&argc, &argv);

  g_test_add ("/gui/audit/trail-in-words", HmrGuiFixture, NULL,
              hmr_gui_fixture_set_up, test_trail_in_words, hmr_gui_fixture_tear_down);

  return g_test_run ();
}
