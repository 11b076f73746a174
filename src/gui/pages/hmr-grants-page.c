/* hmr-grants-page.c
 *
 * The grants a caseworker or supervisor works on, grouped by what comes
 * next: a supervisor sees the submitted grants waiting for a decision
 * first; a caseworker sees drafts and what is submitted.  Handovers are
 * listed for those who draw them up.  A new grant starts from a
 * beneficiary's case file (win.propose-grant).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-grants-page.h"
#include "hmr-grant-dialog.h"
#include "hmr-grant-util.h"
#include "hmr-gui-util.h"
#include "hmr-handover-dialog.h"
#include "hmr-permissions.h"
#include "hmr-workflow.h"

struct _HmrGrantsPage
{
  AdwBin           parent_instance;

  HmrStore        *store;
  HmrActor        *actor;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  GtkWidget       *review_group;
  GtkListBox      *review_list;
  GtkWidget       *drafts_group;
  GtkListBox      *drafts_list;
  GtkWidget       *submitted_group;
  GtkListBox      *submitted_list;
  GtkListBox      *funded_list;
  GtkListBox      *closed_list;
  GtkWidget       *handovers_group;
  GtkListBox      *handovers_list;
};

G_DEFINE_FINAL_TYPE (HmrGrantsPage, hmr_grants_page, ADW_TYPE_BIN)

static gboolean
decides (const HmrActor *actor)
{
  return hmr_workflow_may_move (actor, HMR_RECORD_GRANT, "submitted", "approved", actor->office_id, NULL, NULL);
}

/**
 * hmr_grants_page_reload:
 *
 * Reads every list again from the store.
 */
void
hmr_grants_page_reload (HmrGrantsPage *self)
{
  gboolean supervisor = decides (self->actor);
  gboolean handovers = hmr_permission_allows (self->actor, HMR_ACTION_HANDOVER_WRITE, NULL);
  guint n = 0;

  g_return_if_fail (HMR_IS_GRANTS_PAGE (self));

  gtk_widget_set_visible (self->review_group, supervisor);
  gtk_widget_set_visible (self->submitted_group, !supervisor);
  gtk_widget_set_visible (self->handovers_group, handovers);

  if (supervisor)
    n += hmr_gui_fill_grant_list (self->review_list, self->store, self->actor,
                                  (const char * const[]) { "submitted", NULL }, 0,
                                  _("No grant waits for a decision."), NULL, NULL);
  else
    n += hmr_gui_fill_grant_list (self->submitted_list, self->store, self->actor,
                                  (const char * const[]) { "submitted", NULL }, 0,
                                  _("No grant waits for a decision."), NULL, NULL);
  n += hmr_gui_fill_grant_list (self->drafts_list, self->store, self->actor,
                                (const char * const[]) { "draft", NULL }, 0,
                                _("No drafts."), NULL, NULL);
  n += hmr_gui_fill_grant_list (self->funded_list, self->store, self->actor,
                                (const char * const[]) { "approved", "disbursing", "disbursed", NULL }, 0,
                                _("No approved grants."), NULL, NULL);
  n += hmr_gui_fill_grant_list (self->closed_list, self->store, self->actor,
                                (const char * const[]) { "verified", "rejected", "cancelled", NULL }, 10,
                                _("No closed grants."), NULL, NULL);
  if (handovers)
    n += hmr_gui_fill_handover_list (self->handovers_list, self->store, self->actor, 10,
                                     _("No handover acts yet."));
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "lists" : "empty");
}

