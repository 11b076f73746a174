/* hmr-audit-page.c
 *
 * The trail is long, so it is shown a page at a time: the first rows when
 * the filters change, the next ones when the list is scrolled to its end.
 * Filtering happens in SQL (hmr_store_search_audit_page).  Verifying the
 * chain reads every row, so it runs in a GTask thread with its own
 * connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-audit-page.h"
#include "hmr-audit-labels.h"
#include "hmr-audit-words.h"
#include "hmr-gui-util.h"
#include "hmr-people.h"
#include "hmr-permissions.h"

#define PAGE_SIZE 200

/* ---- one row, as a GObject for the list model ---------------------------- */

#define HMR_TYPE_AUDIT_ITEM (hmr_audit_item_get_type ())
G_DECLARE_FINAL_TYPE (HmrAuditItem, hmr_audit_item, HMR, AUDIT_ITEM, GObject)

struct _HmrAuditItem
{
  GObject        parent_instance;
  HmrAuditEntry *entry;
  /* as the row shows them, worked out once when it is loaded */
  char          *who;
  char          *record;
  char          *changes;
};

G_DEFINE_FINAL_TYPE (HmrAuditItem, hmr_audit_item, G_TYPE_OBJECT)

static void
hmr_audit_item_finalize (GObject *object)
{
  HmrAuditItem *self = HMR_AUDIT_ITEM (object);

  g_clear_pointer (&self->entry, hmr_audit_entry_free);
  g_free (self->who);
  g_free (self->record);
  g_free (self->changes);
  G_OBJECT_CLASS (hmr_audit_item_parent_class)->finalize (object);
}

static void
hmr_audit_item_class_init (HmrAuditItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hmr_audit_item_finalize;
}

static void
hmr_audit_item_init (HmrAuditItem *self)
{
}

/* ---- the page ------------------------------------------------------------ */

struct _HmrAuditPage
{
  HmrAreaPage        parent_instance;

  GListStore        *items;
  GPtrArray         *users;       /* drop-down position - 1 → value */
  GPtrArray         *actions;
  GPtrArray         *entities;
  char              *from_day;
  char              *to_day;
  gint64             last_seq;    /* the oldest row shown */
  gboolean           at_end;
  GCancellable      *cancellable;

  /* Template widgets */
  AdwToastOverlay   *toast_overlay;
  GtkDropDown       *user_drop;
  GtkDropDown       *action_drop;
  GtkDropDown       *entity_drop;
  GtkEntry          *from_entry;
  GtkEntry          *to_entry;
  GtkButton         *verify_button;
  GtkStack          *stack;
  GtkScrolledWindow *scrolled;
  GtkColumnView     *column_view;
};

G_DEFINE_FINAL_TYPE (HmrAuditPage, hmr_audit_page, HMR_TYPE_AREA_PAGE)

static const char *
chosen (GtkDropDown *drop,
        GPtrArray   *values)
{
  guint pos = gtk_drop_down_get_selected (drop);

  if (values == NULL || pos == GTK_INVALID_LIST_POSITION || pos == 0 || pos > values->len)
    return NULL;
  return g_ptr_array_index (values, pos - 1);
}

/* Who, which record and what changed, in words: staff by their names,
 * records by their case, grant or act numbers, never by their ids */
static void
describe_row (HmrAuditPage *self,
              HmrAuditItem *item)
{
  HmrStore *store = hmr_area_page_get_store (HMR_AREA_PAGE (self));
  const HmrActor *actor = hmr_area_page_get_actor (HMR_AREA_PAGE (self));
  const HmrAuditEntry *e = item->entry;
  g_autofree char *entity = hmr_audit_words_entity (e->entity);
  g_autofree char *name = hmr_store_dup_audit_record_name (store, actor, e->entity, e->entity_id);

  item->who = hmr_store_dup_audit_record_name (store, actor, "user", e->user_id);
  if (item->who == NULL)
    item->who = g_strdup (e->username);
  if (name != NULL)
    /* Translators: a record in the audit trail: its kind and its number or
     * name, "Referral KUL-2026-0007", "Grant KUL-G-2026-0042" */
    item->record = g_strdup_printf (C_("audit record", "%s %s"), entity, name);
  else
    item->record = g_steal_pointer (&entity);
  item->changes = hmr_audit_words_changes (store, actor, e);
}

