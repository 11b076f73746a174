/* hmr-demo-data.c — names, places and words for the demo data
 *
 * Names are Tajik Cyrillic; their Latin forms follow the passport
 * transliteration (Ҳ → Kh, Қ → K, Ғ → G, Ҷ → J, Ӯ → U, Ӣ → I), as in
 * Раҳимов / Rakhimov and Ҷӯраев / Juraev.  Places are spelt as the
 * programme's own documents spell them.  None of this is translated: it is
 * data, not interface.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "hmr-demo-private.h"

/* ---- people ----------------------------------------------------------- */

static const char * const family_common[] = {
  "Раҳимов", "Қодиров", "Ғафуров", "Ҷӯраев", "Саидзода", "Назаров", "Каримов",
  "Шарипов", "Исмоилов", "Мирзоев", "Ашуров", "Сафаров", "Давлатов", "Холов",
  "Раҷабов", "Одинаев", "Бобоев", "Нуров", "Ҳасанов", "Ҳусейнов", "Сангинов",
  "Тағоев", "Шарифов", "Зиёев", "Юсуфов", "Қурбонов", "Абдуллоев", "Азизов",
  "Олимов", "Ниёзов", "Файзуллоев", "Раҳмонов", "Солиев", "Султонов", "Умаров",
  "Хоҷаев", "Шоев", "Юнусов", "Иброҳимов", "Маҳмудов", "Муродов", "Неъматов",
  "Ҳайдаров", "Гулов", "Додов", "Қаҳҳоров", "Ҷалилов", "Насруллоев", "Амонов",
  "Эшонов", "Латифов", "Мансуров", "Тошев", "Саъдиев", "Бердиев", "Ҳакимов",
  "Рустамзода", "Абдуллозода", "Шарифзода", "Раҳмонзода", "Назарзода",
  "Қурбонзода", "Ҳасанзода", "Давлатзода", "Каримзода", "Мирзозода", "Холзода",
  "Сафарзода", "Аминзода", "Ҷӯразода", "Одиназода", "Султонзода", "Юсуфзода",
};

static const char * const family_pamiri[] = {
  "Мамадшоев", "Ниёзмамадов", "Алибеков", "Гулмамадов", "Назармамадов",
  "Худоназаров", "Давлатмамадов", "Шоҳмамадов", "Мамадназаров", "Алидодов",
  "Додхудоев", "Саидмамадов", "Мирзомамадов", "Қурбонмамадов", "Мамадризоев",
  "Бандишоев", "Ҳақназаров", "Мамадёров", "Ёдгоров", "Пулодов", "Шозимов",
  "Мамадамонов",
};

static const char * const male_common[] = {
  "Фаррух", "Раҳим", "Шерзод", "Дилшод", "Фирдавс", "Бахтиёр", "Ҷамшед", "Умед",
  "Алишер", "Манучеҳр", "Сӯҳроб", "Рустам", "Зафар", "Нуриддин", "Комрон",
  "Далер", "Исмоил", "Искандар", "Хуршед", "Парвиз", "Меҳроб", "Аҳмад", "Азиз",
  "Баҳодур", "Шаҳбоз", "Ғайрат", "Қурбон", "Ҳасан", "Ҳусейн", "Мирзо", "Наврӯз",
  "Сафар", "Тоҳир", "Шоҳин", "Абдулло", "Фозил", "Ҷаҳонгир", "Муҳаммад",
  "Маҳмуд", "Нодир", "Одина", "Раҷаб", "Саид", "Толиб", "Файзулло", "Ҳабиб",
  "Эраҷ", "Юсуф", "Бобоҷон", "Амир", "Беҳрӯз", "Давлат", "Карим", "Латиф",
  "Мансур", "Назар", "Олим", "Пӯлод", "Султон", "Умар",
};

static const char * const male_pamiri[] = {
  "Мамадшо", "Алидод", "Ниёзмамад", "Давлатмамад", "Худоназар", "Гулназар",
  "Шоҳмамад", "Мамадали", "Назармамад", "Ҳақназар", "Додхудо", "Мамадёр",
  "Бахтовар", "Мамадризо",
};

