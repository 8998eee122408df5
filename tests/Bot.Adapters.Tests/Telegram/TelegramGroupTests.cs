using Bot.Adapters.Telegram;
using Bot.Adapters.Tests.Telegram.Fakes;
using Bot.Testing.Telegram;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Adapters.Tests.Telegram;

/// <summary>Groups through the real client and poller: only what is addressed to the bot is read; personal talk is answered in a private chat.</summary>
public sealed class TelegramGroupTests : IAsyncLifetime
{
    private const long AdminId = 424242;
    private const long MemberId = 515151;
    private const string DeepLink = "https://t.me/CompassionTestBot?start=checkin";

    private readonly FakeTelegramBotApi _api = new();
    private readonly RecordingCommunityPostSubscriptions _subscriptions = new();
    private TelegramTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _api.AdminIds[AdminId] = true;
        _host = new TelegramTestHost(_api, services: s => s.AddSingleton<ICommunityPostSubscriptions>(_subscriptions));
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
        Assert.Empty(_api.Errors);
    }

    private static string? ButtonUrl(FakeCall call) =>
        call.Body["reply_markup"]?["inline_keyboard"]?[0]?[0]?["url"]?.GetValue<string>();

    [Fact]
    public async Task AdminSetsUpTheDailyPost_ItIsStoredAndTheInvitationDeepLinksToAPrivateChat()
    {
        _api.Enqueue(Updates.GroupText(6000, AdminId, "/dailypost"));

        await Eventually.TrueAsync(() => _api.CallsTo("sendMessage").Count == 2, "the confirmation and the first post");
        Assert.True(_subscriptions.Groups.ContainsKey(Updates.GroupId));
        var post = _api.CallsTo("sendMessage")[1];
        Assert.Equal(Updates.GroupId, FakeTelegramBotApi.Long(post.Body["chat_id"]));
        Assert.Equal(DeepLink, ButtonUrl(post));
        Assert.Empty(_host.Handler.Calls);

        _api.Enqueue(Updates.GroupText(6001, AdminId, "/stopdailypost"));
        await Eventually.TrueAsync(() => _api.CallsTo("sendMessage").Count == 3, "the stop is confirmed");
        Assert.Empty(_subscriptions.Groups);
    }

    [Fact]
    public async Task NonAdmin_CannotSetUpTheDailyPost()
    {
        _api.Enqueue(Updates.GroupText(6100, MemberId, "/dailypost"));

        await Eventually.TrueAsync(() => _api.ConfirmedOffset == 6101 && _api.CallsTo("sendMessage").Count == 1, "the refusal");
        Assert.Equal(TelegramCopy.English.CommunitySetup.AdminsOnly, _api.CallsTo("sendMessage")[0].Body["text"]!.GetValue<string>());
        Assert.Empty(_subscriptions.Groups);
    }

    [Fact]
    public async Task CheckinInAGroup_AnswersWithTheDeepLink_AndGroupTalkNotAddressedToTheBotNeverReachesTheCore()
    {
        _api.Enqueue(Updates.GroupText(6200, MemberId, "/checkin"));
        _api.Enqueue(Updates.GroupText(6201, MemberId, "just chatting about my feelings here"));

        await Eventually.TrueAsync(() => _api.ConfirmedOffset == 6202, "both group messages are processed");
        var reply = Assert.Single(_api.CallsTo("sendMessage"));
        Assert.Equal(DeepLink, ButtonUrl(reply));
        Assert.Empty(_host.Handler.Calls);
    }

    [Fact]
    public async Task CheckinWithWordsInAGroup_GoesToTheCore_WhoseCrisisCheckReadsThem()
    {
        _api.Enqueue(Updates.GroupText(6210, MemberId, "/checkin I had an awful day"));

        await Eventually.TrueAsync(() => _host.Handler.Calls.Count == 1, "the command and its words reach the Core");
        Assert.Equal("/checkin I had an awful day", _host.Handler.Calls[0].Text);
        Assert.Equal(Bot.Core.Messaging.ChatKind.Group, _host.Handler.Calls[0].Kind);
        Assert.Empty(_api.CallsTo("sendMessage"));
    }

    [Fact]
    public async Task OtherGroupCommands_GoToTheCoreAsGroupCommands_WithTheirWords()
    {
        _api.Enqueue(Updates.GroupText(6300, MemberId, "/help me please"));

        await Eventually.TrueAsync(() => _host.Handler.Calls.Count == 1, "the command reaches the Core");
        var message = _host.Handler.Calls[0];
        Assert.Equal(Bot.Core.Messaging.ChatKind.Group, message.Kind);
        Assert.Equal("/help me please", message.Text);
    }

    [Fact]
    public async Task BotRemovedFromTheGroup_TheRefusalIsNotRetried_AndLaterUpdatesStillFlow()
    {
        _api.FailNext("sendMessage", 403, "Forbidden: bot was kicked from the supergroup chat");
        _api.Enqueue(Updates.GroupText(6400, MemberId, "/checkin"));
        _api.Enqueue(Updates.Text(6401, "okay"));

        await Eventually.TrueAsync(() => _api.ConfirmedOffset == 6402, "both updates are confirmed");
        Assert.Single(_api.CallsTo("sendMessage"));
        Assert.Equal("6401", Assert.Single(_host.Handler.Committed).PlatformMessageId);
    }
}
