/* hmr-name-key.c
 *
 * Two steps.  First every letter becomes Latin (Tajik and Russian Cyrillic
 * transliterated); everything that is not a letter or a digit separates
 * words.  Then the usual variants of the same sound are folded together:
 * ҳ/х/h/kh/x → h, ҷ/дж/j/dj/dzh/zh → j, қ/q/k → k, ғ/gh/g → g, ӯ/u → u, ӣ/i → i,
 * and doubled letters count once.
 *
 * The variant key folds further what people type for the same name on a
 * Russian keyboard or in Russified spelling: ч for ҷ (ch → j), е for ё
 * (yo → e), а for о (o → a), г for ҳ (g → h), ы for и (y → i), and the
 * Russian endings -ова/-ева/-ович/-овна (→ -ов/-ев).  Search finds by the
 * variant key and puts the people found by the exact key first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-name-key.h"

static const char *
cyrillic_to_latin (gunichar c)
{
  switch (c)
    {
    case 0x0430: return "a";    /* а */
    case 0x0431: return "b";    /* б */
    case 0x0432: return "v";    /* в */
    case 0x0433: return "g";    /* г */
    case 0x0493: return "g";    /* ғ */
    case 0x0434: return "d";    /* д */
    case 0x0435: return "e";    /* е */
    case 0x0451: return "yo";   /* ё */
    case 0x0436: return "j";    /* ж */
    case 0x0437: return "z";    /* з */
    case 0x0438: return "i";    /* и */
    case 0x04e3: return "i";    /* ӣ */
    case 0x0439: return "y";    /* й */
    case 0x043a: return "k";    /* к */
    case 0x049b: return "k";    /* қ */
    case 0x043b: return "l";    /* л */
    case 0x043c: return "m";    /* м */
    case 0x043d: return "n";    /* н */
    case 0x043e: return "o";    /* о */
    case 0x043f: return "p";    /* п */
    case 0x0440: return "r";    /* р */
    case 0x0441: return "s";    /* с */
    case 0x0442: return "t";    /* т */
    case 0x0443: return "u";    /* у */
    case 0x04ef: return "u";    /* ӯ */
    case 0x0444: return "f";    /* ф */
    case 0x0445: return "h";    /* х */
    case 0x04b3: return "h";    /* ҳ */
    case 0x0446: return "ts";   /* ц */
    case 0x0447: return "ch";   /* ч */
    case 0x04b7: return "j";    /* ҷ */
    case 0x0448: return "sh";   /* ш */
    case 0x0449: return "sh";   /* щ */
    case 0x044a: return "";     /* ъ */
    case 0x044b: return "y";    /* ы */
    case 0x044c: return "";     /* ь */
    case 0x044d: return "e";    /* э */
    case 0x044e: return "yu";   /* ю */
    case 0x044f: return "ya";   /* я */
    case 0x0456: return "i";    /* і */
    default:     return NULL;
    }
}

static gboolean
is_vowel (char c)
{
  return c != '\0' && strchr ("aeiouy", c) != NULL;
}

