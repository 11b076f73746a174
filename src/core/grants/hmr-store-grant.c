/* hmr-store-grant.c — drafting grants, reading them back, listing them
 *
 * The transitions and tranches are in hmr-store-grant-flow.c, the ledger
 * and the totals in hmr-store-grant-ledger.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "hmr-labels.h"
#include "hmr-store-grant-private.h"
#include "hmr-text.h"

#define MAX_QUANTITY 1e6
#define MAX_DIRAMS G_GINT64_CONSTANT (100000000000000)   /* a trillion TJS */

#define STR(i) ((const char *) sqlite3_column_text (stmt, (i)))
#define TXT(i) hmr_column_dup_text (stmt, (i))

/* ---- helpers shared by the grant and handover files ------------------- */

gboolean
hmr_store_step_done (HmrStore      *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

gboolean
hmr_store_write_history (HmrStore       *self,
                         const char     *table,
                         const char     *record_id,
                         const HmrActor *actor,
                         const char     *from_state,
                         const char     *to_state,
                         const char     *comment,
                         GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *id = hmr_store_new_id ();
  g_autofree char *at = hmr_store_dup_timestamp (self);
  const char *fk;

  if (g_strcmp0 (table, "grant_history") == 0)
    fk = "grant_id";
  else if (g_strcmp0 (table, "handover_history") == 0)
    fk = "handover_id";
  else
    g_return_val_if_reached (FALSE);

  sql = g_strdup_printf ("INSERT INTO %s (id, %s, at, by_user, from_state, to_state, comment) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", table, fk);
  stmt = hmr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, id);
  hmr_bind_text (stmt, 2, record_id);
  hmr_bind_text (stmt, 3, at);
  hmr_bind_text (stmt, 4, actor->user_id);
  hmr_bind_text (stmt, 5, from_state);
  hmr_bind_text (stmt, 6, to_state);
  hmr_bind_text (stmt, 7, hmr_text_is_blank (comment) ? NULL : comment);
  return hmr_store_step_done (self, stmt, error);
}

GPtrArray *
hmr_store_read_history (HmrStore    *self,
                        const char  *table,
                        const char  *record_id,
                        GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_state_change_free);
  g_autofree char *sql = NULL;
  const char *fk = g_strcmp0 (table, "grant_history") == 0 ? "grant_id" : "handover_id";
  int rc;

  sql = g_strdup_printf ("SELECT h.at, coalesce (u.full_name, h.by_user), h.from_state, h.to_state, "
                         "h.comment FROM %s h LEFT JOIN app_user u ON u.id = h.by_user "
                         "WHERE h.%s = ?1 ORDER BY h.at, h.rowid", table, fk);
  stmt = hmr_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, record_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HmrStateChange *c = g_new0 (HmrStateChange, 1);
      c->at = TXT (0);
      c->user_name = TXT (1);
      c->from_state = TXT (2);
      c->to_state = TXT (3);
      c->comment = TXT (4);
      g_ptr_array_add (out, c);
    }
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

/* ---- reading ------------------------------------------------------------ */

