/* hmr-beneficiary-list.c
 *
 * The registry's list: an HmrLazyList (ids of one SQL query, rows loaded
 * in pages) of beneficiaries.  Sorting and filtering happen in SQL.  A new
 * query replaces the contents with a single items-changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hmr-beneficiary-list.h"

struct _HmrBeneficiaryList
{
  HmrLazyList          parent_instance;
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
};

G_DEFINE_FINAL_TYPE (HmrBeneficiaryList, hmr_beneficiary_list, HMR_TYPE_LAZY_LIST)

static void
hmr_beneficiary_list_finalize (GObject *object)
{
  HmrBeneficiaryList *self = HMR_BENEFICIARY_LIST (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, hmr_actor_free);
  g_free (self->district);
  g_free (self->category);
  g_free (self->text);
  g_free (self->stage);
  g_free (self->case_status);
  g_free (self->owner_id);
  g_free (self->risk);

  G_OBJECT_CLASS (hmr_beneficiary_list_parent_class)->finalize (object);
}

static GPtrArray *
load_rows (HmrLazyList  *list,
           const gint64 *ids,
           guint         n,
           GError      **error)
{
  HmrBeneficiaryList *self = HMR_BENEFICIARY_LIST (list);

  return hmr_store_load_beneficiaries (self->store, self->actor, ids, n, error);
}

static gpointer
make_blank (HmrLazyList *list,
            gint64       rowid)
{
  HmrBeneficiary *blank = hmr_beneficiary_new ();

  hmr_beneficiary_set_rowid (blank, rowid);
  return blank;
}

static gint64
get_rowid (gpointer row)
{
  return hmr_beneficiary_get_rowid (row);
}

static void
hmr_beneficiary_list_class_init (HmrBeneficiaryListClass *klass)
{
  HmrLazyListClass *lazy_class = HMR_LAZY_LIST_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = hmr_beneficiary_list_finalize;
  lazy_class->item_type = HMR_TYPE_BENEFICIARY;
  lazy_class->load_rows = load_rows;
  lazy_class->make_blank = make_blank;
  lazy_class->get_rowid = get_rowid;
}

static void
hmr_beneficiary_list_init (HmrBeneficiaryList *self)
{
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

gboolean
hmr_beneficiary_list_reload (HmrBeneficiaryList  *self,
                             GError             **error)
{
  GArray *ids;

  g_return_val_if_fail (HMR_IS_BENEFICIARY_LIST (self), FALSE);

  ids = hmr_store_query_beneficiary_ids (self->store, self->actor, &self->query, NULL, error);
  if (ids == NULL)
    return FALSE;
  hmr_beneficiary_list_take_ids (self, &self->query, ids);
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

/* Whether @query is @shown without its limit: the rest of a list whose
 * first rows are shown */
static gboolean
completes (const HmrBeneficiaryQuery *shown,
           const HmrBeneficiaryQuery *query)
{
  return shown->limit > 0 && query->limit == 0 &&
         shown->sort == query->sort && shown->descending == query->descending &&
         shown->include_archived == query->include_archived && shown->ban == query->ban &&
         g_strcmp0 (shown->district, query->district) == 0 &&
         g_strcmp0 (shown->category, query->category) == 0 &&
         g_strcmp0 (shown->text, query->text) == 0 &&
         g_strcmp0 (shown->stage, query->stage) == 0 &&
         g_strcmp0 (shown->case_status, query->case_status) == 0 &&
         g_strcmp0 (shown->owner_id, query->owner_id) == 0 &&
         g_strcmp0 (shown->risk, query->risk) == 0;
}

/**
 * hmr_beneficiary_list_take_ids:
 * @query: the query that gave @ids
 * @ids: (transfer full) (element-type gint64): its row ids, in order
 *
 * Shows the result of a query run elsewhere (in a thread), with one
 * items-changed.  When the list shows the first rows of the same query
 * (a limited query, for a first screen at once), the rows shown stay and
 * only the rest is added.
 */
void
hmr_beneficiary_list_take_ids (HmrBeneficiaryList        *self,
                               const HmrBeneficiaryQuery *query,
                               GArray                    *ids)
{
  gboolean rest;

  g_return_if_fail (HMR_IS_BENEFICIARY_LIST (self));
  g_return_if_fail (query != NULL);
  g_return_if_fail (ids != NULL);

  rest = completes (&self->query, query);
  if (query != &self->query)
    copy_query (self, query);
  /* Fewer rows than the limit: that was all of them */
  if (self->query.limit > 0 && ids->len < self->query.limit)
    self->query.limit = 0;
  if (rest)
    hmr_lazy_list_take_rest (HMR_LAZY_LIST (self), ids);
  else
    hmr_lazy_list_take_ids (HMR_LAZY_LIST (self), ids);
}

/**
 * hmr_beneficiary_list_is_partial:
 *
 * Returns: whether the list shows only the first rows of its query
 */
gboolean
hmr_beneficiary_list_is_partial (HmrBeneficiaryList *self)
{
  g_return_val_if_fail (HMR_IS_BENEFICIARY_LIST (self), FALSE);
  return self->query.limit > 0;
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
hmr_beneficiary_list_get_n_loaded_pages (HmrBeneficiaryList *self)
{
  return hmr_lazy_list_get_n_loaded_pages (HMR_LAZY_LIST (self));
}
