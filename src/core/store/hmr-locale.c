/* hmr-locale.c — the locale and message catalogue both programs start with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hmr-locale.h"

/**
 * hmr_setup_i18n:
 *
 * Sets the locale from the environment and binds Hamroh's message
 * catalogue.  HAMROH_LOCALEDIR, when set, replaces the installed locale
 * folder: tests and `make run` point it at the build tree's po folder.
 *
 * GNU gettext ignores LANGUAGE in the plain C locale, which is what a
 * machine without LANG runs in; there the UTF-8 variant of C is taken
 * instead, so that `LANGUAGE=tg hamroh` shows Tajik on such a machine too.
 *
 * Returns: the name of the locale now in effect
 */
const char *
hmr_setup_i18n (void)
{
  const char *locale = setlocale (LC_ALL, "");
  const char *language = g_getenv ("LANGUAGE");
  const char *localedir = g_getenv ("HAMROH_LOCALEDIR");

  if (language != NULL && language[0] != '\0' &&
      (locale == NULL || strcmp (locale, "C") == 0 || strcmp (locale, "POSIX") == 0))
    {
      const char *utf8 = setlocale (LC_ALL, "C.UTF-8");

      if (utf8 != NULL)
        locale = utf8;
    }

  if (localedir == NULL || localedir[0] == '\0')
    localedir = LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  return locale;
}

/**
 * hmr_locale_writes_cyrillic:
 *
 * Whether the window speaks a language written in Cyrillic (Tajik,
 * Russian): amounts are then written as on an act in that language
 * ("5 874,00 TJS") and staff are named by the Cyrillic spelling of their
 * name.  The catalogue in effect answers, not the locale: `LANGUAGE=tg`
 * on a machine in the C locale shows Tajik, so it writes as Tajik does.
 */
gboolean
hmr_locale_writes_cyrillic (void)
{
  /* Translators: how your language is written: answer "cyrillic" for
   * Tajik and Russian, keep "latin" otherwise.  Amounts and staff names
   * follow it. */
  return strcmp (C_("writing system", "latin"), "cyrillic") == 0;
}
