/* hmr-handover.c — handover acts in memory: items, witnesses, photos
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "hmr-handover.h"

static void
item_free (HmrHandoverItem *item)
{
  g_free (item->id);
  g_free (item->name);
  g_free (item->serial);
  g_free (item);
}

static void
witness_free (HmrHandoverWitness *w)
{
  g_free (w->id);
  g_free (w->name);
  g_free (w->role);
  g_free (w);
}

void
hmr_attachment_info_free (HmrAttachmentInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->id);
  g_free (info->kind);
  g_free (info->filename);
  g_free (info->mime_type);
  g_free (info->sha256);
  g_free (info->created_at);
  g_free (info);
}

/**
 * hmr_handover_new:
 *
 * Returns: (transfer full): an empty draft act, to fill and save with
 *   hmr_store_insert_handover()
 */
HmrHandover *
hmr_handover_new (void)
{
  HmrHandover *h = g_new0 (HmrHandover, 1);

  h->status = g_strdup ("draft");
  h->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  h->witnesses = g_ptr_array_new_with_free_func ((GDestroyNotify) witness_free);
  h->attachments = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_attachment_info_free);
  h->history = g_ptr_array_new_with_free_func ((GDestroyNotify) hmr_state_change_free);
  return h;
}

void
hmr_handover_free (HmrHandover *h)
{
  if (h == NULL)
    return;
  g_free (h->id);
  g_free (h->number);
  g_free (h->corrects_number);
  g_free (h->grant_number);
  g_free (h->office_id);
  g_free (h->grant_id);
  g_free (h->beneficiary_id);
  g_free (h->handed_on);
  g_free (h->place);
  g_free (h->received_by);
  g_free (h->status);
  g_free (h->corrects_id);
  g_free (h->corrected_by_id);
  g_free (h->signed_at);
  g_free (h->created_by_name);
  g_free (h->case_number);
  g_free (h->full_name);
  g_free (h->latin_name);
  g_free (h->district);
  g_free (h->grant_purpose);
  g_ptr_array_unref (h->items);
  g_ptr_array_unref (h->witnesses);
  g_ptr_array_unref (h->attachments);
  g_ptr_array_unref (h->history);
  g_free (h);
}

/**
 * hmr_handover_add_item:
 * @unit_value: in dirams
 * @serial: (nullable): the serial number, for machines
 *
 * Returns: (transfer none): the new item
 */
HmrHandoverItem *
hmr_handover_add_item (HmrHandover *handover,
                       const char  *name,
                       double       quantity,
                       gint64       unit_value,
                       const char  *serial)
{
  HmrHandoverItem *item = g_new0 (HmrHandoverItem, 1);

  item->name = g_strdup (name);
  item->quantity = quantity;
  item->unit_value = unit_value;
  item->serial = g_strdup (serial);
  g_ptr_array_add (handover->items, item);
  return item;
}

/**
 * hmr_handover_add_witness:
 * @role: who the witness is: "Chairman of Jamoat Navobod", "Head of the
 *   mahalla", "NGO staff" (see hmr_witness_role_suggestions())
 *
 * Returns: (transfer none): the new witness
 */
HmrHandoverWitness *
hmr_handover_add_witness (HmrHandover *handover,
                          const char  *name,
                          const char  *role)
{
  HmrHandoverWitness *w = g_new0 (HmrHandoverWitness, 1);

  w->name = g_strdup (name);
  w->role = g_strdup (role);
  g_ptr_array_add (handover->witnesses, w);
  return w;
}

gint64
hmr_handover_item_get_total (const HmrHandoverItem *item)
{
  return (gint64) llround (item->quantity * (double) item->unit_value);
}

gint64
hmr_handover_get_total (const HmrHandover *handover)
{
  gint64 total = 0;

  for (guint i = 0; i < handover->items->len; i++)
    total += hmr_handover_item_get_total (g_ptr_array_index (handover->items, i));
  return total;
}

gboolean
hmr_handover_is_signed (const HmrHandover *handover)
{
  return g_strcmp0 (handover->status, "signed") == 0;
}

void
hmr_handover_summary_free (HmrHandoverSummary *s)
{
  if (s == NULL)
    return;
  g_free (s->id);
  g_free (s->handed_on);
  g_free (s->place);
  g_free (s->status);
  g_free (s->case_number);
  g_free (s->full_name);
  g_free (s->district);
  g_free (s->grant_id);
  g_free (s->corrects_id);
  g_free (s->corrected_by_id);
  g_free (s);
}

/**
 * hmr_witness_role_suggestions:
 *
 * Returns: (transfer none): the usual witnesses of a handover, translated,
 *   for the form's suggestions; the role is free text
 */
const char * const *
hmr_witness_role_suggestions (void)
{
  static const char *roles[5];

  if (roles[0] == NULL)
    {
      roles[0] = _("Jamoat chairman");
      roles[1] = _("Mahalla head");
      roles[2] = _("NGO staff");
      roles[3] = _("Family member");
      roles[4] = NULL;
    }
  return roles;
}
