using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VirtPlanet.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PostVisibleAuthorIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Posts_IsHidden_Author",
                table: "Posts",
                columns: new[] { "IsHidden", "Author" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Posts_IsHidden_Author",
                table: "Posts");
        }
    }
}
