/* hmr-finance-page.c
 *
 * What finance has to do today, in the order it is done: approved grants
 * waiting for their first tranche, grants being paid, fully paid grants
 * to verify, the handover acts, and the totals per district and month.
 * The ledger is written in a thread with its own connection to the
 * database (hmr_gui_export_async()); the page shows its progress and can
 * cancel it, its window closing cancels it too, and a cancelled or failed
 * export leaves no file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-finance-page.h"
#include "hmr-grant-util.h"
#include "hmr-gui-export.h"
#include "hmr-gui-util.h"
#include "hmr-labels.h"
#include "hmr-permissions.h"
#include "hmr-tranche-dialog.h"

struct _HmrFinancePage
{
  HmrAreaPage      parent_instance;

  GCancellable    *export_cancellable;   /* non-NULL while exporting */
  char            *export_path;          /* the file it writes */

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkLabel        *summary_label;
  GtkRevealer     *progress_revealer;
  GtkProgressBar  *progress_bar;
  GtkListBox      *waiting_list;
  GtkListBox      *disbursing_list;
  GtkListBox      *disbursed_list;
  GtkListBox      *handovers_list;
  GtkListBox      *totals_list;
};

G_DEFINE_FINAL_TYPE (HmrFinancePage, hmr_finance_page, HMR_TYPE_AREA_PAGE)

enum {
  PROP_0,
  PROP_EXPORTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- the lists -------------------------------------------------------- */

static GtkWidget *
row_button (const char *label,
            const char *action,
            const char *grant_id,
            const char *tooltip)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (grant_id));
  gtk_widget_set_tooltip_text (button, tooltip);
  return button;
}

static void
add_pay_button (GtkWidget             *row,
                const HmrGrantSummary *summary,
                gpointer               user_data)
{
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button (_("_Pay…"), "finance.pay", summary->id,
                                         _("Record a tranche paid on this grant")));
}

static void
add_verify_button (GtkWidget             *row,
                   const HmrGrantSummary *summary,
                   gpointer               user_data)
{
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button (_("_Verify"), "finance.verify", summary->id,
                                         _("The business stands: close the grant")));
}

static void
fill_totals (HmrFinancePage *self)
{
  g_autoptr(GPtrArray) districts = NULL;
  g_autoptr(GPtrArray) months = NULL;
  g_autoptr(GError) error = NULL;
  HmrStore *store = hmr_area_page_get_store (HMR_AREA_PAGE (self));
  const HmrActor *actor = hmr_area_page_get_actor (HMR_AREA_PAGE (self));

  hmr_gui_list_box_clear (self->totals_list);
  districts = hmr_store_list_grant_totals (store, actor, FALSE, NULL, &error);
  if (districts != NULL)
    months = hmr_store_list_grant_totals (store, actor, TRUE, NULL, &error);
  if (districts == NULL || months == NULL)
    {
      gtk_list_box_append (self->totals_list, hmr_gui_placeholder_row (error->message));
      return;
    }

  for (guint i = 0; i < districts->len; i++)
    {
      HmrGrantTotals *d = g_ptr_array_index (districts, i);
      g_autofree char *approved = hmr_money_format (d->approved, "TJS", HMR_MONEY_LOCALE);
      g_autofree char *paid = hmr_money_format (d->paid, "TJS", HMR_MONEY_LOCALE);
      g_autofree char *remaining = hmr_money_format (d->remaining, "TJS", HMR_MONEY_LOCALE);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_expander_row_new ();

      /* Translators: totals of a district or month: grants, approved, paid, remaining */
      subtitle = g_strdup_printf (g_dngettext (NULL, "%u grant · approved %s · paid %s · remaining %s",
                                               "%u grants · approved %s · paid %s · remaining %s", d->n_grants),
                                  d->n_grants, approved, paid, remaining);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hmr_district_get_label (d->district));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      for (guint j = 0; j < months->len; j++)
        {
          HmrGrantTotals *m = g_ptr_array_index (months, j);
          g_autofree char *ma = NULL, *mp = NULL, *mr = NULL, *ms = NULL;
          g_autofree char *month = NULL;
          GtkWidget *month_row;
          GDate date;

          if (g_strcmp0 (m->district, d->district) != 0)
            continue;
          ma = hmr_money_format (m->approved, "TJS", HMR_MONEY_LOCALE);
          mp = hmr_money_format (m->paid, "TJS", HMR_MONEY_LOCALE);
          mr = hmr_money_format (m->remaining, "TJS", HMR_MONEY_LOCALE);
          ms = g_strdup_printf (g_dngettext (NULL, "%u grant · approved %s · paid %s · remaining %s",
                                             "%u grants · approved %s · paid %s · remaining %s", m->n_grants),
                                m->n_grants, ma, mp, mr);
          if (m->month != NULL)
            {
              g_autofree char *iso = g_strconcat (m->month, "-01", NULL);

              if (hmr_parse_user_date (iso, &date))
                month = hmr_format_month (&date);
            }
          month_row = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (month_row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (month_row),
                                         month ? month : m->month ? m->month : _("Not approved"));
          adw_action_row_set_subtitle (ADW_ACTION_ROW (month_row), ms);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), month_row);
        }
      gtk_list_box_append (self->totals_list, row);
    }
  if (districts->len == 0)
    gtk_list_box_append (self->totals_list, hmr_gui_placeholder_row (_("No grants approved yet")));
}

