/* hmr-plan-dialog.c
 *
 * The needs assessment and the case's current reintegration plan in one
 * window.  What it lets the user do follows the plan's state and the
 * workflow table: a caseworker edits a draft or a returned plan, saves it
 * or submits it; a supervisor approves a submitted plan or returns it with
 * a comment; an approved plan is read only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-follow-up-util.h"
#include "hmr-gui-util.h"
#include "hmr-permissions.h"
#include "hmr-plan-dialog.h"
#include "hmr-workflow.h"

static const char * const priorities[] = { "none", "low", "medium", "high" };

typedef struct
{
  GtkWidget   *row;               /* AdwExpanderRow */
  AdwComboRow *need;
  AdwEntryRow *service;
  AdwEntryRow *target;
  AdwEntryRow *responsible;
} ServiceRows;

struct _HmrPlanDialog
{
  AdwWindow        parent_instance;

  HmrStore        *store;
  HmrActor        *actor;
  char            *beneficiary_id;
  char            *office_id;
  HmrAssessment   *assessment;
  HmrPlan         *plan;
  gboolean         editable;
  AdwComboRow     *need_priority[HMR_N_NEEDS];
  AdwEntryRow     *need_note[HMR_N_NEEDS];
  GArray          *services;      /* ServiceRows */

  /* Template widgets */
  AdwWindowTitle  *window_title;
  AdwToastOverlay *toast_overlay;
  GtkButton       *primary_button;
  GtkButton       *secondary_button;
  AdwActionRow    *status_row;
  GtkWidget       *needs_group;
  AdwEntryRow     *summary_row;
  GtkWidget       *objectives_group;
  GtkTextView     *objectives_view;
  GtkWidget       *services_group;
  GtkListBox      *services_box;
};

G_DEFINE_FINAL_TYPE (HmrPlanDialog, hmr_plan_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_toast (HmrPlanDialog *self,
            const char    *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static char *
entry_text (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static guint
priority_index (const char *priority)
{
  for (guint i = 0; i < G_N_ELEMENTS (priorities); i++)
    if (g_strcmp0 (priority, priorities[i]) == 0)
      return i;
  return 0;
}

/* ---- planned services ------------------------------------------------ */

static void
update_service_title (AdwExpanderRow *row)
{
  ServiceRows *s = g_object_get_data (G_OBJECT (row), "rows");
  g_autofree char *service = entry_text (s->service);
  g_autofree char *target = entry_text (s->target);
  g_autofree char *responsible = entry_text (s->responsible);
  GString *sub = g_string_new (hmr_need_get_label (adw_combo_row_get_selected (s->need)));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), service ? service : _("New service"));
  if (target != NULL)
    g_string_append_printf (sub, " · %s", target);
  if (responsible != NULL)
    g_string_append_printf (sub, " · %s", responsible);
  adw_expander_row_set_subtitle (row, sub->str);
  g_string_free (sub, TRUE);
}

static AdwEntryRow *
add_entry (AdwExpanderRow *expander,
           const char     *title,
           const char     *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  g_signal_connect_swapped (row, "changed", G_CALLBACK (update_service_title), expander);
  adw_expander_row_add_row (expander, row);
  return ADW_ENTRY_ROW (row);
}

static void
on_remove_service (GtkButton     *button,
                   HmrPlanDialog *self)
{
  GtkWidget *row = g_object_get_data (G_OBJECT (button), "expander");

  for (guint i = 0; i < self->services->len; i++)
    if (g_array_index (self->services, ServiceRows, i).row == row)
      {
        g_array_remove_index (self->services, i);
        break;
      }
  gtk_list_box_remove (self->services_box, row);
}

static void
need_labels (const char **labels)
{
  for (guint i = 0; i < HMR_N_NEEDS; i++)
    labels[i] = hmr_need_get_label (i);
}

static ServiceRows *
add_service_rows (HmrPlanDialog *self,
                  HmrNeed        need,
                  const char    *service,
                  const char    *target_date,
                  const char    *responsible)
{
  const char *labels[HMR_N_NEEDS];
  g_autofree char *target = hmr_gui_format_date (target_date);
  GtkWidget *expander, *need_row, *remove_row, *remove;
  ServiceRows s;

  if (!self->editable)
    {
      /* Read only: one plain row per service */
      GtkWidget *row = adw_action_row_new ();
      GString *sub = g_string_new (hmr_need_get_label (need));

      if (target != NULL)
        g_string_append_printf (sub, " · %s", target);
      if (responsible != NULL && responsible[0] != '\0')
        g_string_append_printf (sub, " · %s", responsible);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), service ? service : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub->str);
      g_string_free (sub, TRUE);
      gtk_list_box_append (self->services_box, row);
      return NULL;
    }

  expander = adw_expander_row_new ();
  need_row = adw_combo_row_new ();
  remove_row = adw_action_row_new ();
  remove = gtk_button_new_with_mnemonic (_("_Remove"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  need_labels (labels);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (need_row), _("_Need"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (need_row), TRUE);
  hmr_fu_gui_combo_set_labels (ADW_COMBO_ROW (need_row), labels, HMR_N_NEEDS);
  adw_combo_row_set_selected (ADW_COMBO_ROW (need_row), need);
  g_signal_connect_swapped (need_row, "notify::selected", G_CALLBACK (update_service_title), expander);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), need_row);

  s.row = expander;
  s.need = ADW_COMBO_ROW (need_row);
  s.service = add_entry (ADW_EXPANDER_ROW (expander), _("_Service"), service);
  s.target = add_entry (ADW_EXPANDER_ROW (expander), _("_Target date (day.month.year)"), target);
  s.responsible = add_entry (ADW_EXPANDER_ROW (expander), _("_Responsible person"), responsible);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "destructive-action");
  g_object_set_data (G_OBJECT (remove), "expander", expander);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_service), self);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (remove_row), _("Remove this service from the plan"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), remove_row);

  gtk_list_box_append (self->services_box, expander);
  g_array_append_val (self->services, s);
  g_object_set_data (G_OBJECT (expander), "rows",
                     &g_array_index (self->services, ServiceRows, self->services->len - 1));
  /* the array may have moved: point every row at its entry again */
  for (guint i = 0; i < self->services->len; i++)
    g_object_set_data (G_OBJECT (g_array_index (self->services, ServiceRows, i).row), "rows",
                       &g_array_index (self->services, ServiceRows, i));
  update_service_title (ADW_EXPANDER_ROW (expander));
  return &g_array_index (self->services, ServiceRows, self->services->len - 1);
}

