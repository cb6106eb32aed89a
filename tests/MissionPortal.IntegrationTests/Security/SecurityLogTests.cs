using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Security;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;
using MissionPortal.Web.Infrastructure.Security;

namespace MissionPortal.IntegrationTests.Security;

/// <summary>A portal of its own that logs everything down to Debug, the framework included, into its data folder.</summary>
public sealed class VerboseLogPortalFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Debug");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft", "Debug");
        builder.UseSetting("Serilog:MinimumLevel:Override:System", "Debug");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore.Database.Command", "Debug");
    }

    /// <summary>Everything the portal has written to its log files so far.</summary>
    public string ReadLogs()
    {
        var folder = Path.Combine(DataPath, "logs");
        return string.Concat(Directory.EnumerateFiles(folder, "*.log").Order(StringComparer.Ordinal).Select(file =>
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }));
    }
}

public sealed class SecurityLogTests(VerboseLogPortalFactory factory) : IClassFixture<VerboseLogPortalFactory>
{
    private const string DistinctivePassword = "Журнал-не-видит-этот-пароль-4729";

    [Fact]
    public async Task Failed_logins_and_refused_access_are_logged_with_the_user_but_no_password_cookie_or_token_is()
    {
        var agency = factory.CreatePortalClient();
        string antiforgeryCookie;
        using (var loginPage = await agency.GetAsync("/account/login"))
        {
            antiforgeryCookie = loginPage.CookieValue(SessionCookies.AntiforgeryCookieName)!;
        }

        string authCookie;
        using (var login = await agency.LoginAsync(DemoOptions.AgencyEmail))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
            authCookie = login.CookieValue(SessionCookies.AuthCookieName)!;
        }

        var stranger = factory.CreatePortalClient();
        using (var failed = await stranger.LoginAsync(DemoOptions.MinistryEmail, DistinctivePassword))
        {
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        }

        var unknownEmail = $"nobody-{Guid.NewGuid():N}@example.ru";
        using (var unknown = await stranger.LoginAsync(unknownEmail, DistinctivePassword + "-2"))
        {
            Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        }

        var token = await agency.AntiforgeryTokenAsync("/users/create");
        var createdEmail = $"logged-{Guid.NewGuid():N}@example.ru";
        using (var posted = await agency.PostAsync("/users/create", new FormUrlEncodedContent(
            [new("Email", createdEmail), new("Password", DistinctivePassword + "-3"), new("DisplayName", "Журнальный Проверяющий"), new("Roles", Roles.Ministry), new("__RequestVerificationToken", token)])))
        {
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        }

