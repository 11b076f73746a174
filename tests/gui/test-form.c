/* test-form.c — registering a beneficiary through the form
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-duplicates-dialog.h"
#include "hmr-gui-test-util.h"

typedef struct
{
  GListModel *model;
  guint       n;
} CountWait;

static gboolean
has_n_items (gpointer user_data)
{
  CountWait *wait = user_data;
  return g_list_model_get_n_items (wait->model) == wait->n;
}

static gboolean
no_form (gpointer user_data)
{
  return hmr_gui_test_find_window (HMR_TYPE_BENEFICIARY_FORM) == NULL;
}

static HmrBeneficiaryForm *
open_form (HmrBeneficiariesPage *page)
{
  HmrBeneficiaryForm *form;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "beneficiaries.register", NULL));
  form = HMR_BENEFICIARY_FORM (hmr_gui_test_find_window (HMR_TYPE_BENEFICIARY_FORM));
  g_assert_nonnull (form);
  hmr_gui_test_flush ();
  return form;
}

static void
type_into (HmrBeneficiaryForm  *form,
           HmrBeneficiaryField  field,
           const char          *text)
{
  GtkWidget *row = hmr_beneficiary_form_get_field_row (form, field);

  g_assert_true (ADW_IS_ENTRY_ROW (row));
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static const char *
text_of (HmrBeneficiaryForm  *form,
         HmrBeneficiaryField  field)
{
  return gtk_editable_get_text (GTK_EDITABLE (hmr_beneficiary_form_get_field_row (form, field)));
}

static void
choose (HmrBeneficiaryForm  *form,
        HmrBeneficiaryField  field,
        const char          *label)
{
  hmr_gui_test_select_choice (ADW_COMBO_ROW (hmr_beneficiary_form_get_field_row (form, field)), label);
}

/* A person as a caseworker types them in */
static void
fill_person (HmrBeneficiaryForm *form,
             const char         *birth_date)
{
  type_into (form, HMR_BENEFICIARY_FAMILY_NAME, "Ҷӯраев");
  type_into (form, HMR_BENEFICIARY_GIVEN_NAME, "Ғайрат");
  type_into (form, HMR_BENEFICIARY_PATRONYMIC, "Қурбонович");
  type_into (form, HMR_BENEFICIARY_FAMILY_NAME_LATIN, "Jurayev");
  type_into (form, HMR_BENEFICIARY_GIVEN_NAME_LATIN, "Gayrat");
  choose (form, HMR_BENEFICIARY_SEX, hmr_sex_get_label ("male"));
  type_into (form, HMR_BENEFICIARY_BIRTH_DATE, birth_date);
  type_into (form, HMR_BENEFICIARY_PHONE, "93 123 4567");
  type_into (form, HMR_BENEFICIARY_HOUSEHOLD_SIZE, "6");
  choose (form, HMR_BENEFICIARY_DISTRICT, hmr_district_get_label ("Dusti"));
  type_into (form, HMR_BENEFICIARY_VILLAGE, "Ғаллакор");
  choose (form, HMR_BENEFICIARY_CATEGORY, hmr_category_get_label ("returned_migrant"));
}

