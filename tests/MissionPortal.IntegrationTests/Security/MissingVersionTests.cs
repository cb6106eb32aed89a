using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Security;

/// <summary>An edit form posted without the version it was opened on is refused as out of date, not saved over what is stored.</summary>
public class MissingVersionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_mission_edit_without_its_version_is_a_conflict_and_changes_nothing()
    {
        var s = await Scenario.CreateAsync(factory, "Без версии " + Guid.NewGuid().ToString("N")[..6]);
        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        var before = await factory.QueryAsync(db => db.Missions.Where(m => m.Id == s.MissionId).Select(m => new { m.Title, m.OriginRegionId, m.HostRegionId, m.Version }).SingleAsync());
        var form = await agency.ReadFormAsync($"/missions/edit/{s.MissionId}", "form[data-testid=mission-form]");
        Assert.Contains(form.Hidden, f => f.Key == "Version");

        using var response = await agency.PostFormAsync(form with { Hidden = [.. form.Hidden.Where(f => f.Key != "Version")] },
        [
            new("Kind", "BusinessMission"), new("Title", "Переписано без версии"), new("OriginRegionId", before.OriginRegionId.ToString(CultureInfo.InvariantCulture)),
            new("HostRegionId", before.HostRegionId.ToString(CultureInfo.InvariantCulture)), new("StartDate", Scenario.Iso(Scenario.Day1)), new("EndDate", Scenario.Iso(Scenario.Day2)),
        ]);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var after = await factory.QueryAsync(db => db.Missions.Where(m => m.Id == s.MissionId).Select(m => new { m.Title, m.Version }).SingleAsync());
        Assert.Equal((before.Title, before.Version), (after.Title, after.Version));
    }
}
