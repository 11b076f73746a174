/* hmr-beneficiaries-columns.c
 *
 * Eight columns, each a label (the name of two lines: Cyrillic above,
 * passport Latin below, smaller).  The name and the case number show what matched the
 * search in bold: the letters typed when the word starts with them, the
 * whole word when it matched through the cross-script key (Rahimov typed,
 * Раҳимов shown).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-beneficiaries-columns.h"
#include "hmr-gui-util.h"
#include "hmr-name-key.h"

/* The narrowest a column gets, in characters, before the table scrolls
 * sideways: names stay readable on a narrow window; -1 never shortens.
 * Small enough that the Tajik headings, longer than the English ones,
 * still leave the Risk column in view at the default 1200 pixels */
static const int column_min_chars[HMR_N_COLUMNS] = {
  [HMR_COLUMN_CASE_NUMBER] = -1,
  [HMR_COLUMN_NAME] = 18,
  [HMR_COLUMN_DISTRICT] = 8,
  [HMR_COLUMN_CATEGORY] = 10,
  [HMR_COLUMN_STAGE] = 8,
  [HMR_COLUMN_CASEWORKER] = 8,
  [HMR_COLUMN_LAST_CONTACT] = -1,
  [HMR_COLUMN_RISK] = 5,
};

/* … and the widest, so that the names get the room left over */
static const int column_max_chars[HMR_N_COLUMNS] = {
  [HMR_COLUMN_CASE_NUMBER] = -1,
  [HMR_COLUMN_NAME] = -1,
  [HMR_COLUMN_DISTRICT] = 14,
  [HMR_COLUMN_CATEGORY] = 20,
  [HMR_COLUMN_STAGE] = 12,
  [HMR_COLUMN_CASEWORKER] = 18,
  [HMR_COLUMN_LAST_CONTACT] = -1,
  [HMR_COLUMN_RISK] = 8,
};

typedef struct
{
  HmrColumn     column;
  HmrHighlight *highlight;
} CellData;

/* ---- highlighting ----------------------------------------------------- */

void
hmr_highlight_set (HmrHighlight *highlight,
                   const char   *text)
{
  hmr_highlight_clear (highlight);
  if (text == NULL || text[0] == '\0')
    return;
  highlight->text = g_strdup (text);
  highlight->keys = hmr_name_key_tokens (text);
}

void
hmr_highlight_clear (HmrHighlight *highlight)
{
  g_clear_pointer (&highlight->text, g_free);
  g_clear_pointer (&highlight->keys, g_strfreev);
}

/* How many characters of @word to show in bold: the prefix typed, or all
 * of it when its key starts with a key typed; 0 when nothing matches */
static glong
match_length (const HmrHighlight *highlight,
              const char         *word)
{
  g_autofree char *word_fold = g_utf8_casefold (word, -1);
  g_autofree char *word_key = hmr_name_key (word);
  g_auto(GStrv) typed = g_strsplit_set (highlight->text, " \t,.;-", -1);
  glong best = 0;

  for (guint i = 0; typed[i] != NULL; i++)
    {
      g_autofree char *fold = NULL;

      if (typed[i][0] == '\0')
        continue;
      fold = g_utf8_casefold (typed[i], -1);
      if (g_str_has_prefix (word_fold, fold))
        best = MAX (best, MIN (g_utf8_strlen (typed[i], -1), g_utf8_strlen (word, -1)));
    }
  if (best > 0)
    return best;

  for (guint i = 0; highlight->keys != NULL && highlight->keys[i] != NULL; i++)
    if (highlight->keys[i][0] != '\0' && word_key[0] != '\0' &&
        g_str_has_prefix (word_key, highlight->keys[i]))
      return g_utf8_strlen (word, -1);
  return 0;
}

static void
append_escaped (GString    *out,
                const char *text,
                gssize      len)
{
  g_autofree char *escaped = g_markup_escape_text (text, len);
  g_string_append (out, escaped);
}

