using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionPortal.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// The catalogue's search index rebuilt with case-insensitive trigrams: a company's name now matches in any case
    /// («калуга» finds ООО «Калуга Автопласт»), as it always did on SQL Server, whose collation ignores case. FTS5 folds
    /// case by Unicode, Cyrillic included; the product text is folded already (lower case, ё as е), so its matches
    /// do not change.
    /// </summary>
    public partial class CatalogueSearchCompanyCase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            CatalogueFullTextSearch.Drop(migrationBuilder);
            CatalogueFullTextSearch.Create(migrationBuilder, caseSensitive: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            CatalogueFullTextSearch.Drop(migrationBuilder);
            CatalogueFullTextSearch.Create(migrationBuilder, caseSensitive: true);
        }
    }
}