static void
test_register_adds_row_and_audit (HmrGuiFixture *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(HmrBeneficiary) newest = NULL;
  HmrBeneficiariesPage *page;
  HmrBeneficiaryForm *form;
  CountWait wait;
  gboolean found = FALSE;
  const char *id;

  hmr_gui_fixture_add_beneficiaries (f, 5);
  page = hmr_window_get_beneficiaries_page (hmr_gui_test_open_window (f, f->caseworker));
  wait.model = G_LIST_MODEL (hmr_beneficiaries_page_get_model (page));
  g_assert_cmpuint (g_list_model_get_n_items (wait.model), ==, 5);

  form = open_form (page);
  fill_person (form, "21.03.1990");
  g_assert_true (hmr_beneficiary_form_has_changes (form));
  hmr_gui_test_screenshot (GTK_WIDGET (form), "form-filled");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "beneficiary.save", NULL));

  /* The form closes and the list grows by one, the newest first */
  g_assert_true (hmr_gui_test_wait_until (no_form, NULL, 5000));
  wait.n = 6;
  g_assert_true (hmr_gui_test_wait_until (has_n_items, &wait, 5000));
  g_assert_cmpuint (hmr_gui_test_count_rows (f->store, f->caseworker, FALSE), ==, 6);

  hmr_gui_test_screenshot (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page))), "list-after-register");
  newest = g_list_model_get_item (wait.model, 0);
  g_assert_cmpstr (hmr_beneficiary_get (newest, HMR_BENEFICIARY_FAMILY_NAME), ==, "Ҷӯраев");
  g_assert_cmpstr (hmr_beneficiary_get (newest, HMR_BENEFICIARY_BIRTH_DATE), ==, "1990-03-21");
  g_assert_cmpstr (hmr_beneficiary_get (newest, HMR_BENEFICIARY_PHONE), ==, "+992 93 123 4567");
  id = hmr_beneficiary_get (newest, HMR_BENEFICIARY_ID);
  g_assert_nonnull (id);

  /* … and the audit trail has its creation, by the caseworker */
  audit = hmr_store_list_audit (f->store, f->admin, "beneficiary", id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    {
      HmrAuditEntry *entry = g_ptr_array_index (audit, i);

      if (g_strcmp0 (entry->action, "create") == 0 &&
          g_strcmp0 (entry->entity, "beneficiary") == 0 &&
          g_strcmp0 (entry->entity_id, id) == 0)
        {
          g_assert_cmpstr (entry->user_id, ==, f->caseworker->user_id);
          found = TRUE;
        }
    }
  g_assert_true (found);
}

static void
assert_refused (HmrGuiFixture       *f,
                HmrBeneficiaryForm  *form,
                HmrBeneficiaryField  field,
                const char          *typed,
                const char          *expected_words)
{
  GtkLabel *label = hmr_beneficiary_form_get_field_error_label (form, field);
  GtkWidget *row = hmr_beneficiary_form_get_field_row (form, field);
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (form));
  const char *message = gtk_label_get_text (label);

  /* The message sits below the field, names it and says what is wrong */
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (label)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (label)));
  g_assert_nonnull (strstr (message, hmr_beneficiary_field_get_label (field)));
  g_assert_nonnull (strstr (message, expected_words));
  g_assert_true (gtk_widget_has_css_class (row, "error"));

  /* The wrong field has the focus; what was typed is still there */
  g_assert_nonnull (focus);
  g_assert_true (focus == row || gtk_widget_is_ancestor (focus, row));
  g_assert_cmpstr (text_of (form, field), ==, typed);
  g_assert_cmpstr (text_of (form, HMR_BENEFICIARY_FAMILY_NAME), ==, "Ҷӯраев");
  g_assert_cmpstr (text_of (form, HMR_BENEFICIARY_GIVEN_NAME), ==, "Ғайрат");
  g_assert_cmpstr (text_of (form, HMR_BENEFICIARY_VILLAGE), ==, "Ғаллакор");

  /* Nothing was saved, and the form stays open */
  g_assert_cmpuint (hmr_gui_test_count_rows (f->store, f->caseworker, TRUE), ==, 2);
  g_assert_true (hmr_gui_test_find_window (HMR_TYPE_BENEFICIARY_FORM) == GTK_WINDOW (form));
}

