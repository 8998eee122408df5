using Bot.Core.Conversations;
using Bot.Core.SafetyPlan;

namespace Bot.Core.Tests.SafetyPlan;

public sealed class SafetyPlanTranscriptTests
{
    private static SafetyPlanCopy Copy => SafetyChat.Copy;

    [Fact]
    public async Task BuildingAPlan_WithSkips_WalksAllSixParts_AndSavesOnlyWhatWasWritten()
    {
        var chat = new SafetyChat(country: "GB");

        await chat.User("/safetyplan");
        Assert.Equal(CheckInStep.SafetyPlanning, chat.Step);
        Assert.Contains(Copy.Text("part1"), chat.SaidText, StringComparison.Ordinal);
        Assert.Contains("plan:skip", chat.Buttons);

        await chat.User("I stop answering messages; I can't sleep");
        Assert.Contains(Copy.Text("part2"), chat.SaidText, StringComparison.Ordinal);

        await chat.Press("plan:skip");
        Assert.Contains(Copy.Text("part3"), chat.SaidText, StringComparison.Ordinal);

        await chat.User("my sister's kitchen");
        await chat.User("Sam, 07700 900123");
        Assert.Contains("Samaritans", chat.SaidText, StringComparison.Ordinal);
        Assert.Contains("plan:keep", chat.Buttons);

        await chat.Press("plan:keep");
        Assert.Contains("6 of 6", chat.SaidText, StringComparison.Ordinal);

        await chat.Press("plan:skip");
        Assert.Equal(CheckInStep.Idle, chat.Step);
        Assert.Contains(Copy.Text("done"), chat.SaidText, StringComparison.Ordinal);
        Assert.Contains("Sam, 07700 900123", chat.SaidText, StringComparison.Ordinal);

        var plan = chat.Plan!;
        Assert.Equal(["I stop answering messages", "I can't sleep"], plan[SafetyPlanPart.WarningSigns]);
        Assert.Empty(plan[SafetyPlanPart.OnMyOwn]);
        Assert.Equal(["my sister's kitchen"], plan[SafetyPlanPart.PeopleAndPlaces]);
        Assert.Equal(["Sam, 07700 900123"], plan[SafetyPlanPart.PeopleToAsk]);
        Assert.Equal(3, plan[SafetyPlanPart.Professionals].Count);
        Assert.Contains(plan[SafetyPlanPart.Professionals], l => l.Contains("116 123", StringComparison.Ordinal));
        Assert.Empty(plan[SafetyPlanPart.SaferSurroundings]);
        Assert.All(chat.Store.Decisions.SelectMany(d => d.History), h => Assert.Null(h.FreeText));
    }

    [Fact]
    public async Task StoppingHalfway_KeepsWhatWasWritten_AndLeavesTheWalk()
    {
        var chat = new SafetyChat();
        await chat.User("/safetyplan");
        await chat.User("going quiet");
        await chat.User("skip");
        await chat.User("stop");

        Assert.Equal(CheckInStep.Idle, chat.Step);
        Assert.Contains(Copy.Text("stopped"), chat.SaidText, StringComparison.Ordinal);
        Assert.Equal(["going quiet"], chat.Plan![SafetyPlanPart.WarningSigns]);
        Assert.Empty(chat.Plan[SafetyPlanPart.OnMyOwn]);
        Assert.Empty(chat.Plan[SafetyPlanPart.PeopleAndPlaces]);
    }

