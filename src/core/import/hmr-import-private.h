/* hmr-import-private.h — shared by the files of src/core/import, nobody else
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-import.h"

G_BEGIN_DECLS

/* The largest row a text file may hold, quotes and all */
#define HMR_CSV_MAX_ROW_BYTES (16 * 1024 * 1024)

typedef struct _HmrCsvReader HmrCsvReader;

HmrCsvReader *hmr_csv_reader_open         (const char     *path,
                                           GError        **error);
gboolean      hmr_csv_reader_next         (HmrCsvReader   *self,
                                           GPtrArray     **cells,
                                           guint          *row_number,
                                           GError        **error);
const char   *hmr_csv_reader_get_encoding (HmrCsvReader   *self);
void          hmr_csv_reader_free         (HmrCsvReader   *self);

typedef struct _HmrXlsxReader HmrXlsxReader;

HmrXlsxReader *hmr_xlsx_reader_open       (const char     *path,
                                           const char     *sheet,
                                           guint64         max_part_bytes,
                                           GError        **error);
gboolean      hmr_xlsx_reader_next        (HmrXlsxReader  *self,
                                           GPtrArray     **cells,
                                           guint          *row_number,
                                           GError        **error);
void          hmr_xlsx_reader_free        (HmrXlsxReader  *self);
GPtrArray    *hmr_xlsx_list_sheets        (const char     *path,
                                           GError        **error);

/* Cell text to the record's values (hmr-import-values.c) */
typedef struct
{
  HmrBeneficiary *record;
  GPtrArray      *problems;   /* HmrImportProblem */
} HmrImportRecord;

HmrImportProblem *hmr_import_problem_new  (const char     *field,
                                           const char     *message);
void          hmr_import_problem_free     (HmrImportProblem *problem);
void          hmr_import_convert_cell     (HmrImportRecord *rec,
                                           HmrImportField   field,
                                           const char      *text,
                                           GDate           *today);
const char   *hmr_import_match_district   (const char     *text);

/* The store's side of a real import (hmr-store-import.c): pulls the
 * records to register, one at a time, inside one transaction */
typedef HmrBeneficiary *(*HmrImportNextFunc) (gpointer   data,
                                              guint     *row_number,
                                              GError   **error);

typedef struct
{
  const char *file_name;
  const char *file_sha256;
  guint       n_rows;
  guint       n_duplicates;
  guint       n_errors;
} HmrImportBatchInfo;

char         *hmr_store_dup_import_of_file (HmrStore       *store,
                                           const HmrActor *actor,
                                           const char     *sha256,
                                           GError        **error);
char         *hmr_store_dup_import_duplicate (HmrStore      *store,
                                           const HmrActor *actor,
                                           HmrBeneficiary *candidate,
                                           int             birth_year,
                                           GError        **error);
char         *hmr_store_import_batch      (HmrStore            *store,
                                           const HmrActor      *actor,
                                           HmrImportBatchInfo  *info,
                                           HmrImportNextFunc    next,
                                           gpointer             data,
                                           GCancellable        *cancellable,
                                           guint               *n_imported,
                                           GError             **error);

G_END_DECLS
