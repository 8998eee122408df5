using Bot.Adapters.Telegram;
using Bot.Adapters.Tests.Telegram.Fakes;
using Bot.Core.Community;
using Bot.Core.Messaging;
using Bot.Testing.Telegram;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Adapters.Tests.Telegram;

/// <summary>The daily group post as an outbox message: rendered and sent by the platform port, with the real client against the fake Bot API.</summary>
public sealed class TelegramCommunityPostSendTests : IAsyncLifetime
{
    private static readonly ChatAddress Group = new(Bot.Core.Messaging.Platform.Telegram, Updates.GroupId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    private static readonly OutboundMessage Post = OutboundMessage.Community(Group, new CommunityPost(new DateOnly(2026, 11, 24), null));

    private readonly FakeTelegramBotApi _api = new();
    private TelegramTestHost _host = null!;

    private IChatPlatform Telegram => _host.Services.GetServices<IChatPlatform>().Single(p => p.Platform == Bot.Core.Messaging.Platform.Telegram);

    public Task InitializeAsync()
    {
        _host = new TelegramTestHost(_api, configure: s => s["Telegram:BotUsername"] = FakeTelegramBotApi.BotUsername);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task SendAsync_ACommunityPost_SendsTheInvitationWithTheDeepLinkToTheGroup()
    {
        var result = await Telegram.SendAsync(Post, "outbox-1", CancellationToken.None);

        Assert.Equal(SendStatus.Sent, result.Status);
        var call = Assert.Single(_api.CallsTo("sendMessage"));
        Assert.Equal(Updates.GroupId, FakeTelegramBotApi.Long(call.Body["chat_id"]));
        Assert.Equal(TelegramMessageRenderer.EscapeHtml(TelegramCopy.English.CommunityPost.Text), call.Body["text"]!.GetValue<string>());
        Assert.Equal(
            $"https://t.me/{FakeTelegramBotApi.BotUsername}?start=checkin",
            call.Body["reply_markup"]?["inline_keyboard"]?[0]?[0]?["url"]?.GetValue<string>());
    }

    [Theory]
    [InlineData(429, SendStatus.RetryLater)]
    [InlineData(403, SendStatus.Unreachable)]
    [InlineData(500, SendStatus.RetryLater)]
    public async Task SendAsync_TranslatesTelegramsRefusals(int errorCode, SendStatus expected)
    {
        _api.FailNext("sendMessage", errorCode, "fake refusal", retryAfter: errorCode == 429 ? 3 : null);

        var result = await Telegram.SendAsync(Post, "outbox-1", CancellationToken.None);

        Assert.Equal(expected, result.Status);
    }
}
