/* hmr-beneficiary-detail.c
 *
 * Every field of the record, grouped as in the form, empty values shown as
 * a dash.  Edit opens the form; Archive asks first, then archives (records
 * are never deleted).  A finance officer sees the identity only: the store
 * blanks the rest, and the empty sections are hidden.
 *
 * Above the person's record: the quick actions of the case (each a window
 * action with the beneficiary's id for target, shown only to the roles
 * that may take it) and the sections of the case file — the case,
 * migration and re-entry ban, trafficking profile and timeline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-ban-dialog.h"
#include "hmr-beneficiary-detail.h"
#include "hmr-beneficiary-form.h"
#include "hmr-case-file-sections.h"
#include "hmr-gui-util.h"
#include "hmr-migration-dialog.h"
#include "hmr-permissions.h"
#include "hmr-trafficking-dialog.h"
#include "hmr-vulnerability-dialog.h"

typedef enum
{
  GROUP_NAME,
  GROUP_PERSON,
  GROUP_PLACE,
  GROUP_SITUATION,
  GROUP_CONSENT,
  GROUP_RECORD,
  N_GROUPS
} Group;

typedef struct
{
  HmrBeneficiaryField field;
  Group               group;
} Shown;

typedef struct
{
  const char *button_id;
  const char *action_name;
  HmrAction   action;
} QuickAction;

/* The window actions of the quick-action buttons, and the permission each needs */
static const QuickAction quick_actions[] = {
  { "refer_button", "win.refer", HMR_ACTION_REFERRAL_WRITE },
  { "follow_up_button", "win.follow-up", HMR_ACTION_FOLLOW_UP_WRITE },
  { "plan_button", "win.plan", HMR_ACTION_BENEFICIARY_WRITE },
  { "grant_button", "win.propose-grant", HMR_ACTION_GRANT_WRITE },
  { "handover_button", "win.new-handover", HMR_ACTION_HANDOVER_WRITE },
  { "close_case_button", "win.close-case", HMR_ACTION_BENEFICIARY_WRITE },
};

#define N_QUICK_ACTIONS G_N_ELEMENTS (quick_actions)

/* In the order they appear */
static const Shown shown_fields[] = {
  { HMR_BENEFICIARY_FAMILY_NAME, GROUP_NAME },
  { HMR_BENEFICIARY_GIVEN_NAME, GROUP_NAME },
  { HMR_BENEFICIARY_PATRONYMIC, GROUP_NAME },
  { HMR_BENEFICIARY_FAMILY_NAME_LATIN, GROUP_NAME },
  { HMR_BENEFICIARY_GIVEN_NAME_LATIN, GROUP_NAME },
  { HMR_BENEFICIARY_PATRONYMIC_LATIN, GROUP_NAME },
  { HMR_BENEFICIARY_SEX, GROUP_PERSON },
  { HMR_BENEFICIARY_BIRTH_DATE, GROUP_PERSON },
  { HMR_BENEFICIARY_BIRTH_YEAR_ESTIMATED, GROUP_PERSON },
  { HMR_BENEFICIARY_PHONE, GROUP_PERSON },
  { HMR_BENEFICIARY_PHONE_ALT, GROUP_PERSON },
  { HMR_BENEFICIARY_HOUSEHOLD_SIZE, GROUP_PERSON },
  { HMR_BENEFICIARY_DISTRICT, GROUP_PLACE },
  { HMR_BENEFICIARY_JAMOAT, GROUP_PLACE },
  { HMR_BENEFICIARY_VILLAGE, GROUP_PLACE },
  { HMR_BENEFICIARY_CATEGORY, GROUP_SITUATION },
  { HMR_BENEFICIARY_DISABILITY, GROUP_SITUATION },
  { HMR_BENEFICIARY_DISABILITY_REGISTERED, GROUP_SITUATION },
  { HMR_BENEFICIARY_HEALTH_PROBLEMS, GROUP_SITUATION },
  { HMR_BENEFICIARY_DISTRESS_SCREENING, GROUP_SITUATION },
  { HMR_BENEFICIARY_VULNERABILITY_FLAGS, GROUP_SITUATION },
  { HMR_BENEFICIARY_RISK_LEVEL, GROUP_SITUATION },
  { HMR_BENEFICIARY_CONSENT_DATE, GROUP_CONSENT },
  { HMR_BENEFICIARY_CONSENT_SERVICES, GROUP_CONSENT },
  { HMR_BENEFICIARY_CONSENT_SHARING, GROUP_CONSENT },
  { HMR_BENEFICIARY_CONSENT_REPORTING, GROUP_CONSENT },
  { HMR_BENEFICIARY_CASE_NUMBER, GROUP_RECORD },
  { HMR_BENEFICIARY_CASE_STAGE, GROUP_RECORD },
  { HMR_BENEFICIARY_CASEWORKER, GROUP_RECORD },
  { HMR_BENEFICIARY_CREATED_AT, GROUP_RECORD },
  { HMR_BENEFICIARY_UPDATED_AT, GROUP_RECORD },
  { HMR_BENEFICIARY_DELETED_AT, GROUP_RECORD },
};

