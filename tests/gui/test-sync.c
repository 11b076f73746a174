/* test-sync.c — the Sync area: HQ receives an office's bundle and sends
 * back, a refused bundle says why, a supervisor restores a conflict and
 * the restored value reaches the office, an administrator enrols an office
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "hmr-gui-test-util.h"
#include "hmr-sync-page.h"
#include "hmr-today-page.h"
#include "hmr-sync.h"

typedef struct
{
  HmrGuiFixture  f;
  HmrStore      *office;
  char          *office_path;
  char          *mail;
} SyncFixture;

static void
sync_set_up (SyncFixture   *s,
             gconstpointer  data)
{
  hmr_gui_fixture_set_up (&s->f, data);
  s->mail = g_build_filename (s->f.dir, "usb-stick", NULL);
  g_mkdir (s->mail, 0700);
}

static void
sync_tear_down (SyncFixture   *s,
                gconstpointer  data)
{
  g_clear_object (&s->office);
  g_free (s->office_path);
  g_free (s->mail);
  hmr_gui_fixture_tear_down (&s->f, data);
}

/* HQ (the fixture's database) enrols an office; the office's laptop is
 * set up from the file */
static void
enrol_office (SyncFixture *s,
              const char  *code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (s->f.dir, "enrolment", NULL);

  g_assert_true (hmr_store_sync_create_enrolment (s->f.store, s->f.admin, code, file, NULL, &error));
  g_assert_no_error (error);
  s->office_path = g_strdup_printf ("%s/%s.sqlite3", s->f.dir, code);
  s->office = hmr_store_open (s->office_path, &error);
  g_assert_no_error (error);
  g_assert_true (hmr_store_sync_enrol (s->office, file, &error));
  g_assert_no_error (error);
  g_unlink (file);
}

static void
empty_folder (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
}

static void
office_sends (SyncFixture *s)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sent = hmr_store_sync_send (s->office, s->f.admin, s->mail, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (sent->len, ==, 1);
}

static void
office_receives (SyncFixture *s)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) received = hmr_store_sync_receive_dir (s->office, s->f.admin, s->mail, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (received->len, >=, 1);
  for (guint i = 0; i < received->len; i++)
    g_assert_cmpint (((HmrSyncReceived *) g_ptr_array_index (received, i))->outcome, ==, HMR_BUNDLE_APPLIED);
  empty_folder (s->mail);
}

static gboolean
page_idle (gpointer data)
{
  return !hmr_sync_page_get_busy (HMR_SYNC_PAGE (data));
}

static HmrSyncPage *
open_sync_area (SyncFixture    *s,
                const HmrActor *actor,
                HmrWindow     **window_out)
{
  HmrWindow *window = hmr_gui_test_open_window (&s->f, actor);
  GtkWidget *page;

  g_assert_true (hmr_window_show_area (window, "sync"));
  hmr_gui_test_flush ();
  page = hmr_gui_test_find_widget (GTK_WIDGET (window), HMR_TYPE_SYNC_PAGE, NULL);
  g_assert_nonnull (page);
  if (window_out)
    *window_out = window;
  return HMR_SYNC_PAGE (page);
}

static char *
result_line (HmrSyncPage *page,
             guint        position)
{
  GListModel *lines = hmr_sync_page_get_result_lines (page);

  g_assert_cmpuint (g_list_model_get_n_items (lines), >, position);
  return g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (lines), position));
}

static char *
village_of (HmrStore       *store,
            const HmrActor *actor,
            const char     *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = hmr_store_get_beneficiary (store, actor, id, &error);

  g_assert_no_error (error);
  return g_strdup (hmr_beneficiary_get (b, HMR_BENEFICIARY_VILLAGE));
}

static void
set_village (HmrStore       *store,
             const HmrActor *actor,
             const char     *id,
             const char     *village)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = hmr_store_get_beneficiary (store, actor, id, &error);

  g_assert_no_error (error);
  hmr_beneficiary_set (b, HMR_BENEFICIARY_VILLAGE, village);
  g_assert_true (hmr_store_update_beneficiary (store, actor, b, &error));
  g_assert_no_error (error);
}

