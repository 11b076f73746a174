/* hmr-referral-board.c
 *
 * An HmrLazyList of referral rows: the ids of one SQL query, the rows
 * loaded in pages.
 * Filtering and the overdue-first order happen in SQL.  Each reload also
 * counts the referrals per status for the board's header.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hmr-referral-board.h"

struct _HmrReferralBoard
{
  HmrLazyList        parent_instance;
  HmrStore          *store;
  HmrActor          *actor;
  HmrReferralQuery   query;
  char              *strings[6];   /* the query's own copies */
  HmrReferralCounts  counts;
};

G_DEFINE_FINAL_TYPE (HmrReferralBoard, hmr_referral_board, HMR_TYPE_LAZY_LIST)

static void
hmr_referral_board_finalize (GObject *object)
{
  HmrReferralBoard *self = HMR_REFERRAL_BOARD (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, hmr_actor_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->strings); i++)
    g_free (self->strings[i]);

  G_OBJECT_CLASS (hmr_referral_board_parent_class)->finalize (object);
}

static GPtrArray *
load_rows (HmrLazyList  *list,
           const gint64 *ids,
           guint         n,
           GError      **error)
{
  HmrReferralBoard *self = HMR_REFERRAL_BOARD (list);

  return hmr_store_load_referral_rows (self->store, self->actor, ids, n, error);
}

static gpointer
make_blank (HmrLazyList *list,
            gint64       rowid)
{
  return hmr_referral_row_new (rowid);
}

static gint64
get_rowid (gpointer row)
{
  return hmr_referral_row_get_rowid (row);
}

static void
hmr_referral_board_class_init (HmrReferralBoardClass *klass)
{
  HmrLazyListClass *lazy_class = HMR_LAZY_LIST_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = hmr_referral_board_finalize;
  lazy_class->item_type = HMR_TYPE_REFERRAL_ROW;
  lazy_class->load_rows = load_rows;
  lazy_class->make_blank = make_blank;
  lazy_class->get_rowid = get_rowid;
}

static void
hmr_referral_board_init (HmrReferralBoard *self)
{
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

  g_return_val_if_fail (HMR_IS_REFERRAL_BOARD (self), FALSE);

  if (!hmr_store_count_referrals (self->store, self->actor, &self->query, &counts, error))
    return FALSE;
  ids = hmr_store_query_referral_ids (self->store, self->actor, &self->query, NULL, error);
  if (ids == NULL)
    return FALSE;

  self->counts = counts;
  hmr_lazy_list_take_ids (HMR_LAZY_LIST (self), ids);
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
