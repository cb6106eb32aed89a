using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ParticipantItems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ItemRegistrations",
                columns: table => new
                {
                    ParticipantId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProgrammeItemId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ItemRegistrations", x => new { x.ParticipantId, x.ProgrammeItemId });
                    table.ForeignKey(
                        name: "FK_ItemRegistrations_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ItemRegistrations_ProgrammeItems_ProgrammeItemId",
                        column: x => x.ProgrammeItemId,
                        principalTable: "ProgrammeItems",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_ItemRegistrations_ProgrammeItemId",
                table: "ItemRegistrations",
                column: "ProgrammeItemId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ItemRegistrations");
        }
    }
}
