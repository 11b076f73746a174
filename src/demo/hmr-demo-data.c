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
  { "Dusti", 84, FALSE, "Dusti", "tg,ru,uz", "ТҶ «Ғамхорӣ»", J (dusti) },
  { "Qubodiyon", 84, FALSE, "Qubodiyon", "tg,ru,uz", "ТҶ «Ахтари бахт»", J (qubodiyon) },
  { "Shahrituz", 80, FALSE, "Shahrituz", "tg,ru,uz", "ТҶ «Ахтари бахт»", J (shahrituz) },
  { "Nosiri Khusrav", 46, FALSE, "Beshkent", "tg,ru,uz", "ТҶ «Ғамхорӣ»", J (nosiri_khusrav) },
  { "Panj", 85, FALSE, "Panj", "tg,ru", "ТҶ «Фидокор»", J (panj) },
  { "Jayhun", 75, FALSE, "Jayhun", "tg,ru,uz", "ТҶ «Ғамхорӣ»", J (jayhun) },
  { "Farkhor", 90, FALSE, "Farkhor", "tg,ru", "ТҶ «Фидокор»", J (farkhor) },
  { "Hamadoni", 80, FALSE, "Moskva", "tg,ru", "ТҶ «Фидокор»", J (hamadoni) },
  { "Shamsiddin Shohin", 66, FALSE, "Shuroobod", "tg,ru", "ТҶ «Фидокор»", J (shamsiddin_shohin) },
  { "Darvoz", 40, FALSE, "Qalai Khumb", "tg,ru", "ТҶ «Нури умед»", J (darvoz) },
  { "Vanj", 40, TRUE, "Vanj", "tg,ru,yah", "ТҶ «Нури умед»", J (vanj) },
  { "Rushon", 40, TRUE, "Rushon", "tg,ru,sgh", "ТҶ «Мададгор»", J (rushon) },
  { "Shughnon", 52, TRUE, "Khorugh", "tg,ru,sgh", "ТҶ «Мададгор»", J (shughnon) },
  { "Khorugh", 52, TRUE, "Khorugh", "tg,ru,sgh,en", "ТҶ «Мададгор»", J (khorugh) },
  { "Roshtqala", 36, TRUE, "Roshtqala", "tg,ru,sgh", "ТҶ «Мададгор»", J (roshtqala) },
  { "Ishkoshim", 36, TRUE, "Ishkoshim", "tg,ru,wbl", "ТҶ «Нури умед»", J (ishkoshim) },
  { "Penjikent", 7, FALSE, "Penjikent", "tg,ru", "ТҶ «Занони Шарқ»", J (penjikent) },
  { "Dushanbe", 7, FALSE, "Dushanbe", "tg,ru,en", "ТҶ «Мадина»", J (dushanbe) },
};
const guint hmr_demo_n_districts = G_N_ELEMENTS (hmr_demo_districts);

const HmrDemoCity hmr_demo_cities[] = {
  { "Russia", "Moscow", 380, "Маскав, Русия" }, { "Russia", "St Petersburg", 130, "Санкт-Петербург, Русия" },
  { "Russia", "Yekaterinburg", 70, "Екатеринбург, Русия" }, { "Russia", "Novosibirsk", 55, "Новосибирск, Русия" },
  { "Russia", "Kazan", 35, "Қазон, Русия" }, { "Russia", "Krasnoyarsk", 35, "Красноярск, Русия" },
  { "Russia", "Surgut", 35, "Сургут, Русия" }, { "Russia", "Tyumen", 30, "Тюмен, Русия" },
  { "Russia", "Samara", 25, "Самара, Русия" }, { "Russia", "Nizhny Novgorod", 25, "Нижний Новгород, Русия" },
  { "Russia", "Krasnodar", 25, "Краснодар, Русия" }, { "Russia", "Irkutsk", 20, "Иркутск, Русия" },
  { "Russia", "Chelyabinsk", 15, "Челябинск, Русия" }, { "Russia", "Omsk", 10, "Омск, Русия" },
  { "Kazakhstan", "Almaty", 45, "Алмаато, Қазоқистон" }, { "Kazakhstan", "Astana", 25, "Остона, Қазоқистон" },
  { "Kazakhstan", "Shymkent", 15, "Чимкент, Қазоқистон" }, { "Turkey", "Istanbul", 15, "Истанбул, Туркия" },
  { "United Arab Emirates", "Dubai", 10, "Дубай, АМА" },
};
const guint hmr_demo_n_cities = G_N_ELEMENTS (hmr_demo_cities);

