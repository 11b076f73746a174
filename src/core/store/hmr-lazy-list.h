/* hmr-lazy-list.h — a GListModel over the row ids of one SQL query, whose
 * rows are loaded in pages as the view asks for them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HMR_LAZY_LIST_PAGE_SIZE 64

#define HMR_TYPE_LAZY_LIST (hmr_lazy_list_get_type ())
G_DECLARE_DERIVABLE_TYPE (HmrLazyList, hmr_lazy_list, HMR, LAZY_LIST, GObject)

/**
 * HmrLazyListClass:
 * @item_type: the type of the rows (set in class_init)
 * @load_rows: loads the rows of @n ids, in their order; a row that no
 *   longer exists is left out
 * @make_blank: a row standing for an id whose row is gone
 * @get_rowid: the row id of a row @load_rows returned
 *
 * A subclass supplies only its rows; the base owns the ids, the paging
 * and the bounded cache of loaded pages.
 */
struct _HmrLazyListClass
{
  GObjectClass parent_class;

  GType       item_type;
  GPtrArray *(*load_rows)  (HmrLazyList  *self,
                            const gint64 *ids,
                            guint         n,
                            GError      **error);
  gpointer   (*make_blank) (HmrLazyList  *self,
                            gint64        rowid);
  gint64     (*get_rowid)  (gpointer      row);
};

void     hmr_lazy_list_take_ids            (HmrLazyList *self,
                                            GArray      *ids);
void     hmr_lazy_list_take_rest           (HmrLazyList *self,
                                            GArray      *ids);
gint64   hmr_lazy_list_get_id              (HmrLazyList *self,
                                            guint        position);
gpointer hmr_lazy_list_peek_loaded         (HmrLazyList *self,
                                            guint        position);
guint    hmr_lazy_list_get_n_loaded_pages  (HmrLazyList *self);
guint    hmr_lazy_list_get_max_pages       (void);
gsize    hmr_lazy_list_get_id_bytes        (HmrLazyList *self);

G_END_DECLS
