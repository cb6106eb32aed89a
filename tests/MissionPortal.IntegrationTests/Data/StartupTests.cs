using System.Net;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Security;
using MissionPortal.IntegrationTests.Infrastructure;

namespace MissionPortal.IntegrationTests.Data;

/// <summary>What a start outside demo mode creates: the roles and the first administrator from configuration, nothing else.</summary>
public class StartupTests
{
    [Fact]
    public async Task Outside_demo_mode_there_is_no_demo_data_no_demo_account_and_the_login_page_lists_none()
    {
        using var factory = new ConfiguredFactory(("Demo:Enabled", "false"));
        var client = factory.CreatePortalClient();

        var page = await client.GetPageAsync("/account/login");

        Assert.Null(page.QuerySelector("[data-testid=demo-accounts]"));
        Assert.DoesNotContain("MissionDemo-2026", page.Source.Text, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(db => db.Missions.CountAsync()));
        Assert.Equal(0, await factory.QueryAsync(db => db.Users.CountAsync()));
        Assert.Equal(Roles.All.Order(), await factory.QueryAsync(db => db.Roles.Select(r => r.Name!).OrderBy(n => n).ToListAsync()));
        using var demoLogin = await client.LoginAsync("agency@demo.local");
        Assert.Equal(HttpStatusCode.OK, demoLogin.StatusCode);
    }

    [Fact]
    public async Task The_first_administrator_comes_from_configuration_and_can_log_in()
    {
        using var factory = new ConfiguredFactory(
            ("Demo:Enabled", "false"),
            ("Admin:Email", "chief@agency.example.ru"),
            ("Admin:Password", "Первый-администратор-2026"));
        var client = factory.CreatePortalClient();

        using var login = await client.LoginAsync("chief@agency.example.ru", "Первый-администратор-2026");

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var users = await client.GetPageAsync("/users");
        Assert.Contains("chief@agency.example.ru", users.QuerySelector("[data-testid=users]")!.TextContent, StringComparison.Ordinal);
        var roles = await factory.QueryAsync(db => db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).OrderBy(n => n).ToListAsync());
        Assert.Equal([Roles.Administrator, Roles.Agency], roles);
    }

    [Fact]
    public async Task The_rolling_log_file_is_written_into_the_data_folder()
    {
        using var factory = new ConfiguredFactory(("Demo:Enabled", "false"), ("Serilog:MinimumLevel:Default", "Information"));
        var client = factory.CreatePortalClient();
        await client.GetPageAsync("/account/login");
        var folder = Path.Combine(factory.DataPath, "logs");

        // The request is logged as its response completes, a moment after the client has it; on a busy
        // machine the file itself may appear a little later.
        var text = string.Empty;
        for (var attempt = 0; attempt < 100 && !text.Contains("/account/login", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(100);
            var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "portal-*.log") : [];
            if (files.Length == 0)
            {
                continue;
            }

            await using var stream = new FileStream(Assert.Single(files), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            text = await reader.ReadToEndAsync();
        }

        Assert.Contains("HTTP GET /account/login responded 200", text, StringComparison.Ordinal);
    }
}
