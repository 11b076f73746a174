/* hmr-who5-row.c
 *
 * An expander row whose switch says whether the person was scored this
 * time.  Expanded, the five statements, each with six linked toggle
 * buttons (0 at no time … 5 all of the time).  Typing 0–5 on a statement
 * answers it and moves to the next one, so the five answers are five key
 * presses; after the last, focus moves on out of the row.  The subtitle
 * says the score as soon as all five are answered, and what it shows as
 * the guidance reads it (hmr_who5_flags()): whether the supervisor will
 * be told, or screening is suggested.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "hmr-gui-util.h"
#include "hmr-who5-row.h"

struct _HmrWho5Row
{
  AdwExpanderRow   parent_instance;

  int              previous_score;  /* the person's last score, -1 */
  int              items[HMR_WHO5_N_ITEMS];
  GtkToggleButton *buttons[HMR_WHO5_N_ITEMS][HMR_WHO5_ITEM_MAX + 1];
};

G_DEFINE_FINAL_TYPE (HmrWho5Row, hmr_who5_row, ADW_TYPE_EXPANDER_ROW)

static const char *
frequency_label (int value)
{
  switch (value)
    {
    case 0: return _("At no time");
    case 1: return _("Some of the time");
    case 2: return _("Less than half of the time");
    case 3: return _("More than half of the time");
    case 4: return _("Most of the time");
    case 5: return _("All of the time");
    default: return "";
    }
}

static gboolean
complete (HmrWho5Row *self,
          int        *score)
{
  for (guint i = 0; i < HMR_WHO5_N_ITEMS; i++)
    if (self->items[i] < 0)
      return FALSE;
  return hmr_who5_score (self->items, score, NULL);
}

static void
update_subtitle (HmrWho5Row *self)
{
  AdwExpanderRow *row = ADW_EXPANDER_ROW (self);
  g_autofree char *text = NULL;
  guint answered = 0;
  int score;

  for (guint i = 0; i < HMR_WHO5_N_ITEMS; i++)
    answered += self->items[i] >= 0;

  if (!adw_expander_row_get_enable_expansion (row))
    text = g_strdup (_("Not scored this time"));
  else if (complete (self, &score))
    {
      HmrWho5Flags flags = hmr_who5_flags (self->previous_score, score);

      if (flags & HMR_WHO5_SUPERVISOR_FLAGS)
        {
          g_autofree char *why = hmr_who5_describe_flags (flags, self->previous_score, score);
          /* Translators: %s says why a wellbeing score is flagged */
          text = g_strdup_printf (_("%s — the supervisor will be told"), why);
        }
      else if (flags != HMR_WHO5_FLAG_NONE)
        text = hmr_who5_describe_flags (flags, self->previous_score, score);
      else if (self->previous_score >= 0)
        /* Translators: a WHO-5 score, then the person's previous one */
        text = g_strdup_printf (_("Score %d of 100 (last time %d)"), score, self->previous_score);
      else
        text = g_strdup_printf (_("Score %d of 100"), score);
    }
  else
    text = g_strdup_printf (_("Answer all five statements: %u of 5 so far"), answered);
  adw_expander_row_set_subtitle (row, text);
}

static void
on_toggled (GtkToggleButton *button,
            HmrWho5Row      *self)
{
  guint item = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "item"));
  int value = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "value"));

  if (gtk_toggle_button_get_active (button))
    self->items[item] = value;
  else if (self->items[item] == value)
    self->items[item] = -1;
  update_subtitle (self);
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                HmrWho5Row            *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;
  guint item;
  int value;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_5)
    value = keyval - GDK_KEY_0;
  else if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_5)
    value = keyval - GDK_KEY_KP_0;
  else
    return FALSE;
  if (focus == NULL || (row = gtk_widget_get_ancestor (focus, ADW_TYPE_ACTION_ROW)) == NULL ||
      g_object_get_data (G_OBJECT (row), "who5-item") == NULL)
    return FALSE;

  item = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "who5-item")) - 1;
  gtk_toggle_button_set_active (self->buttons[item][value], TRUE);
  if (item + 1 < HMR_WHO5_N_ITEMS)
    gtk_widget_grab_focus (GTK_WIDGET (self->buttons[item + 1][MAX (self->items[item + 1], 0)]));
  else if (root != NULL)
    /* on to what follows the row */
    gtk_widget_child_focus (GTK_WIDGET (root), GTK_DIR_TAB_FORWARD);
  return TRUE;
}

