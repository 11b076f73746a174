/* hmr-sync-page.c
 *
 * The Sync area.  Sending, receiving and writing an enrolment file run in a
 * GTask thread on a connection of their own (hmr_context_open_connection),
 * with a progress bar and Cancel: the window never waits.  What a run did is
 * said in plain words ("Dusti office: 214 changes, 3 conflicts"), a refused
 * bundle with the reason.  The folder is remembered per installation (the
 * sync-folders setting, keyed by the installation's id).  Conflicts are
 * listed by hmr-sync-conflicts.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-sync-page.h"
#include "hmr-sync-conflicts.h"
#include "hmr-sync-run.h"
#include "hmr-gui-util.h"
#include "hmr-permissions.h"
#include "hmr-sync.h"

struct _HmrSyncPage
{
  HmrAreaPage          parent_instance;

  GSettings           *settings;
  GCancellable        *cancellable;    /* while a run goes on */
  GtkStringList       *result_lines;
  GPtrArray           *offices;        /* HmrSyncOffice, for enrolment */
  GtkFileChooserNative *chooser;
  HmrSyncJobKind       choosing;
  guint                automatic_source;
  gboolean             disposed;
  char                *automatic_folder; /* an automatic run: send there after receiving */

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwPreferencesGroup *identity_group;
  AdwActionRow        *folder_row;
  AdwActionRow        *automatic_row;
  GtkSwitch           *automatic_switch;
  GtkWidget           *buttons_box;
  GtkWidget           *busy_box;
  GtkProgressBar      *progress_bar;
  GtkWidget           *result_group;
  GtkListBox          *result_list;
  GtkWidget           *conflicts_group;
  GtkListBox          *conflicts_list;
  GtkWidget           *peers_group;
  GtkListBox          *peers_list;
  GtkWidget           *enrol_group;
  AdwComboRow         *office_row;
  AdwActionRow        *users_row;
};

G_DEFINE_FINAL_TYPE (HmrSyncPage, hmr_sync_page, HMR_TYPE_AREA_PAGE)

static HmrStore *
page_store (HmrSyncPage *self)
{
  return hmr_area_page_get_store (HMR_AREA_PAGE (self));
}

static const HmrActor *
page_actor (HmrSyncPage *self)
{
  return hmr_area_page_get_actor (HMR_AREA_PAGE (self));
}

/* ---- the folder, per installation --------------------------------------- */

char *
hmr_sync_page_dup_folder (HmrSyncPage *self)
{
  g_autoptr(GVariant) folders = NULL;
  g_autofree char *id = NULL;
  char *folder = NULL;

  g_return_val_if_fail (HMR_IS_SYNC_PAGE (self), NULL);

  id = hmr_store_sync_dup_installation_id (page_store (self));
  if (id == NULL)
    return NULL;
  folders = g_settings_get_value (self->settings, "sync-folders");
  if (!g_variant_lookup (folders, id, "s", &folder))
    return NULL;
  return folder;
}

static void
remember_folder (HmrSyncPage *self,
                 const char  *folder)
{
  g_autoptr(GVariant) folders = g_settings_get_value (self->settings, "sync-folders");
  g_autofree char *id = hmr_store_sync_dup_installation_id (page_store (self));
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key, *value;

  if (id == NULL)
    return;
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, folders);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    if (!g_str_equal (key, id))
      g_variant_builder_add (&builder, "{ss}", key, value);
  g_variant_builder_add (&builder, "{ss}", id, folder);
  g_settings_set_value (self->settings, "sync-folders", g_variant_builder_end (&builder));
}

/* ---- what is shown -------------------------------------------------------- */

static void
update_actions (HmrSyncPage *self)
{
  gboolean busy = self->cancellable != NULL;
  gboolean enrolled = hmr_store_sync_get_role (page_store (self)) != HMR_INSTALLATION_NONE;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.send", !busy && enrolled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.receive", !busy && enrolled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.enrol", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sync.cancel", busy);
  gtk_widget_set_visible (self->busy_box, busy);
}

