using Bot.Adapters.Persistence.Entities;
using Npgsql;
using NpgsqlTypes;
using static Bot.Adapters.Persistence.Turns.UnnestCommand;

namespace Bot.Adapters.Persistence.Turns;

/// <summary>
/// A batch's first contacts, one statement per table in one round trip (PostgreSQL): people, identities (their ids read
/// back), conversations and schedules. The rows stay untracked, like a known person's.
/// </summary>
internal static class NewPeopleWrites
{
    public static async Task WriteAsync(NpgsqlTransaction transaction, IReadOnlyList<(LoadedTurn Turn, ScheduleRow Schedule)> people, CancellationToken ct)
    {
        var turns = people.Select(p => p.Turn).ToList();
        var schedules = people.Select(p => p.Schedule).ToList();
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction)
        {
            BatchCommands = { People(turns), Identities(turns), Conversations(turns), Schedules(schedules) },
        };
        await using var reader = await batch.ExecuteReaderAsync(ct);
        while (reader.FieldCount == 0 && await reader.NextResultAsync(ct))
        {
        }

        var identities = turns.ToDictionary(t => t.Person.Id, t => t.Identity);
        while (await reader.ReadAsync(ct))
        {
            identities[reader.GetGuid(0)].Id = reader.GetInt64(1);
        }
    }

    private static NpgsqlBatchCommand People(IReadOnlyList<LoadedTurn> rows) => Command(
        "INSERT INTO people (id, created_at, locale, time_zone, country) SELECT * FROM unnest(@id, @created_at, @locale, @time_zone, @country)",
        Column("id", NpgsqlDbType.Uuid, rows, r => r.Person.Id),
        Column("created_at", NpgsqlDbType.TimestampTz, rows, r => r.Person.CreatedAt.ToUniversalTime()),
        Column("locale", NpgsqlDbType.Text, rows, r => r.Person.Locale),
        Column("time_zone", NpgsqlDbType.Text, rows, r => r.Person.TimeZone),
        Column("country", NpgsqlDbType.Text, rows, r => r.Person.Country));

    private static NpgsqlBatchCommand Identities(IReadOnlyList<LoadedTurn> rows) => Command(
        "INSERT INTO platform_identities (person_id, platform, external_user_id, chat_id, reachable, created_at) " +
        "SELECT * FROM unnest(@person_id, @platform, @external_user_id, @chat_id, @reachable, @created_at) RETURNING person_id, id",
        Column("person_id", NpgsqlDbType.Uuid, rows, r => r.Identity.PersonId),
        Column("platform", NpgsqlDbType.Text, rows, r => r.Identity.Platform.ToString()),
        Column("external_user_id", NpgsqlDbType.Text, rows, r => r.Identity.ExternalUserId),
        Column("chat_id", NpgsqlDbType.Text, rows, r => r.Identity.ChatId),
        Column("reachable", NpgsqlDbType.Boolean, rows, r => r.Identity.Reachable),
        Column("created_at", NpgsqlDbType.TimestampTz, rows, r => r.Identity.CreatedAt.ToUniversalTime()));

    private static NpgsqlBatchCommand Conversations(IReadOnlyList<LoadedTurn> rows) => Command(
        "INSERT INTO conversations (person_id, step, state_json, replies_json, updated_at) " +
        "SELECT * FROM unnest(@person_id, @step, @state_json, @replies_json, @updated_at)",
        Column("person_id", NpgsqlDbType.Uuid, rows, r => r.Conversation.PersonId),
        Column("step", NpgsqlDbType.Text, rows, r => r.Conversation.Step),
        Column("state_json", NpgsqlDbType.Text, rows, r => r.Conversation.StateJson),
        Column("replies_json", NpgsqlDbType.Text, rows, r => r.Conversation.RepliesJson),
        Column("updated_at", NpgsqlDbType.TimestampTz, rows, r => r.Conversation.UpdatedAt.ToUniversalTime()));

    private static NpgsqlBatchCommand Schedules(IReadOnlyList<ScheduleRow> rows) => Command(
        "INSERT INTO schedules (person_id, enabled, paused, next_due_at, preferences_json, state_json, updated_at) " +
        "SELECT * FROM unnest(@person_id, @enabled, @paused, @next_due_at, @preferences_json, @state_json, @updated_at)",
        Column("person_id", NpgsqlDbType.Uuid, rows, r => r.PersonId),
        Column("enabled", NpgsqlDbType.Boolean, rows, r => r.Enabled),
        Column("paused", NpgsqlDbType.Boolean, rows, r => r.Paused),
        Column("next_due_at", NpgsqlDbType.TimestampTz, rows, r => r.NextDueAt?.ToUniversalTime()),
        Column("preferences_json", NpgsqlDbType.Text, rows, r => r.PreferencesJson),
        Column("state_json", NpgsqlDbType.Text, rows, r => r.StateJson),
        Column("updated_at", NpgsqlDbType.TimestampTz, rows, r => r.UpdatedAt.ToUniversalTime()));
}
