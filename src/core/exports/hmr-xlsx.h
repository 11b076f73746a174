/* hmr-xlsx.h — safe Excel writing for every export
 *
 * Text is always written as text (a name that starts with "=" stays a
 * name), dates as Excel dates, money as numbers with a TJS format.  The
 * file appears only when complete: it is written beside its final name and
 * renamed at the end, readable by its owner only, and only after it has
 * been read back whole (hmr_xlsx_verify()) and flushed to the disk.  Big sheets use
 * libxlsxwriter's constant_memory mode with a private temporary folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <xlsxwriter.h>

G_BEGIN_DECLS

#define HMR_XLSX_ERROR (hmr_xlsx_error_quark ())
GQuark hmr_xlsx_error_quark (void);

/* Codes below 100 are libxlsxwriter's lxw_error */
typedef enum
{
  HMR_XLSX_ERROR_INCOMPLETE = 100,  /* the finished file did not read back whole */
  HMR_XLSX_ERROR_IO,                /* it could not be flushed to the disk */
} HmrXlsxError;

typedef struct _HmrXlsx HmrXlsx;

typedef struct
{
  lxw_format *header;
  lxw_format *date;
  lxw_format *money;
  lxw_format *integer;
  lxw_format *text_wrap;
  lxw_format *total;       /* the label of a total row: bold */
} HmrXlsxFormats;

HmrXlsx        *hmr_xlsx_new           (const char     *path,
                                        gboolean        constant_memory,
                                        GError        **error);
lxw_workbook   *hmr_xlsx_get_workbook  (HmrXlsx        *self);
const HmrXlsxFormats *hmr_xlsx_get_formats (HmrXlsx    *self);
lxw_worksheet  *hmr_xlsx_add_sheet     (HmrXlsx        *self,
                                        const char     *name);
void            hmr_xlsx_header        (HmrXlsx        *self,
                                        lxw_worksheet  *sheet,
                                        const char * const *titles,
                                        const double   *widths);
void            hmr_xlsx_filter        (HmrXlsx        *self,
                                        lxw_worksheet  *sheet,
                                        guint32         last_row);
void            hmr_xlsx_text          (lxw_worksheet  *sheet,
                                        guint32         row,
                                        guint16         col,
                                        const char     *text);
void            hmr_xlsx_date          (HmrXlsx        *self,
                                        lxw_worksheet  *sheet,
                                        guint32         row,
                                        guint16         col,
                                        const char     *iso_date);
void            hmr_xlsx_money         (HmrXlsx        *self,
                                        lxw_worksheet  *sheet,
                                        guint32         row,
                                        guint16         col,
                                        gint64          dirams);
void            hmr_xlsx_number        (HmrXlsx        *self,
                                        lxw_worksheet  *sheet,
                                        guint32         row,
                                        guint16         col,
                                        double          value);
gboolean        hmr_xlsx_finish        (HmrXlsx        *self,
                                        GError        **error);
void            hmr_xlsx_abandon       (HmrXlsx        *self);

double          hmr_xlsx_excel_date    (const char     *iso_date);

gboolean        hmr_xlsx_verify        (const char     *path,
                                        const char     *name,
                                        guint           n_sheets,
                                        const guint32  *last_rows,
                                        GError        **error);
char           *hmr_xlsx_clean_text    (const char     *text);

G_END_DECLS
