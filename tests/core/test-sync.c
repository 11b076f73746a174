/* test-sync.c — HQ and an office installation exchanging bundles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "referral-test-util.h"
#include "hmr-case-file.h"
#include "hmr-case-moves.h"
#include "hmr-sync.h"
#include "hmr-store-changes.h"

extern void (*hmr_sync_test_after_change) (guint n_applied);

typedef struct
{
  Fixture    hq;              /* admin, caseworker (Dusti), supervisor … */
  char      *dusti_path;
  HmrStore  *dusti;           /* Dusti's office installation */
  char      *panj_path;
  HmrStore  *panj;            /* Panj's, made only by the tests that need it */
  char      *mail;            /* the folder bundles travel through */
  char      *beneficiary_id;  /* a Dusti case, at both */
} Sync;

static HmrStore *
enrol_office (Sync       *s,
              const char *code,
              char      **path_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (s->hq.dir, code, NULL);
  g_autofree char *path = g_strdup_printf ("%s/%s.sqlite3", s->hq.dir, code);
  HmrStore *office;

  g_assert_true (hmr_store_sync_create_enrolment (s->hq.store, s->hq.admin, code, file, NULL, &error));
  g_assert_no_error (error);
  office = hmr_store_open (path, &error);
  g_assert_no_error (error);
  hmr_store_set_clock (office, fixture_clock, &s->hq);
  g_assert_true (hmr_store_sync_enrol (office, file, &error));
  g_assert_no_error (error);
  g_unlink (file);
  *path_out = g_steal_pointer (&path);
  return office;
}

static void
sync_set_up (Sync          *s,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = make_beneficiary ("Раҳимов", "Алишер", "Dusti");
  g_autoptr(HmrBeneficiary) p = make_beneficiary ("Сафаров", "Фирӯз", "Panj");

  fixture_set_up (&s->hq, data);
  g_assert_true (hmr_store_insert_beneficiary (s->hq.store, s->hq.supervisor, b, &error));
  g_assert_no_error (error);
  s->beneficiary_id = g_strdup (hmr_beneficiary_get (b, HMR_BENEFICIARY_ID));
  g_assert_true (hmr_store_insert_beneficiary (s->hq.store, s->hq.supervisor, p, &error));
  g_assert_no_error (error);

  s->dusti = enrol_office (s, "DST", &s->dusti_path);
  s->mail = g_build_filename (s->hq.dir, "mail", NULL);
  g_mkdir (s->mail, 0700);
}

static void
remove_database (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *keys = hmr_sync_keys_path (path);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (keys);
}

static void
sync_tear_down (Sync          *s,
                gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (s->mail, 0, NULL);
  g_autofree char *hq_keys = hmr_sync_keys_path (s->hq.path);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (s->mail, name, NULL);
      g_unlink (path);
    }
  g_rmdir (s->mail);
  g_clear_object (&s->dusti);
  g_clear_object (&s->panj);
  remove_database (s->dusti_path);
  if (s->panj_path)
    remove_database (s->panj_path);
  g_unlink (hq_keys);
  g_free (s->dusti_path);
  g_free (s->panj_path);
  g_free (s->mail);
  g_free (s->beneficiary_id);
  fixture_tear_down (&s->hq, data);
}

/* The one bundle @from writes for the others */
static char *
send_one (HmrStore       *from,
          const HmrActor *actor,
          const char     *mail)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sent = hmr_store_sync_send (from, actor, mail, &error);
  HmrSyncSent *first;

  g_assert_no_error (error);
  g_assert_cmpuint (sent->len, >=, 1);
  first = g_ptr_array_index (sent, 0);
  return g_strdup (first->file);
}

