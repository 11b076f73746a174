/* hmr-session-dialog.c
 *
 * A new session is saved first (its details); then the attendance groups
 * appear.  Every change is saved at once and the dialog emits "changed".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-gui-util.h"
#include "hmr-labels.h"
#include "hmr-session-dialog.h"
#include "hmr-session.h"

#define N_RESULTS 8

struct _HmrSessionDialog
{
  AdwWindow        parent_instance;

  HmrStore        *store;
  HmrActor        *actor;
  char            *session_id;
  GPtrArray       *districts;
  char            *error;
  guint            n_attendees;

  /* Template widgets */
  AdwWindowTitle  *window_title;
  GtkLabel        *error_label;
  AdwComboRow     *district_row;
  AdwEntryRow     *date_row;
  AdwEntryRow     *module_row;
  AdwEntryRow     *jamoat_row;
  AdwEntryRow     *venue_row;
  AdwEntryRow     *facilitator_row;
  AdwEntryRow     *partner_row;
  GtkSpinButton   *capacity_spin;
  AdwPreferencesGroup *attendance_group;
  GtkListBox      *attendee_list;
  AdwPreferencesGroup *add_group;
  GtkSearchEntry  *search_entry;
  GtkListBox      *results_list;
  AdwPreferencesGroup *walk_in_group;
  AdwEntryRow     *walk_name_row;
  AdwComboRow     *walk_sex_row;
  AdwComboRow     *walk_age_row;
  AdwEntryRow     *walk_phone_row;
};

G_DEFINE_FINAL_TYPE (HmrSessionDialog, hmr_session_dialog, ADW_TYPE_WINDOW)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char * const sexes[] = { "female", "male" };