static void
test_bad_date_shows_message (HmrGuiFixture *f,
                             gconstpointer  data)
{
  HmrBeneficiariesPage *page;
  HmrBeneficiaryForm *form;

  hmr_gui_fixture_add_beneficiaries (f, 2);
  page = hmr_window_get_beneficiaries_page (hmr_gui_test_open_window (f, f->caseworker));
  form = open_form (page);
  fill_person (form, "31.02.1990");

  /* Other fields are fine: only the date is refused */
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (hmr_beneficiary_form_get_field_error_label (form, HMR_BENEFICIARY_FAMILY_NAME))));

  gtk_widget_activate_action (GTK_WIDGET (form), "beneficiary.save", NULL);
  hmr_gui_test_flush ();
  hmr_gui_test_screenshot (GTK_WIDGET (form), "form-bad-date");

  assert_refused (f, form, HMR_BENEFICIARY_BIRTH_DATE, "31.02.1990", "31.02.1990");
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (hmr_beneficiary_form_get_field_error_label (form, HMR_BENEFICIARY_FAMILY_NAME))));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hmr_beneficiaries_page_get_model (page))), ==, 2);

  /* Correcting the date and saving again works */
  type_into (form, HMR_BENEFICIARY_BIRTH_DATE, "28.02.1990");
  gtk_widget_activate_action (GTK_WIDGET (form), "beneficiary.save", NULL);
  g_assert_true (hmr_gui_test_wait_until (no_form, NULL, 5000));
  g_assert_cmpuint (hmr_gui_test_count_rows (f->store, f->caseworker, FALSE), ==, 3);
}

static void
test_future_birth_date_refused (HmrGuiFixture *f,
                                gconstpointer  data)
{
  HmrBeneficiariesPage *page;
  HmrBeneficiaryForm *form;
  char tomorrow[16];
  GDate date;

  hmr_store_get_today (f->store, &date);
  g_date_add_days (&date, 1);
  g_date_strftime (tomorrow, sizeof tomorrow, "%d.%m.%Y", &date);

  hmr_gui_fixture_add_beneficiaries (f, 2);
  page = hmr_window_get_beneficiaries_page (hmr_gui_test_open_window (f, f->caseworker));
  form = open_form (page);
  fill_person (form, tomorrow);
  gtk_widget_activate_action (GTK_WIDGET (form), "beneficiary.save", NULL);
  hmr_gui_test_flush ();

  assert_refused (f, form, HMR_BENEFICIARY_BIRTH_DATE, tomorrow, "future");
}

static void
test_required_fields_named (HmrGuiFixture *f,
                            gconstpointer  data)
{
  HmrBeneficiariesPage *page;
  HmrBeneficiaryForm *form;
  GtkWidget *focus;

  page = hmr_window_get_beneficiaries_page (hmr_gui_test_open_window (f, f->caseworker));
  form = open_form (page);
  type_into (form, HMR_BENEFICIARY_GIVEN_NAME, "Ғайрат");
  gtk_widget_activate_action (GTK_WIDGET (form), "beneficiary.save", NULL);
  hmr_gui_test_flush ();

  /* Each missing field says so below itself; the first one has the focus */
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (hmr_beneficiary_form_get_field_error_label (form, HMR_BENEFICIARY_FAMILY_NAME))));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (hmr_beneficiary_form_get_field_error_label (form, HMR_BENEFICIARY_SEX))));
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (hmr_beneficiary_form_get_field_error_label (form, HMR_BENEFICIARY_CATEGORY))));
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (hmr_beneficiary_form_get_field_error_label (form, HMR_BENEFICIARY_GIVEN_NAME))));
  focus = gtk_window_get_focus (GTK_WINDOW (form));
  g_assert_true (gtk_widget_is_ancestor (focus, hmr_beneficiary_form_get_field_row (form, HMR_BENEFICIARY_FAMILY_NAME)));
  g_assert_cmpuint (hmr_gui_test_count_rows (f->store, f->caseworker, TRUE), ==, 0);

  /* Typing in the field takes its message away */
  type_into (form, HMR_BENEFICIARY_FAMILY_NAME, "Ҷӯраев");
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (hmr_beneficiary_form_get_field_error_label (form, HMR_BENEFICIARY_FAMILY_NAME))));
}