/* ---- grants ----------------------------------------------------------- */

const HmrDemoGrantTemplate hmr_demo_grant_templates[] = {
  /* the field example comes first: 5,874 TJS, shared by three */
  { "Маводи сохтмонӣ барои устохонаи умумии таъмири мошин",
    "Се муҳоҷири баргашта дар замине, ки раиси ноҳия ҷудо кардааст, устохонаи таъмири мошин "
    "месозанд. Санг, шағал, рег, хишт ва меҳнатро оилаҳо медиҳанд; грант он чизеро мехарад, "
    "ки худашон сохта наметавонанд.",
    "business_loan",
    { { "Семент, халтаи 50 кг", "халта", 30, 30, 52, 52, NULL },
      { "Арматура, 10 мм", "м", 400, 400, 4, 4, NULL },
      { "Тунукаи руҳандуд", "варақ", 20, 20, 62, 62, NULL },
      { "Дарҳои оҳанин", "дона", 2, 2, 420, 420, NULL },
      { "Чӯби бом", "м³", 0.2, 0.2, 3170, 3170, NULL } } },
  { "Устохонаи кафшергарӣ",
    "Дарвоза, панҷараи тиреза ва таъмир барои деҳа; шаш сол дар Маскав кафшергар буд.",
    "business_loan",
    { { "Дастгоҳи кафшер", "дона", 1, 1, 2200, 3200, "WM" },
      { "Болгарка (осиёби кунҷӣ)", "дона", 1, 1, 450, 700, "AG" },
      { "Электродҳои кафшер", "кг", 20, 40, 18, 25, NULL },
      { "Ниқоби кафшергар", "дона", 1, 2, 120, 180, NULL },
      { "Мизи кории оҳанин", "дона", 1, 1, 600, 900, NULL } } },
  { "Швейный цех на дому",
    "Школьная форма и платья на заказ; под цех отведена комната в доме семьи.",
    "vocational_training",
    { { "Швейная машина", "шт.", 1, 2, 1800, 2600, "SM" },
      { "Оверлок", "шт.", 1, 1, 2400, 3200, "OL" },
      { "Ткань", "м", 50, 120, 18, 35, NULL },
      { "Ножницы и фурнитура", "компл.", 1, 1, 150, 250, NULL } } },
  { "Гармхона барои сабзавоти барвақтӣ",
    "Помидор ва бодиринг барои бозори ноҳия аз моҳи март, ду моҳ пеш аз ҳосили замини кушод.",
    "business_loan",
    { { "Поликарбонат", "варақ", 10, 20, 380, 450, NULL },
      { "Профили оҳанин", "м", 80, 150, 14, 20, NULL },
      { "Маҷмӯи обёрии қатрагӣ", "маҷмӯа", 1, 1, 900, 1400, "DI" },
      { "Ниҳоли помидор ва бодиринг", "дона", 300, 800, 2, 3, NULL } } },
  { "Мурғпарварӣ (мурғони тухмдор)", "Тухм барои бозори ҷамоат ва ошхонаи мактаб.",
    "business_loan",
    { { "Мурғони тухмдор", "дона", 50, 120, 45, 60, NULL },
      { "Хӯроки мурғ", "кг", 300, 800, 4, 6, NULL },
      { "Масолеҳ барои мурғхона", "маҷмӯа", 1, 1, 1200, 2000, NULL },
      { "Обдон ва донхӯрак", "маҷмӯа", 1, 1, 250, 400, NULL } } },
  { "Занбӯриасалпарварӣ", "Асали кӯҳӣ тавассути мағозаи амакбача дар Душанбе фурӯхта мешавад.",
    "business_loan",
    { { "Кандуҳо", "дона", 5, 10, 550, 750, NULL },
      { "Оилаҳои занбӯри асал", "дона", 5, 10, 600, 850, NULL },
      { "Либоси муҳофизатӣ", "дона", 1, 2, 250, 350, NULL },
      { "Асалкашак", "дона", 1, 1, 1400, 1900, "HX" } } },
  { "Нонпазии тандурӣ", "Нон барои ду маҳалла; занаш нон мепазад, худаш ба мизоҷон мерасонад.",
    "business_loan",
    { { "Тануре", "дона", 1, 1, 1500, 2200, "TN" },
      { "Орд, халтаи 50 кг", "халта", 20, 40, 260, 320, NULL },
      { "Мизи хамиргирӣ", "дона", 1, 1, 500, 800, NULL },
      { "Рафи намоишӣ", "дона", 1, 1, 400, 700, NULL } } },
  { "Фарбеҳкунии гӯсола", "Ду гӯсола баҳор харида ва пеш аз Иди Қурбон фурӯхта мешаванд; хӯрок аз замини наздиҳавлигӣ.",
    "business_loan",
    { { "Гӯсола", "сар", 2, 3, 3500, 5000, "TJ" },
      { "Хӯроки чорво", "кг", 500, 1000, 3, 4, NULL },
      { "Маҷмӯи доруҳои байторӣ", "маҷмӯа", 1, 1, 300, 500, NULL } } },
  { "Асбобҳои таъмири мошин", "Таъмири шина ва муҳаррик дар канори роҳи калон; наздиктарин устохона 30 км дур аст.",
    "business_loan",
    { { "Домкрати гидравликӣ", "дона", 1, 1, 900, 1400, "FJ" },
      { "Маҷмӯи калидҳо", "маҷмӯа", 1, 1, 450, 800, NULL },
      { "Компрессори ҳаво", "дона", 1, 1, 2500, 3800, "AC" },
      { "Тиски рӯимизӣ", "дона", 1, 1, 350, 550, NULL } } },
  { "Ремонт мобильных телефонов",
    "Ремонт и запчасти на районном базаре; обучение прошёл в Центре обучения взрослых.",
    "vocational_training",
    { { "Паяльная станция", "шт.", 1, 1, 900, 1400, "SS" },
      { "Набор отвёрток и инструментов", "компл.", 1, 1, 300, 500, NULL },
      { "Запас запчастей", "компл.", 1, 1, 1500, 2500, NULL },
      { "Витрина", "шт.", 1, 1, 700, 1100, NULL } } },
  { "Дуредгарӣ", "Дар, чорчӯбаи тиреза ва мебел ба фармоиш.",
    "vocational_training",
    { { "Арраи даврӣ", "дона", 1, 1, 1800, 2600, "CS" },
      { "Рандаи барқӣ", "дона", 1, 1, 900, 1400, "EP" },
      { "Пармаи барқӣ", "дона", 1, 1, 600, 900, "DR" },
      { "Тахта", "м³", 0.5, 1.5, 2800, 3400, NULL } } },
  { "Сартарошхона", "Курсии сартарошӣ дар ҳуҷраи иҷоравӣ назди бинои ҷамоат.",
    "business_loan",
    { { "Курсии сартарошӣ", "дона", 1, 2, 1600, 2400, "BC" },
      { "Мошинкаи мӯйгирӣ", "дона", 2, 2, 350, 600, "HC" },
      { "Оинаи деворӣ", "дона", 1, 2, 400, 600, NULL },
      { "Обгармкунак", "дона", 1, 1, 900, 1300, "WH" } } },
  { "Мағозаи деҳа", "Хӯрокворӣ ва молҳои рӯзгор; наздиктарин мағоза дар маркази ноҳия аст.",
    "business_loan",
    { { "Рафҳои мағоза", "маҷмӯа", 1, 1, 800, 1200, NULL },
      { "Яхдон", "дона", 1, 1, 3500, 4500, "RF" },
      { "Моли аввалини савдо", "маҷмӯа", 1, 1, 3000, 5000, NULL } } },
};
const guint hmr_demo_n_grant_templates = G_N_ELEMENTS (hmr_demo_grant_templates);

