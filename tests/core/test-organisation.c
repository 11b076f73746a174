/* test-organisation.c — the organisation on acts, receipts and slips
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "grant-test-util.h"
#include "referral-test-util.h"
#include "hmr-act-pdf.h"
#include "hmr-organisation.h"
#include "hmr-referral-slip.h"

#define ORG_TG "Созмони ҷамъиятии «Ҳамроҳ»"
#define ORG_RU "Общественная организация «Хамрох»"
#define ORG_EN "Hamroh Public Organisation"
#define DUSTI_TG "Идораи ноҳияи Дӯстӣ"
#define DUSTI_RU "Офис района Дусти"
#define DUSTI_ADDRESS_TG "ш. Дӯстӣ, кӯчаи Сомонӣ 12"

/* The organisation in three languages; Dusti's office named in Tajik and
 * Russian, its address in Tajik only */
static HmrOrganisation *
example (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  HmrOrganisation *org = hmr_store_get_organisation (f->store, f->admin, &error);
  HmrOfficeHeading *dusti;

  g_assert_no_error (error);
  org->name[0] = g_strdup (ORG_TG);
  org->name[1] = g_strdup (ORG_RU);
  org->name[2] = g_strdup (ORG_EN);
  dusti = hmr_organisation_find_office (org, DUSTI_OFFICE);
  g_assert_nonnull (dusti);
  g_assert_cmpstr (dusti->code, ==, "DST");
  dusti->name[0] = g_strdup (DUSTI_TG);
  dusti->name[1] = g_strdup (DUSTI_RU);
  dusti->address[0] = g_strdup (DUSTI_ADDRESS_TG);
  return org;
}

