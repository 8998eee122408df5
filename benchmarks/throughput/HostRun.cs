using Bot.Host;
using Bot.Testing;
using Bot.Testing.Telegram;
using Npgsql;

namespace Throughput.Benchmarks;

/// <summary>The real host (`run`) against PostgreSQL and the fake Telegram Bot API, as the fault tests start it.</summary>
internal static class HostRun
{
    public static RunningBot Start(string connectionString, FakeTelegramBotApi api) =>
        RunningBot.Start(typeof(BotServices).Assembly.Location, new Dictionary<string, string?>
        {
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

    public static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
