/* hmr-store-grant-private.h — shared by the grant and handover store files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-grant.h"
#include "hmr-handover.h"
#include "hmr-store-private.h"

#include "hmr-dates.h"
#include "hmr-text.h"

G_BEGIN_DECLS

/* "family given patronymic" of beneficiary b, as SQL */
#define HMR_SQL_FULL_NAME(b) \
  b ".family_name || ' ' || " b ".given_name || coalesce (' ' || " b ".patronymic, '')"
#define HMR_SQL_LATIN_NAME(b) \
  "nullif (trim (coalesce (" b ".family_name_latin, '') || ' ' || coalesce (" b ".given_name_latin, '') " \
  "|| coalesce (' ' || " b ".patronymic_latin, '')), '')"

/* The number of grant or act r as printed: its own (DST-G-2026-0042)
 * or, made before numbers, the first eight digits of its id */
#define HMR_SQL_RECORD_NUMBER(r) \
  "coalesce (" r ".number, upper (substr (" r ".id, 1, 8)))"

/* The next number of @kind ('G' grant, 'A' handover act) in @office_id
 * for this year, inside the caller's write transaction */
char      *hmr_store_next_record_number (HmrStore       *self,
                                         const char     *office_id,
                                         char            kind,
                                         GError        **error);

/* A row in grant_history or handover_history, inside the caller's
 * transaction.  @table is one of those two names. */
gboolean   hmr_store_write_history      (HmrStore       *self,
                                         const char     *table,
                                         const char     *record_id,
                                         const HmrActor *actor,
                                         const char     *from_state,
                                         const char     *to_state,
                                         const char     *comment,
                                         GError        **error);
GPtrArray *hmr_store_read_history       (HmrStore       *self,
                                         const char     *table,
                                         const char     *record_id,
                                         GError        **error);

/* The grant with its budget, members, tranches and history; no
 * permission check */
HmrGrant  *hmr_store_load_grant         (HmrStore       *self,
                                         const char     *grant_id,
                                         GError        **error);

/* Sets @error from a SQLite result code, for a step that did not give
 * SQLITE_DONE */
gboolean   hmr_store_step_done          (HmrStore       *self,
                                         sqlite3_stmt   *stmt,
                                         GError        **error);

/* Handovers: a signed act refuses every change, with the same words */
gboolean   hmr_store_refuse_if_signed   (const char     *status,
                                         GError        **error);
gboolean   hmr_store_handover_state     (HmrStore       *self,
                                         const char     *handover_id,
                                         char          **status,
                                         char          **office_id,
                                         GError        **error);

G_END_DECLS