static void
load_more (HmrAuditPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  HmrAuditQuery query = { 0, };

  if (self->at_end)
    return;

  query.username = chosen (self->user_drop, self->users);
  query.action = chosen (self->action_drop, self->actions);
  query.entity = chosen (self->entity_drop, self->entities);
  query.from_day = self->from_day;
  query.to_day = self->to_day;
  query.limit = PAGE_SIZE;

  rows = hmr_store_search_audit_page (hmr_area_page_get_store (HMR_AREA_PAGE (self)),
                                      hmr_area_page_get_actor (HMR_AREA_PAGE (self)),
                                      &query, self->last_seq, &error);
  if (rows == NULL)
    {
      self->at_end = TRUE;
      hmr_gui_show_error_toast (GTK_WIDGET (self->stack), error->message);
      return;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      HmrAuditItem *item = g_object_new (HMR_TYPE_AUDIT_ITEM, NULL);

      /* The item takes the entry over from the array */
      item->entry = g_ptr_array_index (rows, i);
      g_ptr_array_index (rows, i) = NULL;
      describe_row (self, item);
      self->last_seq = item->entry->seq;
      g_list_store_append (self->items, item);
      g_object_unref (item);
    }
  if (rows->len < PAGE_SIZE)
    self->at_end = TRUE;
}

/**
 * hmr_audit_page_reload:
 *
 * Shows the newest rows that match the filters again.
 */
void
hmr_audit_page_reload (HmrAuditPage *self)
{
  g_return_if_fail (HMR_IS_AUDIT_PAGE (self));

  g_list_store_remove_all (self->items);
  self->last_seq = 0;
  self->at_end = FALSE;
  load_more (self);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->items)) > 0 ? "rows" : "empty");
}

static gboolean
read_day (HmrAuditPage  *self,
          GtkEntry      *entry,
          char         **out)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  GDate date;
  char buf[16];

  g_clear_pointer (out, g_free);
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  if (trimmed[0] == '\0')
    return TRUE;
  if (!hmr_parse_user_date (trimmed, &date))
    {
      g_autofree char *message = NULL;

      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      /* Translators: %s is what was typed in a date filter */
      message = g_strdup_printf (_("“%s” is not a date: write it as 21.03.2026."), trimmed);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      return FALSE;
    }
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &date);
  *out = g_strdup (buf);
  return TRUE;
}

static void
on_filter_changed (HmrAuditPage *self)
{
  if (!read_day (self, self->from_entry, &self->from_day) ||
      !read_day (self, self->to_entry, &self->to_day))
    return;
  hmr_audit_page_reload (self);
}

static void
on_edge_reached (HmrAuditPage    *self,
                 GtkPositionType  pos)
{
  if (pos == GTK_POS_BOTTOM)
    load_more (self);
}

/**
 * hmr_audit_page_open_record:
 *
 * Opens the case file a row is about, when there is one and the user may
 * read it.
 *
 * Returns: whether a case file was opened
 */
gboolean
hmr_audit_page_open_record (HmrAuditPage *self,
                            guint         position)
{
  const HmrAuditEntry *e = hmr_audit_page_get_entry (self, position);
  const HmrActor *actor = hmr_area_page_get_actor (HMR_AREA_PAGE (self));
  g_autofree char *beneficiary_id = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (e == NULL || root == NULL ||
      !hmr_permission_allows (actor, HMR_ACTION_BENEFICIARY_READ_IDENTITY, NULL))
    return FALSE;
  beneficiary_id = hmr_store_dup_audit_beneficiary (hmr_area_page_get_store (HMR_AREA_PAGE (self)), actor,
                                                    e->entity, e->entity_id, NULL);
  if (beneficiary_id == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("This row is not about a case file.")));
      return FALSE;
    }
  /* The window says so itself when the case file cannot be opened */
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.open-case-file", "s", beneficiary_id))
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("This case file cannot be opened: it was removed, or your role may not read it.")));
      return FALSE;
    }
  return TRUE;
}

