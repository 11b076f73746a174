/* test-sync-organisation.c — the organisation as printed and the grant
 * numbers between HQ and an office's laptop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "grant-test-util.h"
#include "hmr-organisation.h"
#include "hmr-sync.h"

typedef struct
{
  Fixture    hq;
  char      *dusti_path;
  HmrStore  *dusti;           /* a laptop of the Dusti office */
  char      *mail;
} Sync;

static void
sync_set_up (Sync          *s,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;

  fixture_set_up (&s->hq, data);
  file = g_build_filename (s->hq.dir, "DST", NULL);
  s->dusti_path = g_build_filename (s->hq.dir, "DST.sqlite3", NULL);
  g_assert_true (hmr_store_sync_create_enrolment (s->hq.store, s->hq.admin, "DST", file, NULL, &error));
  g_assert_no_error (error);
  s->dusti = hmr_store_open (s->dusti_path, &error);
  g_assert_no_error (error);
  hmr_store_set_clock (s->dusti, fixture_clock, &s->hq);
  g_assert_true (hmr_store_sync_enrol (s->dusti, file, &error));
  g_assert_no_error (error);
  g_unlink (file);
  s->mail = g_build_filename (s->hq.dir, "mail", NULL);
  g_mkdir (s->mail, 0700);
}

static void
sync_tear_down (Sync          *s,
                gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (s->mail, 0, NULL);
  const char *name;
  const char *suffixes[] = { "", "-wal", "-shm" };

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (s->mail, name, NULL);
      g_unlink (path);
    }
  g_rmdir (s->mail);
  g_clear_object (&s->dusti);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (s->dusti_path, suffixes[i], NULL);
      g_unlink (path);
    }
  {
    g_autofree char *keys = hmr_sync_keys_path (s->dusti_path);
    g_autofree char *hq_keys = hmr_sync_keys_path (s->hq.path);
    g_unlink (keys);
    g_unlink (hq_keys);
  }
  g_free (s->dusti_path);
  g_free (s->mail);
  grant_tear_down (&s->hq, data);
}

/* Sends what @from has for the other side and receives it there */
static void
carry (HmrStore       *from,
       HmrStore       *to,
       const HmrActor *actor,
       const char     *mail)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sent = hmr_store_sync_send (from, actor, mail, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < sent->len; i++)
    {
      HmrSyncSent *one = g_ptr_array_index (sent, i);
      g_autoptr(HmrSyncReceived) r = hmr_store_sync_receive_file (to, actor, one->file, &error);

      g_assert_no_error (error);
      g_assert_cmpint (r->outcome, ==, HMR_BUNDLE_APPLIED);
    }
}

static char *
grant_number (HmrStore       *store,
              const HmrActor *actor,
              const char     *person,
              const char     *purpose)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrGrant) g = hmr_grant_new ();

  g->purpose = g_strdup (purpose);
  hmr_grant_add_item (g, "Equipment", 1, "set", 100000);
  hmr_grant_add_member (g, person);
  g_assert_true (hmr_store_insert_grant (store, actor, g, &error));
  g_assert_no_error (error);
  return g_strdup (g->number);
}

static void
test_organisation_and_numbers_reach_the_laptop (Sync          *s,
                                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrOrganisation) org = hmr_store_get_organisation (s->hq.store, s->hq.admin, &error);
  g_autoptr(HmrOrganisation) at_office = NULL;
  g_autoptr(HmrBeneficiary) b = make_beneficiary ("Раҳимов", "Алишер", "Dusti");
  g_autofree char *at_hq = NULL;
  g_autofree char *on_laptop = NULL;
  const char *person;

  g_assert_no_error (error);
  org->name[0] = g_strdup ("Созмони ҷамъиятии «Ҳамроҳ»");
  g_assert_true (hmr_store_set_organisation (s->hq.store, s->hq.admin, org, &error));
  g_assert_no_error (error);

  /* HQ registers a Dusti case and drafts its grant */
  g_assert_true (hmr_store_insert_beneficiary (s->hq.store, s->hq.supervisor, b, &error));
  g_assert_no_error (error);
  person = hmr_beneficiary_get (b, HMR_BENEFICIARY_ID);
  at_hq = grant_number (s->hq.store, s->hq.supervisor, person, "Welding workshop");
  g_assert_cmpstr (at_hq, ==, "DST-G-2026-0001");

  carry (s->dusti, s->hq.store, s->hq.supervisor, s->mail);
  carry (s->hq.store, s->dusti, s->hq.supervisor, s->mail);

  /* the laptop prints the organisation HQ gave … */
  at_office = hmr_store_get_organisation (s->dusti, s->hq.caseworker, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (at_office->name[0], ==, "Созмони ҷамъиятии «Ҳамроҳ»");
  /* … and numbers its next grant after the one it received */
  on_laptop = grant_number (s->dusti, s->hq.caseworker, person, "Greenhouse");
  g_assert_cmpstr (on_laptop, ==, "DST-G-2026-0002");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/sync/organisation-and-grant-numbers-reach-the-office-laptop", Sync, NULL,
              sync_set_up, test_organisation_and_numbers_reach_the_laptop, sync_tear_down);
  return g_test_run ();
}
