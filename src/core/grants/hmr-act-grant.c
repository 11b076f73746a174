/* hmr-act-grant.c — the grant receipt as a PDF: what was paid, signed by
 * the beneficiaries and the finance officer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hmr-act-private.h"
#include "hmr-grant.h"
#include "hmr-money.h"
#include "hmr-organisation.h"

typedef struct
{
  HmrGrant       *g;
  GPtrArray      *tranches;    /* HmrDisbursement, borrowed */
  HmrActLanguage  lang;
  const char     *staff;
  char           *printed;
  char           *organisation;   /* the letterhead, in lang */
  char           *office;
  gint64          paid_to_date;   /* as at the last tranche listed */
  guint           n_to_date;      /* the tranches up to it */
} Receipt;

#define L(label) hmr_act_label ((label), r->lang)

static void
render_receipt (ActDoc   *doc,
                gpointer  user_data)
{
  Receipt *r = user_data;
  HmrGrant *g = r->g;
  g_autofree char *number = g_strdup_printf (L (ACT_NUMBER), g->number);
  g_autofree char *approved = hmr_money_format (MAX (g->amount_approved, 0), g->currency, hmr_act_money_style (r->lang));
  gint64 received = 0;
  const ActColumn paid_columns[] = {
    /* the money columns hold 10 000 000,00 TJS on one line */
    { L (ACT_COL_TRANCHE), 0.08, ACT_ALIGN_RIGHT },
    { L (ACT_COL_DATE), 0.13, ACT_ALIGN_LEFT },
    { L (ACT_COL_METHOD), 0.24, ACT_ALIGN_LEFT },
    { L (ACT_COL_REFERENCE), 0.28, ACT_ALIGN_LEFT },
    { L (ACT_COL_AMOUNT), 0.27, ACT_ALIGN_RIGHT },
  };
  const ActColumn budget_columns[] = {
    { L (ACT_COL_NO), 0.05, ACT_ALIGN_RIGHT },
    { L (ACT_COL_ITEM), 0.33, ACT_ALIGN_LEFT },
    { L (ACT_COL_QUANTITY), 0.10, ACT_ALIGN_RIGHT },
    { L (ACT_COL_UNIT), 0.08, ACT_ALIGN_LEFT },
    { L (ACT_COL_UNIT_VALUE), 0.21, ACT_ALIGN_RIGHT },
    { L (ACT_COL_TOTAL), 0.23, ACT_ALIGN_RIGHT },
  };

  hmr_act_doc_letterhead (doc, r->organisation, r->office);
  hmr_act_doc_title (doc, L (ACT_RECEIPT_TITLE));
  hmr_act_doc_centered (doc, number);
  hmr_act_doc_space (doc, 10);

  for (guint i = 0; i < g->members->len; i++)
    {
      HmrGrantMember *m = g_ptr_array_index (g->members, i);
      g_autofree char *who = NULL;

      if (m->latin_name)
        who = g_strdup_printf ("%s (%s), %s %s", m->full_name, m->latin_name,
                               L (ACT_CASE_NUMBER), m->case_number);
      else
        who = g_strdup_printf ("%s, %s %s", m->full_name, L (ACT_CASE_NUMBER), m->case_number);
      hmr_act_doc_field (doc, i == 0 ? L (g->members->len > 1 ? ACT_RECIPIENTS : ACT_RECIPIENT) : "",
                         who);
    }
  hmr_act_doc_field (doc, L (ACT_DISTRICT), hmr_act_district (g->district, r->lang));
  hmr_act_doc_field (doc, L (ACT_PURPOSE), g->purpose);
  hmr_act_doc_field (doc, L (ACT_APPROVED), approved);
  hmr_act_doc_space (doc, 8);

  hmr_act_doc_paragraph (doc, L (ACT_RECEIPT_INTRO), FALSE);
  hmr_act_doc_table_begin (doc, paid_columns, G_N_ELEMENTS (paid_columns));
  for (guint i = 0; i < r->tranches->len; i++)
    {
      HmrDisbursement *d = g_ptr_array_index (r->tranches, i);
      g_autofree char *no = g_strdup_printf ("%d", d->tranche);
      g_autofree char *date = hmr_act_format_date (d->paid_on);
      g_autofree char *amount = hmr_money_format (d->amount, d->currency, hmr_act_money_style (r->lang));
      const char *cells[] = { no, date, hmr_act_method (d->method, r->lang),
                              d->reference ? d->reference : "", amount };

      hmr_act_doc_table_row (doc, cells, FALSE);
      received += d->amount;
    }
  {
    g_autofree char *total = hmr_money_format (received, g->currency, hmr_act_money_style (r->lang));
    const char *cells[] = { "", "", "", L (ACT_TOTAL_RECEIVED), total };
    hmr_act_doc_table_row (doc, cells, TRUE);
  }
  hmr_act_doc_table_end (doc);
  {
    g_autofree char *words = hmr_act_amount_in_words (received, g->currency, r->lang);
    g_autofree char *line = g_strdup_printf (L (ACT_IN_WORDS), words);
    hmr_act_doc_paragraph (doc, line, FALSE);
  }
  /* the figures as they stood at this tranche, not as they stand today:
   * a receipt printed again later is the same receipt */
  if (r->tranches->len != r->n_to_date)
    {
      g_autofree char *paid = hmr_money_format (r->paid_to_date, g->currency, hmr_act_money_style (r->lang));
      hmr_act_doc_field (doc, L (ACT_PAID_TO_DATE), paid);
    }
  {
    g_autofree char *left = hmr_money_format (MAX (g->amount_approved, 0) - r->paid_to_date,
                                              g->currency, hmr_act_money_style (r->lang));
    hmr_act_doc_field (doc, L (ACT_REMAINING), left);
  }
  hmr_act_doc_space (doc, 6);
  hmr_act_doc_paragraph (doc, L (ACT_RECEIPT_STATEMENT), FALSE);

  if (g->items->len > 0)
    {
      hmr_act_doc_space (doc, 4);
      hmr_act_doc_paragraph (doc, L (ACT_BUDGET), TRUE);
      hmr_act_doc_table_begin (doc, budget_columns, G_N_ELEMENTS (budget_columns));
      for (guint i = 0; i < g->items->len; i++)
        {
          HmrGrantItem *it = g_ptr_array_index (g->items, i);
          g_autofree char *no = g_strdup_printf ("%u", i + 1);
          g_autofree char *qty = hmr_act_format_quantity (it->quantity, r->lang);
          g_autofree char *unit = hmr_money_format (it->unit_cost, g->currency, hmr_act_money_style (r->lang));
          g_autofree char *sum = hmr_money_format (hmr_grant_item_get_total (it), g->currency, hmr_act_money_style (r->lang));
          const char *cells[] = { no, it->name, qty, it->unit ? it->unit : "", unit, sum };

          hmr_act_doc_table_row (doc, cells, FALSE);
        }
      {
        g_autofree char *total = hmr_money_format (hmr_grant_get_budget_total (g), g->currency, hmr_act_money_style (r->lang));
        const char *cells[] = { "", L (ACT_TOTAL), "", "", "", total };
        hmr_act_doc_table_row (doc, cells, TRUE);
      }
      hmr_act_doc_table_end (doc);
    }

  hmr_act_doc_space (doc, 8);
  hmr_act_doc_paragraph (doc, L (ACT_SIGNATURES), TRUE);
  for (guint i = 0; i < g->members->len; i++)
    {
      HmrGrantMember *m = g_ptr_array_index (g->members, i);
      g_autofree char *who = m->latin_name ? g_strdup_printf ("%s (%s)", m->full_name, m->latin_name)
                                           : g_strdup (m->full_name);
      hmr_act_doc_signature (doc, L (ACT_SIG_RECIPIENT), who);
    }
  hmr_act_doc_signature (doc, L (ACT_SIG_FINANCE), r->staff);
  hmr_act_doc_paragraph (doc, L (ACT_STAMP), FALSE);
  hmr_act_doc_space (doc, 6);
  hmr_act_doc_paragraph (doc, r->printed, FALSE);
}

