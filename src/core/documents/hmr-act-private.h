/* hmr-act-private.h — shared by the hmr-act-*.c files: the labels table
 * and the page engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "hmr-act-pdf.h"

#include "hmr-money.h"

G_BEGIN_DECLS

/* The fixed words of the acts, in each language */
typedef enum
{
  ACT_HANDOVER_TITLE,
  ACT_RECEIPT_TITLE,
  ACT_NUMBER,                   /* "No. %s" */
  ACT_CORRECTS,                 /* "This act corrects act No. %s …" */
  ACT_DRAFT,
  ACT_DATE,
  ACT_PLACE,
  ACT_RECIPIENT,
  ACT_RECIPIENTS,
  ACT_NAME_LATIN,
  ACT_CASE_NUMBER,
  ACT_DISTRICT,
  ACT_RECEIVED_BY,
  ACT_GRANT,
  ACT_PURPOSE,
  ACT_APPROVED,
  ACT_HANDOVER_INTRO,
  ACT_RECEIPT_INTRO,
  ACT_COL_NO,
  ACT_COL_ITEM,
  ACT_COL_SERIAL,
  ACT_COL_QUANTITY,
  ACT_COL_UNIT,
  ACT_COL_UNIT_VALUE,
  ACT_COL_TOTAL,
  ACT_COL_TRANCHE,
  ACT_COL_DATE,
  ACT_COL_METHOD,
  ACT_COL_REFERENCE,
  ACT_COL_AMOUNT,
  ACT_TOTAL,
  ACT_TOTAL_RECEIVED,
  ACT_PAID_TO_DATE,
  ACT_REMAINING,
  ACT_BUDGET,
  ACT_CONDITION,
  ACT_RECEIPT_STATEMENT,
  ACT_WITNESSES,
  ACT_SIGNATURES,
  ACT_SIG_RECIPIENT,
  ACT_SIG_WITNESS,
  ACT_SIG_STAFF,
  ACT_SIG_FINANCE,
  ACT_SIGNATURE,
  ACT_PAGE,                     /* "Page %d of %d" */
  ACT_PRINTED,                  /* "Printed on %s by %s" */
  ACT_METHOD_CASH,
  ACT_METHOD_BANK,
  ACT_METHOD_SUPPLIER,
  ACT_IN_WORDS,                 /* "In words: %s" */
  ACT_STAMP,                    /* the place of the organisation's stamp */
  ACT_N_LABELS
} ActLabel;

const char *hmr_act_label            (ActLabel        label,
                                      HmrActLanguage  language);
const char *hmr_act_district         (const char     *district,
                                      HmrActLanguage  language);
const char *hmr_act_method           (const char     *method,
                                      HmrActLanguage  language);
char       *hmr_act_amount_in_words  (gint64          dirams,
                                      const char     *currency,
                                      HmrActLanguage  language);
char       *hmr_act_format_quantity  (double          quantity,
                                      HmrActLanguage  language);
char       *hmr_act_format_date      (const char     *iso);
char       *hmr_act_dup_printed_line (HmrStore       *store,
                                      const HmrActor *actor,
                                      HmrActLanguage  language);

/* The page engine: A4, margins, text that wraps, tables that continue on
 * the next page under their header, signature blocks kept whole, and
 * "Page n of N" at the foot of each page. */
typedef struct _ActDoc ActDoc;

typedef enum
{
  ACT_ALIGN_LEFT,
  ACT_ALIGN_RIGHT,
  ACT_ALIGN_CENTER,
} ActAlign;

typedef struct
{
  const char *title;
  double      width;            /* share of the line, all adding up to 1 */
  ActAlign    align;
} ActColumn;

void    hmr_act_doc_title       (ActDoc          *doc,
                                 const char      *text);
void    hmr_act_doc_letterhead  (ActDoc          *doc,
                                 const char      *organisation,
                                 const char      *office);
void    hmr_act_doc_centered    (ActDoc          *doc,
                                 const char      *text);
void    hmr_act_doc_paragraph   (ActDoc          *doc,
                                 const char      *text,
                                 gboolean         bold);
void    hmr_act_doc_field       (ActDoc          *doc,
                                 const char      *label,
                                 const char      *value);
void    hmr_act_doc_space       (ActDoc          *doc,
                                 double           points);
void    hmr_act_doc_table_begin (ActDoc          *doc,
                                 const ActColumn *columns,
                                 guint            n_columns);
void    hmr_act_doc_table_row   (ActDoc          *doc,
                                 const char * const *cells,
                                 gboolean         bold);
void    hmr_act_doc_table_end   (ActDoc          *doc);
void    hmr_act_doc_signature   (ActDoc          *doc,
                                 const char      *role,
                                 const char      *name);

typedef void (*ActRenderFunc) (ActDoc   *doc,
                               gpointer  user_data);

/* Lays the act out twice (to count its pages, then for real) and writes
 * it to @path, atomically, readable by its owner only */
gboolean hmr_act_render_to_file (const char      *path,
                                 HmrActLanguage   language,
                                 const char      *footer,
                                 ActRenderFunc    render,
                                 gpointer         user_data,
                                 GError         **error);

/* Money on an act: as its language writes it (hmr-money.h) */
static inline HmrMoneyStyle
hmr_act_money_style (HmrActLanguage language)
{
  return language == HMR_ACT_LANGUAGE_EN ? HMR_MONEY_ENGLISH : HMR_MONEY_CYRILLIC;
}

G_END_DECLS