static void
add_service_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HmrPlanDialog *self = HMR_PLAN_DIALOG (widget);
  ServiceRows *s = add_service_rows (self, HMR_NEED_EMPLOYMENT, NULL, NULL, self->actor->full_name);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (s->row), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (s->service));
}

/* ---- reading the form -------------------------------------------------- */

static void
read_form (HmrPlanDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->objectives_view);
  GtkTextIter start, end;

  g_free (self->assessment->summary);
  self->assessment->summary = entry_text (self->summary_row);
  for (guint i = 0; i < HMR_N_NEEDS; i++)
    {
      g_autofree char *note = entry_text (self->need_note[i]);
      hmr_assessment_set_need (self->assessment, i,
                               priorities[MIN (adw_combo_row_get_selected (self->need_priority[i]),
                                               G_N_ELEMENTS (priorities) - 1)],
                               note);
    }

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (self->plan->objectives);
  self->plan->objectives = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  g_ptr_array_set_size (self->plan->actions, 0);
  for (guint i = 0; i < self->services->len; i++)
    {
      ServiceRows *s = &g_array_index (self->services, ServiceRows, i);
      g_autofree char *service = entry_text (s->service);
      g_autofree char *target = entry_text (s->target);
      g_autofree char *responsible = entry_text (s->responsible);

      hmr_plan_add_action (self->plan, hmr_need_to_string (adw_combo_row_get_selected (s->need)),
                           service, target, responsible);
    }
}

static gboolean
save_all (HmrPlanDialog  *self,
          GError        **error)
{
  read_form (self);
  return hmr_store_save_assessment (self->store, self->actor, self->assessment, error) &&
         hmr_store_save_plan (self->store, self->actor, self->plan, error);
}

