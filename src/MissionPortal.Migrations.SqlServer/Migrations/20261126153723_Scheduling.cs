using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionPortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Scheduling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CalendarToken",
                table: "Missions",
                type: "varchar(64)",
                unicode: false,
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ConflictAcknowledgements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MissionId = table.Column<int>(type: "int", nullable: false),
                    ConflictKey = table.Column<string>(type: "varchar(100)", unicode: false, maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    AcknowledgedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AcknowledgedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConflictAcknowledgements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConflictAcknowledgements_Missions_MissionId",
                        column: x => x.MissionId,
                        principalTable: "Missions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MissionId = table.Column<int>(type: "int", nullable: false),
                    ProgrammeItemId = table.Column<int>(type: "int", nullable: true),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    Before = table.Column<string>(type: "nvarchar(600)", maxLength: 600, nullable: true),
                    After = table.Column<string>(type: "nvarchar(600)", maxLength: 600, nullable: true),
                    By = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeChanges_Missions_MissionId",
                        column: x => x.MissionId,
                        principalTable: "Missions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgrammeReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    MissionId = table.Column<int>(type: "int", nullable: false),
                    Decision = table.Column<int>(type: "int", nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    By = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgrammeReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgrammeReviews_Missions_MissionId",
                        column: x => x.MissionId,
                        principalTable: "Missions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TravelTimes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FromCity = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ToCity = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Minutes = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TravelTimes", x => x.Id);
                });

            // Missions that exist already get their own calendar feed token before the index demands uniqueness.
            migrationBuilder.Sql("UPDATE [Missions] SET [CalendarToken] = LOWER(REPLACE(CONVERT(varchar(36), NEWID()), '-', '')) WHERE [CalendarToken] = '';");

            migrationBuilder.CreateIndex(
                name: "IX_Missions_CalendarToken",
                table: "Missions",
                column: "CalendarToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConflictAcknowledgements_MissionId_ConflictKey",
                table: "ConflictAcknowledgements",
                columns: new[] { "MissionId", "ConflictKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeChanges_MissionId_AtUtc",
                table: "ProgrammeChanges",
                columns: new[] { "MissionId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgrammeReviews_MissionId_AtUtc",
                table: "ProgrammeReviews",
                columns: new[] { "MissionId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_TravelTimes_FromCity_ToCity",
                table: "TravelTimes",
                columns: new[] { "FromCity", "ToCity" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConflictAcknowledgements");

            migrationBuilder.DropTable(
                name: "ProgrammeChanges");

            migrationBuilder.DropTable(
                name: "ProgrammeReviews");

            migrationBuilder.DropTable(
                name: "TravelTimes");

            migrationBuilder.DropIndex(
                name: "IX_Missions_CalendarToken",
                table: "Missions");

            migrationBuilder.DropColumn(
                name: "CalendarToken",
                table: "Missions");
        }
    }
}
