/* hmr-beneficiary-list.c
 *
 * The model holds the row ids of one SQL query (eight bytes a row) and
 * loads the visible rows from the store in pages, keeping a bounded number
 * of pages.  Sorting and filtering happen in SQL.  A new query replaces the
 * contents with a single items-changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hmr-beneficiary-list.h"

#define PAGE_SIZE 64
#define MAX_PAGES 32

struct _HmrBeneficiaryList
{
  GObject              parent_instance;
  HmrStore            *store;
  HmrActor            *actor;
  HmrBeneficiaryQuery  query;
  char                *district;
  char                *category;
  char                *text;
  char                *stage;
  char                *case_status;
  char                *owner_id;
  char                *risk;
  GArray              *ids;
  GHashTable          *pages;      /* page number -> GPtrArray of HmrBeneficiary */
  GQueue               page_order; /* oldest first, GUINT_TO_POINTER (page) */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HmrBeneficiaryList, hmr_beneficiary_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
hmr_beneficiary_list_finalize (GObject *object)
{
  HmrBeneficiaryList *self = HMR_BENEFICIARY_LIST (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, hmr_actor_free);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_queue_clear (&self->page_order);
  g_free (self->district);
  g_free (self->category);
  g_free (self->text);
  g_free (self->stage);
  g_free (self->case_status);
  g_free (self->owner_id);
  g_free (self->risk);

  G_OBJECT_CLASS (hmr_beneficiary_list_parent_class)->finalize (object);
}

static void
hmr_beneficiary_list_class_init (HmrBeneficiaryListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hmr_beneficiary_list_finalize;
}

static void
hmr_beneficiary_list_init (HmrBeneficiaryList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->page_order);
}

static GType
get_item_type (GListModel *model)
{
  return HMR_TYPE_BENEFICIARY;
}

static guint
get_n_items (GListModel *model)
{
  return HMR_BENEFICIARY_LIST (model)->ids->len;
}

