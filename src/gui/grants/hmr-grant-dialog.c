/* hmr-grant-dialog.c
 *
 * One dialog for a grant's whole life.  What the user may do shows as
 * buttons, each enabled only when the workflow would allow the step for
 * the user's role: the caseworker edits and submits the draft, a
 * supervisor approves (an amount that may be lower) or rejects with a
 * comment, finance records tranches, verifies and prints the receipt.
 * After every step the grant is read again from the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-grant-dialog.h"
#include "hmr-grant-dialog-private.h"
#include "hmr-grant-util.h"
#include "hmr-gui-util.h"
#include "hmr-labels.h"
#include "hmr-permissions.h"
#include "hmr-workflow.h"


G_DEFINE_FINAL_TYPE (HmrGrantDialog, hmr_grant_dialog, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
hmr_grant_dialog_toast (HmrGrantDialog *self,
                        const char     *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

void
hmr_grant_dialog_refusal (HmrGrantDialog *self,
                          const char     *message)
{
  hmr_gui_show_error_toast (GTK_WIDGET (self->toast_overlay), message);
}

/* ---- what the user may do ------------------------------------------- */

static gboolean
may_move_to (HmrGrantDialog *self,
             const char     *to)
{
  g_auto(GStrv) next = NULL;

  if (self->grant->id == NULL)
    return FALSE;
  next = hmr_workflow_next_states (self->actor, HMR_RECORD_GRANT, self->grant->status,
                                   self->grant->office_id);
  return next != NULL && g_strv_contains ((const char * const *) next, to);
}

static void
set_step (HmrGrantDialog *self,
          GtkWidget      *button,
          const char     *action,
          gboolean        allowed)
{
  gtk_widget_set_visible (button, allowed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), action, allowed);
}

static void
update_steps (HmrGrantDialog *self)
{
  HmrGrant *g = self->grant;
  gboolean deciding = may_move_to (self, "approved") || may_move_to (self, "rejected");
  gboolean paying = may_move_to (self, "disbursing") ||
                    (g_strcmp0 (g->status, "disbursing") == 0 &&
                     hmr_permission_allows (self->actor, HMR_ACTION_DISBURSE, g->office_id));
  gboolean funded = hmr_grant_status_is_funded (g->status);

  self->editable = (g->id == NULL || g_strcmp0 (g->status, "draft") == 0) &&
                   hmr_permission_allows (self->actor, HMR_ACTION_GRANT_WRITE,
                                          g->id ? g->office_id : self->actor->office_id);

  set_step (self, self->save_button, "grant.save", self->editable);
  set_step (self, self->submit_button, "grant.submit",
            self->editable && (g->id == NULL ? hmr_workflow_may_move (self->actor, HMR_RECORD_GRANT, "draft", "submitted",
                                                                        self->actor->office_id, NULL, NULL)
                                             : may_move_to (self, "submitted")));
  set_step (self, self->approve_button, "grant.approve", may_move_to (self, "approved"));
  set_step (self, self->reject_button, "grant.reject", may_move_to (self, "rejected"));
  set_step (self, self->tranche_button, "grant.record-tranche", paying);
  set_step (self, self->verify_button, "grant.verify", may_move_to (self, "verified"));
  set_step (self, self->receipt_button, "grant.print-receipt",
            g->disbursements->len > 0 && hmr_permission_allows (self->actor, HMR_ACTION_DISBURSE, g->office_id));
  set_step (self, self->handover_button, "grant.new-handover",
            funded && g->members->len > 0 &&
            hmr_permission_allows (self->actor, HMR_ACTION_HANDOVER_WRITE, g->office_id));
  set_step (self, self->cancel_grant_button, "grant.cancel-grant", may_move_to (self, "cancelled"));
  gtk_widget_set_visible (self->decision_group, deciding);

  gtk_widget_set_visible (self->add_member_list, self->editable);
  gtk_widget_set_visible (self->add_line_list, self->editable);
  gtk_widget_set_visible (self->add_line_button, self->editable);
  gtk_editable_set_editable (GTK_EDITABLE (self->purpose_row), self->editable);
  gtk_widget_set_visible (self->purpose_row, self->editable);
  gtk_widget_set_visible (GTK_WIDGET (self->purpose_text_row), !self->editable);
  adw_action_row_set_subtitle (self->purpose_text_row, hmr_gui_value_or_dash (g->purpose));
  gtk_text_view_set_editable (self->plan_view, self->editable);
  gtk_text_view_set_cursor_visible (self->plan_view, self->editable);
  /* once saved, closing loses nothing */
  gtk_button_set_label (GTK_BUTTON (self->close_button), g->id == NULL ? _("_Cancel") : _("_Close"));
}

