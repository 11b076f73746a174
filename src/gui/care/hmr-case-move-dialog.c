/* hmr-case-move-dialog.c
 *
 * One dialog for the three moves a supervisor makes from the case file:
 * "Move to Stage…" offers the stages the workflow table allows from the
 * case's state; "Reassign…" the other active caseworkers of the office;
 * "Transfer…" the other offices and, once one is chosen, its caseworkers
 * (or nobody yet).  The reason is asked where the workflow table wants
 * one (closing, reopening, transferring) and is optional elsewhere; the
 * main button stays off until the choice is complete.  A refusal by the
 * store is shown in the dialog, which stays open.  What it saves, the
 * store announces to every area.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-case-move-dialog.h"
#include "hmr-follow-up-util.h"
#include "hmr-gui-util.h"
#include "hmr-workflow.h"

struct _HmrCaseMoveDialog
{
  AdwWindow          parent_instance;

  HmrStore          *store;
  HmrActor          *actor;
  HmrCaseInfo       *info;
  HmrCaseMoveKind    kind;
  GPtrArray         *choices;      /* stage codes or office ids */
  GPtrArray         *workers;      /* user ids; NULL: nobody yet */

  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkWidget         *apply_button;
  AdwToastOverlay   *toast_overlay;
  AdwPreferencesGroup *group;
  AdwComboRow       *choice_row;
  AdwComboRow       *caseworker_row;
  AdwEntryRow       *reason_row;
};

G_DEFINE_FINAL_TYPE (HmrCaseMoveDialog, hmr_case_move_dialog, ADW_TYPE_WINDOW)

static const char *
selected_choice (HmrCaseMoveDialog *self)
{
  guint pos = adw_combo_row_get_selected (self->choice_row);

  if (self->choices == NULL || pos == GTK_INVALID_LIST_POSITION || pos >= self->choices->len)
    return NULL;
  return g_ptr_array_index (self->choices, pos);
}

static const char *
selected_worker (HmrCaseMoveDialog *self,
                 gboolean          *valid)
{
  guint pos = adw_combo_row_get_selected (self->caseworker_row);

  *valid = self->workers != NULL && pos != GTK_INVALID_LIST_POSITION && pos < self->workers->len;
  return *valid ? g_ptr_array_index (self->workers, pos) : NULL;
}

static gboolean
reason_needed (HmrCaseMoveDialog *self)
{
  const char *state = hmr_case_state (self->info->status, self->info->stage);

  switch (self->kind)
    {
    case HMR_CASE_MOVE_STAGE:
      return selected_choice (self) != NULL &&
             hmr_workflow_needs_comment (HMR_RECORD_CASE, state, selected_choice (self));
    case HMR_CASE_MOVE_TRANSFER:
      return hmr_workflow_needs_comment (HMR_RECORD_CASE, state, "transferred");
    case HMR_CASE_MOVE_REASSIGN:
    default:
      return FALSE;
    }
}

static void
update_apply (HmrCaseMoveDialog *self)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));
  gboolean needed = reason_needed (self);
  gboolean worker_valid = FALSE;
  gboolean ok;

  selected_worker (self, &worker_valid);
  switch (self->kind)
    {
    case HMR_CASE_MOVE_STAGE:
      ok = selected_choice (self) != NULL;
      break;
    case HMR_CASE_MOVE_REASSIGN:
      ok = worker_valid;
      break;
    case HMR_CASE_MOVE_TRANSFER:
    default:
      ok = selected_choice (self) != NULL && worker_valid;
      break;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reason_row),
                                 needed ? _("Reason (required)") : _("Reason (optional)"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case-move.apply", ok && (!needed || reason[0] != '\0'));
}

