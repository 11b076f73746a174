/* hmr-act-pdf.c — the handover act as a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hmr-act-private.h"
#include "hmr-handover.h"
#include "hmr-labels.h"
#include "hmr-organisation.h"

typedef struct
{
  HmrHandover    *h;
  HmrActLanguage  lang;
  char           *printed;
  char           *organisation;   /* the letterhead, in lang */
  char           *office;
} HandoverAct;

#define L(label) hmr_act_label ((label), a->lang)

static void
render_handover (ActDoc   *doc,
                 gpointer  user_data)
{
  HandoverAct *a = user_data;
  HmrHandover *h = a->h;
  g_autofree char *number = g_strdup_printf (L (ACT_NUMBER), h->number);
  g_autofree char *date = hmr_act_format_date (h->handed_on);
  /* A handover has no currency of its own: its values are in somoni */
  g_autofree char *total = hmr_money_format (hmr_handover_get_total (h), HMR_CURRENCY_DEFAULT, hmr_act_money_style (a->lang));
  const ActColumn columns[] = {
    /* the money columns hold 10 000 000,00 TJS on one line */
    { L (ACT_COL_NO), 0.05, ACT_ALIGN_RIGHT },
    { L (ACT_COL_ITEM), 0.31, ACT_ALIGN_LEFT },
    { L (ACT_COL_SERIAL), 0.14, ACT_ALIGN_LEFT },
    { L (ACT_COL_QUANTITY), 0.08, ACT_ALIGN_RIGHT },
    { L (ACT_COL_UNIT_VALUE), 0.20, ACT_ALIGN_RIGHT },
    { L (ACT_COL_TOTAL), 0.22, ACT_ALIGN_RIGHT },
  };

  hmr_act_doc_letterhead (doc, a->organisation, a->office);
  hmr_act_doc_title (doc, L (ACT_HANDOVER_TITLE));
  hmr_act_doc_centered (doc, number);
  if (h->corrects_id)
    {
      g_autofree char *note = g_strdup_printf (L (ACT_CORRECTS), h->corrects_number);
      hmr_act_doc_centered (doc, note);
    }
  if (!hmr_handover_is_signed (h))
    hmr_act_doc_centered (doc, L (ACT_DRAFT));
  hmr_act_doc_space (doc, 10);

  hmr_act_doc_field (doc, L (ACT_DATE), date);
  hmr_act_doc_field (doc, L (ACT_PLACE), h->place);
  hmr_act_doc_field (doc, L (ACT_RECIPIENT), h->full_name);
  if (h->latin_name)
    hmr_act_doc_field (doc, L (ACT_NAME_LATIN), h->latin_name);
  hmr_act_doc_field (doc, L (ACT_CASE_NUMBER), h->case_number);
  hmr_act_doc_field (doc, L (ACT_DISTRICT), hmr_act_district (h->district, a->lang));
  hmr_act_doc_field (doc, L (ACT_RECEIVED_BY), h->received_by);
  if (h->grant_id)
    {
      g_autofree char *grant = g_strdup_printf ("%s — %s", h->grant_number, h->grant_purpose ? h->grant_purpose : "");
      hmr_act_doc_field (doc, L (ACT_GRANT), grant);
    }
  hmr_act_doc_space (doc, 8);

  hmr_act_doc_paragraph (doc, L (ACT_HANDOVER_INTRO), FALSE);
  hmr_act_doc_table_begin (doc, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < h->items->len; i++)
    {
      HmrHandoverItem *it = g_ptr_array_index (h->items, i);
      g_autofree char *no = g_strdup_printf ("%u", i + 1);
      g_autofree char *qty = hmr_act_format_quantity (it->quantity, a->lang);
      g_autofree char *unit = hmr_money_format (it->unit_value, HMR_CURRENCY_DEFAULT, hmr_act_money_style (a->lang));
      g_autofree char *sum = hmr_money_format (hmr_handover_item_get_total (it), HMR_CURRENCY_DEFAULT, hmr_act_money_style (a->lang));
      const char *cells[] = { no, it->name, it->serial ? it->serial : "", qty, unit, sum };

      hmr_act_doc_table_row (doc, cells, FALSE);
    }
  {
    const char *cells[] = { "", L (ACT_TOTAL), "", "", "", total };
    hmr_act_doc_table_row (doc, cells, TRUE);
  }
  hmr_act_doc_table_end (doc);
  {
    g_autofree char *words = hmr_act_amount_in_words (hmr_handover_get_total (h), HMR_CURRENCY_DEFAULT, a->lang);
    g_autofree char *line = g_strdup_printf (L (ACT_IN_WORDS), words);
    hmr_act_doc_paragraph (doc, line, FALSE);
  }
  hmr_act_doc_paragraph (doc, L (ACT_CONDITION), FALSE);

  if (h->witnesses->len > 0)
    {
      hmr_act_doc_space (doc, 4);
      hmr_act_doc_paragraph (doc, L (ACT_WITNESSES), TRUE);
      for (guint i = 0; i < h->witnesses->len; i++)
        {
          HmrHandoverWitness *w = g_ptr_array_index (h->witnesses, i);
          g_autofree char *line = g_strdup_printf ("%u. %s — %s", i + 1, w->name, w->role);
          hmr_act_doc_paragraph (doc, line, FALSE);
        }
    }

  hmr_act_doc_space (doc, 8);
  hmr_act_doc_paragraph (doc, L (ACT_SIGNATURES), TRUE);
  {
    g_autofree char *recipient = h->latin_name
      ? g_strdup_printf ("%s (%s)", h->full_name, h->latin_name) : g_strdup (h->full_name);
    hmr_act_doc_signature (doc, L (ACT_SIG_RECIPIENT), recipient);
  }
  if (g_strcmp0 (h->received_by, h->full_name) != 0)
    hmr_act_doc_signature (doc, L (ACT_RECEIVED_BY), h->received_by);
  for (guint i = 0; i < h->witnesses->len; i++)
    {
      HmrHandoverWitness *w = g_ptr_array_index (h->witnesses, i);
      g_autofree char *who = g_strdup_printf ("%s (%s)", w->name, w->role);
      hmr_act_doc_signature (doc, L (ACT_SIG_WITNESS), who);
    }
  hmr_act_doc_signature (doc, L (ACT_SIG_STAFF), h->created_by_name);
  hmr_act_doc_paragraph (doc, L (ACT_STAMP), FALSE);
  hmr_act_doc_space (doc, 6);
  hmr_act_doc_paragraph (doc, a->printed, FALSE);
}

