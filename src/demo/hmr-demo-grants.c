/* hmr-demo-grants.c — demo grants with their items, history and tranches,
 * and the handover acts of what they bought
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <cairo.h>

#include "hmr-demo-private.h"

/* ---- grants and handovers --------------------------------------------- */

enum { G_DRAFT, G_SUBMITTED, G_APPROVED, G_REJECTED, G_DISBURSING, G_DISBURSED, G_VERIFIED,
       G_CANCELLED, N_G };

static const char * const grant_states[] = {
  "draft", "submitted", "approved", "rejected", "disbursing", "disbursed", "verified", "cancelled",
};

typedef struct
{
  const char *name;
  double      quantity;
  gint64      unit_value;      /* dirams */
  char        serial[24];
} Item;

/* The newsletter's handover: equipment for the auto-repair shop */
static const struct
{
  const char *name;
  guint       value;            /* TJS */
  const char *serial_prefix;
} example_equipment[] = {
  { "Дастгоҳи суфтакунӣ", 2650, "RG" },
  { "Дастгоҳи кафшер", 2900, "WM" },
  { "Болгарка (осиёби кунҷӣ)", 620, "AG" },
  { "Компрессори ҳаво", 3400, "AC" },
  { "Домкрати гидравликӣ", 1250, "FJ" },
  { "Кӯраи барқии лаҳимкунӣ", 480, "ES" },
  { "Дастгоҳи вальсовка", 1900, "FL" },
  { "Шланги компрессор, 15 м", 180, NULL },
  { "Маҷмӯи калидҳо", 650, NULL },
  { "Тиски рӯимизӣ", 420, NULL },
};

static void
append_pdf_text (GString    *out,
                 const char *text)
{
  g_string_append_c (out, '(');
  for (const char *c = text; *c; c++)
    {
      if (*c == '(' || *c == ')' || *c == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, (guchar) *c < 0x80 ? *c : '?');
    }
  g_string_append (out, ") Tj T*\n");
}