static void
on_row_activated (HmrAuditPage *self,
                  guint         position)
{
  hmr_audit_page_open_record (self, position);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  hmr_audit_page_reload (HMR_AUDIT_PAGE (widget));
}

/* ---- verifying the chain -------------------------------------------------- */

typedef struct
{
  gint64 checked;
  gint64 broken;
} VerifyResult;

static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  HmrAuditPage *self = source_object;
  g_autoptr(HmrStore) store = NULL;
  g_autoptr(GError) error = NULL;
  VerifyResult *result = g_new0 (VerifyResult, 1);

  store = hmr_store_open_sibling (task_data, &error);
  if (store == NULL ||
      !hmr_store_verify_audit (store, hmr_area_page_get_actor (HMR_AREA_PAGE (self)),
                               &result->checked, &result->broken, &error))
    {
      g_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, result, g_free);
}

static void
on_verify_done (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  HmrAuditPage *self = HMR_AUDIT_PAGE (source);
  g_autoptr(GError) error = NULL;
  g_autofree VerifyResult *result = g_task_propagate_pointer (G_TASK (res), &error);
  g_autofree char *message = NULL;

  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audit.verify", TRUE);

  if (result == NULL)
    {
      hmr_gui_show_error_toast (GTK_WIDGET (self->stack), error->message);
      return;
    }
  if (result->broken == 0)
    {
      g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, result->checked);

      /* Translators: %s is a number of rows */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "The audit trail is intact: %s row checked.",
                                              "The audit trail is intact: %s rows checked.",
                                              (gulong) result->checked),
                                 n);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
    }
  else
    {
      g_autofree char *row = g_strdup_printf ("%" G_GINT64_FORMAT, result->broken);
      GtkWidget *dialog;

      dialog = adw_message_dialog_new (hmr_gui_get_parent_window (GTK_WIDGET (self)),
                                       _("The Audit Trail Was Changed"), NULL);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      /* Translators: %s is the number of an audit row */
                                      _("Row %s does not match the rows before it: it, or a row "
                                        "before it, was changed or removed outside Hamroh. Rows from there on "
                                        "cannot be trusted. Keep a copy of the database and tell your organisation’s "
                                        "data protection officer."),
                                      row);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
verify_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HmrAuditPage *self = HMR_AUDIT_PAGE (widget);
  g_autoptr(GTask) task = NULL;

  gtk_widget_action_set_enabled (widget, "audit.verify", FALSE);
  task = g_task_new (self, self->cancellable, on_verify_done, NULL);
  g_task_set_source_tag (task, verify_action);
  g_task_set_task_data (task, g_object_ref (hmr_area_page_get_store (HMR_AREA_PAGE (self))),
                        g_object_unref);
  g_task_run_in_thread (task, verify_thread);
}

/* ---- columns ---------------------------------------------------------------- */

typedef enum
{
  COLUMN_WHEN,
  COLUMN_WHO,
  COLUMN_ACTION,
  COLUMN_RECORD,
  COLUMN_CHANGES,
} Column;

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  data)
{
  HmrAuditItem *item = gtk_list_item_get_item (list_item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  const HmrAuditEntry *e = item->entry;
  g_autofree char *text = NULL;
  const char *tooltip = NULL;

  switch ((Column) GPOINTER_TO_INT (data))
    {
    case COLUMN_WHEN:
      text = hmr_gui_format_timestamp (e->at);
      break;
    case COLUMN_WHO:
      text = g_strdup (item->who);
      /* the account's user name, as the filter lists it */
      tooltip = e->username;
      break;
    case COLUMN_ACTION:
      text = hmr_audit_words_action (e->action);
      break;
    case COLUMN_RECORD:
      text = g_strdup (item->record);
      break;
    case COLUMN_CHANGES:
    default:
      text = g_strdup (item->changes);
      break;
    }
  gtk_label_set_label (label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), tooltip != NULL ? tooltip : text);
}

