using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MissionPortal.Core.Data.Demo;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.BrowserTests;

/// <summary>One main page as a role sees it: who (null: anonymous), in which language, at which address.</summary>
public sealed record MainPage(string? Email, string Language, string Path)
{
    public string Role => Email switch
    {
        null => "anonymous",
        DemoOptions.AgencyEmail => "agency",
        DemoOptions.MinistryEmail => "ministry",
        DemoOptions.CompanyEmail => "company",
        DemoOptions.HostCompanyEmail => "host",
        _ => Email,
    };

    /// <summary>A file name: role, language and the address with its ids kept.</summary>
    public string Name(string resolvedPath)
    {
        var slug = new string(resolvedPath.Trim('/').Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());
        return $"{Role}-{Language}-{(slug.Length == 0 ? "home" : slug)}";
    }
}

/// <summary>
/// The main pages of every role, the ones people open every day: every link of each role's top menu and the pages of
/// a mission one step below them. The accessibility, layout and HTML checks walk this list.
/// </summary>
public static class MainPages
{
    private static readonly string[] Anonymous =
    [
        "/account/login", "/registration", "/privacy", "/account/forgot-password",
    ];

    private static readonly string[] Agency =
    [
        "/", "/missions", "/missions/create", "/missions/details/{kaluga}", "/missions/edit/{kaluga}",
        "/programme/{kaluga}", "/programme/{kaluga}/items/new", "/programme/items/{item}/edit", "/programme/{kaluga}/print",
        "/programme/{kaluga}/changes", "/missions/{kaluga}/participants", "/rosters/{kaluga-delegation}",
        "/rosters/{petersburg-delegation}", "/check-in/mission/{petersburg}", "/results/{kaluga}",
        "/b2b/sessions/{b2b-session}", "/b2b/sessions/{b2b-session}/plan",
        "/agreements", "/agreements/{agreement}", "/reports", "/reports/{petersburg}",
        "/companies", "/organisations", "/people", "/catalogue", "/venues", "/travel-times", "/regions", "/audit",
        "/users", "/notifications", "/account/manage",
    ];

    private static readonly string[] Ministry =
    [
        "/", "/missions", "/missions/details/{petersburg}", "/programme/{petersburg}", "/programme/{petersburg}/print",
        "/rosters/{petersburg-delegation}", "/agreements", "/agreements/{agreement}", "/reports", "/reports/{petersburg}",
        "/catalogue", "/venues", "/audit", "/notifications",
    ];

    private static readonly string[] Company =
    [
        "/", "/missions", "/missions/details/{kaluga}", "/programme/{kaluga}/print", "/rosters/{kaluga-delegation}",
        "/company", "/products", "/products/new", "/applications", "/applications/{kaluga}", "/b2b", "/b2b/{b2b-session}",
        "/b2b/{b2b-session}/companies", "/b2b/{b2b-session}/schedule", "/results/{kaluga}", "/catalogue", "/notifications",
        "/account/manage", "/personal-data",
    ];

    private static readonly string[] Host =
    [
        "/", "/missions", "/company", "/products", "/applications", "/b2b", "/catalogue",
    ];

    public static IReadOnlyList<MainPage> All { get; } =
    [
        .. Anonymous.Select(p => new MainPage(null, "ru", p)),
        .. Agency.Select(p => new MainPage(DemoOptions.AgencyEmail, "ru", p)),
        .. Ministry.Select(p => new MainPage(DemoOptions.MinistryEmail, "ru", p)),
        .. Company.Select(p => new MainPage(DemoOptions.CompanyEmail, "ru", p)),
        .. Company.Select(p => new MainPage(DemoOptions.CompanyEmail, "en", p)),
        .. Host.Select(p => new MainPage(DemoOptions.HostCompanyEmail, "ru", p)),
    ];

    /// <summary>Signs in (or not) and chooses the language through the portal's own forms.</summary>
    public static async Task EnterAsync(IPage page, string? email, string language)
    {
        if (email is not null)
        {
            await page.GotoAsync("/account/login");
            await page.GetByLabel("Электронная почта").FillAsync(email);
            await page.GetByLabel("Пароль").FillAsync(DemoOptions.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Войти" }).ClickAsync();
            await Assertions.Expect(page.Locator("h1")).Not.ToHaveTextAsync("Вход в портал");
        }

        if (language == "en")
        {
            await page.GotoAsync(email is null ? "/account/login" : "/");
            // Below 1200 px the language buttons are in the folded menu.
            if (await page.Locator(".navbar-toggler").IsVisibleAsync())
            {
                await page.Locator(".navbar-toggler").ClickAsync();
            }

            await page.Locator("button[name=culture][value=en-US]").ClickAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        }
    }

    /// <summary>Replaces the placeholders of <see cref="All"/> with the demo data's ids.</summary>
    public static async Task<Func<string, string>> ResolverAsync(BrowserPortal portal)
    {
        var ids = await portal.QueryAsync(async db =>
        {
            var missions = await db.Missions.Select(m => new { m.Id, m.Title }).ToListAsync();
            var kaluga = missions.Single(m => m.Title == DemoData.KalugaMissionTitle).Id;
            var petersburg = missions.Single(m => m.Title == DemoData.PetersburgMissionTitle).Id;
            var delegations = await db.Delegations.Where(d => d.Side == DelegationSide.Visiting).Select(d => new { d.Id, d.MissionId }).ToListAsync();
            var item = await db.ProgrammeItems.Where(i => i.MissionId == kaluga).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
            var session = await db.B2bSessions.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
            var agreement = await db.Agreements.Where(a => a.Title == DemoData.PetersburgAgreementTitle).Select(a => a.Id).SingleAsync();
            return new Dictionary<string, int>
            {
                ["{kaluga}"] = kaluga,
                ["{petersburg}"] = petersburg,
                ["{kaluga-delegation}"] = delegations.First(d => d.MissionId == kaluga).Id,
                ["{petersburg-delegation}"] = delegations.First(d => d.MissionId == petersburg).Id,
                ["{item}"] = item,
                ["{b2b-session}"] = session,
                ["{agreement}"] = agreement,
            };
        });
        return path => ids.Aggregate(path, (url, id) => url.Replace(id.Key, id.Value.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }
}
