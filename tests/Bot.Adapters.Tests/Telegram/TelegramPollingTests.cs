using System.Text.Json.Nodes;
using Bot.Adapters.Telegram;
using Bot.Adapters.Tests.Telegram.Fakes;
using Bot.Testing.Telegram;
using Bot.Core.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Adapters.Tests.Telegram;

/// <summary>The real Telegram.Bot client, the real poller and processor, against the fake Bot API on loopback.</summary>
public sealed class TelegramPollingTests : TelegramHostTests
{
    [Fact]
    public async Task Polling_TextInReplyOutButtonBack_RoundTripsThroughTheRealClient()
    {
        var platform = Host.Get<TelegramChatPlatform>();
        Host.Handler.AfterCommit = async message =>
        {
            if (message.Text == "/checkin")
            {
                var reply = new OutboundMessage(message.Chat, "How are you <today>?", [new ReplyChoice("mood:okay", "okay"), new ReplyChoice("not-today", "not today")]);
                Assert.Equal(SendStatus.Sent, (await platform.SendAsync(reply, "outbox-1", CancellationToken.None)).Status);
            }
        };
        await Host.StartAsync();

        Api.Enqueue(Updates.Text(700, "/checkin"));
        await Eventually.TrueAsync(() => Api.CallsTo("sendMessage").Count == 1, "the reply is sent");

        var sent = Api.CallsTo("sendMessage")[0].Body;
        Assert.Equal(Updates.PersonId, FakeTelegramBotApi.Long(sent["chat_id"]));
        Assert.Equal("How are you &lt;today&gt;?", sent["text"]!.GetValue<string>());
        Assert.Equal("html", sent["parse_mode"]!.GetValue<string>(), ignoreCase: true);
        var buttons = sent["reply_markup"]!["inline_keyboard"]!.AsArray().SelectMany(row => row!.AsArray()).ToList();
        Assert.Equal(["okay", "not today"], buttons.Select(b => b!["text"]!.GetValue<string>()));

        // The person presses "okay" on the message the bot sent.
        var okayData = buttons[0]!["callback_data"]!.GetValue<string>();
        var botMessage = new JsonObject
        {
            ["message_id"] = 55,
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = Updates.PersonId, ["type"] = "private" },
            ["text"] = "How are you <today>?",
        };
        Api.Enqueue(Updates.Press(701, botMessage, okayData));
        await Eventually.TrueAsync(() => Host.Handler.Committed.Count == 2, "the button press reaches the handler");