static void
show_identity (HmrSyncPage *self)
{
  HmrStore *store = page_store (self);
  HmrInstallationRole role = hmr_store_sync_get_role (store);
  g_autofree char *code = hmr_store_sync_dup_office_code (store);
  g_autofree char *folder = hmr_sync_page_dup_folder (self);
  g_autofree char *description = NULL;

  switch (role)
    {
    case HMR_INSTALLATION_HQ:
      description = g_strdup (_("This is the HQ installation: it holds every office and sends each office what "
                                "HQ changed in its records."));
      break;
    case HMR_INSTALLATION_OFFICE:
      /* Translators: %s is an office's code, as in case numbers ("DST") */
      description = g_strdup_printf (_("This is an office installation (%s): it sends its office’s changes to HQ "
                                       "and receives HQ’s."), code);
      break;
    case HMR_INSTALLATION_NONE:
    default:
      description = g_strdup (hmr_permission_allows (page_actor (self), HMR_ACTION_SYNC_ENROL, NULL)
                              ? _("This database is on its own: it is neither HQ nor an office installation. "
                                  "Creating an office’s enrolment file below makes it the HQ.")
                              : _("This database is on its own: it is neither HQ nor an office installation. "
                                  "Ask your administrator to enrol it."));
      break;
    }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->identity_group), description);
  adw_action_row_set_subtitle (self->folder_row, folder ? folder : _("None chosen yet"));
  gtk_widget_set_visible (self->buttons_box, role != HMR_INSTALLATION_NONE);
  gtk_widget_set_visible (GTK_WIDGET (self->folder_row), role != HMR_INSTALLATION_NONE);
  gtk_widget_set_visible (GTK_WIDGET (self->automatic_row), role != HMR_INSTALLATION_NONE);
  gtk_widget_set_visible (self->peers_group, role != HMR_INSTALLATION_NONE);
}

static void
load_peers (HmrSyncPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) peers = NULL;

  hmr_gui_list_box_clear (self->peers_list);
  if (hmr_store_sync_get_role (page_store (self)) == HMR_INSTALLATION_NONE)
    return;
  peers = hmr_store_sync_list_peers (page_store (self), page_actor (self), &error);
  if (peers == NULL)
    {
      hmr_gui_list_box_add_line (self->peers_list, error->message, NULL);
      return;
    }
  if (peers->len == 0)
    hmr_gui_list_box_add_line (self->peers_list, _("No office is enrolled yet."), NULL);
  for (guint i = 0; i < peers->len; i++)
    {
      HmrSyncPeer *p = g_ptr_array_index (peers, i);
      g_autofree char *title = hmr_sync_installation_label (p->role, p->office_code, p->office_district);
      g_autofree char *sent = hmr_sync_describe_when (p->last_sent_at, p->last_bundle_sent);
      g_autofree char *received = hmr_sync_describe_when (p->last_received_at, p->last_bundle_received);
      g_autofree char *subtitle = NULL;

      guint silent = hmr_sync_days_since (p->last_received_at);
      GtkWidget *row;

      /* Translators: "Last sent: 08.12.2026 10:14 (bundle 5) · Last received: never" */
      subtitle = g_strdup_printf (_("Last sent: %s · Last received: %s"), sent, received);
      row = hmr_gui_list_box_add_line (self->peers_list, title, subtitle);
      /* An office silent for too long stands out */
      if (silent >= (guint) g_settings_get_int (self->settings, "sync-silent-days"))
        {
          g_autofree char *warning = NULL;

          /* Translators: after an installation's name, when nothing came from it for days */
          warning = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s — nothing received for %u day",
                                                  "%s — nothing received for %u days", silent),
                                     title, silent);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), warning);
          gtk_widget_add_css_class (row, "warning");
        }
    }
}

