using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bot.Adapters.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ScheduleState : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "state_json",
                table: "schedules",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "state_json",
                table: "schedules");
        }
    }
}
