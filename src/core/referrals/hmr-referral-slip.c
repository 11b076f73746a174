/* hmr-referral-slip.c — the referral slip as a one-page A4 PDF
 *
 * The slip is printed in the language the person and the provider read
 * (Tajik, Russian or English), whatever the language of the application,
 * so its fixed labels come from the small table below rather than from
 * gettext.  What it shows comes from hmr_store_get_referral_slip(), which
 * leaves out everything the provider does not need.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hmr-beneficiary.h"
#include "hmr-organisation.h"
#include "hmr-referral.h"
#include "hmr-referral-slip.h"
#include "hmr-pdf-file.h"

#define A4_WIDTH   595.276
#define A4_HEIGHT  841.890
#define MARGIN     56.0
#define LABEL_WIDTH 165.0
#define FONT       "DejaVu Sans, Sans"

typedef enum
{
  L_TITLE,
  L_PERSON,
  L_NAME,
  L_NAME_LATIN,
  L_CASE_NUMBER,
  L_PHONE,
  L_SERVICE_SECTION,
  L_SERVICE,
  L_REASON,
  L_PROVIDER_SECTION,
  L_ORGANISATION,
  L_ADDRESS,
  L_CONTACT,
  L_REFERRER_SECTION,
  L_OFFICE,
  L_CASEWORKER,
  L_DATE,
  L_DUE,
  L_REQUEST,
  L_CASEWORKER_SIGNATURE,
  L_RETURN,
  L_ACCEPTED,
  L_NOT_ACCEPTED,
  L_ANSWER_DATE,
  L_SIGNATURE,
  N_LABELS
} Label;

static const char * const languages[] = { "tg", "ru", "en", NULL };

/* [label][language]: tg, ru, en */
static const char * const labels[N_LABELS][3] = {
  [L_TITLE] = { "Роҳхат барои гирифтани хизматрасонӣ", "Направление на получение услуг", "Referral for services" },
  [L_PERSON] = { "Шахси фиристодашуда", "Направляемое лицо", "Person referred" },
  [L_NAME] = { "Насаб, ном, номи падар", "Фамилия, имя, отчество", "Name" },
  [L_NAME_LATIN] = { "Бо ҳарфҳои лотинӣ (мувофиқи шиноснома)", "Латиницей (как в паспорте)",
                     "In Latin letters (as in the passport)" },
  [L_CASE_NUMBER] = { "Рақами парванда", "Номер дела", "Case number" },
  [L_PHONE] = { "Телефон", "Телефон", "Phone" },
  [L_SERVICE_SECTION] = { "Хизматрасонӣ", "Услуга", "Service" },
  [L_SERVICE] = { "Хизматрасонии дархостшуда", "Запрашиваемая услуга", "Service requested" },
  [L_REASON] = { "Сабаби фиристодан", "Причина направления", "Reason for the referral" },
  [L_PROVIDER_SECTION] = { "Ташкилоти қабулкунанда", "Принимающая организация", "Receiving organisation" },
  [L_ORGANISATION] = { "Ташкилот", "Организация", "Organisation" },
  [L_ADDRESS] = { "Суроға", "Адрес", "Address" },
  [L_CONTACT] = { "Шахси тамос", "Контактное лицо", "Contact person" },
  [L_REFERRER_SECTION] = { "Ташкилоти фиристанда", "Направившая организация", "Referring organisation" },
  [L_OFFICE] = { "Идора", "Офис", "Office" },
  [L_CASEWORKER] = { "Корманди иҷтимоӣ", "Социальный работник", "Caseworker" },
  [L_DATE] = { "Санаи фиристодан", "Дата направления", "Date of referral" },
  [L_DUE] = { "Лутфан ҷавоб диҳед то", "Просим ответить до", "Please answer by" },
  [L_REQUEST] = { "Лутфан ба идораи фиристанда хабар диҳед, ки роҳхат қабул шуд ва хизматрасонӣ расонида шуд ё не. "
                  "Дар ин роҳхат танҳо маълумоти барои хизматрасонӣ зарурӣ оварда шудааст.",
                  "Просим сообщить направившей организации, принято ли направление и оказана ли услуга. "
                  "Направление содержит только сведения, необходимые для оказания услуги.",
                  "Please tell the referring office whether the referral was accepted and the service provided. "
                  "This slip holds only what is needed to provide the service." },
  [L_CASEWORKER_SIGNATURE] = { "Имзои корманд", "Подпись сотрудника", "Caseworker’s signature" },
  [L_RETURN] = { "Ҷавоби ташкилот (ба идораи фиристанда баргардонед)",
                 "Ответ организации (вернуть в направившую организацию)",
                 "Provider’s answer (return to the referring office)" },
  [L_ACCEPTED] = { "Қабул шуд", "Принято", "Accepted" },
  [L_NOT_ACCEPTED] = { "Қабул нашуд", "Не принято", "Not accepted" },
  [L_ANSWER_DATE] = { "Сана", "Дата", "Date" },
  [L_SIGNATURE] = { "Имзо", "Подпись", "Signature" },
};

