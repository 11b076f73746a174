/* hmr-chart.c
 *
 * No GTK 4 chart library exists in Debian, and the Reports area needs
 * two shapes only: bars (a category a row, its label on the left, one
 * bar a series with its number beside it) and a line by month.  Every
 * text is a Pango layout of the widget's own font, measured before the
 * widget asks for its size: the chart asks for the room its longest
 * label and number need, so a Tajik or Russian label is never cut off.
 * Where a line has more months than there is room to name, it names one
 * month in two (or three…), never half of one; every number is in the
 * tooltip of its category and in the chart's accessible description.
 *
 * Clicking a bar (or a month) emits ::activated with its category and
 * series: the Reports area opens the people behind it.  From the
 * keyboard, an activatable chart takes the focus: Up and Down choose a
 * category, Left and Right a bar in it, Enter or Space open it (the
 * chart.* actions).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-chart.h"

#define PAD        6      /* around everything */
#define GAP        8      /* between a label and its bar, a bar and its number */
#define ROW_GAP    10     /* between two categories' rows */
#define SWATCH     12     /* the legend's square */
#define MIN_BAR    80     /* the least room a bar gets */
#define LINE_PLOT  160    /* the height of a line's plot */

struct _HmrChart
{
  GtkDrawingArea  parent_instance;

  HmrChartKind    kind;
  char           *title;
  GStrv           series;
  GStrv           categories;
  guint          *values;        /* [category * n_series + series] */
  guint           n_series;
  guint           n_categories;
  guint           max_value;
  char           *description;
  gboolean        activatable;
  int             hover;         /* the category under the pointer or chosen with the keyboard; -1 */
  guint           series_chosen; /* the bar chosen with the keyboard, in that category */

  /* measured: the widths of the widest texts, the height of a line */
  int             label_width;
  int             value_width;
  int             legend_width;
  int             line_height;
};

G_DEFINE_FINAL_TYPE (HmrChart, hmr_chart, GTK_TYPE_DRAWING_AREA)

enum {
  ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* GNOME's palette: blue, orange, green, purple; readable light and dark */
static const GdkRGBA palette[] = {
  { 0.208, 0.518, 0.894, 1 },
  { 0.902, 0.380, 0.000, 1 },
  { 0.180, 0.761, 0.494, 1 },
  { 0.569, 0.255, 0.675, 1 },
};

static PangoLayout *
make_layout (HmrChart   *self,
             const char *text)
{
  return gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
}

static void
text_size (HmrChart   *self,
           const char *text,
           int        *width,
           int        *height)
{
  g_autoptr(PangoLayout) layout = make_layout (self, text);

  pango_layout_get_pixel_size (layout, width, height);
}

static char *
format_value (guint value)
{
  return g_strdup_printf ("%u", value);
}

static int
legend_height (HmrChart *self)
{
  return self->n_series > 1 ? self->line_height + PAD : 0;
}

static int
bar_row_height (HmrChart *self)
{
  return self->n_series * self->line_height + (self->n_series - 1) * 2 + ROW_GAP;
}

/* What the chart needs: measured again whenever its texts or font change */
static void
measure_texts (HmrChart *self)
{
  int w, h;

  self->label_width = self->value_width = self->legend_width = 0;
  text_size (self, "0", &w, &self->line_height);
  for (guint c = 0; c < self->n_categories; c++)
    {
      text_size (self, self->categories[c], &w, &h);
      self->label_width = MAX (self->label_width, w);
      self->line_height = MAX (self->line_height, h);
    }
  for (guint i = 0; i < self->n_categories * self->n_series; i++)
    {
      g_autofree char *text = format_value (self->values[i]);

      text_size (self, text, &w, &h);
      self->value_width = MAX (self->value_width, w);
    }
  for (guint s = 0; s < self->n_series; s++)
    {
      text_size (self, self->series[s], &w, &h);
      self->legend_width += SWATCH + GAP / 2 + w + 2 * GAP;
    }

  if (self->kind == HMR_CHART_BARS)
    {
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self),
                                          MAX (self->legend_width,
                                               self->label_width + self->value_width + 2 * GAP + MIN_BAR) + 2 * PAD);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self),
                                           legend_height (self) + self->n_categories * bar_row_height (self) + PAD);
    }
  else
    {
      /* room for two months' names, at least */
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (self),
                                          MAX (self->legend_width,
                                               self->value_width + GAP + 2 * (self->label_width + GAP)) + 2 * PAD);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self),
                                           legend_height (self) + 2 * self->line_height + LINE_PLOT + 2 * PAD);
    }
}