static void
load_conflicts (HmrSyncPage *self)
{
  gboolean shown = hmr_permission_allows (page_actor (self), HMR_ACTION_SYNC_CONFLICTS, NULL) &&
                   hmr_store_sync_get_role (page_store (self)) != HMR_INSTALLATION_NONE;

  gtk_widget_set_visible (self->conflicts_group, shown);
  if (shown)
    hmr_sync_conflicts_fill (self->conflicts_list, hmr_area_page_get_context (HMR_AREA_PAGE (self)));
}

static void
on_office_selected (HmrSyncPage *self)
{
  guint pos = adw_combo_row_get_selected (self->office_row);
  HmrSyncOffice *o;

  if (self->offices == NULL || pos >= self->offices->len)
    {
      adw_action_row_set_subtitle (self->users_row, "");
      return;
    }
  o = g_ptr_array_index (self->offices, pos);
  adw_action_row_set_subtitle (self->users_row, o->users ? o->users : _("Nobody yet: add users first."));
}

static void
load_offices (HmrSyncPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  HmrInstallationRole role = hmr_store_sync_get_role (page_store (self));
  gboolean shown = hmr_permission_allows (page_actor (self), HMR_ACTION_SYNC_ENROL, NULL) &&
                   role != HMR_INSTALLATION_OFFICE;

  gtk_widget_set_visible (self->enrol_group, shown);
  if (!shown)
    return;
  g_clear_pointer (&self->offices, g_ptr_array_unref);
  self->offices = hmr_store_sync_list_offices (page_store (self), page_actor (self), NULL);
  if (self->offices == NULL)
    self->offices = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_sync_office_free);
  for (guint i = 0; i < self->offices->len; i++)
    {
      HmrSyncOffice *o = g_ptr_array_index (self->offices, i);
      g_autofree char *label = hmr_sync_installation_label (HMR_INSTALLATION_OFFICE, o->code, o->district);
      g_autofree char *text = NULL;

      if (o->n_installations > 0)
        /* Translators: an office and how many laptops were already enrolled: "Dusti office (DST) · 2 enrolled" */
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%s) · %u enrolled", "%s (%s) · %u enrolled",
                                             o->n_installations),
                                label, o->code, o->n_installations);
      else
        text = g_strdup_printf ("%s (%s)", label, o->code);
      gtk_string_list_append (names, text);
    }
  adw_combo_row_set_model (self->office_row, G_LIST_MODEL (names));
  on_office_selected (self);
}

static void
reload (HmrSyncPage *self)
{
  show_identity (self);
  load_peers (self);
  load_conflicts (self);
  update_actions (self);
}

static void
say (HmrSyncPage *self,
     const char  *title,
     const char  *subtitle,
     gboolean     refused)
{
  GtkWidget *row = hmr_gui_list_box_add_line (self->result_list, title, subtitle);

  if (refused)
    gtk_widget_add_css_class (row, "error");
  gtk_string_list_append (self->result_lines, title);
  gtk_widget_set_visible (self->result_group, TRUE);
}

/* Installation id → "Dusti office" */
static GHashTable *
peer_labels (HmrSyncPage *self)
{
  GHashTable *labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) peers = hmr_store_sync_list_peers (page_store (self), page_actor (self), NULL);

  for (guint i = 0; peers != NULL && i < peers->len; i++)
    {
      HmrSyncPeer *p = g_ptr_array_index (peers, i);
      g_hash_table_insert (labels, g_strdup (p->id), hmr_sync_installation_label (p->role, p->office_code, p->office_district));
    }
  return labels;
}

static gboolean start_run (HmrSyncPage    *self,
                           HmrSyncJobKind  kind,
                           const char     *folder,
                           const char     *office_code,
                           gboolean        keep_lines);