static const char * const female_names[] = {
  "Мадина", "Малика", "Нигина", "Шаҳноза", "Зарина", "Гулноза", "Фарзона",
  "Меҳрангез", "Дилноза", "Парвина", "Нилуфар", "Гулчеҳра", "Мавлуда", "Зулфия",
  "Сурайё", "Таҳмина", "Манижа", "Ситора", "Фирӯза", "Шабнам", "Гулбаҳор",
  "Моҳира", "Сафина", "Рухшона", "Озода", "Зебо", "Муҳаббат", "Наргис",
  "Дилафрӯз", "Меҳрубон", "Шоира", "Гулрухсор", "Ҷамила", "Бибигул", "Гулбадан",
  "Мунира",
};

static const struct
{
  const char *cyr;
  const char *latin;
} translit[] = {
  { "а", "a" }, { "б", "b" }, { "в", "v" }, { "г", "g" }, { "ғ", "g" },
  { "д", "d" }, { "е", "e" }, { "ё", "yo" }, { "ж", "zh" }, { "з", "z" },
  { "и", "i" }, { "ӣ", "i" }, { "й", "y" }, { "к", "k" }, { "қ", "k" },
  { "л", "l" }, { "м", "m" }, { "н", "n" }, { "о", "o" }, { "п", "p" },
  { "р", "r" }, { "с", "s" }, { "т", "t" }, { "у", "u" }, { "ӯ", "u" },
  { "ф", "f" }, { "х", "kh" }, { "ҳ", "kh" }, { "ц", "ts" }, { "ч", "ch" },
  { "ҷ", "j" }, { "ш", "sh" }, { "щ", "shch" }, { "ъ", "" }, { "ы", "y" },
  { "ь", "" }, { "э", "e" }, { "ю", "yu" }, { "я", "ya" },
};

/**
 * hmr_demo_transliterate:
 *
 * Returns: the passport Latin spelling of a Tajik Cyrillic name
 */
