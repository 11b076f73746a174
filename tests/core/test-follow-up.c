/* test-follow-up.c — scheduling and recording follow-ups, WHO-5 flags in
 * the store, the confidential note
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-follow-up.h"
#include "hmr-workflow.h"
#include "hmr-test-util.h"

static char *
register_person (Fixture    *f,
                 HmrActor   *actor,
                 const char *family)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = make_beneficiary (family, "Ҷамшед",
                                                  g_strcmp0 (actor->office_id, PANJ_OFFICE) == 0 ? "Panj" : "Dusti");

  g_assert_true (hmr_store_insert_beneficiary (f->store, actor, b, &error));
  g_assert_no_error (error);
  return g_strdup (hmr_beneficiary_get (b, HMR_BENEFICIARY_ID));
}

static char *
schedule (Fixture    *f,
          HmrActor   *actor,
          const char *beneficiary_id,
          const char *due_on)
{
  g_autoptr(GError) error = NULL;
  char *id = hmr_store_schedule_follow_up (f->store, actor, beneficiary_id, "psychosocial_session", due_on,
                                           NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

/* A session that took place today with these five answers */
static void
record_score (Fixture    *f,
              const char *follow_up_id,
              int         a,
              int         b,
              int         c,
              int         d,
              int         e)
{
  g_autoptr(GError) error = NULL;
  HmrFollowUpOutcome o = HMR_FOLLOW_UP_OUTCOME_INIT;

  o.status = "done";
  o.has_who5 = TRUE;
  o.who5_items[0] = a; o.who5_items[1] = b; o.who5_items[2] = c; o.who5_items[3] = d; o.who5_items[4] = e;
  g_assert_true (hmr_store_record_follow_up (f->store, f->caseworker, follow_up_id, &o, NULL, &error));
  g_assert_no_error (error);
}

static HmrFollowUp *
get (Fixture    *f,
     const char *id)
{
  g_autoptr(GError) error = NULL;
  HmrFollowUp *fu = hmr_store_get_follow_up (f->store, f->caseworker, id, &error);

  g_assert_no_error (error);
  return fu;
}

static void
test_recording_with_next_date_plans_the_next (Fixture       *f,
                                              gconstpointer  data)
{
  g_autofree char *person = register_person (f, f->caseworker, "Раҳимов");
  g_autofree char *first = schedule (f, f->caseworker, person, "2026-11-23");
  g_autofree char *next = NULL;
  g_autoptr(HmrFollowUp) done = NULL;
  g_autoptr(HmrFollowUp) planned = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  HmrFollowUpOutcome o = HMR_FOLLOW_UP_OUTCOME_INIT;
  const int items[] = { 3, 4, 2, 3, 2 };

  o.status = "done";
  o.duration_minutes = 45;
  o.has_who5 = TRUE;
  memcpy (o.who5_items, items, sizeof items);
  o.wants_professional = 1;
  o.note = "Sleeps badly since the deportation.";
  o.next_on = "07.12.2026";
  o.next_kind = "phone";
  g_assert_true (hmr_store_record_follow_up (f->store, f->caseworker, first, &o, &next, &error));
  g_assert_no_error (error);
  g_assert_nonnull (next);

  done = get (f, first);
  g_assert_cmpstr (done->status, ==, "done");
  g_assert_cmpstr (done->done_on, ==, "2026-11-23");
  g_assert_cmpint (done->duration_minutes, ==, 45);
  g_assert_cmpint (done->who5_score, ==, 56);
  g_assert_cmpmem (done->who5_items, sizeof done->who5_items, items, sizeof items);
  g_assert_cmpint (done->who5_previous, ==, -1);
  g_assert_cmpint (done->who5_flags, ==, HMR_WHO5_FLAG_NONE);
  g_assert_cmpint (done->wants_professional, ==, 1);
  g_assert_true (done->has_note);
  g_assert_cmpstr (done->next_on, ==, "2026-12-07");

  planned = get (f, next);
  g_assert_cmpstr (planned->status, ==, "planned");
  g_assert_cmpstr (planned->due_on, ==, "2026-12-07");
  g_assert_cmpstr (planned->kind, ==, "phone");
  g_assert_cmpstr (planned->assigned_to, ==, f->caseworker->user_id);
  g_assert_cmpstr (planned->case_id, ==, done->case_id);
  g_assert_false (planned->has_note);

  all = hmr_store_list_follow_ups (f->store, f->caseworker, person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  g_assert_cmpstr (((HmrFollowUp *) g_ptr_array_index (all, 0))->id, ==, next);

  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM follow_up_history"), ==, 3);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM follow_up_history WHERE from_state = 'planned' "
                                        "AND to_state = 'done'"), ==, 1);
}

