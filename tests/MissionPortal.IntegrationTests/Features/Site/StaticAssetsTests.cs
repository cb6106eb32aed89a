using System.Net;
using System.Text.RegularExpressions;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Features.Site;

/// <summary>
/// What every visitor's browser and every crawler gets before any page: the stylesheets fingerprinted, compressed and
/// cached for a year, a robots.txt instead of a redirect to the login page, a description of the portal.
/// </summary>
[Collection(PortalCollection.Name)]
public partial class StaticAssetsTests(PortalFactory factory)
{
    [Fact]
    public async Task Robots_txt_is_plain_text_for_anyone_and_keeps_crawlers_out_of_the_private_pages()
    {
        using var response = await factory.CreatePortalClient().GetAsync("/robots.txt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var robots = await response.Content.ReadAsStringAsync();
        Assert.Contains("User-agent: *", robots, StringComparison.Ordinal);
        Assert.Contains("Disallow: /\n", robots.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("Allow: /account/login", robots, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gzip, deflate, br, zstd")] // what a browser asks for
    [InlineData("gzip")]
    public async Task The_layout_links_a_fingerprinted_stylesheet_sent_compressed_and_cached_for_a_year(string encoding)
    {
        var client = factory.CreatePortalClient();
        var page = await client.GetPageAsync("/account/login");
        var links = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href") ?? string.Empty).ToList();
        var bootstrap = Assert.Single(links, href => href.StartsWith("/lib/bootstrap/css/bootstrap.min.", StringComparison.Ordinal));
        Assert.Matches(Fingerprinted(), bootstrap);
        Assert.Contains(links, href => Fingerprinted().IsMatch(href) && href.StartsWith("/css/site.", StringComparison.Ordinal));

        using var request = new HttpRequestMessage(HttpMethod.Get, bootstrap);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        var cache = response.Headers.CacheControl;
        Assert.NotNull(cache);
        Assert.True(cache.MaxAge >= TimeSpan.FromDays(365), $"Cache-Control: {cache}");
        Assert.Contains(cache.Extensions, e => e.Name == "immutable");
        // Development and test builds carry the gzip copy; a published build has Brotli too and prefers it.
        var sent = Assert.Single(response.Content.Headers.ContentEncoding);
        Assert.Contains(sent, encoding.Contains("br", StringComparison.Ordinal) ? new[] { "br", "gzip" } : new[] { "gzip" });
        // The body is the encoded stream (gzip starts 1F 8B). Its size is not checked: run from a build, the framework
        // encodes the file as it reads it (for hot reload); a published portal sends the build's smallest .gz/.br copy.
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (sent == "gzip")
        {
            Assert.Equal([0x1f, 0x8b], bytes[..2]);
        }
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Without_Accept_Encoding_the_stylesheet_comes_whole()
    {
        var client = factory.CreatePortalClient();
        var page = await client.GetPageAsync("/account/login");
        var href = page.QuerySelector("link[rel=stylesheet]")?.GetAttribute("href");

        using var response = await client.GetAsync(href);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.StartsWith("@charset", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/account/login", false, "ru-RU", "подготовка межрегиональных бизнес-миссий")]
    [InlineData("/", true, "ru-RU", "подготовка межрегиональных бизнес-миссий")]
    [InlineData("/account/login", false, "en-US", "prepares interregional business missions")]
    public async Task Every_page_describes_the_portal_in_its_language(string url, bool signedIn, string culture, string expected)
    {
        var client = factory.CreatePortalClient();
        if (culture != "ru-RU")
        {
            (await client.SwitchLanguageAsync(culture)).Dispose();
        }

        if (signedIn)
        {
            await client.LoginAsAsync(DemoOptions.AgencyEmail);
        }

        var page = await client.GetPageAsync(url);

        var description = page.QuerySelector("head meta[name=description]")?.GetAttribute("content");
        Assert.NotNull(description);
        Assert.Contains(expected, description, StringComparison.Ordinal);
    }

    /// <summary>name.{fingerprint}.css: the build's content hash in the file name, no ?v= query.</summary>
    [GeneratedRegex(@"^/[\w/.-]+\.[a-z0-9]{6,}\.css$")]
    private static partial Regex Fingerprinted();
}
