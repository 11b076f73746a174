/* hmr-demo-offices.c — the demo as an organisation: the demo database as
 * HQ, and one enrolled installation per district office of the programme,
 * in step with it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hmr-demo.h"
#include "hmr-sync.h"

static HmrActor *
sign_in (HmrStore   *store,
         GPtrArray  *users,
         HmrRole     role,
         GError    **error)
{
  for (guint i = 0; i < users->len; i++)
    {
      HmrDemoUser *u = g_ptr_array_index (users, i);
      if (u->role == role)
        return hmr_store_authenticate (store, u->username, u->password, error);
    }
  g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND, _("The demo has no user with that role."));
  return NULL;
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
  g_rmdir (dir);
}

/* Every bundle in @mail for @path's installation, received there */
static gboolean
receive_at (const char      *path,
            HmrClockFunc     clock,
            gpointer         clock_data,
            const HmrActor  *actor,
            const char      *mail,
            GError         **error)
{
  g_autoptr(HmrStore) store = hmr_store_open (path, error);
  g_autoptr(GPtrArray) received = NULL;

  if (store == NULL)
    return FALSE;
  if (clock)
    hmr_store_set_clock (store, clock, clock_data);
  received = hmr_store_sync_receive_dir (store, actor, mail, error);
  if (received == NULL)
    return FALSE;
  for (guint i = 0; i < received->len; i++)
    {
      HmrSyncReceived *r = g_ptr_array_index (received, i);
      if (r->outcome == HMR_BUNDLE_REFUSED || r->outcome == HMR_BUNDLE_WAITING)
        {
          g_set_error_literal (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_FAILED, r->message);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * hmr_demo_fill_offices:
 * @hq: a database hmr_demo_fill() has filled: it becomes HQ
 * @users: the demo users hmr_demo_fill() made
 * @dir: the folder for the office installations (CODE.sqlite3 each)
 * @paths: (out) (element-type utf8): the installations written, with
 *   their office codes: "CODE PATH"
 *
 * Enrols one installation per district office of Khatlon and GBAO, each
 * introduces itself to HQ with its first bundle and HQ answers: all of
 * them in step.
 */
gboolean
hmr_demo_fill_offices (HmrStore    *hq,
                       GPtrArray   *users,
                       const char  *dir,
                       GPtrArray  **paths,
                       GError     **error)
{
  g_autoptr(HmrActor) admin = NULL;
  g_autoptr(HmrActor) supervisor = NULL;
  g_autoptr(GPtrArray) codes = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sent = NULL;
  g_autofree char *mail = NULL;
  gboolean ok = FALSE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not create the folder “%s”."), dir);
      return FALSE;
    }
  admin = sign_in (hq, users, HMR_ROLE_ADMIN, error);
  if (admin == NULL)
    return FALSE;
  supervisor = sign_in (hq, users, HMR_ROLE_SUPERVISOR, error);
  if (supervisor == NULL)
    return FALSE;
  codes = hmr_store_sync_list_programme_offices (hq, error);
  if (codes == NULL)
    return FALSE;
  mail = g_dir_make_tmp ("hamroh-demo-mail-XXXXXX", error);
  if (mail == NULL)
    return FALSE;

  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = g_ptr_array_index (codes, i);
      g_autofree char *file = g_build_filename (mail, "enrolment", NULL);
      g_autofree char *name = g_strdup_printf ("%s.sqlite3", code);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(HmrStore) office = NULL;
      g_autoptr(GPtrArray) first = NULL;

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("Refused: “%s” already exists; demo installations go into new files only."), path);
          goto out;
        }
      if (!hmr_store_sync_create_enrolment (hq, admin, code, file, NULL, error))
        goto out;
      office = hmr_store_open (path, error);
      if (office == NULL || !hmr_store_sync_enrol (office, file, error))
        goto out;
      g_unlink (file);
      /* its first bundle introduces its keys to HQ */
      first = hmr_store_sync_send (office, supervisor, mail, error);
      if (first == NULL)
        goto out;
      g_ptr_array_add (out, g_strdup_printf ("%s %s", code, path));
    }

  /* HQ takes the introductions in and answers every office */
  {
    g_autoptr(GPtrArray) received = hmr_store_sync_receive_dir (hq, supervisor, mail, error);
    if (received == NULL)
      goto out;
  }
  sent = hmr_store_sync_send (hq, supervisor, mail, error);
  if (sent == NULL)
    goto out;
  for (guint i = 0; i < codes->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.sqlite3", (const char *) g_ptr_array_index (codes, i));
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (!receive_at (path, NULL, NULL, supervisor, mail, error))
        goto out;
    }
  ok = TRUE;
  if (paths)
    *paths = g_steal_pointer (&out);

out:
  empty_folder (mail);
  return ok;
}