static void
test_cancel_asks_before_discarding (HmrGuiFixture *f,
                                    gconstpointer  data)
{
  HmrBeneficiariesPage *page;
  HmrBeneficiaryForm *form;
  AdwMessageDialog *dialog;

  page = hmr_window_get_beneficiaries_page (hmr_gui_test_open_window (f, f->caseworker));

  /* Nothing typed: Cancel just closes */
  form = open_form (page);
  gtk_widget_activate_action (GTK_WIDGET (form), "beneficiary.cancel", NULL);
  g_assert_true (hmr_gui_test_wait_until (no_form, NULL, 5000));

  /* Something typed: Cancel asks, and Keep Editing keeps it */
  form = open_form (page);
  type_into (form, HMR_BENEFICIARY_FAMILY_NAME, "Ҷӯраев");
  gtk_widget_activate_action (GTK_WIDGET (form), "beneficiary.cancel", NULL);
  hmr_gui_test_flush ();
  dialog = ADW_MESSAGE_DIALOG (hmr_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  hmr_gui_test_screenshot (GTK_WIDGET (dialog), "form-discard");
  adw_message_dialog_response (dialog, "keep");
  gtk_window_destroy (GTK_WINDOW (dialog));
  hmr_gui_test_flush ();
  g_assert_true (hmr_gui_test_find_window (HMR_TYPE_BENEFICIARY_FORM) == GTK_WINDOW (form));
  g_assert_cmpstr (text_of (form, HMR_BENEFICIARY_FAMILY_NAME), ==, "Ҷӯраев");

  /* … and Discard closes without saving */
  gtk_widget_activate_action (GTK_WIDGET (form), "beneficiary.cancel", NULL);
  hmr_gui_test_flush ();
  dialog = ADW_MESSAGE_DIALOG (hmr_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (hmr_gui_test_wait_until (no_form, NULL, 5000));
  g_assert_cmpuint (hmr_gui_test_count_rows (f->store, f->caseworker, TRUE), ==, 0);
}

static void
test_edit_keeps_case_number (HmrGuiFixture *f,
                             gconstpointer  data)
{
  g_autoptr(HmrBeneficiary) before = NULL;
  g_autoptr(HmrBeneficiary) after = NULL;
  g_autoptr(GError) error = NULL;
  HmrBeneficiariesPage *page;
  HmrBeneficiaryDetail *detail;
  HmrBeneficiaryForm *form;

  hmr_gui_fixture_add_beneficiaries (f, 3);
  page = hmr_window_get_beneficiaries_page (hmr_gui_test_open_window (f, f->caseworker));
  before = g_list_model_get_item (G_LIST_MODEL (hmr_beneficiaries_page_get_model (page)), 1);
  g_assert_true (hmr_beneficiaries_page_show_beneficiary (page, hmr_beneficiary_get (before, HMR_BENEFICIARY_ID)));
  detail = hmr_beneficiaries_page_get_detail (page);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "beneficiary.edit", NULL));
  form = HMR_BENEFICIARY_FORM (hmr_gui_test_find_window (HMR_TYPE_BENEFICIARY_FORM));
  g_assert_nonnull (form);

  /* The form opens filled in, dates as people write them */
  g_assert_cmpstr (text_of (form, HMR_BENEFICIARY_FAMILY_NAME), ==,
                   hmr_beneficiary_get (before, HMR_BENEFICIARY_FAMILY_NAME));
  g_assert_cmpstr (text_of (form, HMR_BENEFICIARY_BIRTH_DATE), ==, "21.03.1990");
  g_assert_false (hmr_beneficiary_form_has_changes (form));

  type_into (form, HMR_BENEFICIARY_VILLAGE, "Ғаллакор");
  gtk_widget_activate_action (GTK_WIDGET (form), "beneficiary.save", NULL);
  g_assert_true (hmr_gui_test_wait_until (no_form, NULL, 5000));

  after = hmr_store_get_beneficiary (f->store, f->caseworker, hmr_beneficiary_get (before, HMR_BENEFICIARY_ID), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hmr_beneficiary_get (after, HMR_BENEFICIARY_VILLAGE), ==, "Ғаллакор");
  g_assert_cmpstr (hmr_beneficiary_get (after, HMR_BENEFICIARY_CASE_NUMBER), ==,
                   hmr_beneficiary_get (before, HMR_BENEFICIARY_CASE_NUMBER));

  /* The detail shows the change */
  g_assert_cmpstr (adw_action_row_get_subtitle (hmr_beneficiary_detail_get_field_row (detail, HMR_BENEFICIARY_VILLAGE)),
                   ==, "Ғаллакор");
}

