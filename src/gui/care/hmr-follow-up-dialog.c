/* hmr-follow-up-dialog.c
 *
 * Two faces of one window.  Scheduling asks for the kind, the day and who
 * will do it; "It already took place" turns it into recording one that
 * was never scheduled (the person phoned or came in).  Recording starts
 * from what is most common (it took place, today) so that a phone call is
 * recorded in a few keystrokes: the five WHO-5 answers are rows of 0–5
 * buttons (HmrWho5Row), the score and whether the supervisor will be told
 * update as they are chosen, under the thresholds they follow.  The confidential
 * note is only there for the roles that may read it (DESIGN §6); the store
 * refuses the others anyway.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "hmr-follow-up-dialog.h"
#include "hmr-follow-up-staff.h"
#include "hmr-follow-up-util.h"
#include "hmr-gui-util.h"
#include "hmr-labels.h"
#include "hmr-permissions.h"
#include "hmr-who5-row.h"

static const char * const kinds[] = { "psychosocial_session", "phone", "home_visit", "office" };
static const char * const outcomes[] = { "done", "missed", "cancelled" };
static const int wants_values[] = { -1, 1, 0 };

struct _HmrFollowUpDialog
{
  AdwWindow        parent_instance;

  HmrStore        *store;
  HmrActor        *actor;
  HmrFollowUp     *follow_up;       /* recording; NULL when scheduling */
  char            *beneficiary_id;
  char            *office_id;
  GPtrArray       *staff;           /* HmrUserInfo: who may be assigned */
  gboolean         saved;

  /* Template widgets */
  AdwWindowTitle  *window_title;
  AdwToastOverlay *toast_overlay;
  GtkButton       *save_button;
  GtkWidget       *schedule_group;
  GtkWidget       *took_place_row;
  GtkSwitch       *took_place_switch;
  AdwComboRow     *kind_row;
  AdwEntryRow     *due_row;
  AdwComboRow     *who_row;
  AdwPreferencesGroup *outcome_group;
  AdwComboRow     *outcome_row;
  AdwEntryRow     *done_on_row;
  GtkWidget       *duration_row;
  GtkSpinButton   *duration_spin;
  AdwEntryRow     *comment_row;
  GtkWidget       *who5_group;
  HmrWho5Row      *who5_row;
  AdwComboRow     *wants_row;
  GtkWidget       *note_group;
  GtkTextView     *note_view;
  GtkWidget       *next_group;
  AdwEntryRow     *next_on_row;
  AdwComboRow     *next_kind_row;
};

G_DEFINE_FINAL_TYPE (HmrFollowUpDialog, hmr_follow_up_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_toast (HmrFollowUpDialog *self,
            const char        *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static guint
kind_index (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i]) == 0)
      return i;
  return 0;
}

static char *
dup_trimmed (const char *text)
{
  char *out = g_strstrip (g_strdup (text ? text : ""));

  if (out[0] == '\0')
    g_clear_pointer (&out, g_free);
  return out;
}

/* ---- what shows when ------------------------------------------------- */

/* Recording one that was never scheduled */
static gboolean
unscheduled (HmrFollowUpDialog *self)
{
  return self->follow_up == NULL && gtk_switch_get_active (self->took_place_switch);
}

static gboolean
took_place (HmrFollowUpDialog *self)
{
  return unscheduled (self) || adw_combo_row_get_selected (self->outcome_row) == 0;
}

static void
update_visibility (HmrFollowUpDialog *self)
{
  gboolean recording = self->follow_up != NULL || unscheduled (self);
  gboolean done = recording && took_place (self);
  gboolean may_note = hmr_permission_allows (self->actor, HMR_ACTION_SENSITIVE_READ, self->office_id);

  gtk_widget_set_visible (self->schedule_group, self->follow_up == NULL);
  gtk_widget_set_visible (self->took_place_row, self->follow_up == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->due_row), !recording);
  gtk_widget_set_visible (GTK_WIDGET (self->who_row), !recording);
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_row), self->follow_up != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->outcome_group), recording);
  gtk_widget_set_visible (self->duration_row, done);
  gtk_widget_set_visible (self->who5_group, done);
  gtk_widget_set_visible (self->note_group, recording && may_note);
  gtk_widget_set_visible (self->next_group, recording);
}

