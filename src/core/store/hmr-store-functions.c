/* hmr-store-functions.c — the SQL functions every Hamroh connection has:
 * search keys for the full-text index, and the mark that a write comes
 * from Hamroh (the guard triggers refuse it elsewhere)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hmr-locale.h"
#include "hmr-name-key.h"
#include "hmr-store-private.h"

static void
sql_name_key (sqlite3_context  *ctx,
              int               argc,
              sqlite3_value   **argv)
{
  g_autofree char *key = hmr_name_key ((const char *) sqlite3_value_text (argv[0]));
  sqlite3_result_text (ctx, key, -1, SQLITE_TRANSIENT);
}

static void
append_phone_keys (GString    *out,
                   const char *phone)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = phone; p && *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  /* the nine local digits, and the seven after the operator code, so that
   * both "931234567" and "1234567" find +992 93 123 4567 */
  if (digits->len >= 9)
    g_string_append_printf (out, " %s %s", digits->str + digits->len - 9,
                            digits->str + digits->len - 7);
  g_string_free (digits, TRUE);
}

static void
sql_name_variant_key (sqlite3_context  *ctx,
                      int               argc,
                      sqlite3_value   **argv)
{
  g_autofree char *key = hmr_name_variant_key ((const char *) sqlite3_value_text (argv[0]));
  sqlite3_result_text (ctx, key, -1, SQLITE_TRANSIENT);
}

static GString *
search_keys (int             argc,
             sqlite3_value **argv);

/* hmr_search_keys (family, given, patronymic, family_latin, given_latin,
 * patronymic_latin, case_number, phone, phone_alt, village) */
static void
sql_search_keys (sqlite3_context  *ctx,
                 int               argc,
                 sqlite3_value   **argv)
{
  GString *out = search_keys (argc, argv);

  sqlite3_result_text (ctx, out->str, out->len, SQLITE_TRANSIENT);
  g_string_free (out, TRUE);
}

/* hmr_search_variants (the same ten): the variant of every key */
static void
sql_search_variants (sqlite3_context  *ctx,
                     int               argc,
                     sqlite3_value   **argv)
{
  GString *keys = search_keys (argc, argv);
  g_autofree char *variants = hmr_name_key_variants (keys->str);

  sqlite3_result_text (ctx, variants, -1, SQLITE_TRANSIENT);
  g_string_free (keys, TRUE);
}

static GString *
search_keys (int             argc,
             sqlite3_value **argv)
{
  GString *out = g_string_new (NULL);

  for (int i = 0; i < argc; i++)
    {
      const char *v = (const char *) sqlite3_value_text (argv[i]);
      g_autofree char *key = NULL;

      if (v == NULL)
        continue;
      key = hmr_name_key (v);
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, key);
      if (i == 6)
        {
          /* DST-2026-00042 also as one word */
          g_auto(GStrv) parts = g_strsplit (key, " ", -1);
          g_autofree char *joined = g_strjoinv ("", parts);
          g_string_append_printf (out, " %s", joined);
        }
      if (i == 7 || i == 8)
        append_phone_keys (out, v);
    }
  return out;
}

/* Present on every connection Hamroh opens and on no other: the guard
 * triggers (0010-guards.sql) refuse writes where it is missing */
static void
sql_write_allowed (sqlite3_context  *ctx,
                   int               argc,
                   sqlite3_value   **argv)
{
  sqlite3_result_int (ctx, 1);
}

/* hmr_staff_name (full_name, full_name_cyrillic): how a member of staff
 * is named on the screen: in Cyrillic on Tajik and Russian screens when
 * the account has a Cyrillic spelling, else as the account is named.  Not
 * deterministic (it follows the window's language): never in an index. */
static void
sql_staff_name (sqlite3_context  *ctx,
                int               argc,
                sqlite3_value   **argv)
{
  const char *latin = (const char *) sqlite3_value_text (argv[0]);
  const char *cyrillic = (const char *) sqlite3_value_text (argv[1]);

  if (cyrillic != NULL && cyrillic[0] != '\0' && hmr_locale_writes_cyrillic ())
    sqlite3_result_value (ctx, argv[1]);
  else if (latin != NULL)
    sqlite3_result_value (ctx, argv[0]);
  else
    sqlite3_result_null (ctx);
}

/* Registers Hamroh's SQL functions on a connection Hamroh opens */
void
hmr_store_register_functions (sqlite3 *db)
{
  sqlite3_create_function (db, "hmr_staff_name", 2, SQLITE_UTF8 | SQLITE_INNOCUOUS,
                           NULL, sql_staff_name, NULL, NULL);
  sqlite3_create_function (db, "hmr_write_allowed", 0,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           NULL, sql_write_allowed, NULL, NULL);
  sqlite3_create_function (db, "hmr_name_key", 1,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           NULL, sql_name_key, NULL, NULL);
  sqlite3_create_function (db, "hmr_search_keys", 10,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           NULL, sql_search_keys, NULL, NULL);
  sqlite3_create_function (db, "hmr_name_variant_key", 1,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           NULL, sql_name_variant_key, NULL, NULL);
  sqlite3_create_function (db, "hmr_search_variants", 10,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           NULL, sql_search_variants, NULL, NULL);
}
