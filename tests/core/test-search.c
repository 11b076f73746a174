/* test-search.c — finding people however their name was spelled
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-case-file.h"
#include "hmr-name-key.h"
#include "hmr-test-util.h"

/* Pairs of spellings of the same name, as caseworkers meet them: Tajik
 * Cyrillic, Russian Cyrillic, passport Latin, phone-call Latin */
static const char *same[][2] = {
  { "Раҳимов", "Rakhimov" },
  { "Раҳимов", "Rahimov" },
  { "Раҳимов", "Рахимов" },
  { "Ҷӯраев", "Juraev" },
  { "Ҷӯраев", "Dzhuraev" },
  { "Ҷӯраев", "Jurayev" },
  { "Ҷӯраев", "Джураев" },
  { "Қодиров", "Kodirov" },
  { "Қодиров", "Qodirov" },
  { "Ғафуров", "Gafurov" },
  { "Ғафуров", "Ghafurov" },
  { "Ғафуров", "G'afurov" },
  { "Ҳакимов", "Hakimov" },
  { "Ҳакимов", "Khakimov" },
  { "Ҳакимов", "Xakimov" },
  { "Хуршед", "Khurshed" },
  { "Хуршед", "Hurshed" },
  { "Ӯктам", "Uktam" },
  { "Шарифӣ", "Sharifi" },
  { "Алӣ", "Aliy" },
  { "Муҳаммад", "Mukhamad" },
  { "Муҳаммад", "Muhammad" },
  { "Ёрова", "Yorova" },
  { "Чоршанбиев", "Chorshanbiev" },
  { "Шоҳмирзоев", "Shohmirzoev" },
  { "Саидзода", "SAIDZODA" },
  { "Ҷамшед", "Jamshed" },
  { "Ҷамшед", "Djamshed" },
};

static const char *different[][2] = {
  { "Раҳимов", "Rashidov" },
  { "Қодиров", "Kadyrova" },
  { "Ғафуров", "Gulov" },
  { "Саидов", "Saidzoda" },
  { "Ҷӯраев", "Jabborov" },
};

/* What the exact key keeps apart but the variant key joins: a Russian
 * keyboard (ч for ҷ, е for ё, у for ӯ), Russified spellings (а for о, г
 * for ҳ, ы for и, -ова), Uzbek-style Latin, Latin with macrons */
static const char *variants[][2] = {
  { "Ҷӯраев", "Чураев" },
  { "Ҷамшед", "Чамшед" },
  { "Ёрова", "Ерова" },
  { "Раҳмонов", "Рахманов" },
  { "Ҳусейнов", "Гусейнов" },
  { "Насиров", "Насыров" },
  { "Қодиров", "Кадыров" },
  { "Раҳимов", "Рахимова" },
  { "Ҷӯраев", "Jo'rayev" },
  { "Ҷӯраев", "Joʻrayev" },
  { "Ҷӯраев", "Joʼrayev" },
  { "Ғафуров", "G‘afurov" },
  { "Ҷӯраев", "Jūraev" },
  { "Қодиров", "Qōdirov" },
  { "Шарифӣ", "Sharīfī" },
};

static void
test_name_variant_pairs (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_autofree char *a = hmr_name_variant_key (variants[i][0]);
      g_autofree char *b = hmr_name_variant_key (variants[i][1]);

      if (g_strcmp0 (a, b) != 0)
        g_error ("%s → “%s” but %s → “%s”", variants[i][0], a, variants[i][1], b);
    }
  /* still apart */
  for (guint i = 0; i < G_N_ELEMENTS (different); i++)
    {
      g_autofree char *a = hmr_name_variant_key (different[i][0]);
      g_autofree char *b = hmr_name_variant_key (different[i][1]);

      if (g_str_equal (different[i][1], "Kadyrova"))
        continue;     /* Қодиров and Kadyrova: Russified, the same variant */
      g_assert_cmpstr (a, !=, b);
    }
}

