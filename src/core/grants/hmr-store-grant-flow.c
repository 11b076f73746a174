/* hmr-store-grant-flow.c — a grant through the roles, and its tranches
 *
 * Every transition asks hmr_workflow_may_move(), checks the role table,
 * and writes a grant_history row and an audit row in one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-labels.h"
#include "hmr-store-grant-private.h"
#include "hmr-workflow.h"

/* What a transition needs to know of the grant */
typedef struct
{
  char   *office_id;
  char   *status;
  char   *currency;
  gint64  requested;
  gint64  approved;     /* -1: never approved */
  gint64  paid;
  gint64  n_items;
  gint64  n_members;
} GrantState;

static void
grant_state_clear (GrantState *s)
{
  g_free (s->office_id);
  g_free (s->status);
  g_free (s->currency);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GrantState, grant_state_clear)

static gboolean
read_state (HmrStore    *self,
            const char  *grant_id,
            GrantState  *s,
            GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = hmr_store_prepare (self,
                            "SELECT office_id, status, currency, amount_requested, amount_approved, "
                            " (SELECT coalesce (sum (amount), 0) FROM disbursement WHERE grant_id = g.id "
                            "  AND deleted_at IS NULL), "
                            " (SELECT count (*) FROM grant_item WHERE grant_id = g.id), "
                            " (SELECT count (*) FROM grant_beneficiary WHERE grant_id = g.id) "
                            "FROM reintegration_grant g WHERE id = ?1 AND deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, grant_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                   _("This grant does not exist (any more)."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return hmr_store_set_sqlite_error (self, rc, error);
  s->office_id = hmr_column_dup_text (stmt, 0);
  s->status = hmr_column_dup_text (stmt, 1);
  s->currency = hmr_column_dup_text (stmt, 2);
  s->requested = sqlite3_column_int64 (stmt, 3);
  s->approved = sqlite3_column_type (stmt, 4) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 4);
  s->paid = sqlite3_column_int64 (stmt, 5);
  s->n_items = sqlite3_column_int64 (stmt, 6);
  s->n_members = sqlite3_column_int64 (stmt, 7);
  return TRUE;
}

/* Sets the status (and the approved amount when @approved >= 0), writes
 * the history row and the audit row; inside the caller's transaction */
static gboolean
apply_move (HmrStore       *self,
            const HmrActor *actor,
            const char     *grant_id,
            const char     *from,
            const char     *to,
            gint64          approved,
            const char     *comment,
            GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(HmrChanges) changes = hmr_changes_new ();
  g_autofree char *now = hmr_store_dup_timestamp (self);
  g_autofree char *json = NULL;

  stmt = hmr_store_prepare (self,
                            "UPDATE reintegration_grant SET status = ?2, "
                            "amount_approved = CASE WHEN ?3 >= 0 THEN ?3 ELSE amount_approved END, "
                            "updated_at = ?4, updated_by = ?5, version = version + 1 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, grant_id);
  hmr_bind_text (stmt, 2, to);
  sqlite3_bind_int64 (stmt, 3, approved);
  hmr_bind_text (stmt, 4, now);
  hmr_bind_text (stmt, 5, actor->user_id);
  if (!hmr_store_step_done (self, stmt, error))
    return FALSE;
  if (!hmr_store_write_history (self, "grant_history", grant_id, actor, from, to, comment, error))
    return FALSE;

  hmr_changes_add (changes, "status", from, to);
  if (approved >= 0)
    {
      g_autofree char *amount = g_strdup_printf ("%" G_GINT64_FORMAT, approved);
      hmr_changes_add (changes, "amount_approved", NULL, amount);
    }
  if (!hmr_text_is_blank (comment))
    hmr_changes_add (changes, "comment", NULL, comment);
  json = hmr_changes_free_to_json (g_steal_pointer (&changes));
  return hmr_store_audit_append (self, actor, "move", "grant", grant_id, json, error);
}

/* The permission behind each step: drafting for the caseworker's and the
 * supervisor's steps, paying for finance's */
static HmrAction
action_for (const char *to)
{
  if (g_strcmp0 (to, "disbursing") == 0 || g_strcmp0 (to, "disbursed") == 0 ||
      g_strcmp0 (to, "verified") == 0)
    return HMR_ACTION_DISBURSE;
  return HMR_ACTION_GRANT_WRITE;
}

typedef struct
{
  const char *grant_id;
  const char *to;
  gint64      approved;
  const char *comment;
} GrantMove;

/* apply_move() writes the audit row */
static gboolean
move_grant_locked (HmrStore        *self,
                   const HmrActor  *actor,
                   HmrAuditRow     *audit,
                   gpointer         data,
                   GError         **error)
{
  const GrantMove *m = data;
  g_auto(GrantState) s = { 0 };
  gint64 approved = -1;

  if (!read_state (self, m->grant_id, &s, error))
    return FALSE;
  if (!hmr_workflow_may_move (actor, HMR_RECORD_GRANT, s.status, m->to, s.office_id, m->comment, error) ||
      !hmr_store_require (actor, action_for (m->to), s.office_id, error))
    return FALSE;

  if (g_strcmp0 (m->to, "submitted") == 0)
    {
      if (s.n_members == 0)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Beneficiaries: a grant needs at least one beneficiary before it is submitted."));
          return FALSE;
        }
      if (s.n_items == 0 || s.requested <= 0)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Budget: list what the grant buys, with quantities and unit costs, before submitting it."));
          return FALSE;
        }
    }
  if (g_strcmp0 (m->to, "approved") == 0)
    {
      g_autofree char *req = hmr_money_format (s.requested, s.currency, HMR_MONEY_LOCALE);
      g_autofree char *app = hmr_money_format (m->approved, s.currency, HMR_MONEY_LOCALE);

      if (m->approved <= 0)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Approved amount: give an amount of more than zero (up to %s), or reject the grant."),
                       req);
          return FALSE;
        }
      if (m->approved > s.requested)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Refused: the approved amount (%s) is more than the amount requested (%s). "
                         "A grant can be approved for the amount requested or less."),
                       app, req);
          return FALSE;
        }
      approved = m->approved;
    }
  return apply_move (self, actor, m->grant_id, s.status, m->to, approved, m->comment, error);
}