/**
 * hmr_highlight_markup:
 *
 * Returns: (transfer full): @text as Pango markup, escaped, with what
 *   matches the search in bold
 */
char *
hmr_highlight_markup (const HmrHighlight *highlight,
                      const char         *text)
{
  GString *out = g_string_new (NULL);
  const char *p = text;

  if (text == NULL)
    return g_string_free (out, FALSE);
  if (highlight == NULL || highlight->text == NULL)
    {
      append_escaped (out, text, -1);
      return g_string_free (out, FALSE);
    }

  while (*p != '\0')
    {
      const char *start = p;
      gboolean is_word = g_unichar_isalnum (g_utf8_get_char (p));

      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)) == is_word)
        p = g_utf8_next_char (p);

      if (is_word)
        {
          g_autofree char *word = g_strndup (start, p - start);
          glong n = match_length (highlight, word);

          if (n > 0)
            {
              const char *end = g_utf8_offset_to_pointer (word, n);

              g_string_append (out, "<b>");
              append_escaped (out, word, end - word);
              g_string_append (out, "</b>");
              append_escaped (out, end, -1);
              continue;
            }
        }
      append_escaped (out, start, p - start);
    }
  return g_string_free (out, FALSE);
}

/* ---- cells ------------------------------------------------------------ */

static GtkWidget *
new_cell_label (HmrColumn column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (column_min_chars[column] > 0)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), column_min_chars[column]);
      gtk_label_set_max_width_chars (GTK_LABEL (label), column_max_chars[column]);
    }
  if (column == HMR_COLUMN_CASE_NUMBER || column == HMR_COLUMN_LAST_CONTACT)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            CellData                 *data)
{
  gtk_list_item_set_child (item, new_cell_label (data->column));
}