static void
on_run_done (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  g_autoptr(HmrSyncPage) self = user_data;
  g_autoptr(GError) error = NULL;
  HmrSyncJobKind kind;
  g_autoptr(GPtrArray) result = hmr_sync_run_finish (res, &kind, &error);

  g_clear_object (&self->cancellable);
  /* The window was closed while the run went on: nothing to show it in */
  if (self->disposed || gtk_widget_in_destruction (GTK_WIDGET (self)))
    {
      g_clear_pointer (&self->automatic_folder, g_free);
      return;
    }
  if (result == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        say (self, kind == HMR_SYNC_JOB_RECEIVE ? _("Cancelled: the bundles received before Cancel are kept; the others "
                                           "wait in the folder.")
                                       : _("Cancelled: nothing was written down as sent."),
             NULL, FALSE);
      else
        say (self, _("It did not work"), error->message, TRUE);
    }
  else if (kind != HMR_SYNC_JOB_ENROL)
    {
      g_autoptr(GHashTable) labels = peer_labels (self);
      hmr_sync_run_describe (kind, result, labels, (HmrSyncSayFunc) say, self);
    }
  else
    {
      g_autofree char *title = NULL;

      /* Translators: %s is the enrolment file's path */
      title = g_strdup_printf (_("Enrolment file written: %s"), (const char *) g_ptr_array_index (result, 0));
      say (self, title, _("Give it to the office’s administrator, who chooses it when Hamroh first starts on "
                          "the office laptop."), FALSE);
      load_offices (self);
    }
  reload (self);

  /* An automatic run receives, then sends what is new, answers included */
  if (self->automatic_folder != NULL && kind == HMR_SYNC_JOB_RECEIVE && result != NULL)
    {
      g_autofree char *folder = g_steal_pointer (&self->automatic_folder);
      start_run (self, HMR_SYNC_JOB_SEND, folder, NULL, TRUE);
    }
  g_clear_pointer (&self->automatic_folder, g_free);
}

