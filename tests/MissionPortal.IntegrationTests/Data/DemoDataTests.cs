using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data.Demo;
using MissionPortal.Core.Domain.Agreements;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Core.Domain.Programme;
using MissionPortal.IntegrationTests.Infrastructure;

namespace MissionPortal.IntegrationTests.Data;

/// <summary>The demo database holds every fact of the two seed missions.</summary>
[Collection(PortalCollection.Name)]
public class DemoDataTests(PortalFactory factory)
{
    [Fact]
    public async Task The_Kaluga_mission_has_its_organisers_ten_companies_with_products_and_two_days()
    {
        var mission = await factory.QueryAsync(db => db.Missions
            .Where(m => m.Title == DemoData.KalugaMissionTitle)
            .Select(m => new
            {
                m.Kind,
                m.StartDate,
                m.EndDate,
                Origin = m.OriginRegion!.Name,
                Host = m.HostRegion!.Name,
                Organizers = m.Organizers.Select(o => new { o.Organization!.Name, o.Role }).ToList(),
                Days = m.ProgrammeItems.Select(i => i.Date).ToList(),
                Visits = m.ProgrammeItems.Where(i => i.Visit != null).Select(i => i.Visit!.HostOrganization!.Name).ToList(),
                Cities = m.ProgrammeItems.Where(i => i.Venue != null).Select(i => i.Venue!.City).ToList(),
            })
            .SingleAsync());

        Assert.Equal(MissionKind.TradeEconomic, mission.Kind);
        Assert.Equal(new DateOnly(2026, 12, 10), mission.StartDate);
        Assert.Equal(new DateOnly(2026, 12, 11), mission.EndDate);
        Assert.Equal("Калужская область", mission.Origin);
        Assert.Equal("Красноярский край", mission.Host);
        Assert.Contains(mission.Organizers, o => o.Name.Contains("инвестиций и инноваций", StringComparison.Ordinal) && o.Role == OrganizerRole.Organizer);
        Assert.Contains(mission.Organizers, o => o.Name.Contains("Калужской области", StringComparison.Ordinal) && o.Role == OrganizerRole.Organizer);
        Assert.Contains(mission.Organizers, o => o.Name.Contains("агентство поддержки малого и среднего бизнеса", StringComparison.Ordinal) && o.Role == OrganizerRole.Supporter);
        Assert.Equal(2, mission.Days.Distinct().Count());
        Assert.Contains(mission.Visits, v => v.Contains("Решетн", StringComparison.Ordinal));
        Assert.Contains(mission.Visits, v => v.Contains("Горно-химический комбинат", StringComparison.Ordinal));
        Assert.Contains("Красноярск", mission.Cities);
        Assert.Contains("Железногорск", mission.Cities);

        var companies = await factory.QueryAsync(db => db.Organizations
            .Where(o => o.Kind == OrganizationKind.Company && o.Region!.Name == "Калужская область")
            .Select(o => new { o.Name, o.Inn, Products = o.Products.Count })
            .ToListAsync());
        Assert.Equal(10, companies.Count);
        Assert.All(companies, c => Assert.True(c.Products >= 2, $"{c.Name} has {c.Products} products"));
        Assert.Contains(companies, c => c.Name == DemoData.FirstKalugaCompanyName);
        Assert.All(companies, c => Assert.Matches("^40[0-9]{8}$", c.Inn));
    }

