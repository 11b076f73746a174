/* hmr-today-page.c
 *
 * One boxed list per Today list of the user's role (hmr_today_lists_for_actor),
 * each row saying who, what and when.  Rows open what they are about: a
 * follow-up opens the dialog that records it, a plan or a closure the
 * dialog that decides it, anything else the case file.  Flagged wellbeing
 * scores are acknowledged right here.  A list longer than the rows shown
 * ends in "And 12 more", which opens the whole list (HmrTodayListDialog).
 * The summary line counts what the headings count.  The page reads the
 * store again when it is shown and whenever the window says a case changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "hmr-close-case-dialog.h"
#include "hmr-follow-up-dialog.h"
#include "hmr-follow-up-util.h"
#include "hmr-grant-dialog.h"
#include "hmr-gui-util.h"
#include "hmr-plan-dialog.h"
#include "hmr-labels.h"
#include "hmr-store-worker.h"
#include "hmr-today-list-dialog.h"
#include "hmr-today-page.h"
#include "hmr-sync.h"
#include "hmr-today-rows.h"

/* Rows shown a list, the rest counted ("And 12 more"): each row is a
 * widget to lay out, and 100 a list made the page take seconds to appear */
#define ROWS_SHOWN 25

struct _HmrTodayPage
{
  HmrAreaPage      parent_instance;

  GPtrArray       *items[HMR_N_TODAY_LISTS];   /* HmrTodayItem; NULL: not the role's */
  guint            totals[HMR_N_TODAY_LISTS];
  guint            n_overdue;                   /* of the due follow-ups */
  GtkWidget       *groups[HMR_N_TODAY_LISTS];
  GtkListBox      *boxes[HMR_N_TODAY_LISTS];
  GtkWidget       *show_all[HMR_N_TODAY_LISTS];  /* "Show All" by the heading */
  HmrStoreWorker  *worker;                      /* the lists' own connection */
  GCancellable    *cancellable;                 /* of the reading under way */
  gboolean         items_read;                  /* a reading was asked for */

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  GtkWidget       *groups_box;
  GtkLabel        *date_label;
  GtkLabel        *summary_label;
  GtkButton       *conflicts_button;
  AdwStatusPage   *error_page;
};

G_DEFINE_FINAL_TYPE (HmrTodayPage, hmr_today_page, HMR_TYPE_AREA_PAGE)

static void
show_toast (HmrTodayPage *self,
            const char   *message,
            guint         timeout)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, timeout);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ---- rows ------------------------------------------------------------ */

static void
on_acknowledge_clicked (GtkButton    *button,
                        HmrTodayPage *self)
{
  const HmrTodayItem *item = g_object_get_data (G_OBJECT (button), "item");
  g_autoptr(GError) error = NULL;
  g_autofree char *beneficiary_id = NULL;

  if (!hmr_store_acknowledge_wellbeing_flag (hmr_area_page_get_store (HMR_AREA_PAGE (self)),
                                             hmr_area_page_get_actor (HMR_AREA_PAGE (self)),
                                             item->entity_id, NULL, &error))
    {
      show_toast (self, error->message, 0);
      return;
    }
  beneficiary_id = g_strdup (item->beneficiary_id);
  show_toast (self, _("Wellbeing score acknowledged"), 3);
  /* The store tells every area, this page too (store_changed ()): no
   * reading of its own besides */
}

