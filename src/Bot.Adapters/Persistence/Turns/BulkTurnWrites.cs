using Bot.Adapters.Persistence.Entities;
using Npgsql;
using NpgsqlTypes;
using static Bot.Adapters.Persistence.Turns.UnnestCommand;

namespace Bot.Adapters.Persistence.Turns;

/// <summary>
/// What every turn of a batch writes, one statement per table for the whole batch (PostgreSQL), in one round trip:
/// the conversations' new state, the history and the outbox, in the order the turns were decided (ids follow that order,
/// and delivery goes by id).
/// </summary>
internal static class BulkTurnWrites
{
    public static async Task WriteAsync(NpgsqlTransaction transaction, IReadOnlyList<ConversationRow> conversations, NewTurnRows rows, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction);
        if (conversations.Count > 0)
        {
            batch.BatchCommands.Add(UpdateConversations(conversations));
        }

        if (rows.History.Count > 0)
        {
            batch.BatchCommands.Add(InsertHistory(rows.History));
        }

        if (rows.Outbox.Count > 0)
        {
            batch.BatchCommands.Add(InsertOutbox(rows.Outbox));
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(ct);
        }
    }

    private static NpgsqlBatchCommand UpdateConversations(IReadOnlyList<ConversationRow> rows) => Command(
        "UPDATE conversations AS c SET step = u.step, state_json = u.state_json, replies_json = u.replies_json, updated_at = u.updated_at, version = u.version " +
        "FROM unnest(@person_id, @step, @state_json, @replies_json, @updated_at, @version) AS u(person_id, step, state_json, replies_json, updated_at, version) " +
        "WHERE c.person_id = u.person_id",
        Column("person_id", NpgsqlDbType.Uuid, rows, r => r.PersonId),
        Column("step", NpgsqlDbType.Text, rows, r => r.Step),
        Column("state_json", NpgsqlDbType.Text, rows, r => r.StateJson),
        Column("replies_json", NpgsqlDbType.Text, rows, r => r.RepliesJson),
        Column("updated_at", NpgsqlDbType.TimestampTz, rows, r => r.UpdatedAt.ToUniversalTime()),
        Column("version", NpgsqlDbType.Bigint, rows, r => r.Version));

    private static NpgsqlBatchCommand InsertHistory(IReadOnlyList<HistoryEntryRow> rows) => Command(
        "INSERT INTO history_entries (person_id, at, kind, value, free_text) " +
        "SELECT person_id, at, kind, value, free_text FROM unnest(@person_id, @at, @kind, @value, @free_text) " +
        "WITH ORDINALITY AS u(person_id, at, kind, value, free_text, n) ORDER BY n",
        Column("person_id", NpgsqlDbType.Uuid, rows, r => r.PersonId),
        Column("at", NpgsqlDbType.TimestampTz, rows, r => r.At.ToUniversalTime()),
        Column("kind", NpgsqlDbType.Text, rows, r => r.Kind),
        Column("value", NpgsqlDbType.Text, rows, r => r.Value),
        Column("free_text", NpgsqlDbType.Bytea, rows, r => r.FreeText));

    private static NpgsqlBatchCommand InsertOutbox(IReadOnlyList<OutboxRow> rows) => Command(
        "INSERT INTO outbox_messages (person_id, platform, chat_id, lane, payload, status, created_at, available_at, attempts, delete_when_sent) " +
        "SELECT person_id, platform, chat_id, lane, payload, status, created_at, available_at, attempts, delete_when_sent " +
        "FROM unnest(@person_id, @platform, @chat_id, @lane, @payload, @status, @created_at, @available_at, @attempts, @delete_when_sent) " +
        "WITH ORDINALITY AS u(person_id, platform, chat_id, lane, payload, status, created_at, available_at, attempts, delete_when_sent, n) " +
        "ORDER BY n",
        Column("person_id", NpgsqlDbType.Uuid, rows, r => r.PersonId),
        Column("platform", NpgsqlDbType.Text, rows, r => r.Platform.ToString()),
        Column("chat_id", NpgsqlDbType.Text, rows, r => r.ChatId),
        Column("lane", NpgsqlDbType.Smallint, rows, r => (short)r.Lane),
        Column("payload", NpgsqlDbType.Bytea, rows, r => r.Payload),
        Column("status", NpgsqlDbType.Text, rows, r => r.Status.ToString()),
        Column("created_at", NpgsqlDbType.TimestampTz, rows, r => r.CreatedAt.ToUniversalTime()),
        Column("available_at", NpgsqlDbType.TimestampTz, rows, r => r.AvailableAt.ToUniversalTime()),
        Column("attempts", NpgsqlDbType.Integer, rows, r => r.Attempts),
        Column("delete_when_sent", NpgsqlDbType.Boolean, rows, r => r.DeleteWhenSent));
}
