using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Features.Missions;

public class MissionFormTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<(HttpClient Client, int Krasnoyarsk, int Kaluga, int Ministry)> StartAsync()
    {
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(DemoOptions.AgencyEmail);
        var regions = await factory.QueryAsync(db => db.Regions.ToDictionaryAsync(r => r.Name, r => r.Id));
        var ministry = await factory.QueryAsync(db => db.Organizations.Where(o => o.Name.Contains("инвестиций и инноваций")).Select(o => o.Id).FirstAsync());
        return (client, regions["Красноярский край"], regions["Калужская область"], ministry);
    }

    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_agency_creates_a_mission_with_organisers_and_edits_it()
    {
        var (client, krasnoyarsk, kaluga, ministry) = await StartAsync();

        using var created = await client.SubmitFormAsync("/missions/create", "form[data-testid=mission-form]",
        [
            new("Kind", "BusinessMission"), new("Title", "Бизнес-миссия калужских IT-компаний"), new("OriginRegionId", S(kaluga)), new("HostRegionId", S(krasnoyarsk)),
            new("StartDate", "2027-05-18"), new("EndDate", "2027-05-20"), new("Organizers[0].OrganizationId", S(ministry)), new("Organizers[0].Role", "Organizer"),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var mission = await factory.QueryAsync(db => db.Missions.Where(m => m.Title == "Бизнес-миссия калужских IT-компаний")
            .Select(m => new { m.Id, m.Status, m.StartDate, m.EndDate, Organizers = m.Organizers.Select(o => o.OrganizationId).ToList(), Delegations = m.Delegations.Select(d => d.Side).ToList() })
            .SingleAsync());
        Assert.Equal(MissionStatus.Draft, mission.Status);
        Assert.Equal((new DateOnly(2027, 5, 18), new DateOnly(2027, 5, 20)), (mission.StartDate, mission.EndDate));
        Assert.Equal([ministry], mission.Organizers);
        Assert.Equal([DelegationSide.Visiting, DelegationSide.Host], mission.Delegations.Order());

        using var edited = await client.SubmitFormAsync($"/missions/edit/{mission.Id}", "form[data-testid=mission-form]",
        [
            new("Kind", "BusinessMission"), new("Title", "Бизнес-миссия калужских ИТ-компаний"), new("OriginRegionId", S(kaluga)), new("HostRegionId", S(krasnoyarsk)),
            new("StartDate", "2027-05-18"), new("EndDate", "2027-05-19"), new("Organizers[0].OrganizationId", ""),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var after = await factory.QueryAsync(db => db.Missions.Where(m => m.Id == mission.Id).Select(m => new { m.Title, m.EndDate, Organizers = m.Organizers.Count }).SingleAsync());
        Assert.Equal(("Бизнес-миссия калужских ИТ-компаний", new DateOnly(2027, 5, 19), 0), (after.Title, after.EndDate, after.Organizers));
    }

    [Fact]
    public async Task A_bad_mission_is_refused_with_messages_and_nothing_is_stored()
    {
        var (client, krasnoyarsk, _, _) = await StartAsync();
        var before = await factory.QueryAsync(db => db.Missions.CountAsync());

        using var response = await client.SubmitFormAsync("/missions/create", "form[data-testid=mission-form]",
        [
            new("Kind", "TradeEconomic"), new("Title", ""), new("OriginRegionId", S(krasnoyarsk)), new("HostRegionId", S(krasnoyarsk)),
            new("StartDate", "2027-05-20"), new("EndDate", "2027-05-18"), new("Organizers[0].OrganizationId", "777777"),
        ]);

        var text = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).Body!.TextContent;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Укажите название.", text, StringComparison.Ordinal);
        Assert.Contains("Выберите принимающий регион, отличный от региона делегации: миссия межрегиональная.", text, StringComparison.Ordinal);
        Assert.Contains("Выберите дату окончания не раньше даты начала.", text, StringComparison.Ordinal);
        Assert.Contains("Выберите организацию из списка.", text, StringComparison.Ordinal);
        Assert.Equal(before, await factory.QueryAsync(db => db.Missions.CountAsync()));
    }

    [Theory]
    [InlineData("калужской", true)]
    [InlineData("КАЛУЖСКОЙ", true)]
    [InlineData("Санкт", false)]
    public async Task Search_ignores_case_in_Russian_and_filters_combine(string term, bool kaluga)
    {
        var (client, _, _, _) = await StartAsync();

        var page = await client.GetPageAsync($"/missions?q={Uri.EscapeDataString(term)}&year=2026");

        var titles = page.QuerySelectorAll("[data-testid=missions] tbody tr td:first-child a").Select(a => a.TextContent).ToList();
        Assert.Single(titles);
        Assert.Equal(kaluga, titles[0].Contains("Калужской", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Filters_by_status_and_region()
    {
        var (client, _, kaluga, _) = await StartAsync();

        var completed = await client.GetPageAsync("/missions?status=Completed");
        var fromKaluga = await client.GetPageAsync($"/missions?regionId={S(kaluga)}");
        var bad = await client.GetPageAsync("/missions?status=Nonsense&year=abc");

        Assert.All(completed.QuerySelectorAll("[data-testid=missions] tbody tr"), r => Assert.Contains("Завершена", r.TextContent, StringComparison.Ordinal));
        Assert.All(fromKaluga.QuerySelectorAll("[data-testid=missions] tbody tr"), r => Assert.Contains("Калужская область", r.TextContent, StringComparison.Ordinal));
        Assert.NotEmpty(bad.QuerySelectorAll("[data-testid=missions] tbody tr"));
    }

    [Fact]
    public async Task The_year_filter_offers_every_year_from_the_first_mission_to_the_last_newest_first()
    {
        var (client, krasnoyarsk, kaluga, _) = await StartAsync();
        await factory.QueryAsync(db =>
        {
            db.Missions.Add(new Mission(MissionKind.TradeEconomic, "Миссия весны 2030 года", kaluga, krasnoyarsk, new DateOnly(2030, 4, 14), new DateOnly(2030, 4, 16)));
            return db.SaveChangesAsync();
        });
        var first = await factory.QueryAsync(db => db.Missions.MinAsync(m => m.StartDate));

        var page = await client.GetPageAsync("/missions?year=2030");

        var offered = page.QuerySelectorAll("#Year option").Select(o => o.GetAttribute("value")).Where(v => v != string.Empty).ToList();
        Assert.Equal(Enumerable.Range(first.Year, 2030 - first.Year + 1).Reverse().Select(S), offered);
        Assert.Equal("2030", page.QuerySelector("#Year option[selected]")!.GetAttribute("value"));
        Assert.Equal(["Миссия весны 2030 года"], page.QuerySelectorAll("[data-testid=missions] tbody tr td:first-child a").Select(a => a.TextContent.Trim()));
    }

    [Fact]
    public async Task Venues_and_travel_times_are_kept_in_their_registries()
    {
        var (client, _, _, _) = await StartAsync();

        using var venue = await client.SubmitFormAsync("/venues/create", "form[data-testid=venue-form]",
            [new("Name", "Конгресс-холл СФУ"), new("City", "Красноярск"), new("Address", "пр. Свободный, 82"), new("Capacity", "1200")]);
        using var badVenue = await client.SubmitFormAsync("/venues/create", "form[data-testid=venue-form]",
            [new("Name", ""), new("City", "Красноярск"), new("Address", ""), new("Capacity", "0")]);
        using var travel = await client.SubmitFormAsync("/travel-times", "form[data-testid=travel-time-form]",
            [new("FromCity", "Красноярск"), new("ToCity", "Ачинск"), new("Minutes", "150")]);
        using var duplicate = await client.SubmitFormAsync("/travel-times", "form[data-testid=travel-time-form]",
            [new("FromCity", "Ачинск"), new("ToCity", "Красноярск"), new("Minutes", "140")]);

        Assert.Equal(HttpStatusCode.Redirect, venue.StatusCode);
        Assert.Equal(1200, await factory.QueryAsync(db => db.Venues.Where(v => v.Name == "Конгресс-холл СФУ").Select(v => v.Capacity).SingleAsync()));
        var badText = await badVenue.Content.ReadAsStringAsync();
        Assert.Contains("Укажите адрес.", badText, StringComparison.Ordinal);
        Assert.Contains("Укажите вместимость от 1 до 100&#xA0;000 человек.", badText, StringComparison.Ordinal);
        Assert.Equal(150, await factory.QueryAsync(db => db.TravelTimes.Where(t => t.ToCity == "Ачинск" || t.FromCity == "Ачинск").Select(t => t.Minutes).SingleAsync()));
    }
}