/* ---- texts ------------------------------------------------------------ */

static const char * const health_problems[] = {
  "Осеби камар аз афтидан дар объекти сохтмон",
  "Бемории музмини гурда",
  "Сил, дар маркази ноҳиявии зидди сил табобат мегирад",
  "Фишори баланди хун",
  "Гепатити B",
  "Шикасти пой, ки нодуруст ҷӯш хӯрдааст",
  "Ангуштонро хунук задааст",
  "Бронхити музмин",
  "Захми меъда",
  "Пас аз солҳо кор бо техникаи вазнин гӯшаш сангин шудааст",
  "Осеби чашм аз кафшеркунӣ бе ниқоб",
  "Диабет, дар муҳоҷират табобат нагирифтааст",
  "Хроническая боль в спине, не может поднимать тяжести",
  "Осеби сар пас аз задухӯрд дар хобгоҳ",
  "Бемории пӯст аз кор бо моддаҳои кимиёвӣ",
  "Осеби даст, дар арракашхона ду ангушташро аз даст додааст",
};

static const char * const closure_reasons[] = {
  "Нақшаи реинтегратсия иҷро шуд",
  "Нақшаи реинтегратсия иҷро шуд; дар тиҷорати оилавӣ кор мекунад",
  "Дар ҷои зисташ ба кор даромад; дигар ниёз надорад",
  "Боз ба муҳоҷирати меҳнатӣ рафт",
  "Ба ноҳияи дигар кӯчид",
  "Пас аз се кӯшиш тамос қатъ шуд",
  "Аз розигӣ даст кашид",
};