static HmrSyncReceived *
receive_ok (HmrStore       *store,
            const HmrActor *actor,
            const char     *file)
{
  g_autoptr(GError) error = NULL;
  HmrSyncReceived *r = hmr_store_sync_receive_file (store, actor, file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (r);
  return r;
}

static void
edit (HmrStore       *store,
      const HmrActor *actor,
      const char     *id,
      HmrBeneficiaryField field,
      const char     *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = hmr_store_get_beneficiary (store, actor, id, &error);

  g_assert_no_error (error);
  hmr_beneficiary_set (b, field, value);
  g_assert_true (hmr_store_update_beneficiary (store, actor, b, &error));
  g_assert_no_error (error);
}

static char *
field_of (HmrStore       *store,
          const HmrActor *actor,
          const char     *id,
          HmrBeneficiaryField field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = hmr_store_get_beneficiary (store, actor, id, &error);

  g_assert_no_error (error);
  return g_strdup (hmr_beneficiary_get (b, field));
}

/* The office's first bundle introduces its keys; HQ's answer carries
 * HQ's acknowledgement */
static void
introduce (Sync *s)
{
  g_autofree char *first = send_one (s->dusti, s->hq.supervisor, s->mail);
  g_autoptr(HmrSyncReceived) r = receive_ok (s->hq.store, s->hq.supervisor, first);

  g_assert_cmpint (r->outcome, ==, HMR_BUNDLE_APPLIED);
}

static void
test_enrol_office (Sync          *s,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *keys = hmr_sync_keys_path (s->dusti_path);
  g_autofree char *village = NULL;
  GStatBuf st;

  g_assert_cmpint (hmr_store_sync_get_role (s->hq.store), ==, HMR_INSTALLATION_HQ);
  g_assert_cmpint (hmr_store_sync_get_role (s->dusti), ==, HMR_INSTALLATION_OFFICE);

  /* the office's own cases and the users, not the other offices' cases */
  g_assert_cmpint (count_rows (s->dusti_path, "SELECT count(*) FROM beneficiary"), ==, 1);
  g_assert_cmpint (count_rows (s->dusti_path, "SELECT count(*) FROM case_file"), ==, 1);
  g_assert_cmpint (count_rows (s->dusti_path, "SELECT count(*) FROM app_user"), ==, 5);
  village = field_of (s->dusti, s->hq.caseworker, s->beneficiary_id, HMR_BENEFICIARY_FAMILY_NAME);
  g_assert_cmpstr (village, ==, "Раҳимов");

  /* the private keys: outside the database, for its owner only */
  g_assert_cmpint (g_stat (keys, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (count_rows (s->dusti_path, "SELECT count(*) FROM sync_installation WHERE role = 'office'"), ==, 1);

  /* and a database with data of its own is never overwritten */
  {
    g_autofree char *file = g_build_filename (s->hq.dir, "again", NULL);
    g_assert_true (hmr_store_sync_create_enrolment (s->hq.store, s->hq.admin, "DST", file, NULL, &error));
    g_assert_no_error (error);
    g_assert_false (hmr_store_sync_enrol (s->hq.store, file, &error));
    g_assert_error (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_NOT_ENROLLED);
    g_unlink (file);
  }
}

static void
test_enrol_refused_to_caseworker (Sync          *s,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (s->hq.dir, "nope", NULL);

  g_assert_false (hmr_store_sync_create_enrolment (s->hq.store, s->hq.caseworker, "DST", file, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
}

static void
test_capture_same_transaction (Sync          *s,
                               gconstpointer  data)
{
  const char *outbox = "SELECT count(*) FROM sync_outbox WHERE tbl = 'beneficiary' AND op = 23";
  gint64 before = count_rows (s->dusti_path, outbox);

  edit (s->dusti, s->hq.caseworker, s->beneficiary_id, HMR_BENEFICIARY_VILLAGE, "Гулистон");
  g_assert_cmpint (count_rows (s->dusti_path, outbox), ==, before + 1);
  /* the field's stamp, for the merge */
  g_assert_cmpint (count_rows (s->dusti_path,
                               "SELECT count(*) FROM sync_field WHERE tbl = 'beneficiary' AND col = 'village'"), ==, 1);
  /* a login changes local columns only: nothing to send */
  before = count_rows (s->dusti_path, "SELECT count(*) FROM sync_outbox");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HmrActor) again = hmr_store_authenticate (s->dusti, "m.rahimova", "Anor-Surkh-4821", &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (count_rows (s->dusti_path, "SELECT count(*) FROM sync_outbox"), ==, before);
}

static void
test_both_ways (Sync          *s,
                gconstpointer  data)
{
  g_autofree char *to_hq = NULL;
  g_autofree char *to_office = NULL;
  g_autofree char *village = NULL;
  g_autofree char *jamoat = NULL;
  g_autoptr(HmrSyncReceived) r1 = NULL;
  g_autoptr(HmrSyncReceived) r2 = NULL;

  introduce (s);
  edit (s->dusti, s->hq.caseworker, s->beneficiary_id, HMR_BENEFICIARY_VILLAGE, "Гулистон");
  edit (s->hq.store, s->hq.supervisor, s->beneficiary_id, HMR_BENEFICIARY_JAMOAT, "Ғаробдара");

  to_hq = send_one (s->dusti, s->hq.supervisor, s->mail);
  r1 = receive_ok (s->hq.store, s->hq.supervisor, to_hq);
  g_assert_cmpint (r1->outcome, ==, HMR_BUNDLE_APPLIED);
  g_assert_cmpuint (r1->n_conflicts, ==, 0);
  to_office = send_one (s->hq.store, s->hq.supervisor, s->mail);
  r2 = receive_ok (s->dusti, s->hq.supervisor, to_office);
  g_assert_cmpint (r2->outcome, ==, HMR_BUNDLE_APPLIED);

  /* different fields merge, at both */
  village = field_of (s->hq.store, s->hq.supervisor, s->beneficiary_id, HMR_BENEFICIARY_VILLAGE);
  jamoat = field_of (s->dusti, s->hq.caseworker, s->beneficiary_id, HMR_BENEFICIARY_JAMOAT);
  g_assert_cmpstr (village, ==, "Гулистон");
  g_assert_cmpstr (jamoat, ==, "Ғаробдара");
  g_free (village);
  village = field_of (s->dusti, s->hq.caseworker, s->beneficiary_id, HMR_BENEFICIARY_VILLAGE);
  g_assert_cmpstr (village, ==, "Гулистон");

  /* the office's audit rows are at HQ, and its chain holds there */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) origins = hmr_store_sync_verify_origins (s->hq.store, s->hq.admin, &error);
    HmrOriginAudit *a;

    g_assert_no_error (error);
    g_assert_cmpuint (origins->len, ==, 1);
    a = g_ptr_array_index (origins, 0);
    g_assert_cmpstr (a->office_code, ==, "DST");
    g_assert_cmpint (a->n_checked, >=, 2);
    g_assert_cmpint (a->first_broken, ==, 0);
    g_assert_true (a->head_matches);

    /* a row rewritten is named */
    exec_sql (s->hq.path, "UPDATE audit_received SET username = 'someone' WHERE seq = 2");
    g_clear_pointer (&origins, g_ptr_array_unref);
    origins = hmr_store_sync_verify_origins (s->hq.store, s->hq.admin, &error);
    g_assert_no_error (error);
    a = g_ptr_array_index (origins, 0);
    g_assert_cmpint (a->first_broken, ==, 2);
  }
}

static void
test_same_field_conflict (Sync          *s,
                          gconstpointer  data)
{
  g_autofree char *to_hq = NULL;
  g_autofree char *to_office = NULL;
  g_autofree char *at_hq = NULL;
  g_autofree char *at_office = NULL;
  g_autoptr(HmrSyncReceived) r1 = NULL;
  g_autoptr(HmrSyncReceived) r2 = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  HmrSyncConflict *c;

  introduce (s);
  edit (s->dusti, s->hq.caseworker, s->beneficiary_id, HMR_BENEFICIARY_VILLAGE, "Гулистон");
  /* HQ's edit is the later one */
  g_date_time_unref (s->hq.now);
  s->hq.now = g_date_time_new_utc (2026, 11, 23, 10, 0, 0);
  edit (s->hq.store, s->hq.supervisor, s->beneficiary_id, HMR_BENEFICIARY_VILLAGE, "Навобод");

  to_hq = send_one (s->dusti, s->hq.supervisor, s->mail);
  to_office = send_one (s->hq.store, s->hq.supervisor, s->mail);
  r1 = receive_ok (s->hq.store, s->hq.supervisor, to_hq);
  r2 = receive_ok (s->dusti, s->hq.supervisor, to_office);
  g_assert_cmpuint (r1->n_conflicts, ==, 1);
  g_assert_cmpuint (r2->n_conflicts, ==, 1);

  /* one value in force everywhere: the later edit */
  at_hq = field_of (s->hq.store, s->hq.supervisor, s->beneficiary_id, HMR_BENEFICIARY_VILLAGE);
  at_office = field_of (s->dusti, s->hq.caseworker, s->beneficiary_id, HMR_BENEFICIARY_VILLAGE);
  g_assert_cmpstr (at_hq, ==, "Навобод");
  g_assert_cmpstr (at_office, ==, "Навобод");

  /* the other one is kept for a supervisor, who may restore it */
  conflicts = hmr_store_sync_list_conflicts (s->hq.store, s->hq.supervisor, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  c = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (c->column, ==, "village");
  g_assert_cmpstr (c->kept, ==, "Навобод");
  g_assert_cmpstr (c->lost, ==, "Гулистон");
  g_assert_cmpstr (c->rule, ==, "later-edit");
  g_assert_true (hmr_store_sync_resolve_conflict (s->hq.store, s->hq.supervisor, c->id, TRUE, &error));
  g_assert_no_error (error);
  g_free (at_hq);
  at_hq = field_of (s->hq.store, s->hq.supervisor, s->beneficiary_id, HMR_BENEFICIARY_VILLAGE);
  g_assert_cmpstr (at_hq, ==, "Гулистон");

  /* the restored value travels like any edit */
  {
    g_autofree char *again = send_one (s->hq.store, s->hq.supervisor, s->mail);
    g_autoptr(HmrSyncReceived) r3 = receive_ok (s->dusti, s->hq.supervisor, again);
    g_assert_cmpuint (r3->n_conflicts, ==, 0);
    g_free (at_office);
    at_office = field_of (s->dusti, s->hq.caseworker, s->beneficiary_id, HMR_BENEFICIARY_VILLAGE);
    g_assert_cmpstr (at_office, ==, "Гулистон");
  }
}

static void
test_replayed_bundle (Sync          *s,
                      gconstpointer  data)
{
  g_autofree char *file = NULL;
  g_autoptr(HmrSyncReceived) r1 = NULL;
  g_autoptr(HmrSyncReceived) r2 = NULL;
  gint64 audit, outbox;

  introduce (s);
  edit (s->dusti, s->hq.caseworker, s->beneficiary_id, HMR_BENEFICIARY_VILLAGE, "Гулистон");
  file = send_one (s->dusti, s->hq.supervisor, s->mail);
  r1 = receive_ok (s->hq.store, s->hq.supervisor, file);
  g_assert_cmpint (r1->outcome, ==, HMR_BUNDLE_APPLIED);
  audit = count_rows (s->hq.path, "SELECT count(*) FROM audit_log");
  outbox = count_rows (s->hq.path, "SELECT count(*) FROM sync_outbox");

  r2 = receive_ok (s->hq.store, s->hq.supervisor, file);
  g_assert_cmpint (r2->outcome, ==, HMR_BUNDLE_ALREADY_APPLIED);
  g_assert_cmpint (count_rows (s->hq.path, "SELECT count(*) FROM audit_log"), ==, audit);
  g_assert_cmpint (count_rows (s->hq.path, "SELECT count(*) FROM sync_outbox"), ==, outbox);
}

static void
test_tampered_bundle (Sync          *s,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *village = NULL;
  g_autoptr(HmrSyncReceived) r = NULL;
  gsize len;

  introduce (s);
  edit (s->dusti, s->hq.caseworker, s->beneficiary_id, HMR_BENEFICIARY_VILLAGE, "Гулистон");
  file = send_one (s->dusti, s->hq.supervisor, s->mail);
  g_assert_true (g_file_get_contents (file, &contents, &len, NULL));
  contents[len / 2] ^= 0x01;
  g_assert_true (g_file_set_contents (file, contents, len, NULL));

  r = hmr_store_sync_receive_file (s->hq.store, s->hq.supervisor, file, &error);
  g_assert_null (r);
  g_assert_error (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_TAMPERED);
  g_assert_nonnull (strstr (error->message, "to-"));   /* names the file */
  village = field_of (s->hq.store, s->hq.supervisor, s->beneficiary_id, HMR_BENEFICIARY_VILLAGE);
  g_assert_null (village);
}

static void
test_bundle_for_another_installation (Sync          *s,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  g_autoptr(HmrSyncReceived) r = NULL;
  g_autoptr(GPtrArray) all = NULL;

  s->panj = enrol_office (s, "PNJ", &s->panj_path);
  introduce (s);
  edit (s->hq.store, s->hq.supervisor, s->beneficiary_id, HMR_BENEFICIARY_VILLAGE, "Гулистон");
  file = send_one (s->hq.store, s->hq.supervisor, s->mail);   /* for Dusti */

  r = hmr_store_sync_receive_file (s->panj, s->hq.supervisor, file, &error);
  g_assert_null (r);
  g_assert_error (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_NOT_FOR_US);
  g_clear_error (&error);

  /* in a shared folder, Panj leaves Dusti's bundles alone */
  all = hmr_store_sync_receive_dir (s->panj, s->hq.supervisor, s->mail, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 0);
}

static void
test_unknown_sender (Sync          *s,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  g_autoptr(HmrSyncReceived) r = NULL;

  file = send_one (s->dusti, s->hq.supervisor, s->mail);
  exec_sql (s->hq.path, "DELETE FROM sync_peer");
  r = hmr_store_sync_receive_file (s->hq.store, s->hq.supervisor, file, &error);
  g_assert_null (r);
  g_assert_error (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_UNKNOWN_SENDER);
}

static void
test_newer_schema_refused (Sync          *s,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(HmrSyncReceived) r = NULL;
  gsize len;

  /* the header says a newer schema: refused before the signature is even
   * looked at (which the change would also break) */
  file = send_one (s->dusti, s->hq.supervisor, s->mail);
  g_assert_true (g_file_get_contents (file, &contents, &len, NULL));
  {
    /* the schema version is the int32 after the number in the header */
    g_autoptr(GBytes) header = g_bytes_new (contents + 12, len - 12);
    guint32 hlen = ((guchar) contents[8] << 24) | ((guchar) contents[9] << 16) |
                   ((guchar) contents[10] << 8) | (guchar) contents[11];
    g_autoptr(GVariant) h = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE ("(usstisayayay)"),
                                                                          g_bytes_new (contents + 12, hlen), FALSE));
    g_autoptr(GVariant) sign = NULL, box = NULL, mac = NULL;
    const char *from, *to, *at;
    guint32 version;
    guint64 number;
    gint32 schema;
    g_autoptr(GVariant) newer = NULL;

    g_variant_get (h, "(u&s&sti&s@ay@ay@ay)", &version, &from, &to, &number, &schema, &at, &sign, &box, &mac);
    newer = g_variant_ref_sink (g_variant_new ("(usstis@ay@ay@ay)", version, from, to, number, schema + 1, at,
                                               sign, box, mac));
    g_assert_cmpuint (g_variant_get_size (newer), ==, hlen);
    memcpy (contents + 12, g_variant_get_data (newer), hlen);
  }
  g_assert_true (g_file_set_contents (file, contents, len, NULL));
  r = hmr_store_sync_receive_file (s->hq.store, s->hq.supervisor, file, &error);
  g_assert_null (r);
  g_assert_error (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_NEWER_SCHEMA);
}

static void
test_out_of_order (Sync          *s,
                   gconstpointer  data)
{
  g_autofree char *b1 = NULL;
  g_autofree char *b2 = NULL;
  g_autofree char *village = NULL;
  g_autoptr(HmrSyncReceived) r2 = NULL;
  g_autoptr(HmrSyncReceived) r1 = NULL;

  introduce (s);
  edit (s->dusti, s->hq.caseworker, s->beneficiary_id, HMR_BENEFICIARY_VILLAGE, "Гулистон");
  b1 = send_one (s->dusti, s->hq.supervisor, s->mail);
  edit (s->dusti, s->hq.caseworker, s->beneficiary_id, HMR_BENEFICIARY_JAMOAT, "Ғаробдара");
  b2 = send_one (s->dusti, s->hq.supervisor, s->mail);

  /* the later bundle repeats what HQ has not acknowledged: it arrives
   * first, and the earlier one changes nothing after it */
  r2 = receive_ok (s->hq.store, s->hq.supervisor, b2);
  g_assert_cmpint (r2->outcome, ==, HMR_BUNDLE_APPLIED);
  r1 = receive_ok (s->hq.store, s->hq.supervisor, b1);
  g_assert_cmpint (r1->outcome, ==, HMR_BUNDLE_ALREADY_APPLIED);
  village = field_of (s->hq.store, s->hq.supervisor, s->beneficiary_id, HMR_BENEFICIARY_VILLAGE);
  g_assert_cmpstr (village, ==, "Гулистон");
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
  g_assert_true (g_file_set_contents_full (to, contents, len, G_FILE_SET_CONTENTS_NONE, 0600, NULL));
}

static void
test_gap_waits (Sync          *s,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *b1 = NULL;
  g_autofree char *b2 = NULL;
  g_autofree char *ack = NULL;
  g_autofree char *copy = g_build_filename (s->hq.dir, "hq-copy.sqlite3", NULL);
  g_autofree char *copy_keys = hmr_sync_keys_path (copy);
  g_autofree char *hq_keys = hmr_sync_keys_path (s->hq.path);
  g_autofree char *jamoat = NULL;
  g_autoptr(HmrStore) before = NULL;
  g_autoptr(HmrSyncReceived) r = NULL;
  g_autoptr(GPtrArray) all = NULL;

  introduce (s);
  /* a copy of HQ as it was before bundle 1 */
  g_clear_object (&s->hq.store);
  copy_file (s->hq.path, copy);
  copy_file (hq_keys, copy_keys);
  s->hq.store = hmr_store_open (s->hq.path, &error);
  g_assert_no_error (error);
  hmr_store_set_clock (s->hq.store, fixture_clock, &s->hq);

  edit (s->dusti, s->hq.caseworker, s->beneficiary_id, HMR_BENEFICIARY_VILLAGE, "Гулистон");
  b1 = send_one (s->dusti, s->hq.supervisor, s->mail);
  g_clear_pointer (&r, hmr_sync_received_free);
  r = receive_ok (s->hq.store, s->hq.supervisor, b1);
  ack = send_one (s->hq.store, s->hq.supervisor, s->mail);
  g_clear_pointer (&r, hmr_sync_received_free);
  r = receive_ok (s->dusti, s->hq.supervisor, ack);
  edit (s->dusti, s->hq.caseworker, s->beneficiary_id, HMR_BENEFICIARY_JAMOAT, "Ғаробдара");
  b2 = send_one (s->dusti, s->hq.supervisor, s->mail);

  /* the copy gets bundle 2 first: it waits, naming what is missing */
  before = hmr_store_open (copy, &error);
  g_assert_no_error (error);
  g_clear_pointer (&r, hmr_sync_received_free);
  r = receive_ok (before, s->hq.supervisor, b2);
  g_assert_cmpint (r->outcome, ==, HMR_BUNDLE_WAITING);
  g_assert_nonnull (r->message);
  jamoat = field_of (before, s->hq.supervisor, s->beneficiary_id, HMR_BENEFICIARY_JAMOAT);
  g_assert_null (jamoat);

  /* with both in the folder, they are applied in order */
  g_unlink (ack);
  all = hmr_store_sync_receive_dir (before, s->hq.supervisor, s->mail, &error);
  g_assert_no_error (error);
  /* the introduction it had, then bundles 1 and 2 */
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpint (((HmrSyncReceived *) g_ptr_array_index (all, 0))->outcome, ==, HMR_BUNDLE_ALREADY_APPLIED);
  g_assert_cmpint (((HmrSyncReceived *) g_ptr_array_index (all, 1))->outcome, ==, HMR_BUNDLE_APPLIED);
  g_assert_cmpint (((HmrSyncReceived *) g_ptr_array_index (all, 2))->outcome, ==, HMR_BUNDLE_APPLIED);
  jamoat = field_of (before, s->hq.supervisor, s->beneficiary_id, HMR_BENEFICIARY_JAMOAT);
  g_assert_cmpstr (jamoat, ==, "Ғаробдара");
  g_clear_object (&before);
  remove_database (copy);
}

static void
die (guint n_applied)
{
  if (n_applied == 2)
    kill (getpid (), SIGKILL);
}

static void
test_killed_receive (Sync          *s,
                     gconstpointer  data)
{
  g_autofree char *file = NULL;
  g_autofree char *village = NULL;
  g_autoptr(HmrSyncReceived) r = NULL;
  const char *changed = "SELECT count(*) FROM beneficiary WHERE village IS NOT NULL OR jamoat IS NOT NULL";
  gint64 audit;
  int status;
  pid_t pid;

  introduce (s);
  edit (s->dusti, s->hq.caseworker, s->beneficiary_id, HMR_BENEFICIARY_VILLAGE, "Гулистон");
  edit (s->dusti, s->hq.caseworker, s->beneficiary_id, HMR_BENEFICIARY_JAMOAT, "Ғаробдара");
  {
    g_autoptr(HmrBeneficiary) b = make_beneficiary ("Назаров", "Ӯлмас", "Dusti");
    g_autoptr(GError) error = NULL;
    g_assert_true (hmr_store_insert_beneficiary (s->dusti, s->hq.caseworker, b, &error));
    g_assert_no_error (error);
  }
  file = send_one (s->dusti, s->hq.supervisor, s->mail);
  audit = count_rows (s->hq.path, "SELECT count(*) FROM audit_log");

  /* killed in the middle of the bundle */
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HmrStore) store = hmr_store_open (s->hq.path, &error);

      hmr_sync_test_after_change = die;
      hmr_store_sync_receive_file (store, s->hq.supervisor, file, &error);
      _exit (0);   /* not reached */
    }
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));

  /* nothing of it is there */
  g_assert_cmpint (count_rows (s->hq.path, changed), ==, 0);
  g_assert_cmpint (count_rows (s->hq.path, "SELECT count(*) FROM beneficiary"), ==, 2);
  g_assert_cmpint (count_rows (s->hq.path, "SELECT count(*) FROM audit_log"), ==, audit);

  /* and it all arrives the next time */
  r = receive_ok (s->hq.store, s->hq.supervisor, file);
  g_assert_cmpint (r->outcome, ==, HMR_BUNDLE_APPLIED);
  g_assert_cmpint (count_rows (s->hq.path, changed), ==, 1);
  g_assert_cmpint (count_rows (s->hq.path, "SELECT count(*) FROM beneficiary"), ==, 3);
}