static char *
register_at (HmrStore       *store,
             const HmrActor *actor)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = hmr_gui_test_new_beneficiary ("Раҳимов", "Алишер", "21.03.1990");

  hmr_beneficiary_set (b, HMR_BENEFICIARY_DISTRICT, "Dusti");
  g_assert_true (hmr_store_insert_beneficiary (store, actor, b, &error));
  g_assert_no_error (error);
  return g_strdup (hmr_beneficiary_get (b, HMR_BENEFICIARY_ID));
}

static void
test_hq_receives_and_sends_back (SyncFixture   *s,
                                 gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autofree char *line = NULL;
  g_autofree char *folder = NULL;
  HmrSyncPage *page;
  HmrWindow *window;

  enrol_office (s, "DST");
  /* A caseworker registers a person at the office, which sends */
  id = register_at (s->office, s->f.caseworker);
  office_sends (s);

  /* At HQ the administrator receives from the USB stick */
  page = open_sync_area (s, s->f.admin, &window);
  g_assert_true (hmr_sync_page_receive_from (page, s->mail));
  g_assert_true (hmr_sync_page_get_busy (page));
  g_assert_true (hmr_gui_test_wait_until (page_idle, page, 30000));
  line = result_line (page, 0);
  g_assert_true (g_str_has_prefix (line, "Dusti office: "));
  g_assert_true (g_str_has_suffix (line, ", 0 conflicts"));
  g_assert_cmpuint (hmr_gui_test_count_rows (s->f.store, s->f.supervisor, FALSE), ==, 1);
  /* The exchange is listed, and the folder remembered for next time */
  g_assert_nonnull (hmr_gui_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "Dusti office"));
  folder = hmr_sync_page_dup_folder (page);
  g_assert_cmpstr (folder, ==, s->mail);
  hmr_gui_test_screenshot (GTK_WIDGET (window), "sync-received");
  empty_folder (s->mail);

  /* HQ sends back; the office receives */
  g_assert_true (hmr_sync_page_send_to (page, s->mail));
  g_assert_true (hmr_gui_test_wait_until (page_idle, page, 30000));
  g_free (line);
  line = result_line (page, 0);
  g_assert_true (g_str_has_prefix (line, "Sent to Dusti office: "));
  office_receives (s);
}

static void
test_refused_bundle_says_why (SyncFixture   *s,
                              gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *bundle = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  const char *name;
  HmrSyncPage *page;

  enrol_office (s, "DST");
  g_free (register_at (s->office, s->f.caseworker));
  office_sends (s);

  /* Someone changed the bundle on its way */
  dir = g_dir_open (s->mail, 0, &error);
  g_assert_no_error (error);
  name = g_dir_read_name (dir);
  g_assert_nonnull (name);
  bundle = g_build_filename (s->mail, name, NULL);
  g_assert_true (g_file_get_contents (bundle, &contents, &length, &error));
  contents[length - 10] ^= 0x55;
  g_assert_true (g_file_set_contents (bundle, contents, length, &error));

  page = open_sync_area (s, s->f.supervisor, NULL);
  g_assert_true (hmr_sync_page_receive_from (page, s->mail));
  g_assert_true (hmr_gui_test_wait_until (page_idle, page, 30000));
  line = result_line (page, 0);
  g_assert_true (g_str_has_prefix (line, "Refused: "));
  g_assert_nonnull (strstr (line, name));
  /* Nothing of it applied */
  g_assert_cmpuint (hmr_gui_test_count_rows (s->f.store, s->f.supervisor, FALSE), ==, 0);
}

static GtkWidget *
find_badge (GtkWidget *root)
{
  if (GTK_IS_LABEL (root) && gtk_widget_has_css_class (root, "area-badge"))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_badge (child);
      if (found)
        return found;
    }
  return NULL;
}

static gboolean
hidden (gpointer data)
{
  return !gtk_widget_get_visible (GTK_WIDGET (data));
}

static gboolean
today_loaded (gpointer data)
{
  return !hmr_today_page_is_loading (HMR_TODAY_PAGE (data));
}