/* Fold one Latin word (lowercase ASCII letters and digits) */
static void
fold_word (GString    *out,
           const char *w)
{
  GString *s = g_string_new (NULL);
  gsize i;

  for (i = 0; w[i]; i++)
    {
      char c = w[i];
      char next = w[i + 1];

      if (c == 'd' && next == 'z' && w[i + 2] == 'h')
        { g_string_append_c (s, 'j'); i += 2; continue; }
      if (c == 'd' && next == 'j')
        { g_string_append_c (s, 'j'); i += 1; continue; }
      if (c == 'z' && next == 'h')
        { g_string_append_c (s, 'j'); i += 1; continue; }
      if (c == 'k' && next == 'h')
        { g_string_append_c (s, 'h'); i += 1; continue; }
      if (c == 'g' && next == 'h')
        { g_string_append_c (s, 'g'); i += 1; continue; }
      if (c == 'x')
        { g_string_append_c (s, 'h'); continue; }
      if (c == 'q')
        { g_string_append_c (s, 'k'); continue; }
      if (c == 'w')
        { g_string_append_c (s, 'v'); continue; }
      if (c == 'c' && next != 'h')
        { g_string_append_c (s, 'k'); continue; }
      /* Jurayev / Juraev: a y between vowels is a glide */
      if (c == 'y' && s->len > 0 && is_vowel (s->str[s->len - 1]) && next == 'e')
        continue;
      /* Rakhimov / Rakhimow, Aliy / Ali at the end of a word */
      if (c == 'y' && next == '\0' && s->len > 0 && s->str[s->len - 1] == 'i')
        continue;
      g_string_append_c (s, c);
    }

  /* doubled letters count once: Muhammad, Muhamad */
  for (i = 0; i < s->len; i++)
    if (i == 0 || s->str[i] != s->str[i - 1] || g_ascii_isdigit (s->str[i]))
      g_string_append_c (out, s->str[i]);

  g_string_free (s, TRUE);
}

/**
 * hmr_name_key_tokens:
 *
 * Returns: (transfer full): the folded words of @text, in order
 */
char **
hmr_name_key_tokens (const char *text)
{
  GPtrArray *tokens = g_ptr_array_new ();
  GString *word = g_string_new (NULL);
  const char *p;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    text = "";

  for (p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *latin = NULL;
      char ascii[2] = { 0, 0 };

      if (c != 0)
        {
          gunichar lower = g_unichar_tolower (c);
          latin = cyrillic_to_latin (lower);
          if (latin == NULL && lower < 0x80 && g_ascii_isalnum (lower))
            {
              ascii[0] = (char) lower;
              latin = ascii;
            }
          else if (latin == NULL && g_unichar_isalpha (lower))
            {
              /* Latin with diacritics (ī, ū, ḥ …): keep the base letter */
              gunichar decomposed[4];
              gsize n = g_unichar_fully_decompose (lower, FALSE, decomposed, 4);
              if (n > 0 && decomposed[0] < 0x80 && g_ascii_isalpha (decomposed[0]))
                {
                  ascii[0] = (char) decomposed[0];
                  latin = ascii;
                }
            }
          /* apostrophes inside names (G'afurov, Gʻafurov) join, not
           * split; Uzbek o' (oʻ) is the sound of Tajik ӯ */
          if (latin == NULL && (c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02bc ||
                                c == 0x02bb || c == '`'))
            {
              if (word->len > 0 && word->str[word->len - 1] == 'o')
                word->str[word->len - 1] = 'u';
              latin = "";
            }
        }

      if (latin != NULL)
        {
          g_string_append (word, latin);
          continue;
        }
      if (word->len > 0)
        {
          GString *folded = g_string_new (NULL);
          fold_word (folded, word->str);
          g_ptr_array_add (tokens, g_string_free (folded, FALSE));
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }

  g_string_free (word, TRUE);
  g_ptr_array_add (tokens, NULL);
  return (char **) g_ptr_array_free (tokens, FALSE);
}

static gboolean
strip_ending (GString    *w,
              const char *ending,
              gsize       keep)
{
  gsize n = strlen (ending);

  if (w->len > n + 1 && strcmp (w->str + w->len - n, ending) == 0)
    {
      g_string_truncate (w, w->len - n + keep);
      return TRUE;
    }
  return FALSE;
}

/* The variant of one folded word (see the top of the file) */
static void
variant_word (GString    *out,
              const char *key)
{
  g_autoptr(GString) w = g_string_new (key);
  GString *s = g_string_new (NULL);
  gsize i;

  /* Russian endings: Rahimova, Rahimovich, Rahimovna → rahimov */
  {
    static const char *endings[] = { "ovich", "evich", "ovna", "evna", "ova", "eva" };

    for (guint k = 0; k < G_N_ELEMENTS (endings); k++)
      if (strip_ending (w, endings[k], 2))
        break;
  }

  for (i = 0; i < w->len; i++)
    {
      char c = w->str[i];
      char next = w->str[i + 1];

      if (c == 'c' && next == 'h')
        { g_string_append_c (s, 'j'); i++; continue; }
      if (c == 'y' && next == 'o')
        { g_string_append_c (s, 'e'); i++; continue; }
      if (c == 'o')
        c = 'a';
      else if (c == 'g')
        c = 'h';
      else if (c == 'y')
        c = 'i';
      g_string_append_c (s, c);
    }
  for (i = 0; i < s->len; i++)
    if (i == 0 || s->str[i] != s->str[i - 1] || g_ascii_isdigit (s->str[i]))
      g_string_append_c (out, s->str[i]);
  g_string_free (s, TRUE);
}

/**
 * hmr_name_key_variants:
 * @keys: folded words separated by spaces (hmr_name_key(), or the keys of
 *   the search index)
 *
 * Returns: (transfer full): the variant of each word, in order, joined by
 *   spaces
 */
char *
hmr_name_key_variants (const char *keys)
{
  g_auto(GStrv) words = g_strsplit (keys ? keys : "", " ", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i]; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      variant_word (out, words[i]);
    }
  return g_string_free (out, FALSE);
}

