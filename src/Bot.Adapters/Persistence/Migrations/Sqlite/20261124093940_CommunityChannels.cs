using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bot.Adapters.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CommunityChannels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "community_answer_days",
                columns: table => new
                {
                    platform = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    chat_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    secret = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_community_answer_days", x => new { x.platform, x.chat_id, x.day });
                });

            migrationBuilder.CreateTable(
                name: "community_answers",
                columns: table => new
                {
                    platform = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    chat_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    answer_hash = table.Column<string>(type: "TEXT", maxLength: 44, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_community_answers", x => new { x.platform, x.chat_id, x.day, x.answer_hash });
                });

            migrationBuilder.CreateTable(
                name: "community_channels",
                columns: table => new
                {
                    platform = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    chat_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    local_time = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    time_zone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    last_posted_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_community_channels", x => new { x.platform, x.chat_id });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "community_answer_days");

            migrationBuilder.DropTable(
                name: "community_answers");

            migrationBuilder.DropTable(
                name: "community_channels");
        }
    }
}