struct _HmrBeneficiaryDetail
{
  AdwBin               parent_instance;

  HmrStore            *store;
  HmrActor            *actor;
  HmrBeneficiary      *beneficiary;
  AdwActionRow        *rows[HMR_BENEFICIARY_N_FIELDS];

  /* Template widgets */
  GtkLabel            *name_label;
  GtkLabel            *latin_label;
  GtkLabel            *case_number_label;
  GtkLabel            *archived_tag;
  GtkWidget           *buttons_box;
  GtkWidget           *edit_button;
  GtkWidget           *archive_button;
  GtkLabel            *archived_note;
  gboolean             case_open;      /* of the case file shown */
  char                *case_id;        /* of the case file shown, NULL: none */
  GtkWidget           *quick_actions_box;
  GtkWidget           *quick_buttons[N_QUICK_ACTIONS];
  GtkWidget           *case_moves_button;
  HmrCaseFileSections *sections;
  AdwPreferencesGroup *groups[N_GROUPS];
};

G_DEFINE_FINAL_TYPE (HmrBeneficiaryDetail, hmr_beneficiary_detail, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ACTOR,
  PROP_BENEFICIARY,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const group_ids[N_GROUPS] = {
  "name_group", "person_group", "place_group", "situation_group", "consent_group", "record_group",
};

/* ---- display ---------------------------------------------------------- */

static void
create_rows (HmrBeneficiaryDetail *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (shown_fields); i++)
    {
      HmrBeneficiaryField field = shown_fields[i].field;
      AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hmr_beneficiary_field_get_label (field));
      adw_action_row_set_subtitle_lines (row, 0);
      gtk_widget_add_css_class (GTK_WIDGET (row), "property");
      adw_preferences_group_add (self->groups[shown_fields[i].group], GTK_WIDGET (row));
      self->rows[field] = row;
    }
}

static void
update_actions (HmrBeneficiaryDetail *self)
{
  gboolean can_write = FALSE;

  if (self->beneficiary != NULL && self->actor != NULL)
    can_write = !hmr_beneficiary_is_archived (self->beneficiary) &&
                hmr_permission_allows (self->actor, HMR_ACTION_BENEFICIARY_WRITE,
                                       hmr_beneficiary_get (self->beneficiary, HMR_BENEFICIARY_OFFICE_ID));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "beneficiary.edit", can_write);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "beneficiary.archive", can_write);
  gtk_widget_set_visible (self->edit_button, can_write);
  gtk_widget_set_visible (self->archive_button, can_write);
  gtk_widget_set_visible (self->buttons_box, can_write);
}

