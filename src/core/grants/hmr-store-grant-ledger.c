/* hmr-store-grant-ledger.c — the grant ledger (one row per tranche) and the
 * totals per district and month, for finance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hmr-store-grant-private.h"

/* How often a long read looks at its GCancellable */
#define CHECK_EVERY 1024

/* The members of a grant in one subquery: case number, full name and Latin
 * name joined by \x1f, members by \x1e (put in case number order in C:
 * cheaper than a sort inside the subquery) */
#define MEMBERS_SQL \
  "(SELECT group_concat (b.case_number || char (31) || " HMR_SQL_FULL_NAME ("b") " || char (31) || " \
  "coalesce (" HMR_SQL_LATIN_NAME ("b") ", ''), char (30)) " \
  "FROM grant_beneficiary gb JOIN beneficiary b ON b.id = gb.beneficiary_id WHERE gb.grant_id = g.id)"

/* The tranches in ledger order: the index on (paid_on, grant_id, tranche)
 * gives them without sorting */
static const char tranches_sql[] =
  "SELECT d.paid_on, d.grant_id, d.tranche, d.method, d.reference, d.amount, "
  " coalesce (u.full_name, d.created_by) "
  "FROM disbursement d LEFT JOIN app_user u ON u.id = d.created_by "
  "WHERE d.deleted_at IS NULL ORDER BY d.paid_on, d.grant_id, d.tranche";

/* What the ledger shows of a grant; column 5 says whether to leave it out */
static const char grant_sql[] =
  "SELECT " HMR_SQL_RECORD_NUMBER ("g") ", g.purpose, o.district, g.status, coalesce (g.amount_approved, 0), "
  " g.deleted_at IS NOT NULL OR (?2 IS NOT NULL AND o.district IS NOT ?2), " MEMBERS_SQL " "
  "FROM reintegration_grant g JOIN office o ON o.id = g.office_id WHERE g.id = ?1";

/* This tranche and the ones before it */
static const char paid_sql[] =
  "SELECT coalesce (sum (amount), 0) FROM disbursement WHERE grant_id = ?1 AND deleted_at IS NULL "
  "AND tranche <= ?2";

static gboolean
require_ledger (HmrStore        *self,
                const HmrActor  *actor,
                GError         **error)
{
  return hmr_store_check_actor (self, actor, error) &&
         hmr_store_require (actor, HMR_ACTION_EXPORT_LEDGER, NULL, error);
}

static gboolean
require_handovers (HmrStore        *self,
                   const HmrActor  *actor,
                   GError         **error)
{
  return hmr_store_check_actor (self, actor, error) &&
         hmr_store_require (actor, HMR_ACTION_EXPORT_HANDOVERS, NULL, error);
}

/**
 * hmr_store_count_ledger_rows:
 * @district: (nullable): one district, or %NULL for all
 *
 * Returns: the number of tranches the ledger will list, or -1 with @error
 */
gint64
hmr_store_count_ledger_rows (HmrStore        *self,
                             const HmrActor  *actor,
                             const char      *district,
                             GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!require_ledger (self, actor, error))
    return -1;
  /* for the whole ledger: every tranche less those of archived grants,
   * without a lookup per tranche */
  if (district == NULL)
    stmt = hmr_store_prepare (self,
                              "SELECT (SELECT count (*) FROM disbursement WHERE deleted_at IS NULL) - "
                              "(SELECT count (*) FROM reintegration_grant g JOIN disbursement d ON d.grant_id = g.id "
                              " WHERE g.deleted_at IS NOT NULL AND d.deleted_at IS NULL)",
                              error);
  else
    stmt = hmr_store_prepare (self,
                              "SELECT count (*) FROM disbursement d JOIN reintegration_grant g ON g.id = d.grant_id "
                              "JOIN office o ON o.id = g.office_id WHERE d.deleted_at IS NULL "
                              "AND g.deleted_at IS NULL AND o.district = ?1",
                              error);
  if (stmt == NULL)
    return -1;
  hmr_bind_text (stmt, 1, district);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

typedef struct
{
  const char *case_number, *name, *latin;
  gsize       case_len, name_len, latin_len;
} Member;

static int
compare_members (gconstpointer a,
                 gconstpointer b)
{
  const Member *ma = a, *mb = b;
  int c = strncmp (ma->case_number, mb->case_number, MIN (ma->case_len, mb->case_len));

  return c != 0 ? c : (int) ma->case_len - (int) mb->case_len;
}