static void
test_tab_reaches_every_field (HmrGuiFixture *f,
                              gconstpointer  data)
{
  HmrBeneficiariesPage *page;
  HmrBeneficiaryForm *form;
  gboolean reached[HMR_BENEFICIARY_N_FIELDS] = { FALSE, };
  static const HmrBeneficiaryField fields[] = {
    HMR_BENEFICIARY_FAMILY_NAME, HMR_BENEFICIARY_GIVEN_NAME, HMR_BENEFICIARY_PATRONYMIC,
    HMR_BENEFICIARY_FAMILY_NAME_LATIN, HMR_BENEFICIARY_GIVEN_NAME_LATIN,
    HMR_BENEFICIARY_PATRONYMIC_LATIN, HMR_BENEFICIARY_SEX, HMR_BENEFICIARY_BIRTH_DATE,
    HMR_BENEFICIARY_BIRTH_YEAR_ESTIMATED, HMR_BENEFICIARY_PHONE, HMR_BENEFICIARY_PHONE_ALT,
    HMR_BENEFICIARY_HOUSEHOLD_SIZE, HMR_BENEFICIARY_DISTRICT, HMR_BENEFICIARY_JAMOAT,
    HMR_BENEFICIARY_VILLAGE, HMR_BENEFICIARY_CATEGORY, HMR_BENEFICIARY_DISABILITY,
    HMR_BENEFICIARY_DISABILITY_REGISTERED, HMR_BENEFICIARY_HEALTH_PROBLEMS,
    HMR_BENEFICIARY_DISTRESS_SCREENING, HMR_BENEFICIARY_RISK_LEVEL,
    HMR_BENEFICIARY_CONSENT_DATE, HMR_BENEFICIARY_CONSENT_SERVICES,
    HMR_BENEFICIARY_CONSENT_SHARING, HMR_BENEFICIARY_CONSENT_REPORTING,
  };

  page = hmr_window_get_beneficiaries_page (hmr_gui_test_open_window (f, f->caseworker));
  form = open_form (page);

  /* The form opens on its first question: consent to record */
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (form)) ==
                 GTK_WIDGET (hmr_beneficiary_form_get_consent_record_switch (form)));

  /* Tab, as the window moves the focus on Tab, until it comes round */
  for (guint step = 0; step < 300; step++)
    {
      GtkWidget *focus;

      gtk_widget_child_focus (GTK_WIDGET (form), GTK_DIR_TAB_FORWARD);
      focus = gtk_window_get_focus (GTK_WINDOW (form));
      for (guint i = 0; focus != NULL && i < G_N_ELEMENTS (fields); i++)
        {
          GtkWidget *row = hmr_beneficiary_form_get_field_row (form, fields[i]);
          if (focus == row || gtk_widget_is_ancestor (focus, row))
            reached[fields[i]] = TRUE;
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (!reached[fields[i]])
      g_error ("Tab never reaches “%s”", hmr_beneficiary_field_get_label (fields[i]));
}

/* ---- the duplicate check --------------------------------------------- */

static gboolean
duplicates_dialog_shown (gpointer user_data)
{
  return hmr_gui_test_find_window (HMR_TYPE_DUPLICATES_DIALOG) != NULL;
}

/* Раҳимов Ҷамшед of Dusti, born 1990, registered earlier */
static HmrBeneficiary *
register_original (HmrGuiFixture *f)
{
  g_autoptr(GError) error = NULL;
  HmrBeneficiary *b = hmr_gui_test_new_beneficiary ("Раҳимов", "Ҷамшед", "21.03.1990");

  hmr_store_insert_beneficiary (f->store, f->caseworker, b, &error);
  g_assert_no_error (error);
  return b;
}

/* The same man, his name typed the way it was spelled on the phone */
static HmrDuplicatesDialog *
register_lookalike (HmrBeneficiaryForm *form)
{
  HmrDuplicatesDialog *dialog;

  type_into (form, HMR_BENEFICIARY_FAMILY_NAME, "Rakhimov");
  type_into (form, HMR_BENEFICIARY_GIVEN_NAME, "Jamshed");
  choose (form, HMR_BENEFICIARY_SEX, hmr_sex_get_label ("male"));
  type_into (form, HMR_BENEFICIARY_BIRTH_DATE, "02.02.1990");
  choose (form, HMR_BENEFICIARY_DISTRICT, hmr_district_get_label ("Dusti"));
  choose (form, HMR_BENEFICIARY_CATEGORY, hmr_category_get_label ("returned_migrant"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (form), "beneficiary.save", NULL));

  g_assert_true (hmr_gui_test_wait_until (duplicates_dialog_shown, NULL, 5000));
  dialog = HMR_DUPLICATES_DIALOG (hmr_gui_test_find_window (HMR_TYPE_DUPLICATES_DIALOG));
  hmr_gui_test_flush ();
  return dialog;
}

static gboolean
audit_has (HmrGuiFixture *f,
           const char    *id,
           const char    *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = hmr_store_list_audit (f->store, f->admin, "beneficiary", id, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    if (g_strcmp0 (((HmrAuditEntry *) g_ptr_array_index (audit, i))->action, action) == 0)
      return TRUE;
  return FALSE;
}

static void
test_duplicate_go_on_is_audited (HmrGuiFixture *f,
                                 gconstpointer  data)
{
  g_autoptr(HmrBeneficiary) original = register_original (f);
  g_autoptr(HmrBeneficiary) newest = NULL;
  HmrBeneficiariesPage *page;
  HmrDuplicatesDialog *dialog;
  CountWait wait;

  page = hmr_window_get_beneficiaries_page (hmr_gui_test_open_window (f, f->caseworker));
  wait.model = G_LIST_MODEL (hmr_beneficiaries_page_get_model (page));
  dialog = register_lookalike (open_form (page));

  /* Nothing is saved while the caseworker decides; the earlier case file
   * is shown with its case number, both spellings, birth year and district */
  g_assert_cmpuint (hmr_gui_test_count_rows (f->store, f->caseworker, FALSE), ==, 1);
  g_assert_nonnull (hmr_gui_test_find_label (GTK_WIDGET (dialog), "Registered Already?"));
  g_assert_cmpuint (hmr_duplicates_dialog_get_duplicates (dialog)->len, ==, 1);
  g_assert_cmpstr (hmr_beneficiary_get (hmr_duplicates_dialog_get_selected (dialog), HMR_BENEFICIARY_ID), ==,
                   hmr_beneficiary_get (original, HMR_BENEFICIARY_ID));
  {
    g_autofree char *subtitle = g_strdup_printf ("%s · born 1990 · %s",
                                                 hmr_beneficiary_get (original, HMR_BENEFICIARY_CASE_NUMBER),
                                                 hmr_district_get_label ("Dusti"));
    g_assert_nonnull (hmr_gui_test_find_label (GTK_WIDGET (dialog), subtitle));
  }
  hmr_gui_test_screenshot (GTK_WIDGET (dialog), "form-duplicates");

  /* Going on registers the person, and the decision is in the audit trail */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "register");
  g_assert_true (hmr_gui_test_wait_until (no_form, NULL, 5000));
  wait.n = 2;
  g_assert_true (hmr_gui_test_wait_until (has_n_items, &wait, 5000));
  newest = g_list_model_get_item (wait.model, 0);
  g_assert_cmpstr (hmr_beneficiary_get (newest, HMR_BENEFICIARY_FAMILY_NAME), ==, "Rakhimov");
  g_assert_true (audit_has (f, hmr_beneficiary_get (newest, HMR_BENEFICIARY_ID), "duplicate-override"));
  g_assert_null (hmr_beneficiary_get (newest, HMR_BENEFICIARY_DUPLICATE_OF));
}

static void
test_duplicate_open_existing (HmrGuiFixture *f,
                              gconstpointer  data)
{
  g_autoptr(HmrBeneficiary) original = register_original (f);
  HmrBeneficiariesPage *page;
  HmrDuplicatesDialog *dialog;

  page = hmr_window_get_beneficiaries_page (hmr_gui_test_open_window (f, f->caseworker));
  dialog = register_lookalike (open_form (page));

  /* Opening the earlier case file registers nobody */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "open");
  g_assert_true (hmr_gui_test_wait_until (no_form, NULL, 5000));
  g_assert_cmpuint (hmr_gui_test_count_rows (f->store, f->caseworker, FALSE), ==, 1);
  g_assert_true (hmr_beneficiaries_page_get_showing_detail (page));
  g_assert_cmpstr (hmr_beneficiary_get (hmr_beneficiary_detail_get_beneficiary (hmr_beneficiaries_page_get_detail (page)),
                                        HMR_BENEFICIARY_ID), ==,
                   hmr_beneficiary_get (original, HMR_BENEFICIARY_ID));
}