static void
update_quick_actions (HmrBeneficiaryDetail *self)
{
  gboolean any = FALSE;
  gboolean works_on_case = FALSE;
  const char *office = NULL;
  const char *id = NULL;

  if (self->beneficiary != NULL && self->actor != NULL)
    {
      office = hmr_beneficiary_get (self->beneficiary, HMR_BENEFICIARY_OFFICE_ID);
      id = hmr_beneficiary_get (self->beneficiary, HMR_BENEFICIARY_ID);
      /* The actions are for those who work on the case: a reader of the
       * identity only (finance) gets none */
      works_on_case = id != NULL && !hmr_beneficiary_is_archived (self->beneficiary) &&
                      hmr_permission_allows (self->actor, HMR_ACTION_BENEFICIARY_READ, office);
    }

  for (guint i = 0; i < N_QUICK_ACTIONS; i++)
    {
      gboolean allowed = works_on_case &&
                         hmr_permission_allows (self->actor, quick_actions[i].action, office);

      /* A closed case is not closed again */
      if (g_strcmp0 (quick_actions[i].action_name, "win.close-case") == 0)
        allowed &= self->case_open;

      GtkActionable *button = GTK_ACTIONABLE (self->quick_buttons[i]);

      /* The target first: the window's actions take the beneficiary's id */
      gtk_widget_set_visible (self->quick_buttons[i], allowed);
      if (allowed)
        {
          gtk_actionable_set_action_target_value (button, g_variant_new_string (id));
          gtk_actionable_set_action_name (button, quick_actions[i].action_name);
        }
      else
        gtk_actionable_set_action_name (button, NULL);
      any |= allowed;
    }

  /* A supervisor's moves of the case: its stage, caseworker and office */
  if (works_on_case && self->case_id != NULL &&
      hmr_permission_allows (self->actor, HMR_ACTION_BENEFICIARY_REASSIGN, office))
    {
      g_autoptr(GMenu) menu = g_menu_new ();
      static const struct { const char *label; const char *action; } moves[] = {
        { N_("Move to _Stage…"), "win.move-case" },
        { N_("_Reassign…"), "win.reassign-case" },
        { N_("_Transfer to Another Office…"), "win.transfer-case" },
      };

      for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
        {
          g_autoptr(GMenuItem) item = g_menu_item_new (_(moves[i].label), NULL);
          g_menu_item_set_action_and_target_value (item, moves[i].action, g_variant_new_string (id));
          g_menu_append_item (menu, item);
        }
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->case_moves_button), G_MENU_MODEL (menu));
      gtk_widget_set_visible (self->case_moves_button, TRUE);
      any = TRUE;
    }
  else
    {
      gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->case_moves_button), NULL);
      gtk_widget_set_visible (self->case_moves_button, FALSE);
    }
  gtk_widget_set_visible (self->quick_actions_box, any);
}

static void
update_case_file (HmrBeneficiaryDetail *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrCaseFile) file = NULL;
  GDate today;

  if (self->beneficiary == NULL || self->store == NULL || self->actor == NULL ||
      hmr_beneficiary_get (self->beneficiary, HMR_BENEFICIARY_ID) == NULL)
    {
      self->case_open = FALSE;
      g_clear_pointer (&self->case_id, g_free);
      hmr_case_file_sections_set_case_file (self->sections, NULL, NULL);
      return;
    }

  file = hmr_store_get_case_file (self->store, self->actor,
                                  hmr_beneficiary_get (self->beneficiary, HMR_BENEFICIARY_ID), &error);
  if (file == NULL)
    g_warning ("Could not read the case file: %s", error->message);
  g_free (self->case_id);
  self->case_id = file != NULL ? g_strdup (file->case_id) : NULL;
  self->case_open = file != NULL && file->case_id != NULL &&
                    g_strcmp0 (file->case_status, "closed") != 0 &&
                    g_strcmp0 (file->case_status, "duplicate") != 0;
  {
    const char *id = hmr_beneficiary_get (self->beneficiary, HMR_BENEFICIARY_ID);
    gboolean can_write = file != NULL && file->case_id != NULL &&
                         !hmr_beneficiary_is_archived (self->beneficiary) &&
                         hmr_permission_allows (self->actor, HMR_ACTION_BENEFICIARY_WRITE,
                                                hmr_beneficiary_get (self->beneficiary, HMR_BENEFICIARY_OFFICE_ID));

    /* The store decides who may record a trafficking profile (the
     * caseworker whose case it is); the buttons only show what it allows */
    hmr_case_file_sections_set_editing (self->sections, can_write,
                                        can_write && hmr_store_may_edit_trafficking (self->store, self->actor, id));
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "intake.add-episode", can_write);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "intake.edit-episode", can_write);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "intake.edit-ban", can_write);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "intake.edit-risk", can_write);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "intake.edit-trafficking", can_write);
  }
  hmr_store_get_today (self->store, &today);
  hmr_case_file_sections_set_case_file (self->sections, file, &today);
}