/* A one-page PDF, as a scanner would give the signed act */
static GBytes *
make_act_pdf (const char * const *lines,
              guint               n_lines)
{
  GString *content = g_string_new ("BT /F1 11 Tf 56 780 Td 16 TL\n");
  GString *pdf = g_string_new ("%PDF-1.4\n");
  gsize offsets[5];
  gsize xref;
  char *objects[5];

  for (guint i = 0; i < n_lines; i++)
    append_pdf_text (content, lines[i]);
  g_string_append (content, "ET");

  objects[0] = g_strdup ("<< /Type /Catalog /Pages 2 0 R >>");
  objects[1] = g_strdup ("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  objects[2] = g_strdup ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                         "/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>");
  objects[3] = g_strdup_printf ("<< /Length %" G_GSIZE_FORMAT " >>\nstream\n%s\nendstream",
                                content->len, content->str);
  objects[4] = g_strdup ("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (guint i = 0; i < 5; i++)
    {
      offsets[i] = pdf->len;
      g_string_append_printf (pdf, "%u 0 obj\n%s\nendobj\n", i + 1, objects[i]);
      g_free (objects[i]);
    }
  xref = pdf->len;
  g_string_append (pdf, "xref\n0 6\n0000000000 65535 f \n");
  for (guint i = 0; i < 5; i++)
    g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
  g_string_append_printf (pdf, "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%" G_GSIZE_FORMAT
                          "\n%%%%EOF\n", xref);
  g_string_free (content, TRUE);
  return g_string_free_to_bytes (pdf);
}

static gboolean
write_act (HmrDemo              *d,
           const HmrDemoPerson  *p,
           const char           *handover_id,
           const char           *handed_on,
           const char           *place,
           const Item           *items,
           guint                 n_items,
           const char           *stamp,
           const char           *by,
           GError              **error)
{
  g_autoptr(GString) who = g_string_new (NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *filename = NULL;
  char id[HMR_DEMO_ID_LEN];
  gsize size;
  const guint8 *data;

  hmr_demo_person_name (p, TRUE, who);
  g_ptr_array_add (lines, g_strdup ("ACT OF HANDOVER OF EQUIPMENT"));
  g_ptr_array_add (lines, g_strdup_printf ("Case %s, %s", p->case_number, handed_on));
  g_ptr_array_add (lines, g_strdup_printf ("Received by: %s", who->str));
  g_ptr_array_add (lines, g_strdup_printf ("Place: %s", place));
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (lines, g_strdup_printf ("%u. %s x %g, %" G_GINT64_FORMAT ".%02d TJS %s", i + 1,
                                             items[i].name, items[i].quantity,
                                             items[i].unit_value / 100, (int) (items[i].unit_value % 100),
                                             items[i].serial));
  g_ptr_array_add (lines, g_strdup ("Signed by the recipient and the witnesses."));
  pdf = make_act_pdf ((const char * const *) lines->pdata, lines->len);
  data = g_bytes_get_data (pdf, &size);
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, size);
  filename = g_strdup_printf ("handover-act-%s.pdf", p->case_number);

  hmr_demo_new_id (d, id);
  return hmr_demo_insert (d, HMR_DEMO_T_ATTACHMENT, error, "ssssssssdbss",
                          id, d->offices[p->office].id, "handover", handover_id, "handover_act",
                          filename, "application/pdf", sha, (int) size, data, (int) size,
                          stamp, by);
}

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A small picture for the photo slot: a workshop wall, a door and the
 * equipment in front of it (drawn, so no font or file is needed) */
static gboolean
write_photo (HmrDemo             *d,
             const HmrDemoPerson *p,
             const char          *handover_id,
             const char          *stamp,
             const char          *by,
             GError             **error)
{
  g_autoptr(GByteArray) png = g_byte_array_new ();
  g_autofree char *sha = NULL;
  g_autofree char *filename = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 160, 120);
  cairo_t *cr = cairo_create (surface);
  char id[HMR_DEMO_ID_LEN];
  double shade = hmr_demo_range (d, 60, 90) / 100.0;

  cairo_set_source_rgb (cr, 0.62, 0.78, 0.92);                 /* sky */
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 0.55, 0.45, 0.32);                 /* ground */
  cairo_rectangle (cr, 0, 88, 160, 32);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, shade, shade * 0.9, shade * 0.8);  /* the wall */
  cairo_rectangle (cr, 20, 30, 120, 60);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.35, 0.38, 0.42);                 /* metal door */
  cairo_rectangle (cr, 62, 50, 36, 40);
  cairo_fill (cr);
  for (int i = 0; i < 3; i++)                                   /* the equipment */
    {
      cairo_set_source_rgb (cr, 0.15 + 0.25 * i, 0.3, 0.6 - 0.15 * i);
      cairo_rectangle (cr, 24 + 42 * i, 78 + hmr_demo_range (d, 0, 6), 22, 16);
      cairo_fill (cr);
    }
  cairo_destroy (cr);
  cairo_surface_write_to_png_stream (surface, append_png, png);
  cairo_surface_destroy (surface);

  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, png->data, png->len);
  filename = g_strdup_printf ("handover-photo-%s.png", p->case_number);
  hmr_demo_new_id (d, id);
  return hmr_demo_insert (d, HMR_DEMO_T_ATTACHMENT, error, "ssssssssdbss",
                          id, d->offices[p->office].id, "handover", handover_id, "photo",
                          filename, "image/png", sha, (int) png->len, png->data, (int) png->len,
                          stamp, by);
}

/* The number the store would have given: DST-G-2026-0042; the database's
 * counters follow by themselves (0021-record-numbers.sql) */
static void
record_number (HmrDemo       *d,
               HmrDemoOffice *o,
               char           kind,
               const char    *created,
               char           out[32])
{
  int year = (int) g_ascii_strtoll (created, NULL, 10);
  guint *seq = kind == 'G' ? o->grant_seq : o->act_seq;
  guint y = (guint) (year - d->base_year);

  g_assert (year >= d->base_year && y < G_N_ELEMENTS (o->grant_seq));
  g_snprintf (out, 32, "%s-%c-%d-%04u", o->code, kind, year, ++seq[y]);
}