/**
 * hmr_finance_page_reload:
 *
 * Reads every list again from the store.
 */
void
hmr_finance_page_reload (HmrFinancePage *self)
{
  guint waiting, disbursing, disbursed;
  g_autofree char *summary = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL;
  HmrStore *store;
  const HmrActor *actor;

  g_return_if_fail (HMR_IS_FINANCE_PAGE (self));

  store = hmr_area_page_get_store (HMR_AREA_PAGE (self));
  actor = hmr_area_page_get_actor (HMR_AREA_PAGE (self));

  waiting = hmr_gui_fill_grant_list (self->waiting_list, store, actor,
                                     (const char * const[]) { "approved", NULL }, 0,
                                     _("No approved grant is waiting for money."), add_pay_button, self);
  disbursing = hmr_gui_fill_grant_list (self->disbursing_list, store, actor,
                                        (const char * const[]) { "disbursing", NULL }, 0,
                                        _("No grant is being paid."), add_pay_button, self);
  disbursed = hmr_gui_fill_grant_list (self->disbursed_list, store, actor,
                                       (const char * const[]) { "disbursed", NULL }, 0,
                                       _("No paid grant is waiting to be verified."), add_verify_button, self);
  hmr_gui_fill_handover_list (self->handovers_list, store, actor, 10, _("No handover acts yet."));
  fill_totals (self);

  a = g_strdup_printf (g_dngettext (NULL, "%u grant waits for money", "%u grants wait for money", waiting), waiting);
  b = g_strdup_printf (g_dngettext (NULL, "%u being paid", "%u being paid", disbursing), disbursing);
  c = g_strdup_printf (g_dngettext (NULL, "%u to verify", "%u to verify", disbursed), disbursed);
  /* Translators: the finance page's summary: three counts */
  summary = g_strdup_printf (C_("finance summary", "%s · %s · %s"), a, b, c);
  gtk_label_set_text (self->summary_label, summary);
}

/* ---- opening grants and acts ---------------------------------------- *
 *
 * Each opens in its dialog; the page is read again when the dialog saves. */

static void
on_waiting_list_row_activated (HmrFinancePage *self, GtkListBoxRow *row)
{
  hmr_gui_open_grant_row (HMR_AREA_PAGE (self), row, FALSE);
}

static void
on_disbursing_list_row_activated (HmrFinancePage *self, GtkListBoxRow *row)
{
  hmr_gui_open_grant_row (HMR_AREA_PAGE (self), row, FALSE);
}

static void
on_disbursed_list_row_activated (HmrFinancePage *self, GtkListBoxRow *row)
{
  hmr_gui_open_grant_row (HMR_AREA_PAGE (self), row, FALSE);
}

static void
on_handovers_list_row_activated (HmrFinancePage *self, GtkListBoxRow *row)
{
  hmr_gui_open_grant_row (HMR_AREA_PAGE (self), row, TRUE);
}

static void
pay_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  HmrFinancePage *self = HMR_FINANCE_PAGE (widget);
  g_autoptr(GError) error = NULL;
  HmrTrancheDialog *dialog;

  dialog = hmr_tranche_dialog_new (hmr_gui_get_parent_window (widget),
                                   hmr_area_page_get_store (HMR_AREA_PAGE (self)),
                                   hmr_area_page_get_actor (HMR_AREA_PAGE (self)),
                                   g_variant_get_string (parameter, NULL), &error);
  hmr_gui_present_dialog (GTK_WINDOW (dialog), error, GTK_WIDGET (self->toast_overlay), NULL, NULL, NULL);
}