static GtkWidget *
make_row (HmrTodayPage       *self,
          const HmrTodayItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *what = hmr_today_row_dup_what (item);
  g_autofree char *when = hmr_today_row_dup_when (item);
  GtkWidget *when_label;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 item->beneficiary_name ? item->beneficiary_name : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), what);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "item", (gpointer) item);

  when_label = gtk_label_new (when);
  gtk_widget_add_css_class (when_label, item->days_overdue > 0 ? "error" : "dim-label");
  if (item->days_overdue == 0)
    gtk_widget_add_css_class (when_label, "accent");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), when_label);

  if (item->list == HMR_TODAY_FLAGGED_WELLBEING)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Acknowledge"));
      g_autofree char *tip = g_strdup_printf (_("Mark that you have looked at the wellbeing score of %s"),
                                              item->beneficiary_name);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, tip);
      g_object_set_data (G_OBJECT (button), "item", (gpointer) item);
      g_signal_connect (button, "clicked", G_CALLBACK (on_acknowledge_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  else
    {
      GtkWidget *arrow = g_object_new (GTK_TYPE_IMAGE,
                                       "icon-name", "go-next-symbolic",
                                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                       NULL);
      gtk_widget_add_css_class (arrow, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
    }
  return row;
}

/**
 * hmr_today_page_open_item:
 * @item: a row of one of the page's lists (or of the whole list's dialog)
 *
 * Opens what @item is about: a follow-up in the dialog that records it, a
 * plan, a grant or a closure in the dialog that decides it, anything else
 * in the case file.
 */
void
hmr_today_page_open_item (HmrTodayPage       *self,
                          const HmrTodayItem *item)
{
  HmrStore *store;
  const HmrActor *actor;

  g_return_if_fail (HMR_IS_TODAY_PAGE (self));
  g_return_if_fail (item != NULL);

  store = hmr_area_page_get_store (HMR_AREA_PAGE (self));
  actor = hmr_area_page_get_actor (HMR_AREA_PAGE (self));
  switch (item->list)
    {
    case HMR_TODAY_DUE_FOLLOW_UPS:
      hmr_follow_up_dialog_open (GTK_WIDGET (self), store, actor, item->beneficiary_id, item->entity_id);
      break;
    case HMR_TODAY_RETURNED_PLANS:
    case HMR_TODAY_PLANS_TO_APPROVE:
      hmr_plan_dialog_open (GTK_WIDGET (self), store, actor, item->beneficiary_id);
      break;
    case HMR_TODAY_CLOSURES_TO_APPROVE:
      hmr_close_case_dialog_open (GTK_WIDGET (self), store, actor, item->beneficiary_id);
      break;
    case HMR_TODAY_GRANTS_TO_DECIDE:
      {
        g_autoptr(GError) error = NULL;
        HmrGrantDialog *dialog = hmr_grant_dialog_new_for_grant (hmr_gui_get_parent_window (GTK_WIDGET (self)),
                                                                 store, actor, item->entity_id, &error);
        /* what it saves, the store announces to every area, this one too */
        hmr_gui_present_dialog (GTK_WINDOW (dialog), error, GTK_WIDGET (self), NULL, NULL, NULL);
      }
      break;
    case HMR_TODAY_WAITING_REFERRALS:
    case HMR_TODAY_ENDING_BANS:
    case HMR_TODAY_BANS_WITHOUT_LEGAL_AID:
    case HMR_TODAY_FLAGGED_WELLBEING:
    case HMR_N_TODAY_LISTS:
    default:
      if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.open-case-file", "s", item->beneficiary_id))
        show_toast (self, _("This case file cannot be opened."), 5);
      break;
    }
}

/**
 * hmr_today_page_open_list:
 *
 * Opens the whole of @list in a dialog (what "And 12 more" does).
 *
 * Returns: (transfer none): the dialog
 */
GtkWindow *
hmr_today_page_open_list (HmrTodayPage *self,
                          HmrTodayList  list)
{
  HmrTodayListDialog *dialog;

  g_return_val_if_fail (HMR_IS_TODAY_PAGE (self), NULL);

  dialog = hmr_today_list_dialog_new (self, list);
  hmr_gui_present_dialog (GTK_WINDOW (dialog), NULL, GTK_WIDGET (self), NULL, NULL, NULL);
  return GTK_WINDOW (dialog);
}

static void
on_show_all_clicked (GtkButton    *button,
                     HmrTodayPage *self)
{
  hmr_today_page_open_list (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "list")) - 1);
}

static void
on_row_activated (GtkListBox    *box,
                  GtkListBoxRow *row,
                  HmrTodayPage  *self)
{
  const HmrTodayItem *item = g_object_get_data (G_OBJECT (row), "item");
  gpointer more = g_object_get_data (G_OBJECT (row), "more-of");

  if (more != NULL)
    hmr_today_page_open_list (self, GPOINTER_TO_UINT (more) - 1);
  else if (item != NULL)
    hmr_today_page_open_item (self, item);
}

/* ---- loading ---------------------------------------------------------- */

static void
build_groups (HmrTodayPage *self)
{
  g_autoptr(GArray) lists = hmr_today_lists_for_actor (hmr_area_page_get_actor (HMR_AREA_PAGE (self)));

  for (guint i = 0; i < lists->len; i++)
    {
      HmrTodayList list = g_array_index (lists, HmrTodayList, i);
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *box = gtk_list_box_new ();
      GtkWidget *all = gtk_button_new_with_mnemonic (_("Show _All"));
      g_autofree char *all_label = NULL;

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), hmr_today_list_get_title (list));
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (box), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (box, "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      hmr_today_list_get_title (list), -1);
      g_signal_connect (box, "row-activated", G_CALLBACK (on_row_activated), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), box);
      /* The whole list, from the heading as from its last row */
      /* Translators: the accessible name of "Show All" by a Today list's heading */
      all_label = g_strdup_printf (_("Show the whole list: %s"), hmr_today_list_get_title (list));
      hmr_gui_set_accessible_label (all, all_label);
      gtk_widget_set_tooltip_text (all, all_label);
      gtk_widget_set_valign (all, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (all, "flat");
      gtk_widget_set_visible (all, FALSE);
      g_object_set_data (G_OBJECT (all), "list", GUINT_TO_POINTER (list + 1));
      g_signal_connect (all, "clicked", G_CALLBACK (on_show_all_clicked), self);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), all);
      gtk_box_append (GTK_BOX (self->groups_box), group);
      self->groups[list] = group;
      self->boxes[list] = GTK_LIST_BOX (box);
      self->show_all[list] = all;
    }
}