static const struct
{
  const char *code;
  const char *label[3];
} services[] = {
  { "legal_aid", { "Кӯмаки ҳуқуқӣ оид ба манъи вуруд", "Юридическая помощь по запрету на въезд",
                   "Legal aid on the re-entry ban" } },
  { "employment", { "Ба кор ҷойгиркунӣ", "Трудоустройство", "Employment" } },
  { "vocational_training", { "Омӯзиши касбӣ", "Профессиональное обучение", "Vocational training" } },
  { "business_loan", { "Қарз барои соҳибкорӣ", "Кредит на открытие бизнеса", "Business loan" } },
  { "health", { "Кӯмаки тиббӣ", "Медицинская помощь", "Health care" } },
  { "migration_service", { "Хадамоти муҳоҷират", "Миграционная служба", "Migration service" } },
  { "psychosocial", { "Дастгирии равонию иҷтимоӣ", "Психосоциальная поддержка", "Psychosocial support" } },
};

/* Returns: (transfer none): the slip's languages, %NULL-terminated */
const char * const *
hmr_referral_slip_languages (void)
{
  return languages;
}

static int
language_index (const char *language)
{
  for (int i = 0; languages[i]; i++)
    if (language != NULL && g_ascii_strncasecmp (language, languages[i], 2) == 0 &&
        (language[2] == '\0' || language[2] == '_' || language[2] == '-' || language[2] == '.'))
      return i;
  return -1;
}

static const char *
service_label (const char *code,
               int         lang)
{
  for (guint i = 0; i < G_N_ELEMENTS (services); i++)
    if (g_strcmp0 (services[i].code, code) == 0)
      return services[i].label[lang];
  return code;
}

/* 2026-01-31 → 31.01.2026 */
static char *
format_date (const char *iso)
{
  GDate d;

  if (iso == NULL || !hmr_parse_user_date (iso, &d))
    return g_strdup ("");
  return g_strdup_printf ("%02d.%02d.%04d", g_date_get_day (&d), g_date_get_month (&d), g_date_get_year (&d));
}

typedef struct
{
  cairo_t      *cr;
  PangoContext *context;
  double        y;
} Pen;

