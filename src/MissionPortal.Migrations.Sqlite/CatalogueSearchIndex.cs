using Microsoft.EntityFrameworkCore.Migrations;

namespace MissionPortal.Migrations.Sqlite;

/// <summary>
/// The catalogue's full-text indexes, which EF Core's model can't describe: FTS5 tables with case-insensitive trigrams
/// (substring match; FTS5 folds case by Unicode, Cyrillic included) and the triggers that keep them in step with every
/// write, whoever makes it (the portal, the data generator, a script).
/// <list type="bullet">
/// <item>ProductSearch: each product's folded text (Products.SearchText: lower case, ё as е) and its company's name,
/// under the product's id.</item>
/// <item>OrganizationSearch: the companies' names under the organisation's id. A catalogue page for a common term walks
/// the products in name order and keeps those whose text holds the term or whose company is among the few this index
/// lists.</item>
/// </list>
/// A migration that rebuilds Products or Organizations (SQLite's table rebuild) drops these triggers with the table and
/// must call <see cref="Drop"/> and <see cref="Create"/> again; CatalogueSearchTests would fail.
/// </summary>
public static class CatalogueSearchIndex
{
    /// <summary>The indexes, filled from the rows there are, and the triggers that keep them.</summary>
    public static void Create(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("CREATE VIRTUAL TABLE ProductSearch USING fts5(Body, Company, tokenize = 'trigram case_sensitive 0');");
        migrationBuilder.Sql("""
            INSERT INTO ProductSearch (rowid, Body, Company)
            SELECT p.Id, p.SearchText, o.Name FROM Products AS p JOIN Organizations AS o ON o.Id = p.OrganizationId;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER Products_ProductSearch_Insert AFTER INSERT ON Products BEGIN
                INSERT INTO ProductSearch (rowid, Body, Company)
                SELECT new.Id, new.SearchText, o.Name FROM Organizations AS o WHERE o.Id = new.OrganizationId;
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER Products_ProductSearch_Update AFTER UPDATE OF SearchText, OrganizationId ON Products BEGIN
                DELETE FROM ProductSearch WHERE rowid = old.Id;
                INSERT INTO ProductSearch (rowid, Body, Company)
                SELECT new.Id, new.SearchText, o.Name FROM Organizations AS o WHERE o.Id = new.OrganizationId;
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER Products_ProductSearch_Delete AFTER DELETE ON Products BEGIN
                DELETE FROM ProductSearch WHERE rowid = old.Id;
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER Organizations_ProductSearch_Rename AFTER UPDATE OF Name ON Organizations BEGIN
                UPDATE ProductSearch SET Company = new.Name WHERE rowid IN (SELECT Id FROM Products WHERE OrganizationId = new.Id);
            END;
            """);

        migrationBuilder.Sql("CREATE VIRTUAL TABLE OrganizationSearch USING fts5(Name, tokenize = 'trigram case_sensitive 0');");
        migrationBuilder.Sql("INSERT INTO OrganizationSearch (rowid, Name) SELECT Id, Name FROM Organizations;");
        migrationBuilder.Sql("""
            CREATE TRIGGER Organizations_OrganizationSearch_Insert AFTER INSERT ON Organizations BEGIN
                INSERT INTO OrganizationSearch (rowid, Name) VALUES (new.Id, new.Name);
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER Organizations_OrganizationSearch_Rename AFTER UPDATE OF Name ON Organizations BEGIN
                UPDATE OrganizationSearch SET Name = new.Name WHERE rowid = new.Id;
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER Organizations_OrganizationSearch_Delete AFTER DELETE ON Organizations BEGIN
                DELETE FROM OrganizationSearch WHERE rowid = old.Id;
            END;
            """);
    }

    /// <summary>The triggers and the index tables, in the reverse order.</summary>
    public static void Drop(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TRIGGER Organizations_OrganizationSearch_Delete;");
        migrationBuilder.Sql("DROP TRIGGER Organizations_OrganizationSearch_Rename;");
        migrationBuilder.Sql("DROP TRIGGER Organizations_OrganizationSearch_Insert;");
        migrationBuilder.Sql("DROP TABLE OrganizationSearch;");
        migrationBuilder.Sql("DROP TRIGGER Organizations_ProductSearch_Rename;");
        migrationBuilder.Sql("DROP TRIGGER Products_ProductSearch_Delete;");
        migrationBuilder.Sql("DROP TRIGGER Products_ProductSearch_Update;");
        migrationBuilder.Sql("DROP TRIGGER Products_ProductSearch_Insert;");
        migrationBuilder.Sql("DROP TABLE ProductSearch;");
    }
}