/* Splits the members column into its three lists, "; " between people, in
 * case number order */
static void
split_members (const char *packed,
               GString    *case_numbers,
               GString    *names,
               GString    *latin)
{
  Member members[64];
  guint n = 0;
  const char *p = packed;

  g_string_truncate (case_numbers, 0);
  g_string_truncate (names, 0);
  g_string_truncate (latin, 0);
  while (p && *p && n < G_N_ELEMENTS (members))
    {
      const char *end = strchr (p, '\x1e');
      gsize len = end ? (gsize) (end - p) : strlen (p);
      const char *f1 = memchr (p, '\x1f', len);
      const char *f2 = f1 ? memchr (f1 + 1, '\x1f', len - (f1 + 1 - p)) : NULL;

      if (f1 && f2)
        {
          Member *m = &members[n++];
          m->case_number = p;
          m->case_len = f1 - p;
          m->name = f1 + 1;
          m->name_len = f2 - f1 - 1;
          m->latin = f2 + 1;
          m->latin_len = p + len - f2 - 1;
        }
      p = end ? end + 1 : NULL;
    }
  if (n > 1)
    qsort (members, n, sizeof (Member), compare_members);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        {
          g_string_append (case_numbers, "; ");
          g_string_append (names, "; ");
        }
      g_string_append_len (case_numbers, members[i].case_number, members[i].case_len);
      g_string_append_len (names, members[i].name, members[i].name_len);
      if (members[i].latin_len > 0)
        {
          if (latin->len)
            g_string_append (latin, "; ");
          g_string_append_len (latin, members[i].latin, members[i].latin_len);
        }
    }
}

/* The grants of the last several thousand tranches, so that a grant's next
 * tranche costs no lookup of its beneficiaries, and what was paid on it so
 * far; a grant that left the cache is simply looked up again.  Each entry
 * is one block (about 300 bytes): the cache stays under 6 MB. */
#define GRANT_CACHE_SIZE 16384

typedef struct
{
  const char *id;
  const char *reference;
  const char *purpose;
  const char *district;
  const char *status;
  const char *case_numbers;
  const char *names;
  const char *latin_names;
  gint64      approved;
  gboolean    left_out;       /* archived, or not the district asked for */
  int         last_tranche;   /* the tranche paid_to_date is for; 0: none */
  gint64      paid_to_date;
  GList       link;
  char        text[];         /* the strings above, one after the other */
} GrantInfo;

/* Copies @n strings into one new entry; the pointers in @fields are set */
static GrantInfo *
grant_info_new (const char * const  *values,
                const char         **fields[],
                guint                n)
{
  gsize size = 0;
  GrantInfo *g;
  char *p;

  for (guint i = 0; i < n; i++)
    size += strlen (values[i] ? values[i] : "") + 1;
  g = g_malloc0 (sizeof (GrantInfo) + size);
  p = g->text;
  for (guint i = 0; i < n; i++)
    {
      const char *v = values[i] ? values[i] : "";
      gsize len = strlen (v) + 1;

      memcpy (p, v, len);
      *(const char **) ((char *) g + GPOINTER_TO_SIZE (fields[i])) = p;
      p += len;
    }
  g->link.data = g;
  return g;
}

typedef struct
{
  HmrStore     *store;
  sqlite3_stmt *grant;
  sqlite3_stmt *paid;
  GHashTable   *by_id;     /* id → GrantInfo, owned */
  GQueue        lru;       /* most recently used first */
  GString      *case_numbers, *names, *latin;
} GrantCache;

