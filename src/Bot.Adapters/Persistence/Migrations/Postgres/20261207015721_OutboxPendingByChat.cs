using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Bot.Adapters.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OutboxPendingByChat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending_by_chat",
                table: "outbox_messages",
                columns: new[] { "platform", "chat_id", "id" },
                filter: "status = 'Pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_outbox_messages_pending_by_chat",
                table: "outbox_messages");
        }
    }
}
