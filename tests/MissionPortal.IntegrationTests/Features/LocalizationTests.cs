using System.Net;
using System.Text.RegularExpressions;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Features;

/// <summary>The language switch works on every page: after it, no interface text is left in Russian.</summary>
[Collection(PortalCollection.Name)]
public partial class LocalizationTests(PortalFactory factory)
{
    public static TheoryData<string, string> Pages => new()
    {
        { DemoOptions.AgencyEmail, "/" },
        { DemoOptions.AgencyEmail, "/missions" },
        { DemoOptions.AgencyEmail, "/missions/details/{kaluga}" },
        { DemoOptions.AgencyEmail, "/missions/details/{petersburg}" },
        { DemoOptions.AgencyEmail, "/users" },
        { DemoOptions.AgencyEmail, "/users/create" },
        { DemoOptions.AgencyEmail, "/programme/{kaluga}" },
        { DemoOptions.AgencyEmail, "/programme/{petersburg}/items/new" },
        { DemoOptions.AgencyEmail, "/programme/{petersburg}/changes" },
        { DemoOptions.AgencyEmail, "/missions/create" },
        { DemoOptions.AgencyEmail, "/venues" },
        { DemoOptions.AgencyEmail, "/venues/create" },
        { DemoOptions.AgencyEmail, "/travel-times" },
        { DemoOptions.AgencyEmail, "/users/edit/{user}" },
        { DemoOptions.AgencyEmail, "/account/manage" },
        { DemoOptions.AgencyEmail, "/companies" },
        { DemoOptions.AgencyEmail, "/catalogue" },
        { DemoOptions.CompanyEmail, "/company" },
        { DemoOptions.CompanyEmail, "/applications" },
        { DemoOptions.CompanyEmail, "/applications/{kaluga}" },
        { DemoOptions.AgencyEmail, "/missions/{kaluga}/participants" },
        { DemoOptions.AgencyEmail, "/missions/{kaluga}/import" },
        { DemoOptions.CompanyEmail, "/products" },
        { DemoOptions.CompanyEmail, "/products/new" },
        { DemoOptions.MinistryEmail, "/" },
        { DemoOptions.MinistryEmail, "/programme/{petersburg}/print" },
        { DemoOptions.CompanyEmail, "/" },
        { DemoOptions.AgencyEmail, "/rosters/{petersburg-delegation}" },
        { DemoOptions.MinistryEmail, "/rosters/{petersburg-delegation}?itemId={oncology-visit}&byOrganization=true" },
        { DemoOptions.MinistryEmail, "/rosters/pass-list/{oncology-visit}" },
        { DemoOptions.AgencyEmail, "/check-in/mission/{petersburg}?itemId={oncology-visit}" },
        { DemoOptions.MinistryEmail, "/agreements" },
        { DemoOptions.AgencyEmail, "/agreements/create" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task After_the_switch_the_interface_is_English(string email, string url)
    {
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(email);
        var page = await factory.ResolveAsync(url);
        using (var switched = await client.SwitchLanguageAsync("en-US", page))
        {
            Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
            Assert.Equal(page, switched.Headers.Location!.OriginalString);
        }

        var english = await client.GetPageAsync(page);

        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Sign out", english.QuerySelector("nav")!.TextContent, StringComparison.Ordinal);
        // Interface text comes from the resources; what stays Russian is data (names, titles, places):
        // pages mark data inside labels with class "data", and it is left out here.
        foreach (var data in english.QuerySelectorAll(".data").ToList())
        {
            data.Remove();
        }

        var chrome = english.QuerySelectorAll("nav.navbar a, nav.navbar button, th, label, legend, .card-header > span:last-child, .badge, .breadcrumb-item.active")
            .Select(e => e.TextContent.Trim())
            .Where(t => Cyrillic().IsMatch(t))
            .ToList();
        Assert.True(chrome.Count == 0, "Russian left in the English interface: " + string.Join(" / ", chrome));

        using (await client.SwitchLanguageAsync("ru-RU", page))
        {
        }

        var russian = await client.GetPageAsync(page);
        Assert.Equal("ru", russian.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Выйти", russian.QuerySelector("nav")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_login_page_switches_before_signing_in()
    {
        var client = factory.CreatePortalClient();
        using (await client.SwitchLanguageAsync("en-US"))
        {
        }

        var page = await client.GetPageAsync("/account/login");

        Assert.Equal("Sign in to the portal", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Demo accounts", page.QuerySelector("[data-testid=demo-accounts] .card-header")!.TextContent.Trim());
    }

    [Fact]
    public async Task An_unknown_culture_falls_back_to_Russian()
    {
        var client = factory.CreatePortalClient();
        using (await client.SwitchLanguageAsync("xx-XX"))
        {
        }

        var page = await client.GetPageAsync("/account/login");

        Assert.Equal("ru", page.DocumentElement.GetAttribute("lang"));
    }

    [GeneratedRegex("[А-Яа-яЁё]")]
    private static partial Regex Cyrillic();
}
