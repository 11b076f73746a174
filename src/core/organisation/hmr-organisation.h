/* hmr-organisation.h — the organisation printed on acts, receipts and
 * referral slips
 *
 * Its name, and for each office the name and address printed under it,
 * each in Tajik, Russian and English (the languages of the printouts).
 * Everyone who prints reads them; only an administrator changes them,
 * each change with its audit row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hmr-store.h"

G_BEGIN_DECLS

/* tg, ru, en: in the order of HmrActLanguage */
#define HMR_ORGANISATION_N_LANGUAGES 3

typedef struct
{
  char *office_id;
  char *code;                                   /* read-only: "DST" */
  char *district;                               /* read-only */
  char *name[HMR_ORGANISATION_N_LANGUAGES];     /* "Идораи ноҳияи Дӯстӣ"; NULL: not given */
  char *address[HMR_ORGANISATION_N_LANGUAGES];
} HmrOfficeHeading;

typedef struct
{
  char      *name[HMR_ORGANISATION_N_LANGUAGES];  /* NULL: not given */
  GPtrArray *offices;                             /* HmrOfficeHeading, by code */
} HmrOrganisation;

void              hmr_organisation_free          (HmrOrganisation *organisation);
HmrOfficeHeading *hmr_organisation_find_office   (HmrOrganisation *organisation,
                                                  const char      *office_id);
const char       *hmr_organisation_language      (guint            language);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HmrOrganisation, hmr_organisation_free)

HmrOrganisation  *hmr_store_get_organisation     (HmrStore         *self,
                                                  const HmrActor   *actor,
                                                  GError          **error);
gboolean          hmr_store_set_organisation     (HmrStore         *self,
                                                  const HmrActor   *actor,
                                                  const HmrOrganisation *organisation,
                                                  GError          **error);
gboolean          hmr_store_may_edit_organisation (const HmrActor  *actor);

/* What a printout of @office_id shows at its top, in @language (falling
 * back to the other languages for a text not given in it): the
 * organisation's name and the office's line (name, address); either
 * %NULL when nothing was given */
gboolean          hmr_store_get_letterhead       (HmrStore         *self,
                                                  const char       *office_id,
                                                  guint             language,
                                                  char            **organisation,
                                                  char            **office,
                                                  GError          **error);

G_END_DECLS