static void
test_name_key_pairs (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_autofree char *a = hmr_name_key (same[i][0]);
      g_autofree char *b = hmr_name_key (same[i][1]);

      if (g_strcmp0 (a, b) != 0)
        g_error ("%s → “%s” but %s → “%s”", same[i][0], a, same[i][1], b);
    }
  for (guint i = 0; i < G_N_ELEMENTS (different); i++)
    {
      g_autofree char *a = hmr_name_key (different[i][0]);
      g_autofree char *b = hmr_name_key (different[i][1]);

      g_assert_cmpstr (a, !=, b);
    }
}

static void
test_name_key_words (void)
{
  g_auto(GStrv) tokens = hmr_name_key_tokens ("  Раҳимов,Фаррух — DST-2026-00042 ");
  g_autofree char *empty = hmr_name_key ("«»—!?");

  g_assert_cmpuint (g_strv_length (tokens), ==, 5);
  g_assert_cmpstr (tokens[0], ==, "rahimov");
  g_assert_cmpstr (tokens[1], ==, "faruh");
  g_assert_cmpstr (tokens[2], ==, "dst");
  g_assert_cmpstr (tokens[4], ==, "00042");
  g_assert_cmpstr (empty, ==, "");
  /* not UTF-8 at all: no crash, no key */
  {
    g_autofree char *bad = hmr_name_key ("\xff\xfe");
    g_assert_cmpstr (bad, ==, "");
  }
}

static void
test_match_expression_escapes (void)
{
  const char *typed[] = {
    "\"Rakhimov", "Rakh*", "Rakhimov NEAR Farrukh", "NOT", "rahimov OR 1=1",
    "(Rahimov)", "ra:him", "^Rahimov", "-Rahimov", "'; DROP TABLE beneficiary; --",
  };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autofree char *exact = NULL;
      g_autofree char *expr = hmr_search_match_expression (typed[i], &exact);
      g_assert_nonnull (expr);
      g_assert_nonnull (exact);
      /* only quoted folded words, prefix stars, AND, OR and the two
       * columns of the index */
      for (const char *p = expr; *p; p++)
        g_assert_true (g_ascii_isalnum (*p) || strchr ("\"* :()", *p) != NULL);
      g_assert_true (g_str_has_prefix (expr, "keys : (\""));
      g_assert_nonnull (strstr (expr, ") OR variants : (\""));
    }
  g_assert_null (hmr_search_match_expression ("  *** \"\" ", NULL));
}

static GPtrArray *
search (Fixture    *f,
        HmrActor   *actor,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  HmrBeneficiaryQuery q = { 0 };
  GPtrArray *rows;

  q.text = text;
  q.sort = HMR_BENEFICIARY_SORT_NAME;
  ids = hmr_store_query_beneficiary_ids (f->store, actor, &q, NULL, &error);
  g_assert_no_error (error);
  rows = hmr_store_load_beneficiaries (f->store, actor, (gint64 *) ids->data, ids->len, &error);
  g_assert_no_error (error);
  return rows;
}

static HmrBeneficiary *
add (Fixture    *f,
     const char *family,
     const char *given,
     const char *family_latin,
     const char *given_latin,
     const char *phone,
     const char *district)
{
  g_autoptr(GError) error = NULL;
  HmrBeneficiary *b = make_beneficiary (family, given, district);

  hmr_beneficiary_set (b, HMR_BENEFICIARY_FAMILY_NAME_LATIN, family_latin);
  hmr_beneficiary_set (b, HMR_BENEFICIARY_GIVEN_NAME_LATIN, given_latin);
  hmr_beneficiary_set (b, HMR_BENEFICIARY_PHONE, phone);
  g_assert_true (hmr_store_insert_beneficiary (f->store, f->supervisor, b, &error));
  g_assert_no_error (error);
  return b;
}

static gboolean
has_family (GPtrArray  *rows,
            const char *family)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (hmr_beneficiary_get (g_ptr_array_index (rows, i), HMR_BENEFICIARY_FAMILY_NAME), family) == 0)
      return TRUE;
  return FALSE;
}

