using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RegionReferenceAndRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "District",
                table: "Regions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TimeZoneId",
                table: "Regions",
                type: "TEXT",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "MergedIntoId",
                table: "Organizations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "Organizations",
                type: "TEXT",
                maxLength: 400,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "Settlements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    RegionId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Settlements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Settlements_Regions_RegionId",
                        column: x => x.RegionId,
                        principalTable: "Regions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_MergedIntoId",
                table: "Organizations",
                column: "MergedIntoId");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_NameKey",
                table: "Organizations",
                column: "NameKey");

            migrationBuilder.CreateIndex(
                name: "IX_Settlements_RegionId_Name",
                table: "Settlements",
                columns: new[] { "RegionId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.DropTable(
                name: "Settlements");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_MergedIntoId",
                table: "Organizations");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_NameKey",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "District",
                table: "Regions");

            migrationBuilder.DropColumn(
                name: "TimeZoneId",
                table: "Regions");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "NameKey",
                table: "Organizations");
        }
    }
}
