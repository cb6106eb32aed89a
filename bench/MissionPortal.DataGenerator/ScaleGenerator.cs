using System.Diagnostics;
using System.Globalization;
using Bogus;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Domain.Programme;

namespace MissionPortal.DataGenerator;

public sealed record GenerationReport(int Scale, int Missions, int Companies, int Participants, int ProgrammeItems, int Products, TimeSpan Elapsed);

/// <summary>
/// Fills a database to a multiple of the seed with plausible Russian data (Bogus, locale "ru"):
/// per unit of scale 10 missions of two days with 100 people and 50 items each, 200 companies
/// with 3 products each — so 100× is about 1,000 missions, 20,000 companies, 100,000 participants,
/// 50,000 programme items and 60,000 products. The same seed gives the same data.
/// </summary>
public static class ScaleGenerator
{
    public const int MissionsPerUnit = 10;
    public const int CompaniesPerUnit = 200;
    public const int PeoplePerMission = 100;
    public const int ItemsPerMission = 50;
    public const int ProductsPerCompany = 3;

    private static readonly (string Name, int Code)[] Regions =
    [
        ("Красноярский край", 24), ("Калужская область", 40), ("Санкт-Петербург", 78), ("Новосибирская область", 54), ("Свердловская область", 66),
        ("Республика Татарстан", 16), ("Томская область", 70), ("Иркутская область", 38), ("Омская область", 55), ("Кемеровская область", 42),
        ("Алтайский край", 22), ("Тюменская область", 72), ("Пермский край", 59), ("Нижегородская область", 52), ("Самарская область", 63),
    ];

    private static readonly string[] Cities = ["Красноярск", "Железногорск", "Дивногорск", "Сосновоборск", "Ачинск"];

    private static readonly string[] Categories =
    [
        "Приборы учёта", "Медицинская техника", "Строительные материалы", "Пищевая продукция", "Программное обеспечение",
        "Электротехника", "Композитные материалы", "Мебель", "Автокомпоненты", "Фармацевтика", "Сельхозтехника", "Упаковка",
    ];

    public static async Task<GenerationReport> GenerateAsync(PortalDbContext db, int scale, int seed = 2026, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        var clock = Stopwatch.StartNew();
        Randomizer.Seed = new Random(seed);
        var faker = new Faker("ru");
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var regions = await RegionsAsync(db, ct);
        var venues = Enumerable.Range(0, 20 * scale)
            .Select(i => new Venue($"Зал «{faker.Address.StreetName()}» №{i + 1}", faker.PickRandom(Cities), faker.Address.StreetAddress(), faker.Random.Int(40, 400)))
            .ToList();
        db.Venues.AddRange(venues);
        await SaveAsync(db, ct);

        var companies = new List<Organization>(CompaniesPerUnit * scale);
        for (var i = 0; i < CompaniesPerUnit * scale; i++)
        {
            var region = faker.PickRandom(regions);
            var company = new Organization($"ООО «{faker.Company.CompanyName()} {i + 1}»", OrganizationKind.Company, region)
                .WithLegalData(
                    LegalIdentifiers.CompleteInn("9" + (10_000_000 + i).ToString(CultureInfo.InvariantCulture)),
                    LegalIdentifiers.CompleteOgrn("1" + (90_000_000_000L + i).ToString(CultureInfo.InvariantCulture)))
                .WithProfile(faker.PickRandom(Categories), null, faker.Lorem.Sentence(12), faker.Address.City());
            for (var p = 0; p < ProductsPerCompany; p++)
            {
                company.AddProduct($"{faker.Commerce.ProductName()} {faker.Random.AlphaNumeric(4).ToUpperInvariant()}", faker.PickRandom(Categories), faker.Lorem.Sentences(2), null, "Поставка по договору, " + faker.Random.Int(5, 30) + " рабочих дней");
            }

            companies.Add(company);
            db.Organizations.Add(company);
            if (companies.Count % 2000 == 0)
            {
                await SaveAsync(db, ct);
            }
        }

        await SaveAsync(db, ct);
        var companyIds = companies.Select(c => c.Id).ToArray();

        var start = new DateOnly(2027, 1, 12);
        var missions = 0;
        db.Venues.AttachRange(venues);
        for (var m = 0; m < MissionsPerUnit * scale; m++)
        {
            var origin = faker.PickRandom(regions);
            var host = regions[0] == origin ? regions[1] : regions[0];
            var day = start.AddDays((m * 3) % 700);
            var mission = new Mission(MissionKind.TradeEconomic, $"Бизнес-миссия №{m + 1}: {faker.Company.CatchPhrase()}", origin, host, day, day.AddDays(1));
            var delegation = mission.AddDelegation($"Делегация миссии №{m + 1}", DelegationSide.Visiting);
            for (var p = 0; p < PeoplePerMission; p++)
            {
                var female = faker.Random.Bool();
                var gender = female ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male;
                var person = delegation.AddParticipant(
                    faker.Name.LastName(gender), faker.Name.FirstName(gender), Patronymic(faker, female), faker.Name.JobTitle(),
                    faker.PickRandom(companyIds), p == 0 ? DelegationRole.Head : DelegationRole.Member, approved: true);
                person.WithContacts(faker.Internet.Email(), "+79" + faker.Random.ReplaceNumbers("#########"));
            }

            for (var i = 0; i < ItemsPerMission; i++)
            {
                var itemDay = i < ItemsPerMission / 2 ? day : day.AddDays(1);
                var startMinute = 8 * 60 + (i % (ItemsPerMission / 2)) * 25;
                mission.AddItem(itemDay, new TimeOnly(startMinute / 60, startMinute % 60), new TimeOnly((startMinute + 20) / 60, (startMinute + 20) % 60),
                        faker.PickRandom<ProgrammeItemKind>(), faker.Company.CatchPhrase(), faker.PickRandom(venues))
                    .AttendedBy(delegation);
            }

            db.Missions.Add(mission);
            missions++;
            if (missions % 20 == 0)
            {
                await SaveAsync(db, ct);
                db.Venues.AttachRange(venues);
            }
        }

        await SaveAsync(db, ct);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        return new GenerationReport(scale, missions, companies.Count, missions * PeoplePerMission, missions * ItemsPerMission, companies.Count * ProductsPerCompany, clock.Elapsed);
    }