static void
test_supervisor_restores_a_conflict (SyncFixture   *s,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *id = NULL;
  g_autofree char *village = NULL;
  g_autofree char *title = NULL;
  HmrSyncConflict *c;
  HmrSyncPage *page;
  HmrWindow *window;
  GtkWidget *badge;

  enrol_office (s, "DST");
  id = register_at (s->office, s->f.caseworker);
  office_sends (s);
  {
    g_autoptr(GPtrArray) r = hmr_store_sync_receive_dir (s->f.store, s->f.admin, s->mail, &error);
    g_assert_no_error (error);
  }
  empty_folder (s->mail);

  /* The caseworker at the office, then the supervisor at HQ, change the
   * same village; the office's bundle arrives at HQ */
  set_village (s->office, s->f.caseworker, id, "Гулистон");
  g_usleep (2000);
  set_village (s->f.store, s->f.supervisor, id, "Навобод");
  office_sends (s);

  window = hmr_gui_test_open_window (&s->f, s->f.supervisor);
  badge = find_badge (GTK_WIDGET (window));
  g_assert_nonnull (badge);
  g_assert_false (gtk_widget_get_visible (badge));
  g_assert_true (hmr_window_show_area (window, "sync"));
  hmr_gui_test_flush ();
  page = HMR_SYNC_PAGE (hmr_gui_test_find_widget (GTK_WIDGET (window), HMR_TYPE_SYNC_PAGE, NULL));
  g_assert_true (hmr_sync_page_receive_from (page, s->mail));
  g_assert_true (hmr_gui_test_wait_until (page_idle, page, 30000));
  g_assert_true (g_str_has_suffix (gtk_string_list_get_string (GTK_STRING_LIST (hmr_sync_page_get_result_lines (page)), 0),
                                   ", 1 conflict"));
  hmr_gui_test_flush ();

  /* The badge says one waits; the row names the person and the field */
  g_assert_true (gtk_widget_get_visible (badge));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (badge)), ==, "1");
  conflicts = hmr_store_sync_list_conflicts (s->f.store, s->f.supervisor, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  c = g_ptr_array_index (conflicts, 0);
  {
    g_autoptr(HmrBeneficiary) b = hmr_store_get_beneficiary (s->f.store, s->f.supervisor, id, &error);
    title = g_strdup_printf ("Раҳимов Алишер (%s) — Village", hmr_beneficiary_get (b, HMR_BENEFICIARY_CASE_NUMBER));
  }
  g_assert_nonnull (hmr_gui_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, title));
  hmr_gui_test_screenshot (GTK_WIDGET (window), "sync-conflict");

  /* Today says so too, and leads to the Sync area */
  {
    GtkWidget *today;
    GtkWidget *line;

    g_assert_true (hmr_window_show_area (window, "today"));
    hmr_gui_test_flush ();
    today = hmr_gui_test_find_widget (GTK_WIDGET (window), HMR_TYPE_TODAY_PAGE, NULL);
    g_assert_nonnull (today);
    g_assert_true (hmr_gui_test_wait_until (today_loaded, today, 30000));
    line = hmr_gui_test_find_label (today, "1 sync conflict waits for your review");
    g_assert_nonnull (line);
    g_assert_true (gtk_widget_activate_action (line, "win.show-area", "s", "sync"));
    hmr_gui_test_flush ();
  }

  /* One click restores the other value */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sync.resolve", "(sb)", c->id, TRUE));
  village = village_of (s->f.store, s->f.supervisor, id);
  g_assert_cmpstr (village, ==, "Гулистон");
  g_assert_true (hmr_gui_test_wait_until (hidden, badge, 5000));
  g_assert_null (hmr_gui_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, title));

  /* and it travels back to the office */
  empty_folder (s->mail);
  g_assert_true (hmr_sync_page_send_to (page, s->mail));
  g_assert_true (hmr_gui_test_wait_until (page_idle, page, 30000));
  office_receives (s);
  g_free (village);
  village = village_of (s->office, s->f.caseworker, id);
  g_assert_cmpstr (village, ==, "Гулистон");

  /* The office met the same two edits on its side; its supervisor sees
   * that the value set aside is in force again, and only closes it */
  {
    HmrWindow *there = hmr_window_new (s->f.app, s->office, s->f.supervisor);
    GtkWidget *row;

    gtk_window_present (GTK_WINDOW (there));
    hmr_gui_test_flush ();
    g_assert_true (hmr_window_show_area (there, "sync"));
    hmr_gui_test_flush ();
    row = hmr_gui_test_find_widget (GTK_WIDGET (there), ADW_TYPE_ACTION_ROW, title);
    g_assert_nonnull (row);
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "restored elsewhere"));
    g_assert_null (hmr_gui_test_find_label (row, "Restore Other"));
    g_assert_nonnull (hmr_gui_test_find_label (row, "Keep"));
  }
}