/* "Printed on 23.11.2026 by Nigina Karimova", in the act's language */
char *
hmr_act_dup_printed_line (HmrStore       *store,
                          const HmrActor *actor,
                          HmrActLanguage  language)
{
  GDate today;
  char iso[16];
  g_autofree char *date = NULL;

  hmr_store_get_today (store, &today);
  g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &today);
  date = hmr_act_format_date (iso);
  return g_strdup_printf (hmr_act_label (ACT_PRINTED, language), date,
                          actor->full_name ? actor->full_name : actor->username);
}

/**
 * hmr_act_write_handover:
 * @path: the PDF to write; replaced atomically, readable by its owner only
 *
 * Prints the handover act (a draft is marked as such) for anyone who may
 * read the act, and writes a "print" audit row.
 */
gboolean
hmr_act_write_handover (HmrStore       *store,
                        const HmrActor *actor,
                        const char     *handover_id,
                        HmrActLanguage  language,
                        const char     *path,
                        GError        **error)
{
  g_autoptr(HmrHandover) h = NULL;
  g_autofree char *number = NULL;
  g_autofree char *footer = NULL;
  g_autofree char *detail = NULL;
  HandoverAct a = { 0 };
  gboolean ok;

  g_return_val_if_fail (language < HMR_N_ACT_LANGUAGES, FALSE);

  h = hmr_store_get_handover (store, actor, handover_id, error);
  if (h == NULL)
    return FALSE;
  a.h = h;
  a.lang = language;
  if (!hmr_store_get_letterhead (store, h->office_id, language, &a.organisation, &a.office, error))
    return FALSE;
  a.printed = hmr_act_dup_printed_line (store, actor, language);
  number = g_strdup_printf (hmr_act_label (ACT_NUMBER, language), h->number);
  footer = g_strdup_printf ("%s %s", hmr_act_label (ACT_HANDOVER_TITLE, language), number);
  ok = hmr_act_render_to_file (path, language, footer, render_handover, &a, error);
  g_free (a.printed);
  g_free (a.organisation);
  g_free (a.office);
  if (!ok)
    return FALSE;
  detail = g_strdup_printf ("handover act (%s, %s)", hmr_act_language_to_string (language),
                            h->status);
  if (!hmr_store_audit_event (store, actor, "print", "handover", h->id, detail, error))
    {
      /* a printout the audit trail does not show is not left behind */
      g_unlink (path);
      return FALSE;
    }
  return TRUE;
}