static gboolean
load_members (HmrStore  *self,
              HmrGrant  *g,
              GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = hmr_store_prepare (self,
                            "SELECT b.id, b.case_number, " HMR_SQL_FULL_NAME ("b") ", "
                            HMR_SQL_LATIN_NAME ("b") ", b.district FROM grant_beneficiary gb "
                            "JOIN beneficiary b ON b.id = gb.beneficiary_id "
                            "WHERE gb.grant_id = ?1 ORDER BY b.case_number",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, g->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HmrGrantMember *m;

      hmr_grant_add_member (g, STR (0));
      m = g_ptr_array_index (g->members, g->members->len - 1);
      m->case_number = TXT (1);
      m->full_name = TXT (2);
      m->latin_name = TXT (3);
      m->district = TXT (4);
    }
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

static gboolean
load_items (HmrStore  *self,
            HmrGrant  *g,
            GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = hmr_store_prepare (self,
                            "SELECT id, name, quantity, unit, unit_cost FROM grant_item "
                            "WHERE grant_id = ?1 ORDER BY rowid",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, g->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HmrGrantItem *item = hmr_grant_add_item (g, STR (1), sqlite3_column_double (stmt, 2),
                                               STR (3), sqlite3_column_int64 (stmt, 4));
      item->id = TXT (0);
    }
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

static gboolean
load_disbursements (HmrStore  *self,
                    HmrGrant  *g,
                    GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = hmr_store_prepare (self,
                            "SELECT d.id, d.tranche, d.paid_on, d.amount, d.currency, d.method, "
                            "d.reference, coalesce (u.full_name, d.created_by) FROM disbursement d "
                            "LEFT JOIN app_user u ON u.id = d.created_by "
                            "WHERE d.grant_id = ?1 AND d.deleted_at IS NULL ORDER BY d.tranche",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, g->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HmrDisbursement *d = g_new0 (HmrDisbursement, 1);
      d->id = TXT (0);
      d->tranche = sqlite3_column_int (stmt, 1);
      d->paid_on = TXT (2);
      d->amount = sqlite3_column_int64 (stmt, 3);
      d->currency = TXT (4);
      d->method = TXT (5);
      d->reference = TXT (6);
      d->recorded_by = TXT (7);
      g_ptr_array_add (g->disbursements, d);
    }
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

HmrGrant *
hmr_store_load_grant (HmrStore    *self,
                      const char  *grant_id,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(HmrGrant) g = NULL;
  int rc;

  stmt = hmr_store_prepare (self,
                            "SELECT g.id, g.office_id, o.district, g.case_id, g.purpose, g.business_plan, "
                            "g.currency, g.amount_requested, g.amount_approved, g.status, g.created_at, "
                            "g.updated_at, g.version, " HMR_SQL_RECORD_NUMBER ("g") " FROM reintegration_grant g "
                            "JOIN office o ON o.id = g.office_id WHERE g.id = ?1 AND g.deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, grant_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                   _("This grant does not exist (any more)."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }

  g = hmr_grant_new ();
  g->id = TXT (0);
  g->office_id = TXT (1);
  g->district = TXT (2);
  g->case_id = TXT (3);
  g->purpose = TXT (4);
  g->business_plan = TXT (5);
  g_free (g->currency);
  g->currency = TXT (6);
  g->amount_requested = sqlite3_column_int64 (stmt, 7);
  g->amount_approved = sqlite3_column_type (stmt, 8) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, 8);
  g_free (g->status);
  g->status = TXT (9);
  g->created_at = TXT (10);
  g->updated_at = TXT (11);
  g->version = sqlite3_column_int64 (stmt, 12);
  g->number = TXT (13);

  if (!load_members (self, g, error) || !load_items (self, g, error) ||
      !load_disbursements (self, g, error))
    return NULL;
  g_ptr_array_unref (g->history);
  g->history = hmr_store_read_history (self, "grant_history", g->id, error);
  if (g->history == NULL)
    {
      g->history = g_ptr_array_new ();
      return NULL;
    }
  return g_steal_pointer (&g);
}

/**
 * hmr_store_get_grant:
 *
 * Returns: (transfer full): the grant with its budget lines, beneficiaries,
 *   tranches and history, when @actor may read grants of its office
 */
HmrGrant *
hmr_store_get_grant (HmrStore        *self,
                     const HmrActor  *actor,
                     const char      *grant_id,
                     GError         **error)
{
  g_autoptr(HmrGrant) g = NULL;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_GRANT_READ, NULL, error))
    return NULL;
  g = hmr_store_load_grant (self, grant_id, error);
  if (g == NULL)
    return NULL;
  if (!hmr_store_require (actor, HMR_ACTION_GRANT_READ, g->office_id, error))
    return NULL;
  return g_steal_pointer (&g);
}

/* ---- drafting ----------------------------------------------------------- */

/* Checks the fields the user typed; sets the requested amount from the
 * budget when there is one */
static gboolean
validate_draft (HmrGrant  *g,
                GError   **error)
{
  if (hmr_text_is_blank (g->purpose))
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Purpose: say what the grant is for."));
      return FALSE;
    }
  if (!hmr_text_check (_("Purpose"), g->purpose, HMR_TEXT_LINE, error) ||
      !hmr_text_check (_("Business plan"), g->business_plan, HMR_TEXT_NOTES, error))
    return FALSE;
  for (guint i = 0; i < g->items->len; i++)
    {
      HmrGrantItem *item = g_ptr_array_index (g->items, i);
      g_autofree char *label = g_strdup_printf (_("Budget line %u"), i + 1);

      if (!hmr_text_check (label, item->name, HMR_TEXT_LINE, error) ||
          !hmr_text_check (label, item->unit, HMR_TEXT_LINE, error))
        return FALSE;
    }
  if (g->members->len == 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Beneficiaries: a grant needs at least one beneficiary."));
      return FALSE;
    }
  for (guint i = 0; i < g->members->len; i++)
    for (guint j = 0; j < i; j++)
      if (g_strcmp0 (((HmrGrantMember *) g_ptr_array_index (g->members, i))->beneficiary_id,
                     ((HmrGrantMember *) g_ptr_array_index (g->members, j))->beneficiary_id) == 0)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Beneficiaries: the same person is listed twice."));
          return FALSE;
        }
  for (guint i = 0; i < g->items->len; i++)
    {
      HmrGrantItem *item = g_ptr_array_index (g->items, i);

      if (hmr_text_is_blank (item->name))
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Budget line %u: say what is bought."), i + 1);
          return FALSE;
        }
      if (!isfinite (item->quantity) || item->quantity <= 0 || item->quantity > MAX_QUANTITY)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Budget line %u (“%s”): the quantity must be more than zero."),
                       i + 1, item->name);
          return FALSE;
        }
      if (item->unit_cost < 0 || item->unit_cost > MAX_DIRAMS)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Budget line %u (“%s”): the unit cost must be zero or more."),
                       i + 1, item->name);
          return FALSE;
        }
    }
  if (g->items->len > 0)
    g->amount_requested = hmr_grant_get_budget_total (g);
  if (g->amount_requested < 0 || g->amount_requested > MAX_DIRAMS)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Amount requested: give an amount of zero or more."));
      return FALSE;
    }
  return TRUE;
}

