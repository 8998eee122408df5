using Bot.Testing;
using Bot.Testing.Telegram;

namespace Bot.IntegrationTests.Faults;

public sealed class PlatformFaultTests
{
    [Fact]
    public async Task TelegramAnswering429s5xxAndSlowly_ThroughTheRealHost_EveryReplyIsStillSent_AndEveryUpdateHandledOnce()
    {
        var postgres = await PostgresServer.GetAsync();
        var database = await postgres.CreateDatabaseAsync("platformfaults");
        await using var api = new FakeTelegramBotApi();
        var environment = HostEnvironment.For(database, api);
        environment["Telegram__RequestTimeout"] = "00:00:01";
        const int messages = 12;

        // Polling meets a 502, a 429 with retry_after and a 500; sending meets 429s, 5xx and answers slower than the timeout.
        api.FailNext("getUpdates", 502, "Bad Gateway");
        api.FailNext("getUpdates", 429, "Too Many Requests: retry after 1", retryAfter: 1);
        api.FailNext("getUpdates", 500, "Internal Server Error");
        api.FailNext("sendMessage", 429, "Too Many Requests: retry after 1", retryAfter: 1);
        api.FailNext("sendMessage", 502, "Bad Gateway");
        api.DelayNext("sendMessage", TimeSpan.FromSeconds(3));
        api.FailNext("sendMessage", 500, "Internal Server Error");
        api.FailNext("sendMessage", 429, "Too Many Requests: retry after 1", retryAfter: 1);
        api.DelayNext("sendMessage", TimeSpan.FromSeconds(3));

        await using var bot = RunningBot.Start(HostEnvironment.HostPath, environment);
        for (var id = 1; id <= messages; id++)
        {
            api.Enqueue(Traffic.CheckIn(id));
        }

        await Eventually.TrueAsync(
            () => HostEnvironment.TryCount(database, "SELECT count(*) FROM processed_inbound") == messages
                && HostEnvironment.TryCount(database, "SELECT count(*) FROM outbox_messages WHERE status <> 'Sent'") == 0
                || bot.HasExited,
            "every update handled and every reply sent despite the faults");
        Assert.False(bot.HasExited, string.Join('\n', bot.Lines));

        var failedSends = api.CallsTo("sendMessage").Count - (int)await HostEnvironment.CountAsync(database, "SELECT count(*) FROM outbox_messages");
        Assert.True(failedSends >= 4, $"the faults were met ({failedSends} extra sendMessage calls)");
        Assert.Subset(Enumerable.Range(1, messages).Select(Traffic.PersonOf).ToHashSet(), Traffic.ChatsAnswered(api));
        Assert.Equal(
            1,
            await HostEnvironment.CountAsync(database, "SELECT count(DISTINCT n) FROM (SELECT count(*) AS n FROM outbox_messages GROUP BY person_id) per_person"));
        Assert.Equal(0, await bot.StopAsync());
        Assert.Empty(api.Errors);
    }
}
