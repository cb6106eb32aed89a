using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionPortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    /// <summary>
    /// Nothing on SQL Server: the SQLite migration of the same name rebuilds its FTS5 index with case-insensitive
    /// trigrams; SQL Server's LIKE search already ignores case through its collation. Kept so that both providers list
    /// the same migrations.
    /// </summary>
    public partial class CatalogueSearchCompanyCase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