static void
update (HmrBeneficiaryDetail *self)
{
  HmrBeneficiary *b = self->beneficiary;
  g_autofree char *name = NULL;
  g_autofree char *latin = NULL;
  gboolean full;
  gboolean archived;
  gboolean group_visible[N_GROUPS] = { FALSE, };

  update_actions (self);
  update_case_file (self);
  update_quick_actions (self);
  if (b == NULL)
    return;

  full = hmr_permission_allows (self->actor, HMR_ACTION_BENEFICIARY_READ,
                                hmr_beneficiary_get (b, HMR_BENEFICIARY_OFFICE_ID));
  archived = hmr_beneficiary_is_archived (b);

  name = hmr_beneficiary_dup_full_name (b);
  latin = hmr_beneficiary_dup_latin_name (b);
  gtk_label_set_label (self->name_label, hmr_gui_value_or_dash (name));
  gtk_label_set_label (self->latin_label, latin);
  gtk_widget_set_visible (GTK_WIDGET (self->latin_label), latin[0] != '\0');
  gtk_label_set_label (self->case_number_label,
                       hmr_gui_value_or_dash (hmr_beneficiary_get (b, HMR_BENEFICIARY_CASE_NUMBER)));
  gtk_widget_set_visible (GTK_WIDGET (self->archived_tag), archived);
  gtk_widget_set_visible (GTK_WIDGET (self->archived_note), archived);

  for (guint i = 0; i < G_N_ELEMENTS (shown_fields); i++)
    {
      HmrBeneficiaryField field = shown_fields[i].field;
      g_autofree char *value = hmr_gui_dup_display_value (b, field);
      gboolean visible = full || hmr_beneficiary_field_is_identity (field);

      if (field == HMR_BENEFICIARY_DELETED_AT)
        visible = archived;

      adw_action_row_set_subtitle (self->rows[field], hmr_gui_value_or_dash (value));
      gtk_widget_set_visible (GTK_WIDGET (self->rows[field]), visible);
      if (visible)
        group_visible[shown_fields[i].group] = TRUE;
    }

  for (guint g = 0; g < N_GROUPS; g++)
    gtk_widget_set_visible (GTK_WIDGET (self->groups[g]), group_visible[g]);
}

static void
show_error (HmrBeneficiaryDetail *self,
            const char           *message)
{
  hmr_gui_show_error_toast (GTK_WIDGET (self), message);
}

/* ---- actions ---------------------------------------------------------- */

static void
on_form_saved (HmrBeneficiaryDetail *self,
               HmrBeneficiary       *saved)
{
  hmr_beneficiary_detail_refresh (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HmrBeneficiaryDetail *self = HMR_BENEFICIARY_DETAIL (widget);
  HmrBeneficiaryForm *form;

  g_return_if_fail (self->beneficiary != NULL);

  form = hmr_beneficiary_form_new (self->store, self->actor, self->beneficiary);
  hmr_gui_present_dialog (GTK_WINDOW (form), NULL, widget, "saved", G_CALLBACK (on_form_saved), self);
}

/* The intake's dialogs: each saves through the store, whose "changed"
 * brings the case file up to date (the page listens to it) */
static void
intake_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HmrBeneficiaryDetail *self = HMR_BENEFICIARY_DETAIL (widget);
  g_autoptr(GError) error = NULL;
  const char *id;
  GtkWindow *dialog = NULL;

  g_return_if_fail (self->beneficiary != NULL);

  id = hmr_beneficiary_get (self->beneficiary, HMR_BENEFICIARY_ID);
  if (g_strcmp0 (action_name, "intake.add-episode") == 0)
    dialog = GTK_WINDOW (hmr_migration_dialog_new (self->store, self->actor, id, NULL, &error));
  else if (g_strcmp0 (action_name, "intake.edit-episode") == 0)
    dialog = GTK_WINDOW (hmr_migration_dialog_new (self->store, self->actor, id,
                                                   g_variant_get_string (parameter, NULL), &error));
  else if (g_strcmp0 (action_name, "intake.edit-ban") == 0)
    dialog = GTK_WINDOW (hmr_ban_dialog_new (self->store, self->actor, id, &error));
  else if (g_strcmp0 (action_name, "intake.edit-trafficking") == 0)
    dialog = GTK_WINDOW (hmr_trafficking_dialog_new (self->store, self->actor, id, &error));
  else if (g_strcmp0 (action_name, "intake.edit-risk") == 0)
    dialog = GTK_WINDOW (hmr_vulnerability_dialog_new (self->store, self->actor, id, &error));
  else
    g_return_if_reached ();

  hmr_gui_present_dialog (dialog, error, widget, NULL, NULL, NULL);
}