        var ministry = factory.CreatePortalClient();
        await ministry.LoginAsAsync(DemoOptions.MinistryEmail);
        using (var denied = await ministry.GetAsync("/users"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        }

        var ministryId = await factory.QueryAsync(db => db.Users.Where(u => u.Email == DemoOptions.MinistryEmail).Select(u => u.Id).SingleAsync());
        var logs = factory.ReadLogs();

        Assert.False(string.IsNullOrEmpty(antiforgeryCookie));
        Assert.Contains($"Failed sign-in for user {ministryId}", logs, StringComparison.Ordinal);
        // An unknown address is kept as its first letter, its domain and a fingerprint: a password typed there is not.
        Assert.Contains("Failed sign-in for unknown e-mail n***@example.ru #", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(unknownEmail, logs, StringComparison.Ordinal);
        Assert.Contains($"Access denied: user {ministryId} to GET /users", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(DistinctivePassword, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoOptions.Password, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(authCookie, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(authCookie[..40], logs, StringComparison.Ordinal);
        Assert.DoesNotContain(antiforgeryCookie[..40], logs, StringComparison.Ordinal);
        Assert.DoesNotContain(token[..40], logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_line_break_can_t_forge_a_log_line_a_password_typed_as_the_address_and_calendar_keys_are_not_logged()
    {
        const string forged = "2026-01-01 00:00:00.000 +00:00 [ERR] Forged line";
        var ministry = factory.CreatePortalClient();
        await ministry.LoginAsAsync(DemoOptions.MinistryEmail);
        using (var missing = await ministry.GetAsync("/no-such-page%0D%0A" + Uri.EscapeDataString(forged) + "%E2%80%A8x"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        var stranger = factory.CreatePortalClient();
        using (var typedPassword = await stranger.LoginAsync("Секрет@Пароль2026Word", DistinctivePassword))
        {
            Assert.Equal(HttpStatusCode.OK, typedPassword.StatusCode);
        }

        using (var forgedEmail = await stranger.LoginAsync("nobody@example.ru\r\n" + forged, DistinctivePassword))
        {
            Assert.Equal(HttpStatusCode.OK, forgedEmail.StatusCode);
        }

        var calendarKey = await factory.QueryAsync(db => db.Missions.Select(m => m.CalendarToken).FirstAsync());
        using (var calendar = await factory.CreatePortalClient().GetAsync($"/calendar/{calendarKey}.ics"))
        {
            Assert.Equal(HttpStatusCode.OK, calendar.StatusCode);
        }

        var logs = factory.ReadLogs();
        var lines = logs.Split('\n');
        Assert.DoesNotContain(lines, line => line.StartsWith(forged, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.StartsWith("x", StringComparison.Ordinal));
        Assert.Contains("/no-such-page\\r\\n2026-01-01", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("Пароль2026Word", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(calendarKey, logs, StringComparison.Ordinal);
        Assert.Contains("/calendar/***.ics", logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeated_failed_sign_ins_are_logged_with_the_user_id_and_lock_nothing()
    {
        var email = await factory.CreateUserAsync(Roles.Ministry);
        var id = await factory.QueryAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var client = factory.CreatePortalClient();

        for (var attempt = 0; attempt < 6; attempt++)
        {
            using var wrong = await client.LoginAsync(email, DistinctivePassword);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var logs = factory.ReadLogs();
        Assert.Contains($"Failed sign-in for user {id}", logs, StringComparison.Ordinal);
        Assert.DoesNotContain($"User {id} locked out", logs, StringComparison.Ordinal);
        Assert.DoesNotContain(DistinctivePassword, logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_company_s_record_answered_404_is_logged_with_the_user_id_for_GET_and_POST()
    {
        var company = factory.CreatePortalClient();
        await company.LoginAsAsync(DemoOptions.CompanyEmail);
        var companyUser = await factory.QueryAsync(db => db.Users.Where(u => u.Email == DemoOptions.CompanyEmail).Select(u => new { u.Id, u.OrganizationId }).SingleAsync());
        var petersburg = await factory.ResolveAsync("{petersburg}");
        var foreign = await factory.QueryAsync(db => db.Participants.Where(p => p.OrganizationId != companyUser.OrganizationId).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());
        var token = await company.AntiforgeryTokenAsync("/account/manage");

        await company.GetPageAsync($"/missions/details/{petersburg}", HttpStatusCode.NotFound);
        using (var refused = await company.PostAsync($"/applications/participants/{foreign}/withdraw", new FormUrlEncodedContent([new("__RequestVerificationToken", token)])))
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        // The line is written as the response completes, a moment after the client has it.
        var expected = $"Not found: user {companyUser.Id} to POST /applications/participants/{foreign}/withdraw";
        var logs = factory.ReadLogs();
        for (var attempt = 0; attempt < 100 && !logs.Contains(expected, StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(100);
            logs = factory.ReadLogs();
        }

        Assert.Contains($"Not found: user {companyUser.Id} to GET /missions/details/{petersburg}", logs, StringComparison.Ordinal);
        Assert.Contains(expected, logs, StringComparison.Ordinal);
        Assert.DoesNotContain($"to GET /error/404", logs, StringComparison.Ordinal);
    }
}
