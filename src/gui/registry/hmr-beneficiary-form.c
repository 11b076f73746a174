/* hmr-beneficiary-form.c
 *
 * Save validates with the core's rules first: each problem is shown below
 * its field, the first wrong field gets the focus, and nothing is saved.
 * A refusal of the store (a conflict, a full disk, a permission) is shown
 * as a toast; the form keeps everything that was typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "hmr-beneficiary-form.h"
#include "hmr-beneficiary-form-fields.h"
#include "hmr-case-file.h"
#include "hmr-duplicates-dialog.h"
#include "hmr-gui-util.h"
#include "hmr-intake.h"

struct _HmrBeneficiaryForm
{
  AdwWindow        parent_instance;

  HmrStore        *store;
  HmrActor        *actor;
  HmrBeneficiary  *beneficiary;   /* the record edited; NULL when registering */
  HmrBeneficiary  *snapshot;      /* what the widgets held when loaded */
  HmrFormFields    fields;
  gboolean         closing;       /* saved, or discarding was confirmed */
  gboolean         confirming;

  /* Template widgets */
  AdwWindowTitle  *window_title;
  AdwToastOverlay *toast_overlay;
  GtkButton       *save_button;
  GtkLabel        *save_label;
  GtkWidget       *consent_record_group;
  GtkSwitch       *consent_record_switch;
  GtkWidget       *groups[5];
};

/* Everything the form records beyond the consent to record */
static const char * const recorded_groups[] = {
  "consent_group", "name_group", "person_group", "place_group", "situation_group",
};

G_DEFINE_FINAL_TYPE (HmrBeneficiaryForm, hmr_beneficiary_form, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ACTOR,
  PROP_BENEFICIARY,
  N_PROPS
};

enum {
  SAVED,
  OPEN_EXISTING,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_toast (HmrBeneficiaryForm *self,
            const char         *message,
            guint               timeout)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, timeout);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* ---- the record ---------------------------------------------------- */

static HmrBeneficiary *
build_record (HmrBeneficiaryForm *self)
{
  HmrBeneficiary *record;

  record = self->beneficiary ? hmr_beneficiary_copy (self->beneficiary) : hmr_beneficiary_new ();
  hmr_form_fields_read (&self->fields, record);
  return record;
}

static void
take_snapshot (HmrBeneficiaryForm *self)
{
  g_clear_object (&self->snapshot);
  self->snapshot = build_record (self);
}

static void
preselect_own_district (HmrBeneficiaryForm *self)
{
  g_autoptr(GPtrArray) districts = NULL;

  /* A caseworker registers people of their own office, most often of its
   * district: start with that one */
  if (self->actor->office_id == NULL)
    return;
  districts = hmr_store_list_districts (self->store, NULL);
  for (guint i = 0; districts != NULL && i < districts->len; i++)
    {
      const char *district = g_ptr_array_index (districts, i);
      g_autofree char *office = hmr_store_dup_office_for_district (self->store, district, NULL);

      if (g_strcmp0 (office, self->actor->office_id) == 0)
        {
          g_autoptr(HmrBeneficiary) b = build_record (self);

          hmr_beneficiary_set (b, HMR_BENEFICIARY_DISTRICT, district);
          hmr_form_fields_load (&self->fields, b);
          return;
        }
    }
}

static void
on_field_changed (gpointer            user_data,
                  HmrBeneficiaryField field)
{
  HmrBeneficiaryForm *self = user_data;

  /* The field being corrected loses its message */
  hmr_form_fields_clear_error (&self->fields, field);
}

/* ---- save ------------------------------------------------------------ */