static void
test_admin_enrols_an_office (SyncFixture   *s,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (s->mail, "hamroh-enrolment-DST.hamroh", NULL);
  g_autofree char *id = NULL;
  g_autofree char *line = NULL;
  HmrSyncPage *page;
  HmrWindow *window;

  /* A database on its own: the administrator makes it HQ by enrolling */
  g_assert_cmpint (hmr_store_sync_get_role (s->f.store), ==, HMR_INSTALLATION_NONE);
  page = open_sync_area (s, s->f.admin, &window);
  g_assert_nonnull (hmr_gui_test_find_widget (GTK_WIDGET (page), ADW_TYPE_COMBO_ROW, "Office"));
  hmr_gui_test_screenshot (GTK_WIDGET (window), "sync-enrol");
  g_assert_true (hmr_sync_page_create_enrolment (page, "DST", s->mail));
  g_assert_true (hmr_gui_test_wait_until (page_idle, page, 30000));
  line = result_line (page, 0);
  g_assert_true (g_str_has_prefix (line, "Enrolment file written: "));
  g_assert_true (g_file_test (file, G_FILE_TEST_EXISTS));
  g_assert_cmpint (hmr_store_sync_get_role (s->f.store), ==, HMR_INSTALLATION_HQ);

  /* The office laptop is set up from the file and introduces itself */
  s->office_path = g_build_filename (s->f.dir, "DST.sqlite3", NULL);
  s->office = hmr_store_open (s->office_path, &error);
  g_assert_no_error (error);
  g_assert_true (hmr_store_sync_enrol (s->office, file, &error));
  g_assert_no_error (error);
  g_unlink (file);
  office_sends (s);
  g_assert_true (hmr_sync_page_receive_from (page, s->mail));
  g_assert_true (hmr_gui_test_wait_until (page_idle, page, 30000));
  empty_folder (s->mail);

  /* What the window's own connection writes after HQ was made in a thread
   * still travels to the office */
  id = register_at (s->f.store, s->f.supervisor);
  g_assert_true (hmr_sync_page_send_to (page, s->mail));
  g_assert_true (hmr_gui_test_wait_until (page_idle, page, 30000));
  office_receives (s);
  g_assert_cmpuint (hmr_gui_test_count_rows (s->office, s->f.caseworker, FALSE), ==, 1);
}

static gboolean
received_and_sent (gpointer data)
{
  HmrSyncPage *page = data;

  return !hmr_sync_page_get_busy (page) && g_list_model_get_n_items (hmr_sync_page_get_result_lines (page)) >= 2;
}

/* Any widget of @type under @root, shown or not */
static GtkWidget *
find_built (GtkWidget *root,
            GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_built (child, type);
      if (found)
        return found;
    }
  return NULL;
}

/* With the setting on, the Sync area is built with the window and, every
 * few minutes, receives from the remembered folder and then sends */
