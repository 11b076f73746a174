/* hmr-import.h — bringing in the lists offices already keep
 *
 * Three steps, each usable alone: a streaming reader of the rows of an
 * .xlsx, .csv or .tsv file (hmr_sheet_reader_*), a mapping of its columns
 * to the fields of the beneficiary record (hmr_import_mapping_*), and the
 * run itself (hmr_import_run), dry or for real, that checks every row as
 * the registration form does and writes an error report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hmr-store.h"

G_BEGIN_DECLS

#define HMR_IMPORT_ERROR (hmr_import_error_quark ())
GQuark hmr_import_error_quark (void);

typedef enum
{
  HMR_IMPORT_ERROR_FAILED,
  HMR_IMPORT_ERROR_FORMAT,            /* not a spreadsheet, or a broken one */
  HMR_IMPORT_ERROR_TOO_LARGE,         /* past a size limit (a zip bomb, a huge field) */
  HMR_IMPORT_ERROR_NO_SHEET,
  HMR_IMPORT_ERROR_EMPTY,
  HMR_IMPORT_ERROR_MAPPING,           /* a required field has no column */
  HMR_IMPORT_ERROR_ALREADY_IMPORTED,
} HmrImportError;

/* Reading rows --------------------------------------------------------- */

/* Uncompressed bytes an .xlsx part may hold before it is refused */
#define HMR_SHEET_DEFAULT_MAX_PART_BYTES (G_GUINT64_CONSTANT (1) << 30)

typedef struct _HmrSheetReader HmrSheetReader;

HmrSheetReader *hmr_sheet_reader_open          (const char      *path,
                                                const char      *sheet,
                                                GError         **error);
HmrSheetReader *hmr_sheet_reader_open_limited  (const char      *path,
                                                const char      *sheet,
                                                guint64          max_part_bytes,
                                                GError         **error);
gboolean        hmr_sheet_reader_next          (HmrSheetReader  *self,
                                                GPtrArray      **cells,
                                                guint           *row_number,
                                                GError         **error);
const char     *hmr_sheet_reader_get_encoding  (HmrSheetReader  *self);
void            hmr_sheet_reader_free          (HmrSheetReader  *self);
GPtrArray      *hmr_sheet_list_sheets          (const char      *path,
                                                GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrSheetReader, hmr_sheet_reader_free)

/* Cell values ------------------------------------------------------------ */

char           *hmr_import_excel_serial_to_iso (double           serial,
                                                gboolean         date1904);

/* Mapping columns to fields ---------------------------------------------- */

typedef enum
{
  HMR_IMPORT_FIELD_NONE,
  HMR_IMPORT_FIELD_FULL_NAME,          /* "Рахимов Алишер Каримович" in one cell */
  HMR_IMPORT_FIELD_FAMILY_NAME,
  HMR_IMPORT_FIELD_GIVEN_NAME,
  HMR_IMPORT_FIELD_PATRONYMIC,
  HMR_IMPORT_FIELD_FULL_NAME_LATIN,
  HMR_IMPORT_FIELD_FAMILY_NAME_LATIN,
  HMR_IMPORT_FIELD_GIVEN_NAME_LATIN,
  HMR_IMPORT_FIELD_PATRONYMIC_LATIN,
  HMR_IMPORT_FIELD_SEX,
  HMR_IMPORT_FIELD_BIRTH_DATE,         /* a date, a serial, or a year alone */
  HMR_IMPORT_FIELD_BIRTH_YEAR,
  HMR_IMPORT_FIELD_PHONE,              /* one or two numbers */
  HMR_IMPORT_FIELD_PHONE_ALT,
  HMR_IMPORT_FIELD_DISTRICT,
  HMR_IMPORT_FIELD_JAMOAT,
  HMR_IMPORT_FIELD_VILLAGE,
  HMR_IMPORT_FIELD_HOUSEHOLD_SIZE,
  HMR_IMPORT_FIELD_CATEGORY,
  HMR_IMPORT_FIELD_DISABILITY,
  HMR_IMPORT_FIELD_DISABILITY_REGISTERED,
  HMR_IMPORT_FIELD_HEALTH_PROBLEMS,
  HMR_IMPORT_FIELD_RISK_LEVEL,
  HMR_IMPORT_FIELD_CONSENT_DATE,
  HMR_IMPORT_FIELD_CONSENT_SERVICES,
  HMR_IMPORT_FIELD_CONSENT_SHARING,
  HMR_IMPORT_FIELD_CONSENT_REPORTING,
  HMR_IMPORT_N_FIELDS
} HmrImportField;

const char     *hmr_import_field_get_label     (HmrImportField   field);
const char     *hmr_import_field_get_key       (HmrImportField   field);
HmrImportField  hmr_import_field_from_key      (const char      *key);

