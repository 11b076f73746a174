/* test-referral.c — service providers, the referral workflow, consent,
 * deadlines and history (the board: test-referral-board.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-workflow.h"
#include "referral-test-util.h"

/* ---- the workflow, by role -------------------------------------------- */

/* Every (from, to) pair of referral states, for every role, against the
 * store: what hmr_workflow_may_move() and the role table allow goes
 * through, with a history and an audit row; anything else is refused and
 * leaves the database as it was. */
static void
test_every_transition_by_role (Fixture       *f,
                               gconstpointer  data)
{
  const char * const *states = hmr_referral_status_codes ();
  HmrActor *actors[] = { f->caseworker, f->caseworker_panj, f->supervisor, f->finance, f->admin };
  g_autofree char *person = register_person (f, f->caseworker, "Раҳимов", "Dusti", TRUE);
  g_autofree char *provider = add_provider (f, "Legal Aid Centre Dusti",
                                            "legal_aid,health,employment", "Dusti", NULL);
  guint allowed = 0, refused = 0;

  for (guint i = 0; states[i]; i++)
    for (guint j = 0; states[j]; j++)
      for (guint a = 0; a < G_N_ELEMENTS (actors); a++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *id = new_referral (f, f->supervisor, person, provider, "legal_aid", FALSE);
          g_autofree char *after = NULL;
          const char *from = states[i], *to = states[j];
          gboolean expected, ok;
          gint64 history, audit;

          drive_to (f, id, from);
          expected = hmr_permission_allows (actors[a], HMR_ACTION_REFERRAL_WRITE, DUSTI_OFFICE) &&
                     hmr_workflow_may_move (actors[a], HMR_RECORD_REFERRAL, from, to, DUSTI_OFFICE,
                                            "A written reason", NULL);
          history = count_for (f, HISTORY_ROWS, id);
          audit = count_for (f, AUDIT_ROWS, id);

          ok = hmr_store_move_referral (f->store, actors[a], id, to, "A written reason", &error);
          after = status_of (f, id);
          if (ok != expected)
            g_error ("%s moving %s → %s: store says %s, workflow says %s (%s)",
                     actors[a]->username, from, to, ok ? "yes" : "no", expected ? "yes" : "no",
                     error ? error->message : "");
          if (ok)
            {
              g_assert_no_error (error);
              g_assert_cmpstr (after, ==, to);
              g_assert_cmpint (count_for (f, HISTORY_ROWS, id), ==, history + 1);
              g_assert_cmpint (count_for (f, AUDIT_ROWS, id), ==, audit + 1);
              allowed++;
            }
          else
            {
              g_assert_nonnull (error);
              g_assert_true (g_str_has_prefix (error->message, "Refused") ||
                             g_str_has_prefix (error->message, "Comment"));
              g_assert_cmpstr (after, ==, from);
              g_assert_cmpint (count_for (f, HISTORY_ROWS, id), ==, history);
              g_assert_cmpint (count_for (f, AUDIT_ROWS, id), ==, audit);
              refused++;
            }
        }

  /* DESIGN §5: a caseworker sends and records answers, a supervisor
   * revokes; finance and the administrator never touch referrals */
  g_assert_true (hmr_workflow_may_move (f->caseworker, HMR_RECORD_REFERRAL, "draft", "sent", DUSTI_OFFICE, NULL, NULL));
  g_assert_true (hmr_workflow_may_move (f->caseworker, HMR_RECORD_REFERRAL, "accepted", "completed", DUSTI_OFFICE, NULL, NULL));
  g_assert_false (hmr_workflow_may_move (f->caseworker, HMR_RECORD_REFERRAL, "sent", "revoked", DUSTI_OFFICE, "x", NULL));
  g_assert_true (hmr_workflow_may_move (f->supervisor, HMR_RECORD_REFERRAL, "accepted", "revoked", DUSTI_OFFICE, "x", NULL));
  g_assert_false (hmr_permission_allows (f->finance, HMR_ACTION_REFERRAL_WRITE, DUSTI_OFFICE));
  g_assert_false (hmr_permission_allows (f->admin, HMR_ACTION_REFERRAL_WRITE, DUSTI_OFFICE));
  /* five moves for the Dusti caseworker, the same five and two revokes
   * for the supervisor; nothing for anyone else */
  g_assert_cmpuint (allowed, ==, 5 + 7);
  g_assert_cmpuint (allowed + refused, ==, 7 * 7 * G_N_ELEMENTS (actors));
}