static gboolean
move_grant (HmrStore        *self,
            const HmrActor  *actor,
            const char      *grant_id,
            const char      *to,
            gint64           approved,
            const char      *comment,
            GError         **error)
{
  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  if (!hmr_store_check_actor (self, actor, error))
    return FALSE;
  return hmr_store_write (self, actor, "move", NULL, grant_id, move_grant_locked,
                          &(GrantMove) { grant_id, to, approved, comment }, error);
}

/**
 * hmr_store_submit_grant:
 * @comment: (nullable): a note for the supervisor
 *
 * Caseworker: sends the draft for approval.  It needs a beneficiary and a
 * budget.
 */
gboolean
hmr_store_submit_grant (HmrStore        *self,
                        const HmrActor  *actor,
                        const char      *grant_id,
                        const char      *comment,
                        GError         **error)
{
  return move_grant (self, actor, grant_id, "submitted", -1, comment, error);
}

/**
 * hmr_store_approve_grant:
 * @amount_approved: in dirams; more than zero and never above the amount
 *   requested
 *
 * Supervisor: approves a submitted grant.
 */
gboolean
hmr_store_approve_grant (HmrStore        *self,
                         const HmrActor  *actor,
                         const char      *grant_id,
                         gint64           amount_approved,
                         const char      *comment,
                         GError         **error)
{
  return move_grant (self, actor, grant_id, "approved", MAX (amount_approved, 0), comment, error);
}

/* Supervisor: rejects a submitted grant; the comment says why */
gboolean
hmr_store_reject_grant (HmrStore        *self,
                        const HmrActor  *actor,
                        const char      *grant_id,
                        const char      *comment,
                        GError         **error)
{
  return move_grant (self, actor, grant_id, "rejected", -1, comment, error);
}

/* Caseworker (a draft) or supervisor (until it is disbursed); with a reason */
gboolean
hmr_store_cancel_grant (HmrStore        *self,
                        const HmrActor  *actor,
                        const char      *grant_id,
                        const char      *comment,
                        GError         **error)
{
  return move_grant (self, actor, grant_id, "cancelled", -1, comment, error);
}

/* Finance: the business stands and what was bought was seen */
gboolean
hmr_store_verify_grant (HmrStore        *self,
                        const HmrActor  *actor,
                        const char      *grant_id,
                        const char      *comment,
                        GError         **error)
{
  return move_grant (self, actor, grant_id, "verified", -1, comment, error);
}

