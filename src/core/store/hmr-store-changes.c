/* hmr-store-changes.c — the store announces every committed change
 *
 * Each audit row that records a change (not a look, an export or a
 * printout) adds one change to its connection's pending set, with the
 * beneficiary the record belongs to, read inside the same transaction.  A
 * commit hands the pending set over; a rollback drops it.
 *
 * Connections to one file opened from one another (hmr_store_open_sibling(),
 * the workers) share one HmrStoreNotices: the hub that knows the main
 * context and the store that announces.  A commit on the announcing store,
 * in its own thread, is announced at once; a commit on any other connection
 * is queued, and the queue is announced from an idle on the main context,
 * one notice for everything that arrived meanwhile.  Between
 * hmr_store_begin_batch() and hmr_store_end_batch() the commits of a
 * connection are held and announced as one.  A set of more than
 * MAX_LISTED changes keeps only their kinds: a view reloads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-store-private.h"

#define MAX_LISTED 1024

/* ---- HmrChangeSet ------------------------------------------------------ */

typedef struct
{
  char *kind;
  char *id;
  char *beneficiary_id;
} Change;

struct _HmrChangeSet
{
  gint        ref_count;
  GArray     *changes;   /* of Change */
  GHashTable *kinds;     /* every kind, also of changes no longer listed */
  gboolean    bulk;
};

G_DEFINE_BOXED_TYPE (HmrChangeSet, hmr_change_set, hmr_change_set_ref, hmr_change_set_unref)

static void
change_clear (gpointer data)
{
  Change *c = data;

  g_free (c->kind);
  g_free (c->id);
  g_free (c->beneficiary_id);
}

HmrChangeSet *
hmr_change_set_new (void)
{
  HmrChangeSet *self = g_new0 (HmrChangeSet, 1);

  self->ref_count = 1;
  self->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_array_set_clear_func (self->changes, change_clear);
  self->kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

HmrChangeSet *
hmr_change_set_ref (HmrChangeSet *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
hmr_change_set_unref (HmrChangeSet *self)
{
  if (self == NULL || !g_atomic_int_dec_and_test (&self->ref_count))
    return;
  g_array_unref (self->changes);
  g_hash_table_unref (self->kinds);
  g_free (self);
}

static void
make_bulk (HmrChangeSet *self)
{
  self->bulk = TRUE;
  g_array_set_size (self->changes, 0);
}

/**
 * hmr_change_set_add:
 * @id: (nullable): %NULL when many records of @kind changed at once
 * @beneficiary_id: (nullable): the beneficiary the record belongs to
 */
void
hmr_change_set_add (HmrChangeSet *self,
                    const char   *kind,
                    const char   *id,
                    const char   *beneficiary_id)
{
  Change c;

  g_return_if_fail (self != NULL && kind != NULL);

  if (!g_hash_table_contains (self->kinds, kind))
    g_hash_table_add (self->kinds, g_strdup (kind));
  if (self->bulk)
    return;
  if (id == NULL || self->changes->len >= MAX_LISTED)
    {
      make_bulk (self);
      return;
    }
  /* The same record twice in one set is one change */
  for (guint i = 0; i < self->changes->len; i++)
    {
      Change *o = &g_array_index (self->changes, Change, i);

      if (strcmp (o->id, id) == 0 && strcmp (o->kind, kind) == 0)
        return;
    }
  c.kind = g_strdup (kind);
  c.id = g_strdup (id);
  c.beneficiary_id = g_strdup (beneficiary_id);
  g_array_append_val (self->changes, c);
}

/* Adds every change of @other to @self */
void
hmr_change_set_merge (HmrChangeSet *self,
                      HmrChangeSet *other)
{
  GHashTableIter iter;
  gpointer kind;

  g_return_if_fail (self != NULL && other != NULL);

  g_hash_table_iter_init (&iter, other->kinds);
  while (g_hash_table_iter_next (&iter, &kind, NULL))
    if (!g_hash_table_contains (self->kinds, kind))
      g_hash_table_add (self->kinds, g_strdup (kind));
  if (other->bulk)
    make_bulk (self);
  for (guint i = 0; i < other->changes->len && !self->bulk; i++)
    {
      Change *c = &g_array_index (other->changes, Change, i);
      hmr_change_set_add (self, c->kind, c->id, c->beneficiary_id);
    }
}

/* The changes listed one by one: none when the set is bulk */
guint
hmr_change_set_get_n_changes (HmrChangeSet *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->changes->len;
}

const char *
hmr_change_set_get_kind (HmrChangeSet *self,
                         guint         index)
{
  g_return_val_if_fail (self != NULL && index < self->changes->len, NULL);
  return g_array_index (self->changes, Change, index).kind;
}

const char *
hmr_change_set_get_id (HmrChangeSet *self,
                       guint         index)
{
  g_return_val_if_fail (self != NULL && index < self->changes->len, NULL);
  return g_array_index (self->changes, Change, index).id;
}

const char *
hmr_change_set_get_beneficiary_id (HmrChangeSet *self,
                                   guint         index)
{
  g_return_val_if_fail (self != NULL && index < self->changes->len, NULL);
  return g_array_index (self->changes, Change, index).beneficiary_id;
}

/* Too many changes to list: a view that shows any of its kinds reloads */
gboolean
hmr_change_set_is_bulk (HmrChangeSet *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->bulk;
}

gboolean
hmr_change_set_is_empty (HmrChangeSet *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return g_hash_table_size (self->kinds) == 0;
}

gboolean
hmr_change_set_has_kind (HmrChangeSet *self,
                         const char   *kind)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return g_hash_table_contains (self->kinds, kind);
}

/**
 * hmr_change_set_has_any_kind:
 * @kinds: (array zero-terminated=1): kinds of record
 */
gboolean
hmr_change_set_has_any_kind (HmrChangeSet       *self,
                             const char * const *kinds)
{
  for (guint i = 0; kinds[i] != NULL; i++)
    if (hmr_change_set_has_kind (self, kinds[i]))
      return TRUE;
  return FALSE;
}

/* Whether anything in the set may have changed what a view of
 * @beneficiary_id shows: one of its records, or records nobody can name */
gboolean
hmr_change_set_concerns_beneficiary (HmrChangeSet *self,
                                     const char   *beneficiary_id)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->bulk)
    return TRUE;
  for (guint i = 0; i < self->changes->len; i++)
    {
      Change *c = &g_array_index (self->changes, Change, i);

      if (c->beneficiary_id == NULL || g_strcmp0 (c->beneficiary_id, beneficiary_id) == 0)
        return TRUE;
    }
  return FALSE;
}