static void
grant_cache_clear (GrantCache *c)
{
  g_clear_pointer (&c->grant, sqlite3_finalize);
  g_clear_pointer (&c->paid, sqlite3_finalize);
  g_clear_pointer (&c->by_id, g_hash_table_unref);
  if (c->case_numbers)
    {
      g_string_free (c->case_numbers, TRUE);
      g_string_free (c->names, TRUE);
      g_string_free (c->latin, TRUE);
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (GrantCache, grant_cache_clear)

static GrantInfo *
grant_cache_get (GrantCache  *c,
                 const char  *grant_id,
                 GError     **error)
{
  GrantInfo *g = g_hash_table_lookup (c->by_id, grant_id);
  sqlite3_stmt *stmt = c->grant;
  const char **fields[] = {
    (const char **) G_STRUCT_OFFSET (GrantInfo, id), (const char **) G_STRUCT_OFFSET (GrantInfo, reference),
    (const char **) G_STRUCT_OFFSET (GrantInfo, purpose), (const char **) G_STRUCT_OFFSET (GrantInfo, district),
    (const char **) G_STRUCT_OFFSET (GrantInfo, status), (const char **) G_STRUCT_OFFSET (GrantInfo, case_numbers),
    (const char **) G_STRUCT_OFFSET (GrantInfo, names), (const char **) G_STRUCT_OFFSET (GrantInfo, latin_names),
  };
  int rc;

  if (g != NULL)
    {
      g_queue_unlink (&c->lru, &g->link);
      g_queue_push_head_link (&c->lru, &g->link);
      return g;
    }
  if (c->lru.length >= GRANT_CACHE_SIZE)
    {
      GList *oldest = g_queue_pop_tail_link (&c->lru);
      g_hash_table_remove (c->by_id, ((GrantInfo *) oldest->data)->id);
    }

  sqlite3_reset (stmt);
  hmr_bind_text (stmt, 1, grant_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *values[8];

      split_members ((const char *) sqlite3_column_text (stmt, 6), c->case_numbers, c->names, c->latin);
      values[0] = grant_id;
      for (guint i = 0; i < 4; i++)         /* reference, purpose, district, status */
        values[1 + i] = (const char *) sqlite3_column_text (stmt, i);
      values[5] = c->case_numbers->str;
      values[6] = c->names->str;
      values[7] = c->latin->str;
      g = grant_info_new (values, fields, G_N_ELEMENTS (fields));
      g->approved = sqlite3_column_int64 (stmt, 4);
      g->left_out = sqlite3_column_int (stmt, 5) != 0;
    }
  else if (rc == SQLITE_DONE)
    {
      const char *values[8] = { grant_id };
      g = grant_info_new (values, fields, G_N_ELEMENTS (fields));
      g->left_out = TRUE;     /* a tranche of no grant: not in the ledger */
    }
  else
    {
      hmr_store_set_sqlite_error (c->store, rc, error);
      return NULL;
    }
  g_hash_table_insert (c->by_id, (gpointer) g->id, g);
  g_queue_push_head_link (&c->lru, &g->link);
  return g;
}

/* What was paid on the grant up to and including @tranche */
static gboolean
grant_cache_paid_to (GrantCache  *c,
                     GrantInfo   *g,
                     int          tranche,
                     gint64       amount,
                     GError     **error)
{
  int rc;

  if (g->last_tranche == tranche - 1)
    g->paid_to_date += amount;     /* the next one, in order: no need to ask */
  else
    {
      sqlite3_reset (c->paid);
      hmr_bind_text (c->paid, 1, g->id);
      sqlite3_bind_int (c->paid, 2, tranche);
      rc = sqlite3_step (c->paid);
      if (rc != SQLITE_ROW)
        return hmr_store_set_sqlite_error (c->store, rc, error);
      g->paid_to_date = sqlite3_column_int64 (c->paid, 0);
    }
  g->last_tranche = tranche;
  return TRUE;
}

/**
 * hmr_store_foreach_ledger_row:
 * @district: (nullable): one district, or %NULL for all
 * @func: called for each tranche, oldest first; return %FALSE (with an
 *   error) to stop
 *
 * Streams the ledger: one row per tranche, with the grant, its
 * beneficiaries (identity only), the amounts and what was paid to date.
 * Finance and supervisors (the grant ledger export).  Its memory does not grow with
 * the ledger.
 */
gboolean
hmr_store_foreach_ledger_row (HmrStore         *self,
                              const HmrActor   *actor,
                              const char       *district,
                              HmrLedgerRowFunc  func,
                              gpointer          user_data,
                              GCancellable     *cancellable,
                              GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_auto(GrantCache) cache = { 0 };
  guint64 n = 0;
  int rc;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);
  if (!require_ledger (self, actor, error))
    return FALSE;
  stmt = hmr_store_prepare (self, tranches_sql, error);
  cache.store = self;
  cache.grant = hmr_store_prepare (self, grant_sql, error);
  cache.paid = hmr_store_prepare (self, paid_sql, NULL);
  if (stmt == NULL || cache.grant == NULL || cache.paid == NULL)
    return FALSE;
  hmr_bind_text (cache.grant, 2, district);
  cache.by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  cache.case_numbers = g_string_new (NULL);
  cache.names = g_string_new (NULL);
  cache.latin = g_string_new (NULL);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HmrLedgerRow row;
      GrantInfo *g;

      if (++n % CHECK_EVERY == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      g = grant_cache_get (&cache, (const char *) sqlite3_column_text (stmt, 1), error);
      if (g == NULL)
        return FALSE;
      if (g->left_out)
        continue;
      row.tranche = sqlite3_column_int (stmt, 2);
      row.amount = sqlite3_column_int64 (stmt, 5);
      if (!grant_cache_paid_to (&cache, g, row.tranche, row.amount, error))
        return FALSE;
      row.paid_on = (const char *) sqlite3_column_text (stmt, 0);
      row.grant_id = g->id;
      row.grant_reference = g->reference;
      row.purpose = g->purpose;
      row.case_numbers = g->case_numbers;
      row.names = g->names;
      row.latin_names = g->latin_names;
      row.district = g->district;
      row.method = (const char *) sqlite3_column_text (stmt, 3);
      row.reference = (const char *) sqlite3_column_text (stmt, 4);
      row.approved = g->approved;
      row.paid_to_date = g->paid_to_date;
      row.status = g->status;
      row.recorded_by = (const char *) sqlite3_column_text (stmt, 6);
      if (!func (&row, user_data, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  return g_cancellable_set_error_if_cancelled (cancellable, error) ? FALSE : TRUE;
}

/**
 * hmr_store_list_grant_totals:
 * @by_month: %TRUE for one row per district and month of approval, %FALSE
 *   for one row per district
 * @district: (nullable): one district, or %NULL for all
 *
 * Totals over the grants that were approved, those cancelled since apart
 * (see #HmrGrantTotals).  A
 * caseworker sees the totals of their office only.
 *
 * Returns: (transfer full) (element-type HmrGrantTotals): by district, then
 *   month
 */
GPtrArray *
hmr_store_list_grant_totals (HmrStore        *self,
                             const HmrActor  *actor,
                             gboolean         by_month,
                             const char      *district,
                             GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) out = NULL;
  const char *office = NULL;
  int rc;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);
  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_GRANT_READ, NULL, error))
    return NULL;
  if (hmr_permission_is_office_scoped (actor->role, HMR_ACTION_GRANT_READ))
    office = actor->office_id ? actor->office_id : "";

  stmt = hmr_store_prepare (self,
    "WITH gp AS (SELECT o.district AS district, "
    "  coalesce ((SELECT substr (max (h.at), 1, 7) FROM grant_history h WHERE h.grant_id = g.id "
    "             AND h.to_state = 'approved'), substr (g.updated_at, 1, 7)) AS month, "
    "  (SELECT coalesce (sum (d.amount), 0) FROM disbursement d WHERE d.grant_id = g.id "
    "   AND d.deleted_at IS NULL) AS paid, "
    "  g.amount_approved AS approved, g.status AS status "
    " FROM reintegration_grant g JOIN office o ON o.id = g.office_id "
    " WHERE g.deleted_at IS NULL AND g.amount_approved IS NOT NULL "
    " AND (?1 IS NULL OR o.district = ?1) AND (?2 IS NULL OR g.office_id = ?2)) "
    "SELECT district, CASE WHEN ?3 THEN month END AS m, "
    " sum (status <> 'cancelled'), sum (CASE WHEN status <> 'cancelled' THEN approved ELSE 0 END), "
    " sum (CASE WHEN status <> 'cancelled' THEN paid ELSE 0 END), "
    " sum (status = 'cancelled'), sum (CASE WHEN status = 'cancelled' THEN paid ELSE 0 END) "
    "FROM gp GROUP BY district, m ORDER BY district, m",
    error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, district);
  hmr_bind_text (stmt, 2, office);
  sqlite3_bind_int (stmt, 3, by_month ? 1 : 0);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_grant_totals_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HmrGrantTotals *t = g_new0 (HmrGrantTotals, 1);
      t->district = hmr_column_dup_text (stmt, 0);
      t->month = hmr_column_dup_text (stmt, 1);
      t->n_grants = sqlite3_column_int (stmt, 2);
      t->approved = sqlite3_column_int64 (stmt, 3);
      t->paid = sqlite3_column_int64 (stmt, 4);
      t->remaining = t->approved - t->paid;
      t->n_cancelled = sqlite3_column_int (stmt, 5);
      t->cancelled_paid = sqlite3_column_int64 (stmt, 6);
      g_ptr_array_add (out, t);
    }
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