/* ---- tranches ------------------------------------------------------------ */

static gboolean
is_method (const char *method)
{
  const char * const *codes = hmr_disbursement_method_codes ();

  for (guint i = 0; codes[i]; i++)
    if (g_strcmp0 (codes[i], method) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
check_tranche_input (HmrStore    *self,
                     const char  *paid_on,
                     gint64       amount,
                     const char  *method,
                     char       **iso_out,
                     GError     **error)
{
  g_autofree char *iso = hmr_dup_iso_date (paid_on, NULL);
  GDate today, day;

  if (amount <= 0)
    {
      return hmr_store_refuse (error, HMR_STORE_REFUSAL_AMOUNT, HMR_STORE_ERROR_INVALID,
                               _("Amount: a tranche must be more than zero."));
    }
  if (!is_method (method))
    {
      return hmr_store_refuse (error, HMR_STORE_REFUSAL_METHOD, HMR_STORE_ERROR_INVALID,
                               _("Method: choose cash, bank transfer or payment to a supplier."));
    }
  if (iso == NULL)
    {
      return hmr_store_refuse (error, HMR_STORE_REFUSAL_DATE, HMR_STORE_ERROR_INVALID,
                               _("Date paid: “%s” is not a date (write it as 31.12.2026)."),
                               paid_on ? paid_on : "");
    }
  hmr_store_get_today (self, &today);
  hmr_parse_user_date (iso, &day);
  if (g_date_compare (&day, &today) > 0)
    {
      return hmr_store_refuse (error, HMR_STORE_REFUSAL_DATE, HMR_STORE_ERROR_INVALID,
                               _("Date paid: %s is in the future; record a tranche once it is paid."), paid_on);
    }
  *iso_out = g_steal_pointer (&iso);
  return TRUE;
}

typedef struct
{
  const char *grant_id;
  const char *paid_on;     /* ISO 8601, checked */
  gint64      amount;
  const char *method;
  const char *reference;
} Tranche;

static gboolean
record_disbursement_locked (HmrStore        *self,
                            const HmrActor  *actor,
                            HmrAuditRow     *audit,
                            gpointer         data,
                            GError         **error)
{
  const Tranche *t = data;
  g_auto(GrantState) s = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = NULL;
  g_autofree char *amount_text = NULL;
  g_autofree char *tranche_text = NULL;
  g_autofree char *note = NULL;
  g_autofree char *money = NULL;
  const char *state;
  int tranche = 1;

  if (!read_state (self, t->grant_id, &s, error) ||
      !hmr_store_require (actor, HMR_ACTION_DISBURSE, s.office_id, error))
    return FALSE;

  if (g_strcmp0 (s.status, "approved") != 0 && g_strcmp0 (s.status, "disbursing") != 0)
    {
      return hmr_store_refuse (error, HMR_STORE_REFUSAL_STATE, HMR_STORE_ERROR_INVALID,
                               _("Refused: money is paid only on an approved grant that is not yet fully paid; "
                                 "this grant is “%s”."),
                               hmr_code_get_label (HMR_CODES_GRANT_STATUS, s.status));
    }
  if (s.approved < 0 || t->amount > s.approved - s.paid)
    {
      g_autofree char *tr = hmr_money_format (t->amount, s.currency, HMR_MONEY_LOCALE);
      g_autofree char *ap = hmr_money_format (MAX (s.approved, 0), s.currency, HMR_MONEY_LOCALE);
      g_autofree char *pd = hmr_money_format (s.paid, s.currency, HMR_MONEY_LOCALE);
      g_autofree char *left = hmr_money_format (MAX (s.approved, 0) - s.paid, s.currency, HMR_MONEY_LOCALE);

      return hmr_store_refuse (error, HMR_STORE_REFUSAL_AMOUNT, HMR_STORE_ERROR_INVALID,
                               _("Refused: a tranche of %s would bring the amount paid above the approved %s "
                                 "(already paid %s; at most %s can still be paid)."),
                               tr, ap, pd, left);
    }

  /* the state moves this tranche makes, each one allowed by the workflow */
  state = s.status;
  if (g_strcmp0 (state, "approved") == 0 &&
      !hmr_workflow_may_move (actor, HMR_RECORD_GRANT, "approved", "disbursing", s.office_id, NULL, error))
    return FALSE;
  if (s.paid + t->amount == s.approved &&
      !hmr_workflow_may_move (actor, HMR_RECORD_GRANT, "disbursing", "disbursed", s.office_id, NULL, error))
    return FALSE;

  stmt = hmr_store_prepare (self, "SELECT coalesce (max (tranche), 0) + 1 FROM disbursement WHERE grant_id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, t->grant_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    tranche = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  now = hmr_store_dup_timestamp (self);
  stmt = hmr_store_prepare (self,
                            "INSERT INTO disbursement (id, office_id, grant_id, tranche, paid_on, amount, "
                            "currency, method, reference, created_at, created_by, updated_at, updated_by) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?10, ?11)",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, audit->entity_id);
  hmr_bind_text (stmt, 2, s.office_id);
  hmr_bind_text (stmt, 3, t->grant_id);
  sqlite3_bind_int (stmt, 4, tranche);
  hmr_bind_text (stmt, 5, t->paid_on);
  sqlite3_bind_int64 (stmt, 6, t->amount);
  hmr_bind_text (stmt, 7, s.currency);
  hmr_bind_text (stmt, 8, t->method);
  hmr_bind_text (stmt, 9, hmr_text_is_blank (t->reference) ? NULL : t->reference);
  hmr_bind_text (stmt, 10, now);
  hmr_bind_text (stmt, 11, actor->user_id);
  if (!hmr_store_step_done (self, stmt, error))
    return FALSE;

  amount_text = g_strdup_printf ("%" G_GINT64_FORMAT, t->amount);
  tranche_text = g_strdup_printf ("%d", tranche);
  hmr_changes_add (audit->changes, "grant_id", NULL, t->grant_id);
  hmr_changes_add (audit->changes, "tranche", NULL, tranche_text);
  hmr_changes_add (audit->changes, "paid_on", NULL, t->paid_on);
  hmr_changes_add (audit->changes, "amount", NULL, amount_text);
  hmr_changes_add (audit->changes, "method", NULL, t->method);
  hmr_changes_add (audit->changes, "reference", NULL, t->reference);
  /* The grant's moves below write their own audit rows, after this one */
  if (!hmr_store_write_audit (self, actor, audit, error))
    return FALSE;

  money = hmr_money_format (t->amount, s.currency, HMR_MONEY_LOCALE);
  note = g_strdup_printf (_("Tranche %d: %s"), tranche, money);
  if (g_strcmp0 (state, "approved") == 0)
    {
      if (!apply_move (self, actor, t->grant_id, "approved", "disbursing", -1, note, error))
        return FALSE;
      state = "disbursing";
    }
  if (s.paid + t->amount == s.approved &&
      !apply_move (self, actor, t->grant_id, state, "disbursed", -1, note, error))
    return FALSE;

  return TRUE;
}

/**
 * hmr_store_record_disbursement:
 * @paid_on: the day it was paid (31.12.2026 or 2026-12-31); not in the future
 * @amount: in dirams
 * @method: cash, bank_transfer or supplier_payment
 * @reference: (nullable): receipt, payment order or invoice number
 * @out_id: (out) (optional): the new tranche's id
 *
 * Finance: records a tranche of an approved grant.  The first tranche moves
 * the grant to "disbursing", the one that completes the approved amount to
 * "disbursed".  A tranche that would bring the total paid above the
 * approved amount is refused, and nothing is written.
 */
gboolean
hmr_store_record_disbursement (HmrStore        *self,
                               const HmrActor  *actor,
                               const char      *grant_id,
                               const char      *paid_on,
                               gint64           amount,
                               const char      *method,
                               const char      *reference,
                               char           **out_id,
                               GError         **error)
{
  g_autofree char *iso = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_DISBURSE, NULL, error))
    return FALSE;
  if (!check_tranche_input (self, paid_on, amount, method, &iso, error))
    return FALSE;
  id = hmr_store_new_id ();
  if (!hmr_store_write (self, actor, "create", "disbursement", id, record_disbursement_locked,
                        &(Tranche) { grant_id, iso, amount, method, reference }, error))
    return FALSE;
  if (out_id)
    *out_id = g_steal_pointer (&id);
  return TRUE;
}
