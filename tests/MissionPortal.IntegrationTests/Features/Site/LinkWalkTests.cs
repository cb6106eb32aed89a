using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data.Demo;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Features.Site;

/// <summary>
/// Every link a mission's pages show opens for the person it is shown to (agency, ministry, a company): none leads
/// to a 404 or a 403; and every «Отмена» on the pages each of them reaches leads to a page they can open.
/// </summary>
public class LinkWalkTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly HtmlParser Parser = new();

    public static TheoryData<string> Users => [DemoOptions.AgencyEmail, DemoOptions.MinistryEmail, DemoOptions.CompanyEmail, DemoOptions.HostCompanyEmail];

    /// <summary>Those who see a seed mission's pages (the host region's company takes part in neither delegation).</summary>
    public static TheoryData<string> MissionViewers => [DemoOptions.AgencyEmail, DemoOptions.MinistryEmail, DemoOptions.CompanyEmail];

    /// <summary>Links worth following: this site's pages, not a sign-out, a file, a feed or a fragment.</summary>
    private static bool Followable(string href) =>
        href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal)
        && !href.Contains("logout", StringComparison.OrdinalIgnoreCase)
        && !new[] { ".ics", ".pdf", ".xlsx", ".docx", ".csv", "/pdf", "/xlsx", "/docx", "/export", "/download" }.Any(t => href.Contains(t, StringComparison.OrdinalIgnoreCase))
        && !href.StartsWith("/files/", StringComparison.OrdinalIgnoreCase)
        && !href.StartsWith("/lib/", StringComparison.OrdinalIgnoreCase)
        && !href.StartsWith("/css/", StringComparison.OrdinalIgnoreCase)
        && !href.StartsWith("/js/", StringComparison.OrdinalIgnoreCase);

    private static string WithoutFragment(string href) => href.Split('#')[0] is { Length: > 0 } path ? path : "/";

    private static async Task<(HttpStatusCode Status, AngleSharp.Html.Dom.IHtmlDocument? Page)> OpenAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var html = response.Content.Headers.ContentType?.MediaType == "text/html" ? await response.Content.ReadAsStringAsync() : null;
        return (response.StatusCode, html is null ? null : await Parser.ParseDocumentAsync(html));
    }

    [Theory]
    [MemberData(nameof(MissionViewers))]
    public async Task Every_link_on_every_mission_page_opens_for_whoever_sees_it(string email)
    {
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(email);
        var missions = await factory.QueryAsync(db => db.Missions.Where(m => m.Title == DemoData.KalugaMissionTitle || m.Title == DemoData.PetersburgMissionTitle).Select(m => m.Id).ToListAsync());

        var broken = new List<string>();
        var checkedLinks = 0;
        foreach (var id in missions)
        {
            foreach (var url in new[] { $"/missions/details/{id}", $"/programme/{id}", $"/programme/{id}/print" })
            {
                var (status, page) = await OpenAsync(client, url);
                if (status != HttpStatusCode.OK || page is null)
                {
                    continue; // a page this user does not reach is not shown to them as a link either (checked below)
                }

                foreach (var href in page.QuerySelectorAll("main a[href]").Select(a => a.GetAttribute("href")!).Where(Followable).Select(WithoutFragment).Distinct())
                {
                    var (linked, _) = await OpenAsync(client, href);
                    checkedLinks++;
                    if (linked is HttpStatusCode.NotFound or HttpStatusCode.Forbidden || (int)linked >= 500)
                    {
                        broken.Add($"{url} → {href}: {(int)linked}");
                    }
                }
            }
        }

        Assert.True(checkedLinks > 3, $"only {checkedLinks} links were walked");
        Assert.True(broken.Count == 0, $"{email}: {string.Join("\n", broken)}");
    }

    [Theory]
    [MemberData(nameof(Users))]
    public async Task Every_cancel_link_leads_to_a_page_its_user_can_open(string email)
    {
        var client = factory.CreatePortalClient();
        await client.LoginAsAsync(email);

        // Walk the pages the user reaches from the home page, three links deep, and try every «Отмена» on them.
        var seen = new HashSet<string>(StringComparer.Ordinal) { "/" };
        var frontier = new List<string> { "/" };
        var cancels = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var depth = 0; depth < 3 && frontier.Count > 0; depth++)
        {
            var next = new List<string>();
            foreach (var url in frontier)
            {
                var (status, page) = await OpenAsync(client, url);
                if (status != HttpStatusCode.OK || page is null)
                {
                    continue;
                }

                foreach (var a in page.QuerySelectorAll("main a[href]"))
                {
                    var href = a.GetAttribute("href")!;
                    if (!Followable(href))
                    {
                        continue;
                    }

                    var path = WithoutFragment(href);
                    if (a.TextContent.Trim() is "Отмена" or "Cancel")
                    {
                        cancels.TryAdd(path, url);
                    }
                    else if (seen.Count < 250 && seen.Add(path))
                    {
                        next.Add(path);
                    }
                }
            }

            frontier = next;
        }

        var broken = new List<string>();
        foreach (var (cancel, from) in cancels)
        {
            var (status, _) = await OpenAsync(client, cancel);
            if ((int)status >= 400)
            {
                broken.Add($"{from}: «Отмена» → {cancel}: {(int)status}");
            }
        }

        Assert.True(broken.Count == 0, $"{email}: {string.Join("\n", broken)}");
    }
}
