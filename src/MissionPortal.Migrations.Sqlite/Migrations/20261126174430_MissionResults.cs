using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionPortal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MissionResults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "OrganizationId",
                table: "StoredFiles",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<int>(
                name: "AgreementId",
                table: "StoredFiles",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SharesFullRoster",
                table: "Delegations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "CompanyResults",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MissionId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ContactsMade = table.Column<int>(type: "INTEGER", nullable: false),
                    ContractsIntended = table.Column<int>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompanyResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompanyResults_Missions_MissionId",
                        column: x => x.MissionId,
                        principalTable: "Missions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CompanyResults_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_StoredFiles_AgreementId_Kind",
                table: "StoredFiles",
                columns: new[] { "AgreementId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_CompanyResults_MissionId_OrganizationId",
                table: "CompanyResults",
                columns: new[] { "MissionId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CompanyResults_OrganizationId",
                table: "CompanyResults",
                column: "OrganizationId");

            migrationBuilder.AddForeignKey(
                name: "FK_StoredFiles_Agreements_AgreementId",
                table: "StoredFiles",
                column: "AgreementId",
                principalTable: "Agreements",
                principalColumn: "Id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_StoredFiles_Agreements_AgreementId",
                table: "StoredFiles");

            migrationBuilder.DropTable(
                name: "CompanyResults");

            migrationBuilder.DropIndex(
                name: "IX_StoredFiles_AgreementId_Kind",
                table: "StoredFiles");

            migrationBuilder.DropColumn(
                name: "AgreementId",
                table: "StoredFiles");

            migrationBuilder.DropColumn(
                name: "SharesFullRoster",
                table: "Delegations");

            migrationBuilder.AlterColumn<int>(
                name: "OrganizationId",
                table: "StoredFiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}
