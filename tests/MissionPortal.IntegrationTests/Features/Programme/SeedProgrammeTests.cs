using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.Core.Data;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.IntegrationTests.Features.Programme;

[Collection(PortalCollection.Name)]
public class SeedProgrammeTests(PortalFactory factory)
{
    [Fact]
    public async Task Both_seed_programmes_have_no_conflicts()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var queries = scope.ServiceProvider.GetRequiredService<ProgrammeQueries>();
        var missions = await db.Missions.AsNoTracking().Select(m => new { m.Id, m.Title, m.StartDate, m.EndDate }).ToListAsync();
        Assert.Equal(2, missions.Count);

        foreach (var mission in missions)
        {
            var snapshot = await queries.LoadAsync(mission.Id, mission.StartDate, mission.EndDate, CancellationToken.None);
            Assert.True(snapshot.Items.Count > 10, $"{mission.Title}: {snapshot.Items.Count} items");
            Assert.True(snapshot.Conflicts.Count == 0, $"{mission.Title}: " + string.Join("; ", snapshot.Conflicts.Select(c => c.Key)));
            Assert.All(snapshot.Scheduled, s => Assert.NotEmpty(s.People));
        }
    }
}