static void
clear_box (GtkListBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_list_box_remove (box, child);
}

/* From the lists' totals, not the rows shown: the summary agrees with
 * the headings */
static char *
summarize (HmrTodayPage *self)
{
  guint overdue = MIN (self->n_overdue, self->totals[HMR_TODAY_DUE_FOLLOW_UPS]);
  guint due = self->totals[HMR_TODAY_DUE_FOLLOW_UPS] - overdue;
  guint waiting = 0;

  for (HmrTodayList l = HMR_TODAY_PLANS_TO_APPROVE; l < HMR_N_TODAY_LISTS; l++)
    waiting += self->totals[l];

  if (self->items[HMR_TODAY_DUE_FOLLOW_UPS] != NULL)
    {
      g_autofree char *a = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u follow-up due today",
                                                         "%u follow-ups due today", due), due);
      g_autofree char *b = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue",
                                                         overdue), overdue);
      /* Translators: "3 follow-ups due today, 2 overdue" */
      return g_strdup_printf (C_("today summary", "%s, %s"), a, b);
    }
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item waits for your decision",
                                       "%u items wait for your decision", waiting), waiting);
}

/* ---- reading the lists, in a thread ---------------------------------- *
 *
 * For a supervisor of a national database the counts behind the lists take
 * seconds (186,000 wellbeing flags at a million beneficiaries): the lists
 * are read on a connection of their own in a thread, and the page shows
 * them when they are there, with a spinner meanwhile.  A newer reading
 * (after a save) cancels the one before it. */

typedef struct
{
  HmrStoreWorker *worker;
  HmrActor       *actor;
  gboolean        wanted[HMR_N_TODAY_LISTS];
  GPtrArray      *items[HMR_N_TODAY_LISTS];
  guint           totals[HMR_N_TODAY_LISTS];
  guint           n_overdue;
  GDate           today;
} Reading;

static void
reading_free (gpointer data)
{
  Reading *r = data;

  hmr_store_worker_unref (r->worker);
  hmr_actor_free (r->actor);
  for (guint l = 0; l < HMR_N_TODAY_LISTS; l++)
    g_clear_pointer (&r->items[l], g_ptr_array_unref);
  g_free (r);
}

static void
read_lists (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Reading *r = task_data;
  g_autoptr(GError) error = NULL;
  HmrStore *store;

  store = hmr_store_worker_acquire (r->worker, &error);
  if (store != NULL)
    {
      hmr_store_get_today (store, &r->today);
      for (HmrTodayList l = 0; l < HMR_N_TODAY_LISTS && error == NULL; l++)
        if (r->wanted[l] && !g_cancellable_is_cancelled (cancellable))
          r->items[l] = hmr_store_list_today (store, r->actor, l, ROWS_SHOWN, &r->totals[l], &error);
      if (r->wanted[HMR_TODAY_DUE_FOLLOW_UPS] && error == NULL && !g_cancellable_is_cancelled (cancellable))
        hmr_store_count_overdue_follow_ups (store, r->actor, &r->n_overdue, &error);
    }
  hmr_store_worker_release (r->worker);

  if (g_task_return_error_if_cancelled (task))
    return;
  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* A supervisor's line for the conflicts sync set aside (one quick count) */
static guint
show_conflicts (HmrTodayPage *self)
{
  const HmrActor *actor = hmr_area_page_get_actor (HMR_AREA_PAGE (self));
  g_autofree char *label = NULL;
  guint n = 0;

  if (!hmr_permission_allows (actor, HMR_ACTION_SYNC_CONFLICTS, NULL) ||
      !hmr_store_sync_count_open_conflicts (hmr_area_page_get_store (HMR_AREA_PAGE (self)), actor, &n, NULL))
    n = 0;
  /* Translators: a line on a supervisor's Today page, a button to the Sync area */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sync conflict waits for your review",
                                        "%u sync conflicts wait for your review", n), n);
  gtk_button_set_label (self->conflicts_button, label);
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_button), n > 0);
  return n;
}