static gboolean
write_handover (HmrDemo              *d,
                const HmrDemoPerson  *p,
                const char           *grant_id,
                const Item           *items,
                guint                 n_items,
                int                   day,
                gboolean              sign,
                gboolean              example,
                const char           *corrects_id,
                GError              **error)
{
  HmrDemoOffice *o = &d->offices[p->office];
  /* caseworkers and finance officers sign handovers */
  const char *by = grant_id || o->caseworker_id == NULL ? d->finance_id : o->caseworker_id;
  const HmrDemoJamoat *jamoat = &o->place->jamoats[p->jamoat];
  g_autoptr(GString) received = g_string_new (NULL);
  g_autofree char *place = NULL;
  char id[HMR_DEMO_ID_LEN];
  char handed_on[11], created[32], signed_at[32], number[32];
  gint64 t;

  hmr_demo_new_id (d, id);
  hmr_demo_person_name (p, FALSE, received);
  if (strcmp (o->place->district, "Dushanbe") == 0 || strcmp (o->place->district, "Khorugh") == 0)
    place = g_strdup_printf ("%s, %s", jamoat->villages[p->village], o->place->district);
  else
    place = g_strdup_printf ("деҳаи %s, ҷамоати %s, ноҳияи %s", jamoat->villages[p->village],
                             jamoat->name, o->place->district);
  hmr_demo_date (day, handed_on);
  t = hmr_demo_time (d, day, 0);
  hmr_demo_format_time (t, created);
  hmr_demo_history (d, HMR_DEMO_T_HANDOVER_HISTORY, id, t, by, NULL, "draft",
                    corrects_id ? "Рақами заводии санади имзошуда ислоҳ карда шуд" : NULL);
  if (sign)
    {
      t = hmr_demo_time (d, day, t);
      hmr_demo_history (d, HMR_DEMO_T_HANDOVER_HISTORY, id, t, by, "draft", "signed",
                        "Санадро гиранда ва шоҳидон имзо карданд");
    }
  hmr_demo_format_time (t, signed_at);
  record_number (d, o, 'A', created, number);
  if (!hmr_demo_insert (d, HMR_DEMO_T_HANDOVER, error, "ssssssssssssssds",
                        id, o->id, grant_id, p->id, handed_on, place, received->str,
                        sign ? "signed" : "draft", corrects_id, sign ? signed_at : NULL,
                        created, by, signed_at, by, sign ? 2 : 1, number))
    return FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      char item_id[HMR_DEMO_ID_LEN];

      hmr_demo_new_id (d, item_id);
      if (!hmr_demo_insert (d, HMR_DEMO_T_HANDOVER_ITEM, error, "sssfls", item_id, id,
                            items[i].name, items[i].quantity, items[i].unit_value,
                            items[i].serial[0] ? items[i].serial : NULL))
        return FALSE;
    }

  /* witnesses: the jamoat, the mahalla and the programme */
  {
    g_autoptr(GString) name = g_string_new (NULL);
    g_autofree char *chair = g_strdup_printf ("Раиси ҷамоати %s", jamoat->name);
    g_autofree char *mahalla = g_strdup_printf ("Раиси маҳалла, деҳаи %s", jamoat->villages[p->village]);
    g_autofree char *council = g_strdup_printf ("Раиси Шӯрои занони ҷамоати %s",
                                                jamoat->name);
    g_autofree char *staff = g_strdup_printf ("Корманди иҷтимоӣ, %s", o->name);
    const char *roles[3];
    const char *names[3];
    g_autofree char *n0 = NULL, *n1 = NULL;
    guint n = 0;

    hmr_demo_random_name (d, FALSE, name);
    n0 = g_strdup (name->str);
    roles[n] = chair; names[n++] = n0;
    hmr_demo_random_name (d, example, name);
    n1 = g_strdup (name->str);
    roles[n] = example ? council : mahalla; names[n++] = n1;
    if (example)
      {
        roles[n] = "Роҳбари ТҶ «Занони Шарқ»"; names[n++] = "Мавлуда Раҳимова";
      }
    else if (o->caseworker_name != NULL || hmr_demo_chance (d, 0.5))
      {
        roles[n] = o->caseworker_name ? staff : "Нозир";
        names[n++] = o->caseworker_name ? o->caseworker_name : d->supervisor_name;
      }
    for (guint i = 0; i < n; i++)
      {
        char witness_id[HMR_DEMO_ID_LEN];

        hmr_demo_new_id (d, witness_id);
        if (!hmr_demo_insert (d, HMR_DEMO_T_HANDOVER_WITNESS, error, "ssss", witness_id, id,
                              names[i], roles[i]))
          return FALSE;
      }
  }

  d->n_handovers++;
  if (!sign)
    return TRUE;
  if (!write_act (d, p, id, handed_on, place, items, n_items, signed_at, by, error))
    return FALSE;
  if ((example || d->n_signed_handovers % 8 == 3) &&
      !write_photo (d, p, id, signed_at, by, error))
    return FALSE;

  /* now and then a signed act turns out wrong and is corrected by a new one */
  if (d->n_signed_handovers++ % 40 == 39 && n_items > 0 && corrects_id == NULL)
    {
      Item fixed[8];
      guint n_fixed = MIN (n_items, G_N_ELEMENTS (fixed));

      memcpy (fixed, items, n_fixed * sizeof (Item));
      if (fixed[0].serial[0])
        {
          char *last = &fixed[0].serial[strlen (fixed[0].serial) - 1];
          *last = (char) ('0' + (*last - '0' + 1) % 10);    /* the misread digit */
        }
      return write_handover (d, p, grant_id, fixed, n_fixed,
                             hmr_demo_later (d, day, 1, 10),
                             TRUE, FALSE, id, error);
    }
  return TRUE;
}

