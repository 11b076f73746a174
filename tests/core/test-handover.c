/* test-handover.c — handover acts: drafts, photos, signing locks, corrections,
 * the printed act and the handovers export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "grant-test-util.h"
#include "hmr-act-pdf.h"
#include "hmr-act-private.h"

#define TINY_PNG "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="

/* The field example's equipment, handed over in front of the jamoat chairman */
static HmrHandover *
field_example_handover (const char *beneficiary_id)
{
  HmrHandover *h = hmr_handover_new ();

  h->beneficiary_id = g_strdup (beneficiary_id);
  h->handed_on = g_strdup ("15.11.2026");
  h->place = g_strdup ("Деҳаи Гулистон, ҷамоати Бахор, ноҳияи Дӯстӣ");
  h->received_by = g_strdup ("Ҷӯраев Ғайрат");
  hmr_handover_add_item (h, "Дастгоҳи кафшеркунӣ", 1, 320000, "WM-204518");
  hmr_handover_add_item (h, "Компрессори ҳавоӣ", 1, 380000, "AC-771203");
  hmr_handover_add_item (h, "Болгарка (angle grinder)", 1, 70000, "AG-118840");
  hmr_handover_add_item (h, "Домкрати гидравликӣ", 1, 140000, NULL);
  hmr_handover_add_item (h, "Маҷмӯи калидҳо", 2, 40050, NULL);
  hmr_handover_add_witness (h, "Саидов Абдуллоҳ", "Раиси ҷамоати Бахор");
  hmr_handover_add_witness (h, "Каримова Мавлуда", "Head of the mahalla");
  return h;
}

static GBytes *
tiny_png (void)
{
  gsize len;
  guchar *data = g_base64_decode (TINY_PNG, &len);

  return g_bytes_new_take (data, len);
}

