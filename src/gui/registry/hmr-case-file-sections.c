/* hmr-case-file-sections.c
 *
 * What the core's case file holds beyond the person's record: the case
 * (stage, owner, risk), the migration story and the re-entry ban — with
 * its end date and the time left, which is what a returnee asks first —,
 * the trafficking profile (only when the role may read it: the core leaves
 * it out otherwise, and audits every reading), and the timeline of
 * everything that happened to the person, in date order.  A section
 * without content is hidden.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hmr-case-file-sections.h"
#include "hmr-gui-util.h"
#include "hmr-labels.h"

struct _HmrCaseFileSections
{
  GtkBox               parent_instance;

  GPtrArray           *rows;            /* every row added, to remove them */
  GPtrArray           *timeline_rows;
  AdwActionRow        *ban_row;
  gboolean             can_write;
  gboolean             can_edit_trafficking;

  /* Template widgets */
  GtkWidget           *risk_button;
  GtkWidget           *migration_buttons;
  GtkWidget           *trafficking_button;
  AdwPreferencesGroup *case_group;
  AdwPreferencesGroup *migration_group;
  AdwPreferencesGroup *trafficking_group;
  AdwPreferencesGroup *timeline_group;
};

G_DEFINE_FINAL_TYPE (HmrCaseFileSections, hmr_case_file_sections, GTK_TYPE_BOX)

static AdwActionRow *
add_row (HmrCaseFileSections *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *value)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, hmr_gui_value_or_dash (value));
  adw_action_row_set_subtitle_lines (row, 0);
  gtk_widget_add_css_class (GTK_WIDGET (row), "property");
  adw_preferences_group_add (group, GTK_WIDGET (row));
  g_ptr_array_add (self->rows, row);
  return row;
}

static void
add_date_row (HmrCaseFileSections *self,
              AdwPreferencesGroup *group,
              const char          *title,
              const char          *iso_date)
{
  g_autofree char *date = hmr_gui_format_date (iso_date);

  add_row (self, group, title, date);
}

static void
clear (HmrCaseFileSections *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->timeline_rows, 0);
  self->ban_row = NULL;
}

/* ---- the re-entry ban ------------------------------------------------- */

static char *
format_long_date (const char *iso_date)
{
  GDate date;

  if (iso_date == NULL || !hmr_parse_user_date (iso_date, &date))
    return g_strdup (iso_date);
  return hmr_format_date_in_words (&date);
}

static char *
format_time_left (int days)
{
  if (days >= 60)
    {
      int months = days / 30;
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month left", "%d months left", months), months);
    }
  if (days >= 14)
    {
      int weeks = days / 7;
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d week left", "%d weeks left", weeks), weeks);
    }
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left", days), days);
}

/**
 * hmr_reentry_ban_dup_summary:
 *
 * Returns: (transfer full): when the ban ends and how long is left, as in
 *   "ends 12 March 2027 · 3 months left"
 */
char *
hmr_reentry_ban_dup_summary (const HmrReentryBan *ban,
                             GDate               *today)
{
  g_autofree char *end = NULL;
  g_autofree char *left = NULL;
  int days;

  if (ban == NULL || g_strcmp0 (ban->has_ban, "yes") != 0)
    return g_strdup (ban != NULL && g_strcmp0 (ban->has_ban, "no") == 0 ? _("No re-entry ban") : _("Not known"));
  if (g_strcmp0 (ban->appeal_status, "lifted") == 0 || g_strcmp0 (ban->appeal_status, "amnesty") == 0)
    return g_strdup (hmr_code_get_label (HMR_CODES_APPEAL_STATUS, ban->appeal_status));

  days = hmr_reentry_ban_days_left (ban, today);
  if (days < 0)
    return g_strdup (_("In force, end date not known"));
  end = format_long_date (ban->end_date);
  if (days == 0)
    /* Translators: %s is a date, as in "12 March 2027" */
    return g_strdup_printf (_("ended %s"), end);
  left = format_time_left (days);
  /* Translators: "ends 12 March 2027 · 3 months left" */
  return g_strdup_printf (_("ends %s · %s"), end, left);
}