/**
 * hmr_name_variant_key:
 *
 * Returns: (transfer full): the variant key of @text: "Чураев Фаррух",
 *   "Джураев Фаррух" and "Ҷӯраев Фаррух" give the same
 */
char *
hmr_name_variant_key (const char *text)
{
  g_autofree char *key = hmr_name_key (text);
  return hmr_name_key_variants (key);
}

/**
 * hmr_name_key:
 *
 * Returns: (transfer full): the folded words of @text joined by spaces
 */
char *
hmr_name_key (const char *text)
{
  g_auto(GStrv) tokens = hmr_name_key_tokens (text);
  return g_strjoinv (" ", tokens);
}

static char *
match_expression (char **tokens)
{
  GString *expr = g_string_new (NULL);

  for (guint i = 0; tokens[i]; i++)
    {
      if (tokens[i][0] == '\0')
        continue;
      if (expr->len > 0)
        g_string_append (expr, " AND ");
      g_string_append_printf (expr, "\"%s\"*", tokens[i]);
    }
  if (expr->len == 0)
    {
      g_string_free (expr, TRUE);
      return NULL;
    }
  return g_string_free (expr, FALSE);
}

/**
 * hmr_search_match_expression:
 * @exact_out: (out) (optional): the expression of the exact spelling only,
 *   to rank the people it finds first
 *
 * Turns what a user typed into an FTS5 MATCH expression over the search
 * index: every word must match as a prefix, of its exact key (column
 * "keys") or of its variant key (column "variants").  Only letters and
 * digits reach FTS5, so quotes, asterisks, NEAR and the like are plain
 * text.
 *
 * Returns: (transfer full) (nullable): the expression, or %NULL when
 *   nothing searchable was typed
 */
char *
hmr_search_match_expression (const char  *user_text,
                             char       **exact_out)
{
  g_auto(GStrv) tokens = hmr_name_key_tokens (user_text);
  g_autofree char *keys = g_strjoinv (" ", tokens);
  g_autofree char *variant_keys = hmr_name_key_variants (keys);
  g_auto(GStrv) variants = g_strsplit (variant_keys, " ", -1);
  g_autofree char *exact = match_expression (tokens);
  g_autofree char *loose = match_expression (variants);

  if (exact_out)
    *exact_out = NULL;
  if (exact == NULL || loose == NULL)
    return NULL;
  if (exact_out)
    *exact_out = g_strdup_printf ("keys : (%s)", exact);
  return g_strdup_printf ("keys : (%s) OR variants : (%s)", exact, loose);
}