/* The caseworkers of @office_id; for a transfer, "nobody yet" first */
static void
fill_workers (HmrCaseMoveDialog *self,
              const char        *office_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_clear_pointer (&self->workers, g_ptr_array_unref);
  self->workers = g_ptr_array_new_with_free_func (g_free);
  if (self->kind == HMR_CASE_MOVE_TRANSFER)
    {
      g_ptr_array_add (self->workers, NULL);
      gtk_string_list_append (labels, _("Nobody yet: the office assigns it"));
    }
  if (office_id != NULL)
    {
      staff = hmr_store_list_caseworkers (self->store, self->actor, office_id, &error);
      if (staff == NULL)
        hmr_gui_show_error_toast (GTK_WIDGET (self->toast_overlay), error->message);
      for (guint i = 0; staff != NULL && i < staff->len; i++)
        {
          HmrUserInfo *u = g_ptr_array_index (staff, i);

          if (self->kind == HMR_CASE_MOVE_REASSIGN && g_strcmp0 (u->id, self->info->owner_id) == 0)
            continue;
          g_ptr_array_add (self->workers, g_strdup (u->id));
          gtk_string_list_append (labels, u->full_name);
        }
    }
  adw_combo_row_set_model (self->caseworker_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->caseworker_row,
                              self->workers->len > 0 ? 0 : GTK_INVALID_LIST_POSITION);
}

static void
on_choice_changed (HmrCaseMoveDialog *self)
{
  if (self->kind == HMR_CASE_MOVE_TRANSFER)
    fill_workers (self, selected_choice (self));
  update_apply (self);
}

static gboolean
fill_choices (HmrCaseMoveDialog  *self,
              GError            **error)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  self->choices = g_ptr_array_new_with_free_func (g_free);
  if (self->kind == HMR_CASE_MOVE_STAGE)
    {
      g_auto(GStrv) stages = hmr_case_dup_stage_moves (self->actor, self->info);

      for (guint i = 0; stages[i] != NULL; i++)
        {
          g_ptr_array_add (self->choices, g_strdup (stages[i]));
          gtk_string_list_append (labels, hmr_stage_get_label (stages[i]));
        }
      if (self->choices->len == 0)
        {
          g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                       _("Refused: the case cannot be moved from the stage “%s”."),
                       hmr_stage_get_label (hmr_case_state (self->info->status, self->info->stage)));
          return FALSE;
        }
    }
  else if (self->kind == HMR_CASE_MOVE_TRANSFER)
    {
      g_autoptr(GPtrArray) offices = hmr_store_list_offices (self->store, self->actor, error);

      if (offices == NULL)
        return FALSE;
      for (guint i = 0; i < offices->len; i++)
        {
          HmrOfficeInfo *o = g_ptr_array_index (offices, i);
          g_autofree char *label = NULL;

          if (g_strcmp0 (o->id, self->info->office_id) == 0)
            continue;
          /* Translators: an office: its district and its code, as in “Panj (PNJ)” */
          label = g_strdup_printf (_("%s (%s)"), hmr_district_get_label (o->district), o->code);
          g_ptr_array_add (self->choices, g_strdup (o->id));
          gtk_string_list_append (labels, label);
        }
    }
  adw_combo_row_set_model (self->choice_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->choice_row,
                              self->choices->len > 0 ? 0 : GTK_INVALID_LIST_POSITION);
  return TRUE;
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HmrCaseMoveDialog *self = HMR_CASE_MOVE_DIALOG (widget);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));
  const char *reason = text[0] != '\0' ? text : NULL;
  g_autoptr(GError) error = NULL;
  gboolean valid = FALSE;
  const char *worker = selected_worker (self, &valid);
  gboolean ok = FALSE;

  switch (self->kind)
    {
    case HMR_CASE_MOVE_STAGE:
      ok = hmr_store_move_case (self->store, self->actor, self->info->id, selected_choice (self),
                                reason, &error);
      break;
    case HMR_CASE_MOVE_REASSIGN:
      ok = hmr_store_reassign_case (self->store, self->actor, self->info->id, worker, reason, &error);
      break;
    case HMR_CASE_MOVE_TRANSFER:
    default:
      ok = hmr_store_transfer_case (self->store, self->actor, self->info->id, selected_choice (self),
                                    worker, reason, &error);
      break;
    }
  if (!ok)
    {
      hmr_gui_show_error_toast (GTK_WIDGET (self->toast_overlay), error->message);
      return;
    }
  gtk_window_close (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
set_up (HmrCaseMoveDialog *self,
        const char        *name)
{
  g_autofree char *description = NULL;

  switch (self->kind)
    {
    case HMR_CASE_MOVE_STAGE:
      gtk_window_set_title (GTK_WINDOW (self), _("Move to Stage"));
      gtk_button_set_label (GTK_BUTTON (self->apply_button), _("_Move"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->choice_row), _("New stage"));
      gtk_widget_set_visible (GTK_WIDGET (self->caseworker_row), FALSE);
      /* Translators: the current stage of the case */
      description = g_strdup_printf (_("The case is at the stage “%s”. Each move is kept in its history."),
                                     hmr_stage_get_label (hmr_case_state (self->info->status, self->info->stage)));
      adw_preferences_group_set_description (self->group, description);
      break;
    case HMR_CASE_MOVE_REASSIGN:
      gtk_window_set_title (GTK_WINDOW (self), _("Reassign Case"));
      gtk_button_set_label (GTK_BUTTON (self->apply_button), _("_Reassign"));
      gtk_widget_set_visible (GTK_WIDGET (self->choice_row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->caseworker_row), _("New caseworker"));
      adw_preferences_group_set_description (self->group,
        _("Another caseworker of the same office takes the case over."));
      break;
    case HMR_CASE_MOVE_TRANSFER:
    default:
      gtk_window_set_title (GTK_WINDOW (self), _("Transfer Case"));
      gtk_button_set_label (GTK_BUTTON (self->apply_button), _("_Transfer"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->choice_row), _("Office"));
      adw_preferences_group_set_description (self->group,
        _("The case keeps its number. The new office sees it and everything recorded for the person; this office’s caseworkers no longer do."));
      break;
    }
  adw_window_title_set_title (self->window_title, gtk_window_get_title (GTK_WINDOW (self)));
  adw_window_title_set_subtitle (self->window_title, name);
}

/* ---- GObject -------------------------------------------------------- */

static void
hmr_case_move_dialog_finalize (GObject *object)
{
  HmrCaseMoveDialog *self = HMR_CASE_MOVE_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, hmr_actor_free);
  g_clear_pointer (&self->info, hmr_case_info_free);
  g_clear_pointer (&self->choices, g_ptr_array_unref);
  g_clear_pointer (&self->workers, g_ptr_array_unref);
  G_OBJECT_CLASS (hmr_case_move_dialog_parent_class)->finalize (object);
}

