/* hmr-referral.c — referral and provider values, the overdue rule, and the
 * board's row object; no SQL here (that is hmr-store-referral.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-beneficiary.h"
#include "hmr-referral.h"

static const char * const service_types[] = {
  "legal_aid", "employment", "vocational_training", "business_loan", "health",
  "migration_service", "psychosocial", NULL
};

static const char * const statuses[HMR_REFERRAL_N_STATUSES + 1] = {
  [HMR_REFERRAL_DRAFT] = "draft",
  [HMR_REFERRAL_SENT] = "sent",
  [HMR_REFERRAL_ACCEPTED] = "accepted",
  [HMR_REFERRAL_REJECTED] = "rejected",
  [HMR_REFERRAL_NO_RESPONSE] = "no_response",
  [HMR_REFERRAL_COMPLETED] = "completed",
  [HMR_REFERRAL_REVOKED] = "revoked",
  NULL
};

/* Returns: (transfer none): the service type codes, %NULL-terminated */
const char * const *
hmr_service_type_codes (void)
{
  return service_types;
}

/* Returns: (transfer none): the referral states in workflow order,
 *   %NULL-terminated; index with #HmrReferralStatus */
const char * const *
hmr_referral_status_codes (void)
{
  return statuses;
}

/* Returns: the #HmrReferralStatus of @status, or -1 when unknown */
int
hmr_referral_status_from_string (const char *status)
{
  for (int i = 0; i < HMR_REFERRAL_N_STATUSES; i++)
    if (g_strcmp0 (statuses[i], status) == 0)
      return i;
  return -1;
}

/* Sent or accepted: waiting for the provider */
gboolean
hmr_referral_status_is_open (const char *status)
{
  return g_strcmp0 (status, "sent") == 0 || g_strcmp0 (status, "accepted") == 0;
}

static gboolean
parse_date (const char *iso,
            GDate      *date)
{
  g_autofree char *day = NULL;

  if (iso == NULL || strlen (iso) < 10)
    return FALSE;
  day = g_strndup (iso, 10);
  return hmr_parse_user_date (day, date);
}

/**
 * hmr_referral_is_overdue:
 * @today: the local date (hmr_store_get_today())
 * @days_overdue: (out) (optional): days after the due date, 0 when not overdue
 *
 * A sent referral that has no answer, or an accepted one that is not
 * completed, is overdue from the day after its due date.
 */
gboolean
hmr_referral_is_overdue (const char  *status,
                         const char  *due_on,
                         const GDate *today,
                         int         *days_overdue)
{
  GDate due;
  int days;

  if (days_overdue)
    *days_overdue = 0;
  if (!hmr_referral_status_is_open (status) || !parse_date (due_on, &due))
    return FALSE;
  days = g_date_days_between (&due, today);
  if (days <= 0)
    return FALSE;
  if (days_overdue)
    *days_overdue = days;
  return TRUE;
}

/* The local date of a stored timestamp ("2026-01-31T18:59:00.000000Z") or
 * of a plain date */
static gboolean
local_date_of (const char *at,
               GDate      *date)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = NULL;

  if (at == NULL)
    return FALSE;
  dt = g_date_time_new_from_iso8601 (at, utc);
  if (dt != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (dt);
      g_date_clear (date, 1);
      g_date_set_dmy (date, g_date_time_get_day_of_month (local),
                      g_date_time_get_month (local), g_date_time_get_year (local));
      return TRUE;
    }
  return parse_date (at, date);
}

/**
 * hmr_referral_days_in_status:
 * @history: (element-type HmrReferralHistoryEntry): oldest first
 * @today: the local date the current state is counted up to
 *
 * Returns: the calendar days the referral spent in @status, summed over
 *   every stay (from the day it entered to the day it left, or to @today
 *   for the current state)
 */
int
hmr_referral_days_in_status (GPtrArray   *history,
                             const char  *status,
                             const GDate *today)
{
  int total = 0;

  if (history == NULL)
    return 0;
  for (guint i = 0; i < history->len; i++)
    {
      HmrReferralHistoryEntry *e = g_ptr_array_index (history, i);
      GDate start, end;

      if (g_strcmp0 (e->to_state, status) != 0 || !local_date_of (e->at, &start))
        continue;
      if (i + 1 < history->len)
        {
          HmrReferralHistoryEntry *next = g_ptr_array_index (history, i + 1);
          if (!local_date_of (next->at, &end))
            continue;
        }
      else
        end = *today;
      total += MAX (0, g_date_days_between (&start, &end));
    }
  return total;
}

/* ---- providers ------------------------------------------------------ */

HmrProvider *
hmr_provider_new (void)
{
  return g_new0 (HmrProvider, 1);
}