static void
populate (Fixture *f)
{
  g_object_unref (add (f, "Раҳимов", "Фаррух", "RAKHIMOV", "FARRUKH", "+992 93 123 4567", "Dusti"));
  g_object_unref (add (f, "Ҷӯраев", "Ғайрат", "JURAEV", "GAYRAT", "+992 91 700 1122", "Panj"));
  g_object_unref (add (f, "Рашидов", "Алишер", "RASHIDOV", "ALISHER", NULL, "Dusti"));
  g_object_unref (add (f, "Қодирова", "Гулнора", "KODIROVA", "GULNORA", "+992 98 555 0101", "Khorugh"));
  g_object_unref (add (f, "Саидзода", "Ҷамшед", "SAIDZODA", "JAMSHED", NULL, "Farkhor"));
}

static void
test_search_variants_exact_first (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  struct { const char *typed; const char *finds; } cases[] = {
    { "Чураев", "Ҷӯраев" },           /* a Russian keyboard */
    { "чамшед", "Саидзода" },
    { "Рахимова", "Раҳимов" },         /* a Russian ending */
    { "Кадырова", "Қодирова" },        /* а for о, ы for и */
    { "Jo'rayev", "Ҷӯраев" },          /* Uzbek-style Latin */
    { "Joʻrayev Gʻayrat", "Ҷӯраев" },
    { "Jūraev", "Ҷӯраев" },            /* a macron */
  };

  populate (f);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) rows = search (f, f->supervisor, cases[i].typed);
      if (!has_family (rows, cases[i].finds))
        g_error ("“%s” did not find %s", cases[i].typed, cases[i].finds);
    }

  /* someone really called Чураев: each spelling finds both, its own first,
   * although Ч sorts before Ҷ */
  g_object_unref (add (f, "Чураев", "Ғайрат", NULL, NULL, NULL, "Dusti"));
  {
    g_autoptr(GPtrArray) rows = search (f, f->supervisor, "Ҷӯраев");
    g_assert_cmpuint (rows->len, ==, 2);
    g_assert_cmpstr (hmr_beneficiary_get (g_ptr_array_index (rows, 0), HMR_BENEFICIARY_FAMILY_NAME), ==, "Ҷӯраев");
    g_assert_cmpstr (hmr_beneficiary_get (g_ptr_array_index (rows, 1), HMR_BENEFICIARY_FAMILY_NAME), ==, "Чураев");
  }
  {
    g_autoptr(GPtrArray) rows = search (f, f->supervisor, "Чураев");
    g_assert_cmpuint (rows->len, ==, 2);
    g_assert_cmpstr (hmr_beneficiary_get (g_ptr_array_index (rows, 0), HMR_BENEFICIARY_FAMILY_NAME), ==, "Чураев");
  }

  /* the duplicate check, given the Cyrillic only, typed on a Russian keyboard */
  {
    g_autoptr(HmrBeneficiary) b = make_beneficiary ("Чураев", "Гайрат", "Panj");
    g_autoptr(GPtrArray) dups = hmr_store_find_duplicates (f->store, f->supervisor, b, &error);

    g_assert_no_error (error);
    g_assert_true (has_family (dups, "Ҷӯраев"));
  }
  {
    g_autoptr(HmrBeneficiary) b = make_beneficiary ("Кадырова", "Гулнора", "Khorugh");
    g_autoptr(GPtrArray) dups = hmr_store_find_duplicates (f->store, f->supervisor, b, &error);

    g_assert_no_error (error);
    g_assert_true (has_family (dups, "Қодирова"));
  }
}

static void
test_search_across_scripts (Fixture       *f,
                            gconstpointer  data)
{
  struct { const char *typed; const char *finds; const char *not_finds; } cases[] = {
    { "Rakhimov", "Раҳимов", "Рашидов" },
    { "рахим", "Раҳимов", "Рашидов" },
    { "Раҳимов Фар", "Раҳимов", "Ҷӯраев" },
    { "Dzhuraev", "Ҷӯраев", "Раҳимов" },
    { "Ғайрат", "Ҷӯраев", "Раҳимов" },
    { "qodirova", "Қодирова", "Раҳимов" },
    { "jamshed saidzoda", "Саидзода", "Ҷӯраев" },
    { "931234567", "Раҳимов", "Ҷӯраев" },
    { "1234567", "Раҳимов", "Ҷӯраев" },
    { "93 123", "Раҳимов", "Қодирова" },
    { "KHR-2026", "Қодирова", "Раҳимов" },
  };

  populate (f);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) rows = search (f, f->supervisor, cases[i].typed);
      if (!has_family (rows, cases[i].finds))
        g_error ("“%s” did not find %s", cases[i].typed, cases[i].finds);
      if (has_family (rows, cases[i].not_finds))
        g_error ("“%s” found %s", cases[i].typed, cases[i].not_finds);
    }
}

