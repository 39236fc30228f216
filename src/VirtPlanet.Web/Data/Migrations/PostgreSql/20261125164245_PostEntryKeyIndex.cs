using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace VirtPlanet.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PostEntryKeyIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Posts_EntryKey",
                table: "Posts",
                column: "EntryKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Posts_EntryKey",
                table: "Posts");
        }
    }
}