/* ---- consent ---------------------------------------------------------- */

static void
test_send_refused_without_consent (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *person = register_person (f, f->caseworker, "Саидов", "Dusti", FALSE);
  g_autofree char *provider = add_provider (f, "Legal Aid Centre Dusti", "legal_aid", "Dusti", NULL);
  g_autofree char *id = new_referral (f, f->caseworker, person, provider, "legal_aid", FALSE);
  g_autofree char *status = NULL;
  gint64 audit = count_rows (f->path, "SELECT count(*) FROM audit_log");

  g_assert_false (hmr_store_send_referral (f->store, f->caseworker, id, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "consent"));
  g_clear_error (&error);

  /* a caseworker cannot override, even with a reason */
  g_assert_false (hmr_store_send_referral (f->store, f->caseworker, id, "Urgent court date", &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_assert_nonnull (strstr (error->message, "supervisor"));
  g_clear_error (&error);

  status = status_of (f, id);
  g_assert_cmpstr (status, ==, "draft");
  g_assert_cmpint (count_for (f, HISTORY_ROWS, id), ==, 1);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log"), ==, audit);
}

static void
test_send_with_consent_on_the_referral (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *person = register_person (f, f->caseworker, "Саидов", "Dusti", FALSE);
  g_autofree char *provider = add_provider (f, "Legal Aid Centre Dusti", "legal_aid", "Dusti", NULL);
  g_autofree char *id = new_referral (f, f->caseworker, person, provider, "legal_aid", TRUE);
  g_autofree char *status = NULL;

  g_assert_true (hmr_store_send_referral (f->store, f->caseworker, id, NULL, &error));
  g_assert_no_error (error);
  status = status_of (f, id);
  g_assert_cmpstr (status, ==, "sent");
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE action = 'consent-override'"), ==, 0);
}

static void
test_supervisor_override_audited (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrReferral) r = NULL;
  g_autofree char *person = register_person (f, f->caseworker, "Саидов", "Dusti", FALSE);
  g_autofree char *provider = add_provider (f, "Legal Aid Centre Dusti", "legal_aid", "Dusti", NULL);
  g_autofree char *id = new_referral (f, f->caseworker, person, provider, "legal_aid", FALSE);
  g_autofree char *sql = NULL;
  const char *reason = "Court hearing on Monday; the person agreed by phone, paper consent follows";

  /* without a written reason the supervisor is refused too */
  g_assert_false (hmr_store_send_referral (f->store, f->supervisor, id, "   ", &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE action = 'consent-override'"), ==, 0);

  g_assert_true (hmr_store_send_referral (f->store, f->supervisor, id, reason, &error));
  g_assert_no_error (error);

  sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE action = 'consent-override' AND entity = 'referral' "
                         "AND entity_id = '%s' AND username = 'n.karimova' AND changes LIKE '%%Court hearing%%'", id);
  g_assert_cmpint (count_rows (f->path, sql), ==, 1);
  r = hmr_store_get_referral (f->store, f->supervisor, id, &error);
  g_assert_cmpstr (r->status, ==, "sent");
  g_assert_cmpuint (r->history->len, ==, 2);
  g_assert_cmpstr (((HmrReferralHistoryEntry *) g_ptr_array_index (r->history, 1))->comment, ==, reason);
}

/* ---- deadlines -------------------------------------------------------- */

static void
test_due_date_per_service_type (Fixture       *f,
                                gconstpointer  data)
{
  /* the documented defaults (resources/sql/0005-referrals.sql) */
  static const struct { const char *service; int answer; int completion; } expected[] = {
    { "legal_aid", 14, 90 }, { "employment", 10, 30 }, { "vocational_training", 21, 120 },
    { "business_loan", 30, 60 }, { "health", 7, 30 }, { "migration_service", 10, 30 },
    { "psychosocial", 7, 60 },
  };
  g_autofree char *person = register_person (f, f->caseworker, "Каримов", "Dusti", TRUE);
  g_autofree char *provider = add_provider (f, "Hamkori", "legal_aid,employment,vocational_training,"
                                            "business_loan,health,migration_service,psychosocial", "Dusti", NULL);

  g_assert_cmpuint (G_N_ELEMENTS (expected), ==, g_strv_length ((char **) hmr_service_type_codes ()));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HmrReferral) r = NULL;
      g_autofree char *id = NULL;
      int answer = 0, completion = 0;
      GDate due;
      char buf[16];

      g_assert_true (hmr_store_get_service_deadline (f->store, expected[i].service, &answer, &completion, &error));
      g_assert_cmpint (answer, ==, expected[i].answer);
      g_assert_cmpint (completion, ==, expected[i].completion);

      set_local_now (f, 2026, 1, 25, 10, 0);
      id = new_referral (f, f->caseworker, person, provider, expected[i].service, FALSE);
      g_assert_true (hmr_store_send_referral (f->store, f->caseworker, id, NULL, &error));
      g_assert_no_error (error);
      r = hmr_store_get_referral (f->store, f->caseworker, id, &error);
      g_assert_cmpstr (r->sent_on, ==, "2026-01-25");
      g_date_clear (&due, 1);
      g_date_set_dmy (&due, 25, 1, 2026);
      g_date_add_days (&due, expected[i].answer);
      g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &due);
      g_assert_cmpstr (r->due_on, ==, buf);
      g_clear_pointer (&r, hmr_referral_free);

      /* accepted on 3 February: the completion time counts from then */
      set_local_now (f, 2026, 2, 3, 16, 0);
      g_assert_true (hmr_store_move_referral (f->store, f->caseworker, id, "accepted",
                                              "Appointment on 10 February", &error));
      r = hmr_store_get_referral (f->store, f->caseworker, id, &error);
      g_date_set_dmy (&due, 3, 2, 2026);
      g_date_add_days (&due, expected[i].completion);
      g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &due);
      g_assert_cmpstr (r->due_on, ==, buf);
      g_assert_cmpstr (r->answered_on, ==, "2026-02-03");
      g_assert_cmpstr (r->provider_answer, ==, "Appointment on 10 February");
    }
  g_assert_cmpstr (hmr_referral_status_codes ()[HMR_REFERRAL_NO_RESPONSE], ==, "no_response");
}

