/* hmr-store-record-number.c — grant and act numbers like case numbers
 *
 * DST-G-2026-0042 is the 42nd grant of the office DST in 2026,
 * DST-A-2026-0042 its 42nd handover act.  The counter is bumped inside the
 * write's transaction (BEGIN IMMEDIATE), so two connections writing at
 * once never get the same number; grants and acts received from the
 * office's other laptops move it on (resources/sql/0021-record-numbers.sql).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hmr-store-grant-private.h"

char *
hmr_store_next_record_number (HmrStore    *self,
                              const char  *office_id,
                              char         kind,
                              GError     **error)
{
  g_autoptr(sqlite3_stmt) bump = NULL;
  g_autoptr(GDateTime) now = hmr_store_now (self);
  const char kinds[2] = { kind, '\0' };
  int year = g_date_time_get_year (now);
  int rc;

  g_return_val_if_fail (kind == 'G' || kind == 'A', NULL);

  bump = hmr_store_prepare (self,
                            "INSERT INTO record_sequence (office_id, kind, year, last) "
                            "SELECT id, ?2, ?3, 1 FROM office WHERE id = ?1 "
                            "ON CONFLICT (office_id, kind, year) DO UPDATE SET last = last + 1 "
                            "RETURNING last, (SELECT code FROM office WHERE id = ?1)",
                            error);
  if (bump == NULL)
    return NULL;
  hmr_bind_text (bump, 1, office_id);
  hmr_bind_text (bump, 2, kinds);
  sqlite3_bind_int (bump, 3, year);
  rc = sqlite3_step (bump);
  if (rc != SQLITE_ROW)
    {
      hmr_store_set_sqlite_error (self, rc == SQLITE_DONE ? SQLITE_CONSTRAINT : rc, error);
      return NULL;
    }
  return g_strdup_printf ("%s-%c-%d-%04" G_GINT64_FORMAT,
                          (const char *) sqlite3_column_text (bump, 1), kind, year,
                          (gint64) sqlite3_column_int64 (bump, 0));
}
