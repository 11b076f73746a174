/* hmr-act-labels.c — the fixed words of the printed acts in Tajik, Russian
 * and English
 *
 * The acts are printed in the language of the people who sign them, which
 * need not be the language of Hamroh's window, so these words are a table
 * of their own rather than gettext translations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "hmr-act-private.h"
#include "hmr-labels.h"

/* { Tajik, Russian, English } */
static const char * const labels[ACT_N_LABELS][HMR_N_ACT_LANGUAGES] = {
  [ACT_HANDOVER_TITLE] = { "Санади супурдан ва қабули таҷҳизот",
                           "Акт приёма-передачи оборудования",
                           "Equipment handover act" },
  [ACT_RECEIPT_TITLE] = { "Забонхат дар бораи гирифтани маблағи грант",
                          "Расписка в получении средств гранта",
                          "Grant receipt" },
  [ACT_NUMBER] = { "№ %s", "№ %s", "No. %s" },
  [ACT_CORRECTS] = { "Ин санад санади № %s-ро ислоҳ мекунад ва ба ҷои он эътибор дорад.",
                     "Настоящий акт исправляет акт № %s и действует вместо него.",
                     "This act corrects act No. %s and replaces it." },
  [ACT_DRAFT] = { "ЛОИҲА — ҳанӯз имзо нашудааст", "ПРОЕКТ — ещё не подписан", "DRAFT — not yet signed" },
  [ACT_DATE] = { "Сана", "Дата", "Date" },
  [ACT_PLACE] = { "Ҷой", "Место", "Place" },
  [ACT_RECIPIENT] = { "Гиранда", "Получатель", "Recipient" },
  [ACT_RECIPIENTS] = { "Гирандагон", "Получатели", "Recipients" },
  [ACT_NAME_LATIN] = { "Бо ҳарфҳои лотинӣ", "Латиницей", "In Latin letters" },
  [ACT_CASE_NUMBER] = { "Рақами парванда", "Номер дела", "Case number" },
  [ACT_DISTRICT] = { "Ноҳия", "Район", "District" },
  [ACT_RECEIVED_BY] = { "Қабул кард", "Принял(а)", "Received by" },
  [ACT_GRANT] = { "Грант", "Грант", "Grant" },
  [ACT_PURPOSE] = { "Мақсад", "Цель", "Purpose" },
  [ACT_APPROVED] = { "Маблағи тасдиқшуда", "Утверждённая сумма", "Approved amount" },
  [ACT_HANDOVER_INTRO] = { "Мо, ки дар поён имзо гузоштем, тасдиқ менамоем, ки ашёи зерин супурда ва қабул карда шуданд:",
                           "Мы, нижеподписавшиеся, подтверждаем, что следующие предметы переданы и приняты:",
                           "We, the undersigned, confirm that the following items were handed over and received:" },
  [ACT_RECEIPT_INTRO] = { "Ман (мо), ки дар поён имзо гузоштам (гузоштем), маблағҳои зерини грантро гирифтам (гирифтем):",
                          "Я (мы), нижеподписавшийся (нижеподписавшиеся), получил(и) следующие средства гранта:",
                          "I (we), the undersigned, received the following grant money:" },
  [ACT_COL_NO] = { "№", "№", "No." },
  [ACT_COL_ITEM] = { "Номгӯй", "Наименование", "Item" },
  [ACT_COL_SERIAL] = { "Рақами заводӣ", "Заводской номер", "Serial number" },
  [ACT_COL_QUANTITY] = { "Миқдор", "Кол-во", "Quantity" },
  [ACT_COL_UNIT] = { "Воҳид", "Ед. изм.", "Unit" },
  [ACT_COL_UNIT_VALUE] = { "Нархи воҳид", "Цена за единицу", "Unit value" },
  [ACT_COL_TOTAL] = { "Маблағ", "Сумма", "Total" },
  [ACT_COL_TRANCHE] = { "Қисм", "Транш", "Tranche" },
  [ACT_COL_DATE] = { "Сана", "Дата", "Date" },
  [ACT_COL_METHOD] = { "Тарзи пардохт", "Способ оплаты", "Method" },
  [ACT_COL_REFERENCE] = { "Ҳуҷҷат", "Документ", "Reference" },
  [ACT_COL_AMOUNT] = { "Маблағ", "Сумма", "Amount" },
  [ACT_TOTAL] = { "Ҳамагӣ", "Итого", "Total" },
  [ACT_TOTAL_RECEIVED] = { "Ҳамагӣ гирифта шуд", "Всего получено", "Total received" },
  [ACT_PAID_TO_DATE] = { "Аз рӯи грант то имрӯз пардохт шудааст", "Всего выплачено по гранту", "Paid on the grant to date" },
  [ACT_REMAINING] = { "Боқимонда", "Остаток", "Remaining" },
  [ACT_BUDGET] = { "Сметаи грант", "Смета гранта", "Grant budget" },
  [ACT_CONDITION] = { "Ашё дар ҳолати хуб қабул карда шуданд; гиранда нисбат ба миқдор ва сифати онҳо эътироз надорад.",
                      "Предметы приняты в исправном состоянии; претензий к их количеству и качеству получатель не имеет.",
                      "The items were received in good working order; the recipient has no complaint about their number or condition." },
  [ACT_RECEIPT_STATEMENT] = { "Маблағ барои мақсади дар боло зикршуда истифода бурда мешавад.",
                              "Средства будут использованы на указанную выше цель.",
                              "The money will be used for the purpose stated above." },
  [ACT_WITNESSES] = { "Дар ҳузури шоҳидон", "В присутствии свидетелей", "In the presence of the witnesses" },
  [ACT_SIGNATURES] = { "Имзоҳо", "Подписи", "Signatures" },
  [ACT_SIG_RECIPIENT] = { "Гиранда", "Получатель", "Recipient" },
  [ACT_SIG_WITNESS] = { "Шоҳид", "Свидетель", "Witness" },
  [ACT_SIG_STAFF] = { "Аз номи ташкилот супурд", "Передал(а) от организации", "Handed over for the organisation" },
  [ACT_SIG_FINANCE] = { "Корманди молия", "Финансовый сотрудник", "Finance officer" },
  [ACT_SIGNATURE] = { "имзо", "подпись", "signature" },
  [ACT_PAGE] = { "Саҳифаи %d аз %d", "Страница %d из %d", "Page %d of %d" },
  [ACT_PRINTED] = { "Чоп шуд %s, %s", "Напечатано %s, %s", "Printed on %s by %s" },
  [ACT_METHOD_CASH] = { "Нақд", "Наличными", "Cash" },
  [ACT_METHOD_BANK] = { "Интиқоли бонкӣ", "Банковский перевод", "Bank transfer" },
  [ACT_METHOD_SUPPLIER] = { "Пардохт ба таъминкунанда", "Оплата поставщику", "Payment to a supplier" },
  [ACT_IN_WORDS] = { "Бо ҳарфҳо: %s", "Прописью: %s", "In words: %s" },
  [ACT_STAMP] = { "Ҷ.М.", "М.П.", "Place of stamp" },
};

