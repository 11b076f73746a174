/* test-grant.c — grants through the roles, and the money rules
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "grant-test-util.h"
#include "hmr-labels.h"
#include "hmr-workflow.h"

static const char * const states[] = {
  "draft", "submitted", "approved", "rejected", "disbursing", "disbursed", "verified", "cancelled",
};

#define REQUESTED G_GINT64_CONSTANT (500000)   /* 5,000.00 TJS */

/* Puts a fresh draft into @state straight in the file, as if it had got
 * there through the roles (a disbursing grant has half its money paid) */
static char *
grant_in_state (Fixture    *f,
                const char *person,
                const char *state)
{
  g_autofree char *id = add_grant (f, f->caseworker, person, "Welding workshop", REQUESTED);
  g_autofree char *sql = NULL;
  gboolean approved = g_strv_contains ((const char *[]) { "approved", "disbursing", "disbursed", "verified", NULL },
                                       state);
  gint64 paid = g_str_equal (state, "disbursing") ? REQUESTED / 2
              : g_str_equal (state, "disbursed") || g_str_equal (state, "verified") ? REQUESTED : 0;

  sql = g_strdup_printf ("UPDATE reintegration_grant SET status = '%s', amount_approved = %s WHERE id = '%s';",
                         state, approved ? "amount_requested" : "NULL", id);
  exec_sql (f->path, sql);
  if (paid > 0)
    {
      g_autofree char *tranche = g_strdup_printf (
        "INSERT INTO disbursement (id, office_id, grant_id, tranche, paid_on, amount, method, created_at, updated_at) "
        "VALUES ('t-%s', '" DUSTI_OFFICE "', '%s', 1, '2026-11-01', %" G_GINT64_FORMAT ", 'cash', "
        "'2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z');", id, id, paid);
      exec_sql (f->path, tranche);
    }
  return g_steal_pointer (&id);
}

/* The store's action that moves a grant to @to */
static gboolean
move (Fixture        *f,
      const HmrActor *actor,
      const char     *id,
      const char     *from,
      const char     *to,
      GError        **error)
{
  gint64 paid = g_str_equal (from, "disbursing") ? REQUESTED / 2 : 0;

  if (g_str_equal (to, "submitted"))
    return hmr_store_submit_grant (f->store, actor, id, NULL, error);
  if (g_str_equal (to, "approved"))
    return hmr_store_approve_grant (f->store, actor, id, REQUESTED, NULL, error);
  if (g_str_equal (to, "rejected"))
    return hmr_store_reject_grant (f->store, actor, id, "The plan does not say who will buy", error);
  if (g_str_equal (to, "cancelled"))
    return hmr_store_cancel_grant (f->store, actor, id, "Left for Russia again", error);
  if (g_str_equal (to, "verified"))
    return hmr_store_verify_grant (f->store, actor, id, NULL, error);
  if (g_str_equal (to, "disbursing"))   /* a first tranche, short of the whole */
    return hmr_store_record_disbursement (f->store, actor, id, "20.11.2026", 100000, "cash",
                                          "Cash receipt No. 12", NULL, error);
  if (g_str_equal (to, "disbursed"))    /* the tranche that completes it */
    return hmr_store_record_disbursement (f->store, actor, id, "2026-11-21", REQUESTED - paid,
                                          "bank_transfer", "Payment order No. 4471", NULL, error);
  g_assert_not_reached ();
}

/* What the workflow table says of @actor moving a grant from @from to @to */
static gboolean
table_allows (const HmrActor *actor,
              const char     *from,
              const char     *to)
{
  const char *comment = "a reason";

  if (hmr_workflow_may_move (actor, HMR_RECORD_GRANT, from, to, DUSTI_OFFICE, comment, NULL))
    return TRUE;
  /* a tranche paying the whole approved amount at once takes both steps */
  return g_str_equal (to, "disbursed") &&
         hmr_workflow_may_move (actor, HMR_RECORD_GRANT, from, "disbursing", DUSTI_OFFICE, comment, NULL) &&
         hmr_workflow_may_move (actor, HMR_RECORD_GRANT, "disbursing", "disbursed", DUSTI_OFFICE, comment, NULL);
}