/* ---- the handovers export: one row per item ------------------------------- */

static const char handover_items_sql[] =
  "SELECT h.id, " HMR_SQL_RECORD_NUMBER ("h") ", h.handed_on, h.status, "
  " (SELECT " HMR_SQL_RECORD_NUMBER ("x") " FROM handover x WHERE x.id = h.corrects_id), "
  " CASE WHEN g.id IS NOT NULL THEN " HMR_SQL_RECORD_NUMBER ("g") " END, g.purpose, b.case_number, " HMR_SQL_FULL_NAME ("b") ", "
  HMR_SQL_LATIN_NAME ("b") ", o.district, h.place, h.received_by, "
  " (SELECT group_concat (w, '; ') FROM (SELECT name || ' (' || role || ')' AS w FROM handover_witness "
  "  WHERE handover_id = h.id ORDER BY rowid)), "
  " i.name, i.serial, i.quantity, i.unit_value, "
  " (SELECT " HMR_SQL_RECORD_NUMBER ("c") " FROM handover c WHERE c.corrects_id = h.id "
  "  AND c.status = 'signed' AND c.deleted_at IS NULL) "
  "FROM handover_item i JOIN handover h ON h.id = i.handover_id "
  "JOIN beneficiary b ON b.id = h.beneficiary_id JOIN office o ON o.id = h.office_id "
  "LEFT JOIN reintegration_grant g ON g.id = h.grant_id "
  "WHERE h.deleted_at IS NULL ORDER BY h.handed_on, h.id, i.rowid";