static void
show_error (HmrSessionDialog *self,
            const char       *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

/* ---- attendance ------------------------------------------------------ */

static void reload_attendance (HmrSessionDialog *self);

static void
changed (HmrSessionDialog *self)
{
  reload_attendance (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_remove_clicked (GtkButton        *button,
                   HmrSessionDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!hmr_store_remove_attendee (self->store, self->actor, g_object_get_data (G_OBJECT (button), "attendance-id"),
                                  &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  changed (self);
}

typedef struct
{
  HmrSessionDialog *self;
  char             *attendance_id;
  HmrBeneficiary   *candidate;
  char             *existing_id;
} Register;

static void
register_free (Register *r)
{
  g_object_unref (r->self);
  g_free (r->attendance_id);
  g_clear_object (&r->candidate);
  g_free (r->existing_id);
  g_free (r);
}

static void
on_duplicate_response (AdwMessageDialog *dialog,
                       const char       *response,
                       Register         *r)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (g_strcmp0 (response, "link") == 0)
    ok = hmr_store_link_walk_in (r->self->store, r->self->actor, r->attendance_id, r->existing_id, &error);
  else if (g_strcmp0 (response, "register") == 0)
    ok = hmr_store_register_walk_in (r->self->store, r->self->actor, r->attendance_id, r->candidate, TRUE,
                                     NULL, &error);
  else
    {
      register_free (r);
      return;
    }
  if (!ok)
    show_error (r->self, error->message);
  else
    {
      show_error (r->self, NULL);
      changed (r->self);
    }
  register_free (r);
}

static void
on_register_clicked (GtkButton        *button,
                     HmrSessionDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) duplicates = NULL;
  g_autoptr(HmrBeneficiary) candidate = NULL;
  const char *attendance_id = g_object_get_data (G_OBJECT (button), "attendance-id");
  HmrBeneficiary *first;
  Register *r;
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  candidate = hmr_store_walk_in_candidate (self->store, self->actor, attendance_id, &error);
  if (candidate != NULL &&
      hmr_store_register_walk_in (self->store, self->actor, attendance_id, candidate, FALSE, &duplicates, &error))
    {
      show_error (self, NULL);
      changed (self);
      return;
    }
  if (duplicates == NULL || duplicates->len == 0)
    {
      show_error (self, error->message);
      return;
    }

  /* the duplicate check found someone: the same person, or register anyway */
  first = g_ptr_array_index (duplicates, 0);
  r = g_new0 (Register, 1);
  r->self = g_object_ref (self);
  r->attendance_id = g_strdup (attendance_id);
  r->candidate = g_steal_pointer (&candidate);
  r->existing_id = g_strdup (hmr_beneficiary_get (first, HMR_BENEFICIARY_ID));
  /* Translators: %1$s is a case number, %2$s and %3$s the family and given name */
  body = g_strdup_printf (_("%1$s, %2$s %3$s, is registered already and looks like the same person."),
                          hmr_beneficiary_get (first, HMR_BENEFICIARY_CASE_NUMBER),
                          hmr_beneficiary_get (first, HMR_BENEFICIARY_FAMILY_NAME),
                          hmr_beneficiary_get (first, HMR_BENEFICIARY_GIVEN_NAME));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Registered Already?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "register", _("_Register Anyway"),
                                    "link", _("_Same Person"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "link", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "link");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_duplicate_response), r);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
attendee_row (HmrSessionDialog  *self,
              const HmrAttendee *a)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autoptr(GString) sub = g_string_new (hmr_sex_get_label (a->sex));
  HmrAgeGroup group;

  if (hmr_age_group_from_string (a->age_group, &group))
    g_string_append_printf (sub, ", %s", hmr_age_group_get_label (group));
  if (a->phone)
    g_string_append_printf (sub, " · %s", a->phone);
  if (a->case_number)
    g_string_append_printf (sub, " · %s", a->case_number);
  else
    g_string_append_printf (sub, " · %s", _("walk-in, not registered"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), a->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub->str);
  if (a->beneficiary_id == NULL)
    {
      GtkWidget *reg = gtk_button_new_with_mnemonic (_("_Register"));

      gtk_widget_set_valign (reg, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (reg, _("Register this walk-in as a beneficiary"));
      g_object_set_data_full (G_OBJECT (reg), "attendance-id", g_strdup (a->id), g_free);
      g_signal_connect (reg, "clicked", G_CALLBACK (on_register_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), reg);
    }
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove from the attendance"));
  hmr_gui_set_accessible_label (remove, _("Remove from the attendance"));
  g_object_set_data_full (G_OBJECT (remove), "attendance-id", g_strdup (a->id), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
reload_attendance (HmrSessionDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(HmrSession) s = NULL;
  g_autofree char *title = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attendee_list))) != NULL)
    gtk_list_box_remove (self->attendee_list, child);
  if (self->session_id == NULL)
    return;
  s = hmr_store_get_session (self->store, self->actor, self->session_id, &error);
  list = s ? hmr_store_list_attendance (self->store, self->actor, self->session_id, &error) : NULL;
  if (list == NULL)
    {
      show_error (self, error->message);
      return;
    }
  self->n_attendees = list->len;
  for (guint i = 0; i < list->len; i++)
    gtk_list_box_append (self->attendee_list, attendee_row (self, g_ptr_array_index (list, i)));
  /* Translators: attendance of a session: people out of its capacity, women, men */
  title = g_strdup_printf (_("%u of %d people: %u women, %u men"), s->n_attended, s->capacity,
                           s->n_female, s->n_male);
  adw_preferences_group_set_description (self->attendance_group, title);
  gtk_widget_set_visible (GTK_WIDGET (self->attendance_group), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->add_group), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->walk_in_group), TRUE);
}

/* ---- adding people --------------------------------------------------- */

static void
on_add_clicked (GtkButton        *button,
                HmrSessionDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = hmr_store_add_attendee (self->store, self->actor, self->session_id,
                                                g_object_get_data (G_OBJECT (button), "beneficiary-id"), &error);

  if (id == NULL)
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  changed (self);
}

/**
 * hmr_session_dialog_search:
 *
 * Lists the first registered people matching @text, each with an Add
 * button, as typing in the search entry does.
 */
void
hmr_session_dialog_search (HmrSessionDialog *self,
                           const char       *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) people = NULL;
  HmrBeneficiaryQuery q = { 0 };
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);
  if (text == NULL || g_utf8_strlen (text, -1) < 2)
    return;
  q.text = text;
  q.limit = N_RESULTS;
  ids = hmr_store_query_beneficiary_ids (self->store, self->actor, &q, NULL, &error);
  people = ids ? hmr_store_load_beneficiaries (self->store, self->actor, (const gint64 *) ids->data, ids->len,
                                               &error) : NULL;
  if (people == NULL)
    {
      show_error (self, error->message);
      return;
    }
  for (guint i = 0; i < people->len; i++)
    {
      HmrBeneficiary *b = g_ptr_array_index (people, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add"));
      g_autofree char *title = g_strdup_printf ("%s %s", hmr_beneficiary_get (b, HMR_BENEFICIARY_FAMILY_NAME),
                                                hmr_beneficiary_get (b, HMR_BENEFICIARY_GIVEN_NAME));
      g_autofree char *sub = g_strdup_printf ("%s · %s", hmr_beneficiary_get (b, HMR_BENEFICIARY_CASE_NUMBER),
                                              hmr_district_get_label (hmr_beneficiary_get (b, HMR_BENEFICIARY_DISTRICT)));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
      gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (add, _("Mark this person present"));
      g_object_set_data_full (G_OBJECT (add), "beneficiary-id",
                              g_strdup (hmr_beneficiary_get (b, HMR_BENEFICIARY_ID)), g_free);
      g_signal_connect (add, "clicked", G_CALLBACK (on_add_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), add);
      gtk_list_box_append (self->results_list, row);
    }
}

