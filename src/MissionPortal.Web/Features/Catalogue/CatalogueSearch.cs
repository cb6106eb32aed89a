using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Organizations;

namespace MissionPortal.Web.Features.Catalogue;

/// <summary>
/// The catalogue's search: a product matches when its folded text (name, category, description in lower case, ё as е)
/// contains the folded term, or its company's name contains the term in any case. On SQLite, from three letters on, the
/// FTS5 trigram index ProductSearch answers it (case-insensitive trigrams kept by triggers, see
/// CatalogueSearchIndex in the SQLite migrations); shorter terms, which trigrams cannot index, and
/// SQL Server (whose full-text search is a separate component) test every product with instr / LIKE — on SQL Server
/// its collation ignores case, on SQLite a one- or two-letter term meets the company name in the case typed.
/// On PostgreSQL the same test is LIKE on the folded text and ILIKE on the company name, which the pg_trgm GIN
/// indexes IX_Products_SearchText_trgm and IX_Organizations_Name_trgm answer from three letters on (the planner
/// reads the table for shorter terms); the company name then matches in any case whatever the term's length.
/// <see cref="Matching"/> asks them as a union of the two indexes' products: written as one condition with OR, the
/// planner can use neither index and tests every product (200 ms for a rare term at 100 times the seed data, 0.4 ms
/// as a union); <see cref="MatchingRowByRow"/> keeps the OR, which lets a page of a common term walk the name index.
/// </summary>
public static class CatalogueSearch
{
    /// <summary>The shortest term the trigram index can answer: shorter ones have no trigram.</summary>
    public const int IndexedLength = 3;

    /// <summary>
    /// The matching products, found through the index: the form to use when the matches are few, as SQLite then starts
    /// from the index's matches and reads only those products.
    /// </summary>
    public static IQueryable<Product> Matching(PortalDbContext db, IQueryable<Product> products, string q)
    {
        var (typed, folded) = Terms(q);
        if (db.Database.IsNpgsql())
        {
            var (text, name) = LikePatterns(typed, folded);
            var companies = db.Organizations.Where(o => EF.Functions.ILike(o.Name, name, LikeEscape)).Select(o => o.Id);
            var matches = db.Products.Where(p => EF.Functions.Like(p.SearchText, text, LikeEscape)).Select(p => p.Id)
                .Union(db.Products.Where(p => companies.Contains(p.OrganizationId)).Select(p => p.Id));
            return products.Where(p => matches.Contains(p.Id));
        }

        if (Indexed(db, typed, folded))
        {
            var query = $"Body : {Phrase(folded)} OR Company : {Phrase(typed)}";
            var ids = db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM ProductSearch WHERE ProductSearch MATCH {query}");
            // A join, not an IN: SQLite then starts from the index's matches and reads those products by key; with IN it
            // walked every approved company's products and probed the list.
            return products.Join(ids, p => p.Id, id => id, (p, _) => p);
        }

        return products.Where(p => p.SearchText.Contains(folded) || p.Organization!.Name.Contains(typed));
    }

    /// <summary>
    /// The same products as <see cref="Matching"/>, tested on each product as it is read: the form to use when the matches
    /// are many, so that a page in name order walks the name index and stops once it is full. The folded text is tested
    /// in the row (instr on SearchText is what the index's Body column answers: the same folded text, trigrams of a
    /// substring); the company by its id among the companies whose name holds the term, which the trigram index
    /// OrganizationSearch lists once per query (few companies for most terms; every one of them for «ООО»). Probing
    /// ProductSearch for one product at a time instead cost 0.5–0.9 ms a product at 100 times the seed data.
    /// </summary>
    public static IQueryable<Product> MatchingRowByRow(PortalDbContext db, IQueryable<Product> products, string q)
    {
        var (typed, folded) = Terms(q);
        if (db.Database.IsNpgsql())
        {
            return PostgreSqlMatching(db, products, typed, folded);
        }

        if (Indexed(db, typed, folded))
        {
            var companies = db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM OrganizationSearch WHERE OrganizationSearch MATCH {Phrase(typed)}");
            return products.Where(p => p.SearchText.Contains(folded) || companies.Contains(p.OrganizationId));
        }

        return products.Where(p => p.SearchText.Contains(folded) || p.Organization!.Name.Contains(typed));
    }

    /// <summary>
    /// A product whose folded text holds the folded term, or whose company's name holds the term in any case: LIKE and
    /// ILIKE with the term's own % and _ taken as text, both answered by trigram GIN indexes.
    /// </summary>
    private static IQueryable<Product> PostgreSqlMatching(PortalDbContext db, IQueryable<Product> products, string typed, string folded)
    {
        var (text, name) = LikePatterns(typed, folded);
        var companies = db.Organizations.Where(o => EF.Functions.ILike(o.Name, name, LikeEscape)).Select(o => o.Id);
        return products.Where(p => EF.Functions.Like(p.SearchText, text, LikeEscape) || companies.Contains(p.OrganizationId));
    }

    private const string LikeEscape = "\\";

    private static (string Text, string Name) LikePatterns(string typed, string folded) =>
        ("%" + LikeLiteral(folded) + "%", "%" + LikeLiteral(typed) + "%");

    internal static string LikeLiteral(string term) =>
        term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>An FTS5 string: the term as one phrase, whatever it holds (quotes doubled, operators taken as text).</summary>
    internal static string Phrase(string term) => "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static (string Typed, string Folded) Terms(string q)
    {
        // Control characters (a NUL ends an FTS5 string early) are not text anyone searches for; line breaks and tabs
        // are, in a pasted piece of a description.
        var typed = new string([.. q.Where(c => !char.IsControl(c) || char.IsWhiteSpace(c))]).Trim();
        return (typed, Product.Fold(typed));
    }

    private static bool Indexed(PortalDbContext db, string typed, string folded) =>
        db.Database.IsSqlite() && Letters(typed) >= IndexedLength && Letters(folded) >= IndexedLength;

    private static int Letters(string text) => text.EnumerateRunes().Count();
}
