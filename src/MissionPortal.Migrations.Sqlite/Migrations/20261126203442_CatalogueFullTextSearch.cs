using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionPortal.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The catalogue's search index: an FTS5 table with the trigram tokenizer (substring match, like the instr it replaces)
    /// holding each product's folded text (Products.SearchText) and its company's name under the product's id.
    /// Triggers keep it in step with every write, whoever makes it (the portal, the data generator, a script).
    /// Case-sensitive trigrams: SearchText is already folded to lower case with ё as е, and the company name is matched
    /// as it is written, exactly as the instr search did.
    /// A later migration that rebuilds Products or Organizations (SQLite's table rebuild) drops these triggers with the
    /// table and must create them again; CatalogueSearchTests would fail.
    /// </summary>
    public partial class CatalogueFullTextSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => Create(migrationBuilder, caseSensitive: true);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => Drop(migrationBuilder);

        /// <summary>The index, filled from the products there are, and the triggers that keep it.</summary>
        internal static void Create(MigrationBuilder migrationBuilder, bool caseSensitive)
        {
            migrationBuilder.Sql($"CREATE VIRTUAL TABLE ProductSearch USING fts5(Body, Company, tokenize = 'trigram case_sensitive {(caseSensitive ? 1 : 0)}');");
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
        }

        internal static void Drop(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER Organizations_ProductSearch_Rename;");
            migrationBuilder.Sql("DROP TRIGGER Products_ProductSearch_Delete;");
            migrationBuilder.Sql("DROP TRIGGER Products_ProductSearch_Update;");
            migrationBuilder.Sql("DROP TRIGGER Products_ProductSearch_Insert;");
            migrationBuilder.Sql("DROP TABLE ProductSearch;");
        }
    }
}
