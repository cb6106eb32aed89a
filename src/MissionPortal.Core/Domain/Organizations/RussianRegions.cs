namespace MissionPortal.Core.Domain.Organizations;

/// <summary>Федеральный округ.</summary>
public enum FederalDistrict
{
    Central = 1,
    NorthWestern = 2,
    Southern = 3,
    NorthCaucasian = 4,
    Volga = 5,
    Ural = 6,
    Siberian = 7,
    FarEastern = 8,
}

/// <summary>One federal subject as the portal ships it: code (as in tax numbers and licence plates), name, district, IANA zone.</summary>
public sealed record RegionEntry(int Code, string Name, FederalDistrict District, string TimeZoneId);

/// <summary>
/// The 89 federal subjects of the Russian Federation, shipped with the product and written into every database at
/// start (found by code, so a start never duplicates one and a database seeded before keeps its ids). The zone is
/// the one of the region's capital.
/// </summary>
public static class RussianRegions
{
    private const string Moscow = "Europe/Moscow";
    private const string Yekaterinburg = "Asia/Yekaterinburg";

    public static readonly IReadOnlyList<RegionEntry> All =
    [
        // Центральный федеральный округ
        new(31, "Белгородская область", FederalDistrict.Central, Moscow),
        new(32, "Брянская область", FederalDistrict.Central, Moscow),
        new(33, "Владимирская область", FederalDistrict.Central, Moscow),
        new(36, "Воронежская область", FederalDistrict.Central, Moscow),
        new(37, "Ивановская область", FederalDistrict.Central, Moscow),
        new(40, "Калужская область", FederalDistrict.Central, Moscow),
        new(44, "Костромская область", FederalDistrict.Central, Moscow),
        new(46, "Курская область", FederalDistrict.Central, Moscow),
        new(48, "Липецкая область", FederalDistrict.Central, Moscow),
        new(50, "Московская область", FederalDistrict.Central, Moscow),
        new(57, "Орловская область", FederalDistrict.Central, Moscow),
        new(62, "Рязанская область", FederalDistrict.Central, Moscow),
        new(67, "Смоленская область", FederalDistrict.Central, Moscow),
        new(68, "Тамбовская область", FederalDistrict.Central, Moscow),
        new(69, "Тверская область", FederalDistrict.Central, Moscow),
        new(71, "Тульская область", FederalDistrict.Central, Moscow),
        new(76, "Ярославская область", FederalDistrict.Central, Moscow),
        new(77, "Москва", FederalDistrict.Central, Moscow),

        // Северо-Западный
        new(10, "Республика Карелия", FederalDistrict.NorthWestern, Moscow),
        new(11, "Республика Коми", FederalDistrict.NorthWestern, Moscow),
        new(29, "Архангельская область", FederalDistrict.NorthWestern, Moscow),
        new(35, "Вологодская область", FederalDistrict.NorthWestern, Moscow),
        new(39, "Калининградская область", FederalDistrict.NorthWestern, "Europe/Kaliningrad"),
        new(47, "Ленинградская область", FederalDistrict.NorthWestern, Moscow),
        new(51, "Мурманская область", FederalDistrict.NorthWestern, Moscow),
        new(53, "Новгородская область", FederalDistrict.NorthWestern, Moscow),
        new(60, "Псковская область", FederalDistrict.NorthWestern, Moscow),
        new(78, "Санкт-Петербург", FederalDistrict.NorthWestern, Moscow),
        new(83, "Ненецкий автономный округ", FederalDistrict.NorthWestern, Moscow),

        // Южный
        new(1, "Республика Адыгея", FederalDistrict.Southern, Moscow),
        new(8, "Республика Калмыкия", FederalDistrict.Southern, Moscow),
        new(23, "Краснодарский край", FederalDistrict.Southern, Moscow),
        new(30, "Астраханская область", FederalDistrict.Southern, "Europe/Astrakhan"),
        new(34, "Волгоградская область", FederalDistrict.Southern, "Europe/Volgograd"),
        new(61, "Ростовская область", FederalDistrict.Southern, Moscow),
        new(90, "Запорожская область", FederalDistrict.Southern, Moscow),
        new(91, "Республика Крым", FederalDistrict.Southern, "Europe/Simferopol"),
        new(92, "Севастополь", FederalDistrict.Southern, "Europe/Simferopol"),
        new(93, "Донецкая Народная Республика", FederalDistrict.Southern, Moscow),
        new(94, "Луганская Народная Республика", FederalDistrict.Southern, Moscow),
        new(95, "Херсонская область", FederalDistrict.Southern, Moscow),

        // Северо-Кавказский
        new(5, "Республика Дагестан", FederalDistrict.NorthCaucasian, Moscow),
        new(6, "Республика Ингушетия", FederalDistrict.NorthCaucasian, Moscow),
        new(7, "Кабардино-Балкарская Республика", FederalDistrict.NorthCaucasian, Moscow),
        new(9, "Карачаево-Черкесская Республика", FederalDistrict.NorthCaucasian, Moscow),
        new(15, "Республика Северная Осетия — Алания", FederalDistrict.NorthCaucasian, Moscow),
        new(20, "Чеченская Республика", FederalDistrict.NorthCaucasian, Moscow),
        new(26, "Ставропольский край", FederalDistrict.NorthCaucasian, Moscow),

        // Приволжский
        new(2, "Республика Башкортостан", FederalDistrict.Volga, Yekaterinburg),
        new(12, "Республика Марий Эл", FederalDistrict.Volga, Moscow),
        new(13, "Республика Мордовия", FederalDistrict.Volga, Moscow),
        new(16, "Республика Татарстан", FederalDistrict.Volga, Moscow),
        new(18, "Удмуртская Республика", FederalDistrict.Volga, "Europe/Samara"),
        new(21, "Чувашская Республика", FederalDistrict.Volga, Moscow),
        new(43, "Кировская область", FederalDistrict.Volga, "Europe/Kirov"),
        new(52, "Нижегородская область", FederalDistrict.Volga, Moscow),
        new(56, "Оренбургская область", FederalDistrict.Volga, Yekaterinburg),
        new(58, "Пензенская область", FederalDistrict.Volga, Moscow),
        new(59, "Пермский край", FederalDistrict.Volga, Yekaterinburg),
        new(63, "Самарская область", FederalDistrict.Volga, "Europe/Samara"),
        new(64, "Саратовская область", FederalDistrict.Volga, "Europe/Saratov"),
        new(73, "Ульяновская область", FederalDistrict.Volga, "Europe/Ulyanovsk"),

        // Уральский
        new(45, "Курганская область", FederalDistrict.Ural, Yekaterinburg),
        new(66, "Свердловская область", FederalDistrict.Ural, Yekaterinburg),
        new(72, "Тюменская область", FederalDistrict.Ural, Yekaterinburg),
        new(74, "Челябинская область", FederalDistrict.Ural, Yekaterinburg),
        new(86, "Ханты-Мансийский автономный округ — Югра", FederalDistrict.Ural, Yekaterinburg),
        new(89, "Ямало-Ненецкий автономный округ", FederalDistrict.Ural, Yekaterinburg),

        // Сибирский
        new(4, "Республика Алтай", FederalDistrict.Siberian, "Asia/Barnaul"),
        new(17, "Республика Тыва", FederalDistrict.Siberian, "Asia/Krasnoyarsk"),
        new(19, "Республика Хакасия", FederalDistrict.Siberian, "Asia/Krasnoyarsk"),
        new(22, "Алтайский край", FederalDistrict.Siberian, "Asia/Barnaul"),
        new(24, "Красноярский край", FederalDistrict.Siberian, "Asia/Krasnoyarsk"),
        new(38, "Иркутская область", FederalDistrict.Siberian, "Asia/Irkutsk"),
        new(42, "Кемеровская область — Кузбасс", FederalDistrict.Siberian, "Asia/Novokuznetsk"),
        new(54, "Новосибирская область", FederalDistrict.Siberian, "Asia/Novosibirsk"),
        new(55, "Омская область", FederalDistrict.Siberian, "Asia/Omsk"),
        new(70, "Томская область", FederalDistrict.Siberian, "Asia/Tomsk"),

        // Дальневосточный
        new(3, "Республика Бурятия", FederalDistrict.FarEastern, "Asia/Irkutsk"),
        new(14, "Республика Саха (Якутия)", FederalDistrict.FarEastern, "Asia/Yakutsk"),
        new(25, "Приморский край", FederalDistrict.FarEastern, "Asia/Vladivostok"),
        new(27, "Хабаровский край", FederalDistrict.FarEastern, "Asia/Vladivostok"),
        new(28, "Амурская область", FederalDistrict.FarEastern, "Asia/Yakutsk"),
        new(41, "Камчатский край", FederalDistrict.FarEastern, "Asia/Kamchatka"),
        new(49, "Магаданская область", FederalDistrict.FarEastern, "Asia/Magadan"),
        new(65, "Сахалинская область", FederalDistrict.FarEastern, "Asia/Sakhalin"),
        new(75, "Забайкальский край", FederalDistrict.FarEastern, "Asia/Chita"),
        new(79, "Еврейская автономная область", FederalDistrict.FarEastern, "Asia/Vladivostok"),
        new(87, "Чукотский автономный округ", FederalDistrict.FarEastern, "Asia/Anadyr"),
    ];
}