/* Draws @text at (@x, pen->y) within @width; returns its height */
static double
draw_text (Pen        *pen,
           const char *font,
           double      x,
           double      width,
           int         max_lines,
           const char *text)
{
  PangoLayout *layout = pango_layout_new (pen->context);
  PangoFontDescription *desc = pango_font_description_from_string (font);
  int w, h;

  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (max_lines > 0)
    {
      pango_layout_set_height (layout, -max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_text (layout, text ? text : "", -1);
  cairo_move_to (pen->cr, x, pen->y);
  pango_cairo_show_layout (pen->cr, layout);
  pango_layout_get_size (layout, &w, &h);
  g_object_unref (layout);
  return pango_units_to_double (h);
}

static void
section (Pen        *pen,
         const char *title)
{
  double h;

  pen->y += 10;
  cairo_set_source_rgb (pen->cr, 0, 0, 0);
  h = draw_text (pen, FONT " Bold 11", MARGIN, A4_WIDTH - 2 * MARGIN, 1, title);
  pen->y += h + 2;
  cairo_set_line_width (pen->cr, 0.6);
  cairo_move_to (pen->cr, MARGIN, pen->y);
  cairo_line_to (pen->cr, A4_WIDTH - MARGIN, pen->y);
  cairo_stroke (pen->cr);
  pen->y += 5;
}

static void
field (Pen        *pen,
       const char *label,
       const char *value,
       int         max_lines)
{
  double hl, hv;

  if (value == NULL || value[0] == '\0')
    return;
  cairo_set_source_rgb (pen->cr, 0.35, 0.35, 0.35);
  hl = draw_text (pen, FONT " 9", MARGIN, LABEL_WIDTH - 8, 3, label);
  cairo_set_source_rgb (pen->cr, 0, 0, 0);
  hv = draw_text (pen, FONT " 11", MARGIN + LABEL_WIDTH, A4_WIDTH - 2 * MARGIN - LABEL_WIDTH,
                  max_lines, value);
  pen->y += MAX (hl, hv) + 5;
}

static void
signature_line (Pen        *pen,
                double      x,
                double      width,
                const char *label)
{
  cairo_set_source_rgb (pen->cr, 0, 0, 0);
  cairo_set_line_width (pen->cr, 0.5);
  cairo_move_to (pen->cr, x, pen->y + 22);
  cairo_line_to (pen->cr, x + width, pen->y + 22);
  cairo_stroke (pen->cr);
  pen->y += 24;
  cairo_set_source_rgb (pen->cr, 0.35, 0.35, 0.35);
  draw_text (pen, FONT " 8", x, width, 1, label);
  pen->y -= 24;
}

static void
render (cairo_t               *cr,
        const HmrReferralSlip *slip,
        const char            *organisation,
        const char            *office,
        int                    lang)
{
  PangoContext *context = pango_cairo_create_context (cr);
  g_autofree char *sent = format_date (slip->sent_on);
  g_autofree char *due = format_date (slip->due_on);
  g_autofree char *heading = NULL;
  double width = A4_WIDTH - 2 * MARGIN;
  Pen pen = { cr, context, MARGIN };

  /* points, not screen pixels */
  pango_cairo_context_set_resolution (context, 72);
#define label(i) labels[i][lang]

  /* the letterhead: the organisation and the office as the administrator
   * gave them, else the office's name */
  if (organisation != NULL)
    pen.y += draw_text (&pen, FONT " Bold 10", MARGIN, width, 2, organisation) + 2;
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  pen.y += draw_text (&pen, FONT " 9", MARGIN, width, 2, office ? office : slip->office_name) + 6;
  cairo_set_source_rgb (cr, 0, 0, 0);
  pen.y += draw_text (&pen, FONT " Bold 18", MARGIN, width, 2, label (L_TITLE)) + 4;
  heading = g_strdup_printf ("%s: %s    %s: %s", label (L_CASE_NUMBER), slip->case_number,
                             label (L_DATE), sent);
  pen.y += draw_text (&pen, FONT " 10", MARGIN, width, 1, heading) + 4;

  section (&pen, label (L_PERSON));
  field (&pen, label (L_NAME), slip->beneficiary_name, 2);
  field (&pen, label (L_NAME_LATIN), slip->beneficiary_name_latin, 2);
  field (&pen, label (L_CASE_NUMBER), slip->case_number, 1);
  field (&pen, label (L_PHONE), slip->beneficiary_phone, 1);

  section (&pen, label (L_SERVICE_SECTION));
  field (&pen, label (L_SERVICE), service_label (slip->service_type, lang), 2);
  field (&pen, label (L_REASON), slip->reason, 8);

  section (&pen, label (L_PROVIDER_SECTION));
  field (&pen, label (L_ORGANISATION), slip->provider_name, 2);
  field (&pen, label (L_ADDRESS), slip->provider_address, 3);
  field (&pen, label (L_CONTACT), slip->provider_contact, 1);
  field (&pen, label (L_PHONE), slip->provider_phone, 1);

  section (&pen, label (L_REFERRER_SECTION));
  field (&pen, label (L_OFFICE), office ? office : slip->office_name, 2);
  /* in Tajik and Russian the caseworker signs in Cyrillic, where the
   * account has that spelling */
  field (&pen, label (L_CASEWORKER),
         lang != language_index ("en") && slip->caseworker_name_cyrillic != NULL
         ? slip->caseworker_name_cyrillic : slip->caseworker_name, 1);
  field (&pen, label (L_DATE), sent, 1);
  field (&pen, label (L_DUE), due, 1);

  pen.y += 8;
  cairo_set_source_rgb (cr, 0, 0, 0);
  pen.y += draw_text (&pen, FONT " 9", MARGIN, width, 4, label (L_REQUEST)) + 6;
  signature_line (&pen, A4_WIDTH - MARGIN - 200, 200, label (L_CASEWORKER_SIGNATURE));
  pen.y += 44;

  /* the part the provider sends back: closes the loop */
  {
    const double dashes[] = { 4, 3 };
    g_autofree char *choices = g_strdup_printf ("☐ %s        ☐ %s", label (L_ACCEPTED), label (L_NOT_ACCEPTED));

    cairo_set_source_rgb (cr, 0.5, 0.5, 0.5);
    cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
    cairo_set_line_width (cr, 0.5);
    cairo_move_to (cr, MARGIN, pen.y);
    cairo_line_to (cr, A4_WIDTH - MARGIN, pen.y);
    cairo_stroke (cr);
    cairo_set_dash (cr, NULL, 0, 0);
    pen.y += 10;
    cairo_set_source_rgb (cr, 0, 0, 0);
    pen.y += draw_text (&pen, FONT " Bold 10", MARGIN, width, 2, label (L_RETURN)) + 4;
    g_free (heading);
    heading = g_strdup_printf ("%s: %s", label (L_CASE_NUMBER), slip->case_number);
    pen.y += draw_text (&pen, FONT " 10", MARGIN, width, 1, heading) + 8;
    pen.y += draw_text (&pen, FONT " 11", MARGIN, width, 1, choices) + 4;
    signature_line (&pen, MARGIN, 150, label (L_ANSWER_DATE));
    signature_line (&pen, A4_WIDTH - MARGIN - 200, 200, label (L_SIGNATURE));
  }
#undef label
  g_object_unref (context);
}

/**
 * hmr_referral_slip_write_pdf:
 * @language: "tg", "ru" or "en"
 *
 * Writes the slip of a sent referral to @path (readable by its owner
 * only; the file appears only when complete) and records the printing in
 * the audit log.
 */
gboolean
hmr_referral_slip_write_pdf (HmrStore        *store,
                             const HmrActor  *actor,
                             const char      *referral_id,
                             const char      *language,
                             const char      *path,
                             GError         **error)
{
  g_autoptr(HmrReferralSlip) slip = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *title = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *office = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  HmrPdfFile *pdf;
  gboolean ok;
  int lang;

  g_return_val_if_fail (HMR_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  lang = language_index (language);
  if (lang < 0)
    {
      g_set_error (error, HMR_STORE_ERROR, HMR_STORE_ERROR_INVALID,
                   _("Language: the slip is printed in Tajik (tg), Russian (ru) or English (en)."));
      return FALSE;
    }
  slip = hmr_store_get_referral_slip (store, actor, referral_id, error);
  if (slip == NULL)
    return FALSE;
  /* the slip's languages are the organisation's: tg, ru, en */
  if (!hmr_store_get_letterhead (store, slip->office_id, (guint) lang, &organisation, &office, error))
    return FALSE;

  /* written beside its final name, checked, then renamed: never half a slip */
  pdf = hmr_pdf_file_new (path, error);
  if (pdf == NULL)
    return FALSE;
  surface = hmr_pdf_file_create_surface (pdf, A4_WIDTH, A4_HEIGHT);
  title = g_strdup_printf ("%s %s", labels[L_TITLE][lang], slip->case_number);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Hamroh");
  cr = cairo_create (surface);
  render (cr, slip, organisation, office, lang);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      hmr_pdf_file_abandon (pdf);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The slip could not be written (%s). Is the disk full? Nothing was saved."),
                   cairo_status_to_string (status));
      return FALSE;
    }
  ok = hmr_pdf_file_finish (pdf, surface, error);
  cairo_surface_destroy (surface);
  if (!ok)
    return FALSE;

  detail = g_strdup_printf ("slip, language %s", languages[lang]);
  if (!hmr_store_audit_event (store, actor, "print", "referral", referral_id, detail, error))
    {
      g_unlink (path);
      return FALSE;
    }
  return TRUE;
}
