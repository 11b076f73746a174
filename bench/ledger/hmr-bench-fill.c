/* hmr-bench-fill.c — a big ledger, fast, for bench/ledger only
 *
 * hmr_bench_fill_ledger() fills a NEW database with grants and N
 * tranches in one transaction, straight into the tables (no audit row per
 * record: this is not real data).  hmr_bench_actor() then lets the
 * benchmark act as that database's finance user without the password, so
 * that the memory measured is the export's and not Argon2id's (which needs
 * 64–256 MB by design).  It works only on a database whose audit trail
 * starts with the benchmark's own rows, which Hamroh never writes into a
 * real database: bench-fill refuses any database that has users.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-store-grant-private.h"
#include "hmr-bench-fill.h"

#define BENCH_ACTION "bench-fill"

static const struct { const char *cyr, *lat; } family[] = {
  { "Раҳимов", "Rahimov" }, { "Ҷӯраев", "Juraev" }, { "Қодиров", "Qodirov" },
  { "Ғаффоров", "Gafforov" }, { "Шарипов", "Sharipov" }, { "Назаров", "Nazarov" },
  { "Сафаров", "Safarov" }, { "Каримов", "Karimov" }, { "Ҳасанов", "Hasanov" },
  { "Мирзоев", "Mirzoev" }, { "Бобоев", "Boboev" }, { "Холов", "Kholov" },
};
static const struct { const char *cyr, *lat; } given[] = {
  { "Фаррух", "Farrukh" }, { "Ғайрат", "Gayrat" }, { "Умед", "Umed" }, { "Ҷамшед", "Jamshed" },
  { "Сӯҳроб", "Suhrob" }, { "Баҳодур", "Bahodur" }, { "Далер", "Daler" }, { "Фирӯз", "Firuz" },
  { "Илҳом", "Ilhom" }, { "Шуҳрат", "Shuhrat" },
};
static const char * const purposes[] = {
  "Construction materials for a shared auto-repair shop", "Welding workshop", "Sewing workshop",
  "Greenhouse for early vegetables", "Laying hens", "Beekeeping", "Tandoor bakery",
  "Fattening calves", "Car repair tools", "Mobile phone repair", "Carpentry", "Barber shop",
};
static const char * const methods[] = { "cash", "bank_transfer", "supplier_payment" };

typedef struct
{
  HmrStore     *store;
  GRand        *rand;
  sqlite3_stmt *beneficiary, *grant, *member, *history, *tranche;
  char         *finance_id;
  GPtrArray    *office_ids;
  GPtrArray    *office_codes;
  GPtrArray    *office_districts;
  guint        *office_seq;
  guint         n_offices;
  guint64       n_beneficiaries;
} Fill;

static void
fill_clear (Fill *f)
{
  g_clear_pointer (&f->beneficiary, sqlite3_finalize);
  g_clear_pointer (&f->grant, sqlite3_finalize);
  g_clear_pointer (&f->member, sqlite3_finalize);
  g_clear_pointer (&f->history, sqlite3_finalize);
  g_clear_pointer (&f->tranche, sqlite3_finalize);
  g_clear_pointer (&f->rand, g_rand_free);
  g_free (f->finance_id);
  g_clear_pointer (&f->office_ids, g_ptr_array_unref);
  g_clear_pointer (&f->office_codes, g_ptr_array_unref);
  g_clear_pointer (&f->office_districts, g_ptr_array_unref);
  g_free (f->office_seq);
}

/* Day @n after 2025-01-01, as ISO text */
static void
day_text (guint  n,
          char   buf[11])
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 1, G_DATE_JANUARY, 2025);
  g_date_add_days (&d, n);
  g_date_strftime (buf, 11, "%Y-%m-%d", &d);
}

static gboolean
add_beneficiary (Fill        *f,
                 guint        office,
                 char         id_out[40],
                 GError     **error)
{
  g_autofree char *id = hmr_store_new_id ();
  g_autofree char *case_number = g_strdup_printf ("%s-2026-%05u",
                                                  (char *) g_ptr_array_index (f->office_codes, office),
                                                  ++f->office_seq[office]);
  guint fi = g_rand_int_range (f->rand, 0, G_N_ELEMENTS (family));
  guint gi = g_rand_int_range (f->rand, 0, G_N_ELEMENTS (given));
  sqlite3_stmt *s = f->beneficiary;

  sqlite3_reset (s);
  hmr_bind_text (s, 1, id);
  hmr_bind_text (s, 2, g_ptr_array_index (f->office_ids, office));
  hmr_bind_text (s, 3, case_number);
  hmr_bind_text (s, 4, family[fi].cyr);
  hmr_bind_text (s, 5, given[gi].cyr);
  hmr_bind_text (s, 6, family[fi].lat);
  hmr_bind_text (s, 7, given[gi].lat);
  hmr_bind_text (s, 8, g_ptr_array_index (f->office_districts, office));
  if (!hmr_store_step_done (f->store, s, error))
    return FALSE;
  g_strlcpy (id_out, id, 40);
  f->n_beneficiaries++;
  return TRUE;
}

