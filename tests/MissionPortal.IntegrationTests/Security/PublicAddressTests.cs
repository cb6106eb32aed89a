using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Security;

/// <summary>A published portal (Production) with its public address configured.</summary>
public sealed class PublishedPortalFactory : PortalFactory
{
    public const string PublicUrl = "https://missions.example.ru";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("Portal:PublicUrl", PublicUrl);
    }
}

/// <summary>Absolute links come from Portal:PublicUrl, and a published portal answers no other host.</summary>
public sealed class PublicAddressTests(PublishedPortalFactory factory) : IClassFixture<PublishedPortalFactory>
{
    [Fact]
    public async Task Another_host_is_refused_and_the_public_one_is_served()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri(PublishedPortalFactory.PublicUrl),
        });

        using var forged = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        forged.Headers.Host = "evil.example";
        using var refused = await client.SendAsync(forged);
        using var served = await client.GetAsync("/account/login");
        using var probe = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        probe.Headers.Host = "10.0.0.7:8080";
        using var health = await client.SendAsync(probe);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Badge_QR_links_point_to_the_public_address_whatever_host_the_request_named()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri(PublishedPortalFactory.PublicUrl),
        });
        await client.LoginAsAsync(DemoOptions.AgencyEmail);
        var delegation = await factory.ResolveAsync("{petersburg-delegation}");

        using var badges = await client.GetAsync($"/rosters/{delegation}/badges");

        Assert.Equal(HttpStatusCode.OK, badges.StatusCode);
        var pdf = Encoding.Latin1.GetString(await badges.Content.ReadAsByteArrayAsync());
        Assert.Contains("(https://missions.example.ru/check-in?t=", pdf, StringComparison.Ordinal);
        Assert.DoesNotContain("localhost", pdf, StringComparison.Ordinal);
    }
}