static void
on_archive_response (AdwMessageDialog     *dialog,
                     const char           *response,
                     HmrBeneficiaryDetail *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "archive") != 0 || self->beneficiary == NULL)
    return;

  if (!hmr_store_archive_beneficiary (self->store, self->actor,
                                      hmr_beneficiary_get (self->beneficiary, HMR_BENEFICIARY_ID),
                                      &error))
    {
      show_error (self, error->message);
      return;
    }
  hmr_beneficiary_detail_refresh (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HmrBeneficiaryDetail *self = HMR_BENEFICIARY_DETAIL (widget);
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  g_return_if_fail (self->beneficiary != NULL);

  name = hmr_beneficiary_dup_full_name (self->beneficiary);
  dialog = adw_message_dialog_new (hmr_gui_get_parent_window (widget),
                                   _("Archive this case file?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The case file of %s (%s) will be archived. Records are archived, "
                                    "not deleted: it stays in the reports and the audit trail, and "
                                    "“Show archived” lists it, but it can no longer be changed."),
                                  name,
                                  hmr_gui_value_or_dash (hmr_beneficiary_get (self->beneficiary,
                                                                              HMR_BENEFICIARY_CASE_NUMBER)));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "archive", _("_Archive"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "archive",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_archive_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- GObject -------------------------------------------------------- */

static void
hmr_beneficiary_detail_dispose (GObject *object)
{
  HmrBeneficiaryDetail *self = HMR_BENEFICIARY_DETAIL (object);

  /* AdwBin unparents its child itself: no gtk_widget_dispose_template () */
  g_clear_object (&self->beneficiary);

  G_OBJECT_CLASS (hmr_beneficiary_detail_parent_class)->dispose (object);
}

static void
hmr_beneficiary_detail_finalize (GObject *object)
{
  HmrBeneficiaryDetail *self = HMR_BENEFICIARY_DETAIL (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->actor, hmr_actor_free);
  g_clear_pointer (&self->case_id, g_free);

  G_OBJECT_CLASS (hmr_beneficiary_detail_parent_class)->finalize (object);
}

static void
hmr_beneficiary_detail_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  HmrBeneficiaryDetail *self = HMR_BENEFICIARY_DETAIL (object);

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
hmr_beneficiary_detail_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  HmrBeneficiaryDetail *self = HMR_BENEFICIARY_DETAIL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      if (g_set_object (&self->store, g_value_get_object (value)))
        g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_ACTOR:
      {
        const HmrActor *actor = g_value_get_boxed (value);

        if (actor == self->actor ||
            (actor != NULL && self->actor != NULL &&
             g_strcmp0 (actor->user_id, self->actor->user_id) == 0 &&
             actor->role == self->actor->role &&
             g_strcmp0 (actor->office_id, self->actor->office_id) == 0))
          break;
        g_clear_pointer (&self->actor, hmr_actor_free);
        self->actor = actor ? hmr_actor_copy (actor) : NULL;
        update (self);
        g_object_notify_by_pspec (object, pspec);
      }
      break;
    case PROP_BENEFICIARY:
      hmr_beneficiary_detail_set_beneficiary (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hmr_beneficiary_detail_class_init (HmrBeneficiaryDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hmr_beneficiary_detail_dispose;
  object_class->finalize = hmr_beneficiary_detail_finalize;
  object_class->get_property = hmr_beneficiary_detail_get_property;
  object_class->set_property = hmr_beneficiary_detail_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         HMR_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR] =
    g_param_spec_boxed ("actor", NULL, NULL,
                        HMR_TYPE_ACTOR,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BENEFICIARY] =
    g_param_spec_object ("beneficiary", NULL, NULL,
                         HMR_TYPE_BENEFICIARY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HmrBeneficiaryDetail::changed:
   *
   * The record was saved or archived: lists showing it need a reload.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (HMR_TYPE_CASE_FILE_SECTIONS);

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/registry/hmr-beneficiary-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiaryDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiaryDetail, latin_label);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiaryDetail, case_number_label);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiaryDetail, archived_tag);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiaryDetail, buttons_box);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiaryDetail, edit_button);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiaryDetail, archive_button);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiaryDetail, archived_note);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiaryDetail, quick_actions_box);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiaryDetail, case_moves_button);
  gtk_widget_class_bind_template_child (widget_class, HmrBeneficiaryDetail, sections);
  for (guint i = 0; i < N_QUICK_ACTIONS; i++)
    gtk_widget_class_bind_template_child_full (widget_class, quick_actions[i].button_id, FALSE,
                                               G_STRUCT_OFFSET (HmrBeneficiaryDetail, quick_buttons) +
                                               i * sizeof (gpointer));
  for (guint g = 0; g < N_GROUPS; g++)
    gtk_widget_class_bind_template_child_full (widget_class, group_ids[g], FALSE,
                                               G_STRUCT_OFFSET (HmrBeneficiaryDetail, groups) +
                                               g * sizeof (gpointer));

  gtk_widget_class_install_action (widget_class, "beneficiary.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "beneficiary.archive", NULL, archive_action);
  gtk_widget_class_install_action (widget_class, "intake.add-episode", NULL, intake_action);
  gtk_widget_class_install_action (widget_class, "intake.edit-episode", "s", intake_action);
  gtk_widget_class_install_action (widget_class, "intake.edit-ban", NULL, intake_action);
  gtk_widget_class_install_action (widget_class, "intake.edit-trafficking", NULL, intake_action);
  gtk_widget_class_install_action (widget_class, "intake.edit-risk", NULL, intake_action);
}

