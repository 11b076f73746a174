/* hmr-referral-board.c
 *
 * Like HmrBeneficiaryList: the model holds the row ids of one SQL query
 * and loads the visible rows in pages, keeping a bounded number of pages.
 * Filtering and the overdue-first order happen in SQL.  Each reload also
 * counts the referrals per status for the board's header.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hmr-referral-board.h"

#define PAGE_SIZE 64
#define MAX_PAGES 32

struct _HmrReferralBoard
{
  GObject            parent_instance;
  HmrStore          *store;
  HmrActor          *actor;
  HmrReferralQuery   query;
  char              *strings[6];   /* the query's own copies */
  HmrReferralCounts  counts;
  GArray            *ids;
  GHashTable        *pages;        /* page number -> GPtrArray of HmrReferralRow */
  GQueue             page_order;   /* oldest first */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HmrReferralBoard, hmr_referral_board, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
hmr_referral_board_finalize (GObject *object)
{
  HmrReferralBoard *self = HMR_REFERRAL_BOARD (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, hmr_actor_free);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_queue_clear (&self->page_order);
  for (guint i = 0; i < G_N_ELEMENTS (self->strings); i++)
    g_free (self->strings[i]);

  G_OBJECT_CLASS (hmr_referral_board_parent_class)->finalize (object);
}

static void
hmr_referral_board_class_init (HmrReferralBoardClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hmr_referral_board_finalize;
}

static void
hmr_referral_board_init (HmrReferralBoard *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->page_order);
}

static GType
get_item_type (GListModel *model)
{
  return HMR_TYPE_REFERRAL_ROW;
}

static guint
get_n_items (GListModel *model)
{
  return HMR_REFERRAL_BOARD (model)->ids->len;
}

static GPtrArray *
load_page (HmrReferralBoard *self,
           guint             page)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;
  GPtrArray *slots;
  guint start = page * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->ids->len - start);

  rows = hmr_store_load_referral_rows (self->store, self->actor,
                                       &g_array_index (self->ids, gint64, start), n, &error);
  if (rows == NULL)
    {
      g_warning ("Could not load referrals: %s", error->message);
      rows = g_ptr_array_new_with_free_func (g_object_unref);
    }

  /* A row gone meanwhile becomes a blank row rather than shifting the rest */
  slots = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0, j = 0; i < n; i++)
    {
      gint64 want = g_array_index (self->ids, gint64, start + i);
      HmrReferralRow *row = j < rows->len ? g_ptr_array_index (rows, j) : NULL;

      if (row != NULL && hmr_referral_row_get_rowid (row) == want)
        {
          g_ptr_array_add (slots, g_object_ref (row));
          j++;
        }
      else
        g_ptr_array_add (slots, hmr_referral_row_new (want));
    }
  g_ptr_array_unref (rows);

  if (g_queue_get_length (&self->page_order) >= MAX_PAGES)
    {
      gpointer oldest = g_queue_pop_head (&self->page_order);
      g_hash_table_remove (self->pages, oldest);
    }
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), slots);
  g_queue_push_tail (&self->page_order, GUINT_TO_POINTER (page));
  return slots;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  HmrReferralBoard *self = HMR_REFERRAL_BOARD (model);
  GPtrArray *slots;
  guint page;

  if (position >= self->ids->len)
    return NULL;
  page = position / PAGE_SIZE;
  slots = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (slots == NULL)
    slots = load_page (self, page);
  return g_object_ref (g_ptr_array_index (slots, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/**
 * hmr_referral_board_new:
 *
 * An empty board; set a query (or reload) to fill it.
 */
HmrReferralBoard *
hmr_referral_board_new (HmrStore       *store,
                        const HmrActor *actor)
{
  HmrReferralBoard *self;

  g_return_val_if_fail (HMR_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  self = g_object_new (HMR_TYPE_REFERRAL_BOARD, NULL);
  self->store = g_object_ref (store);
  self->actor = hmr_actor_copy (actor);
  return self;
}

/* Runs the query again (after a change, or the next day) */
gboolean
hmr_referral_board_reload (HmrReferralBoard  *self,
                           GError           **error)
{
  HmrReferralCounts counts;
  GArray *ids;
  guint old_len;

  g_return_val_if_fail (HMR_IS_REFERRAL_BOARD (self), FALSE);

  if (!hmr_store_count_referrals (self->store, self->actor, &self->query, &counts, error))
    return FALSE;
  ids = hmr_store_query_referral_ids (self->store, self->actor, &self->query, NULL, error);
  if (ids == NULL)
    return FALSE;

  self->counts = counts;
  old_len = self->ids->len;
  g_array_unref (self->ids);
  self->ids = ids;
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->page_order);
  if (old_len > 0 || ids->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, ids->len);
  return TRUE;
}

gboolean
hmr_referral_board_set_query (HmrReferralBoard        *self,
                              const HmrReferralQuery  *query,
                              GError                 **error)
{
  const char **fields[G_N_ELEMENTS (self->strings)];

  g_return_val_if_fail (HMR_IS_REFERRAL_BOARD (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  self->query = *query;
  fields[0] = &self->query.district;
  fields[1] = &self->query.provider_id;
  fields[2] = &self->query.service_type;
  fields[3] = &self->query.caseworker_id;
  fields[4] = &self->query.status;
  fields[5] = &self->query.beneficiary_id;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      char *copy = g_strdup (*fields[i]);
      g_free (self->strings[i]);
      self->strings[i] = copy;
      *fields[i] = copy;
    }
  return hmr_referral_board_reload (self, error);
}

const HmrReferralQuery *
hmr_referral_board_get_query (HmrReferralBoard *self)
{
  g_return_val_if_fail (HMR_IS_REFERRAL_BOARD (self), NULL);
  return &self->query;
}

/* The counts per status of the last (re)load, with every status */
const HmrReferralCounts *
hmr_referral_board_get_counts (HmrReferralBoard *self)
{
  g_return_val_if_fail (HMR_IS_REFERRAL_BOARD (self), NULL);
  return &self->counts;
}
