/* hmr-store-sync-apply.c — one received change, merged into this database
 *
 * The rules (README, "Offices and HQ"):
 * - a new record is added; one already here is left as it is;
 * - an edit of a field applies when this installation still had the value
 *   the sender saw (the edits followed one another);
 * - when both sides edited the same field, the later edit is kept (stamps
 *   compare the edit's time, then the installation); a workflow state is
 *   kept if it is further along its workflow than the other, whatever the
 *   times, so that no record moves backwards; the other value goes into a
 *   conflict record for a supervisor;
 * - the row version becomes the higher of the two; updated_at/by follow
 *   the later edit without a conflict of their own;
 * - an archive against an edit keeps both and lists the conflict;
 * - a change this database's rules refuse (a signed act, money above the
 *   approved amount) is not applied and is kept whole as a conflict.
 * Histories, follow-ups, tranches and attendance are new rows, so they
 * never conflict.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hmr-sync-apply.h"

static gboolean
is_bookkeeping (const char *column)
{
  return g_str_equal (column, "updated_at") || g_str_equal (column, "updated_by");
}

static gboolean
check_columns (HmrStore             *self,
               const HmrSyncColumns *info,
               HmrSyncChange        *change,
               GError              **error)
{
  GVariantIter iter;
  const char *name;

  g_variant_iter_init (&iter, change->cols);
  while (g_variant_iter_next (&iter, "(&s@mv@mv)", &name, NULL, NULL))
    {
      gboolean found = FALSE;

      for (guint i = 0; i < info->n && !found; i++)
        found = g_str_equal (info->names[i], name);
      if (!found)
        {
          g_set_error (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_BAD_FILE,
                       _("A change names a column “%s.%s” this database does not have."),
                       change->table, name);
          return FALSE;
        }
    }
  return TRUE;
}

/* "a = ?N AND b = ?N+1" over the primary key; binds from the change */
static char *
pk_where (const HmrSyncColumns *info,
          int                   first)
{
  GString *where = g_string_new (NULL);

  for (guint i = 0; i < info->n; i++)
    if (info->pk[i] > 0)
      g_string_append_printf (where, "%s%s = ?%d", where->len ? " AND " : "", info->names[i],
                              first + info->pk[i] - 1);
  return g_string_free (where, FALSE);
}

static void
bind_pk (const HmrSyncColumns *info,
         sqlite3_stmt         *stmt,
         int                   first,
         HmrSyncChange        *change)
{
  for (guint i = 0; i < info->n; i++)
    if (info->pk[i] > 0)
      {
        g_autoptr(GVariant) v = hmr_sync_cols_lookup (change->cols, info->names[i], 0);
        hmr_sync_bind_variant (stmt, first + info->pk[i] - 1, v);
      }
}