static void
on_search_changed (HmrSessionDialog *self)
{
  hmr_session_dialog_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
add_walk_in_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HmrSessionDialog *self = HMR_SESSION_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  guint sex = adw_combo_row_get_selected (self->walk_sex_row);
  guint age = adw_combo_row_get_selected (self->walk_age_row);
  HmrWalkIn w = {
    text_of (self->walk_name_row),
    sex < G_N_ELEMENTS (sexes) ? sexes[sex] : NULL,
    age < HMR_N_AGE_GROUPS ? hmr_age_group_to_string (age) : NULL,
    text_of (self->walk_phone_row),
  };

  id = hmr_store_add_walk_in (self->store, self->actor, self->session_id, &w, &error);
  if (id == NULL)
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  set_text (self->walk_name_row, NULL);
  set_text (self->walk_phone_row, NULL);
  changed (self);
}

/* ---- the session itself ---------------------------------------------- */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HmrSessionDialog *self = HMR_SESSION_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  guint d = adw_combo_row_get_selected (self->district_row);
  HmrSessionPlan plan = {
    .district = d < self->districts->len ? g_ptr_array_index (self->districts, d) : NULL,
    .held_on = text_of (self->date_row),
    .jamoat = text_of (self->jamoat_row),
    .venue = text_of (self->venue_row),
    .module = text_of (self->module_row),
    .facilitator_name = text_of (self->facilitator_row),
    .partner = text_of (self->partner_row),
    .capacity = gtk_spin_button_get_value_as_int (self->capacity_spin),
  };

  if (self->session_id == NULL)
    {
      self->session_id = hmr_store_plan_session (self->store, self->actor, &plan, &error);
      if (self->session_id != NULL)
        adw_window_title_set_title (self->window_title, _("Group Session"));
    }
  else
    hmr_store_update_session (self->store, self->actor, self->session_id, &plan, &error);
  if (error != NULL)
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  changed (self);
}

static void
load (HmrSessionDialog *self,
      const HmrSession *s)
{
  g_autofree char *date = hmr_gui_format_date (s->held_on);

  for (guint i = 0; i < self->districts->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->districts, i), s->district) == 0)
      adw_combo_row_set_selected (self->district_row, i);
  set_text (self->date_row, date);
  set_text (self->module_row, s->module);
  set_text (self->jamoat_row, s->jamoat);
  set_text (self->venue_row, s->venue);
  set_text (self->facilitator_row, s->facilitator_name);
  set_text (self->partner_row, s->partner);
  gtk_spin_button_set_value (self->capacity_spin, s->capacity);
}

static GtkStringList *
string_list (const char *const *labels,
             guint               n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, labels[i]);
  return list;
}

/**
 * hmr_session_dialog_new:
 * @session_id: (nullable): the session to open; %NULL plans a new one
 *
 * Returns: (transfer floating) (nullable): the dialog, or %NULL with
 *   @error when the session cannot be read
 */
