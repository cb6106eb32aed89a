using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Domain.B2b;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Domain.Programme;

namespace MissionPortal.Core.Data.Demo;

/// <summary>
/// The B2B meetings of the Kaluga mission's first day: the seed says the day's presentations and meetings aimed at
/// contracts and business ties with the region's entrepreneurs. Six Krasnoyarsk companies (invented for the demo;
/// the seed names none) host, six of the ten Kaluga companies are guests, requests are accepted and scheduled.
/// </summary>
public static partial class DemoData
{
    /// <summary>A Krasnoyarsk host company; the demo account «host@demo.local» acts for it.</summary>
    public const string DemoHostCompanyName = "ООО «Енисейская аптечная сеть» " + ExampleMark;

    private static async Task SeedKalugaB2bAsync(
        PortalDbContext db, Mission mission, IReadOnlyList<KalugaCompany> kalugaCompanies, int krasnoyarskRegionId, CancellationToken ct)
    {
        var hosts = KrasnoyarskHostCompanies(krasnoyarskRegionId);
        db.Organizations.AddRange(hosts.Select(h => h.Company));

        // The second session of the day takes "meetings on requests the participants send after the presentations".
        var item = mission.ProgrammeItems
            .Where(i => i.Kind == ProgrammeItemKind.B2BSession)
            .OrderBy(i => i.Date).ThenBy(i => i.Start)
            .Last(i => i.Date == KalugaFirstDay);
        var session = new B2bSession(item.Id, mission.Id, new SessionSettings(
            item.Start, item.End, MeetingMinutes: 20, PauseMinutes: 5, Tables: 10,
            RequestsOpenUtc: LocalToUtc(new DateTime(2026, 11, 20, 9, 0, 0)),
            RequestsCloseUtc: LocalToUtc(new DateTime(2026, 12, 10, 14, 0, 0)),
            Breaks: [new TimePeriod(At(15, 40), At(15, 50))]));
        db.B2bSessions.Add(session);
        await db.SaveChangesAsync(ct);

        var joined = new DateTime(2026, 11, 21, 3, 0, 0, DateTimeKind.Utc);
        var participations = new Dictionary<string, B2bParticipation>();
        foreach (var host in hosts)
        {
            var p = new B2bParticipation(session.Id, host.Company.Id, B2bSide.Host, joined);
            p.Describe(host.Offers, host.Needs, host.OfferCategories, host.NeedCategories, host.Contact, host.Company.ContactPhone);
            participations[host.Company.Name] = p;
        }

        participations[HostNames.Construction].TakeBreaks([new TimePeriod(At(15, 50), At(16, 35))]);

        string[] guests = [FirstKalugaCompanyName, KalugaNames.Avtoplast, KalugaNames.Priokskiy, KalugaNames.UgraDairy, KalugaNames.Protva, KalugaNames.OkaSvet];
        foreach (var (company, representative) in kalugaCompanies.Where(c => guests.Contains(c.Company.Name)))
        {
            var p = new B2bParticipation(session.Id, company.Id, B2bSide.Guest, joined.AddHours(2));
            var categories = company.Products.Select(x => x.Category).Distinct().ToList();
            p.Describe(
                string.Join("; ", company.Products.Select(x => x.Name)),
                "Дистрибьюторы и оптовые покупатели в Красноярском крае, участие в закупках краевых заказчиков.",
                categories, [], representative.FullName, representative.Phone);
            participations[company.Name] = p;
        }

        db.B2bParticipations.AddRange(participations.Values);
        await db.SaveChangesAsync(ct);

        var sent = new DateTime(2026, 11, 23, 4, 0, 0, DateTimeKind.Utc);
        MeetingRequest Ask(string from, string to, string message, bool accept)
        {
            var request = new MeetingRequest(session.Id, participations[from].Id, participations[to].Id, message, sent);
            sent = sent.AddMinutes(37);
            if (accept)
            {
                request.Accept(sent.AddHours(5));
            }

            db.MeetingRequests.Add(request);
            return request;
        }

        Ask(HostNames.Pharmacy, FirstKalugaCompanyName, "Интересуют инфузионные растворы для аптечной сети и больничных аптек края: цены, логистика до Красноярска.", accept: true);
        Ask(HostNames.MedicalSupply, FirstKalugaCompanyName, "Готовы обсудить поставки растворов в медицинские организации края по 44-ФЗ.", accept: false);
        Ask(HostNames.AutoParts, KalugaNames.Avtoplast, "Ищем поставщика подкрылков и защиты картера для сети магазинов.", accept: true);
        Ask(HostNames.Construction, KalugaNames.Priokskiy, "Газобетон и клей для двух жилых комплексов в Красноярске, поставки с весны.", accept: true);
        Ask(HostNames.Grocery, KalugaNames.UgraDairy, "Рассматриваем калужские сыры для собственной сети магазинов.", accept: true);
        Ask(HostNames.Energy, KalugaNames.OkaSvet, "Модернизация уличного освещения по энергосервисным контрактам в муниципалитетах края.", accept: true);
        Ask(KalugaNames.Protva, HostNames.MedicalSupply, "Предлагаем медицинскую мебель для оснащения больниц края.", accept: true);
        Ask(KalugaNames.OkaSvet, HostNames.Construction, "Промышленные светильники для строящихся объектов.", accept: false);
        await db.SaveChangesAsync(ct);

        await ScheduleDemoSessionAsync(db, session, ct);
    }

