using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Security;

/// <summary>A portal of its own with a login limit of three attempts an hour per address.</summary>
public sealed class RateLimitedPortalFactory : PortalFactory
{
    public const int LoginLimit = 3;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimiting:Login:PermitLimit", LoginLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimiting:Login:WindowSeconds", "3600");
    }
}

public sealed class RateLimitTests(RateLimitedPortalFactory factory) : IClassFixture<RateLimitedPortalFactory>
{
    [Fact]
    public async Task Login_attempts_past_the_limit_get_429_in_Russian_and_never_reach_the_password_check()
    {
        var client = factory.CreatePortalClient();
        for (var attempt = 0; attempt < RateLimitedPortalFactory.LoginLimit; attempt++)
        {
            using var wrong = await client.LoginAsync(DemoOptions.MinistryEmail, "неверный пароль номер " + attempt);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var failuresBefore = await FailuresAsync();
        using var refused = await client.LoginAsync(DemoOptions.MinistryEmail, DemoOptions.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null, "a Retry-After header tells when to come back");
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Слишком много запросов", html, StringComparison.Ordinal);
        Assert.Contains("Подождите минуту и повторите.", html, StringComparison.Ordinal);
        Assert.Equal(failuresBefore, await FailuresAsync());
        Assert.Equal(RateLimitedPortalFactory.LoginLimit, failuresBefore);

        // Reading the login page is not limited; only the POST is.
        using var page = await client.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    private Task<int> FailuresAsync() =>
        factory.QueryAsync(db => db.Users.Where(u => u.Email == DemoOptions.MinistryEmail).Select(u => u.AccessFailedCount).SingleAsync());
}