/* ---- drawing -------------------------------------------------------- */

static void
show_text (HmrChart   *self,
           cairo_t    *cr,
           const char *text,
           double      x,
           double      y)
{
  g_autoptr(PangoLayout) layout = make_layout (self, text);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_legend (HmrChart      *self,
             cairo_t       *cr,
             const GdkRGBA *fg)
{
  double x = PAD;

  if (self->n_series < 2)
    return;
  for (guint s = 0; s < self->n_series; s++)
    {
      int w, h;

      gdk_cairo_set_source_rgba (cr, &palette[s % G_N_ELEMENTS (palette)]);
      cairo_rectangle (cr, x, (self->line_height - SWATCH) / 2.0, SWATCH, SWATCH);
      cairo_fill (cr);
      x += SWATCH + GAP / 2;
      gdk_cairo_set_source_rgba (cr, fg);
      show_text (self, cr, self->series[s], x, 0);
      text_size (self, self->series[s], &w, &h);
      x += w + 2 * GAP;
    }
}

/* The width a bar of @value gets out of @room */
static double
bar_length (HmrChart *self,
            guint     value,
            double    room)
{
  return self->max_value ? room * value / self->max_value : 0;
}

static void
draw_bars (HmrChart      *self,
           cairo_t       *cr,
           int            width,
           const GdkRGBA *fg)
{
  double top = legend_height (self);
  double bar_x = PAD + self->label_width + GAP;
  double room = MAX (0, width - bar_x - GAP - self->value_width - PAD);

  for (guint c = 0; c < self->n_categories; c++)
    {
      double row_y = top + c * bar_row_height (self);
      double bars_height = bar_row_height (self) - ROW_GAP;
      int w, h;

      if ((int) c == self->hover && self->activatable)
        {
          GdkRGBA shade = *fg;

          shade.alpha = 0.08;
          gdk_cairo_set_source_rgba (cr, &shade);
          cairo_rectangle (cr, 0, row_y - ROW_GAP / 2.0, width, bar_row_height (self));
          cairo_fill (cr);
        }
      gdk_cairo_set_source_rgba (cr, fg);
      text_size (self, self->categories[c], &w, &h);
      show_text (self, cr, self->categories[c], PAD + self->label_width - w, row_y + (bars_height - h) / 2);

      for (guint s = 0; s < self->n_series; s++)
        {
          guint value = self->values[c * self->n_series + s];
          double y = row_y + s * (self->line_height + 2);
          double len = bar_length (self, value, room);
          g_autofree char *text = format_value (value);

          gdk_cairo_set_source_rgba (cr, &palette[s % G_N_ELEMENTS (palette)]);
          cairo_rectangle (cr, bar_x, y + 2, MAX (len, value > 0 ? 2 : 0), self->line_height - 4);
          cairo_fill (cr);
          if ((int) c == self->hover && s == self->series_chosen && gtk_widget_has_focus (GTK_WIDGET (self)))
            {
              gdk_cairo_set_source_rgba (cr, fg);
              cairo_set_line_width (cr, 1);
              cairo_rectangle (cr, bar_x - 2.5, y + 0.5, MAX (len, 2) + 4, self->line_height - 1);
              cairo_stroke (cr);
            }
          gdk_cairo_set_source_rgba (cr, fg);
          show_text (self, cr, text, bar_x + len + GAP, y);
        }
    }
}

/* One month in @stride is named, so that names never overlap */
static guint
line_stride (HmrChart *self,
             double    step)
{
  double need = self->label_width + GAP;
  guint stride = 1;

  while (stride < self->n_categories && stride * step < need)
    stride++;
  return stride;
}

static void
line_geometry (HmrChart *self,
               int       width,
               double   *left,
               double   *step)
{
  *left = PAD + self->value_width + GAP;
  *step = self->n_categories ? (width - *left - PAD) / self->n_categories : 0;
}

static void
draw_line (HmrChart      *self,
           cairo_t       *cr,
           int            width,
           const GdkRGBA *fg)
{
  double left, step;
  double top = legend_height (self) + self->line_height + PAD;   /* room for the numbers above */
  double bottom = top + LINE_PLOT;
  guint stride;
  GdkRGBA grid = *fg;

  line_geometry (self, width, &left, &step);
  stride = line_stride (self, step);

  /* the axis and its scale: 0 and the highest value */
  grid.alpha = 0.3;
  gdk_cairo_set_source_rgba (cr, &grid);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, left, bottom + 0.5);
  cairo_line_to (cr, width - PAD, bottom + 0.5);
  cairo_move_to (cr, left, top + 0.5);
  cairo_line_to (cr, width - PAD, top + 0.5);
  cairo_stroke (cr);
  gdk_cairo_set_source_rgba (cr, fg);
  {
    g_autofree char *max = format_value (self->max_value);
    int w, h;

    text_size (self, max, &w, &h);
    show_text (self, cr, max, left - GAP - w, top - h / 2.0);
    text_size (self, "0", &w, &h);
    show_text (self, cr, "0", left - GAP - w, bottom - h / 2.0);
  }

  if ((int) self->hover >= 0 && self->activatable)
    {
      GdkRGBA shade = *fg;

      shade.alpha = 0.08;
      gdk_cairo_set_source_rgba (cr, &shade);
      cairo_rectangle (cr, left + self->hover * step, top, step, LINE_PLOT);
      cairo_fill (cr);
    }

  for (guint s = 0; s < self->n_series; s++)
    {
      gdk_cairo_set_source_rgba (cr, &palette[s % G_N_ELEMENTS (palette)]);
      cairo_set_line_width (cr, 2.5);
      for (guint c = 0; c < self->n_categories; c++)
        {
          double x = left + (c + 0.5) * step;
          double y = bottom - (self->max_value ? LINE_PLOT * self->values[c * self->n_series + s] / self->max_value : 0);

          if (c == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_stroke (cr);
      for (guint c = 0; c < self->n_categories; c++)
        {
          guint value = self->values[c * self->n_series + s];
          double x = left + (c + 0.5) * step;
          double y = bottom - (self->max_value ? LINE_PLOT * value / self->max_value : 0);

          gdk_cairo_set_source_rgba (cr, &palette[s % G_N_ELEMENTS (palette)]);
          cairo_arc (cr, x, y, 3.5, 0, 2 * G_PI);
          cairo_fill (cr);
          /* the numbers of the months that are named, above their point */
          if (c % stride == 0 && self->value_width + GAP <= stride * step)
            {
              g_autofree char *text = format_value (value);
              int w, h;

              text_size (self, text, &w, &h);
              show_text (self, cr, text, x - w / 2.0, y - h - 2);
            }
        }
    }

  gdk_cairo_set_source_rgba (cr, fg);
  for (guint c = 0; c < self->n_categories; c += stride)
    {
      int w, h;
      double x;

      text_size (self, self->categories[c], &w, &h);
      x = CLAMP (left + (c + 0.5) * step - w / 2.0, 0, MAX (0, width - w));
      show_text (self, cr, self->categories[c], x, bottom + PAD);
    }
}

static void
draw (GtkDrawingArea *area,
      cairo_t        *cr,
      int             width,
      int             height,
      gpointer        user_data)
{
  HmrChart *self = HMR_CHART (area);
  GdkRGBA fg;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  draw_legend (self, cr, &fg);
  if (self->kind == HMR_CHART_BARS)
    draw_bars (self, cr, width, &fg);
  else
    draw_line (self, cr, width, &fg);
}

/* ---- pointing ------------------------------------------------------- */

static gboolean
hit (HmrChart *self,
     double    x,
     double    y,
     guint    *category,
     guint    *series)
{
  double top = legend_height (self);

  if (self->n_categories == 0)
    return FALSE;
  if (self->kind == HMR_CHART_BARS)
    {
      int c, s;

      if (y < top - ROW_GAP / 2.0)
        return FALSE;
      c = (int) ((y - top + ROW_GAP / 2.0) / bar_row_height (self));
      if (c < 0 || c >= (int) self->n_categories)
        return FALSE;
      s = (int) ((y - top - c * bar_row_height (self)) / (self->line_height + 2));
      *category = c;
      *series = CLAMP (s, 0, (int) self->n_series - 1);
      return TRUE;
    }
  else
    {
      double left, step;
      int c;

      line_geometry (self, gtk_widget_get_width (GTK_WIDGET (self)), &left, &step);
      if (x < left || step <= 0)
        return FALSE;
      c = (int) ((x - left) / step);
      if (c >= (int) self->n_categories)
        return FALSE;
      *category = c;
      *series = 0;
      return TRUE;
    }
}

static char *
dup_category_text (HmrChart *self,
                   guint     c)
{
  GString *text = g_string_new (self->categories[c]);

  for (guint s = 0; s < self->n_series; s++)
    {
      /* Translators: in a chart's tooltip and description: a series and its number, as in "Women: 12" */
      g_string_append_printf (text, s == 0 ? " — " : ", ");
      g_string_append_printf (text, _("%s: %u"), self->series[s], self->values[c * self->n_series + s]);
    }
  return g_string_free (text, FALSE);
}

static gboolean
on_query_tooltip (HmrChart   *self,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  g_autofree char *text = NULL;
  guint c, s;

  if (!hit (self, x, y, &c, &s))
    return FALSE;
  text = dup_category_text (self, c);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
set_hover (HmrChart *self,
           int       category)
{
  if (self->hover == category)
    return;
  self->hover = category;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *motion,
           double                    x,
           double                    y,
           HmrChart                 *self)
{
  guint c, s;

  set_hover (self, hit (self, x, y, &c, &s) ? (int) c : -1);
}

static void
on_leave (GtkEventControllerMotion *motion,
          HmrChart                 *self)
{
  set_hover (self, -1);
}

static void
on_released (GtkGestureClick *click,
             int              n_press,
             double           x,
             double           y,
             HmrChart        *self)
{
  guint c, s;

  if (self->activatable && hit (self, x, y, &c, &s))
    g_signal_emit (self, signals[ACTIVATED], 0, c, s);
}

/* ---- the keyboard ---------------------------------------------------- */

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HmrChart *self = HMR_CHART (widget);
  gboolean down = g_str_equal (action_name, "chart.next");
  int c = self->hover;

  if (self->n_categories == 0)
    return;
  if (c < 0)
    c = down ? 0 : (int) self->n_categories - 1;
  else
    c = CLAMP (c + (down ? 1 : -1), 0, (int) self->n_categories - 1);
  self->hover = c;
  gtk_widget_queue_draw (widget);
}

static void
series_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HmrChart *self = HMR_CHART (widget);

  if (self->n_series == 0)
    return;
  if (g_str_equal (action_name, "chart.next-series"))
    self->series_chosen = MIN (self->series_chosen + 1, self->n_series - 1);
  else if (self->series_chosen > 0)
    self->series_chosen--;
  if (self->hover < 0)
    self->hover = 0;
  gtk_widget_queue_draw (widget);
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HmrChart *self = HMR_CHART (widget);

  if (self->activatable && self->hover >= 0 && (guint) self->hover < self->n_categories)
    g_signal_emit (self, signals[ACTIVATED], 0, (guint) self->hover, self->series_chosen);
}

static void
on_focus_changed (HmrChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- GObject -------------------------------------------------------- */

static void
hmr_chart_css_changed (GtkWidget         *widget,
                       GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (hmr_chart_parent_class)->css_changed (widget, change);
  measure_texts (HMR_CHART (widget));
}

static void
hmr_chart_finalize (GObject *object)
{
  HmrChart *self = HMR_CHART (object);

  g_free (self->title);
  g_strfreev (self->series);
  g_strfreev (self->categories);
  g_free (self->values);
  g_free (self->description);
  G_OBJECT_CLASS (hmr_chart_parent_class)->finalize (object);
}

static void
hmr_chart_class_init (HmrChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = hmr_chart_finalize;
  widget_class->css_changed = hmr_chart_css_changed;

  /**
   * HmrChart::activated:
   * @category: the category clicked
   * @series: the series of the bar clicked (0 on a line)
   */
  signals[ACTIVATED] = g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  gtk_widget_class_install_action (widget_class, "chart.next", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "chart.previous", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "chart.next-series", NULL, series_action);
  gtk_widget_class_install_action (widget_class, "chart.previous-series", NULL, series_action);
  gtk_widget_class_install_action (widget_class, "chart.activate", NULL, activate_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "chart.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, 0, "chart.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "chart.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, 0, "chart.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "chart.next-series", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "chart.previous-series", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "chart.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "chart.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "chart.activate", NULL);
  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
hmr_chart_init (HmrChart *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->hover = -1;
  self->series = g_new0 (char *, 1);
  self->categories = g_new0 (char *, 1);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw, NULL, NULL);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (click, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (self, "notify::has-focus", G_CALLBACK (on_focus_changed), NULL);
}

/**
 * hmr_chart_new:
 * @title: what the chart shows, its accessible name
 */
HmrChart *
hmr_chart_new (HmrChartKind  kind,
               const char   *title)
{
  HmrChart *self = g_object_new (HMR_TYPE_CHART, NULL);

  self->kind = kind;
  self->title = g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return self;
}

/**
 * hmr_chart_set_data:
 * @series: (array zero-terminated=1): the names of the series (women, men)
 * @categories: (array zero-terminated=1): the names of the categories
 *   (districts, months)
 * @values: the number of each category's series, category by category
 *
 * Shows @values, and says them in the chart's accessible description.
 */
void
hmr_chart_set_data (HmrChart           *self,
                    const char * const *series,
                    const char * const *categories,
                    const guint        *values)
{
  GString *description;

  g_return_if_fail (HMR_IS_CHART (self));

  g_strfreev (self->series);
  g_strfreev (self->categories);
  g_free (self->values);
  self->series = g_strdupv ((char **) series);
  self->categories = g_strdupv ((char **) categories);
  self->n_series = g_strv_length (self->series);
  self->n_categories = g_strv_length (self->categories);
  self->values = g_memdup2 (values, sizeof (guint) * MAX (1, self->n_series * self->n_categories));
  self->max_value = 0;
  for (guint i = 0; i < self->n_series * self->n_categories; i++)
    self->max_value = MAX (self->max_value, self->values[i]);
  self->hover = -1;
  self->series_chosen = 0;

  description = g_string_new (NULL);
  for (guint c = 0; c < self->n_categories; c++)
    {
      g_autofree char *text = dup_category_text (self, c);

      if (c > 0)
        g_string_append (description, "; ");
      g_string_append (description, text);
    }
  g_free (self->description);
  self->description = g_string_free (description, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->description, -1);
  measure_texts (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
hmr_chart_get_value (HmrChart *self,
                     guint     category,
                     guint     series)
{
  g_return_val_if_fail (HMR_IS_CHART (self), 0);
  g_return_val_if_fail (category < self->n_categories && series < self->n_series, 0);

  return self->values[category * self->n_series + series];
}

/**
 * hmr_chart_get_description:
 *
 * Returns: every category with its numbers, as a screen reader says them
 */
const char *
hmr_chart_get_description (HmrChart *self)
{
  g_return_val_if_fail (HMR_IS_CHART (self), NULL);
  return self->description;
}

/**
 * hmr_chart_get_labels_fit:
 *
 * Whether every label, number and legend the chart shows has its room
 * whole at the chart's present width: none is cut off.
 */
gboolean
hmr_chart_get_labels_fit (HmrChart *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  g_return_val_if_fail (HMR_IS_CHART (self), FALSE);

  if (width < self->legend_width + 2 * PAD)
    return FALSE;
  if (self->kind == HMR_CHART_BARS)
    return width >= self->label_width + self->value_width + 2 * GAP + 2 * PAD;
  else
    {
      double left, step;

      line_geometry (self, width, &left, &step);
      /* the named months: one in stride, each with its room */
      return self->n_categories == 0 || line_stride (self, step) * step >= self->label_width + GAP;
    }
}

/**
 * hmr_chart_set_activatable:
 *
 * Whether a click on a bar emits ::activated (and the pointer shows it).
 */
void
hmr_chart_set_activatable (HmrChart *self,
                           gboolean  activatable)
{
  g_return_if_fail (HMR_IS_CHART (self));

  self->activatable = activatable;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), activatable ? "pointer" : NULL);
  gtk_widget_set_focusable (GTK_WIDGET (self), activatable);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), FALSE);
}
