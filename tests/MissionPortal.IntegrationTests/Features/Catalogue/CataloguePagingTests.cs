using System.Globalization;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Features.Catalogue;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Features.Catalogue;

/// <summary>
/// The catalogue counts no further than a few pages beyond the one shown: past that it says «более N» and links the next
/// page. What it lists, in what order and on which page, is what the full count and sort of every match listed: the
/// walk along the name index (many matches) and the sort of the matches (few) give the same pages.
/// </summary>
public class CataloguePagingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Term = "Зюйдвест";

    // 118 products with the term in their text (5 of them deleted) and 40 of a company with the term in its name only:
    // 153 matches, 8 pages; 30 more of a company not yet approved, which nobody sees.
    private const int Matches = 153;

    private static readonly string[] Kinds = ["Флюгер", "Анемометр", "Барометр", "Гигрометр"];

    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Url(string q, int page) => $"/catalogue?q={Uri.EscapeDataString(q)}&page={S(page)}";

    private async Task AddProductsAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (await db.Organizations.AnyAsync(o => o.Name == "ООО «Зюйдвест Технологии»"))
        {
            return;
        }

        var region = await db.Regions.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
        var windy = new Organization("ООО «Северный ветер»", OrganizationKind.Company, region);
        var named = new Organization("ООО «Зюйдвест Технологии»", OrganizationKind.Company, region);
        var pending = new Organization("ООО «Зюйдвест-Ожидание»", OrganizationKind.Company, region);
        pending.MarkPending();
        var deleted = new List<Product>();
        for (var i = 0; i < 118; i++)
        {
            // Names repeat, within the company and across companies: the order falls back on the id.
            var product = windy.AddProduct($"{Kinds[i % 4]} {(i % 37).ToString("D2", CultureInfo.InvariantCulture)}", "Метеоприборы", i % 3 == 0 ? "В комплекте ЗЮЙДВЕСТ." : "Для капитанов; зюйдвёст в подарок.");
            if (i % 25 == 7)
            {
                deleted.Add(product);
            }
        }

        for (var i = 0; i < 40; i++)
        {
            named.AddProduct($"{Kinds[i % 4]} {(i % 11).ToString("D2", CultureInfo.InvariantCulture)}", "Метеоприборы", "Непромокаемые плащи.");
        }

        for (var i = 0; i < 30; i++)
        {
            pending.AddProduct($"{Kinds[i % 4]} {i.ToString("D2", CultureInfo.InvariantCulture)}", "Метеоприборы", "Зюйдвест из брезента.");
        }

        db.Organizations.AddRange(windy, named, pending);
        await db.SaveChangesAsync();
        deleted.ForEach(p => p.Delete(DateTime.UtcNow));
        await db.SaveChangesAsync();
    }

    /// <summary>Every match, in the catalogue's order, as the full sort of every match lists them.</summary>
    private Task<List<string>> AllMatchesAsync(string? q) =>
        factory.QueryAsync(db =>
        {
            var approved = db.Products.Where(p => p.Organization!.Status == OrganizationStatus.Approved);
            return (q is null ? approved : CatalogueSearch.Matching(db, approved, q)).OrderBy(p => p.Name).ThenBy(p => p.Id).Select(p => p.Name).ToListAsync();
        });

    private static List<string> Names(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=catalogue-item] .fw-semibold").Select(e => e.TextContent.Trim()).ToList();

    private static string Total(IHtmlDocument page) => page.QuerySelector("[data-testid=catalogue-total]")!.TextContent.Trim();

    private static List<string> PagerTexts(IHtmlDocument page) =>
        page.QuerySelectorAll(".pagination .page-link").Select(e => e.TextContent.Trim()).ToList();

    private static string? Next(IHtmlDocument page) => page.QuerySelector("[data-testid=catalogue-next]")?.GetAttribute("href");

    [Fact]
    public async Task A_common_term_says_more_than_the_bound_links_the_next_page_and_lists_what_the_full_sort_listed()
    {
        await AddProductsAsync();
        var expected = await AllMatchesAsync(Term);
        Assert.Equal(Matches, expected.Count);
        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);

        var first = await agency.GetPageAsync(Url(Term, 1));
        Assert.Equal("Найдено: более 100", Total(first));
        Assert.Equal(["1", "2", "3", "4", "5", "…", "Следующая ›"], PagerTexts(first));
        Assert.Equal($"/catalogue?q={Term}&page=2", Uri.UnescapeDataString(Next(first)!));

        // Page after page through the "next" link, as a user would: the bound moves with the page until the count is whole.
        var seen = new List<string>();
        var totals = new List<string>();
        var url = Url(Term, 1);
        for (var number = 1; url is not null; number++)
        {
            var page = await agency.GetPageAsync(url);
            var names = Names(page);
            Assert.Equal(expected.Skip((number - 1) * CatalogueController.PageSize).Take(CatalogueController.PageSize), names);
            seen.AddRange(names);
            totals.Add(Total(page));
            url = Next(page);
            Assert.True(number < 20, "the next link never ends");
        }

        Assert.Equal(expected, seen);
        Assert.Equal(["Найдено: более 100", "Найдено: более 120", "Найдено: более 140", "Найдено: 153", "Найдено: 153", "Найдено: 153", "Найдено: 153", "Найдено: 153"], totals);

        // Once the count is whole the pager links the last pages, and no page beyond the last one.
        var fourth = await agency.GetPageAsync(Url(Term, 4));
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8", "Следующая ›"], PagerTexts(fourth));
        var last = await agency.GetPageAsync(Url(Term, 8));
        Assert.Equal(["1", "2", "…", "6", "7", "8"], PagerTexts(last));
        Assert.Equal(13, Names(last).Count);

        // A page typed beyond the end: nothing listed, the whole count said.
        var beyond = await agency.GetPageAsync(Url(Term, 40));
        Assert.Empty(Names(beyond));
        Assert.Equal("Найдено: 153", Total(beyond));

        // Any page reached by its number directly lists what the full sort put there, whichever form of the query ran.
        for (var number = 1; number <= 8; number++)
        {
            Assert.Equal(expected.Skip((number - 1) * CatalogueController.PageSize).Take(CatalogueController.PageSize), Names(await agency.GetPageAsync(Url(Term.ToUpperInvariant(), number))));
        }
    }

    [Fact]
    public async Task The_whole_catalogue_says_more_than_the_bound_and_pages_in_name_order_in_russian_and_english()
    {
        await AddProductsAsync();
        var expected = await AllMatchesAsync(null);
        Assert.True(expected.Count > 160, $"{expected.Count} products");
        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);

        var first = await agency.GetPageAsync("/catalogue");
        Assert.Equal("Найдено: более 100", Total(first));
        Assert.Equal(expected.Take(20), Names(first));
        Assert.Equal("/catalogue?page=2", Next(first));
        var second = await agency.GetPageAsync("/catalogue?page=2");
        Assert.Equal("Найдено: более 120", Total(second));
        Assert.Equal(expected.Skip(20).Take(20), Names(second));
        Assert.Equal(["1", "2", "3", "4", "5", "6", "…", "Следующая ›"], PagerTexts(second));

        var lastNumber = (expected.Count + 19) / 20;
        var last = await agency.GetPageAsync($"/catalogue?page={S(lastNumber)}");
        Assert.Equal($"Найдено: {S(expected.Count)}", Total(last));
        Assert.Equal(expected.Skip((lastNumber - 1) * 20), Names(last));
        Assert.Null(Next(last));

        using (await agency.SwitchLanguageAsync("en-US", "/catalogue"))
        {
        }

        var english = await agency.GetPageAsync("/catalogue");
        Assert.Equal("Found: more than 100", Total(english));
        Assert.Contains("Next ›", PagerTexts(english));
    }
}
