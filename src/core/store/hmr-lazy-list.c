/* hmr-lazy-list.c
 *
 * The base of Hamroh's long lists (the Beneficiaries registry, the referral
 * board).  It holds the row ids of one SQL query and loads the rows a view
 * asks for a page at a time, keeping only the few pages last used: at a
 * million beneficiaries the list must not hold a million rows.
 *
 * Memory is the point, so the ids are kept in four bytes each whenever
 * they fit (SQLite's row ids are small positive numbers in practice), in
 * an array of exactly their number, and the cache holds MAX_PAGES pages of
 * PAGE_SIZE rows: a few screens, whatever the length of the list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-lazy-list.h"

#define PAGE_SIZE HMR_LAZY_LIST_PAGE_SIZE
/* A tall window shows about 30 rows and GTK keeps a few screens of row
 * widgets around them: eight pages (512 rows) cover that with room for
 * going back and forth */
#define MAX_PAGES 8

typedef struct
{
  guint      page;
  guint64    used;    /* when last asked for, for dropping the oldest */
  GPtrArray *rows;    /* NULL: an empty slot */
} CachedPage;

typedef struct
{
  guint      n_ids;
  guint32   *ids32;   /* the ids when they all fit in 32 bits, */
  gint64    *ids64;   /* or else these */
  CachedPage cache[MAX_PAGES];
  guint64    clock;
} HmrLazyListPrivate;

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (HmrLazyList, hmr_lazy_list, G_TYPE_OBJECT,
                                  G_ADD_PRIVATE (HmrLazyList)
                                  G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
clear_cache (HmrLazyListPrivate *priv,
             guint               from_page)
{
  for (guint i = 0; i < MAX_PAGES; i++)
    if (priv->cache[i].rows != NULL && priv->cache[i].page >= from_page)
      g_clear_pointer (&priv->cache[i].rows, g_ptr_array_unref);
}

static void
hmr_lazy_list_finalize (GObject *object)
{
  HmrLazyListPrivate *priv = hmr_lazy_list_get_instance_private (HMR_LAZY_LIST (object));

  clear_cache (priv, 0);
  g_free (priv->ids32);
  g_free (priv->ids64);

  G_OBJECT_CLASS (hmr_lazy_list_parent_class)->finalize (object);
}

static void
hmr_lazy_list_class_init (HmrLazyListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hmr_lazy_list_finalize;
  klass->item_type = G_TYPE_OBJECT;
}

static void
hmr_lazy_list_init (HmrLazyList *self)
{
}

static GType
get_item_type (GListModel *model)
{
  return HMR_LAZY_LIST_GET_CLASS (model)->item_type;
}

static guint
get_n_items (GListModel *model)
{
  HmrLazyListPrivate *priv = hmr_lazy_list_get_instance_private (HMR_LAZY_LIST (model));

  return priv->n_ids;
}

static inline gint64
id_at (HmrLazyListPrivate *priv,
       guint               position)
{
  return priv->ids32 != NULL ? (gint64) priv->ids32[position] : priv->ids64[position];
}

static GPtrArray *
load_page (HmrLazyList *self,
           guint        page)
{
  HmrLazyListPrivate *priv = hmr_lazy_list_get_instance_private (self);
  HmrLazyListClass *klass = HMR_LAZY_LIST_GET_CLASS (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 ids[PAGE_SIZE] = { 0 };
  GPtrArray *slots;
  CachedPage *slot;
  guint start = page * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, priv->n_ids - start);

  for (guint i = 0; i < n; i++)
    ids[i] = id_at (priv, start + i);
  rows = klass->load_rows (self, ids, n, &error);
  if (rows == NULL)
    {
      g_warning ("Could not load the rows of a list: %s", error->message);
      rows = g_ptr_array_new_with_free_func (g_object_unref);
    }

  /* Map back to positions: a row deleted meanwhile becomes a blank row
   * rather than shifting every row after it */
  slots = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0, j = 0; i < n; i++)
    {
      gpointer row = j < rows->len ? g_ptr_array_index (rows, j) : NULL;

      if (row != NULL && klass->get_rowid (row) == ids[i])
        {
          g_ptr_array_add (slots, g_object_ref (row));
          j++;
        }
      else
        g_ptr_array_add (slots, klass->make_blank (self, ids[i]));
    }

  /* Into an empty slot, or the one used longest ago */
  slot = &priv->cache[0];
  for (guint i = 0; i < MAX_PAGES; i++)
    {
      if (priv->cache[i].rows == NULL)
        {
          slot = &priv->cache[i];
          break;
        }
      if (priv->cache[i].used < slot->used)
        slot = &priv->cache[i];
    }
  g_clear_pointer (&slot->rows, g_ptr_array_unref);
  slot->page = page;
  slot->rows = slots;
  slot->used = ++priv->clock;
  return slots;
}