static void
test_search_user_syntax (Fixture       *f,
                         gconstpointer  data)
{
  const char *typed[] = { "\"Rakh", "Rakh*", "(rakhimov", "rakhimov:", "Rakhimov\"", "^Rakh" };
  /* operators are words like any other: no record has them, no error */
  const char *operators[] = { "Rakhimov NEAR Farrukh", "NOT Rakhimov", "Rakhimov OR Juraev" };

  populate (f);
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_autoptr(GPtrArray) rows = search (f, f->supervisor, typed[i]);
      g_assert_true (has_family (rows, "Раҳимов"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (operators); i++)
    {
      g_autoptr(GPtrArray) rows = search (f, f->supervisor, operators[i]);
      g_assert_cmpuint (rows->len, ==, 0);
    }
  {
    g_autoptr(GPtrArray) rows = search (f, f->supervisor, "Farrukh Rakhimov");
    g_assert_cmpuint (rows->len, ==, 1);
  }
  /* punctuation alone is no filter at all */
  {
    g_autoptr(GPtrArray) rows = search (f, f->supervisor, "\"*");
    g_assert_cmpuint (rows->len, ==, 5);
  }
}

static void
test_search_after_edit (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) b = add (f, "Назаров", "Умед", NULL, NULL, NULL, "Dusti");
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) old = NULL;

  before = search (f, f->supervisor, "Nazarov");
  g_assert_cmpuint (before->len, ==, 1);
  hmr_beneficiary_set (b, HMR_BENEFICIARY_FAMILY_NAME, "Назарзода");
  g_assert_true (hmr_store_update_beneficiary (f->store, f->supervisor, b, &error));
  g_assert_no_error (error);
  after = search (f, f->supervisor, "Nazarzoda");
  g_assert_cmpuint (after->len, ==, 1);
  old = search (f, f->supervisor, "Nazarov");
  g_assert_cmpuint (old->len, ==, 0);
}

static void
test_search_respects_office (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;

  populate (f);
  rows = search (f, f->caseworker, "Juraev");   /* Juraev is in Panj */
  g_assert_cmpuint (rows->len, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = search (f, f->caseworker, "Rakhimov");
  g_assert_cmpuint (rows->len, ==, 1);
}

static void
test_filters_combine (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  HmrBeneficiaryQuery q = { 0 };
  g_autoptr(GArray) ids = NULL;

  populate (f);
  q.district = "Dusti";
  ids = hmr_store_query_beneficiary_ids (f->store, f->supervisor, &q, NULL, &error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_clear_pointer (&ids, g_array_unref);

  q.text = "rashid";
  ids = hmr_store_query_beneficiary_ids (f->store, f->supervisor, &q, NULL, &error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);

  q.text = NULL;
  q.stage = "new";
  q.risk = "low";
  ids = hmr_store_query_beneficiary_ids (f->store, f->supervisor, &q, NULL, &error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_clear_pointer (&ids, g_array_unref);

  q.stage = "services";
  ids = hmr_store_query_beneficiary_ids (f->store, f->supervisor, &q, NULL, &error);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);

  q.stage = NULL;
  q.ban = HMR_BAN_FILTER_WITH_BAN;
  ids = hmr_store_query_beneficiary_ids (f->store, f->supervisor, &q, NULL, &error);
  g_assert_cmpuint (ids->len, ==, 0);
  g_clear_pointer (&ids, g_array_unref);
  q.ban = HMR_BAN_FILTER_WITHOUT_BAN;
  ids = hmr_store_query_beneficiary_ids (f->store, f->supervisor, &q, NULL, &error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_no_error (error);
}

static void
test_sort_matches_sql (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  HmrBeneficiaryQuery q = { 0 };
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  populate (f);
  q.sort = HMR_BENEFICIARY_SORT_NAME;
  q.descending = TRUE;
  ids = hmr_store_query_beneficiary_ids (f->store, f->supervisor, &q, NULL, &error);
  rows = hmr_store_load_beneficiaries (f->store, f->supervisor, (gint64 *) ids->data, ids->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 5);
  for (guint i = 1; i < rows->len; i++)
    {
      const char *a = hmr_beneficiary_get (g_ptr_array_index (rows, i - 1), HMR_BENEFICIARY_FAMILY_NAME);
      const char *b = hmr_beneficiary_get (g_ptr_array_index (rows, i), HMR_BENEFICIARY_FAMILY_NAME);
      g_assert_cmpint (strcmp (a, b), >=, 0);
    }
  /* …and equals what SQLite itself says */
  {
    sqlite3 *db;
    sqlite3_stmt *stmt;
    guint i = 0;

    sqlite3_open (f->path, &db);
    sqlite3_prepare_v2 (db, "SELECT rowid FROM beneficiary ORDER BY family_name COLLATE NOCASE DESC, "
                            "given_name COLLATE NOCASE DESC, rowid", -1, &stmt, NULL);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_assert_cmpint (sqlite3_column_int64 (stmt, 0), ==, g_array_index (ids, gint64, i++));
    g_assert_cmpuint (i, ==, ids->len);
    sqlite3_finalize (stmt);
    sqlite3_close (db);
  }
}

/* The row ids of a plain SQL statement over the file, @match bound to ?1 */
static GArray *
sql_ids (Fixture    *f,
         const char *sql,
         const char *match)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3 *db;
  sqlite3_stmt *stmt;

  sqlite3_open (f->path, &db);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, match, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, rowid);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ids;
}

static void
assert_same_ids (GArray *a,
                 GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    g_assert_cmpint (g_array_index (a, gint64, i), ==, g_array_index (b, gint64, i));
}

static guint
count (Fixture                   *f,
       HmrActor                  *actor,
       const HmrBeneficiaryQuery *q)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = hmr_store_query_beneficiary_ids (f->store, actor, q, NULL, &error);

  g_assert_no_error (error);
  return ids->len;
}

