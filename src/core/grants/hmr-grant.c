/* hmr-grant.c — the grant records in memory: budget, members, tranches
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "hmr-grant.h"
#include "hmr-labels.h"

static void
item_free (HmrGrantItem *item)
{
  g_free (item->id);
  g_free (item->name);
  g_free (item->unit);
  g_free (item);
}

static void
member_free (HmrGrantMember *m)
{
  g_free (m->beneficiary_id);
  g_free (m->case_number);
  g_free (m->full_name);
  g_free (m->latin_name);
  g_free (m->district);
  g_free (m);
}

static void
disbursement_free (HmrDisbursement *d)
{
  g_free (d->id);
  g_free (d->paid_on);
  g_free (d->currency);
  g_free (d->method);
  g_free (d->reference);
  g_free (d->recorded_by);
  g_free (d);
}

void
hmr_state_change_free (HmrStateChange *change)
{
  if (change == NULL)
    return;
  g_free (change->at);
  g_free (change->user_name);
  g_free (change->from_state);
  g_free (change->to_state);
  g_free (change->comment);
  g_free (change);
}

/**
 * hmr_grant_new:
 *
 * Returns: (transfer full): an empty draft in TJS, to fill and then save
 *   with hmr_store_insert_grant()
 */
HmrGrant *
hmr_grant_new (void)
{
  HmrGrant *g = g_new0 (HmrGrant, 1);

  g->currency = g_strdup (HMR_CURRENCY_DEFAULT);
  g->status = g_strdup ("draft");
  g->amount_approved = -1;
  g->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  g->members = g_ptr_array_new_with_free_func ((GDestroyNotify) member_free);
  g->disbursements = g_ptr_array_new_with_free_func ((GDestroyNotify) disbursement_free);
  g->history = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_state_change_free);
  return g;
}

void
hmr_grant_free (HmrGrant *grant)
{
  if (grant == NULL)
    return;
  g_free (grant->id);
  g_free (grant->number);
  g_free (grant->office_id);
  g_free (grant->district);
  g_free (grant->case_id);
  g_free (grant->purpose);
  g_free (grant->business_plan);
  g_free (grant->currency);
  g_free (grant->status);
  g_free (grant->created_at);
  g_free (grant->updated_at);
  g_ptr_array_unref (grant->items);
  g_ptr_array_unref (grant->members);
  g_ptr_array_unref (grant->disbursements);
  g_ptr_array_unref (grant->history);
  g_free (grant);
}

/**
 * hmr_grant_add_item:
 * @unit_cost: in dirams
 *
 * Returns: (transfer none): the new budget line
 */
HmrGrantItem *
hmr_grant_add_item (HmrGrant   *grant,
                    const char *name,
                    double      quantity,
                    const char *unit,
                    gint64      unit_cost)
{
  HmrGrantItem *item = g_new0 (HmrGrantItem, 1);

  item->name = g_strdup (name);
  item->quantity = quantity;
  item->unit = g_strdup (unit);
  item->unit_cost = unit_cost;
  g_ptr_array_add (grant->items, item);
  return item;
}

void
hmr_grant_add_member (HmrGrant   *grant,
                      const char *beneficiary_id)
{
  HmrGrantMember *m = g_new0 (HmrGrantMember, 1);

  m->beneficiary_id = g_strdup (beneficiary_id);
  g_ptr_array_add (grant->members, m);
}

/* Quantity × unit cost, rounded to the diram: 0.2 m³ at 3,170 TJS is 634 TJS */
gint64
hmr_grant_item_get_total (const HmrGrantItem *item)
{
  return (gint64) llround (item->quantity * (double) item->unit_cost);
}

gint64
hmr_grant_get_budget_total (const HmrGrant *grant)
{
  gint64 total = 0;

  for (guint i = 0; i < grant->items->len; i++)
    total += hmr_grant_item_get_total (g_ptr_array_index (grant->items, i));
  return total;
}

gint64
hmr_grant_get_paid (const HmrGrant *grant)
{
  gint64 paid = 0;

  for (guint i = 0; i < grant->disbursements->len; i++)
    paid += ((HmrDisbursement *) g_ptr_array_index (grant->disbursements, i))->amount;
  return paid;
}

/* What may still be paid: the approved amount less the tranches */
gint64
hmr_grant_get_remaining (const HmrGrant *grant)
{
  if (grant->amount_approved < 0)
    return 0;
  return grant->amount_approved - hmr_grant_get_paid (grant);
}

void
hmr_grant_summary_free (HmrGrantSummary *s)
{
  if (s == NULL)
    return;
  g_free (s->id);
  g_free (s->office_id);
  g_free (s->district);
  g_free (s->purpose);
  g_free (s->status);
  g_free (s->case_numbers);
  g_free (s->names);
  g_free (s->approved_on);
  g_free (s->updated_at);
  g_free (s->currency);
  g_free (s);
}

void
hmr_grant_totals_free (HmrGrantTotals *t)
{
  if (t == NULL)
    return;
  g_free (t->district);
  g_free (t->month);
  g_free (t);
}

static const char * const method_codes[] = { "cash", "bank_transfer", "supplier_payment", NULL };

const char * const *
hmr_disbursement_method_codes (void)
{
  return method_codes;
}

/**
 * hmr_grant_status_is_funded:
 *
 * Returns: whether a grant in @status has money approved for it: the
 *   grants equipment can be handed over under
 */
gboolean
hmr_grant_status_is_funded (const char *status)
{
  static const char * const funded[] = { "approved", "disbursing", "disbursed", "verified", NULL };

  return status != NULL && g_strv_contains (funded, status);
}

const char *
hmr_disbursement_method_get_label (const char *method)
{
  if (g_strcmp0 (method, "cash") == 0)
    return C_("payment", "Cash");
  if (g_strcmp0 (method, "bank_transfer") == 0)
    return C_("payment", "Bank transfer");
  if (g_strcmp0 (method, "supplier_payment") == 0)
    return C_("payment", "Payment to a supplier");
  return method ? method : "";
}