/* One field per column of the file (HMR_IMPORT_FIELD_NONE: ignored) */
typedef struct _HmrImportMapping HmrImportMapping;

HmrImportMapping *hmr_import_mapping_propose   (GPtrArray        *headers);
HmrImportMapping *hmr_import_mapping_copy      (HmrImportMapping *self);
void            hmr_import_mapping_free        (HmrImportMapping *self);
guint           hmr_import_mapping_get_n_columns (HmrImportMapping *self);
HmrImportField  hmr_import_mapping_get         (HmrImportMapping *self,
                                                guint             column);
void            hmr_import_mapping_set         (HmrImportMapping *self,
                                                guint             column,
                                                HmrImportField    field);
char           *hmr_import_mapping_to_string   (HmrImportMapping *self);
HmrImportMapping *hmr_import_mapping_from_string (const char     *text,
                                                guint             n_columns);
char           *hmr_import_headers_key         (GPtrArray        *headers);
gboolean        hmr_import_mapping_check       (HmrImportMapping *self,
                                                GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrImportMapping, hmr_import_mapping_free)

/* Remembered by header set, for the next file of the same shape */
HmrImportMapping *hmr_store_load_import_mapping (HmrStore        *store,
                                                const HmrActor  *actor,
                                                GPtrArray       *headers,
                                                GError         **error);
gboolean        hmr_store_save_import_mapping  (HmrStore         *store,
                                                const HmrActor   *actor,
                                                GPtrArray        *headers,
                                                HmrImportMapping *mapping,
                                                GError          **error);

/* A file to import ------------------------------------------------------- */

typedef struct _HmrImportFile HmrImportFile;

HmrImportFile  *hmr_import_file_open           (const char      *path,
                                                const char      *sheet,
                                                GError         **error);
void            hmr_import_file_free           (HmrImportFile   *self);
GPtrArray      *hmr_import_file_get_headers    (HmrImportFile   *self);
const char     *hmr_import_file_get_sha256     (HmrImportFile   *self);
const char     *hmr_import_file_get_path       (HmrImportFile   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrImportFile, hmr_import_file_free)

/* The run ---------------------------------------------------------------- */

typedef enum
{
  HMR_IMPORT_ROW_NEW,
  HMR_IMPORT_ROW_DUPLICATE,
  HMR_IMPORT_ROW_ERROR,
} HmrImportRowStatus;

typedef struct
{
  char *field;        /* the field's label (or the column's header) */
  char *message;      /* names the field and says what is wrong */
} HmrImportProblem;

/* A row that will not be imported, with the original cells for the report */
typedef struct
{
  guint               row_number;
  HmrImportRowStatus  status;
  GPtrArray          *cells;      /* char *, as read */
  GPtrArray          *problems;   /* HmrImportProblem */
} HmrImportRow;

typedef struct
{
  guint      n_rows;
  guint      n_new;
  guint      n_duplicates;
  guint      n_errors;
  guint      n_imported;       /* 0 for a dry run */
  char      *already_imported; /* the earlier import of the same file, or NULL */
  char      *batch_id;         /* the import batch written, or NULL */
  GPtrArray *headers;          /* char * */
  GPtrArray *rows;             /* HmrImportRow: duplicates and errors */
} HmrImportResult;

void            hmr_import_result_free         (HmrImportResult *result);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrImportResult, hmr_import_result_free)

/* Called every few hundred rows, in the thread that runs the import */
typedef void (*HmrImportProgressFunc) (guint     rows_done,
                                       gpointer  user_data);

HmrImportResult *hmr_import_run                (HmrStore              *store,
                                                const HmrActor        *actor,
                                                HmrImportFile         *file,
                                                HmrImportMapping      *mapping,
                                                gboolean               dry_run,
                                                HmrImportProgressFunc  progress,
                                                gpointer               progress_data,
                                                GCancellable          *cancellable,
                                                GError               **error);

gboolean        hmr_import_write_report        (HmrImportResult  *result,
                                                const char       *path,
                                                GError          **error);

/* Batches ---------------------------------------------------------------- */

typedef struct
{
  char  *id;
  char  *file_name;
  char  *file_sha256;
  char  *created_at;
  char  *created_by;      /* the user's name */
  guint  n_rows;
  guint  n_imported;
  guint  n_duplicates;
  guint  n_errors;
  char  *undone_at;       /* NULL while in force */
} HmrImportBatch;

void            hmr_import_batch_free          (HmrImportBatch  *batch);
GPtrArray      *hmr_store_list_import_batches  (HmrStore        *store,
                                                const HmrActor  *actor,
                                                GError         **error);
gboolean        hmr_store_undo_import_batch    (HmrStore        *store,
                                                const HmrActor  *actor,
                                                const char      *batch_id,
                                                GError         **error);

G_END_DECLS