static gboolean
show_problems (HmrBeneficiaryForm *self,
               HmrBeneficiary     *record)
{
  g_autoptr(GPtrArray) problems = NULL;
  const HmrFormFieldInfo *info;
  GString *elsewhere = g_string_new (NULL);
  gboolean focused = FALSE;
  GDate today;
  guint n_info;

  hmr_store_get_today (self->store, &today);
  problems = hmr_beneficiary_validate (record, &today);
  hmr_form_fields_clear_errors (&self->fields);

  for (guint i = 0; i < problems->len; i++)
    {
      HmrFieldProblem *problem = g_ptr_array_index (problems, i);

      if (!hmr_form_fields_show_error (&self->fields, problem->field, problem->message))
        {
          if (elsewhere->len > 0)
            g_string_append_c (elsewhere, '\n');
          g_string_append (elsewhere, problem->message);
        }
    }

  /* The first wrong field in the order of the form gets the focus */
  info = hmr_form_fields_get_info (&n_info);
  for (guint i = 0; i < n_info && !focused; i++)
    for (guint j = 0; j < problems->len && !focused; j++)
      if (((HmrFieldProblem *) g_ptr_array_index (problems, j))->field == info[i].field)
        {
          hmr_form_fields_focus (&self->fields, info[i].field);
          focused = TRUE;
        }

  if (elsewhere->len > 0)
    show_toast (self, elsewhere->str, 0);
  else if (problems->len > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "Correct the field marked in red, then save again.",
                                      "Correct the %u fields marked in red, then save again.",
                                      problems->len),
                         problems->len);
      show_toast (self, message, 5);
    }
  g_string_free (elsewhere, TRUE);

  return problems->len > 0;
}

static gboolean
save (HmrBeneficiaryForm *self,
      HmrBeneficiary     *record)
{
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (self->beneficiary == NULL)
    saved = hmr_store_insert_beneficiary (self->store, self->actor, record, &error);
  else
    saved = hmr_store_update_beneficiary (self->store, self->actor, record, &error);

  if (!saved)
    {
      /* Nothing typed is lost: the form stays as it is */
      show_toast (self, error->message, 0);
      return FALSE;
    }
  return TRUE;
}

static void
finish (HmrBeneficiaryForm *self,
        HmrBeneficiary     *record)
{
  g_signal_emit (self, signals[SAVED], 0, record);
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

typedef struct
{
  HmrBeneficiaryForm *form;
  char               *response;
  char               *chosen_id;
  GPtrArray          *duplicates;
} Decision;

static void
decision_free (Decision *d)
{
  g_object_unref (d->form);
  g_free (d->response);
  g_free (d->chosen_id);
  g_ptr_array_unref (d->duplicates);
  g_free (d);
}

/* After the dialog is gone: the form may close, and the dialog is
 * transient for it */
static gboolean
carry_out_decision (gpointer user_data)
{
  Decision *d = user_data;
  HmrBeneficiaryForm *self = d->form;
  g_autoptr(HmrBeneficiary) record = NULL;
  g_autoptr(GError) error = NULL;
  const char *new_id;

  if (g_strcmp0 (d->response, "open") == 0)
    {
      /* The person is registered already: nothing new is saved */
      self->closing = TRUE;
      g_signal_emit (self, signals[OPEN_EXISTING], 0, d->chosen_id);
      gtk_window_close (GTK_WINDOW (self));
      return G_SOURCE_REMOVE;
    }

  record = build_record (self);
  if (!save (self, record))
    return G_SOURCE_REMOVE;
  new_id = hmr_beneficiary_get (record, HMR_BENEFICIARY_ID);

  if (g_strcmp0 (d->response, "mark") == 0)
    {
      if (!hmr_store_mark_duplicate (self->store, self->actor, new_id, d->chosen_id, &error))
        g_warning ("Could not mark %s as a duplicate: %s", new_id, error->message);
      else
        hmr_beneficiary_set (record, HMR_BENEFICIARY_DUPLICATE_OF, d->chosen_id);
    }
  else if (!hmr_store_record_duplicate_override (self->store, self->actor, new_id, d->duplicates, &error))
    g_warning ("Could not record the decision to register %s: %s", new_id, error->message);

  finish (self, record);
  return G_SOURCE_REMOVE;
}

static void
on_duplicates_response (HmrDuplicatesDialog *dialog,
                        const char          *response,
                        HmrBeneficiaryForm  *self)
{
  Decision *d;

  if (g_strcmp0 (response, "open") != 0 && g_strcmp0 (response, "register") != 0 &&
      g_strcmp0 (response, "mark") != 0)
    return;

  d = g_new0 (Decision, 1);
  d->form = g_object_ref (self);
  d->response = g_strdup (response);
  d->chosen_id = g_strdup (hmr_beneficiary_get (hmr_duplicates_dialog_get_selected (dialog), HMR_BENEFICIARY_ID));
  d->duplicates = g_ptr_array_ref (hmr_duplicates_dialog_get_duplicates (dialog));
  g_idle_add_full (G_PRIORITY_DEFAULT, carry_out_decision, d, (GDestroyNotify) decision_free);
}

/* Before a new person is registered: may they be registered already? */
static gboolean
ask_about_duplicates (HmrBeneficiaryForm *self,
                      HmrBeneficiary     *record)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) duplicates = NULL;
  HmrDuplicatesDialog *dialog;

  duplicates = hmr_store_find_duplicates (self->store, self->actor, record, &error);
  if (duplicates == NULL)
    {
      g_warning ("Could not look for duplicates: %s", error->message);
      return FALSE;
    }
  if (duplicates->len == 0)
    return FALSE;

  dialog = hmr_duplicates_dialog_new (GTK_WINDOW (self), record, duplicates);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_duplicates_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* ---- consent to record -------------------------------------------------- */

