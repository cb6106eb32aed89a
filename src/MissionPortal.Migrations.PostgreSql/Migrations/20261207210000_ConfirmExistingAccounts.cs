using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionPortal.Migrations.PostgreSql.Migrations
{
    /// <summary>
    /// Accounts sign in only once their address is confirmed: every account that exists already is taken as confirmed,
    /// so nobody who could sign in before is shut out.
    /// </summary>
    public partial class ConfirmExistingAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE "AspNetUsers" SET "EmailConfirmed" = TRUE WHERE NOT "EmailConfirmed";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Which accounts were unconfirmed before is not kept: they stay confirmed.
        }
    }
}