HmrSessionDialog *
hmr_session_dialog_new (HmrStore        *store,
                        const HmrActor  *actor,
                        const char      *session_id,
                        GError         **error)
{
  g_autoptr(HmrSession) s = NULL;
  g_autoptr(GPtrArray) districts = NULL;
  g_autoptr(GtkStringList) district_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sex_labels = NULL;
  g_autoptr(GtkStringList) age_labels = gtk_string_list_new (NULL);
  const char *sex_text[] = { hmr_sex_get_label ("female"), hmr_sex_get_label ("male") };
  HmrSessionDialog *self;
  guint pick = 0;

  if (session_id != NULL)
    {
      s = hmr_store_get_session (store, actor, session_id, error);
      if (s == NULL)
        return NULL;
    }
  districts = hmr_store_list_districts (store, error);
  if (districts == NULL)
    return NULL;

  self = g_object_new (HMR_TYPE_SESSION_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->actor = hmr_actor_copy (actor);
  self->session_id = g_strdup (session_id);
  self->districts = g_ptr_array_ref (districts);
  for (guint i = 0; i < districts->len; i++)
    {
      g_autofree char *office = hmr_store_dup_office_for_district (store, g_ptr_array_index (districts, i), NULL);

      gtk_string_list_append (district_labels, hmr_district_get_label (g_ptr_array_index (districts, i)));
      if (actor->office_id != NULL && g_strcmp0 (office, actor->office_id) == 0)
        pick = i;
    }
  adw_combo_row_set_model (self->district_row, G_LIST_MODEL (district_labels));
  adw_combo_row_set_selected (self->district_row, pick);
  sex_labels = string_list (sex_text, G_N_ELEMENTS (sex_text));
  adw_combo_row_set_model (self->walk_sex_row, G_LIST_MODEL (sex_labels));
  adw_combo_row_set_selected (self->walk_sex_row, 1);
  for (guint g = 0; g < HMR_N_AGE_GROUPS; g++)
    gtk_string_list_append (age_labels, hmr_age_group_get_label (g));
  adw_combo_row_set_model (self->walk_age_row, G_LIST_MODEL (age_labels));
  adw_combo_row_set_selected (self->walk_age_row, HMR_AGE_25_34);

  if (s != NULL)
    {
      adw_window_title_set_title (self->window_title, _("Group Session"));
      load (self, s);
      reload_attendance (self);
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Plan a Group Session"));
      set_text (self->facilitator_row, actor->full_name);
    }
  if (!hmr_permission_allows (actor, HMR_ACTION_SESSION_WRITE, s ? s->office_id : NULL))
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.save", FALSE);
  return self;
}

const char *
hmr_session_dialog_get_session_id (HmrSessionDialog *self)
{
  return self->session_id;
}

const char *
hmr_session_dialog_get_error (HmrSessionDialog *self)
{
  return self->error;
}

guint
hmr_session_dialog_get_n_attendees (HmrSessionDialog *self)
{
  return self->n_attendees;
}

static void
hmr_session_dialog_finalize (GObject *object)
{
  HmrSessionDialog *self = HMR_SESSION_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, hmr_actor_free);
  g_clear_pointer (&self->session_id, g_free);
  g_clear_pointer (&self->districts, g_ptr_array_unref);
  g_clear_pointer (&self->error, g_free);
  G_OBJECT_CLASS (hmr_session_dialog_parent_class)->finalize (object);
}

static void
hmr_session_dialog_class_init (HmrSessionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = hmr_session_dialog_finalize;

  /**
   * HmrSessionDialog::changed:
   *
   * The session or its attendance was saved.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/sessions/hmr-session-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrSessionDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, HmrSessionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HmrSessionDialog, district_row);
  gtk_widget_class_bind_template_child (widget_class, HmrSessionDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, HmrSessionDialog, module_row);
  gtk_widget_class_bind_template_child (widget_class, HmrSessionDialog, jamoat_row);
  gtk_widget_class_bind_template_child (widget_class, HmrSessionDialog, venue_row);
  gtk_widget_class_bind_template_child (widget_class, HmrSessionDialog, facilitator_row);
  gtk_widget_class_bind_template_child (widget_class, HmrSessionDialog, partner_row);
  gtk_widget_class_bind_template_child (widget_class, HmrSessionDialog, capacity_spin);
  gtk_widget_class_bind_template_child (widget_class, HmrSessionDialog, attendance_group);
  gtk_widget_class_bind_template_child (widget_class, HmrSessionDialog, attendee_list);
  gtk_widget_class_bind_template_child (widget_class, HmrSessionDialog, add_group);
  gtk_widget_class_bind_template_child (widget_class, HmrSessionDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HmrSessionDialog, results_list);
  gtk_widget_class_bind_template_child (widget_class, HmrSessionDialog, walk_in_group);
  gtk_widget_class_bind_template_child (widget_class, HmrSessionDialog, walk_name_row);
  gtk_widget_class_bind_template_child (widget_class, HmrSessionDialog, walk_sex_row);
  gtk_widget_class_bind_template_child (widget_class, HmrSessionDialog, walk_age_row);
  gtk_widget_class_bind_template_child (widget_class, HmrSessionDialog, walk_phone_row);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);

  gtk_widget_class_install_action (widget_class, "session.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "session.add-walk-in", NULL, add_walk_in_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "session.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hmr_session_dialog_init (HmrSessionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
