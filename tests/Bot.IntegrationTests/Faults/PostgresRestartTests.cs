using System.Net;
using Bot.Testing;
using Bot.Testing.Telegram;

namespace Bot.IntegrationTests.Faults;

public sealed class PostgresRestartTests
{
    [Fact]
    public async Task PostgresStoppedAndStartedMidRun_HostKeepsRunning_ReportsIt_AndHandlesEverythingOnce()
    {
        // A cluster of its own: stopping the shared one would break every other test running in parallel.
        await using var postgres = await PostgresServer.StartDedicatedAsync();
        var database = await postgres.CreateDatabaseAsync("pgrestart");
        await using var api = new FakeTelegramBotApi();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        const int before = 10;
        const int whileDown = 10;

        await using var bot = RunningBot.Start(HostEnvironment.HostPath, HostEnvironment.For(database, api));
        for (var id = 1; id <= before; id++)
        {
            api.Enqueue(Traffic.CheckIn(id));
        }

        await Eventually.TrueAsync(
            () => HostEnvironment.TryCount(database, "SELECT count(*) FROM processed_inbound") == before || bot.HasExited,
            "the first messages handled");
        var healthyBefore = await http.GetAsync(bot.ManagementUrl + "/healthz");

        await postgres.StopAsync();
        for (var id = before + 1; id <= before + whileDown; id++)
        {
            api.Enqueue(Traffic.CheckIn(id));
        }

        // The host notices (a failed update stays unconfirmed) and says so on /healthz, without exiting.
        await Eventually.TrueAsync(
            () => bot.Lines.Any(l => l.Contains("could not be handled", StringComparison.Ordinal)) || bot.HasExited,
            "an update failing while the database is away");
        var whileAway = await http.GetAsync(bot.ManagementUrl + "/healthz");
        Assert.False(bot.HasExited, string.Join('\n', bot.Lines));

        await postgres.StartAgainAsync();
        await Eventually.TrueAsync(
            () => HostEnvironment.TryCount(database, "SELECT count(*) FROM processed_inbound") == before + whileDown
                && HostEnvironment.TryCount(database, "SELECT count(*) FROM outbox_messages WHERE status <> 'Sent'") == 0
                || bot.HasExited,
            "everything that arrived handled and answered after the restart");
        Assert.False(bot.HasExited, string.Join('\n', bot.Lines));
        HttpResponseMessage healthyAfter = null!;
        await Eventually.TrueAsync(
            () => (healthyAfter = http.GetAsync(bot.ManagementUrl + "/healthz").GetAwaiter().GetResult()).StatusCode == HttpStatusCode.OK,
            "/healthz healthy again");

        Assert.Equal(HttpStatusCode.OK, healthyBefore.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, whileAway.StatusCode);
        Assert.Contains("unreachable", await whileAway.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Subset(Enumerable.Range(1, before + whileDown).Select(Traffic.PersonOf).ToHashSet(), Traffic.ChatsAnswered(api));
        Assert.Equal(before + whileDown, await HostEnvironment.CountAsync(database, "SELECT count(*) FROM people"));
        Assert.Equal(
            1,
            await HostEnvironment.CountAsync(database, "SELECT count(DISTINCT n) FROM (SELECT count(*) AS n FROM outbox_messages GROUP BY person_id) per_person"));
        Assert.Equal(0, await bot.StopAsync());
        Assert.Empty(api.Errors);
    }
}