/* Looks up every member; they must exist, be active, be readable by the
 * actor and belong to one office, which becomes the grant's */
static gboolean
resolve_members (HmrStore        *self,
                 const HmrActor  *actor,
                 HmrGrant        *g,
                 const char      *required_office,
                 char           **office_out,
                 GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *office = g_strdup (required_office);

  stmt = hmr_store_prepare (self,
                            "SELECT office_id, deleted_at, case_number, " HMR_SQL_FULL_NAME ("b") ", "
                            HMR_SQL_LATIN_NAME ("b") ", district FROM beneficiary b WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < g->members->len; i++)
    {
      HmrGrantMember *m = g_ptr_array_index (g->members, i);
      int rc;

      sqlite3_reset (stmt);
      hmr_bind_text (stmt, 1, m->beneficiary_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                       _("Beneficiaries: person %u of the grant does not exist."), i + 1);
          return FALSE;
        }
      if (rc != SQLITE_ROW)
        return hmr_store_set_sqlite_error (self, rc, error);
      if (!hmr_store_require (actor, HMR_ACTION_BENEFICIARY_READ, STR (0), error))
        return FALSE;
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Beneficiaries: the case file of %s (%s) is archived."), STR (3), STR (2));
          return FALSE;
        }
      if (office == NULL)
        office = g_strdup (STR (0));
      else if (g_strcmp0 (office, STR (0)) != 0)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Beneficiaries: %s (%s) is registered in another office; the people "
                         "sharing a grant must belong to the grant's office."), STR (3), STR (2));
          return FALSE;
        }
      g_free (m->case_number);
      m->case_number = TXT (2);
      g_free (m->full_name);
      m->full_name = TXT (3);
      g_free (m->latin_name);
      m->latin_name = TXT (4);
      g_free (m->district);
      m->district = TXT (5);
    }
  *office_out = g_steal_pointer (&office);
  return TRUE;
}

