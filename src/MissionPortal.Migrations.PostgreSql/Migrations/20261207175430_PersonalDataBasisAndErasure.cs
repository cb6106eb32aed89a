using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionPortal.Migrations.PostgreSql.Migrations
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
                type: "timestamp without time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DataBasis",
                table: "Participants",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DataBasisRecordedAtUtc",
                table: "Participants",
                type: "timestamp without time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DataBasisRecordedBy",
                table: "Participants",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                collation: "russian");

            migrationBuilder.AddColumn<DateTime>(
                name: "AnonymisedAtUtc",
                table: "AspNetUsers",
                type: "timestamp without time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ErasureRequestedAtUtc",
                table: "AspNetUsers",
                type: "timestamp without time zone",
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