static gboolean
consent_refused (HmrBeneficiaryForm *self)
{
  return self->beneficiary == NULL && !gtk_switch_get_active (self->consent_record_switch);
}

/* Without consent to record, the rest of the form goes: nothing else is
 * asked, and saving records only that someone refused */
static void
on_consent_record_changed (HmrBeneficiaryForm *self)
{
  gboolean refused = consent_refused (self);

  for (guint i = 0; i < G_N_ELEMENTS (self->groups); i++)
    gtk_widget_set_visible (self->groups[i], !refused);
  gtk_label_set_label (self->save_label, refused ? _("_Record Refusal") : _("_Save"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->save_button),
                               refused ? _("Record that the person refused, and nothing about them")
                                       : _("Save the case file (Ctrl+S)"));
}

static void
record_refusal (HmrBeneficiaryForm *self)
{
  g_autoptr(GError) error = NULL;

  if (!hmr_store_record_consent_refused (self->store, self->actor, NULL, &error))
    {
      show_toast (self, error->message, 0);
      return;
    }
  /* Nothing was registered: no "saved" */
  self->closing = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HmrBeneficiaryForm *self = HMR_BENEFICIARY_FORM (widget);
  g_autoptr(HmrBeneficiary) record = NULL;

  if (consent_refused (self))
    {
      record_refusal (self);
      return;
    }
  record = build_record (self);
  if (show_problems (self, record))
    return;
  if (self->beneficiary == NULL && ask_about_duplicates (self, record))
    return;
  if (save (self, record))
    finish (self, record);
}

/* ---- cancel ------------------------------------------------------------ */

static gboolean
close_idle (gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (user_data));
  return G_SOURCE_REMOVE;
}

static void
on_discard_response (AdwMessageDialog   *dialog,
                     const char         *response,
                     HmrBeneficiaryForm *self)
{
  self->confirming = FALSE;
  if (g_strcmp0 (response, "discard") != 0)
    return;
  self->closing = TRUE;
  /* Once the dialog, which belongs to the form, has finished closing */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle, g_object_ref (self), g_object_unref);
}