static void
test_recorded_once_only (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *person = register_person (f, f->caseworker, "Раҳимов");
  g_autofree char *id = schedule (f, f->caseworker, person, "2026-11-20");
  g_autoptr(GError) error = NULL;
  HmrFollowUpOutcome missed = HMR_FOLLOW_UP_OUTCOME_INIT;
  g_autoptr(HmrFollowUp) after = NULL;

  missed.status = "missed";
  missed.comment = "Phone switched off";
  g_assert_true (hmr_store_record_follow_up (f->store, f->caseworker, id, &missed, NULL, &error));
  g_assert_no_error (error);
  missed.status = "done";
  g_assert_false (hmr_store_record_follow_up (f->store, f->caseworker, id, &missed, NULL, &error));
  g_assert_error (error, HMR_WORKFLOW_ERROR, HMR_WORKFLOW_ERROR_NO_SUCH_TRANSITION);
  after = get (f, id);
  g_assert_cmpstr (after->status, ==, "missed");
}

static void
test_outcome_validation (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *person = register_person (f, f->caseworker, "Раҳимов");
  g_autofree char *id = schedule (f, f->caseworker, person, "2026-11-23");
  g_autoptr(HmrFollowUp) after = NULL;
  gint64 audit_before = count_rows (f->path, "SELECT count(*) FROM audit_log");
  struct
  {
    const char *status;
    gboolean    who5;
    int         item;
    int         duration;
    const char *done_on;
    const char *next_on;
    GQuark      domain;
    const char *words;
  } cases[] = {
    { "done", TRUE, 6, -1, NULL, NULL, HMR_WHO5_ERROR, "item 2" },
    { "missed", TRUE, 3, -1, NULL, NULL, HMR_STORE_ERROR, "WHO-5" },
    { "missed", FALSE, 0, 30, NULL, NULL, HMR_STORE_ERROR, "Duration" },
    { "done", FALSE, 0, 0, NULL, NULL, HMR_STORE_ERROR, "Duration" },
    { "done", FALSE, 0, -1, "2026-11-24", NULL, HMR_STORE_ERROR, "Date" },
    { "done", FALSE, 0, -1, NULL, "2026-11-23", HMR_STORE_ERROR, "Next date" },
    { "done", FALSE, 0, -1, NULL, "soon", HMR_STORE_ERROR, "Next date" },
    { "postponed", FALSE, 0, -1, NULL, NULL, HMR_WORKFLOW_ERROR, "postponed" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      HmrFollowUpOutcome o = HMR_FOLLOW_UP_OUTCOME_INIT;

      o.status = cases[i].status;
      o.has_who5 = cases[i].who5;
      for (guint k = 0; k < HMR_WHO5_N_ITEMS; k++)
        o.who5_items[k] = 3;
      o.who5_items[1] = cases[i].item;
      o.duration_minutes = cases[i].duration;
      o.done_on = cases[i].done_on;
      o.next_on = cases[i].next_on;
      g_assert_false (hmr_store_record_follow_up (f->store, f->caseworker, id, &o, NULL, &error));
      g_assert_nonnull (error);
      g_assert_cmpuint (error->domain, ==, cases[i].domain);
      if (strstr (error->message, cases[i].words) == NULL)
        g_error ("case %u: “%s” does not name “%s”", i, error->message, cases[i].words);
    }
  after = get (f, id);
  g_assert_cmpstr (after->status, ==, "planned");
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log"), ==, audit_before);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM follow_up"), ==, 1);
}