static const char * const modules[] = {
  "Нақшаи реинтегратсияи ман",
  "Манъи вуруд: имкониятҳои ҳуқуқӣ",
  "Кор ва даромад дар Ватан",
  "Саломатӣ ва некӯаҳволӣ пас аз бозгашт",
  "Оғози тиҷорати хурд",
  "Муҳоҷирати бехатар ва пешгирии хариду фурӯши одамон",
  "Оила ва ҷомеа пас аз бозгашт",
};

static const char * const password_words[] = {
  "Anor", "Sabz", "Kuh", "Daryo", "Bahor", "Sitora", "Oftob", "Shamol", "Barf",
  "Gul", "Tut", "Zard", "Surkh", "Kabud", "Safed", "Choy", "Osmon", "Zamin",
  "Bodom", "Sebi", "Angur", "Pista", "Chinor", "Archa", "Rud", "Kishti", "Dasht",
  "Bogh", "Nonvoy", "Tiramoh",
};

static const char * const streets[] = {
  "кӯчаи Сомонӣ", "кӯчаи Рӯдакӣ", "кӯчаи Фирдавсӣ", "кӯчаи Айнӣ",
  "кӯчаи Навоӣ", "кӯчаи Истиқлол", "кӯчаи Ваҳдат", "кӯчаи Бохтар",
};

static const char * const notes_session[] = {
  "Аз вақти бозгашт бад хоб мекунад; аз қарзи роҳкиро ғам мехӯрад. "
  "Машқи нафаскаширо омӯхтем; розӣ шуд, ки дар бораи қарз дар хона гап занад.",
  "Пас аз депортатсия аз ҳамсояҳо шарм мекунад. Дар бораи он чи дар муҳоҷират "
  "ба даст овардааст, сӯҳбат кардем; ба ҷаласаи гурӯҳии навбатӣ меояд.",
  "Нисбат ба дафъаи гузашта оромтар; ба бародараш дар замини наздиҳавлигӣ кӯмак "
  "мекунад. Ҳанӯз аз корфармое, ки шиносномаашро нигоҳ дошта буд, хашмгин аст.",
  "Хобҳои даҳшатнок дар бораи маркази нигоҳдорӣ камтар шудаанд. Мехоҳад ақаллан "
  "як сол дар хона монад.",
  "Настроение подавленное, целыми днями сидит дома. Договорились о небольшом плане "
  "на день: утренняя прогулка, в понедельник — визит в центр занятости.",
  "Бори аввал дар бораи истисмор кушоду равшан гап зад. Барои дастгирии дарозмуддат "
  "ба равоншиноси ташкилот фиристода шуд.",
  "Дар оила барои пули фиристодашуда ҷанҷол; сӯҳбат бо падарашро миёнаравӣ кардем. "
  "Баъд оромтар шуд.",
  "Аз дарди сар ва асабонӣ шикоят мекунад; маслиҳат дода шуд, ки дар беморхонаи ноҳия муоина гузарад.",
};

static const char * const notes_phone[] = {
  "Занги кӯтоҳ: курси кафшергариро дар Маркази таҳсилоти калонсолон оғоз кард; мушкили нав нест.",
  "Ҷавоби маркази ёрии ҳуқуқиро дар бораи манъи вуруд интизор аст; вохӯриро ёдрас кардам.",
  "Работает подёнщиком в райцентре; доход нерегулярный, но на еду хватает.",
  "Дар бораи гранти тиҷоратӣ пурсид; қадамҳо ва ҳуҷҷатҳои заруриро фаҳмондам.",
  "Аҳволаш хуб; пас аз ҷаласаи гурӯҳӣ муносибат дар оила беҳтар шудааст.",
  "Кӯдакаш бемор буд; ба идора омада натавонист. Вохӯрӣ ба рӯзи дигар гузошта шуд.",
};

