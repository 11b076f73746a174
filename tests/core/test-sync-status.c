/* test-sync-status.c — what the Sync area reads from the store: when each
 * installation last sent and received, a conflict with who wrote each
 * value and the value in force, and a receive cancelled between bundles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "referral-test-util.h"
#include "hmr-sync.h"

typedef struct
{
  Fixture    hq;
  char      *office_path;
  HmrStore  *office;          /* Dusti's office installation */
  char      *mail;
  char      *beneficiary_id;
} Pair;

static void
pair_set_up (Pair          *p,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = make_beneficiary ("Раҳимов", "Алишер", "Dusti");
  g_autofree char *file = NULL;

  fixture_set_up (&p->hq, data);
  g_assert_true (hmr_store_insert_beneficiary (p->hq.store, p->hq.supervisor, b, &error));
  g_assert_no_error (error);
  p->beneficiary_id = g_strdup (hmr_beneficiary_get (b, HMR_BENEFICIARY_ID));

  file = g_build_filename (p->hq.dir, "DST.enrol", NULL);
  g_assert_true (hmr_store_sync_create_enrolment (p->hq.store, p->hq.admin, "DST", file, NULL, &error));
  g_assert_no_error (error);
  p->office_path = g_build_filename (p->hq.dir, "DST.sqlite3", NULL);
  p->office = hmr_store_open (p->office_path, &error);
  g_assert_no_error (error);
  hmr_store_set_clock (p->office, fixture_clock, &p->hq);
  g_assert_true (hmr_store_sync_enrol (p->office, file, &error));
  g_assert_no_error (error);
  g_unlink (file);
  p->mail = g_build_filename (p->hq.dir, "mail", NULL);
  g_mkdir (p->mail, 0700);
}