static void
test_refused_for_other_office (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *person = register_person (f, f->caseworker, "Раҳимов");
  g_autofree char *id = schedule (f, f->caseworker, person, "2026-11-23");
  g_autofree char *other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrFollowUp) after = NULL;
  HmrFollowUpOutcome o = HMR_FOLLOW_UP_OUTCOME_INIT;

  o.status = "done";
  g_assert_false (hmr_store_record_follow_up (f->store, f->caseworker_panj, id, &o, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (hmr_store_record_follow_up (f->store, f->finance, id, &o, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  other = hmr_store_schedule_follow_up (f->store, f->caseworker_panj, person, "phone", "2026-11-30", NULL, &error);
  g_assert_null (other);
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  /* nor may the work be handed to someone of another office */
  other = hmr_store_schedule_follow_up (f->store, f->caseworker, person, "phone", "2026-11-30",
                                        f->caseworker_panj->user_id, &error);
  g_assert_null (other);
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Dilshod Safarov"));
  after = get (f, id);
  g_assert_cmpstr (after->status, ==, "planned");
}

static void
test_scores_flagged_in_store (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *person = register_person (f, f->caseworker, "Раҳимов");
  g_autofree char *other = register_person (f, f->caseworker, "Саидов");
  g_autofree char *a = schedule (f, f->caseworker, person, "2026-11-01");
  g_autofree char *b = schedule (f, f->caseworker, person, "2026-11-10");
  g_autofree char *c = schedule (f, f->caseworker, person, "2026-11-20");
  g_autofree char *d = schedule (f, f->caseworker, person, "2026-11-22");
  g_autofree char *e = schedule (f, f->caseworker, other, "2026-11-22");
  g_autofree char *g = schedule (f, f->caseworker, other, "2026-11-23");
  g_autoptr(HmrFollowUp) fa = NULL, fb = NULL, fc = NULL, fd = NULL, fe = NULL, fg = NULL;

  record_score (f, a, 3, 3, 3, 3, 3);      /* 60, first: not flagged */
  record_score (f, b, 3, 3, 3, 2, 2);      /* 52: fell by 8, not flagged */
  record_score (f, c, 2, 2, 2, 2, 2);      /* 40: fell by 12, flagged; 50 or below: screen */
  record_score (f, d, 2, 2, 1, 1, 1);      /* 28: fell by 12, and 28 or below: likely depression */
  record_score (f, e, 2, 2, 1, 1, 1);      /* 28, first score of another person: likely depression */
  record_score (f, g, 2, 2, 2, 1, 1);      /* 32, after 28: screen, not flagged for the supervisor */

  fa = get (f, a); fb = get (f, b); fc = get (f, c); fd = get (f, d); fe = get (f, e); fg = get (f, g);
  g_assert_cmpint (fa->who5_flags, ==, HMR_WHO5_FLAG_NONE);
  g_assert_cmpint (fb->who5_previous, ==, 60);
  g_assert_cmpint (fb->who5_flags, ==, HMR_WHO5_FLAG_NONE);
  g_assert_cmpint (fc->who5_previous, ==, 52);
  g_assert_cmpint (fc->who5_flags, ==, HMR_WHO5_FLAG_DROP | HMR_WHO5_FLAG_SCREEN);
  g_assert_cmpint (fd->who5_score, ==, 28);
  g_assert_cmpint (fd->who5_flags, ==, HMR_WHO5_FLAG_DROP | HMR_WHO5_FLAG_LOW | HMR_WHO5_FLAG_SCREEN);
  g_assert_cmpint (fe->who5_previous, ==, -1);
  g_assert_cmpint (fe->who5_flags, ==, HMR_WHO5_FLAG_LOW | HMR_WHO5_FLAG_SCREEN);
  g_assert_cmpint (fg->who5_previous, ==, 28);
  g_assert_cmpint (fg->who5_flags, ==, HMR_WHO5_FLAG_SCREEN);
  /* The supervisor's list holds the scores flagged for them */
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM follow_up WHERE who5_flags > 0"), ==, 3);
}

/* The person phoned: the call is recorded without being planned first */
static void
test_recorded_without_scheduling (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *person = register_person (f, f->caseworker, "Раҳимов");
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrFollowUp) fu = NULL;
  g_autofree char *id = NULL;
  g_autofree char *next = NULL;
  g_autofree char *sql = NULL;
  HmrFollowUpOutcome o = HMR_FOLLOW_UP_OUTCOME_INIT;
  gint64 audited = count_rows (f->path, "SELECT count(*) FROM audit_log");

  o.status = "done";
  o.done_on = "22.11.2026";
  o.has_who5 = TRUE;
  for (guint i = 0; i < HMR_WHO5_N_ITEMS; i++)
    o.who5_items[i] = 1;                 /* 20: likely depression */
  o.next_on = "2026-12-06";

  /* Refused: a call that did not take place, finance, another office */
  o.status = "missed";
  g_assert_false (hmr_store_record_unscheduled_follow_up (f->store, f->caseworker, person, "phone", &o,
                                                          &id, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  o.status = "done";
  g_assert_false (hmr_store_record_unscheduled_follow_up (f->store, f->finance, person, "phone", &o,
                                                          &id, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (hmr_store_record_unscheduled_follow_up (f->store, f->caseworker_panj, person, "phone", &o,
                                                          &id, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (hmr_store_record_unscheduled_follow_up (f->store, f->caseworker, person, "letter", &o,
                                                          &id, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM follow_up"), ==, 0);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log"), ==, audited);

  g_assert_true (hmr_store_record_unscheduled_follow_up (f->store, f->caseworker, person, "phone", &o,
                                                         &id, &next, &error));
  g_assert_no_error (error);
  fu = hmr_store_get_follow_up (f->store, f->caseworker, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fu->status, ==, "done");
  g_assert_cmpstr (fu->kind, ==, "phone");
  g_assert_cmpstr (fu->due_on, ==, "2026-11-22");
  g_assert_cmpstr (fu->done_on, ==, "2026-11-22");
  g_assert_cmpstr (fu->assigned_to, ==, f->caseworker->user_id);
  g_assert_cmpint (fu->who5_score, ==, 20);
  g_assert_true (fu->who5_flags & HMR_WHO5_FLAG_LOW);
  g_assert_nonnull (next);

  /* planned, then done: both in its history and the audit log */
  sql = g_strdup_printf ("SELECT count(*) FROM follow_up_history WHERE follow_up_id = '%s'", id);
  g_assert_cmpint (count_rows (f->path, sql), ==, 2);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE entity = 'follow_up' AND entity_id = '%s'", id);
  g_assert_cmpint (count_rows (f->path, sql), ==, 2);
}

/* Rows written in bulk (demo data, imports) get the same flags */
static void
test_bulk_rows_flagged_like_the_store (Fixture       *f,
                                       gconstpointer  data)
{
  g_autofree char *person = register_person (f, f->caseworker, "Раҳимов");
  const int scores[] = { 60, 50, 41, 28, 27, 100, 90, 81 };
  int previous = -1;

  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    {
      g_autofree char *sql = g_strdup_printf (
        "INSERT INTO follow_up (id, office_id, beneficiary_id, kind, status, due_on, done_on, who5_score, "
        "created_at, updated_at) VALUES ('bulk-%u', '%s', '%s', 'phone', 'done', '2026-10-%02u', "
        "'2026-10-%02u', %d, '2026-10-01', '2026-10-01')",
        i, DUSTI_OFFICE, person, i + 1, i + 1, scores[i]);
      g_autofree char *id = g_strdup_printf ("bulk-%u", i);
      g_autoptr(HmrFollowUp) fu = NULL;

      exec_sql (f->path, sql);
      fu = get (f, id);
      if ((int) fu->who5_flags != (int) hmr_who5_flags (previous, scores[i]))
        g_error ("score %d after %d: flags %d, hmr_who5_flags says %d", scores[i], previous,
                 fu->who5_flags, hmr_who5_flags (previous, scores[i]));
      g_assert_cmpint (fu->who5_previous, ==, previous);
      previous = scores[i];
    }
  /* 60→50 and 90→81 are drops of 10 and 9: the first flagged, not the second */
  g_assert_cmpint (count_rows (f->path, "SELECT who5_flags FROM follow_up WHERE id = 'bulk-1'"), ==, 2);
  g_assert_cmpint (count_rows (f->path, "SELECT who5_flags FROM follow_up WHERE id = 'bulk-7'"), ==, 0);
  g_assert_cmpint (count_rows (f->path, "SELECT who5_flags FROM follow_up WHERE id = 'bulk-4'"), ==, 1);
  /* 28 is likely depression (and 41→28 a fall); 50 only suggests screening, not stored */
  g_assert_cmpint (count_rows (f->path, "SELECT who5_flags FROM follow_up WHERE id = 'bulk-3'"), ==, 3);
}

static void
test_finance_cannot_read_note (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *person = register_person (f, f->caseworker, "Раҳимов");
  g_autofree char *id = schedule (f, f->caseworker, person, "2026-11-23");
  HmrActor *refused[] = { f->finance, f->admin, f->caseworker_panj };
  HmrActor *allowed[] = { f->caseworker, f->supervisor };
  g_autoptr(GError) error = NULL;
  HmrFollowUpOutcome o = HMR_FOLLOW_UP_OUTCOME_INIT;

  o.status = "done";
  o.note = "CONFIDENTIAL-7731: speaks of the recruiter's threats";
  g_assert_true (hmr_store_record_follow_up (f->store, f->caseworker, id, &o, NULL, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      char *note = (char *) "untouched";
      g_autoptr(HmrFollowUp) fu = NULL;

      g_assert_false (hmr_store_read_follow_up_note (f->store, refused[i], id, &note, &error));
      g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
      g_assert_null (note);
      g_clear_error (&error);
      /* nor does the follow-up itself reach them */
      fu = hmr_store_get_follow_up (f->store, refused[i], id, &error);
      g_assert_null (fu);
      g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
      g_clear_error (&error);
    }
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE action = 'view' "
                                        "AND entity = 'follow_up'"), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    {
      g_autofree char *note = NULL;

      g_assert_true (hmr_store_read_follow_up_note (f->store, allowed[i], id, &note, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (note, ==, "CONFIDENTIAL-7731: speaks of the recruiter's threats");
    }
  /* each opening leaves a trace; the audit log never holds the text */
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE action = 'view' "
                                        "AND entity = 'follow_up'"), ==, 2);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE changes LIKE '%CONFIDENTIAL-7731%'"),
                   ==, 0);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM follow_up WHERE notes LIKE 'CONFIDENTIAL-7731%'"),
                   ==, 1);
}

static void
test_acknowledge_by_supervisor (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *person = register_person (f, f->caseworker, "Раҳимов");
  g_autofree char *low = schedule (f, f->caseworker, person, "2026-11-20");
  g_autofree char *fine = schedule (f, f->caseworker, person, "2026-11-23");
  g_autoptr(HmrFollowUp) after = NULL;
  g_autoptr(GError) error = NULL;

  record_score (f, low, 1, 1, 1, 1, 1);   /* 20 */
  record_score (f, fine, 4, 4, 4, 4, 4);  /* 80 */

  g_assert_false (hmr_store_acknowledge_wellbeing_flag (f->store, f->caseworker, low, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (hmr_store_acknowledge_wellbeing_flag (f->store, f->finance, low, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  g_assert_false (hmr_store_acknowledge_wellbeing_flag (f->store, f->supervisor, fine, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (hmr_store_acknowledge_wellbeing_flag (f->store, f->supervisor, low,
                                                       "Referred to the psychologist", &error));
  g_assert_no_error (error);
  after = get (f, low);
  g_assert_nonnull (after->who5_acknowledged_at);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE action = 'acknowledge' "
                                        "AND entity = 'follow_up'"), ==, 1);
  g_assert_false (hmr_store_acknowledge_wellbeing_flag (f->store, f->supervisor, low, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/follow-up/record/next-date-plans-the-next", test_recording_with_next_date_plans_the_next);
  ADD ("/follow-up/record/only-once", test_recorded_once_only);
  ADD ("/follow-up/record/without-scheduling-first", test_recorded_without_scheduling);
  ADD ("/follow-up/record/bad-outcome-refused-naming-the-field", test_outcome_validation);
  ADD ("/follow-up/record/refused-for-other-office-and-finance", test_refused_for_other_office);
  ADD ("/follow-up/who5/drop-and-low-scores-flagged", test_scores_flagged_in_store);
  ADD ("/follow-up/who5/bulk-rows-flagged-like-the-store", test_bulk_rows_flagged_like_the_store);
  ADD ("/follow-up/note/finance-cannot-read-it", test_finance_cannot_read_note);
  ADD ("/follow-up/who5/acknowledged-by-supervisor-only", test_acknowledge_by_supervisor);
#undef ADD

  return g_test_run ();
}