static void
on_outcome_changed (HmrFollowUpDialog *self)
{
  update_visibility (self);
}

static void
on_took_place_changed (HmrFollowUpDialog *self)
{
  gboolean now = unscheduled (self);

  gtk_button_set_label (self->save_button, now ? _("_Record") : _("_Schedule"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button),
                               now ? _("Record what happened (Ctrl+S)") : _("Schedule the follow-up (Ctrl+S)"));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->schedule_group),
                                   now ? _("Record a Follow-up") : _("Schedule a Follow-up"));
  adw_preferences_group_set_title (self->outcome_group, now ? _("What Happened") : "");
  /* A session is scored; a call or a visit may be */
  if (now)
    adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (self->who5_row),
                                           adw_combo_row_get_selected (self->kind_row) ==
                                           kind_index ("psychosocial_session"));
  update_visibility (self);
}

/* The thresholds the flags follow, named under the group's own words */
static void
set_who5_guidance (HmrFollowUpDialog *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (self->who5_group);
  g_autofree char *guidance = hmr_who5_dup_guidance ();
  g_autofree char *text = g_strdup_printf ("%s\n%s", adw_preferences_group_get_description (group),
                                           guidance);

  adw_preferences_group_set_description (group, text);
}


/* ---- save ------------------------------------------------------------ */

static gboolean
record (HmrFollowUpDialog  *self,
        GError            **error)
{
  HmrFollowUpOutcome outcome = HMR_FOLLOW_UP_OUTCOME_INIT;
  g_autofree char *done_on = dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (self->done_on_row)));
  g_autofree char *comment = dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (self->comment_row)));
  g_autofree char *next_on = dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (self->next_on_row)));
  g_autofree char *note = NULL;
  g_autofree char *next_id = NULL;
  gboolean done = took_place (self);

  outcome.status = outcomes[MIN (adw_combo_row_get_selected (self->outcome_row), G_N_ELEMENTS (outcomes) - 1)];
  outcome.done_on = done_on;
  outcome.comment = comment;
  outcome.next_on = next_on;
  outcome.next_kind = kinds[MIN (adw_combo_row_get_selected (self->next_kind_row), G_N_ELEMENTS (kinds) - 1)];
  if (done)
    {
      int minutes = gtk_spin_button_get_value_as_int (self->duration_spin);

      outcome.duration_minutes = minutes > 0 ? minutes : -1;
      outcome.wants_professional = wants_values[MIN (adw_combo_row_get_selected (self->wants_row),
                                                     G_N_ELEMENTS (wants_values) - 1)];
      if (adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (self->who5_row)))
        {
          if (!hmr_who5_row_get_items (self->who5_row, outcome.who5_items))
            {
              g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                           _("WHO-5: answer all five statements, or switch the score off."));
              adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self->who5_row), TRUE);
              return FALSE;
            }
          outcome.has_who5 = TRUE;
        }
    }
  if (gtk_widget_get_visible (self->note_group))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
      g_autofree char *raw = NULL;
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      raw = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      note = dup_trimmed (raw);
      outcome.note = note;
    }

  if (self->follow_up == NULL)
    {
      g_autofree char *id = NULL;

      outcome.status = "done";
      return hmr_store_record_unscheduled_follow_up (self->store, self->actor, self->beneficiary_id,
                                                     kinds[MIN (adw_combo_row_get_selected (self->kind_row),
                                                                G_N_ELEMENTS (kinds) - 1)],
                                                     &outcome, &id, &next_id, error);
    }
  return hmr_store_record_follow_up (self->store, self->actor, self->follow_up->id,
                                     &outcome, &next_id, error);
}

