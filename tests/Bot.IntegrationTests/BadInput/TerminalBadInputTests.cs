using System.Globalization;
using Bot.Adapters.Terminal;
using Bot.Core.Messaging;
using Bot.IntegrationTests.Faults;

namespace Bot.IntegrationTests.BadInput;

public sealed class TerminalBadInputTests
{
    [Fact]
    public async Task CorpusOfBadLines_EachIsAnsweredOrIgnored_OnPostgres_AndTheStoreStaysClean()
    {
        await using var store = await PostgresHandlerStore.CreateAsync("terminalbad");
        var texts = BadInputCorpus.Texts;
        var answered = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            var session = new TerminalSession("person-" + (i / 6).ToString(CultureInfo.InvariantCulture), TextWriter.Null);
            var message = TerminalInputMapper.Map(texts[i], session, "line-" + i.ToString(CultureInfo.InvariantCulture), DateTimeOffset.UtcNow);
            if (message is null)
            {
                Assert.Null(InboundText.Clean(texts[i]));
                continue;
            }

            var outboxBefore = await HostEnvironment.CountAsync(store.ConnectionString, "SELECT count(*) FROM outbox_messages");
            var outcome = await store.HandleAsync(message);
            var outboxAfter = await HostEnvironment.CountAsync(store.ConnectionString, "SELECT count(*) FROM outbox_messages");
            if (outcome == HandleOutcome.Handled)
            {
                Assert.True(outboxAfter > outboxBefore, $"line {i} handled without an answer");
                answered++;
            }
            else
            {
                Assert.Equal(HandleOutcome.Ignored, outcome);
                Assert.Null(InboundText.Clean(texts[i]));
                Assert.Equal(outboxBefore, outboxAfter);
            }
        }

        Assert.True(answered >= 200, $"only {answered} lines were answered");
        await StoreHygiene.AssertCleanAsync(store.ConnectionString, store.Protector);
    }
}