static void
verify_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HmrFinancePage *self = HMR_FINANCE_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!hmr_store_verify_grant (hmr_area_page_get_store (HMR_AREA_PAGE (self)),
                               hmr_area_page_get_actor (HMR_AREA_PAGE (self)),
                               g_variant_get_string (parameter, NULL), NULL, &error))
    {
      hmr_gui_show_error_toast (GTK_WIDGET (self->toast_overlay), error->message);
      return;
    }
  hmr_finance_page_reload (self);
  hmr_gui_toast (GTK_WIDGET (self->toast_overlay), _("Grant verified"));
}

/* ---- the ledger in Excel --------------------------------------------- */

/* In the worker */
static gboolean
export_ledger (HmrStore         *store,
               const HmrActor   *actor,
               const char       *path,
               gpointer          data,
               GCancellable     *cancellable,
               HmrProgressFunc   progress,
               gpointer          progress_data,
               GError          **error)
{
  return hmr_export_grant_ledger (store, actor, NULL, path, cancellable, progress, progress_data, error);
}

static void
set_exporting (HmrFinancePage *self,
               GCancellable   *cancellable)
{
  g_clear_object (&self->export_cancellable);
  if (cancellable != NULL)
    self->export_cancellable = g_object_ref (cancellable);
  else
    g_clear_pointer (&self->export_path, g_free);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_revealer_set_reveal_child (self->progress_revealer, cancellable != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "finance.export-ledger", cancellable == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "finance.cancel-export", cancellable != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPORTING]);
}

static void
on_export_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GWeakRef *page_ref = user_data;
  g_autoptr(HmrFinancePage) self = g_weak_ref_get (page_ref);
  g_autoptr(GError) error = NULL;
  gboolean ok = hmr_gui_export_finish (result, &error);

  g_weak_ref_clear (page_ref);
  g_free (page_ref);
  /* The page went while the ledger was written, and cancelled it on its
   * way out: nobody is left to tell */
  if (self == NULL)
    return;

  /* A failed or cancelled export leaves nothing (hmr_gui_export_async()) */
  hmr_gui_export_tell (GTK_WIDGET (self->toast_overlay), self->export_path, ok ? NULL : error,
                       /* Translators: a toast; %s is the file's name */
                       _("Ledger saved as “%s”"), NULL);
  set_exporting (self, NULL);
}

/**
 * hmr_finance_page_export_ledger_to:
 *
 * Writes the grant ledger to @file in a thread, showing its progress; the
 * page going (its window closed) cancels it.
 */
void
hmr_finance_page_export_ledger_to (HmrFinancePage *self,
                                   GFile          *file)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GWeakRef *page_ref;

  g_return_if_fail (HMR_IS_FINANCE_PAGE (self));
  g_return_if_fail (g_file_peek_path (file) != NULL);
  g_return_if_fail (self->export_cancellable == NULL);

  set_exporting (self, cancellable);
  self->export_path = g_file_get_path (file);
  /* Only a weak reference: the export must not keep the page, and with
   * it the export, alive once its window is closed */
  page_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (page_ref, self);
  hmr_gui_export_async (hmr_area_page_get_store (HMR_AREA_PAGE (self)),
                        hmr_area_page_get_actor (HMR_AREA_PAGE (self)),
                        self->export_path, export_ledger, NULL, NULL,
                        self->progress_bar, cancellable, on_export_done, page_ref);
}

static void
export_ledger_to (GtkWidget *owner,
                  GFile     *file)
{
  hmr_finance_page_export_ledger_to (HMR_FINANCE_PAGE (owner), file);
}

static void
export_ledger_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HmrFinancePage *self = HMR_FINANCE_PAGE (widget);
  g_autoptr(GDateTime) now = hmr_store_now (hmr_area_page_get_store (HMR_AREA_PAGE (self)));
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;

  if (self->export_cancellable != NULL)
    return;
  /* Translators: the ledger's file name; %s is today's date. No spaces. */
  name = g_strdup_printf (_("grant-ledger-%s.xlsx"), date);
  hmr_gui_choose_xlsx (widget, _("Export the Grant Ledger"), name, export_ledger_to);
}

static void
cancel_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HmrFinancePage *self = HMR_FINANCE_PAGE (widget);

  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
}

/* ---- GObject -------------------------------------------------------- */

