using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Features.Catalogue;

/// <summary>
/// The catalogue's mission filter offers the missions one would pick (under way, starting within three months, ended in
/// the last twelve, and the chosen one), not every mission ever held; a company keeps its own missions.
/// </summary>
public class CatalogueFilterTests(ClockFactory factory) : IClassFixture<ClockFactory>
{
    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    private async Task<int> AddMissionAsync(string title, DateOnly start)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var regions = await db.Regions.OrderBy(r => r.Id).Select(r => r.Id).Take(2).ToListAsync();
        var mission = new Mission(MissionKind.TradeEconomic, title, regions[1], regions[0], start, start.AddDays(1));
        db.Missions.Add(mission);
        await db.SaveChangesAsync();
        return mission.Id;
    }

    [Fact]
    public async Task The_mission_filter_offers_recent_current_and_near_missions_and_the_chosen_one()
    {
        // Krasnoyarsk noon on 26 November 2026: the Petersburg mission ended nine days ago, the Kaluga one starts in two weeks.
        factory.Clock.UtcNow = new DateTimeOffset(2026, 11, 26, 5, 0, 0, TimeSpan.Zero);
        var ancient = await AddMissionAsync("Миссия двухлетней давности", new DateOnly(2024, 10, 1));
        var lastYear = await AddMissionAsync("Миссия прошлой зимы", new DateOnly(2025, 12, 1));
        var spring = await AddMissionAsync("Миссия в феврале", new DateOnly(2027, 2, 20));
        var far = await AddMissionAsync("Миссия через год", new DateOnly(2027, 11, 20));
        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);

        var page = await agency.GetPageAsync("/catalogue");
        var offered = page.QuerySelectorAll("#MissionId option").Select(o => o.GetAttribute("value")).Where(v => v != string.Empty).ToList();
        var kaluga = await factory.ResolveAsync("{kaluga}");
        var petersburg = await factory.ResolveAsync("{petersburg}");
        Assert.Equal(new[] { S(spring), kaluga, petersburg, S(lastYear) }, offered);

        var chosen = await agency.GetPageAsync($"/catalogue?missionId={S(far)}");
        Assert.Equal(S(far), chosen.QuerySelector("#MissionId option[selected]")!.GetAttribute("value"));
        Assert.DoesNotContain(S(ancient), chosen.QuerySelectorAll("#MissionId option").Select(o => o.GetAttribute("value")));

        // A company is offered its own missions, whatever their dates, and never another's.
        factory.Clock.UtcNow = new DateTimeOffset(2029, 1, 1, 5, 0, 0, TimeSpan.Zero);
        var company = factory.CreatePortalClient();
        await company.LoginAsAsync(DemoOptions.CompanyEmail);
        var own = (await company.GetPageAsync("/catalogue")).QuerySelectorAll("#MissionId option").Select(o => o.GetAttribute("value")).Where(v => v != string.Empty).ToList();
        Assert.Contains(kaluga, own);
        Assert.DoesNotContain(S(spring), own);
        var later = factory.CreatePortalClient();
        await later.LoginAsAsync(DemoOptions.AgencyEmail);
        var none = await later.GetPageAsync("/catalogue");
        Assert.NotNull(none.QuerySelector("#MissionId"));
        Assert.Equal([string.Empty], none.QuerySelectorAll("#MissionId option").Select(o => o.GetAttribute("value")));
    }
}