static void
finish (HmrPlanDialog *self,
        const char    *message)
{
  g_signal_emit (self, signals[SAVED], 0, self->beneficiary_id, message);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
move (HmrPlanDialog *self,
      const char    *to,
      const char    *comment,
      const char    *message)
{
  g_autoptr(GError) error = NULL;

  if (!hmr_store_move_plan (self->store, self->actor, self->plan->id, to, comment, &error))
    {
      show_toast (self, error->message);
      return;
    }
  finish (self, message);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HmrPlanDialog *self = HMR_PLAN_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!save_all (self, &error))
    {
      show_toast (self, error->message);
      return;
    }
  finish (self, _("Plan saved as a draft"));
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HmrPlanDialog *self = HMR_PLAN_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!save_all (self, &error))
    {
      show_toast (self, error->message);
      return;
    }
  move (self, "submitted", NULL, _("Plan submitted for approval"));
}

static void
approve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move (HMR_PLAN_DIALOG (widget), "approved", NULL, _("Plan approved"));
}

static void
on_return_response (AdwMessageDialog *dialog,
                    const char       *response,
                    HmrPlanDialog    *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *comment = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_strcmp0 (response, "return") == 0)
    move (self, "returned", comment, _("Plan returned for changes"));
}

static void
on_return_comment_changed (GtkEditable      *entry,
                           AdwMessageDialog *dialog)
{
  g_autofree char *comment = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "return", comment[0] != '\0');
}

static void
return_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HmrPlanDialog *self = HMR_PLAN_DIALOG (widget);
  GtkWidget *dialog, *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Return the Plan?"),
                                   _("The caseworker sees your comment and changes the plan."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("What should change"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  hmr_gui_set_accessible_label (entry, _("What should change"));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "return", _("_Return Plan"),
                                    NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "return", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "return");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (on_return_comment_changed), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_return_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* ---- setting up -------------------------------------------------------- */

static void
build_needs (HmrPlanDialog *self)
{
  const char *labels[G_N_ELEMENTS (priorities)];

  for (guint i = 0; i < G_N_ELEMENTS (priorities); i++)
    labels[i] = hmr_priority_get_label (priorities[i]);
  for (guint i = 0; i < HMR_N_NEEDS; i++)
    {
      GtkWidget *combo = adw_combo_row_new ();
      GtkWidget *note = adw_entry_row_new ();
      g_autofree char *note_title = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), hmr_need_get_label (i));
      hmr_fu_gui_combo_set_labels (ADW_COMBO_ROW (combo), labels, G_N_ELEMENTS (labels));
      /* Translators: %s is a need, "Legal" */
      note_title = g_strdup_printf (_("Note on %s"), hmr_need_get_label (i));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (note), note_title);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->needs_group), combo);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->needs_group), note);
      self->need_priority[i] = ADW_COMBO_ROW (combo);
      self->need_note[i] = ADW_ENTRY_ROW (note);
    }
}

static void
load (HmrPlanDialog *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->summary_row),
                         self->assessment->summary ? self->assessment->summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_row), self->editable);
  if (!self->editable && self->assessment->summary != NULL && self->assessment->summary[0] != '\0')
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Summary"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), self->assessment->summary);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->needs_group), row);
    }
  for (guint i = 0; i < HMR_N_NEEDS; i++)
    {
      const char *note = self->assessment->needs[i].note;
      const char *priority = self->assessment->needs[i].priority;

      adw_combo_row_set_selected (self->need_priority[i], priority_index (priority));
      gtk_editable_set_text (GTK_EDITABLE (self->need_note[i]), note ? note : "");
      /* Read only: one plain row per need, its priority and its note */
      gtk_widget_set_visible (GTK_WIDGET (self->need_priority[i]), self->editable);
      gtk_widget_set_visible (GTK_WIDGET (self->need_note[i]), self->editable);
      if (!self->editable)
        {
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *line = note && note[0]
                                  ? g_strdup_printf ("%s — %s", hmr_priority_get_label (priority ? priority : "none"), note)
                                  : g_strdup (hmr_priority_get_label (priority ? priority : "none"));

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hmr_need_get_label (i));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), line);
          adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->needs_group), row);
        }
    }

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->objectives_view),
                            self->plan->objectives ? self->plan->objectives : "", -1);
  for (guint i = 0; i < self->plan->actions->len; i++)
    {
      HmrPlanAction *a = g_ptr_array_index (self->plan->actions, i);
      HmrNeed need = HMR_NEED_LEGAL;

      hmr_need_from_string (a->need, &need);
      add_service_rows (self, need, a->service, a->target_date, a->responsible);
    }
}

