/* hmr-pdf-file.h — a PDF that appears only when it was written whole
 *
 * cairo does not always report a failed write of its output (a full disk
 * gives a truncated or empty PDF and CAIRO_STATUS_SUCCESS), so every
 * printout writes through this: cairo's stream goes to a partial file
 * beside the final one through a writer that remembers any failure; at
 * the end the surface's status, the writer, the flush and the fsync are
 * all checked, the file is read back far enough to know it is a whole PDF
 * (its size, its header, its end-of-file mark), and only then is it
 * renamed into place, readable by its owner only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <cairo.h>

G_BEGIN_DECLS

typedef struct _HmrPdfFile HmrPdfFile;

HmrPdfFile      *hmr_pdf_file_new            (const char   *path,
                                              GError      **error);
/* A PDF surface writing into @self; the caller draws, then destroys it */
cairo_surface_t *hmr_pdf_file_create_surface (HmrPdfFile   *self,
                                              double        width,
                                              double        height);
/* Finishes @surface (which the caller still owns), checks everything and
 * renames the file into place.  Frees @self either way. */
gboolean         hmr_pdf_file_finish         (HmrPdfFile      *self,
                                              cairo_surface_t *surface,
                                              GError         **error);
void             hmr_pdf_file_abandon        (HmrPdfFile   *self);

G_END_DECLS