static gboolean
schedule (HmrFollowUpDialog  *self,
          GError            **error)
{
  g_autofree char *due = dup_trimmed (gtk_editable_get_text (GTK_EDITABLE (self->due_row)));
  g_autofree char *id = NULL;
  const char *who = NULL;
  guint i = adw_combo_row_get_selected (self->who_row);

  if (self->staff != NULL && i < self->staff->len)
    who = ((HmrUserInfo *) g_ptr_array_index (self->staff, i))->id;
  id = hmr_store_schedule_follow_up (self->store, self->actor, self->beneficiary_id,
                                     kinds[MIN (adw_combo_row_get_selected (self->kind_row),
                                                G_N_ELEMENTS (kinds) - 1)],
                                     due ? due : "", who, error);
  return id != NULL;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HmrFollowUpDialog *self = HMR_FOLLOW_UP_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = self->follow_up != NULL || unscheduled (self) ? record (self, &error) : schedule (self, &error);
  if (!ok)
    {
      /* Nothing typed is lost: the dialog stays as it is */
      show_toast (self, error->message);
      return;
    }
  self->saved = TRUE;
  g_signal_emit (self, signals[SAVED], 0, self->beneficiary_id);
  gtk_window_close (GTK_WINDOW (self));
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
fill_common (HmrFollowUpDialog *self)
{
  const char *kind_labels[G_N_ELEMENTS (kinds)];
  const char *outcome_labels[G_N_ELEMENTS (outcomes)];
  const char *wants_labels[] = { C_("professional support", "Not asked"),
                                 C_("professional support", "Yes"),
                                 C_("professional support", "No") };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    kind_labels[i] = hmr_code_get_label (HMR_CODES_FOLLOW_UP_KIND, kinds[i]);
  /* Translators: what happened at a follow-up */
  outcome_labels[0] = C_("follow-up outcome", "It took place");
  outcome_labels[1] = C_("follow-up outcome", "Missed: the person could not be reached or did not come");
  outcome_labels[2] = C_("follow-up outcome", "Cancelled");
  hmr_fu_gui_combo_set_labels (self->kind_row, kind_labels, G_N_ELEMENTS (kind_labels));
  hmr_fu_gui_combo_set_labels (self->next_kind_row, kind_labels, G_N_ELEMENTS (kind_labels));
  hmr_fu_gui_combo_set_labels (self->outcome_row, outcome_labels, G_N_ELEMENTS (outcome_labels));
  hmr_fu_gui_combo_set_labels (self->wants_row, wants_labels, G_N_ELEMENTS (wants_labels));
  hmr_gui_set_accessible_label (GTK_WIDGET (self->note_view), _("Confidential note"));
  hmr_gui_set_accessible_label (GTK_WIDGET (self->duration_spin), _("Duration in minutes"));
}

static void
find_previous_score (HmrFollowUpDialog *self)
{
  g_autoptr(GPtrArray) all = NULL;
  const char *latest = NULL;
  int previous = -1;

  all = hmr_store_list_follow_ups (self->store, self->actor, self->beneficiary_id, NULL);
  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      HmrFollowUp *f = g_ptr_array_index (all, i);

      if (f->who5_score < 0 || g_strcmp0 (f->status, "done") != 0 || f->done_on == NULL)
        continue;
      if (latest == NULL || g_strcmp0 (f->done_on, latest) > 0)
        {
          latest = f->done_on;
          previous = f->who5_score;
        }
    }
  hmr_who5_row_set_previous_score (self->who5_row, previous);
}

static HmrFollowUpDialog *
dialog_new (HmrStore       *store,
            const HmrActor *actor)
{
  HmrFollowUpDialog *self = g_object_new (HMR_TYPE_FOLLOW_UP_DIALOG, NULL);

  self->store = g_object_ref (store);
  self->actor = hmr_actor_copy (actor);
  fill_common (self);
  return self;
}

/**
 * hmr_follow_up_dialog_new_record:
 *
 * Returns: (transfer floating) (nullable): the dialog recording the
 *   planned follow-up @follow_up_id; %NULL when it cannot be read
 */
