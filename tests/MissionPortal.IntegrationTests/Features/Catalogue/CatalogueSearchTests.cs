using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MissionPortal.Core.Data;
using MissionPortal.Core.Data.Demo;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.DataGenerator;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Features.Catalogue;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Features.Catalogue;

/// <summary>
/// The catalogue's search through the trigram index finds exactly what a scan of every product finds (the folded term in
/// the folded product text, or the term in the company name in any case), and the index follows every write the
/// triggers are there for. On SQLite the index is the FTS5 tables ProductSearch and OrganizationSearch; on PostgreSQL the
/// pg_trgm GIN indexes on the tables themselves, which the server keeps with every write.
/// </summary>
public class CatalogueSearchTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string Url(string q) => "/catalogue?q=" + Uri.EscapeDataString(q);


    private async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    private async Task<int[]> IndexedIdsAsync(string q) =>
        await factory.QueryAsync(db => CatalogueSearch.Matching(db, db.Products, q).Select(p => p.Id).Order().ToArrayAsync());

    /// <summary>The same search tested on each product in turn, as a page of a common term runs it.</summary>
    private async Task<int[]> RowByRowIdsAsync(string q) =>
        await factory.QueryAsync(db => CatalogueSearch.MatchingRowByRow(db, db.Products, q).Select(p => p.Id).Order().ToArrayAsync());

    /// <summary>
    /// The reference the index must agree with, computed here over every product: the folded term in the folded text,
    /// or the term in the company's name — in any case once the term is long enough for the index (shorter terms keep
    /// the exact-case scan on SQLite; ILIKE on PostgreSQL ignores case at any length).
    /// </summary>
    private async Task<int[]> ScannedIdsAsync(string q)
    {
        var typed = q.Trim();
        var folded = Product.Fold(typed);
        var anyCase = TestDatabase.IsPostgreSql
            || (typed.EnumerateRunes().Count() >= CatalogueSearch.IndexedLength && folded.EnumerateRunes().Count() >= CatalogueSearch.IndexedLength);
        var products = await factory.QueryAsync(db => db.Products.Select(p => new { p.Id, p.SearchText, Company = p.Organization!.Name }).ToListAsync());
        return products
            .Where(p => p.SearchText.Contains(folded, StringComparison.Ordinal)
                || p.Company.Contains(typed, anyCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
            .Select(p => p.Id)
            .Order()
            .ToArray();
    }

    /// <summary>Whether the product is in the index: its row in ProductSearch on SQLite; on PostgreSQL the index is on the row itself.</summary>
    private async Task<bool> IndexedAsync(int productId) =>
        await factory.QueryAsync(async db => TestDatabase.IsPostgreSql
            ? await db.Products.IgnoreQueryFilters().AnyAsync(p => p.Id == productId)
            : await db.Database.SqlQuery<int>($"SELECT count(*) AS Value FROM ProductSearch WHERE rowid = {productId}").SingleAsync() == 1);

    /// <summary>On SQLite, the FTS5 tables hold one row per product and per company; on PostgreSQL, the trigram indexes exist.</summary>
    private async Task AssertIndexesCompleteAsync()
    {
        if (TestDatabase.IsPostgreSql)
        {
            var indexes = await factory.QueryAsync(db => db.Database
                .SqlQuery<string>($"SELECT indexdef AS \"Value\" FROM pg_indexes WHERE indexname IN ({PostgreSqlSetup.ProductSearchIndex}, {PostgreSqlSetup.OrganizationNameIndex}) ORDER BY indexname")
                .ToListAsync());
            Assert.Equal(2, indexes.Count);
            Assert.All(indexes, index => Assert.Contains("USING gin", index, StringComparison.Ordinal));
            Assert.All(indexes, index => Assert.Contains("gin_trgm_ops", index, StringComparison.Ordinal));
            return;
        }

        Assert.Equal(
            await factory.QueryAsync(db => db.Products.IgnoreQueryFilters().CountAsync()),
            await factory.QueryAsync(db => db.Database.SqlQuery<int>($"SELECT count(*) AS Value FROM ProductSearch").SingleAsync()));
        Assert.Equal(
            await factory.QueryAsync(db => db.Organizations.CountAsync()),
            await factory.QueryAsync(db => db.Database.SqlQuery<int>($"SELECT count(*) AS Value FROM OrganizationSearch").SingleAsync()));
    }

    [Fact]
    public async Task The_index_finds_exactly_what_the_scan_found_for_every_kind_of_term()
    {
        await WithDbAsync(db => ScaleGenerator.GenerateAsync(db, scale: 1));
        var sample = await factory.QueryAsync(db => db.Products.OrderBy(p => p.Id).Select(p => new { p.Name, p.Description, Company = p.Organization!.Name })
            .Take(400).ToListAsync());
        var random = new Random(2026);
        var terms = new List<string>
        {
            "раствор", "РАСТВОР", "Раствор", "раСТВор", "  раствор  ", "инфузионн", "медицинск", "МЕДИЦИНСКОЕ ОБОРУДОВАНИЕ",
            "ёлк", "Ёлк", "елк", "приём", "ПРИЁМ", "прием", "СтройРеанимация", "стройреанимация", "ООО «", "«Ока", "ОкаФарм",
            "окафарм", "ооо", "ООО", "калужск", "КАЛУЖСК", "стройреан", "ко", "Ко", "я", "Ё", "е", "ё", "zzz", "ggggggg", "\"", "\"\"\"", "раствор\"", "a*", "раств*",
            "AND", "NOT раствор", "раствор OR насос", "Body : раствор", "Company:ООО", "NEAR(раствор насос)", "-раствор", "(ОКА)", "6–8 недель",
            "26.51", "ОКПД", "  ", "  я  ",
        };
        foreach (var product in sample.Where((_, i) => i % 10 == 0))
        {
            foreach (var text in new[] { product.Name, product.Description, product.Company })
            {
                var length = random.Next(1, Math.Min(12, text.Length) + 1);
                var piece = text.Substring(random.Next(0, text.Length - length + 1), length);
                terms.Add(piece);
                terms.Add(piece.ToUpperInvariant());
            }
        }

        var found = 0;
        foreach (var term in terms.Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            var scanned = await ScannedIdsAsync(term);
            var indexed = await IndexedIdsAsync(term);
            Assert.True(scanned.SequenceEqual(indexed), $"«{term}»: the scan found [{string.Join(", ", scanned)}], the index [{string.Join(", ", indexed)}]");
            Assert.Equal(scanned, await RowByRowIdsAsync(term));
            found += scanned.Length > 0 ? 1 : 0;
        }

        // The comparison means something: most terms find products, through the index as through the scan.
        Assert.True(found > terms.Count / 2, $"{found} of {terms.Count} terms found anything");
        await AssertIndexesCompleteAsync();
    }

    [Fact]
    public async Task The_index_follows_new_changed_renamed_and_removed_products()
    {
        var (productId, organizationId) = await WithDbAsync(async db =>
        {
            var organization = await db.Organizations.SingleAsync(o => o.Name == DemoData.FirstKalugaCompanyName);
            var product = organization.AddProduct("Ёлочные гирлянды светодиодные", "Электротехника", "Гирлянды для улицы, приём заказов круглый год.");
            await db.SaveChangesAsync();
            return (product.Id, organization.Id);
        });

        Assert.Contains(productId, await IndexedIdsAsync("ЕЛОЧНЫЕ"));
        Assert.Contains(productId, await IndexedIdsAsync("ёлочные"));
        Assert.Contains(productId, await IndexedIdsAsync("ПРИЕМ ЗАКАЗОВ"));

        await WithDbAsync(async db =>
        {
            var product = await db.Products.SingleAsync(p => p.Id == productId);
            product.Update("Гирлянды уличные", "Электротехника", "Для фасадов.", null, null);
            return await db.SaveChangesAsync();
        });
        Assert.DoesNotContain(productId, await IndexedIdsAsync("ёлочные"));
        Assert.Contains(productId, await IndexedIdsAsync("для фасадов"));

        await WithDbAsync(db => db.Organizations.Where(o => o.Id == organizationId).ExecuteUpdateAsync(s => s.SetProperty(o => o.Name, "ООО «Калужские Огни»")));
        Assert.Contains(productId, await IndexedIdsAsync("Калужские Огни"));
        Assert.DoesNotContain(productId, await IndexedIdsAsync("ОкаФарм"));
        Assert.Equal(await ScannedIdsAsync("Калужские Огни"), await IndexedIdsAsync("Калужские Огни"));
        Assert.Equal(await ScannedIdsAsync("калужские огни"), await RowByRowIdsAsync("калужские огни"));
        Assert.DoesNotContain(productId, await RowByRowIdsAsync("ОкаФарм"));

        await WithDbAsync(db => db.Products.IgnoreQueryFilters().Where(p => p.Id == productId).ExecuteDeleteAsync());
        Assert.False(await IndexedAsync(productId));
        await WithDbAsync(db => db.Organizations.Where(o => o.Id == organizationId).ExecuteUpdateAsync(s => s.SetProperty(o => o.Name, DemoData.FirstKalugaCompanyName)));
    }

    /// <summary>The companies whose name holds the term in any case, as the company index answers it.</summary>
    private async Task<int[]> CompaniesAsync(string q) =>
        await factory.QueryAsync(db => TestDatabase.IsPostgreSql
            ? db.Organizations.Where(o => EF.Functions.ILike(o.Name, "%" + CatalogueSearch.LikeLiteral(q) + "%", "\\")).Select(o => o.Id).ToArrayAsync()
            : db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM OrganizationSearch WHERE OrganizationSearch MATCH {CatalogueSearch.Phrase(q)}").ToArrayAsync());

    [Fact]
    public async Task The_company_index_follows_new_renamed_and_removed_companies()
    {
        var id = await WithDbAsync(async db =>
        {
            var organization = new Organization("ООО «Тихая Гавань»", OrganizationKind.Company, await db.Regions.Select(r => r.Id).FirstAsync());
            db.Organizations.Add(organization);
            await db.SaveChangesAsync();
            return organization.Id;
        });
        Assert.Equal([id], await CompaniesAsync("тихая гавань"));

        await WithDbAsync(db => db.Organizations.Where(o => o.Id == id).ExecuteUpdateAsync(s => s.SetProperty(o => o.Name, "ООО «Шумный Порт»")));
        Assert.Empty(await CompaniesAsync("тихая гавань"));
        Assert.Equal([id], await CompaniesAsync("ШУМНЫЙ ПОРТ"));

        await WithDbAsync(db => db.Organizations.Where(o => o.Id == id).ExecuteDeleteAsync());
        Assert.Empty(await CompaniesAsync("шумный порт"));
    }

    [Fact]
    public async Task The_search_page_hides_deleted_products_and_companies_a_user_may_not_see()
    {
        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        var company = factory.CreatePortalClient();
        await company.LoginAsAsync(DemoOptions.CompanyEmail);

        // A Petersburg company (the demo gives it no products: the report names none, so two are added here): the agency
        // finds its products by its name in any case, the Kaluga company does not see them.
        await WithDbAsync(async db =>
        {
            var stroy = await db.Organizations.Include(o => o.Products).SingleAsync(o => o.Name == "ООО «СтройРеанимация»");
            if (stroy.Products.Count == 0)
            {
                stroy.AddProduct("Модульная операционная «Реанимация-М»", "Медицинское оборудование", "Сборная чистая операционная под ключ.");
                stroy.AddProduct("Палата интенсивной терапии модульная", "Медицинское оборудование", "Палата с консолями и газоснабжением.");
            }

            return await db.SaveChangesAsync();
        });
        var byName = await agency.GetPageAsync(Url("СтройРеанимация"));
        Assert.NotEmpty(byName.QuerySelectorAll("[data-testid=catalogue-item]"));
        Assert.Empty((await company.GetPageAsync(Url("СтройРеанимация"))).QuerySelectorAll("[data-testid=catalogue-item]"));
        var total = await factory.QueryAsync(db => db.Products.CountAsync(p => p.Organization!.Name.Contains("СтройРеанимация")));
        Assert.Contains($"Найдено: {total.ToString(CultureInfo.InvariantCulture)}", byName.QuerySelector("[data-testid=catalogue-total]")!.TextContent, StringComparison.Ordinal);
        var lowerCase = await agency.GetPageAsync(Url("стройреанимация"));
        Assert.Contains($"Найдено: {total.ToString(CultureInfo.InvariantCulture)}", lowerCase.QuerySelector("[data-testid=catalogue-total]")!.TextContent, StringComparison.Ordinal);

        var product = await factory.QueryAsync(db => db.Products.Where(p => p.Organization!.Name == "ООО «СтройРеанимация»").OrderBy(p => p.Id).Select(p => new { p.Id, p.Name }).FirstAsync());
        await WithDbAsync(async db =>
        {
            var tracked = await db.Products.SingleAsync(p => p.Id == product.Id);
            tracked.Delete(DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        try
        {
            var page = await agency.GetPageAsync(Url(product.Name.ToUpperInvariant()));
            Assert.DoesNotContain(product.Name, page.QuerySelector("[data-testid=catalogue]")!.TextContent, StringComparison.Ordinal);
            Assert.True(await IndexedAsync(product.Id));
        }
        finally
        {
            await WithDbAsync(async db =>
            {
                var tracked = await db.Products.IgnoreQueryFilters().SingleAsync(p => p.Id == product.Id);
                tracked.Restore();
                return await db.SaveChangesAsync();
            });
        }

        Assert.Contains(product.Name, (await agency.GetPageAsync(Url(product.Name.ToUpperInvariant()))).QuerySelector("[data-testid=catalogue]")!.TextContent, StringComparison.Ordinal);
    }
}
