/* hmr-survey-round-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <glib/gi18n.h>

#include "hmr-gui-util.h"
#include "hmr-survey-round-dialog.h"
#include "hmr-survey.h"

struct _HmrSurveyRoundDialog
{
  AdwWindow        parent_instance;

  HmrStore        *store;
  HmrActor        *actor;
  GPtrArray       *districts;     /* [0] NULL: every district */

  GtkLabel        *error_label;
  AdwEntryRow     *name_row;
  AdwComboRow     *population_row;
  AdwEntryRow     *from_row;
  AdwEntryRow     *to_row;
  AdwComboRow     *district_row;
  AdwComboRow     *confidence_row;
  GtkSpinButton   *margin_spin;
  GtkSwitch       *stratified_switch;
  AdwEntryRow     *seed_row;
  GtkLabel        *preview_label;
};

G_DEFINE_FINAL_TYPE (HmrSurveyRoundDialog, hmr_survey_round_dialog, ADW_TYPE_WINDOW)

enum { OPENED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char * const populations[] = { "attended", "registered" };
static const double confidences[] = { 0.90, 0.95, 0.99 };

static void
read_spec (HmrSurveyRoundDialog *self,
           HmrSurveySpec        *spec)
{
  guint p = adw_combo_row_get_selected (self->population_row);
  guint d = adw_combo_row_get_selected (self->district_row);
  guint c = adw_combo_row_get_selected (self->confidence_row);
  const char *seed = gtk_editable_get_text (GTK_EDITABLE (self->seed_row));

  memset (spec, 0, sizeof *spec);
  spec->name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  spec->population = populations[MIN (p, G_N_ELEMENTS (populations) - 1)];
  spec->from = gtk_editable_get_text (GTK_EDITABLE (self->from_row));
  spec->to = gtk_editable_get_text (GTK_EDITABLE (self->to_row));
  spec->district = d < self->districts->len ? g_ptr_array_index (self->districts, d) : NULL;
  spec->confidence = confidences[MIN (c, G_N_ELEMENTS (confidences) - 1)];
  spec->margin = gtk_spin_button_get_value (self->margin_spin) / 100.0;
  spec->stratified = gtk_switch_get_active (self->stratified_switch);
  spec->seed = g_ascii_strtoull (seed, NULL, 10);
}

static void
on_changed (HmrSurveyRoundDialog *self)
{
  HmrSurveySpec spec;
  guint population = 0;
  g_autofree char *text = NULL;

  if (self->store == NULL)
    return;
  read_spec (self, &spec);
  if (!hmr_store_count_survey_population (self->store, self->actor, &spec, &population, NULL))
    {
      gtk_label_set_label (self->preview_label, _("Give the period to see how many people to call."));
      return;
    }
  /* Translators: N people in the population, n of them to call */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person in the population; call %u of them.",
                                       "%u people in the population; call %u of them.", population),
                          population, hmr_survey_sample_size (population, spec.confidence, spec.margin));
  gtk_label_set_label (self->preview_label, text);
}

const char *
hmr_survey_round_dialog_get_preview (HmrSurveyRoundDialog *self)
{
  return gtk_label_get_label (self->preview_label);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HmrSurveyRoundDialog *self = HMR_SURVEY_ROUND_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  HmrSurveySpec spec;

  read_spec (self, &spec);
  id = hmr_store_open_survey_round (self->store, self->actor, &spec, &error);
  if (id == NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  g_signal_emit (self, signals[OPENED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
}

HmrSurveyRoundDialog *
hmr_survey_round_dialog_new (HmrStore       *store,
                             const HmrActor *actor)
{
  HmrSurveyRoundDialog *self = g_object_new (HMR_TYPE_SURVEY_ROUND_DIALOG, NULL);
  g_autoptr(GPtrArray) districts = hmr_store_list_districts (store, NULL);
  g_autoptr(GtkStringList) district_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) population_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) confidence_labels = gtk_string_list_new (NULL);

  self->districts = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->districts, NULL);
  gtk_string_list_append (district_labels, _("Every district"));
  for (guint i = 0; districts && i < districts->len; i++)
    {
      g_ptr_array_add (self->districts, g_strdup (g_ptr_array_index (districts, i)));
      gtk_string_list_append (district_labels, hmr_district_get_label (g_ptr_array_index (districts, i)));
    }
  adw_combo_row_set_model (self->district_row, G_LIST_MODEL (district_labels));
  gtk_string_list_append (population_labels, _("Everyone who attended a group session"));
  gtk_string_list_append (population_labels, _("Everyone registered"));
  adw_combo_row_set_model (self->population_row, G_LIST_MODEL (population_labels));
  for (guint i = 0; i < G_N_ELEMENTS (confidences); i++)
    {
      g_autofree char *label = g_strdup_printf ("%d%%", (int) (confidences[i] * 100 + 0.5));
      gtk_string_list_append (confidence_labels, label);
    }
  adw_combo_row_set_model (self->confidence_row, G_LIST_MODEL (confidence_labels));
  adw_combo_row_set_selected (self->confidence_row, 1);
  {
    g_autofree char *seed = g_strdup_printf ("%u", g_random_int_range (1, G_MAXINT32));
    gtk_editable_set_text (GTK_EDITABLE (self->seed_row), seed);
  }
  self->store = g_object_ref (store);
  self->actor = hmr_actor_copy (actor);
  on_changed (self);
  return self;
}

static void
hmr_survey_round_dialog_finalize (GObject *object)
{
  HmrSurveyRoundDialog *self = HMR_SURVEY_ROUND_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, hmr_actor_free);
  g_clear_pointer (&self->districts, g_ptr_array_unref);
  G_OBJECT_CLASS (hmr_survey_round_dialog_parent_class)->finalize (object);
}

static void
hmr_survey_round_dialog_class_init (HmrSurveyRoundDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = hmr_survey_round_dialog_finalize;

  /**
   * HmrSurveyRoundDialog::opened:
   * @round_id: the new round
   */
  signals[OPENED] = g_signal_new ("opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/hamroh/Hamroh/ui/sessions/hmr-survey-round-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrSurveyRoundDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HmrSurveyRoundDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, HmrSurveyRoundDialog, population_row);
  gtk_widget_class_bind_template_child (widget_class, HmrSurveyRoundDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, HmrSurveyRoundDialog, to_row);
  gtk_widget_class_bind_template_child (widget_class, HmrSurveyRoundDialog, district_row);
  gtk_widget_class_bind_template_child (widget_class, HmrSurveyRoundDialog, confidence_row);
  gtk_widget_class_bind_template_child (widget_class, HmrSurveyRoundDialog, margin_spin);
  gtk_widget_class_bind_template_child (widget_class, HmrSurveyRoundDialog, stratified_switch);
  gtk_widget_class_bind_template_child (widget_class, HmrSurveyRoundDialog, seed_row);
  gtk_widget_class_bind_template_child (widget_class, HmrSurveyRoundDialog, preview_label);
  gtk_widget_class_bind_template_callback (widget_class, on_changed);

  gtk_widget_class_install_action (widget_class, "round.open", NULL, open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hmr_survey_round_dialog_init (HmrSurveyRoundDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
