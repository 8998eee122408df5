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
    public async Task OrdinaryTextInAGroup_IsIgnored_AndCommandArgumentsThereAreNeverUsed()
    {
        var chat = new SafetyChat();

        Assert.Equal(HandleOutcome.Ignored, await chat.Send("rough day at work", ChatKind.Group));
        Assert.Empty(chat.Store.Decisions);

        await chat.User("/safetyplan delete", ChatKind.Group);
        Assert.DoesNotContain("plan:delete-yes", chat.Buttons);
        Assert.Contains(chat.Said, m => m.Chat == SafetyChat.Private && m.Text.Contains("1 of 6", StringComparison.Ordinal));
    }
}
