using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionPortal.Migrations.SqlServer.Migrations
{
    /// <summary>
    /// Nothing on SQL Server: the catalogue's search index is SQLite's FTS5 table (see the SQLite migration of the same
    /// name). SQL Server's full-text search needs the Full-Text Search component, which the compose image lacks; there the
    /// catalogue keeps its LIKE search. The migration is kept so that both providers list the same migrations.
    /// </summary>
    public partial class CatalogueFullTextSearch : Migration
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