static GPtrArray *
load_page (HmrBeneficiaryList *self,
           guint               page)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;
  GPtrArray *slots;
  guint start = page * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->ids->len - start);

  rows = hmr_store_load_beneficiaries (self->store, self->actor,
                                       &g_array_index (self->ids, gint64, start), n, &error);
  if (rows == NULL)
    {
      g_warning ("Could not load beneficiaries: %s", error->message);
      rows = g_ptr_array_new_with_free_func (g_object_unref);
    }

  /* Map back to positions: a row deleted meanwhile becomes a blank record
   * rather than shifting every row after it */
  slots = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0, j = 0; i < n; i++)
    {
      gint64 want = g_array_index (self->ids, gint64, start + i);
      HmrBeneficiary *b = j < rows->len ? g_ptr_array_index (rows, j) : NULL;

      if (b != NULL && hmr_beneficiary_get_rowid (b) == want)
        {
          g_ptr_array_add (slots, g_object_ref (b));
          j++;
        }
      else
        {
          HmrBeneficiary *blank = hmr_beneficiary_new ();
          hmr_beneficiary_set_rowid (blank, want);
          g_ptr_array_add (slots, blank);
        }
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
  HmrBeneficiaryList *self = HMR_BENEFICIARY_LIST (model);
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

HmrBeneficiaryList *
hmr_beneficiary_list_new (HmrStore       *store,
                          const HmrActor *actor)
{
  HmrBeneficiaryList *self;

  g_return_val_if_fail (HMR_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  self = g_object_new (HMR_TYPE_BENEFICIARY_LIST, NULL);
  self->store = g_object_ref (store);
  self->actor = hmr_actor_copy (actor);
  return self;
}

static void
replace_ids (HmrBeneficiaryList *self,
             GArray             *ids)
{
  guint old_len = self->ids->len;

  g_array_unref (self->ids);
  self->ids = ids;
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->page_order);
  if (old_len > 0 || ids->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, ids->len);
}

gboolean
hmr_beneficiary_list_reload (HmrBeneficiaryList  *self,
                             GError             **error)
{
  GArray *ids;

  g_return_val_if_fail (HMR_IS_BENEFICIARY_LIST (self), FALSE);

  ids = hmr_store_query_beneficiary_ids (self->store, self->actor, &self->query, NULL, error);
  if (ids == NULL)
    return FALSE;
  replace_ids (self, ids);
  return TRUE;
}

static void
copy_query (HmrBeneficiaryList        *self,
            const HmrBeneficiaryQuery *query)
{
  g_free (self->district);
  g_free (self->category);
  g_free (self->text);
  g_free (self->stage);
  g_free (self->case_status);
  g_free (self->owner_id);
  g_free (self->risk);
  self->query = *query;
  self->district = g_strdup (query->district);
  self->category = g_strdup (query->category);
  self->text = g_strdup (query->text);
  self->stage = g_strdup (query->stage);
  self->case_status = g_strdup (query->case_status);
  self->owner_id = g_strdup (query->owner_id);
  self->risk = g_strdup (query->risk);
  self->query.district = self->district;
  self->query.category = self->category;
  self->query.text = self->text;
  self->query.stage = self->stage;
  self->query.case_status = self->case_status;
  self->query.owner_id = self->owner_id;
  self->query.risk = self->risk;
}

/**
 * hmr_beneficiary_list_take_ids:
 * @query: the query that gave @ids
 * @ids: (transfer full) (element-type gint64): its row ids, in order
 *
 * Shows the result of a query run elsewhere (in a thread), with one
 * items-changed.
 */
void
hmr_beneficiary_list_take_ids (HmrBeneficiaryList        *self,
                               const HmrBeneficiaryQuery *query,
                               GArray                    *ids)
{
  g_return_if_fail (HMR_IS_BENEFICIARY_LIST (self));
  g_return_if_fail (query != NULL);
  g_return_if_fail (ids != NULL);

  copy_query (self, query);
  replace_ids (self, ids);
}

HmrStore *
hmr_beneficiary_list_get_store (HmrBeneficiaryList *self)
{
  g_return_val_if_fail (HMR_IS_BENEFICIARY_LIST (self), NULL);
  return self->store;
}

const HmrActor *
hmr_beneficiary_list_get_actor (HmrBeneficiaryList *self)
{
  g_return_val_if_fail (HMR_IS_BENEFICIARY_LIST (self), NULL);
  return self->actor;
}

const HmrBeneficiaryQuery *
hmr_beneficiary_list_get_query (HmrBeneficiaryList *self)
{
  g_return_val_if_fail (HMR_IS_BENEFICIARY_LIST (self), NULL);
  return &self->query;
}

gboolean
hmr_beneficiary_list_set_query (HmrBeneficiaryList        *self,
                                const HmrBeneficiaryQuery *query,
                                GError                   **error)
{
  g_return_val_if_fail (HMR_IS_BENEFICIARY_LIST (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  copy_query (self, query);
  return hmr_beneficiary_list_reload (self, error);
}

guint
hmr_beneficiary_list_find (HmrBeneficiaryList *self,
                           const char         *id)
{
  guint n = self->ids->len;

  /* Only looks in the pages already loaded */
  for (guint i = 0; i < n; i++)
    {
      GPtrArray *slots = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (i / PAGE_SIZE));
      if (slots == NULL)
        {
          i = (i / PAGE_SIZE + 1) * PAGE_SIZE - 1;
          continue;
        }
      if (g_strcmp0 (hmr_beneficiary_get (g_ptr_array_index (slots, i % PAGE_SIZE),
                                          HMR_BENEFICIARY_ID), id) == 0)
        return i;
    }
  return G_MAXUINT;
}

guint
hmr_beneficiary_list_get_n_loaded_pages (HmrBeneficiaryList *self)
{
  return g_hash_table_size (self->pages);
}
