/* hmr-surveys-page.c
 *
 * Two views in a stack: the rounds, each with its sample and response
 * rate; and one round's call list, where a caseworker records each call.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-gui-util.h"
#include "hmr-labels.h"
#include "hmr-permissions.h"
#include "hmr-survey-response-dialog.h"
#include "hmr-survey-round-dialog.h"
#include "hmr-survey.h"
#include "hmr-surveys-page.h"

struct _HmrSurveysPage
{
  HmrAreaPage      parent_instance;

  char            *round_id;      /* the round whose calls are shown */
  guint            n_calls;

  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  GtkListBox      *rounds_list;
  GtkLabel        *calls_title;
  GtkLabel        *calls_summary;
  GtkButton       *draw_button;
  GtkListBox      *calls_list;
};

G_DEFINE_FINAL_TYPE (HmrSurveysPage, hmr_surveys_page, HMR_TYPE_AREA_PAGE)

static HmrStore *
get_store (HmrSurveysPage *self)
{
  return hmr_area_page_get_store (HMR_AREA_PAGE (self));
}

static const HmrActor *
get_actor (HmrSurveysPage *self)
{
  return hmr_area_page_get_actor (HMR_AREA_PAGE (self));
}

static void
clear (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static char *
dup_round_summary (const HmrSurveyRound *r)
{
  g_autofree char *from = hmr_gui_format_date (r->period_from);
  g_autofree char *to = hmr_gui_format_date (r->period_to);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s — %s · ", from, to);
  if (r->sampled_at == NULL)
    /* Translators: N people in the population, n to call once the sample is drawn */
    g_string_append_printf (out, _("%u people; a sample of %u to draw"), r->population, r->sample_size);
  else
    {
      /* Translators: n people drawn of N; how many were called, reached; the response rate */
      g_string_append_printf (out, _("%u of %u drawn; %u called, %u reached (%.0f%%)"),
                              r->n_sampled, r->population, r->n_called, r->n_reached,
                              100 * hmr_survey_round_response_rate (r));
    }
  return g_string_free (out, FALSE);
}

/**
 * hmr_surveys_page_reload:
 *
 * Lists the rounds afresh, and the call list shown, if any.
 */
void
hmr_surveys_page_reload (HmrSurveysPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rounds = NULL;

  clear (self->rounds_list);
  rounds = hmr_store_list_survey_rounds (get_store (self), get_actor (self), &error);
  if (rounds == NULL)
    {
      hmr_gui_show_error_toast (GTK_WIDGET (self->toast_overlay), error->message);
      return;
    }
  for (guint i = 0; i < rounds->len; i++)
    {
      HmrSurveyRound *r = g_ptr_array_index (rounds, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
      g_autofree char *sub = dup_round_summary (r);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), r->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
      hmr_gui_set_accessible_label (arrow, _("Open"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Open the round’s call list"));
      g_object_set_data_full (G_OBJECT (row), "round-id", g_strdup (r->id), g_free);
      gtk_list_box_append (self->rounds_list, row);
    }
  if (self->round_id != NULL)
    hmr_surveys_page_show_calls (self, self->round_id);
}

/* Rounds, samples and calls: the page reads them afresh whoever wrote them */
static void
hmr_surveys_page_store_changed (HmrAreaPage  *page,
                                HmrChangeSet *changes)
{
  HmrSurveysPage *self = HMR_SURVEYS_PAGE (page);
  static const char * const kinds[] = { "survey_round", "survey_response", NULL };

  if (hmr_change_set_is_bulk (changes) || hmr_change_set_has_any_kind (changes, kinds))
    hmr_surveys_page_reload (self);
}

static void
on_record_clicked (GtkButton      *button,
                   HmrSurveysPage *self)
{
  HmrSurveyResponseDialog *dialog =
    hmr_survey_response_dialog_new (get_store (self), get_actor (self), self->round_id,
                                    g_object_get_data (G_OBJECT (button), "beneficiary-id"),
                                    g_object_get_data (G_OBJECT (button), "name"));

  hmr_gui_present_dialog (GTK_WINDOW (dialog), NULL, GTK_WIDGET (self), NULL, NULL, NULL);
}

static GtkWidget *
call_row (HmrSurveysPage      *self,
          const HmrSurveyCall *c)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) sub = g_string_new (c->case_number);

  g_string_append_printf (sub, " · %s", hmr_district_get_label (c->district));
  if (c->phone)
    g_string_append_printf (sub, " · %s", c->phone);
  if (c->assigned_name)
    g_string_append_printf (sub, " · %s", c->assigned_name);
  g_string_append (sub, "\n");
  if (c->response_id == NULL)
    g_string_append (sub, _("Not called yet"));
  else if (c->reached)
    g_string_append (sub, _("Answered"));
  else
    {
      /* Translators: %s is why the person was not reached */
      g_string_append_printf (sub, _("Not reached: %s"), c->not_reached_reason);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), c->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  if ((c->response_id == NULL || !c->reached) &&
      hmr_permission_allows (get_actor (self), HMR_ACTION_SURVEY_RESPOND, NULL))
    {
      GtkWidget *record = gtk_button_new_with_mnemonic (_("_Record Call"));

      gtk_widget_set_valign (record, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (record, _("Record what the person answered, or why they were not reached"));
      g_object_set_data_full (G_OBJECT (record), "beneficiary-id", g_strdup (c->beneficiary_id), g_free);
      g_object_set_data_full (G_OBJECT (record), "name", g_strdup (c->name), g_free);
      g_signal_connect (record, "clicked", G_CALLBACK (on_record_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), record);
    }
  return row;
}

/**
 * hmr_surveys_page_show_calls:
 *
 * Shows the round's call list: the actor's office's people for a
 * caseworker, everyone drawn for a supervisor.
 */
void
hmr_surveys_page_show_calls (HmrSurveysPage *self,
                             const char     *round_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrSurveyRound) round = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *id = g_strdup (round_id);

  round = hmr_store_get_survey_round (get_store (self), get_actor (self), id, &error);
  calls = round ? hmr_store_list_survey_calls (get_store (self), get_actor (self), id, &error) : NULL;
  if (calls == NULL)
    {
      hmr_gui_show_error_toast (GTK_WIDGET (self->toast_overlay), error->message);
      return;
    }
  g_free (self->round_id);
  self->round_id = g_steal_pointer (&id);
  self->n_calls = calls->len;
  gtk_label_set_label (self->calls_title, round->name);
  summary = dup_round_summary (round);
  gtk_label_set_label (self->calls_summary, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->draw_button),
                          round->sampled_at == NULL &&
                          hmr_permission_allows (get_actor (self), HMR_ACTION_SURVEY_MANAGE, NULL));
  clear (self->calls_list);
  for (guint i = 0; i < calls->len; i++)
    gtk_list_box_append (self->calls_list, call_row (self, g_ptr_array_index (calls, i)));
  gtk_stack_set_visible_child_name (self->stack, "calls");
}

