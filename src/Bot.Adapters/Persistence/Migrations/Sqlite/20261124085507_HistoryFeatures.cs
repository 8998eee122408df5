using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bot.Adapters.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HistoryFeatures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "delete_when_sent",
                table: "outbox_messages",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "history_settings",
                columns: table => new
                {
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    weekly_recap = table.Column<bool>(type: "INTEGER", nullable: false),
                    next_recap_at = table.Column<long>(type: "INTEGER", nullable: true),
                    keep_own_words = table.Column<bool>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_history_settings", x => x.person_id);
                    table.ForeignKey(
                        name: "fk_history_settings_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "link_codes",
                columns: table => new
                {
                    code_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_link_codes", x => x.code_hash);
                    table.ForeignKey(
                        name: "fk_link_codes_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "own_words",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    person_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    phrase = table.Column<byte[]>(type: "BLOB", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_own_words", x => x.id);
                    table.ForeignKey(
                        name: "fk_own_words_people_person_id",
                        column: x => x.person_id,
                        principalTable: "people",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_history_settings_next_recap_at",
                table: "history_settings",
                column: "next_recap_at");

            migrationBuilder.CreateIndex(
                name: "ix_link_codes_expires_at",
                table: "link_codes",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_link_codes_person_id",
                table: "link_codes",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_own_words_person_id",
                table: "own_words",
                column: "person_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "history_settings");

            migrationBuilder.DropTable(
                name: "link_codes");

            migrationBuilder.DropTable(
                name: "own_words");

            migrationBuilder.DropColumn(
                name: "delete_when_sent",
                table: "outbox_messages");
        }
    }
}