/* { code, Tajik, Russian }; English is the code itself */
static const char * const districts[][3] = {
  { "Dusti", "Дӯстӣ", "Дусти" },
  { "Qubodiyon", "Қубодиён", "Кубодиён" },
  { "Shahrituz", "Шаҳритус", "Шаартуз" },
  { "Nosiri Khusrav", "Носири Хусрав", "Носири Хусрав" },
  { "Panj", "Панҷ", "Пяндж" },
  { "Jayhun", "Ҷайҳун", "Джайхун" },
  { "Farkhor", "Фархор", "Фархор" },
  { "Hamadoni", "Ҳамадонӣ", "Хамадони" },
  { "Shamsiddin Shohin", "Шамсиддин Шоҳин", "Шамсиддин Шохин" },
  { "Darvoz", "Дарвоз", "Дарваз" },
  { "Vanj", "Ванҷ", "Ванч" },
  { "Rushon", "Рӯшон", "Рушан" },
  { "Shughnon", "Шуғнон", "Шугнан" },
  { "Khorugh", "Хоруғ", "Хорог" },
  { "Roshtqala", "Роштқалъа", "Рошткала" },
  { "Ishkoshim", "Ишкошим", "Ишкашим" },
  { "Penjikent", "Панҷакент", "Пенджикент" },
  { "Dushanbe", "Душанбе", "Душанбе" },
};

G_DEFINE_QUARK (hmr-act-error-quark, hmr_act_error)

gboolean
hmr_act_language_from_string (const char     *code,
                              HmrActLanguage *language)
{
  for (guint i = 0; i < HMR_N_ACT_LANGUAGES; i++)
    if (g_strcmp0 (code, hmr_act_language_to_string (i)) == 0)
      {
        *language = i;
        return TRUE;
      }
  return FALSE;
}

const char *
hmr_act_language_to_string (HmrActLanguage language)
{
  switch (language)
    {
    case HMR_ACT_LANGUAGE_TG: return "tg";
    case HMR_ACT_LANGUAGE_RU: return "ru";
    case HMR_ACT_LANGUAGE_EN: return "en";
    case HMR_N_ACT_LANGUAGES:
    default:
      g_return_val_if_reached ("en");
    }
}

const char *
hmr_act_label (ActLabel        label,
               HmrActLanguage  language)
{
  g_return_val_if_fail (label < ACT_N_LABELS && language < HMR_N_ACT_LANGUAGES, "");
  return labels[label][language];
}

const char *
hmr_act_district (const char     *district,
                  HmrActLanguage  language)
{
  if (district == NULL)
    return "";
  if (language != HMR_ACT_LANGUAGE_EN)
    for (guint i = 0; i < G_N_ELEMENTS (districts); i++)
      if (strcmp (districts[i][0], district) == 0)
        return districts[i][language == HMR_ACT_LANGUAGE_TG ? 1 : 2];
  return district;
}

const char *
hmr_act_method (const char     *method,
                HmrActLanguage  language)
{
  if (g_strcmp0 (method, "cash") == 0)
    return hmr_act_label (ACT_METHOD_CASH, language);
  if (g_strcmp0 (method, "bank_transfer") == 0)
    return hmr_act_label (ACT_METHOD_BANK, language);
  if (g_strcmp0 (method, "supplier_payment") == 0)
    return hmr_act_label (ACT_METHOD_SUPPLIER, language);
  return method ? method : "";
}

/* Groups of three digits: "5,874" in English, "5 874" (no-break space) in
 * Tajik and Russian */
/* "2", "0.2" or "0,2", up to three decimals */
char *
hmr_act_format_quantity (double          quantity,
                         HmrActLanguage  language)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *out;

  if (quantity == floor (quantity) && fabs (quantity) < 1e12)
    return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) quantity);
  g_ascii_formatd (buf, sizeof buf, "%.3f", quantity);
  out = g_strdup (buf);
  /* no trailing zeros */
  for (char *end = out + strlen (out) - 1; end > out && *end == '0'; end--)
    *end = '\0';
  if (language != HMR_ACT_LANGUAGE_EN)
    g_strdelimit (out, ".", ',');
  return out;
}

/* "2026-11-23" or a timestamp → "23.11.2026" */
char *
hmr_act_format_date (const char *iso)
{
  int y, m, d;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return g_strdup (iso ? iso : "");
  return g_strdup_printf ("%02d.%02d.%04d", d, m, y);
}