static void
show_migration (HmrCaseFileSections *self,
                const HmrCaseFile   *file,
                GDate               *today)
{
  AdwPreferencesGroup *group = self->migration_group;
  HmrReentryBan *ban = file->ban;
  g_autofree char *summary = hmr_reentry_ban_dup_summary (ban, today);

  self->ban_row = add_row (self, group, _("Re-entry ban"), summary);
  if (ban != NULL && g_strcmp0 (ban->has_ban, "yes") == 0)
    {
      g_autofree char *decision = NULL;
      g_autofree char *duration = NULL;
      g_autofree char *appeal = NULL;

      add_row (self, group, _("Imposed by"), hmr_code_get_label (HMR_CODES_BAN_IMPOSED_BY, ban->imposed_by));
      if (ban->court_decision_number != NULL)
        {
          g_autofree char *date = hmr_gui_format_date (ban->court_decision_date);
          /* Translators: a court decision's number and date */
          decision = g_strdup_printf (_("No. %s of %s"), ban->court_decision_number, hmr_gui_value_or_dash (date));
          add_row (self, group, _("Court decision"), decision);
        }
      add_date_row (self, group, _("Ban since"), ban->start_date);
      if (ban->duration_months > 0)
        duration = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month", "%d months", ban->duration_months),
                                    ban->duration_months);
      add_row (self, group, _("Duration"), duration);
      add_date_row (self, group, _("Ban until"), ban->end_date);
      if (ban->appeal_date != NULL)
        {
          g_autofree char *date = hmr_gui_format_date (ban->appeal_date);
          /* Translators: an appeal's status and its date, "Appeal filed, 01.06.2024" */
          appeal = g_strdup_printf (_("%s, %s"), hmr_code_get_label (HMR_CODES_APPEAL_STATUS, ban->appeal_status),
                                    hmr_gui_value_or_dash (date));
        }
      add_row (self, group, _("Appeal"),
               appeal ? appeal : hmr_code_get_label (HMR_CODES_APPEAL_STATUS, ban->appeal_status));
      add_row (self, group, _("Legal-aid referral"),
               ban->legal_referral_id ? _("Linked to the ban") : _("None yet"));
    }

  for (guint i = 0; i < file->episodes->len; i++)
    {
      HmrMigrationEpisode *e = g_ptr_array_index (file->episodes, i);
      g_autofree char *departure = hmr_gui_format_date (e->departure_date);
      g_autofree char *back = hmr_gui_format_date (e->return_date);
      g_autofree char *where = NULL;
      g_autofree char *what = NULL;

      const char *country = hmr_code_get_label (HMR_CODES_COUNTRY, e->country);
      AdwActionRow *row;

      /* Translators: a city and its country, "Irkutsk, Russia" */
      where = e->city ? g_strdup_printf (_("%s, %s"), hmr_code_get_label (HMR_CODES_CITY, e->city),
                                         hmr_gui_value_or_dash (country))
                      : g_strdup (hmr_gui_value_or_dash (country));
      /* Translators: a stay abroad: dates, length, work sector, how the person came back */
      what = g_strdup_printf (_("%s – %s · %s · %s · returned: %s"),
                              hmr_gui_value_or_dash (departure), hmr_gui_value_or_dash (back),
                              hmr_gui_value_or_dash (hmr_code_get_label (HMR_CODES_DURATION_GROUP, e->duration_group)),
                              hmr_gui_value_or_dash (hmr_code_get_label (HMR_CODES_SECTOR, e->sector)),
                              hmr_gui_value_or_dash (hmr_code_get_label (HMR_CODES_RETURN_TYPE, e->return_type)));
      row = add_row (self, group, where, what);
      if (self->can_write && e->id != NULL)
        {
          GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");

          gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (edit, "flat");
          gtk_widget_set_tooltip_text (edit, _("Change or archive this episode"));
          hmr_gui_set_accessible_label (edit, _("Change or archive this episode"));
          gtk_actionable_set_action_target_value (GTK_ACTIONABLE (edit), g_variant_new_string (e->id));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "intake.edit-episode");
          adw_action_row_add_suffix (row, edit);
        }
    }
}

/* ---- the other sections ----------------------------------------------- */

static void
show_case (HmrCaseFileSections *self,
           const HmrCaseFile   *file)
{
  AdwPreferencesGroup *group = self->case_group;

  add_row (self, group, _("Stage"), hmr_stage_get_label (file->case_stage));
  add_row (self, group, _("Status"), hmr_code_get_label (HMR_CODES_CASE_STATUS, file->case_status));
  add_row (self, group, _("Caseworker"), file->case_owner);
  {
    g_autofree char *flags = hmr_code_dup_labels (HMR_CODES_VULNERABILITY,
                                                  hmr_beneficiary_get (file->beneficiary,
                                                                       HMR_BENEFICIARY_VULNERABILITY_FLAGS));
    g_autofree char *risk = file->risk_reason
      /* Translators: a risk level and why, "High — sole earner, no income" */
      ? g_strdup_printf (_("%s — %s"), hmr_risk_get_label (file->case_risk), file->risk_reason)
      : g_strdup (hmr_risk_get_label (file->case_risk));

    add_row (self, group, _("Risk"), risk);
    add_row (self, group, _("Vulnerabilities"), flags[0] ? flags : NULL);
  }
  add_date_row (self, group, _("Opened"), file->opened_on);
  if (file->closed_on != NULL)
    {
      add_date_row (self, group, _("Closed"), file->closed_on);
      add_row (self, group, _("Closure reason"), file->closure_reason);
    }
  for (guint i = 0; i < file->duplicates->len; i++)
    {
      HmrBeneficiary *d = g_ptr_array_index (file->duplicates, i);
      g_autofree char *name = hmr_beneficiary_dup_full_name (d);
      g_autofree char *value = g_strdup_printf ("%s · %s", hmr_gui_value_or_dash (hmr_beneficiary_get (d, HMR_BENEFICIARY_CASE_NUMBER)), name);

      add_row (self, group, _("Registered again as"), value);
    }
}