static void
test_nothing_to_send (Sync          *s,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *ack = NULL;
  g_autoptr(HmrSyncReceived) r = NULL;
  g_autoptr(GPtrArray) sent = NULL;

  introduce (s);
  ack = send_one (s->hq.store, s->hq.supervisor, s->mail);
  r = receive_ok (s->dusti, s->hq.supervisor, ack);
  /* the office has sent its audit rows and heard back: all quiet */
  sent = hmr_store_sync_send (s->dusti, s->hq.supervisor, s->mail, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sent->len, ==, 0);
  g_clear_pointer (&sent, g_ptr_array_unref);
  sent = hmr_store_sync_send (s->hq.store, s->hq.supervisor, s->mail, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sent->len, ==, 0);
}

/* Both sides to the other, once each */
static void
exchange (Sync *s)
{
  g_autofree char *to_hq = send_one (s->dusti, s->hq.supervisor, s->mail);
  g_autofree char *to_office = send_one (s->hq.store, s->hq.supervisor, s->mail);
  g_autoptr(HmrSyncReceived) r1 = receive_ok (s->hq.store, s->hq.supervisor, to_hq);
  g_autoptr(HmrSyncReceived) r2 = receive_ok (s->dusti, s->hq.supervisor, to_office);

  g_assert_cmpint (r1->outcome, !=, HMR_BUNDLE_WAITING);
  g_assert_cmpint (r2->outcome, !=, HMR_BUNDLE_WAITING);
}

