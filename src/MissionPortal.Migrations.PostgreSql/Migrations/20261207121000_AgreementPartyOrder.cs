using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionPortal.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class AgreementPartyOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Order",
                table: "AgreementParty",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Parties saved before they had an order are numbered in the order of their organisations, as they were listed.
            migrationBuilder.Sql("UPDATE \"AgreementParty\" SET \"Order\" = (SELECT COUNT(*) FROM \"AgreementParty\" AS earlier WHERE earlier.\"AgreementId\" = \"AgreementParty\".\"AgreementId\" AND earlier.\"OrganizationId\" <= \"AgreementParty\".\"OrganizationId\")");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Order",
                table: "AgreementParty");
        }
    }
}