static void
test_every_step_by_every_role (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *person = add_person (f, f->caseworker, "Раҳимов", "Фаррух", "Rahimov", "Dusti");
  const struct { const char *name; HmrActor *actor; } actors[] = {
    { "caseworker", f->caseworker }, { "caseworker of another office", f->caseworker_panj },
    { "supervisor", f->supervisor }, { "finance", f->finance }, { "admin", f->admin },
  };
  guint n_allowed = 0, n_refused = 0;

  for (guint a = 0; a < G_N_ELEMENTS (actors); a++)
    for (guint i = 0; i < G_N_ELEMENTS (states); i++)
      for (guint j = 1; j < G_N_ELEMENTS (states); j++)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *id = NULL;
          g_autofree char *before = NULL;
          g_autofree char *after = NULL;
          g_autofree char *status = NULL;
          const char *from = states[i], *to = states[j];
          gboolean expected = table_allows (actors[a].actor, from, to);
          gboolean done;

          if (i == j)
            continue;
          id = grant_in_state (f, person, from);
          before = snapshot (f);
          done = move (f, actors[a].actor, id, from, to, &error);
          after = snapshot (f);
          status = grant_status (f, id);
          if (done != expected)
            g_error ("%s moving a grant from %s to %s: the table says %s, the store %s (%s)",
                     actors[a].name, from, to, expected ? "yes" : "no", done ? "did" : "refused",
                     error ? error->message : "no error");
          if (done)
            {
              g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM grant_history WHERE grant_id = '%s' "
                                                      "AND to_state = '%s' AND by_user = '%s'",
                                                      id, to, actors[a].actor->user_id);
              g_assert_no_error (error);
              g_assert_cmpstr (status, ==, to);
              /* a history row and an audit row for the move */
              g_assert_cmpint (count_rows (f->path, sql), ==, 1);
              g_clear_pointer (&sql, g_free);
              sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE entity = 'grant' AND entity_id = '%s' "
                                     "AND action = 'move' AND changes LIKE '%%\"after\":\"%s\"%%'", id, to);
              g_assert_cmpint (count_rows (f->path, sql), ==, 1);
              n_allowed++;
            }
          else
            {
              g_assert_nonnull (error);
              g_assert_cmpstr (status, ==, from);
              g_assert_cmpstr (before, ==, after);   /* nothing written */
              n_refused++;
            }
        }
  /* the table has something to say both ways */
  g_assert_cmpuint (n_allowed, >=, 12);
  g_assert_cmpuint (n_refused, >, n_allowed);
}

