using Bot.Testing;
using Bot.Testing.Telegram;

namespace Bot.IntegrationTests.Faults;

public sealed class KillNineTests
{
    /// <param name="gently">SIGTERM (a graceful stop) instead of SIGKILL (`kill -9`).</param>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task HostKilledDuringTraffic_AfterRestart_EveryMessageIsHandledOnce_AndEveryReplyIsSent(bool gently)
    {
        var postgres = await PostgresServer.GetAsync();
        var database = await postgres.CreateDatabaseAsync(gently ? "sigterm" : "killnine");
        await using var api = new FakeTelegramBotApi();
        var environment = HostEnvironment.For(database, api);
        const int before = 40;
        const int whileDown = 20;

        await using (var first = RunningBot.Start(HostEnvironment.HostPath, environment))
        {
            // Slow sends keep replies in flight (claimed in the outbox, not yet marked) when the process dies.
            for (var i = 0; i < 30; i++)
            {
                api.DelayNext("sendMessage", TimeSpan.FromMilliseconds(150));
            }

            for (var id = 1; id <= before; id++)
            {
                api.Enqueue(Traffic.CheckIn(id));
            }

            await Eventually.TrueAsync(() => api.CallsTo("sendMessage").Count >= 5 || first.HasExited, "traffic under way");
            Assert.False(first.HasExited, string.Join('\n', first.Lines));
            if (gently)
            {
                Assert.Equal(0, await first.StopAsync());
            }
            else
            {
                await first.KillAsync();
            }
        }

        var handledAtKill = await HostEnvironment.CountAsync(database, "SELECT count(*) FROM processed_inbound");
        var unsentAtKill = await HostEnvironment.CountAsync(database, "SELECT count(*) FROM outbox_messages WHERE status <> 'Sent'");
        var stillClaimedAtKill = await HostEnvironment.CountAsync(database, "SELECT count(*) FROM outbox_messages WHERE status <> 'Sent' AND lease_until IS NOT NULL");
        for (var id = before + 1; id <= before + whileDown; id++)
        {
            api.Enqueue(Traffic.CheckIn(id));
        }

        await using var second = RunningBot.Start(HostEnvironment.HostPath, environment);
        const string allDone = "SELECT count(*) FROM processed_inbound";
        await Eventually.TrueAsync(
            () => HostEnvironment.TryCount(database, allDone) == before + whileDown
                && HostEnvironment.TryCount(database, "SELECT count(*) FROM outbox_messages WHERE status <> 'Sent'") == 0
                || second.HasExited,
            "every message handled and every reply sent after the restart");
        Assert.False(second.HasExited, string.Join('\n', second.Lines));

        // The kill really interrupted something: not everything was handled and sent before it.
        Assert.True(handledAtKill < before + whileDown);
        Assert.True(unsentAtKill > 0 || handledAtKill < before, $"handled {handledAtKill}, unsent {unsentAtKill} at the kill");
        if (gently)
        {
            // A graceful stop hands back what it had claimed but not sent: it waits in the outbox, free for the next worker.
            Assert.Equal(0, stillClaimedAtKill);
        }

        // Nothing lost: every person got an answer. Nothing done twice: one turn each, so every person has the same replies.
        var people = Enumerable.Range(1, before + whileDown).Select(Traffic.PersonOf).ToHashSet();
        Assert.Subset(people, Traffic.ChatsAnswered(api));
        Assert.Equal(before + whileDown, await HostEnvironment.CountAsync(database, "SELECT count(*) FROM people"));
        Assert.Equal(
            1,
            await HostEnvironment.CountAsync(database, "SELECT count(DISTINCT n) FROM (SELECT count(*) AS n FROM outbox_messages GROUP BY person_id) per_person"));
        var perPerson = await HostEnvironment.CountAsync(database, "SELECT count(*) FROM outbox_messages") / (before + whileDown);
        foreach (var person in people)
        {
            // A reply may go out twice only in the moment between the platform's answer and the outbox mark.
            var sent = api.CallsTo("sendMessage").Count(c => FakeTelegramBotApi.Long(c.Body["chat_id"]) == person);
            Assert.InRange(sent, perPerson, perPerson + 1);
        }

        Assert.Equal(0, await second.StopAsync());
        Assert.Empty(api.Errors);
    }
}