static void
set_highlighted (GtkLabel           *label,
                 const HmrHighlight *highlight,
                 const char         *text)
{
  g_autofree char *markup = NULL;

  /* No search: plain text, without escaping and parsing markup for
   * every row scrolled into view */
  if (highlight == NULL || highlight->text == NULL)
    {
      gtk_label_set_use_markup (label, FALSE);
      gtk_label_set_label (label, text);
      return;
    }
  markup = hmr_highlight_markup (highlight, text);
  gtk_label_set_markup (label, markup);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           CellData                 *data)
{
  HmrBeneficiary *b = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  GtkLabel *label = GTK_LABEL (child);
  const char *risk;

  switch (data->column)
    {
    case HMR_COLUMN_NAME:
      {
        /* One label of two lines rather than two labels: a screen of
         * rows lays out half as many names */
        g_autofree char *name = hmr_beneficiary_dup_full_name (b);
        g_autofree char *latin = hmr_beneficiary_dup_latin_name (b);
        g_autofree char *name_markup = hmr_highlight_markup (data->highlight, name);
        g_autofree char *latin_markup = NULL;
        g_autofree char *markup = NULL;

        if (latin[0] == '\0')
          {
            gtk_label_set_markup (label, name_markup);
            break;
          }
        latin_markup = hmr_highlight_markup (data->highlight, latin);
        /* the passport spelling smaller and dimmed, as a caption */
        markup = g_strconcat (name_markup, "\n<span size=\"smaller\" alpha=\"60%\">",
                              latin_markup, "</span>", NULL);
        gtk_label_set_markup (label, markup);
      }
      break;

    case HMR_COLUMN_CASE_NUMBER:
      set_highlighted (label, data->highlight,
                       hmr_gui_value_or_dash (hmr_beneficiary_get (b, HMR_BENEFICIARY_CASE_NUMBER)));
      break;

    case HMR_COLUMN_DISTRICT:
      gtk_label_set_label (label, hmr_gui_value_or_dash (hmr_district_get_label (hmr_beneficiary_get (b, HMR_BENEFICIARY_DISTRICT))));
      break;

    case HMR_COLUMN_CATEGORY:
      gtk_label_set_label (label, hmr_gui_value_or_dash (hmr_category_get_label (hmr_beneficiary_get (b, HMR_BENEFICIARY_CATEGORY))));
      break;

    case HMR_COLUMN_STAGE:
      if (hmr_beneficiary_is_archived (b))
        gtk_label_set_label (label, _("Archived"));
      else
        gtk_label_set_label (label, hmr_gui_value_or_dash (hmr_stage_get_label (hmr_beneficiary_get (b, HMR_BENEFICIARY_CASE_STAGE))));
      break;

    case HMR_COLUMN_CASEWORKER:
      gtk_label_set_label (label, hmr_gui_value_or_dash (hmr_beneficiary_get (b, HMR_BENEFICIARY_CASEWORKER)));
      break;

    case HMR_COLUMN_LAST_CONTACT:
      {
        g_autofree char *date = hmr_gui_format_date (hmr_beneficiary_get (b, HMR_BENEFICIARY_LAST_CONTACT));
        gtk_label_set_label (label, hmr_gui_value_or_dash (date));
      }
      break;

    case HMR_COLUMN_RISK:
      risk = hmr_beneficiary_get (b, HMR_BENEFICIARY_RISK_LEVEL);
      gtk_label_set_label (label, hmr_gui_value_or_dash (hmr_risk_get_label (risk)));
      gtk_widget_remove_css_class (child, "risk-high");
      gtk_widget_remove_css_class (child, "risk-medium");
      if (g_strcmp0 (risk, "high") == 0)
        gtk_widget_add_css_class (child, "risk-high");
      else if (g_strcmp0 (risk, "medium") == 0)
        gtk_widget_add_css_class (child, "risk-medium");
      break;

    case HMR_N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

/**
 * hmr_beneficiaries_columns_set_up:
 * @columns: the %HMR_N_COLUMNS columns of the view
 * @highlight: what to show in bold; must outlive the columns
 *
 * Gives each column its cells.
 */
void
hmr_beneficiaries_columns_set_up (GtkColumnViewColumn **columns,
                                  HmrHighlight         *highlight)
{
  for (guint i = 0; i < HMR_N_COLUMNS; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      CellData *data = g_new0 (CellData, 1);

      data->column = i;
      data->highlight = highlight;
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), data);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), data);
      g_object_set_data_full (G_OBJECT (factory), "hmr-cell-data", data, g_free);
      gtk_column_view_column_set_factory (columns[i], factory);
    }
}

/**
 * hmr_column_get_sort:
 * @invert: (out): whether the SQL order runs the other way than the
 *   arrow shown (risk: ascending means low to high)
 *
 * Returns: the SQL sort of @column
 */
HmrBeneficiarySort
hmr_column_get_sort (HmrColumn  column,
                     gboolean  *invert)
{
  *invert = FALSE;
  switch (column)
    {
    case HMR_COLUMN_NAME:
      return HMR_BENEFICIARY_SORT_NAME;
    case HMR_COLUMN_DISTRICT:
      return HMR_BENEFICIARY_SORT_DISTRICT;
    case HMR_COLUMN_CATEGORY:
      return HMR_BENEFICIARY_SORT_CATEGORY;
    case HMR_COLUMN_STAGE:
      return HMR_BENEFICIARY_SORT_STAGE;
    case HMR_COLUMN_CASEWORKER:
      return HMR_BENEFICIARY_SORT_CASEWORKER;
    case HMR_COLUMN_LAST_CONTACT:
      return HMR_BENEFICIARY_SORT_LAST_CONTACT;
    case HMR_COLUMN_RISK:
      *invert = TRUE;
      return HMR_BENEFICIARY_SORT_RISK;
    case HMR_COLUMN_CASE_NUMBER:
    case HMR_N_COLUMNS:
    default:
      return HMR_BENEFICIARY_SORT_CASE_NUMBER;
    }
}