static gboolean
add_grant (Fill     *f,
           guint     n_tranches,
           GError  **error)
{
  g_autofree char *id = hmr_store_new_id ();
  guint office = g_rand_int_range (f->rand, 0, f->n_offices);
  guint n_members = g_rand_int_range (f->rand, 0, 7) == 0 ? 3 : 1;
  gint64 approved = (gint64) g_rand_int_range (f->rand, 2000, 9000) * 100;
  gboolean complete = g_rand_int_range (f->rand, 0, 5) != 0;
  guint start = g_rand_int_range (f->rand, 0, 600);
  gint64 paid = 0;
  char day[11], at[40];

  day_text (start, day);
  g_snprintf (at, sizeof at, "%sT09:00:00.000000Z", day);

  sqlite3_reset (f->grant);
  hmr_bind_text (f->grant, 1, id);
  hmr_bind_text (f->grant, 2, g_ptr_array_index (f->office_ids, office));
  hmr_bind_text (f->grant, 3, purposes[g_rand_int_range (f->rand, 0, G_N_ELEMENTS (purposes))]);
  sqlite3_bind_int64 (f->grant, 4, approved);
  hmr_bind_text (f->grant, 5, complete ? "disbursed" : "disbursing");
  hmr_bind_text (f->grant, 6, at);
  hmr_bind_text (f->grant, 7, f->finance_id);
  if (!hmr_store_step_done (f->store, f->grant, error))
    return FALSE;

  for (guint k = 0; k < n_members; k++)
    {
      char bid[40];

      if (!add_beneficiary (f, office, bid, error))
        return FALSE;
      sqlite3_reset (f->member);
      hmr_bind_text (f->member, 1, id);
      hmr_bind_text (f->member, 2, bid);
      if (!hmr_store_step_done (f->store, f->member, error))
        return FALSE;
    }

  sqlite3_reset (f->history);
  {
    g_autofree char *hid = hmr_store_new_id ();
    hmr_bind_text (f->history, 1, hid);
  }
  hmr_bind_text (f->history, 2, id);
  hmr_bind_text (f->history, 3, at);
  if (!hmr_store_step_done (f->store, f->history, error))
    return FALSE;

  for (guint t = 1; t <= n_tranches; t++)
    {
      g_autofree char *tid = hmr_store_new_id ();
      g_autofree char *reference = g_strdup_printf ("Payment order No. %u", g_rand_int_range (f->rand, 1000, 99999));
      gint64 amount;

      if (t < n_tranches)
        amount = approved * 4 / 10 / 100 * 100;
      else
        amount = complete ? approved - paid : (approved - paid) / 2;
      paid += amount;
      day_text (start + 7 + (t - 1) * g_rand_int_range (f->rand, 10, 60), day);
      sqlite3_reset (f->tranche);
      hmr_bind_text (f->tranche, 1, tid);
      hmr_bind_text (f->tranche, 2, g_ptr_array_index (f->office_ids, office));
      hmr_bind_text (f->tranche, 3, id);
      sqlite3_bind_int (f->tranche, 4, t);
      hmr_bind_text (f->tranche, 5, day);
      sqlite3_bind_int64 (f->tranche, 6, amount);
      hmr_bind_text (f->tranche, 7, methods[g_rand_int_range (f->rand, 0, G_N_ELEMENTS (methods))]);
      hmr_bind_text (f->tranche, 8, reference);
      hmr_bind_text (f->tranche, 9, at);
      hmr_bind_text (f->tranche, 10, f->finance_id);
      if (!hmr_store_step_done (f->store, f->tranche, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
load_offices (Fill    *f,
              GError **error)
{
  g_autoptr(sqlite3_stmt) stmt = hmr_store_prepare (f->store,
                                                    "SELECT id, code, district FROM office "
                                                    "WHERE deleted_at IS NULL ORDER BY code", error);

  if (stmt == NULL)
    return FALSE;
  f->office_ids = g_ptr_array_new_with_free_func (g_free);
  f->office_codes = g_ptr_array_new_with_free_func (g_free);
  f->office_districts = g_ptr_array_new_with_free_func (g_free);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (f->office_ids, hmr_column_dup_text (stmt, 0));
      g_ptr_array_add (f->office_codes, hmr_column_dup_text (stmt, 1));
      g_ptr_array_add (f->office_districts, hmr_column_dup_text (stmt, 2));
      f->n_offices++;
    }
  f->office_seq = g_new0 (guint, MAX (f->n_offices, 1));
  if (f->n_offices == 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_FAILED, "no offices");
      return FALSE;
    }
  return TRUE;
}

/**
 * hmr_bench_fill_ledger:
 * @n_tranches: how many tranches (ledger rows) to make
 * @finance_username: the finance user to create (an administrator
 *   "bench-admin" is created too, with the same password)
 *
 * For benchmarks only: fills a new, empty database with about
 * @n_tranches / 2 disbursed or disbursing grants of all districts, their
 * beneficiaries (a few shared by three) and @n_tranches tranches.
 * Refused on a database that already has users.
 */
gboolean
hmr_bench_fill_ledger (HmrStore    *self,
                             guint        n_tranches,
                             const char  *finance_username,
                             const char  *password,
                             GError     **error)
{
  g_autoptr(HmrActor) admin = NULL;
  g_autoptr(HmrActor) finance = NULL;
  g_autofree char *detail = NULL;
  Fill f = { 0 };
  guint left = n_tranches;

  g_return_val_if_fail (HMR_IS_STORE (self), FALSE);

  if (hmr_store_has_users (self))
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED,
                   _("Refused: benchmark data goes into a new database only."));
      return FALSE;
    }
  admin = hmr_store_create_first_admin (self, "bench-admin", "Benchmark Administrator", password, error);
  if (admin == NULL)
    return FALSE;
  finance = hmr_store_create_user (self, admin, finance_username, "Benchmark Finance Officer",
                                   HMR_ROLE_FINANCE, NULL, password, error);
  if (finance == NULL)
    return FALSE;

  /* one big transaction: let it stay in memory until the commit */
  if (!hmr_store_exec (self, "PRAGMA cache_size = -131072", error))
    return FALSE;
  f.store = self;
  f.rand = g_rand_new_with_seed (2026);
  f.finance_id = g_strdup (finance->user_id);
  if (!hmr_store_begin (self, error))
    goto fail_early;
  {
    g_autoptr(HmrChanges) changes = hmr_changes_new ();
    g_autofree char *n = g_strdup_printf ("%u tranches", n_tranches);
    hmr_changes_add (changes, "detail", NULL, n);
    detail = hmr_changes_free_to_json (g_steal_pointer (&changes));
  }
  if (!hmr_store_audit_append (self, admin, BENCH_ACTION, "database", NULL, detail, error))
    goto fail;
  if (!load_offices (&f, error))
    goto fail;

  f.beneficiary = hmr_store_prepare (self,
    "INSERT INTO beneficiary (id, office_id, case_number, family_name, given_name, family_name_latin, "
    "given_name_latin, sex, birth_year_estimated, district, category, consent_date, consent_services, "
    "created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'male', 1990, ?8, 'returned_migrant', "
    "'2025-01-01', 1, '2025-01-01T00:00:00.000000Z', '2025-01-01T00:00:00.000000Z')", error);
  f.grant = hmr_store_prepare (self,
    "INSERT INTO reintegration_grant (id, office_id, purpose, amount_requested, amount_approved, status, "
    "created_at, created_by, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6, ?7, ?6, ?7)", error);
  f.member = hmr_store_prepare (self,
    "INSERT INTO grant_beneficiary (grant_id, beneficiary_id) VALUES (?1, ?2)", error);
  f.history = hmr_store_prepare (self,
    "INSERT INTO grant_history (id, grant_id, at, from_state, to_state) VALUES (?1, ?2, ?3, 'submitted', 'approved')",
    error);
  f.tranche = hmr_store_prepare (self,
    "INSERT INTO disbursement (id, office_id, grant_id, tranche, paid_on, amount, method, reference, "
    "created_at, created_by, updated_at, updated_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?9, ?10)",
    error);
  if (!f.beneficiary || !f.grant || !f.member || !f.history || !f.tranche)
    goto fail;

  while (left > 0)
    {
      guint n = MIN (left, 2);
      if (!add_grant (&f, n, error))
        goto fail;
      left -= n;
    }
  if (!hmr_store_commit (self, error))
    goto fail_early;
  fill_clear (&f);
  return hmr_store_exec (self, "PRAGMA cache_size = -2000", error);

fail:
  hmr_store_rollback (self);
fail_early:
  fill_clear (&f);
  return FALSE;
}