static GPtrArray *
find_page (HmrLazyListPrivate *priv,
           guint               page)
{
  for (guint i = 0; i < MAX_PAGES; i++)
    if (priv->cache[i].rows != NULL && priv->cache[i].page == page)
      {
        priv->cache[i].used = ++priv->clock;
        return priv->cache[i].rows;
      }
  return NULL;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  HmrLazyList *self = HMR_LAZY_LIST (model);
  HmrLazyListPrivate *priv = hmr_lazy_list_get_instance_private (self);
  GPtrArray *rows;

  if (position >= priv->n_ids)
    return NULL;
  rows = find_page (priv, position / PAGE_SIZE);
  if (rows == NULL)
    rows = load_page (self, position / PAGE_SIZE);
  return g_object_ref (g_ptr_array_index (rows, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* Whether @ids begins with the list's current ids */
static gboolean
starts_with_current (HmrLazyListPrivate *priv,
                     GArray             *ids)
{
  if (priv->n_ids == 0 || ids->len < priv->n_ids)
    return FALSE;
  for (guint i = 0; i < priv->n_ids; i++)
    if (g_array_index (ids, gint64, i) != id_at (priv, i))
      return FALSE;
  return TRUE;
}

static void
take_ids (HmrLazyList *self,
          GArray      *ids,
          gboolean     may_append)
{
  HmrLazyListPrivate *priv = hmr_lazy_list_get_instance_private (self);
  guint old_len = priv->n_ids;
  guint keep;
  gint64 max = 0;
  gint64 min = 0;

  keep = may_append && starts_with_current (priv, ids) ? old_len : 0;
  /* The pages of the rows kept stay loaded, but the last one may have
   * been cut short by the end of the old list */
  clear_cache (priv, keep / PAGE_SIZE);

  for (guint i = 0; i < ids->len; i++)
    {
      max = MAX (max, g_array_index (ids, gint64, i));
      min = MIN (min, g_array_index (ids, gint64, i));
    }
  g_clear_pointer (&priv->ids32, g_free);
  g_clear_pointer (&priv->ids64, g_free);
  priv->n_ids = ids->len;
  if (min >= 0 && max <= G_MAXUINT32)
    {
      priv->ids32 = g_new (guint32, MAX (ids->len, 1));
      for (guint i = 0; i < ids->len; i++)
        priv->ids32[i] = (guint32) g_array_index (ids, gint64, i);
    }
  else
    priv->ids64 = g_memdup2 (ids->data, MAX (ids->len, 1) * sizeof (gint64));
  g_array_unref (ids);

  /* A new query is announced even when its rows are the same, so that
   * what shows the query (a count, "no results") follows */
  if (!may_append || old_len - keep > 0 || priv->n_ids - keep > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), keep, old_len - keep, priv->n_ids - keep);
}

/**
 * hmr_lazy_list_take_ids:
 * @ids: (transfer full) (element-type gint64): the row ids of the list, in
 *   order
 *
 * Shows @ids, the result of a new query, with one items-changed.
 */
void
hmr_lazy_list_take_ids (HmrLazyList *self,
                        GArray      *ids)
{
  g_return_if_fail (HMR_IS_LAZY_LIST (self));
  g_return_if_fail (ids != NULL);
  g_return_if_fail (g_array_get_element_size (ids) == sizeof (gint64));

  take_ids (self, ids, FALSE);
}

/**
 * hmr_lazy_list_take_rest:
 * @ids: (transfer full) (element-type gint64): all the row ids of the
 *   query whose first rows the list shows
 *
 * Completes a list that was shown from its first rows only (a LIMIT query,
 * for a first screen at once): when @ids begin with those rows, they stay
 * as they are and only the new ones are announced; when the store changed
 * meanwhile, the whole list is replaced.
 */
void
hmr_lazy_list_take_rest (HmrLazyList *self,
                         GArray      *ids)
{
  g_return_if_fail (HMR_IS_LAZY_LIST (self));
  g_return_if_fail (ids != NULL);
  g_return_if_fail (g_array_get_element_size (ids) == sizeof (gint64));

  take_ids (self, ids, TRUE);
}

/**
 * hmr_lazy_list_get_id:
 *
 * Returns: the row id at @position, or 0 past the end
 */
gint64
hmr_lazy_list_get_id (HmrLazyList *self,
                      guint        position)
{
  HmrLazyListPrivate *priv;

  g_return_val_if_fail (HMR_IS_LAZY_LIST (self), 0);

  priv = hmr_lazy_list_get_instance_private (self);
  return position < priv->n_ids ? id_at (priv, position) : 0;
}

/**
 * hmr_lazy_list_peek_loaded:
 *
 * Returns: (transfer none) (nullable): the row at @position when its page
 *   is loaded, without loading it
 */
gpointer
hmr_lazy_list_peek_loaded (HmrLazyList *self,
                           guint        position)
{
  HmrLazyListPrivate *priv;

  g_return_val_if_fail (HMR_IS_LAZY_LIST (self), NULL);

  priv = hmr_lazy_list_get_instance_private (self);
  if (position >= priv->n_ids)
    return NULL;
  for (guint i = 0; i < MAX_PAGES; i++)
    if (priv->cache[i].rows != NULL && priv->cache[i].page == position / PAGE_SIZE)
      return g_ptr_array_index (priv->cache[i].rows, position % PAGE_SIZE);
  return NULL;
}

guint
hmr_lazy_list_get_n_loaded_pages (HmrLazyList *self)
{
  HmrLazyListPrivate *priv;
  guint n = 0;

  g_return_val_if_fail (HMR_IS_LAZY_LIST (self), 0);

  priv = hmr_lazy_list_get_instance_private (self);
  for (guint i = 0; i < MAX_PAGES; i++)
    n += priv->cache[i].rows != NULL;
  return n;
}

/* The most pages a list keeps loaded */
guint
hmr_lazy_list_get_max_pages (void)
{
  return MAX_PAGES;
}

/* The bytes the list spends on its ids: four or eight a row */
gsize
hmr_lazy_list_get_id_bytes (HmrLazyList *self)
{
  HmrLazyListPrivate *priv;

  g_return_val_if_fail (HMR_IS_LAZY_LIST (self), 0);

  priv = hmr_lazy_list_get_instance_private (self);
  return (gsize) priv->n_ids * (priv->ids32 != NULL ? sizeof (guint32) : sizeof (gint64));
}
