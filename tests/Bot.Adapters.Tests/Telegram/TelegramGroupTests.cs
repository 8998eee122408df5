using Bot.Adapters.Telegram;
using Bot.Adapters.Tests.Telegram.Fakes;
using Bot.Core.Messaging;
using Bot.Testing.Telegram;

namespace Bot.Adapters.Tests.Telegram;

/// <summary>
/// Groups through the real client and poller: only what is addressed to the bot is read, and the adapter only translates.
/// Every group command goes to the Core with the platform's fact "the sender is an admin of this group"; the Core decides
/// (setting up /dailypost, the invitation, help) and answers through the outbox, so nothing here calls sendMessage.
/// </summary>
public sealed class TelegramGroupTests : IAsyncLifetime
{
    private const long AdminId = 424242;
    private const long MemberId = 515151;

    private readonly FakeTelegramBotApi _api = new();
    private TelegramTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _api.AdminIds[AdminId] = true;
        _host = new TelegramTestHost(_api);
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
        Assert.Empty(_api.Errors);
    }

    [Theory]
    [InlineData("/dailypost")]
    [InlineData("/dailypost 7pm new york")]
    [InlineData("/stopdailypost")]
    [InlineData("/community setup 09:00 Europe/Berlin")]
    public async Task CommunityCommandFromAnAdmin_ReachesTheCoreWithTheAdminFact_AndTheAdapterSaysNothingItself(string command)
    {
        _api.Enqueue(Updates.GroupText(6000, AdminId, command));

        await Eventually.TrueAsync(() => _host.Handler.Calls.Count == 1, "the command reaches the Core");
        var message = _host.Handler.Calls[0];
        Assert.Equal((command, ChatKind.Group, true), (message.Text, message.Kind, message.SenderIsChatAdmin));
        Assert.Equal(Updates.GroupId.ToString(System.Globalization.CultureInfo.InvariantCulture), message.Chat.ChatId);
        Assert.Single(_api.CallsTo("getChatMember"));
        Assert.Empty(_api.CallsTo("sendMessage"));
    }

    [Fact]
    public async Task CommunityCommandFromAMember_ReachesTheCoreAsNotAnAdmin_WhoRefusesIt()
    {
        _api.Enqueue(Updates.GroupText(6100, MemberId, "/dailypost 09:00 Europe/Berlin"));

        await Eventually.TrueAsync(() => _host.Handler.Calls.Count == 1, "the command reaches the Core");
        Assert.False(_host.Handler.Calls[0].SenderIsChatAdmin);
        Assert.Empty(_api.CallsTo("sendMessage"));
    }

    [Fact]
    public async Task CheckinInAGroup_GoesToTheCore_AndGroupTalkNotAddressedToTheBotNeverDoes()
    {
        _api.Enqueue(Updates.GroupText(6200, MemberId, "/checkin"));
        _api.Enqueue(Updates.GroupText(6201, MemberId, "just chatting about my feelings here"));

        await Eventually.TrueAsync(() => _api.ConfirmedOffset == 6202, "both group messages are processed");
        var message = Assert.Single(_host.Handler.Calls);
        Assert.Equal(("/checkin", ChatKind.Group), (message.Text, message.Kind));
        Assert.Empty(_api.CallsTo("sendMessage"));
    }

    [Fact]
    public async Task CheckinWithWordsInAGroup_GoesToTheCore_WhoseCrisisCheckReadsThem()
    {
        _api.Enqueue(Updates.GroupText(6210, MemberId, "/checkin I had an awful day"));

        await Eventually.TrueAsync(() => _host.Handler.Calls.Count == 1, "the command and its words reach the Core");
        Assert.Equal("/checkin I had an awful day", _host.Handler.Calls[0].Text);
        Assert.Equal(ChatKind.Group, _host.Handler.Calls[0].Kind);
        Assert.Empty(_api.CallsTo("sendMessage"));
    }

    [Fact]
    public async Task OtherGroupCommands_GoToTheCoreAsGroupCommands_WithTheirWords()
    {
        _api.Enqueue(Updates.GroupText(6300, MemberId, "/stopdailypost because I am sad"));
        _api.Enqueue(Updates.GroupText(6301, MemberId, "/help me please"));

        await Eventually.TrueAsync(() => _host.Handler.Calls.Count == 2, "both commands reach the Core");
        Assert.Equal(["/stopdailypost because I am sad", "/help me please"], _host.Handler.Calls.Select(m => m.Text));
        Assert.All(_host.Handler.Calls, m => Assert.Equal(ChatKind.Group, m.Kind));
    }

    [Fact]
    public async Task BotRemovedFromTheGroup_TheSenderIsTakenAsNoAdmin_AndLaterUpdatesStillFlow()
    {
        _api.FailNext("getChatMember", 403, "Forbidden: bot was kicked from the supergroup chat");
        _api.Enqueue(Updates.GroupText(6400, AdminId, "/dailypost"));
        _api.Enqueue(Updates.Text(6401, "okay"));

        await Eventually.TrueAsync(() => _api.ConfirmedOffset == 6402, "both updates are confirmed");
        Assert.False(_host.Handler.Calls.Single(m => m.PlatformMessageId == "6400").SenderIsChatAdmin);
        Assert.Contains(_host.Handler.Committed, m => m.PlatformMessageId == "6401");
        Assert.Empty(_api.CallsTo("sendMessage"));
    }
}