static gboolean
step_done (HmrStore      *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return hmr_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

static gboolean
apply_insert (HmrStore             *self,
              const HmrSyncColumns *info,
              HmrSyncChange        *change,
              GError              **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GVariantIter iter;
  const char *name;
  GVariant *after;
  int n = 0;

  g_string_append_printf (sql, "INSERT INTO %s (", change->table);
  g_variant_iter_init (&iter, change->cols);
  while (g_variant_iter_next (&iter, "(&s@mv@mv)", &name, NULL, NULL))
    {
      g_string_append_printf (sql, "%s%s", n ? ", " : "", name);
      g_string_append_printf (values, "%s?%d", n ? ", " : "", n + 1);
      n++;
    }
  g_string_append_printf (sql, ") VALUES (%s) ON CONFLICT DO NOTHING", values->str);
  stmt = hmr_store_prepare (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  n = 0;
  g_variant_iter_init (&iter, change->cols);
  while (g_variant_iter_next (&iter, "(&s@mv@mv)", &name, NULL, &after))
    {
      hmr_sync_bind_variant (stmt, ++n, after);
      g_variant_unref (after);
    }
  return step_done (self, stmt, error);
}

static gboolean
apply_delete (HmrStore             *self,
              const HmrSyncColumns *info,
              HmrSyncChange        *change,
              GError              **error)
{
  g_autofree char *where = pk_where (info, 1);
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE %s", change->table, where);
  g_autoptr(sqlite3_stmt) stmt = hmr_store_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  bind_pk (info, stmt, 1, change);
  return step_done (self, stmt, error);
}

static gboolean
record_conflict (HmrStore       *self,
                 HmrSyncChange  *change,
                 const char     *column,
                 GVariant       *kept,
                 GVariant       *lost,
                 const char     *kept_stamp,
                 const char     *lost_stamp,
                 const char     *lost_origin,
                 const char     *rule,
                 guint          *n_conflicts,
                 GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *id = hmr_store_new_id ();
  g_autofree char *now = hmr_store_dup_timestamp (self);

  stmt = hmr_store_prepare (self,
                            "INSERT INTO sync_conflict (id, tbl, pk, col, kept_value, lost_value, kept_stamp, "
                            "lost_stamp, lost_origin, rule, detected_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, id);
  hmr_bind_text (stmt, 2, change->table);
  hmr_bind_text (stmt, 3, change->pk);
  hmr_bind_text (stmt, 4, column);
  hmr_sync_bind_variant (stmt, 5, kept);
  hmr_sync_bind_variant (stmt, 6, lost);
  hmr_bind_text (stmt, 7, kept_stamp);
  hmr_bind_text (stmt, 8, lost_stamp);
  hmr_bind_text (stmt, 9, lost_origin);
  hmr_bind_text (stmt, 10, rule);
  hmr_bind_text (stmt, 11, now);
  (*n_conflicts)++;
  return step_done (self, stmt, error);
}

static char *
stamp_origin (const char *stamp)
{
  const char *slash = stamp ? strrchr (stamp, '/') : NULL;
  return slash ? g_strdup (slash + 1) : NULL;
}

static gboolean
set_field_stamp (HmrStore       *self,
                 HmrSyncChange  *change,
                 const char     *column,
                 const char     *stamp,
                 GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = hmr_store_prepare (self,
                            "INSERT INTO sync_field (tbl, pk, col, stamp) VALUES (?1, ?2, ?3, ?4) "
                            "ON CONFLICT (tbl, pk, col) DO UPDATE SET stamp = max (stamp, excluded.stamp)",
                            error);
  if (stmt == NULL)
    return FALSE;
  hmr_bind_text (stmt, 1, change->table);
  hmr_bind_text (stmt, 2, change->pk);
  hmr_bind_text (stmt, 3, column);
  hmr_bind_text (stmt, 4, stamp);
  return step_done (self, stmt, error);
}

static char *
field_stamp (HmrStore       *self,
             HmrSyncChange  *change,
             const char     *column,
             GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = hmr_store_prepare (self, "SELECT stamp FROM sync_field WHERE tbl = ?1 AND pk = ?2 AND col = ?3", error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, change->table);
  hmr_bind_text (stmt, 2, change->pk);
  hmr_bind_text (stmt, 3, column);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return hmr_column_dup_text (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_strdup ("");   /* never edited since it was created: the earliest */
}

static gint64
variant_int (GVariant *v)
{
  g_autofree char *text = hmr_sync_variant_to_text (v);
  return text ? g_ascii_strtoll (text, NULL, 10) : 0;
}

static gboolean
apply_update (HmrStore             *self,
              const HmrSyncColumns *info,
              HmrSyncChange        *change,
              guint                *n_conflicts,
              GError              **error)
{
  g_autofree char *where = pk_where (info, 1);
  g_autoptr(GString) select = g_string_new ("SELECT ");
  g_autoptr(GString) update = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) current = NULL;
  g_autoptr(sqlite3_stmt) write = NULL;
  g_autoptr(GPtrArray) set_values = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autoptr(GVariant) version_before = NULL;
  g_autoptr(GVariant) version_here = NULL;
  g_autoptr(GVariant) archived_here = NULL;
  gboolean edits_fields = FALSE;
  gboolean archives = FALSE;
  GVariantIter iter;
  const char *name;
  GVariant *before, *after;
  int rc, col;

  /* This installation's values of the columns the change names, and of
   * version and deleted_at (archive against edit) */
  g_variant_iter_init (&iter, change->cols);
  col = 0;
  while (g_variant_iter_next (&iter, "(&s@mv@mv)", &name, NULL, NULL))
    g_string_append_printf (select, "%s%s", col++ ? ", " : "", name);
  g_string_append_printf (select, ", version, deleted_at FROM %s WHERE %s", change->table, where);
  current = hmr_store_prepare (self, select->str, NULL);
  if (current == NULL)
    {
      /* a table without version or deleted_at */
      g_string_truncate (select, 0);
      g_string_append (select, "SELECT ");
      g_variant_iter_init (&iter, change->cols);
      col = 0;
      while (g_variant_iter_next (&iter, "(&s@mv@mv)", &name, NULL, NULL))
        g_string_append_printf (select, "%s%s", col++ ? ", " : "", name);
      g_string_append_printf (select, ", NULL, NULL FROM %s WHERE %s", change->table, where);
      current = hmr_store_prepare (self, select->str, error);
      if (current == NULL)
        return FALSE;
    }
  bind_pk (info, current, 1, change);
  rc = sqlite3_step (current);
  if (rc == SQLITE_DONE)
    return TRUE;   /* not held here (another office's record): nothing to merge */
  if (rc != SQLITE_ROW)
    return hmr_store_set_sqlite_error (self, rc, error);
  version_here = g_variant_ref_sink (hmr_sync_column_to_variant (current, col));
  archived_here = g_variant_ref_sink (hmr_sync_column_to_variant (current, col + 1));

  g_string_append_printf (update, "UPDATE %s SET ", change->table);
  g_variant_iter_init (&iter, change->cols);
  col = -1;
  while (g_variant_iter_next (&iter, "(&s@mv@mv)", &name, &before, &after))
    {
      g_autoptr(GVariant) old = before;
      g_autoptr(GVariant) new = after;
      g_autoptr(GVariant) here = NULL;
      g_autofree char *here_stamp = NULL;
      gboolean incoming_wins;
      const char *rule = "later-edit";
      int idx = -1;

      col++;
      for (guint i = 0; i < info->n; i++)
        if (g_str_equal (info->names[i], name))
          idx = i;
      if (info->pk[idx] > 0)
        continue;
      here = g_variant_ref_sink (hmr_sync_column_to_variant (current, col));

      if (g_str_equal (name, "version"))
        {
          version_before = g_variant_ref (old);
          if (variant_int (new) > variant_int (here))
            {
              g_string_append_printf (update, "%s%s = ?%u", set_values->len ? ", " : "", name,
                                      set_values->len + 1);
              g_ptr_array_add (set_values, g_variant_ref (new));
            }
          continue;
        }
      if (g_str_equal (name, "deleted_at"))
        archives = g_variant_n_children (new) > 0 && g_variant_n_children (old) == 0;
      else if (!is_bookkeeping (name))
        edits_fields = TRUE;

      here_stamp = field_stamp (self, change, name, error);
      if (here_stamp == NULL)
        return FALSE;
      if (hmr_sync_variant_equal (here, new))
        {
          if (!set_field_stamp (self, change, name, change->stamp, error))
            return FALSE;
          continue;
        }
      if (hmr_sync_variant_equal (here, old))
        incoming_wins = TRUE;   /* one edit after the other */
      else
        {
          g_autofree char *state_new = hmr_sync_variant_to_text (new);
          g_autofree char *state_here = hmr_sync_variant_to_text (here);
          int rank_new = hmr_sync_state_rank (change->table, name, state_new);
          int rank_here = hmr_sync_state_rank (change->table, name, state_here);

          if (rank_new >= 0 && rank_here >= 0 && rank_new != rank_here)
            {
              incoming_wins = rank_new > rank_here;
              rule = "workflow";
            }
          else
            incoming_wins = strcmp (change->stamp, here_stamp) > 0;

          if (!is_bookkeeping (name))
            {
              g_autofree char *here_origin = stamp_origin (here_stamp);
              gboolean ok;

              if (incoming_wins)
                ok = record_conflict (self, change, name, new, here, change->stamp, here_stamp,
                                      here_origin, rule, n_conflicts, error);
              else
                ok = record_conflict (self, change, name, here, new, here_stamp, change->stamp,
                                      change->origin, rule, n_conflicts, error);
              if (!ok)
                return FALSE;
            }
        }
      if (incoming_wins)
        {
          g_string_append_printf (update, "%s%s = ?%u", set_values->len ? ", " : "", name, set_values->len + 1);
          g_ptr_array_add (set_values, g_variant_ref (new));
          if (!set_field_stamp (self, change, name, change->stamp, error))
            return FALSE;
        }
    }

  /* Archive against edit: both stay, and a supervisor hears of it */
  if (version_before != NULL && !hmr_sync_variant_equal (version_before, version_here) &&
      ((archives && TRUE) || (edits_fields && g_variant_n_children (archived_here) > 0)))
    {
      g_autoptr(GVariant) none = g_variant_ref_sink (hmr_sync_value_to_variant (NULL));
      g_autoptr(GVariant) when = archives ? hmr_sync_cols_lookup (change->cols, "deleted_at", 2)
                                          : g_variant_ref (archived_here);

      if (!record_conflict (self, change, "deleted_at", when, none, NULL, change->stamp,
                            change->origin, "archive-vs-edit", n_conflicts, error))
        return FALSE;
    }

  if (set_values->len == 0)
    return TRUE;
  g_clear_pointer (&where, g_free);
  where = pk_where (info, set_values->len + 1);
  g_string_append_printf (update, " WHERE %s", where);
  write = hmr_store_prepare (self, update->str, error);
  if (write == NULL)
    return FALSE;
  for (guint i = 0; i < set_values->len; i++)
    hmr_sync_bind_variant (write, i + 1, g_ptr_array_index (set_values, i));
  bind_pk (info, write, set_values->len + 1, change);
  return step_done (self, write, error);
}

/**
 * hmr_store_sync_apply_change:
 * @n_conflicts: (inout): counts the conflict records written
 *
 * Inside the receiving transaction.  A change the database refuses is
 * rolled back on its own and kept as a conflict; anything else that fails
 * fails the whole bundle.
 */
gboolean
hmr_store_sync_apply_change (HmrStore       *self,
                             HmrSyncChange  *change,
                             guint          *n_conflicts,
                             GError        **error)
{
  const HmrSyncTable *table = hmr_sync_table_lookup (change->table);
  const HmrSyncColumns *info;
  g_autoptr(GError) refused = NULL;
  gboolean ok;

  if (table == NULL)
    {
      g_set_error (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_BAD_FILE,
                   _("A change names a table “%s” that does not travel between installations."),
                   change->table);
      return FALSE;
    }
  info = hmr_store_sync_columns (self, change->table, error);
  if (info == NULL || !check_columns (self, info, change, error))
    return FALSE;

  if (!hmr_store_exec (self, "SAVEPOINT sync_change", error))
    return FALSE;
  switch (change->op)
    {
    case SQLITE_INSERT:
      ok = apply_insert (self, info, change, &refused);
      break;
    case SQLITE_DELETE:
      ok = apply_delete (self, info, change, &refused);
      break;
    case SQLITE_UPDATE:
      ok = apply_update (self, info, change, n_conflicts, &refused);
      break;
    default:
      g_set_error (error, HMR_SYNC_ERROR, HMR_SYNC_ERROR_BAD_FILE,
                   _("A change of “%s” is of an unknown kind."), change->table);
      return FALSE;
    }
  if (!ok)
    {
      g_autoptr(GVariant) lost = NULL;
      g_autofree char *printed = g_variant_print (change->cols, FALSE);

      /* Only the database's own rules refuse a change: anything else is
       * the disk or a mistake, and stops the bundle */
      if (!g_error_matches (refused, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID))
        {
          g_propagate_error (error, g_steal_pointer (&refused));
          return FALSE;
        }
      if (!hmr_store_exec (self, "ROLLBACK TO sync_change", error))
        return FALSE;
      lost = g_variant_ref_sink (g_variant_new_maybe (G_VARIANT_TYPE_VARIANT,
                                                      g_variant_new_variant (g_variant_new_string (printed))));
      if (!record_conflict (self, change, "*", NULL, lost, NULL, change->stamp, change->origin,
                            "refused", n_conflicts, error))
        return FALSE;
    }
  return hmr_store_exec (self, "RELEASE sync_change", error);
}