static void
ask_discard (HmrBeneficiaryForm *self)
{
  GtkWidget *dialog;

  if (self->confirming)
    return;
  self->confirming = TRUE;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard Changes?"),
                                   self->beneficiary == NULL
                                   ? _("This beneficiary is not registered yet. What you typed will be lost.")
                                   : _("Your changes to this case file are not saved and will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static gboolean
hmr_beneficiary_form_close_request (GtkWindow *window)
{
  HmrBeneficiaryForm *self = HMR_BENEFICIARY_FORM (window);

  if (!self->closing && !consent_refused (self) && hmr_beneficiary_form_has_changes (self))
    {
      ask_discard (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (hmr_beneficiary_form_parent_class)->close_request (window);
}

/* ---- GObject -------------------------------------------------------- */

static void
hmr_beneficiary_form_constructed (GObject *object)
{
  HmrBeneficiaryForm *self = HMR_BENEFICIARY_FORM (object);

  G_OBJECT_CLASS (hmr_beneficiary_form_parent_class)->constructed (object);

  g_return_if_fail (HMR_IS_STORE (self->store));
  g_return_if_fail (self->actor != NULL);

  hmr_form_fields_setup (&self->fields, self->store, self->actor);
  hmr_form_fields_load (&self->fields, self->beneficiary);

  if (self->beneficiary == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Register Beneficiary"));
      adw_window_title_set_title (self->window_title, _("Register Beneficiary"));
      preselect_own_district (self);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Case File"));
      adw_window_title_set_title (self->window_title, _("Edit Case File"));
      adw_window_title_set_subtitle (self->window_title,
                                     hmr_gui_value_or_dash (hmr_beneficiary_get (self->beneficiary,
                                                                                 HMR_BENEFICIARY_CASE_NUMBER)));
    }

  /* Consent is asked when registering; a case file has it already */
  gtk_widget_set_visible (self->consent_record_group, self->beneficiary == NULL);
  take_snapshot (self);
  hmr_form_fields_connect_changed (&self->fields, on_field_changed, self);
  g_signal_connect_swapped (self->consent_record_switch, "notify::active",
                            G_CALLBACK (on_consent_record_changed), self);
  /* A new person is asked for consent first */
  gtk_window_set_focus (GTK_WINDOW (self), self->beneficiary == NULL
                                           ? GTK_WIDGET (self->consent_record_switch)
                                           : self->fields.rows[HMR_BENEFICIARY_FAMILY_NAME]);
}

static void
hmr_beneficiary_form_dispose (GObject *object)
{
  HmrBeneficiaryForm *self = HMR_BENEFICIARY_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HMR_TYPE_BENEFICIARY_FORM);
  hmr_form_fields_clear (&self->fields);
  memset (&self->fields, 0, sizeof self->fields);

  G_OBJECT_CLASS (hmr_beneficiary_form_parent_class)->dispose (object);
}

static void
hmr_beneficiary_form_finalize (GObject *object)
{
  HmrBeneficiaryForm *self = HMR_BENEFICIARY_FORM (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, hmr_actor_free);
  g_clear_object (&self->beneficiary);
  g_clear_object (&self->snapshot);

  G_OBJECT_CLASS (hmr_beneficiary_form_parent_class)->finalize (object);
}

static void
hmr_beneficiary_form_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HmrBeneficiaryForm *self = HMR_BENEFICIARY_FORM (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ACTOR:
      g_value_set_boxed (value, self->actor);
      break;
    case PROP_BENEFICIARY:
      g_value_set_object (value, self->beneficiary);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hmr_beneficiary_form_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  HmrBeneficiaryForm *self = HMR_BENEFICIARY_FORM (object);
  HmrBeneficiary *b;

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_ACTOR:
      self->actor = g_value_dup_boxed (value);
      break;
    case PROP_BENEFICIARY:
      /* A copy: the form never changes the caller's record */
      b = g_value_get_object (value);
      self->beneficiary = b ? hmr_beneficiary_copy (b) : NULL;
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hmr_beneficiary_form_class_init (HmrBeneficiaryFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = hmr_beneficiary_form_constructed;
  object_class->dispose = hmr_beneficiary_form_dispose;
  object_class->finalize = hmr_beneficiary_form_finalize;
  object_class->get_property = hmr_beneficiary_form_get_property;
  object_class->set_property = hmr_beneficiary_form_set_property;

  window_class->close_request = hmr_beneficiary_form_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         HMR_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR] =
    g_param_spec_boxed ("actor", NULL, NULL,
                        HMR_TYPE_ACTOR,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * HmrBeneficiaryForm:beneficiary:
   *
   * The record being edited (a copy), or %NULL when registering.
   */
  properties[PROP_BENEFICIARY] =
    g_param_spec_object ("beneficiary", NULL, NULL,
                         HMR_TYPE_BENEFICIARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HmrBeneficiaryForm::saved:
   * @beneficiary: the record as saved, with its id and case number
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  HMR_TYPE_BENEFICIARY);

  /**
   * HmrBeneficiaryForm::open-existing:
   * @id: the beneficiary's id
   *
   * Registering was given up for the case file of @id, which looked like
   * the same person: show it.
   */
  signals[OPEN_EXISTING] =
    g_signal_new ("open-existing",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  G_TYPE_STRING);

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/registry/hmr-beneficiary-form.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiaryForm, window_title);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiaryForm, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiaryForm, save_button);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiaryForm, save_label);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiaryForm, consent_record_group);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiaryForm, consent_record_switch);
  for (guint i = 0; i < G_N_ELEMENTS (recorded_groups); i++)
    gtk_widget_class_bind_template_child_full (widget_class, recorded_groups[i], FALSE,
                                               G_STRUCT_OFFSET (HmrBeneficiaryForm, groups) +
                                               i * sizeof (gpointer));
  hmr_form_fields_bind_template (widget_class, G_STRUCT_OFFSET (HmrBeneficiaryForm, fields));

  gtk_widget_class_install_action (widget_class, "beneficiary.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "beneficiary.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "beneficiary.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "beneficiary.cancel", NULL);
}

