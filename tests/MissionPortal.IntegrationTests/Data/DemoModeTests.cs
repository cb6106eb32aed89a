using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Data;

/// <summary>Leaving demo mode retires the demo accounts; a published portal is not in demo mode unless asked.</summary>
public class DemoModeTests
{
    [Fact]
    public async Task Switching_demo_mode_off_retires_the_demo_accounts_on_the_record()
    {
        using var demo = new PortalFactory();
        var before = demo.CreatePortalClient();
        await before.LoginAsAsync(DemoOptions.AgencyEmail);
        var stampBefore = await demo.QueryAsync(db => db.Users.Where(u => u.Email == DemoOptions.AgencyEmail).Select(u => u.SecurityStamp).SingleAsync());

        // The same database started again with demo mode off.
        using var production = new ConfiguredFactory(("Demo:Enabled", "false"), ("ConnectionStrings:Sqlite", demo.ConnectionString), ("ConnectionStrings:PostgreSql", demo.ConnectionString));
        var client = production.CreatePortalClient();

        foreach (var email in DemoAccountRetirement.Emails)
        {
            using var login = await client.LoginAsync(email);
            Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        }

        var accounts = await production.QueryAsync(db => db.Users.Where(u => DemoAccountRetirement.Emails.Contains(u.Email!))
            .Select(u => new { u.Email, u.PasswordHash, u.LockoutEnd }).ToListAsync());
        Assert.Equal(4, accounts.Count);
        Assert.All(accounts, a => Assert.Null(a.PasswordHash));
        Assert.All(accounts, a => Assert.Equal(DateTimeOffset.MaxValue, a.LockoutEnd));
        var audited = await production.QueryAsync(db => db.AuditEntries.CountAsync(e => e.UserName == DemoAccountRetirement.ActorName));
        Assert.True(audited >= 4, $"{audited} audit rows for the retirement");
        // A new security stamp: every session signed in before ends at its next request.
        var stampAfter = await production.QueryAsync(db => db.Users.Where(u => u.Email == DemoOptions.AgencyEmail).Select(u => u.SecurityStamp).SingleAsync());
        Assert.NotEqual(stampBefore, stampAfter);
    }

    [Fact]
    public async Task Production_with_SQLite_starts_without_demo_mode_and_says_loudly_that_nobody_administers_it()
    {
        using var factory = new ProductionWithoutDemoSetting();
        var client = factory.CreatePortalClient();

        using var login = await client.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(0, await factory.QueryAsync(db => db.Missions.CountAsync()));
        Assert.Equal(0, await factory.QueryAsync(db => db.Users.CountAsync()));
        var logs = string.Concat(Directory.EnumerateFiles(Path.Combine(factory.DataPath, "logs")).Select(f =>
        {
            using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return new StreamReader(stream).ReadToEnd();
        }));
        Assert.Contains("[FTL]", logs, StringComparison.Ordinal);
        Assert.Contains("NO ADMINISTRATOR", logs, StringComparison.Ordinal);
    }

    private sealed class ProductionWithoutDemoSetting : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("Demo:Enabled", null);
        }
    }
}