/**
 * hmr_store_count_handover_item_rows:
 *
 * Returns: the number of rows hmr_store_foreach_handover_item_row() will
 *   give, or -1 with @error
 */
gint64
hmr_store_count_handover_item_rows (HmrStore        *self,
                                    const HmrActor  *actor,
                                    GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!require_handovers (self, actor, error))
    return -1;
  stmt = hmr_store_prepare (self,
                            "SELECT count (*) FROM handover_item i JOIN handover h ON h.id = i.handover_id "
                            "WHERE h.deleted_at IS NULL", error);
  if (stmt == NULL)
    return -1;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return -1;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/**
 * hmr_store_foreach_handover_item_row:
 *
 * Streams every item of every act (drafts, signed acts and corrections),
 * oldest act first; a signed act that a signed correction replaced names
 * that correction (corrected_by_reference).  Finance and supervisors (the
 * handovers export).
 */
gboolean
hmr_store_foreach_handover_item_row (HmrStore               *self,
                                     const HmrActor         *actor,
                                     HmrHandoverItemRowFunc  func,
                                     gpointer                user_data,
                                     GCancellable           *cancellable,
                                     GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint64 n = 0;
  int rc;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);
  if (!require_handovers (self, actor, error))
    return FALSE;
  stmt = hmr_store_prepare (self, handover_items_sql, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      HmrHandoverItemRow row;

      if (++n % CHECK_EVERY == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
#define COL(i) ((const char *) sqlite3_column_text (stmt, (i)))
      row.handover_id = COL (0);
      row.act_reference = COL (1);
      row.handed_on = COL (2);
      row.status = COL (3);
      row.corrects_reference = COL (4);
      row.grant_reference = COL (5);
      row.grant_purpose = COL (6);
      row.case_number = COL (7);
      row.full_name = COL (8);
      row.latin_name = COL (9);
      row.district = COL (10);
      row.place = COL (11);
      row.received_by = COL (12);
      row.witnesses = COL (13);
      row.item = COL (14);
      row.serial = COL (15);
      row.quantity = sqlite3_column_double (stmt, 16);
      row.unit_value = sqlite3_column_int64 (stmt, 17);
      row.corrected_by_reference = COL (18);
#undef COL
      if (!func (&row, user_data, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    return hmr_store_set_sqlite_error (self, rc, error);
  return g_cancellable_set_error_if_cancelled (cancellable, error) ? FALSE : TRUE;
}