static void
add_column (HmrAuditPage *self,
            const char   *title,
            Column        column,
            gboolean      expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_append_column (self->column_view, col);
  g_object_unref (col);
}

/* The choices of a filter: "any" first, then the values the trail holds */
static GPtrArray *
fill_drop (HmrAuditPage   *self,
           GtkDropDown    *drop,
           HmrAuditColumn  column,
           const char     *any,
           char         *(*label) (const char *code))
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  GPtrArray *values = hmr_store_list_audit_values (hmr_area_page_get_store (HMR_AREA_PAGE (self)),
                                                   hmr_area_page_get_actor (HMR_AREA_PAGE (self)),
                                                   column, NULL);

  if (values == NULL)
    values = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (strings, any);
  for (guint i = 0; i < values->len; i++)
    {
      g_autofree char *text = label ? label (g_ptr_array_index (values, i))
                                    : g_strdup (g_ptr_array_index (values, i));
      gtk_string_list_append (strings, text);
    }
  gtk_drop_down_set_model (drop, G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (drop, 0);
  g_signal_connect_object (drop, "notify::selected", G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
  return values;
}

/* ---- GObject ------------------------------------------------------------------ */

static void
hmr_audit_page_constructed (GObject *object)
{
  HmrAuditPage *self = HMR_AUDIT_PAGE (object);
  const HmrActor *actor;

  G_OBJECT_CLASS (hmr_audit_page_parent_class)->constructed (object);

  actor = hmr_area_page_get_actor (HMR_AREA_PAGE (self));
  self->users = fill_drop (self, self->user_drop, HMR_AUDIT_COLUMN_USERNAME, _("All users"), NULL);
  self->actions = fill_drop (self, self->action_drop, HMR_AUDIT_COLUMN_ACTION, _("All actions"), hmr_audit_words_action);
  self->entities = fill_drop (self, self->entity_drop, HMR_AUDIT_COLUMN_ENTITY, _("All records"), hmr_audit_words_entity);

  /* Only who may verify sees the button */
  gtk_widget_set_visible (GTK_WIDGET (self->verify_button),
                          hmr_permission_allows (actor, HMR_ACTION_AUDIT_VERIFY, NULL));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audit.verify",
                                 hmr_permission_allows (actor, HMR_ACTION_AUDIT_VERIFY, NULL));

  hmr_audit_page_reload (self);
}

static void
hmr_audit_page_dispose (GObject *object)
{
  HmrAuditPage *self = HMR_AUDIT_PAGE (object);

  /* AdwBin unparents its child itself: no gtk_widget_dispose_template () */
  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (hmr_audit_page_parent_class)->dispose (object);
}

static void
hmr_audit_page_finalize (GObject *object)
{
  HmrAuditPage *self = HMR_AUDIT_PAGE (object);

  g_clear_object (&self->items);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->users, g_ptr_array_unref);
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  g_clear_pointer (&self->entities, g_ptr_array_unref);
  g_free (self->from_day);
  g_free (self->to_day);

  G_OBJECT_CLASS (hmr_audit_page_parent_class)->finalize (object);
}

static void
hmr_audit_page_class_init (HmrAuditPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hmr_audit_page_constructed;
  object_class->dispose = hmr_audit_page_dispose;
  object_class->finalize = hmr_audit_page_finalize;

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/admin/hmr-audit-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrAuditPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HmrAuditPage, user_drop);
  gtk_widget_class_bind_template_child (widget_class, HmrAuditPage, action_drop);
  gtk_widget_class_bind_template_child (widget_class, HmrAuditPage, entity_drop);
  gtk_widget_class_bind_template_child (widget_class, HmrAuditPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, HmrAuditPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, HmrAuditPage, verify_button);
  gtk_widget_class_bind_template_child (widget_class, HmrAuditPage, stack);
  gtk_widget_class_bind_template_child (widget_class, HmrAuditPage, scrolled);
  gtk_widget_class_bind_template_child (widget_class, HmrAuditPage, column_view);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_edge_reached);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_install_action (widget_class, "audit.verify", NULL, verify_action);
  gtk_widget_class_install_action (widget_class, "audit.refresh", NULL, refresh_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "audit.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "audit.refresh", NULL);
}