/**
 * hmr_bench_actor:
 *
 * For benchmarks only: the user @username of a database made by
 * hmr_bench_fill_ledger(), without a password.  Refused on any other
 * database.
 *
 * Returns: (transfer full): the actor, or %NULL with @error
 */
HmrActor *
hmr_bench_actor (HmrStore    *self,
                       const char  *username,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  HmrRole role;

  stmt = hmr_store_prepare (self,
                            "SELECT u.id, u.username, u.full_name, u.role, u.office_id FROM app_user u "
                            "WHERE u.username = ?1 AND u.active = 1 AND u.deleted_at IS NULL "
                            "AND (SELECT action FROM audit_log WHERE seq = 3) = '" BENCH_ACTION "' "
                            "AND (SELECT count (*) FROM app_user) = 2",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, username);
  if (sqlite3_step (stmt) != SQLITE_ROW ||
      !hmr_role_from_string ((const char *) sqlite3_column_text (stmt, 3), &role))
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED,
                   _("Refused: this is not a benchmark database."));
      return NULL;
    }
  return hmr_actor_new ((const char *) sqlite3_column_text (stmt, 0),
                        (const char *) sqlite3_column_text (stmt, 1),
                        (const char *) sqlite3_column_text (stmt, 2), role,
                        (const char *) sqlite3_column_text (stmt, 4));
}
