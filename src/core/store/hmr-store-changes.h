/* hmr-store-changes.h — what the store announces after every commit
 *
 * The store emits HmrStore::changed with one HmrChangeSet after each
 * committed write (on the main context, also for writes made on another
 * connection to the same file opened with hmr_store_open_sibling()), and
 * once for a whole batch (hmr_store_begin_batch()).  A change names the
 * kind of record (the audit log's entity: "beneficiary", "case",
 * "referral", "follow_up", "grant", "handover", "user", …), its id and the
 * beneficiary it belongs to, when there is exactly one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HMR_TYPE_CHANGE_SET (hmr_change_set_get_type ())

typedef struct _HmrChangeSet HmrChangeSet;

GType         hmr_change_set_get_type             (void) G_GNUC_CONST;
HmrChangeSet *hmr_change_set_new                  (void);
HmrChangeSet *hmr_change_set_ref                  (HmrChangeSet *self);
void          hmr_change_set_unref                (HmrChangeSet *self);
void          hmr_change_set_add                  (HmrChangeSet *self,
                                                   const char   *kind,
                                                   const char   *id,
                                                   const char   *beneficiary_id);
void          hmr_change_set_merge                (HmrChangeSet *self,
                                                   HmrChangeSet *other);
guint         hmr_change_set_get_n_changes        (HmrChangeSet *self);
const char   *hmr_change_set_get_kind             (HmrChangeSet *self,
                                                   guint         index);
const char   *hmr_change_set_get_id               (HmrChangeSet *self,
                                                   guint         index);
const char   *hmr_change_set_get_beneficiary_id   (HmrChangeSet *self,
                                                   guint         index);
gboolean      hmr_change_set_is_bulk              (HmrChangeSet *self);
gboolean      hmr_change_set_is_empty             (HmrChangeSet *self);
gboolean      hmr_change_set_has_kind             (HmrChangeSet *self,
                                                   const char   *kind);
gboolean      hmr_change_set_has_any_kind         (HmrChangeSet *self,
                                                   const char  * const *kinds);
gboolean      hmr_change_set_concerns_beneficiary (HmrChangeSet *self,
                                                   const char   *beneficiary_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrChangeSet, hmr_change_set_unref)

G_END_DECLS
