using Bot.Core.Conversations;
using Bot.Core.Messaging;

namespace Bot.Core.Tests.SafetyPlan;

public sealed class CommunityCrisisTests
{
    [Fact]
    public async Task CrisisLanguageInAGroup_IsAnsweredPrivately_AndTheChannelHearsOnlyANeutralLine()
    {
        var chat = new SafetyChat(country: "GB");

        await chat.User("/checkin i want to die", ChatKind.Group);

        var toGroup = chat.Said.Where(m => m.Chat == SafetyChat.Group).ToList();
        var toPerson = chat.Said.Where(m => m.Chat == SafetyChat.Private).ToList();
        Assert.Equal([SafetyChat.Copy.Text("groupNotice")], toGroup.Select(m => m.Text));
        Assert.Empty(toGroup.Single().Choices);
        Assert.Contains(toPerson, m => m.Text.Contains("116 123", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SafetyPlanAskedForInAGroup_IsShownPrivately()
    {
        var chat = new SafetyChat();
        await chat.User("/safetyplan", ChatKind.Group);

        Assert.All(chat.Said.Where(m => m.Chat == SafetyChat.Group), m => Assert.Equal(SafetyChat.Copy.Text("groupNotice"), m.Text));
        Assert.Contains(chat.Said, m => m.Chat == SafetyChat.Private && m.Text.Contains("1 of 6", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OrdinaryTextInAGroup_IsIgnored()
    {
        var chat = new SafetyChat();

        Assert.Equal(HandleOutcome.Ignored, await chat.Send("rough day at work", ChatKind.Group));
        Assert.Empty(chat.Store.Decisions);
    }

    [Fact]
    public async Task CrisisLanguageInAGroupReply_NotACommand_IsStillAnsweredPrivately()
    {
        var chat = new SafetyChat(country: "GB");

        await chat.User("honestly i cant go on anymore", ChatKind.Group);

        Assert.Equal([SafetyChat.Copy.Text("groupNotice")], chat.Said.Where(m => m.Chat == SafetyChat.Group).Select(m => m.Text));
        Assert.Contains(chat.Said, m => m.Chat == SafetyChat.Private);
        Assert.Equal(CheckInStep.SafetyHold, chat.Step);
    }
}