/* ---- showing the grant ----------------------------------------------- */

static GtkWidget *
remove_button (const char *action,
               GVariant   *target,
               const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  gtk_widget_set_tooltip_text (button, label);
  hmr_gui_set_accessible_label (button, label);
  return button;
}

static void
show_members (HmrGrantDialog *self)
{
  hmr_gui_list_box_clear (self->members_list);
  for (guint i = 0; i < self->grant->members->len; i++)
    {
      HmrGrantMember *m = g_ptr_array_index (self->grant->members, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      /* Translators: a grant member: case number · district */
      subtitle = g_strdup_printf (C_("grant member", "%s · %s"), hmr_gui_value_or_dash (m->case_number),
                                  hmr_district_get_label (m->district));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hmr_gui_value_or_dash (m->full_name));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (self->editable && self->grant->members->len > 1)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   remove_button ("grant.remove-member", g_variant_new_uint32 (i),
                                                  _("Remove this beneficiary from the grant")));
      gtk_list_box_append (self->members_list, row);
    }
}

static void
show_budget (HmrGrantDialog *self)
{
  g_autofree char *total = NULL;
  GtkWidget *row;

  hmr_gui_list_box_clear (self->budget_list);
  for (guint i = 0; i < self->grant->items->len; i++)
    {
      HmrGrantItem *it = g_ptr_array_index (self->grant->items, i);
      g_autofree char *qty = hmr_gui_format_quantity (it->quantity);
      g_autofree char *cost = hmr_money_format (it->unit_cost, self->grant->currency, HMR_MONEY_LOCALE);
      g_autofree char *line_total = hmr_money_format (hmr_grant_item_get_total (it), self->grant->currency, HMR_MONEY_LOCALE);
      g_autofree char *subtitle = NULL;
      GtkWidget *label = gtk_label_new (line_total);

      row = adw_action_row_new ();
      /* Translators: a budget line: quantity, unit, unit cost ("30 bags × 52.00 TJS") */
      subtitle = g_strdup_printf (C_("budget line", "%s %s × %s"), qty, it->unit ? it->unit : "", cost);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), it->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      if (self->editable)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   remove_button ("grant.remove-line", g_variant_new_uint32 (i),
                                                  _("Remove this line from the budget")));
      gtk_list_box_append (self->budget_list, row);
    }
  if (self->grant->items->len == 0)
    gtk_list_box_append (self->budget_list, hmr_gui_placeholder_row (_("No lines yet: add what the grant buys below.")));

  total = hmr_money_format (hmr_grant_get_budget_total (self->grant), self->grant->currency, HMR_MONEY_LOCALE);
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Total requested"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_label_new (total));
  gtk_widget_add_css_class (row, "heading");
  gtk_list_box_append (self->budget_list, row);
}

static void
add_extra_row (HmrGrantDialog      *self,
               AdwPreferencesGroup *group,
               const char          *title,
               const char          *subtitle,
               const char          *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (suffix != NULL)
    {
      GtkWidget *label = gtk_label_new (suffix);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->extra_rows, g_object_ref (row));
}

