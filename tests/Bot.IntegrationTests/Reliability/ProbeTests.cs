using Bot.IntegrationTests.Faults;
using Bot.Testing;
using Bot.Testing.Telegram;
using Xunit.Abstractions;

namespace Bot.IntegrationTests.Reliability;

/// <summary>
/// Issue 16's probe, reproduced: the real host, real PostgreSQL and the fake Bot API, 2,000 updates from 200 chats, with a
/// fault in the middle of the run. The figures go to docs/reliability.md.
/// </summary>
public sealed class ProbeTests(ITestOutputHelper output)
{
    private static Dictionary<string, string?> Environment(string database, FakeTelegramBotApi api)
    {
        var environment = HostEnvironment.For(database, api);

        // Fast enough that the run takes seconds, slow enough that replies are in flight when the fault comes.
        environment["Delivery__Limits__Telegram__PerSecond"] = "300";
        environment["Delivery__Limits__Telegram__ChatPerSecond"] = "50";
        environment["Delivery__Limits__Telegram__ChatBurst"] = "5";
        return environment;
    }

    [Fact]
    public async Task PostgresRestartMidRun_NothingLost_NothingSentTwice_EveryChatInOrder()
    {
        await using var postgres = await PostgresServer.StartDedicatedAsync();
        var database = await postgres.CreateDatabaseAsync("probe_pg");
        await using var api = new FakeTelegramBotApi();
        await using var bot = RunningBot.Start(HostEnvironment.HostPath, Environment(database, api));
        foreach (var update in Probe.Updates())
        {
            api.Enqueue(update);
        }

        await Eventually.TrueAsync(() => api.CallsTo("sendMessage").Count >= 600 || bot.HasExited, "replies under way");

        // Slow answers from Telegram keep replies in flight while the database goes away: their sent marks cannot be written.
        for (var i = 0; i < 20; i++)
        {
            api.DelayNext("sendMessage", TimeSpan.FromSeconds(2));
        }

        await Eventually.TrueAsync(() => api.CallsTo("sendMessage").Count >= 620 || bot.HasExited, "slow sends under way");
        await postgres.StopAsync();
        var sentWhenStopped = api.CallsTo("sendMessage").Count;
        await Eventually.TrueAsync(() => api.CallsTo("sendMessage").Count > sentWhenStopped || bot.HasExited, "a reply sent while the database is away");
        await postgres.StartAgainAsync();

        var report = await FinishAsync(bot, database, api);
        output.WriteLine($"PostgreSQL restart: {report}; {sentWhenStopped} sent before the stop");

        await AssertNothingLostAndInOrderAsync(report, bot, api, doubledAtMost: 0);
    }

    [Fact]
    public async Task KillNineMidRun_NothingLost_SentTwiceAtMostWhatWasInFlight_EveryChatInOrder()
    {
        var postgres = await PostgresServer.GetAsync();
        var database = await postgres.CreateDatabaseAsync("probe_kill");
        await using var api = new FakeTelegramBotApi();
        var environment = Environment(database, api);

        // The default lease: longer than a restart, so the dead process's claims are still held when the new one runs.
        environment["Delivery__Lease"] = "00:00:15";
        long inFlight;
        await using (var first = RunningBot.Start(HostEnvironment.HostPath, environment))
        {
            foreach (var update in Probe.Updates(toRound: 5))
            {
                api.Enqueue(update);
            }

            await Eventually.TrueAsync(() => api.CallsTo("sendMessage").Count >= 600 || first.HasExited, "replies under way");
            await first.KillAsync();

            // The people go on writing: their new replies must not overtake the ones the dead process still holds.
            foreach (var update in Probe.Updates(fromRound: 5))
            {
                api.Enqueue(update);
            }

            // Claimed and not marked sent: what the dead process may have handed to Telegram without recording it.
            inFlight = await Probe.CountAsync(database, "SELECT count(*) FROM outbox_messages WHERE status = 'Pending' AND lease_until IS NOT NULL");
        }

        await using var second = RunningBot.Start(HostEnvironment.HostPath, environment);
        var report = await FinishAsync(second, database, api);
        output.WriteLine($"kill -9: {report}; in flight at the kill {inFlight}");

        await AssertNothingLostAndInOrderAsync(report, second, api, doubledAtMost: inFlight);
    }

    [Fact]
    public async Task PoisonUpdateMidRun_EveryOtherChatAnsweredWhileItIsRetried_ThenItIsParked_NothingElseLost()
    {
        var postgres = await PostgresServer.GetAsync();
        var database = await postgres.CreateDatabaseAsync("probe_poison");
        await using var api = new FakeTelegramBotApi();
        PoisonUpdateTests.FailGetChatMember(api);
        await using var bot = RunningBot.Start(HostEnvironment.HostPath, Environment(database, api));
        const int poisonId = 1001;
        foreach (var update in Probe.Updates(toRound: 5))
        {
            api.Enqueue(update);
        }

        api.Enqueue(Updates.GroupText(poisonId, PoisonUpdateTests.Admin, PoisonUpdateTests.GroupCommand));
        foreach (var update in Probe.Updates(fromRound: 5, idShift: 1))
        {
            api.Enqueue(update);
        }

        var report = await FinishAsync(bot, database, api);
        var parked = await Probe.CountAsync(database, $"SELECT count(*) FROM dead_letters WHERE update_id = '{poisonId}' AND attempts = 5");
        var committedWhileRetried = await Probe.CountAsync(
            database, "SELECT count(*) FROM processed_inbound, dead_letters WHERE processed_at > first_seen AND processed_at < last_seen");
        output.WriteLine($"poison update: {report}; parked {parked}; updates of other chats committed while it was retried {committedWhileRetried}");

        Assert.Equal(1, parked);
        Assert.True(committedWhileRetried > 0);
        Assert.True(api.ConfirmedOffset > Probe.TotalUpdates + 1);
        await AssertNothingLostAndInOrderAsync(report, bot, api, doubledAtMost: 0);
    }

    private static async Task AssertNothingLostAndInOrderAsync(ProbeReport report, RunningBot bot, FakeTelegramBotApi api, long doubledAtMost)
    {
        Assert.Equal(0, report.Lost);
        Assert.InRange(report.Doubled, 0, doubledAtMost);
        Assert.Equal(0, report.ChatsOutOfOrder);
        Assert.Equal(Probe.Chats, report.ChatsAnswered);
        Assert.Equal(0, await bot.StopAsync());
        Assert.Empty(api.Errors);
    }

    /// <summary>Waits until every update is handled and every reply sent, then one lease more, so a late double would show.</summary>
    private static async Task<ProbeReport> FinishAsync(RunningBot bot, string database, FakeTelegramBotApi api)
    {
        await Eventually.TrueAsync(
            () => HostEnvironment.TryCount(database, "SELECT count(*) FROM processed_inbound") == Probe.TotalUpdates
                && HostEnvironment.TryCount(database, "SELECT count(*) FROM outbox_messages WHERE status <> 'Sent'") == 0
                || bot.HasExited,
            "every update handled and every reply sent");
        Assert.False(bot.HasExited, string.Join('\n', bot.Lines.TakeLast(40)));
        var settled = api.CallsTo("sendMessage").Count;
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(settled, api.CallsTo("sendMessage").Count);
        return await Probe.MeasureAsync(database, api);
    }
}
