using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.Core.Data;
using MissionPortal.Core.Data.Demo;
using MissionPortal.IntegrationTests.Infrastructure;

namespace MissionPortal.IntegrationTests.Data;

/// <summary>The Guid version is a real concurrency token on SQLite: a save from a stale copy fails.</summary>
[Collection(PortalCollection.Name)]
public class ConcurrencyTokenTests(PortalFactory factory)
{
    [Fact]
    public async Task The_second_of_two_edits_from_the_same_version_is_refused()
    {
        await using var firstScope = factory.Services.CreateAsyncScope();
        await using var secondScope = factory.Services.CreateAsyncScope();
        var first = firstScope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var second = secondScope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var mine = await first.Missions.SingleAsync(m => m.Title == DemoData.PetersburgMissionTitle);
        var theirs = await second.Missions.SingleAsync(m => m.Title == DemoData.PetersburgMissionTitle);
        var original = mine.Version;

        mine.Describe("Первая правка");
        await first.SaveChangesAsync();
        theirs.Describe("Вторая правка поверх устаревшей копии");

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        var stored = await factory.QueryAsync(db => db.Missions.Where(m => m.Id == mine.Id).Select(m => new { m.Description, m.Version }).SingleAsync());
        Assert.Equal("Первая правка", stored.Description);
        Assert.NotEqual(original, stored.Version);
    }
}