static void
hmr_beneficiary_detail_init (HmrBeneficiaryDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  create_rows (self);
  update_actions (self);
  update_quick_actions (self);
}

HmrBeneficiaryDetail *
hmr_beneficiary_detail_new (HmrStore       *store,
                            const HmrActor *actor)
{
  return g_object_new (HMR_TYPE_BENEFICIARY_DETAIL,
                       "store", store,
                       "actor", actor,
                       NULL);
}

/**
 * hmr_beneficiary_detail_get_beneficiary:
 *
 * Returns: (transfer none) (nullable): the record shown
 */
HmrBeneficiary *
hmr_beneficiary_detail_get_beneficiary (HmrBeneficiaryDetail *self)
{
  g_return_val_if_fail (HMR_IS_BENEFICIARY_DETAIL (self), NULL);
  return self->beneficiary;
}

void
hmr_beneficiary_detail_set_beneficiary (HmrBeneficiaryDetail *self,
                                        HmrBeneficiary       *beneficiary)
{
  g_return_if_fail (HMR_IS_BENEFICIARY_DETAIL (self));
  g_return_if_fail (beneficiary == NULL || HMR_IS_BENEFICIARY (beneficiary));

  if (!g_set_object (&self->beneficiary, beneficiary))
    return;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BENEFICIARY]);
}

/**
 * hmr_beneficiary_detail_refresh:
 *
 * Reads the record shown again from the store.
 *
 * Returns: %FALSE when it could not be read (the reason is shown)
 */
gboolean
hmr_beneficiary_detail_refresh (HmrBeneficiaryDetail *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) fresh = NULL;

  g_return_val_if_fail (HMR_IS_BENEFICIARY_DETAIL (self), FALSE);

  if (self->beneficiary == NULL)
    return TRUE;

  fresh = hmr_store_get_beneficiary (self->store, self->actor,
                                     hmr_beneficiary_get (self->beneficiary, HMR_BENEFICIARY_ID),
                                     &error);
  if (fresh == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }
  hmr_beneficiary_detail_set_beneficiary (self, fresh);
  return TRUE;
}

AdwActionRow *
hmr_beneficiary_detail_get_field_row (HmrBeneficiaryDetail *self,
                                      HmrBeneficiaryField   field)
{
  g_return_val_if_fail (HMR_IS_BENEFICIARY_DETAIL (self), NULL);
  g_return_val_if_fail (field < HMR_BENEFICIARY_N_FIELDS, NULL);
  return self->rows[field];
}

/**
 * hmr_beneficiary_detail_get_sections:
 *
 * Returns: (transfer none): the sections of the case file
 */
HmrCaseFileSections *
hmr_beneficiary_detail_get_sections (HmrBeneficiaryDetail *self)
{
  g_return_val_if_fail (HMR_IS_BENEFICIARY_DETAIL (self), NULL);
  return self->sections;
}

/**
 * hmr_beneficiary_detail_get_quick_action:
 * @action_name: e.g. "win.refer"; "win.move-case", "win.reassign-case"
 *   and "win.transfer-case" share the menu button "Case"
 *
 * Returns: (transfer none) (nullable): the button of that quick action
 */
GtkWidget *
hmr_beneficiary_detail_get_quick_action (HmrBeneficiaryDetail *self,
                                         const char           *action_name)
{
  g_return_val_if_fail (HMR_IS_BENEFICIARY_DETAIL (self), NULL);

  for (guint i = 0; i < N_QUICK_ACTIONS; i++)
    if (g_strcmp0 (quick_actions[i].action_name, action_name) == 0)
      return self->quick_buttons[i];
  if (g_strcmp0 (action_name, "win.move-case") == 0 ||
      g_strcmp0 (action_name, "win.reassign-case") == 0 ||
      g_strcmp0 (action_name, "win.transfer-case") == 0)
    return self->case_moves_button;
  return NULL;
}