static gboolean
start_run (HmrSyncPage    *self,
           HmrSyncJobKind  kind,
           const char     *folder,
           const char     *office_code,
           gboolean        keep_lines)
{
  g_autoptr(GError) error = NULL;

  if (self->cancellable != NULL)
    return FALSE;
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *message = g_strdup_printf (_("The folder “%s” does not exist."), folder);
      hmr_gui_show_error_toast (GTK_WIDGET (self->result_list), message);
      return FALSE;
    }
  if (kind != HMR_SYNC_JOB_ENROL)
    remember_folder (self, folder);

  if (!keep_lines)
    {
      hmr_gui_list_box_clear (self->result_list);
      gtk_string_list_splice (self->result_lines, 0, g_list_model_get_n_items (G_LIST_MODEL (self->result_lines)),
                              NULL);
      gtk_widget_set_visible (self->result_group, FALSE);
    }
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, kind == HMR_SYNC_JOB_SEND ? _("Sending…")
                                                 : kind == HMR_SYNC_JOB_RECEIVE ? _("Receiving…")
                                                 : _("Writing the enrolment file…"));
  self->cancellable = g_cancellable_new ();
  update_actions (self);
  show_identity (self);

  if (!hmr_sync_run_start (hmr_area_page_get_context (HMR_AREA_PAGE (self)), kind, folder, office_code,
                           GTK_WIDGET (self), self->progress_bar, self->cancellable, on_run_done,
                           g_object_ref (self), &error))
    {
      g_clear_object (&self->cancellable);
      g_object_unref (self);
      update_actions (self);
      hmr_gui_show_error_toast (GTK_WIDGET (self->result_list), error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
hmr_sync_page_send_to (HmrSyncPage *self,
                       const char  *folder)
{
  g_return_val_if_fail (HMR_IS_SYNC_PAGE (self), FALSE);
  return start_run (self, HMR_SYNC_JOB_SEND, folder, NULL, FALSE);
}

gboolean
hmr_sync_page_receive_from (HmrSyncPage *self,
                            const char  *folder)
{
  g_return_val_if_fail (HMR_IS_SYNC_PAGE (self), FALSE);
  return start_run (self, HMR_SYNC_JOB_RECEIVE, folder, NULL, FALSE);
}

gboolean
hmr_sync_page_create_enrolment (HmrSyncPage *self,
                                const char  *office_code,
                                const char  *folder)
{
  g_return_val_if_fail (HMR_IS_SYNC_PAGE (self), FALSE);
  return start_run (self, HMR_SYNC_JOB_ENROL, folder, office_code, FALSE);
}

void
hmr_sync_page_cancel (HmrSyncPage *self)
{
  g_return_if_fail (HMR_IS_SYNC_PAGE (self));
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

gboolean
hmr_sync_page_get_busy (HmrSyncPage *self)
{
  g_return_val_if_fail (HMR_IS_SYNC_PAGE (self), FALSE);
  return self->cancellable != NULL;
}

GListModel *
hmr_sync_page_get_result_lines (HmrSyncPage *self)
{
  g_return_val_if_fail (HMR_IS_SYNC_PAGE (self), NULL);
  return G_LIST_MODEL (self->result_lines);
}

/* ---- choosing the folder ------------------------------------------------------ */

static void
on_chooser_response (HmrSyncPage          *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  g_clear_object (&self->chooser);
  if (path == NULL)
    return;
  if (self->choosing == HMR_SYNC_JOB_ENROL)
    {
      guint pos = adw_combo_row_get_selected (self->office_row);

      if (self->offices != NULL && pos < self->offices->len)
        hmr_sync_page_create_enrolment (self, ((HmrSyncOffice *) g_ptr_array_index (self->offices, pos))->code,
                                        path);
    }
  else
    start_run (self, self->choosing, path, NULL, FALSE);
}

static void
choose_folder (HmrSyncPage    *self,
               HmrSyncJobKind  kind)
{
  g_autofree char *folder = hmr_sync_page_dup_folder (self);
  const char *title;

  if (self->chooser != NULL || self->cancellable != NULL)
    return;
  title = kind == HMR_SYNC_JOB_SEND ? _("Send to Folder")
          : kind == HMR_SYNC_JOB_RECEIVE ? _("Receive from Folder")
          : _("Save the Enrolment File in Folder");
  self->choosing = kind;
  self->chooser = gtk_file_chooser_native_new (title, hmr_gui_get_parent_window (GTK_WIDGET (self)),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (folder != NULL && kind != HMR_SYNC_JOB_ENROL && g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) current = g_file_new_for_path (folder);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), current, NULL);
    }
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  choose_folder (HMR_SYNC_PAGE (widget), HMR_SYNC_JOB_SEND);
}

static void
receive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  choose_folder (HMR_SYNC_PAGE (widget), HMR_SYNC_JOB_RECEIVE);
}

static void
enrol_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HmrSyncPage *self = HMR_SYNC_PAGE (widget);

  if (self->offices == NULL || adw_combo_row_get_selected (self->office_row) >= self->offices->len)
    return;
  choose_folder (self, HMR_SYNC_JOB_ENROL);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  hmr_sync_page_cancel (HMR_SYNC_PAGE (widget));
}

/* ---- sending and receiving automatically ---------------------------------------- *
 *
 * For offices that keep a folder in step (Syncthing, a network share):
 * every few minutes while the page lives (the window builds it at once
 * when the setting is on), receive from the remembered folder, then send.
 * A folder that is not there (the USB stick was taken out) is skipped.
 */

/**
 * hmr_sync_page_run_automatic:
 *
 * What the timer does: receive, then send, through the remembered folder.
 *
 * Returns: %FALSE when there is nothing to run through, or a run goes on
 */