    public const string LargeMissionTitle = "Бизнес-миссия с большой делегацией";

    /// <summary>
    /// One more mission whose visiting delegation has <paramref name="people"/> approved people and a two-day programme:
    /// the roster measured as HTML and as PDF at the size a ministry prints. Returns the delegation's id.
    /// </summary>
    public static async Task<int> AddLargeDelegationAsync(PortalDbContext db, int people, int seed = 500, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        Randomizer.Seed = new Random(seed);
        var faker = new Faker("ru");
        var regions = await RegionsAsync(db, ct);
        var companyIds = await db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Company).OrderBy(o => o.Id).Select(o => o.Id).Take(200).ToArrayAsync(ct);
        var day = new DateOnly(2027, 3, 16);
        var mission = new Mission(MissionKind.TradeEconomic, LargeMissionTitle, regions[1], regions[0], day, day.AddDays(1));
        var delegation = mission.AddDelegation("Большая делегация", DelegationSide.Visiting);
        for (var p = 0; p < people; p++)
        {
            var female = faker.Random.Bool();
            var gender = female ? Bogus.DataSets.Name.Gender.Female : Bogus.DataSets.Name.Gender.Male;
            delegation.AddParticipant(
                faker.Name.LastName(gender), faker.Name.FirstName(gender), Patronymic(faker, female), faker.Name.JobTitle(),
                companyIds.Length == 0 ? null : faker.PickRandom(companyIds), p == 0 ? DelegationRole.Head : DelegationRole.Member, approved: true);
        }

        db.Missions.Add(mission);
        await SaveAsync(db, ct);
        return delegation.Id;
    }

    private static string Patronymic(Faker faker, bool female)
    {
        var father = faker.Name.FirstName(Bogus.DataSets.Name.Gender.Male);
        var stem = father.EndsWith('й') ? father[..^1] + "е" : father.EndsWith('а') || father.EndsWith('я') ? father[..^1] + "и" : father + "о";
        return stem + (female ? "вна" : "вич");
    }

    private static async Task<int[]> RegionsAsync(PortalDbContext db, CancellationToken ct)
    {
        var existing = await db.Regions.ToListAsync(ct);
        foreach (var (name, code) in Regions.Where(r => existing.All(e => e.Code != r.Code)))
        {
            db.Regions.Add(new Region(name, code));
        }

        await SaveAsync(db, ct);
        var byCode = await db.Regions.AsNoTracking().OrderBy(r => r.Code == 24 ? 0 : 1).ThenBy(r => r.Code).Select(r => r.Id).ToArrayAsync(ct);
        return byCode;
    }

    private static async Task SaveAsync(PortalDbContext db, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
