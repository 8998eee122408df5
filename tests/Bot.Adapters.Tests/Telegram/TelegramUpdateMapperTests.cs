using System.Text.Json;
using Bot.Adapters.Telegram;
using Bot.Adapters.Tests.Telegram.Fakes;
using Bot.Testing.Telegram;
using Bot.Core.Messaging;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Bot.Adapters.Tests.Telegram;

public sealed class TelegramUpdateMapperTests
{
    private static readonly DateTimeOffset FixtureTime = DateTimeOffset.FromUnixTimeSeconds(1763971200);
    private static readonly TelegramCallbackData CallbackData = new(FakeTelegramBotApi.Token);

    private static TelegramMappingContext Context(TimeSpan? since = null) =>
        new(CallbackData, FixtureTime + (since ?? TimeSpan.FromMinutes(10)), TimeSpan.FromHours(24), FakeTelegramBotApi.BotUsername);

    private static Update Fixture(string name)
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "telegram", name + ".json"));
        return JsonSerializer.Deserialize<Update>(json, JsonBotAPI.Options)!;
    }

    private static TelegramInbound Map(string fixture) => TelegramUpdateMapper.Map(Fixture(fixture), Context());

    [Fact]
    public void Map_PrivateText_KeepsTextAndUsesUpdateIdAsDedupeKey()
    {
        var inbound = Map("private_text");

        Assert.Equal(TelegramInboundKind.Message, inbound.Kind);
        var message = inbound.Message!;
        Assert.Equal(new ChatAddress(Platform.Telegram, "111222333"), message.Chat);
        Assert.Equal("111222333", message.SenderId);
        Assert.Equal("500000101", message.PlatformMessageId);
        Assert.Equal(FixtureTime, message.SentAt);
        Assert.Equal("honestly a bit <tired> & foggy", message.Text);
        Assert.Null(message.ChoiceId);
        Assert.Equal(ChatKind.Private, message.Kind);
        Assert.Null(inbound.CallbackQueryId);
    }

    [Fact]
    public void Map_PrivateCommandAddressedToThisBot_DropsTheMention()
    {
        var message = Map("private_command").Message!;

        Assert.Equal("/checkin", message.Text);
        Assert.Equal(ChatKind.Private, message.Kind);
    }

    [Fact]
    public void Map_StartWithCheckinDeepLink_BecomesCheckinCommand()
    {
        Assert.Equal("/checkin", Map("private_start_deeplink").Message!.Text);
    }

    [Fact]
    public void Map_CallbackQueryBoundToThisChat_MapsBackToTheChoice()
    {
        var inbound = Map("callback_query");

        Assert.Equal(TelegramInboundKind.Message, inbound.Kind);
        Assert.Equal("4382bfdwdsb323b2d9", inbound.CallbackQueryId);
        Assert.Equal(44, inbound.ButtonMessageId);
        var message = inbound.Message!;
        Assert.Equal("mood:okay", message.ChoiceId);
        Assert.Null(message.Text);
        Assert.Equal("500000104", message.PlatformMessageId);
        Assert.Equal("111222333", message.SenderId);
    }

    [Theory]
    [InlineData("callback_query_other_chat")]
    [InlineData("callback_query_old_version")]
    [InlineData("callback_query_stale")]
    [InlineData("callback_query_inaccessible")]
    public void Map_ForeignStaleOrUnknownButton_IsExpiredAndStillAnswered(string fixture)
    {
        var inbound = Map(fixture);

        Assert.Equal(TelegramInboundKind.ExpiredButton, inbound.Kind);
        Assert.Null(inbound.Message);
        Assert.NotNull(inbound.CallbackQueryId);
    }

    [Fact]
    public void Map_ButtonJustInsideItsLifetime_IsAccepted_AndJustOutside_IsExpired()
    {
        var update = Fixture("callback_query");

        Assert.Equal(TelegramInboundKind.Message, TelegramUpdateMapper.Map(update, Context(TimeSpan.FromHours(24))).Kind);
        Assert.Equal(TelegramInboundKind.ExpiredButton, TelegramUpdateMapper.Map(update, Context(TimeSpan.FromHours(24) + TimeSpan.FromSeconds(1))).Kind);
    }

    [Fact]
    public void Map_BlockedAndUnblocked_ChangeReachability()
    {
        var blocked = Map("my_chat_member_blocked");
        var unblocked = Map("my_chat_member_unblocked");

        Assert.Equal(TelegramInboundKind.ReachabilityChanged, blocked.Kind);
        Assert.Equal(new ChatAddress(Platform.Telegram, "111222333"), blocked.Chat);
        Assert.False(blocked.Reachable);
        Assert.Equal(TelegramInboundKind.ReachabilityChanged, unblocked.Kind);
        Assert.True(unblocked.Reachable);
    }

    [Fact]
    public void Map_GroupCommand_PassesItsWords_ForTheCoreToScreen()
    {
        var message = Map("group_command_with_personal_text").Message!;

        Assert.Equal("/checkin I feel awful about my exam", message.Text);
        Assert.Equal(ChatKind.Group, message.Kind);
        Assert.Equal("-1001234567890", message.Chat.ChatId);
        Assert.Equal("111222333", message.SenderId);
    }

    [Theory]
    [InlineData("group_reply_to_bot", "honestly I don't see the point of going on")]
    [InlineData("group_mention", "@CompassionTestBot can't do this much longer")]
    public void Map_GroupTextAddressedToTheBot_ReachesTheCore(string fixture, string text)
    {
        var message = Map(fixture).Message!;

        Assert.Equal(text, message.Text);
        Assert.Equal(ChatKind.Group, message.Kind);
        Assert.Equal("111222333", message.SenderId);
    }

    [Theory]
    [InlineData("group_plain_text")]
    [InlineData("group_reply_to_person")]
    [InlineData("group_command_other_bot")]
    [InlineData("edited_message")]
    [InlineData("sticker")]
    [InlineData("from_bot")]
    [InlineData("channel_post")]
    public void Map_NothingForTheConversation_IsIgnoredGracefully(string fixture)
    {
        var inbound = Map(fixture);

        Assert.Equal(TelegramInboundKind.Ignored, inbound.Kind);
        Assert.Null(inbound.Message);
    }
}
