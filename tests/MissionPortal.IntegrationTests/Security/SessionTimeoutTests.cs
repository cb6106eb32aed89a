using System.Net;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Security;

/// <summary>Idle and absolute session limits, on a portal whose clock the test moves forward.</summary>
public sealed class SessionTimeoutTests : IClassFixture<ClockPortalFactory>
{
    private readonly ClockPortalFactory _factory;

    public SessionTimeoutTests(ClockPortalFactory factory) => _factory = factory;

    [Fact]
    public async Task A_session_idle_for_more_than_30_minutes_is_sent_to_login()
    {
        var client = _factory.CreatePortalClient();
        await client.LoginAsAsync(DemoOptions.MinistryEmail);
        using (var fresh = await client.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        }

        _factory.Clock.Advance(TimeSpan.FromMinutes(31));
        using var idle = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
        Assert.StartsWith("/account/login", idle.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_active_session_slides_past_30_minutes_but_ends_12_hours_after_sign_in()
    {
        var client = _factory.CreatePortalClient();
        await client.LoginAsAsync(DemoOptions.AgencyEmail);
        var step = TimeSpan.FromMinutes(25);
        var elapsed = TimeSpan.Zero;

        // A page every 25 minutes keeps the session alive (each one renews the cookie) up to 12 hours.
        while (elapsed + step <= TimeSpan.FromHours(12))
        {
            _factory.Clock.Advance(step);
            elapsed += step;
            using var page = await client.GetAsync("/");
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"after {elapsed}: {(int)page.StatusCode}");
        }

        _factory.Clock.Advance(step);
        using var late = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, late.StatusCode);
        Assert.StartsWith("/account/login", late.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