static char *
referral_status (HmrStore   *store,
                 Sync       *s,
                 const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrReferral) r = hmr_store_get_referral (store, s->hq.supervisor, id, &error);

  g_assert_no_error (error);
  return g_strdup (r->status);
}

static void
test_workflow_never_backwards (Sync          *s,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *provider = add_provider (&s->hq, "Ҳуқуқ ва Ҳаёт", "legal_aid", "Dusti", NULL);
  g_autofree char *referral = new_referral (&s->hq, s->hq.supervisor, s->beneficiary_id, provider,
                                            "legal_aid", TRUE);
  g_autofree char *at_hq = NULL;
  g_autofree char *at_office = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  HmrSyncConflict *c;

  introduce (s);
  exchange (s);   /* the provider and the draft referral reach the office */

  /* HQ takes it to "accepted"; the office, later by the clock, to "sent" */
  g_assert_true (hmr_store_move_referral (s->hq.store, s->hq.supervisor, referral, "sent", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (hmr_store_move_referral (s->hq.store, s->hq.supervisor, referral, "accepted", "By phone", &error));
  g_assert_no_error (error);
  g_date_time_unref (s->hq.now);
  s->hq.now = g_date_time_new_utc (2026, 11, 24, 9, 0, 0);
  g_assert_true (hmr_store_move_referral (s->dusti, s->hq.caseworker, referral, "sent", NULL, &error));
  g_assert_no_error (error);

  exchange (s);
  at_hq = referral_status (s->hq.store, s, referral);
  at_office = referral_status (s->dusti, s, referral);
  g_assert_cmpstr (at_hq, ==, "accepted");
  g_assert_cmpstr (at_office, ==, "accepted");

  /* the state left behind is listed */
  conflicts = hmr_store_sync_list_conflicts (s->hq.store, s->hq.supervisor, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, >=, 1);
  c = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (c->table, ==, "referral");
  g_assert_cmpstr (c->column, ==, "status");
  g_assert_cmpstr (c->kept, ==, "accepted");
  g_assert_cmpstr (c->lost, ==, "sent");
  g_assert_cmpstr (c->rule, ==, "workflow");
  /* every move is in the history, at both: created, sent and accepted at
   * HQ, sent at the office (appended, never overwritten) */
  g_assert_cmpint (count_rows (s->hq.path, "SELECT count(*) FROM referral_history"), ==, 4);
  g_assert_cmpint (count_rows (s->dusti_path, "SELECT count(*) FROM referral_history"), ==, 4);
}

static void
test_archive_against_edit (Sync          *s,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  HmrSyncConflict *c;

  introduce (s);
  g_assert_true (hmr_store_archive_beneficiary (s->hq.store, s->hq.supervisor, s->beneficiary_id, &error));
  g_assert_no_error (error);
  edit (s->dusti, s->hq.caseworker, s->beneficiary_id, HMR_BENEFICIARY_VILLAGE, "Гулистон");
  exchange (s);

  /* the edit is kept, the record stays archived, and a supervisor hears */
  g_assert_cmpint (count_rows (s->hq.path, "SELECT count(*) FROM beneficiary WHERE village = 'Гулистон' "
                                           "AND deleted_at IS NOT NULL"), ==, 1);
  g_assert_cmpint (count_rows (s->dusti_path, "SELECT count(*) FROM beneficiary WHERE village = 'Гулистон' "
                                              "AND deleted_at IS NOT NULL"), ==, 1);
  conflicts = hmr_store_sync_list_conflicts (s->hq.store, s->hq.supervisor, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  c = g_ptr_array_index (conflicts, 0);
  g_assert_cmpstr (c->rule, ==, "archive-vs-edit");
  g_assert_cmpstr (c->column, ==, "deleted_at");
}

/* Everything of @office's beneficiaries as one text, to compare sites */
static char *
office_rows (const char *path,
             const char *office_id)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, coalesce (village, '-'), coalesce (jamoat, '-'), "
                                           "coalesce (health_problems, '-'), version, updated_at "
                                           "FROM beneficiary WHERE office_id = ?1 ORDER BY id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, office_id, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int i = 0; i < 6; i++)
      g_string_append_printf (out, "%s%c", sqlite3_column_text (stmt, i), i == 5 ? '\n' : '|');
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
deliver_all (HmrStore       *store,
             const HmrActor *actor,
             GPtrArray      *files,
             GRand          *rand)
{
  /* late, twice, out of order, or not at all (the next bundle repeats it) */
  for (guint i = files->len; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      gpointer t = files->pdata[i - 1];
      files->pdata[i - 1] = files->pdata[j];
      files->pdata[j] = t;
    }
  for (guint i = 0; i < files->len; i++)
    {
      int dice = g_rand_int_range (rand, 0, 6);
      guint times = dice == 0 ? 0 : dice == 1 ? 2 : 1;

      for (guint k = 0; k < times; k++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(HmrSyncReceived) r = hmr_store_sync_receive_file (store, actor, files->pdata[i], &error);
          g_assert_no_error (error);
        }
    }
}

static void
test_simulation (Sync          *s,
                 gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (15);
  static const HmrBeneficiaryField fields[] = {
    HMR_BENEFICIARY_VILLAGE, HMR_BENEFICIARY_JAMOAT, HMR_BENEFICIARY_HEALTH_PROBLEMS
  };
  const char *offices[] = { DUSTI_OFFICE, PANJ_OFFICE };
  HmrStore *sites[2];
  HmrActor *caseworkers[2];
  const char *paths[2];
  g_autoptr(GPtrArray) dusti_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) panj_ids = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *ids[2] = { dusti_ids, panj_ids };

  s->panj = enrol_office (s, "PNJ", &s->panj_path);
  sites[0] = s->dusti; sites[1] = s->panj;
  caseworkers[0] = s->hq.caseworker; caseworkers[1] = s->hq.caseworker_panj;
  paths[0] = s->dusti_path; paths[1] = s->panj_path;
  for (int o = 0; o < 2; o++)
    {
      g_autofree char *first = send_one (sites[o], s->hq.supervisor, s->mail);
      g_autoptr(HmrSyncReceived) r = receive_ok (s->hq.store, s->hq.supervisor, first);
      g_autoptr(GError) error = NULL;

      for (int k = 0; k < 3; k++)
        {
          g_autoptr(HmrBeneficiary) b = make_beneficiary ("Каримов", "Сино", o == 0 ? "Dusti" : "Panj");
          g_assert_true (hmr_store_insert_beneficiary (sites[o], caseworkers[o], b, &error));
          g_assert_no_error (error);
          g_ptr_array_add (ids[o], g_strdup (hmr_beneficiary_get (b, HMR_BENEFICIARY_ID)));
        }
      g_clear_pointer (&r, hmr_sync_received_free);
      g_free (first);
      first = send_one (sites[o], s->hq.supervisor, s->mail);
      r = receive_ok (s->hq.store, s->hq.supervisor, first);
      g_assert_cmpint (r->outcome, ==, HMR_BUNDLE_APPLIED);
    }

  for (int round = 0; round < 8; round++)
    {
      g_autoptr(GPtrArray) to_hq = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) from_hq = NULL;
      g_autoptr(GError) error = NULL;

      g_date_time_unref (s->hq.now);
      s->hq.now = g_date_time_new_utc (2026, 11, 24, 9 + round, 0, 0);
      /* edits everywhere, the same and different fields */
      for (int e = 0; e < 6; e++)
        {
          int o = g_rand_int_range (rand, 0, 2);
          gboolean at_hq = g_rand_boolean (rand);
          const char *id = g_ptr_array_index (ids[o], g_rand_int_range (rand, 0, ids[o]->len));
          HmrBeneficiaryField field = fields[g_rand_int_range (rand, 0, G_N_ELEMENTS (fields))];
          g_autofree char *value = g_strdup_printf ("қимат %d-%d", round, e);

          edit (at_hq ? s->hq.store : sites[o], at_hq ? s->hq.supervisor : caseworkers[o], id, field, value);
        }
      for (int o = 0; o < 2; o++)
        {
          g_autoptr(GPtrArray) sent = hmr_store_sync_send (sites[o], s->hq.supervisor, s->mail, &error);
          g_assert_no_error (error);
          for (guint i = 0; i < sent->len; i++)
            g_ptr_array_add (to_hq, g_strdup (((HmrSyncSent *) sent->pdata[i])->file));
        }
      deliver_all (s->hq.store, s->hq.supervisor, to_hq, rand);
      from_hq = hmr_store_sync_send (s->hq.store, s->hq.supervisor, s->mail, &error);
      g_assert_no_error (error);
      for (int o = 0; o < 2; o++)
        {
          g_autoptr(GPtrArray) mine = g_ptr_array_new_with_free_func (g_free);
          for (guint i = 0; i < from_hq->len; i++)
            if (g_strcmp0 (((HmrSyncSent *) from_hq->pdata[i])->peer_office, o == 0 ? "DST" : "PNJ") == 0)
              g_ptr_array_add (mine, g_strdup (((HmrSyncSent *) from_hq->pdata[i])->file));
          deliver_all (sites[o], s->hq.supervisor, mine, rand);
        }
    }

  /* then the folder is read everywhere until nothing is left to send */
  for (int quiet = 0; quiet < 4; quiet++)
    for (int o = 0; o < 2; o++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) a = hmr_store_sync_send (sites[o], s->hq.supervisor, s->mail, &error);
        g_autoptr(GPtrArray) b = hmr_store_sync_receive_dir (s->hq.store, s->hq.supervisor, s->mail, &error);
        g_autoptr(GPtrArray) c = hmr_store_sync_send (s->hq.store, s->hq.supervisor, s->mail, &error);
        g_autoptr(GPtrArray) d = hmr_store_sync_receive_dir (sites[o], s->hq.supervisor, s->mail, &error);
        g_assert_no_error (error);
      }

  /* every office holds what HQ holds of it, row for row */
  for (int o = 0; o < 2; o++)
    {
      g_autofree char *hq_rows = office_rows (s->hq.path, offices[o]);
      g_autofree char *office = office_rows (paths[o], offices[o]);
      g_assert_cmpstr (hq_rows, ==, office);
    }
  g_assert_cmpint (count_rows (s->hq.path, "SELECT count(*) FROM sync_conflict"), >, 0);
}

