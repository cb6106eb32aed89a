using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionPortal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PersonalDataBasisAndErasure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AnonymisedAtUtc",
                table: "Participants",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DataBasis",
                table: "Participants",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DataBasisRecordedAtUtc",
                table: "Participants",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DataBasisRecordedBy",
                table: "Participants",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AnonymisedAtUtc",
                table: "AspNetUsers",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ErasureRequestedAtUtc",
                table: "AspNetUsers",
                type: "datetime2",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AnonymisedAtUtc",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "DataBasis",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "DataBasisRecordedAtUtc",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "DataBasisRecordedBy",
                table: "Participants");

            migrationBuilder.DropColumn(
                name: "AnonymisedAtUtc",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "ErasureRequestedAtUtc",
                table: "AspNetUsers");
        }
    }
}