static void
test_deadline_changed_by_admin_only (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  int answer = 0;

  g_assert_false (hmr_store_set_service_deadline (f->store, f->supervisor, "health", 3, 20, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (hmr_store_set_service_deadline (f->store, f->admin, "health", 0, 20, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (hmr_store_set_service_deadline (f->store, f->admin, "health", 3, 20, &error));
  g_assert_no_error (error);
  g_assert_true (hmr_store_get_service_deadline (f->store, "health", &answer, NULL, &error));
  g_assert_cmpint (answer, ==, 3);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE entity = 'service_deadline' "
                                        "AND entity_id = 'health' AND action = 'update'"), ==, 1);
}

/* ---- history, answer, outcome ---------------------------------------- */

static void
test_history_answer_and_outcome (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrReferral) r = NULL;
  g_autofree char *person = register_person (f, f->caseworker, "Назаров", "Dusti", TRUE);
  g_autofree char *provider = add_provider (f, "Job Centre Dusti", "employment", "Dusti", NULL);
  g_autofree char *id = NULL;
  const char *expect[][3] = {
    { NULL, "draft", NULL },
    { "draft", "sent", NULL },
    { "sent", "accepted", "Interview on 12 March" },
    { "accepted", "completed", "Hired as a welder at Dusti Agro" },
  };

  set_local_now (f, 2026, 3, 2, 9, 0);
  id = new_referral (f, f->caseworker, person, provider, "employment", FALSE);
  set_local_now (f, 2026, 3, 3, 9, 0);
  g_assert_true (hmr_store_send_referral (f->store, f->caseworker, id, NULL, &error));
  set_local_now (f, 2026, 3, 6, 9, 0);
  g_assert_true (hmr_store_move_referral (f->store, f->caseworker, id, "accepted", "Interview on 12 March", &error));
  set_local_now (f, 2026, 3, 20, 9, 0);
  g_assert_true (hmr_store_move_referral (f->store, f->caseworker, id, "completed",
                                          "Hired as a welder at Dusti Agro", &error));
  g_assert_no_error (error);

  r = hmr_store_get_referral (f->store, f->supervisor, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (r->status, ==, "completed");
  g_assert_cmpstr (r->sent_on, ==, "2026-03-03");
  g_assert_cmpstr (r->answered_on, ==, "2026-03-06");
  g_assert_cmpstr (r->completed_on, ==, "2026-03-20");
  g_assert_cmpstr (r->provider_answer, ==, "Interview on 12 March");
  g_assert_cmpstr (r->outcome, ==, "Hired as a welder at Dusti Agro");
  g_assert_cmpstr (r->caseworker_name, ==, "Malika Rahimova");
  g_assert_cmpstr (r->provider_name, ==, "Job Centre Dusti");
  g_assert_cmpuint (r->history->len, ==, G_N_ELEMENTS (expect));
  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      HmrReferralHistoryEntry *e = g_ptr_array_index (r->history, i);
      g_assert_cmpstr (e->from_state, ==, expect[i][0]);
      g_assert_cmpstr (e->to_state, ==, expect[i][1]);
      g_assert_cmpstr (e->comment, ==, expect[i][2]);
      g_assert_cmpstr (e->by_user, ==, f->caseworker->user_id);
      g_assert_cmpstr (e->by_name, ==, "Malika Rahimova");
    }
  g_assert_true (g_str_has_prefix (((HmrReferralHistoryEntry *) g_ptr_array_index (r->history, 3))->at,
                                   "2026-03-20T"));
}

static void
test_revoke_needs_a_reason (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *person = register_person (f, f->caseworker, "Назаров", "Dusti", TRUE);
  g_autofree char *provider = add_provider (f, "Job Centre Dusti", "employment", "Dusti", NULL);
  g_autofree char *id = new_referral (f, f->caseworker, person, provider, "employment", FALSE);
  g_autofree char *status = NULL;

  move (f, f->caseworker, id, "sent");
  g_assert_false (hmr_store_move_referral (f->store, f->supervisor, id, "revoked", " ", &error));
  g_assert_error (error, HMR_WORKFLOW_ERROR, HMR_WORKFLOW_ERROR_COMMENT_REQUIRED);
  status = status_of (f, id);
  g_assert_cmpstr (status, ==, "sent");
}

static void
test_send_needs_provider_and_reason (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrReferral) r = NULL;
  g_autofree char *person = register_person (f, f->caseworker, "Назаров", "Dusti", TRUE);
  g_autofree char *provider = add_provider (f, "Job Centre Dusti", "employment", "Dusti", NULL);
  g_autofree char *id = new_referral (f, f->caseworker, person, NULL, "employment", FALSE);

  g_assert_false (hmr_store_send_referral (f->store, f->caseworker, id, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Provider"));
  g_clear_error (&error);

  r = hmr_store_get_referral (f->store, f->caseworker, id, &error);
  /* a provider that does not offer the service is refused */
  r->service_type = (g_free (r->service_type), g_strdup ("health"));
  r->provider_id = g_strdup (provider);
  g_assert_false (hmr_store_update_referral (f->store, f->caseworker, r, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_clear_error (&error);

  r->service_type = (g_free (r->service_type), g_strdup ("employment"));
  r->reason = (g_free (r->reason), g_strdup ("  "));
  g_assert_true (hmr_store_update_referral (f->store, f->caseworker, r, &error));
  g_assert_no_error (error);
  g_assert_false (hmr_store_send_referral (f->store, f->caseworker, id, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Reason"));
}

static void
test_only_drafts_change (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrReferral) r = NULL;
  g_autoptr(HmrReferral) stale = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *person = register_person (f, f->caseworker, "Назаров", "Dusti", TRUE);
  g_autofree char *provider = add_provider (f, "Job Centre Dusti", "employment,vocational_training", "Dusti", NULL);
  g_autofree char *id = new_referral (f, f->caseworker, person, provider, "employment", FALSE);
  g_autofree char *other = new_referral (f, f->caseworker, person, provider, "employment", FALSE);

  r = hmr_store_get_referral (f->store, f->caseworker, id, &error);
  stale = hmr_store_get_referral (f->store, f->caseworker, id, &error);
  r->service_type = (g_free (r->service_type), g_strdup ("vocational_training"));
  g_assert_true (hmr_store_update_referral (f->store, f->caseworker, r, &error));
  g_assert_no_error (error);
  /* someone else's older copy */
  g_assert_false (hmr_store_update_referral (f->store, f->caseworker, stale, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  move (f, f->caseworker, id, "sent");
  r->version = 3;
  g_assert_false (hmr_store_update_referral (f->store, f->caseworker, r, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (hmr_store_archive_referral (f->store, f->caseworker, id, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);

  /* a draft made by mistake goes away, audited */
  g_assert_true (hmr_store_archive_referral (f->store, f->caseworker, other, &error));
  ids = hmr_store_query_referral_ids (f->store, f->supervisor, NULL, NULL, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (count_for (f, "SELECT count(*) FROM audit_log WHERE action = 'archive' AND entity_id = '%s'",
                              other), ==, 1);
  /* another office's caseworker cannot even create one here */
  {
    g_autoptr(HmrReferral) n = hmr_referral_new ();
    n->beneficiary_id = g_strdup (person);
    n->service_type = g_strdup ("employment");
    g_assert_false (hmr_store_create_referral (f->store, f->caseworker_panj, n, &error));
    g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  }
}

/* ---- providers -------------------------------------------------------- */

static void
test_providers_admin_only_audited (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrProvider) p = hmr_provider_new ();
  g_autoptr(HmrProvider) stale = NULL;
  g_autoptr(GPtrArray) list = NULL;
  HmrActor *not_admins[] = { f->caseworker, f->supervisor, f->finance };

  p->name = g_strdup ("  Legal Aid Centre Dusti ");
  p->service_types = g_strdup ("legal_aid, migration_service");
  p->district = g_strdup ("Dusti");
  p->phone = g_strdup ("372223344");
  p->contact_person = g_strdup ("Zarina Odinaeva");
  p->languages = g_strdup ("tg, ru");
  for (guint i = 0; i < G_N_ELEMENTS (not_admins); i++)
    {
      g_assert_false (hmr_store_save_provider (f->store, not_admins[i], p, &error));
      g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
      g_clear_error (&error);
    }
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM service_provider"), ==, 0);

  g_assert_true (hmr_store_save_provider (f->store, f->admin, p, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (p->office_id, ==, DUSTI_OFFICE);
  g_assert_cmpint (count_for (f, "SELECT count(*) FROM audit_log WHERE action = 'create' "
                                 "AND entity = 'service_provider' AND entity_id = '%s'", p->id), ==, 1);

  /* caseworkers and supervisors read the directory; finance does not */
  list = hmr_store_list_providers (f->store, f->caseworker, NULL, NULL, FALSE, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((HmrProvider *) g_ptr_array_index (list, 0))->name, ==, "Legal Aid Centre Dusti");
  g_assert_cmpstr (((HmrProvider *) g_ptr_array_index (list, 0))->service_types, ==, "legal_aid,migration_service");
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_null (hmr_store_list_providers (f->store, f->finance, NULL, NULL, FALSE, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);

  stale = hmr_store_get_provider (f->store, f->admin, p->id, &error);
  p->address = g_strdup ("Dusti, Lenin street 12");
  g_assert_true (hmr_store_save_provider (f->store, f->admin, p, &error));
  g_assert_cmpint (count_for (f, "SELECT count(*) FROM audit_log WHERE action = 'update' "
                                 "AND entity_id = '%s' AND changes LIKE '%%Lenin street%%'", p->id), ==, 1);
  g_assert_false (hmr_store_save_provider (f->store, f->admin, stale, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  g_assert_false (hmr_store_archive_provider (f->store, f->supervisor, p->id, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_true (hmr_store_archive_provider (f->store, f->admin, p->id, &error));
  list = hmr_store_list_providers (f->store, f->supervisor, NULL, NULL, FALSE, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = hmr_store_list_providers (f->store, f->admin, NULL, NULL, TRUE, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (count_for (f, "SELECT count(*) FROM audit_log WHERE action = 'archive' "
                                 "AND entity_id = '%s'", p->id), ==, 1);

  /* an archived provider cannot take new referrals */
  {
    g_autofree char *person = register_person (f, f->caseworker, "Раҳимов", "Dusti", TRUE);
    g_autoptr(HmrReferral) r = hmr_referral_new ();
    r->beneficiary_id = g_strdup (person);
    r->provider_id = g_strdup (p->id);
    r->service_type = g_strdup ("legal_aid");
    g_assert_false (hmr_store_create_referral (f->store, f->caseworker, r, &error));
    g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  }
}

static char *
names_of (GPtrArray *providers)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < providers->len; i++)
    g_ptr_array_add (names, ((HmrProvider *) g_ptr_array_index (providers, i))->name);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (",", (char **) names->pdata);
}

static void
test_providers_for_pickers (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *a = add_provider (f, "A Legal Dusti", "legal_aid", "Dusti", NULL);
  g_autofree char *b = add_provider (f, "B Clinic Panj", "health,legal_aid", "Panj", "Dusti, Jayhun");
  g_autofree char *c = add_provider (f, "C Migration Service", "migration_service", "Dushanbe", "*");
  const struct { const char *service, *district, *expected; } cases[] = {
    { "legal_aid", "Dusti", "A Legal Dusti,B Clinic Panj" },
    { "health", "Dusti", "B Clinic Panj" },
    { "health", "Jayhun", "B Clinic Panj" },
    { "legal_aid", "Panj", "B Clinic Panj" },
    { "migration_service", "Panj", "C Migration Service" },
    { NULL, "Panj", "B Clinic Panj,C Migration Service" },
    { NULL, "Shughnon", "C Migration Service" },
    { "legal_aid", NULL, "A Legal Dusti,B Clinic Panj" },
    { "psychosocial", "Dusti", "" },
    { "legal", NULL, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) list = hmr_store_list_providers (f->store, f->caseworker, cases[i].service,
                                                            cases[i].district, FALSE, &error);
      g_autofree char *names = NULL;

      g_assert_no_error (error);
      names = names_of (list);
      g_assert_cmpstr (names, ==, cases[i].expected);
      /* the same answer as the provider's own rule */
      for (guint k = 0; k < list->len; k++)
        {
          HmrProvider *p = g_ptr_array_index (list, k);
          g_assert_true (cases[i].service == NULL || hmr_provider_offers (p, cases[i].service));
          g_assert_true (cases[i].district == NULL || hmr_provider_serves (p, cases[i].district));
        }
    }
}

static void
test_provider_fields_checked (Fixture       *f,
                              gconstpointer  data)
{
  const struct { const char *name, *services, *district, *served, *field; } cases[] = {
    { "", "legal_aid", "Dusti", NULL, "Organisation" },
    { "X", "", "Dusti", NULL, "Services" },
    { "X", "legal_aid,cooking", "Dusti", NULL, "Services" },
    { "X", "legal_aid", "Atlantis", NULL, "District" },
    { "X", "legal_aid", "Dusti", "Panj,Atlantis", "Districts served" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HmrProvider) p = hmr_provider_new ();

      p->name = g_strdup (cases[i].name);
      p->service_types = g_strdup (cases[i].services);
      p->district = g_strdup (cases[i].district);
      p->districts_served = g_strdup (cases[i].served);
      g_assert_false (hmr_store_save_provider (f->store, f->admin, p, &error));
      g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, cases[i].field));
    }
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM service_provider"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  /* before anything asks for the local time zone */
  g_setenv ("TZ", "Asia/Dushanbe", TRUE);
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/referral/workflow/every-transition-by-role", test_every_transition_by_role);
  ADD ("/referral/send/refused-without-consent", test_send_refused_without_consent);
  ADD ("/referral/send/consent-on-the-referral-suffices", test_send_with_consent_on_the_referral);
  ADD ("/referral/send/supervisor-override-audited", test_supervisor_override_audited);
  ADD ("/referral/send/needs-provider-and-reason", test_send_needs_provider_and_reason);
  ADD ("/referral/deadline/due-date-per-service-type", test_due_date_per_service_type);
  ADD ("/referral/deadline/changed-by-admin-only-audited", test_deadline_changed_by_admin_only);
  ADD ("/referral/history/answer-and-outcome-recorded", test_history_answer_and_outcome);
  ADD ("/referral/revoke/needs-a-written-reason", test_revoke_needs_a_reason);
  ADD ("/referral/draft/only-drafts-change", test_only_drafts_change);
  ADD ("/referral/provider/admin-only-audited", test_providers_admin_only_audited);
  ADD ("/referral/provider/pickers-filter-by-service-and-district", test_providers_for_pickers);
  ADD ("/referral/provider/fields-checked-and-named", test_provider_fields_checked);
#undef ADD
  return g_test_run ();
}