static void
test_automatic_receives_then_sends (SyncFixture   *s,
                                    gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *id = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  HmrSyncPage *page;
  HmrWindow *window;

  enrol_office (s, "DST");
  g_settings_set_boolean (settings, "sync-automatic", TRUE);
  window = hmr_gui_test_open_window (&s->f, s->f.admin);
  /* Built at once, though the administrator looks at another area */
  g_assert_nonnull (find_built (GTK_WIDGET (window), HMR_TYPE_SYNC_PAGE));
  g_assert_true (hmr_window_show_area (window, "sync"));
  hmr_gui_test_flush ();
  page = HMR_SYNC_PAGE (hmr_gui_test_find_widget (GTK_WIDGET (window), HMR_TYPE_SYNC_PAGE, NULL));
  g_assert_true (hmr_sync_page_get_automatic (page));

  /* No folder chosen yet: nothing to run through */
  g_assert_false (hmr_sync_page_run_automatic (page));
  g_assert_true (hmr_sync_page_send_to (page, s->mail));
  g_assert_true (hmr_gui_test_wait_until (page_idle, page, 30000));

  id = register_at (s->office, s->f.caseworker);
  office_sends (s);
  g_assert_true (hmr_sync_page_run_automatic (page));
  g_assert_true (hmr_gui_test_wait_until (received_and_sent, page, 60000));
  first = result_line (page, 0);
  second = result_line (page, 1);
  g_assert_true (g_str_has_prefix (first, "Dusti office: "));
  g_assert_true (g_str_has_prefix (second, "Sent to Dusti office: "));
  g_assert_cmpuint (hmr_gui_test_count_rows (s->f.store, s->f.supervisor, FALSE), ==, 1);

  /* Turned off, the timer stops */
  g_settings_set_boolean (settings, "sync-automatic", FALSE);
  g_assert_false (hmr_sync_page_get_automatic (page));
}

/* The window closed while a receive goes on: the run ends quietly, and
 * what it applied stays applied or not at all */
static void
test_window_closed_during_a_run (SyncFixture   *s,
                                 gconstpointer  data)
{
  HmrSyncPage *page;
  HmrWindow *window;

  enrol_office (s, "DST");
  g_free (register_at (s->office, s->f.caseworker));
  office_sends (s);
  page = open_sync_area (s, s->f.admin, &window);
  g_assert_true (hmr_sync_page_receive_from (page, s->mail));
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_true (hmr_gui_test_wait_background_work (&s->f, 30000));
  hmr_gui_test_flush ();
  g_assert_cmpuint (hmr_gui_test_count_rows (s->f.store, s->f.supervisor, FALSE), <=, 1);
}

static GDateTime *
ten_days_ago (gpointer data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_add (now, -10 * G_TIME_SPAN_DAY - G_TIME_SPAN_HOUR);
}

/* At HQ, an office from which nothing came for days stands out */
static void
test_silent_office_stands_out (SyncFixture   *s,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  HmrSyncPage *page;
  GtkWidget *row;

  enrol_office (s, "DST");
  office_sends (s);
  hmr_store_set_clock (s->f.store, ten_days_ago, NULL);
  {
    g_autoptr(GPtrArray) r = hmr_store_sync_receive_dir (s->f.store, s->f.admin, s->mail, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (r->len, ==, 1);
  }
  hmr_store_set_clock (s->f.store, NULL, NULL);

  page = open_sync_area (s, s->f.admin, NULL);
  row = hmr_gui_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW,
                                  "Dusti office — nothing received for 10 days");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (row, "warning"));
}

static gboolean
login_idle (gpointer data)
{
  return !hmr_login_window_get_busy (HMR_LOGIN_WINDOW (data));
}

static void
on_logged_in (HmrLoginWindow *login,
              HmrActor       *actor,
              HmrActor      **out)
{
  *out = hmr_actor_copy (actor);
}

static gboolean
has_actor (gpointer data)
{
  return *(HmrActor **) data != NULL;
}

/* The first start of Hamroh on an office laptop: join with HQ's file,
 * then log in as the office's caseworker */
