/* hmr-sync-run.c
 *
 * The Sync area's slow work: sending, receiving and writing an enrolment
 * file, in a GTask thread on a connection of its own, with progress shown
 * in the window's progress bar; and the plain words for what a run did.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-sync-run.h"
#include "hmr-gui-util.h"

/* "Dusti office", or "HQ" */
char *
hmr_sync_installation_label (HmrInstallationRole  role,
                             const char          *code,
                             const char          *district)
{
  if (role == HMR_INSTALLATION_HQ || g_strcmp0 (code, "HQ") == 0)
    return g_strdup (_("HQ"));
  /* Translators: an office installation by its district, as in "Vakhsh office" */
  return g_strdup_printf (_("%s office"), district ? hmr_district_get_label (district) : code);
}

/* ---- the run, in a thread ---------------------------------------------------- */

typedef struct
{
  HmrSyncJobKind   kind;
  HmrStore        *store;       /* a connection of its own */
  HmrActor        *actor;
  char            *folder;
  char            *office_code;
  GtkProgressBar  *progress_bar;
  GApplication    *application;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->store);
  hmr_actor_free (job->actor);
  g_free (job->folder);
  g_free (job->office_code);
  g_clear_object (&job->progress_bar);
  hmr_gui_release_application (job->application);
  g_free (job);
}

typedef struct
{
  GtkProgressBar *bar;
  HmrSyncJobKind  kind;
  guint           done;
  guint           total;
} Progress;

static gboolean
show_progress (gpointer data)
{
  Progress *p = data;
  g_autofree char *text = NULL;

  if (p->kind == HMR_SYNC_JOB_RECEIVE)
    /* Translators: progress of a receive: "Bundle 2 of 5" */
    text = g_strdup_printf (_("Bundle %u of %u"), p->done + 1, p->total);
  else
    /* Translators: progress of a send: "Installation 2 of 16" */
    text = g_strdup_printf (_("Installation %u of %u"), p->done + 1, p->total);
  gtk_progress_bar_set_fraction (p->bar, p->total ? (double) p->done / p->total : 0);
  gtk_progress_bar_set_text (p->bar, text);
  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer data)
{
  Progress *p = data;

  g_object_unref (p->bar);
  g_free (p);
}

static void
on_progress (guint    done,
             guint    total,
             gpointer data)
{
  Job *job = data;
  Progress *p = g_new0 (Progress, 1);

  p->bar = g_object_ref (job->progress_bar);
  p->kind = job->kind;
  p->done = done;
  p->total = total;
  g_idle_add_full (G_PRIORITY_DEFAULT, show_progress, p, progress_free);
}

static void
run_thread (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *result = NULL;

  switch (job->kind)
    {
    case HMR_SYNC_JOB_SEND:
      result = hmr_store_sync_send_full (job->store, job->actor, job->folder, on_progress, job, cancellable,
                                         &error);
      break;
    case HMR_SYNC_JOB_RECEIVE:
      result = hmr_store_sync_receive_dir_full (job->store, job->actor, job->folder, on_progress, job,
                                                cancellable, &error);
      break;
    case HMR_SYNC_JOB_ENROL:
    default:
      {
        g_autofree char *name = g_strdup_printf ("hamroh-enrolment-%s.hamroh", job->office_code);
        g_autofree char *path = g_build_filename (job->folder, name, NULL);

        if (g_file_test (path, G_FILE_TEST_EXISTS))
          g_set_error (&error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("“%s” is already there: move it away or choose another folder, so that an office "
                         "is not set up from the wrong file."), path);
        else if (hmr_store_sync_create_enrolment (job->store, job->actor, job->office_code, path, NULL, &error))
          {
            result = g_ptr_array_new_with_free_func (g_free);
            g_ptr_array_add (result, g_steal_pointer (&path));
          }
      }
      break;
    }
  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, (GDestroyNotify) g_ptr_array_unref);
}

gboolean
hmr_sync_run_start (HmrContext          *context,
                    HmrSyncJobKind       kind,
                    const char          *folder,
                    const char          *office_code,
                    GtkWidget           *widget,
                    GtkProgressBar      *progress_bar,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data,
                    GError             **error)
{
  g_autoptr(GTask) task = NULL;
  HmrStore *connection;
  Job *job;

  connection = hmr_context_open_connection (context, error);
  if (connection == NULL)
    return FALSE;
  job = g_new0 (Job, 1);
  job->kind = kind;
  job->store = connection;
  job->actor = hmr_actor_copy (hmr_context_get_actor (context));
  job->folder = g_strdup (folder);
  job->office_code = g_strdup (office_code);
  job->progress_bar = g_object_ref (progress_bar);
  job->application = hmr_gui_hold_application (widget);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hmr_sync_run_start);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, run_thread);
  return TRUE;
}