/**
 * hmr_act_write_grant_receipt:
 * @tranche: 0 for every tranche paid so far, or the number of one tranche
 * @path: the PDF to write; replaced atomically, readable by its owner only
 *
 * Prints the receipt the beneficiaries sign for the grant money, for anyone
 * who may read the grant, and writes a "print" audit row.  Refused when
 * nothing was paid yet (or there is no such tranche).  The receipt shows
 * the figures as at its (last) tranche and the finance officer who paid
 * it: printed again later, it is the same document but for its
 * printed-on line.
 */
gboolean
hmr_act_write_grant_receipt (HmrStore       *store,
                             const HmrActor *actor,
                             const char     *grant_id,
                             int             tranche,
                             HmrActLanguage  language,
                             const char     *path,
                             GError        **error)
{
  g_autoptr(HmrGrant) g = NULL;
  g_autoptr(GPtrArray) tranches = g_ptr_array_new ();
  g_autofree char *number = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *detail = NULL;
  Receipt r = { 0 };
  gboolean ok;

  g_return_val_if_fail (language < HMR_N_ACT_LANGUAGES, FALSE);

  g = hmr_store_get_grant (store, actor, grant_id, error);
  if (g == NULL)
    return FALSE;
  for (guint i = 0; i < g->disbursements->len; i++)
    {
      HmrDisbursement *d = g_ptr_array_index (g->disbursements, i);
      if (tranche == 0 || d->tranche == tranche)
        g_ptr_array_add (tranches, d);
    }
  if (tranches->len == 0)
    {
      if (tranche == 0)
        g_set_error (error, HMR_ACT_ERROR, 0,
                     _("Nothing has been paid on this grant yet; a receipt lists the money paid."));
      else
        g_set_error (error, HMR_ACT_ERROR, 0, _("This grant has no tranche %d."), tranche);
      return FALSE;
    }

  r.g = g;
  r.tranches = tranches;
  r.lang = language;
  {
    HmrDisbursement *last = g_ptr_array_index (tranches, tranches->len - 1);

    /* what was paid up to and including the last tranche listed */
    for (guint i = 0; i < g->disbursements->len; i++)
      {
        HmrDisbursement *d = g_ptr_array_index (g->disbursements, i);
        if (d->tranche <= last->tranche)
          {
            r.paid_to_date += d->amount;
            r.n_to_date++;
          }
      }
    /* the finance officer who signs is the one who paid it, whoever
     * prints it again later */
    r.staff = last->recorded_by;
  }
  if (!hmr_store_get_letterhead (store, g->office_id, language, &r.organisation, &r.office, error))
    return FALSE;
  r.printed = hmr_act_dup_printed_line (store, actor, language);
  number = g_strdup_printf (hmr_act_label (ACT_NUMBER, language), g->number);
  footer = g_strdup_printf ("%s %s", hmr_act_label (ACT_RECEIPT_TITLE, language), number);
  ok = hmr_act_render_to_file (path, language, footer, render_receipt, &r, error);
  g_free (r.printed);
  g_free (r.organisation);
  g_free (r.office);
  if (!ok)
    return FALSE;

  detail = g_strdup_printf ("grant receipt (%s, tranche %s)", hmr_act_language_to_string (language),
                            tranche == 0 ? "all" : "one");
  if (!hmr_store_audit_event (store, actor, "print", "grant", g->id, detail, error))
    {
      /* a printout the audit trail does not show is not left behind */
      g_unlink (path);
      return FALSE;
    }
  return TRUE;
}