/* A search text with the filters, archived records, the office scope and
 * a sort order all at once: the text narrows what the rest would list */
static void
test_search_with_filters_and_sort (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HmrBeneficiary) rashidov = NULL;
  HmrBeneficiaryQuery q = { 0 };

  populate (f);
  /* "ra" finds Раҳимов and Рашидов (Dusti) and Раҳмонова (Panj) */
  g_object_unref (add (f, "Раҳмонова", "Нилуфар", "RAKHMONOVA", "NILUFAR", NULL, "Panj"));

  q.text = "ra";
  q.sort = HMR_BENEFICIARY_SORT_NAME;
  q.descending = TRUE;
  {
    g_autoptr(GArray) ids = hmr_store_query_beneficiary_ids (f->store, f->supervisor, &q, NULL, &error);
    g_autoptr(GArray) want = sql_ids (f, "SELECT rowid FROM beneficiary WHERE deleted_at IS NULL AND rowid IN "
                                         "(SELECT rowid FROM beneficiary_search WHERE beneficiary_search MATCH ?1) "
                                         "ORDER BY family_name COLLATE NOCASE DESC, given_name COLLATE NOCASE DESC, rowid",
                                      "\"ra\"*");
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 3);
    assert_same_ids (ids, want);
  }

  q.district = "Dusti";
  {
    g_autoptr(GArray) ids = hmr_store_query_beneficiary_ids (f->store, f->supervisor, &q, NULL, &error);
    g_autoptr(GArray) want = sql_ids (f, "SELECT rowid FROM beneficiary WHERE deleted_at IS NULL AND district = 'Dusti' "
                                         "AND rowid IN (SELECT rowid FROM beneficiary_search WHERE beneficiary_search MATCH ?1) "
                                         "ORDER BY family_name COLLATE NOCASE DESC, given_name COLLATE NOCASE DESC, rowid",
                                      "\"ra\"*");
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 2);
    assert_same_ids (ids, want);
  }

  /* case details, the ban and the last-contact order with the text */
  q.risk = "low";
  q.stage = "new";
  q.sort = HMR_BENEFICIARY_SORT_LAST_CONTACT;
  g_assert_cmpuint (count (f, f->supervisor, &q), ==, 2);
  q.case_status = "closed";
  g_assert_cmpuint (count (f, f->supervisor, &q), ==, 0);
  q.case_status = NULL;
  q.stage = "services";
  g_assert_cmpuint (count (f, f->supervisor, &q), ==, 0);
  q.stage = NULL;
  q.ban = HMR_BAN_FILTER_WITH_BAN;
  g_assert_cmpuint (count (f, f->supervisor, &q), ==, 0);
  q.ban = HMR_BAN_FILTER_WITHOUT_BAN;
  g_assert_cmpuint (count (f, f->supervisor, &q), ==, 2);
  q.ban = HMR_BAN_FILTER_ANY;
  q.risk = NULL;

  /* archived: left out unless asked for, with the text as without */
  rashidov = add (f, "Рашидова", "Зарина", "RASHIDOVA", "ZARINA", NULL, "Dusti");
  g_assert_cmpuint (count (f, f->supervisor, &q), ==, 3);
  g_assert_true (hmr_store_archive_beneficiary (f->store, f->supervisor,
                                                hmr_beneficiary_get (rashidov, HMR_BENEFICIARY_ID), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (f, f->supervisor, &q), ==, 2);
  q.include_archived = TRUE;
  g_assert_cmpuint (count (f, f->supervisor, &q), ==, 3);
  q.include_archived = FALSE;

  /* the office scope holds with the text: the Dusti caseworker does not
   * find Раҳмонова in Panj, even with no district chosen */
  q.district = NULL;
  g_assert_cmpuint (count (f, f->supervisor, &q), ==, 3);
  g_assert_cmpuint (count (f, f->caseworker, &q), ==, 2);
  g_assert_cmpuint (count (f, f->caseworker_panj, &q), ==, 1);

  /* a reader of identity only: the text and district hold, a case-detail
   * filter and sort do not (they would tell what they may not know) */
  q.stage = "services";
  q.ban = HMR_BAN_FILTER_WITH_BAN;
  q.sort = HMR_BENEFICIARY_SORT_LAST_CONTACT;
  q.descending = FALSE;
  {
    g_autoptr(GArray) ids = hmr_store_query_beneficiary_ids (f->store, f->finance, &q, NULL, &error);
    g_autoptr(GArray) want = sql_ids (f, "SELECT rowid FROM beneficiary WHERE deleted_at IS NULL AND rowid IN "
                                         "(SELECT rowid FROM beneficiary_search WHERE beneficiary_search MATCH ?1) "
                                         "ORDER BY case_number, rowid",
                                      "\"ra\"*");
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 3);
    assert_same_ids (ids, want);
  }
  q.stage = NULL;
  q.ban = HMR_BAN_FILTER_ANY;

  /* typed FTS syntax with a filter is still only text; punctuation alone
   * leaves the filter on its own */
  q.district = "Dusti";
  q.text = "ra* NEAR \"";
  g_assert_cmpuint (count (f, f->supervisor, &q), ==, 0);
  q.text = "\"ra";
  g_assert_cmpuint (count (f, f->supervisor, &q), ==, 2);
  q.text = "\"*";
  g_assert_cmpuint (count (f, f->supervisor, &q), ==, 2);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/search/name-key/same-name-different-spellings", test_name_key_pairs);
  g_test_add_func ("/search/name-key/russian-keyboard-russified-uzbek-macron-variants", test_name_variant_pairs);
  g_test_add_func ("/search/name-key/words", test_name_key_words);
  g_test_add_func ("/search/match/escapes-user-syntax", test_match_expression_escapes);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/search/store/across-scripts", test_search_across_scripts);
  ADD ("/search/store/variants-found-exact-spelling-first", test_search_variants_exact_first);
  ADD ("/search/store/user-syntax-is-text", test_search_user_syntax);
  ADD ("/search/store/follows-edits", test_search_after_edit);
  ADD ("/search/store/respects-office", test_search_respects_office);
  ADD ("/search/store/filters-combine", test_filters_combine);
  ADD ("/search/store/sort-matches-sql", test_sort_matches_sql);
  ADD ("/search/store/with-filters-and-sort", test_search_with_filters_and_sort);
#undef ADD
  return g_test_run ();
}