gboolean
hmr_sync_page_run_automatic (HmrSyncPage *self)
{
  g_autofree char *folder = NULL;

  g_return_val_if_fail (HMR_IS_SYNC_PAGE (self), FALSE);

  folder = hmr_sync_page_dup_folder (self);
  if (folder == NULL || self->cancellable != NULL ||
      hmr_store_sync_get_role (page_store (self)) == HMR_INSTALLATION_NONE ||
      !g_file_test (folder, G_FILE_TEST_IS_DIR))
    return FALSE;
  if (!start_run (self, HMR_SYNC_JOB_RECEIVE, folder, NULL, FALSE))
    return FALSE;
  self->automatic_folder = g_steal_pointer (&folder);
  return TRUE;
}

gboolean
hmr_sync_page_get_automatic (HmrSyncPage *self)
{
  g_return_val_if_fail (HMR_IS_SYNC_PAGE (self), FALSE);
  return self->automatic_source != 0;
}

static gboolean
automatic_tick (gpointer data)
{
  hmr_sync_page_run_automatic (HMR_SYNC_PAGE (data));
  return G_SOURCE_CONTINUE;
}

static void
update_automatic (HmrSyncPage *self)
{
  guint minutes = g_settings_get_int (self->settings, "sync-automatic-minutes");
  g_autofree char *subtitle = NULL;

  g_clear_handle_id (&self->automatic_source, g_source_remove);
  if (self->disposed)
    return;
  if (g_settings_get_boolean (self->settings, "sync-automatic"))
    self->automatic_source = g_timeout_add_seconds (MAX (minutes, 1) * 60, automatic_tick, self);
  /* Translators: the subtitle of "Send and Receive Automatically" */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Every %u minute through the folder above, while Hamroh is open",
                                           "Every %u minutes through the folder above, while Hamroh is open",
                                           minutes),
                              minutes);
  adw_action_row_set_subtitle (self->automatic_row, subtitle);
}

/* ---- conflicts ------------------------------------------------------------------ */

gboolean
hmr_sync_page_resolve (HmrSyncPage *self,
                       const char  *conflict_id,
                       gboolean     restore)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (HMR_IS_SYNC_PAGE (self), FALSE);

  if (!hmr_store_sync_resolve_conflict (page_store (self), page_actor (self), conflict_id, restore, &error))
    {
      hmr_gui_show_error_toast (GTK_WIDGET (self->conflicts_list), error->message);
      return FALSE;
    }
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (restore ? _("The other value is restored; it travels with the next "
                                                          "send.")
                                                      : _("The value in force is kept.")));
  /* The store's notice reloads the list */
  return TRUE;
}

static void
resolve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  const char *id = NULL;
  gboolean restore = FALSE;

  g_variant_get (parameter, "(&sb)", &id, &restore);
  hmr_sync_page_resolve (HMR_SYNC_PAGE (widget), id, restore);
}

guint
hmr_sync_page_count_conflicts (HmrContext *context)
{
  guint n = 0;

  if (!hmr_permission_allows (hmr_context_get_actor (context), HMR_ACTION_SYNC_CONFLICTS, NULL) ||
      !hmr_store_sync_count_open_conflicts (hmr_context_get_store (context), hmr_context_get_actor (context), &n,
                                            NULL))
    return 0;
  return n;
}

/* ---- the area ---------------------------------------------------------------------- */

gboolean
hmr_sync_page_allowed (const HmrActor *actor)
{
  return hmr_permission_allows (actor, HMR_ACTION_SYNC, NULL);
}

GtkWidget *
hmr_sync_page_create_area (HmrContext *context)
{
  return g_object_new (HMR_TYPE_SYNC_PAGE, "context", context, NULL);
}

static void
hmr_sync_page_store_changed (HmrAreaPage  *page,
                             HmrChangeSet *changes)
{
  HmrSyncPage *self = HMR_SYNC_PAGE (page);

  if (self->disposed)
    return;
  reload (self);
  if (hmr_change_set_has_kind (changes, "installation") || hmr_change_set_has_kind (changes, "user") ||
      hmr_change_set_has_kind (changes, "office"))
    load_offices (self);
}

