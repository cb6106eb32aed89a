using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.Core.Data;
using MissionPortal.Core.Data.Demo;
using MissionPortal.Core.Domain.Missions;

namespace MissionPortal.IntegrationTests.Infrastructure;

/// <summary>
/// The real portal over a private in-memory SQLite database: the connection below is held open for
/// the factory's life so the database lives on between requests; the app migrates and seeds it at start
/// exactly as it does a file database, so the SQLite migrations are what every test runs on.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "missionportal-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The data folder of this portal: logs and files.</summary>
    public string DataPath => _dataPath;
    private readonly SqliteConnection _keepAlive;

    public PortalFactory()
    {
        ConnectionString = $"Data Source=file:mp-{Guid.NewGuid():N}?mode=memory&cache=shared";
        _keepAlive = new SqliteConnection(ConnectionString);
        _keepAlive.Open();
    }

    public string ConnectionString { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Sqlite", ConnectionString);
        builder.UseSetting("Storage:DataPath", _dataPath);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see each 302.</summary>
    public HttpClient CreatePortalClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Runs a query against the app's database, as the test's own view of what was stored.</summary>
    public async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return await query(db);
    }

    /// <summary>
    /// Replaces {kaluga} and {petersburg} in a URL with the ids of the two demo missions, {kaluga-delegation} and
    /// {petersburg-delegation} with their visiting delegations, {oncology-visit} with the Petersburg hospital visit,
    /// {check-in} with the signed check-in token of the Petersburg delegation's head.
    /// </summary>
    public async Task<string> ResolveAsync(string url)
    {
        if (!url.Contains('{', StringComparison.Ordinal))
        {
            return url;
        }

        var ids = await QueryAsync(db => db.Missions.Select(m => new { m.Id, m.Title }).ToListAsync());
        if (url.Contains("-delegation}", StringComparison.Ordinal) || url.Contains("{oncology-visit}", StringComparison.Ordinal))
        {
            var delegations = await QueryAsync(db => db.Delegations.Where(d => d.Side == DelegationSide.Visiting)
                .Select(d => new { d.Id, d.Mission!.Title }).ToListAsync());
            var visit = await QueryAsync(db => db.ProgrammeItems.Where(i => i.Title.StartsWith("Посещение КГБУЗ «Красноярский краевой клинический онкологический"))
                .Select(i => i.Id).SingleAsync());
            url = url
                .Replace("{kaluga-delegation}", delegations.Single(d => d.Title == DemoData.KalugaMissionTitle).Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{petersburg-delegation}", delegations.Single(d => d.Title == DemoData.PetersburgMissionTitle).Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{oncology-visit}", visit.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        if (url.Contains("{check-in}", StringComparison.Ordinal))
        {
            var head = await QueryAsync(db => db.Participants.Where(p => p.Surname == "Говорунов")
                .Select(p => new { p.Id, p.Delegation!.MissionId }).SingleAsync());
            var token = Services.GetRequiredService<MissionPortal.Web.Features.CheckIn.CheckInLinks>().Token(head.Id, head.MissionId);
            url = url.Replace("{check-in}", Uri.EscapeDataString(token), StringComparison.Ordinal);
        }

        return url
            .Replace("{kaluga}", ids.Single(m => m.Title == DemoData.KalugaMissionTitle).Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{petersburg}", ids.Single(m => m.Title == DemoData.PetersburgMissionTitle).Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _keepAlive.Dispose();
            try
            {
                Directory.Delete(_dataPath, recursive: true);
            }
            catch (IOException)
            {
                // a log file still held open by a closing host: the temp folder is cleaned later
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalFactory>
{
    public const string Name = "portal";
}