HmrFollowUpDialog *
hmr_follow_up_dialog_new_record (HmrStore        *store,
                                 const HmrActor  *actor,
                                 const char      *follow_up_id,
                                 GError         **error)
{
  g_autoptr(HmrFollowUp) follow_up = NULL;
  g_autofree char *title = NULL;
  g_autofree char *today = NULL;
  g_autofree char *next = NULL;
  g_autofree char *due = NULL;
  g_autoptr(HmrBeneficiary) person = NULL;
  HmrFollowUpDialog *self;

  g_return_val_if_fail (HMR_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  follow_up = hmr_store_get_follow_up (store, actor, follow_up_id, error);
  if (follow_up == NULL)
    return NULL;
  if (g_strcmp0 (follow_up->status, "planned") != 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_CONFLICT,
                   _("This follow-up was already recorded as “%s”."),
                   hmr_code_get_label (HMR_CODES_FOLLOW_UP_STATUS, follow_up->status));
      return NULL;
    }

  self = dialog_new (store, actor);
  self->follow_up = g_steal_pointer (&follow_up);
  self->beneficiary_id = g_strdup (self->follow_up->beneficiary_id);
  self->office_id = g_strdup (self->follow_up->office_id);
  find_previous_score (self);

  gtk_window_set_title (GTK_WINDOW (self), _("Record Follow-up"));
  adw_window_title_set_title (self->window_title, _("Record Follow-up"));
  person = hmr_store_get_beneficiary (store, actor, self->beneficiary_id, NULL);
  if (person != NULL)
    {
      g_autofree char *name = g_strjoin (" ", hmr_beneficiary_get (person, HMR_BENEFICIARY_FAMILY_NAME),
                                         hmr_beneficiary_get (person, HMR_BENEFICIARY_GIVEN_NAME), NULL);
      adw_window_title_set_subtitle (self->window_title, name);
    }
  gtk_button_set_label (self->save_button, _("_Record"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button), _("Record what happened (Ctrl+S)"));

  due = hmr_gui_format_date (self->follow_up->due_on);
  /* Translators: a kind of follow-up ("Phone call"), then its due date */
  title = g_strdup_printf (_("%s, due %s"),
                           hmr_code_get_label (HMR_CODES_FOLLOW_UP_KIND, self->follow_up->kind), due);
  adw_preferences_group_set_title (self->outcome_group, title);
  if (self->follow_up->assigned_name != NULL)
    {
      g_autofree char *who = g_strdup_printf (_("Assigned to %s"), self->follow_up->assigned_name);
      adw_preferences_group_set_description (self->outcome_group, who);
    }

  today = hmr_fu_gui_format_day (store, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->done_on_row), today);
  next = hmr_fu_gui_format_day (store, 14);
  gtk_editable_set_text (GTK_EDITABLE (self->next_on_row), next);
  adw_combo_row_set_selected (self->next_kind_row, kind_index (self->follow_up->kind));
  /* A psychosocial session is scored; for the others it is a choice */
  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (self->who5_row),
                                         g_strcmp0 (self->follow_up->kind, "psychosocial_session") == 0);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self->who5_row),
                                 adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (self->who5_row)));

  update_visibility (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->outcome_row));
  return self;
}

/**
 * hmr_follow_up_dialog_new_schedule:
 *
 * Returns: (transfer floating) (nullable): the dialog planning a
 *   follow-up of @beneficiary_id; %NULL when the person cannot be read
 */
HmrFollowUpDialog *
hmr_follow_up_dialog_new_schedule (HmrStore        *store,
                                   const HmrActor  *actor,
                                   const char      *beneficiary_id,
                                   GError         **error)
{
  g_autoptr(HmrBeneficiary) b = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autofree char *due = NULL;
  g_autofree char *subtitle = NULL;
  HmrFollowUpDialog *self;
  guint chosen = 0;

  g_return_val_if_fail (HMR_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  b = hmr_store_get_beneficiary (store, actor, beneficiary_id, error);
  if (b == NULL)
    return NULL;

  self = dialog_new (store, actor);
  self->beneficiary_id = g_strdup (beneficiary_id);
  self->office_id = g_strdup (hmr_beneficiary_get (b, HMR_BENEFICIARY_OFFICE_ID));
  self->staff = hmr_store_list_follow_up_staff (store, actor, self->office_id, error);
  if (self->staff == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }

  labels = g_ptr_array_new ();
  for (guint i = 0; i < self->staff->len; i++)
    {
      HmrUserInfo *u = g_ptr_array_index (self->staff, i);

      g_ptr_array_add (labels, u->full_name);
      if (g_strcmp0 (u->id, actor->user_id) == 0)
        chosen = i;
    }
  hmr_fu_gui_combo_set_labels (self->who_row, (const char * const *) labels->pdata, labels->len);
  adw_combo_row_set_selected (self->who_row, chosen);

  gtk_window_set_title (GTK_WINDOW (self), _("Schedule Follow-up"));
  adw_window_title_set_title (self->window_title, _("Schedule Follow-up"));
  subtitle = g_strdup_printf ("%s %s · %s", hmr_beneficiary_get (b, HMR_BENEFICIARY_FAMILY_NAME),
                              hmr_beneficiary_get (b, HMR_BENEFICIARY_GIVEN_NAME),
                              hmr_gui_value_or_dash (hmr_beneficiary_get (b, HMR_BENEFICIARY_CASE_NUMBER)));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 400);
  gtk_button_set_label (self->save_button, _("_Schedule"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button), _("Schedule the follow-up (Ctrl+S)"));
  adw_combo_row_set_selected (self->kind_row, kind_index ("phone"));
  due = hmr_fu_gui_format_day (store, 7);
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), due);
  /* For "It already took place": today, and the next one in two weeks */
  g_free (due);
  due = hmr_fu_gui_format_day (store, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->done_on_row), due);
  g_free (due);
  due = hmr_fu_gui_format_day (store, 14);
  gtk_editable_set_text (GTK_EDITABLE (self->next_on_row), due);
  adw_combo_row_set_selected (self->next_kind_row, kind_index ("phone"));
  find_previous_score (self);

  update_visibility (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->kind_row));
  return self;
}

