using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Domain.Agreements;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.Core.Domain.Results;

namespace MissionPortal.Core.Data.Demo;

/// <summary>
/// The demo world of the portal: the trade-economic mission of Kaluga Oblast (shown as upcoming, approved)
/// and the cultural-business visit of Saint Petersburg (completed), both hosted by Krasnoyarsk Krai.
/// What the two news reports (docs/demo-data.md) say is stated plainly; everything else is filler that says so:
/// invented companies carry «(пример)» in their names, invented people in their positions, invented items and
/// details begin their descriptions with «Пример:». Real people named in the reports get only the roles the reports
/// give them, and no outcome (contacts, decisions, meetings held) is recorded that the reports don't state.
/// </summary>
public static partial class DemoData
{
    public const string KalugaMissionTitle =
        "Торгово-экономическая миссия предпринимателей и инноваторов Калужской области в Красноярский край";

    public const string PetersburgMissionTitle =
        "Культурно-деловой визит делегации Санкт-Петербурга в Красноярский край";

    /// <summary>The word that marks a name, a position or a description as the demo's own, not the sources'.</summary>
    public const string ExampleMark = "(пример)";

    /// <summary>The Kaluga company the demo account «company@demo.local» acts for (invented: the source names none).</summary>
    public const string FirstKalugaCompanyName = "ООО «ОкаФармСинтез» " + ExampleMark;

    public const string PetersburgAgreementTitle =
        "Соглашение между Правительством Санкт-Петербурга и Правительством Красноярского края " +
        "о торгово-экономическом, научно-техническом и культурном сотрудничестве";

    public const string ClusterGroupName = "Участники Кластера";

    private static readonly DateOnly KalugaFirstDay = new(2026, 12, 10);
    private static readonly DateOnly KalugaSecondDay = new(2026, 12, 11);
    private static readonly DateOnly PetersburgFirstDay = new(2026, 11, 17);
    private static readonly DateOnly PetersburgSecondDay = new(2026, 11, 18);

    /// <summary>
    /// Fills an empty database with the demo world; does nothing when any mission exists.
    /// Everything is written in one transaction, run through the context's execution strategy.
    /// </summary>
    public static async Task SeedAsync(PortalDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);

        if (await db.Missions.AnyAsync(ct))
        {
            return;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        var firstAttempt = true;
        await strategy.ExecuteAsync(
            async token =>
            {
                if (!firstAttempt)
                {
                    db.ChangeTracker.Clear();
                }

                firstAttempt = false;
                await SeedInTransactionAsync(db, token);
            },
            ct);
    }

    private static async Task SeedInTransactionAsync(PortalDbContext db, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        if (await db.Missions.AnyAsync(ct))
        {
            return;
        }

        var regions = await EnsureRegionsAsync(db, ct);

        var krasnoyarsk = CreateKrasnoyarskOrganizations(regions.Krasnoyarsk.Id);
        var kaluga = CreateKalugaOrganizations(regions.Kaluga.Id);
        var petersburg = CreatePetersburgOrganizations(regions.Petersburg.Id);
        var venues = CreateVenues(krasnoyarsk);

        db.Organizations.AddRange(krasnoyarsk.All);
        db.Organizations.AddRange(kaluga.All);
        db.Organizations.AddRange(petersburg.All);
        db.Venues.AddRange(venues.All);

        var kalugaMission = BuildKalugaMission(regions, krasnoyarsk, kaluga, venues);
        var (petersburgMission, agreement) = BuildPetersburgMission(regions, krasnoyarsk, petersburg, venues);

        db.Missions.AddRange(kalugaMission, petersburgMission);
        db.Agreements.Add(agreement);

        await db.SaveChangesAsync(ct);
        await SeedKalugaB2bAsync(db, kalugaMission, kaluga.Companies, regions.Krasnoyarsk.Id, ct);

        AddPetersburgResults(db, petersburgMission.Id, petersburg);

        // Both programmes went through the ministry before their missions: the approval record says so,
        // and any change the agency makes now shows as a change since approval.
        AddApproval(db, kalugaMission.Id, new DateTime(2026, 11, 20, 3, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 24, 5, 30, 0, DateTimeKind.Utc));
        AddApproval(db, petersburgMission.Id, new DateTime(2026, 11, 2, 4, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 6, 7, 15, 0, DateTimeKind.Utc));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// After the hospital visits the cluster's people exchanged contacts with the chief physicians and with the regional
    /// ministry of health (seed 003). The report gives no number, so none is entered: the note says what it says.
    /// </summary>
    private static void AddPetersburgResults(PortalDbContext db, int missionId, PetersburgOrganizations petersburg)
    {
        var enteredAt = new DateTime(2026, 11, 19, 4, 0, 0, DateTimeKind.Utc);
        const string enteredBy = "Анна Сергеевна Белова";
        const string contacts =
            "По сообщению источника: произведён обмен контактами с главными врачами медицинских учреждений Красноярска " +
            "и с министерством здравоохранения Красноярского края для дальнейшего сотрудничества. Число контактов в источнике не указано.";

        var cluster = new CompanyResult(missionId, petersburg.MedicalCluster.Id);
        cluster.Record(0, 0, contacts, enteredBy, enteredAt);
        var stroyReanimatsiya = new CompanyResult(missionId, petersburg.StroyReanimatsiya.Id);
        stroyReanimatsiya.Record(0, 0, contacts, enteredBy, enteredAt);
        db.CompanyResults.AddRange(cluster, stroyReanimatsiya);
    }

    /// <summary>A name or position marked as the demo's own.</summary>
    private static string Example(string text) => $"{text} {ExampleMark}";

    /// <summary>
    /// An ИНН that no company can hold: region 40, tax office «00», which is never assigned, a running number and a
    /// valid check digit, so the portal's checks accept it.
    /// </summary>
    private static string ExampleInn(int number) =>
        LegalIdentifiers.CompleteInn(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"4000{number:D5}"));