static void
show_lists (HmrTodayPage *self,
            Reading      *r)
{
  g_autofree char *summary = NULL;
  g_autofree char *date = NULL;
  guint total = 0;
  guint conflicts;

  for (HmrTodayList l = 0; l < HMR_N_TODAY_LISTS; l++)
    {
      g_autofree char *count = NULL;
      GPtrArray *items;

      if (self->boxes[l] == NULL || r->items[l] == NULL)
        continue;
      clear_box (self->boxes[l]);
      g_clear_pointer (&self->items[l], g_ptr_array_unref);
      items = self->items[l] = g_steal_pointer (&r->items[l]);
      self->totals[l] = r->totals[l];

      for (guint i = 0; i < items->len; i++)
        gtk_list_box_append (self->boxes[l], make_row (self, g_ptr_array_index (items, i)));
      if (self->totals[l] > items->len)
        {
          g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more",
                                                                "And %u more",
                                                                self->totals[l] - items->len),
                                                   self->totals[l] - items->len);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *arrow = g_object_new (GTK_TYPE_IMAGE,
                                           "icon-name", "go-next-symbolic",
                                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                           NULL);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Show the whole list"));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_object_set_data (G_OBJECT (row), "more-of", GUINT_TO_POINTER (l + 1));
          gtk_list_box_append (self->boxes[l], row);
        }
      /* Translators: a Today list's heading with how many rows it has */
      count = g_strdup_printf (C_("today list", "%s (%u)"), hmr_today_list_get_title (l), self->totals[l]);
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->groups[l]), count);
      gtk_widget_set_visible (self->groups[l], self->totals[l] > 0);
      gtk_widget_set_visible (self->show_all[l], self->totals[l] > items->len);
      total += self->totals[l];
    }

  self->n_overdue = r->n_overdue;
  date = hmr_format_long_date (&r->today);
  gtk_label_set_label (self->date_label, date);
  summary = summarize (self);
  gtk_label_set_label (self->summary_label, summary);
  conflicts = show_conflicts (self);
  gtk_stack_set_visible_child_name (self->stack, total > 0 || conflicts > 0 ? "lists" : "empty");
}

static void
on_lists_read (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  HmrTodayPage *self = HMR_TODAY_PAGE (source);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_clear_object (&self->cancellable);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  g_clear_object (&self->cancellable);
  /* A page disposed meanwhile cancelled the reading: it does not get here */
  show_lists (self, g_task_get_task_data (G_TASK (result)));
}

/**
 * hmr_today_page_reload:
 *
 * Reads every list again from the store, in a thread (see
 * hmr_today_page_is_loading()).
 */
void
hmr_today_page_reload (HmrTodayPage *self)
{
  g_autoptr(GTask) task = NULL;
  Reading *r;

  g_return_if_fail (HMR_IS_TODAY_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (self->worker == NULL)
    self->worker = hmr_store_worker_new (hmr_area_page_get_store (HMR_AREA_PAGE (self)));

  r = g_new0 (Reading, 1);
  r->worker = hmr_store_worker_ref (self->worker);
  r->actor = hmr_actor_copy (hmr_area_page_get_actor (HMR_AREA_PAGE (self)));
  for (HmrTodayList l = 0; l < HMR_N_TODAY_LISTS; l++)
    r->wanted[l] = self->boxes[l] != NULL;
  /* The first reading: a spinner rather than an empty page */
  if (self->items_read == FALSE)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  self->items_read = TRUE;

  task = g_task_new (self, self->cancellable, on_lists_read, NULL);
  g_task_set_source_tag (task, hmr_today_page_reload);
  g_task_set_task_data (task, r, reading_free);
  g_task_run_in_thread (task, read_lists);
}

/**
 * hmr_today_page_is_loading:
 *
 * Returns: whether the lists are being read
 */
gboolean
hmr_today_page_is_loading (HmrTodayPage *self)
{
  g_return_val_if_fail (HMR_IS_TODAY_PAGE (self), FALSE);
  return self->cancellable != NULL;
}

static void
hmr_today_page_store_changed (HmrAreaPage  *page,
                              HmrChangeSet *changes)
{
  /* A hidden page reads its lists when it is shown again (map) */
  if (!gtk_widget_get_mapped (GTK_WIDGET (page)))
    return;
  hmr_today_page_reload (HMR_TODAY_PAGE (page));
}

/* ---- GObject -------------------------------------------------------- */

static void
hmr_today_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (hmr_today_page_parent_class)->map (widget);
  hmr_today_page_reload (HMR_TODAY_PAGE (widget));
}