/* ---- the hub shared by the connections to one file ---------------------- */

struct _HmrStoreNotices
{
  gint          ref_count;
  GMutex        lock;
  GMainContext *context;    /* where HmrStore::changed is emitted */
  GThread      *thread;     /* the thread that opened the announcing store */
  GWeakRef      announcer;  /* that store */
  HmrChangeSet *queued;     /* committed elsewhere, not yet announced */
  GSource      *idle;
};

HmrStoreNotices *
hmr_store_notices_new (HmrStore *announcer)
{
  HmrStoreNotices *hub = g_new0 (HmrStoreNotices, 1);

  hub->ref_count = 1;
  g_mutex_init (&hub->lock);
  hub->context = g_main_context_ref_thread_default ();
  hub->thread = g_thread_self ();
  g_weak_ref_init (&hub->announcer, announcer);
  return hub;
}

HmrStoreNotices *
hmr_store_notices_ref (HmrStoreNotices *hub)
{
  g_atomic_int_inc (&hub->ref_count);
  return hub;
}

void
hmr_store_notices_unref (HmrStoreNotices *hub)
{
  if (hub == NULL || !g_atomic_int_dec_and_test (&hub->ref_count))
    return;
  if (hub->idle != NULL)
    {
      g_source_destroy (hub->idle);
      g_source_unref (hub->idle);
    }
  g_clear_pointer (&hub->queued, hmr_change_set_unref);
  g_weak_ref_clear (&hub->announcer);
  g_main_context_unref (hub->context);
  g_mutex_clear (&hub->lock);
  g_free (hub);
}

static void
announce (HmrStore     *store,
          HmrChangeSet *set)
{
  if (store != NULL && !hmr_change_set_is_empty (set))
    g_signal_emit_by_name (store, "changed", set);
}

static gboolean
announce_queued (gpointer data)
{
  HmrStoreNotices *hub = data;
  g_autoptr(HmrChangeSet) set = NULL;
  g_autoptr(HmrStore) store = NULL;

  g_mutex_lock (&hub->lock);
  set = g_steal_pointer (&hub->queued);
  g_clear_pointer (&hub->idle, g_source_unref);
  g_mutex_unlock (&hub->lock);

  store = g_weak_ref_get (&hub->announcer);
  if (set != NULL)
    announce (store, set);
  return G_SOURCE_REMOVE;
}

/* Hands @set over to be announced: at once when @from is the announcing
 * store in its own thread, else from an idle on the main context */
static void
hub_post (HmrStoreNotices *hub,
          HmrStore        *from,
          HmrChangeSet    *set)
{
  g_autoptr(HmrStore) announcer = NULL;

  if (hmr_change_set_is_empty (set))
    return;
  if (g_thread_self () == hub->thread)
    {
      announcer = g_weak_ref_get (&hub->announcer);
      if (announcer == from)
        {
          announce (announcer, set);
          return;
        }
    }

  g_mutex_lock (&hub->lock);
  if (hub->queued == NULL)
    hub->queued = hmr_change_set_new ();
  hmr_change_set_merge (hub->queued, set);
  if (hub->idle == NULL)
    {
      hub->idle = g_idle_source_new ();
      g_source_set_priority (hub->idle, G_PRIORITY_DEFAULT);
      g_source_set_callback (hub->idle, announce_queued, hmr_store_notices_ref (hub),
                             (GDestroyNotify) hmr_store_notices_unref);
      g_source_set_static_name (hub->idle, "[hamroh] store changed");
      g_source_attach (hub->idle, hub->context);
    }
  g_mutex_unlock (&hub->lock);
}

