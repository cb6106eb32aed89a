using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Performance;

/// <summary>
/// The benchmark's raw roster (raw Npgsql, a hand-written writer) is a fair comparison only while it answers what the
/// roster page answers: the same bytes, apart from the antiforgery tokens each page makes anew.
/// </summary>
[Trait("Database", "PostgreSql")]
public sealed partial class RawRosterTests : IDisposable
{
    private readonly string _page = Path.Combine(Path.GetTempPath(), $"missionportal-roster-{Guid.NewGuid():N}.html");

    [Fact]
    public async Task The_raw_roster_answers_the_pages_bytes()
    {
        Assert.True(TestDatabase.IsPostgreSql, "This test runs on PostgreSQL: the raw endpoint reads through Npgsql.");
        using var factory = new ConfiguredFactory(("Bench:BareFile", _page));
        int delegation;
        using (var scope = factory.Services.CreateScope())
        {
            // A head (a badge, first place), a person still pending (a badge) and text the encoder must escape.
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            delegation = await db.Delegations.Where(d => d.Side == DelegationSide.Visiting).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
            var people = await db.Participants.Where(p => p.DelegationId == delegation).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Participants" SET "Role" = 1 WHERE "Id" = {0}""", people[4]);
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Participants" SET "Status" = 1, "Position" = 'Директор по R&D <"НИОКР"> + маркетинг' WHERE "Id" = {0}""", people[6]);
        }

        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        var page = await agency.GetStringAsync($"/rosters/{delegation}");
        await File.WriteAllTextAsync(_page, page);

        var raw = await agency.GetStringAsync($"/bench/roster-raw/{delegation}");

        Assert.Contains("Глава делегации", raw);
        Assert.Contains("На рассмотрении", raw);
        Assert.Contains("R&amp;D &lt;&quot;НИОКР&quot;&gt; &#x2B; маркетинг", raw);
        Assert.Equal(WithoutTokens(page), WithoutTokens(raw));
        using var missing = await agency.GetAsync("/bench/roster-raw/999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    public void Dispose() => File.Delete(_page);

    private static string WithoutTokens(string html) => Token().Replace(html, "value=\"token\"");

    [GeneratedRegex("value=\"CfDJ8[^\"]*\"")]
    private static partial Regex Token();
}