static void
test_first_start_joins_as_an_office (SyncFixture   *s,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (s->mail, "hamroh-enrolment-DST.hamroh", NULL);
  g_autofree char *junk = g_build_filename (s->mail, "notes.txt", NULL);
  HmrActor *actor = NULL;
  HmrLoginWindow *login;

  g_assert_true (hmr_store_sync_create_enrolment (s->f.store, s->f.admin, "DST", file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (junk, "not an enrolment file", -1, &error));
  s->office_path = g_build_filename (s->f.dir, "laptop.sqlite3", NULL);
  s->office = hmr_store_open (s->office_path, &error);
  g_assert_no_error (error);

  login = hmr_login_window_new (s->f.app, s->office);
  g_signal_connect (login, "logged-in", G_CALLBACK (on_logged_in), &actor);
  gtk_window_present (GTK_WINDOW (login));
  hmr_gui_test_flush ();
  g_assert_true (hmr_login_window_get_setting_up (login));
  g_assert_nonnull (hmr_gui_test_find_label (GTK_WIDGET (login), "Or Join as an Office With HQ’s File…"));

  /* The wrong file: said so, nothing changes */
  g_assert_true (hmr_login_window_join_office (login, junk));
  g_assert_true (hmr_gui_test_wait_until (login_idle, login, 30000));
  g_assert_true (hmr_login_window_get_setting_up (login));
  g_assert_cmpint (hmr_store_sync_get_role (s->office), ==, HMR_INSTALLATION_NONE);

  /* HQ's file: the laptop becomes the office's installation */
  g_assert_true (hmr_login_window_join_office (login, file));
  g_assert_true (hmr_gui_test_wait_until (login_idle, login, 30000));
  g_assert_false (hmr_login_window_get_setting_up (login));
  g_assert_cmpint (hmr_store_sync_get_role (s->office), ==, HMR_INSTALLATION_OFFICE);
  g_assert_nonnull (hmr_gui_test_find_label (GTK_WIDGET (login), "This Laptop Joined the Organisation"));
  hmr_gui_test_screenshot (GTK_WIDGET (login), "sync-joined");

  /* The office's caseworker logs in with what HQ gave her */
  gtk_editable_set_text (GTK_EDITABLE (hmr_gui_test_find_widget (GTK_WIDGET (login), ADW_TYPE_ENTRY_ROW,
                                                                 "User name")),
                         "dilnoza");
  gtk_editable_set_text (GTK_EDITABLE (hmr_gui_test_find_widget (GTK_WIDGET (login), ADW_TYPE_PASSWORD_ENTRY_ROW,
                                                                 "Password")),
                         HMR_TEST_PASSWORD);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (login), "login.submit", NULL));
  g_assert_true (hmr_gui_test_wait_until (has_actor, &actor, 30000));
  g_assert_cmpint (actor->role, ==, HMR_ROLE_CASEWORKER);
  hmr_actor_free (actor);
  gtk_window_destroy (GTK_WINDOW (login));
  hmr_gui_test_flush ();
}

static void
test_caseworker_has_no_sync_area (SyncFixture   *s,
                                  gconstpointer  data)
{
  HmrWindow *window = hmr_gui_test_open_window (&s->f, s->f.caseworker);

  g_assert_false (hmr_window_show_area (window, "sync"));
}

int
main (int    argc,
      char **argv)
{
  hmr_gui_test_init (&argc, &argv);

#define ADD(path, fn) g_test_add (path, SyncFixture, NULL, sync_set_up, fn, sync_tear_down)
  ADD ("/gui/sync/hq-receives-an-office-bundle-and-sends-back", test_hq_receives_and_sends_back);
  ADD ("/gui/sync/refused-bundle-says-why", test_refused_bundle_says_why);
  ADD ("/gui/sync/supervisor-restores-a-conflict-and-it-travels", test_supervisor_restores_a_conflict);
  ADD ("/gui/sync/admin-enrols-an-office-from-a-database-on-its-own", test_admin_enrols_an_office);
  ADD ("/gui/sync/caseworker-has-no-sync-area", test_caseworker_has_no_sync_area);
  ADD ("/gui/sync/automatic-receives-then-sends", test_automatic_receives_then_sends);
  ADD ("/gui/sync/office-silent-for-days-stands-out", test_silent_office_stands_out);
  ADD ("/gui/sync/window-closed-during-a-run", test_window_closed_during_a_run);
  ADD ("/gui/sync/first-start-joins-as-an-office-with-hq-file", test_first_start_joins_as_an_office);
#undef ADD

  return g_test_run ();
}