static gboolean
write_members_and_items (HmrStore  *self,
                         HmrGrant  *g,
                         GError   **error)
{
  g_autoptr(sqlite3_stmt) member = NULL;
  g_autoptr(sqlite3_stmt) item = NULL;

  member = hmr_store_prepare (self, "INSERT INTO grant_beneficiary (grant_id, beneficiary_id) VALUES (?1, ?2)",
                              error);
  item = hmr_store_prepare (self, "INSERT INTO grant_item (id, grant_id, name, quantity, unit, unit_cost) "
                                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (member == NULL || item == NULL)
    return FALSE;
  for (guint i = 0; i < g->members->len; i++)
    {
      HmrGrantMember *m = g_ptr_array_index (g->members, i);

      sqlite3_reset (member);
      hmr_bind_text (member, 1, g->id);
      hmr_bind_text (member, 2, m->beneficiary_id);
      if (!hmr_store_step_done (self, member, error))
        return FALSE;
    }
  for (guint i = 0; i < g->items->len; i++)
    {
      HmrGrantItem *it = g_ptr_array_index (g->items, i);

      if (it->id == NULL)
        it->id = hmr_store_new_id ();
      sqlite3_reset (item);
      hmr_bind_text (item, 1, it->id);
      hmr_bind_text (item, 2, g->id);
      hmr_bind_text (item, 3, g_strstrip (it->name));
      sqlite3_bind_double (item, 4, it->quantity);
      hmr_bind_text (item, 5, hmr_text_is_blank (it->unit) ? NULL : it->unit);
      sqlite3_bind_int64 (item, 6, it->unit_cost);
      if (!hmr_store_step_done (self, item, error))
        return FALSE;
    }
  return TRUE;
}

/* The budget and the members as one line each, for the audit */
static char *
describe_items (const HmrGrant *g)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g->items->len; i++)
    {
      const HmrGrantItem *it = g_ptr_array_index (g->items, i);
      char qty[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (qty, sizeof qty, "%g", it->quantity);
      g_string_append_printf (s, "%s%s × %s%s%s @ %" G_GINT64_FORMAT,
                              i ? "; " : "", it->name, qty, it->unit ? " " : "",
                              it->unit ? it->unit : "", it->unit_cost);
    }
  return g_string_free (s, FALSE);
}

static char *
describe_members (const HmrGrant *g)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g->members->len; i++)
    g_string_append_printf (s, "%s%s", i ? "; " : "",
                            ((HmrGrantMember *) g_ptr_array_index (g->members, i))->beneficiary_id);
  return g_string_free (s, FALSE);
}

