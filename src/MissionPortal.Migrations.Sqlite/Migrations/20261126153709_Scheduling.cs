using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionPortal.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                unicode: false,
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ConflictAcknowledgements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MissionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ConflictKey = table.Column<string>(type: "TEXT", unicode: false, maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AcknowledgedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MissionId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgrammeItemId = table.Column<int>(type: "INTEGER", nullable: true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Before = table.Column<string>(type: "TEXT", maxLength: 600, nullable: true),
                    After = table.Column<string>(type: "TEXT", maxLength: 600, nullable: true),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MissionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Decision = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FromCity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ToCity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TravelTimes", x => x.Id);
                });

            // Missions that exist already get their own calendar feed token before the index demands uniqueness.
            migrationBuilder.Sql("UPDATE \"Missions\" SET \"CalendarToken\" = lower(hex(randomblob(16))) WHERE \"CalendarToken\" = '';");

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
