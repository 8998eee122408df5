using Bot.Adapters.Discord;
using Bot.Adapters.Tests.Discord.Fakes;
using Bot.Testing.Discord;
using Bot.Core.Messaging;

namespace Bot.Adapters.Tests.Discord;

/// <summary>Fixture events through the fake gateway and Discord.Net, read into facts, then mapped: the path production takes.</summary>
public sealed class DiscordEventMapperTests(FixtureReader reader) : IClassFixture<FixtureReader>
{
    private const string BotUserId = "100000000000000001";
    private const string Sam = "200000000000000002";

    private async Task<DiscordMappedEvent?> MapAsync(string eventName, string fixture) =>
        await reader.ReadAsync(eventName, DiscordFixtures.Text(fixture)) switch
        {
            DiscordMessageFacts message => DiscordEventMapper.Map(message, BotUserId),
            DiscordInteractionFacts interaction => DiscordEventMapper.Map(interaction, BotUserId),
            _ => null,
        };

    [Fact]
    public async Task Map_DirectMessage_BecomesPrivateTextAddressedToThePerson()
    {
        var mapped = await MapAsync("MESSAGE_CREATE", "message_create_dm");

        var message = Assert.IsType<InboundMessage>(mapped?.Message);
        Assert.Equal(new ChatAddress(Platform.Discord, Sam), message.Chat);
        Assert.Equal(Sam, message.SenderId);
        Assert.Equal("1310000000000000101", message.PlatformMessageId);
        Assert.Equal("a bit tired honestly", message.Text);
        Assert.Null(message.ChoiceId);
        Assert.Equal(ChatKind.Private, message.Kind);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 8, 15, 30, 123, TimeSpan.Zero), message.SentAt);
        Assert.Null(mapped!.Answer);
    }

    [Theory]
    [InlineData("message_create_guild")]
    [InlineData("message_create_bot_author")]
    [InlineData("message_create_self")]
    [InlineData("message_create_ephemeral")]
    public async Task Map_MessagesThatAreNotAPersonsDm_AreIgnored(string fixture)
    {
        Assert.Null(await MapAsync("MESSAGE_CREATE", fixture));
    }

    [Fact]
    public async Task Map_OwnButtonInDm_BecomesTheChoiceAndRemovesTheButtons()
    {
        var mapped = await MapAsync("INTERACTION_CREATE", "interaction_button_dm");

        var message = Assert.IsType<InboundMessage>(mapped?.Message);
        Assert.Equal("mood:tired", message.ChoiceId);
        Assert.Null(message.Text);
        Assert.Equal(DiscordChat.Person(Sam), message.Chat);
        Assert.Equal("1310000000000000201", message.PlatformMessageId);
        Assert.Equal(DiscordEventMapper.SnowflakeTime("1310000000000000201"), message.SentAt);
        Assert.Equal(DiscordAnswer.RemoveButtons, mapped!.Answer);
    }

    [Theory]
    [InlineData("interaction_button_someone_else")]
    [InlineData("interaction_button_stale")]
    [InlineData("interaction_button_old_message")]
    public async Task Map_SomeoneElsesOrStaleButton_GetsOnlyTheExpiredAnswer(string fixture)
    {
        var mapped = await MapAsync("INTERACTION_CREATE", fixture);

        Assert.NotNull(mapped);
        Assert.Null(mapped.Message);
        Assert.Equal(DiscordAnswer.ButtonExpired, mapped.Answer);
    }

    [Fact]
    public async Task Map_SlashCommandInDm_BecomesCommandTextWithItsArguments()
    {
        var mapped = await MapAsync("INTERACTION_CREATE", "interaction_slash_timezone_dm");

        var message = Assert.IsType<InboundMessage>(mapped?.Message);
        Assert.Equal("/timezone Europe/Berlin", message.Text);
        Assert.Equal(DiscordChat.Person(Sam), message.Chat);
        Assert.Equal(ChatKind.Private, message.Kind);
        Assert.Equal(DiscordAnswer.AnsweredBelow, mapped!.Answer);
    }

    [Fact]
    public async Task Map_SlashCommandInAServer_IsAnsweredPrivatelyInDms()
    {
        var mapped = await MapAsync("INTERACTION_CREATE", "interaction_slash_checkin_guild");

        var message = Assert.IsType<InboundMessage>(mapped?.Message);
        Assert.Equal("/checkin", message.Text);
        Assert.Equal(DiscordChat.Person(Sam), message.Chat);
        Assert.Equal(ChatKind.Private, message.Kind);
        Assert.Equal(DiscordAnswer.AnsweredInDirectMessages, mapped!.Answer);
    }

    [Fact]
    public async Task Map_CommunitySetupByAManager_BecomesAGroupCommandForThePickedChannel()
    {
        var mapped = await MapAsync("INTERACTION_CREATE", "interaction_community_setup");

        var message = Assert.IsType<InboundMessage>(mapped?.Message);
        Assert.Equal("/community setup 500000000000000009 09:00 Europe/Berlin", message.Text);
        Assert.Equal(DiscordChat.Channel("500000000000000009"), message.Chat);
        Assert.Equal(ChatKind.Group, message.Kind);
        Assert.Equal("300000000000000003", message.SenderId);
        Assert.True(message.SenderIsChatAdmin);
        Assert.Equal(DiscordAnswer.AnsweredInCommunityChannel, mapped!.Answer);
    }

    [Fact]
    public async Task Map_CommunityStopWithoutAChannel_IsForTheChannelItWasTypedIn()
    {
        var mapped = await MapAsync("INTERACTION_CREATE", "interaction_community_stop");

        var message = Assert.IsType<InboundMessage>(mapped?.Message);
        Assert.Equal("/community stop", message.Text);
        Assert.Equal(DiscordChat.Channel("500000000000000005"), message.Chat);
        Assert.Equal(ChatKind.Group, message.Kind);
    }

    [Fact]
    public async Task Map_CommunitySetupWithoutManageServer_ReachesCoreAsNotAnAdmin_WhichDecides()
    {
        var mapped = await MapAsync("INTERACTION_CREATE", "interaction_community_setup_no_permission");

        var message = Assert.IsType<InboundMessage>(mapped?.Message);
        Assert.Equal(ChatKind.Group, message.Kind);
        Assert.False(message.SenderIsChatAdmin);
        Assert.Equal(DiscordAnswer.AnsweredInCommunityChannel, mapped!.Answer);
    }

    [Fact]
    public async Task Map_CommunityCheckInPrivately_StartsTheDmCheckInForWhoeverPressedIt()
    {
        var mapped = await MapAsync("INTERACTION_CREATE", "interaction_community_checkin");

        var message = Assert.IsType<InboundMessage>(mapped?.Message);
        Assert.Equal(DiscordChat.Person(Sam), message.Chat);
        Assert.Equal("checkin", message.ChoiceId);
        Assert.Equal(ChatKind.Private, message.Kind);
        Assert.Equal(DiscordAnswer.AnsweredInDirectMessages, mapped!.Answer);
    }

    [Fact]
    public async Task Map_CommunityOkayToday_IsAGroupChoiceAnsweredOnlyToThePresser()
    {
        var mapped = await MapAsync("INTERACTION_CREATE", "interaction_community_okay");

        var message = Assert.IsType<InboundMessage>(mapped?.Message);
        Assert.Equal(DiscordChat.Channel("500000000000000009"), message.Chat);
        Assert.Equal(ChatKind.Group, message.Kind);
        Assert.Equal("community:okay", message.ChoiceId);
        Assert.Null(message.Text);
        Assert.Equal(DiscordAnswer.CommunityOkay, mapped!.Answer);
    }
}