static char *
dup_int (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

typedef struct
{
  HmrGrant *grant;
  char     *now;     /* when it was written, for @grant once committed */
} GrantWrite;

static gboolean
insert_grant_locked (HmrStore        *self,
                     const HmrActor  *actor,
                     HmrAuditRow     *audit,
                     gpointer         data,
                     GError         **error)
{
  GrantWrite *w = data;
  HmrGrant *grant = w->grant;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *office = NULL;
  g_autofree char *items = NULL;
  g_autofree char *members = NULL;
  g_autofree char *amount = NULL;

  if (!resolve_members (self, actor, grant, NULL, &office, error) ||
      !hmr_store_require (actor, HMR_ACTION_GRANT_WRITE, office, error))
    return FALSE;

  grant->id = hmr_store_new_id ();
  audit->entity_id = g_strdup (grant->id);
  g_free (grant->office_id);
  grant->office_id = g_strdup (office);
  g_free (grant->number);
  grant->number = hmr_store_next_record_number (self, office, 'G', error);
  if (grant->number == NULL)
    return FALSE;
  g_clear_pointer (&grant->case_id, g_free);
  {
    g_autoptr(sqlite3_stmt) c = hmr_store_prepare (self,
                                                   "SELECT id FROM case_file WHERE beneficiary_id = ?1 "
                                                   "AND deleted_at IS NULL ORDER BY opened_on DESC LIMIT 1",
                                                   error);
    if (c == NULL)
      return FALSE;
    hmr_bind_text (c, 1, ((HmrGrantMember *) g_ptr_array_index (grant->members, 0))->beneficiary_id);
    if (sqlite3_step (c) == SQLITE_ROW)
      grant->case_id = hmr_column_dup_text (c, 0);
  }
  w->now = hmr_store_dup_timestamp (self);
  if (hmr_text_is_blank (grant->currency))
    {
      g_free (grant->currency);
      grant->currency = g_strdup (HMR_CURRENCY_DEFAULT);
    }

  stmt = hmr_store_prepare (self,
                            "INSERT INTO reintegration_grant (id, office_id, case_id, purpose, business_plan, "
                            "currency, amount_requested, status, created_at, created_by, updated_at, "
                            "updated_by, number) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'draft', ?8, ?9, ?8, ?9, ?10)",
                            error);
  if (stmt == NULL)
    return FALSE;
  g_strstrip (grant->purpose);
  hmr_bind_text (stmt, 1, grant->id);
  hmr_bind_text (stmt, 2, office);
  hmr_bind_text (stmt, 3, grant->case_id);
  hmr_bind_text (stmt, 4, grant->purpose);
  hmr_bind_text (stmt, 5, hmr_text_is_blank (grant->business_plan) ? NULL : grant->business_plan);
  hmr_bind_text (stmt, 6, grant->currency);
  sqlite3_bind_int64 (stmt, 7, grant->amount_requested);
  hmr_bind_text (stmt, 8, w->now);
  hmr_bind_text (stmt, 9, actor->user_id);
  hmr_bind_text (stmt, 10, grant->number);
  if (!hmr_store_step_done (self, stmt, error) ||
      !write_members_and_items (self, grant, error) ||
      !hmr_store_write_history (self, "grant_history", grant->id, actor, NULL, "draft", NULL, error))
    return FALSE;

  items = describe_items (grant);
  members = describe_members (grant);
  amount = dup_int (grant->amount_requested);
  hmr_changes_add (audit->changes, "number", NULL, grant->number);
  hmr_changes_add (audit->changes, "purpose", NULL, grant->purpose);
  hmr_changes_add (audit->changes, "business_plan", NULL, grant->business_plan);
  hmr_changes_add (audit->changes, "amount_requested", NULL, amount);
  hmr_changes_add (audit->changes, "beneficiaries", NULL, members);
  hmr_changes_add (audit->changes, "items", NULL, items);
  hmr_changes_add (audit->changes, "status", NULL, "draft");
  return TRUE;
}

/**
 * hmr_store_insert_grant:
 *
 * Saves @grant as a new draft of the office of its (first) beneficiary,
 * with its budget lines; the requested amount is the budget's total when
 * there are lines.  On success the id, office, case, status, amounts,
 * timestamps and version of @grant are filled in.
 */
gboolean
hmr_store_insert_grant (HmrStore        *self,
                        const HmrActor  *actor,
                        HmrGrant        *grant,
                        GError         **error)
{
  GrantWrite w = { grant, NULL };
  g_autofree char *now = NULL;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);
  g_return_val_if_fail (grant != NULL, FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_GRANT_WRITE, NULL, error))
    return FALSE;
  if (grant->id != NULL)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("This grant is already saved."));
      return FALSE;
    }
  if (!validate_draft (grant, error))
    return FALSE;

  if (!hmr_store_write (self, actor, "create", "grant", NULL, insert_grant_locked, &w, error))
    {
      g_free (w.now);
      g_clear_pointer (&grant->id, g_free);
      return FALSE;
    }

  now = w.now;
  g_free (grant->status);
  grant->status = g_strdup ("draft");
  grant->amount_approved = -1;
  g_free (grant->created_at);
  grant->created_at = g_strdup (now);
  g_free (grant->updated_at);
  grant->updated_at = g_strdup (now);
  grant->version = 1;
  return TRUE;
}

