using Bot.Adapters.Discord;
using Bot.Core.Messaging;

namespace Bot.Adapters.Tests.Discord;

public sealed class DiscordEventMapperTests
{
    private const string BotUserId = "100000000000000001";
    private const string Sam = "200000000000000002";

    private static DiscordMappedEvent? Map(string eventName, string fixture) =>
        DiscordEventMapper.Map(eventName, DiscordFixtures.Load(fixture), BotUserId);

    [Fact]
    public void Map_DirectMessage_BecomesPrivateTextAddressedToThePerson()
    {
        var mapped = Map("MESSAGE_CREATE", "message_create_dm");

        var message = Assert.IsType<InboundMessage>(mapped?.Message);
        Assert.Equal(new ChatAddress(Platform.Discord, Sam), message.Chat);
        Assert.Equal(Sam, message.SenderId);
        Assert.Equal("1310000000000000101", message.PlatformMessageId);
        Assert.Equal("a bit tired honestly", message.Text);
        Assert.Null(message.ChoiceId);
        Assert.Equal(ChatKind.Private, message.Kind);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 8, 15, 30, 123, TimeSpan.Zero), message.SentAt);
        Assert.Null(mapped!.Interaction);
    }

    [Theory]
    [InlineData("message_create_guild")]
    [InlineData("message_create_bot_author")]
    [InlineData("message_create_self")]
    [InlineData("message_create_ephemeral")]
    public void Map_MessagesThatAreNotAPersonsDm_AreIgnored(string fixture)
    {
        Assert.Null(Map("MESSAGE_CREATE", fixture));
    }

    [Fact]
    public void Map_UnknownEvent_IsIgnored()
    {
        Assert.Null(Map("TYPING_START", "message_create_dm"));
    }

    [Fact]
    public void Map_OwnButtonInDm_BecomesTheChoiceAndRemovesTheButtons()
    {
        var mapped = Map("INTERACTION_CREATE", "interaction_button_dm");

        var message = Assert.IsType<InboundMessage>(mapped?.Message);
        Assert.Equal("mood:tired", message.ChoiceId);
        Assert.Null(message.Text);
        Assert.Equal(DiscordChat.Person(Sam), message.Chat);
        Assert.Equal("1310000000000000201", message.PlatformMessageId);
        Assert.Equal(DiscordEventMapper.SnowflakeTime("1310000000000000201"), message.SentAt);
        var interaction = mapped!.Interaction!;
        Assert.Equal(DiscordAnswer.RemoveButtons, interaction.Answer);
        Assert.Equal("interaction-token-button-dm", interaction.Token);
        Assert.Equal("900000000000000001", interaction.ApplicationId);
        Assert.True(interaction.IsComponent);
    }

    [Theory]
    [InlineData("interaction_button_someone_else")]
    [InlineData("interaction_button_stale")]
    [InlineData("interaction_button_old_message")]
    public void Map_SomeoneElsesOrStaleButton_GetsOnlyTheExpiredAnswer(string fixture)
    {
        var mapped = Map("INTERACTION_CREATE", fixture);

        Assert.NotNull(mapped);
        Assert.Null(mapped.Message);
        Assert.Equal(DiscordAnswer.ButtonExpired, mapped.Interaction!.Answer);
    }

    [Fact]
    public void Map_SlashCommandInDm_BecomesCommandTextWithItsArguments()
    {
        var mapped = Map("INTERACTION_CREATE", "interaction_slash_timezone_dm");

        var message = Assert.IsType<InboundMessage>(mapped?.Message);
        Assert.Equal("/timezone Europe/Berlin", message.Text);
        Assert.Equal(DiscordChat.Person(Sam), message.Chat);
        Assert.Equal(ChatKind.Private, message.Kind);
        Assert.Equal(DiscordAnswer.AnsweredBelow, mapped!.Interaction!.Answer);
        Assert.False(mapped.Interaction.IsComponent);
    }

    [Fact]
    public void Map_SlashCommandInAServer_IsAnsweredPrivatelyInDms()
    {
        var mapped = Map("INTERACTION_CREATE", "interaction_slash_checkin_guild");

        var message = Assert.IsType<InboundMessage>(mapped?.Message);
        Assert.Equal("/checkin", message.Text);
        Assert.Equal(DiscordChat.Person(Sam), message.Chat);
        Assert.Equal(ChatKind.Private, message.Kind);
        Assert.Equal(DiscordAnswer.AnsweredInDirectMessages, mapped!.Interaction!.Answer);
    }

    [Fact]
    public void Map_CommunitySetupByAManager_BecomesAGroupCommandForThePickedChannel()
    {
        var mapped = Map("INTERACTION_CREATE", "interaction_community_setup");

        var message = Assert.IsType<InboundMessage>(mapped?.Message);
        Assert.Equal("/community setup 500000000000000009 09:00 Europe/Berlin", message.Text);
        Assert.Equal(DiscordChat.Channel("500000000000000009"), message.Chat);
        Assert.Equal(ChatKind.Group, message.Kind);
        Assert.Equal("300000000000000003", message.SenderId);
        Assert.Equal(DiscordAnswer.AnsweredInCommunityChannel, mapped!.Interaction!.Answer);
    }

    [Fact]
    public void Map_CommunityStopWithoutAChannel_IsForTheChannelItWasTypedIn()
    {
        var mapped = Map("INTERACTION_CREATE", "interaction_community_stop");

        var message = Assert.IsType<InboundMessage>(mapped?.Message);
        Assert.Equal("/community stop", message.Text);
        Assert.Equal(DiscordChat.Channel("500000000000000005"), message.Chat);
        Assert.Equal(ChatKind.Group, message.Kind);
    }

    [Fact]
    public void Map_CommunitySetupWithoutManageServer_IsRefusedWithoutReachingCore()
    {
        var mapped = Map("INTERACTION_CREATE", "interaction_community_setup_no_permission");

        Assert.NotNull(mapped);
        Assert.Null(mapped.Message);
        Assert.Equal(DiscordAnswer.NeedsManageServer, mapped.Interaction!.Answer);
    }

    [Fact]
    public void Map_CommunityCheckInPrivately_StartsTheDmCheckInForWhoeverPressedIt()
    {
        var mapped = Map("INTERACTION_CREATE", "interaction_community_checkin");

        var message = Assert.IsType<InboundMessage>(mapped?.Message);
        Assert.Equal(DiscordChat.Person(Sam), message.Chat);
        Assert.Equal("checkin", message.ChoiceId);
        Assert.Equal(ChatKind.Private, message.Kind);
        Assert.Equal(DiscordAnswer.AnsweredInDirectMessages, mapped!.Interaction!.Answer);
    }

    [Fact]
    public void Map_CommunityOkayToday_IsAGroupChoiceAnsweredOnlyToThePresser()
    {
        var mapped = Map("INTERACTION_CREATE", "interaction_community_okay");

        var message = Assert.IsType<InboundMessage>(mapped?.Message);
        Assert.Equal(DiscordChat.Channel("500000000000000009"), message.Chat);
        Assert.Equal(ChatKind.Group, message.Kind);
        Assert.Equal("community:okay", message.ChoiceId);
        Assert.Null(message.Text);
        Assert.Equal(DiscordAnswer.CommunityOkay, mapped!.Interaction!.Answer);
    }
}