static const char * const notes_visit[] = {
  "Боздид аз хона: оилаи калон, зимистон танҳо як ҳуҷра гарм карда мешавад. Ҳамсар "
  "ва модараш ҳозир буданд; оила нақшаро дастгирӣ мекунад.",
  "Боздид аз хона: устохона кор мекунад; ҳангоми боздид ду мизоҷ омаданд.",
  "Боздид аз хона бо раиси маҳалла; селоби баҳорӣ ба хона зарар расонидааст.",
  "Дар идора: ҳуҷҷатҳоро барои иваз кардани шиноснома овард.",
  "Дар идора: нақшаи навшудаи реинтегратсияро имзо кард.",
};

static const char * const notes_missed[] = {
  "Ба телефон ҷавоб надод; хешаш мегӯяд, ки дар Душанбе кор меҷӯяд.",
  "Дар вақти мувофиқашуда дар хона набуд; ҳамсояҳо гуфтанд, ки ба бозор рафтааст.",
  "Телефон выключен три дня подряд.",
};

static const char * const notes_cancelled[] = {
  "Бекор шуд: барои ҳуҷҷатҳо ба Душанбе рафтааст.",
  "Бекор шуд: роҳи деҳаро барф бастааст.",
  "Бекор шуд: дар оила маъракаи азо.",
};

static const char * const other_actions[] = {
  "Дар маркази шуғли аҳолӣ ба қайд гирифта шуд",
  "Барои шиносномаи нав ариза дод",
  "Ба гурӯҳи деҳқонони ҷамоат ҳамроҳ шуд",
  "Ба курси забони русӣ рафт",
  "Бо имоми маҳалла дар бораи мушкилоти оилавӣ сӯҳбат кард",
  "Ба курси ронандагӣ дохил шуд",
};

static const char * const identifiers[] = {
  "ТҶ «Занони Шарқ»", "ТҶ «Фидокор»", "ТҶ «Ғамхорӣ»", "ТҶ «Мадина»",
  "Хадамоти муҳоҷират", "Хати боварии СБМ",
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
  "Манъи вуруд ба Русия: қарорро санҷидан ва имкони шикоят аз он",
  "Дар ҷои зисташ кор меҷӯяд; ҳамчун бекор ба қайд гирифта шудааст",
  "Барои кор ёфтан шаҳодатномаи касбӣ (кафшергар, барқчӣ ё дӯзанда) мехоҳад",
  "Ғояи тиҷоратӣ дорад ва ба қарзи хурд ниёз дорад",
  "Мушкилоти саломатӣ пас аз муҳоҷират; муоинаи тиббӣ лозим аст",
  "Нужен новый паспорт и информация о легальной миграции",
  "Пас аз бозгашт изтироби шадид дорад; розӣ шуд, ки бо равоншинос вохӯрад",
};

const char * const hmr_demo_referral_accepted[] = {
  "Қабул шуд; машварати ҳуқуқшинос таъин шуд",
  "Қабул шуд; ҳамчун ҷӯяндаи кор ба қайд гирифта шуд",
  "Ба курси навбатӣ қабул шуд",
  "Қабул шуд; аризаи қарз баррасӣ мешавад",
  "Принято; записан на приём к врачу",
  "Қабул шуд; ҳуҷҷатҳо супорида шуданд",
  "Қабул шуд; ҷаласаи аввал ба нақша гирифта шуд",
};

const char * const hmr_demo_referral_rejected[] = {
  "Рад шуд: манъро суд ҷорӣ кардааст, ин берун аз салоҳияти мост",
  "Рад шуд: ҳоло дар ноҳия ҷои холии корӣ нест",
  "Рад шуд: курс то тирамоҳ пур аст",
  "Рад шуд: барои қарз кафил нест",
  "Рад шуд: ин хизмат танҳо дар маркази вилоят дастрас аст",
  "Отказано: неполный пакет документов",
  "Рад шуд: равоншинос ҷои холӣ надорад",
};

const char * const hmr_demo_referral_outcomes[] = {
  "Бо ёрии ҳуқуқшинос аз манъи вуруд шикоят пешниҳод шуд",
  "Тавассути маркази шуғли аҳолӣ кори мавсимӣ ёфт",
  "Курсро тамом кард ва шаҳодатнома гирифт",
  "Қарз дода шуд; тиҷорат оғоз ёфт",
  "Муоина ва табобат шуд; назорат дар беморхонаи ноҳия идома дорад",
  "Шиносномаи нав дода шуд",
  "Шаш ҷаласаи машваратиро гузашт",
};