static void
test_field_example_through_the_roles (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *b1 = add_person (f, f->caseworker, "Ҷӯраев", "Ғайрат", "Juraev", "Dusti");
  g_autofree char *b2 = add_person (f, f->caseworker, "Қодиров", "Умед", "Qodirov", "Dusti");
  g_autofree char *b3 = add_person (f, f->caseworker, "Назаров", "Далер", "Nazarov", "Dusti");
  g_autoptr(HmrGrant) g = field_example_grant (b1, b2, b3);
  g_autoptr(HmrGrant) read = NULL;
  g_autofree char *sql = NULL;
  const char *expected[] = { "draft", "submitted", "approved", "disbursing", "disbursed", "verified" };

  g_assert_true (hmr_store_insert_grant (f->store, f->caseworker, g, &error));
  g_assert_no_error (error);
  /* 30 × 52 + 400 × 4 + 20 × 62 + 2 × 420 + 0.2 × 3,170 = 5,874 TJS */
  g_assert_cmpint (g->amount_requested, ==, 587400);
  g_assert_cmpstr (g->office_id, ==, DUSTI_OFFICE);

  g_assert_true (hmr_store_submit_grant (f->store, f->caseworker, g->id, "Committee on Friday", &error));
  g_assert_true (hmr_store_approve_grant (f->store, f->supervisor, g->id, 587400, NULL, &error));
  g_assert_true (hmr_store_record_disbursement (f->store, f->finance, g->id, "10.11.2026", 300000,
                                                "supplier_payment", "Invoice DST-118", NULL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *s = grant_status (f, g->id);
    g_assert_cmpstr (s, ==, "disbursing");
  }
  g_assert_true (hmr_store_record_disbursement (f->store, f->finance, g->id, "2026-11-20", 287400,
                                                "cash", "Cash receipt No. 31", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (hmr_store_verify_grant (f->store, f->finance, g->id, "The workshop is open", &error));
  g_assert_no_error (error);

  /* finance reads it back: identity of the three, the budget, the money */
  read = hmr_store_get_grant (f->store, f->finance, g->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->status, ==, "verified");
  g_assert_cmpuint (read->members->len, ==, 3);
  g_assert_cmpuint (read->items->len, ==, 5);
  g_assert_cmpint (hmr_grant_get_paid (read), ==, 587400);
  g_assert_cmpint (hmr_grant_get_remaining (read), ==, 0);
  g_assert_cmpuint (read->disbursements->len, ==, 2);
  g_assert_cmpint (((HmrDisbursement *) g_ptr_array_index (read->disbursements, 1))->tranche, ==, 2);
  g_assert_cmpstr (((HmrDisbursement *) g_ptr_array_index (read->disbursements, 0))->paid_on, ==, "2026-11-10");
  g_assert_cmpuint (read->history->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (((HmrStateChange *) g_ptr_array_index (read->history, i))->to_state, ==, expected[i]);
  g_assert_cmpstr (((HmrStateChange *) g_ptr_array_index (read->history, 1))->comment, ==, "Committee on Friday");

  /* every step left an audit row: created, 5 moves, 2 tranches */
  sql = g_strdup_printf ("SELECT count(*) FROM audit_log WHERE entity_id = '%s'", g->id);
  g_assert_cmpint (count_rows (f->path, sql), ==, 6);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE entity = 'disbursement' "
                                        "AND action = 'create'"), ==, 2);
  /* and a draft can no longer be edited */
  g_free (read->purpose);
  read->purpose = g_strdup ("Something else");
  g_assert_false (hmr_store_update_grant (f->store, f->caseworker, read, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
}

static void
test_tranche_over_approved_refused (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *person = add_person (f, f->caseworker, "Шарипов", "Умед", NULL, "Dusti");
  g_autofree char *id = add_grant (f, f->caseworker, person, "Greenhouse", 587400);
  g_autofree char *before = NULL, *after = NULL;
  g_autofree char *approved = hmr_money_format (500000, "TJS", HMR_MONEY_LOCALE);
  g_autofree char *tranche = hmr_money_format (600000, "TJS", HMR_MONEY_LOCALE);

  /* approved for less than requested */
  submit_and_approve (f, id, 500000);
  before = snapshot (f);
  g_assert_false (hmr_store_record_disbursement (f->store, f->finance, id, "2026-11-20", 600000, "cash",
                                                 NULL, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  /* the message names the amounts */
  g_assert_nonnull (strstr (error->message, approved));
  g_assert_nonnull (strstr (error->message, tranche));
  after = snapshot (f);
  g_assert_cmpstr (before, ==, after);
}

static void
test_running_sum_over_approved_refused (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *person = add_person (f, f->caseworker, "Сафаров", "Баҳодур", NULL, "Dusti");
  g_autofree char *id = add_grant (f, f->caseworker, person, "Tandoor bakery", 500000);
  g_autofree char *before = NULL, *after = NULL;
  g_autofree char *paid = hmr_money_format (300000, "TJS", HMR_MONEY_LOCALE);
  g_autofree char *left = hmr_money_format (200000, "TJS", HMR_MONEY_LOCALE);
  g_autofree char *status = NULL;

  submit_and_approve (f, id, 500000);
  g_assert_true (hmr_store_record_disbursement (f->store, f->finance, id, "2026-11-02", 300000, "cash",
                                                NULL, NULL, &error));
  g_assert_no_error (error);

  /* each tranche is below the approved amount; together they are above */
  before = snapshot (f);
  g_assert_false (hmr_store_record_disbursement (f->store, f->finance, id, "2026-11-03", 250000, "cash",
                                                 NULL, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, paid));
  g_assert_nonnull (strstr (error->message, left));
  after = snapshot (f);
  g_assert_cmpstr (before, ==, after);
  g_clear_error (&error);

  /* exactly what is left completes it */
  g_assert_true (hmr_store_record_disbursement (f->store, f->finance, id, "2026-11-03", 200000, "cash",
                                                NULL, NULL, &error));
  g_assert_no_error (error);
  status = grant_status (f, id);
  g_assert_cmpstr (status, ==, "disbursed");
  /* and then nothing more can be paid */
  g_assert_false (hmr_store_record_disbursement (f->store, f->finance, id, "2026-11-04", 1, "cash",
                                                 NULL, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);

  /* even outside Hamroh the file refuses an overpayment (migration 0007) */
  {
    sqlite3 *db = NULL;
    g_autofree char *sql = g_strdup_printf (
      "INSERT INTO disbursement (id, office_id, grant_id, tranche, paid_on, amount, method, created_at, updated_at) "
      "VALUES ('x', '" DUSTI_OFFICE "', '%s', 9, '2026-11-05', 1, 'cash', 'x', 'x')", id);
    sqlite3_open (f->path, &db);
    g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
    sqlite3_close (db);
  }
}

static void
test_approved_above_requested_refused (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *person = add_person (f, f->caseworker, "Каримов", "Сӯҳроб", NULL, "Dusti");
  g_autofree char *id = add_grant (f, f->caseworker, person, "Beekeeping", 587400);
  g_autofree char *before = NULL, *after = NULL;
  g_autofree char *status = NULL;
  g_autofree char *requested = hmr_money_format (587400, "TJS", HMR_MONEY_LOCALE);

  g_assert_true (hmr_store_submit_grant (f->store, f->caseworker, id, NULL, &error));
  before = snapshot (f);
  g_assert_false (hmr_store_approve_grant (f->store, f->supervisor, id, 587401, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, requested));
  g_clear_error (&error);
  g_assert_false (hmr_store_approve_grant (f->store, f->supervisor, id, 0, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  after = snapshot (f);
  g_assert_cmpstr (before, ==, after);
  status = grant_status (f, id);
  g_assert_cmpstr (status, ==, "submitted");
}

static void
test_reasons_and_dates (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *person = add_person (f, f->caseworker, "Мирзоев", "Илҳом", NULL, "Dusti");
  g_autofree char *id = add_grant (f, f->caseworker, person, "Barber shop", 300000);
  g_autofree char *before = NULL, *after = NULL;

  g_assert_true (hmr_store_submit_grant (f->store, f->caseworker, id, NULL, &error));
  before = snapshot (f);
  /* rejecting needs a reason */
  g_assert_false (hmr_store_reject_grant (f->store, f->supervisor, id, "  ", &error));
  g_assert_error (error, HMR_WORKFLOW_ERROR, HMR_WORKFLOW_ERROR_COMMENT_REQUIRED);
  g_clear_error (&error);
  g_assert_true (hmr_store_approve_grant (f->store, f->supervisor, id, 300000, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&before, g_free);
  before = snapshot (f);
  /* a tranche paid tomorrow (the clock says 23.11.2026), a bad method, nothing */
  g_assert_false (hmr_store_record_disbursement (f->store, f->finance, id, "24.11.2026", 1000, "cash",
                                                 NULL, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Date paid"));
  g_clear_error (&error);
  g_assert_false (hmr_store_record_disbursement (f->store, f->finance, id, "23.11.2026", 1000, "barter",
                                                 NULL, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (hmr_store_record_disbursement (f->store, f->finance, id, "23.11.2026", 0, "cash",
                                                 NULL, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  after = snapshot (f);
  g_assert_cmpstr (before, ==, after);
}

static void
test_draft_validation_names_the_field (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *person = add_person (f, f->caseworker, "Ғаффоров", "Ҷамшед", NULL, "Dusti");
  g_autofree char *other = add_person (f, f->caseworker_panj, "Бобоев", "Шуҳрат", NULL, "Panj");
  g_autoptr(HmrGrant) g = field_example_grant (person, NULL, NULL);
  g_autofree char *before = snapshot (f);
  g_autofree char *after = NULL;

  g_free (g->purpose);
  g->purpose = g_strdup ("   ");
  g_assert_false (hmr_store_insert_grant (f->store, f->caseworker, g, &error));
  g_assert_nonnull (strstr (error->message, "Purpose"));
  g_clear_error (&error);

  g->purpose = g_strdup ("Car repair tools");
  ((HmrGrantItem *) g_ptr_array_index (g->items, 1))->quantity = 0;
  g_assert_false (hmr_store_insert_grant (f->store, f->caseworker, g, &error));
  g_assert_nonnull (strstr (error->message, "Budget line 2"));
  g_clear_error (&error);
  ((HmrGrantItem *) g_ptr_array_index (g->items, 1))->quantity = 400;

  /* people of another office cannot share a caseworker's grant */
  hmr_grant_add_member (g, other);
  g_assert_false (hmr_store_insert_grant (f->store, f->caseworker, g, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  /* finance does not draft grants */
  g_ptr_array_remove_index (g->members, 1);
  g_assert_false (hmr_store_insert_grant (f->store, f->finance, g, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  after = snapshot (f);
  g_assert_cmpstr (before, ==, after);

  /* a draft is changed by its office: the budget sets the amount requested */
  g_assert_true (hmr_store_insert_grant (f->store, f->caseworker, g, &error));
  g_assert_no_error (error);
  hmr_grant_add_item (g, "Spanner set", 1, "set", 80000);
  g_assert_true (hmr_store_update_grant (f->store, f->caseworker, g, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g->amount_requested, ==, 587400 + 80000);
  g_assert_cmpint (g->version, ==, 2);
  /* an old copy does not overwrite it */
  g->version = 1;
  g_assert_false (hmr_store_update_grant (f->store, f->caseworker, g, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT);
}

static void
test_finance_workspace (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *a = add_person (f, f->caseworker, "Холов", "Фирӯз", NULL, "Dusti");
  g_autofree char *b = add_person (f, f->caseworker_panj, "Ҳасанов", "Умед", NULL, "Panj");
  g_autofree char *waiting = add_grant (f, f->caseworker, a, "Laying hens", 400000);
  g_autofree char *paying = add_grant (f, f->caseworker, a, "Sewing workshop", 600000);
  g_autofree char *panj = add_grant (f, f->caseworker_panj, b, "Carpentry", 250050);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) totals = NULL;
  HmrGrantQuery approved = { .status = "approved" };
  HmrGrantQuery disbursing = { .status = "disbursing" };

  submit_and_approve (f, waiting, 350000);
  submit_and_approve (f, paying, 600000);
  g_assert_true (hmr_store_record_disbursement (f->store, f->finance, paying, "2026-11-05", 200000,
                                                "bank_transfer", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (hmr_store_submit_grant (f->store, f->caseworker_panj, panj, NULL, &error));
  g_assert_true (hmr_store_approve_grant (f->store, f->supervisor, panj, 250050, NULL, &error));
  g_assert_no_error (error);

  list = hmr_store_list_grants (f->store, f->finance, &approved, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);   /* waiting for money: Dusti's and Panj's */
  g_clear_pointer (&list, g_ptr_array_unref);
  list = hmr_store_list_grants (f->store, f->finance, &disbursing, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((HmrGrantSummary *) g_ptr_array_index (list, 0))->id, ==, paying);
  g_assert_cmpint (((HmrGrantSummary *) g_ptr_array_index (list, 0))->paid, ==, 200000);
  g_assert_cmpstr (((HmrGrantSummary *) g_ptr_array_index (list, 0))->names, ==, "Холов Фирӯз");
  g_clear_pointer (&list, g_ptr_array_unref);
  /* a caseworker sees their office only */
  list = hmr_store_list_grants (f->store, f->caseworker_panj, NULL, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((HmrGrantSummary *) g_ptr_array_index (list, 0))->id, ==, panj);

  /* totals per district (and month): approved, paid, remaining */
  totals = hmr_store_list_grant_totals (f->store, f->finance, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (totals->len, ==, 2);
  {
    HmrGrantTotals *dusti = g_ptr_array_index (totals, 0);
    HmrGrantTotals *pnj = g_ptr_array_index (totals, 1);
    g_assert_cmpstr (dusti->district, ==, "Dusti");
    g_assert_cmpuint (dusti->n_grants, ==, 2);
    g_assert_cmpint (dusti->approved, ==, 950000);
    g_assert_cmpint (dusti->paid, ==, 200000);
    g_assert_cmpint (dusti->remaining, ==, 750000);
    g_assert_cmpstr (pnj->district, ==, "Panj");
    g_assert_cmpint (pnj->remaining, ==, 250050);
  }
  g_clear_pointer (&totals, g_ptr_array_unref);
  totals = hmr_store_list_grant_totals (f->store, f->finance, TRUE, "Dusti", &error);
  g_assert_cmpuint (totals->len, ==, 1);
  g_assert_cmpstr (((HmrGrantTotals *) g_ptr_array_index (totals, 0))->month, ==, "2026-11");
  /* the admin has no business here */
  g_assert_null (hmr_store_list_grants (f->store, f->admin, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
}

/* Money is written in the currency stored with it: a grant in dollars is
 * not shown in somoni, and a record without a currency is in somoni */
static void
test_money_in_the_grants_currency (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *person = add_person (f, f->caseworker, "Шарипов", "Умед", NULL, "Dusti");
  g_autoptr(HmrGrant) dollars = hmr_grant_new ();
  g_autoptr(HmrGrant) somoni = hmr_grant_new ();
  g_autoptr(HmrGrant) read_back = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *usd = hmr_money_format (587400, "USD", HMR_MONEY_LOCALE);
  g_autofree char *unset = hmr_money_format (587400, NULL, HMR_MONEY_LOCALE);
  g_autofree char *blank = hmr_money_format (587400, "", HMR_MONEY_LOCALE);
  g_autofree char *tjs = hmr_money_format (587400, "TJS", HMR_MONEY_LOCALE);
  g_autofree char *negative = hmr_money_format (-5, "USD", HMR_MONEY_LOCALE);

  g_assert_true (g_str_has_suffix (usd, "\u00a0USD"));
  g_assert_true (g_str_has_suffix (tjs, "\u00a0TJS"));
  g_assert_cmpstr (unset, ==, tjs);
  g_assert_cmpstr (blank, ==, tjs);
  g_assert_true (g_str_has_suffix (negative, "0.05\u00a0USD") || g_str_has_suffix (negative, "0,05\u00a0USD"));
  g_assert_true (g_str_has_prefix (negative, "−"));

  /* A new draft is in somoni; a blank currency is saved as somoni */
  g_assert_cmpstr (somoni->currency, ==, HMR_CURRENCY_DEFAULT);
  g_clear_pointer (&somoni->currency, g_free);
  somoni->purpose = g_strdup ("Мағозаи деҳа");
  hmr_grant_add_item (somoni, "Рафҳои мағоза", 1, "маҷмӯа", 100000);
  hmr_grant_add_member (somoni, person);
  g_assert_true (hmr_store_insert_grant (f->store, f->caseworker, somoni, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (somoni->currency, ==, "TJS");

  g_free (dollars->currency);
  dollars->currency = g_strdup ("USD");
  dollars->purpose = g_strdup ("Оранжерея");
  hmr_grant_add_item (dollars, "Поликарбонат", 10, "варақ", 4500);
  hmr_grant_add_member (dollars, person);
  g_assert_true (hmr_store_insert_grant (f->store, f->caseworker, dollars, &error));
  g_assert_no_error (error);

  read_back = hmr_store_get_grant (f->store, f->caseworker, dollars->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read_back->currency, ==, "USD");

  /* The lists the grant rows are drawn from carry each grant's currency */
  list = hmr_store_list_grants (f->store, f->caseworker, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  for (guint i = 0; i < list->len; i++)
    {
      HmrGrantSummary *s = g_ptr_array_index (list, i);
      g_assert_cmpstr (s->currency, ==, g_strcmp0 (s->id, dollars->id) == 0 ? "USD" : "TJS");
    }
}

/* A refused tranche says what it is about, so that the dialog shows it
 * beside the field instead of guessing from the input */
static void
test_tranche_refusal_names_what_it_is_about (Fixture       *f,
                                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *person = add_person (f, f->caseworker, "Сафаров", "Баҳодур", NULL, "Dusti");
  g_autofree char *id = add_grant (f, f->caseworker, person, "Tandoor bakery", 500000);
  static const struct
  {
    const char      *paid_on;
    gint64           amount;
    const char      *method;
    HmrStoreRefusal  refusal;
  } cases[] = {
    { "2026-11-20", 600000, "cash", HMR_STORE_REFUSAL_AMOUNT },   /* above what is approved */
    { "2026-11-20", 0, "cash", HMR_STORE_REFUSAL_AMOUNT },
    { "2026-11-20", 1000, "barter", HMR_STORE_REFUSAL_METHOD },
    { "24.11.2026", 1000, "cash", HMR_STORE_REFUSAL_DATE },       /* tomorrow */
    { "31.02.2026", 1000, "cash", HMR_STORE_REFUSAL_DATE },
  };

  /* not yet approved: the grant's state refuses it, whatever the amount */
  g_assert_false (hmr_store_record_disbursement (f->store, f->finance, id, "2026-11-20", 1000, "cash",
                                                 NULL, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_assert_cmpint (hmr_store_error_get_refusal (error), ==, HMR_STORE_REFUSAL_STATE);
  g_clear_error (&error);

  submit_and_approve (f, id, 500000);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_false (hmr_store_record_disbursement (f->store, f->finance, id, cases[i].paid_on, cases[i].amount,
                                                     cases[i].method, NULL, NULL, &error));
      g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
      g_assert_cmpint (hmr_store_error_get_refusal (error), ==, cases[i].refusal);
      g_clear_error (&error);
    }

  /* other refusals name nothing in particular */
  g_assert_false (hmr_store_record_disbursement (f->store, f->caseworker, id, "2026-11-20", 1000, "cash",
                                                 NULL, NULL, &error));
  g_assert_cmpint (hmr_store_error_get_refusal (error), ==, HMR_STORE_REFUSAL_NONE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, grant_tear_down)
  ADD ("/grant/workflow/every-step-by-every-role-as-the-table-says", test_every_step_by_every_role);
  ADD ("/grant/workflow/field-example-draft-to-verified-through-the-roles", test_field_example_through_the_roles);
  ADD ("/grant/tranche/over-approved-amount-refused", test_tranche_over_approved_refused);
  ADD ("/grant/tranche/running-sum-over-approved-refused-nothing-written", test_running_sum_over_approved_refused);
  ADD ("/grant/tranche/refusal-names-what-it-is-about", test_tranche_refusal_names_what_it_is_about);
  ADD ("/grant/approve/above-requested-refused", test_approved_above_requested_refused);
  ADD ("/grant/transition/reasons-dates-and-methods-checked", test_reasons_and_dates);
  ADD ("/grant/draft/validation-names-the-field", test_draft_validation_names_the_field);
  ADD ("/grant/finance/workspace-lists-and-totals", test_finance_workspace);
  ADD ("/grant/money/in-the-grants-currency", test_money_in_the_grants_currency);
#undef ADD
  return g_test_run ();
}