/* ---- GObject -------------------------------------------------------- */

static void
hmr_follow_up_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HMR_TYPE_FOLLOW_UP_DIALOG);
  G_OBJECT_CLASS (hmr_follow_up_dialog_parent_class)->dispose (object);
}

static void
hmr_follow_up_dialog_finalize (GObject *object)
{
  HmrFollowUpDialog *self = HMR_FOLLOW_UP_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, hmr_actor_free);
  g_clear_pointer (&self->follow_up, hmr_follow_up_free);
  g_clear_pointer (&self->staff, g_ptr_array_unref);
  g_free (self->beneficiary_id);
  g_free (self->office_id);

  G_OBJECT_CLASS (hmr_follow_up_dialog_parent_class)->finalize (object);
}

static void
hmr_follow_up_dialog_class_init (HmrFollowUpDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hmr_follow_up_dialog_dispose;
  object_class->finalize = hmr_follow_up_dialog_finalize;
  g_type_ensure (HMR_TYPE_WHO5_ROW);

  /**
   * HmrFollowUpDialog::saved:
   * @beneficiary_id: whose follow-up was recorded or scheduled
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/care/hmr-follow-up-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrFollowUpDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, HmrFollowUpDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HmrFollowUpDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, HmrFollowUpDialog, schedule_group);
  gtk_widget_class_bind_template_child (widget_class, HmrFollowUpDialog, took_place_row);
  gtk_widget_class_bind_template_child (widget_class, HmrFollowUpDialog, took_place_switch);
  gtk_widget_class_bind_template_child (widget_class, HmrFollowUpDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, HmrFollowUpDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, HmrFollowUpDialog, who_row);
  gtk_widget_class_bind_template_child (widget_class, HmrFollowUpDialog, outcome_group);
  gtk_widget_class_bind_template_child (widget_class, HmrFollowUpDialog, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, HmrFollowUpDialog, done_on_row);
  gtk_widget_class_bind_template_child (widget_class, HmrFollowUpDialog, duration_row);
  gtk_widget_class_bind_template_child (widget_class, HmrFollowUpDialog, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, HmrFollowUpDialog, comment_row);
  gtk_widget_class_bind_template_child (widget_class, HmrFollowUpDialog, who5_group);
  gtk_widget_class_bind_template_child (widget_class, HmrFollowUpDialog, who5_row);
  gtk_widget_class_bind_template_child (widget_class, HmrFollowUpDialog, wants_row);
  gtk_widget_class_bind_template_child (widget_class, HmrFollowUpDialog, note_group);
  gtk_widget_class_bind_template_child (widget_class, HmrFollowUpDialog, note_view);
  gtk_widget_class_bind_template_child (widget_class, HmrFollowUpDialog, next_group);
  gtk_widget_class_bind_template_child (widget_class, HmrFollowUpDialog, next_on_row);
  gtk_widget_class_bind_template_child (widget_class, HmrFollowUpDialog, next_kind_row);

  gtk_widget_class_install_action (widget_class, "follow-up.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "follow-up.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "follow-up.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "follow-up.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "follow-up.cancel", NULL);
}

static void
hmr_follow_up_dialog_init (HmrFollowUpDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->outcome_row, "notify::selected",
                            G_CALLBACK (on_outcome_changed), self);
  g_signal_connect_swapped (self->took_place_switch, "notify::active",
                            G_CALLBACK (on_took_place_changed), self);
  set_who5_guidance (self);
}

/**
 * hmr_follow_up_dialog_set_took_place:
 *
 * In a dialog scheduling a follow-up: records one that already took
 * place instead, as "It already took place" does.
 */
void
hmr_follow_up_dialog_set_took_place (HmrFollowUpDialog *self,
                                     gboolean           took_place)
{
  g_return_if_fail (HMR_IS_FOLLOW_UP_DIALOG (self));
  g_return_if_fail (self->follow_up == NULL);
  gtk_switch_set_active (self->took_place_switch, took_place);
}

GtkWidget *
hmr_follow_up_dialog_get_who5_group (HmrFollowUpDialog *self)
{
  g_return_val_if_fail (HMR_IS_FOLLOW_UP_DIALOG (self), NULL);
  return self->who5_group;
}

gboolean
hmr_follow_up_dialog_is_recording (HmrFollowUpDialog *self)
{
  g_return_val_if_fail (HMR_IS_FOLLOW_UP_DIALOG (self), FALSE);
  return self->follow_up != NULL;
}

const char *
hmr_follow_up_dialog_get_beneficiary_id (HmrFollowUpDialog *self)
{
  g_return_val_if_fail (HMR_IS_FOLLOW_UP_DIALOG (self), NULL);
  return self->beneficiary_id;
}

/**
 * hmr_follow_up_dialog_set_who5_item:
 * @value: 0 to 5, as if its button was pressed
 */
void
hmr_follow_up_dialog_set_who5_item (HmrFollowUpDialog *self,
                                    guint              item,
                                    int                value)
{
  g_return_if_fail (HMR_IS_FOLLOW_UP_DIALOG (self));
  g_return_if_fail (item < HMR_WHO5_N_ITEMS);
  g_return_if_fail (value >= 0 && value <= HMR_WHO5_ITEM_MAX);

  hmr_who5_row_set_item (self->who5_row, item, value);
}

/**
 * hmr_follow_up_dialog_get_who5_score:
 *
 * Returns: the score the answers give, 0–100; -1 until all are answered
 */
int
hmr_follow_up_dialog_get_who5_score (HmrFollowUpDialog *self)
{
  g_return_val_if_fail (HMR_IS_FOLLOW_UP_DIALOG (self), -1);
  return hmr_who5_row_get_score (self->who5_row);
}

GtkWidget *
hmr_follow_up_dialog_get_note_group (HmrFollowUpDialog *self)
{
  g_return_val_if_fail (HMR_IS_FOLLOW_UP_DIALOG (self), NULL);
  return self->note_group;
}

/* ---- opening it ------------------------------------------------------ */

/**
 * hmr_follow_up_dialog_open:
 * @parent: a widget of the main window
 * @follow_up_id: (nullable): the planned follow-up to record; %NULL: the
 *   person's earliest planned one, or scheduling one when none is planned
 *
 * Shows a refusal as a toast over @parent.
 */
void
hmr_follow_up_dialog_open (GtkWidget      *parent,
                           HmrStore       *store,
                           const HmrActor *actor,
                           const char     *beneficiary_id,
                           const char     *follow_up_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *planned = NULL;
  HmrFollowUpDialog *dialog;

  if (follow_up_id == NULL && beneficiary_id != NULL)
    {
      g_autoptr(GPtrArray) all = hmr_store_list_follow_ups (store, actor, beneficiary_id, &error);
      const char *earliest = NULL;

      if (all == NULL)
        {
          hmr_gui_show_refusal (parent, error->message);
          return;
        }
      for (guint i = 0; i < all->len; i++)
        {
          HmrFollowUp *f = g_ptr_array_index (all, i);

          if (g_strcmp0 (f->status, "planned") == 0 &&
              (earliest == NULL || g_strcmp0 (f->due_on, earliest) < 0))
            {
              earliest = f->due_on;
              g_free (planned);
              planned = g_strdup (f->id);
            }
        }
      follow_up_id = planned;
    }

  if (follow_up_id != NULL)
    dialog = hmr_follow_up_dialog_new_record (store, actor, follow_up_id, &error);
  else
    dialog = hmr_follow_up_dialog_new_schedule (store, actor, beneficiary_id, &error);
  /* What it saves, the store announces to every area */
  hmr_gui_present_dialog (GTK_WINDOW (dialog), error, parent, NULL, NULL, NULL);
}

