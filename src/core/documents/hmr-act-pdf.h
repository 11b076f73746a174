/* hmr-act-pdf.h — printable acts: the handover act and the grant receipt
 *
 * A4 PDF (cairo and pango) in Tajik, Russian or English, whatever the
 * language of the user interface: the act is printed in the language of the
 * people who sign it.  Its fixed words come from a built-in table; what
 * the users typed (items, names, place) is printed as typed.  Every
 * printout writes a "print" audit row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-store.h"

G_BEGIN_DECLS

typedef enum
{
  HMR_ACT_LANGUAGE_TG,
  HMR_ACT_LANGUAGE_RU,
  HMR_ACT_LANGUAGE_EN,
  HMR_N_ACT_LANGUAGES
} HmrActLanguage;

#define HMR_ACT_ERROR (hmr_act_error_quark ())
GQuark      hmr_act_error_quark           (void);

gboolean    hmr_act_language_from_string  (const char     *code,
                                           HmrActLanguage *language);
const char *hmr_act_language_to_string    (HmrActLanguage  language);

/* The handover act: items with quantities, unit values and totals, the
 * recipient's names in Cyrillic and Latin, place and date, and a signature
 * line for the recipient, each witness and the staff member. */
gboolean    hmr_act_write_handover        (HmrStore       *store,
                                           const HmrActor *actor,
                                           const char     *handover_id,
                                           HmrActLanguage  language,
                                           const char     *path,
                                           GError        **error);

/* The grant receipt: the tranches paid (@tranche 0: all of them; N: only
 * tranche N), the grant's budget and a signature line for each beneficiary
 * and the finance officer. */
gboolean    hmr_act_write_grant_receipt   (HmrStore       *store,
                                           const HmrActor *actor,
                                           const char     *grant_id,
                                           int             tranche,
                                           HmrActLanguage  language,
                                           const char     *path,
                                           GError        **error);

G_END_DECLS