static void
set_button (GtkButton  *button,
            const char *action,
            const char *label,
            const char *tooltip)
{
  gtk_widget_set_visible (GTK_WIDGET (button), action != NULL);
  if (action == NULL)
    return;
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_button_set_label (button, label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), tooltip);
}

static void
set_up_state (HmrPlanDialog *self)
{
  const char *status = self->plan->status ? self->plan->status : "draft";
  gboolean may_write = hmr_permission_allows (self->actor, HMR_ACTION_BENEFICIARY_WRITE, self->office_id);
  gboolean may_approve = self->plan->id != NULL &&
                         hmr_workflow_may_move (self->actor, HMR_RECORD_PLAN, status, "approved",
                                                self->office_id, "-", NULL);
  GString *line = g_string_new (self->plan->id ? hmr_plan_status_get_label (status) : _("Not written yet"));

  self->editable = may_write && (g_strcmp0 (status, "draft") == 0 || g_strcmp0 (status, "returned") == 0);
  if (self->plan->approved_by != NULL && g_strcmp0 (status, "approved") == 0)
    {
      g_autofree char *when = hmr_gui_format_timestamp (self->plan->approved_at);
      g_string_append_printf (line, " — %s", self->plan->approved_by);
      if (when != NULL)
        g_string_append_printf (line, ", %s", when);
    }
  if (self->plan->last_comment != NULL && g_strcmp0 (status, "returned") == 0)
    g_string_append_printf (line, "\n“%s”", self->plan->last_comment);
  adw_action_row_set_subtitle (self->status_row, line->str);
  g_string_free (line, TRUE);

  gtk_text_view_set_editable (self->objectives_view, self->editable);
  gtk_text_view_set_cursor_visible (self->objectives_view, self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.add-service", self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.save", self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.submit", self->editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.approve", may_approve);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "plan.return", may_approve);

  if (may_approve)
    {
      set_button (self->primary_button, "plan.approve", _("_Approve"), _("Approve the plan"));
      set_button (self->secondary_button, "plan.return", _("_Return…"), _("Return the plan with a comment"));
    }
  else if (self->editable)
    {
      set_button (self->primary_button, "plan.submit", _("_Submit"),
                  _("Save and submit the plan for approval"));
      set_button (self->secondary_button, "plan.save", _("Save _Draft"), _("Save without submitting (Ctrl+S)"));
    }
  else
    {
      set_button (self->primary_button, NULL, NULL, NULL);
      set_button (self->secondary_button, NULL, NULL, NULL);
    }
}

/* ---- GObject -------------------------------------------------------- */

static void
hmr_plan_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HMR_TYPE_PLAN_DIALOG);
  G_OBJECT_CLASS (hmr_plan_dialog_parent_class)->dispose (object);
}

static void
hmr_plan_dialog_finalize (GObject *object)
{
  HmrPlanDialog *self = HMR_PLAN_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, hmr_actor_free);
  g_clear_pointer (&self->assessment, hmr_assessment_free);
  g_clear_pointer (&self->plan, hmr_plan_free);
  g_clear_pointer (&self->services, g_array_unref);
  g_free (self->beneficiary_id);
  g_free (self->office_id);

  G_OBJECT_CLASS (hmr_plan_dialog_parent_class)->finalize (object);
}