static void
show_record (HmrGrantDialog *self)
{
  HmrGrant *g = self->grant;
  g_autofree char *reference = NULL;
  g_autofree char *title = NULL;

  for (guint i = 0; i < self->extra_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->extra_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);
      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->extra_rows, 0);

  update_steps (self);

  if (g->id == NULL)
    {
      adw_window_title_set_title (self->window_title, _("New Grant"));
      adw_window_title_set_subtitle (self->window_title, _("Draft"));
      gtk_window_set_title (GTK_WINDOW (self), _("New Grant"));
    }
  else
    {
      reference = g_strdup (g->number);
      /* Translators: the grant dialog's title; %s is the grant's number */
      title = g_strdup_printf (_("Grant %s"), reference);
      adw_window_title_set_title (self->window_title, title);
      adw_window_title_set_subtitle (self->window_title, hmr_code_get_label (HMR_CODES_GRANT_STATUS, g->status));
      gtk_window_set_title (GTK_WINDOW (self), title);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->status_group), g->id != NULL);
  gtk_label_set_text (self->status_label, hmr_code_get_label (HMR_CODES_GRANT_STATUS, g->status));
  if (g->amount_approved >= 0)
    {
      g_autofree char *a = hmr_money_format (g->amount_approved, g->currency, HMR_MONEY_LOCALE);
      gtk_label_set_text (self->approved_label, a);
    }
  else
    gtk_label_set_text (self->approved_label, "—");
  {
    g_autofree char *p = hmr_money_format (hmr_grant_get_paid (g), g->currency, HMR_MONEY_LOCALE);
    gtk_label_set_text (self->paid_label, p);
  }

  if (gtk_widget_get_visible (self->decision_group))
    {
      g_autofree char *requested = hmr_money_format_input (g->amount_requested);
      gtk_editable_set_text (GTK_EDITABLE (self->approve_amount_row), requested);
      gtk_editable_set_text (GTK_EDITABLE (self->comment_row), "");
    }

  show_members (self);
  show_budget (self);

  for (guint i = 0; i < g->disbursements->len; i++)
    {
      HmrDisbursement *d = g_ptr_array_index (g->disbursements, i);
      g_autofree char *date = hmr_gui_format_date (d->paid_on);
      g_autofree char *amount = hmr_money_format (d->amount, d->currency, HMR_MONEY_LOCALE);
      g_autofree char *t = NULL;
      g_autofree char *s = NULL;

      /* Translators: a tranche row: "Tranche 1 · 12.03.2026" */
      t = g_strdup_printf (_("Tranche %d · %s"), d->tranche, hmr_gui_value_or_dash (date));
      /* Translators: a tranche row's subtitle: method · reference · who recorded it */
      s = g_strdup_printf (C_("tranche", "%s · %s · %s"), hmr_disbursement_method_get_label (d->method),
                           hmr_gui_value_or_dash (d->reference), hmr_gui_value_or_dash (d->recorded_by));
      add_extra_row (self, self->tranches_group, t, s, amount);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->tranches_group), g->disbursements->len > 0);

  for (guint i = 0; i < g->history->len; i++)
    {
      HmrStateChange *c = g_ptr_array_index (g->history, i);
      g_autofree char *when = hmr_gui_format_timestamp (c->at);
      g_autofree char *s = NULL;

      if (c->comment != NULL && c->comment[0] != '\0')
        /* Translators: a history row: who · when — comment */
        s = g_strdup_printf (C_("history", "%s · %s — %s"), hmr_gui_value_or_dash (c->user_name),
                             hmr_gui_value_or_dash (when), c->comment);
      else
        s = g_strdup_printf (C_("history", "%s · %s"), hmr_gui_value_or_dash (c->user_name),
                             hmr_gui_value_or_dash (when));
      add_extra_row (self, self->history_group, hmr_code_get_label (HMR_CODES_GRANT_STATUS, c->to_state), s, NULL);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), g->history->len > 0);
}

static void read_fields (HmrGrantDialog *self);

/* What the user typed, as text: two are equal when nothing changed */
char *
hmr_grant_dialog_dup_draft_text (HmrGrantDialog *self)
{
  GString *out = g_string_new (NULL);

  read_fields (self);
  g_string_append_printf (out, "%s\x1f%s\x1f", self->grant->purpose, self->grant->business_plan);
  for (guint i = 0; i < self->grant->items->len; i++)
    {
      HmrGrantItem *it = g_ptr_array_index (self->grant->items, i);
      g_string_append_printf (out, "%s|%.6f|%s|%" G_GINT64_FORMAT "\x1e", it->name, it->quantity,
                              it->unit ? it->unit : "", it->unit_cost);
    }
  for (guint i = 0; i < self->grant->members->len; i++)
    g_string_append_printf (out, "%s\x1e", ((HmrGrantMember *) g_ptr_array_index (self->grant->members, i))->beneficiary_id);
  return g_string_free (out, FALSE);
}

static void
remember_draft (HmrGrantDialog *self)
{
  g_free (self->saved_text);
  self->saved_text = hmr_grant_dialog_dup_draft_text (self);
}