static void
hmr_today_page_dispose (GObject *object)
{
  HmrTodayPage *self = HMR_TODAY_PAGE (object);

  /* AdwBin unparents its child itself: no gtk_widget_dispose_template () */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->worker, hmr_store_worker_unref);
  for (guint l = 0; l < HMR_N_TODAY_LISTS; l++)
    {
      self->boxes[l] = NULL;
      self->groups[l] = NULL;
      self->show_all[l] = NULL;
      g_clear_pointer (&self->items[l], g_ptr_array_unref);
    }

  G_OBJECT_CLASS (hmr_today_page_parent_class)->dispose (object);
}

static void
hmr_today_page_constructed (GObject *object)
{
  HmrTodayPage *self = HMR_TODAY_PAGE (object);

  G_OBJECT_CLASS (hmr_today_page_parent_class)->constructed (object);
  build_groups (self);
  /* The lists are read when the page is shown (map), not here as well: at
   * a million beneficiaries each reading takes seconds, and a page built
   * to be shown was read twice before its first frame */
}

static void
hmr_today_page_class_init (HmrTodayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  HMR_AREA_PAGE_CLASS (klass)->store_changed = hmr_today_page_store_changed;

  object_class->constructed = hmr_today_page_constructed;
  object_class->dispose = hmr_today_page_dispose;
  widget_class->map = hmr_today_page_map;

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/care/hmr-today-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrTodayPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HmrTodayPage, stack);
  gtk_widget_class_bind_template_child (widget_class, HmrTodayPage, groups_box);
  gtk_widget_class_bind_template_child (widget_class, HmrTodayPage, date_label);
  gtk_widget_class_bind_template_child (widget_class, HmrTodayPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, HmrTodayPage, conflicts_button);
  gtk_widget_class_bind_template_child (widget_class, HmrTodayPage, error_page);
}

static void
hmr_today_page_init (HmrTodayPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

HmrTodayPage *
hmr_today_page_new (HmrStore       *store,
                    const HmrActor *actor)
{
  g_return_val_if_fail (HMR_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  return g_object_new (HMR_TYPE_TODAY_PAGE, "store", store, "actor", actor, NULL);
}

/**
 * hmr_today_page_get_list_box:
 *
 * Returns: (transfer none) (nullable): the rows of @list, or %NULL when
 *   the user's role does not have it
 */
GtkListBox *
hmr_today_page_get_list_box (HmrTodayPage *self,
                             HmrTodayList  list)
{
  g_return_val_if_fail (HMR_IS_TODAY_PAGE (self), NULL);
  g_return_val_if_fail (list < HMR_N_TODAY_LISTS, NULL);
  return self->boxes[list];
}

guint
hmr_today_page_get_n_items (HmrTodayPage *self,
                            HmrTodayList  list)
{
  g_return_val_if_fail (HMR_IS_TODAY_PAGE (self), 0);
  g_return_val_if_fail (list < HMR_N_TODAY_LISTS, 0);
  return self->totals[list];
}

/**
 * hmr_today_page_get_item:
 *
 * Returns: (transfer none) (nullable): the item of the @index-th row
 */
const HmrTodayItem *
hmr_today_page_get_item (HmrTodayPage *self,
                         HmrTodayList  list,
                         guint         index)
{
  g_return_val_if_fail (HMR_IS_TODAY_PAGE (self), NULL);
  g_return_val_if_fail (list < HMR_N_TODAY_LISTS, NULL);

  if (self->items[list] == NULL || index >= self->items[list]->len)
    return NULL;
  return g_ptr_array_index (self->items[list], index);
}

/**
 * hmr_today_page_get_state:
 *
 * Returns: "lists", "empty" (nothing due) or "error"
 */
const char *
hmr_today_page_get_state (HmrTodayPage *self)
{
  g_return_val_if_fail (HMR_IS_TODAY_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
hmr_today_page_get_summary (HmrTodayPage *self)
{
  g_return_val_if_fail (HMR_IS_TODAY_PAGE (self), NULL);
  return gtk_label_get_label (self->summary_label);
}

gboolean
hmr_today_page_allowed (const HmrActor *actor)
{
  g_autoptr(GArray) lists = hmr_today_lists_for_actor (actor);

  return lists->len > 0;
}

/**
 * hmr_today_page_create_area:
 *
 * The Today area: it reloads whenever the store announces a change.
 */
GtkWidget *
hmr_today_page_create_area (HmrContext *context)
{
  return g_object_new (HMR_TYPE_TODAY_PAGE, "context", context, NULL);
}