static void
hmr_audit_page_init (HmrAuditPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  self->cancellable = g_cancellable_new ();
  self->items = g_list_store_new (HMR_TYPE_AUDIT_ITEM);
  gtk_widget_init_template (GTK_WIDGET (self));

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  add_column (self, C_("audit column", "When"), COLUMN_WHEN, FALSE);
  add_column (self, C_("audit column", "Who"), COLUMN_WHO, FALSE);
  add_column (self, C_("audit column", "Action"), COLUMN_ACTION, FALSE);
  add_column (self, C_("audit column", "Record"), COLUMN_RECORD, FALSE);
  add_column (self, C_("audit column", "What Changed"), COLUMN_CHANGES, TRUE);
}

HmrAuditPage *
hmr_audit_page_new (HmrStore       *store,
                    const HmrActor *actor)
{
  g_return_val_if_fail (HMR_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);

  return g_object_new (HMR_TYPE_AUDIT_PAGE, "store", store, "actor", actor, NULL);
}

GListModel *
hmr_audit_page_get_model (HmrAuditPage *self)
{
  g_return_val_if_fail (HMR_IS_AUDIT_PAGE (self), NULL);
  return G_LIST_MODEL (self->items);
}

const HmrAuditEntry *
hmr_audit_page_get_entry (HmrAuditPage *self,
                          guint         position)
{
  g_autoptr(HmrAuditItem) item = NULL;

  g_return_val_if_fail (HMR_IS_AUDIT_PAGE (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  /* The store keeps the item, and so the entry, alive */
  return item ? item->entry : NULL;
}

/**
 * hmr_audit_page_dup_row_text:
 * @column: 0 when, 1 who, 2 action, 3 record, 4 what changed
 *
 * Returns: (transfer full) (nullable): a cell's text, as the row shows it
 */
char *
hmr_audit_page_dup_row_text (HmrAuditPage *self,
                             guint         position,
                             guint         column)
{
  g_autoptr(HmrAuditItem) item = NULL;

  g_return_val_if_fail (HMR_IS_AUDIT_PAGE (self), NULL);

  item = g_list_model_get_item (G_LIST_MODEL (self->items), position);
  if (item == NULL)
    return NULL;
  switch ((Column) column)
    {
    case COLUMN_WHEN:
      return hmr_gui_format_timestamp (item->entry->at);
    case COLUMN_WHO:
      return g_strdup (item->who);
    case COLUMN_ACTION:
      return hmr_audit_words_action (item->entry->action);
    case COLUMN_RECORD:
      return g_strdup (item->record);
    case COLUMN_CHANGES:
      return g_strdup (item->changes);
    default:
      return NULL;
    }
}

/**
 * hmr_audit_page_set_filter:
 *
 * Chooses the filters as a person would in the drop-downs.
 */
void
hmr_audit_page_set_filter (HmrAuditPage *self,
                           const char   *username,
                           const char   *action,
                           const char   *entity)
{
  struct { GtkDropDown *drop; GPtrArray *values; const char *value; } filters[] = {
    { self->user_drop, self->users, username },
    { self->action_drop, self->actions, action },
    { self->entity_drop, self->entities, entity },
  };

  g_return_if_fail (HMR_IS_AUDIT_PAGE (self));

  for (guint f = 0; f < G_N_ELEMENTS (filters); f++)
    {
      guint pos = 0;

      for (guint i = 0; filters[f].value != NULL && i < filters[f].values->len; i++)
        if (g_strcmp0 (g_ptr_array_index (filters[f].values, i), filters[f].value) == 0)
          pos = i + 1;
      gtk_drop_down_set_selected (filters[f].drop, pos);
    }
}

gboolean
hmr_audit_page_allowed (const HmrActor *actor)
{
  return hmr_permission_allows (actor, HMR_ACTION_AUDIT_READ, NULL);
}

GtkWidget *
hmr_audit_page_create_area (HmrContext *context)
{
  return g_object_new (HMR_TYPE_AUDIT_PAGE, "context", context, NULL);
}