static void
remove_dir_files (const char *dir)
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
pair_tear_down (Pair          *p,
                gconstpointer  data)
{
  g_autofree char *keys = hmr_sync_keys_path (p->hq.path);

  g_clear_object (&p->office);
  remove_dir_files (p->mail);
  g_rmdir (p->mail);
  g_unlink (keys);
  {
    /* the office's database, its journal files and keys */
    g_autofree char *wal = g_strconcat (p->office_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (p->office_path, "-shm", NULL);
    g_autofree char *anchor = g_strconcat (p->office_path, ".anchor", NULL);
    g_autofree char *office_keys = hmr_sync_keys_path (p->office_path);

    g_unlink (p->office_path);
    g_unlink (wal);
    g_unlink (shm);
    g_unlink (anchor);
    g_unlink (office_keys);
  }
  g_free (p->office_path);
  g_free (p->mail);
  g_free (p->beneficiary_id);
  fixture_tear_down (&p->hq, data);
}

static void
edit_village (HmrStore       *store,
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

static void
exchange (HmrStore       *from,
          HmrStore       *to,
          const HmrActor *actor,
          const char     *mail)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sent = hmr_store_sync_send (from, actor, mail, &error);
  g_autoptr(GPtrArray) received = NULL;

  g_assert_no_error (error);
  received = hmr_store_sync_receive_dir (to, actor, mail, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < received->len; i++)
    {
      HmrSyncReceived *r = g_ptr_array_index (received, i);
      g_assert_cmpint (r->outcome, !=, HMR_BUNDLE_REFUSED);
    }
  remove_dir_files (mail);
}

static void
test_peers_say_when_last_sent_and_received (Pair          *p,
                                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) at_hq = NULL;
  g_autoptr(GPtrArray) at_office = NULL;
  g_autofree char *hq_code = hmr_store_sync_dup_office_code (p->hq.store);
  g_autofree char *office_code = hmr_store_sync_dup_office_code (p->office);
  HmrSyncPeer *peer;

  g_assert_cmpstr (hq_code, ==, "HQ");
  g_assert_cmpstr (office_code, ==, "DST");

  /* Before anything travelled: the office is known, nothing exchanged */
  at_hq = hmr_store_sync_list_peers (p->hq.store, p->hq.admin, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (at_hq->len, ==, 1);
  peer = g_ptr_array_index (at_hq, 0);
  g_assert_cmpstr (peer->office_code, ==, "DST");
  g_assert_cmpint (peer->role, ==, HMR_INSTALLATION_OFFICE);
  g_assert_null (peer->last_sent_at);
  g_assert_null (peer->last_received_at);
  g_clear_pointer (&at_hq, g_ptr_array_unref);

  exchange (p->office, p->hq.store, p->hq.admin, p->mail);
  exchange (p->hq.store, p->office, p->hq.admin, p->mail);

  at_hq = hmr_store_sync_list_peers (p->hq.store, p->hq.supervisor, &error);
  g_assert_no_error (error);
  peer = g_ptr_array_index (at_hq, 0);
  g_assert_cmpuint (peer->last_bundle_received, ==, 1);
  g_assert_cmpuint (peer->last_bundle_sent, ==, 1);
  g_assert_nonnull (peer->last_sent_at);
  g_assert_nonnull (peer->last_received_at);

  at_office = hmr_store_sync_list_peers (p->office, p->hq.admin, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (at_office->len, ==, 1);
  peer = g_ptr_array_index (at_office, 0);
  g_assert_cmpstr (peer->office_code, ==, "HQ");
  g_assert_cmpint (peer->role, ==, HMR_INSTALLATION_HQ);
  g_assert_cmpuint (peer->last_bundle_sent, ==, 1);
  g_assert_cmpuint (peer->last_bundle_received, ==, 1);

  /* Caseworkers do not sync, so they do not see this either */
  g_assert_null (hmr_store_sync_list_peers (p->hq.store, p->hq.caseworker, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
}

static void
test_conflict_names_who_wrote_each (Pair          *p,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  HmrSyncConflict *c;
  guint n = 99;

  exchange (p->office, p->hq.store, p->hq.supervisor, p->mail);
  exchange (p->hq.store, p->office, p->hq.supervisor, p->mail);

  /* The caseworker at the office, then the supervisor at HQ an hour
   * later, change the same village */
  edit_village (p->office, p->hq.caseworker, p->beneficiary_id, "Гулистон");
  g_date_time_unref (p->hq.now);
  p->hq.now = g_date_time_new_utc (2026, 11, 23, 10, 30, 0);
  edit_village (p->hq.store, p->hq.supervisor, p->beneficiary_id, "Навобод");
  exchange (p->office, p->hq.store, p->hq.supervisor, p->mail);

  g_assert_true (hmr_store_sync_count_open_conflicts (p->hq.store, p->hq.supervisor, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);

  conflicts = hmr_store_sync_list_conflicts (p->hq.store, p->hq.supervisor, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  c = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (c->current, ==, "Навобод");
  g_assert_cmpstr (c->beneficiary_id, ==, p->beneficiary_id);
  g_assert_cmpstr (c->kept, ==, "Навобод");
  g_assert_cmpstr (c->kept_office, ==, "HQ");
  g_assert_cmpstr (c->kept_by, ==, "n.karimova");
  g_assert_nonnull (c->kept_at);
  g_assert_cmpstr (c->lost, ==, "Гулистон");
  g_assert_cmpstr (c->lost_office, ==, "DST");
  g_assert_cmpstr (c->lost_by, ==, "m.rahimova");
  g_assert_nonnull (c->lost_at);
  g_assert_cmpstr (c->lost_at, <, c->kept_at);

  /* Resolved, it waits no more */
  g_assert_true (hmr_store_sync_resolve_conflict (p->hq.store, p->hq.supervisor, c->id, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (hmr_store_sync_count_open_conflicts (p->hq.store, p->hq.supervisor, &n, &error));
  g_assert_cmpuint (n, ==, 0);

  /* An administrator syncs but does not review conflicts */
  g_assert_false (hmr_store_sync_count_open_conflicts (p->hq.store, p->hq.admin, &n, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
}

static void
test_cancelled_receive_applies_nothing (Pair          *p,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GPtrArray) received = NULL;
  g_autoptr(GPtrArray) peers = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  HmrSyncPeer *peer;

  sent = hmr_store_sync_send (p->office, p->hq.admin, p->mail, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sent->len, ==, 1);

  g_cancellable_cancel (cancellable);
  received = hmr_store_sync_receive_dir_full (p->hq.store, p->hq.admin, p->mail, NULL, NULL, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (received);
  g_clear_error (&error);

  peers = hmr_store_sync_list_peers (p->hq.store, p->hq.admin, &error);
  g_assert_no_error (error);
  peer = g_ptr_array_index (peers, 0);
  g_assert_cmpuint (peer->last_bundle_received, ==, 0);

  /* The bundle is still there for the next time */
  received = hmr_store_sync_receive_dir_full (p->hq.store, p->hq.admin, p->mail, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (received->len, ==, 1);
  g_assert_cmpint (((HmrSyncReceived *) g_ptr_array_index (received, 0))->outcome, ==, HMR_BUNDLE_APPLIED);
}

static void
test_cancelled_send_writes_down_nothing (Pair          *p,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GPtrArray) peers = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  HmrSyncPeer *peer;

  exchange (p->office, p->hq.store, p->hq.admin, p->mail);
  g_cancellable_cancel (cancellable);
  sent = hmr_store_sync_send_full (p->hq.store, p->hq.admin, p->mail, NULL, NULL, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (sent);
  g_clear_error (&error);
  peers = hmr_store_sync_list_peers (p->hq.store, p->hq.admin, &error);
  g_assert_no_error (error);
  peer = g_ptr_array_index (peers, 0);
  g_assert_cmpuint (peer->last_bundle_sent, ==, 0);
  g_assert_null (peer->last_sent_at);
}

/* A database on its own is made HQ on another connection (the window's
 * Sync area does it in a thread): what the first connection writes next
 * is still captured and sent */
static void
test_made_hq_elsewhere_still_captures (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrStore) thread = NULL;
  g_autoptr(HmrStore) office = NULL;
  g_autoptr(HmrBeneficiary) before = make_beneficiary ("Саидов", "Фаррух", "Dusti");
  g_autoptr(HmrBeneficiary) after = make_beneficiary ("Раҳимов", "Алишер", "Dusti");
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GPtrArray) received = NULL;
  g_autofree char *file = g_build_filename (f->dir, "DST.enrol", NULL);
  g_autofree char *office_path = g_build_filename (f->dir, "DST.sqlite3", NULL);
  g_autofree char *mail = g_build_filename (f->dir, "mail", NULL);
  g_autofree char *keys = hmr_sync_keys_path (f->path);
  g_autofree char *office_keys = hmr_sync_keys_path (office_path);

  g_mkdir (mail, 0700);
  /* This connection has written as a database on its own */
  g_assert_true (hmr_store_insert_beneficiary (f->store, f->supervisor, before, &error));
  g_assert_no_error (error);

  thread = hmr_store_open_sibling (f->store, &error);
  g_assert_no_error (error);
  g_assert_true (hmr_store_sync_create_enrolment (thread, f->admin, "DST", file, NULL, &error));
  g_assert_no_error (error);
  office = hmr_store_open (office_path, &error);
  g_assert_no_error (error);
  g_assert_true (hmr_store_sync_enrol (office, file, &error));
  g_assert_no_error (error);
  g_clear_pointer (&sent, g_ptr_array_unref);
  sent = hmr_store_sync_send (office, f->admin, mail, &error);
  g_assert_no_error (error);
  received = hmr_store_sync_receive_dir (thread, f->admin, mail, &error);
  g_assert_no_error (error);
  remove_dir_files (mail);
  g_clear_pointer (&received, g_ptr_array_unref);
  g_clear_pointer (&sent, g_ptr_array_unref);

  /* The first connection writes again, then sends */
  g_assert_true (hmr_store_insert_beneficiary (f->store, f->supervisor, after, &error));
  g_assert_no_error (error);
  sent = hmr_store_sync_send (f->store, f->admin, mail, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sent->len, ==, 1);
  received = hmr_store_sync_receive_dir (office, f->admin, mail, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (received->len, ==, 1);
  {
    g_autoptr(HmrBeneficiary) there = hmr_store_get_beneficiary (office, f->caseworker,
                                                                 hmr_beneficiary_get (after, HMR_BENEFICIARY_ID),
                                                                 &error);
    g_assert_no_error (error);
    g_assert_cmpstr (hmr_beneficiary_get (there, HMR_BENEFICIARY_FAMILY_NAME), ==, "Раҳимов");
  }

  g_clear_object (&office);
  remove_dir_files (mail);
  g_rmdir (mail);
  {
    g_autofree char *wal = g_strconcat (office_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (office_path, "-shm", NULL);
    g_autofree char *anchor = g_strconcat (office_path, ".anchor", NULL);

    g_unlink (office_path);
    g_unlink (wal);
    g_unlink (shm);
    g_unlink (anchor);
  }
  g_unlink (office_keys);
  g_unlink (keys);
  g_unlink (file);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Pair, NULL, pair_set_up, fn, pair_tear_down)
  ADD ("/sync/status/peers-say-when-last-sent-and-received", test_peers_say_when_last_sent_and_received);
  ADD ("/sync/conflict/names-who-wrote-each-and-the-value-in-force", test_conflict_names_who_wrote_each);
  ADD ("/sync/receive/cancelled-applies-nothing-and-leaves-the-bundle", test_cancelled_receive_applies_nothing);
  ADD ("/sync/send/cancelled-writes-down-nothing-as-sent", test_cancelled_send_writes_down_nothing);
#undef ADD
  g_test_add ("/sync/capture/made-hq-on-another-connection-still-captured", Fixture, NULL, fixture_set_up,
              test_made_hq_elsewhere_still_captures, fixture_tear_down);

  return g_test_run ();
}
