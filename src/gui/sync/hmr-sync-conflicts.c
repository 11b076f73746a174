/* hmr-sync-conflicts.c
 *
 * Each conflict is one row: "Раҳимов Алишер (DST-2026-0001) — Village",
 * then the value in force and the one set aside, each with where, who and
 * when, and two buttons that activate sync.resolve on the Sync area.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-sync-conflicts.h"
#include "hmr-audit-labels.h"
#include "hmr-gui-util.h"
#include "hmr-sync.h"

/* The audit trail's name for a table's records */
static const char *
entity_of_table (const char *table)
{
  static const struct { const char *table; const char *entity; } names[] = {
    { "case_file", "case" },
    { "reintegration_grant", "grant" },
    { "reintegration_plan", "plan" },
    { "app_user", "user" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (names[i].table, table) == 0)
      return names[i].entity;
  return table;
}

static char *
record_label (HmrContext      *context,
              HmrSyncConflict *c)
{
  g_autoptr(HmrBeneficiary) b = NULL;

  if (c->beneficiary_id != NULL)
    b = hmr_store_get_beneficiary (hmr_context_get_store (context), hmr_context_get_actor (context),
                                   c->beneficiary_id, NULL);
  if (b != NULL)
    /* Translators: a person named in a conflict: "Раҳимов Алишер (DST-2026-0001)" */
    return g_strdup_printf (C_("sync conflict", "%s %s (%s)"),
                            hmr_beneficiary_get (b, HMR_BENEFICIARY_FAMILY_NAME),
                            hmr_beneficiary_get (b, HMR_BENEFICIARY_GIVEN_NAME),
                            hmr_beneficiary_get (b, HMR_BENEFICIARY_CASE_NUMBER));
  /* Translators: a record named in a conflict by its kind and the start of its id */
  return g_strdup_printf (C_("sync conflict", "%s %.8s"), c->table, c->record_id);
}

/* "Навобод — HQ, n.karimova, 23.11.2026 10:30" */
static char *
describe_value (const char *entity,
                const char *column,
                const char *value,
                const char *office,
                const char *by,
                const char *at)
{
  g_autofree char *label = hmr_audit_value_label (entity, column, value);
  g_autofree char *when = hmr_gui_format_timestamp (at);
  g_autoptr(GString) where = g_string_new (NULL);

  if (office != NULL)
    g_string_append (where, g_strcmp0 (office, "HQ") == 0 ? _("HQ") : office);
  if (by != NULL)
    g_string_append_printf (where, "%s%s", where->len ? ", " : "", by);
  if (when != NULL)
    g_string_append_printf (where, "%s%s", where->len ? ", " : "", when);
  if (where->len == 0)
    return g_strdup (hmr_gui_value_or_dash (label));
  /* Translators: a value and where, by whom and when it was written */
  return g_strdup_printf (C_("sync conflict", "%s — %s"), hmr_gui_value_or_dash (label), where->str);
}

static GtkWidget *
resolve_button (const char *label,
                const char *tooltip,
                const char *id,
                gboolean    restore)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "sync.resolve");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new ("(sb)", id, restore));
  return button;
}

guint
hmr_sync_conflicts_fill (GtkListBox *list,
                         HmrContext *context)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;

  hmr_gui_list_box_clear (list);

  conflicts = hmr_store_sync_list_conflicts (hmr_context_get_store (context), hmr_context_get_actor (context),
                                             TRUE, &error);
  if (conflicts == NULL || conflicts->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     conflicts == NULL ? error->message : _("No conflicts wait for review."));
      gtk_list_box_append (list, row);
      return 0;
    }

  for (guint i = 0; i < conflicts->len; i++)
    {
      HmrSyncConflict *c = g_ptr_array_index (conflicts, i);
      const char *entity = entity_of_table (c->table);
      g_autofree char *record = record_label (context, c);
      g_autofree char *field = hmr_audit_field_label (entity, c->column);
      g_autofree char *title = NULL;
      g_autofree char *in_force = NULL;
      g_autofree char *set_aside = NULL;
      g_autofree char *subtitle = NULL;
      gboolean restorable = g_strcmp0 (c->column, "*") != 0 && g_strcmp0 (c->column, "deleted_at") != 0;
      GtkWidget *row = adw_action_row_new ();

      /* Translators: a conflict's record and field: "Раҳимов Алишер (DST-2026-0001) — Village" */
      title = g_strdup_printf (C_("sync conflict", "%s — %s"), record, field);
      in_force = describe_value (entity, c->column, c->current ? c->current : c->kept, c->kept_office, c->kept_by,
                                 c->kept_at);
      set_aside = describe_value (entity, c->column, c->lost, c->lost_office, c->lost_by, c->lost_at);
      /* Translators: the two values of a conflict, one per line */
      subtitle = g_strdup_printf (_("In force: %s\nSet aside: %s"), in_force, set_aside);
      /* Restored at the other installation, and back here with its answer */
      if (c->current != NULL && g_strcmp0 (c->current, c->lost) == 0)
        {
          g_autofree char *both = subtitle;

          subtitle = g_strdup_printf ("%s\n%s", both,
                                      _("The value set aside is in force again: it was restored elsewhere. "
                                        "Keep it to close this conflict."));
          restorable = FALSE;
        }

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_set_name (row, c->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 resolve_button (_("_Keep"), _("Keep the value in force"), c->id, FALSE));
      if (restorable)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   resolve_button (_("_Restore Other"),
                                                   _("Put the value that was set aside back; the change travels "
                                                     "to the other installations"),
                                                   c->id, TRUE));
      gtk_list_box_append (list, row);
    }
  return conflicts->len;
}