/* ---- a connection's pending changes -------------------------------------- */

static gboolean
is_look_not_change (const char *action)
{
  static const char * const looks[] = {
    "view", "export", "print", "login", "login-attempt", "login-failed", "logout", "lock", "unlock",
    "verify", "backup", NULL
  };
  return action == NULL || g_strv_contains (looks, action);
}

/* The table an audit entity names, when it is not the entity itself */
static const char *
entity_table (const char *entity)
{
  static const struct { const char *entity, *table; } tables[] = {
    { "case", "case_file" },
    { "plan", "reintegration_plan" },
    { "grant", "reintegration_grant" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (strcmp (entity, tables[i].entity) == 0)
      return tables[i].table;
  return entity;
}

/* How to find a record's beneficiary: "b" (its beneficiary_id column), "c"
 * (its case_id's), "" (neither); cached per connection */
static const char *
beneficiary_route (HmrStore   *self,
                   const char *table)
{
  const char *route;
  gboolean has_b = FALSE, has_c = FALSE;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (self->beneficiary_routes == NULL)
    self->beneficiary_routes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  route = g_hash_table_lookup (self->beneficiary_routes, table);
  if (route != NULL)
    return route;

  stmt = hmr_store_prepare (self, "SELECT name FROM pragma_table_info (?)", NULL);
  if (stmt != NULL)
    {
      hmr_bind_text (stmt, 1, table);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *col = (const char *) sqlite3_column_text (stmt, 0);
          has_b |= g_strcmp0 (col, "beneficiary_id") == 0;
          has_c |= g_strcmp0 (col, "case_id") == 0;
        }
    }
  route = has_b ? "b" : has_c ? "c" : "";
  g_hash_table_insert (self->beneficiary_routes, g_strdup (table), (gpointer) route);
  return route;
}

static char *
find_beneficiary (HmrStore   *self,
                  const char *entity,
                  const char *id)
{
  const char *table = entity_table (entity);
  const char *route;
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (strcmp (entity, "beneficiary") == 0)
    return g_strdup (id);
  route = beneficiary_route (self, table);
  if (*route == 'b')
    sql = g_strdup_printf ("SELECT beneficiary_id FROM \"%s\" WHERE id = ?", table);
  else if (*route == 'c')
    sql = g_strdup_printf ("SELECT c.beneficiary_id FROM \"%s\" t JOIN case_file c ON c.id = t.case_id "
                           "WHERE t.id = ?", table);
  else
    return NULL;
  stmt = hmr_store_prepare (self, sql, NULL);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return hmr_column_dup_text (stmt, 0);
}

/* Called for every audit row appended inside a transaction */
void
hmr_store_note_change (HmrStore   *self,
                       const char *action,
                       const char *entity,
                       const char *entity_id)
{
  g_autofree char *beneficiary_id = NULL;

  if (entity == NULL || is_look_not_change (action))
    return;
  if (self->pending == NULL)
    self->pending = hmr_change_set_new ();
  if (entity_id != NULL && !hmr_change_set_is_bulk (self->pending))
    beneficiary_id = find_beneficiary (self, entity, entity_id);
  hmr_change_set_add (self->pending, entity, entity_id, beneficiary_id);
}

/* After COMMIT: the pending changes are announced (or held for the batch) */
void
hmr_store_changes_committed (HmrStore *self)
{
  g_autoptr(HmrChangeSet) set = g_steal_pointer (&self->pending);

  if (set == NULL)
    return;
  if (self->batch_depth > 0)
    {
      if (self->batch == NULL)
        self->batch = hmr_change_set_new ();
      hmr_change_set_merge (self->batch, set);
      return;
    }
  if (self->notices != NULL)
    hub_post (self->notices, self, set);
}

/* After ROLLBACK: nothing happened */
void
hmr_store_changes_rolled_back (HmrStore *self)
{
  g_clear_pointer (&self->pending, hmr_change_set_unref);
}

/**
 * hmr_store_begin_batch:
 *
 * From now until the matching hmr_store_end_batch(), the changes that
 * this connection commits are announced together, once, at the end: an
 * import or a received bundle is one notice, not one per row.  Batches
 * nest.
 */
void
hmr_store_begin_batch (HmrStore *self)
{
  g_return_if_fail (HMR_IS_STORE (self));
  self->batch_depth++;
}

void
hmr_store_end_batch (HmrStore *self)
{
  g_autoptr(HmrChangeSet) set = NULL;

  g_return_if_fail (HMR_IS_STORE (self));
  g_return_if_fail (self->batch_depth > 0);

  if (--self->batch_depth > 0)
    return;
  set = g_steal_pointer (&self->batch);
  if (set != NULL && self->notices != NULL)
    hub_post (self->notices, self, set);
}
