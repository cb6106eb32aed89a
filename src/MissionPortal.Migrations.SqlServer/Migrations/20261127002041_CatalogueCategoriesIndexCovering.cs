using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MissionPortal.Migrations.SqlServer.Migrations
{
    /// <summary>
    /// The category choices read from (Category, Name, DeletedAtUtc), which one category's page walks as before, instead
    /// of (DeletedAtUtc, Category): SQLite took that one for the whole catalogue's "DeletedAtUtc IS NULL" and sorted all
    /// 60,000 products at 100 times the seed data (150 ms a page) instead of walking the name index.
    /// </summary>
    public partial class CatalogueCategoriesIndexCovering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Products_Category_Name",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_Products_DeletedAtUtc_Category",
                table: "Products");

            migrationBuilder.CreateIndex(
                name: "IX_Products_Category_Name_DeletedAtUtc",
                table: "Products",
                columns: new[] { "Category", "Name", "DeletedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Products_Category_Name_DeletedAtUtc",
                table: "Products");

            migrationBuilder.CreateIndex(
                name: "IX_Products_Category_Name",
                table: "Products",
                columns: new[] { "Category", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_DeletedAtUtc_Category",
                table: "Products",
                columns: new[] { "DeletedAtUtc", "Category" });
        }
    }
}
