using System.Globalization;
using Bot.Adapters.Tests.Telegram.Fakes;
using Bot.Core.Replies;
using Bot.Testing.Telegram;

namespace Bot.Adapters.Tests.Telegram;

/// <summary>
/// Poison isolation with the real Telegram.Bot client and the real poller against the fake Bot API: an update that fails
/// every time, or one the library cannot read, is parked after its attempts and blocks no one.
/// </summary>
public sealed class TelegramPoisonUpdateTests : TelegramHostTests
{
    private const long Poisoned = 555_000_001;
    private static readonly string Sorry = ReplyCatalog.English[ReplyKey.SomethingWentWrongGently].Variants[0];

    [Fact]
    public async Task Polling_UpdateFailingEveryTime_OthersGoOn_ThenItIsParked_TheOffsetMovesOn_AndThePersonHearsSorryOnce()
    {
        await UseAttemptsAsync(3);
        Host.Handler.BeforeCommit = (message, _) => message.PlatformMessageId == "3001"
            ? Task.FromException(new InvalidOperationException("A bug that fails this update every time."))
            : Task.CompletedTask;
        await Host.StartAsync();

        Api.Enqueue(Updates.Text(3001, Updates.SecretSentence, Poisoned));
        Api.Enqueue(Updates.Text(3002, "okay", 555_000_002));
        Api.Enqueue(Updates.Text(3003, "fine", 555_000_003));
        Api.Enqueue(Updates.Text(3004, "later, in the same chat", Poisoned));
        await Eventually.TrueAsync(() => Api.ConfirmedOffset == 3005, "the poller gets past the poison update");

        var calls = Host.Handler.Calls.Select(m => m.PlatformMessageId).ToList();
        Assert.Equal(3, calls.Count(id => id == "3001"));
        Assert.True(calls.IndexOf("3002") < calls.LastIndexOf("3001"), "another chat is handled while the poison update is retried");
        Assert.True(calls.IndexOf("3003") < calls.LastIndexOf("3001"), "another chat is handled while the poison update is retried");
        Assert.True(calls.IndexOf("3004") > calls.LastIndexOf("3001"), "its own chat's next update waits for it, then goes on");
        Assert.Equal(["3002", "3003", "3004"], Host.Handler.Committed.Select(m => m.PlatformMessageId).Order());

        var letter = Assert.Single(Host.DeadLetters.Letters);
        Assert.Equal("3001", letter.UpdateId);
        Assert.Equal(3, letter.Attempts);
        Assert.Equal(typeof(InvalidOperationException).FullName, letter.ErrorType);
        Assert.DoesNotContain(Updates.SecretSentence, letter.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains(Updates.SecretSentence, Host.DeadLetters.PayloadOf("3001")!, StringComparison.Ordinal);

        await Eventually.TrueAsync(() => SentTo(Poisoned).Count >= 1, "the person hears the gentle sorry");
        await Task.Delay(300);
        Assert.Equal([Sorry], SentTo(Poisoned));
    }

    [Fact]
    public async Task Polling_BatchTheLibraryCannotRead_IsReadRaw_AndOnlyTheBadUpdateIsParked()
    {
        await UseAttemptsAsync(3);
        await Host.StartAsync();

        Api.Enqueue(Updates.Text(4001, "okay", 601));
        Api.Enqueue(Updates.LoneSurrogatePress(4002, 602));
        Api.Enqueue(Updates.Text(4003, "fine", 603));
        await Eventually.TrueAsync(() => Api.ConfirmedOffset == 4004, "the poller gets past the unreadable update");

        Assert.Equal(["4001", "4003"], Host.Handler.Committed.Select(m => m.PlatformMessageId).Order());
        var letter = Assert.Single(Host.DeadLetters.Letters);
        Assert.Equal("4002", letter.UpdateId);
        Assert.Equal(1, letter.Attempts);
        Assert.Contains("cbq-4002", Host.DeadLetters.PayloadOf("4002")!, StringComparison.Ordinal);
        await Eventually.TrueAsync(() => SentTo(602).Count == 1, "the person who pressed hears the gentle sorry");
        Assert.Equal(Sorry, SentTo(602).Single());

        // Later batches are read by the library again.
        Api.Enqueue(Updates.Text(4004, "still here", 601));
        await Eventually.TrueAsync(() => Host.Handler.Committed.Count == 3, "the next batch is handled");
    }

    private List<string> SentTo(long chat) =>
        [.. Api.CallsTo("sendMessage").Where(c => FakeTelegramBotApi.Long(c.Body["chat_id"]) == chat).Select(c => c.Body["text"]!.GetValue<string>())];

    private async Task UseAttemptsAsync(int attempts)
    {
        await Host.DisposeAsync();
        Host = new TelegramTestHost(Api, settings => settings["Telegram:InboundAttempts"] = attempts.ToString(CultureInfo.InvariantCulture));
    }
}