static void
show_trafficking (HmrCaseFileSections *self,
                  const HmrTraffickingProfile *t)
{
  AdwPreferencesGroup *group = self->trafficking_group;
  g_autofree char *recognised = NULL;
  g_autofree char *on = NULL;
  g_autofree char *duration = NULL;

  if (t == NULL)
    {
      add_row (self, group, _("Status"), _("Not recorded"));
      return;
    }
  on = hmr_gui_format_date (t->recognised_on);
  add_row (self, group, _("Status"), hmr_code_get_label (HMR_CODES_TRAFFICKING_STATUS, t->status));
  add_row (self, group, _("Exploitation"), hmr_code_get_label (HMR_CODES_EXPLOITATION, t->exploitation_type));
  add_row (self, group, _("Identified by"), t->identified_by);
  if (t->recognised_by != NULL)
    /* Translators: who recognised a victim of trafficking, when, and by which document */
    recognised = g_strdup_printf (_("%s, %s · %s"), t->recognised_by, hmr_gui_value_or_dash (on),
                                  hmr_gui_value_or_dash (t->recognition_document));
  add_row (self, group, _("Recognised by"), recognised);
  add_row (self, group, _("Country of exploitation"), hmr_code_get_label (HMR_CODES_COUNTRY, t->country));
  if (t->duration_months > 0)
    duration = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month", "%d months", t->duration_months),
                                t->duration_months);
  add_row (self, group, _("Duration"), duration);
}

static const char *
timeline_icon (HmrTimelineKind kind)
{
  switch (kind)
    {
    case HMR_TIMELINE_REFERRAL: return "mail-send-symbolic";
    case HMR_TIMELINE_FOLLOW_UP: return "call-start-symbolic";
    case HMR_TIMELINE_GRANT: return "emblem-documents-symbolic";
    case HMR_TIMELINE_DISBURSEMENT: return "emblem-ok-symbolic";
    case HMR_TIMELINE_HANDOVER: return "package-x-generic-symbolic";
    case HMR_TIMELINE_SESSION: return "system-users-symbolic";
    case HMR_TIMELINE_SURVEY: return "dialog-question-symbolic";
    case HMR_TIMELINE_CHANGE: return "document-edit-symbolic";
    case HMR_TIMELINE_CASE:
    default:
      return "folder-symbolic";
    }
}

static void
show_timeline (HmrCaseFileSections *self,
               const HmrCaseFile   *file)
{
  for (guint i = 0; i < file->timeline->len; i++)
    {
      HmrTimelineEntry *e = g_ptr_array_index (file->timeline, i);
      /* The day is enough, whether the entry has a time or not */
      g_autofree char *day = e->date ? g_strndup (e->date, 10) : NULL;
      g_autofree char *date = hmr_gui_format_date (day);
      g_autofree char *subtitle = NULL;
      AdwActionRow *row;
      GtkWidget *icon = gtk_image_new_from_icon_name (timeline_icon (e->kind));

      subtitle = e->detail ? g_strdup_printf ("%s · %s", hmr_gui_value_or_dash (date), e->detail)
                           : g_strdup (hmr_gui_value_or_dash (date));
      row = add_row (self, self->timeline_group, e->title, subtitle);
      gtk_widget_remove_css_class (GTK_WIDGET (row), "property");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, e->title, -1);
      adw_action_row_add_prefix (row, icon);
      g_ptr_array_add (self->timeline_rows, row);
    }
}

/* ---- GObject -------------------------------------------------------- */