static void
fill_fields (HmrGrantDialog *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->purpose_row), self->grant->purpose ? self->grant->purpose : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->plan_view),
                            self->grant->business_plan ? self->grant->business_plan : "", -1);
  show_record (self);
  remember_draft (self);
}

static void
read_fields (HmrGrantDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->plan_view);
  GtkTextIter start, end;

  g_free (self->grant->purpose);
  self->grant->purpose = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->purpose_row)));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (self->grant->business_plan);
  self->grant->business_plan = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Reads the grant again and tells whoever shows its people */
gboolean
hmr_grant_dialog_reload (HmrGrantDialog *self,
                         const char     *grant_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (grant_id);
  HmrGrant *grant = hmr_store_get_grant (self->store, self->actor, id, &error);

  if (grant == NULL)
    {
      hmr_grant_dialog_refusal (self, error->message);
      return FALSE;
    }
  g_clear_pointer (&self->grant, hmr_grant_free);
  self->grant = grant;
  fill_fields (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/* ---- the draft -------------------------------------------------------- */

static gboolean
save_draft (HmrGrantDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  read_fields (self);
  if (self->grant->id == NULL)
    ok = hmr_store_insert_grant (self->store, self->actor, self->grant, &error);
  else
    ok = hmr_store_update_grant (self->store, self->actor, self->grant, &error);
  if (!ok)
    {
      hmr_grant_dialog_refusal (self, error->message);
      return FALSE;
    }
  return hmr_grant_dialog_reload (self, self->grant->id);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HmrGrantDialog *self = HMR_GRANT_DIALOG (widget);

  if (save_draft (self))
    hmr_grant_dialog_toast (self, _("Draft saved"));
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HmrGrantDialog *self = HMR_GRANT_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!save_draft (self))
    return;
  if (!hmr_store_submit_grant (self->store, self->actor, self->grant->id, NULL, &error))
    {
      hmr_grant_dialog_refusal (self, error->message);
      return;
    }
  if (hmr_grant_dialog_reload (self, self->grant->id))
    hmr_grant_dialog_toast (self, _("Submitted for approval"));
}

static void
on_line_field_changed (HmrGrantDialog *self)
{
  hmr_gui_field_error (self->line_name_row, self->line_error_row, self->line_error_label, NULL);
}

static void
line_problem (HmrGrantDialog *self,
              GtkWidget      *row,
              const char     *message)
{
  hmr_gui_field_error (row, self->line_error_row, self->line_error_label, message);
  gtk_widget_grab_focus (row);
}

static void
add_line_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HmrGrantDialog *self = HMR_GRANT_DIALOG (widget);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->line_name_row));
  const char *unit = gtk_editable_get_text (GTK_EDITABLE (self->line_unit_row));
  g_autofree char *trimmed = g_strstrip (g_strdup (name));
  double quantity;
  gint64 cost;

  if (trimmed[0] == '\0')
    {
      line_problem (self, self->line_name_row, _("Item to buy: write what the money buys."));
      return;
    }
  if (!hmr_gui_parse_quantity (gtk_editable_get_text (GTK_EDITABLE (self->line_quantity_row)), &quantity))
    {
      line_problem (self, self->line_quantity_row, _("Quantity: write a number above zero, for example 3 or 0.2."));
      return;
    }
  if (!hmr_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->line_cost_row)), &cost) || cost <= 0)
    {
      line_problem (self, self->line_cost_row, _("Unit cost: write the price in somoni, for example 52 or 52,50."));
      return;
    }
  hmr_grant_add_item (self->grant, trimmed, quantity, unit[0] != '\0' ? unit : NULL, cost);
  hmr_gui_field_error (self->line_name_row, self->line_error_row, self->line_error_label, NULL);
  for (GtkWidget *row = self->line_name_row; row != NULL && row != self->line_error_row;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_EDITABLE (row))
      gtk_editable_set_text (GTK_EDITABLE (row), "");
  show_budget (self);
  gtk_widget_grab_focus (self->line_name_row);
}

static void
on_add_line (HmrGrantDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "grant.add-line", NULL);
}

static void
remove_line_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HmrGrantDialog *self = HMR_GRANT_DIALOG (widget);
  guint i = g_variant_get_uint32 (parameter);

  if (i < self->grant->items->len)
    g_ptr_array_remove_index (self->grant->items, i);
  show_budget (self);
}