        var press = Host.Handler.Committed[1];
        Assert.Equal("mood:okay", press.ChoiceId);
        Assert.Null(press.Text);
        Assert.Equal("701", press.PlatformMessageId);
        await Eventually.TrueAsync(() => Api.CallsTo("answerCallbackQuery").Count == 1, "the callback query is answered");
        Assert.Equal("cbq-701", Api.CallsTo("answerCallbackQuery")[0].Body["callback_query_id"]!.GetValue<string>());
        await Eventually.TrueAsync(() => Api.CallsTo("editMessageReplyMarkup").Count == 1, "the pressed keyboard is retired");
        Assert.Equal(55, Api.CallsTo("editMessageReplyMarkup")[0].Body["message_id"]!.GetValue<long>());
        await Eventually.TrueAsync(() => Api.ConfirmedOffset == 702, "both updates are confirmed");
    }

    [Fact]
    public async Task Startup_RegistersTheCommandMenu_AndNeverDropsPendingUpdates()
    {
        Api.Enqueue(Updates.Text(10, "sent while the bot was down"));
        await Host.StartAsync();

        await Eventually.TrueAsync(() => Host.Handler.Committed.Count == 1, "the pending update is handled");
        Assert.True(Host.Get<TelegramHealth>().IsConnected);
        var commands = Api.CallsTo("setMyCommands").Single().Body["commands"]!.AsArray()
            .Select(c => c!["command"]!.GetValue<string>());
        Assert.Equal(Bot.Core.Commands.CommandCatalog.English.All.Select(c => c.Name), commands);
        Assert.All(Api.CallsTo("deleteWebhook"), c => Assert.NotEqual(true, c.Body["drop_pending_updates"]?.GetValue<bool>()));
        Assert.All(Api.CallsTo("getUpdates"), c => Assert.True(FakeTelegramBotApi.Long(c.Body["offset"]) >= 0));
        var allowed = Api.CallsTo("getUpdates")[0].Body["allowed_updates"]!.AsArray().Select(a => a!.GetValue<string>());
        Assert.Equal(["message", "callback_query", "my_chat_member"], allowed);
    }

    [Fact]
    public async Task Polling_CommitAcknowledgementLost_SameUpdateAgainIsADuplicate_AndTheOffsetMovesOn()
    {
        Host.Handler.LoseAcknowledgementOfNextCommit();
        await Host.StartAsync();

        Api.Enqueue(Updates.Text(800, "tired"));
        Api.Enqueue(Updates.Text(801, "okay"));
        await Eventually.TrueAsync(() => Api.ConfirmedOffset == 802, "the poller gets past the duplicate");

        Assert.Equal([HandleOutcome.Handled, HandleOutcome.Duplicate, HandleOutcome.Handled], Host.Handler.Outcomes);
        Assert.Equal(["800", "800", "801"], Host.Handler.Calls.Select(m => m.PlatformMessageId));
        Assert.Equal(["800", "801"], Host.Handler.Committed.Select(m => m.PlatformMessageId));
    }

    [Fact]
    public async Task Polling_StoppedAfterCommitBeforeConfirming_RestartGetsTheUpdateAgainAsADuplicate()
    {
        // The first process commits update 850, but no later getUpdates gets through, so Telegram never hears it confirmed.
        Host.Handler.AfterCommit = _ =>
        {
            Api.RejectConfirmationsFrom(851);
            return Task.CompletedTask;
        };
        await Host.StartAsync();
        Api.Enqueue(Updates.Text(850, "tired"));
        await Eventually.TrueAsync(() => Host.Handler.Committed.Count == 1, "the first process commits the update");
        await Host.DisposeAsync();
        Assert.True(Api.ConfirmedOffset <= 850);

        // The restarted process shares the same store (the handler) and starts without an offset.
        Host.Handler.AfterCommit = null;
        Host = new TelegramTestHost(Api, handler: Host.Handler);
        await Host.StartAsync();
        await Eventually.TrueAsync(() => Host.Handler.Outcomes.Count == 2, "the update is delivered again");
        Assert.Equal([HandleOutcome.Handled, HandleOutcome.Duplicate], Host.Handler.Outcomes);

        Api.AllowConfirmations();
        await Eventually.TrueAsync(() => Api.ConfirmedOffset == 851, "the redelivered update is confirmed");
        Assert.Equal(2, Host.Handler.Outcomes.Count);
    }

    [Fact]
    public async Task Polling_HandlerFails_UpdateStaysUnconfirmedAndIsRetriedUntilCommitted()
    {
        Host.Handler.FailNext(2);
        await Host.StartAsync();

        Api.Enqueue(Updates.Text(900, Updates.SecretSentence));
        await Eventually.TrueAsync(() => Host.Handler.Committed.Count == 1, "the update is committed on the third attempt");
        await Eventually.TrueAsync(() => Api.ConfirmedOffset == 901, "the update is confirmed after the commit");

        Assert.Equal([null, null, HandleOutcome.Handled], Host.Handler.Outcomes);
        Assert.All(Host.Handler.Calls, m => Assert.Equal("900", m.PlatformMessageId));
    }

    [Fact]
    public async Task Polling_GetUpdates500And429_BacksOffAndLosesNothing()
    {
        Api.FailNext("getUpdates", 500, "Internal Server Error");
        Api.FailNext("getUpdates", 429, "Too Many Requests: retry after 1", retryAfter: 1);
        Api.FailNext("getUpdates", 502, "Bad Gateway");
        Api.Enqueue(Updates.Text(1000, Updates.SecretSentence));
        await Host.StartAsync();

        await Eventually.TrueAsync(() => Host.Handler.Committed.Count == 1, "the update arrives after the errors");
        Assert.True(Api.CallsTo("getUpdates").Count >= 4);
        Assert.Single(Host.Handler.Calls);
    }

    [Fact]
    public async Task Polling_GetUpdatesTimesOut_RecoversAndHandlesTheUpdateOnce()
    {
        // Longer than the client's HTTP timeout (PollingTimeout 1 s + RequestTimeout 2 s), so the request is abandoned.
        Api.DelayNext("getUpdates", TimeSpan.FromSeconds(6));
        Api.Enqueue(Updates.Text(1100, "okay"));
        await Host.StartAsync();

        await Eventually.TrueAsync(() => Host.Handler.Committed.Count == 1, "the update arrives after the timeout");
        Assert.Single(Host.Handler.Calls);
    }

    [Fact]
    public async Task Polling_409FromASecondPoller_IsLoggedAndBackedOff_WithoutCrashing()
    {
        Api.FailNext("getUpdates", 409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
        Api.FailNext("getUpdates", 409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
        Api.Enqueue(Updates.Text(1200, "okay"));
        await Host.StartAsync();

        await Eventually.TrueAsync(() => Host.Handler.Committed.Count == 1, "polling continues after the conflicts");
        Assert.False(Host.Get<TelegramPollingService>().ExecuteTask!.IsCompleted);
    }

    [Fact]
    public async Task ExpiredOrForeignButton_GetsTheKindAnswer_AndNothingElse()
    {
        await Host.StartAsync();
        var foreignData = new TelegramCallbackData(FakeTelegramBotApi.Token).Encode(999888777, "mood:okay");
        var botMessage = new JsonObject
        {
            ["message_id"] = 56,
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["chat"] = new JsonObject { ["id"] = Updates.PersonId, ["type"] = "private" },
        };
        Api.Enqueue(Updates.Press(1300, botMessage, foreignData));

        await Eventually.TrueAsync(() => Api.ConfirmedOffset == 1301, "the press is processed");
        var answer = Assert.Single(Api.CallsTo("answerCallbackQuery"));
        Assert.Equal(TelegramCopy.English.ExpiredButton, answer.Body["text"]!.GetValue<string>());
        Assert.Empty(Host.Handler.Calls);
        Assert.Empty(Api.CallsTo("sendMessage"));
        Assert.Empty(Api.CallsTo("editMessageReplyMarkup"));
    }

    [Fact]
    public async Task BlockedByThePerson_IsRecordedAsUnreachable()
    {
        await Host.StartAsync();
        Api.Enqueue(Updates.Blocked(1400));

        await Eventually.TrueAsync(() => Host.Reachability.Changes.Count == 1, "the block is recorded");
        Assert.Equal((new ChatAddress(Platform.Telegram, "111222333"), false), Host.Reachability.Changes[0]);
        Assert.Empty(Host.Handler.Calls);
    }
}