    /// <summary>An ОГРН no company can hold: registered in «26», region 40, tax office «00», a running number, a valid check digit.</summary>
    private static string ExampleOgrn(int number) =>
        LegalIdentifiers.CompleteOgrn(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"1264000{number:D5}"));

    private static async Task<DemoRegions> EnsureRegionsAsync(PortalDbContext db, CancellationToken ct)
    {
        var existing = await db.Regions
            .Where(r => r.Code == 24 || r.Code == 40 || r.Code == 78)
            .ToListAsync(ct);

        Region FindOrAdd(string name, int code)
        {
            var region = existing.FirstOrDefault(r => r.Code == code);
            if (region is null)
            {
                region = new Region(name, code);
                db.Regions.Add(region);
            }

            return region;
        }

        var regions = new DemoRegions(
            Krasnoyarsk: FindOrAdd("Красноярский край", 24),
            Kaluga: FindOrAdd("Калужская область", 40),
            Petersburg: FindOrAdd("Санкт-Петербург", 78));

        await db.SaveChangesAsync(ct);
        return regions;
    }

    private static TimeOnly At(int hour, int minute = 0) => new(hour, minute);

    private static void AddApproval(PortalDbContext db, int missionId, DateTime submittedUtc, DateTime approvedUtc)
    {
        db.ProgrammeReviews.Add(new ProgrammeReview(missionId, ReviewDecision.Submitted, null, "Анна Сергеевна Белова", submittedUtc));
        db.ProgrammeReviews.Add(new ProgrammeReview(missionId, ReviewDecision.Approved, "Согласовано без замечаний", "Игорь Викторович Лаптев", approvedUtc));
    }

    private static void MoveThrough(Mission mission, params MissionStatus[] statuses)
    {
        foreach (var status in statuses)
        {
            mission.ChangeStatus(status);
        }
    }

    // ---------------------------------------------------------------- organisations

    private static KrasnoyarskOrganizations CreateKrasnoyarskOrganizations(int regionId)
    {
        var government = new Organization("Правительство Красноярского края", OrganizationKind.Authority, regionId)
            .WithProfile("Государственное управление", "https://www.krskstate.ru",
                "Высший исполнительный орган государственной власти Красноярского края.", "Красноярск");

        var investmentMinistry = new Organization("Министерство инвестиций и инноваций Красноярского края", OrganizationKind.Authority, regionId)
            .WithProfile("Инвестиционная и инновационная политика", "https://www.krskstate.ru",
                "Орган исполнительной власти края, отвечающий за инвестиционную, инновационную политику и межрегиональное деловое сотрудничество.",
                "Красноярск");

        var healthMinistry = new Organization("Министерство здравоохранения Красноярского края", OrganizationKind.Authority, regionId)
            .WithProfile("Здравоохранение", "https://www.kraszdrav.ru",
                "Орган исполнительной власти края в сфере охраны здоровья граждан.", "Красноярск");

        var cultureMinistry = new Organization("Министерство культуры Красноярского края", OrganizationKind.Authority, regionId)
            .WithProfile("Культура и туризм", "https://www.krskstate.ru",
                "Орган исполнительной власти края в сфере культуры, искусства и культурного туризма.", "Красноярск");

        var agency = new Organization("ОАО «Красноярское региональное агентство поддержки малого и среднего бизнеса»", OrganizationKind.Agency, regionId)
            .WithProfile("Поддержка малого и среднего предпринимательства", null,
                "Организация инфраструктуры поддержки МСП Красноярского края. Отдел управления проектами организует бизнес-миссии, " +
                "принимает делегации других регионов и готовит визиты красноярских предпринимателей в другие субъекты России.",
                "Красноярск");

        var zheleznogorskAdministration = new Organization("Администрация ЗАТО г. Железногорск", OrganizationKind.Authority, regionId)
            .WithProfile("Местное самоуправление", null,
                "Исполнительно-распорядительный орган закрытого административно-территориального образования Железногорск.",
                "Железногорск");

        var satelliteSystems = new Organization(
                "АО «Информационные спутниковые системы» имени академика М.Ф. Решетнёва", OrganizationKind.HostEnterprise, regionId)
            .WithShortName("АО «ИСС»")
            .WithProfile("Ракетно-космическая промышленность", "https://www.iss-reshetnev.ru",
                "Ведущее российское предприятие по созданию космических аппаратов связи, телевещания, ретрансляции, навигации и геодезии; " +
                "градообразующее предприятие Железногорска.",
                "Железногорск");

        var miningChemicalCombine = new Organization("ФГУП «Горно-химический комбинат»", OrganizationKind.HostEnterprise, regionId)
            .WithShortName("ФГУП «ГХК»")
            .WithProfile("Атомная промышленность", "https://www.sibghk.ru",
                "Предприятие Госкорпорации «Росатом»: хранение и переработка отработавшего ядерного топлива, производство МОКС-топлива; " +
                "градообразующее предприятие Железногорска.",
                "Железногорск");

        var businessIncubator = new Organization(
                "КГАУ «Красноярский региональный инновационно-технологический бизнес-инкубатор»", OrganizationKind.Institution, regionId)
            .WithProfile("Инфраструктура поддержки предпринимательства", null,
                "Краевое автономное учреждение: офисы и лаборатории для резидентов, конференц-зал и переговорные для деловых мероприятий.",
                "Красноярск");

        var oncologyDispensary = new Organization(
                "КГБУЗ «Красноярский краевой клинический онкологический диспансер имени А.И. Крыжановского»", OrganizationKind.Institution, regionId)
            .WithProfile("Здравоохранение", null,
                "Краевое онкологическое учреждение: диагностика, хирургическое, лекарственное и радиотерапевтическое лечение.", "Красноярск");

        var maternityCentre = new Organization(
                "КГБУЗ «Красноярский краевой клинический центр охраны материнства и детства»", OrganizationKind.Institution, regionId)
            .WithProfile("Здравоохранение", null,
                "Краевой перинатальный центр: медицинская помощь беременным, роженицам и новорождённым, детская хирургия и реанимация.",
                "Красноярск");

        return new KrasnoyarskOrganizations(
            government, investmentMinistry, healthMinistry, cultureMinistry, agency, zheleznogorskAdministration,
            satelliteSystems, miningChemicalCombine, businessIncubator, oncologyDispensary, maternityCentre);
    }

    private static KalugaOrganizations CreateKalugaOrganizations(int regionId)
    {
        var government = new Organization("Правительство Калужской области", OrganizationKind.Authority, regionId)
            .WithProfile("Государственное управление", "https://admoblkaluga.ru",
                "Высший исполнительный орган государственной власти Калужской области.", "Калуга");

        KalugaCompany[] companies =
        [
            OkaPharmSynthesis(regionId),
            KalugaAvtoplast(regionId),
            KalugaPowerSystems(regionId),
            InfoTechOka(regionId),
            PriokskyBuildingMaterials(regionId),
            DosimetrySystems(regionId),
            BorovskComposites(regionId),
            UgraDairyValley(regionId),
            ProtvaFurniture(regionId),
            OkaSvet(regionId),
        ];

        return new KalugaOrganizations(government, companies);
    }

    private static KalugaCompany OkaPharmSynthesis(int regionId)
    {
        var company = new Organization(FirstKalugaCompanyName, OrganizationKind.Company, regionId)
            .WithLegalData(ExampleInn(1), ExampleOgrn(1))
            .WithProfile("Фармацевтика", "https://okapharmsintez.example",
                "Производство стерильных инфузионных растворов и инъекционных лекарственных препаратов в Обнинске. " +
                "Площадка соответствует правилам надлежащей производственной практики ЕАЭС; продукция поставляется в медицинские организации 30 регионов.",
                "Обнинск");

        company.AddProduct(
            "Натрия хлорид, раствор для инфузий 0,9 %, флаконы 250 и 500 мл",
            "Инфузионные растворы",
            "Полимерные флаконы с двумя портами, срок годности 3 года, регистрационное удостоверение Минздрава России.",
            "21.20.10",
            "Поставка со склада в Обнинске автотранспортом при +5…+25 °C; минимальная партия — 1 паллета; участие в закупках по 44-ФЗ и 223-ФЗ.");
        company.AddProduct(
            "Декстроза, раствор для инфузий 5 % и 10 %",
            "Инфузионные растворы",
            "Флаконы 250 и 500 мл для стационаров и скорой медицинской помощи.",
            "21.20.10",
            "Отсрочка платежа для аптечных сетей и дистрибьюторов до 60 дней; доставка в Красноярск 7–9 суток.");
        company.AddProduct(
            "Контрактное производство стерильных лекарственных форм",
            "Контрактное производство",
            "Трансфер технологии и выпуск препаратов под брендом заказчика: ампулы 1–10 мл, флаконы до 1000 мл.",
            null,
            "Договор от 1 года; выпуск пилотной серии — через 3 месяца после согласования технического задания.");

        return new KalugaCompany(company, new CompanyRepresentative(
            "Лаврентьева", "Наталья", "Игоревна", "Директор по развитию", "n.lavrentyeva@okapharmsintez.example", "+79105234187"));
    }

    private static KalugaCompany KalugaAvtoplast(int regionId)
    {
        var company = new Organization(Example("ООО «Калуга Автопласт»"), OrganizationKind.Company, regionId)
            .WithLegalData(ExampleInn(2), ExampleOgrn(2))
            .WithProfile("Автомобильные компоненты", "https://kaluga-avtoplast.example",
                "Литьё пластмасс под давлением и сборка деталей интерьера и экстерьера для автосборочных заводов Калужской области " +
                "и рынка запасных частей; 42 термопластавтомата усилием смыкания от 80 до 2300 т.",
                "Калуга");

        company.AddProduct(
            "Детали интерьера из полипропилена: обивки дверей, накладки стоек, консоли",
            "Автокомпоненты",
            "Серийные детали для легковых автомобилей и автобусов; окраска и текстурирование в собственном цехе.",
            "29.32.30",
            "Поставка на конвейер по графику заказчика; для дистрибьюторов — партии от 500 комплектов.");
        company.AddProduct(
            "Подкрылки и защита моторного отсека из морозостойкого полиэтилена",
            "Автокомпоненты",
            "Сохраняют ударную прочность при температуре до −50 °C; ассортимент для 60 моделей автомобилей.",
            "29.32.30",
            "Отгрузка со склада в Калуге; доставка транспортными компаниями, отсрочка платежа до 30 дней.");
        company.AddProduct(
            "Литьё пластмасс под давлением по чертежам заказчика",
            "Контрактное производство",
            "Изготовление пресс-форм, литьё деталей массой от 5 г до 12 кг из ПП, АБС, ПА и ПК.",
            "22.29.29",
            "Изготовление оснастки 8–12 недель; серийные партии от 1 000 шт.");

        return new KalugaCompany(company, new CompanyRepresentative(
            "Фомин", "Алексей", "Викторович", "Коммерческий директор", "a.fomin@kaluga-avtoplast.example", "+79206418352"));
    }

    private static KalugaCompany KalugaPowerSystems(int regionId)
    {
        var company = new Organization(
                Example("АО «Научно-производственное предприятие «Калужские силовые системы»"), OrganizationKind.Company, regionId)
            .WithShortName(Example("АО «НПП «КСС»"))
            .WithLegalData(ExampleInn(3), ExampleOgrn(3))
            .WithProfile("Электротехника и силовая электроника", "https://npp-kss.example",
                "Разработка и производство промышленных источников бесперебойного питания, зарядных устройств и низковольтных комплектных устройств; " +
                "собственное конструкторское бюро и испытательная лаборатория.",
                "Калуга");

        company.AddProduct(
            "Источники бесперебойного питания промышленные 1–20 кВА",
            "Силовая электроника",
            "Двойное преобразование, исполнение для необогреваемых помещений от −40 °C, удалённый мониторинг.",
            "27.11.50",
            "Срок изготовления 4–6 недель; гарантия 3 года; шеф-монтаж силами сервисного партнёра в Красноярске.");
        company.AddProduct(
            "Зарядные устройства для тяговых аккумуляторных батарей",
            "Силовая электроника",
            "Для погрузчиков, электротележек и шахтного транспорта; ток заряда до 400 А.",
            "27.11.50",
            "Поставка со склада типовых исполнений; специальные исполнения — 8 недель.");
        company.AddProduct(
            "Низковольтные комплектные устройства: шкафы управления и распределения",
            "Электротехническое оборудование",
            "Щиты распределительные, шкафы автоматики насосных и вентиляционных систем до 1 кВ.",
            "27.12.31",
            "Изготовление по опросному листу за 3–5 недель; доставка до объекта.");

        return new KalugaCompany(company, new CompanyRepresentative(
            "Герасимов", "Олег", "Николаевич", "Генеральный директор", "gerasimov@npp-kss.example", "+74842563017"));
    }

    private static KalugaCompany InfoTechOka(int regionId)
    {
        var company = new Organization(Example("ООО «ИнфоТех-Ока»"), OrganizationKind.Company, regionId)
            .WithLegalData(ExampleInn(4), ExampleOgrn(4))
            .WithProfile("Информационные технологии", "https://infotech-oka.example",
                "Разработчик программных продуктов для автоматизации малого и среднего бизнеса и органов власти; " +
                "продукты включены в реестр российского программного обеспечения.",
                "Калуга");

        company.AddProduct(
            "Система электронного документооборота «ОкаДок»",
            "Программное обеспечение",
            "Согласование договоров, входящая и исходящая корреспонденция, электронная подпись, интеграция с учётными системами.",
            "58.29.50",
            "Лицензия на пользователя; облачная или локальная установка; внедрение удалённо за 4–6 недель.");
        company.AddProduct(
            "Облачная CRM для малого бизнеса «Ока.Продажи»",
            "Программное обеспечение",
            "Воронка продаж, телефония, рассылки и отчёты для компаний до 100 сотрудников.",
            "58.29.50",
            "Подписка от 1 месяца; пробный период 30 дней.");
        company.AddProduct(
            "Разработка и внедрение отраслевых информационных систем",
            "ИТ-услуги",
            "Проектирование, разработка и сопровождение информационных систем под задачи заказчика.",
            "62.01.11",
            "Поэтапная оплата; сопровождение по соглашению об уровне обслуживания.");

        return new KalugaCompany(company, new CompanyRepresentative(
            "Тарасова", "Екатерина", "Андреевна", "Руководитель отдела продаж", "e.tarasova@infotech-oka.example", "+79533127645"));
    }

    private static KalugaCompany PriokskyBuildingMaterials(int regionId)
    {
        var company = new Organization(Example("ООО «Завод строительных материалов «Приокский»"), OrganizationKind.Company, regionId)
            .WithShortName(Example("ООО «ЗСМ «Приокский»"))
            .WithLegalData(ExampleInn(5), ExampleOgrn(5))
            .WithProfile("Строительные материалы", "https://zsm-priokskiy.example",
                "Производство автоклавного газобетона, сухих строительных смесей и армированных изделий; мощность — 400 тыс. м³ газобетона в год.",
                "Калуга");

        company.AddProduct(
            "Блоки газобетонные автоклавного твердения D400–D600",
            "Стеновые материалы",
            "Класс прочности B2,5–B3,5, морозостойкость F100; точность геометрии под тонкошовную кладку.",
            "23.61.11",
            "Отгрузка железнодорожными вагонами или автотранспортом; поддоны по 1,8 м³; для иногородних покупателей — от 1 вагона.");
        company.AddProduct(
            "Клей для кладки газобетона, зимняя серия",
            "Сухие строительные смеси",
            "Работа при температуре до −15 °C; расход 1,5 кг/м² на 1 мм толщины шва.",
            "23.64.10",
            "Мешки по 25 кг, паллета 1,2 т; поставка вместе с блоками.");
        company.AddProduct(
            "Перемычки армированные газобетонные",
            "Сборные изделия",
            "Несущие перемычки длиной 1,2–3,0 м для оконных и дверных проёмов.",
            "23.61.12",
            "Изготовление под заказ за 2 недели.");

        return new KalugaCompany(company, new CompanyRepresentative(
            "Никитин", "Роман", "Геннадьевич", "Коммерческий директор", "r.nikitin@zsm-priokskiy.example", "+79109870214"));
    }

    private static KalugaCompany DosimetrySystems(int regionId)
    {
        var company = new Organization(Example("ООО «Дозиметрические системы»"), OrganizationKind.Company, regionId)
            .WithLegalData(ExampleInn(6), ExampleOgrn(6))
            .WithProfile("Приборостроение", "https://dozsystems.example",
                "Разработка и серийный выпуск приборов радиационного контроля для предприятий атомной отрасли, медицины и МЧС; " +
                "поверка и сервисное обслуживание дозиметрической аппаратуры.",
                "Обнинск");

        company.AddProduct(
            "Дозиметр-радиометр носимый «Изотоп-М»",
            "Приборы радиационного контроля",
            "Измерение мощности дозы гамма-излучения и плотности потока бета-частиц; внесён в Государственный реестр средств измерений.",
            "26.51.41",
            "Поставка с первичной поверкой; срок поставки 3 недели.");
        company.AddProduct(
            "Автоматизированная система радиационного контроля помещений",
            "Приборы радиационного контроля",
            "Стационарные блоки детектирования, сбор данных на пульт и в систему диспетчеризации предприятия.",
            "26.51.41",
            "Проектирование, поставка, монтаж и пусконаладка «под ключ» за 4–6 месяцев.");
        company.AddProduct(
            "Поверка и ремонт дозиметрической аппаратуры",
            "Метрологические услуги",
            "Поверка, калибровка и ремонт дозиметров и радиометров отечественного и импортного производства.",
            null,
            "Выездная поверка на объекте заказчика при объёме от 50 приборов.");

        return new KalugaCompany(company, new CompanyRepresentative(
            "Воронцов", "Илья", "Сергеевич", "Генеральный директор", "i.vorontsov@dozsystems.example", "+79206735509"));
    }

    private static KalugaCompany BorovskComposites(int regionId)
    {
        var company = new Organization(Example("ООО «Боровский завод композитов»"), OrganizationKind.Company, regionId)
            .WithLegalData(ExampleInn(7), ExampleOgrn(7))
            .WithProfile("Композитные материалы", "https://bzk-borovsk.example",
                "Производство композитной арматуры, кладочных сеток и гибких связей из стекло- и базальтопластика " +
                "для жилищного, дорожного и промышленного строительства.",
                "Боровск");

        company.AddProduct(
            "Арматура стеклокомпозитная диаметром 4–16 мм",
            "Композитная арматура",
            "Не подвержена коррозии, в 4 раза легче стальной равнопрочной арматуры; для фундаментов, дорожных плит и берегоукрепления.",
            null,
            "Бухты до 100 м или прутки по длине заказчика; доставка транспортными компаниями.");
        company.AddProduct(
            "Сетка композитная кладочная",
            "Композитная арматура",
            "Ячейка 50×50 и 100×100 мм; армирование кладки из газобетона и кирпича.",
            null,
            "Рулоны и карты; минимальная партия — 500 м².");
        company.AddProduct(
            "Гибкие связи базальтопластиковые для трёхслойных стен",
            "Строительный крепёж",
            "Связь облицовочного и несущего слоёв без мостиков холода.",
            null,
            "Упаковки по 500 шт.; отгрузка со склада в Боровске.");

        return new KalugaCompany(company, new CompanyRepresentative(
            "Панкратов", "Денис", "Юрьевич", "Директор по развитию", "d.pankratov@bzk-borovsk.example", "+79158264731"));
    }

    private static KalugaCompany UgraDairyValley(int regionId)
    {
        var company = new Organization(Example("ООО «Молочная долина Угры»"), OrganizationKind.Company, regionId)
            .WithLegalData(ExampleInn(8), ExampleOgrn(8))
            .WithProfile("Агропромышленный комплекс", "https://dolina-ugry.example",
                "Молочное животноводство и переработка полного цикла: собственное стадо 2 400 голов, сыродельный цех мощностью 15 т сыра в сутки.",
                "Кондрово");

        company.AddProduct(
            "Сыр полутвёрдый «Угорский» 45 %",
            "Молочная продукция",
            "Из молока собственной фермы, созревание 60 суток.",
            "10.51.40",
            "Головки 5–6 кг в вакуумной упаковке; срок годности 120 суток; рефрижераторная доставка, консолидация на складе в Красноярске от 3 т в месяц.");
        company.AddProduct(
            "Сыр выдержанный «Калужский» 50 %",
            "Молочная продукция",
            "Твёрдый сыр выдержки 6 месяцев для ресторанов и сетевой розницы.",
            "10.51.40",
            "Поставка сетям и HoReCa; отсрочка платежа до 30 дней.");
        company.AddProduct(
            "Масло сливочное 72,5 % и 82,5 %",
            "Молочная продукция",
            "Брикеты 180 г и монолит 20 кг для промышленной переработки.",
            "10.51.30",
            "Монолит — от 1 т; брикеты — от 1 паллеты; температура перевозки от −18 °C.");

        return new KalugaCompany(company, new CompanyRepresentative(
            "Сидорова", "Ирина", "Валентиновна", "Генеральный директор", "sidorova@dolina-ugry.example", "+79105512368"));
    }

    private static KalugaCompany ProtvaFurniture(int regionId)
    {
        var company = new Organization(Example("ООО «Мебельная фабрика «Протва»"), OrganizationKind.Company, regionId)
            .WithShortName(Example("ООО «МФ «Протва»"))
            .WithLegalData(ExampleInn(9), ExampleOgrn(9))
            .WithProfile("Мебельное производство", "https://mf-protva.example",
                "Корпусная мебель для офисов, учебных и медицинских учреждений; собственное конструкторское бюро, оснащение объектов «под ключ».",
                "Малоярославец");

        company.AddProduct(
            "Мебель офисная из ЛДСП: столы, шкафы, тумбы",
            "Офисная мебель",
            "Серии для персонала и руководителей, кромка ПВХ 2 мм, гарантия 5 лет.",
            "31.01.12",
            "Доставка по России в разобранном виде; сборка силами партнёров.");
        company.AddProduct(
            "Мебель медицинская: шкафы, столы процедурные, кушетки",
            "Медицинская мебель",
            "Покрытия, устойчивые к дезинфицирующим средствам; регистрационные удостоверения на медицинские изделия.",
            "32.50.30",
            "Комплексное оснащение медицинских учреждений по спецификации; участие в закупках по 44-ФЗ.");

        return new KalugaCompany(company, new CompanyRepresentative(
            "Кузьмин", "Виталий", "Петрович", "Заместитель генерального директора по продажам", "v.kuzmin@mf-protva.example", "+79208139476"));
    }

    private static KalugaCompany OkaSvet(int regionId)
    {
        var company = new Organization(Example("ООО «Ока-Свет»"), OrganizationKind.Company, regionId)
            .WithLegalData(ExampleInn(10), ExampleOgrn(10))
            .WithProfile("Светотехника", "https://oka-svet.example",
                "Производство светодиодных светильников для наружного, промышленного и офисного освещения; " +
                "продукция включена в реестр промышленной продукции, произведённой в Российской Федерации.",
                "Людиново");

        company.AddProduct(
            "Светильники светодиодные уличные консольные 50–150 Вт",
            "Светотехника",
            "Климатическое исполнение УХЛ1, работа при температуре до −60 °C, защита IP67.",
            "27.40.39",
            "Отгрузка со склада в Людинове; гарантия 5 лет.");
        company.AddProduct(
            "Светильники светодиодные промышленные для высоких пролётов",
            "Светотехника",
            "Для цехов и складов высотой до 20 м; замена ДРЛ и ДНаТ с экономией электроэнергии до 60 %.",
            "27.40.39",
            "Светотехнический расчёт бесплатно; поставка 2–4 недели.");
        company.AddProduct(
            "Энергосервисные контракты на модернизацию освещения",
            "Энергосервис",
            "Замена освещения за счёт средств компании с возвратом из экономии электроэнергии.",
            null,
            "Срок контракта 5–7 лет; для муниципальных и промышленных заказчиков.");

        return new KalugaCompany(company, new CompanyRepresentative(
            "Дьячков", "Артём", "Олегович", "Генеральный директор", "a.dyachkov@oka-svet.example", "+79532046815"));
    }

    private static PetersburgOrganizations CreatePetersburgOrganizations(int regionId)
    {
        var government = new Organization("Правительство Санкт-Петербурга", OrganizationKind.Authority, regionId)
            .WithProfile("Государственное управление", "https://www.gov.spb.ru",
                "Высший исполнительный орган государственной власти Санкт-Петербурга.", "Санкт-Петербург");

        var externalRelationsCommittee = new Organization("Комитет по внешним связям Санкт-Петербурга", OrganizationKind.Authority, regionId)
            .WithProfile("Межрегиональные и международные связи", "https://www.gov.spb.ru",
                "Исполнительный орган государственной власти Санкт-Петербурга в сфере международных и межрегиональных связей.",
                "Санкт-Петербург");

        var industryCommittee = new Organization(
                "Комитет по промышленной политике, инновациям и торговле Санкт-Петербурга", OrganizationKind.Authority, regionId)
            .WithProfile("Промышленная и инновационная политика", "https://www.gov.spb.ru",
                "Исполнительный орган государственной власти Санкт-Петербурга в сфере промышленности, инноваций и торговли.",
                "Санкт-Петербург");

        var entrepreneurshipCommittee = new Organization(
                "Комитет по развитию предпринимательства и потребительского рынка Санкт-Петербурга", OrganizationKind.Authority, regionId)
            .WithProfile("Поддержка предпринимательства", "https://www.gov.spb.ru",
                "Исполнительный орган государственной власти Санкт-Петербурга в сфере поддержки малого и среднего предпринимательства.",
                "Санкт-Петербург");

        var medicalCluster = new Organization(
                "Кластер медицинского, экологического приборостроения и биотехнологий", OrganizationKind.Cluster, regionId)
            .WithProfile("Медицинское и экологическое приборостроение, биотехнологии", null,
                "Кластер Санкт-Петербурга; его участники вошли в делегацию, посетили медицинские учреждения Красноярска и прочитали доклады для главных врачей.",
                "Санкт-Петербург");

        // A real company named in seed 003 only through its two people: no ИНН, no industry and no products are
        // invented for it; a company user adds its own.
        var stroyReanimatsiya = new Organization("ООО «СтройРеанимация»", OrganizationKind.Company, regionId)
            .WithProfile(null, null,
                "Компания Санкт-Петербурга; её директор по развитию и начальник отдела продаж вошли в делегацию как участники " +
                "Кластера медицинского, экологического приборостроения и биотехнологий.",
                "Санкт-Петербург");

        return new PetersburgOrganizations(
            government, externalRelationsCommittee, industryCommittee, entrepreneurshipCommittee, medicalCluster, stroyReanimatsiya);
    }

    private static DemoVenues CreateVenues(KrasnoyarskOrganizations krasnoyarsk) => new(
        Hotel: new Venue("Гостиница «Красноярск»", "Красноярск", "ул. Урицкого, 94", 80),
        Airport: new Venue("Международный аэропорт «Красноярск»", "Красноярск", "Емельяновский район, аэропорт «Красноярск»", 200),
        BusinessIncubator: new Venue("Красноярский региональный инновационно-технологический бизнес-инкубатор", "Красноярск", "ул. Академика Киренского, 2и", 120)
            .OwnedBy(krasnoyarsk.BusinessIncubator),
        SatelliteSystems: new Venue("АО «ИСС», зал приёма делегаций", "Железногорск", "ул. Ленина, 52", 30)
            .OwnedBy(krasnoyarsk.SatelliteSystems),
        MiningChemicalCombine: new Venue("ФГУП «ГХК», административный корпус", "Железногорск", "ул. Ленина, 53", 30)
            .OwnedBy(krasnoyarsk.MiningChemicalCombine),
        ZheleznogorskAdministration: new Venue("Администрация ЗАТО г. Железногорск, зал заседаний", "Железногорск", "ул. 22 Партсъезда, 21", 50)
            .OwnedBy(krasnoyarsk.ZheleznogorskAdministration),
        VictoryMemorial: new Venue("Мемориал Победы", "Красноярск", "ул. Дубровинского, 72", 300),
        GovernorSessionHall: new Venue("Администрация Губернатора Красноярского края, зал заседаний", "Красноярск", "пр. Мира, 110", 60)
            .OwnedBy(krasnoyarsk.Government),
        GovernorConferenceHall: new Venue("Администрация Губернатора Красноярского края, большой конференц-зал", "Красноярск", "пр. Мира, 110", 150)
            .OwnedBy(krasnoyarsk.Government),
        GovernorSmallHall: new Venue("Администрация Губернатора Красноярского края, малый зал", "Красноярск", "пр. Мира, 110", 40)
            .OwnedBy(krasnoyarsk.Government),
        OncologyDispensary: new Venue("Онкологический диспансер им. А.И. Крыжановского, конференц-зал", "Красноярск", "ул. 1-я Смоленская, 16", 40)
            .OwnedBy(krasnoyarsk.OncologyDispensary),
        MaternityCentre: new Venue("Центр охраны материнства и детства, конференц-зал", "Красноярск", "ул. Академика Киренского, 2а", 40)
            .OwnedBy(krasnoyarsk.MaternityCentre));

    // ---------------------------------------------------------------- mission 1: Kaluga

    private static Mission BuildKalugaMission(
        DemoRegions regions, KrasnoyarskOrganizations krasnoyarsk, KalugaOrganizations kaluga, DemoVenues venues)
    {
        var mission = new Mission(
                MissionKind.TradeEconomic, KalugaMissionTitle, regions.Kaluga.Id, regions.Krasnoyarsk.Id, KalugaFirstDay, KalugaSecondDay)
            .Describe(
                "Первая бизнес-миссия, для которой Красноярское региональное агентство поддержки малого и среднего бизнеса выступает принимающей стороной. " +
                "10 декабря — презентации десяти калужских компаний и деловые переговоры с предпринимателями Красноярского края " +
                "на площадке регионального инновационно-технологического бизнес-инкубатора; " +
                "11 декабря — выезд в Железногорск: АО «ИСС», Горно-химический комбинат и встречи в администрации города. " +
                "В демонстрации миссия показана предстоящей, год условный: по сообщению источника она состоялась, в ней участвовали " +
                "10 калужских компаний, каждая получила полезные контакты и представила свою продукцию широкой аудитории предпринимателей " +
                "Красноярского края. Источник не называет ни компаний, ни их представителей: все десять компаний — примеры.");

        mission.AddOrganizer(krasnoyarsk.InvestmentMinistry, OrganizerRole.Organizer);
        mission.AddOrganizer(kaluga.Government, OrganizerRole.Organizer);
        mission.AddOrganizer(krasnoyarsk.Agency, OrganizerRole.Supporter);

        var visiting = AddKalugaDelegation(mission, kaluga);
        var host = AddKalugaHostSide(mission, krasnoyarsk);

        ScheduleKalugaFirstDay(mission, visiting, host, kaluga.Companies, venues);
        ScheduleKalugaSecondDay(mission, visiting, host, krasnoyarsk, venues);

        MoveThrough(mission, MissionStatus.Submitted, MissionStatus.Approved);
        return mission;
    }

    private static Delegation AddKalugaDelegation(Mission mission, KalugaOrganizations kaluga)
    {
        var delegation = mission.AddDelegation("Делегация Калужской области", DelegationSide.Visiting);

        // The source names no head of the delegation and none of its people: only the ten companies' (invented) representatives.
        foreach (var (company, representative) in kaluga.Companies)
        {
            delegation
                .AddParticipant(representative.Surname, representative.GivenName, representative.Patronymic,
                    $"{representative.JobTitle} {company.DisplayName}", company)
                .WithContacts(representative.Email, representative.Phone);
        }

        return delegation;
    }

    private static KalugaHostSide AddKalugaHostSide(Mission mission, KrasnoyarskOrganizations krasnoyarsk)
    {
        var delegation = mission.AddDelegation("Принимающая сторона", DelegationSide.Host);

        var deputyMinister = delegation
            .AddParticipant("Зуев", "Михаил", "Андреевич",
                Example("Заместитель министра инвестиций и инноваций Красноярского края"), krasnoyarsk.InvestmentMinistry, DelegationRole.Head)
            .WithContacts("m.zuev@krskstate.example", "+73912493611");

        // Named in seed 000 (no patronymic given): he thanked the guests at the city administration.
        delegation.AddParticipant("Проскурнин", "Сергей", null,
            "И.о. главы администрации Железногорска", krasnoyarsk.ZheleznogorskAdministration, DelegationRole.Official);

        // Named in seed 000 as head of the agency's project office (no patronymic given); no other role is given him.
        delegation.AddParticipant("Кириллов", "Павел", null,
            "Руководитель отдела управления проектами ОАО «Красноярское региональное агентство поддержки малого и среднего бизнеса»",
            krasnoyarsk.Agency, DelegationRole.Staff);

        var projectSpecialist = AddProjectSpecialist(delegation, krasnoyarsk.Agency);

        return new KalugaHostSide(delegation, deputyMinister, projectSpecialist);
    }

    /// <summary>An invented member of the agency's staff, responsible for the items of both programmes.</summary>
    private static Participant AddProjectSpecialist(Delegation delegation, Organization agency) =>
        delegation
            .AddParticipant("Ершова", "Марина", "Игоревна",
                Example("Главный специалист отдела управления проектами ОАО «Красноярское региональное агентство поддержки малого и среднего бизнеса»"),
                agency, DelegationRole.Staff)
            .WithContacts("m.ershova@krasagency.example", "+79029187354");

    private static void ScheduleKalugaFirstDay(
        Mission mission, Delegation visiting, KalugaHostSide host, IReadOnlyList<KalugaCompany> companies, DemoVenues venues)
    {
        var day = KalugaFirstDay;
        var incubator = venues.BusinessIncubator;

        mission.AddItem(day, At(9), At(9, 30), ProgrammeItemKind.Break, "Регистрация участников, приветственный кофе", incubator)
            .Describe("Пример: пункта нет в источнике. Фойе конференц-зала бизнес-инкубатора.")
            .AttendedBy(visiting)
            .ResponsibleIs(host.ProjectSpecialist);

        mission.AddItem(day, At(9, 30), At(10), ProgrammeItemKind.Ceremony, "Открытие торгово-экономической миссии", incubator)
            .Describe(
                "Пример: пункта нет в источнике. Организаторы миссии по источнику — министерство инвестиций и инноваций Красноярского края " +
                "и правительство Калужской области при поддержке Красноярского регионального агентства поддержки малого и среднего бизнеса.")
            .AttendedBy(visiting)
            .ResponsibleIs(host.DeputyMinister);

        var slotStart = At(10);
        foreach (var (company, representative) in companies)
        {
            var slotEnd = slotStart.AddMinutes(15);
            var productNames = string.Join("; ", company.Products.Select(p => p.Name));

            mission.AddItem(day, slotStart, slotEnd, ProgrammeItemKind.Presentation, $"Презентация компании {company.DisplayName}", incubator)
                .Describe($"Компания представляет свою продукцию предпринимателям Красноярского края. Пример: докладчик {representative.FullName}; продукция: {productNames}.")
                .AttendedBy(visiting)
                .ResponsibleIs(host.ProjectSpecialist);

            slotStart = slotEnd;
        }

        mission.AddItem(day, slotStart, At(13, 30), ProgrammeItemKind.B2BSession,
                "Деловые переговоры B2B с предпринимателями Красноярского края, первая сессия", incubator)
            .Describe(
                "Встречи с региональными предпринимателями с целью заключения контрактов и налаживания деловых связей. " +
                "Пример: переговоры по предварительно согласованному графику, 10 переговорных столов.")
            .AttendedBy(visiting)
            .ResponsibleIs(host.ProjectSpecialist);

        mission.AddItem(day, At(13, 30), At(14, 30), ProgrammeItemKind.Break, "Обед", incubator)
            .Describe("Пример: пункта нет в источнике. Кафе бизнес-инкубатора.")
            .AttendedBy(visiting)
            .ResponsibleIs(host.ProjectSpecialist);

        mission.AddItem(day, At(14, 30), At(17), ProgrammeItemKind.B2BSession,
                "Деловые переговоры B2B с предпринимателями Красноярского края, вторая сессия", incubator)
            .Describe(
                "Встречи с региональными предпринимателями с целью заключения контрактов и налаживания деловых связей. " +
                "Пример: встречи по заявкам, поданным участниками после презентаций; компании принимающей стороны вымышлены.")
            .AttendedBy(visiting)
            .ResponsibleIs(host.ProjectSpecialist);

        mission.AddItem(day, At(17), At(17, 30), ProgrammeItemKind.Meeting, "Подведение итогов первого дня миссии", incubator)
            .Describe("Пример: пункта нет в источнике. Итоги переговоров, инструктаж по выезду в Железногорск.")
            .AttendedBy(visiting)
            .ResponsibleIs(host.ProjectSpecialist);
    }

    private static void ScheduleKalugaSecondDay(
        Mission mission, Delegation visiting, KalugaHostSide host, KrasnoyarskOrganizations krasnoyarsk, DemoVenues venues)
    {
        var day = KalugaSecondDay;

        mission.AddItem(day, At(8, 30), At(9, 30), ProgrammeItemKind.Transfer, "Трансфер Красноярск — Железногорск", venues.Hotel)
            .Describe("Выезд на крупные предприятия Железногорска. Пример: сбор у гостиницы в 08:15, въезд в ЗАТО по согласованным спискам.")
            .AttendedBy(visiting)
            .ResponsibleIs(host.ProjectSpecialist);

        var satelliteVisit = mission.AddItem(day, At(10), At(11, 45), ProgrammeItemKind.SiteVisit,
                "Посещение АО «Информационные спутниковые системы» имени академика М.Ф. Решетнёва", venues.SatelliteSystems)
            .Describe("Встреча с руководством градообразующего предприятия. Пример: знакомство с производством, вопросы кооперации и поставок.")
            .AttendedBy(visiting)
            .ResponsibleIs(host.ProjectSpecialist);
        satelliteVisit.VisitTo(krasnoyarsk.SatelliteSystems, host.ProjectSpecialist);

        var combineVisit = mission.AddItem(day, At(12), At(13, 30), ProgrammeItemKind.SiteVisit,
                "Посещение ФГУП «Горно-химический комбинат»", venues.MiningChemicalCombine)
            .Describe("Встреча с руководством градообразующего предприятия. Пример: встреча со службой закупок по потребностям комбината.")
            .AttendedBy(visiting)
            .ResponsibleIs(host.ProjectSpecialist);
        combineVisit.VisitTo(krasnoyarsk.MiningChemicalCombine, host.ProjectSpecialist);

        mission.AddItem(day, At(13, 30), At(14, 15), ProgrammeItemKind.Break, "Обед", venues.MiningChemicalCombine)
            .Describe("Пример: пункта нет в источнике.")
            .AttendedBy(visiting)
            .ResponsibleIs(host.ProjectSpecialist);

        mission.AddItem(day, At(14, 30), At(16), ProgrammeItemKind.Meeting,
                "Встреча с руководством администрации ЗАТО г. Железногорск", venues.ZheleznogorskAdministration)
            .Describe(
                "По сообщению источника: и.о. главы администрации Железногорска Сергей Проскурнин поблагодарил калужцев за визит и отметил, " +
                "что у Железногорска с Калужской областью много общего: Калуга также является одним из инновационных центров, " +
                "оба стали участниками программы по кластерным инициативам; такой обмен деловыми визитами будет продолжен.")
            .AttendedBy(visiting)
            .ResponsibleIs(host.ProjectSpecialist);

        mission.AddItem(day, At(16, 15), At(17, 15), ProgrammeItemKind.Transfer, "Трансфер Железногорск — Красноярск", null)
            .Describe("Пример: пункта нет в источнике. Отправление от здания администрации, прибытие к гостинице «Красноярск».")
            .AttendedBy(visiting)
            .ResponsibleIs(host.ProjectSpecialist);
    }

    // ---------------------------------------------------------------- mission 2: Saint Petersburg

    private static (Mission Mission, Agreement Agreement) BuildPetersburgMission(
        DemoRegions regions, KrasnoyarskOrganizations krasnoyarsk, PetersburgOrganizations petersburg, DemoVenues venues)
    {
        var mission = new Mission(
                MissionKind.CulturalBusiness, PetersburgMissionTitle, regions.Petersburg.Id, regions.Krasnoyarsk.Id,
                PetersburgFirstDay, PetersburgSecondDay)
            .Describe(
                "Двухдневный визит делегации Санкт-Петербурга во главе с вице-губернатором Санкт-Петербурга — руководителем " +
                "Администрации Губернатора Санкт-Петербурга А.Н. Говоруновым. В состав делегации вошли представители исполнительных органов " +
                "государственной власти и члены бизнес-сообщества города. Встреча с Губернатором Красноярского края В.А. Толоконским, " +
                "подписание соглашения о сотрудничестве, конференция и три тематических круглых стола; " +
                "участники Кластера посетили медицинские учреждения Красноярска. " +
                "Источник не называет ни часов, ни площадок, ни представителей органов власти: они в демонстрации — примеры.");

        mission.AddOrganizer(petersburg.Government, OrganizerRole.Organizer);
        mission.AddOrganizer(krasnoyarsk.Government, OrganizerRole.Organizer);

        var visiting = AddPetersburgDelegation(mission, petersburg);
        var host = AddPetersburgHostSide(mission, krasnoyarsk);

        var signing = SchedulePetersburgFirstDay(mission, visiting, host, venues);
        SchedulePetersburgSecondDay(mission, visiting, host, krasnoyarsk, venues);

        // An agreement between two regions' governments, its parties in the order of its title. The source does not
        // say who signed it, so no signatory is recorded.
        var agreement = new Agreement(
                PetersburgAgreementTitle,
                AgreementKind.Interregional,
                CooperationAreas.TradeEconomic | CooperationAreas.ScientificTechnical | CooperationAreas.Cultural)
            .Between(petersburg.Government, krasnoyarsk.Government);
        agreement.Sign(PetersburgFirstDay, mission, signing);

        MoveThrough(mission, MissionStatus.Submitted, MissionStatus.Approved, MissionStatus.Running, MissionStatus.Completed);
        return (mission, agreement);
    }

    private static PetersburgDelegation AddPetersburgDelegation(Mission mission, PetersburgOrganizations petersburg)
    {
        var delegation = mission.AddDelegation("Делегация Санкт-Петербурга", DelegationSide.Visiting);

        var head = delegation.AddParticipant("Говорунов", "Александр", "Николаевич",
            "Вице-губернатор Санкт-Петербурга — руководитель Администрации Губернатора Санкт-Петербурга",
            petersburg.Government, DelegationRole.Head);

        // «Представители исполнительных органов государственной власти» of the source, unnamed there: invented, and say so.
        delegation
            .AddParticipant("Орлов", "Дмитрий", "Сергеевич",
                Example("Заместитель председателя Комитета по внешним связям Санкт-Петербурга"),
                petersburg.ExternalRelationsCommittee, DelegationRole.Official)
            .WithContacts("d.orlov@kvs-gov-spb.example", "+78125767312");

        delegation
            .AddParticipant("Мельникова", "Татьяна", "Юрьевна",
                Example("Начальник отдела развития промышленных кластеров Комитета по промышленной политике, инновациям и торговле Санкт-Петербурга"),
                petersburg.IndustryCommittee, DelegationRole.Official)
            .WithContacts("t.melnikova@cpit-gov-spb.example", "+78125764518");

        delegation
            .AddParticipant("Богданов", "Игорь", "Павлович",
                Example("Заместитель председателя Комитета по развитию предпринимательства и потребительского рынка Санкт-Петербурга"),
                petersburg.EntrepreneurshipCommittee, DelegationRole.Official)
            .WithContacts("i.bogdanov@crppr-gov-spb.example", "+78125767941");

        // The cluster's roster as printed in the source, without contacts: the source gives none.
        var clusterPublicRelations = delegation.AddParticipant("Гаврилова", "Анастасия", "Вячеславовна",
            "Референт по связям с общественностью Кластера медицинского, экологического приборостроения и биотехнологий",
            petersburg.MedicalCluster);

        var stroyReanimatsiyaDevelopment = delegation.AddParticipant("Чихман", "Николай", "Валерьевич",
            "Директор по развитию ООО \"СтройРеанимация\"", petersburg.StroyReanimatsiya);

        var stroyReanimatsiyaSales = delegation.AddParticipant("Козлов", "Дмитрий", "Алексеевич",
            "Начальник отдела продаж ООО \"СтройРеанимация\"", petersburg.StroyReanimatsiya);

        var cluster = delegation.AddGroup(
            ClusterGroupName, clusterPublicRelations, stroyReanimatsiyaDevelopment, stroyReanimatsiyaSales);

        return new PetersburgDelegation(delegation, head, cluster);
    }

    private static PetersburgHostSide AddPetersburgHostSide(Mission mission, KrasnoyarskOrganizations krasnoyarsk)
    {
        var delegation = mission.AddDelegation("Принимающая сторона", DelegationSide.Host);

        delegation.AddParticipant("Толоконский", "Виктор", "Александрович",
            "Губернатор Красноярского края", krasnoyarsk.Government, DelegationRole.Head);

        // The source's «представитель Министерства здравоохранения Красноярского края», unnamed there.
        var healthOfficial = delegation
            .AddParticipant("Белова", "Ольга", "Николаевна",
                Example("Представитель министерства здравоохранения Красноярского края"),
                krasnoyarsk.HealthMinistry, DelegationRole.Official)
            .WithContacts("o.belova@kraszdrav.example", "+73912226195");

        var projectSpecialist = AddProjectSpecialist(delegation, krasnoyarsk.Agency);

        return new PetersburgHostSide(delegation, healthOfficial, projectSpecialist);
    }

    private static ProgrammeItem SchedulePetersburgFirstDay(
        Mission mission, PetersburgDelegation visiting, PetersburgHostSide host, DemoVenues venues)
    {
        var day = PetersburgFirstDay;
        var delegation = visiting.Delegation;

        mission.AddItem(day, At(7, 40), At(8, 40), ProgrammeItemKind.Transfer,
                "Встреча делегации в аэропорту «Красноярск», трансфер в гостиницу", venues.Airport)
            .Describe("Пример: пункта нет в источнике.")
            .AttendedBy(delegation)
            .ResponsibleIs(host.ProjectSpecialist);

        mission.AddItem(day, At(8, 45), At(9, 40), ProgrammeItemKind.Break, "Размещение в гостинице, завтрак", venues.Hotel)
            .Describe("Пример: пункта нет в источнике.")
            .AttendedBy(delegation)
            .ResponsibleIs(host.ProjectSpecialist);

        mission.AddItem(day, At(10), At(10, 30), ProgrammeItemKind.Ceremony,
                "Церемония возложения цветов к Мемориалу Победы", venues.VictoryMemorial)
            .AttendedBy(delegation)
            .ResponsibleIs(host.ProjectSpecialist);

        mission.AddItem(day, At(11), At(12), ProgrammeItemKind.Meeting,
                "Встреча Губернатора Красноярского края В.А. Толоконского с делегацией Санкт-Петербурга", venues.GovernorSessionHall)
            .Describe(
                "В здании Администрации Губернатора Красноярского края. Встреча вице-губернатора Санкт-Петербурга — руководителя " +
                "Администрации Губернатора Санкт-Петербурга А.Н. Говорунова с Губернатором Красноярского края В.А. Толоконским: " +
                "стороны обсудили перспективы двустороннего сотрудничества.")
            .AttendedBy(delegation)
            .ResponsibleIs(host.ProjectSpecialist);

        var signing = mission.AddItem(day, At(12), At(12, 20), ProgrammeItemKind.Signing,
                "Подписание Соглашения между Правительством Санкт-Петербурга и Правительством Красноярского края " +
                "о торгово-экономическом, научно-техническом и культурном сотрудничестве",
                venues.GovernorSessionHall)
            .Describe("Соглашение подписано по завершении встречи; кто его подписал, источник не сообщает.")
            .AttendedBy(delegation)
            .ResponsibleIs(host.ProjectSpecialist);

        mission.AddItem(day, At(12, 30), At(13, 30), ProgrammeItemKind.Break, "Обед", venues.Hotel)
            .Describe("Пример: пункта нет в источнике.")
            .AttendedBy(delegation)
            .ResponsibleIs(host.ProjectSpecialist);

        mission.AddItem(day, At(14), At(15, 30), ProgrammeItemKind.Conference,
                "Конференция по вопросам развития двустороннего сотрудничества Санкт-Петербурга и Красноярского края",
                venues.GovernorConferenceHall)
            .AttendedBy(delegation)
            .ResponsibleIs(host.ProjectSpecialist);

        mission.AddItem(day, At(15, 30), At(16), ProgrammeItemKind.Break, "Кофе-брейк", venues.GovernorConferenceHall)
            .Describe("Пример: пункта нет в источнике.")
            .AttendedBy(delegation)
            .ResponsibleIs(host.ProjectSpecialist);

        ScheduleRoundTables(mission, visiting, host, venues);
        return signing;
    }

    /// <summary>
    /// The three themed round tables of the source: topics only. The source names no moderator, speaker or decision,
    /// nor their hours; one after another here, so the whole delegation can be at each.
    /// </summary>
    private static void ScheduleRoundTables(Mission mission, PetersburgDelegation visiting, PetersburgHostSide host, DemoVenues venues)
    {
        string[] topics =
        [
            "Инновационное развитие промышленных предприятий – драйвер экономического роста региона",
            "Многообразие культурной повестки региона как фактор развития туристической отрасли",
            "Малое и среднее предпринимательство. Проблемы и точки роста в современных условиях",
        ];

        var start = At(16);
        foreach (var topic in topics)
        {
            var end = start.AddHours(1);
            mission.AddItem(PetersburgFirstDay, start, end, ProgrammeItemKind.RoundTable, $"Круглый стол «{topic}»", venues.GovernorConferenceHall)
                .Describe("Тематический круглый стол. Пример: время и зал; ведущие, выступающие и решения в источнике не названы.")
                .AttendedBy(visiting.Delegation)
                .ResponsibleIs(host.ProjectSpecialist)
                .HoldRoundTable(topic, null);
            start = end;
        }
    }

    private static void SchedulePetersburgSecondDay(
        Mission mission, PetersburgDelegation visiting, PetersburgHostSide host, KrasnoyarskOrganizations krasnoyarsk, DemoVenues venues)
    {
        var day = PetersburgSecondDay;
        var delegation = visiting.Delegation;
        const string talks =
            "Участники Кластера совместно с представителем министерства здравоохранения Красноярского края посетили учреждение. " +
            "Прочитаны доклады для главных врачей медицинских учреждений Красноярска, произведён обмен контактами с главными врачами " +
            "медицинских учреждений и с министерством здравоохранения для дальнейшего сотрудничества.";

        var oncologyVisit = mission.AddItem(day, At(9, 30), At(11, 30), ProgrammeItemKind.SiteVisit,
                "Посещение КГБУЗ «Красноярский краевой клинический онкологический диспансер имени А.И. Крыжановского»",
                venues.OncologyDispensary)
            .Describe(talks)
            .AttendedBy(delegation, visiting.Cluster)
            .ResponsibleIs(host.ProjectSpecialist);
        oncologyVisit.VisitTo(krasnoyarsk.OncologyDispensary, host.HealthOfficial);

        var maternityVisit = mission.AddItem(day, At(12), At(14), ProgrammeItemKind.SiteVisit,
                "Посещение КГБУЗ «Красноярский краевой клинический центр охраны материнства и детства»",
                venues.MaternityCentre)
            .Describe(talks)
            .AttendedBy(delegation, visiting.Cluster)
            .ResponsibleIs(host.ProjectSpecialist);
        maternityVisit.VisitTo(krasnoyarsk.MaternityCentre, host.HealthOfficial);

        mission.AddItem(day, At(14, 15), At(15, 15), ProgrammeItemKind.Break, "Обед", venues.Hotel)
            .Describe("Пример: пункта нет в источнике.")
            .AttendedBy(delegation)
            .ResponsibleIs(host.ProjectSpecialist);

        mission.AddItem(day, At(16), At(17), ProgrammeItemKind.Transfer,
                "Трансфер в аэропорт «Красноярск», вылет делегации в Санкт-Петербург", venues.Hotel)
            .Describe("Пример: пункта нет в источнике.")
            .AttendedBy(delegation)
            .ResponsibleIs(host.ProjectSpecialist);
    }

    // ---------------------------------------------------------------- building blocks

    private sealed record DemoRegions(Region Krasnoyarsk, Region Kaluga, Region Petersburg);

    private sealed record KrasnoyarskOrganizations(
        Organization Government,
        Organization InvestmentMinistry,
        Organization HealthMinistry,
        Organization CultureMinistry,
        Organization Agency,
        Organization ZheleznogorskAdministration,
        Organization SatelliteSystems,
        Organization MiningChemicalCombine,
        Organization BusinessIncubator,
        Organization OncologyDispensary,
        Organization MaternityCentre)
    {
        public IEnumerable<Organization> All =>
        [
            Government, InvestmentMinistry, HealthMinistry, CultureMinistry, Agency, ZheleznogorskAdministration,
            SatelliteSystems, MiningChemicalCombine, BusinessIncubator, OncologyDispensary, MaternityCentre,
        ];
    }

    private sealed record KalugaOrganizations(Organization Government, IReadOnlyList<KalugaCompany> Companies)
    {
        public IEnumerable<Organization> All => new[] { Government }.Concat(Companies.Select(c => c.Company));
    }

    private sealed record KalugaCompany(Organization Company, CompanyRepresentative Representative);

    private sealed record CompanyRepresentative(
        string Surname, string GivenName, string Patronymic, string JobTitle, string Email, string Phone)
    {
        public string FullName => PersonName.Full(Surname, GivenName, Patronymic);
    }

    private sealed record PetersburgOrganizations(
        Organization Government,
        Organization ExternalRelationsCommittee,
        Organization IndustryCommittee,
        Organization EntrepreneurshipCommittee,
        Organization MedicalCluster,
        Organization StroyReanimatsiya)
    {
        public IEnumerable<Organization> All =>
        [
            Government, ExternalRelationsCommittee, IndustryCommittee, EntrepreneurshipCommittee, MedicalCluster, StroyReanimatsiya,
        ];
    }

    private sealed record DemoVenues(
        Venue Hotel,
        Venue Airport,
        Venue BusinessIncubator,
        Venue SatelliteSystems,
        Venue MiningChemicalCombine,
        Venue ZheleznogorskAdministration,
        Venue VictoryMemorial,
        Venue GovernorSessionHall,
        Venue GovernorConferenceHall,
        Venue GovernorSmallHall,
        Venue OncologyDispensary,
        Venue MaternityCentre)
    {
        public IEnumerable<Venue> All =>
        [
            Hotel, Airport, BusinessIncubator, SatelliteSystems, MiningChemicalCombine, ZheleznogorskAdministration,
            VictoryMemorial, GovernorSessionHall, GovernorConferenceHall, GovernorSmallHall, OncologyDispensary, MaternityCentre,
        ];
    }

    private sealed record KalugaHostSide(Delegation Delegation, Participant DeputyMinister, Participant ProjectSpecialist);

    private sealed record PetersburgDelegation(Delegation Delegation, Participant Head, DelegationGroup Cluster);

    private sealed record PetersburgHostSide(Delegation Delegation, Participant HealthOfficial, Participant ProjectSpecialist);
}