    [Fact]
    public async Task EditingOnePart_ReplacesOnlyThatPart_AndShowsThePlan()
    {
        var chat = new SafetyChat();
        chat.Plans.Plans[chat.Store.Person.Id] = PersonalSafetyPlan.Empty
            .With(SafetyPlanPart.WarningSigns, ["racing thoughts"])
            .With(SafetyPlanPart.PeopleToAsk, ["Sam, 07700 900123"]);

        await chat.User("/safetyplan");
        Assert.Contains("racing thoughts", chat.SaidText, StringComparison.Ordinal);
        Assert.Contains("plan:edit", chat.Buttons);

        await chat.Press("plan:edit");
        Assert.Contains("plan:part:4", chat.Buttons);

        await chat.Press("plan:part:4");
        Assert.Equal(CheckInStep.SafetyPlanning, chat.Step);
        await chat.User("Alex, alex@example.org");

        Assert.Equal(CheckInStep.Idle, chat.Step);
        Assert.Equal(["Alex, alex@example.org"], chat.Plan![SafetyPlanPart.PeopleToAsk]);
        Assert.Equal(["racing thoughts"], chat.Plan[SafetyPlanPart.WarningSigns]);
        Assert.Contains("Alex, alex@example.org", chat.SaidText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditByCommand_AndDeleteAfterConfirming()
    {
        var chat = new SafetyChat();
        chat.Plans.Plans[chat.Store.Person.Id] = PersonalSafetyPlan.Empty.With(SafetyPlanPart.OnMyOwn, ["a walk"]);

        await chat.User("/safetyplan edit 2");
        await chat.Press("plan:skip");
        Assert.Equal(["a walk"], chat.Plan![SafetyPlanPart.OnMyOwn]);
        Assert.Equal(CheckInStep.Idle, chat.Step);

        await chat.User("/safetyplan delete");
        Assert.Contains("plan:delete-yes", chat.Buttons);
        Assert.NotNull(chat.Plan);

        await chat.Press("plan:delete-yes");
        Assert.Null(chat.Plan);
        Assert.Contains(Copy.Text("deleted"), chat.SaidText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Crisis_WithAPlan_OffersItAfterTheHumanRoutes_BeforeTheQuestion()
    {
        var chat = new SafetyChat(country: "GB");
        chat.Plans.Plans[chat.Store.Person.Id] = PersonalSafetyPlan.Empty.With(SafetyPlanPart.OnMyOwn, ["cold water on my face"]);

        await chat.User("I want to kill myself");

        Assert.Equal(CheckInStep.SafetyHold, chat.Step);
        var texts = chat.Said.Select(m => m.Text).ToList();
        var routes = texts.FindIndex(t => t.Contains("116 123", StringComparison.Ordinal));
        var offer = texts.FindIndex(t => t == Copy.Text("crisisOffer"));
        Assert.True(routes >= 0 && offer > routes, chat.SaidText);
        Assert.Equal(["plan:open"], chat.Said[offer].Choices.Select(c => c.Id));
        Assert.Contains("safe", chat.Said[^1].Choices.Select(c => c.Id));

        await chat.Press("plan:open");
        Assert.Contains("cold water on my face", chat.SaidText, StringComparison.Ordinal);
        Assert.Equal(CheckInStep.SafetyHold, chat.Step);
    }

    [Fact]
    public async Task NotSafe_WithAPlan_StaysAfterTheRoutes_AndOffersThePlanAndBreathing()
    {
        var chat = new SafetyChat(country: "GB");
        chat.Plans.Plans[chat.Store.Person.Id] = PersonalSafetyPlan.Empty.With(SafetyPlanPart.OnMyOwn, ["cold water on my face"]);

        await chat.User("I want to kill myself");
        await chat.User("I'm not safe");

        Assert.Equal(CheckInStep.SafetyHold, chat.Step);
        var texts = chat.Said.Select(m => m.Text).ToList();
        var routes = texts.FindIndex(t => t.Contains("116 123", StringComparison.Ordinal));
        var offer = texts.FindIndex(t => t == Copy.Text("crisisOffer"));
        Assert.True(routes >= 0 && offer > routes && offer < texts.Count - 1, chat.SaidText);
        Assert.Contains("yes", chat.Said[^1].Choices.Select(c => c.Id));
        Assert.NotEqual(CheckInStep.SafetyAskingFollowUp, chat.Step);
    }

    [Fact]
    public async Task Crisis_WithoutAPlan_NeverOffersToWriteOneDuringIt_OnlyAfterwards()
    {
        var chat = new SafetyChat(country: "GB");

        await chat.User("I want to kill myself");
        Assert.DoesNotContain("safetyplan", chat.SaidText, StringComparison.Ordinal);
        Assert.DoesNotContain("plan:open", chat.Buttons);

        await chat.Press("plan:open");
        Assert.Equal(CheckInStep.SafetyHold, chat.Step);
        Assert.DoesNotContain(chat.Said, m => m.Text.Contains(Copy.Text("part1"), StringComparison.Ordinal));

        await chat.Press("safe");
        await chat.User("leave it here");
        Assert.Equal(CheckInStep.SafetyAskingFollowUp, chat.Step);
        Assert.Equal(Copy.Text("followUpAsk"), chat.Said[^1].Text);

        await chat.Press("followup:no");
        Assert.Equal(CheckInStep.Closed, chat.Step);
        Assert.Contains(Copy.Text("buildLater"), chat.SaidText, StringComparison.Ordinal);
        Assert.Null(chat.Store.Last.SafetyFollowUp);
    }
}