char *
hmr_demo_transliterate (const char *cyrillic)
{
  GString *out = g_string_new (NULL);

  for (const char *p = cyrillic; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar lower = g_unichar_tolower (c);
      gboolean upper = lower != c;
      char buf[8] = { 0 };
      gboolean found = FALSE;

      g_unichar_to_utf8 (lower, buf);
      for (guint i = 0; i < G_N_ELEMENTS (translit); i++)
        if (strcmp (translit[i].cyr, buf) == 0)
          {
            gsize at = out->len;
            g_string_append (out, translit[i].latin);
            if (upper && out->len > at)
              out->str[at] = g_ascii_toupper (out->str[at]);
            found = TRUE;
            break;
          }
      if (!found)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static char *
female_family_name (const char *male)
{
  if (g_str_has_suffix (male, "ов") || g_str_has_suffix (male, "ев") ||
      g_str_has_suffix (male, "ёв"))
    return g_strconcat (male, "а", NULL);
  return g_strdup (male);         /* -зода and the like do not change */
}

/* Раҳим → Раҳимович / Раҳимовна; Мирзо → Мирзоевич / Мирзоевна */
static char *
patronymic (const char *father,
            gboolean    daughter)
{
  gunichar last = g_utf8_get_char (g_utf8_prev_char (father + strlen (father)));
  /* а о у и е э ӣ ӯ */
  gboolean vowel = last == 0x0430 || last == 0x043E || last == 0x0443 ||
                   last == 0x0438 || last == 0x0435 || last == 0x044D ||
                   last == 0x04E3 || last == 0x04EF;

  if (vowel)
    return g_strconcat (father, daughter ? "евна" : "евич", NULL);
  return g_strconcat (father, daughter ? "овна" : "ович", NULL);
}

static void
fill_given (HmrDemoGivenName *g,
            const char       *cyr,
            gboolean          with_patronymic)
{
  g->cyr = g_strdup (cyr);
  g->latin = hmr_demo_transliterate (cyr);
  if (!with_patronymic)
    return;
  for (guint s = 0; s < 2; s++)
    {
      g->patronymic_cyr[s] = patronymic (cyr, s == 1);
      g->patronymic_latin[s] = hmr_demo_transliterate (g->patronymic_cyr[s]);
    }
}

/**
 * hmr_demo_names_get:
 *
 * Returns: (transfer none): the name tables, built on first use and kept
 *   for the life of the process
 */
const HmrDemoNames *
hmr_demo_names_get (void)
{
  static HmrDemoNames *names;

  if (g_once_init_enter (&names))
    {
      HmrDemoNames *n = g_new0 (HmrDemoNames, 1);
      guint k = 0;

      n->n_family_common = G_N_ELEMENTS (family_common);
      n->n_family = n->n_family_common + G_N_ELEMENTS (family_pamiri);
      n->family = g_new0 (HmrDemoFamilyName, n->n_family);
      for (guint i = 0; i < n->n_family; i++)
        {
          const char *male = i < n->n_family_common ? family_common[i]
                                                    : family_pamiri[i - n->n_family_common];
          n->family[i].cyr[0] = g_strdup (male);
          n->family[i].cyr[1] = female_family_name (male);
          n->family[i].latin[0] = hmr_demo_transliterate (n->family[i].cyr[0]);
          n->family[i].latin[1] = hmr_demo_transliterate (n->family[i].cyr[1]);
        }

      n->n_male_common = G_N_ELEMENTS (male_common);
      n->n_male = n->n_male_common + G_N_ELEMENTS (male_pamiri);
      n->male = g_new0 (HmrDemoGivenName, n->n_male);
      for (guint i = 0; i < n->n_male_common; i++)
        fill_given (&n->male[k++], male_common[i], TRUE);
      for (guint i = 0; i < G_N_ELEMENTS (male_pamiri); i++)
        fill_given (&n->male[k++], male_pamiri[i], TRUE);

      n->n_female = G_N_ELEMENTS (female_names);
      n->female = g_new0 (HmrDemoGivenName, n->n_female);
      for (guint i = 0; i < n->n_female; i++)
        fill_given (&n->female[i], female_names[i], FALSE);

      g_once_init_leave (&names, n);
    }
  return names;
}

/* ---- places ----------------------------------------------------------- */

static const HmrDemoJamoat dusti[] = {
  { "Dusti", { "Dusti", "Navobod", "Guliston", "Bustonobod", NULL } },
  { "Mehnatobod", { "Mehnatobod", "Ittifoq", "Pakhtakor", "Sarband", NULL } },
  { "Uzun", { "Uzun", "Qaroqum", "Tugalang", NULL } },
  { "Lolazor", { "Lolazor", "Yakkatut", "Oqtepa", "Somoniyon", NULL } },
};
static const HmrDemoJamoat qubodiyon[] = {
  { "Qubodiyon", { "Qubodiyon", "Kalinobod", "Chorbogh", NULL } },
  { "Navobod", { "Navobod", "Obshoron", "Dehqonobod", NULL } },
  { "Zarkamar", { "Zarkamar", "Istiqlol", "Yangiobod", "Qizilqala", NULL } },
  { "Ozodi", { "Ozodi", "Nurafshon", "Bogh", NULL } },
};
static const HmrDemoJamoat shahrituz[] = {
  { "Shahrituz", { "Shahrituz", "Pakhtaobod", "Gulshan", NULL } },
  { "Ayvaj", { "Ayvaj", "Kholmatov", "Oqsu", "Tojikobod", NULL } },
  { "Sayod", { "Sayod", "Zafarobod", "Yangiqishloq", NULL } },
  { "Pakhtaobod", { "Pakhtaobod", "Mehrobod", "Vahdat", NULL } },
};
static const HmrDemoJamoat nosiri_khusrav[] = {
  { "Beshkent", { "Beshkent", "Qumqurghon", "Navruz", NULL } },
  { "Istiqlol", { "Istiqlol", "Ziraki", "Sharora", NULL } },
  { "Navobod", { "Navobod", "Chashmasor", "Oqtepa", NULL } },
};
static const HmrDemoJamoat panj[] = {
  { "Panj", { "Panj", "Sayyod", "Qizilqala", "Lolazor", NULL } },
  { "Namuna", { "Namuna", "Dehqonobod", "Nurafshon", NULL } },
  { "Nuri Vahdat", { "Nuri Vahdat", "Gulshan", "Shahrak", NULL } },
  { "Kuldimon", { "Kuldimon", "Ittihod", "Sarichashma", NULL } },
  { "Ozodagon", { "Ozodagon", "Kokul", "Jarqurghon", NULL } },
};
static const HmrDemoJamoat jayhun[] = {
  { "Jayhun", { "Jayhun", "Navobod", "Bustonqala", NULL } },
  { "Kolkhozobod", { "Kolkhozobod", "Vahdat", "Istiqlol", "Hayoti Nav", NULL } },
  { "Tugalang", { "Tugalang", "Oqjar", "Dashtijum", NULL } },
  { "Yakkatut", { "Yakkatut", "Chorsu", "Mehnat", NULL } },
};
static const HmrDemoJamoat farkhor[] = {
  { "Farkhor", { "Farkhor", "Nurobod", "Zargar", NULL } },
  { "Chubek", { "Chubek", "Ghalaba", "Dehqonobod", "Sarvati", NULL } },
  { "Galaba", { "Galaba", "Panjob", "Navbahor", NULL } },
  { "Vakhdat", { "Vakhdat", "Qaroqamish", "Guliston", NULL } },
  { "Darvozai Khoja", { "Khoja", "Sayyodon", "Shahrak", NULL } },
};
static const HmrDemoJamoat hamadoni[] = {
  { "Moskva", { "Moskva", "Navobod", "Surkhob", NULL } },
  { "Dehqonobod", { "Dehqonobod", "Tugarak", "Khumdon", NULL } },
  { "Hamadoni", { "Hamadoni", "Panjob", "Yangiobod", "Chorgul", NULL } },
  { "Kangurt", { "Kangurt", "Darai Zor", "Safedob", NULL } },
};
static const HmrDemoJamoat shamsiddin_shohin[] = {
  { "Shuroobod", { "Shuroobod", "Kalai Dasht", "Dahana", NULL } },
  { "Dashti Jum", { "Dashti Jum", "Shahrigul", "Kuhistoni Bolo", NULL } },
  { "Yol", { "Yol", "Darai Ghorak", "Sarichashma", NULL } },
  { "Sari Khosor", { "Sari Khosor", "Chashmai Sang", "Poyon", NULL } },
};
static const HmrDemoJamoat darvoz[] = {
  { "Qalai Khumb", { "Qalai Khumb", "Khumbi Bolo", "Ruzvai", NULL } },
  { "Vishkharv", { "Vishkharv", "Zing", "Sagirdasht", NULL } },
  { "Nulvand", { "Nulvand", "Yoged", "Khostav", NULL } },
};
static const HmrDemoJamoat vanj[] = {
  { "Vanj", { "Vanj", "Rovand", "Bunai", NULL } },
  { "Jovid", { "Jovid", "Tekharv", "Jamak", NULL } },
  { "Yazgulom", { "Andarbak", "Motravn", "Jamak", NULL } },
  { "Ubaydullo", { "Ubaydullo", "Dashti Rovand", "Ghishkhun", NULL } },
};
static const HmrDemoJamoat rushon[] = {
  { "Rushon", { "Vomar", "Shujand", "Pastkhuf", NULL } },
  { "Barrushon", { "Barrushon", "Dasht", "Khijez", NULL } },
  { "Bartang", { "Basid", "Savnob", "Roshorv", "Yemts", NULL } },
};
static const HmrDemoJamoat shughnon[] = {
  { "Porshinev", { "Porshinev", "Khidorjev", "Bidurj", NULL } },
  { "Vankala", { "Vankala", "Vir", "Vezdara", NULL } },
  { "Suchan", { "Suchan", "Dehmiyona", "Darmorakht", NULL } },
  { "Derzud", { "Derzud", "Shosh", "Tusyon", NULL } },
};
static const HmrDemoJamoat khorugh[] = {
  { "Khorugh", { "Tem", "Barkhorugh", "Dashtak", "Khitoy-bozor", "Gulobod", "Shosh", NULL } },
};
static const HmrDemoJamoat roshtqala[] = {
  { "Roshtqala", { "Roshtqala", "Sezhd", "Vozm", NULL } },
  { "Tavdem", { "Tavdem", "Jarf", "Barvoz", NULL } },
  { "Shohdara", { "Shohdara", "Vezdara", "Marjonai", NULL } },
};
static const HmrDemoJamoat ishkoshim[] = {
  { "Ishkoshim", { "Ishkoshim", "Ryn", "Sumjin", NULL } },
  { "Shitkharv", { "Shitkharv", "Namadgut", "Darshai", NULL } },
  { "Zong", { "Zong", "Vrang", "Yamchun", "Langar", NULL } },
  { "Zugvand", { "Ptup", "Zugvand", "Yamg", NULL } },
};
static const HmrDemoJamoat penjikent[] = {
  { "Khurmi", { "Vahdat", "Khurmi", "Kosatarosh", NULL } },
  { "Amondara", { "Amondara", "Dashti Qozi", NULL } },
  { "Sarazm", { "Sarazm", "Avazali", NULL } },
  { "Shing", { "Shing", "Mujikharv", NULL } },
};
static const HmrDemoJamoat dushanbe[] = {
  { "Sino district", { "Zarafshon", "Kalinin", "Vodonasos", NULL } },
  { "Firdavsi district", { "82 mkr", "91 mkr", "Gulbahor", NULL } },
  { "Shohmansur district", { "Shohmansur", "Zarnisor", NULL } },
};

#define J(a) a, G_N_ELEMENTS (a)

const HmrDemoDistrict hmr_demo_districts[] = {
  { "Dusti", 84, FALSE, "Dusti", "tg,ru,uz", "NGO Ghamkhori", J (dusti) },
  { "Qubodiyon", 84, FALSE, "Qubodiyon", "tg,ru,uz", "NGO Akhtari Bakht", J (qubodiyon) },
  { "Shahrituz", 80, FALSE, "Shahrituz", "tg,ru,uz", "NGO Akhtari Bakht", J (shahrituz) },
  { "Nosiri Khusrav", 46, FALSE, "Beshkent", "tg,ru,uz", "NGO Ghamkhori", J (nosiri_khusrav) },
  { "Panj", 85, FALSE, "Panj", "tg,ru", "NGO Fidokor", J (panj) },
  { "Jayhun", 75, FALSE, "Jayhun", "tg,ru,uz", "NGO Ghamkhori", J (jayhun) },
  { "Farkhor", 90, FALSE, "Farkhor", "tg,ru", "NGO Fidokor", J (farkhor) },
  { "Hamadoni", 80, FALSE, "Moskva", "tg,ru", "NGO Fidokor", J (hamadoni) },
  { "Shamsiddin Shohin", 66, FALSE, "Shuroobod", "tg,ru", "NGO Fidokor", J (shamsiddin_shohin) },
  { "Darvoz", 40, FALSE, "Qalai Khumb", "tg,ru", "NGO Nuri Umed", J (darvoz) },
  { "Vanj", 40, TRUE, "Vanj", "tg,ru,yah", "NGO Nuri Umed", J (vanj) },
  { "Rushon", 40, TRUE, "Rushon", "tg,ru,sgh", "NGO Madadgor", J (rushon) },
  { "Shughnon", 52, TRUE, "Khorugh", "tg,ru,sgh", "NGO Madadgor", J (shughnon) },
  { "Khorugh", 52, TRUE, "Khorugh", "tg,ru,sgh,en", "NGO Madadgor", J (khorugh) },
  { "Roshtqala", 36, TRUE, "Roshtqala", "tg,ru,sgh", "NGO Madadgor", J (roshtqala) },
  { "Ishkoshim", 36, TRUE, "Ishkoshim", "tg,ru,wbl", "NGO Nuri Umed", J (ishkoshim) },
  { "Penjikent", 7, FALSE, "Penjikent", "tg,ru", "NGO Women of Orient", J (penjikent) },
  { "Dushanbe", 7, FALSE, "Dushanbe", "tg,ru,en", "NGO Madina", J (dushanbe) },
};
const guint hmr_demo_n_districts = G_N_ELEMENTS (hmr_demo_districts);

const HmrDemoCity hmr_demo_cities[] = {
  { "Russia", "Moscow", 380 }, { "Russia", "St Petersburg", 130 },
  { "Russia", "Yekaterinburg", 70 }, { "Russia", "Novosibirsk", 55 },
  { "Russia", "Kazan", 35 }, { "Russia", "Krasnoyarsk", 35 },
  { "Russia", "Surgut", 35 }, { "Russia", "Tyumen", 30 },
  { "Russia", "Samara", 25 }, { "Russia", "Nizhny Novgorod", 25 },
  { "Russia", "Krasnodar", 25 }, { "Russia", "Irkutsk", 20 },
  { "Russia", "Chelyabinsk", 15 }, { "Russia", "Omsk", 10 },
  { "Kazakhstan", "Almaty", 45 }, { "Kazakhstan", "Astana", 25 },
  { "Kazakhstan", "Shymkent", 15 }, { "Turkey", "Istanbul", 15 },
  { "United Arab Emirates", "Dubai", 10 },
};
const guint hmr_demo_n_cities = G_N_ELEMENTS (hmr_demo_cities);

/* ---- grants ----------------------------------------------------------- */

const HmrDemoGrantTemplate hmr_demo_grant_templates[] = {
  /* the field example comes first: 5,874 TJS, shared by three */
  { "Construction materials for a shared auto-repair shop",
    "Three returned migrants build a car repair workshop on land allocated by the district chairman. "
    "Stone, gravel, sand, bricks and the labour come from the families; the grant buys what "
    "they cannot make.",
    "business_loan",
    { { "Cement, 50 kg bags", "bags", 30, 30, 52, 52, NULL },
      { "Steel fittings, 10 mm", "m", 400, 400, 4, 4, NULL },
      { "Sheet metal, galvanised", "sheets", 20, 20, 62, 62, NULL },
      { "Metal doors", "pcs", 2, 2, 420, 420, NULL },
      { "Roof timbers", "m³", 0.2, 0.2, 3170, 3170, NULL } } },
  { "Welding workshop",
    "Gates, window grilles and repairs for the village; worked as a welder in Moscow for six years.",
    "business_loan",
    { { "Welding machine", "pcs", 1, 1, 2200, 3200, "WM" },
      { "Angle grinder", "pcs", 1, 1, 450, 700, "AG" },
      { "Welding electrodes", "kg", 20, 40, 18, 25, NULL },
      { "Welding mask", "pcs", 1, 2, 120, 180, NULL },
      { "Steel workbench", "pcs", 1, 1, 600, 900, NULL } } },
  { "Sewing workshop",
    "School uniforms and dresses to order; a room in the family house serves as the workshop.",
    "vocational_training",
    { { "Sewing machine", "pcs", 1, 2, 1800, 2600, "SM" },
      { "Overlock machine", "pcs", 1, 1, 2400, 3200, "OL" },
      { "Fabric", "m", 50, 120, 18, 35, NULL },
      { "Scissors and notions set", "set", 1, 1, 150, 250, NULL } } },
  { "Greenhouse for early vegetables",
    "Tomatoes and cucumbers for the district market from March, two months before open fields.",
    "business_loan",
    { { "Polycarbonate sheets", "sheets", 10, 20, 380, 450, NULL },
      { "Steel profile", "m", 80, 150, 14, 20, NULL },
      { "Drip irrigation kit", "set", 1, 1, 900, 1400, "DI" },
      { "Tomato and cucumber seedlings", "pcs", 300, 800, 2, 3, NULL } } },
  { "Laying hens", "Eggs for the jamoat market and the school canteen.",
    "business_loan",
    { { "Laying hens", "pcs", 50, 120, 45, 60, NULL },
      { "Poultry feed", "kg", 300, 800, 4, 6, NULL },
      { "Coop materials", "set", 1, 1, 1200, 2000, NULL },
      { "Drinkers and feeders", "set", 1, 1, 250, 400, NULL } } },
  { "Beekeeping", "Mountain honey sold in Dushanbe through a cousin's shop.",
    "business_loan",
    { { "Beehives", "pcs", 5, 10, 550, 750, NULL },
      { "Bee colonies", "pcs", 5, 10, 600, 850, NULL },
      { "Protective suit", "pcs", 1, 2, 250, 350, NULL },
      { "Honey extractor", "pcs", 1, 1, 1400, 1900, "HX" } } },
  { "Tandoor bakery", "Bread for two mahallas; the wife bakes, the beneficiary delivers.",
    "business_loan",
    { { "Tandoor oven", "pcs", 1, 1, 1500, 2200, "TN" },
      { "Flour, 50 kg bags", "bags", 20, 40, 260, 320, NULL },
      { "Kneading table", "pcs", 1, 1, 500, 800, NULL },
      { "Display shelf", "pcs", 1, 1, 400, 700, NULL } } },
  { "Fattening calves", "Two calves bought in spring and sold before Eid; fodder from the family plot.",
    "business_loan",
    { { "Calves", "head", 2, 3, 3500, 5000, "TJ" },
      { "Fodder", "kg", 500, 1000, 3, 4, NULL },
      { "Veterinary kit", "set", 1, 1, 300, 500, NULL } } },
  { "Car repair tools", "Tyre and engine repairs on the main road; the nearest workshop is 30 km away.",
    "business_loan",
    { { "Hydraulic floor jack", "pcs", 1, 1, 900, 1400, "FJ" },
      { "Spanner set", "set", 1, 1, 450, 800, NULL },
      { "Air compressor", "pcs", 1, 1, 2500, 3800, "AC" },
      { "Table vice", "pcs", 1, 1, 350, 550, NULL } } },
  { "Mobile phone repair",
    "Repairs and spare parts at the district bazaar; trained at the Center for Adult Education.",
    "vocational_training",
    { { "Soldering station", "pcs", 1, 1, 900, 1400, "SS" },
      { "Screwdriver and tool set", "set", 1, 1, 300, 500, NULL },
      { "Spare parts stock", "set", 1, 1, 1500, 2500, NULL },
      { "Display counter", "pcs", 1, 1, 700, 1100, NULL } } },
  { "Carpentry", "Doors, window frames and furniture to order.",
    "vocational_training",
    { { "Circular saw", "pcs", 1, 1, 1800, 2600, "CS" },
      { "Electric planer", "pcs", 1, 1, 900, 1400, "EP" },
      { "Electric drill", "pcs", 1, 1, 600, 900, "DR" },
      { "Timber", "m³", 0.5, 1.5, 2800, 3400, NULL } } },
  { "Barber shop", "A barber's chair in a rented room near the jamoat office.",
    "business_loan",
    { { "Barber chair", "pcs", 1, 2, 1600, 2400, "BC" },
      { "Hair clippers", "pcs", 2, 2, 350, 600, "HC" },
      { "Wall mirror", "pcs", 1, 2, 400, 600, NULL },
      { "Water heater", "pcs", 1, 1, 900, 1300, "WH" } } },
  { "Village shop", "Groceries and household goods; the nearest shop is in the district centre.",
    "business_loan",
    { { "Shop shelving", "set", 1, 1, 800, 1200, NULL },
      { "Refrigerator", "pcs", 1, 1, 3500, 4500, "RF" },
      { "Initial stock of goods", "set", 1, 1, 3000, 5000, NULL } } },
};
const guint hmr_demo_n_grant_templates = G_N_ELEMENTS (hmr_demo_grant_templates);

/* ---- texts ------------------------------------------------------------ */

static const char * const health_problems[] = {
  "Back injury from a fall at a construction site",
  "Chronic kidney disease",
  "Tuberculosis, under treatment at the district TB centre",
  "High blood pressure",
  "Hepatitis B",
  "Poorly healed fracture of the leg",
  "Frostbite damage to the fingers",
  "Chronic bronchitis",
  "Stomach ulcer",
  "Hearing loss after years with heavy machinery",
  "Eye injury from welding without protection",
  "Diabetes, untreated while abroad",
  "Chronic back pain, cannot lift heavy loads",
  "Head injury after an assault in the hostel",
  "Skin disease from work with chemicals",
  "Injured hand, two fingers lost at a sawmill",
};

static const char * const closure_reasons[] = {
  "Reintegration plan completed",
  "Reintegration plan completed; works in the family business",
  "Employed locally; no further needs",
  "Left again for labour migration",
  "Moved to another district",
  "Lost contact after three attempts",
  "Withdrew consent",
};

static const char * const modules[] = {
  "Planning my reintegration",
  "Re-entry bans: legal options",
  "Work and income at home",
  "Health and well-being after return",
  "Starting a small business",
  "Safe migration and avoiding trafficking",
  "Family and community after return",
};

static const char * const password_words[] = {
  "Anor", "Sabz", "Kuh", "Daryo", "Bahor", "Sitora", "Oftob", "Shamol", "Barf",
  "Gul", "Tut", "Zard", "Surkh", "Kabud", "Safed", "Choy", "Osmon", "Zamin",
  "Bodom", "Sebi", "Angur", "Pista", "Chinor", "Archa", "Rud", "Kishti", "Dasht",
  "Bogh", "Nonvoy", "Tiramoh",
};

static const char * const streets[] = {
  "Somoni street", "Rudaki street", "Firdavsi street", "Ayni street",
  "Navoi street", "Istiqlol street", "Vahdat street", "Bokhtar street",
};

static const char * const notes_session[] = {
  "Sleeps badly since the return; worries about the debt for the trip. "
  "Practised breathing exercises; agreed to talk about the debt at home.",
  "Feels ashamed in front of the neighbours after the deportation. Talked about "
  "what was achieved abroad; will join the next group session.",
  "Less tense than last time; helps a brother on the family plot. Still angry at "
  "the employer who kept the passport.",
  "Nightmares about the detention centre are less frequent. Wants to stay at home "
  "for at least a year.",
  "Mood low; spends the days at home. Agreed a small daily plan: morning walk, "
  "visit to the job centre on Monday.",
  "Speaks openly about the exploitation for the first time. Referred to the NGO's "
  "psychologist for longer support.",
  "Family conflict over money sent home; mediated a conversation with the father. "
  "Calmer afterwards.",
  "Reports headaches and irritability; advised a check-up at the district hospital.",
};

static const char * const notes_phone[] = {
  "Short call: started the welding course at the Center for Adult Education; no new problems.",
  "Waiting for the legal aid centre's answer about the ban; reminded of the appointment.",
  "Works as a day labourer in the district centre; income irregular but enough for food.",
  "Asked about the business grant; explained the steps and the documents needed.",
  "Doing well; relations in the family are better since the group session.",
  "A child was ill; could not come to the office. Rescheduled the visit.",
};

static const char * const notes_visit[] = {
  "Home visit: a large household, one room heated in winter. Spouse and mother "
  "present; the family supports the plan.",
  "Home visit: the workshop is running; two customers during the visit.",
  "Home visit with the mahalla head; the house was damaged by the spring mudflow.",
  "Office visit: brought the documents for the passport replacement.",
  "Office visit: signed the updated reintegration plan.",
};

static const char * const notes_missed[] = {
  "Did not answer the phone; a relative says the beneficiary is in Dushanbe looking for work.",
  "Not at home at the agreed time; neighbours say the beneficiary went to the bazaar.",
  "Phone switched off three days in a row.",
};

static const char * const notes_cancelled[] = {
  "Cancelled: the beneficiary travelled to Dushanbe for documents.",
  "Cancelled: road to the village closed by snow.",
  "Cancelled: funeral in the family.",
};

static const char * const other_actions[] = {
  "Registered at the employment centre",
  "Applied for a new passport",
  "Joined a farmers' group in the jamoat",
  "Started a Russian language course",
  "Talked to the imam about family problems",
  "Took a driving licence course",
};

static const char * const identifiers[] = {
  "NGO Women of Orient", "NGO Fidokor", "NGO Ghamkhori", "NGO Madina",
  "Migration Service", "IOM hotline",
};

#define POOL(name) const HmrDemoPool hmr_demo_##name = HMR_DEMO_POOL (name)

POOL (health_problems);
POOL (closure_reasons);
POOL (modules);
POOL (password_words);
POOL (streets);
POOL (notes_session);
POOL (notes_phone);
POOL (notes_visit);
POOL (notes_missed);
POOL (notes_cancelled);
POOL (other_actions);
POOL (identifiers);

const char * const hmr_demo_service_codes[] = {
  "legal_aid", "employment", "vocational_training", "business_loan", "health",
  "migration_service", "psychosocial",
};

const char * const hmr_demo_referral_reasons[] = {
  "Re-entry ban to Russia: check the decision and the options to challenge it",
  "Looking for local work; registered as unemployed",
  "Wants a trade certificate (welding, electrics or sewing) to find work",
  "Has a business idea and needs a small loan",
  "Health problems after migration need a medical check-up",
  "Needs a new passport and information on legal migration",
  "Great distress after the return; agreed to see a counsellor",
};

const char * const hmr_demo_referral_accepted[] = {
  "Accepted; lawyer's consultation booked",
  "Accepted; registered as a job seeker",
  "Accepted into the next course",
  "Accepted; loan application under review",
  "Accepted; appointment with the doctor",
  "Accepted; documents received",
  "Accepted; first session planned",
};

const char * const hmr_demo_referral_rejected[] = {
  "Rejected: the ban was imposed by a court, outside our mandate",
  "Rejected: no vacancies in the district at present",
  "Rejected: the course is full until autumn",
  "Rejected: no guarantor for the loan",
  "Rejected: the service is only available in the regional centre",
  "Rejected: documents incomplete",
  "Rejected: the counsellor's caseload is full",
};

const char * const hmr_demo_referral_outcomes[] = {
  "Appeal against the ban filed with the help of the lawyer",
  "Found seasonal work through the employment centre",
  "Completed the course and received a certificate",
  "Loan granted; business started",
  "Examined and treated; follow-up at the district hospital",
  "New passport issued",
  "Completed six counselling sessions",
};
