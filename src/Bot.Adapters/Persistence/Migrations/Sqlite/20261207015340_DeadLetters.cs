using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bot.Adapters.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DeadLetters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dead_letters",
                columns: table => new
                {
                    platform = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    update_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    error_type = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    error_message = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    first_seen = table.Column<long>(type: "INTEGER", nullable: false),
                    last_seen = table.Column<long>(type: "INTEGER", nullable: false),
                    payload = table.Column<byte[]>(type: "BLOB", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dead_letters", x => new { x.platform, x.update_id });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dead_letters");
        }
    }
}