static void
hmr_plan_dialog_class_init (HmrPlanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hmr_plan_dialog_dispose;
  object_class->finalize = hmr_plan_dialog_finalize;

  /**
   * HmrPlanDialog::saved:
   * @beneficiary_id: whose plan changed
   * @message: what was done, for a toast
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/care/hmr-plan-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrPlanDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, HmrPlanDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HmrPlanDialog, primary_button);
  gtk_widget_class_bind_template_child (widget_class, HmrPlanDialog, secondary_button);
  gtk_widget_class_bind_template_child (widget_class, HmrPlanDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, HmrPlanDialog, needs_group);
  gtk_widget_class_bind_template_child (widget_class, HmrPlanDialog, summary_row);
  gtk_widget_class_bind_template_child (widget_class, HmrPlanDialog, objectives_group);
  gtk_widget_class_bind_template_child (widget_class, HmrPlanDialog, objectives_view);
  gtk_widget_class_bind_template_child (widget_class, HmrPlanDialog, services_group);
  gtk_widget_class_bind_template_child (widget_class, HmrPlanDialog, services_box);

  gtk_widget_class_install_action (widget_class, "plan.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "plan.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "plan.approve", NULL, approve_action);
  gtk_widget_class_install_action (widget_class, "plan.return", NULL, return_action);
  gtk_widget_class_install_action (widget_class, "plan.add-service", NULL, add_service_action);
  gtk_widget_class_install_action (widget_class, "plan.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "plan.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "plan.cancel", NULL);
}

static void
hmr_plan_dialog_init (HmrPlanDialog *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->services = g_array_new (FALSE, TRUE, sizeof (ServiceRows));
  placeholder = gtk_label_new (_("No services planned yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->services_box, placeholder);
  hmr_gui_set_accessible_label (GTK_WIDGET (self->objectives_view), _("Objectives"));
  build_needs (self);
}

/**
 * hmr_plan_dialog_new:
 *
 * Returns: (transfer floating) (nullable): the dialog for the case of
 *   @beneficiary_id; %NULL when it cannot be read
 */
HmrPlanDialog *
hmr_plan_dialog_new (HmrStore        *store,
                     const HmrActor  *actor,
                     const char      *beneficiary_id,
                     GError         **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(HmrAssessment) assessment = NULL;
  g_autoptr(HmrPlan) plan = NULL;
  g_autoptr(HmrCaseInfo) info = NULL;
  g_autofree char *case_id = NULL;
  g_autofree char *name = NULL;
  HmrPlanDialog *self;

  g_return_val_if_fail (HMR_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  case_id = hmr_fu_gui_dup_case_id (store, actor, beneficiary_id, &name, error);
  if (case_id == NULL)
    return NULL;
  info = hmr_store_get_case (store, actor, case_id, error);
  if (info == NULL)
    return NULL;
  assessment = hmr_store_get_assessment (store, actor, case_id, &local);
  if (assessment == NULL && !g_error_matches (local, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (assessment == NULL)
    assessment = hmr_assessment_new (case_id);
  g_clear_error (&local);
  plan = hmr_store_get_current_plan (store, actor, case_id, &local);
  if (plan == NULL && !g_error_matches (local, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (plan == NULL)
    plan = hmr_plan_new (case_id);

  self = g_object_new (HMR_TYPE_PLAN_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->actor = hmr_actor_copy (actor);
  self->beneficiary_id = g_strdup (beneficiary_id);
  self->office_id = g_strdup (info->office_id);
  self->assessment = g_steal_pointer (&assessment);
  self->plan = g_steal_pointer (&plan);

  gtk_window_set_title (GTK_WINDOW (self), _("Assessment and Plan"));
  adw_window_title_set_title (self->window_title, _("Assessment and Plan"));
  adw_window_title_set_subtitle (self->window_title, name);
  set_up_state (self);
  load (self);
  return self;
}

HmrPlan *
hmr_plan_dialog_get_plan (HmrPlanDialog *self)
{
  g_return_val_if_fail (HMR_IS_PLAN_DIALOG (self), NULL);
  return self->plan;
}

void
hmr_plan_dialog_set_objectives (HmrPlanDialog *self,
                                const char    *text)
{
  g_return_if_fail (HMR_IS_PLAN_DIALOG (self));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->objectives_view), text, -1);
}

void
hmr_plan_dialog_add_service (HmrPlanDialog *self,
                             HmrNeed        need,
                             const char    *service,
                             const char    *target_date,
                             const char    *responsible)
{
  g_return_if_fail (HMR_IS_PLAN_DIALOG (self));
  add_service_rows (self, need, service, target_date, responsible);
}

/* ---- opening it ------------------------------------------------------ */

static void
on_saved (GtkWidget  *parent,
          const char *beneficiary_id,
          const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (parent, ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL && message != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

HmrPlanDialog *
hmr_plan_dialog_open (GtkWidget      *parent,
                      HmrStore       *store,
                      const HmrActor *actor,
                      const char     *beneficiary_id)
{
  g_autoptr(GError) error = NULL;
  HmrPlanDialog *self = hmr_plan_dialog_new (store, actor, beneficiary_id, &error);

  if (!hmr_gui_present_dialog (GTK_WINDOW (self), error, parent, "saved", G_CALLBACK (on_saved), parent))
    return NULL;
  return self;
}