    /// <summary>Places the accepted demo requests with the portal's own scheduler, as the agency would with one button.</summary>
    private static async Task ScheduleDemoSessionAsync(PortalDbContext db, B2bSession session, CancellationToken ct)
    {
        var accepted = await db.MeetingRequests
            .Where(r => r.SessionId == session.Id && r.Status == MeetingRequestStatus.Accepted)
            .Select(r => new { r.Id, r.FromId, r.ToId })
            .ToListAsync(ct);
        var participations = await db.B2bParticipations.Where(p => p.SessionId == session.Id).ToListAsync(ct);
        var slots = session.Slots();
        var problem = new SchedulingProblem(
            slots.Count,
            session.Tables,
            [.. accepted.Select(r => new ScheduleRequest(r.Id, r.FromId, r.ToId))],
            participations.ToDictionary(
                p => p.Id,
                p => (IReadOnlySet<int>)slots.Where(s => p.IsAwayDuring(s.Start, s.End)).Select(s => s.Index).ToHashSet()),
            [])
        {
            HomeTables = session.HomeTables(participations),
        };
        foreach (var placed in MeetingScheduler.Schedule(problem).Placed)
        {
            var slot = slots[placed.Slot];
            db.B2bMeetings.Add(new B2bMeeting(session.Id, placed.RequestId, slot.Start, slot.End, placed.Table, pinned: false));
        }

        session.MarkScheduled(new DateTime(2026, 11, 25, 2, 0, 0, DateTimeKind.Utc));
        await db.SaveChangesAsync(ct);
    }