static void
build_rows (HmrWho5Row *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  for (guint i = 0; i < HMR_WHO5_N_ITEMS; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      self->items[i] = -1;
      g_object_set_data (G_OBJECT (row), "who5-item", GUINT_TO_POINTER (i + 1));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hmr_who5_item_get_label (i));
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (box, "linked");
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      for (int v = 0; v <= HMR_WHO5_ITEM_MAX; v++)
        {
          char label[4];
          g_autofree char *name = NULL;
          GtkWidget *button;

          g_snprintf (label, sizeof label, "%d", v);
          button = gtk_toggle_button_new_with_label (label);
          gtk_widget_set_tooltip_text (button, frequency_label (v));
          /* Translators: a WHO-5 statement, then how often, "At no time" */
          name = g_strdup_printf (_("%s: %s"), hmr_who5_item_get_label (i), frequency_label (v));
          hmr_gui_set_accessible_label (button, name);
          if (v > 0)
            gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->buttons[i][0]);
          g_object_set_data (G_OBJECT (button), "item", GUINT_TO_POINTER (i));
          g_object_set_data (G_OBJECT (button), "value", GINT_TO_POINTER (v));
          g_signal_connect (button, "toggled", G_CALLBACK (on_toggled), self);
          self->buttons[i][v] = GTK_TOGGLE_BUTTON (button);
          gtk_box_append (GTK_BOX (box), button);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
    }
}

static void
hmr_who5_row_class_init (HmrWho5RowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/care/hmr-who5-row.ui");
}

static void
hmr_who5_row_init (HmrWho5Row *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->previous_score = -1;
  build_rows (self);
  g_signal_connect (self, "notify::enable-expansion", G_CALLBACK (update_subtitle), NULL);
  update_subtitle (self);
}

/**
 * hmr_who5_row_set_previous_score:
 * @previous_score: the person's last score, or -1 for none
 *
 * What a fall is measured from.
 */
void
hmr_who5_row_set_previous_score (HmrWho5Row *self,
                                 int         previous_score)
{
  g_return_if_fail (HMR_IS_WHO5_ROW (self));
  self->previous_score = previous_score;
  update_subtitle (self);
}

/**
 * hmr_who5_row_set_item:
 * @item: 0 to 4
 * @value: 0 to 5
 *
 * Answers one statement, as pressing its button does; switches the score
 * on.
 */
void
hmr_who5_row_set_item (HmrWho5Row *self,
                       guint       item,
                       int         value)
{
  g_return_if_fail (HMR_IS_WHO5_ROW (self));
  g_return_if_fail (item < HMR_WHO5_N_ITEMS);
  g_return_if_fail (value >= 0 && value <= HMR_WHO5_ITEM_MAX);

  adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (self), TRUE);
  gtk_toggle_button_set_active (self->buttons[item][value], TRUE);
}

/**
 * hmr_who5_row_get_items:
 * @items: (out caller-allocates): the five answers
 *
 * Returns: whether all five are answered
 */
gboolean
hmr_who5_row_get_items (HmrWho5Row *self,
                        int         items[HMR_WHO5_N_ITEMS])
{
  g_return_val_if_fail (HMR_IS_WHO5_ROW (self), FALSE);
  memcpy (items, self->items, sizeof self->items);
  return complete (self, NULL);
}

/**
 * hmr_who5_row_get_score:
 *
 * Returns: the score the answers give, 0–100; -1 until all are answered
 */
int
hmr_who5_row_get_score (HmrWho5Row *self)
{
  int score;

  g_return_val_if_fail (HMR_IS_WHO5_ROW (self), -1);
  return complete (self, &score) ? score : -1;
}
