using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionPortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    /// <summary>
    /// Nothing on SQL Server: the SQLite migration of the same name adds an FTS5 index of the companies' names for the
    /// catalogue's search; SQL Server's LIKE search tests the company name in the row. Kept so that both providers list
    /// the same migrations.
    /// </summary>
    public partial class CatalogueCompanySearch : Migration
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
