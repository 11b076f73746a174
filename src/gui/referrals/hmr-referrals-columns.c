/* hmr-referrals-columns.c
 *
 * The cells of the referral board: who and which case, the service, the
 * provider, where, whose, the status, and the due date with the days
 * overdue in red; the last column opens the person's case file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-gui-util.h"
#include "hmr-labels.h"
#include "hmr-referral.h"
#include "hmr-referrals-columns.h"

static GtkWidget *
new_cell_label (int min_chars,
                int max_chars)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), min_chars);
  if (max_chars > 0)
    gtk_label_set_max_width_chars (GTK_LABEL (label), max_chars);
  return label;
}

static GtkWidget *
new_two_lines (int min_chars,
               int max_chars)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *second = new_cell_label (min_chars, max_chars);

  gtk_box_append (GTK_BOX (box), new_cell_label (min_chars, max_chars));
  gtk_widget_add_css_class (second, "caption");
  gtk_box_append (GTK_BOX (box), second);
  return box;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  HmrReferralsColumn column = GPOINTER_TO_INT (user_data);
  GtkWidget *child;

  switch (column)
    {
    case HMR_REFERRALS_COLUMN_CASE:
      child = new_two_lines (16, 28);
      gtk_widget_add_css_class (gtk_widget_get_last_child (child), "dim-label");
      break;
    case HMR_REFERRALS_COLUMN_DUE:
      child = new_two_lines (13, 18);
      break;
    case HMR_REFERRALS_COLUMN_OPEN:
      child = gtk_button_new_from_icon_name ("avatar-default-symbolic");
      gtk_widget_add_css_class (child, "flat");
      gtk_widget_set_valign (child, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (child, _("Open Case File"));
      hmr_gui_set_accessible_label (child, _("Open Case File"));
      break;
    case HMR_REFERRALS_COLUMN_PROVIDER:
      child = new_cell_label (12, -1);
      break;
    case HMR_REFERRALS_COLUMN_SERVICE:
      child = new_cell_label (12, 28);
      break;
    case HMR_REFERRALS_COLUMN_DISTRICT:
    case HMR_REFERRALS_COLUMN_STATUS:
      child = new_cell_label (8, 14);
      break;
    case HMR_REFERRALS_COLUMN_CASEWORKER:
      child = new_cell_label (10, 20);
      break;
    case HMR_REFERRALS_N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
  gtk_list_item_set_child (item, child);
}

static void
set_two_lines (GtkWidget  *box,
               const char *first,
               const char *second)
{
  GtkWidget *a = gtk_widget_get_first_child (box);
  GtkWidget *b = gtk_widget_get_next_sibling (a);

  gtk_label_set_label (GTK_LABEL (a), hmr_gui_value_or_dash (first));
  gtk_label_set_label (GTK_LABEL (b), second ? second : "");
  gtk_widget_set_visible (b, second != NULL && second[0] != '\0');
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  HmrReferralsColumn column = GPOINTER_TO_INT (user_data);
  HmrReferralRow *row = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);

  switch (column)
    {
    case HMR_REFERRALS_COLUMN_CASE:
      set_two_lines (child, hmr_referral_row_get (row, HMR_REFERRAL_ROW_BENEFICIARY_NAME),
                     hmr_referral_row_get (row, HMR_REFERRAL_ROW_CASE_NUMBER));
      break;
    case HMR_REFERRALS_COLUMN_SERVICE:
      gtk_label_set_label (GTK_LABEL (child),
                           hmr_code_get_label (HMR_CODES_SERVICE_TYPE,
                                               hmr_referral_row_get (row, HMR_REFERRAL_ROW_SERVICE_TYPE)));
      break;
    case HMR_REFERRALS_COLUMN_PROVIDER:
      gtk_label_set_label (GTK_LABEL (child),
                           hmr_gui_value_or_dash (hmr_referral_row_get (row, HMR_REFERRAL_ROW_PROVIDER_NAME)));
      break;
    case HMR_REFERRALS_COLUMN_DISTRICT:
      gtk_label_set_label (GTK_LABEL (child),
                           hmr_gui_value_or_dash (hmr_district_get_label (hmr_referral_row_get (row, HMR_REFERRAL_ROW_DISTRICT))));
      break;
    case HMR_REFERRALS_COLUMN_CASEWORKER:
      gtk_label_set_label (GTK_LABEL (child),
                           hmr_gui_value_or_dash (hmr_referral_row_get (row, HMR_REFERRAL_ROW_CASEWORKER_NAME)));
      break;
    case HMR_REFERRALS_COLUMN_STATUS:
      gtk_label_set_label (GTK_LABEL (child),
                           hmr_code_get_label (HMR_CODES_REFERRAL_STATUS,
                                               hmr_referral_row_get (row, HMR_REFERRAL_ROW_STATUS)));
      break;
    case HMR_REFERRALS_COLUMN_DUE:
      {
        g_autofree char *due = hmr_gui_format_date (hmr_referral_row_get (row, HMR_REFERRAL_ROW_DUE_ON));
        g_autofree char *late = NULL;
        gboolean overdue = hmr_referral_row_get_overdue (row);
        int days = hmr_referral_row_get_days_overdue (row);

        if (overdue)
          late = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue", "%d days overdue", days), days);
        set_two_lines (child, hmr_referral_status_is_open (hmr_referral_row_get (row, HMR_REFERRAL_ROW_STATUS))
                              ? due : NULL, late);
        if (overdue)
          gtk_widget_add_css_class (child, "error");
        else
          gtk_widget_remove_css_class (child, "error");
      }
      break;
    case HMR_REFERRALS_COLUMN_OPEN:
      /* The target first: the action wants one */
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (child),
                                              g_variant_new_string (hmr_gui_value_or_dash (hmr_referral_row_get (row, HMR_REFERRAL_ROW_BENEFICIARY_ID))));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (child), "referrals.open-case-file");
      break;
    case HMR_REFERRALS_N_COLUMNS:
    default:
      g_assert_not_reached ();
    }
}

void
hmr_referrals_columns_setup (GtkColumnViewColumn **columns)
{
  for (guint i = 0; i < HMR_REFERRALS_N_COLUMNS; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (i));
      gtk_column_view_column_set_factory (columns[i], factory);
    }
}