static guint
grant_state (HmrDemo *d,
             int      start)
{
  static const guint fresh[N_G] = { 20, 25, 20, 10, 15, 5, 0, 5 };
  static const guint months[N_G] = { 3, 8, 12, 10, 20, 25, 15, 7 };
  static const guint older[N_G] = { 1, 2, 3, 10, 4, 15, 55, 10 };
  int age = d->ref_day - start;

  return hmr_demo_pick (d, age < 30 ? fresh : age < 120 ? months : older, N_G);
}

gboolean
hmr_demo_write_grant (HmrDemo        *d,
                      HmrDemoPerson  *lead,
                      gboolean        example,
                      GError        **error)
{
  static const guint size_w[] = { 70, 20, 10 };
  static const guint method_w[] = { 20, 30, 50 };
  static const char * const methods[] = { "cash", "bank_transfer", "supplier_payment" };
  static const char * const comments[N_G] = {
    "Бо баҳрабаранда тартиб дода шуд", "Нақшаи тиҷоратӣ ва буҷет замима шуданд",
    "Кумитаи грантҳо тасдиқ кард", "Рад шуд: аз нақша маълум нест, ки кӣ харидор мешавад",
    "Транши аввал пардохт шуд", "Ҳамаи траншҳо пардохт шуданд", "Харидҳо дар ҷояш санҷида шуданд",
    "Бекор шуд: баҳрабаранда боз ба Русия рафт",
  };
  HmrDemoOffice *o = &d->offices[lead->office];
  const char *by = hmr_demo_actor_for (d, o);
  const HmrDemoGrantTemplate *tpl;
  const HmrDemoPerson *members[3];
  guint n_members = 1, state, seq[8], n = 0;
  int gaps[8], days[8], start;
  Item items[6];
  guint n_items = 0;
  gint64 requested = 0, approved = -1, paid = 0;
  gboolean was_approved;
  char id[HMR_DEMO_ID_LEN];
  char created[32], updated[32], number[32];
  const char *last_by = by;
  gint64 t;

  members[0] = lead;
  if (example)
    {
      tpl = &hmr_demo_grant_templates[0];
      for (guint k = 0; k < 2 && k < o->ring_len; k++)
        members[n_members++] = &o->ring[(o->ring_pos + HMR_DEMO_RING - 1 - k) % HMR_DEMO_RING];
    }
  else
    {
      guint others = hmr_demo_pick (d, size_w, 3);
      others = MIN (others, o->ring_len);
      tpl = &hmr_demo_grant_templates[1 + hmr_demo_rand (d, hmr_demo_n_grant_templates - 1)];
      if (lead->sex && hmr_demo_chance (d, 0.5))
        tpl = &hmr_demo_grant_templates[2];           /* sewing */
      for (guint k = 0; k < others; k++)
        members[n_members++] = &o->ring[(o->ring_pos + HMR_DEMO_RING - 1 - k) % HMR_DEMO_RING];
    }

  for (guint i = 0; i < G_N_ELEMENTS (tpl->items) && tpl->items[i].name != NULL; i++)
    {
      const HmrDemoGrantItem *ti = &tpl->items[i];
      Item *it = &items[n_items++];
      /* timber is bought by the tenth of a cubic metre (the unit is written
       * in Cyrillic, "м³", as on a Tajik invoice); everything else whole */
      gboolean whole = strcmp (ti->unit, "м³") != 0;
      double q = ti->qty_min;

      if (ti->qty_max > ti->qty_min)
        q = whole ? hmr_demo_range (d, (int) ti->qty_min, (int) ti->qty_max)
                  : (double) hmr_demo_range (d, (int) (ti->qty_min * 10), (int) (ti->qty_max * 10)) / 10;
      it->name = ti->name;
      it->quantity = q;
      it->unit_value = (gint64) hmr_demo_range (d, (int) ti->cost_min, (int) ti->cost_max) * 100;
      it->serial[0] = '\0';
      if (ti->serial_prefix != NULL)
        g_snprintf (it->serial, sizeof it->serial, "%s-%06u", ti->serial_prefix, hmr_demo_rand (d, 1000000));
      requested += llround (q * it->unit_value);
    }

  /* the state, and the path to it */
  start = hmr_demo_max (lead->stage_day[HMR_DEMO_STAGE_SERVICES], lead->reg_day + 30);
  start += hmr_demo_range (d, 0, 30);
  start = MIN (start, d->ref_day - 1);
  if (example)
    state = G_VERIFIED;
  else if (d->n_grants < N_G)
    state = (guint) d->n_grants++;    /* every state at least once */
  else
    state = grant_state (d, start);

  seq[n] = G_DRAFT; gaps[n++] = 0;
  if (state == G_CANCELLED)
    {
      guint from = hmr_demo_rand (d, 4);       /* draft, submitted, approved, disbursing */
      static const guint path[] = { G_SUBMITTED, G_APPROVED, G_DISBURSING };
      for (guint k = 0; k < from; k++)
        {
          seq[n] = path[k]; gaps[n++] = hmr_demo_range (d, 3, 20);
        }
      seq[n] = G_CANCELLED; gaps[n++] = hmr_demo_range (d, 5, 30);
    }
  else if (state != G_DRAFT)
    {
      static const guint path[] = { G_SUBMITTED, G_APPROVED, G_DISBURSING, G_DISBURSED, G_VERIFIED };
      static const int lo[] = { 3, 5, 3, 10, 7 };
      static const int hi[] = { 14, 20, 14, 45, 30 };
      for (guint k = 0; k < G_N_ELEMENTS (path); k++)
        {
          guint next = state == G_REJECTED && path[k] == G_APPROVED ? G_REJECTED : path[k];
          seq[n] = next; gaps[n++] = hmr_demo_range (d, lo[k], hi[k]);
          if (next == state)
            break;
        }
    }
  hmr_demo_spread (d, start, d->ref_day - 1, gaps, days, n);

  was_approved = FALSE;
  for (guint k = 0; k < n; k++)
    if (seq[k] == G_APPROVED)
      was_approved = TRUE;
  if (was_approved)
    {
      approved = requested;
      if (!example && hmr_demo_chance (d, 0.2))
        {
          gint64 cut = requested * hmr_demo_range (d, 85, 95) / 100 / 10000 * 10000;
          approved = MAX (10000, cut);
        }
    }

  hmr_demo_new_id (d, id);
  t = hmr_demo_time (d, days[0], 0);
  hmr_demo_format_time (t, created);
  for (guint k = 0; k < n; k++)
    {
      guint s = seq[k];
      const char *who = s <= G_SUBMITTED ? by
                        : s == G_APPROVED || s == G_REJECTED || s == G_CANCELLED ? d->supervisor_id
                        : d->finance_id;
      if (k > 0)
        t = hmr_demo_time (d, days[k], t);
      hmr_demo_history (d, HMR_DEMO_T_GRANT_HISTORY, id, t, who,
                        k ? grant_states[seq[k - 1]] : NULL, grant_states[s], comments[s]);
      last_by = who;
    }
  hmr_demo_format_time (t, updated);

  record_number (d, o, 'G', created, number);
  if (!hmr_demo_insert (d, HMR_DEMO_T_GRANT, error, "ssssslLsssssds",
                        id, o->id, lead->case_id, tpl->purpose, tpl->business_plan,
                        requested, approved, grant_states[state], created, by, updated, last_by,
                        (int) n, number))
    return FALSE;
  for (guint k = 0; k < n_members; k++)
    if (!hmr_demo_insert (d, HMR_DEMO_T_GRANT_BENEFICIARY, error, "ss", id, members[k]->id))
      return FALSE;
  for (guint i = 0; i < n_items; i++)
    {
      char item_id[HMR_DEMO_ID_LEN];

      hmr_demo_new_id (d, item_id);
      if (!hmr_demo_insert (d, HMR_DEMO_T_GRANT_ITEM, error, "sssfsl", item_id, id, items[i].name,
                            items[i].quantity, tpl->items[i].unit, items[i].unit_value))
        return FALSE;
    }

  /* tranches: never more than approved; all of it once disbursed */
  for (guint k = 0; k < n; k++)
    if (seq[k] == G_DISBURSING)
      {
        gboolean full = state == G_DISBURSED || state == G_VERIFIED;
        int first = days[k];
        int last = full ? days[k + 1] : MIN (d->ref_day - 1, k + 1 < n ? days[k + 1] : d->ref_day - 1);
        guint tranches = full ? (example ? 2 : hmr_demo_range (d, 1, 3)) : 1;
        char stamp[32];

        for (guint r = 0; r < tranches; r++)
          {
            char tranche_id[HMR_DEMO_ID_LEN];
            char paid_on[11], reference[96];
            guint method = example ? 2 : hmr_demo_pick (d, method_w, 3);
            gint64 amount;
            int day = r == 0 ? first : first + (last - first) * (int) r / (int) tranches;

            if (r + 1 == tranches && full)
              amount = approved - paid;
            else
              {
                gint64 part = approved * hmr_demo_range (d, 40, 60) / 100 / tranches / 10000 * 10000;
                amount = MAX (10000, part);
              }
            if (amount <= 0 || paid + amount > approved)
              break;
            paid += amount;
            switch (method)
              {
              case 0:
                g_snprintf (reference, sizeof reference, "Расходный кассовый ордер № %d",
                            hmr_demo_range (d, 100, 9999));
                break;
              case 1:
                g_snprintf (reference, sizeof reference, "Супоришномаи пардохтӣ № %d",
                            hmr_demo_range (d, 1000, 99999));
                break;
              default:
                g_snprintf (reference, sizeof reference, "Ҳисобнома-фактураи %s-%d", o->code,
                            hmr_demo_range (d, 100, 9999));
                break;
              }
            hmr_demo_new_id (d, tranche_id);
            hmr_demo_date (day, paid_on);
            hmr_demo_format_time (hmr_demo_time (d, day, 0), stamp);
            if (!hmr_demo_insert (d, HMR_DEMO_T_DISBURSEMENT, error, "sssdslssss",
                                  tranche_id, o->id, id, (int) r + 1, paid_on, amount,
                                  methods[method], reference, stamp, d->finance_id))
              return FALSE;
          }
      }

  /* the handover of what was bought */
  if (example)
    {
      Item equipment[G_N_ELEMENTS (example_equipment)];
      int day = hmr_demo_later (d, days[n - 1], 3, 20);

      for (guint i = 0; i < G_N_ELEMENTS (example_equipment); i++)
        {
          equipment[i].name = example_equipment[i].name;
          equipment[i].quantity = 1;
          equipment[i].unit_value = (gint64) example_equipment[i].value * 100;
          equipment[i].serial[0] = '\0';
          if (example_equipment[i].serial_prefix)
            g_snprintf (equipment[i].serial, sizeof equipment[i].serial, "%s-%06u",
                        example_equipment[i].serial_prefix, hmr_demo_rand (d, 1000000));
        }
      /* IOM's equipment came in kind, besides the grant */
      return write_handover (d, lead, NULL, equipment, G_N_ELEMENTS (equipment), day, TRUE, TRUE,
                             NULL, error);
    }
  if (state == G_DISBURSED || state == G_VERIFIED)
    {
      int day = state == G_VERIFIED ? days[n - 2] + (days[n - 1] - days[n - 2]) / 2
                                    : hmr_demo_later (d, days[n - 1], 3, 20);
      gboolean any_draft = d->n_handovers > d->n_signed_handovers;
      gboolean sign = state == G_VERIFIED || (any_draft && hmr_demo_chance (d, 0.6));

      return write_handover (d, lead, id, items, n_items, day, sign, FALSE, NULL, error);
    }
  return TRUE;
}
