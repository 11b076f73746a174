/* hmr-store-referral-slip.c — what a referral slip shows, and nothing more
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hmr-labels.h"
#include "hmr-referral-slip.h"
#include "hmr-store-private.h"

#define NAME_SQL(b) \
  b ".family_name || ' ' || " b ".given_name || coalesce(' ' || nullif(" b ".patronymic, ''), '')"

static gboolean
has_text (const char *s)
{
  for (; s && *s; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return TRUE;
  return FALSE;
}

static char *
strip_or_null (const char *s)
{
  return has_text (s) ? g_strstrip (g_strdup (s)) : NULL;
}

void
hmr_referral_slip_free (HmrReferralSlip *slip)
{
  if (slip == NULL)
    return;
  g_free (slip->referral_id);
  g_free (slip->status);
  g_free (slip->case_number);
  g_free (slip->beneficiary_name);
  g_free (slip->beneficiary_name_latin);
  g_free (slip->beneficiary_phone);
  g_free (slip->service_type);
  g_free (slip->reason);
  g_free (slip->provider_name);
  g_free (slip->provider_address);
  g_free (slip->provider_phone);
  g_free (slip->provider_contact);
  g_free (slip->office_id);
  g_free (slip->office_name);
  g_free (slip->caseworker_name);
  g_free (slip->caseworker_name_cyrillic);
  g_free (slip->sent_on);
  g_free (slip->due_on);
  g_free (slip);
}

/**
 * hmr_store_get_referral_slip:
 *
 * Collects what the provider needs to see, and nothing more: the person's
 * names, case number, the service, reason, provider, referring office and
 * caseworker (the case owner, else who sent it), dates; the person's phone only with their consent to share.
 * No health, trafficking or other case-file details.  Drafts and revoked
 * referrals have no slip.
 *
 * Returns: (transfer full): the slip's data
 */
HmrReferralSlip *
hmr_store_get_referral_slip (HmrStore        *self,
                             const HmrActor  *actor,
                             const char      *id,
                             GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  HmrReferralSlip *slip;
  int rc;

  g_return_val_if_fail (HMR_IS_STORE (self), NULL);

  if (!hmr_store_check_actor (self, actor, error) ||
      !hmr_store_require (actor, HMR_ACTION_REFERRAL_READ, NULL, error))
    return NULL;

  stmt = hmr_store_prepare (self,
                            "SELECT r.id, r.status, r.office_id, b.case_number, " NAME_SQL ("b") ", "
                            "trim(coalesce(b.family_name_latin, '') || ' ' || coalesce(b.given_name_latin, '') "
                            "     || ' ' || coalesce(b.patronymic_latin, '')), "
                            "CASE WHEN b.consent_sharing = 1 OR r.consent_given = 1 THEN b.phone END, "
                            "r.service_type, r.reason, p.name, p.address, p.phone, p.contact_person, o.name, "
                            "coalesce((SELECT u.full_name FROM case_file c JOIN app_user u ON u.id = c.owner_id "
                            "          WHERE c.id = r.case_id), "
                            "         (SELECT u.full_name FROM referral_history h JOIN app_user u ON u.id = h.by_user "
                            "          WHERE h.referral_id = r.id AND h.to_state = 'sent' ORDER BY h.at DESC LIMIT 1), "
                            "         (SELECT u.full_name FROM app_user u WHERE u.id = r.created_by)), "
                            "r.sent_on, r.due_on, "
                            /* the same person's name in Cyrillic, for slips in Tajik and Russian */
                            "coalesce((SELECT u.full_name_cyrillic FROM case_file c JOIN app_user u ON u.id = c.owner_id "
                            "          WHERE c.id = r.case_id), "
                            "         (SELECT u.full_name_cyrillic FROM referral_history h JOIN app_user u ON u.id = h.by_user "
                            "          WHERE h.referral_id = r.id AND h.to_state = 'sent' ORDER BY h.at DESC LIMIT 1), "
                            "         (SELECT u.full_name_cyrillic FROM app_user u WHERE u.id = r.created_by)) "
                            "FROM referral r JOIN beneficiary b ON b.id = r.beneficiary_id "
                            "LEFT JOIN service_provider p ON p.id = r.provider_id "
                            "LEFT JOIN office o ON o.id = r.office_id "
                            "WHERE r.id = ?1 AND r.deleted_at IS NULL",
                            error);
  if (stmt == NULL)
    return NULL;
  hmr_bind_text (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_NOT_FOUND,
                   _("This referral does not exist (any more)."));
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      hmr_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  if (!hmr_store_require (actor, HMR_ACTION_REFERRAL_READ, (const char *) sqlite3_column_text (stmt, 2), error))
    return NULL;
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "draft") == 0 ||
      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), "revoked") == 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Refused: a slip is printed for a sent referral; this one is “%s”."),
                   hmr_code_get_label (HMR_CODES_REFERRAL_STATUS, (const char *) sqlite3_column_text (stmt, 1)));
      return NULL;
    }

  slip = g_new0 (HmrReferralSlip, 1);
  slip->referral_id = hmr_column_dup_text (stmt, 0);
  slip->status = hmr_column_dup_text (stmt, 1);
  slip->case_number = hmr_column_dup_text (stmt, 3);
  slip->beneficiary_name = hmr_column_dup_text (stmt, 4);
  slip->beneficiary_name_latin = strip_or_null ((const char *) sqlite3_column_text (stmt, 5));
  slip->beneficiary_phone = hmr_column_dup_text (stmt, 6);
  slip->service_type = hmr_column_dup_text (stmt, 7);
  slip->reason = hmr_column_dup_text (stmt, 8);
  slip->provider_name = hmr_column_dup_text (stmt, 9);
  slip->provider_address = hmr_column_dup_text (stmt, 10);
  slip->provider_phone = hmr_column_dup_text (stmt, 11);
  slip->provider_contact = hmr_column_dup_text (stmt, 12);
  slip->office_id = hmr_column_dup_text (stmt, 2);
  slip->office_name = hmr_column_dup_text (stmt, 13);
  slip->caseworker_name = hmr_column_dup_text (stmt, 14);
  slip->sent_on = hmr_column_dup_text (stmt, 15);
  slip->due_on = hmr_column_dup_text (stmt, 16);
  slip->caseworker_name_cyrillic = hmr_column_dup_text (stmt, 17);
  return slip;
}