static char *
saved_handover (Fixture     *f,
                char       **person_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *person = add_person (f, f->caseworker, "Ҷӯраев", "Ғайрат", "Juraev", "Dusti");
  g_autoptr(HmrHandover) h = field_example_handover (person);

  g_assert_true (hmr_store_insert_handover (f->store, f->caseworker, h, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (h->office_id, ==, DUSTI_OFFICE);
  if (person_out)
    *person_out = g_steal_pointer (&person);
  return g_strdup (h->id);
}

static void
test_signed_cannot_be_edited (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = tiny_png ();
  g_autofree char *id = saved_handover (f, NULL);
  g_autofree char *photo = NULL;
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(HmrHandover) h = NULL;
  const char *locked_sql[] = {
    "UPDATE handover SET place = 'elsewhere'",
    "UPDATE handover_item SET quantity = 5",
    "DELETE FROM handover_item",
    "UPDATE handover_witness SET name = 'someone'",
    "DELETE FROM handover_witness",
    "UPDATE attachment SET filename = 'x.png'",
    "DELETE FROM attachment",
    "DELETE FROM handover",
  };

  g_assert_true (hmr_store_add_handover_photo (f->store, f->caseworker, id, "/home/m/handover-1.png", png,
                                               &photo, &error));
  g_assert_no_error (error);
  g_assert_true (hmr_store_sign_handover (f->store, f->caseworker, id, NULL, NULL, "Signed in the jamoat office",
                                          &error));
  g_assert_no_error (error);

  h = hmr_store_get_handover (f->store, f->finance, id, &error);
  g_assert_no_error (error);
  g_assert_true (hmr_handover_is_signed (h));
  g_assert_cmpuint (h->attachments->len, ==, 1);
  g_assert_cmpstr (((HmrAttachmentInfo *) g_ptr_array_index (h->attachments, 0))->filename, ==, "handover-1.png");

  /* every edit function of the store refuses, and writes nothing */
  before = snapshot (f);
  g_free (h->place);
  h->place = g_strdup ("Another village");
  g_assert_false (hmr_store_update_handover (f->store, f->caseworker, h, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (hmr_store_update_handover (f->store, f->finance, h, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (hmr_store_add_handover_photo (f->store, f->caseworker, id, "late.png", png, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (hmr_store_remove_handover_photo (f->store, f->caseworker, id, photo, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (hmr_store_archive_handover (f->store, f->caseworker, id, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (hmr_store_sign_handover (f->store, f->finance, id, png, "again.png", NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_LOCKED);
  g_clear_error (&error);
  after = snapshot (f);
  g_assert_cmpstr (before, ==, after);

  /* nor can the file be changed behind Hamroh's back */
  for (guint i = 0; i < G_N_ELEMENTS (locked_sql); i++)
    {
      sqlite3 *db = NULL;
      g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, locked_sql[i], NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
      sqlite3_close (db);
    }
  g_clear_pointer (&after, g_free);
  after = snapshot (f);
  g_assert_cmpstr (before, ==, after);
}

static void
test_correction_is_a_new_linked_act (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *person = NULL;
  g_autofree char *id = saved_handover (f, &person);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(HmrHandover) fix = field_example_handover (person);
  g_autoptr(HmrHandover) again = field_example_handover (person);
  g_autoptr(HmrHandover) old = NULL;
  g_autoptr(HmrHandover) draft_fix = field_example_handover (person);

  /* a draft is not corrected: it is changed */
  draft_fix->corrects_id = g_strdup (id);
  g_assert_false (hmr_store_insert_handover (f->store, f->caseworker, draft_fix, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (hmr_store_sign_handover (f->store, f->caseworker, id, NULL, NULL, NULL, &error));
  before = snapshot (f);
  fix->corrects_id = g_strdup (id);
  g_free (((HmrHandoverItem *) g_ptr_array_index (fix->items, 0))->serial);
  ((HmrHandoverItem *) g_ptr_array_index (fix->items, 0))->serial = g_strdup ("WM-204517");
  g_assert_true (hmr_store_insert_handover (f->store, f->finance, fix, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (fix->status, ==, "draft");

  /* the signed act is untouched and points to its correction */
  old = hmr_store_get_handover (f->store, f->caseworker, id, &error);
  g_assert_cmpstr (old->status, ==, "signed");
  g_assert_cmpstr (old->corrected_by_id, ==, fix->id);
  g_assert_cmpstr (((HmrHandoverItem *) g_ptr_array_index (old->items, 0))->serial, ==, "WM-204518");
  after = snapshot (f);
  {
    /* what changed is only new rows */
    g_auto(GStrv) lines_before = g_strsplit (before, "\n", -1);
    for (guint i = 0; lines_before[i]; i++)
      if (!g_str_has_prefix (lines_before[i], "[") && lines_before[i][0])
        g_assert_nonnull (strstr (after, lines_before[i]));
  }
  /* an act is corrected once; the next correction corrects the correction */
  again->corrects_id = g_strdup (id);
  g_assert_false (hmr_store_insert_handover (f->store, f->caseworker, again, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
}

static void
test_photos_kept_within_limits (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = tiny_png ();
  g_autoptr(GBytes) stored = NULL;
  g_autofree char *id = saved_handover (f, NULL);
  g_autofree char *photo = NULL;
  g_autofree char *sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, png);
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL, *after = NULL;
  guchar *big = g_malloc0 (12 * 1000 * 1000);
  guchar *just = g_malloc0 (HMR_ATTACHMENT_MAX_SIZE + 1);
  g_autoptr(GBytes) too_big = NULL;
  g_autoptr(GBytes) just_over = NULL;
  g_autoptr(GBytes) pdf = g_bytes_new_static ("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", 24);

  memcpy (big, g_bytes_get_data (png, NULL), g_bytes_get_size (png));
  too_big = g_bytes_new_take (big, 12 * 1000 * 1000);
  memcpy (just, g_bytes_get_data (png, NULL), g_bytes_get_size (png));
  just_over = g_bytes_new_take (just, HMR_ATTACHMENT_MAX_SIZE + 1);

  before = snapshot (f);
  g_assert_false (hmr_store_add_handover_photo (f->store, f->caseworker, id, "huge.png", too_big, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "huge.png"));
  g_assert_nonnull (strstr (error->message, "12.0\u00a0MB"));   /* what it is, and the limit */
  g_assert_nonnull (strstr (error->message, "10.0\u00a0MB"));
  g_clear_error (&error);
  g_assert_false (hmr_store_add_handover_photo (f->store, f->caseworker, id, "edge.png", just_over, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "edge.png"));
  g_clear_error (&error);
  g_assert_false (hmr_store_add_handover_photo (f->store, f->caseworker, id, "act.pdf", pdf, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  /* a supervisor does not record handovers */
  g_assert_false (hmr_store_add_handover_photo (f->store, f->supervisor, id, "p.png", png, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  g_clear_error (&error);
  after = snapshot (f);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (hmr_store_add_handover_photo (f->store, f->finance, id, "p.png", png, &photo, &error));
  g_assert_no_error (error);
  sql = g_strdup_printf ("SELECT count(*) FROM attachment WHERE id = '%s' AND kind = 'photo' AND sha256 = '%s' "
                         "AND size = %" G_GSIZE_FORMAT " AND mime_type = 'image/png'",
                         photo, sha, g_bytes_get_size (png));
  g_assert_cmpint (count_rows (f->path, sql), ==, 1);
  stored = hmr_store_dup_handover_attachment (f->store, f->caseworker, photo, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (stored, png));
  /* a draft's photo can be taken off again; it stays archived */
  g_assert_true (hmr_store_remove_handover_photo (f->store, f->caseworker, id, photo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM attachment WHERE deleted_at IS NOT NULL"), ==, 1);
}

static void
test_signing_needs_items_and_witness (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *person = add_person (f, f->caseworker, "Назаров", "Далер", NULL, "Dusti");
  g_autoptr(HmrHandover) h = field_example_handover (person);
  g_autoptr(GBytes) scan = tiny_png ();
  g_autofree char *before = NULL, *after = NULL;

  g_ptr_array_set_size (h->witnesses, 0);
  g_assert_true (hmr_store_insert_handover (f->store, f->caseworker, h, &error));
  before = snapshot (f);
  g_assert_false (hmr_store_sign_handover (f->store, f->caseworker, h->id, NULL, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "Witnesses"));
  g_clear_error (&error);
  /* a supervisor and another office's caseworker may not sign */
  g_assert_false (hmr_store_sign_handover (f->store, f->supervisor, h->id, NULL, NULL, NULL, &error));
  g_clear_error (&error);
  g_assert_false (hmr_store_sign_handover (f->store, f->caseworker_panj, h->id, NULL, NULL, NULL, &error));
  g_clear_error (&error);
  after = snapshot (f);
  g_assert_cmpstr (before, ==, after);

  hmr_handover_add_witness (h, "Саидов Абдуллоҳ", "Jamoat chairman");
  g_assert_true (hmr_store_update_handover (f->store, f->caseworker, h, &error));
  g_assert_no_error (error);
  /* signed with the scan of the paper */
  g_assert_true (hmr_store_sign_handover (f->store, f->finance, h->id, scan, "act-scan.png", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM attachment WHERE kind = 'handover_act'"), ==, 1);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM handover_history WHERE to_state = 'signed'"), ==, 1);
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE entity = 'handover' "
                                        "AND action = 'move'"), ==, 1);
}

/* The report's case for handovers: U+FFFF typed into an item made every
 * later handover export an invalid workbook */
static void
test_characters_that_cannot_be_stored (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *person = add_person (f, f->caseworker, "Назаров", "Далер", NULL, "Dusti");
  g_autoptr(HmrHandover) h = field_example_handover (person);
  HmrHandoverItem *item = g_ptr_array_index (h->items, 2);
  gint64 before = count_rows (f->path, "SELECT count(*) FROM handover");

  g_free (item->name);
  item->name = g_strdup ("Болгарка\xef\xbf\xbf");
  g_assert_false (hmr_store_insert_handover (f->store, f->caseworker, h, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Item 3 contains a character that cannot be stored (U+FFFF)"));
  g_clear_error (&error);

  g_free (item->name);
  item->name = g_strdup ("Болгарка");
  g_free (h->place);
  h->place = g_strdup ("Деҳаи Гулистон\x1b[31m");
  g_assert_false (hmr_store_insert_handover (f->store, f->caseworker, h, &error));
  g_assert_nonnull (strstr (error->message, "Place contains"));
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM handover"), ==, before);
}

/* ---- the printed act --------------------------------------------------- */

static void
test_act_lists_every_item_and_the_total (Fixture       *f,
                                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = saved_handover (f, NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "act.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(HmrHandover) h = NULL;
  g_autofree char *total = NULL;

  g_assert_true (hmr_store_sign_handover (f->store, f->caseworker, id, NULL, NULL, NULL, &error));
  h = hmr_store_get_handover (f->store, f->caseworker, id, &error);
  /* 3,200 + 3,800 + 700 + 1,400 + 2 × 400.50 = 9,901.00 TJS */
  g_assert_cmpint (hmr_handover_get_total (h), ==, 990100);

  g_assert_true (hmr_act_write_handover (f->store, f->finance, id, HMR_ACT_LANGUAGE_TG, pdf, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf);
  /* Tajik letters come through: the title, the items, the witness */
  g_assert_nonnull (strstr (text, "Санади супурдан ва қабули таҷҳизот"));
  for (guint i = 0; i < h->items->len; i++)
    g_assert_nonnull (strstr (text, ((HmrHandoverItem *) g_ptr_array_index (h->items, i))->name));
  g_assert_nonnull (strstr (text, "WM-204518"));
  g_assert_nonnull (strstr (text, "Раиси ҷамоати Бахор"));
  g_assert_nonnull (strstr (text, "Деҳаи Гулистон"));
  g_assert_nonnull (strstr (text, "15.11.2026"));
  /* the names in Cyrillic and Latin, the total, the line for each signature */
  g_assert_nonnull (strstr (text, "Ҷӯраев Ғайрат"));
  g_assert_nonnull (strstr (text, "Juraev"));
  g_assert_nonnull (strstr (text, "Ҳамагӣ"));
  total = g_strdup ("9 901,00 TJS");
  g_assert_nonnull (strstr (text, total));
  g_assert_nonnull (strstr (text, "801,00"));      /* 2 × 400,50 */
  /* the total in words and the place of the stamp */
  g_assert_nonnull (strstr (text, "Бо ҳарфҳо: Нӯҳ ҳазору нӯҳсаду як сомонӣ 00 дирам"));
  g_assert_nonnull (strstr (text, "Ҷ.М."));
  /* recipient, two witnesses, staff */
  g_assert_cmpuint (count_occurrences (text, "(имзо)"), ==, 4);
  g_assert_nonnull (strstr (text, "Malika Rahimova"));
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE action = 'print' "
                                        "AND entity = 'handover' AND username = 'f.saidov'"), ==, 1);

  /* the same act in Russian and English */
  g_assert_true (hmr_act_write_handover (f->store, f->caseworker, id, HMR_ACT_LANGUAGE_RU, pdf, &error));
  g_clear_pointer (&text, g_free);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Акт приёма-передачи оборудования"));
  g_assert_cmpuint (count_occurrences (text, "(подпись)"), ==, 4);
  g_assert_nonnull (strstr (text, "Прописью: Девять тысяч девятьсот один сомони 00 дирамов"));
  g_assert_nonnull (strstr (text, "М.П."));
  g_assert_true (hmr_act_write_handover (f->store, f->caseworker, id, HMR_ACT_LANGUAGE_EN, pdf, &error));
  g_clear_pointer (&text, g_free);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "9,901.00 TJS"));
  g_assert_cmpuint (count_occurrences (text, "(signature)"), ==, 4);
  g_assert_nonnull (strstr (text, "In words: Nine thousand nine hundred one somoni 00 dirams"));

  /* another office's caseworker may not print it */
  g_assert_false (hmr_act_write_handover (f->store, f->caseworker_panj, id, HMR_ACT_LANGUAGE_TG, pdf, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
}

static void
test_amount_in_words (void)
{
  struct { gint64 dirams; HmrActLanguage lang; const char *words; } cases[] = {
    { 587400, HMR_ACT_LANGUAGE_TG, "Панҷ ҳазору ҳаштсаду ҳафтоду чор сомонӣ 00 дирам" },
    { 587400, HMR_ACT_LANGUAGE_RU, "Пять тысяч восемьсот семьдесят четыре сомони 00 дирамов" },
    { 587400, HMR_ACT_LANGUAGE_EN, "Five thousand eight hundred seventy-four somoni 00 dirams" },
    { 123456789, HMR_ACT_LANGUAGE_TG, "Як миллиону дусаду сию чор ҳазору панҷсаду шасту ҳафт сомонӣ 89 дирам" },
    { 123456789, HMR_ACT_LANGUAGE_RU,
      "Один миллион двести тридцать четыре тысячи пятьсот шестьдесят семь сомони 89 дирамов" },
    { 123456789, HMR_ACT_LANGUAGE_EN,
      "One million two hundred thirty-four thousand five hundred sixty-seven somoni 89 dirams" },
    { 200100001, HMR_ACT_LANGUAGE_RU, "Два миллиона одна тысяча сомони 01 дирам" },
    { 2200000, HMR_ACT_LANGUAGE_RU, "Двадцать две тысячи сомони 00 дирамов" },
    { 3200000, HMR_ACT_LANGUAGE_TG, "Сию ду ҳазор сомонӣ 00 дирам" },
    { 50, HMR_ACT_LANGUAGE_TG, "Сифр сомонӣ 50 дирам" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *words = hmr_act_amount_in_words (cases[i].dirams, "TJS", cases[i].lang);
      g_assert_cmpstr (words, ==, cases[i].words);
    }
  {
    g_autofree char *usd = hmr_act_amount_in_words (150050, "USD", HMR_ACT_LANGUAGE_EN);
    g_assert_cmpstr (usd, ==, "One thousand five hundred USD 50/100");
  }
}

/* A million somoni and more stays on one line in the total column */
static void
test_receipt_big_amounts_on_one_line (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *b1 = add_person (f, f->caseworker, "Ҷӯраев", "Ғайрат", "Juraev", "Dusti");
  g_autofree char *grant = add_grant (f, f->caseworker, b1, "Greenhouse complex", 1234567890);
  g_autofree char *pdf = g_build_filename (f->dir, "receipt.pdf", NULL);
  g_autofree char *text = NULL;

  submit_and_approve (f, grant, 1234567890);
  g_assert_true (hmr_store_record_disbursement (f->store, f->finance, grant, "2026-11-10", 1234567890,
                                                "bank_transfer", "Супоришномаи пардохтӣ № 4471", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (hmr_act_write_grant_receipt (f->store, f->finance, grant, 0, HMR_ACT_LANGUAGE_TG, pdf, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf);
  /* in the table row and the total row, never split over two lines */
  /* the approved amount; paid, total received; the budget line's unit
   * cost, its total and the budget's total: six, none split */
  g_assert_cmpuint (count_occurrences (text, "12 345 678,90 TJS"), ==, 6);
  g_assert_nonnull (strstr (text, "Ҷ.М."));
}

static void
test_act_goes_on_over_pages (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *person = add_person (f, f->caseworker, "Бобоев", "Шуҳрат", "Boboev", "Dusti");
  g_autoptr(HmrHandover) h = hmr_handover_new ();
  g_autofree char *pdf = g_build_filename (f->dir, "long.pdf", NULL);
  g_autofree char *text = NULL;
  gint64 total = 0;

  h->beneficiary_id = g_strdup (person);
  h->handed_on = g_strdup ("2026-11-20");
  h->place = g_strdup ("Dusti district office");
  h->received_by = g_strdup ("Бобоев Шуҳрат");
  for (guint i = 1; i <= 90; i++)
    {
      g_autofree char *name = g_strdup_printf ("Асбоби рақами %u", i);
      hmr_handover_add_item (h, name, i % 3 + 1, 1000 + i, NULL);
      total += (i % 3 + 1) * (1000 + i);
    }
  hmr_handover_add_witness (h, "Саидов Абдуллоҳ", "Jamoat chairman");
  g_assert_true (hmr_store_insert_handover (f->store, f->caseworker, h, &error));
  g_assert_true (hmr_act_write_handover (f->store, f->caseworker, h->id, HMR_ACT_LANGUAGE_TG, pdf, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf);
  for (guint i = 1; i <= 90; i++)
    {
      g_autofree char *name = g_strdup_printf ("Асбоби рақами %u ", i);
      g_assert_nonnull (strstr (text, name));
    }
  g_assert_cmpuint (count_occurrences (text, "\f"), >=, 3);
  g_assert_nonnull (strstr (text, "Саҳифаи 3 аз"));
  g_assert_nonnull (strstr (text, "ЛОИҲА"));   /* a draft says so */
  {
    /* 1,881.60 TJS, on the last page */
    g_autofree char *grouped = g_strdup_printf ("%d %03d,%02d TJS", (int) (total / 100000),
                                                (int) (total / 100 % 1000), (int) (total % 100));
    g_assert_cmpint (total, ==, 188160);
    g_assert_nonnull (strstr (text, grouped));
  }
}

static void
test_grant_receipt (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *b1 = add_person (f, f->caseworker, "Ҷӯраев", "Ғайрат", "Juraev", "Dusti");
  g_autofree char *b2 = add_person (f, f->caseworker, "Қодиров", "Умед", "Qodirov", "Dusti");
  g_autoptr(HmrGrant) g = field_example_grant (b1, b2, NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "receipt.pdf", NULL);
  g_autofree char *text = NULL;

  g_assert_true (hmr_store_insert_grant (f->store, f->caseworker, g, &error));
  /* nothing paid: nothing to sign for */
  g_assert_false (hmr_act_write_grant_receipt (f->store, f->finance, g->id, 0, HMR_ACT_LANGUAGE_RU, pdf, &error));
  g_clear_error (&error);
  submit_and_approve (f, g->id, 587400);
  g_assert_true (hmr_store_record_disbursement (f->store, f->finance, g->id, "2026-11-10", 300000,
                                                "supplier_payment", "Счёт-фактура 118", NULL, &error));
  g_assert_true (hmr_act_write_grant_receipt (f->store, f->finance, g->id, 0, HMR_ACT_LANGUAGE_RU, pdf, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Расписка в получении средств гранта"));
  g_assert_nonnull (strstr (text, "Счёт-фактура 118"));
  g_assert_nonnull (strstr (text, "Оплата поставщику"));
  g_assert_nonnull (strstr (text, "Цемент, халтаи 50 кг"));
  g_assert_nonnull (strstr (text, "Juraev"));
  g_assert_nonnull (strstr (text, "Qodirov"));
  /* two recipients and the finance officer sign */
  g_assert_cmpuint (count_occurrences (text, "(подпись)"), ==, 3);
  g_assert_nonnull (strstr (text, "Firuz Saidov"));
  g_assert_cmpint (count_rows (f->path, "SELECT count(*) FROM audit_log WHERE action = 'print' AND entity = 'grant'"),
                   ==, 1);
}

/* The receipt's text without its printed-on line */
static char *
receipt_text (Fixture        *f,
              const HmrActor *actor,
              const char     *grant_id,
              int             tranche,
              const char     *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_true (hmr_act_write_grant_receipt (f->store, actor, grant_id, tranche, HMR_ACT_LANGUAGE_RU, path,
                                              &error));
  g_assert_no_error (error);
  text = pdf_text (path);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (strstr (lines[i], "Напечатано") == NULL)
      g_string_append_printf (out, "%s\n", lines[i]);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_receipt_reprinted_later_is_the_same (Fixture       *f,
                                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *b1 = add_person (f, f->caseworker, "Ҷӯраев", "Ғайрат", "Juraev", "Dusti");
  g_autoptr(HmrGrant) g = field_example_grant (b1, NULL, NULL);
  g_autofree char *pdf = g_build_filename (f->dir, "receipt.pdf", NULL);
  g_autofree char *first = NULL, *again = NULL;
  g_autoptr(HmrActor) finance2 = NULL;

  g_assert_true (hmr_store_insert_grant (f->store, f->caseworker, g, &error));
  submit_and_approve (f, g->id, 587400);
  g_assert_true (hmr_store_record_disbursement (f->store, f->finance, g->id, "2026-11-10", 300000,
                                                "supplier_payment", "Счёт-фактура 118", NULL, &error));
  g_assert_true (hmr_store_record_disbursement (f->store, f->finance, g->id, "2026-11-20", 150000,
                                                "cash", "РКО № 7", NULL, &error));
  g_assert_no_error (error);
  first = receipt_text (f, f->finance, g->id, 2, pdf);
  /* as at the second tranche: 4,500.00 paid, 1,374.00 to come */
  g_assert_nonnull (strstr (first, "4 500,00 TJS"));
  g_assert_nonnull (strstr (first, "1 374,00 TJS"));

  /* a month later a third tranche is paid, and another finance officer
   * prints the second tranche's receipt again */
  g_date_time_unref (f->now);
  f->now = g_date_time_new_utc (2026, 12, 23, 10, 0, 0);
  finance2 = hmr_store_create_user (f->store, f->admin, "z.nazarova", "Zarina Nazarova",
                                    HMR_ROLE_FINANCE, NULL, "Bozori-Kuhna-2026", &error);
  g_assert_no_error (error);
  g_assert_true (hmr_store_record_disbursement (f->store, finance2, g->id, "2026-12-22", 137400,
                                                "cash", "РКО № 19", NULL, &error));
  g_assert_no_error (error);
  again = receipt_text (f, finance2, g->id, 2, pdf);
  g_assert_cmpstr (again, ==, first);
}

/* ---- the handovers export ------------------------------------------------ */

static void
test_export_one_row_per_item (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = saved_handover (f, NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "handovers.xlsx", NULL);
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  const char *script =
    "import sys, openpyxl\n"
    "ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]\n"
    "print(ws.freeze_panes, ws.auto_filter.ref)\n"
    "for row in ws.iter_rows(min_row=2):\n"
    "    print('\\t'.join('%s:%s' % (c.data_type, '' if c.value is None else c.value) for c in row))\n";

  g_assert_false (hmr_export_handovers (f->store, f->caseworker, xlsx, NULL, NULL, NULL, &error));
  g_assert_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_DENIED);
  /* the refusal names what was refused */
  g_assert_nonnull (strstr (error->message, "may not export the handovers"));
  g_clear_error (&error);
  g_assert_false (g_file_test (xlsx, G_FILE_TEST_EXISTS));
  /* supervisors export everything */
  g_assert_true (hmr_export_handovers (f->store, f->supervisor, xlsx, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (hmr_export_handovers (f->store, f->finance, xlsx, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  out = run_python (script, xlsx);
  lines = g_strsplit (g_strchomp (out), "\n", -1);
  g_assert_cmpstr (lines[0], ==, "A2 A1:S6");
  /* five items, a blank row, three totals */
  g_assert_cmpuint (g_strv_length (lines), ==, 1 + 5 + 4);
  g_assert_true (g_str_has_prefix (lines[1], "d:2026-11-15 00:00:00\ts:"));
  g_assert_nonnull (strstr (lines[1], "s:Дастгоҳи кафшеркунӣ\ts:WM-204518\tn:1\tn:3200\tn:3200"));
  g_assert_nonnull (strstr (lines[5], "s:Маҷмӯи калидҳо\tn:\tn:2\tn:400.5\tn:801"));
  g_assert_nonnull (strstr (lines[1], "Саидов Абдуллоҳ (Раиси ҷамоати Бахор)"));
  (void) id;
}

/* The last cell of the total row that starts with @label, in dirams */
static gint64
total_row (GStrv       lines,
           const char *label)
{
  g_autofree char *prefix = g_strdup_printf ("s:%s\t", label);

  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], prefix))
      {
        const char *last = strrchr (lines[i], '\t');
        g_assert_true (g_str_has_prefix (last, "\tn:"));
        return (gint64) llround (g_ascii_strtod (last + 3, NULL) * 100);
      }
  g_error ("no total row “%s”", label);
}

static void
test_export_corrected_act_counted_once (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *person = NULL;
  g_autofree char *id = saved_handover (f, &person);
  g_autofree char *other = add_person (f, f->caseworker, "Қодиров", "Умед", "Qodirov", "Dusti");
  g_autoptr(HmrHandover) fix = field_example_handover (person);
  g_autoptr(HmrHandover) draft = hmr_handover_new ();
  g_autoptr(HmrHandover) old = NULL;
  g_autofree char *xlsx = g_build_filename (f->dir, "handovers.xlsx", NULL);
  g_autofree char *out = NULL;
  g_autofree char *old_ref = NULL, *fix_ref = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 in_force = 0, replaced = 0, drafts = 0;
  guint n_replaced = 0;
  const char *script =
    "import sys, openpyxl\n"
    "ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]\n"
    "for row in ws.iter_rows(min_row=2):\n"
    "    print('\\t'.join('%s:%s' % (c.data_type, '' if c.value is None else c.value) for c in row))\n";

  /* the field example signed (9,901.00), then corrected: the compressor
   * was worth 3,600.00, not 3,800.00 */
  g_assert_true (hmr_store_sign_handover (f->store, f->caseworker, id, NULL, NULL, NULL, &error));
  fix->corrects_id = g_strdup (id);
  ((HmrHandoverItem *) g_ptr_array_index (fix->items, 1))->unit_value = 360000;
  g_assert_true (hmr_store_insert_handover (f->store, f->finance, fix, &error));
  g_assert_no_error (error);

  /* while the correction is a draft, the original is in force */
  g_assert_true (hmr_export_handovers (f->store, f->finance, xlsx, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  out = run_python (script, xlsx);
  lines = g_strsplit (g_strchomp (out), "\n", -1);
  g_assert_cmpint (total_row (lines, "Signed acts in force"), ==, 990100);
  g_assert_cmpint (total_row (lines, "Drafts, not yet signed"), ==, 970100);
  g_assert_cmpint (total_row (lines, "Replaced by a correction"), ==, 0);
  g_clear_pointer (&lines, g_strfreev);
  g_clear_pointer (&out, g_free);

  /* signed, the correction replaces it; a draft for someone else stays apart */
  g_assert_true (hmr_store_sign_handover (f->store, f->finance, fix->id, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  draft->beneficiary_id = g_strdup (other);
  draft->handed_on = g_strdup ("20.11.2026");
  draft->place = g_strdup ("Деҳаи Гулистон");
  draft->received_by = g_strdup ("Қодиров Умед");
  hmr_handover_add_item (draft, "Мошини дӯзандагӣ", 1, 250000, NULL);
  hmr_handover_add_witness (draft, "Саидов Абдуллоҳ", "Раиси ҷамоати Бахор");
  g_assert_true (hmr_store_insert_handover (f->store, f->caseworker, draft, &error));
  g_assert_no_error (error);

  g_assert_true (hmr_export_handovers (f->store, f->finance, xlsx, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  out = run_python (script, xlsx);
  lines = g_strsplit (g_strchomp (out), "\n", -1);

  /* acts are numbered like cases: office, A for act, year, sequence */
  old = hmr_store_get_handover (f->store, f->finance, id, &error);
  g_assert_no_error (error);
  old_ref = g_strdup (old->number);
  fix_ref = g_strdup (fix->number);
  g_assert_cmpstr (old_ref, ==, "DST-A-2026-0001");
  g_assert_cmpstr (fix_ref, ==, "DST-A-2026-0002");
  g_clear_pointer (&old, hmr_handover_free);
  for (guint i = 0; lines[i] && lines[i][0] == 'd'; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], "\t", -1);
      gint64 value = (gint64) llround (g_ascii_strtod (cells[18] + 2, NULL) * 100);

      if (g_strcmp0 (cells[1] + 2, old_ref) == 0)
        {
          /* the original says it was replaced, and by which act */
          g_assert_cmpstr (cells[2], ==, "s:Replaced by a correction");
          g_assert_cmpstr (cells[4] + 2, ==, fix_ref);
          replaced += value;
          n_replaced++;
        }
      else if (g_str_equal (cells[2], "s:Signed"))
        {
          g_assert_cmpstr (cells[3] + 2, ==, old_ref);
          in_force += value;
        }
      else
        {
          g_assert_cmpstr (cells[2], ==, "s:Draft");
          drafts += value;
        }
    }
  g_assert_cmpuint (n_replaced, ==, 5);
  g_assert_cmpint (in_force, ==, 970100);
  g_assert_cmpint (replaced, ==, 990100);
  g_assert_cmpint (drafts, ==, 250000);
  /* the totals below say the same: the corrected value is counted once */
  g_assert_cmpint (total_row (lines, "Signed acts in force"), ==, 970100);
  g_assert_cmpint (total_row (lines, "Drafts, not yet signed"), ==, 250000);
  g_assert_cmpint (total_row (lines, "Replaced by a correction"), ==, 990100);

  old = hmr_store_get_handover (f->store, f->finance, id, &error);
  g_assert_cmpstr (old->corrected_by_id, ==, fix->id);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/act/amount-in-words/tajik-russian-english", test_amount_in_words);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, grant_tear_down)
  ADD ("/handover/signed/every-edit-refused-database-unchanged", test_signed_cannot_be_edited);
  ADD ("/handover/correction/is-a-new-linked-act", test_correction_is_a_new_linked_act);
  ADD ("/handover/photo/size-limit-type-and-checksum", test_photos_kept_within_limits);
  ADD ("/handover/sign/needs-items-witness-and-the-role", test_signing_needs_items_and_witness);
  ADD ("/handover/text/characters-that-cannot-be-stored-refused-by-field", test_characters_that_cannot_be_stored);
  ADD ("/act/handover/lists-every-item-total-and-signature-lines", test_act_lists_every_item_and_the_total);
  ADD ("/act/handover/goes-on-over-pages", test_act_goes_on_over_pages);
  ADD ("/act/grant-receipt/lists-tranches-and-signatures", test_grant_receipt);
  ADD ("/act/grant-receipt/millions-stay-on-one-line", test_receipt_big_amounts_on_one_line);
  ADD ("/act/grant-receipt/reprinted-later-is-the-same-document", test_receipt_reprinted_later_is_the_same);
  ADD ("/export/handovers/one-row-per-item-finance-only", test_export_one_row_per_item);
  ADD ("/export/handovers/corrected-act-counted-once-drafts-apart", test_export_corrected_act_counted_once);
#undef ADD
  return g_test_run ();
}
