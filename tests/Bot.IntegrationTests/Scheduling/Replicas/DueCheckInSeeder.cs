using Npgsql;

namespace Bot.IntegrationTests.Scheduling.Replicas;

/// <summary>Writes many people with enabled schedules straight into a migrated PostgreSQL database (set-based, fast).</summary>
public static class DueCheckInSeeder
{
    /// <summary>People 1..<paramref name="count"/>; chat ids "c{n}". Those with n &lt;= <paramref name="due"/> are due at <paramref name="dueAt"/>, the rest a day later.</summary>
    public static async Task SeedAsync(string connectionString, int count, int due, DateTimeOffset dueAt, int firstNumber = 1)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var last = firstNumber + count - 1;
        var lastDue = firstNumber + due - 1;
        const string sql = """
            SET TIME ZONE 'UTC';
            CREATE TEMP TABLE seed AS
              SELECT g AS n,
                     ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid AS id,
                     CASE WHEN g <= @lastDue THEN @dueAt ELSE @dueAt + interval '1 day' END AS due
              FROM generate_series(@first, @last) g;
            INSERT INTO people (id, created_at, locale, time_zone) SELECT id, now(), 'en', 'Etc/UTC' FROM seed;
            INSERT INTO platform_identities (person_id, platform, external_user_id, chat_id, reachable, created_at)
              SELECT id, 'Telegram', 'u' || n, 'c' || n, true, now() FROM seed;
            INSERT INTO conversations (person_id, step, state_json, replies_json, updated_at)
              SELECT id, 'Idle', '{"step":"Idle","introduced":true}', '{"lastVariant":{}}', now() FROM seed;
            INSERT INTO schedules (person_id, enabled, paused, next_due_at, preferences_json, state_json, updated_at)
              SELECT id, true, false, due, '{}', json_build_object('checkInAt', due)::text, now() FROM seed;
            DROP TABLE seed;
            """;
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        command.Parameters.AddWithValue("first", firstNumber);
        command.Parameters.AddWithValue("last", last);
        command.Parameters.AddWithValue("lastDue", lastDue);
        command.Parameters.AddWithValue("dueAt", dueAt);
        await command.ExecuteNonQueryAsync();
    }
}