static void
count_notices (HmrStore     *store,
               HmrChangeSet *set,
               gpointer      data)
{
  GPtrArray *sets = data;
  g_ptr_array_add (sets, hmr_change_set_ref (set));
}

/* The bundle @from writes for the installation of office @code */
static char *
send_to_office (HmrStore       *from,
                const HmrActor *actor,
                const char     *mail,
                const char     *code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sent = hmr_store_sync_send (from, actor, mail, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < sent->len; i++)
    {
      HmrSyncSent *one = g_ptr_array_index (sent, i);

      if (g_strcmp0 (one->peer_office, code) == 0)
        return g_strdup (one->file);
    }
  g_error ("no bundle for %s", code);
  return NULL;
}

/* How many rows of @table (whose column @column is @id) @path holds */
static gint64
rows_of (const char *path,
         const char *table,
         const char *column,
         const char *id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s = '%s'", table, column, id);

  return count_rows (path, sql);
}

/* A supervisor at HQ transfers a Dusti case to Panj: Panj's laptop, which
 * never held it, receives the person, the case and everything in it with
 * its history; Dusti's laptop learns that it has left */
static void
test_transfer_moves_with_history (Sync          *s,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrCaseFile) file = NULL;
  g_autoptr(HmrBeneficiary) at_panj = NULL;
  g_autoptr(HmrSyncReceived) r = NULL;
  g_autofree char *provider = NULL;
  g_autofree char *referral = NULL;
  g_autofree char *bundle = NULL;
  g_autofree char *to_dusti = NULL;
  g_autofree char *to_panj = NULL;
  g_autofree char *moved = NULL;
  const char *id = s->beneficiary_id;
  static const char *const tables[][2] = {
    { "beneficiary", "id" }, { "case_file", "beneficiary_id" }, { "referral", "beneficiary_id" },
  };

  provider = add_provider (&s->hq, "Маркази ёрии ҳуқуқӣ", "legal_aid", "Dusti", "*");
  referral = new_referral (&s->hq, s->hq.caseworker, id, provider, "legal_aid", TRUE);
  file = hmr_store_get_case_file (s->hq.store, s->hq.supervisor, id, &error);
  g_assert_no_error (error);

  s->panj = enrol_office (s, "PNJ", &s->panj_path);
  introduce (s);
  bundle = send_one (s->panj, s->hq.supervisor, s->mail);
  r = receive_ok (s->hq.store, s->hq.supervisor, bundle);
  g_clear_pointer (&r, hmr_sync_received_free);
  g_clear_pointer (&bundle, g_free);
  bundle = send_to_office (s->hq.store, s->hq.supervisor, s->mail, "DST");
  r = receive_ok (s->dusti, s->hq.supervisor, bundle);
  g_clear_pointer (&r, hmr_sync_received_free);
  g_assert_cmpint (rows_of (s->dusti_path, "referral", "id", referral), ==, 1);
  g_assert_cmpint (rows_of (s->panj_path, "beneficiary", "id", id), ==, 0);

  g_assert_true (hmr_store_transfer_case (s->hq.store, s->hq.supervisor, file->case_id, PANJ_OFFICE,
                                          s->hq.caseworker_panj->user_id, "Moved to Panj with his family",
                                          &error));
  g_assert_no_error (error);
  to_dusti = send_to_office (s->hq.store, s->hq.supervisor, s->mail, "DST");
  r = receive_ok (s->dusti, s->hq.supervisor, to_dusti);
  g_assert_cmpint (r->outcome, ==, HMR_BUNDLE_APPLIED);
  g_clear_pointer (&r, hmr_sync_received_free);
  to_panj = send_to_office (s->hq.store, s->hq.supervisor, s->mail, "PNJ");
  r = receive_ok (s->panj, s->hq.supervisor, to_panj);
  g_assert_cmpint (r->outcome, ==, HMR_BUNDLE_APPLIED);

  /* Panj holds all of it, as HQ does, under Panj */
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    g_assert_cmpint (rows_of (s->panj_path, tables[i][0], tables[i][1], id), ==,
                     rows_of (s->hq.path, tables[i][0], tables[i][1], id));
  g_assert_cmpint (rows_of (s->panj_path, "referral", "id", referral), ==, 1);
  g_assert_cmpint (rows_of (s->panj_path, "referral_history", "referral_id", referral), >=, 1);
  g_assert_cmpint (rows_of (s->panj_path, "referral_history", "referral_id", referral), ==,
                   rows_of (s->hq.path, "referral_history", "referral_id", referral));
  g_assert_cmpint (rows_of (s->panj_path, "case_history", "case_id", file->case_id), ==,
                   rows_of (s->hq.path, "case_history", "case_id", file->case_id));
  g_assert_cmpint (rows_of (s->panj_path, "case_assignment", "case_id", file->case_id), ==, 1);
  moved = g_strdup_printf ("SELECT count(*) FROM beneficiary WHERE id = '%s' AND office_id = '%s'", id, PANJ_OFFICE);
  g_assert_cmpint (count_rows (s->panj_path, moved), ==, 1);
  at_panj = hmr_store_get_beneficiary (s->panj, s->hq.caseworker_panj, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (at_panj);

  /* and Dusti no longer counts it as its own */
  g_assert_cmpint (count_rows (s->dusti_path, moved), ==, 1);
}