static void
on_grant_row_activated (HmrGrantsPage *self,
                        GtkListBoxRow *row)
{
  const char *id = hmr_grant_row_get_id (GTK_WIDGET (row));
  g_autoptr(GError) error = NULL;
  HmrGrantDialog *dialog;

  if (id == NULL)
    return;
  dialog = hmr_grant_dialog_new_for_grant (hmr_gui_get_parent_window (GTK_WIDGET (self)),
                                           self->store, self->actor, id, &error);
  if (dialog == NULL)
    {
      hmr_gui_show_error_toast (GTK_WIDGET (self->toast_overlay), error->message);
      return;
    }
  g_signal_connect_object (dialog, "changed", G_CALLBACK (hmr_grants_page_reload), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_handover_row_activated (HmrGrantsPage *self,
                           GtkListBoxRow *row)
{
  const char *id = hmr_grant_row_get_id (GTK_WIDGET (row));
  g_autoptr(GError) error = NULL;
  HmrHandoverDialog *dialog;

  if (id == NULL)
    return;
  dialog = hmr_handover_dialog_new_for_handover (hmr_gui_get_parent_window (GTK_WIDGET (self)),
                                                 self->store, self->actor, id, &error);
  if (dialog == NULL)
    {
      hmr_gui_show_error_toast (GTK_WIDGET (self->toast_overlay), error->message);
      return;
    }
  g_signal_connect_object (dialog, "changed", G_CALLBACK (hmr_grants_page_reload), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
hmr_grants_page_dispose (GObject *object)
{
  HmrGrantsPage *self = HMR_GRANTS_PAGE (object);

  /* AdwBin unparents its child itself: no gtk_widget_dispose_template () */
  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, hmr_actor_free);

  G_OBJECT_CLASS (hmr_grants_page_parent_class)->dispose (object);
}

static void
hmr_grants_page_class_init (HmrGrantsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hmr_grants_page_dispose;

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/pages/hmr-grants-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrGrantsPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HmrGrantsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, HmrGrantsPage, review_group);
  gtk_widget_class_bind_template_child (widget_class, HmrGrantsPage, review_list);
  gtk_widget_class_bind_template_child (widget_class, HmrGrantsPage, drafts_group);
  gtk_widget_class_bind_template_child (widget_class, HmrGrantsPage, drafts_list);
  gtk_widget_class_bind_template_child (widget_class, HmrGrantsPage, submitted_group);
  gtk_widget_class_bind_template_child (widget_class, HmrGrantsPage, submitted_list);
  gtk_widget_class_bind_template_child (widget_class, HmrGrantsPage, funded_list);
  gtk_widget_class_bind_template_child (widget_class, HmrGrantsPage, closed_list);
  gtk_widget_class_bind_template_child (widget_class, HmrGrantsPage, handovers_group);
  gtk_widget_class_bind_template_child (widget_class, HmrGrantsPage, handovers_list);
  gtk_widget_class_bind_template_callback (widget_class, on_grant_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_handover_row_activated);
}

static void
hmr_grants_page_init (HmrGrantsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (hmr_grants_page_reload), NULL);
}

HmrGrantsPage *
hmr_grants_page_new (HmrStore       *store,
                     const HmrActor *actor)
{
  HmrGrantsPage *self = g_object_new (HMR_TYPE_GRANTS_PAGE, NULL);

  self->store = g_object_ref (store);
  self->actor = hmr_actor_copy (actor);
  hmr_grants_page_reload (self);
  return self;
}

/**
 * hmr_grants_page_get_list:
 * @name: "review_list", "drafts_list", "submitted_list", "funded_list",
 *   "closed_list" or "handovers_list"
 */
GtkListBox *
hmr_grants_page_get_list (HmrGrantsPage *self,
                          const char    *name)
{
  return GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (self), HMR_TYPE_GRANTS_PAGE, name));
}

/* Caseworkers draft grants, supervisors decide on them; finance has its own area */
gboolean
hmr_grants_area_allowed (const HmrActor *actor)
{
  return hmr_permission_allows (actor, HMR_ACTION_GRANT_WRITE, NULL) &&
         !hmr_permission_allows (actor, HMR_ACTION_DISBURSE, NULL);
}

GtkWidget *
hmr_grants_area_create (HmrWindow *window)
{
  HmrGrantsPage *page = hmr_grants_page_new (hmr_window_get_store (window), hmr_window_get_actor (window));

  g_signal_connect_object (window, "case-changed", G_CALLBACK (hmr_grants_page_reload), page, G_CONNECT_SWAPPED);
  return GTK_WIDGET (page);
}
