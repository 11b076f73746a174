/* hmr-act-doc.c — the page engine of the printed acts: A4 PDF through
 * cairo and pango, text that wraps, tables that go on over several pages
 * under their repeated header, signature blocks kept whole, page numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "hmr-act-private.h"
#include "hmr-pdf-file.h"

#define PAGE_WIDTH   595.276   /* A4 in points */
#define PAGE_HEIGHT  841.890
#define MARGIN       56.7      /* 2 cm */
#define FOOTER       28.0
#define PAD          3.5
#define FONT         "DejaVu Sans, Sans 9.5"
#define FONT_BOLD    "DejaVu Sans, Sans Bold 9.5"
#define FONT_SMALL   "DejaVu Sans, Sans 7.5"
#define FONT_TITLE   "DejaVu Sans, Sans Bold 14"
#define LABEL_WIDTH  150.0
#define MAX_COLUMNS  8

struct _ActDoc
{
  cairo_t        *cr;
  PangoLayout    *layout;
  HmrActLanguage  language;
  const char     *footer;
  int             page;         /* 1-based; 0 before the first */
  int             n_pages;      /* 0 while counting */
  double          y;
  /* the table being drawn */
  ActColumn       columns[MAX_COLUMNS];
  guint           n_columns;
  gboolean        in_table;
};

static double
content_width (void)
{
  return PAGE_WIDTH - 2 * MARGIN;
}

static double
bottom (void)
{
  return PAGE_HEIGHT - MARGIN - FOOTER;
}