static void
test_announced_once (Sync          *s,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_change_set_unref);
  g_autofree char *file = NULL;
  g_autoptr(HmrSyncReceived) r = NULL;
  HmrChangeSet *set;

  introduce (s);
  edit (s->dusti, s->hq.caseworker, s->beneficiary_id, HMR_BENEFICIARY_VILLAGE, "Гулистон");
  edit (s->dusti, s->hq.caseworker, s->beneficiary_id, HMR_BENEFICIARY_JAMOAT, "Ғаробдара");
  file = send_one (s->dusti, s->hq.supervisor, s->mail);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_signal_connect (s->hq.store, "changed", G_CALLBACK (count_notices), sets);
  r = receive_ok (s->hq.store, s->hq.supervisor, file);
  g_assert_cmpuint (r->n_changes, >=, 2);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  /* one notice for the whole bundle, naming the person it changed */
  g_assert_cmpuint (sets->len, ==, 1);
  set = g_ptr_array_index (sets, 0);
  g_assert_true (hmr_change_set_has_kind (set, "beneficiary"));
  g_assert_true (hmr_change_set_concerns_beneficiary (set, s->beneficiary_id));
}

static void
test_send_refused_to_caseworker (Sync          *s,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sent = hmr_store_sync_send (s->dusti, s->hq.caseworker, s->mail, &error);

  g_assert_null (sent);
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Sync, NULL, sync_set_up, fn, sync_tear_down)
  ADD ("/sync/transfer/case-moves-with-its-history", test_transfer_moves_with_history);
  ADD ("/sync/enrol/office-installation-from-hq-file", test_enrol_office);
  ADD ("/sync/enrol/refused-to-a-caseworker", test_enrol_refused_to_caseworker);
  ADD ("/sync/capture/recorded-in-the-same-transaction", test_capture_same_transaction);
  ADD ("/sync/bundle/both-ways-different-fields-merge", test_both_ways);
  ADD ("/sync/merge/same-field-keeps-later-edit-and-lists-conflict", test_same_field_conflict);
  ADD ("/sync/bundle/replayed-changes-nothing", test_replayed_bundle);
  ADD ("/sync/bundle/tampered-refused", test_tampered_bundle);
  ADD ("/sync/bundle/for-another-installation-refused", test_bundle_for_another_installation);
  ADD ("/sync/bundle/unknown-sender-refused", test_unknown_sender);
  ADD ("/sync/bundle/newer-schema-refused", test_newer_schema_refused);
  ADD ("/sync/bundle/later-one-first", test_out_of_order);
  ADD ("/sync/bundle/gap-waits-for-the-missing-one", test_gap_waits);
  ADD ("/sync/receive/killed-leaves-nothing-half-applied", test_killed_receive);
  ADD ("/sync/send/nothing-to-send-writes-nothing", test_nothing_to_send);
  ADD ("/sync/receive/announced-once-per-bundle", test_announced_once);
  ADD ("/sync/merge/workflow-never-moves-backwards", test_workflow_never_backwards);
  ADD ("/sync/merge/archive-against-edit-keeps-both", test_archive_against_edit);
  ADD ("/sync/simulation/two-offices-converge", test_simulation);
  ADD ("/sync/send/refused-to-a-caseworker", test_send_refused_to_caseworker);
#undef ADD

  return g_test_run ();
}