static void
add_member (HmrGrantDialog *self,
            HmrBeneficiary *b)
{
  const char *id = hmr_beneficiary_get (b, HMR_BENEFICIARY_ID);
  HmrGrantMember *m;

  for (guint i = 0; i < self->grant->members->len; i++)
    if (g_strcmp0 (((HmrGrantMember *) g_ptr_array_index (self->grant->members, i))->beneficiary_id, id) == 0)
      return;
  hmr_grant_add_member (self->grant, id);
  m = g_ptr_array_index (self->grant->members, self->grant->members->len - 1);
  g_free (m->case_number);
  m->case_number = g_strdup (hmr_beneficiary_get (b, HMR_BENEFICIARY_CASE_NUMBER));
  g_free (m->full_name);
  m->full_name = hmr_beneficiary_dup_full_name (b);
  g_free (m->district);
  m->district = g_strdup (hmr_beneficiary_get (b, HMR_BENEFICIARY_DISTRICT));
}

static void
on_add_member (HmrGrantDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->add_member_row));
  g_autofree char *wanted = g_strstrip (g_strdup (text));
  HmrBeneficiaryQuery query = { 0 };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  HmrBeneficiary *found = NULL;

  if (wanted[0] == '\0')
    return;
  query.text = wanted;
  ids = hmr_store_query_beneficiary_ids (self->store, self->actor, &query, NULL, &error);
  if (ids != NULL && ids->len > 0)
    people = hmr_store_load_beneficiaries (self->store, self->actor, (const gint64 *) ids->data,
                                           MIN (ids->len, 50), &error);
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      HmrBeneficiary *b = g_ptr_array_index (people, i);
      if (g_ascii_strcasecmp (hmr_beneficiary_get (b, HMR_BENEFICIARY_CASE_NUMBER), wanted) == 0)
        found = b;
    }
  if (found == NULL && people != NULL && people->len == 1)
    found = g_ptr_array_index (people, 0);
  if (found == NULL)
    {
      g_autofree char *msg = NULL;

      /* Translators: %s is what was typed */
      msg = error != NULL ? g_strdup (error->message)
                          : g_strdup_printf (_("No beneficiary with the case number “%s”."), wanted);
      hmr_grant_dialog_refusal (self, msg);
      return;
    }
  add_member (self, found);
  gtk_editable_set_text (GTK_EDITABLE (self->add_member_row), "");
  show_members (self);
}

static void
remove_member_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HmrGrantDialog *self = HMR_GRANT_DIALOG (widget);
  guint i = g_variant_get_uint32 (parameter);

  if (i < self->grant->members->len && self->grant->members->len > 1)
    g_ptr_array_remove_index (self->grant->members, i);
  show_members (self);
}

/* ---- the decision ----------------------------------------------------- */

static void
on_decision_changed (HmrGrantDialog *self)
{
  hmr_gui_field_error (self->approve_amount_row, self->approve_amount_error_row,
                       self->approve_amount_error_label, NULL);
  hmr_gui_field_error (self->comment_row, self->comment_error_row, self->comment_error_label, NULL);
}

/* ---- GObject -------------------------------------------------------- */

static void
hmr_grant_dialog_dispose (GObject *object)
{
  HmrGrantDialog *self = HMR_GRANT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HMR_TYPE_GRANT_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, hmr_actor_free);
  g_clear_pointer (&self->grant, hmr_grant_free);
  g_clear_pointer (&self->extra_rows, g_ptr_array_unref);
  g_clear_pointer (&self->saved_text, g_free);

  G_OBJECT_CLASS (hmr_grant_dialog_parent_class)->dispose (object);
}

#define BIND(name) gtk_widget_class_bind_template_child (widget_class, HmrGrantDialog, name)

