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
#include "hmr-grant-util.h"
#include "hmr-gui-util.h"
#include "hmr-permissions.h"
#include "hmr-workflow.h"

struct _HmrGrantsPage
{
  HmrAreaPage      parent_instance;

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

G_DEFINE_FINAL_TYPE (HmrGrantsPage, hmr_grants_page, HMR_TYPE_AREA_PAGE)

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
  HmrStore *store;
  const HmrActor *actor;
  gboolean supervisor, handovers;
  guint n = 0;

  g_return_if_fail (HMR_IS_GRANTS_PAGE (self));

  store = hmr_area_page_get_store (HMR_AREA_PAGE (self));
  actor = hmr_area_page_get_actor (HMR_AREA_PAGE (self));
  supervisor = decides (actor);
  handovers = hmr_permission_allows (actor, HMR_ACTION_HANDOVER_WRITE, NULL);

  gtk_widget_set_visible (self->review_group, supervisor);
  gtk_widget_set_visible (self->submitted_group, !supervisor);
  gtk_widget_set_visible (self->handovers_group, handovers);

  if (supervisor)
    n += hmr_gui_fill_grant_list (self->review_list, store, actor,
                                  (const char * const[]) { "submitted", NULL }, 0,
                                  _("No grant waits for a decision."), NULL, NULL);
  else
    n += hmr_gui_fill_grant_list (self->submitted_list, store, actor,
                                  (const char * const[]) { "submitted", NULL }, 0,
                                  _("No grant waits for a decision."), NULL, NULL);
  n += hmr_gui_fill_grant_list (self->drafts_list, store, actor,
                                (const char * const[]) { "draft", NULL }, 0,
                                _("No drafts."), NULL, NULL);
  n += hmr_gui_fill_grant_list (self->funded_list, store, actor,
                                (const char * const[]) { "approved", "disbursing", "disbursed", NULL }, 0,
                                _("No approved grants."), NULL, NULL);
  n += hmr_gui_fill_grant_list (self->closed_list, store, actor,
                                (const char * const[]) { "verified", "rejected", "cancelled", NULL }, 10,
                                _("No closed grants."), NULL, NULL);
  if (handovers)
    n += hmr_gui_fill_handover_list (self->handovers_list, store, actor, 10,
                                     _("No handover acts yet."));
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "lists" : "empty");
}

/* Grants and handover acts open in their dialogs; the lists are read
 * again when one of them saves */
static void
on_grant_row_activated (HmrGrantsPage *self,
                        GtkListBoxRow *row)
{
  hmr_gui_open_grant_row (HMR_AREA_PAGE (self), row, FALSE);
}

static void
on_handover_row_activated (HmrGrantsPage *self,
                           GtkListBoxRow *row)
{
  hmr_gui_open_grant_row (HMR_AREA_PAGE (self), row, TRUE);
}

static void
hmr_grants_page_constructed (GObject *object)
{
  G_OBJECT_CLASS (hmr_grants_page_parent_class)->constructed (object);
  hmr_grants_page_reload (HMR_GRANTS_PAGE (object));
}

static void
hmr_grants_page_store_changed (HmrAreaPage  *page,
                               HmrChangeSet *changes)
{
  static const char * const shown[] = {
    "grant", "disbursement", "handover", "beneficiary", NULL
  };

  if (hmr_change_set_has_any_kind (changes, shown))
    hmr_grants_page_reload (HMR_GRANTS_PAGE (page));
}

static void
hmr_grants_page_class_init (HmrGrantsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  HMR_AREA_PAGE_CLASS (klass)->store_changed = hmr_grants_page_store_changed;

  object_class->constructed = hmr_grants_page_constructed;

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/grants/hmr-grants-page.ui");
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
  g_return_val_if_fail (HMR_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  return g_object_new (HMR_TYPE_GRANTS_PAGE, "store", store, "actor", actor, NULL);
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
hmr_grants_area_create (HmrContext *context)
{
  return g_object_new (HMR_TYPE_GRANTS_PAGE, "context", context, NULL);
}
