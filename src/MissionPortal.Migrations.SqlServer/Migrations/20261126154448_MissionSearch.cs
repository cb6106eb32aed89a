using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionPortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class MissionSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Missions",
                type: "nvarchar(max)",
                maxLength: 4500,
                nullable: false,
                defaultValue: "");

            // Existing missions become searchable at once (SQLite folds only Latin letters here; saving a mission refolds it).
            migrationBuilder.Sql("UPDATE [Missions] SET [SearchText] = LOWER(CONCAT([Title], N' ', [Description]));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Missions");
        }
    }
}
