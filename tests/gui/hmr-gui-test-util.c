/* hmr-gui-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "hmr-gui-test-util.h"

/* Lives in src/core/hmr-store-users.c: cheap Argon2id for tests */
extern void hmr_store_use_fast_password_hashing_for_tests (void);

static HmrApplication *shared_app;

void
hmr_gui_test_init (int    *argc,
                   char ***argv)
{
  g_autoptr(GError) error = NULL;

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  hmr_store_use_fast_password_hashing_for_tests ();

  /* No transitions: what a test looks at is what is there */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* One application for the whole test program, registered but never run:
   * windows can join it, as in the real thing.  Not unique, so that test
   * programs running side by side do not meet on D-Bus. */
  shared_app = hmr_application_new ();
  g_application_set_flags (G_APPLICATION (shared_app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (shared_app), NULL, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

void
hmr_gui_fixture_set_up (HmrGuiFixture *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("hamroh-gui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "test.sqlite3", NULL);
  fixture->store = hmr_store_open (fixture->path, &error);
  g_assert_no_error (error);

  fixture->admin = hmr_store_create_first_admin (fixture->store, "admin", "Test Admin",
                                                 HMR_TEST_PASSWORD, &error);
  g_assert_no_error (error);
  fixture->caseworker = hmr_store_create_user (fixture->store, fixture->admin,
                                               "dilnoza", "Дилноза Каримова",
                                               HMR_ROLE_CASEWORKER, HMR_TEST_DUSTI_OFFICE,
                                               HMR_TEST_PASSWORD, &error);
  g_assert_no_error (error);
  fixture->supervisor = hmr_store_create_user (fixture->store, fixture->admin,
                                               "rustam", "Рустам Назаров",
                                               HMR_ROLE_SUPERVISOR, NULL,
                                               HMR_TEST_PASSWORD, &error);
  g_assert_no_error (error);
  fixture->finance = hmr_store_create_user (fixture->store, fixture->admin,
                                            "malika", "Малика Юсупова",
                                            HMR_ROLE_FINANCE, NULL,
                                            HMR_TEST_PASSWORD, &error);
  g_assert_no_error (error);

  fixture->app = g_object_ref (shared_app);
  hmr_application_set_store (fixture->app, fixture->store);
}

void
hmr_gui_fixture_tear_down (HmrGuiFixture *fixture,
                           gconstpointer  data)
{
  hmr_gui_test_destroy_windows ();
  hmr_application_set_store (fixture->app, NULL);
  g_clear_object (&fixture->app);
  g_clear_object (&fixture->store);
  g_clear_pointer (&fixture->admin, hmr_actor_free);
  g_clear_pointer (&fixture->caseworker, hmr_actor_free);
  g_clear_pointer (&fixture->supervisor, hmr_actor_free);
  g_clear_pointer (&fixture->finance, hmr_actor_free);
  remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

HmrBeneficiary *
hmr_gui_test_new_beneficiary (const char *family_name,
                              const char *given_name,
                              const char *birth_date)
{
  HmrBeneficiary *b = hmr_beneficiary_new ();

  hmr_beneficiary_set (b, HMR_BENEFICIARY_FAMILY_NAME, family_name);
  hmr_beneficiary_set (b, HMR_BENEFICIARY_GIVEN_NAME, given_name);
  hmr_beneficiary_set (b, HMR_BENEFICIARY_SEX, "male");
  hmr_beneficiary_set (b, HMR_BENEFICIARY_BIRTH_DATE, birth_date);
  hmr_beneficiary_set (b, HMR_BENEFICIARY_DISTRICT, "Dusti");
  hmr_beneficiary_set (b, HMR_BENEFICIARY_CATEGORY, "returned_migrant");
  return b;
}

/**
 * hmr_gui_fixture_add_beneficiaries:
 *
 * Registers @n people as the caseworker: family names Раҳимов, Каримов and
 * Назаров in turn, with a number to tell them apart.
 */
void
hmr_gui_fixture_add_beneficiaries (HmrGuiFixture *fixture,
                                   guint          n)
{
  static const char * const families[] = { "Раҳимов", "Каримов", "Назаров" };
  static const char * const givens[] = { "Фаррух", "Ҷамшед", "Ғайрат" };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *family = g_strdup_printf ("%s %u", families[i % 3], i);
      g_autoptr(HmrBeneficiary) b = hmr_gui_test_new_beneficiary (family, givens[i % 3], "21.03.1990");

      hmr_beneficiary_set (b, HMR_BENEFICIARY_FAMILY_NAME_LATIN, "Rahimov");
      hmr_store_insert_beneficiary (fixture->store, fixture->caseworker, b, &error);
      g_assert_no_error (error);
    }
}

/* ---- the main loop ------------------------------------------------------ */

static gboolean
on_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * hmr_gui_test_wait_until:
 *
 * Runs the main loop until @condition holds or @timeout_ms passed.
 *
 * Returns: whether @condition held
 */
gboolean
hmr_gui_test_wait_until (HmrTestCondition condition,
                         gpointer         user_data,
                         guint            timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, on_timeout, &timed_out);

  while (!condition (user_data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  return condition (user_data);
}

static gboolean
frame_done (gpointer user_data)
{
  return *(gboolean *) user_data;
}

static gboolean
on_frame_timeout (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * hmr_gui_test_flush:
 *
 * Lets pending events, idles and a frame or two run.
 */
void
hmr_gui_test_flush (void)
{
  gboolean done = FALSE;

  g_timeout_add (50, on_frame_timeout, &done);
  hmr_gui_test_wait_until (frame_done, &done, 1000);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/**
 * hmr_gui_test_find_window:
 *
 * Returns: (transfer none) (nullable): a toplevel window of @type
 */
GtkWindow *
hmr_gui_test_find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

void
hmr_gui_test_destroy_windows (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, 0);
      gtk_window_destroy (window);
    }
  hmr_gui_test_flush ();
}

/**
 * hmr_gui_test_screenshot:
 *
 * Saves what @widget shows to $HMR_TEST_SCREENSHOTS/@name.png, when that
 * variable names a folder: a way to look at what the tests see.
 */
void
hmr_gui_test_screenshot (GtkWidget  *widget,
                         const char *name)
{
  const char *dir = g_getenv ("HMR_TEST_SCREENSHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  int width, height;

  if (dir == NULL || dir[0] == '\0')
    return;

  hmr_gui_test_flush ();
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  if (width <= 0 || height <= 0)
    return;

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return;
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  gdk_texture_save_to_png (texture, path);
}

guint
hmr_gui_test_count_rows (HmrStore       *store,
                         const HmrActor *actor,
                         gboolean        include_archived)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  HmrBeneficiaryQuery query = { 0, };

  query.include_archived = include_archived;
  ids = hmr_store_query_beneficiary_ids (store, actor, &query, NULL, &error);
  g_assert_no_error (error);
  return ids->len;
}

/* ---- work in threads ------------------------------------------------------ */

static gboolean
application_not_busy (gpointer user_data)
{
  return !g_application_get_is_busy (G_APPLICATION (user_data));
}

/**
 * hmr_gui_test_wait_background_work:
 *
 * Runs the main loop until no work in a thread (an export) holds the
 * application any more, or @timeout_ms passed: its callback has run, and
 * it has cleaned up after itself.
 *
 * Returns: whether all such work ended
 */
gboolean
hmr_gui_test_wait_background_work (HmrGuiFixture *fixture,
                                   guint          timeout_ms)
{
  return hmr_gui_test_wait_until (application_not_busy, fixture->app, timeout_ms);
}

/**
 * hmr_gui_test_export_left:
 *
 * Returns: whether @dir holds the workbook @name, or one that the core
 *   was still writing (it writes beside the file asked for, under a
 *   hidden name, and renames it at the end)
 */
gboolean
hmr_gui_test_export_left (const char *dir,
                          const char *name)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *entry;

  while (d != NULL && (entry = g_dir_read_name (d)) != NULL)
    if (g_strcmp0 (entry, name) == 0 || g_str_has_prefix (entry, ".hamroh-partial-"))
      return TRUE;
  return FALSE;
}

static gboolean
is_mapped (gpointer user_data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (user_data));
}

/**
 * hmr_gui_test_open_window:
 *
 * Returns: (transfer none): the main window for @actor, shown, skipping
 *   the login
 */
HmrWindow *
hmr_gui_test_open_window (HmrGuiFixture  *fixture,
                          const HmrActor *actor)
{
  HmrWindow *window = hmr_window_new (fixture->app, fixture->store, actor);

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (hmr_gui_test_wait_until (is_mapped, window, 5000));
  hmr_gui_test_flush ();
  return window;
}

/**
 * hmr_gui_test_find_widget:
 * @title: (nullable): for preferences rows, their title
 *
 * Returns: (transfer none) (nullable): the first widget of @type under
 *   @root, depth first, that is visible (with its ancestors up to @root)
 */
GtkWidget *
hmr_gui_test_find_widget (GtkWidget  *root,
                          GType       type,
                          const char *title)
{
  if (!gtk_widget_get_visible (root))
    return NULL;

  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (title == NULL ||
       (ADW_IS_PREFERENCES_ROW (root) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)))
    return root;

  /* Only the page a stack shows */
  if (GTK_IS_STACK (root))
    {
      GtkWidget *child = gtk_stack_get_visible_child (GTK_STACK (root));
      return child ? hmr_gui_test_find_widget (child, type, title) : NULL;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = hmr_gui_test_find_widget (child, type, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * hmr_gui_test_find_label:
 *
 * Returns: (transfer none) (nullable): a visible label under @root showing
 *   exactly @text
 */
GtkWidget *
hmr_gui_test_find_label (GtkWidget  *root,
                         const char *text)
{
  if (!gtk_widget_get_visible (root))
    return NULL;
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return root;
  if (GTK_IS_STACK (root))
    {
      GtkWidget *child = gtk_stack_get_visible_child (GTK_STACK (root));
      return child ? hmr_gui_test_find_label (child, text) : NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = hmr_gui_test_find_label (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/**
 * hmr_gui_test_select_choice:
 *
 * Selects the item of @row shown as @label, as a person would.
 */
void
hmr_gui_test_select_choice (AdwComboRow *row,
                            const char  *label)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), label) == 0)
        {
          adw_combo_row_set_selected (row, i);
          return;
        }
    }
  g_error ("No choice “%s” in %s", label,
           adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}