static void
test_duplicate_marked (HmrGuiFixture *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) original = register_original (f);
  g_autoptr(HmrBeneficiary) newest = NULL;
  g_autoptr(HmrBeneficiary) stored = NULL;
  HmrBeneficiariesPage *page;
  HmrDuplicatesDialog *dialog;
  CountWait wait;

  page = hmr_window_get_beneficiaries_page (hmr_gui_test_open_window (f, f->caseworker));
  wait.model = G_LIST_MODEL (hmr_beneficiaries_page_get_model (page));
  dialog = register_lookalike (open_form (page));

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "mark");
  g_assert_true (hmr_gui_test_wait_until (no_form, NULL, 5000));
  wait.n = 2;
  g_assert_true (hmr_gui_test_wait_until (has_n_items, &wait, 5000));
  newest = g_list_model_get_item (wait.model, 0);
  stored = hmr_store_get_beneficiary (f->store, f->caseworker, hmr_beneficiary_get (newest, HMR_BENEFICIARY_ID), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hmr_beneficiary_get (stored, HMR_BENEFICIARY_DUPLICATE_OF), ==,
                   hmr_beneficiary_get (original, HMR_BENEFICIARY_ID));
}

int
main (int   argc,
      char *argv[])
{
  hmr_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, HmrGuiFixture, NULL, hmr_gui_fixture_set_up, func, hmr_gui_fixture_tear_down)

  ADD ("/gui/form/register-adds-row-and-audit", test_register_adds_row_and_audit);
  ADD ("/gui/form/bad-date-shows-message", test_bad_date_shows_message);
  ADD ("/gui/form/future-birth-date-refused", test_future_birth_date_refused);
  ADD ("/gui/form/required-fields-named", test_required_fields_named);
  ADD ("/gui/form/cancel-asks-before-discarding", test_cancel_asks_before_discarding);
  ADD ("/gui/form/edit-keeps-case-number", test_edit_keeps_case_number);
  ADD ("/gui/form/tab-reaches-every-field", test_tab_reaches_every_field);
  ADD ("/gui/form/duplicate-go-on-is-audited", test_duplicate_go_on_is_audited);
  ADD ("/gui/form/duplicate-open-existing", test_duplicate_open_existing);
  ADD ("/gui/form/duplicate-marked", test_duplicate_marked);

  return g_test_run ();
}