static gboolean
update_grant_locked (HmrStore        *self,
                     const HmrActor  *actor,
                     HmrAuditRow     *audit,
                     gpointer         data,
                     GError         **error)
{
  GrantWrite *w = data;
  HmrGrant *grant = w->grant;
  g_autoptr(HmrGrant) old = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *office = NULL;
  g_autofree char *old_items = NULL, *new_items = NULL;
  g_autofree char *old_members = NULL, *new_members = NULL;
  g_autofree char *old_amount = NULL, *new_amount = NULL;

  old = hmr_store_load_grant (self, grant->id, error);
  if (old == NULL ||
      !hmr_store_require (actor, HMR_ACTION_GRANT_WRITE, old->office_id, error))
    return FALSE;
  if (g_strcmp0 (old->status, "draft") != 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Refused: only a draft grant can be changed; this one is “%s”."),
                   hmr_code_get_label (HMR_CODES_GRANT_STATUS, old->status));
      return FALSE;
    }
  if (old->version != grant->version)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT,
                   _("Someone else changed this grant after you opened it. Reopen it to see their changes; yours were not saved."));
      return FALSE;
    }
  if (!resolve_members (self, actor, grant, old->office_id, &office, error))
    return FALSE;

  g_strstrip (grant->purpose);
  old_items = describe_items (old);
  new_items = describe_items (grant);
  old_members = describe_members (old);
  new_members = describe_members (grant);
  old_amount = dup_int (old->amount_requested);
  new_amount = dup_int (grant->amount_requested);
  hmr_changes_add (audit->changes, "purpose", old->purpose, grant->purpose);
  hmr_changes_add (audit->changes, "business_plan", old->business_plan,
                   hmr_text_is_blank (grant->business_plan) ? NULL : grant->business_plan);
  hmr_changes_add (audit->changes, "amount_requested", old_amount, new_amount);
  hmr_changes_add (audit->changes, "beneficiaries", old_members, new_members);
  hmr_changes_add (audit->changes, "items", old_items, new_items);
  if (hmr_changes_is_empty (audit->changes))
    {
      audit->nothing_to_do = TRUE;   /* nothing changed: nothing to write, nothing to audit */
      return TRUE;
    }

  w->now = hmr_store_dup_timestamp (self);
  stmt = hmr_store_prepare (self,
                            "UPDATE reintegration_grant SET purpose = ?2, business_plan = ?3, "
                            "amount_requested = ?4, updated_at = ?5, updated_by = ?6, "
                            "version = version + 1 WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, grant->id);
  hmr_bind_text (stmt, 2, grant->purpose);
  hmr_bind_text (stmt, 3, hmr_text_is_blank (grant->business_plan) ? NULL : grant->business_plan);
  sqlite3_bind_int64 (stmt, 4, grant->amount_requested);
  hmr_bind_text (stmt, 5, w->now);
  hmr_bind_text (stmt, 6, actor->user_id);
  if (!hmr_store_step_done (self, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = hmr_store_prepare (self, "DELETE FROM grant_item WHERE grant_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, grant->id);
  if (!hmr_store_step_done (self, stmt, error))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = hmr_store_prepare (self, "DELETE FROM grant_beneficiary WHERE grant_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, grant->id);
  if (!hmr_store_step_done (self, stmt, error))
    return FALSE;
  for (guint i = 0; i < grant->items->len; i++)
    {
      HmrGrantItem *it = g_ptr_array_index (grant->items, i);
      g_clear_pointer (&it->id, g_free);    /* new lines, new ids */
    }
  return write_members_and_items (self, grant, error);
}

/**
 * hmr_store_update_grant:
 *
 * Changes a draft: purpose, business plan, budget lines, beneficiaries
 * (and the requested amount when there is no budget).  Refused once the
 * grant has been submitted, and when someone else saved it since @grant
 * was read (its version).
 */
gboolean
hmr_store_update_grant (HmrStore        *self,
                        const HmrActor  *actor,
                        HmrGrant        *grant,
                        GError         **error)
{
  GrantWrite w = { grant, NULL };

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);
  g_return_val_if_fail (grant != NULL && grant->id != NULL, FALSE);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_GRANT_WRITE, NULL, error))
    return FALSE;
  if (!validate_draft (grant, error))
    return FALSE;
  if (!hmr_store_write (self, actor, "update", "grant", grant->id, update_grant_locked, &w, error))
    {
      g_free (w.now);
      return FALSE;
    }
  if (w.now == NULL)
    return TRUE;   /* nothing changed */
  grant->version++;
  g_free (grant->updated_at);
  grant->updated_at = w.now;
  return TRUE;
}
