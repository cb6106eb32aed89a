using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Features.Shared;
using MissionPortal.Web.Infrastructure.Database;
using MissionPortal.Web.Infrastructure.Security;

namespace MissionPortal.IntegrationTests.Reliability;

/// <summary>
/// A portal of its own whose database the test can take away and bring back: on SQLite a file in a folder that moves
/// away; on PostgreSQL its database reached through a <see cref="TcpProxy"/> that stops, as a server that went down.
/// </summary>
public sealed class FileDatabasePortalFactory : PortalFactory
{
    private TcpProxy? _proxy;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "missionportal-outage", Guid.NewGuid().ToString("N"));

    public string DatabaseFolder => Path.Combine(_root, "db");

    public string DatabaseFile => Path.Combine(DatabaseFolder, "missionportal.db");

    /// <summary>The database becomes unreachable, as when its disk or share goes away: open connections die with it.</summary>
    public void TakeDatabaseAway()
    {
        if (_proxy is not null)
        {
            _proxy.Stop();
            return;
        }

        Directory.Move(DatabaseFolder, DatabaseFolder + ".away");
        SqliteConnection.ClearAllPools();
    }

    public void BringDatabaseBack()
    {
        if (_proxy is not null)
        {
            _proxy.Start();
            return;
        }

        Directory.Move(DatabaseFolder + ".away", DatabaseFolder);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        Directory.CreateDirectory(DatabaseFolder);
        if (TestDatabase.IsPostgreSql)
        {
            var direct = new NpgsqlConnectionStringBuilder(ConnectionString);
            _proxy ??= new TcpProxy(direct.Host!, direct.Port);
            _proxy.Start();
            builder.UseSetting("ConnectionStrings:PostgreSql", new NpgsqlConnectionStringBuilder(ConnectionString) { Host = "127.0.0.1", Port = _proxy.Port }.ToString());
            return;
        }

        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={DatabaseFile};Default Timeout=5");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _proxy?.Dispose();
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // cleaned with the temp folder
            }
        }
    }
}

public sealed class DatabaseOutageTests(FileDatabasePortalFactory factory) : IClassFixture<FileDatabasePortalFactory>
{
    [Fact]
    public async Task Without_the_database_pages_answer_503_in_Russian_ready_is_red_live_is_green_and_all_recovers_when_it_returns()
    {
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(DemoOptions.AgencyEmail);
        using (var before = await client.GetAsync("/missions"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var agencyId = await factory.QueryAsync(db => db.Users.Where(u => u.Email == DemoOptions.AgencyEmail).Select(u => u.Id).SingleAsync());
        factory.TakeDatabaseAway();
        try
        {
            // The header's unread count is not cached any more (as after half a minute): the 503 page still renders.
            using (var scope = factory.Services.CreateScope())
            {
                scope.ServiceProvider.GetRequiredService<UnreadNotices>().Forget(agencyId);
            }

            using var page = await client.GetAsync("/missions");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("Портал временно недоступен", html, StringComparison.Ordinal);
            Assert.Contains("База данных портала сейчас не отвечает.", html, StringComparison.Ordinal);
            Assert.NotNull(page.Headers.RetryAfter);

            // The session check itself cannot read the stamp: still the 503 page, and the cookie is kept.
            factory.Services.GetRequiredService<SessionStampCache>().Forget(agencyId);
            using var home = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, home.StatusCode);
            Assert.Null(home.SetCookie(SessionCookies.AuthCookieName));

            using var login = await factory.CreatePortalClient().LoginAsync(DemoOptions.MinistryEmail);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, login.StatusCode);

            using var ready = await client.GetAsync("/health/ready");
            using var live = await client.GetAsync("/health/live");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        }
        finally
        {
            factory.BringDatabaseBack();
        }

        using (var ready = await client.GetAsync("/health/ready"))
        {
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        }

        var missions = await client.GetPageAsync("/missions");
        Assert.Contains("Калужской области", missions.Body!.TextContent, StringComparison.Ordinal);
        var ministry = factory.CreatePortalClient();
        await ministry.LoginAsAsync(DemoOptions.MinistryEmail);
    }
}