/* Sets up the layout for @text in @width points; returns its height */
static double
prepare (ActDoc      *doc,
         const char  *font,
         const char  *text,
         double       width,
         ActAlign     align)
{
  PangoFontDescription *desc = pango_font_description_from_string (font);
  PangoRectangle logical;

  pango_layout_set_font_description (doc->layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (doc->layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (doc->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (doc->layout, align == ACT_ALIGN_RIGHT ? PANGO_ALIGN_RIGHT
                                           : align == ACT_ALIGN_CENTER ? PANGO_ALIGN_CENTER
                                           : PANGO_ALIGN_LEFT);
  pango_layout_set_text (doc->layout, text ? text : "", -1);
  pango_layout_get_extents (doc->layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

static void
show_at (ActDoc *doc,
         double  x,
         double  y)
{
  cairo_move_to (doc->cr, x, y);
  pango_cairo_show_layout (doc->cr, doc->layout);
}

static void
draw_footer (ActDoc *doc)
{
  g_autofree char *page = NULL;
  double y = PAGE_HEIGHT - MARGIN - FOOTER + 14;

  cairo_set_source_rgb (doc->cr, 0.35, 0.35, 0.35);
  prepare (doc, FONT_SMALL, doc->footer, content_width () * 0.7, ACT_ALIGN_LEFT);
  show_at (doc, MARGIN, y);
  if (doc->n_pages > 0)
    page = g_strdup_printf (hmr_act_label (ACT_PAGE, doc->language), doc->page, doc->n_pages);
  else
    page = g_strdup_printf (hmr_act_label (ACT_PAGE, doc->language), doc->page, 99);
  prepare (doc, FONT_SMALL, page, content_width () * 0.3, ACT_ALIGN_RIGHT);
  show_at (doc, MARGIN + content_width () * 0.7, y);
  cairo_set_source_rgb (doc->cr, 0, 0, 0);
}

static void table_header (ActDoc *doc);

static void
new_page (ActDoc *doc)
{
  if (doc->page > 0)
    {
      draw_footer (doc);
      cairo_show_page (doc->cr);
    }
  doc->page++;
  doc->y = MARGIN;
  if (doc->in_table)
    table_header (doc);
}

/* Starts a new page unless @height more points fit on this one */
static void
ensure (ActDoc *doc,
        double  height)
{
  if (doc->page == 0 || (doc->y + height > bottom () && doc->y > MARGIN))
    new_page (doc);
}

void
hmr_act_doc_space (ActDoc *doc,
                   double  points)
{
  doc->y += points;
}

void
hmr_act_doc_title (ActDoc     *doc,
                   const char *text)
{
  double h = prepare (doc, FONT_TITLE, text, content_width (), ACT_ALIGN_CENTER);

  ensure (doc, h);
  prepare (doc, FONT_TITLE, text, content_width (), ACT_ALIGN_CENTER);
  show_at (doc, MARGIN, doc->y);
  doc->y += h + 4;
}

/* The organisation (bold) and the office above the title, each centred;
 * nothing when neither was given */
void
hmr_act_doc_letterhead (ActDoc     *doc,
                        const char *organisation,
                        const char *office)
{
  const char *fonts[] = { FONT_BOLD, FONT };
  const char *lines[] = { organisation, office };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      double h;

      if (lines[i] == NULL)
        continue;
      h = prepare (doc, fonts[i], lines[i], content_width (), ACT_ALIGN_CENTER);
      ensure (doc, h);
      prepare (doc, fonts[i], lines[i], content_width (), ACT_ALIGN_CENTER);
      show_at (doc, MARGIN, doc->y);
      doc->y += h + 2;
    }
  if (organisation != NULL || office != NULL)
    doc->y += 10;
}

void
hmr_act_doc_centered (ActDoc     *doc,
                      const char *text)
{
  double h = prepare (doc, FONT, text, content_width (), ACT_ALIGN_CENTER);

  ensure (doc, h);
  prepare (doc, FONT, text, content_width (), ACT_ALIGN_CENTER);
  show_at (doc, MARGIN, doc->y);
  doc->y += h + 2;
}

void
hmr_act_doc_paragraph (ActDoc     *doc,
                       const char *text,
                       gboolean    bold)
{
  double h = prepare (doc, bold ? FONT_BOLD : FONT, text, content_width (), ACT_ALIGN_LEFT);

  ensure (doc, h);
  prepare (doc, bold ? FONT_BOLD : FONT, text, content_width (), ACT_ALIGN_LEFT);
  show_at (doc, MARGIN, doc->y);
  doc->y += h + 4;
}

/* "Label:   value", the value wrapping in its own column */
void
hmr_act_doc_field (ActDoc     *doc,
                   const char *label,
                   const char *value)
{
  g_autofree char *with_colon = label && *label ? g_strconcat (label, ":", NULL) : g_strdup ("");
  double hv = prepare (doc, FONT, value, content_width () - LABEL_WIDTH, ACT_ALIGN_LEFT);
  double hl;

  hl = prepare (doc, FONT_BOLD, with_colon, LABEL_WIDTH - 6, ACT_ALIGN_LEFT);
  ensure (doc, MAX (hl, hv));
  prepare (doc, FONT_BOLD, with_colon, LABEL_WIDTH - 6, ACT_ALIGN_LEFT);
  show_at (doc, MARGIN, doc->y);
  prepare (doc, FONT, value, content_width () - LABEL_WIDTH, ACT_ALIGN_LEFT);
  show_at (doc, MARGIN + LABEL_WIDTH, doc->y);
  doc->y += MAX (hl, hv) + 3;
}

/* One row of cells: measured, moved to the next page if it does not fit,
 * then drawn with its borders */
static void
draw_row (ActDoc             *doc,
          const char * const *cells,
          const char         *font,
          gboolean            shaded,
          gboolean            keep)
{
  double x = MARGIN, h = 0;

  for (guint i = 0; i < doc->n_columns; i++)
    h = MAX (h, prepare (doc, font, cells[i], doc->columns[i].width * content_width () - 2 * PAD,
                         doc->columns[i].align));
  h += 2 * PAD;
  if (keep)
    ensure (doc, h);

  if (shaded)
    {
      cairo_set_source_rgb (doc->cr, 0.9, 0.9, 0.9);
      cairo_rectangle (doc->cr, MARGIN, doc->y, content_width (), h);
      cairo_fill (doc->cr);
      cairo_set_source_rgb (doc->cr, 0, 0, 0);
    }
  cairo_set_line_width (doc->cr, 0.6);
  for (guint i = 0; i < doc->n_columns; i++)
    {
      double w = doc->columns[i].width * content_width ();

      prepare (doc, font, cells[i], w - 2 * PAD, doc->columns[i].align);
      show_at (doc, x + PAD, doc->y + PAD);
      cairo_rectangle (doc->cr, x, doc->y, w, h);
      cairo_stroke (doc->cr);
      x += w;
    }
  doc->y += h;
}

static void
table_header (ActDoc *doc)
{
  const char *titles[MAX_COLUMNS];

  for (guint i = 0; i < doc->n_columns; i++)
    titles[i] = doc->columns[i].title;
  draw_row (doc, titles, FONT_BOLD, TRUE, FALSE);
}

void
hmr_act_doc_table_begin (ActDoc          *doc,
                         const ActColumn *columns,
                         guint            n_columns)
{
  g_return_if_fail (n_columns <= MAX_COLUMNS);

  memcpy (doc->columns, columns, n_columns * sizeof (ActColumn));
  doc->n_columns = n_columns;
  /* the header with at least one row under it */
  ensure (doc, 48);
  table_header (doc);
  doc->in_table = TRUE;
}

void
hmr_act_doc_table_row (ActDoc             *doc,
                       const char * const *cells,
                       gboolean            bold)
{
  draw_row (doc, cells, bold ? FONT_BOLD : FONT, FALSE, TRUE);
}

void
hmr_act_doc_table_end (ActDoc *doc)
{
  doc->in_table = FALSE;
  doc->y += 8;
}

/* "Role: Name", then a line to sign on with "(signature)" under it */
void
hmr_act_doc_signature (ActDoc     *doc,
                       const char *role,
                       const char *name)
{
  g_autofree char *who = g_strdup_printf ("%s: %s", role, name ? name : "");
  g_autofree char *caption = g_strdup_printf ("(%s)", hmr_act_label (ACT_SIGNATURE, doc->language));
  double h = prepare (doc, FONT, who, content_width () * 0.55, ACT_ALIGN_LEFT);
  double line_x = MARGIN + content_width () * 0.6;
  double line_y;

  ensure (doc, MAX (h, 30.0) + 16);
  prepare (doc, FONT, who, content_width () * 0.55, ACT_ALIGN_LEFT);
  show_at (doc, MARGIN, doc->y + 12);
  line_y = doc->y + 12 + 12;
  cairo_set_line_width (doc->cr, 0.6);
  cairo_move_to (doc->cr, line_x, line_y);
  cairo_line_to (doc->cr, MARGIN + content_width (), line_y);
  cairo_stroke (doc->cr);
  prepare (doc, FONT_SMALL, caption, content_width () * 0.4, ACT_ALIGN_CENTER);
  show_at (doc, line_x, line_y + 2);
  doc->y += MAX (h + 12, 34.0) + 12;
}

/* ---- writing the file ---------------------------------------------------- */

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

/* One pass: returns the number of pages, or 0 when cairo failed */
static int
run (cairo_surface_t *surface,
     HmrActLanguage   language,
     const char      *footer,
     int              n_pages,
     ActRenderFunc    render,
     gpointer         user_data)
{
  ActDoc doc = { 0 };
  PangoContext *context;
  cairo_status_t status;

  doc.cr = cairo_create (surface);
  doc.layout = pango_cairo_create_layout (doc.cr);
  context = pango_layout_get_context (doc.layout);
  pango_cairo_context_set_resolution (context, 72);   /* 1 pango pixel = 1 point */
  pango_layout_context_changed (doc.layout);
  doc.language = language;
  doc.footer = footer;
  doc.n_pages = n_pages;

  new_page (&doc);
  render (&doc, user_data);
  draw_footer (&doc);
  cairo_show_page (doc.cr);

  g_object_unref (doc.layout);
  status = cairo_status (doc.cr);
  cairo_destroy (doc.cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  return status == CAIRO_STATUS_SUCCESS ? doc.page : 0;
}

gboolean
hmr_act_render_to_file (const char      *path,
                        HmrActLanguage   language,
                        const char      *footer,
                        ActRenderFunc    render,
                        gpointer         user_data,
                        GError         **error)
{
  HmrPdfFile *pdf;
  cairo_surface_t *surface;
  gboolean ok;
  int n_pages;

  surface = cairo_pdf_surface_create_for_stream (discard, NULL, PAGE_WIDTH, PAGE_HEIGHT);
  n_pages = run (surface, language, footer, 0, render, user_data);
  cairo_surface_destroy (surface);
  if (n_pages == 0)
    {
      g_set_error (error, HMR_ACT_ERROR, 0, _("The act could not be laid out."));
      return FALSE;
    }

  pdf = hmr_pdf_file_new (path, error);
  if (pdf == NULL)
    return FALSE;
  surface = hmr_pdf_file_create_surface (pdf, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, footer);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Hamroh");
  n_pages = run (surface, language, footer, n_pages, render, user_data);
  if (n_pages == 0)
    {
      cairo_surface_destroy (surface);
      hmr_pdf_file_abandon (pdf);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The act could not be written to “%s”. Is the disk full? Nothing was saved."), path);
      return FALSE;
    }
  /* checks what cairo does not always report: the writes themselves */
  ok = hmr_pdf_file_finish (pdf, surface, error);
  cairo_surface_destroy (surface);
  return ok;
}