static void
hmr_beneficiary_form_init (HmrBeneficiaryForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * hmr_beneficiary_form_new:
 * @beneficiary: (nullable): the record to edit, or %NULL to register a
 *   new beneficiary
 */
HmrBeneficiaryForm *
hmr_beneficiary_form_new (HmrStore       *store,
                          const HmrActor *actor,
                          HmrBeneficiary *beneficiary)
{
  g_return_val_if_fail (HMR_IS_STORE (store), NULL);
  g_return_val_if_fail (actor != NULL, NULL);
  g_return_val_if_fail (beneficiary == NULL || HMR_IS_BENEFICIARY (beneficiary), NULL);

  return g_object_new (HMR_TYPE_BENEFICIARY_FORM,
                       "store", store,
                       "actor", actor,
                       "beneficiary", beneficiary,
                       NULL);
}

/**
 * hmr_beneficiary_form_get_beneficiary:
 *
 * Returns: (transfer none) (nullable): the record edited, as it was opened
 */
HmrBeneficiary *
hmr_beneficiary_form_get_beneficiary (HmrBeneficiaryForm *self)
{
  g_return_val_if_fail (HMR_IS_BENEFICIARY_FORM (self), NULL);
  return self->beneficiary;
}

/**
 * hmr_beneficiary_form_dup_record:
 *
 * Returns: (transfer full): the record as the form's fields hold it now
 */
HmrBeneficiary *
hmr_beneficiary_form_dup_record (HmrBeneficiaryForm *self)
{
  g_return_val_if_fail (HMR_IS_BENEFICIARY_FORM (self), NULL);
  return build_record (self);
}

gboolean
hmr_beneficiary_form_has_changes (HmrBeneficiaryForm *self)
{
  g_autoptr(HmrBeneficiary) now = NULL;
  const HmrFormFieldInfo *info;
  guint n_info;

  g_return_val_if_fail (HMR_IS_BENEFICIARY_FORM (self), FALSE);

  if (self->snapshot == NULL)
    return FALSE;
  now = build_record (self);
  info = hmr_form_fields_get_info (&n_info);
  for (guint i = 0; i < n_info; i++)
    if (g_strcmp0 (hmr_beneficiary_get (now, info[i].field),
                   hmr_beneficiary_get (self->snapshot, info[i].field)) != 0)
      return TRUE;
  return FALSE;
}

GtkWidget *
hmr_beneficiary_form_get_field_row (HmrBeneficiaryForm  *self,
                                    HmrBeneficiaryField  field)
{
  g_return_val_if_fail (HMR_IS_BENEFICIARY_FORM (self), NULL);
  g_return_val_if_fail (field < HMR_BENEFICIARY_N_FIELDS, NULL);
  return self->fields.rows[field];
}

GtkLabel *
hmr_beneficiary_form_get_field_error_label (HmrBeneficiaryForm  *self,
                                            HmrBeneficiaryField  field)
{
  g_return_val_if_fail (HMR_IS_BENEFICIARY_FORM (self), NULL);
  g_return_val_if_fail (field < HMR_BENEFICIARY_N_FIELDS, NULL);
  return GTK_LABEL (self->fields.error_labels[field]);
}

/**
 * hmr_beneficiary_form_get_consent_record_switch:
 *
 * Returns: (transfer none): the switch of the first question, whether the
 *   person agrees that their details are recorded
 */
GtkSwitch *
hmr_beneficiary_form_get_consent_record_switch (HmrBeneficiaryForm *self)
{
  g_return_val_if_fail (HMR_IS_BENEFICIARY_FORM (self), NULL);
  return self->consent_record_switch;
}