    [Fact]
    public async Task The_Petersburg_visit_has_its_head_cluster_round_tables_hospital_visits_and_agreement()
    {
        var mission = await factory.QueryAsync(db => db.Missions
            .Where(m => m.Title == DemoData.PetersburgMissionTitle)
            .Select(m => new
            {
                m.Id,
                m.StartDate,
                m.EndDate,
                People = m.Delegations.SelectMany(d => d.Participants)
                    .Select(p => new { p.Surname, p.GivenName, p.Patronymic, p.Position, p.Role, Side = p.Delegation!.Side })
                    .ToList(),
                Groups = m.Delegations.SelectMany(d => d.Groups).Select(g => g.Members.Select(p => p.Surname).ToList()).ToList(),
                RoundTables = m.ProgrammeItems.Where(i => i.RoundTable != null).Select(i => i.RoundTable!.Topic).ToList(),
                Kinds = m.ProgrammeItems.Select(i => i.Kind).ToList(),
                Visits = m.ProgrammeItems.Where(i => i.Visit != null)
                    .Select(i => new { i.Visit!.HostOrganization!.Name, i.Date, Officials = i.Visit.Officials.Select(o => o.Participant!.Position).ToList() })
                    .ToList(),
            })
            .SingleAsync());

        Assert.Equal(new DateOnly(2026, 11, 17), mission.StartDate);
        Assert.Equal(new DateOnly(2026, 11, 18), mission.EndDate);
        var head = Assert.Single(mission.People, p => p.Role == DelegationRole.Head && p.Side == DelegationSide.Visiting);
        Assert.Equal(("Говорунов", "Александр", "Николаевич"), (head.Surname, head.GivenName, head.Patronymic));
        Assert.Contains(mission.People, p => p.Surname == "Толоконский" && p.Side == DelegationSide.Host);

        Assert.Contains(mission.People, p => (p.Surname, p.GivenName, p.Patronymic, p.Position) ==
            ("Гаврилова", "Анастасия", "Вячеславовна", "Референт по связям с общественностью Кластера медицинского, экологического приборостроения и биотехнологий"));
        Assert.Contains(mission.People, p => (p.Surname, p.GivenName, p.Patronymic, p.Position) ==
            ("Чихман", "Николай", "Валерьевич", "Директор по развитию ООО \"СтройРеанимация\""));
        Assert.Contains(mission.People, p => (p.Surname, p.GivenName, p.Patronymic, p.Position) ==
            ("Козлов", "Дмитрий", "Алексеевич", "Начальник отдела продаж ООО \"СтройРеанимация\""));
        Assert.Contains(mission.Groups, g => g.Order().SequenceEqual(new[] { "Гаврилова", "Козлов", "Чихман" }.Order()));

        Assert.Equal(
            new[]
            {
                "Инновационное развитие промышленных предприятий – драйвер экономического роста региона",
                "Многообразие культурной повестки региона как фактор развития туристической отрасли",
                "Малое и среднее предпринимательство. Проблемы и точки роста в современных условиях",
            }.Order(),
            mission.RoundTables.Order());
        Assert.Contains(ProgrammeItemKind.Ceremony, mission.Kinds);
        Assert.Contains(ProgrammeItemKind.Signing, mission.Kinds);
        Assert.Contains(ProgrammeItemKind.Conference, mission.Kinds);

        Assert.Equal(2, mission.Visits.Count);
        Assert.All(mission.Visits, v => Assert.Equal(new DateOnly(2026, 11, 18), v.Date));
        Assert.Contains(mission.Visits, v => v.Name.Contains("онкологический диспансер", StringComparison.Ordinal));
        Assert.Contains(mission.Visits, v => v.Name.Contains("охраны материнства и детства", StringComparison.Ordinal));
        Assert.All(mission.Visits, v => Assert.Contains(v.Officials, o => o.Contains("здравоохранения", StringComparison.OrdinalIgnoreCase)));

        var agreement = await factory.QueryAsync(db => db.Agreements
            .Where(a => a.MissionId == mission.Id)
            .Select(a => new
            {
                a.Title,
                a.Kind,
                a.Status,
                a.SignedOn,
                a.Areas,
                SignedAt = a.ProgrammeItem!.Kind,
                Signatories = a.Signatories.Select(s => s.Surname).ToList(),
            })
            .SingleAsync());
        Assert.StartsWith("Соглашение между Правительством Санкт-Петербурга и Правительством Красноярского края", agreement.Title, StringComparison.Ordinal);
        Assert.Equal(AgreementKind.Interregional, agreement.Kind);      // between two regional governments
        Assert.Equal(AgreementStatus.Signed, agreement.Status);
        Assert.Equal(new DateOnly(2026, 11, 17), agreement.SignedOn);
        Assert.Equal(CooperationAreas.TradeEconomic | CooperationAreas.ScientificTechnical | CooperationAreas.Cultural, agreement.Areas);
        Assert.Equal(ProgrammeItemKind.Signing, agreement.SignedAt);
        Assert.Empty(agreement.Signatories);      // the report does not say who signed
    }

    [Fact]
    public async Task No_venue_is_double_booked_and_no_item_is_outside_its_mission()
    {
        var items = await factory.QueryAsync(db => db.ProgrammeItems
            .Select(i => new { i.Id, i.VenueId, i.Date, i.Start, i.End, i.Mission!.StartDate, i.Mission.EndDate })
            .ToListAsync());
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.InRange(i.Date, i.StartDate, i.EndDate));
        var clashes = from a in items
                      from b in items
                      where a.Id < b.Id && a.VenueId != null && a.VenueId == b.VenueId && a.Date == b.Date && a.Start < b.End && b.Start < a.End
                      select (a.Id, b.Id);
        Assert.Empty(clashes);
    }
}