guint
hmr_surveys_page_get_n_calls (HmrSurveysPage *self)
{
  return self->n_calls;
}

static void
on_round_activated (HmrSurveysPage *self,
                    GtkListBoxRow  *row)
{
  hmr_surveys_page_show_calls (self, g_object_get_data (G_OBJECT (row), "round-id"));
}

static void
on_round_opened (HmrSurveysPage *self,
                 const char     *round_id)
{
  hmr_surveys_page_show_calls (self, round_id);
}

static void
open_round_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HmrSurveysPage *self = HMR_SURVEYS_PAGE (widget);
  HmrSurveyRoundDialog *dialog = hmr_survey_round_dialog_new (get_store (self), get_actor (self));

  hmr_gui_present_dialog (GTK_WINDOW (dialog), NULL, widget, "opened", G_CALLBACK (on_round_opened), self);
}

static void
draw_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HmrSurveysPage *self = HMR_SURVEYS_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!hmr_store_draw_survey_sample (get_store (self), get_actor (self), self->round_id, &error))
    hmr_gui_show_error_toast (GTK_WIDGET (self->toast_overlay), error->message);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HmrSurveysPage *self = HMR_SURVEYS_PAGE (widget);

  g_clear_pointer (&self->round_id, g_free);
  gtk_stack_set_visible_child_name (self->stack, "rounds");
}

/* ---- GObject -------------------------------------------------------- */

static void
hmr_surveys_page_constructed (GObject *object)
{
  HmrSurveysPage *self = HMR_SURVEYS_PAGE (object);

  G_OBJECT_CLASS (hmr_surveys_page_parent_class)->constructed (object);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "surveys.open-round",
                                 hmr_permission_allows (get_actor (self), HMR_ACTION_SURVEY_MANAGE, NULL));
  hmr_surveys_page_reload (self);
}

static void
hmr_surveys_page_finalize (GObject *object)
{
  HmrSurveysPage *self = HMR_SURVEYS_PAGE (object);

  g_clear_pointer (&self->round_id, g_free);
  G_OBJECT_CLASS (hmr_surveys_page_parent_class)->finalize (object);
}

static void
hmr_surveys_page_class_init (HmrSurveysPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hmr_surveys_page_constructed;
  object_class->finalize = hmr_surveys_page_finalize;
  HMR_AREA_PAGE_CLASS (klass)->store_changed = hmr_surveys_page_store_changed;

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/sessions/hmr-surveys-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrSurveysPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HmrSurveysPage, stack);
  gtk_widget_class_bind_template_child (widget_class, HmrSurveysPage, rounds_list);
  gtk_widget_class_bind_template_child (widget_class, HmrSurveysPage, calls_title);
  gtk_widget_class_bind_template_child (widget_class, HmrSurveysPage, calls_summary);
  gtk_widget_class_bind_template_child (widget_class, HmrSurveysPage, draw_button);
  gtk_widget_class_bind_template_child (widget_class, HmrSurveysPage, calls_list);
  gtk_widget_class_bind_template_callback (widget_class, on_round_activated);

  gtk_widget_class_install_action (widget_class, "surveys.open-round", NULL, open_round_action);
  gtk_widget_class_install_action (widget_class, "surveys.draw", NULL, draw_action);
  gtk_widget_class_install_action (widget_class, "surveys.back", NULL, back_action);
}

static void
hmr_surveys_page_init (HmrSurveysPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

HmrSurveysPage *
hmr_surveys_page_new (HmrStore       *store,
                      const HmrActor *actor)
{
  g_return_val_if_fail (HMR_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  return g_object_new (HMR_TYPE_SURVEYS_PAGE, "store", store, "actor", actor, NULL);
}

/**
 * hmr_surveys_page_allowed:
 *
 * Whether @actor works with surveys: supervisors open rounds, caseworkers
 * call.
 */
gboolean
hmr_surveys_page_allowed (const HmrActor *actor)
{
  return hmr_permission_allows (actor, HMR_ACTION_SURVEY_READ, NULL);
}

GtkWidget *
hmr_surveys_page_create_area (HmrContext *context)
{
  return g_object_new (HMR_TYPE_SURVEYS_PAGE, "context", context, NULL);
}