static void
hmr_case_file_sections_finalize (GObject *object)
{
  HmrCaseFileSections *self = HMR_CASE_FILE_SECTIONS (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->timeline_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (hmr_case_file_sections_parent_class)->finalize (object);
}

static void
hmr_case_file_sections_class_init (HmrCaseFileSectionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = hmr_case_file_sections_finalize;

  hmr_gui_ensure_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, "/org/hamroh/Hamroh/ui/registry/hmr-case-file-sections.ui");
  gtk_widget_class_bind_template_child (widget_class, HmrCaseFileSections, case_group);
  gtk_widget_class_bind_template_child (widget_class, HmrCaseFileSections, migration_group);
  gtk_widget_class_bind_template_child (widget_class, HmrCaseFileSections, trafficking_group);
  gtk_widget_class_bind_template_child (widget_class, HmrCaseFileSections, timeline_group);
  gtk_widget_class_bind_template_child (widget_class, HmrCaseFileSections, risk_button);
  gtk_widget_class_bind_template_child (widget_class, HmrCaseFileSections, migration_buttons);
  gtk_widget_class_bind_template_child (widget_class, HmrCaseFileSections, trafficking_button);
}

static void
hmr_case_file_sections_init (HmrCaseFileSections *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->timeline_rows = g_ptr_array_new ();
}

/**
 * hmr_case_file_sections_set_case_file:
 * @file: (nullable): the case file, or %NULL to show nothing
 * @today: the day the time left on a ban is counted from
 */
void
hmr_case_file_sections_set_case_file (HmrCaseFileSections *self,
                                      const HmrCaseFile   *file,
                                      GDate               *today)
{
  gboolean full;

  g_return_if_fail (HMR_IS_CASE_FILE_SECTIONS (self));

  clear (self);
  /* A reader of identity only (finance) gets no case from the core */
  full = file != NULL && file->case_id != NULL;
  gtk_widget_set_visible (GTK_WIDGET (self), full);
  if (!full)
    return;

  gtk_widget_set_visible (self->risk_button, self->can_write);
  gtk_widget_set_visible (self->migration_buttons, self->can_write);
  gtk_widget_set_visible (self->trafficking_button, self->can_edit_trafficking);
  show_case (self, file);
  show_migration (self, file, today);
  gtk_widget_set_visible (GTK_WIDGET (self->trafficking_group),
                          file->trafficking != NULL || self->can_edit_trafficking);
  if (file->trafficking != NULL || self->can_edit_trafficking)
    show_trafficking (self, file->trafficking);
  show_timeline (self, file);
  gtk_widget_set_visible (GTK_WIDGET (self->timeline_group), file->timeline->len > 0);
}

/**
 * hmr_case_file_sections_set_editing:
 * @can_write: the actor may change the case file: the buttons to add and
 *   change episodes, the ban, vulnerabilities and risk are shown
 * @can_edit_trafficking: the actor may record the trafficking profile
 *
 * Takes effect at the next hmr_case_file_sections_set_case_file().
 */
void
hmr_case_file_sections_set_editing (HmrCaseFileSections *self,
                                    gboolean             can_write,
                                    gboolean             can_edit_trafficking)
{
  g_return_if_fail (HMR_IS_CASE_FILE_SECTIONS (self));
  self->can_write = can_write;
  self->can_edit_trafficking = can_edit_trafficking;
}

AdwActionRow *
hmr_case_file_sections_get_ban_row (HmrCaseFileSections *self)
{
  g_return_val_if_fail (HMR_IS_CASE_FILE_SECTIONS (self), NULL);
  return self->ban_row;
}

/**
 * hmr_case_file_sections_get_group:
 * @name: "case", "migration", "trafficking" or "timeline"
 */
GtkWidget *
hmr_case_file_sections_get_group (HmrCaseFileSections *self,
                                  const char          *name)
{
  g_return_val_if_fail (HMR_IS_CASE_FILE_SECTIONS (self), NULL);

  if (g_strcmp0 (name, "case") == 0)
    return GTK_WIDGET (self->case_group);
  if (g_strcmp0 (name, "migration") == 0)
    return GTK_WIDGET (self->migration_group);
  if (g_strcmp0 (name, "trafficking") == 0)
    return GTK_WIDGET (self->trafficking_group);
  if (g_strcmp0 (name, "timeline") == 0)
    return GTK_WIDGET (self->timeline_group);
  g_return_val_if_reached (NULL);
}

/**
 * hmr_case_file_sections_get_timeline_rows:
 *
 * Returns: (transfer none) (element-type AdwActionRow): the timeline's rows, in order
 */
GPtrArray *
hmr_case_file_sections_get_timeline_rows (HmrCaseFileSections *self)
{
  g_return_val_if_fail (HMR_IS_CASE_FILE_SECTIONS (self), NULL);
  return self->timeline_rows;
}