static void
test_only_the_administrator_changes_it (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrOrganisation) org = example (f);
  g_autoptr(HmrOrganisation) read = NULL;
  HmrActor *refused[] = { f->caseworker, f->supervisor, f->finance };
  const char *audit_sql = "SELECT count(*) FROM audit_log WHERE entity IN ('organisation', 'office')";

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_false (hmr_store_may_edit_organisation (refused[i]));
      g_assert_false (hmr_store_set_organisation (f->store, refused[i], org, &error));
      g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
      g_clear_error (&error);
    }
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM setting"), ==, 0);
  g_assert_cmpint (count_rows (f->path, audit_sql), ==, 0);

  g_assert_true (hmr_store_may_edit_organisation (f->admin));
  g_assert_true (hmr_store_set_organisation (f->store, f->admin, org, &error));
  g_assert_no_error (error);
  /* one audit row for the organisation, one for the office that changed */
  g_assert_cmpint (count_rows (f->path, audit_sql), ==, 2);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE entity = 'office' "
                                        "AND entity_id = '" DUSTI_OFFICE "' AND username = 'admin'"), ==, 1);

  /* everyone who prints reads it */
  read = hmr_store_get_organisation (f->store, f->caseworker, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (read->name[0], ==, ORG_TG);
  g_assert_cmpstr (read->name[2], ==, ORG_EN);
  g_assert_cmpstr (hmr_organisation_find_office (read, DUSTI_OFFICE)->address[0], ==, DUSTI_ADDRESS_TG);
  g_assert_null (hmr_organisation_find_office (read, DUSTI_OFFICE)->address[1]);

  /* the same again changes nothing and writes no audit row */
  g_assert_true (hmr_store_set_organisation (f->store, f->admin, org, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->path, audit_sql), ==, 2);

  /* an emptied text is gone */
  g_free (org->name[2]);
  org->name[2] = g_strdup ("  ");
  g_assert_true (hmr_store_set_organisation (f->store, f->admin, org, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM setting WHERE key = 'organisation.name.en'"), ==, 0);
  g_assert_cmpint (count_rows (f->path, audit_sql), ==, 3);
}

static void
test_bad_text_refused_naming_the_field (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrOrganisation) org = example (f);
  HmrOfficeHeading *dusti = hmr_organisation_find_office (org, DUSTI_OFFICE);

  g_free (dusti->address[1]);
  dusti->address[1] = g_strdup ("ул. Сомони\x01 12");
  g_assert_false (hmr_store_set_organisation (f->store, f->admin, org, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Address of office DST (Russian)"));
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM setting"), ==, 0);
}

static void
test_printed_on_acts_receipts_and_slips (Fixture       *f,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrOrganisation) org = example (f);
  g_autofree char *person = add_person (f, f->caseworker, "Ҷӯраев", "Ғайрат", "Juraev", "Dusti");
  g_autofree char *grant = add_grant (f, f->caseworker, person, "Welding workshop", 500000);
  g_autoptr(HmrHandover) act = hmr_handover_new ();
  g_autofree char *act_pdf = g_build_filename (f->dir, "act.pdf", NULL);
  g_autofree char *receipt_pdf = g_build_filename (f->dir, "receipt.pdf", NULL);
  g_autofree char *slip_pdf = g_build_filename (f->dir, "slip.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *provider = NULL;
  g_autofree char *referred = NULL;
  g_autofree char *referral = NULL;

  g_assert_true (hmr_store_set_organisation (f->store, f->admin, org, &error));
  g_assert_no_error (error);

  /* the handover act, in Tajik */
  act->beneficiary_id = g_strdup (person);
  act->handed_on = g_strdup ("15.11.2026");
  act->place = g_strdup ("Деҳаи Гулистон");
  act->received_by = g_strdup ("Ҷӯраев Ғайрат");
  hmr_handover_add_item (act, "Дастгоҳи кафшеркунӣ", 1, 320000, "WM-204518");
  hmr_handover_add_witness (act, "Саидов Абдуллоҳ", "Раиси ҷамоати Бахор");
  g_assert_true (hmr_store_insert_handover (f->store, f->caseworker, act, &error));
  g_assert_no_error (error);
  g_assert_true (hmr_act_write_handover (f->store, f->caseworker, act->id, HMR_ACT_LANGUAGE_TG, act_pdf, &error));
  g_assert_no_error (error);
  text = pdf_text (act_pdf);
  g_assert_nonnull (strstr (text, ORG_TG));
  g_assert_nonnull (strstr (text, DUSTI_TG ", " DUSTI_ADDRESS_TG));
  g_clear_pointer (&text, g_free);

  /* the grant receipt, in Russian: the address only given in Tajik */
  submit_and_approve (f, grant, 500000);
  g_assert_true (hmr_store_record_disbursement (f->store, f->finance, grant, "2026-11-10", 300000,
                                                "cash", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (hmr_act_write_grant_receipt (f->store, f->finance, grant, 0, HMR_ACT_LANGUAGE_RU, receipt_pdf, &error));
  g_assert_no_error (error);
  text = pdf_text (receipt_pdf);
  g_assert_nonnull (strstr (text, ORG_RU));
  g_assert_nonnull (strstr (text, DUSTI_RU ", " DUSTI_ADDRESS_TG));
  g_assert_null (strstr (text, ORG_TG));
  g_clear_pointer (&text, g_free);

  /* the referral slip, in English: the office has no English name */
  provider = add_provider (f, "Legal Aid Centre", "legal_aid", "Dusti", "Dusti");
  referred = register_person (f, f->caseworker, "Раҳимов", "Dusti", TRUE);
  referral = new_referral (f, f->caseworker, referred, provider, "legal_aid", TRUE);
  move (f, f->caseworker, referral, "sent");
  g_assert_true (hmr_referral_slip_write_pdf (f->store, f->caseworker, referral, "en", slip_pdf, &error));
  g_assert_no_error (error);
  text = pdf_text (slip_pdf);
  g_assert_nonnull (strstr (text, ORG_EN));
  g_assert_nonnull (strstr (text, DUSTI_TG));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, grant_tear_down)
  ADD ("/organisation/only-the-administrator-changes-it", test_only_the_administrator_changes_it);
  ADD ("/organisation/bad-text-refused-naming-the-field", test_bad_text_refused_naming_the_field);
  ADD ("/organisation/printed-on-acts-receipts-and-slips", test_printed_on_acts_receipts_and_slips);
#undef ADD
  return g_test_run ();
}