    private static DateTime LocalToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), HostCalendar.Krasnoyarsk);

    /// <summary>Invented Krasnoyarsk companies (seed 000 names none), marked as examples.</summary>
    private static class HostNames
    {
        public const string Pharmacy = DemoHostCompanyName;
        public const string MedicalSupply = "ООО «МедСнаб-Красноярск» " + ExampleMark;
        public const string AutoParts = "ООО «СибАвтоДеталь» " + ExampleMark;
        public const string Construction = "ООО «Строительная компания «Красный Яр» " + ExampleMark;
        public const string Grocery = "ООО «Торговый дом «Абакан» " + ExampleMark;
        public const string Energy = "ООО «Енисейэнергосервис» " + ExampleMark;
    }

    private static class KalugaNames
    {
        public const string Avtoplast = "ООО «Калуга Автопласт» " + ExampleMark;
        public const string Priokskiy = "ООО «Завод строительных материалов «Приокский» " + ExampleMark;
        public const string UgraDairy = "ООО «Молочная долина Угры» " + ExampleMark;
        public const string Protva = "ООО «Мебельная фабрика «Протва» " + ExampleMark;
        public const string OkaSvet = "ООО «Ока-Свет» " + ExampleMark;
    }

    private sealed record HostCompany(
        Organization Company, string Contact, string Offers, string Needs, string[] OfferCategories, string[] NeedCategories);

    private static HostCompany[] KrasnoyarskHostCompanies(int regionId)
    {
        HostCompany Host(string name, string industry, string description, string contact, string email, string phone,
            string offers, string needs, string[] offerCategories, string[] needCategories) =>
            new(new Organization(name, OrganizationKind.Company, regionId)
                    .WithProfile(industry, null, description, "Красноярск")
                    .WithContacts(contact, email, phone),
                contact, offers, needs, offerCategories, needCategories);

        return
        [
            Host(HostNames.Pharmacy, "Фармацевтическая розница и дистрибуция",
                "Аптечная сеть и склад лекарственных средств; снабжает больничные аптеки края.",
                "Гончаренко Ирина Павловна", "i.goncharenko@enisey-apteka.example", "+73912651408",
                "Дистрибуция лекарственных средств по Красноярскому краю, склад с холодовой цепью.",
                "Инфузионные растворы и стерильные лекарственные формы от производителя.",
                ["Дистрибуция лекарственных средств"], ["Инфузионные растворы", "Контрактное производство"]),
            Host(HostNames.MedicalSupply, "Снабжение медицинских организаций",
                "Поставки медицинских изделий, мебели и расходных материалов больницам и поликлиникам края.",
                "Тимофеев Константин Андреевич", "k.timofeev@medsnab24.example", "+73912784215",
                "Поставки медицинским организациям края по 44-ФЗ и 223-ФЗ.",
                "Медицинская мебель, инфузионные растворы, медицинское оборудование.",
                ["Снабжение медицинских организаций"], ["Медицинская мебель", "Инфузионные растворы", "Медицинское оборудование"]),
            Host(HostNames.AutoParts, "Автозапчасти",
                "Сеть магазинов автозапчастей и оптовый склад в Красноярске.",
                "Рябов Денис Сергеевич", "d.ryabov@sibavtodetal.example", "+73912190744",
                "Оптовые закупки и розничная сеть из 14 магазинов.",
                "Подкрылки, защита моторного отсека, детали интерьера, рассчитанные на сибирскую зиму.",
                ["Оптовая торговля автозапчастями"], ["Автокомпоненты"]),
            Host(HostNames.Construction, "Жилищное строительство",
                "Строительство многоквартирных домов в Красноярске.",
                "Кузнецова Елена Викторовна", "e.kuznetsova@krasyar-stroy.example", "+73912867730",
                "Генеральный подряд, строительство жилых комплексов.",
                "Стеновые материалы, сухие смеси, композитная арматура, светильники для мест общего пользования.",
                ["Генеральный подряд"], ["Стеновые материалы", "Сухие строительные смеси", "Композитная арматура", "Светотехника"]),
            Host(HostNames.Grocery, "Продовольственная розница",
                "Сеть продуктовых магазинов в Красноярске и пригородах.",
                "Мельникова Светлана Олеговна", "s.melnikova@td-abakan.example", "+73912553026",
                "Розничная сеть из 28 магазинов, собственный распределительный центр.",
                "Сыры, сливочное масло и другая молочная продукция длительного хранения.",
                ["Продовольственная розница"], ["Молочная продукция"]),
            Host(HostNames.Energy, "Энергосервис",
                "Энергосервисные контракты для муниципалитетов и предприятий края.",
                "Ковалёв Игорь Николаевич", "i.kovalev@eniseyenergoservis.example", "+73912206815",
                "Энергоаудит и модернизация освещения и электроснабжения.",
                "Светодиодные светильники, источники бесперебойного питания, шкафы управления.",
                ["Энергосервис"], ["Светотехника", "Силовая электроника", "Электротехническое оборудование"]),
        ];
    }
}
