using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionPortal.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The companies' names in an FTS5 index of their own (case-insensitive trigrams, as ProductSearch's Company column,
    /// under the organisation's id), kept by triggers. A catalogue page for a common term walks the products in name order
    /// and keeps those whose text holds the term or whose company is among the few this index lists: probing
    /// ProductSearch for each product in turn cost about a millisecond a product.
    /// A later migration that rebuilds Organizations (SQLite's table rebuild) drops these triggers with the table and must
    /// create them again; CatalogueSearchTests would fail.
    /// </summary>
    public partial class CatalogueCompanySearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER Organizations_OrganizationSearch_Delete;");
            migrationBuilder.Sql("DROP TRIGGER Organizations_OrganizationSearch_Rename;");
            migrationBuilder.Sql("DROP TRIGGER Organizations_OrganizationSearch_Insert;");
            migrationBuilder.Sql("DROP TABLE OrganizationSearch;");
        }
    }
}