static void
hmr_grant_dialog_class_init (HmrGrantDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hmr_grant_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = hmr_grant_dialog_close_request;

  /**
   * HmrGrantDialog::changed:
   *
   * Emitted after the grant was saved or moved to another state.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/grants/hmr-grant-dialog.ui");
  BIND (window_title); BIND (toast_overlay); BIND (save_button); BIND (close_button);
  BIND (status_group); BIND (status_label); BIND (approved_label); BIND (paid_label);
  BIND (decision_group); BIND (approve_amount_row); BIND (approve_amount_error_row);
  BIND (approve_amount_error_label); BIND (comment_row); BIND (comment_error_row); BIND (comment_error_label);
  BIND (members_list); BIND (add_member_list); BIND (add_member_row); BIND (purpose_row); BIND (purpose_text_row); BIND (plan_view);
  BIND (budget_group); BIND (budget_list); BIND (add_line_list); BIND (add_line_button);
  BIND (line_name_row); BIND (line_quantity_row); BIND (line_unit_row); BIND (line_cost_row);
  BIND (line_error_row); BIND (line_error_label); BIND (tranches_group); BIND (history_group);
  BIND (submit_button); BIND (approve_button); BIND (reject_button); BIND (tranche_button);
  BIND (verify_button); BIND (receipt_button); BIND (handover_button); BIND (cancel_grant_button);
  gtk_widget_class_bind_template_callback (widget_class, on_decision_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_add_member);
  gtk_widget_class_bind_template_callback (widget_class, on_add_line);

  gtk_widget_class_install_action (widget_class, "grant.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "grant.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "grant.add-line", NULL, add_line_action);
  gtk_widget_class_install_action (widget_class, "grant.remove-line", "u", remove_line_action);
  gtk_widget_class_install_action (widget_class, "grant.remove-member", "u", remove_member_action);
  hmr_grant_dialog_class_init_steps (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "grant.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hmr_grant_dialog_init (HmrGrantDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->extra_rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (GtkWidget *row = self->line_name_row; row != NULL; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_EDITABLE (row))
      g_signal_connect_swapped (row, "changed", G_CALLBACK (on_line_field_changed), self);
}

static HmrGrantDialog *
dialog_new (GtkWindow      *parent,
            HmrStore       *store,
            const HmrActor *actor,
            HmrGrant       *grant)
{
  HmrGrantDialog *self = g_object_new (HMR_TYPE_GRANT_DIALOG, "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  self->actor = hmr_actor_copy (actor);
  self->grant = grant;
  fill_fields (self);
  return self;
}

/**
 * hmr_grant_dialog_new_draft:
 * @beneficiary_id: the first beneficiary of the grant
 *
 * Returns: (transfer none) (nullable): a dialog for a new draft, or %NULL
 *   with @error set when the beneficiary cannot be read
 */
HmrGrantDialog *
hmr_grant_dialog_new_draft (GtkWindow       *parent,
                            HmrStore        *store,
                            const HmrActor  *actor,
                            const char      *beneficiary_id,
                            GError         **error)
{
  g_autoptr(HmrBeneficiary) b = NULL;
  HmrGrantDialog *self;

  if (!hmr_permission_allows (actor, HMR_ACTION_GRANT_WRITE, NULL))
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED,
                   _("Refused: a grant is proposed by the caseworker or a supervisor."));
      return NULL;
    }
  b = hmr_store_get_beneficiary (store, actor, beneficiary_id, error);
  if (b == NULL)
    return NULL;
  self = dialog_new (parent, store, actor, hmr_grant_new ());
  add_member (self, b);
  show_record (self);
  remember_draft (self);
  return self;
}

/**
 * hmr_grant_dialog_new_for_grant:
 *
 * Returns: (transfer none) (nullable): a dialog showing the grant, or
 *   %NULL with @error set
 */
HmrGrantDialog *
hmr_grant_dialog_new_for_grant (GtkWindow       *parent,
                                HmrStore        *store,
                                const HmrActor  *actor,
                                const char      *grant_id,
                                GError         **error)
{
  HmrGrant *grant = hmr_store_get_grant (store, actor, grant_id, error);

  if (grant == NULL)
    return NULL;
  return dialog_new (parent, store, actor, grant);
}

const HmrGrant *
hmr_grant_dialog_get_grant (HmrGrantDialog *self)
{
  g_return_val_if_fail (HMR_IS_GRANT_DIALOG (self), NULL);
  return self->grant;
}

/**
 * hmr_grant_dialog_get_widget:
 * @name: the id of a widget in the dialog's template
 *
 * For tests: the rows and buttons a user types into and presses.
 */
GtkWidget *
hmr_grant_dialog_get_widget (HmrGrantDialog *self,
                             const char     *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (self), HMR_TYPE_GRANT_DIALOG, name));
}