/**
 * hmr_sync_run_finish:
 *
 * Returns: (transfer full): HmrSyncSent, HmrSyncReceived or the enrolment
 *   file's path, by @kind; %NULL on error
 */
GPtrArray *
hmr_sync_run_finish (GAsyncResult    *result,
                     HmrSyncJobKind  *kind,
                     GError         **error)
{
  Job *job = g_task_get_task_data (G_TASK (result));

  *kind = job->kind;
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- what a run did, in words --------------------------------------------- */

static void
show_sent (GPtrArray      *sent,
           GHashTable     *labels,
           HmrSyncSayFunc  say,
           gpointer        self)
{
  if (sent->len == 0)
    say (self, _("Nothing to send: every installation already has this one’s changes."), NULL, FALSE);
  for (guint i = 0; i < sent->len; i++)
    {
      HmrSyncSent *s = g_ptr_array_index (sent, i);
      const char *who = g_hash_table_lookup (labels, s->peer);
      g_autofree char *title = NULL;
      g_autofree char *file = g_path_get_basename (s->file);

      /* Translators: "Sent to Dusti office: 214 changes" */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sent to %s: %u change", "Sent to %s: %u changes",
                                            s->n_changes),
                               who ? who : s->peer_office, s->n_changes);
      say (self, title, file, FALSE);
    }
}

static void
show_received (GPtrArray      *received,
               GHashTable     *labels,
               HmrSyncSayFunc  say,
               gpointer        self)
{
  if (received->len == 0)
    say (self, _("No bundles for this installation in that folder."), NULL, FALSE);
  for (guint i = 0; i < received->len; i++)
    {
      HmrSyncReceived *r = g_ptr_array_index (received, i);
      const char *who = r->sender ? g_hash_table_lookup (labels, r->sender) : NULL;
      g_autofree char *file = g_path_get_basename (r->file);
      g_autofree char *title = NULL;
      g_autofree char *changes = NULL;

      switch (r->outcome)
        {
        case HMR_BUNDLE_APPLIED:
          changes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change", "%u changes", r->n_changes),
                                     r->n_changes);
          /* Translators: "Vakhsh office: 214 changes, 3 conflicts" */
          title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s, %u conflict", "%s: %s, %u conflicts",
                                                r->n_conflicts),
                                   who ? who : _("Another installation"), changes, r->n_conflicts);
          say (self, title, file, FALSE);
          break;
        case HMR_BUNDLE_ALREADY_APPLIED:
          /* Translators: a bundle received before: "Dusti office: already received" */
          title = g_strdup_printf (_("%s: already received, nothing changed"), who ? who : file);
          say (self, title, file, FALSE);
          break;
        case HMR_BUNDLE_WAITING:
          /* Translators: a bundle that waits for an earlier one */
          title = g_strdup_printf (_("Waiting: %s"), file);
          say (self, title, r->message, FALSE);
          break;
        case HMR_BUNDLE_REFUSED:
        default:
          /* Translators: a bundle that was not applied, the reason under it */
          title = g_strdup_printf (_("Refused: %s"), file);
          say (self, title, r->message, TRUE);
          break;
        }
    }
}

void
hmr_sync_run_describe (HmrSyncJobKind  kind,
                       GPtrArray      *result,
                       GHashTable     *labels,
                       HmrSyncSayFunc  say,
                       gpointer        data)
{
  if (kind == HMR_SYNC_JOB_SEND)
    show_sent (result, labels, say, data);
  else if (kind == HMR_SYNC_JOB_RECEIVE)
    show_received (result, labels, say, data);
}

/* When a bundle went or came, and its number; "never" */
char *
hmr_sync_describe_when (const char *timestamp,
                        guint64     number)
{
  g_autofree char *when = NULL;
  g_autofree char *n = NULL;

  if (timestamp == NULL)
    return g_strdup (C_("sync", "never"));
  when = hmr_gui_format_timestamp (timestamp);
  n = g_strdup_printf ("%" G_GUINT64_FORMAT, number);
  /* Translators: when a bundle was sent or received, and its number: "08.12.2026 10:14 (bundle 5)" */
  return g_strdup_printf (C_("sync", "%s (bundle %s)"), when, n);
}

/* Whole days from @timestamp to now; 0 for never */
guint
hmr_sync_days_since (const char *timestamp)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) then = timestamp ? g_date_time_new_from_iso8601 (timestamp, utc) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (then == NULL)
    return 0;
  return (guint) MAX (g_date_time_difference (now, then) / G_TIME_SPAN_DAY, 0);
}
