using Bot.Host;
using Bot.Testing;
using Bot.Testing.Telegram;
using Npgsql;

namespace Throughput.Benchmarks;

/// <summary>The real host (`run`) against PostgreSQL and the fake Telegram Bot API, as the fault tests start it.</summary>
internal static class HostRun
{
    /// <param name="platformRate">
    /// Messages per second the host may send to the fake (Delivery:Limits:Telegram:PerSecond); the real Telegram's 30/s
    /// is the default. The latency run lifts it: the fake has no limit, and the run measures the bot's own path.
    /// </param>
    public static RunningBot Start(string connectionString, FakeTelegramBotApi api, int platformRate = 30) =>
        RunningBot.Start(typeof(BotServices).Assembly.Location, new Dictionary<string, string?>
        {
            ["Delivery__Limits__Telegram__PerSecond"] = platformRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ConnectionStrings__Postgres"] = connectionString,
            ["Storage__EncryptionKeys"] = "bench:" + Convert.ToBase64String(new byte[32]),
            ["Telegram__Enabled"] = "true",
            ["Telegram__BotToken"] = FakeTelegramBotApi.Token,
            ["Telegram__ApiBaseUrl"] = api.BaseUrl,
            ["Telegram__PollingTimeout"] = "00:00:05",
            ["Logging__LogLevel__Default"] = "Warning",
        });

    public static async Task WaitAsync(Func<bool> condition, string what, TimeSpan? limit = null)
    {
        var deadline = DateTime.UtcNow + (limit ?? TimeSpan.FromMinutes(5));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(what);
            }

            await Task.Delay(10);
        }
    }

    /// <summary>
    /// Statistics for the tables the warm-up filled, as autovacuum keeps them in any database older than a minute: a
    /// table analyzed while empty gets cached generic plans that scan it whole (pgbench -i analyzes its tables too).
    /// </summary>
    public static Task AnalyzeAsync(string connectionString) => ScalarAsync(connectionString, "ANALYZE; SELECT 0");

    public static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
