using Bot.Adapters.Persistence;
using Bot.Host;
using Bot.Testing.Telegram;
using Npgsql;

namespace Bot.IntegrationTests.Faults;

/// <summary>Configuration for the real host against PostgreSQL and the fake Bot API, with short (never asserted) delays.</summary>
internal static class HostEnvironment
{
    public static readonly string HostPath = typeof(BotServices).Assembly.Location;

    /// <summary>A fixed test key ring; its secret part must never be logged either.</summary>
    public static readonly string EncryptionKeys = "k1:" + Convert.ToBase64String(Enumerable.Range(7, 32).Select(i => (byte)i).ToArray());

    /// <summary>Reads what the host encrypted (outbox payloads, free text) with <see cref="EncryptionKeys"/>.</summary>
    public static FreeTextProtector Protector => FreeTextProtector.Parse(EncryptionKeys, "test");

    public const string DiscordToken = "MTAwMDAwMDAwMDAwMDAwMDAx.GhIjKl.discord-secret-token-value_0123456789";

    public static Dictionary<string, string?> For(string connectionString, FakeTelegramBotApi api) => new()
    {
        ["ConnectionStrings__Postgres"] = connectionString,
        ["Storage__EncryptionKeys"] = EncryptionKeys,
        ["Telegram__Enabled"] = "true",
        ["Telegram__BotToken"] = FakeTelegramBotApi.Token,
        ["Telegram__ApiBaseUrl"] = api.BaseUrl,
        ["Telegram__PollingTimeout"] = "00:00:01",
        ["Telegram__RetryDelay"] = "00:00:00.100",
        ["Telegram__MaxRetryDelay"] = "00:00:01",
        ["Telegram__RequestTimeout"] = "00:00:05",
        ["Delivery__IdlePoll"] = "00:00:00.100",
        ["Delivery__Lease"] = "00:00:02",
    };

    public static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Counts, or -1 while the database cannot answer (it may be restarting).</summary>
    public static long TryCount(string connectionString, string sql)
    {
        try
        {
            return CountAsync(connectionString, sql).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return -1;
        }
    }
}
