using System.Text.RegularExpressions;
using Bot.Adapters.Persistence;
using Bot.IntegrationTests.Faults;
using Npgsql;

namespace Bot.IntegrationTests.BadInput;

/// <summary>Assertions on the raw tables after bad input: no NUL, no broken UTF-16, nothing huge.</summary>
internal static class StoreHygiene
{
    // JSON columns are text: a NUL or a lone surrogate would hide there as an escape and break any later cast to jsonb.
    private const string NulEscape = "position('\\u0000' in {0}) > 0";
    private const string LoneHighSurrogate = "{0} ~* '\\\\ud[89ab][0-9a-f]{{2}}(?!\\\\ud[c-f])'";
    private const string LoneLowSurrogate = "{0} ~* '(?<!\\\\ud[89ab][0-9a-f]{{2}})\\\\ud[c-f][0-9a-f]{{2}}'";

    private static readonly Regex BrokenJson = new(
        @"\\u0000|\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])|(?<!\\ud[89ab][0-9a-f]{2})\\ud[c-f][0-9a-f]{2}|\uFFFD",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    public static async Task AssertCleanAsync(string connectionString, FreeTextProtector protector)
    {
        foreach (var (table, column) in new[] { ("conversations", "state_json"), ("conversations", "replies_json") })
        {
            foreach (var condition in new[] { NulEscape, LoneHighSurrogate, LoneLowSurrogate, "length({0}) > 20000", "position(chr(65533) in {0}) > 0" })
            {
                var where = string.Format(System.Globalization.CultureInfo.InvariantCulture, condition, column);
                var count = await HostEnvironment.CountAsync(connectionString, $"SELECT count(*) FROM {table} WHERE {where}");
                Assert.True(count == 0, $"{count} rows in {table} where {where}");
            }
        }

        // Outbox payloads are encrypted: the same checks run on their decrypted JSON.
        foreach (var json in await OutboxJsonAsync(connectionString, protector))
        {
            Assert.True(json.Length <= 20000 && !BrokenJson.IsMatch(json), $"broken outbox payload: {json.Length} chars");
        }

        Assert.Equal(0, await HostEnvironment.CountAsync(connectionString, "SELECT count(*) FROM history_entries WHERE octet_length(free_text) > 10000"));
        Assert.Equal(0, await HostEnvironment.CountAsync(connectionString, "SELECT count(*) FROM people p WHERE NOT EXISTS (SELECT 1 FROM conversations c WHERE c.person_id = p.id)"));
    }

    private static async Task<List<string>> OutboxJsonAsync(string connectionString, FreeTextProtector protector)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT payload FROM outbox_messages WHERE payload IS NOT NULL", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var payloads = new List<string>();
        while (await reader.ReadAsync())
        {
            payloads.Add(protector.Unprotect(reader.GetFieldValue<byte[]>(0))!);
        }

        Assert.NotEmpty(payloads);
        return payloads;
    }
}