HmrProvider *
hmr_provider_copy (const HmrProvider *p)
{
  HmrProvider *c = hmr_provider_new ();

  c->id = g_strdup (p->id);
  c->office_id = g_strdup (p->office_id);
  c->name = g_strdup (p->name);
  c->service_types = g_strdup (p->service_types);
  c->district = g_strdup (p->district);
  c->districts_served = g_strdup (p->districts_served);
  c->address = g_strdup (p->address);
  c->phone = g_strdup (p->phone);
  c->contact_person = g_strdup (p->contact_person);
  c->languages = g_strdup (p->languages);
  c->deleted_at = g_strdup (p->deleted_at);
  c->version = p->version;
  return c;
}

void
hmr_provider_free (HmrProvider *p)
{
  if (p == NULL)
    return;
  g_free (p->id);
  g_free (p->office_id);
  g_free (p->name);
  g_free (p->service_types);
  g_free (p->district);
  g_free (p->districts_served);
  g_free (p->address);
  g_free (p->phone);
  g_free (p->contact_person);
  g_free (p->languages);
  g_free (p->deleted_at);
  g_free (p);
}

static gboolean
list_contains (const char *list,
               const char *item)
{
  g_auto(GStrv) parts = NULL;

  if (list == NULL || item == NULL)
    return FALSE;
  parts = g_strsplit (list, ",", -1);
  for (guint i = 0; parts[i]; i++)
    if (g_strcmp0 (g_strstrip (parts[i]), item) == 0)
      return TRUE;
  return FALSE;
}

gboolean
hmr_provider_offers (const HmrProvider *provider,
                     const char        *service_type)
{
  return list_contains (provider->service_types, service_type);
}

gboolean
hmr_provider_serves (const HmrProvider *provider,
                     const char        *district)
{
  return g_strcmp0 (provider->district, district) == 0 ||
         list_contains (provider->districts_served, "*") ||
         list_contains (provider->districts_served, district);
}

/* ---- referrals ------------------------------------------------------ */

void
hmr_referral_history_entry_free (HmrReferralHistoryEntry *e)
{
  if (e == NULL)
    return;
  g_free (e->at);
  g_free (e->by_user);
  g_free (e->by_name);
  g_free (e->from_state);
  g_free (e->to_state);
  g_free (e->comment);
  g_free (e);
}

HmrReferral *
hmr_referral_new (void)
{
  HmrReferral *r = g_new0 (HmrReferral, 1);

  r->history = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_referral_history_entry_free);
  return r;
}

void
hmr_referral_free (HmrReferral *r)
{
  if (r == NULL)
    return;
  g_free (r->id);
  g_free (r->office_id);
  g_free (r->beneficiary_id);
  g_free (r->case_id);
  g_free (r->provider_id);
  g_free (r->service_type);
  g_free (r->reason);
  g_free (r->status);
  g_free (r->sent_on);
  g_free (r->due_on);
  g_free (r->answered_on);
  g_free (r->completed_on);
  g_free (r->provider_answer);
  g_free (r->outcome);
  g_free (r->created_at);
  g_free (r->created_by);
  g_free (r->provider_name);
  g_free (r->case_number);
  g_free (r->beneficiary_name);
  g_free (r->caseworker_name);
  g_clear_pointer (&r->history, g_ptr_array_unref);
  g_free (r);
}

/* ---- the board's row ------------------------------------------------ */

struct _HmrReferralRow
{
  GObject  parent_instance;
  gint64   rowid;
  char    *fields[HMR_REFERRAL_ROW_N_FIELDS];
  gboolean overdue;
  int      days_overdue;
  int      days_since_sent;
};

G_DEFINE_FINAL_TYPE (HmrReferralRow, hmr_referral_row, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ROWID,
  PROP_OVERDUE,
  PROP_DAYS_OVERDUE,
  PROP_DAYS_SINCE_SENT,
  PROP_FIRST_FIELD,
  N_PROPS = PROP_FIRST_FIELD + HMR_REFERRAL_ROW_N_FIELDS
};

static GParamSpec *properties[N_PROPS];

static const char * const field_names[HMR_REFERRAL_ROW_N_FIELDS] = {
  "id", "beneficiary-id", "case-number", "beneficiary-name", "district", "office-id",
  "service-type", "provider-id", "provider-name", "caseworker-id", "caseworker-name",
  "status", "created-on", "sent-on", "due-on", "answered-on", "completed-on",
};

static void
hmr_referral_row_finalize (GObject *object)
{
  HmrReferralRow *self = HMR_REFERRAL_ROW (object);

  for (guint i = 0; i < HMR_REFERRAL_ROW_N_FIELDS; i++)
    g_free (self->fields[i]);
  G_OBJECT_CLASS (hmr_referral_row_parent_class)->finalize (object);
}

