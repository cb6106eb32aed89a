using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.IntegrationTests.Infrastructure;

namespace MissionPortal.IntegrationTests.Security;

[Collection(PortalCollection.Name)]
public class SecurityHeadersTests(PortalFactory factory)
{
    public static TheoryData<string, bool, int> Responses => new()
    {
        { "/account/login", false, 200 },    // a page
        { "/", true, 200 },                  // a signed-in page
        { "/css/site.css", false, 200 },     // a static file
        { "/no-such-page", true, 404 },      // an error page
        { "/missions", false, 302 },         // a redirect to the login page
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Every_kind_of_response_carries_the_security_headers(string url, bool signedIn, int status)
    {
        // A public host name: HSTS is never sent to localhost, where it would pin every local site to https.
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://portal.example.ru") });
        if (signedIn)
        {
            await client.LoginAsAsync(MissionPortal.Web.Infrastructure.Database.DemoOptions.AgencyEmail);
        }

        using var response = await client.GetAsync(url);

        Assert.Equal(status, (int)response.StatusCode);
        AssertSecurityHeaders(response, expectHsts: true);
    }

    [Fact]
    public async Task The_content_security_policy_allows_no_inline_script_and_no_framing()
    {
        using var response = await factory.CreatePortalClient().GetAsync("/account/login");

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kestrel_sends_no_Server_header()
    {
        using var kestrel = new PortalFactory();
        kestrel.UseKestrel(0);
        kestrel.StartServer();
        var address = kestrel.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal)) };

        using var page = await http.GetAsync("/account/login");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Server"), "Server: " + string.Join(", ", page.Headers.TryGetValues("Server", out var v) ? v : []));
        // Plain http: no HSTS (it only means something over https); the rest as everywhere.
        AssertSecurityHeaders(page, expectHsts: false);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response, bool expectHsts)
    {
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"));
        if (expectHsts)
        {
            Assert.StartsWith("max-age=31536000", Header(response, "Strict-Transport-Security"), StringComparison.Ordinal);
        }
        else
        {
            Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        }
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage?.RequestUri}: no {name} header");
}