static void
hmr_finance_page_constructed (GObject *object)
{
  G_OBJECT_CLASS (hmr_finance_page_parent_class)->constructed (object);
  hmr_finance_page_reload (HMR_FINANCE_PAGE (object));
}

static void
hmr_finance_page_dispose (GObject *object)
{
  HmrFinancePage *self = HMR_FINANCE_PAGE (object);

  /* The export does not keep the page alive: this is where closing the
   * window stops it */
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  /* AdwBin unparents its child itself: no gtk_widget_dispose_template () */
  g_clear_object (&self->export_cancellable);

  G_OBJECT_CLASS (hmr_finance_page_parent_class)->dispose (object);
}

static void
hmr_finance_page_finalize (GObject *object)
{
  HmrFinancePage *self = HMR_FINANCE_PAGE (object);

  g_free (self->export_path);

  G_OBJECT_CLASS (hmr_finance_page_parent_class)->finalize (object);
}

static void
hmr_finance_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HmrFinancePage *self = HMR_FINANCE_PAGE (object);

  switch (prop_id)
    {
    case PROP_EXPORTING:
      g_value_set_boolean (value, self->export_cancellable != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hmr_finance_page_store_changed (HmrAreaPage  *page,
                                HmrChangeSet *changes)
{
  static const char * const shown[] = {
    "grant", "disbursement", "handover", "beneficiary", NULL
  };

  if (hmr_change_set_has_any_kind (changes, shown))
    hmr_finance_page_reload (HMR_FINANCE_PAGE (page));
}

static void
hmr_finance_page_class_init (HmrFinancePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  HMR_AREA_PAGE_CLASS (klass)->store_changed = hmr_finance_page_store_changed;

  object_class->constructed = hmr_finance_page_constructed;
  object_class->dispose = hmr_finance_page_dispose;
  object_class->finalize = hmr_finance_page_finalize;
  object_class->get_property = hmr_finance_page_get_property;

  properties[PROP_EXPORTING] =
    g_param_spec_boolean ("exporting", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/grants/hmr-finance-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrFinancePage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HmrFinancePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, HmrFinancePage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, HmrFinancePage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, HmrFinancePage, waiting_list);
  gtk_widget_class_bind_template_child (widget_class, HmrFinancePage, disbursing_list);
  gtk_widget_class_bind_template_child (widget_class, HmrFinancePage, disbursed_list);
  gtk_widget_class_bind_template_child (widget_class, HmrFinancePage, handovers_list);
  gtk_widget_class_bind_template_child (widget_class, HmrFinancePage, totals_list);
  gtk_widget_class_bind_template_callback (widget_class, on_waiting_list_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_disbursing_list_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_disbursed_list_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_handovers_list_row_activated);

  gtk_widget_class_install_action (widget_class, "finance.export-ledger", NULL, export_ledger_action);
  gtk_widget_class_install_action (widget_class, "finance.cancel-export", NULL, cancel_export_action);
  gtk_widget_class_install_action (widget_class, "finance.pay", "s", pay_action);
  gtk_widget_class_install_action (widget_class, "finance.verify", "s", verify_action);
}

static void
hmr_finance_page_init (HmrFinancePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "finance.cancel-export", FALSE);
  g_signal_connect (self, "map", G_CALLBACK (hmr_finance_page_reload), NULL);
}

HmrFinancePage *
hmr_finance_page_new (HmrStore       *store,
                      const HmrActor *actor)
{
  g_return_val_if_fail (HMR_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  return g_object_new (HMR_TYPE_FINANCE_PAGE, "store", store, "actor", actor, NULL);
}

gboolean
hmr_finance_page_get_exporting (HmrFinancePage *self)
{
  g_return_val_if_fail (HMR_IS_FINANCE_PAGE (self), FALSE);
  return self->export_cancellable != NULL;
}

/**
 * hmr_finance_page_get_list:
 * @name: "waiting_list", "disbursing_list", "disbursed_list",
 *   "handovers_list" or "totals_list"
 */
GtkListBox *
hmr_finance_page_get_list (HmrFinancePage *self,
                           const char     *name)
{
  return GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (self), HMR_TYPE_FINANCE_PAGE, name));
}

gboolean
hmr_finance_area_allowed (const HmrActor *actor)
{
  return hmr_permission_allows (actor, HMR_ACTION_DISBURSE, NULL);
}

GtkWidget *
hmr_finance_area_create (HmrContext *context)
{
  return g_object_new (HMR_TYPE_FINANCE_PAGE, "context", context, NULL);
}