static void
hmr_case_move_dialog_class_init (HmrCaseMoveDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = hmr_case_move_dialog_finalize;

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/care/hmr-case-move-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrCaseMoveDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, HmrCaseMoveDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, HmrCaseMoveDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HmrCaseMoveDialog, group);
  gtk_widget_class_bind_template_child (widget_class, HmrCaseMoveDialog, choice_row);
  gtk_widget_class_bind_template_child (widget_class, HmrCaseMoveDialog, caseworker_row);
  gtk_widget_class_bind_template_child (widget_class, HmrCaseMoveDialog, reason_row);

  gtk_widget_class_install_action (widget_class, "case-move.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "case-move.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "case-move.cancel", NULL);
}

static void
hmr_case_move_dialog_init (HmrCaseMoveDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->apply_button);
}

/**
 * hmr_case_move_dialog_new:
 *
 * Returns: (transfer floating) (nullable): the dialog for the case of
 *   @beneficiary_id; %NULL, with the reason, when @actor may not make
 *   that move or the case cannot be read
 */
HmrCaseMoveDialog *
hmr_case_move_dialog_new (HmrStore         *store,
                          const HmrActor   *actor,
                          const char       *beneficiary_id,
                          HmrCaseMoveKind   kind,
                          GError          **error)
{
  g_autofree char *name = NULL;
  g_autofree char *case_id = NULL;
  g_autoptr(HmrCaseInfo) info = NULL;
  HmrCaseMoveDialog *self;

  g_return_val_if_fail (HMR_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  case_id = hmr_fu_gui_dup_case_id (store, actor, beneficiary_id, &name, error);
  if (case_id == NULL)
    return NULL;
  info = hmr_store_get_case (store, actor, case_id, error);
  if (info == NULL || !hmr_store_require (actor, HMR_ACTION_BENEFICIARY_REASSIGN, info->office_id, error))
    return NULL;

  self = g_object_new (HMR_TYPE_CASE_MOVE_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->actor = hmr_actor_copy (actor);
  self->info = g_steal_pointer (&info);
  self->kind = kind;
  set_up (self, name);
  if (!fill_choices (self, error))
    {
      g_object_ref_sink (self);
      gtk_window_destroy (GTK_WINDOW (self));
      g_object_unref (self);
      return NULL;
    }
  if (kind == HMR_CASE_MOVE_REASSIGN)
    fill_workers (self, self->info->office_id);
  else if (kind == HMR_CASE_MOVE_TRANSFER)
    fill_workers (self, selected_choice (self));
  g_signal_connect_swapped (self->choice_row, "notify::selected", G_CALLBACK (on_choice_changed), self);
  g_signal_connect_swapped (self->caseworker_row, "notify::selected", G_CALLBACK (update_apply), self);
  g_signal_connect_swapped (self->reason_row, "changed", G_CALLBACK (update_apply), self);
  update_apply (self);
  return self;
}

AdwComboRow *
hmr_case_move_dialog_get_choice_row (HmrCaseMoveDialog *self)
{
  g_return_val_if_fail (HMR_IS_CASE_MOVE_DIALOG (self), NULL);
  return self->choice_row;
}

AdwComboRow *
hmr_case_move_dialog_get_caseworker_row (HmrCaseMoveDialog *self)
{
  g_return_val_if_fail (HMR_IS_CASE_MOVE_DIALOG (self), NULL);
  return self->caseworker_row;
}

/**
 * hmr_case_move_dialog_select:
 * @code: a stage code or an office id
 *
 * Returns: whether it was offered
 */
gboolean
hmr_case_move_dialog_select (HmrCaseMoveDialog *self,
                             const char        *code)
{
  guint pos;

  g_return_val_if_fail (HMR_IS_CASE_MOVE_DIALOG (self), FALSE);
  if (self->choices == NULL ||
      !g_ptr_array_find_with_equal_func (self->choices, code, g_str_equal, &pos))
    return FALSE;
  adw_combo_row_set_selected (self->choice_row, pos);
  return TRUE;
}

gboolean
hmr_case_move_dialog_select_caseworker (HmrCaseMoveDialog *self,
                                        const char        *user_id)
{
  g_return_val_if_fail (HMR_IS_CASE_MOVE_DIALOG (self), FALSE);
  for (guint i = 0; self->workers != NULL && i < self->workers->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->workers, i), user_id) == 0)
      {
        adw_combo_row_set_selected (self->caseworker_row, i);
        return TRUE;
      }
  return FALSE;
}

void
hmr_case_move_dialog_set_reason (HmrCaseMoveDialog *self,
                                 const char        *reason)
{
  g_return_if_fail (HMR_IS_CASE_MOVE_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), reason);
}

/**
 * hmr_case_move_dialog_open:
 * @parent: a widget of the window to show it over; a refusal is shown
 *   over it
 *
 * Returns: (transfer none) (nullable): the dialog, shown
 */
HmrCaseMoveDialog *
hmr_case_move_dialog_open (GtkWidget       *parent,
                           HmrStore        *store,
                           const HmrActor  *actor,
                           const char      *beneficiary_id,
                           HmrCaseMoveKind  kind)
{
  g_autoptr(GError) error = NULL;
  HmrCaseMoveDialog *self = hmr_case_move_dialog_new (store, actor, beneficiary_id, kind, &error);

  if (!hmr_gui_present_dialog (GTK_WINDOW (self), error, parent, NULL, NULL, NULL))
    return NULL;
  return self;
}
