/* hmr-intake-util.c
 *
 * A combo row keeps the codes of its items in a GPtrArray set on it as
 * "hmr-codes": position 0 is "none" (NULL) when the row has a none label.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-gui-util.h"
#include "hmr-intake-util.h"

#define OTHER "\x01other"

static GPtrArray *
combo_codes (AdwComboRow *row)
{
  return g_object_get_data (G_OBJECT (row), "hmr-codes");
}

void
hmr_intake_combo_fill_codes (AdwComboRow        *row,
                             const char * const *codes,
                             const char * const *labels,
                             guint               n_codes,
                             const char         *none_label)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  GPtrArray *kept = g_ptr_array_new_with_free_func (g_free);

  if (none_label != NULL)
    {
      gtk_string_list_append (list, none_label);
      g_ptr_array_add (kept, NULL);
    }
  for (guint i = 0; i < n_codes; i++)
    {
      gtk_string_list_append (list, labels[i]);
      g_ptr_array_add (kept, g_strdup (codes[i]));
    }
  g_object_set_data_full (G_OBJECT (row), "hmr-codes", kept, (GDestroyNotify) g_ptr_array_unref);
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
}

/**
 * hmr_intake_combo_fill:
 * @none_label: (nullable): the first item, for "not known", or %NULL
 *   when a choice is required
 */
void
hmr_intake_combo_fill (AdwComboRow *row,
                       HmrCodes     codes,
                       const char  *none_label)
{
  const char * const *list = hmr_code_list (codes);
  guint n = g_strv_length ((char **) list);
  g_autofree const char **labels = g_new0 (const char *, n + 1);

  for (guint i = 0; i < n; i++)
    labels[i] = hmr_code_get_label (codes, list[i]);
  hmr_intake_combo_fill_codes (row, list, labels, n, none_label);
}

void
hmr_intake_combo_select (AdwComboRow *row,
                         const char  *code)
{
  GPtrArray *codes = combo_codes (row);

  for (guint i = 0; codes != NULL && i < codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (codes, i), code) == 0)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  adw_combo_row_set_selected (row, 0);
}

const char *
hmr_intake_combo_get_code (AdwComboRow *row)
{
  GPtrArray *codes = combo_codes (row);
  guint i = adw_combo_row_get_selected (row);

  if (codes == NULL || i >= codes->len)
    return NULL;
  return g_ptr_array_index (codes, i);
}

/* ---- places ------------------------------------------------------------- */

void
hmr_intake_place_update (AdwComboRow *combo,
                         AdwEntryRow *other)
{
  gtk_widget_set_visible (GTK_WIDGET (other), g_strcmp0 (hmr_intake_combo_get_code (combo), OTHER) == 0);
}

/**
 * hmr_intake_place_load:
 *
 * Call after hmr_intake_combo_fill(): adds the "Other" item and shows
 * @value, in the list or in @other.
 */
void
hmr_intake_place_load (AdwComboRow *combo,
                       AdwEntryRow *other,
                       const char  *value)
{
  GPtrArray *codes = combo_codes (combo);
  GtkStringList *list = GTK_STRING_LIST (adw_combo_row_get_model (combo));
  gboolean known = FALSE;

  if (codes->len == 0 || g_strcmp0 (g_ptr_array_index (codes, codes->len - 1), OTHER) != 0)
    {
      /* Translators: the last item of a list of places, to type one that is not in it */
      gtk_string_list_append (list, C_("place", "Other (type it)"));
      g_ptr_array_add (codes, g_strdup (OTHER));
    }
  for (guint i = 0; i < codes->len; i++)
    known |= g_strcmp0 (g_ptr_array_index (codes, i), value) == 0;
  if (value == NULL || known)
    {
      hmr_intake_combo_select (combo, value);
      gtk_editable_set_text (GTK_EDITABLE (other), "");
    }
  else
    {
      hmr_intake_combo_select (combo, OTHER);
      gtk_editable_set_text (GTK_EDITABLE (other), value);
    }
  hmr_intake_place_update (combo, other);
}

char *
hmr_intake_place_dup (AdwComboRow *combo,
                      AdwEntryRow *other)
{
  const char *code = hmr_intake_combo_get_code (combo);

  if (g_strcmp0 (code, OTHER) == 0)
    return hmr_intake_dup_text (other);
  return g_strdup (code);
}

/* ---- entries ------------------------------------------------------------ */

void
hmr_intake_date_load (AdwEntryRow *row,
                      const char  *iso_date)
{
  g_autofree char *shown = hmr_gui_format_date (iso_date);

  gtk_editable_set_text (GTK_EDITABLE (row), shown ? shown : "");
}

void
hmr_intake_months_load (AdwEntryRow *row,
                        int          months)
{
  g_autofree char *text = months >= 0 ? g_strdup_printf ("%d", months) : g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/**
 * hmr_intake_months_read:
 * @months: (out): the number, or -1 when blank
 *
 * Returns: %FALSE when what is typed is not a whole number
 */
gboolean
hmr_intake_months_read (AdwEntryRow *row,
                        int         *months)
{
  g_autofree char *text = hmr_intake_dup_text (row);
  guint64 n;

  *months = -1;
  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 0, 10000, &n, NULL))
    return FALSE;
  *months = (int) n;
  return TRUE;
}

/**
 * hmr_intake_dup_text:
 *
 * Returns: (transfer full) (nullable): the text stripped, %NULL when blank
 */
char *
hmr_intake_dup_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

/**
 * hmr_intake_show_error:
 * @message: (nullable): what is wrong, naming the field; %NULL hides it
 */
void
hmr_intake_show_error (GtkLabel   *label,
                       const char *message)
{
  gtk_label_set_label (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

/* What every intake dialog does once the store took what was typed: no
 * message left, its "saved" signal, and away */
void
hmr_intake_saved (GtkWindow *dialog,
                  GtkLabel  *error_label)
{
  hmr_intake_show_error (error_label, NULL);
  g_signal_emit_by_name (dialog, "saved");
  gtk_window_close (dialog);
}