static void
hmr_referral_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HmrReferralRow *self = HMR_REFERRAL_ROW (object);

  switch (prop_id)
    {
    case PROP_ROWID:
      g_value_set_int64 (value, self->rowid);
      break;
    case PROP_OVERDUE:
      g_value_set_boolean (value, self->overdue);
      break;
    case PROP_DAYS_OVERDUE:
      g_value_set_int (value, self->days_overdue);
      break;
    case PROP_DAYS_SINCE_SENT:
      g_value_set_int (value, self->days_since_sent);
      break;
    default:
      if (prop_id >= PROP_FIRST_FIELD && prop_id < N_PROPS)
        g_value_set_string (value, self->fields[prop_id - PROP_FIRST_FIELD]);
      else
        G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hmr_referral_row_class_init (HmrReferralRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = hmr_referral_row_finalize;
  object_class->get_property = hmr_referral_row_get_property;

  properties[PROP_ROWID] = g_param_spec_int64 ("rowid", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_OVERDUE] = g_param_spec_boolean ("overdue", NULL, NULL, FALSE, flags);
  properties[PROP_DAYS_OVERDUE] = g_param_spec_int ("days-overdue", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_DAYS_SINCE_SENT] = g_param_spec_int ("days-since-sent", NULL, NULL, -1, G_MAXINT, -1, flags);
  for (guint i = 0; i < HMR_REFERRAL_ROW_N_FIELDS; i++)
    properties[PROP_FIRST_FIELD + i] = g_param_spec_string (field_names[i], NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hmr_referral_row_init (HmrReferralRow *self)
{
  self->days_since_sent = -1;
}

HmrReferralRow *
hmr_referral_row_new (gint64 rowid)
{
  HmrReferralRow *self = g_object_new (HMR_TYPE_REFERRAL_ROW, NULL);

  self->rowid = rowid;
  return self;
}

gint64
hmr_referral_row_get_rowid (HmrReferralRow *self)
{
  g_return_val_if_fail (HMR_IS_REFERRAL_ROW (self), 0);
  return self->rowid;
}

/* Returns: (nullable): the value of @field, %NULL when empty */
const char *
hmr_referral_row_get (HmrReferralRow      *self,
                      HmrReferralRowField  field)
{
  g_return_val_if_fail (HMR_IS_REFERRAL_ROW (self), NULL);
  g_return_val_if_fail (field < HMR_REFERRAL_ROW_N_FIELDS, NULL);
  return self->fields[field];
}

gboolean
hmr_referral_row_get_overdue (HmrReferralRow *self)
{
  g_return_val_if_fail (HMR_IS_REFERRAL_ROW (self), FALSE);
  return self->overdue;
}

int
hmr_referral_row_get_days_overdue (HmrReferralRow *self)
{
  g_return_val_if_fail (HMR_IS_REFERRAL_ROW (self), 0);
  return self->days_overdue;
}

/* Returns: days since the referral was sent, or -1 when it was not sent */
int
hmr_referral_row_get_days_since_sent (HmrReferralRow *self)
{
  g_return_val_if_fail (HMR_IS_REFERRAL_ROW (self), -1);
  return self->days_since_sent;
}

void
hmr_referral_row_set (HmrReferralRow      *self,
                      HmrReferralRowField  field,
                      const char          *value)
{
  g_return_if_fail (HMR_IS_REFERRAL_ROW (self));
  g_return_if_fail (field < HMR_REFERRAL_ROW_N_FIELDS);

  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (self->fields[field], value) == 0)
    return;
  g_free (self->fields[field]);
  self->fields[field] = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST_FIELD + field]);
}

/**
 * hmr_referral_row_set_days:
 *
 * Works out the overdue flag, the days overdue and the days since sent
 * from the row's status and dates, as of @today.
 */
void
hmr_referral_row_set_days (HmrReferralRow *self,
                           const GDate    *today)
{
  GDate sent;
  gboolean overdue;
  int days = 0, since = -1;

  g_return_if_fail (HMR_IS_REFERRAL_ROW (self));

  overdue = hmr_referral_is_overdue (self->fields[HMR_REFERRAL_ROW_STATUS],
                                     self->fields[HMR_REFERRAL_ROW_DUE_ON], today, &days);
  if (parse_date (self->fields[HMR_REFERRAL_ROW_SENT_ON], &sent))
    since = MAX (0, g_date_days_between (&sent, today));

  if (overdue != self->overdue)
    {
      self->overdue = overdue;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE]);
    }
  if (days != self->days_overdue)
    {
      self->days_overdue = days;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAYS_OVERDUE]);
    }
  if (since != self->days_since_sent)
    {
      self->days_since_sent = since;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAYS_SINCE_SENT]);
    }
}
