using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.Core.Data;
using MissionPortal.Core.Data.Demo;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Core.Domain.Programme;

namespace MissionPortal.IntegrationTests.Infrastructure;

/// <summary>
/// The real portal over a private database. On SQLite (the default) an in-memory database: the connection below is
/// held open for the factory's life so the database lives on between requests; the app migrates and seeds it at start
/// exactly as it does a file database, so the SQLite migrations are what every test runs on. On PostgreSQL
/// (<see cref="TestDatabase"/>) a database of its own on the test server, copied from the migrated template and
/// dropped with the factory; the app seeds it at start.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "missionportal-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The data folder of this portal: logs and files.</summary>
    public string DataPath => _dataPath;
    private readonly SqliteConnection? _keepAlive;

    private readonly CommandCounter _commands = new();

    public PortalFactory()
    {
        if (TestDatabase.IsPostgreSql)
        {
            ConnectionString = TestDatabase.CreatePostgreSqlDatabase();
            return;
        }

        ConnectionString = $"Data Source=file:mp-{Guid.NewGuid():N}?mode=memory&cache=shared";
        _keepAlive = new SqliteConnection(ConnectionString);
        _keepAlive.Open();
    }

    /// <summary>The connection string of this portal's own database (SQLite or PostgreSQL, see <see cref="TestDatabase"/>).</summary>
    public string ConnectionString { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        if (TestDatabase.IsPostgreSql)
        {
            builder.UseSetting("Database:Provider", "PostgreSql");
            builder.UseSetting("Database:MigrateOnStart", "true");
            builder.UseSetting("ConnectionStrings:PostgreSql", ConnectionString);
        }
        else
        {
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Sqlite", ConnectionString);
        }

        builder.UseSetting("Storage:DataPath", _dataPath);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // The notification job runs when a test calls it: on the day before a demo mission it would otherwise write
        // letters into every test's outbox.
        builder.UseSetting("Notifications:JobMinutes", "0");
        // The suite signs in hundreds of times from one address; RateLimitTests checks the limits with their own factory.
        builder.UseSetting("RateLimiting:Login:PermitLimit", "100000");
        builder.UseSetting("RateLimiting:SignUp:PermitLimit", "100000");
        builder.UseSetting("RateLimiting:Uploads:PermitLimit", "100000");
        builder.ConfigureTestServices(services => services.ConfigureDbContext<PortalDbContext>(o => o.AddInterceptors(_commands)));
    }

    /// <summary>How many SQL commands the app ran while <paramref name="request"/> was answered.</summary>
    public async Task<int> CountCommandsAsync(Func<Task<HttpResponseMessage>> request)
    {
        var before = _commands.Count;
        using var response = await request();
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode}");
        return _commands.Count - before;
    }

    /// <summary>
    /// A client that keeps cookies and does not follow redirects, so tests see each 302. Its address is https,
    /// as a browser's would be: the portal's cookies are Secure (__Host- prefix) and are sent over https only.
    /// </summary>
    public HttpClient CreatePortalClient() =>
        CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri("https://localhost"),
        });

    /// <summary>Runs a query against the app's database, as the test's own view of what was stored.</summary>
    public async Task<T> QueryAsync<T>(Func<PortalDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        return await query(db);
    }

    /// <summary>
    /// Replaces {kaluga} and {petersburg} in a URL with the ids of the two demo missions, {user} with the demo ministry
    /// user's, and {item}, {participant}, {venue}, {kaluga-calendar} with a programme item, a participant of another company and the
    /// calendar token of the Kaluga mission and a venue, {company} and {product} with the demo company user's
    /// organisation and one of its products.
    /// Also {kaluga-delegation} and {petersburg-delegation} with the visiting delegations, {oncology-visit} with the
    /// Petersburg hospital visit, {check-in} with the signed check-in token of the Petersburg delegation's head,
    /// {agreement} with the seed agreement.
    /// </summary>
    public async Task<string> ResolveAsync(string url)
    {
        if (!url.Contains('{', StringComparison.Ordinal))
        {
            return url;
        }

        if (url.Contains("{item}", StringComparison.Ordinal) || url.Contains("{participant}", StringComparison.Ordinal)
            || url.Contains("{venue}", StringComparison.Ordinal) || url.Contains("{kaluga-calendar}", StringComparison.Ordinal))
        {
            var kaluga = await QueryAsync(db => db.Missions.Where(m => m.Title == DemoData.KalugaMissionTitle).Select(m => new { m.Id, m.CalendarToken }).SingleAsync());
            var item = await QueryAsync(db => db.ProgrammeItems.Where(i => i.MissionId == kaluga.Id).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync());
            // Someone of another company than the demo company's: what it may not touch.
            var participant = await QueryAsync(db => db.Participants
                .Where(p => p.Delegation!.MissionId == kaluga.Id && p.Organization!.Name != DemoData.FirstKalugaCompanyName)
                .OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
            var venue = await QueryAsync(db => db.Venues.OrderBy(v => v.Id).Select(v => v.Id).FirstAsync());
            url = url
                .Replace("{kaluga-calendar}", kaluga.CalendarToken, StringComparison.Ordinal)
                .Replace("{item}", item.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{participant}", participant.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{venue}", venue.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        if (url.Contains("{company}", StringComparison.Ordinal) || url.Contains("{product}", StringComparison.Ordinal) || url.Contains("{company-participant}", StringComparison.Ordinal))
        {
            var company = await QueryAsync(db => db.Organizations.Where(o => o.Name == DemoData.FirstKalugaCompanyName).Select(o => o.Id).SingleAsync());
            var product = await QueryAsync(db => db.Products.Where(p => p.OrganizationId == company).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
            var person = await QueryAsync(db => db.Participants.Where(p => p.OrganizationId == company).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
            url = url
                .Replace("{company-participant}", person.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{company}", company.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{product}", product.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        if (url.Contains("{user}", StringComparison.Ordinal))
        {
            var userId = await QueryAsync(db => db.Users.Where(u => u.Email == MissionPortal.Web.Infrastructure.Database.DemoOptions.MinistryEmail).Select(u => u.Id).SingleAsync());
            url = url.Replace("{user}", userId, StringComparison.Ordinal);
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

        if (url.Contains("{agreement}", StringComparison.Ordinal))
        {
            var agreement = await QueryAsync(db => db.Agreements.Where(a => a.Title == DemoData.PetersburgAgreementTitle).Select(a => a.Id).SingleAsync());
            url = url.Replace("{agreement}", agreement.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        if (url.Contains("{b2b-", StringComparison.Ordinal))
        {
            url = await ResolveB2bAsync(url);
        }

        if (url.Contains("{check-in}", StringComparison.Ordinal))
        {
            var head = await QueryAsync(db => db.Participants.Where(p => p.Surname == "Говорунов")
                .Select(p => new { p.Id, p.Delegation!.MissionId }).SingleAsync());
            var token = Services.GetRequiredService<MissionPortal.Web.Features.Shared.CheckInLinks>().Token(head.Id, head.MissionId);
            url = url.Replace("{check-in}", Uri.EscapeDataString(token), StringComparison.Ordinal);
        }

        return url
            .Replace("{kaluga}", ids.Single(m => m.Title == DemoData.KalugaMissionTitle).Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{petersburg}", ids.Single(m => m.Title == DemoData.PetersburgMissionTitle).Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    /// <summary>
    /// {b2b-session} and {b2b-item}: the Kaluga mission's seeded B2B session and its programme item; {b2b-free-item}: the
    /// day's other B2B item, which has no session; {b2b-request}: a request the demo company got; {b2b-other-request}:
    /// a request between two other companies.
    /// </summary>
    private async Task<string> ResolveB2bAsync(string url)
    {
        var session = await QueryAsync(db => db.B2bSessions.Select(s => new { s.Id, s.ProgrammeItemId, s.MissionId }).OrderBy(s => s.Id).FirstAsync());
        var freeItem = await QueryAsync(db => db.ProgrammeItems
            .Where(i => i.MissionId == session.MissionId && i.Kind == ProgrammeItemKind.B2BSession && i.Id != session.ProgrammeItemId)
            .OrderBy(i => i.Id).Select(i => i.Id).FirstAsync());
        var company = await QueryAsync(db => db.Organizations.Where(o => o.Name == DemoData.FirstKalugaCompanyName).Select(o => o.Id).SingleAsync());
        var mine = await QueryAsync(db => db.MeetingRequests.Where(r => r.SessionId == session.Id && r.To!.OrganizationId == company)
            .OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        var other = await QueryAsync(db => db.MeetingRequests
            .Where(r => r.SessionId == session.Id && r.To!.OrganizationId != company && r.From!.OrganizationId != company)
            .OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        return url
            .Replace("{b2b-session}", session.Id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{b2b-item}", session.ProgrammeItemId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{b2b-free-item}", freeItem.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{b2b-request}", mine.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{b2b-other-request}", other.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _keepAlive?.Dispose();
            if (TestDatabase.IsPostgreSql)
            {
                TestDatabase.DropPostgreSqlDatabase(ConnectionString);
            }

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