static void
hmr_sync_page_constructed (GObject *object)
{
  HmrSyncPage *self = HMR_SYNC_PAGE (object);

  G_OBJECT_CLASS (hmr_sync_page_parent_class)->constructed (object);

  reload (self);
  load_offices (self);
}

static void
hmr_sync_page_dispose (GObject *object)
{
  HmrSyncPage *self = HMR_SYNC_PAGE (object);

  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->automatic_source, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  /* AdwBin unparents its child itself: no gtk_widget_dispose_template () */

  G_OBJECT_CLASS (hmr_sync_page_parent_class)->dispose (object);
}

static void
hmr_sync_page_finalize (GObject *object)
{
  HmrSyncPage *self = HMR_SYNC_PAGE (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->result_lines);
  g_clear_pointer (&self->offices, g_ptr_array_unref);
  g_free (self->automatic_folder);

  G_OBJECT_CLASS (hmr_sync_page_parent_class)->finalize (object);
}

static void
hmr_sync_page_class_init (HmrSyncPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hmr_sync_page_constructed;
  object_class->dispose = hmr_sync_page_dispose;
  object_class->finalize = hmr_sync_page_finalize;
  HMR_AREA_PAGE_CLASS (klass)->store_changed = hmr_sync_page_store_changed;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/sync/hmr-sync-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrSyncPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HmrSyncPage, identity_group);
  gtk_widget_class_bind_template_child (widget_class, HmrSyncPage, folder_row);
  gtk_widget_class_bind_template_child (widget_class, HmrSyncPage, automatic_row);
  gtk_widget_class_bind_template_child (widget_class, HmrSyncPage, automatic_switch);
  gtk_widget_class_bind_template_child (widget_class, HmrSyncPage, buttons_box);
  gtk_widget_class_bind_template_child (widget_class, HmrSyncPage, busy_box);
  gtk_widget_class_bind_template_child (widget_class, HmrSyncPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, HmrSyncPage, result_group);
  gtk_widget_class_bind_template_child (widget_class, HmrSyncPage, result_list);
  gtk_widget_class_bind_template_child (widget_class, HmrSyncPage, conflicts_group);
  gtk_widget_class_bind_template_child (widget_class, HmrSyncPage, conflicts_list);
  gtk_widget_class_bind_template_child (widget_class, HmrSyncPage, peers_group);
  gtk_widget_class_bind_template_child (widget_class, HmrSyncPage, peers_list);
  gtk_widget_class_bind_template_child (widget_class, HmrSyncPage, enrol_group);
  gtk_widget_class_bind_template_child (widget_class, HmrSyncPage, office_row);
  gtk_widget_class_bind_template_child (widget_class, HmrSyncPage, users_row);

  gtk_widget_class_install_action (widget_class, "sync.send", NULL, send_action);
  gtk_widget_class_install_action (widget_class, "sync.receive", NULL, receive_action);
  gtk_widget_class_install_action (widget_class, "sync.enrol", NULL, enrol_action);
  gtk_widget_class_install_action (widget_class, "sync.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "sync.resolve", "(sb)", resolve_action);
}

static void
hmr_sync_page_init (HmrSyncPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);
  self->result_lines = gtk_string_list_new (NULL);
  g_signal_connect_object (self->office_row, "notify::selected", G_CALLBACK (on_office_selected), self,
                           G_CONNECT_SWAPPED);
  g_settings_bind (self->settings, "sync-automatic", self->automatic_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->settings, "changed::sync-automatic", G_CALLBACK (update_automatic), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::sync-automatic-minutes", G_CALLBACK (update_automatic), self,
                           G_CONNECT_SWAPPED);
  update_automatic (self);
}
